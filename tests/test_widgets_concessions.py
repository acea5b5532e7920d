"""course.widgets.concessions in plain Python: set .value, .click(), read what the view shows."""

import random
from html import unescape

import ipywidgets as w
import pytest

import course
from course.engine.domain import SELLER, price_negotiation
from course.engine.session import PersonSession
from course.widgets import concessions as views
from course.widgets.concessions import ConcessionPlanner, DifficultMoment, NegotiationArena

HIDDEN = 61.5  # the bot's secret in the tampering tests: off the whole-number grid


def every_widget(root):
    """``root`` and every widget inside it."""
    found, stack = [], [root]
    while stack:
        widget = stack.pop()
        found.append(widget)
        stack += [c for c in getattr(widget, "children", ()) if isinstance(c, w.Widget)]
    return found


def synced_values(root):
    """Every value a browser can read: the synced state of every widget in the view."""
    values = []
    for widget in every_widget(root):
        values += list(widget.get_state().values())
    return values


def test_a_whole_negotiation_played_through_the_arena():
    arena = NegotiationArena(style="conceder", reservation=40, rng=random.Random(7))
    assert arena.accept.disabled and not arena.send_offer.disabled  # you open; nothing to accept
    # Four steps down, then hold at 48 until the bot's own schedule reaches it.
    for ask in (95, 85, 75, 65, 55, 48, 48, 48, 48, 48):
        if arena._session.finished:
            break
        arena.price.value = ask
        arena.send_offer.click()
    assert "Round 1: you ask 95" in arena.history.value
    assert "Deal at 48. The zone ran from 40 to 49: you took 89% of it." in arena.result.value
    assert arena.chart.value.count("<polyline") == 2  # your curve and the bot's
    assert arena.send_offer.disabled and arena.accept.disabled and arena.walk.disabled
    arena.send_offer.click()  # a click after the end changes nothing
    assert "over: start a new one" in arena.status.value


def test_walking_away_is_judged_against_the_hidden_zone():
    arena = NegotiationArena(style="boulware", reservation=40, rng=random.Random(3))
    arena.price.value = 95
    arena.send_offer.click()
    arena.walk.click()
    assert "No deal (walk away)" in unescape(arena.result.value)
    assert "a zone existed" in arena.result.value or "no zone" in arena.result.value
    arena.start.click()
    assert arena.result.value == "" and arena.history.value == "" and not arena.send_offer.disabled


def test_a_tampered_offer_is_rejected_with_a_message():
    arena = NegotiationArena(rng=random.Random(1))
    arena.price.value = 500
    assert arena.price.value == 90
    assert "your offer must be between 0 and 100; 500 was rejected" in arena.status.value
    arena.send_offer.click()  # the restored good value goes out, and the game goes on
    assert "Round 1: you ask 90" in arena.history.value
    arena.reservation.value = -5
    arena.start.click()
    assert (
        "your reservation price must be between 0 and 80; -5 was rejected" in (arena.status.value)
        or arena.reservation.value == 40
    )


def test_no_hidden_value_reaches_any_widget_trait(monkeypatch):
    def rigged_arena(style, your_reservation=40, rounds=10, rng=None):
        negotiation = price_negotiation(your_reservation, HIDDEN, step=0.5, rounds=rounds)
        return PersonSession(negotiation, person=SELLER, bot=style, first="person")

    monkeypatch.setattr(views, "arena", rigged_arena)
    arena = NegotiationArena(style="linear")
    for ask in (95, 90, 85, 80):
        arena.price.value = ask
        arena.send_offer.click()
        for value in synced_values(arena):
            assert value != HIDDEN and "61.5" not in str(value)
            assert "linear bot" not in str(value) or value == arena.brief.value  # style: yours
    arena.walk.click()
    assert "61.5" in arena.result.value  # revealed for the debrief, only after the end


