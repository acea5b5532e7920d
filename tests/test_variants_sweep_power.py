"""Module 03's variants swept by the thousand (issue 15): every drawn learner gets a fair
question, and every right answer passes.

The invariants are written here again, from the models and from first principles, not
read from ``course.scenarios.power._INVARIANTS``: a sweep that only re-ran the generator's
own tests could not catch a mistake in them. Each question is then answered for every
swept learner by the course's reference solution and by two formulations written
independently of it, and each must pass the visible check, as the learner runs it; the
hidden check adds the same hidden learners for everyone (the self-check ones, without a
grading key), so it runs once per formulation on those.
"""

import io
import math
import re
from contextlib import redirect_stdout
from fractions import Fraction
from itertools import chain, combinations, permutations

import pytest

import course
import course.scenarios.power as _P
from course.checks import power as check
from course.checks.credit import Credit
from course.checks.hints import NotYet
from course.models.power import bargaining_split, blocking_coalition, shapley_values, swing_counts
from course.scenarios.power import (
    _POWER_FACTS,
    _TACTICS,
    BASES,
    DELTA_LOAN,
    DELTA_THEM,
    DELTA_YOU,
    HARROW_MOVES,
    LABELS,
    LEVER_MARGIN,
    LEVER_SHARE,
    granite_reply,
    granite_share,
    kestrel_shapley,
    table_share,
)
from course.variants import hidden_cases_as, learner_as, variant
from tests.notebooks import solution_namespace, source_notebook
from tests.sweeps import drawn_once
from tests.test_models_power import PROSE, _section

MODULE = "03_power"
LEARNERS = tuple(f"sweep-{n}" for n in range(2000))
PLAYERS = ("Kestrel", "Atlas", "Borealis")


@pytest.fixture(scope="module")
def drawn(workers_folder):
    return drawn_once(MODULE, LEARNERS, workers_folder)


# --- first principles, written independently of the scenario module ---------------------------


def others_totals(s):
    """Every total the other owners' votes can make together (0 for nobody)."""
    others = s.weights[:-1]
    return {sum(group) for group in chain.from_iterable(combinations(others, k) for k in range(5))}


def fewest_votes(s):
    """Kestrel swings with v votes iff some group of the others is short of the quota by
    at most v: the fewest such v."""
    return min(s.quota - total for total in others_totals(s) if total < s.quota)


def responder_share(delta_proposer, delta_responder):
    return delta_responder * (1 - delta_proposer) / (1 - delta_proposer * delta_responder)


def kestrel_at_table(s, delta_you=None):
    return s.contract_value * responder_share(s.delta_them, delta_you or s.delta_you)


def kestrel_equilibrium(s, delta_you=None, harrow=None):
    return max(kestrel_at_table(s, delta_you), s.outside_offer if harrow is None else harrow)


def licence_by(s, rival, yardstick, corvid=False):
    """What the licence brings Kestrel with ``rival`` as the best rival's value, measured by
    section 5's deal-me-out price, the core's floor, the split-the-difference price, or (a
    fresh review, C3) the better of the predicted price and Atlas's standing proposal,
    Kestrel's Shapley value in that market (with Corvid in it when ``corvid``, as in
    question 2), by brute force over every order of arrival."""
    if yardstick == "proposal":
        buyers = {"Atlas": s.atlas_value, "Borealis": s.borealis_value}
        if corvid:
            buyers["Corvid"] = s.corvid_value
        return max(max(s.atlas_value / 2, rival), shapley_by_orders(buyers))
    return {
        "predicted": max(s.atlas_value / 2, rival),
        "floor": rival,
        "nash": (s.atlas_value + rival) / 2,
    }[yardstick]


def shapley_by_orders(buyers):
    """Kestrel's Shapley value in a licence market with ``buyers`` (name to value): its
    arrival, in every order, adds the best value among the buyers already there."""
    names = ["Kestrel", *buyers]
    total, count = Fraction(0), 0
    for order in permutations(names):
        before = order[: order.index("Kestrel")]
        total += Fraction(max((buyers[b] for b in before), default=0))
        count += 1
    return float(total / count)


def gains(s, yardstick="predicted"):
    today = kestrel_equilibrium(s)
    rival = max(s.borealis_value, min(s.corvid_value, s.atlas_value))
    return {
        "bidder": licence_by(s, rival, yardstick, corvid=True)
        - licence_by(s, s.borealis_value, yardstick),
        "loan": kestrel_equilibrium(s, delta_you=s.delta_with_loan) - today,
        "harrow": kestrel_equilibrium(s, harrow=s.harrow_raised) - today,
    }


def figures(text):
    return [float(x.replace(",", "")) for x in re.findall(r"\d[\d,]*\d|\d", text)]


def expected_label(s, tactic):
    """Question 8's label from what each statement says, read from its text and the story."""
    text = tactic.text
    if "cost sheet" in text or "planning committee" in text:
        return "illegitimate"
    if "Corvid has already made us a firm offer" in text:
        return "misrepresentation"  # the story says Corvid has made no offer yet
    if "Harrow has offered us" in text:
        true = figures(text)[0] == s.outside_offer
        return "legitimate" if true else "misrepresentation"
    if "we will sell the licence to Borealis" in text:
        return "legitimate" if figures(text)[0] <= s.borealis_value else "bluff"
    if "We cannot take a margin below" in text:
        return "legitimate" if figures(text)[0] <= s.outside_offer else "bluff"
    return "legitimate"


#: How each of the story's rig texts says who can end the talks, as this test's author reads
#: them: Kestrel, at the moment it turns down Dunmore's proposal (an outside option), or an
#: event neither side controls (a breakdown payoff).
ENDED_BY_KESTREL = (
    "at the moment it turns down a proposal from Dunmore",
    "Kestrel refuses one of Dunmore's proposals",
    "only in answer to a proposal from Dunmore that it rejects",
)
ENDED_BY_EVENTS = (
    "bank could withdraw its loan",
    "approval to buy the rig lapses",
    "parent company may take back the",
)


def rig_prediction(s, version):
    """Question 3 from the version's text: an option Kestrel takes by ending the talks when
    it turns down Dunmore's proposal, or what is left when an outside event ends them."""
    x, m = figures(version.text)[-1], s.rig_value
    assert x == version.amount
    by_kestrel = [p for p in ENDED_BY_KESTREL if p in version.text]
    by_events = [p for p in ENDED_BY_EVENTS if p in version.text]
    assert len(by_kestrel) + len(by_events) == 1, version.text
    if by_events:  # a risk of breakdown
        return (m + x) / 2
    return max(m / 2, x)


def harrow_strong(s):
    """Question 9b: Harrow beats what Granite, unsure of Kestrel's patience, expects."""
    return s.outside_offer > s.granite_guess


#: Question 1 as this test's author reads each fact: a phrase of its text -> (base of power,
#: who depends on whom).
READING = {
    "holds the only licence": ("resource", "them on Kestrel"),
    "only maker that can deliver": ("resource", "them on Kestrel"),
    "owns the only furnace": ("resource", "Kestrel on them"),
    "last stock of a rare alloy": ("resource", "Kestrel on them"),
    "only its head of purchasing may sign": ("authority", "Kestrel on them"),
    "only if the chair puts it on the agenda": ("authority", "Kestrel on them"),
    "the lead bidder alone chooses": ("authority", "them on Kestrel"),
    "invented the coating process": ("expert", "them on Kestrel"),
    "Granite's engineers cannot tell why": ("expert", "them on Kestrel"),
    "the one person Kestrel turns to": ("expert", "Kestrel on them"),
    "Kestrel's founder is admired": ("referent", "them on Kestrel"),
    "the whole industry looks up to": ("referent", "Kestrel on them"),
}


def read_fact(fact):
    found = [answer for phrase, answer in READING.items() if phrase in fact.text]
    assert len(found) == 1, fact.text
    return found[0]


# --- the invariants, question by question -----------------------------------------------------


def test_the_power_facts_mix_bases_and_both_directions(drawn):
    """Q1: four facts lettered A to D, each of a known template, no template twice; at least
    three bases and both directions in every draw, so no one answer fits all four; every
    base and template occurs across the sweep."""
    bases, kinds = set(), set()
    for s in drawn:
        assert [f.letter for f in s.power_facts] == list("ABCD")
        assert len({_P.fact_kind(f) for f in s.power_facts}) == 4, s.learner
        answers = [read_fact(f) for f in s.power_facts]
        assert len({base for base, _ in answers}) >= 3, s.learner
        assert len({depends for _, depends in answers}) == 2, s.learner
        bases |= {base for base, _ in answers}
        kinds |= {_P.fact_kind(f) for f in s.power_facts}
    assert bases == set(BASES) and kinds == set(_POWER_FACTS)


