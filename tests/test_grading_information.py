"""Real nbgrader autograde of module 01, with the course's committed config, on generated
submissions named after what each learner did. Scores are read back from the gradebook."""

import pytest

import course
from course.scenarios.information import opening_likelihood
from tests.grading import ModuleGrading, auto_total
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


class TestInformationGrading(ModuleGrading):
    MODULE, NAME, AUTO_POINTS = MODULE, NAME, AUTO_POINTS
    HINT = ("one-wrong-answer", "best-ask-test", "that is the expected limit")

    def submissions(self, course_root, scratch):
        return submissions()

    def test_one_wrong_answer_loses_just_what_builds_on_it(self, graded):
        """Asking the expected limit is wrong; the tip's value reuses best_ask, so it falls too."""
        points = graded.scores("one-wrong-answer")
        assert points["best-ask-test"] == 0
        assert points["report-worth-buying-test"] == 0
        assert points["opening-likelihood-test"] == 1 and points["belief-after-opening-test"] == 2
        assert auto_total(points) == self.AUTO_POINTS - 4

    def test_hard_coded_numbers_lose_the_hidden_tests(self, graded):
        """Visible checks pass on the learner's own numbers; hidden ones try other learners'.
        The answers to questions 2 and 4 reuse opening_likelihood, so they fall with it."""
        points = graded.scores("hard-coded")
        assert points["opening-likelihood-test"] == 0
        assert points["belief-after-opening-test"] == 0
        assert points["report-worth-buying-test"] == 0
        assert auto_total(points) == points["best-ask-test"] == 2
