"""Module 02's scenario: three job offers of different certainty, one employer to negotiate
with, its own alternative, the offers it might make and things you might say about yours.

A draw that would make some question unfair is rejected and drawn again (``candidates``):
``problems`` names what is wrong with a draw, one invariant each, so the sweep tests and
``tests/benchmarks/bench_variants.py`` can count them.
"""

import functools
import itertools
import math
from dataclasses import dataclass, replace

from course.checks.calls import answer_key, own_case_key
from course.models.batna import (
    TARGET_SHARE,
    best_alternative,
    certainty_equivalent,
    expected_value,
)
from course.scenarios.base import MAX_DRAWS, NoFairDraw, Scenario, pick
from course.variants import rng_for

#: How far (in salary) every number a rule compares must stay from the rule's threshold.
MARGIN = 1_000
#: How far an offer's salary must stay from the even split it is judged against.
OFFER_MARGIN = 500
#: How far below Northwind's reservation price an offer made while it is still moving stays:
#: an offer at that price is its final offer, not a step (review 75 X7).
STILL_MOVING = 500
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
    northwind_offers: tuple  # four NorthwindOffer, for question 6
    lumen_sure: float  # sure salaries worth Lumen's offer and freelancing to a risk-averse
    freelance_sure: float  # you, from one attitude to risk (question 3, second part)
    band_midpoint: float  # the midpoint of Northwind's published pay band for the role
    pay_survey: float = 0.0  # a salary survey's median for the role (question 5's fact)

    @property
    def statements(self):
        """Six things you might say to Northwind, as ``(letter, text)`` pairs (question 7)."""
        return tuple((s.letter, s.text) for s in _statements_of(self))

    @property
    def talks(self):
        """Your version of the talks with Northwind (questions 8b and 10)."""
        return talks_of(self)

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
            "Northwind, Harbor Bank and Lumen all want your answer by the same date, and "
            "your client wants to know by then whether you will stay freelance. In your talks, "
            "Northwind makes the last offer before that date. You can take "
            "only one of the four: signing with Northwind ends all three alternatives, joining "
            "Harbor Bank or Lumen ends the others, and freelancing means turning both offers "
            "down. That date comes before Lumen's round closes and before your client decides "
            "on the renewal, so you choose among them without knowing how the gambles turn "
            "out.\n\n"
            "Lumen and Freelance are gambles. For question 3's second part only, suppose you "
            "dislike risk. One attitude to risk prices every gamble you face, so it gives "
            "each its own sure amount (its certainty equivalent, worked out as if this "
            "year's pay were all you had): a sure salary of "
            f"{self.lumen_sure:,.0f} is as good to you as Lumen's whole offer, and a sure "
            f"{self.freelance_sure:,.0f} as good as freelancing. Everywhere else, questions 4 to 7 included, "
            "value each alternative at its expected value.\n\n"
            "The Northwind job has an extra yearly cost that none of the alternatives has: "
            "the commute. It keeps you away from home longer, so you pay a childminder for "
            f"the extra hours: {self.commute_cost:,.0f} a year, at a rate only the two of you "
            "know, so Northwind cannot check it. Two remote days a week would halve it: the "
            "childminder charges half for a part-week place. Ignore income "
            "tax: read the commute's cost as the pay it takes to cover it. Northwind's policy "
            "allows at most two remote days a week, and remote days "
            "cost Northwind nothing. Salary and remote days are the only terms Northwind can "
            "move: it pays no signing bonus and the start date is fixed.\n\n"
            "If you say no, Northwind will fill the role through an agency. The agency's "
            f"published rates put a contractor with your skills at {self.agency_rate:,.0f} a "
            f"year, and its fee is {self.agency_fee:,.0f} a year on top. Northwind values the "
            "contractor's work as much as yours. Treat the salary as Northwind's whole cost of "
            "employing you (no payroll costs on top). Northwind's pay band for the role, on "
            f"its careers page, has its midpoint at {self.band_midpoint:,.0f}. A salary survey "
            f"you can show puts the median pay for the role at {self.pay_survey:,.0f}. This case "
            "assumes that Northwind reads your reservation price as that midpoint, because "
            "that is what its hires usually accept, and that it does not know what your "
            "commute costs you: it counts a commute you leave "
            "unpriced at nothing.\n\n"
            f"Offers Northwind might make you (question 6):\n\n{offers}\n\n"
            f"Things you might say to Northwind (question 7):\n\n{said}\n\n"
            "Your variant of the talks (questions 8b and 10), on the package with two remote days"
            + (
                ": "
                if self.talks.answer_date and self.talks.proposer == "Northwind"
                # review 106 C2: the story says Northwind makes the last offer; where the
                # variant gives it to you, it says it replaces that fact, as the others do
                else ". For questions 8b and 10 (and the practice after 10) only, it replaces "
                "who makes the last offer above; everything else stands: "
                if self.talks.answer_date
                # review 99 U1: question 8b reads the variant too
                else ". For questions 8b and 10 (and the practice after 10) only, it replaces "
                "the answer date"
                # review 75 C1: where the start slips, the fixed start above goes too
                + (" and the fixed start date" if self.talks.start_slips else "")
                + " above; everything else stands: "
            )
            + f"{self.talks.told()}\n\n"
            + self.field_table()
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
                "lumen_sure",
                "a sure salary you would take instead of Lumen (question 3, second part)",
                f"{self.lumen_sure:,.0f}",
            ),
            (
                "freelance_sure",
                "a sure salary you would take instead of freelancing (question 3, second part)",
                f"{self.freelance_sure:,.0f}",
            ),
            (
                "commute_cost",
                "extra yearly cost of Northwind (commute)",
                f"{self.commute_cost:,.0f}",
            ),
            ("agency_rate", "yearly cost of the agency's contractor", f"{self.agency_rate:,.0f}"),
            ("agency_fee", "the agency's yearly fee", f"{self.agency_fee:,.0f}"),
            ("band_midpoint", "midpoint of Northwind's pay band", f"{self.band_midpoint:,.0f}"),
            ("pay_survey", "the salary survey's median for the role", f"{self.pay_survey:,.0f}"),
            (
                "northwind_offers",
                "the offers above, each with .salary and .remote_days",
                f"{len(self.northwind_offers)} offers",
            ),
            ("statements", "the statements above, as (letter, text) pairs", "6 statements"),
            (
                "talks",
                "the variant of questions 8b and 10, with .may_be_cancelled, .answer_date, "
                ".start_slips, .proposer, .work_value and .delta",
                self.talks.short(),
            ),
        ]
        lines = "\n".join(
            f"| `offers.{name}` | {meaning} | {value} |" for name, meaning, value in rows
        )
        return "| field | meaning | your value |\n|---|---|---|\n" + lines


def _alternatives_of(offers, risk_averse=False):
    """The three alternatives as trees (the course's reference answer for the graded
    questions); with ``risk_averse``, Lumen and Freelance as the sure amounts the scenario
    supposes (``lumen_sure``, ``freelance_sure``)."""
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
    if risk_averse:
        startup, freelance = offers.lumen_sure, offers.freelance_sure
    return {"Harbor Bank": offers.bank_salary, "Lumen": startup, "Freelance": freelance}


@functools.lru_cache(maxsize=4096)
def _worth_items(offers, risk_averse=False):
    """Each alternative's value by expected values, as ``(name, value)`` pairs: kept per
    offers, since every check and every sweep learner asks for them many times."""
    return tuple(
        (name, expected_value(tree)) for name, tree in _alternatives_of(offers, risk_averse).items()
    )


