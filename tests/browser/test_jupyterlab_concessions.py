"""A learner opens the concessions notebook in JupyterLab, runs it and plays with the widgets."""

import pytest

from tests.browser.a11y import check_notebook
from tests.browser.conftest import cell, run_cell

# one worker, one JupyterLab: each worker that ran one of these started its own
pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("jupyterlab")]


@pytest.fixture
def notebook_page(shared_notebook):
    return shared_notebook("04_concessions/concessions.ipynb")


def test_the_notebook_runs_and_the_arena_answers(notebook_page):
    page = notebook_page
    page.get_by_text("Your scenario — learner ada").wait_for()
    page.get_by_text("Not yet: opening is not written yet.").first.wait_for()
    # "Run All" stops at the first unanswered question: run the arena's cell by itself.
    run_cell(page, "NegotiationArena()")
    # The arena opens with an empty box and waits for the learner's opening ...
    arena = cell(page, "NegotiationArena()")
    arena.get_by_text("Make your opening offer").wait_for()
    ask = arena.locator(".widget-text", has_text="your ask").locator("input")
    assert ask.input_value() == ""
    arena.get_by_role("button", name="send offer").click()  # nothing typed: nothing sent
    arena.get_by_text("type your ask first").wait_for()
    # ... and the buyer answers an offer with one of its own.
    ask.fill("80")
    arena.get_by_role("button", name="send offer").click()
    arena.get_by_text("Round 1: you ask 80").wait_for()
    arena.get_by_text("Counter, accept or walk away.").wait_for()
    check_notebook(page, "module 04's notebook")


def test_the_low_ball_moment_plays_out(notebook_page):
    page = notebook_page
    page.get_by_text("Not yet: opening is not written yet.").first.wait_for()
    # "Run All" stops at the first unanswered question: run the moment's cell by itself.
    run_cell(page, "DifficultMoment()")
    moment = cell(page, "DifficultMoment()")
    moment.get_by_text("the buyer suddenly offers").wait_for()
    # no answer is chosen for the learner: playing before picking one asks for one
    moment.get_by_role("button", name="see what happens").click()
    moment.get_by_text("Pick an answer first").wait_for()
    moment.get_by_text("Repeat your last ask").click()
    moment.get_by_role("button", name="see what happens").click()
    moment.get_by_text("You repeated your last ask").wait_for()
    assert page.get_by_text("Traceback (most recent call last)").count() == 0
