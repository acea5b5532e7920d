"""course.checks.leverage: the course's own solutions pass, each typical mistake gets a hint
that names it (never a bare AssertionError), no hint gives the learner's own answer away or
says something false, and a self-check never passes what grading fails on a kind of case
the learner has not met."""

import ast
import re
from dataclasses import replace
from fractions import Fraction
from itertools import combinations, pairwise, product
from pathlib import Path
from types import MappingProxyType, ModuleType

import pytest

import course
from course.checks import leverage as check
from course.checks.calls import AnswerKeyCalled, _learner_running
from course.checks.credit import Credit
from course.checks.hints import NotYet
from course.course_map import questions
from course.models.audit import (
    SCALE,
    balances_after,
    leverage_balance,
    shifted,
    weighted_leverage,
)
from course.scenarios.leverage import (
    _FACTS,
    _NEWS,
    _TACTICS,
    BAND_READINGS,
    CASES,
    ask_moment,
    best_moment,
    best_reach_plan,
    fact_key,
    news_key,
    news_readings,
    plans,
    reach_chances,
    rules_for,
    step_gains,
    tactic_key,
    tactic_kinds_accepted,
    turning_point,
)
from course.variants import hidden_cases_as
from tests.notebooks import solution_namespace
from tests.sweeps import cell_text

# --- a learner's own working, for answers a check runs (the course's keys refuse then) ----


def gains_by_hand(case):
    """What each step adds on average, worked out as the notebook shows."""
    gains = {}
    for name, (source, amount, _, chance) in case.steps.items():
        moved = shifted(case.yours, {source: amount})
        rise = weighted_leverage(moved, case.weights) - weighted_leverage(case.yours, case.weights)
        gains[name] = chance * rise
    return gains


def plans_by_hand(case):
    """Every plan within budget, with its expected gain."""
    gains, names = gains_by_hand(case), list(case.steps)
    return {
        plan: sum(gains[n] for n in plan)
        for k in range(len(names) + 1)
        for plan in combinations(names, k)
        if sum(case.steps[n][2] for n in plan) <= case.budget
    }


def outcomes_by_hand(case, plan):
    """(chance, balance) of each way the plan's steps come through, all of them first."""
    outcomes = []
    for came in product((True, False), repeat=len(plan)):
        chance, ratings = 1.0, dict(case.yours)
        for name, through in zip(plan, came, strict=True):
            source, amount, _, p = case.steps[name]
            chance *= p if through else 1 - p
            if through:
                ratings = shifted(ratings, {source: amount})
        outcomes.append((chance, leverage_balance(ratings, case.theirs, case.weights)))
    return outcomes


def balances_by_hand(yours, theirs, weights, moves):
    """The balance now and after each move, each move applied as shifted does."""
    ratings = {"you": dict(yours), "them": dict(theirs)}
    balances = {"now": leverage_balance(ratings["you"], ratings["them"], weights)}
    for label, (side, source, change) in moves.items():
        ratings[side] = shifted(ratings[side], {source: change})
        balances[label] = leverage_balance(ratings["you"], ratings["them"], weights)
    return balances


def turning_by_hand(balances):
    def ahead(b):
        return "even" if abs(b) < 0.5 else ("you" if b > 0 else "them")

    start = ahead(balances["now"])
    return next((m for m, b in balances.items() if ahead(b) != start), None)


def ask_by_hand(balances, need):
    return next((m for m, b in balances.items() if round(b - need, 9) >= 0), None)


def peak_by_hand(balances):
    return max(balances, key=balances.get)


#: The learner's function behind each question's check.
ANSWER = {
    "classify_facts": "fact_leverage",
    "my_audit": "my_audit",
    "best_plan": "best_plan",
    "reach_plan": "reach_plan",
    "news_moves": "news_moves",
    "reaudit": "reaudit",
    "classify_tactics": "tactic_kinds",
}
WITH_HIDDEN = ["best_plan", "reach_plan", "reaudit"]
#: Questions of labels on the learner's own case: the visible check confirms the form only,
#: a practice case is judged item by item, and the hidden check marks the own case.
LABELLED = {
    "classify_facts": "practice_facts",
    "news_moves": "practice_news",
    "classify_tactics": "practice_tactics",
}


@pytest.fixture
def answers(learner):
    """The source notebook's solutions, defined for learner 'ada'."""
    return solution_namespace("00_leverage", "leverage")


@pytest.fixture
def own(learner):
    return course.variant("00_leverage")


@pytest.fixture
def graded():
    """Run the test as grading does: under a grading key, hidden checks judge the learner's
    own labels (without one, in a learner's kernel, they judge none)."""
    with hidden_cases_as("a-grading-key-for-the-tests"):
        yield


def full_marks(outcome, capsys):
    if isinstance(outcome, Credit):
        return outcome.earned == outcome.possible
    return outcome is None and "\N{CHECK MARK}" in capsys.readouterr().out


def miss(check_function, answer, hidden=False):
    """The hint a check gives for ``answer`` (every failed part's, for a scored one)."""
    try:
        outcome = check_function(answer, hidden=True) if hidden else check_function(answer)
    except NotYet as failure:
        return str(failure)
    assert isinstance(outcome, Credit), "the check passed"
    failed = [o.message for o in outcome.outcomes if not o.passed]
    assert failed, "the check passed"
    return "\n".join(failed)


def test_the_map_lists_the_checks_the_notebook_calls():
    assert list(questions("00_leverage")) == list(ANSWER)


@pytest.mark.parametrize("question", [q for q in ANSWER if q not in LABELLED])
def test_the_course_solutions_pass(answers, question, capsys):
    assert full_marks(getattr(check, question)(answers[ANSWER[question]]), capsys)


@pytest.mark.parametrize("question", [*WITH_HIDDEN, *LABELLED])
def test_the_course_solutions_pass_the_hidden_checks(answers, question, capsys, request):
    if question in LABELLED:  # a hidden check judges the own labels only under a grading key
        request.getfixturevalue("graded")
    assert full_marks(getattr(check, question)(answers[ANSWER[question]], hidden=True), capsys)


@pytest.mark.parametrize("question", WITH_HIDDEN)
def test_hard_coding_the_learners_own_answer_fails_the_hidden_check(answers, question):
    own = answers["scenario"]
    result = {
        "best_plan": lambda: answers[question](own),
        "reach_plan": lambda: answers[question](
            own, own.prepared_ask[0] if own.prepared_ask else 0.5
        ),
        "reaudit": lambda: answers[question](own, news_key(own)),
    }[question]()
    hard_coded = lambda *args: result  # noqa: E731
    assert "every case grading tries" in miss(getattr(check, question), hard_coded, True)


#: A wrong answer of the right form for each labelled question, on scenario ``s``.
WRONG_LABELS = {
    "classify_facts": lambda s: {k: ("power", "you") for k in s.facts},
    "news_moves": lambda s: {k: ("them", "information", 1) for k in s.news},
    "classify_tactics": lambda s: dict.fromkeys(s.tactics, "legitimate"),
}

#: The key of each labelled question, for a scenario.
KEY_OF = {"classify_facts": fact_key, "news_moves": news_key, "classify_tactics": tactic_key}


@pytest.mark.parametrize("question", list(LABELLED))
@pytest.mark.parametrize("learner_id", ["ada", "hidden-1", "hidden-2", "hidden-3", "hidden-4"])
def test_the_visible_check_of_a_label_question_judges_no_label_of_the_own_case(
    question, learner_id, monkeypatch, capsys, graded
):
    """A dict of labels on the learner's own case could be passed by trial when the visible
    check judged it item by item; it now confirms the form only, says the labels are
    marked when the notebook is graded, and never prints a tick, right or wrong."""
    monkeypatch.setenv("LEVERAGE_LEARNER", learner_id)
    own = course.variant("00_leverage")
    for labels in (KEY_OF[question](own), WRONG_LABELS[question](own)):
        assert getattr(check, question)(lambda labels=labels: labels) is None
        said = capsys.readouterr().out
        assert "marked when the notebook is graded" in said and "right form" in said
        assert "\N{CHECK MARK}" not in said and "correct" not in said
        assert not re.search(r"\b(is|are) right\b|read right", said), said
    graded = getattr(check, question)(lambda: WRONG_LABELS[question](own), hidden=True)
    assert graded.earned < graded.possible


@pytest.mark.parametrize("question", list(LABELLED))
@pytest.mark.parametrize("learner_id", ["ada", "hidden-1", "hidden-2", "hidden-3", "hidden-4"])
def test_the_grader_tells_what_does_not_fit_on_the_own_case_not_to_try_other_numbers(
    question, learner_id, monkeypatch, graded
):
    """A hidden check's hint for a function says it fails a case grading tries and to make
    it work for any numbers, both false of a dict of labels on the learner's own case; each
    wrong label's hint is shown whole at grading, saying what does not fit."""
    monkeypatch.setenv("LEVERAGE_LEARNER", learner_id)
    own = course.variant("00_leverage")
    graded = getattr(check, question)(lambda: WRONG_LABELS[question](own), hidden=True)
    failed = [o for o in graded.outcomes if not o.passed]
    assert failed
    for o in failed:
        assert "any numbers" not in o.message and "grading tries" not in o.message
        assert "your function" not in o.message and ".." not in o.message
        assert o.check.split()[-1] in o.message, o.message  # names its own item


@pytest.mark.parametrize("question", list(LABELLED))
@pytest.mark.parametrize("learner_id", ["ada", "hidden-1", "hidden-2", "hidden-3", "hidden-4"])
def test_the_practice_case_is_another_case_judged_item_by_item(
    question, learner_id, monkeypatch, capsys
):
    """The practice case of questions 1, 4a and 5 is never the learner's own case; its check
    passes the key with a tick, and for a wrong item says what does not fit, item by item,
    without naming the right label."""
    monkeypatch.setenv("LEVERAGE_LEARNER", learner_id)
    own = course.variant("00_leverage")
    practice = own.practice
    assert practice.case != own.case
    assert not set(practice.facts.values()) & set(own.facts.values())
    practise = getattr(check, LABELLED[question])
    key = KEY_OF[question](practice)
    assert practise(lambda: key) is None
    assert "\N{CHECK MARK}" in capsys.readouterr().out
    wrong = WRONG_LABELS[question](practice)
    with pytest.raises(NotYet) as failure:
        practise(lambda: wrong)
    said = str(failure.value)
    assert "earns no marks" in said
    assert said.count("\n- ") == len(key)


def test_the_practice_cases_cover_every_case_and_show_their_story():
    """Every case's learners get a practice case of another case, and the notebook shows
    its story with the items the learner labels."""
    for case in CASES:
        s = next(
            course.variant("00_leverage", f"self-check-{i}")
            for i in range(200)
            if course.variant("00_leverage", f"self-check-{i}").case == case
        )
        practice = s.practice
        assert practice.case != case
        shown = s.show("practice-facts", "practice-news", "practice-tactics").markdown
        assert CASES[practice.case].story in shown
        for text in (*practice.facts.values(), *practice.tactics.values()):
            assert text in shown
        for text, size in practice.news.values():
            assert text in shown and f"by {size}" in shown


# --- question 1 --------------------------------------------------------------------------


@pytest.mark.parametrize("learner_id", ["ada", "hidden-1", "hidden-2", "hidden-3", "hidden-4"])
def test_each_fact_earns_its_share_and_a_wrong_one_is_told_why_not(learner_id, monkeypatch, graded):
    """0.4 points a fact; a wrong source or side is told why it does not fit, never which one
    does."""
    monkeypatch.setenv("LEVERAGE_LEARNER", learner_id)
    own = course.variant("00_leverage")
    key = fact_key(own)
    for letter, (source, side) in key.items():
        for wrong in (s for s in ("information", "alternatives", "power") if s != source):
            answer = {**key, letter: (wrong, side)}
            outcome = check.classify_facts(lambda answer=answer: answer, hidden=True)
            assert (outcome.earned, outcome.possible) == (pytest.approx(1.6), 2)
            (failed,) = [o for o in outcome.outcomes if not o.passed]
            assert failed.check == f"fact {letter}" and failed.points == pytest.approx(0.4)
            assert failed.message.startswith(f"fact {letter} is not {wrong}: ")
            assert source not in failed.message.replace(f"is not {wrong}", "")
        other = "them" if side == "you" else "you"
        answer = {**key, letter: (source, other)}
        outcome = check.classify_facts(lambda answer=answer: answer, hidden=True)
        (failed,) = [o for o in outcome.outcomes if not o.passed]
        assert "its side is not" in failed.message and f"'{side}'" not in failed.message


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        ([("information", "you")], "should return a dict"),
        ({}, "has no answer for A yet"),
        ({"Z": ("power", "you")}, "there is no 'Z'"),
        ("not-a-dict", "should return a dict"),
    ],
)
def test_malformed_classifications_are_explained(learner, answer, words):
    assert words in miss(check.classify_facts, lambda: answer)


def test_classification_names_and_shapes_are_checked(own, capsys, graded):
    key = fact_key(own)
    assert "fact A's source should be one of 'information'" in miss(
        check.classify_facts, lambda: {**key, "A": ("charm", "you")}
    )
    assert "should be one of 'you', 'them'" in miss(
        check.classify_facts, lambda: {**key, "A": ("power", "us")}
    )
    assert "should be a pair" in miss(check.classify_facts, lambda: {**key, "A": "power"})
    lists = {letter.lower(): [s.upper(), side] for letter, (s, side) in key.items()}
    # lists, lower case and capitals are fine
    outcome = check.classify_facts(lambda: lists, hidden=True)
    assert outcome.earned == outcome.possible == 2


def test_an_unwritten_answer_says_to_replace_the_stub(learner):
    def fact_leverage():
        raise NotImplementedError()

    assert "fact_leverage is not written yet" in miss(check.classify_facts, fact_leverage)


# --- question 2 --------------------------------------------------------------------------


def audit_of(case, **changes):
    """The audit of ``case``, a learner's scenario or a case (whose own audit is private)."""
    mark = "_" if hasattr(case, "_yours") else ""
    audit = {part: dict(getattr(case, mark + part)) for part in ("yours", "theirs", "weights")}
    for part, values in changes.items():
        audit[part] = {**audit[part], **values}
    return audit


@pytest.mark.parametrize("key", list(CASES))
def test_every_case_s_own_audit_fits_its_story_and_a_flat_one_does_not(key):
    case = CASES[key]
    assert all(rule.holds(case._yours, case._theirs, case._weights) for rule in case._rules)
    flat = dict.fromkeys(("information", "alternatives", "power"), 5)
    equal = dict.fromkeys(flat, 1 / 3)
    assert not any(
        rule.holds(flat, flat, equal)
        for rule in case._rules
        if rule.kind
        not in (
            "at_most",
            "at_least",
            "pair_cap",
            "not_below",
            "not_strong",
            "band",
            "weight_cap",
            "weight_floor",
        )
    )


def test_a_dependence_weighed_heavily_twice_is_noted_not_refused(capsys):
    """Section 3 says the two rows of one dependence share one weight, their sum, and question
    2 notes a sum above 0.85 beside a pass; the course's own audits keep below it. Review 85
    E1: the old note ("not both 0.4 or more") noted (0.2, 0.4, 0.4) but not (0.2, 0.6, 0.2),
    which counts the dependence just as much, nor (0.1, 0.2, 0.7), which counts it more. The
    note now goes by the sum, so the first two are treated alike and the third is noted.
    Fails on the old rule."""
    weightings = [
        dict(zip(("information", "alternatives", "power"), w, strict=True))
        for w in ((0.2, 0.4, 0.4), (0.2, 0.6, 0.2), (0.1, 0.2, 0.7))
    ]
    for key in ("sole-source", "deadline", "salary"):
        case = CASES[key]
        (rule,) = [r for r in case._rules if r.kind == "pair_cap"]
        assert rule.holds(case._yours, case._theirs, case._weights)
        own = replace(course.variant("00_leverage", "one-heavy"), case=key)
        alike, same_sum, heavy = (check._heavy_twice(own, w) for w in weightings)
        assert alike == same_sum == ""
        audit = {"yours": dict(case._yours), "theirs": dict(case._theirs), "weights": weightings[2]}
        audit["yours"]["information"] += 1  # not a copy of a shown audit
        check.judge_audit(own, audit)
        assert "alternatives and power together weigh more than 0.85" in heavy
        assert "question 2's bound, a convention of this course" in heavy  # review 87 U1
        assert "not a fault" in heavy
        assert check._heavy_twice(own, dict(case._weights)) == ""


@pytest.mark.parametrize(
    ("learner_id", "yours", "theirs", "weights", "words"),
    [
        ("r-6", (10, 3, 9), (0, 2, 4), (0.1, 0.3, 0.6), "under 2.5 points your way"),
        ("r-6", (10, 3, 9), (0, 4, 8), (0.1, 0.3, 0.6), "your power and Ostra's"),
        # review 102 X3 (round 103): (5, 5, 7) / (5, 7, 8), your alternatives past the bound
        # of 3, now passes with a note (tests/test_leverage_review102.py)
    ],
)
def test_an_overall_balance_the_story_rules_out_is_refused(
    learner_id, yours, theirs, weights, words
):
    """The sole-source story puts Ostra plainly ahead; such an audit passed before (17% of
    that case's learners)."""
    s = course.variant("00_leverage", learner_id)
    audit = {
        name: dict(zip(SOURCES_ORDER, values, strict=True))
        for name, values in (("yours", yours), ("theirs", theirs), ("weights", weights))
    }
    with pytest.raises(NotYet, match=words):
        check.judge_audit(s, audit)


def test_a_sole_source_audit_rating_your_own_design_say_high_passes():
    """Ostra's hold over you is filed in Ostra's power and your alternatives, not as a cap on
    your own power: rating your say over the next design 7 (Ostra still ahead, power
    heaviest) passes for every sole-source learner, while readings that put you level on
    power, give you somewhere else to go or leave you ahead are still refused."""
    sole = [
        s
        for n in range(600)
        if (s := course.variant("00_leverage", f"r-{n}")).case == "sole-source"
    ]
    assert len(sole) > 100

    def audit(yours, theirs, weights):
        return {
            part: dict(zip(SOURCES_ORDER, values, strict=True))
            for part, values in (("yours", yours), ("theirs", theirs), ("weights", weights))
        }

    for s in sole:
        for power in (7, 8):
            assert check.judge_audit(
                s, audit((5, 1, power), (5, 7, 8 + (power == 8)), (0.2, 0.3, 0.5))
            )
        for wrong in (
            audit((5, 1, 8), (5, 7, 8), (0.2, 0.3, 0.5)),  # your power level with Ostra's
            audit((8, 3, 7), (2, 4, 8), (0.4, 0.3, 0.3)),  # you ahead
        ):
            with pytest.raises(NotYet):
                check.judge_audit(s, wrong)
        # review 102 X3 (round 103): somewhere else to go now passes, with a note
        elsewhere = check.judge_audit(s, audit((5, 5, 7), (5, 7, 8), (0.2, 0.3, 0.5)))
        assert "your alternatives at most" in check._past_a_bound(s, *elsewhere), s.learner


@pytest.mark.parametrize(
    ("learner", "yours", "theirs", "weights"),
    [
        ("r-2", (4, 1, 3), (6, 7, 9), (0.2, 0.3, 0.5)),
        ("r-2", (4, 1, 3), (6, 7, 9), (0.15, 0.35, 0.5)),
        ("r-2", (4, 1, 3), (6, 7, 9), (0.1, 0.6, 0.3)),
        ("r-4", (7, 4, 5), (5, 2, 4), (0.2, 0.5, 0.3)),
        ("r-4", (7, 4, 5), (5, 2, 4), (0.1, 0.6, 0.3)),
        ("r-4", (7, 4, 5), (5, 2, 4), (0.2, 0.3, 0.5)),
    ],
)
def test_information_weighed_least_passes_where_one_dependence_decides(
    learner, yours, theirs, weights
):
    """The sole-source and deadline audits that weigh power most, alternatives second and
    information least (or alternatives most) failed question 2 for 97 of 200 learners' cases, by
    a rule ("the lighter of the pair no heavier than information") that section 2 calls a rough
    convention. Only both rows at 0.4 or more is now rejected, and the message says the rule is
    the course's."""
    own = course.variant("00_leverage", learner)
    sources = ("information", "alternatives", "power")
    audit = {
        part: dict(zip(sources, values, strict=True))
        for part, values in (("yours", yours), ("theirs", theirs), ("weights", weights))
    }
    assert check.judge_audit(own, audit)


def test_section_1s_worked_nash_split_is_module_02s():
    """Section 1 gave the half-unit rule with no example a newcomer could follow, so the side
    note worked one (100 to divide, disagreement points of 20 and 40, the first raised to 30).
    Review 69 U4: the note taught module 02's split in a module that uses it only in the
    reflection; it now states the rule and leaves the worked split to module 02, whose
    example gives the numbers module 02's Nash split computes."""
    from course.models.batna import nash_split
    from tests.notebooks import source_notebook

    text = " ".join(_cell("audit-limits").split())
    assert "With 100 to divide and disagreement points of 20 and 40" not in text
    # review 76 U1: module 00 no longer states the split at all; module 02 teaches it
    assert "Nash split" not in text
    batna = " ".join(" ".join(c.source.split()) for c in source_notebook("02_batna", "batna").cells)
    assert "With a pie of 100 and BATNAs of 20 and 40, the surplus is 40" in batna
    assert nash_split(100, 20, 40) == pytest.approx((40, 60))
    assert nash_split(100, 30, 40)[0] == pytest.approx(45)


def test_a_breakdown_payoff_moved_alone_adds_half_a_unit_and_a_transfer_a_whole_one():
    """The tenant's old rent, paid while the talks go on, moves both sides' payoffs at once (the
    tenant keeps v - r, the landlord gets r), so a unit of rent moves the Nash split by a whole
    unit, not the half the text said; the half-unit rule is for one side's breakdown payoff with
    the other's unchanged, and holds where breakdown risk drives agreement. Section 1 and
    section 3's limits now say so, and no longer use the rent, nor 'always'."""
    from course.models.batna import nash_split

    # one side's payoff up by a unit, the other's unchanged: half a unit
    assert nash_split(100, 31, 40)[0] - nash_split(100, 30, 40)[0] == pytest.approx(0.5)
    # a rent r paid during the talks: tenant v - r, landlord r; a unit lower rent, a whole unit
    pie, value = 100, 30
    tenant = [nash_split(pie, value - r, r)[0] for r in (10, 11)]
    assert tenant[0] - tenant[1] == pytest.approx(1.0)
    for grade_id in ("audit-limits",):  # review 76 U1: the rule is module 02's alone now
        text = " ".join(_cell(grade_id).split())
        assert "breakdown payoff" not in text
        assert "always counts" not in text
        assert "old rent" not in text


def test_section_3s_example_of_a_passing_weighting_passes():
    """The weight convention is taught in section 3, where weights are defined (review 58
    U1), with the ferry example that keeps to it; a weighting of that kind passes."""
    text = " ".join(_cell("audit-teaching").replace("#", " ").split())
    # review 80 U1: the rule in one sentence, without the ferry example; a weighting that
    # keeps to it passes
    # review 93 U2: the sum first, then the split, in two sentences (review 95 U1: reworded)
    assert "decide first how much that dependence counts in all" in text
    # review 87 U1: section 3 points to question 2, where information's bound is stated once
    assert "Question 2 bounds information's weight." in text
    assert "0.85" not in " ".join(_cell("sources-teaching").split())
    own = replace(course.variant("00_leverage", "one-heavy"), case="sole-source")
    audit = {
        "yours": {"information": 4, "alternatives": 1, "power": 3},
        "theirs": {"information": 6, "alternatives": 7, "power": 9},
        "weights": {"information": 0.2, "alternatives": 0.3, "power": 0.5},
    }
    assert check.judge_audit(own, audit)


@pytest.mark.parametrize("key", list(CASES))
def test_each_broken_rule_is_named_with_the_line_of_the_story_behind_it(key, own, capsys):
    case = CASES[key]
    own = replace(own, case=key, yours=case._yours, theirs=case._theirs, weights=case._weights)
    weight_rule = next((rule for rule in case._rules if rule.kind == "weight_top"), None)
    if weight_rule is None:  # the salary and supplier facts support any top
        return
    outside = next(
        s for s in ("information", "alternatives", "power") if s not in weight_rule.source
    )
    dominant = case.dominant
    swapped = {"weights": {dominant: own.weights[outside], outside: own.weights[dominant]}}
    with pytest.raises(NotYet) as failure:
        check.judge_audit(own, audit_of(own, **swapped))
    hint = str(failure.value)
    if len(weight_rule.source) == 1:
        assert f"{dominant} should weigh more than either other source" in hint
    else:
        assert f"the weight of {' or of '.join(weight_rule.source)} should be larger than" in hint
    assert weight_rule.because in hint


def test_a_tie_on_top_is_told_what_is_wrong_with_it(own):
    """Supplier weights (0.4, 0.2, 0.4) do give information the largest weight, tied with power;
    the hint says what is wrong (power is not below it), not that the largest weight should go
    to information or alternatives. The supplier case lets any source weigh most, so the tie is
    tried on the sole-source case (power 0.4 tied with information 0.4)."""
    case = CASES["sole-source"]
    own = replace(own, case="sole-source")
    audit = audit_of(case, weights={"information": 0.4, "alternatives": 0.2, "power": 0.4})
    with pytest.raises(NotYet) as failure:
        check.judge_audit(own, audit)
    hint = str(failure.value)
    assert "the weight of power or of alternatives should be larger than information's" in hint
    assert "the largest weight should go to" not in hint


def test_a_defensible_reading_of_each_story_passes(own):
    """The supplier story calls Vell's lost clients a rumour, so rating your alternatives no
    higher than Vell's is defensible (within the bound of 4 on Vell's); a learner who drew
    Brannock's standing offer may rate Brannock's alternatives 5."""
    supplier = audit_of(
        CASES["supplier"],
        yours={"alternatives": 3},
        theirs={"alternatives": 4},
    )
    assert check.judge_audit(replace(own, case="supplier"), supplier)
    deadline = audit_of(CASES["deadline"], yours={"alternatives": 6}, theirs={"alternatives": 5})
    assert check.judge_audit(replace(own, case="deadline"), deadline)
    # the story no longer says what the price turns on
    assert "The price will turn on" not in CASES["supplier"].story


def test_where_the_story_supports_two_sources_either_may_weigh_most():
    """The sole-source and deadline stories support power or alternatives on top, the supplier
    story information or alternatives. The salary story no longer names alternatives outright
    (weighing it top was transcription for every salary learner); its facts support alternatives
    or information."""
    tops = {
        key: next(
            (rule.source for rule in case._rules if rule.kind == "weight_top"),
            ("information", "alternatives", "power"),
        )
        for key, case in CASES.items()
    }
    assert tops == {
        "salary": ("information", "alternatives", "power"),
        "supplier": ("information", "alternatives", "power"),
        "sole-source": ("power", "alternatives"),
        "deadline": ("alternatives", "power"),
    }
    assert "could do instead" not in CASES["salary"].story
    for key, allowed in tops.items():
        case = CASES[key]
        for top in allowed:
            rest = [s for s in ("information", "alternatives", "power") if s != top]
            weights = {top: 0.5, rest[0]: 0.25, rest[1]: 0.25}
            assert all(
                rule.holds(case._yours, case._theirs, weights)
                for rule in case._rules
                if rule.kind == "weight_top"
            )


