"""Module 02, review 103 (fixes of round 104): each test below failed on the code or text
before its fix."""

import pytest

import course
from course.checks import batna as check
from course.models.batna import expected_value
from course.scenarios.batna import alternatives_of

SWEEP = [f"rv104-s{n}" for n in range(300)]


def _batna_when(offers, timing, funded=None):
    """Question 9's model answer, as the notebook's solution writes it."""
    b, r = offers.busy_probability, offers.renewal_probability
    renewed = [(b, offers.freelance_busy), (1 - b, offers.freelance_normal)]
    freelance = [(r, renewed), (1 - r, offers.freelance_no_renewal)]
    base, bonus, p = offers.startup_base, offers.startup_bonus, offers.funding_probability
    values = {"Harbor Bank": offers.bank_salary, "Freelance": expected_value(freelance)}
    if timing == "commit first":
        values["Lumen"] = base + p * bonus
    elif timing == "known first":
        values["Lumen"] = base + (bonus if funded else 0)
    else:

        def beside(tree, lumen):
            if isinstance(tree, list):
                return [(q, beside(branch, lumen)) for q, branch in tree]
            return max(tree, lumen)

        walking = max(
            expected_value([(p, beside(tree, base + bonus)), (1 - p, beside(tree, base))])
            for tree in (offers.bank_salary, freelance)
        )
        top = base + bonus
        return walking if walking >= top else (walking - p * top) / (1 - p)
    return max(values.values())


def _forgets_freelance(offers, timing, funded=None):
    """Question 9 with Freelance left out: the bank's salary against Lumen."""
    base, bonus, p = offers.startup_base, offers.startup_bonus, offers.funding_probability
    if timing == "commit first":
        return max(offers.bank_salary, base + p * bonus)
    if timing == "known first":
        return max(offers.bank_salary, base + (bonus if funded else 0))
    return offers.bank_salary


def _freelance_wins_known_first(offers):
    worth = {n: expected_value(t) for n, t in alternatives_of(offers).items()}
    lumen = (offers.startup_base, offers.startup_base + offers.startup_bonus)
    return any(worth["Freelance"] > max(worth["Harbor Bank"], lum) for lum in lumen)


def test_x1_question_9s_visible_check_catches_an_answer_that_forgets_freelance(monkeypatch):
    """X1: an answer that compares only Harbor Bank and Lumen passed question 9's visible
    check for every learner whose own case never has Freelance winning (about half), and
    lost the mark at grading with a vague hint. The visible check now also tries question
    2's Freelance example (Freelance beats Harbor Bank and a failed round), and the hint
    names the alternative left out. Swept over 300 learners: the right answer earns every
    line; the slip fails the marked line for all 300 (before: 134 of 300 with id-n)."""
    own_case_catches = 0
    for learner in SWEEP:
        monkeypatch.setenv("LEVERAGE_LEARNER", learner)
        right = check.batna_when(_batna_when)
        assert all(o.passed for o in right.outcomes), learner
        slip = check.batna_when(_forgets_freelance)
        marked = slip.outcomes[0]
        assert marked.points == 1 and marked.earned == 0, learner
        assert "Freelance out" in marked.message, marked.message  # named, alone or after a lead
        own_case_catches += _freelance_wins_known_first(course.variant("02_batna", learner))
    assert 0 < own_case_catches < len(SWEEP) // 2 + 30  # the example is what catches the rest


@pytest.mark.parametrize("hidden", [False, True])
def test_x1_the_right_answer_still_earns_question_9_when_graded(learner, hidden):
    """X1: adding the Freelance example costs a right answer nothing, visible or hidden."""
    credit = check.batna_when(_batna_when, hidden=hidden)
    assert credit.earned == 1 and all(o.passed for o in credit.outcomes)


def test_x1_the_hint_names_freelance_on_the_example(monkeypatch):
    """X1: on the example case, where only leaving Freelance out explains the amount, the
    hint says so in words (before: "it matches no slip the check knows")."""
    monkeypatch.setenv("LEVERAGE_LEARNER", "rv103-alice")
    message = check.batna_when(_forgets_freelance).outcomes[0].message
    assert "in the example case" in message
    assert "that leaves Freelance out, or values its tree too low: compare Harbor Bank" in message
