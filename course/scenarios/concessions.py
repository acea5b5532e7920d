"""Module 04's scenario: Kite Studio sells a year of design work to Orchard, first on price
alone, then as a contract of several issues where both sides can trade."""

from dataclasses import dataclass

from course.scenarios.base import MultiIssue, Scenario, pick

#: The contract's issues and their levels, from best for Kite to best for Orchard.
ISSUES = {
    "discount": ("none", "5%", "10%"),
    "delivery": ("16 weeks", "10 weeks", "6 weeks"),
    "payment": ("upfront", "30 days", "90 days"),
    "revisions": ("1 round", "3 rounds", "unlimited"),
}


@dataclass(frozen=True)
class KiteContract(MultiIssue, Scenario):
    """Kite's side of the talks with Orchard: its BATNA, its opening and concession plan
    (prices in thousands), and both sides' points on the contract's issues."""

    alternative_price: float  # what Birch, the other client, would pay for the same year
    extra_cost: float  # what Orchard's job costs Kite more than Birch's (travel, rush work)
    opening: float  # Kite's first offer to Orchard
    beta: float  # Kite's planned concession tactic (Faratin β; below 1 is Boulware)
    deadline: int  # the round by which Kite will have conceded to its reservation price
    yours: dict  # Kite's points: issue -> {level: points}
    theirs: dict  # Orchard's points, as Kite's research estimates them

    def story(self):
        return (
            "You run **Kite Studio** and are selling a year of design work to **Orchard**, "
            "a retailer. Prices are in thousands.\n\n"
            f"**Your BATNA.** Birch, another client, would pay {self.alternative_price:g} for "
            f"the same year. Orchard's job costs you {self.extra_cost:g} more than Birch's "
            "(travel and rush weeks).\n\n"
            f"**Your plan on price.** You open at {self.opening:g} and concede with a "
            f"time-dependent tactic of β = {self.beta:g}, reaching your reservation price "
            f"in round {self.deadline} (rounds count from 0, your opening).\n\n"
            "**The framework contract.** Orchard also wants a three-year framework on top of the "
            "price. Four issues are open. Each cell gives a level's points "
            "*for you / for Orchard* (your research on what Orchard cares about):\n\n"
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


def kite_contract(rng, learner):
    """Draw a learner's numbers: a BATNA, a plan, and issues each side weighs differently,
    so that trading a cheap issue for a dear one creates value."""
    names = list(ISSUES)
    yours_weights = _weights(rng, names)
    theirs_weights = _weights(rng, names)
    return KiteContract(
        module="04_concessions",
        learner=learner,
        alternative_price=float(pick(rng, 60, 80, 1)),
        extra_cost=float(pick(rng, 2, 8, 1)),
        opening=float(pick(rng, 110, 140, 5)),
        beta=pick(rng, 0.2, 0.6, 0.1),
        deadline=int(pick(rng, 6, 12, 1)),
        yours=_scores(rng, yours_weights, reverse=False),
        theirs=_scores(rng, theirs_weights, reverse=True),
    )


def reservation_of(contract):
    """Kite's reservation price with Orchard: Birch's price plus what Orchard costs more."""
    return contract.alternative_price + contract.extra_cost
