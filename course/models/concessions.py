"""Concessions: how fast to give ground, what a trade is worth, and which deals waste value.

Time-dependent tactics follow Faratin, Sierra & Jennings (1998), "Negotiation decision
functions for autonomous agents", Robotics and Autonomous Systems 24(3-4):159-182.

Several issues are scored additively (Raiffa 1982). A trade moves one issue one level
towards the other side and another one level back. The course's rule for choosing one
(``preferred_trade``, ``judge_trade``; ``TradeTable`` holds a case's packages, frontier
and trades) has two tiers. First create value: among the trades that cost neither side
anything and help at least one (logrolling, Pruitt 1981), the one that adds the most
points for both sides together. Where none is left, and only while the other side still
needs points to agree (below its minimum, when known), concede: of the moves that bring
them up to their minimum, the one that costs you least; when no single move does, the one
that gives them the most points per point you give up (the gain per point). Otherwise stop.
``preferred_trade`` breaks ties by a convention of the course (of two closing moves that
cost you the same, the one that gives them more; otherwise the most for you, then the
cheaper). ``judge_trade`` calls every free move right (which one is the negotiator's call)
and every tied concession right, including either of two closing moves that cost you the
same: giving more insures against a misjudged minimum, giving less keeps to the rule's
stop (review 96 C2).
"""

import math
from functools import cached_property

from course.checks.calls import answer_key
from course.models.validation import number, probability

FAMILIES = ("polynomial", "exponential")


def tactic_name(beta):
    """Faratin et al.'s (1998) name for the shape a β gives: ``"Boulware"`` (β < 1, late
    concessions in growing steps), ``"linear"`` (β = 1) or ``"Conceder"`` (β > 1, early
    concessions in shrinking steps)."""
    beta = number(beta, "beta")
    if beta <= 0:
        raise ValueError(f"beta must be above 0, got {beta:g}")
    return "Boulware" if beta < 1 else "linear" if beta == 1 else "Conceder"


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
    # most for a first, then most for b: the pairs' own order, reversed (no two are equal)
    for a, b in sorted(set(points), reverse=True):
        if not frontier or b > frontier[-1][1]:
            frontier.append((a, b))
    return frontier[::-1]


