"""Intake (autograder/intake.py) on exports as platforms and learners make them: every file
is taken, with what was done to it, or refused with the path or cell at fault; nothing is
graded here (test_autograder_fixtures.py grades)."""

import json
import shutil
import zipfile

import nbformat
import pytest

from autograder.intake import take_in
from autograder.lms import IDENTITY, read_roster
from tests.conftest import ROOT
from tests.edited import copied_cell, index_of
from tests.notebooks import solved

MODULE, NAME = "02_batna", "batna"


@pytest.fixture
def course(tmp_path):
    """A course folder with module 02's release, as intake needs it."""
    shutil.copytree(ROOT / "release" / MODULE, tmp_path / "release" / MODULE)
    return tmp_path


def export(path, files):
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return path


def notebook(nb=None):
    return nbformat.writes(nb or solved(MODULE, NAME))


def test_a_windows_zip_is_read_with_its_backslashes_as_folders(course):
    zipped = export(
        course / "export.zip",
        {
            "omar\\batna.ipynb": notebook(),
            f"pia\\{MODULE}\\batna.ipynb": notebook(),
            "lina/batna (1).ipynb": notebook(),
            "vera lopez/batna.ipynb": notebook(),
            "a/b/c/batna.ipynb": notebook(),
        },
    )
    taken, refused = take_in(course, MODULE, zipped)
    assert {(s.learner, s.notebook, s.note) for s in taken} == {
        ("omar", NAME, ""),
        ("pia", NAME, ""),
        ("lina", NAME, "renamed from batna (1).ipynb"),
    }
    assert (course / "submitted" / "omar" / MODULE / f"{NAME}.ipynb").is_file()
    reasons = {r.origin: (r.learner, r.reason) for r in refused}
    assert reasons["vera lopez/batna.ipynb"] == (
        "vera lopez",
        "'vera lopez' is not a usable learner id (letters, digits and . _ @ + -)",
    )
    assert reasons["a/b/c/batna.ipynb"][1] == (
        f"unexpected place: a/b/c/batna.ipynb is not <learner>/<notebook>.ipynb "
        f"or <learner>/{MODULE}/<notebook>.ipynb"
    )


def test_a_notebook_nbformat_refuses_is_repaired_where_grading_does_not_look(course):
    raw = json.loads(notebook())
    at = index_of(solved(MODULE, NAME), "startup-tree-answer")
    raw["cells"][at]["outputs"] = [{"output_type": "stream", "name": "stdout"}]
    raw["cells"][at]["collapsed"] = True
    broken = json.loads(notebook())
    broken["cells"][at]["cell_type"] = "picture"
    zipped = export(
        course / "export.zip",
        {"ada/batna.ipynb": json.dumps(raw), "bo/batna.ipynb": json.dumps(broken)},
    )
    (taken,), (refused,) = take_in(course, MODULE, zipped)
    assert taken.note == (
        f"cell {at + 1}: unknown keys removed (collapsed); cell {at + 1}: an output nbformat "
        "cannot read was dropped (grading clears outputs anyway)"
    )
    nbformat.validate(nbformat.read(course / "submitted" / "ada" / MODULE / f"{NAME}.ipynb", 4))
    assert refused.reason == (
        f"not a valid notebook: cell {at + 1} is not a code, markdown or raw cell "
        "(its cell_type is 'picture')"
    )


def test_what_grading_will_repair_is_said_at_intake(course):
    nb = copied_cell(solved(MODULE, NAME), "choose-batna-answer")
    (taken,), _ = take_in(
        course, MODULE, export(course / "e.zip", {"ada/batna.ipynb": notebook(nb)})
    )
    assert "all carried the answer choose-batna-answer (copied or split)" in taken.note


