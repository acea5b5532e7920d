"""Review 96 of module 04 (concessions), fixed in round 97: either of two closing moves
that cost you the same passes (C2); section 1 names module 03's bar for mentioning an
alternative where both sides counter (C1); a question 3 hint points to the section that
teaches a retraction (X1); the arena aside gives the three bands of reservation prices an
opening of 24 leaves (U1); the next-year numbers are shown as a table (U3). Each test
fails on the text or code before this round."""

import pytest

import course
from course.checks import concessions as check
from course.models.concessions import (
    TradeTable,
    judge_trade,
    plan_trades,
    preferred_trade,
    trade_rank,
)
from course.scenarios.concessions import tied_closing_start
from tests.test_checks_concessions import _flat, breaks_ties_the_other_way

SWEPT = (*(f"rv97-{i}" for i in range(24)), "alice", "bob", "carol", "learner-0")


# --- C2: either of two closing moves that cost you the same ------------------------------


def _tied_case():
    tied = check._variant(check._tied_learner())
    table = TradeTable(tied.yours, tied.theirs)
    start = tied_closing_start(table, tied.their_minimum)
    needed = table.shortfall(start, tied.their_minimum)
    options = table.options(start, gives=True)
    best = preferred_trade(options, needed)
    less = next(
        o
        for o in options
        if trade_rank(o, needed)[0] == 1 and o["you"] == best["you"] and o["them"] < best["them"]
    )
    return tied, table, start, needed, options, best, less


def test_c2_the_tied_closing_move_that_gives_less_passes_on_the_self_check_learner():
    """Review 96 C2: on self-check-tied-closing-5, the closing move that costs the same as
    the rule's choice and gives Orchard fewer points (still enough to sign) is right: the
    verdict, the check's judgement and the planner's step all say so."""
    tied, _, start, needed, options, best, less = _tied_case()
    assert tied.learner == "self-check-tied-closing-5"
    assert less["them"] >= needed > 0
    assert judge_trade(less, options, needed) == ("concession", True)
    assert judge_trade(best, options, needed) == ("concession", True)
    check._judge_choice(tied, "next_trade", less["package"], less, best, needed)
    step = plan_trades(
        start, [(less["give"], less["get"])], tied.yours, tied.theirs, tied.their_minimum
    )[0]
    assert step["ok"] and step["better"] is None


def test_c2_rule_2_1_says_either_passes_and_why():
    """Rule 2.1 no longer asks for the more generous of two tied closing moves: it says
    either is right, giving more insures against a misjudged minimum and giving less keeps
    to rule 3."""
    text = _flat()
    assert "If two cost you the same, make the one that gives them more" not in text
    assert (
        "If two cost you the same, either is right: giving more insures against a misjudged "
        "minimum, giving less keeps to rule 3." in text
    )


@pytest.mark.parametrize("learner", ["learner-0", "alice", "carol"])
def test_c2_a_rule_that_breaks_the_closing_tie_the_other_way_passes(learner):
    """A next_trade that, of two cheapest closing moves, makes the one that gives Orchard
    less, passes the visible and the hidden check (the tied learner is tried in both)."""

    def other_way(s, current):
        return breaks_ties_the_other_way(s, current, closing_too=True)

    with course.variants.learner_as(learner):
        check.next_trade.__wrapped__(other_way)
        check.next_trade.__wrapped__(other_way, hidden=True)


def _old_right(option, options, needed):
    """The verdict before round 97: ranked with the rule's choice on every key of a closing
    move, the points it gives Orchard included."""
    best = preferred_trade(options, needed)
    if best is None or judge_trade(option, options, needed)[0] is None:
        return False
    if judge_trade(option, options, needed)[0] == "free":
        return True
    a, b = trade_rank(option, needed), trade_rank(best, needed)
    keys = 3 if a[0] == b[0] == 1 else 2
    return a[0] == b[0] and all(
        abs(x - y) <= 1e-9 * max(1, abs(x), abs(y))
        for x, y in zip(a[1:keys], b[1:keys], strict=True)
    )


def test_c2_over_swept_learners_every_move_right_before_is_right_now_and_only_ties_are_added():
    """Over swept learners, from every package on the rule's path from the draft and the
    middle and from a tied start: a move right before this round is still right (the check
    only gets more lenient), and every move newly right is a closing move that costs the
    same as the rule's choice. Some learner gains one."""
    added = 0
    for learner in SWEPT:
        s = check._variant(learner)
        table = TradeTable(s.yours, s.theirs)
        starts = [*table.rule_path(s.draft, s.their_minimum)]
        tied = tied_closing_start(table, s.their_minimum)
        starts += [tied] if tied is not None else []
        for start in starts:
            options = table.options(start, gives=True)
            needed = table.shortfall(start, s.their_minimum)
            best = preferred_trade(options, needed)
            for o in options:
                before = _old_right(o, options, needed)
                now = judge_trade(o, options, needed)[1]
                assert now or not before, (learner, start, o)
                if now and not before:
                    added += 1
                    assert trade_rank(o, needed)[0] == 1 and o["you"] == best["you"]
    assert added > 0
