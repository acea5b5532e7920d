"""Module 05's case and scoring: the case drawn per learner, the scoring of concessions
and value created, and the learner's plan read safely. (The engine's table is tested in
test_engine_capstone.py.)"""

import dataclasses

import pytest

import course
from course.models.batna import expected_value
from course.models.capstone import concessions_answered, read_plan, share_kept, value_created
from course.scenarios.capstone import (
    ISSUES,
    CapstoneCase,
    alternatives_of,
    expected_walkaway,
    quell_posterior,
    reservation_of,
)
from course.variants import VARIANT_MIME


@pytest.fixture
def case():
    return course.variant("05_capstone", "ada")


# --- the case -------------------------------------------------------------------------


def test_the_capstone_is_a_registered_variant(case):
    assert isinstance(case, CapstoneCase)
    assert course.variant("05_capstone", "ada") == case
    assert course.variant("05_capstone", "bob") != case
    bundle = case._repr_mimebundle_()
    assert bundle[VARIANT_MIME] == {
        "module": "05_capstone",
        "learner": "ada",
        "fingerprint": case.fingerprint,
    }
    story = bundle["text/markdown"]
    assert "Confidential" in story and "What you do not know" in story
    assert "| delivery | 8 weeks:" in story


def test_the_issues_run_from_best_for_tallis_to_best_for_marlow():
    for learner in ("ada", "bob", "cy", "dee"):
        c = course.variant("05_capstone", learner)
        assert c.issues == ISSUES
        for issue, levels in c.issues.items():
            yours = [c.yours[issue][level] for level in levels]
            theirs = [c.theirs[issue][level] for level in levels]
            assert yours == sorted(yours, reverse=True) and yours[-1] == 0
            assert theirs == sorted(theirs) and theirs[0] == 0
        assert sum(max(levels.values()) for levels in c.theirs.values()) == 100


def test_the_reservation_is_the_better_alternative_plus_the_audit(case):
    brenn, kessel = (expected_value(tree) for tree in alternatives_of(case).values())
    assert reservation_of(case) == pytest.approx(max(brenn, kessel) + case.audit_cost)
    worked = dataclasses.replace(
        case,
        brenn_chance=0.5,
        brenn_profit=100.0,
        spot_profit=40.0,
        pilot_chance=0.5,
        kessel_full=140.0,
        kessel_half=60.0,
        audit_cost=10.0,
    )
    # Brenn: 0.5·100 + 0.5·40 = 70; Kessel: 0.5·(0.5·140 + 0.5·60) + 0.5·40 = 70: a tie
    assert reservation_of(worked) == pytest.approx(80.0)


def test_the_rush_request_is_evidence_that_quell_is_full(case):
    worked = dataclasses.replace(
        case,
        quell_prior=0.5,
        rush_if_quell=0.2,
        rush_if_not=0.8,
        walkaway_if_quell=60.0,
        walkaway_if_not=30.0,
    )
    assert quell_posterior(worked) == pytest.approx(0.2)  # 0.1 / (0.1 + 0.4)
    assert expected_walkaway(worked) == pytest.approx(36.0)


# --- scoring --------------------------------------------------------------------------


def test_a_concession_answered_by_a_better_offer_counts():
    moves = [("you", 100), ("them", 10), ("you", 90), ("them", 30), ("you", 80), ("them", 25)]
    assert concessions_answered(moves) == [
        {"cost": 10, "answered": True, "back": 20},
        {"cost": 10, "answered": False, "back": -5},
    ]


def test_a_concession_accepted_counts_as_answered_and_holding_is_no_concession():
    moves = [("you", 100), ("them", 10), ("you", 100), ("them", 10), ("you", 70)]
    assert concessions_answered(moves, accepted_by_them=True) == [
        {"cost": 30, "answered": True, "back": None}
    ]
    assert concessions_answered(moves)[0]["answered"] is False


def test_concessions_refuse_a_stranger():
    with pytest.raises(ValueError, match="'you' or 'them'"):
        concessions_answered([("me", 10)])


def test_value_created_against_every_package():
    points = [(10, 0), (8, 5), (5, 8), (0, 10), (4, 4)]
    off = value_created((4, 4), points, (2, 2))
    assert off == {
        "joint_gain": 4,
        "best_joint_gain": 9,
        "better_for_both": 2,
        "on_frontier": False,
    }
    assert value_created((8, 5), points, (2, 2))["on_frontier"] is True
    assert value_created((8, 5), points, (20, 20))["best_joint_gain"] is None


def test_share_kept_of_the_room_between_walkaway_and_opening():
    assert share_kept(120, 150, 90) == pytest.approx(0.5)
    assert share_kept(120, 80, 90) is None


def test_the_plan_is_read_without_trusting_the_learner(case):
    def opening(c):
        return {issue: levels[0] for issue, levels in c.issues.items()}

    plan = read_plan(case, lambda c: 90, opening)
    assert plan == {"reservation": 90.0, "opening": opening(case), "notes": []}

    def unwritten(c):
        raise NotImplementedError()

    plan = read_plan(case, unwritten, lambda c: {"price": "free"})
    assert plan["reservation"] is None and plan["opening"] is None
    assert plan["notes"][0] == "my_reservation is not written yet"
    assert plan["notes"][1].startswith("opening_offer did not give a usable answer")
    assert read_plan(case, None, lambda c: float("nan"))["notes"] == [
        "my_reservation is not a function yet",
        "opening_offer did not give a usable answer (a package must be a dict of issue to level, got nan)",
    ]
