"""Alternatives as leverage: expected values, the BATNA, the ZOPA and how a surplus splits.

A *tree* describes an uncertain alternative. A leaf is a number (what you get); a node is
a list of ``(probability, subtree)`` pairs whose probabilities sum to 1. For example a
job with a 50/50 chance of a 120k or a 70k package is ``[(0.5, 120_000), (0.5, 70_000)]``.
"""

import math
from collections.abc import Mapping
from numbers import Real

from course.models.validation import number, probability, sums_to_one

#: The top of the course's band for a target (module 02, section 4), as a share of the way
#: from your reservation price up to your estimate of the other side's: aim at the figure
#: of the best fact you can show, kept between the even split (half of the way) and this
#: share; with no fact, the even split. This course's convention, not a research finding;
#: module 04's engine shows what aiming higher costs. Modules 01, 02, 04 and 05 read it here.
TARGET_SHARE = 0.75


def expected_value(tree):
    """Expected value of an uncertain alternative: the probability-weighted sum of its leaves,
    in the leaves' unit (Raiffa, *Decision Analysis*, 1968, rolls a tree back the same way).

    Raises ``TypeError`` or ``ValueError`` naming the outcome at fault in plain words
    ("outcome 2", "outcome 1.2" for the second branch under outcome 1).

    >>> expected_value([(0.5, 120_000), (0.5, 70_000)])
    95000.0
    """
    return math.fsum(p * amount for p, amount in flatten(tree))


def flatten(tree):
    """The tree as one level: a list of ``(probability, amount)`` leaves, each probability
    the product of the probabilities on its path, in the tree's order. A number is one leaf
    of probability 1.

    >>> flatten([(0.8, [(0.5, 120), (0.5, 90)]), (0.2, 50)])
    [(0.4, 120.0), (0.4, 90.0), (0.2, 50.0)]
    """
    return _flatten(tree, "")


def _flatten(tree, where):
    """``where`` names the node in plain words for error messages ("" at the top)."""
    if isinstance(tree, list | tuple):
        if not tree:
            raise ValueError(
                f"{where or 'the tree'} has no outcomes: give it at least one "
                "(probability, amount) pair"
            )
        probabilities, subtrees = [], []
        for index, branch in enumerate(tree, start=1):
            name = f"{where}.{index}" if where else f"outcome {index}"
            if not isinstance(branch, list | tuple) or len(branch) != 2:
                raise TypeError(f"{name} must be a (probability, amount) pair, got {branch!r}")
            probabilities.append(probability(branch[0], f"the probability of {name}"))
            subtrees.append(_flatten(branch[1], name))
        sums_to_one(
            probabilities, f"the probabilities {f'under {where}' if where else 'of the outcomes'}"
        )
        return [
            (p * q, amount)
            for p, leaves in zip(probabilities, subtrees, strict=True)
            for q, amount in leaves
        ]
    if type(tree) not in (float, int) and (isinstance(tree, bool) or not isinstance(tree, Real)):
        what = f"the amount of {where}" if where else "a tree"
        raise TypeError(
            f"{what} must be a number or a list of (probability, amount) pairs, "
            f"got {type(tree).__name__} {tree!r}"
        )
    return [(1.0, number(tree, f"the amount of {where}" if where else "a tree"))]


def is_sure(tree):
    """True when every outcome of ``tree`` pays the same amount: a sure amount, worth itself
    whatever the person's attitude to risk.

    >>> is_sure(92_000), is_sure([(0.5, 120_000), (0.5, 70_000)])
    (True, False)
    """
    return len({amount for _, amount in flatten(tree)}) == 1


def risk_attitude(tree, certainty_equivalent):
    """What a person's certainty equivalent of an alternative says about them.

    The *certainty equivalent* is the sure amount the person would take instead of the
    uncertain alternative ``tree`` (Raiffa 1968, ch. 4). Returns ``(attitude, premium)``:
    ``attitude`` is ``"risk-averse"`` (below the expected value), ``"risk-neutral"`` (equal
    to it, to the cent) or ``"risk-seeking"`` (above it), or ``"no risk"`` when the
    alternative has a single outcome (a sure amount is worth itself, and says nothing about
    the person); ``premium`` is the expected value
    minus the certainty equivalent, what the person gives up for certainty (negative for a
    risk seeker). Raises ``ValueError`` when the sure amount is below the worst outcome or
    above the best one: nobody who prefers more money to less answers that way.

    >>> risk_attitude([(0.5, 120_000), (0.5, 70_000)], 88_000)
    ('risk-averse', 7000.0)
    """
    leaves = flatten(tree)
    sure = number(certainty_equivalent, "the certainty equivalent")
    worst, best = min(a for _, a in leaves), max(a for _, a in leaves)
    if sure < worst:
        raise ValueError(
            f"a sure {sure:,.0f} is less than the worst outcome, {worst:,.0f}: the "
            "alternative always pays at least that, so it is worth at least that to you"
        )
    if sure > best:
        raise ValueError(
            f"a sure {sure:,.0f} is more than the best outcome, {best:,.0f}: the "
            "alternative never pays that much, so no sure amount above it is equivalent"
        )
    premium = math.fsum(p * a for p, a in leaves) - sure
    if worst == best:
        return "no risk", 0.0
    if abs(premium) < 0.005:
        return "risk-neutral", 0.0
    return ("risk-averse" if premium > 0 else "risk-seeking"), premium


