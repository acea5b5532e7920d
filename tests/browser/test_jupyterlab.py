"""A learner opens the BATNA notebook in JupyterLab, runs it and plays with the widgets."""

import pytest

from tests.browser.a11y import check_notebook
from tests.browser.conftest import cell, run_cell

# one worker, one JupyterLab: each worker that ran one of these started its own
pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("jupyterlab")]

ZOPA = "ZopaExplorer(seller"


@pytest.fixture
def notebook_page(shared_notebook):
    return shared_notebook("02_batna/batna.ipynb")


def test_the_notebook_runs_and_its_widgets_respond(notebook_page):
    page = notebook_page
    page.get_by_text("Your scenario — learner ada").wait_for()

    # The BATNA builder answers on its own from the worked example ...
    page.get_by_text("Startup, worth 95,000 on average").wait_for()
    # ... and recomputes when the learner types a new sure salary.
    sure_salary = page.get_by_role("textbox", name="value", exact=True).first
    sure_salary.fill("100000")
    sure_salary.press("Enter")
    page.get_by_text("Sure offer, a sure 100,000").wait_for()
    # An emptied box shows no BATNA computed from the salary that was there (issue 19).
    sure_salary.fill("")
    sure_salary.press("Enter")
    page.get_by_text("type the value of outcome 1 first").wait_for()
    assert page.get_by_text("Sure offer, a sure 100,000").count() == 0

    # Run the ZOPA explorer's cell by itself: it opens at the even split of its example zone,
    # and moving the deal to the top of the range calls it out.
    run_cell(page, ZOPA)
    page.get_by_text("Inside the ZOPA. Surplus 10,000").wait_for()
    page.get_by_text("This deal is the even split").wait_for()
    deal = cell(page, ZOPA).get_by_role("slider", name="proposed deal")
    deal.focus()
    deal.press("End")
    page.get_by_text(
        "is above the buyer's reservation price 100,000: the buyer would rather walk away"
    ).wait_for()
    check_notebook(page, "module 02's notebook")


def test_a_wrong_answer_shows_a_hint_not_a_traceback(notebook_page):
    page = notebook_page
    page.get_by_text("Not yet: startup_tree is not written yet.").first.wait_for()
    assert page.get_by_text("Traceback (most recent call last)").count() == 0
