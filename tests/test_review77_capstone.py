"""Module 05, review 77: the step after two stalls is section 5's GRIT row, counted as
allowed by the debrief once until Marlow moves (C2, U3). Each test failed on the text or
code before this review."""

import re
from pathlib import Path

import pytest

import course
from course.checks import capstone as check
from course.checks.hints import NotYet
from course.engine.capstone import debrief
from course.models.concessions import package_points
from course.scenarios.capstone import plan_of, right_moves, table_moves_of
from course.variants import learner_as
from tests.sweeps import run as run_check
from tests.test_engine_capstone import stall_outcome

SOURCE = Path(course.__file__).parents[1] / "source" / "05_capstone" / "capstone.py"


def _section(grade_id):
    cell = SOURCE.read_text().split(f'grade_id": "{grade_id}"')[1].split("# %%")[0]
    return " ".join(" ".join(line.removeprefix("#").strip() for line in cell.splitlines()).split())


# --- C2, U3: the stall row (Osgood's GRIT) ------------------------------------------------------


def test_section_5s_table_has_the_stall_row_and_no_gift():
    """C2: 'Otherwise hold: a step made into silence is a gift' contradicted the course's
    own trials and Q8's key; the table now has a row for two replies without a move: hold,
    or one small announced step, then hold until Marlow moves, after Osgood's GRIT."""
    plan = _section("plan-teaching")
    row = "| its second reply in a row without a move | hold, or your next step announced as"
    assert row in plan
    assert "then hold until it moves |" in plan
    assert "is a gift" not in plan
    assert "The last row borrows from Osgood's GRIT (1962" in plan  # review 85 E1
    # review 102 (cuts for U2's tables): "Otherwise hold: a step, once made, stands" repeated
    # the table's rows; the gift wording stays gone
    assert "this table allows one per stall" in plan
    assert "a step into silence that section 5 forbids" not in _section("about-the-bot")
    # review 93 U3: one step per stall
    assert "once per deadlock, to break it, announced as an invitation" in _section("summary")


def test_the_debrief_allows_one_step_at_a_stall_until_marlow_moves():
    """C2: the debrief called the step after two stalls a step into silence against the
    rule. Now the first such step is allowed; a second one before Marlow moves is into
    silence, and after Marlow moves the count starts again."""
    reciprocity = debrief.__globals__["_reciprocity"]
    stalls = debrief.__globals__["_stalls"]
    plan = {"step_worths": [(140, 50), (130, 55), (120, 60), (110, 65)]}
    quiet = [("you", 140), ("Marlow", 50), ("you", 140), ("Marlow", 50), ("you", 140)]
    quiet += [("Marlow", 50), ("you", 130)]  # round 7: the one small step
    step = {"round": 7, "into_silence": True, "answered": False, "cost": 10}
    line = reciprocity([step], stalls(stall_outcome(quiet), plan))
    assert "1 came after 2 replies in a row in which Marlow had not moved: the one small" in line
    assert "against your plan's rule" not in line
    assert "No other came into silence: you kept your plan's rule." in line
    again = [*quiet, ("Marlow", 50), ("you", 130), ("Marlow", 50), ("you", 120)]
    second = {"round": 11, "into_silence": True, "answered": False, "cost": 10}
    found = stalls(stall_outcome(again), plan)
    assert found["allowed"] == {7}, found
    line = reciprocity([step, second], found)
    assert "1 came after Marlow had not moved: concessions into silence, against" in line
    moved = [*quiet, ("Marlow", 60), ("you", 130), ("Marlow", 60), ("you", 130)]
    moved += [("Marlow", 60), ("you", 120)]  # Marlow moved, then stalled twice again
    assert stalls(stall_outcome(moved), plan)["allowed"] == {7, 13}


@pytest.mark.parametrize("n", range(6))
def test_question_8_accepts_the_hold_or_one_step_at_a_stall_and_no_second(n):
    """C2: question 8's key accepts a hold or the next step after two replies without a
    move (as it did), and after that step only holds until Marlow moves; the five-stall
    log the check builds tries a second step, which the old key accepted."""
    case = course.variant("05_capstone", f"moves-{n}")
    logs = {what: (p, r, log) for what, p, r, log in check._fixed_logs(case)}
    plan, floor, log = logs["a log of five replies without a move"]
    assert len(log) == 7 and len(plan_of(case)) >= 3
    grit = ["hold", "hold", "next step", "hold", "hold", "hold", "walk away"]
    held = ["hold", "hold", "hold", "hold", "hold", "hold", "walk away"]
    late = ["hold", "hold", "hold", "next step", "hold", "hold", "walk away"]
    for moves in (grit, held, late):
        check.judge_table_moves(case, moves, plan, floor, log, "five")
    twice = ["hold", "hold", "next step", "hold", "next step", "hold", "walk away"]
    with pytest.raises(NotYet, match="has not moved since your step after two replies"):
        check.judge_table_moves(case, twice, plan, floor, log, "five")
    whys = [why for _, why, *_ in right_moves(case, plan, floor, log)]
    assert whys[2] == "stalled twice" and whys[4] == "stalled after your step"
    assert re.search(r"\bhold\b", check._WHY["stalled after your step"]) is None


# --- C1: "can't give more" is true at this table, often a bluff at a human one ------------------


