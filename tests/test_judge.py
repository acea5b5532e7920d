"""The grader's replay of a check, outside the learner's kernel: it reaches the kernel's
verdict from the transcript alone, refuses a transcript that is not the check's, and
decides a test cell from the instructor's source and the transcripts only."""

import copy
import json
import os
import subprocess
import sys

import pytest

from autograder.judge import NotReplayable, check_calls, verdict
from course.checks import CHECKS, checks_of
from course.checks.calls import (
    QUESTIONS,
    TranscriptMismatch,
    collected,
    course_at_work,
    replay,
)
from course.checks.hints import NotYet, call_learner
from course.course_map import MODULES
from course.record import progress_file
from course.variants import HIDDEN_CASES_VARIABLE, hidden_cases_as, learner_as
from tests.conftest import ROOT
from tests.kernel_checks import credit_of
from tests.toy_checks import (
    MODULE,
    SCENARIO_MODULE,
    double_of,
    doubled,
    halves,
    on_my_scenario,
)


def recorded(check, answer, **options):
    """The transcript the kernel shows for ``check(answer)``, and its hint if it failed."""
    with collected() as transcripts:
        try:
            check(answer, **options)
            hint = None
        except NotYet as failure:
            hint = str(failure)
    (transcript,) = transcripts
    return transcript, hint


def twice(x):
    return 2 * x


def test_a_replay_reaches_the_kernels_pass_without_the_learners_code():
    transcript, hint = recorded(doubled, twice)
    assert hint is None
    found = replay(MODULE, "doubled", json.loads(json.dumps(transcript)), "ada", False)
    assert found.failure is None and found.printed == ["\N{CHECK MARK} doubled doubles."]


def test_a_replay_reaches_the_kernels_hint():
    transcript, hint = recorded(doubled, lambda x: x + 1)
    found = replay(MODULE, "doubled", transcript, "ada", False)
    assert str(found.failure) == hint == "doubled(2) gave 3, not 4"


def test_a_hidden_failure_names_no_hidden_case():
    wrong = lambda x: 2 * x if x < 3 else 0  # noqa: E731
    notebook = {}
    visible, passed = recorded(doubled, wrong)
    assert passed is None
    replay(MODULE, "doubled", visible, "ada", False, notebook)
    transcript, hint = recorded(doubled, wrong, hidden=True)
    assert "every case grading tries" in hint and "it does not double" in hint
    assert "3" not in hint and "6" not in hint
    assert str(replay(MODULE, "doubled", transcript, "ada", True, notebook).failure) == hint


def test_a_hidden_failure_says_the_visible_cases_pass_only_when_they_did():
    """Hidden cases run on the learner's own scenario too: the hint says the visible cases pass
    only when the visible check passed."""
    for wrong, visible_passed in ((lambda x: 2 * x if x < 3 else 0, True), (str, False)):
        notebook = {}
        visible, _ = recorded(doubled, wrong)
        replay(MODULE, "doubled", visible, "ada", False, notebook)
        transcript, hint = recorded(doubled, wrong, hidden=True)
        graded = str(replay(MODULE, "doubled", transcript, "ada", True, notebook).failure)
        assert graded == hint and "right on your own" not in hint
        assert ("passes the visible cases" in hint) is visible_passed
        assert ("does not pass the visible cases yet" in hint) is not visible_passed
    # a hidden check replayed with no visible check before it claims nothing of them
    graded = str(replay(MODULE, "doubled", transcript, "ada", True, {}).failure)
    assert graded.startswith("your function does not pass every case grading tries.")


def test_a_crash_is_replayed_with_its_message():
    transcript, hint = recorded(doubled, lambda x: {}[x])
    assert hint.startswith("<lambda>(1) raised KeyError: 1\n")
    assert str(replay(MODULE, "doubled", transcript, "ada", False).failure) == hint


