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
