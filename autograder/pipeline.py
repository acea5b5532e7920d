"""`leverage grade`: from a folder of submissions to grades, feedback and a class report.

The steps, in order, and why in that order:

1. ``intake`` — first, because nothing else should see a file that is not a notebook of
   this assignment, and every rejection needs its reason before any work is spent;
2. ``sandbox`` — before any learner code runs, decide what this machine can enforce and
   say once what it cannot;
3. ``run`` — the expensive part, in parallel and resumable; nbgrader records the scores;
4. ``export`` — only after grading, from the gradebook (the system of record), so the CSV
   never disagrees with nbgrader;
5. ``feedback`` — from each autograded notebook, with hidden tests removed; done by the
   worker that graded the learner, right after grading, so it is parallel too;
6. ``report`` — last, because it reads all of the above.
"""

from dataclasses import dataclass
from pathlib import Path

from autograder import export, gradebook, intake, report, run, sandbox


@dataclass
class Outcome:
    """What a grading run produced."""

    graded: list
    rejections: list
    grades: object
    out: Path
    gaps: list


def grade(
    root,
    assignment,
    source=None,
    workers=None,
    timeout=60,
    out=None,
    force=False,
    sandboxed=True,
    progress=True,
    say=print,
    db=None,
):
    """Run the whole pipeline; ``say`` receives the lines an instructor should read.
    ``db`` is the gradebook's SQLAlchemy URL (default: ``gradebook.url``)."""
    root = Path(root).resolve()
    db_url = gradebook.url(root, db)
    out = Path(out or root / "grading" / assignment)
    submissions, rejections = intake.take_in(root, assignment, source)
    for rejection in rejections:
        say(f"not taken: {rejection.origin}: {rejection.reason}")
    gaps = (
        sandbox.gaps()
        if sandboxed
        else ["the sandbox is off (--no-sandbox): learner code runs with your rights"]
    )
    for gap in gaps:
        say(f"warning: {gap}")
    learners = sorted({s.learner for s in submissions})
    out.mkdir(parents=True, exist_ok=True)
    gradebook.prepare(root, assignment, db_url)
    graded = run.grade_all(
        root,
        assignment,
        learners,
        out,
        workers=workers,
        timeout=timeout,
        force=force,
        sandboxed=sandboxed,
        progress=progress,
        db_url=db_url,
    )
    for result in graded:
        if not result.ok:
            say(
                f"could not grade {result.learner}: {result.error.strip().splitlines()[-1] if result.error.strip() else 'unknown error'}"
            )
    intake.rejections_frame(rejections).to_csv(out / "intake.csv", index=False)
    grades = export.write_grades(root, assignment, out, db_url)
    for result in graded:
        if result.feedback:
            say(f"no feedback for {result.learner}: {result.feedback}")
    report.write_report(root, assignment, grades, rejections, out, db_url)
    say(
        f"grades: {out / 'grades.csv'}; feedback: {out / 'feedback'}; report: {out / 'report.html'}"
    )
    return Outcome(graded, rejections, grades, out, gaps)
