"""Ready-made exercises on the engine, for module 04 and the workshop.

- ``Buyer``: a counterpart to sell to on prices 0–100, with a style (possibly kept
  secret), a limit drawn from a disclosed range independently of yours, and a memory of
  past negotiations with you; ``Buyer.session`` starts a negotiation with it, whose own
  deadline (a round or two before the limit, or at it) is drawn each time.
- ``LowBallMoment``: a negotiation that runs until the buyer drops a low-ball offer well
  below its own earlier offers, with a budget claim; ``play`` then plays a response to
  the end against the same buyer, which reads that response: a big step tells it that
  pressure works, and for half the buyers any step does.
- ``next_time``: what each way of ending a negotiation does to the next one with the
  same buyer, played out with module 04's ``Plan`` (shrinking steps to a target, the
  acceptance rule of question 6).

Every bot lives inside the engine's ``PersonSession`` or these objects' private state;
nothing public holds a buyer's limit, style or memory before a negotiation ends.
"""

import copy
import itertools
import math
import random

from course.checks.calls import answer_key, course_at_work
from course.engine.analysis import analyse
from course.engine.bots import REMARKS, STYLES, Counterpart, Memory
from course.engine.domain import BUYER, SELLER, price_negotiation
from course.engine.protocol import ACCEPT, OFFER, WALK_AWAY, Move, steps
from course.engine.session import PersonSession
from course.models.batna import TARGET_SHARE
from course.models.concessions import time_dependent_offer
from course.models.validation import number

#: The bot personalities a learner may face in the arena.
ARENA_STYLES = tuple(STYLES)

#: The arena's price range, and the range the buyer's limit is drawn from (disclosed).
LOW, HIGH = 0, 100
LIMITS = (35, 85)

#: The buyer stops making offers up to this many rounds before the limit (drawn).
EARLY_STOP = 2

#: What a buyer says with its final offer.
REMARKS_FINAL = REMARKS["final"]


def _whole_price(value, name, low=LOW, high=HIGH):
    value = number(value, name)
    if not low <= value <= high or not float(value).is_integer():
        raise ValueError(f"{name} must be a whole number from {low} to {high}, got {value:g}")
    return int(value)


class Buyer:
    """A buyer to negotiate with on prices 0–100: its ``style`` (a key of ``STYLES``;
    drawn from ``rng`` when ``None``) and its ``limit`` (drawn uniformly from ``LIMITS``
    when ``None``) are private; ``memory`` holds what it remembers of you. ``rng`` also
    draws each negotiation's own deadline (a fresh random one by default)."""

    def __init__(self, style=None, limit=None, rng=None):
        self._rng = rng or random.SystemRandom()
        if style is None:
            style = self._rng.choice(ARENA_STYLES)
        if style not in ARENA_STYLES:
            raise ValueError(f"pick a bot style from {', '.join(ARENA_STYLES)}, got {style!r}")
        self._style = style
        self._limit = (
            self._rng.randint(*LIMITS) if limit is None else _whole_price(limit, "its limit")
        )
        self._memory = Memory()
        self._last = None  # the last session's start: (your reservation, rounds, memory)

    def session(self, your_reservation, rounds=10, first="person"):
        """A new negotiation: you sell with ``your_reservation`` (a whole price); ``first``
        is ``"person"`` (you open) or ``"bot"`` (the buyer opens, well below its limit:
        an anchor to answer); at most ``rounds`` rounds; the buyer remembers how it ends."""
        mine = _whole_price(your_reservation, "your reservation price")
        if first not in ("person", "bot"):
            raise ValueError(f"first must be 'person' or 'bot', got {first!r}")
        negotiation = price_negotiation(mine, self._limit, LOW, HIGH, rounds=rounds)
        # the last round whose offer you can still answer, less a drawn early stop
        last = rounds - 1 if first == "person" else rounds
        deadline = max(1, last - self._rng.randrange(EARLY_STOP + 1))
        self._last = (mine, rounds, copy.deepcopy(self._memory))
        return PersonSession(
            negotiation,
            person=SELLER,
            bot=self._style,
            first=first,
            bot_deadline=deadline,
            memory=self._memory,
        )

    def limits_behind(self, opening, styles=ARENA_STYLES):
        """The reservation prices in ``LIMITS`` at which a buyer of one of ``styles``,
        remembering what this one remembered when the last negotiation began, would open
        that negotiation at ``opening`` (when it opens): what its opening told you, by the
        engine's own rule. A sorted list; empty if none would."""
        if self._last is None:
            raise ValueError("no negotiation has begun with this buyer")
        mine, rounds, memory = self._last
        found = []
        for limit in range(LIMITS[0], LIMITS[1] + 1):
            negotiation = price_negotiation(mine, limit, LOW, HIGH, rounds=rounds)
            for style in styles:
                probe = PersonSession(
                    negotiation, SELLER, style, first="bot", memory=copy.deepcopy(memory)
                )
                if probe.bot_offer == opening:
                    found.append(limit)
                    break
        return found

    def reveal(self):
        """Its style and limit, and how many negotiations it remembers: for the debrief,
        once a negotiation is over."""
        return {
            "style": self._style,
            "limit": self._limit,
            "met": len(self._memory.encounters),
            "trust": self._memory.trust,
        }


