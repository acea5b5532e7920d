"""Module 04's variants swept by the thousand (issue 15): every drawn learner gets a fair
question, and every right answer passes.

The invariants are written here again from first principles, not read from
``course.scenarios.concessions.problems``: a sweep that only re-ran the generator's own
tests could not catch a mistake in them. Each question is then answered, for every swept
learner, by the course's reference solution and by two formulations written independently
of it, and each must pass the hidden check on the learner's own scenario (its cases include
every visible one, as a test below shows). The hidden check also tries the same five hidden
learners for everyone (the self-check ones without a grading key); those run once per formulation, through the real recording
machinery, as do the first learners of the sweep.
"""

import functools
import io
import itertools
from collections import Counter
from contextlib import redirect_stdout
from fractions import Fraction
from pathlib import Path

import pytest

import course
from course.checks import concessions as check
from course.course_map import questions
from course.models.concessions import TradeTable, all_packages
from course.scenarios.concessions import (
    PLANNER_ROWS,
    cheapest_start,
    concession_start,
    problems,
    reservation_of,
)
from course.variants import hidden_cases_as, learner_as
from tests.notebooks import solution_namespace
from tests.sweeps import drawn_once

SOURCE = Path(__file__).parents[1] / "source" / "04_concessions" / "concessions.py"


def _source_flat():
    """The module's source text, its comment marks dropped and its lines joined."""
    return " ".join(line.lstrip("# ").strip() for line in SOURCE.read_text().splitlines())


MODULE = "04_concessions"
LEARNERS = tuple(f"sweep-{n}" for n in range(2000))

#: The margins the invariants keep, as the module states them (thousands, or points).
OPENING_MARGIN, RATE_MARGIN, CASE_MARGIN = 3, 0.05, 0.5


@pytest.fixture(scope="module")
def drawn(workers_folder):
    return drawn_once(MODULE, LEARNERS, workers_folder)


# --- first principles, written independently of the scenario module ---------------------


def points(s, package, side):
    return sum(side[issue][level] for issue, level in package.items())


def every_package(s):
    return [
        dict(zip(s.issues, levels, strict=True)) for levels in itertools.product(*s.issues.values())
    ]


def middle(s):
    return {issue: levels[1] for issue, levels in s.issues.items()}


def moves(s, package):
    """(package after, Kite's change, Orchard's change) for every one-level trade and every
    single give."""
    found = []
    issues = s.issues
    pairs = [(give, None) for give in issues] + list(itertools.permutations(issues, 2))
    for give, get in pairs:
        g = issues[give].index(package[give])
        if g + 1 == len(issues[give]):
            continue
        after = {**package, give: issues[give][g + 1]}
        if get is not None:
            k = issues[get].index(package[get])
            if k == 0:
                continue
            after[get] = issues[get][k - 1]
        found.append(
            (
                after,
                points(s, after, s.yours) - points(s, package, s.yours),
                points(s, after, s.theirs) - points(s, package, s.theirs),
            )
        )
    return found


def frontier_points(s, every):
    """The (Kite, Orchard) points no package beats for both: sorted by Kite's points, best
    first, a point is on the frontier when it gives Orchard more than every point before
    it (and is not the same point again)."""
    pts = sorted(
        {(points(s, p, s.yours), points(s, p, s.theirs)) for p in every},
        key=lambda q: (-q[0], -q[1]),
    )
    found, best = set(), None
    for you, them in pts:
        if best is None or them > best:
            found.add((you, them))
            best = them
    return found


def right(s, package):
    """The moves from ``package`` the course's rule calls right: the free ones (no side
    loses, one gains) that create the most for both, then the most for Kite; where none is
    free and Orchard is below its minimum, the cheapest of the concessions that bring it to
    its minimum (then the most for Orchard), or, when none does, those with the best rate,
    then the smallest cost; else none."""
    found = moves(s, package)
    free = [m for m in found if m[1] >= 0 and m[2] >= 0 and m[1] + m[2] > 0]
    if free:
        top = max((m[1] + m[2], m[1]) for m in free)
        return [m for m in free if (m[1] + m[2], m[1]) == top]
    short = s.their_minimum - points(s, package, s.theirs)
    if short <= 0:
        return []
    costly = [m for m in found if m[1] < 0 < m[2]]
    closing = [m for m in costly if m[2] >= short]
    if closing:
        top = max((m[1], m[2]) for m in closing)
        return [m for m in closing if (m[1], m[2]) == top]
    if not costly:
        return []
    top = max((Fraction(int(m[2]), int(-m[1])), m[1]) for m in costly)
    return [m for m in costly if (Fraction(int(m[2]), int(-m[1])), m[1]) == top]


def follow(s, start):
    """The packages the rule leads through from ``start`` (the first of tied moves)."""
    path = [start]
    while right(s, path[-1]) and len(path) < 30:
        path.append(right(s, path[-1])[0][0])
    return path


# --- the invariants -----------------------------------------------------------------------


def test_the_generator_redraws_every_unfair_variant(drawn):
    """The generator's own judgement of its draws (the tests below judge them again,
    independently, over the whole sweep)."""
    assert [s.learner for s in drawn[:300] if problems(s)] == []


#: What the five statements report, one each.
ABOUT = ("birch", "survey", "linden", "retailer", "demand")


def _true(s, statement):
    """Whether the story gives ``statement``'s figure for what it reports."""
    return s.facts.get(statement.about) == statement.figure


def _about(s, about):
    return next(st for st in s.statements.values() if st.about == about)


