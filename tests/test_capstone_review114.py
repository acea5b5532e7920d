"""Review 114 of module 05 (capstone): a professor's review. Each test names its item and
failed on the text or code before the fix."""

from pathlib import Path

import course
from course.checks import capstone as check
from course.scenarios import capstone as scenario

SOURCE = Path(course.__file__).resolve().parents[1] / "source" / "05_capstone" / "capstone.py"


def _cell(grade_id):
    """The cell ``grade_id`` of the source, its lines joined without the comment marks."""
    cell = SOURCE.read_text().split(f'grade_id": "{grade_id}"')[1].split("# %%")[0]
    return " ".join(" ".join(line.removeprefix("#").strip() for line in cell.splitlines()).split())


def test_x1_question_8_takes_only_a_hold_at_marlows_opening():
    """Review 114 X1: question 8's key took "next step" in answer to Marlow's opening,
    though section 5 and the summary say to hold there (an opening is a position, not yet
    a concession). The key now holds alone, and a step there gets the hint that says why."""
    for n in range(20):
        case = course.variant("05_capstone", f"rv114-{n}")
        plan = [row[0] for row in scenario.plan_of(case)]
        floor = scenario.reservation_of(case)
        log = scenario.table_log(case)
        key = scenario.right_moves(case, plan, floor, log)
        assert key[0][1] == "opening" and key[0][0] == ("hold",), case.learner
    said = ["next step"] + ["hold"] * (len(log) - 1)
    try:
        check.judge_table_moves(case, said, plan, floor, log, None)
    except check.NotYet as hint:
        assert "reply 1 is Marlow's opening, a position, not yet a concession" in str(hint)
    else:
        raise AssertionError("a step at Marlow's opening passed")
    assert "| its opening | hold (an opening is a position, not yet a concession) |" in (
        _cell("plan-teaching")
    )
