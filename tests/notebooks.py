"""Helpers to make learners' notebooks from the course's own source and release.

Fixture notebooks are generated, not stored: a stored fixture drifts from the release
it pretends to be.
"""

import copy
import re
from pathlib import Path

import jupytext
import nbformat

ROOT = Path(__file__).resolve().parent.parent
SOLUTION = re.compile(r"^\s*### (BEGIN|END) SOLUTION\s*$", re.MULTILINE)


#: The sources parsed by this process, by (path, modification time, size): parsing one takes
#: a third of a second, and a grading file builds dozens of notebooks from the same source.
_PARSED = {}


def source_notebook(module, name):
    """The instructor's notebook, read from its jupytext source: a copy of its own for the
    caller, parsed again only when the file has changed."""
    path = ROOT / "source" / module / f"{name}.py"
    stat = path.stat()
    key = (path, stat.st_mtime_ns, stat.st_size)
    if key not in _PARSED:
        _PARSED[key] = jupytext.read(path, fmt="py:percent")
    return copy.deepcopy(_PARSED[key])


def release_notebook(module, name):
    """The learner's notebook as committed in release/."""
    return nbformat.read(ROOT / "release" / module / f"{name}.ipynb", as_version=4)


def solutions(module, name):
    """The source's answer for each answer cell, by grade_id, with the markers removed."""
    answers = {}
    for cell in source_notebook(module, name).cells:
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("solution"):
            answers[meta["grade_id"]] = "\n".join(
                line for line in cell.source.splitlines() if not SOLUTION.match(line)
            )
    return answers


def solved(module, name, **overrides):
    """The release notebook with every answer filled in; ``overrides`` replace answers by
    grade_id (underscores stand for dashes), to make a learner who got one wrong."""
    answers = solutions(module, name)
    answers.update({key.replace("_", "-"): value for key, value in overrides.items()})
    nb = release_notebook(module, name)
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id in answers:
            cell.source = answers[grade_id]
    return nb


def solution_namespace(module, name):
    """Run the source's code cells except the tests, marked or practice (widgets and plots
    included: they work without a screen), and return the names they define. A practice
    test cell (module 02's questions 8-own and 10 since review 72 X1) checks the learner's
    own case, which no learner is set to here."""
    namespace = {}
    for cell in source_notebook(module, name).cells:
        meta = cell.metadata.get("nbgrader", {})
        if cell.cell_type != "code" or meta.get("grade"):
            continue
        if meta.get("grade_id", "").endswith("-test"):
            continue
        code = SOLUTION.sub("", cell.source)
        exec(compile(code, f"<{meta.get('grade_id', 'cell')}>", "exec"), namespace)
    return namespace


def graded_points(module, name, written=True):
    """{grade_id: points} of every graded cell of the release notebook, in notebook order
    (autograded tests, and hand-graded answers unless ``written`` is False), so that
    expected scores follow the module as it is now."""
    return {
        meta["grade_id"]: float(meta["points"])
        for cell in release_notebook(module, name).cells
        for meta in [cell.metadata.get("nbgrader", {})]
        if meta.get("grade") and (written or not meta.get("solution"))
    }


def auto_points(module, name):
    """{grade_id: points} of the autograded test cells of the release notebook, in order."""
    return graded_points(module, name, written=False)
