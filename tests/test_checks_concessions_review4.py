"""Module 04, the professor's fourth review: each finding the checks can show, shown
(errors E3, E4, E8; contradictions C3, C4; weak exercises W2, W5)."""

import pytest

import course
from course.checks import concessions as check
from course.checks.hints import NotYet
from course.models.concessions import TradeTable, time_dependent_offer, trade_rank, trade_tier
from course.scenarios.concessions import reservation_of

MODULE = "04_concessions"


def _closing_against_short(n_learners=80):
    """(scenario, package, the closing move the rule takes, a concession that leaves
    Orchard short) for packages where nothing is free and some move closes the deal."""
    for n in range(n_learners):
        s = course.variant(MODULE, f"learner-{n}")
        table = TradeTable(s.yours, s.theirs)
        for package, _, _ in table.packages:
            needed = table.shortfall(package, s.their_minimum)
            if not needed or needed is True:
                continue
            options = table.options(package, gives=True)
            if any(trade_tier(o) == "free" for o in options):
                continue
            costly = [o for o in options if trade_tier(o) == "concession"]
            closing = [o for o in costly if o["them"] >= needed]
            if not closing:
                continue
            best = max(closing, key=lambda o: trade_rank(o, needed))
            for short in (o for o in costly if o["them"] < needed):
                yield s, package, needed, best, short


def _hint(s, package, needed, best, chosen):
    try:
        check._judge_choice(s, "here", chosen["package"], chosen, best, needed)
    except NotYet as failure:
        return str(failure)
    pytest.fail("a concession that leaves Orchard short passed")


def test_the_closing_hint_names_the_rate_only_when_the_learners_rate_is_better():
    """E4: 'a move that closes the deal beats a better concession rate' was said of moves
    whose rate was lower than the closing move's (677 of 699 in the review's count). The
    hint now says the move leaves Orchard short, and names a better rate only when the
    learner's move has one."""
    seen = {True: 0, False: 0}
    for s, package, needed, best, short in _closing_against_short():
        higher = short["them"] / -short["you"] > best["them"] / -best["you"]
        hint = _hint(s, package, needed, best, short)
        assert "leaves it short" in hint, hint
        assert ("better concession rate" in hint) == higher, hint
        seen[higher] += 1
        if all(count >= 5 for count in seen.values()):
            return
    pytest.fail(f"too few cases of each kind: {seen}")


def test_unrounded_curves_pass_rule_3_and_rounding_is_named_when_it_breaks_it():
    """E3 and U1: question 2 invites time_dependent_offer with 1 < beta <= 2 and rounding
    to whole thousands, but a rounded beta = 1.2 plan failed for 18% of learners with a
    hint that did not say why. Unrounded, such curves never break rule 3 (steps never
    grow, the last smaller than the first); rounded, when the last step comes out as big
    as the first, the hint says that rounding did it and what to do."""
    named = 0
    for n in range(120):
        s = course.variant(MODULE, f"learner-{n}")
        reservation = reservation_of(s)
        for start in check._openings(s, hidden=True):
            for beta in (1.05, 1.2, 1.5, 2.0):
                target = (start + reservation) / 2
                curve = [
                    time_dependent_offer(t, s.rounds - 1, start, target, beta)
                    for t in range(s.rounds)
                ]
                try:
                    check._check_plan(curve, start, reservation, "here")
                except NotYet as failure:
                    assert "bigger than" not in str(failure) and "not smaller" not in str(failure)
                plan = [float(round(offer)) for offer in curve]
                try:
                    check._check_plan(plan, start, reservation, "here")
                except NotYet as failure:
                    if "not smaller" in str(failure):
                        assert "keep the decimals" in str(failure)
                        named += 1
    assert named > 0


def test_the_cap_after_a_hold_is_your_last_concession():
    """C3: 'your own last step' is the last time an offer of yours went down, but no case
    had a hold of yours followed by a big concession of Orchard's, so a rule that reads
    the cap from your last two offers only (no cap after a hold) passed every check."""

    def last_two_only(s, mine, theirs, target):
        step = theirs[-1] - theirs[-2]
        if step <= 0:
            return max(mine[-1], target)
        if mine[-2] > mine[-1]:
            step = min(step, mine[-2] - mine[-1])
        elif len(set(mine)) == 1:  # never conceded: the first-concession cap (fifth review E4)
            step = min(step, 0.6 * (mine[-1] - target))
        return max(mine[-1] - step, target)

    for learner in ("ada", "learner-1", "learner-2"):
        with course.variants.learner_as(learner):
            check.tit_for_tat(last_two_only)  # the visible cases do not tell them apart
            try:
                check.tit_for_tat(last_two_only, hidden=True)
            except NotYet as failure:
                assert "bigger than its own last one" in str(failure)
            else:
                pytest.fail("a cap read from the last two offers only passed the hidden cases")


def test_comparing_a_deal_with_a_walk_out_fails_for_every_learner():
    """W5: for a learner whose polite and walk-out gains coincided, comparing a deal with a
    walk-out equalled the right answer in every table tried. A hidden table with larger
    stakes, where a walk-out costs clearly more, tells them apart for everyone."""

    def against_walk_out(s, next_year):
        return s.alternative_price + s.extra_cost - (next_year["deal"] - next_year["walk-out"])

    for n in range(3):
        s = course.variant(MODULE, f"learner-{n}")
        larger = check._tables(s, True)[-1]
        assert larger["walk-out"] < larger["polite walk-away"] < larger["deal"]
        assert larger["deal"] - larger["polite walk-away"] >= 8
        with course.variants.learner_as(s.learner):
            try:
                check.relationship_reservation(against_walk_out, hidden=True)
            except NotYet as failure:
                assert "walk-out" in str(failure)
            else:
                pytest.fail("comparing a deal with a walk-out passed the hidden tables")


def test_the_next_year_gain_is_over_the_reservation_price():
    """C4: the table's gain is the price next year less the reservation price (Birch's
    price plus the extra cost), which the text called a gain over the BATNA."""
    from pathlib import Path

    text = (Path(__file__).parents[1] / "source" / MODULE / "concessions.py").read_text()
    flat = " ".join(line.lstrip("# ").strip() for line in text.splitlines())
    assert "gain over your BATNA" not in flat
    assert flat.count("gain over your reservation price") == 2
    assert "gain over your BATNA" not in check.next_year.__doc__


def test_the_text_no_longer_credits_the_rule_with_the_landing_or_concessions_with_return():
    """E1, E2, C1, C2: the one-move rule was said to decide where on the frontier to land;
    a concession that does not close was said to bring equal value back; section 5 said
    'move only in a trade' while section 4 allowed single gives."""
    from pathlib import Path

    text = (Path(__file__).parents[1] / "source" / MODULE / "concessions.py").read_text()
    flat = " ".join(line.lstrip("# ").strip() for line in text.splitlines())
    assert "then decide where on it to land" not in flat
    assert "decide where on it to land, and" not in flat
    assert "Where to land is one decision; how to get there is another." in flat
    assert "That is the sense in which the give still brings something" not in flat
    assert "**conditional** on the deal" in flat and "your planned step, and on a condition" in flat
    assert "Move only in a trade" not in flat
