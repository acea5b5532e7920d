"""Checks for module 05 (capstone): the preparation, each check naming the mistake it
recognises. Hidden checks also try other learners' cases and edge cases built from the
learner's own, so an answer typed in from one case fails."""

import dataclasses
import itertools

from course.checks.calls import question
from course.checks.hints import (
    NotYet,
    call_learner,
    diagnose,
    general_hint,
    money,
    passed,
    same_money,
)
from course.models.batna import best_alternative, expected_value
from course.models.concessions import all_packages, package_points
from course.scenarios.capstone import (
    HOLDERS,
    SOURCES,
    alternatives_of,
    expected_walkaway,
    quell_posterior,
    reservation_of,
)
from course.variants import rng_for, variant

MODULE = "05_capstone"

#: Other learners' cases the hidden tests also try, so hard-coded answers fail.
HIDDEN_LEARNERS = tuple(f"hidden-{n}" for n in range(1, 6))

#: How much one side's measure must beat the other's before the power map gives it the source.
MARGIN = 0.05


def _cases(hidden, edges=()):
    """The learner's own case; with ``hidden``, other learners' too and ``edges``: changes
    (dicts of field to value) applied to the learner's own case."""
    own = variant(MODULE)
    if not hidden:
        return [own]
    others = [variant(MODULE, learner) for learner in HIDDEN_LEARNERS]
    return [own, *others, *(dataclasses.replace(own, **change) for change in edges)]


# --- 1. BATNA ---------------------------------------------------------------------------


def batna_of(case):
    """The course's answer to question 1: the best alternative and its expected profit."""
    return best_alternative(alternatives_of(case))


@question
def my_batna(answer, hidden=False):
    """Check a function that returns Tallis's BATNA as (name, expected profit)."""
    edges = [{"kessel_full": 400.0}, {"brenn_profit": 400.0}]  # one clear winner each way
    for case in _cases(hidden, edges):
        result = call_learner(answer, case)
        if not isinstance(result, tuple) or len(result) != 2:
            raise NotYet(f"my_batna should return a (name, profit) pair, got {result!r}")
        name, value = result[0], money(result[1], "the BATNA's expected profit")
        trees = alternatives_of(case)
        if name not in trees:
            raise NotYet(f"{name!r} is not one of your alternatives: {', '.join(trees)}")
        best, worth = batna_of(case)
        if name != best:
            raise NotYet(
                f"for learner {case.learner}, {name} is worth {expected_value(trees[name]):,.2f} on average "
                f"and {best} {worth:,.2f}: your BATNA is the alternative with the higher "
                "expected profit, whichever has the best single outcome.",
                general="your BATNA is the alternative with the higher expected profit, "
                "whichever has the best single outcome",
            )
        mistakes = [
            (
                case.pilot_chance * (case.kessel_full + case.kessel_half) / 2,
                "without the pilot you still sell on the spot market: add that branch",
            ),
            (
                case.brenn_chance * case.brenn_profit,
                "if Brenn says no you still sell on the spot market: add that branch",
            ),
            (
                case.pilot_chance * case.kessel_full + (1 - case.pilot_chance) * case.spot_profit,
                "after the pilot Kessel orders the full or the half volume, each with chance 0.5",
            ),
        ]
        hint = diagnose(value, worth, mistakes, f"{name} is worth {worth:,.2f}, not {value:,.2f}")
        if hint:
            raise NotYet(
                f"my_batna is not right for learner {case.learner}: {hint}.",
                general=general_hint(hint, mistakes),
            )
    passed("my_batna picks the alternative with the higher expected profit.")


# --- 2. Reservation value ---------------------------------------------------------------


@question
def my_reservation(answer, hidden=False):
    """Check a function that returns the least profit worth taking from Marlow."""
    for case in _cases(hidden, [{"audit_cost": 0.0}]):
        value = money(call_learner(answer, case), "my_reservation's result")
        batna = batna_of(case)[1]
        expected = batna + case.audit_cost
        mistakes = [
            (batna, "that is your BATNA, but Marlow's audit and tooling cost you more on top"),
            (
                batna - case.audit_cost,
                "the audit makes Marlow's deal cost more, so you need more profit, not less",
            ),
            (
                max(max(_leaves(tree)) for tree in alternatives_of(case).values())
                + case.audit_cost,
                "that is your best single outcome; use your BATNA's expected profit",
            ),
        ]
        hint = diagnose(value, expected, mistakes, f"expected {expected:,.2f}, got {value:,.2f}")
        if hint:
            raise NotYet(
                f"my_reservation is not right for learner {case.learner}: {hint}.",
                general=general_hint(hint, mistakes),
            )
    passed("my_reservation is your BATNA's expected profit plus what Marlow's deal costs you.")


