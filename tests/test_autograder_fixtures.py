"""Notebooks named after what a learner (or their learning platform) did to them, built
from module 02 as it is now, each with the exact score or reason it deserves: graded by
plain `nbgrader autograde` with the course's config where nbgrader itself sees the
notebook, and by `leverage grade` from platform exports, including a second export in which
three learners resubmit. Scores are out of module 02's autograded points as the module is
now (FULL), less what each learner's edit costs."""

import json
import re
import zipfile

import nbformat
import pandas as pd
import pytest
from nbgrader.api import Gradebook, MissingEntry

from tests.edited import copied_cell, deleted_cell, index_of, split_cell, written_before_rename
from tests.grading import auto_total, autograde, leverage, scores
from tests.notebooks import auto_points, release_notebook, solutions, solved

# one worker grades this file's learners once: its graded fixture is module- or
# class-scoped, and split over two xdist workers it was graded twice
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("test_autograder_fixtures")]

MODULE, NAME = "02_batna", "batna"
POINTS = auto_points(MODULE, NAME)
QUESTIONS = list(POINTS)
FULL = sum(POINTS.values())
WRONG = "def batna_needed(target, pie, their_batna):\n    return 0\n"
#: The due date the course's config gives module 02 in these tests, and one extension.
DEADLINES = """
c.Deadlines.due = {"02_batna": "2026-01-10 12:00:00+00:00"}
c.Deadlines.extensions = {"02_batna": {"late-with-extension": 48}}
"""
LATE = "2026-01-11 13:00:00.000000 UTC"  # 25 hours after the due date


def stub(grade_id):
    """The answer cell as the learner was given it."""
    return release_notebook(MODULE, NAME).cells[index_of(solved(MODULE, NAME), grade_id)].source


def with_helper_above():
    """Question 1 answered with a constant above the function, the cell then split between
    the two: both halves run on their own."""
    answer = "FUNDED = 'funded'\n\n" + solutions(MODULE, NAME)["startup-tree-answer"]
    return split_cell(solved(MODULE, NAME, startup_tree_answer=answer), "startup-tree-answer", 2)


def with_unknown_grade_id():
    nb = solved(MODULE, NAME)
    cell = nbformat.v4.new_code_cell("bonus = 1")
    cell.metadata["nbgrader"] = {
        "grade": True,
        "solution": False,
        "locked": True,
        "points": 100,
        "grade_id": "my-own-test",
        "schema_version": 3,
    }
    nb.cells.insert(index_of(nb, "choose-batna-test") + 1, cell)
    return nb


def answer_under_earlier_name():
    """Question 8b's answer written before its function was renamed: the test cell of the
    current release calls the new name."""
    answer = solutions(MODULE, NAME)["walk-any-time-for-answer"]
    return written_before_rename(answer, "walk-any-time-for-answer")


def kernel_killer():
    """A notebook whose every code answer ends its kernel: grading gives up on it. (The
    written answers are markdown: code appended there would be text, not a kill.)"""
    nb = solved(MODULE, NAME)
    for grade_id in solutions(MODULE, NAME):
        cell = nb.cells[index_of(nb, grade_id)]
        if cell.cell_type == "code":
            cell.source += "\nimport os\nos._exit(1)\n"
    return nb