def _worth_of(offers, risk_averse=False):
    """{alternative: its value by expected values} (a fresh dict the caller may change)."""
    return dict(_worth_items(offers, risk_averse))


@functools.lru_cache(maxsize=4096)
def _batna_of(offers, risk_averse=False):
    """The BATNA as ``(name, value)``: the alternative worth most (by expected values, or
    with ``risk_averse`` by the scenario's sure amounts for the two gambles)."""
    return best_alternative(_alternatives_of(offers, risk_averse))


def _batna_value(offers):
    """The value of the BATNA: the highest expected value of the three alternatives."""
    return _batna_of(offers)[1]


def _reservation_of(offers, remote_days=0, risk_averse=False):
    """Your reservation price at Northwind: the BATNA's value plus the commute's yearly cost,
    halved by two remote days a week."""
    share = 0.5 if remote_days else 1.0
    return _batna_of(offers, risk_averse)[1] + share * offers.commute_cost


#: When Lumen's uncertainty is settled, against when you must answer Northwind (section 3):
#: you must commit before its round closes and the Northwind job ends Lumen (the story's
#: case); the round is settled before you must answer; Lumen's offer stays open for a year,
#: whatever you choose first.
TIMINGS = ("commit first", "known first", "left open")


@answer_key
def without_lumen(offers):
    """The value of the best alternative other than Lumen, by expected values."""
    worth = _worth_of(offers)
    return max(v for name, v in worth.items() if name != "Lumen")


@answer_key
def with_lumen_open(offers, fallback):
    """What ``fallback`` (a sure amount or a tree) is worth by expected values when Lumen's
    offer stays open beside it: you join Lumen once its round has closed if it then pays
    more, so each pair of outcomes is worth the larger of the two (Lumen's round and the
    fallback's chances are independent)."""
    base, bonus, p = offers.startup_base, offers.startup_bonus, offers.funding_probability

    def best(tree, lumen):
        if isinstance(tree, (int, float)):
            return max(tree, lumen)
        return sum(q * best(sub, lumen) for q, sub in tree)

    return p * best(fallback, base + bonus) + (1 - p) * best(fallback, base)


@answer_key
def sure_beside_lumen(offers, worth):
    """The sure salary that, with Lumen's offer open beside it, is worth ``worth`` (which is
    at least Lumen's expected value): it solves E[max(y, Lumen)] = worth, and is ``worth``
    itself once ``worth`` beats Lumen's best outcome."""
    top, p = offers.startup_base + offers.startup_bonus, offers.funding_probability
    if worth >= top:
        return worth
    return max((worth - p * top) / (1 - p), offers.startup_base)


@answer_key
def batna_value_when(offers, timing, funded=None):
    """The value your reservation price at Northwind rests on (the reservation price is it plus
    the commute), by expected values, when Lumen's uncertainty is timed as ``timing`` (one of
    ``TIMINGS``): the best alternative's value with Lumen at its expected value when you must
    commit first and the deal ends it, or at its outcome (base and bonus if ``funded``, base
    alone if not) when it is settled before you answer. When Lumen's offer stays open whatever
    you choose, it sits on both sides: walking away is worth your best fallback with Lumen
    beside it (``with_lumen_open``), and the answer is the sure salary that, with Lumen beside
    it, is worth as much (``sure_beside_lumen``). Next to a sure fallback Lumen cancels and that
    is the fallback itself; next to freelancing, a gamble, it cancels only when none of Lumen's
    outcomes lies strictly between freelancing's worst and best (question 9)."""
    worth = _worth_of(offers)
    if timing == "known first":
        worth["Lumen"] = offers.startup_base + (offers.startup_bonus if funded else 0.0)
    elif timing == "left open":
        trees = _alternatives_of(offers)
        walking = max(with_lumen_open(offers, trees[n]) for n in ("Harbor Bank", "Freelance"))
        return sure_beside_lumen(offers, walking)
    elif timing != "commit first":
        raise ValueError(f"timing should be one of {', '.join(TIMINGS)}, got {timing!r}")
    return max(worth.values())


def _northwind_reservation(offers):
    """Northwind's reservation price: what its alternative, the agency's contractor, costs it."""
    return offers.agency_rate + offers.agency_fee


def _even_split(offers, remote_days=0):
    """The salary in the middle of the zone of the package (the course's fairness norm), or
    ``None`` when Northwind cannot pay your reservation price for that package."""
    low, high = _reservation_of(offers, remote_days), _northwind_reservation(offers)
    return (low + high) / 2 if high >= low else None


#: The responses of question 6, in the order the notebook gives them. "good enough to close"
#: was "accept" before review 67 (X2) and "acceptable" before review 108 (C2: section 4 says
#: any price in the zone beats your BATNA, so "acceptable" for the even split and above
#: taught that offers below it were not): it marks an offer good enough to close, not a duty
#: to take it at once; the check still takes the old words (``RESPONSE_ALIASES``). "final offer" was
#: "walk away" before review 103 (C1): the module keeps "walk away" for the act of leaving,
#: and the response is the final offer you make before it.
RESPONSES = ("good enough to close", "ask for remote days", "counter", "final offer")

#: Older words for a response that question 6's check still takes, with the response each
#: stands for (an answer written before the rename keeps its marks).
RESPONSE_ALIASES = {
    "accept": "good enough to close",
    "acceptable": "good enough to close",
    "walk away": "final offer",
}

#: Older words for a reason that question 6's check still takes: "commute trap" was the
#: name of the row below your reservation price for its package until review 82 (U2) cut
#: the coined term.
REASON_ALIASES = {"commute trap": "below your reservation price"}

#: The reasons of question 6, each with the response it goes with, in the rule's order.
REASONS = {
    "no zone even with remote days": "final offer",
    "even split reached": "good enough to close",
    "no remote days": "ask for remote days",
    "below your BATNA": "counter",
    "below your reservation price": "counter",
    "below the even split": "counter",
}


def _right_response(offers, offer):
    """The course's rule for question 6, as ``(response, reason)``: a final offer (then leave
    if it is refused) when no package reaches your reservation price, neither Northwind's
    reservation price nor this offer's salary, even with two remote days (review 77 C2: the
    rule walked away from such an offer). An offer at or above the even split of the zone with remote days is good
    enough to close
    if it has them, and answered by asking for them if not (they cost Northwind nothing);
    anything else is countered, for the first reason that applies. Review 83 X1: the even
    split is taken on the estimate of Northwind's reservation price alone, as section 5
    says; an offer above that estimate, once it reaches your reservation price, is at or
    above the split either way, so no answer changes."""
    low = _reservation_of(offers, REMOTE_DAYS)
    high = _northwind_reservation(offers)
    if high < low and offer.salary < low:
        return "final offer", "no zone even with remote days"
    if offer.salary >= (low + high) / 2:
        return (
            ("good enough to close", "even split reached")
            if offer.remote_days
            else (
                "ask for remote days",
                "no remote days",
            )
        )
    if offer.salary < _batna_value(offers):
        return "counter", "below your BATNA"
    if offer.salary < _reservation_of(offers, offer.remote_days):
        return "counter", "below your reservation price"
    return "counter", "below the even split"


def no_deal_case(offers):
    """The same case with a cheaper agency: Northwind's reservation price falls below yours
    even with two remote days, and its offers stay within it. Every offer is then met with a
    "final offer" (the graded checks use it; no learner draws it as their own)."""
    limit = math.floor((_reservation_of(offers, REMOTE_DAYS) - MARGIN) / 1_000) * 1_000.0
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


