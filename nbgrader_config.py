"""nbgrader configuration for the Leverage course. The course root is this folder.

Run nbgrader from here: `nbgrader validate`, `nbgrader generate_assignment` (or
`leverage build`) and `nbgrader autograde` all read this file.
"""

c = get_config()  # noqa: F821 (provided by nbgrader when it loads this file)

c.CourseDirectory.course_id = "leverage"

# The jupytext sources (*.py) beside each source notebook hold the solutions: never copy
# them into release/ or feedback.
c.CourseDirectory.ignore = [".ipynb_checkpoints", "*.pyc", "__pycache__", "feedback", "*.py"]

# A notebook runs top to bottom in seconds; a minute per cell is generous.
c.Execute.timeout = 60

# Per-learner variants (course/variants.py). The order matters:
# - RecordSubmittedVariant reads the learner's own outputs, so it runs before ClearOutput;
# - LearnerExecute replaces Execute, to run the kernel as the submitter's variant;
# - RecordGradedVariant reads what that run produced, so it comes after LearnerExecute;
# - JudgeOutsideKernel decides every test cell in this process, by replaying the course's
#   checks on what the kernel recorded (autograder/judge.py): it needs the executed
#   notebook, so it comes after LearnerExecute, and its verdict must be in the outputs
#   before SaveAutoGrades reads them.
# The other steps are nbgrader 0.9.6's defaults, in nbgrader's order.
# LearnerExecute also runs every learner kernel in the course's sandbox (autograder/sandbox.py),
# for a plain `nbgrader autograde` as for `leverage grade`; where this machine cannot enforce
# part of it, the log says so once. For trusted code only: c.LearnerExecute.sandbox = False
# A notebook edited in JupyterLab (cells copied, split, deleted, retyped) is repaired before
# nbgrader's own checks, which would otherwise refuse it or grade the wrong cell
# (autograder/repair.py says what each repair does and why):
# - RepairCells runs before DeduplicateIds, which would empty the metadata of all but one
#   of two cells sharing a grade_id and so make CheckCellMetadata refuse the notebook;
# - RestoreDeletedCells replaces OverwriteCells: the same overwrite, with nbgrader's
#   add_missing_cells on and deleted graded cells placed where nbgrader's own placement
#   raises KeyError.
# - Deadlines writes this config's due dates and extensions (below) into the gradebook
#   before nbgrader measures lateness, which it does in AssignLatePenalties.
c.Autograde.sanitize_preprocessors = [
    "autograder.late.Deadlines",
    "autograder.nbgrader_hooks.RecordSubmittedVariant",
    "nbgrader.preprocessors.ClearOutput",
    "autograder.repair.RepairCells",
    "nbgrader.preprocessors.DeduplicateIds",
    "nbgrader.preprocessors.OverwriteKernelspec",
    "autograder.repair.RestoreDeletedCells",
    "nbgrader.preprocessors.CheckCellMetadata",
]
c.Autograde.autograde_preprocessors = [
    "autograder.nbgrader_hooks.LearnerExecute",
    "autograder.nbgrader_hooks.RecordGradedVariant",
    "autograder.judge.JudgeOutsideKernel",
    "nbgrader.preprocessors.IgnorePattern",
    "nbconvert.preprocessors.ClearMetadataPreprocessor",
    "nbgrader.preprocessors.LimitOutput",
    "nbgrader.preprocessors.SaveAutoGrades",
    "nbgrader.preprocessors.AssignLatePenalties",
    "nbgrader.preprocessors.CheckCellMetadata",
]

# Deadlines, extensions and late work (autograder/late.py). Due dates and extensions are
# written here; lateness runs from the submission time nbgrader's exchange records
# (timestamp.txt). For example:
#   c.Deadlines.due = {"02_batna": "2026-03-06 17:00:00+01:00"}
#   c.Deadlines.extensions = {"02_batna": {"ana-costa": 48}}  # hours, per learner
# The policy: after 15 minutes' grace, a tenth of a notebook's points per day late or part
# of one, until nothing is left.
c.AssignLatePenalties.plugin_class = "autograder.late.LatePenalty"
c.LatePenalty.per_day = 0.1
c.LatePenalty.grace_minutes = 15
c.LatePenalty.most = 1.0

# Feedback shows the autograded notebook, whose test cells hold the hidden tests again:
# clear them, as nbgrader 0.9.6 does not by default, and cut tracebacks that could
# quote them down to the error's message.
c.GenerateFeedback.preprocessors = [
    "nbgrader.preprocessors.GetGrades",
    "nbgrader.preprocessors.ClearHiddenTests",
    "autograder.nbgrader_hooks.ShortTracebacksInTests",
    "nbconvert.preprocessors.CSSHTMLHeaderPreprocessor",
    "autograder.feedback.NameQuestions",
    "autograder.feedback.MarkAwaiting",
    "autograder.feedback.PlainChecks",
    "autograder.feedback.OfflineMath",
]

# The feedback page (autograder/feedback.py): nbgrader's template with the questions named,
# parts awaiting a manual grade said so, mathematics rendered to MathML without the
# internet, the page's language declared and colours readable; the four preprocessors
# above feed it (MarkAwaiting reads the grades GetGrades put in).
try:
    from autograder.feedback import TEMPLATE, TEMPLATE_FILE, template_dirs
except ImportError:  # an environment without the course's grading tools: nbgrader's own page
    pass
else:
    c.HTMLExporter.template_name = TEMPLATE
    c.HTMLExporter.template_file = TEMPLATE_FILE
    c.HTMLExporter.extra_template_basedirs = template_dirs()