def test_an_audit_the_course_shows_is_not_the_learner_s_own(own, capsys):
    """The widget loads each case's own audit (section 3 and section 5 print two of them) and
    section 4 shows the learner's starting audit; each fits the story by construction, so
    copying one passed question 2. A copy is now named, in a note for the instructor beside
    the pass (review 68 X4: a refusal in the graded cell scored honest readings 0); two
    judgements of a point's difference pass without a note."""
    case = CASES[own.case]
    copies = (
        audit_of(case),
        {"yours": dict(own.yours), "theirs": dict(own.theirs), "weights": dict(own.weights)},
    )
    words_of = ("one of the course's audits the interactive audit shows", "the starting audit")
    for copy, words in zip(copies, words_of, strict=True):
        check.my_audit(lambda c=copy: c)
        said = " ".join(capsys.readouterr().out.split())
        assert "your audit fits the story" in said
        assert f"A note for your instructor, not a fault: this audit is {words}" in said
    mine = audit_of(case)
    source = "information"
    wider = 1 if mine["theirs"][source] > mine["yours"][source] else -1
    mine["theirs"][source] += wider
    mine["yours"][source] -= wider
    check.my_audit(lambda: mine)
    said = capsys.readouterr().out
    assert "your audit fits the story" in said and "A note for your instructor" not in said


@pytest.mark.parametrize(
    ("audit", "words"),
    [
        ({"yours": {}}, "three keys"),
        (
            {
                "yours": {"information": 11, "alternatives": 5, "power": 5},
                "theirs": {"information": 5, "alternatives": 5, "power": 5},
                "weights": {"information": 0.3, "alternatives": 0.4, "power": 0.3},
            },
            "between 0 and 10, got 11",
        ),
        (
            {
                "yours": {"information": 5, "alternatives": 5, "power": 5},
                "theirs": {"information": 5, "alternatives": 5, "power": 5},
                "weights": {"information": 0.3, "alternatives": 0.3, "power": 0.3},
            },
            "weights must sum to 1",
        ),
        (
            {
                "yours": {"information": 5, "alternatives": 5, "power": 5},
                "theirs": {"information": 5, "alternatives": 5, "power": 5},
                "weights": {"information": 0.5, "alternatives": 0.5},
            },
            "weights needs a share for power",
        ),
    ],
)
def test_a_malformed_audit_is_explained(learner, audit, words):
    assert words in miss(check.my_audit, lambda: audit)


# --- question 3 --------------------------------------------------------------------------


def shortcut_plan(value):
    """A learner's best_plan that scores each step by ``value(case, source, amount, chance)``."""

    def best_plan(case):
        fits = plans_by_hand(case)
        return list(
            max(
                fits,
                key=lambda plan: sum(
                    value(case, *case.steps[n][:2], case.steps[n][3]) for n in plan
                ),
            )
        )

    return best_plan


SHORTCUTS = {
    "ceiling": (
        shortcut_plan(lambda c, s, a, p: p * c.weights[s] * a),
        "a rating cannot pass 10",
    ),
    "chance": (
        shortcut_plan(lambda c, s, a, p: c.weights[s] * min(a, SCALE - c.yours[s])),
        "weigh each step by the chance it comes through",
    ),
    "weights": (
        shortcut_plan(lambda c, s, a, p: p * min(a, SCALE - c.yours[s])),
        "weigh each step by its source's weight",
    ),
    "amount": (
        shortcut_plan(lambda c, s, a, p: a),
        "the biggest steps are not the best ones",
    ),
    "one at a time": (
        lambda case: first_come(case, per_day=False),
        "taking steps one at a time, the best first",
    ),
    "per day": (
        lambda case: first_come(case, per_day=True),
        "taking steps one at a time, the best first",
    ),
}


def first_come(case, per_day):
    """A learner's best_plan that takes the step adding most (or most per day) first, then
    each next one that still fits."""
    gains = gains_by_hand(case)
    order = sorted(case.steps, key=lambda n: -gains[n] / (case.steps[n][2] if per_day else 1))
    plan, left = [], case.budget
    for name in order:
        if case.steps[name][2] <= left:
            plan.append(name)
            left -= case.steps[name][2]
    return plan


@pytest.mark.parametrize("shortcut", list(SHORTCUTS))
def test_each_shortcut_fails_the_visible_check_with_its_own_hint(learner, shortcut):
    """The test cases run in the self-check, not only at grading."""
    answer, words = SHORTCUTS[shortcut]
    hint = miss(check.best_plan, answer)
    assert words in hint
    assert "learner" not in hint


def test_the_plan_test_cases_are_fair_and_each_catches_its_shortcut(own):
    catches = [("ceiling", "amount"), ("chance",), ("weights",), ("one at a time", "per day")]
    for case, names in zip(check.plan_test_cases(own), catches, strict=True):
        gains = sorted(plans(case).values())
        assert gains[-1] - gains[-2] >= 0.05
        assert sum(case.steps[n][2] for n in case.steps) > case.budget
        for name in names:
            answer, words = SHORTCUTS[name]
            assert set(answer(case)) != set(max(plans(case), key=plans(case).get))
            with pytest.raises(NotYet, match=words):
                check.judge_plan(case, answer(case), "a test case")


def test_one_big_step_crowds_out_two_smaller_ones_in_the_last_test_case(own):
    """Gains 0.6, 0.6 and 1.0 for 5, 5 and 8 days in a budget of 11; both the step-by-step
    shortcut and gain per day take the big step and miss the pair, which leaves a day spare (so
    a plan kept strictly below the budget is not the big step)."""
    case = check.plan_test_cases(own)[-1]
    gains = step_gains(case)
    assert sorted(round(g, 9) for g in gains.values()) == [0.6, 0.6, 1.0]
    assert sorted(step[2] for step in case.steps.values()) == [5, 5, 8] and case.budget == 11
    big = max(gains, key=gains.get)
    assert first_come(case, False) == first_come(case, True) == [big]
    assert set(max(plans(case), key=plans(case).get)) == set(case.steps) - {big}


def test_a_test_cases_hint_prints_its_numbers(learner):
    answer, _ = SHORTCUTS["ceiling"]
    hint = miss(check.best_plan, answer)
    assert "a test case with your steps but other numbers" in hint
    assert "alternatives 9" in hint and "6 days" in hint


def test_a_plan_over_budget_or_with_unknown_steps_is_explained(own):
    assert "more than the" in miss(check.best_plan, lambda case: list(case.steps))
    assert "is not one of the steps" in miss(check.best_plan, lambda case: ["Work harder"])
    assert "a list of step names" in miss(check.best_plan, lambda case: "all of them")
    name = next(iter(own.steps))
    assert "names a step twice" in miss(check.best_plan, lambda case: [name, name])


def _one_learner_per_case():
    found = {}
    for n in range(200):
        s = course.variant("00_leverage", f"audit-copy-{n}")
        found.setdefault(s.case, s)
        if len(found) == len(CASES):
            return found
    raise AssertionError(f"no learner drawn for {set(CASES) - set(found)}")


def _without_refinance(s):
    """``s`` with the fact that lifts the warehouse case's siding rule taken out of its draw
    (review 91 X1), so that the rule applies."""
    from course.scenarios.leverage import REFINANCE

    return replace(s, facts={k: v for k, v in s.facts.items() if v != REFINANCE})


def _copy_note(s, answer):
    """Question 2's note for the instructor on ``answer``, or None if the check refuses it."""
    try:
        return check._copy_note(s, *check.judge_audit(s, answer))
    except NotYet:
        return None


def test_any_audit_the_course_shows_is_caught_as_a_copy_for_every_case():
    """The promise covers every audit the notebook shows, so a supplier learner who returns the
    salary worked example is told so wherever it fits the story. Review 68 X4: it passes with
    a note for the instructor, since a learner may reach it honestly; the note does not ask
    them to rate 'yourself' or call it copied."""
    shown = [(c._yours, c._theirs, c._weights) for c in CASES.values()]
    shown += [check.REFLECTION_AUDIT, check.WORKED_AUDIT]
    noted = 0
    for s in _one_learner_per_case().values():
        for audit in shown:
            answer = dict(zip(("yours", "theirs", "weights"), map(dict, audit), strict=True))
            note = _copy_note(s, answer)
            if note is None:  # it breaks this learner's story: refused as any audit would be
                continue
            noted += 1
            assert "number for number" in note, (s.case, audit)
            assert "yourself" not in note and "copied" not in note, note
            assert "A note for your instructor, not a fault" in note
    assert noted >= len(CASES), noted  # at least each case's own audit


def test_a_deadline_is_filed_in_its_holders_alternatives_and_module_05_is_not_said_to_differ():
    """Review 58 (module 03's C2, the lead's brief): module 05 now files a deadline in its
    holder's alternatives too, so section 2's sentence that module 05 writes it "in the power
    row as patience" is cut; the rule itself stays (this failed on the old text)."""
    text = " ".join(_cell("sources-teaching").split())
    time = text.split("**Time.**")[1].split("</details>")[0]
    # review 78 U4: the note keeps its two rules
    assert "A deadline goes into the alternatives of the side it presses" in time
    assert "knowing the other side's deadline is your information" in time
    for gone in ("power row", "patience", "under another label"):
        assert gone not in text, gone


def test_section_2_keeps_the_sorting_rule_and_puts_its_refinements_in_a_side_note():
    """Review 58 U1: section 2 held the three questions, the information row's rule, Moore,
    the weight convention (before weights were defined) and three filing rules for time. It
    now keeps the three questions and 'each fact in one place' in the open; the information
    row and time are one collapsed note, and the weight convention is in section 3 (this
    failed on the old text)."""
    text = " ".join(_cell("sources-teaching").split())
    opened, note = text.split("<details>")[0], text.split("<details>")[1].split("</details>")[0]
    assert "**Sorting a fact.**" in opened and "**Each fact in one place.**" in opened
    assert "**Time.**" in note and "**Time.**" not in opened
    # review 112 U4 (round 113): question 2 relies on the information row's rule, so it moved
    # from the side note into section 2's open text
    said = "Information is rated by the difference knowing makes"
    assert said in opened and said not in note
    # review 77 U1: Moore's finding, an aside, went on to the closing notes
    assert "Moore" not in text and "Moore" in " ".join(_cell("summary").split())
    assert "weight" not in opened.split("**Each fact in one place.**")[0]
    assert "Then share that total between alternatives and power" in " ".join(
        _cell("audit-teaching").split()
    )


def test_section_5_does_not_answer_question_4c_for_the_deadline_case():
    """Section 5 named the deadline case's foreseeable reason to wait (Brannock's lease
    ending in six weeks) and pointed to question 4c, which asks the deadline learners for
    exactly that reason. It now says only what kind of reason would count. Review 100 C1
    (round 101): the widget's run names the reason it had (Brannock's deadline, which its
    first item says cannot slip), as the take-away rule and 4c's model answer do, but not the
    story's figure (tests/test_leverage_review101.py)."""
    text = " ".join(_cell("shift-teaching").split())
    assert "six weeks" not in text and "lease ends" not in text
    assert "Question 4c asks whether your case had such a reason." in text


def test_no_learner_reads_the_courses_audit_of_their_own_case_above_question_2():
    """The worked audit of section 3 was the course's audit of the salary case, printed
    above question 2 for the quarter of learners who draw it, and a one-point edit of it
    passed. It is now a case no learner draws; a copy of any course audit that fits the
    story is noted with the same words, which do not say whether it is the learner's own
    case."""
    cell = _cell("audit-example")
    worked = tuple(
        ast.literal_eval(re.search(rf"^{name} = (\{{.*\}})$", cell, re.M).group(1))
        for name in ("yours", "theirs", "weights")
    )
    for c in CASES.values():
        assert worked != (dict(c._yours), dict(c._theirs), dict(c._weights)), c.title
    assert worked == tuple(map(dict, check.WORKED_AUDIT))
    text = " ".join(_cell("audit-limits").split())
    assert "= 5.85$" in text and "= 5.25$" in text and "$+0.60$" in text
    for s in _one_learner_per_case().values():
        for c in CASES.values():
            answer = {
                "yours": dict(c._yours),
                "theirs": dict(c._theirs),
                "weights": dict(c._weights),
            }
            note = _copy_note(s, answer)
            if note is not None:
                assert "your case" not in note
                assert "the interactive audit shows" in note


def test_a_reading_near_a_shown_audit_is_not_called_a_copy():
    """The copy guard refused, as a shown audit with one rating moved by a point or its weights
    moved by 0.05, honest readings near the salary worked example printed above question 2
    (learner r-1: 4, 7, 4 against 6, 4, 6 with the course's weights; 4, 8, 4 against 6, 4, 6
    with 0.3, 0.4, 0.3), while two points moved passed. Only a copy number for number is caught
    now, for every case and every shown audit; any audit a point or 0.05 from it is judged on
    the story alone."""
    s = course.variant("00_leverage", "r-1")
    assert s.case == "salary"
    for yours, weights in (((4, 7, 4), (0.3, 0.45, 0.25)), ((4, 8, 4), (0.3, 0.4, 0.3))):
        audit = {
            name: dict(zip(SOURCES_ORDER, values, strict=True))
            for name, values in (("yours", yours), ("theirs", (6, 4, 6)), ("weights", weights))
        }
        assert check.judge_audit(s, audit)
    shown = [(c._yours, c._theirs, c._weights) for c in CASES.values()] + [check.REFLECTION_AUDIT]
    for s in _one_learner_per_case().values():
        for yours, theirs, weights in shown:
            heavy, light = max(weights, key=weights.get), min(weights, key=weights.get)
            nudged = {**weights, heavy: weights[heavy] - 0.05, light: weights[light] + 0.05}
            r = yours["information"]
            moved = {**yours, "information": r + 1 if r < SCALE else r - 1}
            for answer in (
                {"yours": moved, "theirs": dict(theirs), "weights": dict(weights)},
                {"yours": dict(yours), "theirs": dict(theirs), "weights": nudged},
            ):
                try:
                    check.judge_audit(s, answer)
                except NotYet as failure:
                    assert "your audit is" not in str(failure), (s.case, str(failure))


SOURCES_ORDER = ("information", "alternatives", "power")


@pytest.mark.parametrize(
    ("case", "source", "side", "value", "words"),
    [
        # review 102 X3 (round 103): the supplier's alternatives 8, past the bound of 7,
        # now passes with a note (tests/test_leverage_review102.py)
        (
            "deadline",
            "power",
            "yours",
            3,
            "your power and Brannock's do not compare as your story has them",
        ),
    ],
)
def test_the_story_rules_catch_another_negotiations_reading(case, source, side, value, words):
    """A supplier learner must rate their alternatives at most 6 (either other maker needs a
    three-month switch; at most 7 for this learner, who drew both makers' quotes, review 75
    X2), and a warehouse owner's power, the rail siding, at least Brannock's; a reading that
    misses it is told which line of the story says so. (The warehouse learner's draw without
    Brannock's pull on the owner's bank, which lifts the siding rule: review 91 X1.)"""
    s = _without_refinance(_one_learner_per_case()[case])
    c = CASES[case]
    audit = {"yours": dict(c._yours), "theirs": dict(c._theirs), "weights": dict(c._weights)}
    audit["yours"]["information"] += 1  # not a copy: two ratings moved
    audit["theirs"]["information"] += 1
    assert check.judge_audit(s, audit)
    audit[side][source] = value
    with pytest.raises(NotYet) as failure:
        check.judge_audit(s, audit)
    assert words in str(failure.value)


def test_a_numeric_bound_on_the_story_is_named_as_the_courses_own():
    """The stories state no numbers, so a rating bound such as "at most 6" is named as a bound
    the course sets, not as what the story states; an ordering rule is not."""
    s = _one_learner_per_case()["supplier"]
    c = CASES["supplier"]
    audit = {"yours": dict(c._yours), "theirs": dict(c._theirs), "weights": dict(c._weights)}
    audit["yours"]["information"] += 1
    audit["yours"]["alternatives"] = 8
    # review 102 X3 (round 103): a numeric bound notes, not refuses; the note says so
    assert "the story states no number" in check._past_a_bound(s, *check.judge_audit(s, audit))
    s = _without_refinance(_one_learner_per_case()["deadline"])
    c = CASES["deadline"]
    audit = {"yours": dict(c._yours), "theirs": dict(c._theirs), "weights": dict(c._weights)}
    audit["yours"]["information"] += 1
    audit["yours"]["power"] = 3
    with pytest.raises(NotYet) as failure:
        check.judge_audit(s, audit)
    assert "a bound the course sets" not in str(failure.value)


def test_a_salary_reading_that_rates_the_written_offer_as_middling_is_accepted():
    """Review 61 C2: learner bob's salary audit (4, 6, 6) / (7, 5, 5), weights 0.3, 0.4, 0.3,
    was refused because "a firm offer in hand is a strong fallback, well above the middle of
    the scale", yet the story never gives Calder's terms, section 2 says a weak option earns
    a low rating, and the case's band line says the three weeks shrink your alternatives. No
    bound the course sets now puts a floor under a salary learner's own alternatives; the
    story's comparison with Larkfield's still holds. Review 112 X1: the story only implies
    that comparison, so breaking it is now a note that names it, not a refusal."""
    s = course.variant("00_leverage", "bob")
    assert s.case == "salary"
    audit = {
        "yours": dict(zip(SOURCES_ORDER, (4, 6, 6), strict=True)),
        "theirs": dict(zip(SOURCES_ORDER, (7, 5, 5), strict=True)),
        "weights": dict(zip(SOURCES_ORDER, (0.3, 0.4, 0.3), strict=True)),
    }
    assert check.judge_audit(s, audit)
    for learner in (f"floor-{n}" for n in range(40)):
        drawn = course.variant("00_leverage", learner)
        if drawn.case == "salary":
            assert not [
                r
                for r in rules_for(drawn)
                if r.kind == "at_least" and r.side == "you" and r.source == "alternatives"
            ]
    assert "your alternatives above" not in check._past_a_bound(s, *check.judge_audit(s, audit))
    audit["theirs"]["alternatives"] = 6
    note = check._past_a_bound(s, *check.judge_audit(s, audit))
    assert "the course would rate your alternatives above Larkfield's" in note
    assert "the story implies this without stating it" in note


# --- question 4 --------------------------------------------------------------------------


def test_each_news_item_earns_a_quarter_point_with_its_own_feedback(own, capsys, graded):
    """A quarter of a point an item (review 73 X1: question 4a is worth 1 mark, since its
    own-case labels ship with the package; the old check paid half a point an item, 2 in
    all, and fails here); a wrong size, sign, side or source is named without giving the
    right reading."""
    key = news_key(own)
    label, (side, source, change) = next(iter(key.items()))
    outcome = check.news_moves(lambda: dict(key), hidden=True)
    assert (outcome.earned, outcome.possible) == (1, 1)
    outcome = check.news_moves(lambda: {**key, label: (side, source, change + 1)}, hidden=True)
    assert (outcome.earned, outcome.possible) == (0.75, 1)
    (failed,) = [o for o in outcome.outcomes if not o.passed]
    assert failed.check == label and "the size shown beside it" in failed.message
    outcome = check.news_moves(lambda: {**key, label: (side, source, -change)}, hidden=True)
    assert "stronger or weaker" in next(o for o in outcome.outcomes if not o.passed).message
    wrong = next(s for s in ("information", "alternatives", "power") if s != source)
    outcome = check.news_moves(lambda: {**key, label: (side, wrong, change)}, hidden=True)
    message = next(o for o in outcome.outcomes if not o.passed).message
    assert message.startswith(f"{label} does not move {wrong}: ")
    assert "Ask section 2's questions in order" in message
    typed = check.news_moves(lambda: {k.lower(): list(v) for k, v in key.items()}, hidden=True)
    assert typed.earned == typed.possible


def test_a_wrong_power_reading_is_not_told_what_moves_power(graded):
    """Review 62 X1: after a wrong 'power', the hint went on '(News moves power when what a
    side holds changes, what the other side needs from it, ...)', which argues for the answer
    it had just refused (a business park letting its last unit: Brannock needs you more).
    After a wrong 'power' it now says only why power does not fit; after another wrong
    source it still says what moves power."""
    told = 0
    for learner in (f"sweep-{n}" for n in range(40)):
        s = course.variant("00_leverage", learner)
        for label, (side, source, change) in news_key(s).items():
            if source == "power":
                continue
            message = _news_hint(s, label, (side, "power", change))
            if len(news_readings(s)[label]) > 1:
                # review 112 C1: your power for a revealed weakness of theirs is told its own
                # reason (tests/test_leverage_review113.py), still never what moves power
                assert message.startswith(f"{label} does not move your power: ")
                assert "what the other side needs from it" not in message
                continue
            assert message.startswith(f"{label} does not move power: ")
            assert "what the other side needs from it" not in message
            told += 1
    assert told > 40


def _news_hint(s, label, move):
    """The hint question 4a gives ``move`` for news item ``label`` of case ``s``."""
    try:
        check.judge_news_item(s, label, {label: move})
    except NotYet as refusal:
        return str(refusal)
    raise AssertionError(f"{move} passed for {label}")


def ahead_by_sign(case, moves):
    """A reaudit that ignores "even": the side changes when the balance changes sign."""
    balances = balances_by_hand(case.yours, case.theirs, case.weights, moves)
    now = balances["now"] > 0
    turning = next((m for m, b in balances.items() if (b > 0) != now), "N4")
    return turning, peak_by_hand(balances)


def hindsight(case, moves):
    """A reaudit that asks at the peak, which only hindsight shows."""
    balances = balances_by_hand(case.yours, case.theirs, case.weights, moves)
    return turning_by_hand(balances), peak_by_hand(balances)


def unweighted(case, moves):
    flat = dict.fromkeys(case.weights, 1 / 3)
    balances = balances_by_hand(case.yours, case.theirs, flat, moves)
    return turning_by_hand(balances) or "N4", peak_by_hand(balances)


@pytest.mark.parametrize(
    ("answer", "part", "words"),
    [
        (ahead_by_sign, "turning point", "the side ahead can also become 'even'"),
        (unweighted, "turning point", "weigh each rating by its source's weight"),
        (hindsight, "moment to ask", "you can see that only looking back"),
    ],
)
def test_each_reaudit_shortcut_fails_the_visible_check(own, answer, part, words):
    """Each shortcut fails the self-check, and one of the test cases it runs names it."""
    outcome = check.reaudit(answer)
    assert part in {o.check for o in outcome.outcomes if not o.passed}
    judge = check.judge_turning if part == "turning point" else check.judge_ask
    hints = []
    for case, moves in check.reaudit_test_cases(own):
        try:
            judge(case, moves, answer(case, moves), "a test case")
        except NotYet as failure:
            hints.append(str(failure))
    assert any(words in hint for hint in hints), hints


def reach_above_only(case, target):
    """Question 3c counting only outcomes strictly above the target."""
    chances = {
        plan: sum(c for c, b in outcomes_by_hand(case, plan) if b > target)
        for plan in plans_by_hand(case)
    }
    return list(max(chances, key=chances.get))


def reaudit_above_only(case, moves):
    """A reaudit that asks only once the balance is strictly above the need."""
    balances = balances_by_hand(case.yours, case.theirs, case.weights, moves)
    return turning_by_hand(balances), next((m for m, b in balances.items() if b > case.bar), "N4")


def reaudit_even_at_the_line(case, moves):
    """A reaudit that calls a balance of exactly 0.5 either way even."""
    balances = balances_by_hand(case.yours, case.theirs, case.weights, moves)

    def side(b):
        return "even" if abs(b) <= 0.5 else ("you" if b > 0 else "them")

    start = side(balances["now"])
    turning = next((m for m, b in balances.items() if side(b) != start), "N4")
    return turning, ask_by_hand(balances, case.bar)


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (reach_above_only, "a balance exactly at the bar reaches it"),
        (reaudit_above_only, "'at least case.bar' includes a balance equal to it"),
        (reaudit_even_at_the_line, "a balance of exactly 0.5 points either way is not even"),
    ],
)
def test_the_boundary_rules_the_text_states_are_tried(answer, words):
    """A reach_plan or an ask with '>' for '>=', and an 'even' with '<= 0.5', passed every
    visible and hidden case for 200 of 200 learners, since the drawn numbers keep clear of every
    line. One constructed case each, exact in quarters, now sits on the line, and the hint says
    which rule the answer broke."""
    for i in range(40):
        own = course.variant("00_leverage", f"r-{i}")
        if answer is reach_above_only:
            hints = []
            for case, target in check.reach_test_cases(own):
                try:
                    check.judge_reach(case, target, answer(case, target), "a test case")
                except NotYet as failure:
                    hints.append(str(failure))
        else:
            hints = []
            for case, moves in check.reaudit_test_cases(own):
                for judge in (check.judge_turning, check.judge_ask):
                    try:
                        judge(case, moves, answer(case, moves), "a test case")
                    except NotYet as failure:
                        hints.append(str(failure))
        assert any(words in hint for hint in hints), (i, hints)


def test_an_even_start_is_not_told_that_a_sign_change_inside_even_is_a_turn(own):
    """From an even start a change of sign within 0.5 is still even, so the hint for a
    sign-change answer must not call it a change of side."""
    labels = list(own.news)
    case = replace(
        own,
        yours=check._mapping((5, 5, 5)),
        theirs=check._mapping((5, 6, 5)),
        weights=check._mapping((0.25, 0.25, 0.5)),
        bar=1.0,
    )
    moves = dict(
        zip(
            labels,
            [
                ("you", "alternatives", 2),
                ("them", "information", 1),
                ("you", "power", 2),
                ("you", "information", 1),
            ],
            strict=True,
        )
    )
    balances = balances_after(case.yours, case.theirs, case.weights, moves)
    assert [round(b, 2) for b in balances.values()][:4] == [-0.25, 0.25, 0.0, 1.0]
    assert turning_point(balances) == labels[2]
    with pytest.raises(NotYet) as failure:
        check.judge_turning(case, moves, ahead_by_sign(case, moves), "a test case")
    hint = str(failure.value)
    assert "you start even" in hint and "that is a change of side too" not in hint


def test_the_moment_hints_name_only_what_each_part_accepts(own):
    """The turning point's hint never offers 'now'."""
    with pytest.raises(NotYet) as failure:
        check.judge_turning(own, news_key(own), ("later", "now"))
    assert failure.value.general == (
        "the turning point should be a news label such as 'N1', or None if it never comes"
    )
    with pytest.raises(NotYet) as failure:
        check.judge_ask(own, news_key(own), ("N1", "later"))
    assert "'now' or a news label" in failure.value.general


def test_the_reaudit_test_cases_are_fair(own):
    *clear, (never, never_moves), (edge, edge_moves) = check.reaudit_test_cases(own)
    # review 86 X1: one case has neither a turning point nor a moment to ask, clear of both
    # lines, so the None that question 4b allows is tried
    never_balances = balances_after(never.yours, never.theirs, never.weights, never_moves)
    assert turning_point(never_balances) is None and ask_moment(never_balances, never.bar) is None
    assert all(abs(b) >= 0.6 and never.bar - b >= 0.1 for b in never_balances.values())
    # the last case sits on both lines on purpose, exactly
    edge_balances = balances_after(edge.yours, edge.theirs, edge.weights, edge_moves)
    assert list(edge_balances.values())[:2] == [edge.bar, 0.5]
    for case, moves in clear:
        balances = balances_after(case.yours, case.theirs, case.weights, moves)
        assert turning_point(balances) is not None
        assert all(abs(abs(b) - 0.5) >= 0.1 - 1e-9 for b in balances.values())
        assert all(abs(b - case.bar) >= 0.1 - 1e-9 for b in balances.values())
        assert ask_moment(balances, case.bar) is not None
    asks = [
        (ask_moment(b, c.bar), best_moment(b))
        for c, m in check.reaudit_test_cases(own)
        for b in [balances_after(c.yours, c.theirs, c.weights, m)]
    ]
    assert ("now", "now") in asks and any(ask != peak for ask, peak in asks)


