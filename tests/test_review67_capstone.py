"""Module 05, review 67: the minor text findings U2 and U3."""

from pathlib import Path

import course
from course.models.concessions import all_packages
from course.scenarios.capstone import beyond_of

SOURCE = Path(course.__file__).parents[1] / "source" / "05_capstone" / "capstone.py"


def _section(grade_id):
    cell = SOURCE.read_text().split(f'grade_id": "{grade_id}"')[1].split("# %%")[0]
    return " ".join(line.removeprefix("#").strip() for line in cell.splitlines())


def test_question_5_states_the_partners_quarter_line_without_a_condition_that_never_fails():
    """U2: 'Where no package of the same profit gives that many points, a partner of an
    opening one step beyond needs only a quarter...': the step beyond lies on the frontier
    with fewer points than Marlow's lower reservation price, so no package of its profit
    gives that many, and the check applies the quarter line unconditionally. Here, for
    every learner of 1 to 120 with a step beyond, no package of its profit reaches
    ``s.reservation_if_not``; the clause is gone. Failed on the old text."""
    seen = 0
    for n in range(1, 121):
        case = course.variant("05_capstone", f"learner-{n}")
        beyond = beyond_of(case)
        if beyond is None:
            continue
        seen += 1
        same = [them for _, you, them in all_packages(case.yours, case.theirs) if you == beyond[1]]
        assert max(same) < case.reservation_if_not, case.learner
    assert seen >= 100, seen
    text = _section("q5-text")
    assert "Where no package of the same profit gives that many points" not in text
    # review 90 (C1, U1, U3): removed on purpose
    assert (  # review 79 U4: the exception now stands inside rule 2
        "points to Marlow (a quarter of `s.reservation_if_quell` when you open one step "
        "beyond, so that Marlow would not refuse it out of hand)." not in text
    )


def test_the_rush_request_is_informative_because_it_costs_not_because_it_cannot_be_faked():
    """U3: 'a rush request admits a need ... so it is hard to fake' overstated the signal:
    a request is cheap talk until priced. The text now says what makes it informative:
    it costs Marlow something at the table, so it is less often made without need, by
    as much as the learner's likelihoods say. Failed on the old text."""
    text = _section("information-teaching")
    assert "hard to fake" not in text
    assert "admits a need" not in text
    assert (
        "a rush request costs Marlow something at the table, so it is less often made "
        "without need, while a claim about stock "
        "costs nothing and serves Marlow" in text
    )
