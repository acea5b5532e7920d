"""Review 108 (module 05), fixed in round 109: C1, X1, E3, E1, E2, C2, C3, C5, C4, U6.

C1: question 7 said "no step costs more than the one before until both targets" was graded,
yet the smallest-step plan it also accepts (the plan question 8 drills) broke that rule in
105 of 200 learners' cases (id-0 … id-199). The text now states the rule the check really
grades: the smallest step each time, or a plan that passes both targets with steps that
shrink until then. The check is unchanged for these plans: the smallest steps pass on all
200 own cases, before and after.

X1: section 5's target was the plan's own package nearest the half-way point, so a plan
conceding everything in one step made the opening its own target and passed the learner's
own case (124 of 200 ids). A state's target is now the frontier package Marlow accepts in
that state nearest the half-way point, at or above it; a plan of shrinking steps must pass
it (or skip no more targets than any plan of shrinking steps must), and the hint names the
skipped target. The reference plan, the old reference plan and the smallest steps pass the
visible and hidden checks for all 200 ids.

E3 is not changed: the abstract of Schweinsberg, Ku, Wang and Pillutla (2012) says that
"although low- and high-power negotiators are equally offended by extreme offers, it is the
low-power negotiators who walk away from the negotiation", as all four passages and the
pass message say (pinned below; this test passes on the old text too).
"""

import itertools
from pathlib import Path

import pytest

import course
from course.checks import capstone as check
from course.checks.capstone import _shape_fault, judge_plan
from course.checks.hints import NotYet
from course.engine.bots import make_bot
from course.engine.capstone import EARLY_STOP, ROUNDS, STYLES, first_answer
from course.engine.domain import BUYER
from course.scenarios.capstone import (
    _marlow_points,
    _worth,
    contract_negotiation,
    opening_of,
    plan_of,
    reservation_of,
)
from tests.sweeps import cell_text

MODULE = "05_capstone"
ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "source/05_capstone/capstone.py"
IDS = [f"id-{n}" for n in range(200)]


def _cell(grade_id):
    return " ".join(cell_text(MODULE, "capstone", grade_id).replace("\n# ", "\n").split())


def _passes(case, plan, opening, floor):
    try:
        judge_plan(case, plan, opening, floor)
    except NotYet as hint:
        return str(hint)
    return True


# --- C1: question 7 states the rule it grades ------------------------------------------------


def test_c1_question_7_states_the_rule_it_grades():
    q7 = _cell("q7-text")
    assert "no step costs more than the one before until both targets;" not in q7
    # review 110 C1 (round 111): one graded shape, steps that shrink to the end
    assert (
        "no step costs more than the one before; and it passes both targets (or as many as "
        "such steps can)." in q7
    )
    assert "passes too (the appendix tries it)" not in q7
    grows = 0
    for learner in IDS:
        case = course.variant(MODULE, learner)
        plan = plan_of(case)
        costs = [a[1] - b[1] for a, b in itertools.pairwise(plan) if a[1] > b[1]]
        grows += any(later > earlier for earlier, later in itertools.pairwise(costs))
        packages = [row[0] for row in plan]
        # review 110 C1 (round 111): the smallest steps pass only where they do not grow
        said = _passes(case, packages, opening_of(case), reservation_of(case))
        assert (said is True) == (
            not any(later > earlier for earlier, later in itertools.pairwise(costs))
        )
    assert grows == 105, grows  # the smallest steps grow somewhere in 105 of 200 plans


# --- X1: the own case judges the target ------------------------------------------------------


def _one_step(case):
    plan = plan_of(case)
    return [plan[0][0], plan[-1][0]] if len(plan) > 1 else [plan[0][0]]


def test_x1_a_plan_conceding_all_at_once_fails_the_own_case_with_a_true_hint():
    """Before: the one-step plan passed the learner's own case for 124 of 200 ids. Now
    only where no plan of shrinking steps passes more targets than it does (16 of 200;
    32 since review 110 C1, round 111: steps must shrink to the end, not only to the
    targets, so more cases have no such plan that passes a target the one step skips)."""
    passed, named = 0, 0
    for learner in IDS:
        case = course.variant(MODULE, learner)
        opening, floor = opening_of(case), reservation_of(case)
        said = _passes(case, _one_step(case), opening, floor)
        if said is True:
            passed += 1
            continue
        assert "take the smallest step that gives Marlow more, or you may give" not in said
        named += "skips your target" in said
    assert passed == 32, passed
    assert named == 200 - passed


def test_x1_the_target_is_a_frontier_package_and_rv_alice_shows_it():
    case = course.variant(MODULE, "rv-alice")
    floor = reservation_of(case)
    start = (_worth(case, opening_of(case)), _marlow_points(case, opening_of(case)))
    assert check._frontier_target(case, [start], floor, False) == 90
    assert check._frontier_target(case, [start], floor, True) is None
    plan = _cell("plan-teaching")
    assert (
        "Your target in each state follows the course's convention (module 02's table): the "
        "frontier package Marlow could accept in that state nearest the zone's half-way "
        "point, at or above it." in plan  # review 110 U2 (round 111)
    )
    assert "even split" not in plan  # review 102 E1: the half-way point is no Nash split
    assert "the frontier packages from the opening are worth 95, 90, 85 and 80 k€" in plan
    worths = sorted({row[1] for row in plan_of(case)}, reverse=True)
    assert worths == [95, 90, 85, 80]
    jump = [dict(opening_of(case)), plan_of(case)[-1][0]]
    fault = _shape_fault(case, jump, opening_of(case), floor)
    assert fault[0] == "target" and "worth 90 to you" in fault[1]


