"""Real nbgrader autograde of module 00, with the course's committed config, on generated
submissions named after what each learner did. Scores are read back from the gradebook."""

import pytest

import course
from autograder.report import instructor_notes
from course.scenarios.leverage import best_plan, fact_key, tactic_key
from tests.grading import ModuleGrading, auto_total
from tests.notebooks import release_notebook, solved

# one worker grades this file's learners once: its graded fixture is module- or
# class-scoped, and split over two xdist workers it was graded twice
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("test_grading_leverage")]

MODULE, NAME = "00_leverage", "leverage"
# five questions of 2, and questions 3c's and 4a's 1; the written answers are graded by hand
AUTO_POINTS = 12


def classification(learner, flip=None):
    """A learner's dict of fact answers, written out as they would type it; ``flip`` names
    one fact whose side they got wrong."""
    key = fact_key(course.variant(MODULE, learner))
    if flip:
        source, side = key[flip]
        key[flip] = (source, "them" if side == "you" else "you")
    return f"def fact_leverage():\n    return {key!r}\n"


def hard_coded_plan(learner):
    """An answer that names the learner's own best plan instead of working it out."""
    plan = list(best_plan(course.variant(MODULE, learner)))
    return f"def best_plan(case):\n    return {plan!r}\n"


def tactics_one_wrong(learner):
    key = tactic_key(course.variant(MODULE, learner))
    first = next(iter(key))
    key[first] = "legitimate" if key[first] != "legitimate" else "bluff"
    return f"def tactic_kinds():\n    return {key!r}\n"


#: best_plan scoring steps without the top of the scale: wrong on the first test case.
IGNORES_CEILING = (
    "from itertools import combinations\n"
    "def best_plan(case):\n"
    "    names = list(case.steps)\n"
    "    fits = [p for k in range(4) for p in combinations(names, k)\n"
    "            if sum(case.steps[n][2] for n in p) <= case.budget]\n"
    "    def value(n):\n"
    "        source, amount, days, chance = case.steps[n]\n"
    "        return chance * case.weights[source] * amount\n"
    "    return list(max(fits, key=lambda p: sum(value(n) for n in p)))\n"
)

#: reaudit that never says "even": its turning point is wrong on the first test case, its
#: moment to ask right; the wait it returns, as answered before review 79 X1, is not graded.
IGNORES_EVEN = (
    "def reaudit(case, moves):\n"
    "    yours, theirs = dict(case.yours), dict(case.theirs)\n"
    "    ratings = {'you': yours, 'them': theirs}\n"
    "    balances = {'now': leverage_balance(yours, theirs, case.weights)}\n"
    "    for label, (side, source, change) in moves.items():\n"
    "        ratings[side] = shifted(ratings[side], {source: change})\n"
    "        balances[label] = leverage_balance(ratings['you'], ratings['them'], case.weights)\n"
    "    ahead = balances['now'] > 0\n"
    "    turning = next((m for m in moves if (balances[m] > 0) != ahead), 'N4')\n"
    "    wait = case.case == 'deadline' or any('this quarter' in f for f in case.facts.values())\n"
    "    return turning, next((m for m, b in balances.items() if b >= case.bar), None), wait\n"
)


#: Answers that copy the labels grading marks from the course's own keys in the answer
#: cell (the reviewer of round 59 got full marks this way for learner r-7).
COPIES_LABELS = {
    "fact_leverage_answer": (
        "from course.scenarios.leverage import fact_key\n"
        "labels = fact_key(scenario)\n"
        "def fact_leverage():\n    return dict(labels)\n"
    ),
    "news_moves_answer": (
        "from course.scenarios.leverage import news_key\n"
        "moves = news_key(scenario)\n"
        "def news_moves():\n    return dict(moves)\n"
    ),
    "tactic_kinds_answer": (
        "from course.scenarios.leverage import tactic_key\n"
        "kinds = tactic_key(scenario)\n"
        "def tactic_kinds():\n    return dict(kinds)\n"
    ),
}


def copies_the_starting_audit(learner):
    """An audit that is section 4's starting audit, number for number, typed in after the
    learner saw it there (the scenario has it only after question 2): it passes, since an
    honest reading can match it, and grading leaves the instructor a note (``_copy_note``)."""
    s = course.variant(MODULE, learner)
    audit = {"yours": dict(s.yours), "theirs": dict(s.theirs), "weights": dict(s.weights)}
    return f"def my_audit():\n    return {audit!r}\n"


