"""Checks for module 05 (capstone): the preparation, each check naming the mistake it
recognises, and every hint true of the answer it is shown for. Hidden checks also try
other learners' cases (and, where a rule has two sides, cases built from the learner's own
that land on the other side), so an answer typed in from one case fails.

Each question's verdict on one case is a ``judge_*`` function, so that the variant sweep
(``tests/test_variants_sweep_capstone.py``) can judge every swept learner without going
through the recording a notebook's check does.
"""

import dataclasses
import functools
import itertools
import math
from collections.abc import Mapping

from course.checks.calls import answer_key, question
from course.checks.credit import Check, score
from course.checks.hints import (
    NotYet,
    call_learner,
    diagnose,
    evened,
    general_hint,
    money,
    passed,
    same_money,
)
from course.engine.bots import INSULT_LINE
from course.models.audit import ratings_of
from course.models.concessions import package_points
from course.scenarios.capstone import (
    MOVE_SHARE,
    MOVES,
    PRACTICE_BATNA,
    PRACTICE_LETTER,
    PRACTICE_NO_QUELL,
    PRACTICE_STATEMENTS,
    VERDICTS,
    _bot_can_open,
    alternative_of,
    alternative_values,
    alternatives_readings,
    batna_of,
    beyond_of,
    buyers_word_readings,
    crosses,
    draft_of,
    final_above,
    frontier_rows,
    ground_given,
    meso_partners,
    next_step,
    offers_below,
    opening_of,
    package_rows,
    plan_of,
    power_holder,
    practice_key,
    practice_kinds,
    quell_posterior,
    reply,
    reservation_of,
    right_moves,
    signs_letter,
    statement_key,
    statement_kinds,
    table_log,
    wide_draft_of,
)
from course.variants import (
    hidden_cases_as,
    hidden_learner,
    hidden_learner_where,
    learner_id,
    variant,
)

MODULE = "05_capstone"


class _HiddenLearners:
    """Other learners' cases the hidden tests also try, so hard-coded answers fail: drawn
    with the grader's secret key when graded, the public self-check learners otherwise
    (``course.variants.hidden_learner_where``). Whatever the key, they make Brenn and
    Kessel each the BATNA, and sign the letter and not (a test checks); read afresh each
    time, as the key decides who they are."""

    _KINDS = (
        ("brenn", lambda case: batna_of(case)[0] == "Brenn"),
        ("kessel", lambda case: batna_of(case)[0] == "Kessel"),
        ("letter", signs_letter),
        ("no-letter", lambda case: not signs_letter(case)),
        ("any", lambda case: True),
    )

    def __iter__(self):
        return iter(
            [
                hidden_learner_where(
                    MODULE, label, lambda learner, fits=fits: fits(_drawn(learner))
                )
                for label, fits in self._KINDS
            ]
        )

    def __len__(self):
        return len(self._KINDS)


HIDDEN_LEARNERS = _HiddenLearners()

#: How close a chance must come to the course's: any three-decimal value within one unit
#: of the last place passes, rounded, cut off or rounded up (a hair more for floats).
CHANCE_TOLERANCE = 1e-3 + 1e-9
#: How close the two chances' sum must come to 1: each may be rounded on its own, so
#: their sum may be off by both roundings (0.4375 and 0.5625 cut off to 0.437 and 0.562).
SUM_TOLERANCE = 2 * CHANCE_TOLERANCE


@functools.lru_cache(maxsize=64)
def _drawn(learner):
    return variant(MODULE, learner)


def _cases(hidden, edges=()):
    """The learner's own case; with ``hidden``, other learners' too and ``edges``: changes
    (dicts of field to value) applied to the learner's own case."""
    own = _drawn(learner_id())
    if not hidden:
        return [own]
    others = [_drawn(learner) for learner in HIDDEN_LEARNERS]
    return [own, *others, *(dataclasses.replace(own, **change) for change in edges)]


def _each(answer, cases, judge, message=None):
    """Call the learner's function on each case and judge what it returned; ``message``
    when every case passes."""
    for case in cases:
        judge(case, call_learner(answer, case))
    return message


def _changed(change):
    """``change`` (a dict of field to value) in words, for a hint: ``s.field = value``."""
    return ", ".join(f"s.{field} = {value:.4g}" for field, value in change.items())


def _each_with_edges(answer, hidden, edges, judge, name, message=None):
    """Question ``name``'s run: the learner's own case (and, with ``hidden``, other
    learners'), then the own case with each change of ``edges``, visible and hidden alike,
    so that an answer the edges refuse is refused before grading too (review 63, X1 X2).
    A hint on an edge says what was changed, and no learner id, as the case is the own;
    ``message`` when every case passes."""
    _each(answer, _cases(hidden), judge)
    own = _cases(False)[0]
    for change in edges:
        moved = dataclasses.replace(own, **change)
        try:
            judge(moved, call_learner(answer, moved))
        except NotYet as hint:
            text = str(hint).replace(f" for learner {own.learner}", "")
            text = text.replace(f"for learner {own.learner}, ", "")
            text = text.removeprefix(f"{name} is not right: ")
            raise NotYet(
                f"{name} fits your case, but not your case with {_changed(change)} (the "
                f"rest as it is): {text}",
                general=hint.general,
                raised=hint.raised,
            ) from None
    return message


def _show(package):
    return "{" + ", ".join(f"{issue}: {level}" for issue, level in package.items()) + "}"


def _points(case, package):
    """``(your profit, Marlow's points)`` of ``package``; raises ``package_points``' error
    for anything that is not one of the contract's packages."""
    if (
        isinstance(package, dict)
        and package.keys() == case.yours.keys()
        and all(level in case.yours[issue] for issue, level in package.items())
    ):  # the common case, checked fast: the table's own figures, added up
        return (
            sum(case.yours[issue][package[issue]] for issue in case.yours),
            sum(case.theirs[issue][package[issue]] for issue in case.yours),
        )
    return package_points(package, case.yours), package_points(package, case.theirs)


# --- question 1: the BATNA --------------------------------------------------------------


def _best_single_outcome(case):
    """Each alternative's best single outcome, in k€: what it pays on its luckiest branch."""
    return {
        "Brenn": max(case.brenn_profit, case.spot_profit),
        "Kessel": max(case.kessel_full, case.kessel_half, case.spot_profit),
    }


def judge_batna(case, result):
    """Question 1 on ``result``, what ``my_batna`` returned for ``case``: nothing when it
    names an alternative worth most on average (either, on a tie to the cent) with its
    expected profit, else the ``NotYet`` hint."""
    if not isinstance(result, tuple | list) or len(result) != 2:
        raise NotYet(
            f"my_batna should return a (name, profit) pair, got {result!r}",
            general="it should return a (name, profit) pair",
        )
    name, value = result[0], money(result[1], "the expected profit")
    worth = alternative_values(case)
    # case and spacing evened out, as questions 6 and 8 read their words (review 69 X4:
    # "brenn" names Brenn)
    name = next((known for known in worth if evened(known) == evened(name)), name)
    if name not in worth:
        raise NotYet(
            f"{name!r} is not one of your alternatives: {', '.join(worth)}",
            general="the name it returns is not 'Brenn' or 'Kessel'",
        )
    best, top = batna_of(case)
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
    mistakes = _merged(mistakes)  # two slips of the same amount are both named (review 57)
    mistakes += _rounding(value, top)
    # a slip in the named alternative's tree can also make the wrong one look best: name
    # the slip first, since the choice follows from values worked out wrongly
    slip = None if same_money(value, worth[name]) else diagnose(value, top, mistakes, None)
    if slip and not same_money(worth[name], top):
        raise NotYet(
            f"my_batna is not right for learner {case.learner}: {slip}, then compare the "
            "two alternatives again.",
            general=general_hint(slip, mistakes) + ", then compare the two alternatives again",
        )
    if not same_money(worth[name], top):
        # the clause on the best single outcome only where it names the slip: the
        # alternative named does have the larger single outcome
        single = _best_single_outcome(case)
        outcome = ", whatever its best single outcome" if single[name] > single[best] + 1e-9 else ""
        # no value of either tree: each is a graded answer (review 56, W4)
        raise NotYet(
            f"for learner {case.learner}, {name} is not the alternative worth most on "
            "average: work out both trees' expected values and compare them; your best "
            f"alternative before the letter is the one with the higher expected profit{outcome}.",
            general=f"your best alternative before the letter is the one with the higher expected profit{outcome}",
        )
    hint = diagnose(
        value,
        top,
        mistakes,
        f"{name}'s tree is not worth {value:,.2f} on average: work it out again",
    )
    if hint:
        raise NotYet(
            f"my_batna is not right for learner {case.learner}: {hint}.",
            general=general_hint(hint, mistakes) or "the expected profit it gives is not right",
        )


@question
def my_batna(answer, hidden=False):
    """Check a function that returns Tallis's best alternative before the letter as (name, profit)."""
    edges = [
        # Kessel clearly first: a likely pilot with large orders, an unlikely Brenn
        {"pilot_chance": 0.8, "kessel_full": 140.0, "kessel_half": 70.0, "brenn_chance": 0.4},
        # Brenn clearly first
        {"brenn_chance": 0.8, "brenn_profit": 110.0, "pilot_chance": 0.5, "kessel_full": 90.0},
    ]
    try:
        _each_with_edges(answer, hidden, edges, judge_batna, "my_batna")
    except NotYet as hint:
        raise _with_tree_error(hint) from None
    passed("my_batna picks the alternative with the higher expected profit.")


def _with_tree_error(hint):
    """``hint`` with, when the learner's call raised ``best_alternative``'s own
    ``ValueError`` (a tree it refused, e.g. chances that do not sum to 1), that error's text
    as the general hint a hidden check shows, cut before its ", got ..." so that it names
    no hidden case's number (review 83 X3: the generic 'a zero, a tie, an empty list'
    misled)."""
    kind, error = hint.raised or (None, "")
    if kind != "ValueError" or not error.startswith(
        ("alternative '", 'alternative "', "alternatives is empty")
    ):
        return hint
    return NotYet(
        str(hint),
        general=f"best_alternative refused one of your trees: {error.split(', got ')[0]}",
        raised=hint.raised,
    )


# --- question 2: the letter, and the reservation price ------------------------------------


