"""Checks for module 02 (BATNA): each names the mistake it recognises, and every hint is
true of the answer it is shown for.

Each question is checked on its own: a question that builds on an earlier answer gets the
right earlier value as an argument (questions 4 and 5), or its hint names the earlier
question when the mistake comes from there (question 3). Besides the learner's own
scenario, a visible check also tries a fixed example of every kind of case the question
has (a zone and no zone), so a learner whose own case is of one kind still meets the
other. ``judge_*`` decide one case; the sweep tests call them for thousands of learners.
"""

import functools
import math

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
from course.models.batna import expected_value, flatten, nash_split, outside_option_split
from course.scenarios.batna import (
    LABELS,
    REMOTE_DAYS,
    alternatives_of,
    batna_value,
    even_split,
    no_deal_case,
    northwind_limit,
    reservation_of,
    right_response,
    statements_of,
)
from course.variants import learner_id, rng_for, variant

MODULE = "02_batna"

#: Other learners' scenarios the hidden tests also try, so hard-coded numbers fail.
HIDDEN_LEARNERS = tuple(f"hidden-{n}" for n in range(1, 6))

#: The responses of question 5, in the order the notebook gives them.
RESPONSES = ("accept", "counter", "walk away")


@functools.lru_cache(maxsize=256)
def _drawn(learner):
    return variant(MODULE, learner)


def _scenarios(hidden):
    """The learner's own scenario, plus other learners' when grading hidden cases."""
    own = _drawn(learner_id())
    return [own] + ([_drawn(learner) for learner in HIDDEN_LEARNERS] if hidden else [])


def _has_zone(offers):
    return northwind_limit(offers) >= reservation_of(offers)


@functools.lru_cache(maxsize=8)
def _example(zone, prefix="example"):
    """The first of the learners ``prefix-1``, ``prefix-2``, ... whose case has a zone on
    salary alone (``zone=True``) or only with remote days (``zone=False``)."""
    n = 1
    while _has_zone(_drawn(f"{prefix}-{n}")) != zone:
        n += 1
    return _drawn(f"{prefix}-{n}")


def _both_kinds(hidden):
    """The learner's own case and an example of the other kind; when grading, also two
    hidden learners of each kind."""
    own = _drawn(learner_id())
    cases = [own, _example(not _has_zone(own))]
    if hidden:
        cases += [_example(zone, f"hidden-{kind}") for zone in (True, False) for kind in "ab"]
    return cases


def _word(value, choices, what):
    """The learner's choice among ``choices`` (any case, spaces or underscores), or a hint."""
    if isinstance(value, str):
        said = " ".join(value.strip().lower().replace("_", " ").split())
        if said in choices:
            return said
    listed = ", ".join(repr(choice) for choice in choices)
    raise NotYet(
        f"{what} should be one of {listed}, got {value!r}",
        general=f"it should return one of {listed}",
    )


# --- question 1: Lumen's offer as a tree ------------------------------------------------------


def judge_startup_tree(offers, tree):
    """Question 1 on ``tree``: nothing when it is Lumen's offer (base + bonus with the
    funding chance, base alone otherwise; in any order, or any tree with those outcomes),
    else the ``NotYet`` hint. The hint is read off the tree's outcomes, so it is true of it."""
    try:
        chances = _chances(flatten(tree))
    except (TypeError, ValueError) as error:
        raise NotYet(
            f"that is not a tree yet: {error}\n"
            "A tree is a list of (probability, amount) pairs, e.g. [(0.4, 110_000), "
            "(0.6, 60_000)].",
            general="what it returns is not a tree of (probability, amount) pairs",
        ) from None
    base, bonus, p = offers.startup_base, offers.startup_bonus, offers.funding_probability
    funded = base + bonus
    if _same_chances(chances, {funded: p, base: 1 - p}):
        return
    known = [
        (
            {base: 1.0},
            "your tree leaves out the bonus: with the funding chance you get base + bonus",
        ),
        (
            {funded: 1.0},
            "your tree counts the bonus as certain; it comes only if the funding closes",
        ),
        (
            {funded: 1 - p, base: p},
            f"the bonus comes with the funding chance {p:g}, not with 1 - {p:g}",
            "the bonus comes with the funding chance, not with one minus it",
        ),
        ({bonus: p, 0.0: 1 - p}, "the base salary is paid in both branches; add it to each leaf"),
    ]
    hint, general = next(
        (
            (hint, words[0] if words else hint)
            for table, hint, *words in known
            if _same_chances(chances, table)
        ),
        (None, None),
    )
    if (
        hint is None
        and len(chances) == 1
        and same_money(sum(a * c for a, c in chances.items()), base + p * bonus)
    ):
        hint = general = (
            "the expected value is right, but your tree has a single outcome; Lumen's offer "
            "has two: the salary with the bonus and the salary without it"
        )
    if hint is None:
        shown = ", ".join(
            f"{amount:,.0f} with chance {chance:.4g}" for amount, chance in chances.items()
        )
        hint = (
            f"its outcomes are {shown}, but Lumen's offer is {funded:,.0f} with chance {p:g} "
            f"and {base:,.0f} otherwise"
        )
        general = "its outcomes are not base + bonus with the funding chance and base otherwise"
    raise NotYet(
        f"startup_tree is not right for learner {offers.learner}: {hint}.", general=general
    )


