"""Module 00's material: four negotiations to audit, each with its own facts, news,
preparation steps and tactics, and the per-learner scenario the graded questions use.

Every fact, piece of news, step and tactic names the case it belongs to (``case``), so a
job seeker never reads about a supplier; the sweep in tests/test_variants_sweep_leverage.py
checks that. Ratings are (information, alternatives, power), each 0 to 10.

How items are worded, so that one answer fits each (the notebook teaches the same test):
a fact or a piece of news in which a side *knows, learns or finds out* something is
information, for that side, whatever it is about; one about a *specific other option* a
side could turn to instead of this deal (an offer, a buyer, a site, a supplier) is
alternatives; one about something a side *holds, controls or decides* that the other side
needs (a certification, a patent, a rail siding, a say over pay, a rare skill, the other
side's trust in its word) is power, even when it says that nobody else has one. Each item
goes into the rating of the side it describes: the side that knows, has the option or
holds the thing. News may raise or lower one rating.

Some items cannot be drawn together, or only in one order (``APART``, ``BEFORE``): a
learner never reads that a fact they already know is still to be found out, or that a
firm signed elsewhere before it booked its second viewing.
"""

import functools
from dataclasses import dataclass, field, replace
from itertools import combinations, pairwise, product
from types import MappingProxyType

from course.checks.calls import answer_key, course_at_work, own_case_key
from course.grader_keys import label_part, own_case_labels
from course.models.audit import (
    EVEN_WITHIN,
    SCALE,
    SOURCES,
    _who_leads,
    describe_balance,
    expected_gain,
    leverage_balance,
    shifted,
    signed,
)
from course.scenarios.base import MAX_DRAWS, NoFairDraw, Scenario, fitting, pick

#: Section 3's rule: the two rows of one dependence (alternatives and power) count together:
#: their weights' sum is how much that dependence counts; question 2 notes a sum above this.
#: Every story here turns in part on what a side knows, so information keeps at least 0.15,
#: as in the sole-source case's starting audits, where one dependence decides most.
#: (Review 85 E1: the old rule, "not both 0.4 or more", moved weight inside the pair, which
#: leaves the sum, and so the count, unchanged.)
PAIR_MOST = 0.85

#: The old rule, kept only so that the starting audits section 4 draws stay as they were.
HEAVY = 0.4

#: The kinds of tactic the ethics section teaches, in its order.
TACTIC_KINDS = ("legitimate", "bluff", "misrepresentation", "illegitimate")


@dataclass(frozen=True)
class Rule:
    """Something the story fixes about any sensible audit of it (question 2).

    ``kind`` is "weight_top" (the largest weight goes to one of ``source``, a tuple of the
    sources the story supports as weighing most: one only where the story says so
    outright), "pair_cap" (of the pair ``source``, one dependence rated from its two
    sides, the two weigh ``value`` or less together: their sum is how much that dependence
    counts, section 3), "higher" (``side``'s rating of ``source`` must be above the other side's),
    "some" (``side``'s rating of ``source`` must be at least LEAST_RATING: the story gives it
    some),
    "not_below" (at least the other side's: where some drawn facts pull the other way),
    "at_most" or "at_least" (``side``'s rating of ``source`` must be at most, or at least,
    ``value``; an "at_most" on your side may have a higher ``step_ceiling``, what
    preparation before the talks can raise the rating to), "band" (the balance's reading, in ``describe_balance``'s words, must be
    one of ``readings``: all but a strong lead the story rules out; ``reads`` are the
    readings the story's line gives, and any other passes with a note), "weight_cap" (no
    weight above ``value``: the story has more than one source at work), "weight_floor" (``source``'s weight at least
    ``value``: a drawn fact bears on it); ``because`` is
    the line of the story that says so. ``lifted_by`` is the text of a fact that, when a
    learner draws it, leaves the rule out: the story no longer says it plainly; ``drawn_with``
    is the text of a fact without which the rule is left out (a looser bound that stands in
    for one that fact lifts).
    """

    kind: str
    source: str | tuple
    because: str
    side: str = ""
    value: float = 0.0
    lifted_by: str = ""
    drawn_with: str = ""
    readings: tuple = ()
    reads: tuple = ()
    step_ceiling: float = 0.0
    #: For "higher" and "not_below": True where the story only implies the comparison (it
    #: never sets the two sides' ratings side by side), so question 2 notes an audit that
    #: breaks it instead of refusing it, as it does a numeric bound (review 112 X1).
    implied: bool = False

    def holds(self, yours, theirs, weights):
        """Whether an audit (three dicts source -> number) respects this rule."""
        if self.kind == "band":
            return describe_balance(leverage_balance(yours, theirs, weights)) in self.readings
        if self.kind == "weight_cap":
            return max(weights.values()) <= self.value + 1e-9
        if self.kind == "weight_floor":
            return weights[self.source] >= self.value - 1e-9
        return self._holds(yours, theirs, weights)

    def _holds(self, yours, theirs, weights):
        if self.kind == "weight_top":
            top = max(weights[s] for s in self.source)
            return all(top > weights[s] for s in SOURCES if s not in self.source)
        if self.kind == "pair_cap":
            return sum(weights[s] for s in self.source) <= self.value + 1e-9
        own, other = (yours, theirs) if self.side == "you" else (theirs, yours)
        if self.kind == "higher":
            return own[self.source] > other[self.source]
        if self.kind == "not_below":
            return own[self.source] >= other[self.source]
        if self.kind == "at_most":
            return own[self.source] <= self.value
        if self.kind == "at_least":
            return own[self.source] >= self.value
        if self.kind == "some":
            return own[self.source] >= LEAST_RATING
        raise ValueError(f"unknown rule kind {self.kind!r}")


#: A deadline fact firmer than the owner's viewing with no call back: a learner who draws it may
#: rate Brannock's alternatives above the owner's.
STANDING_OFFER = "Brannock has a standing offer of space in a logistics park thirty miles away."

#: A deadline fact that gives Brannock a hold over the owner (its name on the lease helps the
#: owner's refinancing): a learner who draws it may rate Brannock's power above the owner's
#: (review 91 X1), since only another drawn fact says Brannock's freight needs the siding.
REFINANCE = (
    "Brannock's name on a lease raises what banks will lend against a warehouse, and you "
    "plan to refinance yours."
)

#: A salary fact that gives Larkfield a fallback, against an offer from Calder whose terms the
#: story never gives: a learner who draws it may rate Larkfield's alternatives at or above the
#: candidate's (review 74 X3), as STANDING_OFFER does for Brannock's.
CONTRACTOR = (
    "Larkfield has a contractor who could cover the post for three months if nobody is hired."
)

#: A supplier fact that puts two quotes in the buyer's hands: a learner who draws it may rate
#: the buyer's alternatives 7, a step above the story's bound of 6 (review 75 X2).
QUOTES = "Bellpak and Corrin have both quoted for your order."


#: Question 2's bounds on the weights: every source weighs at least WEIGHT_FLOOR (every
#: story has all three at work), and no source more than WEIGHT_CAP (none works alone); and
#: the balance reads as the story's band line says (BAND_READINGS).
WEIGHT_FLOOR = 0.1
WEIGHT_CAP = 0.7

#: Why a weight floor. It holds for every source of every learner, as SOME_BECAUSE does for
#: every rating: a floor only for the sources a drawn fact bears on let a probe of one light
#: weight at a time tell which sources question 1's facts belong to.
FLOOR_BECAUSE = (
    "all three sources are at work in every story of this course, and a weight near 0 says "
    "one does not count at all"
)


#: The readings of the balance (``describe_balance``, the course's cut-offs: even under
#: 0.5 points either way, strongly from 2.5), in the words of a story's line: neither side
#: strongly ahead; you ahead; they ahead; they not ahead; they not strongly ahead; you not
#: strongly ahead.
NEITHER_STRONGLY = ("in their favour", "about even", "in your favour")
YOU_AHEAD = ("in your favour", "strongly in your favour")
THEY_AHEAD = ("in their favour", "strongly in their favour")
NOT_THEIRS = ("about even", "in your favour", "strongly in your favour")
NOT_STRONGLY_THEIRS = ("in their favour", *NOT_THEIRS)
NOT_STRONGLY_YOURS = ("strongly in their favour", *NEITHER_STRONGLY)

#: Question 2 refuses only a balance that puts a side strongly ahead in the direction the
#: story rules out (BAND_READINGS); a reading that differs from the story's line by less
#: passes with a note saying how the story reads (STORY_READINGS). The starting audits
#: section 4 draws keep the story's line, so that no learner's draw changes. The supplier
#: story reads neither side strongly ahead, but Vell's patent on the lid in use now and the
#: three-month switch let a careful reader put Vell strongly ahead (review 72 X2), so only
#: a strong lead of yours, which turns on clients nobody outside Vell knows of, is refused.
BAND_READINGS = {
    "salary": NOT_STRONGLY_THEIRS,
    "supplier": NOT_STRONGLY_YOURS,
    "sole-source": NOT_STRONGLY_YOURS,
    "deadline": NOT_STRONGLY_THEIRS,
}
STORY_READINGS = {
    "salary": NOT_THEIRS,
    "supplier": NEITHER_STRONGLY,
    "sole-source": THEY_AHEAD,
    "deadline": YOU_AHEAD,
}


def _band(key, because):
    """A "band" rule: the readings of the balance the case's band line allows, and those
    it gives."""
    return Rule("band", "", because, readings=BAND_READINGS[key], reads=STORY_READINGS[key])


def _cap(because):
    return Rule("weight_cap", "", because, value=WEIGHT_CAP)


#: The least rating an audit of a story here gives (review 103 C5: one rule for question 2,
#: the widget's sliders and section 3's text). The scale runs from 0 (none at all), but every
#: story gives each side a little of every source; only news (``shifted``) takes a rating
#: below it, down to 0.
LEAST_RATING = 1

#: Why no rating is below LEAST_RATING. The rule holds for all six (side, source) pairs of
#: every learner: held only for the pairs a drawn fact covers (five facts, six pairs), a probe
#: of one 0 at a time found the pair no fact covers, and so question 1's labels.
SOME_BECAUSE = (
    "in every story of this course each side has at least a little of every source, and a "
    "rating of 0 means none at all"
)


@answer_key
def rules_for(scenario):
    """The rules of ``scenario``'s story that its drawn facts leave standing (question 2), then
    a floor under every weight and one "some" rule for each side and source: without them, audits
    that rated a side 0 on the very source a drawn fact gives it (a rare skill, a rival's bonus
    known to you) passed, and rules held only where a drawn fact gives something let a learner
    probe which pairs question 1's facts cover."""
    drawn = set(scenario.facts.values())
    story = tuple(
        rule
        for rule in CASES[scenario.case]._rules
        if rule.lifted_by not in drawn and (not rule.drawn_with or rule.drawn_with in drawn)
    )
    floors = tuple(
        Rule("weight_floor", source, FLOOR_BECAUSE, value=WEIGHT_FLOOR) for source in SOURCES
    )
    return (
        story
        + floors
        + tuple(
            Rule("some", source, SOME_BECAUSE, side=side)
            for side in ("you", "them")
            for source in SOURCES
        )
    )


@dataclass(frozen=True)
class Fact:
    """A fact to classify (question 1): the source it belongs to and the side it helps
    (``_source``, ``_side``), and ``_lookalike``, the source it is most easily mistaken
    for, or "" when none is. A practice fact carries its labels (``given_source``,
    ``given_side``). A learner's fact carries none in the package: its labels are in the
    grader's keys (``course.grader_keys``), read where grading runs, and only ``tricky``
    says here that it has a lookalike (question 1b asks about such a fact)."""

    case: str
    text: str
    given_source: str = field(default="", repr=False)
    given_side: str = field(default="", repr=False)
    tricky: bool = field(default=False, repr=False)

    def _labels(self):
        if self.given_source:
            return self.given_source, self.given_side, ""
        return tuple(own_case_labels("00_leverage", "facts")[self.text])

    _source = label_part(0)
    _side = label_part(1)
    _lookalike = label_part(2)


#: Said under the starting audit (review 110 X4: some draws weigh the source a story turns
#: on, such as the owner's rail siding, as little as 0.10, which read as a course error).
ONE_READING = (
    "These ratings and weights are one reading of your story among several (question 2 "
    "accepts others, and yours may weigh the sources differently); the later questions use "
    "this one so that every answer can be checked on the same numbers."
)


@dataclass(frozen=True)
class News:
    """Something that happens while a case unfolds: it moves one side's rating of one
    source, up (``sign`` +1) or down (-1). The widget moves it by ``size``; a learner's
    scenario by one of ``sizes``, a narrow range that fits what happens (``size`` alone
    when none is given). ``trust`` marks the item in which a move spends the other
    side's trust. ``played`` is False for practice news that the interactive audit never
    plays: question 4a's practice case draws only such news, so that no verdict of the
    widget answers it in advance."""

    case: str
    text: str
    _side: str = field(repr=False)
    _source: str = field(repr=False)
    _sign: int = field(repr=False)
    size: int = 0
    sizes: tuple = ()
    trust: bool = False
    played: bool = field(default=True, repr=False)
    #: For news that reveals a new weakness or deadline of theirs (filed as your information
    #: up), the row of theirs it weakens: question 4a accepts that row down by the same size
    #: too, as section 2 would file the weakness (review 89 C1); "" for any other news.
    _weakens: str = field(default="", repr=False)

    def __post_init__(self):
        if not self.sizes:
            object.__setattr__(self, "sizes", (self.size,))

    @property
    def _change(self):
        """The widget's move, signed."""
        return self._sign * self.size


