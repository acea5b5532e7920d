"""Checks for module 04 (concessions): each names the mistake it recognises."""

import itertools

from course.checks.calls import question
from course.checks.hints import NotYet, call_learner, diagnose, money, passed
from course.models.concessions import (
    all_packages,
    better_for_both,
    package_points,
    time_dependent_offer,
)
from course.scenarios.concessions import reservation_of
from course.variants import rng_for, variant

MODULE = "04_concessions"

#: Other learners' scenarios the hidden tests also try, so hard-coded answers fail.
HIDDEN_LEARNERS = tuple(f"hidden-{n}" for n in range(1, 6))

ANSWERS = ("accept", "counter", "walk away")


def _scenarios(hidden):
    """The learner's own scenario, plus other learners' when grading hidden cases."""
    own = variant(MODULE)
    return [own] + ([variant(MODULE, learner) for learner in HIDDEN_LEARNERS] if hidden else [])


def planned_offer(s, t):
    """The course's answer to question 1: Kite's offer in round ``t``."""
    return time_dependent_offer(t, s.deadline, s.opening, reservation_of(s), s.beta)


@question
def my_offer(answer, hidden=False):
    """Check a function that gives Kite's planned offer in round t."""
    for s in _scenarios(hidden):
        reservation = reservation_of(s)
        for t in range(s.deadline + 3):
            value = money(call_learner(answer, s, t), f"my_offer(scenario, {t})")
            expected = planned_offer(s, t)
            ratio = min(t, s.deadline) / s.deadline
            mistakes = [
                (
                    time_dependent_offer(t, s.deadline, s.opening, s.alternative_price, s.beta),
                    "you concede down to Birch's price, but Orchard's job costs you more: "
                    "your reservation price is Birch's price plus the extra cost",
                ),
                (
                    time_dependent_offer(
                        t, s.deadline, s.opening, s.alternative_price - s.extra_cost, s.beta
                    ),
                    "the extra cost makes Orchard worth less to you, so your reservation "
                    "price is higher than Birch's price, not lower",
                ),
                (
                    s.opening + ratio**s.beta * (reservation - s.opening),
                    f"the exponent is 1/β, not β: with β = {s.beta:g} a Boulware plan "
                    "concedes little early and much late",
                ),
                (
                    time_dependent_offer(t, s.deadline, s.opening, reservation, 1.0),
                    "that is the linear plan (β = 1); use your β",
                ),
                (
                    s.opening + (t / s.deadline) ** (1 / s.beta) * (reservation - s.opening),
                    "after the deadline round your offer stays at your reservation price "
                    "(use min(t, deadline))",
                ),
            ]
            if t > s.deadline:
                mistakes = mistakes[-1:] + mistakes[:-1]
            hint = diagnose(
                value, expected, mistakes, f"expected {expected:,.2f}, got {value:,.2f}"
            )
            if hint:
                raise NotYet(
                    f"my_offer(scenario, {t}) is not right for learner {s.learner}: {hint}."
                )
    passed("my_offer follows your plan from the opening to your reservation price.")


def _key(s, package):
    """A package as a tuple of levels in issue order, or a hint that it is not one."""
    if not isinstance(package, dict):
        raise NotYet(f"each package should be a dict of issue to level, got {package!r}")
    try:
        package_points(package, s.yours)
    except (TypeError, ValueError) as error:
        raise NotYet(f"{package!r} is not a package of this contract: {error}") from None
    return tuple(package[issue] for issue in s.issues)


def _show(s, key):
    return "{" + ", ".join(f"{i}: {level}" for i, level in zip(s.issues, key, strict=True)) + "}"


def efficient_packages(s):
    """The course's answer to question 2: every package no other beats for both sides."""
    packages = all_packages(s.yours, s.theirs)
    points = [(you, them) for _, you, them in packages]
    return [p for p, you, them in packages if not better_for_both((you, them), points)]


