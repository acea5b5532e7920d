"""Review 96 of module 00 (fix round 97): what the fresh reader found, and what the text and
checks do now. Each test fails on the text or code before the fix."""

import pytest

import course
from course.checks import leverage as check
from course.checks.hints import NotYet
from course.scenarios.leverage import WEIGHT_FLOOR, rules_for

MODULE = "00_leverage"


def _supplier():
    return next(
        s for s in (course.variant(MODULE, f"rv-{n}") for n in range(40)) if s.case == "supplier"
    )


def test_x2_two_failed_floors_under_one_weight_give_one_bound_the_binding_one():
    """Review 96 X2: with information weighted 0.05, the supplier's hint listed both
    "information should weigh at least 0.2" (its story's floor) and "... at least 0.1" (every
    source's floor): two rules with different numbers for one weight. Only the higher floor,
    the one that binds, is told now; the audit is still refused, so no mark changes."""
    s = _supplier()
    floors = sorted(
        r.value for r in rules_for(s) if r.kind == "weight_floor" and r.source == "information"
    )
    assert floors == [WEIGHT_FLOOR, 0.2]
    audit = {
        "yours": {"information": 4, "alternatives": 6, "power": 3},
        "theirs": {"information": 6, "alternatives": 4, "power": 7},
        "weights": {"information": 0.05, "alternatives": 0.35, "power": 0.6},
    }
    with pytest.raises(NotYet) as refusal:
        check.judge_audit(s, audit)
    said = str(refusal.value)
    assert said.count("information should weigh at least") == 1, said
    assert f"information should weigh at least {max(floors):g}" in said
    # between the two floors only the story's fails, and it is told as before
    audit["weights"] = {"information": 0.15, "alternatives": 0.25, "power": 0.6}
    with pytest.raises(NotYet, match=r"information should weigh at least 0\.2") as refusal:
        check.judge_audit(s, audit)
    assert f"at least {WEIGHT_FLOOR:g}" not in str(refusal.value)
    # a floor under another source still shows beside it
    audit["weights"] = {"information": 0.05, "alternatives": 0.9, "power": 0.05}
    with pytest.raises(NotYet) as refusal:
        check.judge_audit(s, audit)
    said = str(refusal.value)
    assert said.count("information should weigh at least") == 1, said
    assert f"power should weigh at least {WEIGHT_FLOOR:g}" in said