def edited():
    """{learner: (notebook, auto points, words intake.csv and the notebook's metadata say)}
    for notebooks edited in JupyterLab, each graded as nbgrader would grade it after repair."""
    return {
        "copied-answer-cell": (
            copied_cell(
                solved(MODULE, NAME), "choose-batna-answer", first=stub("choose-batna-answer")
            ),
            FULL,
            "all carried the answer choose-batna-answer (copied or split): all run in order",
        ),
        "split-answer-cell": (
            with_helper_above(),
            FULL,
            "all carried the answer startup-tree-answer (copied or split): all run in order",
        ),
        "split-inside-a-statement": (
            split_cell(solved(MODULE, NAME), "startup-tree-answer", 3),
            FULL,
            "halves of the answer startup-tree-answer, split inside a statement: joined back",
        ),
        "copied-test-cell": (
            copied_cell(solved(MODULE, NAME), "choose-batna-test"),
            FULL,
            "were copies of the read-only cell choose-batna-test",
        ),
        "deleted-test-cell": (
            deleted_cell(solved(MODULE, NAME), "northwind-zopa-test"),
            FULL,
            "the graded cell northwind-zopa-test had been deleted",
        ),
        # nbgrader's own add_missing_cells raises KeyError here (the answer before is gone)
        "deleted-answer-and-test": (
            deleted_cell(solved(MODULE, NAME), "batna-needed-answer", "batna-needed-test"),
            FULL - POINTS["batna-needed-test"],
            "the graded cell batna-needed-test had been deleted",
        ),
        # ... and here (the cell before the reflection is read-only)
        "deleted-reflection": (
            deleted_cell(solved(MODULE, NAME), "reflection"),
            FULL,
            "the graded cell reflection had been deleted",
        ),
        "retyped-grade-id": (
            with_unknown_grade_id(),
            FULL,
            "grade_id 'my-own-test', which this assignment does not have",
        ),
        # saved from a release before question 8b's function was renamed (RENAMED_ANSWERS)
        "answer-under-earlier-name": (
            solved(MODULE, NAME, walk_any_time_for_answer=answer_under_earlier_name()),
            FULL,
            "defines walk_any_time_for, this question's function under an earlier release's name",
        ),
    }


def test_plain_nbgrader_grades_each_edited_notebook_after_repair(own_course, tmp_path):
    """With the course's config, `nbgrader autograde` itself repairs and grades them (it
    refused two cells with one grade_id, and raised KeyError restoring some deleted cells)."""
    root = own_course(MODULE)
    notebooks = edited()
    autograde(root, MODULE, NAME, {k: nb for k, (nb, _, _) in notebooks.items()}, tmp_path)
    for learner, (_, points, words) in notebooks.items():
        got = scores(root, MODULE, NAME, learner)
        assert auto_total(got) == points, learner
        graded = nbformat.read(root / "autograded" / learner / MODULE / f"{NAME}.ipynb", 4)
        assert any(words in note for note in graded.metadata["leverage"]["repaired"]), learner


def invalid_output():
    """Saved by an editor that wrote a stream output without its text: nbformat refuses it,
    and so would nbgrader, but grading clears outputs anyway."""
    raw = json.loads(nbformat.writes(solved(MODULE, NAME)))
    raw["cells"][index_of(solved(MODULE, NAME), "ev-example")]["outputs"] = [
        {"output_type": "stream", "name": "stdout"}
    ]
    return json.dumps(raw)


def first_export(path):
    """A platform's export, zipped on Windows for three of its learners."""
    with zipfile.ZipFile(path, "w") as archive:
        for learner, (nb, _, _) in edited().items():
            archive.writestr(f"{learner}/{NAME}.ipynb", nbformat.writes(nb))
        for learner in ("resubmitted-worse", "resubmitted-broken", "resubmitted-unreadable"):
            archive.writestr(f"{learner}/{NAME}.ipynb", nbformat.writes(solved(MODULE, NAME)))
        archive.writestr("invalid-output/batna.ipynb", invalid_output())
        archive.writestr("windows-zip\\batna.ipynb", nbformat.writes(solved(MODULE, NAME)))
        archive.writestr(
            f"windows-zip-assignment\\{MODULE}\\batna.ipynb", nbformat.writes(solved(MODULE, NAME))
        )
        archive.writestr(
            "renamed-by-browser/batna (1).ipynb", nbformat.writes(solved(MODULE, NAME))
        )
        archive.writestr("vera lopez/batna.ipynb", nbformat.writes(solved(MODULE, NAME)))
        for learner in ("late-a-day", "late-with-extension"):
            archive.writestr(f"{learner}/{NAME}.ipynb", nbformat.writes(solved(MODULE, NAME)))
            archive.writestr(f"{learner}/timestamp.txt", LATE)


def second_export(path):
    """Three learners resubmit: worse (a wrong answer whose test cell they deleted), a
    notebook that breaks grading, and a file that is not a notebook at all."""
    with zipfile.ZipFile(path, "w") as archive:
        worse = deleted_cell(solved(MODULE, NAME, batna_needed_answer=WRONG), "batna-needed-test")
        archive.writestr(f"resubmitted-worse/{NAME}.ipynb", nbformat.writes(worse))
        archive.writestr(f"resubmitted-broken/{NAME}.ipynb", nbformat.writes(kernel_killer()))
        archive.writestr(f"resubmitted-unreadable/{NAME}.ipynb", '{"cells": [')


