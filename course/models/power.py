"""Power as leverage: scarcity (the Shapley value), voting power, patience and outside options.

Exact where exactness is cheap: give ints or ``fractions.Fraction`` and you get
``Fraction`` results (the glove game's 2/3, 1/6, 1/6 come out exactly); give any float
and you get floats.

Sources of the formulas:

- Shapley, "A Value for n-Person Games" (1953), in *Contributions to the Theory of
  Games II*: each player's average marginal contribution over all orders of arrival. It
  is a benchmark of fairness (it is the one division with Shapley's four axioms), not a
  prediction of what competition gives: that is the core's job.
- Gillies, "Solutions to General Non-Zero-Sum Games" (1959), in *Contributions to the
  Theory of Games IV*: the core, the divisions no coalition can improve on by dealing on
  its own.
- Shapley & Shubik, "A Method for Evaluating the Distribution of Power in a Committee
  System", *American Political Science Review* 48 (1954): the Shapley value of a
  weighted vote, i.e. how often a member is the pivot.
- Banzhaf, "Weighted Voting Doesn't Work", *Rutgers Law Review* 19 (1965): how often a
  member's vote swings a coalition from losing to winning, normalised to sum to 1.
- Rubinstein, "Perfect Equilibrium in a Bargaining Model", *Econometrica* 50 (1982):
  alternating offers with discount factors; the first proposer gets
  ``(1 - d2) / (1 - d1 d2)``.
- Outside options ("deal-me-out"): Shaked & Sutton, *Econometrica* 52 (1984); Binmore,
  Rubinstein & Wolinsky, "The Nash Bargaining Solution in Economic Modelling", *RAND
  Journal of Economics* 17 (1986), who also show when a Nash split with a disagreement
  point applies instead (a risk of breakdown, payoffs while talks are stuck); Binmore,
  Shaked & Sutton, "An Outside Option Experiment", *Quarterly Journal of Economics* 104
  (1989); Osborne & Rubinstein, *Bargaining and Markets* (1990), section 3.12. A
  responder who may walk away to ``b`` gets ``max(b, their share at the table)``, the share
  at the table being what they would get if the option did not exist.
  All of these assume full information: each side knows the other's patience and options.

Voting power is computed by dynamic programming over weight sums (the generating-function
method: count coalitions by size and total weight), never by listing the n! orders. Its
work grows with the number of different coalition totals below the quota, at most
n times the total weight: a vote of 20 members with whole-number weights (or weights
with a few decimals) takes milliseconds. Weights with many significant digits each
make almost every total different, and then the count approaches 2^n.
"""

import functools
import math
import types
from collections import defaultdict
from collections.abc import Callable, Mapping
from fractions import Fraction
from itertools import combinations
from numbers import Rational, Real

from course.checks.calls import answer_key

#: Games bigger than this are refused: a value function on every coalition of more
#: players would need over a million entries.
MAX_COALITION_PLAYERS = 20

#: Weighted votes bigger than this are refused (the DP is fast, but no course case needs more).
MAX_VOTERS = 200


# --- validation ----------------------------------------------------------------------------


def _exact(value, name):
    """``value`` as an exact Fraction (for ints and Fractions) or a float; checked finite.

    Returns ``(converted, is_exact)``.
    """
    if isinstance(value, bool) or not isinstance(value, Real):
        raise TypeError(f"{name} must be a number, got {type(value).__name__} {value!r}")
    if isinstance(value, Rational):
        return Fraction(value), True
    value = float(value)
    if not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number, got {value}")
    return value, False


def _out(value, exact):
    """An exact result as a Fraction, or as a float when any input was a float."""
    return Fraction(value) if exact else float(value)


def _discount(value, name):
    value, exact = _exact(value, name)
    if not 0 < value < 1:
        raise ValueError(
            f"{name} must be strictly between 0 and 1 (a discount factor: how much a deal "
            f"one round later is worth today), got {float(value):g}"
        )
    return value, exact


def _share(value, name):
    value, exact = _exact(value, name)
    if not 0 <= value <= 1:
        raise ValueError(
            f"{name} must be between 0 and 1 (a share of the pie), got {float(value):g}"
        )
    return value, exact