def test_an_own_case_hint_does_not_give_the_answer_away(own):
    """The turning point and the best moment of the learner's own case never appear in a
    hint about it."""
    balances = balances_after(own.yours, own.theirs, own.weights, news_key(own))
    right = (turning_point(balances), ask_moment(balances, own.bar))
    wrong = next(label for label in own.news if label != right[0])
    with pytest.raises(NotYet) as failure:
        check.judge_turning(own, news_key(own), (wrong, right[1]))
    assert right[0] not in str(failure.value)
    assert f"Now the balance is {balances['now']:+.2f} points" in str(failure.value)
    for moment in ("now", *own.news):
        if moment == right[1]:
            continue
        with pytest.raises(NotYet) as failure:
            check.judge_ask(own, news_key(own), (right[0], moment))
        shown = str(failure.value).replace("'now'", "")
        assert right[1] not in shown, shown


def test_reaudit_is_never_given_the_learners_own_moves(answers, capsys):
    """Issue 15 gave reaudit the learner's own case with its right moves, so that a slip in
    news_moves would not cost question 4b too; but a reaudit that printed its moves read
    question 4a's graded answers before grading, and the pass message quoted the own case's peak
    (a check revealing another question's answer). A probing reaudit now sees only the test
    cases' moves, never the own case's, and the visible check says nothing of the own case's
    balances. Fails on the old code."""
    seen = []

    def reaudit(case, moves):
        seen.append((case, dict(moves)))
        return answers["reaudit"](case, moves)

    check.reaudit(reaudit)
    s = answers["scenario"]
    key = news_key(s)
    said = capsys.readouterr().out
    assert seen and all(moves != key for _, moves in seen)
    assert all((case.yours, case.theirs) != (s.yours, s.theirs) for case, _ in seen)
    balances = balances_after(s.yours, s.theirs, s.weights, key)
    for label, balance in balances.items():
        if label != "now":
            assert f"{balance:+.2f} points" not in said, label


#: What each case's band says of the story when it refuses, and the cut-off it states:
#: question 2 refuses only a strong lead (2.5 points or more) the story rules out.
BAND_LINES = {
    "salary": ("does not put Larkfield strongly ahead", "under 2.5 points Larkfield's way"),
    "supplier": ("does not put you strongly ahead", "under 2.5 points your way"),
    "sole-source": ("does not put you strongly ahead", "under 2.5 points your way"),
    "deadline": ("does not put Brannock strongly ahead", "under 2.5 points Brannock's way"),
}

#: How the course reads each story, as the note beside a pass that reads it otherwise says.
STORY_READ = {
    "salary": "about even or in your favour",
    "supplier": "neither side strongly ahead",
    "sole-source": "in Ostra's favour",
    "deadline": "in your favour",
}


@pytest.mark.parametrize(
    ("key", "yours", "theirs", "weights", "passes", "noted"),
    [
        # -2.30: in Vell's favour, not strongly; the story puts neither side strongly ahead
        ("supplier", (4, 5, 3), (7, 3, 8), (0.3, 0.3, 0.4), True, False),
        # -3.70: strongly Vell's (its patent on the lid in use, the three-month switch), a
        # reading the story supports: a note, not a refusal (review 72 X2)
        ("supplier", (4, 4, 2), (7, 3, 8), (0.3, 0.2, 0.5), True, True),
        # +2.50: strongly yours, which turns on clients nobody outside Vell knows of
        ("supplier", (7, 7, 5), (4, 2, 6), (0.35, 0.35, 0.3), False, False),
        # +3.00: strongly yours; the salary story states no size for your lead
        ("salary", (3, 9, 5), (8, 2, 6), (0.2, 0.6, 0.2), True, False),
        # -0.25: even, the course's own reading of question 2
        ("salary", (3, 7, 4), (8, 4, 6), (0.25, 0.5, 0.25), True, False),
        # -1.00 and -1.30: Larkfield a little ahead (its pay decision; your weeks to answer)
        ("salary", (3, 7, 4), (7, 5, 6), (0.3, 0.4, 0.3), True, True),
        ("salary", (3, 7, 4), (8, 4, 7), (0.35, 0.4, 0.25), True, True),
        # -2.80: strongly Larkfield's, which the story rules out
        ("salary", (3, 5, 3), (8, 6, 6), (0.3, 0.4, 0.3), False, False),
        # -0.90 and +0.20: not your way, though the story reads you ahead
        ("deadline", (4, 3, 5), (7, 3, 5), (0.3, 0.4, 0.3), True, True),
        ("deadline", (5, 4, 6), (5, 5, 4), (0.3, 0.4, 0.3), True, True),
        # +3.30: strongly yours is still ahead
        ("deadline", (7, 5, 6), (3, 2, 3), (0.3, 0.5, 0.2), True, False),
        # -3.10: strongly Brannock's
        ("deadline", (3, 2, 3), (6, 6, 5), (0.3, 0.4, 0.3), False, False),
        # -0.25 and +0.80: even, and a little yours, where the story reads Ostra ahead
        ("sole-source", (5, 2, 4), (5, 3, 4), (0.25, 0.25, 0.5), True, True),
        ("sole-source", (5, 2, 4), (4, 2, 3), (0.3, 0.2, 0.5), True, True),
        # +2.80: strongly yours, which the story rules out
        ("sole-source", (6, 3, 5), (3, 1, 2), (0.3, 0.2, 0.5), False, False),
        # -7.20: strongly Ostra's
        ("sole-source", (2, 1, 1), (8, 8, 9), (0.3, 0.2, 0.5), True, False),
    ],
)
def test_question_2_refuses_only_a_strong_lead_the_story_rules_out_and_notes_the_rest(
    key, yours, theirs, weights, passes, noted
):
    """Question 2 refuses a balance only when it puts a side strongly ahead (2.5 points or
    more) the way the story rules out; a reading off the story's line by less passes with
    a one-line note saying how the course reads the story and why, and the refusal states
    its cut-off and what the story says."""
    (band,) = [r for r in CASES[key]._rules if r.kind == "band"]
    audit = [dict(zip(SOURCES, v, strict=True)) for v in (yours, theirs, weights)]
    assert band.holds(*audit) is passes
    line, cut_off = BAND_LINES[key]
    them = CASES[key].them.split(",")[0]
    assert check._because(band, them).endswith(line)
    words = check._rule_words(band, them)
    assert cut_off in words and "the course calls" in words
    s = _one_learner_per_case()[key]
    note = check._off_the_line(s, *audit)
    if passes and noted:
        assert "not a fault" in note and STORY_READ[key] in note and band.because in note
        assert note.count("\n") == 1
    elif passes:
        assert note == ""
    assert not [r for r in CASES[key]._rules if r.kind == "leads"]


def test_question_2_s_story_lines_name_what_each_side_holds():
    """The salary line weighs your offers against Larkfield's pay decision, its market
    knowledge and the deadline it set for your answer. Section 2 files a deadline under the
    side it presses, as that side's shrunken alternatives, so the line names it as your two
    weeks to answer, not as Larkfield's asset ('its two-week deadline'); the deadline line
    gave the owner's weakness as a reason the owner is ahead ('while')."""
    bands = {key: next(r for r in case._rules if r.kind == "band") for key, case in CASES.items()}
    salary = bands["salary"].because
    assert "three weeks you have to answer it, which shrink your alternatives" in salary
    assert "its two-week deadline" not in salary
    assert "even though the firm that viewed" in bands["deadline"].because
    assert "while" not in bands["deadline"].because


# --- question 5 --------------------------------------------------------------------------


def test_the_tactics_shown_are_used_before_any_of_the_news(own):
    """Some tactics rest on an offer a news item withdraws; the list says when they are
    used, so the news does not change their kind."""
    shown = own.show("tactics").markdown
    assert "each used at the first meeting, before any of the news" in shown


def test_each_tactic_earns_half_a_point_with_its_own_feedback(own, graded):
    key = tactic_key(own)
    first, kind = next(iter(key.items()))
    wrong = "legitimate" if kind != "legitimate" else "bluff"
    outcome = check.classify_tactics(lambda: {**key, first: wrong}, hidden=True)
    assert (outcome.earned, outcome.possible) == (1.5, 2)
    failed = [o for o in outcome.outcomes if not o.passed]
    assert [o.check for o in failed] == [f"tactic {first}"]
    assert check.NOT_KIND[wrong] in failed[0].message
    accepted = tactic_kinds_accepted(own)
    for o in outcome.outcomes:
        label = o.check.split()[-1]
        if o.passed and len(accepted[label]) == 1:
            assert check.KIND_NAME[key[label]] in o.message
        elif o.passed:
            assert "is on the line" in o.message and "Either answer is accepted" in o.message


@pytest.mark.parametrize(
    "text",
    [t.text for t in _TACTICS if t._also],
)
def test_a_tactic_on_the_line_accepts_both_kinds_and_no_other(own, text):
    """A threat or warning you would not carry out, or information got under a false name, may be called
    either of its two kinds; any other kind is told why it does not fit, and that reason is true
    of the tactic."""
    tactic = next(t for t in _TACTICS if t.text == text)
    s = replace(own, case=tactic.case, tactics={"T1": text})
    for kind in tactic._kinds:
        assert "Either answer is accepted" in check.judge_tactic(s, "T1", {"T1": kind})
    for kind in set(check.KIND_NAME) - set(tactic._kinds):
        with pytest.raises(NotYet) as failure:
            check.judge_tactic(s, "T1", {"T1": kind})
        assert check.NOT_KIND[kind] in str(failure.value)


@pytest.mark.parametrize("label_all", ["legitimate", "bluff", "misrepresentation", "illegitimate"])
def test_one_run_with_one_kind_for_everything_gives_no_answer_away(own, label_all, graded):
    """A wrong kind is told why it does not fit, never which kind does, so labelling everything
    "bluff" reveals only which tactic is the bluff."""
    key = tactic_key(own)
    outcome = check.classify_tactics(lambda: dict.fromkeys(key, label_all), hidden=True)
    for o in outcome.outcomes:
        if o.passed:
            continue
        others = set(check.KIND_NAME) - {label_all}
        assert not any(check.KIND_TEST[k] in o.message for k in others), o.message
        assert not any(check.KIND_NAME[k] in o.message for k in others), o.message


def test_the_bluff_feedback_says_ordinarily_as_the_model_rule_does():
    """A bluff is not 'not taken as fact' outright; by convention it is ordinarily not taken as
    a statement of material fact, and the hint for a bluff called a misrepresentation says so
    instead of denying it is false."""
    assert "ordinarily not taken as a statement of material fact" in check.KIND_TEST["bluff"]
    assert "negotiators do not take" not in check.KIND_TEST["bluff"]
    assert "ordinarily not taken as one" in check.NOT_KIND["misrepresentation"]


def test_an_unknown_kind_is_explained(own):
    key = tactic_key(own)
    said = miss(check.classify_tactics, lambda: dict.fromkeys(key, "shady"))
    assert "should be one of 'legitimate', 'bluff'" in said


# --- the notebook's text -------------------------------------------------------------------


def _cell(grade_id):
    from tests.notebooks import source_notebook

    cells = source_notebook("00_leverage", "leverage").cells
    return next(c.source for c in cells if c.metadata["nbgrader"]["grade_id"] == grade_id)


def _readme_section(title):
    """The text of the README's section headed ``title``, to the next heading."""
    text = (Path(__file__).parent.parent / "README.md").read_text()
    return text.split(f"#### {title}\n")[1].split("\n#")[0]


def _words(text):
    return re.sub(r"[^a-z0-9' ]+", " ", text.lower()).split()


def test_the_widget_comes_after_question_2_and_question_3b_s_case_after_question_3():
    """Question 2 asks for an audit of one's own before the widget's version of the case, so the
    widget now follows question 2; the shorter budget, which says the best plan needs more days,
    is shown after question 3, not before."""
    from tests.notebooks import source_notebook

    cells = source_notebook("00_leverage", "leverage").cells
    ids = [c.metadata["nbgrader"]["grade_id"] for c in cells]
    assert ids.index("my-audit-test") < ids.index("audit-widget-text") < ids.index("audit-widget")
    assert ids.index("best-plan-test") < ids.index("plan-judgement-case")


def test_the_model_answer_of_question_3b_is_a_real_supplier_draw():
    """The model answer gave the accounts step a gain of 0.20, which no supplier learner can
    have (information weighs 0.35 to 0.55 there). It now quotes a real draw, learner model-1992,
    and every number it states is that learner's: the budgets, the gains, the best plan at each
    budget, and the switch to a step the full plan left out."""
    from course.scenarios.leverage import best_plan

    s = course.variant("00_leverage", "model-1992")
    firms, asked, forecast = s.steps
    assert s.case == "supplier" and (s.budget, s.short_budget) == (11, 8)
    assert firms.startswith("Ask firms that left Vell") and asked.startswith("Ask Bellpak")
    assert [s.steps[n] for n in s.steps] == [
        ("information", 2, 6, 0.7),
        ("alternatives", 1, 4, 0.55),
        ("power", 2, 3, 0.9),
    ]
    assert (tuple(s.yours.values()), tuple(s.weights.values())) == ((7, 5, 3), (0.4, 0.3, 0.3))
    gains = step_gains(s)
    assert [round(gains[n], 2) for n in (firms, asked, forecast)] == [0.56, 0.17, 0.54]
    assert set(best_plan(s)) == {firms, forecast}
    assert round(gains[firms] + gains[forecast], 2) == 1.10
    short = best_plan(replace(s, budget=s.short_budget))
    assert set(short) == {asked, forecast}
    assert round(gains[asked] + gains[forecast], 2) == 0.71
    per_day = [round(gains[n] / s.steps[n][2], 2) for n in (forecast, firms, asked)]
    assert per_day == [0.18, 0.09, 0.04]
    # deferring the forecast, the firms alone are the best plan of 8 days
    without = replace(s, budget=s.short_budget, steps={n: s.steps[n] for n in (firms, asked)})
    assert set(best_plan(without)) == {firms}
    text = " ".join(_cell("plan-judgement").split())
    for quoted in (
        "learner id `model-1992`",
        "expected gains 0.56, 0.17 and 0.54",
        "(1.10 in 9 days)",
        "8 if the talks are brought forward",
        "add 0.71 in 7 days",
        "The firms alone add 0.56 in 6 days",
        # review 91 X2: the answer argues from totals, not rates per day
        "The totals decide, since a day left unused adds nothing.",
        "a step my first plan left out",
    ):
        assert quoted in text, quoted
    assert "0.20, 0.60 and 0.25" not in text


def test_the_questions_come_in_the_order_of_their_numbers():
    """Question 3c came before 3b. The headings now run in order, and question 4c, new (setting
    the need was never practised), is graded by the instructor for 1 mark with a rubric that
    asks for no hindsight."""
    from tests.notebooks import source_notebook

    cells = source_notebook("00_leverage", "leverage").cells
    numbers = [
        m.group(1)
        for c in cells
        for m in [re.search(r"^### Question (\d+[a-z]?) ", c.source, re.M)]
        if m and c.cell_type == "markdown"
    ]
    assert numbers == ["1", "1b", "2", "3", "3b", "3c", "4a", "4b", "4c", "5"], numbers
    meta = next(
        c.metadata["nbgrader"]
        for c in cells
        if c.metadata.get("nbgrader", {}).get("grade_id") == "spend-judgement"
    )
    assert meta["points"] == 3 and meta["grade"] and meta["solution"]
    rubric = " ".join(_cell("spend-judgement").split())
    assert "not the peak seen looking back" in rubric
    assert "four pieces of writing" in " ".join(_cell("intro").split())


def test_question_4b_asks_for_the_moment_not_the_rule_section_5_teaches():
    """Question 4b restated section 5's rule for an ask step by step ("now" if the balance
    reaches the need before any news, else the first label after which it does), so the
    answer was transcription; it now asks for the moment and points to the rule. The
    judgement of when to ask (where to set the need, whether a foreseeable reason to wait)
    is question 4c, raised to 2 marks, a mark each, and (review 73 X1) to 3, with a second
    mark for part 2's weighing of that reason against the learner's own clock."""
    q4b = " ".join(_cell("q4b-text").split())
    assert "else the first label after which it does" not in q4b
    # review 78 X1: the moment is section 5's rule, pointed to; review 79 X1: waiting is 4c's
    assert "when section 5's rule makes the ask whose bar is `case.bar`" in q4b
    assert "question 4c questions it (your bar, and whether to wait past it)." in q4b
    shift = " ".join(_cell("shift-teaching").split())
    assert "make the ask the first time your balance reaches it" in shift
    q4c = " ".join(_cell("q4c-text").split())
    assert "### Question 4c (3 marks, graded by your instructor)" in q4c
    rubric = " ".join(_cell("spend-judgement").split())
    assert "Rubric (3 marks: one for part 1, two for part 2)" in rubric


def test_no_trust_step_is_a_task_already_owed():
    """The salary case's trust step was delivering the paid trial task Larkfield had set, which
    is owed, yet a plan could leave it out and get its days back (85 of 117 salary learners drew
    it). Every trust step is now something nobody asked for, and none names a task set or a
    promise."""
    from course.scenarios.leverage import STEPS

    unasked = ("nobody asked", "does not require", "before anyone asks", "before it asks")
    for step in STEPS:
        if step.trust:
            assert any(words in step.name for words in unasked), step.name
            assert not re.search(r"promised|set you|trial task", step.name), step.name


def test_question_3b_s_rubric_says_how_often_the_plan_switches():
    """The rubric said the best plan at the shorter budget 'for most learners brings in a step
    the full plan left out'; it does for 72 of 400 learners, and is the full plan less a step
    for the other 328. The rubric now says one in five (88 of 400 since question 2's bands
    follow their story lines and no step passes a story's ceiling), and a second model answer,
    learner model-2028's real deadline draw, drops a step; every number it states is that
    learner's."""
    # how often, counted over the sweep's 2,000 learners: tests/test_variants_sweep_leverage.py
    from course.scenarios.leverage import best_plan

    text = " ".join(_cell("plan-judgement").split())
    assert "which for most learners brings in" not in text

    s = course.variant("00_leverage", "model-2028")
    agents, advertise, records = s.steps
    assert s.case == "deadline" and (s.budget, s.short_budget) == (9, 6)
    assert agents.startswith("Ask local agents") and records.startswith("Send Brannock's")
    assert [s.steps[n] for n in s.steps] == [
        ("information", 2, 4, 0.85),
        ("alternatives", 2, 7, 0.8),
        ("power", 2, 3, 0.7),
    ]
    assert (tuple(s.yours.values()), tuple(s.weights.values())) == ((5, 3, 6), (0.3, 0.4, 0.3))
    gains = step_gains(s)
    assert [round(gains[n], 3) for n in (agents, advertise, records)] == [0.51, 0.64, 0.42]
    assert set(best_plan(s)) == {agents, records}
    assert set(best_plan(replace(s, budget=s.short_budget))) == {agents}
    for quoted in (
        "learner id `model-2028`",
        "expected gains 0.51, 0.64 and 0.42",
        "(0.93 in 7 days)",
        "6 if the talks are brought forward",
        "the agents add 0.51 to the records' 0.42",
        f"{agents}",
        f"{advertise}",
        f"{records}",
    ):
        assert quoted in text, quoted


def test_section_2_does_not_sort_a_fact_question_1b_can_ask_about():
    """The facts question 1b asks a reason for (those that look like another source) are not
    among section 2's worked examples: no run of four of a fact's words appears in the section."""
    section = " ".join(_words(_cell("sources-teaching")))
    for fact in _FACTS:
        if not fact._lookalike:
            continue
        words = _words(fact.text)
        for i in range(len(words) - 3):
            assert " ".join(words[i : i + 4]) not in section, (fact.text, words[i : i + 4])


def test_no_line_of_prose_runs_far_past_the_others():
    """A markdown line of about 160 characters in section 1 (and three more over 95). Tables and
    displayed formulas are left as they are."""
    from tests.notebooks import source_notebook

    long = [
        line
        for c in source_notebook("00_leverage", "leverage").cells
        if c.cell_type == "markdown"
        for line in c.source.splitlines()
        if len(line) > 96 and not line.startswith("|") and "$$" not in line
    ]
    assert not long, long


