"""Real nbgrader autograde of module 00, with the course's committed config, on generated
submissions named after what each learner did. Scores are read back from the gradebook."""

import pytest

import course
from course.scenarios.leverage import fact_key
from tests import grading
from tests.grading import auto_total, autograde
from tests.notebooks import release_notebook, solved

pytestmark = pytest.mark.slow

MODULE, NAME = "00_leverage", "leverage"
AUTO_POINTS = 6  # three questions; the 2-point reflection is graded by hand


def classification(learner, flip=None):
    """A learner's dict of fact answers, written out as they would type it; ``flip`` names
    one fact whose side they got wrong."""
    key = fact_key(course.variant(MODULE, learner))
    if flip:
        source, side = key[flip]
        key[flip] = (source, "them" if side == "you" else "you")
    return f"fact_leverage = {key!r}\n"


def hard_coded_preparation(learner):
    """An answer that names the learner's own best step instead of working it out."""
    s = course.variant(MODULE, learner)
    best = max(
        s.steps,
        key=lambda step: (
            min(s.steps[step][1], 10 - s.yours[s.steps[step][0]]) * s.weights[s.steps[step][0]]
        ),
    )
    return f"def best_preparation(case):\n    return {best!r}\n"


def submissions():
    """What each learner handed in, by the learner's nbgrader id."""
    return {
        "solved": solved(MODULE, NAME),
        "unchanged": release_notebook(MODULE, NAME),
        "typed-classification": solved(
            MODULE, NAME, fact_leverage_answer=classification("typed-classification")
        ),
        "one-fact-wrong": solved(
            MODULE, NAME, fact_leverage_answer=classification("one-fact-wrong", flip="C")
        ),
        "plain-average": solved(
            MODULE,
            NAME,
            stronger_side_answer="def stronger_side(case):\n"
            "    mine, other = sum(case.yours.values()) / 3, sum(case.theirs.values()) / 3\n"
            "    side = 'even' if abs(mine - other) < 0.5 else ('you' if mine > other else 'them')\n"
            "    return side, abs(mine - other)\n",
        ),
        "hard-coded": solved(
            MODULE, NAME, best_preparation_answer=hard_coded_preparation("hard-coded")
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


def test_a_typed_classification_gets_its_points(graded):
    assert auto_total(scores(graded, "typed-classification")) == AUTO_POINTS


def test_one_fact_on_the_wrong_side_loses_the_classification(graded):
    points = scores(graded, "one-fact-wrong")
    assert points["fact-leverage-test"] == 0
    assert auto_total(points) == AUTO_POINTS - 2


def test_a_plain_average_loses_the_question_on_the_stronger_side(graded):
    points = scores(graded, "plain-average")
    assert points["stronger-side-test"] == 0
    assert auto_total(points) == AUTO_POINTS - 2


def test_naming_your_own_best_step_loses_the_hidden_tests(graded):
    points = scores(graded, "hard-coded")
    assert points["best-preparation-test"] == 0
    assert auto_total(points) == AUTO_POINTS - 2


def test_the_learner_sees_a_hint_in_the_graded_notebook(graded):
    nb = grading.autograded(graded, MODULE, NAME, "plain-average")
    cell = next(
        c
        for c in nb.cells
        if c.metadata.get("nbgrader", {}).get("grade_id") == "stronger-side-test"
    )
    error = next(output for output in cell.outputs if output.output_type == "error")
    assert "weigh each source by the case's weights" in error.evalue
