"""Module 02's scenario: three job offers of different certainty, one employer to negotiate
with, its own alternative, the offers it might make and things you might say about yours.

A draw that would make some question unfair is rejected and drawn again (``candidates``):
``problems`` names what is wrong with a draw, one invariant each, so the sweep tests and
``tests/benchmarks/bench_variants.py`` can count them.
"""

import functools
import math
from dataclasses import dataclass, replace

from course.models.batna import best_alternative, expected_value
from course.scenarios.base import Scenario, pick
from course.variants import rng_for

#: How far (in salary) every number a rule compares must stay from the rule's threshold.
MARGIN = 1_000
#: How far an offer's salary must stay from the even split it is judged against.
OFFER_MARGIN = 500
#: Northwind's ways to pay: remote days a week it can offer (two halve your commute).
REMOTE_DAYS = 2


@dataclass(frozen=True)
class NorthwindOffer:
    """An offer Northwind might make: a yearly salary and remote days a week (0 or 2)."""

    salary: float
    remote_days: int

    def __str__(self):
        days = (
            f"with {self.remote_days} remote days a week" if self.remote_days else "no remote days"
        )
        return f"{self.salary:,.0f} a year, {days}"


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
    commute_cost: float  # extra yearly cost of the Northwind job (commute); remote days halve it
    agency_rate: float  # Northwind's alternative: a contractor through an agency, per year ...
    agency_fee: float  # ... plus the agency's yearly fee
    northwind_offers: tuple  # three NorthwindOffer, for question 5

    @property
    def statements(self):
        """Four things you might say to Northwind, as ``(letter, text)`` pairs (question 6)."""
        return tuple((s.letter, s.text) for s in statements_of(self))

    def story(self):
        offers = "\n".join(
            f"{n}. {offer}" for n, offer in enumerate(self.northwind_offers, start=1)
        )
        said = "\n".join(f"- **{letter}.** “{text}”" for letter, text in self.statements)
        return (
            "You are negotiating your salary for a job at **Northwind**. If no deal is "
            "reached, you have three alternatives:\n\n"
            f"- **Harbor Bank** offers a sure salary of {self.bank_salary:,.0f}.\n"
            f"- **Lumen**, a startup, offers a base of {self.startup_base:,.0f}, plus a bonus of "
            f"{self.startup_bonus:,.0f} if its next funding round closes "
            f"(chance {self.funding_probability:.0%}).\n"
            "- **Freelance** work for your main client: the contract is renewed with chance "
            f"{self.renewal_probability:.0%}. If renewed, a busy year "
            f"(chance {self.busy_probability:.0%}) earns {self.freelance_busy:,.0f} and a "
            f"normal one {self.freelance_normal:,.0f}; without renewal you earn "
            f"{self.freelance_no_renewal:,.0f}.\n\n"
            "The Northwind job has an extra yearly cost that none of the alternatives has: "
            f"the commute, {self.commute_cost:,.0f} a year. Two remote days a week would halve "
            "it.\n\n"
            "If you say no, Northwind will fill the role through an agency. The agency's "
            f"published rates put a contractor with your skills at {self.agency_rate:,.0f} a "
            f"year, and its fee is {self.agency_fee:,.0f} a year on top. Northwind values the "
            "contractor's work as much as yours, and remote days cost it nothing.\n\n"
            f"Offers Northwind might make you (question 5):\n\n{offers}\n\n"
            f"Things you might say to Northwind (question 6):\n\n{said}\n\n" + self.field_table()
        )

    def field_table(self):
        """The scenario's fields as a Markdown table: name, meaning and this learner's value."""
        rows = [
            ("bank_salary", "Harbor Bank's sure salary", f"{self.bank_salary:,.0f}"),
            ("startup_base", "Lumen's base salary", f"{self.startup_base:,.0f}"),
            ("startup_bonus", "Lumen's bonus if the funding closes", f"{self.startup_bonus:,.0f}"),
            (
                "funding_probability",
                "chance Lumen's funding closes",
                f"{self.funding_probability:g}",
            ),
            ("renewal_probability", "chance your client renews", f"{self.renewal_probability:g}"),
            ("busy_probability", "chance of a busy year, if renewed", f"{self.busy_probability:g}"),
            ("freelance_busy", "freelance income, busy year", f"{self.freelance_busy:,.0f}"),
            ("freelance_normal", "freelance income, normal year", f"{self.freelance_normal:,.0f}"),
            (
                "freelance_no_renewal",
                "freelance income without renewal",
                f"{self.freelance_no_renewal:,.0f}",
            ),
            (
                "commute_cost",
                "extra yearly cost of Northwind (commute)",
                f"{self.commute_cost:,.0f}",
            ),
            ("agency_rate", "yearly cost of the agency's contractor", f"{self.agency_rate:,.0f}"),
            ("agency_fee", "the agency's yearly fee", f"{self.agency_fee:,.0f}"),
            (
                "northwind_offers",
                "the offers above, each with .salary and .remote_days",
                "3 offers",
            ),
            ("statements", "the statements above, as (letter, text) pairs", "4 statements"),
        ]
        lines = "\n".join(
            f"| `offers.{name}` | {meaning} | {value} |" for name, meaning, value in rows
        )
        return "| field | meaning | your value |\n|---|---|---|\n" + lines


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