@pytest.mark.parametrize(
    ("grade_id", "present", "absent"),
    [
        # the modules' filings of a deadline are not said to be the same thing
        ("sources-teaching", "the other side's deadline is your information", "describe the same"),
        # rule 1 is about finding out what was already true
        ("sources-teaching", "finds out *that* something was already true", None),
        # the shadow of the future is Axelrod's analysis, not a tournament result
        # review 69 U4: the literature behind section 4's trust step is in the closing notes
        # review 91 U2: the repeated game moved from the closing notes into section 4
        ("build-teaching", "showed in theory that cooperation is stable only", "held up when"),
        # an honest duration
        ("intro", "5 to 7 hours", "about 3½ hours**"),
        # the audit's limits are practised in the reflection
        ("reflection-text", "one thing the weighted sum misses here", None),
        ("reflection", "What the sum misses", None),
        # a shorter budget drawn so the best plan no longer fits
        ("plan-judgement-text", "`scenario.short_budget`", "two working days earlier"),
        # marks for grading, points for the leverage scale
        ("intro", "counted in **marks**", None),
        ("q1-text", "Each fact earns 0.4 marks", "0.4 points"),
        ("q4b-text", "Return `(turning_point, ask_at)`, a mark each", "A point for each part"),
        # one dependence rated from two sides is not counted once
        # review 86 U2: two weights, not one
        (
            "audit-teaching",
            # review 95 U1: the sum said plainly; "for both sides" moved to the definition
            "the weight of alternatives plus the weight of power",
            "share one weight",
        ),
        # a former manager may be bound to confidentiality
        ("sources-teaching", "in the trade press", "former manager"),
        # the arithmetic's step of 2 fails for alternatives here
        # review 69 U4: the reading of the sole-source advice is in the closing notes
        # review 95 U4: its reason moved to an aside under the widget's prompt
        ("audit-widget-text", "where a step is far slower", "closing notes say why"),
        # jargon glossed
        ("build-teaching", "each side gains by cheating in one round", None),
        # materiality is what a reasonable person would weigh
        (
            "ethics-teaching",
            "a *material* fact is one that a reasonable person would weigh",
            "one that would change the other side's decision",
        ),
        # going back on your word is not a trade-off
        ("ethics-teaching", "Going back on your word", None),
        ("ethics-teaching", "breaks your word", None),
        # review 86 U4: part 2 asks three things
        ("plan-judgement-text", "Say three things:", "when could a move"),
        ("plan-judgement", "I would not do it", "worth it only if I never"),
        # the model answer compares plans by their numbers
        (
            "plan-judgement",
            "the forecast and the question to Bellpak and Corrin add",
            "costs me nothing",
        ),
        # no step keeps a promise already made; 3b says so
        ("build-teaching", "Keeping a promise already made is never a step", None),
        ("plan-judgement-text", "leaving it out breaks no promise", "is the step worth its days?"),
        ("plan-judgement", "8 if the talks are brought forward", "8 days if the talks"),
        # a pretext call is filed by its source, as in module 01
        ("ethics-teaching", "filed here by where the information comes from", None),
        ("q5-text", "a lie told to get information), either of its two kinds", None),
        # a pretext lie also fits the module's misrepresentation
        # review 89 U1: said once, in question 5
        ("ethics-teaching", "calling it a misrepresentation is also a fair reading.", None),
        ("q5-text", "either of its two kinds is accepted.", "too, either kind is"),
        # what a tactic states is true unless it says otherwise
        ("q5-text", "Unless a tactic says otherwise, what it states is true", None),
        # a tactic resting on an offer the news withdraws: it is used before the news
        ("q5-text", "Each tactic is used at the first meeting, before any of the news", None),
        # being right helps when shown by a standard the other side accepts
        ("what-teaching", "by a standard the other side accepts", "being right, being large"),
        # the survey's sample was MBA students
        ("ethics-teaching", "surveys of MBA students", "most negotiators accept"),
        # the outside option against the disagreement point, with its sources
        # section 2's first question is about knowledge, not assets held; review 76 U2:
        # records and know-how are listed under the third question, not as an exception
        ("sources-teaching", "records or know-how the other side relies on", "not knowledge in"),
        # four kinds listed, going back on your word after the list
        ("ethics-teaching", "none of question 5's tactics is of this kind", "- **Going back"),
        ("ethics-teaching", "a buyer for the van", "an buyer"),
        # the rule for a deadline, in one sentence
        ("sources-teaching", "A deadline goes into the alternatives of the side it presses", None),
        # unclear passages: marks in headings, scenario before case, becoming even
        ("q3-text", "(2 marks)", "(2 points)"),
        ("intro", "dict(scenario.yours)", "dict(case.yours)"),
        ("q4b-text", "Becoming even counts as a change", None),
        # section 6's examples come from another setting
        ("ethics-teaching", "used van", "95,000 is the least"),
        # the scenario's fields are read-only mappings
        ("intro", "read-only mappings", "`scenario.weights` is a dict"),
        # the Model Rules are a model most states adopt; review 114 E1: every state's rules
        # now follow it, so the text names lawyers' conduct rules in the US, not "most states"
        (
            "ethics-teaching",
            "Lawyers' conduct rules in the US tolerate it",
            "rules that bind lawyers",
        ),
        ("ethics-teaching", "by the comment to the American Bar Association's", "most US states"),
        # the starting audit is drawn per learner
        ("q2-text", "a starting audit drawn for you", "everyone with your case uses"),
        # the expected-gain rule's assumptions, and thresholds
        ("build-teaching", "compare plans by their chance of getting there", None),
        # the need is a decision rule, not a forecast
        ("shift-teaching", "not a forecast", None),
        # pay records are not a colleague's to give (review 76 E1: bands are not secret
        # in general; pay-transparency laws make employers give them)
        ("build-teaching", "not pay records they handle for their employer", None),
        # Emerson's account covers power and alternatives, not information
        # review 70 U4: the advice's levers are Emerson's only for alternatives and power
        (
            "audit-widget-text",
            "with the levers that answer it (Emerson's, for alternatives and power)",
            "with Emerson's levers for it",
        ),
        # the model reflection's flats are found online, then viewed
        ("reflection", "I have found two flats online", "book viewings of the two flats"),
        # "in full" is said of an outside option that binds, as in module 03; a breakdown payoff
        # counts by half (not "always")
        # review 69 U4: the note no longer gives a binding option's rate (module 03 does)
        # review 91 U3: "at the table" was undefined in module 00; "anyway", with an example
        ("audit-limits", "counts only when it beats what the deal would give you anyway", "fully"),
        # module 03's name for it, which becomes the disagreement point
        # which kind a BATNA usually is
        # the showcase ask needs +1.75, well clear of +2.05
        # review 94 U3: the bar now follows from the case's first rung, given in the text
        # review 100 C1 (round 101): the owner could see a reason to wait, so no "would have"
        ("shift-teaching", "the bar at $+1.75$ points, first reached", "$+2.00$"),
        # review 69 U4: the cut-offs' caveat is in the closing notes (review 80 C3: the note
        # on other modules' words is gone, module 02 now using these four kinds); review 80
        # C1: it names the ladder as the exercises' finer count
        # review 90 U1: the caveat moved from the closing notes to the ladder it qualifies
        ("shift-teaching", "the exercises count finer to stay exact", None),
        ("summary", "doing, freely, more than you owe builds it", "a kept promise builds it"),
        ("audit-teaching", "Then share that total between alternatives and power", "not a cure"),
        # review 72 U1: the example of the feedback is cut; the intro still counts marks
        ("intro", "What a question earns is counted in **marks**.", "points earned"),
        # neither the widget nor section 5 reads any learner's graded news: the widget
        # plays practice news only, whatever learner the kernel claims
        (
            "shift-teaching",
            "the sides are even, and the next puts Brannock",
            "a point of the owner's",
        ),
        ("shift-teaching", "The peak is plain only looking back", "the widget leaves them out"),
        # Schelling's words are named by their work (review 55, U3)
        (
            "ethics-teaching",
            "Schelling (*The Strategy of Conflict*, 1960; *Arms and Influence*, 1966)",
            "use Schelling's",
        ),
        # leverage works through perception; the audit rates holdings (review 55, C1)
        ("audit-limits", "not what the other side believes it has", None),
        ("audit-widget-text", "No question grades its news.", "leaves out"),
        ("q4-text", "plays none of your news, nor the practice case's", "plays only practice news"),
        ("audit-widget", "LeverageAudit(without_news_of=scenario)", None),
        # the answer cell no longer dictates the algorithm
        ("best-plan-answer", "### BEGIN SOLUTION", "list every set of steps"),
        ("q3-text", "For many learners that plan is not the best", None),
        # what "strong" is used for (review 94 U4: in question 2, not the balance's definition)
        ("q2-text", "no strong lead (2.5 points or more) the story rules out", "no answer turns"),
        # question 2 refuses only a strong lead the story rules out, and notes the rest
        # (review 80 U2: says what it notes; review 94 U4: in question 2's folded box;
        # review 95 U2: the rules for notes are the instructor's, in the README)
        (
            "q2-text",
            "no strong lead (2.5 points or more) the story rules out",
            "A lead under 2.5 points that reads the story otherwise passes with a note",
        ),
        # terms are glossed at their first use
        # review 61 U2: the intro names marks only, and leaves points to section 3 (review 72
        # U1: which defines them, so the intro no longer points there)
        ("intro", "counted in **marks**", "rating points"),
        ("audit-teaching", "in **points** from 0 to 10", None),
        ("what-teaching", "an ask (a request you put to the other side)", None),
        # review 98 U1 (round 99): misrepresentation is defined in its bullet before the
        # edge cases use it, so the gloss that repeated the definition is cut
        ("ethics-teaching", "- **Misrepresentation.** A false statement of a fact", None),
        ("plan-judgement-text", "Which plan would you take instead, and why?", "drop or change"),
        # deal-me-out is Shaked and Sutton's, tested by BSS
        # review 76 U1: the side note is cut; the limit names the model and its authors
        # review 91 U3: the authors moved to the closing notes
        (
            "summary",
            "The deal-me-out model is Shaked and Sutton's (1984),",
            "result of Binmore, Shaked",
        ),
        # a demand tied to what you would really do is a warning, as in modules 02, 03
        (
            "ethics-teaching",
            "a warning is usually weaker than calmly naming the same offer",
            "A threat you would carry",
        ),
        ("ethics-teaching", "a *threat* ties a demand to something you would rather not", None),
        # every trust-spending item is a broken word, or taken as one
        ("build-teaching", "a move that breaks your word (or that the other", "finds unfair"),
        ("plan-judgement-text", "its news item in which your broken word spends it", "find unfair"),
        ("summary", "a move the other side takes as breaking it", "finds unfair"),
        # the audit's words are glossed before section 2 uses them
        ("sources-teaching", "Section 3 rates each side on each source, from 0 to 10.", None),
        # why trust in a side's word is filed under power
        ("sources-teaching", "a record of keeping your word is something you built", None),
        # scenario.prepared_ask can be None
        ("q3c-task", "if `scenario.prepared_ask` is not `None`", None),
        # marks for questions
        ("fact-reason", "Rubric (1 mark)", "Rubric (1 point)"),
        # the sentence on which source weighs most, and the fact that loosens it
        # section 3 no longer says what moves the pay in a job search
        (
            "audit-teaching",
            "Then share that total between alternatives and power",
            "move the pay most",
        ),
        # the one rule a fact lifts is named, with its case
        (
            "q2-text",
            # review 70 U3: said plainly; review 74 X2: the story's line decides, not the
            # learner (only its direction passes)
            # review 78 U5: said so it parses
            "the hint quotes the story's line; it does not say which side your ratings should",
            "yours to decide",
        ),
        # deal-me-out is a sharp threshold: any option below the table share changes nothing
        # review 91 U3: said with an example; modules 02 and 03 make it exact
        # review 100 U2 (round 101): with module 03's name for it, which the notes cite
        # review 110 U4 (round 111): the name stands on the sentence that states the result
        ("audit-limits", "you anyway (module 03's *deal-me-out* result)", "well below"),
        # section 2's convention is noted by question 2's check, not held against the audit
        (
            "q2-text",
            # review 86 U1: advice, which question 2 passes with a note; review 87 U1: stated
            # once, in question 2's bounds
            "information weighs at least 0.15 (down to 0.1 passes, with a note)",
            "which question 2's check applies",
        ),
        # where the time goes
        ("intro", "four pieces of writing, for which allow an hour to an hour and a half", None),
        # the boundary cases are announced
        ("q3c-task", "leave the balance exactly on the bar", None),
        ("q3c-task", "gets there when only some of its steps come through", None),
        (
            "q4b-text",
            "six test cases on your news labels (one puts the balance",
            "five test cases",
        ),
        # a copy of a shown audit, or the starting audit within a point, is noted for the
        # instructor, not refused (review 68 X4: honest readings were scored 0)
        # (review 95 U2: the rule is the instructor's, in the README; the note the learner
        # sees gives it)
        (
            "q2-text",
            "Later questions use a starting audit drawn for you.",
            "with its ratings moved by 1 at most in all, passes with a note",
        ),
        # question 2's check: what it accepts, and what it quotes for an audit it refuses
        ("q2-text", "told each statement or bound it contradicts", "(its feedback"),
        # the audit holds a rating still until news moves it; a nearing deadline is re-rated
        ("shift-teaching", "The audit does not age a rating by itself", None),
        # the old rent, which moves both sides' payoffs, is gone
        # section 5 agrees with question 4c's model answer on waiting
        # review 100 C1 (round 101): the run had that reason, and section 5 now says so
        # review 114 C3: only a short wait, as question 4c's model answer says
        ("shift-teaching", "This owner could, briefly: the first item showed", "sound decision"),
        # review 82 U5: "conservative" read as if asking early were the risky move
        (
            "shift-teaching",
            # review 100 C1 (round 101): "bets on no unseen news" was hard to parse
            "Ask at first reach: waiting is a bet on news",
            "conservative",
        ),
        ("shift-teaching", "waiting is a bet on news you cannot see", "with nothing else moving"),
        # question 2 states the bounds its check sets on every case (weights and balance)
        (
            "q2-text",
            # review 72 U3: the bounds themselves, in one sentence
            # review 86 U6: a list
            "- every weight from 0.1 to 0.7, and no rating below 1;",
            None,
        ),
        # review 61 C1: and on a few single ratings (review 75 U1: worded as a bound, not as
        # something the check accepts; review 102 X3: a rating past one passes with a note)
        ("q2-text", "A rating past a bound the course sets on your story's plainest", None),
        # section 3 no longer points ahead to a term section 4 defines
        (
            "audit-limits",
            "It makes your judgement explicit, one rating at a time.",
            "Section 4 defines an",
        ),
        # section 5's figures are the case's own starting audit, which the learner may have
        # changed in the exercise just before
        (
            "shift-teaching",
            # review 78 U3: one starting audit per case; the widget's is named as such
            "with the widget's audit of the deadline case (not yours; press",
            "the case's own starting audit",
        ),
        # itertools.product in the primer; an ask and its need defined where question 3c first
        # needs them; "strong" in one aside
        ("intro", "`itertools.product((True, False), repeat=k)`", None),
        ("q3c-task", "a plan of three steps has eight", None),
        # review 78 U2: section 1 defines an ask; section 4 only its bar
        ("build-teaching", "An ask's **bar** is the balance you decide", "an *ask* is one request"),
        ("audit-teaching", "calls the balance *strongly* in one", "calls the balance **strong**"),
        # the balance runs from -10 to +10: 2.5 points is a quarter of the rating scale only
        ("audit-teaching", "a quarter of the 0–10 rating scale", "a quarter of the scale,"),
        # the 1984 paper is named in full
        # Q1b asks why the fact is not the lookalike, not the learner's own source
        ("q1b-text", "which source could it be mistaken for, and why does it not", None),
        # the primer says how to import what it shows from itertools
        ("intro", "from itertools import combinations, product", None),
        # "legitimate" is kept for section 6's ethics; authority is a rightful say
        ("sources-teaching", "accepts as rightfully yours (authority", "accepts as legitimate"),
        # the six weeks are in the deadline story, not news: the reason to wait was known from
        # the start, in question 4c's model answer; section 5 names only the kind
        ("shift-teaching", "can see at that moment", "the refusal itself told"),
        ("spend-judgement", "I knew from the story that", "cannot be extended"),
        # the half-unit rule is the symmetric Nash split's; only leverage comes in points, a
        # rating rises by a bare number (review 77 U4: "rating points" beside "points" was
        # two units in one parenthesis); where the reading time goes
        # review 88: the cap's example in section 4's text is cut (a repeat); the worked step
        # after the starting audit teaches it
        ("gain-explained", "can add only 2 to the rating", "adds 1. And"),
        # review 83 U5: the parenthesis that said so read like a trap and is cut
        ("audit-teaching", "in **points** from 0 to 10:", "rating points"),
        # section 1 is the densest reading and had no time (review 72 U1: its reading is
        # counted in the module's 5 to 7 hours, with no separate figure)
        ("intro", "It takes most people **5 to 7 hours** (4 to 5 if", "45 minutes"),
        # "about 3" hours was optimistic for a careful writer
        ("intro", "(4 to 5 if you are at ease with Python,", "about 3 if"),
        # reading alone is about 70 minutes: a learner new to Python needs the upper end
        ("intro", "8 if you are new to it)", None),
        # the course's convention: a bluff misstates your limit or your intention; a threat or
        # warning you would not carry out sits on the line (review 69 C1: not "a threat" alone)
        ("ethics-teaching", "about your own reservation price", None),
        ("ethics-teaching", "A false *intention*, such as a threat or warning you would not", None),
        # one word, one idea: question 3c's balance is an ask's bar, not a negotiation target
        ("q3c-task", "Write `reach_plan(case, bar)`", "reach_plan(case, target)"),
        ("reach-plan-answer", "def reach_plan(case, bar):", None),
        # a drawn fact rules out a 0
        # section 6 defines its four kinds; the closing notes compare them with other modules'
        ("ethics-teaching", "also a fair reading.", "and question 5 accepts either"),
        # only a deadline that presses one side helps the other when known; a final deadline
        # ends the talks for both (Moore, 2004)
        # review 110 C1 (round 111): section 5 states the one rule; the side note points there
        (
            "sources-teaching",
            "Whether it is a reason to wait is section 5's rule",
            "knowing its deadline",
        ),
        ("summary", "The unexpected benefits of final deadlines in negotiation", None),
        # four cases, so learners of one case share facts and news
        # review 72 U1: the intro says only that cases are drawn with numbers of their own
        ("intro", "one of four cases, with numbers of their own.", "your answers are yours alone"),
        # the other side's deadline strengthens you as it comes closer; what fades is a rival's
        # interest or an offer you hold until a date
        (
            "shift-teaching",
            "The other side's deadline does the opposite: your edge from it grows as it nears",
            "such as the other side's deadline or",
        ),
        ("spend-judgement", "a rival's offer to them known to lapse", "a rival offer known"),
        # a reason to wait weighs the other side's clock against the learner's own: the
        # owner's clock is one the story shows: no second tenant if Brannock walks (a loan
        # payment the learner never saw was used here until review 56)
        ("spend-judgement", "weighed against the learner's own clock", None),
        ("spend-judgement", "so if Brannock finds another site I have no tenant", None),
        ("q4c-text", "then weigh it against your own clock", None),
        # review 103 C2: a reason to wait is a cost of delay that presses them more than you
        ("shift-teaching", "a cost of delay that falls on Brannock far", "known to be coming"),
        # module 05 files a deadline under power; the learner is told to move it
        # filing trust under power is a choice, and the text names the other filing
        ("sources-teaching", "This course rates their trust in your word under power", None),
        ("sources-teaching", "counts the relationship as a source of its own", None),
        # section 1's bargaining theory is a preview, practised in modules 02 and 03
        # review 68 U2: the reflection asks for the deal-me-out limit (review 76 U1: which
        # section 3 now states as one limit, with no side note)
        ("reflection-text", "an outside option worth less than what the deal would give", None),
        # the turning point defined where it is first named
        # (review 73: where question 4b asks for it; section 3 no longer names it early)
        ("q4b-text", "`turning_point`: the first label after which the side ahead", None),
        ("audit-teaching", "The course calls the sides **even** when", "*turning point*"),
        # question 4b says the news stops at the ends of the scale, as shifted does
        # (review 89 U1: once, in the check's note; section 4 says what shifted does)
        ("q4b-text", "each as `shifted` does.", "a rating stops at 0 and at 10"),
        ("q4b-text", "a move would take a rating past 10", None),
        # reading a filing adds little; working through public sources can earn more, as
        # the supplier case's accounts step does (review 83 U3: said plainly)
        ("sources-teaching", "that they do not expect you to know earns more", "expects you to go"),
        # the re-audit example agrees with the deadline case: yours is the only siding nearby
        ("shift-teaching", "owner farther out offered Brannock", "like yours"),
        # review 68 C2: in Emerson's terms the siding is needed less; the audit records the
        # fall once, in Brannock's alternatives, not again in the owner's power
        (
            "shift-teaching",
            # review 72 C2: the rating that moves rises; it is named as a rise
            "The audit records that change once, as a rise in Brannock's alternatives (weight "
            # review 102 U4 (round 103): the reason follows in brackets
            "0.45), and not a second time as a fall in the owner's power, which stays as rated",
            "since the owner's siding is still the only one nearby",
        ),
        # review 68 U5: what the other side's deadline does, and review 79 E1: a final
        # deadline presses both sides (tests/test_leverage_review80.py)
        (
            "shift-teaching",
            "your edge from it grows as it nears, but only while a deal with you is still their",
            "strengthens you, until it has passed",
        ),
        # review 68 C1: the model answer for model-1992 says which plan the learner takes
        (
            "plan-judgement",
            "My final plan for the 8 days is therefore the firms alone (0.56 in 6 days), not "
            "part (1)'s plan: what the forecast reveals is a cost part (1) missed",
            "with 8 days that leaves the firms alone before the talks",
        ),
        (
            "plan-judgement",
            "earns both marks when it says which plan the learner takes",
            None,
        ),
        # two of section 2's three examples come from no case of the module
        ("sources-teaching", "| an example | module |", "this module's cases"),
        # what a learner whose scenario.prepared_ask is None does in question 3c
        ("q3c-task", "If it is `None` (the cell above says so), try bars", None),
    ],
)
def test_each_cell_states_its_corrected_claim(grade_id, present, absent):
    text = " ".join(_cell(grade_id).split())
    assert present in text
    assert absent is None or absent not in text


def test_the_time_in_the_course_map_matches_the_notebook():
    from course.course_map import MODULES

    # the map's time lies in the text's range: 5 to 7 hours, with the practice cases and
    # an hour to an hour and a half for the four written answers (3b and the reflection
    # alone have model answers of about 300 words each)
    intro = " ".join(_cell("intro").split())
    assert "5 to 7 hours" in intro and "one short practice case" in intro
    # the practice case is one case (practice_for), practised in three questions
    assert "three short practice cases" not in intro
    assert "for which allow an hour to an hour and a half" in intro
    assert "about half an hour" not in intro
    assert 300 <= next(m for m in MODULES if m.folder == "00_leverage").minutes == 360 <= 420


def test_only_information_is_worded_as_knowing_or_finding_out():
    """The fact "Brannock finds a smaller warehouse" is alternatives, but section 2's first
    question sends anything a side finds out to information; no fact or piece of news of another
    source uses the words of knowing or finding out, but for know-how, which section 2's third
    question files as power (review 77 X1: a fact of know-how says "know", so that the word
    alone does not sort question 1's facts)."""
    knowing = re.compile(r"\b(know|knows|knew|learn|learns|find|finds|found|finding)\b", re.I)
    know_how = re.compile(r"\bknows? how to\b", re.I)
    for item in (*_FACTS, *_NEWS):
        if item._source != "information":
            assert not knowing.search(know_how.sub("", item.text)), item.text


def test_news_moves_is_not_called_practice_in_building_leverage():
    """Reading news is not strengthening leverage before the table (idea 5); the map lists the
    plan and its written judgement there."""
    from course.course_map import IDEAS

    idea = next(i for i in IDEAS if i.number == 5)
    assert ("00_leverage", "news-moves-test") not in idea.exercised
    assert ("00_leverage", "plan-judgement-text", "trust") in idea.taught


# --- hints true of the learner's program ---------------------------------


def strict_budget_plan(case):
    """A correct exhaustive search whose only bug is keeping strictly below the budget."""
    options = plans_by_hand(replace(case, budget=case.budget - 1))
    return list(max(options, key=options.get))


def reaudit_one_early(case, moves):
    """A correct weighted re-audit that returns the label before the side ahead changes."""
    balances = balances_by_hand(case.yours, case.theirs, case.weights, moves)
    labels = list(balances)
    turning = turning_by_hand(balances)
    if turning is None:  # no change to be early for
        return None, ask_by_hand(balances, case.bar)
    return labels[max(1, labels.index(turning) - 1)], ask_by_hand(balances, case.bar)


#: Hints that name a shortcut of question 3 (each of _shortcut_plans' hints).
PLAN_SHORTCUT_HINTS = (
    "a rating cannot pass 10",
    "weigh each step by the chance",
    "weigh each step by its source's weight",
    "the biggest steps are not the best ones",
    "taking steps one at a time",
)


def test_a_plan_kept_below_the_budget_is_never_told_it_took_a_shortcut():
    """A search with `< budget` for `<= budget` was told 'the biggest steps are not the best
    ones' or 'weigh each step by its source's weight' for 10% of learners. A plan that keeping
    below the budget explains is now told that a plan may use every day, or something true of
    any wrong plan, never a shortcut it did not take."""
    told_full = 0
    for i in range(120):
        own = course.variant("00_leverage", f"strict-{i}")
        for case in [own, *check.plan_test_cases(own)]:
            plan = strict_budget_plan(case)
            try:
                check.judge_plan(case, plan)
            except NotYet as failure:
                hint = str(failure)
                assert not any(words in hint for words in PLAN_SHORTCUT_HINTS), (i, hint)
                told_full += check.FULL_BUDGET in hint
    assert told_full >= 120  # the first test case uses every day: it tells every learner


def test_the_visible_check_tells_a_plan_kept_below_the_budget_so(learner):
    hint = miss(check.best_plan, strict_budget_plan)
    assert check.FULL_BUDGET in hint


def single_step_plan(case):
    """A novice's plan: only the one step with the largest expected gain that fits."""
    gains = gains_by_hand(case)
    fitting = [name for name in case.steps if case.steps[name][2] <= case.budget]
    return [max(fitting, key=gains.get)] if fitting else []


def test_a_plan_that_stopped_after_one_step_is_told_another_still_fits():
    """A learner who returned only the best single step was told first that 'a plan may use
    every one of the budget's days' for 92 of 200 learners, a mistake with the budget it did not
    make. A plan that a better plan within the budget contains is now told that another step
    still fits, the budget's last day only after it."""
    told = 0
    for i in range(200):
        own = course.variant("00_leverage", f"r-{i}")
        for case in [own, *check.plan_test_cases(own)]:
            plan = single_step_plan(case)
            options = plans(case)
            key = tuple(name for name in case.steps if name in plan)
            if not any(set(key) < set(o) and options[o] > options[key] + 1e-9 for o in options):
                continue
            with pytest.raises(NotYet) as failure:
                check.judge_plan(case, plan)
            hint = str(failure.value)
            assert check.STILL_FITS in hint, (i, hint)
            assert hint.index(check.STILL_FITS) < hint.find(check.FULL_BUDGET) or (
                check.FULL_BUDGET not in hint
            ), (i, hint)
            told += 1
    assert told >= 200


def test_a_reaudit_that_never_looks_before_the_news_is_told_the_ask_can_be_made_now(own):
    """Where the balance reaches the need before any news, a reaudit that starts looking only
    after the first item was told that 'at least' includes a balance equal to the need, which
    points at > against >=, not at the missing 'now'."""
    cases = [
        (s, moves)
        for s, moves in check.reaudit_test_cases(own)
        if ask_moment(balances_after(s.yours, s.theirs, s.weights, moves), s.bar) == "now"
    ]
    assert len(cases) == 2
    tried = 0
    for s, moves in cases:
        balances = balances_after(s.yours, s.theirs, s.weights, moves)
        late = next((label for label in moves if round(balances[label] - s.bar, 9) >= 0), None)
        if late is None:  # that learner's code finds no moment at all there
            continue
        tried += 1
        with pytest.raises(NotYet, match="the ask can be made now, before the first item"):
            check.judge_ask(s, moves, ("N1", late))
    assert tried >= 1


def test_the_needs_climb_a_quarter_of_a_point_a_rung_as_section_5_says():
    """Nothing told a learner how points of balance map to an ask, so question 4c's 'higher or
    lower than the course' had no anchor; section 4 (section 5 until review 77 U3) now gives
    the ladder's rate and calls it a convention, and the ladder is what it says."""
    for case in CASES.values():
        needs = [need for need, _ in case.asks]
        assert all(b - a == pytest.approx(0.25) for a, b in pairwise(needs))
    # review 78 U2: question 3c gave its rate; review 88 U3: section 5's rule gives it again
    text = " ".join(_cell("shift-teaching").split())
    # review 90 U1: the closing notes' caveat on ratings now follows the ladder
    assert "needs a quarter of a point more balance. Ratings can hardly show a difference" in text


def test_a_turning_point_one_item_early_is_never_told_to_weigh_the_ratings():
    """A weighted re-audit that returns the label before the change was told 'weigh each rating
    by its source's weight' for 56% of learners, because the unweighted turning point happened
    to be one item early. A hint now names a mistake only when no other known mistake gives the
    same label."""
    told_early = 0
    for i in range(120):
        own = course.variant("00_leverage", f"early-{i}")
        cases = [(own, news_key(own)), *check.reaudit_test_cases(own)]
        for case, moves in cases:
            try:
                check.judge_turning(case, moves, reaudit_one_early(case, moves), "a test case")
            except NotYet as failure:
                hint = str(failure)
                assert "weigh each rating" not in hint, (i, hint)
                assert "can also become 'even'" not in hint and "you start even" not in hint
                told_early += "the change comes after that item" in hint
    assert told_early >= 120  # the second test case turns at N3: every learner meets it


def test_the_visible_check_tells_a_turning_point_one_item_early_so(learner):
    hint = miss(check.reaudit, reaudit_one_early)
    assert "the change comes after that item" in hint


def test_a_pretext_call_is_filed_as_illegitimate_and_also_accepted_as_misrepresentation():
    """Posing as an auditor is a false statement of fact that Vell's staff rely on, which is the
    module's own definition of a misrepresentation; the course files it by its source
    (illegitimate) but must not mark the other reading wrong with a hint that is false of it.
    Both kinds pass, and the message says why each fits."""
    from course.scenarios.leverage import pretexts

    calls = [t for t in _TACTICS if "which you are not" in t.text]
    assert len(calls) == 2
    assert all(t._kind == "illegitimate" and t._pretext for t in calls)
    assert all(set(t._kinds) == {"illegitimate", "misrepresentation"} for t in calls)
    for i in range(200):
        s = course.variant("00_leverage", f"pretext-{i}")
        for label in pretexts(s):
            for kind in ("misrepresentation", "illegitimate"):
                message = check.judge_tactic(s, label, {**tactic_key(s), label: kind})
                assert "relies on the false identity" in message
                assert "by its source, as illegitimate" in message
            for kind in ("legitimate", "bluff"):
                with pytest.raises(NotYet):
                    check.judge_tactic(s, label, {**tactic_key(s), label: kind})
            return
    pytest.fail("no learner drew a pretext call")


def test_the_tactics_and_news_state_what_settles_them():
    """A legitimate tactic states the facts it relies on (or question 5 says they are true); the
    'bluff' about the warehouse claims nothing about the owner's circumstances; the regulator
    item is about what you alone can supply, not data."""
    texts = {t.text for t in _TACTICS}
    assert not any("no hurry" in t for t in texts)
    assert any("which your board has approved" in t for t in texts)
    assert not any("you have started tests of the overseas maker" in t for t in texts)
    news = {n.text for n in _NEWS}
    assert not any("field data" in t for t in news)
    assert any("which only you can supply" in t for t in news)
    assert "true" in check.KIND_TEST["legitimate"] and "question 5" in check.KIND_TEST["legitimate"]


def test_a_random_audit_rarely_fits_the_supplier_story():
    """Random audits (whole ratings, weights in steps of 0.05) fitted the supplier story 35% of
    the time, so question 2's marks rewarded little reading. Its two-maker switch and the rumour
    of lost clients now bound the alternatives, and under one in five random audits fits; the
    course's own audit, the starting audits' range and the defensible readings still do."""
    import random

    rng = random.Random(0)
    case = CASES["supplier"]
    grid = [
        (i / 20, j / 20, round(1 - i / 20 - j / 20, 2)) for i in range(21) for j in range(21 - i)
    ]
    fits = 0
    for _ in range(4000):
        yours = {s: rng.randint(0, 10) for s in ("information", "alternatives", "power")}
        theirs = {s: rng.randint(0, 10) for s in ("information", "alternatives", "power")}
        weights = dict(zip(("information", "alternatives", "power"), rng.choice(grid), strict=True))
        fits += all(rule.holds(yours, theirs, weights) for rule in case._rules)
    assert fits < 0.2 * 4000, fits
    assert all(rule.holds(case._yours, case._theirs, case._weights) for rule in case._rules)


def test_a_trust_step_not_drawn_is_shown_with_its_chance():
    """Question 3b asks whether the trust step is worth its days, which needs its expected gain
    and so its chance; when the step is not among the learner's, its chance range is shown
    beside its size and days."""
    from course.scenarios.leverage import STEPS

    for n in range(400):
        s = course.variant("00_leverage", f"trust-chance-{n}")
        step = next(t for t in STEPS if t.case == s.case and t.trust)
        if step.name not in s.steps:
            shown = s.show("judgement").markdown
            low, high = step.chances
            assert f"with a chance of {low:.2f} to {high:.2f} of coming through" in shown
            return
    pytest.fail("no learner lacked the trust step")


def test_the_salary_story_says_whose_deadline_the_steps_mean():
    """Two salary steps speak of Larkfield's deadline, so the story says Larkfield has set one,
    and for what."""
    from course.scenarios.leverage import STEPS

    assert any("Larkfield's deadline" in t.name for t in STEPS if t.case == "salary")
    story = CASES["salary"].story
    assert "Larkfield has set a deadline" in story and "three weeks" in story


# --- question 3c: a plan for a threshold ----------------


def test_question_3c_s_test_cases_each_reverse_the_ranking_by_average(own):
    """Section 4 teaches that a threshold can reverse the ranking by average; each of the
    check's test cases is one where it does, one each way (a sure pair over a long shot,
    and a long shot over a sure pair), with a clear best chance."""
    from course.scenarios.leverage import best_plan, best_reach_plan, reach_chances

    (a, ta), (b, tb), *_ = check.reach_test_cases(own)  # then the ceiling and the boundary
    sure_a, long_b = best_reach_plan(a, ta), best_reach_plan(b, tb)
    assert set(sure_a) != set(best_plan(a)) and len(sure_a) == 2
    assert set(long_b) != set(best_plan(b)) and len(long_b) == 1
    for c, target in ((a, ta), (b, tb)):
        chances = sorted(reach_chances(c, target).values())
        assert chances[-1] - chances[-2] >= 0.05


