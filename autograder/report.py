"""Step 6 of grading: a class report in one HTML file, with its plots inside, made to find
who struggles and with what.

In order: how many learners were taken, graded, awaiting grading and not graded; the
learners, one row each (status, points per question, total, lateness, flags, a link to
their feedback page), sortable by any column and sorted lowest total first; the score
distribution (whole learners, over the assignment's whole range); the share of learners
with full marks per question; the most common failing checks; what intake could not take
or took with changes; which notebooks showed another learner's variant; and which cells a
learner wrote reach into the course's own working (``autograder.integrity``); and the notes
the checks left for the instructor on answers they passed (``instructor_notes``).

Failing checks are grouped by the check's identity, never by its message (a hint carries
the learner's own numbers): each failed check of a test cell that scores several
(``CHECKS_MIME``), by the cell's ``grade_id`` and the check's name; any other failing test
cell by its ``grade_id`` alone. The hints the learners saw are listed under each.
"""

import base64
import html
import io
from collections import Counter
from pathlib import Path

import nbformat

from autograder.export import AWAITING, maxima, points, questions
from autograder.integrity import described, reaches_in
from autograder.nbgrader_hooks import foreign_variants, test_cells
from course.checks.credit import CHECKS_MIME
from course.checks.hints import INSTRUCTOR_NOTE

#: How a test cell that failed as a whole (no separate checks) is named in the report.
WHOLE_TEST = "the test as a whole"


def graded_notebooks(root, assignment, learners):
    """(learner, notebook) for every autograded notebook of the class, each read once."""
    for learner in learners:
        for path in sorted((Path(root) / "autograded" / learner / assignment).glob("*.ipynb")):
            yield learner, nbformat.read(path, as_version=4)


def _first_line(text):
    return (text or "").strip().splitlines()[0][:160] if (text or "").strip() else ""


def _failures(cell):
    """(check, hint) for each check a test cell failed: one per failed check of a cell
    that scores several (``CHECKS_MIME``), else one, ``WHOLE_TEST``, for the error that
    failed the cell, with its message as the hint."""
    found = []
    for output in cell.get("outputs", []):
        if output.output_type == "error":
            found.append((WHOLE_TEST, _first_line(output.evalue) or output.ename))
        for outcome in output.get("data", {}).get(CHECKS_MIME, []):
            if isinstance(outcome, dict) and outcome.get("passed") is False:
                found.append((str(outcome.get("check")), _first_line(str(outcome.get("message")))))
    return found


def failing_checks(notebooks):
    """Counter of learners per failed (question, check) over ``(learner, notebook)`` pairs,
    and for each a Counter of the hints those learners saw."""
    counts, hints = Counter(), {}
    for _, nb in notebooks:
        failed = {}
        for cell in test_cells(nb):
            for check, hint in _failures(cell):
                failed.setdefault((cell.metadata["nbgrader"]["grade_id"], check), hint)
        for key, hint in failed.items():
            counts[key] += 1
            hints.setdefault(key, Counter())[hint] += 1
    return counts, hints


def flagged(notebooks):
    """{learner: [other learners]} for notebooks that showed someone else's variant."""
    found = {}
    for learner, nb in notebooks:
        others = foreign_variants(nb)
        if others:
            found[learner] = others
    return found


def reaching(notebooks):
    """{learner: [(cell, {name: kind})]} for the learners whose own code names the course's
    answer keys, private names or a function's insides (``autograder.integrity``)."""
    found = {}
    for learner, nb in notebooks:
        cells = reaches_in(nb)
        if cells:
            found[learner] = cells
    return found


def repaired(notebooks):
    """{learner: [what grading repaired]} from the autograded notebooks' metadata."""
    return {
        learner: nb.metadata["leverage"]["repaired"]
        for learner, nb in notebooks
        if nb.metadata.get("leverage", {}).get("repaired")
    }


