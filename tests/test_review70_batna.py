"""Module 02, review 70: the points of the specialist's review that code can check."""

import functools

import pytest

import course
from course.checks import batna as check
from course.checks.hints import NotYet
from course.scenarios.batna import statement_key, statements_of
from tests.notebooks import solution_namespace


def _cell(grade_id):
    from tests.sweeps import cell_text

    return " ".join(cell_text("02_batna", "batna", grade_id).split())


@functools.lru_cache(maxsize=1)
def _solutions():
    return solution_namespace("02_batna", "batna")


LEARNERS = [f"learner-{n:03d}" for n in range(1, 31)] + ["ada", "bob", "zz-17"]


def test_question_7s_labels_keep_honesty_apart_from_demanding():
    """Review 70 U2: "honest" meant "true, and nothing is demanded", so a true warning was
    "not honest" by label. The labels now sort by truth first: a plain statement and a
    warning are the two true kinds (both honest), a bluff and a misrepresentation the two
    false ones; no label is called "honest"."""
    assert check.LABELS == ("plain statement", "warning", "bluff", "misrepresentation")
    text = _cell("honest-teaching")
    assert "| honest |" not in text
    assert "A true statement is honest, with or without a demand" in text
    assert "| plain statement | true |" in text and "| warning | true |" in text
    assert "| bluff | false |" in text and "| misrepresentation | false |" in text
    assert "is it true, and does it demand something?" in text
    # Schelling's threat is named apart from the warning, and none of the statements is one
    assert "A *threat* ties a demand to a cost you would rather not impose" in text
    q7 = _cell("q7-text")
    assert '`"plain statement"`, `"warning"`, `"bluff"` or `"misrepresentation"`' in q7
    assert '"honest"' not in q7 and "honest, warning" not in q7


def test_a_true_warning_and_a_true_claim_are_both_true_kinds_of_statement():
    """Every statement the course labels a warning or a plain statement is true of the
    scenario; every bluff or misrepresentation is false (its stated figure is not the true
    one, or is above the reservation price it is judged against)."""
    seen = set()
    for who in LEARNERS:
        for s in statements_of(course.variant("02_batna", who)):
            seen.add(s._label)
            if s._stated is None:
                assert s._label == "plain statement"
            elif s._kind in ("warning", "bluff"):  # judged against a reservation price
                true = s._stated <= s._actual if s._kind == "warning" else s._stated < s._actual
                assert (s._label in ("plain statement", "warning")) == true, s
            else:
                assert (s._label in ("plain statement", "warning")) == (s._stated == s._actual), s
    assert seen == set(check.LABELS)


def test_the_old_word_honest_gets_a_hint_of_its_own(learner):
    """A learner who writes "honest" (the old label) is told that a warning is honest too,
    and which word a true statement without a demand now takes."""
    statement = statements_of(course.variant("02_batna", "ada"))[0]
    with pytest.raises(NotYet) as hint:
        check.judge_statement(statement, {statement.letter: "honest"})
    said = str(hint.value)
    assert "a warning is honest too" in said and "'plain statement'" in said


def _spelled(label, how):
    if how == 0:
        return label
    if how == 1:
        return label.upper().replace(" ", "_")
    return label.title().replace(" ", "-")


@pytest.mark.parametrize("how", [0, 1, 2])
def test_every_right_labelling_earns_full_marks_for_many_learners(monkeypatch, how):
    """Review 70 U2 sweep: the key's labels in any spelling the check allows, and a bluffing
    demand labelled either way (bluff or misrepresentation), earn the full 2 marks on every
    learner's own case when graded, and pass the visible check."""
    solve = _solutions()["label_statements"]
    for who in LEARNERS:
        monkeypatch.setenv("LEVERAGE_LEARNER", who)
        offers = course.variant("02_batna", who)
        key = statement_key(offers)
        also = {s.letter: s._also for s in statements_of(offers) if s._also != s._label}
        labels = {
            letter: _spelled(also.get(letter) if how == 2 and also.get(letter) else label, how)
            for letter, label in key.items()
            if letter != "use"
        }

        def answer(o, labels=labels):
            return {**labels, "use": solve(o)["use"]}

        credit = check.label_statements(answer, hidden=True)
        assert (credit.earned, credit.possible) == (2, 2), (who, labels)
        assert check.label_statements(answer) is None


def test_the_course_solution_labels_every_learner_as_the_key_does(monkeypatch):
    """The model answer (a labeller reading the scenario) agrees with the key for every
    learner of the sweep, under the new labels."""
    solve = _solutions()["label_statements"]
    for who in LEARNERS:
        monkeypatch.setenv("LEVERAGE_LEARNER", who)
        offers = course.variant("02_batna", who)
        assert solve(offers) == statement_key(offers), who
