"""Module 02, review 103 (fixes of round 105): each test below failed on the code or text
before its fix."""

import functools

from course.checks import batna as check
from tests.notebooks import solution_namespace

SWEEP = [f"id-{n}" for n in range(300)]


@functools.lru_cache(maxsize=1)
def _solutions():
    """The notebook's own solutions."""
    return solution_namespace("02_batna", "batna")


def _ignores_risk_averse(offers, risk_averse=False):
    """Question 2 right by expected values, with the argument taken and never used."""
    return _solutions()["choose_batna"](offers)


def _one_argument(offers):
    """Question 2 right by expected values, without the second argument at all."""
    return _solutions()["choose_batna"](offers)


def test_x4_question_2_checks_risk_averse_on_a_line_of_no_marks(monkeypatch, capsys):
    """X4: an answer that ignored ``risk_averse`` passed question 2 in full, silently, and
    lost its first mark in question 3. Question 2's visible check now ends with a line of no
    marks that tries ``risk_averse=True`` and says what is wrong. Swept over 300 learners:
    the notebook's solution passes both lines; an answer that ignores the argument passes
    question 2 (its marks do not change) and is told, on every learner, that it ignores
    risk_averse; one without the argument is told that it stops."""
    _solutions()  # run the notebook's cells here, not first inside the check's call
    for learner in SWEEP:
        monkeypatch.setenv("LEVERAGE_LEARNER", learner)
        assert check.choose_batna(_solutions()["choose_batna"]) is None  # no hint raised
        said = capsys.readouterr().out
        assert f"\N{CHECK MARK} {check.RISK_AVERSE_LINE} values Lumen and Freelance" in said
        assert check.choose_batna(_ignores_risk_averse) is None  # question 2's marks kept
        said = capsys.readouterr().out
        assert f"\N{BALLOT X} {check.RISK_AVERSE_LINE} is not right" in said, learner
        assert "it ignores risk_averse" in said and "or it gives" not in said, said
        assert check.choose_batna(_one_argument) is None
        assert "it stops with an error" in capsys.readouterr().out
    # hidden checks (grading) make no such line: it is feedback for the learner
    assert check.choose_batna(_ignores_risk_averse, hidden=True) is None
    assert check.RISK_AVERSE_LINE not in capsys.readouterr().out


def test_x4_question_3s_hint_names_question_2s_function(monkeypatch):
    """X4: question 3's second part, failed by a choose_batna that ignores risk_averse, said
    only that the gambles were at their expected values, and sent the learner nowhere; it
    also said question 2's check does not test the branch, no longer true. It now names
    choose_batna (question 2) and its line of no marks."""
    monkeypatch.setenv("LEVERAGE_LEARNER", "id-1")
    _solutions()  # run the notebook's cells here, not first inside the check's call

    def reservation_salary(offers, risk_averse=False):
        return _ignores_risk_averse(offers, risk_averse)[1] + offers.commute_cost

    got = {o.check: o for o in check.reservation_salary(reservation_salary).outcomes}
    assert got["expected values"].earned == 1
    sure = got["sure amounts"]
    assert sure.earned == 0
    assert "the fault is in choose_batna (question 2)" in sure.message
    assert "line of no marks" in sure.message
    assert "does not test it" not in sure.message
