"""Review 106 (module 05), fixed in round 107: E2, C2, C1, C3, C4, C5, U6, U1.

E2: question 8 answered a move of Marlow's worth half your step or more with the whole
step (a trade ratio of 0.5), against module 04's "at least 1 for every give" and the
summary's "give about what it gave". A move now counts only when it gives you at least
what your next step costs (``MOVE_SHARE`` 1), in the key, the debrief, the scripted learner
and the text; the appendix's trial figures are recomputed (tests/test_engine_capstone.py).

E1 is not changed: the reviewer misread Schweinsberg et al. (2012), whose abstract says
the low-power receivers were the ones who walked away, as the module says (pinned below).
"""

from pathlib import Path

import course
from course.engine import capstone as engine
from course.scenarios import capstone as scenario
from tests.sweeps import cell_text

MODULE = "05_capstone"
ROOT = Path(__file__).resolve().parents[1]
SOURCE = ROOT / "source/05_capstone/capstone.py"


def _cell(grade_id):
    return " ".join(cell_text(MODULE, "capstone", grade_id).split())


# --- E2: a step answers a move worth at least the step --------------------------------------------


def test_e2_question_8_steps_only_for_a_move_worth_the_step():
    """Over 200 learners' own logs (id-0 … id-199), every step the key makes on a move of
    Marlow's answers a move worth at least what the step costs (a trade ratio of 1 or more).
    Failed on the old rule (MOVE_SHARE 0.5: 47 of 517 such steps on 400 learners answered a
    smaller move)."""
    assert engine.MOVE_SHARE == 1.0 and scenario.MOVE_SHARE is engine.MOVE_SHARE
    steps = 0
    for n in range(200):
        case = course.variant(MODULE, f"id-{n}")
        plan = [row[0] for row in scenario.plan_of(case)]
        profits = [scenario._worth(case, package) for package in plan]
        key = scenario.right_moves(
            case, plan, scenario.reservation_of(case), scenario.table_log(case)
        )
        for moves, why, worth, before, following in key:
            if why == "moved" and moves[0] == "next step":
                steps += 1
                cost = profits[profits.index(following) - 1] - following
                assert worth - before >= cost - 1e-9, (case.learner, worth, before, cost)
    assert steps >= 150, steps


def test_e2_the_text_the_solution_and_the_appendix_say_the_whole_step():
    plan = _cell("plan-teaching")
    assert (
        "| it moved: its offer is worth more to you than its offer before, by at least what "
        "your next step costs you (a smaller move counts as none) | next step |" in plan
    )
    assert "at least half your next step" not in plan
    source = SOURCE.read_text()
    assert "worth - before >= step\n" in source and "step / 2" not in source
    about = _cell("about-the-bot")
    assert "a move worth half your step" not in about and "up to twice what Marlow" not in about
    assert "One more rule is looser." in about
    # the trials' figures, each recomputed in tests/test_engine_capstone.py
    assert "a tit-for-tat Marlow in 121 to 148 sittings of 200." in about
    assert "raised that to 167 to 182 sittings of 200." in about
    # the debrief's words for a small move
    assert engine.debrief.__globals__["_share"]() == ""


def test_e1_the_research_fold_keeps_the_papers_finding():
    """Round 107: the reviewer's E1 was their own misreading; the JESP abstract says the
    receivers with little power walked away. The wording stays."""
    opening = _cell("opening-teaching")
    assert "receivers with little power were the ones who then walked away" in opening


# --- C2: the opening row is this table's, and a person's opening gets a hold -----------------------


def test_c2_the_opening_row_says_at_this_table_only_and_with_a_person_hold():
    plan = _cell("plan-teaching")
    # review 110 C4 (round 111): one reading, a person's: hold at Marlow's opening
    assert "Marlow's opening is a position, not yet a concession: hold." in plan
    assert "| its opening | hold (an opening is a position, not yet a concession) |" in plan


# --- C1: the summary and question 7 agree on shrinking and trade-back steps -----------------------


def test_c1_question_7_defines_the_trade_back_step_and_the_summary_names_its_exception():
    q7 = _cell("q7-text")
    assert (
        "A step may take a term back (volume back up) if Marlow gains points: a "
        "**trade-back step**, no retraction (section 6)." in q7
    )
    summary = _cell("summary")
    # review 110 C1 (round 111): question 7's plan keeps the rule too; review 114 C3: its
    # steps never grow (equal steps pass), and taking terms back is advice, said as such
    assert (
        "Concede down the frontier in steps that never grow (question 7's plan must), each "
        "traded for something, and take back as few terms as the frontier allows (advice)."
        in summary
    )
    assert "Give no more than it gave." in summary and "Give about what it gave" not in summary
    about = _cell("about-the-bot")
    assert "**trade-back step**" not in about and "and may take a term back" in about  # r111


# --- C3: the rule for when to step names its own exceptions ---------------------------------------


def test_c3_when_to_step_names_the_cant_give_more_and_the_stall_step():
    plan = _cell("plan-teaching")
    assert (
        'Concede only in answer to a move, a true "can\'t give more" or one announced step '
        "at a stall: otherwise never into silence." in plan  # review 114 C2: "otherwise"
    )
    assert "Concede only in answer to a move of theirs, never into silence" not in plan


# --- C4: the intro says when each answer is marked ------------------------------------------------


def test_c4_the_intro_says_question_6s_verdicts_are_marked_at_grading():
    intro = _cell("intro")
    assert "All eight answers are marked automatically at grading" in intro
    assert "checks your answer as you go" in intro
    assert "(question 6's checks only its form" in intro  # review 108 U6 (round 109)
    assert "All eight answers are marked automatically, the" not in intro


# --- C5: the debrief's alternatives verdict is on shares only ------------------------------------


def test_c5_the_debriefs_alternatives_line_says_it_leaves_time_out():
    """rv106-bob, linear: Q4's accepted audit is "you" (time, 7 weeks against 3), while the
    shares are within the margin. The line now says it compares shares only."""
    from tests.test_engine_capstone import facts

    alternatives = engine.debrief.__globals__["_alternatives"]
    case = course.variant(MODULE, "rv106-bob")
    seen_even = False
    for quell in (False, True):
        walkaway = case.reservation_if_quell if quell else case.reservation_if_not
        line = alternatives({"their_walkaway": walkaway}, facts(case, quell))
        assert "Question 4's alternatives row also counts time (its part (b))" in line
        if "about even" in line:
            seen_even = True
            assert "On shares alone (question 4's part (a)), within its margin of" in line
    assert seen_even


# --- U6 and U1: the GRIT row and the Quell switch --------------------------------------------------


def test_u6_the_grit_row_says_words_are_not_read_here():
    plan = _cell("plan-teaching")
    assert "your next step announced as an invitation (words are not read here)" in plan


def test_u1_the_quell_switch_is_a_two_line_rule():
    plan = _cell("plan-teaching")
    assert (
        "- aim at the target without Quell; - switch to the one with Quell if Marlow says it "
        "can't give more while its offer, less its cheapest one-level move worse for it, still "
        "reaches its low reservation price." in plan
    )
    assert "To tell, take the points" not in plan
