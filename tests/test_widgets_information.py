"""course.widgets.information in plain Python: set .value, .click(), read what the view shows."""

import math

import pytest

from course.widgets.information import BeliefUpdater, InformationExplorer


def test_the_updater_opens_on_the_prior():
    updater = BeliefUpdater()
    assert "Expected reservation price:</b> 60 (before any offer: 60)" in updater.result.value
    assert "none yet" in updater.history.value
    assert "<svg" in updater.chart.value and "expected 60" in updater.chart.value


def test_offers_arrive_and_the_expected_limit_moves():
    updater = BeliefUpdater()
    updater.next_button.click()
    assert "Offers so far:</b> 42" in updater.history.value
    assert "Expected reservation price:</b> 61.04" in updater.result.value
    assert "40 0%" in updater.chart.value  # an opening of 42 rules out a limit of 40
    updater.next_button.click()
    assert "Offers so far:</b> 42, 53" in updater.history.value
    assert "Expected reservation price:</b> 72.44" in updater.result.value
    for _ in range(3):
        updater.next_button.click()
    # Shrinking steps give the scripted buyer away: its limit is 70.
    assert "Expected reservation price:</b> 70 " in updater.result.value
    assert "70 100%" in updater.chart.value


def test_the_script_runs_out_politely():
    updater = BeliefUpdater(offers=[42])
    updater.next_button.click()
    updater.next_button.click()
    assert "no more offers" in updater.status.value
    assert "Offers so far:</b> 42" in updater.history.value


def test_a_typed_offer_is_read_too():
    updater = BeliefUpdater()
    updater.offer_box.value = 42
    updater.offer_button.click()
    assert "Expected reservation price:</b> 61.04" in updater.result.value


def test_an_offer_no_limit_explains_is_refused_and_not_kept():
    updater = BeliefUpdater()
    updater.offer_box.value = 150  # even a limit of 80 opens at most at 72
    updater.offer_button.click()
    assert "150 was not added" in updater.status.value
    assert "impossible under every reservation price" in updater.status.value
    assert "none yet" in updater.history.value


def test_changing_the_prior_redraws_the_posterior():
    updater = BeliefUpdater()
    updater.next_button.click()
    updater.weights[50.0].value = 0
    updater.weights[60.0].value = 0
    # prior 2:1 for 70 and 80, times the opening's likelihood 1/70 : 1/80 -> 16:7
    assert "Expected reservation price:</b> 73.04" in updater.result.value
    assert "Offers so far:</b> 42" in updater.history.value


def test_an_empty_prior_is_explained():
    updater = BeliefUpdater()
    for slider in updater.weights.values():
        slider.value = 0
    assert "every weight is 0" in updater.status.value
    assert "fix the prior first" in updater.result.value


def test_start_over_forgets_the_offers():
    updater = BeliefUpdater()
    updater.next_button.click()
    updater.reset_button.click()
    assert "none yet" in updater.history.value
    assert "Expected reservation price:</b> 60 (before any offer: 60)" in updater.result.value


@pytest.mark.parametrize(("typed", "words"), [(-5, "above 0"), (math.inf, "finite number")])
def test_a_bad_typed_offer_is_explained(typed, words):
    updater = BeliefUpdater()
    updater.offer_box.value = typed
    updater.offer_button.click()
    assert words in updater.status.value
    assert "none yet" in updater.history.value


def test_a_tampered_weight_is_rejected_with_a_message():
    """A visitor can raise a slider's max over the websocket, then push a value past ours."""
    updater = BeliefUpdater()
    slider = updater.weights[40.0]
    slider.max = 10**6
    slider.value = 10**5
    assert slider.value == 1
    assert "the weight of 40 must be between 0 and 10; 100000 was rejected" in updater.status.value
    assert "Expected reservation price:</b> 60 " in updater.result.value


def test_the_explorer_shows_the_worked_example():
    explorer = InformationExplorer()
    text = explorer.numbers.value
    assert "Best blind price:</b> 70, expected profit 18" in text
    assert "Knowing the buyer's value:</b> 35" in text
    assert "information is worth</b> 17" in text
    assert "best price 70: 18" in explorer.picture.value
    assert "knowing the value: 35" in explorer.picture.value
    assert "full information" in explorer.bars.value


def test_a_wider_range_makes_information_worth_more():
    explorer = InformationExplorer()
    explorer.high.value = 150
    # cost 40 in [50, 150]: blind price 95 earns 55 × 55/100; knowing earns 100 − 40.
    assert "Best blind price:</b> 95, expected profit 30.25" in explorer.numbers.value
    assert "information is worth</b> 29.75" in explorer.numbers.value


def test_a_cost_above_every_value_is_explained():
    explorer = InformationExplorer()
    explorer.cost.value = 120
    assert "No price covers your cost" in explorer.status.value
    assert "information is worth</b> 0" in explorer.numbers.value
    assert "best price 100: 0<" in explorer.picture.value  # not "-0"


def test_low_above_high_is_explained_not_raised():
    explorer = InformationExplorer()
    explorer.low.value = 120
    assert "low must not exceed high" in explorer.status.value
    assert "fix the range first" in explorer.numbers.value and explorer.picture.value == ""


def test_a_tampered_out_of_range_value_is_rejected_with_a_message():
    explorer = InformationExplorer()
    explorer.high.max = 10**9
    explorer.high.value = 5 * 10**8
    assert explorer.high.value == 100
    assert (
        "the highest value must be between 0 and 200; 500000000.0 was rejected"
        in explorer.status.value
    )
    assert "information is worth</b> 17" in explorer.numbers.value
    explorer.high.value = 150
    assert explorer.status.value == ""