@pytest.fixture(scope="module")
def runs(own_course, tmp_path_factory):
    root = own_course(MODULE)
    with (root / "nbgrader_config.py").open("a") as config:
        config.write(DEADLINES)
    exports = tmp_path_factory.mktemp("exports")
    first_export(exports / "first.zip")
    second_export(exports / "second.zip")
    out = root / "grading-out"
    first = leverage(root, "grade", MODULE, "--from", str(exports / "first.zip"), "--out", str(out))
    assert first.returncode == 0, first.stderr[-3000:]
    before = pd.read_csv(out / "grades.csv", dtype=str).set_index("learner")
    first_intake = pd.read_csv(out / "intake.csv", dtype=str).set_index("origin")
    second = leverage(
        root, "grade", MODULE, "--from", str(exports / "second.zip"), "--out", str(out)
    )
    assert second.returncode == 0, second.stderr[-3000:]
    return {
        "root": root,
        "out": out,
        "first": first,
        "second": second,
        "before": before,
        "first_intake": first_intake,
        "grades": pd.read_csv(out / "grades.csv", dtype=str).set_index("learner"),
        "intake": pd.read_csv(out / "intake.csv", dtype=str),
    }


def auto(row):
    return sum(float(row[q]) for q in QUESTIONS)


def test_each_edited_notebook_gets_its_score_and_says_what_was_repaired(runs):
    for learner, (_, points, words) in edited().items():
        assert auto(runs["before"].loc[learner]) == points, learner
        origin = f"{learner}/{NAME}.ipynb"
        assert words in runs["first_intake"].reason[origin], learner
        assert runs["first_intake"].taken[origin] == "True"
        assert f"taken with changes: {origin}: " in runs["first"].stdout


def test_a_deleted_reflection_is_put_back_and_awaits_grading_not_zero(runs):
    row = runs["before"].loc["deleted-reflection"]
    # question 6b, also written, waits beside it (review 72 X3)
    assert row.reflection == "awaiting grading"
    assert row.status == "awaiting grading: take-or-counter, reflection"


def test_a_windows_zip_and_a_renamed_upload_are_graded_and_a_bad_id_is_refused(runs):
    grades = runs["before"]
    for learner in (
        "windows-zip",
        "windows-zip-assignment",
        "renamed-by-browser",
        "invalid-output",
    ):
        assert auto(grades.loc[learner]) == FULL, learner
    out = runs["first"].stdout
    assert (
        "taken with changes: renamed-by-browser/batna (1).ipynb: renamed from batna (1).ipynb"
        in out
    )
    assert (
        "invalid-output/batna.ipynb: cell " in out
        and "an output nbformat cannot read was dropped" in out
    )
    assert (
        "not taken: vera lopez/batna.ipynb: 'vera lopez' is not a usable learner id "
        "(letters, digits and . _ @ + -)" in out
    )
    assert "vera lopez" not in grades.index


def test_late_work_loses_a_tenth_per_started_day_unless_extended(runs):
    late, extended = runs["before"].loc["late-a-day"], runs["before"].loc["late-with-extension"]
    assert (late.submitted, late.due, late.late_hours) == (
        "2026-01-11 13:00:00 UTC",
        "2026-01-10 12:00:00 UTC",
        "25.0",
    )
    # two started days after the grace period: a fifth of the points
    assert float(late.score) == FULL
    assert float(late.late_penalty) == pytest.approx(FULL / 5)
    assert float(late.total) == pytest.approx(FULL * 4 / 5)
    assert (extended.due, extended.late_hours, float(extended.total)) == (
        "2026-01-12 12:00:00 UTC",
        "0.0",
        FULL,
    )
    report = (runs["out"] / "report.html").read_text()
    assert "late (hours)" in report and "late penalty" in report


