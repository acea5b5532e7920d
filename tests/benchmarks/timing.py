"""Timing shared by the benchmarks that compare two ways of doing one thing in the same run."""

import statistics
import time


def median_seconds(action, repeat):
    """The median wall time, in seconds, of ``repeat`` calls of ``action()``."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)
