"""Scripted learners against the course's bots: the course's own prepared plan and the
exploits a learner might try, over many learners' variants and seeds.

Two settings, each built from a module's variants and played through the engine's
``PersonSession`` exactly as a view plays it:

- ``price``: module 04's arena: you sell on a price from 0 to 100 with a reservation
  price drawn for each learner; the buyer's limit is drawn from a disclosed range above
  it, so a zone always exists. The prepared plan is module 04's: an opening at the top
  of the range the buyer's limit may reach, Faratin concessions (question 1) with a
  Boulware β towards the reservation price by the last round, and the acceptance rule of
  question 4 (accept an offer at least as good as your next one, walk away at the end).
- ``capstone``: module 05's Tallis sells to Marlow on four issues; Marlow's walk-away is
  drawn as the table draws it. The prepared plan is module 05's reference answers: open
  with ``opening_of``, then the ``best_trade`` each round, accepting Marlow's offer when it
  is worth at least the next package of the plan, never below the walk-away.

Every strategy sees only what a learner sees: its own brief (its values, its
reservation, the disclosed range of the other side's walk-away), the rounds, and the
bot's offers. ``tournament`` returns one row per game; ``table`` summarises them.
"""

import functools
import math
import random

import course
from course.checks import capstone as capstone_answers
from course.engine.capstone import EARLY_STOP, ROUNDS, STYLES, Table
from course.engine.domain import SELLER, price_negotiation
from course.engine.session import PersonSession
from course.models.concessions import all_packages, package_points, time_dependent_offer
from course.scenarios.capstone import contract_negotiation, marlow_at_the_table
from course.scenarios.capstone import reservation_of as capstone_reservation

#: The strategies, the prepared plan first.
STRATEGIES = ("plan", "stall", "anchor-fake", "retract", "accept-first", "random")

#: The buyer's limit is drawn this far above your reservation price (the brief says so).
PRICE_GAP = (5, 45)
PRICE_HIGH = 100
PRICE_ROUNDS = 10

#: The prepared plan's concession tactic on price: Boulware, as module 04 recommends.
PLAN_BETA = 0.5


# --- what a learner knows: the brief of each setting -----------------------------------


class PriceBrief:
    """The arena's brief: you sell on prices 0–100 with a reservation price drawn for
    the learner, and the buyer's limit lies somewhere in a disclosed range above it."""

    def __init__(self, learner):
        rng = random.Random(f"price-brief:{learner}")
        self.reservation = rng.randint(25, 50)
        self.rounds = PRICE_ROUNDS
        self.ideal = PRICE_HIGH
        self.range = (self.reservation + PRICE_GAP[0], self.reservation + PRICE_GAP[1])
        self.safe = self.range[0]  # every buyer takes it, if it takes anything
        self.opening = self.range[1]  # ambitious and grounded: the most the buyer may pay
        self.beta = PLAN_BETA

    def value(self, offer):
        return offer

    def planned(self, t):
        """Module 04's question 1: a Faratin plan from the opening to the reservation price
        by the last round, in whole prices."""
        price = time_dependent_offer(t, self.rounds - 1, self.opening, self.reservation, self.beta)
        return math.ceil(price - 1e-9)

    def between(self, low, high, fraction):
        """An offer ``fraction`` of the way from ``low`` to ``high`` (prices)."""
        return round(low + fraction * (high - low))

    def random_offer(self, rng):
        return rng.randint(self.reservation, self.ideal)


class CapstoneBrief:
    """Tallis's side: its profits, its walk-away and Marlow's two possible walk-aways."""

    def __init__(self, case):
        self.case = case
        self.reservation = capstone_reservation(case)
        self.rounds = ROUNDS
        self.packages = all_packages(case.yours, case.theirs)
        self._worth = {tuple(p.values()): you for p, you, _ in self.packages}
        self.ideal = {issue: levels[0] for issue, levels in case.issues.items()}
        needed = max(case.reservation_if_quell, case.reservation_if_not)
        self.safe = max(
            (p for p, _, them in self.packages if them >= needed),
            key=lambda p: (package_points(p, case.yours), package_points(p, case.theirs)),
        )

    def value(self, offer):
        return self._worth[tuple(offer.values())]

    def between(self, low, high, fraction):
        """The package worth nearest ``fraction`` of the way from ``low`` to ``high`` to
        you, among those at least as good for Marlow as ``low``... as a learner would
        pick it from the points table."""
        target = self.value(low) + fraction * (self.value(high) - self.value(low))
        return min(
            (p for p, _, _ in self.packages),
            key=lambda p: (abs(self.value(p) - target), -package_points(p, self.case.theirs)),
        )

    def random_offer(self, rng):
        fair = [p for p, you, _ in self.packages if you >= self.reservation]
        return fair[rng.randrange(len(fair))]

    def give(self, current):
        """``current`` with one issue one level towards Marlow: the give that costs you
        least per point it brings Marlow, keeping you at or above your walk-away;
        ``None`` when there is none."""
        case, mine, theirs = (
            self.case,
            self.value(current),
            package_points(current, self.case.theirs),
        )
        gives = []
        for issue, levels in case.issues.items():
            at = levels.index(current[issue])
            if at + 1 < len(levels):
                package = {**current, issue: levels[at + 1]}
                cost = mine - self.value(package)
                gain = package_points(package, case.theirs) - theirs
                if gain > 0 and self.value(package) >= self.reservation:
                    gives.append((cost / gain, cost, package))
        return min(gives, key=lambda g: g[:2])[2] if gives else None