@functools.lru_cache(maxsize=4096)
def batna_value(offers):
    """The value of the BATNA: the highest expected value of the three alternatives."""
    return best_alternative(alternatives_of(offers))[1]


def reservation_of(offers, remote_days=0):
    """Your reservation price at Northwind: the BATNA's value plus the commute's yearly cost,
    halved by two remote days a week."""
    share = 0.5 if remote_days else 1.0
    return batna_value(offers) + share * offers.commute_cost


def northwind_limit(offers):
    """Northwind's reservation price: what its alternative, the agency's contractor, costs it."""
    return offers.agency_rate + offers.agency_fee


def even_split(offers, remote_days=0):
    """The salary that splits the zone of the package evenly (the Nash price), or ``None``
    when Northwind cannot pay your reservation price for that package."""
    low, high = reservation_of(offers, remote_days), northwind_limit(offers)
    return (low + high) / 2 if high >= low else None


def right_response(offers, offer):
    """The course's rule for question 5: walk away when no package reaches your reservation
    salary, accept an offer at or above its package's even split, counter anything else."""
    if even_split(offers, REMOTE_DAYS) is None:
        return "walk away"
    split = even_split(offers, offer.remote_days)
    return "accept" if split is not None and offer.salary >= split else "counter"


def no_deal_case(offers):
    """The same case with a cheaper agency: Northwind's limit falls below your reservation
    salary even with two remote days, and its offers stay within its limit. Every offer is
    then a "walk away" (the graded checks use it; no learner draws it as their own)."""
    limit = math.floor((reservation_of(offers, REMOTE_DAYS) - MARGIN) / 1_000) * 1_000.0
    low = min(offer.salary for offer in offers.northwind_offers)
    return replace(
        offers,
        agency_rate=limit - offers.agency_fee,
        northwind_offers=(
            NorthwindOffer(min(low, limit - 10_000), 0),
            NorthwindOffer(limit, 0),
            NorthwindOffer(limit, REMOTE_DAYS),
        ),
    )


# --- drawing -------------------------------------------------------------------------------


def job_offers(rng, learner):
    """Draw a learner's job offers, redrawing until every question is fair (``problems``)."""
    for offers, broken in candidates(rng, learner):
        if not broken:
            return offers
    raise AssertionError("unreachable: candidates ends with a fair draw")


def candidates(rng, learner):
    """Every draw the generator makes for ``learner``, each with the invariants it breaks,
    ending with the first draw that breaks none."""
    while True:
        offers = _draw(rng, learner)
        broken = problems(offers)
        yield offers, broken
        if not broken:
            return


