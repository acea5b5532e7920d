"""Shared fixtures: the repo root, and a clean learner identity for every test."""

import contextlib
import copyreg
import fcntl
import functools
import hashlib
import os
import pickle
import shutil
import signal
import sys
import types
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent

# Plots render off-screen in tests; the venv's tools (nbgrader, alembic, jupyter) come first.
os.environ["MPLBACKEND"] = "Agg"
os.environ["PATH"] = f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"


_DRAWS_KEPT = {"on": True, "shelf": None}


def _read_only(mapping):
    return types.MappingProxyType(mapping)


# Module 00's variants hold read-only mappings; they are kept and travel between workers as
# their dicts.
copyreg.pickle(types.MappingProxyType, lambda mapping: (_read_only, (dict(mapping),)))


def _drawn_once(module, factory):
    """``factory`` (``module``'s scenario factory, ``(rng, learner) -> scenario``) that
    draws each learner's scenario once per test run and hands out copies after that.

    Drawing rejects and redraws unfair variants, so one learner costs up to tens of
    milliseconds, and the tests draw the same learners thousands of times, on every
    pytest-xdist worker. A draw depends only on the generator's state and the learner (no
    scenario module reads the kernel's context), so a copy of the first draw, with the
    generator left where the draw left it, is what drawing again would give; a copy
    (unpickled afresh each time), so that no test's answer that changes its scenario
    reaches another test. A draw is kept as a pickle in this process and, once
    ``shared_draws`` has named the run's shelf, written there for the other workers
    (whole, then renamed, so a reader never sees half of one; two workers drawing the same
    learner at once write the same bytes). A scenario that cannot be pickled is drawn
    afresh every time, and so is every draw of a test that changes the drawing rules
    (``draws_afresh``)."""
    drawn = {}

    @functools.wraps(factory)
    def draw(rng, learner):
        if not _DRAWS_KEPT["on"]:
            return factory(rng, learner)
        key = hashlib.sha256(f"{module}\n{learner}\n{rng.getstate()!r}".encode()).hexdigest()
        if key not in drawn:
            kept = _from_shelf(key)
            if kept is None:
                scenario = factory(rng, learner)
                kept = _shelved(key, scenario, rng.getstate())
                if kept is None:
                    return scenario
            drawn[key] = kept
        scenario, after = pickle.loads(drawn[key])
        rng.setstate(after)
        return scenario

    return draw


def _from_shelf(key):
    """The pickled ``(scenario, generator state after)`` another worker wrote under
    ``key``, or ``None``."""
    if _DRAWS_KEPT["shelf"] is None:
        return None
    with contextlib.suppress(FileNotFoundError):
        return (_DRAWS_KEPT["shelf"] / f"{key}.pickle").read_bytes()
    return None


def _shelved(key, scenario, after):
    """``(scenario, after)`` pickled, and written to the shelf when there is one; ``None``
    when the scenario cannot be pickled."""
    try:
        kept = pickle.dumps((scenario, after))
    except (TypeError, AttributeError, pickle.PicklingError):
        return None
    if _DRAWS_KEPT["shelf"] is not None:
        part = _DRAWS_KEPT["shelf"] / f"{key}.{os.getpid()}.part"
        part.write_bytes(kept)
        part.replace(_DRAWS_KEPT["shelf"] / f"{key}.pickle")
    return kept


def pytest_configure(config):
    """Every module's scenarios are drawn once per test run (``_drawn_once``).

    Tests press Ctrl-C (SIGINT) on the processes they start, as a person at a terminal
    would. A suite started in the background by a shell without job control (``(make test
    &)``) inherits SIGINT ignored, and every process it starts would inherit that too, so
    those tests would fail for the harness's sake: a run with the signal ignored answers it
    as Python does by default, which its children get back when they start."""
    if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)
    from course.scenarios import SCENARIOS

    for module, factory in list(SCENARIOS.items()):
        SCENARIOS[module] = _drawn_once(module, factory)


