"""A person negotiating against a bot, one move at a time (what a widget or an app drives).

The session shows the person only what a real counterpart would: the bot's offers, the
round and the deadline, and the person's own brief. The bot, its reservation value and
its strategy's state live inside the running protocol, not on the session, so nothing
hidden can be read from the session's public attributes. When the negotiation is over,
``result()`` reveals the full analysis for the debrief.
"""

from course.engine.bots import make_bot
from course.engine.protocol import ACCEPT, OFFER, WALK_AWAY, Move, steps


class PersonSession:
    """``person`` plays one side of ``negotiation`` against the bot ``bot`` (a personality
    name) on the other; ``first`` is ``"person"`` or ``"bot"``."""

    def __init__(self, negotiation, person, bot, first="bot"):
        if person not in negotiation.sides:
            raise ValueError(
                f"no side called {person!r}; the sides are {', '.join(negotiation.sides)}"
            )
        if first not in ("person", "bot"):
            raise ValueError(f"first must be 'person' or 'bot', got {first!r}")
        bot_side = negotiation.other(person)
        bots = {person: None, bot_side: make_bot(bot, negotiation, bot_side)}
        self.side = person
        self.rounds = negotiation.rounds
        own = negotiation.preferences[person]
        self.brief = {
            "side": person,
            "issues": {issue.name: issue.levels for issue in negotiation.issues},
            "reservation": own.reservation,
        }
        if negotiation.is_price:
            self.brief["reservation_price"] = abs(own.reservation)
        self.history = []  # public: (round, who, offer) with who "you" or "bot"
        self.bot_offer = None
        self.round = 1
        self.finished = False
        self.ended_by = None
        self.agreement = None
        self._index_of, self._public = negotiation.index_of, negotiation.public
        self._own_utilities = own.utilities
        self._run = steps(negotiation, bots, person if first == "person" else bot_side)
        self._result = None
        self._advance(next(self._run))

    def offer(self, offer):
        """Make an offer (a price, or a dict of issue to level); returns the bot's answer."""
        return self._move(Move(OFFER, self._index_of(offer)), offered=offer)

    def accept(self):
        """Accept the bot's offer on the table."""
        if self.bot_offer is None:
            raise ValueError("there is no offer from the bot to accept yet: make an offer")
        return self._move(Move(ACCEPT))

    def walk_away(self):
        """Leave the table and take your BATNA."""
        return self._move(Move(WALK_AWAY))

    def utility(self, offer):
        """What an offer is worth to you (your own scoring, never the bot's)."""
        return self._own_utilities[self._index_of(offer)]

    def result(self):
        """The full outcome, for the debrief; only once the negotiation is over."""
        if not self.finished:
            raise RuntimeError("the negotiation is still going: the result comes at the end")
        return self._result

    def _move(self, move, offered=None):
        if self.finished:
            raise RuntimeError(f"the negotiation is over ({self.ended_by})")
        if move.kind == OFFER:
            self.history.append((self.round, "you", self._public(move.offer)))
        try:
            turn = self._run.send(move)
        except StopIteration as end:
            return self._finish(end.value)
        return self._advance(turn)

    def _advance(self, turn):
        """Record the bot's move that led to this turn of the person's."""
        self.round = turn.round + 1
        if turn.standing_offer is not None:
            self.bot_offer = self._public(turn.standing_offer)
            self.history.append((self.round, "bot", self.bot_offer))
        return {"bot_offer": self.bot_offer, "finished": False, "round": self.round}

    def _finish(self, result):
        self._result = result
        self.finished = True
        self.ended_by = result.ended_by
        self.agreement = None if result.agreement is None else self._public(result.agreement)
        last = result.history[-1] if result.history else None
        if result.ended_by == "deadline" and last and last[1] != self.side:
            # the bot's final offer came after the person's last turn: show it all the same
            self.bot_offer = self._public(last[2])
            self.history.append((last[0], "bot", self.bot_offer))
        return {
            "bot_offer": self.bot_offer,
            "finished": True,
            "ended_by": self.ended_by,
            "agreement": self.agreement,
        }
