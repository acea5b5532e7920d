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
from course.variants import learner_as
from tests.sweeps import cell_text
from tests.test_checks_concessions import (
    _flat,
    _mirrored,
    _own_opening,
    breaks_ties_the_other_way,
    miss,
)
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
    # review 97 C1 (round 98): one bar, module 03's, with module 02's belief as its floor
    assert (
        "Where both sides counter, as here, module 03's deal-me-out sets that price: the larger "
        "of their estimate of your share at the table and the least they think you would take."
        in text
    )
    assert "Mention an alternative only when it beats what they believe of it" not in text
    assert (
        "Mention an alternative, as a fact, only when it raises the price they expect at the "
        "table (module 03's deal-me-out): never when it is below what they believe of it." in text
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
    # review 97 C1 (round 98): the same fact, in the one bar's terms; review 98 U1 (round
    # 99): in question 1's name for the quantity
    # review 103 E1: the same rule, with module 03's share at the table stated (about
    # half the job's worth to Orchard, so Birch binds)
    assert (
        "Naming a true offer below what Orchard believes your other work pays "
        "(`s.their_guess`) lowers the price it expects: keep it private." in text
    )
    assert "keeping that private is defensible too" in text
    assert "Question 1 accepts either." in text
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


# --- Review 97 (fixed in round 98) --------------------------------------------------------
# E1/C1 follow-up: one bar for naming Birch, in module 03's terms, in section 1, its table,
# question 1 and the summary; U1: question 1's rules are four sibling bullets, and the hint
# that refuses a weak Birch names its rule as the list does; U2: section 5's step 3 and
# question 6 point to section 3's rule 3 instead of restating it, and section 2's "Where the
# model stops" keeps three sentences. Each test fails on the text or code before round 98.

BAR = "the price Orchard expects at the table"


def _q1_bullets():
    """Question 1's top-level bullets: (name, text), in order."""
    lines = cell_text("04_concessions", "concessions", "q1-text").splitlines()
    bullets, found = [], None
    for line in lines:
        start = re.match(r"- \*\*(.+?):\*\* ?(.*)", line)
        if start:
            found = [start.group(1), start.group(2)]
            bullets.append(found)
        elif found is not None and line.startswith("  "):
            found[1] += " " + line.strip()
        else:
            found = None
    return [(name, text) for name, text in bullets]


def test_r98_u1_question_1_has_four_sibling_rules_and_no_nested_ones():
    """Review 97 U1: "Your alternative" and "Ambitious, and moved by news" were sub-rules 1
    and 2 of "Grounded", though neither is part of grounding. Question 1 now lists four
    rules side by side, and no numbered sub-rule is left."""
    names = [name for name, _ in _q1_bullets()]
    assert names == ["Grounded", "Your alternative", "Ambitious", "Moved by news, not by an anchor"]
    q1 = cell_text("04_concessions", "concessions", "q1-text")
    assert not re.search(r"^\s+\d\. \*\*", q1, re.M), "a numbered sub-rule is left"
    rules = dict(_q1_bullets())
    assert "s.alternative_price" in rules["Your alternative"]
    assert "s.their_estimate" in rules["Ambitious"]
    assert "A quote below your best fact caps" in rules["Moved by news, not by an anchor"]
    assert (
        "Orchard's opening changes none of your facts" in rules["Moved by news, not by an anchor"]
    )


def test_r98_u1_the_weak_birch_hint_names_its_rule_as_the_list_does():
    """Review 97 U1: a failure message should map to one rule. The hint that refuses a weak
    Birch names question 1's rule "Your alternative", a name the list now has, and says why
    in the one bar's terms: a weak alternative lowers the price Orchard expects (review 103
    E1: "cannot raise" went with round 102's bar)."""
    s = next(
        s
        for s in (check._variant(f"learner-{n}") for n in range(60))
        if check._birch_kind(s) == "fact" and not birch_is_strong(s)
    )
    birch = next(k for k, st in s.statements.items() if st.about == "birch")

    def telling(t, anchor, rival=None):
        price, said = _own_opening(t, anchor, rival)
        return price, [*said, birch] if t.learner == s.learner else said

    with learner_as(s.learner):
        hint = miss(check.opening, telling)
    named = re.findall(r"question 1's rule '([^']+)'", hint)
    assert named == ["Your alternative"], hint
    assert named[0] in dict(_q1_bullets())
    assert "lowers the price it expects at the table" in hint


def test_r98_c1_the_table_question_1_and_the_summary_state_one_bar():
    """Review 97 C1 (what A requires): section 1 called module 02's bar (what Orchard
    believes) one for a final offer and module 03's (the price expected at the table) the
    one for Kite's talks, but the table and question 1's rule used module 02's and the
    summary gave both. All four now name one bar, the price they expect at the table, with
    module 02's belief only as the floor below which naming never helps."""
    text = _flat()
    assert "module 02's bar, made for a final offer" not in text
    assert "only when it beats what Orchard believes; even then" not in text
    assert "only when it beats what they believe of it" not in text
    teaching = " ".join(cell_text("04_concessions", "concessions", "opening-teaching").split())
    assert (  # review 102: reworded (kept in review 103)
        "helps only when it raises the price they expect, and only as a fact"
        in teaching.replace("**", "")
    )
    assert "module 03's deal-me-out sets that price" in teaching
    assert f"only when it raises {BAR} (question 1)" in teaching  # the table's cell
    rule = dict(_q1_bullets())["Your alternative"]
    # review 103 E1: "(section 1)" now ends the rule, to pay for section 1's share sentence
    assert "(section 1)" in rule and "the check accepts either choice" in rule
    summary = " ".join(cell_text("04_concessions", "concessions", "summary").split())
    assert "only when it raises the price they expect at the table (module 03's deal-me-out)" in (
        summary
    )
    # "naming it also passes", with its reason, in one place: section 1 (review 98 U1,
    # round 99; review 103 E1: reworded)
    assert text.count("Question 1 accepts either.") == 1


def test_r98_c1_below_orchard_s_belief_naming_birch_never_raises_the_deal_me_out_price():
    """Section 1 and question 1: the price Orchard expects at the table is, by module 03's
    deal-me-out, the larger of its estimate of Kite's share there and the least it thinks
    Kite would take; naming Birch replaces that least by Birch's real figure. Over drawn
    learners and every share from Kite's reservation price to Orchard's estimate: a Birch
    below Orchard's belief never raises the price (so keep it private); a Birch above it
    raises the price for some shares and not for others. Review 103 E1: at module 03's own
    share at the table, counted without the alternative (about half of Orchard's
    reservation price), a Birch above the belief always raises the price and one below
    always lowers it (so naming a strong one is right; keeping it private is a judgement the
    check also accepts)."""
    teaching = " ".join(cell_text("04_concessions", "concessions", "opening-teaching").split())
    assert (
        "module 03's deal-me-out sets that price: the larger of their estimate of your share "
        "at the table and the least they think you would take" in teaching
    )
    learners = [check._variant(f"rv98-c1-{n}") for n in range(60)]
    weak = strong = 0
    for s in learners:
        if check._birch_kind(s) != "fact":
            continue
        believed = s.their_guess + s.extra_cost  # the least Orchard thinks Kite would take
        told = s.alternative_price + s.extra_cost  # the same, once Birch is named
        low, high = int(min(believed, told)) - 5, int(s.their_estimate) + 1
        raised = [max(share, told) > max(share, believed) for share in range(low, high)]
        at_table = s.their_estimate / 2  # module 03's share at the table, as a price
        if birch_is_strong(s):
            strong += 1
            assert any(raised) and not all(raised), s.learner
            assert max(at_table, told) > max(at_table, believed), s.learner
        else:
            weak += 1
            assert not any(raised), s.learner
            assert max(at_table, told) < max(at_table, believed), s.learner
    assert weak > 5 and strong > 5


def test_r98_u2_section_5_and_question_6_point_to_section_3_rule_3():
    """Review 97 U2: paced tit-for-tat was restated in section 3, section 5's step 3,
    question 6 and the summary. Step 3 and question 6 now point to "section 3, rule 3"
    (and step 3 to rule 2) without restating them; rules 2 and 3 keep the facts cut here."""
    teaching = " ".join(cell_text("04_concessions", "concessions", "difficult-teaching").split())
    step_3 = teaching[teaching.index("3. *Hold until") : teaching.index("4. *If there is")]
    assert "answer it by section 3, rule 3" in step_3
    for restated in (
        "answers a retraction with a hold",
        "Coming back to their offer before the drop",
        "beyond their best earlier offer",
        "at most the new ground they gave",
    ):
        assert restated not in step_3, restated
    assert "Answer their next real move by rule 2" in step_3
    q6 = " ".join(cell_text("04_concessions", "concessions", "q6-text").split())
    assert "(after a retraction, your last ask: section 3, rule 3)" in q6
    assert "section 5's step 3" not in q6
    rules = " ".join(cell_text("04_concessions", "concessions", "reciprocity-teaching").split())
    assert "3. If they retract, hold" in rules
    assert "their concession is how far their offer goes beyond their best earlier offer" in rules
    assert "your plan's next step" in rules  # rule 2's allowance: the plan caps each step


def test_r98_u2_where_the_model_stops_keeps_three_sentences():
    """Review 97 U2: section 2's "Where the model stops" explained the plan's shape three
    ways in eight sentences. It keeps its first two sentences and one on what the plan
    borrows from the Conceder; the plan's cap on each step lives in section 3's rule 2."""
    tactics = " ".join(cell_text("04_concessions", "concessions", "tactics-teaching").split())
    start = tactics.index("**Where the model stops.**")
    paragraph = tactics[start : tactics.index("The target (section 1) is module 02's", start)]
    body = paragraph.removeprefix("**Where the model stops.**").strip()
    sentences = [part for part in re.split(r"(?<=[.!?])\s+(?=[A-Z])", body) if part]
    assert len(sentences) == 3, sentences
    assert "plan steps that shrink towards a **target** above your reservation price" in body
    assert "It borrows the Conceder's shrinking steps, not its speed." in body
    assert "The plan caps each step" not in body and "a Boulware's late, growing" not in body
