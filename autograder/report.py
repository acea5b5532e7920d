"""Step 6 of grading: a class report in one HTML file, with its plots inside.

Score distribution, pass rate per question, the most common failing checks (the first
line of each failing test's message, counted over the class), what intake could not
take, and which notebooks were flagged for showing another learner's variant.
"""

import base64
import html
import io
from collections import Counter
from pathlib import Path

import nbformat

from autograder import gradebook as gradebook_location
from autograder.nbgrader_hooks import foreign_variants


def failing_checks(root, assignment, learners):
    """Counter of (question, first line of the failure) over the class's graded notebooks."""
    counts = Counter()
    for learner in learners:
        for path in (Path(root) / "autograded" / learner / assignment).glob("*.ipynb"):
            nb = nbformat.read(path, as_version=4)
            for cell in nb.cells:
                meta = cell.metadata.get("nbgrader", {})
                if cell.cell_type != "code" or not meta.get("grade") or meta.get("solution"):
                    continue
                for output in cell.get("outputs", []):
                    if output.output_type == "error":
                        first = (
                            (output.evalue or output.ename).splitlines()[0]
                            if (output.evalue or output.ename)
                            else "error"
                        )
                        counts[(meta["grade_id"], f"{output.ename}: {first}"[:160])] += 1
    return counts


def flagged(root, assignment, learners):
    """{learner: [other learners]} for notebooks that showed someone else's variant."""
    found = {}
    for learner in learners:
        for path in (Path(root) / "autograded" / learner / assignment).glob("*.ipynb"):
            others = foreign_variants(nbformat.read(path, as_version=4))
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
    counts = failing_checks(root, assignment, learners)
    parts.append("<h2>Most common failing checks</h2>")
    parts.append(
        _table(
            ["question", "message", "learners"], [(q, m, n) for (q, m), n in counts.most_common(15)]
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
            [(k, ", ".join(v)) for k, v in flagged(root, assignment, learners).items()],
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


def _table(headings, rows):
    if not rows:
        return "<p>None.</p>"
    head = "".join(f"<th>{html.escape(str(h))}</th>" for h in headings)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape(str(v))}</td>" for v in row) + "</tr>" for row in rows
    )
    return f"<table border='1' cellpadding='4' style='border-collapse:collapse'><tr>{head}</tr>{body}</table>"