def test_the_floor_words_are_tested_before_a_step_at_a_human_table():
    """C1: section 6 and the summary told learners to step whenever the other side says
    it can give no more, a line module 04 teaches as a tolerated bluff. Section 6 now says
    the words are true at this table and a person's should be tested first; the summary
    says the same."""
    table = _section("table-teaching")
    # review 94 U3: section 6's restatement is cut; section 5 says the words are true here
    # and the summary scopes the test to a person (tests/test_capstone_review94.py)
    assert "and the words are true here" in " ".join(_section("plan-teaching").split())
    # review 90 (C1, U1, U3): removed on purpose
    assert "\"can't give more\" is often module 04's bluff: test it first" not in table
    # review 90 (C1, U1, U3): removed on purpose
    assert "with a person, test that: it is often a bluff" not in _section("summary")


# --- C3: the set is a MESO, one name -------------------------------------------------------------


def test_question_5s_set_is_called_a_meso_as_in_module_04():
    """C3: 'it looks like module 04's multiple offers but is not one' gave one idea two
    names (module 04 defines a MESO as equivalent packages built differently, whose pick
    shows what the other side values). The text, question 5 and the check's hints now say
    MESO, and the fold is cut to why the table cannot run the test."""
    text = SOURCE.read_text()
    assert "diagnostic" not in text.lower()
    assert "but is not one" not in _section("opening-teaching")
    assert "module 04's multiple equivalent simultaneous offers" in _section("opening-teaching")
    assert "your opening, with a MESO" in _section("q5-text")
    assert "diagnostic" not in (Path(check.__file__)).read_text()


# --- U2, U4: one condition for the step beyond; no second meaning of "estimate" ---------------


def test_section_4_names_the_lower_reservation_price_not_an_estimate():
    """U4: module 01's estimate is the mean of the beliefs; section 4 redefined it as each
    state's reservation price. Section 4 and question 5 now say 'the lower reservation
    price' and use 'estimate' only for module 04's general rule. U2: 'accepts ... from
    everyone, the step only if' clashed; question 5's condition is now stated once."""
    opening = _section("opening-teaching")
    assert "your estimate in each state" not in opening
    assert "at the estimate" not in opening and "at the estimate" not in _section("q5-text")
    assert opening.count("your estimate") == 1  # module 04's rule, quoted
    assert "so here you open at Marlow's **low reservation price**" in opening  # review 78 U3
    assert "from everyone, the step only if" not in opening
    # review 90 (C1, U1, U3): removed on purpose
    assert "the step beyond only if it gives Marlow at least a quarter of its" not in opening


# --- E1, U5, U6: the BSS comparison named; two rules said plainly --------------------------------


def test_bss_is_compared_with_the_nash_split_on_the_option():
    """E1: Binmore, Shaked and Sutton compared deal-me-out with split-the-difference, the
    Nash split with the outside option as disagreement point (module 03's 'Nash split on
    the option'), not with 'the Nash split'."""
    audit = " ".join(SOURCE.read_text().replace("\n# ", " ").split())
    assert "1989 experiment better than the Nash split)" not in audit
    # review 78 U2: said in an order that parses at first reading
    assert (
        "which fitted Binmore, Shaked and Sutton's 1989 experiment better than module 02's "
        "Nash split with the option as a BATNA"
        in audit  # review 93 (module 03) C2  # review 80 U1: said shorter
    )


def test_the_acceptance_rule_and_question_5s_third_rule_read_plainly():
    """U5: the acceptance rule packed two disjuncts and a 'which can be worth less' clause
    in one sentence; U6: 'Each of any two packages ... both ways round' was hard to parse."""
    table = _section("table-teaching")
    assert "which can be worth less to it than its offer on the table" not in table
    assert "or if it is at least as good for it as its own next offer" in table
    q5 = _section("q5-text")
    assert "Each of any two packages" not in q5
    assert "Any two packages differ both ways: each gives ground on an issue where the" in q5


# --- X2: "moved" is read from worth, not from a change of package -------------------------------


def _moves_by_package_change(s, plan, reservation, log):
    """Question 8 with 'Marlow moved' read from a change of package (the slip)."""
    moves, at, before, quiet = [], 0, None, 0
    for reply in log:
        worth = package_points(reply["offer"], s.yours)
        nxt = package_points(plan[at + 1], s.yours) if at + 1 < len(plan) else None
        moved = before is not None and reply["offer"] != before
        quiet = 0 if moved or before is None else quiet + 1
        if reply["final"]:
            return [*moves, "accept" if worth >= reservation else "walk away"]
        if worth >= (nxt if nxt is not None else package_points(plan[at], s.yours)):
            return [*moves, "accept"]
        step = nxt is not None and (moved or reply["cant_give_more"])
        moves.append("next step" if step else "hold")
        at += step
        before = reply["offer"]
    return moves


def test_question_8_refuses_reading_a_move_from_a_new_package():
    """X2: the text says a move is read from what Marlow's offer is worth to you, not from
    whether the package changed, but no log told the two apart. The check now builds a log
    in which Marlow changes its package at the same worth; the slip fails it for every
    learner tried, and the right answer passes."""
    for n in range(4):
        case = course.variant("05_capstone", f"moves-{n}")
        logs = {what: (p, r, log) for what, p, r, log in check._fixed_logs(case)}
        plan, floor, log = logs[
            "a log in which Marlow changes its package at the same worth to you"
        ]
        assert log[0]["offer"] != log[1]["offer"]
        worths = [package_points(r["offer"], case.yours) for r in log]
        assert len(set(worths)) == 1 and worths[0] < floor
        with learner_as(f"moves-{n}"), pytest.raises(NotYet, match="changes its package"):
            run_check(check, "table_moves", _moves_by_package_change)
        check.judge_table_moves(case, table_moves_of(case, plan, floor, log), plan, floor, log)