def test_a_refused_resubmission_moves_the_earlier_notebook_aside(course):
    take_in(course, MODULE, export(course / "first.zip", {"ada/batna.ipynb": notebook()}))
    _, (refused,) = take_in(course, MODULE, export(course / "again.zip", {"ada/batna.ipynb": "{"}))
    assert refused.learner == "ada" and refused.reason.startswith("corrupt: not valid JSON")
    # kept, out of nbgrader's sight: no empty folder for nbgrader to grade as missing work
    assert not (course / "submitted" / "ada" / MODULE).exists()
    assert (course / "submitted" / ".leverage-earlier" / "ada" / MODULE / f"{NAME}.ipynb").is_file()
    # a run from submitted/ still lists ada as not taken, with the reason
    taken, (remembered,) = take_in(course, MODULE)
    assert taken == [] and remembered.learner == "ada"
    assert remembered.origin == "ada/ (their last export)"
    assert remembered.reason == refused.reason
    # a later export that ada's notebook is in takes it again, and ada is forgotten there
    take_in(course, MODULE, export(course / "third.zip", {"ada/batna.ipynb": notebook()}))
    assert take_in(course, MODULE)[1] == []


def test_a_submission_time_comes_with_its_notebook_and_goes_with_it(course):
    stamp = course / "submitted" / "ada" / MODULE / "timestamp.txt"
    first = {"ada/batna.ipynb": notebook(), "ada/timestamp.txt": "2026-01-11 13:00:00 UTC"}
    take_in(course, MODULE, export(course / "first.zip", first))
    assert stamp.read_text() == "2026-01-11 13:00:00 UTC"
    take_in(course, MODULE, export(course / "again.zip", {"ada/batna.ipynb": notebook()}))
    assert not stamp.exists()  # the earlier time is not the new notebook's
    _, (refused,) = take_in(
        course,
        MODULE,
        export(course / "bad.zip", {"bo/batna.ipynb": notebook(), "bo/timestamp.txt": "soon"}),
    )
    assert refused.reason == "timestamp.txt does not hold a date and time: 'soon'"


def test_canvas_and_moodle_downloads_are_taken_with_a_roster(course):
    roster_file = course / "roster.csv"
    roster_file.write_text(
        "learner,ID,Identifier\nada,4101,Participant 31\nbo,4102,Participant 32\n",
        encoding="utf-8",
    )
    zipped = export(
        course / "download.zip",
        {
            "lovelaceada_LATE_4101_9001_batna-1.ipynb": notebook(),
            "Bo Okafor_32_assignsubmission_file/batna.ipynb": notebook(),
            "stranger_4999_9003_batna.ipynb": notebook(),
        },
    )
    taken, (refused,) = take_in(course, MODULE, zipped, read_roster(roster_file, "learner"))
    assert {(s.learner, s.note) for s in taken} == {
        ("ada", "renamed from batna-1.ipynb"),
        ("bo", ""),
    }
    identity = json.loads((course / "submitted" / "ada" / MODULE / IDENTITY).read_text())
    assert identity == {"platform": "canvas", "name": "lovelaceada", "user": "4101", "file": "9001"}
    identity = json.loads((course / "submitted" / "bo" / MODULE / IDENTITY).read_text())
    assert identity == {"platform": "moodle", "name": "Bo Okafor", "participant": "32"}
    assert refused.reason == "Canvas user 4999 is not on the roster (its ID column)"
    _, refused = take_in(course, MODULE, zipped)
    assert {r.reason.split(":")[0] for r in refused} == {"a Canvas download", "a Moodle download"}


def test_a_learner_refused_entirely_stays_listed_after_an_export_without_them(course):
    """A later export that does not name the learner (another batch of the class) must not
    drop them from grades.csv: they stay not graded, with their last export's reason, until
    a file of theirs is taken."""
    _, (refused,) = take_in(course, MODULE, export(course / "first.zip", {"bo/batna.ipynb": "{"}))
    taken, rejected = take_in(
        course, MODULE, export(course / "second.zip", {"carl/batna.ipynb": notebook()})
    )
    assert [s.learner for s in taken] == ["carl"]
    assert [(r.origin, r.learner, r.reason) for r in rejected] == [
        ("bo/ (their last export)", "bo", refused.reason)
    ]
    # refused again for another reason: the newer reason is the one kept
    take_in(course, MODULE, export(course / "third.zip", {"bo/batna.ipynb": "not json"}))
    (again,) = take_in(course, MODULE)[1]
    assert again.learner == "bo" and again.reason != refused.reason
    take_in(course, MODULE, export(course / "fourth.zip", {"bo/batna.ipynb": notebook()}))
    assert (
        take_in(course, MODULE, export(course / "fifth.zip", {"dan/batna.ipynb": notebook()}))[1]
        == []
    )