def instructor_notes(notebooks):
    """{learner: [(grade_id, note)]}: each note for the instructor (``INSTRUCTOR_NOTE``, to
    the end of its line) in the printed output of a graded test cell. The grader writes
    those outputs itself (``autograder.judge``), so a learner cannot plant one there."""
    found = {}
    for learner, nb in notebooks:
        for cell in test_cells(nb):
            grade_id = cell.metadata["nbgrader"]["grade_id"]
            for output in cell.get("outputs", []):
                if output.get("output_type") != "stream":
                    continue
                for line in output.get("text", "").splitlines():
                    if INSTRUCTOR_NOTE in line:
                        note = line[line.index(INSTRUCTOR_NOTE) + len(INSTRUCTOR_NOTE) :]
                        found.setdefault(learner, []).append((grade_id, note.strip()))
    return found


def _figure(draw, alt):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(6.4, 3.2))
    draw(axes)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100)
    plt.close(figure)
    data = base64.b64encode(buffer.getvalue()).decode()
    return f'<img alt="{html.escape(alt)}" src="data:image/png;base64,{data}">'


def histogram(axes, totals, maximum):
    """Draw the class's totals on ``axes``: one bar per whole point from 0 to ``maximum``
    (a total between two whole points counts in the lower), its height in learners, on an
    axis of whole learners."""
    from matplotlib.ticker import MaxNLocator

    top = int(maximum)
    counts = Counter(min(int(total), top) for total in totals)
    axes.bar(range(top + 1), [counts.get(p, 0) for p in range(top + 1)], width=0.8, color="#1f5f99")
    axes.set_xlim(-0.6, top + 0.6)
    axes.set_xticks(range(top + 1))
    axes.yaxis.set_major_locator(MaxNLocator(integer=True))
    axes.set_xlabel(f"total points (of {maximum:g})")
    axes.set_ylabel("learners")


def write_report(
    root, assignment, grades, rejections, out, db_url=None, submissions=(), notebook_names=()
):
    """Write ``out/report.html`` from the grades DataFrame (``autograder.export``), intake's
    rejections and submissions (``autograder.intake``), the autograded notebooks, and the
    questions' points in the gradebook at ``db_url`` (default: ``gradebook.url``); link
    each learner's feedback pages ``out/feedback/<learner>/<name>.html`` for each of
    ``notebook_names``. Returns the report's path."""
    learners = list(grades.learner)
    graded = grades[~grades.status.str.startswith("not graded")]
    parts = [f"<h1>Class report: {html.escape(assignment)}</h1>"]
    awaiting = int(grades.status.str.startswith(AWAITING).sum())
    parts.append(
        f"<p>{len(learners)} learners taken in: {len(graded) - awaiting} graded, "
        f"{awaiting} awaiting grading, {len(grades) - len(graded)} not graded; "
        f"{len(rejections)} files not taken.</p>"
    )
    notebooks = list(graded_notebooks(root, assignment, list(graded.learner)))
    parts.append("<h2>Learners</h2>")
    parts.append(
        "<p>Lowest total first; choose a column's heading to sort by it. A part "
        f"“{AWAITING}” waits for you in nbgrader's formgrader.</p>"
    )
    parts.append(_learners_table(grades, notebooks, notebook_names, out))
    totals = [t for t in map(points, graded.total) if t is not None]
    if totals:
        maximum = max(points(m) or 0 for m in graded.max_score)  # the assignment's
        parts.append("<h2>Score distribution</h2>")
        parts.append(
            _figure(
                lambda ax: histogram(ax, totals, maximum),
                f"Bar chart of how many learners got each total, from 0 to {maximum:g} points.",
            )
        )
        rates = _full_marks(grades, maxima(root, assignment, db_url))
        if rates:
            parts.append("<h2>Full marks per question</h2>")
            parts.append(
                _figure(
                    lambda ax: (
                        ax.barh(list(rates), list(rates.values()), color="#1f5f99"),
                        ax.set_xlim(0, 1),
                        ax.invert_yaxis(),
                        ax.set_xlabel("share of learners with full marks"),
                    ),
                    "Bar chart of the share of learners with full marks on each question: "
                    + "; ".join(f"{q} {r:.0%}" for q, r in rates.items()),
                )
            )
    counts, hints = failing_checks(notebooks)
    parts.append("<h2>Most common failing checks</h2>")
    parts.append(
        _table(
            ["question", "check", "learners", "the hints they saw"],
            [(q, c, n, _hint_list(hints[(q, c)])) for (q, c), n in counts.most_common(15)],
        )
    )
    parts.append("<h2>Files intake could not take</h2>")
    parts.append(
        _table(
            ["file", "learner", "reason"],
            [(r.origin, r.learner or "", r.reason) for r in rejections],
        )
    )
    parts.append("<h2>Notebooks taken with changes</h2>")
    parts.append(
        _table(
            ["file", "learner", "what was done"],
            [(s.origin, s.learner, s.note) for s in submissions if s.note],
        )
    )
    parts.append("<h2>Notebooks showing another learner's variant</h2>")
    parts.append(
        _table(
            ["learner", "variant of"],
            [(k, ", ".join(v)) for k, v in flagged(notebooks).items()],
        )
    )
    parts.append("<h2>Code that reaches into the course's own working</h2>")
    parts.append(
        "<p>Cells the learner wrote that name an answer key, a private name of the course "
        "or a function's insides. A graded answer has no need of them: read the cell before "
        "you trust its points.</p>"
    )
    parts.append(
        _table(
            ["learner", "cell", "what it names"],
            [
                (learner, where, described(names))
                for learner, cells in reaching(notebooks).items()
                for where, names in cells
            ],
        )
    )
    parts.append("<h2>Notes the checks left for you</h2>")
    parts.append(
        "<p>Answers a check passed but wants you to read: for example an audit that matches, "
        "number for number, one the notebook shows. The marks stand until you change them.</p>"
    )
    parts.append(
        _table(
            ["learner", "question", "note"],
            [
                (learner, grade_id, note)
                for learner, notes in instructor_notes(notebooks).items()
                for grade_id, note in notes
            ],
        )
    )
    page = (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        f"<title>Class report: {html.escape(assignment)}</title><style>{STYLE}</style></head>"
        f"<body><main>{''.join(parts)}</main><script>{SORT_SCRIPT}</script></body></html>"
    )
    Path(out).mkdir(parents=True, exist_ok=True)
    (Path(out) / "report.html").write_text(page, encoding="utf-8")
    return Path(out) / "report.html"