def _leaves(tree):
    if isinstance(tree, list | tuple):
        return [leaf for _, subtree in tree for leaf in _leaves(subtree)]
    return [tree]


# --- 3. What you know about Marlow ------------------------------------------------------


@question
def marlow_walkaway(answer, hidden=False):
    """Check a function that returns (chance Quell has capacity, Marlow's expected walk-away)
    after the rush request."""
    edges = [{"rush_if_quell": 0.5, "rush_if_not": 0.5}, {"quell_prior": 0.0}]
    for case in _cases(hidden, edges):
        result = call_learner(answer, case)
        if not isinstance(result, tuple) or len(result) != 2:
            raise NotYet(
                f"marlow_walkaway should return a (chance, walk-away) pair, got {result!r}"
            )
        chance = money(result[0], "the chance that Quell has capacity")
        walkaway = money(result[1], "Marlow's expected walk-away")
        expected = quell_posterior(case)
        prior, yes, no = case.quell_prior, case.rush_if_quell, case.rush_if_not
        mistakes = [
            (prior, "that is the chance before the rush request; update it with Bayes' rule"),
            (
                prior * no / (prior * no + (1 - prior) * yes),
                "the likelihoods are swapped: a rush is likelier when Quell has no capacity",
            ),
            (prior * yes, "divide by the total chance of a rush request (both cases)"),
        ]
        hint = diagnose(chance, expected, mistakes, f"expected {expected:.4f}, got {chance:.4f}")
        if hint:
            raise NotYet(
                f"the chance in marlow_walkaway is not right for learner {case.learner}: {hint}.",
                general=general_hint(hint, mistakes),
            )
        expected = expected_walkaway(case)
        mistakes = [
            (
                prior * case.walkaway_if_quell + (1 - prior) * case.walkaway_if_not,
                "weigh the two walk-aways by the updated chance, not the prior",
            ),
            (
                chance * case.walkaway_if_not + (1 - chance) * case.walkaway_if_quell,
                "the walk-aways are swapped: Marlow needs more when Quell can supply it",
            ),
        ]
        hint = diagnose(
            walkaway, expected, mistakes, f"expected {expected:.2f}, got {walkaway:.2f}"
        )
        if hint:
            raise NotYet(
                f"the walk-away in marlow_walkaway is not right for learner {case.learner}: {hint}.",
                general=general_hint(hint, mistakes),
            )
    passed("marlow_walkaway updates on the rush request and weighs both walk-aways.")


# --- 4. Power map -----------------------------------------------------------------------


def _holder(yours, theirs, margin):
    if yours > theirs + margin:
        return "you"
    if theirs > yours + margin:
        return "Marlow"
    return "even"


def power_of(case):
    """The course's answer to question 4: who holds each source, and the overall edge."""
    your_best = sum(max(levels.values()) for levels in case.yours.values())
    their_best = sum(max(levels.values()) for levels in case.theirs.values())
    held = {
        "alternatives": _holder(
            reservation_of(case) / your_best, expected_walkaway(case) / their_best, MARGIN
        ),
        "dependence": _holder(case.their_supply_share, case.your_sales_share, MARGIN),
        "time": _holder(case.your_weeks, case.their_weeks, 0),
    }
    yours = sum(1 for side in held.values() if side == "you")
    theirs = sum(1 for side in held.values() if side == "Marlow")
    held["edge"] = _holder(yours, theirs, 0)
    return held


POWER_HINTS = {
    "alternatives": "compare your walk-away as a share of your best profit with Marlow's "
    "expected walk-away as a share of its best points: the higher share is the better "
    "alternative",
    "dependence": "the side that depends more on the deal is weaker: compare the share of "
    "Marlow's sensors you supply with the share of your sales Marlow is",
    "time": "the side with more weeks before it must decide can wait; equal weeks are even",
    "edge": "the edge goes to the side holding more of the three sources; a tie is even",
}


