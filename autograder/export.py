"""Step 4 of grading: the gradebook's scores as ``grades.csv`` (one row per learner).

Every learner taken in has a row, graded or not, so that nobody is a silent zero:

- ``status``: ``graded``; ``awaiting grading`` (some part waits for the instructor in
  nbgrader's formgrader, and the total is not final); or ``not graded: <why>``;
- one column per graded cell (in notebook order): the points, or ``awaiting grading`` for a
  part nbgrader marks as needing a manual grade (a written answer, a test nbgrader could not
  score), never a 0 that is not one; empty for a learner not graded;
- ``score`` (the parts' points), ``late_penalty`` (points taken off by the course's late
  policy, ``autograder.late``), ``total`` (``score`` minus ``late_penalty``) and
  ``max_score``;
- ``submitted`` and ``due`` (UTC, ``due`` with the learner's extension) and ``late_hours``
  (0 when on time; empty when the submission time or due date is unknown).
"""

from pathlib import Path

from autograder import gradebook as gradebook_location

#: What a part or a total shows while the instructor has not graded it yet.
AWAITING = "awaiting grading"
GRADED = "graded"


def grades_frame(root, assignment, db_url=None, failures=None):
    """The grades DataFrame described in the module docstring, for every learner with a
    submission in the gradebook (at ``db_url``, default: ``gradebook.url``), and a row for
    each learner of ``failures`` (``{learner: why}``) whom grading could not grade."""
    import pandas as pd
    from nbgrader.api import Gradebook

    rows, columns = [], []
    with Gradebook(db_url or gradebook_location.url(root)) as gradebook:
        for notebook in gradebook.find_assignment(assignment).notebooks:
            columns += [cell.name for cell in notebook.grade_cells]
        for submission in gradebook.assignment_submissions(assignment):
            rows.append(_row(submission))
    failures = failures or {}
    rows = [row for row in rows if row["learner"] not in failures]
    rows += [
        {"learner": learner, "status": f"not graded: {why}"} for learner, why in failures.items()
    ]
    head = ["learner", "status", *columns, "score", "late_penalty", "total", "max_score"]
    frame = pd.DataFrame(rows, columns=[*head, "submitted", "due", "late_hours"])
    return frame.sort_values("learner", ignore_index=True)


def _row(submission):
    row = {"learner": submission.student.id}
    awaiting = []
    for notebook in submission.notebooks:
        for grade in notebook.grades:
            if grade.needs_manual_grade:
                row[grade.name] = AWAITING
                awaiting.append(grade.name)
            else:
                row[grade.name] = grade.score
    penalty = submission.late_submission_penalty or 0.0
    row.update(
        status=f"{AWAITING}: {', '.join(awaiting)}" if awaiting else GRADED,
        score=submission.score,
        late_penalty=penalty,
        total=submission.score - penalty,
        max_score=submission.max_score,
        submitted=_utc(submission.timestamp),
        due=_utc(submission.duedate),
        late_hours=(
            round(submission.total_seconds_late / 3600, 2)
            if submission.timestamp and submission.duedate
            else None
        ),
    )
    return row


def _utc(moment):
    return moment.strftime("%Y-%m-%d %H:%M:%S UTC") if moment else None


def maxima(root, assignment, db_url=None):
    """{grade_id: points} of every graded cell of ``assignment``, in notebook order, from the
    gradebook at ``db_url`` (default: ``gradebook.url``)."""
    from nbgrader.api import Gradebook

    with Gradebook(db_url or gradebook_location.url(root)) as gradebook:
        return {
            cell.name: cell.max_score
            for notebook in gradebook.find_assignment(assignment).notebooks
            for cell in notebook.grade_cells
        }


def points(value):
    """A part's or a total's points from a grades.csv cell, or None when it is awaiting
    grading or empty."""
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return None if number != number else number  # NaN: an empty cell


def questions(frame):
    """The graded cells' columns of a grades DataFrame, in notebook order."""
    start, end = list(frame.columns).index("status") + 1, list(frame.columns).index("score")
    return list(frame.columns[start:end])


def write_grades(root, assignment, out, db_url=None, failures=None):
    """Write ``out/grades.csv`` (see ``grades_frame``) and return the DataFrame."""
    frame = grades_frame(root, assignment, db_url, failures)
    Path(out).mkdir(parents=True, exist_ok=True)
    frame.to_csv(Path(out) / "grades.csv", index=False)
    return frame
