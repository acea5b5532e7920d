"""Benchmark: a class of learners graded by plain sequential `nbgrader autograde` and by
`leverage grade` (sandbox on, default workers), in the same run, on module 02.

Prints seconds per submission for both, the speed-up, and whether every grade matches.
`leverage grade` also writes feedback and a report, so plain nbgrader is timed both
alone and followed by `nbgrader generate_feedback`. Plain nbgrader runs without the
sandbox (as it did before the course's config sandboxed it), the fastest baseline.
On a shared machine the wall-clock figures move with other people's load: repeat
(--rounds), read the load averages, and compare the CPU seconds per submission, which
count only the processes each command started.
Target on 2 cores: at least 1.7x faster, identical grades for honest submissions.

Run: .venv/bin/python tests/benchmarks/bench_autograde.py [--learners 40] [--rounds 3]
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
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
    """Honest submissions: most solved, some untouched, some with one wrong answer, some
    with half an answer (partial credit)."""
    wrong = "def batna_needed(target, pie, their_batna):\n    return target\n"
    half = (
        "def batna_needed(target, pie, their_batna):\n    return 2 * target - pie + their_batna\n"
    )
    kinds = [
        solved(MODULE, NAME),
        solved(MODULE, NAME),
        release_notebook(MODULE, NAME),
        solved(MODULE, NAME, batna_needed_answer=wrong),
        solved(MODULE, NAME, batna_needed_answer=half),
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


TICKS = os.sysconf("SC_CLK_TCK")


def _processes():
    """{pid: (parent pid, CPU seconds so far)} for every process on the machine."""
    table = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                text = Path("/proc", entry, "stat").read_text()
            except OSError:
                continue
            fields = text[text.rindex(")") + 2 :].split()
            table[int(entry)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / TICKS)
    return table


def _sample_family(pid, seen, stop):
    """Until ``stop``, every 50 ms, note in ``seen`` the CPU seconds of ``pid`` and of every
    process below it (kernels, workers, sandboxes): the machine's other load is left out."""
    while not stop.is_set():
        table, family = _processes(), {pid}
        grew = True
        while grew:
            below = {p for p, (parent, _) in table.items() if parent in family} - family
            family |= below
            grew = bool(below)
        for member in family & table.keys():
            seen[member] = max(seen.get(member, 0.0), table[member][1])
        time.sleep(0.05)


def measured(command, folder):
    """Run ``command`` in ``folder``; its wall seconds and the CPU seconds of its whole
    process tree (a process's last 50 ms may be missed)."""
    start = time.perf_counter()
    process = subprocess.Popen(
        command, cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    seen, stop = {}, threading.Event()
    sampler = threading.Thread(target=_sample_family, args=(process.pid, seen, stop))
    sampler.start()
    errors = process.communicate()[1]
    wall = time.perf_counter() - start
    stop.set()
    sampler.join()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{errors[-3000:]}")
    return wall, sum(seen.values())


def one_round(learners, scratch, leverage_first):
    """Grade the class both ways in fresh courses; returns {what: (wall s, CPU s)} and
    whether the grades are identical."""
    plain = course_with(learners, scratch / "plain")
    ours = course_with(learners, scratch / "ours")
    bin_folder = str(Path(sys.executable).parent)
    env = ["env", f"PATH={bin_folder}:" + os.environ.get("PATH", "")]
    # the baseline is plain nbgrader as the course ran it before its config sandboxed
    # kernels too: no sandbox, so the comparison is against nbgrader at its fastest
    nbgrader = [*env, sys.executable, "-m", "nbgrader"]
    autograde = [*nbgrader, "autograde", MODULE, "--LearnerExecute.sandbox=False"]
    leverage = [*env, sys.executable, "-m", "autograder.cli", "grade", MODULE, "--root", str(ours)]
    runs = {}
    if leverage_first:
        runs["leverage"] = measured(leverage, ours)
    runs["autograde"] = measured(autograde, plain)
    runs["feedback"] = measured([*nbgrader, "generate_feedback", MODULE], plain)
    if not leverage_first:
        runs["leverage"] = measured(leverage, ours)
    same = (
        grades_frame(plain, MODULE)
        .set_index("learner")
        .equals(grades_frame(ours, MODULE).set_index("learner"))
    )
    return runs, same


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=40)
    parser.add_argument(
        "--rounds", type=int, default=1, help="repeat, alternating which side runs first"
    )
    options = parser.parse_args()
    size = options.learners
    learners = class_of(size)
    print(f"load average before: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    ratios = []
    for number in range(options.rounds):
        with tempfile.TemporaryDirectory() as scratch:
            runs, same = one_round(learners, Path(scratch), number % 2 == 1)
        (alone, alone_cpu), (feedback, feedback_cpu), (ours, ours_cpu) = (
            runs["autograde"],
            runs["feedback"],
            runs["leverage"],
        )
        both = alone + feedback
        ratios.append(alone / ours)
        print(
            f"round {number + 1}: {size} submissions: nbgrader autograde {alone / size:.2f} s "
            f"each (+ generate_feedback: {both / size:.2f} s each); leverage grade (sandboxed, "
            f"parallel, with feedback and report) {ours / size:.2f} s each; speed-up "
            f"x{alone / ours:.2f} against autograde alone, x{both / ours:.2f} against "
            f"autograde + feedback; identical grades: {same}; "
            f"load average now: {os.getloadavg()[0]:.1f}"
        )
        print(
            f"  CPU seconds per submission (the machine's other load left out): nbgrader "
            f"autograde {alone_cpu / size:.2f} (+ generate_feedback: "
            f"{(alone_cpu + feedback_cpu) / size:.2f}); leverage grade {ours_cpu / size:.2f}"
        )
    if len(ratios) > 1:
        print(f"median speed-up against autograde alone: x{statistics.median(ratios):.2f}")


if __name__ == "__main__":
    main()
