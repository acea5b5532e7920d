"""`leverage grade` end to end, in a temporary course, on an export named after what each
learner did. Expected scores are out of module 02's autograded points as the module is
now (FULL), less what each learner's mistake costs; the sandbox is on, as an instructor
runs it."""

import hashlib
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import zipfile

import nbformat
import pandas as pd
import pytest

from tests.grading import leverage
from tests.notebooks import auto_points, graded_points, release_notebook, solutions, solved

# one worker grades this file's learners once: its graded fixture is module- or
# class-scoped, and split over two xdist workers it was graded twice
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("test_autograder")]

MODULE, NAME = "02_batna", "batna"
POINTS = auto_points(MODULE, NAME)
QUESTIONS = list(graded_points(MODULE, NAME))
FULL = sum(POINTS.values())
#: What question 8's first cell (batna_needed: a half-point part and two quarter-point parts)
#: is worth.
Q5 = POINTS["batna-needed-test"]


#: The export's folders whose only file cannot be taken (export_zip).
UNREADABLE = ["corrupt-json", "not-a-notebook", "plain-text"]


def _after(grade_id):
    """The test cells after the cell ``grade_id``."""
    names = list(POINTS)
    return names[names.index(grade_id) + 1 :]


def after(grade_id):
    """The points of the test cells after the cell ``grade_id``."""
    return sum(POINTS[name] for name in _after(grade_id))


#: The right batna_needed (question 7), as the module's source has it now: a fixture of
#: its own fell behind when the question changed, and the warning-only learner lost marks.
RIGHT = solutions(MODULE, NAME)["batna-needed-answer"] + "\n"


def answer(body):
    """The release notebook solved, but batna_needed (question 7) replaced."""
    return solved(
        MODULE,
        NAME,
        batna_needed_answer="def batna_needed(target, pie, their_batna, delay_drives_agreement=False):\n"
        + body,
    )


def with_cell(code, after="reservation-salary-test"):
    """The solved notebook with one extra cell of the learner's after a test cell."""
    nb = solved(MODULE, NAME)
    index = next(
        i for i, c in enumerate(nb.cells) if c.metadata.get("nbgrader", {}).get("grade_id") == after
    )
    nb.cells.insert(index + 1, nbformat.v4.new_code_cell(code))
    return nb


def edited_test_cell():
    nb = answer("    return 0\n")
    for cell in nb.cells:
        if cell.metadata.get("nbgrader", {}).get("grade_id") == "batna-needed-test":
            cell.source = "print('all good')"
    return nb


def deleted_test_cell():
    nb = answer("    return 0\n")
    nb.cells = [
        c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") != "batna-needed-test"
    ]
    return nb