def test_one_true_fact_grounds_an_ambitious_opening_clear_of_the_line(drawn):
    for s in drawn:
        estimate, reservation = s.their_estimate, reservation_of(s)
        facts = {k: st.figure for k, st in s.statements.items() if _true(s, st)}
        lies = [st.figure for k, st in s.statements.items() if k not in facts]
        assert sorted(s.statements) == ["A", "B", "C", "D", "E"]
        assert sorted(st.about for st in s.statements.values()) == sorted(ABOUT)
        assert sum(f >= estimate + OPENING_MARGIN for f in facts.values()) == 1, s.learner
        assert all(abs(f - estimate) >= OPENING_MARGIN for f in facts.values()), s.learner
        assert min(lies) > reservation + OPENING_MARGIN, s.learner  # the shortcuts tempt
        assert len({st.figure for st in s.statements.values()}) == 5, s.learner
        assert estimate - reservation >= 15, s.learner  # room to plan concessions
        assert s.alternative_price < estimate  # Birch never grounds an opening on its own
        # Birch is worth mentioning, or not, clear of Orchard's guess, which is below its limit
        assert abs(s.their_guess - s.alternative_price) >= OPENING_MARGIN, s.learner
        assert s.their_guess < estimate - OPENING_MARGIN, s.learner


def test_which_statement_is_untrue_and_which_fact_grounds_the_opening_vary(drawn):
    """The choice never varied. Birch's statement is true in some draws and inflated in others;
    the high fact is the survey in some, Linden in others, another retailer's real offer in
    others; a low market fact is misquoted in some; the keys say nothing of which is which."""
    birch = Counter(_true(s, _about(s, "birch")) for s in drawn)
    high = Counter(
        max((st for st in s.statements.values() if _true(s, st)), key=lambda st: st.figure).about
        for s in drawn
    )
    assert min(birch.values()) >= 0.25 * len(drawn) and len(birch) == 2
    misquoted = Counter(
        any(st.about in ("survey", "linden") and not _true(s, st) for st in s.statements.values())
        for s in drawn
    )
    assert len(misquoted) == 2 and min(misquoted.values()) >= 0.25 * len(drawn)
    keys = Counter(k for s in drawn for k, st in s.statements.items() if st.about == "demand")
    assert len(keys) == 5 and min(keys.values()) >= 0.1 * len(drawn)
    # a true Birch offer is worth mentioning in some draws (it beats what Orchard believes
    # Kite's other work pays) and not in others
    told = Counter(
        s.alternative_price > s.their_guess for s in drawn if _true(s, _about(s, "birch"))
    )
    assert len(told) == 2 and min(told.values()) >= 0.3 * sum(told.values())
    assert set(high) == {"survey", "linden", "retailer"}
    assert min(high.values()) >= 0.2 * len(drawn)


def test_each_statement_tells_the_same_story(drawn):
    """Story coherence as data: Birch's figure is the BATNA or more (then it is untrue);
    every text names its own figure; a market fact's figure is the story's or more (then
    it is misquoted); the other retailer statement is the price Fern paid a studio, which the story tells, or
    invented, and the story then says no other retailer has made an offer; the threat says
    what Kite will do to Orchard; when Orchard paid Linden more last year than Kite now
    expects it to pay, the story says its budget is tighter."""
    for s in drawn:
        assert _about(s, "birch").figure >= s.alternative_price == s.facts["birch"]
        for statement in s.statements.values():
            assert f"{statement.figure:g}" in statement.text
        for about in ("survey", "linden"):
            assert _about(s, about).figure >= s.facts[about]
        story = s.story()
        # Birch is the only client with work for this year; Fern's figure is the price it
        # paid another studio, a market price, not an offer to Kite for next year, which
        # would undercut the next-year table of question 7 (review 61 C2)
        assert "only other client with work for you this year" in story
        assert "in talks with" not in story
        assert f"{s.facts['survey']:g}" in story and f"{s.facts['linden']:g}" in story
        retailer = _about(s, "retailer")
        if "retailer" in s.facts:
            assert (
                "Fern" in retailer.text
                and "offered" not in retailer.text
                and f"Fern, another retailer, paid a studio like yours {retailer.figure:g}" in story
            )
            assert "next year" not in retailer.text and "offer to you" in story
            assert not s.tighter
        else:
            assert "Another retailer" in retailer.text
            assert "No other retailer has made you an offer" in story
        assert "or we take Birch's job" in _about(s, "demand").text
        tighter = s.facts["linden"] > s.their_estimate
        assert ("budget is tighter this year than last" in story) == tighter, s.learner


def test_the_story_says_why_the_market_rates_are_not_kites_alternative(drawn):
    """Review 56 (E2): the true fact grounding the opening (a survey of "work like this,
    from a studio like ours", or Orchard's own price) was 1.35 to 1.79 times Birch's offer,
    and Orchard's limit 1.25 to 1.43 times Kite's reservation price, while the story never
    said why a seller facing that market would take 63. It now says: Birch is a publisher,
    publishers pay below retail, and no retailer but Orchard has work for Kite this year."""
    ratios = []
    for s in drawn:
        ratios.append(max(s.facts[k] for k in ("survey", "linden")) / s.alternative_price)
        story = s.story()
        assert "Publishers pay well below retail rates" in story, s.learner
        assert "no retailer but Orchard has work for you this year" in story
        assert "not what you could earn elsewhere" in story
    assert max(ratios) > 1.3  # the gap the sentence explains is real


def test_the_numbers_are_plausible(drawn):
    for s in drawn:
        reservation = reservation_of(s)
        assert 60 <= s.alternative_price <= 80 and 2 <= s.extra_cost <= 8
        assert reservation * 1.2 <= s.their_estimate <= reservation * 1.45
        best_fact = max(f for about, f in s.facts.items() if about != "birch")
        assert best_fact <= 1.6 * reservation
        assert 5 <= s.rounds <= 8
        assert 0 < s.their_minimum < 100
        for side, best_first in ((s.yours, True), (s.theirs, False)):
            assert sum(max(levels.values()) for levels in side.values()) == 100
            for issue, levels in s.issues.items():
                scores = [side[issue][level] for level in levels]
                assert scores == sorted(scores, reverse=best_first), (s.learner, issue)


def test_the_story_shows_every_field_a_question_needs(drawn):
    for s in drawn[:50]:
        story = s.story()
        for field in (
            "alternative_price",
            "extra_cost",
            "their_estimate",
            "statements",
            "facts",
            "rounds",
            "yours",
            "theirs",
            "their_minimum",
            "draft",
        ):
            assert f"`s.{field}`" in story
        for statement in s.statements.values():
            assert statement.text in story


