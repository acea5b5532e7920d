"""Benchmark: how long a learner waits for each module.

Prints, each against a baseline measured in this same run:
- `import course` in a fresh interpreter, against a bare interpreter start;
- every module's source notebook (solutions in, every hidden test run) executed top to
  bottom in a fresh kernel, against a one-cell notebook in a fresh kernel (the kernel's
  own start-up). The target is under 15 s per module on the course's 2-core machine.

Run: .venv/bin/python tests/benchmarks/bench_notebooks.py [--repeat N] [MODULE ...]
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient
from timing import median_seconds  # tests/benchmarks/timing.py: run as a script

ROOT = Path(__file__).resolve().parents[2]

#: Seconds a module's notebook may take, top to bottom, on this machine (issue 7).
TARGET = 15.0


def run_python(code):
    subprocess.run([sys.executable, "-c", code], check=True)


def execute(nb, folder):
    NotebookClient(nb, timeout=300, resources={"metadata": {"path": str(folder)}}).execute()


def built_course(folder, modules):
    """A course folder with ``modules`` built from their jupytext sources."""
    from autograder.build import build

    course_root = Path(folder)
    shutil.copy(ROOT / "nbgrader_config.py", course_root)
    for module in modules:
        shutil.copytree(
            ROOT / "source" / module,
            course_root / "source" / module,
            ignore=shutil.ignore_patterns("*.ipynb"),
        )
    build(course_root, modules)
    return course_root


def main():
    from autograder.build import modules as all_modules

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("modules", nargs="*", help="modules to time (default: all)")
    arguments = parser.parse_args()
    repeat, modules = arguments.repeat, arguments.modules or all_modules(ROOT)

    bare = median_seconds(lambda: run_python("pass"), repeat)
    with_course = median_seconds(lambda: run_python("import course"), repeat)
    print(
        f"import course: {with_course * 1000:.0f} ms vs bare interpreter {bare * 1000:.0f} ms "
        f"(ratio {with_course / bare:.2f}, import cost {(with_course - bare) * 1000:.0f} ms)"
    )

    os.environ["LEVERAGE_LEARNER"] = "bench"
    with tempfile.TemporaryDirectory() as folder:
        os.environ["XDG_DATA_HOME"] = folder  # the checks' passes stay out of your own record
        course_root = built_course(folder, modules)
        one_cell = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")])
        baseline = median_seconds(
            lambda: execute(nbformat.from_dict(one_cell), course_root), repeat
        )
        print(f"one-cell notebook in a fresh kernel (baseline): {baseline:.2f} s")
        for module in modules:
            for notebook in sorted((course_root / "source" / module).glob("*.ipynb")):
                full = median_seconds(
                    lambda nb=notebook: execute(nbformat.read(nb, as_version=4), nb.parent),
                    repeat,
                )
                verdict = "under" if full < TARGET else "OVER"
                print(
                    f"{module}/{notebook.name} top to bottom: {full:.2f} s "
                    f"(ratio {full / baseline:.2f} to the baseline, {verdict} the {TARGET:g} s target)"
                )


if __name__ == "__main__":
    main()
