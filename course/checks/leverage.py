"""Checks for module 00 (leverage): each names the mistake it recognises, and every hint is
true of the answer it is shown for.

Each question has a ``judge_...`` function that decides about one scenario's result (the
sweep in tests/test_variants_sweep_leverage.py runs them on thousands of learners) and a
``@question`` check that calls the learner's function and runs the judge. Visible checks
try the learner's own case and the constructed test cases below (so a self-check never
passes an answer that grading fails on a kind of case the learner has not met); hidden
checks add other learners' cases. A hint about a test case prints its numbers; a hint
about the learner's own case never gives the answer away.
"""

import functools
from collections.abc import Mapping
from dataclasses import replace
from types import MappingProxyType

from course.checks.calls import question
from course.checks.credit import Check, score
from course.checks.hints import NotYet, call_learner, passed
from course.models.audit import (
    EVEN_WITHIN,
    SCALE,
    SIDES,
    SOURCES,
    balances_after,
    describe_balance,
    ratings_of,
    weighted_leverage,
    weights_of,
    who_leads,
)
from course.scenarios.leverage import (
    CASES,
    TACTIC_KINDS,
    best_moment,
    fact_key,
    news_key,
    plans,
    tactic_key,
    turning_point,
)
from course.variants import learner_id, variant

MODULE = "00_leverage"

#: Other learners' scenarios the hidden tests also try, so hard-coded answers fail.
HIDDEN_LEARNERS = tuple(f"hidden-{n}" for n in range(1, 7))

#: The test that tells the sources apart, as the notebook teaches it.
SOURCE_TEST = (
    "for each fact ask: does a side know or find out something (information, for the side "
    "that knows)? Is it about what a side could do instead of this deal (alternatives)? Is "
    "it about what a side controls or decides that the other needs (power)? The side is the "
    "one the fact helps"
)

#: What makes a tactic each kind, said the way the ethics section teaches it.
KIND_TEST = {
    "legitimate": "it is true, and it uses leverage the side really holds",
    "bluff": (
        "it is only about your own reservation price, or what something is worth to you, "
        "which negotiators do not take as a statement of fact"
    ),
    "misrepresentation": "it states as fact something false that the other side would rely on",
    "illegitimate": (
        "it draws on a source that is not yours to use: information someone is bound to keep "
        "secret, or pressure through a person's office"
    ),
}


#: Each kind as the feedback names it.
KIND_NAME = {
    "legitimate": "legitimate leverage",
    "bluff": "a bluff",
    "misrepresentation": "a misrepresentation",
    "illegitimate": "an illegitimate source",
}


@functools.lru_cache(maxsize=64)
def _drawn(learner):
    return variant(MODULE, learner)


def _own():
    return _drawn(learner_id())


def _mapping(values):
    return MappingProxyType(dict(zip(SOURCES, values, strict=True)))


def _ratings(ratings):
    return "{" + ", ".join(f"{s} {ratings[s]:g}" for s in SOURCES) + "}"


def _word(value, choices, what):
    """The learner's choice among ``choices`` (any case, spaces around), or a hint."""
    if isinstance(value, str) and value.strip().lower() in choices:
        return value.strip().lower()
    shown = ", ".join(repr(c) for c in choices)
    raise NotYet(f"{what} should be one of {shown}, got {value!r}", general=f"use one of {shown}")


def _by_label(result, labels, what, example):
    """The learner's dict, keyed by the scenario's labels, or a hint on its shape."""
    if not isinstance(result, Mapping):
        raise NotYet(
            f"{what} should return a dict like {example}, got {type(result).__name__}",
            general=f"it should return a dict like {example}",
        )
    given = {str(label).strip().upper(): value for label, value in result.items()}
    extra = [label for label in given if label not in labels]
    if extra:
        raise NotYet(
            f"there is no {extra[0]!r} in your scenario; the labels are {', '.join(labels)}."
        )
    missing = [label for label in labels if label not in given]
    if missing:
        raise NotYet(f"{what} has no answer for {missing[0]} yet.")
    return given


# --- question 1: which source, and whose? -----------------------------------------------