def beaten_estimate_case(offers):
    """``no_deal_case`` with two offers of one salary 1,000 or so above your reservation price
    with two remote days, one with them and one without (review 77 C2): Northwind's
    reservation price as estimated leaves no zone, but these offers reach your reservation
    price with remote days, so the rule makes no final offer to them. The graded checks use
    it; no learner draws it as their own."""
    cheaper = no_deal_case(offers)
    salary = math.ceil((_reservation_of(offers, REMOTE_DAYS) + 1_000) / 1_000) * 1_000.0
    return replace(
        cheaper,
        northwind_offers=(NorthwindOffer(salary, REMOTE_DAYS), NorthwindOffer(salary, 0)),
    )


def zone_edge_case(offers):
    """The same case with the agency priced at exactly your reservation price for the job as
    offered: the zone is the single salary ``(r, r)``, the boundary of section 4's rule
    (b >= s). The graded checks of question 4 use it; no learner draws it as their own."""
    reservation = _reservation_of(offers)
    rate = reservation - offers.agency_fee
    for _ in range(8):  # equal in floating point too, so `<` and `<=` really differ
        if rate + offers.agency_fee == reservation:
            break
        step = math.inf if rate + offers.agency_fee < reservation else -math.inf
        rate = math.nextafter(rate, step)
    return replace(offers, agency_rate=rate)


def survey_above_agency_case(offers):
    """The same case with a salary survey of the whole market 4,000 or so above what the
    agency's contractor costs Northwind (review 77 X1): the largest of the four pay figures is
    then not Northwind's reservation price, so "take the largest figure" fails question 4.
    The graded checks use it; no learner draws it as their own (their survey stays below
    that cost)."""
    above = math.ceil((_northwind_reservation(offers) + 4_000) / 1_000) * 1_000.0
    return replace(offers, pay_survey=above)


def split_edge_case(offers):
    """The same case with two offers at exactly the even split with remote days, one with
    and one without them (review 77 X3): every other offer a check tries stays 450 or more
    from it, so a strict `>` passed. Take it from a case whose numbers are whole (Harbor
    Bank as the BATNA), so that the split is the same in floating point however a learner
    adds it up. The graded checks use it; no learner draws it as their own."""
    split = _even_split(offers, REMOTE_DAYS)
    return replace(
        offers, northwind_offers=(NorthwindOffer(split, REMOTE_DAYS), NorthwindOffer(split, 0))
    )


def rule_offers(offers):
    """Offers built on the case's own numbers, one on every path of question 6's rule, with and
    without remote days: below the BATNA's value, above it but below your reservation price,
    inside the zone below its even split, and at or above that even split. Each salary is the middle of its stretch,
    rounded to 100, so it stays at least 450 from every threshold; an offer without remote days
    between your reservation price and the even split exists only when that stretch is 1,000
    wide or more. Last come ``between_splits_offers``, between the two even splits.
    Empty when no package works for both sides (the cheaper-agency case has its own offers)."""
    split = _even_split(offers, REMOTE_DAYS)
    if split is None:
        return ()
    value, limit = _batna_value(offers), _northwind_reservation(offers)

    def middle(low, high):
        return float(round((low + high) / 2, -2))

    made = []
    for days in (0, REMOTE_DAYS):
        reservation = _reservation_of(offers, days)
        made.append(NorthwindOffer(float(round(value - 15_000, -3)), days))
        made.append(NorthwindOffer(middle(value, min(reservation, split)), days))
        if split - reservation >= 2 * OFFER_MARGIN:
            made.append(NorthwindOffer(middle(reservation, split), days))
        made.append(NorthwindOffer(middle(split, limit), days))
    return (*made, *between_splits_offers(offers))


def between_splits_offers(offers):
    """The last of ``rule_offers`` (review 62 X1): when the job as offered has a zone, one
    offer without and one with remote days between the even split with remote days and the
    higher even split of the zone for the job as offered (``commute_cost / 4``, so 1,000 or
    more, apart), each in the middle of the widest stretch there that holds no reservation
    price. A rule judging offers against the zone for the job as offered differs from the
    rule only there."""
    split, job_split = _even_split(offers, REMOTE_DAYS), _even_split(offers)
    made = []
    for days in (0, REMOTE_DAYS) if job_split is not None and split is not None else ():
        reservation = min(max(_reservation_of(offers, days), split), job_split)
        edges = sorted({split, job_split, reservation})
        low, high = max(itertools.pairwise(edges), key=lambda pair: pair[1] - pair[0])
        if high - low >= 2 * OFFER_MARGIN:
            made.append(NorthwindOffer(float(round((low + high) / 2, -2)), days))
    return tuple(made)


def has_gap_offer(offers):
    """Whether ``rule_offers`` holds an offer without remote days that reaches your
    reservation price for the job as offered but not the even split with remote days."""
    split = _even_split(offers, REMOTE_DAYS)
    return split is not None and split - _reservation_of(offers) >= 2 * OFFER_MARGIN


# --- drawing -------------------------------------------------------------------------------


def job_offers(rng, learner):
    """Draw a learner's job offers, redrawing until every question is fair (``problems``)."""
    for offers, broken in candidates(rng, learner):
        if not broken:
            return replace(offers, pay_survey=_draw_survey(offers))
    raise NoFairDraw("02_batna", learner)


def candidates(rng, learner):
    """Every draw the generator makes for ``learner``, each with the invariants it breaks,
    ending with the first draw that breaks none (or after ``MAX_DRAWS``)."""
    for _ in range(MAX_DRAWS):
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
        lumen_sure=0.0,
        freelance_sure=0.0,
        band_midpoint=0.0,
    )
    # Northwind's reservation price lands near yours: some learners have a zone on salary
    # alone, others only once remote days halve the commute.
    target = _reservation_of(offers) + pick(rng, -6_000, 20_000, 1_000)
    offers = replace(offers, agency_rate=round(target - offers.agency_fee, -3))
    # a contractor with your skills is paid at least your BATNA's value where the agency's
    # cost leaves room for a fee of 8% of the rate: the fee is cut to fit (the rate was
    # below that value for 98 of 300 learners); Northwind's cost is unchanged
    cost, value = _northwind_reservation(offers), _batna_value(offers)
    fee = min(offers.agency_fee, math.floor((cost - value) / 1_000) * 1_000)
    plausible = 0.08 <= offers.agency_fee / offers.agency_rate <= 0.25  # else redrawn, as before
    if plausible and fee >= 0.08 * (cost - fee):
        offers = replace(offers, agency_rate=cost - fee, agency_fee=fee)
    value, limit = _batna_value(offers), _northwind_reservation(offers)
    offers = replace(offers, northwind_offers=_draw_offers(rng, offers))
    # one attitude to risk for both gambles: a constant relative risk aversion from 1 to 4,
    # risk premiums of a few percent of the salary to a fifth of it
    gamma, trees = pick(rng, 1.0, 4.0, 0.5), _alternatives_of(offers)
    return replace(
        offers,
        lumen_sure=round(certainty_equivalent(trees["Lumen"], gamma), -2),
        freelance_sure=round(certainty_equivalent(trees["Freelance"], gamma), -2),
        band_midpoint=_between(rng, value - 8_000, min(limit, value + 8_000)),
    )