def spans(values):
    """Sorted whole numbers grouped into runs of consecutive ones: ``[(low, high), ...]``."""
    runs = []
    for value in sorted(values):
        if runs and value == runs[-1][1] + 1:
            runs[-1] = (runs[-1][0], value)
        else:
            runs.append((value, value))
    return runs


def moves_by_side(history):
    """Public history ``(round, who, price)`` split into ``{"you": [...], "bot": [...]}``
    lists of ``(round, price)``, for drawing concession curves."""
    curves = {"you": [], "bot": []}
    for round_, who, price in history:
        curves[who].append((round_, price))
    return curves


# --- the low-ball ---------------------------------------------------------------------

#: What a learner can do when the low-ball arrives; ``play`` simulates each one.
RESPONSES = {
    "accept": "Accept the low-ball",
    "walk": "Walk away politely, leaving the door open",
    "hold": "Repeat your last ask",
    "usual": "Concede your next planned step",
    "half": "Concede half the gap to the low-ball (never below your reservation price)",
    "ask": "Counter with an ask of your own",
}

#: The low-ball is this share of the buyer's lowest offer before it (drawn).
LOW_BALL = (0.35, 0.65)

#: A step after the low-ball bigger than this many times your next planned step tells the
#: buyer that pressure works.
PRESSURE_WORKS = 1.5

#: The share of moments whose buyer reads any step in answer to its low-ball, however
#: small, as pressure working (``reads_any_step``); the others read only a step bigger than
#: ``PRESSURE_WORKS`` times your planned one that way.
ANY_STEP = 1 / 2

#: Your plan in the low-ball moment (and ``Plan``'s): a hold in round 1, then steps that
#: shrink (Faratin's curve with this β) to a target ``TARGET_SHARE`` of the way from your
#: reservation price up to your estimate of the buyer's: the top of module 02's band, the
#: course's one target rule (module 04, section 2) when a fact carries your opening to the
#: estimate or beyond. From 50 to the estimate 72 it puts the target at 67
#: (66.5, rounded up to a whole price), below the opening of 84.
PLAN_BETA = 1.5

#: What the buyer says with its low-ball: a claim the rest of the talks can test.
BUDGET_CLAIM = "Frankly, this is all the budget allows."

#: The share of moments in which the claim is true: the buyer's budget really was cut to
#: its low-ball, below your reservation price, so no deal can beat your BATNA.
TRUE_CLAIM = 1 / 3


def shrinking_asks(start, target, count):
    """``count`` whole asks from ``start`` down to ``target`` (both whole), the last at the
    target: steps that shrink (Faratin's curve with β = ``PLAN_BETA``), each curve step
    rounded down and the largest ones taking the units left over, so that no whole step
    is bigger than an earlier one. An ask at or below the target is held. Module 04's two
    simulated plans (the low-ball moment's and ``Plan``'s) both step this way."""
    if start <= target:
        return [start] * count
    span = max(count - 1, 1)
    curve = [time_dependent_offer(k, span, start, target, PLAN_BETA) for k in range(count)]
    ideal = [a - b for a, b in itertools.pairwise(curve)]  # shrinking, as β > 1
    steps = [math.floor(step + 1e-9) for step in ideal]
    for at in range(round(start - target) - sum(steps)):
        steps[at] += 1
    asks = [start]
    for step in steps:
        asks.append(asks[-1] - step)
    return asks


