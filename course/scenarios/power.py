"""Module 03's scenario: a small firm, Kestrel, with a licence two buyers want, a seat on a
jointly owned laboratory's board, an old test rig to sell, a contract to close while short
of work, three ways to strengthen its hand, and four things it might say at the table.

Every learner's numbers are drawn, then checked against the module's invariants
(``_INVARIANTS``): a draw that breaks one (an answer on a rule's boundary, a question with
nothing to decide, a number implausible for the story) is thrown away and drawn again.
``drawn`` reports what was thrown away, for the sweep benchmark.
"""

import dataclasses
import functools
import math
import random
from dataclasses import dataclass
from fractions import Fraction
from types import MappingProxyType

from course.checks.calls import answer_key, course_at_work, own_case_key
from course.grader_keys import own_case_labels
from course.scenarios.base import MAX_DRAWS, NoFairDraw, Scenario, pick

YOU = "Kestrel"
BUYERS = ("Atlas", "Borealis")
OTHER_MEMBERS = ("Ironvale", "Marrow", "Quillon", "Tessaly")

#: The three ways Kestrel can strengthen its hand (question 8), as the answer names them.
LEVERS = ("bidder", "loan", "harrow")

#: How Kestrel can answer Granite's proposal (question 7).
#: Review 106, C1 (round 107): "take Harrow", walking out on Granite's first proposal, was
#: the answer where Harrow binds, against question 4's "rival" (name the rival's figure and
#: keep the door open), section 7 and question 9b; "name Harrow" (ask Granite to meet Harrow's
#: figure, leave only if Granite will not meet it) is the answer there now.
REPLIES = ("accept", "reject", "name Harrow")
#: Question 7's earlier labels, kept so that answers written with them keep their marks:
#: "insist on Harrow" (before review 80, U2: "insist" read as the ultimatum question 9b
#: marks down) and "take Harrow" (the walk-out, before round 107). Each was the answer in
#: exactly the cases where "name Harrow" is now.
REPLY_ALIASES = MappingProxyType({"insist on Harrow": "name Harrow", "take Harrow": "name Harrow"})

#: The labels of question 9: module 00's four kinds of move.
LABELS = ("legitimate", "bluff", "misrepresentation", "illegitimate")

#: What Kestrel can do about Harrow when it next talks to Granite (question 9, part b).
HARROW_MOVES = ("mention", "confirm first", "keep quiet", "ultimatum")

#: The bases of power question 1 names (section 1): a role others accept, what someone
#: knows, whom others admire, what someone controls that others need.
BASES = ("authority", "expert", "referent", "resource")

#: Who depends on whom in one of question 1's facts.
DEPENDENCE = ("them on Kestrel", "Kestrel on them")

#: What Kestrel puts forward in its reply to Atlas (question 4).
REASONS = ("rival", "accept", "yardstick")
#: The reason's earlier name (until review 77): a notebook answered before still earns it.
REASON_ALIASES = MappingProxyType({"fairness": "yardstick"})

#: How Kestrel would reach the rig's alternative in each version (question 5).
RIG_KINDS = ("outside option", "breakdown payoff")
#: Question 5's versions, two of each kind in every draw (``_rig``).
RIG_LETTERS = "ABCD"

#: Margins every draw keeps from a rule's threshold, so no answer sits on a boundary.
SHAPLEY_MARGIN = 0.03  # Atlas's proposal vs Borealis's value, as a share of Atlas's value
HARROW_MARGIN = 0.03  # Harrow's offer vs Kestrel's share at the table, relative
OFFER_MARGIN = 0.03  # Granite's proposal vs Kestrel's equilibrium share, relative
LEVER_MARGIN = 2_000  # the best lever's gain over the second best, in money, at least ...
LEVER_SHARE = 0.10  # ... and at least this share of the best gain
LEVER_SOMETHING = 1_000  # the second-best lever adds at least this (review 103, X5)
THREAT_MARGIN = 0.05  # a bluffed threat's price above Borealis's value, relative
RIG_MARGIN = 0.10  # the rig's alternative vs half of Dunmore's value, as a share of it
FIGURE_STEP = 5_000  # Atlas's figure (question 4) is a multiple of this ...
FIGURE_MARGIN = 1_000  # ... this far from Kestrel's Shapley value, Borealis's and section 5's price

#: The most the licence money's coming on signing, at most a quarter sooner, may be worth to
#: Kestrel, as a share of the licence's price (question 6; review 77, X1). Review 102, X2:
#: 0.15 left room for a gain clearly above the loss for only 23% of the learners who lose
#: something; 0.2 leaves it for about a third (the money also pays for an order's materials)
SIGNING_GAIN_CAP = 0.2
#: Where the cap allows a gain this many times the loss, question 6's gain is drawn above
#: the loss (review 102, X2), clear of the invariant's band of 0.8 to 1.2 times it
SIGNING_GAIN_ABOVE = 1.25
#: Where Borealis's offer is at least half of Atlas's value, the share of it Borealis would
#: offer paid on signing (question 6; review 103, X1: the change there cost nothing)
SIGNING_BOREALIS = (0.85, 0.9, 0.95)

#: Question 6's ratio of Kestrel's rate of loss to Atlas's, in words (review 110, U4)
SIGNING_TIMES = {2: "twice", 3: "three times", 4: "four times"}
#: Plausible discount factors per month (what a deal a month later is worth today).
LICENCE_YEARS = 10  # the licence's remaining term in the story (question 6)
DELTA_YOU = (0.85, 0.94)  # Kestrel, short of cash: 6 to 15 % of the deal lost per month
DELTA_THEM = (0.95, 0.98)  # Granite, a large retailer
DELTA_LOAN = 0.97  # the most patient a bridging loan makes Kestrel (and always less
# patient than Granite: engineers with nothing to do may still leave, so Kestrel stays the
# impatient side)
#: The most Harrow's raised margin may be, as a share of the Granite contract's gain (review
#: 70, U8: drawn up to 1.8 times Harrow's offer, it reached 173,000 of a 200,000 gain).
HARROW_RAISE_CAP = 0.6


@dataclass(frozen=True)
class Tactic:
    """One thing Kestrel might say or do at the table (question 9): ``amount`` is the number
    it quotes (0 when none), ``party`` whom it concerns. Which template it comes from is no
    attribute of it, since the template's name would give away the label (review 5, E1:
    ``tactic_kind(t)`` did, through ``dir()``); the checks read it from the text (``tactic_kind``)."""

    letter: str
    amount: float
    party: str
    text: str


#: Each template of question 9: (party it is said to, the label's rule, the text).
#: A rule is a label, or "threat" (legitimate when the price is Borealis's value, which
#: Borealis has committed to pay, so that the demand is a warning of what Kestrel would do
#: anyway; a bluff when
#: it is above, where "misrepresentation" is accepted too: see ``tactic_labels``), or
#: "harrow" (legitimate
#: when the figure is Harrow's real offer, a misrepresentation when it is inflated).
_TACTICS = {
    "calm_borealis": (
        "Atlas",
        "legitimate",
        'To Atlas: "Borealis has told us it wants the licence too. We would rather it went '
        'to you, if we can agree a price."',
    ),
    "borealis_threat": (
        "Atlas",
        "threat",
        'To Atlas: "Unless you pay at least {amount}, we will sell the licence to Borealis."',
    ),
    "harrow_offer": (
        "Granite",
        "harrow",
        'To Granite: "Harrow has offered us work that would earn us a margin of {amount}. We '
        'would still rather do this with you, so let us find terms that suit us both."',
    ),
    "limit_claim": (
        "Granite",
        "bluff",
        'To Granite: "We cannot take a margin below {amount}."',
    ),
    "corvid_bid": (
        "Atlas",
        "misrepresentation",
        'To Atlas: "Corvid has already made us a firm offer of {amount} for the licence."',
    ),
    "planning_committee": (
        "Granite",
        "illegitimate",
        "Kestrel's chair sits on the town council's planning committee, which votes next "
        "month on Granite's new warehouse. She mentions the vote while you discuss the "
        "contract.",
    ),
    "bought_costs": (
        "Granite",
        "illegitimate",
        "A Granite employee offers to sell Kestrel a copy of Granite's confidential cost "
        "sheet for the contract. Kestrel pays and uses it to set its demands.",
    ),
}

#: Besides the threat and what Kestrel says of Harrow, every draw has exactly one of these
#: illegitimate sources (the course's ethics asks every learner to meet one) ...
_ILLEGITIMATE_TACTICS = ("planning_committee", "bought_costs")
#: ... and one of these: what Kestrel says to Atlas of its rivals, or a claimed limit.
#: The invented bid is Corvid's, a firm that has made no offer (bringing it in is a move of
#: part 5): Atlas holds a copy of Borealis's offer, so a false figure for Borealis would
#: deceive nobody (review 3, E9).
_TABLE_TACTICS = ("calm_borealis", "limit_claim", "corvid_bid")


@dataclass(frozen=True)
class PowerFact:
    """One fact of question 1 about who needs whom. Its template is no attribute of it, since
    the template's name would give the answer away (review 5, E1); the checks read it from
    the text (``fact_kind``)."""

    letter: str
    text: str


#: Question 1's facts: template -> (base group, direction group, the text). Each base comes
#: with facts of both directions; none uses power that is not its holder's. Their labels
#: (base of power, who depends on whom, and a second base a careful reader can defend) are
#: in the grader's keys (``grader-keys/03_power.json``, pool "facts": text -> [base,
#: depends, [other bases]]), read where grading runs (review 72). The draw's invariants need
#: only which facts share a base or a direction, so each fact keeps two numbers here: facts
#: with the same base share the first, facts with the same direction the second, and the
#: numbers, given in the alphabetical order of the texts as first worded, name no label.
#: Review 110, U6 (round 111): the facts no longer borrow Harrow's and Dunmore's names,
#: which the story gives other roles (Kestrel's outside option, the rig's buyer).
_POWER_FACTS = {
    "only_licence": (
        1,
        2,
        "Kestrel holds the only licence for the coating process, and Atlas needs the process "
        "for its new product line.",
    ),
    "only_bracket": (
        1,
        2,
        "Kestrel is the only maker that can deliver the bracket Fellgate's new test bench is "
        "built around; the laboratory has no other design to fall back on.",
    ),
    "harrow_furnace": (
        1,
        1,
        "Wexley owns the only furnace in the region large enough to cure Kestrel's biggest "
        "parts, and Kestrel has no other way to cure them.",
    ),
    "dunmore_alloy": (
        1,
        1,
        "Thornbury holds the last stock of a rare alloy that Kestrel must have to finish an "
        "order this month.",
    ),
    "granite_signature": (
        4,
        1,
        "Granite's rules say that only its head of purchasing may sign a supplier contract, "
        "and Kestrel's deal waits for her signature.",
    ),
    "fellgate_chair": (
        4,
        1,
        "The owners elected Ironvale's director to chair Fellgate's board; under the board's "
        "rules a proposal reaches a vote only if the chair puts it on the agenda, and Kestrel "
        "wants its coatings line voted on.",
    ),
    "harrow_approval": (
        4,
        2,
        "Kestrel leads a bid for a rail contract. Under the rail operator's tender rules, "
        "which every firm in the bid accepts, the lead bidder alone chooses its own "
        "subcontractors and what each makes, and Ashby wants to make the largest part.",
    ),
    "inventor": (
        2,
        2,
        "Kestrel's chief engineer invented the coating process; Atlas's engineers would need "
        "her to show them how to apply it, and nobody else could.",
    ),
    "failure_analysis": (
        2,
        2,
        "When a coating fails on Granite's shelves, Granite's engineers cannot tell why; "
        "Kestrel's chemist can, and Granite calls her every time.",
    ),
    "dunmore_metallurgist": (
        2,
        1,
        "Selwyn's metallurgist is the one person Kestrel turns to when a part cracks, and "
        "nobody at Kestrel can find the cause without her.",
    ),
    "admired_founder": (
        3,
        2,
        "Kestrel's founder is admired across the trade; Oakhurst's young managers want to be "
        "seen working with her and copy the way she runs things.",
    ),
    "admired_buyer": (
        3,
        1,
        "Granite's chief executive is a figure the whole industry looks up to; Kestrel's "
        "people would be proud to be known as her supplier and want her good opinion.",
    ),
}


