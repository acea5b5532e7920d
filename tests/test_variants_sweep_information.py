"""Module 01's variants swept by the thousand (issue 15): every generated learner gets a
coherent case with a real decision in every question, no answer on a rule's boundary,
and every right formulation passes.

The invariants are written here from the question texts, independently of the
generator's own ``problems`` (which rejects and redraws the draws that break them), so a
generator that stops rejecting fails here. Three formulations of every graded question
(the notebook's solution and two written differently) must pass the visible check for
every swept learner, and the hidden check too. A hidden check tries the learner's own
scenario, the same five hidden learners and the same fixed cases for everyone; it is run
for every formulation on the first learners, and the visible check, which tries the
learner's own scenario, for all of them."""

import functools
import inspect
import itertools
import math
import re
from collections import Counter
from fractions import Fraction

import numpy as np
import pytest

import course.checks.information as check
from course.checks import hints, plaindata
from course.scenarios import information as scenario
from course.variants import learner_as, learner_id, variant
from tests.notebooks import solution_namespace, source_notebook
from tests.sweeps import drawn_once

MODULE = "01_information"
LEARNERS = tuple(f"sweep-{n}" for n in range(2000))
#: Learners whose hidden checks are run for every formulation (see the module's doc).
HIDDEN_SWEEP = LEARNERS[:10]

#: An opening this close (euros) to a band's edge would make ≤ and < disagree.
EDGE = 100.0
#: The learner picks the best price: the runner-up must earn at least this much less ...
TIE = 100.0
#: ... and at least this share of the best price's expected profit less (an absolute margin let
#:    the best price win by 1.5% for some learners, which hangs on how a prior given to one
#:    decimal was rounded).
TIE_SHARE = 0.05
#: Information must be worth at least this much for "should you pay for it?" to matter.
PERFECT_AT_LEAST, REPORT_AT_LEAST = 1_000.0, 300.0
#: Perfect information's worth must move by at least this much across the opening.
MOVE_AT_LEAST = 50.0
#: News "of moderate weight": each price up (or down) the list this many times as likely
#: (the reading Question 5's check passes in).
MODERATE_STEP = 2.0
#: Wren's cost sits at least this far from its reservation price (euros).
WREN_GAP = 400.0
#: The explorer shows worths to the cent; the two settings compared differ by at least this.
EXPLORER_GAP = 1.0


#: Scenarios drawn in this process, by learner; ``quick_checks`` seeds it with the sweep's
#: own draw (``sales``), so the formulations do not draw the 2,000 learners a second time.
_DRAWN = {}


def drawn(learner):
    if learner not in _DRAWN:
        _DRAWN[learner] = variant(MODULE, learner)
    return _DRAWN[learner]


@pytest.fixture(scope="module")
def sales(workers_folder):
    return drawn_once(MODULE, LEARNERS, workers_folder)


def profits(beliefs, cost):
    """Expected profit of every final price worth naming, computed from scratch."""
    return {p: (p - cost) * sum(chance for r, chance in beliefs.items() if r >= p) for p in beliefs}


def posterior(sale):
    inside = {
        r: (sale.opening_low * r <= sale.opening_offer <= sale.opening_high * r)
        / ((sale.opening_high - sale.opening_low) * r)
        for r in sale.reservations
    }
    weights = {r: sale.prior_beliefs()[r] * inside[r] for r in sale.reservations}
    return {r: w / sum(weights.values()) for r, w in weights.items()}


def evpi(beliefs, cost):
    return sum(p * max(r - cost, 0) for r, p in beliefs.items()) - max(
        profits(beliefs, cost).values()
    )


def report_worth(beliefs, cost, accuracy):
    values = list(beliefs)
    wrong = (1 - accuracy) / (len(values) - 1)
    joint = [
        {r: beliefs[r] * (accuracy if r == s else wrong) for r in values} for s in values
    ]  # P(r and report s), not rescaled: the best of each, summed
    return sum(max(profits(j, cost).values()) for j in joint) - max(profits(beliefs, cost).values())


# --- invariants, question by question --------------------------------------------------


def test_the_opening_rules_out_one_or_two_prices_and_sits_off_every_edge(sales):
    """Questions 1-2: reading the opening is a real question and leaves doubt behind."""
    for sale in sales:
        x = sale.opening_offer
        fits = [r for r in sale.reservations if sale.opening_low * r <= x <= sale.opening_high * r]
        assert 2 <= len(fits) <= 3, sale.learner
        edges = [
            band * r for r in sale.reservations for band in (sale.opening_low, sale.opening_high)
        ]
        assert min(abs(x - edge) for edge in edges) >= EDGE, sale.learner
        assert all(r > x for r in fits)  # the opening is below every price it fits


def best_price(beliefs, cost):
    return max(profits(beliefs, cost).items(), key=lambda item: item[1])[0]


def test_the_news_is_one_of_the_cases_facts_and_moves_the_price(sales):
    """Question 3: two facts of this case (Osprey, a food firm buying a machine): one that
    points a way and, read with moderate weight (each price ``MODERATE_STEP`` times as
    likely as the next), moves the best price after the opening and leaves no tie, and
    another that points nowhere or, for about half of learners, the same way (review 72
    X4: one was noise for everyone): the news is a shift in leverage the learner can see
    and price, for every learner. News that raises Osprey's reservation price (the lead
    case: a deadline, a need) comes to a good share of learners, not one in eight."""
    kinds, pairs = Counter(), Counter()
    for sale in sales:
        items = sorted(scenario.news_of(sale), key=lambda item: item._direction == "neither")
        assert items[0]._direction != "neither", sale.learner
        assert items[1]._direction in ("neither", items[0]._direction), sale.learner
        pairs[items[1]._direction == "neither"] += 1
        for item in items:
            assert "Osprey" in item.text and "Kestrel" not in item.text
        moving = items[0]
        kinds[moving._direction] += 1
        after = posterior(sale)
        sign = 1 if moving._direction == "higher" else -1
        weights = {r: after[r] * MODERATE_STEP ** (sign * i) for i, r in enumerate(sorted(after))}
        now = {r: w / sum(weights.values()) for r, w in weights.items()}
        assert best_price(now, sale.cost) != best_price(after, sale.cost), sale.learner
        ranked = sorted(profits(now, sale.cost).values(), reverse=True)
        assert ranked[0] - ranked[1] >= TIE, sale.learner
        assert ranked[0] - ranked[1] >= TIE_SHARE * ranked[0], sale.learner
    # about 29% since the expected reservation price must lie off the best price before
    # the opening (35% before): still a good share
    assert 0.25 < kinds["higher"] / len(sales) < 0.7, kinds
    assert 0.4 < pairs[True] / len(sales) < 0.6, pairs
    assert {sale.news[0] == scenario.news_of(sale)[0].key for sale in sales} == {True}


def test_wrens_offers_are_a_fixed_share_buyer_and_a_real_decision(sales):
    """Question 4: three whole-euro offers, rising by shrinking steps, read back exactly;
    never half the gap (where 'one more step of the same size' happens to be right); the
    cost above every offer and clear of the reservation price; both decisions occur."""
    keep, prices = 0, Counter()
    for sale in sales:
        first, second, third = sale.wren_offers
        assert all(float(offer).is_integer() for offer in sale.wren_offers)
        step1, step2 = second - first, third - second
        assert step1 > step2 > 0
        share = Fraction(int(step1 - step2), int(step1))
        assert share != Fraction(1, 2), sale.learner
        reservation = Fraction(int(first)) + Fraction(int(step1)) / share
        assert reservation.denominator == 1 and 20_000 <= reservation <= 40_000
        assert first >= reservation / 2  # a plausible opening for a buyer
        assert abs(third + step2 - reservation) >= WREN_GAP, sale.learner
        assert sale.wren_cost > third and abs(sale.wren_cost - reservation) >= WREN_GAP
        keep += sale.wren_cost < reservation
        # what to do with Wren (review 66 X1; the check's message since review 78 X1):
        # name its reservation price, or None
        answer = scenario.price_to_name(sale.wren_offers, sale.wren_cost)
        assert scenario.reservation_from_concessions(sale.wren_offers)[1] == reservation
        if sale.wren_cost < reservation:
            assert answer == reservation, sale.learner
            prices[reservation] += 1
        else:
            assert answer is None, sale.learner
    # naming a price and walking away must each be the right decision for many learners
    assert 0.4 < keep / len(sales) < 0.6, keep
    # and the price to name varies: no one price for more than a tenth of them
    assert len(prices) >= 10 and max(prices.values()) < 0.1 * keep, prices.most_common(3)


def test_the_best_price_is_never_a_coin_toss(sales):
    """Question 5: the best price before and after the opening beats the runner-up by at
    least ``TIE`` and makes a profit; the opening changes the price for some learners and
    not for others, so 'changed' cannot be guessed."""
    changed = 0
    for sale in sales:
        for beliefs in (sale.prior_beliefs(), posterior(sale)):
            ranked = sorted(profits(beliefs, sale.cost).values(), reverse=True)
            assert ranked[0] > 0 and ranked[0] - ranked[1] >= TIE, sale.learner
            assert ranked[0] - ranked[1] >= TIE_SHARE * ranked[0], sale.learner
        before, after = (
            max(profits(b, sale.cost).items(), key=lambda item: item[1])[0]
            for b in (sale.prior_beliefs(), posterior(sale))
        )
        changed += before != after
        # naming the most likely reservation price (a wrong rule) fails somewhere visibly
        likeliest = [
            best_price(b, sale.cost) in [r for r in b if b[r] >= max(b.values()) - 1e-12]
            for b in (sale.prior_beliefs(), posterior(sale))
        ]
        assert not all(likeliest), sale.learner
        # counting a buyer at exactly its reservation price as refusing (r > p, a slip)
        # fails somewhere visibly too
        slipped = [
            {p: (p - sale.cost) * sum(c for r, c in b.items() if r > p) for p in b}
            for b in (sale.prior_beliefs(), posterior(sale))
        ]
        assert any(
            profit[best] < max(profit.values()) - 1.0
            for profit, best in zip(slipped, (before, after), strict=True)
        ), sale.learner
    assert 0.1 < changed / len(sales) < 0.9


def test_the_seller_who_needs_cash_always_has_a_surer_price_that_earns(sales):
    """Question 6's `friday-cash`: its one right action, 'ask below it', needs a possible
    reservation price strictly between the cost and the model's price. Without one (about 7% of
    draws before the rule) any lower ask sells no more surely, or sells below cost, and the
    right answer was marked wrong. Review 70 X5: an opening that raises the model's price rules
    out every price below it, so those learners (about a third) have no surer price and meet
    neither `friday-cash` nor `payroll`; every learner who meets one has a surer price."""
    cash = ("friday-cash", "payroll")
    without = 0
    for sale in sales:
        after = posterior(sale)
        best = best_price(after, sale.cost)
        surer = any(c > 0 and sale.cost < r < best for r, c in after.items())
        without += not surer
        assert surer or not set(cash) & set(sale.situations), sale.learner
    assert 0.25 < without / len(sales) < 0.45


def test_the_rivals_cap_shifts_the_price_and_is_never_a_coin_toss(sales):
    """Question 5's news that changes: the cap is a whole thousand above the cost and the
    lowest reservation price the opening leaves, below the highest; under it the best price moves, beats the
    runner-up by ``TIE``; asking the cap itself is right for some learners and wrong for
    others, and on every learner's own case asking the cap or dropping the values above it
    (two slips) fails. Review 70 X5: where the opening raised the price to the lowest price
    still possible, no cap above that price can lower it; there the price stays under the
    cap, clear of a tie, and asking the cap is the slip that fails."""
    at_cap = stays = 0
    for sale in sales:
        after = posterior(sale)
        alive = [r for r, c in after.items() if c > 0]
        assert max(sale.cost, min(alive)) < sale.rival_cap < max(alive), sale.learner
        assert sale.rival_cap % 1_000 == 0
        capped = {}
        for r, c in after.items():
            capped[min(r, sale.rival_cap)] = capped.get(min(r, sale.rival_cap), 0) + c
        ranked = sorted(profits(capped, sale.cost).items(), key=lambda i: i[1], reverse=True)
        assert ranked[0][1] - ranked[1][1] >= TIE, sale.learner
        assert ranked[0][1] - max(ranked[1][1], 0) >= TIE_SHARE * ranked[0][1], sale.learner
        if best_price(after, sale.cost) == min(alive):
            stays += 1
            assert ranked[0][0] == min(alive) != sale.rival_cap, sale.learner
            continue
        assert ranked[0][0] != best_price(after, sale.cost), sale.learner
        kept = {r: c for r, c in after.items() if r <= sale.rival_cap and c > 0}
        dropped = best_price(kept, sale.cost) if kept else None
        assert ranked[0][0] != sale.rival_cap or dropped != ranked[0][0], sale.learner
        at_cap += ranked[0][0] == sale.rival_cap
    assert 0.3 < at_cap / (len(sales) - stays) < 0.9
    assert 0.25 < stays / len(sales) < 0.45, stays


def worth_of_knowing(cost, low, high):
    """Perfect information's worth for a reservation price uniform on [low, high], on a
    fine grid of prices and of reservation prices (not the library's closed form)."""
    values = np.linspace(low, high, 4001)
    informed = np.maximum(values - cost, 0).mean()
    prices = np.linspace(low, high, 4001)
    accepts = (high - prices) / (high - low)
    return informed - max(0.0, float(np.max((prices - cost) * accepts)))


def test_the_explorer_settings_compare_one_thing_each(sales):
    """Question 7: "A" and "B" share a cost and a middle and differ in width; "C" and "D"
    differ in cost and in range (review 103 X4: they shared the range, and the lower cost
    always won); whole numbers on the explorer's sliders; each pair differs clearly in
    worth; the letters vary, and the numbers decide which of each pair wins."""
    wide_first = low_first = wide_wins = low_wins = 0
    for sale in sales[:400]:
        cases = sale.explorer_cases
        assert sorted(cases) == ["A", "B", "C", "D"]
        for cost, low, high in cases.values():
            assert all(float(x).is_integer() and 0 <= x <= 200 for x in (cost, low, high))
            assert low < high
        (ca, la, ha), (cb, lb, hb) = cases["A"], cases["B"]
        # review 102 X4 (round 102): A and B share the cost and the highest price, and only
        # the lowest moves (they shared the middle, and the wider range always won)
        assert ca == cb and ha == hb and la != lb
        (cc, lc, hc), (cd, ld, hd) = cases["C"], cases["D"]
        assert (lc, hc) != (ld, hd) and cc != cd  # review 103 X4
        wide, narrow = ("A", "B") if ha - la > hb - lb else ("B", "A")
        low_cost, high_cost = ("C", "D") if cc < cd else ("D", "C")
        worth = {k: worth_of_knowing(*cases[k]) for k in cases}
        assert abs(worth[wide] - worth[narrow]) >= EXPLORER_GAP, sale.learner
        assert abs(worth[low_cost] - worth[high_cost]) >= EXPLORER_GAP, sale.learner
        wide_first += wide == "A"
        low_first += low_cost == "C"
        wide_wins += worth[wide] > worth[narrow]
        low_wins += worth[low_cost] > worth[high_cost]
    assert 0.3 < wide_first / 400 < 0.7 and 0.3 < low_first / 400 < 0.7
    assert 0.3 < wide_wins / 400 < 0.7, wide_wins  # the numbers decide, not a rule
    assert 0.3 < low_wins / 400 < 0.7, low_wins  # review 103 X4: C and D too


def test_information_is_worth_a_decision(sales):
    """Question 8: perfect information is worth something after the opening and moves
    across it; the report is worth something, less than perfect information; the fee is
    plausible (no floor, within half the worth either way) and not within a tenth of the
    worth; every answer occurs across learners."""
    rose = bought = 0
    for sale in sales:
        after = posterior(sale)
        before_value, after_value = evpi(sale.prior_beliefs(), sale.cost), evpi(after, sale.cost)
        worth = report_worth(after, sale.cost, sale.report_accuracy)
        assert after_value >= PERFECT_AT_LEAST, sale.learner
        assert abs(after_value - before_value) >= MOVE_AT_LEAST, sale.learner
        assert REPORT_AT_LEAST <= worth <= after_value, sale.learner
        assert sale.report_fee >= 300 and sale.report_fee % 100 == 0
        assert 0.4 * worth <= sale.report_fee <= 1.6 * worth, sale.learner
        assert abs(sale.report_fee - worth) >= max(100, 0.1 * worth), sale.learner
        rose += after_value > before_value
        bought += worth > sale.report_fee
    assert 0.05 < rose / len(sales) < 0.95 and 0.2 < bought / len(sales) < 0.8


