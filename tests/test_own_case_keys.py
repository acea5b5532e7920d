"""The keys that hold labels judged on a learner's own case only at grading
(``course.checks.calls.own_case_key``): in a notebook they answer to the course's checks
alone, so a cell cannot copy the labels into an answer; elsewhere they answer as before.

An in-process IPython shell stands for the learner's kernel here (``get_ipython()`` is what
the seal looks at); ``test_grading_leverage`` shows the same under real nbgrader."""

import importlib

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


#: Every module's keys of labels marked on the learner's own case only at grading (the
#: round-59 sweep typed each one's output into an answer and got the marks), by where they
#: live; calling one with the learner's scenario shows the seal before any argument is read.
SEALED_ELSEWHERE = {
    ("01_information", "information"): (
        "news_of",
        "news_likelihood",
        "situations_of",
        "model_limits",
        "moves_of",
    ),
    ("02_batna", "batna"): ("statements_of", "statement_key"),
    ("03_power", "power"): (
        "power_fact_answer",
        "fact_kind",
        "tactic_kind",
        "tactic_label",
        "tactic_labels",
        "facts",
    ),
    ("05_capstone", "capstone"): ("statement_key", "statement_kinds"),
}


@pytest.mark.parametrize(
    "module, where, name",
    [(m, w, n) for (m, w), names in SEALED_ELSEWHERE.items() for n in names],
)
def test_no_modules_own_case_labels_answer_a_cell(notebook, module, where, name):
    key = getattr(importlib.import_module(f"course.scenarios.{where}"), name)
    with pytest.raises(MarkedAtGrading, match="answers only to the course's checks"):
        key(course.variant(module, "r-7"))


@pytest.mark.parametrize("module", [m for m, _ in SEALED_ELSEWHERE] + [MODULE])
def test_a_notebook_still_draws_its_learners_scenario(notebook, module):
    """Drawing a scenario reads its items' labels (module 03's does): that is the course
    at work, which the seal lets through."""
    learner = f"drawn-in-a-notebook-{module}"  # drawn nowhere else, so not cached
    assert course.variant(module, learner).learner == learner


def test_question_7s_use_says_the_same_of_every_wrong_letter_on_the_own_case(monkeypatch):
    """Module 02: the visible check judges the learner's "use" letter on their own case; a
    reply that told "not true or demands something" apart from "true but not the one"
    would give away the labels of two of the four statements marked at grading."""
    from course.checks.batna import judge_use
    from course.checks.hints import NotYet
    from course.scenarios.batna import statement_key

    for learner in (f"r-{n}" for n in range(30)):
        monkeypatch.setenv("LEVERAGE_LEARNER", learner)
        offers = course.variant("02_batna", learner)
        labels = statement_key(offers)
        replies = set()
        for letter in (k for k in labels if k not in ("use", labels["use"])):
            with pytest.raises(NotYet) as reply:
                judge_use(offers, {"use": letter})
            replies.add(str(reply.value).replace(f"statement {letter} ", "statement _ ", 1))
        assert len(replies) == 1, (learner, replies)
