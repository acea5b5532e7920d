"""Real nbgrader autograde of module 00, with the course's committed config, on generated
submissions named after what each learner did. Scores are read back from the gradebook."""

import pytest

import course
from course.scenarios.leverage import fact_key
from tests.grading import ModuleGrading, auto_total
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
    return f"def fact_leverage():\n    return {key!r}\n"


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


class TestLeverageGrading(ModuleGrading):
    MODULE, NAME, AUTO_POINTS = MODULE, NAME, AUTO_POINTS
    HINT = ("plain-average", "stronger-side-test", "weigh each source by the case's weights")

    def submissions(self, course_root, scratch):
        return submissions()

    def test_a_typed_classification_gets_its_points(self, graded):
        assert auto_total(graded.scores("typed-classification")) == self.AUTO_POINTS

    def test_one_fact_on_the_wrong_side_loses_the_classification(self, graded):
        points = graded.scores("one-fact-wrong")
        assert points["fact-leverage-test"] == 0
        assert auto_total(points) == self.AUTO_POINTS - 2

    def test_a_plain_average_loses_the_question_on_the_stronger_side(self, graded):
        points = graded.scores("plain-average")
        assert points["stronger-side-test"] == 0
        assert auto_total(points) == self.AUTO_POINTS - 2

    def test_naming_your_own_best_step_loses_the_hidden_tests(self, graded):
        points = graded.scores("hard-coded")
        assert points["best-preparation-test"] == 0
        assert auto_total(points) == self.AUTO_POINTS - 2
