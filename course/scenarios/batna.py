"""Module 02's scenario: three job offers of different certainty, and one employer to negotiate with."""

from dataclasses import dataclass, replace

from course.models.batna import best_alternative
from course.scenarios.base import Scenario, pick


@dataclass(frozen=True)
class JobOffers(Scenario):
    """A job seeker's alternatives and the employer they are negotiating with (yearly pay)."""

    bank_salary: float  # Harbor Bank: a sure salary
    startup_base: float  # Lumen, a startup: a base salary ...
    startup_bonus: float  # ... plus this bonus if the next funding round closes
    funding_probability: float
    renewal_probability: float  # Freelance: the main client renews the contract or not
    busy_probability: float  # if renewed, a busy year or a normal one
    freelance_busy: float
    freelance_normal: float
    freelance_no_renewal: float
    moving_cost: float  # yearly extra cost of taking the Northwind job instead
    northwind_budget: float  # the most Northwind can pay

    def story(self):
        return (
            "You have three alternatives to the job you are negotiating for at **Northwind**:\n\n"
            f"- **Harbor Bank** offers a sure salary of {self.bank_salary:,.0f}.\n"
            f"- **Lumen**, a startup, offers a base of {self.startup_base:,.0f}, plus a bonus of "
            f"{self.startup_bonus:,.0f} if its next funding round closes "
            f"(chance {self.funding_probability:.0%}).\n"
            "- **Freelance** work for your main client: the contract is renewed with chance "
            f"{self.renewal_probability:.0%}. If renewed, a busy year "
            f"(chance {self.busy_probability:.0%}) earns {self.freelance_busy:,.0f} and a "
            f"normal one {self.freelance_normal:,.0f}; without renewal you earn "
            f"{self.freelance_no_renewal:,.0f}.\n\n"
            f"Taking the Northwind job costs you {self.moving_cost:,.0f} a year more than any "
            "alternative (a longer commute). You learn later that Northwind can pay at most "
            f"{self.northwind_budget:,.0f}."
        )


def job_offers(rng, learner):
    """Draw a learner's job offers: close enough in value that choosing the BATNA takes work."""
    offers = JobOffers(
        module="02_batna",
        learner=learner,
        bank_salary=pick(rng, 78_000, 92_000, 1_000),
        startup_base=pick(rng, 56_000, 70_000, 1_000),
        startup_bonus=pick(rng, 30_000, 60_000, 5_000),
        funding_probability=pick(rng, 0.3, 0.7, 0.05),
        renewal_probability=pick(rng, 0.5, 0.8, 0.05),
        busy_probability=pick(rng, 0.3, 0.6, 0.1),
        freelance_busy=pick(rng, 105_000, 125_000, 1_000),
        freelance_normal=pick(rng, 84_000, 96_000, 1_000),
        freelance_no_renewal=pick(rng, 45_000, 65_000, 1_000),
        moving_cost=pick(rng, 2_000, 8_000, 500),
        northwind_budget=0.0,
    )
    # The budget lands near the learner's reservation price, so the ZOPA is sometimes empty.
    _, batna_value = best_alternative(alternatives_of(offers))
    budget = round(batna_value + offers.moving_cost + pick(rng, -8_000, 20_000, 1_000), -3)
    return replace(offers, northwind_budget=budget)


def alternatives_of(offers):
    """The three alternatives as trees (the course's reference answer for the graded questions)."""
    startup = [
        (offers.funding_probability, offers.startup_base + offers.startup_bonus),
        (1 - offers.funding_probability, offers.startup_base),
    ]
    freelance = [
        (
            offers.renewal_probability,
            [
                (offers.busy_probability, offers.freelance_busy),
                (1 - offers.busy_probability, offers.freelance_normal),
            ],
        ),
        (1 - offers.renewal_probability, offers.freelance_no_renewal),
    ]
    return {"Harbor Bank": offers.bank_salary, "Lumen": startup, "Freelance": freelance}