def _target_band(offers):
    """Question 5's band: the even split of the zone with two remote days and the point
    ``TARGET_SHARE`` of the way up it."""
    low, high = _reservation_of(offers, REMOTE_DAYS), _northwind_reservation(offers)
    return (low + high) / 2, low + TARGET_SHARE * (high - low)


def _draw_survey(offers):
    """The survey's median, from its own generator so that no other draw moves: inside
    question 5's band for most learners, below or above it for the others, and always at
    least ``MARGIN`` from both ends of the band, so that the target it sets is never a
    rounding away from another reading."""
    rng = rng_for("02_batna:pay-survey", offers.learner)
    split, top = _target_band(offers)
    roll = rng.random()
    # session 75: the band narrowed from nine tenths to three quarters, so fewer zones have
    # room for a survey inside it; a survey lands inside wherever there is room three times
    # in four (six in ten before), which keeps about half of the learners inside, as before
    if top - split >= 2 * MARGIN + 500 and roll < 0.75:
        return _between(rng, split + MARGIN, top - MARGIN)
    # above the band, but below what the agency's contractor costs Northwind less 500: the
    # text says no fact carries an opening past that cost (a survey above it did for 56 of
    # 300 learners); where the band's top is too near that cost, below the band
    ceiling = _northwind_reservation(offers) - 500
    if roll < 0.8 or top + MARGIN > ceiling:
        return float(math.floor((split - MARGIN) / 500) * 500 - 500 * math.floor(rng.random() * 10))
    return _between(rng, top + MARGIN, ceiling)


def _target_of(offers):
    """Question 5's target: the survey's median when it lies in the band; the even split
    when it lies below (no fact takes you higher); the band's top when it lies above."""
    split, top = _target_band(offers)
    return min(max(offers.pay_survey, split), top)


def _draw_offers(rng, offers):
    """Four offers to respond to, in a shuffled order, all without remote days but the
    last: an extreme low one, one above your BATNA but below your reservation price, one
    whose salary reaches the even split with remote days (ask for them), and one with remote days, at or above its even split or, for some learners,
    inside its zone but below the even split. Each lies at least ``STILL_MOVING`` below
    Northwind's reservation price: these are offers of a Northwind still moving."""
    value, limit = _batna_value(offers), _northwind_reservation(offers)
    low_remote, split = _reservation_of(offers, REMOTE_DAYS), _even_split(offers, REMOTE_DAYS)
    split = split if split is not None else limit
    low = NorthwindOffer(_between(rng, value - 22_000, value - 12_000), 0)
    trap_top = min(_reservation_of(offers), split) - OFFER_MARGIN
    trap = NorthwindOffer(_between(rng, value + OFFER_MARGIN, trap_top), 0)
    # review 75 X7: an offer at Northwind's reservation price (39 of 300 learners had one)
    # is drawn again below it, from its own generator, so that no other draw moves
    again = rng_for("02_batna:still-moving", offers.learner)

    def moving(salary):
        top = limit - STILL_MOVING
        return salary if salary <= top else _between(again, split + OFFER_MARGIN, top)

    plain = NorthwindOffer(moving(_between(rng, split + OFFER_MARGIN, limit)), 0)
    if rng.random() < 0.6 or split - OFFER_MARGIN < low_remote + OFFER_MARGIN:
        salary = moving(_between(rng, split + OFFER_MARGIN, limit))
        remote = NorthwindOffer(salary, REMOTE_DAYS)
    else:
        below = _between(rng, low_remote + OFFER_MARGIN, split - OFFER_MARGIN)
        remote = NorthwindOffer(below, REMOTE_DAYS)
    four = [low, trap, plain, remote]
    rng.shuffle(four)
    return tuple(four)


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
    "no zone of 2,000 even with remote days",
    "implausible agency rate",
    "offer within 500 of a threshold",
    "no offer below your reservation price, above your BATNA",
    "offer at or above Northwind's reservation price",
    "low offer not extreme",
    "fewer than three reasons among the offers",
    "sure amounts not 1,000 below expected values, or top two within 500",
    "pay band midpoint within 2,000 of your BATNA's value or above Northwind's",
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
    worth = _worth_of(offers)
    ranked = sorted(worth.values(), reverse=True)
    if ranked[0] - ranked[1] < 500:
        broken.append(INVARIANTS[1])
    # Q4: a zone (or a gap) of less than 1,000 turns on rounding and creates no surplus.
    limit, reservation = _northwind_reservation(offers), _reservation_of(offers)
    if abs(limit - reservation) < MARGIN:
        broken.append(INVARIANTS[2])
    # Q5: without a wide enough zone with remote days, the offers cannot differ.
    if limit - _reservation_of(offers, REMOTE_DAYS) < 2 * MARGIN:
        broken.append(INVARIANTS[3])
    if offers.agency_rate < 55_000 or not 0.08 <= offers.agency_fee / offers.agency_rate <= 0.25:
        broken.append(INVARIANTS[4])
    if offers.northwind_offers:
        broken += _offer_problems(offers, ranked[0], limit)
    # Q3: each gamble's sure amount a clear risk premium below its expected value, and no
    # near tie among the alternatives valued at the sure amounts.
    sure = _worth_of(offers, True)
    top = sorted(sure.values(), reverse=True)
    if any(sure[n] > worth[n] - MARGIN for n in ("Lumen", "Freelance")) or top[0] - top[1] < 500:
        broken.append(INVARIANTS[10])
    # Q6: whether to mention your BATNA turns on the band's midpoint against the value the
    # mention shows; Northwind does not expect to pay more than its own reservation price.
    if abs(offers.band_midpoint - ranked[0]) < 2 * MARGIN or offers.band_midpoint > limit:
        broken.append(INVARIANTS[11])
    return broken


def _offer_problems(offers, value, limit):
    broken = []
    split = _even_split(offers, REMOTE_DAYS)
    for offer in offers.northwind_offers:
        thresholds = [split, value, _reservation_of(offers, offer.remote_days)]
        if any(t is not None and abs(offer.salary - t) < OFFER_MARGIN for t in thresholds):
            broken.append(INVARIANTS[5])
        if offer.salary > limit - STILL_MOVING:
            broken.append(INVARIANTS[7])
    if not any(
        _right_response(offers, o)[1] == "below your reservation price"
        for o in offers.northwind_offers
    ):
        broken.append(INVARIANTS[6])
    if min(o.salary for o in offers.northwind_offers) > value - 10_000:
        broken.append(INVARIANTS[8])
    if len({_right_response(offers, o)[1] for o in offers.northwind_offers}) < 3:
        broken.append(INVARIANTS[9])
    return list(dict.fromkeys(broken))


# --- statements (question 7) -----------------------------------------------------------------


@dataclass(frozen=True)
class Statement:
    """Something you might say to Northwind: its letter and text, which the learner reads,
    and, private, the label the course gives it, the amount it states against the true one
    (``None`` when it states none), why, and its kind. The private fields are question 7's
    answers: the course reads them only through the answer keys (``statements_of``,
    ``statement_key``), so no public attribute of a statement holds a label."""

    letter: str
    text: str
    _label: str  # one of LABELS
    _stated: float | None
    _actual: float | None
    _why: str
    _kind: str  # "mention", "private", "warning", "bluff" or "misrepresentation"
    _also: str | None = None  # a second label accepted (a demand above your limit)
    # review 79 X1: the letters that must be labelled legitimate for ``_also`` to count
    # (empty: no condition)
    _beside: tuple = ()


