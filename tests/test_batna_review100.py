"""Module 02, review 99 (fixes of round 100): each test below failed on the code or text
before its fix."""

import pytest

import course
from course.checks import batna as check
from course.checks.hints import NotYet
from course.models.batna import best_alternative, expected_value, flatten
from course.scenarios.batna import alternatives_of

SWEEP = [f"rv99-s{n}" for n in range(120)]


def _by_worst_case(offers):
    """A cautious learner's choose_batna: the alternative whose worst outcome is highest
    (maximin), with its expected value rightly computed, the trees written out as question
    2's answer writes them."""
    b, r, f = offers.busy_probability, offers.renewal_probability, offers.funding_probability
    renewed = [(b, offers.freelance_busy), (1 - b, offers.freelance_normal)]
    alternatives = {
        "Harbor Bank": offers.bank_salary,
        "Lumen": [(f, offers.startup_base + offers.startup_bonus), (1 - f, offers.startup_base)],
        "Freelance": [(r, renewed), (1 - r, offers.freelance_no_renewal)],
    }
    worst = {n: min(a for _, a in flatten(tree)) for n, tree in alternatives.items()}
    name = max(worst, key=worst.get)
    return name, expected_value(alternatives[name])


def test_x1_a_choice_by_worst_case_is_told_so(monkeypatch):
    """X1: for rv99-alice a choice by worst case (the sure Harbor Bank, valued rightly) was
    told to "check how your function values the others", though every value was right. It
    is now told that Harbor Bank has the highest worst case and to compare expected
    values, not worst cases."""
    monkeypatch.setenv("LEVERAGE_LEARNER", "rv99-alice")
    with pytest.raises(NotYet) as failure:
        check.choose_batna(_by_worst_case)
    hint = str(failure.value)
    assert "has the highest worst case: compare expected values, not worst cases" in hint
    assert "check how your function values the others" not in hint
    assert "worst" in failure.value.general
    assert "check how it values the best one" not in failure.value.general


@pytest.mark.parametrize("who", SWEEP)
def test_x1_every_wrong_choice_by_worst_case_names_the_worst_case(who):
    """X1 over a sweep: wherever the highest worst case is not the BATNA (nor the highest
    best case, which keeps its own hint), the hint names the worst case, says it of the
    alternative chosen, and no longer sends the learner to check the values; the right
    answer still passes (no mark changes)."""
    offers = course.variant("02_batna", who)
    alternatives = alternatives_of(offers)
    right = best_alternative(alternatives)
    assert check.judge_choose_batna(offers, right) is None
    name, value = _by_worst_case(offers)
    top = {n: max(a for _, a in flatten(tree)) for n, tree in alternatives.items()}
    if name == right[0] or name == max(top, key=top.get):
        return
    with pytest.raises(NotYet) as failure:
        check.judge_choose_batna(offers, (name, value))
    hint = str(failure.value)
    assert f"{name} has the highest worst case: compare expected values" in hint, hint
    assert "check how your function values the others" not in hint, hint


def test_x1_the_sweep_meets_choices_by_worst_case():
    """The sweep above is not empty: a choice by worst case that is neither the BATNA nor
    the highest best case, the one the new hint is for, is common."""
    wrong = 0
    for who in SWEEP:
        offers = course.variant("02_batna", who)
        alternatives = alternatives_of(offers)
        top = {n: max(a for _, a in flatten(tree)) for n, tree in alternatives.items()}
        name = _by_worst_case(offers)[0]
        wrong += name not in (best_alternative(alternatives)[0], max(top, key=top.get))
    assert wrong >= 30, wrong
