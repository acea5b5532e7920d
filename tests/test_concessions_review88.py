"""Review 88 of module 04 (concessions): the arena's pace line and the low-ball's ethics
paragraph. Each test fails on the code before this round."""

import random
import re

import pytest

from course.engine import debrief
from course.engine.bots import STYLES
from course.engine.practice import Buyer
from course.widgets import practice as views
from course.widgets.practice import DifficultMoment

# --- C2: the arena's pace line ------------------------------------------------------------


def _reviewers_game():
    """The reviewer's run: a tit-for-tat buyer with limit 83 from random.Random(1); the
    seller opens at 80, holds, concedes to 79 and holds there."""
    session = Buyer("tit-for-tat", limit=83, rng=random.Random(1)).session(40)
    for ask in [80, 80, 80, *[79] * 7]:
        if session.finished:
            break
        session.offer(ask)
    if not session.finished:
        session.walk_away()
    return session.result()


def test_c2_the_pace_line_never_prints_5_percent_beside_barely_moved():
    """The debrief printed 'it moved 5%, 0%, 5% of that ground (it stood still while you
    held)': steps of 4.8%, under the 5% line, rounded up. Figures now show one decimal,
    a step under the line is rounded down, and the label says 'barely moved'."""
    moves = debrief.bot_moves(_reviewers_game(), "seller")
    holds = moves["after_holds"]
    assert 0.045 <= max(holds) < debrief.STILL  # a step that whole percents show as 5%
    text = debrief.style_evidence(moves, STYLES["tit-for-tat"][0])
    assert "stood still" not in text
    assert "(it barely moved while you held: under 5% each time)" in text
    line = re.search(r"each time you held, it moved (.*) of that ground", text).group(1)
    shown = [float(x) for x in re.findall(r"(-?\d+\.\d)%", line)]
    assert len(shown) == len(holds) and max(shown) < 5
    assert all(0 <= 100 * s - a < 0.1 + 1e-9 for a, s in zip(shown, holds, strict=True))


def test_c2_steps_at_or_over_the_line_keep_their_rounding():
    assert debrief.held_share(0.0499) == "4.9%"
    assert debrief.held_share(0.048) == "4.8%"
    assert debrief.held_share(debrief.STILL) == "5.0%"
    assert debrief.held_share(0.1239) == "12.4%"


# --- U5: the ethics paragraph once per moment ---------------------------------------------


@pytest.mark.parametrize("seed", range(6))
def test_u5_the_budget_claims_ethics_sits_once_under_the_table(seed):
    """Every verdict in a moment whose claim was a test repeated the same ~90-word paragraph
    on where a false budget claim falls; it is now said once, under the comparison table."""
    moment = DifficultMoment(rng=random.Random(seed))
    for answer in ("hold", "usual", "walk"):
        moment.choice.value = answer
        moment.see_what_happens()
        assert "module 00's line" not in moment.outcome.value
        said = moment.comparison.value.count("Ethicists and the rules for lawyers are divided")
        assert said == (0 if moment._moment.claim_true else 1), (seed, answer)
    assert "are divided" in views.BUDGET_CLAIM_LINE