def _chances(leaves):
    """Leaves as {amount: total probability}, amounts within a cent taken as one, outcomes
    of probability 0 left out."""
    chances = {}
    for chance, amount in leaves:
        key = next((known for known in chances if same_money(known, amount)), amount)
        chances[key] = chances.get(key, 0.0) + chance
    return {amount: chance for amount, chance in chances.items() if chance > 1e-12}


def _same_chances(chances, expected):
    """Whether ``chances`` puts the probabilities of ``expected`` on its amounts, and no more."""
    return len(chances) == len(expected) and all(
        any(
            same_money(amount, want) and math.isclose(chance, p, abs_tol=1e-9)
            for amount, chance in chances.items()
        )
        for want, p in expected.items()
    )


@question
def startup_tree(answer, hidden=False):
    """Check a function that turns Lumen's offer into a tree of its two outcomes."""
    for offers in _scenarios(hidden):
        judge_startup_tree(offers, call_learner(answer, offers))
    passed("startup_tree gives Lumen's two outcomes with their chances.")


# --- question 2: the BATNA --------------------------------------------------------------------


def judge_choose_batna(offers, result):
    """Question 2 on ``result``: nothing when it names an alternative of the highest expected
    value (any of them, were two tied) with that value, else the ``NotYet`` hint."""
    if not isinstance(result, tuple) or len(result) != 2:
        raise NotYet(
            f"choose_batna should return a (name, value) pair, got {result!r}",
            general="it should return a (name, value) pair",
        )
    name, value = result[0], money(result[1], "the BATNA's value")
    alternatives = alternatives_of(offers)
    if name not in alternatives:
        raise NotYet(
            f"{name!r} is not one of your alternatives: {', '.join(alternatives)}",
            general=f"the name should be one of {', '.join(alternatives)}",
        )
    worth = {n: expected_value(tree) for n, tree in alternatives.items()}
    best_value = max(worth.values())
    if not same_money(worth[name], best_value):
        best_name = max(worth, key=worth.get)
        best_case = max(alternatives, key=lambda n: max(a for _, a in flatten(alternatives[n])))
        hint = (
            f"{name} is worth {worth[name]:,.2f} on average but {best_name} is worth "
            f"{best_value:,.2f}"
        )
        general = "it does not pick the alternative with the highest expected value"
        if name == best_case:
            hint += "; compare expected values, not best cases"
            general = "it picks the alternative with the best case; compare expected values"
        if "Lumen" in (name, best_name):
            hint += f"; {_FROM_QUESTION_1}"
            general += f"; {_FROM_QUESTION_1}"
        raise NotYet(
            f"not the best alternative for learner {offers.learner}: {hint}.", general=general
        )
    if not same_money(value, best_value):
        raise NotYet(
            f"{name} is the right choice, but it is worth {best_value:,.2f} on average, "
            f"not {value:,.2f}: weigh every outcome by its probability"
            + (f"; {_FROM_QUESTION_1}." if name == "Lumen" else "."),
            general="it picks the right alternative, but not its expected value: weigh "
            "every outcome by its probability",
        )


#: What a wrong value of Lumen may come from.
_FROM_QUESTION_1 = "Lumen's value comes from your startup_tree, so make sure question 1 passes"


@question
def choose_batna(answer, hidden=False):
    """Check a function that returns the BATNA as (name, expected value)."""
    for offers in _scenarios(hidden):
        judge_choose_batna(offers, call_learner(answer, offers))
    passed("choose_batna picks the alternative with the highest expected value.")


# --- question 3: the reservation price --------------------------------------------------------


