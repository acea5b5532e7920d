"""The package's shape: light imports and the walls between its parts (DESIGN.md)."""

import ast
import subprocess
import sys

import pytest

from tests.conftest import ROOT

HEAVY = ("pandas", "matplotlib", "ipywidgets", "numpy", "nbgrader")


def modules_loaded_by(statement):
    code = f"import sys; {statement}; print(' '.join(sorted(m for m in {HEAVY!r} if m in sys.modules)))"
    return subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout.split()


@pytest.mark.parametrize(
    "statement",
    [
        "import course",
        "import course; course.variant('02_batna', 'ada')",
        "import course.checks.batna",
    ],
)
def test_importing_the_course_stays_light(statement):
    assert modules_loaded_by(statement) == []


def imports_of(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            yield node.module


# (folder, imports it must never have): DESIGN.md's walls
WALLS = [
    ("course/models", ("course.engine", "course.widgets", "ipywidgets", "autograder")),
    ("course/engine", ("course.widgets", "ipywidgets", "autograder")),
    ("course", ("autograder",)),
    ("autograder", ("course.widgets", "ipywidgets")),
]


@pytest.mark.parametrize(("folder", "forbidden"), WALLS)
def test_the_walls_between_parts_hold(folder, forbidden):
    for path in (ROOT / folder).rglob("*.py"):
        for name in imports_of(path):
            assert not name.startswith(forbidden), f"{path.relative_to(ROOT)} imports {name}"


def test_the_leverage_command_explains_itself():
    result = subprocess.run(
        [sys.executable, "-m", "autograder.cli", "--help"], capture_output=True, text=True
    )
    assert result.returncode == 0 and "build" in result.stdout


@pytest.mark.parametrize("command", [["check", "."], ["format", "--check", "."]])
def test_the_code_is_linted_and_formatted(command):
    result = subprocess.run(
        [sys.executable, "-m", "ruff", *command], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_only_the_benchmarks_import_negmas():
    """NegMAS is AGPL: a benchmark may compare against it; nothing that ships may use it."""
    for folder in ("course", "autograder", "tests"):
        for path in (ROOT / folder).rglob("*.py"):
            if "benchmarks" in path.parts:
                continue
            assert not any(name.split(".")[0] == "negmas" for name in imports_of(path)), path