#: The labels of question 7, in the order the notebook teaches them: module 00's words for
#: the course's kinds of move (review 80 C3, module 00's C3: one vocabulary for the course).
#: A true statement that leaves no false impression is legitimate, with a demand (a warning) or
#: without; a false one is a bluff (about the least you would accept) or a misrepresentation
#: (about a fact). Module 00's fourth kind, an illegitimate source, does not arise among
#: these statements.
LABELS = ("legitimate", "bluff", "misrepresentation")

#: The label of a true statement that leaves no false impression, demand or not.
LEGITIMATE = LABELS[0]

#: Question 7's labels before review 80 C3 split a true statement in two: one that demands
#: nothing and a warning. Grading still takes them where they were right (``old_label``).
OLD_LABELS = ("plain statement", "warning")


def old_label(statement):
    """The label ``statement`` carried before review 80 C3: a legitimate demand was a
    "warning", any other legitimate statement a "plain statement"; a false one's label is
    unchanged."""
    if statement._label != LEGITIMATE:
        return statement._label
    return "warning" if statement._kind == "warning" else "plain statement"


#: What taking each alternative means, as you would say it.
_TAKING = {
    "Harbor Bank": "take Harbor Bank's offer",
    "Lumen": "join Lumen",
    "Freelance": "stay freelance",
}


def _mention(offers, name):
    """A true statement of your BATNA's full terms, chances included, so Northwind can
    value it, and the commute it spares you, unquantified: it shows your BATNA's value
    (returned with the text), not your reservation price."""
    spared = "and it spares me the commute to Northwind"
    if name == "Harbor Bank":
        return (
            f"Harbor Bank has offered me {offers.bank_salary:,.0f}, {spared}.",
            offers.bank_salary,
        )
    if name == "Lumen":
        return (
            f"Lumen has offered me a base of {offers.startup_base:,.0f}, plus "
            f"{offers.startup_bonus:,.0f} if its next funding round closes (I put the chance at "
            f"{offers.funding_probability:.0%}), {spared}.",
            _batna_value(offers),
        )
    return (
        "My freelance contract with my main client is up for renewal (I put the chance at "
        f"{offers.renewal_probability:.0%}). If it is renewed, a busy year (a "
        f"{offers.busy_probability:.0%} chance) pays {offers.freelance_busy:,.0f} and a normal "
        f"one {offers.freelance_normal:,.0f}; if not, I would earn "
        f"{offers.freelance_no_renewal:,.0f}. Working from home spares me the commute to "
        "Northwind.",
        _batna_value(offers),
    )


def _demand_figures(offers):
    """The figures of the two demands, ``(with two remote days, for the job as offered)``,
    in hundreds, at least 500 from every reservation price it could be judged against
    (rounding cannot move it across). With remote days, drawn with even chances from its own
    generator: a bluff between the two reservation prices, where a commute not halved for
    remote days turns it into a warning, or a warning at or below the reservation price with
    remote days, so its label is read from the figure, not the wording. For the job as
    offered, drawn with even chances: a
    warning between the two reservation prices, or a bluff 500 to 3,000 above its
    reservation price, so the practice case's labels are not the learner's by analogy. The
    commute left out turns a warning into a bluff, for every learner whose demand for the job
    as offered is a warning. Drawn from their own generator, so the rest of the scenario
    stays put."""
    rng = rng_for("02_batna:demands", offers.learner)
    remote, offered = _reservation_of(offers, REMOTE_DAYS), _reservation_of(offers)

    def hundreds(low, high):
        return pick(rng, math.ceil(low / 100) * 100, math.floor(high / 100) * 100, 100)

    between = (remote + 500, offered - 500)
    rng.random()  # the draw that once made this demand a warning half the time
    with_days = hundreds(*between)
    as_offered = (
        hundreds(*between) if rng.random() < 0.5 else hundreds(offered + 500, offered + 3_000)
    )
    own = rng_for("02_batna:remote-demand", offers.learner)
    if own.random() < 0.5:  # a warning with remote days: from the BATNA's value up to it
        rng = own
        with_days = hundreds(_batna_value(offers) + 500, remote - 500)
    return with_days, as_offered


def _warning(offers, one, taking, remote, figure):
    """A demand with a consequence: take your BATNA if Northwind pays less than ``figure``,
    for the package it names (no remote days, or two). It speaks only of salaries below its
    figure: "unless Northwind can pay at least" a figure below your reservation price also
    said that figure was enough, false (review 74 X2). At or below that package's
    reservation price you would carry it out: a warning, in Schelling's sense, of what you
    would do anyway. Above it, between the two you would in fact accept: a bluff
    about your reservation price, and, as a stated intention you do not hold, arguably a
    misrepresentation; both labels are accepted, as in module 03."""
    days = REMOTE_DAYS if remote else 0
    reservation = _reservation_of(offers, days)
    package = (
        "With two remote days a week" if remote else "For the job as offered, with no remote days"
    )
    text = one(
        (
            f"{package}: if Northwind offers less than {figure:,.0f}, I will {taking}.",
            f"{package}: if the salary is below {figure:,.0f}, I will {taking}.",
        )
    )
    which = "with two remote days" if remote else "for the job as offered"
    if figure > reservation:
        why = (
            f"your reservation price {which} is {reservation:,.0f}, below {figure:,.0f}: "
            "between the two you would in fact accept, so the demand claims a higher "
            "reservation price than yours, a bluff; as an intention you do not hold, it can "
            "also be read as a misrepresentation"
        )
        return text, "bluff", figure, reservation, why, "warning", "misrepresentation"
    why = (
        f"{figure:,.0f} is at or below your reservation price {which} ({reservation:,.0f}), "
        f"so at any salary below {figure:,.0f} you really would take your BATNA: a demand with a "
        "consequence you would carry out anyway, a warning, which is legitimate. It says "
        "nothing of what you would do at or above its figure; that Northwind may hear it as a promise to sign there is "
        "a cost of making it, not something false in it"
    )
    return text, LEGITIMATE, figure, reservation, why, "warning"


def _claim_figure(offers, above):
    """The figure of the claim about the least you would accept: ``above`` (from 3,500 to 9,500
    above your reservation price, a bluff) or, with even chances, a figure from 1,500 to 6,500
    below it, which the claim states truly. Drawn from its own generator, so the rest of the
    scenario and the other statements stay put; half the learners get a true claim, not a
    bluff."""
    rng = rng_for("02_batna:claim", offers.learner)
    if rng.random() < 0.5:
        return above
    return round(_reservation_of(offers), -3) - pick(rng, 2_000, 6_000, 1_000)


def _claim(offers, one, figure):
    """A claim that a salary of ``figure`` for the job as offered would not be enough for
    you: a bluff above your reservation price for that package (you would in fact accept
    it), legitimate below it (it is indeed not enough). It names one salary, not a
    floor: "anything under" a figure below your limit was heard as the limit itself, true in
    its words and false in what it told (review 68 X3), and a statement should carry one
    label. It states no action: "I would turn down X", true below the limit, told what you
    would do if offered X, so it could fairly be read as a warning as well (review 75 X4).
    It names the package, since a true claim's figure may lie above the reservation price
    with two remote days, where the same words about that package would be a bluff. One
    wording, drawn as the three once were, so the other statements stay put."""
    reservation = _reservation_of(offers)
    text = one((f"For the job as offered, {figure:,.0f} would not be enough for me.",))
    if figure > reservation:
        why = (
            f"your reservation price for the job as offered is {reservation:,.0f}, so you "
            f"would accept {figure:,.0f}: claiming you would refuse it is a bluff about the "
            "least you would accept, not a false fact about the world"
        )
        return text, "bluff", figure, reservation, why, "bluff"
    why = (
        f"your reservation price for the job as offered is {reservation:,.0f}, above "
        f"{figure:,.0f}: {figure:,.0f} is indeed not enough for you, so the claim is true and "
        "demands nothing; it still points Northwind at a figure below your reservation price, "
        "and an offer "
        "just above it is one you would refuse too"
    )
    return text, LEGITIMATE, figure, reservation, why, "bluff"


