"""course.models.information: CONTENT.md's worked examples, edge cases and bad input."""

from fractions import Fraction as F

import pytest

from course.models.information import (
    expected_reservation,
    take_it_or_leave_it,
    update_beliefs,
    value_of_information,
)

PRIOR = {60: F(5, 10), 70: F(3, 10), 80: F(2, 10)}
LIKELIHOOD = {60: F(1, 10), 70: F(3, 10), 80: F(6, 10)}


def test_bayes_update_of_a_reservation_price():
    """CONTENT.md: prior (0.5, 0.3, 0.2), likelihood (0.1, 0.3, 0.6) -> (5/26, 9/26, 6/13)."""
    posterior = update_beliefs(PRIOR, LIKELIHOOD)
    assert posterior == {60: F(5, 26), 70: F(9, 26), 80: F(6, 13)}
    assert expected_reservation(posterior) == F(945, 13)


def test_floats_give_the_same_posterior_to_rounding():
    posterior = update_beliefs({60: 0.5, 70: 0.3, 80: 0.2}, {60: 0.1, 70: 0.3, 80: 0.6})
    assert posterior[80] == pytest.approx(6 / 13)


def test_a_signal_that_rules_a_value_out():
    assert update_beliefs({1: 0.5, 2: 0.5}, {1: 0.0, 2: 0.4}) == {1: 0.0, 2: 1.0}


def test_value_of_information_worked_example():
    """CONTENT.md: cost 40, value uniform on [50, 100]: price 70, profit 18; informed 35; VOI 17."""
    assert take_it_or_leave_it(40, 50, 100) == (70.0, 18.0)
    assert value_of_information(40, 50, 100) == pytest.approx(17.0)


def test_a_cheap_good_is_sold_to_everyone_at_the_low_end():
    assert take_it_or_leave_it(0, 80, 100) == (80.0, 80.0)
    assert value_of_information(0, 80, 100) == pytest.approx(10.0)


def test_a_cost_above_every_value_earns_nothing():
    assert take_it_or_leave_it(120, 50, 100) == (100.0, 0.0)
    assert value_of_information(120, 50, 100) == 0.0


def test_a_cost_inside_the_range():
    price, profit = take_it_or_leave_it(60, 50, 100)
    assert price == 80 and profit == pytest.approx(20 * 20 / 50)
    assert value_of_information(60, 50, 100) == pytest.approx(40**2 / 100 - 8)


def test_a_known_value_is_worth_nothing_more_to_learn():
    assert take_it_or_leave_it(40, 70, 70) == (70.0, 30.0)
    assert value_of_information(40, 70, 70) == 0.0


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (
            lambda: update_beliefs({60: 0.5, 70: 0.4}, {60: 1, 70: 1}),
            ValueError,
            "must sum to 1, got 0.9",
        ),
        (lambda: update_beliefs({}, {}), ValueError, "the prior is empty"),
        (lambda: update_beliefs({60: 1.0}, {70: 1.0}), ValueError, "no probability for [60]"),
        (
            lambda: update_beliefs({60: 1.0}, {60: 1.5}),
            ValueError,
            "likelihood of 60 must be between 0 and 1",
        ),
        (lambda: update_beliefs({60: 1.0}, {60: 0.0}), ValueError, "impossible under every value"),
        (
            lambda: update_beliefs([0.5, 0.5], {}),
            TypeError,
            "mapping of value to probability, got list",
        ),
        (
            lambda: update_beliefs({"sixty": 1.0}, {"sixty": 1.0}),
            TypeError,
            "must be a number, got str",
        ),
        (
            lambda: expected_reservation({60: -0.5, 70: 1.5}),
            ValueError,
            "between 0 and 1, got -0.5",
        ),
        (lambda: take_it_or_leave_it(40, 100, 50), ValueError, "low must not exceed high"),
        (lambda: value_of_information("40", 50, 100), TypeError, "cost must be a number, got str"),
    ],
)
def test_bad_input_is_explained(call, error, words):
    with pytest.raises(error, match=__import__("re").escape(words)):
        call()
