"""Real nbgrader autograde of module 03, with the course's committed config, on generated
submissions named after what each learner did. Scores are read back from the gradebook."""

import pytest

import course
from tests.grading import ModuleGrading, auto_total
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


class TestPowerGrading(ModuleGrading):
    MODULE, NAME, AUTO_POINTS = MODULE, NAME, AUTO_POINTS
    HINT = ("one-wrong-answer", "granite-deal-test", "splitting the difference")

    def submissions(self, course_root, scratch):
        return submissions()

    def test_one_wrong_answer_loses_just_that_question(self, graded):
        points = graded.scores("one-wrong-answer")
        assert points["granite-deal-test"] == 0
        assert auto_total(points) == self.AUTO_POINTS - 2

    def test_hard_coded_numbers_lose_the_hidden_tests(self, graded):
        """The visible check passes on the learner's own numbers; the hidden one tries other
        learners'. rival_worth builds on market_game, so it falls too."""
        points = graded.scores("hard-coded")
        assert points["market-game-test"] == 0
        assert points["rival-worth-test"] == 0
        assert auto_total(points) == self.AUTO_POINTS - 3
