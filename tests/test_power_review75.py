"""Module 03, review 75 (a negotiation professor's review): the label questions' rule for
one answer given to every item (X1, X2). Each test failed on the code or text before this
round."""

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