def learners(root, port):
    """Each learner's notebook and the auto score it deserves."""
    secret = root / "source" / MODULE / f"{NAME}.py"
    return {
        "unchanged": (release_notebook(MODULE, NAME), 0),
        "correct": (solved(MODULE, NAME), FULL),
        "partly-wrong": (answer("    return target - (pie - their_batna) / 2\n"), FULL - Q5),
        # right within reach, never None, Nash only: the half-point part of three
        "half-right": (
            answer("    return max(0, 2 * target - pie + their_batna)\n"),
            FULL - Q5 / 2,
        ),
        "warning-only": (
            answer(
                "    import warnings\n    warnings.warn('old API', FutureWarning)\n"
                + RIGHT.split("\n", 1)[1]
            ),
            FULL,
        ),
        "always-equal": (
            answer(
                "    class Same(float):\n        def __eq__(self, other):\n            return True\n    return Same(0) if False else type('X', (), {'__eq__': lambda s, o: True})()\n"
            ),
            FULL - Q5,
        ),
        "infinite-loop": (answer("    while True:\n        pass\n"), FULL - Q5),
        # the answer cell runs out of time after defining a right function
        "loops-outside-its-function": (
            solved(
                MODULE,
                NAME,
                batna_needed_answer=solutions(MODULE, NAME)["batna-needed-answer"]
                + "\nwhile True:\n    pass\n",
            ),
            FULL,
        ),
        "memory-bomb": (answer("    hoard = bytearray(50 * 1024**3)\n    return 0\n"), FULL - Q5),
        # children sleep rather than spin: the point is the process limit, not the CPU
        "fork-bomb": (
            answer(
                "    import os, time\n    while True:\n        if os.fork() == 0:\n            time.sleep(600)\n"
            ),
            FULL - Q5,
        ),
        "reads-source": (
            with_cell(
                f"for path in [{str(secret)!r}, {str(root / 'gradebook.db')!r}, '/root/.bashrc', {str(root / 'submitted' / 'correct' / MODULE / 'batna.ipynb')!r}]:\n    try:\n        print(open(path).read()[:200])\n    except OSError as error:\n        print('blocked', path, type(error).__name__)"
            ),
            FULL,
        ),
        "writes-gradebook": (
            with_cell(
                f"import sqlite3\ntry:\n    sqlite3.connect({str(root / 'gradebook.db')!r}).execute('update grade set auto_score = 99')\nexcept Exception as error:\n    print('blocked', error)\ntry:\n    open({str(root / 'release' / MODULE / 'batna.ipynb')!r}, 'w').write('{{}}')\nexcept OSError as error:\n    print('blocked', error)"
            ),
            FULL,
        ),
        "network": (
            with_cell(
                f"import socket\ntry:\n    socket.create_connection(('127.0.0.1', {port}), timeout=3).sendall(b'leak')\nexcept OSError as error:\n    print('blocked', error)"
            ),
            FULL,
        ),
        "kills-kernel": (with_cell("import os\nos._exit(1)"), FULL),
        "exits": (with_cell("import sys\nsys.exit('bye')"), FULL),
        "floods-output": (with_cell("for i in range(200000):\n    print('spam', i)"), FULL),
        "fills-disk": (
            with_cell(
                "try:\n    for i in range(1000):\n        open(f'junk{i}', 'wb').write(b'0' * 60 * 1024**2)\nexcept OSError as error:\n    print('stopped', error)"
            ),
            FULL,
        ),
        "patches-builtin": (
            with_cell(
                "import builtins\nbuiltins.isinstance = lambda *a: True\nbuiltins.print = lambda *a, **k: None"
            ),
            FULL,
        ),
        "edits-test-cell": (edited_test_cell(), FULL - Q5),
        # shows 99 points from a 2-point test cell by replacing the check
        "forges-credit": (
            answer("    return None\ncheck.batna_needed = lambda *args, **kwargs: 99\n"),
            FULL - Q5,
        ),
        # a check that always passes: the grader replays the real one, which got nothing
        "replaces-check": (
            answer("    return None\ncheck.batna_needed = lambda *a, **k: None\n"),
            FULL - Q5,
        ),
        "rebinds-check": (
            with_cell(
                "check = type('Pass', (), {'__getattr__': lambda s, n: lambda *a, **k: None})()"
            ),
            FULL - after("reservation-salary-test"),
        ),
        # the two checks it replaced never ran: the other test cells are graded as usual
        "hides-it-in-exec": (
            with_cell("exec('check.northwind_zopa = check.batna_needed = print')"),
            FULL - POINTS["northwind-zopa-test"] - Q5,
        ),
        "deletes-test-cell": (deleted_test_cell(), FULL - Q5),
        # the check's own answer key refuses inside a check, and the report names the cell
        "calls-the-answer-key": (
            answer(
                "    from course.checks.batna import needed\n"
                "    return needed((target, pie, their_batna), walk_any_time)\n"
            ),
            FULL - Q5,
        ),
        "renamed-on-upload": (solved(MODULE, NAME), FULL),
    }