# --- patience and outside options -----------------------------------------------------------


def rubinstein_share(delta_1, delta_2):
    """The first proposer's share of the pie in Rubinstein's (1982) alternating-offers game.

    ``delta_1`` and ``delta_2`` are the proposer's and the responder's discount factors
    (what a deal one round later is worth today, strictly between 0 and 1). The proposer
    gets ``(1 - delta_2) / (1 - delta_1 * delta_2)``; the responder the rest. A side's
    share rises with its own delta and falls with the other's; moving first is worth
    something too, so when the deltas are close the first proposer can get more though it
    is a little less patient (``rubinstein_share(0.5, 0.51)`` is about 0.658).

    >>> rubinstein_share(Fraction(1, 2), Fraction(1, 2))
    Fraction(2, 3)
    """
    d1, exact_1 = _discount(delta_1, "delta_1")
    d2, exact_2 = _discount(delta_2, "delta_2")
    return _out((1 - d2) / (1 - d1 * d2), exact_1 and exact_2)


def bargaining_split(delta_proposer, delta_responder, outside_option=0):
    """The equilibrium split ``(proposer's share, responder's share)`` of a pie of 1: the
    first argument is the discount factor of the side that proposes first, the second the
    responder's, who can walk away to ``outside_option`` (a share of the pie) whenever they
    answer an offer.

    The outside option changes nothing while it is below the responder's share at the table
    ``delta_2 (1 - delta_1) / (1 - delta_1 delta_2)``; above it, the proposer must offer
    exactly the outside option (Osborne & Rubinstein 1990, section 3.12).
    """
    d1, exact_1 = _discount(delta_proposer, "delta_proposer")
    d2, exact_2 = _discount(delta_responder, "delta_responder")
    b, exact_b = _share(outside_option, "outside_option")
    exact = exact_1 and exact_2 and exact_b
    responder = max(b, d2 * (1 - d1) / (1 - d1 * d2))
    return (_out(1 - responder, exact), _out(responder, exact))


def outside_option_share(delta, outside_option):
    """The responder's share with an outside option, both sides discounting by ``delta``:
    ``max(delta / (1 + delta), outside_option)`` ("deal-me-out", Binmore, Shaked & Sutton
    1989). An outside option matters only when it beats your share at the table.

    >>> outside_option_share(Fraction(9, 10), Fraction(1, 4))
    Fraction(9, 19)
    """
    d, exact_d = _discount(delta, "delta")
    b, exact_b = _share(outside_option, "outside_option")
    return _out(max(d / (1 + d), b), exact_d and exact_b)


def split_the_difference_share(outside_option):
    """The naive prediction the deal-me-out result is tested against: the responder first
    takes the outside option, then half of what is left, ``b + (1 - b) / 2``."""
    b, exact = _share(outside_option, "outside_option")
    return _out(b + (1 - b) / 2, exact)


def worth_today(share, delta, rounds_of_delay):
    """What a ``share`` of the pie agreed after ``rounds_of_delay`` rounds is worth today."""
    share, exact_s = _exact(share, "share")
    d, exact_d = _discount(delta, "delta")
    if isinstance(rounds_of_delay, bool) or not isinstance(rounds_of_delay, int):
        raise TypeError(f"rounds_of_delay must be a whole number, got {rounds_of_delay!r}")
    if rounds_of_delay < 0:
        raise ValueError(f"rounds_of_delay must be 0 or more, got {rounds_of_delay}")
    return _out(share * d**rounds_of_delay, exact_s and exact_d)


