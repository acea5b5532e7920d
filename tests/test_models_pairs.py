"""Scoring a role play between two people: share of the zone, points against a BATNA,
distance to the Pareto frontier, and subjective value by factor."""

import itertools

import pytest

from course.models.pairs import (
    FACTORS,
    frontier_distance,
    points_over_batna,
    subjective_value,
    zone_share,
)


def test_each_side_s_share_of_the_zone_adds_up_to_the_whole_zone():
    assert zone_share(40, 31, 52, "seller") == pytest.approx(9 / 21)
    assert zone_share(40, 31, 52, "buyer") == pytest.approx(12 / 21)
    assert zone_share(31, 31, 52, "seller") == 0 and zone_share(52, 31, 52, "seller") == 1


def test_a_deal_worse_than_walking_away_claims_less_than_nothing():
    assert zone_share(28, 31, 52, "seller") == pytest.approx(-3 / 21)
    assert zone_share(55, 31, 52, "buyer") == pytest.approx(-3 / 21)


def test_no_zone_or_a_single_price_leaves_nothing_to_share():
    assert zone_share(40, 50, 45, "seller") is None
    assert zone_share(40, 40, 40, "buyer") is None
    with pytest.raises(ValueError, match="side must be one of seller, buyer"):
        zone_share(40, 31, 52, "judge")


def test_points_over_batna():
    assert points_over_batna(500, 445) == 55
    with pytest.raises(TypeError):
        points_over_batna("500", 445)


# two issues: one matters more to a, one more to b; trading them creates value
A = {"x": [30, 20, 0], "y": [10, 5, 0]}
B = {"x": [0, 5, 10], "y": [0, 20, 30]}
PACKAGES = [
    (A["x"][i] + A["y"][j], B["x"][i] + B["y"][j]) for i, j in itertools.product(range(3), range(3))
]


def test_a_compromise_on_both_issues_leaves_joint_points_on_the_table():
    middle = (A["x"][1] + A["y"][1], B["x"][1] + B["y"][1])  # (25, 25)
    found = frontier_distance(middle, PACKAGES)
    # the logroll (x to a, y to b) gives (30, 30): 10 more jointly, better for both
    assert found == {"joint": 50, "best_joint": 60, "left_on_table": 10, "on_frontier": False}


def test_a_deal_on_the_frontier_leaves_nothing():
    found = frontier_distance((30, 30), PACKAGES)
    assert found["on_frontier"] and found["left_on_table"] == 0
    # on the frontier yet below the best joint: a lopsided deal is efficient too
    assert frontier_distance((40, 0), PACKAGES)["on_frontier"]


def test_subjective_value_is_the_mean_per_factor_and_overall():
    factors = {"a": "outcome", "b": "outcome", "c": "self", "d": "relationship"}
    found = subjective_value({"a": 7, "b": 4, "c": 2, "d": 5}, factors)
    assert found == {
        "outcome": 5.5,
        "self": 2.0,
        "process": None,
        "relationship": 5.0,
        "overall": 4.5,
    }
    assert set(found) == {*FACTORS, "overall"}


@pytest.mark.parametrize("bad", [0, 8, 3.5, True, "5"])
def test_an_answer_off_the_scale_is_refused(bad):
    with pytest.raises(ValueError, match="whole number from 1 to 7"):
        subjective_value({"a": bad}, {"a": "self"})


def test_an_unknown_question_is_refused():
    with pytest.raises(ValueError, match="no question called 'z'"):
        subjective_value({"z": 3}, {"a": "self"})
