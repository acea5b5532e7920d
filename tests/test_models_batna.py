"""course.models.batna: the worked examples of CONTENT.md, edge cases and bad input."""

import math

import pytest

from course.models.batna import (
    best_alternative,
    certainty_equivalent,
    deal_outcome,
    expected_value,
    flatten,
    nash_split,
    outside_option_split,
    risk_attitude,
    surplus_share,
    zopa,
)


def test_sure_offer_against_a_fifty_fifty_gamble():
    """CONTENT.md: a sure 90k against 50/50 of 120k/70k; the gamble is worth 95k."""
    alternatives = {"sure": 90_000, "gamble": [(0.5, 120_000), (0.5, 70_000)]}
    assert expected_value(alternatives["gamble"]) == 95_000
    assert best_alternative(alternatives) == ("gamble", 95_000)


def test_nested_tree_weighs_each_level():
    tree = [(0.6, [(0.5, 120), (0.5, 90)]), (0.4, 50)]
    assert math.isclose(expected_value(tree), 0.6 * 105 + 0.4 * 50)


def test_a_number_is_a_tree_with_one_leaf():
    assert expected_value(42) == 42.0


def test_ties_go_to_the_alternative_listed_first():
    assert best_alternative({"a": 10, "b": [(1.0, 10)]}) == ("a", 10.0)


def test_probabilities_that_drift_by_rounding_are_accepted():
    assert math.isclose(expected_value([(0.1, 1)] * 10), 1.0)


def test_zopa_exists_when_the_buyer_can_pay_the_seller():
    assert zopa(40, 70) == (40.0, 70.0)
    assert zopa(50, 50) == (50.0, 50.0)
    assert zopa(70, 40) is None


def test_surplus_share_runs_from_seller_floor_to_buyer_cap():
    assert surplus_share(40, 40, 70) == 0.0
    assert surplus_share(70, 40, 70) == 1.0
    assert math.isclose(surplus_share(60, 40, 70), 2 / 3)


def test_nash_split_with_batnas_as_the_disagreement_point():
    """CONTENT.md: pie 100, BATNAs (20, 40) give (40, 60)."""
    assert nash_split(100, 20, 40) == (40.0, 60.0)


def test_each_unit_of_batna_moves_the_nash_share_by_half_a_unit():
    before, _ = nash_split(100, 20, 40)
    after, _ = nash_split(100, 30, 40)
    assert math.isclose(after - before, 5)


def test_a_tree_flattens_to_its_leaves_with_the_products_of_its_probabilities():
    """The notebook's advice for the builder: Freelance's two levels become one."""
    tree = [(0.8, [(0.5, 120), (0.5, 90)]), (0.2, 50)]
    leaves = flatten(tree)
    assert [amount for _, amount in leaves] == [120, 90, 50]
    assert [round(p, 12) for p, _ in leaves] == [0.4, 0.4, 0.2]
    assert math.isclose(expected_value(leaves), expected_value(tree))
    assert flatten(7) == [(1.0, 7.0)]


@pytest.mark.parametrize(
    ("sure", "attitude", "premium"),
    [
        (88_000, "risk-averse", 7_000),
        (95_000, "risk-neutral", 0),
        (101_000, "risk-seeking", -6_000),
    ],
)
def test_a_certainty_equivalent_names_a_risk_attitude(sure, attitude, premium):
    """The notebook's 50/50 gamble of 120k/70k, worth 95k on average."""
    got = risk_attitude([(0.5, 120_000), (0.5, 70_000)], sure)
    assert got[0] == attitude and math.isclose(got[1], premium)


def test_a_sure_alternative_shows_no_risk_attitude():
    assert risk_attitude(90_000, 90_000) == ("no risk", 0.0)
    assert risk_attitude([(0.5, 80_000), (0.5, 80_000)], 80_000) == ("no risk", 0.0)


@pytest.mark.parametrize(
    ("sure", "words"), [(69_999, "less than the worst"), (120_001, "more than the best")]
)
def test_a_certainty_equivalent_outside_the_outcomes_is_refused(sure, words):
    with pytest.raises(ValueError, match=words):
        risk_attitude([(0.5, 120_000), (0.5, 70_000)], sure)


def test_the_two_models_of_a_batna_disagree_below_half_the_pie():
    """The notebook's contrast: pie 100, their BATNA 40. Under the Nash split a BATNA of 40
    gets you 50; under deal-me-out a BATNA below half the pie changes nothing."""
    assert nash_split(100, 40, 40) == (50.0, 50.0)
    assert nash_split(100, 20, 40) == (40.0, 60.0)
    assert outside_option_split(100, 20, 40) == (50.0, 50.0)
    assert outside_option_split(100, 40, 40) == (50.0, 50.0)
    assert outside_option_split(100, 55, 40) == (55.0, 45.0)
    # a target of 60: the Nash split needs a BATNA of 40, deal-me-out needs 60
    assert nash_split(100, 60 * 2 - 100 + 40, 40)[0] == 60
    assert outside_option_split(100, 60, 40)[0] == 60
    assert outside_option_split(100, 59, 40)[0] == 59
    assert outside_option_split(100, 61, 40) is None
    assert outside_option_split(100, 10, 70) == (30.0, 70.0)  # their BATNA sets theirs


