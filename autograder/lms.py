"""Grades and feedback back to the learning platform: Canvas and Moodle, as they document
their imports, and their submission downloads read back in.

Who is who. A learner's nbgrader id is the course id they typed (or their hub login), which
is rarely the platform's own identity. A **roster** (``--roster FILE --roster-key COLUMN``)
bridges the two: any CSV with one row per learner, one of whose columns (the key) holds the
nbgrader ids. The platforms' own exports serve as rosters as they are:

- Canvas: the gradebook export (Grades, Actions, Export), with the columns ``Student``,
  ``ID`` (Canvas's user id), ``SIS User ID``, ``SIS Login ID`` and ``Section``; the key is
  the column learners used as their course id, often ``SIS Login ID``;
- Moodle: the assignment's grading worksheet (Assignment, View all submissions, Download
  grading worksheet), with ``Identifier`` (``Participant 123456``), ``Full name`` and
  ``Email address``; the key is often ``Email address``.

Without a roster, the nbgrader id stands in for the platform's login (Canvas's ``SIS Login
ID``, a ``Username`` column for Moodle), which is right when learners log in to the hub
with their platform login.

**Grade files** (``write``), one row per learner with a final total:

- Canvas's gradebook import: the columns ``Student``, ``ID``, ``SIS User ID``, ``SIS
  Login ID``, ``Section`` (from the roster), then one column per question and one for the
  assignment's total (after any late penalty), each of which Canvas imports as an assignment
  of its own (new ones are created; map or ignore them on Canvas's import page), and a
  ``Points Possible`` row under the headings, as in Canvas's own export. Canvas's totals are
  read-only, so the assignment's total is a column of its own;
- Moodle's CSV grade import: the roster's identity columns (or ``Username``), then one
  column per question and the total, each mapped to a grade item (or a new one) on
  Moodle's import page, with the identity column mapped to the matching user field.

A part awaiting grading, or a learner not graded, is left empty, and so is the total until
every part is graded: no grade is sent that does not belong to the notebook graded now
(Moodle reads an empty cell as "no grade", so an earlier total there is cleared; Canvas
lists every change on its import page before making it). Moodle stops the whole import at
a row whose user it cannot find, so with Moodle, give a roster unless every nbgrader id is
a Moodle username: only the learners on the roster are written.

**Feedback** (``write``): each learner's feedback page, zipped as the platform's bulk
feedback upload expects, which is the layout of its own submission download:

- Canvas ("Re-upload submissions"): ``<name>_<user id>_<file id>_<page>.html``, with the
  user and file ids of the learner's submitted file (Canvas attaches the page as a comment
  to that submission);
- Moodle ("Upload multiple feedback files in a zip"): ``<Full name>_<participant
  id>_assignsubmission_file/<page>.html``.

Those ids come from the platform's **submission download**, which ``leverage grade --from``
reads with a roster (``platform_layout``): Canvas's flat files
``<name>_[LATE_]<user id>_<file id>_<file>`` (learner: the roster row whose ``ID`` is the
user id) and Moodle's folders ``<Full name>_<participant id>_assignsubmission_file[_]/``
(learner: the roster row whose ``Identifier`` is ``Participant <participant id>``).
Intake keeps each learner's platform identity beside their notebooks (``IDENTITY``).
"""

import csv
import io
import json
import re
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from autograder.export import GRADED, points, questions

PLATFORMS = ("canvas", "moodle")
#: Canvas's identity columns, in the order of its gradebook export.
CANVAS_IDENTITY = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
#: The file beside a learner's submitted notebooks that keeps their platform identity.
IDENTITY = ".platform.json"

_CANVAS = re.compile(r"^(?P<name>[^_/]+)_(?:LATE_)?(?P<user>\d+)_(?P<file>\d+)_(?P<rest>[^/]+)$")
_MOODLE = re.compile(
    r"^(?P<name>[^/]+?)_(?P<participant>\d+)_assignsubmission_(?P<plugin>[a-z]+)_?"
    r"(?:/(?P<inner>.+)|(?P<flat>[^/]+))?$"
)


@dataclass
class Roster:
    """The rows of a roster CSV (dicts of its columns), ``key`` being the column that holds
    the nbgrader ids."""

    rows: list
    key: str

    def row(self, learner):
        """The roster row of ``learner`` (an nbgrader id), or None."""
        return next((row for row in self.rows if row.get(self.key) == learner), None)

    def learner(self, column, value):
        """The nbgrader id of the row whose ``column`` is ``value``, or None."""
        row = next((row for row in self.rows if (row.get(column) or "").strip() == value), None)
        return row.get(self.key) if row else None


def read_roster(path, key):
    """Read a roster CSV (UTF-8, a byte-order mark allowed) whose column ``key`` holds the
    nbgrader ids. Raises ``ValueError`` when the column is missing."""
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = [
            row for row in csv.DictReader(handle) if (row.get("Student") or "") != "Points Possible"
        ]
    columns = set(rows[0]) if rows else set()
    if key not in columns:
        raise ValueError(
            f"the roster {path} has no column {key!r} (its columns: {', '.join(sorted(columns))}); "
            "name the one that holds the learners' course ids with --roster-key"
        )
    return Roster(rows, key)


