"""A learner opens the information notebook in JupyterLab, runs it and plays with the widgets."""

import time

import pytest
from playwright.sync_api import TimeoutError as PlaywrightTimeout

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture
def notebook_page(open_notebook):
    return open_notebook("01_information/information.ipynb")


def cell(page, code):
    """The code cell that contains ``code``, scrolled into view: JupyterLab does not render
    cells far off screen, and "Run All" leaves the view at the bottom of the notebook."""
    found = page.locator(".jp-CodeCell", has_text=code)
    found.scroll_into_view_if_needed()
    return found


def wait_in_cell(page, code, text, seconds=60):
    """Wait until ``text`` shows in the cell that contains ``code``, scrolling it back into
    view while "Run All" is still moving the notebook."""
    deadline = time.monotonic() + seconds
    while True:
        shown = cell(page, code).get_by_text(text).first
        try:
            shown.wait_for(timeout=2_000)
            return shown
        except PlaywrightTimeout:
            if time.monotonic() > deadline:
                raise


def run_cell(page, code):
    """Run the code cell that contains ``code`` by itself, as a learner does with Shift+Enter."""
    cell(page, code).locator(".cm-content").click()
    page.keyboard.press("Shift+Enter")


def test_the_information_notebook_runs_and_its_widgets_respond(notebook_page):
    page = notebook_page
    setup = 'course.variant("01_information")'
    wait_in_cell(page, setup, "Your scenario — learner ada")
    wait_in_cell(page, setup, "Osprey has just opened with an offer of")

    # Run each widget's cell by itself, as a learner coming back to it would.
    run_cell(page, "BeliefUpdater()")
    page.get_by_text("60 (before any offer: 60)").wait_for()
    page.get_by_role("button", name="next scripted offer").click()
    page.get_by_text("61.04 (before any offer: 60)").wait_for()
    page.get_by_role("button", name="next scripted offer").click()
    page.get_by_text("71.97 (before any offer: 60)").wait_for()
    # the buyer holds firm: an ordinary move, read and kept, and it lowers the expectation
    cell(page, "BeliefUpdater()").locator("input[type=number]").fill("53.2")
    page.get_by_role("button", name="add this offer").click()
    page.get_by_text("Beliefs updated after 3 offers.").wait_for()
    page.get_by_text("71.65 (before any offer: 60)").wait_for()
    assert page.get_by_role("button", name="next scripted offer").is_disabled()

    run_cell(page, "InformationExplorer()")
    page.get_by_text("70, expected profit 18.").wait_for()
    cost_handle = cell(page, "InformationExplorer()").locator(".noUi-handle")
    cost_handle.first.focus()
    cost_handle.first.press("End")  # a cost of 200, above every value the buyer could have
    page.get_by_text("No price covers your cost").wait_for()
    cell(page, "InformationExplorer()").get_by_text("No price pays:").wait_for()


def test_an_unanswered_likelihood_shows_a_hint_not_a_traceback(notebook_page):
    page = notebook_page
    test = "check.opening_likelihood(opening_likelihood)"
    wait_in_cell(page, test, "Not yet: opening_likelihood is not written yet.")
    assert cell(page, test).get_by_text("Traceback (most recent call last)").count() == 0