@dataclass(frozen=True)
class Step:
    """A preparation step (question 3): the source of yours it raises, by how much (a
    range), how many working days it takes, and the chance it comes through in time."""

    case: str
    name: str
    source: str
    amounts: tuple  # (low, high), whole numbers: the rise of the rating
    days: tuple  # (low, high), working days
    chances: tuple  # (low, high), in steps of 0.05
    trust: bool = False  # it builds the other side's trust by doing more than you owe


@dataclass(frozen=True)
class Tactic:
    """A move someone could make at the table (question 5), and which of TACTIC_KINDS it is
    (``_kind``); ``_also`` is a second kind a careful reader can defend, for a tactic on the
    line. ``_pretext`` marks a lie told to get information that is not yours: the course
    files it by its source, as illegitimate, and also accepts misrepresentation (``_also``),
    since the person asked relies on the false identity.

    A practice tactic carries its labels (``given_kind``, ``given_also``). A learner's tactic
    carries none in the package: its labels are in the grader's keys
    (``course.grader_keys``), read where grading runs. Only ``group`` is here, because the
    draw's three-kinds rule needs it: tactics of one case with the same ``group`` are of one
    kind, the kind the draw counts (``_counted``). The numbers were shuffled case by case
    (review 75 X1: they had named the same kind in every case), so a number names no kind
    across cases; within a case, one tactic whose kind is plain names its group."""

    case: str
    text: str
    given_kind: str = field(default="", repr=False)
    given_also: str = field(default="", repr=False)
    group: int = field(default=0, repr=False)
    #: On one of section 6's lines (a threat or warning you would not carry out, a lie told to
    #: get information), where question 5 accepts either of two kinds: a learner draws at most
    #: one (review 106 X5: with two, half of question 5's marks needed no decision). It says
    #: no more than question 5's text does, and names neither kind.
    on_line: bool = field(default=False, repr=False)

    def _labels(self):
        if self.given_kind:
            return self.given_kind, self.given_also, False
        kind, also, pretext = own_case_labels("00_leverage", "tactics")[self.text]
        return kind, also, pretext

    _kind = label_part(0)
    _also = label_part(1)

    _pretext = label_part(2, "A lie told to get information.")

    @property
    def _kinds(self):
        """Every kind accepted for it."""
        return (self._kind, self._also) if self._also else (self._kind,)

    @property
    def _counted(self):
        """The kind the draw's three-kinds rule counts it as (``group``): its own, except a
        threat or warning you would not carry out, counted as a bluff. Review 112 C2 keyed
        such a threat a misrepresentation first (bluff still accepted), as the course's
        definition of a bluff says; counting it by its new first kind would have changed the
        tactics of 253 of the learners id-0..1999, so the draw counts it as before."""
        if (self._kind, self._also) == ("misrepresentation", "bluff"):
            return "bluff"
        return self._kind


@dataclass(frozen=True)
class Case:
    """A negotiation to audit: the story, a first audit of both sides with weights that
    fit it, and what any audit of it must respect (``_rules``, read through ``rules_for``)."""

    key: str
    title: str
    story: str
    you: str  # who "you" are in this case
    them: str  # who "they" are
    # the course's own audit of the case, private: it passes question 2 for every learner
    # of the case, so a learner's cell that reads it is named in the class report
    _yours: MappingProxyType = field(repr=False)
    _theirs: MappingProxyType = field(repr=False)
    _weights: MappingProxyType = field(repr=False)
    _rules: tuple = field(repr=False)
    budget: tuple  # (low, high) working days before the talks, for question 3
    asks: tuple  # (need, ask): what you could ask for, and the balance each needs (question 4b)

    @property
    def dominant(self):
        """The source that weighs most in the case's own audit (the starting audits keep
        it on top); the story may support others as well (a "weight_top" rule, where the case
        has one, names those it supports)."""
        return max(SOURCES, key=self._weights.__getitem__)


def _ladder(lowest, asks):
    """Asks from the most modest to the boldest, each needing a quarter of a point more
    than the one before: ((need, ask), ...) with the first needing ``lowest``."""
    return tuple((round(lowest + 0.25 * i, 2), ask) for i, ask in enumerate(asks))


def _audit(values):
    return MappingProxyType(dict(zip(SOURCES, values, strict=True)))


def _case(key, title, story, you, them, yours, theirs, weights, rules, budget, asks, cap, band):
    """A case; ``cap`` and ``band`` are the lines of its story behind its weight cap and its
    balance band (see WEIGHT_CAP and BAND_READINGS)."""
    rules = (*rules, _cap(cap), _band(key, band))
    return Case(
        key,
        title,
        story,
        you,
        them,
        _audit(yours),
        _audit(theirs),
        _audit(weights),
        rules,
        budget,
        asks,
    )


#: The cases of the leverage audit, by key.
CASES = {
    "salary": _case(
        "salary",
        "A salary with competing offers",
        "You are a data engineer with a job offer from Larkfield. Another firm, Calder, has "
        "made you a written offer, and a third firm has you in its final round. Larkfield's "
        "team is behind on a product launch and has struggled to fill the post for months. "
        "Its recruiters know what engineers like you are paid far better than you do. "
        "Larkfield has set a deadline: it wants your answer within three weeks.",
        "the candidate",
        "Larkfield",
        yours=(4, 8, 4),
        theirs=(6, 4, 6),
        weights=(0.3, 0.45, 0.25),
        rules=(
            Rule(
                "pair_cap",
                ("alternatives", "power"),
                "Larkfield's months of failing to fill the post and what makes you hard to "
                "replace are largely one dependence seen from two sides; their two weights "
                "together say how much it counts",
                value=PAIR_MOST,
            ),
            Rule(  # lifted where Larkfield has a contractor to cover the post
                "higher",
                "alternatives",
                "you hold a written offer and a place in a final round, while Larkfield has "
                "struggled to fill the post for months",
                side="you",
                lifted_by=CONTRACTOR,
                implied=True,  # review 112 X1: the story never gives Calder's terms
            ),
            # no floor under your alternatives: the story never gives Calder's terms, and
            # a weak offer earns a low rating (review 61 C2); the rule above carries the story
            Rule(
                "higher",
                "information",
                "Larkfield's recruiters know what engineers like you are paid far better "
                "than you do",
                side="them",
            ),
            Rule(
                "at_least",
                "power",
                "Larkfield is the employer: it decides whether to hire you and what to pay "
                "you, so it holds more than a little of what you need",
                side="them",
                value=4,
            ),
        ),
        budget=(8, 12),
        asks=_ladder(
            0.25,
            [f"ask Larkfield to raise its offer by {p}%" for p in range(2, 14)],
        ),
        cap=(
            "Calder's written offer, the third firm's final round, Larkfield's recruiters' knowledge of pay and its decision on whether and what to pay all bear on your talks"
        ),
        band=(
            "your written offer, your final round and Larkfield's months without filling the post, against Larkfield's decision on the pay, its knowledge of the market and the three weeks you have to answer it, which shrink your alternatives"
        ),
    ),
    "supplier": _case(
        "supplier",
        "A supplier short of clients",
        "You buy packaging for a food company. Your supplier, Vell, holds the patent on the "
        "resealable lid your products use now, but two other packaging firms, Bellpak and "
        "Corrin, make lids that would do after a three-month switch. Rumour says Vell has "
        "lost big clients this year, but nobody outside Vell knows yet which ones it still "
        "has. You, in turn, know roughly what Vell's lid costs it to make: your engineers "
        "have costed it part by part. Nobody knows yet how much Vell needs your "
        "order: that turns on which clients it still has.",
        "the buyer",
        "Vell, the supplier",
        yours=(6, 5, 4),
        theirs=(5, 3, 5),
        weights=(0.45, 0.3, 0.25),
        rules=(
            Rule(
                "pair_cap",
                ("alternatives", "power"),
                "Vell's patent on the lid you use now and the three months a switch to "
                "another maker takes are largely one dependence seen from two sides; "
                "their two weights together say how much it counts",
                value=PAIR_MOST,
            ),
            Rule(
                "higher",
                "power",
                "Vell holds the patent on the lid your products use now",
                side="them",
            ),
            Rule(
                "at_least",
                "alternatives",
                "Bellpak and Corrin make lids that would do: two real options, if slow ones",
                side="you",
                value=3,
            ),
            Rule(  # lifted, to 7 (the rule after it), where both makers have quoted
                "at_most",
                "alternatives",
                "either other maker needs a three-month switch, so neither is an option you "
                "could turn to at once",
                side="you",
                value=6,
                step_ceiling=8,
                lifted_by=QUOTES,
            ),
            Rule(
                "at_most",
                "alternatives",
                "either other maker needs a three-month switch, so neither is an option you "
                "could turn to at once",
                side="you",
                value=7,
                step_ceiling=8,
                drawn_with=QUOTES,
            ),
            Rule(  # the middle, not below it: the story leaves Vell's need of you open
                "at_most",
                "alternatives",
                "rumour says Vell has lost big clients this year, and an invitation to bid, "
                "should Vell have one, is not yet another buyer to turn to; but nobody knows "
                "yet how much Vell needs your order",
                side="them",
                value=5,
            ),
            Rule(
                "at_least",
                "information",
                "nobody outside Vell knows yet which clients it still has: Vell knows its own "
                "position, which you can only guess at from rumour and public figures",
                side="them",
                value=3,
            ),
            Rule(  # review 77 X3: the story turns on what nobody outside Vell knows
                "weight_floor",
                "information",
                "how much Vell needs your order turns on which clients it still has, which "
                "nobody outside Vell knows yet",
                value=0.2,
            ),
        ),
        budget=(8, 12),
        asks=_ladder(
            0.25,
            [f"ask Vell for a price cut of {p}%" for p in range(2, 13)],
        ),
        cap=(
            "Vell's patent, the three-month switch to Bellpak or Corrin and what nobody outside Vell knows of its clients all bear on your talks"
        ),
        band=(
            "Vell holds the patent on the lid you use now and a switch to Bellpak or Corrin takes three months, while how much Vell needs your order turns on clients nobody outside Vell knows of"
        ),
    ),
    "sole-source": _case(
        "sole-source",
        "A sole-source component",
        "You build medical pumps. One part, a certified valve, comes from a single maker, "
        "Ostra, and your pumps are approved only with Ostra's valve. Qualifying another maker "
        "would take about eighteen months. Ostra sells the same valve to many firms.",
        "the pump maker",
        "Ostra, the valve maker",
        yours=(5, 2, 3),
        theirs=(5, 6, 7),
        weights=(0.25, 0.25, 0.5),
        rules=(
            Rule(
                "weight_top",
                ("power", "alternatives"),
                "your pumps are approved only with the valve Ostra controls, and qualifying "
                "another maker would take eighteen months: one dependence, rated from its "
                "two sides as Ostra's power and your lack of alternatives",
            ),
            Rule(
                "pair_cap",
                ("alternatives", "power"),
                "Ostra's control of the valve and your lack of another maker are largely one "
                "dependence seen from two sides; their two weights together say how much it "
                "counts",
                value=PAIR_MOST,
            ),
            Rule(
                "higher",
                "power",
                "Ostra controls the only valve your pumps are approved with",
                side="them",
            ),
            Rule(
                "higher",
                "alternatives",
                "Ostra sells the same valve to many firms, while you would need about "
                "eighteen months to qualify another maker",
                side="them",
            ),
            Rule(
                "at_most",
                "alternatives",
                "qualifying another maker would take about eighteen months, so for now you "
                "have almost nowhere else to go",
                side="you",
                value=3,
            ),
            Rule(
                "at_least",
                "alternatives",
                "Ostra sells the same valve to many firms: it has plenty of other buyers to "
                "turn to",
                side="them",
                value=5,
            ),
        ),
        budget=(10, 14),
        asks=_ladder(
            -2.5,
            [f"ask Ostra to hold its price for {m} months" for m in (3, 6, 9, 12, 18, 24)]
            + [f"ask Ostra for a price cut of {p}%" for p in range(1, 9)],
        ),
        cap=(
            "Ostra's valve and the eighteen months another maker would take weigh most, but what you know of Ostra's costs still bears on the price"
        ),
        band=(
            "your pumps are approved only with Ostra's valve, qualifying another maker would take eighteen months, and Ostra sells the same valve to many firms"
        ),
    ),
    "deadline": _case(
        "deadline",
        "The other side has a deadline",
        "You own a warehouse with a rail siding. Brannock, a logistics firm that moves much "
        "of its freight by rail, wants to lease it: its current lease ends in six weeks, and "
        "moving twice would cost it dearly. Another firm viewed your warehouse last month "
        "but has not called back.",
        "the owner",
        "Brannock",
        yours=(6, 4, 5),
        theirs=(5, 2, 4),
        weights=(0.3, 0.45, 0.25),
        rules=(
            Rule(
                "weight_top",
                ("alternatives", "power"),
                "Brannock's lease ends in six weeks, so what each side could do instead, and "
                "how soon, counts; and your rail siding is what Brannock's freight needs",
            ),
            Rule(
                "pair_cap",
                ("alternatives", "power"),
                "Brannock's need for your siding and its lack of other sites are largely one "
                "dependence seen from two sides; their two weights together say how much it "
                "counts",
                value=PAIR_MOST,
            ),
            Rule(  # not_below, and lifted where Brannock has a standing offer elsewhere
                "not_below",
                "alternatives",
                "another firm has viewed your warehouse, while Brannock must be out in six "
                "weeks and moving twice would cost it dearly",
                side="you",
                lifted_by=STANDING_OFFER,
                implied=True,  # review 112 X1: moving twice is still an option for Brannock
            ),
            Rule(  # not_below, and lifted where Brannock's name has a pull on your bank
                "not_below",
                "power",
                "you own the rail siding that Brannock's freight needs",
                side="you",
                lifted_by=REFINANCE,
            ),
            Rule(
                "at_most",
                "alternatives",
                "Brannock's lease ends in six weeks and moving twice would cost it dearly",
                side="them",
                value=5,
            ),
            Rule(
                "at_most",
                "alternatives",
                "the firm that viewed your warehouse last month has not called back: you have "
                "prospects at best, not another tenant who has said yes",
                side="you",
                value=6,
                step_ceiling=7,
            ),
        ),
        budget=(8, 12),
        asks=_ladder(
            0.25,
            [
                f"ask Brannock for a five-year lease at {p}% of your full rent"
                for p in range(86, 100, 2)
            ]
            + ["ask Brannock for a five-year lease at your full rent"]
            + [
                f"ask Brannock for a five-year lease at your full rent, "
                f"{m} month{'s' if m > 1 else ''} paid ahead"
                for m in range(1, 7)
            ],
        ),
        cap=(
            "Brannock's six weeks, your rail siding and what each side knows of the other's options all bear on your talks"
        ),
        band=(
            "Brannock's lease ends in six weeks and moving twice would cost it dearly, even though the firm that viewed your warehouse has not called back"
        ),
    ),
}

