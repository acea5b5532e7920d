"""Review 86 of module 00 (a negotiation professor's, on 8bc22e1b): fixes, each with a test
that fails on the code or text it replaced."""

import pytest

import course
from course.checks import leverage as check
from course.checks.hints import NotYet
from course.models.audit import balances_after, leverage_balance, shifted
from course.scenarios.leverage import ask_moment, turning_point
from tests.sweeps import cell_text


def _markdown(grade_id):
    return " ".join(cell_text("00_leverage", "leverage", grade_id).split())


def _balances(case, moves):
    ratings = {"you": dict(case.yours), "them": dict(case.theirs)}
    balances = {"now": leverage_balance(ratings["you"], ratings["them"], case.weights)}
    for label, (side, source, change) in moves.items():
        ratings[side] = shifted(ratings[side], {source: change})
        balances[label] = leverage_balance(ratings["you"], ratings["them"], case.weights)
    return balances


def _reaudit(case, moves, none_allowed):
    """Question 4b; a moment that never comes is None, or the last label if not
    ``none_allowed``."""
    balances = _balances(case, moves)

    def side(b):
        return "even" if abs(b) < 0.5 else ("you" if b > 0 else "them")

    start = side(balances["now"])
    never = None if none_allowed else list(moves)[-1]
    turning = next((m for m in moves if side(balances[m]) != start), never)
    ask = next((m for m, b in balances.items() if round(b - case.bar, 9) >= 0), never)
    return turning, ask


def reaudit_never_none(case, moves):
    """Question 4b right wherever the moment comes, but the last label where it never does."""
    return _reaudit(case, moves, False)


def reaudit_right(case, moves):
    return _reaudit(case, moves, True)


def test_x1_none_is_graded_both_ways(learner):
    """Review 86 X1: question 4b's text allows None when the side ahead never changes or the
    bar is never reached, but the check refused None as a bad form ('should be one of ...,
    got None'), and no case had None as its answer, so a reaudit that never returns None
    passed. A visible test case now has neither moment: the right answer (None, None) passes,
    the never-None reaudit loses both marks with a hint that says None, and a None where the
    moment does come is told so. Fails on the old code."""
    assert check.reaudit(reaudit_right).earned == 2
    outcome = check.reaudit(reaudit_never_none)
    assert outcome.earned == 0, [o.message for o in outcome.outcomes]
    assert all("None" in o.message for o in outcome.outcomes), outcome.outcomes
    own = course.variant("00_leverage")
    never = [
        (c, m) for c, m in check.reaudit_test_cases(own) if reaudit_right(c, m) == (None, None)
    ]
    assert len(never) == 1
    case, moves = never[0]
    check.judge_turning(case, moves, (None, None), "a test case")
    check.judge_ask(case, moves, (None, None), "a test case")
    with pytest.raises(NotYet, match="never changes"):
        check.judge_turning(case, moves, reaudit_never_none(case, moves), "a test case")
    with pytest.raises(NotYet, match="never reaches the ask's bar"):
        check.judge_ask(case, moves, reaudit_never_none(case, moves), "a test case")
    # a None where the moment comes: refused with a true hint, in every other case
    for c, m in check.reaudit_test_cases(own):
        if (c, m) == never[0]:
            continue
        balances = balances_after(c.yours, c.theirs, c.weights, m)
        turning, ask = turning_point(balances), ask_moment(balances, c.bar)
        with pytest.raises(NotYet, match="None is only for a case where it never does"):
            check.judge_turning(c, m, (None, ask), "a test case")
        with pytest.raises(NotYet, match="None is only for a case where it never does"):
            check.judge_ask(c, m, (turning, None), "a test case")
