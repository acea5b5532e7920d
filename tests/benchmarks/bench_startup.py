"""Benchmark: what a process pays to import nbformat (every nbgrader command, grading
worker, JupyterLab and Voila server does), now and with jsonschema's rfc3987-syntax
grammars loaded as jsonschema 4.25+ loads them, in the same run.

Prints the CPU seconds (user + system) of a child process that imports nbformat, the same
with `import rfc3987_syntax` first (the baseline; the `bench` extra installs the package,
`pip install -e ".[bench]"`), a bare interpreter for scale, and the ratio baseline / now. CPU seconds leave the machine's other load out; repeat with
--rounds. Target: the baseline costs at least 2x what the course's environment does.

Run: .venv/bin/python tests/benchmarks/bench_startup.py [--rounds 5]
"""

import argparse
import importlib.util
import os
import statistics
import subprocess
import sys


def cpu_seconds(code):
    """CPU seconds of a child ``python -c code`` (its own user + system time)."""
    before = os.times()
    subprocess.run([sys.executable, "-c", code], check=True)
    after = os.times()
    return (after.children_user - before.children_user) + (
        after.children_system - before.children_system
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    rounds = parser.parse_args().rounds
    cases = {"bare interpreter": "pass", "import nbformat (now)": "import nbformat"}
    if importlib.util.find_spec("rfc3987_syntax"):
        cases["with rfc3987_syntax (baseline)"] = "import rfc3987_syntax, nbformat"
    else:
        sys.exit('the baseline needs rfc3987-syntax: pip install -e ".[bench]"')
    print(f"load averages: {os.getloadavg()}")
    figures = {}
    for name, code in cases.items():
        figures[name] = statistics.median(cpu_seconds(code) for _ in range(rounds))
        print(f"{name:32} {figures[name]:6.2f} s CPU (median of {rounds})")
    if "with rfc3987_syntax (baseline)" in figures:
        ratio = figures["with rfc3987_syntax (baseline)"] / figures["import nbformat (now)"]
        print(f"baseline / now: {ratio:.1f}x")


if __name__ == "__main__":
    main()
