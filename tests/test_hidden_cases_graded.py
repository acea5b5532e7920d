"""Hidden cases under real `nbgrader autograde` with the course's config (module 00): a
learner who hard-codes the answers of the public self-check cases earns nothing for the
hidden parts, because grading tries learners drawn from the instructor's secret
(autograder/secret.py), and nothing grading shows names them; a learner whose functions
call the course's own answer key earns nothing for those questions either (the key refuses to
answer while a check runs a learner's function: ``course.checks.calls.answer_key``)."""

import os
import re

import nbformat
import pytest

from autograder import secret
from course.checks import checks_of
from course.variants import hidden_cases_as
from tests.grading import Graded, autograde
from tests.hardcoding import hard_coded
from tests.notebooks import auto_points, solved
from tests.test_hidden_cases import HIDDEN_QUESTIONS, MODULE, NAME

# one worker grades this file's learners once: its graded fixture is module- or
# class-scoped, and split over two xdist workers it was graded twice
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("test_hidden_cases_graded")]

POINTS = auto_points(MODULE, NAME)
#: The test cells that run a hidden check.
HIDDEN_CELLS = {"best-plan-test", "reach-plan-test", "reaudit-test"}

#: The instructor's secret for this term, given in the grader's environment.
SECRET = "this-terms-secret-0123456789abcdef0123456789abcdef"

#: A learner's cell that looks for the secret in the kernel's environment.
LOOKS_FOR_THE_SECRET = """\
import os
print("secret:", os.environ.get("LEVERAGE_GRADING_SECRET"))
print("key:", os.environ.get("LEVERAGE_HIDDEN_CASES"))
"""

#: Functions that return what the course's own reference code computes.
CALLS_THE_ANSWER_KEY = {
    "best_plan": (
        "def best_plan(case):\n"
        "    from course.scenarios.leverage import best_plan as key\n"
        "    return list(key(case))\n"
    ),
    "reach_plan": (
        "def reach_plan(case, threshold):\n"
        "    from course.scenarios.leverage import best_reach_plan\n"
        "    return list(best_reach_plan(case, threshold))\n"
    ),
    "reaudit": (
        "def reaudit(case, moves):\n"
        "    from course.scenarios.leverage import _balances, ask_moment, turning_point\n"
        "    balances = _balances(case.yours, case.theirs, case.weights, moves)\n"
        "    return turning_point(balances), ask_moment(balances, case.bar)\n"
    ),
}


@pytest.fixture(scope="module")
def graded(own_course, tmp_path_factory):
    root = own_course(MODULE)
    looks = solved(MODULE, NAME)
    looks.cells.append(nbformat.v4.new_code_cell(LOOKS_FOR_THE_SECRET))
    learners = {
        "hard-codes-the-self-check-answers": hard_coded(
            MODULE, NAME, "hard-codes-the-self-check-answers", HIDDEN_QUESTIONS
        ),
        "solved": solved(MODULE, NAME),
        "looks-for-the-secret": looks,
        "calls-the-answer-key": solved(
            MODULE, NAME, **{f"{q}_answer": s for q, s in CALLS_THE_ANSWER_KEY.items()}
        ),
    }
    os.environ[secret.SECRET_VARIABLE] = SECRET
    try:
        log = autograde(root, MODULE, NAME, learners, tmp_path_factory.mktemp("grader"))
    finally:
        del os.environ[secret.SECRET_VARIABLE]
    return Graded(root, MODULE, NAME, log)


def cells(points):
    return {cell: points[cell] for cell in POINTS}


def test_hard_coded_self_check_answers_earn_nothing_for_the_hidden_parts(graded):
    assert cells(graded.scores("hard-codes-the-self-check-answers")) == {
        cell: (0.0 if cell in HIDDEN_CELLS else points) for cell, points in POINTS.items()
    }


def test_the_right_functions_pass_the_secret_cases(graded):
    assert cells(graded.scores("solved")) == POINTS


def test_the_kernel_was_asked_about_the_secret_learners_and_nothing_shown_names_them(graded):
    learner = "hard-codes-the-self-check-answers"
    key = secret.grading_key(SECRET.encode(), MODULE, learner, graded.notebook(learner))
    with hidden_cases_as(key):
        drawn = list(checks_of(MODULE).HIDDEN_LEARNERS)
    # the learner's look-up printed, in the kernel, the cases it was asked about: the
    # instructor keeps that in the cell's metadata; the learner is not shown it
    printed = graded.kernel_printed(learner, "best-plan-test")
    assert f"not in my table: {drawn[0]}\n" in printed, printed
    for cell in POINTS:
        shown = graded.shown(learner, cell)
        assert not re.search(r"h-[0-9a-f]{16}|self-check-|hidden-", shown), (cell, shown)
    for cell in HIDDEN_CELLS:
        assert "every case grading tries" in graded.shown(learner, cell)


def test_the_kernel_gets_its_submissions_key_never_the_secret(graded):
    nb = graded.notebook("looks-for-the-secret")
    said = "".join(o.get("text", "") for o in nb.cells[-1].outputs)
    key = secret.grading_key(SECRET.encode(), MODULE, "looks-for-the-secret", nb)
    assert said == f"secret: None\nkey: {key}\n"
    assert cells(graded.scores("looks-for-the-secret")) == POINTS
    assert not (graded.root / secret.SECRET_FILE).exists()  # given, so never written


def test_functions_that_call_the_answer_key_earn_nothing_for_those_questions(graded):
    """Each of them calls the function the check itself uses to know the answer, so it is
    right on every case grading tries; under real ``nbgrader autograde`` each earns 0, and
    the other questions, answered by the learner's own working, keep their points."""
    got = cells(graded.scores("calls-the-answer-key"))
    assert {cell: got[cell] for cell in HIDDEN_CELLS} == dict.fromkeys(HIDDEN_CELLS, 0.0)
    others = {cell: points for cell, points in cells(POINTS).items() if cell not in HIDDEN_CELLS}
    assert {cell: got[cell] for cell in others} == others
