"""What a learner's JupyterLab shows around the course: nbgrader's instructor tools are
hidden (issue 19), as `make run` and the hub configure it, and the Validate button stays."""

import pytest

# one worker, one JupyterLab: each worker that ran one of these started its own
pytestmark = [pytest.mark.browser, pytest.mark.slow, pytest.mark.xdist_group("jupyterlab")]


def test_a_learner_sees_no_instructor_tools(open_notebook):
    page = open_notebook("02_batna/batna.ipynb")
    page.get_by_role("button", name="Validate").wait_for()
    page.get_by_role("menuitem", name="Kernel").wait_for()
    assert page.get_by_role("menuitem", name="Nbgrader").count() == 0
    assert page.get_by_text("Create Assignment").count() == 0
    assert page.get_by_text("Formgrader").count() == 0
