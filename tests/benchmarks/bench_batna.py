"""Benchmark: how long a learner waits for the BATNA module.

Prints, each against a baseline measured in this same run:
- `import course` in a fresh interpreter, against a bare interpreter start;
- the source notebook (solutions in, every test run) executed top to bottom in a fresh
  kernel, against a one-cell notebook in a fresh kernel (the kernel's own start-up).

Run: .venv/bin/python tests/benchmarks/bench_batna.py [--repeat N]
"""

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[2]


def median_seconds(action, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def run_python(code):
    subprocess.run([sys.executable, "-c", code], check=True)


def execute(nb, folder):
    NotebookClient(nb, timeout=300, resources={"metadata": {"path": str(folder)}}).execute()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args().repeat

    bare = median_seconds(lambda: run_python("pass"), repeat)
    with_course = median_seconds(lambda: run_python("import course"), repeat)
    print(
        f"import course: {with_course * 1000:.0f} ms vs bare interpreter {bare * 1000:.0f} ms "
        f"(ratio {with_course / bare:.2f}, import cost {(with_course - bare) * 1000:.0f} ms)"
    )

    import os

    from autograder.build import build

    os.environ["LEVERAGE_LEARNER"] = "bench"
    with tempfile.TemporaryDirectory() as folder:
        course_root = Path(folder)
        shutil.copy(ROOT / "nbgrader_config.py", course_root)
        shutil.copytree(
            ROOT / "source", course_root / "source", ignore=shutil.ignore_patterns("*.ipynb")
        )
        build(course_root)
        notebook = course_root / "source" / "02_batna" / "batna.ipynb"
        empty = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")])
        baseline = median_seconds(
            lambda: execute(nbformat.v4.new_notebook(**empty), course_root), repeat
        )
        full = median_seconds(
            lambda: execute(nbformat.read(notebook, as_version=4), notebook.parent), repeat
        )
    print(
        f"BATNA notebook top to bottom: {full:.2f} s vs one-cell notebook {baseline:.2f} s "
        f"(ratio {full / baseline:.2f}, the notebook's own work {full - baseline:.2f} s)"
    )


if __name__ == "__main__":
    main()
