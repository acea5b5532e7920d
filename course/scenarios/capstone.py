"""Module 05's scenario: Tallis Sensors negotiates a one-year supply contract with Marlow
Robotics over price, volume, delivery and payment, knowing its own alternatives well and
Marlow's only through research and one signal.

Every variant is checked before a learner sees it (``problems``): a draw whose question
would sit on a rule's boundary, has no real decision in it, tells an incoherent story or
prescribes an answer worse than the learner's own reservation price is drawn again.

The course's answers to the preparation questions are worked out here too (``batna_of``,
``reservation_of``, ``beliefs_of``, ``alternative_of``, ``alternatives_holder``, ``power_holder``,
``statement_key``, ``opening_of``, ``beyond_of``, ``meso_partners``, ``draft_of``, ``wide_draft_of``,
``plan_of``): the invariants need them,
and the checks (``course.checks.capstone``) judge answers against them. They are answer
keys (``answer_key``): a learner's function that calls one while a check runs it is
stopped, since the answer would then be the course's, not the learner's.
"""

import functools
import math
import zlib
from dataclasses import dataclass

from course.checks.calls import answer_key, own_case_key
from course.engine.capstone import MOVE_SHARE  # review 103 C1: defined once, in the engine
from course.grader_keys import own_case_labels
from course.scenarios.base import MAX_DRAWS, MultiIssue, NoFairDraw, Scenario, pick

#: The contract's issues and their levels, from best for Tallis to best for Marlow.
ISSUES = {
    "price": ("€48", "€45", "€42", "€39"),
    "volume": ("10k units", "8k units", "6k units"),
    "delivery": ("8 weeks", "5 weeks", "3 weeks"),
    "payment": ("30 days", "60 days", "90 days"),
}

#: Who may hold a source of leverage in the audit; ``None`` when the case leaves it open.
SIDES = ("you", "Marlow")

#: What a learner may decide to do with each statement of ``s.statements``.
VERDICTS = ("say", "keep quiet")

#: The kinds of statement a learner is offered, in the alphabetical order (never shown:
#: ``statement_key`` reads them). ``signed`` claims Brenn's signed letter: true exactly
#: when question 2's right decision is to sign it. Each case has seven statements, one per
#: kind (six before review 90 X2), so that every case has at least two of each verdict
#: (review 66 X1: with five, ``signed`` took the place of ``mention`` for half the
#: learners, and a learner who did not sign then had a single "say", whose one slip cost all of question 6's marks under the
#: rule that a right verdict counts only beside a right verdict of the other kind).
STATEMENT_KINDS = ("belief", "confidential", "interest", "invented", "mention", "signed", "threat")

#: What Tallis could say: six families of two or more wordings, one family per kind of
#: ``STATEMENT_KINDS`` but statement G's (``_SEVENTH_WORDINGS``). Which family is of which
#: kind is question 6's own-case label, so it is not here but in the grader's keys (``grader-keys/05_capstone.json``, pool
#: "statements": text -> kind, read through ``course.grader_keys`` where grading runs;
#: review 70 X2). The draw needs only the families, in the order they have always had, and
#: which one claims the signed letter (``SIGNED_FAMILY``: its place among the six is drawn
#: apart). The brief shows
#: them before questions 1 and 2, and which wording a case gets does not depend on its
#: numbers, so none tells which alternative question 1 picks or whether question 2 signs
#: the letter. Each is true or false whatever the learner decides, except the signed
#: letter's, which is true only for a seller who signs. The mentions say only what is
#: Tallis's to tell (its capacity has other takers or uses), never another customer's
#: plans; the inventions are false in every case (Kessel's pilot is undecided, no order is
#: firm).
_STATEMENT_FAMILIES = (
    (
        "Another customer is interested in this capacity if we do not reach an agreement with you.",
        "Should we not agree, another customer could use this capacity.",
    ),
    (
        "Another customer has signed a letter of intent to take this capacity if we do "
        "not agree with you.",
        "We have a signed letter from another customer who will take this capacity if our "
        "talks fail.",
    ),
    (
        "Accept our terms by Friday, or the capacity goes to another customer.",
        "Sign this week, or another customer gets this capacity.",
    ),
    (
        "Kessel has already ordered the full volume from us.",
        "A customer has already booked every unit of this capacity with a firm order.",
    ),
    (
        "You asked for delivery within 3 weeks. We can manage it, so let us work out "
        "together what it is worth.",
        "You asked for 3-week delivery. A faster delivery costs us, so let us see what it "
        "is worth to you.",
    ),
    (
        "We know that Quell has no spare capacity this quarter.",
        "We know Quell is fully booked this quarter.",
    ),
)

#: The family that claims Brenn's signed letter (the draw places it apart).
SIGNED_FAMILY = 1

#: Statement G of every case (review 90 X2): one of these wordings, of a kind the
#: practice lacks (its label is in the grader's keys, as the other families' are). Kept
#: apart from ``_STATEMENT_FAMILIES`` and chosen from the learner's id alone
#: (``_seventh``), after every other draw, so that no learner's numbers or statements A to
#: F change. Like the others, it names neither Brenn nor anything that depends on the
#: case's numbers.
_SEVENTH_WORDINGS = (
    "Kessel has told us in confidence that it plans a pilot line that could take all of "
    "this capacity.",
    "In confidence, Kessel has shared its plans for a pilot line that could take this "
    "whole capacity.",
)

#: The least gap, in k€, between two alternatives (or an alternative and the letter) a
#: learner must rank.
ALTERNATIVE_MARGIN = 1.0

#: A gap of exactly ``ALTERNATIVE_MARGIN`` may come out a hair smaller when the same
#: values are worked out another way (a tree's expected value): such a draw is redrawn.
ROUNDING = 1e-6

#: One side holds alternatives when its alternative (Tallis: the better of its BATNA and
#: Brenn's letter, without Marlow's audit; Marlow: its reservation price), as a share of
#: its best package, beats the other's by this much whichever way Quell turns out.
ALTERNATIVES_MARGIN = 0.05

#: One side holds power when the other depends on the deal more by this share.
DEPENDENCE_MARGIN = 0.10

#: Time points, in the alternatives row, to the side that can wait this many weeks longer.
WEEKS_MARGIN = 3

#: No measure the audit's rules compare may lie this close to a rule's line.
LINE_CLEARANCE = 0.01


