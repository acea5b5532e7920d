"""The keys that hold labels judged on a learner's own case only at grading
(``course.checks.calls.own_case_key``): in a notebook they answer to the course's checks
alone, so a cell cannot copy the labels into an answer; elsewhere they answer as before.

An in-process IPython shell stands for the learner's kernel here (``get_ipython()`` is what
the seal looks at); ``test_grading_leverage`` shows the same under real nbgrader."""

import pytest
from IPython.core.interactiveshell import InteractiveShell

import course
from autograder.integrity import course_internals
from course.checks import leverage as check
from course.checks.calls import MarkedAtGrading
from course.scenarios import leverage as scenarios

MODULE = "00_leverage"

#: Module 00's keys of the labels that questions 1, 4a and 5 mark on the learner's own case.
SEALED = ("fact_key", "news_key", "tactic_key", "tactic_kinds_accepted", "pretexts")


@pytest.fixture
def notebook():
    """A notebook shell for the length of a test, then none again (other tests in this
    process must not think they run in a kernel)."""
    shell = InteractiveShell.instance()
    try:
        yield shell
    finally:
        InteractiveShell.clear_instance()


@pytest.fixture
def learner(monkeypatch):
    monkeypatch.setenv("LEVERAGE_LEARNER", "r-7")
    return course.variant(MODULE, "r-7")


@pytest.mark.parametrize("name", SEALED)
def test_a_cell_asking_for_the_own_cases_labels_is_told_why_it_gets_none(notebook, learner, name):
    with pytest.raises(MarkedAtGrading, match="answers only to the course's checks"):
        getattr(scenarios, name)(learner)


@pytest.mark.parametrize("name", SEALED)
def test_outside_a_notebook_the_keys_answer(learner, name):
    """They answer (``pretexts`` may answer that none of the tactics is one)."""
    assert getattr(scenarios, name)(learner) is not None


def test_in_a_notebook_the_practice_check_still_reads_the_keys(notebook, learner, capsys):
    """The practice case is judged with the same keys, by a running check: a right answer
    passes (read from the keys outside the notebook, as an instructor would)."""
    practice = check.practice_for(learner)
    InteractiveShell.clear_instance()
    right = scenarios.fact_key(practice)
    InteractiveShell.instance()
    check.practice_facts(lambda: right)
    assert "all" in capsys.readouterr().out


def test_the_class_report_counts_the_sealed_keys_as_answer_keys():
    internals = course_internals()
    assert all(internals[name] == "answer key" for name in SEALED)
