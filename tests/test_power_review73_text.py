"""Module 03, review 73: question 5's mark promise (X1), question 4's sentence on Atlas's
figure (U2), the Luxembourg citation (E1) and the small items U4 to U6. Each test failed on
the text before this round."""

import course
from tests.test_power_review71_text import _kinds, _priced


def _flat(text):
    return " ".join(text.split())


def _five():
    from tests.test_models_power import PROSE

    return _flat(PROSE[PROSE.index("### Question 5") : PROSE.index("def rig_prices")])


def test_question_5_states_its_one_rule_exception_with_its_quarter_mark_promise(capsys):
    """X1: the text promised a quarter mark for each version with its price right, then said
    that prices all following one rule earn nothing, though two of them are right (every
    scenario has two versions of each kind): one rule applied to all four scores 0 under
    grading. The promise now carries the exception in the same sentence, and says that the
    right prices in such an answer earn nothing too; the check's closing words say it as
    well. The marking is unchanged: a constant rule earns 0 with two versions right, one
    misread version 0.75."""
    from course.checks import power as check
    from course.scenarios.power import rig_price
    from course.variants import hidden_cases_as, learner_as

    five = _five()
    assert "Only prices that all follow one rule earn nothing" not in five
    assert (
        "Each version with its price right earns a quarter mark, so one misread version "
        "costs a quarter; but if all four prices follow one rule, none earns anything, "
        "right or not, since such an answer treats both kinds alike."
    ) in five
    with learner_as("ada"):
        s = course.variant("03_power", "ada")
        assert check.rig_prices(lambda t: _priced(t, _kinds(s))) is None
    assert "a quarter mark a version, none if all four prices follow one rule" in _flat(
        capsys.readouterr().out
    )
    for name in ("learner-1", "learner-7", "ada"):
        with learner_as(name), hidden_cases_as("some-key"):
            s = course.variant("03_power", name)
            kinds = _kinds(s)
            for rule in (True, False):
                constant = dict.fromkeys(kinds, rule)
                prices = _priced(s, constant)
                right = sum(
                    abs(prices[v.letter] - rig_price(s, v)) <= check.RIG_TOLERANCE * s.rig_value
                    for v in s.rig_versions
                )
                assert right == 2, (name, rule)  # two right, yet nothing, as the text says
                outcome = check.rig_prices(lambda t, w=constant: _priced(t, w), True)
                assert outcome.earned == 0, (name, rule)