def _full_marks(grades, maxima):
    """{question: share of the learners graded on it who have its full points}."""
    rates = {}
    for question in questions(grades):
        scored = [p for p in map(points, grades[question]) if p is not None]
        if scored and maxima.get(question):
            rates[question] = sum(p >= maxima[question] - 1e-9 for p in scored) / len(scored)
    return rates


def _learners_table(grades, notebooks, notebook_names, out):
    """The per-learner table: sortable, lowest total first, each learner linking to their
    feedback page(s)."""
    columns = questions(grades)
    notes = {learner: [] for learner in grades.learner}
    for learner, others in flagged(notebooks).items():
        notes[learner].append(f"showed the variant of {', '.join(others)}")
    for learner, cells in reaching(notebooks).items():
        notes[learner].append(
            "reaches into the course's working in " + ", ".join(where for where, _ in cells)
        )
    for learner, done in repaired(notebooks).items():
        notes[learner].append(f"notebook repaired ({len(done)}: see below)")
    for learner, left in instructor_notes(notebooks).items():
        notes[learner].append(f"a check left you a note on {', '.join(g for g, _ in left)}")
    head = ["learner", "status", *columns, "total", "late (hours)", "late penalty", "notes"]
    order = sorted(
        grades.to_dict("records"),
        key=lambda row: (points(row["total"]) is not None, points(row["total"]) or 0),
    )
    body = []
    for row in order:
        learner = row["learner"]
        pages = [
            f"feedback/{learner}/{name}.html"
            for name in notebook_names
            if (Path(out) / "feedback" / learner / f"{name}.html").is_file()
        ]
        link = "".join(
            f' <a href="{html.escape(page)}">{html.escape(Path(page).stem)} feedback</a>'
            for page in pages
        )
        total = points(row["total"])
        cells = [
            _cell(learner, html.escape(learner) + link),
            _cell(row["status"]),
            *[_cell(row[q], _shown(row[q])) for q in columns],
            _cell(
                "" if total is None else total,
                "" if total is None else f"{total:g} of {points(row['max_score']):g}",
            ),
            _cell(row["late_hours"], _shown(row["late_hours"])),
            _cell(row["late_penalty"], _shown(row["late_penalty"])),
            _cell("; ".join(notes[learner])),
        ]
        body.append("<tr>" + "".join(cells) + "</tr>")
    heads = "".join(
        f"<th scope='col'><button type='button'>{html.escape(h)}</button></th>" for h in head
    )
    return (
        "<div class='scroll'><table class='sortable'><caption>Learners, lowest total first"
        f"</caption><thead><tr>{heads}</tr></thead><tbody>{''.join(body)}</tbody></table></div>"
    )


