"""Module 01's scenario: you sell a machine to a buyer whose reservation price you can only
guess, read its opening offer and two pieces of news, decide what price to name, and decide
whether a market report is worth its fee. Every draw is checked against ``problems`` and
drawn again until it passes, so each learner gets a case with a real decision in it."""

import copy
import functools
import hashlib
import itertools
import math
import random
from collections import Counter
from dataclasses import dataclass, field, replace

from course.checks.calls import answer_key, own_case_key
from course.grader_keys import label_part, own_case_labels
from course.models.batna import TARGET_SHARE
from course.models.information import (
    HOLD,
    bayes_update,
    expected_reservation,
    value_of_information,
)
from course.scenarios.base import MAX_DRAWS, NoFairDraw, Scenario, pick

#: Prior beliefs a learner may start from (chance of each of the four possible prices).
PRIORS = (
    (0.4, 0.3, 0.2, 0.1),
    (0.1, 0.2, 0.3, 0.4),
    (0.25, 0.25, 0.25, 0.25),
    (0.2, 0.4, 0.3, 0.1),
    (0.3, 0.2, 0.2, 0.3),
    (0.15, 0.35, 0.35, 0.15),
)


@dataclass(frozen=True)
class News:
    """A fact about Osprey that you learn during the talks. Each one *reveals* something
    that was already true before the talks began (so it is evidence about Osprey's
    reservation price as it stands, read with Bayes' rule), rather than an event that
    changes Osprey's alternatives from now on. ``_direction`` says which reservation prices
    it is more likely under: "higher", "lower" or "neither"; ``_why`` explains that (shown
    once the learner's reading passes); ``_question`` points at what to think about without
    giving the direction away (shown when the reading is wrong). The direction is Question
    3's answer, so it and the words around it are private: the course reaches them through
    the answer keys (``news_of``), and a learner's object shows key and text only."""

    key: str
    text: str
    _direction: str
    _why: str
    _question: str


#: Every piece of news belongs to this case: Osprey Foods buying a packaging machine.
#: Private, like the other tables of items a learner judges: each item holds its answer.
_NEWS = (
    News(
        "launch",
        "The trade press reports that Osprey promised supermarkets its new snack line "
        "months ago, for a date three weeks from now, and that its old packing line cannot "
        "handle the new bags.",
        "higher",
        "a firm with a launch date close ahead cannot wait for a cheaper machine, so a high "
        "reservation price is more likely",
        "think about how much time Osprey has to find another machine",
    ),
    News(
        "inspection",
        "The public register of factory safety inspections shows that Osprey's old packing "
        "line failed an inspection in the spring and has been running on a temporary permit "
        "that ends this month.",
        "higher",
        "a firm that must replace a line within weeks has few alternatives, so a high "
        "reservation price is more likely",
        "think about how long Osprey's old line can keep running",
    ),
    News(
        "rival-quote",
        "The trade press reports that Osprey ran a tender last month and has held a rival "
        "builder's written quote for a similar machine since then; the quote's price was not "
        "published.",
        "lower",
        "a firm that already holds another builder's quote can walk away to it, so it will "
        "not pay much above it and a low reservation price is more likely (its price unknown, "
        "the quote is evidence about Osprey's alternatives, not a cap)",
        "think about what Osprey can do if your price is too high",
    ),
    News(
        "lost-customer",
        "Osprey's annual report, published last week, says that it lost its largest "
        "supermarket customer last autumn, has packed a third fewer bags since, and has "
        "shelved its plans to expand.",
        "lower",
        "a firm that needs less capacity gains less from a new machine, so a low "
        "reservation price is more likely",
        "think about how much packing capacity Osprey needs",
    ),
    News(
        "five-a-side",
        "The local paper reports that Osprey's staff football team won the city's "
        "five-a-side league last month.",
        "neither",
        "a staff team's trophy says nothing about how much Osprey needs the machine or what "
        "else it could do, so every reservation price stays as likely as before",
        "think about whether this touches Osprey's need for the machine or its other "
        "options at all",
    ),
    News(
        "marathon",
        "The local paper's list of finishers shows that Osprey's chief executive ran the "
        "city marathon last weekend.",
        "neither",
        "a chief executive's hobby says nothing about Osprey's need for the machine or its "
        "alternatives, so every reservation price stays as likely as before",
        "think about whether this touches Osprey's need for the machine or its other "
        "options at all",
    ),
)

#: Question 3's practice news: shown in the notebook's text, judged one by one by the
#: visible check on the practice case (``course.checks.information.practice_case``); no
#: learner reads them as their own news, so their directions say nothing of anyone's.
_PRACTICE_NEWS = (
    News(
        "practice-penalty",
        "A court filing shows that Osprey's contract with a supermarket chain makes it pay a "
        "penalty for every week its new bags arrive late.",
        "higher",
        "a firm that pays for every week of delay gains more from a machine now, so a high "
        "reservation price is more likely",
        "think about what each week without the machine costs Osprey",
    ),
    News(
        "practice-spare-line",
        "A dealer's catalogue shows that Osprey bought a second-hand packing line two years "
        "ago, which still stands unused in its warehouse and could be refitted for the new "
        "bags.",
        "lower",
        "a firm with a line it could refit has something else it can do, so it will not pay "
        "much for a new machine and a low reservation price is more likely",
        "think about what Osprey could do instead of buying from you",
    ),
    News(
        "practice-repaint",
        "Osprey's website shows that its head office was repainted in the firm's new colours "
        "last month.",
        "neither",
        "fresh paint on the head office says nothing about how much Osprey needs the machine "
        "or what else it could do, so every reservation price stays as likely as before",
        "think about whether this touches Osprey's need for the machine or its other "
        "options at all",
    ),
)
#: Question 3's cap: under a reading of a piece of news, no reservation price may be more
#: than this many times as likely as its neighbour in the list (news of this kind rarely
#: comes close to ruling a price out; the course's own reading uses ``NEWS_STEP``).
MOST_NEWS_RATIO = 10.0

#: The news likelihood the course's reference answer uses, and the fairness rule checks:
#: each reservation price up the list this many times as likely as the one below it
#: (or below, for news that points down). A learner's own scale may differ.
NEWS_STEP = 2.0

#: The chance a draw's news points up (news drawn to point down that moves nothing is
#: turned up when up moves the price); the sweep checks that 30-70% of learners end up with
#: news that points up (about 35%; tests/test_variants_sweep_information.py).
UP_SHARE = 0.8

#: The share of learners whose opening raises the model's price (review 70 X5: on every
#: learner's own case it kept or lowered it, since a rise rules out every possible price
#: between your cost and the new price and so left Question 6's cash-strapped seller no
#: surer price). Which learners they are hangs on the id alone (``meets_good_news``), so
#: the others, and every worked case the notebook names, keep the case they had.
RISE_SHARE = 1 / 3

#: Answers to "should you tell Osprey this?": share an interest, keep your position.
SHARE, KEEP = "share", "keep"

#: Labels for ways of learning about Osprey or persuading it: module 00's four kinds of move.
LEGITIMATE, BLUFF, MISREPRESENTATION, ILLEGITIMATE = (
    "legitimate",
    "bluff",
    "misrepresentation",
    "illegitimate",
)


@dataclass(frozen=True)
class Move:
    """Something Alder Works might say or do with Osprey, its right ``_label`` and why. The
    ``_why`` explains without naming the label, so a wrong answer's hint teaches without
    handing over the answer. A ``{rival}`` in the text is the learner's own amount. The
    label is Question 9's answer, reached through ``moves_of``; ``_also`` holds the other
    labels accepted for a move on the line between two kinds.

    A practice move carries its label (``given_label``). A learner's move carries none in
    the package: its labels are in the grader's keys (``grader-keys/01_information.json``,
    pool "moves": key -> [label, also], read through ``course.grader_keys`` where grading
    runs; review 70 X2). Only ``group`` is here, because the draw (``_some``) takes one move
    of each label: moves of one pool with the same ``group`` have the same label, and the
    numbers, given per pool in the alphabetical order of the keys, name no label. Group 0
    holds the moves on a line, which accept two labels: they never fill a label's place in
    the draw, since a learner who gave every move of that place the other label would pass
    (review 72 X1: the ultimatum filled the bluff's place, so calling every untrue statement
    a misrepresentation earned full marks for 32 learners in 40)."""

    key: str
    text: str
    _why: str
    given_label: str = field(default="", repr=False)
    group: int = field(default=0, repr=False)

    def _labels(self):
        if self.given_label:
            return self.given_label, ()
        label, also = own_case_labels("01_information", "moves")[self.key]
        return label, tuple(also)

    _label = label_part(0)
    _also = label_part(1)


#: Things you might tell Osprey (Alder Works is the seller): share or keep to yourself.
_DISCLOSURES = (
    Move(
        "deposit",
        "that you give every customer a 2% discount for a 30% deposit on signing, and would "
        "do the same for Osprey",
        "it opens a trade (a deposit for a better price) in which both sides can gain, and "
        "as a standing term offered to every customer it says nothing about a need of yours "
        "for cash; a date by which you must have the cash would be another matter. Keeping "
        "it back until you need something to trade for it is defensible too (no concession "
        "without a return), so either answer is accepted",
        group=0,
    ),
    Move(
        "fast-delivery",
        "that you can deliver in two weeks, faster than most builders",
        "a quick delivery is worth something to any buyer replacing a line, and saying it "
        "costs you nothing",
        # review 66 C2: "four weeks" missed the launch "three weeks from now" and the permit
        # that "ends this month", drawn with it for about one learner in six
        group=1,
    ),
    Move(
        "reference",
        "that you would like a well-known food firm as a reference customer",
        "Osprey can give it cheaply (a case study, a site visit) in return for something. "
        "Keeping it back is defensible too: it tells Osprey that the deal is worth more to "
        "you than its price, which a hard bargainer can use, so either answer is accepted",
        group=0,
    ),
    Move(
        "lowest-price",
        "the lowest price you would accept for the machine",
        "once Osprey knows the least you would take, it can hold you to exactly that",
        group=2,
    ),
    Move(
        "empty-order-book",
        "that your order book is nearly empty: apart from the order waiting for your free "
        "build slot, nothing is booked for the rest of the year",
        "it tells Osprey that a deal matters more to you than to it",
        group=2,
    ),
    Move(
        "what-you-know",
        "that you have read the news about Osprey and worked out from it roughly the most "
        "Osprey would pay for the machine",
        "your estimate of the most Osprey would pay is already in your price; announcing it "
        "tells Osprey how you read its signals, so it can shade what it shows you next and "
        "argue your estimate down, and it sounds like pressure. Meet the need with terms "
        "instead (a delivery date). Naming one fact to answer a claim Osprey makes (an "
        "alternative you know has fallen through) is a different move",
        group=2,
    ),
    Move(
        "friday-deadline",
        "that you need the contract signed by Friday to pay a supplier",
        "only you pay if the talks drag on, so Osprey could simply wait until Friday",
        group=2,
    ),
    Move(
        "final-deadline",
        "that your one free build slot goes to the next order on the list at the end of the "
        "month, so after that you could not build Osprey's machine by the date it wants its "
        "new line running (true)",
        "the date binds Osprey too: waiting costs it its machine on time, not only you your "
        "sale. Said as information and not as a demand, it gives Osprey a reason to move "
        "sooner, the logic of Moore's finding on deadlines that bind both sides (section 6), "
        "where keeping it secret lets Osprey think it can wait you out",
        group=1,
    ),
    Move(
        "weak-alternative",
        "that, besides the food firm that asked you for a quote last week, your only other "
        "prospect is Wren Bakery, haggling over a smaller machine with offers below what it "
        "costs you to build",
        # review 81 C2: your floor is your cost whatever Wren does (section 3), so Wren says
        # nothing about the least you would accept; it tells how short of work you are
        "it tells Osprey you are short of other work, so the deal matters more to you than "
        "to it and it can press harder; mention an alternative only when it is strong "
        "(section 6)",
        group=2,
    ),
)

#: Ways to learn about Osprey or to persuade it, in module 00's four kinds.
_TACTICS = (
    Move(
        "annual-report",
        "reading Osprey's annual report and press releases before the meeting",
        "published information, open to anyone, and nothing you say is untrue",
        group=1,
    ),
    Move(
        "ask-timing",
        "asking Osprey's buyer when the new line must be running and what a delay would cost",
        "asking questions deceives nobody; Osprey is free to answer or not",
        group=1,
    ),
    Move(
        "price-survey",
        "buying a trade association's survey of what food firms paid for similar machines",
        "published data about the market, sold openly, not Osprey's secrets",
        group=1,
    ),
    Move(
        "true-rival",
        "mentioning, calmly, that another food firm asked you for a quote last week (it did)",
        # review 103 C2: legitimate, but section 6's rule says when it is worth saying
        "it is true, it is yours to mention, and it is said without a threat. Fair is not the "
        "same as useful: a request for a quote is not an offer, so by section 6's rule it "
        "helps only if Osprey thinks you would take less than that firm might pay",
        group=1,
    ),
    Move(
        "rival-ultimatum",
        "telling Osprey 'sign by Friday or we stop holding your build slot: another food "
        "firm asked us for a quote last week'. That firm really did ask, but you would in "
        "fact hold the slot for Osprey until the end of the month: the Friday is a date you "
        "picked to press Osprey",
        "the other firm's request is true, but the consequence is not: you would not give "
        "the slot away on Friday. A threat or warning you would not carry out misstates your "
        "own intention, as a claim about what you would settle for misstates your limit; a "
        "stated intention you do not hold can also be a false statement in law (Edgington "
        "v Fitzmaurice, 1885), so either reading is accepted. Osprey may test it, and when "
        "Friday passes your word is worth less. Said calmly and truly (the other firm's "
        "request, the slot's real end of month) the same facts inform (section 6)",
        group=0,
    ),
    Move(
        "hard-for-us",
        "saying 'that price would be very hard for us' about a price you would in fact accept",
        "it is untrue, but it is about your own reservation price, which by the usual "
        "conventions of bargaining nobody takes as a statement of fact; tolerated, usually "
        "lawful, and still contested, and it costs credibility if Osprey calls it",
        group=3,
    ),
    Move(
        "as-low-as-we-go",
        "telling Osprey 'this is as low as we will go' about a price when you would in fact "
        "take less",
        "it is untrue, but it is about what you would settle for, which by the usual "
        "conventions of bargaining nobody takes as a statement of fact; tolerated, usually "
        "lawful, and it costs credibility if Osprey calls it and you then go lower",
        # review 73 X2: with `fair-price` on a line (group 0), a second move of this label
        # keeps `hard-for-us` from being drawn for every learner (review 72 X4)
        group=3,
    ),
    Move(
        "fair-price",
        "calling your opening 'a fair price for this machine' when you yourself think it is "
        "well above the machine's value",
        "it is untrue: you think the price well above the machine's value. It is your own "
        "estimate of value, which the usual conventions of bargaining tolerate as sales "
        "talk (comment [2] to ABA Model Rule 4.1 names estimates of price or value); but you "
        "know the machine better than Osprey does, and in law an opinion from the side that "
        "knows the facts better implies it knows facts that back it (Smith v Land and House "
        "Property Corp, 1884), so either reading is accepted. Nothing untrue is said only "
        "when you believe it. It costs credibility if it cannot be backed",
        # review 80 C1: it accepted "legitimate" (review 73 X2, puffery), which the module
        # defines as nothing untrue said; it is on the line between a bluff and a
        # misrepresentation, as a threat or warning you would not carry out is, so it fills
        # no label's place (group 0)
        group=0,
    ),
    Move(
        "invented-rival",
        "telling Osprey that another buyer offered €{rival} for this machine, when none did",
        "an offer that does not exist is an untrue fact Osprey would rely on: deceit, and "
        "in many jurisdictions fraud",
        group=4,
    ),
    Move(
        "steel-costs",
        "saying that a rise in steel prices forces your price up, when your costs have not changed",
        "your costs are a fact, not your own reservation price, and what you say about "
        "them is untrue",
        group=4,
    ),
    Move(
        "hidden-fault",
        "saying the model has never needed a repair, when the last two did within a year",
        "denying a defect you know of is an untrue fact that Osprey would rely on",
        group=4,
    ),
    Move(
        "ex-manager",
        "paying a former Osprey manager to tell you the budget Osprey approved for the line",
        "you would buy confidential information from someone bound to keep it: often "
        "unlawful (trade-secret law) as well as unethical",
        group=2,
    ),
    Move(
        "pretext-call",
        "phoning Osprey's finance office while pretending to be its bank",
        "pretexting: the information is not yours to have, and a lie about who you are, "
        "which the person asked relies on, is the means",
        group=0,
    ),
    Move(
        "gift-engineer",
        "offering an Osprey engineer a free holiday in return for the project's budget",
        "a bribe to an insider for confidential information",
        group=2,
    ),
)

