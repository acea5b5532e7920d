"""The failure a self-check raises: an AssertionError that reads as a hint, not a traceback."""

import math
import sys
from decimal import Decimal
from numbers import Real

from course.record import record_pass

#: Money answers may differ from ours by float rounding, not by a cent more.
MONEY_TOLERANCE = 0.01

#: How a check's note for the instructor starts: a line of a pass message that is not a
#: refusal but something to read before trusting the marks (an answer that matches one
#: the notebook shows). The class report lists each (``autograder.report.instructor_notes``).
INSTRUCTOR_NOTE = "A note for your instructor, not a fault: "


class NotYet(AssertionError):
    """An answer is not right yet; the message says what is wrong and what to try.

    ``general``, when given, says what is wrong without any number of the case it failed
    on: a hidden check shows only that (``course.checks.calls``), so feedback never gives
    away a hidden case's inputs or answer. ``raised``, when the learner's function raised,
    is what it raised as ``(exception class name, message)``, so a check can read the
    outcome instead of parsing the hint.

    It is an AssertionError so nbgrader counts the test as failed; IPython shows only
    the hint (``_render_traceback_``), because the check's own code helps nobody.
    """

    def __init__(self, message, general=None, raised=None):
        super().__init__(message)
        self.general = general
        self.raised = raised

    def _render_traceback_(self):
        return ["\x1b[0;31mNot yet:\x1b[0m " + line for line in str(self).splitlines()[:1]] + [
            "  " + line for line in str(self).splitlines()[1:]
        ]


def same_money(a, b):
    """Whether two amounts agree to the cent."""
    return math.isclose(a, b, rel_tol=0.0, abs_tol=MONEY_TOLERANCE)


def call_learner(function, *args, name=None):
    """Call a learner's function, turning a crash or a missing answer into a hint.

    The function runs on deep copies of ``args``, and what it returns comes back as plain
    data (``course.checks.plaindata``): the check goes on with that, and the call is
    recorded for the grader, which replays the check outside the learner's kernel
    (``course.checks.calls``). A crash's hint gives the call to paste into a cell.
    """
    from course.checks.calls import call

    return call(function, args, name)


def money(value, what):
    """The learner's amount as a float, or a hint that it is not a number. Any real number
    counts (int, float, an exact ``Fraction`` as module 01 teaches, ``Decimal``, numpy's
    numbers); a truth value does not."""
    if isinstance(value, bool) or not isinstance(value, Real | Decimal):
        raise NotYet(
            f"{what} should be a number, got {type(value).__name__} {value!r}",
            general=f"on one of them it gave a {type(value).__name__} where a number belongs",
        )
    value = float(value)
    if not math.isfinite(value):
        raise NotYet(
            f"{what} should be a finite number, got {value!r}",
            general=f"on one of them it gave {value!r} where a finite number belongs",
        )
    return float(value)


def evened(value):
    """A word as a learner may write it, with case, spaces, '_' and '-' evened out:
    'Walk-away', 'walk_away' and ' WALK  away' all read 'walk away'. Anything but text is
    returned as it is, for the caller to refuse."""
    if not isinstance(value, str):
        return value
    return " ".join(value.strip().lower().replace("_", " ").replace("-", " ").split())


def one_of(value, choices, what, aliases=None):
    """The learner's choice among ``choices`` (words), returned as ``choices`` spells it:
    case, spaces, '_' and '-' do not count (``evened``). ``aliases`` maps other words the
    question's text allows to the choice each stands for. Raises ``NotYet`` naming the
    choices when ``value`` is none of them (or not text)."""
    said = evened(value)
    if isinstance(said, str):
        for choice in choices:
            if said == evened(choice):
                return choice
        for word, choice in (aliases or {}).items():
            if said == evened(word):
                return choice
    listed = ", ".join(repr(choice) for choice in choices)
    raise NotYet(
        f"{what} should be one of {listed}, got {value!r}",
        general=f"it should return one of {listed}",
    )


def diagnose(value, expected, mistakes, otherwise):
    """``None`` when ``value`` is the ``expected`` amount; otherwise the hint of the first
    known mistake it matches, or else ``otherwise``. ``mistakes`` pairs a wrong amount with
    its hint, ``(wrong, hint)``, or with its hint and the same in general words, without
    the case's numbers, ``(wrong, hint, general)`` (see ``general_hint``)."""
    if same_money(value, expected):
        return None
    return next((hint for wrong, hint, *_ in mistakes if same_money(value, wrong)), otherwise)


def general_hint(hint, mistakes):
    """The general words for ``hint``, a hint ``diagnose`` gave from ``mistakes``: the
    mistake's third item, or its hint when it has none (a hint that holds no number of the
    case); ``None`` when ``hint`` is no known mistake's (it is a case's numbers)."""
    return next((general[0] if general else h for _, h, *general in mistakes if h == hint), None)


def record_check_pass(frame):
    """Note in the learner's progress record that the check running in ``frame`` passed:
    a check function is named after its question, in a checks module that sets ``MODULE``.
    A check the grader replays records nothing."""
    from course.checks.calls import replaying

    module = frame.f_globals.get("MODULE")
    if module and not replaying():
        record_pass(module, frame.f_code.co_name)


def passed(message):
    """Tell the learner what they got right (printed under the test cell), and note the
    pass in their progress record (``course.record``)."""
    from course.checks.calls import note_pass, replaying

    if replaying():
        note_pass("\N{CHECK MARK} " + message)
        return
    record_check_pass(sys._getframe(1))
    print("\N{CHECK MARK} " + message)