def test_the_licence_has_a_clear_floor_and_a_clear_verdict(drawn):
    """Q2: Atlas's "fair" proposal is Kestrel's Shapley value, at least 3% of Atlas's value
    away from the floor; the floor is not half of Atlas's value (a wrong reading); the
    numbers are plausible (Borealis values the licence at 30 to 90% of Atlas's); and some
    learners have Borealis between half of Atlas's value and the Shapley value, so that
    'v2 < v1/2' cannot stand in for the Shapley value (professor's review 2, finding 5)."""
    for s in drawn:
        v1, v2 = s.atlas_value, s.borealis_value
        assert 0.3 * v1 - 1_000 <= v2 <= 0.9 * v1 + 1_000, s.learner
        assert abs(_P.atlas_proposal(s) - (3 * v1 + v2) / 6) <= 50, s.learner
        assert abs(_P.atlas_proposal(s) - v2) >= 0.03 * v1, s.learner
        assert abs(v2 - v1 / 2) >= 0.03 * v1, s.learner
    verdicts = {_P.atlas_proposal(s) >= s.borealis_value for s in drawn}
    assert verdicts == {True, False}  # a real decision: the fair price clears the floor or not
    between = sum(s.atlas_value / 2 < s.borealis_value < _P.atlas_proposal(s) for s in drawn)
    assert between >= len(drawn) // 20
    # review 3, weak 1: the verdict with Corvid, in a market of four, is clear of its floor,
    # goes both ways, and differs from today's in a good share of draws
    with_corvid = []
    for s in drawn:
        a, b, c = sorted([s.atlas_value, s.borealis_value, s.corvid_value], reverse=True)
        shapley, floor = (6 * a + 2 * b + c) / 12, max(s.borealis_value, s.corvid_value)
        assert abs(shapley - floor) >= 0.03 * s.atlas_value, s.learner
        with_corvid.append((shapley >= floor, _P.atlas_proposal(s) >= s.borealis_value))
    assert {clears for clears, _ in with_corvid} == {True, False}
    assert sum(clears != today for clears, today in with_corvid) >= len(drawn) // 10


def test_a_bluffed_threat_or_an_invented_bid_asks_more_than_atlas_proposes(drawn):
    """Q7: a threat Kestrel would not carry out, and a Borealis bid it makes up, name more
    than Atlas's proposal and Borealis's offer, else they ask for nothing new (professor's
    review 2, finding 14: 86 of 400 threats and 63 of 148 bids were below the proposal)."""
    for s in drawn:
        for t in s.tactics:
            bluff = _P.tactic_kind(t) == "borealis_threat" and t.amount != s.borealis_value
            if bluff or _P.tactic_kind(t) == "corvid_bid":
                assert t.amount > max(_P.atlas_proposal(s), s.borealis_value), s.learner
                assert t.amount < s.atlas_value, s.learner  # review 3, E9
            # review 3, E9: a threat at Borealis's value only where it asks more than the
            # proposal already on the table (68 of 300 asked for less)
            if _P.tactic_kind(t) == "borealis_threat" and not bluff:
                assert s.borealis_value > _P.atlas_proposal(s), s.learner


def test_kestrel_always_has_votes_without_power_and_a_vote_count_to_find(drawn):
    """Q3: Kestrel's one vote never swings (else there is nothing to find), at least 2 votes
    are needed, and the quota is a majority of all votes."""
    needed = []
    for s in drawn:
        assert s.names[-1] == "Kestrel" and s.weights[-1] == 1, s.learner
        assert sum(s.weights) / 2 < s.quota <= sum(s.weights), s.learner
        assert fewest_votes(s) >= 2, s.learner
        needed.append(fewest_votes(s))
    assert {2, 3, 4} <= set(needed)


def test_the_quota_stays_a_majority_when_kestrel_holds_the_votes_it_needs(drawn):
    """Q3 keeps the quota a fixed count: with Kestrel at the keyed number of votes it must
    still be more than half of all votes, or two disjoint groups could both pass."""
    for s in drawn:
        assert 2 * s.quota > sum(s.weights[:-1]) + fewest_votes(s), s.learner


def test_question_3s_offers_give_a_clear_choice_that_no_constant_or_shortcut_finds(drawn):
    """Q3 (a fresh review: counting the fewest votes that give power was a lookup): two
    offers, from different owners, of different numbers of votes; the better gives at least
    a quarter more power by both indices, counted from first principles (no tie, no offer on
    the boundary), and more swings to Kestrel's vote (review 66, X1), or neither gives any. No constant answer fits more than a third of learners
    (four owners can sell; "neither" is right for a few), and buying the larger
    offer, or the smaller, or leaving the seller's votes as they were, is wrong for a good
    share of learners."""
    right, kinds, kept = {}, {"fewer": 0, "more": 0, "neither": 0}, 0
    for s in drawn:
        (a, m), (b, n) = s.vote_offers
        assert a != b and m != n and a != "Kestrel" != b, s.learner
        assert dict(s.members)[a] > m and dict(s.members)[b] > n, s.learner
        swings = [kestrel_swings(s, weights_after_sale(s, o, k)) for o, k in s.vote_offers]
        index = [banzhaf_share(s, weights_after_sale(s, o, k)) for o, k in s.vote_offers]
        assert index[0] != index[1] or swings == [0, 0], s.learner
        best = seller_by_swings(s)
        assert best == _P.vote_seller(s), s.learner
        # review 66, X1: the hint says to count Kestrel's swings after each sale; the raw
        # counts tied for 14 of 2,400 learners (sweep-324: 2 either way), so they decide too
        assert swings[0] != swings[1] or swings == [0, 0], s.learner
        assert _best_offer(s, kestrel_swings) == best, s.learner
        right[best] = right.get(best, 0) + 1
        kinds[check._vote_kind(s)] += 1
        kept += check._seller_kept_choice(s) != best
    for s in drawn[:200]:  # the orders are slow: on a sample, both indices, a clear margin
        power = [_P.power_after_purchase(s, o, k) for o, k in s.vote_offers]
        if power[0][0] == power[1][0] == 0:
            assert power[0][1] == power[1][1] == 0, s.learner
            continue
        win, lose = sorted(power, reverse=True)
        assert win[0] >= 1.25 * lose[0] and win[1] >= 1.25 * lose[1], s.learner
        assert seller_by_orders(s) == seller_by_swings(s), s.learner
    assert max(right.values()) <= 0.33 * len(drawn), right
    assert min(kinds["fewer"], kinds["more"]) >= 0.35 * len(drawn), kinds
    assert kinds["neither"] >= 0.02 * len(drawn), kinds
    assert kept >= 0.3 * len(drawn), kept


def test_kestrels_vote_count_agrees_with_the_banzhaf_index(drawn):
    """The first-principles count above is what the models say (on a sample: the DP is slower)."""
    for s in drawn[:100]:
        n = fewest_votes(s)
        assert swing_counts(s.quota, [*s.weights[:-1], n])[-1] > 0
        assert swing_counts(s.quota, [*s.weights[:-1], n - 1])[-1] == 0


def test_the_rig_versions_are_clear_cases_of_both_kinds(drawn):
    """Q3: four versions, two of each kind in every draw (a fresh review: one of each left a
    binary guess; review 72, X1: with a 3-1 mix one misreading left a single rule), so one
    rule applied to all never earns the mark; each alternative 25 to 75% of Dunmore's value and at
    least 10% of it away from the half that decides whether an outside option binds; both
    sides of the half occur for each kind, and the two kinds always predict prices at least
    10% apart."""
    seen, orders = set(), set()
    for s in drawn:
        m = s.rig_value
        assert 20_000 <= m <= 60_000, s.learner
        assert [v.letter for v in s.rig_versions] == ["A", "B", "C", "D"]
        assert sorted(_P.walks_out(v) for v in s.rig_versions) == [False, False, True, True]
        assert len({v.text for v in s.rig_versions}) == 4, s.learner
        orders.add(tuple(_P.walks_out(v) for v in s.rig_versions))
        for version in s.rig_versions:
            x = version.amount
            assert 0.2 * m <= x <= 0.8 * m and abs(x - m / 2) >= 0.1 * m, s.learner
            assert abs(max(m / 2, x) - (m + x) / 2) >= 0.1 * m
            # the text tells the kind the field says
            assert (rig_prediction(s, version) == max(m / 2, x)) == _P.walks_out(version)
            seen.add((_P.walks_out(version), x > m / 2))
    assert seen == {(True, True), (True, False), (False, True), (False, False)}
    assert len(orders) == 6  # every way to put two of each kind over four versions


