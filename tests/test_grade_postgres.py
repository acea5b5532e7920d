"""`leverage grade` with nbgrader's gradebook on a real PostgreSQL server: several workers
at once, no lock errors, the same grades as the default SQLite gradebook, and a re-run
that changes nothing. The class is small on purpose (the benchmark grades a bigger one)."""

import pandas as pd
import pytest
from nbgrader.api import Gradebook

from autograder import gradebook
from autograder.export import questions
from tests.grading import leverage
from tests.notebooks import release_notebook, solved
from tests.test_autograder import FULL, MODULE, NAME, POINTS, Q5, answer, edited_test_cell

WORKERS = "3"
DB_TROUBLE = ("lock", "deadlock", "OperationalError", "IntegrityError", "not graded")

# one worker grades this file's class once: its graded fixture is module-scoped, and
# split over two xdist workers it was graded twice
pytestmark = pytest.mark.xdist_group("test_grade_postgres")


def small_class():
    """Learners named after what they did, with the autograded points they deserve."""
    return {
        "unchanged": (release_notebook(MODULE, NAME), 0),
        "correct": (solved(MODULE, NAME), FULL),
        "partly-wrong": (answer("    return target - (pie - their_batna) / 2\n"), FULL - Q5),
        "edits-test-cell": (edited_test_cell(), FULL - Q5),
    }


def submit(root, learners):
    import nbformat

    for learner, (nb, _) in learners.items():
        folder = root / "submitted" / learner / MODULE
        folder.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, folder / f"{NAME}.ipynb")


def grades(out):
    return pd.read_csv(out / "grades.csv").set_index("learner").sort_index()


@pytest.fixture(scope="module")
def graded(own_course, postgres):
    """The same class graded into SQLite (the default) and into a new PostgreSQL database."""
    root = own_course(MODULE)
    learners = small_class()
    submit(root, learners)
    url = postgres.new_database("gradebook")
    runs = {
        "sqlite": leverage(root, "grade", MODULE, "--workers", WORKERS, "--out", root / "sqlite"),
        "postgres": leverage(
            root, "grade", MODULE, "--workers", WORKERS, "--db", url, "--out", root / "postgres"
        ),
    }
    for name, run in runs.items():
        assert run.returncode == 0, f"{name}: {run.stderr[-3000:]}"
    return {"root": root, "url": url, "runs": runs, "learners": learners, "server": postgres}


@pytest.mark.slow
@pytest.mark.postgres
def test_postgres_gives_the_same_grades_as_sqlite(graded):
    root = graded["root"]
    on_sqlite, on_postgres = grades(root / "sqlite"), grades(root / "postgres")
    pd.testing.assert_frame_equal(on_sqlite, on_postgres)
    # the written parts (question 6b, the reflection) wait for the instructor
    autograded = on_postgres[[q for q in questions(on_postgres) if q in POINTS]].sum(axis=1)
    assert autograded.to_dict() == {k: v for k, (_, v) in graded["learners"].items()}


@pytest.mark.slow
@pytest.mark.postgres
def test_the_scores_went_into_the_postgres_gradebook(graded):
    with Gradebook(graded["url"], course_id="leverage") as book:
        submissions = book.assignment_submissions(MODULE)
        scores = {s.student.id: s.score for s in submissions}
    assert scores == grades(graded["root"] / "postgres")["total"].to_dict()


@pytest.mark.slow
@pytest.mark.postgres
def test_concurrent_workers_hit_no_lock_or_database_error(graded):
    for name, run in graded["runs"].items():
        printed = run.stdout + run.stderr
        assert not [word for word in DB_TROUBLE if word in printed], f"{name}: {printed[-3000:]}"
    server_log = graded["server"].log.read_text()
    assert "deadlock" not in server_log and "ERROR:" not in server_log, server_log[-3000:]


@pytest.mark.slow
@pytest.mark.postgres
def test_a_rerun_on_postgres_changes_nothing_and_a_forced_one_gives_the_same_grades(graded):
    root, url = graded["root"], graded["url"]
    before = (root / "postgres" / "grades.csv").read_text()
    again = leverage(root, "grade", MODULE, "--db", url, "--out", root / "postgres")
    assert again.returncode == 0, again.stderr[-2000:]
    assert "grading: 0" not in again.stderr  # everyone was graded into this gradebook: skipped
    assert (root / "postgres" / "grades.csv").read_text() == before
    forced = leverage(
        root, "grade", MODULE, "--workers", WORKERS, "--db", url, "--force", "--out", root / "pg2"
    )
    assert forced.returncode == 0, forced.stderr[-2000:]
    assert (root / "pg2" / "grades.csv").read_text() == before


@pytest.mark.slow
@pytest.mark.postgres
def test_an_unreachable_gradebook_is_refused_with_its_reason(graded):
    root = graded["root"]
    gone = graded["url"].replace("host=", "host=/nonexistent")
    run = leverage(root, "grade", MODULE, "--db", gone, "--out", root / "gone")
    assert run.returncode == 1
    assert "cannot open the gradebook at postgresql+psycopg://" in run.stderr
    assert "/nonexistent" in run.stderr


def test_a_malformed_db_url_is_refused_before_any_work(tmp_path):
    (tmp_path / "nbgrader_config.py").write_text("c = get_config()\n")
    with pytest.raises(ValueError, match="--db must be a SQLAlchemy URL"):
        gradebook.url(tmp_path, "not a url")


def test_the_gradebook_comes_from_the_option_then_the_config_then_the_default(tmp_path):
    config = tmp_path / "nbgrader_config.py"
    config.write_text("c = get_config()\n")
    assert gradebook.url(tmp_path) == f"sqlite:///{tmp_path.resolve() / 'gradebook.db'}"
    config.write_text("c = get_config()\nc.CourseDirectory.db_url = 'postgresql://h/course'\n")
    assert gradebook.url(tmp_path) == "postgresql://h/course"
    assert gradebook.url(tmp_path, "postgresql://other/x") == "postgresql://other/x"


def test_only_sqlite_workers_wait_for_each_others_writes():
    assert gradebook.for_workers("sqlite:////c/gradebook.db").endswith("?timeout=120")
    assert gradebook.for_workers("postgresql+psycopg://u@h/g") == "postgresql+psycopg://u@h/g"