def test_the_rule_from_the_middle_and_from_the_draft_lands_on_the_frontier(drawn):
    """Following the rule from the middle stranded learners below the frontier. Applied again
    and again, from the middle and from the draft, it stops on the frontier with Orchard's
    minimum met; from the draft it takes 3 to 6 moves, one of them at least a concession; no
    package on the way sits exactly at the minimum."""
    for s in drawn[:600]:  # a search over packages: part of the sweep keeps this fast
        every = every_package(s)
        frontier = frontier_points(s, every)
        for start in (middle(s), s.draft):
            path = follow(s, start)
            end = path[-1]
            you, them = points(s, end, s.yours), points(s, end, s.theirs)
            assert (you, them) in frontier and them >= s.their_minimum, s.learner
            assert all(points(s, p, s.theirs) != s.their_minimum for p in path), s.learner
        path = follow(s, s.draft)
        assert 3 <= len(path) - 1 <= PLANNER_ROWS, s.learner
        assert any(  # a concession on the way: the planner practises where to land
            not any(m[1] >= 0 and m[2] >= 0 and m[1] + m[2] > 0 for m in moves(s, package))
            for package in path[:-1]
        ), s.learner
        assert points(s, s.draft, s.yours) > points(s, s.draft, s.theirs)  # good for Kite
        # and better for Kite than the middle split (the planner called a draft worth 43 "good
        # for you" against 73 for the middle)
        assert points(s, s.draft, s.yours) > points(s, middle(s), s.yours), s.learner
        assert (points(s, s.draft, s.yours), points(s, s.draft, s.theirs)) not in frontier


def every_end(s, start):
    """Every package where the rule stops from ``start`` when each tie among right moves
    may go either way (the planner and question 4 accept any of them)."""
    ends, seen, todo = set(), set(), [start]
    while todo:
        package = todo.pop()
        key = tuple(sorted(package.items()))
        if key in seen:
            continue
        seen.add(key)
        after = right(s, package)
        if not after:
            ends.add(key)
        todo += [m[0] for m in after]
    return ends


def test_no_tie_on_the_rules_way_decides_where_it_stops(drawn):
    """Learner 0373 of review 56 (E3): from the draft, two concessions tied at rate 1.00;
    one path stopped at 58/66, the landing, the other at 52/72, and the planner blamed the
    rule's short sight for what was a tie-break (1 of 400 draws). Every way of breaking
    every tie now stops at the same package, from the middle and from the draft."""
    for s in drawn[:600]:
        for start in (middle(s), s.draft):
            assert len(every_end(s, start)) == 1, s.learner


def test_trading_has_a_real_decision(drawn):
    """From the middle a free trade exists (logrolling pays); some package leaves only
    concessions while Orchard needs points, with a clear best."""
    for s in drawn:
        assert any(m[1] >= 0 and m[2] > 0 for m in moves(s, middle(s)))
        start = concession_start(TradeTable(s.yours, s.theirs), s.their_minimum)
        found = moves(s, start)
        helpful = [m for m in found if m[2] > 0]
        assert len(helpful) >= 2 and all(m[1] < 0 for m in helpful), s.learner
        assert points(s, start, s.theirs) < s.their_minimum
        rates = sorted((m[2] / -m[1] for m in helpful), reverse=True)
        assert rates[0] == rates[1] or rates[0] - rates[1] >= RATE_MARGIN, s.learner


def test_a_single_concession_can_close_the_deal_and_the_rules_disagree_for_many(drawn):
    """Question 4's closing step: every learner has a package where nothing is free, Orchard
    needs points and one move gives it all it needs; for a good share of them the cheapest such
    move is not the best rate, so the hidden check tells the two rules apart."""
    differ = 0
    for s in drawn[:600]:
        found = False
        for package in every_package(s):
            short = s.their_minimum - points(s, package, s.theirs)
            ms = moves(s, package)
            if short <= 0 or any(m[1] >= 0 and m[2] >= 0 and m[1] + m[2] > 0 for m in ms):
                continue
            costly = [m for m in ms if m[1] < 0 < m[2]]
            closing = [m for m in costly if m[2] >= short]
            if len(costly) < 2 or not closing:
                continue
            found = True
            best_rate = max(costly, key=lambda m: (Fraction(int(m[2]), int(-m[1])), m[1]))
            if best_rate[1] < max(m[1] for m in closing):
                differ += 1
                break
        assert found, s.learner
    assert differ >= 0.2 * 600


def _cheapest_differs(s):
    """Whether some package leaves nothing free, Orchard short of its minimum, no single
    move closing the deal, and the cheapest concession below the best exchange rate."""
    for package in every_package(s):
        short = s.their_minimum - points(s, package, s.theirs)
        ms = moves(s, package)
        if short <= 0 or any(m[1] >= 0 and m[2] >= 0 and m[1] + m[2] > 0 for m in ms):
            continue
        costly = [m for m in ms if m[1] < 0 < m[2]]
        if len(costly) < 2 or any(m[2] >= short for m in costly):
            continue
        best = max(Fraction(int(m[2]), int(-m[1])) for m in costly)
        cheapest = max(m[1] for m in costly)
        if all(Fraction(int(m[2]), int(-m[1])) < best for m in costly if m[1] == cheapest):
            return True
    return False


def test_the_visible_trade_check_always_tries_a_package_where_the_cheapest_move_loses(drawn):
    """Question 4's visible check tries, for every learner, a package where no move closes
    the deal and the cheapest concession is not the best rate (from the learner's own
    scenario, or a public learner's when it has none), so conceding the cheapest move
    fails it; the scenario module finds such a package exactly when one exists."""
    public = course.variant(MODULE, check._cheapest_learner())
    assert _cheapest_differs(public)
    own = 0
    for s in drawn[:600]:
        differs = _cheapest_differs(s)
        table = TradeTable(s.yours, s.theirs)
        assert (cheapest_start(table, s.their_minimum) is not None) == differs, s.learner
        own += differs
    assert 0.5 * 600 < own < 600


