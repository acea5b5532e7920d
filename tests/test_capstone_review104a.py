"""Review 103 (module 05), item C1, fixed in round 104: section 5 says to concede only in
answer to a move of Marlow's, so that each step gets something back, yet question 8
graded a whole planned step for any move, however small. A move now counts only when it
gives you at least half of what your next step costs (section 5's first row), so a whole
step gives at most twice what Marlow gave; a smaller move counts as none, and question 8
grades a hold there."""

import collections

import pytest

import course
from course.checks import capstone as check
from course.checks.hints import NotYet
from course.models.concessions import package_points
from course.scenarios import capstone as scenario
from tests.sweeps import cell_text

MODULE = "05_capstone"


def _cell(grade_id):
    return " ".join(cell_text(MODULE, "capstone", grade_id).split())


def _old_rule(s, plan, reservation, log):
    """Question 8's model answer before round 104: a step after any move of Marlow's."""
    moves, at, before = [], 0, None
    for reply in log:
        worth = package_points(reply["offer"], s.yours)
        left = at + 1 < len(plan)
        moved = before is not None and worth > before
        if reply["final"]:
            move = "accept" if worth >= reservation else "next step" if left else "walk away"
        elif worth >= package_points(plan[at + 1] if left else plan[at], s.yours):
            move = "accept"
        elif before is not None and left and (moved or reply["cant_give_more"]):
            move = "next step"
        else:
            move = "hold"
        moves.append(move)
        if move in ("accept", "walk away"):
            return moves
        at += move == "next step"
        before = worth
    return moves


def _course(s):
    plan = [row[0] for row in scenario.plan_of(s)]
    return plan, scenario.reservation_of(s)


def test_c1_section_5_defines_a_move_as_half_a_step_before_question_8():
    """The rule is taught in section 5's table, before question 8, and the appendix no
    longer says that question 8 answers any move with a whole step."""
    plan = _cell("plan-teaching")
    assert (  # review 106 E2: the whole step, no longer half
        "| it moved: its offer is worth more to you than its offer before, by at least what "
        "your next step costs you (a smaller move counts as none) | next step |"
    ) in plan
    assert scenario.MOVE_SHARE == 1.0  # "what your next step costs you" in the text
    about = _cell("about-the-bot")
    assert "answers any move of Marlow's with a whole step" not in about
    # review 106 E2 (round 107): question 8 keeps module 04's trade ratio of at least 1, so
    # the appendix no longer lists it as looser (it said: "Question 8 answers a move worth
    # half your step or more with a whole step, up to twice what Marlow gave.")
    assert "a move worth half your step" not in about
    assert "With a person, keep module 04's paced tit-for-tat" in about
    # the trials were run with a step at every move: the appendix said so; review 103 C1
    # (round 105): the trials now keep section 5's rule, small moves included, and say so
    about = " ".join(about.split())
    assert "a learner who stepped at every move" not in about
    assert "(stepping at every move of Marlow's)" not in about
    assert "`sit_by_the_plan` keeps section 5's rule" in about
    assert "a learner who always held at a stall" in about


def test_c1_question_8_holds_at_a_small_move_and_the_old_answer_fails():
    """id-103's own log: Marlow's opening is worth 45 k€ to Tallis, its next offer 50, and
    the plan's first step costs more than 10 k€, so the 5 k€ move counts as none: a hold,
    then (a second reply without a move) the next step. The old answer, a step at the
    5 k€ move, fails with a hint that gives the facts, not the move."""
    s = course.variant(MODULE, "id-103")
    plan, floor = _course(s)
    profits = [package_points(p, s.yours) for p in plan]
    log = scenario.table_log(s)
    worth = [package_points(r["offer"], s.yours) for r in log]
    assert worth[:3] == [45, 50, 50] and profits[0] - profits[1] > 2 * 5
    key = scenario.right_moves(s, plan, floor, log)
    assert key[1][:2] == (("hold",), "small stalled once")
    assert key[2][1] == "stalled twice"
    check.judge_table_moves(s, scenario.table_moves_of(s), plan, floor, log)
    old = _old_rule(s, plan, floor, log)
    assert old[1] == "next step"
    with pytest.raises(NotYet, match=r"less than the .* k€ your next step costs"):
        check.judge_table_moves(s, old, plan, floor, log)