def trade_ratio(value_received, cost_of_concession):
    """What a trade brings back, in your own points, per point it costs you:
    ``value_received / cost_of_concession`` (both in your points; the cost must be
    positive). At 1 or more the levels you get back pay for the level you give. Below 1 the
    trade costs you on the issues alone; it is still worth making only when what else it
    brings back (the agreement itself, when the other side needs it to sign) is worth the
    difference. Raises ``ValueError`` for a cost of 0 or less."""
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
        self._step_items = list(self._steps.items())  # what ``_rule_step`` walks

    @cached_property
    def _rows(self):
        """Every package as ``(levels, your_points, their_points)``, levels a tuple in the
        issues' order."""
        rows = [((), 0.0, 0.0)]
        for issue, levels in self.levels.items():
            yours, theirs = self.yours[issue], self.theirs[issue]
            rows = [
                ((*chosen, level), you + yours[level], them + theirs[level])
                for chosen, you, them in rows
                for level in levels
            ]
        if all(
            float(v).is_integer()
            for side in (self.yours, self.theirs)
            for lv in side.values()
            for v in lv.values()
        ):
            return rows
        names = list(self.levels)  # sums of fractions: add them up exactly, as _total does
        return [
            (key, _total(p, self.yours), _total(p, self.theirs))
            for key, p in ((key, dict(zip(names, key, strict=True))) for key, _, _ in rows)
        ]

    @cached_property
    def packages(self):
        """Every package, as ``(package, your_points, their_points)``, levels in order."""
        names = list(self.levels)
        return [(dict(zip(names, key, strict=True)), you, them) for key, you, them in self._rows]

    @cached_property
    def frontier(self):
        """The Pareto frontier's points, ``(your_points, their_points)``, as a set."""
        return set(_frontier([(you, them) for _, you, them in self._rows]))

    @cached_property
    def _by_key(self):
        """Each package's levels, as a tuple in the issues' order, to its points."""
        return {key: (you, them) for key, you, them in self._rows}

    def _key(self, package):
        """``package``'s levels as a tuple in the issues' order; raises for a package that
        is not one of the table's (with ``_check_package``'s words)."""
        if isinstance(package, dict) and len(package) == len(self.levels):
            try:
                key = tuple(package[issue] for issue in self.levels)
            except (KeyError, TypeError):
                key = None
            if key is not None and key in self._by_key:
                return key
        _check_package(package, self.yours)
        return tuple(package[issue] for issue in self.levels)

    def points(self, package):
        """``(your_points, their_points)`` of ``package``; raises for a package that is not
        one of the table's."""
        return self._by_key[self._key(package)]

    @cached_property
    def _efficient(self):
        return {key for key, _, _ in self._efficient_rows}

    @cached_property
    def _efficient_rows(self):
        """The rows of ``_rows`` on the Pareto frontier, in ``_rows``' order: what the
        scenario generator searches for question 5's sets, three times a draw, instead of
        all the packages."""
        frontier = self.frontier
        return [row for row in self._rows if (row[1], row[2]) in frontier]

    def efficient(self, package):
        """Whether ``package`` is on the Pareto frontier."""
        return self._key(package) in self._efficient

    def options(self, package, gives=False):
        """Every trade from ``package`` that moves one issue one level towards the other
        side (the give) and a different issue one level back towards you (the get), as a
        dict: ``give`` and ``get`` (issues), ``package`` (after the trade), and ``you`` and
        ``them``, each side's change in points (negative when it loses). With ``gives``,
        also every single give (one issue one level towards them, nothing asked back:
        ``get`` is ``None``), the course's closing concession."""
        self._key(package)
        options = []
        for give, give_steps in self._steps.items():
            if +1 not in give_steps[package[give]]:
                continue
            given, you_give, them_give = give_steps[package[give]][+1]
            if gives:
                options.append(
                    {
                        "give": give,
                        "get": None,
                        "package": {**package, give: given},
                        "you": you_give,
                        "them": them_give,
                    }
                )
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

    def shortfall(self, package, their_minimum=None):
        """How many points the other side still needs to agree to ``package``: 0 when it
        has ``their_minimum`` or more, ``True`` (some, amount unknown) when
        ``their_minimum`` is ``None``. What ``preferred_trade`` takes as ``needed``."""
        if their_minimum is None:
            return True
        return max(0.0, their_minimum - self.points(package)[1])

    def needed(self, package, their_minimum=None):
        """Whether the other side still needs more points to agree to ``package``: below
        ``their_minimum`` (always, when ``their_minimum`` is ``None``, i.e. unknown)."""
        return their_minimum is None or self.points(package)[1] < their_minimum

    def landed(self, package, their_minimum=None):
        """Whether ``package`` is where the course's rule should stop: on the Pareto
        frontier, and giving the other side at least ``their_minimum`` when that is known."""
        if not self.efficient(package):
            return False
        return their_minimum is None or self.points(package)[1] >= their_minimum

    @answer_key
    def rule_path(self, start, their_minimum=None, most=20, hold=False, close=False):
        """The packages the course's rule leads through from ``start``, ``start`` first:
        each time the trade ``preferred_trade`` picks among the trades and single gives
        (the first of equally good ones), until it picks none (or after ``most`` moves).
        With ``hold``, rule 1's hold: once the other side has ``their_minimum``, a free move
        that gains you nothing is kept, not made (``preferred_trade``'s ``hold``; the
        planner and question 4's model answer; the scenario generator walks without it).
        With ``close`` too, rule 3's close: once the rule stops, the free moves it held back
        are made, last, for the signature, so the path ends on the frontier (review 102
        C2)."""
        path = [dict(start)]
        for _ in range(most):
            best = self._rule_step(path[-1], their_minimum, hold)
            if best is None and close:  # the minimum is met: only free moves are left
                best = self._rule_step(path[-1], their_minimum, False)
            if best is None:
                break
            give, given, get, got = best
            after = {**path[-1], give: given}
            if get is not None:
                after[get] = got
            path.append(after)
        return path

    def _rule_step(self, here, their_minimum, hold=False):
        """The move ``preferred_trade`` picks among ``options(here, gives=True)``, as
        ``(give, level given, get, level got)`` (``get`` and its level ``None`` for a single
        give), or ``None`` when it picks none: the same choice from the same sums, first
        of equals kept as ``max`` keeps it, without building a dict for every option (the
        scenario generator walks the rule from a dozen drafts in every draw)."""
        key = self._key(here)  # as ``shortfall`` gives it, from the points at hand:
        needed = True if their_minimum is None else max(0.0, their_minimum - self._by_key[key][1])
        steps = self._step_items
        # concessions count only while the other side still needs points (``preferred_trade``)
        conceding = needed is True or (needed is not False and needed > 0)
        closing = not isinstance(needed, bool)
        # rule 1's hold: once nothing is needed, a free move must gain you points
        least = 0 if hold and closing and needed <= 0 else None
        free = free_rank = concession = concession_rank = None
        for give, give_steps in steps:  # the moves in ``options``' order, first of equals kept
            give_step = give_steps[here[give]].get(+1)
            if give_step is None:
                continue
            given, you_give, them_give = give_step
            moves = [(you_give, them_give, None, None)]  # the single give, then the trades
            for get, get_steps in steps:
                if get == give:
                    continue
                get_step = get_steps[here[get]].get(-1)
                if get_step is not None:
                    got, you_get, them_get = get_step
                    moves.append((you_give + you_get, them_give + them_get, get, got))
            for you, them, get, got in moves:
                if you >= 0 and them >= 0 and you + them > 0:  # free (``trade_tier``)
                    if least is not None and you <= least:
                        continue  # kept: rule 1's hold
                    rank = (2, you + them, you)
                    if free is None or rank > free_rank:
                        free, free_rank = (give, given, get, got), rank
                elif conceding and you < 0 < them:  # a concession, ranked by ``trade_rank``
                    rank = (1, you, them) if closing and them >= needed else (0, them / -you, you)
                    if concession is None or rank > concession_rank:
                        concession, concession_rank = (give, given, get, got), rank
        return free if free is not None else concession

    def steps_to_frontier(self, start, most, their_minimum=None):
        """The fewest trades or single gives, each right by ``judge_trade``, that lead from
        ``start`` to a package on the Pareto frontier that gives the other side at least
        ``their_minimum`` (when given): 0 when ``start`` is such a package, ``None`` when
        more than ``most`` would be needed or no such plan exists."""
        layer = {tuple(start[issue] for issue in self.levels): dict(start)}
        for steps in range(most + 1):
            if any(self.landed(package, their_minimum) for package in layer.values()):
                return steps
            following = {}
            for package in layer.values():
                needed = self.shortfall(package, their_minimum)
                for option in right_trades(self.options(package, gives=True), needed):
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


