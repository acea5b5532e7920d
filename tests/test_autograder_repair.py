"""The repairs made to a notebook edited in JupyterLab before nbgrader checks it
(autograder/repair.py), on module 02 as it is now. Grading the repaired notebooks with
nbgrader is tested in test_autograder_fixtures.py."""

import nbformat

from autograder.repair import deleted, repair, source_cells_of
from tests.edited import copied_cell, deleted_cell, index_of, split_cell, written_before_rename
from tests.notebooks import release_notebook, solutions, solved

MODULE, NAME = "02_batna", "batna"


def source():
    return source_cells_of(release_notebook(MODULE, NAME))


def graded_ids(nb):
    return [c.metadata["nbgrader"]["grade_id"] for c in nb.cells if "nbgrader" in c.metadata]


def test_a_copied_answer_cell_runs_both_copies_and_grades_the_last():
    stub = release_notebook(MODULE, NAME).cells[
        index_of(solved(MODULE, NAME), "choose-batna-answer")
    ]
    nb = copied_cell(solved(MODULE, NAME), "choose-batna-answer", first=stub.source)
    index = index_of(nb, "choose-batna-answer")
    (note,) = repair(nb, source())
    assert f"cell {index + 2} is graded as the answer" in note and "(copied or split)" in note
    assert "nbgrader" not in nb.cells[index].metadata  # the stub runs as an ordinary cell
    assert nb.cells[index].source == stub.source
    assert nb.cells[index + 1].source == solutions(MODULE, NAME)["choose-batna-answer"]
    assert graded_ids(nb) == graded_ids(release_notebook(MODULE, NAME))


def test_a_cell_split_between_statements_keeps_both_halves_in_order():
    nb = copied_cell(solved(MODULE, NAME), "startup-tree-answer", first="FUNDED = 'funded'")
    index = index_of(nb, "startup-tree-answer")
    (note,) = repair(nb, source())
    assert "all run in order" in note
    assert [nb.cells[index].source, nb.cells[index + 1].metadata["nbgrader"]["grade_id"]] == [
        "FUNDED = 'funded'",
        "startup-tree-answer",
    ]


def test_a_cell_split_inside_a_statement_is_joined_back():
    nb = split_cell(solved(MODULE, NAME), "startup-tree-answer", line=3)
    (note,) = repair(nb, source())
    assert "split inside a statement: joined back into one cell" in note
    assert (
        nb.cells[index_of(nb, "startup-tree-answer")].source
        == solutions(MODULE, NAME)["startup-tree-answer"]
    )
    assert len(nb.cells) == len(release_notebook(MODULE, NAME).cells)


def test_a_copied_test_cell_is_kept_once():
    nb = copied_cell(solved(MODULE, NAME), "choose-batna-test")
    first = index_of(nb, "choose-batna-test") + 1
    (note,) = repair(nb, source())
    assert note == (
        f"cells {first} and {first + 1} were copies of the read-only cell choose-batna-test: "
        f"only the last (cell {first + 1}) is kept"
    )
    assert graded_ids(nb) == graded_ids(release_notebook(MODULE, NAME))


def test_a_written_answer_split_in_two_is_graded_as_one_text():
    nb = copied_cell(solved(MODULE, NAME), "reflection", first="First half.", second="Second half.")
    (note,) = repair(nb, source())
    assert "their text is graded as one answer" in note
    assert nb.cells[index_of(nb, "reflection")].source == "First half.\n\nSecond half."


def test_a_grade_id_the_assignment_does_not_have_makes_an_ordinary_cell():
    nb = solved(MODULE, NAME)
    cell = nbformat.v4.new_code_cell("x = 1")
    cell.metadata["nbgrader"] = {
        "grade": True,
        "grade_id": "mine",
        "points": 100,
        "solution": False,
    }
    nb.cells.append(cell)
    (note,) = repair(nb, source())
    assert "grade_id 'mine', which this assignment does not have" in note
    assert "nbgrader" not in nb.cells[-1].metadata


def test_unreadable_nbgrader_settings_make_an_ordinary_cell():
    nb = solved(MODULE, NAME)
    index = index_of(nb, "startup-tree-answer")
    nb.cells[index].metadata["nbgrader"] = "oops"
    (note,) = repair(nb, source())
    assert (
        note
        == f"cell {index + 1} had nbgrader settings without a usable grade_id: it runs as an ordinary cell"
    )
    assert "nbgrader" not in nb.cells[index].metadata


def test_a_test_cell_turned_into_an_answer_gets_the_instructors_settings_back():
    nb = solved(MODULE, NAME)
    meta = nb.cells[index_of(nb, "batna-needed-test")].metadata["nbgrader"]
    (instructors,) = [c.metadata for c in source() if c.grade_id == "batna-needed-test"]
    meta.update(solution=True, locked=False, points=50)
    (note,) = repair(nb, source())
    assert "(solution, locked, points): the instructor's settings apply" in note
    assert (meta["solution"], meta["locked"], meta["points"]) == (
        False,
        True,
        instructors["points"],
    )
    assert instructors["points"] != 50


def test_an_untouched_notebook_needs_no_repair():
    nb = solved(MODULE, NAME)
    assert repair(nb, source()) == [] and deleted(nb, source()) == []
    assert nb == solved(MODULE, NAME)


def test_deleted_graded_cells_are_named_in_source_order():
    nb = deleted_cell(
        solved(MODULE, NAME), "reflection", "northwind-zopa-test", "batna-needed-answer"
    )
    assert deleted(nb, source()) == ["northwind-zopa-test", "reflection"]


def under_earlier_name(answer):
    return written_before_rename(answer, "walk-any-time-for-answer")


def test_an_answer_under_its_earlier_name_gets_the_current_name_bound():
    answer = solutions(MODULE, NAME)["walk-any-time-for-answer"]
    nb = solved(MODULE, NAME, walk_any_time_for_answer=under_earlier_name(answer))
    index = index_of(nb, "walk-any-time-for-answer")
    (note,) = repair(nb, source())
    assert f"cell {index + 1} (walk-any-time-for-answer) defines walk_any_time_for" in note
    code = nb.cells[index].source
    assert code.startswith(under_earlier_name(answer).rstrip())
    assert code.endswith("delay_drives_agreement_for = walk_any_time_for  # added at grading\n")
    assert repair(nb, source()) == []  # a notebook graded again is not changed again


def test_an_answer_defining_both_names_or_not_parsing_is_left_as_written():
    answer = solutions(MODULE, NAME)["walk-any-time-for-answer"]
    for written in (
        under_earlier_name(answer) + "\n\n" + answer,  # both names: the test finds its own
        under_earlier_name(answer) + "\n    return (",  # does not run: nothing to bind
    ):
        nb = solved(MODULE, NAME, walk_any_time_for_answer=written)
        assert repair(nb, source()) == []
        assert nb.cells[index_of(nb, "walk-any-time-for-answer")].source == written
