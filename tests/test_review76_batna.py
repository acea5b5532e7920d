"""Module 02, review 76: each test below failed on the code or text before its fix."""

import math

import pytest

import course
from course.checks import batna as check
from course.checks.hints import NotYet
from course.scenarios.batna import _target_band as target_band
from course.variants import learner_as
from tests.sweeps import cell_text, run


def _cell(grade_id):
    return " ".join(cell_text("02_batna", "batna", grade_id).split())


def _survey_not_below(offers):
    return offers.pay_survey > target_band(offers)[0]


def test_question_5s_visible_check_always_tries_a_survey_below_the_band(monkeypatch):
    """X1: a target that drops the even-split floor (the survey kept under the band's top)
    failed the visible check only through its example whose zone opens with remote days
    alone, whose band is too narrow for a survey in or above it. Were the zone examples'
    surveys inside the band, it passed; a case of its own kind, "survey below the band",
    now always catches it."""
    check._first_example.cache_clear()
    monkeypatch.setattr(
        check,
        "_example",
        lambda zone, prefix="example": check._first_example("survey inside the band", prefix),
    )

    def no_floor(offers, reservation):
        low = reservation - offers.commute_cost / 2
        high = offers.agency_rate + offers.agency_fee
        return min(offers.pay_survey, low + 0.75 * (high - low))

    own = next(
        who
        for who in (f"learner-{n}" for n in range(200))
        if _survey_not_below(course.variant("02_batna", who))
    )
    try:
        with learner_as(own), pytest.raises(NotYet, match="below the even split"):
            run(check, "target_salary", no_floor)
    finally:
        check._first_example.cache_clear()


def test_question_6b_is_a_real_decision_for_every_learner():
    """Question 6b's offer was the even split with two remote days rounded up to 500, and
    acceptable; for 187 of 600 learners the target (the even split, the survey lying below
    the band) was not above it, so 'take it' decided. The offer is now Northwind's last
    word a quarter of the way up the zone with remote days, rounded to 100: above the
    reservation price for that package and below the target for every learner (at least
    450 from each), so both taking it and countering fit. No draw changed."""
    from course.scenarios.batna import _northwind_reservation, _reservation_of, target_of

    for n in range(600):
        s = course.variant("02_batna", f"sweep-{n}")
        low, high = _reservation_of(s, 2), _northwind_reservation(s)
        offer = round(low + (high - low) / 4, -2)
        assert offer - low >= 450 and target_of(s) - offer >= 450, s.learner
        assert math.isclose(offer % 100, 0)
    text = _cell("take-or-counter-text")
    # review 85 U3: "them" could be Northwind or the remote days
    assert "a quarter of the way up your zone with two remote days, rounded to 100" in text
    assert "calls it its final offer: above your reservation price, below the even split" in text
    assert "rounded up to the next 500" not in text and "is not above the offer" not in text
    model = _cell("take-or-counter")
    assert "so the offer is 107,300" in model and "3,925 above my reservation price" in model


def test_the_citations_say_what_their_studies_found():
    """E1: Rogers et al. (2017) found that targets who detect paltering judge it about as
    harshly as lying, while palterers think it more ethical; the text said it 'is judged'
    so, full stop. E2: Schelling's warning/threat pair is explicit mainly in *Arms and
    Influence* (1966), not only *The Strategy of Conflict* (1960). E3: Güth et al. (1982)
    show responders refusing low offers; the text used it for why Northwind, the proposer,
    offers more without saying that link."""
    honest, decide = _cell("honest-teaching"), _cell("decide-teaching")
    # review 94 U1: the side note that cited these is one pointer line to module 00
    assert "Sources of the labels and of warning and threat: module 00's, section 6." in honest
    assert "judged about as harshly as lying" not in honest
    assert "*The Strategy of Conflict*" not in honest
    assert "Güth" not in decide  # review 78 U3 cut the paragraph it supported


