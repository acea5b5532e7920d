"""A participant's case in the workshop arena, and the record its outcome leaves.

The participant plays a role (seller or buyer of a used delivery van, prices 0–100 in
thousands) with a private BATNA, against a bot of the facilitator's style whose
reservation price and own deadline are drawn at random. The bot, its limit and its
deadline live only inside the engine's ``PersonSession``; they are read once the
negotiation is over, to score it.
"""

import random

from course.engine.analysis import analyse
from course.engine.domain import BUYER, SELLER, price_negotiation
from course.engine.practice import ARENA_STYLES, EARLY_STOP
from course.engine.session import PersonSession
from course.store import clean_name

ROUNDS = 10
LOW, HIGH = 0, 100
ROLES = (SELLER, BUYER)

#: The range each role's own reservation price (BATNA) is drawn from.
RESERVATIONS = {SELLER: (20, 60), BUYER: (40, 80)}

_BRIEFS = {
    SELLER: (
        "You are selling a used delivery van; prices are in thousands, from {low} to {high}. "
        "Your BATNA: a dealer has made you a firm offer of {reservation}, so selling for less "
        "is worse than walking away. You do not know how much the buyer can pay. "
        "You open; the talks last at most {rounds} rounds, and the buyer may stop sooner "
        "(it says so when it makes its final offer)."
    ),
    BUYER: (
        "You are buying a used delivery van; prices are in thousands, from {low} to {high}. "
        "Your BATNA: another van like it is on sale for {reservation}, so paying more is "
        "worse than walking away. You do not know the least the seller will take. "
        "You open; the talks last at most {rounds} rounds, and the seller may stop sooner "
        "(it says so when it makes its final offer)."
    ),
}


def draw_style(style, rng):
    """The bot style for one participant: the facilitator's, or a random one for ``mixed``."""
    if style == "mixed":
        return rng.choice(ARENA_STYLES)
    if style not in ARENA_STYLES:
        raise ValueError(f"pick a bot style from {', '.join(ARENA_STYLES)}, got {style!r}")
    return style


class ArenaCase:
    """One participant's negotiation: ``name`` (display name), ``style`` (the bot's), and
    optionally ``role`` (drawn at random otherwise) and ``rng`` (for tests)."""

    def __init__(self, name, style, role=None, rng=None):
        rng = rng or random.SystemRandom()
        self.name = clean_name(name)
        self.style = draw_style(style, rng)
        self.role = rng.choice(ROLES) if role is None else role
        if self.role not in ROLES:
            raise ValueError(f"the role must be seller or buyer, got {self.role!r}")
        self.reservation = rng.randint(*RESERVATIONS[self.role])
        gap = rng.randint(-5, 40)  # usually a zone of agreement, sometimes none
        if self.role == SELLER:
            seller, buyer = self.reservation, min(HIGH, self.reservation + gap)
        else:
            seller, buyer = max(LOW, self.reservation - gap), self.reservation
        negotiation = price_negotiation(seller, buyer, low=LOW, high=HIGH, rounds=ROUNDS)
        self.session = PersonSession(
            negotiation,
            person=self.role,
            bot=self.style,
            first="person",
            bot_deadline=ROUNDS - 1 - rng.randrange(EARLY_STOP + 1),
        )
        self.first_offer = None

    @property
    def brief(self):
        """The participant's private brief: their role, BATNA and what they know."""
        return _BRIEFS[self.role].format(
            low=LOW, high=HIGH, reservation=self.reservation, rounds=ROUNDS
        )

    @property
    def finished(self):
        return self.session.finished

    def offer(self, price):
        """Offer ``price`` (a whole number from LOW to HIGH); returns the bot's answer."""
        if isinstance(price, bool) or not isinstance(price, int) or not LOW <= price <= HIGH:
            raise ValueError(f"an offer must be a whole number from {LOW} to {HIGH}, got {price!r}")
        answer = self.session.offer(price)
        if self.first_offer is None:
            self.first_offer = price
        return answer

    def accept(self):
        """Accept the bot's offer on the table."""
        return self.session.accept()

    def walk_away(self):
        """Leave and take your BATNA."""
        return self.session.walk_away()

    def outcome(self):
        """Once over: the price (or None), how it ended and who ended it, what the bot said
        if it left, the bot's limit and your ZOPA share."""
        result = self.session.result()  # raises while the negotiation is still going
        summary = analyse(result)
        bot_side = result.negotiation.other(self.role)
        return {
            "price": summary["agreement"],
            "ended_by": summary["ended_by"],
            "bot_left": result.ended_by == "walk away" and result.by_side == bot_side,
            "said": result.said,
            "rounds": summary["round"],
            "zopa_exists": summary["zopa_exists"],
            "zopa_share": summary[f"{self.role}_zopa_share"],
            "bot_reservation": abs(result.negotiation.preferences[bot_side].reservation),
        }

    def record(self, app="arena"):
        """The store's record of the finished negotiation."""
        outcome = self.outcome()
        return {
            "participant": self.name,
            "app": app,
            "bot_style": self.style,
            "role": self.role,
            "reservation": self.reservation,
            "bot_reservation": outcome["bot_reservation"],
            "first_offer": self.first_offer,
            "price": outcome["price"],
            "ended_by": outcome["ended_by"],
            "rounds": outcome["rounds"],
            "zopa_share": outcome["zopa_share"],
        }