def test_the_granite_numbers_are_plausible_and_clear_of_every_threshold(drawn):
    """Q4: discount factors plausible per month (Kestrel loses 6 to 15% of the deal a month,
    Granite less); Harrow at least 3% from Kestrel's share at the table; Granite's proposal
    at least 3% from Kestrel's equilibrium share; no offer as large as the whole margin.
    Some learners' own numbers catch Kestrel put in the proposer's seat."""
    replies, caught = set(), 0
    for s in drawn:
        assert DELTA_YOU[0] <= s.delta_you <= DELTA_YOU[1] == 0.94, s.learner
        assert DELTA_THEM[0] <= s.delta_them <= DELTA_THEM[1] == 0.98, s.learner
        assert s.delta_them > s.delta_you, s.learner
        table, equilibrium = kestrel_at_table(s), kestrel_equilibrium(s)
        assert abs(s.outside_offer - table) >= 0.03 * table, s.learner
        assert abs(s.granite_offer - equilibrium) >= 0.03 * equilibrium, s.learner
        assert max(s.outside_offer, s.granite_offer, s.harrow_raised) < s.contract_value
        replies.add(reply_in_money(s))
        caught += reply_in_the_proposers_seat(s) != reply_in_money(s)
    assert replies == {"accept", "reject", "name Harrow"}
    assert caught >= 0.15 * len(drawn)


def test_one_lever_is_clearly_best_by_the_predicted_price_and_by_atlas_proposal(drawn):
    """Q5: the best move adds at least 2,000 and 10% more than the next; it is the same
    move if the licence is measured by the better of the predicted price and Atlas's
    proposal (a fresh review, C3); the loan
    stays a plausible monthly discount factor; Corvid bids below Atlas and at least half
    of Borealis's value; Harrow's raise is a raise."""
    assert (LEVER_MARGIN, LEVER_SHARE) == (2_000, 0.10)
    best = set()
    for s in drawn:
        ranked = sorted(gains(s).items(), key=lambda item: -item[1])
        (top, first), (_, second) = ranked[:2]
        assert first - second >= max(2_000, first / 10), s.learner
        other = gains(s, "proposal")
        assert max(other, key=other.get) == top, s.learner
        assert s.delta_you < s.delta_with_loan <= DELTA_LOAN == 0.97, s.learner
        assert 0.5 * s.borealis_value <= s.corvid_value < s.atlas_value, s.learner
        assert s.harrow_raised > s.outside_offer
        best.add(top)
    assert best == {"bidder", "loan", "harrow"}


def test_the_four_statements_tell_one_story_and_mix_the_kinds_of_move(drawn):
    """Q6: four statements, lettered A to D, each of a known template and about a party of
    the story; at least three kinds of move, and no kind in every draw; no fact stated two
    ways; exactly one illegitimate source, so every learner meets one and none gets two
    (professor's review, finding 4: 18% had none, 10% two); a threat either at Borealis's
    value (Kestrel would carry it out) or at least 5% above it; a claimed limit clearly
    above both Kestrel's equilibrium share and Granite's proposal; an inflated figure for
    Harrow clearly false. Part b: every answer but the ultimatum occurs, a strong Harrow
    both in writing and not (review, finding 9)."""
    mixes, moves = set(), set()
    for s in drawn:
        assert [t.letter for t in s.tactics] == list("ABCD")
        assert all(
            _P.tactic_kind(t) in _TACTICS and t.party in ("Atlas", "Granite") for t in s.tactics
        )
        labels = [expected_label(s, t) for t in s.tactics]
        assert len(set(labels)) >= 3, s.learner
        assert labels.count("illegitimate") == 1, s.learner
        mixes.add(tuple(sorted(labels)))
        kinds = {_P.tactic_kind(t) for t in s.tactics}
        assert len(kinds & {"calm_borealis", "limit_claim", "corvid_bid"}) == 1
        for t in s.tactics:
            if _P.tactic_kind(t) == "borealis_threat":
                assert t.amount == s.borealis_value or t.amount >= 1.05 * s.borealis_value
            if _P.tactic_kind(t) == "limit_claim":  # a bluff, and not a figure already on the table
                assert t.amount >= 1.1 * max(kestrel_equilibrium(s), s.granite_offer)
            if _P.tactic_kind(t) == "harrow_offer" and t.amount != s.outside_offer:
                assert t.amount > 1.2 * s.outside_offer
        moves.add(move_in_money(s))
    assert len(mixes) >= 6 and moves == set(HARROW_MOVES) - {"ultimatum"}
    assert not any(all(label in mix for mix in mixes) for label in set(LABELS) - {"illegitimate"})


def test_the_story_shows_every_number_and_field_a_question_needs(drawn):
    for s in drawn[:50]:
        story = s.story()
        for amount in (
            s.atlas_value,
            s.borealis_value,
            s.contract_value,
            s.rig_value,
            s.outside_offer,
        ):
            assert f"{amount:,.0f}" in story
        # Atlas's proposal is Kestrel's Shapley value, for the learner to work out (finding 7)
        # (in the licence's part: another part may show the same figure by chance)
        licence_part = story.split("**2. ")[0]
        assert f"{_P.atlas_proposal(s):,.0f}" not in licence_part, s.learner
        assert "_P.atlas_proposal(s)" not in story
        assert "proposes to pay **Kestrel's Shapley value**" in story
        for field in (
            "atlas_value",
            "members",
            "quota",
            "rig_value",
            "rig_versions",
            "granite_offer",
            "corvid_value",
        ):
            assert f"s.{field}" in story
        assert "Borealis has made Kestrel a firm written offer for the licence" in story
        assert all(t.text in story for t in s.tactics)
        assert all(v.text in story for v in s.rig_versions)


# --- right answers pass: the reference and two independent formulations -----------------------


def market_by_powerset(s):
    values = {"Atlas": s.atlas_value, "Borealis": s.borealis_value}
    groups = chain.from_iterable(combinations(PLAYERS, k) for k in range(4))
    return {
        frozenset(g): (
            max((values[p] for p in g if p != "Kestrel"), default=0) if "Kestrel" in g else 0
        )
        for g in groups
    }


def floor_second_highest(s):
    """Kestrel's Shapley value by the order argument (it adds the best value among the
    buyers already there, after none, one, two or three of them with equal chance) against
    the second-highest value, the best rival's, today and with Corvid."""
    high, low = sorted([s.atlas_value, s.borealis_value], reverse=True)
    today = (0 + (high + low) / 2 + high) / 3
    a, b, c = sorted([s.atlas_value, s.borealis_value, s.corvid_value], reverse=True)
    after_one, after_two = (a + b + c) / 3, (2 * a + b) / 3
    shapley = (0 + after_one + after_two + a) / 4
    return (today > low, shapley > b)  # b, the second-highest value, is the best rival's


def floor_from_the_core(s):
    """The least Kestrel can get in the core: the highest price at which {Kestrel,
    Borealis} would still break away, read off the game; with Corvid, whether the division
    that pays Kestrel its Shapley value and Atlas the rest is in that market's core."""
    game = market_by_powerset(s)
    today = shapley_values(list(PLAYERS), game)["Kestrel"]
    paid = {"Kestrel": today, "Atlas": s.atlas_value - today, "Borealis": 0}
    four = (*PLAYERS, "Corvid")
    values = {"Atlas": s.atlas_value, "Borealis": s.borealis_value, "Corvid": s.corvid_value}
    bigger = {}
    for size in range(1, 5):
        for group in combinations(four, size):
            bids = [values[b] for b in group if b != "Kestrel"]
            bigger[frozenset(group)] = max(bids) if "Kestrel" in group and bids else 0
    shapley = shapley_values(list(four), bigger)["Kestrel"]
    division = {"Kestrel": shapley, "Atlas": s.atlas_value - shapley, "Borealis": 0, "Corvid": 0}
    return (
        blocking_coalition(list(PLAYERS), game, paid) is None,
        blocking_coalition(list(four), bigger, division) is None,
    )


def reply_at_the_floor_or_the_offer(s):
    """The three grounds ranked, the Shapley value from the game's own orders (section 2),
    the reason written with a capital."""
    shapley = shapley_values(list(PLAYERS), market_by_powerset(s))["Kestrel"]
    grounds = {"Accept": s.atlas_figure, "yardstick": float(shapley), "rival": s.borealis_value}
    reason = max(grounds, key=grounds.get)
    return grounds[reason], reason


def reply_high(s):
    """A chain of comparisons in Fractions, the yardstick named rounded to the nearest hundred."""
    proposal = Fraction(3 * int(s.atlas_value) + int(s.borealis_value), 6)
    figure, rival = Fraction(int(s.atlas_figure)), Fraction(int(s.borealis_value))
    if figure > proposal and figure > rival:  # take Atlas's figure, and talk about Atlas
        return [figure, "accept"]
    if proposal > rival:  # hold Atlas to its own yardstick (review 65, X1)
        return [int(round(proposal, -2)), "yardstick"]
    return [float(rival), "rival"]


def weights_after_sale(s, owner, votes):
    """The board's votes once ``owner`` has sold Kestrel ``votes`` of its own."""
    weights = [held - votes if name == owner else held for name, held in s.members]
    weights[-1] += votes
    return weights


