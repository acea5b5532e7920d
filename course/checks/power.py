"""Checks for module 03 (power): each names the mistake it recognises."""

from collections.abc import Mapping
from fractions import Fraction
from itertools import combinations

from course.checks.calls import question
from course.checks.hints import NotYet, call_learner, diagnose, money, passed
from course.models.power import banzhaf_index, rubinstein_share, shapley_values
from course.scenarios.power import BUYERS, YOU
from course.variants import variant

MODULE = "03_power"

#: Other learners' scenarios the hidden tests also try, so hard-coded answers fail.
HIDDEN_LEARNERS = tuple(f"hidden-{n}" for n in range(1, 6))

PLAYERS = (YOU, *BUYERS)


def amount(value, what):
    """Like ``hints.money``, but an exact Fraction (what the library returns for whole-number
    inputs) is a number too."""
    return money(float(value) if isinstance(value, Fraction) else value, what)


def _scenarios(hidden):
    """The learner's own scenario, plus other learners' when grading hidden cases."""
    own = variant(MODULE)
    return [own] + ([variant(MODULE, learner) for learner in HIDDEN_LEARNERS] if hidden else [])


def _coalitions(players):
    return [frozenset(c) for size in range(len(players) + 1) for c in combinations(players, size)]


def _name(coalition):
    return "{" + ", ".join(p for p in PLAYERS if p in coalition) + "}" if coalition else "{}"


def market(s, buyers=BUYERS):
    """The licence market as a coalition game (the course's reference answer): a coalition
    earns the highest value among its buyers if Kestrel is in it, and nothing otherwise."""
    values = {"Atlas": s.atlas_value, "Borealis": s.borealis_value}
    players = (YOU, *buyers)
    return {
        c: (max([values[b] for b in buyers if b in c], default=0.0) if YOU in c else 0.0)
        for c in _coalitions(players)
    }


def _your_value(s, buyers=BUYERS):
    return shapley_values([YOU, *buyers], market(s, buyers))[YOU]


@question
def market_game(answer, hidden=False):
    """Check a function that returns what every coalition in the licence market can earn."""
    for s in _scenarios(hidden):
        result = call_learner(answer, s)
        if not isinstance(result, Mapping):
            raise NotYet(
                "market_game should return a dict from coalition (a frozenset of names) to "
                f"what it can earn, got {type(result).__name__}"
            )
        given = {}
        for key, value in result.items():
            if isinstance(key, str) or not isinstance(key, frozenset | set | tuple):
                raise NotYet(
                    f"{key!r} is not a coalition: write each key as a frozenset of names, "
                    'e.g. frozenset({"Kestrel", "Atlas"})'
                )
            strangers = set(key) - set(PLAYERS)
            if strangers:
                raise NotYet(
                    f"{', '.join(sorted(map(repr, strangers)))} is not a player; the players "
                    f"are {', '.join(PLAYERS)}"
                )
            given[frozenset(key)] = amount(value, f"the value of {_name(key)}")
        expected = market(s)
        for coalition, worth in expected.items():
            if coalition not in given:
                if not coalition:
                    continue  # the empty coalition may be left out: it earns 0
                raise NotYet(
                    f"your game has no value for {_name(coalition)}: give every coalition one"
                )
            both = {YOU, *BUYERS}
            mistakes = [
                (
                    s.atlas_value + s.borealis_value,
                    "there is one licence: Kestrel with both buyers earns the best buyer's "
                    "value, not the sum",
                ),
            ]
            if YOU not in coalition:
                otherwise = (
                    f"{_name(coalition)} has no licence to use without Kestrel, so it earns 0"
                )
            elif coalition == {YOU}:
                otherwise = "Kestrel alone cannot use the licence's value: it earns 0 on its own"
            else:
                otherwise = f"{_name(coalition)} can earn {worth:,.0f}, not {given[coalition]:,.0f}"
            hint = diagnose(
                given[coalition], worth, mistakes if coalition == both else [], otherwise
            )
            if hint:
                raise NotYet(f"market_game is not right for learner {s.learner}: {hint}.")
    passed("market_game gives every coalition what it can earn.")


@question
def rival_worth(answer, hidden=False):
    """Check a function that returns how much of Kestrel's Shapley value Borealis brings."""
    for s in _scenarios(hidden):
        value = amount(call_learner(answer, s), "rival_worth's result")
        with_rival, without = _your_value(s), _your_value(s, ("Atlas",))
        expected = with_rival - without
        mistakes = [
            (
                float(with_rival),
                "that is Kestrel's whole Shapley value with both buyers; subtract what it "
                "would be if Atlas were the only buyer",
            ),
            (
                float(without),
                "that is Kestrel's value with Atlas alone; the question is the difference "
                "Borealis makes",
            ),
            (
                s.borealis_value,
                "that is Borealis' whole valuation; compare Kestrel's Shapley value with and "
                "without Borealis in the game",
            ),
            (
                s.atlas_value - s.borealis_value,
                "that is what the keener buyer gains; compute Kestrel's Shapley value in both games",
            ),
        ]
        hint = diagnose(
            value, float(expected), mistakes, f"expected {float(expected):,.2f}, got {value:,.2f}"
        )
        if hint:
            raise NotYet(f"rival_worth is not right for learner {s.learner}: {hint}.")
    passed("rival_worth measures what the rival buyer adds to your power.")


