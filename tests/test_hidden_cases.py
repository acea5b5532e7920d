"""The hidden cases grading tries are secret (course.variants, autograder.secret): without
the grader's key a hidden check tries the public self-check learners; with it, learners
that only the instructor's secret gives, different for every submission."""

import contextlib
import re
import stat
import subprocess

import pytest

import course
from autograder import secret
from autograder.judge import verdict
from course.checks import calls, checks_of
from course.variants import (
    HIDDEN_CASES_VARIABLE,
    hidden_cases_as,
    hidden_learner,
    learner_as,
)
from tests.hardcoding import hard_coded, right_functions
from tests.notebooks import ROOT

MODULE, NAME = "00_leverage", "leverage"
#: The questions of module 00 whose test cells have a hidden check.
HIDDEN_QUESTIONS = ["best_plan", "reach_plan", "reaudit"]
#: The checks modules whose hidden learners come from ``hidden_learners``, by module.
CONVERTED = {
    "00_leverage": 6,
    "01_information": 5,
    "02_batna": 5,
    # 25th-27th: question 6; 28th: question 9b, guess vs table; 29th: question 6 where the
    # table binds; 30th: question 8 in the proposer's seat; 31st: question 8 with Corvid
    # measured by the floor; 32nd: question 4, a figure short of the yardstick yet at least
    # section 5's price (review 68 X1)
    "03_power": 32,
    "04_concessions": 7,  # Birch strong and weak told apart; closing move (91c911f)
    "05_capstone": 5,
}


@pytest.mark.parametrize("module", CONVERTED)
def test_without_a_grading_key_the_hidden_learners_are_the_public_self_check_ones(module):
    drawn = list(checks_of(module).HIDDEN_LEARNERS)
    assert len(drawn) == CONVERTED[module]
    assert all(re.fullmatch(r"self-check-[a-z0-9-]+", learner) for learner in drawn), drawn


@pytest.mark.parametrize("module", CONVERTED)
def test_a_grading_key_draws_learners_no_one_can_name_without_it(module, monkeypatch):
    check = checks_of(module)
    with hidden_cases_as("key-of-one-submission"):
        first = list(check.HIDDEN_LEARNERS)
    with hidden_cases_as("key-of-another"):
        second = list(check.HIDDEN_LEARNERS)
    assert all(re.fullmatch(r"h-[0-9a-f]{16}", learner) for learner in first + second)
    assert len(set(first)) == CONVERTED[module] and not set(first) & set(second)
    # the grading kernel is given its key in the environment; the judge's own wins
    monkeypatch.setenv(HIDDEN_CASES_VARIABLE, "key-of-one-submission")
    assert list(check.HIDDEN_LEARNERS) == first
    with hidden_cases_as(None):
        assert hidden_learner(module, "1") == "self-check-1"


@pytest.mark.parametrize("key", [None, "key-1", "key-2", "key-3"])
def test_the_capstones_hidden_learners_cover_both_batnas_and_the_letter_whatever_the_key(key):
    from course.scenarios.capstone import batna_of, signs_letter

    with hidden_cases_as(key):
        cases = [
            course.variant("05_capstone", learner)
            for learner in checks_of("05_capstone").HIDDEN_LEARNERS
        ]
    assert {batna_of(case)[0] for case in cases} == {"Brenn", "Kessel"}
    assert {signs_letter(case) for case in cases} == {True, False}


def test_the_grading_key_differs_by_secret_module_learner_and_notebook():
    nb = {"cells": [{"cell_type": "code", "source": "def f(x):\n    return x\n"}]}
    edited = {"cells": [{"cell_type": "code", "source": "def f(x):\n    return 2 * x\n"}]}
    key = secret.grading_key(b"s" * 32, MODULE, "ada", nb)
    others = [
        secret.grading_key(b"t" * 32, MODULE, "ada", nb),
        secret.grading_key(b"s" * 32, "01_information", "ada", nb),
        secret.grading_key(b"s" * 32, MODULE, "bo", nb),
        secret.grading_key(b"s" * 32, MODULE, "ada", edited),
    ]
    assert key == secret.grading_key(b"s" * 32, MODULE, "ada", nb)
    assert len({key, *others}) == 5


def test_the_secret_is_made_once_readable_by_its_owner_only(tmp_path, monkeypatch):
    made = secret.grading_secret(tmp_path)
    path = tmp_path / secret.SECRET_FILE
    assert len(made) == 64 and stat.S_IMODE(path.stat().st_mode) == 0o600
    assert secret.grading_secret(tmp_path) == made
    assert [p.name for p in tmp_path.iterdir()] == [secret.SECRET_FILE]  # no draft left
    monkeypatch.setenv(secret.SECRET_VARIABLE, "given-by-the-instructor")
    assert secret.grading_secret(tmp_path) == b"given-by-the-instructor"


def test_the_secret_file_is_ignored_by_git():
    ignored = subprocess.run(["git", "check-ignore", "-q", secret.SECRET_FILE], cwd=ROOT)
    assert ignored.returncode == 0


def replayed(question, function, learner, key):
    """The kernel's hidden check of ``question`` on ``function`` with the grading ``key``,
    then the grader's verdict on its transcript (``autograder.judge``)."""
    check = checks_of(MODULE)
    with (
        learner_as(learner),
        hidden_cases_as(key),
        calls.collected() as transcripts,
        contextlib.suppress(Exception),  # the kernel's verdict counts for nothing
    ):
        getattr(check, question)(function, hidden=True)
    source = f"check.{question}({question}, hidden=True)"
    return verdict(source, MODULE, learner, transcripts, 2.0, {}, hidden_key=key)


def earned(outputs, points=2.0):
    """What a test cell with the judge's ``outputs`` is worth, as nbgrader reads them."""
    if any(o.get("output_type") == "error" for o in outputs):
        return 0.0
    results = [o for o in outputs if o.get("output_type") == "execute_result"]
    return float(results[-1]["data"]["text/plain"]) if results else points


@pytest.mark.parametrize("question", HIDDEN_QUESTIONS)
def test_answers_hard_coded_for_the_self_check_cases_fail_the_graders_cases(question):
    """`hard-codes-the-self-check-answers`: a look-up table of every input the self-check
    asks about passes it, and fails where grading asks, with a hint that names no case."""
    nb = hard_coded(MODULE, NAME, "ada", HIDDEN_QUESTIONS)
    namespace = {}
    exec(next(c.source for c in nb.cells if c.source.startswith("import json")), namespace)
    exec(f"def {question}(*args):\n    return looked_up({question!r}, *args)\n", namespace)
    function = namespace[question]
    assert earned(replayed(question, function, "ada", None)) == 2.0
    shown = replayed(question, function, "ada", "the-key-grading-gave-ada")
    assert earned(shown) == 0.0, shown
    said = " ".join(str(o) for o in shown)
    assert "every case grading tries" in said
    assert not re.search(r"h-[0-9a-f]{16}|self-check-|hidden-", said), said


def test_the_right_functions_pass_the_graders_cases():
    right = right_functions(MODULE, NAME, "ada")
    for question in HIDDEN_QUESTIONS:
        for key in (None, "the-key-grading-gave-ada", "the-key-grading-gave-bo"):
            shown = replayed(question, right[question], "ada", key)
            assert earned(shown) == 2.0, (question, key, shown)