def kestrel_swings(s, weights):
    """Kestrel's swings, counted from first principles: groups of the others short of the
    quota that Kestrel's votes carry over it."""
    others, mine = weights[:-1], weights[-1]
    groups = chain.from_iterable(combinations(others, k) for k in range(len(others) + 1))
    return sum(s.quota - mine <= sum(group) < s.quota for group in groups)


def kestrel_pivots(s, weights):
    """Kestrel's Shapley-Shubik count, from first principles: the orders in which its
    votes first reach the quota."""
    count = 0
    for order in permutations(range(len(weights))):
        total = 0
        for member in order:
            total += weights[member]
            if total >= s.quota:
                count += member == len(weights) - 1
                break
    return count


def _best_offer(s, measure):
    power = {owner: measure(s, weights_after_sale(s, owner, n)) for owner, n in s.vote_offers}
    return "neither" if not any(power.values()) else max(power, key=power.get)


def banzhaf_share(s, weights):
    """Kestrel's share of all swings. The total changes with the sale, so shares are
    compared, not Kestrel's raw count."""
    every = swing_counts(s.quota, weights)
    return Fraction(every[-1], sum(every)) if sum(every) else 0


def seller_by_swings(s):
    return _best_offer(s, banzhaf_share)


def seller_by_orders(s):
    return _best_offer(s, kestrel_pivots)


def reply_in_money(s):
    table = kestrel_at_table(s)
    if s.granite_offer >= max(table, s.outside_offer):
        return "accept"
    return "name Harrow" if s.outside_offer > table else "reject"


def reply_in_shares(s):
    _, kestrel = bargaining_split(
        s.delta_them, s.delta_you, min(1, s.outside_offer / s.contract_value)
    )
    offered = s.granite_offer / s.contract_value
    if offered >= kestrel:
        return "Accept"
    harrow_binds = (
        s.outside_offer / s.contract_value > bargaining_split(s.delta_them, s.delta_you)[1]
    )
    return "insist_on_harrow" if harrow_binds else "reject"


def reply_in_the_proposers_seat(s):
    """A mistake, not a formulation: Kestrel's share computed as if it proposed first."""
    table = s.contract_value * (1 - s.delta_them) / (1 - s.delta_you * s.delta_them)
    if s.granite_offer >= max(table, s.outside_offer):
        return "accept"
    return "name Harrow" if s.outside_offer > table else "reject"


def lever_by_gains(s):
    found = gains(s)
    return max(found, key=found.get)


def lever_by_ranking(s):
    pie, d_them = s.contract_value, s.delta_them

    def deal(d_you, harrow):
        return max(pie * d_you * (1 - d_them) / (1 - d_you * d_them), harrow)

    def licence(rival):
        return max(s.atlas_value / 2, rival)

    options = [
        (licence(max(s.corvid_value, s.borealis_value)) - licence(s.borealis_value), "bidder"),
        (deal(s.delta_with_loan, s.outside_offer) - deal(s.delta_you, s.outside_offer), "loan"),
        (deal(s.delta_you, s.harrow_raised) - deal(s.delta_you, s.outside_offer), "harrow"),
    ]
    return sorted(options)[-1][1]


def sources_from_text(s):
    return lambda: {f.letter: read_fact(f) for f in s.power_facts}


def sources_as_lists(s):
    """The same judgement written another way: lists, lower-case letters, any case."""

    def rate():
        found = {}
        for f in s.power_facts:
            base, depends = read_fact(f)
            found[f.letter.lower()] = [base.title(), depends.upper().replace(" ", "_")]
        return found

    return rate


def tactics_from_text(s):
    return lambda: {t.letter: expected_label(s, t) for t in s.tactics}


def template_of(tactic):
    """The statement's template: the one of the story's that, filled in, is its text."""
    for kind, (_, _, template) in _P._TACTICS.items():
        if template.format(amount=_P.money(tactic.amount)) == tactic.text:
            return kind
    raise AssertionError(tactic.text)


def tactics_from_rules(s):
    def rate():
        labels = {}
        for t in s.tactics:
            kind = template_of(t)
            if kind in ("planning_committee", "bought_costs"):
                labels[t.letter] = "Illegitimate"
            elif kind == "corvid_bid" or (kind == "harrow_offer" and t.amount > s.outside_offer):
                labels[t.letter] = "misrepresentation"
            elif kind == "limit_claim" or (
                kind == "borealis_threat" and t.amount > s.borealis_value
            ):
                labels[t.letter] = "bluff"
            else:
                labels[t.letter] = "legitimate"
        return labels

    return rate


def rig_from_text(s):
    return {v.letter: rig_prediction(s, v) for v in s.rig_versions}


def rig_with_the_models(s):
    """Deal-me-out with equal, nearly perfect patience; the Nash split from module 02."""
    from course.models.batna import nash_split

    found = {}
    for v in s.rig_versions:
        if not any(phrase in v.text for phrase in ENDED_BY_EVENTS):  # Kestrel walks out
            share = bargaining_split(0.99999, 0.99999, v.amount / s.rig_value)[1]
            found[v.letter.lower()] = round(share * s.rig_value, 2)
        else:
            found[v.letter.lower()] = nash_split(s.rig_value, v.amount, 0)[0]
    # the practice versions (a lathe worth 40,000 to Pell, 12,000 walked out to or left with)
    found["1"] = round(bargaining_split(0.99999, 0.99999, 12_000 / 40_000)[1] * 40_000, 2)
    found[2] = nash_split(40_000, 12_000, 0)[0]
    return found


def move_in_money(s):
    if not harrow_strong(s):
        return "keep quiet"
    return "mention" if s.harrow_in_writing else "confirm first"


def move_in_shares(s):
    # as shares of the margin: Harrow's against what Granite guesses is the least Kestrel would accept
    if s.outside_offer / s.contract_value <= s.granite_guess / s.contract_value:
        return "keep_quiet"
    return "Mention" if s.harrow_in_writing else "Confirm-first"


def signing_exact(s):
    """Question 6 in exact fractions: Kestrel's rate is k times Atlas's, so its share at
    the table is r_atlas / (r_atlas + r_kestrel) = 1 / (1 + k); Borealis an outside option,
    at what it would pay on signing (review 103, X1)."""
    v1, v2, k = Fraction(s.atlas_value), Fraction(s.borealis_value), s.signing_ratio
    paid_on_signing = max(v1 * Fraction(1, 1 + k), Fraction(s.signing_borealis))
    fixed_date = max(v1 / 2, v2)
    return float(paid_on_signing), bool(fixed_date - paid_on_signing < s.signing_gain)


def signing_by_totals(s):
    """Question 6 as a choice between two totals: the price on each set of terms, plus
    what the money's coming sooner saves on the new one."""
    shares = {"fixed date": 0.5, "on signing": 1 / (1 + s.signing_ratio)}
    rival = {"fixed date": s.borealis_value, "on signing": s.signing_borealis}
    prices = {terms: max(share * s.atlas_value, rival[terms]) for terms, share in shares.items()}
    totals = {
        "fixed date": prices["fixed date"],
        "on signing": prices["on signing"] + s.signing_gain,
    }
    return prices["on signing"], totals["on signing"] > totals["fixed date"]


ALTERNATIVES = {
    "licence_floor": (floor_second_highest, floor_from_the_core),
    "licence_reply": (reply_at_the_floor_or_the_offer, reply_high),
    "buy_votes_from": (seller_by_swings, seller_by_orders),
    "rig_prices": (rig_from_text, rig_with_the_models),
    "signing_terms": (signing_exact, signing_by_totals),
    "granite_reply": (reply_in_money, reply_in_shares),
    "best_lever": (lever_by_gains, lever_by_ranking),
    "harrow_move": (move_in_money, move_in_shares),
}


def reference_sources(s, reference):
    """The notebook's power_sources, run on scenario ``s`` (it reads ``scenario``)."""
    function = reference["power_sources"]
    return lambda: type(function)(function.__code__, {**function.__globals__, "scenario": s})()


@pytest.fixture(scope="module")
def reference():
    """The source notebook's solutions (run as the first swept learner)."""
    with learner_as(LEARNERS[0]):
        return solution_namespace(MODULE, "power")


def passes(outcome):
    """A check passed: it returned nothing (a pass message was printed) or full credit."""
    return outcome is None or (isinstance(outcome, Credit) and outcome.earned == outcome.possible)


def run(question, answer, **options):
    with redirect_stdout(io.StringIO()):
        return getattr(check, question)(answer, **options)


def judge_rig_prices(s, prices):
    prices = {str(letter).upper(): value for letter, value in prices.items()}
    for version in s.rig_versions:
        check.judge_rig_price(s, version, prices)


