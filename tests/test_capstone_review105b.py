"""Review 103 (module 05), fixed in round 105 (second half): the debrief after C1, U5, C4
and E2.

C1: round 104 made question 8 count a move of Marlow's smaller than ``MOVE_SHARE`` of the
plan's next step as no move; the debrief, the stall count (section 5's GRIT row) and the
course's scripted learner still counted any move. They now share one rule and one
constant, defined in the engine."""

import ast
import random
import re
from pathlib import Path

import pytest

import course
from course.engine import capstone as engine
from course.engine.capstone import STYLES, debrief, small_moves, stalled_before
from course.scenarios import capstone as scenario
from tests import test_engine_capstone as played
from tests.sweeps import cell_text

MODULE = "05_capstone"
ROOT = Path(__file__).resolve().parents[1]


def _cell(grade_id):
    return " ".join(cell_text(MODULE, "capstone", grade_id).split())


# --- C1: the debrief judges steps by question 8's rule --------------------------------------------

PLAN = {"step_worths": [(140, 50), (130, 55), (120, 60)]}  # steps of 10 k€: half is 5


def _line(offers, concessions, agreement=None):
    """The reciprocity line on a made-up history (``(who, your profit)`` pairs)."""
    stalls = debrief.__globals__["_stalls"](played.stall_outcome(offers, agreement), PLAN)
    return debrief.__globals__["_reciprocity"](concessions, stalls)


def _step(round_, into_silence=False):
    return {"round": round_, "into_silence": into_silence, "answered": True, "cost": 10}


def test_c1_move_share_is_defined_once_in_the_engine():
    assert engine.MOVE_SHARE == 1.0  # review 106 E2: was 0.5 ("half" in section 5 and the debrief)
    assert scenario.MOVE_SHARE is engine.MOVE_SHARE
    tree = ast.parse((ROOT / "course/scenarios/capstone.py").read_text())
    assigned = [
        target.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name)
    ]
    assert "MOVE_SHARE" not in assigned


def test_c1_the_debrief_judges_small_real_and_no_moves_as_question_8_does():
    """A step of 10 k€ after Marlow's offer rose by 2 (small), by 10 (exactly the step: a
    move, as question 8 accepts the step there), by 11 (a move) and by nothing. Failed on
    the old debrief: the step on a 2 k€ move was said to keep the rule. Review 106 E2: a
    move must give the whole step (it was half: rises of 5 and 6)."""
    start = [("you", 140), ("Marlow", 50), ("you", 140)]
    small = _line([*start, ("Marlow", 52), ("you", 130)], [_step(5)])
    assert (
        "1 answered a move of Marlow's worth less to you than the step it was answered with: "
        "your plan's rule counts such a move as none, so that step was made on no move, "
        "against your plan's rule." in small
    )
    assert "you kept" not in small and "had not moved" not in small
    for rise in (60, 61):
        real = _line([*start, ("Marlow", rise), ("you", 130)], [_step(5)])
        assert "None came into silence: you kept your plan's rule" in real, real
        assert "worth less to you than" not in real
    none = _line([*start, ("Marlow", 50), ("you", 130)], [_step(5, into_silence=True)])
    assert "1 came after Marlow had not moved: concessions into silence" in none
    assert "worth less to you than" not in none
    # two small steps, said in the plural, on two small moves
    two = [*start, ("Marlow", 52), ("you", 130), ("Marlow", 54), ("you", 120)]
    line = _line(two, [_step(5), _step(7)])
    assert "2 answered a move of Marlow's" in line and "those steps were made on no move" in line


def test_c1_the_stall_count_takes_a_small_move_as_none():
    """Section 5's stall row (GRIT) counts replies without a move; a move smaller than half
    the step is one. Failed on the old count, which reset at any rise."""
    offers = [("you", 140), ("Marlow", 50), ("you", 140), ("Marlow", 52), ("you", 140)]
    offers += [("Marlow", 53), ("you", 130)]
    assert stalled_before(offers, [140, 130, 120]) == [0, 0, 1, 2]
    assert small_moves(offers, [140, 130, 120]) == [False, False, True, True]
    # without a plan a hold answers with no step, so any rise is a move
    assert stalled_before(offers[:5]) == [0, 0, 0]
    line = _line(offers, [_step(7)])
    assert (
        "1 came after 2 replies in a row in which Marlow had not moved (by at least "
        "your step; a smaller move counts as none): the one small step your plan's rule "
        "allows there." in line
    )
    held = [*offers[:6], ("you", 140)]
    line = _line(held, [])
    assert (
        "In round 7 Marlow had not moved for 2 replies in a row (by at least your step; "
        "a smaller move counts as none) and your plan still had a step; you held" in line
    )
    # a stall of true holds keeps the old words
    flat = [("you", 140), ("Marlow", 50), ("you", 140), ("Marlow", 50), ("you", 140)]
    flat += [("Marlow", 50), ("you", 140)]
    assert "in a row and your plan still had a step" in _line(flat, [])


def _said_small(lines):
    found = re.search(
        r" (\d+) answered a move of Marlow's worth less to you than the step", " ".join(lines)
    )
    return int(found[1]) if found else 0


