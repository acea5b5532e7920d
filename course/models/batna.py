"""Alternatives as leverage: expected values, the BATNA, the ZOPA and how a surplus splits.

A *tree* describes an uncertain alternative. A leaf is a number (what you get); a node is
a list of ``(probability, subtree)`` pairs whose probabilities sum to 1. For example a
job with a 50/50 chance of a 120k or a 70k package is ``[(0.5, 120_000), (0.5, 70_000)]``.
"""

import math
from collections.abc import Mapping
from numbers import Real

from course.models.validation import number, probability, sums_to_one


def expected_value(tree):
    """Expected value of an uncertain alternative: the probability-weighted sum of its leaves.

    >>> expected_value([(0.5, 120_000), (0.5, 70_000)])
    95000.0
    """
    return _expected_value(tree, path="")


def _expected_value(tree, path):
    """``path`` says where in a bigger tree we are, for error messages ("" at the top)."""
    where = f" in {path}" if path else ""
    if isinstance(tree, list | tuple):
        if not tree:
            raise ValueError(f"an empty list{where}: a node needs at least one outcome")
        probabilities, values = [], []
        for index, branch in enumerate(tree):
            branch_path = f"{path or 'tree'}[{index}]"
            if not isinstance(branch, list | tuple) or len(branch) != 2:
                raise TypeError(
                    f"{branch_path} must be a (probability, outcome) pair, got {branch!r}"
                )
            probabilities.append(probability(branch[0], f"the probability of {branch_path}"))
            values.append(_expected_value(branch[1], f"{branch_path}'s outcome"))
        sums_to_one(probabilities, f"probabilities{where}")
        return math.fsum(p * v for p, v in zip(probabilities, values, strict=True))
    if isinstance(tree, bool) or not isinstance(tree, Real):
        raise TypeError(
            f"{path or 'a tree'} must be a number or a list of (probability, outcome) pairs, "
            f"got {type(tree).__name__} {tree!r}"
        )
    return number(tree, path or "a tree")


def best_alternative(alternatives):
    """The BATNA: the alternative with the highest expected value, as ``(name, value)``.

    Ties go to the alternative listed first.
    """
    if not isinstance(alternatives, Mapping):
        raise TypeError(
            f"alternatives must be a mapping of name to tree, got {type(alternatives).__name__}"
        )
    if not alternatives:
        raise ValueError("alternatives is empty: list at least one alternative")
    best = None
    for name, tree in alternatives.items():
        value = _expected_value(tree, path=f"alternative {name!r}")
        if best is None or value > best[1]:
            best = (name, value)
    return best


def zopa(seller_reservation, buyer_reservation):
    """The zone of possible agreement ``(low, high)``, or ``None`` when the zone is empty.

    A seller accepts no less than their reservation price; a buyer pays no more than
    theirs. Any price between the two leaves both better off than walking away.
    """
    low = number(seller_reservation, "seller_reservation")
    high = number(buyer_reservation, "buyer_reservation")
    return (low, high) if high >= low else None


def surplus_share(price, seller_reservation, buyer_reservation):
    """The seller's share of the surplus at ``price``: 0 at the seller's floor, 1 at the buyer's cap."""
    price = number(price, "price")
    zone = zopa(seller_reservation, buyer_reservation)
    if zone is None:
        raise ValueError(
            f"there is no ZOPA: the buyer's reservation {buyer_reservation:g} is below "
            f"the seller's {seller_reservation:g}"
        )
    low, high = zone
    if high == low:
        raise ValueError(f"the ZOPA is the single price {low:g}: there is no surplus to share")
    if not low <= price <= high:
        raise ValueError(f"price {price:g} is outside the ZOPA [{low:g}, {high:g}]")
    return (price - low) / (high - low)


def nash_split(pie, batna_a, batna_b, weight_a=0.5):
    """Nash bargaining split of ``pie`` with the BATNAs as the disagreement point.

    Each side first gets its BATNA, then the surplus ``pie - batna_a - batna_b`` is split
    in proportion ``weight_a : 1 - weight_a`` (Nash 1950; asymmetric form, Roth 1979).
    Returns ``(a, b)``, or ``None`` when the pie is smaller than the BATNAs together,
    because then at least one side does better by walking away.
    """
    pie = number(pie, "pie")
    batna_a = number(batna_a, "batna_a")
    batna_b = number(batna_b, "batna_b")
    weight_a = probability(weight_a, "weight_a")
    surplus = pie - batna_a - batna_b
    if surplus < 0:
        return None
    return (batna_a + weight_a * surplus, batna_b + (1.0 - weight_a) * surplus)


def deal_outcome(price, seller_reservation, buyer_reservation):
    """What a proposed deal means for both sides, as a dict.

    ``verdict`` is one of ``"no-zopa"``, ``"below-seller"`` (the seller walks away),
    ``"above-buyer"`` (the buyer walks away), ``"no-surplus"`` (a zone of one price) or
    ``"inside"``; ``seller_gain``/``buyer_gain`` are each side's gain over walking away
    and ``seller_share`` the seller's share of the surplus (``None`` unless inside).
    """
    price = number(price, "price")
    seller = number(seller_reservation, "seller_reservation")
    buyer = number(buyer_reservation, "buyer_reservation")
    outcome = {"seller_gain": price - seller, "buyer_gain": buyer - price, "seller_share": None}
    if zopa(seller, buyer) is None:
        verdict = "no-zopa"
    elif price < seller:
        verdict = "below-seller"
    elif price > buyer:
        verdict = "above-buyer"
    elif buyer == seller:
        verdict = "no-surplus"
    else:
        verdict = "inside"
        outcome["seller_share"] = surplus_share(price, seller, buyer)
    return {"verdict": verdict, "surplus": max(buyer - seller, 0.0), **outcome}
