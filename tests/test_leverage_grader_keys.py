"""Review 64 X1: the labels that grade question 1 on a learner's own case (each fact's
source and side) are not in the installed package but in the course root's
``grader-keys/00_leverage.json`` (``course.grader_keys``), which only the grader reads. A
kernel without the keys draws the same scenario, runs every cell and gets the form-only
visible check; grading marks as before (``test_grading_leverage``)."""

import ast
import json
import tomllib
from pathlib import Path

import pytest
from setuptools import find_packages

import course
from course.checks import leverage as check
from course.grader_keys import FOLDER, VARIABLE, KeysNotHere
from course.scenarios.leverage import _FACTS, _PRACTICE_FACTS, fact_key
from tests.grading import executed_as
from tests.notebooks import solved

ROOT = Path(__file__).resolve().parent.parent
MODULE = "00_leverage"


def _installed_files():
    """Every file pyproject's packages install: the packages it finds, with their data."""
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    include = config["tool"]["setuptools"]["packages"]["find"]["include"]
    packages = find_packages(where=ROOT, include=include)
    for package in packages:
        folder = ROOT / package.replace(".", "/")
        yield from (path for path in folder.iterdir() if path.is_file())


def test_the_installed_package_holds_no_label_of_a_learners_fact():
    keys = json.loads((ROOT / FOLDER / f"{MODULE}.json").read_text(encoding="utf-8"))["facts"]
    assert set(keys) == {fact.text for fact in _FACTS}
    files = list(_installed_files())
    assert files and not any(FOLDER in path.parts for path in files)
    assert not any(path.suffix == ".json" and "facts" in path.read_text() for path in files)
    # the package's own facts are built from a case and a text alone: no label beside them
    tree = ast.parse((ROOT / "course/scenarios/leverage.py").read_text(encoding="utf-8"))
    (facts,) = [
        node.value
        for node in tree.body
        if isinstance(node, ast.Assign) and getattr(node.targets[0], "id", "") == "_FACTS"
    ]
    for call in facts.elts:
        assert len(call.args) == 2, ast.unparse(call)
        assert {kw.arg for kw in call.keywords} <= {"tricky"}, ast.unparse(call)
    for fact in _FACTS:
        assert (fact.given_source, fact.given_side) == ("", ""), fact.text
        assert fact.tricky == bool(keys[fact.text][2]), fact.text
    # the practice facts, judged item by item in the learner's kernel, keep theirs
    assert all(fact.given_source and fact.given_side for fact in _PRACTICE_FACTS)


@pytest.fixture
def without_keys(monkeypatch, tmp_path):
    monkeypatch.setenv(VARIABLE, str(tmp_path))  # an empty folder: no keys here
    return tmp_path


def test_without_the_keys_the_draw_and_the_visible_check_still_work(
    without_keys, monkeypatch, capsys
):
    monkeypatch.setenv("LEVERAGE_LEARNER", "keys-away-1")
    s = course.variant(MODULE, "keys-away-1")
    with pytest.raises(KeysNotHere, match="read only where the course is graded"):
        fact_key(s)
    with pytest.raises(KeysNotHere):
        _ = _FACTS[0]._source
    practice = check.practice_for(s)
    assert fact_key(practice)  # the practice case's labels stay in the package
    answer = {letter: ("power", "you") for letter in s.facts}
    check.classify_facts(lambda: answer)
    assert "has the right form" in capsys.readouterr().out


@pytest.mark.slow
def test_a_kernel_without_the_keys_runs_the_notebook_top_to_bottom(without_keys, tmp_path):
    nb = executed_as(solved(MODULE, "leverage"), "keys-away-2", tmp_path)
    errors = [
        (cell.metadata.get("nbgrader", {}).get("grade_id"), output.get("ename"))
        for cell in nb.cells
        for output in cell.get("outputs", [])
        if output.get("output_type") == "error"
    ]
    assert not errors, errors  # above all, no key that is not here
    (q1,) = [
        c
        for c in nb.cells
        if c.metadata.get("nbgrader", {}).get("grade_id") == "fact-leverage-test"
    ]
    shown = "".join(output.get("text", "") for output in q1.outputs)
    assert "Your answer has the right form" in shown, q1.outputs