def test_the_moves_to_judge_cover_every_label(sales):
    """Question 9: five disclosures (some to share, some to keep) and five tactics with each of
    module 00's four kinds, no tactic drawn for every learner but the true alternative said
    calmly, the story's one mention of the other food firm (review 72 X4), all from this
    case's lists. Three
    disclosures, two of them the same for everyone, left one free item to settle by a rerun; now
    the others vary, and the final deadline that binds both (section 6, Moore) and a weak
    alternative are among them."""
    keys = {move.key: move._label for move in (*scenario._DISCLOSURES, *scenario._TACTICS)}
    seen, combos = set(), set()
    always = {move.key for move in scenario._TACTICS}
    for sale in sales:
        assert len(sale.disclosures) == 5 and len(sale.tactics) == 5
        seen.update(sale.disclosures)
        combos.add(sale.disclosures)
        always.intersection_update(sale.tactics)
        assert {keys[k] for k in sale.disclosures} == {"share", "keep"}
        assert {keys[k] for k in sale.tactics} == {
            "legitimate",
            "bluff",
            "misrepresentation",
            "illegitimate",
        }
    assert seen == {move.key for move in scenario._DISCLOSURES}
    assert len(combos) > 30
    # review 72 X4: the true alternative, calm and as an ultimatum, was drawn for everyone;
    # only the calm one still is (the story's one mention of the other food firm)
    assert always == {"true-rival"}, always


def test_every_label_of_question_9_is_carried_by_a_move_that_accepts_it_alone(sales):
    """Question 9 tells a bluff from a misrepresentation (and share from keep, illegitimate
    from misrepresentation) for every learner: each label of a list is the only label
    accepted for at least one of the learner's moves. Review 72 X1: the ultimatum (a bluff
    or a misrepresentation) was the only bluff for four learners in five, so calling every
    untrue statement a misrepresentation earned full marks for 32 learners in 40; a
    learner answering 'keep' to every disclosure passed for 7 in 40."""
    moves = {move.key: move for move in (*scenario._DISCLOSURES, *scenario._TACTICS)}
    lumped = Counter()
    for sale in sales:
        for keys in (sale.disclosures, sale.tactics):
            alone = {moves[k]._label for k in keys if not moves[k]._also}
            assert alone == {moves[k]._label for k in keys}, sale.learner
            for merged, into in (
                ("bluff", "misrepresentation"),
                ("illegitimate", "misrepresentation"),
                ("share", "keep"),
                ("keep", "share"),
            ):
                said = {k: into if moves[k]._label == merged else moves[k]._label for k in keys}
                if any(moves[k]._label == merged for k in keys) and all(
                    label == moves[k]._label or label in moves[k]._also for k, label in said.items()
                ):
                    lumped[merged] += 1
    assert not lumped, lumped


def test_every_story_hangs_together(sales):
    """Amounts in euros; one buyer (Osprey), no name from another module's case; plausible
    numbers: the cost is below the highest reservation price, the accuracy beats chance."""
    for sale in sales[:300]:
        story = sale.story()
        assert "Kestrel" not in story and "Osprey" in story
        amounts = re.findall(r"(?<![\w%.,])\d{1,3}(?:,\d{3})+(?![\d%])", story)
        assert all(f"€{amount}" in story for amount in amounts), sale.learner
        assert 0 < sale.cost < max(sale.reservations)
        assert 0.25 < sale.report_accuracy < 1
        # an invented rival offer would be above every price Osprey might pay, not below
        assert max(sale.reservations) < sale.rival_offer <= max(sale.reservations) + 10_000
        assert all("{" not in move.text for move in scenario.moves_of(sale))
        # the news and the rival's discount come before the one final price, not after it
        assert story.count("before you name your final price") == 2 and "later" not in story
    # every piece of news names a source open to the learner
    sources = ("trade press", "public register", "buyer tells you", "annual report", "paper")
    for item in scenario._NEWS:
        assert any(source in item.text for source in sources), item.key
    texts = [m.text for m in (*scenario._DISCLOSURES, *scenario._TACTICS)] + [
        n.text for n in scenario._NEWS
    ]
    assert not any("Kestrel" in text or "bakery" in text for text in texts)
    assert not any(re.search(r"\ba O", text) for text in texts)


def test_the_generator_rejects_what_the_invariants_forbid():
    """The rules the generator enforces are the rules above, and it needs few redraws."""
    rising = [who for who in LEARNERS[:300] if scenario.meets_good_news(who)]
    others = [who for who in LEARNERS[:300] if who not in rising]
    # each rising learner's count judges about 3,300 draws by every rule: 30 of them
    # tell the same story at a third of the time (review 70 X5's speed follow-up)
    rising = rising[:30]
    counts = scenario.rejection_counts(others)
    # about 207 a learner since the expected reservation price must lie off the best price
    # before the opening (about 123 before; about 71 before the tie margin became relative):
    # the opening, the news (drawn up more often than down, since news that points up
    # moves the price less often), the price and tie rules cost most; the generator allows
    # DRAWS, far more than any learner needs
    assert counts["draws"] < 240 * len(others)
    assert scenario.DRAWS >= 20 * 240
    # review 70 X5: an opening that raises the price passes about one draw in 2,000 (the
    # news must still move it and the most likely price must not be best); RISING_DRAWS
    # allows far more
    raised = scenario.rejection_counts(rising)
    assert raised["draws"] < 4_000 * len(rising)
    assert scenario.RISING_DRAWS >= 20 * 4_000
    assert raised["opening does not raise the price"] and not raised["no surer price earns"]
    every = {*counts, *raised} - {"draws"}
    assert all(problem in scenario.problems.__doc__ for problem in every)


def test_a_kept_sale_is_the_one_drawn_and_a_changed_rule_draws_again(monkeypatch):
    """Review 70 X5 gave a third of learners ten times the redraws, and every check and test
    draws the same learners again and again; ``machine_sale`` now keeps what it drew. The
    kept sale is the one a fresh draw gives (the counted draw keeps nothing), the generator
    ends where the draw left it, a caller's change to the sale does not reach the next
    caller, and a changed rule draws again."""
    from course.scenarios.base import NoFairDraw
    from course.variants import rng_for

    module = "01_information"
    rising = next(f"kept-{n}" for n in range(60) if scenario.meets_good_news(f"kept-{n}"))
    steady = next(f"kept-{n}" for n in range(60) if not scenario.meets_good_news(f"kept-{n}"))
    scenario._DRAWN.clear()
    for learner in (rising, steady):
        rngs = [rng_for(module, learner) for _ in range(3)]
        first, again = (scenario.machine_sale(rng, learner) for rng in rngs[:2])
        fresh = scenario.machine_sale(rngs[2], learner, Counter())
        assert first == again == fresh
        assert rngs[0].getstate() == rngs[1].getstate() == rngs[2].getstate()
        again.explorer_cases.clear()
        assert scenario.machine_sale(rng_for(module, learner), learner).explorer_cases
    assert len(scenario._DRAWN) == 2
    monkeypatch.setattr(scenario, "_opening_problems", lambda **numbers: ["broken"])
    with pytest.raises(NoFairDraw):
        scenario.machine_sale(rng_for(module, steady), steady)


# --- three formulations of every graded question ---------------------------------------


def likelihood_strict_numpy(sale):
    """Strict inequalities, and 1/r: the density up to a factor (only ratios matter)."""
    r = np.array(sale.reservations)
    fits = (sale.opening_low * r < sale.opening_offer) & (
        sale.opening_offer < sale.opening_high * r
    )
    return dict(zip(sale.reservations, np.where(fits, 1 / r, 0.0), strict=True))


def likelihood_fractions(sale):
    low, high = Fraction(str(sale.opening_low)), Fraction(str(sale.opening_high))
    x = Fraction(sale.opening_offer)
    return {
        r: (1 / ((high - low) * Fraction(r)) if low * r <= x <= high * r else Fraction(0))
        for r in sale.reservations
    }


def bayes_by_hand(sale, likelihood):
    weights = {r: p * likelihood[r] for r, p in sale.prior_beliefs().items()}
    total = sum(weights.values())
    beliefs = {r: w / total for r, w in weights.items()}
    sure = sorted(r for r, p in beliefs.items() if p)[0]
    return beliefs, sum(r * p for r, p in beliefs.items()), sure


def bayes_numpy(sale, likelihood):
    r = np.array(sale.reservations)
    w = np.array(sale.prior) * np.array([likelihood[v] for v in sale.reservations])
    w = w / w.sum()
    return dict(zip(sale.reservations, w, strict=True)), float(w @ r), r[w > 0].min()


NEWS_SIGN = {
    "launch": 1,
    "inspection": 1,
    "rival-quote": -1,
    "lost-customer": -1,
    "practice-penalty": 1,
    "practice-spare-line": -1,
}


def news_as_power(sale, key):
    sign = NEWS_SIGN.get(key, 0)
    return {r: (r / max(sale.reservations)) ** (3 * sign) for r in sale.reservations}


def news_as_steps(sale, key):
    sign = NEWS_SIGN.get(key, 0)
    middle = sorted(sale.reservations)[1]
    return {r: 0.5 + 0.25 * sign * ((r > middle) - (r < middle)) for r in sale.reservations}


def reservation_by_series(offers):
    first, second, third = offers
    step1, step2 = second - first, third - second
    reservation = third + step2 * step2 / (step1 - step2)  # the steps still to come, summed
    return step1 / (reservation - first), reservation  # the share: the first step's part


def reservation_by_solving(offers):
    # f (r − x1) = x2 − x1 and f (r − x2) = x3 − x2: solve for r, then f, exactly
    first, second, third = (Fraction(o).limit_denominator(100) for o in offers)
    reservation = (second * second - first * third) / (2 * second - first - third)
    return (second - first) / (reservation - first), reservation


def price_cumulative(sale, after, reading):
    def best(beliefs):
        prices = sorted(beliefs, reverse=True)
        accepted = np.cumsum([beliefs[p] for p in prices])
        return prices[int(np.argmax((np.array(prices) - sale.cost) * accepted))]

    before, now = best(sale.prior_beliefs()), best(after)
    # the news in one step: the product of the likelihoods, unscaled (only ratios matter)
    weights = {v: after[v] * np.prod([reading[k][v] for k in reading]) for v in after}
    r = np.minimum(np.array(sale.reservations), sale.rival_cap)  # values under the cap
    chances = np.array([after[v] for v in sale.reservations])
    capped = {float(v): float(chances[r == v].sum()) for v in np.unique(r)}
    return before, now, best(weights), best(capped)


def price_grid(sale, after, reading):
    """Every price from the cost to the top in steps of 1,000 (every reservation price and
    every cost is a whole thousand), not just the reservation prices."""

    def best(beliefs):
        top = max(beliefs)
        grid = np.arange(sale.cost, top + 1_000, 1_000.0)
        return max(
            grid, key=lambda p: (p - sale.cost) * sum(c for r, c in beliefs.items() if r >= p)
        )

    def capped_best():
        """Under the cap, a buyer accepts p when min(r, cap) >= p: the grid stops at the cap."""
        grid = np.arange(sale.cost, sale.rival_cap + 1_000, 1_000.0)
        return max(
            grid,
            key=lambda p: (
                (p - sale.cost) * sum(c for r, c in after.items() if min(r, sale.rival_cap) >= p)
            ),
        )

    news = dict(after)
    for key in sale.news:  # one piece of news at a time, rescaled each time
        news = {v: news[v] * reading[key][v] for v in news}
        news = {v: w / sum(news.values()) for v, w in news.items()}
    return best(sale.prior_beliefs()), best(after), best(news), capped_best()


def report_by_posteriors(sale, after):
    def best(beliefs):
        return max(
            [0.0]
            + [(p - sale.cost) * sum(c for r, c in beliefs.items() if r >= p) for p in beliefs]
        )

    def perfect(beliefs):
        return sum(c * max(r - sale.cost, 0) for r, c in beliefs.items()) - best(beliefs)

    q, n = sale.report_accuracy, len(sale.reservations)
    value = 0.0
    for named in sale.reservations:
        likelihood = {r: q if r == named else (1 - q) / (n - 1) for r in after}
        chance = sum(likelihood[r] * after[r] for r in after)
        posterior_ = {r: likelihood[r] * after[r] / chance for r in after}
        value += chance * best(posterior_)
    worth = value - best(after)
    return perfect(sale.prior_beliefs()), perfect(after), worth, worth > sale.report_fee


def report_by_matrix(sale, after):
    r = np.array(sale.reservations)
    q, n = sale.report_accuracy, len(r)
    accepts = (r[None, :] >= r[:, None]).astype(float)  # accepts[i, j]: price r_i, value r_j
    margin = (r - sale.cost)[:, None]

    def best(weights):
        return max(0.0, float(np.max(margin[:, 0] * (accepts @ weights))))

    prior, post = np.array(sale.prior), np.array([after[v] for v in sale.reservations])
    likelihood = np.where(np.eye(n, dtype=bool), q, (1 - q) / (n - 1))  # [report, value]
    worth = sum(best(likelihood[s] * post) for s in range(n)) - best(post)
    informed = lambda w: float(w @ np.maximum(r - sale.cost, 0))  # noqa: E731
    return (
        informed(prior) - best(prior),
        informed(post) - best(post),
        worth,
        np.bool_(worth > sale.report_fee),
    )


def hire_by_numpy(sale, after):
    """Each answer's worth with arrays: the profit of every price under the beliefs a yes
    and a no leave (unscaled), the best of each, and their sum less the blind best."""
    values = np.array(sorted(after))
    chances = np.array([after[v] for v in values])

    def best(weights):
        accepted = weights[::-1].cumsum()[::-1]
        return max(0.0, float(np.max((values - sale.cost) * accepted)))

    nets = {}
    for name, amount, fee in sale.firms:
        yes = np.where(values >= amount, chances, 0.0)
        nets[name] = best(yes) + best(chances - yes) - best(chances) - fee
    name = max(nets, key=nets.get)
    return np.str_(name) if nets[name] > 0 else "Neither"


def hire_by_conditionals(sale, after):
    """Each answer's chance times the best profit against the beliefs it leaves, rescaled
    (the textbook way), in exact fractions; the firm's name in lower case."""
    beliefs = {Fraction(r).limit_denominator(): Fraction(c) for r, c in after.items()}
    cost = Fraction(sale.cost)

    def best(given):
        return max(
            [Fraction(0)] + [(p - cost) * sum(c for r, c in given.items() if r >= p) for p in given]
        )

    blind = best(beliefs)
    pick, most = "neither", Fraction(0)
    for name, amount, fee in sale.firms:
        worth = -blind
        for yes in (True, False):
            side = {r: c for r, c in beliefs.items() if (r >= amount) == yes}
            chance = sum(side.values())
            if chance > 0:
                given = {r: c / chance for r, c in side.items()}
                worth += chance * best(given)
        if worth - Fraction(fee) > most:
            pick, most = name.lower(), worth - Fraction(fee)
    return pick


LABELS = {
    "share": {"deposit", "fast-delivery", "reference", "final-deadline", "practice-spare-parts"},
    "keep": {
        "lowest-price",
        "empty-order-book",
        "what-you-know",
        "friday-deadline",
        "weak-alternative",
        "practice-overdraft",
    },
    "legitimate": {
        "annual-report",
        "ask-timing",
        "price-survey",
        "true-rival",
        "practice-trade-fair",
    },
    "bluff": {
        "hard-for-us",
        "as-low-as-we-go",
        "fair-price",
        "rival-ultimatum",
        "practice-payment-terms",
    },
    "misrepresentation": {"invented-rival", "steel-costs", "hidden-fault", "practice-list-price"},
    "illegitimate source": {"ex-manager", "pretext-call", "gift-engineer", "practice-password"},
}


def fair_play_by_sets(sale):
    return {
        key: label
        for label, keys in LABELS.items()
        for key in keys
        if key in sale.disclosures or key in sale.tactics
    }


def fair_play_shouting(sale):
    return {key: label.upper() + " " for key, label in fair_play_by_sets(sale).items()}


