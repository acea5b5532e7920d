"""Module 05's scenario: Tallis Sensors negotiates a one-year supply contract with Marlow
Robotics over price, volume, delivery and payment, knowing its own alternatives well and
Marlow's only through research and one signal."""

from dataclasses import dataclass

from course.scenarios.base import MultiIssue, Scenario, pick

#: The contract's issues and their levels, from best for Tallis to best for Marlow.
ISSUES = {
    "price": ("€48", "€45", "€42", "€39"),
    "volume": ("60k units", "45k units", "30k units"),
    "delivery": ("8 weeks", "5 weeks", "3 weeks"),
    "payment": ("30 days", "60 days", "90 days"),
}

#: Who may hold a source of leverage in the power map.
HOLDERS = ("you", "Marlow", "even")

#: The sources of leverage the power map rates, and the overall verdict's key.
SOURCES = ("alternatives", "dependence", "time")


@dataclass(frozen=True)
class CapstoneCase(MultiIssue, Scenario):
    """Tallis's confidential brief: its alternatives (profits in thousands of euros), what
    Marlow's deal costs it, its profit and Marlow's estimated points on every issue, and
    what Tallis knows and guesses about Marlow."""

    brenn_chance: float  # chance Brenn Industrial takes the capacity if Marlow does not
    brenn_profit: float  # Tallis's profit if Brenn does
    spot_profit: float  # profit from selling the capacity on the spot market instead
    pilot_chance: float  # chance Kessel's pilot line goes ahead
    kessel_full: float  # profit if Kessel then orders the full volume (half the time)
    kessel_half: float  # profit if Kessel orders half (the other half of the time)
    audit_cost: float  # Marlow's supplier audit and tooling: what its deal costs Tallis more
    yours: dict  # Tallis's profit in thousands: issue -> {level: profit}
    theirs: dict  # Marlow's points (100 at its best package), from Tallis's research
    quell_prior: float  # chance that Quell, Marlow's other supplier, has capacity
    rush_if_quell: float  # chance Marlow asks for 3-week delivery if Quell has capacity
    rush_if_not: float  # ... and if it has none
    walkaway_if_quell: float  # Marlow's walk-away (its points) when Quell can supply it
    walkaway_if_not: float  # ... and when it cannot
    their_supply_share: float  # share of Marlow's sensors Tallis would supply
    your_sales_share: float  # share of Tallis's sales Marlow would be
    your_weeks: int  # weeks before Tallis must book its idle capacity elsewhere
    their_weeks: int  # weeks of sensor stock Marlow has left

    def story(self):
        return (
            "You lead sales at **Tallis Sensors** and are negotiating a one-year supply of "
            "sensor modules to **Marlow Robotics**. Profits are in thousands of euros.\n\n"
            "**Confidential: your alternatives.** If there is no deal with Marlow, Brenn "
            f"Industrial may take the capacity (chance {self.brenn_chance:g}, profit "
            f"{self.brenn_profit:g}); if it does not, you sell on the spot market for "
            f"{self.spot_profit:g}. Or you wait for Kessel: its pilot line goes ahead with "
            f"chance {self.pilot_chance:g}, and then it orders the full volume (profit "
            f"{self.kessel_full:g}) or half of it (profit {self.kessel_half:g}), equally "
            "likely; without the pilot you sell on the spot market. You can pursue only one "
            f"of the two. Marlow's supplier audit and tooling would cost you {self.audit_cost:g}.\n\n"
            "**What you know about Marlow.** Its usual other supplier, Quell, has spare "
            f"capacity with chance {self.quell_prior:g}, as far as the trade press says. "
            "Marlow has just asked for 3-week delivery: a buyer asks for that with chance "
            f"{self.rush_if_quell:g} when Quell can supply it and {self.rush_if_not:g} when it "
            "cannot. Your research puts Marlow's walk-away at "
            f"{self.walkaway_if_quell:g} of its points if Quell has capacity and "
            f"{self.walkaway_if_not:g} if not. You would supply "
            f"{self.their_supply_share:.0%} of Marlow's sensors; Marlow would be "
            f"{self.your_sales_share:.0%} of your sales. Marlow has {self.their_weeks} weeks "
            f"of stock; your capacity must be booked within {self.your_weeks} weeks.\n\n"
            "**What you do not know:** whether Quell really has capacity, Marlow's exact "
            "walk-away, and how it will negotiate.\n\n"
            "**The contract.** Each cell gives a level's value *your profit / Marlow's "
            "points*:\n\n"
            f"{self.points_table()}"
        )


def _profits(rng):
    """Tallis's profit per level: the issue's weight at its best level, 0 at its worst,
    drawn shares of the weight in between (falling)."""
    weights = {
        "price": pick(rng, 60, 100, 5),
        "volume": pick(rng, 30, 60, 5),
        "delivery": pick(rng, 15, 40, 5),
        "payment": pick(rng, 10, 30, 5),
    }
    table = {}
    for issue, levels in ISSUES.items():
        weight = weights[issue]
        if len(levels) == 4:
            between = (
                round(weight * pick(rng, 0.6, 0.8, 0.05)),
                round(weight * pick(rng, 0.25, 0.45, 0.05)),
            )
        else:
            between = (round(weight * pick(rng, 0.3, 0.7, 0.1)),)
        table[issue] = dict(zip(levels, (weight, *between, 0), strict=True))
    return table


