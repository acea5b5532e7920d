"""Per-learner variants: every learner gets their own scenario numbers, graded as their own.

How a notebook knows who the learner is, in order (first match wins):

0. Inside ``with learner_as(learner):``, ``learner``: the grader's own process replays a
   submitter's checks that way (``course.checks.calls``).

1. ``LEVERAGE_LEARNER`` in the kernel's environment. The grader sets it for every
   submission (see ``autograder.nbgrader_hooks.LearnerExecute``) to nbgrader's student id,
   so grading always uses the submitter's own variant, whatever the notebook file is
   called or whoever's computer it was written on. A learner may set it too.
2. ``JUPYTERHUB_USER``, when the course runs on JupyterHub (the login is the course id).
3. The id saved by ``course.set_learner("your-course-id")``, kept per computer in
   ``$XDG_CONFIG_HOME/leverage/learner`` (``~/.config/leverage/learner``). This is how a
   learner on a laptop whose login is not their course id says who they are.
4. Under ``nbgrader validate`` only, the placeholder ``VALIDATION_LEARNER``.

Otherwise ``learner_id()`` raises ``CourseIdNeeded`` (a ``LookupError``) that tells the
learner what to do, in one line. In a learner's notebook (not under nbgrader),
``variant(module)`` does not raise: it returns a ``PendingScenario``, whose display is a
small form asking for the course id (``course.widgets.course_id``); once the id is typed,
the same object behaves as the learner's scenario.

**Hidden cases.** A hidden check (``hidden=True``) also tries the learner's code on other
learners' scenarios, named by ``hidden_learners(module, labels)``. Which learners those are
depends on a **grading key**: the grader derives one per submission from an instructor's
secret that is in neither this package nor the release (``autograder.secret``), gives it
to the grading kernel as ``LEVERAGE_HIDDEN_CASES`` and replays the checks under
``hidden_cases_as(key)``. Without a key (a learner's JupyterLab, ``nbgrader validate``, the
tests) the hidden learners are the public ``self-check-<label>``: answers hard-coded for
them earn nothing when graded, since grading draws other learners.

A scenario is drawn from a random generator seeded with a hash of (module, learner),
so it is the same on every machine and every run. When a scenario is displayed, its
output carries a stamp (``VARIANT_MIME``) naming the learner; the grader compares the
stamp with the submitter and flags a notebook worked on someone else's variant.
"""

import hashlib
import os
import random
import re
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path

#: Mime type of the stamp a displayed scenario leaves in the notebook's outputs.
VARIANT_MIME = "application/vnd.leverage.variant+json"

#: The learner id used when ``nbgrader validate`` runs a notebook nobody has claimed.
VALIDATION_LEARNER = "nbgrader-validate"

_LEARNER_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._@+-]{0,99}$")


def is_learner_id(text):
    """Whether ``text`` is a usable course id (what intake and ``set_learner`` accept)."""
    return isinstance(text, str) and bool(_LEARNER_ID.match(text))


def _check_learner(learner):
    if not isinstance(learner, str):
        raise TypeError(f"a learner id must be text, got {type(learner).__name__} {learner!r}")
    if not _LEARNER_ID.match(learner):
        raise ValueError(
            f"{learner!r} is not a usable course id: use letters, digits and . _ @ + - "
            "(up to 100 characters, starting with a letter or digit)"
        )
    return learner


class CourseIdNeeded(LookupError):
    """No course id is known yet; the message says how to give one. Shown in a notebook as
    one line, never as a traceback."""

    def _render_traceback_(self):
        return [f"\x1b[0;31mCourse id needed:\x1b[0m {self}"]


def _saved_learner_file():
    config_home = os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config"
    return Path(config_home) / "leverage" / "learner"


def set_learner(learner):
    """Remember the learner's course id on this computer, so notebooks draw their variant."""
    learner = _check_learner(learner)
    path = _saved_learner_file()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(learner + "\n", encoding="utf-8")
    return learner


#: The learner ``learner_as`` names for the block running now, if any.
_ACTING_LEARNER = ContextVar("leverage_learner", default=None)


@contextmanager
def learner_as(learner):
    """Within the block, ``learner_id()`` is ``learner``, whatever the environment and the
    saved id say: how the grader replays a check on the submitter's own scenario in its own
    process (``course.checks.calls.replay``), without changing environment variables."""
    token = _ACTING_LEARNER.set(_check_learner(learner))
    try:
        yield learner
    finally:
        _ACTING_LEARNER.reset(token)


def learner_id():
    """The course id of the learner whose variant this kernel should use (see module doc)."""
    if _ACTING_LEARNER.get() is not None:
        return _ACTING_LEARNER.get()
    for variable in ("LEVERAGE_LEARNER", "JUPYTERHUB_USER"):
        if os.environ.get(variable):
            return _check_learner(os.environ[variable])
    saved = _saved_learner_file()
    if saved.is_file():
        return _check_learner(saved.read_text(encoding="utf-8").strip())
    if os.environ.get("NBGRADER_EXECUTION") == "validate":
        return VALIDATION_LEARNER
    if os.environ.get("NBGRADER_EXECUTION") == "autograde":
        raise LookupError(
            "nbgrader is grading without the course's nbgrader_config.py, so the learner "
            "is unknown; run nbgrader from the course root"
        )
    raise CourseIdNeeded(
        "this notebook does not know your course id yet. Type it in the box under the "
        "notebook's first code cell (or run  course.set_learner('your-course-id')  once), "
        "then run this cell again."
    )