@answer_key
def computer_reply(offer_to_computer, delta_you, delta_computer, outside_option=0):
    """How a computer that plays the equilibrium answers your offer in the shrinking-pie game.

    You propose first, the computer responds and may walk away to ``outside_option`` (a
    share of the pie). ``offer_to_computer`` is the share you offer it. Returns a pair:

    - ``("accept", None)`` when the offer is at least its equilibrium share;
    - ``("walk away", None)`` when it is less and walking away beats waiting a round;
    - ``("counter", share_for_you)`` otherwise: it proposes next round and offers you
      exactly what waiting for your own next proposal would be worth to you.
    """
    offer, _ = _share(offer_to_computer, "the offer to the computer")
    d_you, _ = _discount(delta_you, "delta_you")
    d_computer, _ = _discount(delta_computer, "delta_computer")
    b, _ = _share(outside_option, "outside_option")
    yours, theirs = bargaining_split(d_you, d_computer, b)
    if offer >= theirs:
        return ("accept", None)
    # When the computer proposes it keeps 1 - d_you * yours (you accept that, it is what
    # your next turn is worth to you); waiting for that is worth d_computer times it.
    counter_for_you = d_you * yours
    if b > d_computer * (1 - counter_for_you):
        return ("walk away", None)
    return ("counter", counter_for_you)


def lowest_accepted_offer(delta_you, delta_computer, outside_option=0, steps=100):
    """The lowest offer on a grid of ``steps`` equal steps from 0 to 1 (a slider's values
    ``k / steps``) that ``computer_reply`` accepts: the computer's equilibrium share rounded
    up to the grid, found by asking ``computer_reply`` itself so the two always agree."""
    if isinstance(steps, bool) or not isinstance(steps, int) or steps < 1:
        raise ValueError(f"steps must be a whole number of at least 1, got {steps!r}")
    _, theirs = bargaining_split(delta_you, delta_computer, outside_option)
    k = max(0, math.floor(theirs * steps) - 1)
    while (
        k < steps
        and computer_reply(k / steps, delta_you, delta_computer, outside_option)[0] != "accept"
    ):
        k += 1
    return k / steps


# --- coalitions and the Shapley value -------------------------------------------------------


def _players(players, limit):
    if isinstance(players, str | bytes) or not hasattr(players, "__iter__"):
        raise TypeError(f"players must be a list of names, got {type(players).__name__}")
    players = list(players)
    if not players:
        raise ValueError("players is empty: a game needs at least one player")
    if len(set(players)) != len(players):
        twice = sorted({repr(p) for p in players if players.count(p) > 1})
        raise ValueError(f"each player must appear once; listed twice: {', '.join(twice)}")
    if len(players) > limit:
        raise ValueError(f"at most {limit} players, got {len(players)}")
    return players


def _coalition_name(coalition):
    return "{" + ", ".join(sorted(map(str, coalition))) + "}" if coalition else "{} (nobody)"


def _value_table(players, value):
    """Every coalition's value, indexed by bitmask (bit i = players[i]); checks the game."""
    if isinstance(value, Mapping):
        known = set(players)
        table = {}
        for key, amount in value.items():
            if isinstance(key, str) or not isinstance(key, frozenset | set | tuple | list):
                raise TypeError(
                    f"value's keys must be coalitions (frozensets of players), got {key!r}"
                )
            strangers = set(key) - known
            if strangers:
                raise ValueError(
                    f"coalition {_coalition_name(key)} names someone who is not a player: "
                    f"{', '.join(sorted(map(repr, strangers)))}"
                )
            table[frozenset(key)] = amount

        def look_up(coalition):
            if coalition in table:
                return table[coalition]
            if not coalition:
                return 0  # the empty coalition earns nothing; it may be left out
            raise ValueError(
                f"value is not defined for coalition {_coalition_name(coalition)}: "
                "give a value for every group of players"
            )

    elif isinstance(value, Callable):
        look_up = value
    else:
        raise TypeError(
            "value must map each coalition (a frozenset of players) to a number, "
            f"got {type(value).__name__}"
        )
    values, exact = [], True
    for mask in range(1 << len(players)):
        coalition = frozenset(p for i, p in enumerate(players) if mask >> i & 1)
        amount, is_exact = _exact(look_up(coalition), f"the value of {_coalition_name(coalition)}")
        if mask == 0 and amount != 0:
            raise ValueError(f"the empty coalition must be worth 0, got {amount}")
        values.append(amount)
        exact = exact and is_exact
    return values, exact


