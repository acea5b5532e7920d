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
import re
from collections.abc import Mapping
from dataclasses import replace
from itertools import pairwise, permutations, product
from types import MappingProxyType

from course.checks.calls import answer_key, note_pass, question, replaying, say
from course.checks.credit import Check, own_items_judged, score
from course.checks.hints import INSTRUCTOR_NOTE, NotYet, call_learner, one_of, passed
from course.models.audit import (
    EVEN_WITHIN,
    SCALE,
    SIDES,
    SOURCES,
    STRONG_FROM,
    _who_leads,
    balances_after,
    describe_balance,
    leverage_balance,
    ratings_of,
    signed,
    weighted_leverage,
    weights_of,
)
from course.record import record_pass
from course.scenarios.leverage import (
    CASES,
    NEITHER_STRONGLY,
    NOT_STRONGLY_THEIRS,
    NOT_STRONGLY_YOURS,
    NOT_THEIRS,
    TACTIC_KINDS,
    THEY_AHEAD,
    YOU_AHEAD,
    ask_moment,
    best_moment,
    fact_key,
    news_key,
    news_readings,
    plan_outcomes,
    plans,
    practice_for,
    reach_chances,
    rules_for,
    tactic_key,
    tactic_kinds_accepted,
    turning_point,
)
from course.scenarios.leverage import best_plan as best_average_plan
from course.variants import hidden_learners, learner_id, variant

MODULE = "00_leverage"

#: Other learners' scenarios the hidden tests also try, so hard-coded answers fail: drawn
#: with the grader's secret key when graded, the public self-check learners otherwise
#: (``course.variants.hidden_learners``).
HIDDEN_LEARNERS = hidden_learners(MODULE, range(1, 7))

#: Why a source does not fit an item it was given for, said without naming the right one
#: (section 2's three questions, in their order: a wrong "alternatives" or "power" is
#: settled by an earlier question or fails its own).
NOT_SOURCE = {
    "information": (
        "it does not say that a side knows, learns or finds out that something was already true"
    ),
    "alternatives": (
        "it is not about a specific other option a side could turn to, or section 2's first "
        "question settles it already"
    ),
    "power": (
        "section 2's earlier questions settle it: ask first whether a side knows something, "
        "then whether it is about a specific other option"
    ),
}

#: An item that names a skill or know-how ("know how to run"): only its wrong "information"
#: hint adds that knowing how is not knowing that; for any other item the line is noise
#: (review 82 X1).
KNOW_HOW = re.compile(r"\bknows? how to\b|\bknow-how\b|\bskills?\b", re.IGNORECASE)


def _not_source(source, text):
    """Why ``source`` does not fit the item ``text`` (``NOT_SOURCE``), with the know-how
    caution when the item names know-how."""
    said = NOT_SOURCE[source]
    if source == "information" and KNOW_HOW.search(text):
        said += " (knowing how to do something is not knowing that something is true)"
    return said


#: Why a side does not fit, without naming the right one.
NOT_SIDE = (
    "an item goes into the rating of the side it describes: the side that knows, has the "
    "option, or holds the thing"
)

#: What makes a tactic each kind, said the way the ethics section teaches it.
KIND_TEST = {
    "legitimate": (
        "what it states is true (question 5: unless a tactic says otherwise), it uses "
        "leverage the side really holds, and it leaves no false impression"
    ),
    "bluff": (
        "it is an untrue claim about nothing but your own reservation price or valuation "
        "(what something is worth to you): by negotiating convention, "
        "such a claim is ordinarily not taken as a statement of material fact"
    ),
    "misrepresentation": "it states as fact something false that the other side would rely on",
    "illegitimate": (
        "it draws on a source that is not yours to use: information someone is bound to keep "
        "secret or that was got by deceit, or pressure through a person's office"
    ),
}