def _draw(rng, learner):
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
        commute_cost=pick(rng, 4_000, 12_000, 500),
        agency_rate=0.0,
        agency_fee=pick(rng, 10_000, 20_000, 1_000),
        northwind_offers=(),
    )
    # Northwind's limit lands near your reservation price: some learners have a zone on
    # salary alone, others only once remote days halve the commute.
    target = reservation_of(offers) + pick(rng, -6_000, 20_000, 1_000)
    offers = replace(offers, agency_rate=round(target - offers.agency_fee, -3))
    return replace(offers, northwind_offers=_draw_offers(rng, offers))


def _draw_offers(rng, offers):
    """Three offers to respond to, in a shuffled order: an extreme low one, one above your
    BATNA but below your reservation price (the commute trap) and one worth accepting,
    with remote days when only they open a zone (and for half the others, at a salary only
    the remote days make acceptable)."""
    value, limit = batna_value(offers), northwind_limit(offers)
    low = NorthwindOffer(_between(rng, value - 22_000, value - 12_000), 0)
    trap_top = min(reservation_of(offers) - OFFER_MARGIN, limit)
    trap = NorthwindOffer(_between(rng, value + OFFER_MARGIN, trap_top), 0)
    remote = limit < reservation_of(offers) or rng.random() < 0.5
    days = REMOTE_DAYS if remote else 0
    split, plain_split = even_split(offers, days), even_split(offers)
    top = plain_split - OFFER_MARGIN if remote and plain_split is not None else limit
    good = NorthwindOffer(_between(rng, (split or limit) + OFFER_MARGIN, top), days)
    three = [low, trap, good]
    rng.shuffle(three)
    return tuple(three)


def _between(rng, low, high, step=500):
    """A multiple of ``step`` from ``low`` to ``high``, drawn from ``rng``; when there is
    none, the multiple just above ``high`` (the invariants then reject the draw)."""
    first, last = math.ceil(low / step - 1e-9), math.floor(high / step + 1e-9)
    if last < first:
        return float((last + 1) * step)
    return float(step * (first + math.floor(rng.random() * (last - first + 1))))


# --- invariants ----------------------------------------------------------------------------

#: Every invariant ``problems`` can name, in the order it checks them.
INVARIANTS = (
    "funding chance of one half",
    "top two alternatives within 500",
    "Northwind's reservation price within 1,000 of yours",
    "no zone within 1,000 even with remote days",
    "implausible agency rate",
    "offer within 500 of a threshold",
    "commute trap not between BATNA and reservation price",
    "offer above Northwind's limit",
    "low offer not extreme",
    "one right response for all three offers",
)


def problems(offers):
    """The invariants ``offers`` breaks (names from ``INVARIANTS``), each one a way a
    question would be unfair or its story implausible; empty for a fair draw."""
    broken = []
    # Q1: with a funding chance of 1/2 the swapped tree is the right tree, so the check
    # cannot tell a learner who swaps the probabilities.
    if math.isclose(offers.funding_probability, 0.5):
        broken.append(INVARIANTS[0])
    # Q2: a near tie makes the choice of BATNA a coin toss.
    worth = sorted((expected_value(t) for t in alternatives_of(offers).values()), reverse=True)
    if worth[0] - worth[1] < 500:
        broken.append(INVARIANTS[1])
    # Q4: a zone (or a gap) of less than 1,000 turns on rounding and creates no surplus.
    limit, reservation = northwind_limit(offers), reservation_of(offers)
    if abs(limit - reservation) < MARGIN:
        broken.append(INVARIANTS[2])
    # Q5: without a zone even with remote days, every offer gets the same answer.
    if limit - reservation_of(offers, REMOTE_DAYS) < MARGIN:
        broken.append(INVARIANTS[3])
    if offers.agency_rate < 55_000 or not 0.08 <= offers.agency_fee / offers.agency_rate <= 0.25:
        broken.append(INVARIANTS[4])
    if offers.northwind_offers:
        broken += _offer_problems(offers, worth[0], limit)
    return broken


