"""Review 95 of module 05 (capstone): the departures box names module 04's question for
paced tit-for-tat (C1); question 7's pass message is true of every plan it passes (X1).
Each test fails on the text or code before this round."""

import io
from contextlib import redirect_stdout

from course.checks import capstone as check
from tests.test_capstone_review94 import _cell, _reference


def test_c1_paced_tit_for_tat_is_module_04s_question_3():
    """The box said "keep module 04's paced tit-for-tat (question 7)": paced tit-for-tat is
    module 04's question 3, and this module's question 7 is the plan the box warns suits
    this bot only."""
    box = " ".join(_cell("about-the-bot").split())  # review 96 U1: the box moved there
    assert "paced tit-for-tat (question 7)" not in box
    # review 98 C1 (round 100): question 7's reference is now module 04's shape
    assert "paced tit-for-tat (its question 3), and test" in box


def test_x1_question_7_s_pass_message_fits_a_plan_of_module_04s_shape(monkeypatch):
    """The pass message said "walks down the frontier one smallest step at a time" to every
    passing plan, a plan of module 04's shape (which skips packages on purpose) included.
    It now says what every passing plan does."""
    monkeypatch.setenv("LEVERAGE_LEARNER", "rv95-x1")
    shown = io.StringIO()
    with redirect_stdout(shown):
        check.concession_plan(_reference())
    said = " ".join(shown.getvalue().split())
    assert "one smallest step at a time" not in said
    assert "keeps every step on the Pareto frontier and gives Marlow more each time" in said
    assert "section 5's smallest steps, or module 04's shape" in said
