"""What is negotiated, and what each side privately wants.

A ``Negotiation`` holds the outcomes (a price on a range, or one level of each of several
issues), each side's ``Preferences`` (a utility per outcome and a reservation value: the
utility of its BATNA, below which it walks away) and the deadline in rounds.
"""

import bisect
import itertools
import math
from dataclasses import dataclass, field

from course.models.validation import number

SELLER, BUYER = "seller", "buyer"


@dataclass(frozen=True)
class Issue:
    """One thing on the table and the levels it can take, in order."""

    name: str
    levels: tuple

    def __post_init__(self):
        if not isinstance(self.name, str) or not self.name:
            raise ValueError(f"an issue needs a name, got {self.name!r}")
        if len(self.levels) < 1:
            raise ValueError(f"issue {self.name!r} needs at least one level")
        if len(set(self.levels)) != len(self.levels):
            raise ValueError(f"issue {self.name!r} lists a level twice: {self.levels!r}")


@dataclass(frozen=True)
class Preferences:
    """One side's private view: its utility for every outcome and its reservation value.

    ``shape`` gives the number of levels of each issue, in the order the outcomes are
    listed (the last issue varies fastest, as ``itertools.product`` lists them); empty
    means one issue whose levels are the outcomes. Bots use it to move one issue at a time.
    """

    utilities: tuple
    reservation: float
    shape: tuple = ()
    # outcome indices sorted by utility (then index), and those utilities: for fast look-ups
    order: tuple = field(init=False, repr=False, compare=False)
    sorted_utilities: tuple = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        order = tuple(sorted(range(len(self.utilities)), key=lambda i: (self.utilities[i], i)))
        object.__setattr__(self, "order", order)
        object.__setattr__(self, "sorted_utilities", tuple(self.utilities[i] for i in order))
        shape = tuple(self.shape) or (len(self.utilities),)
        if math.prod(shape) != len(self.utilities):
            raise ValueError(
                f"issues of {' × '.join(map(str, shape))} levels make {math.prod(shape)} "
                f"outcomes, not {len(self.utilities)}"
            )
        object.__setattr__(self, "shape", shape)

    @property
    def best(self):
        """The highest utility any outcome gives this side."""
        return self.sorted_utilities[-1]

    @property
    def worst(self):
        """The lowest utility any outcome gives this side."""
        return self.sorted_utilities[0]

    def cheapest_at_least(self, target):
        """The outcome with the lowest utility that is still at least ``target`` (the best
        outcome when none reaches it): how a tactic turns a target into an offer."""
        position = bisect.bisect_left(self.sorted_utilities, target)
        return self.order[min(position, len(self.order) - 1)]


@dataclass(frozen=True)
class Negotiation:
    """A negotiation's setting: issues, both sides' preferences and the deadline in rounds."""

    issues: tuple
    preferences: dict
    rounds: int
    outcomes: tuple = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        if isinstance(self.rounds, bool) or not isinstance(self.rounds, int):
            raise TypeError(f"the deadline must be a whole number of rounds, got {self.rounds!r}")
        if self.rounds <= 0:
            raise ValueError(f"the deadline must be at least 1 round, got {self.rounds}")
        outcomes = tuple(itertools.product(*(issue.levels for issue in self.issues)))
        object.__setattr__(self, "outcomes", outcomes)
        if len(self.preferences) != 2:
            raise ValueError(f"a negotiation has two sides, got {sorted(self.preferences)}")
        for side, preferences in self.preferences.items():
            if len(preferences.utilities) != len(outcomes):
                raise ValueError(
                    f"{side}'s utilities cover {len(preferences.utilities)} outcomes, not {len(outcomes)}"
                )

    @property
    def sides(self):
        """The two sides' names, in the order given."""
        return tuple(self.preferences)

    def other(self, side):
        """The side facing ``side``."""
        first, second = self.sides
        return second if side == first else first

    @property
    def is_price(self):
        """Whether this is a single-issue price negotiation."""
        return len(self.issues) == 1 and self.issues[0].name == "price"

    def public(self, index):
        """An outcome as people write it: a price, or a dict of issue to level."""
        outcome = self.outcomes[index]
        if self.is_price:
            return outcome[0]
        return {issue.name: level for issue, level in zip(self.issues, outcome, strict=True)}

    def index_of(self, offer):
        """The outcome index of an offer written as people write it; a clear error when
        the offer is not one of the outcomes."""
        if self.is_price:
            price = number(offer, "the price")
            levels = self.issues[0].levels
            position = bisect.bisect_left(levels, price)
            if position < len(levels) and math.isclose(levels[position], price, abs_tol=1e-9):
                return position
            step = levels[1] - levels[0] if len(levels) > 1 else 0
            raise ValueError(
                f"a price must be between {levels[0]:g} and {levels[-1]:g}"
                + (f" in steps of {step:g}" if step else "")
                + f", got {price:g}"
            )
        if not isinstance(offer, dict):
            raise TypeError(
                f"an offer must be a dict of issue to level, got {type(offer).__name__}"
            )
        names = [issue.name for issue in self.issues]
        if sorted(offer) != sorted(names):
            raise ValueError(
                f"an offer must name every issue once: {', '.join(names)}; got {', '.join(map(str, offer))}"
            )
        index = 0
        for issue in self.issues:
            if offer[issue.name] not in issue.levels:
                raise ValueError(
                    f"{offer[issue.name]!r} is not a level of {issue.name}: {', '.join(map(str, issue.levels))}"
                )
            index = index * len(issue.levels) + issue.levels.index(offer[issue.name])
        return index


