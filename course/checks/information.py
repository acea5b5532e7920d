"""Checks for module 01 (information): each names the mistake it recognises."""

import math
from collections.abc import Mapping

from course.checks.hints import NotYet, call_learner, diagnose, money, passed, same_money
from course.models.information import expected_reservation
from course.scenarios.information import (
    best_ask as reference_best_ask,
)
from course.scenarios.information import (
    opening_likelihood as reference_likelihood,
)
from course.scenarios.information import (
    posterior_after_opening,
    value_of_knowing,
)
from course.variants import rng_for, variant

MODULE = "01_information"

#: Other learners' scenarios the hidden tests also try, so hard-coded numbers fail.
HIDDEN_LEARNERS = tuple(f"hidden-{n}" for n in range(1, 6))

#: Probabilities may differ from ours by float rounding only.
CHANCE_TOLERANCE = 1e-6


def _scenarios(hidden):
    """The learner's own scenario, plus other learners' when grading hidden cases."""
    own = variant(MODULE)
    return [own] + ([variant(MODULE, learner) for learner in HIDDEN_LEARNERS] if hidden else [])


def _close(a, b):
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def _per_value(result, sale, what):
    """The learner's mapping as {possible limit: number}, or a hint about its shape."""
    if not isinstance(result, Mapping):
        raise NotYet(
            f"{what} should be a dict of reservation price to number, got "
            f"{type(result).__name__} {result!r}"
        )
    missing = [value for value in sale.reservations if value not in result]
    extra = [value for value in result if value not in sale.reservations]
    if missing or extra:
        raise NotYet(
            f"for learner {sale.learner}, {what} should have one entry per possible limit "
            f"{list(sale.reservations)}; "
            + (f"missing {missing}" if missing else f"it has extra keys {extra}")
        )
    return {value: money(result[value], f"the entry for {value:,.0f}") for value in result}


def opening_likelihood(answer, hidden=False):
    """Check a function that gives the chance per unit of the opening under each limit."""
    for sale in _scenarios(hidden):
        given = _per_value(call_learner(answer, sale), sale, "opening_likelihood's result")
        expected = reference_likelihood(sale)
        if all(_close(given[v], expected[v]) for v in expected):
            continue
        offer, low, high = sale.opening_offer, sale.opening_low, sale.opening_high
        who = f"for learner {sale.learner} (opening {offer:,.0f})"
        wrongly_open = [v for v in expected if expected[v] == 0 and given[v] != 0]
        if wrongly_open:
            v = wrongly_open[0]
            raise NotYet(
                f"{who}: a buyer whose limit is {v:,.0f} opens between {low * v:,.0f} and "
                f"{high * v:,.0f}, so this opening is impossible for it; its likelihood is 0."
            )
        wrongly_shut = [v for v in expected if expected[v] != 0 and given[v] == 0]
        if wrongly_shut:
            v = wrongly_shut[0]
            raise NotYet(
                f"{who}: the opening lies inside the band of limit {v:,.0f} "
                f"({low * v:,.0f} to {high * v:,.0f}), so its likelihood is not 0."
            )
        inside = [given[v] for v in expected if expected[v] != 0]
        if len(inside) > 1 and all(_close(x, inside[0]) for x in inside):
            raise NotYet(
                f"{who}: you gave every limit that fits the same likelihood. A higher limit "
                "has a wider band, so the same chance is spread thinner: divide by the band's "
                "width, (high − low) × r."
            )
        ratios = [given[v] / expected[v] for v in expected if expected[v] != 0]
        if all(_close(x, ratios[0]) for x in ratios):
            raise NotYet(
                f"{who}: the proportions are right, but the question asks for the chance per "
                "unit, 1 / ((high − low) × r), inside the band."
            )
        v = next(v for v in expected if not _close(given[v], expected[v]))
        raise NotYet(f"{who}: for limit {v:,.0f} expected {expected[v]:.4g}, got {given[v]:.4g}.")
    passed("opening_likelihood gives 0 outside each band and 1/((high − low) r) inside.")


def belief_after_opening(answer, hidden=False):
    """Check a function that returns (posterior, expected limit) after the opening offer."""
    for sale in _scenarios(hidden):
        result = call_learner(answer, sale)
        if not isinstance(result, tuple) or len(result) != 2:
            raise NotYet(
                f"belief_after_opening should return a (beliefs, expected limit) pair, got {result!r}"
            )
        given = _per_value(result[0], sale, "the beliefs")
        mean = money(result[1], "the expected limit")
        expected = posterior_after_opening(sale)
        who = f"for learner {sale.learner}"
        if not all(abs(given[v] - expected[v]) <= CHANCE_TOLERANCE for v in expected):
            prior = sale.prior_beliefs()
            if all(abs(given[v] - prior[v]) <= CHANCE_TOLERANCE for v in prior):
                raise NotYet(
                    f"{who}: those are still your prior beliefs; multiply each by the "
                    "opening's likelihood under that limit."
                )
            total = sum(given.values())
            if total > 0 and all(
                abs(given[v] / total - expected[v]) <= CHANCE_TOLERANCE for v in expected
            ):
                raise NotYet(
                    f"{who}: the proportions are right, but beliefs must add up to 1 (yours add "
                    f"up to {total:.4g}); divide each by their total."
                )
            v = next(v for v in expected if abs(given[v] - expected[v]) > CHANCE_TOLERANCE)
            raise NotYet(
                f"{who}: after the opening, the chance of limit {v:,.0f} is {expected[v]:.4f}, "
                f"not {given[v]:.4f}."
            )
        hint = diagnose(
            mean,
            expected_reservation(expected),
            [
                (
                    expected_reservation(sale.prior_beliefs()),
                    "that is the expected limit before the opening; use your new beliefs",
                ),
            ],
            f"with these beliefs the expected limit is {expected_reservation(expected):,.2f}, "
            f"not {mean:,.2f}",
        )
        if hint:
            raise NotYet(f"{who}: {hint}.")
    passed("belief_after_opening updates your beliefs with Bayes' rule.")


