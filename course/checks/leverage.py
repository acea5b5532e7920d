"""Checks for module 00 (leverage): each names the mistake it recognises."""

from dataclasses import replace
from types import MappingProxyType

from course.checks.calls import question
from course.checks.hints import NotYet, call_learner, money, passed, same_money
from course.models.audit import EVEN_WITHIN, SCALE, SIDES, SOURCES, shifted, weighted_leverage
from course.scenarios.leverage import fact_key
from course.variants import variant

MODULE = "00_leverage"

#: Other learners' scenarios the hidden tests also try, so hard-coded answers fail.
HIDDEN_LEARNERS = tuple(f"hidden-{n}" for n in range(1, 6))

#: What each source is, said the way the notebook teaches it: the hint for a wrong source.
SOURCE_QUESTIONS = {
    "information": "what a side knows (about the other's needs, limits, deadlines or the market)",
    "alternatives": "what a side can do instead if these talks fail",
    "power": "what a side controls or decides that the other needs (a resource, a vote, influence)",
}


def _mapping(values):
    return MappingProxyType(dict(zip(SOURCES, values, strict=True)))


def _edge_cases(own):
    """Scenarios built to catch the usual shortcuts, on top of the learner's own case."""
    return [
        # plain averages say "you" (5 vs 4.67), the weights say "them" (power counts most)
        replace(
            own,
            yours=_mapping((8, 6, 1)),
            theirs=_mapping((3, 3, 8)),
            weights=_mapping((0.2, 0.2, 0.6)),
        ),
        # even within the margin
        replace(
            own,
            yours=_mapping((5, 5, 5)),
            theirs=_mapping((5, 6, 5)),
            weights=_mapping((0.4, 0.3, 0.3)),
        ),
        # the biggest step (+4 alternatives) hits the top of the scale at 9: it adds only 1
        replace(
            own,
            yours=_mapping((4, 9, 5)),
            weights=_mapping((0.3, 0.4, 0.3)),
            steps=MappingProxyType(
                {
                    "Read their annual report and public filings": ("information", 2),
                    "Get a firm second offer before the talks": ("alternatives", 4),
                    "Win the backing of someone whose word they value": ("power", 1),
                }
            ),
        ),
        # same amounts, different weights: the weight decides
        replace(
            own,
            yours=_mapping((3, 3, 3)),
            weights=_mapping((0.2, 0.2, 0.6)),
            steps=MappingProxyType(
                {
                    "Ask people who dealt with them about their needs and deadlines": (
                        "information",
                        3,
                    ),
                    "Line up a partner who could do the work instead": ("alternatives", 2),
                    "Build trust with their team through a small first project": ("power", 2),
                }
            ),
        ),
    ]


def _scenarios(hidden):
    """The learner's own scenario, plus other learners' and edge cases when grading."""
    own = variant(MODULE)
    if not hidden:
        return [own]
    return [own, *(variant(MODULE, learner) for learner in HIDDEN_LEARNERS), *_edge_cases(own)]


@question
def classify_facts(answer):
    """Check a function returning a dict letter -> (source, side) for the scenario's facts."""
    scenario = variant(MODULE)
    key = fact_key(scenario)
    answers = call_learner(answer)
    if not isinstance(answers, dict):
        raise NotYet(
            f"fact_leverage should return a dict like {{'A': ('information', 'you'), ...}}, "
            f"got {type(answers).__name__}"
        )
    missing = [letter for letter in key if letter not in answers]
    if missing:
        raise NotYet(f"fact_leverage has no answer for fact {missing[0]} yet.")
    extra = [letter for letter in answers if letter not in key]
    if extra:
        raise NotYet(
            f"there is no fact {extra[0]!r} in your scenario; the facts are {', '.join(key)}."
        )
    for letter, (source, side) in key.items():
        answer = answers[letter]
        if not isinstance(answer, tuple | list) or len(answer) != 2:
            raise NotYet(
                f"the answer for fact {letter} should be a pair (source, side), got {answer!r}"
            )
        given_source, given_side = answer
        if given_source not in SOURCES:
            raise NotYet(
                f"fact {letter}: {given_source!r} is not a source; use one of {', '.join(SOURCES)}."
            )
        if given_side not in SIDES:
            raise NotYet(f"fact {letter}: {given_side!r} is not a side; use 'you' or 'them'.")
        if given_source != source:
            raise NotYet(
                f"fact {letter} is not about {given_source}. Ask which it changes: "
                + "; or ".join(SOURCE_QUESTIONS[s] for s in SOURCES if s != given_source)
                + "."
            )
        if given_side != side:
            raise NotYet(
                f"fact {letter} is {source}, but ask whose hand it strengthens: who would bring it "
                "up at the table?"
            )
    passed("fact_leverage names the source and the side of every fact.")


