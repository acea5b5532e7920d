"""Real nbgrader autograde of module 04, with the course's committed config, on generated
submissions named after what each learner did. Scores are read back from the gradebook."""

import pytest

import course
from course.checks import concessions as check
from tests.grading import ModuleGrading, auto_total
from tests.notebooks import release_notebook, solved

# one worker grades this file's learners once: its graded fixture is module- or
# class-scoped, and split over two xdist workers it was graded twice
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("test_grading_concessions")]

MODULE, NAME = "04_concessions", "concessions"
# nine questions (2+2+1+1+1+2+1+2+1; review 86 X1 moved one of question 7's two marks to
# the written 6b); question 4b's margin (1), 6b (2) and the reflection (2) are graded by hand
AUTO_POINTS = 13


def hard_coded_opening(learner):
    """An answer that writes out the learner's own opening instead of choosing it from the
    scenario: right for them, wrong for every other learner the hidden test tries."""
    s = course.variant(MODULE, learner)
    price, key = check.grounded_opening(s)
    news = {rival: check.grounded_opening(s, a, rival) for a, rival in check._rivals(s, True)}
    return f"def opening(s, anchor, rival=None):\n    return {news!r}.get(rival, ({price!r}, {key!r}))\n"


def submissions():
    """What each learner handed in, by the learner's nbgrader id."""
    return {
        "solved": solved(MODULE, NAME),
        "unchanged": release_notebook(MODULE, NAME),
        "one-wrong-answer": solved(
            MODULE,
            NAME,
            tit_for_tat_answer="def tit_for_tat(s, mine, theirs, target):\n"
            "    return mine[-1] + (theirs[-1] - theirs[-2])\n",
        ),
        "hard-coded": solved(MODULE, NAME, opening_answer=hard_coded_opening("hard-coded")),
    }


class TestConcessionsGrading(ModuleGrading):
    MODULE, NAME, AUTO_POINTS = MODULE, NAME, AUTO_POINTS
    HINT = ("one-wrong-answer", "tit-for-tat-test", "moves the wrong way")

    def submissions(self, course_root, scratch):
        return submissions()

    def test_one_wrong_answer_loses_just_that_question(self, graded):
        points = graded.scores("one-wrong-answer")
        assert points["tit-for-tat-test"] == 0
        assert auto_total(points) == self.AUTO_POINTS - 1

    def test_hard_coded_numbers_lose_the_hidden_tests(self, graded):
        """The visible check passes on the learner's own numbers; the hidden one tries other
        learners'. No other question builds on the opening, so only it falls."""
        points = graded.scores("hard-coded")
        assert points["opening-test"] == 0
        assert auto_total(points) == self.AUTO_POINTS - 2
