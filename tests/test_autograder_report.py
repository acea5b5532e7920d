"""The class report counts failing checks per check, never per message: each failed check
of a test cell that scores several by its name, any other failing test cell by its
grade_id; and draws the score distribution in whole learners over the whole range."""

from collections import Counter

import nbformat
from IPython.core.formatters import DisplayFormatter

from autograder.report import WHOLE_TEST, _hint_list, failing_checks, histogram, instructor_notes
from course.checks.credit import Check, score
from course.checks.hints import INSTRUCTOR_NOTE, NotYet


def fail(hint):
    def run():
        raise NotYet(hint)

    return run


def graded_cell(grade_id, *outputs):
    cell = nbformat.v4.new_code_cell("check.it(answer)")
    cell.metadata["nbgrader"] = {"grade": True, "solution": False, "grade_id": grade_id}
    cell.outputs = list(outputs)
    return cell


def credit_output(*checks):
    data, _ = DisplayFormatter().format(score(*checks))
    return nbformat.v4.new_output("execute_result", data=data, execution_count=1)


def notebook(*cells):
    nb = nbformat.v4.new_notebook()
    nb.cells = list(cells)
    return nb


def test_each_failed_check_is_counted_under_its_own_name():
    passes = Check("within reach", 1, lambda: "fine")
    learners = [
        (
            "ada",
            notebook(graded_cell("q5", credit_output(passes, Check("out of reach", 1, fail("a"))))),
        ),
        (
            "bo",
            notebook(
                graded_cell(
                    "q5",
                    credit_output(
                        Check("within reach", 1, fail("half")), Check("out of reach", 1, fail("b"))
                    ),
                )
            ),
        ),
        (
            "cy",
            notebook(
                graded_cell("q5", credit_output(passes, Check("out of reach", 1, lambda: "ok")))
            ),
        ),
    ]
    counts, hints = failing_checks(learners)
    assert counts == {("q5", "out of reach"): 2, ("q5", "within reach"): 1}
    assert hints[("q5", "out of reach")] == {"a": 1, "b": 1}


def test_cells_that_raised_are_counted_by_question_whatever_their_messages():
    learners = [
        (
            name,
            notebook(
                graded_cell(
                    "q1",
                    nbformat.v4.new_output(
                        "error", ename="NotYet", evalue=f"{value} is not right\nmore", traceback=[]
                    ),
                )
            ),
        )
        for name, value in [("ada", "87,500"), ("bo", "91,000"), ("cy", "87,500")]
    ]
    counts, hints = failing_checks(learners)
    assert counts == {("q1", WHOLE_TEST): 3}
    assert hints[("q1", WHOLE_TEST)] == {"87,500 is not right": 2, "91,000 is not right": 1}


def test_answer_cells_and_ungraded_cells_are_not_counted():
    answer = graded_cell(
        "q1-answer", nbformat.v4.new_output("error", ename="E", evalue="x", traceback=[])
    )
    answer.metadata["nbgrader"]["solution"] = True
    plain = nbformat.v4.new_code_cell("1/0")
    plain.outputs = [nbformat.v4.new_output("error", ename="E", evalue="x", traceback=[])]
    assert failing_checks([("ada", notebook(answer, plain))])[0] == {}


def test_the_hints_are_listed_most_frequent_first_with_the_rest_summed_up():
    seen = Counter({"rare": 1, "common": 3, **{f"h{i}": 1 for i in range(8)}})
    lines = _hint_list(seen).splitlines()
    assert lines[0] == "3 \N{MULTIPLICATION SIGN} common"
    assert lines[-1] == "and 2 other hints" and len(lines) == 9


def test_the_histogram_has_a_bar_for_every_whole_point_and_counts_whole_learners():
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots()
    histogram(axes, [8, 8, 6.5, 0], 10)
    heights = [bar.get_height() for bar in axes.patches]
    plt.close(figure)
    assert heights == [1, 0, 0, 0, 0, 0, 1, 0, 2, 0, 0]
    assert all(tick == int(tick) for tick in axes.get_yticks())


def test_a_note_a_check_left_in_a_graded_cell_is_listed_and_nothing_else_is():
    note = f"{INSTRUCTOR_NOTE}this audit is the worked example, number for number."
    printed = nbformat.v4.new_output("stream", name="stdout", text=f"\u2713 fits\n{note}\n")
    answer = graded_cell("q2-answer", printed)
    answer.metadata["nbgrader"]["solution"] = True  # the learner's own printing
    plain = nbformat.v4.new_code_cell("print(note)")
    plain.outputs = [printed]
    quiet = graded_cell("q3", nbformat.v4.new_output("stream", name="stdout", text="ok\n"))
    learners = [
        ("ada", notebook(graded_cell("q2", printed), answer, plain, quiet)),
        ("bo", notebook(quiet)),
    ]
    assert instructor_notes(learners) == {
        "ada": [("q2", "this audit is the worked example, number for number.")]
    }