@pytest.mark.parametrize("hidden", [False, True])
def test_x1_the_reference_plans_still_pass_the_whole_check(hidden):
    from course.variants import learner_as
    from tests.notebooks import solution_namespace

    with learner_as("learner-1"):
        answer = solution_namespace(MODULE, "capstone")["concession_plan"]
    for learner in IDS[:40]:
        with learner_as(learner):
            check.concession_plan(answer, hidden=hidden)


# --- E3: Schweinsberg et al. 2012, checked against the abstract --------------------------------


def test_e3_every_mention_says_the_low_power_receivers_walked_away():
    source = SOURCE.read_text()
    assert source.count("little power") == 4
    assert "high-power" not in source and "with much power" not in source
    assert "a counterpart with little power may take offence" in check.STEP_BEYOND_NOTE


# --- E1: Marlow's first answer, measured ---------------------------------------------------


def _gives_up():
    """What share of the way to its reservation price Marlow's first answer to the course's
    opening gives up at a first meeting, over 200 learners, both states of Quell, every
    style and every deadline it may draw."""
    found = []
    for learner in IDS:
        case = course.variant(MODULE, learner)
        best = sum(max(levels.values()) for levels in case.theirs.values())
        for need in (case.reservation_if_not, case.reservation_if_quell):
            negotiation = contract_negotiation(case, need, ROUNDS)
            opening = negotiation.index_of(dict(opening_of(case)))
            for style in STYLES:
                for early in range(EARLY_STOP + 1):
                    bot = make_bot(style, negotiation, BUYER, deadline=ROUNDS - 1 - early)
                    _, index = first_answer(bot, opening)
                    points = _marlow_points(case, negotiation.public(index))
                    found.append((best - points) / (best - need))
    return found


def test_e1_the_appendix_gives_the_measured_range_of_marlows_opening():
    found = _gives_up()
    assert (round(min(found), 2), round(max(found), 2)) == (0.19, 0.55)
    about = _cell("about-the-bot")
    assert "(0.30 to 0.40 by style)" not in about
    assert (
        "At a first meeting, Marlow's opening (answering question 5's) gives up 0.19 to 0.55 "
        "of the way to its reservation price" in about
    )


# --- E2, C2, C3, C5, C4, U6: the words --------------------------------------------------------


def test_e2_a_persons_opening_is_a_position():
    plan = _cell("plan-teaching")
    assert "a person's opening gives up nothing" not in plan
    assert "hold (an opening is a position, not yet a concession)" in plan  # review 110 C4


def test_c2_the_target_is_module_02s_and_galinsky_is_cited_for_an_ideal():
    opening = _cell("opening-teaching")
    assert "the best outcome they could obtain" not in opening
    assert "a course convention the research below did not test" not in opening
    # review 110 C2, U3 (round 111): the convention named as such; the finding's order fixed
    assert "follows the course's convention (module 02's table)" in opening
    assert (
        "kept in mind their ideal, the best outcome they could hope for, reached better deals "
        "than those who dwelt on their reservation price, yet felt less satisfied with them."
        in opening
    )
    assert "half-way through your own range, a course convention" not in _cell("plan-teaching")


def test_c3_the_reflection_names_the_first_debriefs_replay():
    reflection = _cell("reflection-text")
    assert "controlled comparison" not in reflection
    assert (
        'The first debrief\'s "Replayed on this sitting" line (if trust changed) shows what '
        "that ending changed: Marlow's first answer at its trust before and after, all else "
        "the same." in reflection
    )
    assert "what the first debrief's replay line shows (if any)" in _cell("reflection")


def test_c5_the_summary_allows_the_step_at_marlows_opening():
    summary = _cell("summary")
    # review 110 C4 (round 111): one reading of Marlow's opening, a person's
    assert "Step only when the other side moves (its opening is a position, not a move)" in summary


def test_c4_question_4_says_why_its_time_row_cannot_count_your_short_deadline():
    q4 = _cell("q4-text")
    assert "So (b) favours only you" not in q4
    assert "| alternatives: time (b) | you can wait ≥ 3 weeks longer than Marlow claims |" in q4
    assert (
        "Its true deadline is unknown, so the row cannot tell whose comes first, even when "
        "yours is short; if yours does, it weakens you (section 3's note)" in q4
    )


def test_u6_the_intro_counts_six_checks_that_say_what_to_fix():
    intro = _cell("intro")
    # review 110 E1 (round 111): seven, recounted (tests/test_capstone_review111.py)
    assert "for seven says what to fix (question 6's checks only its form" in intro
