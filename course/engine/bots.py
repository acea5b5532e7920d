"""Bots: the counterparts a person negotiates with, and the personalities a facilitator picks.

Every bot sees only its own preferences, the offers made to it and, for the course's
own bots, a ``Memory`` of past negotiations with the same counterpart: never a module's
scenario. Each round it answers the protocol's questions: accept the offer on the
table? (``respond``), leave instead of countering? (``leaves``, with the words it says),
and what to offer (``propose``, an outcome index, with ``said``, the words that go with
it). Utilities are on the bot's own scale.

Two families:

- ``Counterpart`` is the course's own sparring partner (the ``boulware``, ``linear``,
  ``conceder`` and ``tit-for-tat`` personalities). Its concessions blend a time schedule
  (Faratin, Sierra & Jennings 1998: α(t) = κ + (1 − κ)(t/T)^(1/β)) with tit-for-tat on
  the other side's concessions, in the spirit of that paper's weighted combination of
  tactics. It opens with a plausible offer (κ > 0) that a credible first offer of the
  other side pulls towards it (anchoring); its offers never move back, and on
  several issues they give ground first where the bot cares least. Its own deadline is
  its own (the other side knows only the protocol's limit); insulting, stalled or
  retracted offers strain its patience until it leaves; and what it remembers of the
  last encounter sets its opening and its patience the next time.
- ``NegmasTimeBot`` reproduces NegMAS 0.16's time-based negotiators exactly: target
  u_min + (u_max − u_min)(1 − t^e) with t = (k + 1) / (N + 1), so the reservation value is
  never quite reached; accept when the offer's utility ≥ target − 1e-4; propose the
  lowest-utility outcome still ≥ target − 1e-4. They ignore the other side entirely,
  which is what a comparison with NegMAS needs and what a sparring partner must not do.

``LearningBot`` estimates a price negotiator's limit from its offers (Bayes' rule).
"""

import copy
import math
from dataclasses import dataclass, field
from functools import lru_cache

from course.models.concessions import concession_fraction
from course.models.information import bayes_update, expected_reservation

#: NegMAS's tolerance when comparing utilities with a target.
NEGMAS_TOLERANCE = 1e-4

#: NegMAS 0.16's exponents for its named time-based negotiators.
NEGMAS_EXPONENTS = {"boulware": 4.0, "linear": 1.0, "conceder": 0.25}


@lru_cache(maxsize=256)
def remaining_schedule(rounds, beta, kappa=0.0, family="polynomial"):
    """1 − α(k) for every round k of a Faratin tactic whose last round is k = N − 1: the
    share of the room between reservation value and best outcome the bot still keeps."""
    last = max(rounds - 1, 1)
    return tuple(1.0 - concession_fraction(k, last, beta, kappa, family) for k in range(rounds))


class Bot:
    """A negotiator that follows a rule. Subclasses set the target for each round."""

    #: whether the bot's offers depend only on time (then tournaments can vectorise it)
    time_only = False

    #: what the bot says with its latest offer (``None``: nothing)
    said = None

    def __init__(self, preferences, rounds):
        self.preferences = preferences
        self.rounds = rounds

    def leaves(self, k):
        """Having declined the offer on the table in round ``k``, does the bot walk away
        instead of countering? Its parting words, or ``None`` to stay."""
        return None

    def clone(self):
        """An independent copy in the bot's present state (for replays and what-ifs)."""
        return copy.copy(self)

    def target(self, k):
        """The utility the bot aims for in round ``k`` (0-based)."""
        raise NotImplementedError

    def threshold(self, k):
        """The least utility the bot accepts in round ``k``: what it would offer itself."""
        return self.preferences.utilities[self.propose(k)]

    def observe(self, k, offer):
        """Hear the other side's offer (an outcome index) made before round ``k``'s reply."""

    def respond(self, k, offer):
        """Accept ``offer`` in round ``k``? Never below the reservation value."""
        self.observe(k, offer)
        utility = self.preferences.utilities[offer]
        return utility >= self.preferences.reservation and utility >= self.threshold(k)

    def propose(self, k):
        """The outcome the bot offers in round ``k``."""
        return self.preferences.cheapest_at_least(self.target(k))