#: What each question's check decides about one scenario's result (the check runs these on
#: every scenario it tries, after calling the learner's function).
JUDGES = {
    "licence_floor": (check.judge_clears_today, check.judge_clears_with_corvid),
    "licence_reply": (check.judge_reply_price, check.judge_reply_reason),
    "buy_votes_from": (check.judge_vote_seller,),
    "rig_prices": (judge_rig_prices,),
    "signing_terms": (check.judge_signing_price, check.judge_signing_switch),
    "granite_reply": (check.judge_granite_reply,),
    "best_lever": (check.judge_best_lever,),
    "harrow_move": (check.judge_harrow_move,),
}


def test_every_right_formulation_is_judged_right_for_every_learner(drawn, reference):
    """The checks' verdict on every swept learner's scenario, for the reference and both
    alternatives: each is right (the judges raise NotYet otherwise)."""
    for s in drawn:
        for question, alternatives in ALTERNATIVES.items():
            for answer in (reference[question], *alternatives):
                result = answer(s)
                for judge in JUDGES[question]:
                    judge(s, result)
        for rate in (tactics_from_text(s), tactics_from_rules(s)):
            labels = rate()
            for tactic in s.tactics:
                check.judge_tactic(s, tactic, labels)
        for rate in (sources_from_text(s), sources_as_lists(s), reference_sources(s, reference)):
            answers = {str(k).upper(): v for k, v in rate().items()}
            for fact in s.power_facts:
                check.judge_power_fact(s, fact, answers)


def test_the_visible_checks_pass_them_as_the_learner_runs_them(drawn, reference, monkeypatch):
    """The same through the checks as a notebook calls them (the learner's function called
    through call_learner, the verdict scored), on a sample of the swept learners."""
    for s in drawn[::50]:
        monkeypatch.setenv("LEVERAGE_LEARNER", s.learner)
        for question, alternatives in ALTERNATIVES.items():
            for answer in (reference[question], *alternatives):
                assert passes(run(question, answer)), (s.learner, question, answer.__name__)
        for rate in (tactics_from_text(s), tactics_from_rules(s)):
            assert passes(run("rate_tactics", rate, hidden=True)), s.learner
            assert passes(run("rate_tactics", rate)), s.learner
        for rate in (sources_from_text(s), sources_as_lists(s), reference_sources(s, reference)):
            assert passes(run("power_sources", rate, hidden=True)), s.learner
            assert passes(run("power_sources", rate)), s.learner


def test_the_reference_for_the_own_case_questions_agrees_with_both_formulations(drawn):
    from course.scenarios.power import power_key, rig_key, tactic_key

    for s in drawn:
        assert power_key(s) == sources_from_text(s)()
        assert (
            tactic_key(s)
            == tactics_from_text(s)()
            == {k: v.lower() for k, v in tactics_from_rules(s)().items()}
        )
        assert rig_key(s) == rig_from_text(s)


@pytest.mark.parametrize("question", list(ALTERNATIVES))
def test_every_right_formulation_passes_the_hidden_check(reference, question, learner):
    for answer in (reference[question], *ALTERNATIVES[question]):
        assert passes(run(question, answer, hidden=True)), answer.__name__


def naive_lever(s, harrow_raw=False, loan_without_harrow=False):
    """Question 7 answered with a mistake: Harrow's raw rise taken for its gain, or the
    loan's gain counted as if Harrow did not bind."""
    found = gains(s)
    if harrow_raw:
        found["harrow"] = s.harrow_raised - s.outside_offer
    if loan_without_harrow:
        found["loan"] = kestrel_at_table(s, s.delta_with_loan) - kestrel_at_table(s)
    return max(found, key=found.get)


@pytest.mark.parametrize("key", [None, "key-1", "key-2", "key-3"])
def test_the_hidden_learners_give_every_answer_and_catch_each_mistake(key):
    """Hidden tests prove nothing if every hidden learner has the same answer, or if the
    mistakes a question exists to catch pass them all: so whatever the grading key (none:
    the self-check learners)."""
    with hidden_cases_as(key):
        hidden = [course.variant(MODULE, learner) for learner in check.HIDDEN_LEARNERS]
    assert {reply_in_money(s) for s in hidden} == {"accept", "reject", "name Harrow"}
    assert {lever_by_gains(s) for s in hidden} == {"bidder", "loan", "harrow"}
    assert {_P.atlas_proposal(s) >= s.borealis_value for s in hidden} == {True, False}
    assert {_P.reply_reason(s) for s in hidden} == {"accept", "yardstick", "rival"}
    # question 3: the smaller offer, the larger and neither are each right somewhere, and
    # leaving the seller's votes as they were picks the wrong offer somewhere
    assert {check._vote_kind(s) for s in hidden} == {"fewer", "more", "neither"}
    assert any(check._seller_kept_choice(s) != seller_by_swings(s) for s in hidden)
    assert {move_in_money(s) for s in hidden} == set(HARROW_MOVES) - {"ultimatum"}
    # question 3: an outside option above and below the even split, a breakdown payoff too
    rigs = {(_P.walks_out(v), v.amount > s.rig_value / 2) for s in hidden for v in s.rig_versions}
    assert rigs == {(True, True), (True, False), (False, True), (False, False)}
    # question 5: Kestrel in the proposer's seat is wrong on some hidden learner, both where
    # Granite's proposal and where Harrow falls between the two readings
    wrong_seat = {
        reply_in_money(s) for s in hidden if reply_in_the_proposers_seat(s) != reply_in_money(s)
    }
    assert wrong_seat >= {"accept", "name Harrow"}
    # question 7: each shortcut, and both together, pick the wrong lever on some hidden learner
    for mistake in ({"harrow_raw": True}, {"loan_without_harrow": True}):
        assert any(naive_lever(s, **mistake) != lever_by_gains(s) for s in hidden), mistake
    both = {"harrow_raw": True, "loan_without_harrow": True}
    assert any(naive_lever(s, **both) != lever_by_gains(s) for s in hidden)
    # question 8 too: Kestrel in the proposer's seat picks the wrong lever on some hidden
    # learner (a fresh review, E3: only about 2% of learners, none hidden before)
    assert any(check._shortcut_lever(s, seat=True) != lever_by_gains(s) for s in hidden)
    assert any(gains(s)["loan"] == 0 for s in hidden)  # Harrow binds even with the loan
    assert any(gains(s)["harrow"] == 0 for s in hidden)  # raised, still below the table
    assert any(  # Corvid beats Borealis but not half of Atlas's value
        s.borealis_value < s.corvid_value <= s.atlas_value / 2 for s in hidden
    )


def test_the_mistakes_fail_for_most_learners_at_grading(drawn):
    """With the hidden learners, the proposer's-seat reply and the shortcut levers fail for
    every learner; on the learner's own numbers they fail for a good share."""
    seat = sum(reply_in_the_proposers_seat(s) != reply_in_money(s) for s in drawn)
    lever = sum(naive_lever(s, True, True) != lever_by_gains(s) for s in drawn)
    assert seat >= 0.15 * len(drawn) and lever >= 0.08 * len(drawn)


# --- every question can be started from its own text --------------------------------------------

#: The markdown cell that asks each question.
QUESTION_TEXT = {
    "licence_floor": "licence-floor-text",
    "licence_reply": "licence-reply-text",
    "buy_votes_from": "votes-needed-text",
    "rig_prices": "rig-prices-text",
    "granite_reply": "granite-reply-text",
    "best_lever": "best-lever-text",
    "harrow_move": "harrow-move-text",
}


class Recording:
    """A scenario that notes every field read from it."""

    def __init__(self, scenario):
        self._scenario, self.read = scenario, set()

    def __getattr__(self, name):
        self.read.add(name)
        return getattr(self._scenario, name)


@pytest.mark.parametrize("question", list(QUESTION_TEXT))
def test_every_field_the_reference_reads_is_named_in_the_question(drawn, reference, question):
    text = next(
        cell.source
        for cell in source_notebook(MODULE, "power").cells
        if cell.metadata.get("nbgrader", {}).get("grade_id") == QUESTION_TEXT[question]
    )
    for s in drawn[:20]:
        recording = Recording(s)
        reference[question](recording)
        assert recording.read, question
        for field in recording.read:
            assert f"`s.{field}`" in text, (question, field)


def question_text(grade_id):
    return next(
        cell.source
        for cell in source_notebook(MODULE, "power").cells
        if cell.metadata.get("nbgrader", {}).get("grade_id") == grade_id
    )


def test_question_3_and_the_story_say_the_quota_is_a_fixed_count(drawn):
    """The quota does not grow with Kestrel's votes: both the story and question 3 say so."""
    asked = " ".join(question_text("votes-needed-text").split())
    assert "a fixed number written into Fellgate's rules, which stays put" in asked
    assert "a fixed number written into Fellgate's rules" in " ".join(drawn[0].story().split())