def judge_reservation_salary(offers, value):
    """Question 3 on ``value``: nothing when it is the BATNA's value plus the commute, else
    the ``NotYet`` hint (which sends the learner to question 2 when the answer is built on
    another alternative)."""
    value = money(value, "reservation_salary's result")
    batna, cost = batna_value(offers), offers.commute_cost
    mistakes = [
        (batna, "that is your BATNA's value, but Northwind also costs you the commute"),
        (batna - cost, "the commute makes Northwind worth less to you, so you need more, not less"),
        (batna + cost / 2, "that counts two remote days; the job as offered has the full commute"),
    ]
    mistakes += [
        (
            worth + cost,
            f"that is built on {name} ({worth:,.2f}), but your BATNA is worth {batna:,.2f}: "
            "check choose_batna (question 2) first",
            "it is built on an alternative that is not your BATNA: check choose_batna "
            "(question 2) first",
        )
        for name, worth in ((n, expected_value(t)) for n, t in alternatives_of(offers).items())
        if not same_money(worth, batna)
    ]
    expected = batna + cost
    hint = diagnose(value, expected, mistakes, f"expected {expected:,.2f}, got {value:,.2f}")
    if hint:
        raise NotYet(
            f"reservation_salary is not right for learner {offers.learner}: {hint}.",
            general=general_hint(hint, mistakes),
        )


@question
def reservation_salary(answer, hidden=False):
    """Check a function that returns the lowest Northwind salary worth accepting."""
    for offers in _scenarios(hidden):
        judge_reservation_salary(offers, call_learner(answer, offers))
    passed("reservation_salary is your BATNA plus what the Northwind job costs you.")


# --- question 4: the zone with Northwind ------------------------------------------------------


def judge_zopa(offers, result):
    """Question 4 on ``result`` for ``offers`` (given the right reservation price): nothing
    when it is the zone up to Northwind's reservation price, or None when there is none;
    else the ``NotYet`` hint."""
    reservation, limit = reservation_of(offers), northwind_limit(offers)
    case = f"for learner {offers.learner} (your reservation price {reservation:,.2f})"
    if limit < reservation:
        if result is not None:
            raise NotYet(
                f"for learner {offers.learner}, Northwind's alternative costs it {limit:,.0f}, "
                f"less than your reservation price {reservation:,.2f}: on salary alone no "
                "deal works for both sides, so return None.",
                general="it gives a zone where Northwind's alternative costs less than your "
                "reservation price: there is none, return None",
            )
        return
    if result is None:
        raise NotYet(
            f"{case} there is a zone: Northwind's alternative costs it {limit:,.0f}, more "
            "than your reservation price.",
            general="it returns None where Northwind's alternative costs more than your "
            "reservation price",
        )
    if not isinstance(result, tuple) or len(result) != 2:
        raise NotYet(
            f"northwind_zopa should return a (low, high) pair or None, got {result!r}",
            general="it should return a (low, high) pair or None",
        )
    low, high = money(result[0], "the low end"), money(result[1], "the high end")
    if same_money(low, reservation) and same_money(high, limit):
        return
    if same_money(low, limit) and same_money(high, reservation):
        swapped = (
            "the ends are swapped: the zone runs from your reservation price up to Northwind's"
        )
        raise NotYet(f"{swapped}.", general=swapped)
    if same_money(low, reservation) and same_money(high, offers.agency_rate):
        hint = "Northwind's alternative costs it the contractor's rate plus the agency's fee"
    elif same_money(low, reservation):
        hint = (
            "the top of the zone is Northwind's reservation price: what its alternative, the "
            "agency's contractor, costs it in all"
        )
    else:
        hint = "the bottom of the zone is your reservation price, the second argument"
    raise NotYet(
        f"{case} the zone is ({reservation:,.2f}, {limit:,.2f}), not ({low:,.2f}, "
        f"{high:,.2f}): {hint}.",
        general=hint,
    )


def _zones(answer, cases, done):
    for offers in cases:
        judge_zopa(offers, call_learner(answer, offers, reservation_of(offers)))
    return done


@question
def northwind_zopa(answer, hidden=False):
    """Check a function ``(offers, reservation) -> (low, high) or None``: the zone between
    your reservation price and Northwind's, which the learner works out from Northwind's
    alternative. A point for cases with a zone, one for cases without."""
    cases = _both_kinds(hidden)
    if hidden:
        cases += [no_deal_case(offers) for offers in cases[:2]]
    with_zone = [offers for offers in cases if _has_zone(offers)]
    without = [offers for offers in cases if not _has_zone(offers)]
    return score(
        Check(
            "a zone when there is one",
            1,
            lambda: _zones(
                answer, with_zone, "northwind_zopa finds the zone from Northwind's own alternative."
            ),
        ),
        Check(
            "None when there is no zone",
            1,
            lambda: _zones(
                answer,
                without,
                "northwind_zopa says None when Northwind's alternative costs less than your "
                "reservation price.",
            ),
        ),
    )