def test_nash_split_weights_and_impasse():
    assert nash_split(100, 20, 40, weight_a=1.0) == (60.0, 40.0)
    assert nash_split(50, 20, 40) is None
    assert nash_split(60, 20, 40) == (20.0, 40.0)


def test_deal_outcome_names_every_case():
    assert deal_outcome(60, 40, 70)["verdict"] == "inside"
    assert math.isclose(deal_outcome(60, 40, 70)["seller_share"], 2 / 3)
    assert deal_outcome(30, 40, 70)["verdict"] == "below-seller"
    assert deal_outcome(80, 40, 70)["verdict"] == "above-buyer"
    assert deal_outcome(50, 50, 50)["verdict"] == "no-surplus"
    assert deal_outcome(50, 70, 40) == {
        "verdict": "no-zopa",
        "surplus": 0.0,
        "seller_gain": -20.0,
        "buyer_gain": -10.0,
        "seller_share": None,
        "even_split": 55.0,
    }


@pytest.mark.parametrize(
    ("tree", "error", "words"),
    [
        ([(0.5, 100), (0.4, 50)], ValueError, "must sum to 1, got 0.9"),
        ([(-0.5, 100), (1.5, 50)], ValueError, "between 0 and 1, got -0.5"),
        ([], ValueError, "the tree has no outcomes"),
        ([(0.5, "lots"), (0.5, 1)], TypeError, "amount of outcome 1 must be a number or a list"),
        ([(True, 1)], TypeError, "probability of outcome 1 must be a number, got bool"),
        ([(1.0, [(0.5, 1), (0.6, 2)])], ValueError, "probabilities under outcome 1 must sum"),
        ([(1.0, [(0.5, 1), (2, 2)])], ValueError, "probability of outcome 1.2 must be between"),
        ([(1.0, [])], ValueError, "outcome 1 has no outcomes"),
        ([(1.0, float("nan"))], ValueError, "finite"),
        ([(1.0,)], TypeError, "(probability, amount) pair"),
        (None, TypeError, "a tree must be a number or a list of (probability, amount) pairs"),
    ],
)
def test_bad_trees_are_explained(tree, error, words):
    with pytest.raises(error, match=__import__("re").escape(words)):
        expected_value(tree)


def test_bad_alternatives_are_explained():
    with pytest.raises(ValueError, match="alternatives is empty"):
        best_alternative({})
    with pytest.raises(TypeError, match="mapping of name to tree"):
        best_alternative([90_000])
    with pytest.raises(ValueError, match="alternative 'risky': the probabilities"):
        best_alternative({"risky": [(0.7, 1), (0.7, 2)]})


def test_bad_prices_are_explained():
    with pytest.raises(TypeError, match="seller_reservation must be a number"):
        zopa("40", 70)
    with pytest.raises(ValueError, match="no ZOPA"):
        surplus_share(50, 70, 40)
    with pytest.raises(ValueError, match="outside the ZOPA"):
        surplus_share(80, 40, 70)
    with pytest.raises(ValueError, match="single price"):
        surplus_share(50, 50, 50)
    with pytest.raises(ValueError, match="weight_a must be between 0 and 1"):
        nash_split(100, 20, 40, weight_a=2)


def test_one_relative_risk_aversion_prices_every_gamble():
    """certainty_equivalent: risk-neutral at 0, the geometric mean at 1, below the expected
    value and above the worst outcome for a risk-averse person, lower for a wider gamble of
    the same mean, and a sure amount worth itself."""
    gamble = [(0.5, 120_000), (0.5, 70_000)]
    wider = [(0.5, 145_000), (0.5, 45_000)]
    assert certainty_equivalent(gamble, 0) == pytest.approx(95_000)
    assert certainty_equivalent(gamble, 1) == pytest.approx((120_000 * 70_000) ** 0.5)
    assert certainty_equivalent(gamble, 2) == pytest.approx(1 / (0.5 / 120_000 + 0.5 / 70_000))
    for gamma in (0.5, 1, 2, 4):
        assert 70_000 < certainty_equivalent(gamble, gamma) < 95_000
        assert certainty_equivalent(wider, gamma) < certainty_equivalent(gamble, gamma)
        assert certainty_equivalent(90_000, gamma) == pytest.approx(90_000)
    with pytest.raises(ValueError, match="0 or more"):
        certainty_equivalent(gamble, -1)
    with pytest.raises(ValueError, match="more than 0"):
        certainty_equivalent([(0.5, 0), (0.5, 10)], 2)