#: A practice function left as the release gives it.
PRACTICE_STUB = "def {name}():\n    raise NotImplementedError()\n"


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
        "ignores-ceiling": solved(MODULE, NAME, best_plan_answer=IGNORES_CEILING),
        "hard-coded": solved(MODULE, NAME, best_plan_answer=hard_coded_plan("hard-coded")),
        "ignores-even": solved(MODULE, NAME, reaudit_answer=IGNORES_EVEN),
        "one-tactic-wrong": solved(
            MODULE, NAME, tactic_kinds_answer=tactics_one_wrong("one-tactic-wrong")
        ),
        "copies-labels-from-the-key": solved(MODULE, NAME, **COPIES_LABELS),
        "copies-the-starting-audit": solved(
            MODULE, NAME, my_audit_answer=copies_the_starting_audit("copies-the-starting-audit")
        ),
        "practice-left-blank": solved(
            MODULE,
            NAME,
            practice_facts_answer=PRACTICE_STUB.format(name="practice_facts"),
            practice_news_answer=PRACTICE_STUB.format(name="practice_news"),
            practice_tactics_answer=PRACTICE_STUB.format(name="practice_tactics"),
        ),
    }


class TestLeverageGrading(ModuleGrading):
    MODULE, NAME, AUTO_POINTS = MODULE, NAME, AUTO_POINTS
    HINT = ("ignores-ceiling", "best-plan-test", "a rating cannot pass 10")

    def submissions(self, course_root, scratch):
        return submissions()

    def test_a_copied_starting_audit_keeps_its_marks_and_the_report_notes_it(self, graded):
        learner = "copies-the-starting-audit"
        assert graded.scores(learner)["my-audit-test"] == 2, graded.shown(learner, "my-audit-test")
        notes = instructor_notes([(learner, graded.notebook(learner))])
        assert [grade_id for grade_id, _ in notes[learner]] == ["my-audit-test"]
        assert "the starting audit section 4 shows you" in notes[learner][0][1]
        assert instructor_notes([("solved", graded.notebook("solved"))]) == {}

    def test_a_typed_classification_gets_its_points(self, graded):
        assert auto_total(graded.scores("typed-classification")) == self.AUTO_POINTS

    def test_one_fact_on_the_wrong_side_loses_its_share(self, graded):
        """0.4 points a fact, not all or nothing."""
        points = graded.scores("one-fact-wrong")
        assert points["fact-leverage-test"] == pytest.approx(1.6)
        assert auto_total(points) == pytest.approx(self.AUTO_POINTS - 0.4)

    def test_a_plan_that_ignores_the_ceiling_loses_the_plan(self, graded):
        points = graded.scores("ignores-ceiling")
        assert points["best-plan-test"] == 0
        assert auto_total(points) == self.AUTO_POINTS - 2

    def test_naming_your_own_best_plan_loses_the_hidden_tests(self, graded):
        points = graded.scores("hard-coded")
        assert points["best-plan-test"] == 0
        assert auto_total(points) == self.AUTO_POINTS - 2

    def test_a_reaudit_without_even_earns_the_moment_to_ask_only(self, graded):
        points = graded.scores("ignores-even")
        assert points["reaudit-test"] == 1
        assert auto_total(points) == self.AUTO_POINTS - 1
        assert "the side ahead can also become" in graded.shown("ignores-even", "reaudit-test")

    def test_the_practice_cases_earn_and_cost_no_marks(self, graded):
        """Questions 1, 4a and 5 open with a practice case whose check is not marked: left
        unanswered (its check fails in an ungraded cell), every mark is still earned."""
        assert auto_total(graded.scores("practice-left-blank")) == self.AUTO_POINTS

    def test_one_wrong_tactic_costs_half_a_point(self, graded):
        points = graded.scores("one-tactic-wrong")
        assert points["tactic-kinds-test"] == 1.5
        assert auto_total(points) == self.AUTO_POINTS - 0.5

    def test_labels_copied_from_the_courses_keys_earn_nothing_and_say_why(self, graded):
        """The keys answer only to the checks in a kernel: each of the three answer cells
        stops where it asks, so its question earns nothing, and the cell says why."""
        points = graded.scores("copies-labels-from-the-key")
        for test in ("fact-leverage-test", "news-moves-test", "tactic-kinds-test"):
            assert points[test] == 0, test
        assert auto_total(points) == self.AUTO_POINTS - 5  # 2 + 1 (question 4a) + 2
        for answer in ("fact-leverage-answer", "news-moves-answer", "tactic-kinds-answer"):
            said = graded.shown("copies-labels-from-the-key", answer)
            assert "answers only to the course's checks" in said
