"""Module 02, review 76: each test below failed on the code or text before its fix."""

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