def _offer_problems(offers, value, limit):
    broken = []
    for offer in offers.northwind_offers:
        split = even_split(offers, offer.remote_days)
        if split is not None and abs(offer.salary - split) < OFFER_MARGIN:
            broken.append(INVARIANTS[5])
        if offer.salary > limit:
            broken.append(INVARIANTS[7])
    without_remote = [o for o in offers.northwind_offers if not o.remote_days]
    reservation = reservation_of(offers)
    if not any(
        value + OFFER_MARGIN <= o.salary <= reservation - OFFER_MARGIN for o in without_remote
    ):
        broken.append(INVARIANTS[6])
    if min(o.salary for o in offers.northwind_offers) > value - 10_000:
        broken.append(INVARIANTS[8])
    if len({right_response(offers, o) for o in offers.northwind_offers}) < 2:
        broken.append(INVARIANTS[9])
    return list(dict.fromkeys(broken))


# --- statements (question 6) -----------------------------------------------------------------


@dataclass(frozen=True)
class Statement:
    """Something you might say to Northwind, with the label the course gives it, the
    amount it states against the true one (``None`` when it states none) and why."""

    letter: str
    text: str
    label: str  # one of LABELS
    stated: float | None
    actual: float | None
    why: str


#: The labels of question 6, in the order the notebook teaches them.
LABELS = ("honest", "threat", "bluff", "misrepresentation")


def statements_of(offers):
    """The four statements of ``offers``'s learner: the three ways to mention Harbor Bank's
    offer (a plain fact, an ultimatum, an inflated figure) and one more, in a shuffled order,
    lettered A to D. Drawn from their own generator, so the rest of the scenario stays put."""
    rng = rng_for("02_batna:statements", offers.learner)
    bank, base, bonus = offers.bank_salary, offers.startup_base, offers.startup_bonus
    reservation = reservation_of(offers)
    inflated = bank + pick(rng, 4_000, 10_000, 1_000)
    asked = round(reservation, -3) + pick(rng, 4_000, 9_000, 1_000)
    harbor = [
        (
            f"Harbor Bank has offered me {bank:,.0f}. I would rather join Northwind, if we "
            "can agree on a salary.",
            "honest",
            bank,
            bank,
            f"Harbor Bank's offer is {bank:,.0f}, and nothing is demanded: a true fact, "
            "told plainly",
        ),
        (
            f"Match Harbor Bank's {bank:,.0f} by Friday, or I sign with them.",
            "threat",
            bank,
            bank,
            "the figure is true, but it comes with a deadline and a penalty: an ultimatum",
        ),
        (
            f"Harbor Bank has offered me {inflated:,.0f}.",
            "misrepresentation",
            inflated,
            bank,
            f"Harbor Bank offered you {bank:,.0f}, not {inflated:,.0f}: an inflated offer is "
            "a false fact Northwind would rely on",
        ),
    ]
    extra = [
        (
            "I would rather not say what the lowest salary I would take is. What range do "
            "you have in mind for the role?",
            "honest",
            None,
            None,
            "keeping your reservation price to yourself states nothing false",
        ),
        (
            f"Lumen has offered me a base of {base:,.0f}, with a bonus of {bonus:,.0f} if its "
            "funding round closes.",
            "honest",
            base + bonus,
            base + bonus,
            "both figures are Lumen's real terms, and the bonus is called uncertain",
        ),
        (
            f"I could not accept anything under {asked:,.0f}.",
            "bluff",
            asked,
            reservation,
            f"your reservation price is {reservation:,.0f}: a higher claimed limit is a "
            "bluff about your own limit, not a false fact about the world",
        ),
        (
            f"Lumen is offering me {base + bonus:,.0f} a year.",
            "misrepresentation",
            base + bonus,
            base,
            f"Lumen's sure salary is {base:,.0f}; the bonus may never come, so stating "
            f"{base + bonus:,.0f} a year as the offer is a false fact",
        ),
        (
            "If this is your best, I will take another offer today and we are done.",
            "threat",
            None,
            None,
            "it may be true, but it is a take-it-or-I-leave ultimatum",
        ),
    ]
    four = [*harbor, extra[math.floor(rng.random() * len(extra))]]
    rng.shuffle(four)
    return tuple(Statement(letter, *item) for letter, item in zip("ABCD", four, strict=True))


def statement_key(offers):
    """The course's label for each statement, by letter."""
    return {s.letter: s.label for s in statements_of(offers)}