class NegmasTimeBot(Bot):
    """NegMAS 0.16's time-based negotiator (Boulware e = 4, linear e = 1, Conceder e = 0.25)."""

    time_only = True

    def __init__(self, preferences, rounds, exponent):
        super().__init__(preferences, rounds)
        self.exponent = exponent
        self.remaining = tuple(1.0 - ((k + 1) / (rounds + 1)) ** exponent for k in range(rounds))

    def target(self, k):
        best, reservation = self.preferences.best, self.preferences.reservation
        return reservation + (best - reservation) * self.remaining[k]

    def threshold(self, k):
        return self.target(k) - NEGMAS_TOLERANCE

    def propose(self, k):
        return self.preferences.cheapest_at_least(self.target(k) - NEGMAS_TOLERANCE)


class LearningBot(Bot):
    """Learns the other side's reservation price from its offers (single price only).

    It keeps beliefs over every price the other side might hold as its limit and, after
    each offer, updates them with Bayes' rule (``course.models.information``): a side never
    offers past its own limit, and as the deadline nears its offers come closer to it.
    It then concedes like a Boulware bot, but towards the best price it believes the
    other side will still take rather than towards its own reservation price.
    """

    #: candidate limits the beliefs range over (evenly spaced prices, both ends included)
    CANDIDATES = 26

    def __init__(self, preferences, rounds, prices, beta=0.5):
        super().__init__(preferences, rounds)
        self.prices = prices
        stride = max(1, math.ceil((len(prices) - 1) / (self.CANDIDATES - 1)))
        self.candidates = tuple(sorted({*prices[::stride], prices[-1]}))
        self.sells = preferences.utilities[-1] > preferences.utilities[0]
        self.spread = (prices[-1] - prices[0]) / 4
        self.step = (
            (prices[-1] - prices[0]) / (len(self.candidates) - 1) if len(self.candidates) > 1 else 1
        )
        self.beliefs = {limit: 1 / len(self.candidates) for limit in self.candidates}
        self._estimate = expected_reservation(self.beliefs)
        self.remaining = remaining_schedule(rounds, beta)

    def _likelihood(self, k, offer_price):
        """Chance of this offer from a side whose limit is each candidate price."""
        scale = self.spread * (1 - k / self.rounds) + self.step
        chances = {}
        for limit in self.candidates:
            beyond = offer_price - limit if self.sells else limit - offer_price
            # a buyer (facing a seller bot) never bids above its limit, and vice versa
            chances[limit] = 0.0 if beyond > 1e-9 else math.exp(-abs(limit - offer_price) / scale)
        return chances

    def observe(self, k, offer):
        try:
            self.beliefs = bayes_update(self.beliefs, self._likelihood(k, self.prices[offer]))
        except ValueError:
            return  # an offer no belief allows: keep what we believed, it is still our best guess
        # the expected reservation, unchecked: bayes_update's beliefs are valid by construction
        self._estimate = sum(limit * chance for limit, chance in self.beliefs.items())

    def estimate(self):
        """The other side's reservation price the bot currently expects."""
        return self._estimate

    def target(self, k):
        own = self.preferences
        estimate = self.estimate()
        believed = estimate if self.sells else -estimate  # as a utility to this bot
        floor = max(own.reservation, min(believed, own.best))
        return floor + self.remaining[k] * (own.best - floor)


# --- memory of past encounters ------------------------------------------------------

#: How a negotiation can end, as the bot remembers it.
ENDINGS = ("deal", "polite walk-away", "walk-out", "it left", "deadline")

#: Trust before any encounter, on a scale from 0 (none) to 1 (full).
TRUST_START = 0.5