def test_three_equivalent_offers_on_the_frontier_exist(drawn):
    """Question 5 can be answered: three packages on the frontier, each worth more to Kite than
    the middle and at least the landing point (for 6% of learners every set was worth less than
    where Kite plans to land), within 5 of Kite's points of each other, no two giving ground on
    the same issues; and there are at least three such sets, so that the learner chooses (most
    learners had exactly one; review 70 X2: with at least two, the median learner had exactly
    two, often sharing two offers)."""
    for s in drawn[:600]:
        assert len(_meso_sets(s)) >= 3, s.learner


def test_an_opening_set_often_but_not_always_falls_short_of_orchards_minimum(drawn):
    """Review 56 (C4): the text said each offer of an opening set "usually" gives Orchard
    less than its minimum, and question 5's aside read as "always"; for 99 of 400 learners
    some accepted set holds an offer at the minimum or above (the landing package, or one
    worth as much to Kite). The text now says "often", and only an offer worth more to
    Kite than the landing package is always short."""
    some = sum(
        any(row[2] >= s.their_minimum for trio in _meso_sets(s) for row in trio)
        for s in drawn[:400]
    )
    assert 0 < some < 200, some  # short in most cases, not in all
    text = _source_flat()
    # review 69 U1: section 4's sentence ("often gives Orchard less") is cut; question 5's
    # note keeps the part that always holds, and no text says "always" of the whole set
    assert "offers often gives Orchard less than the least it would sign" not in text
    assert "usually gives Orchard less" not in text
    # review 91 U1: a note after the rules, no longer inside the insult bullet; it says
    # "nearly always", which test_concessions_review91 checks against the accepted sets
    assert "So your offers will nearly always give Orchard less than its minimum" in text


def test_a_pick_among_the_equivalent_offers_is_a_real_decision(drawn):
    """Question 5b (the MESO's reading of the pick was never practised): every learner's visible
    cases hold a pick the research expected and one it did not, and no case asks about a set
    whose best-rated offer is tied."""
    for s in drawn:
        cases = check._pick_cases(s, hidden=False)
        assert any(not e for _, _, e in cases) and any(e for _, _, e in cases), s.learner
        for offers, _, _ in check._pick_cases(s, hidden=True):
            worth = sorted((sum(s.theirs[i][p[i]] for i in s.issues) for p in offers), reverse=True)
            assert worth[0] > worth[1], s.learner


def test_no_tit_for_tat_case_asks_less_than_orchard_already_offers(drawn):
    """A case where Orchard's last offer was above your last ask has offers that crossed
    (question 6's rule says accept), yet the check wanted a lower ask. Every case keeps Orchard
    below your last ask and below the expected one, and one case still stops at your floor."""
    for s in drawn:
        cases = check._histories(s, hidden=True)
        target = check._plan_target(s)
        for mine, theirs in cases:
            expected = check.tit_for_tat_offer(s, mine, theirs, target)
            assert theirs[-1] < mine[-1] and theirs[-1] < expected, (s.learner, mine, theirs)
        assert any(
            mine[-1] - max(theirs[-1] - theirs[-2], 0) < target for mine, theirs in cases[:5]
        ), s.learner
        # the target keeps a margin question 2 accepts, above the reservation price
        reservation, top = reservation_of(s), check.grounded_opening(s)[0]
        assert target >= reservation + 0.1 * (top - reservation) + 1, s.learner
        # a visible case where Orchard concedes more than your last step (the cap binds)
        assert any(
            theirs[-1] - theirs[-2] > mine[-2] - mine[-1] > 0 for mine, theirs in cases[:5]
        ), s.learner


def test_the_course_plan_stops_at_the_band_top_below_every_opening(drawn):
    """Question 2 fails a plan that stops above module 02's band. The course's plan stops at
    the band's top, three quarters of the way from the reservation price up to the estimate
    (session 75: it stopped halfway to the opening, which for some learners lay above that
    top); that lies above the even split, below the estimate and below every opening the
    check plans from, and question 3's target lies inside the band."""
    for s in drawn:
        r, estimate = reservation_of(s), s.their_estimate
        target = check.course_target(s)
        assert target == r + 0.75 * (estimate - r), s.learner
        assert (r + estimate) / 2 < target < estimate, s.learner
        assert all(target < opening for opening in check._openings(s, hidden=True)), s.learner
        assert abs(check.course_plan(s, check.grounded_opening(s)[0])[-1] - target) < 1e-9, (
            s.learner
        )
        assert (r + estimate) / 2 < check._plan_target(s) <= target, s.learner


def test_the_hidden_openings_to_plan_from_are_whole_numbers(drawn):
    """A hidden opening of 89.5 failed every plan rounded to whole thousands, which question 2
    invites."""
    for s in drawn:
        assert all(float(o).is_integer() for o in check._openings(s, hidden=True)), s.learner


def test_every_check_case_is_clear_of_every_line(drawn):
    for s in drawn:
        reservation = reservation_of(s)
        top = check.grounded_opening(s)[0]
        for opening in check._openings(s, hidden=True):
            assert s.their_estimate <= opening <= top
        for anchor in check._anchors(s, hidden=True)[1:]:
            assert anchor < reservation
        for anchor, rival in check._rivals(s, hidden=True):  # news clear of every line
            assert rival.is_integer() and rival >= reservation + 3
            below, between = rival <= s.their_estimate - 3, s.their_estimate < rival < top
            assert below or between or rival >= top + 3, s.learner
            assert not between or min(rival - s.their_estimate, top - rival) >= 1, s.learner
            assert anchor is None or anchor < reservation
        target = check._plan_target(s)
        for mine, theirs in check._histories(s, hidden=True):
            assert len(mine) == len(theirs) >= 2
            step = theirs[-1] - max(theirs[:-1])  # new ground
            own = [a - b for a, b in itertools.pairwise(mine) if a > b]
            if step > 0:  # the rule's offer before the target clamps it, clear of the target
                cap = own[-1] if own else 0.6 * (mine[-1] - target)
                capped = mine[-1] - min(step, cap)
                assert abs(capped - target) >= 1, (s.learner, mine, theirs)
        for offer, next_ask, ceiling in check._offers(s, hidden=True):
            assert abs(offer - reservation) >= CASE_MARGIN, s.learner
            if next_ask is not None:
                assert next_ask > reservation and abs(offer - next_ask) >= CASE_MARGIN
            if ceiling is not None:
                assert offer <= ceiling and abs(ceiling - reservation) >= CASE_MARGIN