def _powerless(s):
    bz = banzhaf_index(s.quota, s.weights)
    return {name for name, share in zip(s.names, bz, strict=True) if share == 0}


@question
def powerless_members(answer, hidden=False):
    """Check a function that names the members with votes but no voting power."""
    for s in _scenarios(hidden):
        result = call_learner(answer, s)
        if isinstance(result, str) or not isinstance(result, set | frozenset | list | tuple):
            raise NotYet(f"powerless_members should return a set of names, got {result!r}")
        result = set(result)
        strangers = result - set(s.names)
        if strangers:
            raise NotYet(
                f"{', '.join(sorted(map(repr, strangers)))} is not a member; the members are "
                f"{', '.join(s.names)}"
            )
        expected = _powerless(s)
        if result == expected:
            continue
        smallest = min(s.weights)
        by_size = {n for n, w in s.members if w == smallest}
        extra, missing = sorted(result - expected), sorted(expected - result)
        if result == by_size and by_size != expected:
            hint = "power is not proportional to votes: the smallest member is not always powerless"
        elif extra:
            hint = (
                f"{extra[0]} can swing a decision: some coalition without {extra[0]} falls short "
                f"of {s.quota} and reaches it when {extra[0]} joins"
            )
        else:
            hint = (
                f"{missing[0]} never swings a decision: no losing coalition reaches "
                f"{s.quota} when {missing[0]} joins"
            )
        raise NotYet(f"powerless_members is not right for learner {s.learner}: {hint}.")
    passed("powerless_members finds the members whose votes never decide anything.")


def _votes_needed(s):
    others = s.weights[:-1]
    votes = 1
    while banzhaf_index(s.quota, [*others, votes])[-1] == 0:
        votes += 1
    return votes


@question
def votes_needed(answer, hidden=False):
    """Check a function that returns the fewest votes Kestrel needs to have any power."""
    for s in _scenarios(hidden):
        result = call_learner(answer, s)
        if isinstance(result, bool) or not isinstance(result, int):
            raise NotYet(f"votes_needed should return a whole number of votes, got {result!r}")
        expected = _votes_needed(s)
        if result == expected:
            continue
        if result > expected:
            hint = (
                f"with {expected} votes Kestrel can already swing a decision; look for the "
                "smallest number that gives it any power"
            )
        else:
            hint = (
                f"with {result} votes Kestrel still never decides anything: no coalition of "
                f"the others has between {s.quota - result} and {s.quota - 1} votes"
            )
        raise NotYet(f"votes_needed is not right for learner {s.learner}: {hint}.")
    passed("votes_needed finds how many votes it takes to matter.")


def _deal(s):
    yours = 1 - rubinstein_share(s.delta_them, s.delta_you)
    return max(s.outside_offer, s.contract_value * yours)


@question
def granite_deal(answer, hidden=False):
    """Check a function that returns what Kestrel gets from Granite in equilibrium."""
    for s in _scenarios(hidden):
        value = amount(call_learner(answer, s), "granite_deal's result")
        pie, b = s.contract_value, s.outside_offer
        responder = 1 - rubinstein_share(s.delta_them, s.delta_you)
        expected = max(b, pie * responder)
        at_table = pie * responder
        mistakes = [
            (
                pie * rubinstein_share(s.delta_them, s.delta_you),
                "that is Granite's share: Granite proposes first, Kestrel gets the rest",
            ),
            (
                max(b, pie * rubinstein_share(s.delta_you, s.delta_them)),
                "that would be Kestrel's share if Kestrel proposed first; here Granite does",
            ),
            (
                max(b, pie * (1 - rubinstein_share(s.delta_you, s.delta_them))),
                "the discount factors are swapped: Kestrel's is delta_you",
            ),
            (
                b + (pie - b) / 2,
                "that is splitting the difference above Harrow's offer; an outside option "
                "sets a floor and adds nothing above it (deal-me-out)",
            ),
            (
                responder,
                "that is Kestrel's share as a fraction; give it in money (times the contract's margin)",
            ),
        ]
        if b > at_table:
            mistakes.append(
                (at_table, "Harrow's offer is worth more than that: Granite must match it")
            )
        else:
            mistakes.append(
                (
                    b,
                    "Harrow's offer is below what Kestrel gets at the table anyway, so it "
                    "changes nothing",
                )
            )
            mistakes.append(
                (at_table + b, "an outside option is a floor, not a bonus on top of the deal")
            )
        hint = diagnose(value, expected, mistakes, f"expected {expected:,.2f}, got {value:,.2f}")
        if hint:
            raise NotYet(f"granite_deal is not right for learner {s.learner}: {hint}.")
    passed("granite_deal combines patience and Harrow's offer the way the theory does.")
