"""course.models.audit: the weighted audit of information, alternatives and power."""

import math

import pytest

from course.models.audit import (
    EQUAL_WEIGHTS,
    describe_balance,
    leverage_balance,
    shifted,
    strengthen_first,
    weighted_leverage,
)
from course.scenarios.leverage import CASES

SALARY = CASES["salary"]


def test_the_salary_case_of_the_notebook():
    """The worked example of module 00: 6.25 against 5.55, a balance of +0.07."""
    assert math.isclose(weighted_leverage(SALARY.yours, SALARY.weights), 6.25)
    assert math.isclose(weighted_leverage(SALARY.theirs, SALARY.weights), 5.55)
    assert math.isclose(leverage_balance(SALARY.yours, SALARY.theirs, SALARY.weights), 0.07)


def test_without_weights_each_source_counts_a_third():
    ratings = {"information": 3, "alternatives": 6, "power": 9}
    assert math.isclose(weighted_leverage(ratings), 6.0)
    assert math.isclose(sum(EQUAL_WEIGHTS.values()), 1.0)


def test_the_balance_runs_from_all_theirs_to_all_yours():
    nothing = dict.fromkeys(EQUAL_WEIGHTS, 0)
    everything = dict.fromkeys(EQUAL_WEIGHTS, 10)
    assert math.isclose(leverage_balance(everything, nothing), 1.0)
    assert math.isclose(leverage_balance(nothing, everything), -1.0)


def test_a_rating_stops_at_the_ends_of_the_scale():
    ratings = {"information": 4, "alternatives": 9, "power": 1}
    assert shifted(ratings, {"alternatives": 4}) == {
        "information": 4,
        "alternatives": 10,
        "power": 1,
    }
    assert shifted(ratings, {"power": -3})["power"] == 0
    assert ratings["alternatives"] == 9  # the input is left alone


def test_advice_ranks_sources_by_what_a_step_would_move():
    yours = {"information": 4, "alternatives": 9, "power": 4}
    ranking = strengthen_first(yours, SALARY.theirs, SALARY.weights)
    # alternatives weighs most but can rise by 1 only; information (0.3) beats power (0.25)
    assert [source for source, _ in ranking] == ["information", "power", "alternatives"]
    assert math.isclose(ranking[0][1], 0.3 * 2 / 10)
    assert math.isclose(ranking[2][1], 0.45 * 1 / 10)


@pytest.mark.parametrize(
    ("balance", "words"),
    [
        (0.3, "strongly in your favour"),
        (0.07, "in your favour"),
        (0.0, "about even"),
        (-0.04, "about even"),
        (-0.1, "in their favour"),
        (-0.5, "strongly in their favour"),
    ],
)
def test_the_balance_in_words(balance, words):
    assert describe_balance(balance) == words


@pytest.mark.parametrize(
    ("ratings", "error", "words"),
    [
        ([4, 5, 6], TypeError, "must map each source to a rating"),
        ({"information": 4, "alternatives": 5}, ValueError, "needs a rating for power"),
        (
            {"information": 4, "alternatives": 5, "power": 6, "charm": 9},
            ValueError,
            "unknown source 'charm'",
        ),
        (
            {"information": 4, "alternatives": 11, "power": 6},
            ValueError,
            "between 0 and 10, got 11",
        ),
        (
            {"information": "high", "alternatives": 5, "power": 6},
            TypeError,
            "must be a number, got str",
        ),
        ({"information": float("nan"), "alternatives": 5, "power": 6}, ValueError, "finite"),
    ],
)
def test_bad_ratings_are_explained(ratings, error, words):
    with pytest.raises(error, match=words):
        weighted_leverage(ratings)


def test_bad_weights_are_explained():
    ratings = {"information": 4, "alternatives": 5, "power": 6}
    with pytest.raises(ValueError, match=r"weights must sum to 1, got 0\.9"):
        weighted_leverage(ratings, {"information": 0.3, "alternatives": 0.3, "power": 0.3})
    with pytest.raises(ValueError, match="must not be negative"):
        weighted_leverage(ratings, {"information": -0.2, "alternatives": 0.6, "power": 0.6})
    with pytest.raises(ValueError, match="unknown source 'luck'"):
        shifted(ratings, {"luck": 2})