def test_an_answer_that_calls_the_answer_key_is_refused_in_the_kernel_and_when_replayed():
    """A graded answer may not be a call into the answer key the check itself uses: it would
    be right on every case grading tries. The key still answers outside a check."""
    assert double_of(3) == 6
    for answer in (double_of, lambda x: double_of(x) + 0):
        transcript, hint = recorded(doubled, answer)
        assert "calls the course's own answer to this question (double_of)" in hint
        assert str(replay(MODULE, "doubled", transcript, "ada", False).failure) == hint
        transcript, hint = recorded(doubled, answer, hidden=True)
        assert "calls the course's own answer to the question instead of working" in hint
        assert "double_of" not in hint
    assert not hasattr(double_of, "__wrapped__")
    transcript, hint = recorded(doubled, twice)  # the guard is lifted once the call returns
    assert hint is None and double_of(4) == 8


def test_course_at_work_lifts_the_guard_for_no_answer_key_and_no_learners_function():
    """``course_at_work`` lets the course's own working call a key while a check runs; a
    learner who wraps the key, or their own function, in it would get the answer back."""
    with pytest.raises(TypeError, match="is an answer key"):
        course_at_work(double_of)
    with pytest.raises(TypeError, match="the course's own functions"):
        course_at_work(lambda x: double_of(x))
    transcript, hint = recorded(doubled, lambda x: course_at_work(double_of)(x))
    assert hint is not None and "TypeError" in hint
    assert str(replay(MODULE, "doubled", transcript, "ada", False).failure) == hint


def test_a_value_is_checked_as_plain_data_in_the_kernel_too():
    """An object whose == says yes to everything is opaque by the time the check sees it."""

    class Yes:
        def __eq__(self, other):
            return True

    transcript, hint = recorded(doubled, lambda x: Yes())
    assert hint.startswith("the result should be a number, got Yes ")
    assert str(replay(MODULE, "doubled", transcript, "ada", False).failure) == hint


def test_the_learners_function_gets_copies_of_the_checks_values():
    seen = []

    def keeps(values):
        values.append("mine")
        seen.append(values)
        return len(values)

    original = [1, 2]
    with collected():
        call_learner(keeps, original)
    assert original == [1, 2] and seen == [[1, 2, "mine"]]


@pytest.mark.parametrize(
    ("damage", "reason"),
    [
        (lambda t: t["calls"][0].update(args="0" * 16), "call 1 was recorded with other inputs"),
        (lambda t: t["calls"].pop(), "more than the 1 time(s) the kernel recorded"),
        (lambda t: t["calls"].append(dict(t["calls"][-1])), "the kernel recorded 3 call(s)"),
        (lambda t: t.update(question="halves"), "the transcript is of 'halves'"),
        (lambda t: t.update(hidden=True), "(hidden=True), not of 'doubled'"),
        (lambda t: t.update(version=0), "not one the course's checks write"),
        (lambda t: t["calls"][0].update(surprise=1), "call 1 of the transcript is damaged"),
        (lambda t: t["calls"][0].update(returned=["pickle", "x"]), "a recorded value is damaged"),
        (lambda t: t["calls"][0].update(returned=["str", "x" * 300_000]), "damaged or too large"),
        (lambda t: t["calls"][0].pop("returned"), "call 1 of the transcript is damaged"),
        (lambda t: t.update(calls="all right"), "calls are missing or too many"),
    ],
)
def test_a_transcript_that_is_not_the_checks_is_refused(damage, reason):
    transcript, _ = recorded(doubled, twice)
    damage(transcript)
    with pytest.raises(TranscriptMismatch, match=reason.replace("(", r"\(").replace(")", r"\)")):
        replay(MODULE, "doubled", transcript, "ada", False)


