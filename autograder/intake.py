"""Step 1 of grading: take in submissions, and say why for each one we cannot take.

Submissions come from nbgrader's ``submitted/<learner>/<assignment>/`` or from a folder
or zip exported by a learning platform, laid out as ``<learner>/<notebook>.ipynb`` or
``<learner>/<assignment>/<notebook>.ipynb``; a zip made on Windows may separate folders
with ``\\``, which is read as ``/``. Canvas's and Moodle's submission downloads are read
too, with a roster that says whose each file is (``autograder.lms.platform_layout``), and
each learner's platform ids are kept beside their notebooks for the feedback upload. A
``timestamp.txt`` beside a learner's notebooks (nbgrader's exchange writes one) is the
submission time that lateness is measured from.
Each file is checked in this order, and the first problem found is its reason:

1. the path is safe (inside the export: no absolute path, no ``..``, no link) and in one
   of the layouts above;
2. the learner id is a usable course id (``course.variants``' rule);
3. the file is JSON and a notebook nbformat can read as version 4; a notebook that breaks
   nbformat's schema only where nbgrader does not look (an output it clears anyway, a key
   nbformat does not know) is repaired and noted; any other break is refused, naming the
   cell at fault;
4. its name is one of the assignment's notebooks; a single notebook under another name
   is accepted for a one-notebook assignment (platforms and browsers rename uploads:
   ``batna (1).ipynb``) and noted;
5. the learner has not already submitted this notebook in the same export.

Accepted notebooks are copied into ``submitted/`` (nbgrader's layout), so nbgrader stays
the system of record; a learner's earlier copy there (and its timestamp) is replaced. When
a learner's new file cannot be taken, their earlier copy of that notebook is moved out of
nbgrader's sight (``submitted/.leverage-earlier/``), so that an earlier submission is never
graded in its place, and a learner whose whole export was refused stays listed as not
graded in later runs, from ``submitted/`` or from an export that does not name them,
until a file of theirs is taken (``submitted/.leverage-refused.json``). What
grading will repair in a notebook edited in JupyterLab (``autograder.repair``: cells
copied, split, deleted, retyped) is said for each notebook as well, so ``intake.csv``
lists every file with what happens to it.
"""

import json
import shutil
import warnings
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import nbformat

from autograder import lms, repair
from course.variants import is_learner_id

#: A notebook larger than this is not a learner's work (and would slow every step).
MAX_NOTEBOOK_BYTES = 20 * 1024 * 1024
#: The file in which nbgrader's exchange records when a learner submitted.
TIMESTAMP = "timestamp.txt"


@dataclass
class Submission:
    """One learner's notebook, accepted: where it came from, the name it is graded as, and
    what was done or will be repaired (in words, empty when nothing)."""

    learner: str
    notebook: str
    origin: str
    note: str = ""


@dataclass
class Rejection:
    """A file we could not take, and why (in words an instructor can act on)."""

    origin: str
    learner: str | None
    reason: str


def notebook_names(root, assignment):
    """The notebooks an assignment expects, from its release (what learners were given)."""
    release = Path(root) / "release" / assignment
    names = sorted(path.stem for path in release.glob("*.ipynb"))
    if not names:
        raise FileNotFoundError(
            f"release/{assignment} has no notebooks: run `leverage build` first"
        )
    return names


def _files_of(source):
    """(relative path with ``/`` separators, bytes reader, is_link) for every file of a
    folder or zip."""
    source = Path(source)
    if source.is_dir():
        for path in sorted(source.rglob("*")):
            if path.is_file() or path.is_symlink():
                relative = path.relative_to(source).as_posix().replace("\\", "/")
                yield (
                    relative,
                    path.read_bytes if not path.is_symlink() else None,
                    path.is_symlink(),
                )
    elif zipfile.is_zipfile(source):
        archive = zipfile.ZipFile(source)
        for info in archive.infolist():
            if info.is_dir() or info.filename.endswith("\\"):
                continue
            is_link = (info.external_attr >> 16) & 0o170000 == 0o120000
            relative = info.filename.replace("\\", "/")
            yield relative, (lambda info=info: archive.read(info)), is_link
    else:
        raise ValueError(f"{source} is neither a folder nor a zip file")


def _unsafe(relative):
    path = PurePosixPath(relative)
    return path.is_absolute() or ".." in path.parts or relative.startswith("/")


