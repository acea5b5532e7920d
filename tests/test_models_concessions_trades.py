"""course.models.concessions on several issues: package points, plans of trades, and the
packages that beat a point for both sides."""

import pytest

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
