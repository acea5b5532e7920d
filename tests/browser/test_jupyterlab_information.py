"""A learner opens the information notebook in JupyterLab, runs it and plays with the widgets."""

import pytest

from tests.browser.a11y import check_notebook
from tests.browser.conftest import cell, run_cell, wait_in_cell

# one worker, one JupyterLab: each worker that ran one of these started its own
pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("jupyterlab")]


@pytest.fixture
def notebook_page(shared_notebook):
    return shared_notebook("01_information/information.ipynb")


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
    offer = cell(page, "BeliefUpdater()").get_by_role("textbox", name="an offer of your own")
    offer.fill("53.2")
    offer.press("Enter")
    page.get_by_role("button", name="add this offer").click()
    page.get_by_text("Beliefs updated after 3 offers.").wait_for()
    page.get_by_text("71.65 (before any offer: 60)").wait_for()
    assert page.get_by_role("button", name="next scripted offer").is_disabled()
    # an emptied box adds nothing, not the offer typed before (issue 19)
    offer.fill("")
    offer.press("Enter")
    page.get_by_role("button", name="add this offer").click()
    page.get_by_text("type the offer first").wait_for()
    assert cell(page, "BeliefUpdater()").get_by_text("53.20, 53.20, 53.20").count() == 0

    run_cell(page, "InformationExplorer(sale.explorer_cases)")
    page.get_by_text("70, expected profit 18.").wait_for()
    # the sliders are named for a screen reader and move with the keyboard
    cost = cell(page, "InformationExplorer(sale.explorer_cases)").get_by_role(
        "slider", name="your cost"
    )
    cost.focus()
    cost.press("End")  # a cost of 200, above every value the buyer could have
    page.get_by_text("No price covers your cost").wait_for()
    cell(page, "InformationExplorer(sale.explorer_cases)").get_by_text("No price pays:").wait_for()
    check_notebook(page, "module 01's notebook")


def test_an_unanswered_likelihood_shows_a_hint_not_a_traceback(notebook_page):
    page = notebook_page
    test = "check.opening_likelihood(opening_likelihood)"
    wait_in_cell(page, test, "Not yet: opening_likelihood is not written yet.")
    assert cell(page, test).get_by_text("Traceback (most recent call last)").count() == 0
