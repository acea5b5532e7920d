"""The package's shape: light imports and the walls between its parts (DESIGN.md)."""

import ast
import os
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


# each module's scenario and checks: what a notebook's first cell loads
MODULE_CHECKS = {
    "00_leverage": "leverage",
    "01_information": "information",
    "02_batna": "batna",
    "03_power": "power",
    "04_concessions": "concessions",
    "05_capstone": "capstone",
}


@pytest.mark.parametrize(
    "statement",
    [
        "import course",
        "import course; course.progress()",
        *(
            f"import course, course.checks.{checks}; course.variant('{module}', 'ada')"
            for module, checks in MODULE_CHECKS.items()
        ),
    ],
)
def test_importing_the_course_stays_light(statement):
    assert modules_loaded_by(statement) == []


def test_reading_a_notebook_does_not_build_grammars_for_a_format_nobody_checks():
    """jsonschema 4.25+ imports rfc3987_syntax (38 Lark grammars, ~3 s of CPU) in every
    process that imports nbformat; pyproject.toml keeps jsonschema below it."""
    code = "import sys, nbformat, jsonschema; print('rfc3987_syntax' in sys.modules)"
    loaded = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert loaded.stdout.split() == ["False"], loaded.stderr[-2000:]


def test_every_module_is_checked_for_light_imports():
    from autograder.build import modules

    assert sorted(MODULE_CHECKS) == modules(ROOT)


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


def test_tests_of_one_xdist_group_run_on_one_worker(tmp_path):
    """The workshop and hub tests rely on `--dist loadgroup` keeping a group on one worker
    (pytest 9 with pytest-xdist 3.8 silently stopped doing so)."""
    (tmp_path / "test_grouped.py").write_text(
        "import os, pathlib, pytest\n"
        "pytestmark = pytest.mark.xdist_group('together')\n"
        "@pytest.mark.parametrize('n', range(6))\n"
        "def test_grouped(n):\n"
        "    out = pathlib.Path(os.environ['GROUP_OUT'], f'{n}.worker')\n"
        "    out.write_text(os.environ['PYTEST_XDIST_WORKER'])\n"
    )
    (tmp_path / "test_free.py").write_text(
        "import pytest\n@pytest.mark.parametrize('n', range(6))\ndef test_free(n):\n    pass\n"
    )
    command = [sys.executable, "-m", "pytest", "-n", "2", "--dist", "loadgroup", "-q"]
    result = subprocess.run(
        [*command, "-p", "no:cacheprovider", "test_grouped.py", "test_free.py"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**os.environ, "GROUP_OUT": str(tmp_path)},
        timeout=120,
    )
    assert result.returncode == 0, result.stdout[-2000:]
    workers = {path.read_text() for path in tmp_path.glob("*.worker")}
    assert len(workers) == 1, f"one group ran on {sorted(workers)}"


def test_views_never_hide_a_widget_method_behind_an_attribute():
    """A view storing a button as ``self.send`` hides ``Widget.send``, which ipywidgets uses
    for custom messages; every ``self.<name> = ...`` in the views must leave methods alone."""
    import inspect

    import ipywidgets

    methods = {
        name
        for klass in inspect.getmro(ipywidgets.VBox)
        for name, member in vars(klass).items()
        if callable(member) and not name.startswith("__")
    }
    clashes = []
    for path in sorted((ROOT / "course" / "widgets").glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text())):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.ctx, ast.Store)
                and isinstance(node.value, ast.Name)
                and node.value.id == "self"
                and node.attr in methods
            ):
                clashes.append(f"{path.name}:{node.lineno} self.{node.attr}")
    assert not clashes