def judge_facts(s, result):
    """Question 1 on ``result``, what ``fact_leverage()`` returned for scenario ``s``:
    nothing when every fact is right, else how many are (never which)."""
    key = fact_key(s)
    given = _by_label(result, list(key), "fact_leverage", "{'A': ('information', 'you'), ...}")
    right = 0
    for letter, answer in given.items():
        if not isinstance(answer, tuple | list) or len(answer) != 2:
            raise NotYet(
                f"the answer for fact {letter} should be a pair (source, side), got {answer!r}"
            )
        pair = (
            _word(answer[0], SOURCES, f"fact {letter}'s source"),
            _word(answer[1], SIDES, f"fact {letter}'s side"),
        )
        right += pair == key[letter]
    if right < len(key):
        raise NotYet(f"{right} of {len(key)} facts are right. To find the others, {SOURCE_TEST}.")


@question
def classify_facts(answer):
    """Check a function returning a dict letter -> (source, side) for the scenario's facts."""
    judge_facts(_own(), call_learner(answer))
    passed("fact_leverage names the source and the side of every fact.")


# --- question 2: your own audit of the case ---------------------------------------------


def _rule_words(rule, them):
    if rule.kind == "weight_top":
        return f"{rule.source} should weigh more than either other source"
    owner = "your" if rule.side == "you" else f"{them}'s"
    other = f"{them}'s" if rule.side == "you" else "yours"
    if rule.kind == "higher":
        return f"{owner} {rule.source} should be rated above {other}"
    return f"{owner} {rule.source} should be rated at most {rule.value:g}"


def judge_audit(s, result):
    """Question 2 on ``result``, what ``my_audit()`` returned: nothing when it is a valid
    audit that respects every rule of the learner's story, else each rule it breaks."""
    if not isinstance(result, Mapping) or set(result) != {"yours", "theirs", "weights"}:
        raise NotYet(
            "my_audit should return a dict with three keys, 'yours', 'theirs' and 'weights', "
            f"each a dict from source to number; got {result!r}"
        )
    try:
        yours = ratings_of(result["yours"], "yours")
        theirs = ratings_of(result["theirs"], "theirs")
        weights = weights_of(result["weights"])
    except (TypeError, ValueError) as error:
        raise NotYet(f"my_audit: {error}.") from None
    case = CASES[s.case]
    them = case.them.split(",")[0]
    broken = [rule for rule in case.rules if not rule.holds(yours, theirs, weights)]
    if broken:
        reasons = "\n".join(f"- {_rule_words(rule, them)}: {rule.because}." for rule in broken)
        raise NotYet(f"your audit does not yet fit your story:\n{reasons}")
    return yours, theirs, weights


@question
def my_audit(answer):
    """Check a function returning the learner's own audit of their case."""
    yours, theirs, weights = judge_audit(_own(), call_learner(answer))
    mine, other = weighted_leverage(yours, weights), weighted_leverage(theirs, weights)
    balance = mine - other
    passed(
        f"your audit fits the story: {mine:.2f} points for you against {other:.2f} for them, a "
        f"balance of {balance:+.2f} points, {describe_balance(balance)}."
    )


# --- question 3: a plan of preparation --------------------------------------------------


def _steps(s, numbers, budget, yours, weights):
    """``s`` with its own steps (one per source, in the course's order) given other
    numbers: ``numbers`` holds (amount, days, chance) per source."""
    by_source = {source: name for name, (source, *_) in s.steps.items()}
    steps = {by_source[src]: (src, *numbers[i]) for i, src in enumerate(SOURCES)}
    return replace(
        s,
        steps=MappingProxyType(steps),
        budget=budget,
        yours=_mapping(yours),
        weights=_mapping(weights),
    )


def plan_test_cases(own):
    """Test cases built on the learner's own steps, each with numbers that catch one
    shortcut: the ceiling of the scale, the chance a step comes through, the weights."""
    return [
        # alternatives at 9: its +3 adds only 1; without the ceiling it looks best
        _steps(own, [(2, 3, 0.9), (3, 3, 0.9), (2, 3, 0.8)], 6, (5, 9, 4), (0.3, 0.4, 0.3)),
        # a big step that rarely comes through against two surer ones
        _steps(own, [(2, 2, 0.95), (4, 5, 0.3), (2, 4, 0.9)], 7, (4, 4, 4), (0.3, 0.4, 0.3)),
        # equal amounts, different weights: power counts three times as much
        _steps(own, [(3, 3, 0.9), (3, 3, 0.8), (2, 3, 0.9)], 6, (4, 4, 4), (0.2, 0.2, 0.6)),
    ]


