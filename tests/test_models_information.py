"""course.models.information: CONTENT.md's worked examples, edge cases and bad input."""

from fractions import Fraction as F

import pytest

from course.models.information import (
    beliefs_from_weights,
    buyer_offers,
    expected_profit,
    expected_reservation,
    information_summary,
    informed_profit,
    offer_likelihoods,
    posterior_after_offers,
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


def test_the_explorer_summary_matches_the_worked_example():
    summary = information_summary(40, 50, 100)
    assert summary["price"] == 70 and summary["blind_profit"] == 18
    assert summary["informed_profit"] == pytest.approx(35)
    assert summary["value"] == pytest.approx(17)
    assert informed_profit(60, 50, 100) == pytest.approx(40**2 / 100)


@pytest.mark.parametrize(
    ("price", "profit"), [(70, 18.0), (50, 10.0), (100, 0.0), (120, 0.0), (30, -10.0)]
)
def test_expected_profit_of_one_price(price, profit):
    assert expected_profit(price, 40, 50, 100) == pytest.approx(profit)


def test_a_known_value_sells_only_up_to_it():
    assert expected_profit(70, 40, 70, 70) == 30 and expected_profit(71, 40, 70, 70) == 0


def test_weights_become_probabilities():
    assert beliefs_from_weights({60: 5, 70: 3, 80: 2}) == {60: 0.5, 70: 0.3, 80: 0.2}
    assert beliefs_from_weights({1: 0, 2: 4}) == {1: 0.0, 2: 1.0}


@pytest.mark.parametrize(
    ("weights", "error", "words"),
    [
        ({60: 0, 70: 0}, ValueError, "every weight is 0"),
        ({60: -1, 70: 2}, ValueError, "must not be negative, got -1"),
        ({}, ValueError, "the weights are empty"),
        ([1, 2], TypeError, "got list"),
        ({60: "a lot"}, TypeError, "the weight of 60 must be a number"),
    ],
)
def test_bad_weights_are_explained(weights, error, words):
    with pytest.raises(error, match=__import__("re").escape(words)):
        beliefs_from_weights(weights)


def test_an_opening_rules_out_limits_whose_band_it_misses():
    # Band 50-90%: limit 40 opens in [20, 36], 50 in [25, 45], 80 in [40, 72].
    likelihood = offer_likelihoods([40, 50, 80], 42, band=(0.5, 0.9))
    assert likelihood[40] == 0.0
    # Inside the band the chance per unit is 1/(0.4 r): the narrower band of 50 wins, 80/50.
    assert likelihood == {40: 0.0, 50: 1.0, 80: pytest.approx(50 / 80)}


def test_a_concession_is_read_against_the_remaining_distance():
    # From 42, a step of 11 is 20-60% of the gap for limits 70 (gap 28) and 80 (gap 38),
    # but more than 60% of the gap of 60 (gap 18).
    likelihood = offer_likelihoods([60, 70, 80], 53, previous=42, band=(0.2, 0.6))
    assert likelihood == {60: 0.0, 70: 1.0, 80: pytest.approx(28 / 38)}


def test_a_buyer_at_their_limit_can_only_stand_still():
    assert offer_likelihoods([60, 70], 60, previous=60, band=(0.2, 0.6)) == {60: 1.0, 70: 0.0}
    assert offer_likelihoods([60, 70], 65, previous=60, band=(0.2, 0.6)) == {60: 0.0, 70: 1.0}


def test_the_scripted_buyer_is_found_out():
    offers = [round(x) for x in buyer_offers(70, 0.6, 0.4, 5)]
    assert offers == [42, 53, 60, 64, 66]
    prior = beliefs_from_weights({40: 1, 50: 2, 60: 3, 70: 2, 80: 1})
    history = posterior_after_offers(prior, offers, (0.5, 0.9), (0.2, 0.6))
    assert len(history) == 5
    assert history[0][40] == 0.0  # the opening of 42 is too high for a limit of 40
    assert history[1][60] == 0.0 and history[1][50] == 0.0
    assert history[-1] == {40: 0.0, 50: 0.0, 60: 0.0, 70: 1.0, 80: 0.0}


def test_one_offer_reads_like_update_beliefs_with_the_opening_band():
    prior = {50: 0.5, 80: 0.5}
    (posterior,) = posterior_after_offers(prior, [42], opening=(0.5, 0.9))
    assert posterior == update_beliefs(prior, offer_likelihoods(list(prior), 42))
    assert posterior[50] == pytest.approx(80 / 130)


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (
            lambda: posterior_after_offers({40: 1.0}, [42]),
            ValueError,
            "offer 1 (42) is impossible under every reservation price",
        ),
        (lambda: posterior_after_offers({40: 1.0}, 42), TypeError, "offers must be a list"),
        (lambda: offer_likelihoods([], 42), ValueError, "at least one possible reservation"),
        (lambda: offer_likelihoods("60", 42), TypeError, "reservations must be a list"),
        (lambda: offer_likelihoods([60], 42, band=(0.9, 0.5)), ValueError, "low < high"),
        (lambda: offer_likelihoods([60], 42, band=(0.5, 1.5)), ValueError, "between 0 and 1"),
        (lambda: offer_likelihoods([60], "42"), TypeError, "the offer must be a number"),
        (lambda: buyer_offers(70, 0.6, 0.4, 0), ValueError, "at least 1"),
        (lambda: expected_profit(None, 40, 50, 100), TypeError, "price must be a number"),
    ],
)
def test_bad_signal_input_is_explained(call, error, words):
    with pytest.raises(error, match=__import__("re").escape(words)):
        call()
