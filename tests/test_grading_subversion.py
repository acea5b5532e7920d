"""Routes a learner might take to make the checks pass without answering, each a notebook of
module 02 named after what the learner did, graded by real `nbgrader autograde` with the
course's config: every one earns zero for the questions it did not answer, because the
grader replays the checks in its own process (autograder/judge.py). Honest notebooks that
use math, numpy, setattr, globals(), vars() and exec keep full marks."""

import re

import nbformat
import pytest

from course.checks import CHECKS
from course.checks.calls import TRANSCRIPT_MIME
from tests.grading import Graded, auto_total, autograde
from tests.notebooks import auto_points, release_notebook, solutions, solved

# one worker grades this file's learners once: its graded fixture is module- or
# class-scoped, and split over two xdist workers it was graded twice
pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("test_grading_subversion")]

MODULE, NAME = "02_batna", "batna"
FULL = sum(auto_points(MODULE, NAME).values())
CHECKS_MODULE = CHECKS[MODULE]


def answering_nothing():
    """The release notebook with every function answer returning 0: nothing is answered,
    but every check gets a number to compare."""
    nb = release_notebook(MODULE, NAME)
    answers = {}
    for grade_id, source in solutions(MODULE, NAME).items():
        signature = re.search(r"^def .*:$", source, re.MULTILINE)
        if signature:
            answers[grade_id] = f"{signature.group(0)}\n    return 0\n"
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in answers:
            cell.source = answers[grade_id]
    return nb


def setup_index(nb):
    return next(
        i
        for i, c in enumerate(nb.cells)
        if c.metadata.get("nbgrader", {}).get("grade_id") == "setup"
    )


def with_cell(nb, code, above_setup=False):
    """``nb`` with a cell of the learner's right after the setup cell (or right above it)."""
    index = setup_index(nb) + (0 if above_setup else 1)
    nb.cells.insert(index, nbformat.v4.new_code_cell(code))
    return nb


PATCHES_MATH = """\
import math
math.isclose = lambda *args, **kwargs: True
math.isfinite = lambda x: True
"""

PATCHES_BUILTINS = """\
import builtins
builtins.abs = lambda x: 0
builtins.isinstance = lambda *args: True
builtins.round = lambda x, *digits: x
"""

PATCHES_NUMPY = """\
import numpy
numpy.isclose = lambda *args, **kwargs: True
numpy.allclose = lambda *args, **kwargs: True
numpy.float64 = float
"""

# everything of the course a check leans on: helpers, the hint, the scenario, the models
PATCHES_COURSE = """\
import course, course.checks.hints as hints, course.variants
always = lambda *args, **kwargs: True
nothing = lambda *args, **kwargs: None
hints.same_money = always
hints.diagnose = nothing
class NotYet(Exception):
    pass
hints.NotYet = NotYet
for name, value in [("same_money", always), ("diagnose", nothing), ("NotYet", NotYet)]:
    if hasattr(check, name):
        setattr(check, name, value)
for name in dir(check):
    if name in ("expected_value", "zopa", "nash_split", "best_alternative", "money"):
        setattr(check, name, lambda value, *rest, **kwargs: value)
course.variant = course.variants.variant = check.variant = lambda *args, **kwargs: None
"""

REPLACES_SYS_MODULES = f"""\
import sys, types
class Passes(types.ModuleType):
    def __getattr__(self, name):
        return lambda *args, **kwargs: print("\\N{{CHECK MARK}} passed")
sys.modules[{CHECKS_MODULE!r}] = Passes({CHECKS_MODULE!r})
import course.checks
course.checks.{CHECKS_MODULE.rsplit(".", 1)[1]} = sys.modules[{CHECKS_MODULE!r}]
from course.checks import {CHECKS_MODULE.rsplit(".", 1)[1]} as check
"""


# a transcript written by hand: the right question and layout, made-up inputs and values
FORGES_TRANSCRIPT = f"""\
from IPython.display import display
def forged(question):
    def show(answer, hidden=False):
        call = {{"name": question, "args": "0" * 16, "returned": ["float", "95000.0"]}}
        transcript = {{"version": 1, "module": {MODULE!r}, "question": question,
                       "hidden": hidden, "calls": [call]}}
        display({{{TRANSCRIPT_MIME!r}: transcript, "text/plain": ""}}, raw=True)
        print("\\N{{CHECK MARK}} passed")
    return show
for name in dir(check):
    if callable(getattr(check, name)) and hasattr(getattr(check, name), "__wrapped__"):
        setattr(check, name, forged(name))
"""

