"""Ready-made exercises on the engine for module 04 (concessions).

- ``arena``: you sell, a bot buys; its reservation price is drawn at random and lives
  only inside the ``PersonSession`` (nothing public reaches it).
- ``LowBallMoment``: a negotiation that runs to a round where the bot drops a low-ball
  offer; ``play`` then plays your chosen response to the end against the same bot.

Both use the engine's own protocol and bots; nothing here changes how they behave.
"""

import math
import random

from course.engine.analysis import analyse
from course.engine.bots import TimeDependentBot
from course.engine.domain import BUYER, SELLER, price_negotiation
from course.engine.protocol import ACCEPT, OFFER, WALK_AWAY, Move, steps
from course.engine.session import PersonSession
from course.models.concessions import time_dependent_offer
from course.models.validation import number

#: The bot personalities a learner may face in the arena.
ARENA_STYLES = ("boulware", "linear", "conceder", "tit-for-tat")


def arena(style, your_reservation=40, rounds=10, rng=None):
    """A ``PersonSession`` in which you sell on prices 0–100 and a bot of ``style`` buys.
    The bot's reservation price is drawn from ``rng`` (a fresh random one by default),
    mostly above yours, sometimes below it (then no deal is the right result)."""
    if style not in ARENA_STYLES:
        raise ValueError(f"pick a bot style from {', '.join(ARENA_STYLES)}, got {style!r}")
    mine = number(your_reservation, "your reservation price")
    if not 0 <= mine <= 80 or not float(mine).is_integer():
        raise ValueError(
            f"your reservation price must be a whole number from 0 to 80, got {mine:g}"
        )
    rng = rng or random.SystemRandom()
    theirs = min(100, int(mine) + math.floor(rng.random() * 46) - 5)
    negotiation = price_negotiation(int(mine), max(theirs, 0), rounds=rounds)
    return PersonSession(negotiation, person=SELLER, bot=style, first="person")


def moves_by_side(history):
    """Public history ``(round, who, price)`` split into ``{"you": [...], "bot": [...]}``
    lists of ``(round, price)``, for drawing concession curves."""
    curves = {"you": [], "bot": []}
    for round_, who, price in history:
        curves[who].append((round_, price))
    return curves


#: What a learner can do when the low-ball arrives; ``play`` simulates each one.
RESPONSES = {
    "hold": "Stay calm, repeat your last offer, ask what changed, then keep to your plan",
    "cave": "Concede a big step at once, to keep the deal alive",
    "accept": "Accept the low-ball, to get it over with",
    "walk": "Walk away politely now, leaving the door open",
}


class _LowBallBuyer(TimeDependentBot):
    """A linear buyer that, in one round, offers a low-ball far below its own schedule."""

    def __init__(self, preferences, rounds, low_round, low_price_index):
        super().__init__(preferences, rounds, beta=1.0)
        self.low_round, self.low_price_index = low_round, low_price_index

    def propose(self, k):
        return self.low_price_index if k == self.low_round else super().propose(k)


class LowBallMoment:
    """You sell on prices 0–100 with reservation ``your_reservation`` and open at
    ``opening``, conceding linearly to your reservation by the last round. In round
    ``low_round + 1`` the buyer, a linear bot, sends ``low_ball``. The buyer's own
    reservation is drawn from ``rng`` and kept private to the simulation."""

    def __init__(
        self, your_reservation=50, opening=95, rounds=12, low_round=4, low_ball=15, rng=None
    ):
        self.your_reservation, self.opening = int(your_reservation), int(opening)
        self.rounds, self.low_round, self.low_ball = int(rounds), int(low_round), int(low_ball)
        if not 0 <= self.low_ball < self.your_reservation < self.opening <= 100:
            raise ValueError("a low-ball moment needs 0 ≤ low-ball < reservation < opening ≤ 100")
        if not 1 <= self.low_round < self.rounds - 2:
            raise ValueError(f"the low-ball must come between round 2 and {self.rounds - 2}")
        rng = rng or random.SystemRandom()
        buyer = self.your_reservation + 10 + math.floor(rng.random() * 26)
        self._negotiation = price_negotiation(
            self.your_reservation, min(buyer, 100), rounds=self.rounds
        )
        self.plan = [self._ask(k, self.opening, 0) for k in range(self.rounds)]
        self.before = self.play("hold")["history"][: 2 * (self.low_round + 1)]

    def _ask(self, k, start, start_round):
        """Your linear plan: from ``start`` in ``start_round`` to your reservation in the last
        round, in whole prices and never below your reservation."""
        span = max(self.rounds - 1 - start_round, 1)
        price = time_dependent_offer(k - start_round, span, start, self.your_reservation, 1.0)
        return max(self.your_reservation, math.ceil(price - 1e-9))

    def play(self, response):
        """Play ``response`` (a key of ``RESPONSES``) to the end. Returns the public history
        ``[(round, "you"/"bot", price)]``, how it ended, the price, your gain over your BATNA
        and your share of the zone (``None`` without a deal)."""
        if response not in RESPONSES:
            raise ValueError(f"pick a response from {', '.join(RESPONSES)}, got {response!r}")
        negotiation = self._negotiation
        prices = negotiation.issues[0].levels
        bot = _LowBallBuyer(
            negotiation.preferences[BUYER],
            self.rounds,
            self.low_round,
            negotiation.index_of(self.low_ball),
        )
        run = steps(negotiation, {SELLER: None, BUYER: bot}, SELLER)
        turn, plan, last_ask = next(run), self.plan, None
        try:
            while True:
                k, standing = turn.round, turn.standing_offer
                price = None if standing is None else prices[standing]
                if k == self.low_round + 1:  # the low-ball is on the table
                    move, plan = self._respond(response, k, last_ask)
                elif price is not None and price >= plan[k]:
                    move = Move(ACCEPT)
                else:
                    move = Move(OFFER, negotiation.index_of(plan[k]))
                if move.kind == OFFER:
                    last_ask = prices[move.offer]
                turn = run.send(move)
        except StopIteration as end:
            result = end.value
        summary = analyse(result)
        history = [
            (r, "you" if side == SELLER else "bot", prices[i]) for r, side, i in result.history
        ]
        return {
            "response": response,
            "history": history,
            "ended_by": result.ended_by,
            "price": summary["agreement"],
            "gain": summary["seller_gain"],
            "share": summary["seller_zopa_share"],
        }

    def _respond(self, response, k, last_ask):
        """Your move when the low-ball arrives, and your plan from then on."""
        if response == "accept":
            return Move(ACCEPT), self.plan
        if response == "walk":
            return Move(WALK_AWAY), self.plan
        if response == "hold":
            plan = [*self.plan[:k], last_ask, *self.plan[k + 1 :]]
        else:  # cave: halfway from your last ask to the low-ball, never below your limit
            start = max(self.your_reservation, math.ceil((last_ask + self.low_ball) / 2))
            plan = [*self.plan[:k], *(self._ask(j, start, k) for j in range(k, self.rounds))]
        return Move(OFFER, self._negotiation.index_of(plan[k])), plan