def shapley_values(players, value):
    """Each player's Shapley value: their marginal contribution averaged over every order
    in which the players could arrive (Shapley 1953). Returns a dict player -> value.

    ``value`` maps every coalition (a ``frozenset`` of players; a tuple or set works too)
    to what it can earn on its own, or is a function of a frozenset. The empty coalition
    may be left out and then earns 0; if given, it must be 0. Every other coalition must
    be there: a missing one is an error, not a silent 0, because forgetting a coalition
    changes everyone's value.

    >>> glove = {frozenset(c): 1 if "L" in c and len(c) > 1 else 0
    ...          for c in [(), ("L",), ("R1",), ("R2",), ("L", "R1"), ("L", "R2"),
    ...                    ("R1", "R2"), ("L", "R1", "R2")]}
    >>> shapley_values(["L", "R1", "R2"], glove)
    {'L': Fraction(2, 3), 'R1': Fraction(1, 6), 'R2': Fraction(1, 6)}
    """
    players = _players(players, MAX_COALITION_PLAYERS)
    values, exact = _value_table(players, value)
    n = len(players)
    # weight of a coalition of size s joined by one more player: s! (n - s - 1)! / n!
    numerators = [math.factorial(s) * math.factorial(n - s - 1) for s in range(n)]
    sizes = [mask.bit_count() for mask in range(1 << n)]
    result = {}
    for i, player in enumerate(players):
        bit = 1 << i
        terms = [
            numerators[sizes[mask]] * (values[mask | bit] - values[mask])
            for mask in range(1 << n)
            if not mask & bit
        ]
        if exact:
            result[player] = Fraction(sum(terms), math.factorial(n))
        else:
            result[player] = math.fsum(terms) / math.factorial(n)
    return result


def blocking_coalition(players, value, allocation):
    """The coalition that would gain most by walking away from ``allocation`` and dealing
    on its own, as ``(coalition, shortfall)``; ``None`` when no coalition can gain, i.e.
    when the allocation is in the **core** (Gillies 1959).

    ``players`` and ``value`` are as for ``shapley_values``. ``allocation`` maps each player
    to what they get (money, or any unit of ``value``); the amounts must add up to what all
    players together earn, or a ValueError says by how much they miss. A coalition blocks
    when it earns more on its own than the allocation gives its members together; its
    ``shortfall`` is that difference (> 0). Of coalitions with the same shortfall, the one
    whose members come earliest in ``players`` is returned.

    >>> glove = {frozenset(c): 1 if "L" in c and len(c) > 1 else 0
    ...          for c in [("L",), ("R1",), ("R2",), ("L", "R1"), ("L", "R2"),
    ...                    ("R1", "R2"), ("L", "R1", "R2")]}
    >>> blocking_coalition(["L", "R1", "R2"], glove, {"L": 1, "R1": 0, "R2": 0}) is None
    True
    >>> group, shortfall = blocking_coalition(
    ...     ["L", "R1", "R2"], glove, shapley_values(["L", "R1", "R2"], glove))
    >>> sorted(group), shortfall
    (['L', 'R1'], Fraction(1, 6))
    """
    players = _players(players, MAX_COALITION_PLAYERS)
    values, exact = _value_table(players, value)
    if not isinstance(allocation, Mapping):
        raise TypeError(
            f"allocation must map each player to an amount, got {type(allocation).__name__}"
        )
    missing = [p for p in players if p not in allocation]
    strangers = [p for p in allocation if p not in players]
    if missing or strangers:
        raise ValueError(
            "allocation must give an amount to each player and no one else; "
            + (f"missing: {', '.join(map(repr, missing))}" if missing else "")
            + ("; " if missing and strangers else "")
            + (f"not players: {', '.join(map(repr, strangers))}" if strangers else "")
        )
    amounts = []
    for player in players:
        amount, is_exact = _exact(allocation[player], f"{player!r}'s amount")
        amounts.append(amount)
        exact = exact and is_exact
    grand = values[-1]
    total = sum(amounts)
    scale = max(1.0, float(abs(grand)), *(float(abs(a)) for a in amounts))
    slack = 0 if exact else 1e-9 * scale  # float sums may miss by rounding, not more
    if abs(total - grand) > slack:
        raise ValueError(
            f"the amounts add up to {float(total):g}, but everyone together earns "
            f"{float(grand):g}: an allocation shares out exactly that"
        )
    best = None
    for mask in range(1, len(values)):
        given = sum(a for i, a in enumerate(amounts) if mask >> i & 1)
        shortfall = values[mask] - given
        if shortfall > slack and (best is None or shortfall > best[1]):
            best = (mask, shortfall)
    if best is None:
        return None
    mask, shortfall = best
    coalition = frozenset(p for i, p in enumerate(players) if mask >> i & 1)
    return coalition, _out(shortfall, exact)


