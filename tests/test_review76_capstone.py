"""Module 05, review 76: the appendix's ranges hold on fresh samples (E1), the step into
silence is no longer taught as a tip beside the rule (C1), the model reflection examines its
own breach and judges its weights on the fact they were for (C3, U6), the smaller claims
(E3, E4), one name for each idea (C2, U2, U3), the audit's floors with their reason (U5) and
the cuts (U1). Each test failed on the text or code before this review."""

import itertools
import random
import re
from pathlib import Path

import pytest

import course
from course.checks import capstone as check
from course.scenarios.capstone import plan_of, right_moves
from tests.test_engine_capstone import (
    TIT_FOR_TAT_HOLD_DEALS,
    TIT_FOR_TAT_STEP_DEALS,
    sit_by_the_plan,
)

SOURCE = Path(course.__file__).parents[1] / "source" / "05_capstone" / "capstone.py"


def _section(grade_id):
    cell = SOURCE.read_text().split(f'grade_id": "{grade_id}"')[1].split("# %%")[0]
    return " ".join(" ".join(line.removeprefix("#").strip() for line in cell.splitlines()).split())


def _words(text):
    """The words a learner reads (markdown cells, not the model answer), and those folded."""
    cells = [
        cell.split("# %%")[0]
        for cell in text.split("# %% [markdown]")[1:]
        if '"solution": true' not in cell.splitlines()[0]
    ]

    def count(cell):
        return sum(len(line.removeprefix("#").split()) for line in cell.splitlines()[1:])

    folded = sum(
        count("\n" + block)
        for cell in cells
        for block in re.findall(r"<details>.*?</details>", cell, re.S)
    )
    return sum(count(cell) for cell in cells) - folded, folded


# --- E1: the appendix's ranges on fresh samples --------------------------------------------------


@pytest.mark.parametrize("prefix", ["f76a", "f76b"])
def test_the_tit_for_tat_rates_hold_on_fresh_samples(prefix):
    """E1: the appendix said 68 to 78 in 100 without the step after two stalls and 86 to 93
    with it; fresh samples of 200 (a seed per learner) closed 130 and 132 (65, 66 in 100)
    without, 171 and 184 with, and a reviewer's 125 and 188. The text now says six to eight
    in ten, and about nine in ten."""
    deals = []
    for exception in (False, True):
        tables = [
            sit_by_the_plan(
                course.variant("05_capstone", learner=f"{prefix}-{i}"),
                "tit-for-tat",
                random.Random(i),
                exception,
            )
            for i in range(200)
        ]
        deals.append(sum(table.session.agreement is not None for table in tables))
    assert deals[0] == TIT_FOR_TAT_HOLD_DEALS[prefix, 0, True], deals  # review 87 M2
    assert deals[1] == TIT_FOR_TAT_STEP_DEALS[prefix, 0, True], deals  # review 88 M1
    about = _section("about-the-bot")
    assert "raised that to " in about  # review 88 M1: the samples' range
    assert "68 to 78" not in about and "86 to 93" not in about


def test_the_take_back_figures_hold_on_fresh_samples():
    """E1: '189 to 195 plans of 200' and '63 to 66 steps in 100': four fresh samples gave
    186 to 195 plans and 61.8 to 64.5 steps in 100. The text says over nine plans in ten
    and some 60 to 66 steps in 100."""
    for prefix in ("f76a", "f76b"):
        plans = steps = takes = 0
        for i in range(200):
            case = course.variant("05_capstone", learner=f"{prefix}-{i}")
            rows = [row[0] for row in plan_of(case)]
            taken = [
                any(case.yours[k][b[k]] > case.yours[k][a[k]] for k in case.yours)
                for a, b in itertools.pairwise(rows)
            ]
            plans += any(taken)
            steps += len(taken)
            takes += sum(taken)
        assert plans > 180, (prefix, plans)
        assert 60 <= 100 * takes / steps <= 66, (prefix, takes / steps)
    about = _section("about-the-bot")
    assert "over nine plans in ten had such a step, and over half the steps" in about
    assert "189 to 195" not in about


# --- C1: the step into silence is the appendix's note, not a tip beside the rule --------------


def test_no_text_teaches_the_step_into_silence_as_the_rule():
    """C1: section 5 taught 'never into silence', then a tip to step into silence after two
    quiet replies; the summary and section 6 repeated it. The tip is one sentence of the
    appendix, which calls it a step into silence that section 5 forbids."""
    for grade_id in ("plan-teaching", "table-teaching", "summary", "q8-text"):
        text = _section(grade_id)
        assert "tip" not in text.replace("multip", ""), grade_id
    # review 77 C2: the step is now section 5's GRIT row, not the appendix's alone
    assert "section 5's tip" not in SOURCE.read_text()


def test_question_8s_model_answer_holds_after_two_stalls_and_passes():
    """C1: the model answer stepped into silence after two replies without a move; it now
    holds (the rule), which the key accepts beside the step."""
    for n in range(6):
        case = course.variant("05_capstone", f"moves-{n}")
        logs = {what: (p, r, log) for what, p, r, log in check._fixed_logs(case)}
        plan, floor, log = logs["a log of five replies without a move"]
        found = right_moves(case, plan, floor, log)
        twice = [moves for moves, why, *_ in found if why == "stalled twice"]
        assert twice and all({"hold", "next step"} <= set(moves) for moves in twice), n
    answer = SOURCE.read_text().split('grade_id": "table-moves-answer"')[1].split("# %%")[0]
    assert "quiet >= 2" not in answer