def _fact(offers, batna, false):
    """A statement of fact about one of your alternatives: ``false`` (an inflated offer, a
    bonus stated as sure, a busy year stated as guaranteed), or, with even chances, the same
    wording with the true figure, about Harbor Bank or Lumen when that alternative is not
    your BATNA (your BATNA's terms are the mention's): legitimate. So only the figure, checked
    against the story, tells a misrepresentation from a true statement. Drawn from its own
    generator, so the rest of the scenario and the other statements stay put."""
    rng = rng_for("02_batna:fact", offers.learner)
    if rng.random() < 0.5:
        return false
    others = [name for name in ("Harbor Bank", "Lumen") if name != batna]
    return _true_fact(offers, others[math.floor(rng.random() * len(others))])


#: Review 79 X1: Lumen's true statement once read "Lumen is offering me <base> a year.",
#: which section 6's paltering test lets a learner call a misrepresentation (the offer is
#: base and a possible bonus). It now names the base salary, which is plainly true; grading
#: still accepts the old reading on a learner's own statements, so no one who answered
#: before loses the 3/8 of a mark, beside legitimate labels for the two statements true in
#: every scenario (``_beside``). The practice case, which teaches, takes one label only.
_OLD_LUMEN_READING = "misrepresentation"


def _true_fact(offers, name, graded=True):
    """A true statement of fact about ``name``'s offer (Harbor Bank or Lumen, not the
    BATNA): legitimate, in the wording a false one would have. ``graded`` (a
    learner's own statement, not the practice's) also accepts ``_OLD_LUMEN_READING`` for
    Lumen's."""
    if name == "Harbor Bank":
        salary = offers.bank_salary
        text = f"Harbor Bank has offered me {salary:,.0f}."
        why = (
            f"Harbor Bank did offer you {salary:,.0f}: it is true, leaves no false impression and "
            "demands nothing"
        )
    else:
        salary = offers.startup_base
        text = f"Lumen's base salary is {salary:,.0f} a year."
        why = (
            f"Lumen's base salary is {salary:,.0f}: it is true, leaves no false impression and "
            "demands nothing"
        )
        if graded:  # review 79 X1: learners who labelled the old wording keep their marks
            return text, LEGITIMATE, salary, salary, why, "fact", _OLD_LUMEN_READING
    return text, LEGITIMATE, salary, salary, why, "fact"


def _statements_of(offers):
    """The six statements of ``offers``'s learner: your BATNA's terms told plainly (with
    the commute it spares you, unquantified), your reservation price kept private, two
    demands that you will take your BATNA if Northwind pays less than a figure, one for each
    package (``_warning``, with ``_demand_figures``: each a warning or a bluff),
    a bluff about your reservation price and a misrepresentation of an offer, each in one
    of several wordings, in a shuffled order, lettered A to F. Drawn from their own
    generator, so the rest of the scenario stays put."""
    rng = rng_for("02_batna:statements", offers.learner)
    name, _ = _batna_of(offers)
    reservation = _reservation_of(offers)

    def one(choices):
        return choices[math.floor(rng.random() * len(choices))]

    said, true_figure = _mention(offers, name)
    asked = _claim_figure(offers, round(reservation, -3) + pick(rng, 4_000, 9_000, 1_000))
    inflated = offers.bank_salary + pick(rng, 4_000, 10_000, 1_000)
    taking = _TAKING[name]
    rng.random()  # the draw of the single figure the demands once shared: the letters and
    # wordings of the statements stay as they were
    with_days, as_offered = _demand_figures(offers)
    items = [
        (
            said,
            LEGITIMATE,
            true_figure,
            true_figure,
            "it is true, leaves no false impression and demands nothing: your BATNA, told plainly",
            "mention",
        ),
        (
            one(
                (
                    "I would rather not say what the lowest salary I would take is. Let me tell "
                    "you instead what I am asking for the role, and why.",
                    "I'd prefer to keep my other options to myself. I will put my own figure "
                    "for the role on the table, with the reason for it.",
                )
            ),
            LEGITIMATE,
            None,
            None,
            "declining to name your reservation price states nothing false and demands nothing",
            "private",
        ),
        _warning(offers, one, taking, True, with_days),
        _warning(offers, one, taking, False, as_offered),
        _claim(offers, one, asked),
        _fact(
            offers,
            name,
            one(
                (
                    (
                        f"Harbor Bank has offered me {inflated:,.0f}.",
                        "misrepresentation",
                        inflated,
                        offers.bank_salary,
                        f"Harbor Bank offered you {offers.bank_salary:,.0f}, not {inflated:,.0f}: an "
                        "inflated offer is a false fact Northwind would rely on",
                        "fact",
                    ),
                    (
                        f"Lumen's base salary is {offers.startup_base + offers.startup_bonus:,.0f} "
                        "a year.",
                        "misrepresentation",
                        offers.startup_base + offers.startup_bonus,
                        offers.startup_base,
                        f"Lumen's base salary is {offers.startup_base:,.0f}; the bonus may never "
                        "come, so stating base and bonus as the base salary is a false fact",
                        "fact",
                    ),
                    (
                        f"My main client guarantees me {offers.freelance_busy:,.0f} a year.",
                        "misrepresentation",
                        offers.freelance_busy,
                        offers.freelance_no_renewal,
                        f"{offers.freelance_busy:,.0f} is your freelance income in a busy year after "
                        "a renewal, not a guarantee: a false fact Northwind would rely on",
                        "fact",
                    ),
                )
            ),
        ),
    ]
    rng.shuffle(items)
    said = tuple(Statement(letter, *item) for letter, item in zip("ABCDEF", items, strict=True))
    # review 79 X1: the old Lumen wording's reading counts beside the truth test applied to
    # the two statements true in every scenario, so labelling all six a misrepresentation
    # gains nothing from it
    plain = tuple(x.letter for x in said if x._kind in ("mention", "private"))
    return tuple(replace(x, _beside=plain) if x._kind == "fact" and x._also else x for x in said)


@answer_key
def worth_mentioning(batna_value, band_midpoint):
    """Section 6's rule for when to mention your BATNA: when its value by expected values
    (the commute left unpriced, so counted at nothing) beats the pay band's midpoint,
    Northwind's estimate of your reservation price (review 102 U3: its worked example)."""
    return batna_value > band_midpoint


@answer_key
def statement_to_use(offers):
    """The letter of the statement the course would make about your alternatives: your
    BATNA's terms when what they show, your BATNA's value, beats the pay band's midpoint
    (what the case assumes is Northwind's estimate of your reservation price), otherwise the
    one that keeps your reservation price private."""
    kind = "mention" if worth_mentioning(_batna_value(offers), offers.band_midpoint) else "private"
    return next(s.letter for s in _statements_of(offers) if s._kind == kind)


