"""A leverage audit: rate each side's information, alternatives and power, weigh the three
sources for the case at hand, and read which side is ahead.

A rating runs from 0 (none at all) to ``SCALE`` (overwhelming). The weights say how much
each source counts in this particular negotiation (a part only one maker can supply makes
power count more than usual); they are shares that add up to 1. One side's weighted
leverage, in points from 0 to ``SCALE``, is

    L = w_info * information + w_alt * alternatives + w_power * power

and the balance is L_you - L_them, in the same points, from -SCALE (all theirs) to
+SCALE (all yours). It is also the sum of the three sources' weighted differences
w * (your rating - their rating).

What the yardstick assumes, and where it misleads (the notebook says the same):

- it is additive, so it cannot show sources working together. In Emerson's terms
  ("Power-dependence relations", 1962; module 03) dependence grows with what you need from
  the other side and with your lack of other ways to get it, both at once: an alternative
  is worth more the more you need what they control, and information is worth only what it
  lets you do. A weighted sum has no term for such products; the weights stand in for
  them, roughly, case by case. Each fact is rated once (an alternative of yours goes into
  your alternatives, not also into a lower power rating for them), but one side's power
  and the other side's alternatives still rate one dependence from its two sides: their
  two weights together say how much it counts;
- it counts every alternative alike, while an outside option moves a deal only when it
  beats what you would get at the table anyway (deal-me-out, module 03);
- the weights are one judgement for both sides, though a source can count more for one
  side (alternatives, for a side that a deadline presses);
- the ratings and weights are judgements, and the scores are not predictions of a price.

The three-way split and the weights are the course's own simplification of the source
groups in Lewicki, Saunders & Barry (*Negotiation*, 7th ed., 2015, the chapter "Finding
and Using Negotiation Power"), who treat information and the BATNA as sources of power
among others; the book has no weighted checklist like this one.
"""

import math
from types import MappingProxyType

from course.checks.calls import answer_key
from course.models.validation import PROBABILITY_TOLERANCE, number, probability, sums_to_one

#: The three sources of leverage the course teaches, in the order it teaches them.
SOURCES = ("information", "alternatives", "power")

#: The two sides of an audit.
SIDES = ("you", "them")

#: The highest rating: a source a side holds overwhelmingly.
SCALE = 10.0

#: Each source counts the same unless a case says otherwise.
EQUAL_WEIGHTS = {source: 1 / 3 for source in SOURCES}

#: Balances smaller than this, in points, count as even.
EVEN_WITHIN = 0.5

#: Balances of at least this many points (a quarter of the 0-10 rating scale) count as strong.
STRONG_FROM = 2.5

#: How far one preparation step is assumed to raise a rating when advice compares sources.
ADVICE_STEP = 2.0

#: Decimals a balance is rounded to before it is compared with a threshold, so that float
#: noise (0.49999999999999994 for an exact 0.5) never decides which side is ahead.
_DECIMALS = 9

#: For a source on which the other side leads, the sources of yours that answer that lead,
#: and why. Emerson (1962), as module 03 teaches it: A's power over B is B's dependence on
#: A, which grows with what B needs from A and falls with B's other ways to get it; a
#: weaker side can balance it by needing the other side less (alternatives of its own) or
#: by making the other side need it more (what it holds, power). These are two of Emerson's
#: four balancing operations (review 114 E3): network extension, and raising what the other
#: side wants from you (his third). The others are withdrawal (wanting less of what the other
#: side controls, named in the power entry) and coalition formation. The audit's weights
#: decide which of the two adds more to the balance.
ANSWERED_BY = {
    "power": (
        ("alternatives", "power"),
        "their power over you is your dependence on them: alternatives of your own make you "
        "need them less, as would wanting less of what they control, and more of what they "
        "need from you (your power) makes them need you more",
    ),
    "alternatives": (
        ("alternatives", "power"),
        "their alternatives let them do without you: alternatives of your own let you do "
        "without them too, and something of yours they cannot easily replace (your power) "
        "makes them need you more",
    ),
    "information": (
        ("information",),
        "learn what they know: the market, and their own needs, deadlines and options",
    ),
}