def platform_layout(relative, roster):
    """Read a path of a Canvas or Moodle submission download: ``(learner, file name,
    identity, reason)``. ``identity`` is the platform's ids for the learner (a dict with
    ``platform``); ``reason`` says why it cannot be taken (no roster, not on it), else
    None. Returns None for a path in neither layout."""
    canvas = _CANVAS.match(relative)
    if canvas and relative.endswith(".ipynb"):
        identity = {
            "platform": "canvas",
            "name": canvas["name"],
            "user": canvas["user"],
            "file": canvas["file"],
        }
        found = roster.learner("ID", canvas["user"]) if roster else None
        why = (
            "a Canvas download: give --roster (Canvas's gradebook export) to say whose it is"
            if roster is None
            else f"Canvas user {canvas['user']} is not on the roster (its ID column)"
        )
        return found, canvas["rest"], identity, None if found else why
    moodle = _MOODLE.match(relative)
    if moodle and (moodle["inner"] or moodle["flat"]):
        identity = {
            "platform": "moodle",
            "name": moodle["name"],
            "participant": moodle["participant"],
        }
        found = (
            roster.learner("Identifier", f"Participant {moodle['participant']}") if roster else None
        )
        why = (
            "a Moodle download: give --roster (the assignment's grading worksheet) to say whose it is"
            if roster is None
            else f"Moodle participant {moodle['participant']} is not on the roster (its Identifier column)"
        )
        name = PurePosixPath(moodle["inner"] or moodle["flat"]).name
        return found, name, identity, None if found else why
    return None


def write(platform, grades, maxima, out, assignment, notebook_names, roster=None, identities=None):
    """Write ``out/<platform>-grades.csv`` and ``out/<platform>-feedback.zip`` from the grades
    DataFrame and each question's points (``autograder.export``), the learners' platform
    identities (``identities``) and the feedback pages in ``out/feedback``; return the lines
    an instructor should read (who is missing from the files, and why)."""
    if platform not in PLATFORMS:
        raise ValueError(f"--lms must be one of {', '.join(PLATFORMS)}, got {platform!r}")
    identities = identities or {}
    said = []
    table, skipped = (canvas_table if platform == "canvas" else moodle_table)(
        grades, assignment, maxima, roster
    )
    said += [f"{platform}: {learner} is not in the grade file: {why}" for learner, why in skipped]
    (Path(out) / f"{platform}-grades.csv").write_text(table, encoding="utf-8")
    with zipfile.ZipFile(
        Path(out) / f"{platform}-feedback.zip", "w", zipfile.ZIP_DEFLATED
    ) as archive:
        for learner in grades.learner:
            identity = identities.get(learner)
            pages = [
                Path(out) / "feedback" / learner / f"{name}.html"
                for name in notebook_names
                if (Path(out) / "feedback" / learner / f"{name}.html").is_file()
            ]
            if not pages:
                continue
            if not identity or identity.get("platform") != platform:
                said.append(
                    f"{platform}: {learner}'s feedback is not in the zip: their notebook did not "
                    f"come from a {platform.capitalize()} submission download"
                )
                continue
            for page in pages:
                archive.write(page, feedback_name(identity, f"{page.stem}-feedback.html"))
    return said


def feedback_name(identity, page):
    """Where a feedback page goes in the platform's bulk feedback zip (see the module)."""
    if identity["platform"] == "canvas":
        return f"{identity['name']}_{identity['user']}_{identity['file']}_{page}"
    return f"{identity['name']}_{identity['participant']}_assignsubmission_file/{page}"


def _columns(grades, assignment):
    """(heading, grades column) for each question, then for the total."""
    return [(f"{assignment} {q}", q) for q in questions(grades)] + [(assignment, "total")]


def _value(row, column):
    """A cell of the grade file: the points, or empty (awaiting grading, not graded, or a
    total that is not final)."""
    if column == "total" and row["status"] != GRADED:
        return ""
    number = points(row[column])
    return "" if number is None else f"{number:g}"


def canvas_table(grades, assignment, maxima, roster=None):
    """Canvas's gradebook import CSV as text, and [(learner, why)] for learners left out.
    ``maxima`` gives each question's points (``export.maxima``)."""
    columns = _columns(grades, assignment)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([*CANVAS_IDENTITY, *(heading for heading, _ in columns)])
    possible = {**maxima, "total": sum(maxima.values())}
    writer.writerow(
        ["Points Possible", "", "", "", "", *(f"{possible[column]:g}" for _, column in columns)]
    )
    skipped = []
    for row in grades.to_dict("records"):
        found = roster.row(row["learner"]) if roster else None
        if roster and found is None:
            skipped.append((row["learner"], f"not on the roster (its {roster.key!r} column)"))
            continue
        who = (
            [found.get(column, "") for column in CANVAS_IDENTITY]
            if found
            else [row["learner"], "", "", row["learner"], ""]
        )
        writer.writerow([*who, *(_value(row, column) for _, column in columns)])
    return buffer.getvalue(), skipped


def moodle_table(grades, assignment, maxima, roster=None):
    """Moodle's CSV grade import as text, and [(learner, why)] for learners left out."""
    columns = _columns(grades, assignment)
    identity = [roster.key] if roster else ["Username"]
    if roster:
        identity += [c for c in ("Full name", "First name", "Last name") if c in roster.rows[0]]
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow([*identity, *(heading for heading, _ in columns)])
    skipped = []
    for row in grades.to_dict("records"):
        found = roster.row(row["learner"]) if roster else {"Username": row["learner"]}
        if found is None:
            skipped.append((row["learner"], f"not on the roster (its {roster.key!r} column)"))
            continue
        writer.writerow(
            [*(found.get(c, "") for c in identity), *(_value(row, c) for _, c in columns)]
        )
    return buffer.getvalue(), skipped


def identities(root, assignment, learners):
    """{learner: platform identity} kept by intake beside each learner's notebooks."""
    found = {}
    for learner in learners:
        path = Path(root) / "submitted" / learner / assignment / IDENTITY
        if path.is_file():
            found[learner] = json.loads(path.read_text(encoding="utf-8"))
    return found