def limits_by_assumption(sale, after):
    """Grouped by the assumption broken, as lists, in capitals with stray spaces; the
    prices from the expected profit of every possible price, in Fractions."""
    chances = {Fraction(r): Fraction(c) for r, c in after.items()}
    cost = Fraction(sale.cost)
    profit = {p: (p - cost) * sum(c for r, c in chances.items() if r >= p) for p in chances}
    model = max(profit, key=profit.get)
    alive = sorted(r for r, c in chances.items() if c > 0)
    # (none on `cut-case`, which asks only `staged-opening`)
    surer = ([None] + [r for r in alive if cost < r < model])[-1]
    broken = {
        "Honest-Opening ": ["staged-opening", "counter-offer"],
        " risk-neutral": ["friday-cash"],
        "accepts-any": ["fair-share"],
        "None": ["one-price", "first-number"],
    }
    # staged: drop only what a shaded opening still rules out (r·b below the offer), in
    # Fractions, and ask the best price against what is left (only that price passes, not any
    # price above the model's)
    prior = {Fraction(r): Fraction(c) for r, c in sale.prior_beliefs().items()}
    bottom = Fraction(sale.opening_offer) / Fraction(sale.opening_high)
    kept = {r: c for r, c in prior.items() if not r < bottom}
    shaded = {p: (p - cost) * sum(c for r, c in kept.items() if r >= p) for p in kept}
    honest = max(shaded, key=shaded.get)
    staged = honest
    # fair: a quarter of the gain left to the buyer at the nearest possible price above,
    # trying the possible prices from the model's down
    floor, fair = max(cost, Fraction(sale.opening_offer)), None
    for r in reversed([r for r in alive if cost < r <= model]):
        fair = r - (r - cost) / 4
        if fair > max([floor, *(q for q in alive if q < r)]):
            break
    price = {
        "staged-opening": staged,
        # a plan (review s61 X1): open at the highest possible price (the ceiling since review
        # s62 C1), beyond the estimate; the target seven tenths of the way to it (it went
        # four fifths there until session 75 capped every target at three quarters), or
        # `sure` where that is higher (review 77 X1: a target below it fails)
        "counter-offer": [
            alive[-1],
            max(cost + (sum(r * c for r, c in chances.items()) - cost) * Fraction(7, 10), alive[0]),
        ],
        "friday-cash": surer,
        "fair-share": fair,
        "one-price": model,
        "first-number": model,
    }
    answer = {key: [a, price[key]] for a, keys in broken.items() for key in keys}
    answer["counter-offer"][0] = "FINAL-OFFER"
    # the situations drawn for some learners only, and the practice ones, by their kind
    for key, like in (
        ("board-rounds", "counter-offer"),
        ("practice-come-back", "counter-offer"),
        ("payroll", "friday-cash"),
        ("practice-lease", "friday-cash"),
        ("practice-whole-gain", "fair-share"),
        ("practice-colleague", "one-price"),
    ):
        answer[key] = list(answer[like])
    return answer


def limits_by_rule(sale, after):
    """Written as the rule: move off the model's price the way the broken promise points,
    to the next possible price either way (numpy for the sums)."""
    values = np.array(sorted(after))
    chances = np.array([after[v] for v in values])
    accepted = chances[::-1].cumsum()[::-1]
    model = values[np.argmax((values - sale.cost) * accepted)]
    alive = values[(chances > 0) & (values > sale.cost) & (values < model)]
    # an opening (a refusal brings a counter-offer): the estimate of the buyer's reservation
    # price rounded up to the euro, or the model's price where that is higher (review 69 X1),
    # never above the highest price still possible (review s62 C1: this opened half a step
    # above the higher of the model's price and the estimate)
    way = {"honest-opening": "above", "final-offer": "open", "risk-neutral": "below"}
    way["accepts-any"] = "below"
    step = {
        "open": float(
            min(max(np.ceil((values * chances).sum()), model), values[chances > 0].max())
        ),
        "above": min(r for r in sale.reservations if r > model),
        "below": alive.max() if alive.size else None,
        None: model,
    }
    # staged: the prior with zero weight where the top of the band lies below the offer
    prior = np.array([sale.prior_beliefs()[v] for v in values])
    weights = prior * (values * sale.opening_high >= sale.opening_offer)
    accepted_staged = weights[::-1].cumsum()[::-1]
    step["staged"] = values[np.argmax((values - sale.cost) * accepted_staged)]
    way["honest-opening"] = "staged"
    cases = {
        "staged-opening": "honest-opening",
        "counter-offer": "final-offer",
        "friday-cash": "risk-neutral",
        "fair-share": "accepts-any",
        "one-price": "none",
        "first-number": "none",
        "board-rounds": "final-offer",
        "practice-come-back": "final-offer",
        "payroll": "risk-neutral",
        "practice-lease": "risk-neutral",
        "practice-whole-gain": "accepts-any",
        "practice-colleague": "none",
    }
    # a plan: that opening, and a target 60% of the way from the cost to the estimate, or
    # `sure` where that is higher (review 77 X1)
    estimate = (values * chances).sum()
    sure = float(values[chances > 0].min())
    step["open"] = (step["open"], max(sale.cost + 0.6 * (estimate - sale.cost), sure))
    answer = {key: (a, step[way.get(a)]) for key, a in cases.items()}
    # fair: 30% of the gain left to the buyer at the lowest possible price that allows it
    floor = max(sale.cost, sale.opening_offer)
    live = values[chances > 0]
    for r in live[(live > sale.cost) & (live <= model)]:
        fair = r - 0.3 * (r - sale.cost)
        if fair > max([floor, *live[live < r]]):
            break
    answer["fair-share"] = answer["practice-whole-gain"] = ("accepts-any", float(fair))
    return answer


def holds_by_powers(sale, after):
    """Written as one formula: after n holds the weights are after(r) / r^n (the 0.2 and
    the offer cancel in Bayes' rule), in Fractions; the count as a float."""
    chances = {Fraction(r): Fraction(c) for r, c in after.items()}
    cost = Fraction(sale.cost)

    def best(weights):
        profit = {p: (p - cost) * sum(w for r, w in weights.items() if r >= p) for p in weights}
        return max(profit, key=profit.get)

    now = best(chances)
    for n in range(1, scenario.MOST_HOLDS + 1):
        if best({r: c / r**n for r, c in chances.items()}) != now:
            return float(n)
    return None


def holds_by_numpy(sale, after):
    """Updated hold by hold with numpy, the hold's chance as the updater's model writes it
    (zero below the offer), the best price by cumulative sums from the top."""
    values = np.array(sorted(after))
    beliefs = np.array([after[v] for v in values])
    x = sale.opening_offer

    def best(weights):
        accepted = weights[::-1].cumsum()[::-1]
        return values[np.argmax((values - sale.cost) * accepted)]

    now = best(beliefs)
    for n in range(1, scenario.MOST_HOLDS + 1):
        beliefs = beliefs * np.where(values >= x, 0.2 * x / values, 0.0)
        beliefs = beliefs / beliefs.sum()
        if best(beliefs) != now:
            return np.int64(n)
    return None


def weight_by_bisection(sale, after, direction):
    """Bisection on the factor with numpy, then the twentieth at or above it (a Decimal
    string, as a learner might return it rounded)."""
    sign = 1 if direction == "higher" else -1
    values = np.array(sorted(after))
    chances = np.array([after[v] for v in values])

    def best(weights):
        accepted = weights[::-1].cumsum()[::-1]
        return values[np.argmax((values - sale.cost) * accepted)]

    def moves(factor):
        weights = chances * factor ** (sign * np.arange(len(values)))
        return best(weights / weights.sum()) != best(chances)

    if not moves(10.0):
        return None
    low, high = 1.0, 10.0
    while high - low > 1e-10:
        middle = (low + high) / 2
        low, high = (low, middle) if moves(middle) else (middle, high)
    return float(f"{math.ceil(high * 20 - 1e-7) / 20:.2f}")


def weight_by_steps(sale, after, direction):
    """Each factor in turn from 1.05, the reading built as ratios to the next price."""
    ranked = sorted(after, reverse=direction == "lower")
    before = best_price(after, sale.cost)
    for k in range(21, 201):
        weights, w = {}, 1.0
        for r in ranked:
            weights[r] = after[r] * w
            w *= k / 20
        total = sum(weights.values())
        if best_price({r: x / total for r, x in weights.items()}, sale.cost) != before:
            return k / 20
    return None


ALTERNATIVES = {
    "opening_likelihood": (likelihood_strict_numpy, likelihood_fractions),
    "belief_after_opening": (bayes_by_hand, bayes_numpy),
    "news_likelihood": (news_as_power, news_as_steps),
    "reservation_from_concessions": (reservation_by_series, reservation_by_solving),
    "my_price": (price_cumulative, price_grid),
    "holds_before_moving": (holds_by_powers, holds_by_numpy),
    "model_limits": (limits_by_assumption, limits_by_rule),
    "information_pays": (hire_by_numpy, hire_by_conditionals),
    "report_decision": (report_by_posteriors, report_by_matrix),
    "fair_play": (fair_play_by_sets, fair_play_shouting),
}


@pytest.fixture(scope="module")
def formulations():
    """Each graded question's three formulations: the notebook's solution, then two more."""
    with learner_as("sweep-0"):
        solutions = solution_namespace(MODULE, "information")
    return {q: (solutions[q], *alternatives) for q, alternatives in ALTERNATIVES.items()}


@pytest.fixture
def quick_checks(monkeypatch, sales):
    """The checks as they decide, without what costs time and decides nothing: each
    scenario is drawn once per learner (drawing is deterministic); the learner's function
    is called directly, and its value arrives as plain Python, as ``call_learner`` gives
    it (numpy's numbers as float and bool, arrays as lists), without the encoding,
    argument copies and transcripts that tests/test_plaindata.py and tests/test_judge.py
    cover; passes are not written to a progress record."""

    _DRAWN.update(zip(LEARNERS, sales, strict=True))

    def cached(module, learner=None):
        return drawn(learner or learner_id())

    def call_learner(function, *arguments, name=None):
        return plain(function(*arguments))

    monkeypatch.setattr(check, "variant", cached)
    monkeypatch.setattr(check, "call_learner", call_learner)
    monkeypatch.setattr(hints, "record_pass", lambda module, question: None)


def plain(value):
    """``value`` with numpy's numbers and arrays as Python's, as plain data decodes them."""
    if isinstance(value, np.ndarray | np.generic):
        return value.tolist()
    if isinstance(value, dict):
        return {plain(key): plain(item) for key, item in value.items()}
    if isinstance(value, tuple | list):
        return type(value)(plain(item) for item in value)
    return value


def test_plain_is_what_plain_data_gives():
    value = {np.float64(1.5): (np.bool_(True), np.arange(2), [Fraction(1, 3)], "x")}
    assert plain(value) == plaindata.decode(plaindata.encode(value))


def passes(question, answer, hidden):
    """Whether ``answer`` passes the question's check: every point of a scored question."""
    credit = getattr(check, question)(answer, hidden=hidden)
    return credit is None or credit.earned == credit.possible


def test_every_formulation_passes_every_learners_checks(formulations, quick_checks, capsys):
    failures = []
    for learner in LEARNERS:
        with learner_as(learner):
            for question, answers in formulations.items():
                for number, answer in enumerate(answers):
                    for hidden in (False, True) if learner in HIDDEN_SWEEP else (False,):
                        try:
                            ok = passes(question, answer, hidden)
                        except AssertionError as error:
                            ok, why = False, str(error)
                        else:
                            why = "partial credit"
                        if not ok:
                            failures.append((learner, question, number, hidden, why[:200]))
        capsys.readouterr()  # the pass messages
    assert not failures, failures[:5]


def test_the_hidden_cases_come_from_what_the_notebook_taught():
    """Hidden learners are generated like any learner; the fixed concession cases are
    buyers who move a fixed share of the gap (rising offers, shrinking steps, never half
    the gap), with a cost above every offer and clear of the reservation price."""
    for learner in check.HIDDEN_LEARNERS:
        assert not scenario.problems(drawn(learner))
    for offers, cost, reservation in check.CONCESSION_CASES:
        steps = [b - a for a, b in itertools.pairwise(offers)]
        assert steps[0] > steps[1] > 0 and steps[1] != pytest.approx(steps[0] / 2)
        assert scenario.reservation_from_offers(offers) == pytest.approx(reservation)
        assert cost > offers[-1] and abs(cost - reservation) >= 1


# --- every question names the fields its reference solution reads ----------------------


class Reading:
    """A scenario that notes the name of every attribute its reader asks for."""

    def __init__(self, sale):
        self._sale, self.read = sale, set()

    def __getattr__(self, name):
        self.read.add(name)
        return getattr(self._sale, name)


def question_text(grade_id):
    cells = source_notebook(MODULE, "information").cells
    return next(c.source for c in cells if c.metadata["nbgrader"]["grade_id"] == grade_id)


@pytest.mark.parametrize(
    ("question", "text", "call"),
    [
        ("opening_likelihood", "q1-text", lambda f, s: f(s)),
        (
            "belief_after_opening",
            "q2-text",
            lambda f, s: f(s, scenario.opening_likelihood(s._sale)),
        ),
        ("news_likelihood", "q3-text", lambda f, s: [f(s, key) for key in s.news]),
        (
            "reservation_from_concessions",
            "q4-text",
            lambda f, s: f(s.wren_offers),
        ),
        (
            "my_price",
            "q5-text",
            lambda f, s: f(
                s,
                scenario.posterior_after_opening(s._sale),
                scenario.course_reading(s._sale),
            ),
        ),
        (
            "holds_before_moving",
            "q5b-text",
            lambda f, s: f(s, scenario.posterior_after_opening(s._sale)),
        ),
        (
            "report_decision",
            "q8-text",
            lambda f, s: f(s, scenario.posterior_after_opening(s._sale)),
        ),
        (
            "model_limits",
            "q6-text",
            lambda f, s: f(s, scenario.posterior_after_opening(s._sale)),
        ),
        (
            "information_pays",
            "q7-text",
            lambda f, s: f(s, scenario.posterior_after_opening(s._sale)),
        ),
        ("fair_play", "q9-text", lambda f, s: f(s)),
    ],
)
def test_every_question_names_the_fields_its_solution_reads(formulations, question, text, call):
    reading = Reading(drawn("sweep-0"))
    call(formulations[question][0], reading)
    assert reading.read, question
    for name in reading.read:
        assert f"sale.{name}" in question_text(text), (question, name)


def test_question_6_shows_every_situation_and_every_word_it_accepts(sales):
    """Question 6's practice situations and assumptions are all in the question's text, and each
    learner's own situations in their scenario, word for word as the check holds them; the
    prices are the learner's own (the same six words for everyone could be shared), and the text
    says what range each kind of price may take."""
    text = " ".join(
        line.removeprefix("#").strip() for line in question_text("q6-text").splitlines()
    ).replace('"', "'")
    for item in scenario._PRACTICE_SITUATIONS:
        assert f"`{item.key}`: " in text and item.text[1:] in text, item.key
    for sale in sales[:200]:
        story = sale.story()
        for item in scenario.situations_of(sale):
            assert f"`{item.key}`: {item.text}" in story, (sale.learner, item.key)
    for word in scenario.ASSUMPTIONS:
        assert f"'{word}'" in text, word
    # review 80 C2: an opening is accepted up to the highest reservation price still
    # possible (the check accepted one step above it, as the text once said, until review
    # 93 X1); review 88 C1; review 91 U1: the mark's exact bound is stated
    assert "up to the highest reservation price still possible" in text
    assert "one step above" not in text
    assert "a *safer price*: a reservation price still possible between your cost" in text
    assert "at least a fifth of the gain" in text  # review 88 X1 (review 89 X2: a fifth)


def test_question_6s_prices_differ_between_learners(sales):
    """An answer copied from another learner fails on your own case: the model's price, the
    price above it and the one below it vary with the scenario."""
    answers = set()
    for sale in sales[:50]:
        answer = scenario.model_limits(sale, scenario.posterior_after_opening(sale))
        answers.add(tuple(price for _, price in answer.values()))
        after = scenario.posterior_after_opening(sale)
        for item in scenario._SITUATIONS:
            price = answer[item.key][1]
            if isinstance(price, tuple):  # a plan (opening, target): review s61 X1
                assert scenario.situation_fits(item, price, sale, after), sale.learner
                price = price[0]
            actions = scenario.actions_for(item, sale, after)
            if price is None:  # review 70 X5: no safer price where the opening raised it
                assert actions == (scenario.SURER,) and item.key not in sale.situations
                continue
            assert scenario.fits(actions[0], price, sale, after)
            # a safer or fair price is below the model's too; an opening may be on either side
            if actions[0] not in (scenario.SURER, scenario.FAIR, scenario.OPEN):
                others = {scenario.MODEL_PRICE, scenario.ABOVE, scenario.BELOW}
                others -= set(actions)
                assert not any(scenario.fits(a, price, sale, after) for a in others)
        assert not scenario.fits(scenario.ACCEPT, sale.opening_offer, sale, after)
        for action in (scenario.BELOW, scenario.SURER):
            assert not scenario.fits(action, sale.opening_offer, sale, after)
    assert len(answers) > 30  # 40 of the first 50 learners, at the last count