def test_question_3c_tells_a_plan_chosen_by_its_average_so(own, answers):
    """The shortcut the question is about, the plan with the highest average gain, gets a
    hint that names it without naming the right plan; the reference passes."""
    hint = miss(
        check.reach_plan,
        lambda case, target: list(max(plans_by_hand(case), key=plans_by_hand(case).get)),
    )
    assert "it is the plan with the highest average gain" in hint
    assert "with a bar, count for each plan the chance" in hint
    assert "reach_plan is not right for a test case" in hint
    assert "a list of step names" in miss(check.reach_plan, lambda case, target: "all")
    check.reach_plan(answers["reach_plan"])


def reach_every_step(case, target):
    """Question 3c counting only the outcome in which every step of a plan comes through:
    a plan's chance is the product of its steps' chances when all of them reach the
    threshold, else 0."""

    def score(plan):
        chance, balance = outcomes_by_hand(case, plan)[0]
        return chance if balance >= target - 1e-9 else 0.0

    return list(max(plans_by_hand(case), key=score))


def test_question_3c_tells_a_plan_counted_by_every_step_coming_through_so(own):
    """A reach_plan that counts only the outcome in which every step comes through passed
    the visible check for 64% of learners (none of its test cases had a plan that gets
    there when only one of two steps comes through); a test case now has one, and the hint
    says that a plan also gets there when only some of its steps come through."""
    (case, target), *_ = check.reach_test_cases(own)[4:]
    assert reach_every_step(case, target) != list(best_reach_plan(case, target))
    hint = miss(check.reach_plan, reach_every_step)
    assert check.ALL_THROUGH in hint and "reach_plan is not right for" in hint
    chances = sorted(reach_chances(case, target).values())
    assert chances[-1] == pytest.approx(1 - 0.35**2) and chances[-1] - chances[-2] >= 0.05


def test_the_bold_ask_is_a_rung_of_the_ladder_above_the_start_and_often_a_reversal():
    """Question 3c's target is a real ask of the learner's case, above the starting
    balance, with no plan outcome within 0.05 of it; for at least a third of learners the
    most likely plan is not the plan with the highest average gain. Review 76 C1 keeps it at
    or above question 4b's ask, which leaves about three learners in four (89 of these 120,
    from 106) an ask of their own."""
    from course.models.audit import leverage_balance
    from course.scenarios.leverage import best_plan, best_reach_plan, plan_outcomes, plans

    reversed_, total = 0, 0
    for n in range(120):
        s = course.variant("00_leverage", f"bold-{n}")
        if s.prepared_ask is None:
            # review 91 U4: said plainly
            assert "Your case has no ask prepared" in s.show("prepared-ask").markdown
            continue
        total += 1
        need, ask = s.prepared_ask
        assert (need, ask) in CASES[s.case].asks
        assert need > leverage_balance(s.yours, s.theirs, s.weights) + 0.1
        assert (
            f"{need:+.2f} points" in s.show("prepared-ask").markdown
            and ask in s.show("prepared-ask").markdown
        )
        for plan in plans(s):
            assert all(abs(b - need) >= 0.05 - 1e-9 for _, b in plan_outcomes(s, plan))
        reversed_ += set(best_reach_plan(s, need)) != set(best_plan(s))
    # review 102 X1 (round 103): the best plan's outcomes that reach the bar now clear it by
    # REACH_CLEAR (0.25), so fewer learners have a fair ask (64 of these 120, from 89;
    # 321 of sweep-0..599, from 485): the cost of a question that no longer turns on a
    # difference the ratings cannot show
    assert total >= 60 and reversed_ >= total / 3, (total, reversed_)


def test_the_deadline_story_accepts_alternatives_and_power_rated_level():
    """Most deadline learners draw a fact giving Brannock a standing offer elsewhere, or a pull
    on your bank, so an audit rating alternatives or power level on both sides is defensible;
    the rules demanded yours strictly higher (learner rev-2, with the course's own weights, was
    told the audit did not fit the story)."""
    from course.scenarios.leverage import CASES

    rules = {
        rule.source: rule
        for rule in CASES["deadline"]._rules
        if rule.side == "you" and rule.kind == "not_below"
    }
    level = {"information": 5, "alternatives": 4, "power": 6}
    for source in ("alternatives", "power"):
        assert rules[source].holds(level, level, {})
        assert not rules[source].holds({**level, source: 3}, level, {})


def test_a_standing_offer_lets_brannock_be_rated_above_you_on_alternatives():
    """A deadline learner who drew Brannock's standing offer (a firmer option than the owner's
    viewing with no call back) and rated Brannock's alternatives above the owner's was told the
    audit did not fit the story, for 81 of 81 such learners of 200. The rule is now lifted for
    them; the bound of 5 on Brannock's alternatives stays (a note since review 102 X3), and
    learners without that fact still meet the rule. Review 112 X1: the story only implies
    that comparison, so without the fact it is now a note that names it, not a refusal."""
    from course.scenarios.leverage import STANDING_OFFER

    audit = {
        "yours": {"information": 6, "alternatives": 3, "power": 7},
        "theirs": {"information": 5, "alternatives": 4, "power": 3},
        "weights": {"information": 0.3, "alternatives": 0.45, "power": 0.25},
    }
    above_five = {**audit, "theirs": {**audit["theirs"], "alternatives": 6}}
    seen = {True: 0, False: 0}
    for i in range(400):
        s = course.variant("00_leverage", f"r-{i}")
        if s.case != "deadline":
            continue
        standing = STANDING_OFFER in s.facts.values()
        seen[standing] += 1
        note = check._past_a_bound(s, *check.judge_audit(s, audit))
        implied = "your alternatives no lower than Brannock's"
        if standing:
            assert implied not in note, s.learner
        else:
            assert implied in note and "the story implies this without stating it" in note
        # review 102 X3 (round 103): past the bound of 5 is a note, not a refusal (without
        # the standing offer, review 112 X1: the comparison is a note too)
        note = check._past_a_bound(s, *check.judge_audit(s, above_five))
        assert "Brannock's alternatives at most 5" in note
        assert (implied in note) is not standing, s.learner
    assert seen[True] >= 50 and seen[False] >= 5


def test_question_2_text_sorts_no_fact_of_question_1():
    """The rules a drawn fact lifts are the warehouse case's "no lower than" on
    alternatives, (review 74 X3) the salary case's "higher" on alternatives and (review 75
    X2) the supplier case's cap of 6 on your alternatives, which both makers' quotes raise
    to 7; the text names none of them, since that would sort Brannock's standing offer,
    Larkfield's contractor or the quotes for the learners who drew it in question 1. The
    check's mechanics (lifted rules, binding facts, the course's bounds) are said in its
    feedback, not in the question, which asks for the reading."""
    from course.scenarios.leverage import CASES, CONTRACTOR, QUOTES, REFINANCE, STANDING_OFFER

    lifted = [
        (key, rule.kind, rule.source, rule.side, rule.lifted_by)
        for key, case in CASES.items()
        for rule in case._rules
        if rule.lifted_by
    ]
    assert lifted == [
        ("salary", "higher", "alternatives", "you", CONTRACTOR),
        ("supplier", "at_most", "alternatives", "you", QUOTES),
        ("deadline", "not_below", "alternatives", "you", STANDING_OFFER),
        ("deadline", "not_below", "power", "you", REFINANCE),  # review 91 X1
    ]
    assert [(key, r.value) for key, c in CASES.items() for r in c._rules if r.drawn_with] == [
        ("supplier", 7)
    ]
    text = " ".join(cell_text("00_leverage", "leverage", "q2-text").replace("#", "").split())
    assert "in the warehouse case" not in text and "Brannock" not in text
    assert "contractor" not in text and "quoted" not in text and "Bellpak" not in text
    assert "lifts" not in text and "bounds of its own judgement" not in text
    # review 93 X1: it now says what the check tests, who reads the reasons, and the
    # note on a balance of 5 points or more
    assert len(text.split()) < 300


def test_a_comparison_the_audit_breaks_is_quoted_not_turned_into_a_direction():
    """Question 2's check listed each broken rule as a direction ("your alternatives should
    be rated above Larkfield's"), so an audit could be fixed message by message without
    reading the story. For a rule comparing one source's two ratings, it now quotes the
    story's statement and names the source, and the direction is the learner's to read.
    Review 112 X1: a comparison the story only implies is a note, not a refusal, and is
    checked here to pass with it."""
    for key, case in CASES.items():
        them = case.them.split(",")[0]
        for rule in case._rules:
            if rule.kind not in ("higher", "not_below"):
                continue
            words = check._rule_words(rule, them)
            assert words == f"your {rule.source} and {them}'s do not compare as your story has them"
            yours, theirs = dict(case._yours), dict(case._theirs)
            mine, other = (yours, theirs) if rule.side == "you" else (theirs, yours)
            mine[rule.source], other[rule.source] = 1, 9
            s = replace(course.variant("00_leverage", "ada"), case=key, facts={})
            audit = {"yours": yours, "theirs": theirs, "weights": case._weights}
            if rule.implied:  # one point the other way: the balance stays on the story's line
                mine[rule.source], other[rule.source] = 5, 6
                note = check._past_a_bound(s, *check.judge_audit(s, audit))
                assert f"({rule.because}); the story implies this without stating it" in note
                continue
            with pytest.raises(NotYet) as failure:
                check.judge_audit(s, audit)
            said = str(failure.value)
            assert f"{words}: {rule.because}." in said and "that line says which side is" in said
            assert "should be rated above" not in said and "no lower than" not in said


def test_question_3c_has_a_case_where_the_top_of_the_scale_decides():
    """A reach_plan that ignored the ceiling of 10 passed the visible check for 196 of 200
    learners. The third case's alternatives step, near-sure and +4 on a rating of 9, looks like
    it reaches the target only if the ceiling is ignored."""
    from course.scenarios.leverage import reach_chances

    for n in range(20):
        own = course.variant("00_leverage", f"cap-{n}")
        case, target = check.reach_test_cases(own)[2]
        chances = reach_chances(case, target)
        best = max(chances, key=chances.get)
        by_source = {source: name for name, (source, *_) in case.steps.items()}
        assert best == (by_source["power"],) and chances[best] == pytest.approx(0.6)
        check.judge_reach(case, target, list(best))
        with pytest.raises(NotYet):
            check.judge_reach(case, target, [by_source["alternatives"]])


def test_power_on_top_is_accepted_where_the_facts_support_it(own):
    """The salary story's dependence (Larkfield cannot fill the post; you are hard to replace)
    and the supplier's patent may weigh most through power, as the pair convention of section 2
    allows; both rules were rejected for every salary and supplier learner. The pair is not
    counted heavily twice. The supplier bound no longer says that nothing gives Vell clients,
    which was false for learners who drew the invitation to bid."""
    salary = {
        "yours": {"information": 4, "alternatives": 7, "power": 6},
        "theirs": {"information": 7, "alternatives": 3, "power": 6},
        "weights": {"information": 0.25, "alternatives": 0.35, "power": 0.4},
    }
    assert check.judge_audit(replace(own, case="salary"), salary)
    supplier = audit_of(
        CASES["supplier"], weights={"information": 0.3, "alternatives": 0.3, "power": 0.4}
    )
    assert check.judge_audit(replace(own, case="supplier"), supplier)
    for key in ("salary", "supplier"):
        (pair,) = [r for r in CASES[key]._rules if r.kind == "pair_cap"]
        assert pair.source == ("alternatives", "power")
        assert not pair.holds({}, {}, {"information": 0.1, "alternatives": 0.45, "power": 0.45})
    because = " ".join(r.because for r in CASES["supplier"]._rules)
    assert "nothing in the story gives it clients" not in because
    assert "not yet another buyer" in because  # review 86 U7


def test_the_deadline_trust_item_breaks_a_word_section_6_defines():
    """Section 6 says raising a price you quoted and they accepted breaks your word; the
    deadline trust item raised a rent only quoted, which keeps it."""
    (item,) = [n for n in _NEWS if n.case == "deadline" and n.trust]
    assert "Brannock accepted in writing" in item.text


#: Words by which section 5 would name a news item of the deadline case, one or more per
#: item, in the case's order.
DEADLINE_NEWS_WORDS = (
    ("refus",),
    ("second viewing",),
    ("option on", "stopgap", "smaller warehouse"),
    ("bank", "credit record"),
    ("loan", "payment"),
    ("signs for another",),
    ("rent you quoted", "rent already quoted", "quoted in writing", "no longer trusts"),
    ("rail contracts",),
    ("logistics park",),
)


def test_section_5_reads_no_news_item_a_deadline_learner_reads_in_question_4a():
    """Section 5 walked through the deadline case's news by name (the landlord's refusal,
    the second viewing, the option on a stopgap with its side, source and sign, the rent
    raised after a written quote), so 66 of 67 deadline learners in a sample of 300 had at
    least one of their own question 4a items read for them. It now gives the run's balances
    by position only, and re-audits by hand a move that is not among the case's news."""
    from course.scenarios.leverage import _NEWS

    items = [n.text.lower() for n in _NEWS if n.case == "deadline"]
    assert len(items) == len(DEADLINE_NEWS_WORDS)
    for text, words in zip(items, DEADLINE_NEWS_WORDS, strict=True):
        assert any(w in text for w in words), text
    shown = " ".join(
        " ".join(_cell(g).lower().split()) for g in ("shift-teaching", "reaudit-example")
    )
    named = [w for words in DEADLINE_NEWS_WORDS for w in words if w in shown]
    assert named == []


@pytest.mark.parametrize(
    ("learner_id", "yours", "theirs", "weights"),
    [
        ("r-1", (0, 10, 0), (10, 0, 10), (0.1, 0.3, 0.6)),
        ("r-0", (0, 3, 0), (10, 0, 10), (0.4, 0.3, 0.3)),
        ("r-2", (10, 0, 0), (0, 10, 10), (0.3, 0.2, 0.5)),
    ],
)
def test_audits_rating_a_side_0_on_a_source_its_facts_give_it_are_refused(
    learner_id, yours, theirs, weights
):
    """Each of these rated a side 0 on a source one of the learner's own facts gives it, and the
    check said 'your audit fits the story'."""
    s = course.variant("00_leverage", learner_id)
    audit = {
        name: dict(zip(SOURCES_ORDER, values, strict=True))
        for name, values in (("yours", yours), ("theirs", theirs), ("weights", weights))
    }
    with pytest.raises(NotYet, match="no rating should be below 1"):
        check.judge_audit(s, audit)


def reaudit_with_no_cap(case, moves):
    """A reaudit that adds each change with no cap at 0 or 10 (plain ``+= change``)."""
    ratings = {"you": dict(case.yours), "them": dict(case.theirs)}
    balances = {"now": sum(case.weights[k] * (case.yours[k] - case.theirs[k]) for k in SOURCES)}
    for label, (side, source, change) in moves.items():
        ratings[side][source] += change
        balances[label] = sum(
            case.weights[k] * (ratings["you"][k] - ratings["them"][k]) for k in SOURCES
        )
    return turning_point(balances) or "N4", ask_moment(balances, case.bar) or "N4"


SOURCES = ("information", "alternatives", "power")


def test_a_reaudit_that_lets_a_rating_pass_10_loses_both_marks(own):
    """A reaudit with no cap at the ends of the scale passed 40 of 40 learners, since no case
    moved a rating past 10 or below 0. A test case now moves a 9 up by 3, and both answers
    depend on the cap; the turning point's hint says why."""
    outcome = check.reaudit(reaudit_with_no_cap)
    assert outcome.earned == 0, [o.message for o in outcome.outcomes]
    hints = []
    for case, moves in check.reaudit_test_cases(own):
        try:
            check.judge_turning(case, moves, reaudit_with_no_cap(case, moves), "a test case")
        except NotYet as failure:
            hints.append(str(failure))
    assert any(check.PAST_THE_END in hint for hint in hints), hints


def test_the_hint_for_a_wrong_bluff_stays_true_of_every_tactic_not_accepted_as_one():
    """The hint for a tactic wrongly called a bluff defines a bluff as section 6 does (a
    limit or a valuation); no tactic outside the bluffs is a claim about what one intends,
    and every tactic accepted only as a bluff is about a limit, not an intention."""
    assert "reservation price or valuation" in check.NOT_KIND["bluff"]
    for tactic in _TACTICS:
        if "bluff" not in tactic._kinds:
            assert "intend" not in tactic.text and "no plan" not in tactic.text, tactic.text
        if tactic._kinds == ("bluff",):
            assert "intend" not in tactic.text and "unless" not in tactic.text, tactic.text


def test_the_survey_is_cited_for_what_it_found():
    """Robinson, Lewicki & Donahue (2000) found hiding a reservation price and opening far from
    it rated appropriate, and false promises (one of the five factors, with misrepresentation
    and misuse of information) rated inappropriate; the module cited it beside 'bluffing about
    your own reservation price is tolerated', which the survey does not show. The text now says
    what it backs and what rests on the Model Rule comment instead, and the summary
    keeps the two apart."""
    ethics = " ".join(cell_text("00_leverage", "leverage", "ethics-teaching").split())
    summary = " ".join(cell_text("00_leverage", "leverage", "summary").split())
    assert "false promises" in ethics
    assert "not *stating a false* one" in ethics and "not on this survey" in ethics
    assert "Bluffing about your own reservation price is tolerated" not in summary
    assert "Keeping your reservation price to yourself is widely accepted" in summary


def test_the_questions_own_gloss_of_a_kind_counts_as_that_kind():
    """Question 5 lists "illegitimate" as "(an illegitimate source)", and a learner who wrote
    "illegitimate source" lost those items. It counts now, in any case; a word the question
    never uses still gets the list of kinds."""
    tried = 0
    for n in range(12):
        s = course.variant("00_leverage", f"gloss-{n}")
        for label, kinds in tactic_kinds_accepted(s).items():
            if "illegitimate" in kinds:
                said = check.judge_tactic(s, label, {label: " Illegitimate Source "})
                assert said == check.judge_tactic(s, label, {label: "illegitimate"})
                with pytest.raises(NotYet, match="should be one of"):
                    check.judge_tactic(s, label, {label: "improper"})
                tried += 1
    assert tried >= 4


def test_learners_of_one_case_share_facts_but_not_numbers():
    """The introduction said every learner gets their own case, so their answers are theirs
    alone, but there are four cases and any two learners of one case share facts. It now says
    so; this checks both halves of what it says: two learners of one case share some fact texts,
    and their numbers (steps) differ."""
    drawn = [course.variant("00_leverage", f"r-{i}") for i in range(120)]
    assert {s.case for s in drawn} == set(CASES)
    for key in CASES:
        mine = [s for s in drawn if s.case == key]
        first, *rest = mine
        assert rest
        for other in rest:
            assert set(first.facts.values()) & set(other.facts.values())
        assert any(other.steps != first.steps for other in rest)


def _template_audit():
    """The audit the answer cell of question 2 offers as an example, read from its comment."""
    text = "\n".join(
        line.lstrip("# ") for line in _cell("my-audit-answer").splitlines() if "{" in line
    )
    found = dict(re.findall(r'"(yours|theirs|weights)": (\{[^}]*\})', text))
    return {part: ast.literal_eval(found[part]) for part in ("yours", "theirs", "weights")}


def test_the_answer_cells_example_audit_with_one_rating_changed_fails_for_every_story():
    """The example in question 2's answer cell, (5, 5, 5) for both sides, was refused unchanged,
    but with one rating changed (the owner's power 6, say) it passed for deadline learners: a
    near-copy of the template earned both marks. The example now shows the form only, with ...
    in place of every number, so no change of one rating, nor of one weight, makes it an audit,
    for learners of every case. Fails on the old code."""
    example = _template_audit()
    for s in _one_learner_per_case().values():
        for part in ("yours", "theirs", "weights"):
            for source in SOURCES_ORDER:
                for value in (*range(11), 0.25, 0.5):
                    audit = {key: dict(values) for key, values in example.items()}
                    audit[part][source] = value
                    with pytest.raises(NotYet) as refusal:
                        check.judge_audit(s, audit)
                    assert "a number of yours goes" in str(refusal.value)


def test_the_example_audit_with_one_rating_changed_does_not_fit_the_supplier_story():
    """The answer cell's example with one rating changed (Vell's power 6, say) passed for
    every supplier learner, with its weights or equal ones: it says that Vell's lost
    clients change nothing. The story's line on Vell's other buyers then bounded Vell's
    alternatives at 4; review 75 X2 raised it to 5, the middle, since the story says nobody
    knows yet how much Vell needs your order (an audit rating Vell's alternatives 5 was
    refused for every supplier learner). So the example now rates Vell's alternatives 6,
    above the middle: every one-rating change of it is still refused for every supplier
    learner."""
    example = {  # the old example of the answer cell, Vell's alternatives above the middle
        "yours": dict.fromkeys(SOURCES_ORDER, 5),
        "theirs": {**dict.fromkeys(SOURCES_ORDER, 5), "alternatives": 6},
        "weights": {"information": 0.3, "alternatives": 0.4, "power": 0.3},
    }
    seen = 0
    for i in range(160):
        s = course.variant("00_leverage", f"r-{i}")
        if s.case != "supplier":
            continue
        seen += 1
        assert all(rule.holds(s.yours, s.theirs, s.weights) for rule in rules_for(s))
        for weights in (example["weights"], dict.fromkeys(SOURCES_ORDER, 1 / 3)):
            for side in ("yours", "theirs"):
                for source in SOURCES_ORDER:
                    for rating in range(11):
                        audit = {
                            "yours": dict(example["yours"]),
                            "theirs": dict(example["theirs"]),
                            "weights": dict(weights),
                        }
                        audit[side][source] = rating
                        # review 102 X3 (round 103): Vell's alternatives past the bound of 5
                        # now pass with a note naming it, instead of a refusal
                        try:
                            judged = check.judge_audit(s, audit)
                        except NotYet:
                            continue
                        assert "Vell's alternatives at most 5" in check._past_a_bound(s, *judged), (
                            s.learner
                        )
    assert seen > 30


def test_an_audit_rating_both_sides_alike_on_every_source_is_refused():
    """No story of the module leaves the two sides alike: an audit that rates them the same
    on every source (a balance of exactly 0, whatever the weights) says the story's facts
    change nothing. It passed for every deadline learner; it is refused for every case."""
    seen = set()
    for i in range(600):
        s = course.variant("00_leverage", f"r-{i}")
        for level in (3, 6):
            same = dict.fromkeys(SOURCES_ORDER, level)
            weights = {"information": 0.2, "alternatives": 0.45, "power": 0.35}
            audit = {"yours": same, "theirs": dict(same), "weights": weights}
            with pytest.raises(NotYet, match="the same on every source"):
                check.judge_audit(s, audit)
        seen.add(s.case)
    assert seen == set(CASES)


def test_a_salary_audit_strongly_in_the_candidates_favour_passes():
    """The salary story's rule against a strong balance refused a defensible reading, (5, 8, 7) against (7, 2, 5)
    with weights (0.2, 0.5, 0.3), a balance of +3.2, for every salary learner. The story
    states no size for the balance, and the rule is gone."""
    audit = {
        "yours": {"information": 5, "alternatives": 8, "power": 7},
        "theirs": {"information": 7, "alternatives": 2, "power": 5},
        "weights": {"information": 0.2, "alternatives": 0.5, "power": 0.3},
    }
    salary = 0
    for i in range(600):
        s = course.variant("00_leverage", f"r-{i}")
        if s.case == "salary":
            salary += 1
            check.judge_audit(s, audit)
    assert salary >= 100
    assert not any(rule.kind == "not_strong" for c in CASES.values() for rule in c._rules)


def test_no_step_that_only_reads_a_public_source_rises_by_more_than_a_point():
    """Section 2 says the headline figures of a public filing add little; a step that only
    reads one may not then be drawn at +2 or +3 and recommended as a top step."""
    from course.scenarios.leverage import STEPS

    for step in STEPS:
        if step.source == "information" and step.name.startswith("Read"):
            assert max(step.amounts) <= 1, step.name


def test_the_information_row_rates_the_difference_knowing_makes():
    """The text said information 'helps you even when it knows you know', while the model
    answer of question 1b rated Vell's lost sales on Vell's side and the knowing of them on
    yours: a weakness counted twice, against section 2's rule of one place per fact. The
    text now rates in the information row only what knowing changes, says that knowledge
    both sides take for granted adds little, and files both sides' deadlines alike."""
    section = " ".join(_cell("sources-teaching").split())
    assert "helps you even when it knows you know" not in section
    assert "Information is rated by the difference knowing makes" in section  # review 112 U4
    assert "what both sides take for granted earns a low rating" in section  # review 83 U3, 112 U4
    # review 78 U4: one rule for whose deadline it is, the side it presses
    assert "A deadline goes into the alternatives of the side it presses" in section
    rubric = " ".join(_cell("fact-reason").split())
    assert "counting them here as well would count them twice" not in rubric
    assert "Vell will expect me to have read them" in rubric


def test_question_3b_asks_what_a_trust_step_reveals():
    """Each case's trust step hands the other side information (a forecast of your volumes,
    your field data, your building's records), and in the supplier case information weighs
    most; question 3b and its model answer weighed the forecast as a pure gain of power.
    The prompt now asks what the step tells the other side and when to take it, the rubric
    marks it, and section 4 says a step's rating does not count what it reveals."""
    prompt = " ".join(_cell("plan-judgement-text").split())
    assert "(b) what the step tells the other side about your position" in prompt
    rubric = " ".join(_cell("plan-judgement").split())
    assert "says what the step reveals of the learner's position" in rubric
    assert "A mark for (b), half for what the step reveals and half for when" in rubric
    assert "But it tells Vell how much I will buy" in rubric
    assert "I would share it after the talks either way" not in rubric
    teaching = " ".join(_cell("build-teaching").split())
    assert "which its rating does not count" in teaching


def test_the_starting_audit_is_not_in_the_notebook_before_question_2_is_answered():
    """The starting audit was on the setup cell's scenario (``scenario.yours``, and
    ``scenario.show("audit")`` at any time), and returning it with one rating moved passed
    question 2 for 97% of learners. The setup cell now holds the scenario without it, which
    says where it comes; the first cell to load it again is section 4's, after question 2's
    check, and no code cell before that reads it."""
    from course.scenarios.leverage import AUDIT_LATER, WithoutStartingAudit
    from tests.notebooks import source_notebook

    full = course.variant("00_leverage", "r-5")
    early = full.before_audit()
    assert (early.yours, early.theirs, early.weights) == (None, None, None)
    assert AUDIT_LATER in str(early.show("audit")._repr_markdown_())
    with pytest.raises(ValueError, match="section 4"):
        _ = early.prepared_ask
    assert early.facts == full.facts and early.practice.case == full.practice.case
    cells = [
        (c.metadata.get("nbgrader", {}).get("grade_id"), c.source)
        for c in source_notebook("00_leverage", "leverage").cells
        if c.cell_type == "code"
    ]
    ids = [grade_id for grade_id, _ in cells]
    assert 'WithoutStartingAudit(course.variant("00_leverage"))' in dict(cells)["setup"]
    wrapped = WithoutStartingAudit(full)
    assert wrapped.yours is None and wrapped.facts == full.facts
    assert AUDIT_LATER in str(wrapped.show("audit")._repr_markdown_())
    assert wrapped._repr_mimebundle_() == full._repr_mimebundle_()
    reload = next(i for i, (_, text) in enumerate(cells) if 'variant("00_leverage")\n' in text)
    assert ids[reload] == "starting-audit" and reload > ids.index("my-audit-test")
    for grade_id, text in cells[: ids.index("my-audit-test") + 1]:
        assert not re.search(r"scenario\.(yours|theirs|weights|bold)\b", text), grade_id


