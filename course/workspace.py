"""The learner's working copy: where a learner's answers live, out of reach of every
course command.

``release/`` belongs to the course: ``leverage build`` rewrites it from ``source/``, and a
``git pull`` of a new version of the course changes it. A learner who typed answers into
``release/`` would lose them. So learners work in a copy of their own (``my-work/`` beside
``release/`` by default), which ``sync`` creates once and then only ever adds to:

- a notebook (or any file) new in ``release/`` is copied in;
- a file the learner has not edited follows the course: when the course's version
  changes, the working copy gets the new one;
- a file the learner has edited is never touched. When the course's version of it
  changes, the new version is put beside it as ``<name>.updated<suffix>`` and ``sync``
  says so: both are kept, and the learner decides;
- a file the learner deleted comes back (a fresh copy is how a learner starts again).

"Edited" means the learner changed what they wrote, not that they ran it: for a notebook,
the cells' types and sources are compared with the course's version the working copy was
made from (outputs and execution counts do not count); for any other file, its bytes.
That base version is kept in ``<working copy>/.leverage/base/``, with a manifest of what
was synced when, so the comparison never needs ``release/``'s history.
"""

import hashlib
import json
import shutil
from dataclasses import dataclass
from pathlib import Path

#: Where the working copy's own bookkeeping lives, inside the working copy.
STATE = ".leverage"

#: Files in release/ that are not course material.
IGNORED = {".ipynb_checkpoints", "__pycache__", ".DS_Store"}


@dataclass(frozen=True)
class Change:
    """What ``sync`` did to one file: ``kind`` is "new", "updated", "restored" or
    "kept" (the learner's edited file was kept and the course's new version written to
    ``beside``)."""

    kind: str
    path: str
    beside: str | None = None

    def __str__(self):
        if self.kind == "kept":
            return (
                f"{self.path}: you edited it and the course has a new version; yours is "
                f"unchanged, the new one is {self.beside}"
            )
        return f"{self.path}: {self.kind}"


def _files(folder):
    """The course files under ``folder``, as paths relative to it, sorted."""
    found = []
    for path in sorted(Path(folder).rglob("*")):
        relative = path.relative_to(folder)
        if path.is_file() and not IGNORED.intersection(relative.parts):
            found.append(relative)
    return found


def _what_the_learner_wrote(path):
    """What counts as the learner's work in ``path``: for a notebook, its cells' types and
    sources; for any other file (or a notebook that does not parse), its bytes."""
    data = Path(path).read_bytes()
    if Path(path).suffix == ".ipynb":
        try:
            cells = json.loads(data)["cells"]
            return json.dumps(
                [
                    (
                        c["cell_type"],
                        "".join(c["source"]) if isinstance(c["source"], list) else c["source"],
                    )
                    for c in cells
                ]
            ).encode()
        except (ValueError, KeyError, TypeError):
            pass
    return data


def _digest(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def _beside(path):
    """``batna.ipynb`` -> ``batna.updated.ipynb``."""
    path = Path(path)
    return path.with_name(f"{path.stem}.updated{path.suffix}")


def sync(release, work):
    """Bring the working copy ``work`` up to date with the course's ``release`` folder
    without ever changing a file the learner edited (see the module's docstring).

    Returns the list of ``Change``s made, in path order; an empty list when there was
    nothing to do. Raises ``FileNotFoundError`` when ``release`` does not exist.
    """
    release, work = Path(release), Path(work)
    if not release.is_dir():
        raise FileNotFoundError(f"the course's folder {release} does not exist")
    base = work / STATE / "base"
    manifest_path = work / STATE / "manifest.json"
    manifest = json.loads(manifest_path.read_text()) if manifest_path.is_file() else {}
    changes = []
    for relative in _files(release):
        key = relative.as_posix()
        course_file, mine, kept_base = release / relative, work / relative, base / relative
        current = _digest(course_file)
        if not mine.exists():
            changes.append(Change("restored" if key in manifest else "new", key))
        elif manifest.get(key) == current:
            continue  # the course has not changed it since the last sync
        else:
            # compared with the course's version the learner started from, or, for a file
            # the working copy has no record of, with the course's version itself
            reference = kept_base if kept_base.is_file() else course_file
            if _what_the_learner_wrote(mine) != _what_the_learner_wrote(reference):
                shutil.copyfile(course_file, _beside(mine))
                changes.append(Change("kept", key, _beside(relative).as_posix()))
                _remember(course_file, kept_base, manifest, key, current)
                continue
            if reference is course_file:
                _remember(course_file, kept_base, manifest, key, current)
                continue  # the same work as the course's: nothing to copy
            changes.append(Change("updated", key))
        mine.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(course_file, mine)
        _remember(course_file, kept_base, manifest, key, current)
    manifest_path.parent.mkdir(parents=True, exist_ok=True)
    manifest_path.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    return changes


def _remember(course_file, kept_base, manifest, key, digest):
    """Keep the course's version the working copy now derives from, as the base for the
    next comparison."""
    kept_base.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(course_file, kept_base)
    manifest[key] = digest
