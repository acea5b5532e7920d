"""Review 91 of module 00: question 2 refused a defensible audit in the warehouse case (X1).
The test fails on the code before the fix."""

import pytest

import course
from course.checks import leverage as check
from course.checks.hints import NotYet
from course.scenarios.leverage import REFINANCE

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
