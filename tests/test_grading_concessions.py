"""Real nbgrader autograde of module 04, with the course's committed config, on generated
submissions named after what each learner did. Scores are read back from the gradebook."""

import pytest

import course
from tests.grading import ModuleGrading, auto_total
from tests.notebooks import release_notebook, solved

pytestmark = pytest.mark.slow

MODULE, NAME = "04_concessions", "concessions"
AUTO_POINTS = 9  # five questions; the 2-point reflection is graded by hand


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


class TestConcessionsGrading(ModuleGrading):
    MODULE, NAME, AUTO_POINTS = MODULE, NAME, AUTO_POINTS
    HINT = ("one-wrong-answer", "trade-ratio-of-test", "net change in points")

    def submissions(self, course_root, scratch):
        return submissions()

    def test_one_wrong_answer_loses_just_that_question(self, graded):
        points = graded.scores("one-wrong-answer")
        assert points["trade-ratio-of-test"] == 0
        assert auto_total(points) == self.AUTO_POINTS - 1

    def test_hard_coded_numbers_lose_the_hidden_tests(self, graded):
        """The visible check passes on the learner's own numbers; the hidden one tries other
        learners'. respond builds on my_offer, so it falls too."""
        points = graded.scores("hard-coded")
        assert points["my-offer-test"] == 0
        assert points["respond-test"] == 0
        assert auto_total(points) == self.AUTO_POINTS - 4
