"""Deadlines, extensions and late work, set in the course's ``nbgrader_config.py``.

nbgrader already knows each piece: an assignment's due date (``Assignment.duedate``), a
learner's extension (``SubmittedAssignment.extension``), when they submitted (the
``timestamp.txt`` its exchange writes, which ``leverage grade`` carries over from an export),
and a late penalty plugin (``AssignLatePenalties.plugin_class``) asked for the points to take
off a late notebook. What it lacks is a place to write due dates and extensions down with
the course rather than typing them into the formgrader; so:

- ``Deadlines`` (a sanitize step of ``nbgrader autograde``) writes the due dates and
  extensions of the config into the gradebook before nbgrader measures lateness::

      c.Deadlines.due = {"02_batna": "2026-03-06 17:00:00+01:00"}
      c.Deadlines.extensions = {"02_batna": {"ana-costa": 48}}  # hours, per learner

  An assignment the config does not name keeps whatever the gradebook has (a due date
  given with ``nbgrader db assignment add --duedate``, an extension from the formgrader);
  for an assignment it names, the config is the record;
- ``LatePenalty`` is the late penalty plugin: after ``grace_minutes``, each day late or
  part of one takes ``per_day`` of the notebook's points, up to ``most`` of them::

      c.AssignLatePenalties.plugin_class = "autograder.late.LatePenalty"
      c.LatePenalty.per_day = 0.1  # a tenth of the points per day
      c.LatePenalty.grace_minutes = 15
      c.LatePenalty.most = 1.0  # all of them, after ten days

``grades.csv`` and the class report show each learner's submission time, due date with
extension, hours late and the points taken off.
"""

import datetime
import math

from nbgrader.api import Gradebook
from nbgrader.plugins import LateSubmissionPlugin
from nbgrader.preprocessors import NbGraderPreprocessor
from nbgrader.utils import parse_utc
from traitlets import Dict, Float, validate


class Deadlines(NbGraderPreprocessor):
    """Write the configured due date of the assignment being graded, and the extension of
    the learner being graded, into nbgrader's gradebook (see the module's docstring)."""

    due = Dict(
        help="Due date per assignment: {assignment: 'YYYY-MM-DD HH:MM:SS+HH:MM'} (a date "
        "without an offset is UTC)."
    ).tag(config=True)
    extensions = Dict(
        help="Extensions per assignment, in hours per learner: {assignment: {learner: hours}}."
    ).tag(config=True)

    @validate("due")
    def _check_due(self, proposal):
        for assignment, moment in proposal["value"].items():
            try:
                parse_utc(moment)
            except (ValueError, OverflowError, TypeError):
                raise ValueError(
                    f"c.Deadlines.due[{assignment!r}] must be a date and time such as "
                    f"'2026-03-06 17:00:00+01:00', got {moment!r}"
                ) from None
        return proposal["value"]

    @validate("extensions")
    def _check_extensions(self, proposal):
        for assignment, hours in proposal["value"].items():
            for learner, value in dict(hours).items():
                if not isinstance(value, int | float) or value < 0:
                    raise ValueError(
                        f"c.Deadlines.extensions[{assignment!r}][{learner!r}] must be a "
                        f"number of hours, 0 or more, got {value!r}"
                    )
        return proposal["value"]

    def preprocess(self, nb, resources):
        meta = resources["nbgrader"]
        assignment, learner = meta["assignment"], meta["student"]
        if assignment not in self.due and assignment not in self.extensions:
            return nb, resources
        with Gradebook(meta["db_url"]) as gradebook:
            if assignment in self.due:
                gradebook.update_or_create_assignment(
                    assignment, duedate=parse_utc(self.due[assignment])
                )
            if assignment in self.extensions:
                hours = self.extensions[assignment].get(learner)
                gradebook.update_or_create_submission(
                    assignment,
                    learner,
                    extension=datetime.timedelta(hours=hours) if hours else None,
                )
        return nb, resources


class LatePenalty(LateSubmissionPlugin):
    """The course's late policy: after ``grace_minutes``, ``per_day`` of a notebook's points
    for each day late or part of one, at most ``most`` of them."""

    per_day = Float(0.1, help="Share of the notebook's points taken off per day late.").tag(
        config=True
    )
    grace_minutes = Float(15, help="Minutes after the due date that are not late.").tag(config=True)
    most = Float(1.0, help="The largest share of the points that lateness can take.").tag(
        config=True
    )

    def late_submission_penalty(self, student_id, score, total_seconds_late):
        """The points to take off ``score`` (points) for ``total_seconds_late`` (seconds
        after the due date with the learner's extension)."""
        return penalty(score, total_seconds_late, self.per_day, self.grace_minutes, self.most)


def penalty(score, seconds_late, per_day, grace_minutes, most):
    """Points off ``score`` for work ``seconds_late`` after its due date: ``per_day`` (a
    share, 0 to 1) of ``score`` per started day beyond ``grace_minutes``, at most ``most``
    (a share) of it."""
    late = seconds_late - grace_minutes * 60
    if late <= 0 or score <= 0:
        return 0.0
    return score * min(most, math.ceil(late / 86400) * per_day)
