"""The learner's working copy (course/workspace.py): no course command ever overwrites a
learner's work."""

import json
import subprocess

import nbformat
import pytest

from course.workspace import Change, sync
from tests.conftest import ROOT


def notebook(*sources, outputs=()):
    """A notebook of code cells with these sources (and, on the first, these outputs)."""
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(source) for source in sources]
    if outputs:
        nb.cells[0].outputs = [nbformat.v4.new_output("stream", text=text) for text in outputs]
        nb.cells[0].execution_count = 1
    return nbformat.writes(nb)


@pytest.fixture
def course(tmp_path):
    release = tmp_path / "release"
    (release / "02_batna").mkdir(parents=True)
    (release / "02_batna" / "batna.ipynb").write_text(notebook("answer = ...", "check(answer)"))
    (release / "02_batna" / "data.csv").write_text("a,b\n1,2\n")
    return release, tmp_path / "my-work"


def test_a_new_working_copy_holds_every_course_file(course):
    release, work = course
    changes = sync(release, work)
    assert [(c.kind, c.path) for c in changes] == [
        ("new", "02_batna/batna.ipynb"),
        ("new", "02_batna/data.csv"),
    ]
    assert (work / "02_batna" / "batna.ipynb").read_bytes() == (
        release / "02_batna" / "batna.ipynb"
    ).read_bytes()
    assert sync(release, work) == []  # nothing to do the second time


def test_an_edited_notebook_is_never_changed(course):
    release, work = course
    sync(release, work)
    mine = work / "02_batna" / "batna.ipynb"
    mine.write_text(notebook("answer = 42", "check(answer)"))
    assert sync(release, work) == []
    assert "answer = 42" in mine.read_text()


def test_a_course_update_to_an_edited_notebook_keeps_both_and_says_so(course):
    release, work = course
    sync(release, work)
    mine = work / "02_batna" / "batna.ipynb"
    mine.write_text(notebook("answer = 42", "check(answer)"))
    (release / "02_batna" / "batna.ipynb").write_text(notebook("answer = ...", "check(answer, 2)"))

    changes = sync(release, work)

    assert changes == [Change("kept", "02_batna/batna.ipynb", "02_batna/batna.updated.ipynb")]
    assert "you edited it" in str(changes[0]) and "batna.updated.ipynb" in str(changes[0])
    assert "answer = 42" in mine.read_text()
    assert "check(answer, 2)" in (work / "02_batna" / "batna.updated.ipynb").read_text()
    assert sync(release, work) == []  # said once; both stay


def test_a_course_update_to_an_untouched_notebook_follows_the_course(course):
    release, work = course
    sync(release, work)
    (release / "02_batna" / "batna.ipynb").write_text(notebook("answer = ...", "check(answer, 2)"))
    assert sync(release, work) == [Change("updated", "02_batna/batna.ipynb")]
    assert "check(answer, 2)" in (work / "02_batna" / "batna.ipynb").read_text()


def test_running_a_notebook_without_editing_it_is_not_an_edit(course):
    """Outputs and execution counts are not the learner's writing: the course may update it."""
    release, work = course
    sync(release, work)
    mine = work / "02_batna" / "batna.ipynb"
    mine.write_text(notebook("answer = ...", "check(answer)", outputs=["Not yet: ..."]))
    (release / "02_batna" / "batna.ipynb").write_text(notebook("answer = ...", "check(answer, 2)"))
    assert sync(release, work) == [Change("updated", "02_batna/batna.ipynb")]


def test_a_deleted_notebook_comes_back_and_a_new_one_appears(course):
    release, work = course
    sync(release, work)
    (work / "02_batna" / "batna.ipynb").unlink()
    (release / "03_power").mkdir()
    (release / "03_power" / "power.ipynb").write_text(notebook("x = 1"))
    assert sync(release, work) == [
        Change("restored", "02_batna/batna.ipynb"),
        Change("new", "03_power/power.ipynb"),
    ]


def test_work_found_where_the_working_copy_has_no_record_is_kept(course):
    """A learner who worked before the working copy kept its records (or copied a notebook in
    by hand) keeps that work."""
    release, work = course
    (work / "02_batna").mkdir(parents=True)
    (work / "02_batna" / "batna.ipynb").write_text(notebook("answer = 7", "check(answer)"))
    changes = sync(release, work)
    assert changes[0] == Change("kept", "02_batna/batna.ipynb", "02_batna/batna.updated.ipynb")
    assert "answer = 7" in (work / "02_batna" / "batna.ipynb").read_text()


def test_a_corrupt_notebook_in_the_working_copy_is_kept(course):
    release, work = course
    sync(release, work)
    (work / "02_batna" / "batna.ipynb").write_text("{ half a notebook")
    (release / "02_batna" / "batna.ipynb").write_text(notebook("answer = ...", "check(answer, 2)"))
    assert sync(release, work)[0].kind == "kept"
    assert (work / "02_batna" / "batna.ipynb").read_text() == "{ half a notebook"


def test_a_missing_course_folder_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="does not exist"):
        sync(tmp_path / "nowhere", tmp_path / "my-work")


def make(*targets, **variables):
    command = ["make", "-C", str(ROOT), *targets, *(f"{k}={v}" for k, v in variables.items())]
    result = subprocess.run(command, capture_output=True, text=True, timeout=1200)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-2000:]
    return result.stdout


@pytest.mark.slow
def test_both_quick_start_set_ups_leave_an_edited_notebook_alone(tmp_path):
    """Issue 19: `make run` used to rebuild release/, where learners worked, and erase their
    answers. Edit a notebook of the working copy, run the set-up of both quick-start
    commands again (make run's: setup and workspace; make test's: setup-test), and the edit
    is still there."""
    work = tmp_path / "my-work"
    make("setup", "workspace", WORK=work)
    mine = work / "02_batna" / "batna.ipynb"
    nb = json.loads(mine.read_text())
    answer = next(
        c
        for c in nb["cells"]
        if "startup_tree" in "".join(c["source"]) and c["cell_type"] == "code"
    )
    answer["source"] = "def startup_tree(offers):\n    return [(1.0, 123_456)]  # ada's answer\n"
    mine.write_text(json.dumps(nb))

    make("setup", "workspace", WORK=work)
    make("setup-test")

    assert "ada's answer" in mine.read_text()
