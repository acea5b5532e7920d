"""A learner opens the BATNA notebook in JupyterLab, runs it and plays with the widgets."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]


@pytest.fixture
def notebook_page(open_notebook):
    return open_notebook("02_batna/batna.ipynb")


def test_the_notebook_runs_and_its_widgets_respond(notebook_page):
    page = notebook_page
    page.get_by_text("Your scenario — learner ada").wait_for()

    # The BATNA builder answers on its own from the worked example ...
    page.get_by_text("Startup, worth 95,000 on average").wait_for()
    # ... and recomputes when the learner types a new sure salary.
    sure_salary = page.locator(".widget-text input[type=number]").nth(1)
    sure_salary.fill("100000")
    sure_salary.press("Enter")
    page.get_by_text("Sure offer, worth 100,000 on average").wait_for()

    # Run the ZOPA explorer's cell by itself: it opens at the even split of its example zone,
    # and moving the deal to the top of the range calls it out.
    page.locator(".jp-CodeCell", has_text="ZopaExplorer(seller").locator(".cm-content").click()
    page.keyboard.press("Shift+Enter")
    page.get_by_text("Inside the ZOPA. Surplus 10,000").wait_for()
    page.get_by_text("This deal is the even split").wait_for()
    deal_handle = page.locator(".widget-slider").nth(2).locator(".noUi-handle")
    deal_handle.focus()
    deal_handle.press("End")
    page.get_by_text(
        "is above the buyer's reservation 100,000: the buyer would rather walk away"
    ).wait_for()


def test_a_wrong_answer_shows_a_hint_not_a_traceback(notebook_page):
    page = notebook_page
    page.get_by_text("Not yet: startup_tree is not written yet.").first.wait_for()
    assert page.get_by_text("Traceback (most recent call last)").count() == 0
