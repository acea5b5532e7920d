"""What the modules' variant sweeps (tests/test_variants_sweep_*.py) share: running a
question's check quietly, reading its verdict, and recording which scenario fields a
reference solution reads; drawing a sweep's learners once for all workers."""

import hashlib
import io
import os
import pickle
import time
from contextlib import redirect_stdout
from pathlib import Path

import course
from course.checks.credit import Credit
from tests.notebooks import source_notebook


def passes(outcome):
    """A check passed: it returned nothing (a pass message was printed) or full credit."""
    return outcome is None or (isinstance(outcome, Credit) and outcome.earned == outcome.possible)


def run(checks, question, answer, **options):
    """The check ``question`` of the checks module ``checks`` on ``answer``, its printing
    kept out of the test's output."""
    with redirect_stdout(io.StringIO()):
        return getattr(checks, question)(answer, **options)


def cell_text(module, name, grade_id):
    """The source of the cell ``grade_id`` of ``module``'s notebook ``name``."""
    return next(
        cell.source
        for cell in source_notebook(module, name).cells
        if cell.metadata.get("nbgrader", {}).get("grade_id") == grade_id
    )


class Recording:
    """A scenario that notes every field read from it."""

    def __init__(self, scenario):
        self._scenario, self.read = scenario, set()

    def __getattr__(self, name):
        self.read.add(name)
        return getattr(self._scenario, name)


# Module 00's variants hold read-only mappings: tests/conftest.py lets them be pickled.
#: How many learners one worker draws before it writes them for the others.
CHUNK = 100
#: How long a worker waits for a chunk another worker claimed (seconds).
WAIT = 900


def drawn_once(module, learners, shared=None):
    """``course.variant(module, learner)`` for every learner of ``learners``, in order.

    A sweep draws thousands of learners, at up to a tenth of a second each, and its tests
    are spread over pytest-xdist's workers: each worker drawing them all did the work twice.
    With ``shared`` (a folder every worker of this run sees: the ``workers_folder``
    fixture), the learners are cut into chunks of ``CHUNK``; a worker claims a chunk nobody
    has claimed yet (a file made with ``O_EXCL``), draws it and writes it there, then reads
    the chunks the others drew. Workers draw until nothing is left unclaimed, so the draw is
    shared out, and a worker that arrives late only reads. Without ``shared``, all are
    drawn here. Raises TimeoutError if a chunk another worker claimed is not written within
    ``WAIT`` seconds (that worker died)."""
    if shared is None:
        return [course.variant(module, learner) for learner in learners]
    digest = hashlib.sha256("\n".join(learners).encode()).hexdigest()[:12]
    folder = Path(shared) / f"sweep-{module}-{digest}"
    folder.mkdir(parents=True, exist_ok=True)
    chunks = [learners[i : i + CHUNK] for i in range(0, len(learners), CHUNK)]
    for number, chunk in enumerate(chunks):
        try:
            os.close(os.open(folder / f"{number}.claim", os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            continue
        written = folder / f"{number}.part"
        written.write_bytes(pickle.dumps([course.variant(module, learner) for learner in chunk]))
        written.replace(folder / f"{number}.pickle")
    found, deadline = [], time.monotonic() + WAIT
    for number in range(len(chunks)):
        path = folder / f"{number}.pickle"
        while not path.exists():
            if time.monotonic() > deadline:
                raise TimeoutError(f"{module}'s sweep: no worker wrote chunk {number} in {WAIT} s")
            time.sleep(0.1)
        found += pickle.loads(path.read_bytes())
    return found