#: Question 1's practice case, the same for every learner and shown in the notebook's text:
#: number -> (base of power, who depends on whom, the text). Its facts are none of
#: ``_POWER_FACTS``, so its feedback judges no fact of a learner's own case; each base comes
#: once, and each direction twice.
PRACTICE_FACTS = {
    "1": (
        "authority",
        "Kestrel on them",
        "The port's harbour master, whose office both the port's users and its owners "
        "accept, decides which ship gets the last free berth this winter, and Kestrel's "
        "shipment of steel needs one.",
    ),
    "2": (
        "resource",
        "them on Kestrel",
        "Kestrel owns the only salt-spray test chamber in the country, and Vane Motors may "
        "not sell its new door hinge until the hinge has passed a test in such a chamber.",
    ),
    "3": (
        "expert",
        "them on Kestrel",
        "Vane Motors' designers cannot work out why their new paint blisters in the cold; "
        "Kestrel's senior chemist has solved the same problem before and can tell them.",
    ),
    "4": (
        "referent",
        "Kestrel on them",
        "Vane Motors' founder, now its honorary chair, is a legend among engineers; Kestrel's "
        "apprentices ask to meet her and hope she will think well of their work.",
    ),
}

#: Question 9's practice case, the same for every learner and shown in the notebook's text.
PRACTICE_SETTING = (
    "Kestrel is selling a used press to Pell. Orrin has signed a promise to buy the press for "
    "30,000 whenever Kestrel asks, so Kestrel would sell to Pell only above 30,000; no other "
    "firm has made an offer. Kestrel says or does:"
)

#: Question 9's practice statements: number -> (labels accepted, what decides it, said without
#: naming the label, the text). The threat (2) takes either of two labels, as a threat does in
#: the learner's own case (``tactic_labels``).
PRACTICE_TACTICS = {
    "1": (
        ("legitimate",),
        "ask whether Orrin's promise is real and whether Kestrel would sell to Orrin if "
        "Pell offered less than 30,000",
        'To Pell: "Orrin has promised in writing to pay 30,000. Unless you pay more, we will '
        'sell to Orrin."',
    ),
    "2": (
        ("bluff", "misrepresentation"),
        "compare 38,000 with Orrin's 30,000: if Pell offered 35,000, would selling to Orrin "
        "leave Kestrel better off or worse off, and so would Kestrel do what it says?",
        'To Pell: "Unless you pay at least 38,000, we will sell the press to Orrin."',
    ),
    "3": (
        ("misrepresentation",),
        "compare what Kestrel says of Tolland with the setting, and ask whether Pell would "
        "rely on it",
        'To Pell: "Tolland has already offered us 36,000 for the press."',
    ),
    "4": (
        ("illegitimate",),
        "ask whose information Pell's budget is, and who was bound to keep it, however "
        "true the figure may be",
        "A friend of Kestrel's sales manager works in Pell's finance office and, against "
        "Pell's rules, tells her Pell's budget for the press. Kestrel sets its price by it.",
    ),
}


@dataclass(frozen=True)
class RigVersion:
    """One version of what else Kestrel could get for its old test rig (question 5): its
    ``amount`` and the ``text`` that tells the story. Whether Kestrel would reach it by
    walking out or is left with it if the talks end on their own is no attribute of it
    (review 5, E1: ``v.walk_out`` answered question 5 without reading the story); the checks
    read it from the text (``walks_out``). A scenario's four versions hold two of each kind."""

    letter: str
    amount: float
    text: str


#: Three ways to tell each kind of alternative for the rig; {x} is its amount. An outside
#: option can be taken only at the moment Kestrel turns down a proposal from Dunmore: the
#: condition deal-me-out needs (Shaked 1994 shows that an option the holder can also take
#: after its own proposal is refused gives another result). No single word tells the kinds
#: apart (tests/test_models_power.py checks it): the reader must judge who can end the talks.
#: One text of each kind (a fresh review, W6) leaves even that to inference: it says neither
#: that the talks cannot fail on their own nor that an event would end them. No phrase of
#: up to six words is in every text of one kind and none of the other, the practice texts
#: included (session 55's review, W5: "would then, and only then," told the kinds apart for
#: 250/250 learners), and one walk-out text names an event that cannot end the talks.
_RIG_TEXTS = {
    "outside option": (
        "The talks cannot fail on their own. A dealer in used equipment "
        "has a standing offer to buy the rig for {x}; Kestrel may accept it at the moment it turns "
        "down a proposal from Dunmore, and that ends the talks.",
        "A university laboratory has offered {x} for the rig, and its offer does not lapse. On "
        "any day Kestrel refuses one of Dunmore's proposals, it could then take the "
        "laboratory's offer instead and leave the talks; nothing else can end them.",
        "A buyer abroad would pay {x} for the rig. Kestrel can accept, and so end its talks "
        "with Dunmore, only in answer to a proposal from Dunmore that it rejects. Dunmore's "
        "bank reviews its loans each quarter, but Dunmore pays from its own cash, so no review "
        "could stop the purchase.",
    ),
    "breakdown payoff": (
        "Dunmore would buy the rig with money lent by its bank, and the bank could withdraw its "
        "loan on any day of the talks; Dunmore has no other money to buy it with. A dealer in "
        "used equipment would then, and only then, buy the rig from Kestrel for {x}.",
        "Dunmore's approval to buy the rig lapses on a day nobody knows unless a contract is "
        "signed by then, and that would end the talks; a signed purchase is unaffected. Only "
        "if the approval lapsed in that way would a university laboratory buy the rig, for "
        "{x}.",
        "On any day before a contract is signed, Dunmore's parent company may take back the "
        "budget set aside for the rig, which would end the talks whatever either side wants "
        "and leave Dunmore no money for any rig; once signed, the sale is safe. Should that "
        "happen, a buyer abroad would pay Kestrel {x} for the rig; in no other case would it "
        "buy.",
    ),
}


#: Question 5's practice case, the same for every learner and shown in the notebook's text:
#: what Pell would pay for a lathe worth nothing to Kestrel, and number -> (reached by walking
#: out, the amount, the text). Its texts are none of ``_RIG_TEXTS``, so its feedback judges no
#: version of a learner's own case; the amounts are equal, so only the way Kestrel reaches
#: the alternative sets the two prices apart.
PRACTICE_RIG_VALUE = 40_000
PRACTICE_RIG = {
    "1": (
        True,
        12_000,
        "A rival workshop will buy the lathe for 12,000 on any day Kestrel likes. To sell to it, "
        "Kestrel must turn down a proposal from Pell and leave the talks; nothing else can end "
        "them.",
    ),
    "2": (
        False,
        12_000,
        # review 114 (words paid for its fixes): shorter, the same facts
        "Pell wants the lathe for one customer's order, which that customer may cancel on any "
        "day before Kestrel and Pell sign, ending the talks. A rival workshop would buy the "
        "lathe for 12,000 if that happened, and at no other time.",
    ),
}


@answer_key
def practice_rig_price(number):
    """Question 5's prediction for practice version ``number``: deal-me-out for the one
    reached by walking out, the Nash split from the amount for the other."""
    walk_out, x, _ = PRACTICE_RIG[number]
    m = PRACTICE_RIG_VALUE
    return max(m / 2, x) if walk_out else x + (m - x) / 2


def money(amount):
    """An amount as the story shows it: 64,200."""
    return f"{amount:,.0f}"


def votes_of(number):
    """A number of votes as the story and the hints say it: "1 vote", "3 votes"."""
    return f"{number} vote" if number == 1 else f"{number} votes"


# --- what the checks read from a learner's objects (review 5, E1) ----------------------------
# The keys are not attributes of the objects a learner is handed (``dir()`` and Tab completion
# show every field, ``repr=False`` or not): each is read back from the text the learner reads.


@own_case_key
@functools.lru_cache(maxsize=4096)
def tactic_kind(tactic):
    """The template of question 9's ``tactic``, read from its text and amount."""
    for kind, (_, _, template) in _TACTICS.items():
        if template.format(amount=money(tactic.amount)) == tactic.text:
            return kind
    raise ValueError(f"not one of question 9's statements: {tactic.text!r}")


_FACT_KINDS = {text: kind for kind, (_, _, text) in _POWER_FACTS.items()}


@own_case_key
def fact_kind(fact):
    """The template of question 1's ``fact``, read from its text."""
    try:
        return _FACT_KINDS[fact.text]
    except KeyError:
        raise ValueError(f"not one of question 1's facts: {fact.text!r}") from None


@answer_key
@functools.lru_cache(maxsize=4096)
def walks_out(version):
    """Whether Kestrel reaches the rig's alternative in ``version`` by walking out (an
    outside option) rather than being left with it when the talks end on their own (a
    breakdown payoff), read from its text."""
    return rig_wording(version) in _RIG_TEXTS[RIG_KINDS[0]]


@answer_key
def rig_wording(version):
    """The text of question 5's ``version`` with its amount as ``{x}``: one of
    ``_RIG_TEXTS``, so that a check can tell another amount in the same words."""
    for texts in _RIG_TEXTS.values():
        for text in texts:
            if version.text == text.format(x=money(version.amount)):
                return text
    raise ValueError(f"not one of question 5's versions: {version.text!r}")


@answer_key
def atlas_proposal(s):
    """The price Atlas proposes: Kestrel's Shapley value, rounded to the hundred. Not an
    attribute of the scenario (review 5, E1), since working it out is question 2's."""
    return float(round(kestrel_shapley(s), -2))