#: How each ending moves the bot's trust in the other side: a deal honoured builds it, a
#: walk-away that leaves the door open keeps it, a walk-out (a walk-away that burns the
#: bridge) destroys most of it; a negotiation the bot had to leave, or that ran out of
#: time, costs a little. Every insult and every retraction costs a little more.
TRUST_CHANGE = {
    "deal": 0.25,
    "polite walk-away": 0.0,
    "walk-out": -0.35,
    "it left": -0.1,
    "deadline": -0.05,
}
TRUST_PER_INSULT = -0.1
TRUST_PER_RETRACTION = -0.1


@dataclass(frozen=True)
class Encounter:
    """One past negotiation as the bot remembers it: how it ended (one of ``ENDINGS``)
    and how many of the other side's offers were insults and retractions."""

    ending: str
    insults: int = 0
    retractions: int = 0

    def __post_init__(self):
        if self.ending not in ENDINGS:
            raise ValueError(f"an ending is one of {', '.join(ENDINGS)}, got {self.ending!r}")


@dataclass
class Memory:
    """What a bot remembers of its past negotiations with the same counterpart (the
    repeated game of Axelrod 1984): the encounters, oldest first, and the trust they
    leave. A bot reads it when it is made; ``PersonSession`` adds each finished
    negotiation. Keep it on the server side: it is part of the bot's private state."""

    encounters: list = field(default_factory=list)

    @property
    def trust(self):
        """Trust in [0, 1]: ``TRUST_START`` moved by every encounter in turn."""
        trust = TRUST_START
        for met in self.encounters:
            change = (
                TRUST_CHANGE[met.ending]
                + TRUST_PER_INSULT * met.insults
                + TRUST_PER_RETRACTION * met.retractions
            )
            trust = min(1.0, max(0.0, trust + change))
        return trust

    def remember(self, encounter):
        """Add a finished negotiation (an ``Encounter``)."""
        if not isinstance(encounter, Encounter):
            raise TypeError(f"remember an Encounter, got {type(encounter).__name__}")
        self.encounters.append(encounter)


# --- the course's counterpart ---------------------------------------------------------

#: An offer worth less to the bot than this fraction of the way from its worst outcome
#: to its reservation value is an insult: it does not anchor, and it strains patience.
INSULT_LINE = 0.25

#: Strain an offer adds: an insult, a stall (no new ground), a retraction (worse for the
#: bot than the other side's previous offer). New ground takes one point off; an offer
#: that only undoes a retraction (better than the previous offer, no better than the best
#: heard) adds none.
STRAIN = {"insult": 2, "stall": 1, "retraction": 1, "undo": 0}

#: A concession smaller than this share of the bot's room is not new ground.
NEW_GROUND = 0.01

#: How many points of patience each point of trust above or below the start is worth.
PATIENCE_PER_TRUST = 4

#: What the bot says. Keys: its reading of the offer it just heard, or why it leaves.
REMARKS = {
    "first": "Let me start here.",
    "opening": "Thank you. Here is where I can start.",
    "credible": "That is something we can talk about.",
    "insult": "That is not a serious offer.",
    "concession": "Thank you for moving; that helps.",
    "stall": "You have not moved since your last offer.",
    "waiting": "You held after my opening; fair enough.",
    "undo": "That only takes back your step back.",
    "retraction": "That is worse than your last offer. I will not move while you go back.",
    "final": "This is my final offer.",
    "strained": "My patience is running out.",
    "floor": "We are close to our limit; there is little more we can give.",
    "floor_package": "We can't give more on any one term of our own offer; a different "
    "package from you might still work.",
}
PARTING = {
    "insult": "I don't think we can do business on these terms. Goodbye.",
    "stall": "We are going round in circles. I will take my other option; call me if "
    "anything changes.",
    "retraction": "You keep taking back what you offered. I can't negotiate like this.",
    "time": "That was my final offer and my time is up. I will go with my other option; "
    "my door stays open.",
}