def test_the_visible_cases_are_among_the_hidden_ones(drawn):
    for s in drawn[:100]:
        assert set(check._openings(s, False)) <= set(check._openings(s, True))
        assert set(check._anchors(s, False)) <= set(check._anchors(s, True))
        assert set(check._rivals(s, False)) <= set(check._rivals(s, True))
        hidden = check._histories(s, True)
        assert all(case in hidden for case in check._histories(s, False))
        assert set(check._offers(s, False)) <= set(check._offers(s, True))
        with learner_as(s.learner):  # hidden random starts are drawn for the learner checked
            hidden, visible = check._starts(s, True), check._starts(s, False)
        # review 79 X1: the same starts, but the last three, drawn at random (publicly in
        # the visible check, with the grading key in the hidden test)
        assert visible[:-3] == hidden[:-3] and len(visible) == len(hidden)


# --- right answers: the reference and two formulations written apart from it ------------


def opening_at_the_estimate(s, anchor, rival=None):
    """Open exactly at Orchard's likely limit (lowered by a rival's quote), citing the
    market fact that reaches it, and Birch as well when its true offer beats Orchard's
    guess of Kite's other work."""
    estimate = s.their_estimate if rival is None else min(s.their_estimate, rival)
    market = [k for k, st in s.statements.items() if st.about in ("survey", "linden", "retailer")]
    key = next(
        k for k in market if s.statements[k].figure >= estimate and _true(s, s.statements[k])
    )
    birch = next(k for k, st in s.statements.items() if st.about == "birch")
    honest = s.statements[birch].figure <= s.alternative_price
    return estimate, (key, birch) if honest and s.their_guess < s.alternative_price else key


def opening_halfway(s, anchor, rival=None):
    """Halfway between the estimate and the best true figure, as a list, exactly; every
    true statement that helps, Birch only when it beats what Orchard believes (it never
    names the most)."""
    true = [k for k, st in s.statements.items() if st.about != "demand" and _true(s, st)]
    key = max(true, key=lambda k: s.statements[k].figure)
    birch = [k for k in true if s.statements[k].about == "birch"]
    said = [key] + [k for k in birch if s.alternative_price > s.their_guess]
    if rival is not None:  # no more than the rival's quote, and at least the new estimate
        low = min(Fraction(s.their_estimate), Fraction(rival))
        return [(low + min(Fraction(s.statements[key].figure), Fraction(rival))) / 2, said]
    return [(Fraction(s.their_estimate) + Fraction(s.statements[key].figure)) / 2, said]


def opening_by_the_bullet(s, anchor, rival=None):
    """Question 1's "Moved by news" bullet read literally (review 68 C2): a quote below the
    estimate lowers it, and the target with it, so open 2 under that quote (never below
    that target: review 77 C3); a
    quote above the estimate lowers nothing, so open 2 under it, but not below the estimate;
    never above the best true market fact, which is cited alone."""
    true = [k for k, st in s.statements.items() if st.about != "demand" and _true(s, st)]
    market = [k for k in true if s.statements[k].about != "birch"]
    key = max(market, key=lambda k: s.statements[k].figure)
    price = s.statements[key].figure
    if rival is not None:
        if rival < s.their_estimate:
            reservation = reservation_of(s)
            price = max(rival - 2, reservation + check.TARGET_SHARE * (rival - reservation))
        else:
            price = min(price, max(rival - 2, s.their_estimate))
    return price, [key]


def plan_geometric(s, opening):
    """A hold in round 2 (Orchard has only opened), then steps that shrink by 30% each time,
    to section 2's target written another way: a quarter of the zone you expect below the
    estimate (session 75: it stopped 55% of the way up to the opening, which lies above
    three quarters of the zone for some learners, and question 2 now fails that)."""
    target = s.their_estimate - (s.their_estimate - reservation_of(s)) / 4
    n = s.rounds - 2
    first = (opening - target) * 0.3 / (1 - 0.7**n)
    plan = [opening, opening]
    for k in range(n):
        plan.append(plan[-1] - first * 0.7**k)
    return plan


def plan_counting_down(s, opening):
    """A hold in round 2, then steps of n, n - 1, ..., 1 parts, to a target inside module
    02's band, three fifths of the way up the zone you expect (session 75: 45% of the way
    down from the opening stopped above three quarters of the zone for some learners,
    which question 2 now fails)."""
    target = reservation_of(s) + 0.6 * (s.their_estimate - reservation_of(s))
    n = s.rounds - 2
    part = (opening - target) / (n * (n + 1) / 2)
    return tuple([opening] + [opening - part * sum(range(n, n - t, -1)) for t in range(n + 1)])


def tit_for_tat_branches(s, mine, theirs, target):
    step = theirs[-1] - max(theirs[:-1])  # new ground only: an undo is no concession
    if step <= 0:
        return mine[-1]
    for before, after in zip(reversed(mine[:-1]), reversed(mine[1:]), strict=True):
        if before > after:  # your last concession caps the step
            step = min(step, before - after)
            break
    else:  # no concession yet: three fifths of what is left to the target at most
        step = min(step, Fraction(3, 5) * (Fraction(mine[-1]) - Fraction(target)))
    offer = mine[-1] - step
    if offer < target:
        return target
    return offer