def test_the_wrapped_scenario_shows_no_rating_or_weight_of_the_starting_audit():
    """Printed, as a string or through any attribute, the setup cell's scenario shows the
    scenario without its starting audit: its repr was the full scenario's, ratings and
    weights included, and the full scenario was its attribute ``_scenario``."""
    from course.scenarios.leverage import WithoutStartingAudit

    for learner in ("r-7", "r-12", "model-1992"):
        full = course.variant("00_leverage", learner)
        wrapped = WithoutStartingAudit(full)
        audit_free = full.before_audit()
        for shown in (repr(wrapped), str(wrapped), wrapped._repr_mimebundle_()["text/plain"]):
            assert shown in (repr(audit_free), full._repr_mimebundle_()["text/plain"])
            assert "yours=mappingproxy" not in shown and "weights=mappingproxy" not in shown
        assert "yours=None, theirs=None, weights=None" in repr(wrapped)
        assert wrapped._repr_mimebundle_() == audit_free._repr_mimebundle_()
        for name in ("_scenario", "_full", "__wrapped__"):
            with pytest.raises(AttributeError):
                getattr(wrapped, name)
        with pytest.raises(TypeError):
            vars(wrapped)
        with pytest.raises(AttributeError):
            wrapped.yours = full.yours
        starting = (full.yours, full.theirs, full.weights)
        for name in dir(wrapped):
            try:
                value = getattr(wrapped, name)
            except ValueError:  # bold: the starting audit comes in section 4
                continue
            assert value not in starting and value != full, name
        for part in wrapped._parts:
            assert part is not full and getattr(part, "__self__", None) is not full


def _module_text():
    """The notebook's markdown, cell by cell, joined with line breaks as one text."""
    from tests.notebooks import source_notebook

    cells = source_notebook("00_leverage", "leverage").cells
    return re.sub(r"\s+", " ", "\n".join(c.source for c in cells if c.cell_type == "markdown"))


def test_one_definition_of_a_bluff_in_the_text_and_the_hints():
    """The text defined a bluff as a claim about a limit or an intention, the pass message
    as one about a limit only, and the refusal hint as about a limit or an intention. All
    three now say: an untrue claim about your own limit or valuation, with a false
    intention (a threat or warning you would not carry out) on the line with misrepresentation."""
    text = _module_text()
    # review 79 U1: the text's own wording is asserted below (the aside that repeated it
    # in the hints' words was cut)
    for said in (check.KIND_TEST["bluff"], check.NOT_KIND["bluff"]):
        assert "reservation price or valuation" in said
        assert "or your own intention" not in said and "limit or intention" not in said
    assert "An untrue claim about your own reservation price" in text
    assert "or about your *valuation*" in text
    assert (
        "a threat or warning you would not carry out, sits on the line between a bluff and a "
        "misrepresentation" in text
    )
    assert "is a bluff at best" not in text


def test_the_text_defines_need_where_it_first_uses_it_and_says_what_each_part_counts():
    """A term is defined at its first use, a case is described where it is cited before a
    learner has seen it, and the text says what a question's mark and the progress map
    count (each phrase below was missing from the old text)."""
    text = _module_text()
    first = re.search(r"\b(a|the|its|ask's) \*{0,2}bar\b", text)
    # the first use is section 4's definition (section 3 no longer points ahead to it)
    assert "Section 4 defines" not in text
    assert "the balance you decide" in text[first.start() : first.start() + 160]
    for said in (
        "in the sole-source case, where your pumps are approved only with Ostra's valve",
        # question 4c's model answer: what signals a hurry is coming down after a refusal
        "coming down to 94% straight after a refusal would tell Brannock",
        # question 4b says the decision to wait is 4c's (review 79 X1)
        "question 4c questions it (your bar, and whether to wait past it).",
        # the progress map counts the practice case for questions 1, 4a and 5
        "For questions 1, 4a and 5 it counts the practice case's check",
    ):
        assert said in text, said
    assert "a refusal costs me little" not in text


def test_question_1b_asks_for_the_look_alike_source_without_naming_it():
    """Question 1b's fact was shown with the source it could be mistaken for, which ruled
    out one of three sources of a fact question 1 grades (review 56, W3). It is shown with
    no source named, for every learner, and the question asks the learner to name both the
    fact's source and its look-alike; the fact always has a look-alike."""
    from course.scenarios.leverage import _FACTS, SOURCES

    for i in range(200):
        s = course.variant("00_leverage", f"r-{i}")
        shown = str(s.show("reason")._repr_markdown_())
        fact = next(f for f in _FACTS if f.text == s.facts[s.reason_fact])
        assert fact._lookalike and fact._lookalike != fact._source
        rest = shown.replace(fact.text, "")
        assert not any(source in rest for source in SOURCES), s.learner
        assert "easily filed under a source it does not belong to" in shown, s.learner
    assert 'scenario.show("reason")' in cell_text("00_leverage", "leverage", "q1b-fact")


def test_the_supplier_bound_on_vells_alternatives_speaks_of_other_buyers():
    """The hint for Vell's alternatives said an invitation to bid 'has no clients to spare',
    which reads backwards: a supplier's alternatives are other buyers."""
    rule = next(
        r
        for r in CASES["supplier"]._rules
        if r.kind == "at_most" and r.source == "alternatives" and r.side == "them"
    )
    assert "another buyer to turn to" in rule.because  # review 86 U7
    assert "clients to spare" not in rule.because


#: Two audits that get a story backwards, each passed by question 2's rules of ratings
#: alone: the candidate far ahead of the employer that decides the pay, and an owner's
#: audit that gives all the weight to alternatives, none to information or power; with
#: the words of a bound that refuses each.
BACKWARDS_AUDITS = {
    "salary": (((2, 6, 3), (5, 10, 6), (0.05, 0.9, 0.05)), "under 2.5 points Larkfield's way"),
    "deadline": (((1, 7, 10), (1, 5, 10), (0, 1, 0)), "information should weigh at least 0.1"),
}


def test_question_2_bounds_the_weights_and_the_balance_of_every_case():
    """Question 2 bounded a few ratings and the order of a few pairs, so audits of one
    story from about -9 to +9 points passed. Each source a drawn fact bears on now weighs
    at least 0.1, no source more than 0.7, and the balance reads as the story's line says
    (BAND_READINGS); each refusal quotes the story."""
    for key, case in CASES.items():
        (band,) = [r for r in case._rules if r.kind == "band"]
        (cap,) = [r for r in case._rules if r.kind == "weight_cap"]
        assert band.readings == BAND_READINGS[key]
        assert band.holds(case._yours, case._theirs, case._weights), key
        assert cap.value == 0.7 and band.because and cap.because, key
    for s in _one_learner_per_case().values():
        floors = {r.source for r in rules_for(s) if r.kind == "weight_floor"}
        # every source, whatever the drawn facts bear on
        assert floors == set(SOURCES), s.learner
        if s.case in BACKWARDS_AUDITS:
            (yours, theirs, weights), words = BACKWARDS_AUDITS[s.case]
            audit = {
                "yours": dict(zip(SOURCES_ORDER, yours, strict=True)),
                "theirs": dict(zip(SOURCES_ORDER, theirs, strict=True)),
                "weights": dict(zip(SOURCES_ORDER, weights, strict=True)),
            }
            with pytest.raises(NotYet, match=r"no source should weigh more than 0\.7") as refusal:
                check.judge_audit(s, audit)
            assert words in str(refusal.value)
            assert not any(text in str(refusal.value) for text in s.facts.values())


def _reach_without_the_cap(case, target):
    """A wrong reach_plan: each step adds its full amount, so a rating may pass 10."""
    from tests.test_variants_sweep_leverage import reach_by_enumeration

    return reach_by_enumeration(case, target, cap=None)


def test_a_reach_plan_that_lets_a_rating_pass_10_is_told_of_the_cap():
    """Question 3c's check refused a reach_plan that forgets the cap at 10 with the general
    words that another plan is more likely to get there, where questions 3 and 4b name the
    cap; it now says that a rating cannot pass 10 when the uncapped count explains the plan."""
    for s in _one_learner_per_case().values():
        said = []
        for case, target in check.reach_test_cases(s):
            try:
                check.judge_reach(case, target, _reach_without_the_cap(case, target))
            except NotYet as refusal:
                said.append(str(refusal))
        assert any("a rating cannot pass 10" in words for words in said), (s.learner, said)


@pytest.mark.parametrize("learner_id", ["r-7", "r-1"])
def test_every_practice_case_has_a_tactic_on_the_line_and_a_bluff(learner_id, monkeypatch, capsys):
    """The practice check says why a tactic on the line takes either kind, but neither
    practice case held one; the deadline practice case, which every learner of another
    case practises on, held no bluff and no news item of information either. Each practice
    case now has a tactic on the line and a plain bluff, the deadline one an information
    news item too; the practice keys pass their checks, and both kinds of a tactic on the
    line get the line's explanation."""
    from course.scenarios.leverage import _PRACTICE_TACTICS, news_key, practice_for, tactic_key

    monkeypatch.setenv("LEVERAGE_LEARNER", learner_id)
    practice = practice_for(course.variant("00_leverage"))
    pool = {t.text: t for t in _PRACTICE_TACTICS if t.case == practice.case}
    drawn = [pool[text] for text in practice.tactics.values()]
    assert any(t._also for t in drawn) and any(t._kind == "bluff" and not t._also for t in drawn)
    if practice.case == "deadline":
        assert any(source == "information" for _, source, _ in news_key(practice).values())
    key = tactic_key(practice)
    check.practice_tactics(lambda: key)
    news = news_key(practice)
    check.practice_news(lambda: news)
    assert "\N{CHECK MARK}" in capsys.readouterr().out
    line = next(label for label, t in zip(practice.tactics, drawn, strict=True) if t._also)
    also = next(t._also for t in drawn if t._also)
    check.practice_tactics(lambda: {**key, line: also})
    assert f"{line} is on the line" in capsys.readouterr().out


def test_each_rung_of_a_percentage_ladder_is_one_point_more():
    """Section 5 says each rung of the ask ladder is one step of the ask (a percentage point
    of pay or price), but the salary ladder went from 11% to the top of the pay band, 15%,
    and the supplier ladder from 11% to 12% with ninety days to pay, for the same quarter
    point. Each rung of those ladders now adds one point and nothing else."""
    for key in ("salary", "supplier", "sole-source"):
        asks = [ask for _, ask in CASES[key].asks if "%" in ask]
        assert all(re.search(r"\d+%$", ask) for ask in asks), key
        points = [int(re.search(r"(\d+)%$", ask).group(1)) for ask in asks]
        assert points == list(range(points[0], points[0] + len(asks))), key
        assert len({re.sub(r"\d+%$", "", ask) for ask in asks}) == 1, key


def test_no_tactic_hint_says_something_false_of_the_tactic_it_is_shown_for():
    """Filed as illegitimate, the forged letterhead (a misrepresentation) was told "it draws
    on nothing that is not yours to use", which a rival's letterhead is. The hint for a kind
    now names only what that kind's test looks at (information someone is bound to keep
    secret, pressure through a person's office), which no tactic of another kind uses."""
    from course.scenarios.leverage import _PRACTICE_TACTICS, _TACTICS

    hint = check.NOT_KIND["illegitimate"]
    assert "not yours to use" not in hint
    assert "bound to keep secret" in hint and "through a person's office" in hint
    forged = [t for t in _TACTICS if "letterhead" in t.text]
    assert forged and all("illegitimate" not in t._kinds for t in forged)
    for tactic in (*_TACTICS, *_PRACTICE_TACTICS):
        if "illegitimate" not in tactic._kinds:
            assert not re.search(
                r"\bbound\b|secret|councillor|licensing|tax office|friend at|forbids|bars him",
                tactic.text,
            )


def test_question_5_accepts_the_article_forms_of_its_kinds():
    """The question glosses "illegitimate" as "(an illegitimate source)", and "an
    illegitimate source" or "a bluff" got a form message; both count as their kind."""
    s = course.variant("00_leverage", "r-7")
    key = tactic_key(s)
    spelled = {
        label: {"illegitimate": "an illegitimate source", "bluff": "a bluff"}.get(kind, kind)
        for label, kind in key.items()
    }
    for label in key:
        check.judge_tactic(s, label, spelled)


def test_the_ladder_of_asks_is_described_as_it_is_in_every_case():
    """Section 5 called each rung of the ladder one percentage point of pay or price, or a
    longer hold; the deadline ladder climbs by two points of rent, then months paid ahead,
    and the sole-source one by three or six months of a hold. The text now names each
    step, and each step of each case's ladder is one it names (a top rung or two apart)."""
    text = _module_text()
    assert "one percentage point more of pay or price, say" not in text
    # review 93 U2: "two of rent" and "a few months" said plainly
    assert "two percentage points of rent, three to six months of a price hold, or one" in text
    steps = {"salary": {1}, "supplier": {1}, "deadline": {2, 1}, "sole-source": {3, 6, 1}}
    for key, case in CASES.items():
        numbers = [int(n) for _, ask in case.asks for n in re.findall(r"\d+", ask)[:1]]
        gaps = [b - a for a, b in pairwise(numbers) if b > a]
        named = sum(gap in steps[key] for gap in gaps)
        assert named >= len(case.asks) - 3, (key, gaps)


def test_question_4b_says_it_asks_for_the_first_moment_even_with_a_known_deadline():
    """Section 5 says waiting for a known deadline of the other side is sound, while 4b's
    check took only the first moment the balance reaches the need, for deadline learners
    too. Review 79 X1: 4b grades the rule's moment; whether to wait is 4c's judgement."""
    text = " ".join(_cell("q4b-text").split())
    assert "`ask_at`: when section 5's rule makes the ask" in text
    assert "question 4c questions it (your bar, and whether to wait past it)." in text
    assert "This half marks the rule's moment, not section 5's advice to wait" not in text


def test_the_text_counts_the_answers_and_sizes_the_writing_as_the_model_answers_do():
    """The intro said seven answers in Python, while a learner writes three practice ones
    too; 3b asked for two or three sentences and 4c for two to four, while the model
    answers run to 100 to 180 and about 65 words a part. The text now says so; it also
    glosses module 03's expert base and says what "power" means in this course."""
    text = _module_text()
    assert "seven graded answers in Python and three practice ones" in text
    assert "two or three sentences" not in text and "two to four sentences" not in text
    assert "a short paragraph (about 100 to 200 words)" in _cell("plan-judgement-text")
    assert "a short paragraph each (about 50 to 100 words)" in " ".join(_cell("q4c-text").split())
    for grade_id, low, high in (("plan-judgement", 100, 200), ("spend-judgement", 50, 100)):
        for quoted in re.findall(r'"(\(1\) .*?)"', _cell(grade_id), flags=re.S):
            for part in filter(str.strip, re.split(r"\(\d\) (?=[A-Z])", quoted)):
                assert 0.9 * low <= len(part.split()) <= high, (grade_id, len(part.split()))
    assert "know-how is module 03's *expert* power" in text
    assert "In this course, **power** is the third source only" in text


#: Words that name one of the four cases in the text (its story's names and places).
CASE_NAMES = {
    "salary": ("Larkfield", "Calder", "salary case"),
    "supplier": ("Vell", "Bellpak", "Corrin", "supplier case"),
    "sole-source": ("Ostra", "pump", "valve", "sole-source case"),
    "deadline": ("Brannock", "warehouse", "deadline case"),
}


def _markdown_before(grade_id):
    from tests.notebooks import source_notebook

    cells = source_notebook("00_leverage", "leverage").cells
    ids = [c.metadata["nbgrader"]["grade_id"] for c in cells]
    return [c.source for c in cells[: ids.index(grade_id)] if c.cell_type == "markdown"]


def test_no_learner_reads_an_answer_of_their_own_case_before_answering_it():
    """Section 2 gave the course's weights for the sole-source case above question 2, which asks
    sole-source learners to weigh that very case; and section 5 quoted the deadline case's
    balance after each of its first two news items above question 4a, which tells a deadline
    learner who drew them how far (so on which weighted source, and which way) each moved. No
    sentence above question 2's check that names a case gives a weight, and above question 4a's
    check no balance of a case is quoted but its start and the need of an ask. Fails on the old
    text. Review 88 U1: section 5 may quote the balances of the widget's run of the deadline
    case, which the widget itself shows: its news is practice news no learner draws
    (tests/test_widgets_audit.py), so those balances answer nobody's question."""
    for text in _markdown_before("my-audit-test"):
        for sentence in re.split(r"(?<=[.;:])\s", " ".join(text.split())):
            named = [k for k, names in CASE_NAMES.items() if any(n in sentence for n in names)]
            assert not (named and re.search(r"\b0\.\d", sentence)), sentence
    allowed = set()
    for case in CASES.values():
        start = balances_after(case._yours, case._theirs, case._weights, {})["now"]
        allowed |= {round(start, 2)} | {round(need, 2) for need, _ in case.asks}
    from course.scenarios.leverage import _widget_news

    widget = CASES["deadline"]
    played = {
        f"N{i}": (n._side, n._source, n._change) for i, n in enumerate(_widget_news(widget.key), 1)
    }
    assert not {n.text for n in _widget_news(widget.key)} & {n.text for n in _NEWS}
    run = balances_after(widget._yours, widget._theirs, widget._weights, played)
    allowed |= {round(balance, 2) for balance in run.values()}
    for text in _markdown_before("news-moves-test"):
        if any(n in text for names in CASE_NAMES.values() for n in names):
            for figure in re.findall(r"\$([+-]\d+\.\d\d)\$", text):
                assert round(float(figure), 2) in allowed, figure


def _reaudit_by_the_key(case, moves):
    balances = balances_after(case.yours, case.theirs, case.weights, moves)
    return turning_point(balances), ask_moment(balances, case.bar)


def _reaudit_by_plain_sums(case, moves):
    from course.scenarios.leverage import _balances

    balances = _balances(case.yours, case.theirs, case.weights, moves)
    return turning_point(balances), ask_moment(balances, case.bar)


def _best_plan_by_trying_the_judge(case):
    from itertools import combinations

    names = list(case.steps)
    every = [plan for k in range(len(names), -1, -1) for plan in combinations(names, k)]
    for plan in every:
        try:
            check.judge_plan(case, list(plan))
        except NotYet:
            continue
        return list(plan)
    return []


#: For each graded question, answers that decide nothing: each only calls what the check
#: uses to know the right answer (or asks the check's own judge, which does).
CALLS_THE_KEY = {
    "classify_facts": [lambda: fact_key(course.variant("00_leverage"))],
    "news_moves": [lambda: news_key(course.variant("00_leverage"))],
    "classify_tactics": [
        lambda: tactic_key(course.variant("00_leverage")),
        lambda: {k: v[0] for k, v in tactic_kinds_accepted(course.variant("00_leverage")).items()},
    ],
    "best_plan": [
        lambda case: list(course.scenarios.leverage.best_plan(case)),
        lambda case: list(max(plans(case), key=plans(case).get)),
        _best_plan_by_trying_the_judge,
    ],
    "reach_plan": [
        lambda case, threshold: list(best_reach_plan(case, threshold)),
        lambda case, threshold: list(
            max(reach_chances(case, threshold), key=reach_chances(case, threshold).get)
        ),
    ],
    "reaudit": [_reaudit_by_the_key, _reaudit_by_plain_sums],
}


@pytest.mark.parametrize("hidden", [False, True])
@pytest.mark.parametrize(
    ("question", "answer"),
    [(q, a) for q, answers in CALLS_THE_KEY.items() for a in answers],
)
def test_an_answer_that_calls_the_answer_key_fails_the_visible_and_the_hidden_check(
    learner, question, answer, hidden
):
    """Such an answer is right on every case grading tries; the check says the question
    asks for the learner's own working. Outside a check the keys still answer."""
    hint = miss(getattr(check, question), answer, hidden)
    assert "the course's own answer to" in hint
    own = course.variant("00_leverage")
    assert fact_key(own) and course.scenarios.leverage.best_plan(own) is not None


def test_the_practice_case_can_be_read_inside_an_answer_while_a_check_runs(learner, capsys):
    """Reading ``scenario.practice`` draws a scenario, which uses the keys: that is the
    course's own working, not the learner's answer, so it is not refused."""
    own = course.variant("00_leverage")
    from course.scenarios.leverage import _PRACTICE_FACTS

    read = {fact.text: (fact._source, fact._side) for fact in _PRACTICE_FACTS}
    check.practice_facts(lambda: {k: read[t] for k, t in own.practice.facts.items()})
    assert "\N{CHECK MARK}" in capsys.readouterr().out


def test_no_trust_item_reopens_the_term_the_ask_is_about():
    """The ask under the news is a price (supplier) or a rent (deadline): a trust item that
    reopened that term said it was agreed while the ask still sought it."""
    for item in _NEWS:
        if item.trust:
            assert not re.search(r"\b(price|rent)\b", item.text), item.text


def test_the_salary_tactics_give_one_lowest_salary():
    """What a tactic states is true unless it says otherwise, so two tactics drawn together
    must not give two different lowest salaries you would sign for."""
    said = {
        figure
        for tactic in _TACTICS
        if tactic.case == "salary"
        for figure in re.findall(r"sign for ([\d,]+\d)", tactic.text)
    }
    assert said == {"90,000"}


def test_no_deadline_tactic_calls_a_firm_the_only_other_one():
    """A fact of the case says a furniture maker has also asked for the lease terms."""
    assert not any("only other firm" in t.text for t in _TACTICS if t.case == "deadline")


# --- graded answers are not data a learner's kernel can read -----------------------------

#: The containers the walk looks inside, besides the course's own objects.
_CONTAINERS = (tuple, list, set, frozenset, dict, MappingProxyType)


def _graded_labels(s):
    """Each graded item's text of learner ``s`` (questions 1, 4a and 5), with the labels
    that together are its answer: a fact's source and side, a news item's side and source,
    a tactic's kind (any one accepted kind)."""
    facts = fact_key(s)
    news = news_key(s)
    kinds = tactic_kinds_accepted(s)
    wanted = [(s.facts[k], [set(v)]) for k, v in facts.items()]
    wanted += [(s.news[k][0], [{side, source}]) for k, (side, source, _) in news.items()]
    wanted += [(s.tactics[k], [{kind} for kind in v]) for k, v in kinds.items()]
    return wanted


def _public_values(obj):
    """The values one step from ``obj`` that a learner reaches by public names: a module's
    or an instance's public attributes (properties evaluated), a container's items."""
    if isinstance(obj, dict | MappingProxyType):
        return [v for k, v in obj.items() if not (isinstance(k, str) and k.startswith("_"))]
    if isinstance(obj, _CONTAINERS):
        return list(obj)
    values = []
    for name in dir(obj):
        if name.startswith("_"):
            continue
        try:
            value = getattr(obj, name)
        except Exception:  # an answer key refusing, a part drawn later: nothing read
            continue
        if not (callable(value) and not isinstance(value, _CONTAINERS)):
            values.append(value)
    return values


def _record_fields(obj):
    """The strings one record holds at its own level, read by public names: a dict item is
    a record of its key and value, a tuple one of its items, an object one of its public
    attributes."""
    if isinstance(obj, str):
        return {obj}
    if isinstance(obj, tuple | list | frozenset | set):
        return {x for x in obj if isinstance(x, str)}
    return {v for v in _public_values(obj) if isinstance(v, str)}


def _readable_answers(roots, wanted, depth=4):
    """Every (path, text) at which a record read through public names holds one of
    ``wanted``'s texts with all the labels of its answer."""
    found, seen = [], set()

    def visit(obj, path, left):
        if id(obj) in seen or isinstance(obj, str | int | float | bool | type(None)):
            return
        if isinstance(obj, ModuleType) and left < depth:
            return
        kind = type(obj)
        if not isinstance(obj, (*_CONTAINERS, ModuleType)) and not (
            kind.__module__.startswith("course.") or isinstance(obj, type)
        ):
            return
        seen.add(id(obj))
        records = [obj]
        if isinstance(obj, dict | MappingProxyType):
            records += [(k, *(v if isinstance(v, tuple) else (v,))) for k, v in obj.items()]
            records += [v for v in obj.values() if not isinstance(v, str)]
        for record in records:
            fields = _record_fields(record)
            if isinstance(record, tuple):
                for item in record:
                    if not isinstance(item, str | tuple) and not isinstance(item, _CONTAINERS):
                        fields |= _record_fields(item)
            for text, answers in wanted:
                if text in fields and any(labels <= fields for labels in answers):
                    found.append((path, text))
        if left:
            for value in _public_values(obj):
                visit(value, f"{path}.{type(value).__name__}", left - 1)

    for name, root in roots:
        visit(root, name, depth)
    return found


def test_no_graded_answer_is_readable_through_a_public_name():
    """Check that no public name of module 00's course modules (scenarios, checks, models,
    widgets), nor any public attribute of the records they hold, nor the learner's own
    scenario, holds a drawn learner's graded answer of questions 1, 4a or 5 (the item's
    text beside its labels): such data would answer the question in one line on every case
    grading tries, outside any answer key. The walk runs as a check runs a learner's
    function, so the answer keys refuse."""
    import course.checks.leverage as checks_module
    import course.models.audit as models_module
    import course.scenarios.leverage as scenarios_module
    import course.widgets.audit as widgets_module
    from course.checks import calls

    learners = [course.variant("00_leverage", f"no-answer-data-{i}") for i in range(12)]
    wanted = [pair for s in learners for pair in _graded_labels(s)]
    roots = [
        (module.__name__, module)
        for module in (scenarios_module, checks_module, models_module, widgets_module)
    ]
    roots += [(f"scenario[{s.learner}]", s) for s in learners]
    running = calls._learner_running.set(True)
    try:
        found = _readable_answers(roots, wanted)
    finally:
        calls._learner_running.reset(running)
    assert not found, f"{len(found)} graded answers readable, e.g. {found[:5]}"


def _wrong_labels(own):
    """For each own-label question: its check, and an answer with every label wrong."""
    facts = {
        letter: ("power" if source != "power" else "information", side)
        for letter, (source, side) in fact_key(own).items()
    }
    news = {
        label: (side, source, -change) for label, (side, source, change) in news_key(own).items()
    }
    tactics = {
        label: "legitimate" if kind != "legitimate" else "bluff"
        for label, kind in tactic_key(own).items()
    }
    return [
        (check.classify_facts, facts, 2),
        (check.news_moves, news, 1),  # review 73 X1: question 4a weighs 1 mark
        (check.classify_tactics, tactics, 2),
    ]


def test_run_by_hand_a_hidden_check_judges_none_of_the_learners_own_labels(
    own, capsys, monkeypatch
):
    """In a learner's kernel (no grading key, not under nbgrader), a hidden check run by hand
    says the labels are judged at grading and judges none of them, so it cannot be probed for
    questions 1, 4a and 5; under a grading key it marks them item by item."""
    monkeypatch.setattr("course.checks.credit._own_items_without_key", False)  # a kernel
    for question, answer, marks in _wrong_labels(own):
        capsys.readouterr()
        assert question(lambda answer=answer: answer, hidden=True) is None
        said = capsys.readouterr().out
        assert check.JUDGED_AT_GRADING in said
        assert not re.search(r"is right|is read right|is not |is on the line", said), said
        with hidden_cases_as("a-grading-key-for-the-tests"):
            outcome = question(lambda answer=answer: answer, hidden=True)
        assert outcome.earned == 0 and outcome.possible == marks


def test_every_judge_that_knows_an_answer_is_an_answer_key(own):
    """The judges of each question know its answer, so each is an answer key: it refuses
    while a check runs a learner's function, and the class report names a cell that calls
    it."""
    from autograder.integrity import course_internals

    judges = [name for name in vars(check) if name.startswith("judge_")]
    assert {"judge_fact", "judge_news_item", "judge_tactic", "judge_audit"} <= set(judges)
    for name in judges:
        assert getattr(getattr(check, name), "answer_key", False), name
        assert course_internals()[name] == "answer key", name
    token = _learner_running.set(True)
    try:
        with pytest.raises(AnswerKeyCalled):
            check.judge_fact(own, "A", {"A": ("power", "you")})
        with pytest.raises(AnswerKeyCalled):
            check.judge_news_item(own, "N1", {"N1": ("you", "power", 1)})
    finally:
        _learner_running.reset(token)