#: Why a piece of news belongs to its source: section 2's test, for the interactive audit's
#: feedback on a reading that names the wrong rating.
WHY = {
    "information": "a side found out something that was already true: that is information, "
    "for the side that found out",
    "alternatives": "what a side could do instead of this deal changed: that is alternatives",
    "power": "what a side controls, what the other side needs from it, or the other side's "
    "trust in its word changed: that is power (section 2 files trust there, as a record a "
    "side has built and holds)",
}


def possessive(side):
    """``"your"`` for ``"you"``, ``"their"`` for ``"them"``: how a sentence names a side's rating."""
    return "your" if side == "you" else "their"


def reading_verdict(said, right, weakens=""):
    """The verdict on a reading of a news item. ``said`` is the learner's ``(side, source,
    up)``, ``up`` a bool; ``right`` is how the item moves the audit, ``(side, source, signed
    change)``. A right rating read the wrong way is told only the way: the source, which
    the learner had right, is explained (``WHY``) only when the side or the source is wrong.
    ``weakens`` is, for news that reveals a weakness of theirs, the row of theirs it
    weakens: that row, down, is right too, as question 4a grades it (review 90 X1); it says
    that the readings can move the balance by different amounts (review 110 X1). Your
    power, up, is not (review 112 C1, undoing review 108 C2): the news is about them, and
    the verdict says why."""
    side, source, up = said
    moved, where, change = right
    for value, allowed in ((side, SIDES), (moved, SIDES), (source, SOURCES), (where, SOURCES)):
        if value not in allowed:
            raise ValueError(f"{value!r} is not one of {', '.join(allowed)}")
    if weakens and weakens not in SOURCES:
        raise ValueError(f"{weakens!r} is not one of {', '.join(SOURCES)}")
    rises = number(change, "change") > 0
    if weakens and (side, source, bool(up)) == ("them", weakens, False):
        return (
            f"Right too: the weakness it reveals lowers their {weakens}, and question 4a "
            f"accepts either reading; the audit applies the course's, "
            f"{possessive(moved)} {where}, {'up' if rises else 'down'}. Where the rows "
            f"weigh differently, the two readings move the balance by different amounts."
        )
    if weakens and (side, source) == ("you", "power"):
        return (
            f"Not quite: the weakness it reveals is theirs, and learning of it changes what "
            f"you know, not what you hold, so it does not move your power (section 2 files a "
            f"fact on the row of the side it describes). The audit applies the course's "
            f"reading, {possessive(moved)} {where}, {'up' if rises else 'down'}; their "
            f"{weakens}, down, is right too."
        )
    if (side, source) == (moved, where):
        if bool(up) == rises:
            return "Right."
        return (
            f"Right rating, wrong way: this item makes that rating {'rise' if rises else 'fall'}."
        )
    return (
        f"Not quite: it moves {possessive(moved)} {where}, {'up' if rises else 'down'}. "
        f"{WHY[where][0].upper()}{WHY[where][1:]}."
    )


def _plain(values, low, high):
    """``values`` as a dict source -> float when it is already a clean mapping of the three
    sources to numbers in [low, high] (the common case, checked fast); else None."""
    if type(values) not in (dict, MappingProxyType) or len(values) != len(SOURCES):
        return None
    plain = {}
    for source in SOURCES:
        value = values.get(source)
        if type(value) not in (int, float) or not low <= value <= high:
            return None
        plain[source] = float(value)
    return plain