class _LowBaller(Counterpart):
    """A linear buyer that drops ``low`` (an outcome index) in round ``low_round`` to test
    the seller, saying it is all its budget allows. If the seller's next ask concedes more
    than ``PRESSURE_WORKS`` times its planned step (``planned``, in price), or, for a buyer
    that reads any step that way (``any_step``), anything at all, the buyer keeps
    pressing: it starts again from the low-ball and gives nothing back for concessions,
    moving only with the clock. Otherwise it goes back to where it was before the test."""

    def __init__(self, preferences, rounds, low_round, low, planned, cut=False, any_step=False):
        super().__init__(preferences, rounds, beta=1.0, patience=None)
        self.low_round, self.low, self.planned = low_round, low, planned
        self.cut = cut  # whether its budget really was cut to the low-ball
        self.any_step = any_step  # whether any step tells it that pressure works
        self.pressed = None  # after the test: whether pressure worked

    def observe(self, k, offer):
        if k == self.low_round + 1:
            asks = [-u for u in self.heard] + [-self.preferences.utilities[offer]]
            enough = 0 if self.any_step else PRESSURE_WORKS * max(self.planned, 1)
            self.pressed = asks[-2] - asks[-1] > enough
            if self.pressed:  # start again from the low-ball, and stop rewarding steps
                self.reciprocity = 0.0
                self.position = self._ladder.ranks(self.low)
                self.opening_share = self.conceded = 1 - (
                    (self.preferences.utilities[self.low] - self.preferences.reservation)
                    / self.room
                )
        super().observe(k, offer)

    def _within_budget(self, offer):
        """Whether a price (outcome ``offer``) is one its cut budget allows: no more than
        the low-ball."""
        return self.preferences.utilities[offer] >= self.preferences.utilities[self.low]

    def respond(self, k, offer):
        accepts = super().respond(k, offer)
        if self.cut and k > self.low_round:
            return self._within_budget(offer)
        return accepts

    def propose(self, k):
        if k == self.low_round:
            self.said = BUDGET_CLAIM
            return self.low
        offer = super().propose(k)
        if self.cut and k > self.low_round and not self._within_budget(offer):
            return self.low  # a real budget cut: it cannot offer more
        return offer