def take_in(root, assignment, source=None, roster=None):
    """Accept what can be graded from ``source`` (default: ``submitted/``) and copy it into
    ``submitted/``. A Canvas or Moodle submission download is read with ``roster``
    (``autograder.lms``). Returns ``(submissions, rejections)``."""
    root = Path(root)
    expected = notebook_names(root, assignment)
    sources = {
        name: repair.source_cells_of(
            nbformat.read(root / "release" / assignment / f"{name}.ipynb", as_version=4)
        )
        for name in expected
    }
    submitted = root / "submitted"
    if source is None:
        files = [
            (path.relative_to(submitted).as_posix(), path.read_bytes, path.is_symlink())
            for path in sorted(submitted.glob(f"*/{assignment}/*"))
            if path.is_file() or path.is_symlink()
        ]
    else:
        files = list(_files_of(source))
    accepted, rejected, seen, timestamps, refused = {}, [], set(), {}, set()
    identities = {}
    by_learner = {}
    for relative, read, is_link in files:
        parts = PurePosixPath(relative).parts
        if (
            (parts and parts[-1].startswith("."))
            or "__MACOSX" in parts
            or ".ipynb_checkpoints" in parts
        ):
            continue  # a platform's or an editor's own files, not a submission
        layout = None if _unsafe(relative) else lms.platform_layout(relative, roster)
        if layout:  # a Canvas or Moodle download: the roster says whose it is
            found, filename, identity, reason = layout
            if reason is None:
                parts = (found, filename)
                identities[found] = identity
        else:
            reason = _check_path(relative, parts, assignment, is_link)
        learner = parts[0] if len(parts) > 1 and not _unsafe(relative) else None
        if reason is None and not is_learner_id(learner or ""):
            reason = f"{learner!r} is not a usable learner id (letters, digits and . _ @ + -)"
        if reason is None and parts[-1] == TIMESTAMP:
            reason = _check_timestamp(read)
            if reason is None:
                timestamps[learner] = read()
                continue
        notebook, repairs = None, []
        if reason is None:
            if not parts[-1].endswith(".ipynb"):
                reason = "not a notebook (.ipynb)"
            else:
                notebook, repairs, reason = _read_notebook(read)
        if reason:
            rejected.append(Rejection(relative, learner, reason))
            if is_learner_id(learner or "") and parts[-1].endswith(".ipynb"):
                stem = PurePosixPath(parts[-1]).stem
                refused.add(
                    (learner, stem if stem in expected or len(expected) > 1 else expected[0])
                )
            continue
        by_learner.setdefault(learner, []).append(relative)
        name = PurePosixPath(parts[-1]).stem
        key = (learner, name)
        if key in seen:
            rejected.append(
                Rejection(
                    relative,
                    learner,
                    f"duplicate: {learner} already submitted {name}.ipynb in this export",
                )
            )
            continue
        seen.add(key)
        accepted[key] = (relative, read, notebook, repairs)
    submissions = []
    for (learner, name), (relative, read, notebook, repairs) in sorted(accepted.items()):
        notes = []
        if name not in expected:
            if len(expected) == 1 and len(by_learner[learner]) == 1:
                notes.append(f"renamed from {name}.ipynb")
                name = expected[0]
            else:
                rejected.append(
                    Rejection(
                        relative,
                        learner,
                        f"wrong notebook name {name}.ipynb: this assignment has {', '.join(n + '.ipynb' for n in expected)}",
                    )
                )
                continue
        folder = submitted / learner / assignment
        target = folder / f"{name}.ipynb"
        notes += repairs
        if source is not None or repairs:
            folder.mkdir(parents=True, exist_ok=True)
            if source is None:  # repaired in place: the learner's file is kept beside it
                (folder / f".{name}.ipynb.as-submitted").write_bytes(read())
            target.write_bytes(nbformat.writes(notebook).encode() if repairs else read())
        if source is not None:  # an earlier submission's time and ids are not this one's
            _keep(folder / TIMESTAMP, timestamps.get(learner))
            identity = identities.get(learner)
            _keep(folder / lms.IDENTITY, identity and json.dumps(identity).encode())
        notes += grading_repairs(notebook, sources[name])
        submissions.append(Submission(learner, name, relative, "; ".join(notes)))
    taken = {(s.learner, s.notebook) for s in submissions}
    if source is not None:
        for learner, name in sorted(refused - taken):
            _set_aside(submitted, learner, assignment, name)
    rejected += _remember_refusals(submitted, assignment, source, rejected, taken)
    for learner in sorted({s.learner for s in submissions}):
        missing = set(expected) - {s.notebook for s in submissions if s.learner == learner}
        for name in sorted(missing):
            rejected.append(
                Rejection(
                    f"{learner}/{name}.ipynb",
                    learner,
                    f"missing notebook {name}.ipynb (graded as zero)",
                )
            )
    return submissions, rejected


