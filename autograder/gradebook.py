"""Where the gradebook lives, one URL for every grading step, and getting it ready.

nbgrader's default is a SQLite file, ``gradebook.db`` in the course root. A course past
one machine moves it to PostgreSQL: ``c.CourseDirectory.db_url`` in ``nbgrader_config.py``
(then nbgrader's own commands use it too), or ``leverage grade --db URL``, which wins.
"""

from pathlib import Path


def url(root, db=None):
    """The gradebook's SQLAlchemy URL: ``db``, else the course config's
    ``CourseDirectory.db_url``, else nbgrader's default SQLite file in ``root``."""
    if db:
        return _checked(db)
    configured = _course_directory(root).get("db_url")
    if configured:
        return _checked(configured)
    return f"sqlite:///{Path(root).resolve() / 'gradebook.db'}"


def _checked(db):
    """``db`` if SQLAlchemy can read it as a URL; a ``ValueError`` saying so otherwise."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        make_url(db)
    except ArgumentError:
        raise ValueError(
            f"--db must be a SQLAlchemy URL such as postgresql+psycopg://user@host/gradebook, "
            f"got {db!r}"
        ) from None
    return db


def for_workers(db_url):
    """The URL the parallel workers use: a SQLite file makes a writer wait up to 2 minutes
    for another's short write instead of failing; a server needs nothing added."""
    if db_url.startswith("sqlite") and "timeout=" not in db_url:
        return f"{db_url}{'&' if '?' in db_url else '?'}timeout=120"
    return db_url


def prepare(root, assignment, db_url):
    """Make the gradebook ready before the workers start, in this one process: its tables
    and course row (created by several workers at once, they would collide), and the
    assignment with its notebooks and cells, registered by ``nbgrader generate_assignment``
    into a scratch release folder when this gradebook has never seen it (a new database)."""
    import os
    import sys
    import tempfile

    from nbgrader.api import Gradebook, MissingEntry

    from autograder.build import run_nbgrader

    # nbgrader runs the `alembic` executable by name when it creates a gradebook, which
    # fails from an unactivated venv: this interpreter's bin folder goes first on PATH
    bin_folder = str(Path(sys.executable).parent)
    if bin_folder not in os.environ.get("PATH", "").split(os.pathsep):
        os.environ["PATH"] = bin_folder + os.pathsep + os.environ.get("PATH", "")
    try:
        course_id = _course_directory(root).get("course_id", "")
        with Gradebook(db_url, course_id=course_id) as gradebook:
            gradebook.find_assignment(assignment)
            return
    except MissingEntry:
        pass
    except Exception as error:  # the server is down, the database missing, no rights
        raise RuntimeError(f"cannot open the gradebook at {_safe(db_url)}: {error}") from error
    with tempfile.TemporaryDirectory(prefix="leverage-register-") as scratch:
        run_nbgrader(
            root,
            "generate_assignment",
            assignment,
            "--force",
            f"--CourseDirectory.db_url={db_url}",
            f"--CourseDirectory.release_directory={scratch}",
        )


def _course_directory(root):
    """The ``CourseDirectory`` section of the course's ``nbgrader_config.py``."""
    from traitlets.config.loader import PyFileConfigLoader

    return PyFileConfigLoader("nbgrader_config.py", path=str(root)).load_config().CourseDirectory


def _safe(db_url):
    """The URL without its password, for messages."""
    from sqlalchemy.engine import make_url

    return make_url(db_url).render_as_string(hide_password=True)


def forget(db_url, assignment, learner):
    """Remove ``learner``'s submission of ``assignment`` and every score and comment of it
    from the gradebook at ``db_url``: scores of another notebook than the one in
    ``submitted/`` (an earlier submission), or of a run that failed, must not be shown.
    Does nothing when there is none."""
    from contextlib import suppress

    from nbgrader.api import Gradebook, MissingEntry

    with Gradebook(db_url) as gradebook, suppress(MissingEntry):
        gradebook.remove_submission(assignment, learner)