def _stronger(scenario):
    mine = weighted_leverage(scenario.yours, scenario.weights)
    theirs = weighted_leverage(scenario.theirs, scenario.weights)
    margin = abs(mine - theirs)
    if margin < EVEN_WITHIN:
        return "even", margin
    return ("you" if mine > theirs else "them"), margin


@question
def stronger_side(answer, hidden=False):
    """Check a function that returns (side, margin) of weighted leverage."""
    for scenario in _scenarios(hidden):
        result = call_learner(answer, scenario)
        if not isinstance(result, tuple) or len(result) != 2:
            raise NotYet(f"stronger_side should return a pair (side, margin), got {result!r}")
        side, margin = result[0], money(result[1], "the margin")
        expected_side, expected_margin = _stronger(scenario)
        plain = abs(sum(scenario.yours.values()) - sum(scenario.theirs.values())) / 3
        averaged = same_money(margin, plain) and not same_money(plain, expected_margin)
        if averaged:
            raise NotYet(
                f"stronger_side is not right for learner {scenario.learner}: you averaged the "
                "ratings plainly; weigh each source by the case's weights.",
                general="it averages the ratings plainly; weigh each source by the case's weights",
            )
        if side != expected_side:
            if expected_side == "even":
                hint = f"the two sides are within {EVEN_WITHIN:g} of each other: return 'even'"
                general = f"it misses a case where the sides are within {EVEN_WITHIN:g}: 'even'"
            else:
                hint = f"the side with more weighted leverage is {expected_side!r}, not {side!r}"
                general = "it names the side with less weighted leverage"
            raise NotYet(
                f"stronger_side is not right for learner {scenario.learner}: {hint}.",
                general=general,
            )
        if same_money(margin, -expected_margin) and expected_margin > 0:
            apart = "the margin should be how far apart the sides are: a positive number"
            raise NotYet(f"{apart}.", general=apart)
        if not same_money(margin, expected_margin):
            raise NotYet(
                f"stronger_side has the right side for learner {scenario.learner}, but the margin "
                f"is {expected_margin:.2f}, not {margin:.2f}: weigh each rating, add them up per "
                "side, and take the difference.",
                general="the side is right but not the margin: weigh each rating, add them up "
                "per side, and take the difference",
            )
    passed("stronger_side finds who holds more weighted leverage, and by how much.")


def _gain(scenario, source, amount):
    """How much a step moves your weighted leverage (the balance times SCALE)."""
    before = weighted_leverage(scenario.yours, scenario.weights)
    return weighted_leverage(shifted(scenario.yours, {source: amount}), scenario.weights) - before


@question
def best_preparation(answer, hidden=False):
    """Check a function that returns the name of the step that raises your leverage most."""
    for scenario in _scenarios(hidden):
        name = call_learner(answer, scenario)
        if name not in scenario.steps:
            raise NotYet(
                f"best_preparation should return the name of one of the steps, exactly as "
                f"written in scenario.steps; got {name!r}"
            )
        gains = {step: _gain(scenario, *effect) for step, effect in scenario.steps.items()}
        best = max(gains.values())
        if gains[name] < best - 1e-9:
            biggest = max(scenario.steps, key=lambda step: scenario.steps[step][1])
            weighted = max(
                scenario.steps,
                key=lambda step: (
                    scenario.steps[step][1] * scenario.weights[scenario.steps[step][0]]
                ),
            )
            source = scenario.steps[name][0]
            general = None
            if name == weighted:
                hint = (
                    f"your {source} is already {scenario.yours[source]:g} and ratings stop at "
                    f"{SCALE:g}, so this step adds less than its full amount"
                )
                general = (
                    f"ratings stop at {SCALE:g}: a step near the top adds less than its amount"
                )
            elif name == biggest:
                hint = general = (
                    "the biggest step is not the best one: weigh each step by its source's weight"
                )
            else:
                hint = f"another step raises your weighted leverage by {best:.2f}, this one by {gains[name]:.2f}"
            raise NotYet(
                f"best_preparation is not right for learner {scenario.learner}: {hint}.",
                general=general,
            )
    passed("best_preparation finds the step that raises your weighted leverage most.")