class LowBallMoment:
    """You sell on prices 0–100 with reservation ``your_reservation``, estimate the buyer's
    limit at ``estimate`` (72 unless told), open at ``opening`` (84 unless told: a sixth
    above that estimate, as module 04's opening rule allows, and below every buyer's insult
    line) and plan steps that shrink to a target above your reservation price (``target``,
    ``TARGET_SHARE`` of the way up to the estimate, rounded up) by the last of ``rounds``;
    you accept an offer at least your next ask, and in the last round any offer at or above
    your reservation price. The buyer, whose limit is drawn
    from ``rng`` and kept private, concedes steadily, then in a round drawn from the
    third to the fifth (after at least two offers of its own) drops a low-ball well below
    its lowest offer so far (a share of it drawn from ``LOW_BALL``), saying it is all its
    budget allows. In about ``TRUE_CLAIM`` of the moments the claim is true
    (``claim_true``): its budget was cut to the low-ball, below your reservation price, so
    from then on it offers no more and accepts no ask above it. In about ``ANY_STEP`` of
    the moments the buyer reads any step in answer to its low-ball as pressure working
    (``reads_any_step``); the others read only a step much bigger than your planned one
    that way. ``before`` is the public history up to the low-ball. Your plan's
    whole-number steps never grow."""

    def __init__(self, your_reservation=50, opening=84, rounds=12, rng=None, estimate=72):
        rng = rng or random.SystemRandom()
        self.your_reservation = _whole_price(your_reservation, "your reservation price")
        self.opening = _whole_price(opening, "your opening")
        if not self.your_reservation < self.opening:
            raise ValueError("your opening must be above your reservation price")
        self.estimate = _whole_price(estimate, "your estimate of the buyer's limit")
        if not self.your_reservation < self.estimate <= self.opening:
            raise ValueError(
                "your estimate of the buyer's limit must be above your reservation price and "
                "no higher than your opening"
            )
        self.rounds = int(rounds)
        self.target = math.ceil(
            self.your_reservation + TARGET_SHARE * (self.estimate - self.your_reservation)
        )
        self.low_round = rng.randint(2, 4)  # 0-based: its offer in round 3 to 5
        limit = min(HIGH, self.your_reservation + rng.randint(10, 35))
        self._negotiation = price_negotiation(
            self.your_reservation, limit, LOW, HIGH, rounds=self.rounds
        )
        # round 1 holds: the buyer has only opened, and an opening is not a concession
        # (module 04, section 3, rule 1; review 62 C3: the plan conceded 5 into silence)
        self.plan = [self.opening, *self._plan_from(self.opening, 1)]
        low = self.low_round + 1
        self.planned_step = self.plan[self.low_round] - self.plan[low]
        lowest = min(self._first_offers())
        self.low_ball = max(1, round(lowest * rng.uniform(*LOW_BALL)))
        self.claim_true = rng.random() < TRUE_CLAIM and self.low_ball < self.your_reservation
        self.reads_any_step = rng.random() < ANY_STEP
        history = self.play("hold")["history"]
        self.before = history[: 2 * (self.low_round + 1)]
        self.last_ask = self.before[-2][2]
        self.said = BUDGET_CLAIM

    def _buyer(self, low):
        preferences = self._negotiation.preferences[BUYER]
        index = self._negotiation.index_of(low)
        cut = getattr(self, "claim_true", False)
        any_step = getattr(self, "reads_any_step", False)
        return _LowBaller(
            preferences, self.rounds, self.low_round, index, self.planned_step, cut, any_step
        )

    def _first_offers(self):
        """The buyer's offers before the low-ball, against your plan."""
        buyer = self._buyer(LOW)
        offers = []
        for k in range(self.low_round):
            buyer.respond(k, self._negotiation.index_of(self.plan[k]))
            offers.append(self._negotiation.public(buyer.propose(k)))
        return offers

    def _plan_from(self, start, start_round):
        """Your asks from ``start`` in ``start_round`` to the last round: whole steps that
        shrink to your target by the last round (``shrinking_asks``)."""
        return shrinking_asks(start, self.target, self.rounds - start_round)

    def _continued(self, ask):
        """Your asks from the round of the low-ball on, after answering it with ``ask``: the
        original plan's remaining steps, taken from ``ask`` (after a hold, the step you held
        back comes next), none bigger than the smallest step made before it, and never below
        your target. Spreading the room left over fewer rounds would make a step grow (in every
        moment), which the plan promises not to do."""
        last = self.plan[self.low_round]
        made = [a - b for a, b in itertools.pairwise(self.plan[: self.low_round + 1]) if a > b]
        if ask < last:
            made.append(last - ask)
        smallest = min(made, default=math.inf)
        first = self.low_round + 1 if ask == last else self.low_round + 2
        remaining = [a - b for a, b in itertools.pairwise(self.plan[first - 1 :])]
        asks = [ask]
        for step in remaining[: self.rounds - self.low_round - 2]:
            price = max(asks[-1] - min(step, smallest), min(asks[-1], self.target))
            if price < asks[-1]:
                smallest = min(smallest, asks[-1] - price)
            asks.append(price)
        return asks

    def next_ask(self, response, ask=None):
        """Your ask right after the low-ball for a counter ``response`` (``hold``,
        ``usual``, ``half`` or ``ask`` with your own whole price ``ask``)."""
        last = self.plan[self.low_round]
        if response == "hold":
            return last
        if response == "usual":
            return self.plan[self.low_round + 1]
        if response == "half":
            return max(self.your_reservation, math.ceil((last + self.low_ball) / 2))
        if response == "ask":
            price = _whole_price(ask, "your ask")
            if price > last:
                raise ValueError(
                    f"your ask must not be above your last ask, {last}: that takes back "
                    "what you offered"
                )
            return price
        raise ValueError(f"{response!r} is not a counter-offer")

    def play(self, response, ask=None):
        """Play ``response`` (a key of ``RESPONSES``; ``ask`` for ``"ask"``) to the end.
        Returns the public history ``[(round, "you"/"bot", price)]``, how it ended, the
        price, your gain over your BATNA, your share of the zone (``None`` without a
        deal), your step after the low-ball, how the buyer answered it: whether it read
        pressure as working (``pressed``) and the first round its offer came back to its
        offer before the low-ball (``back_in``, ``None`` if never), and the most it
        offered after the low-ball (``later_best``, ``None`` if it offered nothing more)."""
        if response not in RESPONSES:
            raise ValueError(f"pick a response from {', '.join(RESPONSES)}, got {response!r}")
        negotiation = self._negotiation
        prices = negotiation.issues[0].levels
        plan = list(self.plan)
        low = self.low_round + 1  # the round (0-based) in which the low-ball is on the table
        countered = response not in ("accept", "walk")
        if countered:
            plan[low:] = self._continued(self.next_ask(response, ask))
        buyer = self._buyer(self.low_ball)
        run = steps(negotiation, {SELLER: None, BUYER: buyer}, SELLER)
        turn = next(run)
        try:
            while True:
                k, standing = turn.round, turn.standing_offer
                price = None if standing is None else prices[standing]
                # your last turn: an offer now could only be accepted or left unanswered
                closing = k == self.rounds - 1 or REMARKS_FINAL in (buyer.said or "")
                if k == low and response == "accept":
                    move = Move(ACCEPT)
                elif k == low and response == "walk":
                    move = Move(WALK_AWAY, polite=True)
                elif price is not None and k != low and price >= plan[k]:
                    move = Move(ACCEPT)
                elif price is not None and closing:
                    mine = price >= self.your_reservation
                    move = Move(ACCEPT) if mine else Move(WALK_AWAY, polite=True)
                else:
                    move = Move(OFFER, negotiation.index_of(plan[k]))
                turn = run.send(move)
        except StopIteration as end:
            result = end.value
        summary = analyse(result)
        history = [
            (r, "you" if side == SELLER else "bot", prices[i]) for r, side, i in result.history
        ]
        theirs = [p for _, who, p in history if who == "bot"]
        return {
            "response": response,
            "history": history,
            "ended_by": result.ended_by,
            "price": summary["agreement"],
            "gain": summary["seller_gain"],
            "share": summary["seller_zopa_share"],
            "step": self.plan[self.low_round] - plan[low] if countered else None,
            "pressed": buyer.pressed,
            "back_in": self._back_in(history),
            "later_best": max(theirs[self.low_round + 1 :], default=None),
        }

    def _back_in(self, history):
        """The round in which the buyer's offer first came back to its offer before the
        low-ball, or ``None``."""
        theirs = [(r, p) for r, who, p in history if who == "bot"]
        if len(theirs) <= self.low_round + 1:
            return None
        before = theirs[self.low_round - 1][1]
        return next((r for r, p in theirs[self.low_round + 1 :] if p >= before), None)