def certainty_equivalent(tree, relative_risk_aversion):
    """The sure amount worth as much as ``tree`` to a person of constant relative risk
    aversion ``relative_risk_aversion`` (γ ≥ 0), in the tree's units.

    Such a person values an amount ``x`` at ``x**(1 - γ) / (1 - γ)`` (``log x`` when γ is 1),
    the utility Pratt (1964) and Arrow (1965) use to measure risk aversion; the certainty
    equivalent is the amount whose utility is the tree's expected utility. γ = 0 is
    risk-neutral (the expected value); the larger γ, the larger the risk premium, and one
    γ prices every gamble the person faces. Raises ``ValueError`` for a negative γ or an
    outcome of 0 or less (the utility needs positive amounts).

    >>> round(certainty_equivalent([(0.5, 120_000), (0.5, 70_000)], 2))
    88421
    """
    gamma = number(relative_risk_aversion, "the relative risk aversion")
    if gamma < 0:
        raise ValueError(f"the relative risk aversion must be 0 or more, got {gamma:g}")
    leaves = flatten(tree)
    if any(amount <= 0 for _, amount in leaves):
        raise ValueError("every outcome must be more than 0 to value it with this utility")
    if math.isclose(gamma, 1.0):
        return math.exp(math.fsum(p * math.log(a) for p, a in leaves))
    power = 1.0 - gamma
    return math.fsum(p * a**power for p, a in leaves) ** (1.0 / power)


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
        try:
            value = expected_value(tree)
        except (TypeError, ValueError) as error:
            raise type(error)(f"alternative {name!r}: {error}") from None
        if best is None or value > best[1]:
            best = (name, value)
    return best


def zopa(seller_reservation, buyer_reservation):
    """The zone of possible agreement ``(low, high)``, or ``None`` when the zone is empty.

    A seller accepts no less than their reservation price; a buyer pays no more than
    theirs. At any price in the zone neither side is worse off than walking away, and
    inside it (ends excluded) both are strictly better off (Raiffa, *The Art and Science of
    Negotiation*, 1982; Lax & Sebenius, *The Manager as Negotiator*, 1986). This is one
    issue with fixed reservation prices: other terms of a deal can move them.
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
            f"there is no ZOPA: the buyer's reservation price {buyer_reservation:g} is below "
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

    Where it holds: the pie is money worth the same to both sides, both risk-neutral, and
    what pushes them to agree is the risk that something neither side controls ends the
    talks, each side then getting its BATNA (Binmore, Rubinstein & Wolinsky, *RAND Journal
    of Economics* 17, 1986). When either side may walk out to its BATNA whenever
    it turns down the other's proposal and delay is what costs them, use
    ``outside_option_split``.
    """
    pie = number(pie, "pie")
    batna_a = number(batna_a, "batna_a")
    batna_b = number(batna_b, "batna_b")
    weight_a = probability(weight_a, "weight_a")
    surplus = pie - batna_a - batna_b
    if surplus < 0:
        return None
    return (batna_a + weight_a * surplus, batna_b + (1.0 - weight_a) * surplus)


def outside_option_split(pie, batna_a, batna_b):
    """The split of ``pie`` when either side may walk out to its BATNA whenever it turns
    down the other's proposal and delay is what pushes both to agree (the "deal-me-out"
    result; if a side may also leave after its own proposal is refused, this is no longer
    the only prediction: Shaked, 1994).

    Two equally patient sides who lose nothing but time while they talk split the pie
    evenly (Rubinstein 1982, as waiting costs shrink); a BATNA changes that only when it
    is worth more than half, and then it sets that side's share exactly (Shaked & Sutton
    1984; Binmore, Shaked & Sutton, *Quarterly Journal of Economics* 104, 1989, who found
    laboratory bargainers closer to this than to ``nash_split``). Same units as ``pie``.
    Returns ``(a, b)``, or ``None`` when the pie is smaller than the BATNAs together.

    >>> outside_option_split(100, 40, 40), outside_option_split(100, 60, 40)
    ((50.0, 50.0), (60.0, 40.0))
    """
    pie = number(pie, "pie")
    batna_a = number(batna_a, "batna_a")
    batna_b = number(batna_b, "batna_b")
    if batna_a + batna_b > pie:
        return None
    share_a = min(max(pie / 2, batna_a), pie - batna_b)
    return (share_a, pie - share_a)


def deal_outcome(price, seller_reservation, buyer_reservation):
    """What a proposed deal means for both sides, as a dict.

    ``verdict`` is one of ``"no-zopa"``, ``"below-seller"`` (the seller would rather walk
    away), ``"above-buyer"`` (the buyer would rather walk away), ``"no-surplus"`` (a zone of
    one price) or ``"inside"`` (ends included); ``seller_gain``/``buyer_gain`` are each
    side's gain over walking away, ``seller_share`` the seller's share of the surplus
    (``None`` unless inside) and ``even_split`` the middle of the two reservation prices
    (the Nash price when the reservation prices are breakdown payoffs; see ``nash_split``).
    """
    price = number(price, "price")
    seller = number(seller_reservation, "seller_reservation")
    buyer = number(buyer_reservation, "buyer_reservation")
    outcome = {
        "seller_gain": price - seller,
        "buyer_gain": buyer - price,
        "seller_share": None,
        "even_split": (seller + buyer) / 2,
    }
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
