"""Partial credit for a test cell that makes several independent checks.

nbgrader takes a number shown by a test cell as that cell's score ("partial credit").
``score`` runs every check of a question, even after one fails, and returns a ``Credit``:
its plain-text form is the points earned, for nbgrader; the notebook shows each check
with what passed or the hint for what did not; and each check's outcome is kept as JSON
(``CHECKS_MIME``) so the class report can count failures per check.
"""

import html
import os
import sys
from collections.abc import Callable
from dataclasses import asdict, dataclass

from course.checks.calls import parts_shown
from course.checks.hints import NotYet, record_check_pass
from course.grader_keys import KeysNotHere
from course.variants import grading_key

#: What an ``own_case`` check says when it runs without a grading key (in a learner's kernel).
JUDGED_AT_GRADING = "your own items are judged when the notebook is graded, not before"

#: Whether ``own_case`` checks run without a grading key too: never in a learner's kernel;
#: the course's tests set it, so that a test of how grading judges the own items need not
#: also draw other hidden learners (which a grading key would).
_own_items_without_key = False


def own_items_judged():
    """Whether a hidden check judges the learner's own graded items here: only under nbgrader
    (``NBGRADER_EXECUTION``: grading, or an instructor's ``nbgrader validate`` of the source)
    or a grading key (``course.variants.grading_key``), never in a learner's kernel."""
    return (
        _own_items_without_key
        or bool(os.environ.get("NBGRADER_EXECUTION"))
        or grading_key() is not None
    )


CHECKS_MIME = "application/vnd.leverage.checks+json"


class Carried(str):
    """What a check's ``run`` returns when it earns its points only by following rightly from
    an earlier part the learner got wrong (carry-forward credit). Review 103 X6: such a
    check showed a tick beside "that share is wrong"; it now shows a neutral mark and says
    it is credited, so the tick means right."""


@dataclass(frozen=True)
class Check:
    """One independent part of a question: ``run`` returns what the learner got right,
    or raises ``NotYet`` with the hint they need. A ``practice`` check judges a worked
    case of the text, not the learner's own: it earns no marks, and says so. An
    ``own_case`` check judges only the learner's own scenario (labels marked at grading
    alone, so re-running cannot find them): it runs only under nbgrader or a grading key
    (``own_items_judged``), so a hidden check run by hand in a learner's kernel
    says the learner's own items are judged at grading and judges none of them; grading
    shows its hint as it is, not prefixed as a function's that fails a case grading tries.
    A ``required`` check of no points still decides whether the question counts as passed
    in the learner's progress record (the form of answers that are marked at grading)."""

    name: str
    points: float
    run: Callable[[], str]
    practice: bool = False
    own_case: bool = False
    required: bool = False


@dataclass(frozen=True)
class Outcome:
    """How one check went: its points earned, and the message for the learner. A check of
    no points is feedback only: ``right`` says whether it passed, since its points cannot."""

    check: str
    points: float
    earned: float
    message: str
    practice: bool = False
    right: bool = True

    @property
    def carried(self):
        """Whether the points are carry-forward credit (the message is ``Carried``)."""
        return isinstance(self.message, Carried)

    @property
    def passed(self):
        return self.right and self.earned == self.points

    @property
    def feedback_only(self):
        return self.points == 0


def _points(outcome):
    """What a check's line says of its points: earned of possible, or that it has none."""
    if outcome.feedback_only:
        return "feedback only, no mark"
    return f"{outcome.earned:g} of {outcome.points:g}"