def export_zip(path, notebooks):
    """A learning platform's export, with the files intake must refuse besides."""
    with zipfile.ZipFile(path, "w") as archive:
        for learner, (nb, _) in notebooks.items():
            name = "Batna (1).ipynb" if learner == "renamed-on-upload" else f"{NAME}.ipynb"
            folder = f"{learner}/{MODULE}" if learner == "correct" else learner
            archive.writestr(f"{folder}/{name}", nbformat.writes(nb))
        archive.writestr(f"corrupt-json/{NAME}.ipynb", '{"cells": [')
        archive.writestr(f"not-a-notebook/{NAME}.ipynb", json.dumps({"hello": "world"}))
        archive.writestr(f"../escapee/{NAME}.ipynb", nbformat.writes(solved(MODULE, NAME)))
        archive.writestr(
            f"correct/{NAME}.ipynb", nbformat.writes(release_notebook(MODULE, NAME))
        )  # a second copy
        archive.writestr("plain-text/notes.txt", "my answers are in my head")


class Listener:
    """A TCP server on the host's loopback that records whether anyone reached it."""

    def __init__(self):
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen()
        self.server.settimeout(0.5)
        self.port = self.server.getsockname()[1]
        self.reached, self.running = False, True
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        while self.running:
            try:
                self.server.accept()
                self.reached = True
            except OSError:
                continue

    def close(self):
        self.running = False
        self.server.close()


def digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture(scope="module")
def graded(own_course, tmp_path_factory):
    """One `leverage grade --from export.zip` over the whole class."""
    built_course = own_course(MODULE)
    listener = Listener()
    notebooks = learners(built_course, listener.port)
    export = tmp_path_factory.mktemp("export") / "export.zip"
    export_zip(export, notebooks)
    protected = {
        p: digest(p)
        for p in (
            built_course / "release" / MODULE / f"{NAME}.ipynb",
            built_course / "source" / MODULE / f"{NAME}.py",
        )
    }
    out = built_course / "grading-out"
    result = leverage(
        built_course, "grade", MODULE, "--from", str(export), "--timeout", "10", "--out", str(out)
    )
    listener.close()
    assert result.returncode == 0, result.stderr[-3000:]
    grades = pd.read_csv(out / "grades.csv").set_index("learner")
    return {
        "root": built_course,
        "out": out,
        "grades": grades,
        "expected": {k: v for k, (_, v) in notebooks.items()},
        "listener": listener,
        "protected": protected,
        "stdout": result.stdout,
        "export": export,
    }


def auto_total(row):
    return row[list(POINTS)].astype(float).sum()


def test_every_learner_gets_the_score_their_honest_work_deserves(graded):
    got = {learner: auto_total(graded["grades"].loc[learner]) for learner in graded["expected"]}
    assert got == graded["expected"], graded["stdout"][-3000:]  # says who could not be graded


def test_a_fork_bomb_is_stopped_and_its_notebook_says_so(graded):
    """The bomb's sleeping children would hold the process limit for ten minutes, and the
    questions after it could not start a thread: the grader stops them and restarts."""
    notebook = graded["root"] / "autograded" / "fork-bomb" / MODULE / f"{NAME}.ipynb"
    text = notebook.read_text()
    assert (
        "processes running. They were stopped, and the cells after it ran in a new kernel" in text
    )
    assert "left 1 processes" not in text  # a bomb leaves many


def test_grades_csv_has_one_row_per_learner_with_status_questions_total_and_lateness(graded):
    # the parts the instructor grades, in notebook order (question 6b and the reflection)
    written = [q for q in graded_points(MODULE, NAME) if q not in POINTS]
    assert written == ["take-or-counter", "reflection"]
    grades = pd.read_csv(graded["out"] / "grades.csv", dtype=dict.fromkeys(written, str))
    assert list(grades.columns) == [
        "learner",
        "status",
        *QUESTIONS,
        "score",
        "late_penalty",
        "total",
        "max_score",
        "submitted",
        "due",
        "late_hours",
    ]
    # the folders whose only file was refused are learners too: listed, not graded
    assert sorted(grades.learner) == sorted([*graded["expected"], *UNREADABLE])
    by_learner = grades.set_index("learner")
    for learner in UNREADABLE:
        assert by_learner.status[learner].startswith("not graded: nothing could be taken: ")
        assert by_learner.loc[learner, [*QUESTIONS, "total"]].isna().all()
    by_learner = by_learner.drop(UNREADABLE)
    assert (by_learner.max_score == sum(graded_points(MODULE, NAME).values())).all()
    # a written answer waits for the instructor; the untouched notebook has none: 0
    assert (by_learner.loc["unchanged", written] == "0.0").all()
    assert by_learner.status["unchanged"] == "graded"
    answered = by_learner.drop("unchanged")
    assert (answered[written] == "awaiting grading").all().all()
    assert (answered.status == f"awaiting grading: {', '.join(written)}").all()


