"""Real nbgrader autograde of module 04, with the course's committed config, on generated
submissions named after what each learner did. Scores are read back from the gradebook."""

import pytest

import course
from tests import grading
from tests.grading import auto_total, autograde
from tests.notebooks import release_notebook, solved

pytestmark = pytest.mark.slow

MODULE, NAME = "04_concessions", "concessions"
AUTO_POINTS = 7  # four questions; the 2-point reflection is graded by hand


def hard_coded_my_offer(learner):
    """An answer that writes out the learner's own offers instead of computing them."""
    s = course.variant(MODULE, learner)
    reservation = s.alternative_price + s.extra_cost
    offers = [
        s.opening + (min(t, s.deadline) / s.deadline) ** (1 / s.beta) * (reservation - s.opening)
        for t in range(s.deadline + 3)
    ]
    return f"def my_offer(s, t):\n    return {offers!r}[t]\n"


def submissions():
    """What each learner handed in, by the learner's nbgrader id."""
    return {
        "solved": solved(MODULE, NAME),
        "unchanged": release_notebook(MODULE, NAME),
        "one-wrong-answer": solved(
            MODULE,
            NAME,
            trade_ratio_of_answer="def trade_ratio_of(s, current, proposed):\n"
            "    changes = [s.yours[i][proposed[i]] - s.yours[i][current[i]] for i in s.issues]\n"
            "    given = -sum(c for c in changes if c < 0)\n"
            "    return None if given == 0 else sum(changes)\n",
        ),
        "hard-coded": solved(MODULE, NAME, my_offer_answer=hard_coded_my_offer("hard-coded")),
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


def test_one_wrong_answer_loses_just_that_question(graded):
    points = scores(graded, "one-wrong-answer")
    assert points["trade-ratio-of-test"] == 0
    assert auto_total(points) == AUTO_POINTS - 1


def test_hard_coded_numbers_lose_the_hidden_tests(graded):
    """The visible check passes on the learner's own numbers; the hidden one tries other
    learners'. respond builds on my_offer, so it falls too."""
    points = scores(graded, "hard-coded")
    assert points["my-offer-test"] == 0
    assert points["respond-test"] == 0
    assert auto_total(points) == AUTO_POINTS - 4


def test_the_learner_sees_a_hint_in_the_graded_notebook(graded):
    nb = grading.autograded(graded, MODULE, NAME, "one-wrong-answer")
    cell = next(
        c
        for c in nb.cells
        if c.metadata.get("nbgrader", {}).get("grade_id") == "trade-ratio-of-test"
    )
    error = next(output for output in cell.outputs if output.output_type == "error")
    assert "net change in points" in error.evalue
