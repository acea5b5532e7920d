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
    false ones; no label is called "honest". Review 80 C3: module 00's words, a true
    statement legitimate with or without a demand; demanding is the warning's mark."""
    assert check.LABELS == ("legitimate", "bluff", "misrepresentation")
    text = _cell("honest-teaching")
    assert "| honest |" not in text
    # review 81 C1: a true statement that plants a false fact is not legitimate
    assert (  # review 96 U1: section 6's rule 1
        "A true statement that leaves no false impression in your favour that Northwind would "
        "rely on: **legitimate**, with or without a" in " ".join(text.replace("#", " ").split())
    )
    assert "| legitimate | true |" in text and "| warning |" not in text
    assert "| bluff | false |" in text and "| misrepresentation | false |" in text
    assert "1. A true statement" in text  # review 96 U1: rules, truth first, not questions
    # Schelling's threat is named apart from the warning, and none of the statements is one
    assert "A *threat* ties a demand to a cost you would rather not impose" in text
    q7 = _cell("q7-text")
    assert '`"legitimate"`, `"bluff"` or `"misrepresentation"`' in q7
    assert '"honest"' not in q7 and "honest, warning" not in q7


def test_a_true_warning_and_a_true_claim_are_both_true_kinds_of_statement():
    """Every statement the course labels legitimate is true of the
    scenario; every bluff or misrepresentation is false (its stated figure is not the true
    one, or is above the reservation price it is judged against)."""
    seen = set()
    for who in LEARNERS:
        for s in statements_of(course.variant("02_batna", who)):
            seen.add(s._label)
            if s._stated is None:
                assert s._label == "legitimate"
            elif s._kind in ("warning", "bluff"):  # judged against a reservation price
                true = s._stated <= s._actual if s._kind == "warning" else s._stated < s._actual
                assert (s._label == "legitimate") == true, s
            else:
                assert (s._label == "legitimate") == (s._stated == s._actual), s
    assert seen == set(check.LABELS)


def test_the_old_word_honest_gets_a_hint_of_its_own(learner):
    """A learner who writes "honest" (the old label) is told which word a true statement
    takes, with a demand or without (review 80 C3: 'legitimate')."""
    statement = statements_of(course.variant("02_batna", "ada"))[0]
    with pytest.raises(NotYet) as hint:
        check.judge_statement(statement, {statement.letter: "honest"})
    said = str(hint.value)
    assert (
        "true statement that leaves no false impression, with a demand or without, is 'legitimate'"
        in said
    )


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


def test_question_7s_visible_check_says_first_that_own_labels_are_not_judged(capsys, learner):
    """Review 70 X1: a learner with every label wrong read "Your labels have the right form"
    first; the sentence that the own labels are not judged here now comes first, and the
    question says it in bold."""
    solve = _solutions()["label_statements"]
    wrong = {letter: "bluff" for letter in "ABCDEF"}
    assert check.label_statements(lambda o: {**wrong, "use": solve(o)["use"]}) is None
    said = capsys.readouterr().out
    assert said.index(check.MARKED_WHEN_GRADED) < said.index("right form")
    assert "**Your own labels get no feedback before grading**" in _cell("q7-text")


def test_own_case_hints_of_questions_5_and_6_do_not_restate_earlier_answers(monkeypatch):
    """Review 70 X2: question 6's hint on the learner's own offer named their reservation
    price for the job as offered (question 3's answer) or with remote days; question 5's
    hint said the job as offered leaves no zone (question 4's answer). On the learner's own
    case the hints now name the threshold, not the figure; an example's hint keeps it."""
    from course.scenarios.batna import REASONS, REMOTE_DAYS, northwind_reservation, reservation_of

    no_zone_seen = 0
    for who in LEARNERS:
        monkeypatch.setenv("LEVERAGE_LEARNER", who)
        offers = course.variant("02_batna", who)
        figures = {
            f"{reservation_of(offers):,.0f}",
            f"{reservation_of(offers, REMOTE_DAYS):,.0f}",
        }
        for offer in offers.northwind_offers:
            for reason in REASONS:
                hint, _ = check._why_alone(offers, offer, reason)
                assert not any(f in hint for f in figures), (who, reason, hint)
        limit = northwind_reservation(offers)
        if reservation_of(offers) > limit:
            no_zone_seen += 1
            with pytest.raises(NotYet) as hint:
                check.judge_target(offers, limit + 5_000)
            said = str(hint.value)
            assert "leaves a zone" not in said and "Build the band on the job with two" in said
    assert no_zone_seen
    # an example's hint still shows its figures
    monkeypatch.setenv("LEVERAGE_LEARNER", "ada")
    other = course.variant("02_batna", "bob")
    offer = other.northwind_offers[0]
    hint, _ = check._why_alone(other, offer, "commute trap")
    assert f"{reservation_of(other, offer.remote_days):,.0f}" in hint


def test_question_2_names_its_pair_by_value_not_expected_value():
    """Review 70 U5: under risk_averse=True the pair holds a sure amount, not an expected
    value."""
    q2 = _cell("q2-text")
    assert "(name, expected_value)" not in q2
    assert "`(name, value)`: its expected value, or, with `risk_averse=True`" in q2  # review 76