def trade_tier(option):
    """What a one-level trade is, by what it does to each side's points:

    - ``"free"``: it creates value: neither side loses points and at least one gains
      (it costs you nothing and costs them nothing);
    - ``"concession"``: it helps the other side and costs you points;
    - ``None``: the other side loses points, or nobody gains: no trade to offer them.
    """
    you, them = option["you"], option["them"]
    if you >= 0 and them >= 0 and you + them > 0:
        return "free"
    if you < 0 < them:
        return "concession"
    return None


def _closes(option, needed):
    """Whether a concession brings the other side up to its minimum: ``needed`` is the
    points it still needs (a number), or a bool when the amount is unknown (then no move is
    known to close)."""
    return not isinstance(needed, bool) and option["them"] >= needed


@answer_key
def trade_rank(option, needed=True):
    """A move's place by the course's rule, as a tuple (higher is better; ``needed`` as in
    ``preferred_trade``): ``(2, points created for both, yours)`` for a free trade; ``(1,
    your change, theirs)`` for a concession that gives the other side all the points it
    still ``needed`` (the cheapest for you first); ``(0, gain per point, your change)``
    for any other concession (the most points for them per point you give up first).
    Two moves with the same tier and keys (to a billionth) are equally good."""
    if trade_tier(option) == "free":
        return (2, option["you"] + option["them"], option["you"])
    if _closes(option, needed):
        return (1, option["you"], option["them"])
    return (0, _rate(option), option["you"])


