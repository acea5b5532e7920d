"""A learner's own record of the self-checks they have passed, kept in a small local file.

Every check that passes (``course.checks.hints.passed``) notes its module and question in
``$XDG_DATA_HOME/leverage/progress.json`` (``~/.local/share/leverage/progress.json``).
Grading never reads it and never writes it: under nbgrader nothing is recorded, and a
file that cannot be written (a read-only home, a full disk) costs the learner nothing but
the record. A corrupt file is set aside as ``progress.json.corrupt`` and a new one started.
"""

import json
import os
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Renamed:
    """A question whose function (the one the learner writes, and the check named after
    it) the course renamed after a release: in ``module``, the answer cell ``answer_cell``
    (its grade_id, unchanged) asked for ``earlier`` and now asks for ``current``."""

    module: str
    answer_cell: str
    earlier: str
    current: str


#: Every such rename. A pass recorded under the earlier name counts for the current one
#: (``passed_checks``), and grading binds the current name to an answer written under the
#: earlier one (``autograder.repair``). Module 02's question 8b promised a walk-away "any
#: time", which its model does not allow (review 112 C1).
RENAMED = (
    Renamed(
        "02_batna", "walk-any-time-for-answer", "walk_any_time_for", "delay_drives_agreement_for"
    ),
)


def progress_file():
    """Where this computer keeps the record."""
    data_home = os.environ.get("XDG_DATA_HOME") or Path.home() / ".local" / "share"
    return Path(data_home) / "leverage" / "progress.json"


def passed_checks():
    """The record as ``{module: {question: when first passed, ISO 8601}}``."""
    path = progress_file()
    try:
        record = json.loads(path.read_text(encoding="utf-8"))
    except OSError:  # missing, unreadable, or not a file: nothing recorded here
        return {}
    except ValueError:
        path.replace(path.with_name(path.name + ".corrupt"))
        return {}
    if not isinstance(record, dict) or not all(isinstance(v, dict) for v in record.values()):
        path.replace(path.with_name(path.name + ".corrupt"))
        return {}
    for renamed in RENAMED:
        questions = record.get(renamed.module, {})
        if renamed.earlier in questions:
            questions.setdefault(renamed.current, questions[renamed.earlier])
    return record


def record_pass(module, question):
    """Note that ``question`` of ``module`` passed its self-check; quietly do nothing when
    grading or when the file cannot be written."""
    if os.environ.get("NBGRADER_EXECUTION"):
        return
    try:
        record = passed_checks()
        questions = record.setdefault(module, {})
        if question in questions:
            return
        questions[question] = time.strftime("%Y-%m-%dT%H:%M:%S")
        path = progress_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        scratch = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        scratch.write_text(json.dumps(record, indent=1, sort_keys=True), encoding="utf-8")
        scratch.replace(path)  # atomic: a crash mid-write never leaves half a file
    except OSError:
        return
