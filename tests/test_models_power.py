"""course.models.power: CONTENT.md's worked examples, published voting-power results, the
dynamic programme against brute force, and bad input."""

import math
import random
import re
from fractions import Fraction as F
from itertools import combinations, permutations

import pytest

from course.models.power import (
    banzhaf_index,
    bargaining_split,
    brute_force_indices,
    computer_reply,
    outside_option_share,
    rubinstein_share,
    shapley_shubik_index,
    shapley_values,
    split_the_difference_share,
    swing_counts,
    winning,
    worth_today,
)


def game(players, worth):
    """Every coalition of ``players`` mapped to ``worth(coalition)``, the empty one included."""
    return {
        frozenset(c): worth(frozenset(c))
        for size in range(len(players) + 1)
        for c in combinations(players, size)
    }


def shapley_by_orders(players, value):
    """The definition itself: average marginal contribution over all n! orders."""
    totals = dict.fromkeys(players, F(0))
    orders = list(permutations(players))
    for order in orders:
        so_far = frozenset()
        for player in order:
            totals[player] += value[so_far | {player}] - value.get(so_far, 0)
            so_far = so_far | {player}
    return {p: total / len(orders) for p, total in totals.items()}


def gloves(coalition):
    return min(sum(p.startswith("L") for p in coalition), sum(p.startswith("R") for p in coalition))


# --- the Shapley value ----------------------------------------------------------------------


def test_the_glove_game_gives_the_scarce_side_two_thirds():
    """CONTENT.md: one left glove, two right gloves -> 2/3, 1/6, 1/6, exactly."""
    values = shapley_values(["L", "R1", "R2"], game(["L", "R1", "R2"], gloves))
    assert values == {"L": F(2, 3), "R1": F(1, 6), "R2": F(1, 6)}
    assert all(isinstance(v, F) for v in values.values())


def test_a_seller_and_two_buyers_the_rival_is_the_sellers_batna():
    """One item, buyers valuing it at 100 and 40: the seller gets (3*100 + 40)/6; raising
    the rival's valuation raises the seller's value, though the rival never buys."""

    def market(v1, v2):
        def worth(c):
            return max([v for b, v in (("B1", v1), ("B2", v2)) if b in c], default=0) * ("S" in c)

        return shapley_values(["S", "B1", "B2"], game(["S", "B1", "B2"], worth))

    assert market(100, 40) == {"S": F(340, 6), "B1": F(220, 6), "B2": F(40, 6)}
    assert market(100, 80)["S"] - market(100, 40)["S"] == F(40, 6)


def test_shapley_values_are_efficient_symmetric_and_give_a_dummy_nothing():
    players = ["a", "b", "c", "d"]
    value = game(players, lambda c: len(c - {"d"}) ** 2)  # d adds nothing anywhere
    result = shapley_values(players, value)
    assert sum(result.values()) == value[frozenset(players)]
    assert result["a"] == result["b"] == result["c"] == 3
    assert result["d"] == 0


@pytest.mark.parametrize("seed", range(8))
def test_shapley_values_agree_with_the_average_over_all_orders(seed):
    rng = random.Random(seed)
    players = [f"p{i}" for i in range(rng.randint(1, 5))]
    value = game(players, lambda c: rng.randint(-5, 20) if c else 0)
    assert shapley_values(players, value) == shapley_by_orders(players, value)


def test_floats_in_floats_out_and_a_function_works_as_the_value():
    result = shapley_values(["x", "y"], lambda c: 1.5 * len(c) + (0.5 if len(c) == 2 else 0))
    assert result == {"x": 1.75, "y": 1.75}
    assert all(type(v) is float for v in result.values())


def test_the_empty_coalition_may_be_left_out_and_tuple_keys_are_coalitions():
    value = {("A",): 1, ("B",): 2, ("A", "B"): 6}
    assert shapley_values(["A", "B"], value) == {"A": F(5, 2), "B": F(7, 2)}


