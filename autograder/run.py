"""Step 3 of grading: autograde every accepted learner in parallel, sandboxed, resumable.

Each worker process builds nbgrader's API once (the course's ``nbgrader_config.py`` plus
the grading overrides below) and then grades one learner at a time, so the cost of
starting Python, importing nbgrader and compiling the feedback templates is paid once per
worker, not once per learner.
nbgrader writes each learner's scores into the gradebook as usual (``gradebook.url``:
SQLite by default, or PostgreSQL); SQLite waits for the other worker's short write instead
of failing (``?timeout=``).

A learner is done when ``autograded/<learner>/<assignment>/.leverage-graded`` holds the
fingerprint of what they submitted and of the gradebook it went into (a learner graded
into SQLite is not yet graded in a new PostgreSQL gradebook). A re-run skips those (unless
``force``), only copying their feedback pages to its ``out``, so Ctrl-C or a crashed
worker loses nothing already graded and the next run finishes the rest; grading the same
submission twice writes the same grades (and keeps the manual grades given to it).

Every grade shown belongs to the notebook in ``submitted/`` now. nbgrader keeps the scores
of cells a new notebook no longer has, and all scores when grading the new notebook fails.
The first cannot happen here: a deleted graded cell is put back before grading
(``autograder.repair``), so every cell is scored again; an earlier manual grade stays in
nbgrader's formgrader for you to review, and nbgrader marks it as needing review, which the
exports show as "awaiting grading", not as its old number. For the second, when grading
fails, the learner's submission leaves the gradebook, and their marker and feedback pages
go too (``withdraw``): they are reported as not graded, with the reason in words
(``Graded.error``).

Workers write their own output, and that of the kernels they start (ipykernel's notice,
library warnings), to ``grading.log`` in ``out``, so the console shows only the progress
bar and one line per problem.
"""

import hashlib
import multiprocessing
import os
import re
import shutil
import signal
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass
from pathlib import Path

from autograder import gradebook, sandbox
from autograder.feedback import FeedbackWriter, copy_pages, feedback_for, nbgrader_api
from autograder.sandbox import Limits

MARKER = ".leverage-graded"
#: Where workers and their kernels write what they print, in ``out``.
LOG = "grading.log"

#: nbgrader runs per learner before giving up: a second try absorbs a kernel that was
#: slow to start on a busy machine; a submission that really breaks grading fails twice.
ATTEMPTS = 2


@dataclass
class Graded:
    """How grading one learner went."""

    learner: str
    ok: bool
    seconds: float
    skipped: bool = False
    error: str = ""  # why the learner could not be graded, in words
    feedback: str = ""  # why a graded learner has no feedback page, if they have none