# --- the strategies -------------------------------------------------------------------


class Player:
    """A scripted learner: ``move(t, bot_offer)`` returns ``("offer", x)``, ``("accept",)``
    or ``("walk",)`` for round ``t`` (0-based), given the bot's offer on the table;
    ``final`` is set when the bot said its offer is its final one."""

    def __init__(self, brief, rng):
        self.brief, self.rng = brief, rng
        self.final = False

    def last(self, t):
        return t == self.brief.rounds - 1


class PricePlan(Player):
    """Module 04's questions 1 and 4: the planned offer each round; accept the buyer's
    offer when it is at least your next planned offer, walk away at the end below it."""

    def move(self, t, bot_offer):
        brief = self.brief
        closing = self.final or self.last(t)
        fair = bot_offer is not None and bot_offer >= brief.reservation
        if fair and (bot_offer >= brief.planned(t) or closing):
            return ("accept",)
        if bot_offer is not None and (self.final or self.last(t)):
            return ("walk",)
        return ("offer", brief.planned(t))


class CapstonePlan(Player):
    """Module 05's reference answers: the opening, then one best trade a round; when no
    trade is left, module 04's reciprocity: give one level (the cheapest for you per
    point for Marlow) only after Marlow has moved, never below the walk-away. Accept
    Marlow's offer when it is worth at least the plan's next package to you, or when it
    is Marlow's final offer or the last round and it beats the walk-away."""

    def __init__(self, brief, rng):
        super().__init__(brief, rng)
        self.current = None
        self.heard = []

    def move(self, t, bot_offer):
        brief, case = self.brief, self.brief.case
        if self.current is None:
            self.current = capstone_answers.opening_of(case)
            return ("offer", self.current)
        self.heard.append(brief.value(bot_offer))
        following = capstone_answers.best_trade(case, self.current)
        if following is None and len(self.heard) >= 2 and self.heard[-1] > self.heard[-2]:
            following = brief.give(self.current)
        following = following or self.current
        worth = brief.value(bot_offer)
        if worth >= brief.reservation and (
            worth >= brief.value(following) or self.final or self.last(t)
        ):
            return ("accept",)
        self.current = following
        return ("offer", self.current)


class Stall(Player):
    """The ideal offer every round, then in the last round the offer any bot must take."""

    def move(self, t, bot_offer):
        if self.last(t):
            return ("offer", self.brief.safe)
        return ("offer", self.brief.ideal)


class AnchorFake(Player):
    """Open at the ideal, then one big 'concession' halfway to the safe offer, held; take
    the bot's offer when it reaches what is held; the safe offer in the last round."""

    def move(self, t, bot_offer):
        brief = self.brief
        held = brief.between(brief.safe, brief.ideal, 0.5)
        if bot_offer is not None and brief.value(bot_offer) >= brief.value(held):
            return ("accept",)
        if t == 0:
            return ("offer", brief.ideal)
        if self.last(t):
            return ("offer", brief.safe)
        return ("offer", held)


class Retract(Player):
    """Concede a step, take it back, concede two steps, take one back...: a concession
    every other round, each one half-retracted; the safe offer in the last round."""

    def move(self, t, bot_offer):
        brief = self.brief
        if bot_offer is not None and brief.value(bot_offer) >= brief.value(
            brief.between(brief.safe, brief.ideal, 0.6)
        ):
            return ("accept",)
        if self.last(t):
            return ("offer", brief.safe)
        steps = (t + 1) // 2 - (t % 2 == 0 and t > 0)  # 0, 1, 0, 2, 1, 3, 2, ...
        return ("offer", brief.between(brief.safe, brief.ideal, max(0.0, 1 - 0.12 * steps)))


class AcceptFirst(Player):
    """Open with the plan's opening, then accept whatever the bot offers first."""

    def move(self, t, bot_offer):
        if bot_offer is not None:
            return ("accept",)
        return ("offer", self.brief.between(self.brief.safe, self.brief.ideal, 0.8))


class RandomWalk(Player):
    """A random offer at or above the walk-away each round; accept the bot's offer when it
    beats the offer just drawn."""

    def move(self, t, bot_offer):
        offer = self.brief.random_offer(self.rng)
        if bot_offer is not None and self.brief.value(bot_offer) >= self.brief.value(offer):
            return ("accept",)
        return ("offer", offer)