# --- weighted voting ------------------------------------------------------------------------


def _as_fractions(quota, weights):
    """The quota and weights as exact Fractions (floats read as the decimals they print
    as), and whether every input was exact; checks each is a finite number."""
    exact, numbers = True, []
    for index, weight in enumerate(weights):
        weight, is_exact = _exact(weight, f"weight {index + 1}")
        numbers.append(weight if is_exact else Fraction(repr(weight)))
        exact = exact and is_exact
    quota, quota_exact = _exact(quota, "quota")
    quota = quota if quota_exact else Fraction(repr(quota))
    return quota, numbers, exact and quota_exact


def _weighted_vote(quota, weights):
    """Validate a weighted vote; return (quota, weights) scaled to whole numbers, and
    whether every input was exact. Floats are read as the decimals they print as, so
    0.1 + 0.2 reaches a quota of 0.3."""
    if isinstance(weights, str | bytes | Mapping) or not hasattr(weights, "__iter__"):
        raise TypeError(f"weights must be a list of numbers, got {type(weights).__name__}")
    weights = list(weights)
    if not weights:
        raise ValueError("weights is empty: a vote needs at least one member")
    if len(weights) > MAX_VOTERS:
        raise ValueError(f"at most {MAX_VOTERS} members, got {len(weights)}")
    whole = type(quota) is int and all(type(weight) is int for weight in weights)
    # Whole votes, the common case, need no conversion (and are many times faster).
    quota, numbers, exact = (quota, weights, True) if whole else _as_fractions(quota, weights)
    for index, weight in enumerate(numbers):
        if weight < 0:
            raise ValueError(
                f"weight {index + 1} is negative ({float(weight):g}): weights are votes"
            )
    total = sum(numbers)
    if quota <= 0:
        raise ValueError(f"quota must be more than 0, got {float(quota):g}: else nobody is needed")
    if quota > total:
        raise ValueError(
            f"quota {float(quota):g} is more than all the weights together ({float(total):g}): "
            "no coalition can reach it"
        )
    if whole:
        return quota, numbers, exact
    scale = math.lcm(*(x.denominator for x in [*numbers, quota]))
    return int(quota * scale), [int(x * scale) for x in numbers], exact


def _coalition_counts(weights, quota):
    """``counts[k][s]``: how many coalitions of k members have total weight s < quota (the
    coefficients of prod_i (1 + y x^w_i), built one member at a time). Totals that reach
    the quota are dropped: weights only add, so they never matter for a swing again."""
    counts = [defaultdict(int) for _ in range(len(weights) + 1)]
    counts[0][0] = 1
    for members, weight in enumerate(weights):
        for k in range(members, -1, -1):
            for total, count in list(counts[k].items()):
                if total + weight < quota:
                    counts[k + 1][total + weight] += count
    return counts


def _without(counts, weight):
    """The counts with one member of ``weight`` taken out: divide the generating function
    by (1 + y x^weight), i.e. ``without[k][s] = counts[k][s] - without[k-1][s-weight]``."""
    without = [dict() for _ in range(len(counts) - 1)]
    for k in range(len(counts) - 1):
        below = without[k - 1] if k else {}
        for total, count in counts[k].items():
            left = count - below.get(total - weight, 0)
            if left:
                without[k][total] = left
    return without


def _swings(quota, weights):
    """For each distinct weight: swings by coalition size, i.e. how many coalitions of k
    other members are losing (total < quota) but win when that member joins, as a
    read-only ``{weight: (swings with 0 others, with 1, ...)}``. The swings depend on the
    weights as a multiset, so they are counted once per multiset: module 03's generator
    asks again for the same boards thousands of times (nine in ten of its calls)."""
    return _swings_of_multiset(quota, tuple(sorted(weights)))