@question
def power_map(answer, hidden=False):
    """Check a function that maps each source of leverage to who holds it."""
    edges = [
        {"your_weeks": 6, "their_weeks": 6, "their_supply_share": 0.5, "your_sales_share": 0.5},
        {"walkaway_if_quell": 92.0, "walkaway_if_not": 90.0, "your_weeks": 3, "their_weeks": 9},
        {"their_supply_share": 0.9, "your_sales_share": 0.1, "your_weeks": 9, "their_weeks": 3},
    ]
    for case in _cases(hidden, edges):
        result = call_learner(answer, case)
        keys = (*SOURCES, "edge")
        if not isinstance(result, dict) or sorted(result) != sorted(keys):
            raise NotYet(
                f"power_map should return a dict with the keys {', '.join(keys)}, got {result!r}"
            )
        expected = power_of(case)
        for key in keys:
            if result[key] not in HOLDERS:
                raise NotYet(
                    f"say who holds {key} with one of {', '.join(map(repr, HOLDERS))}, got {result[key]!r}"
                )
            if result[key] != expected[key]:
                raise NotYet(
                    f"for learner {case.learner}, {key} is held by {expected[key]!r}, not "
                    f"{result[key]!r}: {POWER_HINTS[key]}.",
                    general=f"it gets who holds {key} wrong: {POWER_HINTS[key]}",
                )
    passed("power_map reads who holds each source of leverage, and who has the edge.")


# --- 5. Opening offer -------------------------------------------------------------------


def _show(package):
    return "{" + ", ".join(f"{issue}: {level}" for issue, level in package.items()) + "}"


def _package(case, result, name):
    """The learner's package, or a hint that it is not one of this contract's."""
    if not isinstance(result, dict):
        raise NotYet(f"{name} should return a package, a dict of issue to level, got {result!r}")
    try:
        package_points(result, case.yours)
    except (TypeError, ValueError) as error:
        raise NotYet(f"{result!r} is not a package of this contract: {error}") from None
    return result


def opening_of(case):
    """The course's answer to question 5: your best package among those that give Marlow
    at least its expected walk-away (more for Marlow breaks a tie)."""
    needed = expected_walkaway(case)
    grounded = [
        (you, them, p) for p, you, them in all_packages(case.yours, case.theirs) if them >= needed
    ]
    return max(grounded, key=lambda found: found[:2])[2]


@question
def opening_offer(answer, hidden=False):
    """Check a function that returns an ambitious opening Marlow could still accept."""
    edges = [{"walkaway_if_quell": 99.0, "walkaway_if_not": 98.0}]  # only Marlow's best will do
    for case in _cases(hidden, edges):
        result = _package(case, call_learner(answer, case), "opening_offer")
        expected = opening_of(case)
        you, them = package_points(result, case.yours), package_points(result, case.theirs)
        best_you, best_them = (
            package_points(expected, case.yours),
            package_points(expected, case.theirs),
        )
        if (you, them) == (best_you, best_them):
            continue
        needed = expected_walkaway(case)
        if them < needed:
            hint = (
                f"it gives Marlow {them:g} points, below the {needed:.2f} you expect it needs: "
                "an opening it must refuse out of hand is not grounded"
            )
            general = "it gives Marlow less than the walk-away you expect it needs"
            if (
                them
                >= case.quell_prior * case.walkaway_if_quell
                + (1 - case.quell_prior) * case.walkaway_if_not
            ):
                hint += " (use the walk-away you expect after the rush request, not before it)"
                general += " after the rush request"
        elif you < best_you:
            hint = (
                f"it gives you {you:g}, but {_show(expected)} gives you {best_you:g} and still "
                f"{best_them:g} to Marlow: open as high as Marlow could still accept"
            )
            general = "it is not as ambitious as it could be: open as high as Marlow could accept"
        else:
            hint = f"{_show(expected)} gives you as much and Marlow more ({best_them:g}): prefer it"
            general = "another opening gives you as much and Marlow more: prefer it"
        raise NotYet(
            f"opening_offer is not right for learner {case.learner}: {hint}.", general=general
        )
    passed("opening_offer is ambitious for you and still above what Marlow needs.")


# --- 6. Concession plan -----------------------------------------------------------------


def single_trades(case, current):
    """Every trade from ``current`` that gives one level to Marlow on one issue and takes
    one level back on another, as the package it leads to."""
    issues = case.issues
    found = []
    for give, get in itertools.permutations(issues, 2):
        at_give, at_get = issues[give].index(current[give]), issues[get].index(current[get])
        if at_give + 1 < len(issues[give]) and at_get > 0:
            found.append({**current, give: issues[give][at_give + 1], get: issues[get][at_get - 1]})
    return found


def trade_rank(case, current, package):
    """How good a trade from ``current`` to ``package`` is: one that costs you nothing
    ranks first, by Marlow's gain (then your profit); a real concession ranks by
    Marlow's gain per unit of profit you give up (then the smaller loss)."""
    mine, you = package_points(current, case.yours), package_points(package, case.yours)
    gain = package_points(package, case.theirs) - package_points(current, case.theirs)
    loss = mine - you
    return (1, gain, you) if loss <= 0 else (0, gain / loss, -loss)


