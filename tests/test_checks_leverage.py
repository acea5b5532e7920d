"""course.checks.leverage: the course's own solutions pass, and each typical mistake gets a
hint that names it (never a bare AssertionError)."""

import pytest

import course
from course.checks import leverage as check
from course.checks.hints import NotYet
from course.models.audit import weighted_leverage
from course.scenarios.leverage import fact_key
from tests.notebooks import solution_namespace

QUESTIONS = ["stronger_side", "best_preparation"]


@pytest.fixture
def answers(learner):
    """The source notebook's solutions, defined for learner 'ada'."""
    return solution_namespace("00_leverage", "leverage")


def returning(answers):
    """A learner's fact_leverage that returns ``answers``."""
    return lambda: answers


def miss(check_function, answer, hidden=False):
    """The hint a check gives for ``answer``."""
    with pytest.raises(NotYet) as failure:
        check_function(answer, hidden=hidden)
    return str(failure.value)


@pytest.mark.parametrize("question", QUESTIONS)
@pytest.mark.parametrize("hidden", [False, True])
def test_the_course_solutions_pass(answers, question, hidden, capsys):
    getattr(check, question)(answers[question], hidden=hidden)
    assert "\N{CHECK MARK}" in capsys.readouterr().out


def test_the_classification_solution_passes(answers, capsys):
    check.classify_facts(answers["fact_leverage"])
    assert "\N{CHECK MARK}" in capsys.readouterr().out


@pytest.mark.parametrize("question", QUESTIONS)
def test_hard_coding_the_learners_own_answer_fails_the_hidden_check(answers, question):
    own = answers[question](answers["scenario"])
    hard_coded = lambda s: own  # noqa: E731
    getattr(check, question)(hard_coded)
    assert "for learner" in miss(getattr(check, question), hard_coded, hidden=True)


def test_a_wrong_source_gets_the_questions_that_tell_sources_apart(learner):
    key = fact_key(course.variant("00_leverage"))
    letter, (source, side) = next(iter(key.items()))
    wrong = next(s for s in ("information", "alternatives", "power") if s != source)
    with pytest.raises(NotYet, match=f"fact {letter} is not about {wrong}") as failure:
        check.classify_facts(returning({**key, letter: (wrong, side)}))
    assert check.SOURCE_QUESTIONS[source] in str(failure.value)


def test_a_wrong_side_asks_whose_hand_it_strengthens(learner):
    key = fact_key(course.variant("00_leverage"))
    letter, (source, side) = next(iter(key.items()))
    other = "them" if side == "you" else "you"
    with pytest.raises(NotYet, match="whose hand it strengthens"):
        check.classify_facts(returning({**key, letter: (source, other)}))


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        ([("information", "you")], "should return a dict"),
        ({}, "no answer for fact A yet"),
        ({"Z": ("power", "you")}, "no answer for fact A"),
        ("not-a-dict", "should return a dict"),
    ],
)
def test_malformed_classifications_are_explained(learner, answer, words):
    with pytest.raises(NotYet, match=words):
        check.classify_facts(returning(answer))


def test_an_unwritten_classification_says_to_replace_the_stub(learner):
    def fact_leverage():
        raise NotImplementedError()

    with pytest.raises(NotYet, match="fact_leverage is not written yet"):
        check.classify_facts(fact_leverage)


def test_classification_names_and_shapes_are_checked(learner):
    key = fact_key(course.variant("00_leverage"))
    with pytest.raises(NotYet, match="is not a source"):
        check.classify_facts(returning({**key, "A": ("charm", "you")}))
    with pytest.raises(NotYet, match="'us' is not a side"):
        check.classify_facts(returning({**key, "A": ("power", "us")}))
    with pytest.raises(NotYet, match="should be a pair"):
        check.classify_facts(returning({**key, "A": "power"}))
    with pytest.raises(NotYet, match="there is no fact 'F'"):
        check.classify_facts(returning({**key, "F": ("power", "you")}))
    check.classify_facts(
        returning({letter: list(pair) for letter, pair in key.items()})
    )  # lists are fine


def test_a_plain_average_is_caught_by_the_hidden_edge_case(answers):
    def stronger_side(case):
        mine, other = sum(case.yours.values()) / 3, sum(case.theirs.values()) / 3
        if abs(mine - other) < 0.5:
            return "even", abs(mine - other)
        return ("you" if mine > other else "them"), abs(mine - other)

    assert "weigh each source by the case's weights" in miss(
        check.stronger_side, stronger_side, hidden=True
    )


def test_a_signed_margin_is_explained(answers):
    def stronger_side(case):
        side, margin = answers["stronger_side"](case)
        mine = weighted_leverage(case.yours, case.weights)
        return side, margin if mine >= weighted_leverage(case.theirs, case.weights) else -margin

    assert "a positive number" in miss(check.stronger_side, stronger_side, hidden=True)


def test_forgetting_even_is_explained(answers):
    def stronger_side(case):
        side, margin = answers["stronger_side"](case)
        if side == "even":
            return "you", margin
        return side, margin

    assert "return 'even'" in miss(check.stronger_side, stronger_side, hidden=True)


def test_ignoring_the_ceiling_is_explained(answers):
    def best_preparation(case):
        return max(case.steps, key=lambda s: case.steps[s][1] * case.weights[case.steps[s][0]])

    assert "ratings stop at 10" in miss(check.best_preparation, best_preparation, hidden=True)


def test_ignoring_the_weights_is_explained(answers):
    def best_preparation(case):
        return max(case.steps, key=lambda s: case.steps[s][1])

    hint = miss(check.best_preparation, best_preparation, hidden=True)
    assert "weigh each step" in hint or "ratings stop at" in hint


def test_a_step_that_is_not_in_the_list_is_explained(answers):
    assert "one of the steps" in miss(check.best_preparation, lambda case: "Work harder")
