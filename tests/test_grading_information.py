"""Real nbgrader autograde of module 01, with the course's committed config, on generated
submissions named after what each learner did. Scores are read back from the gradebook."""

import pytest

import course
from course.scenarios.information import belief_after_opening, opening_likelihood
from tests.grading import ModuleGrading, auto_total
from tests.notebooks import release_notebook, solved

# one worker grades this file's learners once: its graded fixture is module- or
# class-scoped, and split over two xdist workers it was graded twice
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("test_grading_information")]

MODULE, NAME = "01_information", "information"
#: Ten graded questions (2 + 1 + 2 + 4 + 1 + 1 + 2 + 1 + 3 + 2; since review 75 X1 Question 1
#: is practice and its mark is Question 2's second; review 88 X2 added Question 4b's mark, the
#: price named to Wren); the 3-point reflection is graded by hand.
AUTO_POINTS = 19


def hard_coded_beliefs(learner):
    """An answer that returns the learner's own numbers instead of computing them."""
    sale = course.variant(MODULE, learner)
    beliefs, mean, sure = belief_after_opening(sale, opening_likelihood(sale))
    beliefs = {float(r): float(chance) for r, chance in beliefs.items()}
    return (
        "def belief_after_opening(sale, likelihood):\n"
        f"    return {beliefs!r}, {float(mean)!r}, {float(sure)!r}\n"
    )


def submissions():
    """What each learner handed in, by the learner's nbgrader id."""
    return {
        "solved": solved(MODULE, NAME),
        "unchanged": release_notebook(MODULE, NAME),
        "one-wrong-answer": solved(
            MODULE,
            NAME,
            my_price_answer="def my_price(sale, after, reading):\n"
            "    def best(b):\n"
            "        return max(b, key=lambda p: (p - sale.cost)"
            " * sum(c for r, c in b.items() if r >= p))\n"
            "    before = expected_reservation(sale.prior_beliefs())\n"
            "    news = after\n"
            "    for likelihood in reading.values():\n"
            "        news = update_beliefs(news, likelihood)\n"
            "    capped = {}\n"
            "    for r, c in after.items():\n"
            "        capped[min(r, sale.rival_cap)] = capped.get(min(r, sale.rival_cap), 0) + c\n"
            "    return before, best(after), best(news), best(capped)\n",
        ),
        "hard-coded": solved(
            MODULE, NAME, belief_after_opening_answer=hard_coded_beliefs("hard-coded")
        ),
    }


class TestInformationGrading(ModuleGrading):
    MODULE, NAME, AUTO_POINTS = MODULE, NAME, AUTO_POINTS
    HINT = ("one-wrong-answer", "my-price-test", "that is the expected reservation price")

    def submissions(self, course_root, scratch):
        return submissions()

    def test_one_wrong_answer_costs_only_its_own_point(self, graded):
        """Asking the expected reservation price before the opening is wrong: that part of
        Question 5 earns nothing, its other part and every other question keep theirs."""
        points = graded.scores("one-wrong-answer")
        assert points["my-price-test"] == 3  # of four since review 72 X3
        assert points["report-decision-test"] == 3
        assert auto_total(points) == self.AUTO_POINTS - 1

    def test_hard_coded_numbers_lose_their_question_and_nothing_else(self, graded):
        """Question 2's numbers hard-coded from the learner's own case fail on the worked
        cases and other learners': both its marks go, and the questions that build on it,
        given the right beliefs, keep theirs. Question 1 is practice (review 75 X1): no
        graded cell."""
        points = graded.scores("hard-coded")
        assert "opening-likelihood-test" not in points
        assert points["belief-after-opening-test"] == 0
        assert points["my-price-test"] == 4
        assert auto_total(points) == self.AUTO_POINTS - 2