def test_the_planner_flags_a_give_without_return_and_draws_the_plan(learner):
    scenario = course.variant("04_concessions")
    planner = ConcessionPlanner(scenario)
    assert "No trades yet" in planner.table.value
    assert "<polyline" in planner.chart.value  # the frontier, before any plan
    cheapest = min(scenario.issues, key=lambda i: scenario.yours[i][scenario.issues[i][0]])
    give = (cheapest, scenario.issues[cheapest][-1])
    planner.rows[0].give.value = give
    assert "nothing back" in planner.rows[0].get.label
    assert "ask for more" in planner.table.value and "1 trade(s) give more" in unescape(
        planner.verdict.value
    )
    dearest = max(
        (i for i in scenario.issues if i != cheapest),
        key=lambda i: scenario.yours[i][scenario.issues[i][0]],
    )
    assert "points for you" in planner.verdict.value  # where the plan ends, vs the frontier
    planner.rows[0].get.value = (dearest, scenario.issues[dearest][0])
    assert "ask for more" in planner.table.value  # getting what you already had is worth 0


def test_a_fair_logroll_is_not_flagged(learner):
    scenario = course.variant("04_concessions")
    planner = ConcessionPlanner(scenario)
    issues = list(scenario.issues)
    # start by conceding one issue, then win it back on another issue in a second trade
    first, second = issues[0], issues[1]
    planner.rows[0].give.value = (first, scenario.issues[first][-1])
    planner.rows[0].get.value = (second, scenario.issues[second][0])
    planner.rows[1].give.value = (second, scenario.issues[second][-1])
    planner.rows[1].get.value = (first, scenario.issues[first][0])
    table = planner.table.value
    assert table.count("<tr>") == 3  # a header and two trades
    steps = views.plan_trades(planner.start, planner.plan(), scenario.yours, scenario.theirs)
    assert steps[1]["received"] == scenario.yours[first][scenario.issues[first][0]]
    assert steps[1]["ratio"] == pytest.approx(steps[1]["received"] / steps[1]["cost"])


def test_giving_and_getting_on_the_same_issue_is_explained(learner):
    scenario = course.variant("04_concessions")
    planner = ConcessionPlanner(scenario)
    issue = next(iter(scenario.issues))
    planner.rows[0].give.value = (issue, scenario.issues[issue][-1])
    planner.rows[0].get.value = (issue, scenario.issues[issue][1])
    assert f"trade 1 gives and gets on the same issue, {issue}" in planner.status.value


def test_the_difficult_moment_plays_each_response_against_the_same_bot():
    moment = DifficultMoment(rng=random.Random(2))
    assert "the buyer suddenly offers 15" in moment.story.value
    assert moment.outcome.value == ""
    moment.choice.value = "cave"
    moment.play.click()
    assert "the big step told the buyer" in moment.outcome.value
    assert moment.comparison.value.count("<tr>") == 5  # a header and four responses
    moment.choice.value = "accept"
    moment.play.click()
    assert "below your reservation price 50" in moment.outcome.value
    moment.choice.value = "walk"
    moment.play.click()
    assert "a polite door left open" in moment.outcome.value
    moment.choice.value = "hold"
    moment.play.click()
    assert "holding firm" in moment.outcome.value
    moment.again.click()
    assert moment.outcome.value == "" and moment.comparison.value == ""


def test_the_moment_keeps_the_buyers_limit_out_of_every_trait():
    moment = DifficultMoment(rng=random.Random(2))
    limit = abs(moment._moment._negotiation.preferences["buyer"].reservation)
    for value in synced_values(moment):
        assert value != limit and f"up to {limit:g}" not in str(value)
    assert "_negotiation" not in moment.keys


def test_a_tampered_response_is_rejected_with_a_message():
    moment = DifficultMoment(rng=random.Random(2))
    moment.choice.set_trait("index", None)  # a visitor clears the selection
    moment.play.click()
    assert "is not one of the responses" in moment.status.value
    assert moment.outcome.value == ""


def test_a_tampered_trade_is_rejected_with_a_message(learner):
    planner = ConcessionPlanner(course.variant("04_concessions"))
    planner.rows[2].get.set_trait("index", None)  # a visitor clears a dropdown
    assert "None is not a trade on the table" in planner.status.value