# --- question 5: accept, counter or walk away ---------------------------------------------------


def judge_response(offers, number, offer, given):
    """Question 5 on ``given``, the response to offer ``number`` (``offer``) of ``offers``
    (given the right BATNA value and Northwind limit): nothing when it is the rule's, else
    the ``NotYet`` hint saying why the rule's response is right."""
    said = _word(given, RESPONSES, "respond_to_offer's answer")
    right = right_response(offers, offer)
    if said != right:
        hint, general = _why(offers, offer, right)
        raise NotYet(
            f"for learner {offers.learner}, offer {number} ({offer}): {hint}; {right}, not {said}.",
            general=f"{general}: {right}",
        )


def _why(offers, offer, right):
    """Why ``right`` is the response to ``offer``: a sentence with the case's numbers, and
    the same in general words."""
    limit = northwind_limit(offers)
    reservation = reservation_of(offers, offer.remote_days)
    with_remote = reservation_of(offers, REMOTE_DAYS)
    if right == "walk away":
        return (
            f"even with two remote days your reservation price is {with_remote:,.0f}, more "
            f"than the {limit:,.0f} Northwind's alternative costs it: no package works for both",
            "when even two remote days leave your reservation price above Northwind's, no "
            "package works for both",
        )
    split = even_split(offers, offer.remote_days)
    if right == "accept":
        days = " (the remote days halve your commute)" if offer.remote_days else ""
        return (
            f"your reservation price for this package is {reservation:,.0f}{days}, and the "
            f"offer is at or above the even split of the zone, {split:,.0f}",
            "an offer at or above the even split of its package's zone (remote days halve "
            "the commute) is one to take",
        )
    if split is None:
        return (
            f"without remote days Northwind cannot pay your {reservation:,.0f}, but with two "
            f"your reservation price falls to {with_remote:,.0f}, below its {limit:,.0f}: "
            "ask for them",
            "when only remote days open a zone, ask for them",
        )
    if offer.salary < batna_value(offers):
        return (
            "an offer this low tells you where Northwind opens, not where it must stop: its "
            f"alternative costs it {limit:,.0f}, above your reservation price "
            f"{reservation:,.0f}, so there is room",
            "a low offer is where Northwind opens, not where it must stop; while there is a "
            "zone, answer it",
        )
    if offer.salary < reservation:
        return (
            f"it beats your BATNA's value but not your reservation price {reservation:,.0f}: "
            "once the commute is counted you would be worse off than with your BATNA, and "
            f"Northwind can pay up to {limit:,.0f}",
            "an offer above your BATNA's value but below your reservation price leaves you "
            "worse off once the commute is counted",
        )
    return (
        f"it is inside the zone but below its even split, {split:,.0f}",
        "an offer inside the zone but below its even split is one to answer, not to take",
    )


def _responses(answer, cases, done):
    for offers in cases:
        value, limit = batna_value(offers), northwind_limit(offers)
        for number, offer in enumerate(offers.northwind_offers, start=1):
            judge_response(offers, number, offer, call_learner(answer, offers, offer, value, limit))
    return done


@question
def respond_to_offer(answer, hidden=False):
    """Check a function ``(offers, offer, batna_value, northwind_limit) -> response`` on the
    learner's own offers and an example of the other kind (a point), and on the same cases
    with a cheaper agency, where every offer should be walked away from (a point)."""
    cases = _both_kinds(hidden)
    return score(
        Check(
            "accept or counter",
            1,
            lambda: _responses(answer, cases, "respond_to_offer accepts and counters by the rule."),
        ),
        Check(
            "walk away",
            1,
            lambda: _responses(
                answer,
                [no_deal_case(offers) for offers in cases],
                "respond_to_offer walks away when no package works for both sides.",
            ),
        ),
    )


# --- question 6: honest, threat, bluff or misrepresentation ----------------------------------


def judge_statement(statement, answers):
    """Question 6 on ``answers`` (letter -> label) for one statement: its pass message when
    the label is the course's, else the ``NotYet`` hint saying why."""
    if not isinstance(answers, dict):
        raise NotYet(
            "label_statements should return a dict like {'A': 'honest', ...}, got "
            f"{type(answers).__name__}"
        )
    if statement.letter not in answers:
        raise NotYet(f"label_statements has no label for statement {statement.letter} yet.")
    given = _word(answers[statement.letter], LABELS, f"the label of statement {statement.letter}")
    if given != statement.label:
        raise NotYet(f"statement {statement.letter} is not {given!r}: {statement.why}.")
    return f"statement {statement.letter}, {statement.label!r}: {statement.why}."


