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
submission twice writes the same grades.
"""

import hashlib
import multiprocessing
import os
import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass
from pathlib import Path

from autograder import gradebook
from autograder.feedback import FeedbackWriter, copy_pages, feedback_for, nbgrader_api
from autograder.sandbox import Limits

MARKER = ".leverage-graded"

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
    error: str = ""
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


def _start_worker(root, timeout, limits, counter, sandboxed, db_url):
    """Build this worker's nbgrader API and feedback writer; the course's LearnerExecute
    then runs this worker's kernels in a sandbox of its own (kernelspec, sockets, uid)."""
    global _api, _db_url, _feedback
    _db_url = db_url
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


def _grade_one(root, assignment, learner, out):
    """Grade one learner with nbgrader, then write their feedback (in the same worker, so
    feedback is parallel too); mark them done only when both are done."""
    start = time.perf_counter()
    for _ in range(ATTEMPTS):
        result = _api.autograde(assignment, learner, force=True, create=True)
        if result["success"]:
            break
    if not result["success"]:
        error = (result.get("error") or result.get("log") or "")[-2000:]
        return Graded(learner, False, time.perf_counter() - start, error=error)
    pages = feedback_for(_feedback, root, assignment, learner, out)
    marker = Path(root) / "autograded" / learner / assignment / MARKER
    marker.write_text(fingerprint(root, assignment, learner, _db_url))
    problem = pages if isinstance(pages, str) else ""
    return Graded(learner, True, time.perf_counter() - start, feedback=problem)


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
            initargs=(root, timeout, limits, counter, sandboxed, db_url),
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
