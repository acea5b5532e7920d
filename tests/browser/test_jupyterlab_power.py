"""A learner opens the power notebook in JupyterLab, runs it and plays with the widgets."""

import pytest

from tests.browser.a11y import check_notebook
from tests.browser.conftest import run_cell

# one worker, one JupyterLab: each worker that ran one of these started its own
pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("jupyterlab")]


@pytest.fixture
def notebook_page(shared_notebook):
    return shared_notebook("03_power/power.ipynb")


def test_the_notebook_runs_and_its_widgets_respond(notebook_page):
    page = notebook_page
    page.get_by_text("Your scenario — learner ada").wait_for()

    # The power explorer answers on its own from the glove game, core verdict included ...
    page.get_by_text("Left 0.667, Right 1 0.167, Right 2 0.167").wait_for()
    page.get_by_text("{Left, Right 1} earn 1 on their own but get 0.833").wait_for()
    # ... and recomputes when the learner renames the players.
    players = page.locator(".widget-text input[type=text]").first
    players.fill("Seller, Buyer")
    players.press("Enter")
    page.get_by_text("Seller 0, Buyer 0").wait_for()

    # Run the shrinking-pie cell again by itself and play a round: 50% is more than the
    # computer's equilibrium share, so it accepts at once.
    run_cell(page, "ShrinkingPieGame()")
    page.get_by_text("shown once you have made an offer with these settings").wait_for()
    page.get_by_role("button", name="make the offer").click()
    page.get_by_text("It accepts.").wait_for()
    # review 89 M1: the lowest offer the slider can make that it accepts, 47.4% rounded up
    page.get_by_text("The computer accepts any offer of at least 48%").wait_for()
    check_notebook(page, "module 03's notebook")


def test_a_wrong_answer_shows_a_hint_not_a_traceback(notebook_page):
    page = notebook_page
    page.get_by_text("Not yet: licence_floor is not written yet.").first.wait_for()
    assert page.get_by_text("Traceback (most recent call last)").count() == 0