@dataclass(frozen=True)
class CapstoneCase(MultiIssue, Scenario):
    """Tallis's confidential brief: its alternatives (profits in thousands of euros), a
    letter Brenn would sign, what Marlow's deal costs it, its profit and Marlow's estimated
    points on every issue, what Tallis knows and believes about Marlow, and what it could
    say at the table."""

    brenn_chance: float  # chance Brenn Industrial takes the capacity if Marlow does not
    brenn_profit: float  # Tallis's profit if Brenn does
    spot_profit: float  # profit from selling the capacity on the spot market instead
    pilot_chance: float  # chance Kessel's pilot line goes ahead
    kessel_full: float  # profit if Kessel then orders the full volume (half the time)
    kessel_half: float  # profit if Kessel orders half (the other half of the time)
    brenn_letter: float  # profit, for sure, if Tallis has Brenn sign a letter of intent now
    audit_cost: float  # Marlow's supplier audit and tooling: what its deal costs Tallis more
    yours: dict  # Tallis's profit in thousands: issue -> {level: profit}
    theirs: dict  # Marlow's points (100 at its best package), from Tallis's research
    quell_prior: float  # chance that Quell, Marlow's other supplier, has capacity
    rush_if_quell: float  # chance Marlow asks for 3-week delivery if Quell has capacity
    rush_if_not: float  # ... and if it has none
    reservation_if_quell: float  # Marlow's reservation price (its points) if Quell can supply
    reservation_if_not: float  # ... and if it cannot
    their_supply_share: float  # share of Marlow's sensors Tallis would supply
    your_sales_share: float  # share of Tallis's sales Marlow would be
    your_weeks: int  # weeks before Tallis must book its idle capacity elsewhere
    their_weeks: int  # weeks of sensor stock Marlow has left
    statements: dict  # letter -> something Tallis could say at the table

    def credit_cost(self):
        """What the payment row says 60 more days of credit cost Tallis, in k€."""
        return self.yours["payment"]["30 days"] - self.yours["payment"]["90 days"]

    def credit_rate(self):
        """That cost as a factor's fee per month on the largest order's invoices (10k
        units at €48, 480 k€): between 1% and 3.2% for every drawn row, within what
        factors charge a small firm."""
        return self.credit_cost() / (2 * 480)

    def story(self):
        said = "\n".join(f'- `"{letter}"`: "{text}"' for letter, text in self.statements.items())
        return (
            "You lead sales at **Tallis Sensors** and are negotiating a one-year supply of "
            "sensor modules to **Marlow Robotics**. Money is in thousands of euros (k€).\n\n"
            "**Confidential: your alternatives** (`s.brenn_chance`, `s.brenn_profit`, "
            "`s.spot_profit`, `s.pilot_chance`, `s.kessel_full`, `s.kessel_half`, "
            "`s.audit_cost`). If there is no deal with Marlow, Brenn Industrial may take the "
            f"capacity (chance {self.brenn_chance:g}, profit {self.brenn_profit:g}); if it "
            f"does not, you sell on the spot market for {self.spot_profit:g}. Or you wait "
            f"for Kessel: its pilot line goes ahead with chance {self.pilot_chance:g}, and "
            f"then it orders the full volume (profit {self.kessel_full:g}) or half of it "
            f"(profit {self.kessel_half:g}; Kessel reserves your whole line either way, so "
            "none of it is left for the spot market), equally likely; without the pilot you "
            "sell on "
            "the spot market. You can pursue only one of the two. Marlow's supplier audit "
            f"and tooling would cost you {self.audit_cost:g}.\n\n"
            "**A step you can take this week** (`s.brenn_letter`). Brenn will sign a "
            "binding letter of intent now (many such letters bind no one; this one is "
            "drafted to bind): if you have no deal with Marlow by your booking deadline, it "
            f"takes your capacity for sure, at a profit of {self.brenn_letter:g} instead of "
            f"{self.brenn_profit:g}. Signing it means giving up Kessel. The letter has no "
            "confidentiality clause.\n\n"
            "**When things happen.** This week, before the talks with Marlow begin, you "
            "decide on Brenn's letter: its offer lapses when the talks begin. The talks end "
            f"before your booking deadline, {self.your_weeks} weeks from now. Only at that "
            "deadline do Brenn (without a letter) and Kessel give their answers. So you "
            "decide on the letter, and you negotiate, without knowing either answer.\n\n"
            "**What you know and believe about Marlow** (`s.quell_prior`, `s.rush_if_quell`, "
            "`s.rush_if_not`, `s.reservation_if_quell`, `s.reservation_if_not`). The trade "
            f"press gives Marlow's usual other supplier, Quell, spare capacity with chance "
            f"{self.quell_prior:g}. Marlow has just asked for 3-week delivery: a buyer asks "
            f"for that with chance {self.rush_if_quell:g} when Quell can supply it and "
            f"{self.rush_if_not:g} when it cannot. From Marlow's published tender criteria "
            "and its past contracts, your team estimates its **reservation price**, the "
            "fewest points of its own scoring it would still accept: "
            f"{self.reservation_if_quell:g} if Quell has capacity, "
            f"{self.reservation_if_not:g} if not.\n\n"
            "**Dependence and time** (`s.their_supply_share`, `s.your_sales_share`, "
            f"`s.their_weeks`, `s.your_weeks`). You would supply "
            f"{self.their_supply_share:.0%} of Marlow's sensors; Marlow would be "
            f"{self.your_sales_share:.0%} of your sales next year with this contract (the "
            "capacity is free because your largest customer, which filled it, has left). "
            "Marlow's buyers say its stock lasts "
            f"{self.their_weeks} weeks; your capacity must be booked within "
            f"{self.your_weeks} weeks. Marlow can bridge a gap in its stock by air freight "
            "or a spot purchase, at a cost, so a delivery later than its stock lasts is "
            "not out of the question.\n\n"
            "**What Marlow knows about you:** your list terms (€48 a module, 10k units, "
            "8-week delivery, 30-day payment) and that you have spare capacity; nothing of "
            "Brenn, Kessel or your costs. A 3-week rush is a fact you can cite: it means "
            "overtime and express freight for you, which the delivery row of your table "
            "prices.\n\n"
            "**What you do not know:** whether Quell really has capacity, Marlow's exact "
            "reservation price, and how it will negotiate.\n\n"
            f"**What you could say at the table** (`s.statements`):\n\n{said}\n\n"
            "**The contract** (`s.issues`, `s.yours`, `s.theirs`). Marlow needs fast delivery "
            "and wants to commit to as small a volume as it can, because its own orders for "
            "next year are uncertain. It would take 6,000 to 10,000 modules over the year, "
            "so a €3 step on the price moves your profit by a few tens of k€. You sell "
            "your invoices to a factor (a firm that pays them at once, for a fee). For a new "
            "customer short of stock the factor also insures Marlow's credit, so its fee is "
            f"well above interest: 90-day payment costs you {self.credit_cost():g} more than "
            "30-day payment does. Spread over the two extra months, that is "
            f"{self.credit_rate():.1%} of the largest order's invoices a month, within what "
            "factors charge a small firm. "
            "Each cell gives a level's value *your profit "
            "/ Marlow's points*; your finance team's profits add up issue by issue, and "
            "Marlow's points are your research's estimate of its scoring, 100 at its best "
            f"package:\n\n{self.points_table()}"
        )


# --- drawing a case -----------------------------------------------------------------------


def _profits(rng):
    """Tallis's profit per level: the issue's weight at its best level, 0 at its worst,
    drawn shares of the weight in between (falling); the price's three €3 steps are
    equal."""
    weights = {
        "price": 3 * pick(rng, 20, 30, 5),
        "volume": pick(rng, 30, 60, 5),
        "delivery": pick(rng, 15, 40, 5),
        "payment": pick(rng, 10, 30, 5),
    }
    table = {}
    for issue, levels in ISSUES.items():
        weight = weights[issue]
        if len(levels) == 4:
            between = (
                _to_five(weight * pick(rng, 0.6, 0.8, 0.05)),
                _to_five(weight * pick(rng, 0.25, 0.45, 0.05)),
            )
        else:
            between = (_to_five(weight * pick(rng, 0.3, 0.7, 0.1)),)
        table[issue] = dict(zip(levels, (weight, *between, 0), strict=True))
    # the price row is a margin times the volume: at 6k to 10k units a €3 step is worth
    # 18 to 30 k€, so its steps are equal, 20, 25 or 30 k€, and the middle levels drawn
    # above are replaced (fourth review, E4)
    step = weights["price"] // 3
    table["price"] = dict(zip(ISSUES["price"], (3 * step, 2 * step, step, 0), strict=True))
    return table


def _to_five(amount):
    """``amount`` to the nearest 5 k€, as the finance team rounds its figures."""
    return 5 * round(amount / 5)


def _points(rng):
    """Marlow's points: weights adding to 100, its best level last; a buyer short of stock
    cares about delivery."""
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


def draw(rng, learner):
    """One draw of a learner's case, before ``problems`` has looked at it."""
    numbers = {
        "brenn_chance": pick(rng, 0.4, 0.8, 0.05),
        "brenn_profit": float(pick(rng, 70, 110, 5)),
        "spot_profit": float(pick(rng, 20, 45, 5)),
        "pilot_chance": pick(rng, 0.5, 0.8, 0.05),
        "kessel_full": float(pick(rng, 90, 140, 5)),
        "kessel_half": float(pick(rng, 40, 70, 5)),
    }
    numbers["brenn_letter"] = float(round(numbers["brenn_profit"] * pick(rng, 0.6, 0.9, 0.05)))
    numbers |= {
        "audit_cost": float(pick(rng, 5, 15, 1)),
        "yours": _profits(rng),
        "theirs": _points(rng),
        "quell_prior": pick(rng, 0.4, 0.7, 0.05),
        "rush_if_quell": pick(rng, 0.2, 0.4, 0.05),
        "rush_if_not": pick(rng, 0.6, 0.9, 0.05),
        "reservation_if_quell": float(
            pick(rng, *RESERVATION_RANGES[_strong_marlow(learner)][0], 1)
        ),
        "reservation_if_not": float(pick(rng, *RESERVATION_RANGES[_strong_marlow(learner)][1], 1)),
    }
    ranges = POWER_RANGES[_power_lean(learner)]
    numbers |= {
        "their_supply_share": pick(rng, *ranges["their_supply_share"], 0.05),
        "your_sales_share": pick(rng, *ranges["your_sales_share"], 0.05),
        "your_weeks": int(pick(rng, *ranges["your_weeks"], 1)),
        "their_weeks": int(pick(rng, *ranges["their_weeks"], 1)),
    }
    order = [family for family in range(len(_STATEMENT_FAMILIES)) if family != SIGNED_FAMILY]
    rng.shuffle(order)  # five families shuffled, as before, so that the draws stay as they were
    order.insert(_signed_place(learner), SIGNED_FAMILY)
    statements = {
        letter: _wording(learner, family) for letter, family in zip("ABCDEF", order, strict=True)
    }
    statements["G"] = _seventh(learner)  # no draw from ``rng``: review 90 X2
    return CapstoneCase(module="05_capstone", learner=learner, statements=statements, **numbers)


