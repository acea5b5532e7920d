"""Checks for module 02 (BATNA): each names the mistake it recognises."""

from course.checks.calls import question
from course.checks.credit import Check, score
from course.checks.hints import (
    NotYet,
    call_learner,
    diagnose,
    general_hint,
    money,
    passed,
    same_money,
)
from course.models.batna import best_alternative, expected_value, nash_split, zopa
from course.scenarios.batna import alternatives_of
from course.variants import rng_for, variant

MODULE = "02_batna"

#: Other learners' scenarios the hidden tests also try, so hard-coded numbers fail.
HIDDEN_LEARNERS = tuple(f"hidden-{n}" for n in range(1, 6))


def _scenarios(hidden):
    """The learner's own scenario, plus other learners' when grading hidden cases."""
    own = variant(MODULE)
    return [own] + ([variant(MODULE, learner) for learner in HIDDEN_LEARNERS] if hidden else [])


def _batna(offers):
    return best_alternative(alternatives_of(offers))


def _reservation(offers):
    return _batna(offers)[1] + offers.moving_cost


@question
def startup_tree(answer, hidden=False):
    """Check a function that turns Lumen's offer into a tree whose EV is the offer's worth."""
    for offers in _scenarios(hidden):
        tree = call_learner(answer, offers)
        try:
            value = expected_value(tree)
        except (TypeError, ValueError) as error:
            raise NotYet(
                f"that is not a tree yet: {error}\n"
                "A tree is a list of (probability, amount) pairs, e.g. [(0.4, 110_000), "
                "(0.6, 60_000)].",
                general="what it returns is not a tree of (probability, amount) pairs",
            ) from None
        base, bonus, p = offers.startup_base, offers.startup_bonus, offers.funding_probability
        expected = base + p * bonus
        mistakes = [
            (base, "your tree leaves out the bonus: with the funding chance you get base + bonus"),
            (
                base + bonus,
                "your tree counts the bonus as certain; it comes only if the funding closes",
            ),
            (
                base + (1 - p) * bonus,
                f"the bonus comes with the funding chance {p:g}, not with 1 - {p:g}",
                "the bonus comes with the funding chance, not with one minus it",
            ),
            (p * bonus, "the base salary is paid in both branches; add it to each leaf"),
        ]
        otherwise = (
            f"its expected value is {value:,.2f}, but Lumen's offer is worth {expected:,.2f}"
        )
        hint = diagnose(value, expected, mistakes, otherwise)
        if hint:
            raise NotYet(
                f"startup_tree is not right for learner {offers.learner}: {hint}.",
                general=general_hint(hint, mistakes),
            )
    passed("startup_tree gives the expected value of Lumen's offer.")


@question
def choose_batna(answer, hidden=False):
    """Check a function that returns the BATNA as (name, expected value)."""
    for offers in _scenarios(hidden):
        result = call_learner(answer, offers)
        if not isinstance(result, tuple) or len(result) != 2:
            raise NotYet(f"choose_batna should return a (name, value) pair, got {result!r}")
        name, value = result[0], money(result[1], "the BATNA's value")
        alternatives = alternatives_of(offers)
        if name not in alternatives:
            raise NotYet(f"{name!r} is not one of your alternatives: {', '.join(alternatives)}")
        best_name, best_value = _batna(offers)
        worth = {n: expected_value(tree) for n, tree in alternatives.items()}
        if name != best_name:
            best_case = max(alternatives, key=lambda n: _best_leaf(alternatives[n]))
            hint = (
                f"{name} is worth {worth[name]:,.2f} on average but {best_name} is worth "
                f"{best_value:,.2f}"
            )
            general = "it does not pick the alternative with the highest expected value"
            if name == best_case:
                hint += "; compare expected values, not best cases"
                general = "it picks the alternative with the best case; compare expected values"
            raise NotYet(
                f"not the best alternative for learner {offers.learner}: {hint}.", general=general
            )
        if not same_money(value, best_value):
            raise NotYet(
                f"{name} is the right choice, but it is worth {best_value:,.2f} on average, "
                f"not {value:,.2f}: weigh every outcome by its probability.",
                general="it picks the right alternative, but not its expected value: weigh "
                "every outcome by its probability",
            )
    passed("choose_batna picks the alternative with the highest expected value.")


def _best_leaf(tree):
    if isinstance(tree, list | tuple):
        return max(_best_leaf(subtree) for _, subtree in tree)
    return tree


@question
def reservation_salary(answer, hidden=False):
    """Check a function that returns the lowest Northwind salary worth accepting."""
    for offers in _scenarios(hidden):
        value = money(call_learner(answer, offers), "reservation_salary's result")
        batna = _batna(offers)[1]
        expected = batna + offers.moving_cost
        mistakes = [
            (batna, "that is your BATNA, but Northwind also costs you the extra commute"),
            (
                batna - offers.moving_cost,
                "the commute makes Northwind worth less to you, so you need more, not less",
            ),
        ]
        hint = diagnose(value, expected, mistakes, f"expected {expected:,.2f}, got {value:,.2f}")
        if hint:
            raise NotYet(
                f"reservation_salary is not right for learner {offers.learner}: {hint}.",
                general=general_hint(hint, mistakes),
            )
    passed("reservation_salary is your BATNA plus what the Northwind job costs you.")


