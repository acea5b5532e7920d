"""course.checks.leverage: the course's own solutions pass, each typical mistake gets a hint
that names it (never a bare AssertionError), no hint gives the learner's own answer away or
says something false, and a self-check never passes what grading fails on a kind of case
the learner has not met."""

import pytest

import course
from course.checks import leverage as check
from course.checks.credit import Credit
from course.checks.hints import NotYet
from course.course_map import questions
from course.models.audit import SCALE, balances_after
from course.scenarios.leverage import (
    CASES,
    best_moment,
    fact_key,
    news_key,
    plans,
    tactic_key,
    turning_point,
)
from tests.notebooks import solution_namespace

#: The learner's function behind each question's check.
ANSWER = {
    "classify_facts": "fact_leverage",
    "my_audit": "my_audit",
    "best_plan": "best_plan",
    "news_moves": "news_moves",
    "reaudit": "reaudit",
    "classify_tactics": "tactic_kinds",
}
WITH_HIDDEN = ["best_plan", "reaudit"]


@pytest.fixture
def answers(learner):
    """The source notebook's solutions, defined for learner 'ada'."""
    return solution_namespace("00_leverage", "leverage")


@pytest.fixture
def own(learner):
    return course.variant("00_leverage")


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


@pytest.mark.parametrize("question", list(ANSWER))
def test_the_course_solutions_pass(answers, question, capsys):
    assert full_marks(getattr(check, question)(answers[ANSWER[question]]), capsys)


@pytest.mark.parametrize("question", WITH_HIDDEN)
def test_the_course_solutions_pass_the_hidden_checks(answers, question, capsys):
    assert full_marks(getattr(check, question)(answers[question], hidden=True), capsys)


@pytest.mark.parametrize("question", WITH_HIDDEN)
def test_hard_coding_the_learners_own_answer_fails_the_hidden_check(answers, question):
    own = answers["scenario"]
    result = (
        answers[question](own) if question == "best_plan" else answers[question](own, news_key(own))
    )
    hard_coded = lambda *args: result  # noqa: E731
    assert "right on your own scenario" in miss(getattr(check, question), hard_coded, True)


# --- question 1 --------------------------------------------------------------------------


def test_a_wrong_fact_is_counted_not_named(own):
    key = fact_key(own)
    letter, (source, side) = next(iter(key.items()))
    wrong = next(s for s in ("information", "alternatives", "power") if s != source)
    hint = miss(check.classify_facts, lambda: {**key, letter: (wrong, side)})
    assert hint.startswith(f"{len(key) - 1} of {len(key)} facts are right")
    assert f"fact {letter}" not in hint and wrong not in hint.split(".")[0]


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


def test_classification_names_and_shapes_are_checked(own, capsys):
    key = fact_key(own)
    assert "fact A's source should be one of 'information'" in miss(
        check.classify_facts, lambda: {**key, "A": ("charm", "you")}
    )
    assert "should be one of 'you', 'them'" in miss(
        check.classify_facts, lambda: {**key, "A": ("power", "us")}
    )
    assert "should be a pair" in miss(check.classify_facts, lambda: {**key, "A": "power"})
    lists = {letter.lower(): [s.upper(), side] for letter, (s, side) in key.items()}
    check.classify_facts(lambda: lists)  # lists, lower-case letters and capitals are fine
    assert "\N{CHECK MARK}" in capsys.readouterr().out


def test_an_unwritten_answer_says_to_replace_the_stub(learner):
    def fact_leverage():
        raise NotImplementedError()

    assert "fact_leverage is not written yet" in miss(check.classify_facts, fact_leverage)


# --- question 2 --------------------------------------------------------------------------


def audit_of(case, **changes):
    audit = {
        "yours": dict(case.yours),
        "theirs": dict(case.theirs),
        "weights": dict(case.weights),
    }
    for part, values in changes.items():
        audit[part] = {**audit[part], **values}
    return audit


@pytest.mark.parametrize("key", list(CASES))
def test_every_case_s_own_audit_fits_its_story_and_a_flat_one_does_not(key):
    case = CASES[key]
    assert all(rule.holds(case.yours, case.theirs, case.weights) for rule in case.rules)
    flat = dict.fromkeys(("information", "alternatives", "power"), 5)
    equal = dict.fromkeys(flat, 1 / 3)
    assert not any(rule.holds(flat, flat, equal) for rule in case.rules)


def test_each_broken_rule_is_named_with_the_line_of_the_story_behind_it(own, capsys):
    case = CASES[own.case]
    dominant = case.dominant
    other = next(s for s in ("information", "alternatives", "power") if s != dominant)
    swapped = {
        "weights": {dominant: own.weights[other], other: own.weights[dominant]},
    }
    hint = miss(check.my_audit, lambda: audit_of(own, **swapped))
    assert f"{dominant} should weigh more than either other source" in hint
    weight_rule = next(rule for rule in case.rules if rule.kind == "weight_top")
    assert weight_rule.because in hint
    check.my_audit(lambda: audit_of(own))
    assert "your audit fits the story" in capsys.readouterr().out


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
    ],
)
def test_a_malformed_audit_is_explained(learner, audit, words):
    assert words in miss(check.my_audit, lambda: audit)


# --- question 3 --------------------------------------------------------------------------


def shortcut_plan(value):
    """A learner's best_plan that scores each step by ``value(case, source, amount, chance)``."""

    def best_plan(case):
        fits = plans(case)
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
}


