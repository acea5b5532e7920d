"""`leverage build`: jupytext sources -> source notebooks -> release notebooks.

Steps, in order:

1. Each ``source/<module>/<name>.py`` (a jupytext percent script, the file people edit)
   becomes ``source/<module>/<name>.ipynb`` beside it; the notebook is rewritten only
   when its content changed.
2. ``nbgrader generate_assignment <module>`` makes ``release/<module>/`` (solutions and
   hidden tests removed, checksums added) and registers the assignment in the gradebook,
   which ``nbgrader autograde`` needs. It runs from the course root so that the course's
   ``nbgrader_config.py`` applies.
3. Every built notebook is normalised: no outputs or execution counts, cell ids derived
   from the cell's ``grade_id`` or position, keys sorted. So the same source always gives
   byte-identical files, and CI can prove ``release/`` is in sync with ``source/``.
"""

import os
import subprocess
import sys
from pathlib import Path

import jupytext
import nbformat

KERNELSPEC = {"display_name": "Python 3 (ipykernel)", "language": "python", "name": "python3"}


def modules(root):
    """The modules (assignment folders) under ``root/source`` that have jupytext sources."""
    return sorted(p.name for p in (Path(root) / "source").iterdir() if any(p.glob("*.py")))


def normalise(nb):
    """Strip outputs and give every cell a stable id, so rebuilding changes no byte."""
    nb.metadata = {"kernelspec": KERNELSPEC, "language_info": {"name": "python"}}
    for index, cell in enumerate(nb.cells):
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        cell.id = grade_id if grade_id else f"cell-{index:03d}"
        cell.metadata.pop("jupytext", None)
        if cell.cell_type == "code":
            cell.outputs = []
            cell.execution_count = None
    return nb


def write_if_changed(nb, path):
    """Write ``nb`` to ``path`` unless the file already holds exactly that; True if written."""
    text = nbformat.writes(nb) + "\n"
    path = Path(path)
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return False
    path.write_text(text, encoding="utf-8")
    return True


def build_sources(root, module):
    """Step 1: turn each jupytext script of ``module`` into a normalised notebook."""
    built = []
    for script in sorted((Path(root) / "source" / module).glob("*.py")):
        nb = normalise(jupytext.read(script, fmt="py:percent"))
        nbformat.validate(nb)
        write_if_changed(nb, script.with_suffix(".ipynb"))
        built.append(script.with_suffix(".ipynb"))
    return built


def run_nbgrader(root, *arguments):
    """Run ``nbgrader ARGUMENTS`` in the course root with this interpreter; raise on failure.

    The interpreter's bin folder goes first on PATH: nbgrader 0.9.6 runs the ``alembic``
    executable by name when it creates a gradebook, which fails from an unactivated venv.
    """
    bin_folder = str(Path(sys.executable).parent)
    env = {**os.environ, "PATH": bin_folder + os.pathsep + os.environ.get("PATH", "")}
    command = [sys.executable, "-m", "nbgrader", *arguments]
    result = subprocess.run(command, cwd=root, capture_output=True, text=True, env=env)
    if result.returncode != 0:
        raise RuntimeError(f"nbgrader {' '.join(arguments)} failed:\n{result.stderr[-4000:]}")
    return result


def generate_release(root, module):
    """Steps 2 and 3: run nbgrader generate_assignment, then normalise what it wrote."""
    run_nbgrader(root, "generate_assignment", module, "--force")
    released = sorted((Path(root) / "release" / module).glob("*.ipynb"))
    for path in released:
        write_if_changed(normalise(nbformat.read(path, as_version=4)), path)
    return released


def build(root=".", only=None):
    """Build every module (or those in ``only``); returns the release notebooks written."""
    root = Path(root).resolve()
    released = []
    for module in only or modules(root):
        build_sources(root, module)
        released += generate_release(root, module)
    return released
