"""`leverage grade`: from a folder of submissions to grades, feedback and a class report.

The steps, in order, and why in that order:

1. ``intake`` — first, because nothing else should see a file that is not a notebook of
   this assignment, and every rejection needs its reason before any work is spent; it
   also says what grading will repair in each notebook (``autograder.repair``);
2. ``sandbox`` — before any learner code runs, decide what this machine can enforce and
   say once what it cannot;
3. ``gradebook`` — before the workers start, in this one process: tables created by
   several workers at once would collide; so is the instructor's secret that draws the
   hidden cases (``autograder.secret``), said on the console when it is new, as grades
   can be regraded the same only with it;
4. ``run`` — the expensive part, in parallel and resumable; nbgrader records the scores
   (every graded cell scored again, deleted ones put back first), and a learner whose
   notebook fails to grade loses the earlier submission's grades, so that no grade shown
   belongs to another notebook; feedback is written by the worker that graded the
   learner, right after grading, so it is parallel too;
5. ``withdraw`` — learners whose files intake refused entirely lose their earlier grades
   too, after ``run`` (which never sees them) and before anything is exported;
6. ``export`` — only after grading, from the gradebook (the system of record), so
   ``grades.csv`` never disagrees with nbgrader; every learner taken in has a row, and
   ``intake.csv`` one row per file;
7. ``lms`` — from ``grades.csv``'s rows and the feedback pages, so it needs both;
8. ``report`` — last, because it reads all of the above.

The console shows a progress bar while grading and one line per problem (a file not
taken, a notebook taken with changes, a learner not graded, a sandbox gap, a learner left
out of the platform's files); workers and kernels write the rest to ``grading.log``.
"""

import os
from dataclasses import dataclass
from pathlib import Path

from autograder import export, gradebook, intake, lms, report, run, sandbox, secret
from course.variants import is_learner_id


def untaken(rejections, learners):
    """{learner: why} for each learner named by a refused file who has nothing taken
    (``learners``): their earlier grades must not be shown in place of the new files'."""
    reasons = {}
    for rejection in rejections:
        if (
            rejection.learner
            and rejection.learner not in learners
            and is_learner_id(rejection.learner)
        ):
            reasons.setdefault(rejection.learner, f"nothing could be taken: {rejection.reason}")
    return reasons


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
    platform=None,
    roster=None,
):
    """Run the whole pipeline; ``say`` receives the lines an instructor should read.
    ``db`` is the gradebook's SQLAlchemy URL (default: ``gradebook.url``); ``platform``
    (``canvas`` or ``moodle``) adds that platform's grade file and feedback zip, with
    ``roster`` (an ``lms.Roster``) saying who is who."""
    root = Path(root).resolve()
    db_url = gradebook.url(root, db)
    out = Path(out or root / "grading" / assignment)
    names = intake.notebook_names(root, assignment)

    submissions, rejections = intake.take_in(root, assignment, source, roster)  # 1
    for rejection in rejections:
        say(f"not taken: {rejection.origin}: {rejection.reason}")
    for submission in submissions:
        if submission.note:
            say(f"taken with changes: {submission.origin}: {submission.note}")
    learners = sorted({s.learner for s in submissions})

    gaps = (  # 2
        sandbox.gaps()
        if sandboxed
        else ["the sandbox is off (--no-sandbox): learner code runs with your rights"]
    )
    for gap in gaps:
        say(f"warning: {gap}")

    out.mkdir(parents=True, exist_ok=True)
    gradebook.prepare(root, assignment, db_url)  # 3
    if not os.environ.get(secret.SECRET_VARIABLE) and not (root / secret.SECRET_FILE).is_file():
        secret.grading_secret(root)
        say(
            f"warning: a new secret for the hidden cases was made, {root / secret.SECRET_FILE}: "
            "keep it with the gradebook for this term (regrading without it tries other "
            "hidden cases)"
        )

    graded = run.grade_all(  # 4
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
    failures = {result.learner: result.error for result in graded if not result.ok}
    for result in graded:
        if result.feedback:
            say(f"no feedback for {result.learner}: {result.feedback}")

    for learner, reason in untaken(rejections, learners).items():  # 5
        run.withdraw(root, assignment, learner, out, db_url)
        failures[learner] = reason
    for learner, reason in failures.items():
        say(f"not graded: {learner}: {reason}")

    intake.intake_frame(submissions, rejections, failures).to_csv(  # 6
        out / "intake.csv", index=False
    )
    grades = export.write_grades(root, assignment, out, db_url, failures)

    if platform:  # 7
        for line in lms.write(
            platform,
            grades,
            export.maxima(root, assignment, db_url),
            out,
            assignment,
            names,
            roster,
            lms.identities(root, assignment, list(grades.learner)),
        ):
            say(line)

    report.write_report(  # 8
        root, assignment, grades, rejections, out, db_url, submissions, names
    )
    made = [f"grades: {out / 'grades.csv'}"]
    if platform:
        made.append(
            f"{platform}: {out / f'{platform}-grades.csv'}, {out / f'{platform}-feedback.zip'}"
        )
    made += [f"feedback: {out / 'feedback'}", f"report: {out / 'report.html'}"]
    say("; ".join(made))
    return Outcome(graded, rejections, grades, out, gaps)