def _belief_cases(hidden):
    """(beliefs, cost) pairs: the learner's posterior and prior, and more when hidden."""
    cases = []
    for sale in _scenarios(hidden):
        cases.append((posterior_after_opening(sale), sale.cost))
        cases.append((sale.prior_beliefs(), sale.cost))
    if hidden:
        rng = rng_for(f"{MODULE}:best_ask", variant(MODULE).learner)
        for _ in range(6):
            values = sorted({float(rng.randrange(20, 120)) for _ in range(rng.randint(2, 5))})
            weights = [rng.random() + 0.01 for _ in values]
            beliefs = {v: w / sum(weights) for v, w in zip(values, weights, strict=True)}
            cases.append((beliefs, float(rng.randrange(0, 100))))
        cases.append(({60.0: 0.5, 70.0: 0.3, 80.0: 0.2}, 90.0))  # no price covers the cost
        cases.append(({50.0: 0.5, 100.0: 0.5}, 0.0))  # a tie: both prices earn 50
    return cases


def best_ask(answer, hidden=False):
    """Check a function that returns the best single price against discrete beliefs."""
    for beliefs, cost in _belief_cases(hidden):
        shown = {round(v): round(p, 3) for v, p in beliefs.items()}
        where = f"best_ask(beliefs, cost={cost:,.0f}) with beliefs {shown}"
        result = call_learner(answer, dict(beliefs), cost, name="best_ask")
        if not isinstance(result, tuple) or len(result) != 2:
            raise NotYet(f"best_ask should return a (price, expected profit) pair, got {result!r}")
        price, profit = result
        best_price, best_profit = reference_best_ask(beliefs, cost)
        if best_price is None:
            if price is not None or not same_money(money(profit, "the profit"), 0.0):
                raise NotYet(
                    f"{where}: every possible limit is at or below the cost, so no price makes "
                    f"money; return (None, 0.0), not {result!r}."
                )
            continue
        if price is None:
            raise NotYet(f"{where}: a price of {best_price:,.0f} makes money, so do not give up.")
        price, profit = money(price, "the price"), money(profit, "the expected profit")
        accepts = sum(p for v, p in beliefs.items() if v >= price)
        earns = (price - cost) * accepts
        if not same_money(earns, best_profit):
            if same_money(price, expected_reservation(beliefs)):
                hint = (
                    "that is the expected limit. A buyer whose limit is below it says no: "
                    "compare the expected profit of asking each possible limit"
                )
            elif same_money(price, max(beliefs, key=beliefs.get)):
                hint = (
                    "that is the most likely limit, but a price also has to weigh how many "
                    "buyers accept it: compare (price − cost) × chance of acceptance"
                )
            else:
                hint = (
                    f"asking {price:,.2f} earns {earns:,.2f} on average, but asking "
                    f"{best_price:,.2f} earns {best_profit:,.2f}"
                )
            raise NotYet(f"{where}: {hint}.")
        mistakes = [
            (price - cost, "that profit assumes the buyer always accepts; weigh it by the chance"),
            (
                (price - cost) * sum(p for v, p in beliefs.items() if v > price),
                "a buyer whose limit equals the price still accepts it",
            ),
        ]
        hint = diagnose(
            profit,
            best_profit,
            mistakes,
            f"the right price, but it earns {best_profit:,.2f} on average, not {profit:,.2f}",
        )
        if hint:
            raise NotYet(f"{where}: {hint}.")
    passed("best_ask finds the price with the highest expected profit.")


def report_worth_buying(answer, hidden=False):
    """Check a function that values the consultant's tip and decides whether to buy it."""
    for sale in _scenarios(hidden):
        result = call_learner(answer, sale)
        if not isinstance(result, tuple) or len(result) != 2 or not isinstance(result[1], bool):
            raise NotYet(
                "report_worth_buying should return a pair (value of the tip, True or False), "
                f"got {result!r}"
            )
        value, buy = money(result[0], "the value of the tip"), result[1]
        beliefs = posterior_after_opening(sale)
        expected = value_of_knowing(beliefs, sale.cost)
        informed = sum(p * max(v - sale.cost, 0.0) for v, p in beliefs.items())
        mistakes = [
            (
                informed,
                "that is what you earn knowing the limit; the tip is worth only what it adds "
                "to the best blind offer, so subtract that",
            ),
            (
                sum(p * (v - sale.cost) for v, p in beliefs.items())
                - reference_best_ask(beliefs, sale.cost)[1],
                "knowing a limit below your cost, you would not sell at all: count "
                "max(limit − cost, 0)",
            ),
            (
                value_of_knowing(sale.prior_beliefs(), sale.cost),
                "that is the tip's worth before Kestrel opened; use the beliefs after the opening",
            ),
        ]
        hint = diagnose(
            value, expected, mistakes, f"the tip is worth {expected:,.2f}, not {value:,.2f}"
        )
        if hint:
            raise NotYet(f"for learner {sale.learner}: {hint}.")
        if buy != (expected > sale.report_fee):
            raise NotYet(
                f"for learner {sale.learner}: the tip is worth {expected:,.2f} and costs "
                f"{sale.report_fee:,.0f}, so buying it is "
                f"{'worth it' if expected > sale.report_fee else 'not worth it'}."
            )
    passed("report_worth_buying values the tip and buys it only when it pays.")
