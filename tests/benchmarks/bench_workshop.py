"""Benchmark: 30 participants open the workshop arena at once, on `leverage workshop`
against plain `voila` (default settings) on the same notebook, in the same run.

For each server (started on 127.0.0.1 on a free port, stopped at the end):

- p50 / p90 time to the rendered page: N simultaneous GETs of the arena, each timed to
  the last byte of Voila's HTML, which holds the executed notebook's output (the
  browser's own loading of the widget scripts is the same for both servers, so it is
  left out); and the ratio plain / workshop;
- memory: PSS of each participant's kernel (PSS shares common pages fairly between
  processes, so the sum is what the machine really spends), and of the server with all
  its kernels;
- the kernel count before the pages open, and after every page is closed the way a
  browser closes it (Voila's ``beforeunload`` beacon); kernels leaked = after - before.

Targets on this machine (issue 9): p90 under 0.5 s, the server with its kernels for 30
participants under 3 GB, zero kernels leaked.

Run: .venv/bin/python tests/benchmarks/bench_workshop.py [--participants 30]
"""

import argparse
import contextlib
import os
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor, wait
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from course.workshop.server import apps_folder  # noqa: E402
from tests.browser.conftest import free_port  # noqa: E402
from tests.workshop_server import answers, get, kernels, wait_until  # noqa: E402


def open_pages(base, count, deadline=180):
    """``count`` simultaneous GETs of the arena: (seconds, kernel id) for each page that
    rendered within ``deadline`` seconds; a page that did not is reported as failed."""
    start = threading.Barrier(count)

    def one(_):
        start.wait()
        began = time.perf_counter()
        status, page = get(f"{base}voila/render/arena.ipynb")
        took = time.perf_counter() - began
        found = re.search(r'"kernelId": "([0-9a-f-]{36})"', page)
        if status != 200 or not found:
            raise RuntimeError(f"the arena answered {status} without a kernel")
        return took, found.group(1)

    pool = ThreadPoolExecutor(count)
    futures = [pool.submit(one, n) for n in range(count)]
    done, late = wait(futures, timeout=deadline)
    pool.shutdown(wait=False, cancel_futures=True)
    results = [f.result() for f in done if f.exception() is None]
    failed = len(late) + sum(f.exception() is not None for f in done)
    return results, failed


def close_pages(base, kernel_ids):
    """Send Voila's tab-closed beacon for every page, as the browser does."""
    statuses = []
    for kernel in kernel_ids:
        beacon = {
            "Referer": f"{base}voila/render/arena.ipynb",
            "Content-Type": "application/x-www-form-urlencoded",
        }
        statuses.append(get(f"{base}voila/api/shutdown/{kernel}", beacon, b"_xsrf=")[0])
    return statuses


def pss(process):
    try:
        return process.memory_full_info().pss
    except psutil.NoSuchProcess:
        return 0


def measure(name, base, server, participants, warm_kernels, output):
    wait_until(lambda: answers(base), 120, f"{name} to answer")
    if warm_kernels:  # the workshop prints its URLs once its doors are open
        wait_until(lambda: "Stop with Ctrl-C" in output.read_text(), 900, f"{name}'s doors")
        wait_until(lambda: len(kernels(server)) >= warm_kernels, 600, f"{name}'s warm pool")
        time.sleep(2)
    before = len(kernels(server))
    opened, failed = open_pages(base, participants)
    times = sorted(t for t, _ in opened)
    ids = {kernel for _, kernel in opened}
    time.sleep(3)  # let pools start refilling, as they would in the room
    per_kernel = [pss(k) for k in kernels(server) if k.pid]
    participant_kernels = [
        pss(k) for k in kernels(server) if any(kernel in " ".join(k.cmdline()) for kernel in ids)
    ]
    total = pss(psutil.Process(server.pid)) + sum(per_kernel)
    statuses = close_pages(base, ids)
    with contextlib.suppress(TimeoutError):  # a leak is reported, not raised
        wait_until(lambda: len(kernels(server)) <= before, 60, "kernels to be released")
    time.sleep(3)
    after = len(kernels(server))
    print(f"{name}: measured", flush=True)
    return {
        "name": name,
        "p50": statistics.median(times),
        "p90": times[int(0.9 * (len(times) - 1))],
        "max": times[-1],
        "distinct kernels": len(ids),
        "failed": failed,
        "kernel PSS MB": statistics.mean(participant_kernels or per_kernel) / 2**20,
        "kernels at peak": len(per_kernel),
        "server + kernels GB": total / 2**30,
        "before": before,
        "after": after,
        "beacons": {s: statuses.count(s) for s in set(statuses)},
    }


def run(name, command, participants, warm_kernels, env, data):
    output = data / f"{name.replace(' ', '-')}.out"
    server = subprocess.Popen(
        command,
        stdout=output.open("w"),
        stderr=subprocess.DEVNULL,
        env=env,
        start_new_session=True,
    )
    port = int(re.search(r"--port[= ](\d+)", " ".join(command)).group(1))
    try:
        return measure(
            name, f"http://127.0.0.1:{port}/", server, participants, warm_kernels, output
        )
    finally:
        children = kernels(server)
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
        for child in psutil.wait_procs(children, timeout=30)[1]:
            child.kill()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=30)
    args = parser.parse_args()
    n = args.participants
    data = Path(tempfile.mkdtemp(prefix="bench-workshop-"))
    env = {**os.environ, "LEVERAGE_STORE": f"sqlite:///{data / 'plain.sqlite'}"}
    env["LEVERAGE_ERROR_LOG"] = str(data / "errors.log")
    python = sys.executable
    workshop = run(
        "leverage workshop",
        [
            python,
            "-m",
            "autograder.cli",
            "workshop",
            f"--port={free_port()}",
            f"--participants={n}",
            f"--data={data}",
        ],
        n,
        n + 2,
        env,
        data,
    )
    report(workshop)  # at once: the baseline below takes a while
    plain = run(
        "plain voila",
        [
            python,
            "-m",
            "voila",
            "--no-browser",
            f"--port={free_port()}",
            str(apps_folder()),
        ],
        n,
        0,
        env,
        data,
    )
    print(f"{n} participants open the arena at once (time to the rendered page, over HTTP)")
    for result in (workshop, plain):
        report(result)
    print(
        f"ratio plain / workshop: p50 {plain['p50'] / workshop['p50']:.0f}x, "
        f"p90 {plain['p90'] / workshop['p90']:.0f}x"
    )


def report(result):
    print(
        f"{result['name']:>18}: p50 {result['p50']:.3f} s, p90 {result['p90']:.3f} s, "
        f"max {result['max']:.3f} s ({result['failed']} pages not rendered in 180 s); "
        f"{result['distinct kernels']} kernels for the pages; "
        f"{result['kernel PSS MB']:.0f} MB PSS per participant kernel; "
        f"{result['kernels at peak']} kernels at peak, server + kernels "
        f"{result['server + kernels GB']:.2f} GB; kernels before {result['before']}, "
        f"after closing every page {result['after']} "
        f"(leaked {max(0, result['after'] - result['before'])}; beacon answers "
        f"{result['beacons']})",
        flush=True,
    )


if __name__ == "__main__":
    main()