class Counterpart(Bot):
    """The course's sparring partner: a time schedule blended with tit-for-tat (Faratin
    et al. 1998), with a plausible opening, a hidden deadline, patience and a memory.
    Shares below are of the bot's room: its best utility minus its reservation value.

    - ``beta``: the time schedule's β (below 1 Boulware, 1 linear, above 1 Conceder);
    - ``kappa``: the share its opening concedes before any pull (more with more trust,
      less with less: see ``Memory``);
    - ``anchoring``: how far its opening moves towards a credible first offer of the
      other side (anchoring and adjustment); an insult does not anchor;
    - ``pace``: the share of the room left after its opening that the clock alone makes
      it concede by its deadline, following β;
    - ``reciprocity``: the utility it gives back per unit of utility the other side has
      conceded to it since its first credible offer (1: amount for amount);
    - ``patience``: the strain (``STRAIN``) that makes it leave, ``None`` for never;
    - ``deadline``: how many rounds it makes offers in (its last offer is its final
      one); the protocol's ``rounds`` by default;
    - ``memory``: a ``Memory`` of past encounters with the same counterpart.

    A hold answering its opening is not a stall (review 110 C4: the course's own rule
    holds there). A stall or a retraction strains it only while the other side's offer is still worse
    for it than walking away; an insult always does. It says when its patience is
    running out, and leaves for want of patience only after saying so with its previous
    offer. It accepts an offer at least as good as its reservation value and as its
    target for the round or the offer it would make next. Its offers never move back towards itself: a retraction gets
    no step forward that round, and a stall gets only the clock's step.
    """

    def __init__(
        self,
        preferences,
        rounds,
        beta,
        kappa=0.35,
        anchoring=0.25,
        pace=0.75,
        reciprocity=0.3,
        patience=4,
        deadline=None,
        memory=None,
    ):
        super().__init__(preferences, rounds)
        for name, value in (
            ("kappa", kappa),
            ("anchoring", anchoring),
            ("pace", pace),
            ("reciprocity", reciprocity),
        ):
            if not 0 <= value <= 1:
                raise ValueError(f"{name} must be between 0 and 1, got {value!r}")
        self.deadline = rounds if deadline is None else deadline
        if isinstance(self.deadline, bool) or not isinstance(self.deadline, int):
            raise TypeError(f"the bot's deadline must be a whole number, got {deadline!r}")
        if not 1 <= self.deadline <= rounds:
            raise ValueError(
                f"the bot's deadline must be from 1 to {rounds} rounds, got {deadline}"
            )
        self.trust = TRUST_START if memory is None else memory.trust
        self.beta, self.anchoring, self.pace, self.reciprocity = beta, anchoring, pace, reciprocity
        self.kappa = min(1.0, kappa * (0.5 + self.trust))
        self.patience = (
            None
            if patience is None
            else max(1, patience + round(PATIENCE_PER_TRUST * (self.trust - TRUST_START)))
        )
        own = preferences
        self.room = own.best - own.reservation
        self.insult_line = own.worst + INSULT_LINE * (own.reservation - own.worst)
        self.clock = remaining_schedule(self.deadline, beta)
        self._ladder = _ladder(own)
        # what it has heard, and where it stands
        self.heard = []  # the other side's offers, as utilities to the bot
        self.first_credible = None  # the first offer that was not an insult
        self.best_heard = None
        self.insults = self.retractions = self.stalls = self.strain = 0
        self.reading = None  # its reading of the last offer: a key of REMARKS
        self.opening_share = None  # the share of its room its opening conceded
        self.opening_utility = None
        self.conceded = None  # the share it has conceded so far
        self.position = None  # its latest offer, as a rank per issue (see _Ladder)
        self.worry = None  # why patience last ran down: a key of PARTING
        self.warned = False  # whether its latest offer said its patience was running out
        self.offers_made = 0  # how many offers it has made

    # -- hearing offers --

    def observe(self, k, offer):
        utility = self.preferences.utilities[offer]
        previous = self.heard[-1] if self.heard else None
        self.heard.append(utility)
        unacceptable = utility < self.preferences.reservation
        step = NEW_GROUND * self.room
        if utility < self.insult_line:
            self.insults += 1
            self._strain("insult")
        elif self.first_credible is None:
            self.first_credible = self.best_heard = utility
            self.reading = "opening" if self.position is None else "credible"
        elif utility > self.best_heard + step:
            self.best_heard = utility
            self.strain = max(0, self.strain - 1)
            self.reading = "concession"
        elif previous is not None and utility < previous - step:
            self.retractions += 1
            self._strain("retraction", unacceptable)
        elif previous is not None and utility > previous + step:
            self.reading = "undo"  # back towards its best offer so far, not beyond it
        elif self._only_opened():
            # review 110 C4: a hold answering its opening is the course's rule (module 04,
            # section 3: an opening is not a concession), so it is no stall
            self.reading = "waiting"
        else:
            self.stalls += 1
            self._strain("stall", unacceptable)

    def _only_opened(self):
        """Whether the bot's only offer so far is its opening: the other side's hold then
        answers an opening, which concedes nothing."""
        return self.position is not None and self.offers_made == 1

    def _strain(self, why, counts=True):
        self.reading = why
        if counts:
            self.strain += STRAIN[why]
            self.worry = why

    def respond(self, k, offer):
        """Accept ``offer`` in round ``k``? Never below the reservation value; otherwise
        when it is at least the target for the round or at least as good as the offer the
        bot would make next: its ladder moves in whole levels and can step below the
        target, and it never refuses an offer and then proposes one worse for itself
        (nor, since its offers never move back, refuses what it has just offered)."""
        self.observe(k, offer)
        utility = self.preferences.utilities[offer]
        target = self._target(self._share(k))
        if self.position is not None:
            following = self._ladder.concede(self.position, target)
            target = min(target, self.preferences.utilities[self._ladder.index(following)])
        return utility >= self.preferences.reservation and utility >= target - 1e-9

    def leaves(self, k):
        """It leaves at its deadline (after saying its last offer was final), or when its
        patience has run out and it said so with its previous offer: it always warns at
        least one turn before leaving for want of patience."""
        if k >= self.deadline:
            return PARTING["time"]
        if self.patience is not None and self.strain >= self.patience and self.warned:
            return PARTING[self.worry]
        return None

    # -- making offers --

    def _share(self, k):
        """The share of its room the bot concedes by its offer in round ``k``."""
        own = self.preferences
        if self.conceded is None:  # its opening: κ, pulled towards a credible first offer
            aim = own.best - self.kappa * self.room
            first = self.heard[0] if self.heard else None
            if first is not None and first >= self.insult_line:
                # a credible offer pulls, but never past its own reservation value: an
                # offer it could not accept pulls only as far as one it just could
                aim += self.anchoring * (max(first, own.reservation) - aim)
            aim = min(own.best, max(own.reservation, aim))
            return (own.best - aim) / self.room if self.room > 0 else 1.0
        if self.reading == "retraction":
            return self.conceded  # no step forward for a step back
        start = self.opening_share
        clock = 1.0 - self.clock[min(k, self.deadline - 1)]
        share = start + (1 - start) * self.pace * clock + self.reciprocity * self.given()
        return min(1.0, max(self.conceded, share))

    def given(self):
        """What the other side has conceded to the bot since its first credible offer,
        in the bot's utility, as a share of the bot's room (0 when nothing)."""
        if self.first_credible is None or self.room <= 0:
            return 0.0
        return (self.best_heard - self.first_credible) / self.room

    def _target(self, share):
        return self.preferences.best - share * self.room

    def target(self, k):
        return self._target(self._share(k))

    def propose(self, k):
        share = self._share(k)
        start = self.position is None
        target = self._target(share)
        self.position = self._ladder.concede(self.position, target)
        index = self._ladder.index(self.position)
        if start:
            self.opening_share = share
            self.opening_utility = self.preferences.utilities[index]
        self.conceded = share
        self.offers_made += 1
        words = [REMARKS["first" if self.reading is None else self.reading]]
        if start and self.reading == "insult":
            words.append("Here is where I can start.")
        self.warned = bool(
            self.patience is not None and self.strain and self.strain >= self.patience - 1
        )
        if self.warned:
            words.append(REMARKS["strained"])
        if not start and self._ladder.at_floor(self.position):
            # true: no further level keeps its own offer above walking away; with several
            # issues it may still accept a package of yours that trades one issue for another
            words.append(REMARKS["floor" if len(self._ladder.shape) == 1 else "floor_package"])
        if k == self.deadline - 1:
            words.append(REMARKS["final"])
        self.said = " ".join(words)
        return index

    def clone(self):
        twin = copy.copy(self)
        twin.heard = list(self.heard)
        return twin

    def encounter(self, ending):
        """This negotiation as the bot will remember it, given how it ended."""
        return Encounter(ending, insults=self.insults, retractions=self.retractions)