def test_intake_refuses_what_it_cannot_take_with_a_reason(graded):
    reasons = pd.read_csv(graded["out"] / "intake.csv").set_index("origin").reason
    assert reasons[f"corrupt-json/{NAME}.ipynb"].startswith("corrupt: not valid JSON")
    assert reasons[f"not-a-notebook/{NAME}.ipynb"].startswith("not a Jupyter notebook")
    assert reasons[f"../escapee/{NAME}.ipynb"].startswith("unsafe path")
    assert reasons[f"correct/{NAME}.ipynb"].startswith("duplicate")
    assert reasons["plain-text/notes.txt"] == "not a notebook (.ipynb)"
    assert reasons["renamed-on-upload/Batna (1).ipynb"] == "renamed from Batna (1).ipynb"
    assert reasons["deletes-test-cell/batna.ipynb"] == (
        "the graded cell batna-needed-test had been deleted: it is put back from the source"
    )
    assert not (graded["root"].parent / "escapee").exists()


def test_nothing_outside_the_sandbox_changed(graded):
    assert not graded["listener"].reached
    for path, before in graded["protected"].items():
        assert digest(path) == before, path
    assert not list((graded["root"] / "autograded" / "fills-disk" / MODULE).glob("junk*"))


def test_the_sandbox_hid_the_instructors_files(graded):
    nb = nbformat.read(
        graded["root"] / "autograded" / "reads-source" / MODULE / f"{NAME}.ipynb", as_version=4
    )
    text = json.dumps([cell.get("outputs", []) for cell in nb.cells])
    assert text.count("blocked") == 4 and "BEGIN SOLUTION" not in text


def test_feedback_never_shows_hidden_tests(graded):
    pages = list((graded["out"] / "feedback").glob(f"*/{NAME}.html"))
    assert len(pages) == len(graded["expected"])
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert "HIDDEN TESTS" not in text and "hidden=True" not in text, page
    assert (
        "only half a unit"
        in (graded["out"] / "feedback" / "partly-wrong" / f"{NAME}.html").read_text()
    )


def test_a_partly_right_answer_gets_the_points_of_each_check_it_passes(graded):
    assert graded["grades"].loc["half-right", "batna-needed-test"] == 0.5
    page = (graded["out"] / "feedback" / "half-right" / f"{NAME}.html").read_text()
    assert "0.5 of 1 marks" in page
    assert "targets within reach" in page and "batna_needed inverts the Nash split." in page
    assert "targets out of reach" in page and "out of reach; return None." in page


def test_the_class_report_has_its_plots_and_tables(graded):
    report = (graded["out"] / "report.html").read_text(encoding="utf-8")
    assert report.count("data:image/png;base64,") == 2
    assert "Most common failing checks" in report and "only half a unit" in report
    assert "targets out of reach" in report  # counted per check, not per message
    assert "unsafe path" in report


def test_the_class_report_names_code_that_reaches_into_the_course(graded):
    report = (graded["out"] / "report.html").read_text(encoding="utf-8")
    section = report[report.index("reaches into the course's own working</h2>") :]
    rows = re.findall(r"<tr><td class='lines'>([^<]*)</td><td class='lines'>([^<]*)</td>", section)
    assert rows == [
        ("calls-the-answer-key", "batna-needed-answer"),
        ("forges-credit", "batna-needed-answer"),  # rebinds check.batna_needed
        ("hides-it-in-exec", "cell 21"),  # the same, in a string given to exec
        ("replaces-check", "batna-needed-answer"),
    ]
    assert "needed (an answer key)" in section
    assert "check.batna_needed (changes a name of the course)" in section
    assert "check.northwind_zopa (changes a name of the course)" in section
    assert "reaches into the course&#x27;s working in batna-needed-answer" in report