def test_c1_a_move_of_half_the_step_or_more_still_earns_the_step_and_the_line_takes_both():
    """Grading is no stricter where a move gives at least half the step: the step passes;
    on the line (exactly half) a hold passes too, as a reading of "at least"."""
    s = course.variant(MODULE, "learner-1354")
    plan, floor = _course(s)
    profits = [package_points(p, s.yours) for p in plan]
    cost = profits[0] - profits[1]
    rows = {row[1]: row for row in scenario.package_rows(s) if row[1] < floor}
    low = min(rows)
    for gain in sorted({p - low for p in rows if p > low}):
        key = scenario.right_moves(
            s, plan, floor, [scenario.reply(rows[low]), scenario.reply(rows[low + gain])]
        )
        moves, why = key[1][:2]
        if low + gain >= profits[1]:
            assert moves == ("accept",)
        elif gain > scenario.MOVE_SHARE * cost:  # review 106 E2: the whole step
            assert moves == ("next step",) and why == "moved", gain
        elif gain == scenario.MOVE_SHARE * cost:
            assert moves == ("next step", "hold") and why == "moved", gain
        else:
            assert moves == ("hold",) and why == "small stalled once", gain


def test_c1_every_learner_gets_a_built_log_with_a_small_move_where_the_case_allows():
    """The check builds a log with a move smaller than half the step for most learners
    (the learner's own log seldom has one): on it the old answer fails and the model
    answer passes."""
    built = failed = 0
    for n in range(100):
        s = course.variant(MODULE, f"id-{n}")
        logs = {what: rest for what, *rest in check._fixed_logs(s)}
        name = "a log with a move worth less than your next step, on a plan of one step"
        if name not in logs:
            continue
        built += 1
        plan, floor, log = logs[name]
        check.judge_table_moves(s, scenario.table_moves_of(s, plan, floor, log), plan, floor, log)
        try:
            check.judge_table_moves(s, _old_rule(s, plan, floor, log), plan, floor, log)
        except NotYet:
            failed += 1
    assert built >= 90 and failed == built, (built, failed)


def test_c1_sweep_every_log_keeps_a_real_decision_and_few_change(monkeypatch):
    """Over 500 learners (id-0 … id-499), the drawn logs are unchanged; the course's moves
    change on 6 of them (a small move now held), the same as with ``MOVE_SHARE`` 0 (the old
    rule: any move counts); every log still holds a hold and a next step, and each
    decision comes up as often as before: 119 logs end in an accept, 137 in a walk-away."""
    found = {}
    moves, logs = {}, {}
    for share in (scenario.MOVE_SHARE, 0.0):
        monkeypatch.setattr(scenario, "MOVE_SHARE", share)
        found[share] = collections.Counter()
        for n in range(500):
            s = course.variant(MODULE, f"id-{n}")
            log = scenario.table_log(s)
            got = scenario.table_moves_of(s, log=log)
            logs[share, n] = log
            assert "hold" in got and "next step" in got, s.learner
            found[share].update(set(got))
            moves[share, n] = got
    # review 106 E2 (round 107): with a move worth the whole step, 134 walk-aways (137 at
    # half) and 30 logs' moves differ from any-move's (6 at half; 24 differ from half's)
    assert dict(found[1.0]) == {"hold": 500, "next step": 500, "accept": 119, "walk away": 134}
    assert dict(found[0.0]) == {"hold": 500, "next step": 500, "accept": 119, "walk away": 137}
    assert sum(moves[1.0, n] != moves[0.0, n] for n in range(500)) == 30
    assert all(logs[1.0, n] == logs[0.0, n] for n in range(500))