#: Question 9's practice moves: shown in the notebook's text and judged item by item by the
#: visible check, so the learner can learn the distinctions before judging their own moves,
#: which the visible check does not judge (they are marked when the notebook is graded).
#: None of them is among ``_DISCLOSURES`` or ``_TACTICS``.
_PRACTICE_DISCLOSURES = (
    Move(
        "practice-spare-parts",
        "that you keep spare parts for every machine you have built in the last ten years, "
        "and ship them within two days",
        "parts for years are worth something to any buyer who means to run the machine for "
        "years, and saying so costs you nothing",
        given_label=SHARE,
    ),
    Move(
        "practice-overdraft",
        "that your bank has asked you to cut your overdraft before the end of the quarter",
        "it tells Osprey that you need the sale more than it does, so it could wait for you "
        "to give way",
        given_label=KEEP,
    ),
)
_PRACTICE_TACTICS = (
    Move(
        "practice-trade-fair",
        "asking Osprey's engineers at their trade-fair stand which features of their last "
        "machine they liked",
        "asking openly deceives nobody, and they are free to answer or not",
        given_label=LEGITIMATE,
    ),
    Move(
        "practice-payment-terms",
        "saying 'we won't accept more than 30 days for payment' when you would in fact accept 60",
        "it is untrue, but it is about what you would settle for on a term of the deal, "
        "which by the usual conventions of bargaining nobody takes as a statement of fact; it "
        "costs credibility if Osprey calls it",
        given_label=BLUFF,
    ),
    Move(
        "practice-list-price",
        "telling Osprey that your last five customers all paid your full list price, when "
        "most of them had a discount",
        "what earlier customers paid is a fact Osprey would rely on, and what you say about "
        "it is untrue",
        given_label=MISREPRESENTATION,
    ),
    Move(
        "practice-password",
        "logging in to Osprey's purchasing system with a password one of its staff once let "
        "slip, to read other builders' quotes",
        "the system and the quotes in it are not yours to use: access without permission, "
        "often unlawful as well as unethical",
        given_label=ILLEGITIMATE,
    ),
)


#: What the take-it-or-leave-it model assumes (the notebook's "Where this model holds"),
#: keyed by the short names Question 6 answers with; "none" for a situation where it holds.
ASSUMPTIONS = {
    "final-offer": "you can commit to one final price, and a refusal ends the talks",
    "accepts-any": "the buyer accepts any price up to its reservation price",
    "risk-neutral": "you care only about the average profit",
    "honest-opening": "the opening is not shaded to steer your reading",
    "none": "every assumption holds",
}

#: What to do with the model's price (the best final price against your beliefs).
ACCEPT, MODEL_PRICE, ABOVE, BELOW = (
    "accept the opening",
    "ask the model's price",
    "ask above it",
    "ask below it",
)
#: A price below the model's that makes the sale surer: a reservation price still possible
#: between your cost and the model's price (a price between two of them sells to no more
#: buyers than the next one up, for less). Every such price is also "below it".
SURER = "ask a safer price"
#: Where a refusal brings a counter-offer: an opening by module 04's rule, from the higher of
#: your estimate and the model's price up to ``ceiling``, the highest price still possible,
#: as the text teaches (review 80 C2); the check accepts up to ``opening_ceiling``, the same
#: price since review 93 X1 (one step above it until then; ``opens_by_the_course_rule``). It was
#: "ask above it" until review s56 (C2), then "open from your estimate", wherever the model's
#: price fell, until review 69 X1: an opening below the model's price names less in a haggle
#: than you would name as your last word, and 1,813 of 2,000 swept learners' estimates lie
#: below their model's price.
OPEN = "open at the higher of your estimate and the model's price"
#: A price below the model's that leaves a buyer who refuses unfair deals a real share: a
#: buyer whose reservation price is the model's price keeps at least ``FAIR_SHARE`` of the
#: gain (the model's price minus your cost), and every lower price above your cost and the
#: opening leaves every buyer at least as much (``leaves_share_at_model``; review 108 X1
#: and session 111 C1: until then the share was measured at the lowest reservation price
#: still possible at or above the price, a rule whose pass set had holes). In ultimatum
#: games, offers under about a fifth of the pie are refused about half the time and
#: refusals grow rarer the larger the share, so the advice is a quarter (review 66 X3); the
#: mark's floor is ``FAIR_FLOOR``. The reference answer leaves ``FAIR_SHARE`` too (review
#: 106 C1: it left a third, which no text advised). A price leaving a quarter exists for
#: every drawn learner with `fair-share`, and the sweep test keeps it so. Sources (the
#: notebook cites Camerer and Andersen): Camerer, *Behavioral Game
#: Theory*, 2003, chapter 2 (its summary of many studies), and the meta-analysis of
#: Oosterbeek, Sloof and van de Kuilen, *Experimental Economics* 7, 2004 (37 papers: an
#: average offer of 40 per cent, about one offer in six refused, fewer the larger the share
#: offered). Those games split small sums; refusals fall towards zero when an offer is worth
#: weeks of wages (Andersen, Ertaç, Gneezy, Hoffman and List, "Stakes Matter in Ultimatum
#: Games", *American Economic Review* 101, 2011), so at a sale's stakes the band is the
#: course's caution, not a measured risk, and Question 6 says so (review 74 U1).
FAIR = "ask a fair price"
FAIR_SHARE = 0.25
#: The mark's hard bound for a fair price: a buyer whose reservation price is the model's
#: price keeps at least this share of the gain (``leaves_share_at_model``). Review 88 X1 made
#: ``FAIR_SHARE`` (a quarter) the text's advice, not a pass mark, with a floor of a tenth;
#: review 89 X2 raised the floor to a fifth, Camerer's figure for offers refused about half
#: the time, which the text cites. Review 108 X1 moved where the share is measured, from the
#: lowest reservation price still possible at or above the price to the model's price, and
#: session 111 C1 moved the reference answer (``fair_price``) and the feedback there too.
FAIR_FLOOR = 0.2
#: Review 82 X1 (round 83): a fair price is marked on its hard bounds only (above the cost
#: and the opening, below the model's price, the buyer keeping at least ``FAIR_FLOOR``); the
#: cap at half the gain (``keeps_half_the_gain``, round s62) failed fair prices such as
#: 58,333 on worked-case-0 (the buyer keeps 53%), so it is gone.


@dataclass(frozen=True)
class Situation:
    """A situation at Osprey's table, the model's assumption it breaks (``_assumption``, a
    key of ``ASSUMPTIONS``), the right things to do (``_actions``: more than one when each
    is defensible) and why, in words that do not name the answers. The assumption and the
    actions are Question 6's answers, reached through ``situations_of`` and ``actions_for``.
    A practice situation carries them (``given_assumption``, ``given_actions``); a learner's
    situation carries none in the package: they are in the grader's keys
    (``grader-keys/01_information.json``, pool "situations": key -> [assumption, actions],
    read through ``course.grader_keys`` where grading runs; review 70 X2). The draw never
    needed them: it picks situations by key."""

    key: str
    text: str
    _why_assumption: str
    _why_action: str
    given_assumption: str = field(default="", repr=False)
    given_actions: tuple = field(default=(), repr=False)
    #: Drawn only for a learner who has a surer price (``_situations``): the draw decides
    #: by it where no keys are, and its ``_why_action`` already says a safer price helps.
    needs_surer: bool = field(default=False, repr=False)

    def _labels(self):
        if self.given_assumption:
            return self.given_assumption, self.given_actions
        assumption, actions = own_case_labels("01_information", "situations")[self.key]
        return assumption, tuple(actions)

    _assumption = label_part(0)
    _actions = label_part(1)


#: Question 6's situations. Each learner judges `staged-opening` and ``SITUATION_COUNT`` - 1
#: of the others, drawn (``_situations``), so how often each assumption fails differs between
#: learners and cannot be read off by elimination; the prices that answer them are the
#: learner's own (``fits``).
_SITUATIONS = (
    Situation(
        "staged-opening",
        "Osprey's buyer has just come back from a negotiation course that taught how sellers "
        "read openings, and its opening is the lowest it has made in years, though nothing "
        "about its need for the machine has changed.",
        "the model reads the opening as what buyers like Osprey habitually do; a buyer who "
        "knows the reading can steer it",
        # the learner's own version, with its numbers: ``why_action_for``; which action is
        # right depends on the learner's numbers too: ``actions_for``
        "a shaded opening is lower than Osprey's habit; read as the habit, it pushes your "
        "beliefs down (it can cut off reservation prices at the top that are still possible, "
        "and it favours the lower prices inside the band), so the model's price can only err "
        "low. What shading cannot fake is the bottom: a buyer who shades opens lower, never "
        "higher, so Osprey's reservation price is still at least the opening divided by the "
        "band's high share. Price against your prior with only the prices below that cut out",
    ),
    Situation(
        "counter-offer",
        "In every past deal, when Osprey's buyer did not like a price it came back with a "
        "proposal of its own, and the deals took several rounds to close.",
        "the model's price is the best final price when there is no second round",
        "when a refusal brings a counter-offer, your first number is an opening, not your "
        "last word: open at the higher of your estimate of the buyer's reservation price "
        "and the model's price, beyond it only as far as a fact you can name takes you "
        "(Question 6's convention 1, a preview of module 04), and set a target below "
        "it in the course's band "
        "(convention 2, a preview of module 02: at least halfway from your cost to your "
        "estimate). Losing the power to commit weakens a seller (one who can commit to a "
        "take-it-or-leave-it price does at least as well as by haggling: Riley and "
        "Zeckhauser, 1983), but it is no reason to open lower: no haggle ends above your "
        "opening, so an opening below the model's price gives away what that price as your "
        "last word would have kept",
    ),
    Situation(
        "friday-cash",
        "Your bank will call in your overdraft unless the cash from this sale arrives by "
        "Friday, and without the overdraft the workshop may have to close.",
        "the model weighs a sure sale and a gamble on their averages alone",
        "when losing the sale hurts more than its average suggests, a safer price is worth "
        "some margin: a lower reservation price that is still possible is accepted more "
        "often and still earns more than your cost (under the band model, accepting the "
        "opening is never best: the lowest possible price is accepted just as surely and "
        "earns more)",
        needs_surer=True,
    ),
    Situation(
        "fair-share",
        "Osprey's buyer is known in the trade for walking out of deals it could well afford "
        "when it felt the seller kept nearly all the gain; it has done so twice.",
        "the model assumes a buyer takes any price it can afford, however little it leaves",
        "a buyer who refuses prices it finds unfair makes the model's price riskier than "
        "the model says: a buyer whose reservation price is the model's price keeps nothing "
        "there. Name a lower price that leaves that buyer at least a quarter of the gain "
        "(the model's price minus your cost; in small-stakes ultimatum games offers under "
        "about a fifth are refused about half the time, and refusals grow rarer the larger "
        "the share). Any lower price above your cost and the opening leaves every buyer at "
        "least as much: one just under a lower reservation price leaves that buyer little, "
        "but at any higher price it could not buy at all",
    ),
    Situation(
        "one-price",
        "Osprey's buyer opens below what it would pay, as it always does, then asks every "
        "supplier for one final price and never haggles over it; it has walked away for good "
        "from sellers who tried. Today's opening was like all its others, its past suppliers "
        "say it signed prices that left it next to nothing, and your workshop has cash for "
        "months.",
        "one final price, a refusal that ends it, an opening Osprey did not shade and no "
        "need for cash: check each promise of the model against the story",
        "when the model's assumptions hold, its price is the best you can do on average",
    ),
    Situation(
        "first-number",
        "Osprey's buyer opens below what it would pay, as it always does, then asks every "
        "supplier for one final price and never haggles over it; its past suppliers say it "
        "signed prices that left it next to nothing, and your workshop has cash for months. "
        "Your beliefs already take its opening into account. Yet the opening's number keeps coming "
        "back to you, and you are tempted to name a final price halfway between it and the "
        "model's price.",
        "the opening is not shaded here and is already read into your beliefs; a pull "
        "you feel towards its number is a bias in you, not a broken promise of the model",
        "a price drawn towards the opening's number gives margin away for no reason the "
        "model knows: that pull is anchoring, the habit of adjusting too little away from a "
        "number you have met (section 5 says more). Set the number aside and think "
        "about Osprey's alternatives, its reservation price and your own target",
    ),
    Situation(
        "board-rounds",
        "Osprey's buyer must take any price to its board, and the board has never approved a "
        "supplier's first figure: it sends the buyer back with a lower one for you to answer, "
        "and past deals closed in the second or third round.",
        "the model's price is the best final price when there is no second round; here a "
        "refusal brings the board's own figure",
        "when a refusal brings a counter-offer, your first number is an opening, not your "
        "last word: open at the higher of your estimate of the buyer's reservation price "
        "and the model's price, beyond it only as far as a fact you can name takes you "
        "(Question 6's convention 1), with a target below it in the course's band "
        "(convention 2)",
    ),
    Situation(
        "payroll",
        "If this sale falls through you will have to let your two apprentices go before the "
        "summer; Osprey asks you for one final price and takes or leaves it.",
        "the model weighs a sure sale and a gamble on their averages alone",
        "when losing the sale hurts more than its average suggests, a safer price is worth "
        "some margin: a lower reservation price that is still possible is accepted more "
        "often and still earns more than your cost",
        needs_surer=True,
    ),
)