def _same(x, y):
    return abs(x - y) <= RATE_TOLERANCE * max(1.0, abs(x), abs(y))


def same_rank(a, b):
    """Whether two ``trade_rank`` tuples are equally good by the rule: the same tier and
    first measure (joint points, your cost, or the gain per point). The tie-breaks after it
    are the course's own convention and decide nothing: any of those tied best is right,
    including either of two closing moves that cost you the same (review 96 C2: giving
    more insures against a misjudged minimum, giving less keeps to the rule's stop)."""
    return a[0] == b[0] and _same(a[1], b[1])


def _kept(option, needed, hold):
    """Whether rule 1's ``hold`` keeps ``option``: a free move that gains you nothing once
    the other side needs no more points (``needed`` a number, 0 or less)."""
    return (
        hold
        and not isinstance(needed, bool)
        and needed <= 0
        and trade_tier(option) == "free"
        and option["you"] <= 0
    )


@answer_key
def preferred_trade(options, needed=True, hold=False):
    """Among ``options`` (one package's ``TradeTable.options``), the trade the course's
    rule prefers, or ``None`` when it offers none: the free trade that creates the most
    points for both sides together (then the most for you); where no trade is free, and
    only while the other side still ``needed`` more points to agree, a concession: of those
    that give it all it still needs, the one that costs you least (then the one that gives
    it more); when none does, the one that gives it the most points per point you give up
    (then the one that costs you less).

    ``needed``: the points the other side still needs (a number, 0 or less: none), as
    ``TradeTable.shortfall`` gives it; or a bool, ``True`` when it needs some but you do
    not know how many (then no concession is known to close the deal), ``False`` when it
    needs none.

    ``hold``: rule 1's hold (review 99 C2), as question 4's model answer keeps it: once
    the other side needs no more points, a free move that gains you nothing is kept to
    trade later, not made; when every free move is such, the rule stops (``None``). Off by
    default: the scenario generator's draws rest on the rule without it."""
    free = [o for o in options if trade_tier(o) == "free" and not _kept(o, needed, hold)]
    if free:
        return max(free, key=trade_rank)
    if needed is False or (not isinstance(needed, bool) and needed <= 0):
        return None
    return max(
        (o for o in options if trade_tier(o) == "concession"),
        key=lambda o: trade_rank(o, needed),
        default=None,
    )


@answer_key
def judge_trade(option, options, needed=True, hold=False):
    """Whether ``option``, one of ``options`` (the trades from one package), is right by
    the course's rule, as ``(tier, ok)``: ``tier`` is ``trade_tier(option)`` (``"free"``,
    ``"concession"`` or ``None``) and ``ok`` says whether it is as good by the rule as
    ``preferred_trade(options, needed)``, the trade the rule picks from the package.

    So any free trade is right (which one is your call; ``preferred_trade`` takes the one
    that creates the most points for both sides together); a concession only when no trade from the package is free, the other side
    still ``needed`` more points to agree, and it is the cheapest of the concessions that
    give all that is needed (or, when none does, no concession gives more per point you
    give up); a trade of tier ``None`` never. The tie-breaks (of two closing moves that
    cost you the same, the one that gives them more; more for you; cheaper) pick
    ``preferred_trade`` but do not make a tied move wrong (``same_rank``).
    ``needed`` and ``hold`` as in ``preferred_trade``: with ``hold``, a free move the hold
    keeps is not the rule's move (``ok`` is False)."""
    tier = trade_tier(option)
    if tier is None or _kept(option, needed, hold):
        return tier, False
    best = preferred_trade(options, needed, hold)
    if tier == "free":  # any free move while one exists (review 78 X3)
        return tier, True
    return tier, _right(option, best, needed)


