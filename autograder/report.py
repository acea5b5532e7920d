"""Step 6 of grading: a class report in one HTML file, with its plots inside.

Score distribution, pass rate per question, the most common failing checks (each failed
check of a test cell that scores several, else the failing test's error, counted over
the class), what intake could not take, and which notebooks were flagged for showing
another learner's variant.
"""

import base64
import html
import io
from collections import Counter
from pathlib import Path

import nbformat

from autograder import gradebook as gradebook_location
from autograder.nbgrader_hooks import foreign_variants
from course.checks.credit import CHECKS_MIME


def graded_notebooks(root, assignment, learners):
    """(learner, notebook) for every autograded notebook of the class, each read once."""
    for learner in learners:
        for path in sorted((Path(root) / "autograded" / learner / assignment).glob("*.ipynb")):
            yield learner, nbformat.read(path, as_version=4)


def _first_line(text):
    return (text or "").strip().splitlines()[0][:160] if (text or "").strip() else ""


def _failures(cell):
    """(check, hint) for each check a test cell failed: one per failed check of a cell
    that scores several (``CHECKS_MIME``), else one for the error that failed the cell."""
    found = []
    for output in cell.get("outputs", []):
        if output.output_type == "error":
            found.append((f"{output.ename}: {_first_line(output.evalue)}".rstrip(": "), ""))
        for outcome in output.get("data", {}).get(CHECKS_MIME, []):
            if isinstance(outcome, dict) and outcome.get("passed") is False:
                found.append((str(outcome.get("check")), _first_line(str(outcome.get("message")))))
    return found


def failing_checks(notebooks):
    """Counter of (question, check) failures over ``(learner, notebook)`` pairs, and for each
    a Counter of the hints those learners saw (a hint may name a learner's own numbers, so
    failures are counted per check, not per message)."""
    counts, hints = Counter(), {}
    for _, nb in notebooks:
        for cell in nb.cells:
            meta = cell.metadata.get("nbgrader", {})
            if cell.cell_type != "code" or not meta.get("grade") or meta.get("solution"):
                continue
            for check, hint in _failures(cell):
                key = (meta["grade_id"], check)
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


def _figure(draw):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(6, 3))
    draw(axes)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=100)
    plt.close(figure)
    return (
        f'<img alt="" src="data:image/png;base64,{base64.b64encode(buffer.getvalue()).decode()}">'
    )


def write_report(root, assignment, grades, rejections, out, db_url=None):
    """Write ``out/report.html`` from the grades DataFrame and intake's rejections (the
    points per question from the gradebook at ``db_url``, default: ``gradebook.url``)."""
    questions = [c for c in grades.columns if c not in ("learner", "total", "max_score")]
    learners = list(grades.learner)
    parts = [f"<h1>Class report: {html.escape(assignment)}</h1>"]
    parts.append(f"<p>{len(learners)} learners graded; {len(rejections)} files not taken.</p>")
    if len(grades):
        parts.append("<h2>Score distribution</h2>")
        parts.append(
            _figure(
                lambda ax: (
                    ax.hist(grades.total, bins=min(20, max(5, len(grades) // 2)), color="#1f77b4"),
                    ax.set_xlabel("total score"),
                    ax.set_ylabel("learners"),
                )
            )
        )
        maxima = _max_points(root, assignment, db_url)
        rates = {
            q: float((grades[q] >= maxima.get(q, 0) - 1e-9).mean())
            for q in questions
            if q in maxima and maxima[q] > 0
        }
        parts.append("<h2>Pass rate per question</h2>")
        parts.append(
            _figure(
                lambda ax: (
                    ax.barh(list(rates), list(rates.values()), color="#2ca02c"),
                    ax.set_xlim(0, 1),
                    ax.set_xlabel("share of learners with full marks"),
                )
            )
        )
    notebooks = list(graded_notebooks(root, assignment, learners))
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
    parts.append("<h2>Notebooks showing another learner's variant</h2>")
    parts.append(
        _table(
            ["learner", "variant of"],
            [(k, ", ".join(v)) for k, v in flagged(notebooks).items()],
        )
    )
    page = (
        "<!doctype html><meta charset='utf-8'><title>Class report</title><body style='font-family:sans-serif;max-width:60em'>"
        + "".join(parts)
        + "</body>"
    )
    Path(out).mkdir(parents=True, exist_ok=True)
    (Path(out) / "report.html").write_text(page, encoding="utf-8")
    return Path(out) / "report.html"


def _max_points(root, assignment, db_url=None):
    from nbgrader.api import Gradebook

    with Gradebook(db_url or gradebook_location.url(root)) as gradebook:
        return {
            cell.name: cell.max_score
            for nb in gradebook.find_assignment(assignment).notebooks
            for cell in nb.grade_cells
        }


def _hint_list(seen, shown=8):
    """The hints seen, most frequent first, one a line, each with how many saw it."""
    lines = [f"{n} \N{MULTIPLICATION SIGN} {hint}" for hint, n in seen.most_common(shown) if hint]
    others = len(seen) - shown
    return "\n".join(lines + ([f"and {others} other hints"] if others > 0 else []))


def _table(headings, rows):
    if not rows:
        return "<p>None.</p>"
    head = "".join(f"<th>{html.escape(str(h))}</th>" for h in headings)
    body = "".join(
        "<tr>"
        + "".join(f"<td style='white-space:pre-line'>{html.escape(str(v))}</td>" for v in row)
        + "</tr>"
        for row in rows
    )
    return f"<table border='1' cellpadding='4' style='border-collapse:collapse'><tr>{head}</tr>{body}</table>"