def test_a_transcript_of_another_learners_scenario_does_not_fit():
    """The kernel drew the variant of someone else: the check's inputs differ."""
    with learner_as("someone-else"):
        transcript, hint = recorded(on_my_scenario, lambda scenario: None)
    assert hint is None
    assert replay(MODULE, "on_my_scenario", transcript, "someone-else").failure is None
    with pytest.raises(TranscriptMismatch, match="other inputs"):
        replay(MODULE, "on_my_scenario", transcript, "ada")


def test_a_replay_records_no_progress(monkeypatch):
    monkeypatch.setenv("NBGRADER_EXECUTION", "autograde")  # the kernel records nothing either
    transcript, _ = recorded(doubled, twice)
    monkeypatch.delenv("NBGRADER_EXECUTION")
    replay(MODULE, "doubled", transcript, "ada", False)
    assert not progress_file().exists()


def test_a_crash_hint_gives_the_call_to_paste(learner):
    def kestrel(scenario):
        return 1 / 0

    with pytest.raises(NotYet) as failure:
        on_my_scenario(kestrel)
    hint = str(failure.value)
    assert hint.startswith(
        f'kestrel(course.variant("{SCENARIO_MODULE}")) raised ZeroDivisionError: division by zero\n'
    )
    assert "these inputs" not in hint and "learner=" not in hint


def test_a_hidden_part_shows_the_learners_own_hint_when_it_failed_there_too():
    """Scored part by part: the even part fails on the learner's own cases, the odd part
    only on a hidden one."""
    notebook = {}
    wrong = lambda x: x / 2 if x in (1, 2, 4) else 0  # noqa: E731
    shown = []
    for hidden in (False, True):
        transcript, _ = recorded(halves, wrong, hidden=hidden)
        shown.append(replay(MODULE, "halves", transcript, "ada", hidden, notebook).value)
    visible, graded = ({o.check: o for o in credit.outcomes} for credit in shown)
    assert visible["even"].passed and visible["odd"].passed
    assert graded["even"].message == "right" or not graded["even"].passed
    assert "every case grading tries" in graded["odd"].message
    assert "7" not in graded["odd"].message and "it does not halve" in graded["odd"].message


# --- the judge's reading of a test cell ---------------------------------------------------


CELL = '"""Check that doubled doubles."""\ncheck.doubled(doubled)\n### BEGIN HIDDEN TESTS\ncheck.doubled(doubled, hidden=True)\n### END HIDDEN TESTS\n'


def test_a_test_cell_is_read_as_its_check_calls():
    assert check_calls(CELL) == [("doubled", None), ("doubled", True)]
    assert check_calls("check.classify_facts(fact_leverage)") == [("classify_facts", None)]


@pytest.mark.parametrize(
    "source",
    [
        "assert doubled(2) == 4",
        "check.doubled(doubled)\nprint('all good')",
        "import math\ncheck.doubled(doubled)",
        "check.doubled(doubled, hidden=flag)",
        "check.doubled(doubled, strict=True)",
        "other.doubled(doubled)",
        '"""Check that nothing."""',
        "check.doubled(",
    ],
)
def test_a_test_cell_of_other_code_is_not_replayed(source):
    with pytest.raises(NotReplayable):
        check_calls(source)


def cell_transcripts(answer):
    transcripts = []
    for hidden in (False, True):
        transcript, hint = recorded(doubled, answer, hidden=hidden)
        transcripts.append(transcript)
        if hint:
            break  # under nbgrader the cell stops at the first failed check
    return transcripts


def test_a_passing_cell_shows_the_pass_messages():
    (output,) = verdict(CELL, MODULE, "ada", cell_transcripts(twice), 1)
    assert output.output_type == "stream" and output.text == "\N{CHECK MARK} doubled doubles.\n" * 2


def test_a_failing_cell_shows_the_hint_as_an_error():
    outputs = verdict(CELL, MODULE, "ada", cell_transcripts(lambda x: 2 * x if x < 3 else 0), 1)
    assert [o.output_type for o in outputs] == ["stream", "error"]
    assert outputs[1].ename == "NotYet" and "it does not double" in outputs[1].evalue
    assert outputs[1].traceback[0].startswith("\x1b[0;31mNot yet:\x1b[0m ")


