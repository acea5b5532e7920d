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
from course.engine.capstone import debrief
from course.scenarios.capstone import plan_of, right_moves
from tests.test_engine_capstone import sit_by_the_plan, stall_outcome

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
    assert 120 <= deals[0] <= 160, deals  # six to eight in ten
    assert 170 <= deals[1] <= 190, deals  # about nine in ten
    about = _section("about-the-bot")
    assert "reached a deal against a tit-for-tat Marlow in six to eight sittings in ten" in about
    assert "raised that to about nine in ten" in about
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
    assert "over nine plans in ten had such a step, and some 60 to 66 steps in 100" in about
    assert "189 to 195" not in about


# --- C1: the step into silence is the appendix's note, not a tip beside the rule --------------


def test_no_text_teaches_the_step_into_silence_as_the_rule():
    """C1: section 5 taught 'never into silence', then a tip to step into silence after two
    quiet replies; the summary and section 6 repeated it. The tip is one sentence of the
    appendix, which calls it a step into silence that section 5 forbids."""
    for grade_id in ("plan-teaching", "table-teaching", "summary", "q8-text"):
        text = _section(grade_id)
        assert "tip" not in text.replace("multip", ""), grade_id
        assert "two replies in a row without a move" not in text, grade_id
    about = _section("about-the-bot")
    assert "a step into silence that section 5 forbids" in about
    assert "section 5's tip" not in SOURCE.read_text()


def test_question_8s_key_and_model_answer_hold_after_two_stalls():
    """C1: the course's own move after two replies without a move was the step; it is now
    the hold (the rule), and the step is still accepted. The model answer holds there."""
    for n in range(6):
        case = course.variant("05_capstone", f"moves-{n}")
        logs = {what: (p, r, log) for what, p, r, log in check._fixed_logs(case)}
        plan, floor, log = logs["a log of three replies without a move"]
        found = right_moves(case, plan, floor, log)
        twice = [moves for moves, why, *_ in found if why == "stalled twice"]
        assert twice and all(moves[0] == "hold" for moves in twice), n
        assert all("next step" in moves for moves in twice), n
    answer = SOURCE.read_text().split('grade_id": "table-moves-answer"')[1].split("# %%")[0]
    assert "quiet >= 2" not in answer


def test_the_debrief_calls_a_step_after_two_stalls_a_step_into_silence():
    """C1: the debrief called a step after two stalls 'the one small step section 5's tip
    allows', followed by 'None came into silence: you kept your plan's rule', and told a
    learner who held there that the tip was open. Now the step is a step into silence,
    against the rule, and the hold is the rule kept."""
    reciprocity = debrief.__globals__["_reciprocity"]
    stalls = debrief.__globals__["_stalls"]
    plan = {"step_worths": [(140, 50), (130, 55), (120, 60)]}
    held = [("you", 140), ("Marlow", 50), ("you", 140), ("Marlow", 50), ("you", 140)]
    held += [("Marlow", 50), ("you", 140)]
    line = reciprocity([], stalls(stall_outcome(held), plan))
    assert "you held, as your plan's rule says" in line and "tip" not in line
    stepped = [*held[:6], ("you", 130)]
    step = {"round": 7, "into_silence": True, "answered": True, "cost": 10}
    line = reciprocity([step], stalls(stall_outcome(stepped), plan))
    assert "steps into silence, against your plan's rule" in line
    assert "None came into silence" not in line and "tip" not in line
