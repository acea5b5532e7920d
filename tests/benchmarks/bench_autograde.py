"""Benchmark: a class of learners graded by plain sequential `nbgrader autograde` and by
`leverage grade` (sandbox on, default workers), in the same run, on module 02.

Prints seconds per submission for both, the speed-up, and whether every grade matches.
`leverage grade` also writes feedback and a report, so plain nbgrader is timed both
alone and followed by `nbgrader generate_feedback`.
Target on 2 cores: at least 1.7x faster, identical grades for honest submissions.

Run: .venv/bin/python tests/benchmarks/bench_autograde.py [--learners 40]
"""

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from autograder.build import build  # noqa: E402
from autograder.export import grades_frame  # noqa: E402
from tests.notebooks import release_notebook, solved  # noqa: E402

MODULE, NAME = "02_batna", "batna"


def class_of(size):
    """Honest submissions: most solved, some untouched, some with one wrong answer."""
    wrong = "def batna_needed(target, pie, their_batna):\n    return target\n"
    kinds = [
        solved(MODULE, NAME),
        solved(MODULE, NAME),
        release_notebook(MODULE, NAME),
        solved(MODULE, NAME, batna_needed_answer=wrong),
    ]
    return {f"learner-{n:03d}": kinds[n % len(kinds)] for n in range(size)}


def course_with(learners, folder):
    folder.mkdir()
    shutil.copy(ROOT / "nbgrader_config.py", folder)
    shutil.copytree(ROOT / "source", folder / "source", ignore=shutil.ignore_patterns("*.ipynb"))
    build(folder, [MODULE])
    for learner, nb in learners.items():
        target = folder / "submitted" / learner / MODULE
        target.mkdir(parents=True)
        nbformat.write(nb, target / f"{NAME}.ipynb")
    return folder


def timed(command, folder):
    start = time.perf_counter()
    result = subprocess.run(command, cwd=folder, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr[-3000:]}")
    return time.perf_counter() - start


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=40)
    size = parser.parse_args().learners
    learners = class_of(size)
    with tempfile.TemporaryDirectory() as scratch:
        plain = course_with(learners, Path(scratch) / "plain")
        ours = course_with(learners, Path(scratch) / "ours")
        bin_folder = str(Path(sys.executable).parent)
        env_path = f"PATH={bin_folder}:" + subprocess.os.environ.get("PATH", "")
        nbgrader_time = timed(
            ["env", env_path, sys.executable, "-m", "nbgrader", "autograde", MODULE], plain
        )
        feedback_time = timed(
            ["env", env_path, sys.executable, "-m", "nbgrader", "generate_feedback", MODULE], plain
        )
        leverage_time = timed(
            [
                "env",
                env_path,
                sys.executable,
                "-m",
                "autograder.cli",
                "grade",
                MODULE,
                "--root",
                str(ours),
            ],
            ours,
        )
        a = grades_frame(plain, MODULE).set_index("learner")
        b = grades_frame(ours, MODULE).set_index("learner")
        same = a.equals(b)
    both = nbgrader_time + feedback_time
    print(
        f"{size} submissions: nbgrader autograde {nbgrader_time / size:.2f} s each "
        f"(+ generate_feedback: {both / size:.2f} s each); leverage grade (sandboxed, parallel, "
        f"with feedback and report) {leverage_time / size:.2f} s each; speed-up "
        f"x{nbgrader_time / leverage_time:.2f} against autograde alone, x{both / leverage_time:.2f} "
        f"against autograde + feedback; identical grades: {same}"
    )


if __name__ == "__main__":
    main()