#: Where dependence and time are drawn, for each lean of power (``_power_lean``): towards
#: you (Marlow needs your share of its sensors more and must decide sooner), towards
#: Marlow (the reverse), or free (the ranges overlap, and power is mostly left open).
POWER_RANGES = {
    "you": {
        "their_supply_share": (0.5, 0.8),
        "your_sales_share": (0.12, 0.37),
        "your_weeks": (6, 10),
        "their_weeks": (2, 3),
    },
    "Marlow": {
        "their_supply_share": (0.2, 0.4),
        "your_sales_share": (0.52, 0.77),
        "your_weeks": (2, 4),
        "their_weeks": (7, 9),
    },
    None: {
        "their_supply_share": (0.2, 0.8),
        "your_sales_share": (0.12, 0.57),
        "your_weeks": (2, 10),
        "their_weeks": (2, 5),
    },
}


#: Where Marlow's two reservation prices are drawn, ``(if Quell has capacity, if not)``:
#: for most learners, and for the quarter whose Marlow has strong alternatives even
#: without Quell (``_strong_marlow``), where its reservation price often beats yours as a
#: share of the best in both states.
RESERVATION_RANGES = {False: ((45, 65), (20, 40)), True: ((62, 72), (50, 58))}


def _strong_marlow(learner):
    """Whether ``learner``'s Marlow is drawn with strong alternatives (a quarter of
    learners), chosen from the id alone so that the random draws stay as they were.
    Without it Marlow held the alternatives source in 0.07% of draws (third review, E3)."""
    return zlib.crc32(f"05_capstone alternatives {learner}".encode()) % 4 == 1


def _power_lean(learner):
    """Which way ``learner``'s case leans on power: ``"you"`` or ``"Marlow"`` for four
    learners in ten each, ``None`` (drawn freely) for the other two, chosen from the
    learner's id alone so that the generator's random draws stay as they were. Without a
    lean, Marlow almost never held power (third review, E3), and an audit that ignored
    the case passed every learner."""
    bits = zlib.crc32(f"05_capstone power {learner}".encode()) % 10
    return "you" if bits < 4 else "Marlow" if bits < 8 else None


def _signed_place(learner):
    """Where the signed-letter claim stands among ``learner``'s six statements (0 to 5),
    chosen from the id alone, so that the generator's random draws stay as they were."""
    return zlib.crc32(f"05_capstone signed place {learner}".encode()) % 6


def _wording(learner, family):
    """The sentence of ``family`` (its place in ``_STATEMENT_FAMILIES``) that ``learner`` is
    shown, chosen from the learner's id alone (a draw's numbers play no part, and the
    generator's random draws are left as they were)."""
    bits = zlib.crc32(f"05_capstone statements {learner}".encode())
    wordings = _STATEMENT_FAMILIES[family]
    return wordings[(bits >> (1 + family)) % len(wordings)]


def _seventh(learner):
    """``learner``'s statement G (``_SEVENTH_WORDINGS``), chosen from the id alone."""
    bits = zlib.crc32(f"05_capstone seventh statement {learner}".encode())
    return _SEVENTH_WORDINGS[bits % len(_SEVENTH_WORDINGS)]


def capstone_case(rng, learner, rejected=None):
    """Draw a learner's case: alternatives whose best varies between learners, a contract
    both sides weigh differently, and a balance of leverage that can tip either way. Draws
    that break an invariant (``problems``) are drawn again from the same generator; each
    thrown-away draw's flaws are counted in ``rejected`` (a ``Counter``) when one is given,
    every rule judged, with ``"redraws"`` counting the draws thrown away."""
    for _ in range(MAX_DRAWS):
        case = draw(rng, learner)
        flaws = problems(case, every=rejected is not None)
        if not flaws:
            return case
        if rejected is not None:
            rejected.update(flaws)
            rejected["redraws"] += 1
    raise NoFairDraw("05_capstone", learner)


# --- questions 1 and 2: the BATNA and the reservation price -------------------------------


@answer_key
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


@answer_key
def alternative_values(case):
    """Each alternative's expected profit (the expected value of its tree in
    ``alternatives_of``, worked out in closed form for speed)."""
    spot = case.spot_profit
    return {
        "Brenn": case.brenn_chance * case.brenn_profit + (1 - case.brenn_chance) * spot,
        "Kessel": case.pilot_chance * (case.kessel_full + case.kessel_half) / 2
        + (1 - case.pilot_chance) * spot,
    }


@answer_key
def batna_of(case):
    """Question 1: Tallis's best alternative before any step, ``(name, expected profit)``."""
    worth = alternative_values(case)
    best = max(worth, key=worth.get)
    return best, worth[best]


@answer_key
def signs_letter(case):
    """Whether Brenn's letter (a sure profit) is worth more than the best alternative."""
    return case.brenn_letter > batna_of(case)[1]


@answer_key
def reservation_of(case):
    """Question 2: Tallis's reservation price with Marlow, in k€ of profit: its BATNA
    after the better of signing Brenn's letter or not, plus Marlow's audit and tooling."""
    return max(batna_of(case)[1], case.brenn_letter) + case.audit_cost


# --- question 3: what the rush request says about Marlow ----------------------------------


@answer_key
def quell_posterior(case):
    """The chance that Quell has capacity, once Marlow's rush request is heard (Bayes)."""
    with_quell = case.quell_prior * case.rush_if_quell
    return with_quell / (with_quell + (1 - case.quell_prior) * case.rush_if_not)


@answer_key
def beliefs_of(case):
    """Question 3: Marlow's reservation price as a belief after the rush request, a dict
    from each of its two possible reservation prices (points) to its chance."""
    chance = quell_posterior(case)
    return {case.reservation_if_quell: chance, case.reservation_if_not: 1 - chance}


def marlow_at_the_table(case, rng):
    """Whether Quell really has capacity, drawn from ``rng`` with the chance Tallis's
    research gives after the rush request, and Marlow's reservation price that follows:
    ``(quell, reservation price in Marlow's points)``."""
    quell = rng.random() < quell_posterior(case)
    return quell, case.reservation_if_quell if quell else case.reservation_if_not


# --- questions 4 and 6: the audit, and what to say ----------------------------------------


def best_profit(case):
    """Tallis's profit on its best package (every issue at its best level)."""
    return sum(max(levels.values()) for levels in case.yours.values())


def best_points(case):
    """Marlow's points on its best package by the research (100 as drawn)."""
    return sum(max(levels.values()) for levels in case.theirs.values())


@answer_key
def alternative_of(case):
    """Tallis's alternative to Marlow after question 2's decision, in k€: the better of its
    BATNA and Brenn's letter. Unlike the reservation price it leaves out Marlow's audit and
    tooling, a cost of this deal, not a strength of the alternative."""
    return max(batna_of(case)[1], case.brenn_letter)


@answer_key
def alternatives_gaps(case):
    """How much Tallis's alternative (``alternative_of``), as a share of its best profit,
    beats Marlow's reservation price as a share of its best points (100), if Quell has
    capacity and if not: question 4's measure of the alternatives source."""
    yours = alternative_of(case) / best_profit(case)
    return yours - case.reservation_if_quell / 100, yours - case.reservation_if_not / 100


def _reserved_gaps(case):
    """The same gaps measured with Tallis's reservation price (audit included), the
    measure question 4 used before it left the audit out. The draw still keeps these
    clear of the line, so that every learner keeps the case drawn before."""
    yours = reservation_of(case) / best_profit(case)
    return yours - case.reservation_if_quell / 100, yours - case.reservation_if_not / 100


def _holder(gaps, margin):
    if min(gaps) >= margin:
        return "you"
    if max(gaps) <= -margin:
        return "Marlow"
    return None