def rng_for(module, learner):
    """A random generator that gives the same numbers for the same (module, learner)."""
    digest = hashlib.sha256(f"leverage:{module}:{learner}".encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def fingerprint(module, learner):
    """A short code that identifies a variant, shown to the learner and in the stamp."""
    return hashlib.sha256(f"variant:{module}:{learner}".encode()).hexdigest()[:8]


def variant(module, learner=None):
    """The scenario of ``module`` for ``learner`` (by default, the learner of this kernel).

    When no learner is given and none is known, a learner's notebook gets a
    ``PendingScenario`` (a form that asks for the course id); under nbgrader, which always
    knows whom it grades, that is a ``CourseIdNeeded`` error instead.
    """
    from course.scenarios import SCENARIOS

    if module not in SCENARIOS:
        known = ", ".join(sorted(SCENARIOS))
        raise ValueError(f"no module called {module!r}; the modules with variants are {known}")
    if learner is None:
        try:
            learner = learner_id()
        except CourseIdNeeded:
            if os.environ.get("NBGRADER_EXECUTION"):
                raise
            return PendingScenario(module)
    learner = _check_learner(learner)
    return SCENARIOS[module](rng_for(module, learner), learner)


class PendingScenario:
    """The scenario of ``module`` for a learner whose course id is not known yet.

    Displayed, it is a form that asks for the id; once the id is known (typed in the form,
    or saved any other way), every attribute is the learner's real scenario's, and it
    displays as that scenario. Before then, reading an attribute raises
    ``CourseIdNeeded``.
    """

    def __init__(self, module):
        self._module = module
        self._scenario = None

    def _resolved(self):
        if self._scenario is None:
            self._scenario = variant(self._module, learner_id())
        return self._scenario

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self._resolved(), name)

    def __repr__(self):
        try:
            return repr(self._resolved())
        except CourseIdNeeded:
            return f"your {self._module} scenario, once you give your course id"

    def _repr_mimebundle_(self, include=None, exclude=None):
        try:
            return self._resolved()._repr_mimebundle_(include, exclude)
        except CourseIdNeeded:
            from course.widgets.course_id import CourseIdForm

            form = CourseIdForm(show_scenario=self._resolved)
            return {**form._repr_mimebundle_(), "text/plain": repr(self)}


#: The variable through which the grader gives a grading kernel its key of hidden cases.
HIDDEN_CASES_VARIABLE = "LEVERAGE_HIDDEN_CASES"

#: The hidden learners of a check run without a grading key: ``self-check-<label>``.
SELF_CHECK_PREFIX = "self-check"

_NO_KEY_GIVEN = object()

#: The grading key ``hidden_cases_as`` gives the block running now, if any.
_HIDDEN_KEY = ContextVar("leverage_hidden_key", default=_NO_KEY_GIVEN)


@contextmanager
def hidden_cases_as(key):
    """Within the block, hidden learners are drawn with the grading ``key`` (``None``: the
    public self-check learners), whatever the environment says: how the grader replays a
    hidden check on the cases the grading kernel was given."""
    if key is not None and not (isinstance(key, str) and key):
        raise TypeError(f"a grading key is text, got {type(key).__name__}")
    token = _HIDDEN_KEY.set(key)
    try:
        yield key
    finally:
        _HIDDEN_KEY.reset(token)


def grading_key():
    """The grading key of this process (see the module's docstring), or ``None``."""
    key = _HIDDEN_KEY.get()
    if key is _NO_KEY_GIVEN:
        key = os.environ.get(HIDDEN_CASES_VARIABLE) or None
    return key


def hidden_learner(module, label):
    """The learner id of hidden case ``label`` of ``module``: ``self-check-<label>`` without
    a grading key, else an id only the key gives (``h-`` and 16 hex digits)."""
    key = grading_key()
    if key is None:
        return _check_learner(f"{SELF_CHECK_PREFIX}-{label}")
    digest = hashlib.sha256(f"leverage-hidden\0{key}\0{module}\0{label}".encode()).hexdigest()
    return f"h-{digest[:16]}"


def hidden_rng(module, purpose):
    """A random generator for a hidden check's own cases (``purpose`` names them): seeded
    with the grading key when there is one, else with the learner's id, as ``rng_for``."""
    key = grading_key()
    if key is None:
        return rng_for(f"{module}:{purpose}", learner_id())
    digest = hashlib.sha256(f"leverage-hidden\0{key}\0{module}\0{purpose}".encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def hidden_learner_where(module, label, accept, most=1000):
    """The first hidden learner ``<label>-1``, ``<label>-2``, ... of ``module`` whose id
    ``accept`` takes (e.g. one whose scenario has a zone): how a check makes sure its hidden
    cases cover each kind whatever the grading key."""
    for n in range(1, most + 1):
        learner = hidden_learner(module, f"{label}-{n}")
        if accept(learner):
            return learner
    raise LookupError(f"no hidden learner of {module} fits after {most} draws ({label})")


class hidden_learners:
    """The hidden learners of ``module`` for ``labels`` (e.g. ``range(1, 6)``), as a sequence
    read afresh each time it is used, so a checks module can keep it as a constant
    (``HIDDEN_LEARNERS``) while the grading key decides who they are."""

    def __init__(self, module, labels):
        self.module, self.labels = module, tuple(str(label) for label in labels)

    def __iter__(self):
        return iter([hidden_learner(self.module, label) for label in self.labels])

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, index):
        return list(self)[index]

    def __repr__(self):
        return f"hidden_learners({self.module!r}, {list(self.labels)!r})"
