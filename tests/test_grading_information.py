"""Real nbgrader autograde of module 01, with the course's committed config, on generated
submissions named after what each learner did. Scores are read back from the gradebook."""

import pytest

import course
from course.checks.hints import NotYet
from course.scenarios.information import opening_likelihood
from tests import grading
from tests.grading import auto_total, autograde
from tests.notebooks import release_notebook, solved

pytestmark = pytest.mark.slow

MODULE, NAME = "01_information", "information"
AUTO_POINTS = 7  # four questions (1 + 2 + 2 + 2); the 2-point reflection is graded by hand


def hard_coded_likelihood(learner):
    """An answer that returns the learner's own numbers instead of computing them."""
    numbers = opening_likelihood(course.variant(MODULE, learner))
    return f"def opening_likelihood(sale):\n    return {numbers!r}\n"


def submissions():
    """What each learner handed in, by the learner's nbgrader id."""
    return {
        "solved": solved(MODULE, NAME),
        "unchanged": release_notebook(MODULE, NAME),
        "one-wrong-answer": solved(
            MODULE,
            NAME,
            best_ask_answer="def best_ask(beliefs, cost):\n"
            "    price = expected_reservation(beliefs)\n"
            "    accepts = sum(p for limit, p in beliefs.items() if limit >= price)\n"
            "    return price, (price - cost) * accepts\n",
        ),
        "hard-coded": solved(
            MODULE, NAME, opening_likelihood_answer=hard_coded_likelihood("hard-coded")
        ),
    }


@pytest.fixture(scope="module")
def graded(built_course, tmp_path_factory):
    """Every submission autograded; returns the course root."""
    autograde(built_course, MODULE, NAME, submissions(), tmp_path_factory.mktemp("grader"))
    return built_course


def scores(course_root, learner):
    return grading.scores(course_root, MODULE, NAME, learner)


def test_the_solved_notebook_gets_full_marks(graded):
    points = scores(graded, "solved")
    assert auto_total(points) == AUTO_POINTS
    assert points["reflection"] == 0  # written, so it waits for the instructor


def test_the_untouched_release_gets_zero(graded):
    assert sum(scores(graded, "unchanged").values()) == 0


def test_one_wrong_answer_loses_just_what_builds_on_it(graded):
    """Asking the expected limit is wrong; the tip's value reuses best_ask, so it falls too."""
    points = scores(graded, "one-wrong-answer")
    assert points["best-ask-test"] == 0
    assert points["report-worth-buying-test"] == 0
    assert points["opening-likelihood-test"] == 1 and points["belief-after-opening-test"] == 2
    assert auto_total(points) == AUTO_POINTS - 4


def test_hard_coded_numbers_lose_the_hidden_tests(graded):
    """Visible checks pass on the learner's own numbers; hidden ones try other learners'.
    The answers to questions 2 and 4 reuse opening_likelihood, so they fall with it."""
    points = scores(graded, "hard-coded")
    assert points["opening-likelihood-test"] == 0
    assert points["belief-after-opening-test"] == 0
    assert points["report-worth-buying-test"] == 0
    assert auto_total(points) == points["best-ask-test"] == 2


def test_the_learner_sees_a_hint_in_the_graded_notebook(graded):
    nb = grading.autograded(graded, MODULE, NAME, "one-wrong-answer")
    cell = next(
        c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "best-ask-test"
    )
    error = next(output for output in cell.outputs if output.output_type == "error")
    assert error.ename == NotYet.__name__
    assert "that is the expected limit" in error.evalue