def tit_for_tat_sorted(s, mine, theirs, target):
    """The middle of three: the target, the mirrored offer (its step capped by your last
    concession), your last offer; then nine tenths of that step (section 3's rule 2
    leaves the share to you, from half up)."""
    own = [a - b for a, b in itertools.pairwise(mine) if a > b]
    mirrored = mine[-1] + max(theirs[:-1]) - theirs[-1]  # new ground, mirrored
    floor = mine[-1] - own[-1] if own else target + 0.4 * (mine[-1] - target)
    full = sorted([target, max(mirrored, floor), mine[-1]])[1]
    return mine[-1] - 0.9 * (mine[-1] - full)


def tit_for_tat_by_rounds(s, mine, theirs, target):
    """A share decided by the case, as rule 2 invites: three fifths of the most while
    fewer than three of your offers are on the table, four fifths after, when the rounds
    run out; a while loop finds your last concession."""
    step = theirs[-1] - max(theirs[:-1])  # new ground only: an undo is no concession
    if step <= 0:
        return mine[-1]
    at, own = len(mine) - 1, None
    while at > 0 and own is None:
        if mine[at - 1] > mine[at]:
            own = mine[at - 1] - mine[at]
        at -= 1
    most = min(step, own if own is not None else 0.6 * (mine[-1] - target))
    share = 0.6 if len(mine) < 3 else 0.8
    return max(mine[-1] - share * most, target)


def _move_list(s, current):
    issues, found = s.issues, []
    names = list(issues)
    for give in names:
        for get in [None, *names]:
            if get == give:
                continue
            g = issues[give].index(current[give])
            if g == len(issues[give]) - 1:
                continue
            after = dict(current)
            after[give] = issues[give][g + 1]
            if get is not None:
                k = issues[get].index(current[get])
                if k == 0:
                    continue
                after[get] = issues[get][k - 1]
            you = sum(s.yours[i][after[i]] - s.yours[i][current[i]] for i in names)
            them = sum(s.theirs[i][after[i]] - s.theirs[i][current[i]] for i in names)
            found.append((you, them, after))
    return found


def next_trade_last_of_equals(s, current):
    """Every move sorted by the rule, keeping the *last* of equally good ones (so a tie is
    accepted whichever is chosen)."""
    ranked = []
    short = s.their_minimum - sum(s.theirs[i][current[i]] for i in s.issues)
    for you, them, after in _move_list(s, current):
        if you >= 0 and them >= 0 and you + them > 0:
            ranked.append(((2, you + them, you), after))
        elif you < 0 < them and them >= short > 0:
            ranked.append(((1, you, them), after))
        elif you < 0 < them and short > 0:
            ranked.append(((0, Fraction(int(them), int(-you)), you), after))
    if not ranked:
        return None
    top = max(key[0] for key, _ in ranked)
    ranked = [r for r in ranked if r[0][0] == top]
    ranked.sort(key=lambda found: found[0])
    return ranked[-1][1]


def next_trade_two_passes(s, current):
    """First look only at free trades; only if there are none, and Orchard still needs
    points, at concessions."""
    found = _move_list(s, current)
    free = [
        (you + them, you, after) for you, them, after in found if min(you, them) >= 0 < you + them
    ]
    if free:
        return max(free, key=lambda f: f[:2])[2]
    gap = s.their_minimum - sum(s.theirs[i][current[i]] for i in s.issues)
    if gap <= 0:
        return None
    enough = [(you, them, after) for you, them, after in found if you < 0 and them >= gap]
    if enough:  # the cheapest move that closes the deal
        return max(enough, key=lambda f: f[:2])[2]
    costly = [(them / -you, you, after) for you, them, after in found if you < 0 < them]
    return max(costly, key=lambda f: f[:2])[2] if costly else None


def next_trade_other_tie_breaks(s, current):
    """The rule's measures, with its conventional ties broken the other way: of the free
    moves that create the most, the one that leaves you least; of the best rates, the
    costliest. (Of the cheapest closing moves it keeps the one that gives Orchard more.)"""
    found = _move_list(s, current)
    free = [
        (you + them, -you, after) for you, them, after in found if min(you, them) >= 0 < you + them
    ]
    if free:
        return max(free, key=lambda f: f[:2])[2]
    gap = s.their_minimum - sum(s.theirs[i][current[i]] for i in s.issues)
    if gap <= 0:
        return None
    enough = [(you, them, after) for you, them, after in found if you < 0 and them >= gap]
    if enough:
        return max(enough, key=lambda f: f[:2])[2]
    costly = [
        (Fraction(int(them), int(-you)), -you, after)
        for you, them, after in found
        if you < 0 < them
    ]
    return max(costly, key=lambda f: f[:2])[2] if costly else None


def _meso_sets(s):
    every = every_package(s)
    valued = [(p, points(s, p, s.yours), points(s, p, s.theirs)) for p in every]
    frontier = frontier_points(s, every)
    floor = points(s, middle(s), s.yours)
    land = max(you for you, them in frontier if them >= s.their_minimum)
    rows = sorted(
        (
            row
            for row in valued
            if (row[1], row[2]) in frontier
            and row[1] > max(floor, land - 0.5)
            and row[2] >= s.their_minimum / 4
        ),
        key=lambda row: row[1],
    )

    def ground(p):
        return frozenset(i for i, lv in s.issues.items() if p[i] != lv[0])

    return [
        (first, *pair)
        for at, first in enumerate(rows)
        for pair in itertools.combinations(
            [row for row in rows[at + 1 :] if row[1] - first[1] <= 5], 2
        )
        if len({ground(r[0]) for r in (first, *pair)}) == 3
    ]


def meso_lowest(s):
    """The valid set whose offers are worth least to Kite (still ambitious)."""
    return [r[0] for r in min(_meso_sets(s), key=lambda trio: sum(r[1] for r in trio))]


def meso_best_for_orchard(s):
    """The valid set with the most points for Orchard in all, as a tuple."""
    return tuple(r[0] for r in max(_meso_sets(s), key=lambda trio: sum(r[2] for r in trio)))