#: Facts a learner classifies (question 1), by case.
_FACTS = (
    # salary
    Fact(
        "salary",
        "Calder's written offer to you names a salary and a start date.",
    ),
    Fact(
        "salary",
        "You worked out from the date on Larkfield's job advert that the post has been open for five months.",
        tricky=True,
    ),
    Fact(
        "salary",
        CONTRACTOR,
    ),
    Fact(
        "salary",
        "Larkfield's recruiters know what hundreds of engineers like you were paid last year.",
    ),
    Fact(
        "salary",
        "Larkfield's hiring manager decides where in the pay band your offer lands.",
    ),
    Fact(
        "salary",
        "You are one of the few engineers who know how to run the streaming system Larkfield is launching.",
        tricky=True,
    ),
    # supplier
    Fact(
        "supplier",
        "Bellpak and Corrin have both quoted for your order.",
    ),
    Fact(
        "supplier",
        "You know from Vell's filed accounts that its sales fell by a third this year.",
        tricky=True,
    ),
    Fact(
        "supplier",
        "Vell has worked out from your last three contracts the lowest price you have ever accepted.",
    ),
    Fact(
        "supplier",
        "A supermarket chain has invited Vell to bid for its packaging next month.",
    ),
    Fact(
        "supplier",
        "Vell owns the only tooling that makes the lid you use now.",
        tricky=True,
    ),
    Fact(
        "supplier",
        "You heard Vell's sales head say at a trade fair that his bonus depends on contracts renewed this quarter.",
    ),
    # sole-source
    Fact(
        "sole-source",
        "Ostra holds the only certification for the valve your pumps are approved with.",
        tricky=True,
    ),
    Fact(
        "sole-source",
        "Ostra sells the same valve to Halden, Moro and more than forty other firms.",
    ),
    Fact(
        "sole-source",
        "You have read in Ostra's annual report that its new plant runs at half capacity.",
        tricky=True,
    ),
    Fact(
        "sole-source",
        "Ostra knows from the published contract award how many pumps you must deliver next year.",
    ),
    Fact(
        "sole-source",
        "An overseas maker could supply you a replacement valve once it is certified, in "
        "about eighteen months.",
    ),
    Fact(
        "sole-source",
        "Your engineers decide which valve goes into the next generation of your pumps, now "
        "being designed.",
        tricky=True,
    ),
    # deadline
    Fact(
        "deadline",
        "A furniture maker has asked for your warehouse's lease terms.",
    ),
    Fact(
        "deadline",
        "You know from the public planning register that Brannock's current depot is to be "
        "demolished.",
        tricky=True,
    ),
    Fact(
        "deadline",
        "Brannock's broker has looked up the rent of every warehouse let nearby in the last two years.",
    ),
    Fact(
        "deadline",
        "Yours is the only warehouse nearby with a rail siding, which Brannock's contracts "
        "require.",
        tricky=True,
    ),
    Fact(
        "deadline",
        STANDING_OFFER,
    ),
    Fact("deadline", REFINANCE),
)

#: News that moves a case while it unfolds (question 4 and the widget), by case, in the
#: order the widget plays it.
_NEWS = (
    # salary
    News(
        "salary",
        "The recruiter lets slip that the launch date cannot move.",
        "you",
        "information",
        1,
        2,
        _weakens="alternatives",
    ),
    News(
        "salary", "A strong internal candidate applies for the post.", "them", "alternatives", 1, 2
    ),
    News(
        "salary",
        "Your future manager tells you finance has approved the top of the pay band for this post.",
        "you",
        "information",
        1,
        1,
    ),
    News(
        "salary",
        "The third firm drops you from its final round.",
        "you",
        "alternatives",
        -1,
        1,
        sizes=(1,),  # a place in a final round is worth less than Calder's written offer
    ),
    News(
        "salary",
        "Calder withdraws its offer after a hiring freeze.",
        "you",
        "alternatives",
        -1,
        3,
        sizes=(2, 3),
    ),
    News(
        "salary",
        "Larkfield learns from a reference call that you want to leave your current job by spring.",
        "them",
        "information",
        1,
        2,
    ),
    News(
        "salary",
        "You go silent for a week after promising Larkfield's hiring manager an answer by "
        "Monday, and she no longer trusts your word.",
        "you",
        "power",
        -1,
        1,
        sizes=(1, 2),
        trust=True,
    ),
    News(
        "salary",
        "Larkfield's second-choice candidate takes a job elsewhere.",
        "them",
        "alternatives",
        -1,
        2,
    ),
    # supplier
    News(
        "supplier",
        "You learn from a trade paper that Vell's bank is reviewing its credit line.",
        "you",
        "information",
        1,
        2,
        _weakens="alternatives",
    ),
    News(
        "supplier",
        "Corrin is bought by your competitor and stops taking new clients.",
        "you",
        "alternatives",
        -1,
        3,
    ),
    News("supplier", "Vell wins a large new client.", "them", "alternatives", 1, 3),
    News(
        "supplier",
        "Vell learns that your stock of packaging runs out in five weeks.",
        "them",
        "information",
        1,
        2,
    ),
    News(
        "supplier",
        "Bellpak offers to cut the switch to its lids to six weeks.",
        "you",
        "alternatives",
        1,
        2,
    ),
    News(
        "supplier",
        "A court overturns Vell's patent on the resealable lid.",
        "them",
        "power",
        -1,
        3,
        sizes=(2, 3),
    ),
    News(
        "supplier",
        "You reopen the delivery dates Vell thought you had agreed last week, and its sales "
        "head says he no longer trusts your word.",
        "you",
        "power",
        -1,
        1,
        sizes=(1, 2),
        trust=True,
    ),
    # sole-source
    News(
        "sole-source",
        "A start-up offers you a valve that could be certified in six months.",
        "you",
        "alternatives",
        1,
        3,
        sizes=(2, 3),
    ),
    News(
        "sole-source",
        "You learn from a trade-journal interview with Ostra's chief executive that its new "
        "plant needs large orders to break even.",
        "you",
        "information",
        1,
        2,
        _weakens="alternatives",
    ),
    News(
        "sole-source",
        "Two of Ostra's largest customers leave the market.",
        "them",
        "alternatives",
        -1,
        2,
    ),
    News(
        "sole-source",
        "Ostra learns that you must deliver 2,000 pumps by spring.",
        "them",
        "information",
        1,
        2,
    ),
    News(
        "sole-source",
        "A rival pump maker places a large order with Ostra.",
        "them",
        "alternatives",
        1,
        2,
    ),
    News(
        "sole-source",
        "The regulator will renew Ostra's certification only with test results from your "
        "pumps, which only you can supply.",
        "you",
        "power",
        1,
        2,
    ),
    News(
        "sole-source",
        "You cancel a forecast order at the last minute, leaving Ostra with valves built for "
        "you, and its sales director no longer trusts your forecasts.",
        "you",
        "power",
        -1,
        1,
        sizes=(1, 2),
        trust=True,
    ),
    # deadline
    News(
        "deadline",
        "You find out from a local paper that back in the spring Brannock's landlord refused "
        "to extend its lease by even a month.",
        "you",
        "information",
        1,
        2,
        _weakens="alternatives",
    ),
    News(
        "deadline",
        "The firm that viewed your warehouse calls back and books a second viewing.",
        "you",
        "alternatives",
        1,
        3,
        sizes=(2, 3),
    ),
    News(
        "deadline",
        "Brannock signs an option on a smaller warehouse it could rent for a year.",
        "them",
        "alternatives",
        1,
        3,
    ),
    News(
        "deadline",
        "Your bank offers better terms on your loan if the warehouse is let to a tenant with "
        "Brannock's credit record.",
        "them",
        "power",
        1,
        2,
    ),
    News(
        "deadline",
        "Brannock learns that a large payment on your loan falls due in two months.",
        "them",
        "information",
        1,
        2,
    ),
    News(
        "deadline",
        "The firm that viewed your warehouse signs for another one.",
        "you",
        "alternatives",
        -1,
        3,
        sizes=(2, 3),  # with the second viewing drawn, at least what the viewing added
    ),
    News(
        "deadline",
        "You move the handover date Brannock accepted in writing last week, and its director "
        "says she no longer trusts your word.",
        "you",
        "power",
        -1,
        1,
        sizes=(1, 2),
        trust=True,
    ),
    News(
        "deadline",
        "You learn from Brannock's director that its new rail contracts start in two months.",
        "you",
        "information",
        1,
        2,
        _weakens="alternatives",
    ),
    News(
        "deadline",
        "The logistics park thirty miles away, where Brannock had a standing offer of "
        "space, lets its last free space to another firm.",
        "them",
        "alternatives",
        -1,
        2,
    ),
)