# --- C3, U6: the model reflection ---------------------------------------------------------------


def test_the_model_reflection_names_its_own_breach_and_judges_its_weight_on_quell():
    """C3: part 3 left the first negotiation 'when Marlow stalled, with steps of my plan
    unoffered', a breach of section 5 it never examined. U6: part 2 read the weight on
    alternatives off the price ('Marlow took 140, as its lower reservation price
    allowed'); it now reads it off Quell: 34 points, under the 62 Marlow needs with it."""
    answer = _section("reflection")
    assert "unoffered, against my rule (it had not said it could give no more)" in answer
    assert "as its lower reservation price allowed" not in answer
    # review 98 C1 (round 100): the deal follows the reference plan; review 110 C1 (round
    # 111): its steps shrink (155, 125, 105), and the deal is its first step, 125
    from tests.test_capstone_review100 import reference_plan

    case = course.variant("05_capstone", "learner-1354")
    points = reference_plan(case)[1][2]
    assert f"Marlow took {points:g} points, far under its 62 with Quell: my 0.4 fit" in answer
    assert case.reservation_if_quell == 62 and case.reservation_if_not == 22


# --- E3, E4: claims no stronger than their ground -------------------------------------------------


def test_the_even_split_is_called_the_courses_convention_and_marlow_may_assume():
    """E3: 'not *expecting* more than the even split' read as a finding; it is this
    course's target, a convention. E4: Marlow 'can only assume' the spot market was too
    strong; it may assume it."""
    opening = _section("opening-teaching")
    assert "not *expecting* more" not in opening
    # review 108 C2 (round 109): the target is module 02's lowest (module 02 calls its band the
    # course's convention), and the research note says the study's ideal sits higher
    assert "lower than the ambitious ones the research below supports" in opening  # r110 C2
    say = _section("say-teaching")
    assert "can only assume" not in say and "and may assume you would otherwise sell" in say


# --- C2, U2: one name for each idea ---------------------------------------------------------


def test_batna_is_used_only_for_the_alternative_kept():
    """C2: question 1's answer was called the BATNA, then 'the best alternative before the
    letter' after it; it has the second name from the start, and BATNA is the alternative
    kept after question 2's decision."""
    leverage = _section("leverage-teaching")
    assert "**best alternative before the letter**" in leverage
    assert "call the one worth most on average your BATNA" not in leverage
    assert "### Question 1 (2 marks): your alternatives" in _section("q1-text")
    assert "Your BATNA is the alternative you keep" in _section("letter-teaching")
    assert "From here on" not in _section("letter-teaching")
    with pytest.raises(check.NotYet, match="your best alternative before the letter is the one"):
        case = course.variant("05_capstone", "learner-1")
        best, value = check.batna_of(case)
        check.judge_batna(case, ("Kessel" if best == "Brenn" else "Brenn", value))


def test_target_is_the_learners_aim_only():
    """U2: 'target' named both the learner's aim and Marlow's aim for each round."""
    text = " ".join(line.removeprefix("#") for line in SOURCE.read_text().splitlines())
    assert "its target for the round" not in text and "its aim for the round" in text


# --- U5: the audit's floors ----------------------------------------------------------------------


def test_the_audits_floors_come_with_their_reason():
    """U5: 'Each side has at least 1 for alternatives and for power' and 'Marlow's ≥ 1'
    were bare floors; the text now gives the reason the check's hints give."""
    q4 = _section("q4-text")
    assert "Each side has at least 1" not in q4 and "Marlow's ≥ 1" not in q4
    # review 78 X1: question 4 grades verdicts, so its floors went with the ratings; the
    # reason stays in section 3
    assert "Rate no side 0" not in q4
    assert "Marlow does know the one fact you can only estimate" in _section("audit-teaching")


# --- U1, U3: shorter, fewer coined terms -------------------------------------------------------


def test_the_module_is_shorter():
    """U1: the intro's word counts, the diagnostic set's fold (now two sentences) and 'How
    many steps fit' (now its rule) were cut: 7,535 words on the reading path and 2,457
    folded before this review."""
    assert "words of reading" not in _section("intro")
    opening = SOURCE.read_text().split('grade_id": "opening-teaching"')[1].split("# %%")[0]
    # review 77 C3: cut to one sentence; review 82 U1: cut (tests/test_review83_capstone.py)
    assert "Why the table cannot run the test" not in opening
    assert "so you can count on five answers" not in _section("plan-teaching")
    reading, folded = _words(SOURCE.read_text())
    assert reading <= 7_400 and folded <= 2_300, (reading, folded)


def test_the_plan_has_one_name():
    """U3: the plan was also a 'frontier map' and its fourth package the 'four-step
    line'."""
    text = " ".join(line.removeprefix("#") for line in SOURCE.read_text().splitlines())
    assert "frontier map" not in text and "four-step line" not in text
    assert "### Question 7 (2 marks): your plan" in _section("q7-text")
