"""Bots: the tactics a negotiator can follow, and the personalities a facilitator picks.

Every bot sees only its own preferences and the offers made to it. It answers two
questions each round: accept the offer on the table? (``respond``) and what to offer
(``propose``, an outcome index). Targets are utilities on the bot's own scale.

Two families of time-dependent tactics:

- ``TimeDependentBot`` is the course's default, Faratin, Sierra & Jennings (1998): the
  target falls from the best outcome to the reservation value as α(t) goes from κ to 1,
  with t = k / (N − 1) so the last round reaches the reservation value. It accepts an
  offer at least as good as the one it would make itself this round.
- ``NegmasTimeBot`` reproduces NegMAS 0.16's time-based negotiators exactly: target
  u_min + (u_max − u_min)(1 − t^e) with t = (k + 1) / (N + 1), so the reservation value is
  never quite reached; accept when the offer's utility ≥ target − 1e-4; propose the
  lowest-utility outcome still ≥ target − 1e-4.

The course's default differs so that a bot's concession curve is the one the concessions
module teaches (α(0) = κ, α(T) = 1), and so that a bot willing to go to its reservation
value actually does so before the deadline.
"""

import math
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

    def __init__(self, preferences, rounds):
        self.preferences = preferences
        self.rounds = rounds

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


class TimeDependentBot(Bot):
    """Faratin et al. (1998): concede from the best outcome to the reservation value as
    α(t) grows; β < 1 is Boulware, β = 1 linear, β > 1 Conceder."""

    time_only = True

    def __init__(self, preferences, rounds, beta, kappa=0.0, family="polynomial"):
        super().__init__(preferences, rounds)
        self.remaining = remaining_schedule(rounds, beta, kappa, family)
        self.beta, self.kappa, self.family = beta, kappa, family

    def target(self, k):
        best, reservation = self.preferences.best, self.preferences.reservation
        return reservation + self.remaining[k] * (best - reservation)


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


class TitForTatBot(Bot):
    """Behaviour-dependent tit-for-tat (Faratin et al. 1998): concede as much as the other
    side conceded last time, measured on the bot's own utility scale.

    ``absolute``: the same amount of utility. ``relative``: the same proportion — if the
    other side closed a fifth of its distance to the bot's best outcome, the bot gives up
    a fifth of the room it still keeps above its reservation value. A retraction is
    mirrored too. The bot opens with its best outcome.
    """

    def __init__(self, preferences, rounds, mode="absolute"):
        super().__init__(preferences, rounds)
        if mode not in ("absolute", "relative"):
            raise ValueError(f"tit-for-tat mode must be 'absolute' or 'relative', got {mode!r}")
        self.mode = mode
        self._target = preferences.best
        self._heard = []  # the other side's offers, as utilities to this bot

    def observe(self, k, offer):
        utility = self.preferences.utilities[offer]
        self._heard.append(utility)
        if len(self._heard) < 2:
            return
        before, now = self._heard[-2], self._heard[-1]
        best, reservation = self.preferences.best, self.preferences.reservation
        if self.mode == "absolute":
            target = self._target - (now - before)
        else:
            gap_before, gap_now = best - before, best - now
            ratio = gap_now / gap_before if gap_before > 0 else 1.0
            target = reservation + (self._target - reservation) * ratio
        self._target = min(max(target, reservation), best)

    def target(self, k):
        return self._target


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


# --- personalities a facilitator picks by name --------------------------------------

PERSONALITIES = {
    "boulware": (
        "holds firm and concedes late (Faratin β = 0.2)",
        lambda n, side: TimeDependentBot(n.preferences[side], n.rounds, beta=0.2),
    ),
    "linear": (
        "concedes the same amount every round (β = 1)",
        lambda n, side: TimeDependentBot(n.preferences[side], n.rounds, beta=1.0),
    ),
    "conceder": (
        "gives ground early (β = 5)",
        lambda n, side: TimeDependentBot(n.preferences[side], n.rounds, beta=5.0),
    ),
    "tit-for-tat": (
        "matches your concessions, amount for amount",
        lambda n, side: TitForTatBot(n.preferences[side], n.rounds, "absolute"),
    ),
    "relative-tit-for-tat": (
        "matches your concessions in proportion",
        lambda n, side: TitForTatBot(n.preferences[side], n.rounds, "relative"),
    ),
    "learner": (
        "reads your offers to guess your limit, then presses towards it",
        lambda n, side: _learner(n, side),
    ),
    "negmas-boulware": (
        "NegMAS 0.16's Boulware (e = 4), for comparison",
        lambda n, side: NegmasTimeBot(n.preferences[side], n.rounds, NEGMAS_EXPONENTS["boulware"]),
    ),
    "negmas-linear": (
        "NegMAS 0.16's linear (e = 1), for comparison",
        lambda n, side: NegmasTimeBot(n.preferences[side], n.rounds, NEGMAS_EXPONENTS["linear"]),
    ),
    "negmas-conceder": (
        "NegMAS 0.16's Conceder (e = 0.25), for comparison",
        lambda n, side: NegmasTimeBot(n.preferences[side], n.rounds, NEGMAS_EXPONENTS["conceder"]),
    ),
}


def _learner(negotiation, side):
    if not negotiation.is_price:
        raise ValueError("the learner bot negotiates a single price only")
    return LearningBot(
        negotiation.preferences[side], negotiation.rounds, negotiation.issues[0].levels
    )


def make_bot(name, negotiation, side):
    """A fresh bot with the personality ``name`` for ``side`` of ``negotiation``."""
    if name not in PERSONALITIES:
        raise ValueError(f"no bot called {name!r}; pick one of {', '.join(PERSONALITIES)}")
    if side not in negotiation.sides:
        raise ValueError(f"no side called {side!r}; the sides are {', '.join(negotiation.sides)}")
    return PERSONALITIES[name][1](negotiation, side)


def describe(name):
    """One line on what a personality does, for a facilitator choosing bots."""
    if name not in PERSONALITIES:
        raise ValueError(f"no bot called {name!r}; pick one of {', '.join(PERSONALITIES)}")
    return PERSONALITIES[name][0]