def _describe_plan_case(s):
    steps = "; ".join(
        f"{name} ({source} +{amount:g}, {days} days, chance {chance:.2f})"
        for name, (source, amount, days, chance) in s.steps.items()
    )
    return (
        f"a test case with your steps but other numbers (your ratings {_ratings(s.yours)}, "
        f"weights {_ratings(s.weights)}, {s.budget} days; {steps})"
    )


def _best_by(s, value):
    """The plan within budget that a shortcut scoring each step by ``value`` would choose."""
    return max(plans(s), key=lambda plan: sum(value(*s.steps[name]) for name in plan))


def judge_plan(s, result, where="your case"):
    """Question 3 on ``result``, what ``best_plan(s)`` returned: nothing when it is a plan
    within budget with the highest expected gain, else the hint."""
    if isinstance(result, str) or not isinstance(result, list | tuple | set | frozenset):
        raise NotYet(
            f"best_plan should return a list of step names, got {result!r}",
            general="it should return a list of step names",
        )
    unknown = [name for name in result if name not in s.steps]
    if unknown:
        raise NotYet(
            f"{unknown[0]!r} is not one of the steps; copy the names from case.steps",
            general="it returns a name that is not one of case.steps",
        )
    if len(set(result)) != len(result):
        raise NotYet("best_plan names a step twice", general="it names a step twice")
    plan = tuple(name for name in s.steps if name in result)
    options = plans(s)
    days = sum(s.steps[name][2] for name in plan)
    if plan not in options:
        raise NotYet(
            f"in {where} the plan takes {days} days, more than the {s.budget} available",
            general="a plan it returns takes more days than the budget",
        )
    best = max(options.values())
    if options[plan] >= best - 1e-9:
        return

    def room(source, amount):
        return min(amount, SCALE - s.yours[source])

    shortcuts = [
        (
            lambda src, amount, days, chance: chance * s.weights[src] * amount,
            "a rating cannot pass 10: a step on a source already near the top adds only the "
            "room left",
        ),
        (
            lambda src, amount, days, chance: s.weights[src] * room(src, amount),
            "weigh each step by the chance it comes through: on average it adds its chance "
            "times what it would add",
        ),
        (
            lambda src, amount, days, chance: chance * room(src, amount),
            "weigh each step by its source's weight: a point of a source that counts little "
            "adds little",
        ),
        (
            lambda src, amount, days, chance: amount,
            "the biggest steps are not the best ones: weigh each by its source's weight and "
            "its chance, and mind the top of the scale",
        ),
    ]
    general = next(
        (words for value, words in shortcuts if set(_best_by(s, value)) == set(plan)), None
    )
    if general is None and any(
        set(plan) < set(other) for other in options if options[other] > options[plan]
    ):
        general = "another step still fits in the days left, and it would add something"
    if general is None:
        general = (
            "compare every plan that fits in the budget by its expected gain: for each step, "
            "chance x weight x (what it adds, up to the top of the scale)"
        )
        detail = f"; another plan adds {best:.2f} points on average, yours {options[plan]:.2f}"
    else:
        detail = ""
    raise NotYet(f"best_plan is not right for {where}: {general}{detail}.", general=general)


def _plan_cases(hidden):
    own = _own()
    cases = [(own, "your case")] + [(c, _describe_plan_case(c)) for c in plan_test_cases(own)]
    if hidden:
        cases += [(_drawn(learner), "another learner's case") for learner in HIDDEN_LEARNERS]
    return cases


@question
def best_plan(answer, hidden=False):
    """Check a function that returns the plan of preparation with the highest expected gain."""
    for s, where in _plan_cases(hidden):
        judge_plan(s, call_learner(answer, s), where)
    passed("best_plan finds the plan that adds most to your weighted leverage on average.")


# --- question 4: the news, and when to ask ------------------------------------------------


