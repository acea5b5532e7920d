"""Review 110 (module 05), fixed in round 111: E1, C1, C2 + U3, C4, C5, C3, U2.

C1: section 5 teaches concessions in steps that shrink, yet question 7 graded two shapes:
the smallest step each time (whose steps grew in 694 of 1,200 learners' own cases, id-0 …
id-1199) or steps that shrink only until the targets; the reference plan itself grew on 411
of those 1,200 cases (rv-alice: 95 → 90 → 80). Question 7 now grades one shape: no step
costs more than the one before, to the end, passing both targets where such steps can
(or skipping no more than every such plan must). The reference plan keeps it on every
case swept; a smallest-step plan passes only where its steps do not grow (506 of 1,200).
"""

import inspect
import io
import itertools
from contextlib import redirect_stdout
from pathlib import Path

import course
from course.checks import capstone as check
from course.checks.capstone import _shape_fault, judge_plan
from course.checks.hints import NotYet
from course.models.concessions import package_points
from course.scenarios.capstone import opening_of, plan_of, reservation_of
from course.variants import learner_as
from tests.notebooks import solution_namespace
from tests.sweeps import cell_text

MODULE = "05_capstone"
SOURCE = Path(__file__).resolve().parents[1] / "source/05_capstone/capstone.py"


def _cell(grade_id):
    return " ".join(cell_text(MODULE, "capstone", grade_id).replace("\n# ", "\n").split())


def _solutions():
    with learner_as("learner-1"), redirect_stdout(io.StringIO()):
        return solution_namespace(MODULE, "capstone")


def _grows(case, plan):
    worths = [package_points(dict(package), case.yours) for package in plan]
    costs = [a - b for a, b in itertools.pairwise(worths) if a > b]
    return any(later > earlier for earlier, later in itertools.pairwise(costs))


def _verdict(case, plan, opening, floor):
    try:
        judge_plan(case, plan, opening, floor)
    except NotYet as hint:
        return str(hint)
    return True


# --- E1: seven checks say what to fix ---------------------------------------------------------


def test_e1_seven_of_the_eight_checks_say_what_to_fix():
    """Eight graded answers; only question 6's visible check looks at form alone (an answer
    of the right form with every verdict "say" passes it), so seven say what to fix."""
    text = SOURCE.read_text()
    graded = [line for line in text.splitlines() if '"grade": true' in line]
    code = [line for line in graded if "[markdown]" not in line]
    assert len(code) == 8
    intro = _cell("intro")
    assert "for six says what to fix" not in intro
    assert "for seven says what to fix (question 6's checks only its form)" in intro
    case = course.variant(MODULE, "learner-1")
    with learner_as("learner-1"), redirect_stdout(io.StringIO()):
        assert check.what_to_say(lambda s: dict.fromkeys(case.statements, "say")) is None


# --- C1: the graded plan concedes in steps that shrink ----------------------------------------


def test_c1_the_reference_plan_never_grows_and_question_7_grades_shrinking_steps():
    plan_function = _solutions()["concession_plan"]
    grows = smallest_pass = 0
    for n in range(1000):
        case = course.variant(MODULE, f"id-{n}")
        opening, floor = dict(opening_of(case)), reservation_of(case)
        plan = plan_function(case, opening, floor)
        assert not _grows(case, plan), n
        assert _verdict(case, plan, opening, floor) is True, n
        smallest = [row[0] for row in plan_of(case)]
        said = _verdict(case, smallest, opening, floor)
        if _grows(case, smallest):
            grows += 1
            assert "more than the step before it" in said, n
        else:
            smallest_pass += said is True
    assert (grows, smallest_pass) == (581, 419)  # of id-0 … id-999
    case = course.variant(MODULE, "rv-alice")
    plan = plan_function(case, dict(opening_of(case)), reservation_of(case))
    assert [package_points(p, case.yours) for p in plan] == [95, 90, 85, 80]


def test_c1_the_text_states_one_shape_and_the_summary_no_exception():
    q7 = _cell("q7-text")
    assert "either every step is the smallest" not in q7
    assert (
        "no step costs more than the one before; and it passes both targets (or as many as "
        "such steps can)." in q7
    )
    plan = _cell("plan-teaching")
    assert "with no step costing more than the one before until then" not in plan
    assert "no step costing more than the one before, passing both targets" in plan
    summary = _cell("summary")
    assert "need not" not in summary
    # review 114 C3: "never grow", what question 7 grades (equal steps pass)
    assert "Concede down the frontier in steps that never grow (question 7's plan must)" in summary
    assert "question 7 refuses these" in _cell("about-the-bot")
    assert "The check gives a plan and the course's reservation price" in _cell("q8-text")