@question
def label_statements(answer):
    """Check a function returning a dict letter -> label for the scenario's statements: half
    a point a statement."""
    statements = statements_of(_drawn(learner_id()))
    try:
        answers = call_learner(answer)
    except NotYet as hint:
        answers = hint  # each statement's part shows it

    def part(statement):
        if isinstance(answers, NotYet):
            raise answers
        return judge_statement(statement, answers)

    return score(
        *(Check(f"statement {s.letter}", 0.5, functools.partial(part, s)) for s in statements)
    )


# --- question 7: how strong must your BATNA be ------------------------------------------------


def batna_needed_cases(hidden):
    """(target, pie, their BATNA) cases from the domain the notebook teaches: the other
    side's BATNA below half the pie, a target above half the pie, so every answer is
    positive or None; three the learner sees (one out of reach), more when grading, none
    within 1 of the reach boundary."""
    cases = [(55, 100, 40), (60, 100, 20), (90, 100, 20)]
    if hidden:
        rng = rng_for(f"{MODULE}:batna_needed", learner_id())
        while len(cases) < 12:
            pie = round(rng.uniform(50, 500), 1)
            theirs = round(rng.uniform(0, pie / 2 - 1), 1)
            target = round(rng.uniform(pie / 2 + 1, pie), 1)
            if abs(target - (pie - theirs)) >= 1:
                cases.append((target, pie, theirs))
        cases += [(95, 100, 20), (79, 100, 20)]  # out of reach; just within reach
    return cases


def _reachable(target, pie, theirs):
    return target <= pie - theirs


def judge_batna_needed(case, walk_any_time, result):
    """Question 7 on ``result`` for ``case`` under one model: nothing when it is the BATNA
    that gets the target (None when out of reach), else the ``NotYet`` hint."""
    target, pie, theirs = case
    call = f"batna_needed({target}, {pie}, {theirs}{', True' if walk_any_time else ''})"
    if not _reachable(*case):
        if result is not None:
            raise NotYet(
                f"{call}: the other side needs at least {theirs} of {pie}, so a share of "
                f"{target} is out of reach; return None.",
                general="when the other side's BATNA leaves less of the pie than the target, "
                "the target is out of reach; return None",
            )
        return
    value = money(result, call)
    split = outside_option_split if walk_any_time else nash_split
    expected = target if walk_any_time else 2 * target - pie + theirs
    if same_money(value, expected):
        return
    shares = split(pie, value, theirs)
    if walk_any_time and same_money(value, 2 * target - pie + theirs):
        hint = general = (
            "that is the Nash answer; when you can walk out at any time, your BATNA counts "
            "only once it beats half the pie, and then it is your share"
        )
    elif not walk_any_time and same_money(value, target - (pie - theirs) / 2):
        hint = general = (
            "each unit of BATNA moves your share by only half a unit, so you need twice that"
        )
    elif shares is None:
        hint = f"a BATNA of {value:g} leaves nothing to split with their {theirs}"
        general = "its BATNA and theirs together are more than the pie"
    else:
        model = "could walk out at any time and would get" if walk_any_time else "would get"
        hint = f"with a BATNA of {value:g} you {model} {shares[0]:g}, not {target}"
        general = "the BATNA it gives does not get you the target under this model"
    raise NotYet(f"{call} gave {value:g}: {hint}.", general=general)


def _batna_needed_part(answer, cases, walk_any_time, done):
    for case in cases:
        arguments = (*case, True) if walk_any_time else case
        judge_batna_needed(case, walk_any_time, call_learner(answer, *arguments))
    return done


@question
def batna_needed(answer, hidden=False):
    """Check a function ``(target, pie, their_batna, walk_any_time=False)`` that returns the
    BATNA giving a target share, or None. Three independent parts: the Nash model within
    reach (1 point), out of reach (half a point), and the outside-option model (half)."""
    cases = batna_needed_cases(hidden)
    reachable = [case for case in cases if _reachable(*case)]
    out_of_reach = [case for case in cases if not _reachable(*case)]
    return score(
        Check(
            "targets within reach",
            1,
            lambda: _batna_needed_part(
                answer, reachable, False, "batna_needed inverts the Nash split."
            ),
        ),
        Check(
            "targets out of reach",
            0.5,
            lambda: _batna_needed_part(
                answer,
                out_of_reach,
                False,
                "batna_needed says None when no deal can give you the target.",
            ),
        ),
        Check(
            "walking away at any time",
            0.5,
            lambda: _batna_needed_part(
                answer,
                cases,
                True,
                "batna_needed knows that an alternative you can take at any time must beat "
                "the table.",
            ),
        ),
    )
