"""Module 03, review 57 (W1, W2 and the same kind elsewhere): on the learner's own case a
wrong answer's visible hint must not give away the graded answer, neither by printing it
(question 4 printed the price it grades) nor by elimination (a hint that said "the other
offer would give it more" named question 3's answer after one wrong try). On the own case
every wrong answer of a question now gets the same words, whatever was said and whatever
the case: they say what to compare, never the verdict or its numbers. Other learners'
cases keep their specific hints (tests/test_checks_power.py)."""

import pytest

import course
from course.checks import power as check
from course.checks.hints import NotYet
from course.scenarios.power import (
    HARROW_MOVES,
    LEVERS,
    REPLIES,
    best_lever,
    granite_reply,
    harrow_move,
    kestrel_shapley,
    licence_price,
    reply_range,
    signing_price,
    signing_switch,
    vote_seller,
)
from course.variants import learner_as

LEARNERS = [f"own57-{n}" for n in range(40)]


def _hint(judge, *args):
    with pytest.raises(NotYet) as failure:
        judge(*args)
    return str(failure.value), failure.value.general


def _own_hints(name):
    """Each question's hints for every wrong answer on learner ``name``'s own case."""
    s = course.variant("03_power", name)
    hints = {}
    offers = dict(s.vote_offers)
    hints["q3"] = [
        _hint(check.judge_vote_seller, s, said)
        for said in [*offers, "neither"]
        if said != vote_seller(s)
    ]
    hints["q7"] = [
        _hint(check.judge_granite_reply, s, said) for said in REPLIES if said != granite_reply(s)
    ]
    hints["q8"] = [
        _hint(check.judge_best_lever, s, said) for said in LEVERS if said != best_lever(s)
    ]
    hints["q9b"] = [
        _hint(check.judge_harrow_move, s, said)
        for said in HARROW_MOVES
        if said not in (harrow_move(s), "ultimatum")
    ]
    low, high = reply_range(s)
    v1, v2 = s.atlas_value, s.borealis_value
    wrong_prices = [
        p for p in (high + 500, (v1 + v2) / 2, v2 - 500, low - 500, v1 / 2 - 500) if p < v1
    ]
    hints["q4"] = [
        _hint(check.judge_reply_price, s, (p, "rival"))
        for p in wrong_prices
        if not low - 0.5 <= p <= high + 0.5
    ]
    right = signing_price(s)
    hints["q6"] = [
        _hint(check.judge_signing_price, s, (p, True))
        for p in (v1 / 2, v2, right * 1.2, right * 0.8, (v1 + v2) / 2)
        if abs(p - right) > 0.01 * v1
    ]
    hints["q2"] = [
        _hint(check.judge_clears_today, s, (kestrel_shapley(s) < v2, True)),
    ]
    switch = signing_switch(s)  # review 61, U4: no prices, no id, on the own case
    hints["q6 switch"] = [
        _hint(check.judge_signing_switch, s, (price, not switch))
        for price in (signing_price(s), v1 / 2 - 500)
    ]
    graded = [
        kestrel_shapley(s),
        licence_price(s),
        *reply_range(s),
        signing_price(s),
        v2,
    ]
    return hints, graded


@pytest.mark.parametrize("name", LEARNERS)
def test_own_case_hints_are_the_same_for_every_wrong_answer_and_print_no_graded_amount(name):
    with learner_as(name):
        hints, graded = _own_hints(name)
    for question, found in hints.items():
        texts = {text for text, _ in found}
        assert len(texts) <= 1, (question, texts)
        for text, general in found:
            assert "your own scenario" in text, (question, text)
            for value in graded:
                assert f"{value:,.0f}" not in text, (question, value, text)
                assert f"{value:,.0f}" not in (general or ""), (question, value, general)


def test_the_same_words_hold_on_every_learners_own_case():
    """The own-case words carry nothing of the case: the same for any two learners."""
    seen = {}
    for name in LEARNERS[:12]:
        with learner_as(name):
            hints, _ = _own_hints(name)
        for question, found in hints.items():
            for text, _ in found:
                seen.setdefault(question, set()).add(text)
    for question, texts in seen.items():
        assert len(texts) == 1, (question, texts)


def test_an_ultimatum_is_told_it_is_never_the_best_move_on_the_own_case():
    for name in LEARNERS[:10]:
        with learner_as(name):
            s = course.variant("03_power", name)
            text, _ = _hint(check.judge_harrow_move, s, "ultimatum")
        assert "never" in text and "own scenario" in text
        assert f"{s.outside_offer:,.0f}" not in text and f"{s.granite_guess:,.0f}" not in text


def test_the_visible_check_says_practice_fact_1_takes_either_base(learner, capsys):
    """Review 57, U3: section 1's rule for a role-holder who gives a thing that changes hands
    was applied by the grader but never shown in the practice feedback."""
    from course.scenarios.power import PRACTICE_FACTS, power_key

    s = course.variant("03_power", learner)
    for base in ("authority", "resource"):
        answers = {int(n): f[:2] for n, f in PRACTICE_FACTS.items()} | power_key(s)
        answers[1] = (base, answers[1][1])
        check.power_sources(lambda answers=answers: answers)
        out = capsys.readouterr().out
        assert "Practice fact 1: right. Authority and resource both fit it" in out, out


@pytest.mark.parametrize("rule", ["walk", "left"])
def test_one_rule_for_all_four_rig_versions_is_told_both_kinds_occur(learner, rule):
    from tests.notebooks import solution_namespace

    answers = solution_namespace("03_power", "power")
    """Review 57, W5: treating all four versions as one kind passed the visible check for
    every learner. Every scenario has both kinds, so such an answer is wrong whatever the
    story; the visible check now says so, without naming which version is which."""

    def rig_prices(s):
        m = s.rig_value
        one = {
            v.letter: max(m / 2, v.amount) if rule == "walk" else v.amount + (m - v.amount) / 2
            for v in s.rig_versions
        }
        return one | {1: 20_000, 2: 26_000}

    with pytest.raises(NotYet) as failure:
        check.rig_prices(rig_prices)
    assert "all four prices follow the same one of section 5's two rules" in str(failure.value)
    check.rig_prices(answers["rig_prices"])  # the course's solution passes