def test_a_worse_resubmission_keeps_nothing_of_the_first(runs):
    assert auto(runs["before"].loc["resubmitted-worse"]) == FULL
    row = runs["grades"].loc["resubmitted-worse"]
    assert float(row["batna-needed-test"]) == 0  # its test was put back, and fails
    assert auto(row) == FULL - POINTS["batna-needed-test"]


@pytest.mark.parametrize("learner", ["resubmitted-broken", "resubmitted-unreadable"])
def test_a_resubmission_that_cannot_be_graded_shows_no_grade_and_says_why(runs, learner):
    assert auto(runs["before"].loc[learner]) == FULL
    row = runs["grades"].loc[learner]
    assert row.status.startswith("not graded: ")
    assert row[[*QUESTIONS, "score", "total"]].isna().all()
    assert f"not graded: {learner}: " in runs["second"].stdout
    with (
        Gradebook(f"sqlite:///{runs['root'] / 'gradebook.db'}") as gradebook,
        pytest.raises(MissingEntry),
    ):
        gradebook.find_submission(MODULE, learner)
    assert not (runs["out"] / "feedback" / learner).exists()
    assert learner in (runs["out"] / "report.html").read_text()


def test_intake_csv_says_which_file_was_not_graded_and_why(runs):
    reasons = runs["intake"].set_index("origin").reason
    assert (
        reasons[f"resubmitted-broken/{NAME}.ipynb"] == runs["grades"].status["resubmitted-broken"]
    )
    assert reasons[f"resubmitted-unreadable/{NAME}.ipynb"].startswith("corrupt: not valid JSON")


def test_the_reasons_are_in_words(runs):
    grades = runs["grades"]
    assert "kernel" in grades.status["resubmitted-broken"].lower()
    assert grades.status["resubmitted-unreadable"].startswith(
        "not graded: nothing could be taken: corrupt: not valid JSON"
    )


def test_the_console_shows_a_progress_bar_and_one_line_per_problem(runs):
    for run in (runs["first"], runs["second"]):
        assert "grading:" in run.stderr  # the progress bar
        for noise in ("SAWarning", "ipython kernel", "Traceback", "To connect another client"):
            assert noise not in run.stdout + run.stderr, noise
        problems = [line for line in run.stdout.splitlines() if not line.startswith("grades: ")]
        assert all(
            line.split(":", 1)[0] in {"not taken", "taken with changes", "not graded", "warning"}
            for line in problems
        ), problems
    # the secret that draws the hidden cases is made by the first run, and said so once
    made = "warning: a new secret for the hidden cases was made"
    assert made in runs["first"].stdout and made not in runs["second"].stdout


def test_a_feedback_page_names_its_questions_and_needs_nothing_from_the_internet(runs):
    page = (runs["out"] / "feedback" / "resubmitted-worse" / f"{NAME}.html").read_text()
    assert '<html lang="en">' in page
    assert re.search(r'<nav [^>]*aria-label="Questions"', page)
    assert re.search(r'<a href="#batna-needed-test">Question \d+ [^<]+</a>', page)
    assert "awaiting grading" in page and "Test cell" not in page
    assert "NotYet" not in page
    assert "mathjax" not in page.lower() and "<math" in page  # rendered when the page was made
    assert "data:image/png;base64," in page  # the notebook's figures
    assert not [src for src in re.findall(r'src="([^"]+)"', page) if not src.startswith("data:")]


def test_the_report_lists_every_learner_lowest_total_first_with_their_feedback(runs):
    report = (runs["out"] / "report.html").read_text()
    assert "<html lang='en'>" in report
    table = report[report.index("<table class='sortable'>") : report.index("</table>")]
    learners = re.findall(r"<tr><td data-sort='([^']*)'", table)
    assert sorted(learners) == sorted(runs["grades"].index)
    # the learners not graded first, then the lowest totals
    assert set(learners[:2]) == {"resubmitted-broken", "resubmitted-unreadable"}
    totals = [float(runs["grades"].total[learner]) for learner in learners[2:]]
    assert totals == sorted(totals) and totals[0] < FULL
    assert f'<a href="feedback/resubmitted-worse/{NAME}.html">' in table
    assert "feedback/resubmitted-broken/" not in table
    assert "not graded: nothing could be taken: corrupt: not valid JSON" in table
