"""Shared fixtures: the repo root, and a clean learner identity for every test."""

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

# Plots render off-screen in tests; the venv's tools (nbgrader, alembic, jupyter) come first.
os.environ["MPLBACKEND"] = "Agg"
os.environ["PATH"] = f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"


@pytest.fixture(autouse=True)
def no_learner(monkeypatch, tmp_path_factory):
    """Each test starts knowing no learner: no variables, empty config and data folders
    (so no test reads or writes the machine's own progress record)."""
    for variable in (
        "LEVERAGE_LEARNER",
        "JUPYTERHUB_USER",
        "NBGRADER_EXECUTION",
        "LEVERAGE_HIDDEN_CASES",  # a grading kernel's key of hidden cases
        "LEVERAGE_GRADING_SECRET",  # an instructor's secret
    ):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path_factory.mktemp("data")))


@pytest.fixture
def learner(monkeypatch):
    """Run the test as learner 'ada'."""
    monkeypatch.setenv("LEVERAGE_LEARNER", "ada")
    return "ada"


def build_course(folder, modules=None):
    """A course folder built from the repo's jupytext sources with `leverage build`:
    source notebooks, release/ and a gradebook, as an instructor would have them."""
    import shutil

    from autograder.build import build

    shutil.copy(ROOT / "nbgrader_config.py", folder)
    shutil.copytree(ROOT / "source", folder / "source", ignore=shutil.ignore_patterns("*.ipynb"))
    build(folder, modules)
    return folder


@pytest.fixture(scope="session")
def built_course(tmp_path_factory):
    """Every module built once, shared by tests that only read it or grade their own
    module's learners."""
    return build_course(tmp_path_factory.mktemp("course"))


@pytest.fixture(scope="module")
def own_course(tmp_path_factory):
    """A course of its own for a test module whose learners must not meet anyone else's:
    plain `nbgrader autograde` grades every learner of an assignment it finds."""
    return lambda *modules: build_course(tmp_path_factory.mktemp("own-course"), list(modules))


@pytest.fixture(scope="session")
def postgres():
    """A real PostgreSQL server (tests/postgres.py) for the session, for tests marked
    `postgres`; if it cannot start, those tests fail with the server's reason."""
    from tests.postgres import running_postgres

    with running_postgres() as server:
        yield server