def judge_news(s, result):
    """Question 4's first part on ``result``, what ``news_moves()`` returned: nothing when
    every item moves the right rating the right way by its size, else how many do."""
    key = news_key(s)
    given = _by_label(result, list(key), "news_moves", "{'N1': ('you', 'information', 2), ...}")
    right, sizes_off = 0, False
    for label, move in given.items():
        if not isinstance(move, tuple | list) or len(move) != 3:
            raise NotYet(f"the move for {label} should be (side, source, change), got {move!r}")
        side = _word(move[0], SIDES, f"{label}'s side")
        source = _word(move[1], SOURCES, f"{label}'s source")
        change = move[2]
        if isinstance(change, bool) or not isinstance(change, int | float):
            raise NotYet(f"{label}'s change should be a number such as 2 or -2, got {change!r}")
        sizes_off |= abs(abs(change) - abs(key[label][2])) > 1e-9
        right += (side, source) == key[label][:2] and abs(change - key[label][2]) <= 1e-9
    if right < len(key):
        size = " Each change is the size shown beside its item, with + or -." if sizes_off else ""
        raise NotYet(
            f"{right} of {len(key)} news items are read right. For each, ask first: did a side "
            "find out something that was already true (information, for the side that found "
            "out), or did what a side could do instead (alternatives), or what it controls "
            f"(power), change? Then: whose rating, up or down?{size}"
        )


@question
def news_moves(answer):
    """Check a function returning, for each news item, the rating it moves and how."""
    judge_news(_own(), call_learner(answer))
    passed("news_moves reads every news item right.")


def reaudit_test_cases(own):
    """Test cases on the learner's own news labels with constructed ratings and moves, each
    catching one shortcut; as (scenario, moves)."""
    labels = list(own.news)

    def case(yours, theirs, weights, moves):
        s = replace(own, yours=_mapping(yours), theirs=_mapping(theirs), weights=_mapping(weights))
        return s, dict(zip(labels, moves, strict=True))

    return [
        # the lead passes through "even" before it changes hands
        case(
            (5, 6, 5),
            (4, 4, 5),
            (0.3, 0.4, 0.3),
            [
                ("them", "alternatives", 2),
                ("them", "information", 2),
                ("you", "power", 2),
                ("them", "power", 3),
            ],
        ),
        # plain sums put you ahead at the start; the weights put them ahead
        case(
            (9, 2, 6),
            (3, 5, 6),
            (0.2, 0.6, 0.2),
            [
                ("them", "information", 2),
                ("you", "alternatives", 3),
                ("them", "power", 2),
                ("you", "information", -1),
            ],
        ),
        # behind almost all along: the best moment is when you are least behind
        case(
            (4, 3, 4),
            (5, 6, 6),
            (0.3, 0.4, 0.3),
            [
                ("you", "alternatives", 2),
                ("them", "alternatives", 3),
                ("you", "information", 3),
                ("them", "alternatives", -3),
            ],
        ),
    ]


def _describe_reaudit_case(s, moves):
    shown = "; ".join(
        f"{label}: {side} {source} {change:+g}" for label, (side, source, change) in moves.items()
    )
    return (
        f"a test case (yours {_ratings(s.yours)}, theirs {_ratings(s.theirs)}, weights "
        f"{_ratings(s.weights)}; moves {shown})"
    )


def _reaudit_cases(hidden):
    own = _own()
    cases = [(own, news_key(own), "your case")] + [
        (s, moves, _describe_reaudit_case(s, moves)) for s, moves in reaudit_test_cases(own)
    ]
    if hidden:
        cases += [
            (_drawn(learner), news_key(_drawn(learner)), "another learner's case")
            for learner in HIDDEN_LEARNERS
        ]
    return cases


def _pair(result):
    if not isinstance(result, tuple | list) or len(result) != 2:
        raise NotYet(
            f"reaudit should return a pair (turning point, best moment), got {result!r}",
            general="it should return a pair (turning point, best moment)",
        )
    return result


def _moment(value, moments, what):
    if isinstance(value, str) and value.strip().upper() in {m.upper() for m in moments}:
        return next(m for m in moments if m.upper() == value.strip().upper())
    raise NotYet(
        f"{what} should be one of {', '.join(repr(m) for m in moments)}, got {value!r}",
        general=f"{what} should be 'now' or a news label",
    )


def _plain_balances(s, moves):
    """The balances a learner who ignores the weights would compute."""
    flat = dict.fromkeys(SOURCES, 1 / 3)
    return balances_after(s.yours, s.theirs, flat, moves)