@pytest.mark.parametrize(
    ("players", "value", "error", "words"),
    [
        (["A", "B"], {("A",): 1, ("A", "B"): 3}, ValueError, "not defined for coalition {B}"),
        (["A"], {(): 5, ("A",): 1}, ValueError, "the empty coalition must be worth 0, got 5"),
        (["A"], {("A",): "lots"}, TypeError, "the value of {A} must be a number, got str"),
        (["A"], {("A",): float("inf")}, ValueError, "the value of {A} must be a finite number"),
        (["A"], {("A", "Z"): 1, ("A",): 1}, ValueError, "names someone who is not a player: 'Z'"),
        (["A"], {"A": 1}, TypeError, "keys must be coalitions"),
        (["A", "A"], {("A",): 1}, ValueError, "listed twice: 'A'"),
        ([], {}, ValueError, "players is empty"),
        ("AB", {}, TypeError, "players must be a list of names"),
        (["A"], [1, 2], TypeError, "value must map each coalition"),
    ],
)
def test_bad_games_are_explained(players, value, error, words):
    with pytest.raises(error, match=re.escape(words)):
        shapley_values(players, value)


def test_too_many_players_for_a_table_of_every_coalition():
    with pytest.raises(ValueError, match="at most 20 players, got 21"):
        shapley_values(range(21), lambda c: 0)


# --- voting power ---------------------------------------------------------------------------


def test_four_three_two_one():
    """CONTENT.md: [4; 3, 2, 1]. The 3 needs either partner, who each need the 3."""
    assert banzhaf_index(4, [3, 2, 1]) == (F(3, 5), F(1, 5), F(1, 5))
    assert shapley_shubik_index(4, [3, 2, 1]) == (F(2, 3), F(1, 6), F(1, 6))
    assert swing_counts(4, [3, 2, 1]) == (3, 1, 1)


def test_the_1958_eec_council_luxembourg_has_weight_but_no_power():
    """Council of Ministers of the EEC, 1958: France, Germany, Italy 4 votes, Belgium and
    the Netherlands 2, Luxembourg 1, quota 12 of 17. Every total the others can make is
    even, so Luxembourg's one vote never decides (Felsenthal & Machover 1998 discuss it).
    Published values: Shapley–Shubik 7/30, 3/20, 0; Banzhaf 5/21, 1/7, 0."""
    weights = [4, 4, 4, 2, 2, 1]
    assert shapley_shubik_index(12, weights) == (F(7, 30),) * 3 + (F(3, 20),) * 2 + (0,)
    assert banzhaf_index(12, weights) == (F(5, 21),) * 3 + (F(1, 7),) * 2 + (0,)
    assert brute_force_indices(12, weights) == (
        shapley_shubik_index(12, weights),
        banzhaf_index(12, weights),
    )


def test_the_un_security_council_since_1965():
    """Five permanent members with a veto and ten others, nine votes needed including all
    five permanent ones: weights 7 and 1, quota 39. Shapley–Shubik gives each permanent
    member about 0.1963 and each other member about 0.0019 (Shapley & Shubik's method,
    as usually quoted); Banzhaf about 0.1669 and 0.0165."""
    weights = [7] * 5 + [1] * 10
    ss, bz = shapley_shubik_index(39, weights), banzhaf_index(39, weights)
    assert round(float(ss[0]), 4) == 0.1963 and round(float(ss[5]), 4) == 0.0019
    assert round(float(bz[0]), 4) == 0.1669 and round(float(bz[5]), 4) == 0.0165
    assert (ss, bz) == brute_force_indices(39, weights)
    # the veto: no winning coalition leaves out a permanent member
    assert not winning(39, weights, range(1, 15))


def test_the_brute_force_itself_against_the_definition_by_orders():
    """Cross-check the cross-check: pivots counted over all n! orders, for [4; 3, 2, 1, 1]."""
    weights, quota = [3, 2, 1, 1], 4
    pivots = [0] * len(weights)
    orders = list(permutations(range(len(weights))))
    for order in orders:
        total = 0
        for member in order:
            total += weights[member]
            if total >= quota:
                pivots[member] += 1
                break
    expected = tuple(F(p, len(orders)) for p in pivots)
    assert brute_force_indices(quota, weights)[0] == expected == shapley_shubik_index(4, weights)


