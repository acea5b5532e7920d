"""Grades and feedback back to Canvas and Moodle (autograder/lms.py), checked against the
layouts their documentation gives, and their submission downloads read back in."""

import csv
import io
import zipfile

import pandas as pd
import pytest

from autograder.lms import (
    CANVAS_IDENTITY,
    canvas_table,
    feedback_name,
    moodle_table,
    platform_layout,
    read_roster,
    write,
)

MAXIMA = {"q1-test": 1.0, "q2-test": 2.0, "reflection": 2.0}


def grades():
    """A grades.csv as autograder.export writes it: one learner graded, one awaiting the
    reflection's grade, one not graded."""
    return pd.DataFrame(
        [
            {
                "learner": "ada",
                "status": "graded",
                "q1-test": 1.0,
                "q2-test": 2.0,
                "reflection": 1.5,
                "score": 4.5,
                "late_penalty": 0.0,
                "total": 4.5,
                "max_score": 5.0,
            },
            {
                "learner": "bo",
                "status": "awaiting grading: reflection",
                "q1-test": 0.0,
                "q2-test": 2.0,
                "reflection": "awaiting grading",
                "score": 2.0,
                "late_penalty": 0.0,
                "total": 2.0,
                "max_score": 5.0,
            },
            {"learner": "cy", "status": "not graded: the kernel stopped"},
        ],
        columns=["learner", "status", *MAXIMA, "score", "late_penalty", "total", "max_score"],
    )


def rows(text):
    return list(csv.reader(io.StringIO(text)))


def test_canvas_grade_file_has_the_columns_canvas_documents():
    """Canvas's gradebook import takes the columns of its own gradebook export: Student,
    ID, SIS User ID, SIS Login ID and Section, then one column per assignment, a new
    heading making a new assignment, under which Canvas's export puts a "Points Possible"
    row: https://community.canvaslms.com/t5/Instructor-Guide/How-do-I-import-grades-in-the-Gradebook/ta-p/807
    (summarised at https://teaching.resources.osu.edu/toolsets/carmencanvas/guides/calculating-final-grades/import-csv-file-carmen-grades).
    Canvas's own totals are read-only, so the assignment's total is a column of its own;
    an empty cell leaves Canvas's grade as it is."""
    table, skipped = canvas_table(grades(), "02_batna", MAXIMA)
    head, possible, *body = rows(table)
    assert head == [
        *CANVAS_IDENTITY,
        "02_batna q1-test",
        "02_batna q2-test",
        "02_batna reflection",
        "02_batna",
    ]
    assert possible == ["Points Possible", "", "", "", "", "1", "2", "2", "5"]
    assert body == [
        ["ada", "", "", "ada", "", "1", "2", "1.5", "4.5"],
        ["bo", "", "", "bo", "", "0", "2", "", ""],  # awaiting grading: no total yet
        ["cy", "", "", "cy", "", "", "", "", ""],  # not graded: nothing changes
    ]
    assert skipped == []


def test_canvas_identity_comes_from_the_roster(tmp_path):
    """With Canvas's gradebook export as the roster, each row carries the learner's Canvas
    identity, found by the column that holds the course ids."""
    roster_file = tmp_path / "canvas-export.csv"
    roster_file.write_text(
        "Student,ID,SIS User ID,SIS Login ID,Section\n"
        "Points Possible,,,,\n"
        '"Lovelace, Ada",4101,s-1,ada,Section A\n'
        '"Okafor, Bo",4102,s-2,bo,Section A\n',
        encoding="utf-8-sig",
    )
    table, skipped = canvas_table(
        grades(), "02_batna", MAXIMA, read_roster(roster_file, "SIS Login ID")
    )
    assert rows(table)[2][:5] == ["Lovelace, Ada", "4101", "s-1", "ada", "Section A"]
    assert skipped == [("cy", "not on the roster (its 'SIS Login ID' column)")]


def test_moodle_grade_file_maps_from_an_identity_column_to_one_item_per_question():
    """Moodle's CSV grade import reads a header row, one row per user, a column to "map
    from" onto a user field (username, email address or ID number) and one column per grade
    item, new items allowed: https://docs.moodle.org/311/en/Grade_import . Its course total
    is calculated, so the assignment's total is a grade item of its own."""
    table, _ = moodle_table(grades(), "02_batna", MAXIMA)
    assert rows(table) == [
        ["Username", "02_batna q1-test", "02_batna q2-test", "02_batna reflection", "02_batna"],
        ["ada", "1", "2", "1.5", "4.5"],
        ["bo", "0", "2", "", ""],
        ["cy", "", "", "", ""],
    ]