@dataclass(frozen=True)
class KestrelPower(Scenario):
    """Kestrel's situations: a scarce licence, a board vote, a rig, a contract, three levers
    and four statements."""

    atlas_value: float  # what the licence is worth to Atlas (the keener buyer) ...
    borealis_value: float  # ... and to Borealis, the rival buyer
    members: tuple  # the laboratory's owners: (name, votes) pairs, Kestrel last
    quota: int  # votes a board decision needs
    rig_value: float  # what Kestrel's old test rig is worth to Dunmore (nothing to Kestrel)
    rig_versions: tuple  # four RigVersion, lettered A to D, two of each kind
    contract_value: float  # the Granite contract's joint gain (its worth to Granite less
    # Kestrel's cost), to split between the two: Kestrel's part is its margin
    delta_you: float  # what a deal one month later is worth to Kestrel, per unit today
    delta_them: float  # ... and to Granite
    outside_offer: float  # the margin Harrow's work would earn Kestrel, if it walks away
    granite_offer: float  # Granite's first proposal: Kestrel's part of the gain (its margin)
    corvid_value: float  # lever "bidder": a third buyer, Corvid, would pay this for the licence
    delta_with_loan: float  # lever "loan": Kestrel's monthly discount factor with a bridging loan
    harrow_raised: float  # lever "harrow": the margin Harrow offers after Kestrel courts it
    tactics: tuple  # four Tactic, lettered A to D
    harrow_in_writing: bool  # Harrow's offer is in a signed letter (else only by telephone)
    power_facts: tuple  # four PowerFact, lettered A to D (question 1)
    # question 6: paid on signing, Kestrel would lose this many times as fast as Atlas ...
    signing_ratio: int = 3
    # ... and getting the money sooner would be worth this much to Kestrel ...
    signing_gain: float = 0.0
    # ... and Borealis's offer would then be this, paid on signing too (review 103, X1)
    signing_borealis: float = 0.0
    # question 9b: in a later negotiation, Granite's estimate of Kestrel's share at the table
    granite_guess: float = 0.0
    # question 3: two owners' offers to sell Kestrel votes, (owner, votes) pairs, same price
    vote_offers: tuple = ()
    # question 4: Atlas's figure, within 10,000 of Kestrel's Shapley value
    atlas_figure: float = 0.0

    @property
    def weights(self):
        """The members' votes, in the order of ``members``."""
        return [votes for _, votes in self.members]

    @property
    def names(self):
        """The members' names, in the order of ``members``."""
        return [name for name, _ in self.members]

    @property
    def signing_overdraft_rate(self):
        """Question 6's overdraft interest as a rate of loss a year, which makes Kestrel lose
        ``signing_ratio`` times as fast as Atlas: over a licence with LICENCE_YEARS to run,
        use lost gives both a rate of loss of 1 / LICENCE_YEARS a year (the licence's worth
        falls by that share of what is left), and Kestrel also the overdraft's, so the ratio
        is 1 + rate * LICENCE_YEARS (review 67, E1). Review 103, U6: the story no longer states
        these rates, only the ratio and its reason in words; the check still takes the price
        a learner worked from the rates of an older wording (``yearly_share_price``)."""
        return (self.signing_ratio - 1) / LICENCE_YEARS

    def _signing_cut(self):
        """What paying on signing does to Borealis's offer, as question 6's note says it."""
        if self.signing_borealis == self.borealis_value:
            return ""
        return (
            f", but for {money(self.signing_borealis)}, as it would have to borrow to pay that "
            "much sooner"
        )

    def _harrow_terms(self):
        """How Harrow's offer was made (``s.harrow_in_writing``), as the story says it."""
        if self.harrow_in_writing:
            return (
                "Harrow's offer is in a signed letter that Kestrel could show "
                "(`s.harrow_in_writing`)."
            )
        return (
            "Harrow made its offer by telephone, and nothing is in writing yet, though Harrow "
            "would confirm it in a letter if Kestrel asked (`s.harrow_in_writing`)."
        )

    def story(self):
        rows = "\n".join(f"| {name} | {votes} |" for name, votes in self.members)
        offers = ", or ".join(f"{votes_of(votes)} from {name}" for name, votes in self.vote_offers)
        said = "\n".join(f"- **{t.letter}.** {t.text}" for t in self.tactics)
        needs = "\n".join(f"- **{f.letter}.** {f.text}" for f in self.power_facts)
        versions = "\n".join(f"- **{v.letter}.** {v.text}" for v in self.rig_versions)
        return (
            "You run **Kestrel**, a small components firm. Your scenario has seven parts.\n\n"
            # review 79, U4 (round 80): one fact a line; the sentences are as they were
            "**1. A licence two buyers want** (`s.atlas_value`, `s.borealis_value`).\n\n"
            "- Kestrel holds the only licence for a coating process; "
            "Kestrel has no use for the process itself. There is one licence: "
            "whoever gets it uses it alone, and without Kestrel nobody gets anything.\n"
            f"- **Atlas** would pay up to {money(self.atlas_value)} for it today and "
            f"**Borealis** up to {money(self.borealis_value)}; both have told Kestrel they "
            "want it.\n"
            "- Borealis has "
            "made Kestrel a firm written offer for the licence, should Atlas not take it: "
            f"{money(self.borealis_value)} signed today, and Borealis will go no higher; it has "
            "sent Atlas a copy, so Atlas knows both values.\n"
            "- Kestrel can accept that offer only at the moment it turns down "
            "a proposal from Atlas, which ends its talks with Atlas.\n"
            "- Offers for the licence go back and forth within days, not months.\n"
            "- A day's delay costs Kestrel and Atlas the same small share of what each gets, "
            "and Borealis's offer falls by that same share each day (why: the first note below).\n"
            "- Atlas now proposes "
            "to pay **Kestrel's Shapley value** (a benchmark of a fair split, section 2) in this "
            "market and "
            "calls it fair, but has not put a figure on it.\n"
            "- *Atlas's figure* (`s.atlas_figure`): later, Atlas names a figure of its own, "
            f"{money(self.atlas_figure)}, and calls it Kestrel's Shapley value; "
            "it is a multiple of 5,000 within 10,000 of that value, above or below. "
            "Atlas worked it out roughly. Atlas "
            "hopes to buy from Kestrel again, but it is still a buyer: check the figure.\n\n"
            # review 94, U2: what only justifies the equal rates of loss, and question 6's
            # what-if, wait in collapsed notes
            "<details><summary>Why equal rates of loss?</summary>\n\n"
            "- Whatever day the deal is "
            "signed, the buyer pays on one fixed date, the first day of next quarter: the "
            "money waits in escrow until then, so signing sooner brings Kestrel no cash "
            "sooner and its overdraft (part 4) plays no part in these talks.\n"
            # review 110, C1 (round 111): a fixed end date has a last round, which section
            # 4's model rules out; ten years off, a day's share barely changes, as now said
            "- The licence runs to a "
            f"fixed end date {LICENCE_YEARS} years away, and every offer, Atlas's included, is "
            "a total in proportion to the months left of it: each day unsigned is a day less of use for the "
            "buyer and a day less of payment for Kestrel, about one part in "
            f"{LICENCE_YEARS * 365:,} of what is left.\n"
            "- Over talks of days, that share barely changes; section 4's model takes it as "
            "the same every round, with no deadline.\n\n"
            "</details>\n\n"
            "<details><summary><i>Paid on signing?</i> (for question 6)</summary>\n\n"
            "(`s.signing_ratio`, `s.signing_gain`, `s.signing_borealis`) A what-if: suppose "
            "that before the talks began Atlas had offered to change one term: the buyer "
            "would pay the day the deal is signed instead of on the fixed date, and Borealis "
            f"has said its offer would then come on the same terms{self._signing_cut()}. "
            "The money would come "
            "sooner, whoever buys, and cash in hand at signing would let Kestrel buy the "
            "materials for an order it would otherwise have to turn down, and would spare it "
            "overdraft interest until the fixed date: together worth about "
            f"{money(self.signing_gain)} to Kestrel; but while the deal is unsigned, Kestrel "
            # review 103, U6 (round 105): the ratio alone; the yearly rates of loss the story
            # also gave (review 100, X1) said it twice and invited reading 0.1 a year as
            # delta = 0.9. The reason for the ratio stays, in words. Review 110, U4 (round
            # 111): said plainly, as a multiple of Atlas's rate of loss
            f"would then lose at {SIGNING_TIMES[self.signing_ratio]} Atlas's rate (section 4's "
            "rate of loss): a day of the licence's worth each day, as Atlas does, plus the "
            "interest on Kestrel's overdraft while it waits for the money. Nothing else would "
            "change: Borealis's offer is still "
            f"in proportion to the months left, {money(self.signing_borealis)} signed today, and Kestrel can "
            "still take it only by turning down a proposal from Atlas.\n\n"
            "</details>\n\n"
            "**2. A board vote** (`s.members`, `s.quota`, `s.vote_offers`). Kestrel owns a small share of "
            "Fellgate, a testing laboratory run as a joint venture by five firms. Its board "
            "decides which test lines to add by weighted vote, each owner voting its shares; "
            f"a decision needs **{self.quota}** votes, a fixed number written into Fellgate's "
            "rules; since a new line commits every owner's money, the rules may ask for far "
            "more than half. Kestrel wants a line for coatings.\n\n"
            f"| owner | votes |\n|---|---|\n{rows}\n\n"
            "Two owners that now use the laboratory little would each sell Kestrel some votes, "
            f"at the same price, and Kestrel can afford one offer: {offers}.\n\n"
            "**3. An old test rig** (`s.rig_value`, `s.rig_versions`). Kestrel is selling a "
            f"test rig it no longer uses to **Dunmore**, which would pay up to "
            f"{money(self.rig_value)} for it. Both answer each other's proposals within a "
            "day. Here are four versions, A to D, of what else Kestrel could do with the rig; "
            "each is a separate what-if, not something that happens alongside the others:"
            f"\n\n{versions}\n\n"
            "**4. A contract, short of work** (`s.contract_value`, `s.delta_you`, "
            "`s.delta_them`, `s.outside_offer`, `s.granite_offer`).\n\n"
            # review 80, U5 (round 81): one fact a line, as part 1; the sentences as they were
            "- **Granite**, a large retailer, offers Kestrel a contract worth "
            f"{money(self.contract_value)} to the two of them together: what the work is "
            "worth to Granite above what doing it costs Kestrel. The price splits that gain; "
            "Kestrel's part is its margin.\n"
            "- Granite proposes first; after a rejection the "
            "other side proposes a month later.\n"
            "- Kestrel is short of work and of cash: once the "
            "one order it is finishing this month is done, it has no other work booked (a "
            "bid is not yet work).\n"
            "- It keeps its engineers on the payroll either way, so their "
            "wages do not depend on when the contract is signed, but it pays them late, out of "
            "an expensive overdraft.\n"
            # review 110, C1 (round 111): the work ran to a fixed end date, so a month's delay
            # cut it short and the talks had a last round, unlike section 4's model
            "- The contract's work runs for a fixed term from the day it is signed, so a later "
            "start cuts none of it, and Granite pays Kestrel's margin month by month as the "
            "work is done. So each month unsigned puts all of Kestrel's margin a month later, "
            "and Kestrel pays a month's more overdraft interest on that sum: a share of "
            "Kestrel's own margin, whatever the split, and the same share every month, with no "
            "deadline, as section 4's model assumes.\n"
            "- Counted so, a deal a "
            f"month later is worth only {self.delta_you:.2f} of the same deal today to Kestrel. "
            "Granite loses a smaller share of what the deal brings it by "
            "waiting (the goods would reach its shops a month later): "
            f"{self.delta_them:.2f}. Each knows how patient the other is.\n"
            "- **Harrow** has "
            "offered Kestrel other work, which would "
            f"earn Kestrel a margin of {money(self.outside_offer)} instead; Kestrel can walk "
            f"away to it whenever it answers a proposal. {self._harrow_terms()} "
            "Harrow told Granite of its offer too, as Borealis told Atlas of its own, before "
            "Granite made its first proposal: Granite knows Harrow's offer.\n"
            "- Granite's first proposal gives "
            f"Kestrel a margin of **{money(self.granite_offer)}**.\n"
            "- *Next time* "
            "(`s.granite_guess`): a year later, Kestrel and Granite will negotiate over a new "
            "contract with the same gain to split, and Harrow will make Kestrel a new offer like its "
            "first, on the same terms and made the same way (in writing or by telephone), "
            "but will not tell Granite of it this time. Granite will "
            "not have seen that offer and, unsure how "
            "patient Kestrel is, would estimate Kestrel's share at the table "
            "(section 5; Granite's estimate of it, section 7) at "
            f"{money(self.granite_guess)}.\n\n"
            "What Granite knows of Harrow's offer, moment by moment:\n\n"
            "| when | what Granite knows of Harrow's offer | question |\n|---|---|---|\n"
            "| today, before Harrow tells Granite | only what Kestrel tells it | 9a |\n"
            "| today, once Harrow has told it, before its first proposal | Harrow's offer | "
            "7 (and 8) |\n"
            "| a year later | nothing of Harrow's new offer; it estimates Kestrel's share at the table "
            "| 9b |\n\n"
            "**5. Three ways to strengthen your hand** (`s.corvid_value`, "
            "`s.delta_with_loan`, `s.harrow_raised`). You have time for one of them this "
            f"month. *bidder*: bring in **Corvid**, which has made no offer yet but, approached, "
            f"would make a firm written offer of "
            f"{money(self.corvid_value)} for the licence on the same terms as Borealis's. *loan*: replace the overdraft with "
            "a bridging loan at an ordinary rate. Each month unsigned still loses a month of "
            "margin, but the rest now waits at the loan's lower rate, so a deal a month later "
            "is worth "
            f"{self.delta_with_loan:.2f} to Kestrel instead of {self.delta_you:.2f}. "
            "*harrow*: court "
            "Harrow, which would then offer work earning a margin of "
            f"{money(self.harrow_raised)}, and tell Granite of it before Granite's first "
            "proposal, as with its first.\n\n"
            "**6. Four things Kestrel might say or do** (`s.tactics`; in the notebook, "
            f"`scenario.tactics`):\n\n{said}\n\n"
            "**7. Four facts about who needs whom** (`s.power_facts`; in the notebook, "
            f"`scenario.power_facts`):\n\n{needs}"
        )


