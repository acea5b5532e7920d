"""Per-learner variants: every learner gets their own scenario numbers, graded as their own.

How a notebook knows who the learner is, in order (first match wins):

1. ``LEVERAGE_LEARNER`` in the kernel's environment. The grader sets it for every
   submission (see ``autograder.nbgrader_hooks.LearnerExecute``) to nbgrader's student id,
   so grading always uses the submitter's own variant, whatever the notebook file is
   called or whoever's computer it was written on. A learner may set it too.
2. ``JUPYTERHUB_USER``, when the course runs on JupyterHub (the login is the course id).
3. The id saved by ``course.set_learner("your-course-id")``, kept per computer in
   ``$XDG_CONFIG_HOME/leverage/learner`` (``~/.config/leverage/learner``). This is how a
   learner on a laptop whose login is not their course id says who they are.
4. Under ``nbgrader validate`` only, the placeholder ``VALIDATION_LEARNER``.

Otherwise ``learner_id()`` raises a ``LookupError`` that tells the learner what to do.

A scenario is drawn from a random generator seeded with a hash of (module, learner),
so it is the same on every machine and every run. When a scenario is displayed, its
output carries a stamp (``VARIANT_MIME``) naming the learner; the grader compares the
stamp with the submitter and flags a notebook worked on someone else's variant.
"""

import hashlib
import os
import random
import re
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


def learner_id():
    """The course id of the learner whose variant this kernel should use (see module doc)."""
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
    raise LookupError(
        "Leverage does not know your course id yet. Run  course.set_learner('your-course-id')  "
        "once in any cell (use the id your instructor gave you), then run this cell again."
    )


def rng_for(module, learner):
    """A random generator that gives the same numbers for the same (module, learner)."""
    digest = hashlib.sha256(f"leverage:{module}:{learner}".encode()).digest()
    return random.Random(int.from_bytes(digest[:8], "big"))


def fingerprint(module, learner):
    """A short code that identifies a variant, shown to the learner and in the stamp."""
    return hashlib.sha256(f"variant:{module}:{learner}".encode()).hexdigest()[:8]


def variant(module, learner=None):
    """The scenario of ``module`` for ``learner`` (by default, the learner of this kernel)."""
    from course.scenarios import SCENARIOS

    if module not in SCENARIOS:
        known = ", ".join(sorted(SCENARIOS))
        raise ValueError(f"no module called {module!r}; the modules with variants are {known}")
    learner = learner_id() if learner is None else _check_learner(learner)
    return SCENARIOS[module](rng_for(module, learner), learner)
