"""Real nbgrader autograde of module 03, with the course's committed config, on generated
submissions named after what each learner did. Scores are read back from the gradebook."""

import pytest

from course.scenarios.power import vote_seller
from course.variants import variant
from tests.grading import ModuleGrading, auto_total
from tests.notebooks import release_notebook, solutions, solved

# one worker grades this file's learners once: its graded fixture is module- or
# class-scoped, and split over two xdist workers it was graded twice
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("test_grading_power")]

MODULE, NAME = "03_power", "power"
AUTO_POINTS = (
    17  # ten graded answers, questions 4 and 5 one mark each; the 2-point reflection by hand
)


def hard_coded_votes_needed(learner):
    """An answer that writes out the learner's own choice instead of working it out."""
    return f"def buy_votes_from(s):\n    return {vote_seller(variant(MODULE, learner))!r}\n"


def submissions():
    """What each learner handed in, by the learner's nbgrader id."""
    return {
        "solved": solved(MODULE, NAME),
        "unchanged": release_notebook(MODULE, NAME),
        "one-wrong-answer": solved(
            MODULE, NAME, granite_reply_answer="def granite_reply(s):\n    return 'maybe'\n"
        ),
        "forecast-as-limit": solved(
            MODULE,
            NAME,
            licence_floor_answer="def licence_floor(s):\n"
            "    today = (3 * s.atlas_value + s.borealis_value) / 6 >= s.atlas_value / 2\n"
            "    a, b, c = sorted([s.atlas_value, s.borealis_value, s.corvid_value])[::-1]\n"
            "    return today, (6 * a + 2 * b + c) / 12 >= b\n",
        ),
        "hard-coded": solved(
            MODULE, NAME, votes_needed_answer=hard_coded_votes_needed("hard-coded")
        ),
        # the practice labels all wrong, the own ones all wrong: only the own ones cost marks
        "practice-wrong": solved(
            MODULE,
            NAME,
            rate_tactics_answer=wrapped_labels("rate_tactics", practice="'illegitimate'"),
            power_sources_answer=wrapped_labels("power_sources", practice="('referent', 'x')"),
        ),
        "own-labels-wrong": solved(
            MODULE,
            NAME,
            rate_tactics_answer=wrapped_labels("rate_tactics", own="'illegitimate'"),
        ),
    }


def wrapped_labels(question, practice=None, own=None):
    """The solution of question 1 or 9a with every practice item, or every own item, given
    ``practice`` or ``own`` instead (a Python expression)."""
    source = solutions(MODULE, NAME)[question.replace("_", "-") + "-answer"]
    renamed = source.replace(f"def {question}(", f"def _{question}(")
    practice = practice or "value"
    own = own or "value"
    return (
        f"{renamed}\n\ndef {question}():\n"
        f"    return {{key: ({practice} if isinstance(key, int) else {own}) "
        f"for key, value in _{question}().items()}}\n"
    )


class TestPowerGrading(ModuleGrading):
    MODULE, NAME, AUTO_POINTS = MODULE, NAME, AUTO_POINTS
    HINT = ("one-wrong-answer", "granite-reply-test", "should be one of 'accept', 'reject'")

    def submissions(self, course_root, scratch):
        return submissions()

    def test_one_wrong_answer_loses_just_that_question(self, graded):
        points = graded.scores("one-wrong-answer")
        assert points["granite-reply-test"] == 0
        assert auto_total(points) == self.AUTO_POINTS - 2

    def test_a_wrong_floor_costs_one_point_of_two(self, graded):
        """Question 2 scores its parts apart: the Shapley value taken as the floor loses the
        floor's point, and the verdict on Atlas's proposal keeps its own."""
        points = graded.scores("forecast-as-limit")
        assert points["licence-floor-test"] == 1
        assert auto_total(points) == self.AUTO_POINTS - 1

    def test_own_case_labels_are_marked_at_grading_and_the_practice_is_not(self, graded):
        """Questions 1 and 9a: wrong practice labels cost nothing (their visible check only
        shows hints for them); wrong labels on the learner's own case, which the visible
        check does not judge, lose their marks at grading."""
        practice = graded.scores("practice-wrong")
        assert practice["power-sources-test"] == practice["rate-tactics-test"] == 2
        assert auto_total(practice) == self.AUTO_POINTS
        own = graded.scores("own-labels-wrong")
        assert own["rate-tactics-test"] < 2
        assert auto_total(own) == self.AUTO_POINTS - 2 + own["rate-tactics-test"]

    def test_hard_coded_numbers_lose_the_hidden_tests(self, graded):
        """The visible check passes on the learner's own number; the hidden one tries other
        learners'. No later question uses buy_votes_from, so only it falls."""
        points = graded.scores("hard-coded")
        assert points["votes-needed-test"] == 0
        assert auto_total(points) == self.AUTO_POINTS - 2