#: Preparation steps (question 3), by case: two or three per source. Each case has a step
#: that builds the other side's trust by doing more than you owe it, freely (a power step:
#: section 4 counts a relationship the other side wants to keep as something you hold). No
#: step keeps a promise already made: keeping your word is not optional, so it is never a
#: step a plan may leave out (section 6).
STEPS = (
    # salary
    Step(
        "salary",
        "Ask two engineers who joined Larkfield last year how their own offers were set",
        "information",
        (2, 3),
        (2, 4),
        (0.75, 0.95),
    ),
    Step(
        "salary",
        "Study published salary surveys for your role and city",
        "information",
        (1, 2),
        (1, 2),
        (0.9, 1.0),
    ),
    Step(
        "salary",
        "Ask Calder to hold its offer open until after Larkfield's deadline",
        "alternatives",
        (1, 2),
        (1, 3),
        (0.7, 0.9),
    ),
    Step(
        "salary",
        "Press the third firm to finish its final round before Larkfield's deadline",
        "alternatives",
        (2, 4),
        (4, 8),
        (0.3, 0.6),
    ),
    Step(
        "salary",
        "Ask a former manager whose judgement Larkfield's team respects to speak for your work",
        "power",
        (1, 3),
        (3, 6),
        (0.5, 0.8),
    ),
    Step(
        "salary",
        "Finish a cloud certification useful for the launch Larkfield is behind on",
        "power",
        (2, 4),
        (6, 10),
        (0.5, 0.8),
    ),
    Step(
        "salary",
        # the paid trial task was owed, so a plan could not leave it out; a write-up nobody
        # asked for is wholly optional
        "Send Larkfield's launch team a short write-up, which nobody asked for, of how you "
        "would run its streaming launch",
        "power",
        (1, 2),
        (2, 4),
        (0.6, 0.85),
        trust=True,
    ),
    # supplier
    Step(
        "supplier",
        "Work through the notes to Vell's filed accounts to see which clients its lost sales came from",
        "information",
        (1, 3),
        (1, 3),
        (0.85, 1.0),
    ),
    Step(
        "supplier",
        "Ask firms that left Vell why they left",
        "information",
        (2, 3),
        (3, 6),
        (0.6, 0.85),
    ),
    Step(
        "supplier",
        "Run a trial order with Bellpak or Corrin",
        "alternatives",
        (2, 4),
        (5, 9),
        (0.6, 0.85),
    ),
    Step(
        "supplier",
        "Ask Bellpak and Corrin how fast they could take over",
        "alternatives",
        (1, 3),
        (2, 4),
        (0.4, 0.7),
    ),
    Step(
        "supplier",
        "Bring your sister company's packaging orders into the same tender",
        "power",
        (1, 3),
        (4, 8),
        (0.5, 0.75),
    ),
    Step(
        "supplier",
        "Win your board's approval for a two-year order to make up for clients Vell is "
        "rumoured to have lost",
        "power",
        (1, 3),
        (3, 6),
        (0.5, 0.8),
    ),
    Step(
        "supplier",
        "Share next year's order forecast with Vell's planners, which your contract does not "
        "require",
        "power",
        (1, 2),
        (1, 3),
        (0.7, 0.9),
        trust=True,
    ),
    Step(
        "supplier",
        "Test a lid design that does not need Vell's patent",
        "alternatives",
        (2, 4),
        (6, 10),
        (0.3, 0.6),
    ),
    # sole-source
    Step(
        "sole-source",
        "Work out Ostra's plant costs from its public filings",
        "information",
        (2, 3),
        (3, 5),
        (0.8, 0.95),
    ),
    Step(
        "sole-source",
        "Have an engineer estimate what the valve costs to make",
        "information",
        (2, 3),
        (5, 8),
        (0.7, 0.9),
    ),
    Step(
        "sole-source",
        "Ask another valve maker for a certification plan and samples",
        "alternatives",
        (1, 1),
        (2, 4),
        (0.6, 0.9),
    ),
    Step(
        "sole-source",
        "Start a study of a pump design that takes another maker's valve",
        "alternatives",
        (1, 1),
        (4, 7),
        (0.5, 0.8),
    ),
    Step(
        "sole-source",
        "Combine your three factories' valve orders into one contract",
        "power",
        (1, 2),
        (2, 4),
        (0.8, 0.95),
    ),
    Step(
        "sole-source",
        "Bring forward the choice of valve for your next pump design",
        "power",
        (1, 3),
        (4, 7),
        (0.5, 0.8),
    ),
    Step(
        "sole-source",
        "Send Ostra's quality team your field data on its valve before anyone asks for it",
        "power",
        (1, 2),
        (1, 3),
        (0.7, 0.9),
        trust=True,
    ),
    # deadline
    Step(
        "deadline",
        "Check the public planning register for other sites Brannock could use",
        "information",
        (1, 2),
        (1, 2),
        (0.9, 1.0),
    ),
    Step(
        "deadline",
        "Ask local agents what rents logistics firms have paid this year",
        "information",
        (2, 3),
        (2, 4),
        (0.8, 0.95),
    ),
    Step(
        "deadline",
        "Advertise the warehouse and book viewings",
        "alternatives",
        (2, 3),
        (4, 7),
        (0.5, 0.8),
    ),
    Step(
        "deadline",
        "Offer the firm that viewed it a short trial lease",
        "alternatives",
        (2, 4),
        (5, 8),
        (0.3, 0.6),
    ),
    Step(
        "deadline",
        "Have the rail siding's safety inspection done now",
        "power",
        (1, 3),
        (5, 9),
        (0.6, 0.9),
    ),
    Step(
        "deadline",
        "Renew the fire certificate, so a tenant could move in within a week",
        "power",
        (1, 2),
        (3, 5),
        (0.8, 0.95),
    ),
    Step(
        "deadline",
        "Send Brannock's surveyor the building's full records before it asks for them",
        "power",
        (1, 2),
        (1, 3),
        (0.7, 0.9),
        trust=True,
    ),
)

#: Tactics to judge (question 5), by case: two of each kind, a threat or warning you would
#: not carry out, which sits on the line between a bluff and a misrepresentation
#: (``_also``), and in two cases information got under a false name (``_pretext``), filed
#: by its source as illegitimate and, being a lie the person asked relies on, also a
#: misrepresentation. A learner gets four, of at least three kinds. Every statement a
#: tactic makes is true unless the tactic says otherwise (question 5 says so). Their kinds
#: are in the grader's keys (``grader-keys/00_leverage.json``, pool "tactics": text ->
#: [kind, also, pretext]); here each has only its ``group``, for the three-kinds rule.
#: Neither a group number nor a tactic's place in its case's list follows its kind the same
#: way in every case (review 75 X1): the lists once ran in the same order of kinds in every
#: case, and the numbers named the same kind in every case, so one case's labels read all.
_TACTICS = (
    # salary
    Tactic(
        "salary",
        "Tell Larkfield that Calder offered 88,000; Calder's letter says 88,000.",
        group=4,
    ),
    Tactic(
        "salary",
        "Ask your uncle, a city councillor who votes on Larkfield's planning application, to "
        "let Larkfield know you hope for a better offer.",
        group=1,
    ),
    Tactic(
        "salary",
        "Tell Larkfield that Calder offered 105,000; Calder's letter says 88,000.",
        group=2,
    ),
    Tactic(
        "salary",
        "Get a friend in Larkfield's HR team to forward you the pay bands its staff may not "
        "show outsiders, in return for a favour.",
        group=1,
    ),
    Tactic(
        "salary",
        "Tell Larkfield the third firm has made you an offer, when its board meets next week "
        "to decide.",
        group=2,
    ),
    Tactic(
        "salary",
        "Say that 90,000 is the least you would accept; the least you would sign for is 90,000.",
        group=4,
    ),
    Tactic(
        "salary",
        "Say that 95,000 is the least you would accept; the least you would sign for is 90,000.",
        group=3,
    ),
    Tactic(
        "salary",
        "Tell Larkfield that no salary under 100,000 would be worth the move to you, when you "
        "would sign for 90,000.",
        group=3,
    ),
    Tactic(
        "salary",
        "Tell Larkfield you will sign with Calder tomorrow unless it matches Calder's pay, "
        "when you have already decided to turn Calder down.",
        group=3,
        on_line=True,
    ),
    # supplier
    Tactic(
        "supplier",
        "Tell Vell you will move the whole order to Bellpak in three months unless it cuts "
        "its price, when you mean to stay with Vell whatever it does.",
        group=2,
        on_line=True,
    ),
    Tactic(
        "supplier",
        "Tell Vell you will not go above 0.40 a unit; the most you would pay is 0.42.",
        group=2,
    ),
    Tactic(
        "supplier",
        "Offer Vell a two-year contract, which your board has approved, to make up for "
        "clients it is rumoured to have lost, in return for a lower price.",
        group=3,
    ),
    Tactic(
        "supplier",
        "Pay a Vell sales assistant for a copy of the prices Vell charges your competitor, "
        "which his employment bars him from sharing.",
        group=4,
    ),
    Tactic(
        "supplier",
        "Tell Vell your board has approved a switch to another supplier, when the board meets "
        "on it next month.",
        group=1,
    ),
    Tactic(
        "supplier",
        "Tell Vell a rival quoted 3% below its price; the rival's quote was 3% below.",
        group=3,
    ),
    Tactic(
        "supplier",
        "Tell Vell a rival quoted 15% below its price; the rival's quote was 3% below.",
        group=1,
    ),
    Tactic(
        "supplier",
        "Ask your cousin at the tax office to open an inquiry into Vell's accounts before "
        "the talks.",
        group=4,
    ),
    Tactic(
        "supplier",
        "Phone Vell's accounts office as one of its auditors, which you are not, to find out "
        "which clients it has lost.",
        group=4,
        on_line=True,
    ),
    Tactic(
        "supplier",
        "Say the resealable lid is worth no more than 0.36 a unit to you, when you would pay "
        "0.42 to keep it.",
        group=2,
    ),
    # sole-source
    Tactic(
        "sole-source",
        "Show Ostra a rival maker's quote that your assistant drew up on the rival's letterhead.",
        group=3,
    ),
    Tactic(
        "sole-source",
        "Offer Ostra a five-year contract for every valve you buy, in return for a lower price.",
        group=4,
    ),
    Tactic(
        "sole-source",
        "Say the valve is worth no more than 35 a valve to you, when you would pay 46 for it.",
        group=1,
    ),
    Tactic(
        "sole-source",
        "Say that any price above 40 a valve is more than you will pay; the most you would "
        "pay is 46.",
        group=1,
    ),
    Tactic(
        "sole-source",
        "Tell Ostra you will pay to certify another maker's valve unless it holds its price, "
        "when you have no budget for it.",
        group=1,
        on_line=True,
    ),
    Tactic(
        "sole-source",
        "Say that any price above 46 a valve is more than you will pay; the most you would "
        "pay is 46.",
        group=4,
    ),
    Tactic(
        "sole-source",
        "Offer an Ostra engineer a consulting fee to share the cost sheets his contract "
        "forbids him to pass on.",
        group=2,
    ),
    Tactic(
        "sole-source",
        "Call Ostra's plant as a trade journalist, which you are not, to learn how full its "
        "order book is.",
        group=2,
        on_line=True,
    ),
    Tactic(
        "sole-source",
        "Tell Ostra that the regulator has approved a rival valve, when its maker plans to "
        "submit it next year.",
        group=3,
    ),
    Tactic(
        "sole-source",
        "Ask a friend at the regulator to slow the review of Ostra's new plant until Ostra "
        "accepts your terms.",
        group=2,
    ),
    # deadline
    Tactic(
        "deadline",
        "Pay Brannock's former broker for his notes on what Brannock can afford, which his "
        "contract with Brannock bars him from sharing.",
        group=4,
    ),
    Tactic(
        "deadline",
        "Say the warehouse is worth well above 30,000 a month to you, when you would let it "
        "for 27,000.",
        group=3,
    ),
    Tactic(
        "deadline",
        "Say that 30,000 a month is the lowest rent you will accept; the lowest you would "
        "let the warehouse for is 27,000.",
        group=3,
    ),
    Tactic(
        "deadline",
        "Tell Brannock you will take the warehouse off the market for a year unless it signs "
        "this week, when you would go on showing it to other firms.",
        group=3,
        on_line=True,
    ),
    Tactic(
        "deadline",
        "Remind Brannock that its lease ends in six weeks and that you can hand over the "
        "keys in four.",
        group=2,
    ),
    Tactic(
        "deadline",
        "Tell Brannock another firm has signed a letter of intent for the warehouse, when the "
        "firm that viewed it has not called back.",
        group=1,
    ),
    Tactic(
        "deadline",
        "Say that 27,000 a month is the lowest rent you will accept; the lowest you would "
        "let the warehouse for is 27,000.",
        group=2,
    ),
    Tactic(
        "deadline",
        "Tell Brannock the rail siding has passed its safety inspection, when the inspection "
        "is booked for next month.",
        group=1,
    ),
    Tactic(
        "deadline",
        "Ask your brother-in-law, who sits on the council's licensing committee, to hold up "
        "Brannock's operating licence until it signs.",
        group=4,
    ),
)

#: The practice items: facts, news and tactics that no learner is graded on, since no
#: learner's draw takes them (the draws read ``_FACTS``, ``_NEWS`` and ``_TACTICS`` only).
#: The practice cases of questions 1, 4a and 5 hold them, and the interactive audit plays
#: only these news items (less question 4a's practice news, which it never plays), so
#: whatever learner a kernel claims, nothing that shows a verdict outside grading shows one
#: on a graded item, nor on an item question 4a's practice judges. The deadline news
#: repeats, item for item, the moves of the run that section 5 describes.
_PRACTICE_FACTS = (
    Fact(
        "deadline",
        "A self-storage company has said it would rent your warehouse from March.",
        "alternatives",
        "you",
    ),
    Fact(
        "deadline",
        "You have read in Brannock's annual report that its rail freight doubled last year.",
        "information",
        "you",
    ),
    Fact(
        "deadline",
        "Brannock's finance director has seen your warehouse's running costs, "
        "which were in last year's sale papers.",
        "information",
        "them",
    ),
    Fact(
        "deadline",
        "The council has licensed your siding, and no other nearby, to load "
        "freight trains at night, which Brannock's timetable needs.",
        "power",
        "you",
    ),
    Fact(
        "deadline",
        "A developer has offered to build Brannock a new depot within a year.",
        "alternatives",
        "them",
    ),
    Fact(
        "salary",
        "A former manager of yours has offered you a post at her start-up.",
        "alternatives",
        "you",
    ),
    Fact(
        "salary",
        "You have read Larkfield's quarterly report, which says a late launch "
        "would cost it a key client.",
        "information",
        "you",
    ),
    Fact(
        "salary",
        "Larkfield decides whether to sponsor your work visa, which you need to "
        "stay in the country.",
        "power",
        "them",
    ),
    Fact(
        "salary",
        "Of the candidates, only you hold the security clearance that "
        "Larkfield's launch client requires.",
        "power",
        "you",
    ),
    Fact(
        "salary",
        "A staffing agency has offered Larkfield an engineer for the post at a day rate.",
        "alternatives",
        "them",
    ),
)