@pytest.fixture(scope="session", autouse=True)
def shared_draws(workers_folder):
    """Under pytest-xdist, the folder where workers leave the scenarios they drew for each
    other (``_drawn_once``)."""
    if workers_folder is not None:
        shelf = workers_folder / "draws"
        shelf.mkdir(exist_ok=True)
        _DRAWS_KEPT["shelf"] = shelf
    yield
    _DRAWS_KEPT["shelf"] = None


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
    # a hidden check judges the learner's own items as grading does, without a grading key
    # (which would also change the hidden learners); tests of a learner's kernel unset it
    monkeypatch.setattr("course.checks.credit._own_items_without_key", True)
    # what the visible checks found is a kernel's memory: each test starts with none (a hidden
    # check shows a visible check's hints, and pytest-xdist runs any test after any other)
    monkeypatch.setattr("course.checks.calls._own_failures_in_kernel", {})


@pytest.fixture
def draws_afresh(monkeypatch):
    """Every scenario is drawn afresh in this test: for a test that changes a module's
    drawing rules, which a copy of an earlier draw would not meet (``_drawn_once``)."""
    monkeypatch.setitem(_DRAWS_KEPT, "on", False)


@pytest.fixture
def learner(monkeypatch):
    """Run the test as learner 'ada'."""
    monkeypatch.setenv("LEVERAGE_LEARNER", "ada")
    return "ada"


def build_course(folder, modules=None):
    """A course folder built from the repo's jupytext sources with `leverage build`:
    source notebooks, release/ and a gradebook, as an instructor would have them."""
    from autograder.build import build

    shutil.copy(ROOT / "nbgrader_config.py", folder)
    shutil.copytree(ROOT / "source", folder / "source", ignore=shutil.ignore_patterns("*.ipynb"))
    build(folder, modules)
    return folder


@pytest.fixture(scope="session")
def workers_folder(tmp_path_factory):
    """The folder every pytest-xdist worker of this run shares (None without xdist): for
    work done once per run and read by all workers."""
    if os.environ.get("PYTEST_XDIST_WORKER"):
        return tmp_path_factory.getbasetemp().parent
    return None


@pytest.fixture(scope="session")
def built_module(tmp_path_factory):
    """``built_module(module)``: a course folder with ``module`` built, made once per test
    run and shared by every test (and every pytest-xdist worker) that only reads it. A test
    that writes into a course (submissions, grades) takes a copy with ``own_course``.

    Each build runs `nbgrader generate_assignment`, which takes seconds: building a module
    once instead of once per worker and once per grading file keeps the suite's time for
    tests. The first worker to need a module builds it under a lock; the others wait for it.
    """
    shared = tmp_path_factory.getbasetemp()
    if os.environ.get("PYTEST_XDIST_WORKER"):
        shared = shared.parent  # the run's folder, common to all workers

    def built(module):
        folder = shared / f"built-{module}"
        done = shared / f"built-{module}.done"
        with open(shared / f"built-{module}.lock", "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            if not done.exists():
                shutil.rmtree(folder, ignore_errors=True)  # a build that failed half-way
                folder.mkdir()
                build_course(folder, [module])
                done.touch()
        return folder

    return built


@pytest.fixture(scope="module")
def own_course(built_module, tmp_path_factory):
    """``own_course(module)``: a course of its own for a test module whose learners must not
    meet anyone else's (plain `nbgrader autograde` grades every learner of an assignment it
    finds): a copy of the module's build (source, release/ and gradebook)."""

    def copy(module):
        folder = tmp_path_factory.mktemp("own-course")
        shutil.copytree(built_module(module), folder, dirs_exist_ok=True)
        return folder

    return copy


@pytest.fixture(scope="session")
def postgres():
    """A real PostgreSQL server (tests/postgres.py) for the session, for tests marked
    `postgres`; if it cannot start, those tests fail with the server's reason."""
    from tests.postgres import running_postgres

    with running_postgres() as server:
        yield server