def test_c1_a_plan_that_grows_after_its_targets_now_fails_with_a_true_hint():
    """rv-alice's old reference plan, 95 → 90 → 80: a step of 5, then one of 10."""
    case = course.variant(MODULE, "rv-alice")
    opening, floor = dict(opening_of(case)), reservation_of(case)
    rows = {row[1]: row[0] for row in plan_of(case)}
    old = [opening, rows[90], rows[80]]
    fault = _shape_fault(case, old, opening, floor)
    assert (
        fault[0] == "grows"
        and "a step costs you 10, more than the step before it (5)" in (fault[1])
    )
    assert "smallest step" not in _verdict(case, old, opening, floor)


# --- C2 + U3: the target is the course's convention, and the finding reads the right way -----


def test_c2_u3_the_target_is_named_as_the_courses_convention():
    opening = _cell("opening-teaching")
    assert "as you have no fact to show (section 5)" not in opening
    assert (
        "Your **target**, the profit you privately aim to end with in each state of Quell, "
        "follows the course's convention (module 02's table)" in opening
    )
    assert (
        "That is a target you could defend at the table, lower than the ambitious ones the "
        "research below supports." in opening
    )
    assert "though they felt less satisfied" not in opening
    assert (
        "negotiators who kept in mind their ideal, the best outcome they could hope for, "
        "reached better deals than those who dwelt on their reservation price, yet felt less "
        "satisfied with them." in opening
    )


# --- C4: one reading of Marlow's opening -------------------------------------------------------


def test_c4_marlows_opening_is_a_position_and_the_reference_holds_at_it():
    plan = _cell("plan-teaching")
    assert "At this table only, Marlow's opening" not in plan
    assert "(at this table only)" not in plan
    assert "Marlow's opening is a position, not yet a concession: hold." in plan
    assert "| its opening | hold (an opening is a position, not yet a concession) |" in plan
    assert "at this table, its opening counts" not in _cell("summary")
    assert "section 5 allows a step in answer to it" not in _cell("about-the-bot")
    assert "its first move" not in inspect.getsource(check._facts)
    moves = _solutions()["table_moves"]
    firsts = set()
    for n in range(100):
        case = course.variant(MODULE, f"id-{n}")
        for _, plan, reservation, log in check._fixed_logs(case):
            firsts.add(moves(case, plan, reservation, log)[0])
    assert "next step" not in firsts and "hold" in firsts


# --- C5: question 5's hint agrees with section 5 ------------------------------------------------


def test_c5_the_opening_hint_concedes_as_section_5_does():
    source = inspect.getsource(check._opening_hint)
    assert "only if Marlow's answers say that Quell can supply it" not in source
    assert "only step by step, as section 5's plan" in source


# --- C3: what the MESO tests here ---------------------------------------------------------------


def test_c3_the_meso_tests_the_research_and_the_table_never_sends_it():
    opening_offer = _solutions()["opening_offer"]
    partners = fewer = more = 0
    for n in range(300):
        case = course.variant(MODULE, f"id-{n}")
        meso = opening_offer(case)
        top = package_points(meso[0], case.theirs)
        for partner in meso[1:]:
            points = package_points(partner, case.theirs)
            partners, fewer, more = partners + 1, fewer + (points < top), more + (points > top)
    assert partners >= 300 and more == 0 and fewer > partners * 0.8, (partners, fewer)
    opening = _cell("opening-teaching")
    assert (
        "Here no partner gives Marlow more points than the opening by your research, so the "
        "pick tests that research: if Marlow sincerely picks a partner your research scores "
        "lower than the opening, your research misweighs the issues." in opening
    )  # round 111, review 61 E1 kept: a partner that ties the opening shows nothing
    assert "the table never runs this test" in opening


# --- U2: plain words for the target -------------------------------------------------------------


def test_u2_the_target_is_the_half_way_point_in_plain_words():
    """U2 in plain words; review 102 E1 still holds: the half-way point of your own range
    is the course's convention, never called module 02's even split (it is no Nash split on
    this frontier)."""
    text = SOURCE.read_text()
    assert "module 02's\n# lowest" not in text and "module 02's lowest" not in text
    plan = _cell("plan-teaching")
    assert (
        "Your target in each state follows the course's convention (module 02's table): the "
        "frontier package Marlow could accept in that state nearest the zone's half-way "
        "point, at or above it." in plan
    )
    assert "even split" not in plan and "even split" not in _cell("opening-teaching")