def _small_steps(outcome):
    """From the history alone: your steps made right after a rise of Marlow's offer that
    was smaller than half the step, and not right after its "can't give more"."""
    offers = outcome["offers"]
    count, mine, theirs = 0, None, []
    floors = iter(outcome["floor_before"])
    for who, worth in offers:
        if who == "you":
            floor = next(floors)
            if mine is not None and worth < mine and len(theirs) >= 2 and not floor:
                gain, cost = theirs[-1] - theirs[-2], mine - worth
                count += 0 < gain < engine.MOVE_SHARE * cost
            mine = worth if mine is None else min(mine, worth)
        else:
            theirs.append(worth)
    return count


@pytest.mark.parametrize("share", ["kept", "any move"])
def test_c1_the_model_learner_is_never_told_it_stepped_on_a_small_move(monkeypatch, share):
    """Over 120 learners, each style (480 sittings), Quell drawn as at the table: the scripted learner
    that keeps section 5's rule (``sit_by_the_plan``) is never told a step broke the rule,
    though small moves came; the same learner stepping at any move (the old script) is
    told of each step on a small move that was not section 5's stall step, and never of
    more than the history holds."""
    if share == "any move":
        monkeypatch.setattr(played, "is_move", lambda gain, step: gain > 1e-9)
    said = counted = sittings = 0
    for i in range(120):
        case = course.variant(MODULE, f"id-{i}")
        rows = scenario.plan_of(case)
        plan = {
            "reservation": scenario.reservation_of(case),
            "opening_profit": rows[0][1],
            "step_worths": [(you, them) for _, you, them in rows],
            "notes": [],
        }
        for style in STYLES:
            rng = random.Random(i * 13 + len(style))
            quell, walkaway = scenario.marlow_at_the_table(case, rng)
            table = played.sit_by_the_plan(case, style, rng, walkaway=walkaway)
            outcome = table.outcome()
            lines = debrief(outcome, plan, played.facts(case, quell))
            found, truth = _said_small(lines), _small_steps(outcome)
            assert found <= truth, (case.learner, style, lines)
            if share == "kept":
                assert found == 0 and "against your plan's rule" not in " ".join(lines)
            said, counted, sittings = said + found, counted + truth, sittings + 1
    print(share, sittings, said, counted)
    if share == "kept":
        assert said == 0
    else:  # recomputed: the old script stepped on a small move in 5 of 480 sittings
        # review 106 E2 (round 107): a small move is now one worth less than the whole step:
        # 27 such steps in the history, 24 of them told (never more than the history holds,
        # asserted per sitting above); at half it was 5 and 5
        assert (said, counted) == (24, 27)


def test_c1_the_appendix_trials_keep_section_5s_rule_and_state_their_figures():
    about = _cell("about-the-bot")
    assert "stepping at every move" not in about and "stepped at every move" not in about
    assert "The scripted learner `sit_by_the_plan` keeps section 5's rule" in about
    hold = played.TIT_FOR_TAT_HOLD_DEALS.values()
    step = played.TIT_FOR_TAT_STEP_DEALS.values()
    assert f"a tit-for-tat Marlow in {min(hold)} to {max(hold)} sittings of 200" in about
    assert f"raised that to {min(step)} to {max(step)} sittings of 200" in about


# --- U5: what each answer's check gives -----------------------------------------------------------


def test_u5_the_intro_says_seven_checks_say_what_to_fix_and_question_6_only_the_form():
    intro = _cell("intro")
    assert "The eight answers are graded automatically" not in intro
    # review 106 C4 (round 107): question 6's verdicts are marked only at grading; the
    # intro says when each is marked
    assert "All eight answers are marked automatically at grading, the reflection by your" in (
        intro
    )
    assert (
        "the cell after each checks your answer as you go, and for seven says what to fix "
        "(question 6's checks only its form)." in intro  # review 108 U6
    )
    source = (ROOT / "source" / MODULE / "capstone.py").read_text()
    graded = re.findall(r'"grade": true[^\n]*"points": 2', source)
    assert len(graded) == 8  # eight answers, each marked automatically with hidden tests
    assert source.count("### BEGIN HIDDEN TESTS") == 8


# --- C4: why module 04 could add points and this table cannot -------------------------------------


def test_c4_section_5_says_why_the_sum_held_in_module_04_and_not_here():
    plan = _cell("plan-teaching")
    assert "but k€ and points have no common unit" not in plan
    assert (
        "Module 04 added both sides' points, which its case put on one scale; k€ and points "
        "have no common unit: any free trade that lands on the frontier will do there;" in plan
    )
    module_04 = " ".join((ROOT / "source/04_concessions/concessions.py").read_text().split())
    assert "assumes that a point means as much to each side. A classroom case is built so" in (
        module_04.replace("# ", "")
    )


# --- E2: the sample reflection's 42 points name the payment term ---------------------------------


def test_e2_the_sample_reflections_42_points_include_the_90_day_payment():
    """Fixed in round 102 already ("paid at 90 days"); recomputed here: 23 points for the
    price, volume and delivery, 19 for the payment."""
    from tests.test_capstone_review100 import reference_plan

    reflection = _cell("reflection")
    assert "paid list price for 6k units in 8 weeks: 42 points" not in reflection
    assert "paid list price for 6k units in 8 weeks, paid at 90 days: 42 points" in reflection
    case = course.variant(MODULE, "learner-1354")
    deal = reference_plan(case)[1][0]  # review 110 C1 (round 111): its first step now
    points = {issue: case.theirs[issue][level] for issue, level in deal.items()}
    assert points["payment"] == 19 and deal["payment"] == "90 days"
    assert sum(points.values()) - points["payment"] == 23
    assert sum(points.values()) == 42
