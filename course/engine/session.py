"""A person negotiating against a bot, one move at a time (what a widget or an app drives).

The session shows the person only what a real counterpart would: the bot's offers and
words, the round and the protocol's limit, and the person's own brief. The bot, its
reservation value, its own deadline, its memory and its strategy's state live inside
the running protocol, not on the session's public attributes. When the negotiation is
over, ``result()`` reveals the full outcome for the debrief, with a copy of the bot as
it started, for replays (``course.engine.debrief``).
"""

import copy

from course.engine.bots import PARTING, make_bot
from course.engine.protocol import ACCEPT, OFFER, WALK_AWAY, Move, steps


class PersonSession:
    """``person`` plays one side of ``negotiation`` against the bot ``bot`` (a personality
    name) on the other; ``first`` is ``"person"`` or ``"bot"``. ``bot_deadline`` is the
    number of rounds the bot makes offers in (hidden from the person; by default the
    last round whose offer the person can still answer) and ``memory`` the bot's
    ``Memory`` of this person, to which the session adds the negotiation when it ends."""

    def __init__(self, negotiation, person, bot, first="bot", bot_deadline=None, memory=None):
        if person not in negotiation.sides:
            raise ValueError(
                f"no side called {person!r}; the sides are {', '.join(negotiation.sides)}"
            )
        if first not in ("person", "bot"):
            raise ValueError(f"first must be 'person' or 'bot', got {first!r}")
        bot_side = negotiation.other(person)
        if bot_deadline is None:
            # a bot moving second cannot make an offer in the last round: nobody could answer
            bot_deadline = negotiation.rounds - (first == "person" and negotiation.rounds > 1)
        counterpart = make_bot(bot, negotiation, bot_side, deadline=bot_deadline, memory=memory)
        self._fresh = copy.deepcopy(counterpart)
        self._encounter = getattr(counterpart, "encounter", None)
        self._memory = memory
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
        self.remarks = []  # public: (round, what the bot said)
        self.said = None
        self.bot_offer = None
        self.round = 1
        self.last_turn = False
        self.finished = False
        self.ended_by = None
        self.agreement = None
        self.ending = None  # once over: how the bot remembers it (a key of bots.ENDINGS)
        self.remembered = None  # once over: the bot's Encounter, if it keeps a memory
        self._index_of, self._public = negotiation.index_of, negotiation.public
        self._own_utilities = own.utilities
        bots = {person: None, bot_side: counterpart}
        self._run = steps(negotiation, bots, person if first == "person" else bot_side)
        self._result = None
        self._advance(next(self._run))

    def offer(self, offer):
        """Make an offer (a price, or a dict of issue to level); returns the bot's answer."""
        index = self._index_of(offer)
        if self.last_turn:
            raise ValueError(
                "this is the last turn: there is no time left for an answer to a new "
                "offer; accept the offer on the table or walk away"
            )
        return self._move(Move(OFFER, index))

    def accept(self):
        """Accept the bot's offer on the table."""
        if self.bot_offer is None:
            raise ValueError("there is no offer from the bot to accept yet: make an offer")
        return self._move(Move(ACCEPT))

    def walk_away(self, polite=True):
        """Leave the table and take your BATNA; ``polite``: leave the door open (the bot
        remembers either way)."""
        if not isinstance(polite, bool):
            raise TypeError(f"polite is True or False, got {polite!r}")
        return self._move(Move(WALK_AWAY, polite=polite))

    def utility(self, offer):
        """What an offer is worth to you (your own scoring, never the bot's)."""
        return self._own_utilities[self._index_of(offer)]

    def result(self):
        """The full outcome, for the debrief; only once the negotiation is over."""
        if not self.finished:
            raise RuntimeError("the negotiation is still going: the result comes at the end")
        return self._result

    def _move(self, move):
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
        self.last_turn = turn.last
        if turn.standing_offer is not None:
            self.bot_offer = self._public(turn.standing_offer)
            self.history.append((turn.offered_in, "bot", self.bot_offer))
            self.said = turn.said
            if turn.said:
                self.remarks.append((turn.offered_in, turn.said))
        return {
            "bot_offer": self.bot_offer,
            "said": self.said,
            "finished": False,
            "round": self.round,
            "offered_in": turn.offered_in,
            "last_turn": self.last_turn,
        }

    def _finish(self, result):
        result.counterparts = {result.negotiation.other(self.side): self._fresh}
        self._result = result
        self.finished = True
        self.ended_by = result.ended_by
        self.agreement = None if result.agreement is None else self._public(result.agreement)
        if result.said:
            self.said = result.said
            self.remarks.append((result.round, result.said))
        self.ending = _ending(result, self.side)
        if self._encounter is not None:
            self.remembered = self._encounter(self.ending)
            if self._memory is not None:
                self._memory.remember(self.remembered)
        return {
            "bot_offer": self.bot_offer,
            "said": result.said,
            "finished": True,
            "ended_by": self.ended_by,
            "agreement": self.agreement,
        }


def _ending(result, person):
    """How the bot remembers ``result``: one of ``course.engine.bots.ENDINGS``."""
    if result.ended_by == "agreement":
        return "deal"
    if result.ended_by == "deadline":
        return "deadline"
    if result.by_side != person:
        # leaving at its own deadline is the talks running out of time, not impatience
        return "deadline" if result.said == PARTING["time"] else "it left"
    return "polite walk-away" if result.polite else "walk-out"
