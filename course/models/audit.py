"""A leverage audit: rate each side's information, alternatives and power, weigh the three
sources for the case at hand, and read which way the balance tilts.

A rating runs from 0 (none at all) to ``SCALE`` (overwhelming). The weights say how much
each source counts in this particular negotiation (a sole-source part makes power count
more than usual); they are shares that add up to 1. One side's weighted leverage is

    L = w_info * information + w_alt * alternatives + w_power * power        (0 to SCALE)

and the balance is (L_you - L_them) / SCALE, from -1 (all theirs) to +1 (all yours).
This is a teaching yardstick in the spirit of the "power analysis" checklists of
Lewicki, Saunders & Barry (*Negotiation*, 7th ed., 2015, ch. 7), not a measured quantity:
its use is to make a judgement explicit, so that it can be argued with and updated.
"""

from course.models.validation import number, sums_to_one

#: The three sources of leverage the course teaches, in the order it teaches them.
SOURCES = ("information", "alternatives", "power")

#: The two sides of an audit.
SIDES = ("you", "them")

#: The highest rating: a source a side holds overwhelmingly.
SCALE = 10.0

#: Each source counts the same unless a case says otherwise.
EQUAL_WEIGHTS = {source: 1 / 3 for source in SOURCES}

#: Weighted leverages closer than this (on the 0 to SCALE scale) count as even.
EVEN_WITHIN = 0.5

#: How far one preparation step is assumed to raise a rating when advice compares sources.
ADVICE_STEP = 2.0


def ratings_of(ratings, whose="ratings"):
    """``ratings`` as a dict source -> float in [0, SCALE], or a clear error."""
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
    """``weights`` as a dict source -> share (non-negative, adding up to 1); equal if None."""
    if weights is None:
        return dict(EQUAL_WEIGHTS)
    if not hasattr(weights, "keys"):
        raise TypeError(f"weights must map each source to a share, got {type(weights).__name__}")
    unknown = sorted(set(weights) - set(SOURCES), key=str)
    if unknown:
        raise ValueError(f"weights has an unknown source {unknown[0]!r}; use {', '.join(SOURCES)}")
    checked = {
        source: number(weights.get(source, 0.0), f"weights[{source!r}]") for source in SOURCES
    }
    negative = [source for source, share in checked.items() if share < 0]
    if negative:
        raise ValueError(f"weights[{negative[0]!r}] must not be negative")
    sums_to_one(checked.values(), "weights")
    return checked


def weighted_leverage(ratings, weights=None):
    """One side's leverage on the 0 to SCALE scale: its ratings weighted by the case's weights."""
    ratings, weights = ratings_of(ratings), weights_of(weights)
    return sum(weights[source] * ratings[source] for source in SOURCES)


def leverage_balance(yours, theirs, weights=None):
    """Which way the table tilts, from -1 (all theirs) through 0 (even) to +1 (all yours)."""
    mine = weighted_leverage(ratings_of(yours, "yours"), weights)
    other = weighted_leverage(ratings_of(theirs, "theirs"), weights)
    return (mine - other) / SCALE


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


def strengthen_first(yours, theirs, weights=None, step=ADVICE_STEP):
    """Sources ranked by how much raising your rating by ``step`` would move the balance:
    a list of ``(source, gain)``, biggest gain first (ties keep the course's order)."""
    weights = weights_of(weights)
    theirs = ratings_of(theirs, "theirs")
    now = leverage_balance(yours, theirs, weights)
    gains = [
        (source, leverage_balance(shifted(yours, {source: step}), theirs, weights) - now)
        for source in SOURCES
    ]
    return sorted(gains, key=lambda pair: -pair[1])


def describe_balance(balance):
    """The balance in words, for charts and advice."""
    balance = number(balance, "balance")
    if balance >= 0.25:
        return "strongly in your favour"
    if balance >= EVEN_WITHIN / SCALE:
        return "in your favour"
    if abs(balance) < EVEN_WITHIN / SCALE:
        return "about even"
    if balance > -0.25:
        return "in their favour"
    return "strongly in their favour"