def judge_turning(s, moves, result, where="your case"):
    """Question 4's turning point on ``result``, what ``reaudit(s, moves)`` returned."""
    balances = balances_after(s.yours, s.theirs, s.weights, moves)
    got = _moment(_pair(result)[0], list(moves), "the turning point")
    expected = turning_point(balances)
    if got == expected:
        return
    start = who_leads(balances["now"])
    by_sign = next((m for m, b in balances.items() if (b > 0) != (balances["now"] > 0)), None)
    labels = list(balances)
    if got == by_sign:
        general = (
            f"the side ahead can also become 'even': a balance under {EVEN_WITHIN:g} points "
            "either way is even, and that is a change of side too"
        )
    elif got == turning_point(_plain_balances(s, moves)):
        general = "weigh each rating by its source's weight before you compare the sides"
    elif labels.index(got) == labels.index(expected) - 1:
        general = "apply each move first, then see who is ahead: the change comes after that item"
    else:
        general = (
            "re-audit after each move (apply it, then compute the balance) and stop at the "
            "first item after which the side ahead is not the side ahead now"
        )
    if where == "your case":
        detail = f" Now the balance is {balances['now']:+.2f} points ({start})."
    else:
        detail = f" There the side ahead first changes after {expected}, not {got}."
    raise NotYet(f"the turning point is not right for {where}: {general}.{detail}", general=general)


def judge_moment(s, moves, result, where="your case"):
    """Question 4's best moment on ``result``, what ``reaudit(s, moves)`` returned."""
    balances = balances_after(s.yours, s.theirs, s.weights, moves)
    got = _moment(_pair(result)[1], ["now", *moves], "the best moment")
    expected = best_moment(balances)
    if got == expected:
        return
    if got == min(balances, key=balances.get):
        general = "the best moment is when your balance is highest, not lowest"
    elif got == max(balances, key=lambda m: abs(balances[m])):
        general = (
            "the best moment is when the balance is most in your favour: a big balance "
            "in their favour is the worst moment"
        )
    elif got == best_moment(_plain_balances(s, moves)):
        general = "weigh each rating by its source's weight before you compare the moments"
    else:
        general = (
            "compare your balance now and after every item, and name the moment it is "
            "highest ('now' if nothing beats the start)"
        )
    detail = "" if where == "your case" else f" There it is {expected}, not {got}."
    raise NotYet(f"the best moment is not right for {where}: {general}.{detail}", general=general)


@question
def reaudit(answer, hidden=False):
    """Check a function that re-audits a case after each move: (turning point, best
    moment). Two parts, a point each; it is given the right moves, so a slip in
    news_moves does not cost these points too."""
    results = []
    for s, moves, where in _reaudit_cases(hidden):
        try:
            results.append((s, moves, where, call_learner(answer, s, dict(moves)), None))
        except NotYet as failure:
            results.append((s, moves, where, None, failure))

    def each(judge, message):
        for s, moves, where, result, failure in results:
            if failure is not None:
                raise failure
            judge(s, moves, result, where)
        return message

    return score(
        Check(
            "turning point",
            1,
            lambda: each(judge_turning, "the turning point is where the side ahead first changes."),
        ),
        Check(
            "best moment",
            1,
            lambda: each(judge_moment, "the best moment is where your balance is highest."),
        ),
    )


# --- question 5: the ethics of leverage ---------------------------------------------------


def judge_tactic(s, label, kinds):
    """Question 5 for one tactic: ``kinds`` is the learner's dict label -> kind."""
    expected = tactic_key(s)[label]
    given = _word(kinds[label], TACTIC_KINDS, f"{label}'s kind")
    if given != expected:
        raise NotYet(f"{label} is not {KIND_NAME[given]}: {KIND_TEST[expected]}.")
    return f"{label} is {KIND_NAME[expected]}: {KIND_TEST[expected]}."


@question
def classify_tactics(answer):
    """Check a function that says which kind each of the scenario's four tactics is; each
    earns half a point, with its own feedback."""
    s = _own()
    key = tactic_key(s)
    kinds = _by_label(call_learner(answer), list(key), "tactic_kinds", "{'T1': 'bluff', ...}")
    return score(
        *(
            Check(f"tactic {label}", 0.5, functools.partial(judge_tactic, s, label, kinds))
            for label in key
        )
    )