def _lean(measure, margin):
    """``"you"`` when ``measure`` (above 0: your side ahead) reaches ``margin``,
    ``"Marlow"`` when it reaches ``-margin``, else ``None``."""
    return "you" if measure >= margin else "Marlow" if measure <= -margin else None


def _together(first, second):
    """Two facts of one row read together: the side one of them points to when the other
    does not point the other way; ``None`` when they point to different sides or neither
    points."""
    if first and second and first != second:
        return None
    return first or second


@answer_key
def alternatives_leans(case):
    """Where each fact of question 4's alternatives row points, ``"you"``, ``"Marlow"`` or
    ``None``: the shares, to the side whose alternative is ahead by
    ``ALTERNATIVES_MARGIN`` whichever way Quell turns out; time, to the side that can wait
    ``WEEKS_MARGIN`` weeks longer (a deadline makes its holder's alternatives fewer and
    dearer as the date nears, modules 00 and 03), but only to Tallis (``_time_lean``)."""
    waits = case.your_weeks - case.their_weeks  # > 0: you can wait longer
    return _holder(alternatives_gaps(case), ALTERNATIVES_MARGIN), _time_lean(waits, WEEKS_MARGIN)


def _time_lean(waits, margin):
    """Where time points when Tallis can wait ``waits`` weeks longer than Marlow's buyers
    say its stock lasts: ``"you"`` from ``margin`` on, else ``None``. Marlow's weeks are an
    unverified claim of the other side, which its rush request (always made) belies, so
    section 2 sets them aside where they would put Marlow ahead (review 91 U1) (review 90 X1: taking them
    at its buyers' word no longer passes)."""
    return "you" if waits >= margin else None


@answer_key
def alternatives_holder(case):
    """Who holds the alternatives source: the side that the shares or time point to, when
    the other fact does not point to the other side; ``None`` when they point to different
    sides (two facts that point different ways leave the row open) or neither points
    (Marlow's weeks, when they would favour Marlow, are only what its buyers say, and are
    set aside: ``_time_lean``). (Before review
    59 the weeks sat in the power row.)"""
    return _together(*alternatives_leans(case))


@answer_key
def alternatives_readings(case):
    """Every reading of the alternatives row that question 4 accepts, a set of
    ``"you"``, ``"Marlow"`` and ``None``: one reading, ``{alternatives_holder(case)}``,
    except where a fact lies on its line and decides the row. A share gap within
    ``LINE_CLEARANCE`` of its line is read both ways (the draw does not avoid such gaps:
    the measure came after the learners' cases), and so is a weeks gap of exactly
    ``WEEKS_MARGIN`` (weeks are whole, and redrawing would give learners new cases).
    Weeks that would point to Marlow clash with its rush request, which it always makes,
    and section 2 says to set them aside there: the row is read without them (review 61 C1
    accepted that reading too; review 90 X1 made it the only one)."""
    gaps = alternatives_gaps(case)
    shares = {
        _holder(gaps, ALTERNATIVES_MARGIN - LINE_CLEARANCE),
        _holder(gaps, ALTERNATIVES_MARGIN + LINE_CLEARANCE),
    }
    waits = case.your_weeks - case.their_weeks
    times = {_time_lean(waits, WEEKS_MARGIN), _time_lean(waits, WEEKS_MARGIN + 1)}
    return {_together(share, time) for share in shares for time in times}


@answer_key
def buyers_word_readings(case):
    """The readings of the alternatives row that take Marlow's claimed weeks of stock at
    its buyers' word where they would put Marlow ahead, and that ``alternatives_readings``
    does not accept: question 4's hint says why (review 90 X1). Empty where Marlow's weeks
    do not reach ``WEEKS_MARGIN`` beyond Tallis's."""
    if case.their_weeks - case.your_weeks < WEEKS_MARGIN:
        return set()
    gaps = alternatives_gaps(case)
    shares = {
        _holder(gaps, ALTERNATIVES_MARGIN - LINE_CLEARANCE),
        _holder(gaps, ALTERNATIVES_MARGIN + LINE_CLEARANCE),
    }
    return {_together(share, "Marlow") for share in shares} - alternatives_readings(case)


@answer_key
def power_holder(case):
    """Who holds power (Emerson's first half: the other side values what this one
    provides more, measured here, roughly, by shares): the side the other depends on more by
    ``DEPENDENCE_MARGIN``, else ``None``. The draw keeps dependence clear of its line.
    Time is read in the alternatives row (``alternatives_leans``), so that the course
    files a deadline one way (review 59)."""
    return _lean(case.their_supply_share - case.your_sales_share, DEPENDENCE_MARGIN)


@own_case_key
def statement_kinds(case):
    """Each letter of ``case.statements`` with its kind (one of ``STATEMENT_KINDS``),
    read by matching the case's own sentences."""
    kind_of = own_case_labels("05_capstone", "statements")
    return {letter: kind_of[text] for letter, text in case.statements.items()}


@own_case_key
def statement_key(case):
    """Question 6: for each letter, the verdict (one of ``VERDICTS``). Say the calm mention
    that another customer could take the capacity (true whichever alternative you keep;
    Marlow knows nothing of it and will assume the spot market, which every alternative of
    yours beats) and the answer to Marlow's stated request; keep the threat, the invention and
    the belief stated as fact to yourself. The signed-letter claim is said when question 2's
    right decision signs the letter (a firm alternative, stated calmly) and kept back
    otherwise (without a signature it is an invented fact)."""
    signs = signs_letter(case)
    return {letter: _verdict_of(kind, signs) for letter, kind in statement_kinds(case).items()}


def _verdict_of(kind, signs):
    """Question 6's verdict on a statement of ``kind`` for a seller who signs Brenn's letter
    (``signs``) or not."""
    if kind == "signed":
        return "say" if signs else "keep quiet"
    return "say" if kind in ("mention", "interest") else "keep quiet"


#: Question 6's practice: seven statements of another seller in Tallis's place, shown in the
#: notebook's text with that seller's facts and judged in full by the visible check (the
#: learner's own six are marked only when the notebook is graded). This seller kept its
#: alternative, worth ``PRACTICE_BATNA`` on average, rather than sign a letter worth a sure
#: ``PRACTICE_LETTER``, so its signed-letter claim is false; after the rush request it puts
#: the chance that Quell has no capacity at ``PRACTICE_NO_QUELL``. Its seven statements
#: hold one of each kind, as every learner's statements A to G do (review 92 X1 added G,
#: another customer's plans told in confidence, the kind review 90 X2 gave statement G).
#: The practice's sentences are worded apart from every learner's (``_STATEMENT_FAMILIES``),
#: so that no learner's own statement is a practice sentence word for word: the practice
#: teaches the kinds, and each learner still reads and judges their own sentences.
PRACTICE_STATEMENTS = {
    "A": "We hold a signed letter of intent from another customer for this capacity, should "
    "we not reach an agreement.",
    "B": "You asked for delivery in 3 weeks. We can do that; let us look at what it is "
    "worth to both of us.",
    "C": "We know Quell cannot supply you this quarter.",
    "D": "If we cannot agree, another customer could take this capacity.",
    "E": "Another customer has already placed a firm order for all of this capacity.",
    "F": "Sign this week, or we give this capacity to someone else.",
    "G": "A customer told us in confidence that it plans to double its orders.",
}
_PRACTICE_KINDS = {
    "A": "signed",
    "B": "interest",
    "C": "belief",
    "D": "mention",
    "E": "invented",
    "F": "threat",
    "G": "confidential",
}
PRACTICE_LETTER, PRACTICE_BATNA, PRACTICE_NO_QUELL = 60.0, 72.5, 0.7


@answer_key
def practice_kinds():
    """Each letter of ``PRACTICE_STATEMENTS`` with its kind."""
    return dict(_PRACTICE_KINDS)


@answer_key
def practice_key():
    """Question 6's verdicts on the practice seller's statements (it did not sign)."""
    signs = PRACTICE_LETTER > PRACTICE_BATNA
    return {letter: _verdict_of(kind, signs) for letter, kind in practice_kinds().items()}


# --- questions 5 and 7: the opening and the concession plan -------------------------------


def _key(case):
    """The contract's two scorings as a hashable key: ``yours`` and ``theirs`` as tuples
    of each issue's ``(level, value)`` pairs, levels in order."""
    return (
        tuple(tuple(levels.items()) for levels in case.yours.values()),
        tuple(tuple(levels.items()) for levels in case.theirs.values()),
        tuple(case.yours),
    )


