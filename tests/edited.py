"""Notebooks as learners leave them after editing in JupyterLab, made from the current
module (``tests.notebooks``), never stored: JupyterLab's copy, paste and split keep a
cell's metadata, nbgrader's included, and give the new cell a new id."""

import copy
import uuid


def index_of(nb, grade_id):
    """The position of the cell with ``grade_id``."""
    return next(
        i
        for i, c in enumerate(nb.cells)
        if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id
    )


def _clone(cell, source):
    twin = copy.deepcopy(cell)
    twin.source = source
    twin["id"] = uuid.uuid4().hex[:8]
    return twin


def copied_cell(nb, grade_id, first=None, second=None):
    """``nb`` with the cell ``grade_id`` copied and pasted right below itself; ``first`` and
    ``second`` replace the sources of the original and of the copy (default: unchanged)."""
    nb = copy.deepcopy(nb)
    index = index_of(nb, grade_id)
    cell = nb.cells[index]
    original = _clone(cell, cell.source if first is None else first)
    twin = _clone(cell, cell.source if second is None else second)
    nb.cells[index : index + 1] = [original, twin]
    return nb


def split_cell(nb, grade_id, line):
    """``nb`` with the cell ``grade_id`` split in two before its line ``line`` (0-based), as
    JupyterLab's "Split Cell" does: both halves keep the cell's metadata."""
    lines = nb.cells[index_of(nb, grade_id)].source.split("\n")
    return copied_cell(nb, grade_id, "\n".join(lines[:line]), "\n".join(lines[line:]))


def deleted_cell(nb, *grade_ids):
    """``nb`` without the cells ``grade_ids``."""
    nb = copy.deepcopy(nb)
    nb.cells = [
        c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade_id") not in grade_ids
    ]
    return nb


def written_before_rename(source, grade_id):
    """An answer ``source`` for the cell ``grade_id`` as a learner wrote it for a release
    before its function was renamed (``autograder.repair.RENAMED_ANSWERS``)."""
    from autograder.repair import RENAMED_ANSWERS

    earlier, current = RENAMED_ANSWERS[grade_id]
    return source.replace(current, earlier)
