"""Module 03, review 75 (a negotiation professor's review): the label questions' rule for
one answer given to every item (X1, X2). Each test failed on the code or text before this
round."""

import dataclasses
from itertools import product

import pytest

import course
from course.checks import power as check
from course.checks.hints import NotYet
from course.scenarios.power import BASES, DEPENDENCE, LABELS, PRACTICE_FACTS, power_key, tactic_key
from course.variants import learner_as

LEARNERS = [f"rev75-{n}" for n in range(40)]


@pytest.mark.parametrize("name", LEARNERS)
def test_one_answer_for_every_item_earns_nothing_in_questions_1_and_9a(name):
    """X1, X2: one label for all four statements of question 9a earned one mark of two for
    285 of 300 learners, and one (base, direction) pair for all four facts of question 1
    for 135: each item it fitted paid its half mark. Question 5's rule now holds in both:
    if all four answers are the same, none earns anything; the key still earns both marks."""
    s = course.variant("03_power", name)
    labels, pairs = tactic_key(s), power_key(s)
    with learner_as(name):
        for label in LABELS:
            graded = check.rate_tactics(lambda label=label: dict.fromkeys("ABCD", label), True)
            assert graded.earned == 0, (name, label)
        for pair in product(BASES, DEPENDENCE):
            graded = check.power_sources(lambda pair=pair: dict.fromkeys("ABCD", pair), True)
            assert graded.earned == 0, (name, pair)
        assert check.rate_tactics(lambda: labels, True).earned == 2
        assert check.power_sources(lambda: pairs, True).earned == 2


def test_the_visible_check_says_one_answer_for_all_four_earns_nothing(learner, capsys):
    """X1, X2: the visible check, which judges only the form of the own answers, now says
    when all four are the same, as question 5's does for one rule; the words name no label
    and are true of any such answer, since no draw has one answer right for three items."""
    practice = {int(n): fact[:2] for n, fact in PRACTICE_FACTS.items()}
    for pair in product(BASES, DEPENDENCE):
        with pytest.raises(NotYet) as failure:
            check.power_sources(lambda pair=pair: practice | dict.fromkeys("ABCD", pair))
        assert "all four of your own facts have the same answer" in str(failure.value)
    for label in LABELS:
        with pytest.raises(NotYet) as failure:
            check.rate_tactics(lambda label=label: dict.fromkeys("ABCD", label))
        assert "all four of your own statements have the same answer" in str(failure.value)
        for other in LABELS:
            assert f"'{other}'" not in str(failure.value)
    own = power_key(course.variant("03_power", learner))
    assert check.power_sources(lambda: practice | own) is None
    assert "This check does not judge them" in capsys.readouterr().out


def _flat(text):
    return " ".join(text.split())


def test_question_9b_premise_weighs_an_unchecked_offer_as_its_key_does():
    """C3, X3, U7: question 9b's premise said Granite reads *any* alternative Kestrel names
    as a sign of its threshold, yet the key marks "mention" wrong for an offer made only by
    telephone because Granite may not believe it. The premise now says an alternative
    Granite cannot check weighs little (so "confirm first" beats "mention", and naming a
    weak one still lowers what Granite expects), and the hints say the same; and the text
    and story say the new offer is made the same way as the first (``s.harrow_in_writing``),
    where "on the same terms" left it open."""
    from tests.test_models_power import PROSE, _section

    nine = _flat(_section(PROSE, "**Part b (1 mark).**", "def harrow_move"))
    assert "reads any alternative" not in nine
    assert (
        "Granite reads an alternative Kestrel names as a sign of that share, but gives "
        "little weight to one it cannot check." in nine
    )
    assert (
        "Harrow's new offer is worth `s.outside_offer` again and, like its first, is in a "
        "signed letter only if `s.harrow_in_writing` is `True`." in nine
    )
    seven = _flat(_section(PROSE, "## 7. Using power", "### Question 9"))
    assert "cannot check what Kestrel says of it, so an offer made only by telephone" in seven
    for n in range(12):
        s = course.variant("03_power", f"rev75-c3-{n}")
        assert "on the same terms and made the same way (in writing or by telephone)" in (
            _flat(s.story())
        )
        strong = dict(outside_offer=s.granite_guess + 5_000)
        phoned = check._harrow_move_hint(
            dataclasses.replace(s, harrow_in_writing=False, **strong), "mention", "confirm first"
        )
        assert "may not be believed" not in phoned[0] and "little weight" in phoned[0]
        weak = dataclasses.replace(s, outside_offer=s.granite_guess - 5_000)
        quiet = check._harrow_move_hint(weak, "mention", "keep quiet")[0]
        assert "reads any alternative" not in quiet and "reads an alternative" in quiet


def test_the_loans_interest_is_no_cost_of_delay_in_question_8_or_the_story():
    """C1: question 8 and story part 5 said the loan's interest was counted in Kestrel's
    discount factor, yet the overdraft it replaces runs either way until the contract's
    first payment on a fixed date (part 4, section 4), and so does the loan: its interest is
    no cost of delay and cannot be in delta. Both now say so."""
    from tests.test_models_power import PROSE, _section

    eight = _section(PROSE, "### Question 8", "def best_lever")
    assert "interest counted in" not in eight
    # review 92, E1: the cost of delay is a share of each side's own part: the loan's lower rate on the margin waited for is what raises delta
    assert "so waiting for its margin costs Kestrel less" in eight
    for n in range(12):
        story = _flat(course.variant("03_power", f"rev75-c1-{n}").story())
        assert "already counted in that figure" not in story
        # review 92, E1: the cost of delay is a share of each side's own part
        assert "but the rest now waits at the loan's lower rate" in story


def test_yardstick_names_one_thing_in_module_03():
    """C2: module 03 called module 02's rule for mentioning an alternative (their estimate
    of your reservation price) "module 02's yardstick", while module 02 keeps "yardstick"
    for the even split, your own measure of fairness, and module 03 for Atlas's Shapley
    value (question 4). It is now module 02's threshold, the same idea as section 7's
    acceptance threshold without patience; every "yardstick" left in module 03's text is
    Atlas's own measure, the Shapley value it proposed."""
    import re

    from tests.test_models_power import PROSE

    assert "Module 02's yardstick" not in PROSE
    # review 76, C1: module 02 has no "threshold"; its rule is called a rule
    assert "Module 02's rule compared the alternative with their estimate of your" in " ".join(
        PROSE.split()
    )
    for found in re.finditer(r"yardstick", PROSE):
        around = PROSE[max(0, found.start() - 120) : found.end() + 60]
        assert "Atlas" in around or "Atlas's figure" in around, around


def test_section_1_calls_authority_legitimate_power_renamed_and_folds_lewicki():
    """U2: section 1 said authority was "different from" French and Raven's legitimate
    power, yet its examples (a harbour master, a signature, a chair) are textbook legitimate
    power: the course renames it, to keep "legitimate" for section 7. Lewicki, Saunders and
    Barry's third typology went into a fold (cut in round 81)."""
    from tests.test_models_power import PROSE, _section

    one = _flat(_section(PROSE, "## 1. Where power comes from", "**Trust and credibility.**"))
    assert "different from French and Raven" not in one
    assert "(French and Raven's *legitimate* power; section 7 uses" in one  # review 102, U4  # r83
    # review 80, U1 (round 81): the Lewicki, Saunders and Barry fold was cut for length
