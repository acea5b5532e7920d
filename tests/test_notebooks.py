"""The notebooks in both directions: the source passes every test under `nbgrader validate`,
the untouched release passes none, and release/ is exactly what the source builds."""

import json
import re
import subprocess
import sys

import nbformat
import pytest

from autograder.build import modules
from tests.conftest import ROOT

pytestmark = pytest.mark.slow
MODULES = modules(ROOT)


def nbgrader(course_root, *arguments):
    return subprocess.run(
        [sys.executable, "-m", "nbgrader", *arguments],
        cwd=course_root,
        capture_output=True,
        text=True,
        timeout=300,
    )


def released(module):
    return sorted((ROOT / "release" / module).glob("*.ipynb"))


def test_every_module_with_a_source_has_a_release():
    assert "02_batna" in MODULES
    for module in MODULES:
        sources = sorted(p.stem for p in (ROOT / "source" / module).glob("*.py"))
        assert sources == [p.stem for p in released(module)], f"run `leverage build` for {module}"


@pytest.mark.parametrize("module", MODULES)
def test_the_source_passes_all_its_tests(built_module, module):
    course = built_module(module)
    for notebook in sorted((course / "source" / module).glob("*.ipynb")):
        result = nbgrader(course, "validate", str(notebook))
        assert "Success! Your notebook passes all the tests." in result.stdout, result.stdout


@pytest.mark.parametrize("module", MODULES)
def test_the_untouched_release_passes_none(built_module, module):
    for notebook in released(module):
        result = nbgrader(built_module(module), "validate", "--invert", str(notebook))
        assert "Success! The notebook does not pass any tests." in result.stdout, result.stdout


@pytest.mark.parametrize("module", MODULES)
def test_release_is_byte_identical_to_a_rebuild(built_module, module):
    for committed in released(module):
        rebuilt = built_module(module) / "release" / module / committed.name
        assert rebuilt.read_bytes() == committed.read_bytes(), (
            f"{committed.relative_to(ROOT)} is out of date: run `leverage build` and commit it"
        )


@pytest.mark.parametrize("module", MODULES)
def test_the_release_gives_nothing_away(module):
    for path in released(module):
        text = path.read_text(encoding="utf-8")
        nb = json.loads(text)
        assert "BEGIN SOLUTION" not in text and "HIDDEN TESTS" not in text
        assert "hidden=True" not in text
        assert not any(cell.get("outputs") for cell in nb["cells"] if cell["cell_type"] == "code")
        assert not (ROOT / "release" / module / f"{path.stem}.py").exists()


@pytest.mark.parametrize("module", MODULES)
def test_the_notebook_opens_with_its_title(module):
    """The first cell is the module's title, one level-1 heading: the table of contents and
    the browser tests start there (review 72's length cut demoted module 00's to level 2)."""
    for path in released(module):
        first = "".join(json.loads(path.read_text(encoding="utf-8"))["cells"][0]["source"])
        assert re.match(r"# Module \d\d — ", first), (path.name, first[:60])


@pytest.mark.parametrize("module", MODULES)
def test_every_test_cell_says_what_it_checks(module):
    for path in released(module):
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            meta = cell["metadata"].get("nbgrader", {})
            if meta.get("grade") and not meta.get("solution"):
                assert "".join(cell["source"]).startswith('"""Check that '), meta["grade_id"]


@pytest.mark.parametrize("module", MODULES)
def test_a_new_learner_first_sees_a_form_not_a_traceback(module, tmp_path, monkeypatch):
    """Issue 19: with no course id known, the release notebook's setup cell used to end in a
    30-line LookupError traceback. Run it in a real kernel as a new learner would: it shows
    the course-id form and no error."""
    from nbclient import NotebookClient

    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))  # this learner has saved no id
    for path in released(module):
        nb = nbformat.read(path, as_version=4)
        setup = next(
            i
            for i, c in enumerate(nb.cells)
            if c.metadata.get("nbgrader", {}).get("grade_id") == "setup"
        )
        nb.cells = nb.cells[: setup + 1]
        NotebookClient(
            nb, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
        ).execute()
        outputs = nb.cells[setup].outputs
        assert not [o for o in outputs if o.output_type == "error"], outputs
        assert any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in outputs)


#: A question's heading and what it is worth: "### Question 2 (2 marks): ...", "(½ mark)" or
#: "## 8. Reflection (2 marks, graded by your instructor)".
WORTH = re.compile(r"^#+ (?:Question [\w.]+|\d+\. Reflection)[^(\n]*\((\d+|\d*½) (\w+)\b", re.M)


@pytest.mark.parametrize("module", MODULES)
def test_every_question_says_in_marks_what_nbgrader_gives_it(module):
    """Questions are worth marks across the course; points are a scenario's units (Orchard's
    and Marlow's points, the leverage scale). Modules 01, 02, 03 and 05 headed their
    questions in points, beside package points, while modules 00 and 04 said marks. Each
    heading's marks are the points nbgrader gives the graded cells under it."""
    for path in released(module):
        worth = {}
        heading = None
        for cell in json.loads(path.read_text(encoding="utf-8"))["cells"]:
            meta = cell["metadata"].get("nbgrader", {})
            found = (
                WORTH.findall("".join(cell["source"])) if cell["cell_type"] == "markdown" else []
            )
            if found:
                (marks, unit), *_ = found
                assert unit in ("mark", "marks"), (module, cell["source"][0])
                heading = "".join(cell["source"]).splitlines()[0]
                worth[heading] = [int(marks.rstrip("½") or 0) + 0.5 * marks.endswith("½"), 0]
            if meta.get("grade"):
                assert heading, (module, meta["grade_id"])
                worth[heading][1] += meta["points"]
        assert worth and all(said == given for said, given in worth.values()), worth


#: Phrasings the course retired, each with the words it now uses for the same idea. "What
#: the other side expects you to settle for" read as the expected settlement to one reader
#: and as the other side's estimate of your reservation price to another; the rule for
#: mentioning an alternative means the second, in every module. "A threat you would not carry
#: out" called false warnings threats, though modules 00 to 03 define a warning as a demand
#: tied to what you would do anyway (review 69 C1).
RETIRED = {
    "expects you to settle for": "believes is the least you would accept",
    "a threat you would not carry out": "a threat or warning you would not carry out",
}


def _as_read(path):
    """A source file's text with comment markers, line breaks and string joins taken out,
    so that a phrase wrapped over two lines of a notebook or of a hint still reads whole."""
    text = re.sub(r"\"\s*\n\s*f?\"", "", path.read_text(encoding="utf-8"))
    return re.sub(r"\s*\n\s*#?\s*", " ", text)


def test_each_idea_is_said_one_way_across_the_course():
    """Every notebook source and every course file a learner's text comes from."""
    for path in sorted([*ROOT.glob("source/*/*.py"), *ROOT.glob("course/**/*.py")]):
        text = _as_read(path)
        for retired, instead in RETIRED.items():
            assert retired not in text, f"{path.relative_to(ROOT)}: say '{instead}'"