@own_case_key
def statement_key(offers):
    """The course's label for each statement, by letter, and under ``"use"`` the letter of
    the statement to make."""
    return {**{s.letter: s._label for s in _statements_of(offers)}, "use": statement_to_use(offers)}


# --- which model fits (section 7) ------------------------------------------------------------

#: Short situations for section 7's quiz: each with the model that fits it and why (the why says
#: first what pushes both sides to agree, the quiz's question). All but the head office's are
#: new to the learner, so the quiz asks for transfer, not recognition of the text's own cases.
SITUATIONS = (
    (
        "While you and Northwind keep talking, head office is reviewing its budget and could "
        "cancel the role before you agree, whatever either of you says; no one else needs "
        "your answer by a date.",
        "Nash split",
        "what pushes both sides to agree is the risk that head office cancels the role, which "
        "neither side controls; what each is left with then is its breakdown payoff (your "
        "BATNA; for Northwind no hire at all, since the role is gone). The agency, which "
        "Northwind calls by choice, is still an outside option and caps the salary: the "
        "prediction is the Nash split, capped by what the agency costs",
    ),
    (
        "A tenant bargains over the rent of a renewed lease, holding another landlord's signed "
        "offer for a flat that stays available: instead of agreeing to a rent, it can move. "
        "Each month without a signed lease costs both of them something; no date ends the "
        "talks.",
        "outside option",
        "what pushes both sides to agree is the cost of delay, and the tenant decides when to "
        "take the other flat, by leaving the talks: it binds only once it beats what the "
        "tenant would get at the table",
    ),
    (
        "A supplier quotes a price to a buyer who, instead of accepting it, could order the "
        "same parts from a rival at the rival's published price. Each week without an order "
        "costs both of them something.",
        "outside option",
        "what pushes both sides to agree is the cost of delay, and the buyer takes its "
        "alternative by choice, when it turns down the supplier's price",
    ),
    (
        "Two builders bargain over how to share the fee for a bridge that the city will "
        "give them if their joint bid arrives before it decides, on a day nobody knows. The "
        "work starts and the fee is paid on fixed dates, whatever day the two agree, so "
        "neither loses anything by waiting; only the city's decision can end the talks.",
        "Nash split",
        "what pushes both sides to agree is the risk that the city decides before they bid, "
        "which neither side controls (the work and the fee come on the same dates whatever "
        "day they agree, so waiting costs neither anything); each builder is then left with "
        "nothing from the bridge: those are breakdown payoffs",
    ),
)

#: The two models a situation can fit.
MODELS = ("Nash split", "outside option")


def judge_situation(index, choice):
    """Whether ``choice`` is the model that fits situation ``index``, as ``(right,
    sentence)``, with the reason either way. The quiz takes one choice a situation and
    closes it, so a wrong choice may be told the model that fits: a second click cannot
    earn the item."""
    _, model, why = SITUATIONS[index]
    if choice == model:
        return True, f"Right: {why}."
    return False, f"Not this one: it fits the {model}; {why}."


# --- revise on facts, hold against pressure (section 3) ----------------------------------------

#: News that may reach you during the talks with Northwind: whether to revise your
#: reservation price or hold it, and why.
NEWS = (
    (
        "Lumen's funding round closes earlier than expected, before you must answer: the "
        "bonus is now certain.",
        "revise it",
        "a fact about one of your alternatives, settled before you decide (section 3's "
        "second situation): Lumen is now a sure base plus bonus, so work the reservation "
        "price out again; Lumen may become your BATNA or raise its value, and if base plus "
        "bonus still does not beat your BATNA, the figure comes out where it was; question "
        '9\'s "known first" case works it out on your numbers',
    ),
    (
        "The agency's new rate card is out: the contractor Northwind would hire instead of you "
        "now costs it 8,000 a year more.",
        "hold it",
        "a true fact, and one worth having, but about Northwind's alternative, not yours: it "
        "raises the most Northwind would pay, and may raise your target; the least salary you would accept stays where it was",
    ),
    (
        "A colleague who makes the same trip tells you that a new express train starts next "
        "month: the journey to Northwind will be shorter, so you need the childminder for "
        "fewer hours.",
        "revise it",
        "a fact about what this deal costs you: a shorter journey lowers your "
        "commute cost, and the least salary worth accepting falls with it",
    ),
    (
        # review 97 X1: "Northwind agrees to two remote days" changed which package is on the
        # table, whose reservation price sections 4 and 5 work out in advance, so "hold it"
        # was defensible; this news changes what the job itself costs you
        "Northwind tells you that next spring its team moves to an office further from your "
        "home: the commute would cost you about 3,000 a year more.",
        "revise it",
        "a fact about what this deal costs you: a dearer commute raises the least salary "
        "worth accepting",
    ),
    (
        "Northwind's HR tells you that offers above the midpoint of the role's pay band are "
        "rare, and that most hires start below it.",
        "hold it",
        "it tells you about Northwind's pay structure, and 'rare' is said to lower your sights; it changes none of your alternatives and nothing "
        "the job costs you",
    ),
)


#: What a learner may do with their reservation price on hearing news.
REVISIONS = ("revise it", "hold it")


def judge_news(index, choice):
    """Whether ``choice`` is what to do with your reservation price on news ``index``, as
    ``(right, sentence)``, with the reason either way (the quiz closes an item at its first
    choice, so a wrong choice may be told what fits)."""
    _, answer, why = NEWS[index]
    if choice == answer:
        return True, f"Right: {why}."
    return False, f"Not this one: {answer} here; {why}."


# --- which model is yours (question 10) --------------------------------------------------------

#: What pushes both sides to agree, in each version of question 10's talks with Northwind.
PRESSURES = ("may be cancelled", "answer date", "start slips")

#: The share of the gain still worth having after a week of talks, when the start slips:
#: low for a week (a week's share of a year's gain alone gives about 0.98), a stylised
#: figure chosen so the effect shows, as question 10 says (review 70 U3).
DELTAS = (0.8, 0.9, 0.95)


@dataclass(frozen=True)
class Talks:
    """One version of the talks with Northwind (question 10), on the package with two remote
    days, for which every learner has a zone: exactly one of the three facts holds."""

    may_be_cancelled: bool  # head office may cancel the role any week, whatever either does
    answer_date: bool  # Northwind, Harbor Bank and Lumen want your answer by one date
    start_slips: bool  # each week of talks moves your start a week later
    proposer: (
        str  # who makes the first offer ("you" or "Northwind"), then turns; by a date, the last
    )
    work_value: float  # what your work is worth to Northwind a year
    delta: float  # when the start slips: the share of the gain still worth having a week on

    @property
    def pressure(self):
        return PRESSURES[(self.may_be_cancelled, self.answer_date, self.start_slips).index(True)]

    def told(self):
        """This variant in words, for the story: the one fact that holds, who proposes, W."""
        fact = {
            "may be cancelled": "head office may cancel the role any week, with a small "
            "chance each week, whatever either of you does; the start stays fixed and no "
            "one needs your answer by a date",
            "answer date": "Northwind, Harbor Bank and Lumen all want your answer by one "
            "date, and a week of talks costs no one anything",
            "start slips": "each week of talks moves your start a week later, and no one "
            "needs your answer by a date; a week on, a share "
            f"`delta` = {self.delta:g} of the gain is still worth having",
        }[self.pressure]
        first = "the last offer before that date" if self.answer_date else "the first offer"
        who = "You make" if self.proposer == "you" else "Northwind makes"
        return (
            f"{fact}. {who} {first}, and you take turns weekly. Your work is worth "
            f"{self.work_value:,.0f} a year to Northwind (`work_value`)."
        )

    def short(self):
        """This variant in a table cell."""
        delta = f", delta {self.delta:g}" if self.start_slips else ""
        return (
            f"{self.pressure}; proposer {self.proposer}; work_value {self.work_value:,.0f}{delta}"
        )