# --- meeting the same buyer again ----------------------------------------------------

#: The ways the first negotiation can end in ``next_time``.
FIRST_ENDINGS = ("deal", "polite walk-away", "walk-out")


class Plan:
    """Module 04's plan on price, as questions 2 and 6 teach it: from ``opening``, a hold
    in turn 1 (the buyer has only opened, and an opening is not a concession), then whole
    steps that never grow (``shrinking_asks``, as the low-ball moment's plan) to a
    ``target`` above your ``reservation`` (by default section 2's: ``TARGET_SHARE`` of the
    way up to your ``estimate`` of the buyer's limit, the opening when not given; rounded up
    to a whole price) by the round before the buyer may stop; accept an offer at least your next
    ask; at the buyer's final offer, or your last turn, accept an offer at or above your
    reservation price and otherwise leave politely. Its asks and moves answer questions 2
    and 6, so they are answer keys: ``next_time`` plays them as the course's own working."""

    def __init__(self, reservation, opening, rounds, target=None, estimate=None):
        self.reservation, self.opening, self.rounds = reservation, opening, rounds
        top = opening if estimate is None else estimate
        self.target = reservation + TARGET_SHARE * (top - reservation) if target is None else target
        self.last = max(rounds - 1 - EARLY_STOP, 2)

    @answer_key
    def planned_ask(self, t):
        """Your ask in turn ``t`` (0-based). Computed on each call, not kept on the plan,
        so that only this answer key gives it."""
        top, bottom = math.ceil(self.opening - 1e-9), math.ceil(self.target - 1e-9)
        # turn 0 opens and turn 1 holds; the steps run from turn 1 to turn ``last``
        asks = [top, *shrinking_asks(top, bottom, self.last)]
        return asks[min(t, self.last)]

    @answer_key
    def planned_move(self, session, t):
        """``("accept" | "walk" | "offer", ask)`` for turn ``t`` of ``session``."""
        offer, ask = session.bot_offer, self.planned_ask(t)
        closing = offer is not None and (_final(session) or session.last_turn)
        if offer is not None and offer >= ask:
            return "accept", ask
        if closing:
            return ("accept" if offer >= self.reservation else "walk"), ask
        return "offer", ask