def price_negotiation(seller_reservation, buyer_reservation, low=0, high=100, step=1, rounds=100):
    """A negotiation over one price: the seller's utility is the price, the buyer's is
    minus the price, so each side's reservation price sets its reservation value."""
    low, high, step = number(low, "low"), number(high, "high"), number(step, "step")
    if not low < high:
        raise ValueError(f"the price range needs low < high, got {low:g} and {high:g}")
    if step <= 0:
        raise ValueError(f"the price step must be positive, got {step:g}")
    count = round((high - low) / step)
    if not math.isclose(low + count * step, high):
        raise ValueError(f"the range {low:g}–{high:g} is not a whole number of steps of {step:g}")
    seller = number(seller_reservation, "seller_reservation")
    buyer = number(buyer_reservation, "buyer_reservation")
    for name, value in (("seller", seller), ("buyer", buyer)):
        if not low <= value <= high:
            raise ValueError(
                f"the {name}'s reservation {value:g} is outside the price range {low:g}–{high:g}"
            )
    prices = tuple(_clean(low + i * step) for i in range(count + 1))
    return Negotiation(
        issues=(Issue("price", prices),),
        preferences={
            SELLER: Preferences(utilities=prices, reservation=seller),
            BUYER: Preferences(utilities=tuple(-p for p in prices), reservation=-buyer),
        },
        rounds=rounds,
    )


def multi_issue_negotiation(issues, scores, weights, reservations, rounds=20):
    """A negotiation over several issues with additive scoring: each side's utility is
    Σ weight[issue] × score[issue][level] (Raiffa 1982), on whatever scale the scores use.

    ``issues`` maps issue to its levels; ``scores[side][issue][level]`` and
    ``weights[side][issue]`` give each side's scoring; ``reservations[side]`` its BATNA.
    """
    issue_list = tuple(Issue(name, tuple(levels)) for name, levels in issues.items())
    if sorted(scores) != sorted(weights) or sorted(scores) != sorted(reservations):
        raise ValueError("scores, weights and reservations must name the same two sides")
    outcomes = list(itertools.product(*(issue.levels for issue in issue_list)))
    preferences = {}
    for side in scores:
        for issue in issue_list:
            missing = [
                level for level in issue.levels if level not in scores[side].get(issue.name, {})
            ]
            if missing:
                raise ValueError(f"{side} gives no score for {issue.name} = {missing[0]!r}")
            number(weights[side].get(issue.name), f"{side}'s weight for {issue.name}")
        utilities = tuple(
            math.fsum(
                number(weights[side][issue.name], "weight")
                * number(scores[side][issue.name][level], "score")
                for issue, level in zip(issue_list, outcome, strict=True)
            )
            for outcome in outcomes
        )
        preferences[side] = Preferences(
            utilities=utilities,
            reservation=number(reservations[side], f"{side}'s reservation"),
            shape=tuple(len(issue.levels) for issue in issue_list),
        )
    return Negotiation(issues=issue_list, preferences=preferences, rounds=rounds)


def _clean(value):
    """Prices as ints when they are whole, so offers print as people expect."""
    return int(value) if float(value).is_integer() else round(value, 10)