class _Ladder:
    """A side's outcomes as levels per issue, each issue's levels ranked from best to worst
    for that side (an additive scoring: measured from its best outcome, changing that
    issue alone). A position is a rank per issue; rank 0 everywhere is its best outcome."""

    def __init__(self, preferences):
        self.preferences = preferences
        shape = self.shape = preferences.shape
        if len(shape) == 1:  # one issue: its outcomes, best first
            self.orders = (tuple(reversed(preferences.order)),)
            self._rank = {level: rank for rank, level in enumerate(self.orders[0])}
            return
        best = _levels(shape, preferences.order[-1])
        orders = []
        for issue, count in enumerate(shape):
            worth = []
            for level in range(count):
                package = list(best)
                package[issue] = level
                worth.append((-preferences.utilities[_index(shape, package)], level))
            orders.append(tuple(level for _, level in sorted(worth)))
        self.orders = tuple(orders)

    def index(self, ranks):
        """The outcome index at a position."""
        if len(self.shape) == 1:
            return self.orders[0][ranks[0]]
        return _index(self.shape, [self.orders[i][r] for i, r in enumerate(ranks)])

    def ranks(self, index):
        """The position of an outcome index."""
        if len(self.shape) == 1:
            return (self._rank[index],)
        levels = _levels(self.shape, index)
        return tuple(self.orders[i].index(level) for i, level in enumerate(levels))

    def at_floor(self, ranks):
        """Whether no one-level move from ``ranks`` towards the other side keeps the
        offer at or above the reservation value."""
        own = self.preferences
        for issue, rank in enumerate(ranks):
            if rank + 1 < self.shape[issue]:
                candidate = [*ranks[:issue], rank + 1, *ranks[issue + 1 :]]
                if own.utilities[self.index(candidate)] >= own.reservation - 1e-9:
                    return False
        return True

    def concede(self, ranks, target):
        """The next offer's position: from ``ranks`` (the previous offer's, ``None`` before
        the opening: then the best outcome), move issues one level at a time towards the
        other side, the cheapest move first, while the offer stays nearer ``target`` than
        it was (levels are coarse: an offer can overshoot the target by up to half a move)
        and never below the reservation value; the opening always moves at least one
        level, and after that never past its target, so that it gives no more at once than
        its κ and the pull of a credible first offer. Offers never move back."""
        own = self.preferences
        opening = ranks is None
        ranks = [0] * len(self.shape) if opening else list(ranks)
        if len(self.shape) == 1:  # one issue: jump straight to the level the target allows
            reached = self._rank[own.cheapest_at_least(target)]
            lowest = self._rank[own.cheapest_at_least(own.reservation)]
            return (max(ranks[0] + (opening and lowest > 0), reached),)
        current, moved = own.utilities[self.index(ranks)], False
        while True:
            steps = []
            for issue, rank in enumerate(ranks):
                if rank + 1 < self.shape[issue]:
                    candidate = [*ranks[:issue], rank + 1, *ranks[issue + 1 :]]
                    steps.append((current - own.utilities[self.index(candidate)], issue, candidate))
            near = moved or not opening  # the level nearest the target, never below the walk-away
            reach = (1 if opening else 2) * (current - target)  # the opening never overshoots
            fitting = [
                step
                for step in steps
                if (not near or step[0] <= reach + 1e-9)
                and current - step[0] >= own.reservation - 1e-9
            ]
            if not fitting:
                break
            loss, _, ranks = min(fitting)
            current -= loss
            moved = True
        return tuple(ranks)


