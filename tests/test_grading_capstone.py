"""Real nbgrader autograde of module 05, with the course's committed config, on generated
submissions named after what each learner did. Scores are read back from the gradebook."""

import pytest

import course
from course.checks import capstone as check
from tests import grading
from tests.grading import auto_total, autograde
from tests.notebooks import release_notebook, solutions, solved

pytestmark = pytest.mark.slow

MODULE, NAME = "05_capstone", "capstone"
AUTO_POINTS = 11  # six questions; the 3-point reflection is graded by hand


def hard_coded(learner):
    """Answers that write out the learner's own figures instead of working them out."""
    case = course.variant(MODULE, learner)
    name, value = check.batna_of(case)
    opening = check.opening_of(case)
    return {
        "my_batna_answer": f"def my_batna(s):\n    return {name!r}, {value!r}\n",
        "opening_offer_answer": f"def opening_offer(s):\n    return {opening!r}\n",
    }


def time_backwards():
    """The course's power map with one slip: time goes to the side that must decide sooner."""
    answer = solutions(MODULE, NAME)["power-map-answer"]
    right = "holder(s.your_weeks, s.their_weeks, 0)"
    assert right in answer, "the solution changed: update this wrong answer"
    return answer.replace(right, "holder(s.their_weeks, s.your_weeks, 0)")


def submissions():
    """What each learner handed in, by the learner's nbgrader id."""
    return {
        "solved": solved(MODULE, NAME),
        "unchanged": release_notebook(MODULE, NAME),
        "one-wrong-answer": solved(MODULE, NAME, power_map_answer=time_backwards()),
        "hard-coded": solved(MODULE, NAME, **hard_coded("hard-coded")),
    }


@pytest.fixture(scope="module")
def graded(own_course, tmp_path_factory):
    """Every submission autograded in a course of its own; returns the course root."""
    course_root = own_course(MODULE)
    autograde(course_root, MODULE, NAME, submissions(), tmp_path_factory.mktemp("grader"))
    return course_root


def scores(course_root, learner):
    return grading.scores(course_root, MODULE, NAME, learner)


def test_the_solved_notebook_gets_full_marks(graded):
    points = scores(graded, "solved")
    assert auto_total(points) == AUTO_POINTS
    assert points["reflection"] == 0  # written, so it waits for the instructor


def test_the_untouched_release_gets_zero(graded):
    assert sum(scores(graded, "unchanged").values()) == 0


def test_one_wrong_answer_loses_just_that_question(graded):
    points = scores(graded, "one-wrong-answer")
    assert points["power-map-test"] == 0
    assert auto_total(points) == AUTO_POINTS - 2


def test_hard_coded_answers_lose_the_hidden_tests(graded):
    """The visible checks pass on the learner's own case; the hidden ones try others'.
    The walk-away, power map and next trade build on my_batna, so they fall too; only
    the honest reading of the rush request keeps its points."""
    points = scores(graded, "hard-coded")
    assert points["my-batna-test"] == 0 and points["opening-offer-test"] == 0
    assert points["marlow-walkaway-test"] == 2
    assert auto_total(points) == 2


def test_the_learner_sees_a_hint_in_the_graded_notebook(graded):
    nb = grading.autograded(graded, MODULE, NAME, "one-wrong-answer")
    cell = next(
        c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "power-map-test"
    )
    error = next(output for output in cell.outputs if output.output_type == "error")
    assert "time is held by" in error.evalue and "can wait" in error.evalue