@own_case_key
def power_fact_answer(fact):
    """Question 1's answer for one fact: (base of power, who depends on whom), from the
    grader's keys."""
    base, depends, _ = _fact_labels(fact)
    return base, depends


@own_case_key
def fact_also_bases(fact):
    """The other bases question 1 accepts for one fact (the say over a contract comes with
    a role, authority, and section 1 folds "a contract you can give" into resource power),
    from the grader's keys."""
    return set(_fact_labels(fact)[2])


def _fact_labels(fact):
    fact_kind(fact)  # one of question 1's facts, or ValueError
    return own_case_labels("03_power", "facts")[fact.text]


@answer_key
def power_key(s):
    """Question 1's answer for scenario ``s``: letter -> (base, who depends on whom)."""
    return {f.letter: power_fact_answer(f) for f in s.power_facts}


@own_case_key
def tactic_label(s, tactic):
    """The label question 9 expects for ``tactic`` of scenario ``s``."""
    _, rule, _ = _TACTICS[tactic_kind(tactic)]
    if rule == "threat":
        return "legitimate" if tactic.amount <= s.borealis_value else "bluff"
    if rule == "harrow":
        return "legitimate" if tactic.amount == s.outside_offer else "misrepresentation"
    return rule


@own_case_key
def tactic_labels(s, tactic):
    """Every label question 9 accepts for ``tactic``: its ``tactic_label``, and for a threat
    Kestrel would not carry out also "misrepresentation", since a stated intention one does
    not hold can be a false fact (Edgington v Fitzmaurice) and modules 00 and 03 say the
    line between a bluff and a misrepresentation is not sharp there."""
    label = tactic_label(s, tactic)
    if _TACTICS[tactic_kind(tactic)][1] == "threat" and label == "bluff":
        return ("bluff", "misrepresentation")
    return (label,)


@answer_key
def tactic_key(s):
    """Question 9's answer for scenario ``s``: letter -> label."""
    return {t.letter: tactic_label(s, t) for t in s.tactics}


@answer_key
def harrow_move(s):
    """Question 9, part b: what Kestrel should do about Harrow in its next talk with Granite,
    if Granite does not know Harrow's offer and is unsure of Kestrel's patience: it guesses
    Kestrel's share at the table is ``s.granite_guess`` (review 4, W3, W7: not the share at the
    table, which questions 7 and 8 already use, and which Granite cannot know), and reads
    an alternative Kestrel names as a sign of that threshold, giving little weight to one it
    cannot check (review 75, C3: "any alternative" said that an unchecked one counted in
    full, yet "mention" was wrong for it). Mention Harrow
    when it beats that guess; otherwise keep it to yourself, since naming it would lower
    what Granite expects to pay (review 3, E10: with Granite sure of Kestrel's patience the
    two moves tied). A binding alternative that Granite
    cannot check (Harrow's offer made only by telephone, as the first was: the new one is
    made the same way) is what a side with none would also claim, so it counts for little:
    confirm it in writing first, then mention it. An ultimatum is never the
    answer (section 7)."""
    if s.outside_offer <= s.granite_guess:
        return "keep quiet"
    return "mention" if s.harrow_in_writing else "confirm first"


# --- what the questions' answers rest on (the checks use these too) ------------------------


@answer_key
def licence_game(s, buyers=BUYERS):
    """The licence market as a coalition game: a coalition earns the best value among its
    buyers if Kestrel is in it, and nothing otherwise."""
    values = {"Atlas": s.atlas_value, "Borealis": s.borealis_value}
    players = (YOU, *buyers)
    return {
        frozenset(c): (max([values[b] for b in buyers if b in c], default=0.0) if YOU in c else 0.0)
        for c in _coalitions(players)
    }


def _coalitions(players):
    found = [frozenset()]
    for player in players:
        found += [c | {player} for c in found]
    return found


def _shapley_in_the_licence_market(atlas, borealis):
    """Kestrel's Shapley value when Atlas values the licence at ``atlas`` and Borealis at
    ``borealis`` (money): (3 v1 + v2) / 6, for the draws, which have no scenario yet."""
    return (3 * atlas + borealis) / 6


@answer_key
def kestrel_shapley(s):
    """Kestrel's Shapley value in the licence market: (3 v1 + v2) / 6, what
    ``shapley_values`` gives on ``licence_game(s)`` (the tests check they agree)."""
    return _shapley_in_the_licence_market(s.atlas_value, s.borealis_value)


def _floor_mistake_amounts(s):
    """The wrong floors question 2's hint named until review 61 (X1), when its first part
    became a verdict; the draws still keep Corvid clear of them, so that they stay as they were:
    Kestrel's Shapley value, Atlas's proposal, the split-the-difference price, Atlas's value,
    half of it, nothing, and Borealis's Shapley value. Corvid's value is kept clear of all
    of them (review 4, E1), so a floor that counts Corvid is told so and nothing else."""
    v1, v2 = s.atlas_value, s.borealis_value
    return [kestrel_shapley(s), atlas_proposal(s), (v1 + v2) / 2, v1, v1 / 2, 0.0, v2 / 6]


def same_money(a, b):
    """Whether two amounts agree to the cent (the checks' tolerance)."""
    return math.isclose(a, b, rel_tol=0.0, abs_tol=0.01)


@answer_key
def kestrel_shapley_with_corvid(s):
    """Question 2's what-if: Kestrel's Shapley value if Corvid's firm offer stood beside
    Borealis's, a market of Kestrel and three buyers. With the buyers' values a > b > c it is
    (6 a + 2 b + c) / 12: Kestrel arrives after no buyer, one, two or all three with equal
    chance, and adds the best value among those already there (the tests check it against
    ``shapley_values``)."""
    a, b, c = sorted((s.atlas_value, s.borealis_value, s.corvid_value), reverse=True)
    return (6 * a + 2 * b + c) / 12


@answer_key
def floor_with_corvid(s):
    """Kestrel's reservation price in that market: what the best rival, Borealis or Corvid,
    would pay."""
    return max(s.borealis_value, s.corvid_value)


@answer_key
def clears_today(s):
    """Question 2's first verdict: whether Atlas's 'fair' proposal in today's market of
    three, Kestrel's Shapley value there, is at least Kestrel's reservation price, what
    Borealis would pay (review 61, X1: the part used to ask for that price alone, which the
    text states)."""
    return kestrel_shapley(s) >= s.borealis_value


@answer_key
def clears_with_corvid(s):
    """Question 2's verdict: whether Atlas's 'fair' proposal in the market with Corvid,
    Kestrel's Shapley value there, would reach or beat selling to the best rival."""
    return kestrel_shapley_with_corvid(s) >= floor_with_corvid(s)


@answer_key
def reply_grounds(s):
    """Question 4's three figures, by the ground that carries each: Atlas's figure,
    which Kestrel may simply take as it stands ("accept": review 66, X2, it was
    "interests", which Fisher and Ury would not call a ground for a price; review 70, X1,
    the talk about Atlas's interests it carried moved to section 7); Atlas's own yardstick worked out, Kestrel's Shapley value, which Atlas proposed
    and can check ("yardstick"); Borealis's firm written offer ("rival")."""
    return {
        "accept": s.atlas_figure,
        "yardstick": kestrel_shapley(s),
        "rival": s.borealis_value,
    }


@answer_key
def reply_reason(s):
    """Question 4: the ground of Kestrel's reply, the one that carries the highest of its
    three figures (review 65, X1: the reply used to be question 2's first verdict again,
    accept iff the Shapley value beats Borealis; Atlas now names a figure of its own, above its
    yardstick for some learners and below it for others, so which ground to give and what
    figure to name is a choice of its own). Kestrel takes Atlas's figure where it is the
    highest, and then names no rival and no yardstick, which would point Atlas to a lower
    figure; it holds Atlas to its own yardstick where that figure falls short of it; and it
    puts Borealis's offer forward where that beats both. ``_atlas_figure`` keeps the three
    apart, so the highest is never a tie."""
    grounds = reply_grounds(s)
    return max(grounds, key=grounds.get)


@answer_key
def reply_range(s):
    """Question 4: the prices it accepts, ``(low, high)``, both included: the highest of
    the three figures (``reply_grounds``); review 103, X4: no longer Atlas's figure too
    where ``reply_takes_figure``. Kestrel never takes less than Borealis would pay, nor
    less than section 5's price, max(v1/2, v2); and it asks for no more than the highest
    figure, since nothing else binds Atlas: it proposed its yardstick and can check
    Borealis's offer (review 77, C1: the reason given was a day-later answer at section 5's
    price, as good against the yardstick). Atlas's figure and Borealis's are
    named exactly; the Shapley value exactly or to the hundred, rounded up or down, as the
    question says (review 80, X2: rounding 36,833 up to 36,900 failed, too strict for a
    67-unit step; the figures lie at least 1,000 apart, so either rounding keeps the order).
    The check also takes the value to the unit, rounded or cut (review 79, X2), within a
    unit of it."""
    reason = reply_reason(s)
    if reason == "yardstick":
        shapley = kestrel_shapley(s)
        return math.floor(shapley / 100) * 100.0, math.ceil(shapley / 100) * 100.0
    figure = reply_grounds(s)[reason]
    return figure, figure


@answer_key
def reply_takes_figure(s):
    """Question 4: whether Atlas's figure falls short of its yardstick (a "yardstick" draw)
    yet is at least section 5's price, ``licence_price``, so that taking it is safe: a
    refusal of the yardstick leads, by section 5's model, to that price, no more than the
    figure. Review 68, X1 made taking it right there too; review 103, X4 (round 105): with two
    right replies on a one-mark question, taking Atlas's figure whatever it was earned the
    mark in 640 of 1,000 draws, 237 of them of this kind, though rule 1 says to stand on the
    highest figure. Only the yardstick is right now; the hints use this to say why taking the
    figure is safe but gives up the difference."""
    return reply_reason(s) == "yardstick" and s.atlas_figure >= licence_price(s)


