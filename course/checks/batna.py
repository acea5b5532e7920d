"""Checks for module 02 (BATNA): each names the mistake it recognises, and every hint is
true of the answer it is shown for.

Each question is checked on its own: a question that builds on an earlier answer gets the
right earlier value as an argument (questions 4 to 6), or its hint names the earlier
question when the mistake comes from there and its visible check tries that question's
examples, so it shows what grading will (question 3). Besides the learner's own
scenario, a visible check also tries a fixed example of every kind of case the question
has (a zone and no zone), so a learner whose own case is of one kind still meets the
other. ``judge_*`` decide one case; the sweep tests call them for thousands of learners.
They, and what they call to know an answer, are answer keys (``answer_key``): a learner's
function that calls one while a check runs it fails, since it decides nothing itself.
"""

import functools
import math
import re
from dataclasses import fields, replace
from numbers import Real

from course.checks.calls import answer_key, course_at_work, question, say
from course.checks.credit import Check, score
from course.checks.hints import (
    NotYet,
    call_learner,
    diagnose,
    evened,
    general_hint,
    money,
    one_of,
    passed,
    same_money,
)
from course.models.batna import expected_value, flatten, nash_split, outside_option_split
from course.record import record_pass
from course.scenarios.base import MAX_DRAWS, NoFairDraw
from course.scenarios.batna import (
    LABELS,
    LEGITIMATE,
    OLD_LABELS,
    REASON_ALIASES,
    REASONS,
    REMOTE_DAYS,
    RESPONSE_ALIASES,
    RESPONSES,
    TARGET_SHARE,
    JobOffers,
    NorthwindOffer,
    alternatives_of,
    batna_needed_of,
    batna_of,
    batna_rise_of,
    batna_value,
    batna_value_when,
    beaten_estimate_case,
    even_split,
    has_gap_offer,
    job_offers,
    no_deal_case,
    northwind_reservation,
    old_label,
    predicted_salary,
    reservation_of,
    right_response,
    rule_offers,
    split_edge_case,
    statement_to_use,
    statements_of,
    sure_beside_lumen,
    survey_above_agency_case,
    talks_for,
    talks_of,
    target_of,
    true_claim_and_fact,
    with_lumen_open,
    without_lumen,
    zone_edge_case,
)
from course.variants import (
    hidden_learner,
    hidden_learners,
    hidden_rng,
    learner_id,
    rng_for,
    variant,
)

MODULE = "02_batna"

#: Other learners' scenarios the hidden tests also try, so hard-coded numbers fail: drawn
#: with the grader's secret key when graded, the public self-check learners otherwise
#: (``course.variants.hidden_learners``).
HIDDEN_LEARNERS = hidden_learners(MODULE, range(1, 6))


def _off(expected, value, reread):
    """The hint for a money answer that no known mistake explains: which way it is off, in
    words, and what to reread. It never shows the right amount: on the learner's own case that
    is a graded answer, and a check says what is wrong, not what to write."""
    way = "too high" if value > expected else "too low"
    if abs(value - expected) < 1:
        way = f"a little {way} (by less than one unit: keep every digit)"
    return f"it is {way}, and it matches no slip the check knows: {reread}"


def _to_unit(value, amounts):
    """``value``, or the first of ``amounts`` it rounds to within half a unit: an answer
    rounded to the whole unit counts as the amount it rounds (question 9 asks for no more
    precision than that)."""
    return next((a for a in amounts if abs(value - a) <= 0.5 + 1e-9), value)


@functools.lru_cache(maxsize=256)
def _drawn(learner):
    return variant(MODULE, learner)


def _scenarios(hidden):
    """The learner's own scenario, plus other learners' when grading hidden cases."""
    own = _drawn(learner_id())
    return [own] + ([_drawn(learner) for learner in HIDDEN_LEARNERS] if hidden else [])


def _has_zone(offers):
    return northwind_reservation(offers) >= reservation_of(offers)


def _fits(offers, zone):
    """Whether ``offers`` is an example of the kind ``zone``: a zone on salary alone wide
    enough that an offer without remote days can reach the reservation price for the job as
    offered and still fall short of the even split with remote days (``zone=True``), or a
    zone only with remote days (``zone=False``)."""
    return _has_zone(offers) == zone and (has_gap_offer(offers) or not zone)


def _neither_best_nor_worst(offers):
    """Whether the BATNA has neither the highest best case nor the highest worst case."""
    leaves = {name: flatten(tree) for name, tree in alternatives_of(offers).items()}
    best = max(leaves, key=lambda name: max(a for _, a in leaves[name]))
    worst = max(leaves, key=lambda name: min(a for _, a in leaves[name]))
    return batna_of(offers)[0] not in (best, worst)


def _every_slip_shows(offers):
    """Whether the BATNA is Freelance and every slip of ``tree_slips`` in Freelance's tree
    moves its value by at least ``SLIP_GAP``."""
    if batna_of(offers)[0] != "Freelance":
        return False
    worth = expected_value(alternatives_of(offers)["Freelance"])
    slips = (value for name, value in tree_slips(offers).values() if name == "Freelance")
    return all(abs(value - worth) >= SLIP_GAP for value in slips)


def _not_whole_hundreds(offers):
    """Whether the BATNA's expected value, and that value plus the commute, are not whole
    hundreds."""
    value = batna_of(offers)[1]
    reservation = value + offers.commute_cost
    return not any(same_money(a, round(a, -2)) for a in (value, reservation))


def _sure_changes(offers, batna):
    """Whether the BATNA by expected values is ``batna`` and valuing the gambles at the
    scenario's sure amounts picks another."""
    return batna_of(offers)[0] == batna and batna_of(offers, True)[0] != batna


def _survey_at(offers, where):
    """Whether the salary survey lies ``where`` ("below", "inside" or "above") question 5's
    band."""
    split, most = target_band(offers)
    if where == "below":
        return offers.pay_survey <= split
    inside = split < offers.pay_survey < most
    return inside if where == "inside" else offers.pay_survey >= most


#: Every kind of case the visible and hidden checks look for among example learners, by
#: name: ``{kind: offers -> bool}``. Each check's examples are the first learner of a kind
#: (``_first_example``); a test sweeps that every kind stays common among drawn learners,
#: so a change to the draw that removes one fails there, not in a learner's notebook.
_EXAMPLE_KINDS = {
    "zone on salary alone": lambda o: _fits(o, True),
    "zone only with remote days": lambda o: _fits(o, False),
    "BATNA neither best nor worst": _neither_best_nor_worst,
    "Freelance, every slip shows": _every_slip_shows,
    "Harbor Bank": lambda o: batna_of(o)[0] == "Harbor Bank",
    "not whole hundreds": _not_whole_hundreds,
    "sure amounts change Lumen": lambda o: _sure_changes(o, "Lumen"),
    "sure amounts change Freelance": lambda o: _sure_changes(o, "Freelance"),
    "sure amounts change nothing": lambda o: batna_of(o)[0] == batna_of(o, True)[0],
    "survey below the band": lambda o: _survey_at(o, "below"),
    "survey inside the band": lambda o: _survey_at(o, "inside"),
    "survey above the band": lambda o: _survey_at(o, "above"),
}


@functools.lru_cache(maxsize=64)
def _first_example(kind, prefix="example"):
    """The first of the learners ``prefix-1`` to ``prefix-MAX_DRAWS`` whose case is of
    ``kind`` (a key of ``_EXAMPLE_KINDS``). Every kind is common (a test sweeps it), so none
    is missing there unless code in the kernel changed the rules: then ``NoFairDraw`` says
    so, where an unbounded search would keep the check waiting for ever."""
    fits = _EXAMPLE_KINDS[kind]
    for n in range(1, MAX_DRAWS + 1):
        offers = _drawn(f"{prefix}-{n}")
        if fits(offers):
            return offers
    raise NoFairDraw(MODULE)


def _example(zone, prefix="example"):
    """The first of the learners ``prefix-1``, ``prefix-2``, ... whose case has a zone on
    salary alone (``zone=True``, wide enough for every path of question 6's rule) or only
    with remote days (``zone=False``)."""
    return _first_example("zone on salary alone" if zone else "zone only with remote days", prefix)


def _both_kinds(hidden):
    """The learner's own case and an example of the other kind (and the example with a zone
    on salary alone when neither has an offer on every path of question 6's rule); when
    grading, also two hidden learners of each kind."""
    own = _drawn(learner_id())
    cases = [own, _example(not _has_zone(own))]
    if not any(has_gap_offer(offers) for offers in cases):
        cases.append(_example(True))
    if hidden:
        cases += [
            _example(zone, hidden_learner(MODULE, kind)) for zone in (True, False) for kind in "ab"
        ]
    return cases


def _pair(result, what, shape):
    """The learner's two-item answer (a tuple, a list or any sequence of two), or a hint."""
    if isinstance(result, str | bytes | dict) or not hasattr(result, "__len__"):
        raise NotYet(
            f"{what} should return a {shape} pair, got {result!r}",
            general=f"it should return a {shape} pair",
        )
    if len(result) != 2:
        raise NotYet(
            f"{what} should return a {shape} pair, got {result!r}",
            general=f"it should return a {shape} pair",
        )
    return result[0], result[1]


def _case(offers, alternatives=False):
    """How a hint names the case it speaks of: the learner's own, or an example told by
    its numbers (its alternatives' values, for ``alternatives=True``; else its zone), so the
    hint stands on its own."""
    own = _drawn(learner_id())
    if offers == own:
        return "in your case"
    if alternatives:
        worth = ", ".join(
            f"{name} {expected_value(tree):,.0f}" for name, tree in alternatives_of(offers).items()
        )
        return (
            f"in the example case (a learner whose alternatives are worth {worth} on average; "
            f"commute {offers.commute_cost:,.0f})"
        )
    if offers.learner == own.learner:
        return (
            "in your case with a cheaper agency (Northwind's reservation price "
            f"{northwind_reservation(offers):,.0f})"
        )
    if even_split(offers, REMOTE_DAYS) is None:
        kind = "no zone even with remote days (a cheaper agency)"
    elif _has_zone(offers):
        kind = "a zone on salary alone"
    else:
        kind = "a zone that opens only with remote days"
    return (
        f"in the example case (a learner with {kind}: BATNA worth {batna_value(offers):,.0f}, "
        f"commute {offers.commute_cost:,.0f}, that learner's reservation price "
        f"{reservation_of(offers):,.0f}, Northwind's {northwind_reservation(offers):,.0f})"
    )


# --- question 1: Lumen's offer as a tree ------------------------------------------------------


