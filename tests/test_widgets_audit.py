"""The leverage audit view, driven as a learner or a workshop visitor would: set values,
click buttons, read what the view shows."""

import pytest

from course.scenarios.leverage import CASES
from course.widgets.audit import LeverageAudit


def test_it_opens_on_the_salary_case_with_its_audit():
    audit = LeverageAudit()
    assert "Northwind" in audit.story.value
    assert audit.yours["alternatives"].value == 9
    assert "Balance +0.07" in audit.summary.value
    assert "in your favour" in audit.summary.value
    assert "<svg" in audit.chart.value


def test_moving_a_rating_moves_the_balance_and_the_advice():
    audit = LeverageAudit()
    audit.theirs["power"].value = 10
    assert "Balance -0.03" in audit.summary.value
    assert "Their biggest weighted edge is power" in audit.advice.value
    audit.yours["alternatives"].value = 10
    assert "Strengthen first: information" in audit.advice.value  # alternatives is full


def test_news_moves_the_ratings_one_piece_at_a_time():
    audit = LeverageAudit("deadline")
    before = audit.yours["information"].value
    audit.next_news.click()
    assert audit.yours["information"].value == before + 2
    assert "refuses to extend" in audit.news.value
    for _ in CASES["deadline"].news[1:]:
        audit.next_news.click()
    assert audit.next_news.disabled
    audit.next_news.click()  # nothing left: nothing happens
    assert audit.news.value.count("<p>") == len(CASES["deadline"].news)
    audit.start_again.click()
    assert audit.yours["information"].value == before
    assert audit.news.value == "" and not audit.next_news.disabled


def test_choosing_a_case_loads_its_audit():
    audit = LeverageAudit()
    audit.case.value = "sole-source"
    assert audit.theirs["power"].value == 9
    assert "strongly in their favour" in audit.summary.value
    assert "weight 0.50" in audit.chart.value


def test_a_tampered_rating_is_refused_and_the_last_good_one_restored():
    audit = LeverageAudit()
    slider = audit.yours["power"]
    slider.max = 1000  # what a hostile visitor can do over the websocket
    slider.value = 999
    assert slider.value == 4
    assert "must be between 0 and 10; 999 was rejected" in audit.status.value
    slider.value = 5
    assert audit.status.value == ""


def test_an_unknown_case_is_explained():
    with pytest.raises(ValueError, match="no case called 'poker'"):
        LeverageAudit("poker")
