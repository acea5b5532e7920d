"""The course's nbgrader preprocessors on hand-made notebooks (no kernel needed): the judge
decides every test cell from the instructor's source and the transcripts alone."""

import nbformat
import pytest
from nbgrader.utils import determine_grade

from autograder.judge import JudgeOutsideKernel
from course.checks.calls import TRANSCRIPT_MIME, collected
from course.checks.hints import NotYet
from tests.toy_checks import MODULE, doubled, halves, sorts

SOURCE = (
    '"""Check that doubled doubles."""\ncheck.doubled(doubled)\ncheck.doubled(doubled, hidden=True)'
)


def transcripts(check, answer):
    """What the kernel shows for the visible and the hidden check, as test-cell outputs."""
    shown = []
    for hidden in (False, True):
        with collected() as found:
            try:
                check(answer, hidden=hidden)
            except NotYet:
                shown += [_displayed(t) for t in found]
                return shown
        shown += [_displayed(t) for t in found]
    return shown


def _displayed(transcript):
    return nbformat.v4.new_output(
        "display_data", data={TRANSCRIPT_MIME: transcript, "text/plain": ""}
    )


def graded_cell(outputs, source=SOURCE, points=1):
    cell = nbformat.v4.new_code_cell(source)
    cell.metadata["nbgrader"] = {
        "grade": True,
        "solution": False,
        "grade_id": "q",
        "points": points,
    }
    cell.outputs = outputs
    return cell


def judged(*cells, timed_out=None):
    nb = nbformat.v4.new_notebook()
    nb.cells = list(cells)
    resources = {
        "nbgrader": {"assignment": MODULE, "student": "ada"},
        "leverage": {"timed_out": timed_out or {}},
    }
    JudgeOutsideKernel().preprocess(nb, resources)
    return [
        determine_grade(cell)[0] if cell.metadata["nbgrader"].get("grade") else None
        for cell in nb.cells
    ]


def twice(x):
    return 2 * x


def test_a_right_answer_gets_the_points_and_its_pass_messages():
    cell = graded_cell(transcripts(doubled, twice))
    assert judged(cell) == [1]
    assert [o.output_type for o in cell.outputs] == ["stream"]
    assert cell.metadata["leverage"]["kernel_outputs"] == []


def test_a_wrong_answer_gets_zero_and_its_hint():
    cell = graded_cell(transcripts(doubled, lambda x: x))
    assert judged(cell) == [0]
    assert cell.outputs[-1].ename == "NotYet" and cell.outputs[-1].evalue.startswith("doubled(1)")


def test_what_the_kernel_printed_does_not_count():
    """A fake pass, a fake score and a warning on stderr: only the judge's verdict stays."""
    fake = [
        nbformat.v4.new_output("stream", name="stdout", text="✓ doubled doubles.\n"),
        nbformat.v4.new_output("execute_result", data={"text/plain": "1"}),
        nbformat.v4.new_output("stream", name="stderr", text="FutureWarning: old API\n"),
    ]
    wrong = graded_cell(fake + transcripts(doubled, lambda x: x))
    right = graded_cell(transcripts(doubled, twice) + fake[2:])
    assert judged(wrong, right) == [0, 1]
    assert wrong.metadata["leverage"]["kernel_outputs"] == fake


def test_a_cell_with_no_transcript_gets_zero_and_the_kernels_error():
    error = nbformat.v4.new_output(
        "error", ename="NameError", evalue="name 'doubled' is not defined", traceback=[]
    )
    cell = graded_cell([error])
    assert judged(cell) == [0]
    assert (
        cell.outputs[0].evalue
        == "the check could not run: NameError: name 'doubled' is not defined"
    )


def test_a_forged_transcript_gets_zero_and_the_reason():
    forged = transcripts(doubled, twice)
    forged[0]["data"][TRANSCRIPT_MIME]["calls"][0]["returned"] = ["float", "3.0"]
    forged[0]["data"][TRANSCRIPT_MIME]["calls"][0]["args"] = "f" * 16
    cell = graded_cell(forged)
    assert judged(cell) == [0]
    assert cell.outputs[0].ename == "CheckDidNotRun"
    assert "a cell above may have changed it" in cell.outputs[0].evalue
    assert "other inputs" in cell.metadata["leverage"]["judge"]


def test_a_cell_that_ran_out_of_time_says_so_in_words():
    cell = graded_cell(transcripts(doubled, twice))
    assert judged(graded_cell([]), cell, timed_out={1: 60}) == [0, 0]
    assert cell.outputs[0].ename == "TimeLimit"
    assert "ran longer than the 60-second limit" in cell.outputs[0].evalue
    assert "loop that never ends" in cell.outputs[0].evalue


def test_partial_credit_comes_from_the_grader():
    source = "check.halves(halves)\ncheck.halves(halves, hidden=True)"
    cell = graded_cell(transcripts(halves, lambda x: x // 2), source, points=2)
    assert judged(cell) == [1]
    (result,) = cell.outputs
    assert result.output_type == "execute_result" and result.data["text/plain"] == "1"


@pytest.mark.parametrize("source", ["print('all good')", "check.doubled(doubled)\nx = 1"])
def test_a_test_cell_the_judge_cannot_replay_is_left_to_the_instructor(source):
    cell = graded_cell(transcripts(doubled, twice), source)
    assert judged(cell) == [0]
    assert cell.outputs[0].ename == "NotGraded" and "grades it by hand" in cell.outputs[0].evalue


def test_answer_cells_are_left_alone():
    answer = nbformat.v4.new_code_cell("def doubled(x):\n    return 2 * x")
    answer.metadata["nbgrader"] = {"grade": False, "solution": True, "grade_id": "a"}
    printed = nbformat.v4.new_output("stream", name="stdout", text="hello\n")
    answer.outputs = [printed]
    judged(answer, graded_cell(transcripts(doubled, twice)))
    assert answer.outputs == [printed]


def test_a_check_that_fails_on_the_learners_value_fails_the_cell_as_in_the_kernel():
    """The check's own code raises on a list of a number and a text, in the kernel and here."""
    with collected() as found, pytest.raises(TypeError):
        sorts(lambda: [1, "a"])
    cell = graded_cell([_displayed(t) for t in found], "check.sorts(sorts)")
    assert judged(cell) == [0]
    assert cell.outputs[0].ename == "TypeError"


def test_a_check_the_course_does_not_have_is_left_to_the_instructor():
    shown = transcripts(doubled, twice)
    cell = graded_cell(shown, "check.tripled(tripled)\ncheck.tripled(tripled, hidden=True)")
    assert judged(cell) == [0]
    assert cell.outputs[0].ename == "NotGraded" and "tripled" in cell.outputs[0].evalue