def test_one_word_for_the_reservation_price():
    """The words "limit" and "budget" no longer stand in for the reservation price, in the
    notebook or in Question 6's situations."""
    from pathlib import Path

    notebook = Path(__file__).parents[1] / "source" / MODULE / "information.py"
    texts = [notebook.read_text(), *(item.text for item in scenario._SITUATIONS)]
    for text in texts:
        words = " ".join(line.removeprefix("#").strip() for line in text.splitlines())
        assert not re.search(r"\b(its|your|a) limit\b|within its budget", words), words[:80]


def with_target(opening, sale, after):
    """A Question 6 plan: ``opening`` and a target in the middle of module 02's band for it."""
    low, high = scenario.target_band(opening, sale, after)
    return opening, (low + high) / 2


def notebook_words(grade_id):
    """A cell's text as one line of words, without the comment marks."""
    return " ".join(
        " ".join(line.removeprefix("#").split()) for line in question_text(grade_id).splitlines()
    )


def test_the_notebooks_news_reading_is_the_one_its_check_passes_in(formulations):
    """The solution read news with 1.5 a step while the course reads it with NEWS_STEP (2.0),
    and for about a third of learners 1.5 moves no price; the solution now takes the course's
    step, and Question 5 says a weaker reading may not move the price."""
    solution = formulations["news_likelihood"][0]
    for sale in (drawn(learner) for learner in LEARNERS[:50]):
        for key in sale.news:
            assert solution(sale, key) == pytest.approx(scenario.news_likelihood(sale, key))
    # review 69 U3: "a smaller one does not" assumed the price moves monotonically with the
    # factor; the text spoke of the grid Question 5c searched, and since review 72 X3 of
    # how strongly news must weigh, which Question 5's check says
    assert "the check says how strongly news must weigh to move your price" in (
        notebook_words("q5-text")
    )
    assert "a smaller one does not" not in notebook_words("q5-text")


def test_the_rubric_moves_the_estimate_of_their_reservation_price_not_yours():
    """A fact about the other side moves your estimate of *their* reservation price, your
    opening and your target; your own comes from your own alternatives."""
    rubric = notebook_words("reflection-text")
    assert "estimate of their reservation price" in rubric
    assert "opening offer or your reservation price" not in rubric


def test_section_5_says_what_module_04s_as_if_unspoken_means():
    """Module 01 reads the opening as information; section 5 says the number keeps no pull
    beyond what it has told you (stated here; module 04 cites it from here). It also called that 'answering an
    anchor as if it had not been spoken', which module 04's text never says and which would
    throw away what the opening told you. The pointer to Question 6 precedes the advice list."""
    words = notebook_words("anchor-teaching")
    assert "no pull beyond what it has told you. Then think" in words
    # review 66 C4: module 04 attributes the phrase to this module, so this module states it
    # without attributing it back; section 5 gives Question 6's whole target band
    assert "as module 04 puts it" not in words
    # review 77 C1: it points to convention 2, which states the band once
    assert "(Question 6 defines it; its convention 2 gives this course's band)" in words
    assert "halfway from your reservation price to your opening" not in words  # session 75
    assert "as if it had not been spoken" not in words
    concessions = " ".join(
        cell.source for cell in source_notebook("04_concessions", "concessions").cells
    )
    # module 04 now words it "no pull beyond what it tells you (module 01)": the same idea
    assert "no pull beyond what it" in " ".join(concessions.split())
    assert words.index("`first-number` situation") < words.index("What to do with this:")
    assert "Experts, Amateurs, and Real Estate" in words


def test_section_6_mentions_only_alternatives_that_beat_what_they_expect():
    """Modules 02, 03 and 04 mention an alternative only when it beats what the other
    side believes is the least you would accept, and keep a weak one private."""
    words = notebook_words("guard-teaching")
    assert "beats what the other side believes is the least you would accept" in words
    assert "keep a weak one private" in words
    assert "which binds lawyers" not in words and "have adopted for lawyers" not in words
    # review 73: states adopted the Model Rules; whether they adopted the comment varies
    assert "Model Rules, the rules most US states follow for lawyers" in words


def test_the_opening_is_below_the_cost_for_more_than_half_of_learners(sales):
    """Section 3 said the opening is below the cost 'for many learners', then 'for most',
    then 'for more than half', then 'about half' (review 79 E3 found 203 of 400). Review 85
    E1 measured 116 of 200; here it is 1,137 of 2,000 (57%), well clear of half, so the
    text says 'more than half' again and the share must stay between 52% and 62%."""
    below = sum(sale.opening_offer < sale.cost for sale in sales)
    assert 0.52 * len(sales) < below < 0.62 * len(sales), below
    words = notebook_words("price-teaching")
    assert "a loss for more than half of learners" in words  # review 88 U1: shortened
    assert "about half of learners" not in words
    assert "as it is for most learners" not in words


def test_section_1_says_the_take_it_or_leave_it_price_gives_up_deals():
    """After 'a deal whenever one would help both can be possible' a reader would take section
    3's price to be efficient; it is not, and section 1 says so. Learner sweep-0's best price
    after the opening refuses a buyer above the cost. (The passage is in section 4, after the
    numbers it explains.)"""
    # review 81 U1: the theorem's side note is cut; one sentence keeps the point
    assert (
        "section 3's one final price gives up some deals that would help both (here the buyers "
        "at 60) for a larger margin" in notebook_words("voi-teaching")
    )
    found = 0
    for sale in (drawn(learner) for learner in LEARNERS[:50]):
        after = scenario.posterior_after_opening(sale)
        price = scenario.best_move(after, sale.cost)[0]
        found += any(sale.cost < r < price and p > 0 for r, p in after.items())
    assert found  # some learners' own best price turns away a buyer it could profit from


def test_question_6_does_not_say_no_situation_doubts_the_band():
    """`staged-opening` is a reason to doubt the band model; what holds in every situation is
    that accepting the opening is not best."""
    words = notebook_words("q6-text")
    assert "gives you a reason to doubt the band model" not in words
    # review 80 U2; review 83 U3 cut Question 6's copy of section 3's point
    assert "Why not accept Osprey's opening" in notebook_words("price-teaching")
    # review 76 U4: anchoring is defined once, in section 5; review 83 U3: Question 6 says
    # in place what a pull towards a number is worth, and points there; review 89 X1: that
    # gave away `first-number`, so it is gone
    assert "breaks none of them" not in words


def test_a_shown_quote_and_a_reported_quote_are_told_apart():
    """Section 2 reads a quote Osprey shows you as a cap; the `rival-quote` news is now a quote
    reported by the press, its price unknown, and the section says such a quote is news that
    reveals."""
    words = notebook_words("news-teaching")
    assert "a press report that Osprey holds a rival quote (its price unknown) is news" in words
    # review 88 U2: the table became one sentence
    assert "news that reveals" in words and "a rival's quote Osprey chose to show you" in words
    item = next(n for n in scenario._NEWS if n.key == "rival-quote")
    assert "shows you" not in item.text and "not published" in item.text


def test_section_4_and_question_6_say_which_of_before_and_now_they_mean():
    """'Question 5's best final price' was ambiguous among its four prices; section 4 and
    Question 6 name `before` and `now`."""
    assert "`before` against your prior, `now` after the opening" in notebook_words("voi-teaching")
    # review 68: Question 6's first sentence trimmed, the pointer kept
    # review 100 U1 (round 101): "after Osprey's opening" cut, `now` says it
    assert "the model's price (Question 5's `now`)" in notebook_words("q6-text")


def test_question_5_says_what_its_threshold_and_its_cap_mean():
    """'follows it all the way' read as 'down to the cap', the slip the check punishes, while
    the right capped price is below the cap for many learners; the threshold is a factor per
    step, defined only for even readings."""
    words = notebook_words("q5-text")
    assert "all the way" not in words and "to the cap or below it" in words
    assert "compare that with your reading in Question 3" in notebook_words("q5-text")
    below = sum(
        scenario.my_price(
            sale, scenario.posterior_after_opening(sale), scenario.course_reading(sale)
        )[3]
        < sale.rival_cap
        for sale in map(drawn, LEARNERS[:200])
    )
    assert 0 < below < 200


def test_the_commitment_assumption_says_losing_it_weakens_the_seller():
    """Riley and Zeckhauser (1983): a seller who can commit to one take-it-or-leave-it price
    does at least as well as by haggling."""
    words = notebook_words("price-teaching")
    assert "Riley and Zeckhauser" in words and "Losing that commitment weakens a seller" in words


def test_the_opening_raises_the_best_price_for_about_a_third_of_learners(sales):
    """Review 70 X5: no learner's opening raised the best price (a rise leaves the cash-strapped
    seller of Question 6 no surer price, so such draws were redrawn), so "a first offer is
    information" was never good news on a learner's own numbers. About a third of learners
    now see it rise; on a drawn case a rise rules out every possible price below the new one,
    which then sells for sure, so no surer price exists (those learners do not meet the
    cash situations, tested above). Question 5 says so, with section 2's worked example, at a
    cost of 40, going up from 60 to 70."""
    rose = lowered = 0
    for sale in sales:
        after = posterior(sale)
        before = best_price(sale.prior_beliefs(), sale.cost)
        now = best_price(after, sale.cost)
        alive = [r for r, c in after.items() if c > 0]
        if now > before:
            rose += 1
            assert now == min(alive) > sale.cost, sale.learner
        lowered += now < before
    assert 0.25 < rose / len(sales) < 0.45 and lowered > 0
    words = notebook_words("q5-text")
    assert "on every learner's, the opening" not in words
    # review 79 U1: the count of learners whose price rises was audit trail; it is cut
    assert "for about a third of learners" not in words
    from course.checks import information as check

    tilt = check.staged_cases()[check.TILT_CASE]
    tilt_after = scenario.posterior_after_opening(tilt)
    assert scenario.best_move(tilt.prior_beliefs(), tilt.cost)[0] == 49_000
    assert scenario.best_move(tilt_after, tilt.cost)[0] == 56_000
    # review 73 U3: Question 5 no longer sends the learner to Question 6's `tilt-case`
    # before Question 6 or a staged opening is introduced (Question 6's note names it)
    assert "`tilt-case`" not in words and "staged_cases" not in words
    prior = {60: Fraction(1, 2), 70: Fraction(3, 10), 80: Fraction(1, 5)}
    offer = {60: Fraction(1, 10), 70: Fraction(3, 10), 80: Fraction(3, 5)}
    after = {r: prior[r] * offer[r] / sum(prior[v] * offer[v] for v in prior) for r in prior}
    assert scenario.best_move(prior, 40)[0] == 60 and scenario.best_move(after, 40)[0] == 70
    assert "the model's price is 60 before the offer and 70 after it" in words


def test_question_5_gives_a_true_reason_for_leaving_the_news_out_of_the_cap():
    """The check passes in its own reading of the news, so a slip in Question 3 could never cost
    the capped price; the old reason for leaving the news out ('so that a slip in Question 3
    costs nothing here') was no reason. The cap is priced alone to show what it does, and the
    check shows the combination."""
    words = notebook_words("q5-text")
    assert "so that a slip in Question 3 costs nothing here" not in words
    assert "shows what the cap does on its own" in words
    assert "To combine both, pass your beliefs after the news as `after`" in words  # 100 X1


def test_each_tempting_method_is_wrong_in_a_worked_case_as_question_5_says():
    """Question 5 said the worked cases are ones where asking the cap and asking the expected
    reservation price both give a wrong price; in two of the three asking the cap was right, and
    in two the expected reservation price was. The text now says each method is wrong in at
    least one, names the cases the check tries, and that is so."""
    from course.models.information import expected_reservation

    cap_wrong = expected_wrong = 0
    for learner in check.WORKED_CASES:
        sale = variant("01_information", learner)
        before, now, _, capped = scenario.my_price(
            sale, scenario.posterior_after_opening(sale), scenario.course_reading(sale)
        )
        assert before != now
        cap_wrong += capped != sale.rival_cap
        expected_wrong += expected_reservation(sale.prior_beliefs()) != before
    assert cap_wrong >= 1 and expected_wrong >= 1
    text = notebook_words("q5-text")
    # review 79 U1: the text no longer lists them; a failure names the case
    assert not re.findall(r'"(worked-case-\d+)"', text)
    # review 58 U1: which tempting method each case stops is no longer spelt out
    assert "give another price than the right one" not in text


def test_a_staged_opening_is_priced_on_what_shading_cannot_fake(sales):
    """`staged-opening` accepted only a price above the model's, with the reason that the
    opening had ruled out high prices; that reason was false for about half the learners, and
    the prior cut only from below (what a shaded opening still proves) gives the model's price
    for most. The right price is now the best one against that cut prior, computed here from
    scratch: above the model's price for some learners, the model's price for others, never
    below it and never a near-tie; the pass message says which on the learner's numbers, and
    says "rules out high" only where the band did."""
    kinds = Counter()
    for sale in sales:
        after = posterior(sale)
        model = best_price(after, sale.cost)
        kept = {
            r: c
            for r, c in sale.prior_beliefs().items()
            if r * sale.opening_high >= sale.opening_offer
        }
        ranked = sorted(profits(kept, sale.cost).items(), key=lambda i: i[1], reverse=True)
        honest = ranked[0][0]
        assert honest >= model, sale.learner
        assert ranked[0][1] - ranked[1][1] >= TIE_SHARE * ranked[0][1], sale.learner
        item = scenario._SITUATIONS[0]
        assert item.key == "staged-opening"
        actions = scenario.actions_for(item, sale, after)
        kinds[actions] += 1
        assert actions == ((scenario.ABOVE,) if honest > model else (scenario.MODEL_PRICE,))
        # above the model's price, it is always the next price up, so the check's second worked
        # case must stop "one step up"
        assert honest == model or honest == min(r for r in sale.reservations if r > model)
        why = scenario.why_action_for(item, sale, after)
        top_cut = after[max(sale.reservations)] == 0
        assert ("cut off reservation prices at the top" in why) == (honest > model and top_cut)
        assert ("the model's price too" in why) == (honest == model)
    assert 0.15 < kinds[(scenario.ABOVE,)] / len(sales) < 0.85, kinds


def test_neither_tempting_shortcut_gives_a_learners_best_price_before_the_opening(sales):
    """Question 5's text: on every learner's own case the expected reservation price under
    the prior lies at least 500 from the best price before the opening (so asking it never
    gives `before`), and after the opening the best price is none of the most likely prices
    (all of them, where several tie)."""
    for sale in sales:
        prior = sale.prior_beliefs()
        mean = sum(r * c for r, c in prior.items())
        assert abs(mean - best_price(prior, sale.cost)) >= 500, sale.learner
        after = posterior(sale)
        top = max(after.values())
        modes = [value for value, chance in after.items() if chance >= top - 1e-12]
        assert best_price(after, sale.cost) not in modes, sale.learner


def test_ignoring_the_opening_fails_a_staged_case_every_learner_is_tried_on(sales):
    """ "The opening tells me nothing" (the prior's best price) and the re-priced
    `staged-opening` price agree on the own case of every learner whose opening does not
    raise the price (about two in three since review 70 X5), but every learner's function
    is also tried on ``check.staged_cases()``: among those cases the two differ, for every
    learner."""
    cases = list(check.staged_cases().values())
    for sale in [*sales, *cases]:
        kept = {
            r: c
            for r, c in sale.prior_beliefs().items()
            if r * sale.opening_high >= sale.opening_offer
        }
        assert best_price(kept, sale.cost) >= best_price(sale.prior_beliefs(), sale.cost)
    for sale in sales:
        tried = [sale, *cases]
        assert any(
            scenario.staged_price(case) != best_price(case.prior_beliefs(), case.cost)
            for case in tried
        ), sale.learner


def test_the_higher_of_before_and_now_fails_a_staged_case_every_learner_is_tried_on(sales):
    """ "The higher of Question 5's `before` and `now`" and the re-priced `staged-opening`
    price may agree on a learner's own case, but every learner's function is also tried on
    ``check.staged_cases()``: among those cases the two differ, for every learner."""
    cases = list(check.staged_cases().values())

    def higher(sale):
        after = scenario.posterior_after_opening(sale)
        return max(best_price(sale.prior_beliefs(), sale.cost), best_price(after, sale.cost))

    differ = [case for case in cases if abs(scenario.staged_price(case) - higher(case)) > 1]
    assert [case.learner for case in differ] == [check.CUT_BASE]  # the tilt case
    for sale in sales:
        assert any(
            abs(scenario.staged_price(case) - higher(case)) > 1 for case in [sale, *cases]
        ), sale.learner