def _right(option, best, needed=True):
    """Whether ``option`` ranks with ``best``, the trade the rule prefers from the same
    package (``None``: the rule offers nothing there)."""
    return best is not None and same_rank(trade_rank(option, needed), trade_rank(best, needed))


@answer_key
def right_trades(options, needed=True):
    """The trades among ``options`` (from one package) that ``judge_trade`` calls right."""
    best = preferred_trade(options, needed)
    return [o for o in options if trade_tier(o) is not None and _right(o, best, needed)]


@answer_key
def plan_trades(start, trades, yours, theirs, their_minimum=None, hold=False):
    """Walk a plan of one-level trades from the package ``start``. Each trade is a pair
    ``(give_issue, get_issue)``: ``give_issue`` moves one level towards the other side and
    ``get_issue`` one level back towards you; ``get_issue`` is ``None`` for a give with
    nothing asked back.

    Returns one dict per trade: ``give`` and ``get`` as ``(issue, from_level, to_level)``
    (``get`` is ``None`` for nothing back); your points ``cost`` on the give and ``gain``
    on the get; the other side's ``their_gain`` on the give and ``their_cost`` on the get;
    ``you`` and ``them``, each side's net change; ``ratio``, your points back per point
    given (``trade_ratio``; ``None`` when the give costs you nothing); ``needed``, whether
    the other side still needed points to agree before the trade (below
    ``their_minimum``; always ``True`` when it is ``None``); ``tier`` and ``ok`` as
    ``judge_trade`` gives them among the trades and single gives from the same package (a
    single give is a concession: right only as the rule's choice where nothing is free
    and they still need points); ``better``, the move the rule prefers from the same
    package when this one is not ok (a ``TradeTable.options`` dict, or ``None`` when the
    rule offers none there); and ``package``, ``you_total``, ``them_total`` after the
    trade. Also ``rate``, the gain per point (the other side's net gain per point of
    your net loss, ``them / -you``) of a concession, ``None`` for any other move; and
    ``closes``, whether a concession gives the other side all the points it still needed;
    ``needed_points``, how many that was (``None`` when ``their_minimum`` is ``None``);
    ``most_created``, the most points any free move from the same package creates for both
    sides together (``None`` when none is free). With ``hold`` (``preferred_trade``), a free
    move that gains you nothing once the other side has its minimum is not ok, and
    ``kept`` says so (always ``False`` without ``hold``).
    Raises ``ValueError`` for a move the table does not allow, naming the trade."""
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
        options = table.options(package, gives=True)
        needed = table.shortfall(package, their_minimum)
        option = next(o for o in options if o["give"] == give and o["get"] == get)
        tier, ok = judge_trade(option, options, needed, hold)
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
                "needed": bool(needed),
                "needed_points": None if isinstance(needed, bool) else needed,
                "rate": _rate(option) if tier == "concession" else None,
                "closes": trade_tier(option) == "concession" and _closes(option, needed),
                "tier": tier,
                "ok": ok,
                "better": None if ok else preferred_trade(options, needed, hold),
                "kept": _kept(option, needed, hold),
                "most_created": max(
                    (
                        o["you"] + o["them"]
                        for o in options
                        if trade_tier(o) == "free" and not _kept(o, needed, hold)
                    ),
                    default=None,
                ),
                "package": after,
                "you_total": you_total,
                "them_total": them_total,
            }
        )
        package = after
    return steps