def test_the_own_case_questions_name_their_fields_and_answers():
    tactics, rig = question_text("rate-tactics-text"), question_text("rig-prices-text")
    assert "`scenario.tactics`" in tactics and all(f'`"{label}"`' in tactics for label in LABELS)
    assert all(f"`v.{field}`" in rig for field in ("letter", "amount"))
    assert "walk_out" not in rig  # which version is which is the learner's judgement
    sources = question_text("power-sources-text")
    assert "`scenario.power_facts`" in sources
    assert all(f'`"{word}"`' in sources for word in (*BASES, "them on Kestrel", "Kestrel on them"))
    moves = question_text("harrow-move-text")
    assert all(f'`"{move}"`' in moves for move in HARROW_MOVES)


def test_the_scenarios_shortcuts_agree_with_the_models(drawn):
    """The scenario computes Kestrel's Shapley value and share at the table in closed form,
    for speed: they are the models' numbers."""
    from course.scenarios import power as scenario

    for s in drawn[:200]:
        shapley = shapley_values(list(PLAYERS), scenario.licence_game(s))["Kestrel"]
        assert abs(scenario.kestrel_shapley(s) - float(shapley)) < 1e-6
        at_table = s.contract_value * bargaining_split(s.delta_them, s.delta_you)[1]
        assert abs(scenario.table_share(s) - at_table) < 1e-6
        assert scenario.votes_needed(s) == fewest_votes(s)


def test_question_6_is_a_real_decision_clear_of_its_threshold(drawn):
    """Question 6 (review 4, W6: the rate-of-loss split was never practised in graded
    work): in every draw the money's coming sooner is worth clearly more or clearly less
    than what paying on signing takes off the predicted price; both decisions come up when
    it costs something. Review 103, X1 (round 105): it now costs something in every draw
    (a free change, 455 of 1,000 draws before, made "agree" follow from any gain); the
    check's built case keeps the free change, where a share at the table that leaves
    Borealis out would refuse it."""
    decisions, free = set(), 0
    for s in drawn:
        price, switch = signing_exact(s)
        loss = max(s.atlas_value / 2, s.borealis_value) - price
        assert s.signing_ratio in (2, 3, 4)
        assert s.signing_gain > 0
        if loss > 0:
            assert not 0.8 * loss <= s.signing_gain <= 1.2 * loss, s.learner
            decisions.add(switch)
        else:
            free += 1
            assert switch
            without_borealis = s.atlas_value / 2 - s.atlas_value / (1 + s.signing_ratio)
            assert s.signing_gain < without_borealis, s.learner
        assert abs(s.signing_borealis - s.atlas_value / (1 + s.signing_ratio)) >= 0.03 * (
            s.atlas_value
        )
    assert decisions == {True, False} and free == 0
    hidden = [course.variant(MODULE, learner) for learner in check.HIDDEN_LEARNERS]
    with learner_as("rv105-x1"):
        hidden.append(check._signing_no_cost_case())
    outcomes = {
        (signing_exact(s)[1], max(s.atlas_value / 2, s.borealis_value) > signing_exact(s)[0])
        for s in hidden
    }
    assert outcomes == {(True, True), (False, True), (True, False)}
    free = hidden[-1]
    without_borealis = free.atlas_value / 2 - free.atlas_value / (1 + free.signing_ratio)
    assert signing_exact(free)[1] and free.signing_gain < without_borealis


def test_question_9b_rests_on_granites_guess_not_the_share_at_the_table(drawn):
    """Question 9b (review 4, W3, W7: it rested on the share at the table, already the
    number of questions 7 and 8, and its premise gave the rule): Granite's guess is at
    least 15% away from Harrow's offer in every draw, and for a good share of learners it
    lies on the other side of Harrow from the share at the table, so judging by the share
    at the table fails; every move but the ultimatum comes up. Review 75, U5: the guess is
    below half of the gain in every draw, since Granite knows Kestrel is the impatient side
    and answers its proposals (it was half or more for 38 of 2,000 learners)."""
    differ = 0
    for s in drawn:
        assert abs(s.granite_guess - s.outside_offer) >= 0.15 * s.outside_offer - 500, s.learner
        assert s.granite_guess < s.contract_value / 2, s.learner
        differ += (s.outside_offer > s.granite_guess) != (s.outside_offer > kestrel_at_table(s))
    assert 0.2 * len(drawn) < differ < 0.8 * len(drawn)
    assert {move_in_money(s) for s in drawn} == {"mention", "confirm first", "keep quiet"}
    hidden = [course.variant(MODULE, learner) for learner in check.HIDDEN_LEARNERS]
    assert any(
        (s.outside_offer > s.granite_guess) != (s.outside_offer > kestrel_at_table(s))
        for s in hidden
    )


#: Learners of sweeps first written for single findings, kept with their own ids so each
#: test still tries the learners it was written on.
FEW = tuple(f"review3-{n}" for n in range(300))
MORE = tuple(f"review4-{n}" for n in range(1000))
MANY = tuple(f"review7-{n}" for n in range(2000))


@pytest.fixture(scope="module")
def drawn_300(workers_folder):
    return drawn_once(MODULE, FEW, workers_folder)


@pytest.fixture(scope="module")
def drawn_1000(workers_folder):
    return drawn_once(MODULE, MORE, workers_folder)


@pytest.fixture(scope="module")
def swept_2000(workers_folder):
    return drawn_once(MODULE, MANY, workers_folder)


def _seat_reply(s):
    """Question 7 answered with Kestrel in the proposer's seat."""
    wrong_seat = table_share(s) / s.delta_you
    if s.granite_offer >= max(wrong_seat, s.outside_offer):
        return "accept"
    return "name Harrow" if s.outside_offer > wrong_seat else "reject"


def _ignoring_harrow(s):
    return "accept" if s.granite_offer >= table_share(s) else "reject"


def _harrow_only(s):
    """Question 7 answered by comparing the proposal with Harrow alone."""
    return "accept" if s.granite_offer >= s.outside_offer else "name Harrow"


def test_granites_proposal_never_tests_nothing(drawn_300):
    """E11: in 43% of draws Granite opened above both Harrow and what Kestrel would get even
    as first proposer, so every reading said 'accept'. Now no proposal is above both, and
    in every draw at least one of the typical mistakes gives another reply."""
    for s in drawn_300:
        wrong_seat = table_share(s) / s.delta_you
        assert s.granite_offer < max(wrong_seat, s.outside_offer), s.learner
        right = granite_reply(s)
        mistakes = {_seat_reply(s), _ignoring_harrow(s), _harrow_only(s)}
        assert mistakes != {right}, s.learner
    replies = {granite_reply(s) for s in drawn_300}
    assert replies == {"accept", "reject", "name Harrow"}


def test_the_loan_leaves_the_licence_alone_in_the_story_too(drawn_300):
    """E1: with the licence paid on a fixed date the loan moves only the Granite deal, so its
    gain is the change in Kestrel's equilibrium share of the Granite margin, and nothing
    else."""
    from course.scenarios.power import lever_gains

    for s in drawn_300[:50]:
        loan = granite_share(s, delta_you=s.delta_with_loan) - granite_share(s)
        assert lever_gains(s)["loan"] == loan
        assert "the buyer pays on one fixed date" in s.story()


def test_question_2s_verdict_today_is_the_same_with_atlas_rounded_proposal(drawn_1000):
    """Review 61, X1: question 2's first part is now a verdict on Atlas's proposal today; a
    learner may use the proposal rounded to the hundred (question 4 allows it), and no draw
    lies so close to the rule's boundary that the rounding changes the verdict."""
    from course.scenarios.power import atlas_proposal, clears_today

    verdicts = set()
    for s in drawn_1000:
        verdict = clears_today(s)
        verdicts.add(verdict)
        shapley = kestrel_shapley(s)
        rounded = (math.floor(shapley / 100) * 100, math.ceil(shapley / 100) * 100)
        for figure in (atlas_proposal(s), *rounded):
            assert (figure >= s.borealis_value) == verdict, s.learner
    assert verdicts == {True, False}


def test_the_loan_leaves_kestrel_less_patient_than_granite(drawn_1000):
    """E3: the loan made Kestrel at least as patient as Granite in 21% of draws, against the
    story and section 4; now never, and every lever is still the best for some learners."""
    from course.scenarios.power import best_lever

    for s in drawn_1000:
        assert s.delta_you < s.delta_with_loan < s.delta_them, s.learner
    assert {best_lever(s) for s in drawn_1000} == {"bidder", "loan", "harrow"}
    # review 75, C1: question 8 says "though never as high as Granite's", and the story
    # (part 5) says why, as question 8 did until its words paid for the loan's interest
    assert "`s.delta_with_loan`, though never as high as Granite's" in PROSE
    story = " ".join(drawn_1000[0].story().split())
    # review 92, E1: the cost of delay is a share of each side's own part
    assert "but the rest now waits at the loan's lower rate" in story


