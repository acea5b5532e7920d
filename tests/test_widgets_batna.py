"""course.widgets.batna in plain Python: set .value, .click(), read what the view shows."""

import math

import pytest

from course.widgets.batna import BatnaBuilder, ZopaExplorer


def outcome(builder, card, row):
    return builder.cards.children[card].outcomes.children[row]


def test_the_builder_opens_on_the_worked_example():
    builder = BatnaBuilder()
    assert "BATNA:</b> Startup, worth 95,000" in builder.result.value
    assert "Reservation price:</b> 95,000" in builder.result.value
    assert "<svg" in builder.chart.value and "Sure offer" in builder.chart.value


def test_raising_the_sure_offer_changes_the_batna():
    builder = BatnaBuilder()
    outcome(builder, 0, 0).amount.value = 100_000
    assert "BATNA:</b> Sure offer, worth 100,000" in builder.result.value


def test_adding_an_alternative_and_its_outcomes():
    builder = BatnaBuilder()
    builder.add_button.click()
    card = builder.cards.children[-1]
    card.name.value = "Stay put"
    card.outcomes.children[0].probability.value = 0.5
    card.outcomes.children[0].amount.value = 90_000
    card.add_outcome_button.click()
    card.outcomes.children[1].probability.value = 0.5
    card.outcomes.children[1].amount.value = 130_000
    assert "BATNA:</b> Stay put, worth 110,000" in builder.result.value


def test_removing_an_outcome_and_an_alternative():
    builder = BatnaBuilder()
    outcome(builder, 1, 1).remove.click()  # the startup's bad branch is gone ...
    assert "Startup: the probabilities of the outcomes must sum to 1, got 0.5" in builder.status.value
    builder.cards.children[1].remove.click()  # ... and then the startup itself
    assert "BATNA:</b> Sure offer, worth 90,000" in builder.result.value


def test_the_deal_cost_raises_the_reservation_price():
    builder = BatnaBuilder()
    builder.deal_cost.value = 5_000
    assert "Reservation price:</b> 100,000" in builder.result.value


@pytest.mark.parametrize(
    ("probability", "words"),
    [(0.4, "must sum to 1, got 0.9"), (-0.5, "between 0 and 1, got -0.5"), (7, "between 0 and 1")],
)
def test_bad_probabilities_are_explained_and_name_the_alternative(probability, words):
    builder = BatnaBuilder()
    outcome(builder, 1, 0).probability.value = probability
    assert "Startup:" in builder.status.value and words in builder.status.value
    assert "fix the alternatives first" in builder.result.value


def test_a_tampered_non_finite_amount_is_explained():
    builder = BatnaBuilder()
    outcome(builder, 0, 0).amount.value = math.inf
    assert "must be a finite number" in builder.status.value


def test_duplicate_names_are_refused():
    builder = BatnaBuilder()
    builder.cards.children[1].name.value = "Sure offer"
    assert "same name" in builder.status.value


def test_no_alternatives_left():
    builder = BatnaBuilder()
    for card in list(builder.cards.children):
        card.remove.click()
    assert "alternatives is empty" in builder.status.value


def test_the_explorer_splits_the_surplus():
    explorer = ZopaExplorer(seller=40, buyer=70, price=60)
    assert "Surplus 30: the seller gets 20 (67%), the buyer 10 (33%)" in explorer.verdict.value
    assert "ZOPA</text>" in explorer.picture.value and "deal 60" in explorer.picture.value


def test_moving_the_buyer_below_the_seller_removes_the_zone():
    explorer = ZopaExplorer(seller=40, buyer=70, price=60)
    explorer.buyer.value = 30
    assert "No ZOPA" in explorer.verdict.value
    assert "no ZOPA" in explorer.picture.value


@pytest.mark.parametrize(
    ("price", "words"), [(30, "the seller walks away"), (80, "the buyer walks away")]
)
def test_a_deal_outside_the_zone_is_called_out(price, words):
    explorer = ZopaExplorer(seller=40, buyer=70, price=60)
    explorer.price.value = price
    assert words in explorer.verdict.value


def test_a_zone_of_one_price_has_no_surplus():
    explorer = ZopaExplorer(seller=50, buyer=50, price=50)
    assert "single price 50" in explorer.verdict.value


def test_a_tampered_out_of_range_value_is_rejected_with_a_message():
    """A visitor can raise a slider's max over the websocket, then push a value past ours."""
    explorer = ZopaExplorer(seller=40, buyer=70, price=60, high=150)
    explorer.price.max = 10**9
    explorer.price.value = 5 * 10**8
    assert explorer.price.value == 60
    assert (
        "the deal price must be between 0 and 150; 500000000.0 was rejected"
        in explorer.status.value
    )
    assert "Surplus 30" in explorer.verdict.value  # the picture still shows the last good deal
    explorer.price.value = 65  # and the next honest move clears the message
    assert explorer.status.value == ""
    assert "the seller gets 25" in explorer.verdict.value