@answer_key
def reply_reasons(s, price):
    """Every reason question 4 accepts with ``price``: the one ground that carries the
    highest figure (``reply_reason``), or "accept" with Atlas's figure itself where taking
    it is safe (``reply_takes_figure``: review 108, C2, round 109; review 103, X4 had
    refused it there, marking down a reply section 5's model calls safe). Any other ground either cannot carry the price
    ("accept" takes Atlas's own figure, and no price above it, since what the licence does
    for Atlas is already counted in Atlas's value) or points Atlas to a lower figure than
    the reply asks."""
    if reply_takes_figure(s) and abs(price - s.atlas_figure) <= 0.5:
        return ("accept",)
    return (reply_reason(s),)


@answer_key
def table_share(s, delta_you=None):
    """Kestrel's share at the table of the Granite contract's gain (section 4's x_2, as the
    responder), in money, ignoring Harrow (``delta_you`` overrides Kestrel's discount
    factor): the gain times d_you (1 - d_them) / (1 - d_you d_them), what
    ``bargaining_split`` gives (the tests check they agree). Written out because every
    draw computes it a dozen times."""
    delta = s.delta_you if delta_you is None else delta_you
    return s.contract_value * delta * (1 - s.delta_them) / (1 - delta * s.delta_them)


@answer_key
def granite_share(s, delta_you=None, harrow=None):
    """Kestrel's equilibrium share of the Granite contract's gain, in money: the larger of its
    share at the table and Harrow's offer (deal-me-out)."""
    harrow = s.outside_offer if harrow is None else harrow
    return max(table_share(s, delta_you), harrow)


@answer_key
def granite_reply(s):
    """What Kestrel should answer Granite's first proposal, in the alternating-offers game
    with Harrow as an outside option: accept it if it gives at least Kestrel's equilibrium
    share; otherwise, if Harrow beats the table, name Harrow (ask Granite to meet Harrow's figure
    and leave for Harrow's work only if Granite will not meet it, as question 4's "rival";
    review 106, C1, round 107: it was "take Harrow", the walk-out itself, still marked the
    same; review 114, E1: real talks' version of the game's walk-out, not the same money by
    the model, where asking is a month's counter), else reject and propose next."""
    if s.granite_offer >= granite_share(s):
        return "accept"
    return "name Harrow" if s.outside_offer > table_share(s) else "reject"


@answer_key
def votes_needed(s):
    """The fewest votes with which Kestrel's vote would swing some board decision: the
    quota minus the largest total of the other owners' votes that falls short of it."""
    totals = {0}
    for votes in s.weights[:-1]:
        totals |= {total + votes for total in totals}
    return s.quota - max(total for total in totals if total < s.quota)


@answer_key
def power_after_purchase(s, owner, votes):
    """Kestrel's (Banzhaf, Shapley-Shubik) index once it has bought ``votes`` of ``owner``'s
    votes: the seller keeps fewer, the total and the quota stay as they are."""
    from course.models.power import banzhaf_index, shapley_shubik_index

    weights = [held - votes if name == owner else held for name, held in s.members]
    weights[-1] += votes
    return banzhaf_index(s.quota, weights)[-1], shapley_shubik_index(s.quota, weights)[-1]


@answer_key
def swings_after_purchase(s, owner, votes):
    """Kestrel's raw Banzhaf count once it has bought ``votes`` of ``owner``'s votes: the
    losing groups of the others that its vote would then turn into winning ones."""
    from course.models.power import swing_counts

    weights = [held - votes if name == owner else held for name, held in s.members]
    weights[-1] += votes
    return swing_counts(s.quota, weights)[-1]


def _swings_do_not_decide(s):
    """Review 66, X1: whether counting Kestrel's swings after each sale (what question 3's
    hint asks) fails to pick the key's offer: the two counts tie, or favour the other offer.
    The normalised index can rise only because the seller loses swings, with Kestrel's own
    count unchanged (``sweep-324``: 2 swings either way, 0.6% of learners)."""
    best = vote_seller(s)
    if best == "neither":
        return False
    swings = {owner: swings_after_purchase(s, owner, votes) for owner, votes in s.vote_offers}
    other = next(owner for owner in swings if owner != best)
    return swings[best] <= swings[other]


@answer_key
def vote_seller(s):
    """Question 3: the owner whose offer gives Kestrel more voting power, or "neither" when
    neither offer lets Kestrel's vote swing any decision."""
    power = {owner: power_after_purchase(s, owner, votes)[0] for owner, votes in s.vote_offers}
    if not any(power.values()):
        return "neither"
    return max(power, key=power.get)


#: how much more power, by both indices, the better offer must bring than the other
VOTE_MARGIN = 1.25


def _power_after_sale(members, quota, owner, votes):
    """Kestrel's (Banzhaf, Shapley-Shubik) index once it has bought ``votes`` of ``owner``'s
    votes, each exact and as a float: what ``power_after_purchase`` gives, from one count of
    swings for both indices instead of two (``_vote_offers`` needs it for every possible
    sale of every candidate draw, most of the time a draw took)."""
    weights = [held - votes if name == owner else held for name, held in members]
    weights[-1] += votes
    return _indices_of_last(quota, tuple(sorted(weights)), weights[-1])


@functools.lru_cache(maxsize=1 << 16)
def _indices_of_last(quota, board, mine):
    """``_power_after_sale``'s four numbers for a member of weight ``mine`` on ``board`` (the
    weights as a sorted tuple, a multiset): they depend on nothing else, and the generator
    asks for the same board and weight again and again (a pure function, remembered)."""
    from course.models.power import _swings

    swings = _swings(quota, board)
    total = sum(sum(swings[w]) for w in board)
    n = len(board)
    banzhaf = Fraction(sum(swings[mine]), total)
    orders = sum(
        math.factorial(k) * math.factorial(n - k - 1) * c for k, c in enumerate(swings[mine])
    )
    shapley_shubik = Fraction(orders, math.factorial(n))
    return banzhaf, shapley_shubik, float(banzhaf), float(shapley_shubik)


#: How far apart two floats must be for their order to be their exact values' order (the
#: indices are Fractions with small denominators, far further apart than this when unequal).
_FLOAT_CLEAR = 1e-9


def _exceeds(a, b, i):
    """Whether option ``a``'s index ``i`` (exact) is above ``b``'s: by their floats (at
    ``i + 2``) where those are clearly apart, else exactly."""
    if abs(a[i + 2] - b[i + 2]) > _FLOAT_CLEAR:
        return a[i + 2] > b[i + 2]
    return a[i] > b[i]


def _at_least(win, lose, i):
    """``win[i] >= VOTE_MARGIN * lose[i]``, exactly as that expression compares: the margin
    times a Fraction is the float ``VOTE_MARGIN * float(lose[i])``, the same as ``bar``
    here; the floats settle it where they are clearly apart."""
    bar = VOTE_MARGIN * lose[i + 2]
    if abs(win[i + 2] - bar) > _FLOAT_CLEAR:
        return win[i + 2] > bar
    return win[i] >= bar


def _vote_offers(learner, members, quota):
    """Question 3's two offers, from a generator of their own (seeded by the learner and
    the board), so that adding them left every other number of every learner as it was. A
    fresh review found the old question (the fewest votes that give Kestrel power) a lookup;
    now Kestrel chooses between two sellers. The two offers are for different numbers of
    votes, from different owners; the better one gives clearly more power by both indices
    (or neither gives any), and it is the smaller offer for about half the learners."""
    rng = random.Random(f"03_power:offers:{learner}:{members}:{quota}")
    options = [
        (name, votes, *_power_after_sale(members, quota, name, votes))
        for name, held in members[:-1]
        for votes in range(1, held)
    ]
    # whether each option's Banzhaf index is 0, known once per option rather than for every
    # pair (comparing a Fraction with 0 was most of the pairs' time)
    powerless = {id(option): option[2] == 0 for option in options}
    kinds = {"neither": [], "fewer": [], "more": []}
    for a in options:
        for b in options:
            if a[0] >= b[0] or a[1] == b[1]:
                continue
            if powerless[id(a)] and powerless[id(b)]:
                kinds["neither"].append((a, b))
                continue
            win, lose = (a, b) if _exceeds(a, b, 2) else (b, a)
            if not (_at_least(win, lose, 2) and _at_least(win, lose, 3)):
                continue
            kinds["fewer" if win[1] < lose[1] else "more"].append((a, b))
    want = _choice(rng, ("neither", "fewer", "fewer", "more"))
    found = kinds[want] or kinds["fewer"] or kinds["more"] or kinds["neither"]
    if not found:
        return ()
    a, b = found[int(rng.random() * len(found))]
    pair = ((a[0], a[1]), (b[0], b[1]))
    return pair if rng.random() < 0.5 else pair[::-1]


@answer_key
def licence_price(s, rival=None):
    """The licence's price section 5 predicts: Kestrel bargains with Atlas in rounds of a day,
    a day's delay costing both the same share (the story's assumption; the buyer pays on a
    fixed date whatever day the deal is signed, so Kestrel's overdraft plays no part; Borealis's
    offer, in proportion to the months left, falls by the same share), so that at the table
    they split Atlas's value evenly (Rubinstein's split tends to r2 / (r1 + r2) as rounds
    shrink, r being each side's rate of loss: Binmore, Rubinstein & Wolinsky 1986); the best
    rival's value is an outside option (deal-me-out): ``max(v1 / 2, rival)``; ``rival`` is
    Borealis's value unless given. The loan does not move it: it changes what financing the
    wait for the Granite contract costs Kestrel, and the licence money
    arrives on the same fixed date whatever day the deal is signed."""
    rival = s.borealis_value if rival is None else rival
    return max(s.atlas_value / 2, rival)


@answer_key
def signing_price(s):
    """Question 6: the licence's predicted price if Atlas paid on signing. Kestrel then loses
    ``signing_ratio`` times as fast as Atlas, so with short rounds its share at the table
    tends to r_atlas / (r_kestrel + r_atlas) = 1 / (1 + ratio) of Atlas's value (Binmore,
    Rubinstein & Wolinsky 1986), and Borealis stays an outside option (deal-me-out), at what
    it would pay on signing (``signing_borealis``: review 103, X1)."""
    return max(s.atlas_value / (1 + s.signing_ratio), s.signing_borealis)


@answer_key
def signing_loss(s):
    """What paying on signing takes off the licence's predicted price (0 when Borealis binds
    either way)."""
    return licence_price(s) - signing_price(s)


@answer_key
def signing_switch(s):
    """Question 6: whether Kestrel should agree to be paid on signing: when the money's
    coming sooner is worth more than what the weaker position takes off the price."""
    return s.signing_gain > signing_loss(s)


#: How far Granite's guess (question 9b) lies from Harrow's offer, as a factor of it.
GUESS_FACTORS = (0.75, 0.85, 1.2, 1.35)


def _granite_guess(learner, harrow, contract):
    """Question 9b's number, from a generator of its own (review 4, W3 and W7: the question
    rested on the share at the table, already computed for questions 7 and 8): what Granite,
    unsure of Kestrel's patience, guesses is Kestrel's share at the table, clearly above or below
    Harrow's offer, and so on either side of the share at the table. Always below half of
    the gain (review 75, U5): Granite knows Kestrel is the impatient side and answers its
    proposals, so whatever its patience Kestrel's share at the table is under half, yet a
    guess of 1.2 or 1.35 times Harrow's offer reached half or more for 38 of 2,000 learners.
    Only those learners' guesses move: to the largest factor on the same side of Harrow's
    offer that keeps the guess below half, else (for about one in a hundred learners,
    whose answer then changes) to one below Harrow's offer."""
    rng = random.Random(f"03_power:guess:{learner}")
    factor = _choice(rng, GUESS_FACTORS)
    below_half = [f for f in GUESS_FACTORS if round(harrow * f, -3) < contract / 2]
    if factor not in below_half:
        same_side = [f for f in below_half if (f > 1) == (factor > 1)]
        # below_half is empty only were Harrow's offer over two thirds of the gain, which the
        # draws' discount factors never allow; the invariants would then throw the draw away
        factor = max(same_side or below_half or GUESS_FACTORS[:1])
    return float(round(harrow * factor, -3))