#: How many situations each learner judges in Question 6 (`staged-opening` and drawn others).
#: Review 76 X1: six, with near-copies drawn together (the second a transcription of the
#: first), are now four, at most one of each pair of ``TWINS``.
SITUATION_COUNT = 4

#: Question 6's pairs of situations that break the same assumption and call for the same
#: price: a learner meets at most one of each pair (review 76 X1).
TWINS = (
    ("counter-offer", "board-rounds"),
    ("friday-cash", "payroll"),
    ("one-price", "first-number"),
)

#: Question 6's practice situations: shown in the notebook's text, judged item by item by
#: the visible check on the practice case (``course.checks.information.practice_case``);
#: no learner is graded on them.
_PRACTICE_SITUATIONS = (
    Situation(
        "practice-come-back",
        "Osprey's buyer answers every price it dislikes with 'come back with something "
        "better', and the builders who did closed with it in the second or third round.",
        "a refusal does not end the talks here: it asks for another number",
        "your first number is an opening, not your last word: open at the higher of your "
        "estimate of the buyer's reservation price and the model's price, beyond it only as "
        "far as a fact you can name takes you (never below the price you would name as your "
        "last word), and aim for a target "
        "below it in the course's band (Question 6's convention 2)",
        given_assumption="final-offer",
        given_actions=(OPEN,),
    ),
    Situation(
        "practice-lease",
        "Your landlord will end your lease unless this month's rent, which only this sale can "
        "pay, arrives on time; Osprey asks you for one final price and takes or leaves it.",
        "a lost sale would cost you far more than its share of the average profit",
        "a lower reservation price that is still possible is accepted more often and still "
        "earns more than your cost",
        given_assumption="risk-neutral",
        given_actions=(SURER,),
    ),
    Situation(
        "practice-whole-gain",
        "Osprey's new buyer told a trade magazine that it walks away from any supplier who "
        "'keeps the whole gain', and it did so last spring in a deal it could afford.",
        "this buyer may refuse a price it can afford",
        "name a lower price that leaves a buyer whose reservation price is the model's price "
        "at least a quarter of the gain (the model's price minus your cost)",
        given_assumption="accepts-any",
        given_actions=(FAIR,),
    ),
    Situation(
        "practice-colleague",
        "Osprey's buyer opened in its usual way, asks you for one final price and takes or "
        "leaves it, and its past suppliers say it signed prices that left it next to nothing; "
        "your workshop has cash for months. A colleague says to ask €5,000 less than the model's price, "
        "'to be safe'.",
        "every promise of the model holds; advice to be safe is no reason the story gives",
        "when the model's assumptions hold, its price is the best you can do on average, "
        "and with cash for months a lost sale costs you only its average",
        given_assumption="none",
        given_actions=(MODEL_PRICE,),
    ),
)


@own_case_key
def situations_of(sale):
    """The full ``Situation`` (with its answer and why) of every situation the learner
    judges in Question 6, in the order of ``sale.situations``: for the grader."""
    return _situations_of(sale)


def _situations_of(sale):
    every = {item.key: item for item in (*_SITUATIONS, *_PRACTICE_SITUATIONS)}
    return tuple(every[key] for key in sale.situations)


@answer_key
def staged_beliefs(sale):
    """Beliefs after an opening read only for what shading cannot fake: a buyer who shades
    its opening opens lower than its habit, never higher, so the opening still shows that
    the reservation price is at least ``opening_offer / opening_high``; the cut at the top
    and the band's tilt towards lower prices no longer hold. The prior with the prices
    below that cut out, rescaled."""
    kept = {
        value: chance
        for value, chance in sale.prior_beliefs().items()
        if sale.opening_high * value >= sale.opening_offer
    }
    total = sum(kept.values())
    return {value: chance / total for value, chance in kept.items()}


@answer_key
def staged_price(sale):
    """The best final price against ``staged_beliefs``: Question 6's `staged-opening`."""
    return best_move(staged_beliefs(sale), sale.cost)[0]


@answer_key
def actions_for(item, sale, after):
    """The right actions for the situation ``item`` on this learner's case. Only
    `staged-opening` depends on the numbers: above the model's price when the honest part
    of the opening (``staged_price``) gives a higher price, the model's price when it gives
    the same. (It never gives a lower one: dropping the band's cut at the top and its tilt
    only moves weight up; tests/test_variants_sweep_information.py checks it.)"""
    if item.key != "staged-opening":
        return item._actions
    model = best_move(after, sale.cost)[0]
    return (ABOVE,) if staged_price(sale) > model + 0.005 else (MODEL_PRICE,)


@answer_key
def why_action_for(item, sale, after):
    """Why the right action is right, on this learner's numbers (only `staged-opening`
    differs between learners), never naming the action's label."""
    if item.key != "staged-opening":
        return item._why_action
    model, price = best_move(after, sale.cost)[0], staged_price(sale)
    floor = sale.opening_offer / sale.opening_high
    cut = [value for value in sale.reservations if value < floor]
    lead = (
        "a shaded opening is lower than Osprey's habit, so read as the habit it can only "
        "push your beliefs down and the model's price can only err low. What shading cannot "
        "fake is the bottom: Osprey's reservation price is still at least "
        f"{_money(sale.opening_offer)} / {sale.opening_high:.2f} = {_money(floor)}"
        + (
            f", which rules out {_listed(cut)}"
            if cut
            else ", which rules out none of your four possible prices"
        )
        + ". Your prior with only that cut gives "
    )
    if price > model + 0.005:
        top = max(v for v, c in after.items() if c > 0) < max(sale.reservations)
        how = (
            "cut off reservation prices at the top that shading leaves possible, and "
            "favoured the lower ones"
            if top
            else "favoured the lower reservation prices inside the band"
        )
        return lead + (
            f"{_money(price)}, above the model's {_money(model)}: the habit's reading {how}, "
            f"and on your numbers that put the model's price {_money(price - model)} too low"
        )
    return lead + (
        f"{_money(price)}, the model's price too: on your numbers the habit's reading moved "
        "weight without moving the model's price, so the shading cost you nothing here, and "
        "asking more only because the opening looks staged would be a guess"
    )


def _money(amount):
    return f"€{amount:,.0f}" if float(amount).is_integer() else f"€{amount:,.2f}"


def _listed(values):
    words = [_money(value) for value in values]
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]


#: Osprey's opening must sit at least this far (euros) from every band edge, so that
#: reading it with ≤ or with < gives the same answer.
EDGE_MARGIN = 300.0
#: The two best candidate prices must differ in expected profit by at least this much ...
TIE_MARGIN = 250.0
#: ... and by at least this share of the best one's (expected profits run from about
#: €5,000 to €20,000, and the priors are given to one decimal: a best price that wins by
#: less would hang on how a subjective chance was rounded).
TIE_SHARE = 0.06


def tied(profits):
    """Whether the two best of ``profits`` (expected profits, any order; a lone one
    against not selling, 0) are too close to call: within ``TIE_MARGIN`` euros or
    ``TIE_SHARE`` of the best."""
    ranked = sorted([*profits, 0.0], reverse=True)
    return ranked[0] - ranked[1] < max(TIE_MARGIN, TIE_SHARE * ranked[0])


#: Perfect information after the opening must be worth at least this much.
MIN_PERFECT = 1_000.0
#: The market report must be worth at least this much, so that buying it is a question.
MIN_REPORT = 400.0
#: The expected reservation price under the prior sits at least this far (euros) from the
#: best price before the opening, so that slip never gives the learner's `before`.
EXPECTED_MARGIN = 500.0
#: Perfect information before and after the opening must differ by at least this much.
MIN_MOVE = 100.0
#: The fee differs from the report's worth by this share of it at least ...
FEE_OFF_MIN = 0.2
#: ... and at most this share (a plausible fee, not a wild one).
FEE_OFF_MAX = 0.5
#: A fee below this would not pay for a market survey.
MIN_FEE = 300.0
#: Question 7's research firms (``MachineSale.firms``), and the answer that hires neither.
FIRMS = ("Finch", "Heron")
NEITHER = "neither"
#: A firm worth hiring is worth at least this much (euros); every firm's worth lies at
#: least ``TIP_MARGIN`` euros and ``TIP_SHARE`` of itself from its fee, and two firms worth
#: hiring leave amounts above their fees at least ``TIP_MARGIN`` apart.
MIN_TIP = 500.0
TIP_MARGIN = 200.0
TIP_SHARE = 0.2
#: ... and the fee differs from the report's worth by at least this much (euros).
FEE_GAP = 200.0
#: Wren's cost sits at least this far (euros) from its reservation price and above its
#: third offer, so "keep going or walk away?" is never a coin toss.
WREN_MARGIN = 500.0
#: ... and every offer Wren will make until it reaches the cost sits at least this far
#: from it. Question 4 once counted those offers (review 66 X1 replaced the count with the
#: price to name); the condition stays so that every learner keeps the case drawn before.
WREN_ROUND_GAP = 100.0
#: The two explorer settings a learner compares differ in worth by at least this much.
EXPLORER_MARGIN = 2.0


@dataclass(frozen=True)
class Shown:
    """What a learner's scenario shows of a piece of news or a move: its key and its text,
    never its answer (a direction, a label, a why)."""

    key: str
    text: str


def _news_of(sale):
    every = (*_NEWS, *_PRACTICE_NEWS)
    return tuple(next(item for item in every if item.key == key) for key in sale.news)


@own_case_key
def news_of(sale):
    """The full ``News`` (with its direction and why) of the learner's news, in order: for
    the grader, not handed to the learner."""
    return _news_of(sale)


@own_case_key
def moves_of(sale):
    """The full ``Move`` (with its label and why) of every move the learner judges, the
    disclosures then the tactics, with the learner's own amounts in their texts: for the
    grader, not handed to the learner."""
    return _moves_of(sale)


def _moves_of(sale):
    chosen = {*sale.disclosures, *sale.tactics}
    return tuple(
        replace(move, text=move.text.format(rival=f"{sale.rival_offer:,.0f}"))
        for move in (*_DISCLOSURES, *_PRACTICE_DISCLOSURES, *_TACTICS, *_PRACTICE_TACTICS)
        if move.key in chosen
    )