def judge_reservation(case, result):
    """Question 2 on ``result``, what ``my_reservation`` returned: nothing when it is the
    reservation price after the better of signing Brenn's letter or not, else the hint."""
    value = money(result, "my_reservation's result")
    batna, letter, audit = batna_of(case)[1], case.brenn_letter, case.audit_cost
    expected = reservation_of(case)
    # the hint names the decision the answer made, never which one is right, and prints
    # no amount question 1 or 2 is graded on (review 56, W4)
    if signs_letter(case):
        choice = [
            (
                batna + audit,
                "it keeps your best alternative before the letter and lets Brenn's sure "
                f"{letter:g} go: compare what each choice is worth to a risk-neutral seller",
                "it keeps a gamble that is worth less on average than Brenn's sure letter",
            )
        ]
    else:
        choice = [
            (
                letter + audit,
                f"it signs Brenn's letter (a sure {letter:g}), which gives up Brenn's gamble "
                "and Kessel: compare what each choice is worth to a risk-neutral seller",
                "it signs a letter worth less than the best alternative on average",
            )
        ]
    mistakes = [
        *choice,
        (
            expected - audit,
            "that is your BATNA, but Marlow's audit and tooling cost you more on top",
        ),
        (
            expected - 2 * audit,
            "the audit makes Marlow's deal cost more, so you need more profit, not less",
        ),
        (
            max(case.brenn_profit, case.kessel_full) + audit,
            "that is your best single outcome; use what each alternative is worth on average",
        ),
    ]
    mistakes = _merged(mistakes) + _rounding(value, expected)
    otherwise = (
        f"{value:,.2f} is not the alternative you keep plus what Marlow's deal costs you "
        "(my_reservation builds on my_batna: if my_batna's check does not pass yet, fix "
        "that first)"
    )
    hint = diagnose(value, expected, mistakes, otherwise)
    if hint:
        raise NotYet(
            f"my_reservation is not right for learner {case.learner}: {hint}.",
            general=general_hint(hint, mistakes)
            or "the reservation price does not follow from the alternative you keep and "
            "what Marlow's deal costs you (if my_batna's check fails, fix that first)",
        )


#: The hint for an amount rounded to fewer decimals than the questions ask for (two).
ROUNDED = "that is the right amount rounded to fewer than two decimals: keep two"


def _rounding(value, expected):
    """Review 75 X6: question 1 (and 2) told a value rounded to one decimal (71.9 for
    71.875) to work the tree out again. A mistake ``(value, ROUNDED)`` when ``value`` is
    ``expected`` rounded, cut off or rounded up to no or one decimal, else none."""
    if same_money(value, expected):
        return []
    for places in (0, 1):
        whole = math.isclose(value, round(value, places), abs_tol=1e-9)
        if whole and abs(value - expected) < 10**-places:
            return [(value, ROUNDED)]
    return []


def _merged(mistakes):
    """``mistakes`` (``(wrong, hint, general)`` triples, or pairs whose hint holds no
    number) with those of the same amount joined into one, so that an answer two slips
    could have produced is told both, not only the first."""
    merged = []
    for wrong, hint, *general in mistakes:
        words = general[0] if general else hint
        same = next((i for i, m in enumerate(merged) if same_money(m[0], wrong)), None)
        if same is None:
            merged.append((wrong, hint, words))
        else:
            _, first, first_words = merged[same]
            merged[same] = (
                wrong,
                f"this amount fits two slips: {first}; or {hint}",
                f"this amount fits two slips: {first_words}; or {words}",
            )
    return merged


#: A letter is a discount on Brenn's profit: the drawn cases put it between 0.6 and 0.9
#: of it, and a letter an edge moves stays at most this share of it (review 62, U5).
LETTER_AT_MOST = 0.9


def _brenn_for(case, letter):
    """The change of ``case`` that puts Brenn's letter at ``letter``, with Brenn's profit
    raised where the letter would come too near it (``LETTER_AT_MOST``) and Brenn's chance
    lowered so that Brenn is worth what it was on average: the alternatives before the
    letter, and so question 1's answer, stay as they were."""
    change = {"brenn_letter": float(letter)}
    if letter > LETTER_AT_MOST * case.brenn_profit:
        profit = 5 * math.ceil(letter / LETTER_AT_MOST / 5)
        spot = case.spot_profit
        chance = case.brenn_chance * (case.brenn_profit - spot) / (profit - spot)
        change.update(brenn_profit=float(profit), brenn_chance=chance)
    return change


def _reservation_letter_edges(case):
    """Question 2's letter edges: ``case`` with Brenn's letter moved clearly above and
    clearly below the best alternative before it, so that an answer that skips the
    decision on the letter fails one of them (review 63, X2). Each new letter follows
    from facts the learner sees (the best single outcomes, the spot market), never from
    question 1's answer, so the change a hint prints never gives that answer away: above,
    5 k€ more than Brenn's profit or Kessel's average order, whichever is more (the
    alternative before the letter is worth less); below, 5 k€ above the spot market
    (each alternative is worth at least 10 k€ more than the spot market)."""
    above = max(case.brenn_profit, (case.kessel_full + case.kessel_half) / 2) + 5
    return [_brenn_for(case, above), {"brenn_letter": case.spot_profit + 5}]


@question
def my_reservation(answer, hidden=False):
    """Check a function that returns the least profit worth taking from Marlow."""
    own = _drawn(learner_id())
    other_audit = 5.0 if own.audit_cost >= 10 else 15.0  # another cost the story allows
    edges = [{"audit_cost": other_audit}, *_reservation_letter_edges(own)]
    _each_with_edges(answer, hidden, edges, judge_reservation, "my_reservation")
    passed(
        "my_reservation is the better of Brenn's letter and your best alternative before "
        "it, plus what Marlow's deal costs you."
    )


# --- question 3: what the rush request says -----------------------------------------------


_ROUNDED = (
    "rounded to fewer than three decimals (or cut there): keep three or more (a chance "
    "within 0.001 of Bayes' rule passes)"
)


def _coarse(chance, exact):
    """Whether ``chance`` is ``exact`` rounded or cut to one or two decimals."""
    return any(
        math.isclose(chance, coarse, abs_tol=1e-9)
        for places in (1, 2)
        for coarse in (round(exact, places), math.floor(exact * 10**places + 1e-9) / 10**places)
    )


def judge_beliefs(case, result):
    """Question 3 on ``result``, what ``marlow_beliefs`` returned: nothing when it maps
    each of Marlow's two reservation prices to its chance after the rush request, else
    the hint."""
    high, low = case.reservation_if_quell, case.reservation_if_not
    if not isinstance(result, Mapping) or len(result) != 2:
        raise NotYet(
            "marlow_beliefs should return a dict with two entries, each of Marlow's "
            f"reservation prices ({high:g} and {low:g}) with its chance; got {result!r}",
            general="it should return a dict from each of Marlow's two reservation prices "
            "to its chance",
        )
    given = {}
    for key, chance in result.items():
        if isinstance(key, bool) or not isinstance(key, int | float) or key not in (high, low):
            raise NotYet(
                f"{key!r} is not one of Marlow's reservation prices ({high:g} and {low:g}): "
                "use them as the keys",
                general="its keys are not Marlow's two reservation prices",
            )
        given[key] = money(chance, f"the chance of {key:g}")
    expected = quell_posterior(case)
    total = sum(given.values())
    # review 97 X2: Bayes' rule rounded or cut to two decimals ({51: 0.34, 34: 0.65}) can
    # miss a sum of 1, and was then told to divide by the total, which it had done
    if not math.isclose(total, 1, abs_tol=SUM_TOLERANCE) and (
        _coarse(given[high], expected) and _coarse(given[low], 1 - expected)
    ):
        prior, yes, no = case.quell_prior, case.rush_if_quell, case.rush_if_not
        products = {high: prior * yes, low: (1 - prior) * no}
        also = (
            "; or they are the products of prior and likelihood, not yet divided by their "
            "sum (divide by the total chance of a rush request)"
            if all(math.isclose(given[k], products[k], abs_tol=CHANCE_TOLERANCE) for k in given)
            else ""
        )
        raise NotYet(
            f"marlow_beliefs is not right for learner {case.learner}: the two chances add "
            f"up to {total:.4f}, not 1, because they are Bayes' rule {_ROUNDED}{also}.",
            general=f"its chances are Bayes' rule {_ROUNDED}{also}",
        )
    if not math.isclose(total, 1, abs_tol=SUM_TOLERANCE):
        raise NotYet(
            f"the two chances add up to {sum(given.values()):.4f}: after the update they "
            "must add up to 1 (divide by the total chance of a rush request)",
            general="its two chances do not add up to 1",
        )
    chance = given[high]
    if math.isclose(chance, expected, abs_tol=CHANCE_TOLERANCE):
        return
    prior, yes, no = case.quell_prior, case.rush_if_quell, case.rush_if_not
    # every slip that gives this chance is named: where two give the same (a prior of 0.6
    # and a posterior of 0.4, say), naming only the first sent the learner to fix the
    # wrong thing (review 57, W2)
    slips = [
        text
        for wrong, text in (
            (
                1 - expected,
                "the chances are on the wrong reservation prices: Marlow needs more points "
                "when Quell can supply it",
            ),
            (prior, "that is the chance before the rush request; update it with Bayes' rule"),
            (
                prior * no / (prior * no + (1 - prior) * yes),
                "the likelihoods are swapped: a rush is likelier when Quell has no capacity",
            ),
            (
                yes / (yes + no),
                "that ignores the prior: multiply each state's chance of a rush by its prior "
                "chance before dividing",
            ),
        )
        if math.isclose(chance, wrong, abs_tol=CHANCE_TOLERANCE)
    ]
    # review 93 X1: a slip can give Bayes' rule rounded too (ignoring the prior gives 0.3
    # where Bayes' rule gives 0.2596): the rounding is then named as one of the slips
    if _coarse(chance, expected):
        slips.append(f"that is Bayes' rule {_ROUNDED}")
    if len(slips) > 1:
        hint = general = f"this chance fits {len(slips)} slips: " + "; or ".join(slips)
    elif slips:
        hint = general = slips[0]
    else:
        hint = (
            f"your chance that Quell has capacity, {chance:.4f}, is "
            f"{'higher' if chance > expected else 'lower'} than Bayes' rule gives: multiply "
            "the prior chance of each state by the chance of a rush in that state, and "
            "divide each product by their sum"
        )
        general = "the chance that Quell has capacity after the rush request is not right"
    raise NotYet(
        f"marlow_beliefs is not right for learner {case.learner}: {hint}.", general=general
    )


@question
def marlow_beliefs(answer, hidden=False):
    """Check a function that returns Marlow's reservation price as a belief after the
    rush request."""
    edges = [{"rush_if_quell": 0.5, "rush_if_not": 0.5}, {"quell_prior": 0.9}]
    _each_with_edges(answer, hidden, edges, judge_beliefs, "marlow_beliefs")
    passed("marlow_beliefs updates on the rush request and keeps both of Marlow's states.")


# --- question 4: your audit -----------------------------------------------------------------


def _ratings(result, key, read):
    try:
        return read(result[key], key) if key != "weights" else read(result[key])
    except (TypeError, ValueError) as error:
        raise NotYet(f"my_audit: {error}.") from None


#: Question 4's rows and the verdicts it takes (review 78 X1: which side each row
#: favours, by the module's thresholds; the 0-10 ratings and the weights are the
#: reflection's, part 2).
AUDIT_ROWS = ("alternatives", "power")
AUDIT_VERDICTS = ("you", "Marlow", "open")


@answer_key
def audit_rules(case):
    """What the case's story settles about an audit, as ``(rule, because)`` pairs: each
    rule a function of the verdicts (``AUDIT_ROWS`` to ``"you"``, ``"Marlow"`` or
    ``"open"``) that must hold."""
    readings = {"open" if side is None else side for side in alternatives_readings(case)}
    claimed = {"open" if side is None else side for side in buyers_word_readings(case)}
    power = power_holder(case) or "open"
    return [
        (
            lambda v: v["alternatives"] not in claimed,
            "your alternatives verdict does not fit your case's facts: it is the reading that "
            f"takes Marlow's {case.their_weeks} weeks of stock at its buyers' word, an "
            "unverified claim of the other side; section 2's rule is to set the claimed weeks "
            "aside (its rush request makes them doubtful), so time favours neither side here "
            "(if you did not count "
            f"those weeks, check the shares: {_alternatives_reason(case)})",
        ),
        _unfit(
            lambda v: v["alternatives"] in readings | claimed,
            "alternatives",
            _alternatives_reason(case),
        ),
        _unfit(lambda v: v["power"] == power, "power", _power_reason(case)),
    ]