def _atlas_figure(learner, atlas, borealis):
    """Question 4's number, from a generator of its own (seeded by the learner), so that
    adding it left every other number of every learner as it was: the figure Atlas
    names for its proposal, a multiple of ``FIGURE_STEP`` next to Kestrel's Shapley value,
    above it for about half of the learners and below it for the rest, and at least
    ``FIGURE_MARGIN`` from that value, from Borealis's offer and from section 5's price,
    max(v1/2, v2), which decides whether taking the figure is also right (no answer on a
    rule's boundary, whatever the rounding to the hundred). Review 70, X2: v1/2 is a multiple
    of 5,000 whenever v1 is one of 10,000, and the figure sat on it for 144 of 2,000 learners
    (both replies passed there); only those learners' figures moved. Review 74, X1: the
    figure can be two steps away (up to 28% below the value, 17% above it on 200 learners),
    so the story no longer calls it "about" the value: it says what holds for every learner,
    a multiple of 5,000 within 10,000 of it. Review 108, X2 (round 109): the figure lies
    above the value for 581 of 1,000 learners, on purpose (question 4 then weighs taking it);
    the story says why a fully informed buyer names it: Atlas worked it out roughly."""
    rng = random.Random(f"03_power:figure:{learner}")
    shapley = _shapley_in_the_licence_market(atlas, borealis)
    avoided = (shapley, borealis, max(atlas / 2, borealis))
    down = math.floor(shapley / FIGURE_STEP) * FIGURE_STEP
    up = down + FIGURE_STEP
    near, far = (up, down) if rng.random() < 0.5 else (down, up)
    step = FIGURE_STEP if near > far else -FIGURE_STEP
    for figure in (near, far, near + step, far - step):
        if min(abs(figure - value) for value in avoided) >= FIGURE_MARGIN:
            return float(figure)
    raise AssertionError("three values rule out at most three of four candidates 5,000 apart")


def _signing_terms(learner, atlas, borealis):
    """Question 6's numbers, from a generator of their own (seeded by the learner), so that
    adding them left every other number of every learner as it was. When paying on signing
    costs Kestrel something, the money's coming sooner is worth clearly less or clearly more
    than that; when Borealis binds either way, it is worth a modest sum. Review 76, X2: the
    free change (about 43% of learners) always answers True, so with the gain above the loss
    for half of the rest, True was the answer for 73% of learners. Review 82: the cap sent
    most draws of twice the loss under it, so the gain was above the loss for about 1 learner
    in 50. Review 102, X2: then "agree if and only if Borealis binds both ways" was right for
    56 of 60 learners, so the weighing rarely decided. Now, wherever the cap leaves room for a
    gain of SIGNING_GAIN_ABOVE times the loss, the gain is drawn above the loss, and below it
    elsewhere: about a third of the learners who lose something gain more (350 of 1,101 on
    2,000 learners), and True is the answer for 1,249 of 2,000 (899 lose nothing). The ratio
    is drawn first, as before, so it did not move.

    Review 103, X1: wherever Borealis's offer is at least half of Atlas's value (455 of 1,000
    learners), it set the price on both terms, the change cost nothing, and "agree" followed
    from any gain. There Borealis, paying on signing too, now offers less (SIGNING_BOREALIS
    of its offer: it would borrow to pay sooner), so the change costs Kestrel something
    for every learner, and the gain is drawn clearly above that loss (three times in five,
    so that "agree" stays the answer for about half of all learners) or clearly below it.
    Elsewhere Borealis's offer stays as it is and no number moves. Returns (ratio, gain,
    Borealis's offer paid on signing)."""
    rng = random.Random(f"03_power:signing:{learner}")
    ratio = _choice(rng, (2, 3, 4))
    price = max(atlas / 2, borealis)
    signed = borealis
    if borealis >= atlas / 2:
        signed = float(round(borealis * _choice(rng, SIGNING_BOREALIS), -3))
    loss = price - max(atlas / (1 + ratio), signed)
    # review 77, X1: money at most a quarter sooner is worth at most SIGNING_GAIN_CAP of
    # the price (it reached 83%)
    cap = math.floor(SIGNING_GAIN_CAP * price / 100) * 100
    if signed < borealis:
        factor = _choice(rng, (0.5, 0.6, 1.5, 1.75, 2.0))
        if factor > 1 and cap < SIGNING_GAIN_ABOVE * loss:
            factor = 0.5
        gain = min(cap, loss * factor)
    elif loss > 0 and cap >= SIGNING_GAIN_ABOVE * loss:
        gain = min(cap, loss * _choice(rng, (1.5, 2.0)))
    else:
        gain = min(cap, loss * _choice(rng, (0.4, 0.5, 0.6)))
    return ratio, float(min(round(gain, -2), cap)), signed


@answer_key
def lever_gains(s):
    """What each lever adds to Kestrel's predicted outcome, in money: the licence's predicted
    price (``licence_price``, Corvid as a second rival) and Kestrel's equilibrium share of
    the Granite contract's gain."""
    return {
        "bidder": licence_price(s, max(s.borealis_value, s.corvid_value)) - licence_price(s),
        "loan": granite_share(s, delta_you=s.delta_with_loan) - granite_share(s),
        "harrow": granite_share(s, harrow=s.harrow_raised) - granite_share(s),
    }


def _bidder_gains_by_other_yardsticks(s):
    """What Corvid adds if a learner measured the licence another way the module mentions:
    by the reservation price (the best rival's value), by the Nash midpoint (v1 + v2) / 2, or
    (a fresh review, C3) by the better of the predicted price and Atlas's standing proposal,
    Kestrel's Shapley value, in each market: question 4 has Kestrel take that proposal where
    it beats Borealis, so a learner may count it. The invariants keep the best lever the
    same under the last (question 8 does not say that proposal is the yardstick); the floor
    and the midpoint pick another lever for some learners (a fresh review, W3: when they
    never did, question 8 never tested section 5's measure)."""
    rival = max(s.borealis_value, s.corvid_value)
    floor = rival - s.borealis_value
    proposal = max(licence_price(s, rival), kestrel_shapley_with_corvid(s)) - max(
        licence_price(s), kestrel_shapley(s)
    )
    return {"floor": floor, "nash": floor / 2, "proposal": proposal}


@answer_key
def rig_kind(version):
    """How Kestrel would reach the alternative of ``version``: by walking out (an outside
    option) or left with it if the talks end on their own (a breakdown payoff)."""
    return RIG_KINDS[0] if walks_out(version) else RIG_KINDS[1]


@answer_key
def rig_price(s, version):
    """Question 5: the rig's price the models predict in ``version``. Both sides equally
    patient and quick to answer, so at the table they split Dunmore's value evenly; an
    outside option counts only above that half (deal-me-out), a breakdown payoff is the
    disagreement point of a Nash split (Dunmore has nothing if the talks fail)."""
    half = s.rig_value / 2
    if rig_kind(version) == "outside option":
        return max(half, version.amount)
    return version.amount + (s.rig_value - version.amount) / 2


@answer_key
def rig_key(s):
    """Question 5's answer for scenario ``s``: letter -> predicted price."""
    return {v.letter: rig_price(s, v) for v in s.rig_versions}


@answer_key
def best_lever(s):
    """The lever that adds most (see ``lever_gains``)."""
    gains = lever_gains(s)
    return max(gains, key=gains.get)


# --- the invariants ---------------------------------------------------------------------------


@own_case_key
def facts(s):
    """The numbers the invariants look at, computed once per draw."""
    gains = lever_gains(s)
    ranked = sorted(gains.values(), reverse=True)
    best = max(gains, key=gains.get)
    others = _bidder_gains_by_other_yardsticks(s)
    best_elsewhere = {
        name: max({**gains, "bidder": bidder}, key={**gains, "bidder": bidder}.get)
        for name, bidder in others.items()
    }
    return {
        "table": table_share(s),
        "equilibrium": granite_share(s),
        "best gain": ranked[0],
        "second gain": ranked[1],
        "best lever": best,
        "best by other yardsticks": best_elsewhere,
        "votes needed": votes_needed(s),
        "labels": [tactic_label(s, t) for t in s.tactics],
        "kinds": {tactic_kind(t) for t in s.tactics},
        "fact groups": [_POWER_FACTS[fact_kind(f)][:2] for f in s.power_facts],
    }


def _claimed_limit(s):
    return max((t.amount for t in s.tactics if tactic_kind(t) == "limit_claim"), default=0.0)


def _bluffed_threat_too_close(s):
    return any(
        tactic_kind(t) == "borealis_threat"
        and t.amount != s.borealis_value
        and t.amount < (1 + THREAT_MARGIN) * s.borealis_value
        for t in s.tactics
    )


