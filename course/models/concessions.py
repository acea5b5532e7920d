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


# --- several issues: packages, points and a plan of trades ----------------------------


def _scoring(points, name):
    """Check ``points`` maps issue -> {level: number}; return it with float values."""
    if not isinstance(points, dict) or not points:
        raise TypeError(f"{name} must be a dict of issue to {{level: points}}, got {points!r}")
    table = {}
    for issue, levels in points.items():
        if not isinstance(levels, dict) or not levels:
            raise TypeError(f"{name}[{issue!r}] must be a dict of level to points, got {levels!r}")
        table[issue] = {
            level: number(v, f"{name}[{issue!r}][{level!r}]") for level, v in levels.items()
        }
    return table


def package_points(package, points):
    """What a package (a dict of issue to level) is worth on an additive scoring
    ``points[issue][level]`` (Raiffa 1982): the points of its levels, added up."""
    table = _scoring(points, "points")
    if not isinstance(package, dict):
        raise TypeError(f"a package must be a dict of issue to level, got {package!r}")
    if sorted(map(str, package)) != sorted(map(str, table)):
        raise ValueError(
            f"a package must name every issue once: {', '.join(map(str, table))}; "
            f"got {', '.join(map(str, package)) or 'none'}"
        )
    total = []
    for issue, level in package.items():
        if level not in table[issue]:
            raise ValueError(
                f"{level!r} is not a level of {issue}: {', '.join(map(str, table[issue]))}"
            )
        total.append(table[issue][level])
    return math.fsum(total)


def all_packages(yours, theirs):
    """Every package of the issues (levels in the order ``yours`` lists them), each as
    ``(package, your_points, their_points)``."""
    yours, theirs = _scoring(yours, "yours"), _scoring(theirs, "theirs")
    if list(yours) != list(theirs) or any(set(yours[i]) != set(theirs[i]) for i in yours):
        raise ValueError("both sides must score the same issues and levels")
    packages = [{}]
    for issue, levels in yours.items():
        packages = [{**p, issue: level} for p in packages for level in levels]
    return [(p, package_points(p, yours), package_points(p, theirs)) for p in packages]


def plan_trades(start, trades, yours, theirs):
    """Walk a plan of trades from the package ``start``. Each trade is a pair
    ``((give_issue, give_level), (get_issue, get_level))``: you move one issue their way
    and ask for another to move yours. Returns one dict per trade: ``cost`` (your points
    lost on the give), ``received`` (your points won on the get), ``ratio`` (received per
    point given, ``None`` when nothing is given), ``problem`` (``None``, or why the trade
    is not a fair give-and-take), and ``package``, ``you``, ``them`` after the trade."""
    yours, theirs = _scoring(yours, "yours"), _scoring(theirs, "theirs")
    package = dict(start)
    package_points(package, yours)  # validates the start package
    steps = []
    for number_, trade in enumerate(trades, start=1):
        if not isinstance(trade, list | tuple) or len(trade) != 2:
            raise TypeError(f"trade {number_} must be a (give, get) pair, got {trade!r}")
        (give_issue, give_level), (get_issue, get_level) = trade
        before = dict(package)
        for issue, level in ((give_issue, give_level), (get_issue, get_level)):
            if issue not in yours or level not in yours[issue]:
                raise ValueError(f"trade {number_}: {issue} = {level!r} is not on the table")
        if give_issue == get_issue:
            raise ValueError(f"trade {number_} gives and gets on the same issue, {give_issue}")
        cost = yours[give_issue][before[give_issue]] - yours[give_issue][give_level]
        received = yours[get_issue][get_level] - yours[get_issue][before[get_issue]]
        package[give_issue], package[get_issue] = give_level, get_level
        if cost <= 0:
            ratio, problem = None, "not a give: it costs you nothing"
        else:
            ratio = trade_ratio(max(received, 0.0), cost)
            problem = (
                None
                if ratio >= 1
                else f"you give {cost:g} points for {max(received, 0.0):g}: ask for more"
            )
        steps.append(
            {
                "give": (give_issue, give_level),
                "get": (get_issue, get_level),
                "cost": cost,
                "received": received,
                "ratio": ratio,
                "problem": problem,
                "package": dict(package),
                "you": package_points(package, yours),
                "them": package_points(package, theirs),
            }
        )
    return steps


def better_for_both(point, points):
    """The points among ``points`` that beat ``point`` for one side and lose for neither:
    if there are any, ``point`` leaves value on the table (it is not Pareto-optimal)."""
    a, b = number(point[0], "utility_a"), number(point[1], "utility_b")
    return [p for p in points if p[0] >= a and p[1] >= b and (p[0] > a or p[1] > b)]
