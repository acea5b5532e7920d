"""Real nbgrader autograde of module 05, with the course's committed config, on generated
submissions named after what each learner did. Scores are read back from the gradebook."""

import pytest

import course
from course.scenarios.capstone import batna_of, opening_of
from tests.grading import ModuleGrading, auto_total
from tests.notebooks import release_notebook, solved

# one worker grades this file's learners once: its graded fixture is module- or
# class-scoped, and split over two xdist workers it was graded twice
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("test_grading_capstone")]

MODULE, NAME = "05_capstone", "capstone"
AUTO_POINTS = 16  # eight questions; the 4-point reflection is graded by hand


def hard_coded(learner):
    """Answers that write out the learner's own figures instead of working them out."""
    case = course.variant(MODULE, learner)
    name, value = batna_of(case)
    opening = opening_of(case)
    return {
        "my_batna_answer": f"def my_batna(s):\n    return {name!r}, {value!r}\n",
        "opening_offer_answer": f"def opening_offer(s):\n    return [{opening!r}]\n",
    }


def plan_by_best_rate():
    """A concession plan with one slip: each step goes to the frontier package with the
    best rate (Marlow's points gained per k€ given), however large the step, so it is
    neither section 5's shape nor the smallest step (review 98 C1 made module 04's shape
    the solution, so this answer is written out, not derived from the solution's text)."""
    return (
        "def concession_plan(s, opening, reservation):\n"
        "    packages = all_packages(s.yours, s.theirs)\n"
        "    frontier = set(pareto_frontier([(you, them) for _, you, them in packages]))\n"
        "    rows = [(p, you, them) for p, you, them in packages\n"
        "            if (you, them) in frontier and you >= reservation]\n"
        "    plan = [opening]\n"
        "    while True:\n"
        "        mine = package_points(plan[-1], s.yours)\n"
        "        theirs = package_points(plan[-1], s.theirs)\n"
        "        more = [row for row in rows if row[2] > theirs]\n"
        "        if not more:\n"
        "            return plan\n"
        "        rate = lambda row: ((row[2] - theirs) / (mine - row[1] or 1e-9), row[1])\n"
        "        plan.append(max(more, key=rate)[0])\n"
    )


def submissions():
    """What each learner handed in, by the learner's nbgrader id."""
    return {
        "solved": solved(MODULE, NAME),
        "unchanged": release_notebook(MODULE, NAME),
        "one-wrong-answer": solved(MODULE, NAME, concession_plan_answer=plan_by_best_rate()),
        "hard-coded": solved(MODULE, NAME, **hard_coded("hard-coded")),
    }


class TestCapstoneGrading(ModuleGrading):
    MODULE, NAME, AUTO_POINTS = MODULE, NAME, AUTO_POINTS
    HINT = (
        "one-wrong-answer",
        "concession-plan-test",
        "concede in steps that shrink, so no step may cost more than the one before (section 5)",
    )

    def submissions(self, course_root, scratch):
        return submissions()

    def test_one_wrong_answer_loses_just_that_question(self, graded):
        points = graded.scores("one-wrong-answer")
        assert points["concession-plan-test"] == 0
        assert auto_total(points) == self.AUTO_POINTS - 2

    def test_hard_coded_answers_lose_the_hidden_tests(self, graded):
        """The visible checks pass on the learner's own case; the hidden ones try others'.
        The reservation price builds on my_batna, so it falls too (its hint says so); the
        opening typed in has no MESO, so it loses both points. The beliefs, what to say, the
        plan (given the right opening and reservation price) and what to do if Quell has
        capacity (given the course's plan) keep theirs. The audit's alternatives row also
        builds on my_batna (question 4 says to pass questions 1 and 2 first): it falls when
        a hidden case the grading secret draws puts the typed BATNA's share on the other
        side of a line (about one secret in six), and then for that row alone."""
        points = graded.scores("hard-coded")
        assert points["my-batna-test"] == 0 and points["my-reservation-test"] == 0
        assert points["opening-offer-test"] == 0
        assert points["marlow-beliefs-test"] == points["concession-plan-test"] == 2
        assert points["table-moves-test"] == 2
        audit = points["my-audit-test"]
        if audit == 0:
            shown = graded.shown("hard-coded", "my-audit-test")
            assert "passes the visible cases but not every case grading tries" in shown, shown
            assert "its alternatives verdicts do not follow that case's facts" in shown, shown
        assert audit in (0, 2) and auto_total(points) == 8 + audit
