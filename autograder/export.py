"""Step 4 of grading: the gradebook's scores as ``grades.csv`` (one row per learner)."""

from pathlib import Path

from autograder import gradebook as gradebook_location


def grades_frame(root, assignment, db_url=None):
    """A DataFrame with ``learner``, one column per graded cell (in notebook order),
    ``total`` and ``max_score``, for every learner with a submission in the gradebook
    (at ``db_url``, default: ``gradebook.url``)."""
    import pandas as pd
    from nbgrader.api import Gradebook

    rows, columns = [], []
    with Gradebook(db_url or gradebook_location.url(root)) as gradebook:
        for notebook in gradebook.find_assignment(assignment).notebooks:
            columns += [cell.name for cell in notebook.grade_cells]
        for submission in gradebook.assignment_submissions(assignment):
            row = {"learner": submission.student.id}
            for notebook in submission.notebooks:
                for grade in notebook.grades:
                    row[grade.name] = grade.score
            row["total"] = submission.score
            row["max_score"] = submission.max_score
            rows.append(row)
    frame = pd.DataFrame(rows, columns=["learner", *columns, "total", "max_score"])
    return frame.sort_values("learner", ignore_index=True)


def write_grades(root, assignment, out, db_url=None):
    """Write ``out/grades.csv`` and return the DataFrame."""
    frame = grades_frame(root, assignment, db_url)
    Path(out).mkdir(parents=True, exist_ok=True)
    frame.to_csv(Path(out) / "grades.csv", index=False)
    return frame