@functools.lru_cache(maxsize=256)
def _tables(key):
    """Every package and the Pareto-optimal ones, for a scoring ``key``, as ``(levels,
    your profit, Marlow's points)`` with ``levels`` a tuple. The same as
    ``course.models.concessions.all_packages`` and ``pareto_frontier`` (a test checks),
    without their checks of the input, which the generator has drawn itself: a case is
    drawn a few times over for each learner, so this is worth having fast."""
    yours, theirs, _ = key
    rows = [((), 0.0, 0.0)]
    for mine, other in zip(yours, theirs, strict=True):
        rows = [
            ((*levels, level), you + profit, them + points)
            for levels, you, them in rows
            for (level, profit), (_, points) in zip(mine, other, strict=True)
        ]
    frontier, best_them = set(), -math.inf
    for you, them in sorted({(you, them) for _, you, them in rows}, reverse=True):
        if them > best_them:
            frontier.add((you, them))
            best_them = them
    return rows, [row for row in rows if (row[1], row[2]) in frontier]


@functools.lru_cache(maxsize=256)
def _as_packages(key, frontier_only):
    issues = key[2]
    rows = _tables(key)[frontier_only]
    return tuple((dict(zip(issues, levels, strict=True)), you, them) for levels, you, them in rows)


def package_rows(case):
    """Every package of the contract as ``(package, your profit, Marlow's points)``, in
    ``all_packages``' order (shared between calls: do not change the packages)."""
    return _as_packages(_key(case), False)


def frontier_rows(case):
    """The contract's Pareto-optimal packages, as ``(package, your profit, Marlow's
    points)``, in ``all_packages``' order (shared between calls: do not change them)."""
    return _as_packages(_key(case), True)


@answer_key
def acceptable_rows(case):
    """The Pareto-optimal packages Marlow could accept if Quell has no capacity (at least
    its lower reservation price) that leave Tallis at least its reservation price."""
    floor = reservation_of(case)
    return [
        row for row in frontier_rows(case) if row[2] >= case.reservation_if_not and row[1] >= floor
    ]


@answer_key
def opening_of(case):
    """Question 5's first package: the acceptable package with the most profit for Tallis,
    then the most points for Marlow; ``None`` when no package is acceptable to both."""
    found = acceptable_rows(case)
    return max(found, key=lambda row: row[1:])[0] if found else None


@answer_key
def beyond_of(case):
    """The opening one frontier step beyond the course's (``opening_of``), which question 5
    accepts as well: the Pareto-optimal package with the least profit above the opening's
    (so it gives Marlow fewer points than its lower reservation price), as a row
    ``(package, your profit, Marlow's points)``, when Marlow would not refuse it out of
    hand in either state (at least the insult line of its higher reservation price, the
    engine's ``INSULT_LINE``); else ``None``."""
    from course.engine.bots import INSULT_LINE

    opening = opening_of(case)
    if opening is None:
        return None
    profit = next(row[1] for row in acceptable_rows(case) if row[0] == opening)
    higher = [row for row in frontier_rows(case) if row[1] > profit]
    if not higher:
        return None
    row = min(higher, key=lambda found: found[1])
    return row if row[2] >= INSULT_LINE * case.reservation_if_quell else None


def ground_given(case, package):
    """The issues on which ``package`` gives Marlow ground: those not at Tallis's best
    level (the first of each issue's levels), as a frozenset."""
    return frozenset(issue for issue, levels in case.issues.items() if package[issue] != levels[0])


@answer_key
def meso_partners(case):
    """The packages a MESO may add to the opening: worth exactly the opening's profit to
    Tallis (Medvec and Galinsky's offers are of equal value to the one who makes them),
    at least Marlow's lower reservation price by its estimated points, and giving Marlow
    ground on an issue the opening keeps while keeping one the opening gives (so that
    Marlow's choice between them says which it cares about more)."""
    opening = opening_of(case)
    if opening is None:
        return []
    profit = next(row[1] for row in acceptable_rows(case) if row[0] == opening)
    given = ground_given(case, opening)
    return [
        row
        for row in package_rows(case)
        if row[1] == profit
        and row[2] >= case.reservation_if_not
        and crosses(ground_given(case, row[0]), given)
    ]


def crosses(first, second):
    """Whether two sets of issues on which packages give ground differ both ways: each
    gives ground on an issue the other does not (neither set holds the other)."""
    return bool(first - second) and bool(second - first)


@answer_key
def next_step(frontier, current, floor):
    """The next package of a concession plan, as a row of ``frontier`` (Pareto-optimal
    ``(package, your points, their points)``), from a package worth ``current`` ``(yours,
    theirs)``: among the rows that give the other side more and leave you at least
    ``floor``, one that costs you nothing if there is one (the most for them, then for
    you); else the one that costs you least, then gives them most. ``None`` when no row
    qualifies."""
    mine, theirs = current
    allowed = [row for row in frontier if row[2] > theirs and row[1] >= floor]
    free = [row for row in allowed if row[1] >= mine]
    if free:
        return max(free, key=lambda row: (row[2], row[1]))
    return max(allowed, key=lambda row: (row[1], row[2]), default=None)


def draft_of(case):
    """A colleague's draft below the Pareto frontier, from which question 7's plan must
    start with a trade that costs Tallis nothing: among the packages off the frontier that
    leave Tallis at least its reservation price and that a frontier package beats for both
    sides (more points for Marlow, no less profit for Tallis, at least the reservation
    price), the one with the most profit, then the most points; ``None`` when there is
    none."""
    floor = reservation_of(case)
    frontier = frontier_rows(case)
    on = {row[1:] for row in frontier}
    drafts = [
        row
        for row in package_rows(case)
        if row[1:] not in on
        and row[1] >= floor
        and any(f[1] >= row[1] and f[2] > row[2] for f in frontier)
    ]
    return max(drafts, key=lambda row: row[1:])[0] if drafts else None


def wide_draft_of(case):
    """A second colleague's draft below the Pareto frontier, from which several trades
    cost Tallis nothing and give Marlow different points, so that question 7's rule 1
    (the free trade that gives Marlow most) differs from taking the free trade that leaves
    Tallis most: among the packages off the frontier that leave Tallis at least its
    reservation price, the one with the most distinct Marlow points among its free trades
    (at least two), then the most profit, then the most points; ``None`` when there is
    none."""
    floor = reservation_of(case)
    frontier = frontier_rows(case)
    on = {row[1:] for row in frontier}
    best, most = None, None
    for row in package_rows(case):
        if row[1:] in on or row[1] < floor:
            continue
        free = {f[2] for f in frontier if f[1] >= row[1] and f[2] > row[2]}
        key = (len(free), row[1], row[2])
        if len(free) >= 2 and (most is None or key > most):
            best, most = row[0], key
    return best


@answer_key
def plan_of(case, opening=None, floor=None):
    """Question 7: the concession plan from ``opening`` (the course's by default) down to
    ``floor`` (Tallis's reservation price by default), as the list of rows it passes
    through, the opening's first."""
    frontier = frontier_rows(case)
    floor = reservation_of(case) if floor is None else floor
    opening = opening_of(case) if opening is None else opening
    row = (
        dict(opening),
        _worth(case, opening),
        _marlow_points(case, opening),
    )
    plan = [row]
    while (row := next_step(frontier, row[1:], floor)) is not None:
        plan.append(row)
    return plan


#: The steps a learner can count on making before the talks end (section 5): five answers
#: after the opening, the first of them a hold (the course's first move at Marlow's opening,
#: where one small step is allowed too), so four steps: the most smallest steps section 5's count of four steps expects a plan to
#: make in time (question 8 graded that line until review 69; it is now taught, not graded).
ANSWERS = 4


@answer_key
def if_quell_of(case, plan=None):
    """Section 5's count of four steps, for ``plan`` (packages from the opening; the course's plan
    by default; question 8 until review 69, kept for the invariant below):
    ``("steps", k)`` when ``plan[k]`` is the first package worth at least Marlow's higher
    reservation price and ``k <= ANSWERS``, ``("jump", k)`` when ``k`` is larger, and
    ``("walk away", None)`` when no package of the plan is worth that much to Marlow."""
    plan = [row[0] for row in plan_of(case)] if plan is None else plan
    for k, package in enumerate(plan):
        points = sum(case.theirs[issue][level] for issue, level in package.items())
        if points >= case.reservation_if_quell:
            return ("steps", k) if k <= ANSWERS else ("jump", k)
    return ("walk away", None)


