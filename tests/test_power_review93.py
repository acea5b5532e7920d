"""Review 93 of module 03: what the fresh reader found, and what the checks say now. Each
test fails on the code before the fix."""

import pytest

from course.checks import power as check
from course.checks.hints import NotYet
from course.scenarios.power import LABELS, PRACTICE_TACTICS


@pytest.mark.parametrize("number", sorted(PRACTICE_TACTICS))
def test_u4_no_practice_hint_runs_a_question_into_a_semicolon(number):
    """Review 93 U4: practice statement 2's hint read "...would Kestrel do what it says?;
    something in it is untrue": the question that decides now ends its own sentence."""
    accepted = PRACTICE_TACTICS[number][0]
    for label in LABELS:
        if label in accepted:
            continue
        with pytest.raises(NotYet) as hint:
            check.judge_practice_tactic(number, label)
        assert "?;" not in str(hint.value)