@question
def northwind_zopa(answer, hidden=False):
    """Check a function that returns the ZOPA with Northwind, or None when there is none."""
    for offers in _scenarios(hidden):
        result = call_learner(answer, offers)
        reservation, budget = _reservation(offers), offers.northwind_budget
        expected = zopa(reservation, budget)
        if expected is None:
            if result is not None:
                raise NotYet(
                    f"for learner {offers.learner} Northwind can pay at most {budget:,.0f}, "
                    f"below your reservation {reservation:,.2f}: there is no zone, return None.",
                    general="it gives a zone where the budget is below your reservation "
                    "salary: there is none, return None",
                )
            continue
        if result is None:
            raise NotYet(
                f"for learner {offers.learner} there is a zone: Northwind's budget {budget:,.0f} "
                f"is above your reservation {reservation:,.2f}.",
                general="it returns None where the budget is above your reservation salary",
            )
        if not isinstance(result, tuple) or len(result) != 2:
            raise NotYet(f"northwind_zopa should return a (low, high) pair or None, got {result!r}")
        low, high = money(result[0], "the low end"), money(result[1], "the high end")
        if same_money(low, expected[0]) and same_money(high, expected[1]):
            continue  # checked first: a zone of a single price would otherwise look swapped
        if same_money(low, expected[1]) and same_money(high, expected[0]):
            swapped = "the ends are swapped: the zone runs from your reservation up to the budget"
            raise NotYet(f"{swapped}.", general=swapped)
        raise NotYet(
            f"for learner {offers.learner} the zone is ({expected[0]:,.2f}, "
            f"{expected[1]:,.2f}), not ({low:,.2f}, {high:,.2f})."
        )
    passed("northwind_zopa finds the zone, and says when there is none.")


def _batna_needed_cases(hidden):
    """(target, pie, their BATNA) cases: three the learner sees (one out of reach), more
    when grading."""
    cases = [(50, 100, 40), (60, 100, 20), (90, 100, 20)]
    if hidden:
        rng = rng_for(f"{MODULE}:batna_needed", variant(MODULE).learner)
        pies = [round(rng.uniform(50, 500), 1) for _ in range(6)]
        cases += [
            (round(rng.uniform(0, pie), 1), pie, round(rng.uniform(0, pie / 2), 1)) for pie in pies
        ]
        cases += [(95, 100, 20), (80, 100, 20), (10, 100, 0)]  # unreachable, boundary, weak BATNA
    return cases


def _reachable(target, pie, theirs):
    return target <= pie - theirs


def _batna_needed_reachable(answer, cases):
    for target, pie, theirs in cases:
        expected = 2 * target - pie + theirs
        value = money(
            call_learner(answer, target, pie, theirs), f"batna_needed({target}, {pie}, {theirs})"
        )
        if same_money(value, expected):
            split = nash_split(pie, value, theirs)
            assert split is not None and same_money(split[0], target), "reference answer is wrong"
            continue
        if same_money(value, target - (pie - theirs) / 2):
            hint = general = (
                "each unit of BATNA moves your share by only half a unit, so you need twice that"
            )
        else:
            hint, general = f"with a BATNA of {value:g} your Nash share would not be {target}", None
        raise NotYet(
            f"batna_needed({target}, {pie}, {theirs}) gave {value:g}: {hint}.", general=general
        )
    return "batna_needed inverts the Nash split."


def _batna_needed_out_of_reach(answer, cases):
    for target, pie, theirs in cases:
        if call_learner(answer, target, pie, theirs) is not None:
            raise NotYet(
                f"batna_needed({target}, {pie}, {theirs}): the other side needs at least "
                f"{theirs} of {pie}, so a share of {target} is out of reach; return None.",
                general="when the other side's BATNA leaves less of the pie than the target, "
                "the target is out of reach; return None",
            )
    return "batna_needed says None when no BATNA can reach the target."


@question
def batna_needed(answer, hidden=False):
    """Check a function that returns the BATNA giving a target Nash share, or None.

    Two independent checks, a point each: targets within reach, and targets out of reach.
    """
    cases = _batna_needed_cases(hidden)
    reachable = [case for case in cases if _reachable(*case)]
    out_of_reach = [case for case in cases if not _reachable(*case)]
    return score(
        Check("targets within reach", 1, lambda: _batna_needed_reachable(answer, reachable)),
        Check("targets out of reach", 1, lambda: _batna_needed_out_of_reach(answer, out_of_reach)),
    )