def best_trade(case, current):
    """The course's answer to question 6: the best trade that raises Marlow's points and
    keeps your profit at or above your walk-away, or ``None`` when there is none."""
    floor = reservation_of(case)
    allowed = [
        p
        for p in single_trades(case, current)
        if package_points(p, case.theirs) > package_points(current, case.theirs)
        and package_points(p, case.yours) >= floor
    ]
    return max(allowed, key=lambda p: trade_rank(case, current, p), default=None)


def _starts(case, hidden):
    """Packages to trade from: your opening (on the frontier: every trade costs you), the
    middle package and one from the middle of the table (free trades exist), and your
    ideal (nothing can come back); hidden, also Marlow's ideal, a package just above your
    walk-away and a few drawn at random."""
    issues = case.issues
    ideal = {issue: levels[0] for issue, levels in issues.items()}
    middle = {issue: levels[1] for issue, levels in issues.items()}
    starts = [opening_of(case), middle, {**middle, "price": issues["price"][2]}, ideal]
    if hidden:
        rng = rng_for(f"{MODULE}:trades", case.learner)
        packages = all_packages(case.yours, case.theirs)
        floor = reservation_of(case)
        starts.append({issue: levels[-1] for issue, levels in issues.items()})
        starts.append(
            min(
                (p for p, you, _ in packages if you >= floor),
                key=lambda p: package_points(p, case.yours),
            )
        )
        starts += [packages[int(rng.random() * len(packages))][0] for _ in range(6)]
    return starts


def _same_rank(a, b):
    return a[0] == b[0] and all(same_money(x, y) for x, y in zip(a[1:], b[1:], strict=True))


@question
def next_trade(answer, hidden=False):
    """Check a function that returns the best next trade from a package, or None."""
    for case in _cases(hidden):
        floor = reservation_of(case)
        for current in _starts(case, hidden):
            where = f"next_trade(case, {_show(current)}) for learner {case.learner}"
            result = call_learner(answer, case, dict(current))
            expected = best_trade(case, current)
            if expected is None:
                if result is not None:
                    raise NotYet(
                        f"{where} gave {result!r}, but no single trade raises Marlow's points "
                        "without taking you below your walk-away: return None.",
                        general="it trades where no single trade helps Marlow without taking "
                        "you below your walk-away: return None",
                    )
                continue
            if result is None:
                raise NotYet(
                    f"{where} gave None, but {_show(expected)} is a trade you can make.",
                    general="it gives None where a trade is possible",
                )
            result = _package(case, result, "next_trade")
            if result not in single_trades(case, current):
                raise NotYet(
                    f"{where} gave {_show(result)}: a trade moves exactly one issue one level "
                    "towards Marlow and one other issue one level towards you.",
                    general="a trade moves exactly one issue one level towards Marlow and one "
                    "other issue one level towards you",
                )
            rank, best = trade_rank(case, current, result), trade_rank(case, current, expected)
            if package_points(result, case.theirs) <= package_points(current, case.theirs):
                hint = general = "it gives Marlow nothing: a trade must be worth something to them"
            elif package_points(result, case.yours) < floor:
                hint = f"it takes your profit below your walk-away {floor:g}"
                general = "it takes your profit below your walk-away"
            elif _same_rank(rank, best):
                continue
            elif best[0] > rank[0]:
                hint = f"{_show(expected)} costs you nothing and still helps Marlow: trade for free first"
                general = (
                    "another trade costs you nothing and still helps Marlow: trade for free first"
                )
            elif best[0] == 1:
                general = (
                    "another trade that costs you nothing helps Marlow more or leaves you more"
                )
                hint = (
                    f"{_show(expected)} also costs you nothing and gives Marlow {best[1]:g}, "
                    f"not {rank[1]:g}"
                    if not same_money(best[1], rank[1])
                    else f"{_show(expected)} helps Marlow as much and leaves you {best[2]:g}"
                )
            elif not same_money(best[1], rank[1]):
                general = "concede where it is cheap for you and dear to them"
                hint = (
                    f"{_show(expected)} gives Marlow {best[1]:.3g} points per unit of profit "
                    f"you give up, yours only {rank[1]:.3g}: concede where it is cheap for you "
                    "and dear to them"
                )
            else:
                hint = f"{_show(expected)} gives Marlow as much per unit and costs you less"
                general = "another trade gives Marlow as much per unit and costs you less"
            raise NotYet(f"{where}: {hint}.", general=general)
    passed("next_trade trades for free first, then concedes where it is cheapest for you.")