_PRACTICE_NEWS = (
    News(
        "deadline",
        "You learn from a demolition notice on the fence of Brannock's depot that its "
        "move cannot slip past the six weeks.",
        "you",
        "information",
        1,
        2,
        _weakens="alternatives",
    ),
    News(
        "deadline",
        "A builders' merchant asks to view your warehouse next week.",
        "you",
        "alternatives",
        1,
        3,
    ),
    News(
        "deadline",
        "A landlord in the next county offers Brannock a one-year lease on a "
        "warehouse beside the same rail line.",
        "them",
        "alternatives",
        1,
        3,
    ),
    News(
        "deadline",
        "Your insurer offers a lower premium if the warehouse is let to a tenant "
        "with Brannock's safety record.",
        "them",
        "power",
        1,
        2,
    ),
    News(
        "deadline",
        "Brannock's director hears from a mutual contact that your warehouse has "
        "stood empty since January.",
        "them",
        "information",
        1,
        2,
    ),
    News(
        "deadline",
        "The builders' merchant decides your warehouse is too far from the motorway.",
        "you",
        "alternatives",
        -1,
        3,
    ),
    News(
        "deadline",
        "You let another firm use the loading bay you had promised Brannock for "
        "a trial delivery, and its director says she no longer trusts your word.",
        "you",
        "power",
        -1,
        1,
        trust=True,
    ),
    News(
        "deadline",
        "Brannock's director mentions to you that its rail contracts charge it a "
        "penalty for every week of late deliveries.",
        "you",
        "information",
        1,
        2,
        _weakens="alternatives",
    ),
    News(
        "deadline",
        "A business park near Brannock's customers, where Brannock had been "
        "offered a unit, lets its last free unit to another firm.",
        "them",
        "alternatives",
        -1,
        2,
    ),
    News(
        "salary",
        "Larkfield's team lead tells you over coffee that two engineers left the team last month.",
        "you",
        "information",
        1,
        2,
        _weakens="alternatives",
    ),
    News(
        "salary",
        "A former Larkfield engineer asks for her old post back.",
        "them",
        "alternatives",
        1,
        2,
    ),
    News(
        "salary",
        "Larkfield's hiring manager sees from Calder's published pay scale that "
        "Calder's offer pays less than your current job.",
        "them",
        "information",
        1,
        2,
    ),
    News(
        "salary",
        "A fourth firm that had invited you to interview cancels the interview.",
        "you",
        "alternatives",
        -1,
        1,
    ),
    News(
        "supplier",
        "You read in the local paper near Vell's plant that two of Vell's lines "
        "have stood idle since spring.",
        "you",
        "information",
        1,
        2,
        _weakens="alternatives",
    ),
    News(
        "supplier",
        "Vell signs a one-year deal with a pet-food maker.",
        "them",
        "alternatives",
        1,
        2,
    ),
    News(
        "supplier",
        "Bellpak books its only free line for a year, so its lids would now take six months, "
        "not three, to suit your filling line.",
        "you",
        "alternatives",
        -1,
        2,
    ),
    News(
        "sole-source",
        "Ostra's sales director works out from your recent orders that your "
        "spare valves run out in March.",
        "them",
        "information",
        1,
        2,
    ),
    News(
        "sole-source",
        "A maker in Japan offers to start certifying its valve for your pumps.",
        "you",
        "alternatives",
        1,
        2,
    ),
    News(
        "sole-source",
        "A large customer of Ostra's switches to a valve of its own design.",
        "them",
        "alternatives",
        -1,
        2,
    ),
    # question 4a's practice news: the widget never plays it (``played=False``)
    News(
        "deadline",
        "A rail planner you know tells you that Brannock has booked night trains on your "
        "line from April.",
        "you",
        "information",
        1,
        2,
        played=False,
        _weakens="alternatives",
    ),
    News(
        "deadline",
        "The port offers Brannock a shed on its quays for three months while it looks for a depot.",
        "them",
        "alternatives",
        1,
        2,
        played=False,
    ),
    News(
        "deadline",
        "Brannock's director learns from a former tenant of yours what rent the tenant paid "
        "for the warehouse.",
        "them",
        "information",
        1,
        2,
        played=False,
    ),
    News(
        "deadline",
        "A warehouse near Brannock's customers, which Brannock had been shown, is sold "
        "to a supermarket chain.",
        "them",
        "alternatives",
        -1,
        3,
        played=False,
    ),
    News(
        "salary",
        "A friend who once worked at Larkfield tells you that its last two hires for this "
        "post left within a year.",
        "you",
        "information",
        1,
        2,
        played=False,
        _weakens="alternatives",
    ),
    News(
        "salary",
        "A contractor who worked on Larkfield's last launch says he could come back for "
        "six months.",
        "them",
        "alternatives",
        1,
        2,
        played=False,
    ),
    News(
        "salary",
        "Larkfield's recruiter finds out from a mutual contact that Calder's offer lapses "
        "at the end of next week.",
        "them",
        "information",
        1,
        2,
        played=False,
    ),
    News(
        "salary",
        "Your former manager's start-up loses its funding and withdraws the post it offered you.",
        "you",
        "alternatives",
        -1,
        2,
        played=False,
    ),
)

_PRACTICE_TACTICS = (
    Tactic(
        "deadline",
        "Tell Brannock the warehouse roof was replaced last year, when the work has not begun.",
        "misrepresentation",
    ),
    Tactic(
        "deadline",
        "Say that 28,000 a month is the lowest rent you will accept; the "
        "lowest you would let the warehouse for is 28,000.",
        "legitimate",
    ),
    Tactic(
        "deadline",
        "Pay a clerk at Brannock's bank to tell you how much credit Brannock has left, "
        "which the bank bars her from telling anyone.",
        "illegitimate",
    ),
    Tactic(
        "deadline",
        "Say that 31,000 a month is the lowest rent you will accept; the "
        "lowest you would let the warehouse for is 28,000.",
        "bluff",
    ),
    Tactic(
        "deadline",
        "Tell Brannock you will let the warehouse to a self-storage company "
        "unless Brannock signs by Friday, when you would go on waiting for Brannock.",
        "misrepresentation",
        given_also="bluff",
    ),
    Tactic(
        "salary",
        "Tell Larkfield that a third firm has you in its final round, which it has.",
        "legitimate",
    ),
    Tactic(
        "salary",
        "Say that 96,000 is the least you would accept; the least you would sign for is 91,000.",
        "bluff",
    ),
    Tactic(
        "salary",
        "Tell Larkfield you lead a team of six, when you lead a team of two.",
        "misrepresentation",
    ),
    Tactic(
        "salary",
        "Ask a friend at Larkfield's payroll firm to look up what Larkfield pays its "
        "engineers, which the firm's contract with Larkfield bars it from sharing.",
        "illegitimate",
    ),
    Tactic(
        "salary",
        "Tell Larkfield you will take Calder's offer on Friday unless it adds a "
        "signing bonus, when you would wait for Larkfield past Friday.",
        "misrepresentation",
        given_also="bluff",
    ),
)

#: Items that no learner draws together (facts, news, steps or tactics, by text): what a
#: fact says you know already is not news to find out, nor a step to take; a tactic does
#: not claim as done what a step of the same learner has yet to win.
APART = (
    (
        "Win your board's approval for a two-year order to make up for clients Vell is "
        "rumoured to have lost",
        "Offer Vell a two-year contract, which your board has approved, to make up for "
        "clients it is rumoured to have lost, in return for a lower price.",
    ),
    (
        "You know from Vell's filed accounts that its sales fell by a third this year.",
        "Work through the notes to Vell's filed accounts to see which clients its lost sales came from",
    ),
    (
        "Ostra knows from the published contract award how many pumps you must deliver next year.",
        "Ostra learns that you must deliver 2,000 pumps by spring.",
    ),
    (
        "You know from the public planning register that Brannock's current depot is to be "
        "demolished.",
        "You find out from a local paper that back in the spring Brannock's landlord refused "
        "to extend its lease by even a month.",
    ),
    (
        "Have the rail siding's safety inspection done now",
        "Tell Brannock the rail siding has passed its safety inspection, when the inspection "
        "is booked for next month.",
    ),
)

#: News items whose order is fixed when a learner draws both: (earlier, later).
BEFORE = (
    (
        "The firm that viewed your warehouse calls back and books a second viewing.",
        "The firm that viewed your warehouse signs for another one.",
    ),
)

#: News pairs of ``BEFORE`` in which the later item undoes the earlier: when a learner
#: draws both, the later moves the rating back by at least what the earlier added (a
#: prospect who signs elsewhere takes its second viewing with it).
UNDOES = BEFORE

#: How many facts, news items and tactics each learner gets.
FACTS_PER_LEARNER = 5
NEWS_PER_LEARNER = 4
TACTICS_PER_LEARNER = 4

#: The fewest kinds among a learner's tactics.
TACTIC_KINDS_AT_LEAST = 3

#: The smallest distance, in points, a learner's numbers keep from any threshold or tie
#: the questions turn on (the 0.5 "even" line, the best moment, the best plan).
MARGIN = 0.1

#: How far each rating of the starting audit may differ from the case's own.
RATING_SPREAD = 1

#: Ratings of the starting audit stay in [1, 9]: nobody is rated as having nothing, or all.
RATING_RANGE = (1, 9)

#: The dominant source's weight exceeds every other by at least this much.
WEIGHT_GAP = 0.1

#: How many draws of news one starting audit gets before a new audit is drawn.
NEWS_TRIES = 12

#: About this share of learners can make their ask before any news (the need is already
#: met); the others must wait for it.
ASK_NOW_SHARE = 0.15

#: This share of learners is meant to get steps on which taking them one at a time, the
#: best first (by expected gain, or by gain per day), misses the best plan, so that
#: question 3 on their own case is a real decision and not what a greedy rule gives anyway.
#: Many starting audits leave no such steps (``CROWDED_TRIES``), so about half of all
#: learners get them (1,045 of the sweep's 2,000 ids).
CROWDED_SHARE = 0.85

#: How many draws of steps a learner meant to get such steps has before the requirement is
#: dropped for them (a few starting audits leave no such steps in their case's ranges).
CROWDED_TRIES = 300

#: About this share of learners get news on which their ask is carried before the balance
#: peaks, so that the pass message's word on hindsight has something to show; for the
#: others the first moment may be the peak.
BEFORE_PEAK_SHARE = 0.75


@dataclass(frozen=True)
class Shown:
    """Markdown that Jupyter displays (a part of the scenario shown where it is used)."""

    markdown: str

    def _repr_markdown_(self):
        return fitting(self.markdown)


#: What the scenario says of its starting audit before section 4 draws it.
AUDIT_LATER = (
    "Your starting audit comes in section 4, after question 2, so that the audit you write "
    "there is your own reading of the story and facts."
)


