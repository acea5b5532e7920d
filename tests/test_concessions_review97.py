"""Review 96 of module 04 (concessions), fixed in round 97: either of two closing moves
that cost you the same passes (C2); section 1 names module 03's bar for mentioning an
alternative where both sides counter (C1); a question 3 hint points to the section that
teaches a retraction (X1); the arena aside gives the three bands of reservation prices an
opening of 24 leaves (U1); the next-year numbers are shown as a table (U3). Each test
fails on the text or code before this round."""

import random
import re

import pytest

import course
from course.checks import concessions as check
from course.engine.practice import ARENA_STYLES, Buyer, spans
from course.models.concessions import (
    TradeTable,
    judge_trade,
    plan_trades,
    preferred_trade,
    trade_rank,
)
from course.scenarios.concessions import birch_is_strong, tied_closing_start
from tests.test_checks_concessions import _flat, _mirrored, breaks_ties_the_other_way, miss
from tests.test_concessions_review89 import _cell

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
        "If two cost you the same, either is right: more insures against a misjudged minimum, "
        "less keeps to rule 3." in text
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


# --- C1: module 03's bar for mentioning an alternative ------------------------------------


def test_c1_section_1_names_module_03_s_bar_and_the_takeaway_follows():
    """Review 96 C1: section 1 gave only module 02's bar (what they believe of your
    alternative). It now says that bar fits a final offer, and that where both sides
    counter, as in Kite's talks, module 03's applies; the takeaway says the same."""
    text = _flat()
    assert "not with your own reservation price: module 02's bar, made for a final offer." in text
    assert (
        "Where both sides counter, as here, module 03's applies: beat the price they expect "
        "at the table, which counts no alternative." in text
    )
    assert "Mention an alternative only when it beats what they believe of it" not in text
    # review 97 C1 (round 98): one rule in the text, the table, question 1 and the summary
    assert (
        "Mention an alternative, as a fact, only when it beats what they believe of it; where "
        "both sides counter, module 03 sets the bar at the price they expect at the table." in text
    )
    assert "in each round you make an offer and Orchard answers with one of its own" in (
        check._variant("alice").story()
    )


def test_c1_birch_is_weighed_by_one_rule_and_either_choice_passes_where_it_beats_the_belief():
    """Round 97 said Birch "never clears" module 03's bar because it lies below halfway
    between Orchard's guess and its reservation price "where equally patient sides meet";
    review 97 E1: that split treats the alternative as the low end, while module 03's share
    at the table counts no alternative, and the case does not give that price. The text now
    states module 03's bar in its own words, says the case does not give it, and that
    question 1 accepts either choice where Birch beats what Orchard believes (module 02's
    bar), which happens often; the model answer keeps it private."""
    text = _flat()
    assert "where equally patient sides meet" not in text and "never clears" not in text
    assert (
        "Your case does not give you that price, so question 1 accepts either choice when "
        "Birch beats what Orchard believes" in text
    )
    strong = sum(birch_is_strong(check._variant(f"rv97-c1-{n}")) for n in range(300))
    assert strong > 50  # module 02's bar is cleared often
    for learner in ("alice", "carol"):
        s = check._variant(learner)
        _, said = check.grounded_opening(s)
        birch = next(k for k, st in s.statements.items() if st.about == "birch")
        assert birch not in said


# --- X1: the retraction hint names section 3 ---------------------------------------------


def test_x1_the_hint_for_raising_the_ask_points_to_the_section_on_retractions():
    """Review 96 X1: the hint for raising your ask after Orchard steps back said a
    retraction is taught in section 2; section 3 teaches it."""

    def mirrors(s, mine, theirs, target):
        return mine[-1] - _mirrored(mine, theirs)  # Faratin's mirror, capped

    with course.variants.learner_as("carol"):
        hint = miss(check.tit_for_tat, mirrors)
    assert "reads as a retraction of your own (section 3)" in hint, hint
    teaching = _cell("reciprocity-teaching")
    assert teaching.startswith("## 3. ") and "a **retraction**" in teaching
    assert "retraction" not in _cell("tactics-teaching")


# --- U1: the three bands behind an opening of 24 -----------------------------------------


def test_u1_the_arena_aside_gives_the_engine_s_three_bands_one_per_share():
    """Review 96 U1: the aside put an opening of 24 between 60 and 83, while the engine
    (``Buyer.limits_behind``) and the debrief give three bands, one per opening share. The
    text's bands, each style's, are the engine's."""
    text = _flat()
    said = re.search(
        r"opening of (\d+) puts that price in one of three bands, one per share: "
        r"(\d+) to (\d+) \(Boulware\), (\d+) to (\d+) \(linear, tit-for-tat\) or "
        r"(\d+) to (\d+) \(Conceder\)",
        text,
    )
    assert said, "the three bands are not stated"
    opening, *ends = (int(x) for x in said.groups())
    buyer = Buyer(rng=random.Random(0))
    buyer.session(40, first="bot")  # a first meeting
    bands = {style: spans(buyer.limits_behind(opening, (style,))) for style in ARENA_STYLES}
    assert bands["boulware"] == [(ends[0], ends[1])]
    assert bands["linear"] == bands["tit-for-tat"] == [(ends[2], ends[3])]
    assert bands["conceder"] == [(ends[4], ends[5])]
    assert "between 60 (24 / 0.4) and 83" not in text
    top = re.search(r"Open at the top, (\d+): still below the insult line", text)
    assert top and int(top.group(1)) == max(buyer.limits_behind(opening))


# --- U3: the next-year numbers as a table ------------------------------------------------


def test_u3_the_next_year_cell_shows_a_table_and_q7_still_gets_the_dict():
    """Review 96 U3: the cell showed a bare dict while the text calls it a table. It now
    shows a table, one row per ending, with next year's gain and its difference from the
    polite walk-away's; ``next_year`` stays the dict question 7 receives."""
    code = _cell("next-year")
    assert "check.next_year_table(next_year)" in code
    assert not code.rstrip().endswith("\nnext_year")
    s = check._variant("alice")
    following = check.next_year(s)
    assert isinstance(following, dict)
    table = check.next_year_table(following)
    assert list(table.index) == list(following)
    gains = table["next year's gain (thousands)"]
    assert gains.to_dict() == pytest.approx(following)
    difference = table["minus the polite walk-away's"]
    assert difference["deal"] == pytest.approx(following["deal"] - following[check.ALTERNATIVE])
    assert difference[check.ALTERNATIVE] == 0
