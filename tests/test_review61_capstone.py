"""Module 05, review 61: a right answer that the module's own teaching gives is accepted."""

import pytest

import course
from course.checks import capstone as check
from course.checks.credit import Credit
from course.scenarios.capstone import signs_letter
from tests.sweeps import run as run_check


def _batna(s):
    brenn = s.brenn_chance * s.brenn_profit + (1 - s.brenn_chance) * s.spot_profit
    kessel = s.pilot_chance * (s.kessel_full + s.kessel_half) / 2
    return max(brenn, kessel + (1 - s.pilot_chance) * s.spot_profit)


def _share_lean(s):
    best = sum(max(levels.values()) for levels in s.yours.values())
    alternative = max(_batna(s), s.brenn_letter) / best
    gaps = [alternative - r / 100 for r in (s.reservation_if_quell, s.reservation_if_not)]
    return 1 if min(gaps) >= 0.05 else -1 if max(gaps) <= -0.05 else 0


def _weeks_discounted_audit(s):
    """An audit that reads section 2's advice: Marlow asks for a rush, so weeks of stock
    that would put Marlow ahead are a claim to discount, and only your own shorter wait
    or the shares decide the alternatives row."""
    shares = _share_lean(s)
    waits = s.your_weeks - s.their_weeks
    time = 1 if waits >= 3 else 0  # Marlow's claimed weeks discounted
    lean = 0 if shares * time < 0 else shares or time
    alternatives = {1: (7, 4), -1: (3, 6), 0: (5, 5)}[lean]
    needs = s.their_supply_share - s.your_sales_share
    power = (7, 4) if needs >= 0.10 else (3, 6) if needs <= -0.10 else (5, 5)
    return {
        "yours": {"information": 6, "alternatives": alternatives[0], "power": power[0]},
        "theirs": {"information": 5, "alternatives": alternatives[1], "power": power[1]},
        "weights": {"information": 0.25, "alternatives": 0.4, "power": 0.35},
    }


@pytest.mark.parametrize("learner", ["learner-1354", "learner-2", "alice"])
def test_q4_accepts_a_row_read_without_marlows_claimed_weeks(monkeypatch, learner):
    """Section 2 says to discount Marlow's claimed weeks where they clash with its rush
    request (always made): an audit that does so passes question 4, visible and hidden
    (review 61, C1: learner-1354's open row was refused)."""
    monkeypatch.setenv("LEVERAGE_LEARNER", learner)
    own = course.variant("05_capstone", learner)
    for hidden in (False, True):
        outcome = run_check(check, "my_audit", _weeks_discounted_audit, hidden=hidden)
        assert not isinstance(outcome, Credit) or outcome.earned == outcome.possible
    if learner == "learner-1354":
        assert own.their_weeks - own.your_weeks >= 3 and _share_lean(own) == 0
        assert not signs_letter(own)


def _joint_sum_plan(s, opening, reservation):
    """Question 7's plan with module 04's ranking of free trades: the one that adds most
    for the two sides together (then, between equals, the one that gives Marlow more).
    Review 110 C1 (round 111): the steps after it shrink to the end (they were the smallest
    steps, which may grow and no longer pass); the free trade is what this tests."""
    from tests.test_variants_sweep_capstone import plan_in_shrinking_steps

    return plan_in_shrinking_steps(
        s, opening, reservation, rank=lambda row: (row[1] + row[2], row[2])
    )


@pytest.mark.parametrize("learner", ["learner-1354", "learner-2", "alice"])
def test_q7_accepts_module_04s_ranking_of_free_trades(monkeypatch, learner):
    """Module 04 ranks free trades by the points they add for both sides together; question
    7's plan ranks them by Marlow's points. Both land on the frontier, and the check now
    accepts either, visible and hidden (review 61, X1: the draft refused module 04's)."""
    monkeypatch.setenv("LEVERAGE_LEARNER", learner)
    for hidden in (False, True):
        outcome = run_check(check, "concession_plan", _joint_sum_plan, hidden=hidden)
        assert not isinstance(outcome, Credit) or outcome.earned == outcome.possible


def test_q7_still_refuses_a_free_trade_that_only_leaves_you_most(monkeypatch):
    """Accepting module 04's ranking does not accept every free trade: taking the one that
    leaves you most, from a draft where that differs from both rankings, still fails."""
    from course.scenarios.capstone import frontier_rows, reservation_of, wide_draft_of

    refused = 0
    for n in range(120):
        learner = f"r61-{n}"
        monkeypatch.setenv("LEVERAGE_LEARNER", learner)
        case = course.variant("05_capstone", learner)
        draft = wide_draft_of(case)
        if draft is None:
            continue
        floor = reservation_of(case)
        mine = sum(case.yours[i][v] for i, v in draft.items())
        theirs = sum(case.theirs[i][v] for i, v in draft.items())
        free = [r for r in frontier_rows(case) if r[2] > theirs and r[1] >= max(mine, floor)]
        selfish = max(free, key=lambda r: (r[1], r[2]))
        ranked = {max(free, key=lambda r: (r[2], r[1]))[1:]}
        ranked |= {r[1:] for r in free if r[1] + r[2] == max(f[1] + f[2] for f in free)}
        if selfish[1:] in ranked:
            continue
        with pytest.raises(check.NotYet):
            check.judge_plan(case, [draft, selfish[0]], draft, floor)
        refused += 1
    assert refused > 5


def test_u3_a_step_answered_only_by_marlow_staying_is_not_called_an_improved_reply():
    """Review 61, U3: a concession whose only effect was that Marlow stayed where the
    replay shows it leaving was reported as having 'improved Marlow's next reply'."""
    from course.engine.capstone import _reciprocity

    stayed = {
        "answered": True,
        "into_silence": False,
        "cost": 5.0,
        "back": None,
        "answer": "offer",
        "instead": "leave",
        "round": 3,
    }
    text = _reciprocity([stayed])
    assert "each one improved Marlow's next reply" not in text
    assert "stayed at the table where the replay shows it leaving" in text


def test_u2_leaving_before_marlows_final_offer_is_said_in_the_achievable_line():
    """Review 61, U2: walking out in round 2, straight after Marlow's first answer, the
    debrief's Achievable line said walking away beat what Marlow would accept; it now
    says you left before Marlow's final offer."""
    from course.engine.capstone import debrief
    from course.models.capstone import read_plan
    from course.scenarios.capstone import opening_of
    from tests.test_engine_capstone import facts, table_for

    case = course.variant("05_capstone", "learner-1354")
    seen = 0
    for seed in range(6):
        table, quell = table_for(case, "linear", seed)
        table.session.offer(opening_of(case))
        table.session.walk_away()
        outcome = table.outcome()
        if not outcome["zone_existed"]:
            continue
        lines = debrief(outcome, read_plan(case, None, None), facts(case, quell))
        line = next(x for x in lines if x.startswith("Achievable"))
        assert "before Marlow's final offer" in line, line
        seen += 1
    assert seen