@dataclass(frozen=True)
class LeverageScenario(Scenario):
    """A learner's own case: facts to classify, a starting audit, news, steps and tactics."""

    case: str  # key of CASES
    facts: MappingProxyType  # letter -> fact text (question 1)
    reason_fact: str  # the letter of the fact whose reason the learner writes
    yours: MappingProxyType  # the starting audit: your ratings, source -> 0..SCALE
    theirs: MappingProxyType  # theirs
    weights: MappingProxyType  # source -> share of 1
    budget: int  # working days before the talks (question 3)
    steps: MappingProxyType  # step name -> (source, amount, days, chance)
    news: MappingProxyType  # label -> (text, size): each moves one rating by its size
    tactics: MappingProxyType  # label -> tactic text (question 5)
    short_budget: int = 0  # working days if the talks are brought forward (question 3b)
    ask: str = ""  # what you mean to ask for (question 4b)
    bar: float = 0.0  # the bar of question 4b's ask: the balance, in points, it must have behind it

    def story(self):
        case = CASES[self.case]
        facts = "\n".join(f"- **{letter}.** {text}" for letter, text in self.facts.items())
        return (
            f"**{case.title}.** {case.story} You are {case.you}; they are {case.them}.\n\n"
            f"**Facts to classify** (question 1; question 1b asks about fact "
            f"{self.reason_fact}):\n\n{facts}\n\n"
            "The starting audit, preparation steps, news and tactics are shown in the "
            'sections that use them: `scenario.show("audit")`, `scenario.show("steps")`, '
            '`scenario.show("news")`, `scenario.show("tactics")`.'
        )

    def before_audit(self):
        """This scenario without its starting audit (``yours``, ``theirs`` and ``weights``
        are ``None``): what the notebook holds until section 4, so that question 2's audit
        is the learner's own reading, not the starting audit with a rating moved (such a
        near-copy passed for 97% of learners)."""
        return replace(self, yours=None, theirs=None, weights=None)

    def _audit_drawn(self):
        if self.yours is None:
            raise ValueError(AUDIT_LATER)

    @property
    def need(self):
        """The old name of ``bar`` (review 78 U1): a reaudit answered before the rename reads
        ``case.need``."""
        return self.bar

    @property
    def prepared_ask(self):
        """Question 3c's ask, made at the first meeting in reply to their first offer (not an
        opening: review 103 C6), before any news: ``(bar, ask)``,
        or ``None`` when no ask of the case makes a fair question (see ``bold_ask``)."""
        self._audit_drawn()
        return bold_ask(self)

    @property
    def bold(self):
        """The old name of ``prepared_ask`` (review 78 U1), which question 3c's text named."""
        return self.prepared_ask

    def _bold_text(self):
        start = leverage_balance(self.yours, self.theirs, self.weights)
        if self.prepared_ask is None:
            return (
                f"Your starting balance is {signed(start)} points. Your case has no ask "
                "prepared before the talks. Practise `reach_plan` on bars of your own (see "
                "below); the check uses its own test cases."
            )
        need, ask = self.prepared_ask
        return (
            f"Your starting balance is {signed(start)} points. You prepare to {ask} at the "
            "first meeting, in reply to their first offer and before any news: not an opening "
            "offer (module 04's), but a move on a figure already on the table. It is an ask "
            f"whose bar is a balance of at least **{signed(need)} points** "
            "(`scenario.prepared_ask`, a pair (bar, ask))."
        )

    @property
    def practice(self):
        """The practice case of questions 1, 4a and 5 (``practice_for``)."""
        return practice_for(self)

    def show(self, *parts):
        """Parts of the scenario as Markdown, one after the other: "audit", "reason"
        (question 1b's fact and the source it could be mistaken for), "steps",
        "prepared-ask" (question 3c's ask; "bold" is its old name), "judgement" (question 3b's shorter budget and trust
        items), "news" or "tactics"; "practice-facts", "practice-news" and
        "practice-tactics" show the practice case's story with its facts, news or tactics."""
        known = {
            "audit": self._audit_table,
            "reason": self._reason_text,
            "steps": self._steps_list,
            "prepared-ask": self._bold_text,
            "bold": self._bold_text,
            "judgement": self._judgement,
            "news": self._news_list,
            "tactics": self._tactics_list,
            "practice-facts": lambda: self._practice_part("facts"),
            "practice-news": lambda: self._practice_part("news"),
            "practice-tactics": lambda: self._practice_part("tactics"),
        }
        unknown = [part for part in parts if part not in known]
        if unknown or not parts:
            raise ValueError(
                f"no part called {unknown[0] if unknown else None!r}; the parts are "
                f"{', '.join(known)}"
            )
        return Shown("\n\n".join(known[part]() for part in parts))

    def _reason_text(self):
        """Question 1b's fact. It names neither its source nor the source it is easily
        mistaken for (its ``lookalike``): naming the second ruled out one of three sources of
        a fact question 1 grades, and the learner names both in question 1b."""
        text = self.facts[self.reason_fact]
        return (
            f"Question 1b's fact is **{self.reason_fact}**: {text} It is easily filed under a "
            "source it does not belong to."
        )

    def _audit_table(self):
        if self.yours is None:
            return AUDIT_LATER
        rows = "\n".join(
            f"| {source} | {self.yours[source]:g} | {self.theirs[source]:g} | "
            f"{self.weights[source]:.2f} |"
            for source in SOURCES
        )
        return (
            f"Starting audit (`scenario.yours`, `scenario.theirs`, `scenario.weights`; "
            f"ratings 0 = none to {SCALE:g} = overwhelming):\n\n"
            f"| source | you | them | weight |\n|---|---|---|---|\n{rows}\n\n{ONE_READING}"
        )

    def _steps_list(self):
        rows = "\n".join(
            f"| {name} | {source} | +{amount:g} | {days} | {chance:.2f} |"
            for name, (source, amount, days, chance) in self.steps.items()
        )
        return (
            f"You have **{self.budget} working days** before the talks (`scenario.budget`). "
            "Preparation steps (`scenario.steps`, name -> (source, amount, days, chance)):\n\n"
            "| step | raises your | by | days | chance it comes through |\n"
            f"|---|---|---|---|---|\n{rows}"
        )

    def _judgement(self):
        """Question 3b's material, shown only after question 3: the shorter budget (which
        says something about the best plan's days) and the two trust items."""
        days = "working day" if self.short_budget == 1 else "working days"
        return (
            f"If the talks are brought forward, you will have only **{self.short_budget} "
            f"{days}** (`scenario.short_budget`): too few for your best plan.\n\n"
            f"{self._trust_pair()}"
        )

    def _trust_pair(self):
        """Question 3b's two trust items of this case, each said to be in the learner's
        lists or not."""
        step = next(s for s in STEPS if s.case == self.case and s.trust)
        news = next(n for n in _NEWS if n.case == self.case and n.trust)
        if step.name in self.steps:
            kept = "it is among your steps above"
        else:
            kept = (
                f"not among your steps: it would raise your {step.source} by "
                f"{step.amounts[0]} to {step.amounts[1]} in {step.days[0]} to {step.days[1]} "
                f"days, with a chance of {step.chances[0]:.2f} to {step.chances[1]:.2f} of "
                "coming through"
            )
        # review 67 C1: the size is the learner's own when they drew the item (with its
        # label only, as section 5's list gives it: question 4a asks which rating it moves),
        # else the range learners draw (``sizes``), not the widget's ``size``
        drawn = [(label, size) for label, (text, size) in self.news.items() if text == news.text]
        low, high = min(news.sizes), max(news.sizes)
        by = f"{low}" if low == high else f"{low} to {high}"
        spent = (
            f"it is your news item {drawn[0][0]}, which moves one rating by {drawn[0][1]}"
            if drawn
            else f"not among your news: it would lower your {news._source} by {by}"
        )
        return (
            f"Trust in your case (question 3b). The step that builds the other side's trust "
            f"by doing more than you owe it: *{step.name}* ({kept}). The news in which a move "
            f"of yours spends the other side's trust: *{news.text}* ({spent})."
        )

    def _news_list(self):
        rows = "\n".join(
            f"- **{label}** (moves one rating by {size}): {text}"
            for label, (text, size) in self.news.items()
        )
        behind = (
            f" (below zero: the ask is modest enough to make while still behind by up to "
            f"{-self.bar:.2f} points)"
            if self.bar < 0
            else ""
        )
        return (
            f"News, in the order it arrives (`scenario.news`, label -> (text, size)):\n\n{rows}"
            f"\n\nYou mean to {self.ask}. Your rule, set before the talks (the course sets it "
            f"for you here; in practice you would set it yourself), is that this ask's bar is a "
            f"balance of at least **{signed(self.bar)} points** (`scenario.bar`)"
            f"{behind}; a larger ask would have a higher bar.{self._two_asks_text()}"
        )

    def _two_asks_text(self):
        """How question 4b's ask relates to question 3c's (review 70 U2; review 76 C1: one
        term, so either one ask or a smaller fallback, never a second ask of its own)."""
        if self.yours is None or self.prepared_ask is None:
            return ""
        if self.prepared_ask[1] == self.ask:
            # review 108 C4: why an ask prepared for the first meeting is made later here
            return (
                " It is question 3c's ask; question 4b leaves your preparation out: if it came "
                "to nothing, you hold this ask until the news brings your balance to its bar."
            )
        start = leverage_balance(self.yours, self.theirs, self.weights)
        when = (
            " Your starting balance already meets its bar, so the rule makes it at the first "
            "meeting."
            if round(start - self.bar, 9) >= 0
            else ""
        )
        return (
            " It is your fallback ask, smaller than question 3c's ask, for when your preparation "
            f"comes to nothing; question 4b leaves the preparation out.{when}"
        )

    def _practice_part(self, part):
        """The practice case's story, then its facts, news or tactics (``part``)."""
        p = self.practice
        case = CASES[p.case]
        rows = {
            "facts": lambda: [f"- **{k}.** {text}" for k, text in p.facts.items()],
            "news": lambda: [
                f"- **{k}** (moves one rating by {size}): {text}"
                for k, (text, size) in p.news.items()
            ],
            "tactics": lambda: [f"- **{k}.** {text}" for k, text in p.tactics.items()],
        }[part]()
        field = {"facts": "letter -> text", "news": "label -> (text, size)"}.get(
            part, "label -> text"
        )
        return (
            f"**Practice case: {case.title}.** {case.story} In it, you are {case.you}; "
            f"they are {case.them}.\n\nIts {part} (`scenario.practice.{part}`, {field}):"
            "\n\n" + "\n".join(rows)
        )

    def _tactics_list(self):
        rows = "\n".join(f"- **{label}.** {text}" for label, text in self.tactics.items())
        return (
            "Tactics to judge (`scenario.tactics`, label -> text), each used at the first "
            f"meeting, before any of the news:\n\n{rows}"
        )


#: The fixed learners whose scenarios are the practice cases of questions 1, 4a and 5: a
#: learner practises on the first whose case is not their own (a deadline case, or for a
#: deadline-case learner a salary case), so no practice item is one of their own.
_PRACTICE_LEARNERS = ("practice-1", "practice-2")


class WithoutStartingAudit:
    """A learner's scenario as the notebook holds it until section 4: every field is the
    scenario's, except that ``yours``, ``theirs`` and ``weights`` are ``None`` and the
    "audit" part says where the starting audit comes (``LeverageScenario.before_audit``).
    It wraps what ``course.variant`` returned, which may still be the form that asks for
    the course id: it displays as that, and seals the scenario once it is known. Printed,
    it is the scenario without the audit, and it keeps the wrapped scenario only inside
    closures, under no attribute, so that nothing on it reads the starting audit."""

    __slots__ = ("_parts",)

    def __init__(self, scenario):
        from course.variants import CourseIdNeeded

        def without_audit():
            return scenario.before_audit()

        def plain():
            try:
                return repr(without_audit())
            except CourseIdNeeded:
                return repr(scenario)

        def bundle(include, exclude):
            try:
                return without_audit()._repr_mimebundle_(include, exclude)
            except CourseIdNeeded:
                return scenario._repr_mimebundle_(include, exclude)

        object.__setattr__(self, "_parts", (without_audit, plain, bundle))

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self._parts[0](), name)

    def __setattr__(self, name, value):
        raise AttributeError("the scenario is read-only")

    def __dir__(self):
        try:
            return [name for name in dir(self._parts[0]()) if not name.startswith("_")]
        except LookupError:  # the course id is not known yet
            return []

    def __repr__(self):
        return self._parts[1]()

    def _repr_mimebundle_(self, include=None, exclude=None):
        return self._parts[2](include, exclude)


def practice_for(scenario):
    """The practice case of ``scenario``: the scenario of the first ``_PRACTICE_LEARNERS``
    whose case is not ``scenario``'s, with that case's practice facts, news and tactics
    (``_PRACTICE_FACTS``, the news of ``_PRACTICE_NEWS`` that the widget never plays,
    ``_PRACTICE_TACTICS``), which no learner is graded on. The visible checks of questions
    1, 4a and 5 judge it item by item; the learner's own items are marked only when the
    notebook is graded."""
    from course.variants import variant

    for learner in _PRACTICE_LEARNERS:
        practice = variant("00_leverage", learner)
        if practice.case != scenario.case:
            key = practice.case
            news = [item for item in _PRACTICE_NEWS if item.case == key and not item.played]
            facts = [f.text for f in _PRACTICE_FACTS if f.case == key]
            tactics = [t.text for t in _PRACTICE_TACTICS if t.case == key]
            return replace(
                practice,
                facts=MappingProxyType({chr(ord("A") + i): t for i, t in enumerate(facts)}),
                reason_fact="",
                news=MappingProxyType(
                    {f"N{n}": (item.text, item.size) for n, item in enumerate(news, start=1)}
                ),
                tactics=MappingProxyType({f"T{i}": t for i, t in enumerate(tactics, start=1)}),
            )
    raise LookupError(f"no practice case differs from {scenario.case!r}")


def _case_news(key):
    """The news records of case ``key``, in the order the widget plays it."""
    return tuple(item for item in _NEWS if item.case == key)


def _widget_news(key):
    """The news the interactive audit plays for case ``key``: its practice news only, which
    no learner is graded on, less question 4a's practice news (``played`` False), in the
    order the widget plays it."""
    return tuple(item for item in _PRACTICE_NEWS if item.case == key and item.played)


def news_texts(key):
    """The texts of the news the interactive audit plays for case ``key`` (practice news,
    graded for nobody), in order: which rating each moves is ``news_reading``'s to say."""
    return tuple(item.text for item in _widget_news(key))


@answer_key
def news_reading(key, text):
    """How news item ``text`` of case ``key`` moves the audit, as the widget plays it:
    (side, source, signed change). Only the widget's practice news has a reading here."""
    (item,) = [item for item in _widget_news(key) if item.text == text]
    return item._side, item._source, item._change


@answer_key
def news_weakens(key, text):
    """The row of theirs that news item ``text`` of case ``key`` weakens, when the item
    reveals a weakness of theirs (filed as your information up), else "": the interactive
    audit accepts that row, down, as question 4a does (review 90 X1)."""
    (item,) = [item for item in _widget_news(key) if item.text == text]
    return item._weakens


def _by_text(pool, case, texts):
    found = {item.text: item for item in pool if item.case == case}
    return [found[text] for text in texts]


@own_case_key
def fact_key(scenario):
    """The right (source, side) for each of the scenario's facts, by letter."""
    facts = _by_text(_FACTS + _PRACTICE_FACTS, scenario.case, scenario.facts.values())
    return {
        letter: (fact._source, fact._side)
        for letter, fact in zip(scenario.facts, facts, strict=True)
    }


@own_case_key
def news_key(scenario):
    """The right move for each news item, by label: (side, source, signed change)."""
    texts = [text for text, _ in scenario.news.values()]
    items = _by_text(_NEWS + _PRACTICE_NEWS, scenario.case, texts)
    return {
        label: (item._side, item._source, item._sign * size)
        for (label, (_, size)), item in zip(scenario.news.items(), items, strict=True)
    }


@own_case_key
def news_readings(scenario):
    """Every move question 4a accepts for each news item, by label: ``news_key``'s, and for
    news that reveals a new weakness or deadline of theirs also the row of theirs it
    weakens, down, by the same size (review 89 C1). Not your power up (accepted from
    review 108 C2 until review 112 C1): the news is about them, and section 2 files a fact
    on the row of the side it describes, as its ferry example and section 5's re-audit do;
    learning of their weakness changes what you know, not what you hold."""
    texts = [text for text, _ in scenario.news.values()]
    items = _by_text(_NEWS + _PRACTICE_NEWS, scenario.case, texts)
    readings = {}
    for (label, (_, size)), item in zip(scenario.news.items(), items, strict=True):
        readings[label] = ((item._side, item._source, item._sign * size),)
        if item._weakens:
            readings[label] += (("them", item._weakens, -size),)
    return readings


