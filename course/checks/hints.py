"""The failure a self-check raises: an AssertionError that reads as a hint, not a traceback."""

import math
import sys

from course.record import record_pass

#: Money answers may differ from ours by float rounding, not by a cent more.
MONEY_TOLERANCE = 0.01


class NotYet(AssertionError):
    """An answer is not right yet; the message says what is wrong and what to try.

    It is an AssertionError so nbgrader counts the test as failed; IPython shows only
    the hint (``_render_traceback_``), because the check's own code helps nobody.
    """

    def _render_traceback_(self):
        return ["\x1b[0;31mNot yet:\x1b[0m " + line for line in str(self).splitlines()[:1]] + [
            "  " + line for line in str(self).splitlines()[1:]
        ]


def same_money(a, b):
    """Whether two amounts agree to the cent."""
    return math.isclose(a, b, rel_tol=0.0, abs_tol=MONEY_TOLERANCE)


def call_learner(function, *args, name=None):
    """Call a learner's function, turning a crash or a missing answer into a hint."""
    name = name or getattr(function, "__name__", "your function")
    if not callable(function):
        raise NotYet(f"{name} should be a function (def {name}(...): ...), got {function!r}")
    try:
        return function(*args)
    except NotImplementedError:
        raise NotYet(
            f"{name} is not written yet.\n"
            "Replace the line  raise NotImplementedError()  with your code."
        ) from None
    except Exception as error:  # the learner's code, so any error is theirs to see
        raise NotYet(
            f"{name}{args!r} raised {type(error).__name__}: {error}\n"
            "Run your function on these inputs in a cell of its own to see where it fails."
        ) from error


def money(value, what):
    """The learner's amount as a float, or a hint that it is not a number."""
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise NotYet(f"{what} should be a number, got {type(value).__name__} {value!r}")
    if not math.isfinite(value):
        raise NotYet(f"{what} should be a finite number, got {value!r}")
    return float(value)


def diagnose(value, expected, mistakes, otherwise):
    """``None`` when ``value`` is the ``expected`` amount; otherwise the hint of the first
    known mistake it matches (``mistakes`` pairs a wrong amount with its hint), or else
    ``otherwise``."""
    if same_money(value, expected):
        return None
    return next((hint for wrong, hint in mistakes if same_money(value, wrong)), otherwise)


def record_check_pass(frame):
    """Note in the learner's progress record that the check running in ``frame`` passed:
    a check function is named after its question, in a checks module that sets ``MODULE``."""
    module = frame.f_globals.get("MODULE")
    if module:
        record_pass(module, frame.f_code.co_name)


def passed(message):
    """Tell the learner what they got right (printed under the test cell), and note the
    pass in their progress record (``course.record``)."""
    record_check_pass(sys._getframe(1))
    print("\N{CHECK MARK} " + message)
