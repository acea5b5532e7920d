"""Review 92 of module 05: C1 (one rule at a final offer below your reservation price: your
next step if one is left, else walk away), C2 (the box says how often the table's steps
were matched), U1 (question 5's tie-break is stated), X1 (the practice has a statement of
statement G's kind) and U2 (GRIT spelled out; reflection part 1 as the rubric's four
points). Each test failed on the text or code before review 92."""

import random
import re
from pathlib import Path

import pytest

import course
from course.checks import capstone as check
from course.engine.capstone import STYLES
from course.scenarios import capstone as scenario
from tests.notebooks import solution_namespace
from tests.sweeps import cell_text, passes
from tests.sweeps import run as run_check
from tests.test_capstone_review90b import _cell
from tests.test_engine_capstone import sit_by_the_plan

MODULE_04 = Path(__file__).resolve().parents[1] / "source" / "04_concessions" / "concessions.py"


def _cases(n, prefix="rv92"):
    return [course.variant("05_capstone", f"{prefix}-{i}") for i in range(n)]


@pytest.fixture(scope="module")
def answers():
    """The source notebook's solutions, defined for learner 'ada'."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LEVERAGE_LEARNER", "ada")
        return solution_namespace("05_capstone", "capstone")


def _final_below_with_a_step(case):
    """A log whose final offer is below the reservation price while the course's plan has a
    step left: Marlow's opening, a move (the plan's first step), then its final offer at the
    same package; with the plan and the reservation price."""
    floor = scenario.reservation_of(case)
    plan = [row[0] for row in scenario.plan_of(case)]
    low, high = scenario.offers_below(case, floor)[:2]
    log = [scenario.reply(low), scenario.reply(high), scenario.reply(high, final=True)]
    return plan, floor, log


# --- C1: one rule at the final offer ------------------------------------------------------------


def test_c1_section_5_answers_a_final_offer_below_the_reservation_price_with_the_next_step():
    """Section 5 said 'Below it, walk away politely; or, if your plan has a step left,
    answer the final offer once with that step', against its own 'How many steps fit'
    (walking away is right only after the last step), section 7 and the summary. The rule
    now takes the step while one is left and walks away when none is; question 8 still
    accepts a walk-away there."""
    plan = _cell("plan-teaching")
    assert "Below it, walk away politely; or, if your plan has a step left" not in plan
    assert (
        "Below it, answer once with your next step if your plan has one; walk away politely "
        "when none is left (question 8 also accepts walking away;" in plan
    )
    assert "your last step is your final offer, and the right ending is to walk away" in plan
    assert "At the end of your plan, walk away politely." in _cell("summary")
    assert "or when your plan's last step was sent" in _cell("debrief-teaching")


def test_c1_the_course_takes_the_step_and_a_walk_away_keeps_its_marks(answers):
    """On logs whose final offer is below the reservation price with a step of the course's
    plan left, over 20 learners: the course's move (``table_moves_of``) and the notebook's
    reference answer take the step; the judge passes both the step and a walk-away (no
    marks taken from the old answer); with no step left, the walk-away is the move."""
    seen = 0
    for case in _cases(20):
        plan, floor, log = _final_below_with_a_step(case)
        key = scenario.right_moves(case, plan, floor, log)
        if len(key) != len(log) or key[-1][1] != "final below" or key[-1][4] is None:
            continue
        seen += 1
        course_moves = scenario.table_moves_of(case, plan, floor, log)
        assert course_moves[-1] == "next step", (case.learner, course_moves)
        reference = answers["table_moves"](case, plan, floor, log)
        assert reference == course_moves, (case.learner, reference)
        for last in ("next step", "walk away"):
            check.judge_table_moves(case, [*course_moves[:-1], last], plan, floor, log)
        # with no step left, the walk-away is the course's move (and the reference's)
        short = plan[: len(course_moves)]
        key = scenario.right_moves(case, short, floor, log)
        if key[-1][1] == "final below" and key[-1][4] is None:
            assert scenario.table_moves_of(case, short, floor, log)[-1] == "walk away"
            assert answers["table_moves"](case, short, floor, log)[-1] == "walk away"
    assert seen >= 15, seen


# --- C2: the box says how often the steps were matched -------------------------------------------


def test_c2_the_box_says_about_one_step_in_four_was_matched_in_the_trials():
    """The box said question 8 answers any move with a whole step and not what that cost.
    It now says that in the course's trials Marlow matched only about one step in four,
    and that with a person module 04's paced tit-for-tat applies. The figure, on the
    engine: the course's scripted learner (``sit_by_the_plan``) over 100 learners, every
    style, Quell drawn as at the table; a step is matched when the debrief's reply ratio is
    1 or more, or the step brought the deal (the debrief's own count)."""
    # review 96 U1: the box moved to the appendix
    box = _cell("about-the-bot").split("**Where this table departs from module 04.**")[1]
    box = " ".join(box.split())
    # review 104 C1: question 8 no longer steps at any move (the one-in-four figure was
    # for that rule); the box says what it grades now and what that costs against module 04
    # review 106 E2 (round 107): question 8 now answers only a move worth at least the step,
    # as module 04 does, so the box no longer names it among the looser rules
    assert "Question 8 answers a move worth half your step" not in box
    assert "One more rule is looser. Question 7's plan" in box
    # review 93 C1; review 95 C1: paced tit-for-tat is module 04's question 3
    assert "With a person, keep module 04's paced tit-for-tat (its question 3), and" in box
    assert "**paced tit-for-tat**" in MODULE_04.read_text()  # module 04's name for it
    steps = matched = 0
    for i, case in enumerate(_cases(100, "rv92-c2")):
        for style in STYLES:
            rng = random.Random(i * 7 + len(style))
            _, walkaway = scenario.marlow_at_the_table(case, rng)
            table = sit_by_the_plan(case, style, rng, walkaway=walkaway)
            for c in table.outcome()["concessions"]:
                steps += 1
                back, cost = c.get("back"), c["cost"]
                deal = c.get("answer") == "accept" and c.get("instead") != "accept"
                matched += deal or (back is not None and cost > 0 and back >= cost - 1e-9)
    assert steps >= 300, steps
    assert 0.18 <= matched / steps <= 0.32, (matched, steps)


# --- U1: question 5's tie-break -------------------------------------------------------------------


def test_u1_section_4_and_rule_1_state_the_tie_break_the_check_grades():
    """Question 5 marked an opening tied on profit with the course's but giving Marlow fewer
    points as wrong, a tie-break no rule stated. Section 4 and rule 1 now state it in
    section 5's words. Over 60 learners, where such a tie exists, the course's opening is
    the tied package with the most points, and the tied one with fewer loses the mark."""
    words = "between two that leave you the same, the one that gives Marlow more"
    # review 99 C1 (round 100): section 4 drops its repeated "(it is on the frontier)"
    assert words in _cell("opening-teaching")
    assert f"{words} (it is on the" in _cell("q5-text")
    # review 98 C1 (round 100): section 5's rule no longer takes the smallest step
    assert words not in _cell("plan-teaching")
    tried = 0
    for case in _cases(60, "rv92-u1"):
        rows = scenario.acceptable_rows(case)
        opening = scenario.opening_of(case)
        profit, points = next(row[1:] for row in rows if row[0] == opening)
        fewer = [
            row
            for row in scenario.package_rows(case)
            if row[1] == profit
            and scenario.reservation_of(case) <= row[1]
            and case.reservation_if_not <= row[2] < points
        ]
        if not fewer:
            continue
        tried += 1
        assert points == max(row[2] for row in scenario.package_rows(case) if row[1] == profit)
        with pytest.raises(check.NotYet, match="gives Marlow more"):
            check.judge_opening(case, [dict(fewer[0][0])])
    assert tried >= 20, tried


# --- X1: the practice has statement G's kind --------------------------------------------------


def test_x1_the_practice_has_a_statement_of_statement_gs_kind_with_its_reason(answers):
    """Statement G (another customer's plans told in confidence) earns a seventh of
    question 6 and had no practice. The practice now has a seventh statement of that kind,
    shown in the text, worded apart from every learner's G; the check explains a wrong
    verdict on it with its reason, and the course's seven verdicts pass."""
    shown = " ".join(
        cell_text("05_capstone", "capstone", "say-practice-text").replace("#", "").split()
    )
    assert "another seller's seven statements" in shown
    practice = scenario.PRACTICE_STATEMENTS
    assert list(practice) == list("ABCDEFG")
    assert practice["G"] in shown and "in confidence" in practice["G"]
    assert practice["G"] not in scenario._SEVENTH_WORDINGS
    assert scenario.practice_kinds()["G"] == "confidential"
    key = scenario.practice_key()
    assert key["G"] == "keep quiet"
    assert passes(run_check(check, "practice_to_say", lambda: key))
    try:
        run_check(check, "practice_to_say", lambda: {**key, "G": "say"})
    except check.NotYet as wrong:
        hint = str(wrong)
    else:
        raise AssertionError("a wrong verdict on G passed")
    assert "1 of the practice seller's 7 verdicts is not right yet" in hint
    assert "- G: it passes on another customer's plans" in hint
    assert "told you in confidence" in hint
    assert answers["practice_to_say"]() == key  # the notebook's reference answer


# --- U2: GRIT spelled out; reflection part 1 as four points ------------------------------------


def test_u2_grit_is_spelled_out_at_its_first_use():
    plan = _cell("plan-teaching")
    first = plan.index("GRIT")
    assert plan[first:].startswith(
        "GRIT (1962: graduated and reciprocated initiatives in tension reduction)"
    )


def test_u2_reflection_part_1_is_printed_as_the_rubrics_four_points():
    """Part 1 asked about eight things in one paragraph; the rubric marks it in four
    quarter-marks. The prompt now lists the same four points, numbered, in the rubric's
    order."""
    text = cell_text("05_capstone", "capstone", "reflection-text")
    part1 = text.split("1. **The outcome against your plan**")[1].split("\n2. **")[0]
    points = re.findall(r"^ +(\d)\. ", part1, re.M)
    assert points == ["1", "2", "3", "4"], points
    items = re.split(r"^ +\d\. ", part1, flags=re.M)[1:]
    assert "keep to your reservation price" in items[0]
    assert "opened past question 5's opening" in items[1]
    assert "If you did not sign" in items[2]
    assert "When Marlow opened" in items[3] and "did Marlow match" in items[3]
    rubric = _cell("reflection")
    assert "Part (1), four points, a quarter mark each" in rubric