def _shown(value):
    number = points(value)
    if number is not None:
        return f"{number:g}"
    return "" if value is None or value != value else html.escape(str(value))


def _cell(key, shown=None):
    """A table cell that sorts by ``key`` (numbers as numbers) and shows ``shown`` (HTML;
    default: ``key`` escaped)."""
    number = points(key)
    sort = f"{number:.6f}" if number is not None else html.escape(str(key if key == key else ""))
    kind = "n" if number is not None else "t"
    text = shown if shown is not None else html.escape(str(key))
    return f"<td data-sort='{sort}' data-kind='{kind}'>{text}</td>"


def _hint_list(seen, shown=8):
    """The hints seen, most frequent first, one a line, each with how many saw it."""
    lines = [f"{n} \N{MULTIPLICATION SIGN} {hint}" for hint, n in seen.most_common(shown) if hint]
    others = len(seen) - shown
    return "\n".join(lines + ([f"and {others} other hints"] if others > 0 else []))


def _table(headings, rows):
    if not rows:
        return "<p>None.</p>"
    head = "".join(f"<th scope='col'>{html.escape(str(h))}</th>" for h in headings)
    body = "".join(
        "<tr>" + "".join(f"<td class='lines'>{html.escape(str(v))}</td>" for v in row) + "</tr>"
        for row in rows
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


STYLE = """
body { font-family: system-ui, sans-serif; color: #1a1a1a; background: #fff; margin: 1em; }
main { max-width: 75em; }
table { border-collapse: collapse; margin: 0.5em 0 1.5em; }
th, td { border: 1px solid #767676; padding: 0.3em 0.5em; text-align: left; vertical-align: top; }
td.lines { white-space: pre-line; }
div.scroll { overflow-x: auto; }
caption { text-align: left; font-weight: bold; padding: 0.3em 0; }
th button { font: inherit; font-weight: bold; background: none; border: none; padding: 0;
  cursor: pointer; color: #1a1a1a; text-align: left; }
th button:focus-visible { outline: 2px solid #1f5f99; }
th[aria-sort] button::after { content: " \\25B2"; }
th[aria-sort='descending'] button::after { content: " \\25BC"; }
a { color: #1f5f99; }
img { max-width: 100%; height: auto; }
"""

#: Sorts a ``table.sortable`` by the column whose heading button is pressed (again: the
#: other way), reading each cell's ``data-sort`` (``data-kind`` n: as a number).
SORT_SCRIPT = """
document.querySelectorAll('table.sortable').forEach(function (table) {
  var heads = table.querySelectorAll('thead th');
  heads.forEach(function (th, column) {
    th.querySelector('button').addEventListener('click', function () {
      var up = th.getAttribute('aria-sort') !== 'ascending';
      heads.forEach(function (other) { other.removeAttribute('aria-sort'); });
      th.setAttribute('aria-sort', up ? 'ascending' : 'descending');
      var body = table.tBodies[0];
      var rows = Array.prototype.slice.call(body.rows);
      rows.sort(function (a, b) {
        var x = a.cells[column], y = b.cells[column];
        var order = (x.dataset.kind === 'n' && y.dataset.kind === 'n')
          ? parseFloat(x.dataset.sort) - parseFloat(y.dataset.sort)
          : x.dataset.sort.localeCompare(y.dataset.sort);
        return up ? order : -order;
      });
      rows.forEach(function (row) { body.appendChild(row); });
    });
  });
});
"""
