"""Start and stop `leverage workshop` for the tests: 127.0.0.1, a free port, bounded waits."""

import os
import re
import signal
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from contextlib import contextmanager, suppress
from queue import Empty, Queue
from threading import Thread

import psutil

from course.workshop.server import pool_sizes
from tests.browser.conftest import free_port


def printed_errors(server, last=3000):
    """The end of what the workshop ``server`` wrote to stderr so far, for a failure's message."""
    server.errors.seek(0)
    return server.errors.read()[-last:]


def kernels(server):
    """The server's live kernel processes."""
    found = []
    for child in descendants(server):
        try:
            if "ipykernel_launcher" in " ".join(child.cmdline()):
                found.append(child)
        except psutil.NoSuchProcess:
            pass
    return found


def descendants(server):
    """Every process the server started, and theirs (Voila processes, kernels)."""
    try:
        return psutil.Process(server.pid).children(recursive=True)
    except psutil.NoSuchProcess:
        return []


def running(processes):
    """Those of ``processes`` still running (a zombie has stopped: it waits to be reaped)."""
    alive = []
    for process in processes:
        try:
            if process.is_running() and process.status() != psutil.STATUS_ZOMBIE:
                alive.append(process)
        except psutil.NoSuchProcess:
            pass
    return alive


def wait_until(condition, seconds=90, what="the condition"):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = condition()
        if value:
            return value
        time.sleep(0.25)
    raise TimeoutError(f"{what} did not happen in {seconds} s (last: {value!r})")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None  # a redirect (e.g. to the login page) is the answer itself


_opener = urllib.request.build_opener(_NoRedirect)


def get(url, headers=None, data=None):
    """(status, body) of a request, whatever the status; redirects are not followed."""
    request = urllib.request.Request(url, headers=headers or {}, data=data)
    try:
        with _opener.open(request, timeout=60) as answer:
            return answer.status, answer.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode(errors="replace")


def answers(url):
    """Whether ``url`` answers 200 (False while the server is not listening yet)."""
    try:
        return get(url)[0] == 200
    except OSError:
        return False


def announcement(server, silence=600):
    """The lines the workshop prints up to "Stop with Ctrl-C", read as they come. It prints
    them once its kernels are warm, which takes minutes on a busy machine: this follows the
    server (its lines, or its exit), and gives up only after ``silence`` seconds without a
    line from a server that is still running."""
    queue = Queue()

    def read():  # up to the last line of the announcement: the rest stays for the test
        for line in iter(server.stdout.readline, ""):
            queue.put(line)
            if line.startswith("Stop with Ctrl-C"):
                return

    Thread(target=read, daemon=True).start()
    lines = []
    while not (lines and lines[-1].startswith("Stop with Ctrl-C")):
        try:
            line = queue.get(timeout=silence)
        except Empty:
            raise TimeoutError(f"the workshop printed nothing for {silence} s") from None
        lines.append(line.rstrip("\n"))
        if server.poll() is not None and queue.empty():
            raise RuntimeError(f"the workshop exited with {server.returncode}")
    return lines


@contextmanager
def workshop(data, participants=2, extra=(), warm=True, activity="arena"):
    """A running workshop server for ``activity``; yields ``(base_url, server,
    printed_lines)``. On exit it is stopped with Ctrl-C (SIGINT) and must leave no kernel
    behind."""
    port = free_port()
    with tempfile.TemporaryFile("w+") as errors:  # a file: a full pipe would stall it
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "autograder.cli",
                "workshop",
                f"--port={port}",
                f"--participants={participants}",
                f"--data={data}",
                f"--activity={activity}",
                *extra,
            ],
            stdout=subprocess.PIPE,
            stderr=errors,
            text=True,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        server.errors = errors
        lines = []
        try:
            lines += announcement(server)
            base = f"http://127.0.0.1:{port}/"
            token = next(
                (m.group(1) for m in map(re.compile(r"token=(\S+)").search, lines) if m), ""
            )
            wait_until(lambda: answers(f"{base}?token={token}"), 60, "the landing page")
            if warm:
                expected = sum(pool_sizes(participants, activity).values())
                wait_until(lambda: len(kernels(server)) >= expected, 120, "the warm pools")
            yield base, server, lines
        finally:
            children = kernels(server)
            family = descendants(server)
            if server.poll() is None:
                server.send_signal(signal.SIGINT)
                try:
                    # a busy 2-core machine (CI) shuts 15 kernels down in over a minute
                    server.wait(timeout=180)
                except subprocess.TimeoutExpired:
                    server.kill()
                    server.wait(timeout=10)
            stopped = psutil.wait_procs(children, timeout=90)[1]
            # a launcher killed above leaves its Voila processes running, and with them the
            # kernels they hold: they would load the machine for the rest of the suite
            for process in [*stopped, *running(family)]:
                with suppress(psutil.NoSuchProcess):
                    process.kill()
            assert not stopped, f"{len(stopped)} kernels outlived the workshop server"