def _points(rng):
    """Marlow's points: weights adding to 100, its best level last; a rush buyer cares
    about delivery."""
    raw = {
        "price": pick(rng, 25, 45, 1),
        "volume": pick(rng, 10, 30, 1),
        "delivery": pick(rng, 15, 35, 1),
        "payment": pick(rng, 5, 20, 1),
    }
    weights = {issue: round(100 * value / sum(raw.values())) for issue, value in raw.items()}
    weights["price"] += 100 - sum(weights.values())
    table = {}
    for issue, levels in ISSUES.items():
        weight = weights[issue]
        if len(levels) == 4:
            between = (
                round(weight * pick(rng, 0.25, 0.4, 0.05)),
                round(weight * pick(rng, 0.55, 0.75, 0.05)),
            )
        else:
            between = (round(weight * pick(rng, 0.3, 0.7, 0.1)),)
        table[issue] = dict(zip(levels, (0, *between, weight), strict=True))
    return table


def capstone_case(rng, learner):
    """Draw a learner's case: alternatives whose best varies between learners, a contract
    both sides weigh differently, and a power balance that can tip either way."""
    return CapstoneCase(
        module="05_capstone",
        learner=learner,
        brenn_chance=pick(rng, 0.4, 0.8, 0.05),
        brenn_profit=float(pick(rng, 70, 110, 5)),
        spot_profit=float(pick(rng, 20, 45, 5)),
        pilot_chance=pick(rng, 0.5, 0.8, 0.05),
        kessel_full=float(pick(rng, 90, 140, 5)),
        kessel_half=float(pick(rng, 40, 70, 5)),
        audit_cost=float(pick(rng, 5, 15, 1)),
        yours=_profits(rng),
        theirs=_points(rng),
        quell_prior=pick(rng, 0.4, 0.7, 0.05),
        rush_if_quell=pick(rng, 0.2, 0.4, 0.05),
        rush_if_not=pick(rng, 0.6, 0.9, 0.05),
        walkaway_if_quell=float(pick(rng, 45, 65, 1)),
        walkaway_if_not=float(pick(rng, 20, 40, 1)),
        their_supply_share=pick(rng, 0.2, 0.8, 0.05),
        your_sales_share=pick(rng, 0.12, 0.57, 0.05),
        your_weeks=int(pick(rng, 3, 10, 1)),
        their_weeks=int(pick(rng, 3, 10, 1)),
    )


def alternatives_of(case):
    """Tallis's alternatives to Marlow as trees (course.models.batna): Brenn or the spot
    market; Kessel's pilot, then a full or half order, or the spot market."""
    return {
        "Brenn": [
            (case.brenn_chance, case.brenn_profit),
            (1 - case.brenn_chance, case.spot_profit),
        ],
        "Kessel": [
            (case.pilot_chance, [(0.5, case.kessel_full), (0.5, case.kessel_half)]),
            (1 - case.pilot_chance, case.spot_profit),
        ],
    }


def reservation_of(case):
    """Tallis's walk-away profit with Marlow: its BATNA's expected profit plus the audit."""
    from course.models.batna import best_alternative

    return best_alternative(alternatives_of(case))[1] + case.audit_cost


def quell_posterior(case):
    """The chance that Quell has capacity, once Marlow's rush request is heard (Bayes)."""
    with_quell = case.quell_prior * case.rush_if_quell
    return with_quell / (with_quell + (1 - case.quell_prior) * case.rush_if_not)


def expected_walkaway(case):
    """Marlow's walk-away (its points) as Tallis expects it after the rush request."""
    chance = quell_posterior(case)
    return chance * case.walkaway_if_quell + (1 - chance) * case.walkaway_if_not


def marlow_at_the_table(case, rng):
    """Whether Quell really has capacity, drawn from ``rng`` with the chance Tallis's
    research gives after the rush request, and Marlow's walk-away that follows:
    ``(quell, walk-away in Marlow's points)``."""
    quell = rng.random() < quell_posterior(case)
    return quell, case.walkaway_if_quell if quell else case.walkaway_if_not


def contract_negotiation(case, marlow_walkaway, rounds):
    """The case in the engine's terms: Tallis (the seller) scores packages by its profit,
    Marlow (the buyer) by its points; Tallis walks away below its reservation profit,
    Marlow below ``marlow_walkaway`` points; at most ``rounds`` rounds."""
    from course.engine.domain import BUYER, SELLER, multi_issue_negotiation

    sides = {SELLER: case.yours, BUYER: case.theirs}
    return multi_issue_negotiation(
        case.issues,
        scores=sides,
        weights={side: dict.fromkeys(case.issues, 1) for side in sides},
        reservations={SELLER: reservation_of(case), BUYER: marlow_walkaway},
        rounds=rounds,
    )
