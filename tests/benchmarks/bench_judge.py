"""Benchmark: what deciding a notebook's test cells in the grader costs
(autograder.judge.JudgeOutsideKernel: replaying every check on the kernel's transcripts),
against running the same notebook in a kernel, as nbgrader autograde does, in the same run.

For each module, the source notebook (solved, hidden tests included, as autograde runs a
solved submission once nbgrader has put the hidden tests back) and the untouched release are
executed once in a real kernel (NBGRADER_EXECUTION=autograde, the learner's id set), then
judged ``--repeat`` times; prints the kernel's seconds, the judge's milliseconds per
notebook (median), and their ratio.

Run: .venv/bin/python tests/benchmarks/bench_judge.py [--repeat 20] [MODULE ...]
"""

import argparse
import copy
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from nbclient import NotebookClient  # noqa: E402

from autograder.judge import JudgeOutsideKernel  # noqa: E402
from course.checks import CHECKS  # noqa: E402
from course.checks.calls import TRANSCRIPT_MIME  # noqa: E402
from tests.kernel_checks import notebook_of  # noqa: E402
from tests.notebooks import release_notebook, source_notebook  # noqa: E402

LEARNER = "bench-learner"


def executed(nb, folder):
    """``nb`` run top to bottom as autograde runs it; the seconds it took."""
    os.environ.update(NBGRADER_EXECUTION="autograde", LEVERAGE_LEARNER=LEARNER)
    start = time.perf_counter()
    NotebookClient(
        nb, timeout=120, allow_errors=True, resources={"metadata": {"path": str(folder)}}
    ).execute()
    return time.perf_counter() - start


def judged(nb, module, repeat):
    """The median seconds the judge takes to decide every test cell of ``nb``."""
    resources = {"nbgrader": {"assignment": module, "student": LEARNER}}
    judge = JudgeOutsideKernel()
    times = []
    for _ in range(repeat):
        copied = copy.deepcopy(nb)
        start = time.perf_counter()
        judge.preprocess(copied, resources)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def calls_in(nb):
    transcripts = [
        output["data"][TRANSCRIPT_MIME]
        for cell in nb.cells
        for output in cell.get("outputs", [])
        if TRANSCRIPT_MIME in output.get("data", {})
    ]
    return len(transcripts), sum(len(t["calls"]) for t in transcripts)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", default=list(CHECKS))
    parser.add_argument("--repeat", type=int, default=20)
    options = parser.parse_args()
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as folder:
        for module in options.modules:
            name = notebook_of(module)
            for kind, nb in (
                ("solved", source_notebook(module, name)),
                ("untouched", release_notebook(module, name)),
            ):
                kernel = executed(nb, folder)
                judge = judged(nb, module, options.repeat)
                transcripts, calls = calls_in(nb)
                print(
                    f"{module} {kind}: kernel {kernel:.2f} s; judge {judge * 1000:.1f} ms "
                    f"({transcripts} transcripts, {calls} calls); judge/kernel "
                    f"{judge / kernel:.4f}"
                )


if __name__ == "__main__":
    main()
