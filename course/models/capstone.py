"""The learner's own plan, read safely for the capstone's negotiation table: whatever
their functions return or raise, the table gets plain numbers and packages, or a note
saying why not. (The outcome itself is measured on the engine: ``course.engine.debrief``.)
"""

from course.models.concessions import package_points
from course.models.validation import number


def read_plan(case, reservation_function, opening_function, plan_function=None):
    """The learner's plan from their own answers, checked: ``reservation`` (a finite
    number, from ``my_reservation(case)``) and ``opening`` (a package of the case: the
    first of the list ``opening_offer(case)`` returns, or the package itself when it
    returns one), each ``None`` with a note saying why when the function is missing,
    unwritten, crashes or returns something unusable; and, when ``plan_function`` is
    given, ``steps``: the packages ``concession_plan(case, opening, reservation)``
    returns (``None`` with a note when it cannot be read, or when there is no opening or
    reservation to give it)."""
    plan = {"reservation": None, "opening": None, "steps": None, "notes": []}
    for key, function, name in (
        ("reservation", reservation_function, "my_reservation"),
        ("opening", opening_function, "opening_offer"),
    ):
        if not callable(function):
            plan["notes"].append(f"{name} is not a function yet")
            continue
        try:
            value = function(case)
            if key == "reservation":
                value = number(value, f"{name}'s answer")
            else:
                if isinstance(value, list | tuple):
                    if not value:
                        raise ValueError("it returned an empty list")
                    value = value[0]
                package_points(value, case.yours)
                value = dict(value)
        except NotImplementedError:
            plan["notes"].append(f"{name} is not written yet")
            continue
        except Exception as error:  # the learner's code: any failure is reported, not raised
            plan["notes"].append(f"{name} did not give a usable answer ({error})")
            continue
        plan[key] = value
    if plan_function is not None:
        plan["steps"] = _read_steps(case, plan, plan_function)
    return plan


def _read_steps(case, plan, function):
    name = "concession_plan"
    if not callable(function):
        plan["notes"].append(f"{name} is not a function yet")
        return None
    if plan["opening"] is None or plan["reservation"] is None:
        return None  # the notes already say which answer is missing
    try:
        steps = function(case, dict(plan["opening"]), plan["reservation"])
        if not isinstance(steps, list | tuple) or not steps:
            raise ValueError("it should return a non-empty list of packages")
        for step in steps:
            package_points(step, case.yours)
        return [dict(step) for step in steps]
    except NotImplementedError:
        plan["notes"].append(f"{name} is not written yet")
    except Exception as error:  # the learner's code: any failure is reported, not raised
        plan["notes"].append(f"{name} did not give a usable answer ({error})")
    return None