@own_case_key
def tactic_key(scenario):
    """The kind of each of the scenario's tactics, by label."""
    tactics = _by_text(_TACTICS + _PRACTICE_TACTICS, scenario.case, scenario.tactics.values())
    return {label: t._kind for label, t in zip(scenario.tactics, tactics, strict=True)}


@own_case_key
def tactic_kinds_accepted(scenario):
    """Every kind accepted for each of the scenario's tactics, by label: one, or two for a
    tactic on the line between them."""
    tactics = _by_text(_TACTICS + _PRACTICE_TACTICS, scenario.case, scenario.tactics.values())
    return {label: t._kinds for label, t in zip(scenario.tactics, tactics, strict=True)}


@own_case_key
def pretexts(scenario):
    """The labels of the scenario's tactics that tell a lie to get information."""
    tactics = _by_text(_TACTICS + _PRACTICE_TACTICS, scenario.case, scenario.tactics.values())
    return {label for label, t in zip(scenario.tactics, tactics, strict=True) if t._pretext}


@answer_key
def ask_moment(balances, need):
    """The first moment ("now" or a news label) at which the balance is at least ``need``
    points, deciding as the news arrives, without looking ahead; None when it never is."""
    return next((m for m, b in balances.items() if round(b - need, 9) >= 0), None)


@answer_key
def turning_point(balances):
    """The first moment after "now" at which the side ahead differs from the side ahead
    now, or None when it never does."""
    start = _who_leads(balances["now"])
    return next((m for m, b in balances.items() if _who_leads(b) != start), None)


@answer_key
def best_moment(balances):
    """The moment ("now" or a news label) at which your balance is highest."""
    return max(balances, key=balances.get)


@answer_key
def step_gains(scenario):
    """What each step adds to your weighted leverage on average, in points, by name."""
    return dict(
        _step_gains(
            tuple(scenario.yours.items()),
            tuple(scenario.weights.items()),
            tuple(scenario.steps.items()),
        )
    )


@answer_key
@functools.lru_cache(maxsize=1024)
def _step_gains(yours, weights, steps):
    """``step_gains`` on hashable inputs: drawing one learner's steps and budgets asks for
    the same gains hundreds of times, and each is a full audit."""
    yours, weights = dict(yours), dict(weights)
    return tuple(
        (name, expected_gain(yours, weights, source, amount, chance))
        for name, (source, amount, _, chance) in steps
    )


@answer_key
def plans(scenario):
    """Every set of steps that fits in the scenario's budget (the empty plan included), as
    tuples of names in the scenario's order, each with its expected gain in points: the
    steps raise different sources, so their gains add up."""
    return {plan: gain for plan, days, gain in _every_plan(scenario) if days <= scenario.budget}


def _every_plan(scenario):
    """Every set of steps, whatever the budget, in ``plans``' order: ``(plan, days it
    takes, expected gain)``."""
    gains = step_gains(scenario)
    names = list(scenario.steps)
    return [
        (
            plan,
            sum(scenario.steps[name][2] for name in plan),
            sum(gains[name] for name in plan),
        )
        for size in range(len(names) + 1)
        for plan in combinations(names, size)
    ]


@answer_key
def best_plan(scenario):
    """The plan within budget with the highest expected gain, as a tuple of step names."""
    options = plans(scenario)
    return max(options, key=options.get)


@answer_key
def plan_outcomes(scenario, plan):
    """What a plan can lead to: each way its steps can come through or not (independently),
    as (chance, your balance after the steps that came through), from the starting audit."""
    outcomes = []
    for came in product((True, False), repeat=len(plan)):
        chance, ratings = 1.0, dict(scenario.yours)
        for name, through in zip(plan, came, strict=True):
            source, amount, _, p = scenario.steps[name]
            chance *= p if through else 1 - p
            if through:
                ratings = shifted(ratings, {source: amount})
        outcomes.append((chance, leverage_balance(ratings, scenario.theirs, scenario.weights)))
    return outcomes


@answer_key
def reach_chances(scenario, target):
    """Every plan that fits in the budget, with its chance of leaving your balance at
    ``target`` points or more (question 3c)."""
    return {
        plan: sum(chance for chance, balance in plan_outcomes(scenario, plan) if balance >= target)
        for plan in plans(scenario)
    }


@answer_key
def best_reach_plan(scenario, target):
    """The plan within budget most likely to bring your balance to ``target`` or above."""
    chances = reach_chances(scenario, target)
    return max(chances, key=chances.get)


#: How far every outcome of question 3c's best plan that reaches the bar clears it, in
#: points (review 102 X1: ratings cannot show a difference under half a point, so a plan
#: that won by an outcome 0.05 above the bar rewarded precision the course says not to
#: trust).
REACH_CLEAR = 0.25


def _reach_problems(scenario, target):
    """Why ``target`` makes a poor question 3c: a best plan not clear by MARGIN / 2 in
    chance, a best chance of nothing, a plan outcome within MARGIN / 2 of the target, or an
    outcome of the best plan that reaches the target by less than ``REACH_CLEAR``."""
    chances = reach_chances(scenario, target)
    ranked = sorted(chances.values())
    if ranked[-1] <= 0 or ranked[-1] - ranked[-2] < MARGIN / 2 - 1e-9:
        return ["reach: no clear best plan"]
    for plan in plans(scenario):
        if any(abs(b - target) < MARGIN / 2 - 1e-9 for _, b in plan_outcomes(scenario, plan)):
            return ["reach: an outcome on the target"]
    best = max(chances, key=chances.get)
    if any(target <= b < target + REACH_CLEAR - 1e-9 for _, b in plan_outcomes(scenario, best)):
        return ["reach: the best plan reaches the target by less than REACH_CLEAR"]
    return []


@course_at_work
def bold_ask(scenario):
    """Question 3c's ask: a rung of the case's ladder above your starting balance, made at
    the first meeting, before any news, as ``(need, ask)``. The first rung on which the plan
    most likely to reach it is not the plan with the highest average gain, where there is
    one; else the first rung with a clear best plan; ``None`` when no rung has one.

    It is the ask you prepare for, so it is never below question 4b's (``scenario.bar``),
    the same ask or the smaller one you would fall back on if your preparation came to
    nothing (review 76 C1: for 157 of 200 learners the two were two sizes of one term, in
    either order, a smaller one in 3c for 50 of them)."""
    start = leverage_balance(scenario.yours, scenario.theirs, scenario.weights)
    fair = [
        (need, ask)
        for need, ask in CASES[scenario.case].asks
        if need > start + MARGIN
        and need >= scenario.bar - 1e-9
        and not _reach_problems(scenario, need)
    ]
    average = set(best_plan(scenario))
    return next(
        (rung for rung in fair if set(best_reach_plan(scenario, rung[0])) != average),
        fair[0] if fair else None,
    )


# ----- drawing a learner's scenario: each part is redrawn until its invariants hold -----


def _reads_as_story(case, yours, theirs, weights):
    """Whether a drawn starting audit's balance reads as its story's line says: question 2
    passes readings a little off the line (with a note), but the starting audits keep the
    line, as they did, so that no learner's draw changes."""
    reading = describe_balance(leverage_balance(yours, theirs, weights))
    return all(reading in rule.reads for rule in case._rules if rule.kind == "band")


def _lighter_of_pair_above_third(case, weights):
    """Whether a drawn starting audit weighs the lighter row of a case's one dependence above
    the third source. Question 2 now accepts that, but the starting audits section 4 draws keep
    the course's own reading, as they did, so that no learner's draw changes."""
    for rule in case._rules:
        if rule.kind == "pair_cap":
            third = next(s for s in SOURCES if s not in rule.source)
            if min(weights[s] for s in rule.source) > weights[third] + 1e-9:
                return True
    return False


def ceilings(key):
    """The highest rating of each of your sources that case ``key``'s story allows after
    preparation (its "at_most" rules on your side: their ``step_ceiling``, where the bound
    on a reading of the story as it stands is lower), by source."""
    return {
        rule.source: rule.step_ceiling or rule.value
        for rule in CASES[key]._rules
        if rule.kind == "at_most" and rule.side == "you"
    }


def _both_rows_heavy(case, weights):
    """Whether a drawn starting audit weighs both rows of a case's one dependence at ``HEAVY``
    or more: the old rule of question 2, kept for the draw so that no learner's draw changes."""
    return any(
        min(weights[s] for s in rule.source) >= HEAVY - 1e-9
        for rule in case._rules
        if rule.kind == "pair_cap"
    )


def _audit_problems(case, yours, theirs, weights):
    if not all(
        rule.holds(yours, theirs, weights) for rule in case._rules if rule.kind != "pair_cap"
    ) or (
        _both_rows_heavy(case, weights)
        or _lighter_of_pair_above_third(case, weights)
        or not _reads_as_story(case, yours, theirs, weights)
    ):
        return ["audit: breaks the case's story"]
    if any(
        yours[source]
        + min(step.amounts[0] for step in STEPS if (step.case, step.source) == (case.key, source))
        > top
        for source, top in ceilings(case.key).items()
    ):
        return ["audit: every step on a source would take it past the story's ceiling"]
    return []


@answer_key
def _balances(yours, theirs, weights, moves):
    """The balance now and after each move, plain sums (no move is clamped: the news is
    checked already)."""
    ratings = {"you": dict(yours), "them": dict(theirs)}
    balances = {"now": sum(weights[s] * (ratings["you"][s] - ratings["them"][s]) for s in SOURCES)}
    for label, (side, source, change) in moves.items():
        ratings[side][source] += change
        balances[label] = sum(
            weights[s] * (ratings["you"][s] - ratings["them"][s]) for s in SOURCES
        )
    return balances


def _news_problems(yours, theirs, weights, moves, asks=(), before_peak=False, every=True):
    """What is unfair about news ``moves`` on a starting audit, cheapest test first: every
    problem, or with ``every=False`` the first only (a learner's draw needs no more than
    whether there is one; the benchmark counts them all)."""
    ratings = {"you": dict(yours), "them": dict(theirs)}

    def balance():  # the audit is checked already, and no move may be clamped: plain sums
        return sum(weights[s] * (ratings["you"][s] - ratings["them"][s]) for s in SOURCES)

    balances = {"now": balance()}
    for label, (side, source, change) in moves.items():
        moved = ratings[side][source] + change
        # review 102 C2: a move stops at 1, as question 2 rates no source 0 ("none at all")
        if not 1 <= moved <= SCALE:
            return ["news: a move would take a rating to 0 or past 10"]
        ratings[side][source] = moved
        balances[label] = balance()
    values = sorted(balances.values())
    tests = (
        (
            lambda: any(abs(abs(b) - EVEN_WITHIN) < MARGIN - 1e-9 for b in values),
            "news: a balance within 0.1 of the 'even' line",
        ),
        (
            lambda: values[-1] - values[-2] < MARGIN - 1e-9,
            "news: the two best moments to ask within 0.1 points",
        ),
        (lambda: turning_point(balances) is None, "news: the side ahead never changes"),
        (
            lambda: not _later_needs(balances, asks),
            "news: no ask that must wait for news (clear of every moment)",
        ),
        (
            lambda: (
                before_peak
                and _later_needs(balances, asks)
                and not _later_needs(balances, asks, before_peak=True)
            ),
            "news: no ask that must wait for news and comes before the peak",
        ),
    )
    problems = []
    for failed, problem in tests:
        if failed():
            problems.append(problem)
            if not every:
                break
    return problems


def shorter_budget(scenario):
    """Question 3b's days if the talks are brought forward: the most days, fewer than the
    best plan takes, at which at least two plans of one step or more fit (so that there are
    plans to compare, review 67 X3) and one is best by at least MARGIN / 2 points of
    expected gain; 0 when no number of days gives one, and the steps are drawn again."""
    every = _every_plan(scenario)  # once: each budget below keeps the plans that fit
    days = sum(scenario.steps[name][2] for name in best_plan(scenario))
    for budget in range(days - 1, 0, -1):
        fitting = {plan: gain for plan, need, gain in every if need <= budget}
        gains = sorted(fitting.values())
        if (
            sum(1 for plan in fitting if plan) >= 2
            and max(fitting, key=fitting.get)  # best_plan at this budget
            and gains[-1] - gains[-2] >= MARGIN / 2 - 1e-9
        ):
            return budget
    return 0


def _one_at_a_time(scenario, per_day=False):
    """The plan of a learner who takes the steps best first (by expected gain, or by gain
    per day), each one that still fits in the days left; a tuple of names in the
    scenario's order."""
    gains = step_gains(scenario)
    days = {name: scenario.steps[name][2] for name in scenario.steps}
    order = sorted(scenario.steps, key=lambda n: -gains[n] / (days[n] if per_day else 1))
    chosen, left = set(), scenario.budget
    for name in order:
        if days[name] <= left:
            chosen.add(name)
            left -= days[name]
    return tuple(name for name in scenario.steps if name in chosen)


def _crowded(scenario):
    """Whether taking the steps one at a time, largest expected gain first, misses the best
    plan (with no two steps tied on gain or on gain per day, so the greedy plans are one
    each). Greedy by gain per day misses it on many of these draws as well; requiring only
    that would let the likelier shortcut, greedy by gain, pass on the learner's own case."""
    gains = step_gains(scenario)
    for per_day in (False, True):
        keys = sorted(gains[n] / (scenario.steps[n][2] if per_day else 1) for n in gains)
        if any(b - a < 1e-9 for a, b in pairwise(keys)):
            return False
    return _one_at_a_time(scenario) != best_plan(scenario)