@lru_cache(maxsize=256)
def _ladder(preferences):
    return _Ladder(preferences)


def _levels(shape, index):
    levels = []
    for count in reversed(shape):
        index, level = divmod(index, count)
        levels.append(level)
    return tuple(reversed(levels))


def _index(shape, levels):
    """The outcome index of a level per issue."""
    index = 0
    for count, level in zip(shape, levels, strict=True):
        index = index * count + level
    return index


# --- personalities a facilitator picks by name --------------------------------------

#: The course's own counterparts: (what it does, its ``Counterpart`` settings).
STYLES = {
    "boulware": (
        "its own pace, with β = 0.25, barely moves it until late, then fast; on top of it, "
        "it gives back a third of what you concede",
        {"beta": 0.25, "kappa": 0.3, "pace": 0.75, "reciprocity": 0.3, "patience": 5},
    ),
    "linear": (
        "its own pace, with β = 1, is the same step every round; on top of it, it gives back "
        "a third of what you concede, so while you concede it moves faster than its pace",
        {"beta": 1.0, "kappa": 0.35, "pace": 0.75, "reciprocity": 0.3, "patience": 4},
    ),
    "conceder": (
        "its own pace, with β = 3, gives most of its ground early; on top of it, it gives "
        "back a third of what you concede, and it soon tires of an opponent who does not move",
        {"beta": 3.0, "kappa": 0.4, "pace": 0.75, "reciprocity": 0.3, "patience": 3},
    ),
    "tit-for-tat": (
        "opens with a fair step, then answers each concession of yours with as much of "
        "its own, and a step back with none; its own pace moves it only a little",
        {"beta": 1.0, "kappa": 0.35, "pace": 0.25, "reciprocity": 1.0, "patience": 4},
    ),
}


