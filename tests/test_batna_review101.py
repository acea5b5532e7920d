"""Module 02, review 100 (fixes of round 101): each test below failed on the code or text
before its fix."""

import pytest

from course.checks import batna as check
from course.checks.hints import NotYet
from tests.sweeps import cell_text


def _cell(grade_id, module=("02_batna", "batna")):
    """The cell's text as one line of words, without markdown's hashes."""
    return " ".join(cell_text(*module, grade_id).replace("#", " ").split())


@pytest.mark.parametrize("given", [{}, {"A": "bluff"}, None, ["A"]])
def test_u1_the_practice_hints_name_practice_labels(monkeypatch, given):
    """U1: with an empty or partial practice_labels, or one returning no dict, the practice
    check's hints named label_statements, the graded function the learner may not have
    written yet. They now name practice_labels, and ask for no "use" entry."""
    monkeypatch.setenv("LEVERAGE_LEARNER", "rv100-u1")
    with pytest.raises(NotYet) as failure:
        check.practice_labels(lambda: given)
    hint = str(failure.value)
    assert "practice_labels" in hint, hint
    assert "label_statements" not in hint and "'use'" not in hint, hint


def test_u1_the_graded_check_still_names_label_statements(monkeypatch):
    """U1, the other side: question 7's own check keeps naming label_statements."""
    monkeypatch.setenv("LEVERAGE_LEARNER", "rv100-u1")
    with pytest.raises(NotYet) as failure:
        check.label_statements(lambda offers: {"use": "A"})
    assert "label_statements has no label for statement A yet." in str(failure.value)