def test_question_6s_table_says_what_the_check_accepts(sales):
    """Question 6's table gives, per broken assumption, the prices the check accepts; on 600
    learners each row's edges are the check's: a price the row allows passes, one just outside
    fails. Where a refusal brings a counter-offer, the text asks for an opening by module 04's
    rule and says the check grades that rule, not a prediction of the theory it cites."""
    words = notebook_words("q6-text")
    # review 67 U2: the row points to the numbered conventions, which state the range;
    # review 69 X1: and says the opening is never below the model's price
    # review 88 X1: the row states the hard bounds
    # review 97 X1, U1 (round 98): the mark checks the band's top too, and the row points to
    # the plan rule, stated once where the situations are listed
    # review 99 U1 (round 100): the plan's bounds moved from the visible text into the row
    assert '| `"final-offer"` | a plan; opening: from the higher of your estimate' in words
    assert "sells to no more buyers than the next one, for less" not in words
    # review 88 C1; review 67 U3: a preview; review 96 U2 (round 97): previews of modules 04 and 02
    assert "a preview of the rule module 04 teaches" in words
    assert (
        # review 80 U2: "your opening", "Osprey's opening": one word, two owners named
        # review 88 C1: module 04's rule plus a floor
        # review 91 U1: the stricter rule before the mark's is gone
        # review 95 C2 (round 96): module 04's whole rule, its bound the mark's
        # review 96 U2 (round 97): previews of modules 04 and 02
        "1. **Your opening**: a preview of the rule module 04 teaches (open at your estimate of "
        "the buyer's reservation price, or beyond it as far as a fact you can name takes you) plus "
        "a floor, the model's price" in words
    )
    by_key = {item.key: item for item in scenario._SITUATIONS}
    for sale in sales[:600]:
        after = posterior(sale)
        model = best_price(after, sale.cost)
        alive = sorted(r for r, c in after.items() if c > 0)
        estimate = sum(r * c for r, c in after.items())
        # review 73 X1: one step of the reservations above the highest price still possible,
        # for every learner (review 70 X1 granted it only where that was the model's price);
        # review 93 X1: that price itself, the bound the rule the module teaches sets
        top = alive[-1]

        def fits(key, price, sale=sale, after=after):
            if key == "counter-offer":
                price = with_target(price, sale, after)
            return scenario.situation_fits(by_key[key], price, sale, after)

        assert fits("one-price", model) and not fits("one-price", model + 1)
        # module 04's rule: at the estimate or beyond, and never below the model's price
        # (review 69 X1: on either side of it before)
        floor = max(estimate, model)
        assert fits("counter-offer", floor) and fits("counter-offer", top)
        assert fits("counter-offer", estimate) == (estimate >= model)
        assert not fits("counter-offer", model - 1)
        # rounded down by up to €100 passes (review s57 W1), further down does not
        assert fits("counter-offer", max(estimate - 100, model))
        assert not fits("counter-offer", estimate - 101)
        assert not fits("counter-offer", top + 1)
        # review 99 C1 (review 88 C1 had passed every possible price at or above the model's):
        # the model's price opens a haggle only where it is at most €100 below the estimate
        assert scenario.opening_passes(model, sale, after) == (
            model >= estimate - scenario.OPENING_ROUNDING - 0.005
        )
        surer = [r for r in alive if sale.cost < r < model]
        assert all(fits("friday-cash", r) for r in surer)
        if surer:  # none where the opening raised the price (review 70 X5)
            assert not fits("friday-cash", surer[-1] + 1) and not fits("friday-cash", model)
        for r in alive:
            if sale.cost < r <= model:
                gain = r - sale.cost
                # review 88 X1: the mark's floor was a tenth of the gain; review 89 X2: a
                # fifth; a quarter (the old floor, review 66 X3) passes
                fair = r - gain / 5
                above = [q for q in alive if q < r]
                if fair > max([sale.cost, sale.opening_offer, *above]) + 1 and fair < model - 1:
                    # review 108 X1 (round 109): the fifth is measured at the model's price,
                    # so the top is a fifth off the model's price, not off each price
                    top = model - (model - sale.cost) / 5
                    assert fits("fair-share", fair) and (
                        r < model or not fits("fair-share", fair + 1)
                    )
                    assert fits("fair-share", top) and not fits("fair-share", top + 1)
                    assert fits("fair-share", r - gain / 4)
                half = r - gain / 2  # leaves the buyer at r half the gain
                if half > max([sale.cost, sale.opening_offer, *above]) + 1 and half < model - 1:
                    # review 82 X1: no cap at half the gain, so more for the buyer passes too
                    assert fits("fair-share", half) and fits("fair-share", half - 1)


def test_question_6_grades_module_04_s_rule_and_states_no_sixth(sales):
    """Question 6 said module 04's rule puts an opening "at most about a sixth above your
    estimate", which module 04 says only of its own cases, and kept a floor of half a step
    above the higher of the model's price and the estimate that passed that sixth for about
    7 learners in 100. The floor is now the estimate itself (module 04's rule), for every
    learner, and the text states no sixth as module 04's rule (review s62 C1 names it only as
    what module 04's cases show). Review 69 X1: the floor is the higher of the estimate and
    the model's price, the fact that takes the opening beyond the estimate."""
    words = notebook_words("q6-text")
    assert "at most about a sixth above your estimate" not in words
    assert "For about 7 learners in 100" not in words
    # review 85 C1: past the floor only as far as a fact you can name takes you; review 91
    # U1: convention 1 states the mark's rule instead
    assert "(your situations give none)" not in words
    for sale in sales:
        after = scenario.posterior_after_opening(sale)
        estimate = scenario.expected_reservation(after)
        model = best_price(after, sale.cost)
        assert scenario.opening_floor(sale, after) == max(estimate, model), sale.learner


def test_question_6_gives_the_evidence_for_anchoring_before_it_is_needed():
    """`first-number` turns on anchoring, which section 5 taught only after Question 6:
    the learner met a one-sentence gloss, not the evidence. Question 6's text now gives the
    two findings (the figures as section 5 gives them) before the situations are judged."""
    q6 = notebook_words("q6-text")
    # review 58 U2: one finding here (the experts'), the rest in section 5; review 76 U4:
    # anchoring was then defined twice, so Question 6 only points to section 5's evidence
    # review 83 U3: the pointer is now the rule itself, in the `"none"` item; review 89 X1:
    # it gave away `first-number`, so the check's hint alone says it
    assert "a pull towards a number already read into your beliefs" not in q6
    assert "Northcraft and Neale" not in q6
    assert "Northcraft and Neale" in notebook_words("anchor-teaching")
    assert "random number of 10 or 65 gave median estimates of 25 and 45" in notebook_words(
        "anchor-teaching"
    )


def test_the_ultimatum_game_figures_are_cited():
    """The refusal rates and the usual offers behind the fair price's fifth were given
    with no source (Güth, Schmittberger and Schwarze, 1982, report neither); the text
    now cites Camerer's survey and the meta-analysis of Oosterbeek, Sloof and van de
    Kuilen, whose abstract gives an average offer of 40% and 16% of offers refused. They sit
    with the assumption they qualify, in section 3 (review s57 U1 cut Question 6)."""
    q6 = notebook_words("price-teaching")
    assert "(Camerer, *Behavioral Game Theory*, 2003, chapter 2" in q6
    # review 83 U1: the meta-analysis's figures are cut; the stakes study stays cited
    assert "(Andersen, Ertaç, Gneezy, Hoffman and List, *American Economic Review*, 2011)" in q6
    # review 64 E1: Camerer gives modal and median offers of 40-50%, means of 30-40%
    assert "most offers give 40 to 50 per cent" not in q6
    # review 81 U1: the side note with Camerer's modal and median offers is cut


def test_question_6s_hint_says_where_anchoring_is_defined():
    """The hint said anchoring was 'defined just before Question 6'; it is defined inside
    Question 6's text, and section 5 says more."""
    assert "defined just before Question 6" not in check.ACTION_HINT
    # review 76 U4: defined once, in section 5, where Question 6 now points
    assert "anchoring (section 5)." in check.ACTION_HINT
    assert "**anchoring** is the pull" not in notebook_words("q6-text")
    assert "called **anchoring**" in notebook_words("anchor-teaching")


def test_question_6_says_how_to_price_a_staged_opening():
    """The text says what a shaded opening still proves is for the learner to judge, and that
    the model's price stands when re-pricing leaves it unchanged."""
    words = notebook_words("q6-text")
    assert "opens lower than its habit, never higher" in words
    assert "the shading cost you nothing and the model's price stands" in words


def test_question_6_names_the_worked_cases_its_staged_price_is_tried_on():
    """The text promised a guess above the model's price would not pass, yet 'the next price up'
    passed for about 43% of learners; the check now tries two worked cases, and the text named
    both and the short cuts they stop. Review 93 U1: the text no longer lists them; the
    check's feedback on a wrong staged price names them all."""
    words = notebook_words("q6-text")
    assert "a guess above the model's price does not pass" not in words
    # review 96 U1 (round 97): one sentence names them again, as the feedback does
    assert "`cut-case`" in words and "`tilt-case`" in words
    source = " ".join(inspect.getsource(check.model_limits).split())
    assert "Your function is tried on the worked cases {', '.join(STAGED_CASES)}, " in source
    assert 'f"{CUT_CASE} and {TILT_CASE} too: "' in source
    # review 58 U1: which short cut each case stops is the check's business, not the text's


def test_question_2_names_its_below_cost_case():
    """Question 2's check tries ``BELOW_COST_CASE``, whose `sure` lies below its cost; the
    text names it and says `sure` is then still `sure`, not the cost."""
    words = notebook_words("q2-text")
    assert f'`"{check.BELOW_COST_CASE}"`, whose `sure` lies below its cost' in words
    assert "and then it is still `sure`, not the cost" in words
    case = variant(MODULE, check.BELOW_COST_CASE)
    assert scenario.surest_price(scenario.posterior_after_opening(case)) < case.cost


