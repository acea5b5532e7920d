"""Module 04's scenario: Kite Studio sells a year of design work to Orchard, first on price
alone, then as a contract of several issues where both sides can trade.

Every variant is checked before a learner sees it (``problems``): a draw that would make a
question degenerate, its story incoherent or its numbers implausible is drawn again.
"""

from collections import Counter
from dataclasses import dataclass
from typing import NamedTuple

from course.models.concessions import TradeTable
from course.scenarios.base import MultiIssue, Scenario, pick

#: The contract's issues and their levels, from best for Kite to best for Orchard.
ISSUES = {
    "discount": ("none", "5%", "10%"),
    "delivery": ("16 weeks", "10 weeks", "6 weeks"),
    "payment": ("upfront", "30 days", "90 days"),
    "revisions": ("1 round", "3 rounds", "unlimited"),
}

#: Rows of the concession planner: the most trades a learner can plan in it.
PLANNER_ROWS = 4


class Statement(NamedTuple):
    """Something Kite could say when it opens, and the price (in thousands) it names."""

    text: str
    figure: float


#: What each statement a learner may cite is: a true fact, a threat, or an invention.
#: The learner is not shown this; the story gives what is needed to tell them apart.
STATEMENT_KINDS = {
    "birch": "fact",
    "survey": "fact",
    "linden": "fact",
    "threat": "threat",
    "rival": "invented",
}


@dataclass(frozen=True)
class KiteContract(MultiIssue, Scenario):
    """Kite's side of the talks with Orchard: its BATNA, what it knows about Orchard, what
    it could say when it opens (prices in thousands), and both sides' points on the
    contract's issues."""

    alternative_price: float  # what Birch, the other client, would pay for the same year
    extra_cost: float  # what Orchard's job costs Kite more than Birch's (travel, rush work)
    their_estimate: float  # Kite's best estimate of Orchard's reservation price
    statements: dict  # key -> Statement: what Kite could say to ground its opening
    rounds: int  # the rounds the price talks are expected to take (offers 0 .. rounds - 1)
    yours: dict  # Kite's points: issue -> {level: points}
    theirs: dict  # Orchard's points, as Kite's research estimates them

    def story(self):
        said = "\n".join(
            f'- `"{key}"`: "{statement.text}"' for key, statement in self.statements.items()
        )
        return (
            "You run **Kite Studio** and are selling a year of design work to **Orchard**, "
            "a retailer. Prices are in thousands.\n\n"
            f"**Your BATNA** (`s.alternative_price`, `s.extra_cost`). Birch, the only other "
            f"client you are in talks with, would pay {self.alternative_price:g} for the same "
            f"year. Orchard's job costs you {self.extra_cost:g} more than Birch's (travel and "
            "rush weeks).\n\n"
            f"**What you know about Orchard** (`s.their_estimate`). Your research puts the "
            f"most Orchard would pay for the year, its reservation price, at about "
            f"{self.their_estimate:g}.\n\n"
            "**What you could say when you open** (`s.statements`, each with the `text` and "
            "the price, `figure`, it names). Everything you know is in this story: a "
            "sentence that contradicts it is not true.\n\n"
            f"{said}\n\n"
            f"**The price talks** (`s.rounds`) are expected to take {self.rounds} rounds: "
            "you open in round 0, and in each round you make an offer and Orchard answers "
            "with one of its own.\n\n"
            "**The framework contract** (`s.yours`, `s.theirs`). Orchard also wants a "
            "three-year framework on top of the price. Four issues are open. Each cell gives "
            "a level's points *for you / for Orchard* (Orchard's are your research's "
            "estimate):\n\n"
            f"{self.points_table()}"
        )


def _scores(rng, weights, reverse):
    """Points per level for one side: the issue's weight at its best level, 0 at its worst,
    and a drawn share of the weight in between."""
    table = {}
    for issue, levels in ISSUES.items():
        order = levels[::-1] if reverse else levels
        middle = round(weights[issue] * pick(rng, 0.3, 0.7, 0.1))
        table[issue] = dict(zip(order, (weights[issue], middle, 0), strict=True))
        table[issue] = {level: table[issue][level] for level in levels}
    return table


def _weights(rng, names):
    """Whole-number weights adding up to 100, different in importance for each issue."""
    raw = [pick(rng, 1, 10, 1) for _ in names]
    weights = [round(100 * r / sum(raw)) for r in raw]
    weights[0] += 100 - sum(weights)
    return dict(zip(names, weights, strict=True))


def _statements(rng, alternative, estimate):
    """What Kite could say: Birch's real offer, two market facts (one that grounds an
    opening at or beyond Orchard's likely limit, one that falls short of it), a threat and
    an invented rival offer, each naming a price above every true one."""
    high = estimate + pick(rng, 3, 12, 1)
    low = estimate - pick(rng, 5, 15, 1)
    survey, linden = (high, low) if rng.random() < 0.5 else (low, high)
    threat = high + pick(rng, 5, 20, 1)
    rival = high + pick(rng, 5, 20, 1)
    found = {
        "birch": Statement(
            f"Birch has offered us {alternative:g} for the same year of work.", alternative
        ),
        "survey": Statement(
            f"This year's rate survey puts a year of work like this, from a studio like ours, "
            f"at {survey:g}.",
            survey,
        ),
        "linden": Statement(
            f"Last year you paid your previous studio, Linden, {linden:g} for the same work.",
            linden,
        ),
        "threat": Statement(
            f"Pay {threat:g}, or we take Birch's job and you will miss your spring launch.",
            threat,
        ),
        "rival": Statement(f"Another retailer has offered us {rival:g} for the year.", rival),
    }
    order = list(found)
    rng.shuffle(order)
    return {key: found[key] for key in order}