PLAYERS = {
    "stall": Stall,
    "anchor-fake": AnchorFake,
    "retract": Retract,
    "accept-first": AcceptFirst,
    "random": RandomWalk,
}


def player(strategy, setting, brief, rng):
    if strategy == "plan":
        return (PricePlan if setting == "price" else CapstonePlan)(brief, rng)
    return PLAYERS[strategy](brief, rng)


# --- the games ------------------------------------------------------------------------


def price_game(learner, style, seed):
    """You against a buyer bot of ``style``: (brief, session, best the zone allows)."""
    brief = PriceBrief(learner)
    rng = random.Random(f"price:{learner}:{seed}")
    limit = rng.randint(*brief.range)
    negotiation = price_negotiation(brief.reservation, limit, rounds=brief.rounds)
    session = PersonSession(
        negotiation,
        person=SELLER,
        bot=style,
        first="person",
        bot_deadline=max(1, brief.rounds - 1 - rng.randrange(EARLY_STOP + 1)),
    )
    return brief, session, limit


@functools.lru_cache(maxsize=64)
def capstone_brief(learner):
    return CapstoneBrief(course.variant("05_capstone", learner))


def capstone_game(learner, style, seed):
    """Tallis against Marlow in ``style``: (brief, session, best the zone allows)."""
    brief = capstone_brief(learner)
    case = brief.case
    rng = random.Random(f"capstone:{learner}:{seed}")
    _, walkaway = marlow_at_the_table(case, rng)
    table = Table(contract_negotiation(case, walkaway, ROUNDS), style, rng=rng)
    best = max(you for _, you, them in brief.packages if them >= walkaway)
    return brief, table.session, best


GAMES = {"price": price_game, "capstone": capstone_game}


def play(setting, strategy, learner, style, seed):
    """One game: a dict with the deal, the gain over the walk-away and the share of the zone."""
    brief, session, best = GAMES[setting](learner, style, seed)
    rng = random.Random(f"walk:{setting}:{learner}:{seed}")
    bot = player(strategy, setting, brief, rng)
    t = 0
    while not session.finished:
        bot.final = bool(session.said) and "final offer" in session.said
        move = bot.move(t, session.bot_offer)
        if move[0] == "accept" and session.bot_offer is not None:
            session.accept()
        elif move[0] == "walk":
            session.walk_away()
        else:
            session.offer(move[1])
        t += 1
    deal = session.agreement is not None
    worth = brief.value(session.agreement) if deal else brief.reservation
    gain = worth - brief.reservation
    room = best - brief.reservation
    return {
        "setting": setting,
        "strategy": strategy,
        "style": style,
        "learner": learner,
        "seed": seed,
        "deal": deal,
        "gain": gain,
        "share": gain / room if deal and room > 0 else None,
    }


def tournament(setting, learners, seeds, styles=STYLES, strategies=STRATEGIES):
    """Every strategy against every style for every learner and seed, as a DataFrame."""
    import pandas as pd

    rows = [
        play(setting, strategy, learner, style, seed)
        for strategy in strategies
        for style in styles
        for learner in learners
        for seed in seeds
    ]
    return pd.DataFrame(rows)


def table(games):
    """Strategy × style: deal rate, mean gain over the walk-away, mean share of the zone."""
    return (
        games.groupby(["strategy", "style"], sort=False)
        .agg(deals=("deal", "mean"), gain=("gain", "mean"), share=("share", "mean"))
        .reset_index()
    )


def plan_margins(summary):
    """For each style: the plan's mean gain minus the best exploit's, and that exploit."""
    margins = {}
    for style, rows in summary.groupby("style", sort=False):
        plan = rows[rows.strategy == "plan"].gain.iloc[0]
        exploits = rows[rows.strategy != "plan"]
        best = exploits.loc[exploits.gain.idxmax()]
        margins[style] = (plan - best.gain, best.strategy)
    return margins


def guaranteed_exploits(summary):
    """Exploits that close every game (100% deals) and gain more than the plan with that
    style: none may exist. Returns ``[(strategy, style, gain, plan's gain)]``."""
    found = []
    for style, rows in summary.groupby("style", sort=False):
        plan = rows[rows.strategy == "plan"].gain.iloc[0]
        for _, row in rows[(rows.strategy != "plan") & (rows.deals == 1.0)].iterrows():
            if row.gain > plan:
                found.append((row.strategy, style, row.gain, plan))
    return found


def report(summary):
    """The table and the gaps, as text."""
    lines = [f"{'strategy':<13}{'style':<13}{'deals':>7}{'gain':>9}{'share':>8}"]
    for _, row in summary.iterrows():
        share = "   —" if row.share != row.share else f"{row.share:7.0%}"
        lines.append(f"{row.strategy:<13}{row.style:<13}{row.deals:7.0%}{row.gain:9.2f}{share:>8}")
    for style, (gap, exploit) in plan_margins(summary).items():
        lines.append(f"plan minus best exploit against {style}: {gap:+.2f} ({exploit})")
    return "\n".join(lines)