@dataclass(frozen=True)
class MachineSale(Scenario):
    """A seller's view of one sale: beliefs about the buyer's reservation price, its
    opening offer, your cost, news, a market report for sale, and things you might say.
    Amounts are in euros."""

    reservations: tuple  # the buyer's possible reservation prices (the most it would pay)
    prior: tuple  # your chance for each of them, in the same order, before any offer
    opening_low: float  # buyers like this open at between opening_low ...
    opening_high: float  # ... and opening_high times their reservation price
    opening_offer: float  # what the buyer opened with
    cost: float  # what building the machine costs you
    report_accuracy: float  # chance the market report names the right reservation price
    report_fee: float  # what the market report costs
    news: tuple  # the keys of the two pieces of news you learn (see _NEWS)
    rival_cap: float  # after a rival's discount, the most Osprey would now pay you
    wren_offers: tuple  # another customer's first three offers
    wren_cost: float  # what the other customer's smaller machine costs you to build
    explorer_cases: dict  # label -> (cost, lowest, highest): settings for the explorer
    disclosures: tuple  # keys of things you might tell Osprey (see _DISCLOSURES)
    tactics: tuple  # keys of ways to learn or persuade (see _TACTICS)
    situations: tuple  # keys of Question 6's situations this learner judges (see _SITUATIONS)
    firms: tuple = ()  # Question 7: (name, amount, fee) of each firm; see FIRMS

    def prior_beliefs(self):
        """The prior as a dict: reservation price → probability."""
        return dict(zip(self.reservations, self.prior, strict=True))

    @property
    def news_items(self):
        """The news this learner reads, in the order of ``news``: each item's key and text
        only. Which way a piece of news points is Question 3's answer, so the learner's
        object does not carry it (the grader reads it with ``news_of``)."""
        return tuple(Shown(item.key, item.text) for item in _news_of(self))

    @property
    def rival_offer(self):
        """The invented rival offer a dishonest seller might claim: above every reservation
        price the learner believes possible, a round amount."""
        top, step = max(self.reservations), self.reservations[1] - self.reservations[0]
        return float(round(top + step, -3))

    @property
    def moves(self):
        """Every move this learner judges, the disclosures then the tactics, with the
        learner's own amounts in their texts: key and text only. The right label is
        Question 9's answer, so the learner's object does not carry it (the grader reads it
        with ``moves_of``)."""
        return tuple(Shown(move.key, move.text) for move in _moves_of(self))

    def story(self):
        chances = ", ".join(
            f"€{value:,.0f} (chance {chance:.0%})"
            for value, chance in zip(self.reservations, self.prior, strict=True)
        )
        wren = ", then ".join(f"€{offer:,.0f}" for offer in self.wren_offers)
        news = "\n".join(f"  - `{item.key}`: {item.text}" for item in self.news_items)
        said = "\n".join(
            f"  - `{move.key}`: {move.text}" for move in self.moves if move.key in self.disclosures
        )
        done = "\n".join(
            f"  - `{move.key}`: {move.text}" for move in self.moves if move.key in self.tactics
        )
        situations = "\n".join(f"  - `{item.key}`: {item.text}" for item in _situations_of(self))
        cases = "\n".join(
            f"  - `{label}`: cost {cost:g}, buyer's reservation price from {low:g} to {high:g}"
            for label, (cost, low, high) in self.explorer_cases.items()
        )
        return (
            "You run **Alder Works**, a small workshop that builds packaging machines. "
            "**Osprey Foods** wants one. Amounts are in euros.\n\n"
            f"- Building the machine costs you €{self.cost:,.0f} (`sale.cost`). You build "
            "to order, so that cost is the least you would accept.\n"
            "- From past sales to firms like Osprey, its reservation price (the most it "
            f"would pay) is one of: {chances} (`sale.reservations`, `sale.prior`; "
            "`sale.prior_beliefs()` gives them as a dict).\n"
            f"- Firms like Osprey open at between {self.opening_low:.0%} and "
            f"{self.opening_high:.0%} of their reservation price, any amount in that band "
            "as likely as any other (`sale.opening_low`, `sale.opening_high`).\n"
            f"- Osprey has just opened with an offer of **€{self.opening_offer:,.0f}** "
            "(`sale.opening_offer`). The offer stays open while you decide: you may accept "
            "it, or answer, once you are ready, with one final price that Osprey takes or "
            "leaves.\n"
            "- A market-research firm sells a report on Osprey, built from a survey of what "
            "comparable food firms paid for similar machines and from Osprey's public "
            "filings. It names one of the four reservation prices above. It names the right "
            f"one with chance {self.report_accuracy:.0%} (`sale.report_accuracy`), and "
            "otherwise one of the other three, each equally likely. It costs "
            f"€{self.report_fee:,.0f} (`sale.report_fee`).\n"
            "- Two research firms (`sale.firms`) would each learn, by lawful research and "
            "before you name your price, whether Osprey's reservation price is at least an "
            "amount (assumed sure in Question 7, a thought experiment). You may hire one:\n"
            + "".join(
                f"  - `{name}`: at least €{amount:,.0f}? Fee €{fee:,.0f}.\n"
                for name, amount, fee in self.firms
            )
            + "\n"
            "**News** (`sale.news`): after the opening, and before you name your final price, "
            "you learn two things about Osprey, each from a source open to you. "
            "Neither changes what Osprey could do; each can only tell you how things already "
            "stood:\n"
            f"{news}\n\n"
            "**News that changes**: then, still before you name your final price, a rival "
            "builder starts selling a similar machine for less. From now on Osprey would pay "
            f"you at most €{self.rival_cap:,.0f} (`sale.rival_cap`): each reservation price "
            "above that falls to it.\n\n"
            "**Another customer**: Wren Bakery is haggling over a smaller machine, which "
            f"costs you €{self.wren_cost:,.0f} to build (`sale.wren_cost`). It offered {wren} "
            "(`sale.wren_offers`), each below that cost. In past deals Wren moved the same "
            "share of the remaining gap to its reservation price every round. Its offers "
            "are in: it will now take or leave one final price from you.\n\n"
            "**Settings to try in the value-of-information explorer** "
            "(`sale.explorer_cases`, in the explorer's own units):\n"
            f"{cases}\n\n"
            "**Things you might tell Osprey** (`sale.disclosures`):\n"
            f"{said}\n\n"
            "**Ways to learn about Osprey or to persuade it** (`sale.tactics`):\n"
            f"{done}\n\n"
            "**Situations for Question 6** (`sale.situations`):\n"
            f"{situations}"
        )


#: How many draws a learner's sale may take. The rules reject most draws (about 210 a
#: learner since the expected reservation price must lie off the best price before the
#: opening, about 120 before: the opening, the news that must move the price and the ties
#: cost most), so the course's usual ``MAX_DRAWS`` would leave some learners without a
#: sale; this many leaves none in any number of learners the course will meet (a draw
#: costs about 50 microseconds, a learner's sale about 12 ms).
DRAWS = 20 * MAX_DRAWS
#: The same for a learner whose opening raises the model's price (``meets_good_news``): about
#: one draw in 2,000 passes (a rise leaves two or three prices, the news must still move the
#: price and the most likely price must not be the best), so ten times as many draws.
RISING_DRAWS = 10 * DRAWS


def machine_sale(rng, learner, rejected=None):
    """Draw a learner's sale, drawing again until it breaks none of the rules of
    ``problems``. When ``rejected`` (a Counter) is given, every draw is judged by every
    rule and each rejected draw adds the rules it breaks; ``rejected["draws"]`` counts
    the draws. Either way the same sale comes out (the rules draw nothing).

    Without ``rejected``, a sale already drawn in this process from the same generator
    state, under the same rules, is handed back with the generator left where the draw
    left it (``_DRAWN``): the same sale, without the redraws (review 70 X5 gave a third
    of learners about ten times as many)."""
    if rejected is not None:
        return _machine_sale(rng, learner, rejected)
    key = (learner, rng.getstate(), _rules())
    if key not in _DRAWN:
        if len(_DRAWN) >= DRAWN_KEPT:
            _DRAWN.pop(next(iter(_DRAWN)))
        sale = _machine_sale(rng, learner)
        _DRAWN[key] = (sale, rng.getstate())
    sale, state = _DRAWN[key]
    rng.setstate(state)
    return copy.deepcopy(sale)  # a sale's dicts are its caller's to change


#: How many drawn sales ``machine_sale`` keeps (the oldest goes first).
DRAWN_KEPT = 4096
_DRAWN = {}


def _rules():
    """What a draw hangs on besides the generator, so that a changed rule (a test's, or a
    kernel's) draws again rather than hand back a sale drawn under the old one."""
    return (
        DRAWS,
        RISING_DRAWS,
        RISE_SHARE,
        _draw_numbers,
        _opening_problems,
        _news_problems,
        _price_problems,
        _report_problems,
        rival_caps,
        posterior_after_opening,
        _with_words,
    )


def _machine_sale(rng, learner, rejected=None):
    """``machine_sale`` without the kept sales."""
    every = rejected is not None
    rising = meets_good_news(learner)
    for _ in range(RISING_DRAWS if rising else DRAWS):
        numbers, off = _draw_numbers(rng)
        # the way the news points is drawn with the numbers (up more often than down,
        # since news that points up moves the price less often); when news that way
        # would not move the best price, or would leave a tie, the other way is tried
        # before the draw is rejected, so that about three learners in ten read news that
        # raises Osprey's reservation price without costing many redraws
        direction = "higher" if rng.random() < UP_SHARE else "lower"
        found = _opening_problems(**numbers)  # cheap: most rejected draws stop here
        if every or not found:
            sale = MachineSale(module="01_information", learner=learner, **numbers)
            after = posterior_after_opening(sale)
            if rising and not every and not _raises_price(sale, after):
                # the rule of _price_problems that rejects most of a rising learner's
                # draws, tried before the dearer news rules: the same sale comes out
                continue
            news = _news_problems(after, sale.cost, direction)  # cheaper than the next
            if news and direction == "lower" and not _news_problems(after, sale.cost, "higher"):
                direction, news = "higher", []
            found += news
            if every or not found:
                found += _price_problems(sale)
            if every or not found:
                worth = report_value(after, sale.cost, sale.report_accuracy)
                sale = replace(sale, report_fee=float(round(worth * (1 + off), -2)))
                found += _report_problems(sale, worth)
                caps = rival_caps(after, sale.cost)
                if not caps:
                    found.append("no rival cap moves the price")
        if every:
            rejected["draws"] += 1
            rejected.update(found)
        if not found:
            return _with_words(
                rng, replace(sale, rival_cap=_cap(rng, after, sale.cost, caps)), direction
            )
    raise NoFairDraw("01_information", learner)


def two_moving_news(learner):
    """Whether both of ``learner``'s pieces of news point the same way (about half of
    learners; the others read one that points nowhere). Review 72 X4: every learner had one
    of each, so "one of my two is noise" could be read off the class. Drawn from the id,
    apart from the case's generator, like ``meets_good_news``; the worked cases, whose
    news the notebook's text and checks name, keep one that points nowhere."""
    if str(learner).startswith("worked-case-"):
        return False
    digest = hashlib.sha256(f"leverage:01_information:news-pair:{learner}".encode()).digest()
    return int.from_bytes(digest[:8], "big") < TWO_MOVING_SHARE * 2**64


#: The share of learners whose two pieces of news both point a way (``two_moving_news``).
TWO_MOVING_SHARE = 1 / 2


def meets_good_news(learner):
    """Whether ``learner``'s opening raises the model's price (about ``RISE_SHARE`` of
    learners). Drawn from the id, apart from the case's own generator, so that the other
    learners' cases are the ones they had before review 70 X5. The worked cases
    (``worked-case-N``) never do: the notebook's text and checks quote their numbers."""
    if str(learner).startswith("worked-case-"):
        return False
    digest = hashlib.sha256(f"leverage:01_information:rise:{learner}".encode()).digest()
    return int.from_bytes(digest[:8], "big") < RISE_SHARE * 2**64


def _counted(low, high, step):
    """``(low, step, count)``: what ``pick(rng, low, high, step)`` works out before it draws,
    so that ``_picked`` draws the same value without working it out again."""
    return low, step, round((high - low) / step) + 1


def _picked(random_, spec):
    """``pick`` with its count worked out beforehand (``_counted``): the same arithmetic,
    so the same value, from one call of ``random_`` (the generator's ``random``)."""
    low, step, count = spec
    return round(low + step * math.floor(random_() * count), 10)


#: ``_draw_numbers``' fixed picks, counted once (each candidate sale draws them all, and a
#: learner's sale takes about a thousand candidates).
_LOWEST = _counted(40_000, 60_000, 1_000)
_GAP = _counted(4_000, 8_000, 1_000)
_PRIOR = _counted(0, len(PRIORS) - 1, 1)
_OPENING_LOW = _counted(0.4, 0.5, 0.05)
_OPENING_HIGH = _counted(0.85, 0.95, 0.05)
_COST_OFF = _counted(-15_000, 4_000, 1_000)
_ACCURACY = _counted(0.7, 0.85, 0.05)


def _draw_numbers(rng):
    """One candidate sale's numbers, as MachineSale's fields (the fee and the words still
    empty), and the fee's offset from the report's worth, as a share of it."""
    random_ = rng.random
    lowest = _picked(random_, _LOWEST)
    gap = _picked(random_, _GAP)
    reservations = tuple(float(lowest + i * gap) for i in range(4))
    prior = PRIORS[int(_picked(random_, _PRIOR))]
    opening_low = _picked(random_, _OPENING_LOW)
    opening_high = _picked(random_, _OPENING_HIGH)
    # Osprey's true reservation price is drawn from the prior; its opening lies in its band.
    draw, true_limit = rng.random(), reservations[-1]
    for value, chance in zip(reservations, prior, strict=True):
        if draw < chance:
            true_limit = value
            break
        draw -= chance
    fraction = pick(rng, opening_low + 0.01, opening_high - 0.01, 0.01)
    numbers = {
        "reservations": reservations,
        "prior": prior,
        "opening_low": opening_low,
        "opening_high": opening_high,
        "opening_offer": round(fraction * true_limit, -2),
        "cost": lowest + _picked(random_, _COST_OFF),
        "report_accuracy": _picked(random_, _ACCURACY),
        "report_fee": 0.0,
        "news": (),
        "rival_cap": 0.0,
        "wren_offers": (),
        "wren_cost": 0.0,
        "explorer_cases": {},
        "disclosures": (),
        "tactics": (),
        "situations": (),
    }
    off = pick(rng, FEE_OFF_MIN, FEE_OFF_MAX, 0.05) * (1 if rng.random() < 0.5 else -1)
    return numbers, off


def _cap(rng, after, cost, caps):
    """One of ``caps``: as often one where a lower price beats asking the cap itself as one
    where the cap is best, when both kinds exist."""
    at_cap = [cap for cap in caps if best_move(capped_beliefs(after, cap), cost)[0] == cap]
    below = [cap for cap in caps if cap not in at_cap]
    kinds = [kind for kind in (at_cap, below) if kind]
    return _one(rng, kinds[int(pick(rng, 0, len(kinds) - 1, 1))])


def _one(rng, options):
    return options[int(pick(rng, 0, len(options) - 1, 1))]


def _with_words(rng, sale, direction):
    """The sale with its news (one piece that points ``direction``, and one that points
    nowhere or, for the learners of ``two_moving_news``, another that points ``direction``;
    in either order), Wren's case, the explorer's settings and the moves to judge drawn in.
    The second piece is one draw either way, so the rest of the case is the one drawn before
    review 72 X4; the rules of ``problems`` judge news by the way it points, so a second
    piece pointing ``direction`` breaks none the first did not."""
    first = _one(rng, [item.key for item in _NEWS if item._direction == direction])
    kind = direction if two_moving_news(sale.learner) else "neither"
    news = (
        first,
        _one(rng, [item.key for item in _NEWS if item._direction == kind and item.key != first]),
    )
    offers, cost = _wren(rng)
    sale = replace(
        sale,
        news=news if rng.random() < 0.5 else news[::-1],
        wren_offers=offers,
        wren_cost=cost,
        explorer_cases=_explorer_cases(rng),
        **_moves(rng),
    )
    surer = bool(surer_prices(posterior_after_opening(sale), sale.cost))
    sale = replace(sale, situations=_situations(rng, surer))
    return replace(sale, firms=_firms(rng, sale))


def _situations(rng, surer=True):
    """Question 6's situations for one learner: `staged-opening` (the re-pricing on the
    learner's numbers) and ``SITUATION_COUNT`` - 1 of the others, in the pool's order, at
    most one of each pair of ``TWINS`` (review 76 X1: a twin drawn with its pair was a
    transcription). The same set for everyone, each assumption failing once, would let a
    dict completed by elimination pass; drawn, which assumption fails differs. Without a
    ``surer`` price (an opening that raised the model's price ruled out every price between
    your cost and it), the two situations that ask for one are left out (review 70 X5).
    Five draws are made whatever the count, so the rest of the case (Question 7's firms)
    is the one drawn before."""
    others = [
        item.key
        for item in _SITUATIONS
        if item.key != "staged-opening" and (surer or not item.needs_surer)
    ]
    chosen = {"staged-opening"}
    for _ in range(5):
        key = _one(rng, others or [None])
        if len(chosen) < SITUATION_COUNT and key is not None:
            chosen.add(key)
            twin = {key, *(k for pair in TWINS if key in pair for k in pair)}
            others = [k for k in others if k not in twin]
    return tuple(item.key for item in _SITUATIONS if item.key in chosen)