# --- question 8: your moves on a scripted log of Marlow's replies --------------------------

#: The moves question 8 asks for, in section 5's words ("walk away" is a polite walk-away).
MOVES = ("hold", "next step", "accept", "walk away")

#: The shapes of a drawn log between Marlow's opening and its final offer: "move", an offer
#: worth more to you than its offer before; "stall", the same offer again; "limit", its
#: offer with the words that it can't give more. Each "limit" comes last, so that the
#: count of replies without a move is never read across it (section 5 counts them afresh
#: after each step of yours).
LOG_SHAPES = (
    ("move", "stall", "stall", "limit"),
    ("stall", "stall", "move", "limit"),
    ("move", "stall", "limit"),
    ("stall", "stall", "limit"),
    ("stall", "move", "stall", "limit"),
)

#: Review 102 C1: a shape tried only when no shape of ``LOG_SHAPES`` leaves room for a
#: true "can't give more" worth more to Marlow than the package Tallis has on the table
#: (with a short plan, the shapes' step before the limit reaches a package Marlow would
#: accept, so its own offers after it would be worth less to it).
SHORT_SHAPES = (("stall", "limit"),)


def _worth(case, package):
    return float(sum(case.yours[issue][level] for issue, level in package.items()))


def _marlow_points(case, package):
    """Marlow's points for ``package`` (``_worth`` is Tallis's profit)."""
    return float(sum(case.theirs[issue][level] for issue, level in package.items()))


def reply(row, final=False, cant_give_more=False):
    """One of Marlow's replies in a log: its offer (``row``'s package), whether it is its
    final offer, and whether it said it can't give more."""
    return {"offer": dict(row[0]), "final": final, "cant_give_more": cant_give_more}


def offers_below(case, floor=None):
    """Marlow's candidate offers in a log before its final one: one frontier package for
    each profit of Tallis's below ``floor`` (its reservation price by default), from the
    least profit up, each the first such package in ``all_packages``' order."""
    floor = reservation_of(case) if floor is None else floor
    found = {}
    for row in frontier_rows(case):
        if row[1] < floor:
            found.setdefault(row[1], row)
    return [found[profit] for profit in sorted(found)]


def _bot_can_open(case, row):
    """Whether Marlow's table bot could open with ``row`` (review 91 X1): it gives up at
    least κ of Marlow's room (its best points less its reservation price), κ as the engine
    sets it at the start trust for the style that gives up least, in the state with less
    room (Quell with capacity). The bot never opens at its own best package."""
    from course.engine.bots import STYLES, TRUST_START

    kappa = min(settings["kappa"] for _, settings in STYLES.values()) * (0.5 + TRUST_START)
    best = best_points(case)
    return best - row[2] >= kappa * (best - case.reservation_if_quell) - 1e-9


def final_above(case, floor=None, below=None):
    """A final offer of Marlow's worth more than ``floor`` (Tallis's reservation price by
    default) to Tallis: the package with the least profit above it, then the most points
    for Marlow, short of ``below`` when one is (so that only the final offer's rule says
    accept), else above ``below`` (never worth exactly that much)."""
    floor = reservation_of(case) if floor is None else floor
    rows = [row for row in package_rows(case) if row[1] > floor]
    return _least_profit(rows, below) or min(rows, key=_least_profit_key)


def _least_profit_key(row):
    return row[1], -row[2]


def _least_profit(rows, below):
    """Of package rows ``(package, profit, points)``, the least profit, then the most points,
    short of ``below`` when one is, else above it (never worth exactly ``below``); ``None``
    when no row qualifies."""
    if below is not None:
        rows = [row for row in rows if row[1] < below] or [row for row in rows if row[1] > below]
    return min(rows, key=_least_profit_key) if rows else None


def _steps_in(shape):
    """The steps of a shape's right moves: after each move, each "limit", and each second
    stall in a row."""
    steps = quiet = 0
    for event in shape:
        if event == "stall" and quiet == 0:
            quiet = 1
            continue
        steps, quiet = steps + 1, 0
    return steps


def says_true(case, package):
    """Whether Marlow's "can't give more" on ``package`` is true in at least one state of
    Quell the learner considers (review 88 X1): the package gives Marlow at least that
    state's reservation price, and no one-level move on any issue towards Tallis (the next
    level down Marlow's own ranking, as the bot's ladder ranks it) keeps it there."""
    return any(
        _no_room_at(case, package, floor)
        for floor in (case.reservation_if_quell, case.reservation_if_not)
    )


def _no_room_at(case, package, floor):
    """Whether "can't give more" on ``package`` is true for a Marlow that needs ``floor``
    points: the package gives it at least ``floor``, and no one-level move on any issue
    towards Tallis keeps it there."""
    points = sum(case.theirs[issue][level] for issue, level in package.items())
    if points < floor - 1e-9:
        return False
    for issue, level in package.items():
        levels = list(case.issues[issue])
        ranked = sorted(levels, key=lambda lv: (-case.theirs[issue][lv], levels.index(lv)))
        at = ranked.index(level)
        if at + 1 < len(ranked):
            given = points - case.theirs[issue][level] + case.theirs[issue][ranked[at + 1]]
            if given >= floor - 1e-9:
                return False
    return True


def _limit_above(case, floor, following, over=-math.inf):
    """The package of a "can't give more" worth more than ``floor`` to Tallis and true in
    a state (``says_true``) that gives Marlow more than ``over`` points: the least profit,
    then the most points, short of ``following`` when one is, else above it; ``None`` when
    there is none."""
    rows = [
        row
        for row in package_rows(case)
        if row[1] > floor and row[2] > over and says_true(case, row[0])
    ]
    return _least_profit(rows, following)


def _table_points(case, plan, log, every=False):
    """For each reply of ``log``, the points Marlow sees in the package Tallis has on the
    table when it replies (review 102 C1), on the course's path (``right_moves``' first
    moves); with ``every``, the most of that and of the path that also steps at Marlow's
    opening (the only reply where a step is allowed but not the course's first move, so no
    allowed path is further ahead)."""
    points = [row[2] for row in plan]
    packages = [row[0] for row in plan]
    reservation = reservation_of(case)
    most = [-math.inf] * len(log)
    for follow in ((), ("next step",))[: 1 + every]:
        at = 0
        key = right_moves(case, packages, reservation, log, follow)
        for n, (moves, *_) in enumerate(key):
            most[n] = max(most[n], points[at])
            taken = follow[n] if n < len(follow) and follow[n] in moves else moves[0]
            at += taken == "next step"
    return most


def _outranks_table(case, log, plan=None, every=False):
    """Whether every reply of ``log`` gives Marlow strictly more points than the package
    Tallis has on the table when it replies (``_table_points``): section 6's bot never
    turns a package down to offer one worth less to it, so a reply worth no more to it
    would be one the bot could not make (review 102 C1). A reply worth more to Marlow is
    never dominated by Tallis's package. On the course's path, or with ``every`` on each
    path the rule allows."""
    plan = plan_of(case) if plan is None else plan
    most = _table_points(case, plan, log, every)
    theirs = [_marlow_points(case, r["offer"]) for r in log]
    return all(given > table + 1e-9 for given, table in zip(theirs, most, strict=False))


