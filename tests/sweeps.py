"""What the modules' variant sweeps (tests/test_variants_sweep_*.py) share: running a
question's check quietly, reading its verdict, and recording which scenario fields a
reference solution reads."""

import io
from contextlib import redirect_stdout

from course.checks.credit import Credit
from tests.notebooks import source_notebook


def passes(outcome):
    """A check passed: it returned nothing (a pass message was printed) or full credit."""
    return outcome is None or (isinstance(outcome, Credit) and outcome.earned == outcome.possible)


def run(checks, question, answer, **options):
    """The check ``question`` of the checks module ``checks`` on ``answer``, its printing
    kept out of the test's output."""
    with redirect_stdout(io.StringIO()):
        return getattr(checks, question)(answer, **options)


def cell_text(module, name, grade_id):
    """The source of the cell ``grade_id`` of ``module``'s notebook ``name``."""
    return next(
        cell.source
        for cell in source_notebook(module, name).cells
        if cell.metadata.get("nbgrader", {}).get("grade_id") == grade_id
    )


class Recording:
    """A scenario that notes every field read from it."""

    def __init__(self, scenario):
        self._scenario, self.read = scenario, set()

    def __getattr__(self, name):
        self.read.add(name)
        return getattr(self._scenario, name)