def _counterpart(settings):
    def make(negotiation, side, deadline=None, memory=None):
        return Counterpart(
            negotiation.preferences[side],
            negotiation.rounds,
            deadline=deadline,
            memory=memory,
            **settings,
        )

    return make


def _negmas(exponent):
    def make(negotiation, side, deadline=None, memory=None):
        return NegmasTimeBot(negotiation.preferences[side], negotiation.rounds, exponent)

    return make


def _learner(negotiation, side, deadline=None, memory=None):
    if not negotiation.is_price:
        raise ValueError("the learner bot negotiates a single price only")
    return LearningBot(
        negotiation.preferences[side], negotiation.rounds, negotiation.issues[0].levels
    )


PERSONALITIES = {
    **{name: (text, _counterpart(settings)) for name, (text, settings) in STYLES.items()},
    "learner": ("reads your offers to guess your limit, then presses towards it", _learner),
    **{
        f"negmas-{name}": (
            f"NegMAS 0.16's {name.capitalize()} (e = {exponent:g}), for comparison; it ignores you",
            _negmas(exponent),
        )
        for name, exponent in NEGMAS_EXPONENTS.items()
    },
}


def make_bot(name, negotiation, side, deadline=None, memory=None):
    """A fresh bot with the personality ``name`` for ``side`` of ``negotiation``. The
    course's own counterparts also take their own ``deadline`` (the rounds they make
    offers in; the negotiation's by default) and a ``Memory``; the others ignore both."""
    if name not in PERSONALITIES:
        raise ValueError(f"no bot called {name!r}; pick one of {', '.join(PERSONALITIES)}")
    if side not in negotiation.sides:
        raise ValueError(f"no side called {side!r}; the sides are {', '.join(negotiation.sides)}")
    return PERSONALITIES[name][1](negotiation, side, deadline=deadline, memory=memory)


def describe(name):
    """One line on what a personality does, for a facilitator choosing bots."""
    if name not in PERSONALITIES:
        raise ValueError(f"no bot called {name!r}; pick one of {', '.join(PERSONALITIES)}")
    return PERSONALITIES[name][0]