@pytest.mark.parametrize("shortcut", list(SHORTCUTS))
def test_each_shortcut_fails_the_visible_check_with_its_own_hint(learner, shortcut):
    """Issue 17 review item 5: the test cases run in the self-check, not only at grading."""
    answer, words = SHORTCUTS[shortcut]
    hint = miss(check.best_plan, answer)
    assert words in hint
    assert "learner" not in hint


def test_the_plan_test_cases_are_fair_and_each_catches_its_shortcut(own):
    for case, (answer, _) in zip(check.plan_test_cases(own), SHORTCUTS.values(), strict=True):
        gains = sorted(plans(case).values())
        assert gains[-1] - gains[-2] >= 0.05
        assert sum(case.steps[n][2] for n in case.steps) > case.budget
        assert set(answer(case)) != set(max(plans(case), key=plans(case).get))


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


# --- question 4 --------------------------------------------------------------------------


def test_news_read_wrongly_is_counted_and_a_wrong_size_is_named(own, capsys):
    key = news_key(own)
    label, (side, source, change) = next(iter(key.items()))
    hint = miss(check.news_moves, lambda: {**key, label: (side, source, change + 1)})
    assert hint.startswith(f"{len(key) - 1} of {len(key)} news items are read right")
    assert "the size shown beside its item" in hint and label not in hint
    check.news_moves(lambda: {k.lower(): list(v) for k, v in key.items()})
    assert "reads every news item right" in capsys.readouterr().out


def ahead_by_sign(case, moves):
    """A reaudit that ignores "even": the side changes when the balance changes sign."""
    balances = balances_after(case.yours, case.theirs, case.weights, moves)
    now = balances["now"] > 0
    turning = next((m for m, b in balances.items() if (b > 0) != now), "N4")
    return turning, best_moment(balances)


def lowest_moment(case, moves):
    balances = balances_after(case.yours, case.theirs, case.weights, moves)
    return turning_point(balances), min(balances, key=balances.get)


def unweighted(case, moves):
    flat = dict.fromkeys(case.weights, 1 / 3)
    balances = balances_after(case.yours, case.theirs, flat, moves)
    return turning_point(balances) or "N4", best_moment(balances)


@pytest.mark.parametrize(
    ("answer", "part", "words"),
    [
        (ahead_by_sign, "turning point", "the side ahead can also become 'even'"),
        (unweighted, "turning point", "weigh each rating by its source's weight"),
        (lowest_moment, "best moment", "when your balance is highest, not lowest"),
    ],
)
def test_each_reaudit_shortcut_fails_the_visible_check(own, answer, part, words):
    """Each shortcut fails the self-check, and one of the test cases it runs names it."""
    outcome = check.reaudit(answer)
    assert part in {o.check for o in outcome.outcomes if not o.passed}
    judge = check.judge_turning if part == "turning point" else check.judge_moment
    hints = []
    for case, moves in check.reaudit_test_cases(own):
        try:
            judge(case, moves, answer(case, moves), "a test case")
        except NotYet as failure:
            hints.append(str(failure))
    assert any(words in hint for hint in hints), hints


def test_the_reaudit_test_cases_are_fair(own):
    for case, moves in check.reaudit_test_cases(own):
        balances = balances_after(case.yours, case.theirs, case.weights, moves)
        assert turning_point(balances) is not None
        assert all(abs(abs(b) - 0.5) >= 0.1 - 1e-9 for b in balances.values())
        ranked = sorted(balances.values())
        assert ranked[-1] - ranked[-2] >= 0.1 - 1e-9


def test_an_own_case_hint_does_not_give_the_answer_away(own):
    """The turning point and the best moment of the learner's own case never appear in a
    hint about it."""
    balances = balances_after(own.yours, own.theirs, own.weights, news_key(own))
    right = (turning_point(balances), best_moment(balances))
    wrong = next(label for label in own.news if label != right[0])
    moment = "now" if right[1] != "now" else "N1"
    with pytest.raises(NotYet) as failure:
        check.judge_turning(own, news_key(own), (wrong, right[1]))
    assert right[0] not in str(failure.value)
    assert f"Now the balance is {balances['now']:+.2f} points" in str(failure.value)
    with pytest.raises(NotYet) as failure:
        check.judge_moment(own, news_key(own), (right[0], moment))
    assert right[1] not in str(failure.value).replace("'now'", "").replace(" now ", " ")


def test_reaudit_is_given_the_right_moves(answers):
    """Issue 15: a slip in news_moves does not cost question 4b too."""
    seen = []

    def reaudit(case, moves):
        seen.append(moves)
        return answers["reaudit"](case, moves)

    check.reaudit(reaudit)
    assert seen[0] == news_key(answers["scenario"])


# --- question 5 --------------------------------------------------------------------------


def test_each_tactic_earns_half_a_point_with_its_own_feedback(own):
    key = tactic_key(own)
    first, kind = next(iter(key.items()))
    wrong = "legitimate" if kind != "legitimate" else "bluff"
    outcome = check.classify_tactics(lambda: {**key, first: wrong})
    assert (outcome.earned, outcome.possible) == (1.5, 2)
    failed = [o for o in outcome.outcomes if not o.passed]
    assert [o.check for o in failed] == [f"tactic {first}"]
    assert check.KIND_TEST[kind] in failed[0].message
    assert all(
        check.KIND_NAME[key[o.check.split()[-1]]] in o.message for o in outcome.outcomes if o.passed
    )


def test_an_unknown_kind_is_explained(own):
    key = tactic_key(own)
    outcome = check.classify_tactics(lambda: dict.fromkeys(key, "shady"))
    assert outcome.earned == 0
    assert "should be one of 'legitimate', 'bluff'" in outcome.outcomes[0].message