class Credit:
    """The points a test cell earned, shown to the learner check by check."""

    def __init__(self, outcomes):
        self.outcomes = list(outcomes)

    @property
    def earned(self):
        return sum(outcome.earned for outcome in self.outcomes)

    @property
    def possible(self):
        return sum(outcome.points for outcome in self.outcomes)

    def __repr__(self):
        return f"{self.earned:g}"  # the bare number nbgrader reads as the cell's score

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {
            "text/plain": repr(self),
            "text/html": self._html(),
            # "right" is inside "passed", which the report reads
            CHECKS_MIME: [
                {
                    **{k: v for k, v in asdict(o).items() if k != "right"},
                    "passed": o.passed,
                }
                for o in self.outcomes
            ],
        }

    def _header(self):
        """The result's first line: marks, or for a practice case what it is not."""
        if self.outcomes and all(o.feedback_only for o in self.outcomes):
            right = sum(o.passed for o in self.outcomes)
            return f"Feedback only, no marks: {right} of {len(self.outcomes)} right."
        # review 90 X2: a feedback-only line beside the practice (the form of the learner's
        # own answers) is not part of the practice case, and earns nothing either
        marked = [o for o in self.outcomes if not o.feedback_only]
        if marked and all(o.practice for o in marked):
            return (
                f"Practice case: {self.earned:g} of {self.possible:g} right. It earns no "
                "marks; your own answers are marked when the notebook is graded."
            )
        return f"{self.earned:g} of {self.possible:g} marks"

    def _html(self):
        rows = "".join(
            f"<li>{_mark(o)} <b>{html.escape(o.check)}</b> "
            f"({_points(o)}): "
            f"{_lead(o)}{html.escape(o.message).replace(chr(10), '<br>')}</li>"
            for o in self.outcomes
        )
        return (
            f"<div class='leverage-credit'><p><b>{html.escape(self._header())}"
            f"</b></p><ul>{rows}</ul></div>"
        )


def _mark(outcome):
    """A tick for right, a cross for not yet, and for carry-forward credit (``Carried``) a
    neutral arrow: the points are paid, but the answer is not right."""
    if outcome.carried:
        return "&#x21AA;"
    return "&#x2714;" if outcome.passed else "&#x2718;"


def _lead(outcome):
    """What a check's message starts with: nothing when right, "Credited, not right: " for
    carry-forward credit, "Not yet: " otherwise."""
    if outcome.carried:
        return "Credited, not right: "
    return "" if outcome.passed else "Not yet: "


def _own_case_hint(hint):
    """What a failed ``own_case`` check says: its general words, which the module wrote for
    grading, else the hint itself (the learner's own case hides nothing)."""
    return f"{hint.general}." if hint.general else str(hint)


def score(*checks):
    """Run every check and return the ``Credit`` they earn together; a check that fails
    costs only its own points, and its hint is shown beside the others' results (in a
    hidden check, a hint that names no hidden case: ``calls.parts_shown``). When every
    check passes, the question counts as passed in the learner's progress record."""
    if not checks or not all(isinstance(check, Check) for check in checks):
        raise TypeError("score takes one or more Check(name, points, run)")
    done, failures = {}, {}
    judged = own_items_judged()
    for check in checks:
        if check.own_case and not judged:
            failures[check.name] = NotYet(JUDGED_AT_GRADING, general=JUDGED_AT_GRADING)
            continue
        try:
            done[check.name] = check.run()
        except NotYet as hint:
            failures[check.name] = hint
        except KeysNotHere:
            if not check.own_case:
                raise
            # a grading kernel without the grader's keys (``course.grader_keys``): the
            # grader, which holds them, judges this check when it replays the transcript;
            # the kernel goes on, so that the checks after it still call the learner's
            # function as the replay will
            failures[check.name] = NotYet(JUDGED_AT_GRADING, general=JUDGED_AT_GRADING)
    own_case = {check.name for check in checks if check.own_case}
    # in a hidden check, hints that name no hidden case; the own case hides nothing
    hints = parts_shown({name: hint for name, hint in failures.items() if name not in own_case})
    hints.update(
        {name: _own_case_hint(hint) for name, hint in failures.items() if name in own_case}
    )
    credit = Credit(
        Outcome(
            check.name,
            check.points,
            check.points,
            done[check.name],
            check.practice,
        )
        if check.name in done
        else Outcome(check.name, check.points, 0, hints[check.name], check.practice, False)
        for check in checks
    )
    # a check of no points is feedback: it does not decide whether the question passed,
    # unless it is required or the question has only such checks (ungraded practice)
    deciding = [
        outcome
        for check, outcome in zip(checks, credit.outcomes, strict=True)
        if check.required or not outcome.feedback_only
    ] or credit.outcomes
    if all(outcome.passed for outcome in deciding):
        record_check_pass(sys._getframe(1))
    return credit