def table_log(case):
    """Question 8's log for ``case``: Marlow's opening, then the replies of a shape of
    ``LOG_SHAPES`` that the course's plan has steps for, then its final offer. From the
    "can't give more" on, Marlow's offer stays as it is (it cannot give another level), so
    its final offer repeats it: worth more than Tallis's reservation price or less, half the
    time each. When the offer worth more already reaches the plan's next package, the log
    ends there (accept). The "can't give more" is true in at least one state of Quell
    (``says_true``, review 88 X1): below the reservation price, the offers before it are
    worth less to Tallis. Every offer is one the bot could open with (``_bot_can_open``,
    review 91 X1). Every reply gives Marlow more points than the package Tallis has on the
    table when it replies, on the course's path (``_outranks_table``, review 102 C1: section
    6's bot never turns a package down to offer one worth less to it), and where the case
    allows (1,926 of 2,000 learners) on the path that also steps at Marlow's opening: the drawn
    shape, else the next that allows it, else ``SHORT_SHAPES``, else ``_last_resort_log``.
    Drawn from the learner's id alone, so that the case's own draws stay as they were; a
    list of ``reply`` dicts."""
    bits = zlib.crc32(f"05_capstone table log {case.learner}".encode())
    floor = reservation_of(case)
    plan = plan_of(case)
    profits = [row[1] for row in plan]
    # review 91 X1: only offers the table's bot could open with (never its best package);
    # in the few cases with none, the one that gives Marlow fewest points
    below = offers_below(case, floor)
    below = [row for row in below if _bot_can_open(case, row)] or below[-1:]
    shapes, short = (
        [
            shape
            for shape in kinds
            if _steps_in(shape) <= len(profits) - 1 and shape.count("move") < len(below)
        ]
        for kinds in (LOG_SHAPES, SHORT_SHAPES)
    )
    # review 102 C1: the drawn shape, or the next that leaves room for a true "can't give
    # more" worth more to Marlow than the package Tallis has on the table by then
    # (first on every path the rule allows, else on the course's path)
    first = bits % len(shapes)
    tried = [shapes[(first + k) % len(shapes)] for k in range(len(shapes))] + short
    for every in (True, False):
        for shape in tried:
            log = _shaped_log(case, shape, bits, below, plan, every)
            if _coherent(case, log, plan, every):
                return log
    return _last_resort_log(case, bits, below, plan) or _shaped_log(
        case, shapes[first], bits, below, plan, False
    )


def _last_resort_log(case, bits, below, plan):
    """Review 102 C1: the log for the few cases (3 in 2,000) where every shape's step
    before the final offer reaches a package worth more to Marlow than any true "can't give
    more": its opening, the same offer again, then its final offer with the words, below
    Tallis's reservation price and worth more to Marlow than Tallis's opening, still on the
    table (the course holds at both replies before); ``None`` when there is none."""
    floor = reservation_of(case)
    opening = below[bits % len(below)]
    finals = [
        row
        for row in package_rows(case)
        if opening[1] <= row[1] < floor and row[2] > plan[0][2] and says_true(case, row[0])
    ]
    if not finals:
        return None
    limit = min(finals, key=lambda row: zlib.crc32(f"{bits} {row[1]} {row[2]}".encode()))
    log = [reply(opening), reply(opening), reply(limit, final=True, cant_give_more=True)]
    return log if _coherent(case, log, plan, False) else None


def _coherent(case, log, plan, every):
    """Whether ``log``'s "can't give more" is true in a state (``says_true``) and every
    reply gives Marlow more than the package on the table (``_outranks_table``)."""
    limit = next(r["offer"] for r in log if r["cant_give_more"])
    return says_true(case, limit) and _outranks_table(case, log, plan, every)


def _shaped_log(case, shape, bits, below, plan, every):
    """``table_log``'s log for one ``shape`` of ``LOG_SHAPES``, its limit giving Marlow more
    than the package on the table on the course's path, or on ``every`` allowed path."""
    floor = reservation_of(case)
    profits = [row[1] for row in plan]
    high = bool(bits >> 8 & 1)
    moves = shape.count("move")
    extra = min(len(below) - 1 - moves, bits >> 9 & 1)  # a move with the "can't give more"
    chosen = sorted(range(len(below)), key=lambda k: zlib.crc32(f"{bits} {k}".encode()))
    rows = [below[k] for k in sorted(chosen[: 1 + moves + extra])]
    at = _steps_in(shape[:-1])
    following = profits[at + 1] if at + 1 < len(profits) else None
    # review 102 C1: the limit, and the final offer that repeats it, give Marlow more
    # points than the package Tallis has on the table by then (one step past the shape's,
    # at the "can't give more"; one more on the path that also steps at the opening)
    over = plan[min(at + 1 + every, len(plan) - 1)][2]
    limit = _limit_above(case, floor, following, over) if high else None
    if limit is None and not says_true(case, rows[-1][0]):
        # review 88 X1: a limit below the reservation price that is true in a state, the
        # offers before it worth less to Tallis; else the limit above, whatever the bit
        need = max(1, moves + extra)  # offers before the limit's package
        lows = [
            row
            for row in package_rows(case)
            if row[1] < floor
            and row[2] > over
            and says_true(case, row[0])
            and sum(other[1] < row[1] for other in below) >= need
        ]
        if lows:
            limit = min(lows, key=lambda row: zlib.crc32(f"{bits} {row[1]} {row[2]}".encode()))
            pool = [row for row in below if row[1] < limit[1]]
            picked = sorted(range(len(pool)), key=lambda k: zlib.crc32(f"{bits} {k}".encode()))
            rows = [pool[k] for k in sorted(picked[:need])] + [limit]
        else:
            high, limit = True, _limit_above(case, floor, following, over)
    if limit is None:  # the old limit below the reservation price was true already
        limit = rows[-1]
    offers = iter(rows)
    row = next(offers)
    log = [reply(row)]
    for event in shape[:-1]:
        if event == "move":
            row = next(offers)
        log.append(reply(row))
    if high and following is not None and limit[1] >= following:
        return [*log, reply(limit, cant_give_more=True)]
    return [*log, reply(limit, cant_give_more=True), reply(limit, final=True, cant_give_more=True)]


def state_target(case, plan, reservation, quell):
    """Section 5's target for one state of Quell, as the table shows it (the widget's
    ``target_in_state``): the profit of the planned package nearest module 02's even split
    of that state's zone, at or above it, among those Marlow would accept then; ``None``
    when the state has no zone or no such package."""
    need = case.reservation_if_quell if quell else case.reservation_if_not
    estimate = max((row[1] for row in frontier_rows(case) if row[2] >= need), default=None)
    if estimate is None or estimate <= reservation + 1e-9:
        return None
    even = reservation + 0.5 * (estimate - reservation)
    theirs = [_marlow_points(case, p) for p in plan]
    above = [
        _worth(case, p)
        for p, given in zip(plan, theirs, strict=True)
        if given >= need and _worth(case, p) >= even - 1e-9
    ]
    return min(above, default=None)


def shows_quell(case, answer):
    """Whether a reply of Marlow's shows the state with Quell's capacity (review 98 C1): it
    says it can't give more on a package where that is true only with Quell
    (``says_true`` holds there, and not against the lower reservation price alone)."""
    if not answer["cant_give_more"]:
        return False
    return says_true(case, answer["offer"]) and not _true_without_quell(case, answer["offer"])


def _true_without_quell(case, package):
    """Whether "can't give more" on ``package`` is true if Quell has no capacity."""
    return _no_room_at(case, package, case.reservation_if_not)


