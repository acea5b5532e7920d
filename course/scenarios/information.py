"""Module 01's scenario: you sell a machine to a buyer whose limit you can only guess,
read their opening offer, and decide whether a consultant's tip is worth its fee."""

from dataclasses import dataclass, replace

from course.models.information import expected_reservation, update_beliefs
from course.scenarios.base import Scenario, pick

#: Prior beliefs a learner may start from (chance of each of the four possible limits).
PRIORS = (
    (0.4, 0.3, 0.2, 0.1),
    (0.1, 0.2, 0.3, 0.4),
    (0.25, 0.25, 0.25, 0.25),
    (0.2, 0.4, 0.3, 0.1),
    (0.3, 0.2, 0.2, 0.3),
    (0.15, 0.35, 0.35, 0.15),
)


@dataclass(frozen=True)
class MachineSale(Scenario):
    """A seller's view of one sale: beliefs about the buyer's limit, the buyer's opening
    offer, the seller's cost and the fee for learning the buyer's limit exactly."""

    reservations: tuple  # the buyer's possible reservation prices (the most they would pay)
    prior: tuple  # your chance for each of them, in the same order, before any offer
    opening_low: float  # buyers like this open at between opening_low ...
    opening_high: float  # ... and opening_high times their reservation price
    opening_offer: float  # what the buyer opened with
    cost: float  # what building the machine costs you
    report_fee: float  # what the consultant charges to tell you the buyer's exact limit

    def prior_beliefs(self):
        """The prior as a dict: reservation price → probability."""
        return dict(zip(self.reservations, self.prior, strict=True))

    def story(self):
        chances = ", ".join(
            f"{value:,.0f} (chance {chance:.0%})"
            for value, chance in zip(self.reservations, self.prior, strict=True)
        )
        return (
            "You run **Alder Works**, a small workshop that builds packaging machines. "
            "**Kestrel Foods** wants one, and you will name a single price that Kestrel "
            "takes or leaves.\n\n"
            f"- Building the machine costs you {self.cost:,.0f}.\n"
            "- From past sales to firms like Kestrel, the most Kestrel would pay (its "
            f"reservation price) is one of: {chances}.\n"
            f"- Firms like Kestrel open at between {self.opening_low:.0%} and "
            f"{self.opening_high:.0%} of their reservation price, any amount in that band "
            "as likely as any other.\n"
            f"- Kestrel has just opened with an offer of **{self.opening_offer:,.0f}**.\n"
            "- A consultant who has worked for Kestrel offers to tell you its exact "
            f"reservation price, for a fee of {self.report_fee:,.0f}."
        )


def machine_sale(rng, learner):
    """Draw a learner's sale: four possible limits, an opening offer that some of them
    explain, a cost near the lowest limit and a fee close to what the tip is worth."""
    lowest = pick(rng, 40_000, 60_000, 1_000)
    gap = pick(rng, 4_000, 8_000, 1_000)
    reservations = tuple(float(lowest + i * gap) for i in range(4))
    prior = PRIORS[int(pick(rng, 0, len(PRIORS) - 1, 1))]
    opening_low = pick(rng, 0.4, 0.5, 0.05)
    opening_high = pick(rng, 0.85, 0.95, 0.05)
    # Kestrel's true limit is drawn from the prior; its opening lies inside its band.
    draw, true_limit = rng.random(), reservations[-1]
    for value, chance in zip(reservations, prior, strict=True):
        if draw < chance:
            true_limit = value
            break
        draw -= chance
    fraction = pick(rng, opening_low + 0.01, opening_high - 0.01, 0.01)
    sale = MachineSale(
        module="01_information",
        learner=learner,
        reservations=reservations,
        prior=prior,
        opening_low=opening_low,
        opening_high=opening_high,
        opening_offer=round(fraction * true_limit, -2),
        cost=lowest + pick(rng, -15_000, 4_000, 1_000),
        report_fee=0.0,
    )
    worth = value_of_knowing(posterior_after_opening(sale), sale.cost)
    off_by = pick(rng, 500, 3_000, 500) * (1 if rng.random() < 0.5 else -1)
    return replace(sale, report_fee=max(round(worth + off_by, -2), 100.0))


# The course's reference answers for the graded questions (the checks compare with them).


def opening_likelihood(sale):
    """The chance per unit of Kestrel's opening offer under each possible limit."""
    band = sale.opening_high - sale.opening_low
    return {
        value: 1 / (band * value)
        if sale.opening_low * value <= sale.opening_offer <= sale.opening_high * value
        else 0.0
        for value in sale.reservations
    }


def posterior_after_opening(sale):
    """Beliefs about Kestrel's limit once its opening offer is in."""
    return update_beliefs(sale.prior_beliefs(), opening_likelihood(sale))


def expected_limit(sale):
    """The expected reservation price after the opening offer."""
    return expected_reservation(posterior_after_opening(sale))


def best_ask(beliefs, cost):
    """The best single price against discrete beliefs, as (price, expected profit), or
    (None, 0.0) when no price makes a profit. Only the possible limits are worth trying:
    between two of them, a higher price sells to the same buyers for more."""
    best = (None, 0.0)
    for price in sorted(beliefs):
        accepts = sum(chance for value, chance in beliefs.items() if value >= price)
        profit = (price - cost) * accepts
        if profit > best[1]:
            best = (price, profit)
    return best


def value_of_knowing(beliefs, cost):
    """What learning the buyer's exact limit is worth: the expected profit of charging
    each limit (when it covers the cost) minus the best blind profit."""
    informed = sum(chance * max(value - cost, 0.0) for value, chance in beliefs.items())
    return informed - best_ask(beliefs, cost)[1]
