"""The alternating-offers protocol (Rubinstein 1982; Stahl 1972), under a deadline.

Round k (0-based) gives each side one turn, first mover first. On its turn a side may
accept the offer on the table, walk away, or make its own offer (rejecting the last
one). The first mover has nothing to answer in round 0. The very last turn (the second
mover's in the last round) can only accept or let the deadline pass: an offer there
could never be answered, so none is made, and the last offer on the table is always
one its receiver can still take. No agreement after the last round is an impasse: both
sides take their BATNA.

A bot that declines an offer may walk away instead of countering (``Bot.leaves``), and
a bot's offers come with its words (``Bot.said``); a person walking away says whether
they leave the door open (``Move.polite``).

One loop serves bots and people: ``steps`` is a generator that runs bots' turns itself
and yields at a person's turn, waiting for their ``Move``.
"""

from dataclasses import dataclass, field

from course.engine.bots import make_bot

ACCEPT, OFFER, WALK_AWAY = "accept", "offer", "walk away"


@dataclass(frozen=True)
class Move:
    """A person's move: accept the standing offer, walk away (``polite``: leaving the
    door open, or not), or offer an outcome index."""

    kind: str
    offer: int | None = None
    polite: bool = True


@dataclass(frozen=True)
class Turn:
    """What a person is shown when it is their turn: the round (0-based), the offer on
    the table, the round it was made in (1-based), the words that came with it, and
    whether this is the last turn (an offer now could not be answered)."""

    round: int
    standing_offer: int | None
    offered_in: int | None = None
    said: str | None = None
    last: bool = False


@dataclass
class Result:
    """How a negotiation ended. ``round`` is 1-based (the number of rounds played, as
    NegMAS counts steps); ``history`` lists ``(round, side, outcome index)`` offers;
    ``said`` is what a bot said as it walked away; ``polite`` whether a person who
    walked away left the door open. ``counterparts`` (side to a bot as it was before
    the first move) is set by ``PersonSession`` for the debrief's replays."""

    negotiation: object = field(repr=False)
    agreement: int | None
    round: int
    ended_by: str  # "agreement", "walk away" or "deadline"
    by_side: str | None  # who accepted or walked away
    history: list = field(repr=False)
    said: str | None = None
    polite: bool | None = None
    counterparts: dict | None = field(default=None, repr=False)

    @property
    def agreed(self):
        return self.agreement is not None


def steps(negotiation, bots, first):
    """Run the protocol; ``bots`` maps a side to a bot, or to ``None`` for a person, whose
    moves are sent into the generator. Returns (as StopIteration.value) the ``Result``."""
    if first not in negotiation.sides:
        raise ValueError(
            f"no side called {first!r} to move first; the sides are {', '.join(negotiation.sides)}"
        )
    order = (first, negotiation.other(first))
    history, standing, offered_in, said = [], None, None, None
    for k in range(negotiation.rounds):
        for side in order:
            last = k == negotiation.rounds - 1 and side == order[1]
            bot = bots[side]
            if bot is None:
                move = yield Turn(k, standing, offered_in, said, last)
                if move.kind == ACCEPT and standing is not None:
                    return Result(negotiation, standing, k + 1, "agreement", side, history)
                if move.kind == WALK_AWAY:
                    return Result(
                        negotiation, None, k + 1, "walk away", side, history, polite=move.polite
                    )
                offer, said = move.offer, None
            else:
                if standing is not None and bot.respond(k, standing):
                    return Result(negotiation, standing, k + 1, "agreement", side, history)
                parting = None if standing is None else bot.leaves(k)
                if parting:
                    return Result(negotiation, None, k + 1, "walk away", side, history, parting)
                if last:
                    break
                offer = bot.propose(k)
                said = bot.said
            if last:
                break
            history.append((k + 1, side, offer))
            standing, offered_in = offer, k + 1
    return Result(negotiation, None, negotiation.rounds, "deadline", None, history)


def negotiate(negotiation, bots, first=None):
    """Run a negotiation between two bots to its end. ``bots`` maps each side to a bot or
    to a personality name; ``first`` defaults to the first side of the negotiation."""
    bots = {
        side: make_bot(bot, negotiation, side) if isinstance(bot, str) else bot
        for side, bot in bots.items()
    }
    if sorted(bots) != sorted(negotiation.sides):
        raise ValueError(f"give a bot for each side: {', '.join(negotiation.sides)}")
    if any(bot is None for bot in bots.values()):
        raise ValueError("negotiate runs bots only; a person plays through PersonSession")
    run = steps(negotiation, bots, first or negotiation.sides[0])
    try:
        next(run)
    except StopIteration as finished:
        return finished.value
    raise RuntimeError("the protocol asked a bot-only negotiation for a person's move")
