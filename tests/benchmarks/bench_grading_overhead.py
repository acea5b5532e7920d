"""Benchmark: what grading one learner costs beyond running their notebook, now and with
the overhead the grader no longer pays put back, in the same run, on module 02.

Each round grades the same class twice in fresh copies of one built course, the order
alternating between rounds: as the grader runs now, and as a baseline that puts back what
was removed (autograder/sandbox.py, autograder/nbgrader_hooks.py, autograder/run.py):

- after each cell, the processes the cell left were found by a scan of every process on
  the machine (psutil), not from the kernel's own /proc entries;
- plain `nbgrader autograde` waited for each finished kernel to stop (nbclient's graceful
  shutdown) instead of killing it;
- under `leverage grade`, each worker built matplotlib's font list itself, instead of
  inheriting the one its parent built.

Prints seconds per learner (wall, and the CPU seconds of the command's own processes,
which leave the machine's other load out), and the ratio baseline / now. On a shared
machine the wall figures move with other people's load: read the load averages and the
CPU figures, and repeat (--rounds).

Run: .venv/bin/python tests/benchmarks/bench_grading_overhead.py [--learners 5]
     [--rounds 3] [--path plain|leverage|both]
"""

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

MODULE, NAME = "02_batna", "batna"
BASELINE = "--baseline"  # first argument: run the command given after it as the baseline


def put_back_the_overhead():
    """Patch this process (and the workers it forks) to grade as before the change."""
    import psutil

    import autograder.nbgrader_hooks
    import autograder.run

    def scan_every_process(launcher_pid):
        try:
            return set(psutil.Process(launcher_pid).children(recursive=True))
        except psutil.NoSuchProcess:
            return set()

    autograder.nbgrader_hooks.kernel_processes = scan_every_process
    autograder.run.sandbox.warm = lambda: None  # each worker builds its own font list


def run_as_baseline(command):
    """``nbgrader ...`` or ``leverage ...``, with the overhead put back."""
    put_back_the_overhead()
    tool, *arguments = command
    if tool == "nbgrader":
        from nbgrader.apps.nbgraderapp import NbGraderApp

        sys.argv = ["nbgrader", *arguments, "--LearnerExecute.shutdown_kernel=graceful"]
        NbGraderApp.launch_instance()
    else:
        from autograder.cli import main

        sys.argv = ["leverage", *arguments]
        sys.exit(main())


def built_course(folder):
    from autograder.build import build

    folder.mkdir()
    shutil.copy(ROOT / "nbgrader_config.py", folder)
    shutil.copytree(ROOT / "source", folder / "source", ignore=shutil.ignore_patterns("*.ipynb"))
    build(folder, [MODULE])
    return folder


def course_with(base, learners, folder):
    shutil.copytree(base, folder)
    for learner, nb in learners.items():
        target = folder / "submitted" / learner / MODULE
        target.mkdir(parents=True)
        nbformat.write(nb, target / f"{NAME}.ipynb")
    return folder


def commands(path, folder, baseline):
    """The command that grades the class in ``folder`` along ``path``."""
    python = [sys.executable, __file__, BASELINE] if baseline else [sys.executable, "-m"]
    if path == "plain":
        return [*python, "nbgrader", "autograde", MODULE, "--force"]
    tool = "leverage" if baseline else "autograder.cli"
    return [*python, tool, "grade", MODULE, "--root", str(folder)]


def main():
    from tests.benchmarks.bench_autograde import class_of, measured

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=5)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--path", choices=["plain", "leverage", "both"], default="both")
    options = parser.parse_args()
    size = options.learners
    learners = class_of(size)
    paths = ["plain", "leverage"] if options.path == "both" else [options.path]
    os.environ["PATH"] = f"{Path(sys.executable).parent}{os.pathsep}{os.environ['PATH']}"
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    results = {(path, side): [] for path in paths for side in ("now", "baseline")}
    with tempfile.TemporaryDirectory() as scratch:
        scratch = Path(scratch)
        base = built_course(scratch / "built")
        for number in range(options.rounds):
            for path in paths:
                sides = ("now", "baseline") if number % 2 == 0 else ("baseline", "now")
                for side in sides:
                    folder = course_with(base, learners, scratch / f"{path}-{side}-{number}")
                    wall, cpu = measured(commands(path, folder, side == "baseline"), folder)
                    results[path, side].append((wall / size, cpu / size))
                    shutil.rmtree(folder)
                now, before = results[path, "now"][-1], results[path, "baseline"][-1]
                print(
                    f"round {number + 1}, {path}: {size} learners: now {now[0]:.2f} s per "
                    f"learner ({now[1]:.2f} CPU s), baseline {before[0]:.2f} s ({before[1]:.2f} "
                    f"CPU s); baseline / now: x{before[0] / now[0]:.2f} wall, "
                    f"x{before[1] / now[1]:.2f} CPU; load average {os.getloadavg()[0]:.1f}"
                )
    for path in paths:
        now, before = results[path, "now"], results[path, "baseline"]
        wall = statistics.median(b[0] / n[0] for b, n in zip(before, now, strict=True))
        cpu = statistics.median(b[1] / n[1] for b, n in zip(before, now, strict=True))
        print(
            f"{path}: median per learner now {statistics.median(n[0] for n in now):.2f} s "
            f"({statistics.median(n[1] for n in now):.2f} CPU s), baseline "
            f"{statistics.median(b[0] for b in before):.2f} s "
            f"({statistics.median(b[1] for b in before):.2f} CPU s); median ratio baseline / "
            f"now x{wall:.2f} wall, x{cpu:.2f} CPU"
        )


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == BASELINE:
        run_as_baseline(sys.argv[2:])
    else:
        main()
