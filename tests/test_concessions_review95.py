"""Review 95 of module 04 (concessions): question 3's pass message states the allowance
the check applies (X1). The test fails on the code before this round."""

import io
from contextlib import redirect_stdout

from course.checks import concessions as check
from tests.notebooks import solution_namespace


def test_x1_question_3_s_pass_message_names_every_cap_of_the_allowance(monkeypatch):
    """The message said the allowance is "Orchard's concession capped by your own last
    step", leaving out the three fifths of the room before your first step and the room left
    to your target, which section 3's rule 2 and the check both apply."""
    monkeypatch.setenv("LEVERAGE_LEARNER", "rv95-x1")
    answer = solution_namespace("04_concessions", "concessions")["tit_for_tat"]
    shown = io.StringIO()
    with redirect_stdout(shown):
        check.tit_for_tat(answer)
    said = " ".join(shown.getvalue().split())
    assert "(Orchard's concession capped by your own last step)" not in said
    assert (
        "(the least of Orchard's concession, your own last concession or, before your first, "
        "three "
        "fifths of the room, and the room left to your target)" in said
    )