#: Each invariant, named by the question it protects, as a test that is true when a draw
#: breaks it; ``f`` holds the draw's ``facts``.
_INVARIANTS = {
    # question 1 (sources): a mix of bases and both directions, so no single answer fits all
    "sources: fewer than three bases of power": lambda s, f: (
        len({base for base, _ in f["fact groups"]}) < 3
    ),
    "sources: dependence runs one way only": lambda s, f: (
        len({depends for _, depends in f["fact groups"]}) < 2
    ),
    # question 2: the Shapley proposal sits clearly on one side of the reservation price
    "licence: Atlas's proposal within 3% of Borealis's value": lambda s, f: (
        abs(atlas_proposal(s) - s.borealis_value) < SHAPLEY_MARGIN * s.atlas_value
    ),
    "licence: the floor within 3% of half of Atlas's value (a wrong reading)": lambda s, f: (
        abs(s.borealis_value - s.atlas_value / 2) < SHAPLEY_MARGIN * s.atlas_value
    ),
    "licence: Borealis values it at least as much as Atlas": lambda s, f: (
        s.borealis_value >= s.atlas_value
    ),
    # review 4, E1: Corvid's value is none of the amounts question 2's floor hint names, so
    # a floor that counts Corvid gets the hint for that slip and no other
    "licence: Corvid's value is an amount the floor's hint names": lambda s, f: any(
        same_money(s.corvid_value, wrong) for wrong in _floor_mistake_amounts(s)
    ),
    "licence: with Corvid, the fair proposal within 3% of the floor": lambda s, f: (
        abs(kestrel_shapley_with_corvid(s) - floor_with_corvid(s)) < SHAPLEY_MARGIN * s.atlas_value
    ),
    # question 3: Kestrel has votes and no power, and needs at least two votes to matter
    "vote: Kestrel's one vote already swings a decision": lambda s, f: f["votes needed"] < 2,
    "vote: no two offers of votes with a clear choice between them": lambda s, f: (
        len(s.vote_offers) != 2
    ),
    # review 66, X1: a plain count of Kestrel's swings picks the same offer as the indices
    "vote: Kestrel's swing counts after the two sales tie or pick the other offer": (
        lambda s, f: _swings_do_not_decide(s)
    ),
    "vote: the quota is not a majority of the votes": lambda s, f: (
        not sum(s.weights) / 2 < s.quota <= sum(s.weights)
    ),
    "vote: the quota is not a majority once Kestrel holds the votes it needs": lambda s, f: (
        2 * s.quota <= sum(s.weights[:-1]) + f["votes needed"]
    ),
    # question 5: each alternative clearly on one side of half the rig's value, and worth
    # enough (and little enough) that the two kinds predict clearly different prices
    "rig: an alternative within 10% of half of Dunmore's value": lambda s, f: any(
        abs(v.amount - s.rig_value / 2) < RIG_MARGIN * s.rig_value for v in s.rig_versions
    ),
    "rig: an alternative below 20% or above 80% of Dunmore's value": lambda s, f: any(
        not 0.2 * s.rig_value <= v.amount <= 0.8 * s.rig_value for v in s.rig_versions
    ),
    # question 7 (and the notebook's deal-me-out): clear of both thresholds
    "granite: Harrow within 3% of Kestrel's share at the table": lambda s, f: (
        abs(s.outside_offer - f["table"]) < HARROW_MARGIN * f["table"]
    ),
    "granite: Granite's proposal within 3% of Kestrel's equilibrium share": lambda s, f: (
        abs(s.granite_offer - f["equilibrium"]) < OFFER_MARGIN * f["equilibrium"]
    ),
    "granite: implausible patience per month": lambda s, f: (
        not (
            DELTA_YOU[0] <= s.delta_you <= DELTA_YOU[1]
            and DELTA_THEM[0] <= s.delta_them <= DELTA_THEM[1]
            and s.delta_them > s.delta_you
        )
    ),
    # review 3, E11, kept after rounding: Granite never opens above both Harrow and what
    # Kestrel would get in the proposer's seat (rounding to the thousand could lift it there)
    "granite: Granite's proposal above both readings of Kestrel's seat": lambda s, f: (
        s.granite_offer >= max(f["table"] / s.delta_you, s.outside_offer)
    ),
    # review 75, U5: Granite knows Kestrel is the impatient side, so it guesses Kestrel's
    # share at the table (question 9b) below half of the gain
    "granite: Granite's guess of Kestrel's threshold at least half of the gain": lambda s, f: (
        s.granite_guess >= s.contract_value / 2
    ),
    "granite: an offer as large as the whole gain": lambda s, f: (
        max(s.outside_offer, s.granite_offer, s.harrow_raised, _claimed_limit(s))
        >= s.contract_value
    ),
    # question 8: one lever clearly best, worth something, and best whether the licence is
    # measured by its predicted price or by the better of that and Atlas's proposal (a fresh
    # review, C3); the floor and the Nash midpoint may pick another (a later review, W3)
    "levers: the best two gains too close": lambda s, f: (
        f["best gain"] - f["second gain"] < max(LEVER_MARGIN, LEVER_SHARE * f["best gain"])
    ),
    # review 103, X5: with two moves that add nothing (238 of 1,000 draws), the choice was
    # "find the only move that does anything"; now at most one move adds less than
    # LEVER_SOMETHING (28 more draws had a second move adding 29 to 1,000, as good as nothing)
    "levers: two moves add (as good as) nothing": lambda s, f: f["second gain"] < LEVER_SOMETHING,
    "levers: Atlas's proposal as the licence's yardstick picks another lever": lambda s, f: (
        f["best by other yardsticks"]["proposal"] != f["best lever"]
    ),
    "levers: Corvid would outbid Atlas": lambda s, f: s.corvid_value >= s.atlas_value,
    "levers: Corvid implausibly low (under half of Borealis's value)": lambda s, f: (
        s.corvid_value < 0.5 * s.borealis_value
    ),
    "levers: implausible loan": lambda s, f: not s.delta_you < s.delta_with_loan <= DELTA_LOAN,
    # review 4, E3: with the loan Kestrel stays less patient than Granite, as the story says
    # (engineers with nothing to do may still leave)
    "levers: the loan makes Kestrel at least as patient as Granite": lambda s, f: (
        s.delta_with_loan >= s.delta_them
    ),
    "levers: Harrow's raise is no raise": lambda s, f: s.harrow_raised <= s.outside_offer,
    # question 6: the decision clear of its threshold (the gain at most 0.6 or at least 1.5
    # times the loss, whatever the rounding), and Borealis not on the edge of binding
    "signing: the money's gain within 20% of what the weaker position costs": lambda s, f: (
        signing_loss(s) > 0 and 0.8 * signing_loss(s) <= s.signing_gain <= 1.2 * signing_loss(s)
    ),
    # review 103, X1: the generator's guard; a change that costs nothing makes "agree"
    # follow from any gain (it did for 455 of 1,000 learners); no draw breaks it now
    "signing: paying on signing costs Kestrel nothing": lambda s, f: signing_loss(s) <= 0,
    "signing: Borealis within 3% of Kestrel's share at the table when paid on signing": (
        lambda s, f: (
            abs(s.signing_borealis - s.atlas_value / (1 + s.signing_ratio))
            < SHAPLEY_MARGIN * s.atlas_value
        )
    ),
    # question 9: three kinds of move at least, every number clear of the one that decides it
    "tactics: fewer than three kinds of move": lambda s, f: len(set(f["labels"])) < 3,
    # question 1, a fresh review: an answer that fits three facts lets a constant answer
    # earn three of its four half marks (review 66: each fact with both parts right earns
    # its half)
    "facts: one answer fits three facts": lambda s, f: _one_answer_fits_three_facts(s),
    # a fresh review: a label that fits three statements lets a constant answer earn three
    # of question 9a's four half marks (review 66: each right label earns its half); a
    # bluffed threat also takes "misrepresentation"
    "tactics: one label fits three statements": lambda s, f: any(
        sum(label in tactic_labels(s, t) for t in s.tactics) >= 3 for label in LABELS
    ),
    "tactics: a bluffed threat's price within 5% of Borealis's value": lambda s, f: (
        _bluffed_threat_too_close(s)
    ),
    "tactics: a claimed limit not clearly above what Kestrel would accept": lambda s, f: any(
        tactic_kind(t) == "limit_claim" and t.amount <= 1.1 * f["equilibrium"] for t in s.tactics
    ),
    "tactics: a claimed limit not clearly above Granite's proposal": lambda s, f: any(
        tactic_kind(t) == "limit_claim" and t.amount <= 1.1 * s.granite_offer for t in s.tactics
    ),
    "tactics: not exactly one illegitimate source": lambda s, f: (
        len(f["kinds"] & set(_ILLEGITIMATE_TACTICS)) != 1
    ),
    "tactics: two statements state one fact two ways": lambda s, f: (
        len(f["kinds"] & set(_TABLE_TACTICS)) != 1
    ),
    # review 4, E10: the bid Kestrel invents for Corvid is above what Corvid would really
    # offer, as well as above Atlas's proposal and Borealis's offer: false on both counts
    "tactics: an invented Corvid bid not above Corvid's value": lambda s, f: any(
        tactic_kind(t) == "corvid_bid" and t.amount <= s.corvid_value for t in s.tactics
    ),
    "tactics: an invented Corvid bid not below Atlas's value": lambda s, f: any(
        tactic_kind(t) == "corvid_bid" and t.amount >= s.atlas_value for t in s.tactics
    ),
    "tactics: an inflated figure for Harrow not clearly false": lambda s, f: any(
        tactic_kind(t) == "harrow_offer"
        and t.amount != s.outside_offer
        and t.amount <= 1.2 * s.outside_offer
        for t in s.tactics
    ),
    # a fresh review, E2: nor true after question 8's move of courting Harrow
    "tactics: an inflated figure for Harrow not clearly above Harrow's raised offer": (
        lambda s, f: any(
            tactic_kind(t) == "harrow_offer"
            and t.amount != s.outside_offer
            and t.amount <= 1.1 * s.harrow_raised
            for t in s.tactics
        )
    ),
}


#: The facts whose other accepted base (``fact_also_bases``) is another fact's: template ->
#: the base groups of ``_POWER_FACTS`` it also counts in, for the invariants.
_ALSO_BASE_GROUPS = {"granite_signature": {1}, "harrow_approval": {1}}


def _one_answer_fits_three_facts(s):
    """Whether one (base, who depends on whom) is right for three of question 1's facts
    (a base counts where the checks accept it too: ``_ALSO_BASE_GROUPS``), counted by the
    facts' groups, which stand for their labels."""
    fits = {}
    for fact in s.power_facts:
        kind = fact_kind(fact)
        base, depends, _ = _POWER_FACTS[kind]
        for b in {base} | _ALSO_BASE_GROUPS.get(kind, set()):
            fits[b, depends] = fits.get((b, depends), 0) + 1
    return max(fits.values()) >= 3


@answer_key
def flaws(s):
    """The names of the invariants scenario ``s`` breaks (empty when it is fair). A key:
    the invariants read the answers, so on a scenario a learner builds by hand (one field
    moved at a time) they would tell where an answer lies (a fresh review, E1)."""
    found = facts(s)
    return [name for name, broken in _INVARIANTS.items() if broken(s, found)]


# --- drawing ----------------------------------------------------------------------------------

#: A learner's draw gives up after this many rejected candidates (it never gets near).


def _choice(rng, options):
    return options[int(rng.random() * len(options))]