@question
def pareto_packages(answer, hidden=False):
    """Check a function that lists the packages on the Pareto frontier."""
    for s in _scenarios(hidden):
        result = call_learner(answer, s)
        if not isinstance(result, list | tuple | set):
            raise NotYet(f"pareto_packages should return a list of packages, got {result!r}")
        given = [_key(s, p) for p in result]
        expected = {_key(s, p) for p in efficient_packages(s)}
        points = {
            tuple(p[i] for i in s.issues): (you, them)
            for p, you, them in all_packages(s.yours, s.theirs)
        }
        if len(set(given)) < len(given):
            raise NotYet("a package appears twice in your list; list each one once.")
        for key in given:
            if key not in expected:
                you, them = points[key]
                better = max(
                    (
                        k
                        for k, pt in points.items()
                        if pt in better_for_both(points[key], points.values())
                    ),
                    key=lambda k: points[k],
                )
                raise NotYet(
                    f"for learner {s.learner}, {_show(s, key)} ({you:g} for you, {them:g} for "
                    f"Orchard) is not on the frontier: {_show(s, better)} gives "
                    f"{points[better][0]:g} and {points[better][1]:g}, better for both. "
                    "Score each package for both sides before comparing."
                )
        missing = sorted(expected - set(given), key=lambda k: points[k])
        if missing:
            you, them = points[missing[0]]
            raise NotYet(
                f"for learner {s.learner}, {len(missing)} package(s) on the frontier are "
                f"missing, e.g. {_show(s, missing[0])} ({you:g} for you, {them:g} for Orchard): "
                "no package beats it for both sides. Did you try every combination of levels "
                "(itertools.product)?"
            )
    passed("pareto_packages finds every package that no other beats for both sides.")


def ratio_of_trade(s, current, proposed):
    """The course's answer to question 3: points won per point given, or None."""
    gains = [s.yours[i][proposed[i]] - s.yours[i][current[i]] for i in s.issues]
    given = sum(-g for g in gains if g < 0)
    won = sum(g for g in gains if g > 0)
    return None if given == 0 else won / given


def _trades(s, hidden):
    """Pairs of packages to try: moves of two or three issues, plus one that gives nothing."""
    rng = rng_for(f"{MODULE}:trades:{hidden}", s.learner)
    levels = list(itertools.product(*s.issues.values()))
    pairs = []
    while len(pairs) < (12 if hidden else 6):
        a, b = (levels[int(rng.random() * len(levels))] for _ in range(2))
        current, proposed = dict(zip(s.issues, a, strict=True)), dict(zip(s.issues, b, strict=True))
        if ratio_of_trade(s, current, proposed) is not None:
            pairs.append((current, proposed))
    best = {i: levels[0] for i, levels in s.issues.items()}
    worse = {i: levels[-1] for i, levels in s.issues.items()}
    pairs.append((worse, best))  # everything moves your way: nothing is given
    return pairs


@question
def trade_ratio_of(answer, hidden=False):
    """Check a function that gives the trade ratio of moving between two packages."""
    for s in _scenarios(hidden):
        for current, proposed in _trades(s, hidden):
            where = f"trade_ratio_of(scenario, {current}, {proposed})"
            result = call_learner(answer, s, current, proposed)
            expected = ratio_of_trade(s, current, proposed)
            if expected is None:
                if result is not None:
                    raise NotYet(
                        f"{where} gave {result!r}: every issue moves your way or stays, so you "
                        "give nothing; return None."
                    )
                continue
            if result is None:
                raise NotYet(f"{where} gave None, but this trade does cost you points.")
            value = money(result, where)
            gains = [s.yours[i][proposed[i]] - s.yours[i][current[i]] for i in s.issues]
            given = sum(-g for g in gains if g < 0)
            won = sum(g for g in gains if g > 0)
            theirs = [s.theirs[i][proposed[i]] - s.theirs[i][current[i]] for i in s.issues]
            mistakes = [
                (
                    given / won if won else None,
                    "that is upside down: what you get back per point you give",
                ),
                (
                    won - given,
                    "that is the net change in points; the ratio divides what you get by what you give",
                ),
                (
                    (sum(g for g in theirs if g > 0) / -sum(g for g in theirs if g < 0))
                    if any(g < 0 for g in theirs)
                    else None,
                    "those are Orchard's points; a trade ratio is measured in your own points",
                ),
            ]
            mistakes = [(wrong, hint) for wrong, hint in mistakes if wrong is not None]
            hint = diagnose(value, expected, mistakes, f"expected {expected:.4g}, got {value:.4g}")
            if hint:
                raise NotYet(f"{where} is not right for learner {s.learner}: {hint}.")
    passed("trade_ratio_of measures what you get back per point you give.")