def fingerprint(root, assignment, learner, db_url):
    """A hash of everything the learner submitted for the assignment, and of the gradebook."""
    digest = hashlib.sha256(db_url.encode() + b"\0")
    folder = Path(root) / "submitted" / learner / assignment
    for path in sorted(folder.rglob("*")):
        if path.is_file():
            digest.update(path.relative_to(folder).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def already_graded(root, assignment, learner, db_url):
    """Whether the learner's current submission has been graded to the end into ``db_url``."""
    marker = Path(root) / "autograded" / learner / assignment / MARKER
    return marker.is_file() and marker.read_text() == fingerprint(root, assignment, learner, db_url)


# --- inside a worker process ---------------------------------------------------------

_api = None
_db_url = None
_feedback = None


def _start_worker(root, timeout, limits, counter, sandboxed, db_url, log):
    """Build this worker's nbgrader API and feedback writer; the course's LearnerExecute
    then runs this worker's kernels in a sandbox of its own (kernelspec, sockets, uid).
    What the worker and its kernels print goes to ``log``.

    Ctrl-C reaches the whole process group; the parent answers it by killing the workers
    (``_stop_now``). A worker must not answer it too: nbgrader reports an interrupt as a
    failed run, and the worker would try the learner again or withdraw their grade. A
    handler that does nothing (not ``SIG_IGN``) ends with the worker: the kernels it starts
    get the default again, so their cells can still be interrupted at the time limit."""
    global _api, _db_url, _feedback
    signal.signal(signal.SIGINT, _leave_ctrl_c_to_the_parent)
    _db_url = db_url
    with open(log, "ab") as sink:
        for stream in (1, 2):  # the kernels it starts inherit these
            os.dup2(sink.fileno(), stream)
    with counter.get_lock():
        worker = counter.value
        counter.value += 1
    overrides = {
        "CourseDirectory": {"db_url": gradebook.for_workers(db_url)},
        "Execute": {"timeout": timeout, "startup_timeout": 120},
    }
    # the course's LearnerExecute puts each kernel in the sandbox (a uid per worker); a
    # finished kernel is killed at once rather than waited for: nothing in it is needed
    overrides["LearnerExecute"] = {
        "sandbox": sandboxed,
        "sandbox_worker": worker,
        "sandbox_limits": asdict(limits),
        "shutdown_kernel": "immediate",
    }
    _api = nbgrader_api(root, **overrides)
    _feedback = FeedbackWriter(_api)


def _leave_ctrl_c_to_the_parent(signum, frame):
    """A grading worker's answer to Ctrl-C: none (see ``_start_worker``)."""


def withdraw(root, assignment, learner, out, db_url):
    """Show no grade for ``learner``: their submission leaves the gradebook at ``db_url``,
    their marker goes, and their feedback pages (nbgrader's and those in ``out``) too."""
    gradebook.forget(db_url, assignment, learner)
    (Path(root) / "autograded" / learner / assignment / MARKER).unlink(missing_ok=True)
    for pages in (Path(root) / "feedback" / learner / assignment, Path(out) / "feedback" / learner):
        shutil.rmtree(pages, ignore_errors=True)


def _grade_one(root, assignment, learner, out):
    """Grade one learner with nbgrader, then write their feedback (in the same worker, so
    feedback is parallel too); mark them done only when both are done. A failed run
    leaves no grade (see the module's docstring)."""
    start = time.perf_counter()
    marker = Path(root) / "autograded" / learner / assignment / MARKER
    current = fingerprint(root, assignment, learner, _db_url)
    for _ in range(ATTEMPTS):
        result = _api.autograde(assignment, learner, force=True, create=True)
        if result["success"]:
            break
    if not result["success"]:
        withdraw(root, assignment, learner, out, gradebook.for_workers(_db_url))
        log = f"{result.get('log') or ''}\n{result.get('error') or ''}"
        print(f"--- nbgrader could not grade {learner} ---\n{log}", flush=True)  # grading.log
        error = reason(log)
        return Graded(learner, False, time.perf_counter() - start, error=error)
    pages = feedback_for(_feedback, root, assignment, learner, out)
    marker.write_text(current)
    problem = pages if isinstance(pages, str) else ""
    return Graded(learner, True, time.perf_counter() - start, feedback=problem)


#: nbgrader's own messages for failures it knows, in the words an instructor acts on.
KNOWN_FAILURES = {
    "Notebook failed to validate; the nbgrader metadata may be corrupted": (
        "the notebook's nbgrader metadata is damaged beyond repair"
    ),
    "nbgrader update": "the notebook's nbgrader metadata is damaged beyond repair",
    "the kernel became unresponsive": "the kernel stopped answering and could not be interrupted",
    "No notebooks found": "none of the learner's notebooks belongs to this assignment",
}
#: Exceptions that end a grading run, in words (the message follows where it helps).
KNOWN_EXCEPTIONS = {
    "DeadKernelError": "its kernel kept dying while it was graded (a cell that ends the "
    "Python process, or runs out of memory)",
    "CellTimeoutError": "its kernel stopped answering while it was graded",
    "NotebookValidationError": "it is not a valid notebook: {}",
}
#: nbgrader's wrapper around the real error, which says only "see the traceback above".
WRAPPERS = {"NbGraderException"}
_EXCEPTION = re.compile(r"^\s*([A-Za-z_][\w.]*(?:Error|Exception|Exit|Interrupt)): (.+)$")


def reason(log):
    """Why nbgrader could not grade a learner, in one line, from its log: a failure nbgrader
    knows in plain words, else the last exception it reported (in words when known), else
    its last error line."""
    for known, words in KNOWN_FAILURES.items():
        if known in log:
            return words
    lines = [line.strip() for line in log.splitlines() if line.strip()]
    exceptions = [
        (m.group(1).rsplit(".", 1)[-1], m.group(2))
        for m in map(_EXCEPTION.match, lines)
        if m and m.group(1).rsplit(".", 1)[-1] not in WRAPPERS
    ]
    if exceptions:
        name, message = exceptions[-1]
        return KNOWN_EXCEPTIONS.get(name, f"{name}: {{}}").format(message)[:300]
    errors = [line.split("ERROR]", 1)[-1].strip() for line in lines if "ERROR]" in line]
    return (errors or lines or ["nbgrader gave no reason"])[-1][:300]


# --- in the instructor's process -----------------------------------------------------


def grade_all(
    root,
    assignment,
    learners,
    out,
    workers=None,
    timeout=60,
    limits=None,
    force=False,
    sandboxed=True,
    progress=True,
    db_url=None,
):
    """Grade ``learners`` with ``workers`` processes (default: one per core), writing each
    one's feedback under ``out`` and their scores in the gradebook at ``db_url`` (default:
    ``gradebook.url``); returns one ``Graded`` per learner, skipped ones included.

    If a worker process dies, the learners it may have been grading are tried again; one
    that has been in two broken batches is graded alone, and if it breaks a worker on its
    own it is reported as such. So one poisonous submission costs only itself.
    """
    root = Path(root).resolve()
    Path(out).mkdir(parents=True, exist_ok=True)
    limits = limits or Limits()
    db_url = db_url or gradebook.url(root)
    results, todo = {}, []
    for learner in learners:
        if not force and already_graded(root, assignment, learner, db_url):
            # graded before, perhaps into another --out: their pages go to this one too
            pages = copy_pages(root, assignment, learner, out)
            problem = pages if isinstance(pages, str) else ""
            results[learner] = Graded(learner, True, 0.0, skipped=True, feedback=problem)
        else:
            todo.append(learner)
    workers = max(1, min(workers or os.cpu_count() or 1, len(todo) or 1))
    if sandboxed and todo:
        sandbox.warm()  # the workers, forked from here, inherit the probe and the font list
    strikes = dict.fromkeys(todo, 0)
    counter = multiprocessing.Value("i", 0)
    bar = _progress(len(todo), progress)
    while todo:
        suspects = [learner for learner in todo if strikes[learner] >= 2]
        batch = suspects[:1] or list(todo)
        size = 1 if suspects else workers
        with ProcessPoolExecutor(
            size,
            initializer=_start_worker,
            initargs=(root, timeout, limits, counter, sandboxed, db_url, Path(out) / LOG),
        ) as pool:
            futures = {
                pool.submit(_grade_one, root, assignment, learner, out): learner
                for learner in batch
            }
            try:
                for future in as_completed(futures):
                    learner = futures[future]
                    results[learner] = future.result()
                    todo.remove(learner)
                    bar.update(1)
            except KeyboardInterrupt:
                _stop_now(pool)  # Ctrl-C: what is marked stays graded, a re-run does the rest
                raise
            except BrokenProcessPool:
                for learner in batch:
                    if learner in todo:
                        strikes[learner] += 1
                if len(batch) == 1:
                    results[batch[0]] = Graded(
                        batch[0],
                        False,
                        0.0,
                        error="grading this submission crashed the grading process",
                    )
                    todo.remove(batch[0])
                    bar.update(1)
    bar.close()
    return [results[learner] for learner in learners]


def _stop_now(pool):
    """Stop a pool at once: the ``with`` block would otherwise wait for every queued
    learner. Workers are killed; their sandboxed kernels die with them."""
    processes = list(getattr(pool, "_processes", {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for process in processes:
        process.kill()


def _progress(total, shown):
    from tqdm import tqdm

    return tqdm(total=total, desc="grading", unit="learner", disable=not shown or total == 0)