@functools.lru_cache(maxsize=1 << 16)
def _swings_of_multiset(quota, weights):
    counts = _coalition_counts(weights, quota)
    by_weight = {}
    for weight in set(weights):
        others = _without(counts, weight)
        by_weight[weight] = tuple(
            sum(c for total, c in others[k].items() if quota - weight <= total < quota)
            for k in range(len(others))
        )
    return types.MappingProxyType(by_weight)


def banzhaf_index(quota, weights):
    """Each member's normalised Banzhaf index (Banzhaf 1965), in the weights' order: the
    share of all swings that are theirs, where a swing is a losing coalition that this
    member's vote turns into a winning one. The indices sum to 1; a member with weight
    but no swing (a "dummy") gets 0.

    >>> banzhaf_index(4, [3, 2, 1])
    (Fraction(3, 5), Fraction(1, 5), Fraction(1, 5))
    """
    quota, scaled, exact = _weighted_vote(quota, weights)
    swings = _swings(quota, scaled)
    raw = [sum(swings[w]) for w in scaled]
    total = sum(raw)  # > 0: the empty coalition loses, all members together win
    return tuple(_out(Fraction(r, total), exact) for r in raw)


def shapley_shubik_index(quota, weights):
    """Each member's Shapley–Shubik index (Shapley & Shubik 1954), in the weights' order:
    the share of the n! orders of arrival in which that member's vote is the one that
    first reaches the quota. The indices sum to 1.

    >>> shapley_shubik_index(4, [3, 2, 1])
    (Fraction(2, 3), Fraction(1, 6), Fraction(1, 6))
    """
    quota, scaled, exact = _weighted_vote(quota, weights)
    swings = _swings(quota, scaled)
    n = len(scaled)
    orders = [math.factorial(k) * math.factorial(n - k - 1) for k in range(n)]
    return tuple(
        _out(
            Fraction(sum(o * c for o, c in zip(orders, swings[w], strict=True)), math.factorial(n)),
            exact,
        )
        for w in scaled
    )


def swing_counts(quota, weights):
    """Each member's raw Banzhaf count, in the weights' order: the number of losing
    coalitions of the others that this member's vote turns into winning ones."""
    quota, scaled, _ = _weighted_vote(quota, weights)
    swings = _swings(quota, scaled)
    return tuple(sum(swings[w]) for w in scaled)


def winning(quota, weights, members):
    """Whether the members at positions ``members`` (indices into ``weights``) reach the quota."""
    _weighted_vote(quota, weights)
    weights = list(weights)
    members = list(members)
    for index in members:
        if isinstance(index, bool) or not isinstance(index, int) or not 0 <= index < len(weights):
            raise ValueError(f"{index!r} is not a member's position (0 to {len(weights) - 1})")
    return sum(weights[i] for i in set(members)) >= quota


def brute_force_indices(quota, weights):
    """Shapley–Shubik and normalised Banzhaf by listing every coalition: the slow, obvious
    method, kept to cross-check the dynamic programme on small votes (up to 16 members)."""
    quota, scaled, exact = _weighted_vote(quota, weights)
    n = len(scaled)
    if n > 16:
        raise ValueError(f"brute force lists 2^n coalitions; at most 16 members, got {n}")
    raw = [0] * n
    pivots = [0] * n
    for size in range(n):
        order_weight = math.factorial(size) * math.factorial(n - size - 1)
        for coalition in combinations(range(n), size):
            total = sum(scaled[i] for i in coalition)
            if total >= quota:
                continue
            inside = set(coalition)
            for i in range(n):
                if i not in inside and total + scaled[i] >= quota:
                    raw[i] += 1
                    pivots[i] += order_weight
    banzhaf = tuple(_out(Fraction(r, sum(raw)), exact) for r in raw)
    shapley = tuple(_out(Fraction(p, math.factorial(n)), exact) for p in pivots)
    return shapley, banzhaf