def ratings_of(ratings, whose="ratings"):
    """``ratings`` as a dict source -> float in [0, SCALE], or a clear error."""
    plain = _plain(ratings, 0, SCALE)
    if plain is not None:
        return plain
    if not hasattr(ratings, "keys"):
        raise TypeError(
            f"{whose} must map each source to a rating, e.g. "
            f"{{'information': 4, 'alternatives': 7, 'power': 2}}; got {type(ratings).__name__}"
        )
    unknown = sorted(set(ratings) - set(SOURCES), key=str)
    if unknown:
        raise ValueError(f"{whose} has an unknown source {unknown[0]!r}; use {', '.join(SOURCES)}")
    missing = [source for source in SOURCES if source not in ratings]
    if missing:
        raise ValueError(f"{whose} needs a rating for {missing[0]}")
    checked = {}
    for source in SOURCES:
        value = number(ratings[source], f"{whose}[{source!r}]")
        if not 0 <= value <= SCALE:
            raise ValueError(f"{whose}[{source!r}] must be between 0 and {SCALE:g}, got {value:g}")
        checked[source] = value
    return checked


def weights_of(weights):
    """``weights`` as a dict source -> share (non-negative, adding up to 1); equal if None.
    Every source needs its share, as every source needs its rating: a missing one is an
    error, not a silent 0."""
    if weights is None:
        return dict(EQUAL_WEIGHTS)
    plain = _plain(weights, 0, 1)
    if plain is not None and abs(math.fsum(plain.values()) - 1) <= PROBABILITY_TOLERANCE:
        return plain
    if not hasattr(weights, "keys"):
        raise TypeError(f"weights must map each source to a share, got {type(weights).__name__}")
    unknown = sorted(set(weights) - set(SOURCES), key=str)
    if unknown:
        raise ValueError(f"weights has an unknown source {unknown[0]!r}; use {', '.join(SOURCES)}")
    missing = [source for source in SOURCES if source not in weights]
    if missing:
        raise ValueError(f"weights needs a share for {missing[0]} (0 if it counts for nothing)")
    checked = {source: number(weights[source], f"weights[{source!r}]") for source in SOURCES}
    negative = [source for source, share in checked.items() if share < 0]
    if negative:
        raise ValueError(f"weights[{negative[0]!r}] must not be negative")
    sums_to_one(checked.values(), "weights")
    return checked


def weighted_leverage(ratings, weights=None):
    """One side's leverage in points, 0 to SCALE: its ratings weighted by the case's weights."""
    ratings, weights = ratings_of(ratings), weights_of(weights)
    return sum(weights[source] * ratings[source] for source in SOURCES)


def leverage_balance(yours, theirs, weights=None):
    """Your weighted leverage minus theirs, in points: from -SCALE (all theirs) through 0
    (even) to +SCALE (all yours)."""
    mine = weighted_leverage(ratings_of(yours, "yours"), weights)
    other = weighted_leverage(ratings_of(theirs, "theirs"), weights)
    return mine - other


def weighted_differences(yours, theirs, weights=None):
    """Each source's part of the balance, w * (your rating - their rating), in points: a
    dict source -> float; the three add up to ``leverage_balance``."""
    yours, theirs = ratings_of(yours, "yours"), ratings_of(theirs, "theirs")
    weights = weights_of(weights)
    return {source: weights[source] * (yours[source] - theirs[source]) for source in SOURCES}


def _who_leads(balance):
    """The side ahead for a balance in points: "you", "them", or "even" when the balance is
    smaller than ``EVEN_WITHIN`` either way (compared after rounding away float noise)."""
    balance = round(number(balance, "balance"), _DECIMALS)
    if abs(balance) < EVEN_WITHIN:
        return "even"
    return "you" if balance > 0 else "them"


def signed(points):
    """``points`` as the course shows a balance or a gain: its sign and two decimals, never
    "-0.00" (a balance that is 0 but for float rounding, 1e-16 below it, shows "+0.00")."""
    shown = f"{number(points, 'points'):+.2f}"
    return "+0.00" if shown == "-0.00" else shown