@pytest.mark.parametrize("seed", range(25))
def test_the_dynamic_programme_agrees_with_brute_force_on_random_votes(seed):
    rng = random.Random(seed)
    weights = [rng.randint(0, 9) for _ in range(rng.randint(1, 9))]
    if sum(weights) == 0:
        weights[0] = 1
    quota = rng.randint(1, sum(weights))
    shapley, banzhaf = brute_force_indices(quota, weights)
    assert shapley_shubik_index(quota, weights) == shapley
    assert banzhaf_index(quota, weights) == banzhaf
    assert sum(shapley) == sum(banzhaf) == 1


def test_power_is_not_proportional_to_weight():
    # [51; 49, 48, 3]: any two members win, so the smallest is as strong as the largest
    assert banzhaf_index(51, [49, 48, 3]) == (F(1, 3),) * 3
    assert shapley_shubik_index(51, [49, 48, 3]) == (F(1, 3),) * 3
    # and a majority holder is a dictator
    assert banzhaf_index(51, [51, 30, 19]) == (1, 0, 0)


def test_fractions_and_floats():
    assert banzhaf_index(F(1, 2), [F(1, 4), F(1, 4), F(1, 2)]) == banzhaf_index(2, [1, 1, 2])
    floats = shapley_shubik_index(0.3, [0.1, 0.2, 0.05])  # 0.1 + 0.2 reaches 0.3
    assert all(type(x) is float for x in floats)
    assert floats == pytest.approx([0.5, 0.5, 0.0])
    assert banzhaf_index(12.0, [4, 4, 4, 2, 2, 1]) == pytest.approx(
        [5 / 21] * 3 + [1 / 7] * 2 + [0]
    )


def test_a_vote_of_twenty_members_is_computed_exactly():
    """The shape the speed target is measured on (tests/benchmarks/bench_power.py times it)."""
    weights = list(range(1, 21))
    quota = sum(weights) // 2 + 1
    ss, bz = shapley_shubik_index(quota, weights), banzhaf_index(quota, weights)
    assert sum(ss) == sum(bz) == 1
    assert list(ss) == sorted(ss) and list(bz) == sorted(bz)  # more weight, never less power
    assert ss[0] > 0


@pytest.mark.parametrize(
    ("quota", "weights", "error", "words"),
    [
        (18, [4, 4, 4, 2, 2, 1], ValueError, "quota 18 is more than all the weights together (17)"),
        (0, [1, 2], ValueError, "quota must be more than 0, got 0"),
        (-1, [1, 2], ValueError, "quota must be more than 0"),
        (2, [3, -1], ValueError, "weight 2 is negative (-1)"),
        (2, [3, "2"], TypeError, "weight 2 must be a number, got str"),
        (2, [3, True], TypeError, "weight 2 must be a number, got bool"),
        (2, [3, float("nan")], ValueError, "weight 2 must be a finite number"),
        ("2", [3, 1], TypeError, "quota must be a number"),
        (2, [], ValueError, "weights is empty"),
        (2, 5, TypeError, "weights must be a list of numbers"),
    ],
)
def test_bad_votes_are_explained(quota, weights, error, words):
    for index in (banzhaf_index, shapley_shubik_index):
        with pytest.raises(error, match=re.escape(words)):
            index(quota, weights)


def test_winning_checks_its_members():
    assert winning(4, [3, 2, 1], [0, 2]) and not winning(4, [3, 2, 1], [1, 2])
    with pytest.raises(ValueError, match="3 is not a member's position"):
        winning(4, [3, 2, 1], [3])


# --- patience and outside options -----------------------------------------------------------


def test_rubinstein_first_proposer_share():
    """Rubinstein (1982): (1 - d2) / (1 - d1 d2); equal patience gives 1 / (1 + d)."""
    assert rubinstein_share(F(1, 2), F(1, 2)) == F(2, 3)
    assert rubinstein_share(F(9, 10), F(1, 2)) == F(1, 2) / (1 - F(9, 20))
    assert math.isclose(rubinstein_share(0.9, 0.9), 1 / 1.9)
    assert type(rubinstein_share(0.5, F(1, 2))) is float