def best_response(s, t, offer):
    """The course's answer to question 4."""
    if offer >= planned_offer(s, t + 1):
        return "accept"
    if t >= s.deadline:
        return "walk away"
    return "counter"


def _responses(s):
    """(t, offer) cases around the lines that matter: your next ask and your reservation."""
    reservation = reservation_of(s)
    cases = []
    for t in range(s.deadline + 1):
        following = planned_offer(s, t + 1)
        for offer in (following + 0.5, following - 0.5, reservation - 0.5, reservation * 0.6):
            cases.append((t, round(offer, 2)))
    return cases


@question
def respond(answer, hidden=False):
    """Check a function that answers an offer in round t: accept, counter or walk away."""
    for s in _scenarios(hidden):
        reservation = reservation_of(s)
        for t, offer in _responses(s):
            result = call_learner(answer, s, t, offer)
            if result not in ANSWERS:
                raise NotYet(
                    f"respond should return one of {', '.join(map(repr, ANSWERS))}, got {result!r}"
                )
            expected = best_response(s, t, offer)
            if result == expected:
                continue
            following = planned_offer(s, t + 1)
            where = f"respond(scenario, {t}, {offer:g}) for learner {s.learner}"
            if result == "walk away" and t < s.deadline:
                hint = (
                    f"there are still rounds left (the deadline is round {s.deadline}): a low "
                    "offer mid-way is a reason to reassess and counter, not to leave"
                )
            elif result == "accept" and offer >= reservation:
                hint = (
                    f"{offer:g} beats your reservation {reservation:g}, but next round you would "
                    f"still ask {following:.2f}: accept only what is at least your next offer"
                )
            elif result == "accept":
                hint = (
                    f"{offer:g} is below your reservation price {reservation:g}: never accept that"
                )
            elif result == "counter" and expected == "accept":
                hint = (
                    f"{offer:g} is at least the {following:.2f} you would ask next round: "
                    "countering only delays the deal you want"
                )
            else:
                hint = (
                    f"round {t} is your deadline and {offer:g} is below your reservation "
                    f"{reservation:g}: take your BATNA and walk away, politely"
                )
            raise NotYet(f"{where} should be {expected!r}, not {result!r}: {hint}.")
    passed(
        "respond accepts what beats your next offer, counters while there is time, and walks away at the end."
    )


# --- Meeting the same buyer again --------------------------------------------------------

#: How this year's talks can end, from the ending that keeps most trust to the least.
ENDINGS = ("deal", "polite walk-away", "walk-out")


def next_year(s):
    """Next year's expected gain over your BATNA (thousands) after each of ``ENDINGS`` this
    year, for learner ``s``: the engine plays module 04's plan twice against a buyer like
    Orchard that remembers how the first talks ended (``course.engine.practice.next_time``),
    and averages over its four possible styles. The buyer's limit is drawn for the learner,
    5 to 45 above the reservation price; the plan opens 45 above it; prices run to 200."""
    from course.engine.practice import ARENA_STYLES, next_time

    mine = round(reservation_of(s))
    limit = mine + rng_for(f"{MODULE}:next-year", s.learner).randint(5, 45)
    runs = [next_time(mine, limit, style, opening=mine + 45, high=200) for style in ARENA_STYLES]
    return {e: round(sum(run[e]["gain"] for run in runs) / len(runs), 2) for e in ENDINGS}


