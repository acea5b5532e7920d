"""A learner opens the leverage notebook in JupyterLab, runs it, plays the audit (reading a
piece of news before it is applied) and reads the course map."""

import pytest

from tests.browser.a11y import check_notebook
from tests.browser.conftest import cell, run_cell

# one worker, one JupyterLab: each worker that ran one of these started its own
pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("jupyterlab")]


def test_the_audit_responds_and_the_map_shows_progress(open_notebook):
    page = open_notebook("00_leverage/leverage.ipynb")
    page.get_by_text("Your scenario — learner ada").wait_for()
    page.get_by_text("Facts to classify").first.wait_for()
    page.get_by_text("fact_leverage is not written yet.").first.wait_for()
    assert page.get_by_text("Traceback (most recent call last)").count() == 0

    run_cell(page, "LeverageAudit(without_news_of=scenario)")
    page.get_by_text("Balance +0.70 points", exact=True).wait_for()
    page.get_by_role("button", name="next news").click()
    page.get_by_text("two engineers left the team", exact=False).wait_for()
    audit = cell(page, "LeverageAudit(without_news_of=scenario)")
    audit.locator(".widget-dropdown select").nth(1).select_option(label="your information")
    audit.get_by_role("button", name="up", exact=True).click()
    audit.get_by_role("button", name="check my reading").click()
    page.get_by_text("Balance +1.30 points", exact=True).wait_for()
    page.get_by_text("Right. Your information rating rises from 4 to 6.", exact=False).wait_for()

    run_cell(page, "course.progress()")
    page.get_by_text("0 of 7 self-checks passed; next: classify_facts").wait_for()
    check_notebook(page, "module 00's notebook")