def draw(rng, learner):
    """One draw of a learner's numbers, before ``problems`` has looked at it."""
    names = list(ISSUES)
    alternative = float(pick(rng, 60, 80, 1))
    extra = float(pick(rng, 2, 8, 1))
    estimate = round((alternative + extra) * pick(rng, 1.25, 1.42, 0.01))
    return KiteContract(
        module="04_concessions",
        learner=learner,
        alternative_price=alternative,
        extra_cost=extra,
        their_estimate=float(estimate),
        statements=_statements(rng, alternative, estimate),
        rounds=int(pick(rng, 5, 8, 1)),
        yours=_scores(rng, _weights(rng, names), reverse=False),
        theirs=_scores(rng, _weights(rng, names), reverse=True),
    )


def kite_contract(rng, learner):
    """A learner's numbers: a BATNA, what Kite knows and could say, and issues each side
    weighs differently, so that trading a cheap issue for a dear one creates value. Draws
    that break an invariant (``problems``) are drawn again from the same generator."""
    while True:
        contract = draw(rng, learner)
        if not problems(contract):
            return contract


def reservation_of(contract):
    """Kite's reservation price with Orchard: Birch's price plus what Orchard costs more."""
    return contract.alternative_price + contract.extra_cost


def middle_package(contract):
    """Every issue split down the middle: the middle level of each."""
    return {issue: levels[1] for issue, levels in contract.issues.items()}


# --- invariants: what every variant must satisfy before a learner sees it ---------------

#: The least distance, in thousands, between a figure and a line the opening rule draws.
OPENING_MARGIN = 3.0

#: The least gap between the best and the second-best concession rates a check compares.
RATE_MARGIN = 0.05


def _opening_problems(c):
    """Question 1: one true fact grounds an ambitious opening, another true one falls
    short, both clear of the line; the threat and the invention name more than any fact."""
    found = []
    estimate, reservation = c.their_estimate, reservation_of(c)
    facts = [s.figure for key, s in c.statements.items() if STATEMENT_KINDS[key] == "fact"]
    others = [s.figure for key, s in c.statements.items() if STATEMENT_KINDS[key] != "fact"]
    if sum(figure >= estimate + OPENING_MARGIN for figure in facts) != 1:
        found.append("opening: not exactly one true fact grounds an ambitious opening")
    if any(abs(figure - estimate) < OPENING_MARGIN for figure in facts):
        found.append("opening: a true figure within the margin of Orchard's likely limit")
    if min(others) <= max(facts):
        found.append("opening: the threat or the invention is no more tempting than the facts")
    if estimate - reservation < 15:
        found.append("plan: less than 15 between the two reservation prices")
    if max(facts) > 1.6 * reservation:
        found.append("plausible: an opening fact above 1.6 times the reservation price")
    return found


def _trades_problems(c):
    """Questions 4 and 5, and the planner: a free trade from the middle package, a package
    where only concessions help Orchard and the best of them is clear, the planner's goal
    within reach, and three packages worth the same to Kite that beat the middle for it."""
    found = []
    table = TradeTable(c.yours, c.theirs)
    middle = middle_package(c)
    if not any(o["you"] >= 0 and o["them"] > 0 for o in table.options(middle)):
        found.append("trades: no trade from the middle package costs Kite nothing")
    start = concession_start(table)
    if start is None:
        found.append("trades: no package where at least two concessions help Orchard")
    else:
        rates = _concession_rates(table, start)
        if 0 < rates[0] - rates[1] < RATE_MARGIN:
            found.append("trades: the two best concession rates nearly tie")
    if table.steps_to_frontier(middle, PLANNER_ROWS) is None:
        found.append("planner: no plan of right trades reaches the frontier")
    kite_middle = table.points(middle)[0]
    level_counts = Counter(you for _, you, _ in table.packages if you > kite_middle)
    if not any(count >= 3 for count in level_counts.values()):
        found.append("meso: no three packages worth the same to Kite beat the middle for it")
    return found


def _concession_rates(table, package):
    """Orchard's gain per point Kite gives up, for each trade from ``package`` that helps
    Orchard, best first (meant for a package where every such trade costs Kite)."""
    return sorted(
        (o["them"] / -o["you"] for o in table.options(package) if o["them"] > 0), reverse=True
    )


def concession_start(table):
    """A package of ``table`` (a ``TradeTable``) from which every one-level trade that helps
    Orchard costs Kite something, and at least two do: the one with the most joint points
    (then the most for Kite), or ``None`` when there is no such package."""
    for _, _, package in sorted(
        ((you + them, you, package) for package, you, them in table.packages),
        key=lambda found: found[:2],
        reverse=True,
    ):
        helpful = [o for o in table.options(package) if o["them"] > 0]
        if len(helpful) >= 2 and all(o["you"] < 0 for o in helpful):
            return package
    return None


def problems(contract):
    """The invariants ``contract`` breaks, as short descriptions (empty: a fair variant).
    Each names its question and the kind of fault: a degenerate draw, a near-tie, a goal
    out of reach, an implausible number."""
    return _opening_problems(contract) + _trades_problems(contract)