def test_a_run_into_a_new_folder_gets_every_learners_feedback(graded, tmp_path):
    """Nobody is graded again, but each learner's pages are copied to the new folder."""
    again = leverage(graded["root"], "grade", MODULE, "--timeout", "10", "--out", str(tmp_path))
    assert again.returncode == 0, again.stderr[-2000:]
    assert "grading: 0" not in again.stderr
    assert (tmp_path / "grades.csv").read_text() == (graded["out"] / "grades.csv").read_text()
    for page in (graded["out"] / "feedback").glob(f"*/{NAME}.html"):
        copy = tmp_path / "feedback" / page.parent.name / page.name
        assert copy.read_bytes() == page.read_bytes(), page.parent.name


def test_a_second_run_changes_nothing(graded):
    before = (graded["out"] / "grades.csv").read_text()
    again = leverage(
        graded["root"], "grade", MODULE, "--timeout", "10", "--out", str(graded["out"])
    )
    assert again.returncode == 0, again.stderr[-2000:]
    assert (graded["out"] / "grades.csv").read_text() == before
    assert "grading: 0" not in again.stderr  # nothing was regraded: the bar never started


def test_an_interrupted_run_loses_nothing_and_a_rerun_finishes(graded):
    root, out = graded["root"], graded["out"]
    before = (out / "grades.csv").read_text()
    # one worker grades the four in turn, so when the first is marked three whole gradings
    # (one of them running into the 10-second cell limit) stand between Ctrl-C and the end
    # of the run, however loaded the machine: with two workers a fresh clone under two CPU
    # hogs had all four marked before Ctrl-C took effect
    regraded = ["infinite-loop", "correct", "unchanged", "partly-wrong"]
    for learner in regraded:  # as if these had not been graded yet
        (root / "autograded" / learner / MODULE / ".leverage-graded").unlink()

    def marked():
        return sum(
            (root / "autograded" / learner / MODULE / ".leverage-graded").exists()
            for learner in regraded
        )

    run = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "autograder.cli",
            "grade",
            MODULE,
            "--timeout",
            "10",
            "--workers",
            "1",
            "--out",
            str(out),
            "--root",
            str(root),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        start_new_session=True,
    )
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline and marked() < 1:
        time.sleep(0.1)
    os.killpg(run.pid, signal.SIGINT)  # Ctrl-C
    _, said = run.communicate(timeout=120)
    assert 1 <= marked() < len(regraded), said.decode()[-2000:]
    assert run.returncode == 130, said.decode()[-2000:]  # interrupted, and says so
    finish = leverage(root, "grade", MODULE, "--timeout", "10", "--out", str(out))
    assert finish.returncode == 0, finish.stderr[-2000:]
    assert marked() == len(regraded)
    assert (out / "grades.csv").read_text() == before


def test_a_learner_who_rewrote_the_checks_is_told_why(graded):
    """The grader replays every check itself (autograder/judge.py): a test cell whose check
    did not run as written is worth 0, and the notebook and the feedback say why."""
    nb = nbformat.read(
        graded["root"] / "autograded" / "rebinds-check" / MODULE / f"{NAME}.ipynb", as_version=4
    )
    reasons = [
        c.metadata["leverage"]["judge"]
        for c in nb.cells
        if "judge" in c.metadata.get("leverage", {})
    ]
    assert len(reasons) == len(_after("reservation-salary-test"))
    assert all(reason.startswith("the check did not run as written") for reason in reasons)
    page = (graded["out"] / "feedback" / "replaces-check" / f"{NAME}.html").read_text()
    assert "the check did not run as written" in page


@pytest.mark.parametrize("learner", ["infinite-loop", "loops-outside-its-function"])
def test_a_cell_that_runs_too_long_is_explained_in_words(graded, learner):
    """Issue 16.7, in a test cell and in an answer cell: not 'KeyboardInterrupt' and
    'CellTimeoutError'."""
    page = (graded["out"] / "feedback" / learner / f"{NAME}.html").read_text()
    assert "ran longer than the 10-second limit" in page and "loop that never ends" in page
    assert "KeyboardInterrupt" not in page and "CellTimeoutError" not in page