def test_moodle_rows_carry_the_roster_key_and_names(tmp_path):
    roster_file = tmp_path / "worksheet.csv"
    roster_file.write_text(
        "Identifier,Full name,Email address,Status\n"
        "Participant 31,Ada Lovelace,ada@example.org,Submitted\n",
        encoding="utf-8",
    )
    roster = read_roster(roster_file, "Email address")
    frame = grades()
    frame.loc[0, "learner"] = "ada@example.org"
    table, skipped = moodle_table(frame, "02_batna", MAXIMA, roster)
    assert rows(table)[:2] == [
        [
            "Email address",
            "Full name",
            "02_batna q1-test",
            "02_batna q2-test",
            "02_batna reflection",
            "02_batna",
        ],
        ["ada@example.org", "Ada Lovelace", "1", "2", "1.5", "4.5"],
    ]
    assert [learner for learner, _ in skipped] == ["bo", "cy"]


def test_a_roster_without_the_key_column_is_refused_with_its_columns_named(tmp_path):
    roster_file = tmp_path / "roster.csv"
    roster_file.write_text("Student,ID\nAda,1\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"no column 'learner' \(its columns: ID, Student\)"):
        read_roster(roster_file, "learner")


def test_canvas_and_moodle_downloads_are_read_with_a_roster(tmp_path):
    """Canvas names a downloaded file <name>_[LATE_]<user id>_<file id>_<file> (see
    instructure/canvas-lms#2406); Moodle puts each participant's files in
    <Full name>_<participant id>_assignsubmission_file[_]/ (mod/assign/feedback/file/importziplib.php)."""
    roster_file = tmp_path / "roster.csv"
    roster_file.write_text("learner,ID,Identifier\nada,4101,Participant 31\n", encoding="utf-8")
    roster = read_roster(roster_file, "learner")
    assert platform_layout("lovelaceada_LATE_4101_9001_batna-1.ipynb", roster) == (
        "ada",
        "batna-1.ipynb",
        {"platform": "canvas", "name": "lovelaceada", "user": "4101", "file": "9001"},
        None,
    )
    assert platform_layout("Ada Lovelace_31_assignsubmission_file/batna.ipynb", roster) == (
        "ada",
        "batna.ipynb",
        {"platform": "moodle", "name": "Ada Lovelace", "participant": "31"},
        None,
    )
    assert platform_layout("Ada Lovelace_31_assignsubmission_file_batna.ipynb", roster)[0] == "ada"
    assert platform_layout("ada/batna.ipynb", roster) is None
    assert platform_layout("someone_4999_1_batna.ipynb", roster)[3] == (
        "Canvas user 4999 is not on the roster (its ID column)"
    )
    assert platform_layout("someone_4999_1_batna.ipynb", None)[3].startswith(
        "a Canvas download: give --roster"
    )


def test_feedback_pages_are_named_as_the_platforms_bulk_upload_expects():
    """Canvas's "Re-upload submissions" finds the learner and their submitted file from the
    first two all-digit parts of the name (Assignment#infer_comment_context_from_filename);
    Moodle's feedback zip import finds the participant from <name>_<id>_<plugin type>_<plugin>
    folders (assignfeedback_file_zip_importer::is_valid_filename_for_import)."""
    canvas = {"platform": "canvas", "name": "lovelaceada", "user": "4101", "file": "9001"}
    moodle = {"platform": "moodle", "name": "Ada Lovelace", "participant": "31"}
    name = feedback_name(canvas, "batna-feedback.html")
    assert name == "lovelaceada_4101_9001_batna-feedback.html"
    assert [part for part in name.split("_") if part.isdigit()][:2] == ["4101", "9001"]
    name = feedback_name(moodle, "batna-feedback.html")
    assert name == "Ada Lovelace_31_assignsubmission_file/batna-feedback.html"
    assert name.split("/")[0].split("_", 4)[1:4] == ["31", "assignsubmission", "file"]


def test_write_zips_the_pages_of_learners_with_a_platform_identity(tmp_path):
    for learner in ("ada", "bo"):
        (tmp_path / "feedback" / learner).mkdir(parents=True)
        (tmp_path / "feedback" / learner / "batna.html").write_text(f"<p>{learner}</p>")
    identities = {
        "ada": {"platform": "canvas", "name": "lovelaceada", "user": "4101", "file": "9001"}
    }
    said = write("canvas", grades(), MAXIMA, tmp_path, "02_batna", ["batna"], None, identities)
    with zipfile.ZipFile(tmp_path / "canvas-feedback.zip") as archive:
        assert archive.namelist() == ["lovelaceada_4101_9001_batna-feedback.html"]
        assert archive.read(archive.namelist()[0]) == b"<p>ada</p>"
    assert said == [
        "canvas: bo's feedback is not in the zip: their notebook did not come from a Canvas "
        "submission download"
    ]
    assert (tmp_path / "canvas-grades.csv").read_text().startswith("Student,ID,")