def _audit_verdicts(result):
    """``result`` as a dict from each of ``AUDIT_ROWS`` to one of ``AUDIT_VERDICTS``, or
    the hint that says what is wrong with its form. An audit written before review 78 X1
    (ratings of both sides and weights) is read row by row: a side rated ``HELD_GAP`` or
    more above the other is the side the row favours, two ratings within ``OPEN_GAP`` an
    open row, so a notebook answered before keeps its marks."""
    if isinstance(result, Mapping) and {"yours", "theirs"} <= set(result):
        yours = _ratings(result, "yours", ratings_of)
        theirs = _ratings(result, "theirs", ratings_of)
        verdicts = {}
        for row in AUDIT_ROWS:
            gap = yours[row] - theirs[row]
            verdicts[row] = "you" if gap >= HELD_GAP else "Marlow" if -gap >= HELD_GAP else "open"
            if abs(gap) > OPEN_GAP and abs(gap) < HELD_GAP:
                raise NotYet(
                    f"my_audit: your {row} ratings differ by {abs(gap):g}, neither a side "
                    f"ahead ({HELD_GAP} or more) nor an open row (within {OPEN_GAP}); return "
                    "a verdict for each row instead, as question 4 asks"
                )
        return verdicts
    form = (
        "my_audit should return a dict with two keys, 'alternatives' and 'power', each "
        '"you", "Marlow" or "open": the side the row favours'
    )
    if not isinstance(result, Mapping) or set(result) != set(AUDIT_ROWS):
        raise NotYet(f"{form}; got {result!r}", general=form)
    verdicts = {}
    for row, verdict in result.items():
        spelled = {v.lower(): v for v in AUDIT_VERDICTS}
        if not isinstance(verdict, str) or verdict.strip().lower() not in spelled:
            raise NotYet(f"{form}; got {verdict!r} for {row}", general=form)
        verdicts[row] = spelled[verdict.strip().lower()]
    return verdicts


#: An audit written before review 78 X1 (ratings): a side holds a row when rated at least
#: this much above the other...
HELD_GAP = 2

#: ... and the row is open when the two ratings differ by this much at most.
OPEN_GAP = 1


def _unfit(rule, source, facts):
    """A rule of the alternatives or power row with a hint that names the row and gives
    the case's facts, but not which side they put ahead: finding that is the question,
    and a hint that said it could be followed without reading the case."""
    return (
        rule,
        f"your {source} verdict does not fit your case's facts: {facts}; work out from "
        f"question 4's {source} rule which side, if either, these facts put ahead",
    )


def _alternatives_reason(case):
    """The alternatives row's facts, as the brief gives them: never the alternative after
    question 2's decision, which is question 1's or question 2's graded amount, nor which
    of the two it is, which is question 2's decision (review 57, W1)."""
    best = sum(max(v.values()) for v in case.yours.values())
    return (
        "your BATNA after question 2's decision (without Marlow's supplier audit) as a share "
        f"of your best profit, {best:g} k€, against Marlow's reservation price of "
        f"{case.reservation_if_quell:g} or {case.reservation_if_not:g} of its 100 points, "
        "whichever way Quell turns out (the check takes question 2's right decision on the "
        "letter: if questions 1 and 2 do not pass yet, fix them first); you can wait "
        f"{case.your_weeks} weeks and Marlow {case.their_weeks}"
    )


def _power_reason(case):
    """The fact of the power row, as the brief gives it."""
    return (
        f"you would supply {case.their_supply_share:.0%} of Marlow's sensors and Marlow would "
        f"be {case.your_sales_share:.0%} of your sales"
    )


def judge_audit(case, result):
    """Question 4 on ``result``, what ``my_audit(s)`` returned: the verdicts when they
    fit every rule of ``audit_rules``, else the hint naming each row they break."""
    verdicts = _audit_verdicts(result)
    broken = [because for rule, because in audit_rules(case) if not rule(verdicts)]
    if broken:
        rows = [s for s in AUDIT_ROWS if any(b.startswith(f"your {s} verdict") for b in broken)]
        raise NotYet(
            "your audit does not yet fit your case:\n" + "\n".join(f"- {b}." for b in broken),
            general=f"its {' and '.join(rows)} verdicts do not follow that case's facts: work "
            "them out from `s` by question 4's rules",
        )
    return verdicts


#: The weeks an edge sets when time should not decide the alternatives row (even).
EVEN_WEEKS = {"your_weeks": 5, "their_weeks": 5}