def _moves(rng):
    """Question 9's moves to judge: five tactics, one of each of module 00's kinds, each
    kind by a move of that kind alone (``_some``: group 0, the moves that accept two labels,
    fills no kind's place; review 72 X1), and five disclosures, both labels among them. Only
    the true alternative said calmly is drawn for everyone: it is the story's one mention of
    the other food firm, which section 3 and the `weak-alternative` disclosure rely on. The
    same alternative said as an ultimatum whose Friday is made up was drawn for everyone
    too, so its labels were the class's; it now comes only as a fifth tactic drawn at
    random (review 72 X4)."""
    # the tactics come from a generator of their own, seeded by the draw the three
    # disclosures once used; the three draws after it are the ones the tactics took before
    # review 72 X4, so each learner keeps its disclosures, situations and firms
    tactics = _some(random.Random(rng.random()), _TACTICS, 5, always=("true-rival",))
    for _ in range(3):
        rng.random()
    return {
        "disclosures": _some(rng, _DISCLOSURES, DISCLOSURE_COUNT),
        "tactics": tactics,
    }


#: How many disclosures each learner judges in Question 9.
DISCLOSURE_COUNT = 5


def _wren(rng):
    """Three offers of a buyer who moves the same share of the remaining gap each round (whole
    euros, so that the reservation price can be read back exactly; never half the gap, where a
    wrong reading, one more step of the same size, happens to be right), and the cost of its
    machine: above its third offer, and at least ``WREN_MARGIN`` above or below its reservation
    price, either way about as often. Which way is drawn first and kept while the offers are
    redrawn: drawn afresh with each try, a deal lost more tries (no room for the cost, or an
    offer on the way too near it), and two learners in three had a Wren with whom no deal pays,
    whose decision needs no count."""
    deal = rng.random() < 0.5
    for _ in range(MAX_DRAWS):
        share = (0.25, 0.4, 0.6)[int(pick(rng, 0, 2, 1))]
        reservation = pick(rng, 20_000, 36_000, 1_000)
        # the first offer is at least 60% of the reservation price: an opening, not an insult
        gap = pick(rng, 6_000, min(12_000, 2_000 * (0.4 * reservation // 2_000)), 2_000)
        first = reservation - gap
        second = first + share * gap
        third = second + share * (reservation - second)
        lowest = 100 * -(-(third + WREN_MARGIN) // 100)  # above the third offer, hundreds
        if deal:
            if lowest > reservation - WREN_MARGIN:
                continue  # no room for a cost between the third offer and the reservation
            cost = pick(rng, lowest, reservation - WREN_MARGIN, 100)  # a deal is possible
        else:
            cost = reservation + pick(rng, WREN_MARGIN, 3_000, 100)  # no deal will ever pay
        offers = (float(first), float(second), float(third))
        # no offer on the way to the cost sits within WREN_ROUND_GAP of it (kept from the
        # count Question 4 once asked for, so that the draws stay as they were)
        if all(abs(offer - cost) >= WREN_ROUND_GAP for offer in future_offers(offers, cost)):
            return offers, float(cost)
    raise RuntimeError("no fair case for Wren")


@answer_key
def future_offers(offers, cost, reservation=None):
    """Wren's next offers, each the same share of the remaining gap further, until one is
    at least ``cost`` (none when the reservation price, by default the one its offers
    give, is not above the cost)."""
    first, second, third = offers
    share = 1 - (third - second) / (second - first)
    reservation = reservation_from_offers(offers) if reservation is None else reservation
    coming, last = [], third
    if reservation <= cost or not 0 < share < 1:
        return coming
    while last < cost and len(coming) < 1_000:
        last += share * (reservation - last)
        coming.append(last)
    return coming


@answer_key
def price_to_name(offers, cost, reservation=None):
    """What to do with Wren once you know its reservation price: name that price when it
    is above your ``cost`` (Wren takes any price up to it), else ``None`` (walk away).
    Review 78 X1: the text spelled this out, so it is no longer a marked part of Question 4;
    the check says it to the learner once the reading passes."""
    reservation = reservation_from_offers(offers) if reservation is None else reservation
    return reservation if reservation > cost else None


def _cost_and_range(seed):
    """Review 103 X4: "C" and "D" of the explorer, (cost, lowest, highest) each, differing
    in the cost and in the range, the lower cost first. With the range shared, the lower cost
    made knowing worth more for every learner, so the pick was a rule; now which one wins
    depends on the numbers: ``lower_wins``, a coin drawn from ``seed``, makes it the lower
    cost for about half the learners. A cost may lie inside its range, where knowing earns
    (H − c)² / (2(H − L)). Drawn from its own generator, like ``_one_end``."""
    own = random.Random(f"{seed}:cost-and-range")
    lower_wins = own.random() < 0.5
    for _ in range(MAX_DRAWS):
        settings = []
        for _ in range(2):
            low = pick(own, 20, 100, 5)
            high = low + pick(own, 30, 90, 5)
            settings.append((pick(own, max(0, low - 40), high - 20, 5), low, high))
        cheap, dear = sorted(settings)
        if cheap[0] == dear[0] or cheap[1:] == dear[1:]:
            continue
        gap = value_of_information(*cheap) - value_of_information(*dear)
        if (gap if lower_wins else -gap) >= EXPLORER_MARGIN:
            return [cheap, dear]
    raise RuntimeError("no fair pair of explorer settings differing in cost and range")


def _one_end(seed):
    """Review 102 X4: "A" and "B" of the explorer, (cost, lowest, highest) each, sharing the
    cost and the highest reservation price and differing only in the lowest. Moving that end
    moves the middle as well as the width, so which makes knowing worth more depends on the
    numbers (``compare_worth`` says which); ``narrower_wins``, a coin drawn from ``seed``, makes
    it the narrower range for about half the learners. Drawn from its own generator, seeded
    by the numbers the explorer's other draws gave, so no other draw of the case changes."""
    own = random.Random(seed)
    narrower_wins = own.random() < 0.5
    for _ in range(MAX_DRAWS):
        high = pick(own, 90, 190, 5)
        wide_low = pick(own, max(5, high - 120), high - 40, 5)
        narrow_low = wide_low + pick(own, 10, 30, 5)
        cost = pick(own, max(0, wide_low - 40), narrow_low, 5)
        if cost > wide_low:  # review 103 X4: the text's (L + H)/2 - c needs c <= L
            continue
        wide, narrow = (cost, wide_low, high), (cost, narrow_low, high)
        gap = value_of_information(*narrow) - value_of_information(*wide)
        if (gap if narrower_wins else -gap) >= EXPLORER_MARGIN:
            return [narrow, wide]
    raise RuntimeError("no fair pair of explorer settings moving one end")


def _explorer_cases(rng):
    """Four settings of the value-of-information explorer, (cost, lowest, highest): "A"
    and "B" share a cost and the highest reservation price, one lowest price lower
    (``_one_end``, review 102 X4: they shared the middle, and the wider range always won);
    "C" and "D" differ in cost and in range (``_cost_and_range``, review 103 X4: they shared
    the range, and the lower cost always won). Which of each pair comes first is drawn, and
    the two differ in worth by at least ``EXPLORER_MARGIN``. Whole numbers inside the
    explorer's sliders (0 to 200). The draws from ``rng`` are the ones made before review
    102, so the rest of the case is unchanged."""
    for _ in range(MAX_DRAWS):
        middle, narrow = pick(rng, 70, 130, 5), pick(rng, 10, 30, 5)
        wide = narrow + pick(rng, 10, 30, 5)
        cost = pick(rng, max(0, middle - wide - 20), middle, 5)
        ranges = [(cost, middle - half, middle + half) for half in (narrow, wide)]
        low = pick(rng, 30, 90, 5)
        high = low + pick(rng, 30, 80, 5)
        first, second = (pick(rng, max(0, low - 40), high - 10, 5) for _ in range(2))
        costs = sorted((first, second))
        if middle - wide < 5 or middle + wide > 200 or high > 200 or first == second:
            continue
        by_cost = [(c, low, high) for c in costs]
        if (
            value_of_information(*ranges[1]) - value_of_information(*ranges[0]) >= EXPLORER_MARGIN
            and value_of_information(*by_cost[0]) - value_of_information(*by_cost[1])
            >= EXPLORER_MARGIN
        ):
            seed = repr((middle, narrow, wide, cost, low, high, first, second))
            ranges, by_cost = _one_end(seed), _cost_and_range(seed)
            if rng.random() < 0.5:
                ranges.reverse()
            if rng.random() < 0.5:
                by_cost.reverse()
            return dict(zip("ABCD", (*ranges, *by_cost), strict=True))
    raise RuntimeError("no fair pair of explorer settings")


def _some(rng, pool, count, always=()):
    """``count`` keys from ``pool``: those in ``always``, then one of each label not yet
    covered, each by a move of that label alone (group 0, the moves that accept two labels,
    fills no label's place), then others at random; in the pool's order. At most one move
    of group 0 (review 106 X6: a learner who drew both `deposit` and `reference`, either
    label right for each, had two of five disclosures free). A second one drawn is swapped
    for a move of a label, picked by the same draw, so no other learner's moves change and
    the draws after these (situations, firms) stay the same for everyone."""
    chosen = set(always)
    groups = dict.fromkeys(move.group for move in pool if move.group)  # a group is one label
    for group in groups:
        options = [move.key for move in pool if move.group == group]
        if not chosen.intersection(options):
            chosen.add(_one(rng, options))
    on_line = {move.key for move in pool if not move.group}
    rest = [move.key for move in pool if move.key not in chosen]
    while len(chosen) < count:
        at = rng.random()  # the draw ``_one`` makes
        key = rest[math.floor(at * len(rest))]
        if key in on_line and chosen & on_line:
            labelled = [k for k in rest if k not in on_line]
            key = labelled[math.floor(at * len(labelled))]
        chosen.add(key)
        rest.remove(key)
    return tuple(move.key for move in pool if move.key in chosen)


def problems(sale):
    """The fairness rules a sale breaks, as a list of short names (empty when it is fair).

    - ``opening rules out nothing`` / ``opening leaves fewer than two``: the opening must
      rule out one or two reservation prices and leave at least two, so that reading it
      is a real question and something is still uncertain after it;
    - ``opening near a band edge``: within ``EDGE_MARGIN`` of a·r or b·r for some r, where
      ≤ and < would disagree;
    - ``tie before the opening`` / ``tie after the opening``: the two best final prices
      earn within ``TIE_MARGIN`` euros or ``TIE_SHARE`` of the best one's expected profit
      of each other (``tied``), so "the best price" would be a coin toss;
    - ``most likely price is the best price``: after the opening, the best final price is
      a most likely reservation price (one of them, where several tie), so naming the
      most likely one (a wrong rule) would pass the learner's own check;
    - ``expected reservation price is the best price before the opening``: the expected
      reservation price under the prior lies within ``EXPECTED_MARGIN`` of the best price
      before the opening, so asking it (the other wrong rule Question 5 names) would give
      the learner's `before` (priors (0.4, 0.3, 0.2, 0.1) and (0.1, 0.2, 0.3, 0.4) put it
      exactly on a possible price; it was the best one for 46% of learners);
    - ``no surer price earns``: after the opening, no possible reservation price lies
      strictly between your cost and the best final price, so Question 6's seller who
      needs the cash has no surer price that still earns (``surer_prices``); for the
      learners of ``meets_good_news`` (whose rise rules out every such price, so they meet
      neither cash situation) ``opening does not raise the price`` replaces it: the best
      price after the opening must lie above the one before it, and (since they always
      meet `fair-share`) ``no fair price above the opening`` rejects a draw where no price
      above the opening leaves a buyer whose reservation price is the model's price a
      quarter of the gain (``fair_price``; measured at the lowest reservation price still
      possible at or above the price until session 111 C1, which changed no draw of 3,000);
    - ``strict inequality gives the best price``: both before and after the opening,
      counting a buyer at exactly its reservation price as refusing, P(r > p) instead of
      P(r ≥ p), picks the best final price all the same, so that slip would pass;
    - ``news moves nothing``: the news that points a direction (drawn first, up with
      chance ``UP_SHARE``, the other way when that one fails; about three learners in
      ten read news that points up) would not move the best price after the opening
      even when each reservation
      price up (or down) the list is ``NEWS_STEP`` times as likely as the one before, so
      the news would change nothing the learner decides;
    - ``tie after the news``: read so, the news leaves the two best final prices too close to
      each other by ``tied``'s measure (Question 5 asks for the price after the news);
    - ``no rival cap moves the price`` / ``rival cap unfair``: the rival's cap must be one
      of ``rival_caps`` (it moves the best price, no tie, and either asking the cap itself
      or dropping the prices above it instead of capping them gives another price);
    - ``perfect information worth little``: below ``MIN_PERFECT`` after the opening;
    - ``perfect information barely moved``: its change across the opening is below
      ``MIN_MOVE``, so "did it rise or fall?" has no clear answer;
    - ``report worth little``: the market report is worth less than ``MIN_REPORT``;
    - ``fee implausible``: below ``MIN_FEE``, or off the report's worth by less than
      ``FEE_GAP`` euros or ``FEE_OFF_MIN`` of it (a coin toss), or by more than
      ``FEE_OFF_MAX`` of it (a wild price).
    """
    after = posterior_after_opening(sale)
    worth = report_value(after, sale.cost, sale.report_accuracy)
    moving = list(
        dict.fromkeys(item._direction for item in news_of(sale) if item._direction != "neither")
    )
    return (
        _opening_problems(
            sale.reservations, sale.opening_low, sale.opening_high, sale.opening_offer
        )
        + _price_problems(sale)
        + (
            [problem for d in moving for problem in _news_problems(after, sale.cost, d)]
            if moving
            else ["news moves nothing"]
        )
        + _report_problems(sale, worth)
        + ([] if sale.rival_cap in rival_caps(after, sale.cost) else ["rival cap unfair"])
    )


def _opening_problems(reservations, opening_low, opening_high, opening_offer, **_):
    """The rules of ``problems`` about the opening alone (cheap: no scenario needed)."""
    found = []
    alive, near = 0, False  # one pass over the bands: a learner's sale takes ~1,000 draws
    for r in reservations:
        low, high = opening_low * r, opening_high * r
        alive += low <= opening_offer <= high
        near = near or abs(opening_offer - low) < EDGE_MARGIN
        near = near or abs(opening_offer - high) < EDGE_MARGIN
    if alive == len(reservations):
        found.append("opening rules out nothing")
    if alive < 2:
        found.append("opening leaves fewer than two")
    if near:
        found.append("opening near a band edge")
    return found


def _raises_price(sale, after, prior_best=None):
    """Whether the best final price after the opening lies above the one before it."""
    if prior_best is None:
        prior_best = best_move(sale.prior_beliefs(), sale.cost)[0]
    return (best_move(after, sale.cost)[0] or 0.0) > (prior_best or 0.0)


def _price_problems(sale):
    """The rules of ``problems`` about the best price and perfect information."""
    found = []
    after = posterior_after_opening(sale)
    for name, beliefs in (("before", sale.prior_beliefs()), ("after", after)):
        if tied(move_profits(beliefs, sale.cost).values()):
            found.append(f"tie {name} the opening")
    # after the opening, the model's price is none of the most likely prices (all of them,
    # where several tie), as the text says; the rule once asked this only where the model's
    # price was a most likely one before the opening too, and the text claimed both (false
    # for 168 of 250 learners, review s56 E1); no draw of 1,100 had it after the opening
    top = max(after.values())
    if best_move(after, sale.cost)[0] in [v for v, c in after.items() if c >= top - 1e-12]:
        found.append("most likely price is the best price")
    # the expected reservation price is the slip Question 5 warns of beside the most likely
    # price: on the learner's own case it must not give the best price before the opening
    prior_best = best_move(sale.prior_beliefs(), sale.cost)[0]
    if abs(expected_reservation(sale.prior_beliefs()) - prior_best) < EXPECTED_MARGIN:
        found.append("expected reservation price is the best price before the opening")
    if meets_good_news(sale.learner):
        if not _raises_price(sale, after, prior_best):
            found.append("opening does not raise the price")
        # they always meet `fair-share`: a fair price above the opening must exist (for
        # about one in eight of them the opening sat above every price leaving a quarter)
        elif fair_price(after, sale.cost, sale.opening_offer) is None:
            found.append("no fair price above the opening")
    elif not surer_prices(after, sale.cost):
        found.append("no surer price earns")
    if all(_strict_may_pick(beliefs, sale.cost) for beliefs in (sale.prior_beliefs(), after)):
        found.append("strict inequality gives the best price")
    before = perfect_information(sale.prior_beliefs(), sale.cost)
    now = perfect_information(after, sale.cost)
    if now < MIN_PERFECT:
        found.append("perfect information worth little")
    if abs(now - before) < MIN_MOVE:
        found.append("perfect information barely moved")
    return found


def _news_problems(after, cost, direction):
    """The rules of ``problems`` about the news that points ``direction``, read with the
    course's moderate weight (``NEWS_STEP``)."""
    if not news_moves_price(after, cost, direction):
        return ["news moves nothing"]
    now = bayes_update(after, stepped_likelihood(after, direction))
    return ["tie after the news"] if tied(move_profits(now, cost).values()) else []


def _strict_may_pick(beliefs, cost):
    """Whether a learner who counts a buyer at exactly its reservation price as refusing
    may land on the best price: it earns, under that slip, within a euro of the most
    (prices that tie under the slip may be picked either way)."""
    slipped, best = move_profits(beliefs, cost, strict=True), best_move(beliefs, cost)[0]
    return best is not None and slipped[best] >= max(slipped.values()) - 1.0


def _report_problems(sale, worth):
    """The rules of ``problems`` about the market report and its fee."""
    found = []
    if worth < MIN_REPORT:
        found.append("report worth little")
    gap = abs(sale.report_fee - worth)
    off = gap / worth if worth > 0 else 0.0
    if sale.report_fee < MIN_FEE or gap < FEE_GAP or not FEE_OFF_MIN <= off <= FEE_OFF_MAX:
        found.append("fee implausible")
    return found


def rejection_counts(learners):
    """Draw the scenario of every learner in ``learners`` and count, per rule of
    ``problems``, the draws that broke it; ``draws`` counts every draw (for the benchmark)."""
    from course.variants import rng_for

    rejected = Counter()
    for learner in learners:
        machine_sale(rng_for("01_information", learner), learner, rejected)
    return rejected


# The course's reference answers for the graded questions (the checks compare with them).


@answer_key
def opening_likelihood(sale):
    """The probability density of Osprey's opening offer under each reservation price."""
    band = sale.opening_high - sale.opening_low
    return {
        value: 1 / (band * value)
        if sale.opening_low * value <= sale.opening_offer <= sale.opening_high * value
        else 0.0
        for value in sale.reservations
    }


@answer_key
def posterior_after_opening(sale):
    """Beliefs about Osprey's reservation price once its opening offer is in (Bayes' rule;
    the inputs are the scenario's own, so they need no checking)."""
    return bayes_update(sale.prior_beliefs(), opening_likelihood(sale))


@answer_key
def expected_limit(sale):
    """The expected reservation price after the opening offer."""
    return expected_reservation(posterior_after_opening(sale))


@answer_key
def surest_price(beliefs):
    """The highest final price the buyer accepts for sure under ``beliefs``: the lowest
    reservation price still possible (sure only under the band model's hard edges)."""
    return min(value for value, chance in beliefs.items() if chance > 0)


@answer_key
def belief_after_opening(sale, likelihood):
    """(beliefs after the opening, expected reservation price, highest sure price)."""
    beliefs = bayes_update(sale.prior_beliefs(), likelihood)
    return beliefs, expected_reservation(beliefs), surest_price(beliefs)


def stepped_likelihood(values, direction, step=NEWS_STEP):
    """Likelihoods that rise (``direction`` "higher"), fall ("lower") or stay level
    ("neither") by the factor ``step`` from one reservation price to the next."""
    sign = {"higher": 1, "lower": -1, "neither": 0}[direction]
    return {value: step ** (sign * rank) for rank, value in enumerate(sorted(values))}


@own_case_key
def news_likelihood(sale, key):
    """The course's reading of the news ``key``: each price up (or down) the list
    ``NEWS_STEP`` times as likely as the one before, or all alike for news that points
    nowhere. Any likelihoods that point the same way pass the check."""
    direction = next(item._direction for item in (*_NEWS, *_PRACTICE_NEWS) if item.key == key)
    return stepped_likelihood(sale.reservations, direction)


@answer_key
def news_moves_price(after, cost, direction, step=NEWS_STEP):
    """Whether news read with ``stepped_likelihood(…, direction, step)`` moves the best
    final price from what it is under the beliefs ``after``."""
    now = bayes_update(after, stepped_likelihood(after, direction, step))
    return best_move(now, cost)[0] != best_move(after, cost)[0]


@answer_key
def news_threshold(after, cost, direction, largest=10.0, step=0.05):
    """The smallest factor per step at which news pointing ``direction`` moves the best
    final price, rounded up to a multiple of ``step`` (0.05 by default; 0.01 for the pass
    message's two decimals); ``None`` if even ``largest`` does not. Bisection is enough: a
    stronger reading moves the beliefs further the same way (a likelihood-ratio shift), and
    the best price moves with them and never comes back. It runs to a millionth before
    rounding, so the rounded factor moves the price and the one ``step`` below it does
    not."""
    if not news_moves_price(after, cost, direction, largest):
        return None
    low, high = 1.0, largest
    while high - low > 1e-6:
        middle = (low + high) / 2
        low, high = (
            (low, middle) if news_moves_price(after, cost, direction, middle) else (middle, high)
        )
    # in steps; the bisection stops within a millionth, which can land just above a step
    # that already moves the price, so step down while the one below moves it
    per_unit = round(1 / step)
    steps = math.ceil(round(high * per_unit, 6))
    while steps > per_unit and news_moves_price(after, cost, direction, (steps - 1) / per_unit):
        steps -= 1
    return steps / per_unit


@answer_key
def move_profits(beliefs, cost, strict=False):
    """The expected profit of asking each possible reservation price as a final price, as
    {price: expected profit}: (price − cost) × P(r ≥ price). Only these prices are worth
    trying: between two of them, a higher price sells to the same buyers for more. With
    ``strict``, a tempting slip: a buyer at exactly its reservation price is counted as
    refusing, (price − cost) × P(r > price)."""
    moves, accepts = {}, 0.0
    for price in sorted(beliefs, reverse=True):
        if strict:
            moves[price] = (price - cost) * accepts  # P(r > price)
        accepts += beliefs[price]  # P(r ≥ price)
        if not strict:
            moves[price] = (price - cost) * accepts
    return dict(reversed(moves.items()))  # lowest price first


@answer_key
def surer_prices(beliefs, cost):
    """The possible reservation prices (chance above zero) strictly between ``cost`` and
    the best final price: asking one of them sells more surely than the best price and
    still earns something. Question 6's seller who needs the cash asks one of them; with
    none, no surer price would earn, so such draws are redrawn."""
    best = best_move(beliefs, cost)[0]
    return sorted(v for v, chance in beliefs.items() if chance > 0 and cost < v < (best or cost))


@answer_key
def best_move(beliefs, cost, strict=False):
    """The best final price as (price, expected profit), or (None, 0.0) when none makes a
    profit. (Accepting an opening never beats it under the band model: every reservation
    price still possible lies above the opening, so asking the lowest of them is accepted
    for sure and earns more.) ``strict`` prices with the slip of ``move_profits``."""
    best = (None, 0.0)
    for price, profit in move_profits(beliefs, cost, strict).items():
        if profit > best[1]:
            best = (price, profit)
    return best


@answer_key
def capped_beliefs(beliefs, cap):
    """Beliefs once news caps the reservation price at ``cap``: every possible value above
    it falls to it, and carries its chance there."""
    capped = {}
    for value, chance in beliefs.items():
        capped[min(value, cap)] = capped.get(min(value, cap), 0.0) + chance
    return capped


def dropped_beliefs(beliefs, cap):
    """A tempting wrong reading of a cap: the values above it dropped, the rest rescaled."""
    kept = {value: chance for value, chance in beliefs.items() if value <= cap and chance > 0}
    total = sum(kept.values())
    return {value: chance / total for value, chance in kept.items()} if total else {}


def rival_caps(after, cost, step=1_000.0):
    """The fair caps for Question 5's news that changes: whole thousands above the cost and
    the lowest reservation price still possible and below the highest, under which the best price moves,
    the two best prices do not tie, and, where asking the cap itself is best, dropping the
    values above the cap gives another price than capping them (where a lower price is
    best, asking the cap is the slip that fails). Where the model's price is already the
    lowest reservation price still possible (an opening that raised it ruled out every
    price below it, review 70 X5), no cap above it can lower it: the fair caps are then
    those under which it stays, with no tie, so that asking the cap is the slip."""
    now = best_move(after, cost)[0]
    alive = [value for value, chance in after.items() if chance > 0]
    stays = now == min(alive)
    top = max(alive)
    caps = []
    # above the lowest value still possible too: under a cap below them all, the cap is
    # plainly the price
    cap = (max(cost, min(alive)) // step + 1) * step
    while cap < top:
        capped = capped_beliefs(after, cap)
        price = best_move(capped, cost)[0]
        dropped = dropped_beliefs(after, cap)
        if (
            price is not None
            and (price == now if stays else price != now)
            and not tied(move_profits(capped, cost).values())
            and (price != cap or not dropped or best_move(dropped, cost)[0] != price)
        ):
            caps.append(cap)
        cap += step
    return caps


@answer_key
def course_reading(sale, step=NEWS_STEP):
    """A reading of the learner's news that points the right way: {news key: likelihood
    of each reservation price}, each price ``step`` times as likely as the one below it (or
    above, for news that points down; all alike for news that points nowhere)."""
    return {
        item.key: stepped_likelihood(sale.reservations, item._direction, step)
        for item in news_of(sale)
    }


#: The factors per step Question 5's check may read a piece of news with (``given_reading``).
GIVEN_STEPS = (1.5, 2.0, 3.0)


def given_reading(sale):
    """The reading of the news that Question 5's check passes to ``my_price``: each piece
    read up or down by a factor of ``GIVEN_STEPS``, in an order drawn from the learner id and
    the news keys alone (a hash), never from which way the news points (Question 3's answer).
    The first reading in that order is taken that, and whose mirror (every piece read the
    other way), moves the model's price from the one after the opening without a tie and
    gives another price when read on the prior; failing that, the first that, with its
    mirror, moves the price; failing that, the first. Each rule holds of a reading exactly
    when it holds of its mirror, so which of the two is taken is the hash's alone: a reading
    points the way the news does for about half the learners (tests/test_checks_information.py
    measures it), and copying it earns nothing in Question 3."""
    # a check calls this for its worked cases on every call, and a sweep for thousands of
    # learners: the search below is deterministic, so its result is kept per sale's value
    return {key: dict(likelihood) for key, likelihood in _given_reading(_ByValue(sale)).items()}


class _ByValue:
    """A scenario compared and hashed by its fields' repr (its dict fields make it
    unhashable), so a function of its value can be cached."""

    def __init__(self, sale):
        self.sale, self._key = sale, repr(sale)

    def __hash__(self):
        return hash(self._key)

    def __eq__(self, other):
        return isinstance(other, _ByValue) and self._key == other._key


@functools.lru_cache(maxsize=1024)
def _given_reading(by_value):
    """``given_reading`` of ``by_value.sale``, computed."""
    sale = by_value.sale
    after = posterior_after_opening(sale)
    now = best_move(after, sale.cost)[0]
    keys = tuple(sale.news)
    options = [(way, step) for way in ("higher", "lower") for step in GIVEN_STEPS]
    combos = sorted(
        itertools.product(options, repeat=len(keys)),
        key=lambda combo: hashlib.sha256(repr((sale.learner, keys, combo)).encode()).digest(),
    )

    def reading(combo):
        return {
            key: stepped_likelihood(sale.reservations, way, step)
            for key, (way, step) in zip(keys, combo, strict=True)
        }

    def moves(combo):
        beliefs = beliefs_after_news(after, reading(combo))
        return best_move(beliefs, sale.cost)[0] != now and not tied(
            move_profits(beliefs, sale.cost).values()
        )

    def apart(combo):
        on_prior = beliefs_after_news(sale.prior_beliefs(), reading(combo))
        return (
            best_move(on_prior, sale.cost)[0]
            != best_move(beliefs_after_news(after, reading(combo)), sale.cost)[0]
        )

    def mirrored(test):
        other = {"higher": "lower", "lower": "higher"}
        return lambda combo: test(combo) and test(tuple((other[w], s) for w, s in combo))

    for rule in (lambda c: mirrored(moves)(c) and mirrored(apart)(c), mirrored(moves)):
        chosen = next((combo for combo in combos if rule(combo)), None)
        if chosen is not None:
            return reading(chosen)
    return reading(combos[0])


def beliefs_after_news(after, reading):
    """The beliefs ``after`` the opening, updated with every likelihood in ``reading`` (a
    mapping of news key to {reservation price: likelihood}) by Bayes' rule."""
    for likelihood in reading.values():
        after = bayes_update(after, likelihood)
    return after


@answer_key
def my_price(sale, after, reading):
    """The final price to name before the opening, after it (given the beliefs ``after``
    it), after it and the news read as ``reading`` (see ``beliefs_after_news``), and once
    the rival's discount caps Osprey's reservation price at ``sale.rival_cap``."""
    before = best_move(sale.prior_beliefs(), sale.cost)[0]
    now = best_move(after, sale.cost)[0]
    with_news = best_move(beliefs_after_news(after, reading), sale.cost)[0]
    capped = best_move(capped_beliefs(after, sale.rival_cap), sale.cost)[0]
    return before, now, with_news, capped


@answer_key
def perfect_information(beliefs, cost, strict=False):
    """The expected value of perfect information: the expected profit of knowing the
    reservation price r before naming a price (ask exactly r, or do not sell when r does
    not cover the cost), minus the best blind profit (``strict``: priced with the slip of
    ``move_profits``)."""
    informed = sum(chance * max(value - cost, 0.0) for value, chance in beliefs.items())
    return informed - best_move(beliefs, cost, strict)[1]


@answer_key
def report_value(beliefs, cost, accuracy, strict=False):
    """The expected value of a report that names one of the possible reservation prices
    (the keys of ``beliefs``): the right one with chance ``accuracy``, otherwise each
    other one equally often. For every report, take the best price under the beliefs it
    leads to; weigh by how often that report comes; subtract the best blind profit
    (``strict``: every best price found with the slip of ``move_profits``)."""
    values = list(beliefs)
    wrong = (1 - accuracy) / (len(values) - 1)
    total = 0.0
    for named in values:
        joint = {r: beliefs[r] * (accuracy if r == named else wrong) for r in values}
        chance = sum(joint.values())
        if chance > 0:
            given = {r: weight / chance for r, weight in joint.items()}
            total += chance * best_move(given, cost, strict)[1]
    return total - best_move(beliefs, cost, strict)[1]


@answer_key
def report_decision(sale, after):
    """(perfect information before the opening, after it, the report's worth, buy?)."""
    before = perfect_information(sale.prior_beliefs(), sale.cost)
    now = perfect_information(after, sale.cost)
    worth = report_value(after, sale.cost, sale.report_accuracy)
    return before, now, worth, worth > sale.report_fee


@answer_key
def reservation_from_offers(offers):
    """The reservation price of a buyer who moves the same share f of the remaining gap
    every round, read from three offers: steps s1, s2 with s2 = (1 − f) s1, so
    f = 1 − s2 / s1 and r = first + s1 / f = first + s1² / (s1 − s2)."""
    first, second, third = offers
    step1, step2 = second - first, third - second
    return first + step1 * step1 / (step1 - step2)


@answer_key
def reservation_from_concessions(offers):
    """(the share of the remaining gap the buyer moves each round, and its reservation
    price), read from three offers. Review 78 X1: the second part was the final price to
    name Wren, which the text spelled out; ``price_to_name`` now only feeds the check's
    message."""
    first, second, third = offers
    return 1 - (third - second) / (second - first), reservation_from_offers(offers)


def explorer_winners(sale):
    """(the setting of "A" and "B", and of "C" and "D", under which knowing the buyer's
    reservation price is worth more): the explorer's practice, no longer graded."""
    cases = sale.explorer_cases

    def worth(label):
        return value_of_information(*cases[label])

    return max("AB", key=worth), max("CD", key=worth)


@answer_key
def best_profit(weights, cost):
    """The best expected profit against ``weights`` (beliefs, scaled or not): the most
    (price − cost) × the weight at or above the price, or 0 by not selling."""
    return max(0.0, best_move(weights, cost)[1])


@answer_key
def answer_worth(beliefs, cost, amount):
    """What it is worth to learn for sure, before naming a price, whether the reservation
    price is at least ``amount``: the best profit after a yes plus the best profit after
    a no (each against the beliefs it leaves, unscaled, so each is weighted by its
    chance), minus the best profit blind. Zero when neither answer would change the price."""
    yes = {r: c for r, c in beliefs.items() if r >= amount}
    no = {r: c for r, c in beliefs.items() if r < amount}
    return best_profit(yes, cost) + best_profit(no, cost) - best_profit(beliefs, cost)


@answer_key
def firm_worths(sale, after):
    """{firm: what its answer is worth against ``after``} (Question 7)."""
    return {name: answer_worth(after, sale.cost, amount) for name, amount, _ in sale.firms}


@answer_key
def information_pays(sale, after):
    """Question 7: the firm to hire (the one whose answer is worth most above its fee), or
    ``NEITHER`` when no answer is worth its fee."""
    worths = firm_worths(sale, after)
    nets = {name: worths[name] - fee for name, _, fee in sale.firms}
    name = max(nets, key=nets.get)
    return name if nets[name] > 0 else NEITHER


def tip_problems(worths, fees):
    """Why two firms' worths and fees would not make Question 7 a clear decision: a fee
    below ``MIN_FEE``; a worth within ``TIP_MARGIN`` euros or ``TIP_SHARE`` of itself of
    its fee; a firm worth hiring that is worth less than ``MIN_TIP``; two firms worth
    hiring whose worths above their fees lie within ``TIP_MARGIN`` of each other."""
    found = []
    nets = [w - f for w, f in zip(worths, fees, strict=True)]
    if min(fees) < MIN_FEE:
        found.append("fee too small")
    if any(abs(n) < max(TIP_MARGIN, TIP_SHARE * w) for n, w in zip(nets, worths, strict=True)):
        found.append("worth near its fee")
    if any(n > 0 and w < MIN_TIP for n, w in zip(nets, worths, strict=True)):
        found.append("firm worth little")
    if min(nets) > 0 and abs(nets[0] - nets[1]) < TIP_MARGIN:
        found.append("firms tied")
    return found


def _firms(rng, sale):
    """Question 7's two firms: two amounts among the possible reservation prices above the
    lowest (one may ask what the opening already told), and fees drawn so that the answer,
    drawn first (either firm or neither, a third each, a firm only where some amount's
    answer is worth ``MIN_TIP``), is clear by ``tip_problems``. Where a firm is the answer,
    the other is worth more than its fee too, but less so, in about half the cases where
    its answer is worth something."""
    after = posterior_after_opening(sale)
    worth = {amount: answer_worth(after, sale.cost, amount) for amount in sale.reservations[1:]}
    useful = [amount for amount, value in worth.items() if value >= MIN_TIP]
    wanted = _one(rng, [*FIRMS, NEITHER]) if useful else NEITHER
    for goal in dict.fromkeys((wanted, NEITHER)):
        for _ in range(200):
            first = _one(rng, useful) if goal != NEITHER else _one(rng, list(worth))
            second = _one(rng, [amount for amount in worth if amount != first])
            pair = (first, second) if goal in (FIRMS[0], NEITHER) else (second, first)
            values = [worth[amount] for amount in pair]
            fees = []
            for name, value in zip(FIRMS, values, strict=True):
                off = pick(rng, FEE_OFF_MIN, FEE_OFF_MAX, 0.05)
                pays = name == goal or (goal != NEITHER and rng.random() < 0.6)
                fee = round(value * (1 - off if pays else 1 + off), -2)
                fees.append(max(fee, MIN_FEE + 100 * int(pick(rng, 0, 5, 1))))
            nets = [value - fee for value, fee in zip(values, fees, strict=True)]
            best = FIRMS[nets.index(max(nets))] if max(nets) > 0 else NEITHER
            if best == goal and not tip_problems(values, fees):
                return tuple(
                    (name, float(amount), float(fee))
                    for name, amount, fee in zip(FIRMS, pair, fees, strict=True)
                )
    raise NoFairDraw("01_information", sale.learner)


@answer_key
def ceiling(sale, after):
    """The highest reservation price still possible after the opening: by the band model,
    no buyer you still believe in pays more, so a final price above it sells to no one.
    It lies less than a quarter above the estimate for every learner, within a sixth for
    most (tests/test_variants_sweep_information.py). A haggle's opening may go up to it
    (``opening_ceiling``; one step beyond until review 93 X1). Review s62 C1 had made this the
    openings' bound too (one step above it had sat, for learner-7, 28% above the estimate
    and on the amount of Question 9's invented rival offer); review 73 X1 gave the step
    back to every learner as room for the counter-offer, since the course granted it to
    some already and standard texts open at or a little beyond the plausible maximum. The
    step can reach the invented rival's amount: an opening names your own ask, the rival
    offer a fact that is untrue. Review 80 C2: module 04 and the course's opening rule open
    at a point grounded in a fact, and this price is one; the step beyond it is not, so
    Question 6 now teaches openings up to this price and names no step; review 93 X1 took
    the step out of the mark too."""
    return max(r for r, chance in after.items() if chance > 0)


@answer_key
def opening_ceiling(sale, after):
    """The highest opening Question 6 accepts where a refusal brings a counter-offer:
    ``ceiling``, the highest reservation price still possible. Review 73 X1 had let it go one
    step of ``sale.reservations`` above, as room for the counter-offer, and the check kept
    that step after review 80 C2 dropped it from the advice. Review 93 X1: an opening above
    every price still possible rests on no fact (the opening already proved Osprey cannot pay
    it), so the mark now stops where the rule the module teaches stops; this narrowing is the
    one grading change of that round. Where the model's price is itself that highest price,
    the only accepted opening is the model's price; the target below it is the plan's room."""
    return ceiling(sale, after)


@answer_key
def fits(action, price, sale, after):
    """Whether naming ``price`` (to the cent) carries out ``action`` on this case, the
    model's price being the best final price against ``after``: ``MODEL_PRICE`` is that
    price; ``ABOVE`` (the move of `staged-opening`, which re-prices from the prior with
    only the floor a shaded opening proves) any higher price up to the prior's top, which
    that floor never rules out (review s64: bounded by ``ceiling``, the highest price still
    possible after the opening read as honest, it refused the right staged price of 76 in
    2,000 learners, e.g. sweep-8's €61,000 over €53,000); ``BELOW``
    any price above your cost and above the opening and under the model's price;
    ``SURER`` one of ``surer_prices``; ``FAIR`` a ``BELOW`` price that
    ``leaves_share_at_model`` (review 82 X1: no cap at half the gain; review 108 X1: the share
    measured at the model's price). Accepting the opening is
    never right under the band model: a higher price is accepted as surely and earns more."""
    model = best_move(after, sale.cost)[0]
    cent = 0.005
    if action == MODEL_PRICE:
        return abs(price - model) < cent
    if action == ABOVE:
        return model + cent < price <= max(sale.reservations) + cent
    if action == OPEN:
        return opening_passes(price, sale, after)
    if action == BELOW:
        return max(sale.cost, sale.opening_offer) + cent < price < model - cent
    if action == SURER:
        return any(abs(price - value) < cent for value in surer_prices(after, sale.cost))
    if action == FAIR:
        return fits(BELOW, price, sale, after) and leaves_share_at_model(
            price, model, sale.cost, FAIR_FLOOR
        )
    return False


@answer_key
def leaves_share_at_model(price, model, cost, share=FAIR_FLOOR):
    """Whether ``price`` leaves a buyer whose reservation price is the model's price
    (``model``) at least ``share`` of the gain (the model's price minus ``cost``): Question
    6's rule for a fair price since review 108 X1. Until then the share was measured at the lowest reservation
    price still possible at or above the price, which passed a set with holes: on
    ``fair-case`` 61,500 and 59,000 passed but 60,800 failed, though 60,800 leaves every
    buyer at least as much as 61,500 (the buyer at 61,000, who cannot buy at 61,500 at all,
    gets a chance). Every price that passed before still passes: a share at a reservation
    price at or below the model's price is at least that share at the model's price. Every
    lower price above the cost and the opening passes too. Session 111 C1 kept this rule
    against review 110's call to go back to the old one: on worked-case-0 (cost 56,000,
    model's price 61,000, beliefs 36% / 33% / 31% on 57,000 / 61,000 / 65,000) 56,900 leaves
    the buyer at 57,000 only 10% of its gain, but 60,000, which passes under either rule,
    sells to that buyer not at all (accepted with chance 64%), and 56,900 leaves the other
    buyers more (82% and 90% against 20% and 56%): even if the buyer at 57,000 always
    refused it, 56,900 would sell as often as 60,000."""
    return price <= model - share * (model - cost) + 0.005


@answer_key
def fair_price(beliefs, cost, opening, share=FAIR_SHARE):
    """The highest price in whole euros that leaves a buyer whose reservation price is the
    best final price against ``beliefs`` at least ``share`` of the gain (``leaves_share_at_model``),
    or None where that price is not above both ``cost`` and ``opening``: Question 6's
    reference answer for `fair-share`, convention 3's rule and the notebook's solution.
    Until session 111 (C1) it measured the share at the lowest reservation price still
    possible at or above the price, the rule the check had left in review 108 X1, so the
    reference answer sat lower than the one the notebook teaches; no draw of 3,000 changed."""
    model = best_move(beliefs, cost)[0]
    price = math.floor(model - share * (model - cost) + 0.005)
    return price if max(cost, opening) + 0.005 < price < model - 0.005 else None


@answer_key
def situation_fits(item, price, sale, after):
    """Whether ``price`` does what the situation ``item`` calls for on this case (to the
    cent). For `staged-opening`, only the price the text asks the learner to compute, the
    best price against the honest part of the opening (``staged_price``): any price above
    the model's would let a learner pass on the direction alone, without the re-pricing."""
    if item.key == "staged-opening":
        return abs(price - staged_price(sale)) < 0.005
    if item._assumption == "final-offer":
        return isinstance(price, tuple) and plan_passes(price, sale, after)
    if isinstance(price, tuple):
        return False
    return any(fits(action, price, sale, after) for action in actions_for(item, sale, after))


@answer_key
def opening_floor(sale, after):
    """The lowest opening Question 6 accepts where a refusal brings a counter-offer: the
    higher of your estimate (the expected reservation price under ``after``; module 04's
    rule: open at your estimate or beyond it when a fact you can name takes you there) and
    the model's price (the best final price against ``after``). Review 69 X1: the floor was
    the estimate alone, wherever the model's price fell, so for 1,813 of 2,000 swept
    learners the check, and the reference answer, opened a haggle below the price the same
    learner would name as one final price, though no haggle ends above its opening (review
    79 E1: not "a buyer accepts a lower opening on the spot"). The model's price is the fact that takes the opening
    beyond the estimate. (Before review s58 E2 the floor was half a step above the higher
    of the two, a convention grounded in no fact.)"""
    return max(expected_reservation(after), best_move(after, sale.cost)[0])


#: How far below your estimate an opening may be rounded and still pass (review s57 W1): the
#: estimate is a mean to the cent, and a negotiator names a round figure, so an estimate of
#: €58,925.20 opened at €58,925 (rounded to the euro) or €58,900 (to the hundred) failed.
#: The rounding never takes an opening below the model's price (review 69 X1), which is a
#: whole number of thousands.
OPENING_ROUNDING = 100


@answer_key
def opens_by_the_course_rule(price, sale, after):
    """Whether ``price`` is an opening by Question 6's rule: from ``opening_floor`` (the
    higher of your estimate and the model's price), the estimate rounded down by up to
    ``OPENING_ROUNDING`` but never below the model's price, up to ``opening_ceiling``."""
    cent = 0.005
    model = best_move(after, sale.cost)[0]
    low = max(expected_reservation(after) - OPENING_ROUNDING, model)
    return low - cent <= price <= opening_ceiling(sale, after) + cent


#: Module 02's band for a target (review s61 C2): at least ``TARGET_LOW`` of the way from your
#: reservation price (here your cost) up to your estimate of the buyer's, at most
#: ``TARGET_SHARE`` (``course.models.batna``) of the way, wherever the opening sits. Session 75: one monotone rule for
#: the whole course; the top was nine tenths at an opening at the estimate and the estimate
#: itself beyond it, while the reference aimed halfway to the opening there, so a stronger
#: fact could lower the target.
TARGET_LOW = 0.5


@answer_key
def target_band(opening, sale, after):
    """(lowest, highest) target module 02 allows for a seller whose reservation price is
    ``sale.cost`` and who opens at ``opening``: from halfway to the estimate up to three
    quarters of the way, whether the opening sits at the estimate or beyond it, or up to
    ``surest_price`` when that is higher, and never below ``surest_price``: the one exception
    to module 02's cap, whose top leaves room to concede, and no concession below a price
    every buyer still possible accepts is ever needed (review 76 C1; review 77 X1: a target
    below `sure` passed for 70 of 183 learners with a haggle). An opening
    a little below the estimate (rounded down to the €100, as question 6 allows) stands for
    the estimate, so the band then starts halfway to the opening (review 66 X2: the even
    split of the rounded figure lost a mark by up to €50)."""
    estimate = expected_reservation(after)
    sure = surest_price(after)
    low = sale.cost + TARGET_LOW * (min(opening, estimate) - sale.cost)
    return max(low, sure), band_top(sale, after)


@answer_key
def band_top(sale, after):
    """The top of ``target_band``: three quarters of the way from your cost to your estimate,
    or, where `sure` lies above that, three quarters of the way from `sure` to your estimate.
    Review 100 X2: the top was `sure` itself there, so for 94 of 262 learners with a haggle
    the target was one forced number (rv01c's 51,000, between `sure` and its opening, failed);
    no concession below `sure` is ever needed, so `sure` takes the cost's place in the rule."""
    estimate = expected_reservation(after)
    sure = surest_price(after)
    top = sale.cost + TARGET_SHARE * (estimate - sale.cost)
    return sure + TARGET_SHARE * (estimate - sure) if sure > top else top


@answer_key
def plans_by_the_course_rule(plan, sale, after):
    """Whether ``plan``, a pair (opening, target), is a haggle plan by the course's rules
    (review s61 X1: a lone opening let the model's price pass unchanged for nine learners in
    ten): the opening by ``opens_by_the_course_rule``, the target in ``target_band`` and
    below the opening."""
    opening, target = plan
    if not opens_by_the_course_rule(opening, sale, after):
        return False
    low, high = target_band(opening, sale, after)
    cent = 0.005
    return low - cent <= target <= high + cent and target < opening - cent


@answer_key
def opening_passes(price, sale, after):
    """Whether Question 6's mark accepts ``price`` as an opening: an opening by the course's
    rule (``opens_by_the_course_rule``: module 04's rule, from your estimate up, less
    ``OPENING_ROUNDING`` for rounding, plus the floor at the model's price). Review 88 C1 had
    also passed any reservation price still possible at or above the model's price, below the
    estimate (module 05's way with two states); review 99 C1: that broke the one opening rule
    convention 1, module 02 and module 04 state (rv-alice's 52,000 under her 52,356.16
    estimate earned the mark), so the mark is the rule again. Stricter: those openings were
    wrong by the module's own rule."""
    return opens_by_the_course_rule(price, sale, after)


#: How far below the lowest target of ``target_band`` a target may be rounded and still
#: pass (review 94 X1): the even split is a mean to the cent, and a negotiator names a
#: round figure. The rounding never takes a target below `sure` (``surest_price``).
TARGET_ROUNDING = 100


@answer_key
def target_floor(opening, sale, after):
    """The lowest target Question 6's mark accepts for a plan opening at ``opening`` (review
    94 X1): convention 2's floor, the lowest target of ``target_band`` (halfway from your
    cost to your estimate, or `sure` where that is higher), less ``TARGET_ROUNDING`` for
    rounding, but never below `sure`."""
    low, _ = target_band(opening, sale, after)
    return max(low - TARGET_ROUNDING, surest_price(after))


@answer_key
def target_ceiling(sale, after):
    """The highest target Question 6's mark accepts (review 97 X1): convention 2's top, three
    quarters of the way from your cost to your estimate (``target_band``), plus
    ``TARGET_ROUNDING`` for rounding, or `sure` where that is higher (the band's one
    exception). Before, the top was advice only, and rv-a's (75,526.69, 75,000), a target
    99% of the way to the estimate with €527 left to concede, earned the mark."""
    # review 100 X2: where `sure` lies past three quarters of the way, the top is three
    # quarters of the way from `sure` (``band_top``), plus the same €100 for rounding
    return max(band_top(sale, after) + TARGET_ROUNDING, surest_price(after))


@answer_key
def plan_passes(plan, sale, after):
    """Whether Question 6's mark accepts ``plan``, a pair (opening, target): an opening that
    ``opening_passes`` and a target below it, from ``target_floor`` up to ``target_ceiling``
    (review 94 X1: review 88 X1 marked the target on the cost and Osprey's opening alone, so
    targets below `sure` and below module 02's band, which convention 2 calls slips, earned
    the mark; review 97 X1: the band's top, advice until then, is marked too). Every plan
    ``plans_by_the_course_rule`` accepts still passes."""
    opening, target = plan
    cent = 0.005
    floor = max(sale.cost, sale.opening_offer)
    return plans_by_the_course_rule(plan, sale, after) or (
        opening_passes(opening, sale, after)
        and floor + cent < target < opening - cent
        and target_floor(opening, sale, after) - cent
        <= target
        <= target_ceiling(sale, after) + cent
    )


@own_case_key
def model_limits(sale, after):
    """Question 6's answer: for each situation, (the assumption it breaks, a price that
    does what the situation calls for): the model's price, the next possible reservation
    price above it, the highest surer price below it, or for `fair-share` the highest
    whole-euro price that leaves a buyer whose reservation price is the model's price a
    quarter of the gain (``fair_price`` with ``FAIR_SHARE``,
    convention 3's advice), more than the fifth the check asks for (``FAIR_FLOOR``; the
    surer price leaves the buyer there nothing, the case ultimatum games show is refused
    most); for
    `staged-opening`, the best price against the honest part of the opening
    (``staged_price``)."""
    model = best_move(after, sale.cost)[0]
    # none on Question 6's `cut-case`, which asks only `staged-opening`
    surer = max(surer_prices(after, sale.cost), default=None)
    price = {
        MODEL_PRICE: model,
        ABOVE: min(r for r in sale.reservations if r > max(model, expected_reservation(after))),
        # review s62 C1: the next price above the model's and the estimate could lie beyond
        # the ceiling; the lowest possible reservation price at or above the floor cannot
        # (review 69 X1: the floor is the higher of the estimate and the model's price)
        OPEN: min(r for r, c in after.items() if c > 0 and r >= opening_floor(sale, after)),
        BELOW: surer,
        SURER: surer,
        # review 70 X5: where the opening raised the price there is no surer price, but a
        # fair price below the model's still exists (tests/test_variants_sweep_information.py)
        # review 106 C1: a quarter, as convention 3 says (a third first until then)
        FAIR: fair_price(after, sale.cost, sale.opening_offer, FAIR_SHARE),
    }
    # where a refusal brings a counter-offer, a plan: the opening and a target by the
    # course's one rule (module 02's): the figure of the best fact you can show, kept in
    # ``target_band``. `sure` (Question 2's ``surest_price``), which every buyer still
    # possible accepts, is such a fact (review 66 C1: it was three quarters of the way;
    # review 73 C2: halfway to the opening beyond the estimate; session 75: the even split,
    # naming no fact; review 75 C1: that fell below `sure` for 200 of 289 learners with a
    # plan, 96 of them with `sure` past the band, so the band's top)
    # review 76 C1: for 70 of 200 learners `sure` lay past the band's top, and the answer
    # aimed below a price every buyer still possible accepts; the top no longer holds it
    low, high = target_band(price[OPEN], sale, after)
    price[OPEN] = (price[OPEN], min(max(surest_price(after), low), high))
    answer = {
        item.key: (item._assumption, price[item._actions[0]])
        for item in (*_SITUATIONS, *_PRACTICE_SITUATIONS)
    }
    answer["staged-opening"] = ("honest-opening", staged_price(sale))
    return answer


@answer_key
def moving_direction(sale):
    """Which way the learner's news that points a way points: "higher" or "lower" (the
    grader's, never handed to the learner)."""
    (moving,) = {item._direction for item in news_of(sale) if item._direction != "neither"}
    return moving


@answer_key
def weight_to_move(sale, after, direction=None):
    """Question 5c: the smallest factor per step, in twentieths up to 10, at which news
    pointing ``direction`` (the learner's own news's way when None; read as each price that
    many times as likely as the next) moves the best final price after the opening;
    ``None`` if 10 does not."""
    return news_threshold(after, sale.cost, direction or moving_direction(sale))


@answer_key
def weights_accepted(sale, after, direction=None):
    """The answers Question 5c accepts: ``weight_to_move``, and, where the factor at which
    the price moves lies within a millionth of a twentieth (there the two best prices tie,
    and which one a computation keeps is float rounding), the twentieth on the other side
    too. Empty when no factor up to 10 moves the price."""
    direction = direction or moving_direction(sale)
    if weight_to_move(sale, after, direction) is None:
        return set()
    low, high = 1.0, 10.0
    while high - low > 1e-9:
        middle = (low + high) / 2
        if news_moves_price(after, sale.cost, direction, middle):
            high = middle
        else:
            low = middle
    return {math.ceil(round((high + shift) * 20, 9)) / 20 for shift in (-1e-6, 1e-6)} | {
        weight_to_move(sale, after, direction)
    }


#: Question 5b counts holds up to this many; more than this, and the answer is ``None``.
#: Review 75 C3: it was 10, yet the text told the learner not to re-price after a run the
#: model gives a chance below 1 in 10,000, which every count of 6 or more is (a hold's
#: chance is below 0.19 under every price still possible), so the graded count was one the
#: text said to ignore. Five holds, and that rule is gone.
MOST_HOLDS = 5


def hold_likelihood(beliefs, last):
    """The belief updater's chance that a buyer repeats its ``last`` offer, under each
    reservation price in ``beliefs``: ``HOLD`` × last / r (a buyer near the most it would
    pay is likelier to stand firm); 0 under a reservation price below the offer."""
    return {value: HOLD * last / value if value >= last else 0.0 for value in beliefs}


def holds_case(sale):
    """The sale Question 5b's check asks about for ``sale``'s learner: that sale itself, or,
    for a learner whose opening raised the model's price (``meets_good_news``: no possible
    reservation price then lies between the cost and it, so the answer was None with no
    counting for about a third of learners, review 103 X3), the sale of the first id
    ``<learner>+5b<k>`` (k = 0, 1, ...) whose opening did not. Every sale that is not such
    a learner's has a safer price (``problems``: ``no surer price earns``), so on every
    case the count is a real question, and None stays right where five holds move nothing."""
    if not meets_good_news(sale.learner):
        return sale
    from course.variants import variant  # variants import the scenarios

    base = str(sale.learner)[:90]
    stand_in = next(f"{base}+5b{k}" for k in range(1000) if not meets_good_news(f"{base}+5b{k}"))
    return variant("01_information", stand_in)


@answer_key
def holds_before_moving(sale, after, direction=1, most=MOST_HOLDS):
    """Question 5b: the fewest holds in a row at Osprey's opening after which the best
    final price is no longer the one against ``after``, or ``None`` if ``most`` do not
    move it. ``direction`` -1 reads a hold the wrong way round (likelier from a buyer
    far from its reservation price: the hint for that slip), and 0 reads it as the chance
    of moving, 1 - ``HOLD`` × last / r, which rises with r too (the same hint)."""
    now = best_move(after, sale.cost)[0]
    beliefs = dict(after)
    for holds in range(1, most + 1):
        likelihood = hold_likelihood(beliefs, sale.opening_offer)
        if direction < 0:
            likelihood = {v: (1 / chance if chance else 0.0) for v, chance in likelihood.items()}
        elif direction == 0:
            likelihood = {v: (1 - chance if chance else 0.0) for v, chance in likelihood.items()}
        beliefs = bayes_update(beliefs, likelihood)
        if best_move(beliefs, sale.cost)[0] != now:
            return holds
    return None


@answer_key
def fair_play(sale):
    """The right label of every move this learner judges."""
    return {move.key: move._label for move in moves_of(sale)}
