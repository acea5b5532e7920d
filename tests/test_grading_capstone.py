"""Real nbgrader autograde of module 05, with the course's committed config, on generated
submissions named after what each learner did. Scores are read back from the gradebook."""

import pytest

import course
from course.checks import capstone as check
from tests.grading import ModuleGrading, auto_total
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


class TestCapstoneGrading(ModuleGrading):
    MODULE, NAME, AUTO_POINTS = MODULE, NAME, AUTO_POINTS
    HINT = ("one-wrong-answer", "power-map-test", "time is held by")

    def submissions(self, course_root, scratch):
        return submissions()

    def test_one_wrong_answer_loses_just_that_question(self, graded):
        points = graded.scores("one-wrong-answer")
        assert points["power-map-test"] == 0
        assert auto_total(points) == self.AUTO_POINTS - 2

    def test_hard_coded_answers_lose_the_hidden_tests(self, graded):
        """The visible checks pass on the learner's own case; the hidden ones try others'.
        The walk-away, power map and next trade build on my_batna, so they fall too; only
        the honest reading of the rush request keeps its points."""
        points = graded.scores("hard-coded")
        assert points["my-batna-test"] == 0 and points["opening-offer-test"] == 0
        assert points["marlow-walkaway-test"] == 2
        assert auto_total(points) == 2