def test_question_6_keeps_the_courses_order_of_target_estimate_and_opening(sales):
    """Module 04's order: the target lies short of the estimate of the other side's limit,
    the opening at it or beyond. Question 6 called the model's price "what you would settle
    for" though it lies above the estimate for most learners; the text now says the model's
    price is no target and can lie above the estimate (true for some learner), and every
    opening the check accepts lies at the estimate or beyond it (review 69 X1: and at the
    model's price or beyond it, so the estimate itself passes only where it is the higher)."""
    words = notebook_words("q6-text")
    assert "what you would settle for, not what you open with" not in words
    assert (
        # review 97 U1 (round 98): stated once, in the plan rule's target line
        # review 100 X2 (round 101): `never below sure` first, then the band
        "target: below your opening, never below `sure`; from halfway to three quarters of the "
        "way from your cost to your estimate"
    ) in words  # review 59 C3, review s61 C2, review 66 U3, review 67 U2, session 75, 88 X1
    assert "2. **Target**: a preview of the band module 02 teaches." in words
    # review 96 U2 (round 97): a preview of the band module 02 teaches
    # review 88 X1: the band is advice; `sure` its higher end; no fact to aim past halfway
    assert (
        "where `sure` is above the three-quarter point, from `sure` to three quarters" in words
    )  # review 100 X2
    # session 111 U2: said plainly
    assert "With no fact to show, aim halfway from your cost to your estimate" in words
    for item in scenario._SITUATIONS:
        assert "settle for" not in item._why_action, item.key
    above = 0
    for sale in sales[:600]:
        after = scenario.posterior_after_opening(sale)
        estimate = scenario.expected_reservation(after)
        model = best_price(after, sale.cost)
        above += model > estimate
        assert scenario.opens_by_the_course_rule(estimate, sale, after) == (estimate >= model)
        assert scenario.opens_by_the_course_rule(model, sale, after) == (
            model >= estimate - scenario.OPENING_ROUNDING
        ), sale.learner
        # rounded to the euro or the €100 it passes (review s57 W1), further down it does not
        floor = max(estimate, model)
        for rounded in (math.floor(floor), floor // 100 * 100, round(floor, -2)):
            assert scenario.opens_by_the_course_rule(rounded, sale, after), sale.learner
        assert not scenario.opens_by_the_course_rule(estimate - 101, sale, after), sale.learner
    assert above > 0


def test_question_2s_sure_price_and_question_6s_safer_prices_are_told_apart(sales):
    """'sure price' (Question 2) and 'surer price' (Question 6) were near-homonyms for two
    things; Question 6's are now *safer prices*, and Question 6's table (review 68 U3: not
    section 3's box, before Question 6 exists) says `sure` is one of them only when it lies
    above the cost, which holds for every learner."""
    source = "\n".join(c.source for c in source_notebook(MODULE, "information").cells)
    assert "surer price" not in source
    # review 102: U2's glossary in section 3 lists it, pointing to Question 6; nothing more
    three = notebook_words("price-teaching")
    assert three.count("safer price") == 1
    assert "| safer price | a reservation price still possible between your cost" in three
    assert "and the model's price | Question 6 |" in three
    six = notebook_words("q6-text")
    assert "a *safer price*: a reservation price still possible between your cost" in six
    # review 88 U1: the parenthesis on `sure` was cut; the row's bounds say it
    for sale in sales:
        after = scenario.posterior_after_opening(sale)
        sure = scenario.surest_price(after)
        if sure in scenario.surer_prices(after, sale.cost):
            assert sure > sale.cost, sale.learner


def test_perfect_information_is_worth_more_after_the_opening_for_most_learners(sales):
    """Section 4 says information is not necessarily worth less once you know more, and that
    for some learners Question 8 shows it worth more after the opening (about 55% of 2,000;
    "often, but not always" said the reverse). Review 70 X5: where the opening raises the
    model's price (about a third of learners), it rules out the lowest price but leaves the
    new price sure, and information is worth no more; the share is now about a third."""
    words = notebook_words("voi-teaching")
    assert "Often, but not always" not in words
    # review 99 U2 (round 100): the paragraph leads with the worked example and its reason;
    # the scenario statistics are cut, one sentence points to Question 8, and the facts they
    # stated are still checked on every drawn learner below
    assert "In this course's scenarios" not in words
    assert "Knowing more can make perfect information worth more." in words
    # review 108 U6 (round 109): what Question 8 asks, not a direction
    assert (
        "Question 8 has you compute it before and after Osprey's opening in your own case." in words
    )
    more = 0
    for sale in sales:
        after = scenario.posterior_after_opening(sale)
        rises = scenario.perfect_information(after, sale.cost) > scenario.perfect_information(
            sale.prior_beliefs(), sale.cost
        )
        more += rises
        raised = best_price(after, sale.cost) > best_price(sale.prior_beliefs(), sale.cost)
        assert rises == (after[min(sale.reservations)] == 0 and not raised), sale.learner
        if raised:  # review 82 E2: the text's claim, checked on every drawn learner
            assert best_price(after, sale.cost) == scenario.surest_price(after), sale.learner
    assert 0.25 * len(sales) < more < 0.45 * len(sales), more


def test_the_report_s_error_spreads_over_every_price_in_reservations():
    """Question 8 called n "the number of possible prices", a phrase the module uses for
    prices with a chance after the opening, yet n counts every price in
    `sale.reservations`; the text now says so."""
    words = notebook_words("report-teaching")
    assert "the number of possible prices" not in words
    assert "with $n$ the number of prices in `sale.reservations`, ruled out or not" in words


def test_a_re_priced_staged_opening_is_never_below_the_model_s_price(sales):
    """Question 6 told the learner what to name when re-pricing a staged opening gives a
    higher price or the same, not a lower one; it now says a lower one never occurs on the
    cases the check tries, which holds on every swept learner and worked case."""
    # review 88 U1: the sentence was cut; the claim is still checked here
    for sale in [*sales, *check.staged_cases().values()]:
        after = scenario.posterior_after_opening(sale)
        assert scenario.staged_price(sale) >= scenario.best_move(after, sale.cost)[0] - 0.005


def test_question_9_defines_a_bluff_as_module_00_does():
    """Module 00: a bluff is an untrue claim about your own limit or valuation; a threat
    you would not carry out sits on the line (both labels accepted). Question 9's definition
    also named "what you intend to do"; it now reads as module 00's."""
    words = notebook_words("q9-text")
    # module 01 says "reservation price", its one word for the limit (review s57 C2)
    assert "untrue claim about your own reservation price" in words
    assert "limit or valuation" not in words
    assert "what you intend to do, or your estimate" not in words
    # review 89 (module 00's C2): an opinion of the machine's value from the side that knows
    # more, not what it is worth to you
    # review 91 U3: the two-label cases are a list
    assert (
        "- an opinion of the machine's value you do not hold, voiced by you as the side that "
        "knows the machine better" in words
    )


def answer_worth(beliefs, cost, amount):
    """What learning whether r ≥ ``amount`` is worth, from scratch: the best profit after
    each answer (rescaled beliefs, times the answer's chance), minus the best blind."""

    def best(given):
        return max([0.0, *profits(given, cost).values()])

    worth = -best(beliefs)
    for side in ({r for r in beliefs if r >= amount}, {r for r in beliefs if r < amount}):
        chance = sum(beliefs[r] for r in side)
        if chance > 0:
            worth += chance * best({r: beliefs[r] / chance for r in side})
    return worth


def test_question_7_is_a_clear_decision_that_varies_between_learners(sales):
    """Question 7 asked which explorer setting makes knowing worth more, passable by a lookup
    through the course's value_of_information. It now asks which of two research firms, if
    either, to hire on the learner's own case. Over the 2,000 learners: two amounts among the
    possible reservation prices; every fee at least €300; every firm's worth at least €200 and a
    fifth of itself from its fee; a firm worth hiring worth at least €500; two firms worth
    hiring at least €200 apart after their fees; each of the three answers for at least a
    quarter of the learners; the slips (hire the firm worth more, fees aside; the cheaper firm;
    always one answer) each fail for at least a third; and firms worth nothing (the answer is
    known, or moves no price) for some."""
    answers, slips, worthless = Counter(), Counter(), 0
    for sale in sales:
        after = posterior(sale)
        assert [name for name, _, _ in sale.firms] == ["Finch", "Heron"]
        worths, fees = {}, {}
        for name, amount, fee in sale.firms:
            assert amount in sale.reservations[1:] and fee >= 300 and fee % 100 == 0
            worths[name], fees[name] = answer_worth(after, sale.cost, amount), fee
            assert abs(worths[name] - fee) >= max(200, 0.2 * worths[name]), sale.learner
        assert sale.firms[0][1] != sale.firms[1][1]
        nets = {name: worths[name] - fees[name] for name in worths}
        right = max(nets, key=nets.get) if max(nets.values()) > 0 else "neither"
        if right != "neither":
            assert worths[right] >= 500, sale.learner
        if min(nets.values()) > 0:
            assert abs(nets["Finch"] - nets["Heron"]) >= 200, sale.learner
        assert right == scenario.information_pays(sale, scenario.posterior_after_opening(sale))
        answers[right] += 1
        slips["worth more"] += max(worths, key=worths.get) != right
        slips["cheaper"] += min(fees, key=fees.get) != right
        worthless += min(worths.values()) < 0.005
    assert all(answers[a] >= len(sales) / 4 for a in ("Finch", "Heron", "neither")), answers
    assert all(count >= len(sales) / 3 for count in slips.values()), slips
    assert worthless >= len(sales) / 10, worthless


def hire_by_rescaled_answers(sale, after):
    """A slip the text warns against: each answer's best profit against the beliefs it
    leaves rescaled to sum to 1, the two added (not weighted by their chances)."""

    def best(given):
        total = sum(given.values())
        if not total:
            return 0.0
        return max([0.0, *profits({r: c / total for r, c in given.items()}, sale.cost).values()])

    nets = {}
    for name, amount, fee in sale.firms:
        yes = {r: c for r, c in after.items() if r >= amount}
        no = {r: c for r, c in after.items() if r < amount}
        nets[name] = best(yes) + best(no) - best(after) - fee
    name = max(nets, key=nets.get)
    return name if nets[name] > 0 else "neither"


def test_question_7s_visible_check_refuses_rescaled_answers(quick_checks, capsys):
    """Rescaling the beliefs inside each answer and adding the two profits passed the visible
    check (the learner's own case and one worked case) for most learners, and grading then
    failed it: a learner was told they were right and lost the mark. The visible check now
    refuses it for every swept learner, with a hint that names the rescaling and says only
    what is true of the firm picked; the reference and its two alternatives still pass."""
    passed, unnamed = [], []
    for learner in LEARNERS:
        with learner_as(learner):
            try:
                check.information_pays(hire_by_rescaled_answers)
            except AssertionError as error:
                if "rescaling the beliefs inside each answer" not in str(error):
                    unnamed.append((learner, str(error)[:200]))
            else:
                passed.append(learner)
            for answer in (scenario.information_pays, hire_by_numpy, hire_by_conditionals):
                check.information_pays(answer)
        capsys.readouterr()
    assert not passed, (len(passed), passed[:5])
    assert not unnamed, unnamed[:3]


def test_no_even_reading_below_the_threshold_moves_the_price(sales):
    """Question 5 said an even reading weaker than the 5c factor 'may not' move the price; none
    does, as ``news_threshold``'s bisection assumes (a stronger reading shifts the beliefs
    further the same way). Checked on 600 learners, every news item, on a grid of factors below
    and above the threshold; the text says 'does not'."""
    assert "a smaller one may not" not in notebook_words("q5-text")
    for sale in sales[:600]:
        after = posterior(sale)
        for direction in ("higher", "lower"):
            threshold = scenario.news_threshold(after, sale.cost, direction)
            if threshold is None:
                continue
            for step in np.arange(1.0, 10.0, 0.25):
                moves = scenario.news_moves_price(after, sale.cost, direction, step)
                assert moves == (step >= threshold), (sale.learner, direction, step)


def test_question_6_works_the_fair_price_on_section_2s_example():
    """The fair-price rule was given in words only; the text now works it on section 2's example
    after its offer (cost 40): 62.50, a quarter of the gain left to a buyer at 70 (review 66
    X3: it was 64, a fifth, inside the zone section 3 cites as refused about half the
    time)."""
    after = {60: Fraction(5, 26), 70: Fraction(9, 26), 80: Fraction(6, 13)}
    assert scenario.best_move(after, 40)[0] == 70
    assert scenario.fair_price(after, 40, 0) == 62  # whole euros, rounded down
    # session 111 C1: the share at the model's price (``leaves_fair_share``, the share at
    # the lowest reservation price still possible at or above the price, is gone); on this
    # example the two agree, since the model's price is that reservation price
    quarter = scenario.FAIR_SHARE
    assert scenario.leaves_share_at_model(62.5, 70, 40, quarter)
    assert not scenario.leaves_share_at_model(62.6, 70, 40, quarter)
    assert not scenario.leaves_share_at_model(64, 70, 40, quarter)  # the old fifth
    assert scenario.leaves_share_at_model(64, 70, 40, scenario.FAIR_FLOOR)  # the mark's floor
    words = notebook_words("q6-text")
    # review 88 X1: the quarter is advice now, worked on the example
    assert "62.50 leaves a buyer at 70 a quarter: 7.50 of 70 − 40" in words
    # the course's own answer leaves a quarter (62 on the example; review 106 C1: a third,
    # 53, until then)
    assert scenario.FAIR_SHARE == 0.25 and not hasattr(scenario, "GENEROUS_SHARE")
    # review s62 U2: no unsourced "third"; the text says only which way refusals fall;
    # review 88 X1: the quarter and the third are advice, the mark's floor a tenth (review
    # 89 X2: a fifth)
    # review 96 (review 95 U1): the quarter is advice and convention 3 says why the mark asks
    # only a fifth
    # review 102: C1 keeps the fifth and says it sits just above the refusal zone
    # review 103 U4 (round 105): one number of advice, the mark's fifth in the same sentence
    assert (
        # review 108 X1 (round 109): the share measured at the model's price
        # session 111 U3: whose reservation price is the model's price
        "leave a buyer whose reservation price is the model's price at least a quarter of the "
        "gain (the mark "
        "accepts as little as a fifth, "
        "since refusals are rarer at a sale's stakes)" in words
    )
    assert "at least a fifth of the gain" in words


def test_a_fifth_is_not_called_the_edge_of_the_refusal_zone():
    """Review s58 E1: Question 6 and the scenario's note called a fifth "the edge of the zone
    where refusals are common" and passed it as fair. A fifth is now named the check's floor
    in the text and in the code's note, and no hint calls it an edge. Review s62 U2: the
    text's "on our reading ..., refusals stay common up to about a third" had no source; it
    is gone, and the fifth-to-half band is called the course's reading, not a result (review
    74 U1: since refusals are rarer at a sale's stakes, "the course's caution, not a measured
    risk", in convention 3 itself)."""
    import inspect

    for cell in ("price-teaching", "q6-text"):
        # a whole word: section 3 keeps "to steer your reading of it"
        assert not re.search(r"\bour reading", notebook_words(cell), re.I), cell
        assert "up to about a third" not in notebook_words(cell), cell
    words = notebook_words("q6-text")
    assert "edge of the zone" not in words
    # review 88 X1: the conventions are advice now, the table states the hard bounds
    assert "These are hard bounds; inside them the number is your judgement." in words
    assert '| `"accepts-any"` | a *fair price*: above your cost and Osprey\'s opening' in words
    code = inspect.getsource(scenario) + inspect.getsource(check)
    assert "least the check accepts, the edge" not in code
    for item in (*scenario._SITUATIONS, *scenario._PRACTICE_SITUATIONS):
        assert "edge" not in item._why_action, item.key


def test_the_check_refuses_the_model_s_price_as_an_opening_below_the_estimate(sales):
    """Review s58 E2: where the model's price lies more than €100 below the estimate, the check
    refuses it as an opening (module 04's rule opens at the estimate or beyond): for some drawn
    learners (r-20: €56,000 against €56,384) it does. Review s62 C2: the text no longer says
    the check "sides with" the anchoring studies against the haggling theory it cited. Review
    69 X1: the rule no longer opens at the estimate "wherever that falls against the model's
    price"; it never opens below the model's price."""
    below = 0
    for sale in sales:
        after = scenario.posterior_after_opening(sale)
        model = scenario.best_move(after, sale.cost)[0]
        estimate = scenario.expected_reservation(after)
        if model < estimate - scenario.OPENING_ROUNDING - 0.005:
            below += 1
            assert not scenario.opens_by_the_course_rule(model, sale, after), sale.learner
    assert below > 0
    words = notebook_words("q6-text")
    assert "does not choose" not in words and "says why both pass" not in words
    assert "sides with the studies" not in words
    assert "wherever that falls against the model's price" not in words
    assert "plus a floor, the model's price, because no haggle ends above your opening" in (
        words
    )  # review 76 U2; review 79 E1; review 88 C1


def test_the_reference_fair_price_leaves_the_buyer_a_quarter(sales):
    """The reference answer to `fair-share` left the buyer exactly a fifth of the gain, the
    share ultimatum games show is refused about half the time, for every learner; it then left
    a third or more where a price above the opening could, a quarter otherwise, and the check
    still accepts it. Review 66 X3: the check's floor is a quarter, so every drawn learner must
    have a price above the cost and the opening, below the model's price, that leaves a
    quarter (every one of 22,000 did when it was raised). Review 106 C1 (round 107): the
    reference leaves the quarter convention 3 advises, the highest whole-euro price that does
    (a third, advised by no text, until then; this test was named "..._a_third" and counted
    thirds)."""
    assert scenario.FAIR_SHARE == 1 / 4
    for sale in sales:
        after = scenario.posterior_after_opening(sale)
        quarter = scenario.fair_price(after, sale.cost, sale.opening_offer)
        assert quarter is not None, sale.learner
        fair = scenario.model_limits(sale, after)["fair-share"][1]
        assert fair == quarter, sale.learner
        assert scenario.fits(scenario.FAIR, fair, sale, after), sale.learner
        # session 111 C1: measured at the model's price, as convention 3 says; the highest
        # whole-euro price that does, so a euro more leaves less than a quarter
        model = scenario.best_move(after, sale.cost)[0]
        assert scenario.leaves_share_at_model(fair, model, sale.cost, 1 / 4), sale.learner
        assert not scenario.leaves_share_at_model(fair + 1, model, sale.cost, 1 / 4)


def test_the_disclosures_are_facts_of_one_workshop(sales):
    """'no other order after this month' clashed with the build slot that goes to the next order
    on the list (33% of learners), 'your only other prospect' with the food firm that asked for
    a quote, which every learner reads (52%), and the deadline named Osprey's launch for
    learners whose news has none (48%). The items now say facts one workshop can hold at once;
    2,000 learners' lists are checked."""
    texts = {move.key: move.text for move in scenario._DISCLOSURES}
    assert "no other order" not in texts["empty-order-book"]
    assert "waiting for your free build slot" in texts["empty-order-book"]
    assert "besides the food firm that asked you for a quote" in texts["weak-alternative"]
    for sale in sales:
        said = " ".join(move.text for move in scenario.moves_of(sale))
        assert "launch" not in said or "launch" in sale.news, sale.learner
        assert "asked you for a quote last week" in said  # the true rival, for everyone


def test_section_6_says_what_module_00_says_of_a_bluff():
    """Section 6 said that 'as in modules 00 and 02' a bluff includes an untrue intention;
    module 00's bluff is about a limit or a value, and its caution makes a false intention
    possibly a misrepresentation. The text now says so."""
    words = notebook_words("guard-teaching")
    assert "as in modules 00 and 02, a bluff" not in words
    # review 81 E1: intention (Edgington) and opinion (Smith v Land) now cited apart
    # review 86 U1: said once, in question 9, where the labels are listed
    # review 88 U1: section 6's "In law" box holds the cases; question 9 points there
    # review 114 U4: the English cases are labelled as English law
    assert (
        "A stated intention, or an opinion from the side that knows more, can count as "
        "a statement of fact in English law (*Edgington v Fitzmaurice*, 1885; *Smith v Land"
        in notebook_words("guard-teaching")
    )


def test_keeping_what_you_know_is_about_your_estimate_not_every_fact():
    """'keep' was the only right answer for telling Osprey what you know of its need and its
    options, though naming a fact to answer a claimed alternative can take the bluff out of it.
    The item now announces your estimate of the most Osprey would pay, which is yours to keep,
    and section 6 says a fact named to answer a claim is a different move."""
    move = next(m for m in scenario._DISCLOSURES if m.key == "what-you-know")
    assert move._label == scenario.KEEP and "the most Osprey would pay" in move.text
    assert "what else it could do" not in move.text
    # review 102 C2 (round 102): "bluff" is kept for claims about your own reservation price;
    # a claim about a fact (an old line that can keep running) loses its force
    assert "takes the force out of that claim" in notebook_words("guard-teaching")


def test_a_count_is_not_called_a_decision():
    """Question 4's `rounds` and Question 5b's holds were each called a decision, though the
    text spells out the count and nothing is weighed in the code. Review 66 X1: `rounds` then
    decided nothing at all; Question 4's second part is now the decision itself, the final
    price to name Wren or None to walk away; review 78 X1 found the text spelled that out
    too, and the question is now called what it is, a reading: the share and the price."""
    words = notebook_words("q4-text")
    assert "`rounds`" not in words and "the count your decision rests on" not in words
    assert "return `(share, reservation)`" in words
    assert "`price`: your decision" not in words
    assert "This is a decision about your own case" not in notebook_words("q5b-text")
    assert "The model reads every hold as honest" in notebook_words("q5b-text")  # review 79 E2


def test_a_band_opening_is_said_to_tilt_down_unlike_the_worked_example(sales):
    """The worked example's offer raises the expected reservation price because its likelihood
    rises with r; a band opening tilts towards the lower prices it leaves, and the text says so
    before Question 1. Checked on the learners: among the prices an opening leaves, the
    posterior's ratio to the prior falls as r rises."""
    words = notebook_words("opening-teaching")
    assert "tilts your beliefs towards the lower prices it leaves possible" in words
    for sale in sales[:300]:
        after, prior = posterior(sale), sale.prior_beliefs()
        ratios = [after[r] / prior[r] for r in sorted(after) if after[r] > 0]
        assert all(a > b for a, b in itertools.pairwise(ratios)), sale.learner


def test_the_summary_treats_an_ultimatum_as_unwise_not_unethical():
    """The summary's "without threats" read as an ethical rule, while module 00 calls a
    true warning legitimate and module 02 shows why it is usually unwise said as a demand
    (module 00 never calls it unwise, so the summary credits each module with its own)."""
    words = notebook_words("summary")
    assert "without threats" not in words
    assert "Mention only true alternatives, calmly" in words  # review 88 U1
    # review 67 U3: module 02 comes later, so the summary previewed it; review 68 C1: section 6
    # of this module has already shown it, so the summary points back there
    # review 78 C2: said as information a true deadline helps; said as a demand, a test
    assert "that deadline is a warning: legitimate, but it invites a test" in words  # review 92 U2


def test_a_demand_tied_to_what_you_would_do_anyway_is_a_warning():
    """The summary said 'a threat you would carry out ... is legitimate', blurring Schelling's
    two words that modules 00, 02 and 03 keep apart: a demand tied to what you would do anyway
    is a warning, legitimate when true; a threat you would not carry out is a bluff about your
    intention."""
    from pathlib import Path

    text = (Path(__file__).parents[1] / "source" / MODULE / "information.py").read_text()
    words = " ".join(line.removeprefix("#").strip() for line in text.splitlines())
    assert "threat you would carry out" not in words
    assert "said as a demand, that deadline is a warning: legitimate" in notebook_words("summary")
    # review 67 U3: the word is defined here, not borrowed from later modules
    assert "is a *warning*: a consequence you would bring about anyway, stated as a" in words
    assert "threat or warning you would not carry out" in words


def test_your_own_reservation_price_is_named_as_your_cost():
    """Sections 5 and 6 speak of "your own reservation price"; section 3 now says that in this
    sale it is your cost."""
    words = notebook_words("price-teaching")
    assert "your own reservation price in this sale is your cost" in words


def test_the_seller_s_alternatives_give_its_reservation_price(sales):
    """Every learner's story gives the seller alternatives (the food firm's quote in
    `true-rival`, always drawn; the order waiting for the free slot, in 248 of 300 learners'
    disclosures), yet section 3 set the seller's reservation price at its cost without a
    word on them, a BATNA of zero. Section 3 now says a sale to Osprey displaces neither, so
    walking away gains nothing beyond the cost; every story that names them is covered."""
    words = notebook_words("price-teaching")
    assert "if Osprey takes your free build slot, the order waiting" in words  # review 100 U4
    assert "at no cost to you (your book is otherwise empty), so **your own reservation" in words
    for sale in sales[:300]:
        assert "true-rival" in sale.tactics


def test_question_4_reads_the_share_and_the_reservation_price():
    """The phrase "worth going on with the talks" was ambiguous; a count of rounds that
    followed decided nothing (review 66 X1), and the price to name that replaced it was
    spelled out by the text (review 78 X1). Question 4 now reads the share and the
    reservation price, and works them on the scripted buyer."""
    words = notebook_words("q4-text")
    assert "worth going on with the talks" not in words and "keep_going" not in words
    assert "or `None` to walk away now" not in words
    assert "at a cost of 65 you name 70" not in words  # review 76 X2: the learner decides
    share, reservation = scenario.reservation_from_concessions((42.0, 53.2, 59.92))
    assert abs(share - 0.4) < 1e-9 and abs(reservation - 70) < 1e-9


def test_question_5_puts_the_task_first_and_the_discussion_after():
    """Question 5's four return values came after a paragraph on its inputs, and the factor and
    the counter-example sat in the task; the values now come first, the factor and the
    counter-example in an 'after you pass' note at the end."""
    words = notebook_words("q5-text")
    order = [
        words.index("`(before, now, with_news, capped)`"),
        words.index("`after` is your beliefs after Osprey's opening"),  # review 88 U1
        words.index("One mark for each of the four prices"),
        words.index("**After you pass**"),
        words.index("says how strongly news must weigh"),
    ]
    # review 79 U1: the note is one line; the check says the rest
    assert order == sorted(order)


def test_holds_at_the_opening_are_a_real_decision(sales):
    """The belief updater's reading of a hold was taught and shown but never practised with
    feedback. Question 5b asks how many holds at the opening move the learner's best price;
    computed here from scratch (weights after(r) / r^n), the count varies between learners, is
    None for some and 1 for few, and reading a hold the wrong way round gives another answer for
    most of those whose price moves. Review 70 X5: where the opening raised the price, the
    model's price is the lowest still possible, and holds, which make lower prices likelier,
    can never move it: None for those learners (about a third), so None for 278 of 600.
    Review 75 C3: the count stops at five holds, not ten, so None for 346 of 600 (for about
    a third of those whose opening does not raise the price, five holds move nothing)."""
    counts, wrong_way = Counter(), 0
    for sale in sales[:600]:
        after = posterior(sale)
        now = best_price(after, sale.cost)
        found = None
        for n in range(1, scenario.MOST_HOLDS + 1):
            weights = {r: c / r**n for r, c in after.items()}
            total = sum(weights.values())
            if best_price({r: w / total for r, w in weights.items()}, sale.cost) != now:
                found = n
                break
        assert found == scenario.holds_before_moving(sale, after), sale.learner
        counts[found] += 1
        if found is not None:
            wrong_way += scenario.holds_before_moving(sale, after, direction=-1) != found
    assert len(counts) >= 6 and 0.05 < counts[None] / 600 < 0.62, counts
    assert counts[1] / 600 < 0.1
    assert wrong_way / (600 - counts[None]) > 0.9


def source_notebook_path():
    from pathlib import Path

    return Path(__file__).parents[1] / "source" / MODULE / "information.py"


def test_the_sittings_name_question_5b():
    """Question 5b sits in section 3; the suggested sittings say so. The second of three
    sittings carried 9 of the 18 auto-graded marks; four sittings of about the same time now,
    one of them for Questions 5b, 5c and 6. The plan was one hard-to-read sentence; it is a
    numbered list that names each sitting's questions and marks Question 6 as the longest. Then
    five sittings: section 4 left the third one, which Question 6 fills."""
    words = notebook_words("intro")
    assert "Six sittings suit it, most of them an hour to an hour and a quarter" in words
    assert "3. Question 5b, about half an hour" in words  # review 72 X3, 78 U7
    assert "4. Question 6 on its own, an hour and a half to two hours" in words
    assert "5. section 4, on what information is worth, with Questions 7 and 8;" in words
    assert "6. sections 5 to 7 with Question 9" in words
    assert "up to Question 3 (a little less)" not in words
    assert "three separate marks" not in words
    assert "eleven coded questions" in words  # review 88 X2: Question 4b


def test_a_hold_at_the_reservation_price_is_certain_as_in_the_updater(sales):
    """Question 5b gave the hold chance 0.2 x last offer / r for r at or above the last offer,
    while the updater makes a hold certain at r equal to it. The text now says so, and that
    every price still possible after the opening lies above it (2,000 learners). Section 3's
    'almost sure' names which prices keep a chance."""
    words = notebook_words("q5b-text")
    assert "at or above the last offer" not in words
    # the aside on a buyer at exactly the last offer is cut (a reader: needless); the scope stays
    assert "whose reservation price equals the last offer" not in words
    assert "(every price still possible after the opening is)" in words  # review 88 U1
    assert "at a reservation price equal to the last offer, it can only hold" not in words
    for sale in sales:
        alive = [r for r, c in scenario.posterior_after_opening(sale).items() if c > 0]
        assert all(r > sale.opening_offer + 1 for r in alive), sale.learner
    text = " ".join(
        line.removeprefix("#").strip() for line in (source_notebook_path().read_text().splitlines())
    )
    # review 58 U1: said once, in section 2
    assert 'Whatever this module says is "for sure" holds only under hard edges' in text


def test_the_news_weight_question_5_s_check_prints_is_the_one_formulations_find(sales):
    """How strongly the news must weigh was shown, never assessed; then Question 5c asked for
    it, a threshold that decided nothing (review 72 X3). Question 5's check now prints it both
    ways as feedback: it varies between learners, the way the news points needs at most the
    course's reading (NEWS_STEP, which moves every learner's price), it is what two
    independent formulations find, and for a good share of learners no factor up to 10 moves
    the price the other way. The learner's news items carry key and text only."""
    for sale in sales[:50]:
        assert all(vars(item).keys() == {"key", "text"} for item in sale.news_items)
        assert all(vars(move).keys() == {"key", "text"} for move in sale.moves)
    found, nones = Counter(), Counter()
    for n, sale in enumerate(sales[:400]):
        after = posterior(sale)
        weight = scenario.weight_to_move(sale, after)
        assert weight is not None and 1.0 < weight <= MODERATE_STEP, sale.learner
        found[weight] += 1
        note = " ".join(check._news_weights_note(sale).split())
        for direction in ("higher", "lower"):
            right = scenario.weight_to_move(sale, after, direction)
            nones[direction] += right is None
            # review 98 M1: the note names the factor to two decimals, not in twentieths
            named = scenario.news_threshold(after, sale.cost, direction, step=0.01)
            assert (named is None) == (right is None) and (named is None or named <= right)
            said = "where it is even at 10" if right is None else f"at least {named:g} times"
            assert said in note and "from no factor" not in note  # review 75 U2
            if n < 60:
                for formulation in (weight_by_bisection, weight_by_steps):
                    assert formulation(sale, after, direction) in (
                        {None}
                        if right is None
                        else set(scenario.weights_accepted(sale, after, direction))
                    ), (sale.learner, direction)
    assert len(found) >= 8 and max(found.values()) < 0.25 * 400, found
    assert 0.05 * 400 < nones["higher"] + nones["lower"] < 0.95 * 400, nones
    assert "q5c-text" not in {
        c.metadata["nbgrader"]["grade_id"] for c in source_notebook(MODULE, "information").cells
    }


def test_question_5_and_6_words_say_what_is_meant():
    """The sentence "the news is the same number of times as likely under each reservation price
    as under the next one down" was hard to parse; it now says each price is `factor` times as
    likely as the next lower one (review 72 X3: now the next, up or down). Question 6 asked for "what final price
    you would name" in every situation, yet in `counter-offer` the price is a first offer."""
    q5 = notebook_words("q5-text")
    assert "same number of times" not in q5
    # review 100 U3 (round 101): the pass note itself now says "at least ... times as likely
    # as the next lower one", so the text's gloss is cut
    assert "same number of times" not in q5 and "`factor`" not in q5
    q6 = notebook_words("q6-text")
    assert "what final price you would name" not in q6
    assert (
        # review 88 U1: the terms are defined once, at the top
        # review 91 U1: one line per assumption says what to name
        "a refusal ends the talks; if not, name a plan `(opening, target)`" in q6
        # review 102: U2 defines opening and target in section 3's glossary, their first use
        and "your **opening**, a *target*" in q6
        and "| opening, target | in a haggle, your first ask, and where you aim to land below it"
        in notebook_words("price-teaching")
    )  # review 66 U3: the target is defined where it is first used


def test_question_6_above_is_bounded_by_the_prices_still_possible(sales):
    """Over 2,000 learners, the reference counter-offer opening is never above the ceiling,
    the highest reservation price still possible after the opening, while the prior's top
    price lies beyond it for some learners (the opening ruled it out). The ceiling lies less
    than a quarter above the estimate for every learner, within a sixth (module 04's cases)
    for most, as the text said until review 85 C1, and never reaches the invented rival offer. Review s62 C1
    had made it the openings' bound too; review 73 X1 let every learner's opening go one
    step of the reservations above it, as room for the counter-offer (``opening_ceiling``);
    review 93 X1 made the ceiling the bound again, and the text says so."""
    beyond = within_a_sixth = 0
    for sale in sales:
        after = scenario.posterior_after_opening(sale)
        ceiling = scenario.ceiling(sale, after)
        estimate = scenario.expected_reservation(after)
        assert ceiling == max(r for r, c in after.items() if c > 0), sale.learner
        assert scenario.opening_ceiling(sale, after) == ceiling, sale.learner
        price = scenario.model_limits(sale, after)["counter-offer"][1][0]
        assert scenario.opens_by_the_course_rule(price, sale, after), sale.learner
        assert price <= ceiling + 0.005
        assert ceiling < 1.25 * estimate and ceiling < sale.rival_offer, sale.learner
        within_a_sixth += ceiling <= estimate * 7 / 6
        beyond += max(sale.reservations) > ceiling + 0.005
    assert 0.02 * len(sales) < beyond < 0.8 * len(sales), beyond
    assert within_a_sixth > 0.5 * len(sales), within_a_sixth
    words = notebook_words("q6-text")
    assert "highest reservation price still possible" in words  # review 80 U2, 88 U1
    assert "before the opening, `max(sale.reservations)`" not in words
    # review 91 U1: the mark's exact bound is stated; review 93 X1: that price, no step
    assert "up to the highest reservation price still possible" in words
    assert "one step above the highest" not in words
    assert "When it is the model's price itself" not in words and "A *step*" not in words


def test_an_opening_follows_module_04_s_rule_and_never_undercuts_the_model_s_price(sales):
    """Where a refusal brings a counter-offer (`counter-offer`, `board-rounds` and the practice
    `practice-come-back`), the check wanted half a step above the higher of the model's price
    and the estimate, then (review s58 E2) any price from the estimate to the ceiling, on
    either side of the model's price. Review 69 X1: an opening below the model's price names
    less in a haggle than the learner's own last word, and the check and the reference
    opened there for most learners. Over 2,000 learners a price now passes exactly from the
    higher of the estimate (rounded down by up to €100) and the model's price to the
    ceiling; the reference passes; an opening at the estimate passes only where the estimate
    is the higher; every reason says so."""
    from course.models.information import expected_reservation

    kinds = [i for i in scenario._SITUATIONS if i._assumption == "final-offer"]
    practice = [i for i in scenario._PRACTICE_SITUATIONS if i._assumption == "final-offer"]
    assert {i.key for i in kinds} == {"counter-offer", "board-rounds"}
    below = 0
    for sale in sales:
        after = scenario.posterior_after_opening(sale)
        model = scenario.best_move(after, sale.cost)[0]
        estimate = expected_reservation(after)
        top = scenario.opening_ceiling(sale, after)
        low = max(estimate - 100, model)
        reference = scenario.model_limits(sale, after)["counter-offer"][1]
        below += estimate < model

        def fits(item, opening, sale=sale, after=after):
            return scenario.situation_fits(item, with_target(opening, sale, after), sale, after)

        for item in kinds:
            assert scenario.situation_fits(item, reference, sale, after), sale.learner
            assert reference[0] >= model, sale.learner
            for price in (low, (low + top) / 2, top):
                assert fits(item, price), sale.learner
            for price in (low - 0.01, top + 0.01):
                assert not fits(item, price), sale.learner
            assert fits(item, estimate) == (estimate >= model), sale.learner
            # review 99 C1: the model's price opens a haggle only at most €100 below the
            # estimate (review 88 C1 had passed every possible price at or above it)
            assert scenario.opening_passes(model, sale, after) == (
                model >= estimate - scenario.OPENING_ROUNDING - 0.005
            ), sale.learner
            # a lone price, even the model's, is no plan (review s61 X1)
            assert not scenario.situation_fits(item, model, sale, after), sale.learner
    assert 0.5 * len(sales) < below < 0.95 * len(sales), below
    rule = "open at the higher of your estimate of the buyer's reservation price and the model's"
    for item in (*kinds, *practice):
        assert rule in " ".join(item._why_action.split()), item.key


def test_a_fair_price_is_marked_on_its_hard_bounds_only(sales):
    """Review 82 X1: a fair price was marked by the course's band (the buyer keeping a quarter
    to half of the gain), so a fair price leaving the buyer more than half failed (58,333 on
    worked-case-0). Over 2,000 learners a price passes exactly when it lies above the cost
    and the opening and below the model's price and leaves the buyer at the next price still
    possible at least a quarter of the gain; one euro above the floor passes wherever it
    leaves that quarter, a superset of what passed before. The reference answer (a third of
    the gain, a quarter or a fifth where no price leaves a third) still passes."""
    item = next(i for i in scenario._SITUATIONS if i.key == "fair-share")
    widened = 0
    for sale in sales:
        after = scenario.posterior_after_opening(sale)
        floor = max(sale.cost, sale.opening_offer)
        model = scenario.best_move(after, sale.cost)[0]
        for price in (floor, floor + 1, (floor + model) / 2, model - 1, model):
            # review 108 X1 (round 109): the share is measured at the model's price
            inside = floor + 0.005 < price < model - 0.005 and scenario.leaves_share_at_model(
                price,
                model,
                sale.cost,
                scenario.FAIR_FLOOR,  # review 88 X1
            )
            assert scenario.situation_fits(item, price, sale, after) == inside, sale.learner
            nearest = min(r for r, c in after.items() if c > 0 and r >= price - 0.005)
            widened += inside and nearest - price > (nearest - sale.cost) / 2 + 0.005
    assert widened > 0.5 * len(sales), widened
    for sale in sales:
        after = scenario.posterior_after_opening(sale)
        floor = max(sale.cost, sale.opening_offer)
        fair = scenario.model_limits(sale, after)["fair-share"][1]
        assert scenario.situation_fits(item, fair, sale, after), sale.learner
        lowest = min(r for r, chance in after.items() if chance > 0)
        if (lowest + sale.cost) / 2 > floor + 0.01:
            assert scenario.situation_fits(item, (lowest + sale.cost) / 2, sale, after)
    words = notebook_words("q6-text")
    # review s62 X3: the rule names the band a course convention; the table keeps it
    # review 88 X1: the table states the hard bounds, the quarter is advice
    # review 108 X1 (round 109): the share is measured at the model's price, which puts the
    # price below it (the list above the box says "a *fair price* below the model's price")
    assert (
        # session 111 U3: whose reservation price is the model's price
        "a *fair price*: above your cost and Osprey's opening, leaving a buyer whose "
        "reservation price is the model's price at least a fifth of the gain (the model's "
        "price minus" in words
    )  # review 89 X2
    assert "a *fair price* below the model's price" in words
    assert "at least a quarter of the gain" in words  # review 103 U4


def test_question_2_warns_that_the_sure_price_can_be_a_loss(sales):
    """Question 2's `sure` price is below the cost for some learners (about 7% in a sample
    of 200); its prompt now says `sure` is what Osprey would accept, not what pays you."""
    below = 0
    for sale in sales:
        after = scenario.posterior_after_opening(sale)
        below += min(r for r, chance in after.items() if chance > 0) < sale.cost
    assert 0.01 * len(sales) < below < 0.5 * len(sales), below
    words = notebook_words("q2-text")
    assert "`sure` is what Osprey would accept, not what pays you" in words
    assert "for some learners it is below `sale.cost`, a sale at a loss" in words


def test_the_intro_gives_question_5_its_three_marks():
    """The intro gave Question 5 five marks (its heading and test cell: three); it said
    three, and five with Question 4 for the sitting; since review 72 X3 (Question 5c's mark
    moved to Question 5's price after the news) four, and six."""
    from pathlib import Path

    source = Path(__file__).parents[1] / "source" / "01_information" / "information.py"
    words = " ".join(line.removeprefix("#").strip() for line in source.read_text().splitlines())
    words = " ".join(words.split())
    # review 78 U7: the sitting plan lists sittings only, no marks
    assert "for the sitting" not in words and "Question 5 (five marks" not in words
    assert "### Question 5 (4 marks)" in source.read_text()


def test_the_anchor_section_says_first_number_is_drawn_for_most_learners(sales):
    """Section 5 points to Question 6's `first-number`, which is drawn for some learners
    only: the text says "for most", and most swept learners have it (1,608 of 2,000 since
    review 70 X5 gave it to every learner whose opening raised the price)."""
    have = sum("first-number" in sale.situations for sale in sales)
    # review 76 X1: at most one of `one-price` and `first-number`, 865 of 2,000
    assert 0.35 < have / len(sales) < 0.5, have
    words = notebook_words("anchor-teaching")
    assert "Question 6's `first-number` situation, drawn for some learners" in words


def test_every_situation_says_the_seller_names_the_one_final_price():
    """The model's one price is the seller's, which the buyer takes or leaves; three
    situations said Osprey "names one final price and takes or leaves yours", which reads
    as the buyer making the final offer. Each situation that states the set-up now says
    Osprey asks you for one final price, in the scenario and in the notebook's copy."""
    from course.scenarios.information import _PRACTICE_SITUATIONS, _SITUATIONS

    texts = [s.text for s in (*_SITUATIONS, *_PRACTICE_SITUATIONS)]
    words = " ".join(texts) + " " + notebook_words("q6-text")
    assert "names one final price" not in words
    stating = [t for t in texts if "one final price" in t]
    assert len(stating) >= 5
    assert all(
        "asks you for one final price" in t or "asks every supplier for one final price" in t
        for t in stating
    ), stating


def test_the_news_table_keeps_each_cell_short():
    """The row for news Osprey chose to show packed a procedure, a caveat and a
    cross-reference into one cell; the cell now names the reading and the prose under the
    table says why a verified quote is a bound."""
    from tests.notebooks import source_notebook

    (source,) = [
        cell.source
        for cell in source_notebook("01_information", "information").cells
        if cell.metadata["nbgrader"]["grade_id"] == "news-teaching"
    ]
    # review 88 U2: the table is one sentence now, and the bound sits in Question 5
    rows = [line for line in source.splitlines() if line.startswith("| ")]
    assert not rows, rows
    words = notebook_words("news-teaching")
    assert "a rival's quote Osprey chose to show you may have been picked to steer you" in words


def test_wren_s_final_price_is_an_opening_where_wren_would_counter():
    """Question 4 told the learner to name a final price at Wren's reservation price
    "instead of waiting", though Wren haggles, while Question 6 says that where a refusal
    brings a counter-offer the first number is an opening. Review 66 X1 made the price to
    name Question 4's decision: the question now has Wren take or leave one final price, and
    says that where a buyer would counter, the first number is an opening (Question 6)."""
    words = notebook_words("q4-text")
    assert "instead of waiting" not in words
    # review 78 X1: the price to name is no longer a part; the story says Wren takes or
    # leaves one final price, and the check's pass message names it
    story = " ".join(drawn(LEARNERS[0]).story().split())
    assert "it will now take or leave one final price from you" in story


def test_the_bluff_is_said_to_be_tolerated_by_lawyers_rules_not_lawful():
    """Review 66 E1: "so a bluff is usually lawful" was drawn from the Model Rule 4.1 comment,
    a rule of conduct for lawyers, and from Carr, an essay on ethics that module 00 calls no
    authority for this line; neither says what the law allows. The text now claims only what
    the comment says: lawyers' own rules tolerate a bluff about your own limit."""
    words = " ".join(
        line.removeprefix("#").strip() for line in source_notebook_path().read_text().splitlines()
    )
    assert "usually lawful" not in words
    assert "A bluff that is called still costs you credibility" in words  # review 88 U1


def test_no_haggle_opens_below_the_model_s_price(sales):
    """Review 69 X1: Question 6's opening rule took anything from the estimate up, wherever
    the model's price fell, and the reference plan opened at the estimate, below the price
    the same learner would name as one final price (the reviewer's student-020: €62,322
    against €70,000). The floor is now the higher of the two. Over the 2,000 swept learners
    the floor moves for 1,813 (the model's price lies above the estimate); for each of them
    an opening at the estimate now fails, with a hint that says it lies below the model's
    price and nothing about a price short of the estimate; two more right formulations (the
    ceiling with a target seven tenths of the way to the estimate, four fifths before
    session 75, and the model's price or
    the estimate rounded to the €100, whichever is higher, aiming at two thirds of the way)
    pass on every learner. The draw still leaves a real decision: the target's band is at
    least €750 wide for every learner (€1,000 for 97 in 100), the estimate is never within €100 of the model's
    price, and the opening's band is at least €3,000 wide. Review 70 X1: where the model's
    price is the highest price still possible (about 170 learners; 249 before review 70 X5
    let a third of learners' openings raise the price), the band was that one price; it now
    runs one step of the reservations above it. Since X5 the floor moves for about 1,200
    learners, not 1,813: where the opening raised the price, the model's price is the
    lowest still possible and mostly below the estimate. Review 93 X1: the step rests on no
    fact, so for those learners the one opening is the model's price again (the rule the
    module teaches gives no other); the plan's room is the target band below it. Everywhere
    else the opening's band is still at least €3,000 wide."""
    item = next(i for i in scenario._SITUATIONS if i.key == "counter-offer")
    moved = single = narrow = 0
    for sale in sales:
        after = scenario.posterior_after_opening(sale)
        model = best_price(after, sale.cost)
        estimate = scenario.expected_reservation(after)
        top = scenario.opening_ceiling(sale, after)
        assert abs(model - estimate) > 100, sale.learner
        if model > estimate:
            moved += 1
            assert scenario.opening_floor(sale, after) == model, sale.learner
            wrong = with_target(estimate, sale, after)
            assert not scenario.situation_fits(item, wrong, sale, after), sale.learner
            note = check._notes([("final-offer", wrong)], sale, after)
            assert "An opening below the model's price" in note, sale.learner
            assert "is no opening by Question 6's rule" not in note, sale.learner
        # review 77 X1: a target is never below `sure` where `sure` lies above halfway
        sure = scenario.surest_price(after)
        at_top = (top, max(sale.cost + 0.7 * (estimate - sale.cost), sure))
        rounded = max(model, estimate // 100 * 100)
        by_hundreds = (rounded, max(sale.cost + 2 / 3 * (estimate - sale.cost), sure))
        for plan in (at_top, by_hundreds):
            assert scenario.situation_fits(item, plan, sale, after), (sale.learner, plan)
        low, high = scenario.target_band(max(model, estimate), sale, after)
        assert abs(low - max(sure, (sale.cost + estimate) / 2)) < 1e-6, sale.learner  # 77 X1
        # the width a rounded opening can move: from halfway (review 77 X1: where `sure` sets
        # the floor, rounding does not move it)
        low, high = (sale.cost + estimate) / 2, sale.cost + 0.75 * (estimate - sale.cost)
        # session 75: the band is a quarter of the gain now (half beyond the estimate before),
        # €800 at the narrowest, 30 of 2,000 under €1,000: still many times the €50 a
        # rounded opening moves its floor
        assert high - low >= 750, sale.learner
        narrow += high - low < 1_000
        single += model == scenario.ceiling(sale, after)
        if model == top:
            assert scenario.opens_by_the_course_rule(model, sale, after), sale.learner
            assert not scenario.opens_by_the_course_rule(model + 0.01, sale, after), sale.learner
        else:
            assert top - max(model, estimate - 100) >= 3_000, sale.learner
    assert 0.5 * len(sales) < moved < 0.7 * len(sales), moved
    assert 0.05 * len(sales) < single < 0.12 * len(sales), single
    assert narrow < 0.03 * len(sales), narrow


def test_question_5b_s_count_is_a_rule_the_text_keeps(sales):
    """Review 69 X2: Question 5b counted up to ten holds as ordinary evidence, though the model
    gives ten in a row a chance below 1e-7. Review 73 then added a rule, never re-price on a
    run the model gives a chance below 1 in 10,000, which every count of six or more met, so
    the graded count was one the text told the learner to ignore (review 75 C3). The count
    now stops at five, the text gives one rule (re-price once Osprey has held that many
    times), and a hold's chance stays below 0.19 under every price still possible."""
    q5b = notebook_words("q5b-text")
    # review 80 C3: the count is what honest holds would be worth (review 82 E1: a floor),
    # not a rule that rewards a buyer who simply holds
    assert "Use the count as your rule at the table" not in q5b
    # review 79 E2: the model, not the count, reads holds as honest
    assert "The model reads every hold as honest." in q5b
    assert "1 in 10,000" not in q5b and "ten in a row" not in q5b
    assert scenario.MOST_HOLDS == 5
    for sale in sales:
        after = scenario.posterior_after_opening(sale)
        hold = scenario.hold_likelihood(after, sale.opening_offer)
        chance = max(hold[r] for r, c in after.items() if c > 0)
        assert chance < 0.19, sale.learner


def test_question_6_says_the_staged_re_price_is_before_only_after_a_wrong_staged_price(sales):
    """Review 70 X6: on every learner's case the staged re-price equalled Question 5's
    `before`; since X5 that stays true exactly for the learners whose opening does not raise
    the price (1,328 of 2,000): what a shaded opening proves (r >= opening / b) leaves the
    prior's best price possible. Review 72 X5: Question 6's text said so to everyone, which
    handed those learners the number; now the check says it after a wrong staged price,
    exactly on the cases where it holds."""
    words = notebook_words("q6-text")
    assert "Unless your opening raised your price, it is Question 5's `before`" not in words
    assert "what a shaded opening proves leaves `before` possible" not in words
    kinds = Counter()
    for sale in sales:
        before = scenario.best_move(sale.prior_beliefs(), sale.cost)[0]
        rising = scenario.meets_good_news(sale.learner)
        same = scenario.staged_price(sale) == before
        kinds[rising] += 1
        assert same != rising, sale.learner
        note = check._staged_note(sale, "your case")
        assert bool(note) == same, sale.learner
        assert not note or "leaves Question 5's `before` possible" in note
        if not rising:
            assert before >= sale.opening_offer / sale.opening_high - 0.005, sale.learner
    assert kinds[False] > kinds[True] > 0


def test_question_5b_says_none_follows_where_no_price_lies_below_the_model_s(sales):
    """Review 70 X5 made Question 5b's answer None for every learner whose opening raised the
    price (672 of 2,000): no possible price lies between the cost and the model's price, so no
    hold can lower it. The text says so; the sweep holds it."""
    assert (  # review 91 U2: said plainly
        # review 103 X3: such a learner's Question 5b case is another learner's sale;
        # review 108 U3 (round 109): said plainly, a stand-in case
        "Holds only push beliefs down, so they can only move your price down. Where your "
        "opening raised the model's price, nothing lower is still possible and holds cannot "
        "move it: then the check tries a stand-in case" in notebook_words("q5b-text")
    )
    for sale in sales:
        after = scenario.posterior_after_opening(sale)
        if not scenario.surer_prices(after, sale.cost):
            assert scenario.holds_before_moving(sale, after) is None, sale.learner


def test_a_haggle_s_room_is_below_the_opening_where_the_last_word_is_the_top(sales):
    """Review 70 X1: Question 6 accepted openings up to the highest price still possible, so
    where that is the model's price (164 of the 1,938 swept learners with a counter-offer
    situation) the only accepted opening was the price they would name as their last word,
    and an opening a step above lost the mark. Review 73 X1/C1 granted everyone one step of
    the reservations above that price as room for the counter-offer. Review 93 X1: the step
    rests on no fact (the opening has already ruled that price out), so the mark stops at
    the highest price still possible again, as the rule the module teaches does. Where that
    is the model's price (130 of the 1,738 swept learners with a haggle), the model's price
    is the one opening, and the haggle's room lies below it: the target band's top lies
    €3,000 or more under it. Elsewhere the opening has €1,000 or more. Convention 1 states
    the mark's range with no step."""
    at_top = 0
    for sale in sales:
        if not {"counter-offer", "board-rounds"} & set(sale.situations):
            continue
        after = posterior(sale)
        model = best_price(after, sale.cost)
        estimate = sum(r * c for r, c in after.items())
        alive = [r for r, c in after.items() if c > 0]
        step = sale.reservations[1] - sale.reservations[0]
        low = max(estimate - 100, model)
        top = max(alive)
        opens = functools.partial(scenario.opens_by_the_course_rule, sale=sale, after=after)
        assert opens(top) and not opens(top + 1) and not opens(top + step), sale.learner
        if model == top:
            at_top += 1
            band_low, band_high = scenario.target_band(model, sale, after)
            assert band_low < band_high <= model - 3_000, sale.learner
        else:
            assert top - low >= 1_000, sale.learner
    assert 0.05 < at_top / len(sales) < 0.15, at_top
    words = notebook_words("q6-text")
    # review 80 C2: the text teaches openings up to that highest price, a fact, and names no
    # step; review 85 C1: the mark's bound; review 88 C1: the mark's range, and the possible
    # prices, are stated; review 91 U1: the mark's exact bound; review 93 X1: with no step
    assert "(a step: the gap between neighbouring prices in" not in words
    assert (
        # review 97 U1 (round 98): stated once, in the plan rule's opening line; review 99 C1
        # (round 100): without "or any reservation price still possible at or above the
        # model's price"
        "up to the highest reservation price still possible;" in words
    )
    assert "or any reservation price still possible" not in words


def test_a_staged_opening_re_prices_away_from_before_for_about_a_third(sales):
    """Review 70 X6: on every learner's own case the `staged-opening` price equalled Question
    5's `before`, so "the opening tells me nothing" gave the learner's own answer. Where the
    opening raised the price (review 70 X5, about a third of learners) it ruled out the
    prior's best price, and so does the floor a shaded opening still proves: there the
    re-priced price differs from `before`."""
    differs = 0
    for sale in sales:
        before = best_price(sale.prior_beliefs(), sale.cost)
        now = best_price(posterior(sale), sale.cost)
        moved = scenario.staged_price(sale) != before
        assert moved == (now > before), sale.learner
        differs += moved
    assert 0.25 < differs / len(sales) < 0.45, differs
