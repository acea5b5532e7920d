"""Review 91 of module 00: question 2 refused a defensible audit in the warehouse case (X1);
and the items C1, U1 to U4 and X2 on its text. Each test fails on the code or text before
its fix."""

import pytest

import course
from course.checks import leverage as check
from course.checks.hints import NotYet
from course.scenarios.leverage import REFINANCE
from tests.sweeps import cell_text

MODULE = "00_leverage"

#: The reviewer's audit for rv91-bob: Brannock's power (6) above the owner's (5).
AUDIT = {
    "yours": {"information": 6, "alternatives": 5, "power": 5},
    "theirs": {"information": 6, "alternatives": 4, "power": 6},
    "weights": {"information": 0.25, "alternatives": 0.4, "power": 0.35},
}


def test_x1_brannocks_pull_on_your_bank_lets_its_power_be_rated_above_yours():
    """X1: "you own the rail siding that Brannock's freight needs" held the owner's power at
    least at Brannock's for every learner, and quoted a need that only another fact states.
    A learner who drew REFINANCE (Brannock's name raises what banks lend, and the owner
    plans to refinance) may now rate Brannock's power higher; a learner who did not is
    still held to the rule."""
    bob = course.variant(MODULE, "rv91-bob")
    assert bob.case == "deadline" and REFINANCE in bob.facts.values()
    check.judge_audit(bob, AUDIT)  # raises NotYet for an audit it refuses
    without = [
        s
        for s in (course.variant(MODULE, f"rv91-{n}") for n in range(400))
        if s.case == "deadline" and REFINANCE not in s.facts.values()
    ]
    assert without
    for s in without[:5]:
        with pytest.raises(NotYet, match="rail siding that Brannock's freight needs"):
            check.judge_audit(s, AUDIT)


def _markdown(grade_id):
    return " ".join(cell_text(MODULE, "leverage", grade_id).split())


def test_u1_the_weakness_rule_is_stated_once_with_its_reason_and_the_take_away_is_an_idea():
    """U1: "Question 1 accepts only your information, question 4a either" stood in section 2
    (before question 4a exists), questions 1 and 4a and the first take-away, with no reason.
    It is now said once, in section 2's side note, with its reason; questions 1 and 4a point
    there, and the take-away states a negotiation idea instead."""
    rule = "Question 1 accepts only your information, question 4a either"
    places = ("sources-teaching", "q1-text", "q4-text", "summary")
    assert not any(rule in _markdown(g) for g in places)
    side_note = _markdown("sources-teaching").split("<details>")[1]
    assert "Question 1 files a fact as stated (what you know), so it accepts only" in side_note
    assert "question 4a asks which one rating a newly revealed weakness moves" in side_note
    for grade_id in ("q1-text", "q4-text"):
        assert "(section 2's side note)" in _markdown(grade_id), grade_id
    first = _markdown("summary").split("- ")[1]
    assert first.startswith("What you know about their weakness is worth only what it lets")
    assert "Question" not in first