def test_the_invented_corvid_bid_is_false_on_both_counts(drawn_1000):
    """E10: in 11% of draws the figure Kestrel claims Corvid offered was at or below what
    Corvid would really offer, so its falsity rested on tense alone."""
    seen = 0
    for s in drawn_1000:
        for t in s.tactics:
            if _P.tactic_kind(t) == "corvid_bid":
                seen += 1
                floor = max(s.corvid_value, kestrel_shapley(s), s.borealis_value)
                assert floor < t.amount < s.atlas_value, s.learner
    assert seen > 200


def test_question_6_hints_say_what_the_learner_did(drawn_1000):
    """Question 6 (review 4, W6): each common slip gets a hint true of it, with the case's
    numbers; the decision's hint names both sides of the comparison."""
    from course.scenarios.power import licence_price, signing_loss, signing_price

    kinds = set()
    for s in drawn_1000[:300]:
        # review 103, X1 (round 105): Borealis's offer as it would be paid on signing
        v1, v2, k = s.atlas_value, s.signing_borealis, s.signing_ratio
        right = (signing_price(s), s.signing_gain > signing_loss(s))
        check.judge_signing_price(s, right)
        check.judge_signing_switch(s, right)
        if v1 / 2 != signing_price(s):
            with pytest.raises(NotYet, match="even split at the table under today's terms"):
                check.judge_signing_price(s, (v1 / 2, right[1]))
        if v2 > v1 / (1 + k):
            kinds.add("binds")
            with pytest.raises(NotYet, match="Borealis's offer still stands"):
                check.judge_signing_price(s, (v1 / (1 + k), right[1]))
        else:
            kinds.add("table")
            with pytest.raises(NotYet, match="an outside option below it changes nothing"):
                check.judge_signing_price(s, (v2, right[1]))
        with pytest.raises(NotYet) as failure:
            check.judge_signing_switch(s, (right[0], not right[1]))
        said = str(failure.value)
        assert f"{s.signing_gain:,.0f}" in said
        if signing_loss(s) == 0:
            assert "costs Kestrel nothing at the table" in said
        else:
            assert f"{licence_price(s):,.0f}" in said and f"{signing_price(s):,.0f}" in said
        with pytest.raises(NotYet, match="True or False"):
            check.judge_signing_switch(s, (right[0], "yes"))
    assert kinds == {"binds", "table"}


def test_question_6_story_keeps_borealis_on_the_same_terms(drawn_1000):
    """Were Borealis still paying on the fixed date, money on signing would be worth more
    from Atlas than the same sum from Borealis, and deal-me-out would let Atlas pay less
    than Borealis's figure: the story puts both offers on the same terms, so the saving
    counts whoever buys and Borealis's figure stays the floor."""
    for s in drawn_1000[:20]:
        story = " ".join(s.story().split())
        assert "Borealis has said its offer would then come on the same terms" in story
        assert "whoever buys" in story
        assert "Borealis's offer stays on the fixed date's terms" not in story


def test_question_4_asks_for_the_highest_figure_kestrel_can_stand_on(drawn_1000):
    """W2: any price from the best on offer up to Atlas's value passed, (v1 + max)/2
    included, so the question never asked for section 5's prediction. Review 65, X1: the
    price is the highest of Atlas's round figure, its yardstick worked out and Borealis's
    offer; halfway from it to Atlas's value fails."""
    for s in drawn_1000[:200]:
        v1 = s.atlas_value
        best = max(_P.reply_grounds(s).values())
        check.judge_reply_price(s, (best, "rival"))
        with pytest.raises(NotYet):
            check.judge_reply_price(s, ((v1 + best) / 2, "rival"))
    assert "where you aim is yours" not in PROSE
    assert "the figure Kestrel takes or asks for" in (" ".join(PROSE.split()))


def test_a_constant_reason_no_longer_earns_question_4s_point(swept_2000):
    """Seventh review, E1 and W1: a constant "rival" earned the point for 44% of learners.
    Review 65, X1: each of the three grounds is right for a good share of 2,000 learners, so
    no constant reason passes for more than about half of them, and a reason read off
    question 2's first verdict fails for hundreds."""
    from course.scenarios.power import clears_today, reply_reason

    right = {"rival": 0, "accept": 0, "yardstick": 0}
    off_question_2 = 0
    for s in swept_2000:
        reason = reply_reason(s)
        right[reason] += 1
        off_question_2 += reason != ("accept" if clears_today(s) else "rival")
        best = max(_P.reply_grounds(s).values())
        check.judge_reply_reason(s, (best, reason))
        for other in set(right) - {reason}:
            with pytest.raises(NotYet):
                check.judge_reply_reason(s, (best, other))
    assert all(500 < count < 1000 for count in right.values()), right
    assert off_question_2 > 400
    assert "any of the three passes" not in PROSE


def test_each_ground_carries_question_4s_reply_where_its_figure_is_highest(swept_2000):
    """Review 65, X1 (replacing review 64, X2's rule that only "interests" passes on
    accepting): where Atlas's round figure beats its yardstick and Borealis, Kestrel takes
    it and talks interests, and "yardstick" is refused because it points Atlas to a lower
    figure; where the figure falls short of the yardstick and the yardstick beats Borealis,
    Kestrel holds Atlas to it ("yardstick", named exactly or to the nearest hundred) and
    "accept" (review 66, X2: it was "interests") is refused because Atlas's value already
    counts what the licence does for it; where Borealis beats
    both, only "rival" carries the counter. Atlas's figure is a multiple of 5,000, at least
    1,000 from the Shapley value, from Borealis's offer and from section 5's price, and
    within 10,000 of the first."""
    for s in swept_2000:
        v2, figure, shapley = s.borealis_value, s.atlas_figure, kestrel_shapley(s)
        assert figure % 5_000 == 0 and abs(figure - shapley) < 10_000, s.learner
        assert min(abs(figure - shapley), abs(figure - v2)) >= 1_000, s.learner
        # review 70, X2: nor on section 5's price, where taking the figure becomes right too
        assert abs(figure - max(s.atlas_value / 2, v2)) >= 1_000, s.learner
        if figure > max(shapley, v2):
            check.judge_reply_reason(s, (figure, "accept"))
            with pytest.raises(NotYet, match="points it to a lower figure than it offers"):
                check.judge_reply_reason(s, (figure, "yardstick"))
        elif shapley > v2:
            for named in (shapley, round(shapley, -2)):
                check.judge_reply_price(s, (named, "yardstick"))
                check.judge_reply_reason(s, (named, "yardstick"))
            with pytest.raises(NotYet, match="already counted in Atlas's value"):
                check.judge_reply_reason(s, (shapley, "accept"))
        else:
            check.judge_reply_reason(s, (v2, "rival"))
            for reason in ("yardstick", "accept"):
                with pytest.raises(NotYet):
                    check.judge_reply_reason(s, (v2, reason))
    four = " ".join(PROSE[PROSE.index("### Question 4") : PROSE.index("def licence_reply")].split())
    assert "`s.atlas_figure`" in four
    assert 'on accepting, only "interests" passes' not in four
    assert "either is accepted" not in PROSE


def test_question_9b_sets_a_new_harrow_offer_granite_has_not_seen(swept_2000):
    """Seventh review, C1: question 7 lets Granite know Harrow's offer, and question 9b said
    that same offer 'stands as before' but Granite did not know it (and for learners who
    walked away to Harrow it was already taken). Question 9b, the story and section 7 now
    speak of a new Harrow offer, a year later, that Granite has not seen."""
    assert "Harrow's offer stands as before" not in PROSE
    assert "This time Granite does not know Harrow's offer" not in PROSE
    part_b = _section(PROSE, "**Part b (1 mark).**", "Write `harrow_move(s)`")
    # review 72, U1: shortened, the same facts
    assert "Harrow's new offer is worth `s.outside_offer` again" in " ".join(part_b.split())
    assert "Granite has not seen it and" in " ".join(part_b.split())
    using = _section(PROSE, "## 7. Using power", "### Question 9")
    assert "Granite cannot see Kestrel's options" not in using
    assert "Granite has not seen Harrow's new offer" in using
    for s in swept_2000[:300]:
        story = s.story()
        assert "Harrow will make Kestrel a new offer like its first" in story
        assert "Granite will not have seen that offer" in story


