"""Module 05's case and scoring: the case drawn per learner, its worked numbers, the plan's
next step, the scoring of concessions and value created, and the learner's plan read
safely. (The engine's table is tested in test_engine_capstone.py; every learner's variant
in test_variants_sweep_capstone.py.)"""

import dataclasses

import pytest

import course
from course.models.batna import expected_value
from course.models.capstone import read_plan
from course.models.concessions import package_points
from course.scenarios.capstone import (
    ISSUES,
    CapstoneCase,
    alternative_values,
    alternatives_of,
    batna_of,
    beliefs_of,
    next_step,
    quell_posterior,
    reservation_of,
    signs_letter,
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


def test_the_reservation_is_the_better_of_the_letter_and_the_batna_plus_the_audit(case):
    brenn, kessel = (expected_value(tree) for tree in alternatives_of(case).values())
    best = max(brenn, kessel, case.brenn_letter)
    assert reservation_of(case) == pytest.approx(best + case.audit_cost)
    worked = dataclasses.replace(
        case,
        brenn_chance=0.5,
        brenn_profit=100.0,
        spot_profit=40.0,
        pilot_chance=0.5,
        kessel_full=140.0,
        kessel_half=40.0,
        brenn_letter=75.0,
        audit_cost=10.0,
    )
    # Brenn: 0.5·100 + 0.5·40 = 70; Kessel: 0.5·(0.5·140 + 0.5·40) + 0.5·40 = 65
    assert batna_of(worked) == ("Brenn", pytest.approx(70.0))
    assert signs_letter(worked) and reservation_of(worked) == pytest.approx(85.0)
    unsigned = dataclasses.replace(worked, brenn_letter=65.0)
    assert not signs_letter(unsigned) and reservation_of(unsigned) == pytest.approx(80.0)


def test_the_closed_form_values_are_the_trees_expected_values():
    for learner in ("ada", "bob", "cy", "dee"):
        c = course.variant("05_capstone", learner)
        values = alternative_values(c)
        for name, tree in alternatives_of(c).items():
            assert values[name] == pytest.approx(expected_value(tree), abs=1e-9)


def test_the_rush_request_is_evidence_that_quell_is_full(case):
    worked = dataclasses.replace(
        case,
        quell_prior=0.5,
        rush_if_quell=0.2,
        rush_if_not=0.8,
        reservation_if_quell=60.0,
        reservation_if_not=30.0,
    )
    assert quell_posterior(worked) == pytest.approx(0.2)  # 0.1 / (0.1 + 0.4)
    assert beliefs_of(worked) == {60.0: pytest.approx(0.2), 30.0: pytest.approx(0.8)}
    # a plan on the mean, 36, is off by 6 in one state and by 24 in the other (not 30)
    mean = sum(value * chance for value, chance in beliefs_of(worked).items())
    assert (mean - 30.0, 60.0 - mean) == (pytest.approx(6.0), pytest.approx(24.0))


def test_profits_are_rounded_to_five_and_the_worst_package_earns_nothing():
    """The notebook: figures rounded to 5 k€; the worst package only covers your costs."""
    for learner in ("ada", "bob", "cy", "dee"):
        c = course.variant("05_capstone", learner)
        assert all(v % 5 == 0 for levels in c.yours.values() for v in levels.values())
        worst = {issue: levels[-1] for issue, levels in c.issues.items()}
        assert package_points(worst, c.yours) == 0


def test_next_step_on_a_hand_made_frontier():
    """From (10, 0) with a floor of 4, the smallest step that gives them more is to
    (8, 5); then (6, 7), then (4, 8); then nothing is left above the floor."""
    frontier = [("a", 10, 0), ("b", 8, 5), ("c", 6, 7), ("d", 4, 8), ("e", 0, 10)]
    assert next_step(frontier, (10, 0), 4)[0] == "b"
    assert next_step(frontier, (8, 5), 4)[0] == "c"
    assert next_step(frontier, (6, 7), 4)[0] == "d"
    assert next_step(frontier, (4, 8), 4) is None
    # below the frontier, a step that costs nothing comes first: the most for them
    assert next_step(frontier, (5, 5), 4)[0] == "c"
    # two steps of the same cost: the one that gives them more
    assert next_step([("x", 8, 2), ("y", 8, 4), ("z", 2, 9)], (10, 0), 0)[0] == "y"


def test_the_smallest_step_does_not_overshoot():
    """The notebook's example: a 5 k€ step for 4 points before a 25 k€ step for 25."""
    frontier = [("open", 100, 30), ("small", 95, 34), ("big", 75, 55)]
    assert next_step(frontier, (100, 30), 70)[0] == "small"


# --- the plan, read for the table ---------------------------------------------------


def test_the_plan_is_read_without_trusting_the_learner(case):
    def opening(c):
        return {issue: levels[0] for issue, levels in c.issues.items()}

    plan = read_plan(case, lambda c: 90, opening)
    assert plan == {"reservation": 90.0, "opening": opening(case), "steps": None, "notes": []}
    meso = [opening(case), {issue: levels[1] for issue, levels in case.issues.items()}]
    assert read_plan(case, lambda c: 90, lambda c: meso)["opening"] == opening(case)
    assert "empty list" in read_plan(case, lambda c: 90, lambda c: [])["notes"][0]

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


def test_the_plan_of_question_7_is_read_for_the_table(case):
    """With concession_plan given, the table gets its packages, or a note saying why not."""

    def opening(c):
        return {issue: levels[0] for issue, levels in c.issues.items()}

    second = {issue: levels[1] for issue, levels in case.issues.items()}
    plan = read_plan(case, lambda c: 90, opening, lambda c, o, r: [o, second])
    assert plan["steps"] == [opening(case), second] and plan["notes"] == []
    broken = read_plan(case, lambda c: 90, opening, lambda c, o, r: [o, {"price": "free"}])
    assert broken["steps"] is None
    assert broken["notes"][0].startswith("concession_plan did not give a usable answer")
    assert read_plan(case, lambda c: 90, opening, lambda c, o, r: [])["steps"] is None

    def unwritten(c, o, r):
        raise NotImplementedError()

    assert read_plan(case, lambda c: 90, opening, unwritten)["notes"] == [
        "concession_plan is not written yet"
    ]
    assert read_plan(case, None, opening, unwritten)["notes"] == [
        "my_reservation is not a function yet"
    ]
