"""A learner opens the capstone in JupyterLab, runs it, and negotiates with Marlow by clicking."""

import pytest

from tests.browser.a11y import check_notebook
from tests.browser.conftest import cell, run_cell, wait_in_cell

# one worker, one JupyterLab: each worker that ran one of these started its own
pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("jupyterlab")]

TABLE = "beliefs=marlow_beliefs"  # a line only the table cell holds


@pytest.fixture
def notebook_page(shared_notebook):
    return shared_notebook("05_capstone/capstone.ipynb")


def test_the_capstone_runs_and_a_negotiation_is_played_by_clicking(notebook_page):
    page = notebook_page
    setup = 'course.variant("05_capstone")'
    wait_in_cell(page, setup, "Your scenario — learner ada")
    wait_in_cell(page, "check.my_batna(my_batna)", "Not yet: my_batna is not written yet.")
    # "Run All" stops at the first unanswered question: define the plan's two functions
    # (still unwritten) and open the table, as a learner who skipped ahead would.
    run_cell(page, "def my_reservation(s):")
    run_cell(page, "def opening_offer(s):")
    run_cell(page, TABLE)
    wait_in_cell(page, TABLE, "my_reservation is not written yet")
    wait_in_cell(page, TABLE, "make your first offer")
    table = cell(page, TABLE)
    table.get_by_role("button", name="send offer").click()
    wait_in_cell(page, TABLE, "Counter, accept or walk away.")
    table.get_by_role("button", name="accept Marlow's offer").click()
    wait_in_cell(page, TABLE, "Debrief")
    # questions 2 and 3 are unanswered: the debrief holds back what would give them away
    wait_in_cell(page, TABLE, "Held back until questions 2 and 3 pass")
    assert table.get_by_text("Traceback (most recent call last)").count() == 0
    check_notebook(page, "module 05's notebook")
