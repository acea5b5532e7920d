"""Concessions: how fast to give ground, what a trade is worth, and which deals waste value.

Time-dependent tactics follow Faratin, Sierra & Jennings (1998), "Negotiation decision
functions for autonomous agents", Robotics and Autonomous Systems 24(3-4):159-182.

Several issues are scored additively (Raiffa 1982). A trade moves one issue one level
towards the other side and another one level back; the course's rule for choosing one
(``judge_trade``) has two tiers: a trade that costs you nothing and helps them is always
right (logrolling, Pruitt 1981); where none is left, the concession that gives them the
most points per point you give up.
"""

import math
from functools import cached_property

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
    return _frontier(points)


def _frontier(points):
    """``pareto_frontier`` of pairs of floats already checked."""
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


# --- several issues: packages, points and trades -----------------------------------------


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
    _check_package(package, table)
    return _total(package, table)


def _check_package(package, table):
    if not isinstance(package, dict):
        raise TypeError(f"a package must be a dict of issue to level, got {package!r}")
    if package.keys() != table.keys():
        raise ValueError(
            f"a package must name every issue once: {', '.join(map(str, table))}; "
            f"got {', '.join(map(str, package)) or 'none'}"
        )
    for issue, level in package.items():
        if level not in table[issue]:
            raise ValueError(
                f"{level!r} is not a level of {issue}: {', '.join(map(str, table[issue]))}"
            )


def _total(package, table):
    return math.fsum(table[issue][package[issue]] for issue in table)


def better_for_both(point, points):
    """The points among ``points`` that beat ``point`` for one side and lose for neither:
    if there are any, ``point`` leaves value on the table (it is not Pareto-optimal)."""
    a, b = number(point[0], "utility_a"), number(point[1], "utility_b")
    return [p for p in points if p[0] >= a and p[1] >= b and (p[0] > a or p[1] > b)]


#: Below this, two rates of concession count as the same (they are ratios of points).
RATE_TOLERANCE = 1e-9