def test_every_story_has_granite_know_harrows_offer_before_it_proposes(swept_2000):
    """Question 7's 'walk away' (about half the learners) rests on Granite knowing Harrow's
    offer; the story said nothing of it, and question 9a said Granite had not seen it. Every
    story now has Harrow tell Granite before Granite's first proposal, and not tell it of
    next year's offer, which question 9b needs unseen; the keys of 7 and 9 are unchanged."""
    walks = 0
    for s in swept_2000[:600]:
        story = s.story()
        told = story.index("Harrow told Granite of its offer too")
        assert told < story.index("Granite's first proposal gives")
        assert "before Granite made its first proposal: Granite knows Harrow's offer" in story
        assert "but will not tell Granite of it this time" in story
        # review 92, E1: the cost of delay is a share of each side's own part
        assert "a month's more overdraft interest on that sum" in story
        # question 8 is set before Harrow tells Granite of its first offer (question 9a)
        assert "tell Granite of it before Granite's first proposal, as with its first" in story
        assert "as it did of its first" not in story
        walks += granite_reply(s) == "name Harrow"
    assert 100 < walks < 500


def test_the_limit_claim_hint_keeps_the_reservation_price_as_defined(swept_2000):
    """Seventh review, C2: the hint for a claimed limit called Kestrel's equilibrium share
    'the least Kestrel would accept from Granite', against the module's reservation price
    (what walking away brings: Harrow's offer). It now names both figures for what they are,
    for every learner whose statements include the claim."""
    from course.scenarios.power import tactic_kind

    seen = 0
    for s in swept_2000:
        for tactic in s.tactics:
            if tactic_kind(tactic) != "limit_claim":
                continue
            seen += 1
            fact = check._tactic_fact(s, tactic)
            assert "the least Kestrel would accept" not in fact
            assert (
                f"what Kestrel could get by walking away, Harrow's {s.outside_offer:,.0f}" in fact
            )
            assert "its share by section 5" in fact  # review 80, U4
    assert seen > 200


def test_part_4_is_short_of_work_only_after_this_months_order(swept_2000):
    """Seventh review, C3: part 4 said Kestrel was short of work while two of question 1's
    facts give it an order this month and a consortium bid; it now says Kestrel has no work
    booked once this month's order is done, and that a bid is not yet work."""
    for s in swept_2000[:300]:
        story = s.story()
        assert "once the one order it is finishing this month is done" in story
        assert "a bid is not yet work" in story


def test_the_contested_threat_hint_says_which_offers_it_is_about(swept_2000):
    """Seventh review, U4: the contested-threat hint read as if Borealis could be sold to at
    any price; it now says that for any offer from Atlas between Borealis's figure and the
    demand, selling to Borealis at its figure would leave Kestrel worse off."""
    from course.scenarios.power import tactic_kind

    seen = 0
    for s in swept_2000:
        for tactic in s.tactics:
            if tactic_kind(tactic) != "borealis_threat" or tactic.amount <= s.borealis_value:
                continue
            seen += 1
            v2, x = f"{s.borealis_value:,.0f}", f"{tactic.amount:,.0f}"
            hint = check._contested(s, tactic, "bluff")
            assert f"if Atlas offered anything between {v2} and {x}" in hint
            assert f"selling to Borealis at {v2} would leave Kestrel worse off" in hint
            assert "for less than that figure" not in hint
    assert seen > 100


def test_an_inflated_harrow_figure_is_false_even_after_courting_harrow(swept_2000):
    """A fresh review, E2: the figure Kestrel claims Harrow offered equalled Harrow's raised
    offer, question 8's move, for 107 of 2,000 learners, so a learner who took that move as
    made read a true statement; it is now clearly above that offer too, and question 9 says
    the statements come before any of question 8's moves."""
    seen = 0
    for s in swept_2000:
        for t in s.tactics:
            if _P.tactic_kind(t) == "harrow_offer" and t.amount != s.outside_offer:
                seen += 1
                assert t.amount > 1.1 * s.harrow_raised, s.learner
    assert seen > 800
    assert "today, before question 8's moves" in PROSE  # review 90, U3: shorter


def test_the_licence_floor_as_question_8_yardstick_picks_another_move_for_some(drawn):
    """Question 8 measures Corvid by what it adds to the predicted price, max(v1/2, v2);
    measured by the floor it raises, or by the midpoint (v1 + v2) / 2, it must pick another
    move for some learners, else the measure section 5 teaches is never tested (it never
    did: 0 of 2,000). The check's other learners include one such case."""
    differs = {"floor": 0, "nash": 0}
    for s in drawn:
        top = max(gains(s), key=gains(s).get)
        for yardstick in differs:
            other = gains(s, yardstick)
            differs[yardstick] += max(other, key=other.get) != top
    assert differs["floor"] >= len(drawn) // 100, differs
    assert differs["nash"] >= len(drawn) // 100, differs
    shortcut = check._shortcut_lever
    assert any(
        shortcut(course.variant(MODULE, learner), floor=True)
        != _P.best_lever(course.variant(MODULE, learner))
        for learner in check.HIDDEN_LEARNERS
    )


def test_question_6_is_a_real_decision_in_most_learners_own_scenarios(drawn):
    """Question 6's own case: paying on signing costs Kestrel something (Borealis does not
    set the price on both terms) for at least half of the learners; it did for 37%, and
    the rest had True as the answer whatever they weighed."""
    costly = sum(_P.signing_loss(s) > 0 for s in drawn)
    assert costly >= len(drawn) // 2, costly


def test_question_6s_two_answers_each_come_up_for_a_third_of_learners(drawn):
    """Review 76, X2: a free change always answers True, and the gain beat a costly change's
    loss for half of the costly cases, so True was right for 73% of learners and a learner
    who always said True was mostly right on their own case. Each answer now comes up for at
    least a third of the learners."""
    agree = sum(signing_exact(s)[1] for s in drawn)
    assert len(drawn) / 3 <= agree <= 2 * len(drawn) / 3, agree


def test_question_2bs_own_numbers_tell_the_market_of_four_from_todays_for_some_learners():
    """For part of the learners, Corvid's value lies above Kestrel's Shapley value today and
    at or below its value in the market of four: a verdict worked out in today's market (the
    shortcut question 2b exists for) is wrong on their own numbers, not only on the worked
    case. Both directions of the real verdict still occur."""
    from course.scenarios.power import clears_with_corvid, floor_with_corvid

    differ, verdicts = 0, set()
    for i in range(600):
        s = variant(MODULE, f"corvid-window-{i}")
        today = (3 * s.atlas_value + s.borealis_value) / 6 >= floor_with_corvid(s)
        differ += today != clears_with_corvid(s)
        verdicts.add(clears_with_corvid(s))
    assert differ >= 60 and verdicts == {True, False}


def test_no_blind_or_constant_answer_earns_marks_in_questions_1_5_and_9a(drawn):
    """A fresh review, finding 1: a guess of question 5's kinds earned its mark for half of
    all learners (one version of each kind), and one label for every statement of question
    9a earned a mark (half a point a statement; question 1 alike). Over the sweep: no label
    fits three statements and no answer three facts, so in questions 1 and 9a, where each
    right item earns its half mark (review 66), a constant answer is right for two items
    at most (and earns nothing: review 75, X1 and X2);
    and a single rule for all four versions of question 5 is right for no learner. Review
    72, X1: two versions of each kind in every draw (so one misreading costs a quarter,
    never the mark); the best fixed guess of the kinds by letter earns the whole mark for
    about one learner in six (at most one in five), and on average half of it, no more than
    a guess of each version's kind."""
    from collections import Counter

    mixes = Counter()
    for s in drawn:
        for label in LABELS:
            assert sum(label in _P.tactic_labels(s, t) for t in s.tactics) <= 2, s.learner
        assert not _P._one_answer_fits_three_facts(s), s.learner
        kinds = tuple(_P.walks_out(v) for v in s.rig_versions)
        assert kinds.count(True) == kinds.count(False) == 2, s.learner
        mixes[kinds] += 1
    assert max(mixes.values()) <= len(drawn) / 5
    for guess in mixes:  # a quarter a version read right, none for a single rule
        earned = sum(
            n * sum(a == b for a, b in zip(guess, kinds, strict=True)) / 4
            for kinds, n in mixes.items()
        )
        assert earned / len(drawn) <= 0.55, (guess, earned / len(drawn))


#: A count of one followed by a plural noun ("1 votes"), or a word said twice ("the the").
GRAMMAR_SLIPS = re.compile(r"(?<![\d.,])1 [A-Za-z]+s\b|\b([a-z]+) \1\b")


def test_no_drawn_story_or_vote_hint_has_a_grammar_slip(drawn):
    """Every learner reads their own story: its drawn numbers agree with the nouns they
    count. About half of all learners have an offer of a single vote, in the story and in
    the hint that says that offer brings no power."""
    single = 0
    for s in drawn:
        assert not GRAMMAR_SLIPS.search(s.story()), GRAMMAR_SLIPS.search(s.story()).group()
        for owner, votes in s.vote_offers:
            single += votes == 1
            try:
                check.judge_vote_seller(s, owner)
            except NotYet as hint:
                assert not GRAMMAR_SLIPS.search(str(hint)), str(hint)
    assert single > len(drawn) // 4
