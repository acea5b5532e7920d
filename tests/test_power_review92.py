"""Module 03, review 92 (an independent negotiation professor's review), fixed in round 92.
Each test failed on the text or code before this round."""

import pytest

import course
from course.checks import power as check
from course.scenarios.power import rig_price
from course.variants import hidden_cases_as, learner_as
from tests.notebooks import solution_namespace


@pytest.mark.parametrize("key", [None, "some-key"])
def test_x1_question_5s_graded_message_gives_the_learners_own_prices(key):
    """X1: at grading each right version's message read "version A: 29,000", the price of
    the last scenario judged, not the learner's own (rv92-alice's version A is 21,000).
    The message is now the learner's own version's, and the marks are unchanged."""
    solution = solution_namespace("03_power", "power")["rig_prices"]
    with learner_as("rv92-alice"), hidden_cases_as(key):
        own = course.variant("03_power", "rv92-alice")
        outcome = check.rig_prices(solution, True)
        others = check._rig_scenarios(True)[1:]
    assert outcome.earned == outcome.possible
    shown = 0
    for o in outcome.outcomes:
        letter = o.check.removeprefix("version ")
        version = next(v for v in own.rig_versions if v.letter == letter)
        mine = f"{rig_price(own, version):,.0f}"
        assert o.message.startswith(f"version {letter}: {mine}."), o.message
        last = next(v for v in others[-1].rig_versions if v.letter == letter)
        if f"{rig_price(others[-1], last):,.0f}" != mine:
            shown += 1
    assert shown  # the case the review found: the last scenario's price differs
