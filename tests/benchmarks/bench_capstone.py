"""Benchmark: how long a learner waits for the capstone (module 05).

Prints, each against a baseline measured in this same run:
- the source notebook (solutions in, every hidden test run) executed top to bottom in a
  fresh kernel, against a one-cell notebook in a fresh kernel (the kernel's own start-up);
  the target is under 15 s;
- one click at the table (an offer sent, Marlow's answer drawn, history and chart
  redrawn), against building the table (the same work without an offer).

Run: .venv/bin/python tests/benchmarks/bench_capstone.py [--repeat N]
"""

import argparse
import os
import random
import shutil
import statistics
import tempfile
import time
from pathlib import Path

import nbformat
from bench_notebooks import ROOT, execute, median_seconds

MODULE = "05_capstone"


def notebook_seconds(repeat):
    """(capstone notebook, one-cell notebook) median seconds in fresh kernels."""
    from autograder.build import build

    with tempfile.TemporaryDirectory() as folder:
        course_root = Path(folder)
        shutil.copy(ROOT / "nbgrader_config.py", course_root)
        shutil.copytree(
            ROOT / "source" / MODULE,
            course_root / "source" / MODULE,
            ignore=shutil.ignore_patterns("*.ipynb"),
        )
        build(course_root, [MODULE])
        notebook = course_root / "source" / MODULE / "capstone.ipynb"
        one_cell = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("1 + 1")])
        baseline = median_seconds(
            lambda: execute(nbformat.from_dict(one_cell), course_root), repeat
        )
        full = median_seconds(
            lambda: execute(nbformat.read(notebook, as_version=4), notebook.parent), repeat
        )
    return full, baseline


def click_seconds(repeat):
    """(one offer sent at the table, building the table) median seconds."""
    import course
    from course.checks.capstone import opening_of
    from course.scenarios.capstone import reservation_of
    from course.widgets.capstone import NegotiationTable

    case = course.variant(MODULE, "bench")

    def table():
        return NegotiationTable(case, reservation_of, opening_of, "boulware", random.Random(1))

    clicks = []
    for _ in range(repeat):
        fresh = table()
        start = time.perf_counter()
        fresh.send.click()
        clicks.append(time.perf_counter() - start)
    return statistics.median(clicks), median_seconds(table, repeat)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    repeat = parser.parse_args().repeat
    os.environ["LEVERAGE_LEARNER"] = "bench"

    full, baseline = notebook_seconds(repeat)
    print(
        f"capstone notebook top to bottom: {full:.2f} s vs one-cell notebook {baseline:.2f} s "
        f"(ratio {full / baseline:.2f}, the notebook's own work {full - baseline:.2f} s; "
        "target under 15 s)"
    )
    click, build_only = click_seconds(repeat * 20)
    print(
        f"one offer at the table: {click * 1000:.1f} ms vs building the table "
        f"{build_only * 1000:.1f} ms (ratio {click / build_only:.2f})"
    )


if __name__ == "__main__":
    main()
