"""Benchmark: how long a click at the capstone's negotiation table takes.

Prints one offer sent at the table (Marlow's answer drawn, the history and the frontier
chart redrawn) against building the table, measured in this same run. The notebook's
time top to bottom is measured, for every module, by bench_notebooks.py.

Run: .venv/bin/python tests/benchmarks/bench_capstone.py [--repeat N]
"""

import argparse
import os
import random
import statistics
import time

MODULE = "05_capstone"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=100)
    repeat = parser.parse_args().repeat
    os.environ["LEVERAGE_LEARNER"] = "bench"

    import course
    from course.checks.capstone import opening_of
    from course.scenarios.capstone import reservation_of
    from course.widgets.capstone import NegotiationTable

    case = course.variant(MODULE)
    builds, clicks = [], []
    for seed in range(repeat):
        start = time.perf_counter()
        table = NegotiationTable(case, reservation_of, opening_of, "boulware", random.Random(seed))
        built = time.perf_counter()
        table.send_offer.click()
        clicks.append(time.perf_counter() - built)
        builds.append(built - start)
    click, build = statistics.median(clicks), statistics.median(builds)
    print(
        f"one offer at the table: {click * 1000:.2f} ms vs building the table "
        f"{build * 1000:.2f} ms (ratio {click / build:.3f}; medians of {repeat})"
    )


if __name__ == "__main__":
    main()
