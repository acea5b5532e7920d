"""The capstone's scoring: whether each concession got something back, how much value a
deal created against the Pareto frontier, and the learner's own plan, read safely for the
negotiation table.

Plain numbers in, plain dicts out: the engine's capstone table feeds these from a
finished negotiation, and the checks never need them.
"""

import math

from course.models.concessions import better_for_both, package_points
from course.models.validation import number


def concessions_answered(moves, accepted_by_them=False):
    """Each of your concessions and whether it was answered.

    ``moves`` lists the offers in order as ``(who, your_points)`` with who ``"you"`` or
    ``"them"``. A concession is an offer of yours worth less to you than your previous
    one; it is answered when their next offer is worth more to you than their offer
    before it, or when they accept it (``accepted_by_them``: they accepted your last
    offer). Returns one dict per concession: ``cost``, ``answered`` and ``back`` (what
    their next offer gave you, ``None`` when they accepted or never moved again)."""
    found = []
    last_yours = last_theirs = None
    for position, (who, points) in enumerate(moves):
        points = number(points, "an offer's points")
        if who not in ("you", "them"):
            raise ValueError(f"a move is made by 'you' or 'them', got {who!r}")
        if who == "them":
            last_theirs = points
            continue
        if last_yours is not None and points < last_yours:
            following = next((p for w, p in moves[position + 1 :] if w == "them"), None)
            if following is None:
                answered, back = accepted_by_them, None
            else:
                back = following - (last_theirs if last_theirs is not None else following)
                answered = back > 0
            found.append({"cost": last_yours - points, "answered": answered, "back": back})
        last_yours = points
    return found


def value_created(deal, points, reservations):
    """How much a deal ``(your_points, their_points)`` created, among every package's
    ``points``: the joint gain over both walk-aways, the most any package both sides
    would take could give, the packages better for both, and whether it is on the
    frontier. ``None`` for the joint figures when no package beats both walk-aways."""
    yours, theirs = (number(r, "a reservation") for r in reservations)
    feasible = [(a, b) for a, b in points if a >= yours and b >= theirs]
    best = max((a - yours + b - theirs for a, b in feasible), default=None)
    better = better_for_both(deal, points)
    return {
        "joint_gain": deal[0] - yours + deal[1] - theirs,
        "best_joint_gain": best,
        "better_for_both": len(better),
        "on_frontier": not better,
    }


def read_plan(case, reservation_function, opening_function):
    """The learner's plan from their own answers, checked: ``reservation`` (a finite
    number, from ``my_reservation(case)``) and ``opening`` (a package of the case: the
    first of the list ``opening_offer(case)`` returns, or the package itself when it
    returns one), each ``None`` with a note saying why when the function is missing,
    unwritten, crashes or returns something unusable."""
    plan = {"reservation": None, "opening": None, "notes": []}
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
    return plan


def share_kept(deal_points, opening_points, reservation):
    """How much of the room between your walk-away and your opening the deal kept, in
    [0, 1] when the deal lies between them; ``None`` when the opening was not above it."""
    room = number(opening_points, "the opening's points") - number(reservation, "a reservation")
    if room <= 0 or not math.isfinite(room):
        return None
    return (number(deal_points, "the deal's points") - reservation) / room