def describe_balance(balance):
    """The balance (in points) in words: about even within ``EVEN_WITHIN``, strongly one
    side's from ``STRONG_FROM`` on."""
    side = _who_leads(balance)
    if side == "even":
        return "about even"
    strong = abs(round(number(balance, "balance"), _DECIMALS)) >= STRONG_FROM
    return f"{'strongly ' if strong else ''}in {'your' if side == 'you' else 'their'} favour"


@answer_key
def balances_after(yours, theirs, weights, moves):
    """Re-audit after each of a sequence of moves: the balance in points now and after
    each move, as a dict ``{"now": b0, label: b1, ...}`` in the moves' order. ``moves``
    maps a label to ``(side, source, signed change)``; ratings stop at the ends of the scale."""
    weights = weights_of(weights)
    ratings = {"you": ratings_of(yours, "yours"), "them": ratings_of(theirs, "theirs")}

    def balance():
        return sum(weights[s] * (ratings["you"][s] - ratings["them"][s]) for s in SOURCES)

    balances = {"now": balance()}
    for label, move in moves.items():
        side, source, change = move
        if side not in SIDES:
            raise ValueError(f"move {label!r}: {side!r} is not a side; use 'you' or 'them'")
        ratings[side] = shifted(ratings[side], {source: change})
        balances[label] = balance()
    return balances


def shifted(ratings, changes):
    """New ratings after ``changes`` (source -> amount, negative to lower), kept in [0, SCALE].

    A rating cannot pass the ends of the scale: a side already rated 9 on alternatives gains
    only 1 from a step worth 3. That cap is why the biggest step is not always the best one.
    """
    ratings = ratings_of(ratings)
    if not hasattr(changes, "items"):
        raise TypeError(f"changes must map a source to an amount, got {type(changes).__name__}")
    moved = dict(ratings)
    for source, amount in changes.items():
        if source not in SOURCES:
            raise ValueError(f"changes has an unknown source {source!r}; use {', '.join(SOURCES)}")
        moved[source] = min(SCALE, max(0.0, moved[source] + number(amount, f"change to {source}")))
    return moved


def expected_gain(ratings, weights, source, amount, chance=1.0):
    """What a preparation step adds to your weighted leverage, in points, on average: it
    raises ``source`` by ``amount`` (up to the top of the scale) with probability ``chance``
    and adds nothing otherwise."""
    chance = probability(chance, "chance")
    ratings, weights = ratings_of(ratings), weights_of(weights)
    rise = shifted(ratings, {source: amount})[source] - ratings[source]
    return chance * weights[source] * rise


def strengthen_first(yours, theirs, weights=None, step=ADVICE_STEP):
    """Sources ranked by how much raising your rating by ``step`` would move the balance
    under these weights: a list of ``(source, gain in points)``, biggest gain first (ties
    keep the course's order). ``theirs`` is checked but, the audit being additive, the
    ranking does not depend on it."""
    ratings_of(theirs, "theirs")
    return sorted(
        ((source, expected_gain(yours, weights, source, step)) for source in SOURCES),
        key=lambda pair: -pair[1],
    )


def their_biggest_leads(yours, theirs, weights=None):
    """Every source on which the other side is furthest ahead of you once weighted, in the
    course's order, with that lead: ``((source, ...), points)``, several sources when they
    tie (compared after rounding away float noise), or None when they lead you on no
    source (review 99 X1: a tie names them all)."""
    behind = {
        source: round(-difference, _DECIMALS)
        for source, difference in weighted_differences(yours, theirs, weights).items()
    }
    most = max(behind.values())
    if most <= 0:
        return None
    return tuple(source for source in SOURCES if behind[source] == most), most


def their_biggest_lead(yours, theirs, weights=None):
    """The source on which the other side is furthest ahead of you once weighted, as
    ``(source, points)`` (the first in the course's order when several tie: see
    ``their_biggest_leads``), or None when they lead you on no source."""
    leads = their_biggest_leads(yours, theirs, weights)
    return None if leads is None else (leads[0][0], leads[1])