def test_the_supplier_story_says_why_information_matters_without_weighing_it():
    """The supplier case's own audit and model answer weigh information most, against
    section 2's habit of weighing a dependence case through alternatives or power; the
    story says why, as what nobody knows yet: how much Vell needs your order. It said "in
    this case what each side can find out weighs most", which handed question 2 its
    weighting (review 56); no story says which source weighs or counts most now."""
    from course.scenarios.leverage import CASES

    case = CASES["supplier"]
    assert max(case._weights, key=case._weights.get) == "information"
    assert "Nobody knows yet how much Vell needs your order" in case.story
    for other in CASES.values():
        assert not re.search(r"\bweigh|\b(counts|matters) most", other.story), other.key
    # the case's own audit rates your information above Vell's (6 against 5), as do most
    # starting audits (44/75 in review 55): the story now says what you know that Vell does
    # not, beside the one thing Vell alone knows
    assert case._yours["information"] > case._theirs["information"]
    # review 103 C3 (round 105): what you know is about Vell (its costs), as section 2
    # defines information, not about your own side, which every side knows
    assert "You, in turn, know roughly what Vell's lid costs it to make" in case.story
    assert "know more of your own side" not in case.story


def test_question_4c_s_model_answer_uses_only_what_section_5_s_run_shows():
    """The model answer to question 4c reasoned from "a large payment on my loan falls due in two
    months", which only a graded news item and a fact of the deadline case say: neither the
    story nor the run section 5 describes shows it, and its rubric allows only what was known
    at the first moment. No word of the model answer now comes from the deadline case's graded
    facts and news without also being in its story, the widget's news or the text above."""
    from course.scenarios.leverage import _widget_news

    answer = " ".join(_cell("spend-judgement").split()).split("A full-marks answer", 1)[1]

    def stems(text):  # "years" and "year" alike
        return {word.rstrip("s") for word in _words(text)}

    seen = stems(
        " ".join(
            [
                CASES["deadline"].story,
                *(item.text for item in _widget_news("deadline")),
                *_markdown_before("spend-judgement"),
            ]
        )
    )
    graded = {
        word
        for item in (*_FACTS, *_NEWS)
        if item.case == "deadline"
        for word in stems(item.text)
        if len(word) > 4
    }
    assert not (stems(answer) & graded) - seen
    for words in ("loan", "refinance"):
        assert words not in answer


def test_a_power_fact_does_not_say_the_learner_would_move_what_the_other_side_owns():
    """ "Vell owns the tooling that makes your lid, which would take three months to move" mixed
    Vell's power (the tooling is Vell's, not yours to move) with your alternatives (the
    three-month switch to Bellpak or Corrin), the very confusion question 1b asks a learner to
    resolve (review 56). No fact of any pool says that something owned or controlled by one
    side would be moved."""
    from course.scenarios.leverage import _PRACTICE_FACTS

    for fact in (*_FACTS, *_PRACTICE_FACTS):
        if re.search(r"\b(owns|controls|holds)\b", fact.text):
            assert not re.search(r"\bto move\b", fact.text), fact.text
    (tooling,) = [f for f in _FACTS if "tooling" in f.text]
    assert (tooling._source, tooling._side) == ("power", "them")


#: The specific other options each case's story and facts name (a rival employer, other
#: makers, other tenants or sites): section 2's second question files a fact about one of
#: them under alternatives.
_OPTIONS = {
    "salary": ("Calder", "third firm", "contractor", "start-up", "staffing agency"),
    "supplier": ("Bellpak", "Corrin", "supermarket"),
    "sole-source": ("overseas maker", "forty other firms", "start-up"),
    "deadline": ("furniture maker", "logistics park", "self-storage", "developer"),
}


def test_no_fact_filed_under_information_or_power_names_a_specific_other_option():
    """Review 57 W1 (and C3): "Vell owns the tooling that makes your lid, which Bellpak or
    Corrin would need three months to replace" was keyed (power, them), yet it names two
    specific other suppliers, so section 2's second question ("is it about a specific other
    option ... another supplier?"), asked before the third, files it under your
    alternatives, as the supplier story's own rules do with the three-month switch; and the
    hint for ("alternatives", "you") said it was "not about a specific other option", which
    was untrue. A fact keyed power or information now names no other option, so the ordered
    test gives one answer (this failed on the old tooling fact)."""
    from course.scenarios.leverage import _PRACTICE_FACTS

    for fact in (*_FACTS, *_PRACTICE_FACTS):
        if fact._source == "alternatives":
            continue
        names = [n for case in _OPTIONS.values() for n in case]
        assert not [n for n in names if n.lower() in fact.text.lower()], fact.text


def test_the_lines_between_kinds_are_drawn_once_and_question_5_points_to_them():
    """The point that a threat or warning you would not carry out sits between a bluff and a
    misrepresentation was made three times (the legitimate bullet, the bluff bullet and
    question 5), and the lie told to get information twice (review 56, U3). Section 6 now
    draws each line once, and question 5 names both in one sentence pointing back to it."""
    text = " ".join(_module_text().split())
    assert text.count("sits on the line between a bluff and a misrepresentation") == 1
    assert "as the caution above says" not in text
    q5 = " ".join(_cell("q5-text").split())
    assert "For a tactic on one of section 6's lines" in q5
    assert "filed by its source" not in q5


def test_the_bluffing_convention_rests_on_the_model_rule_not_on_carr():
    """Review 57 E1 and C1: section 6 said the convention for bluffing about a limit "rests on
    Carr and the Model Rule comment", two sentences after saying that Carr excused misstated
    facts too, and module 03 calls Carr "no authority for its line". The line now rests on
    the Model Rule comment alone, and says why Carr is no authority for it (this failed on
    the old text)."""
    text = _module_text()
    assert "rests on Carr" not in text
    assert "Carr and the Model Rule comment" not in text
    assert "no authority for this line" in text


def test_a_true_warning_is_legitimate_but_the_weaker_move_as_in_modules_02_to_04():
    """Review 57 C4: module 00 called a warning "ordinary negotiating", where modules 02, 03
    and 04 call a true warning legitimate but usually the weaker move, since it corners the
    other side. Section 6 now says both (this failed on the old text)."""
    # review 98 U1 (round 99): warnings and threats moved to section 6's edge cases
    legitimate = _module_text().split("**Edge cases.**")[1].split("**Going back on your word**")[0]
    assert "usually weaker than calmly naming the same offer" in legitimate
    assert "corners the other side" in legitimate


#: Who, in an item, passes on another party's internal facts that it may be bound to keep.
_INSIDERS = re.compile(
    r"machine operator|removals firm|operations manager|former buyer|former colleague|"
    r"mechanic|sales assistant|clerk"
)


def test_what_an_insider_may_tell_you_is_said_once_and_no_fair_item_breaks_it():
    """Review 57 C2: section 6 filed "a dealer's cost-price list slipped to you by one of its
    mechanics" as an illegitimate source without saying it was bought, while practice news
    played a Vell machine operator's and Brannock's removals firm's remarks about their
    principal's internal facts as ordinary information, and nothing said what separates the
    two. Section 6 now says the line (was the person free to tell?), the example is bought,
    and no fact or news item passes on an employee's or contractor's knowledge of its
    principal; insiders appear only in tactics that are illegitimate (this failed on the old
    text and items)."""
    from course.scenarios.leverage import _PRACTICE_FACTS, _PRACTICE_NEWS, _PRACTICE_TACTICS

    text = _module_text()
    assert "slipped to you" not in text
    illegitimate = text.split("**An illegitimate source.**")[1]
    assert "free to tell" in illegitimate.split("**Going back on your word**")[0]
    for item in (*_FACTS, *_PRACTICE_FACTS, *_NEWS, *_PRACTICE_NEWS):
        assert not _INSIDERS.search(item.text), item.text
    for tactic in (*_TACTICS, *_PRACTICE_TACTICS):
        if _INSIDERS.search(tactic.text):
            assert tactic._kind == "illegitimate", tactic.text


#: Plausible honest readings of each story (review 57's, four per case), as (yours, theirs,
#: weights) in the order information, alternatives, power.
_HONEST_READINGS = {
    "salary": (
        ((4, 8, 5), (7, 4, 6), (0.3, 0.4, 0.3)),
        ((3, 7, 6), (7, 3, 5), (0.3, 0.45, 0.25)),
        ((4, 7, 3), (7, 5, 7), (0.3, 0.4, 0.3)),
        ((2, 8, 4), (8, 4, 6), (0.2, 0.5, 0.3)),
    ),
    "supplier": (
        ((6, 4, 5), (5, 3, 7), (0.3, 0.3, 0.4)),
        ((6, 5, 4), (6, 3, 6), (0.4, 0.3, 0.3)),
        ((7, 5, 3), (5, 2, 6), (0.4, 0.3, 0.3)),
        ((5, 4, 3), (6, 3, 8), (0.3, 0.2, 0.5)),
    ),
    "sole-source": (
        ((5, 2, 3), (5, 7, 8), (0.2, 0.3, 0.5)),
        ((6, 1, 3), (5, 6, 8), (0.2, 0.2, 0.6)),
        ((5, 2, 4), (5, 6, 7), (0.3, 0.3, 0.4)),
        ((6, 2, 3), (6, 7, 8), (0.3, 0.4, 0.3)),
    ),
    "deadline": (
        ((6, 4, 7), (5, 2, 4), (0.3, 0.3, 0.4)),
        ((5, 5, 6), (5, 3, 5), (0.2, 0.4, 0.4)),
        ((6, 4, 5), (5, 3, 6), (0.3, 0.45, 0.25)),
        ((4, 3, 6), (6, 2, 5), (0.3, 0.3, 0.4)),
    ),
}


def test_an_honest_reading_near_the_starting_audit_is_not_said_to_be_copied():
    """Review 57 W2: question 2 refused an audit within one rating point and 0.05 per weight
    of the starting audit with "made before you see that audit", though the learner answers
    before section 4 shows it; 3 of these 800 honest readings (200 learners) were refused so.
    Review 68 X4: no audit is refused for being near the starting audit; one within a point
    passes with a note for the instructor that does not call it copied."""
    refused = []
    for n in range(200):
        s = course.variant("00_leverage", f"r-{n}")
        for yours, theirs, weights in _HONEST_READINGS[s.case]:
            audit = {
                name: dict(zip(SOURCES_ORDER, values, strict=True))
                for name, values in (("yours", yours), ("theirs", theirs), ("weights", weights))
            }
            try:
                check.judge_audit(s, audit)
            except NotYet as failure:
                if check.STARTING in str(failure):
                    refused.append((f"r-{n}", str(failure)))
    assert not refused, refused[:3]
    s = course.variant("00_leverage", "r-1")
    r = s.yours["information"]
    moved = {**s.yours, "information": r + 1 if r < SCALE else r - 1}
    said = _copy_note(s, {"yours": moved, "theirs": dict(s.theirs), "weights": dict(s.weights)})
    assert "an honest reading can come this close" in said
    assert "before you see" not in said and "copied" not in said


def test_the_learners_own_balances_are_shown_on_their_own_readings_after_question_4b(
    answers, capsys
):
    """Review 57 W3: question 4b never gave the learner a number on their own case, so
    question 4c started from nothing they could see. A cell after 4b's check now shows the
    own case's balances on the learner's own readings of question 4a (never on the right
    ones, which would mark 4a before grading), with no verdict; an unfinished news_moves
    gets a pointer to 4a's check. It is not a check, so the grader's replay of 4b's
    transcript is untouched (this failed on the old module, which had no such cell)."""
    from tests.notebooks import source_notebook

    cells = source_notebook("00_leverage", "leverage").cells
    ids = [c.metadata["nbgrader"]["grade_id"] for c in cells]
    assert ids.index("reaudit-test") < ids.index("own-balances") < ids.index("q4c-text")
    assert _cell("own-balances").strip() == "check.own_balances(news_moves)"
    s = answers["scenario"]
    key = news_key(s)
    flipped = {label: (side, source, -change) for label, (side, source, change) in key.items()}
    check.own_balances(lambda: flipped)
    line = capsys.readouterr().out
    mine = balances_after(s.yours, s.theirs, s.weights, flipped)
    right = balances_after(s.yours, s.theirs, s.weights, key)
    for label, balance in mine.items():
        assert f"{balance:+.2f}" in line, label
    assert any(f"{right[k]:+.2f}" not in line for k in right if k != "now")
    assert "turning" not in line.lower() and "ask now" not in line.lower()

    def unfinished():
        raise NotImplementedError

    check.own_balances(unfinished)
    said = capsys.readouterr().out
    assert "your own readings" not in said and "question 4a's check" in said


def test_the_two_kinds_of_alternative_are_taught_once_in_a_side_note_after_section_3():
    """Review 57 U1: section 1 and section 3's second limit both taught outside options
    against breakdown payoffs, the Nash split and its half-unit rule, before anything used
    them. Section 1 now says one sentence and points ahead; the gist is one collapsed side
    note after section 3's limits, and the limit itself only points to it (this failed on the
    old text)."""
    # review 76 U1: the side note is cut (only the reflection used it, as one limit to
    # name); section 3's limit says the gist in one sentence and section 1 no longer points
    first = " ".join(_cell("what-teaching").split())
    limits = " ".join(_cell("audit-limits").split())
    for said in ("breakdown payoff", "disagreement point", "five more for ten", "Shaked"):
        assert said not in first, said
    assert "side note" not in first
    assert limits.count("*outside option*") == 1
    assert "five more for ten" not in limits  # review 69 U4: module 02 works the split
    assert "<details>" not in limits and "breakdown payoff" not in limits


def test_a_binding_outside_option_adds_a_whole_unit_only_when_the_other_side_proposes():
    """Review 58 E1/C2: the side note said a binding outside option counts "fully", each unit
    adding a whole unit to your share. That holds when the other side proposes; when you
    propose, the other side can refuse and propose a round later, so a unit adds only delta
    (module 02 says so). The reflection prompt also said "an alternative" below your share
    at the table moves nothing, which is true of an outside option only: a breakdown payoff
    moves the Nash split whatever its size. Both now say so (this failed on the old text)."""
    from course.models.power import bargaining_split

    delta, b, step = Fraction(9, 10), Fraction(6, 10), Fraction(1, 10)
    for option in (b, b + step):
        assert option > bargaining_split(delta, delta)[1]  # it binds

    def responding(option):  # they propose, you answer with the option in hand
        return bargaining_split(delta, delta, option)[1]

    def proposing(option):  # you propose; refused, they propose a round later
        return 1 - delta * bargaining_split(delta, delta, option)[0]

    assert responding(b + step) - responding(b) == step
    assert proposing(b + step) - proposing(b) == delta * step < step
    limits = " ".join(_cell("audit-limits").split())
    assert "and then fully" not in limits
    # review 69 U4: the note gives no rate for a binding option now (module 03 derives both),
    # so it cannot give the wrong one
    assert "adds a whole unit" not in limits and "counts only when it beats" in limits
    reflection = " ".join(_cell("reflection-text").split())
    assert "an alternative worth less than what you would get at the table" not in reflection
    # review 91 U3: in section 3's new words
    assert "an outside option worth less than what the deal would give you anyway" in reflection


# --- review 58: C1, C3, U3, U4, W1, W2, W3 -----------------------------------------------


def test_the_threshold_of_an_ask_is_its_bar_and_need_keeps_its_everyday_sense():
    """Review 58 C1: "need" meant both what the other side needs (Emerson, interests) and the
    balance an ask must have behind it. The threshold is now the ask's *bar* everywhere a
    learner reads it (text, scenario display, the check's hints); ``scenario.bar`` keeps
    its field name, glossed where it is defined (this failed on the old text and strings)."""
    text = _module_text()
    assert not re.search(r"\b(a|the|its|ask's|your|this) \*{0,2}needs?\b", text)
    # review 75 U2: section 4 says once that both fields are bars
    # review 77 U2: it defines both once
    assert "An ask's **bar**" in text
    # review 78 U1: one name, bar, for the field too (``need`` stays an alias)
    assert "`scenario.bar` is the bar of the ask" in text  # review 79 U2, review 83 U1
    assert "### Question 4c (3 marks, graded by your instructor): setting the bar yourself" in text
    s = course.variant("00_leverage", "bar-words")
    shown = s.show("news").markdown
    assert "this ask's bar is a balance of at least" in shown and "needs a balance" not in shown
    if s.prepared_ask is not None:
        bold = s.show("prepared-ask").markdown
        assert "whose bar is a balance of at least" in bold and "(need, ask)" not in bold
    import inspect

    assert "what the ask needs" not in inspect.getsource(check)
    assert "the ask's bar" in inspect.getsource(check)


def test_a_wrong_reading_of_trust_news_is_told_that_trust_counts_as_power():
    """Review 58 C3: section 2 files the other side's trust in your word under power, by the
    course's choice, but the widget's feedback on a wrong reading said only "what a side
    controls, or what the other side needs from it", and the check's hint for a wrong source
    the same. Both now name trust (this failed on the old strings)."""
    from course.models.audit import WHY  # review 88 X1: the verdict's words left the view

    assert "trust in its word" in WHY["power"] and "section 2" in WHY["power"]
    s = course.variant("00_leverage", "trust-hint")
    label, (side, source, change) = next(iter(news_key(s).items()))
    other = next(x for x in ("information", "alternatives", "power") if x != source)
    with pytest.raises(NotYet) as hint:
        check.judge_news_item(s, label, {label: (side, other, change)})
    assert "or the other side's trust in its word" in str(hint.value)


def test_what_the_checks_say_about_the_learners_own_labels_and_why():
    """Review 58 W2: the own-case checks of questions 1, 4a and 5 give no count of right
    labels, and the text now says why (a count would find every label by changing one at a
    time; the run below shows it does, in six tries a fact). Question 5 also says
    that "legitimate" judges ethics, not wisdom (U4), and the primer no longer spells out
    question 3's search (W3)."""
    q1 = " ".join(_cell("q1-text").split())
    assert "It does not say how many are right" in q1
    assert "as in question 1" in " ".join(_cell("q4-text").split())
    assert "as in question 1" in " ".join(_cell("q5-text").split())
    # a count would be an oracle: five facts, six (source, side) pairs each
    s = course.variant("00_leverage", "count-oracle")
    key = fact_key(s)
    pairs = [(a, b) for a in ("information", "alternatives", "power") for b in ("you", "them")]
    guess, tries = dict.fromkeys(key, pairs[0]), 0

    def count(answer):
        return sum(answer[letter] == key[letter] for letter in key)

    for letter in key:
        guess[letter] = max(pairs, key=lambda pair: count({**guess, letter: pair}))
        tries += len(pairs)
    assert guess == key and tries == 6 * len(key)
    q5 = " ".join(_cell("q5-text").split())
    assert '"Legitimate" judges ethics, not wisdom: stating your true reservation price' in q5
    intro = " ".join(_cell("intro").split())
    assert "range(len(names) + 1)" not in intro and "runs through every group" not in intro


def test_a_cell_that_reads_the_fact_labels_is_named_for_the_instructor():
    """Review 58 W1: the labels that grade questions 1, 4a and 5 ship with the package, so a
    learner who reads them earns the marks (a typed dict of the same labels cannot be told
    apart). What protects them is named in the rubric; the class report's integrity step
    names the cell that reads the pools: here a learner who imports the fact labels
    (``imports-fact-labels``), against one who typed them."""
    from autograder.integrity import reaches_in
    from tests.notebooks import solved

    imports_fact_labels = (
        "def fact_leverage():\n"
        "    from course.scenarios.leverage import _FACTS\n"
        "    read = {f.text: (f._source, f._side) for f in _FACTS}\n"
        "    return {k: read[t] for k, t in scenario.facts.items()}\n"
    )
    typed = "def fact_leverage():\n    return {'A': ('information', 'you')}\n"
    named = dict(
        reaches_in(solved("00_leverage", "leverage", fact_leverage_answer=imports_fact_labels))
    )
    assert {"_FACTS", "_source", "_side"} <= set(named["fact-leverage-answer"])
    named = dict(reaches_in(solved("00_leverage", "leverage", fact_leverage_answer=typed)))
    assert "fact-leverage-answer" not in named
    # review 77 U7: the note moved from question 1b's rubric to the README
    rubric = " ".join(_readme_section("Module 00: what its labels protect").split())
    assert "Module 00: what its labels protect" in " ".join(_cell("fact-reason").split())
    for said in (
        "grading cannot tell.",
        "are not in the course package but in the course root's `grader-keys/00_leverage.json`",
        "No check says before grading how many of a learner's own labels are right",
        "names every cell that reads those pools",
    ):
        assert said in rubric, said


# --- review 59: C1, C3, C4 ---------------------------------------------------------------


def test_an_illegitimate_source_got_by_deceit_takes_what_is_no_one_elses_to_give():
    """Review 59 C1: the ethics section's example of information got by deceit was posing as
    a customer to learn a rival dealer's trade-in terms, which any customer is told; two
    lines later the text says what is no secret is yours to use. The example is now a
    pretext that takes what the person asked may not give (this failed on the old text)."""
    text = " ".join(_cell("ethics-teaching").split())
    assert "posing as a customer" not in text and "trade-in terms" not in text
    assert "calling the buyer's bank as its accountant to learn the loan it has been" in text


def test_the_reservation_price_is_the_worst_terms_you_would_settle_for_and_has_one_name():
    """Review 59 C3: the bluff bullet called the reservation price "what you would settle
    for" (it is the least) and also a *limit* and a *floor*; the check's hint said "what you
    would settle for" too. One name now, glossed as the least you would settle for (this
    failed on the old text and hint). Review 60: "the least" read as a seller's only; the
    gloss is now the worst terms you would settle for, as in section 2's table."""
    text = _module_text()
    assert "that is, the worst terms you would settle for" in text
    assert "that is, what you would settle for" not in text
    for other in ("*limit*", "your limit", "own limit", "a limit", "my floor"):
        assert other not in text, other
    on_the_line = " ".join(check.ON_THE_LINE.values())
    assert "what you would settle for" not in on_the_line
    assert "a claim about your reservation price" in on_the_line


def test_question_3c_calls_the_balance_to_reach_a_bar_as_section_5_does():
    """Review 59 C3: the balance an ask must have behind it was a "bar" in section 5 and
    questions 4b and 4c but a "threshold" in section 4, question 3c and its check's hints.
    It is a bar everywhere the learner reads (this failed on the old text and hints)."""
    import inspect

    assert "threshold" not in _module_text().lower()
    assert "def reach_plan(case, bar):" in _cell("reach-plan-answer")
    assert "threshold" not in inspect.getsource(check)


def test_the_near_copy_note_says_the_ratings_differ_by_a_point_in_total():
    """Review 59 C4: question 2's refusal said the audit's ratings were "within a point of it
    in all", read as each rating within a point, while the check means one point of
    difference over all six ratings together. Its words, now a note for the instructor
    beside a pass (review 68 X4), say so, and two ratings each moved by a point get no note
    (the message failed on the old check)."""
    s = course.variant("00_leverage", "r-1")
    r = s.yours["information"]
    moved = {**s.yours, "information": r + 1 if r < SCALE else r - 1}
    note = _copy_note(s, {"yours": moved, "theirs": dict(s.theirs), "weights": dict(s.weights)})
    said = " ".join(note.split())
    assert "its six ratings differ from it by 1 at most in total" in said  # review 80 C2
    assert "within a point" not in said
    t = s.theirs["power"]
    twice = {**s.theirs, "power": t + 1 if t < SCALE else t - 1}
    note = _copy_note(s, {"yours": moved, "theirs": twice, "weights": dict(s.weights)})
    assert note is None or check.STARTING not in note, note


# --- review 60: E1, E2, E3 --------------------------------------------------------------


def test_the_deal_me_out_result_is_the_models_and_leaves_the_reservation_price():
    """Review 60 E1: the side note, the reflection prompt and its model answer applied the
    deal-me-out result (a complete-information model) to a real negotiation as plain fact,
    and the model answer compared the flats with "the renewal he would offer anyway", which
    depends on them. Each now says it is the model's result; the side note says the option
    still sets your reservation price (this failed on the old text)."""
    limits = " ".join(_cell("audit-limits").split())
    # review 91 U3: the model's name moved to the closing notes with its authors
    assert "below that, it still sets your reservation price." in limits  # review 112 U6
    assert "Below that, it changes nothing" not in limits
    prompt = " ".join(_cell("reflection-text").split())
    # review 76 U1: the prompt names the limit and leaves its statement to section 3
    assert "an outside option worth less than what the deal would give you anyway" in prompt
    assert "moves nothing" not in prompt
    answer = " ".join(_cell("reflection").split())
    assert "the flats I found move the rent only if they beat what I would get anyway" in answer
    assert "my share of what renewing saves us both" in answer
    assert "would offer anyway" not in answer


def test_a_better_alternative_improves_a_buyers_reservation_price_too():
    """Review 60 E2: section 4 said a better alternative raises the least you should accept,
    wrong way round for the buyers of the supplier and sole-source cases. It now raises a
    seller's reservation price and lowers a buyer's (this failed on the old text)."""
    text = " ".join(_cell("build-teaching").split())
    assert "raises the least you should accept" not in text
    assert "improves your reservation price (it raises a seller's, lowers a buyer's)" in text
    assert "the least you would settle for" not in _module_text()


def test_the_shadow_of_the_future_is_axelrods_theory_not_a_tournament_finding():
    """Review 60 E3: the tournaments showed that reciprocating strategies did best; that
    cooperation is stable only when the future weighs enough is Axelrod's theoretical
    result, not something the tournaments observed (this failed on the old text)."""
    # review 69 U4: the closing notes; review 91 U2: section 4, where question 3b uses it
    text = " ".join(_cell("build-teaching").split())
    assert "did best, and cooperation was stable only" not in text
    assert "did best; Axelrod showed in theory that cooperation is stable only" in text


def test_the_near_copy_note_does_not_ask_for_an_honest_rating_to_be_bent():
    """Review 61 X2: question 2 refused the starting audit with one rating moved by a point
    (it passed for 170 of 200 learners, read from the kernel), and told a learner who
    reached it honestly to "move the rating you are least sure of by a point". Review 68 X4:
    it now passes, with a note for the instructor that says what matches and asks for the
    reasons, and asks no rating to be changed."""
    s = _one_learner_per_case()["salary"]
    audit = {"yours": dict(s.yours), "theirs": dict(s.theirs), "weights": dict(s.weights)}
    r = audit["yours"]["information"]
    audit["yours"]["information"] = r + 1 if r < SCALE else r - 1
    words = " ".join(_copy_note(s, audit).split())
    assert "the same weights as the starting audit section 4 shows you" in words
    assert "least sure of" not in words and "move the rating" not in words
    assert "A note for your instructor, not a fault" in words
    assert "should give the reason for each rating" in words


