"""Real nbgrader autograde of module 03, with the course's committed config, on generated
submissions named after what each learner did. Scores are read back from the gradebook."""

import pytest

import course
from tests import grading
from tests.grading import auto_total, autograde
from tests.notebooks import release_notebook, solved

pytestmark = pytest.mark.slow

MODULE, NAME = "03_power", "power"
AUTO_POINTS = 8  # five questions; the 2-point reflection is graded by hand


def hard_coded_market_game(learner):
    """An answer that writes out the learner's own numbers instead of computing them."""
    s = course.variant(MODULE, learner)
    a, b = s.atlas_value, s.borealis_value
    return (
        "def market_game(s):\n"
        "    K, A, B = 'Kestrel', 'Atlas', 'Borealis'\n"
        "    return {frozenset(): 0, frozenset({K}): 0, frozenset({A}): 0, frozenset({B}): 0,\n"
        f"            frozenset({{K, A}}): {a}, frozenset({{K, B}}): {b},\n"
        f"            frozenset({{A, B}}): 0, frozenset({{K, A, B}}): {max(a, b)}}}\n"
    )


def submissions():
    """What each learner handed in, by the learner's nbgrader id."""
    return {
        "solved": solved(MODULE, NAME),
        "unchanged": release_notebook(MODULE, NAME),
        "one-wrong-answer": solved(
            MODULE,
            NAME,
            granite_deal_answer="def granite_deal(s):\n"
            "    return s.outside_offer + (s.contract_value - s.outside_offer) / 2\n",
        ),
        "hard-coded": solved(MODULE, NAME, market_game_answer=hard_coded_market_game("hard-coded")),
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
    assert points["granite-deal-test"] == 0
    assert auto_total(points) == AUTO_POINTS - 2


def test_hard_coded_numbers_lose_the_hidden_tests(graded):
    """The visible check passes on the learner's own numbers; the hidden one tries other
    learners'. rival_worth builds on market_game, so it falls too."""
    points = scores(graded, "hard-coded")
    assert points["market-game-test"] == 0
    assert points["rival-worth-test"] == 0
    assert auto_total(points) == AUTO_POINTS - 3


def test_the_learner_sees_a_hint_in_the_graded_notebook(graded):
    nb = grading.autograded(graded, MODULE, NAME, "one-wrong-answer")
    cell = next(
        c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") == "granite-deal-test"
    )
    error = next(output for output in cell.outputs if output.output_type == "error")
    assert "splitting the difference" in error.evalue