class TradeTable:
    """Two sides' additive scorings of the same issues (each ``issue -> {level: points}``,
    levels listed from best for you to best for them), checked once: every package, the
    Pareto frontier, and the one-level trades from any package.

    Raises ``TypeError``/``ValueError`` when a scoring is not such a table or the two do
    not score the same issues and levels."""

    def __init__(self, yours, theirs):
        self.yours, self.theirs = _scoring(yours, "yours"), _scoring(theirs, "theirs")
        if list(self.yours) != list(self.theirs) or any(
            set(self.yours[i]) != set(self.theirs[i]) for i in self.yours
        ):
            raise ValueError("both sides must score the same issues and levels")
        self.levels = {issue: list(levels) for issue, levels in self.yours.items()}
        # For each issue, each level's neighbour one step towards them (+1) and towards you
        # (-1), with what that step does to your points and to theirs.
        self._steps = {
            issue: {
                level: {
                    step: (
                        levels[at + step],
                        self.yours[issue][levels[at + step]] - self.yours[issue][level],
                        self.theirs[issue][levels[at + step]] - self.theirs[issue][level],
                    )
                    for step in (+1, -1)
                    if 0 <= at + step < len(levels)
                }
                for at, level in enumerate(levels)
            }
            for issue, levels in self.levels.items()
        }

    @cached_property
    def packages(self):
        """Every package, as ``(package, your_points, their_points)``, levels in order."""
        rows = [((), 0.0, 0.0)]
        for issue, levels in self.levels.items():
            yours, theirs = self.yours[issue], self.theirs[issue]
            rows = [
                ((*chosen, level), you + yours[level], them + theirs[level])
                for chosen, you, them in rows
                for level in levels
            ]
        names = list(self.levels)
        packages = [dict(zip(names, chosen, strict=True)) for chosen, _, _ in rows]
        if all(
            float(v).is_integer()
            for side in (self.yours, self.theirs)
            for lv in side.values()
            for v in lv.values()
        ):
            return [(p, you, them) for p, (_, you, them) in zip(packages, rows, strict=True)]
        return [(p, _total(p, self.yours), _total(p, self.theirs)) for p in packages]  # exact

    @cached_property
    def frontier(self):
        """The Pareto frontier's points, ``(your_points, their_points)``, as a set."""
        return set(_frontier([(you, them) for _, you, them in self.packages]))

    def points(self, package):
        """``(your_points, their_points)`` of ``package``; raises for a package that is not
        one of the table's."""
        _check_package(package, self.yours)
        return _total(package, self.yours), _total(package, self.theirs)

    @cached_property
    def _efficient(self):
        return {tuple(p.values()) for p, you, them in self.packages if (you, them) in self.frontier}

    def efficient(self, package):
        """Whether ``package`` is on the Pareto frontier."""
        _check_package(package, self.yours)
        return tuple(package[issue] for issue in self.levels) in self._efficient

    def options(self, package):
        """Every trade from ``package`` that moves one issue one level towards the other
        side (the give) and a different issue one level back towards you (the get), as a
        dict: ``give`` and ``get`` (issues), ``package`` (after the trade), and ``you`` and
        ``them``, each side's change in points (negative when it loses)."""
        _check_package(package, self.yours)
        options = []
        for give, give_steps in self._steps.items():
            if +1 not in give_steps[package[give]]:
                continue
            given, you_give, them_give = give_steps[package[give]][+1]
            for get, get_steps in self._steps.items():
                if get == give or -1 not in get_steps[package[get]]:
                    continue
                got, you_get, them_get = get_steps[package[get]][-1]
                options.append(
                    {
                        "give": give,
                        "get": get,
                        "package": {**package, give: given, get: got},
                        "you": you_give + you_get,
                        "them": them_give + them_get,
                    }
                )
        return options

    def move(self, issue, level, step):
        """The level one ``step`` from ``level`` on ``issue`` (+1 towards the other side,
        -1 towards you), or ``None`` at that end of the issue."""
        found = self._steps[issue][level].get(step)
        return None if found is None else found[0]

    def steps_to_frontier(self, start, most):
        """The fewest trades, each right by ``judge_trade``, that lead from ``start`` to a
        package on the Pareto frontier: 0 when ``start`` is on it, ``None`` when more than
        ``most`` would be needed or no such plan exists."""
        layer = {tuple(start[issue] for issue in self.levels): dict(start)}
        for steps in range(most + 1):
            if self._efficient & set(layer):
                return steps
            following = {}
            for package in layer.values():
                options = self.options(package)
                for option in right_trades(options):
                    after = option["package"]
                    following[tuple(after[issue] for issue in self.levels)] = after
            layer = following
        return None


def all_packages(yours, theirs):
    """Every package of the issues (levels in the order ``yours`` lists them), each as
    ``(package, your_points, their_points)``."""
    return TradeTable(yours, theirs).packages


def trade_options(package, yours, theirs):
    """Every one-level trade from ``package`` (see ``TradeTable.options``)."""
    return TradeTable(yours, theirs).options(package)


def _rate(option):
    """The other side's points gained per point you give up (for a trade that costs you)."""
    return option["them"] / -option["you"]


def _preference(option):
    """Orders trades by the course's rule: free ones first, by their gain, then yours; then
    concessions by their gain per point you give up, then the smaller loss."""
    if option["you"] >= 0:
        return (1, option["them"], option["you"])
    return (0, _rate(option), option["you"])


def preferred_trade(options):
    """Among ``options`` (one package's ``TradeTable.options``), the trade the course's
    rule prefers among those that raise the other side's points, or ``None``."""
    return max((o for o in options if o["them"] > 0), key=_preference, default=None)


def judge_trade(option, options):
    """Whether ``option``, one of ``options`` (the trades from one package), is right by
    the course's rule, as ``(tier, ok)``:

    - it must raise the other side's points, or it is no trade for them (tier ``None``);
    - a trade that costs you nothing (your points do not fall) creates value (tier
      ``"free"``): always right;
    - a trade that costs you points (tier ``"concession"``) is right only when no trade
      from the same package costs you nothing (you are on the frontier of one-level
      trades), and it gives the other side the most points per point you give up.
    """
    if option["them"] <= 0:
        return None, False
    if option["you"] >= 0:
        return "free", True
    return "concession", _right(option, preferred_trade(options))