def best_ending(s, offer, following):
    """The course's answer to the question on meeting again: the ending with the most over
    both years (this year's gain plus ``following[ending]``), the one that keeps more
    trust on a tie."""
    now = {"deal": offer - reservation_of(s), "polite walk-away": 0.0, "walk-out": 0.0}
    return max(ENDINGS, key=lambda e: (round(now[e] + following[e], 6), -ENDINGS.index(e)))


def _endings(s, hidden):
    """(offer, next year's gains) cases on both sides of the line where a deal below your
    reservation price is paid back next year, and an exact tie."""
    mine, following = reservation_of(s), next_year(s)
    back = following["deal"] - following["polite walk-away"]
    cases = [(mine + 4, following), (mine - back + 0.5, following), (mine - back - 0.5, following)]
    if hidden:
        flat = dict(following, deal=following["polite walk-away"])  # a deal buys nothing back
        reordered = {e: following[e] for e in reversed(ENDINGS)}
        cases += [
            (mine, flat),  # a tie over both years: keep the relationship
            (mine - back - 10, following),
            (mine - 0.5, flat),
            (mine + 0.5, flat),
            (mine - back + 0.25, reordered),
        ]
    return [(round(offer, 2), table) for offer, table in cases]


@question
def how_to_end(answer, hidden=False):
    """Check a function that chooses how to end this year's talks when you will meet the
    same buyer next year: a deal, a polite walk-away or a walk-out."""
    learners = HIDDEN_LEARNERS if hidden else ()
    for s in [variant(MODULE)] + [variant(MODULE, learner) for learner in learners]:
        mine = reservation_of(s)
        for offer, following in _endings(s, hidden):
            where = f"how_to_end(scenario, {offer:g}, {following}) for learner {s.learner}"
            result = call_learner(answer, s, offer, dict(following))
            if result not in ENDINGS:
                raise NotYet(
                    f"{where}: return one of {', '.join(map(repr, ENDINGS))}, got {result!r}.",
                    general="it should return 'deal', 'polite walk-away' or 'walk-out'",
                )
            expected = best_ending(s, offer, following)
            if result == expected:
                continue
            now = offer - mine
            if result == "walk-out":
                hint = (
                    "a walk-out gives you nothing more this year than a polite walk-away, and "
                    f"next year's talks go no better after it ({following['walk-out']:g} "
                    f"against {following['polite walk-away']:g}): leave the door open"
                )
                general = "it walks out, which never does better than leaving politely"
            elif expected == "deal" and now >= 0:
                hint = (
                    f"the deal gives {now:g} over your reservation price now, and next year "
                    "starts from more trust"
                )
                general = "it turns down a deal above the reservation price"
            elif expected == "deal":
                hint = (
                    f"the deal costs {-now:g} below your reservation price now, but next year "
                    f"pays back {following['deal'] - following['polite walk-away']:g} more "
                    "after a deal than after a polite walk-away: over both years it is worth it"
                    if now + following["deal"] > following["polite walk-away"]
                    else "on a tie over both years, keep the relationship: prefer the deal"
                )
                general = "it leaves when a deal is worth more over both years (or as much)"
            else:
                hint = (
                    f"the deal costs {-now:g} below your reservation price now, more than next "
                    f"year pays back after it ({following['deal'] - following['polite walk-away']:g})"
                    ": leave politely"
                )
                general = "it accepts a deal that costs more now than it brings back next year"
            raise NotYet(
                f"{where} should be {expected!r}, not {result!r}: {hint}.", general=general
            )
    passed(
        "how_to_end weighs this year's deal against what each ending does to next year's "
        "talks, and never burns the bridge."
    )
