"""The course's nbgrader preprocessors on hand-made notebooks (no kernel needed)."""

import nbformat
import pytest
from nbgrader.utils import determine_grade

from autograder.nbgrader_hooks import RefuseImpossibleCredit, RefuseReplacedChecks, check_tampering


def credit_cell(shown, points=2):
    """A test cell worth ``points`` whose result shows ``shown`` as plain text."""
    cell = nbformat.v4.new_code_cell("check.it(answer)")
    cell.metadata["nbgrader"] = {
        "grade": True,
        "solution": False,
        "grade_id": "q",
        "points": points,
    }
    result = nbformat.v4.new_output("execute_result", data={"text/plain": shown})
    cell.outputs = [result]
    return cell


def graded(cell):
    nb = nbformat.v4.new_notebook()
    nb.cells = [cell]
    RefuseImpossibleCredit().preprocess(nb, {})
    return determine_grade(nb.cells[0])[0]


@pytest.mark.parametrize(("shown", "score"), [("0", 0), ("1", 1), ("2", 2), ("1.5", 1.5)])
def test_honest_partial_credit_passes_through(shown, score):
    assert graded(credit_cell(shown)) == score


@pytest.mark.parametrize("shown", ["3", "-1", "nan", "inf"])
def test_a_score_no_check_gives_is_worth_zero(shown):
    """Unguarded, nbgrader would give full marks for -1 or nan and stop at 3 or inf."""
    cell = credit_cell(shown)
    assert graded(cell) == 0
    assert cell.outputs[0].ename == "ImpossibleCredit"


def test_a_result_that_is_not_a_number_is_left_to_nbgrader():
    assert graded(credit_cell("'all good'")) == 2


def test_answer_cells_are_left_alone():
    cell = credit_cell("99")
    cell.metadata["nbgrader"]["solution"] = True
    nb = nbformat.v4.new_notebook()
    nb.cells = [cell]
    RefuseImpossibleCredit().preprocess(nb, {})
    assert cell.outputs[0].output_type == "execute_result"


@pytest.mark.parametrize(
    ("source", "reason"),
    [
        ("check.batna_needed = lambda *a, **k: None", "line 1 changes `check`"),
        ("x = 1\ncheck = object()", "line 2 changes `check`"),
        ("del check", "line 1 changes `check`"),
        ("def check():\n    pass", "defines its own `check`"),
        ("import course.checks.batna as m\nm.batna_needed = print", "imports the course's checks"),
        ("from course import checks", "imports the course's checks"),
        ("from os import path as check", "imports something as `check`"),
        ("exec('check.x = 1')", "uses exec()"),
        ("globals()['check'] = None", "uses globals()"),
        ("import sys\nsys.modules['course.checks.batna'].x = 1", "uses .modules"),
        ("import importlib", "imports importlib"),
    ],
)
def test_code_that_rewrites_the_checks_is_named(source, reason):
    assert any(reason in found for found in check_tampering(source)), check_tampering(source)


@pytest.mark.parametrize(
    "source",
    [
        "def batna_needed(target, pie, theirs):\n    return 2 * target - pie + theirs",
        "from course.models.batna import zopa\nresult = zopa(1, 2)",
        "%matplotlib inline\nchecked = True",
        "import builtins\nbuiltins.print = lambda *a: None",  # harmless to the checks
        "def broken(:",  # fails on its own when run
    ],
)
def test_honest_code_is_left_alone(source):
    assert check_tampering(source) == []


def test_tests_after_the_rewrite_are_not_graded_and_the_notebook_says_why():
    answer = nbformat.v4.new_code_cell("check.second = lambda *a: None")
    answer.metadata["nbgrader"] = {"solution": True, "grade": False, "grade_id": "a"}
    first, second = credit_cell("1"), credit_cell("1")
    nb = nbformat.v4.new_notebook()
    nb.cells = [first, answer, second]
    RefuseReplacedChecks().preprocess(nb, {})
    assert determine_grade(first)[0] == 1  # before the rewrite: graded as usual
    assert determine_grade(second)[0] == 0
    assert second.outputs[0].ename == "ChecksReplaced"
    assert nb.metadata["leverage"]["checks_replaced"] == [
        "cell 2: line 1 changes `check`, which the test cells use"
    ]