def _right(option, best):
    """Whether ``option``, which raises the other side's points, is right when ``best`` is
    the trade the rule prefers from the same package."""
    if option["you"] >= 0:
        return True
    return best["you"] < 0 and _rate(option) >= _rate(best) - RATE_TOLERANCE


def right_trades(options):
    """The trades among ``options`` (from one package) that ``judge_trade`` calls right."""
    best = preferred_trade(options)
    return [o for o in options if o["them"] > 0 and _right(o, best)]


def plan_trades(start, trades, yours, theirs):
    """Walk a plan of one-level trades from the package ``start``. Each trade is a pair
    ``(give_issue, get_issue)``: ``give_issue`` moves one level towards the other side and
    ``get_issue`` one level back towards you; ``get_issue`` is ``None`` for a give with
    nothing asked back.

    Returns one dict per trade: ``give`` and ``get`` as ``(issue, from_level, to_level)``
    (``get`` is ``None`` for nothing back); your points ``cost`` on the give and ``gain``
    on the get; the other side's ``their_gain`` on the give and ``their_cost`` on the get;
    ``you`` and ``them``, each side's net change; ``ratio``, your points back per point
    given (``trade_ratio``, ``None`` when the give costs you nothing); ``tier`` and ``ok``
    as ``judge_trade`` gives them (a give with nothing back is never ok); ``better``, the
    trade the rule prefers from the same package when this one is not ok (a
    ``TradeTable.options`` dict, or ``None``); and ``package``, ``you_total``,
    ``them_total`` after the trade. Raises ``ValueError`` for a move the table does not
    allow, naming the trade."""
    table = TradeTable(yours, theirs)
    package = dict(start)
    table.points(package)  # validates the start package
    steps = []
    for number_, trade in enumerate(trades, start=1):
        if not isinstance(trade, list | tuple) or len(trade) != 2:
            raise TypeError(f"trade {number_} must be a (give, get) pair, got {trade!r}")
        give, get = trade
        for issue in (give, get):
            if issue is not None and issue not in table.levels:
                raise ValueError(f"trade {number_}: {issue!r} is not an issue on the table")
        if give == get:
            raise ValueError(f"trade {number_} gives and gets on the same issue, {give}")
        given = table.move(give, package[give], +1)
        if given is None:
            raise ValueError(
                f"trade {number_}: {give} is already at the other side's best level, "
                f"{package[give]}: there is nothing more to give on it"
            )
        got = None if get is None else table.move(get, package[get], -1)
        if get is not None and got is None:
            raise ValueError(
                f"trade {number_}: {get} is already at your best level, {package[get]}: "
                "there is nothing to ask back on it"
            )
        after = {**package, give: given, **({} if get is None else {get: got})}
        cost = table.yours[give][package[give]] - table.yours[give][given]
        gain = 0.0 if get is None else table.yours[get][got] - table.yours[get][package[get]]
        their_gain = table.theirs[give][given] - table.theirs[give][package[give]]
        their_cost = (
            0.0 if get is None else table.theirs[get][package[get]] - table.theirs[get][got]
        )
        options = table.options(package)
        if get is None:
            tier, ok = ("concession" if their_gain > 0 else None), False
        else:
            option = next(o for o in options if o["give"] == give and o["get"] == get)
            tier, ok = judge_trade(option, options)
        you_total, them_total = table.points(after)
        steps.append(
            {
                "give": (give, package[give], given),
                "get": None if get is None else (get, package[get], got),
                "cost": cost,
                "gain": gain,
                "their_gain": their_gain,
                "their_cost": their_cost,
                "you": gain - cost,
                "them": their_gain - their_cost,
                "ratio": trade_ratio(gain, cost) if cost > 0 else None,
                "tier": tier,
                "ok": ok,
                "better": None if ok else preferred_trade(options),
                "package": after,
                "you_total": you_total,
                "them_total": them_total,
            }
        )
        package = after
    return steps
