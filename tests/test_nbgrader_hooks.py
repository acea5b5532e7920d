"""The course's nbgrader preprocessors on hand-made notebooks (no kernel needed)."""

import nbformat
import pytest
from nbgrader.utils import determine_grade

from autograder.nbgrader_hooks import RefuseImpossibleCredit


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