def _plan_problems(scenario, crowded=False):
    problems = []
    top = ceilings(scenario.case)
    if any(
        scenario.yours[source] + amount > top[source]
        for source, amount, *_ in scenario.steps.values()
        if source in top
    ):
        problems.append("plan: a step takes a rating past the story's ceiling")
    if crowded and not _crowded(scenario):
        problems.append("plan: taking the steps one at a time finds the best plan")
    if sum(days for *_, days, _ in scenario.steps.values()) <= scenario.budget:
        problems.append("plan: every step fits the budget")
    elif not scenario.short_budget:
        problems.append("plan: no shorter budget has one clear best plan")
    gains = sorted(plans(scenario).values())
    if len(gains) < 2 or gains[-1] - gains[-2] < MARGIN / 2 - 1e-9:
        problems.append("plan: the two best plans within 0.05 points")
    return problems


def _plan_fault(scenario, crowded=False):
    """Whether ``_plan_problems`` finds anything wrong with ``scenario``'s steps once its
    ``short_budget`` is set (``shorter_budget``), as a list of one problem or none: the
    cheap checks first, and ``shorter_budget``, which walks every budget below the best
    plan's, only for steps that pass them all (about one draw of steps in seventy). The
    same steps pass as with ``_plan_problems``; it names only the first problem found, so
    a draw that counts why steps were refused uses ``_plan_problems``."""
    top = ceilings(scenario.case)
    if any(
        scenario.yours[source] + amount > top[source]
        for source, amount, *_ in scenario.steps.values()
        if source in top
    ):
        return ["plan: a step takes a rating past the story's ceiling"]
    if sum(days for *_, days, _ in scenario.steps.values()) <= scenario.budget:
        return ["plan: every step fits the budget"]
    gains = sorted(plans(scenario).values())
    if len(gains) < 2 or gains[-1] - gains[-2] < MARGIN / 2 - 1e-9:
        return ["plan: the two best plans within 0.05 points"]
    if crowded and not _crowded(scenario):
        return ["plan: taking the steps one at a time finds the best plan"]
    if not shorter_budget(scenario):
        return ["plan: no shorter budget has one clear best plan"]
    return []


def _count(rejected, problems):
    if rejected is not None and problems:
        rejected.update(problems)
        rejected["redraws"] += 1


def _redraw(draw, problems_of, rejected):
    """Call ``draw`` until ``problems_of`` finds nothing wrong with what it drew; count
    each problem found in ``rejected`` (a Counter, or None)."""
    for _ in range(MAX_DRAWS):
        drawn = draw()
        problems = problems_of(drawn)
        if not problems:
            return drawn
        _count(rejected, problems)
    raise NoFairDraw("00_leverage")


@functools.cache
def _weight_choices(key):
    """The weights a learner of case ``key`` may get: the case's own, information and
    alternatives each moved by up to 0.1 in steps of 0.05, power the rest; every share at
    least 0.1, and the case's dominant source ahead of each other by at least WEIGHT_GAP."""
    case = CASES[key]
    moves = [-0.1, -0.05, 0.0, 0.05, 0.1]
    choices = []
    for up_info, up_alt in product(moves, moves):
        info = round(case._weights["information"] + up_info, 2)
        alt = round(case._weights["alternatives"] + up_alt, 2)
        weights = {"information": info, "alternatives": alt, "power": round(1 - info - alt, 2)}
        top = weights[case.dominant]
        if min(weights.values()) >= 0.1 - 1e-9 and all(
            top - weights[s] >= WEIGHT_GAP - 1e-9 for s in SOURCES if s != case.dominant
        ):
            choices.append(weights)
    return choices


#: Drawn ratings of yours that may not rise above the case's own (review 72 U4): the salary
#: story never gives Calder's terms and you have one final round, so a drawn 9 for your
#: alternatives (close to "overwhelming") said more than the story does.
DRAW_CEILINGS = {"salary": ("alternatives",)}


def _draw_audit(rng, case):
    def rating(value, top=RATING_RANGE[1]):
        low, high = RATING_RANGE
        return min(high, top, max(low, value + pick(rng, -RATING_SPREAD, RATING_SPREAD, 1)))

    capped = DRAW_CEILINGS.get(case.key, ())
    yours = {
        source: rating(case._yours[source], *([case._yours[source]] if source in capped else []))
        for source in SOURCES
    }
    theirs = {source: rating(case._theirs[source]) for source in SOURCES}
    choices = _weight_choices(case.key)
    return yours, theirs, dict(choices[int(rng.random() * len(choices))])


def _kept_apart(texts):
    """The items a learner who has drawn ``texts`` may not also draw (``APART``)."""
    return {b if a in texts else a for a, b in APART if a in texts or b in texts}


def _in_story_order(items):
    """``items`` with each pair of ``BEFORE`` that was drawn in the wrong order swapped."""
    items = list(items)
    position = {item.text: i for i, item in enumerate(items)}
    for earlier, later in BEFORE:
        if earlier in position and later in position and position[earlier] > position[later]:
            i, j = position[earlier], position[later]
            items[i], items[j] = items[j], items[i]
            position[earlier], position[later] = j, i
    return items


def _draw_news(rng, case, apart=frozenset()):
    pool = [item for item in _case_news(case.key) if item.text not in apart]
    items = _in_story_order(rng.sample(pool, NEWS_PER_LEARNER))
    sizes = {item.text: item.sizes[int(rng.random() * len(item.sizes))] for item in items}
    for earlier, later in UNDOES:
        if earlier in sizes and later in sizes:
            sizes[later] = max(sizes[later], sizes[earlier])
    return {f"N{number}": (item, sizes[item.text]) for number, item in enumerate(items, start=1)}


def _needs(balances, asks):
    """The needs among ``asks`` ((need, ask) pairs) that the balance reaches at some moment
    and that keep at least MARGIN from every balance, so that no moment sits on the line."""
    values = sorted(balances.values())
    return [
        need
        for need, _ in asks
        if need <= values[-1] and all(abs(b - need) >= MARGIN - 1e-9 for b in values)
    ]


def _later_needs(balances, asks, before_peak=False):
    """The needs of ``_needs`` that the balance does not meet now, so the ask must wait for
    news, and first meets at another moment than the turning point (so that question 4b's
    two parts never have one answer); with ``before_peak``, only those first met before the
    balance peaks."""
    now = balances["now"]
    later = _needs(balances, [(need, ask) for need, ask in asks if need > now])
    turning = turning_point(balances)
    later = [n for n in later if ask_moment(balances, n) != turning]
    if before_peak:
        later = [n for n in later if ask_moment(balances, n) != best_moment(balances)]
    return later


def _draw_steps(rng, case, apart=frozenset(), trust=False):
    """One step per source, and the budget; with ``trust``, the power step is the one that
    builds the other side's trust."""
    steps = {}
    for source in SOURCES:
        step = rng.choice(
            [
                s
                for s in STEPS
                if s.case == case.key
                and s.source == source
                and s.name not in apart
                and (s.trust or not trust or source != "power")
            ]
        )
        steps[step.name] = (
            source,
            pick(rng, *step.amounts, 1),
            pick(rng, *step.days, 1),
            pick(rng, *step.chances, 0.05),
        )
    return steps, pick(rng, *case.budget, 1)


def _draw_tactics(rng, case):
    """Four of the case's tactics, in a random order."""
    return rng.sample([t for t in _TACTICS if t.case == case.key], TACTICS_PER_LEARNER)


def _tactics_problems(tactics, apart=frozenset()):
    """Four tactics of at least ``TACTIC_KINDS_AT_LEAST`` kinds, counted by ``group`` (the
    kinds are in the grader's keys) (so no learner's list is mostly one kind), not one of each for everyone (so no answer follows by elimination),
    none in ``apart`` (kept apart from the learner's steps), and at most one ``on_line``
    (review 106 X5)."""
    problems = []
    if len({t.group for t in tactics}) < TACTIC_KINDS_AT_LEAST:
        problems.append("tactics: fewer than three kinds")
    if any(t.text in apart for t in tactics):
        problems.append("tactics: one claims what a step has yet to win")
    if sum(t.on_line for t in tactics) > 1:
        problems.append("tactics: two on section 6's lines")
    return problems


def _unchecked(drawn):
    """The ``problems_of`` of a draw that is not checked: nothing wrong."""
    return []


def _moves(news):
    return {
        label: (item._side, item._source, item._sign * size) for label, (item, size) in news.items()
    }


def _draw_audit_and_news(rng, case, rejected, checked=True, apart=frozenset(), before_peak=False):
    """A starting audit that fits the story, and news that is fair on it (with
    ``before_peak``, news on which some ask is carried before the balance peaks): up to
    NEWS_TRIES draws of news per audit (some audits leave no fair news at all), then a new
    audit, up to ``MAX_DRAWS`` audits."""
    for _ in range(MAX_DRAWS):
        audit = _redraw(
            lambda: _draw_audit(rng, case),
            (lambda a: _audit_problems(case, *a)) if checked else _unchecked,
            rejected,
        )
        for _ in range(NEWS_TRIES):
            news = _draw_news(rng, case, apart)
            problems = (
                _news_problems(
                    *audit, _moves(news), case.asks, before_peak, every=rejected is not None
                )
                if checked
                else []
            )
            if not problems:
                return audit, news
            _count(rejected, problems)
    raise NoFairDraw("00_leverage")


@course_at_work
def leverage_audit(rng, learner, rejected=None, checked=True):
    """Draw a learner's scenario: a case, five of its facts, a starting audit near the
    case's own, four pieces of its news with an ask and the balance it needs, three of its
    steps (the one that builds trust among them when no news spends it) and four of its
    tactics, of at least three kinds. Each part is redrawn until it is fair (see the
    ``_problems`` functions); ``rejected``, a Counter, collects why draws were refused,
    with "redraws" the number of parts drawn again.
    ``checked=False`` draws each part once and checks nothing: the benchmark's baseline,
    never a learner's scenario."""
    case = CASES[sorted(CASES)[int(rng.random() * len(CASES))]]
    facts = rng.sample([f for f in _FACTS if f.case == case.key], FACTS_PER_LEARNER)
    reason = next((i for i, f in enumerate(facts) if f.tricky), 0)
    apart = _kept_apart({f.text for f in facts}) if checked else frozenset()

    before_peak = rng.random() < BEFORE_PEAK_SHARE
    (yours, theirs, weights), news = _draw_audit_and_news(
        rng, case, rejected, checked, apart, before_peak
    )
    balances = _balances(yours, theirs, weights, _moves(news))
    needs = _needs(balances, case.asks) or [case.asks[0][0]]  # only an unchecked draw has none
    sooner = [n for n in needs if n <= balances["now"]]
    if sooner and rng.random() < ASK_NOW_SHARE:
        needs = sooner
    else:
        needs = _later_needs(balances, case.asks, before_peak) or needs
    need = needs[int(rng.random() * len(needs))]
    trust = not any(item.trust for item, _ in news.values())
    base = LeverageScenario(
        module="00_leverage",
        learner=learner,
        case=case.key,
        facts=MappingProxyType({chr(ord("A") + i): f.text for i, f in enumerate(facts)}),
        reason_fact=chr(ord("A") + reason),
        yours=MappingProxyType(yours),
        theirs=MappingProxyType(theirs),
        weights=MappingProxyType(weights),
        budget=0,
        steps=MappingProxyType({}),
        news=MappingProxyType({label: (i.text, size) for label, (i, size) in news.items()}),
        tactics=MappingProxyType({}),
        ask=dict(case.asks)[need],
        bar=need,
    )

    # drawing a learner's steps takes about 140 draws; without a count of why each was
    # refused, a draw's short budget is worked out only once its other checks pass
    # (``_plan_fault``): the same draws pass, as ``shorter_budget`` draws nothing
    lazy = checked and rejected is None
    plan_problems = _plan_fault if lazy else _plan_problems

    def with_steps():
        steps, budget = _draw_steps(rng, case, apart, trust and checked)
        drawn = replace(base, steps=MappingProxyType(steps), budget=budget)
        return drawn if lazy else replace(drawn, short_budget=shorter_budget(drawn))

    scenario = None
    if checked and rng.random() < CROWDED_SHARE:
        # some audits leave no steps on which one at a time misses the best plan: after
        # CROWDED_TRIES draws the learner gets steps without that requirement
        for _ in range(CROWDED_TRIES):
            drawn = with_steps()
            problems = plan_problems(drawn, crowded=True)
            if not problems:
                scenario = drawn
                break
            _count(rejected, problems)
    if scenario is None:
        scenario = _redraw(with_steps, plan_problems if checked else _unchecked, rejected)
    if lazy:
        scenario = replace(scenario, short_budget=shorter_budget(scenario))
    kept = _kept_apart(set(scenario.steps))
    tactics = _redraw(
        lambda: _draw_tactics(rng, case),
        (lambda drawn: _tactics_problems(drawn, kept)) if checked else _unchecked,
        rejected,
    )
    return replace(
        scenario,
        tactics=MappingProxyType({f"T{i}": t.text for i, t in enumerate(tactics, start=1)}),
    )