def read_pick_by_rank(s, offers, picked):
    """Rank the offers by Orchard's points (research); a pick at the top is no news,
    otherwise list each issue where the pick's level index exceeds the top offer's."""
    ranked = sorted(range(3), key=lambda k: -sum(s.theirs[i][lv] for i, lv in offers[k].items()))
    if ranked[0] == picked:
        return frozenset()
    top = offers[ranked[0]]
    order = {i: {lv: n for n, lv in enumerate(levels)} for i, levels in s.issues.items()}
    return frozenset(i for i in s.issues if order[i][offers[picked][i]] > order[i][top[i]])


def read_pick_as_list(s, offers, picked):
    """As a sorted list: the issues where Orchard's end of the levels is nearer in the pick
    than in the offer its research points favour."""
    worth = [Fraction(sum(s.theirs[i][p[i]] for i in s.issues)) for p in offers]
    favourite = worth.index(max(worth))
    if favourite == picked:
        return []
    far = {i: len(levels) - 1 for i, levels in s.issues.items()}

    def distance(p, i):  # levels still to go towards Orchard's end
        return far[i] - s.issues[i].index(p[i])

    return sorted(
        i for i in s.issues if distance(offers[picked], i) < distance(offers[favourite], i)
    )


def respond_by_reach(s, offer, next_ask, ceiling=None, in_writing=False):
    """Walk away when the best deal still reachable is below the limit. Orchard's budget
    claim is a test (review 73 X1) unless shown in writing: then it bounds what is
    reachable, and an offer at it is the best left (review 75 X1)."""
    limit = s.alternative_price + s.extra_cost
    if next_ask is not None and offer >= next_ask:
        return "accept"
    if next_ask is not None and in_writing and ceiling is not None:
        if ceiling < limit:
            return "walk away"
        if offer >= ceiling:
            return "accept"
    best_reachable = offer if next_ask is None else None
    if best_reachable is not None and best_reachable < limit:
        return "walk away"
    return "accept" if next_ask is None else "counter"


def respond_table(s, offer, next_ask, ceiling=None, in_writing=False):
    """A lookup on (last round, good enough); a claimed ceiling, a test, is unused unless
    shown in writing (then a lookup on (below the limit, offered))."""
    limit = reservation_of(s)
    last = next_ask is None
    good = offer >= (limit if last else next_ask)
    if in_writing and ceiling is not None and not last and not good:
        return {
            (True, True): "walk away",
            (True, False): "walk away",
            (False, True): "accept",
            (False, False): "counter",
        }[(ceiling < limit, offer >= ceiling)]
    return {
        (True, True): "accept",
        (True, False): "walk away",
        (False, True): "accept",
        (False, False): "counter",
    }[(last, good)]


def landing_by_dominance(s, margin=0):
    """The landing found without pareto_frontier: a package Orchard signs that no other
    package beats for one side without costing the other, best for you; ties by Orchard."""
    rows = all_packages(s.yours, s.theirs)
    efficient = [
        r
        for r in rows
        if not any(o[1] >= r[1] and o[2] >= r[2] and (o[1], o[2]) != (r[1], r[2]) for o in rows)
    ]
    floor = s.their_minimum + margin
    return max((r for r in efficient if r[2] >= floor), key=lambda r: (r[1], r[2]))[0]


def landing_by_levels(s, margin=0):
    """The landing searched over every combination of levels, scored by hand."""
    names = list(s.issues)
    best = None
    for levels in itertools.product(*(s.issues[i] for i in names)):
        package = dict(zip(names, levels, strict=True))
        you = sum(s.yours[i][package[i]] for i in names)
        them = sum(s.theirs[i][package[i]] for i in names)
        if them - margin >= s.their_minimum and (best is None or (you, them) > best[:2]):
            best = (you, them, package)
    return best[2]


ALTERNATIVES = {
    "landing": (landing_by_dominance, landing_by_levels),
    "opening": (opening_at_the_estimate, opening_halfway, opening_by_the_bullet),
    "concession_plan": (plan_geometric, plan_counting_down),
    "tit_for_tat": (tit_for_tat_branches, tit_for_tat_sorted, tit_for_tat_by_rounds),
    "next_trade": (next_trade_last_of_equals, next_trade_two_passes, next_trade_other_tie_breaks),
    "meso": (meso_lowest, meso_best_for_orchard),
    "read_pick": (read_pick_by_rank, read_pick_as_list),
    "respond": (respond_by_reach, respond_table),
}


@pytest.fixture(scope="module")
def formulations():
    with learner_as("sweep-0"), redirect_stdout(io.StringIO()):
        reference = solution_namespace(MODULE, "concessions")
    return {q: (reference[q], *ALTERNATIVES[q]) for q in ALTERNATIVES}


def test_every_question_but_meeting_again_has_two_alternatives():
    """Question 7 (relationship_reservation, on meeting the same buyer again) plays the
    engine's bots for every learner: it is swept in tests/test_checks_meet_again.py."""
    assert set(questions(MODULE)) - set(ALTERNATIVES) == {"relationship_reservation"}


@pytest.mark.parametrize("question", list(ALTERNATIVES))
def test_every_formulation_passes_every_swept_learners_checks(
    formulations, drawn, monkeypatch, question
):
    """The checks' own logic, on every learner: the learner's function is called directly
    (the recording around it is tried below), and the hidden learners are left to the
    test after this one. One test per question, so that workers share the sweep."""
    by_learner = {s.learner: s for s in drawn}
    # drawn once, above; a public learner the hidden trade check adds (a closing tie) is drawn
    # once here
    others = functools.cache(lambda learner: course.variant(MODULE, learner))
    monkeypatch.setattr(
        check, "_variant", lambda learner: by_learner.get(learner) or others(learner)
    )
    check._table.cache_clear()
    check._start_packages.cache_clear()
    monkeypatch.setattr(check, "call_learner", lambda function, *args: function(*args))
    monkeypatch.setattr(check, "passed", lambda message: None)
    monkeypatch.setattr(check, "HIDDEN_LEARNERS", ())
    for s in drawn:
        with learner_as(s.learner):
            for answer in formulations[question]:
                getattr(check, question).__wrapped__(answer, hidden=True)