def _vote(rng):
    # The others' votes share a unit (2 or 3), so their totals skip numbers; when the quota
    # is one of the totals they can make, Kestrel's single vote often never decides.
    unit = int(pick(rng, 2, 3, 1))
    others = [unit * int(pick(rng, 1, 4, 1)) for _ in OTHER_MEMBERS]
    if rng.random() < 0.3:  # one odd-sized member gives a small vote a chance to swing
        others[int(rng.random() * len(others))] += 1
    total = sum(others) + 1
    quota = int(pick(rng, total // 2 + 1, total - 2, 1))
    if rng.random() < 0.6:  # round the quota down to a multiple of the unit
        quota = max(quota - quota % unit, total // 2 + 1)
    return (*zip(OTHER_MEMBERS, others, strict=True), (YOU, 1)), quota


def _rig(rng, learner):
    """Dunmore's value for the rig and the four versions of Kestrel's alternative: one of
    each kind drawn as before (so every other field of every learner's draw is unchanged),
    and one more of each kind from a generator seeded by the learner and those first draws,
    then all four shuffled. Two of each kind (review 72, X1): with a 3-1 mix, misreading the
    one version of the rarer kind left a single rule for all four, which earns nothing, so
    one misreading cost the whole mark; now it always costs a quarter. A fixed guess of the
    kinds is right for one learner in six, and a single rule for all four for none (a fresh
    review: with one version of each kind a guess earned the mark half the time). No text
    is told twice in a draw."""
    value = float(pick(rng, 20_000, 60_000, 2_000))
    kinds = list(RIG_KINDS)  # one of each kind, in either order
    rng.shuffle(kinds)
    drawn = []
    for kind in kinds:
        ratio = _choice(rng, (0.25, 0.3, 0.35, 0.65, 0.7, 0.75))
        drawn.append((kind, float(round(value * ratio, -3)), _choice(rng, _RIG_TEXTS[kind])))
    more = random.Random(f"03_power:rig:{learner}:{value}:{drawn}")
    for kind in RIG_KINDS:
        ratio = _choice(more, (0.25, 0.3, 0.35, 0.65, 0.7, 0.75))
        unused = [text for text in _RIG_TEXTS[kind] if text not in {d[2] for d in drawn}]
        drawn.append((kind, float(round(value * ratio, -3)), _choice(more, unused)))
    more.shuffle(drawn)
    versions = tuple(
        RigVersion(letter, amount, text.format(x=money(amount)))
        for letter, (_, amount, text) in zip(RIG_LETTERS, drawn, strict=True)
    )
    return value, versions


def _granite(rng, contract, delta_you, delta_them):
    """Harrow's offer and Granite's first proposal. Some land between the share at the table
    and what Kestrel would get in the proposer's seat (the table share divided by its delta),
    so that putting Kestrel in the wrong seat gives the wrong reply; none above both."""
    at_table = contract * delta_you * (1 - delta_them) / (1 - delta_you * delta_them)
    wrong_seat = at_table / delta_you
    harrow_draw = rng.random()
    if harrow_draw < 0.45:  # Harrow below the share at the table: it changes nothing
        outside = at_table * _choice(rng, (0.5, 0.6, 0.7, 0.8))
    elif harrow_draw < 0.6:  # between the two readings of Kestrel's seat
        outside = at_table + (wrong_seat - at_table) * _choice(rng, (0.4, 0.5, 0.6))
    else:  # Harrow above both: it sets the deal
        outside = wrong_seat * _choice(rng, (1.1, 1.2, 1.3))
    outside = float(round(outside, -3))
    equilibrium = max(at_table, outside)
    high = max(wrong_seat, outside)
    # A patient retailer never opens above what Kestrel would get even in the proposer's
    # seat: such a proposal is accepted on every reading and tests nothing (review 3, E11).
    # Half land below the equilibrium share, half between it and the wrong seat's reading.
    if high > equilibrium and rng.random() < 0.5:
        offer = equilibrium + (high - equilibrium) * _choice(rng, (0.4, 0.5, 0.6))
    else:
        offer = equilibrium * _choice(rng, (0.6, 0.7, 0.8, 0.9))
    return outside, float(round(offer, -3))


def _corvid(rng, atlas, borealis):
    """Corvid's value: below Borealis's for some learners (it adds nothing), between Borealis
    and half of Atlas's for others (it raises the floor but not the predicted price), above
    both for the rest."""
    predicted = max(atlas / 2, borealis)
    # question 2b: Corvid above today's Shapley value (3a + b) / 6 yet at most the value in
    # the market of four, (6a + 2c + b) / 12, less the margin the invariants keep, i.e.
    # c <= (6a + b) / 10 - 1.2 margin: there the verdict worked out in today's market says
    # no and the right one yes, so the learner's own numbers test the idea (review W3: they
    # never did, for 400 of 400 learners)
    today = _shapley_in_the_licence_market(atlas, borealis)
    top = (6 * atlas + borealis) / 10 - 1.2 * SHAPLEY_MARGIN * atlas
    between = list(
        range(math.floor(today / 1000) * 1000 + 1000, math.floor(top / 1000) * 1000 + 1, 1000)
    )
    draw = rng.random()
    if draw < 0.3:
        corvid = borealis * _choice(rng, (0.6, 0.7, 0.8, 0.9))
    elif draw < 0.45 and predicted > borealis:
        corvid = borealis + (predicted - borealis) * _choice(rng, (0.3, 0.5, 0.7))
    elif draw < 0.65 and between:
        corvid = _choice(rng, tuple(between))
    else:
        corvid = predicted + (atlas - predicted) * _choice(rng, (0.3, 0.5, 0.7, 0.9))
    return float(round(corvid, -3))


def _tactics(rng, borealis, harrow, atlas, above, corvid, raised):
    first = _choice(rng, _ILLEGITIMATE_TACTICS)
    second = _choice(rng, _TABLE_TACTICS)
    # a bluffed threat or an invented bid names more than Atlas already proposes (Kestrel's
    # Shapley value) and more than Borealis offers, else it asks for nothing new, and less
    # than Atlas's value, else Atlas could only refuse
    proposal = _shapley_in_the_licence_market(atlas, borealis)
    above_proposal = max(borealis, proposal)
    # a warning of what Kestrel would do anyway, at Borealis's value, only where that asks
    # for more than Atlas already proposes (review 3, E9); else a bluff, at a
    # price between that and Atlas's value
    if borealis > proposal and rng.random() < 0.5:
        threat = borealis
    else:
        threat = round(above_proposal + (atlas - above_proposal) * pick(rng, 0.3, 0.7, 0.1), -3)
    said_of_harrow = harrow
    if rng.random() >= 0.5:  # an inflated figure
        factor = pick(rng, 1.5, 2.0, 0.1)
        said_of_harrow = round(harrow * factor, -3)
        # a fresh review, E2: it is also clearly above Harrow's raised offer (question 8's
        # move), so a learner who takes that move as made still reads a false figure; it
        # sometimes equalled it (107 of 2,000 learners), and then it is drawn from that offer
        if said_of_harrow <= 1.1 * raised:
            said_of_harrow = round(raised * (factor - 0.3), -3)
    amounts = {
        "borealis_threat": float(threat),
        "harrow_offer": float(said_of_harrow),
        first: 0.0,
        second: 0.0,
    }
    for kind in (first, second):
        if kind == "limit_claim":
            amounts[kind] = float(round(above * pick(rng, 1.2, 1.5, 0.1), -3))
        elif kind == "corvid_bid":
            # Corvid has offered nothing; the figure claimed lies between the most of what
            # Atlas already proposes, Borealis's offer and what Corvid would really offer
            # (review 4, E10) and Atlas's value, so Atlas could rely on it
            bottom = max(above_proposal, corvid)
            amounts[kind] = float(round(bottom + (atlas - bottom) * pick(rng, 0.2, 0.8, 0.1), -3))
    kinds = list(amounts)
    rng.shuffle(kinds)
    tactics = []
    for letter, kind in zip("ABCD", kinds, strict=True):
        party, _, text = _TACTICS[kind]
        text = text.format(amount=money(amounts[kind]))
        tactics.append(Tactic(letter, amounts[kind], party, text))
    return tuple(tactics)


def _power_facts(rng):
    """Four of question 1's facts, in a random order, lettered A to D."""
    kinds = list(_POWER_FACTS)
    rng.shuffle(kinds)
    return tuple(
        PowerFact(letter, _POWER_FACTS[kind][2])
        for letter, kind in zip("ABCD", kinds[:4], strict=False)
    )


class _OffersPending(Exception):
    """Raised by ``_PENDING_OFFERS`` when something reads question 3's offers."""


class _PendingOffers:
    """Question 3's offers of a candidate not drawn yet (``_candidate(..., offers=False)``):
    any use of them raises ``_OffersPending``, so an invariant that reads them says so
    rather than judging the candidate on a stand-in. Not a tuple and without attributes, so
    a walk over the package's objects (``tests/package_walk.py``) passes it by."""

    __slots__ = ()

    def _pending(self, *args, **kwargs):
        raise _OffersPending

    __iter__ = __len__ = __bool__ = __getitem__ = __contains__ = _pending
    __eq__ = __ne__ = __hash__ = __repr__ = __reduce_ex__ = _pending


_PENDING_OFFERS = _PendingOffers()


def _candidate(rng, learner, offers=True):
    """One draw of every number, before the invariants are checked. Without ``offers``,
    question 3's offers are ``_PENDING_OFFERS`` (they come from a generator of their own,
    not ``rng``, so drawing them later leaves every other number as it is)."""
    atlas = float(pick(rng, 60_000, 120_000, 5_000))
    ratio = _choice(rng, (0.30, 0.35, 0.40, 0.55, 0.70, 0.45, 0.80, 0.42, 0.90))
    borealis = float(round(atlas * ratio, -3))
    members, quota = _vote(rng)
    rig_value, rig_versions = _rig(rng, learner)
    contract = float(pick(rng, 80_000, 200_000, 10_000))
    delta_you = pick(rng, *DELTA_YOU, 0.01)
    delta_them = pick(rng, *DELTA_THEM, 0.01)
    outside, granite = _granite(rng, contract, delta_you, delta_them)
    at_table = contract * delta_you * (1 - delta_them) / (1 - delta_you * delta_them)
    equilibrium = max(at_table, outside)
    corvid = _corvid(rng, atlas, borealis)
    signing = _signing_terms(learner, atlas, borealis)
    loan = round(min(DELTA_LOAN, delta_you + pick(rng, 0.02, 0.06, 0.01)), 2)
    raised = float(round(outside * pick(rng, 1.2, 1.8, 0.1), -3))  # Harrow courted
    # review 70, U8: a margin near the Granite contract's whole gain strained the story
    raised = min(raised, float(round(HARROW_RAISE_CAP * contract, -3)))
    scenario = KestrelPower(
        module="03_power",
        learner=learner,
        atlas_value=atlas,
        borealis_value=borealis,
        members=members,
        quota=quota,
        rig_value=rig_value,
        rig_versions=rig_versions,
        contract_value=contract,
        delta_you=delta_you,
        delta_them=delta_them,
        outside_offer=outside,
        granite_offer=granite,
        corvid_value=corvid,
        delta_with_loan=loan,
        harrow_raised=raised,
        # a claimed limit above both what Kestrel would accept and what Granite offers
        tactics=_tactics(rng, borealis, outside, atlas, max(equilibrium, granite), corvid, raised),
        power_facts=_power_facts(rng),
        harrow_in_writing=rng.random() < 0.5,
        signing_ratio=signing[0],
        signing_gain=signing[1],
        signing_borealis=signing[2],
        granite_guess=_granite_guess(learner, outside, contract),
        vote_offers=_vote_offers(learner, members, quota) if offers else _PENDING_OFFERS,
        atlas_figure=_atlas_figure(learner, atlas, borealis),
    )
    return scenario


@course_at_work
def drawn(rng, learner):
    """The learner's scenario, and the flaws of each candidate thrown away on the way.
    Drawing calls the answer keys (the invariants look at the answers), and may happen while
    a check runs a learner's function (a scenario read for the first time there), so the
    keys answer here: drawing gives a scenario, never an answer."""
    rejected = []
    for _ in range(MAX_DRAWS):
        candidate = _candidate(rng, learner)
        found = flaws(candidate)
        if not found:
            return candidate, rejected
        rejected.append(found)
    raise NoFairDraw("03_power", learner)


def _broken_before_offers(candidate):
    """Whether ``candidate`` (offers pending) breaks an invariant that does not read
    question 3's offers: then it breaks one whatever its offers, and drawing them (most of
    a candidate's time: every sale of votes of every owner, and every pair of sales) is
    spared. ``False`` when that is not known."""
    try:
        found = facts(candidate)
    except _OffersPending:
        return False
    for broken in _INVARIANTS.values():
        try:
            if broken(candidate, found):
                return True
        except _OffersPending:
            continue
    return False


@course_at_work
def _first_fair(rng, learner):
    """``drawn``'s scenario, without its record of what it threw away: a candidate that
    breaks an invariant before its offers are drawn is thrown away as ``drawn`` throws it
    away (its offers would not have saved it), so the same candidates are drawn from
    ``rng`` and the same one is kept."""
    for _ in range(MAX_DRAWS):
        candidate = _candidate(rng, learner, offers=False)
        if _broken_before_offers(candidate):
            continue
        candidate = dataclasses.replace(
            candidate, vote_offers=_vote_offers(learner, candidate.members, candidate.quota)
        )
        if not flaws(candidate):
            return candidate
    raise NoFairDraw("03_power", learner)


def kestrel_power(rng, learner):
    """Draw a learner's scenario, redrawing until it keeps every invariant."""
    return _first_fair(rng, learner)