def _audit_edges(case):
    """Question 4's hidden edges: ``case`` with Marlow's reservation prices, the weeks and
    the shares of dependence moved so that each side holds alternatives and power in one
    edge, and the alternatives row is left open by shares and weeks that point to
    different sides in another; then the visible edges (``_visible_edges``). An audit
    typed in from one case breaks a rule on at least one of them."""
    share = _alternative_share(case)
    return [
        {  # Marlow's alternatives ahead in both states and it can wait longer; it needs you
            "reservation_if_quell": float(min(100, share + 20)),
            "reservation_if_not": float(min(100, share + 12)),
            "their_supply_share": 0.7,
            "your_sales_share": 0.2,
            "your_weeks": 2,
            "their_weeks": 8,
        },
        {  # your alternatives ahead in both states and you can wait longer; you need Marlow
            "reservation_if_quell": float(share - 15),
            "reservation_if_not": float((share - 15) // 2),
            "their_supply_share": 0.2,
            "your_sales_share": 0.4,
            "your_weeks": 8,
            "their_weeks": 2,
        },
        {  # Marlow's shares ahead, but you can wait longer: alternatives open
            "reservation_if_quell": float(min(100, share + 20)),
            "reservation_if_not": float(min(100, share + 12)),
            "their_supply_share": 0.6,
            "your_sales_share": 0.2,
            "your_weeks": 8,
            "their_weeks": 2,
        },
        {  # shares open, you wait 2 weeks longer: under rule (b)'s 3 weeks, the row stays open
            **_two_states(case),
            "your_weeks": 7,
            "their_weeks": 5,
        },
        *_visible_edges(case),
    ]


def _alternative_share(case):
    """Your alternative after question 2's decision as a whole percentage of your best."""
    return round(100 * alternative_of(case) / sum(max(v.values()) for v in case.yours.values()))


def _visible_edges(case):
    """The changes of ``case`` that question 4's visible check also tries (review 58, W1:
    it tried only the alternatives shares, so 32 of 35 wrong power rules passed it):
    the shares open in the two states; each way question 2's decision on the letter reads
    the row; time alone deciding the alternatives row; Marlow's claimed longer wait, which
    section 2's rule sets aside (review 99, X1: no visible edge had it, so a reading that
    took the claim at its buyers' word passed the visible check for the 58% of learners
    whose own case cannot show it, and then failed at grading); dependence deciding power
    against the weeks."""
    return [
        _two_states(case),
        _audit_cost_edge(case),
        *_letter_edges(case),
        {  # shares open, dependence even: only your longer wait decides a row (Marlow's
            # longer wait would clash with its rush request, and is set aside)
            **_two_states(case),
            "their_supply_share": 0.5,
            "your_sales_share": 0.45,
            "your_weeks": 8,
            "their_weeks": 2,
        },
        {  # the same, but Marlow claims the longer wait: set aside, the row stays open
            **_two_states(case),
            "their_supply_share": 0.5,
            "your_sales_share": 0.45,
            "your_weeks": 3,
            "their_weeks": 8,
        },
        {  # you need Marlow more, though you can wait longer: power is Marlow's
            **_two_states(case),
            "their_supply_share": 0.2,
            "your_sales_share": 0.6,
            "your_weeks": 8,
            "their_weeks": 2,
        },
    ]


#: The supplier audit question 4's audit edge sets (k€): the story's largest, so that it
#: moves the share by 0.068 or more for every best profit (115 to 220 k€).
EDGE_AUDIT = 15.0


def _audit_cost_edge(case):
    """``case``'s change where counting Marlow's supplier audit in your share, which rule
    (a) leaves out, changes the alternatives row (review 79, X2: no edge put the audit
    across the 0.05 line, so a share from question 2's reservation price passed for 22 of
    30 learners): the audit set to ``EDGE_AUDIT`` and Marlow's reservation prices set so
    that your share without the audit is ahead by about 0.02 to 0.03 in the two states
    (open), and with it by 0.08 or more (yours); the weeks even. A line at 0 reads 'you'
    here too, so it fails as well."""
    best = sum(max(v.values()) for v in case.yours.values())
    quell = float(round(100 * (alternative_of(case) / best - 0.02)))
    return {
        "audit_cost": EDGE_AUDIT,
        "reservation_if_quell": quell,
        "reservation_if_not": quell - 1,
        **EVEN_WEEKS,
    }


#: How far question 4's letter edges move Brenn's letter from the best alternative before
#: it, as a share of the best profit: far enough that the two measures read the row apart.
LETTER_SHIFT = 0.15


def _letter_edges(case):
    """``case``'s changes where question 2's decision on the letter decides the
    alternatives row: Brenn's letter moved ``LETTER_SHIFT`` of the best profit above the
    best alternative before it (you sign) or below it (you do not), and Marlow's
    reservation prices set so that your alternative after that decision is ahead by about
    0.10 and 0.20, while the measure that skips the decision (the alternative before the
    letter, or the letter itself) leaves the row open. A letter moved up stays within nine
    tenths of Brenn's profit, as in the story (review 62, U5): Brenn's profit rises with it
    where it must (``_brenn_for``). A letter moved down may fall below the spot market's
    profit: holding it above would bring it too near the alternative to tell the letter
    alone from the right measure."""
    best = sum(max(v.values()) for v in case.yours.values())
    before = batna_of(case)[1]
    share = round(100 * before / best)
    return [
        {
            **_brenn_for(case, round(before + LETTER_SHIFT * best, 2)),
            "reservation_if_quell": float(share + 5),
            "reservation_if_not": float(share - 5),
            **EVEN_WEEKS,
        },
        {
            **_brenn_for(case, round(before - LETTER_SHIFT * best, 2)),
            "reservation_if_quell": float(share - 10),
            "reservation_if_not": float(share - 20),
            **EVEN_WEEKS,
        },
    ]


def _moved(change):
    """What ``change`` moved in ``case``, in words, for a hint."""
    moved = []
    if "brenn_letter" in change:
        moved.append(f"Brenn's letter at {change['brenn_letter']:g} k€")
    if "brenn_profit" in change:
        moved.append(
            f"Brenn's profit at {change['brenn_profit']:g} k€ with chance "
            f"{change['brenn_chance']:.4g} (Brenn worth the same on average)"
        )
    if "audit_cost" in change:
        moved.append(f"Marlow's supplier audit at {change['audit_cost']:g} k€")
    moved.append(
        f"Marlow's reservation price moved to {change['reservation_if_quell']:g} points if "
        f"Quell has capacity and {change['reservation_if_not']:g} if not"
    )
    if "your_weeks" in change:
        moved.append(
            f"{change['your_weeks']} weeks for you to wait and {change['their_weeks']} for Marlow"
        )
    if "their_supply_share" in change:
        moved.append(
            f"you supplying {change['their_supply_share']:.0%} of Marlow's sensors and Marlow "
            f"{change['your_sales_share']:.0%} of your sales"
        )
    return moved[0] if len(moved) == 1 else ", ".join(moved[:-1]) + " and " + moved[-1]


def _two_states(case):
    """``case``'s change where the alternatives row is open although the average of
    Marlow's two reservation prices, weighted by the posterior, puts you clearly ahead:
    you are behind by about 0.02 if Quell has capacity and ahead by about 0.30 if not, and
    the weeks even, so that time does not decide the row."""
    share = _alternative_share(case)
    return {
        "reservation_if_quell": float(share + 2),
        "reservation_if_not": float(max(0, share - 30)),
        **EVEN_WEEKS,
    }


@question
def my_audit(answer, hidden=False):
    """Check a function returning the learner's audit of their own case; with ``hidden``,
    on other learners' cases and on the edges of ``_audit_edges`` too."""
    own = _cases(False)[0]
    if hidden:
        _each(answer, _cases(True, _audit_edges(own)), judge_audit)
        passed("my_audit follows each case's facts.")
        return
    case = own
    verdicts = judge_audit(case, call_learner(answer, case))
    for change in _visible_edges(own):
        moved = dataclasses.replace(own, **change)
        try:
            judge_audit(moved, call_learner(answer, moved))
        except NotYet as hint:
            raise NotYet(
                f"your audit fits your case, but not your case with {_moved(change)} "
                "(the rest as it is):"
                f"{str(hint).removeprefix('your audit does not yet fit your case:')}"
            ) from None
    passed(
        f"your audit fits your case: the alternatives row {_said(verdicts['alternatives'])}, "
        f"the power row {_said(verdicts['power'])}, and it follows the rules when the case's facts move "
        "(where a row turns on a share gap within 0.01 of its line, or on weeks exactly 3 "
        "apart, either reading passes). Rate both sides and weigh the three sources for "
        "part 2 of the reflection."
    )


def _said(verdict):
    """A row's verdict as a predicate: "is open", or "favours" its side (review 88 U1)."""
    return "is open" if verdict == "open" else f"favours {verdict}"


# --- question 6: what to say at the table ---------------------------------------------------


def _verdict(value, letter):
    if isinstance(value, str):
        said = evened(value)
        if said in VERDICTS:
            return said
    raise NotYet(
        f"the verdict for {letter} should be {' or '.join(map(repr, VERDICTS))}, got {value!r}",
        general=f"each verdict should be {' or '.join(map(repr, VERDICTS))}",
    )


def _said_or_none(value):
    """``value`` read as one of ``VERDICTS`` as ``_verdict`` reads it, else ``None``."""
    try:
        return _verdict(value, "")
    except NotYet:
        return None


def _statement_hint(case, kind, said):
    """Why ``said`` is the wrong verdict on a statement of ``kind`` in ``case``: the
    reason only, without naming the right verdict."""
    letter, batna = case.brenn_letter, batna_of(case)[1]
    return _reason(kind, signs_letter(case), letter, batna, 1 - quell_posterior(case))


def _reason(
    kind,
    signs,
    letter,
    batna,
    no_quell,
    whose="question 2's right decision",
    which="Brenn's letter",
):
    """Why a verdict on a statement of ``kind`` is wrong, for a seller who signs a letter
    worth a sure ``letter`` against an alternative worth ``batna`` on average (``signs``)
    or not, and who puts the chance that Quell has no capacity at ``no_quell``; ``whose``
    names the decision on the letter and ``which`` the letter (the practice seller's is
    not Brenn's: review 66 X3)."""
    return {
        "mention": "it is true and calm whichever alternative you keep, Brenn or Kessel: "
        "Marlow knows nothing of them and would otherwise assume the spot market, which your "
        "alternative beats. A strong alternative is worth letting the other side know "
        "about (Fisher and Ury); saying it plainly leaves Marlow room to answer",
        "signed": (
            f"{whose} is to sign {which} (a sure {letter:g} "
            f"against {batna:,.2f} on average), so this is true: a firm "
            "alternative, stated calmly, is worth letting Marlow know (Fisher and Ury)"
            if signs
            else f"{whose} is not to sign {which} (a sure "
            f"{letter:g} against {batna:,.2f} on average), so no "
            "customer has signed anything: claiming it is a misrepresentation of a fact "
            "Marlow would rely on (module 00, section 6)"
        ),
        "threat": "it is a threat: it ties your terms to giving the capacity away, which you "
        "would rather not do while Marlow can still beat your alternative, and as your plan "
        "concedes below those terms you would not carry it out, so it is a bluff too. Threats "
        "invite threats and corner the other side (Deutsch and Krauss, module 03), and you "
        "hope to supply Marlow for a year; mention the alternative calmly instead",
        "invented": "it is false: no customer has ordered anything, and Kessel's pilot line is "
        "not even decided yet. A made-up order is not a "
        "bluff about your own reservation price but a misrepresentation of a fact Marlow would rely on "
        "(module 00, section 6)",
        "confidential": "it passes on another customer's plans, which that customer told you "
        "in confidence: they are not yours to pass on (section 4: another customer's business "
        "is theirs). You may say that a customer could take your capacity, not its plans; and a "
        "Marlow that hears another's secrets from you will expect its own to travel too",
        "interest": "it answers what Marlow asked for and opens a trade: the rush matters to "
        "Marlow and costs you, which is exactly what a trade is made of",
        "belief": f"you only believe it (chance {no_quell:.2f} after the rush request): stated "
        "as a fact it misleads if Quell does have capacity, and it tells Marlow how you read "
        "its request",
    }[kind]  # no verdict appended: the reason teaches, a bare verdict only gives it away


def _verdicts(answer, statements, name="what_to_say"):
    """The learner's verdicts, keyed by upper-case letter and read loosely ("keep_quiet",
    "Keep-Quiet"), each checked to be one of ``VERDICTS`` for a letter of ``statements``."""
    verdicts = answer
    if not isinstance(verdicts, Mapping):
        raise NotYet(
            f"{name} should return a dict like {{'A': 'say', 'B': 'keep quiet', ...}}, "
            f"got {verdicts!r}",
            general="it should return a dict of letter to verdict",
        )
    verdicts = {str(letter).strip().upper(): v for letter, v in verdicts.items()}
    extra = sorted(set(verdicts) - set(statements))
    if extra:
        letters = sorted(statements)
        raise NotYet(
            f"there is no statement {extra[0]!r}; the statements are {letters[0]} to {letters[-1]}."
        )
    missing = [letter for letter in statements if letter not in verdicts]
    if missing:
        raise NotYet(f"{name} has no verdict for statement {missing[0]} yet.")
    return {letter: _verdict(verdicts[letter], letter) for letter in statements}


@question
def practice_to_say(answer):
    """Check a function returning verdicts on question 6's practice statements (not
    graded): every verdict judged, with the reason for each one that is wrong."""
    said = _verdicts(call_learner(answer), PRACTICE_STATEMENTS, "practice_to_say")
    key, kinds = practice_key(), practice_kinds()
    signs = PRACTICE_LETTER > PRACTICE_BATNA
    facts = (PRACTICE_LETTER, PRACTICE_BATNA, PRACTICE_NO_QUELL)
    mine = {"whose": "the practice seller's decision", "which": "its letter of intent"}
    wrong = [
        f"- {letter}: {_reason(kinds[letter], signs, *facts, **mine)}."
        for letter in PRACTICE_STATEMENTS
        if said[letter] != key[letter]
    ]
    if wrong:
        are = "is" if len(wrong) == 1 else "are"
        raise NotYet(
            f"{len(wrong)} of the practice seller's {len(PRACTICE_STATEMENTS)} verdicts {are} "
            "not right yet:\n" + "\n".join(wrong)
        )
    passed(
        f"all {len(PRACTICE_STATEMENTS)} practice verdicts are right. Now decide your own "
        "seven in what_to_say; "
        "the check below looks only at their form."
    )


def judge_statement(case, letter, verdicts):
    """Question 6 for one statement, given ``verdicts`` (letter -> verdict): what the
    learner got right, else the ``NotYet`` hint."""
    said = verdicts.get(letter)
    if said is None:
        raise NotYet(f"what_to_say has no verdict for statement {letter} yet.")
    said = _verdict(said, letter)
    if said != statement_key(case)[letter]:
        reason = _statement_hint(case, statement_kinds(case)[letter], said)
        # graded on the learner's own case only, so its reason may be shown at grading too
        raise NotYet(f"{letter}: {reason}.", general=f"statement {letter}: {reason}")
    key = statement_key(case)
    told_apart = any(
        right != said and _said_or_none(verdicts.get(other)) == right
        for other, right in key.items()
    )
    if not told_apart:
        # A verdict earns its share only beside a right verdict of the other kind, so an
        # answer that gives every statement the same verdict earns nothing. Every case has
        # at least two statements of each verdict (review 66 X1), so one slip costs every
        # learner the same: that verdict's share, never the others'.
        reason = (
            f"'{said}' is right here, but your answer gets no statement of the other verdict "
            "right, so this earns nothing: a mark needs verdicts that tell statements apart"
        )
        raise NotYet(f"{letter}: {reason}.", general=f"statement {letter}: {reason}")
    return f"{letter}: {said}."


#: What one right verdict of question 6 earns: its 2 marks shared by the seven statements
#: (six before review 90 X2 added statement G).
STATEMENT_POINTS = 2 / 7


@question
def what_to_say(answer, hidden=False):
    """Check a function that says, for each statement of the learner's case, whether to
    say it at the table or keep quiet. Visible: the form only (a verdict for each letter,
    each one of ``VERDICTS``), since a check that judged the learner's own seven would let
    re-running find them; hidden: each verdict marked, a seventh of the marks each
    (``STATEMENT_POINTS``), with its reason, a right verdict counting only beside a right
    verdict of the other kind (every case has at least two of each)."""
    case = _cases(False)[0]
    raw = call_learner(answer, case)
    if not hidden:
        _verdicts(raw, case.statements)
        passed(
            "what_to_say gives a verdict, 'say' or 'keep quiet', for each of your "
            f"{len(case.statements)} statements. This check looks only at that form, by design: even a count of "
            "the verdicts that pass would let you find each one by flipping it and running "
            "the check again. The verdicts themselves are marked when your notebook is "
            "graded (the practice above is where you get feedback on the reasons)."
        )
        return None
    if not isinstance(raw, Mapping):
        raise NotYet(
            f"what_to_say should return a dict like {{'A': 'say', 'B': 'keep quiet', ...}}, "
            f"got {raw!r}",
            general="it should return a dict of letter to verdict",
        )
    verdicts = {str(letter).strip().upper(): v for letter, v in raw.items()}
    extra = sorted(set(verdicts) - set(case.statements))
    if extra:
        letters = sorted(case.statements)
        raise NotYet(
            f"there is no statement {extra[0]!r}; the statements are {letters[0]} to {letters[-1]}."
        )
    return score(
        *(
            Check(
                f"statement {letter}",
                STATEMENT_POINTS,
                functools.partial(judge_statement, case, letter, verdicts),
                own_case=True,
            )
            for letter in case.statements
        )
    )


# --- question 5: the opening, one package and a MESO ---------------------------------------


def _packages(case, result):
    """The learner's list of packages, each checked to be one of this contract's."""
    if isinstance(result, Mapping) or not isinstance(result, list | tuple) or not result:
        raise NotYet(
            "opening_offer should return a list of packages (dicts of issue to level), your "
            f"opening first; got {result!r}",
            general="it should return a list of packages, the opening first",
        )
    for package in result:
        if not isinstance(package, Mapping):
            raise NotYet(
                f"{package!r} is not a package: write each as a dict of issue to level",
                general="an item of the list is not a package",
            )
        try:
            _points(case, dict(package))
        except (TypeError, ValueError) as error:
            raise NotYet(
                f"{dict(package)!r} is not a package of this contract: {error}",
                general="an item of the list is not a package of the contract",
            ) from None
    return [dict(package) for package in result]


#: What a hint adds where the learner's own reservation price may be the cause.
_BUILDS_ON_RESERVATION = (
    " (the opening builds on my_reservation: if its check does not pass yet, fix that first)"
)


def _best_for(case, need):
    """``(your profit, Marlow's points)`` of the best package for Tallis among those that
    give Marlow at least ``need`` points and leave Tallis its reservation price (the most
    profit, then the most points); ``None`` when none does."""
    floor = reservation_of(case)
    found = [row[1:] for row in frontier_rows(case) if row[2] >= need and row[1] >= floor]
    return max(found, default=None)


def _averaged_need(case, worth):
    """When ``worth`` (a package's profit and points) is the best package for an average
    of Marlow's two reservation prices (weighted by the belief after the rush request, by
    the prior, or halfway), that average and how it was weighted; else ``None``."""
    low, high = case.reservation_if_not, case.reservation_if_quell
    for chance, how in (
        (quell_posterior(case), "weighted by your belief after the rush request"),
        (case.quell_prior, "weighted by the prior, before the rush request"),
        (0.5, "halfway between them"),
    ):
        need = chance * high + (1 - chance) * low
        if _best_for(case, need) == worth:
            return need, how
    return None


def _opening_hint(case, package):
    """Why ``package`` is not the course's opening for ``case``: the hint, and the same in
    general words; ``None`` when it is (or ties with it)."""
    best = opening_of(case)
    you, them = _points(case, package)
    best_you, best_them = _points(case, best)
    beyond = beyond_of(case)
    if (you, them) == (best_you, best_them):
        return None
    # Review 102 C2: one frontier step beyond passes again (as from review 58 to review 89):
    # the appendix's trials show it pays against every style of this bot; the pass message
    # names the trade-off (STEP_BEYOND_NOTE).
    if beyond and (you, them) == tuple(beyond[1:]):
        return None
    low, high = case.reservation_if_not, case.reservation_if_quell
    floor = reservation_of(case)
    if them < INSULT_LINE * low:
        return (
            f"it gives Marlow {them:g} points, less than a quarter of its low reservation "
            f"price ({low:g}, its reservation price without Quell): Marlow refuses such an offer out of hand, so it "
            "does not pull at all and it strains Marlow's patience (section 4); open with "
            "the best package Marlow could accept if Quell has no capacity",
            "it gives Marlow so little that Marlow refuses it out of hand",
        )
    if them < low:
        where = (
            "yours is not that step"
            if beyond
            else "here there is none: the next package along the frontier gives Marlow less "
            f"than a quarter of its high reservation price ({high:g}, with Quell), and then "
            "Marlow would refuse it out of hand"
        )
        return (
            f"it gives Marlow {them:g} points, fewer than its low reservation price ({low:g}, "
            "its reservation price without Quell). Question 5 accepts an opening beyond Marlow's low reservation price "
            f"only one step further along the Pareto frontier (section 4), and {where}; open "
            "at Marlow's low reservation price",
            "it goes further beyond what Marlow could accept than question 5 accepts",
        )
    if you < floor:
        return (
            f"it leaves you {you:g}, below your reservation price (question 2): never open "
            f"below it{_BUILDS_ON_RESERVATION}",
            f"it leaves you less than your reservation price{_BUILDS_ON_RESERVATION}",
        )
    # An opening made for the Quell state can also be the best package for an average of
    # the two reservation prices; the learner who made it need not have averaged anything,
    # so the average is named only when the package is not the best one for the Quell state.
    for_quell = them >= high and _best_for(case, high) == (you, them)
    if you < best_you and not for_quell:
        averaged = _averaged_need(case, (you, them))
        if averaged is not None:
            _, how = averaged
            # the average is not printed: weighted by question 3's chance, it would give
            # that graded chance away (review 57, W1)
            return (
                "it is the best package for an average of Marlow's two reservation prices, "
                f"{how}; that is a reservation price "
                "Marlow cannot have (section 2), which is why section 4 does not open at "
                "module 01's estimate, the mean of your beliefs: Marlow's reservation price "
                f"is either {low:g} or {high:g}. Plan against each state, not their average: open with "
                "the best package Marlow could accept if Quell has no capacity, and concede "
                "towards its high reservation price only step by step, as section 5's plan "
                "and rule for moves allow",
                "it plans against an average of Marlow's two reservation prices: open with "
                "the best package Marlow could accept if Quell has no capacity",
            )
    if you < best_you and them >= high:
        return (
            f"it gives Marlow {them:g} points, enough even if Quell has capacity; but Quell may "
            "have none (question 3), and then Marlow would accept a package that leaves you "
            f"more: open with the best of those, and concede towards {high:g} only if "
            "Marlow's answers say that Quell can supply it",
            "it opens for the state in which Quell has capacity: open with the best package "
            "Marlow could accept if it has none",
        )
    if you < best_you and _best_for(case, them) == (you, them):
        return (
            f"it is the best package that gives Marlow at least {them:g} points, more than "
            f"its low reservation price ({low:g}, without Quell); a package that leaves you "
            "more gives it enough in that state: open with the best of those",
            "it asks more points for Marlow than its low reservation price",
        )
    if you < best_you:
        return (
            f"it leaves you {you:g}, but another package leaves you more and still gives "
            f"Marlow at least its low reservation price ({low:g}, without Quell): search every "
            "package, not only those near your list terms",
            "another package Marlow could accept without Quell leaves you more",
        )
    return (
        f"another package leaves you as much ({you:g}) and gives Marlow more than {them:g} "
        "points: prefer it",
        "another package leaves you as much and gives Marlow more",
    )


def judge_opening(case, result):
    """Question 5's first part on ``result``: nothing when its first package is the course's
    opening, one frontier step beyond it (``beyond_of``), or worth the same to both sides as
    either, else the hint. Review 102 C2: the step beyond passes again (it passed from
    review 58 to review 89; review 90 C1 refused it), since the appendix's trials show it
    pays against every style of this bot; the pass message names the trade-off."""
    package = _packages(case, result)[0]
    found = _opening_hint(case, package)
    if found:
        hint, general = found
        raise NotYet(
            f"the opening is not right for learner {case.learner}: {hint}.", general=general
        )


def judge_meso(case, result):
    """Question 5's second part on ``result``: nothing when it adds one or two other
    packages to the opening, each worth exactly the opening's profit to Tallis and at
    least Marlow's lower reservation price to Marlow, every two giving ground on an issue
    the other keeps (``crosses``), else the hint. With an opening one frontier step beyond
    (review 102 C2), partners need only escape the insult line of the higher reservation
    price, and where none does the opening may stand alone."""
    packages = _packages(case, result)
    top, opened = _points(case, packages[0])
    low, high = case.reservation_if_not, case.reservation_if_quell
    # Review 102 C2 (as before review 90): an opening one frontier step beyond cannot have
    # partners Marlow could accept; they need only escape the insult line of the higher
    # reservation price, and where none does, the opening stands alone.
    floor = low if opened >= low else INSULT_LINE * high
    beyond = beyond_of(case)
    alone = (
        beyond is not None
        and (top, opened) == tuple(beyond[1:])
        and not _has_partner(case, packages[0], floor)
    )
    if alone and len(packages) == 1:
        return  # an opening one step beyond with no partner earns this mark alone
    if not 2 <= len(packages) <= 3:
        raise NotYet(
            f"a MESO has two or three packages; the list has {len(packages)}",
            general="a MESO has two or three packages",
        )
    keys = [tuple(sorted(p.items())) for p in packages]
    if len(set(keys)) < len(keys):
        raise NotYet("the packages of a MESO must all differ", general="two packages are the same")
    given = [ground_given(case, package) for package in packages]
    for package in packages[1:]:
        you, them = _points(case, package)
        if you < top:
            raise NotYet(
                f"{_show(package)} leaves you {you:g}, less than the {top:g} of your opening: "
                "a MESO's packages are worth exactly the same to you, or offering them "
                "together gives away the difference before Marlow has moved",
                general="a package of the MESO is worth less to you than the opening",
            )
        if you > top:
            raise NotYet(
                f"{_show(package)} leaves you {you:g}, more than your opening ({top:g}): a "
                "MESO's packages are worth exactly the same to you",
                general="a package of the MESO leaves you more than the opening",
            )
        if them < floor and opened >= low:
            raise NotYet(
                f"{_show(package)} gives Marlow {them:g} points, fewer than its low reservation "
                f"price ({low:g}, without Quell): with an opening Marlow could accept, "
                "every package of a MESO must be one Marlow could accept",
                general="a package of the MESO is one Marlow could not accept",
            )
        if them < floor:
            raise NotYet(
                f"{_show(package)} gives Marlow {them:g} points, less than a quarter of its high "
                f"reservation price ({high:g}, with Quell): Marlow would refuse it out of hand "
                "then, so it tests nothing",
                general="a package of the MESO is one Marlow would refuse out of hand",
            )
    if not _has_partner(case, packages[0], floor):
        best = opening_of(case)
        if _points(case, packages[0]) == _points(case, best):
            # A tied opening passes the first part, yet no package can complete its MESO.
            raise NotYet(
                f"your opening {_show(packages[0])} ties with {_show(best)} (both leave you "
                f"{top:g} and give Marlow {_points(case, best)[1]:g} points), but no package "
                "worth the same to you gives Marlow ground on an issue yours keeps and keeps "
                "one yours gives; open with the tied package instead, which has such partners",
                general="your opening ties with another package, but only the other can "
                "start a MESO: open with it",
            )
    for (a, first), (b, second) in itertools.combinations(enumerate(given, 1), 2):
        if not crosses(first, second):
            raise NotYet(
                f"packages {a} and {b} give Marlow ground on "
                f"{', '.join(sorted(first)) or 'no issue'} and on "
                f"{', '.join(sorted(second)) or 'no issue'}: each should give ground on an "
                "issue the other does not, so that Marlow's choice between them tells you "
                "which of the two bundles of concessions it values more",
                general="two packages of the MESO do not each give ground on an issue the "
                "other keeps",
            )


def _has_partner(case, opening, low):
    """Whether some package worth exactly ``opening``'s profit to Tallis and at least
    ``low`` points to Marlow crosses ``opening`` (each gives ground the other keeps)."""
    profit = _points(case, opening)[0]
    given = ground_given(case, opening)
    return any(
        row[1] == profit and row[2] >= low and crosses(ground_given(case, row[0]), given)
        for row in package_rows(case)
    )


#: The shifts of Marlow's lower reservation price question 5's edge tries, in this order:
#: nearest a drop of 12 points first, which moves most learners' openings.
OPENING_SHIFTS = sorted((d for d in range(-60, 61) if d), key=lambda d: (abs(d + 12), d))


def _opening_edges(case):
    """Question 5's edge, visible and hidden: ``case`` with Marlow's lower reservation price
    shifted (kept above 0, and the higher one raised to 5 points above it where it must
    be) by the first of ``OPENING_SHIFTS`` that moves the opening and leaves it a second
    package for the set, as every drawn case has: an opening typed in from the own case
    then fails before grading (review 63, X1's kind). Empty when no shift does (40 of
    the first 300 learners, whose contract has no other opening with a partner that
    leaves theirs more than one step beyond it; 31 while a non-signer's step beyond was
    refused, before review 73 E1). Since review 102 C2 accepts the step beyond again, a
    shift that also refuses the own step beyond typed in is preferred."""
    beyond = beyond_of(case)
    typed = [dict(opening_of(case))] + ([dict(beyond[0])] if beyond else [])
    for needed in (typed, typed[:1]):
        for shift in OPENING_SHIFTS:
            low = case.reservation_if_not + shift
            change = {"reservation_if_not": low}
            if low + 5 > case.reservation_if_quell:
                change["reservation_if_quell"] = low + 5
            moved = dataclasses.replace(case, **change)
            # the own openings must be refused there, and the moved opening must have a
            # partner for the set
            if (
                low > 0
                and meso_partners(moved)
                and all(_opening_hint(moved, package) for package in needed)
            ):
                return [change]
    return []


#: What question 5's pass message adds when the own opening is one frontier step beyond
#: (review 102 C2): the trade-off, with its source.
STEP_BEYOND_NOTE = (
    " Your opening is one frontier step beyond Marlow's low reservation price: against this "
    "bot it pays (the appendix), but a counterpart with little power may take offence and "
    "walk away (Schweinsberg et al., 2012)."
)


def _opening_message(answer):
    """Question 5's pass message for the opening, with ``STEP_BEYOND_NOTE`` when the own
    case's opening is the step beyond."""
    message = (
        "it opens at Marlow's low reservation price, with the best package Marlow could "
        "accept without Quell, or one frontier step beyond it."
    )
    own = _cases(False)[0]
    beyond = beyond_of(own)
    result = call_learner(answer, own)
    if beyond is not None and tuple(_points(own, dict(result[0]))) == tuple(beyond[1:]):
        return message + STEP_BEYOND_NOTE
    return message


@question
def opening_offer(answer, hidden=False):
    """Check a function that returns the opening: the best package Marlow could accept
    without Quell, or one frontier step beyond it (review 102 C2, as before review 90), and
    a MESO around it. A mark each."""
    edges = _opening_edges(_cases(False)[0])

    def opening():
        _each_with_edges(answer, hidden, edges, judge_opening, "opening_offer")
        return _opening_message(answer)

    return score(
        Check("your opening", 1, opening),
        Check(
            "the MESO",
            1,
            lambda: _each_with_edges(
                answer,
                hidden,
                edges,
                judge_meso,
                "opening_offer",
                "its packages are worth the same to you and each gives Marlow ground the "
                "others keep (an opening one step beyond with no such partner may stand "
                "alone).",
            ),
        ),
    )


# --- question 7: the concession plan -------------------------------------------------------


def judge_plan(case, result, opening, floor):
    """Question 7 on ``result``, what ``concession_plan(case, opening, floor)`` returned:
    nothing when it is the course's plan (step for step, any package worth the same to
    both sides accepted), or takes another free trade that lands on the frontier
    (``_free_on_frontier``), else the hint naming the first step that differs. Each step is
    judged from the learner's own previous one, so a plan that took another free trade goes
    on from there."""
    if isinstance(result, Mapping) or not isinstance(result, list | tuple) or not result:
        raise NotYet(
            f"concession_plan should return a list of packages, the opening first; got {result!r}",
            general="it should return a list of packages, the opening first",
        )
    fault = _shape_fault(case, result, opening, floor)
    if fault is None:
        return  # review 90 C1 (review 89 C2): module 04's shape
    # review 110 C1: the smallest steps no longer pass for themselves; a walk that breaks
    # no step's rule is judged by its shape (a target skipped, a step that grows)
    try:
        _judge_steps(case, result, opening, floor)
    except NotYet:
        if fault[0] in ("target", "grows"):  # review 108 X1: name the shape's fault
            where = f"concession_plan for learner {case.learner} from {_show(opening)}"
            raise NotYet(f"{where}: {fault[1]}.", general=fault[2]) from None
        raise
    if fault[0] in ("target", "grows"):
        where = f"concession_plan for learner {case.learner} from {_show(opening)}"
        raise NotYet(f"{where}: {fault[1]}.", general=fault[2])


def _judge_steps(case, result, opening, floor):
    """The hint naming the first step of ``result`` that breaks a step's rule: not a
    package, not the opening first, past the end, off the frontier, giving Marlow nothing,
    below ``floor``, a costly step where a free trade was left (rule 1), or a stop while a
    step is left. Review 110 C1: any other step on the frontier passes here (the smallest
    step is no longer the rule), and ``judge_plan`` judges the plan's shape."""
    expected = plan_of(case, opening, floor)
    frontier = frontier_rows(case)
    current = expected[0][1:]
    for step, package in enumerate(result):
        if not isinstance(package, Mapping):
            raise NotYet(
                f"step {step} is not a package: {package!r}", general="a step is not a package"
            )
        try:
            you, them = _points(case, dict(package))
        except (TypeError, ValueError) as error:
            raise NotYet(
                f"step {step}, {dict(package)!r}, is not a package of this contract: {error}",
                general="a step is not a package of the contract",
            ) from None
        where = f"concession_plan for learner {case.learner} from {_show(opening)}, step {step}"
        if step == 0:
            if (you, them) != expected[0][1:]:
                raise NotYet(
                    f"{where}: the plan starts with the opening it is given, {_show(opening)}.",
                    general="the plan does not start with the opening it is given",
                )
            continue
        best = next_step(frontier, current, floor)
        if best is None:
            raise NotYet(
                f"{where}: {_show(dict(package))} comes after the end; from "
                f"{_show(dict(result[step - 1]))} no package on the frontier gives Marlow more "
                f"and leaves you at least your reservation price (question 2): the plan ends "
                "there.",
                general="it goes on after the last step the rule allows",
            )
        if (you, them) not in _free_on_frontier(frontier, current, floor):
            hint = _step_hint(case, frontier, current, (you, them), best, floor, smallest=False)
            if hint:
                raise NotYet(f"{where}: {hint[0]}.", general=hint[1])
        current = (you, them)
    if next_step(frontier, current, floor) is not None:
        raise NotYet(
            f"concession_plan for learner {case.learner} stops after step {len(result) - 1}, "
            "but a package on the frontier still gives Marlow more and leaves you at least "
            "your reservation price (question 2): go on until no step is left",
            general="it stops while a step the rule allows is left",
        )


#: Module 02's even split, the foot of the band a target lies in (section 5's target).
EVEN_SPLIT = 0.5


def module04_plan(case, result, opening, floor):
    """Review 90 C1 (review 89 C2): whether ``result`` is a plan of module 04's shape from
    ``opening`` down to ``floor`` (``_shape_fault`` finds nothing wrong with it)."""
    return _shape_fault(case, result, opening, floor) is None


def _shape_fault(case, result, opening, floor):
    """What keeps ``result`` from module 04's shape from ``opening`` down to ``floor``, or
    ``None`` when nothing does. The shape: it starts with the opening; every later package
    is on the Pareto frontier, gives Marlow more than the one before and leaves Tallis at
    least ``floor`` (from a draft below the frontier, the first step costs nothing: rule 1);
    no step that costs Tallis something costs more than the one before it (review 110 C1:
    to the end, no longer only up to the targets); it passes each state's target, or skips
    no more of them than every such plan must; and it goes on to the end, where no step to
    the frontier gives Marlow more and leaves Tallis at least ``floor``.

    Review 108 X1: a state's target is the frontier package nearest the half-way point
    of that state's zone, at or above it, that Marlow accepts then (``_frontier_target``),
    no longer the plan's own package nearest it: a plan that conceded everything in one
    step made the opening its own target and passed on 124 of 200 learners' own cases.

    The fault is ``("form", None, None)`` when ``result`` is not such a walk down the
    frontier (``judge_plan`` then judges it step by step against the course's plan), else
    ``(kind, specific, general)`` with kind ``"target"`` (a target skipped), ``"grows"`` (a
    step costs more than the one before) or ``"end"``."""
    form = ("form", None, None)
    if not isinstance(result, list | tuple) or len(result) < 2:
        return form
    if not all(isinstance(package, Mapping) for package in result):
        return form
    try:
        worths = [_points(case, dict(package)) for package in result]
        start = _points(case, dict(opening))
    except (TypeError, ValueError):
        return form
    if worths[0] != start:
        return form
    frontier = frontier_rows(case)
    on = {row[1:] for row in frontier}
    for (_, theirs), (you, them) in itertools.pairwise(worths):
        if (you, them) not in on or them <= theirs or you < floor:
            return form
    if start not in on and worths[1] not in _free_on_frontier(frontier, start, floor):
        return form
    grown = _grows(worths)
    if grown:
        earlier, later = grown
        return (
            "grows",
            f"a step costs you {later:g}, more than the step before it ({earlier:g}): "
            "concede in steps that shrink, so no step may cost more than the one before "
            "(section 5)",
            "a step costs more than the one before",
        )
    missed = _missed_targets(case, worths, floor)
    made = None if start in on else worths[1]  # from a draft: the free trade it made
    if len(missed) > _fewest_missed(case, worths[0], floor, made):
        quell, target = missed[0]
        state = "with Quell" if quell else "without Quell"
        k = next((k for k, (you, _) in enumerate(worths) if you < target - 1e-9), None)
        if k is None:
            return ("end", None, None)  # it stops above the target
        return (
            "target",
            f"step {k} goes from a profit of {worths[k - 1][0]:g} to {worths[k][0]:g} and "
            f"skips your target {state}, worth {target:g} to you: the frontier package "
            "Marlow accepts then that is nearest the half-way point of that state's zone, at "
            "or above it (section 5). Pass it, with steps that shrink (where a plan can)",
            "the plan skips a target: the frontier package nearest the half-way point of a "
            "state's zone, at or above it",
        )
    if next_step(frontier, worths[-1], floor) is not None:
        return ("end", None, None)
    return None


def _grows(worths):
    """Review 110 C1: the first pair of costs ``(earlier, later)`` in a walk worth
    ``worths`` where a step that costs Tallis something costs more than the one before
    (free trades aside), or ``None`` when no step grows."""
    costs = [mine - you for (mine, _), (you, _) in itertools.pairwise(worths)]
    given = [cost for cost in costs if cost > 0]
    for earlier, later in itertools.pairwise(given):
        if later > earlier + 1e-9:
            return (earlier, later)
    return None


def _missed_targets(case, worths, floor):
    """The states' targets (``_frontier_target``) a walk worth ``worths`` skips (no package
    of it worth the target to Tallis that Marlow accepts in that state), as ``(quell,
    target)`` pairs in the order the walk passes them."""
    missed = []
    for quell in (False, True):
        target = _frontier_target(case, worths, floor, quell)
        need = case.reservation_if_quell if quell else case.reservation_if_not
        # review 110 C1: a draft below the frontier worth the target's profit to Tallis is
        # not the target: a package passes it only if Marlow accepts it in that state
        if target is None:
            continue
        if not any(abs(you - target) < 1e-9 and them >= need for you, them in worths):
            missed.append((quell, target))
    return sorted(missed, key=lambda pair: -pair[1])


_FEWEST = {}


def _fewest_missed_at(case, start, floor, first=None):
    frontier = sorted(
        (row[1:] for row in frontier_rows(case) if row[1] >= floor and row[2] > start[1]),
        key=lambda worth: worth[1],
    )
    if not frontier:
        return 0
    on = {row[1:] for row in frontier_rows(case)}
    end, between = frontier[-1], frontier[:-1]
    fewest = 2
    for size in range(len(between) + 1):
        for chosen in itertools.combinations(between, size):
            worths = [start, *chosen, end]
            if start not in on and worths[1][0] < start[0]:
                continue  # from a draft the first step is free
            if first is not None and worths[1] != first:
                continue  # review 110 C1 (round 111): the free trade the plan made
            if _grows(worths) is None:
                fewest = min(fewest, len(_missed_targets(case, worths, floor)))
                if not fewest:
                    return 0
    return fewest


def _fewest_missed(case, start, floor, first=None):
    """Review 108 X1: the fewest targets a plan of module 04's shape from a package worth
    ``start`` down to ``floor`` can skip (0 unless steps that shrink to the end cannot pass
    both: then a plan of such steps that skips no more is the answer). From a draft below
    the frontier, ``first`` is the free trade the plan made: section 5 lets any free trade
    that lands on the frontier do, so the plan is held to what steps that shrink can pass
    from there (review 110 C1, round 111: it was held to the best free trade's)."""
    first = None if first is None else tuple(first)
    key = (repr(case.yours), repr(case.theirs), case.reservation_if_not)
    key += (case.reservation_if_quell, tuple(start), float(floor), first)
    if key not in _FEWEST:
        _FEWEST[key] = _fewest_missed_at(case, tuple(start), float(floor), first)
    return _FEWEST[key]


def _frontier_target(case, worths, floor, quell):
    """Review 108 X1: section 5's target in one state of Quell for a plan worth ``worths``
    (``(your profit, Marlow's points)`` from its start) down to ``floor``: the profit of the
    package nearest the half-way point of that state's zone, at or above it, that
    Marlow accepts in that state, among the frontier packages the plan can reach (no more
    profit than its first frontier package) and its start; ``None`` when the state has no
    zone or the plan starts below the half-way point (past the target)."""
    need = case.reservation_if_quell if quell else case.reservation_if_not
    frontier = frontier_rows(case)
    estimate = max((row[1] for row in frontier if row[2] >= need), default=None)
    if estimate is None or estimate <= floor + 1e-9:
        return None  # no zone in this state: no target
    even = floor + EVEN_SPLIT * (estimate - floor)
    start = worths[0]
    if start[0] < even - 1e-9:
        return None  # review 98 C1: the plan starts past this state's target: none to reach
    on = {row[1:] for row in frontier}
    first = start if start in on or len(worths) < 2 else worths[1]
    found = [
        row[1] for row in frontier if row[2] >= need and even - 1e-9 <= row[1] <= first[0] + 1e-9
    ]
    if start[1] >= need:
        found.append(start[0])
    return min(found, default=None)


def _free_on_frontier(frontier, current, floor):
    """The free trades from a package worth ``current`` ``(yours, theirs)``: the rows of
    ``frontier`` that cost Tallis nothing, give Marlow more and leave Tallis at least
    ``floor``. Question 7 accepts each (review 75 X2, C2: it used to rank them by the sum
    of k€ and points, which have no common unit, so the visible check passed the free
    trade that leaves Tallis most for 41 of 60 learners while grading refused it): each
    lands on the frontier and is better for both sides (module 04, rule 1)."""
    mine, theirs = current
    return {row[1:] for row in frontier if row[2] > theirs and row[1] >= max(mine, floor)}


def _step_hint(case, frontier, current, got, best, floor, smallest=True):
    """Why a step from ``current`` to ``got`` (both ``(yours, theirs)``) is not the rule's
    ``best`` row: the hint and its general words, or ``None`` when it is worth the same
    (or, with ``smallest`` false, when it is another step on the frontier)."""
    (mine, theirs), (you, them) = current, got
    if (you, them) == best[1:]:
        return None
    if best[1] >= mine and them > theirs and you >= floor and you < mine:  # a free one exists
        return (
            f"your step costs you {mine - you:g}, but another trade gives Marlow more than "
            f"now ({theirs:g} points) and costs you nothing: from a package below the "
            "frontier, first make a trade that costs you nothing and lands on the frontier "
            "(rule 1), then concede",
            "from a package below the frontier, the first step is a trade that costs you "
            "nothing and lands on the frontier",
        )
    if them <= theirs:
        return (
            "it gives Marlow nothing: each step must give Marlow more",
            "a step gives Marlow nothing",
        )
    if you < floor:
        return (
            f"it leaves you {you:g}, below your reservation price (question 2)",
            "a step goes below the reservation price",
        )
    better = [
        row
        for row in frontier
        if row[1] >= you and row[2] >= them and (row[1], row[2]) != (you, them)
    ]
    if better:
        return (
            f"{_show(better[0][0])} is better for both of you ({better[0][1]:g} for you, "
            f"{better[0][2]:g} for Marlow): keep every step on the Pareto frontier",
            "a step leaves the Pareto frontier",
        )
    if not smallest:
        return None
    return (
        f"it costs you {mine - you:g}, and another package on the frontier costs you less "
        f"and still gives Marlow more than the {theirs:g} points it has now: take the "
        "smallest step that gives Marlow more, or you may give it more than it needs",
        "a step gives up more profit than the smallest step that still gives Marlow more",
    )


@question
def concession_plan(answer, hidden=False):
    """Check a function that returns the concession plan from an opening down to a
    reservation price. Visible and hidden: the learner's case from the course's opening
    and reservation price, from the plan's second package, and with a reservation price
    that ends it sooner (review 94 X1: the visible check ran only the first, so a plan
    taking the step with the best rate of points per k€ passed it for 6 of 20 drawn
    learners and failed grading for all 6); visible: one public self-check learner's case
    too; hidden: other learners' cases."""
    cases = [(case, opening_of(case), reservation_of(case)) for case in _cases(hidden)]
    own = _cases(False)[0]
    plan = plan_of(own)
    cases.insert(1, (own, plan[1][0], reservation_of(own)))
    cases.insert(2, (own, plan[0][0], (plan[1][1] + plan[-1][1]) / 2))
    if hidden:
        cases += [
            (case, draft, reservation_of(case))
            for case in _cases(True)[1:]
            for draft in (draft_of(case), wide_draft_of(case))
            if draft is not None
        ]
    else:
        with hidden_cases_as(None):  # a public self-check learner, whatever the key
            public = _drawn(hidden_learner(MODULE, "brenn-1"))
        cases.append((public, opening_of(public), reservation_of(public)))
        cases += [
            (own, draft, reservation_of(own))
            for draft in (draft_of(own), wide_draft_of(own))
            if draft is not None
        ]
    for case, opening, floor in cases:
        result = call_learner(answer, case, dict(opening), floor)
        judge_plan(case, result, opening, floor)
    # review 95 X1: it said "one smallest step at a time" to a plan of module 04's shape too
    passed(
        "concession_plan keeps every step on the Pareto frontier and gives Marlow more each "
        "time, on every case the check tried (section 5's smallest steps, or module 04's "
        "shape). The check gave it the course's opening and reservation price, so an earlier "
        "slip did not count here."
    )


# --- question 8: your moves on a scripted log of Marlow's replies ---------------------------

#: What each reason of section 5's rule is, in general words (no number of the case).
_WHY = {
    "final above": "a final offer above your reservation price",
    "final below": "a final offer below your reservation price",
    "worth the next package": "an offer worth at least your plan's next package",
    "worth your last package": "an offer worth at least the package you last sent",
    "opening": "Marlow's opening",
    "moved": "a reply in which Marlow moved",
    "stalled twice": "the second reply in a row without a move",
    "can't give more": "a reply that says Marlow can't give more",
    "stalled once": "a first reply without a move",
    "stalled after your step": "a reply without a move after your step at a stall",
    "small stalled once": "a first reply with a move too small to count",
    "small stalled twice": "the second reply in a row without a move that counts",
    "small stalled after your step": "a small move after your step at a stall",
}


def _facts(n, why, worth, before, following, reservation, sent=None):
    """What section 5's rule reads at reply ``n``, in words: the facts, never the move.
    ``sent`` is the profit of the package last sent, so that a move is set against the
    cost of the next step (review 104 C1; review 106 E2: the whole cost, no longer half)."""
    cost = sent - following if sent is not None and following is not None else None
    if why.startswith("small ") and cost is not None:
        gain = worth - before
        text = (
            f"reply {n} is worth {worth:g} k€ to you, {gain:g} k€ more than its offer before "
            f"({before:g}), less than the {cost:g} k€ your next step costs: no move "
            "(section 5), "
        )
        count = {
            "small stalled once": "the first reply without a move",
            "small stalled twice": "the second reply in a row without a move",
            "small stalled after your step": "and none since your step at a stall",
        }[why]
        return (
            text + count + " (counted from Marlow's second offer, afresh after each step of yours)"
        )
    why = why.removeprefix("small ")
    if why == "final above":
        return (
            f"reply {n} is Marlow's final offer, worth {worth:g} k€ to you, and your "
            f"reservation price is {reservation:g}"
        )
    if why == "final below":
        return (
            f"reply {n} is Marlow's final offer, worth {worth:g} k€ to you, below your "
            f"reservation price of {reservation:g}; by making it, Marlow turned down the "
            "package you last sent"
        )
    if why == "worth the next package":
        return (
            f"reply {n} is worth {worth:g} k€ to you, at least the {following:g} of the "
            "next package of your plan"
        )
    if why == "worth your last package":
        return (
            f"reply {n} is worth {worth:g} k€ to you, at least what the package you last "
            "sent is worth to you, and your plan has no step left"
        )
    if why == "opening":
        return "reply 1 is Marlow's opening, a position, not yet a concession (section 5)"
    if why == "moved":
        text = f"reply {n} is worth {worth:g} k€ to you, more than its offer before ({before:g})"
        if cost is not None:
            text += f" by at least the {cost:g} k€ your next step costs"
        text += ": Marlow moved"
    elif why == "stalled twice":
        text = (
            f"reply {n} is worth {worth:g} k€ to you, no more than its offer before "
            f"({before:g}): the second reply in a row without a move (counted from Marlow's "
            "second offer, afresh after each step of yours; section 5: a move worth less than "
            "your next step is none)"
        )
    elif why == "can't give more":
        text = f"at reply {n} Marlow said it can't give more"
    elif why == "stalled after your step":
        text = (
            f"reply {n} is worth {worth:g} k€ to you, no more than its offer before "
            f"({before:g}), and Marlow has not moved since your step after two replies "
            "without a move"
        )
    else:
        text = (
            f"reply {n} is worth {worth:g} k€ to you, no more than its offer before "
            f"({before:g}): the first reply without a move (counted from Marlow's second "
            "offer, afresh after each step of yours)"
        )
    return text if following is not None else text + "; your plan has no step left"


def _short_of_accepting(said, why, following):
    """Why an 'accept' before the final offer is early (review 79, X3: the hint gave only
    the facts of the row, not why accepting was wrong): the offer is worth less than the
    package section 5's rule for accepting measures it against. Empty for other moves."""
    if said != "accept" or why.startswith("final") or why.startswith("worth"):
        return ""
    if following is None:
        return (
            ", and it is worth less to you than the package you last sent, the least "
            "section 5's rule lets you take before the final offer"
        )
    return (
        f", and it is worth less to you than the next package of your plan ({following:g} "
        "k€), the least section 5's rule lets you take before the final offer"
    )


def _move(value):
    """A learner's move as section 5 words it, or ``None`` when it is none of ``MOVES``:
    case, spaces, hyphens and underscores do not count, and "walk away politely" is a
    walk-away."""
    said = evened(value)
    said = "walk away" if said == "walk away politely" else said
    return said if said in MOVES else None


def judge_table_moves(case, result, plan, reservation, log, where=None):
    """Question 8 on ``result``, what ``table_moves(case, plan, reservation, log)``
    returned: nothing when each move is one section 5's rule allows (``right_moves``: at a
    final offer below the reservation price, a walk-away or the plan's next step; at
    Marlow's opening a hold only, review 114 X1; after two replies without a move, a hold
    or the next step), up to
    the reply that ends the talks, each read on the path the learner's own moves took;
    else the hint at the first move that is not, which gives the facts the rule reads there
    and never names the move."""
    name = f"table_moves for learner {case.learner}" + (f" on {where}" if where else "")
    if isinstance(result, str | Mapping) or not isinstance(result, list | tuple):
        raise NotYet(
            f"{name}: it should return a list of moves, one for each of Marlow's replies, "
            f"such as ['hold', 'next step', ...]; got {result!r}",
            general="it should return a list of moves, one for each reply",
        )
    key = right_moves(case, plan, reservation, log, [_move(m) for m in result])
    profits = [_points(case, package)[0] for package in plan]
    sent_before = dict(itertools.pairwise(reversed(profits)))  # a step's profit: the one before
    for n, (moves, why, worth, before, following) in enumerate(key, start=1):
        if n > len(result):
            raise NotYet(
                f"{name}: the list stops after reply {len(result)}, but the talks go on "
                f"until reply {len(key)}: give a move for each reply until one ends them",
                general="the list stops before the talks end",
            )
        said = _move(result[n - 1])
        if said is None:
            raise NotYet(
                f"{name}: move {n}, {result[n - 1]!r}, is not one of {', '.join(map(repr, MOVES))}",
                general="a move is not one of section 5's four",
            )
        if said not in moves:
            raise NotYet(
                f"{name}: you answered {result[n - 1]!r} to reply {n}, and "
                f"{_facts(n, why, worth, before, following, reservation, sent_before.get(following))}"
                f"{_short_of_accepting(said, why, following)}.",
                general=f"the move after {_WHY[why]} is not the one section 5's rule gives",
            )
    if len(result) > len(key):
        raise NotYet(
            f"{name}: the talks end at reply {len(key)}, with your move there, but the list "
            f"goes on to {len(result)} moves: stop at the move that ends them",
            general="the list goes on after the move that ends the talks",
        )


def _openings_below(case, floor):
    """Offers below ``floor`` that Marlow's table bot could open with (``_bot_can_open``;
    review 97 C2: the built logs opened at Marlow's own best package, which section 5 says
    never happens), from the least profit up: ``offers_below``'s frontier packages, or, in
    the few cases where fewer than two of them qualify, one package per profit of those
    that do (the most points for Marlow at that profit)."""
    found = [row for row in offers_below(case, floor) if _bot_can_open(case, row)]
    if len(found) >= 2:
        return found
    best = {}
    for row in package_rows(case):
        kept = best.get(row[1])
        if row[1] < floor and _bot_can_open(case, row) and (kept is None or row[2] > kept[2]):
            best[row[1]] = row
    return [best[profit] for profit in sorted(best)]


def _fixed_logs(case):
    """The logs the check builds from ``case``, each for one row of section 5's rule,
    as ``(what it is, plan, reservation price, log)``, the course's plan and reservation
    price unless said: five replies without a move (the count starts after the opening
    and afresh after a step; after a step at a stall, none more until Marlow moves: review
    77 C2); a move between two such replies; an offer worth more than
    the plan's second step before the final one; an offer above the reservation price,
    short of the plan's first step, before the final one; a final offer above the
    reservation price; a final offer below it on a plan of one step (none left); "can't give
    more" after a move, on the offer before; a new package worth the same to you, no move
    (review 77 X2); and, on a plan of one step, Marlow offering back the package last sent
    once no step is left (review 73 X2)."""
    floor = reservation_of(case)
    plan = [row[0] for row in plan_of(case)]
    profits = [row[1] for row in plan_of(case)]
    below = _openings_below(case, floor)
    low, high = below[:2]
    # review 104 C1: the logs' move from low to high counts, off the line (more than
    # MOVE_SHARE of the plan's first step), where the case has such an offer
    line = MOVE_SHARE * (profits[0] - profits[1])
    counts = [row for row in below[1:] if row[1] - low[1] > line + 1e-9]
    high = counts[0] if counts else high
    ahead = min((row for row in package_rows(case) if row[1] > profits[2]), key=lambda r: r[1])
    above = final_above(case, floor, profits[1])  # short of the plan's first step
    last = {"final": True, "cant_give_more": True}
    twins = {}  # review 77 X2: packages below the reservation price, by their worth to you
    for row in package_rows(case):
        if row[1] < floor:
            twins.setdefault(row[1], []).append(row)
    first, other = twins[max(p for p, rows in twins.items() if len(rows) > 1)][:2]
    built = [
        (
            "a log of five replies without a move",
            plan,
            floor,
            [reply(low)] * 6 + [reply(low, **last)],
        ),
        (
            "a log with a move between two replies without one",
            plan,
            floor,
            [reply(low), reply(low), reply(high), reply(high), reply(high, **last)],
        ),
        (
            "a log with an offer worth more than your plan's second step",
            plan,
            floor,
            [reply(low), reply(high), reply(ahead)],
        ),
        (
            "a log with an offer above your reservation price before the final one",
            plan,
            floor,
            [reply(low), reply(above), reply(above), reply(above, **last)],
        ),
        (
            "a log with a final offer above your reservation price",
            plan,
            floor,
            [reply(low), reply(high), reply(final_above(case, floor, profits[2]), **last)],
        ),
        (
            "a log with a final offer below your reservation price, on a plan of one step",
            plan[:2],
            floor,
            [reply(low), reply(high), reply(high, **last)],
        ),
        (
            "a log in which Marlow says it can't give more after a move",
            plan,
            floor,
            [reply(low), reply(high), reply(high, cant_give_more=True), reply(high, **last)],
        ),
        (
            "a log in which Marlow changes its package at the same worth to you",
            plan,
            floor,
            [reply(first), reply(other), reply(other), reply(other, **last)],
        ),
        (
            "a log in which Marlow offers your last package once your plan has no step left",
            plan[:2],
            floor,
            [reply(low), reply(high), reply(plan_of(case)[1]), reply(high, **last)],
        ),
    ]
    small = _small_move_log(case, floor, plan, profits)
    if small is not None:
        built.append(small)
    # each log ends where the talks do (a log whose offer already reaches the next
    # package ends there)
    return [
        (what, given, reservation, log[: len(right_moves(case, given, reservation, log))])
        for what, given, reservation, log in built
    ]


def _small_move_log(case, floor, plan, profits):
    """Review 104 C1: a built log with a move of Marlow's worth less to you than
    ``MOVE_SHARE`` of what the plan's next step costs, which section 5 counts as no move: on a plan of one
    step from the opening to the course's plan's last package (its smallest first steps
    cost 5 or 10 k€, below any move the profits allow), Marlow's opening, an offer worth
    more to you but by less than that share of the step, the same offer again, then its final
    offer, below the reservation price. ``None`` when the case has no such offer."""
    cost = profits[0] - profits[-1]
    for low in _openings_below(case, floor):
        ups = [
            row
            for row in package_rows(case)
            if low[1] < row[1] < floor
            and row[1] - low[1] < MOVE_SHARE * cost - 1e-9
            and row[2] < low[2]
        ]
        if ups:
            up = min(ups, key=lambda row: (row[1], -row[2]))
            return (
                "a log with a move worth less than your next step, on a plan of one step",
                [plan[0], plan[-1]],
                floor,
                [reply(low), reply(up), reply(up), reply(up, final=True)],
            )
    return None


def _offers_in_words(case, log):
    worth = ", ".join(f"{_points(case, r['offer'])[0]:g}" for r in log)
    return f"Marlow's offers were worth {worth} k€ to you"


@question
def table_moves(answer, hidden=False):
    """Check a function that gives a move after each of Marlow's replies in a log, by
    section 5's rule, from the course's plan and reservation price. Visible: the learner's
    own log, and the logs ``_fixed_logs`` builds from the learner's case, one for each row
    of the rule; hidden: other learners' logs and their built logs too."""
    runs, built = [], None
    for case in _cases(hidden):
        plan = [row[0] for row in plan_of(case)]
        runs.append((None, case, plan, reservation_of(case), table_log(case)))
        fixed = _fixed_logs(case)
        runs += [(what, case, *rest) for what, *rest in fixed]
        built = len(fixed) if built is None else built  # the own case comes first
    for where, case, plan, reservation, log in runs:
        result = call_learner(answer, case, plan, reservation, log)
        try:
            judge_table_moves(case, result, plan, reservation, log, where)
        except NotYet as wrong:
            if where is None:
                raise
            raise NotYet(
                f"{wrong} On that log, {_offers_in_words(case, log)}.",
                general=wrong.general,
            ) from None
    passed(
        "table_moves makes section 5's move after each of Marlow's replies, on your log and on "
        f"{_COUNTS.get(built, built)} logs built from your case, one for each row of the rule."
    )


_COUNTS = {6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten"}


# --- for the table's prepared plan (tests/strategies.py) ---------------------------------


@answer_key
def best_trade(case, current):
    """The plan's next package from ``current`` (a package) at the learner's case's
    reservation price, or ``None`` when the plan ends there."""
    row = next_step(frontier_rows(case), _points(case, current), reservation_of(case))
    return None if row is None else dict(row[0])
