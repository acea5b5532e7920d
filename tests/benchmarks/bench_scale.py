"""Benchmark: the course past its embedded defaults, in one run on this machine.

1. Grading throughput: the same class graded by `leverage grade` with the same workers
   into the default SQLite gradebook and into a PostgreSQL gradebook (Debian's server,
   started here on a private socket, fsync on as a real server runs): seconds per
   submission each, the ratio PostgreSQL / SQLite, and whether the grades are identical.
2. Workshop participants held: `leverage workshop` with one and with two Voila processes,
   at rising room sizes; everyone opens the arena at once (bench_workshop's measuring
   code) and a size is held when every page rendered and the p90 time to the page is
   under 1 s. Prints p50/p90 per size and the largest size held by each.

The figures depend on the machine's load: run it on an idle machine, or say it was busy.

Run: .venv/bin/python tests/benchmarks/bench_scale.py [--learners 16] [--workers 2]
     [--sizes 30,60,90] [--skip-grading] [--skip-workshop]
"""

import argparse
import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from autograder.export import grades_frame  # noqa: E402
from autograder.gradebook import prepare  # noqa: E402
from course.workshop.server import pool_sizes  # noqa: E402
from tests.benchmarks.bench_autograde import MODULE, class_of, course_with  # noqa: E402
from tests.benchmarks.bench_workshop import run as run_workshop  # noqa: E402
from tests.browser.conftest import free_port  # noqa: E402
from tests.postgres import running_postgres  # noqa: E402

P90_TARGET = 1.0


def grade(folder, workers, db=None):
    """Seconds `leverage grade` takes over the course in ``folder``."""
    command = [sys.executable, "-m", "autograder.cli", "grade", MODULE, "--root", str(folder)]
    command += ["--workers", str(workers), *(["--db", db] if db else [])]
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise SystemExit(f"leverage grade failed:\n{result.stderr[-3000:]}")
    return time.perf_counter() - start


def grading(learners, workers):
    size = len(learners)
    with tempfile.TemporaryDirectory() as scratch, running_postgres(durable=True) as server:
        on_sqlite = course_with(learners, Path(scratch) / "sqlite")
        on_postgres = course_with(learners, Path(scratch) / "postgres")
        url = server.new_database("gradebook")
        prepare(on_postgres, MODULE, url)  # as `leverage build` did for SQLite: not timed
        sqlite_time = grade(on_sqlite, workers)
        postgres_time = grade(on_postgres, workers, url)
        same = (
            grades_frame(on_sqlite, MODULE)
            .set_index("learner")
            .equals(grades_frame(on_postgres, MODULE, url).set_index("learner"))
        )
        trouble = [
            line
            for line in server.log.read_text().splitlines()
            if "ERROR" in line or "deadlock" in line
        ]
    print(
        f"grading {size} submissions with {workers} workers: SQLite {sqlite_time / size:.2f} s "
        f"each, PostgreSQL {postgres_time / size:.2f} s each "
        f"(ratio PostgreSQL / SQLite x{postgres_time / sqlite_time:.2f}); identical grades: "
        f"{same}; PostgreSQL errors or deadlocks logged: {len(trouble)}",
        flush=True,
    )


def warm_kernels(participants, processes):
    """The kernels a workshop of ``processes`` processes warms before its doors open."""
    return processes * sum(pool_sizes(math.ceil(participants / processes)).values())


def room(participants, processes, data):
    """bench_workshop's measure of one room: everyone opens the arena at once."""
    command = [
        sys.executable,
        "-m",
        "autograder.cli",
        "workshop",
        f"--port={free_port()}",
        f"--participants={participants}",
        f"--processes={processes}",
        f"--data={data / f'{processes}-{participants}'}",
    ]
    name = f"{processes} process{'es' if processes > 1 else ''}, {participants} people"
    result = run_workshop(
        name, command, participants, warm_kernels(participants, processes), dict(os.environ), data
    )
    held = result["failed"] == 0 and result["p90"] < P90_TARGET
    print(
        f"  {name}: p50 {result['p50']:.3f} s, p90 {result['p90']:.3f} s, max "
        f"{result['max']:.3f} s, pages not rendered {result['failed']}; "
        f"{'held' if held else 'NOT held'}",
        flush=True,
    )
    return held


def workshop(sizes):
    held = {}
    with tempfile.TemporaryDirectory() as scratch:
        for processes in (1, 2):
            held[processes] = 0
            for participants in sizes:
                if not room(participants, processes, Path(scratch)):
                    break
                held[processes] = participants
    tried = max(sizes)
    for processes, most in held.items():
        limit = "every size tried" if most == tried else f"up to {most}"
        print(
            f"workshop with {processes} Voila process{'es' if processes > 1 else ''}: "
            f"participants held at p90 < {P90_TARGET:g} s: {limit} (sizes tried: {sizes})"
        )
    if held[1]:
        print(f"ratio two processes / one: x{held[2] / held[1]:.2f} participants held")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--learners", type=int, default=16)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--sizes", default="30,60,90", help="room sizes, in rising order")
    parser.add_argument("--skip-grading", action="store_true")
    parser.add_argument("--skip-workshop", action="store_true")
    options = parser.parse_args()
    sizes = sorted(int(size) for size in options.sizes.split(","))
    print(f"load average at the start: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    if not options.skip_grading:
        grading(class_of(options.learners), options.workers)
    if not options.skip_workshop:
        workshop(sizes)
    print(f"load average at the end: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