# every check returns a number, which nbgrader would read as the cell's score
PRINTS_A_SCORE = """\
for name in dir(check):
    if callable(getattr(check, name)) and hasattr(getattr(check, name), "__wrapped__"):
        setattr(check, name, lambda *args, **kwargs: 2)
"""

HONEST_HELPERS = """\
import math
import numpy as np
class Notes:
    pass
notes = Notes()
setattr(notes, "places", 2)
globals()["total"] = math.fsum([0.1, 0.2, 0.3])
exec("double = lambda x: 2 * x")
assert vars(notes) == {"places": 2} and np.isclose(double(total), 1.2)
"""


def hostile():
    """What each learner who answered nothing did to pass anyway."""
    return {
        "patches-math": with_cell(answering_nothing(), PATCHES_MATH),
        "patches-builtins": with_cell(answering_nothing(), PATCHES_BUILTINS),
        "patches-numpy": with_cell(answering_nothing(), PATCHES_NUMPY),
        "patches-course": with_cell(answering_nothing(), PATCHES_COURSE),
        "replaces-sys-modules": with_cell(answering_nothing(), REPLACES_SYS_MODULES),
        # above the setup cell, whose import then finds the fake module already there
        "cell-above-setup": with_cell(answering_nothing(), REPLACES_SYS_MODULES, above_setup=True),
        "forges-transcript": with_cell(answering_nothing(), FORGES_TRANSCRIPT),
        "prints-a-score": with_cell(answering_nothing(), PRINTS_A_SCORE),
    }


def honest():
    """Solved notebooks whose own code uses what the old guard took for tampering."""
    return {
        "solved": solved(MODULE, NAME),
        "uses-math-numpy-setattr-globals-vars-exec": with_cell(
            solved(MODULE, NAME), HONEST_HELPERS
        ),
        "math-patched-after-the-tests": _appended(solved(MODULE, NAME), PATCHES_MATH),
    }


def _appended(nb, code):
    nb.cells.append(nbformat.v4.new_code_cell(code))
    return nb


@pytest.fixture(scope="module")
def graded(own_course, tmp_path_factory):
    root = own_course(MODULE)
    learners = {**hostile(), **honest()}
    log = autograde(root, MODULE, NAME, learners, tmp_path_factory.mktemp("grader"))
    return Graded(root, MODULE, NAME, log)


@pytest.mark.parametrize("learner", list(hostile()))
def test_a_learner_who_answered_nothing_gets_nothing_whatever_they_patched(graded, learner):
    assert auto_total(graded.scores(learner)) == 0, graded.scores(learner)


@pytest.mark.parametrize("learner", list(honest()))
def test_honest_code_keeps_full_marks(graded, learner):
    assert auto_total(graded.scores(learner)) == FULL


def kernel_said(graded, learner):
    """What the kernel showed in each test cell (kept by the judge for the instructor)."""
    return [
        graded.cell(learner, grade_id).metadata["leverage"]["kernel_outputs"]
        for grade_id in auto_points(MODULE, NAME)
    ]


def test_the_kernel_was_fooled_but_the_grade_was_not(graded):
    """In the kernel, every test cell printed a pass or showed a score nbgrader would have
    counted; the grader counted none of it."""
    for grade_id in auto_points(MODULE, NAME):
        printed = graded.kernel_printed("replaces-sys-modules", grade_id)
        assert "\N{CHECK MARK} passed\n" in printed, (grade_id, printed)
    for outputs in kernel_said(graded, "prints-a-score"):
        assert [o["data"]["text/plain"] for o in outputs if "data" in o] == ["2"], outputs


def test_a_forged_transcript_is_named_as_such(graded):
    for grade_id in auto_points(MODULE, NAME):
        reason = graded.cell("forges-transcript", grade_id).metadata["leverage"]["judge"]
        assert "other inputs" in reason, reason
        assert "the check did not run as written" in graded.shown("forges-transcript", grade_id)