def test_an_open_alternative_cancels_beside_any_sure_fallback():
    """C1: question 9's box said the open alternative cancels beside a sure fallback 'no
    lower than the open alternative's worst outcome', and two sentences on that it cancels
    whenever none of its outcomes lies strictly between the fallback's worst and best, which
    holds for every sure fallback. It does cancel beside any sure fallback F (walking away
    and a salary F beside it are both worth E[max(F, L)]); the condition only makes F the
    only such salary, which is what the box now says."""
    box = _cell("q9-text")
    assert "sure fallback no lower than" not in box
    assert "Beside a sure BATNA without Lumen, the open alternative cancels" in box
    from course.scenarios.batna import batna_value_when, with_lumen_open

    sure = 0
    for n in range(300):
        s = course.variant("02_batna", f"sweep-{n}")
        bank, freelance = s.bank_salary, with_lumen_open(s, _freelance(s))
        if with_lumen_open(s, bank) >= freelance:  # the sure fallback is the one chosen
            sure += 1
            assert math.isclose(batna_value_when(s, "left open"), bank), s.learner
    assert sure, "no learner has Harbor Bank as the fallback"


def _freelance(s):
    renewed = [(s.busy_probability, s.freelance_busy), (1 - s.busy_probability, s.freelance_normal)]
    return [(s.renewal_probability, renewed), (1 - s.renewal_probability, s.freelance_no_renewal)]


def test_the_even_split_has_one_name():
    """C3: after section 4 names the even split, the text also called it 'the middle of the
    zone' (section 4's band, the reflection, its model answer and rubric); and 'the halfway
    point' named the Nash prediction (r + W)/2 in section 7's box, which is not the zone's
    even split. One name now, and the Nash split by its own name."""
    text = " ".join(
        _cell(cell)
        for cell in ("zopa-teaching", "nash-teaching", "reflection-text", "reflection", "summary")
    )
    assert "middle of the zone" not in text and "halfway point" not in text
    assert "its even split is 74,000" in _cell("reflection")
    assert "the Nash split, 113,500, is above $A$" in _cell("nash-teaching")


def test_question_7s_marks_read_in_one_pass():
    """X4: the marking paragraph spelled 'three eighths of a mark' and 'an eighth' in words
    and said twice what the check judges; it now gives the fractions first and says once
    that the check judges the form of the own labels and the choice under "use"."""
    q7 = _cell("q7-text")
    assert "three eighths" not in q7 and "The check does judge the choice" not in q7
    assert "*Marks* (2): 3/8 per label for your two demands" in q7  # review 92 U3
    assert 'the choice under `"use"`, which the check below judges.' in q7  # review 78 X7


def test_question_2_says_plainly_what_a_risk_averse_value_is_and_what_its_examples_are():
    """U2: 'or under `risk_averse=True` below the sure amount it is valued at' read 'below' as
    'less than'; U3: 'in three, each alternative is the BATNA once' was obscure."""
    q2 = _cell("q2-text")
    assert "below the sure amount" not in q2 and "is the BATNA once" not in q2
    assert "or, with `risk_averse=True`, the sure amount given for it (see below)" in q2
    # review 112: shortened to pay for its items; still says what the examples are
    assert "four examples (each alternative the BATNA in at least one)" in q2


def test_the_reflections_model_answer_is_short_enough_not_to_set_the_length():
    """U6: the model answer ran to about 370 words for a 2-mark answer, and learners copy a
    model's length. It now makes the same four points, with the same numbers, in under
    200."""
    answer = cell_text("02_batna", "batna", "reflection")
    model = answer[: answer.index("Rubric, half a mark each:")]
    assert len(model.replace("#", " ").split()) < 200


def test_section_6_states_each_labels_test_once():
    """U5: section 6 gave each label's test in its table, again at the head of each bullet
    (the bluff's example word for word), and the demand's test a third time before the
    labelling question. The bluff's bullet now adds only what the table lacks (custom, and
    the cost of giving way); the labelling question no longer restates the demand's test.
    The warning's and misrepresentation's bullets keep their defining words, shared with
    modules 00 and 03 (one word for one idea)."""
    honest = " ".join(_cell("honest-teaching").split())
    assert honest.count("I cannot accept less than 100,000") == 1
    assert "A demand is true if you would carry out its consequence below its figure" not in honest
    # review 80 C3: a true statement is legitimate, demand or not, so only truth is asked
    # review 96 U1: three one-line rules replace the labelling questions
    assert "1. A true statement" in honest and "2. A false claim" in honest
    assert "3. A false statement of fact" in honest
