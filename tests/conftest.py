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
    """Each test starts knowing no learner: no variables, an empty config folder."""
    for variable in ("LEVERAGE_LEARNER", "JUPYTERHUB_USER", "NBGRADER_EXECUTION"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path_factory.mktemp("config")))


@pytest.fixture
def learner(monkeypatch):
    """Run the test as learner 'ada'."""
    monkeypatch.setenv("LEVERAGE_LEARNER", "ada")
    return "ada"


@pytest.fixture(scope="session")
def built_course(tmp_path_factory):
    """A fresh course folder built from the repo's jupytext sources with `leverage build`:
    source notebooks, release/ and a gradebook, as an instructor would have them."""
    import shutil

    from autograder.build import build

    course_root = tmp_path_factory.mktemp("course")
    shutil.copy(ROOT / "nbgrader_config.py", course_root)
    shutil.copytree(
        ROOT / "source", course_root / "source", ignore=shutil.ignore_patterns("*.ipynb")
    )
    build(course_root)
    return course_root