#: Where the earlier notebooks of learners whose new file was refused are kept, out of
#: nbgrader's sight, and the record of learners whose last export was refused entirely.
EARLIER, REFUSED = ".leverage-earlier", ".leverage-refused.json"


def _set_aside(submitted, learner, assignment, name):
    """Move ``learner``'s earlier ``name`` notebook out of nbgrader's sight (their new file
    could not be taken: the earlier one must not be graded in its place); when no notebook
    of theirs is left, the rest of their folder goes too, or nbgrader would grade the empty
    folder as missing notebooks worth 0."""
    folder = submitted / learner / assignment
    aside = submitted / EARLIER / learner / assignment
    if not folder.is_dir():
        return
    aside.mkdir(parents=True, exist_ok=True)
    leaving = [folder / f"{name}.ipynb"]
    if not any(path.name != f"{name}.ipynb" for path in folder.glob("*.ipynb")):
        leaving = list(folder.iterdir())
    for item in leaving:
        target = aside / item.name
        if target.is_dir():
            shutil.rmtree(target)
        if item.exists():
            item.replace(target)
    if not any(folder.iterdir()):
        folder.rmdir()


def _remember_refusals(submitted, assignment, source, rejected, taken):
    """Keep, across runs, the learners whose last export was refused entirely (``REFUSED``,
    by assignment), so that a run from ``submitted/`` still lists them as not graded: the
    rejections to add for this run."""
    record_file = submitted / REFUSED
    record = json.loads(record_file.read_text(encoding="utf-8")) if record_file.is_file() else {}
    mine = record.setdefault(assignment, {})
    learners = {learner for learner, _ in taken}
    named = {r.learner for r in rejected if is_learner_id(r.learner or "")} | learners
    if source is not None:  # this export's word on a learner replaces the record's
        for learner in learners:
            mine.pop(learner, None)
        newest = {}
        for rejection in rejected:
            if rejection.learner in named - learners:
                newest.setdefault(rejection.learner, rejection.reason)
        mine.update(newest)
        submitted.mkdir(parents=True, exist_ok=True)
        record_file.write_text(json.dumps(record, indent=1, sort_keys=True), encoding="utf-8")
    # a learner this run does not name (a run from submitted/, or another batch's export)
    # stays listed, not graded, with their last export's reason until a file is taken
    return [
        Rejection(f"{learner}/ (their last export)", learner, why)
        for learner, why in sorted(mine.items())
        if learner not in named
    ]


def _keep(path, data):
    """Write ``data`` (bytes) to ``path``, or remove ``path`` when there is no data."""
    if data:
        path.write_bytes(data)
    else:
        path.unlink(missing_ok=True)


def grading_repairs(nb, source):
    """What grading will repair in ``nb`` (``autograder.repair``), in words, judged against
    ``source`` (the release notebook's ``SourceCell``s); ``nb`` is not changed."""
    notes = repair.repair(nbformat.from_dict(json.loads(json.dumps(nb))), source)
    return notes + [
        f"the graded cell {grade_id} had been deleted: it is put back from the source"
        for grade_id in repair.deleted(nb, source)
    ]


def _check_path(relative, parts, assignment, is_link):
    if _unsafe(relative):
        return "unsafe path (absolute or with ..): not extracted"
    if is_link:
        return "a link, not a file: not followed"
    if len(parts) == 2 or (len(parts) == 3 and parts[1] == assignment):
        return None
    return (
        f"unexpected place: {relative} is not <learner>/<notebook>.ipynb "
        f"or <learner>/{assignment}/<notebook>.ipynb"
    )


