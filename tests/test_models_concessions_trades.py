"""course.models.concessions on several issues: package points, plans of trades, and the
packages that beat a point for both sides; course.engine.practice's exercises."""

import random

import pytest

from course.engine.bots import Bot
from course.engine.domain import Negotiation, Preferences
from course.engine.practice import RESPONSES, LowBallMoment, arena, moves_by_side
from course.models.concessions import (
    all_packages,
    better_for_both,
    package_points,
    pareto_frontier,
    plan_trades,
)

# A worked logrolling case: you care about price, they care about delivery.
YOURS = {"price": {"high": 60, "low": 0}, "delivery": {"slow": 40, "fast": 0}}
THEIRS = {"price": {"high": 0, "low": 30}, "delivery": {"slow": 0, "fast": 70}}


def test_package_points_add_up_the_levels():
    assert package_points({"price": "high", "delivery": "fast"}, YOURS) == 60
    assert package_points({"delivery": "slow", "price": "low"}, THEIRS) == 30


@pytest.mark.parametrize(
    ("package", "error", "words"),
    [
        ({"price": "high"}, ValueError, "must name every issue once"),
        ({"price": "mid", "delivery": "fast"}, ValueError, "'mid' is not a level of price"),
        (["high", "fast"], TypeError, "must be a dict of issue to level"),
    ],
)
def test_bad_packages_are_explained(package, error, words):
    with pytest.raises(error, match=words):
        package_points(package, YOURS)


def test_all_packages_and_the_logrolling_frontier():
    packages = all_packages(YOURS, THEIRS)
    assert len(packages) == 4
    points = [(you, them) for _, you, them in packages]
    # high price + fast delivery (60, 70) beats splitting the difference both ways
    assert pareto_frontier(points) == [(0.0, 100.0), (60.0, 70.0), (100.0, 0.0)]
    assert better_for_both((40.0, 30.0), points) == [(60.0, 70.0)]
    assert better_for_both((60.0, 70.0), points) == []


def test_a_logroll_is_fair_and_a_give_for_nothing_is_flagged():
    start = {"price": "high", "delivery": "slow"}
    [step] = plan_trades(start, [(("delivery", "fast"), ("price", "high"))], YOURS, THEIRS)
    assert (step["cost"], step["received"], step["ratio"]) == (40, 0, 0.0)
    assert "you give 40 points for 0" in step["problem"]
    assert (step["you"], step["them"]) == (60, 70)
    start = {"price": "low", "delivery": "slow"}
    [step] = plan_trades(start, [(("delivery", "fast"), ("price", "high"))], YOURS, THEIRS)
    assert step["ratio"] == 1.5 and step["problem"] is None


def test_a_trade_that_costs_nothing_is_not_a_give():
    start = {"price": "low", "delivery": "fast"}
    [step] = plan_trades(start, [(("delivery", "slow"), ("price", "high"))], YOURS, THEIRS)
    assert step["ratio"] is None and "not a give" in step["problem"]


@pytest.mark.parametrize(
    ("trade", "words"),
    [
        ((("price", "low"), ("price", "high")), "same issue"),
        ((("price", "mid"), ("delivery", "slow")), "price = 'mid' is not on the table"),
    ],
)
def test_bad_trades_are_explained(trade, words):
    with pytest.raises(ValueError, match=words):
        plan_trades({"price": "high", "delivery": "slow"}, [trade], YOURS, THEIRS)


def test_the_arena_hides_the_bot_and_reaches_a_deal():
    game = arena("conceder", 40, rounds=10, rng=random.Random(7))
    assert game.brief["reservation_price"] == 40 and game.bot_offer is None
    game.offer(90)
    for name in dir(game):
        if not name.startswith("_"):
            assert not isinstance(getattr(game, name), Bot | Preferences | Negotiation)
    while not game.finished:
        game.offer(max(40, game.history[-2][2] - 10))
    assert moves_by_side(game.history)["you"][0] == (1, 90)


@pytest.mark.parametrize(
    ("call", "words"),
    [
        (lambda: arena("bully"), "pick a bot style"),
        (lambda: arena("linear", 90), "whole number from 0 to 80"),
        (lambda: LowBallMoment(low_ball=60), "low-ball < reservation"),
        (lambda: LowBallMoment().play("shout"), "pick a response"),
    ],
)
def test_bad_exercise_settings_are_explained(call, words):
    with pytest.raises(ValueError, match=words):
        call()


@pytest.mark.parametrize("seed", range(5))
def test_holding_firm_beats_caving_and_accepting_the_low_ball(seed):
    moment = LowBallMoment(rng=random.Random(seed))
    runs = {key: moment.play(key) for key in RESPONSES}
    assert moment.before[-1] == (moment.low_round + 1, "bot", moment.low_ball)
    assert all(run["history"][: len(moment.before)] == moment.before for run in runs.values())
    assert runs["accept"]["price"] == moment.low_ball and runs["accept"]["gain"] < 0
    assert runs["walk"]["ended_by"] == "walk away" and runs["walk"]["gain"] == 0
    assert runs["cave"]["price"] == moment.your_reservation  # caving gives the zone away
    assert runs["hold"]["gain"] > runs["cave"]["gain"] >= runs["walk"]["gain"]