def _final(session):
    return bool(session.said) and REMARKS_FINAL in session.said


@course_at_work
def next_time(
    your_reservation, limit, style, rounds=10, opening=None, high=HIGH, target=None, estimate=None
):
    """What each ending of a first negotiation does to the next one with the same buyer
    (``style``, ``limit``; prices from 0 to ``high``): for each of ``FIRST_ENDINGS``, the
    trust the buyer has left, its first offer in the second negotiation and your gain
    over your BATNA there. You play module 04's ``Plan`` both times, from ``opening``
    (the top of ``LIMITS`` by default) to ``target`` (by default ``Plan``'s, from your
    ``estimate`` of the buyer's limit). The first negotiation runs until
    the plan would end it (the buyer accepts your ask, or you would accept or leave); at
    that moment it ends in each way in turn: a deal (the plan's own, or accepting the
    buyer's offer on the table), a polite walk-away, a walk-out. Deterministic: the buyer
    keeps its full deadline both times. The trust each ending leaves is the course bots'
    assumption (``course.engine.bots.TRUST_CHANGE``), not a measured fact."""
    high = _whole_price(high, "the top price", LOW, 10_000)
    mine = _whole_price(your_reservation, "your reservation price", LOW, high)
    limit = _whole_price(limit, "the buyer's limit", LOW, high)
    opening = LIMITS[1] if opening is None else _whole_price(opening, "your opening", LOW, high)
    if style not in ARENA_STYLES:
        raise ValueError(f"pick a bot style from {', '.join(ARENA_STYLES)}, got {style!r}")
    negotiation = price_negotiation(mine, limit, LOW, high, rounds=rounds)
    if estimate is not None:
        estimate = _whole_price(estimate, "your estimate of the buyer's limit", LOW, high)
    plan = Plan(mine, opening, rounds, target, estimate)
    probe = _planned_session(negotiation, style, Memory())
    stop, how, _ = _play_plan(probe, plan)
    found = {}
    for ending in FIRST_ENDINGS:
        memory = Memory()
        first = _planned_session(negotiation, style, memory)
        _play_plan(first, plan, until=stop)
        if ending == "deal":
            if how == "bot accepted":
                first.offer(plan.planned_ask(stop))
            else:
                first.accept()
        else:
            first.walk_away(polite=ending == "polite walk-away")
        trust = memory.trust
        second = _planned_session(negotiation, style, memory)
        _, _, first_offer = _play_plan(second, plan)
        found[ending] = {
            "trust": trust,
            "first_offer": first_offer,
            "gain": analyse(second.result())["seller_gain"],
        }
    return found


def _planned_session(negotiation, style, memory):
    return PersonSession(negotiation, SELLER, style, first="person", memory=memory)


def _play_plan(session, plan, until=None):
    """Play ``plan`` on ``session``. With ``until``, stop before turn ``until`` (0-based)
    and return; otherwise play to the end. Returns ``(turn, how, first)``: the turn at
    which the negotiation ended or stopped, how (``"bot accepted"``, ``"accepted"``,
    ``"walked"``, ``"bot left"``, ``"deadline"`` or ``"stopped"``), and the buyer's first
    offer (``None`` if it made none)."""
    t, first = 0, None
    while not session.finished:
        if first is None:
            first = session.bot_offer
        if until is not None and t == until:
            return t, "stopped", first
        move, ask = plan.planned_move(session, t)
        if move == "accept":
            session.accept()
            return t, "accepted", first
        if move == "walk":
            session.walk_away(polite=True)
            return t, "walked", first
        session.offer(ask)
        if session.finished:
            ended = session.result()
            if ended.agreement is not None:
                return t, "bot accepted", first
            return t, ("bot left" if ended.ended_by == "walk away" else "deadline"), first
        t += 1
    return t, "deadline", first