@answer_key
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
        hint = (  # review 68 X4: not Lumen's figures, which are this graded answer
            f"its outcomes are {shown}, but Lumen's offer has two: base plus bonus, with the "
            "funding chance, and the base alone otherwise"
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


#: What may surround a word a learner types and not count: spaces and punctuation (review
#: 72 X4: "No remote days." lost two half marks for its full stop, while question 2 forgave
#: capitals and spaces).
_AROUND = " \t\n.,;:!?'\"()[]"


def _trimmed(value):
    """``value`` without the spaces and punctuation around it, when it is text: every word
    this module matches (question 2's names, question 6's responses and reasons, question
    7's labels and letter) is compared after this, and after ``evened``."""
    return value.strip(_AROUND) if isinstance(value, str) else value


def _choice(value, choices, what, aliases=None):
    """``one_of`` on ``value`` with the spaces and punctuation around it trimmed."""
    return one_of(_trimmed(value), choices, what, aliases)


def _bare(name):
    """``name`` without capitals, spaces, underscores or the punctuation around it, the form
    question 2 compares."""
    return re.sub(r"[\s_]+", "", _trimmed(name)).casefold()


def _rounded(value, right):
    """Whether ``value`` is ``right`` rounded to the ten, the hundred or the thousand."""
    return any(same_money(value, round(right, -places)) for places in (1, 2, 3))


@answer_key
def judge_choose_batna(offers, result):
    """Question 2 on ``result``: nothing when it names an alternative of the highest expected
    value (any of them, were two tied) with that value, else the ``NotYet`` hint."""
    name, value = _pair(result, "choose_batna", "(name, value)")
    value = money(value, "the BATNA's value")
    alternatives = alternatives_of(offers)
    if isinstance(name, str):  # capitals, spaces and underscores do not count, as the text
        # says: "HarborBank", "harbor_bank" and "Harbor  Bank" all name Harbor Bank
        spelled = {_bare(n): n for n in alternatives}
        name = spelled.get(_bare(name), name)
    if name not in alternatives:
        raise NotYet(
            f"{name!r} is not one of your alternatives: {', '.join(alternatives)}",
            general=f"the name should be one of {', '.join(alternatives)}",
        )
    worth = {n: expected_value(tree) for n, tree in alternatives.items()}
    best_value = max(worth.values())
    if not same_money(worth[name], best_value):
        raise _wrong_choice(offers, name, value, worth)
    top = max(a for _, a in flatten(alternatives[name]))
    if not same_money(value, best_value) and same_money(value, top):
        # the best-case slip with the right name (Lumen both the BATNA and the highest best
        # case): the tree is right, so question 1 is not where the mistake is
        raise NotYet(
            f"{name} is the right choice for learner {offers.learner}, but the value it "
            f"gives, {value:,.0f}, is its best case, not its expected value: compare "
            "expected values, not best cases.",
            general="it picks the right alternative, but gives its best case as its value: "
            "compare expected values, not best cases",
        )
    if not same_money(value, best_value) and _rounded(value, best_value):
        raise NotYet(
            f"{name} is the right choice for learner {offers.learner}, and {value:,.0f} is "
            "its expected value rounded: return it unrounded, as the introduction asks.",
            general="it picks the right alternative and gives its expected value rounded: "
            "return it unrounded",
        )
    if not same_money(value, best_value):
        raise NotYet(
            f"{name} is the right choice for learner {offers.learner}, but {value:,.2f} is "
            f"{_way(value, best_value)} for its expected value: check its tree, and weigh "
            "every outcome by its probability"
            + (f"; {_FROM_QUESTION_1}." if name == "Lumen" else "."),
            general="it picks the right alternative, but not its expected value: check its "
            "tree, and weigh every outcome by its probability",
        )


def _wrong_choice(offers, name, value, worth):
    """The hint for a choice of BATNA that is not worth the most, from what the answer shows: a
    value that is not the named alternative's expected value points to its tree (and for Lumen
    to question 1); a right value of an alternative with the highest best case, or that best
    case given as the value, to comparing best cases (the best-case hint was given whatever the
    answer's value); a right value of one with the highest worst case, to comparing worst
    cases."""
    alternatives = alternatives_of(offers)
    top = {n: max(a for _, a in flatten(tree)) for n, tree in alternatives.items()}
    bottom = {n: min(a for _, a in flatten(tree)) for n, tree in alternatives.items()}
    best_case = max(top, key=top.get)
    worst_case = max(bottom, key=bottom.get)
    where = f"for learner {offers.learner}"
    if same_money(value, top[name]) and not same_money(value, worth[name]):
        hint = (
            f"the value it gives {name}, {value:,.0f}, is its best case, not its expected "
            "value; compare expected values, not best cases"
        )
        general = "it values an alternative at its best case; compare expected values"
    elif not same_money(value, worth[name]):
        hint = (
            f"your function values {name} at {value:,.2f}, {_way(value, worth[name])} for "
            f"its expected value, and {name} is not worth the most: check how it values "
            "each alternative"
        )
        general = (
            "the value it gives the alternative it picks is not that alternative's expected "
            "value: check its tree"
        )
        if name == "Lumen":
            hint += f"; {_FROM_QUESTION_1}"
            general += f"; {_FROM_QUESTION_1}"
    else:
        hint = (
            f"{name} is worth {worth[name]:,.0f} on average, but another alternative is worth more"
        )
        general = "it does not pick the alternative with the highest expected value"
        if name == best_case:
            hint += f"; {name} has the highest best case: compare expected values, not best cases"
            general = "it picks the alternative with the best case; compare expected values"
        elif name == worst_case:  # review 99 X1: a choice by worst cases (the sure Harbor
            # Bank) values every alternative rightly, so "check how it values" misled it
            # review 103 E1: a slip in another tree (Freelance without its busy year) ends
            # here too, with every value the answer shows right; the hint says both
            hint += (
                f"; {name} has the highest worst case: compare expected values, not worst "
                "cases; if your function already does, it values another alternative too low"
            )
            general = (
                "it picks the alternative with the best worst case; compare expected values, "
                "or check the tree of the alternative worth most"
            )
        else:
            hint += ": check how your function values the others"
            general += ": check how it values the best one"
        if name != "Lumen":  # said whichever is best, so it does not name the BATNA
            hint += f" (if it values Lumen too low, {_FROM_QUESTION_1})"
            general += f" (if it values Lumen too low, {_FROM_QUESTION_1})"
    return NotYet(f"not the best alternative {where}: {hint}.", general=general)


def _way(value, right):
    """Which way ``value`` misses ``right``, in words, without the right amount."""
    return "too high" if value > right else "too low"


#: What a wrong value of Lumen may come from.
_FROM_QUESTION_1 = "Lumen's value comes from your startup_tree, so make sure question 1 passes"


def _choice_example():
    """The first of the learners ``example-1``, ``example-2``, ... whose BATNA has neither the
    highest best case nor the highest worst case, so that choosing by either fails in the
    visible check (a choice by worst cases passed it for about a third of learners and failed
    only when graded)."""
    return _first_example("BATNA neither best nor worst")


def tree_slips(offers):
    """The values a slip in Freelance's or Lumen's tree gives that alternative, by name of
    the slip: ``{slip: (alternative, value)}``. Question 2's Freelance example is chosen so
    that each changes Freelance's value, and question 3 names them when its answer is built
    on one."""
    r, b, f = offers.renewal_probability, offers.busy_probability, offers.funding_probability
    busy, normal, lost = offers.freelance_busy, offers.freelance_normal, offers.freelance_no_renewal
    renewed = b * busy + (1 - b) * normal
    base, bonus = offers.startup_base, offers.startup_bonus
    return {
        "the renewal chance swapped with one minus it": (
            "Freelance",
            (1 - r) * renewed + r * lost,
        ),
        "the busy chance swapped with one minus it": (
            "Freelance",
            r * ((1 - b) * busy + b * normal) + (1 - r) * lost,
        ),
        "the normal year left out": ("Freelance", r * busy + (1 - r) * lost),
        "the busy year left out": ("Freelance", r * normal + (1 - r) * lost),
        "the year without renewal left out": ("Freelance", renewed),
        "the renewal chance left out of the second level": (
            "Freelance",
            r * b * busy + (1 - b) * normal + (1 - r) * lost,
        ),
        "the funding chance swapped with one minus it": ("Lumen", base + (1 - f) * bonus),
        "the bonus without the base salary": ("Lumen", f * bonus + (1 - f) * base),
    }


#: How far (in money) each slip of ``tree_slips`` moves Freelance's value in question 2's
#: Freelance example, at least: far more than rounding to the unit could hide.
SLIP_GAP = 1_000


def _freelance_example():
    """The first of the learners ``example-1``, ``example-2``, ... whose BATNA is Freelance
    and in whose case every slip of ``tree_slips`` in Freelance's tree moves its value by
    at least ``SLIP_GAP``: then each slip changes either the alternative picked or the value
    given, so question 2's visible check refuses it whatever the learner's own BATNA (a
    swapped renewal chance passed it for about 8 learners in 10 whose BATNA is not
    Freelance, and lost them question 2 at grading)."""
    return _first_example("Freelance, every slip shows")


def _bank_example():
    """The first of the learners ``example-1``, ``example-2``, ... whose BATNA is Harbor
    Bank: choose_batna returns only the best alternative's name, so a misspelled key for
    Harbor Bank shows only where Harbor Bank is the best (it passed the visible check for
    about two learners in three, and lost question 2 at grading)."""
    return _first_example("Harbor Bank")


def _unround_example():
    """The first of the learners ``example-1``, ``example-2``, ... whose BATNA's expected
    value, and that value plus the commute, are not whole hundreds: a value rounded to the
    hundred passed the visible checks of questions 2 and 3 for about four learners in five,
    whose own and example amounts all were, and lost those questions at grading."""
    return _first_example("not whole hundreds")


def _choice_examples():
    """Question 2's examples, one for each alternative as the BATNA: Lumen (where neither
    best nor worst cases point to it), Freelance (where every slip in its tree shows) and
    Harbor Bank (where a misspelled name shows); and one whose amounts are not whole
    hundreds (where a rounded value shows)."""
    return [_choice_example(), _freelance_example(), _bank_example(), _unround_example()]


class _Unspoken(JobOffers):
    """A case before any statement to Northwind is drafted: ``statements`` is empty.
    Question 7's statements name the BATNA (its terms, the demands' "I will ..."), so a
    choice of BATNA read off their wording passed question 2; on this copy it cannot."""

    @property
    def statements(self):
        return ()


def _unspoken(offers):
    return _Unspoken(**{f.name: getattr(offers, f.name) for f in fields(offers)})


@question
def choose_batna(answer, hidden=False):
    """Check a function that returns the BATNA as (name, expected value), on the learner's
    scenario and question 2's four examples (each alternative as the BATNA once, and one
    whose value is not a whole hundred), so that a slip in either gamble's tree, a
    misspelled name or a rounded value shows; then on each again with no statements, so
    that a choice read off question 7's wording fails."""
    cases = [*_scenarios(hidden), *_choice_examples()]
    for offers in cases:
        judge_choose_batna(offers, call_learner(answer, offers))
    for offers in cases:
        try:
            judge_choose_batna(offers, call_learner(answer, _unspoken(offers)))
        except NotYet:
            said = (
                "choose_batna picks the BATNA while offers.statements is there, but not on "
                "the same case with no statements: decide by comparing the alternatives' "
                "expected values, not from what question 7's statements say"
            )
            raise NotYet(f"{said}.", general=said) from None
    passed("choose_batna picks the alternative with the highest expected value.")
    if not hidden:
        say(_risk_averse_line(answer))


#: The heading of question 2's line on ``risk_averse=True``: it earns no marks.
RISK_AVERSE_LINE = "Feedback only, no mark: choose_batna(offers, risk_averse=True)"


def _sure_readings(offers):
    """The BATNA an answer gives with ``risk_averse=True`` that prices the gambles wrongly,
    by what it does: both gambles at their expected values (the argument ignored), or only
    one of them at its sure amount."""
    trees = alternatives_of(offers)
    lumen, freelance = expected_value(trees["Lumen"]), expected_value(trees["Freelance"])

    def best(**worth):
        worth = {"Harbor Bank": offers.bank_salary, **worth}
        name = max(worth, key=worth.get)
        return name, worth[name]

    return {
        "it ignores risk_averse: Lumen and Freelance are still at their expected values": best(
            Lumen=lumen, Freelance=freelance
        ),
        "it gives Lumen its sure amount but leaves Freelance at its expected value": best(
            Lumen=offers.lumen_sure, Freelance=freelance
        ),
        "it gives Freelance its sure amount but leaves Lumen at its expected value": best(
            Lumen=lumen, Freelance=offers.freelance_sure
        ),
    }


@answer_key
def judge_choose_batna_sure(offers, result):
    """Question 2's line of no marks on ``result``, returned for ``offers`` with
    ``risk_averse=True``: ``None`` when it names the best alternative with Lumen and
    Freelance at the scenario's sure amounts, with that amount; else the set of
    ``_sure_readings`` it fits (empty when it fits none, or is not a pair of name and
    amount)."""
    right_name, right_value = batna_of(offers, True)
    try:
        name, value = _pair(result, "choose_batna", "(name, value)")
        value = money(value, "the BATNA's value")
    except NotYet:
        return set()
    if not isinstance(name, str):
        return set()
    if _bare(name) == _bare(right_name) and same_money(value, right_value):
        return None
    return {
        what
        for what, (n, v) in _sure_readings(offers).items()
        if _bare(name) == _bare(n) and same_money(value, v)
    }


def _risk_averse_line(answer):
    """Question 2's line of no marks (review 103 X4): ``choose_batna(offers, True)`` on the
    learner's case and question 3's three examples of sure amounts (they change the BATNA
    from Lumen, change it from Freelance, and change nothing), so that an answer that
    ignores ``risk_averse`` hears it here, not first in question 3's second part. The
    mistake it names fits every case the answer fails, and the case named is the first of
    them. It never raises: question 2's marks are the line above it."""
    cases = [_drawn(learner_id()), *_sure_examples(False)]
    fix = (
        "With risk_averse=True, value Lumen at offers.lumen_sure and Freelance at "
        "offers.freelance_sure; question 3's second part builds on this."
    )
    first, readings = None, None
    for offers in cases:
        try:
            result = call_learner(answer, offers, True)
        except NotYet as hint:
            why = f"it stops with an error: {str(hint).rstrip('.')}"
            return f"\N{BALLOT X} {RISK_AVERSE_LINE} is not right on {_whose(offers)}: {why}. {fix}"
        fits = judge_choose_batna_sure(offers, result)
        if fits is None:
            continue
        first = first or offers
        readings = fits if readings is None else readings & fits
    if first is None:
        return (
            f"\N{CHECK MARK} {RISK_AVERSE_LINE} values Lumen and Freelance at their sure "
            "amounts, as question 3's second part needs."
        )
    why = (
        "; or ".join(sorted(readings))
        if readings
        else "it does not give the best of Harbor Bank's salary, offers.lumen_sure and "
        "offers.freelance_sure, with that amount"
    )
    return f"\N{BALLOT X} {RISK_AVERSE_LINE} is not right on {_whose(first)}: {why}. {fix}"


def _whose(offers):
    return "your case" if offers == _drawn(learner_id()) else f"learner {offers.learner}'s case"


# --- question 3: the reservation price --------------------------------------------------------


#: Where question 3's second part goes wrong when the gambles are priced wrongly (review
#: 103 X4): reservation_salary passes risk_averse on, so the fault is in choose_batna's
#: branch, which question 2's line of no marks tries; or reservation_salary drops it.
_SURE_FAULT = (
    "the fault is in choose_batna (question 2), whose risk_averse=True branch its line of "
    "no marks tries, unless reservation_salary does not pass risk_averse on to it"
)


@answer_key
def judge_reservation_salary(offers, value, risk_averse=False):
    """Question 3 on ``value``, returned for ``offers`` (with ``risk_averse``, valuing Lumen
    and Freelance at the scenario's sure amounts): nothing when it is the value of the
    BATNA those make plus the commute, else the ``NotYet`` hint (which sends the learner to
    question 2 when the answer is built on another alternative)."""
    value = money(value, "reservation_salary's result")
    _, batna = batna_of(offers, risk_averse)
    own = offers == _drawn(learner_id())
    yours = "your" if own else "that learner's"
    cost = offers.commute_cost
    worth = {n: expected_value(t) for n, t in alternatives_of(offers, risk_averse).items()}
    right = batna + cost
    mistakes = [
        *[
            (
                round(right, -places),
                "that is the right amount rounded; return it unrounded, as the introduction asks",
                "it gives the right amount rounded: return it unrounded",
            )
            for places in (1, 2, 3)
            if not same_money(round(right, -places), right)
        ],
        (batna, "that is your BATNA's value, but Northwind also costs you the commute"),
        (batna - cost, "the commute makes Northwind worth less to you, so you need more, not less"),
        (batna + cost / 2, "that counts two remote days; the job as offered has the full commute"),
    ]
    if risk_averse:
        lumen_only = max(
            offers.bank_salary,
            offers.lumen_sure,
            expected_value(alternatives_of(offers)["Freelance"]),
        )
        whose = "to you" if own else "to that learner"
        averages = batna_of(offers)
        # where Lumen's sure amount leaves the BATNA by expected values (Freelance) as it was,
        # ignoring risk_averse gives the same number; one hint covers both readings, not the
        # Lumen-only one that an answer ignoring the sure amounts never made
        both = same_money(lumen_only, averages[1])
        if not same_money(lumen_only, batna) and not both:
            mistakes.append(
                (
                    lumen_only + cost,
                    "that uses Lumen's sure amount but Freelance's expected value; one attitude "
                    f"to risk prices both gambles, so Freelance is worth a sure "
                    f"{offers.freelance_sure:,.0f} {whose}; {_SURE_FAULT}",
                    "it uses a sure amount for Lumen but not for Freelance: one attitude to "
                    f"risk prices both gambles; {_SURE_FAULT}",
                )
            )
        if not same_money(averages[1], batna) and both:
            mistakes.append(
                (
                    averages[1] + cost,
                    "that values Freelance at its expected value (with Lumen at its expected "
                    "value or at its sure amount, the best alternative comes out the same); "
                    "one attitude to risk prices both gambles, so Freelance is worth a sure "
                    f"{offers.freelance_sure:,.0f} {whose}; {_SURE_FAULT}",
                    "it values Freelance at its expected value, not at the sure amount it is "
                    f"worth to you: one attitude to risk prices both gambles; {_SURE_FAULT}",
                )
            )
        elif not same_money(averages[1], batna):
            mistakes.append(
                (
                    averages[1] + cost,
                    "that values the gambles at their expected values, not at the sure amounts "
                    f"they are worth {whose}; {_SURE_FAULT}",
                    "it values the gambles at their expected values, not at the sure amounts "
                    f"they are worth to you; {_SURE_FAULT}",
                )
            )
    first = (
        "check the risk_averse=True branch of choose_batna: question 2's check tests it on a "
        "line of no marks"
        if risk_averse
        else "check choose_batna (question 2) first"
    )
    # an answer built on best cases, the slip question 2's check names (section 2: compare
    # expected values, not best cases): a right reservation_salary on such a choose_batna
    # gives this, so the hint sends the learner to question 2, not back to section 3
    best_case = max(max(a for _, a in flatten(tree)) for tree in alternatives_of(offers).values())
    if not same_money(best_case, batna):
        mistakes.append(
            (
                best_case + cost,
                f"that is built on the best case of {yours} alternatives ({best_case:,.0f}), "
                f"not on expected values: {first}",
                f"it is built on a best case, not on expected values: {first}",
            )
        )
    mistakes += [
        (
            other + cost,
            f"that is built on {n} ({other:,.0f}), which is not {yours} BATNA: {first}",
            f"it is built on an alternative that is not your BATNA: {first}",
        )
        for n, other in worth.items()
        if not same_money(other, batna)
    ]
    if not risk_averse:
        # an answer built on a slip in a gamble's tree that makes that gamble the best: the
        # slip is in choose_batna, so the hint sends the learner to question 2's tree
        for slip, (n, slipped) in tree_slips(offers).items():
            if slipped > max(v for other, v in worth.items() if other != n):
                fix = (
                    f"choose_batna (question 2) values {n}"
                    if n == "Freelance"
                    else "startup_tree (question 1) builds Lumen's tree"
                )
                hint = (
                    f"that is built on {n} valued at {slipped:,.0f}, as a tree with {slip} "
                    f"gives it, which is not its expected value: fix how {fix} first"
                )
                general = (
                    f"it is built on a value of {n} from a tree with {slip}: fix how {fix} first"
                )
                mistakes.append((slipped + cost, hint, general))
    mistakes = _merged(mistakes)
    expected = batna + cost
    reread = (
        "a reservation price is your BATNA's value (here with each gamble at its sure amount) "
        "plus what the Northwind job costs you, the commute; reread section 3"
        if risk_averse
        else "a reservation price is your BATNA's value plus what the Northwind job costs "
        "you, the commute; reread section 3"
    )
    hint = diagnose(value, expected, mistakes, _off(expected, value, reread))
    if hint:
        sure = f" with the gambles at {yours} sure amounts" if risk_averse else ""
        raise NotYet(
            f"reservation_salary is not right {_case(offers, alternatives=True)}{sure}: {hint}.",
            general=general_hint(hint, mistakes),
        )


def _merged(mistakes):
    """``mistakes`` with those that give the same amount made one, whose hint names each in
    turn ("...; or else ..."), so that the hint is true of the answer whichever mistake the
    learner made (a Harbor Bank salary plus the commute can equal Lumen's value, so an
    answer built on Harbor Bank was told only that it left out the commute)."""
    merged = []
    for wrong, hint, *words in mistakes:
        general = words[0] if words else hint
        same = next((i for i, (w, *_) in enumerate(merged) if same_money(w, wrong)), None)
        if same is None:
            merged.append((wrong, hint, general))
        elif hint not in merged[same][1]:
            w, known, known_general = merged[same]
            merged[same] = (w, f"{known}; or else {hint}", f"{known_general}; or else {general}")
    return merged


def _led(mistakes):
    """``mistakes`` of ``(wrong, hint, general, short)``, with those that give the same
    amount made one: the first one's hint in full, then "if not", the others' short words
    (review 62 X5: three diagnoses in full, one after another, buried the likely one)."""
    merged = []
    for wrong, hint, general, short in mistakes:
        same = next((i for i, (w, *_) in enumerate(merged) if same_money(w, wrong)), None)
        if same is None:
            merged.append([wrong, hint, general, []])
        else:
            merged[same][3].append(short)
    return [
        (wrong, hint, general)
        if not others
        else (
            wrong,
            f"{hint}; if not, check that it does not {' or '.join(others)}",
            f"{general}; if not, check that it does not {' or '.join(others)}",
        )
        for wrong, hint, general, others in merged
    ]


def _sure_example(changes, prefix="example", batna="Lumen"):
    """The first learner ``prefix-1``, ``prefix-2``, ... whose BATNA changes when the
    gambles are valued at the scenario's sure amounts (``changes=True``; the first whose
    BATNA by expected values is ``batna``), or stays the same (``changes=False``)."""
    kind = f"sure amounts change {batna}" if changes else "sure amounts change nothing"
    return _first_example(kind, prefix)


def _sure_examples(hidden):
    """The examples question 3's second part tries besides the learner's own case: a BATNA by
    expected values of Lumen, and one of Freelance, that the sure amounts change, and one they
    leave (Freelance's case was never shown); when grading, the same kinds among hidden
    learners."""
    prefixes = ["example"] + ([hidden_learner(MODULE, "c")] if hidden else [])
    return [
        example
        for prefix in prefixes
        for example in (
            _sure_example(True, prefix),
            _sure_example(True, prefix, "Freelance"),
            _sure_example(False, prefix),
        )
    ]


def _reservations(answer, cases, risk_averse, done):
    for offers in cases:
        if risk_averse:
            result = call_learner(answer, offers, True)
            judge_reservation_salary(offers, result, True)
        else:
            judge_reservation_salary(offers, call_learner(answer, offers))
    return done


@question
def reservation_salary(answer, hidden=False):
    """Check a function ``(offers, risk_averse=False)`` that returns the lowest Northwind
    salary worth accepting: with expected values (a point; on the learner's case and
    question 2's four examples, so that a slip in choose_batna costs this point visibly as it
    does at grading), and with the gambles valued at
    the scenario's sure amounts (a point; on the learner's case and on examples where those
    sure amounts change the BATNA and where they do not)."""
    own = _scenarios(hidden)
    examples = _sure_examples(hidden)
    # question 2's four examples too, so that a slip in choose_batna that grading's other
    # learners would show is shown now, with its hint naming question 2
    choices = _choice_examples()
    return score(
        Check(
            "expected values",
            1,
            lambda: _reservations(
                answer, own + choices, False, "reservation_salary is your BATNA plus the commute."
            ),
        ),
        Check(
            "sure amounts",
            1,
            lambda: _reservations(
                answer,
                own + examples,
                True,
                "reservation_salary values each gamble at the sure amount it is worth to you, "
                "and keeps or changes the BATNA accordingly.",
            ),
        ),
    )


# --- question 4: the zone with Northwind ------------------------------------------------------


@answer_key
def judge_zopa(offers, result):
    """Question 4 on ``result`` for ``offers`` (given the right reservation price): nothing
    when it is the zone up to Northwind's reservation price, or None when there is none;
    else the ``NotYet`` hint."""
    reservation, limit = reservation_of(offers), northwind_reservation(offers)
    # review 98 U1: "their" next to Northwind's figures read as Northwind's
    whose = "your" if offers.learner == learner_id() else "that learner's"
    # an example's case gives its numbers; the learner's own never shows a graded answer
    # (its reservation price is question 3's, Northwind's question 4's)
    case = _case(offers)
    if limit < reservation:
        if isinstance(result, (tuple, list)) and not result:
            empty = (
                "it returns an empty pair where there is no zone: return None, not an empty pair"
            )
            raise NotYet(f"{case}: {empty}.", general=empty)
        if result is not None:
            raise NotYet(
                f"{case}, Northwind's alternative costs it less than {whose} "
                "reservation price: which salary would both sides prefer to their "
                "alternatives?",
                general="it gives a zone where Northwind's alternative costs less than your "
                "reservation price: which salary would both sides prefer to their "
                "alternatives?",
            )
        return
    if result is None and same_money(limit, reservation):
        raise NotYet(
            f"{case}, Northwind's alternative costs it exactly {whose} "
            "reservation price: the zone is that one salary, and a deal there still works for "
            "both sides.",
            general="it returns None where Northwind's alternative costs exactly your "
            "reservation price: a zone of one salary is still a zone",
        )
    if result is None:
        figure = ""  # review 62 X4: a pay figure below the reservation price explains None
        if any(_below(pay, reservation) for pay in _pay_figures(offers)):
            figure = "; check which of the four pay figures make what that alternative costs"
        raise NotYet(
            f"{case}, there is a zone: Northwind's alternative costs it more than {whose} "
            f"reservation price{figure}.",
            general="it returns None where Northwind's alternative costs more than your "
            f"reservation price{figure}",
        )
    low, high = _pair(result, "northwind_zopa", "(low, high)")
    low, high = money(low, "the low end"), money(high, "the high end")
    if same_money(low, reservation) and same_money(high, limit):
        return
    if same_money(low, limit) and same_money(high, reservation):
        swapped = (
            "the ends are swapped: the zone runs from your reservation price up to Northwind's"
        )
        raise NotYet(f"{swapped}.", general=swapped)
    if same_money(low, reservation) and same_money(high, offers.agency_rate):
        hint = (  # review 59 W4: the hint named both figures, the decision question 4 asks
            "that top is the agency's rate: check which of the four pay figures are what "
            "Northwind's own alternative costs it, and whether the one you used is all of "
            "that cost"
        )
    elif same_money(low, reservation) and any(
        same_money(high, pay) for pay in (offers.pay_survey, offers.band_midpoint)
    ):  # question 4 asks which figures make Northwind's reservation price (review 58 W1)
        what = (  # review 62 X4: the hint names the figure the learner took
            "the salary survey's median, a market figure"
            if same_money(high, offers.pay_survey)
            else "the midpoint of Northwind's pay band, its estimate of you"
        )
        hint = (
            f"that top is {what}, not what Northwind's own alternative costs it, and only "
            "that bounds what it would pay"
        )
    elif same_money(low, reservation):
        hint = (
            "the top of the zone is Northwind's reservation price: all that its own "
            "alternative costs it; check which of the four pay figures make that cost"
        )
    else:
        hint = (
            "the bottom of the zone is the least you would accept for the job as offered: "
            "check which figure your function puts there"
        )
    raise NotYet(
        f"{case}, the zone is not ({low:,.2f}, {high:,.2f}): {hint}.",
        general=hint,
    )


def _pay_figures(offers):
    """The pay figures a learner may take, wrongly, for Northwind's reservation price."""
    return (offers.agency_rate, offers.pay_survey, offers.band_midpoint)


def _below(amount, limit):
    return amount < limit and not same_money(amount, limit)


def _zones(answer, cases, done):
    for offers in cases:
        judge_zopa(offers, call_learner(answer, offers, reservation_of(offers)))
    return done


def _only_beside(then, first, why):
    """A check's run: ``then`` (the part a constant answer could pass), which earns only
    once ``first`` passes too; else the ``NotYet`` hint ``why``, true of the answer since
    ``then`` passed. A function that always says None, or always makes a final offer,
    passed the part of its constant for every learner."""

    def run():
        done = then()
        try:
            first()
        except NotYet:
            raise NotYet(f"{why}.", general=why) from None
        return done

    return run


def _judged_after(first, then, why):
    """A check's run like ``_only_beside``, but ``first`` is judged before ``then``: while
    ``first`` fails, the hint is ``why``, not ``then``'s own, which would name a slip in
    ``then``'s case that a mistake in ``first`` explains (review 62 X4: a pay figure taken
    for Northwind's reservation price was told the zone of one salary is still a zone)."""

    def run():
        try:
            first()
        except NotYet:
            raise NotYet(f"{why}.", general=why) from None
        return then()

    return run


@question
def northwind_zopa(answer, hidden=False):
    """Check a function ``(offers, reservation) -> (low, high) or None``: the zone between
    your reservation price and Northwind's, which the learner works out from Northwind's
    alternative. A point and a half for cases with a zone; half a point for cases without,
    earned only beside the first (``return None`` earned the None part for every learner);
    a zone of one salary (b = s) is judged after the first, on a line of no points. Review
    61 X3: a strict ``>`` on the boundary cost the whole point for zones, then only the
    boundary's half point; review 103 X2: a half mark on a comparison operator was a
    quarter of the question, so that line is feedback only and its half point went to the
    zones, which every answer that earned it had right (grading only grows more lenient).
    Review 114 X1: then a strict ``>``, which the question's own b >= s rules out, earned
    2 of 2; the single salary now earns a quarter point, taken from the zones."""
    cases = _both_kinds(hidden)
    if hidden:
        cases += [no_deal_case(offers) for offers in cases[:2]]
    # review 77 X1: the agency's cost was the largest pay figure in every case, so "take
    # the largest figure" passed; this case's survey lies above it
    wide = [offers for offers in cases if _has_zone(offers)]
    wide.append(survey_above_agency_case(_example(True)))
    edge = [zone_edge_case(_example(True))]  # b = s: the zone is one salary
    without = [offers for offers in cases if not _has_zone(offers)]
    done = "northwind_zopa finds the zone from Northwind's own alternative."
    first = "get those zones right first"

    return score(
        Check("a zone when there is one", 1.25, lambda: _zones(answer, wide, done)),
        Check(
            "a zone of one salary",
            0.25,
            _judged_after(
                lambda: _zones(answer, wide, done),
                lambda: _zones(
                    answer,
                    edge,
                    "northwind_zopa gives the zone of one salary where the two reservation "
                    "prices are equal.",
                ),
                "the zone of one salary, where the two reservation prices are equal, is "
                f"judged only beside the right zones where they differ: {first}",
            ),
        ),
        Check(
            "None when there is no zone",
            0.5,
            _only_beside(
                lambda: _zones(
                    answer,
                    without,
                    "northwind_zopa says None when Northwind's alternative costs less than "
                    "your reservation price.",
                ),
                lambda: _zones(answer, wide, done),  # a strict b > s keeps this mark
                "it says None where there is no zone, but that earns its mark only beside the "
                "right zone where there is one (else a function that always said None would "
                "earn it): get those zones right first",
            ),
        ),
    )


# --- question 6: good enough to close, ask for remote days, counter or final offer ------------------------


@answer_key
def judge_response(offers, number, offer, given, part="response"):
    """Question 6 on ``given``, the response, or the ``(response, reason)`` pair of the form
    graded before review 86 (X1), for offer ``number`` (``offer``) of ``offers`` (given the
    right BATNA value and Northwind reservation price): nothing when its ``part``
    ("response" or "reason") is the rule's, or when a reason is asked of a response given
    alone, else the ``NotYet`` hint saying why the rule's answer is right."""
    if isinstance(given, str):
        said, because = given, None
    else:
        said, because = _pair(given, "respond_to_offer", "(response, reason)")
    right, reason = right_response(offers, offer)
    named = f"offer {number}" if isinstance(number, int) else number
    where = f"{_case(offers)}, {named} ({offer})"
    if part == "response":
        word = _choice(said, RESPONSES, "the response", RESPONSE_ALIASES)
        if word != right:
            hint, general = _why(offers, offer, reason, word)
            # the reason only: the hint never names the right response (review 58 W2); it
            # echoes the learner's own word, which may be an older alias (review 67 X2)
            shown = " ".join(_trimmed(said).lower().replace("_", " ").split())
            raise NotYet(f"{where}: {hint}; so not {shown!r}.", general=general)
        return
    if because is None:  # a response alone: reasons are optional feedback (review 86 X1)
        return
    because = _choice(because, tuple(REASONS), "the reason", REASON_ALIASES)
    if because == _OLD_AT_BATNA and offer.salary == batna_value(offers) and reason != because:
        return
    if because != reason:
        hint, general = _why(offers, offer, reason, because)
        general = _not_so(offers, offer, because) or general
        raise NotYet(
            f"{where}: the reason is not {because!r}: {hint}.",
            general=f"the reason it gives does not fit the offer: {general}",
        )


def _not_so(offers, offer, because):
    """What about ``offer`` rules out the reason ``because``, in words without numbers (the
    general hint for a wrong reason: review 78 X3, which got the right reason's advice on
    the response instead); ``None`` when its row's condition holds but an earlier row of
    the rule fits first (the right reason's own hint then says which)."""
    value, salary = batna_value(offers), offer.salary
    with_remote = reservation_of(offers, REMOTE_DAYS)
    own = reservation_of(offers, offer.remote_days)
    split = (with_remote + max(northwind_reservation(offers), salary)) / 2
    halved = " (two remote days take half the commute off)" if offer.remote_days else ""
    if because == "no zone even with remote days":
        if salary >= with_remote:
            return "it reaches your reservation price with two remote days"
        if northwind_reservation(offers) >= with_remote:
            return "Northwind's reservation price reaches yours with two remote days"
        return None
    if because in ("even split reached", "no remote days") and salary < split:
        return "its salary is short of the even split with remote days"
    if because == "even split reached" and not offer.remote_days:
        return "it has no remote days"
    if because == "no remote days" and offer.remote_days:
        return "it has remote days"
    if because == "below your BATNA" and salary >= value:
        return "its salary is not below your BATNA's value"
    if because in ("below your reservation price", "below the even split") and salary >= split:
        return "its salary reaches the even split with remote days"
    if because == "below your reservation price" and salary >= own:
        return f"it reaches your reservation price for its package{halved}"
    if because == "below your reservation price" and salary < value:
        return "its salary is below your BATNA's value, not between that and your reservation price"
    if because == "below the even split" and salary < own:
        return f"it is short of your reservation price for its package{halved}"
    return None


def _why(offers, offer, reason, said=None):
    """Why ``reason`` is the one for ``offer``: a sentence with the case's numbers, and the
    same in general words; for an offer at or above the even split with remote days but below
    that of the job as offered, both end by naming section 5's rule (review 62 X1; a
    numbered step until review 70 made the rule a table). ``said`` is the learner's response
    or reason, if any (``_why_alone``)."""
    hint, general = _why_alone(offers, offer, reason, said)
    job_split = even_split(offers)
    if reason in ("even split reached", "no remote days") and (
        job_split is not None and offer.salary < job_split
    ):
        step = (
            "; judge every offer against the zone with two remote days (section 5's rule), not "
            "the zone for the job as offered"
        )
        return hint + step, general + step
    return hint, general


#: What a learner says to make a final offer and leave: the response (its older word,
#: "walk away", is read as it by ``_choice``), or its reason (review 88 X1).
_WALKING = ("final offer", "no zone even with remote days")


def _why_alone(offers, offer, reason, said=None):
    """``_why`` before its step: ``said``, the learner's response or reason, picks the hint
    where your estimate of Northwind's reservation price leaves no zone but the offer reaches
    your reservation price with two remote days (review 88 X1: only a final offer is told that
    section 5 makes none there; any other answer gets the rule's own reason)."""
    limit = northwind_reservation(offers)
    reservation = reservation_of(offers, offer.remote_days)
    with_remote = reservation_of(offers, REMOTE_DAYS)
    split = even_split(offers, REMOTE_DAYS)
    your = "your" if offers.learner == learner_id() else "that learner's"  # review 98 U1
    # review 68 X4: on the learner's own case the even split can be question 5's graded
    # target, so only an example's hint shows it
    at = "" if your == "your" or split is None else f", {split:,.0f}"
    # review 70 X2: nor a reservation price, question 3's answer (and its half-commute form)
    mine = your == "your"

    def price(value):
        return "" if mine else f", {value:,.0f},"

    beaten = limit < with_remote and reason != "no zone even with remote days"  # r77 C2
    if beaten and said in _WALKING:
        return (  # review 83 X1: in section 5's words, without an unstated rule
            f"the offer reaches {your} reservation price with two remote days"
            f"{price(with_remote)[:-1]}, though Northwind's reservation price as estimated, "
            f"{limit:,.0f}, does not: section 5 makes a final offer only when neither reaches it",
            "an offer that reaches your reservation price with two remote days is not met with "
            "a final offer, even when your estimate of Northwind's reservation price falls "
            "short: section 5 makes a final offer only when neither reaches it",
        )
    if reason == "no zone even with remote days":
        # review 88 C1: what a final offer is, without naming the response (review 58 W2)
        last = (
            f"section 5 leaves only {your} final offer ({your} reservation price with two remote "
            "days) and leaving if it is refused"
        )
        return (
            f"even with two remote days {your} reservation price{price(with_remote)} is more "
            f"than Northwind's reservation price {limit:,.0f}: no package works for both, so "
            + last,
            "when even two remote days leave your reservation price above Northwind's, no "
            "package works for both, so section 5 leaves only your final offer (your "
            "reservation price with two remote days) and leaving if it is refused",
        )
    if beaten:  # review 88 X1: the rule's own reason, where the estimate leaves no zone
        reached = (
            f"{your} reservation price with two remote days{price(with_remote)[:-1]}, the bar "
            f"where {your} estimate of Northwind's reservation price, {limit:,.0f}, leaves no zone"
        )
        if reason == "even split reached":
            return (
                f"the offer has remote days and reaches {reached}",
                "where your estimate of Northwind's reservation price leaves no zone, an offer "
                "with remote days that reaches your reservation price with two remote days is "
                "good enough to close",
            )
        if reason == "no remote days":
            return (
                f"the salary reaches {reached}, but the offer has no remote days; they cost "
                f"Northwind nothing and halve {your} commute",
                "where your estimate of Northwind's reservation price leaves no zone, a salary "
                "that reaches your reservation price with two remote days, offered without "
                "them, lacks only the remote days: they cost Northwind nothing and are worth "
                "half your commute to you",
            )
    if reason == "even split reached":
        return (
            f"the offer has remote days and is at or above the even split of your zone with "
            f"remote days{at}"
            if mine
            else f"with its remote days {your} reservation price is {reservation:,.0f}, and "
            f"the offer is at or above the even split of that zone{at}",
            # review 81 X2: "one to take" read as "take it at once", which question 6 denies
            "an offer with remote days at or above the even split of its zone is good enough to close",
        )
    if reason == "no remote days":
        short = (
            f" (without them the salary is even below {your} reservation price for the job as "
            f"offered{price(reservation)[:-1]})"
            if offer.salary < reservation
            else ""
        )
        return (
            f"the salary reaches the even split of the zone with two remote days{at}, but "
            f"the offer has none; they cost Northwind nothing and halve {your} "
            f"commute{short}",
            "a salary that reaches the even split with remote days, offered without them, "
            "lacks only the remote days: they cost Northwind nothing and are worth half your "
            "commute to you",
        )
    if reason == "below your BATNA":
        return (
            f"the offer is below {your} BATNA's value, {batna_value(offers):,.0f}: it tells you "
            "where Northwind opens, not where it must stop, and with remote days there is a "
            f"zone up to its {limit:,.0f}",
            "an offer below your BATNA's value is where Northwind opens, not where it must "
            "stop; while a zone exists, answer it",
        )
    if reason == "below your reservation price":
        return (
            f"it reaches {your} BATNA's value, {batna_value(offers):,.0f}, but not {your} "
            f"reservation price for this package{price(reservation)[:-1]}: once the commute is "
            f"counted {'you' if mine else 'that learner'} would be worse off than with "
            f"{'your' if mine else 'its'} BATNA",
            "an offer at or above your BATNA's value but below your reservation price for its "
            "package leaves you worse off once the commute is counted",
        )
    return (
        f"it reaches {your} reservation price for this package{price(reservation)} but not "
        f"the even split of the zone with remote days{at}",
        "an offer inside the zone but below its even split is one to answer, not to take",
    )


def offers_tried(offers):
    """The offers question 6's check tries on a case, each with how a hint names it: the
    case's own offers by number, then ``rule_offers``, one on every path of the rule."""
    own = [(number, offer) for number, offer in enumerate(offers.northwind_offers, start=1)]
    return own + [("a test offer", offer) for offer in rule_offers(offers)]


def _at_batna_offers(offers):
    """Review 79 X2: two offers exactly at the BATNA's value, without and with remote days,
    which the table's "at or above your BATNA's value" puts below your reservation price;
    none when no package works for both sides (the cheaper-agency case has its own offers)."""
    if even_split(offers, REMOTE_DAYS) is None:
        return []
    value = batna_value(offers)
    return [("a test offer", NorthwindOffer(float(value), days)) for days in (0, REMOTE_DAYS)]


#: Review 79 X2: before the table said "at or above your BATNA's value", an offer exactly at
#: it fitted neither counter row, so a learner who called it "below your BATNA" read the text
#: fairly; that reason still passes there, and only there.
_OLD_AT_BATNA = "below your BATNA"


def _responses(answer, cases, parts, done, at_split=False):
    """Judge ``parts`` of the answer on every offer tried on ``cases``: those exactly at the
    even split with remote days when ``at_split``, else all others (review 78 X2: that edge
    is a part of its own, so a `>` for `>=` costs its half mark alone)."""
    for offers in cases:
        value, limit = batna_value(offers), northwind_reservation(offers)
        split = even_split(offers, REMOTE_DAYS)
        for number, offer in offers_tried(offers) + _at_batna_offers(offers):
            if (offer.salary == split) != at_split:
                continue
            given = call_learner(answer, offers, offer, value, limit)
            for part in parts:
                judge_response(offers, number, offer, given, part)
    return done


def _at_split(answer, cases):
    """Question 6 on the offers exactly at the even split with remote days: response and
    reason, with a hint on the boundary the rule's "reaches" includes."""
    try:
        return _responses(
            answer,
            cases,
            ("response",),
            "respond_to_offer takes an offer exactly at the even split as reaching it.",
            at_split=True,
        )
    except NotYet as slip:
        edge = "an offer exactly at the even split reaches it"
        general = slip.general and f"{slip.general.rstrip('.')}; {edge}"
        raise NotYet(f"{str(slip).rstrip('.')}; {edge}.", general=general) from None


@question
def respond_to_offer(answer, hidden=False):
    """Check a function ``(offers, offer, batna_value, northwind_reservation) -> (response,
    reason)``, or the response alone, on the learner's own offers and an example of the
    other kind, each with further offers on every path of the rule (``rule_offers``): the
    responses (a point); two offers exactly at the even split with remote days (review 78
    X2: a `>` for `>=` cost both marks, so it became a half point of its own; review 103 X2:
    a quarter of the question on a comparison operator, so it is now feedback only, and its
    half point is earned by the responses, or, for an answer wrong there, by these two
    offers as before, so that no answer earns less); and on the same cases with a cheaper
    agency, where every offer should get a final offer (half a point, earned only beside
    the responses: a constant final offer earned it for every learner). Review 86 X1:
    the text no longer gives the rule's reasons as a table to copy, so a reason, when the
    answer gives one, is judged on a feedback line of no points, on every offer tried."""
    cases = _both_kinds(hidden)
    # review 77 C2: offers that reach your reservation price with remote days, though the
    # estimate of Northwind's leaves no zone, get no final offer
    no_deal = [no_deal_case(offers) for offers in cases]
    no_deal += [beaten_estimate_case(offers) for offers in cases[:2]]
    cases.append(split_edge_case(_first_example("Harbor Bank")))  # review 77 X3: `>` failed

    def responses():
        return _responses(
            answer,
            cases,
            ("response",),
            "respond_to_offer finds offers good enough to close, asks for remote days and counters by "
            "the rule.",
        )

    def reasons():
        done = "respond_to_offer's reasons, where it gives them, are the rule's."
        _responses(answer, cases, ("reason",), done)
        _responses(answer, cases, ("reason",), done, at_split=True)
        return _responses(answer, no_deal, ("reason",), done)

    def either():
        try:
            return responses()
        except NotYet as slip:
            try:
                _at_split(answer, cases)
            except NotYet:
                raise slip from None
            return (
                "respond_to_offer takes an offer exactly at the even split as reaching it: "
                "that earns this half mark while a response elsewhere is wrong."
            )

    return score(
        Check("responses", 1, responses),
        Check("responses, or the even split", 0.5, either),
        Check("at the even split", 0, lambda: _at_split(answer, cases)),
        Check(
            "final offer",
            0.5,
            _only_beside(
                lambda: _responses(
                    answer,
                    no_deal,
                    ("response",),
                    "respond_to_offer makes a final offer when no package works for both sides.",
                ),
                responses,
                "it makes a final offer where no package works for both sides, "
                "but that earns its half mark only beside the rule's responses where a deal is "
                "possible (else a function that always made a final offer would earn it): get "
                "those responses right first",
            ),
        ),
        Check("reasons", 0, reasons),
    )


# --- question 7: legitimate, bluff or misrepresentation --------------------------------------

#: The two tests of question 7, in the notebook's words.
_TESTS = (
    "ask of it, in turn: is it true of your scenario (a demand says only what you will do "
    "below its figure)? If it is not, is the false part the least you would accept, or a "
    "fact Northwind would rely on?"
)


#: Each of question 7's old labels (``OLD_LABELS``) in the words it now has.
_NEW_WORDS = dict.fromkeys(OLD_LABELS, LEGITIMATE)


def _nudge(given, right, kind=None):
    """Which of the tests the learner's label fails, without naming the right label. An old
    label (``OLD_LABELS``) is read in the new words; where those are right, the hint says
    only that the words have changed."""
    if given in _NEW_WORDS and _NEW_WORDS[given] == right:
        return (
            f"{given!r} is one of this question's old labels, and not the one for this "
            "statement; the labels now follow module 00, and a true statement that leaves no "
            f"false impression, with a demand or without, is {LEGITIMATE!r}"
        )
    given = _NEW_WORDS.get(given, given)
    if kind == "warning" and {given, right} == {LEGITIMATE, "bluff"}:
        told = (
            "compare its figure with your reservation price for the package it names: would "
            "you really take your BATNA at every salary below it?"
        )
        if given == "bluff":  # what Northwind may hear above the figure is a cost, not a lie
            told += (
                " Judge the demand by what it says, what you will do below its figure; what "
                "Northwind may hear in it about higher salaries is a cost of making it "
                "(section 6), not something false in it"
            )
        return told
    true = {LEGITIMATE}
    if kind == "private" and given not in true:  # no figure: "every figure" would be vacuous
        return "it states nothing false and claims no reservation price"
    if (given in true) != (right in true):
        if right not in true:
            return "check every figure in it against your scenario"
        # review 78 C1: section 6 judges a true statement of fact by what it makes Northwind
        # believe, so "every figure is true" alone was a test the text rejects; review 79
        # X1: the hint says section 6's own test, without a "to its cost" it never states
        if kind in ("bluff", "warning"):  # review 92 U1: a claim or demand is judged as worded
            return (
                "a claim or demand is true as worded, and this one is; a figure below your "
                "reservation price can mislead only against you: a cost, not a lie"
            )
        return "it is true of your scenario and leaves no false impression Northwind would rely on"
    return "look again at what the false part is about"


def label_of(value, letter):
    """The learner's label of statement ``letter`` among ``LABELS``, or one of the
    ``OLD_LABELS`` an answer written before review 80 C3 may hold; else the ``NotYet`` hint.
    "honest", the word this question once used for a true statement that demands nothing,
    gets its own hint (review 70 U2)."""
    if evened(_trimmed(value)) == "honest":
        raise NotYet(
            f"the label of statement {letter} is 'honest', which is not one of the labels: a "
            f"true statement that leaves no false impression, with a demand or without, is "
            f"{LEGITIMATE!r}; the labels are " + ", ".join(repr(label) for label in LABELS),
            general="it should return one of " + ", ".join(repr(label) for label in LABELS),
        )
    return _choice(value, LABELS, f"the label of statement {letter}", {x: x for x in OLD_LABELS})


def _end(sentence):
    """``sentence`` with a full stop, unless it already ends with a question mark (the nudge
    read "below it?. To label")."""
    return sentence if sentence.endswith("?") else f"{sentence}."


def _said_plain(value):
    """Whether ``value`` labels a true statement that demands nothing right, in any spelling
    the check takes: "legitimate", or the old "plain statement"."""
    try:
        return label_of(value, "") in (LEGITIMATE, "plain statement")
    except NotYet:
        return False


@answer_key
def _accepted(statement, answers):
    """The labels question 7 takes for ``statement`` beside the learner's ``answers``: the
    course's, the label it had before review 80 C3 (``old_label``: an answer written then
    keeps its marks), and any second one (``_also``): a demand above your limit, which
    module 03 files either way; review 79 X1, Lumen's base salary once worded as its offer,
    only beside legitimate labels for the two statements true in every scenario
    (``_beside``)."""
    beside = all(_said_plain(answers.get(x)) for x in statement._beside)
    also = {statement._also} if statement._also and beside else set()
    return {statement._label, old_label(statement)} | also


@answer_key
def judge_statement(statement, answers, function="label_statements"):
    """Question 7 on ``answers`` (letter -> label) for one statement: its pass message when
    the label is the course's, else the ``NotYet`` hint: which test to apply again, never
    the label. ``function`` is the learner's function the hints name (review 100 U1: the
    practice case's hints named label_statements, not practice_labels)."""
    if not isinstance(answers, dict):
        raise NotYet(
            "label_statements should return a dict like {'A': 'legitimate', ..., 'use': 'B'}, "
            "got "
            f"{type(answers).__name__}",
            general="it should return a dict of letter to label, with 'use'",
        )
    if statement.letter not in answers:
        raise NotYet(f"{function} has no label for statement {statement.letter} yet.")
    given = label_of(answers[statement.letter], statement.letter)
    if given != statement._label and given in _accepted(statement, answers):
        return f"statement {statement.letter}, {given!r}: {statement._why}."
    if given != statement._label:  # on the learner's own statements only, so grading may say it
        said = (
            f"statement {statement.letter} is not {given!r}: "
            f"{_end(_nudge(given, statement._label, statement._kind))} "
            f"To label a statement, {_TESTS}"
        )
        nudge = _nudge(given, statement._label, statement._kind)
        general = (  # shown at grading with a full stop after it, so it ends in none
            f"statement {statement.letter} is not {given!r}: {nudge} (to label a statement, "
            "apply section 6's three rules to it in turn)"
        )
        raise NotYet(said, general=general)
    return f"statement {statement.letter}, {statement._label!r}: {statement._why}."


#: The kinds of question 7's statements that are legitimate in every scenario: your BATNA's
#: terms told plainly and your reservation price kept private. Their labels earn an eighth of a
#: mark each, the four read off a figure three eighths (review 75 X2: these two once earned
#: nothing, so calling your own true BATNA statement a misrepresentation cost no mark).
_HONEST_KINDS = ("mention", "private")

#: Question 7's marks: each label read off a figure, each of the two always-plain statements,
#: and the choice under "use"; together the question's 2 points.
LABEL_POINTS, HONEST_POINTS, USE_POINTS = 0.375, 0.125, 0.25


def label_points(statement):
    """What a right label of ``statement`` earns in question 7."""
    return HONEST_POINTS if statement._kind in _HONEST_KINDS else LABEL_POINTS


def read_off_figures(statements):
    """The four of ``statements`` whose label turns on a figure: the two demands, the claim
    about the least you would accept and the statement about an offer."""
    return [s for s in statements if s._kind not in _HONEST_KINDS]


@answer_key
def judge_use(offers, answers):
    """Question 7's last part: the letter under ``"use"`` is the statement the course would
    make about your alternatives (``statement_to_use``); else the ``NotYet`` hint."""
    if not isinstance(answers, dict) or "use" not in answers:
        raise NotYet(
            "label_statements has no 'use' yet: add the letter of the statement you would make."
        )
    statements = {s.letter: s for s in statements_of(offers)}
    chosen = answers["use"]
    letter = _trimmed(chosen).upper() if isinstance(chosen, str) else chosen
    if letter not in statements:
        raise NotYet(
            f"'use' should be one of the letters {', '.join(statements)}, got {chosen!r}.",
            general="'use' should be one of the statements' letters",
        )
    right = statement_to_use(offers)
    where = (
        ""
        if offers == _drawn(learner_id())
        else f"with Northwind's band midpoint at {offers.band_midpoint:,.0f}, "
    )
    if letter == right:
        return f"{where}statement {letter} is the one to make: {_use_reason(offers)}."
    # review 59 W3: on the learner's own case the reason would give the graded choice away
    ask = (
        "ask what naming your BATNA's terms would tell Northwind, compared with its present "
        "estimate of your reservation price"
    )
    if not where:  # one reply for every wrong letter: another would tell honest ones apart
        raise NotYet(f"statement {letter} is not the one to make: {ask}.", general=ask)
    if statements[letter]._label != LEGITIMATE or statements[letter]._kind == "warning":
        raise NotYet(
            f"statement {letter} is not one to make: choose among the statements that are "
            "true and demand nothing."
        )
    value, band = batna_value(offers), offers.band_midpoint
    if statements[letter]._kind == "mention" and value <= band < reservation_of(offers):
        advice = (
            "; compare the band with your BATNA's value, not with your reservation price: "
            "Northwind counts the commute you leave unpriced at nothing"
        )
    else:
        advice = "; work it out from offers.band_midpoint and your BATNA's value"
    raise NotYet(
        f"{where}statement {letter} is not the one to make: {_use_reason(offers)}{advice}.",
        general=ask,
    )


def _use_reason(offers):
    value, band = batna_value(offers), offers.band_midpoint
    if value > band:
        return (
            f"your BATNA is worth more by expected values than the {band:,.0f} "
            "that is Northwind's estimate of your reservation price, so your BATNA is strong: its terms, told "
            "plainly, raise what Northwind must offer, and leaving the commute unpriced gives "
            "Northwind no figure to match"
        )
    return (
        f"your BATNA is worth less by expected values than the {band:,.0f} "
        "that is Northwind's estimate of your reservation price, so your BATNA is weak: its terms would tell "
        "Northwind it could offer less than it was ready to; keep it private"
    )


def _other_band(offers):
    """The learner's scenario with the pay band's midpoint moved 3,000 past the BATNA's
    value, to the other side of it (still within Northwind's reservation price): the same
    statements, the other statement to make. The checks try it, so a letter written in
    for "use" fails where one worked out from the scenario passes."""
    value = batna_value(offers)
    band = value - 3_000 if offers.band_midpoint > value else value + 3_000
    return replace(offers, band_midpoint=band)


def _between_band(offers):
    """The learner's scenario with the pay band's midpoint between the BATNA's value and the
    reservation price for the job as offered (above the reservation price with two remote days,
    and within Northwind's reservation price): the BATNA is weak there, though the reservation
    price beats the midpoint (the case assumes Northwind counts the commute left unpriced at
    nothing, so the BATNA's terms show it the BATNA's value alone), so a "use" chosen by the
    reservation price instead of the BATNA's value fails."""
    low = reservation_of(offers, REMOTE_DAYS)
    high = min(reservation_of(offers), northwind_reservation(offers))
    return replace(offers, band_midpoint=round((low + high) / 2, -2))


def _use_cases(offers):
    """The scenarios the checks of "use" try: the learner's own, the band moved to
    the other side of the BATNA's value, and the band between that value and the
    reservation price."""
    return [offers, _other_band(offers), _between_band(offers)]


def _use_parts(answer, cases, answers):
    for offers in cases:
        given = answers if offers is cases[0] else call_learner(answer, offers)
        said = judge_use(offers, given)
    return said


#: The id question 7's practice case is drawn for. A colon is never in a course id
#: (``course.variants``), so no learner, hidden case or ``learner_as`` can draw this
#: scenario or its statements: the practice check judges labels of no graded case,
#: whatever learner the kernel claims. Its demands are a bluff with remote days and a
#: warning without, both figures between the two reservation prices, so the package alone
#: decides each label (the case to practise), and it has all three labels. Its claim and its
#: fact are false, so two more statements, G and H, state each truly (review 75 X3: 232 of
#: 300 learners meet a true claim or a true fact in their own six).
_PRACTICE_ID = "practice:2"

#: What question 7's visible check says of the labels of the learner's own statements.
MARKED_WHEN_GRADED = (
    "The labels of your own statements are not judged here: they are marked when the "
    "notebook is graded. The practice case is judged statement by statement; practise there."
)


@functools.lru_cache(maxsize=1)
def practice_case():
    """Question 7's practice case: one fixed scenario, drawn for an id that is no course id,
    so it is never a learner's own (shown before the course id is known, too)."""
    return job_offers(rng_for(MODULE, _PRACTICE_ID), _PRACTICE_ID)


@course_at_work
def _practice_said():
    """The practice case's eight statements: its own six, A to F, and a true claim and a
    true fact, G and H (``true_claim_and_fact``). The course's own working: the practice
    case is never a learner's, so its labels may be shown in a notebook."""
    offers = practice_case()
    return statements_of(offers) + true_claim_and_fact(offers)


class _PracticeStatements:
    """Question 7's practice case as the notebook shows it: its alternatives, its BATNA and
    reservation prices worked out, and its six statements. It shows the practice case only:
    worked out for a learner's own offers, it would answer questions 2 and 3."""

    def _repr_markdown_(self):
        o = practice_case()
        name, value = batna_of(o)
        said = "\n".join(f"- **{s.letter}.** “{s.text}”" for s in _practice_said())
        return (
            "**Practice case** (not yours; it earns no marks). Harbor Bank offers a sure "
            f"{o.bank_salary:,.0f}. Lumen offers a base of {o.startup_base:,.0f}, plus "
            f"{o.startup_bonus:,.0f} if its funding round closes (chance "
            f"{o.funding_probability:.0%}). Freelance: the client renews with chance "
            f"{o.renewal_probability:.0%}, and then a busy year (chance "
            f"{o.busy_probability:.0%}) earns {o.freelance_busy:,.0f} and a normal one "
            f"{o.freelance_normal:,.0f}; without renewal, {o.freelance_no_renewal:,.0f}. The "
            f"BATNA is {name}, worth {value:,.0f} by expected values. The commute costs "
            f"{o.commute_cost:,.0f} a year, so the reservation price is "
            f"{reservation_of(o):,.0f} for the job as offered and "
            f"{reservation_of(o, REMOTE_DAYS):,.0f} with two remote days.\n\n{said}\n"
        )

    def __repr__(self):
        return self._repr_markdown_().replace("**", "")


def practice_statements():
    """Question 7's practice case, to show in the notebook."""
    return _PracticeStatements()


@question
def practice_labels(answer):
    """Check a function ``() -> dict`` of letter -> label for the practice case's eight
    statements: each judged with its own hint; nothing is marked. When all are right, the
    learner's progress record notes question 7's self-check."""
    answers = call_learner(answer)
    if not isinstance(answers, dict):
        raise NotYet(
            "practice_labels should return a dict like {'A': 'legitimate', 'B': 'bluff', ...}, "
            f"got {type(answers).__name__}",
            general="it should return a dict of letter to label",
        )
    said, wrong = [], 0
    statements = _practice_said()
    for statement in statements:
        try:
            said.append(f"- {judge_statement(statement, answers, 'practice_labels')}")
        except NotYet as hint:
            said.append(f"- {str(hint).split(' To label a statement, ')[0]}")
            wrong += 1
    lines = "\n".join(said)
    if wrong:
        verb = "is" if wrong == 1 else "are"
        raise NotYet(
            f"{wrong} of the practice case's {len(statements)} labels {verb} not right yet "
            "(the practice case "
            f"earns no marks; 'your' in these lines means the practice case's):\n{lines}\n"
            f"To label a statement, {_TESTS}"
        )
    record_pass(MODULE, "label_statements")
    say(f"\N{CHECK MARK} all {len(statements)} labels of the practice case are right:\n{lines}")


def _form_of_labels(offers, answers):
    """Question 7's labels on the learner's own case, form only: a dict with an allowed
    label for every letter; else the ``NotYet`` hint. Nothing about which label is right."""
    if not isinstance(answers, dict):
        raise NotYet(
            "label_statements should return a dict like {'A': 'legitimate', ..., 'use': 'B'}, "
            "got "
            f"{type(answers).__name__}",
            general="it should return a dict of letter to label, with 'use'",
        )
    for statement in statements_of(offers):
        if statement.letter not in answers:
            raise NotYet(f"label_statements has no label for statement {statement.letter} yet.")
        label_of(answers[statement.letter], statement.letter)


@question
def label_statements(answer, hidden=False):
    """Check a function ``(offers) -> dict`` of letter -> label for the scenario's
    statements, and under "use" the letter of the statement to make. Grading (``hidden``)
    gives three eighths of a point to each statement read off a figure whose label is right
    (``judge_statement``), each on its own (review 65 X1: a share earned only once three of
    the four were right, not all with one label, was a cliff), an eighth to each of the two
    always-plain statements (review 75 X2: every label counts), and a quarter for the
    choice (also for the
    learner's statements with the pay band on the other side of the BATNA's value, and
    between that value and the reservation price). The visible check judges the choice the
    same way, but of the labels only their form: the practice case (``practice_labels``)
    is where labels are judged one by one, so they cannot be found by re-running."""
    offers = _drawn(learner_id())
    statements = statements_of(offers)
    try:
        answers = call_learner(answer, offers)
    except NotYet as hint:
        answers = hint  # each statement's part shows it
    cases = _use_cases(offers)  # the visible check too, so a wrong rule cannot show a tick
    if not hidden:
        if isinstance(answers, NotYet):
            raise answers
        _form_of_labels(offers, answers)
        use = _use_parts(answer, cases, answers)
        # review 70 X1: the "not judged here" sentence comes first, so no learner reads the
        # form message as a pass of the labels
        say(
            f"{MARKED_WHEN_GRADED}\nYour labels have the right form: one of the labels "
            "for each of statements A to F. The statement to make (judged here, on your case "
            f"and with the band's midpoint moved): {use}"
        )
        return None

    def part(judge, *arguments):
        if isinstance(answers, NotYet):
            raise answers
        return judge(*arguments, answers)

    return score(
        *(
            Check(
                f"statement {s.letter}",
                label_points(s),
                functools.partial(part, judge_statement, s),
                own_case=True,
            )
            for s in statements
        ),
        Check(
            "the statement to make",
            USE_POINTS,
            functools.partial(part, lambda answers: _use_parts(answer, cases, answers)),
        ),
    )


# --- question 8: how strong must your BATNA be ------------------------------------------------


def batna_needed_cases(hidden):
    """(target, pie, their BATNA) cases from the domain the notebook teaches: the other side's
    BATNA below half the pie, any target from 0 to the whole pie, so every answer is 0 or more,
    or None; seven the learner sees (one out of reach, one of whole numbers exactly at the edge
    of reach, three at or below half the pie, one of whole numbers exactly at half, one whose
    Nash answer without the floor at 0 is negative), so a missing floor or ``>=`` for "out of
    reach" fails the visible check as it fails grading (review 108 X4: at exactly half, the
    outside-option model takes 0 or the target, so ``<`` for "at or below half" passes); more
    when grading, the drawn ones none within 1 of the reach boundary or of half the pie (float
    noise)."""
    cases = [
        (55, 100, 40),
        (60, 100, 20),
        (90, 100, 20),
        (80, 100, 20),
        (30, 100, 20),
        (45, 100, 30),
        (50, 100, 20),  # exactly half the pie: 0 or 50 with an outside option (review 108 X4)
    ]
    if hidden:
        rng = hidden_rng(MODULE, "batna_needed")
        while len(cases) < 14:
            pie = round(rng.uniform(50, 500), 1)
            theirs = round(rng.uniform(0, pie / 2 - 1), 1)
            target = round(rng.uniform(1, pie), 1)
            nash = 2 * target - pie + theirs
            if min(abs(target - (pie - theirs)), abs(target - pie / 2), abs(nash)) >= 1:
                cases.append((target, pie, theirs))
        # out of reach; just within reach; any BATNA under the outside option; any under both
        cases += [(95, 100, 20), (79, 100, 20), (30, 100, 45), (20, 100, 30)]
    return cases


def _reachable(target, pie, theirs):
    return target <= pie - theirs


def _at_edge(target, pie, theirs):
    """Whether the target leaves the other side exactly its BATNA: within reach, and judged
    only by the part that asks whether a target is within reach, so a `>=` slip for "out
    of reach" costs that half mark alone."""
    return target == pie - theirs


@answer_key
def judge_reach(case, delay_drives_agreement, result):
    """Whether ``result`` says rightly if the target of ``case`` is within reach: None out
    of reach, a number within it (its value is judged by the other two parts), else the
    ``NotYet`` hint."""
    if _reachable(*case) and result is not None:
        target, pie, theirs = case
        money(result, f"batna_needed({target}, {pie}, {theirs})")
        return
    judge_batna_needed(case, delay_drives_agreement, result)


@answer_key
def needed(case, delay_drives_agreement):
    """The least BATNA, 0 or more, that gets you at least the target under one model."""
    target, pie, theirs = case
    if delay_drives_agreement:
        return 0.0 if target <= pie / 2 else float(target)
    return max(0.0, 2 * target - pie + theirs)


@answer_key
def judge_batna_needed(case, delay_drives_agreement, result):
    """Question 8 on ``result`` for ``case`` under one model: nothing when it is the least
    BATNA, 0 or more, that gets at least the target (None when out of reach), else the
    ``NotYet`` hint."""
    target, pie, theirs = case
    call = f"batna_needed({target}, {pie}, {theirs}{', True' if delay_drives_agreement else ''})"
    if not _reachable(*case):
        if result is not None:
            raise NotYet(
                f"{call}: the other side needs at least {theirs} of {pie}, so a share of "
                f"{target} is out of reach; return None.",
                general="when the other side's BATNA leaves less of the pie than the target, "
                "the target is out of reach; return None",
            )
        return
    if result is None:
        raise NotYet(
            f"{call}: a share of {target} leaves the other side {pie - target:g}, at least its "
            f"BATNA of {theirs}, so the target is within reach (where it leaves exactly the "
            "BATNA, the other side still agrees); return the least BATNA that gets it",
            general="it returned None for a target within reach: a deal that leaves the other "
            "side exactly its BATNA still counts",
        )
    value = money(result, call)
    expected = needed(case, delay_drives_agreement)
    if same_money(value, expected) or (
        delay_drives_agreement and target == pie / 2 and same_money(value, target)
    ):  # review 108 X4: at exactly half, `<` (the share at the table just under half for
        # any real delay) is as right as the limit's `<=`
        return
    split = outside_option_split if delay_drives_agreement else nash_split
    shares = split(pie, value, theirs) if value >= 0 else None
    if expected == 0 and value < 0:
        hint = general = (
            "a BATNA of 0 already gets you the target, and the question asks for the least "
            "BATNA of 0 or more"
        )
    elif delay_drives_agreement and expected == 0:
        hint = general = (
            "a target at or below half the pie needs no BATNA at all when you can walk out "
            "whenever you turn down their proposal: your BATNA does not matter until it beats "
            "half"
        )
    elif delay_drives_agreement and same_money(value, 2 * target - pie + theirs):
        hint = general = (
            "that is the Nash answer; when you can walk out whenever you turn down their "
            "proposal, your BATNA counts only once it beats your share at the table (half "
            "the pie as delays vanish), and then it is your share"
        )
    elif not delay_drives_agreement and same_money(value, target - (pie - theirs) / 2):
        hint = general = (
            "each unit of BATNA moves your share by only half a unit, so you need twice that"
        )
    elif shares is None:
        hint = f"a BATNA of {value:g} leaves nothing to split with their {theirs}"
        general = "its BATNA and theirs together are more than the pie"
    elif shares[0] < target - 0.01:
        model = (
            "could walk out on their proposal and would get"
            if delay_drives_agreement
            else "would get"
        )
        hint = f"with a BATNA of {value:g} you {model} {shares[0]:g}, less than {target}"
        general = "the BATNA it gives does not get you the target under this model"
    else:
        hint = (
            f"a BATNA of {value:g} gets you {shares[0]:g}, at least {target}, but a smaller "
            "BATNA would too: return the least"
        )
        general = "the BATNA it gives is more than the least that gets the target"
    raise NotYet(f"{call} gave {value:g}: {hint}.", general=general)


def _batna_needed_part(answer, cases, delay_drives_agreement, done, judge=None):
    for case in cases:
        for walk in (False, True) if delay_drives_agreement is None else (delay_drives_agreement,):
            arguments = (*case, True) if walk else case
            (judge or judge_batna_needed)(case, walk, call_learner(answer, *arguments))
    return done


def _tells_models_apart(answer, cases):
    """Nothing when ``answer`` gives a different result with ``delay_drives_agreement=True``
    on at least one of ``cases`` where the two models' least BATNAs differ; else ``NotYet``."""
    for case in cases:
        if same_money(needed(case, True), needed(case, False)):
            continue
        nash, outside = call_learner(answer, *case), call_learner(answer, *case, True)
        if isinstance(nash, Real) and isinstance(outside, Real):
            if not same_money(float(nash), float(outside)):
                return
        elif nash != outside:
            return
    raise NotYet("it gives the same answer in both models wherever they differ")


@question
def batna_needed(answer, hidden=False):
    """Check a function ``(target, pie, their_batna, delay_drives_agreement=False)`` that
    returns the least BATNA, 0 or more, giving at least a target share, or None. Three parts: the Nash
    model within reach (half a point), which targets are out of reach, None in both models,
    with the target exactly at the edge of reach (a quarter), and the outside-option model
    within reach (a quarter); the own-talks version, ``own_batna_needed``, is the practice
    after question 10, unmarked (review 73 U2). The edge is judged in one part only: a `>=`
    slip for "out of reach" cost 1.5 of 2 marks when all three tried it. The out-of-reach quarter
    is earned only
    by a function that answers the two models differently somewhere they differ
    (``_tells_models_apart``): telling them apart is the point of section 7, and the Nash
    inversion in both models earned 1.5 of 2 for 20 of 20 learners."""
    cases = batna_needed_cases(hidden)
    inside = [case for case in cases if _reachable(*case) and not _at_edge(*case)]
    reach = [case for case in cases if not _reachable(*case) or _at_edge(*case)]
    return score(
        Check(
            "targets within reach",
            0.5,
            lambda: _batna_needed_part(
                answer, inside, False, "batna_needed inverts the Nash split."
            ),
        ),
        Check(
            "targets out of reach",
            0.25,
            _only_beside(
                lambda: _batna_needed_part(
                    answer,
                    reach,
                    None,
                    "batna_needed says None when no deal can give you the target.",
                    judge_reach,
                ),
                lambda: _tells_models_apart(answer, inside),
                "it says None where no deal can give you the target, but that quarter mark is "
                "earned only by a function that answers the two models differently where "
                "they differ, and yours gives the same answer in both there: with an outside "
                "option, your BATNA counts only once it beats your share at the table (half the pie as "
                "delays vanish)",
            ),
        ),
        Check(
            "walking away on their proposal",
            0.25,
            lambda: _batna_needed_part(
                answer,
                inside,
                True,
                "batna_needed knows that an alternative you can take whenever you turn down "
                "their proposal counts only once it beats your share at the table (half the pie "
                "as delays vanish).",
            ),
        ),
    )


def which_model_cases(offers):
    """The versions of the talks question 8b tries on ``offers``: its own, unless it has an
    answer date, then head office may cancel the role and the start slips, each with either
    side proposing, drawn on ``offers``'s own numbers from a generator of their own (review 94
    X1). Review 112 X6: an answer date fits neither of question 8's models, so either flag
    passed there, and a learner whose own talks had one passed that case whatever the
    answer; every case tried now has one right flag."""
    rng = rng_for("02_batna:which-model", offers.learner)
    kinds = [
        ("may be cancelled", "Northwind", False),
        ("may be cancelled", "you", False),
        ("start slips", "Northwind", False),
        ("start slips", "you", False),
    ]
    own = talks_of(offers)
    mine = [] if own.answer_date else [own]
    return mine + [talks_for(offers, *kind, rng) for kind in kinds]


@answer_key
def judge_delay_drives_agreement_for(talks, result):
    """Question 8b on ``result`` for one version of the talks: nothing when it is the
    ``delay_drives_agreement`` flag of question 8 that section 7 gives these talks
    (``False`` when head office may cancel the role: breakdown risk drives agreement, and
    your BATNA is a breakdown payoff; ``True`` when the start slips: the cost of delay
    does, and you can take your alternative whenever you turn down a proposal, an outside
    option). Under a common answer date the core of section 7 decides neither (its optional
    box reads both BATNAs as outside options), so either flag passes. Else the ``NotYet``
    hint, which says what to ask of the version, never the flag."""
    call = f"delay_drives_agreement_for(talks) for talks where {_talks_words(talks)}"
    if not isinstance(result, bool):
        general = (
            "return True or False: the value of question 8's delay_drives_agreement for the talks"
        )
        raise NotYet(f"{call} gave {result!r}: {general}.", general=general)
    if talks.answer_date or result == bool(talks.start_slips):
        return
    if talks.may_be_cancelled:
        general = (
            "here head office may end the talks whatever either side does: ask what pushes "
            "both sides to agree, and what you get if the talks end that way (section 7, "
            "'Where this holds')"
        )
    else:
        general = (
            "here each week of talks costs both sides, and you may take your alternative "
            "whenever you turn down Northwind's proposal: ask what pushes both sides to "
            "agree, and when your BATNA can count (section 7, 'Where it misleads')"
        )
    raise NotYet(f"{call} gave {result}: {general}.", general=general)


@question
def delay_drives_agreement_for(answer, hidden=False):
    """Check a function ``(talks)`` returning question 8's ``delay_drives_agreement`` flag
    that fits the talks: the learner's own version unless it has an answer date (review 112
    X6), and one with each proposer where head office may cancel the role and where the
    start slips; with ``hidden``, the same on other learners'
    numbers too. Half a mark (review 94 X1: choosing the model was never marked)."""
    cases = _scenarios(hidden)

    def part():
        for case in cases:
            for talks in which_model_cases(case):
                judge_delay_drives_agreement_for(talks, call_learner(answer, talks))
        return "delay_drives_agreement_for reads which of section 7's models fits the talks."

    return score(Check("which model fits your talks", 0.5, part))


# an earlier release's test cell, kept in a learner's saved notebook, calls the old name
walk_any_time_for = delay_drives_agreement_for


@answer_key
def judge_own_batna_needed(offers, talks, target, result):
    """The own-case practice after question 10 on ``result`` for one version of the talks:
    nothing when it is the least BATNA, 0 or more, at which the fitting model's salary on
    the package with two remote days reaches ``target`` (to the whole unit), else the
    ``NotYet`` hint, which says what to ask of the version, never the figure."""
    call = f"own_batna_needed(offers, talks, {target:,.0f}) for talks where {_talks_words(talks)}"
    if result is None:
        raise NotYet(
            f"{call} gave None: every target here lies below what the agency costs Northwind, "
            "so some BATNA reaches it; return the least, 0 or more.",
            general="it returned None, but every target the check tries is within reach",
        )
    value = money(result, call)
    right = batna_needed_of(offers, talks, target)
    if abs(value - right) <= 0.5:
        return
    as_offered = batna_needed_of(
        replace(offers, commute_cost=2 * offers.commute_cost), talks, target
    )
    half = offers.commute_cost / 2
    salary_passed = max(0, 2 * target - talks.work_value + half)  # batna_needed(target, W - c/2, 0)
    if abs(value - as_offered) <= 0.5:
        hint = general = (
            "your figure takes off the full commute; these talks are on the package with two "
            "remote days, so take off half of it"
        )
    elif talks.may_be_cancelled and abs(value - salary_passed) <= 0.5:  # review 68 X2
        hint = general = (
            "your figure is what the Nash split gives for the salary target taken as your "
            "share of the pie; your target is a salary, and the pie counts your gain as salary "
            "less half the commute, so your share is the salary target less half the commute"
        )
    elif value < 0:
        hint = general = "a BATNA is worth 0 or more: return the least such value"
    elif talks.may_be_cancelled:
        hint = general = (
            "here something neither side controls may end the talks: ask what each side then "
            "gets (Northwind, no hire at all), which of section 7's models that makes the one "
            "that fits, and how far each unit of your BATNA moves its salary"
        )
    elif talks.answer_date:
        hint = general = (
            "here delay costs nothing and the talks end on a common date: ask who makes the "
            "last offer, what the other side can then do besides take it, and whether your "
            "BATNA then matters at all"
        )
    else:
        hint = general = (
            "here each week of talks costs both sides, and either can leave whenever it turns "
            "down a proposal: your BATNA binds, so ask who makes the first offer and what "
            "salary that gives from a reservation price of your BATNA plus half the commute"
        )
    raise NotYet(f"{call} gave {value:,.0f}: {hint}.", general=general)


@question
def own_batna_needed(answer, hidden=False):
    """Check a function ``(offers, talks, target)`` returning the least value of your BATNA,
    0 or more, at which the salary the model that fits ``talks`` predicts on the package
    with two remote days reaches ``target``: question 5's target on the learner's own
    version of the talks and one of each kind on their own numbers (question 10's versions);
    with ``hidden``, the same on two other learners' numbers too. Practice with feedback, no
    mark (review 72 X1: a prediction the story does not meet earns no mark)."""
    cases = _scenarios(hidden)

    def part():
        for case in cases:
            target = target_of(case)
            for talks in talks_cases(case):
                judge_own_batna_needed(
                    case, talks, target, call_learner(answer, case, talks, target)
                )
        return "own_batna_needed finds the model that fits each version, and inverts it."

    return score(Check("your own talks", 0, part))


# --- question 5: your target ------------------------------------------------------------------


#: How far question 5's check lets a target lie from the right one: rounding to the hundred
#: moves it by at most this. Every band's top lies at least 200 below Northwind's limit.
TARGET_TOLERANCE = 100

#: How far from question 5's target a value inside the band may lie and still be read as that
#: target rounded (to a round thousand at most), when no other figure of section 4 is nearer.
ROUNDING_SLIP = 1_000


@answer_key
def target_band(offers):
    """The targets question 5 takes for ``offers``: at or above the even split of the zone
    with two remote days, and at most ``TARGET_SHARE`` of the way from its bottom to its top."""
    low, high = reservation_of(offers, REMOTE_DAYS), northwind_reservation(offers)
    return (low + high) / 2, low + TARGET_SHARE * (high - low)


@answer_key
def survey_supports_more(offers, value):
    """Review 106 X1: where the salary survey lies past the band's top, a fact the learner
    can show, a target from the band's top up to the survey's median (below Northwind's
    reservation price, where the opening goes) is also right: section 4's table takes it,
    at the cost of less room to concede. The three-quarter cap was a convention graded as
    the only judgement, and marked the survey's own figure wrong for 59 of 300 learners."""
    value = money(value, "target_salary's result")
    _, most = target_band(offers)
    limit = northwind_reservation(offers)
    survey = offers.pay_survey
    if survey <= most or value >= limit or same_money(value, limit):
        return False
    return most - TARGET_TOLERANCE <= value <= min(survey, limit) + TARGET_TOLERANCE


#: The line question 5's check shows when a learner's own target is above the band's top,
#: up to the survey (review 106 X1): right, and what it costs.
ABOVE_TOP_NOTE = (
    "Your target is above three quarters of the way up your zone with remote days, as far "
    "as your salary survey supports: that is right, but your opening at Northwind's "
    "reservation price now leaves less than a quarter of the zone to concede before you "
    "reach your target. The band's top leaves more room; the higher target asks more."
)


#: Why question 5's band is on the zone with two remote days (review 91 X1), for a target
#: that equals section 4's target for the job as offered.
_NO_PACKAGE = (
    "remote days cost Northwind nothing and halve your commute, so you will ask for them: the "
    "band is the zone with two remote days"
)


@answer_key
def judge_target(offers, value):
    """Question 5 on ``value``, the learner's target salary for ``offers``: nothing when it
    is within ``TARGET_TOLERANCE`` of ``target_of`` (so a target rounded to the hundred passes
    wherever the right one lies, at either end of the band too), else the ``NotYet`` hint."""
    value = money(value, "target_salary's result")
    if abs(value - target_of(offers)) <= TARGET_TOLERANCE:
        return None
    split, most = target_band(offers)
    limit = northwind_reservation(offers)
    if survey_supports_more(offers, value):  # review 106 X1: up to the fact you can show
        return None
    low = reservation_of(offers, REMOTE_DAYS)
    where = _case(offers)
    zone = "the zone with two remote days"
    plain = reservation_of(offers)
    if value > limit and not same_money(value, limit):
        # review 70 X2: it said the job as offered leaves no zone here, question 4's answer
        package = (
            " Build the band on the job with two remote days: its reservation price is the "
            "bottom of the zone."
            if plain > limit and offers == _drawn(learner_id())
            else " Here even the reservation price for the job as offered is above that cost: "
            "only the job with two remote days leaves a zone."
            if plain > limit
            else ""
        )
        raise NotYet(
            f"{where}, a target of {value:,.2f} is above what the agency's "
            "contractor costs Northwind: it would rather call the agency, and you could not "
            f"justify the figure; aim below it.{package}",
            general="the target is above what Northwind's alternative costs it, a figure no "
            "fact justifies",
        )
    if same_money(value, limit):  # the opening must lie beyond the target
        raise NotYet(
            f"{where}, a target of {value:,.2f} is what the agency's contractor "
            "costs Northwind: your opening lies beyond your target, and no fact in your "
            "scenario takes a figure above that cost; aim below it.",
            general="the target is what Northwind's alternative costs it, which leaves no "
            "justified figure to open at beyond it",
        )
    if value > most and not same_money(value, most):
        # review 98 X1: before the job-as-offered test, which a survey above the band met
        # with the cap left out (that target tops out at the survey too); both hints true
        reservation = (
            "; and that is a reservation price, the least you would accept, not what you aim for"
            if same_money(value, plain)
            else f"; it is also section 4's target in the zone for the job as offered: {_NO_PACKAGE}"
            if plain < limit
            and abs(value - _target_without_remote_days(offers)) <= TARGET_TOLERANCE
            else ""
        )
        # review 106 X1: past the top, only up to a survey that lies there
        past = (
            ", and above the salary survey's median, the highest figure a fact you can show "
            "supports"
            if offers.pay_survey > most
            else ", and no fact you can show supports more than the band's top"
        )
        raise NotYet(
            f"{where}, a target of {value:,.2f} is more than three quarters of the way up "
            f"{zone}{past}: your opening, at the top, would have less than a quarter of the "
            f"zone to concede before it reaches your target{reservation}.",
            general="the target is more than three quarters of the way up the zone with "
            f"remote days{past}, which leaves the opening at the top less than a quarter of "
            f"it to concede{'' if reservation.startswith('; and') else reservation}",
        )
    if plain < limit and abs(value - _target_without_remote_days(offers)) <= TARGET_TOLERANCE:
        said = (  # review 91 X1: question 5 no longer names the package; the hint says why
            "it is section 4's target in the zone for the job as offered, which starts at the "
            f"reservation price without remote days; {_NO_PACKAGE}"
        )
        raise NotYet(
            f"{where}, a target of {value:,.2f} is not the one to aim for: {said}.",
            general=f"the target leaves out the remote days: {said}",
        )
    if value > split or same_money(value, split):
        return _judge_survey(offers, value, split, most)
    if same_money(value, low) or same_money(value, plain):
        hint = "that is a reservation price, the least you would accept, not what you aim for"
    else:
        hint = "reaching it would leave you less than half the surplus"
    raise NotYet(
        f"{where}, a target of {value:,.2f} is below the even split of the zone with two "
        f"remote days: {hint}.",
        general=f"the target is below the even split of the zone with remote days: {hint}",
    )


def _target_without_remote_days(offers):
    """Question 5's rule applied to the zone for the job as offered (from the reservation
    price without remote days): the slip of a target that leaves out the remote days."""
    low, high = reservation_of(offers), northwind_reservation(offers)
    return min(max(offers.pay_survey, (low + high) / 2), low + TARGET_SHARE * (high - low))


def _even_split_without_remote_days(offers):
    """The even split of the zone for the job as offered: the target of a learner who leaves
    out both the remote days and the salary survey."""
    return (reservation_of(offers) + northwind_reservation(offers)) / 2


def _judge_survey(offers, value, split, most):
    """The ``NotYet`` hint naming the survey's median for ``value``, inside the band but not
    within ``TARGET_TOLERANCE`` of the target the salary survey supports (``target_of``).
    Review 90 X1: a value that is a rounded target (``_rounded_target``) is told about the
    tolerance, not sent back to compare it with both ends of the band."""
    survey = offers.pay_survey
    own = offers == _drawn(learner_id())
    whose, fact = ("your", "the fact in your scenario") if own else ("that learner's", "its fact")
    median = "" if own else f" ({survey:,.0f})"  # an example's, never the own case's answer
    if _rounded_target(offers, value, split, most):
        raise NotYet(
            f"{_case(offers)}, a target of {value:,.2f} is inside the band and within "
            f"{ROUNDING_SLIP:,} of the one {fact}, {whose} salary survey's median{median}, "
            f"supports, but the check takes only figures within {TARGET_TOLERANCE} of it "
            "(question 5 says so): did you round? Round to the hundred at most.",
            general="the target is inside the band and near where the salary survey's median "
            f"puts it, but more than {TARGET_TOLERANCE} from it: a rounding slip",
        )
    why = "compare it with both ends of the band, as section 4 does"
    if same_money(value, reservation_of(offers)):
        why += "; and that is a reservation price, the least you would accept, not what you aim for"
    raise NotYet(
        f"{_case(offers)}, a target of {value:,.2f} is inside the band, but it is not the one "
        f"{fact}, {whose} salary survey's median{median}, supports: {why}.",
        general="the target is inside the band but not where the salary survey's median puts it",
    )


def _rounded_target(offers, value, split, most):
    """Whether ``value``, inside the band, is ``target_of`` rounded: within ``ROUNDING_SLIP``
    of it and nearer to it than to each other figure a learner could reason to (the band's
    two ends, the reservation price for the job as offered, the target without remote
    days, and review 115 X1: the even split of that zone, which 14% of learners' band
    without remote days put within 1,000 of the target). A value nearest one of those is a
    slip of reasoning, not of rounding."""
    target = target_of(offers)
    gap = abs(value - target)
    others = (
        split,
        most,
        reservation_of(offers),
        _target_without_remote_days(offers),
        _even_split_without_remote_days(offers),  # review 115 X1
    )
    return gap <= ROUNDING_SLIP and all(
        gap < abs(value - other) for other in others if abs(other - target) > TARGET_TOLERANCE
    )


def _target_cases(hidden):
    """The learner's own scenario (and other learners' when grading), and an example whose
    reservation price for the job as offered is below the even split with remote days (where it
    is above, the reservation price itself passed as a target for 13% of learners; a target that
    merely equals it is not wrong in itself, so the example, not a test of equality, tells the
    two apart); and one whose zone opens only with remote days (a target set above the even
    split of the job as offered passed for 96% of learners without the remote-day reasoning; in
    such a case that split is above what Northwind could pay); and one whose survey lies
    below the band and one inside it (review 76 X1: without the first, a target that drops
    the even-split floor, the survey kept under the band's top, passed wherever the other
    examples happened to have their survey inside; without the second, one always at the
    even split passed)."""
    surveys = [_survey_example(where) for where in ("below", "inside")]
    cases = [*_scenarios(hidden), _example(True), _example(False), *surveys]
    if hidden:
        cases += [_example(zone, hidden_learner(MODULE, "a")) for zone in (True, False)]
        cases += [_survey_example(w, hidden_learner(MODULE, "s")) for w in ("below", "above")]
    return list(dict.fromkeys(cases))


def _survey_example(where, prefix="survey-example"):
    """The first of the learners ``prefix-1``, ``prefix-2``, ... whose salary survey lies
    ``where`` ("below", "inside" or "above") question 5's band."""
    return _first_example(f"survey {where} the band", prefix)


@question
def target_salary(answer, hidden=False):
    """Check a function ``(offers, reservation) -> salary`` (given the right reservation
    price from expected values, so a slip in question 3 costs nothing here): a target at or
    above the even split of the zone with two remote days and at most three quarters of the
    way up it, on the learner's scenario and two examples (and other learners' when
    grading)."""
    own = _drawn(learner_id())
    above_top = False
    for offers in _target_cases(hidden):
        value = call_learner(answer, offers, reservation_of(offers))
        judge_target(offers, value)
        if offers == own:
            above_top = money(value, "target_salary's result") > target_band(offers)[1] + (
                TARGET_TOLERANCE
            )
    if above_top:
        say(ABOVE_TOP_NOTE)
    passed(
        "target_salary aims where section 4's table puts it: at the even split of your zone "
        "with remote days, or at the higher figure your salary survey supports, up to three "
        "quarters of the way up, or past that up to the survey if you accept less room to "
        "concede."
    )


# --- question 9: when an uncertain alternative counts -----------------------------------------


def timing_cases():
    """The (timing, funded) pairs question 9 tries on every case: Lumen's round settled
    before you answer, either way, and the two other timings of section 3."""
    return [
        ("commit first", None),
        ("known first", True),
        ("known first", False),
        ("left open", None),
    ]


@answer_key
def judge_batna_when(offers, timing, funded, value):
    """Question 9 on ``value``, returned for ``offers`` with Lumen's uncertainty timed as
    ``timing`` (and ``funded`` when it is settled first): nothing when it is the value of
    the BATNA a reservation price rests on then (``batna_value_when``), else the
    ``NotYet`` hint, read off the value returned."""
    call = f"batna_when(offers, {timing!r}" + (f", funded={funded})" if funded is not None else ")")
    value = money(value, call)
    expected = batna_value_when(offers, timing, funded)
    averaged = batna_value_when(offers, "commit first")
    without = without_lumen(offers)
    funded_value = batna_value_when(offers, "known first", True)
    unfunded_value = batna_value_when(offers, "known first", False)
    mistakes = []
    if timing == "known first":
        other_outcome = (  # the same words in the case and in general
            "that is Lumen's other outcome: funded=True means the round closed (base and "
            "bonus), False that it did not (base alone)"
        )
        mistakes += [
            (
                averaged,
                "that averages Lumen's two outcomes, but its round is settled before you must "
                "answer: value Lumen at what it will in fact pay",
                "it averages an outcome that is known before you decide; value it at the outcome",
                "average Lumen's two outcomes",
            ),
            (
                unfunded_value if funded else funded_value,
                other_outcome,
                other_outcome,
                "take Lumen's other outcome (funded=True means the round closed)",
            ),
            (
                without,
                "that leaves Lumen out, but the deal still ends it: once its round is settled "
                "it counts at what it will pay",
                "it leaves out an alternative the deal ends; once settled it counts at its outcome",
                "leave Lumen out",
            ),
            (  # the number alone did not say what was wrong
                offers.startup_base + (offers.startup_bonus if funded else 0),
                "that is what Lumen pays "
                + (
                    "when its round closes (base and bonus)"
                    if funded
                    else "when its round fails (its base alone)"
                )
                + ", taken as your BATNA outright; your BATNA is the best of that and your "
                "other alternatives, Harbor Bank and Freelance",
                "it takes Lumen's settled outcome as the BATNA without comparing it with the "
                "other alternatives",
                "take Lumen's outcome as your BATNA without comparing it with the others",
            ),
        ]
    elif timing == "left open":
        trees = alternatives_of(offers)
        walking = max(with_lumen_open(offers, trees[n]) for n in ("Harbor Bank", "Freelance"))
        first = max(("Harbor Bank", "Freelance"), key=lambda n: expected_value(trees[n]))
        other = "Freelance" if first == "Harbor Bank" else "Harbor Bank"
        ev_first = sure_beside_lumen(offers, with_lumen_open(offers, trees[first]))
        if with_lumen_open(offers, trees[other]) > with_lumen_open(offers, trees[first]) + 1:
            left_out = (  # the same number as leaving Lumen out when that BATNA is sure
                f"that is {first}'s salary: Lumen left out, as if it cancelled (it cancels "
                "only when none of its outcomes lies strictly between the worst and best "
                "of your BATNA without Lumen), or put beside "
                if same_money(ev_first, without)
                else "that puts Lumen beside "
            )
            mistakes.append(  # the BATNA without Lumen chosen before Lumen is beside it
                (
                    ev_first,
                    f"{left_out}{first}, your BATNA without Lumen by expected values; but with Lumen "
                    f"open beside each, {other} is worth more: choose your BATNA without Lumen after "
                    "putting Lumen beside each one, then find the sure amount, net of the "
                    "commute, that, with Lumen beside it, is worth as much",
                    "it chooses what you would do without the open alternative before putting it beside each "
                    "one; choose after",
                )
            )
        if same_money(averaged, without):  # Lumen is not the BATNA
            mistakes.append(  # by expected values, so both slips give this number
                (
                    without,
                    "that is your BATNA without Lumen, which is also your BATNA by "
                    "expected values: it either leaves Lumen out, as if it cancelled, or counts "
                    "it at its expected value, as if signing with Northwind ended it. It cancels "
                    "only when none of its outcomes lies strictly between the worst and best "
                    "of your BATNA without Lumen, and here it stays open whatever you choose. "
                    "Value each alternative but Lumen with Lumen open beside it (you would join Lumen if it "
                    "turned out better), then find the sure amount, net of the commute, that, "
                    "with Lumen beside it, is worth as much as the better of them",
                    "it leaves out an open alternative, or counts it as if the deal ended it; it "
                    "cancels only when none of its outcomes lies strictly between the worst and "
                    "best of what you would do without it",
                )
            )
        mistakes += [
            (
                averaged,
                "that counts Lumen at its expected value, as if signing with Northwind ended "
                "it; here Lumen stays open whatever you choose, so it sits on both sides of "
                "your comparison",
                "it counts an open alternative as if the deal ended it; it sits on both sides",
            ),
            (
                funded_value,
                "that counts Lumen with its bonus as sure, but its round has not closed, and "
                "Lumen stays open whatever you choose",
                "it counts an unsettled bonus as sure, and an open alternative as if the deal "
                "ended it",
            ),
            (
                without,
                "that leaves Lumen out, as if it cancelled; it cancels only when none of its "
                "outcomes lies strictly between the worst and best of what you would do without it. Value each alternative but Lumen with Lumen open beside it (you would join Lumen "
                "if it turned out better), then find the sure amount, net of the commute, "
                "that, with Lumen beside it, is worth as much as the better of them",
                "it leaves out an open alternative, which cancels only when none of its outcomes "
                "lies strictly between the worst and best of what you would do without it",
            ),
            (
                walking,
                "that is what walking away is worth with Lumen open beside your BATNA without Lumen, "
                "but Lumen stays open beside the Northwind job too: find the sure amount, net "
                "of the commute, that, with Lumen beside it, is worth that much",
                "it values walking away with Lumen open but forgets that Lumen stays open "
                "beside the deal too",
            ),
        ]
        top = offers.startup_base + offers.startup_bonus
        if walking >= top:  # the slip section 3 names: solving as if Lumen could still beat y
            p = offers.funding_probability
            mistakes.append(
                (
                    (walking - p * top) / (1 - p),
                    "that solves for a salary Lumen could still beat, but walking away is worth "
                    "at least Lumen's funded pay here, and a salary at or above that would "
                    "never be left for Lumen: then it must be worth walking away on its own",
                    "it treats a salary above Lumen's funded pay as one Lumen could still beat",
                )
            )
    else:
        mistakes += [
            (
                without,
                "that leaves Lumen out, but signing with Northwind ends it and you must answer "
                "before its round closes: it counts at its expected value",
                "it leaves out a gamble the deal ends before it is settled; count it at its "
                "expected value",
            ),
            (
                funded_value,
                "that counts Lumen's bonus as sure, but the round closes after you must answer: "
                "weigh it by the funding chance",
                "it counts an unsettled bonus as sure; weigh it by its chance",
            ),
        ]
    mistakes += _left_out(offers, timing, funded)
    for share, package in ((1, "for the job as offered"), (0.5, "with two remote days")):
        added = "the commute" if share == 1 else "half the commute"
        mistakes.append(  # review 74 X4: the reservation price for the value it rests on
            (
                expected + share * offers.commute_cost,
                f"that adds {added} ({share * offers.commute_cost:,.0f}) to the value: it is "
                f"your reservation price {package}; return the sure value it rests on, net of "
                "the commute",
                "it adds the commute: that is a reservation price; return the sure value it "
                "rests on, net of the commute",
                f"add {added}",
            )
        )
    mistakes = [m for m in mistakes if not same_money(m[0], expected)]
    if timing == "known first":  # two slips can give one amount: the hint leads with one
        mistakes = _led(mistakes)
    value = _to_unit(value, [expected, *(m[0] for m in mistakes)])
    reread = {
        "commit first": "reread how section 3 values a gamble the deal ends before it is settled",
        "known first": "reread how section 3 values a gamble settled before you answer",
        "left open": "reread the box under question 9 on an alternative that stays open "
        "beside the deal, and "
        "solve for the sure amount, net of the commute, worth as much as walking away",
    }[timing]
    hint = diagnose(value, expected, mistakes, _off(expected, value, reread))
    if hint:
        raise NotYet(
            f"{call} is not right {_case(offers, alternatives=True)}: {hint}.",
            general=general_hint(hint, mistakes)
            or "it does not value the BATNA as the timing of the uncertainty requires",
        )


def _left_out(offers, timing, funded):
    """Review 103 X1: the amounts question 9 gets when Harbor Bank or Freelance is left out
    of the comparison (or, for Freelance, valued too low to win), with hints that name the
    alternative; an answer of ``max(bank_salary, Lumen)`` passed the visible check for every
    learner whose own BATNA is not Freelance and lost the mark at grading."""
    compare = {
        "commit first": "Harbor Bank, Freelance and Lumen, each at its expected value",
        "known first": "Harbor Bank, Freelance at its expected value, and Lumen's settled outcome",
        "left open": "Harbor Bank and Freelance, each with Lumen open beside it",
    }[timing]
    made = []
    for name in ("Harbor Bank", "Freelance"):
        kept = {n: t for n, t in alternatives_of(offers).items() if n not in (name, "Lumen")}
        if timing == "left open":
            walking = max(with_lumen_open(offers, tree) for tree in kept.values())
            value = sure_beside_lumen(offers, walking)
        else:
            worth = [expected_value(tree) for tree in kept.values()]
            value = max(*worth, _lumen_at(offers, timing, funded))
        low = ", or values its tree too low" if name == "Freelance" else ""
        made.append(
            (
                value,
                f"that leaves {name} out{low}: compare {compare}",
                f"it leaves {name} out{low}; compare {compare}",
                f"leave {name} out",
            )
        )
    return made


def _lumen_at(offers, timing, funded):
    """What Lumen counts at when its round is timed as ``timing`` (not "left open")."""
    bonus = offers.startup_bonus
    if timing == "known first":
        return offers.startup_base + (bonus if funded else 0.0)
    return offers.startup_base + offers.funding_probability * bonus


def _high_base(offers):
    """``offers`` with Lumen's base salary 3,000 above the best other alternative (rounded to
    1,000), so that Lumen counts even when its round fails (with the drawn bases, below every
    Harbor Bank salary, a failed round always left Lumen out)."""
    return replace(offers, startup_base=math.ceil((without_lumen(offers) + 3_000) / 1_000) * 1e3)


def high_bank(offers):
    """``offers`` with Harbor Bank's salary 3,000 above Lumen's funded pay (rounded to
    1,000), so that walking away is worth at least that pay and the left-open value is the
    BATNA without Lumen itself, a case section 3 names that drawn examples rarely have."""
    top = offers.startup_base + offers.startup_bonus
    return replace(offers, bank_salary=math.ceil((top + 3_000) / 1_000) * 1e3)


def _when_cases(hidden):
    """The learner's own case, an example whose BATNA by expected values is Lumen (so
    leaving Lumen open changes the answer), the same example with a base salary above
    every other alternative (``_high_base``) and with a Harbor Bank salary above Lumen's
    funded pay (``high_bank``), and question 2's Freelance example, where Freelance beats
    Harbor Bank and a failed round (review 103 X1); when grading, other learners' and a
    hidden example of each of the first three kinds too."""
    example = _sure_example(True)
    cases = [*_scenarios(hidden), example, _high_base(example), high_bank(example)]
    cases.append(_freelance_example())  # review 103 X1: Freelance beats a failed round
    if hidden:
        other = _sure_example(True, hidden_learner(MODULE, "c"))
        cases += [other, _high_base(other), high_bank(other)]
    return list(dict.fromkeys(cases))


def _timings(answer, cases, timings, done):
    for offers in cases:
        for timing, funded in timings:
            arguments = (offers, timing) if funded is None else (offers, timing, funded)
            judge_batna_when(offers, timing, funded, call_learner(answer, *arguments))
    return done


#: The name of question 9's line for "left open": feedback only, no mark (review 68 X1,
#: review 69 X3: it used to be told inside the passed "committed first" line).
LEFT_OPEN_UNMARKED = "left open"


def _left_open(answer, cases):
    """Question 9's "left open", judged on the same cases but earning nothing (review 68 X1:
    pricing an offer that stays open is a real-options exercise, not a negotiation decision);
    its own line in the result, so a slip there never reads as part of a passed mark."""
    return _timings(
        answer,
        cases,
        [("left open", None)],
        "batna_when values an offer left open beside your BATNA without it and beside the deal alike.",
    )


@question
def batna_when(answer, hidden=False):
    """Check a function ``(offers, timing, funded=None)`` that returns the value of the
    BATNA a reservation price rests on when Lumen's uncertainty is timed as ``timing``:
    settled before you answer (the whole point), on the learner's case and an example whose
    BATNA is Lumen (and other learners' when grading). When you must commit first, and the
    deal leaving Lumen open, are judged too, each on a line of its own that earns nothing
    (review 86 X2: committing first is question 2's BATNA again)."""
    cases = _when_cases(hidden)
    return score(
        Check(
            "settled before you answer",
            1,
            lambda: _timings(
                answer,
                cases,
                [(t, f) for t, f in timing_cases() if t == "known first"],
                "batna_when values a gamble settled before you answer at its outcome.",
            ),
        ),
        Check(
            "committed first",
            0,
            lambda: _timings(
                answer,
                cases,
                [("commit first", None)],
                "batna_when counts a gamble the deal ends at its expected value.",
            ),
        ),
        Check(LEFT_OPEN_UNMARKED, 0, lambda: _left_open(answer, cases)),
    )


# --- question 10: which model is yours --------------------------------------------------------


def talks_cases(offers):
    """The versions of the talks question 10 tries on ``offers``: its own, then one of each
    kind (a cancellation risk with the split below the agency's cost and at it, an answer
    date with each side making the last offer, a slipping start with each side proposing),
    drawn on ``offers``'s own numbers from a generator of their own, and last a cancellation
    risk where the split stays below the cap only on the package's half commute."""
    rng = rng_for("02_batna:talks-examples", offers.learner)
    kinds = [
        ("may be cancelled", "Northwind", False),
        ("may be cancelled", "you", True),
        ("answer date", "Northwind", False),
        ("answer date", "you", False),
        ("start slips", "Northwind", False),
        ("start slips", "you", False),
        ("may be cancelled", "you", "full commute"),
    ]
    return [talks_of(offers)] + [talks_for(offers, *kind, rng) for kind in kinds]


def _talks_words(talks):
    said = {
        "may be cancelled": "head office may cancel the role any week",
        "answer date": "all three employers want your answer by one date",
        "start slips": "each week of talks moves your start a week later",
    }[talks.pressure]
    offer = "the last offer" if talks.answer_date else "the first offer (you then take turns)"
    return (
        f"{said}, with {talks.proposer} making {offer}, and with work worth {talks.work_value:,.0f}"
    )


@answer_key
def judge_batna_rise(offers, talks, result):
    """Question 10 on ``result`` for one version of the talks: nothing when it is the rise
    of the predicted salary for a BATNA worth 1,000 more (to the whole unit), else the
    ``NotYet`` hint, which says what to ask of the version, never the figure."""
    call = f"batna_rise(offers, talks) for talks where {_talks_words(talks)}"
    value = money(result, call)
    right = batna_rise_of(offers, talks)
    if abs(value - right) <= 0.5:
        return
    full = offers.commute_cost / 2  # the job as offered: half a commute above the package
    as_offered = predicted_salary(offers, talks, full + 1_000) - predicted_salary(
        offers, talks, full
    )
    if abs(value - as_offered) <= 0.5:
        hint = general = (
            "your figure is the rise the fitting model gives from your reservation price "
            "for the job as offered, with the full commute; these talks are on the package "
            "with two remote days, so start from the reservation price that belongs to it"
        )
    elif talks.may_be_cancelled and right == 0 and same_money(value, 500):
        hint = general = (
            "compare the salary the split predicts with the agency's cost: Northwind never "
            "pays more, so where the split reaches it, the cap decides"
        )
    elif talks.may_be_cancelled:
        hint = general = (
            "here something neither side controls may end the talks: ask what each side "
            "then gets, which of section 7's models that makes the one that fits, and what "
            "it says a better breakdown payoff is worth"
        )
    elif talks.answer_date:
        hint = general = (
            "here delay costs nothing and the talks end on a common date: ask who makes the "
            "last offer, and what the other side can then do besides take it"
        )
    else:
        hint = general = (
            "here each week of talks costs both sides, and either can leave whenever it turns "
            "down a proposal: ask whether your BATNA beats your share at the table (what "
            "the talks would give you when Northwind proposes, delta/(1+delta) of the pie), "
            "and who makes the first offer"
        )
    raise NotYet(f"{call} gave {value:,.0f}: {hint}.", general=general)


@question
def batna_rise(answer, hidden=False):
    """Check a function ``(offers, talks)`` returning how much the predicted salary, on the
    package with two remote days, rises when your BATNA's value rises by 1,000: the
    learner's own version of the talks and one of each kind on their own numbers; with
    ``hidden``, the same on two other learners' numbers too. Practice with feedback, no mark
    (review 72 X1)."""
    cases = _scenarios(hidden)

    def part():
        for case in cases:
            for talks in talks_cases(case):
                judge_batna_rise(case, talks, call_learner(answer, case, talks))
        return "batna_rise finds which model fits each version, and what a better BATNA is worth."

    return score(Check("which model fits", 0, part))
