"""Which cells a learner wrote reach into the course's own working (answer keys, private
names, a function's insides), as the class report names them; and which never do: the
learner's own names, and the course's own cells."""

import importlib
import inspect
import pkgutil

import nbformat
import pytest

import course
from autograder.integrity import course_internals, described, named_in, reaches_in
from autograder.report import reaching


def a_key():
    """The name of one of the course's answer keys (any will do)."""
    return next(name for name, kind in course_internals().items() if kind == "answer key")


def a_private_name():
    return next(name for name, kind in sorted(course_internals().items()) if kind == "private")


def answer_cell(source, grade_id="q1-answer"):
    cell = nbformat.v4.new_code_cell(source)
    cell.metadata["nbgrader"] = {"solution": True, "grade": False, "grade_id": grade_id}
    return cell


def course_cell(source):
    cell = nbformat.v4.new_code_cell(source)
    cell.metadata["nbgrader"] = {"solution": False, "grade": False, "locked": True}
    return cell


def notebook(*cells):
    nb = nbformat.v4.new_notebook()
    nb.cells = list(cells)
    return nb


def test_every_answer_key_of_the_course_is_known_from_its_source():
    """The names are read from the source, without importing; every function the running
    course marks as an answer key must be among them."""
    marked = set()
    for info in pkgutil.walk_packages(course.__path__, "course."):
        module = importlib.import_module(info.name)
        for value in vars(module).values():
            members = [value]
            if inspect.isclass(value) and value.__module__ == module.__name__:
                members += [m for m in vars(value).values()]
            for member in members:
                member = getattr(member, "fget", member)  # a property's getter
                if getattr(member, "answer_key", False) is True:
                    marked.add(member.__name__)
    assert marked, "the course marks no answer key"
    internals = course_internals()
    assert {name: internals.get(name) for name in marked} == dict.fromkeys(marked, "answer key")


@pytest.mark.parametrize(
    "source, named",
    [
        ("from course.checks.batna import {key}\nanswer = {key}(s)", "{key}"),
        ("import course.scenarios.batna as b\nanswer = b.{key}(s)", "{key}"),
        ("answer = check.reference.{key}(s)", "{key}"),
        ("answer = fact.{private}", "{private}"),
        ("answer = getattr(fact, '{private}')", "{private}"),
        ("from course.checks.calls import course_at_work", "course_at_work"),
        ("key = check.it.__closure__[0].cell_contents", "__closure__"),
        ("inner = getattr(check.it, '__globals__')", "__globals__"),
        ("from course.scenarios.batna import *", "course.scenarios.batna.*"),
        ("%time x = check.reference.{key}(s)", "{key}"),  # IPython's syntax parses
        ("exec('answer = check.reference.{key}(s)')", "{key}"),
        ("check.tactic_kinds(mine, hidden=True)", "check.tactic_kinds(..., hidden=...)"),
        ("import os\nos.environ['NBGRADER_EXECUTION'] = 'autograde'", "NBGRADER_EXECUTION"),
        ("os.environ.update(LEVERAGE_HIDDEN_CASES='k')", "LEVERAGE_HIDDEN_CASES"),
        ("from course.variants import hidden_cases_as", "hidden_cases_as"),
        ("from course.variants import learner_as", "learner_as"),
        ("import course.checks.batna as c\nc.PRACTICE_LEARNERS = ('me',)", "c.PRACTICE_LEARNERS"),
        ("import course\ncourse.variants.variant = lambda *a: None", "course.variants.variant"),
        ("from course.checks import power as c\nsetattr(c, 'X', 1)", "setattr(c, ...)"),
        ("from course.checks import power as c\ndel c.HIDDEN_LEARNERS", "c.HIDDEN_LEARNERS"),
    ],
)
def test_a_cell_that_reaches_in_is_named_with_what_it_names(source, named):
    fill = {"key": a_key(), "private": a_private_name()}
    found = named_in(source.format(**fill))
    assert named.format(**fill) in found, found


def test_the_learners_own_names_are_theirs():
    """A learner's function may share a name with a key, and their own class its private
    attributes; neither is named."""
    key, private = a_key(), a_private_name()
    source = (
        f"def {key}(s):\n    return helper(s)\n\n"
        f"class Mine:\n    def __init__(self):\n        self.{private} = 1\n\n"
        f"    def total(self):\n        return self.{private} + {key}(None)\n"
        "from course.models.batna import nash_split\n"
        "answer = 'a sentence' + str(len([1, 2]))\n"
        "check.tactic_kinds(mine, hidden=False)\n"
        "mine = Mine()\nmine.PRACTICE_LEARNERS = ()\n"  # their own object's attribute
    )
    assert named_in(source) == {}
    assert named_in("def broken(:\n    return") == {}  # does not parse: nothing to say


def test_a_cell_that_changes_a_course_module_imported_by_the_notebook_is_named():
    """The notebook's own cell imports the checks as ``check``; a learner's cell that points
    them at another case is named, though the cell itself imports nothing."""
    nb = notebook(
        course_cell("from course.checks import batna as check"),
        answer_cell("check.PRACTICE_LEARNERS = ('ada',)\nlabels = []", "keyed-answer"),
        nbformat.v4.new_code_cell("check.__dict__['variant'] = None\ncheck.variant = None"),
    )
    assert reaches_in(nb) == [
        ("keyed-answer", {"check.PRACTICE_LEARNERS": "rebinds"}),
        ("cell 3", {"check.__dict__": "rebinds", "check.variant": "rebinds"}),
    ]


def test_only_the_cells_the_learner_wrote_are_read():
    key = a_key()
    nb = notebook(
        course_cell(f"from course.checks.batna import {key}"),  # the course's own cell
        answer_cell("def mine(s):\n    return s.price\n", "clean-answer"),
        answer_cell(f"answer = check.reference.{key}(s)", "keyed-answer"),
        nbformat.v4.new_markdown_cell(f"I did not use `check.reference.{key}`"),
        nbformat.v4.new_code_cell("x = f.__closure__"),  # a cell of the learner's own
    )
    assert reaches_in(nb) == [
        ("keyed-answer", {key: "answer key"}),
        ("cell 5", {"__closure__": "insides"}),
    ]
    assert reaching([("ada", nb), ("ben", notebook(answer_cell("x = 1")))]) == {
        "ada": reaches_in(nb)
    }
    assert described({key: "answer key", "__closure__": "insides"}) == (
        f"__closure__ (takes a function apart), {key} (an answer key)"
    )