def test_review_68_every_honest_one_point_reading_of_the_case_audit_passes():
    """Review 68 X4: moving one rating of the course's own case audit by a point is an honest
    reading, but for 38 of 24,000 such readings over the 2,000 sweep learners it was the
    starting audit within a point, or that audit itself, and the graded cell refused it
    (0 marks until the instructor stepped in). The review's cases now pass, with the note
    for the instructor. Seen failing on the old check."""
    cases = [  # (learner, side, source, change): the first "near", the second an exact copy
        # review 102 C2 (round 103): sweep-121's news reached 0 and was redrawn, so its
        # starting audit changed; sweep-122's case audit is near it in two ways
        ("sweep-122", "yours", "information", 1),
        ("sweep-122", "theirs", "power", 1),
        ("sweep-244", "yours", "information", -1),
        # review 72 U4: sweep-455's salary draw no longer rates your alternatives 9, so the
        # case audit's +1 there is no copy; sweep-814's -1 on Larkfield's alternatives is
        ("sweep-814", "theirs", "alternatives", -1),
    ]
    notes = []
    for learner, side, source, change in cases:
        s = course.variant("00_leverage", learner)
        answer = audit_of(CASES[s.case])
        answer[side][source] += change
        judged = check.judge_audit(s, answer)  # raised NotYet before the fix
        notes.append(check._copy_note(s, *judged))
    assert all("A note for your instructor, not a fault" in note for note in notes)
    assert any("number for number" in note for note in notes)
    assert any("by 1 at most in total" in note for note in notes)


def test_question_2_s_notes_cite_section_3_and_ask_for_the_reason_in_my_audit():
    """Review 62 C2: question 2's notes cited the weight convention as "section 2" (section 3
    states it) and asked for the learner's reason "in your reflection (section 7)", which is
    about another negotiation of the learner's own. They now cite section 3 and ask for the
    reason in a comment in ``my_audit``."""
    notebook = " ".join(cell_text("00_leverage", "leverage", "audit-teaching").split())
    assert "Then share that total between alternatives and power" in notebook
    heavy = {"information": 0.1, "alternatives": 0.45, "power": 0.45}
    own = replace(course.variant("00_leverage", "one-heavy"), case="deadline")
    off = {
        "yours": {"information": 3, "alternatives": 2, "power": 3},
        "theirs": {"information": 3, "alternatives": 2, "power": 3},
        "weights": {"information": 0.3, "alternatives": 0.45, "power": 0.25},
    }
    notes = [check._heavy_twice(own, heavy), check._off_the_line(own, *off.values())]
    assert all(notes)
    for note in notes:
        assert "section 7" not in note and "reflection" not in note
        assert "in a comment in `my_audit`" in note
    assert "Section 3 counts one dependence" in notes[0] and "section 2" not in notes[0]


def test_review_63_the_outside_option_rule_is_credited_to_both_modules_that_teach_it():
    """Review 63 C1: the side note said module 03's rule predicts outside options better than
    module 02's disagreement point, yet module 02's section 7 teaches that rule too (and this
    note sends the reader there for it). Seen failing on the old text."""
    flat = " ".join(_cell("audit-limits").split())
    assert "for which module 03's rule predicts better" not in flat
    # review 76 U1: the side note is cut; its one limit still credits both modules
    # review 80 E2: the model's name is credited to Binmore, Shaked and Sutton (1989)
    # review 91 U3: the authors moved to the closing notes; section 3 names both modules
    assert 'Modules 02 and 03 make "anyway" exact' in flat  # review 112 U6
    assert "named by Binmore, Shaked and Sutton (1989)" in " ".join(_cell("summary").split())
    assert "in the model and in Binmore" not in flat


def test_review_64_a_wrong_source_is_not_pointed_at_power_when_the_reading_is_information():
    """Review 64 X2: after a wrong 'alternatives' on news whose reading is information, the
    hint went on to say what moves power, nudging the learner towards a second wrong
    source. Every wrong source other than 'power' now gets section 2's questions in order,
    power last and only if neither earlier question fits (its definition, trust included,
    as review 58 C3 asked). Seen failing on the old hint."""
    told = 0
    # review 108 E1: 80 learners, not 40, since revealed-weakness items are now skipped
    for learner in (f"sweep-{n}" for n in range(80)):
        s = course.variant("00_leverage", learner)
        for label, (side, source, change) in news_key(s).items():
            for wrong in {"information", "alternatives"} - {source}:
                if any(r[1] == wrong for r in news_readings(s)[label]):
                    continue  # review 108 E1: an accepted source is told "side not" instead
                message = _news_hint(s, label, (side, wrong, change))
                assert "News moves power when" not in message
                assert "Ask section 2's questions in order" in message
                assert "Only if neither, it is power" in message
                told += source == "information"
    assert told > 20


def test_review_64_section_6_is_trimmed_and_the_first_offer_advice_credits_each_source():
    """Review 64 U1: the bluff bullet ran to about 30 lines; it now keeps the definition,
    the Model Rule's words and a short Edgington caution, and the survey with the other
    books' words is a side note. The opening advice credits Galinsky and Mussweiler with
    the ambitious first offer only: grounding it in a fact is module 04's advice (this
    failed on the old text)."""
    ethics = " ".join(_cell("ethics-teaching").replace("#", "").split())
    bluff = ethics.split("**A bluff.**")[1].split("**Misrepresentation.**")[0]
    assert len(bluff.split()) < 220, len(bluff.split())  # 333 before
    assert "ordinarily in this category" in bluff
    # review 98 U1 (round 99): the Edgington caution, on a false intention such as a threat,
    # moved with warnings and threats to section 6's edge cases
    edge = ethics.split("**Edge cases.**")[1].split("**Going back on your word**")[0]
    assert "Edgington v Fitzmaurice" in edge
    note = ethics.split("<details>")[1].split("</details>")[0]
    assert "traditional competitive bargaining" in note and "Robinson, Lewicki" in note
    assert "no authority for this line" in note
    text = " ".join(_cell("shift-teaching").replace("#", "").split())
    # review 83 U4: split after the citation, which now credits the first offer alone
    # review 86 U5: section 5's rule only points to module 04 for the opening
    assert "Opening offers, grounded in your leverage, are module 04's." in text
    assert "Galinsky" not in text
    assert "grounded in a true fact" not in text


def test_no_markdown_cell_breaks_off_into_the_code_cell_after_it():
    """Review 67 U3: section 5's re-audit by hand ended '... under Brannock's alternatives
    (section 2),' and went on in the code cell's printed output; nothing after the cell said
    what the learner should take from it. Every markdown cell ends a sentence, and the cell
    after the re-audit states its lesson."""
    from tests.notebooks import source_notebook

    for cell in source_notebook("00_leverage", "leverage").cells:
        if cell.cell_type == "markdown":
            text = cell.source.rstrip()
            assert not text.endswith((",", ";", "(", " and", " or")), text[-80:]
    after = " ".join(_cell("news-shown").split())
    # the balance after the offer is printed by the cell, not quoted: no balance of a case
    # but its start is quoted above question 4a's check (the test above)
    # review 68 U4: the lead is not all gone; the sides are even by the course's convention
    assert (
        "takes away all but $0.10$ of the owner's lead of $+1.45$ points: by the course's "
        "convention (under 0.5 points either way) the sides are now even" in after
    )
    assert "whole lead" not in after


def test_review_67_the_lewicki_and_carr_note_is_two_sentences():
    """Review 67 U1: the side note on Lewicki's words and Carr was a reviewer-proofing aside
    of four sentences and 15 lines; it is two, keeping what the other tests pin (the survey's
    findings, the book's words, why the convention rests on the Model Rule, not on Carr)."""
    ethics = " ".join(_cell("ethics-teaching").replace("#", "").split())
    note = ethics.split("<details>")[1].split("</details>")[0].split("</summary>")[1]
    sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z])", note.strip())
    assert len(sentences) == 2, sentences


def test_review_68_the_label_solutions_judge_each_item_from_its_text():
    """Review 68 X2: the model solutions of questions 4a and 5 (and their practice cases)
    read the labels from the pools that ship in the package, a lookup that teaches an
    instructor nothing about the sorting tests. Each is now a table from each item's text to
    its label, as question 1's is, with the reason for each item on one of section 6's
    lines; every item of every case is in it (the sweep runs it for 2,000 learners). Fails
    on the old solutions."""
    from course.scenarios.leverage import _PRACTICE_NEWS, _PRACTICE_TACTICS

    for grade_id, pool in (
        ("news-moves-answer", _NEWS),
        ("practice-news-answer", _PRACTICE_NEWS),
        ("tactic-kinds-answer", _TACTICS),
        ("practice-tactics-answer", _PRACTICE_TACTICS),
    ):
        solution = _cell(grade_id).split("### BEGIN SOLUTION")[1]
        assert "course.scenarios" not in solution and "._" not in solution, grade_id
        flat = " ".join(solution.split())
        for item in pool:
            assert repr(item.text) in flat or f'"{item.text}"' in flat, (grade_id, item.text)
    kinds = _cell("tactic-kinds-answer")
    # review 112 C2 (round 113): a misrepresentation first, by the course's definition
    assert "# a threat or warning you would not carry out: a misrepresentation (bluff too)" in kinds
    assert "# a lie told to get information: filed by its source (misrepresentation too)" in kinds


def test_review_68_every_paid_informant_is_said_to_be_bound_to_keep_it():
    """Review 68 U3: section 6 says an illegitimate source of information turns on whether
    the person was free to tell, and every tactic that pays or asks someone for information
    says they were not, except "Pay a Vell sales assistant ..." and "Pay a clerk at
    Brannock's bank ...", which left it to inference. Both now state it (this failed
    before)."""
    from course.scenarios.leverage import _PRACTICE_TACTICS

    informants = [
        t
        for t in (*_TACTICS, *_PRACTICE_TACTICS)
        if t._kind == "illegitimate"
        and not t._pretext
        and re.search(r"\b(Pay|fee|forward you|look up)\b", t.text)
    ]
    assert len(informants) >= 5
    for tactic in informants:
        assert re.search(r"\b(bars|forbids|may not)\b", tactic.text), tactic.text


def test_the_summary_files_a_fact_as_the_side_note_and_question_1b_do():
    """Review 69 C2: the summary said "Rate each fact in one place only", while the side note
    on filing rates a weakness of the other side in that side's own row and only your
    knowing it as your information (question 1b's model answer does the same); a learner
    who followed the summary would under-rate the other side. The summary now says it as
    the side note does."""
    summary = " ".join(cell_text("00_leverage", "leverage", "summary").split())
    assert "Rate each fact in one place only" not in summary
    # review 86 C1: question 4a's simplification is flagged once, in section 5
    # review 90 C1 stated the one rule here; review 91 U1: section 2's side note states it,
    # and the take-away is the negotiation idea behind it
    assert "What you know about their weakness is worth only what it lets you do" in summary
    assert "Question 4a simplifies" not in summary


def test_review_69_c1_an_unmeant_ultimatum_is_a_threat_or_warning_not_a_threat_alone():
    """Review 69 C1: section 6 defines a warning (a demand tied to what you would do anyway,
    such as taking your own alternative) and a threat (one tied to what you would rather not
    do, to punish a refusal), then called every unmeant ultimatum "a threat you would not
    carry out", though most of question 5's (sign with Calder, move the order to Bellpak,
    take Calder's offer, let to a self-storage firm) name the speaker's own alternative: false
    warnings. Modules 00 and 01 now say "a threat or warning you would not carry out", and
    the hint says what such a tactic does without calling it a threat (this failed before)."""
    from pathlib import Path

    root = Path(__file__).parents[1]
    for path in (
        "source/00_leverage/leverage.py",
        "source/01_information/information.py",
        "course/checks/leverage.py",
        "course/checks/information.py",
        "course/scenarios/leverage.py",
        "course/scenarios/information.py",
    ):
        text = " ".join(
            line.strip().lstrip("#:").strip() for line in (root / path).read_text().splitlines()
        )
        text = " ".join(text.replace('" "', " ").split()).lower()
        assert "threat you would not carry out" not in text, path
        assert "for one you would not carry out" not in text, path
    assert "threat or warning you would not carry out" in _module_text()
    hint = check.ON_THE_LINE[frozenset({"bluff", "misrepresentation"})]
    assert "threaten" not in hint
    assert hint.startswith("it says you will do something you do not mean to do")


def test_review_69_x2_question_2_says_when_its_reasons_are_marked():
    """Review 69 X2: question 2 asked for a reason for each rating, but its 2 marks are
    autograded on the audit and no rubric reads the reasons. The text said plainly that
    the reasons are not marked and when the instructor reads them; since review 73 X5 it
    says the reasons count only for an audit the check flags, and how; since review 74 U2 it
    says so once: the instructor may read them, and a flagged audit keeps both marks only
    with a reason for each rating (this failed on the old text each time)."""
    q2 = " ".join(_cell("q2-text").replace("#", " ").split())
    assert "Give the reason for each rating in a comment." in q2
    # review 74 U2: said once, plainly, without "the reasons count only when"
    # review 93 X1: the instructor reads them ("may" no longer), said beside the request
    assert "your instructor reads the reasons. The check accepts" in q2
    # review 95 U2: the rule for a flagged audit is the instructor's (README) and is in the
    # note a flagged learner sees
    guide = " ".join(_readme_section("Module 00: what its labels protect").split())
    assert "keeps its 2 marks if the comments in `my_audit` give a reason for each rating" in guide
    assert "keeps both marks if they do" in check.COPY_RULE


def test_review_69_u2_u5_question_3c_and_the_summary_say_what_holds():
    """Review 69 U2: question 3c called its ask "another ask" from the ladder, though for many
    learners it is section 5's own; it now says so (review 76 C1: "section 5's ask or a
    larger one on its ladder", since 3c's is never the smaller). U5: the summary's
    rule to ask at first reach dropped section 5's exception (a reason to wait you can
    already see), which question 4c grades; it now names it (both failed on the old text)."""
    task = " ".join(_cell("q3c-task").replace("#", " ").split())
    assert "another ask" not in task
    # review 89 U2: the check's note no longer uses section 5's ladder before it is taught
    assert "The check tries your case (when it has the ask you prepare for)" in task
    summary = " ".join(_cell("summary").replace("#", " ").split())
    assert (
        # review 110 C1 (round 111): section 5's one rule on waiting (Moore, 2004)
        "first time your balance reaches its bar, unless you can already see a cost of delay "
        "that falls on them far more than on you; a deadline that ends your deal too supports "
        "only a short wait" in summary
    )


def test_review_69_u3_question_3b_part_2_asks_the_four_things_its_rubric_marks():
    """Review 69 U3: question 3b part 2 asked six things in four questions and a closing
    instruction, while its rubric marks four, in 100 to 200 words. The prompt now lists the
    four, (a) to (d), and the rubric marks the same four under the same letters (this failed
    on the old text)."""
    prompt = " ".join(_cell("plan-judgement-text").replace("#", " ").split())
    part2 = prompt.split("2. **Trust.**")[1]
    rubric = " ".join(_cell("plan-judgement").replace("#", " ").split())
    # review 86 U4: (d) repeated section 7's trust point, so part 2 asks three things
    rubric2 = rubric.split("(2) The prompt's three things:")[1].split("A full-marks")[0]
    for letter in "abc":
        assert f"({letter})" in part2 and f"({letter})" in rubric2, letter
    assert "(d)" not in part2 and "(d)" not in rubric2 and "?" not in part2
    assert "Say three things" in part2


def test_the_coding_questions_weigh_less_than_the_plan_decision():
    """Review 70 X1: questions 3, 3c and 4b gave 6 of 22 marks to coding an algorithm, while
    the decisions on the learner's own plan lived in question 3b's 2 marks. Question 3c now
    carries 1 mark and question 3b 3 (a mark for the shorter budget, two for the trust
    step, half for each of its four things); the total stays 22."""
    from tests.notebooks import source_notebook

    points = {
        c.metadata["nbgrader"]["grade_id"]: c.metadata["nbgrader"].get("points", 0)
        for c in source_notebook("00_leverage", "leverage").cells
        if c.metadata["nbgrader"].get("grade")
    }
    assert points["reach-plan-test"] == 1 and points["plan-judgement"] == 3
    assert sum(points.values()) == 22  # as before the move
    assert "### Question 3c (1 mark): a plan for a bar" in _cell("q3c-text")
    assert "### Question 3b (3 marks, graded by your instructor)" in _cell("plan-judgement-text")
    rubric = " ".join(_cell("plan-judgement").split())
    assert "Rubric: a mark for part (1), two for part (2)." in rubric


def test_the_intro_and_each_labelling_question_say_own_labels_are_judged_at_grading():
    """Review 70 X3: questions 1, 4a and 5 (6 marks) get no feedback on the learner's own
    case before grading. Each question now says so plainly, and points to the practice case
    for feedback item by item (review 72 U1: the intro's copy of this is cut; each question
    says it where it applies, and its box says what its check confirms). Review 73 X2: the
    intro names the three questions again, in one sentence, so that a learner knows before
    starting which own-case answers get no feedback (fails on the old intro)."""
    intro = " ".join(_cell("intro").split())
    assert (
        "Questions 1, 4a and 5 judge your own items only at grading; their practice cases "
        "give feedback first." in intro
    )
    q1 = " ".join(_cell("q1-text").split())
    assert "**Your own facts are judged only when the notebook is graded.**" in q1
    assert "Practise first on the practice case below" in q1
    for grade_id in ("q1-text", "q4-text", "q5-text"):
        box = _cell(grade_id).split("How your answer is checked")[1]
        assert "confirms only the form" in box, grade_id
    assert "**Your own news is judged only at grading**" in " ".join(_cell("q4-text").split())
    q5 = " ".join(_cell("q5-text").split())
    assert "**Your own tactics are judged only at grading**" in q5


def test_the_news_says_how_question_4b_s_ask_relates_to_question_3c_s():
    """Review 70 U2: a learner could read of a larger ask at the first meeting (question 3c)
    and of a smaller one whose bar the starting balance already met (question 4b), with
    nothing relating the two. Where the asks differ, the news now says they are separate,
    that question 4b leaves preparation out, and, where the start meets the bar, that the
    rule places the ask at the first meeting; where they are the same ask it says so.
    Review 76 C1: the smaller ask is the fallback, not a separate ask of its own."""
    s = course.variant("00_leverage", "model-1992")
    assert s.prepared_ask == (0.75, "ask Vell for a price cut of 4%")
    assert (s.bar, s.ask) == (0.25, "ask Vell for a price cut of 2%")
    shown = " ".join(s.show("news").markdown.split())
    assert (
        # review 79 U2: the fallback in plain sentences
        "It is your fallback ask, smaller than question 3c's ask, for when your preparation comes "
        "to nothing; question 4b leaves the preparation out. Your starting balance already "
        "meets its bar, so the rule makes it at the first meeting." in shown
    )
    same = next(
        t
        for t in (course.variant("00_leverage", f"sweep-{i}") for i in range(290, 300))
        if t.prepared_ask is not None and t.prepared_ask[1] == t.ask
    )
    shown = same.show("news").markdown
    assert "fallback" not in shown and "It is question 3c's ask" in shown


def test_the_module_reads_within_its_cut_length():
    """Review 70 U1: the module was too long for an opening module. Its markdown outside
    the folds was cut from 6,720 words to 5,905 (12%) without growing the folds (1,465
    words). Review 72 U1 cut it again, to 5,193 (12%), moving each question's notes on its
    check into a folded "How your answer is checked" box: about 400 words moved, and the
    folds grew by 275, less than the two thirds of it the round allowed. Review 76 U1 cut the
    "Two kinds of alternative" side note and section 1's pointer to it: 6,979 words to 6,548
    (folds 1,747 to 1,470, outside 5,232 to 5,078). These caps (the new counts + 1%) keep
    it there."""
    import json

    path = Path(__file__).resolve().parents[1] / "release" / "00_leverage" / "leverage.ipynb"
    nb = json.loads(path.read_text(encoding="utf-8"))
    text = "\n".join("".join(c["source"]) for c in nb["cells"] if c["cell_type"] == "markdown")
    folded = sum(
        len(re.sub("<[^>]+>", " ", m).split())
        for m in re.findall(r"<details>(.*?)</details>", text, re.S)
    )
    outside = len(re.sub("<[^>]+>", " ", text).split()) - folded
    assert folded <= 1485, folded
    assert outside <= 5129, outside


def test_question_4a_weighs_1_mark_and_its_second_mark_is_4cs_weighing():
    """Review 73 X1: question 4a's own-case labels ship with the package (the draw decides by
    them), so a learner who reads them earned its 2 marks without judging. 4a now weighs 1
    mark (a quarter an item), and the other mark goes to question 4c's part 2, weighing a
    reason to wait against the learner's own clock, which no label answers: heading, points,
    check, rubric and the instructor's note agree, and the total stays 22. Fails on the old
    notebook (4a 2 marks, 4c 2)."""
    from course.checks.leverage import NEWS_MOVES_MARKS
    from tests.notebooks import source_notebook

    points = {
        c.metadata["nbgrader"]["grade_id"]: c.metadata["nbgrader"].get("points", 0)
        for c in source_notebook("00_leverage", "leverage").cells
        if c.metadata["nbgrader"].get("grade")
    }
    assert points["news-moves-test"] == NEWS_MOVES_MARKS == 1
    assert points["spend-judgement"] == 3
    assert sum(points.values()) == 22
    q4a = " ".join(_cell("q4-text").split())
    assert "### Question 4a (1 mark): read the news" in q4a
    assert "Each item earns a quarter of a mark." in q4a
    q4c = " ".join(_cell("q4c-text").split())
    assert "2. (2 marks) After the first moment" in q4c
    assert "then weigh it against your own clock (what waiting costs you)" in q4c
    rubric = " ".join(_cell("spend-judgement").split())
    assert "A second mark for that judgement weighed against the learner's own clock" in rubric
    note = " ".join(_readme_section("Module 00: what its labels protect").split())
    assert "earns 4a's mark without judging" in note and "So 4a is worth 1 mark, not 2" in note
    assert "those 2 marks" not in note


def test_reaudit_returns_none_where_the_side_ahead_never_changes_or_the_bar_is_never_met(
    answers, own
):
    """Review 73 X4: question 4b did not say what ``reaudit`` returns when the side ahead never
    changes or the bar is never reached. The key (``turning_point``, ``ask_moment``) returns
    None, and the model answer raised StopIteration (it fails here on the old notebook). The
    text now says ``None`` for each part, and the model answer returns it."""
    q4b = " ".join(_cell("q4b-text").split())
    assert q4b.count("or `None` if it never does") == 2
    labels = list(own.news)
    s = replace(
        own,
        yours=MappingProxyType({"information": 6, "alternatives": 6, "power": 6}),
        theirs=MappingProxyType({"information": 4, "alternatives": 4, "power": 4}),
        weights=MappingProxyType({"information": 0.4, "alternatives": 0.3, "power": 0.3}),
        bar=5.0,
    )
    moves = {label: ("you", "information", 1) for label in labels}  # +2 now, ever higher
    balances = balances_after(s.yours, s.theirs, s.weights, moves)
    assert turning_point(balances) is None and ask_moment(balances, s.bar) is None
    assert answers["reaudit"](s, dict(moves))[:2] == (None, None)
    # and where both happen, the model answer still finds them
    s = replace(s, bar=2.5)
    moves = {label: ("them", "information", 2) for label in labels}
    moves[labels[0]] = ("you", "power", 2)  # +2.6 after N1, then falling by 0.8 a move
    balances = balances_after(s.yours, s.theirs, s.weights, moves)
    expected = (turning_point(balances), ask_moment(balances, s.bar))
    assert None not in expected
    assert answers["reaudit"](s, dict(moves))[:2] == expected


def test_a_flagged_copy_of_a_shown_audit_has_a_stated_rule():
    """Review 73 X5: a copy of an audit the notebook shows passes question 2 with a note
    asking for the reasons, but neither the note nor any rubric said what the instructor
    does with it. Question 2's text, the note (both kinds) and the instructor's guide now
    give one rule: both marks with a reason for each rating, 1 if some are missing, 0 if
    none (question 2's text: both marks only with a reason for each rating). Fails on the
    old text and note."""
    q2 = " ".join(_cell("q2-text").replace("#", " ").split())
    # review 95 U2: question 2 asks for the reasons; the rule itself is the instructor's
    assert "Give the reason for each rating in a comment." in q2
    guide = " ".join(_readme_section("Module 00: what its labels protect").split())
    assert "keeps its 2 marks if the comments in `my_audit` give a reason for each rating" in guide
    assert "1 if some are missing, 0 if there are none; set the score by hand" in guide
    s = _one_learner_per_case()["salary"]
    start = {"yours": dict(s.yours), "theirs": dict(s.theirs), "weights": dict(s.weights)}
    near = {part: dict(ratings) for part, ratings in start.items()}
    r = near["yours"]["information"]
    near["yours"]["information"] = r + 1 if r < SCALE else r - 1
    for audit in (start, near):
        words = " ".join(_copy_note(s, audit).split())
        assert "the audit keeps both marks if they do, 1 if some reasons are missing, 0 if" in words


def test_the_rating_scale_is_0_to_10_and_audits_of_the_stories_use_1_to_10():
    """Review 73 C1: section 3 defined ratings from 0 (none at all) to 10, while question 2
    refuses a rating of 0. Section 3 now says the stories' audits use 1 to 10 and why, and
    question 2 and its function ask for ratings from 1 to 10 (fails on the old text)."""
    audit = " ".join(_cell("audit-teaching").split())
    assert "from 0 (none at all) to 10 (overwhelming)" in audit
    # review 103 C5: the same rule for question 2 and the widget's sliders, news aside
    assert (
        "The stories here give each side some of every source, so audits of them rate 1 to 10 "
        "(question 2, the widget's sliders); only news can take a rating to 0." in audit
    )
    q2 = " ".join(_cell("q2-text").split())
    assert "ratings from 1 to 10, weights adding up to 1" in q2 and "no rating below 1;" in q2
    assert "ratings from 0 to 10" not in q2
    assert "both sides' ratings (1 to 10)" in _cell("my-audit-answer")


def test_question_2_says_which_single_ratings_and_which_comparisons_it_leaves_to_you():
    """Review 73 U3: "where the story is plain, a few single ratings" and "which side a line
    on both sides' ratings puts ahead is yours to decide" did not say which ratings are
    bound, nor what such a line looks like. Each now has an example (the comparison's is
    the check's own wording). Fails on the old text."""
    q2 = " ".join(_cell("q2-text").replace("#", " ").split())
    assert "(such as high alternatives for a side with nowhere else to go)" in q2
    assert '("your power and theirs do not compare as your story has them")' in q2
    import inspect

    assert "do not compare as your story has them" in inspect.getsource(check._rule_words)


def test_each_model_answer_part_keeps_well_within_its_word_limit():
    """Review 73 U6: question 3b's model part (2) for model-1992 ran to the edge of the 100
    to 200 words it sets (199 counted with its "(2)"; a reader counted more), and learners
    who see released model answers take its length as the norm. Each quoted part, counted
    with its label, now keeps a tenth below its question's upper limit (fails on the old
    part (2))."""
    for grade_id, high in (("plan-judgement", 200), ("spend-judgement", 100)):
        for quoted in re.findall(r'"(\(1\) .*?)"', _cell(grade_id), flags=re.S):
            for part in filter(str.strip, re.split(r"(?=\(\d\) [A-Z])", quoted)):
                assert len(part.split()) <= 0.9 * high, (grade_id, part[:40])


def test_the_legitimate_bullet_keeps_warning_and_threat_apart():
    """Review 73 U7: section 6's "legitimate" bullet packed in a warning, a threat, Schelling
    and a pointer to modules 02 to 04. The definition of legitimate leverage now stands
    alone, and the warning and the threat have their own bullet under it (fails on the old
    text)."""
    # review 98 U1 (round 99): the warning and the threat left the legitimate bullet for
    # section 6's edge cases, after the four kinds
    text = _module_text()
    head = text.split("**Legitimate leverage.**")[1].split("**A bluff.**")[0]
    rest = text.split("**Edge cases.**")[1].split("*Warning and threat.*")[1]
    assert "warning" not in head.lower() and "threat" not in head.lower()
    assert "the date you know the buyer must have a van by." in " ".join(head.split())
    assert "A *warning* is legitimate too" in rest and "a *threat* ties a demand" in rest