@pytest.mark.parametrize(
    ("learner", "key"),
    [("sweep-0", None), ("sweep-1", None), ("sweep-2", None), ("sweep-0", "key-1")],
)
def test_every_formulation_passes_the_real_checks(formulations, learner, key):
    """As the notebook runs them: recorded calls, visible then hidden (with the hidden
    learners: the self-check ones, or those a grading key draws)."""
    with (
        learner_as(learner),
        hidden_cases_as(key),
        redirect_stdout(io.StringIO()) as printed,
    ):
        for question, answers in formulations.items():
            for answer in answers:
                getattr(check, question)(answer)
                getattr(check, question)(answer, hidden=True)
    assert printed.getvalue().count("\N{CHECK MARK}") == 2 * sum(map(len, formulations.values()))


def test_the_rules_path_from_the_draft_takes_three_moves_for_nine_in_ten(drawn):
    """The planner's text: the rule's own path from the draft to the frontier with
    Orchard's minimum met "usually takes three moves" (about nine learners in ten, four
    for most others, rarely five or six; review 81 U6 cut those counts). Review 73 E2 found no five in 160 learners and asked
    for "three or four"; recomputed, five and six do occur (learner-0..159: 142 three, 16
    four, 2 five; learner-0..1999: 1,787, 200, 12 and one six), so the text names them as
    rare. Every path of moves marked right fits the planner's rows."""
    rule, right = Counter(), Counter()
    for s in drawn[:600]:
        table = TradeTable(s.yours, s.theirs)
        rule[len(table.rule_path(dict(s.draft), s.their_minimum)) - 1] += 1
        right[table.steps_to_frontier(dict(s.draft), PLANNER_ROWS, s.their_minimum)] += 1
    total = sum(rule.values())
    assert set(rule) <= {3, 4, 5, 6}
    assert 0.85 * total <= rule[3] <= 0.95 * total
    assert rule[4] > rule[5] + rule[6]
    assert rule[5] + rule[6] <= 0.02 * total
    assert set(right) <= set(range(2, PLANNER_ROWS + 1))
    flat = _source_flat()
    assert "it takes two to five moves" not in flat
    assert "three to five moves, usually three" not in flat
    # review 81 U6: the counts above are detail no question uses; the text keeps the gist
    assert "the rule's own path usually takes three moves." in flat


def test_the_one_move_rule_stops_short_of_the_best_landing_from_the_middle(drawn):
    """Section 4 says the one-move rule does not always reach the frontier package best for Kite
    that Orchard will sign: from the draft it usually does, from the middle package it stops
    short in about half of the learners' cases (half since the scenarios were redrawn, not most:
    the text says so)."""
    short = Counter()
    for s in drawn:
        table = TradeTable(s.yours, s.theirs)
        best = max(you for you, them in table.frontier if them >= s.their_minimum)
        for name, start in (("middle", middle(s)), ("draft", dict(s.draft))):
            end = table.rule_path(start, s.their_minimum)[-1]
            assert table.points(end)[0] <= best, s.learner
            short[name] += table.points(end)[0] < best
    assert 0.4 * len(drawn) < short["middle"] < 0.6 * len(drawn)
    assert short["draft"] < 0.25 * len(drawn)


def test_every_landing_the_planner_promises_is_reachable_or_the_verdict_says_why_not(drawn):
    """The planner's text promised a path to the chosen landing, but every move in the table
    gives Orchard at least as many levels as it takes back, so a landing with fewer levels on
    Orchard's side than the draft is out of reach (8 of 300 learners). Wherever the rule's path
    stops short, the landing is either reached by some plan of at most PLANNER_ROWS moves (found
    here by an independent search, and counted by landing_moves), or it takes levels back on
    balance, the case the text and the verdict name; no learner is left with neither."""
    from course.scenarios.concessions import (
        landing_moves,
        landing_point,
        landing_takes_levels_back,
    )

    kinds = Counter()
    for s in drawn:
        table = TradeTable(s.yours, s.theirs)
        landing = landing_point(table, s.their_minimum)
        if table.points(table.rule_path(dict(s.draft), s.their_minimum)[-1]) == landing:
            continue
        # an independent breadth-first search over every one-level move
        layer, seen, found = [dict(s.draft)], set(), None
        for moves in range(PLANNER_ROWS + 1):
            if any(table.landed(p, s.their_minimum) and table.points(p) == landing for p in layer):
                found = moves
                break
            following = []
            for package in layer:
                for option in table.options(package, gives=True):
                    key = tuple(option["package"].values())
                    if key not in seen:
                        seen.add(key)
                        following.append(option["package"])
            layer = following
        assert landing_moves(table, dict(s.draft), s.their_minimum) == found, s.learner
        back = landing_takes_levels_back(table, dict(s.draft), s.their_minimum)
        assert (found is None) == back, s.learner
        kinds["reachable" if found is not None else "levels back"] += 1
    assert kinds["reachable"] > 0 and kinds["levels back"] > 0


def test_no_rule_on_figures_alone_finds_the_true_fact(drawn):
    """Every untrue statement named more than every true one, so "the lowest figure at or
    above the estimate" was always the true high fact (2000 of 2000 draws), and question 1
    passed without reading the story. Now an untrue figure lies below the high fact in most
    draws, and is that lowest figure in at least half."""

    def lowest_is_true(s):
        st = min(
            (st for st in s.statements.values() if st.figure >= s.their_estimate),
            key=lambda st: st.figure,
        )
        return _true(s, st)

    shares = Counter(lowest_is_true(s) for s in drawn)
    assert shares[False] >= 0.5 * len(drawn), shares
    below = sum(
        any(
            not _true(s, st) and s.their_estimate < st.figure < max_fact(s)
            for st in s.statements.values()
        )
        for s in drawn
    )
    assert below >= 0.6 * len(drawn), below


def max_fact(s):
    return max(st.figure for st in s.statements.values() if _true(s, st))
