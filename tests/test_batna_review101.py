"""Module 02, review 100 (fixes of round 101): each test below failed on the code or text
before its fix."""

import pytest

from course.checks import batna as check
from course.checks.hints import NotYet
from tests.notebooks import source_notebook
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


def _markdown(module):
    """A module's Markdown, as one line of words."""
    cells = source_notebook(*module).cells
    return " ".join(" ".join(c.source for c in cells if c.cell_type == "markdown").split())


def test_c1_section_6_states_where_its_mention_rule_holds():
    """C1: section 6 gave its rule (mention an alternative when it beats the other side's
    estimate of your reservation price) with no condition, and pointed to module 03 only
    "for talks where both sides can counter", though Northwind's talks have counters too.
    The rule now says, in module 03's words, that it fits talks where the other side can
    make a final offer and hold to it, as Northwind can before your answer date (section 7's
    box); the links and the summary send talks where both sides lose by waiting to module
    03, the summary with module 03's bar."""
    honest, summary = _cell("honest-teaching"), _cell("summary")
    when = honest[honest.index("When to mention an alternative at all") : honest.index("Tell its")]
    # review 103 C2: only when Northwind makes the last offer before that date
    assert "fits talks where Northwind makes the last offer before your answer date" in when
    assert "so it can hold to a final offer" in when
    assert "a final offer (section 5)" in when  # review 103 C2; review 114 C3: not the box
    assert "The last offer before it decides" in _cell("nash-teaching")  # the box says so
    power = _markdown(("03_power", "power"))
    assert "can make a final offer and hold to it" in power  # the same words as module 03
    assert "both lose by waiting" in power and "your share at the table" in power
    links = honest[honest.index("Links:") :]
    assert "where both sides can keep countering and both lose by waiting, module 03" in links
    assert "lose by waiting, module 03's bar: their estimate of your share at the table" in (
        summary
    )
    for text in (honest, summary):
        assert "refines this bar for talks where both sides can counter" not in text


def test_u2_section_6_gives_its_tests_and_mention_rule_first():
    """U2: the mention rule came after the table, the judging paragraph, six sentences of
    exceptions and the note on declining to name a price; the grading tolerance (either
    label for a demand above your limit) sat in section 6's teaching. Now the three tests and
    the mention rule open the section, and the tolerance is in question 7; section 6 keeps
    module 00's line between a bluff and a misrepresentation."""
    honest, q7 = _cell("honest-teaching"), _cell("q7-text")
    tests = honest.index("1. A true statement that leaves no false impression")
    when = honest.index("When to mention an alternative at all")
    assert tests < when < honest.index("| label | true? |")
    assert when < honest.index("A legitimate demand is a **warning**")
    assert "accepts either label" not in honest and "either label" not in honest
    assert "both count: this course accepts either label for a demand above that price" in q7
    assert "(module 00 puts such a false intention on the line between a bluff and a" in honest


def test_u3_question_8_gives_its_example_before_what_the_check_tries():
    """U3: question 8 put the list of checked cases between the task and its worked example;
    the example now follows the task, and the checked cases close the question with its
    marks."""
    q8 = _cell("q8-text")
    assert q8.index("With a pie of 200") < q8.index("The check uses other sides'")
    assert q8.index("The check uses other sides'") < q8.index("Marks: Nash cases 1/2")