def _hundreds(rng, low, high):
    return pick(rng, math.ceil(low / 100) * 100, math.floor(high / 100) * 100, 100)


def talks_for(offers, pressure, proposer, capped, rng):
    """A version of the talks for ``offers``: ``pressure`` one of ``PRESSURES``; ``capped``
    (with a cancellation risk only) whether the split's salary reaches the agency's cost, or
    ``"full commute"``: it does not, but would from the reservation price for the job as
    offered (so the package's half commute decides whether the cap binds).
    Its work value keeps every prediction at least 500 from the agency's cost after your
    BATNA rises by 1,000, and your BATNA above your share at the table, so that no answer
    lies on a rule's boundary."""
    low, high = _reservation_of(offers, REMOTE_DAYS), _northwind_reservation(offers)
    delta = DELTAS[math.floor(rng.random() * len(DELTAS))]
    binding = 2 * _batna_value(offers) + offers.commute_cost / 2 - 4_000  # W below it: binds
    if pressure == "may be cancelled" and capped == "full commute":
        full = low + offers.commute_cost / 2  # the reservation price for the job as offered
        if high - full >= 300:  # from there the split ends 100 to 400 short of the cap
            bounds = (max(high, 2 * high - full - 800), 2 * high - full - 200)
        else:  # no zone for the job as offered, or a narrow one: the cap binds from there
            bounds = (high, 2 * high - low - 2_000)
    elif pressure == "may be cancelled" and capped:
        bounds = (2 * high - low + 2_000, 2 * high - low + 20_000)
    elif pressure == "may be cancelled":
        bounds = (high, 2 * high - low - 2_000)
    elif pressure == "start slips" and proposer == "you":
        bounds = (high, min(high + 30_000, low + (high - low - 1_500) / (1 - delta), binding))
    else:
        bounds = (high, min(high + 30_000, binding))
    work = _hundreds(rng, *bounds)
    facts = [pressure == p for p in PRESSURES]
    return Talks(*facts, proposer, work, delta if pressure == "start slips" else 1.0)


def talks_of(offers):
    """The learner's own version of the talks (question 10), from its own generator."""
    rng = rng_for("02_batna:talks", offers.learner)
    pressure = PRESSURES[math.floor(rng.random() * len(PRESSURES))]
    proposer = "you" if rng.random() < 0.5 else "Northwind"
    capped = rng.random() < 0.5
    return talks_for(offers, pressure, proposer, capped, rng)


@answer_key
def predicted_salary(offers, talks, rise=0):
    """The salary the model that fits ``talks`` predicts on the package with two remote
    days, with your BATNA worth ``rise`` more: the Nash split with breakdown payoffs, capped
    by the agency, when head office may cancel; the last offer's maker's limit by an answer
    date; the outside option, which binds, when the start slips (section 7)."""
    low = _reservation_of(offers, REMOTE_DAYS) + rise
    high = _northwind_reservation(offers)
    if talks.may_be_cancelled:
        return min((low + talks.work_value) / 2, high)
    if talks.answer_date:
        return low if talks.proposer == "Northwind" else high
    if talks.proposer == "Northwind":
        return low
    return min(low + (1 - talks.delta) * (talks.work_value - low), high)


@answer_key
def batna_rise_of(offers, talks):
    """How much the predicted salary rises when your BATNA's value rises by 1,000."""
    return predicted_salary(offers, talks, 1_000) - predicted_salary(offers, talks)


@answer_key
def batna_needed_of(offers, talks, target):
    """The own-case practice after question 10: the least value of your BATNA, 0 or more, at
    which the salary the model that fits ``talks`` predicts on the package with two remote
    days reaches ``target`` (which lies below the agency's cost). The Nash split with
    breakdown payoffs (yours and Northwind's no hire) inverted when head office may cancel;
    the last offer's maker's limit by an answer date (0 when you make it: you get the
    agency's cost whatever your BATNA); the binding outside option when the start slips,
    matched exactly when Northwind proposes and, when you do, ``r + (1 - delta)(W - r)``
    solved for ``r``. Where the start slips, the BATNA found stays above your share at the
    table, so it binds (tests/test_variants_sweep_batna.py sweeps it)."""
    half = offers.commute_cost / 2
    if talks.may_be_cancelled:
        return max(0.0, 2 * target - talks.work_value - half)
    if talks.answer_date and talks.proposer == "you":
        return 0.0
    if talks.answer_date or talks.proposer == "Northwind":
        return max(0.0, target - half)
    delta = talks.delta
    return max(0.0, (target - (1 - delta) * talks.work_value) / delta - half)


# --- the answer keys ---------------------------------------------------------------------------
# What the checks call to know a graded answer. While a check runs a learner's function, a call
# to one stops it (``answer_key``). The scenario's own code above (drawing, ``offers.statements``,
# ``offers.talks``), which a learner's answer may use, calls the plain functions instead.


@answer_key
def alternatives_of(offers, risk_averse=False):
    """The three alternatives as trees (``_alternatives_of``)."""
    return _alternatives_of(offers, risk_averse)


@answer_key
def batna_of(offers, risk_averse=False):
    """The BATNA as ``(name, value)`` (``_batna_of``)."""
    return _batna_of(offers, risk_averse)


@answer_key
def batna_value(offers):
    """The value of the BATNA by expected values."""
    return _batna_value(offers)


@answer_key
def reservation_of(offers, remote_days=0, risk_averse=False):
    """Your reservation price at Northwind (``_reservation_of``)."""
    return _reservation_of(offers, remote_days, risk_averse)


@answer_key
def northwind_reservation(offers):
    """Northwind's reservation price: what the agency's contractor costs it."""
    return _northwind_reservation(offers)


@answer_key
def target_of(offers):
    """Question 5's target (``_target_of``)."""
    return _target_of(offers)


@answer_key
def even_split(offers, remote_days=0):
    """The middle of the zone of the package, or ``None`` (``_even_split``)."""
    return _even_split(offers, remote_days)


@answer_key
def right_response(offers, offer):
    """Question 6's rule, as ``(response, reason)`` (``_right_response``)."""
    return _right_response(offers, offer)


@own_case_key
def statements_of(offers):
    """The six statements with their labels (``_statements_of``)."""
    return _statements_of(offers)


def true_claim_and_fact(offers, letters="GH"):
    """Two statements of the kinds a learner's six may hold true, for question 7's practice
    case, whose six hold them false (review 75 X3): a claim that a salary 4,000 or so below
    the reservation price for the job as offered is not enough, and a true statement of the
    offer of an alternative that is not the BATNA (Lumen's base, or Harbor Bank's salary
    when Lumen is the BATNA). Both are legitimate."""
    name, _ = _batna_of(offers)
    figure = round(_reservation_of(offers), -3) - 4_000
    claim = _claim(offers, lambda choices: choices[0], figure)
    fact = _true_fact(offers, "Harbor Bank" if name == "Lumen" else "Lumen", graded=False)
    return tuple(Statement(x, *item) for x, item in zip(letters, (claim, fact), strict=True))
