"""Step 1 of grading: take in submissions, and say why for each one we cannot take.

Submissions come from nbgrader's ``submitted/<learner>/<assignment>/`` or from a folder
or zip exported by a learning platform, laid out as ``<learner>/<notebook>.ipynb`` or
``<learner>/<assignment>/<notebook>.ipynb``. Each file is checked in this order, and the
first problem found is its reason:

1. the path is safe (inside the export: no absolute path, no ``..``, no link);
2. the learner id is a usable course id (``course.variants``' rule);
3. the file is JSON and a valid notebook (nbformat 4);
4. its name is one of the assignment's notebooks; a single notebook under another name
   is accepted for a one-notebook assignment (platforms rename uploads) and noted;
5. the learner has not already submitted this notebook in the same export.

Accepted notebooks are copied into ``submitted/`` (nbgrader's layout), so nbgrader stays
the system of record; a learner's earlier copy there is replaced.
"""

import json
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

import nbformat

from course.variants import is_learner_id

#: A notebook larger than this is not a learner's work (and would slow every step).
MAX_NOTEBOOK_BYTES = 20 * 1024 * 1024


@dataclass
class Submission:
    """One learner's notebook, accepted: where it came from and the name it is graded as."""

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
    """(relative path, bytes reader, is_link) for every file of a folder or zip."""
    source = Path(source)
    if source.is_dir():
        for path in sorted(source.rglob("*")):
            if path.is_file() or path.is_symlink():
                relative = path.relative_to(source).as_posix()
                yield (
                    relative,
                    path.read_bytes if not path.is_symlink() else None,
                    path.is_symlink(),
                )
    elif zipfile.is_zipfile(source):
        archive = zipfile.ZipFile(source)
        for info in archive.infolist():
            if info.is_dir():
                continue
            is_link = (info.external_attr >> 16) & 0o170000 == 0o120000
            yield info.filename, (lambda info=info: archive.read(info)), is_link
    else:
        raise ValueError(f"{source} is neither a folder nor a zip file")


def _unsafe(relative):
    path = PurePosixPath(relative.replace("\\", "/"))
    return path.is_absolute() or ".." in path.parts or relative.startswith("/")


def take_in(root, assignment, source=None):
    """Accept what can be graded from ``source`` (default: ``submitted/``) and copy it into
    ``submitted/``. Returns ``(submissions, rejections)``."""
    root = Path(root)
    expected = notebook_names(root, assignment)
    submitted = root / "submitted"
    if source is None:
        files = [
            (path.relative_to(submitted).as_posix(), path.read_bytes, path.is_symlink())
            for path in sorted(submitted.glob(f"*/{assignment}/*"))
            if path.is_file() or path.is_symlink()
        ]
    else:
        files = list(_files_of(source))
    accepted, rejected, seen = {}, [], set()
    by_learner = {}
    for relative, read, is_link in files:
        parts = PurePosixPath(relative).parts
        if (
            (parts and parts[-1].startswith("."))
            or "__MACOSX" in parts
            or ".ipynb_checkpoints" in parts
        ):
            continue  # a platform's or an editor's own files, not a submission
        reason = _check_path(relative, parts, assignment, is_link)
        learner = parts[0] if len(parts) > 1 and not _unsafe(relative) else None
        if reason is None and not is_learner_id(learner or ""):
            reason = f"{learner!r} is not a usable learner id (letters, digits and . _ @ + -)"
        if reason is None:
            if not parts[-1].endswith(".ipynb"):
                reason = "not a notebook (.ipynb)"
            else:
                reason = _check_notebook(read)
        if reason:
            rejected.append(Rejection(relative, learner, reason))
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
        accepted[key] = (relative, read)
    submissions = []
    for (learner, name), (relative, read) in sorted(accepted.items()):
        note = ""
        if name not in expected:
            if len(expected) == 1 and len(by_learner[learner]) == 1:
                note = f"renamed from {name}.ipynb"
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
        target = submitted / learner / assignment / f"{name}.ipynb"
        data = read()
        if source is not None:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
        submissions.append(Submission(learner, name, relative, note))
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


def _check_path(relative, parts, assignment, is_link):
    if _unsafe(relative):
        return "unsafe path (absolute or with ..): not extracted"
    if is_link:
        return "a link, not a file: not followed"
    if len(parts) == 2 or (len(parts) == 3 and parts[1] == assignment):
        return None
    return f"unexpected place: expected <learner>/<notebook>.ipynb or <learner>/{assignment}/<notebook>.ipynb"


def _check_notebook(read):
    data = read()
    if len(data) > MAX_NOTEBOOK_BYTES:
        return f"too large ({len(data) // 1024 // 1024} MB): a notebook over {MAX_NOTEBOOK_BYTES // 1024 // 1024} MB is not taken"
    try:
        raw = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        return f"corrupt: not valid JSON ({error.__class__.__name__}: {str(error)[:80]})"
    try:
        nb = nbformat.reads(json.dumps(raw), as_version=4)
        nbformat.validate(nb)
    except Exception as error:  # nbformat raises several kinds; each means "not a notebook"
        return f"not a Jupyter notebook ({str(error).splitlines()[0][:100]})"
    return None


def rejections_frame(rejections):
    """The rejections as a pandas DataFrame (for intake.csv and the report)."""
    import pandas as pd

    return pd.DataFrame([vars(r) for r in rejections], columns=["origin", "learner", "reason"])