def test_a_cell_missing_or_repeating_a_transcript_is_refused():
    transcripts = cell_transcripts(twice)
    with pytest.raises(TranscriptMismatch, match=r"no transcript of check\.doubled"):
        verdict(CELL, MODULE, "ada", transcripts[:1], 1)
    with pytest.raises(TranscriptMismatch, match="3 transcripts were shown for 2 check"):
        verdict(CELL, MODULE, "ada", [*transcripts, copy.deepcopy(transcripts[1])], 1)


def test_a_cell_scored_part_by_part_shows_its_credit():
    source = "check.halves(halves)\ncheck.halves(halves, hidden=True)"
    transcripts = [recorded(halves, lambda x: x // 2, hidden=h)[0] for h in (False, True)]
    (output,) = verdict(source, MODULE, "ada", transcripts, 2)
    assert output.output_type == "execute_result" and output.data["text/plain"] == "1"
    with pytest.raises(NotReplayable, match=r"worth 0\.5"):
        verdict(source, MODULE, "ada", transcripts, 0.5)


# --- every module: the grader reaches the kernel's verdict -------------------------------


def test_every_question_of_the_course_map_is_a_recorded_check():
    """A question's check without @question records nothing: the grader would give 0."""
    for module in MODULES:
        checks_of(module.folder)
        for name in module.questions:
            assert (module.folder, name) in QUESTIONS, (
                f"add @question (course.checks.calls) above def {name} in {CHECKS[module.folder]}"
            )


#: The grading key the kernel is given in these tests, as grading gives one: without it a
#: hidden check judges none of the learner's own items (``course.checks.credit``).
GRADING_KEY = "a-grading-key-of-the-tests"


def kernel_runs(module):
    """The module's checks run as a grading kernel runs them, under a grading key, in
    another process (another hash seed), on the course's answers and wrong ones
    (tests/kernel_checks.py)."""
    env = {
        **os.environ,
        "LEVERAGE_LEARNER": "ada",
        "PYTHONHASHSEED": "random",
        HIDDEN_CASES_VARIABLE: GRADING_KEY,
    }
    result = subprocess.run(
        [sys.executable, "-m", "tests.kernel_checks", module],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout)


def replayed(run, notebook):
    """What the grader shows for one of the kernel's check runs, under the kernel's key."""
    with hidden_cases_as(GRADING_KEY):
        found = replay(
            run["module"], run["question"], run["transcripts"][0], "ada", run["hidden"], notebook
        )
    failure = None if found.failure is None else str(found.failure)
    # line by line, as tests/kernel_checks.py reads what the kernel printed: a message of
    # several lines is one print there and one kept message here
    printed = [line for message in found.printed for line in message.splitlines() if line]
    return {"printed": printed, "failure": failure, "credit": credit_of(found.value)}


@pytest.mark.slow
@pytest.mark.parametrize("module", list(CHECKS))
def test_the_grader_reaches_the_kernels_verdict(module):
    runs = kernel_runs(module)
    notebooks = {}
    for run in runs:
        assert len(run["transcripts"]) == 1, run
        notebook = notebooks.setdefault(run["kind"], {})
        assert replayed(run, notebook) == run["seen"], (run["question"], run["kind"])
    passed_by = {(r["kind"], r["seen"]["failure"] is None and not _lost(r)) for r in runs}
    assert ("course", True) in passed_by and ("course", False) not in passed_by
    assert ("nothing", True) not in passed_by and ("crash", True) not in passed_by


def _lost(run):
    """Whether a run that returned credit failed any of its checks, a feedback-only one
    (of no points) included."""
    return any(not passed for _, _, _, passed, _ in run["seen"]["credit"] or ())