#: Why a tactic is not the kind a learner gave it, without naming the kind it is: each is
#: true of every tactic of the three other kinds.
NOT_KIND = {
    "legitimate": "something in it is untrue, or it draws on a source that is not yours",
    "bluff": (
        "a bluff is an untrue claim about nothing but your own reservation price or "
        "valuation (what something is worth to you); this one is true, or claims "
        "more than that, or uses more than words"
    ),
    "misrepresentation": (
        "it does not state something false that the other side would take as a statement "
        "of material fact and rely on (by negotiating convention, a claim about your own "
        "reservation price or valuation is ordinarily not taken as one)"
    ),
    "illegitimate": (
        "it uses no information someone is bound to keep secret or that was got by deceit, "
        "and no pressure through a person's office: whatever is wrong with it is not where "
        "its information or pressure comes from"
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


#: What the visible check of questions 1, 4a and 5 says once an answer's form is right.
MARKED_WHEN_GRADED = (
    "The labels for your own case are not judged here: they are marked when the notebook is "
    "graded. The practice case above is judged item by item; practise there first."
)

#: What a hidden check of your own labels says when run without a grading key (in your
#: own kernel): it judges nothing, since judging your labels there would give them away.
JUDGED_AT_GRADING = (
    "Run by hand, this check judges none of your own labels: they are judged only when the "
    "notebook is graded. The practice case above is judged item by item."
)


def _judged_here():
    """Whether a hidden check judges the learner's own labels: where grading judges a
    learner's own items (``credit.own_items_judged``), never in their kernel; otherwise it
    says why it does not."""
    if own_items_judged():
        return True
    say(JUDGED_AT_GRADING)
    return False


def _practise(judges, items, question):
    """Judge every item of the practice case (``judges``, label -> judge; ``items``, their
    name in the plural): a pass message when all are right, else a hint listing each item,
    right or what does not fit. A pass counts in the progress record as ``question``'s
    self-check (the own case's labels are never judged before grading)."""
    said, wrong = [], 0
    for judge in judges.values():
        try:
            said.append(f"- {judge()}")
        except NotYet as hint:
            said.append(f"- {hint}")
            wrong += 1
    lines = "\n".join(said)
    if wrong:
        verb = "is" if wrong == 1 else "are"
        raise NotYet(
            f"{wrong} of the practice case's {len(judges)} {items} {verb} not right yet (the "
            f"practice case earns no marks):\n{lines}"
        )
    message = f"\N{CHECK MARK} all {len(judges)} {items} of the practice case are right:\n{lines}"
    if replaying():
        note_pass(message)
        return
    record_pass(MODULE, question)
    print(message)


# --- question 1: which source, and whose? -----------------------------------------------


def _facts(s, result):
    """The learner's answer to question 1 as a dict letter -> (source, side), or a hint
    on its shape."""
    given = _by_label(result, list(s.facts), "fact_leverage", "{'A': ('information', 'you'), ...}")
    pairs = {}
    for letter, answer in given.items():
        if not isinstance(answer, tuple | list) or len(answer) != 2:
            raise NotYet(
                f"the answer for fact {letter} should be a pair (source, side), got {answer!r}",
                general="each fact's answer should be a pair (source, side)",
            )
        pairs[letter] = (
            one_of(answer[0], SOURCES, f"fact {letter}'s source"),
            one_of(answer[1], SIDES, f"fact {letter}'s side"),
        )
    return pairs


@answer_key
def judge_fact(s, letter, pairs):
    """Question 1 for one fact: ``pairs`` is the learner's dict letter -> (source, side).
    A wrong source is told why it does not fit, never which source does."""
    source, side = pairs[letter]
    right_source, right_side = fact_key(s)[letter]
    if source != right_source:
        said = f"fact {letter} is not {source}: {_not_source(source, s.facts[letter])}."
        raise NotYet(said, general=said.rstrip("."))
    if side != right_side:
        said = f"fact {letter}'s source is right, its side is not: {NOT_SIDE}."
        raise NotYet(said, general=said.rstrip("."))
    return f"fact {letter} is right."


@answer_key
def judge_facts(s, result):
    """Question 1 on ``result``, what ``fact_leverage()`` returned for scenario ``s``:
    nothing when every fact is right, else the first wrong fact's hint."""
    pairs = _facts(s, result)
    for letter in pairs:
        judge_fact(s, letter, pairs)


@question
def practice_facts(answer):
    """Check a function returning a dict letter -> (source, side) for the practice case's
    facts, each judged with its own feedback; nothing is marked."""
    s = practice_for(_own())
    pairs = _facts(s, call_learner(answer))
    _practise(
        {letter: functools.partial(judge_fact, s, letter, pairs) for letter in fact_key(s)},
        "facts",
        "classify_facts",
    )


@question
def classify_facts(answer, hidden=False):
    """Check a function returning a dict letter -> (source, side) for the scenario's facts.
    The visible check confirms the form only; the hidden check (grading) gives each fact
    its share of the two marks, with its own feedback."""
    s = _own()
    pairs = _facts(s, call_learner(answer))
    if not hidden:
        say(
            f"Your answer has the right form: a (source, side) pair for each of your "
            f"{len(pairs)} facts. {MARKED_WHEN_GRADED}"
        )
        return None
    if not _judged_here():
        return None
    share = 2 / len(pairs)
    return score(
        *(
            Check(
                f"fact {letter}",
                share,
                functools.partial(judge_fact, s, letter, pairs),
                own_case=True,
            )
            for letter in s.facts  # the letters, from the scenario: a grading kernel has no keys
        )
    )


# --- question 2: your own audit of the case ---------------------------------------------


#: Rules that compare one source's two ratings: the check quotes what the story says and
#: does not name the direction, which the story's line fixes (one direction passes).
COMPARED = ("higher", "not_below")

#: Said under a list of broken rules that has a comparison in it. Review 74 X2: it said "it is
#: for you to decide which side that line puts ahead", yet only the story's direction passes.
READ_THE_COMPARISON = (
    "Where a line names both sides' ratings of a source, that line says which side is ahead "
    "(or not behind): read it again; the check does not name the side."
)


#: Question 2's bands in the cut-offs of ``describe_balance`` (even under 0.5 points
#: either way, strongly from 2.5): each refuses only a strong lead the story rules out.
BAND_WORDS = {
    NOT_STRONGLY_THEIRS: (
        "the balance should be under {strong:g} points {them}'s way (the course calls "
        "{strong:g} or more strongly one side's)"
    ),
    NOT_STRONGLY_YOURS: (
        "the balance should be under {strong:g} points your way (the course calls "
        "{strong:g} or more strongly one side's)"
    ),
}

#: What each band says of the story, after the story's own line.
BAND_SAYS = {
    NOT_STRONGLY_THEIRS: "the story does not put {them} strongly ahead",
    NOT_STRONGLY_YOURS: "the story does not put you strongly ahead",
}

#: How the story's line reads the balance, for the note beside a pass that reads it
#: otherwise.
STORY_READS = {
    NEITHER_STRONGLY: "neither side strongly ahead",
    NOT_THEIRS: "about even or in your favour",
    YOU_AHEAD: "in your favour",
    THEY_AHEAD: "in {them}'s favour",
}


def _because(rule, them):
    """The line of the story a broken rule quotes (a band adds what it says of the story)."""
    if rule.kind == "band":
        return f"{rule.because}: {BAND_SAYS[rule.readings].format(them=them)}"
    return rule.because


def _off_the_line(s, yours, theirs, weights):
    """A note (not a refusal) when an audit's balance reads otherwise than its story's
    line, though not by a strong lead the story rules out: "" when it reads as the line."""
    them = CASES[s.case].them.split(",")[0]
    reading = describe_balance(leverage_balance(yours, theirs, weights))
    for rule in rules_for(s):
        if rule.kind == "band" and reading not in rule.reads:
            return (
                f"\nA note, not a fault: the course reads your story as "
                f"{STORY_READS[rule.reads].format(them=them)} ({rule.because}); if you read "
                "it otherwise, say why in a comment in `my_audit`."
            )
    return ""


#: What an audit that rates a side below 1 on a source is told, without naming the side or
#: the source; the rule holds for every pair, so a refusal says nothing of question 1's labels.
SOME_IN_ONE_LINE = (
    "no rating should be below 1: in every story of this course each side has at least a "
    "little of every source, and a rating of 0 means none at all"
)


def _rule_words(rule, them):
    if rule.kind == "some":
        return SOME_IN_ONE_LINE
    if rule.kind == "pair_cap":
        return (
            f"{' and '.join(rule.source)} together weigh more than {rule.value:g}, which leaves "
            f"information less than {1 - rule.value:g} (question 2's bound, a convention of this "
            "course, not something the story states)"
        )
    if rule.kind == "band":
        return BAND_WORDS[rule.readings].format(them=them, even=EVEN_WITHIN, strong=STRONG_FROM)
    if rule.kind == "weight_cap":
        return f"no source should weigh more than {rule.value:g}"
    if rule.kind == "weight_floor":
        return f"{rule.source} should weigh at least {rule.value:g}"
    if rule.kind == "weight_top":
        if len(rule.source) == 1:
            return f"{rule.source[0]} should weigh more than either other source"
        allowed = " or of ".join(rule.source)
        rest = " and ".join(f"{s}'s" for s in SOURCES if s not in rule.source)
        return f"the weight of {allowed} should be larger than {rest}"
    if rule.kind in COMPARED:
        # the story's statement, not the inequality: the learner reads from the story which
        # way the two ratings should compare (a list of directions let an audit be fixed
        # message by message without reading the story)
        return f"your {rule.source} and {them}'s do not compare as your story has them"
    owner = "your" if rule.side == "you" else f"{them}'s"
    other = f"{them}'s" if rule.side == "you" else "yours"
    if rule.kind == "higher":
        return f"{owner} {rule.source} should be rated above {other}"
    if rule.kind == "not_below":
        return f"{owner} {rule.source} should be rated no lower than {other}"
    bound = "at most" if rule.kind == "at_most" else "at least"
    return (
        f"{owner} {rule.source} should be rated {bound} {rule.value:g} (a bound the course "
        "sets on the story's plainest facts, not a number the story states)"
    )


#: The model reflection's audit of a flat's lease (yours, theirs, weights), which an
#: instructor's copy of the notebook shows.
REFLECTION_AUDIT = (
    _mapping((4, 6, 4)),
    _mapping((7, 5, 6)),
    _mapping((0.25, 0.5, 0.25)),
)


#: Where the starting audit of section 4 is shown.
STARTING = "the starting audit section 4 shows you"


#: Section 3's worked example, a caterer's contract: a case no learner draws, so that no
#: learner reads the course's audit of their own case above question 2.
WORKED_AUDIT = (
    _mapping((3, 8, 5)),
    _mapping((6, 5, 5)),
    _mapping((0.25, 0.45, 0.3)),
)


def _shown_audits(s):
    """Every audit the notebook shows a learner with scenario ``s``, with where: section 3's
    worked example, the course's audit of each case (the widget shows all four; a copy of
    any is named alike, so that the refusal does not tell which is the learner's own),
    section 4's starting audit, and the model reflection's."""
    return [
        (WORKED_AUDIT, "section 3's worked example, a caterer's contract"),
        ((s.yours, s.theirs, s.weights), STARTING),
        *(
            (
                (c._yours, c._theirs, c._weights),
                "one of the course's audits the interactive audit shows",
            )
            for c in CASES.values()
        ),
        (REFLECTION_AUDIT, "the model reflection's audit of a flat's lease"),
    ]


#: How close to the starting audit an audit must not come (question 2): its six ratings
#: differing from it by _NEAR_RATINGS at most in total, and its weights the same (within
#: _NEAR_WEIGHT, for rounding). Weights within 0.05 also refused honest readings: 3 of 800
#: plausible readings by 200 learners (review 57 W2), none with the weights the same.
_NEAR_RATINGS, _NEAR_WEIGHT = 1, 1e-6


def _near(audit, start):
    """Whether ``audit`` (yours, theirs, weights) is within _NEAR_RATINGS and _NEAR_WEIGHT of
    ``start``."""
    (yours, theirs, weights), (y0, t0, w0) = audit, start
    return all(abs(weights[k] - w0[k]) <= _NEAR_WEIGHT + 1e-9 for k in SOURCES) and (
        sum(abs(yours[k] - y0[k]) + abs(theirs[k] - t0[k]) for k in SOURCES) <= _NEAR_RATINGS + 1e-9
    )


@answer_key
def judge_audit(s, result):
    """Question 2 on ``result``, what ``my_audit()`` returned: nothing when it is a valid
    audit that respects every rule of the learner's story, else each rule it breaks."""
    if not isinstance(result, Mapping) or set(result) != {"yours", "theirs", "weights"}:
        raise NotYet(
            "my_audit should return a dict with three keys, 'yours', 'theirs' and 'weights', "
            f"each a dict from source to number; got {result!r}",
            general="it should return a dict with the keys 'yours', 'theirs' and 'weights'",
        )
    if any(
        value is Ellipsis
        for part in result.values()
        if isinstance(part, Mapping)
        for value in part.values()
    ):
        raise NotYet(
            "my_audit still has ... where a number of yours goes: rate both sides and weigh "
            "the sources yourself, from your story and facts",
            general="it leaves ... where a number goes",
        )
    try:
        yours = ratings_of(result["yours"], "yours")
        theirs = ratings_of(result["theirs"], "theirs")
        weights = weights_of(result["weights"])
    except (TypeError, ValueError) as error:
        raise NotYet(f"my_audit: {error}.") from None
    case = CASES[s.case]
    them = case.them.split(",")[0]
    # review 68 X4: an audit that matches one the course shows, or the starting audit with
    # a rating moved by 1, used to be refused here; 38 of 24,000 honest readings
    # (the case's own audit with one rating moved) were, and a refusal in the graded cell
    # scores 0 until the instructor steps in. Such an audit now passes, with a note for the
    # instructor (``_copy_note``): no check can tell a reading this close from a copy
    if all(yours[k] == theirs[k] for k in SOURCES):
        # no story of the module leaves the two sides alike; such an audit has a balance of
        # exactly 0 whatever the weights, and the deadline story's rules let it through
        raise NotYet(
            "your audit rates both sides the same on every source, so it says that nothing "
            "in your story and facts favours either side; read what each fact gives one "
            "side and not the other",
            general="it rates both sides the same on every source",
        )
    # section 3's total for one dependence (alternatives plus power) is advisory: a reading
    # that leaves information little can be defended, so my_audit notes it beside a pass
    # (see ``_heavy_twice``) instead of refusing the audit
    # review 102 X3: a rating past a numeric bound (at_most, at_least) passes with a note
    # (``_past_a_bound``), as a balance off the story's line does: the stories state no
    # numbers, and a reading one point past a bound can be defended
    # review 112 X1: so does a comparison the story only implies (``Rule.implied``): the
    # deadline story never sets the owner's alternatives beside Brannock's, and an audit
    # that read the owner's quiet prospect below Brannock's costly second move was refused
    broken = [
        rule
        for rule in rules_for(s)
        if rule.kind not in NOTED_KINDS
        and not rule.implied
        and not rule.holds(yours, theirs, weights)
    ]
    # review 96 X2: when two floors under one weight fail (the supplier's 0.2 under
    # information and every source's 0.1), only the higher one binds, and only it is told
    binding = {}
    for rule in broken:
        if rule.kind == "weight_floor" and rule.value > binding.get(rule.source, -1):
            binding[rule.source] = rule.value
    broken = [r for r in broken if r.kind != "weight_floor" or r.value == binding[r.source]]
    if broken:
        # the "some" rules share one line that names no side or source: naming each let two
        # probe audits list every (side, source) a drawn fact covers, question 1's answers
        reasons = "\n".join(
            dict.fromkeys(
                f"- {SOME_IN_ONE_LINE}."
                if rule.kind == "some"
                else f"- {_rule_words(rule, them)}: {_because(rule, them)}."
                for rule in broken
            )
        )
        read = any(rule.kind in COMPARED for rule in broken)
        raise NotYet(
            f"your audit does not yet fit your story:\n{reasons}"
            + (f"\n{READ_THE_COMPARISON}" if read else "")
        )
    return yours, theirs, weights


#: Rules of question 2 that note an audit that breaks them instead of refusing it: the
#: pair cap (section 3's total for one dependence) and the numeric bounds on one rating.
NOTED_KINDS = ("pair_cap", "at_most", "at_least")


#: How a note names a comparison the story only implies (review 112 X1).
IMPLIED_WORDS = {"higher": "above", "not_below": "no lower than"}


def _past_a_bound(s, yours, theirs, weights):
    """A note (not a refusal) for each rating past a numeric bound the course sets on the
    story's plainest facts, and for each comparison the story only implies that the audit
    reads the other way: "" when there is none."""
    them = CASES[s.case].them.split(",")[0]
    implied = "".join(
        f"\nA note, not a fault: the course would rate "
        f"{'your' if rule.side == 'you' else them + chr(39) + 's'} {rule.source} "
        f"{IMPLIED_WORDS[rule.kind]} {them + chr(39) + 's' if rule.side == 'you' else 'yours'} "
        f"({rule.because}); the story implies this without stating it, so if you read it "
        "otherwise, say why in a comment in `my_audit`."
        for rule in rules_for(s)
        if rule.implied and not rule.holds(yours, theirs, weights)
    )
    return implied + "".join(
        f"\nA note, not a fault: the course would rate "
        f"{'your' if rule.side == 'you' else them + chr(39) + 's'} {rule.source} "
        f"{'at most' if rule.kind == 'at_most' else 'at least'} {rule.value:g} "
        f"({rule.because}); the story states no number, so if you read it otherwise, say why "
        "in a comment in `my_audit`."
        for rule in rules_for(s)
        if rule.kind in ("at_most", "at_least") and not rule.holds(yours, theirs, weights)
    )


@question
def my_audit(answer):
    """Check a function returning the learner's own audit of their case."""
    s = _own()
    yours, theirs, weights = judge_audit(s, call_learner(answer))
    mine, other = weighted_leverage(yours, weights), weighted_leverage(theirs, weights)
    balance = mine - other
    passed(
        f"your audit fits the story: {mine:.2f} points for you against {other:.2f} for them, a "
        f"balance of {signed(balance)} points, {describe_balance(balance)}."
        + _off_the_line(s, yours, theirs, weights)
        + _past_a_bound(s, yours, theirs, weights)
        + _heavy_twice(s, weights)
        + _copy_note(s, yours, theirs, weights)
        + _extreme_note(balance)
    )


#: From how large a balance (points, either way) question 2 puts the audit before the
#: instructor (review 93 X1): facts only lift story rules, so no check tests the ratings
#: against the learner's own facts, and a one-sided audit passed unread.
EXTREME_BALANCE = 5


def _extreme_note(balance):
    """A note for the instructor (no mark changes) when the balance is EXTREME_BALANCE points
    or more one way: "" otherwise. It names no fact, side or source, so that it cannot be
    used to probe question 1's labels."""
    if abs(balance) < EXTREME_BALANCE - 1e-9:
        return ""
    return (
        f"\n{INSTRUCTOR_NOTE}this audit's balance, {signed(balance)} points, is "
        f"{EXTREME_BALANCE} points or more one way. The check passes it (it tests ratings "
        "against your story's lines, not your facts); your instructor reads the reason for "
        "each rating in `my_audit`'s comments. Your marks do not change."
    )


#: What the instructor does with an audit that ``_copy_note`` flags (review 73 X5: the note
#: asked for the reasons but gave no rule); the README's section on module 00 states the
#: same rule for the instructor (review 95 U2 moved it there from question 2's text).
COPY_RULE = (
    "By the course's rule, the audit keeps both marks if they do, 1 if some reasons are "
    "missing, 0 if there are none (the instructor sets the score by hand)."
)


def _copy_note(s, yours, theirs, weights):
    """A note for the instructor (not a refusal) when the audit is one the notebook shows,
    number for number, or section 4's starting audit with its weights and six ratings
    within 1 in total: "" otherwise. The learner may have reached it honestly (the
    starting audit is shown only after question 2), so the note says what matches, not
    that it was copied."""
    for shown, where in _shown_audits(s):
        if all(
            abs(given[k] - copied[k]) < 1e-9
            for given, copied in zip((yours, theirs, weights), shown, strict=True)
            for k in SOURCES
        ):
            return (
                f"\n{INSTRUCTOR_NOTE}this audit is {where}, number "
                "for number. The check passes it, since an honest reading can match it; the "
                f"comments in `my_audit` should give the reason for each rating. {COPY_RULE}"
            )
    if _near((yours, theirs, weights), (s.yours, s.theirs, s.weights)):
        return (
            f"\n{INSTRUCTOR_NOTE}this audit has the same weights as "
            f"{STARTING}, and its six ratings differ from it by 1 at most in total. "
            "The check passes it, since an honest reading can come this close; the comments "
            f"in `my_audit` should give the reason for each rating. {COPY_RULE}"
        )
    return ""


def _heavy_twice(s, weights):
    """A note (not a refusal) when the two rows of the case's one dependence weigh more than
    section 3's total together: "" when they do not. Only their sum counts (review 85 E1)."""
    for rule in rules_for(s):
        if rule.kind == "pair_cap" and not rule.holds({}, {}, weights):
            return (
                f"\nA note, not a fault: {_rule_words(rule, '')}. Section 3 counts one "
                "dependence by the sum of its two rows' weights; if you read the two rows "
                "here as two different dependences, say why in a comment in `my_audit`."
            )
    return ""


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
    shortcut: the ceiling of the scale, the chance a step comes through, the weights, and
    a step taken first because it adds most (or most per day) that leaves no room for two
    that add more together."""
    return [
        # alternatives at 9: its +4 adds only 1; without the ceiling it looks best, and by
        # amount alone it pairs with power
        _steps(own, [(3, 3, 0.95), (4, 3, 0.6), (4, 3, 0.5)], 6, (5, 9, 4), (0.25, 0.5, 0.25)),
        # a step on the heaviest source that rarely comes through, against two surer ones
        _steps(own, [(3, 2, 0.95), (2, 5, 0.3), (3, 4, 0.9)], 7, (4, 4, 4), (0.2, 0.6, 0.2)),
        # power counts three times as much: its step adds most though it is the least sure
        _steps(own, [(3, 3, 0.9), (3, 3, 0.8), (4, 3, 0.3)], 6, (4, 4, 4), (0.2, 0.2, 0.6)),
        # gains 0.6, 0.6 and 1.0 for 5, 5 and 8 days in 11: the big step crowds out the pair
        # (which leaves a day spare, so a plan kept below the budget finds it too)
        _steps(own, [(3, 5, 0.8), (3, 5, 0.8), (2, 8, 1.0)], 11, (4, 4, 4), (0.25, 0.25, 0.5)),
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
    """Every plan within budget that a shortcut scoring each step by ``value`` could choose
    (all those tied for its best score), as sets of names."""
    scores = {plan: sum(value(*s.steps[name]) for name in plan) for plan in plans(s)}
    top = max(scores.values())
    return [set(plan) for plan, score in scores.items() if score >= top - 1e-9]


def _first_come(s, value):
    """Every plan of a learner who takes the steps in order of ``value``, best first (ties
    in any order), each one that still fits in the days left; as sets of names."""
    chosen = []
    for order in permutations(s.steps):
        values = [value(*s.steps[name]) for name in order]
        if any(a < b - 1e-12 for a, b in pairwise(values)):
            continue
        plan, left = set(), s.budget
        for name in order:
            if s.steps[name][2] <= left:
                plan.add(name)
                left -= s.steps[name][2]
        chosen.append(plan)
    return chosen


def _gain(s):
    def gain(source, amount, days, chance):
        return chance * s.weights[source] * min(amount, SCALE - s.yours[source])

    return gain


#: Hints for plans that a known shortcut produces, each true of every shortcut it names.
CROWDED_OUT = (
    "taking steps one at a time, the best first (by gain, or by gain per day), can use up "
    "the days a better combination needs: compare whole plans that fit in the budget"
)


def _shortcut_plans(s):
    """What each known shortcut could choose for ``s``: a list of (the plans it could
    return, as sets of names, and its hint)."""
    gain = _gain(s)

    def room(source, amount):
        return min(amount, SCALE - s.yours[source])

    by_value = [
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
            "weigh each step by its source's weight: a rise on a source that counts little "
            "adds little",
        ),
        (
            lambda src, amount, days, chance: amount,
            "the biggest steps are not the best ones: weigh each by its source's weight and "
            "its chance, and mind the top of the scale",
        ),
    ]
    return [(_best_by(s, value), words) for value, words in by_value] + [
        (_first_come(s, gain), CROWDED_OUT),
        (_first_come(s, lambda *step: gain(*step) / step[2]), CROWDED_OUT),
    ]


#: The hint for a plan that is best only among plans shorter than the budget.
FULL_BUDGET = (
    "a plan may use every one of the budget's days: its days may equal case.budget, not "
    "only fall below it"
)


#: The hint for a plan that leaves out a step it still has the days for.
STILL_FITS = "another step still fits in the days left, and it would add something"


def _strict_budget_plans(s):
    """The plans a learner who keeps strictly below the budget could return, when the best
    plan uses every day of it (as sets of names; none otherwise)."""
    best = max(plans(s).values())
    full = [
        plan
        for plan, gain in plans(s).items()
        if gain >= best - 1e-9 and sum(s.steps[name][2] for name in plan) == s.budget
    ]
    if not full or s.budget < 1:
        return []
    return _best_by(replace(s, budget=s.budget - 1), _gain(s))


@answer_key
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

    # a hint names a shortcut only when the plan is that shortcut's and no other's: a plan
    # two shortcuts share (or a shortcut and a budget that leaves out its last day) says
    # nothing true about which one the learner took
    hints = {words for chosen, words in _shortcut_plans(s) if set(plan) in chosen}
    kept_below = set(plan) in _strict_budget_plans(s)
    # a plan that a better plan contains left out a step that still fits: that is what the hint
    # says first, since a learner who stopped after one step made no error with the budget; the
    # budget's last day is then only a reminder
    extendable = any(
        set(plan) < set(other) for other in options if options[other] > options[plan] + 1e-9
    )
    if kept_below:
        hints.add(FULL_BUDGET)
    general = hints.pop() if len(hints) == 1 else None
    if extendable and general in (None, FULL_BUDGET):
        general = STILL_FITS + (f" ({FULL_BUDGET})" if kept_below else "")
    if general is None:
        general = COMPARE_ALL
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


#: The hint for a wrong plan that no known shortcut explains.
COMPARE_ALL = (
    "compare every plan that fits in the budget by its expected gain: for each step, "
    "chance x weight x (what it adds, up to the top of the scale)"
)


@question
def best_plan(answer, hidden=False):
    """Check a function that returns the plan of preparation with the highest expected
    gain. Every case is tried; of the cases it fails, the hint shown is the first that
    names what went wrong (a shortcut it took), else the first."""
    failures = []
    for s, where in _plan_cases(hidden):
        try:
            judge_plan(s, call_learner(answer, s), where)
        except NotYet as failure:
            failures.append(failure)
    if failures:
        raise next((f for f in failures if f.general != COMPARE_ALL), failures[0])
    passed("best_plan finds the plan that adds most to your weighted leverage on average.")


# --- question 3c: a plan for a bar ---------------------------------------------------------


def _reach_case(own, numbers, budget, yours, theirs, weights, target):
    return replace(_steps(own, numbers, budget, yours, weights), theirs=_mapping(theirs)), target


def reach_test_cases(own):
    """Test cases on the learner's own steps in which the plan most likely to reach the target
    is not the plan with the highest average gain, one each way, one in which a step's gain is
    cut by the top of the scale (a plan search that ignored the cap passed for 196 of 200
    learners), one with an outcome on the target, and one in which a plan gets there when only
    some of its steps come through (a plan search that counted only the outcome in which every
    step comes through passed the visible check for 64% of learners)."""
    return [
        # a sure pair reaches +0.75 (chance 0.855); the long shot on the heavy source adds
        # more on average (1.275 with the first step) but reaches it only when it comes
        # through (0.40)
        _reach_case(
            own,
            [(2, 3, 0.95), (4, 4, 0.4), (2, 3, 0.9)],
            7,
            (4, 4, 4),
            (4, 4, 4),
            (0.25, 0.5, 0.25),
            0.75,
        ),
        # the sure pair adds more on average (1.08) but only +1.20, short of +1.30; only the
        # long shot can get there (0.45)
        _reach_case(
            own,
            [(2, 3, 0.9), (4, 5, 0.45), (2, 3, 0.9)],
            6,
            (5, 5, 5),
            (5, 5, 5),
            (0.3, 0.4, 0.3),
            1.3,
        ),
        # alternatives at 9: its +4 adds only 1 rating (+0.5), short of +2.9 from +2.0;
        # without the ceiling it looks like a near-sure +4.0, but only power gets there (0.6)
        _reach_case(
            own,
            [(2, 3, 0.9), (4, 3, 0.95), (4, 3, 0.6)],
            3,
            (5, 9, 5),
            (5, 5, 5),
            (0.25, 0.5, 0.25),
            2.9,
        ),
        # on the boundary: one step in 3 days; information's +2 brings the balance to exactly
        # +0.50, the target, with a chance of 0.9, and so does alternatives' +1 (0.6); only
        # power's +3 (0.5) passes it. Weights of quarters and whole ratings make every balance
        # exact, so "at least" decides, not float noise
        _reach_case(
            own,
            [(2, 3, 0.9), (1, 3, 0.6), (3, 3, 0.5)],
            3,
            (4, 4, 4),
            (4, 4, 4),
            (0.25, 0.5, 0.25),
            0.5,
        ),
        # two cheap steps that each reach +0.40 alone: the pair gets there unless both fail
        # (1 - 0.35 * 0.35 = 0.8775); counting only the outcome in which every step of a
        # plan comes through scores the pair 0.4225 and picks power alone (0.80)
        _reach_case(
            own,
            [(2, 3, 0.65), (1, 3, 0.65), (2, 4, 0.8)],
            6,
            (4, 4, 4),
            (4, 4, 4),
            (0.25, 0.5, 0.25),
            0.4,
        ),
    ]


def _describe_reach_case(s, target):
    return (
        _describe_plan_case(s)
        .replace("(your ratings", f"(bar {signed(target)}; your ratings")
        .replace("weights", f"their ratings {_ratings(s.theirs)}, weights", 1)
    )


#: The hint for a plan chosen by its average gain where the target asks for its chance.
BY_AVERAGE = (
    "it is the plan with the highest average gain; with a bar, count for each plan "
    "the chance that the steps that come through bring your balance to the bar, adding the "
    "chances of every way its steps can come through or not that gets there"
)


#: The hint for a plan that counts only outcomes above the target, where one lands on it.
AT_LEAST = (
    "a balance exactly at the bar reaches it: count the outcomes that leave your "
    "balance at the bar or above, not only above it"
)


#: The hint for a plan that counts only the outcome in which every one of its steps
#: comes through.
ALL_THROUGH = (
    "a plan also gets there when only some of its steps come through: count every way its "
    "steps can come through or not that leaves your balance at the bar or above, not "
    "only the way in which all of them do"
)


#: The hint for a reach_plan that lets a rating pass 10 (it names the cap, as the hints of
#: questions 3 and 4b do).
UNCAPPED = (
    "a rating cannot pass 10: a step on a source already near the top adds only the room "
    "left, so count each outcome's balance with every rating kept at 10 or below"
)


def _uncapped(s, target):
    """Each plan's chance counted the way the ``UNCAPPED`` mistake does: with each step
    adding its full amount, past 10."""
    chances = {}
    for plan in reach_chances(s, target):
        total = 0.0
        for came in product((True, False), repeat=len(plan)):
            chance, ratings = 1.0, dict(s.yours)
            for name, through in zip(plan, came, strict=True):
                source, amount, _, p = s.steps[name]
                chance *= p if through else 1 - p
                ratings[source] += amount if through else 0
            balance = sum(s.weights[k] * (ratings[k] - s.theirs[k]) for k in ratings)
            total += chance if round(balance - target, 9) >= 0 else 0.0
        chances[plan] = total
    return chances


def _all_through(s, target):
    """Each plan's chance counted the way the ``ALL_THROUGH`` mistake does: the chance that
    every step comes through when that outcome reaches ``target``, else 0 (``plan_outcomes``
    lists the outcome in which every step comes through first)."""
    chances = {}
    for plan in reach_chances(s, target):
        chance, balance = plan_outcomes(s, plan)[0]
        chances[plan] = chance if balance >= target - 1e-9 else 0.0
    return chances


@answer_key
def judge_reach(s, target, result, where="your case"):
    """Question 3c on ``result``, what ``reach_plan(s, target)`` returned."""
    if isinstance(result, str) or not isinstance(result, list | tuple | set | frozenset):
        raise NotYet(
            f"reach_plan should return a list of step names, got {result!r}",
            general="it should return a list of step names",
        )
    unknown = [name for name in result if name not in s.steps]
    if unknown:
        raise NotYet(
            f"{unknown[0]!r} is not one of the steps; copy the names from case.steps",
            general="it returns a name that is not one of case.steps",
        )
    if len(set(result)) != len(result):
        raise NotYet("reach_plan names a step twice", general="it names a step twice")
    plan = tuple(name for name in s.steps if name in result)
    chances = reach_chances(s, target)
    if plan not in chances:
        days = sum(s.steps[name][2] for name in plan)
        raise NotYet(
            f"in {where} the plan takes {days} days, more than the {s.budget} available",
            general="a plan it returns takes more days than the budget",
        )
    best = max(chances.values())
    if chances[plan] >= best - 1e-9:
        return
    strict = {
        p: sum(c for c, b in plan_outcomes(s, p) if round(b - target, 9) > 0) for p in chances
    }
    if strict[plan] >= max(strict.values()) - 1e-9 and any(
        round(b - target, 9) == 0 for p in chances for _, b in plan_outcomes(s, p)
    ):
        general = AT_LEAST
    elif set(plan) == set(best_average_plan(s)):
        general = BY_AVERAGE
    elif (every := _all_through(s, target))[plan] >= max(every.values()) - 1e-9:
        general = ALL_THROUGH
    elif (loose := _uncapped(s, target))[plan] >= max(loose.values()) - 1e-9:
        general = UNCAPPED
    else:
        general = (
            "another plan that fits is more likely to reach the bar; the chance of a "
            "plan is the sum, over the ways its steps can come through or not, of those "
            "that leave your balance at the bar or above"
        )
    raise NotYet(
        f"reach_plan is not right for {where}: {general} (your plan gets there with a "
        f"chance of {chances[plan]:.2f}).",
        general=general,
    )


def _reach_cases(hidden):
    own = _own()
    cases = [(c, t, _describe_reach_case(c, t)) for c, t in reach_test_cases(own)]
    if own.prepared_ask is not None:
        cases.insert(0, (own, own.prepared_ask[0], "your case"))
    if hidden:
        for learner in HIDDEN_LEARNERS:
            other = _drawn(learner)
            if other.prepared_ask is not None:
                cases.append((other, other.prepared_ask[0], "another learner's case"))
    return cases


@question
def reach_plan(answer, hidden=False):
    """Check a function that returns the plan most likely to bring the balance to a target.
    Every case is tried; the hint shown is the first that names a shortcut, else the first."""
    failures = []
    for s, target, where in _reach_cases(hidden):
        try:
            judge_reach(s, target, call_learner(answer, s, target), where)
        except NotYet as failure:
            failures.append(failure)
    if failures:
        # a plan counted by "every step comes through" is told so wherever it is not also
        # the plan of highest average gain; a plan chosen by average gain never is
        named = [f for f in failures if f.general == ALL_THROUGH]
        named += [f for f in failures if f.general == BY_AVERAGE]
        raise (named or failures)[0]
    passed(
        "reach_plan finds the plan most likely to reach the bar, which is not always "
        "the plan that adds most on average."
    )


# --- question 4: the news, and when to ask ------------------------------------------------


def _news(s, result):
    """The learner's answer to question 4a as a dict label -> (side, source, change), or a
    hint on its shape."""
    given = _by_label(result, list(s.news), "news_moves", "{'N1': ('you', 'information', 2), ...}")
    moves = {}
    for label, move in given.items():
        if not isinstance(move, tuple | list) or len(move) != 3:
            raise NotYet(
                f"the move for {label} should be (side, source, change), got {move!r}",
                general="each move should be (side, source, change)",
            )
        change = move[2]
        if isinstance(change, bool) or not isinstance(change, int | float):
            raise NotYet(
                f"{label}'s change should be a number such as 2 or -2, got {change!r}",
                general="each move's change should be a number such as 2 or -2",
            )
        moves[label] = (
            one_of(move[0], SIDES, f"{label}'s side"),
            one_of(move[1], SOURCES, f"{label}'s source"),
            change,
        )
    return moves


#: Why question 4a refuses "your power" for news in which you learn of a weakness or deadline
#: of theirs (review 112 C1): said in the terms of section 2 and question 4a's text, which
#: name the two readings it accepts.
NOT_YOUR_POWER = (
    "{label} does not move your power: the weakness or deadline it tells of is theirs, and "
    "learning of it changes what you know, not what you hold. Section 2 files a fact on the "
    "row of the side it describes (the haulier's detour goes into its own alternatives, not "
    "the ferry's power)"
)


@answer_key
def judge_news_item(s, label, moves):
    """Question 4a for one news item: ``moves`` is the learner's dict label -> move. A
    wrong source or side is told why it does not fit, never which one does."""
    side, source, change = moves[label]
    readings = news_readings(s)[label]
    # review 89 C1: a revealed weakness of theirs may go into your information or into the
    # row of theirs it weakens, down. Review 112 C1: not your power up (review 108 C2 had
    # accepted it), which files a fact about them on your row, against section 2's ferry
    # example and section 5's re-audit; it is told why. Otherwise an answer is judged
    # against the reading on its side and source, else the one on its source (review 108
    # E1: so a wrong side on an accepted source is told "source right, side not", never that
    # the source is wrong), else the first, with its usual hints
    if len(readings) > 1 and (side, source) == ("you", "power"):
        said = NOT_YOUR_POWER.format(label=label) + "."
        raise NotYet(said, general=said.rstrip("."))
    right_side, right_source, right_change = next(
        (r for r in readings[1:] if r[:2] == (side, source)),
        next((r for r in readings if r[1] == source), readings[0]),
    )
    if source != right_source:
        said = f"{label} does not move {source}: {_not_source(source, s.news[label][0])}."
        if source != "power":  # after 'power', NOT_SOURCE already gives the order
            # the questions in order, power last: after a wrong 'alternatives' where the
            # reading is information, power's definition alone pointed the wrong way
            # (review 64, X2)
            said += (
                " (Ask section 2's questions in order: does a side learn that something was "
                "already true? Is it about a specific other option? Only if neither, it is "
                "power: what a side holds, what the other side needs from it, or the other "
                "side's trust in its word.)"
            )
    elif side != right_side:
        said = f"{label}'s source is right, the side is not: {NOT_SIDE}."
    elif abs(abs(change) - abs(right_change)) > 1e-9:
        said = f"{label}'s change should be the size shown beside it, with + or -."
    elif abs(change - right_change) > 1e-9:
        said = (
            f"{label}'s rating and size are right; ask whether the news makes that side "
            "stronger or weaker on it."
        )
    else:
        return f"{label} is read right."
    raise NotYet(said, general=said.rstrip("."))


@answer_key
def judge_news(s, result):
    """Question 4's first part on ``result``, what ``news_moves()`` returned: nothing when
    every item moves the right rating the right way by its size, else the first wrong
    item's hint."""
    moves = _news(s, result)
    for label in moves:
        judge_news_item(s, label, moves)


@question
def practice_news(answer):
    """Check a function returning, for each of the practice case's news items, the rating
    it moves and how, each judged with its own feedback; nothing is marked."""
    s = practice_for(_own())
    moves = _news(s, call_learner(answer))
    _practise(
        {label: functools.partial(judge_news_item, s, label, moves) for label in news_key(s)},
        "news items",
        "news_moves",
    )


#: Question 4a's marks, shared among the learner's news items. Its own-case labels ship with
#: the package (the draw decides by them, ``course.grader_keys``), so a learner who reads
#: them earns these marks without judging: review 73 X1 moved its second mark to question
#: 4c's weighing of a reason to wait, which no label answers.
NEWS_MOVES_MARKS = 1


@question
def news_moves(answer, hidden=False):
    """Check a function returning, for each news item, the rating it moves and how. The
    visible check confirms the form only; the hidden check (grading) gives each item a
    quarter of a mark (the question's 1 mark shared out: its own-case labels ship with the
    package, so the question weighs 1 mark, not 2), with its own feedback."""
    s = _own()
    moves = _news(s, call_learner(answer))
    if not hidden:
        say(
            f"Your answer has the right form: a (side, source, change) for each of your "
            f"{len(moves)} news items. {MARKED_WHEN_GRADED}"
        )
        return None
    if not _judged_here():
        return None
    return score(
        *(
            Check(
                label,
                NEWS_MOVES_MARKS / len(moves),
                functools.partial(judge_news_item, s, label, moves),
                own_case=True,
            )
            for label in news_key(s)
        )
    )


def reaudit_test_cases(own):
    """Test cases on the learner's own news labels with constructed ratings and moves, each
    catching one shortcut; as (scenario, moves)."""
    labels = list(own.news)

    def case(yours, theirs, weights, need, moves):
        s = replace(
            own,
            yours=_mapping(yours),
            theirs=_mapping(theirs),
            weights=_mapping(weights),
            bar=need,
        )
        return s, dict(zip(labels, moves, strict=True))

    return [
        # the lead passes through "even" before it changes hands; the ask can be made now
        case(
            (5, 6, 5),
            (4, 4, 5),
            (0.3, 0.4, 0.3),
            0.75,
            [
                ("them", "alternatives", 2),
                ("them", "information", 2),
                ("you", "power", 2),
                ("them", "power", 3),
            ],
        ),
        # plain sums put you ahead at the start; the weights put them ahead. Plain sums
        # turn at N1, the weighted balance at N3, so neither is the label one before the
        # other's (a hint names one mistake only when no other gives the same label)
        case(
            (9, 2, 6),
            (3, 5, 6),
            (0.2, 0.6, 0.2),
            0.6,
            [
                ("them", "information", 2),
                ("them", "power", 2),
                ("you", "alternatives", 4),
                ("you", "information", -1),
            ],
        ),
        # behind all along: the ask can be made after N1, long before the balance peaks at
        # N4, which nobody can see coming
        case(
            (4, 3, 4),
            (5, 6, 6),
            (0.3, 0.4, 0.3),
            -1.75,
            [
                ("you", "alternatives", 2),
                ("them", "alternatives", 3),
                ("you", "information", 3),
                ("them", "alternatives", -3),
            ],
        ),
        # the top of the scale (a reaudit that added each change with no cap passed every case):
        # your alternatives at 9 rise by 3 but stop at 10, so the balance goes -1.50, -1.00,
        # -1.50, -1.00, -0.25 and both answers come at N4; without the cap it is 0.00 (even)
        # after N1, and the ask is made there
        case(
            (4, 9, 5),
            (6, 9, 9),
            (0.25, 0.5, 0.25),
            -0.75,
            [
                ("you", "alternatives", 3),
                ("you", "information", -2),
                ("them", "information", -2),
                ("you", "power", 3),
            ],
        ),
        # ahead all along, never by enough: the balance goes +1.10, +1.70, +1.30, +1.60, +1.00,
        # so the side ahead never changes and the bar (+2.00) is never reached: both answers
        # are None, and a reaudit that never returns None fails here
        case(
            (6, 6, 5),
            (5, 4, 5),
            (0.3, 0.4, 0.3),
            2.0,
            [
                ("you", "information", 2),
                ("them", "alternatives", 1),
                ("you", "power", 1),
                ("them", "power", 2),
            ],
        ),
        # on the boundaries, exact in quarters: the balance starts at exactly the need (+1.00),
        # so the ask is "now", not after N4 (+1.25); after N1 it is exactly +0.50, which is not
        # even, so the side ahead first changes after N3
        case(
            (5, 5, 5),
            (4, 4, 4),
            (0.25, 0.5, 0.25),
            1.0,
            [
                ("them", "alternatives", 1),
                ("you", "information", 1),
                ("them", "power", 2),
                ("you", "alternatives", 2),
            ],
        ),
    ]


def _describe_reaudit_case(s, moves):
    shown = "; ".join(
        f"{label}: {side} {source} {change:+g}" for label, (side, source, change) in moves.items()
    )
    return (
        f"a test case (yours {_ratings(s.yours)}, theirs {_ratings(s.theirs)}, weights "
        f"{_ratings(s.weights)}; the ask's bar {signed(s.bar)} points; moves {shown})"
    )


def _reaudit_cases(hidden):
    """The cases question 4b tries. Never the learner's own case with its right moves: a reaudit
    that printed its ``moves`` read question 4a's graded answers before grading, and its pass or
    fail on the own case told which readings put the turning point where. Other learners' cases
    are tried only at grading."""
    own = _own()
    cases = [(s, moves, _describe_reaudit_case(s, moves)) for s, moves in reaudit_test_cases(own)]
    if hidden:
        cases += [
            (_drawn(learner), news_key(_drawn(learner)), "another learner's case")
            for learner in HIDDEN_LEARNERS
        ]
    return cases


def _pair(result):
    """The turning point and moment to ask of ``result``: a pair, or a triple as answered
    between review 78 and review 79 X1, whose third item (wait) is not graded: a key for it
    was wrong for some draws (news read by the ask moment can make waiting arguable), so
    question 4c's written answer weighs waiting instead."""
    if not isinstance(result, tuple | list) or len(result) not in (2, 3):
        raise NotYet(
            f"reaudit should return (turning point, moment to ask), got {result!r}",
            general="it should return (turning point, moment to ask)",
        )
    return result


def _moment(value, moments, what):
    """The moment ``value`` names, matched without regard to case or spaces; ``None`` is a
    moment too, since question 4b returns it when the side ahead never changes or the bar is
    never reached (the judge says whether that is right for the case)."""
    if value is None:
        return None
    if isinstance(value, str) and value.strip().upper() in {m.upper() for m in moments}:
        return next(m for m in moments if m.upper() == value.strip().upper())
    allowed = "'now' or a news label" if "now" in moments else "a news label such as 'N1'"
    allowed += ", or None if it never comes"
    raise NotYet(
        f"{what} should be one of {', '.join(repr(m) for m in moments)}, got {value!r}",
        general=f"{what} should be {allowed}",
    )


def _uncapped_balances(s, moves):
    """The balances a learner who adds each change with no cap at 0 or 10 would compute."""
    ratings = {"you": dict(s.yours), "them": dict(s.theirs)}
    out = {"now": weighted_leverage(s.yours, s.weights) - weighted_leverage(s.theirs, s.weights)}
    for label, (side, source, change) in moves.items():
        ratings[side][source] += change
        out[label] = sum(s.weights[k] * (ratings["you"][k] - ratings["them"][k]) for k in SOURCES)
    return out


#: The hint for a None where the moment does come (what, when: what comes and how).
NONE_TOO_SOON = "{what} {when} at some moment here: None is only for a case where it never does"

#: The hint for a turning point where the side ahead never changes.
NEVER_TURNS = (
    "here the side ahead never changes (every balance stays on the side it starts on), "
    "so turning_point is None"
)


#: The hint for a re-audit that lets a rating pass an end of the scale.
PAST_THE_END = (
    "a rating stays between 0 and 10: a move that would take it past an end stops there "
    "(shifted does this for you)"
)


def _plain_balances(s, moves):
    """The balances a learner who ignores the weights would compute."""
    flat = dict.fromkeys(SOURCES, 1 / 3)
    return balances_after(s.yours, s.theirs, flat, moves)


def _raw_sum_balances(s, moves):
    """The balances a learner who compares raw rating sums (weights 1, 1, 1) would compute:
    three times the equal-weights balances, so the 0.5 cut-off for even falls elsewhere
    (review 89 X1)."""
    return {m: 3 * b for m, b in _plain_balances(s, moves).items()}


#: The hint for a turning point found on balances that ignore the weights.
UNWEIGHTED = "weigh each rating by its source's weight before you compare the sides"


def _compares_raw_sums(results):
    """Whether a learner's turning points are those of raw rating sums on every case tried
    (``results`` as ``reaudit`` holds them) and wrong on one at least. On the first test
    case, raw sums give the label the sign mistake gives, so that case alone named "even"
    to a learner who did count it (review 89 X1); across all cases the weights are what
    such a learner missed."""
    wrong = False
    for s, moves, _, result, failure in results:
        if failure is not None:
            return False
        try:
            got = _moment(_pair(result)[0], list(moves), "the turning point")
        except NotYet:
            return False
        if got != turning_point(_raw_sum_balances(s, moves)):
            return False
        wrong |= got != turning_point(balances_after(s.yours, s.theirs, s.weights, moves))
    return wrong


#: The hint for a wrong turning point that no single known mistake explains.
TURNING_ANY = (
    "re-audit after each move (apply it, then compute the weighted balance) and stop at "
    "the first item after which the side ahead is not the side ahead now"
)


def _leads_or_even_at_line(balance):
    """The side ahead for a learner who calls a balance of exactly EVEN_WITHIN even."""
    balance = round(balance, 9)
    if abs(balance) <= EVEN_WITHIN:
        return "even"
    return "you" if balance > 0 else "them"


def _turning_mistakes(s, moves):
    """The label each known mistake gives as the turning point, with its hint: a pair
    (label, hint) per mistake; a mistake that gives no label is left out."""
    balances = balances_after(s.yours, s.theirs, s.weights, moves)
    labels = list(balances)
    expected = turning_point(balances)
    start = _who_leads(balances["now"])
    by_sign = next((m for m, b in balances.items() if (b > 0) != (balances["now"] > 0)), None)
    on_line = next(
        (m for m, b in balances.items() if _leads_or_even_at_line(b) != start and start != "even"),
        None,
    )
    before = labels[labels.index(expected) - 1] if expected in labels[2:] else None
    found = [
        (
            by_sign,
            (
                f"you start even; a change of sign inside {EVEN_WITHIN:g} points either way is "
                f"still even: the side ahead changes the first time the balance reaches "
                f"{EVEN_WITHIN:g} either way"
            )
            if start == "even"
            else (
                f"the side ahead can also become 'even': a balance under {EVEN_WITHIN:g} points "
                "either way is even, and that is a change of side too"
            ),
        ),
        (
            turning_point(_plain_balances(s, moves)),
            UNWEIGHTED,
        ),
        (turning_point(_uncapped_balances(s, moves)), PAST_THE_END),
        (
            before,
            "apply each move first, then see who is ahead: the change comes after that item",
        ),
        (
            on_line,
            f"a balance of exactly {EVEN_WITHIN:g} points either way is not even: even "
            f"means under {EVEN_WITHIN:g} points",
        ),
    ]
    return [(label, words) for label, words in found if label is not None and label != expected]


@answer_key
def judge_turning(s, moves, result, where="your case", mistake=None):
    """Question 4's turning point on ``result``, what ``reaudit(s, moves)`` returned;
    ``mistake``, when given, is the hint of a mistake known from every case tried."""
    balances = balances_after(s.yours, s.theirs, s.weights, moves)
    got = _moment(_pair(result)[0], list(moves), "the turning point")
    expected = turning_point(balances)
    if got == expected:
        return
    start = _who_leads(balances["now"])
    # a hint names a mistake only when that mistake, and no other known one, gives the
    # learner's label: a label two mistakes share says nothing true about which was made
    hints = {words for label, words in _turning_mistakes(s, moves) if label == got}
    general = hints.pop() if len(hints) == 1 else TURNING_ANY
    if mistake is not None:
        general = mistake
    if got is None:
        general = NONE_TOO_SOON.format(what="the side ahead", when="changes")
    elif expected is None and general == TURNING_ANY:
        general = NEVER_TURNS
    if where == "your case":
        detail = f" Now the balance is {signed(balances['now'])} points ({start})."
    elif expected is None:
        detail = f" There the side ahead never changes, so the answer is None, not {got}."
    else:
        detail = f" There the side ahead first changes after {expected}, not {got}."
    raise NotYet(f"the turning point is not right for {where}: {general}.{detail}", general=general)


@answer_key
def judge_ask(s, moves, result, where="your case"):
    """Question 4's moment to ask on ``result``, what ``reaudit(s, moves)`` returned: the
    first moment the balance reaches ``s.bar``, decided as the news arrives."""
    balances = balances_after(s.yours, s.theirs, s.weights, moves)
    got = _moment(_pair(result)[1], ["now", *moves], "the moment to ask")
    expected = ask_moment(balances, s.bar)
    if got == expected:
        return
    uncapped = _uncapped_balances(s, moves)
    if got is None:
        general = NONE_TOO_SOON.format(what="the balance", when="reaches the ask's bar")
    elif expected is None:
        general = (
            "here the balance never reaches the ask's bar (case.bar), at no moment: "
            "the ask is never made, so ask_at is None"
        )
    elif round(balances[got] - s.bar, 9) < 0:
        general = (
            "at that moment the balance is below the ask's bar (case.bar): the ask "
            "has to wait for news that raises it"
        )
        if got == ask_moment(uncapped, s.bar) != expected:
            general += f" ({PAST_THE_END})"
    elif expected == "now":
        # a learner who never looked at the balance before the news, or who used "above" where
        # it sits exactly on the need: both hints are true here
        exactly = round(balances["now"] - s.bar, 9) == 0
        general = (
            "before any news the balance already reaches the ask's bar"
            + (" (exactly: 'at least case.bar' includes a balance equal to it)" if exactly else "")
            + ": the ask can be made now, before the first item"
        )
    elif round(balances[expected] - s.bar, 9) == 0:
        general = (
            "at an earlier moment the balance is exactly the ask's bar, and 'at least "
            "case.bar' includes a balance equal to it"
        )
    elif got == best_moment(balances):
        general = (
            "that is where the balance is highest, but you can see that only looking back: "
            "as the news arrives you cannot see what comes next, so ask the first time the "
            "balance reaches the ask's bar"
        )
    else:
        general = (
            "the balance reached the ask's bar at an earlier moment: waiting past it "
            "is a bet on news you cannot see"
        )
    detail = "" if where == "your case" else f" There it is {expected}, not {got}."
    raise NotYet(f"the moment to ask is not right for {where}: {general}.{detail}", general=general)


def _own_balances(readings):
    """The learner's own case re-audited on their own readings of question 4a, as a line of
    balances with no verdict (review 57 W3: question 4b never shows the learner's own case,
    so question 4c starts from these numbers), or ``None`` while those readings are not a
    well-formed answer."""
    s = _own()
    try:
        given = _news(s, call_learner(readings))
    except NotYet:
        return None
    moves = {label: given[label] for label in s.news}
    balances = balances_after(s.yours, s.theirs, s.weights, moves)
    shown = ", ".join(f"{_when(moment)} {signed(value)}" for moment, value in balances.items())
    return (
        "Your own case, on your own readings of question 4a (news_moves), which are marked "
        f"only at grading: the balance is {shown} points; your ask's bar is {signed(s.bar)}. "
        f"Question 4c starts from these numbers: {_part_2_moment(balances, s.bar)}"
    )


def _when(moment):
    """A moment of the news ("now" or a label) in words."""
    return "before any news" if moment == "now" else f"after {moment}"


def _part_2_at(balances, bar):
    """The moment question 4c's part 2 is asked at, on a learner's own balances: the first
    at which the balance reaches ``bar``, or, when it never does, the one at which it comes
    closest (review 110 X1: a reading question 4a accepts can leave the bar unreached, and
    the part then had no moment to start from). Returns (moment, reached). Private: it
    calls 4b's key ``ask_moment``, so a public name would be a route to it."""
    reached = ask_moment(balances, bar)
    if reached is not None:
        return reached, True
    return best_moment(balances), False


def _part_2_moment(balances, bar):
    """Which moment question 4c's part 2 starts from, in words (``_part_2_at``)."""
    moment, reached = _part_2_at(balances, bar)
    if reached:
        return f"part 2 starts {_when(moment)}, the first time your balance reaches your bar."
    return (
        "on these readings your balance never reaches your bar, so part 2 starts "
        f"{_when(moment)}, where it comes closest."
    )


def own_balances(readings):
    """Show the learner's own case re-audited on ``readings``, their ``news_moves``: the
    balance before any news and after each item, with no verdict. Not a check: it marks
    nothing, and it is not replayed at grading (a check's transcript must not depend on it)."""
    line = _own_balances(readings)
    print(
        line
        if line is not None
        else "news_moves() does not yet return a reading for each of your news items; "
        "question 4a's check says what to fix."
    )


@question
def reaudit(answer, hidden=False):
    """Check a function that re-audits a case after each move: (turning point, moment to
    ask), a mark each; a third item, as answered before review 79 X1, is not graded (4c
    weighs waiting). It is given the right moves, so a slip in news_moves does not cost
    these points too."""
    results = []
    for s, moves, where in _reaudit_cases(hidden):
        try:
            results.append((s, moves, where, call_learner(answer, s, dict(moves)), None))
        except NotYet as failure:
            results.append((s, moves, where, None, failure))

    def each(judge, message):
        failures = []
        for s, moves, where, result, failure in results:
            if failure is not None:
                raise failure
            try:
                judge(s, moves, result, where)
            except NotYet as wrong:
                failures.append(wrong)
        if failures:
            raise next((f for f in failures if f.general != TURNING_ANY), failures[0])
        return message

    return score(
        Check(
            "turning point",
            1,
            lambda: each(
                functools.partial(
                    judge_turning,
                    mistake=UNWEIGHTED if _compares_raw_sums(results) else None,
                ),
                "the turning point is where the side ahead first changes.",
            ),
        ),
        Check(
            "moment to ask",
            1,
            lambda: each(
                judge_ask,
                "the moment to ask is the first at which the balance reaches the ask's bar.",
            ),
        ),
    )


# --- question 5: the ethics of leverage ---------------------------------------------------


#: Why a tactic on the line between two kinds may be called either, by its two kinds.
ON_THE_LINE = {
    frozenset({"bluff", "misrepresentation"}): (
        "it says you will do something you do not mean to do: a stated plan the other side "
        "relies on, so by this course's definition a misrepresentation (the Model Rule "
        "comment covers a claim about your reservation price, not what you say you will do "
        "instead). "
        "Bluff is accepted too: the literature calls insincere threats and promises "
        "bluffing. Either answer is accepted"
    ),
    frozenset({"illegitimate", "misrepresentation"}): (
        "it is a lie to the person asked, who relies on the false identity, so it fits "
        "misrepresentation; the course files such a move by its source, as illegitimate, "
        "because the lie is a means of taking information that is not yours. Either answer "
        "is accepted"
    ),
}


#: The question's gloss of a kind and the article forms of its words, each as that kind.
KIND_ALIASES = MappingProxyType(
    {
        # review 99 X2: section 6's heading and the practice feedback say "legitimate leverage"
        "legitimate leverage": "legitimate",
        "illegitimate source": "illegitimate",
        "an illegitimate source": "illegitimate",
        "a bluff": "bluff",
        "a misrepresentation": "misrepresentation",
    }
)


@answer_key
def judge_tactic(s, label, kinds):
    """Question 5 for one tactic: ``kinds`` is the learner's dict label -> kind. A tactic
    on the line between two kinds accepts either."""
    accepted = tactic_kinds_accepted(s)[label]
    # the question glosses "illegitimate" as "an illegitimate source"
    given = one_of(kinds[label], TACTIC_KINDS, f"{label}'s kind", KIND_ALIASES)
    if given not in accepted:
        said = f"{label} is not {KIND_NAME[given]}: {NOT_KIND[given]}."
        raise NotYet(said, general=said.rstrip("."))
    if len(accepted) > 1:
        return f"{label} is on the line: {ON_THE_LINE[frozenset(accepted)]}."
    return f"{label} is {KIND_NAME[given]}: {KIND_TEST[given]}."


def _tactic_kinds(s, result):
    """The learner's answer to question 5 as a dict label -> kind, or a hint on its form."""
    kinds = _by_label(result, list(s.tactics), "tactic_kinds", "{'T1': 'bluff', ...}")
    for label, kind in kinds.items():
        one_of(kind, TACTIC_KINDS, f"{label}'s kind", KIND_ALIASES)
    return kinds


@question
def practice_tactics(answer):
    """Check a function that says which kind each of the practice case's tactics is, each
    judged with its own feedback; nothing is marked."""
    s = practice_for(_own())
    kinds = _tactic_kinds(s, call_learner(answer))
    _practise(
        {label: functools.partial(judge_tactic, s, label, kinds) for label in tactic_key(s)},
        "tactics",
        "classify_tactics",
    )


@question
def classify_tactics(answer, hidden=False):
    """Check a function that says which kind each of the scenario's four tactics is. The
    visible check confirms the form only; the hidden check (grading) gives each tactic half
    a mark, with its own feedback."""
    s = _own()
    kinds = _tactic_kinds(s, call_learner(answer))
    if not hidden:
        say(
            f"Your answer has the right form: one of the four kinds for each of your "
            f"{len(kinds)} tactics. {MARKED_WHEN_GRADED}"
        )
        return None
    if not _judged_here():
        return None
    return score(
        *(
            Check(
                f"tactic {label}",
                0.5,
                functools.partial(judge_tactic, s, label, kinds),
                own_case=True,
            )
            for label in s.tactics
        )
    )