@answer_key
def right_moves(case, plan, reservation, log, follow=None):
    """Question 8's key on ``log``: for each of Marlow's replies until the talks end, the
    moves section 5's rule allows, the first being the course's, and why, as ``(moves,
    why, worth, before, following)``: ``worth`` the offer's profit to Tallis, ``before`` its
    offer before's (``None`` after the opening), ``following`` the profit of the plan's next
    package (``None`` when none is left). The rows, first that applies: its final offer,
    accept at or above the reservation price, else answer with the plan's next step if one
    is left, or walk away politely (accepted too; review 92 C1 made the step the course's
    move, where it was the walk-away); an offer worth at least the plan's next package, or, with
    no step left, at least the package last sent, accept (review 73 X2); its opening, hold
    only (review 114 X1: section 5 and the summary read it as a position, not yet a
    concession, so the step reviews 75 X3, 78 C1 and 91 C1 allowed is no longer right); a move, the next
    step (review 104 C1: a move gains Tallis at least ``MOVE_SHARE`` of what the plan's next
    step costs, a hold too when exactly that; a smaller gain counts as a reply without a
    move, its ``why`` prefixed "small "); "can't give more", the
    next step; the second reply in a row without a move since Tallis's last step, the next
    step or a hold (section 5's row after Osgood's GRIT, review 77 C2; the model answer
    holds, review 76 C1), and after that step only a hold until Marlow moves; else hold.
    Review 98 C1: module 04's rule with a person is accepted too: once the package last
    sent is at or below ``state_target`` of the state Marlow's replies point to (the state
    without Quell, until a "can't give more" true only with Quell: ``shows_quell``), a
    hold is allowed wherever the rule steps (never at the final offer). The
    step stays first so that the drawn logs, built on the first move's path, keep every
    offer off the rule's lines (tests/test_variants_sweep_capstone.py). A step with none left in the plan is a hold.

    Each reply is read on the path the moves so far made: ``follow`` (moves as ``MOVES``
    spells them) gives the move taken at each reply where it is one the rule allows, the
    course's first move elsewhere, so that a learner who took the other allowed move is
    judged from the plan's package they reached."""
    at, quiet, before, found, granted = 0, 0, None, [], False
    profits = [_worth(case, package) for package in plan]
    follow = list(follow or ())
    targets = {q: state_target(case, plan, reservation, q) for q in (False, True)}
    quell = False  # review 98 C1: the state Marlow's replies point to
    for n, answer in enumerate(log):
        worth = _worth(case, answer["offer"])
        quell = quell or shows_quell(case, answer)
        target = targets[quell]
        # module 04's rule with a person: at or below the target, hold (send nothing new)
        reached = target is not None and profits[at] <= target + 1e-9
        following = profits[at + 1] if at + 1 < len(profits) else None
        # review 104 C1: a move counts when it gives Tallis at least MOVE_SHARE of what the
        # plan's next step would cost; a smaller one counts as no move
        line = MOVE_SHARE * (profits[at] - following) if following is not None else 0.0
        moved = before is not None and worth > before + 1e-9 and worth - before >= line - 1e-9
        small = before is not None and worth > before and not moved
        on_line = moved and following is not None and abs(worth - before - line) <= 1e-9
        granted = granted and not moved  # review 77 C2: one step until Marlow moves
        if before is not None and not moved:
            quiet += 1
        step = ("next step",) if following is not None else ()
        if answer["final"]:
            if worth >= reservation:
                moves, why = ("accept",), "final above"
            else:  # review 92 C1: the step first, the walk-away still accepted
                moves, why = (*step, "walk away"), "final below"
        elif following is not None and worth >= following:
            moves, why = ("accept",), "worth the next package"
        elif following is None and worth >= profits[at]:
            moves, why = ("accept",), "worth your last package"
        elif before is None:
            moves, why = ("hold",), "opening"  # review 114 X1: never rush a concession
        elif moved or answer["cant_give_more"]:
            why = "moved" if moved else "can't give more"
            moves = step or ("hold",)
            if on_line:  # worth exactly MOVE_SHARE of the step: "at least" read either way
                moves = (*moves, "hold")
        elif quiet >= 2 and not granted:
            moves, why = (*step, "hold"), "stalled twice"
        elif quiet >= 2:
            moves, why = ("hold",), "stalled after your step"
        else:
            moves, why = ("hold",), "stalled once"
        if small and why.startswith("stalled"):
            why = "small " + why
        if reached and not answer["final"] and moves[0] != "accept" and "hold" not in moves:
            moves = (*moves, "hold")
        found.append((moves, why, worth, before, following))
        if moves[0] in ("accept", "walk away") or answer["final"]:
            break  # Marlow's final offer ends the talks whatever the answer
        taken = follow[n] if n < len(follow) and follow[n] in moves else moves[0]
        if taken == "next step":
            at, quiet, granted = at + 1, 0, granted or why == "stalled twice"
        before = worth
    return found


@answer_key
def table_moves_of(case, plan=None, reservation=None, log=None):
    """Question 8: the course's move after each of Marlow's replies in ``log`` (the
    learner's drawn log by default), from the course's plan and reservation price."""
    plan = [row[0] for row in plan_of(case)] if plan is None else plan
    reservation = reservation_of(case) if reservation is None else reservation
    log = table_log(case) if log is None else log
    return [moves[0] for moves, *_ in right_moves(case, plan, reservation, log)]


# --- invariants: what every variant must satisfy before a learner sees it -----------------


def _alternative_problems(c):
    found = []
    worth = sorted(alternative_values(c).values())
    if worth[1] - worth[0] < ALTERNATIVE_MARGIN + ROUNDING:
        found.append("Q1 near-tie: Brenn and Kessel within 1 k€ on average")
    if abs(c.brenn_letter - worth[1]) < ALTERNATIVE_MARGIN + ROUNDING:
        found.append("Q2 near-tie: Brenn's letter within 1 k€ of the BATNA")
    if not c.spot_profit < c.brenn_letter < c.brenn_profit:
        found.append("Q2 plausible: the letter is not between the spot market and Brenn")
    return found


def _belief_problems(c):
    found = []
    if c.reservation_if_quell - c.reservation_if_not < 10:
        found.append("Q3 real decision: Marlow's two reservation prices within 10 points")
    if not 0.1 <= quell_posterior(c) <= 0.9:
        found.append("Q3 real decision: the rush request all but settles Quell")
    return found


def _audit_problems(c):
    found = []
    for gap in _reserved_gaps(c):  # kept so that no learner's case is drawn anew
        if abs(abs(gap) - ALTERNATIVES_MARGIN) < LINE_CLEARANCE:
            found.append("Q4 line: alternatives within 0.01 of the 0.05 line")
            break
    depends = abs(c.their_supply_share - c.your_sales_share)
    if abs(depends - DEPENDENCE_MARGIN) < LINE_CLEARANCE:
        found.append("Q4 line: dependence within 0.01 of the 0.10 line")
    # weeks are whole: a gap of exactly WEEKS_MARGIN where dependence points the same way
    # decided power before the fifth review; such draws stay redrawn, so that no learner's
    # case changes (the weeks now sit in the alternatives row, where a gap of exactly 3 is
    # read both ways: ``alternatives_readings``)
    leans = c.their_supply_share - c.your_sales_share
    waits = c.your_weeks - c.their_weeks
    if abs(waits) == WEEKS_MARGIN and waits * leans > 0 and depends >= DEPENDENCE_MARGIN:
        found.append("Q4 line: a weeks gap of exactly 3 decides power")
    return found


def _opening_problems(c):
    found = []
    opening = opening_of(c)
    if opening is None:
        return ["Q5 no zone: no package suits Tallis and Marlow without Quell"]
    profit, points = next(row[1:] for row in acceptable_rows(c) if row[0] == opening)
    if points >= c.reservation_if_quell:
        found.append("Q5 real decision: the opening already suits Marlow if Quell has capacity")
    if profit - reservation_of(c) < 10:
        found.append("Q7 real decision: less than 10 k€ between the opening and the reservation")
    if not meso_partners(c):
        found.append("Q5 real decision: no second package for a MESO")
    return found


def _if_quell_problems(c):
    """The four-step line (question 8's until review 69; kept, so that no learner's case is
    drawn anew): the first package Marlow could accept with Quell comes one
    or two steps past the last step a plan can make in time, where counting the first
    answer as a step would decide the answer. A package exactly on the line is kept: the
    visible check tries the line on every case anyway, and no learner's case is drawn anew."""
    if opening_of(c) is None:
        return []
    _, k = if_quell_of(c)
    if k in (ANSWERS + 1, ANSWERS + 2):
        return [f"Q8 line: the package comes at step {k}, just past the four-step line"]
    return []


def _plan_problems(c):
    if opening_of(c) is None:
        return []
    found = [] if len(plan_of(c)) >= 3 else ["Q7 real decision: a plan of fewer than two steps"]
    if draft_of(c) is None:
        found.append("Q7 create value: no draft below the frontier with a free trade")
    return found


def problems(case, every=True):
    """The invariants ``case`` breaks, as short descriptions (empty: a fair variant), each
    naming its question and its kind: a near-tie, a measure near a rule's line, a question
    with no real decision, an implausible number, no zone of agreement. With ``every``
    false, the rules that need the whole contract's packages are skipped once a cheaper
    rule has failed (what the generator needs: one reason to draw again)."""
    found = _alternative_problems(case) + _belief_problems(case) + _audit_problems(case)
    if found and not every:
        return found
    found += _opening_problems(case) + _plan_problems(case)
    if found and not every:
        return found
    return found + _if_quell_problems(case)


# --- the case in the engine's terms -------------------------------------------------------


@answer_key
def contract_negotiation(case, marlow_reservation, rounds):
    """The case in the engine's terms: Tallis (the seller) scores packages by its profit,
    Marlow (the buyer) by its points; Tallis walks away below its reservation price,
    Marlow below ``marlow_reservation`` points; at most ``rounds`` rounds. An answer key:
    the negotiation holds Tallis's reservation price, question 2's answer."""
    from course.engine.domain import BUYER, SELLER, multi_issue_negotiation

    sides = {SELLER: case.yours, BUYER: case.theirs}
    return multi_issue_negotiation(
        case.issues,
        scores=sides,
        weights={side: dict.fromkeys(case.issues, 1) for side in sides},
        reservations={SELLER: reservation_of(case), BUYER: marlow_reservation},
        rounds=rounds,
    )
