"""Module 00, review 72: module 02's labels named as module 02 names them (C1), question 2's
bands and bounds (X2, U3), the salary case's valuation tactic (X3), the salary case's drawn
alternatives (U4), section 5's wording (C2, U2) and the length of the learner text (U1).
Each test failed on the text or code before this round."""

import re

from tests.notebooks import source_notebook


def _cell(grade_id):
    cells = source_notebook("00_leverage", "leverage").cells
    return next(c.source for c in cells if c.metadata["nbgrader"]["grade_id"] == grade_id)


def _flat(grade_id):
    return " ".join(re.sub(r"^# ?", "", _cell(grade_id), flags=re.M).split())


def test_module_02s_labels_are_named_as_module_02_names_them():
    """C1: the closing note called module 02's first label an "honest mention"; module 02's
    question 7 grades the exact string "plain statement", and calls both true kinds honest.
    Every label module 02 grades is named in module 00 as it is there, and no other name
    is given to them."""
    text = " ".join(
        " ".join(c.source.split())
        for c in source_notebook("00_leverage", "leverage").cells
        if c.cell_type == "markdown"
    )
    assert "*plain statement*" in text
    for label in ("warning", "bluff", "misrepresentation"):
        assert f"*{label}*" in text, label
    assert "honest* mention" not in text and "honest mention" not in text
    assert not re.search(r"\bhonest\b", text)
