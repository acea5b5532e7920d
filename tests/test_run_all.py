"""Issue 19: "Run All" on an untouched notebook used to stop at the first unanswered question,
so nothing below it ever appeared. In a learner's kernel (not under nbgrader) a failed
self-check shows its hint and lets the rest of the notebook run."""

import nbformat
import pytest
from nbclient import NotebookClient

from autograder.build import modules
from course.checks.calls import TRANSCRIPT_MIME
from tests.conftest import ROOT

pytestmark = pytest.mark.slow


def graded_test_cells(nb):
    return [
        cell
        for cell in nb.cells
        if cell.metadata.get("nbgrader", {}).get("grade")
        and not cell.metadata["nbgrader"].get("solution")
    ]


@pytest.mark.parametrize("module", modules(ROOT))
def test_run_all_of_an_untouched_notebook_reaches_the_end_with_every_hint(
    module, learner, tmp_path
):
    for path in sorted((ROOT / "release" / module).glob("*.ipynb")):
        nb = nbformat.read(path, as_version=4)
        NotebookClient(
            nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
        ).execute()
        code = [cell for cell in nb.cells if cell.cell_type == "code"]
        assert all(cell.execution_count for cell in code), "a cell did not run"
        errors = [o for cell in code for o in cell.outputs if o.output_type == "error"]
        assert not errors, [f"{o.ename}: {o.evalue}" for o in errors]
        for cell in graded_test_cells(nb):
            shown = [o.get("data", {}) for o in cell.outputs]
            text = "".join(d.get("text/plain", "") + d.get("text/html", "") for d in shown)
            assert "Not yet:" in text, (cell.metadata["nbgrader"]["grade_id"], cell.outputs)
            assert "Traceback" not in text
            assert any(TRANSCRIPT_MIME in d for d in shown)
