"""Concessions: how fast to give ground, what a trade is worth, and which deals waste value.

Time-dependent tactics follow Faratin, Sierra & Jennings (1998), "Negotiation decision
functions for autonomous agents", Robotics and Autonomous Systems 24(3-4):159-182.
"""

import math

from course.models.validation import number, probability

FAMILIES = ("polynomial", "exponential")


def concession_fraction(t, deadline, beta, kappa=0.0, family="polynomial"):
    """α(t): the fraction of the way from the opening offer to the reservation value that a
    time-dependent tactic has conceded at time ``t`` (Faratin et al. 1998).

    polynomial:  α(t) = κ + (1 − κ) (min(t, T) / T)^(1/β)
    exponential: α(t) = exp((1 − min(t, T) / T)^β · ln κ)   (needs κ > 0)

    β < 1 concedes late (Boulware), β = 1 evenly (linear, polynomial family), β > 1 early
    (Conceder). κ is the share conceded in the opening offer.
    """
    t = number(t, "t")
    deadline = number(deadline, "deadline")
    beta = number(beta, "beta")
    kappa = probability(kappa, "kappa")
    if t < 0:
        raise ValueError(f"t must not be negative, got {t:g}")
    if deadline <= 0:
        raise ValueError(f"deadline must be positive, got {deadline:g}")
    if beta <= 0:
        raise ValueError(f"beta must be positive, got {beta:g}")
    elapsed = min(t, deadline) / deadline
    if family == "polynomial":
        return kappa + (1.0 - kappa) * elapsed ** (1.0 / beta)
    if family == "exponential":
        if kappa == 0:
            raise ValueError("kappa must be above 0 for the exponential family (it takes ln κ)")
        return math.exp((1.0 - elapsed) ** beta * math.log(kappa))
    raise ValueError(f"family must be one of {', '.join(FAMILIES)}, got {family!r}")


def time_dependent_offer(t, deadline, initial, reservation, beta, kappa=0.0, family="polynomial"):
    """The offer of a time-dependent tactic at time ``t``: initial + α(t) (reservation − initial).

    Works for a seller (initial above reservation) and a buyer (initial below) alike.
    """
    initial = number(initial, "initial")
    reservation = number(reservation, "reservation")
    fraction = concession_fraction(t, deadline, beta, kappa, family)
    return initial + fraction * (reservation - initial)


def pareto_frontier(outcomes):
    """The outcomes no other outcome beats for both sides, as ``(utility_a, utility_b)``
    pairs sorted by ``utility_a`` (so ``utility_b`` falls along the list); duplicates once."""
    points = []
    for index, pair in enumerate(outcomes):
        if not isinstance(pair, list | tuple) or len(pair) != 2:
            raise TypeError(f"outcome {index} must be a (utility_a, utility_b) pair, got {pair!r}")
        points.append(
            (
                number(pair[0], f"utility_a of outcome {index}"),
                number(pair[1], f"utility_b of outcome {index}"),
            )
        )
    frontier = []
    for a, b in sorted(set(points), key=lambda p: (-p[0], -p[1])):
        if not frontier or b > frontier[-1][1]:
            frontier.append((a, b))
    return frontier[::-1]


def trade_ratio(value_received, cost_of_concession):
    """What a trade brings back per unit it costs you; a concession is worth making only
    when the ratio is at least 1 (you get back at least what you give)."""
    received = number(value_received, "value_received")
    cost = number(cost_of_concession, "cost_of_concession")
    if cost <= 0:
        raise ValueError(f"cost_of_concession must be positive (what you give up), got {cost:g}")
    return received / cost