def _check_timestamp(read):
    from nbgrader.utils import parse_utc

    text = read().decode("utf-8", errors="replace").strip()
    try:
        parse_utc(text)
    except (ValueError, OverflowError):
        return f"{TIMESTAMP} does not hold a date and time: {text[:40]!r}"
    return None


def _read_notebook(read):
    """``(notebook, repairs, reason)``: the notebook as nbformat 4 with what was repaired to
    make it valid, or ``None`` and why it cannot be taken."""
    data = read()
    if len(data) > MAX_NOTEBOOK_BYTES:
        return (
            None,
            [],
            f"too large ({len(data) // 1024 // 1024} MB): a notebook over {MAX_NOTEBOOK_BYTES // 1024 // 1024} MB is not taken",
        )
    try:
        raw = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        return None, [], f"corrupt: not valid JSON ({error.__class__.__name__}: {str(error)[:80]})"
    try:
        with warnings.catch_warnings():  # nbformat warns as it gives duplicate cell ids new ones
            warnings.simplefilter("ignore")
            nb = nbformat.reads(json.dumps(raw), as_version=4, capture_validation_error={})
        if not isinstance(nb.get("cells"), list):
            raise ValueError("it has no list of cells")
    except Exception as error:  # nbformat raises several kinds; each means "not a notebook"
        return None, [], f"not a Jupyter notebook ({str(error).splitlines()[0][:100]})"
    repairs = []
    for _ in range(100):  # each pass repairs the first problem nbformat reports
        problem = _first_problem(nb)
        if problem is None:
            return nb, repairs, None
        fixed = _repair_schema(nb, problem)
        if fixed is None:
            break
        repairs.append(fixed)
    return None, [], f"not a valid notebook: {_said(problem)}"


def _first_problem(nb):
    from nbformat.validator import iter_validate

    return next(iter(iter_validate(nb)), None)


def _said(problem):
    """nbformat's complaint in a line: where, and what (not the whole offending cell)."""
    path = list(problem.absolute_path)
    if len(path) == 2 and path[0] == "cells":
        kind = problem.instance.get("cell_type") if isinstance(problem.instance, dict) else None
        return f"cell {path[1] + 1} is not a code, markdown or raw cell (its cell_type is {kind!r})"
    message = (
        problem.message
        if len(problem.message) <= 120
        else f"it breaks nbformat's rule {problem.validator!r}"
    )
    return f"{_where(problem)}{message}"


def _where(problem):
    path = list(problem.absolute_path)
    if len(path) >= 2 and path[0] == "cells":
        return f"cell {path[1] + 1}: "
    return ""


def _repair_schema(nb, problem):
    """Repair what nbgrader never reads (an output, which it clears, or a key nbformat does
    not know) so that the notebook validates; say what was done, or None if it cannot."""
    path = list(problem.absolute_path)
    if len(path) >= 4 and path[0] == "cells" and path[2] == "outputs":
        cell = nb.cells[path[1]]
        del cell.outputs[path[3]]
        return f"cell {path[1] + 1}: an output nbformat cannot read was dropped (grading clears outputs anyway)"
    if problem.validator == "additionalProperties":
        holder = nb
        for step in path:
            holder = holder[step]
        known = set(problem.schema.get("properties", {}))
        extra = [key for key in holder if key not in known]
        for key in extra:
            del holder[key]
        return f"{_where(problem)}unknown keys removed ({', '.join(map(str, extra))})"
    return None


def intake_frame(submissions, rejections, failures=None):
    """One row per file considered (for intake.csv and the report): ``origin``,
    ``learner``, ``notebook``, ``taken`` (bool) and ``reason`` (why it was not taken, or
    what was done to what was taken, and, for a learner of ``failures`` (``{learner:
    why}``), why grading could not grade it; empty when nothing)."""
    import pandas as pd

    failures = failures or {}

    def said(submission):
        why = failures.get(submission.learner)
        return "; ".join(filter(None, [submission.note, why and f"not graded: {why}"]))

    rows = [
        {
            "origin": s.origin,
            "learner": s.learner,
            "notebook": s.notebook,
            "taken": True,
            "reason": said(s),
        }
        for s in submissions
    ] + [
        {
            "origin": r.origin,
            "learner": r.learner,
            "notebook": None,
            "taken": False,
            "reason": r.reason,
        }
        for r in rejections
    ]
    return pd.DataFrame(rows, columns=["origin", "learner", "notebook", "taken", "reason"])
