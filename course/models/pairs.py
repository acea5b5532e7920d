"""Scoring a role play between two people: the value each side claimed, the value the pair
created against the Pareto frontier, and how each person felt about it.

- a price case: each side's share of the zone of possible agreement (ZOPA), 0 at its
  own reservation price and 1 at the other side's (below 0: worse than walking away);
- a case of several issues with a points table per side (Raiffa 1982): points against
  each side's BATNA, the joint points the deal created, and how far it sits from the
  Pareto frontier: the joint points a package at least as good for both sides would
  have added (0 on the frontier);
- subjective value (Curhan, Elfenbein & Xu 2006): the mean answer of each of the four
  factors (the outcome, oneself, the process, the relationship) and of all of them.

Plain numbers in, plain dicts out; nothing here knows a case, a store or a screen.
"""

import math

from course.models.batna import deal_outcome
from course.models.concessions import better_for_both, pareto_frontier
from course.models.validation import number

SIDES = ("seller", "buyer")

#: The factors of subjective value, in the order the questionnaire asks them.
FACTORS = ("outcome", "self", "process", "relationship")

#: The answer scale of every question: 1 (not at all) to 7 (very much).
SCALE = (1, 7)


def zone_share(price, seller_reservation, buyer_reservation, side):
    """``side``'s share of the zone at ``price``: the seller's is 0 at its own reservation
    price and 1 at the buyer's, the buyer's the other way round; beyond the zone it is
    negative (a deal worse than walking away) or above 1. ``None`` when there is no zone
    or it is a single price (nothing to share)."""
    if side not in SIDES:
        raise ValueError(f"side must be one of {', '.join(SIDES)}, got {side!r}")
    outcome = deal_outcome(price, seller_reservation, buyer_reservation)
    room = outcome["seller_gain"] + outcome["buyer_gain"]
    if outcome["verdict"] == "no-zopa" or room <= 0:
        return None
    return outcome[f"{side}_gain"] / room


def points_over_batna(points, batna):
    """What a deal worth ``points`` gives over walking away to a BATNA worth ``batna``."""
    return number(points, "points") - number(batna, "batna")


def frontier_distance(deal, packages):
    """How far a deal ``(points_a, points_b)`` sits from the Pareto frontier of
    ``packages`` (every package's ``(points_a, points_b)``): the joint points the deal
    created, the most any package gives jointly, the joint points the best package at
    least as good for both would have added (``left_on_table``, 0 on the frontier) and
    whether the deal is on the frontier."""
    a, b = number(deal[0], "the deal's points for side a"), number(deal[1], "for side b")
    frontier = pareto_frontier(packages)
    if not frontier:
        raise ValueError("there are no packages to compare the deal with")
    better = better_for_both((a, b), frontier)
    return {
        "joint": a + b,
        "best_joint": max(x + y for x, y in frontier),
        "left_on_table": max((x + y - a - b for x, y in better), default=0.0),
        "on_frontier": not better,
    }


def subjective_value(answers, factors):
    """The mean answer per factor and overall: ``answers`` maps a question to a whole
    number on ``SCALE``, ``factors`` a question to its factor (one of ``FACTORS``).
    Unanswered questions are left out; a factor with none is ``None``."""
    low, high = SCALE
    by_factor = {factor: [] for factor in FACTORS}
    for question, answer in answers.items():
        if question not in factors:
            raise ValueError(f"no question called {question!r}")
        if isinstance(answer, bool) or not isinstance(answer, int) or not low <= answer <= high:
            raise ValueError(
                f"an answer must be a whole number from {low} to {high}, got {answer!r}"
            )
        by_factor[factors[question]].append(answer)
    every = [answer for values in by_factor.values() for answer in values]
    means = {f: math.fsum(v) / len(v) if v else None for f, v in by_factor.items()}
    return {**means, "overall": math.fsum(every) / len(every) if every else None}