def test_the_patient_side_gets_more():
    impatient_supplier, patient_buyer = F(1, 2), F(9, 10)
    assert rubinstein_share(patient_buyer, impatient_supplier) > F(1, 2)
    assert 1 - rubinstein_share(patient_buyer, impatient_supplier) < F(1, 10) + F(1, 2)
    # as both become patient, the first mover's edge disappears
    assert math.isclose(rubinstein_share(0.9999, 0.9999), 0.5, abs_tol=1e-4)


def test_deal_me_out():
    """An outside option below what you would get anyway changes nothing; above, it is all
    you get (not half the difference on top of it)."""
    d = F(9, 10)
    assert outside_option_share(d, F(1, 4)) == d / (1 + d) == F(9, 19)
    assert outside_option_share(d, F(3, 5)) == F(3, 5)
    assert split_the_difference_share(F(3, 5)) == F(4, 5)
    assert outside_option_share(d, 0) == F(9, 19)
    assert math.isclose(outside_option_share(0.9, 0.25), 9 / 19)


def test_bargaining_split_with_two_discount_factors_and_an_outside_option():
    assert bargaining_split(F(1, 2), F(1, 2)) == (F(2, 3), F(1, 3))
    d1, d2 = F(4, 5), F(1, 2)
    rubinstein = (1 - rubinstein_share(d1, d2), rubinstein_share(d1, d2))
    assert bargaining_split(d1, d2, F(1, 10))[::-1] == rubinstein
    assert bargaining_split(d1, d2, F(1, 2)) == (F(1, 2), F(1, 2))
    d = F(3, 4)
    assert bargaining_split(d, d, F(1, 5))[1] == outside_option_share(d, F(1, 5))


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (lambda: rubinstein_share(1, 0.5), ValueError, "delta_1 must be strictly between 0 and 1"),
        (lambda: rubinstein_share(0.5, 0), ValueError, "delta_2 must be strictly between 0 and 1"),
        (lambda: rubinstein_share("0.5", 0.5), TypeError, "delta_1 must be a number"),
        (
            lambda: outside_option_share(0.9, 1.5),
            ValueError,
            "outside_option must be between 0 and 1",
        ),
        (lambda: outside_option_share(0.9, -0.1), ValueError, "got -0.1"),
        (lambda: outside_option_share(1.2, 0.1), ValueError, "delta must be strictly between"),
        (lambda: bargaining_split(0.5, 0.5, None), TypeError, "outside_option must be a number"),
        (lambda: worth_today(0.5, 0.9, -1), ValueError, "rounds_of_delay must be 0 or more"),
        (lambda: worth_today(0.5, 0.9, 1.5), TypeError, "whole number"),
    ],
)
def test_bad_bargaining_inputs_are_explained(call, error, words):
    with pytest.raises(error, match=re.escape(words)):
        call()


def test_worth_today_discounts_each_round():
    assert worth_today(F(1, 2), F(9, 10), 2) == F(81, 200)
    assert worth_today(0.5, 0.9, 0) == 0.5


def test_the_computer_accepts_its_equilibrium_share_and_counters_below_it():
    d_you, d_computer = F(9, 10), F(9, 10)
    yours, theirs = bargaining_split(d_you, d_computer)
    assert computer_reply(theirs, d_you, d_computer) == ("accept", None)
    verdict, counter = computer_reply(theirs - F(1, 100), d_you, d_computer)
    assert verdict == "counter"
    assert counter == d_you * yours  # exactly what waiting for your next turn is worth to you


def test_the_computer_walks_away_when_its_outside_option_beats_waiting():
    assert computer_reply(F(1, 2), F(9, 10), F(9, 10), F(3, 5)) == ("walk away", None)
    assert computer_reply(F(3, 5), F(9, 10), F(9, 10), F(3, 5)) == ("accept", None)
    # a small outside option does not make it walk: it counters as without one
    assert computer_reply(F(1, 5), F(9, 10), F(9, 10), F(1, 10))[0] == "counter"
