"""Module 02, review 81 (fixes of round 82): each test below failed on the code or text
before its fix."""

import pytest

import course
from course.checks import batna as check
from course.checks.hints import NotYet
from course.scenarios.batna import statements_of
from tests.sweeps import cell_text


def _cell(grade_id):
    """The cell's text, its lines joined and its comment marks dropped."""
    lines = cell_text("02_batna", "batna", grade_id).splitlines()
    return " ".join(" ".join(line.lstrip("# ").strip() for line in lines).split())


def test_a_true_statement_is_legitimate_only_when_it_plants_no_false_fact(learner):
    """C1: section 6 opened with "a true statement is legitimate, with or without a demand",
    while its table and its paltering paragraph say a true statement that plants a false
    fact is not made honest by being true. The opening, and the two check hints that
    repeated it (an old label, the word 'honest'), now carry section 6's test."""
    honest = _cell("honest-teaching")
    assert "a true statement is **legitimate**" not in honest
    assert (
        "In module 00's words, a true statement that plants no false fact is **legitimate**, "
        "with or without a demand;"
    ) in honest
    ada = statements_of(course.variant("02_batna", "ada"))
    demand = next(s for s in ada if s._kind == "warning" and s._label == check.LEGITIMATE)
    for old in ("honest", "plain statement"):
        with pytest.raises(NotYet) as hint:
            check.judge_statement(demand, {demand.letter: old})
        said = " ".join(str(hint.value).split())
        assert "a true statement, with a demand or without" not in said
        assert "true statement that plants no false fact, with a demand or without" in said
