"""course.models.power: CONTENT.md's worked examples, published voting-power results, the
dynamic programme against brute force, and bad input."""

import math
import random
import re
from fractions import Fraction as F
from itertools import combinations, permutations
from pathlib import Path

import pytest

import course
import course.scenarios.power as _P
from course.models.power import (
    banzhaf_index,
    bargaining_split,
    blocking_coalition,
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
from course.scenarios.power import (
    _POWER_FACTS,
    _RIG_TEXTS,
    kestrel_shapley,
    rig_kind,
)
from tests.notebooks import solution_namespace


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


def _keyed(kind):
    """(base, who depends on whom, other bases accepted) of question 1's fact ``kind``, from
    the grader's keys, where its labels are (review 72)."""
    from course.grader_keys import own_case_labels

    return own_case_labels("03_power", "facts")[_P._POWER_FACTS[kind][2]]


def test_the_glove_game_gives_the_scarce_side_two_thirds():
    """CONTENT.md: one left glove, two right gloves -> 2/3, 1/6, 1/6, exactly."""
    values = shapley_values(["L", "R1", "R2"], game(["L", "R1", "R2"], gloves))
    assert values == {"L": F(2, 3), "R1": F(1, 6), "R2": F(1, 6)}
    assert all(isinstance(v, F) for v in values.values())


def licence_market(v1, v2):
    """A seller S with no use for the item, a keen buyer B1 (value v1), a rival B2 (v2)."""

    def worth(c):
        return max([v for b, v in (("B1", v1), ("B2", v2)) if b in c], default=0) * ("S" in c)

    return game(["S", "B1", "B2"], worth)


def test_a_seller_and_two_buyers_shapley_gives_the_rival_a_sixth_of_its_value():
    """Notebook section 2: the seller gets (3 v1 + v2)/6, the keen buyer (3 v1 - 2 v2)/6,
    the rival v2/6; a unit more from the rival moves the seller's value by a sixth."""
    values = shapley_values(["S", "B1", "B2"], licence_market(100, 40))
    assert values == {"S": F(340, 6), "B1": F(220, 6), "B2": F(40, 6)}
    more = shapley_values(["S", "B1", "B2"], licence_market(100, 80))
    assert more["S"] - values["S"] == F(40, 6)


def test_the_notebooks_worked_licence_numbers():
    """v1 = 105,000 and v2 = 70,000: Shapley 64,167 for the seller and 11,667 for the rival;
    the core's prices run from 70,000 to 105,000; the Nash split is 87,500."""
    market = licence_market(105_000, 70_000)
    values = shapley_values(["S", "B1", "B2"], market)
    assert (round(values["S"]), round(values["B2"])) == (64_167, 11_667)
    for price in (70_000, 87_500, 105_000):  # the floor, the Nash split, the ceiling
        division = {"S": price, "B1": 105_000 - price, "B2": 0}
        assert blocking_coalition(["S", "B1", "B2"], market, division) is None
    below = {"S": 69_999, "B1": 35_001, "B2": 0}
    assert blocking_coalition(["S", "B1", "B2"], market, below) == (frozenset({"S", "B2"}), 1)
    above = {"S": 105_001, "B1": -1, "B2": 0}
    assert blocking_coalition(["S", "B1", "B2"], market, above) == (frozenset({"B1"}), 1)
    assert (105_000 + 70_000) / 2 == 87_500
    # section 5's rule, as section 2 quotes it: max(v1 / 2, v2) = 70,000, the rival binding
    patient = F(99999, 100000)
    seller = bargaining_split(patient, patient, F(70_000, 105_000))[1] * 105_000
    assert seller == 70_000 == max(105_000 / 2, 70_000)


def test_a_game_with_an_empty_core_blocks_every_division():
    """Section 2: any two of three players earn 1, all three earn 1; some pair blocks every
    division, the Shapley division of 1/3 each included (the explorer's task 4)."""
    players = ["A", "B", "C"]
    game = {frozenset(c): (1 if len(c) >= 2 else 0) for c in _all_coalitions(players)}
    values = shapley_values(players, game)
    assert values == dict.fromkeys(players, F(1, 3))
    assert blocking_coalition(players, game, values)[1] == F(1, 3)
    for a in range(0, 11):
        for b in range(0, 11 - a):
            division = {"A": F(a, 10), "B": F(b, 10), "C": F(10 - a - b, 10)}
            assert blocking_coalition(players, game, division) is not None


def _all_coalitions(players):
    found = [()]
    for player in players:
        found += [(*c, player) for c in found]
    return [c for c in found if c]


def test_the_shapley_division_is_never_in_the_core_of_the_licence_market():
    """It pays the rival v2/6 > 0, so the seller and the keen buyer always do better alone;
    and it gives the seller less than the rival alone would pay exactly when v2 > 0.6 v1."""
    for v1 in range(60, 121, 5):
        for v2 in range(5, v1, 5):
            market = licence_market(v1, v2)
            values = shapley_values(["S", "B1", "B2"], market)
            group, shortfall = blocking_coalition(["S", "B1", "B2"], market, values)
            assert group == frozenset({"S", "B1"}) and shortfall == F(v2, 6)
            assert (values["S"] < v2) == (v2 > F(3, 5) * v1)


def test_in_the_core_a_rival_raises_the_floor_unit_for_unit():
    """The lowest price in the core is the rival's value: one more unit from the rival,
    one more unit of floor (a sixth, in the Shapley value)."""

    def floor(v1, v2):
        market = licence_market(v1, v2)
        return min(
            p
            for p in range(v1 + 1)
            if blocking_coalition(["S", "B1", "B2"], market, {"S": p, "B1": v1 - p, "B2": 0})
            is None
        )

    assert floor(100, 40) == 40 and floor(100, 41) == 41 and floor(100, 0) == 0


def test_with_several_rivals_the_floor_is_the_best_rivals_value():
    """Notebook section 2: with rivals valuing the item at 40 and 70 (the keen buyer 100),
    the lowest price in the core is 70, the second-highest value."""
    players = ["S", "B1", "B2", "B3"]
    values = {"B1": 100, "B2": 40, "B3": 70}

    def worth(c):
        return max([values[b] for b in c if b in values], default=0) * ("S" in c)

    market = game(players, worth)
    in_core = [
        p
        for p in range(101)
        if blocking_coalition(players, market, {"S": p, "B1": 100 - p, "B2": 0, "B3": 0}) is None
    ]
    assert (min(in_core), max(in_core)) == (70, 100)


def test_the_glove_games_core_gives_everything_to_the_scarce_glove():
    players = ["L", "R1", "R2"]
    gloves_game = game(players, gloves)
    assert blocking_coalition(players, gloves_game, {"L": 1, "R1": 0, "R2": 0}) is None
    for e in (F(1, 100), F(1, 6), F(1, 3)):
        division = {"L": 1 - 2 * e, "R1": e, "R2": e}
        assert blocking_coalition(players, gloves_game, division) == (frozenset({"L", "R1"}), e)


def test_blocking_coalition_takes_floats_within_rounding():
    values = shapley_values(["x", "y", "z"], lambda c: 0.1 * len(c) ** 2)
    assert blocking_coalition(["x", "y", "z"], lambda c: 0.1 * len(c) ** 2, values) is None


@pytest.mark.parametrize(
    ("allocation", "error", "words"),
    [
        ({"L": 1, "R1": 0}, ValueError, "missing: 'R2'"),
        ({"L": 1, "R1": 0, "R2": 0, "Q": 0}, ValueError, "not players: 'Q'"),
        (
            {"L": 1, "R1": 1, "R2": 0},
            ValueError,
            "the amounts add up to 2, but everyone together earns 1",
        ),
        ([1, 0, 0], TypeError, "allocation must map each player to an amount"),
        ({"L": "1", "R1": 0, "R2": 0}, TypeError, "'L''s amount must be a number"),
    ],
)
def test_bad_allocations_are_explained(allocation, error, words):
    with pytest.raises(error, match=re.escape(words)):
        blocking_coalition(["L", "R1", "R2"], game(["L", "R1", "R2"], gloves), allocation)


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


@pytest.mark.parametrize("seed", range(10))
def test_whole_votes_take_a_shortcut_that_changes_nothing(seed):
    rng = random.Random(seed)
    weights = [rng.randint(1, 12) for _ in range(rng.randint(1, 8))]
    quota = rng.randint(1, sum(weights))
    as_fractions = (F(quota), [F(w) for w in weights])
    assert banzhaf_index(quota, weights) == banzhaf_index(*as_fractions)
    assert shapley_shubik_index(quota, weights) == shapley_shubik_index(*as_fractions)


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


def test_your_share_rises_with_your_patience_and_falls_with_theirs():
    """Notebook section 4: the rule is about each side's own delta, not 'the more patient
    side gets more': with close deltas, moving first can outweigh a small patience edge."""
    deltas = [F(n, 20) for n in range(1, 20)]
    for d1 in deltas:
        shares = [rubinstein_share(d1, d2) for d2 in deltas]
        assert shares == sorted(shares, reverse=True)  # falls with the responder's delta
    for d2 in deltas:
        shares = [rubinstein_share(d1, d2) for d1 in deltas]
        assert shares == sorted(shares)  # rises with the proposer's own delta
    # the less patient proposer still gets more: 0.49 / 0.745, about 0.658
    assert round(rubinstein_share(0.5, 0.51), 3) == 0.658
    impatient_supplier, patient_buyer = F(1, 2), F(9, 10)
    assert rubinstein_share(patient_buyer, impatient_supplier) > F(1, 2)
    # as both become patient, the first mover's edge disappears
    assert math.isclose(rubinstein_share(0.9999, 0.9999), 0.5, abs_tol=1e-4)


def test_deal_me_out():
    """An outside option below what you would get anyway changes nothing; above, it is all
    you get (not half the difference on top of it)."""
    d = F(9, 10)
    assert outside_option_share(d, F(1, 4)) == d / (1 + d) == F(9, 19)
    assert outside_option_share(d, F(3, 5)) == F(3, 5)
    assert split_the_difference_share(F(3, 5)) == F(4, 5)
    # the notebook's table: deal-me-out 0.474, 0.474, 0.600 against 0.55, 0.65, 0.80
    for b, dmo, std in ((F(1, 10), F(9, 19), F(11, 20)), (F(3, 10), F(9, 19), F(13, 20))):
        assert bargaining_split(d, d, b)[1] == dmo and split_the_difference_share(b) == std
    assert outside_option_share(d, 0) == F(9, 19)
    assert math.isclose(outside_option_share(0.9, 0.25), 9 / 19)


def test_moving_first_pays_with_equal_patience():
    """Notebook section 4: with equal discount factors the first proposer gets 1/(1+d) > 1/2."""
    for d in (F(1, 2), F(9, 10), F(99, 100)):
        assert rubinstein_share(d, d) == 1 / (1 + d) > F(1, 2)
    # the notebook's example: (0.9, 0.9) -> 0.53 / 0.47; (0.6, 0.95) -> 0.12; (0.95, 0.6) -> 0.93;
    # (0.5, 0.51) -> 0.66, the less patient proposer still ahead
    pairs = ((0.9, 0.9), (0.6, 0.95), (0.95, 0.6), (0.5, 0.51))
    assert [round(rubinstein_share(*d), 2) for d in pairs] == [0.53, 0.12, 0.93, 0.66]
    # section 5's asymmetric example: proposer 0.95, responder 0.9 -> 0.690 / 0.310
    assert [round(x, 3) for x in bargaining_split(0.95, 0.9)] == [0.69, 0.31]


def test_the_licence_as_bargaining_with_an_outside_option_never_goes_below_the_floor():
    """Notebook section 5: bargaining with the keen buyer, the rival's value as an outside
    option, both patient: the seller gets max(v1/2, v2), as a share of v1."""
    patient = F(9999, 10000)
    for v1, v2 in ((100, 30), (100, 70)):
        seller = bargaining_split(patient, patient, F(v2, v1))[1] * v1
        assert math.isclose(seller, max(v1 / 2, v2), rel_tol=1e-3) and seller >= v2


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


# --- what the notebook and the story say (the professor's review, findings 1 and 3-6, 11-15) ---

NOTEBOOK = (Path(__file__).resolve().parents[1] / "source" / "03_power" / "power.py").read_text()


def _prose(text):
    """The notebook's markdown as one line of words: the leading "# " and line breaks gone."""
    return " ".join(line.lstrip("#").strip() for line in text.splitlines())


PROSE = _prose(NOTEBOOK)
STORY_LEARNERS = [f"story-{i}" for i in range(300)]


def _drawn_scenarios():
    import course

    return [course.variant("03_power", learner) for learner in STORY_LEARNERS]


def test_borealis_has_committed_to_pay_its_value_so_a_threat_at_it_is_one_kestrel_carries_out():
    """The threat at Borealis's value is graded legitimate: the story must say Borealis would
    really pay that much, not only that it has named no price of its own."""
    for s in _drawn_scenarios()[:20]:
        story = s.story()
        # a firm offer of its value, not a promise to pay whatever Kestrel asks up to it, a
        # buyer giving up all its gain (review 2, finding 25); Atlas has a copy, so Atlas's
        # Shapley proposal can be computed without Kestrel revealing Borealis's value (2)
        assert "made Kestrel a firm written offer for the licence" in story
        # review 99, U2 (round 100): the per-month pricing is in the note
        assert f"{s.borealis_value:,.0f} signed today, and Borealis will go no higher" in story
        assert "at any price up to" not in story
        assert "so Atlas knows both values" in story


def test_an_invented_bid_is_corvids_which_atlas_cannot_check_and_below_atlass_value():
    """Review 3, E9: Atlas holds a copy of Borealis's offer, so a false Borealis figure
    deceived nobody, and 28 of 103 such figures were above Atlas's own value. The invented
    bid is Corvid's, which has made no offer, and it asks for something Atlas could pay."""
    from course.scenarios.power import _TACTICS

    assert "borealis_bid" not in _TACTICS
    seen = 0
    for s in _drawn_scenarios():
        assert "Corvid**, which has made no offer yet" in s.story()
        for t in s.tactics:
            if _P.tactic_kind(t) == "corvid_bid":
                seen += 1
                assert max(s.borealis_value, _P.atlas_proposal(s)) < t.amount < s.atlas_value
                assert "Corvid has already made us a firm offer" in t.text
    assert seen > 30


def test_a_threat_kestrel_would_not_carry_out_accepts_bluff_and_misrepresentation():
    """Modules 00 and 03 say a false intention can be a false fact: both labels pass."""
    from course.scenarios.power import tactic_label, tactic_labels

    seen = set()
    for s in _drawn_scenarios():
        for t in s.tactics:
            labels = tactic_labels(s, t)
            assert tactic_label(s, t) == labels[0]
            if _P.tactic_kind(t) == "borealis_threat":
                seen.add(labels)
                bluffed = t.amount > s.borealis_value
                assert labels == (("bluff", "misrepresentation") if bluffed else ("legitimate",))
            else:
                assert len(labels) == 1
    assert seen == {("bluff", "misrepresentation"), ("legitimate",)}


def test_question_6a_defines_a_bluff_as_module_00_does():
    assert "a claim about Kestrel's own reservation price or intentions" not in PROSE
    # review 78, C2 and U1 (round 79): question 9a names module 00's bluff and points to
    # section 7 rather than defining the four labels again
    assert (
        '`"bluff"` (a false claim about its reservation price or valuation, or a demand it '
        "would not carry out)" in " ".join(PROSE.split())  # review 98 U1
    )
    assert 'either `"bluff"` or `"misrepresentation"` counts as right' in " ".join(PROSE.split())


def test_licence_offers_are_quick_so_the_loan_moves_only_the_granite_deal():
    """max(v1/2, v2) needs an even split at the table; with short rounds that holds only
    when both sides lose value at the same rate (review, finding 1), so the notebook and the
    story state that assumption, with its reason, and Q5 rests on it."""
    story = _drawn_scenarios()[0].story()
    assert "Offers for the licence go back and forth within days" in PROSE
    assert "Offers for the licence go back and forth within days" in story
    assert "whatever Kestrel's cash position" not in PROSE
    assert "whatever Kestrel's monthly cash" not in PROSE
    assert "the loan changes nothing there" not in PROSE
    # review 99, U2 (round 100): the equal rates of loss in one line of the story
    assert "A day's delay costs Kestrel and Atlas the same small share" in story
    # review 3, E1: a cash-short seller paid the day it signs loses at its overdraft rate;
    # the buyer now pays on a fixed date, so the overdraft plays no part in the licence talks
    assert "selling the licence a few days sooner or later does not change that" not in story
    assert "the buyer pays on one fixed date" in story
    assert "its overdraft (part 4) plays no part in these talks" in story
    assert "the first day of next quarter" in story
    # review 62, U1: why the rates are equal is told once, in the story, not again in a note
    assert "so signing sooner brings Kestrel no cash sooner" in " ".join(story.split())
    assert "the loan cuts what keeping the idle team costs" not in PROSE
    # review 83, U1 (round 84): question 8 no longer repeats the story's fixed date; the
    # story says it (above), and question 8 measures the licence by max(v1/2, v2)
    assert "the ratio of the two sides' costs of delay sets the split" in PROSE


def short_round_split(monthly_1, monthly_2, rounds_per_month=30):
    """Side 1's Rubinstein share when each round lasts 1 / ``rounds_per_month`` of a month
    and side i keeps ``monthly_i`` of a deal's worth per month (whoever proposes first)."""
    d1 = monthly_1 ** (1 / rounds_per_month)
    d2 = monthly_2 ** (1 / rounds_per_month)
    return rubinstein_share(d1, d2), 1 - rubinstein_share(d2, d1)


def test_short_rounds_remove_the_first_movers_edge_but_not_patiences():
    """The notebook's short-round claims (review, finding 1): with rounds of a day the split
    tends to r2 / (r1 + r2), r = -ln(monthly delta) (Binmore, Rubinstein & Wolinsky 1986):
    Kestrel at 0.90 a month against Atlas at 0.97 gets about 22%, not half; a side losing
    value three times as fast gets about a quarter; equal rates give half."""
    r1, r2 = -math.log(0.90), -math.log(0.97)
    for share in short_round_split(0.90, 0.97, 3_000):
        assert share == pytest.approx(r2 / (r1 + r2), abs=1e-3)
    for share in short_round_split(0.90, 0.97):
        assert round(share, 2) == 0.22
        assert "0.90 a month, facing one at 0.97 a month, gets about 22%" in PROSE
        assert r"write its **rate of loss** as $r = -\ln \delta$" in PROSE
        assert "the natural" in PROSE  # review 3, unclear 3: ln is named
    three_times = math.exp(3 * math.log(0.97))
    for share in short_round_split(three_times, 0.97, 3_000):
        assert share == pytest.approx(0.25, abs=1e-3)
    # review 4, unclear 4: the parenthetical case at three times the rate left the crowded
    # licence paragraph; the paragraph names the ratio and points to section 4's exercise
    assert "at three times Atlas's rate, its share at the table would tend" not in PROSE
    # session 56, W3: section 5 says only "below a half"; question 6 works the share out
    # from section 4's short-rounds rule
    # review 64, U2: the licence application is short; the table says it
    # review 67, U2: the table is now two sentences
    # review 91, U2: section 5 says question 6's what-if in one sentence
    assert "a day's delay also costs Kestrel overdraft interest, so its share at the table " in (
        " ".join(PROSE.split())
    )
    assert "falls below a half" in PROSE
    assert "unless Borealis's value is higher, in which case" not in PROSE
    for share in short_round_split(0.9, 0.9, 3_000):
        assert share == pytest.approx(0.5, abs=1e-3)


def test_an_outside_option_is_taken_only_on_turning_down_a_proposal():
    """Deal-me-out needs the option to be taken only when rejecting the other side's
    proposal (Shaked 1994; review, finding 2): every walk-out text and the Borealis story
    say so, and none says Kestrel can leave at any moment it likes."""
    from course.scenarios.power import _RIG_TEXTS

    for text in _RIG_TEXTS["outside option"]:
        assert re.search(
            r"turns down a proposal|refuses one of|a proposal .* that it rejects", text
        )
    for s in _drawn_scenarios()[:20]:
        story = s.story()
        assert "only at the moment it turns down a proposal from Atlas" in story
        assert "whenever it answers a proposal" in story  # Harrow
        for said in ("on any day it stops talking", "whenever Kestrel asks"):
            assert said not in story
    assert "at a moment you choose" not in PROSE and "Borealis is ready whenever" not in PROSE
    # review 65, U2: said where the rule is, as the condition it holds under
    assert (  # review 79, U1 (round 80): in the recap's definition; review 83, U2: not circular
        "An **outside option** is one you can take only at the moment you turn down the other "
        "side's proposal"
    ) in " ".join(PROSE.split())
    # review 76, U2: Shaked's leaving-when-refused model, which no question uses, is cut
    assert "Opting Out" not in PROSE


def test_no_single_word_tells_the_rigs_two_kinds_apart():
    """Question 3 asks who can end the talks (review, finding 10: both walk-out texts said
    'walk', neither breakdown text did): no word is in every text of one kind and in none of
    the other, and 'walk' is in none."""
    from course.scenarios.power import _RIG_TEXTS

    def words(text):
        return set(re.findall(r"[a-z']+", text.lower()))

    kinds = list(_RIG_TEXTS.values())
    for these, those in (kinds, kinds[::-1]):
        common = set.intersection(*(words(text) for text in these))
        assert not {w for w in common if not any(w in words(text) for text in those)}
    assert not any("walk" in text for texts in kinds for text in texts)


def test_the_rigs_cost_of_waiting_is_a_share_not_a_fixed_sum():
    """Section 4 says a fixed sum per round is another game (review, finding 14)."""
    from course.scenarios.power import _RIG_TEXTS

    for text in _RIG_TEXTS["outside option"]:
        assert "Each week of talks costs" not in text
    # seventh review, W5: question 5 says it once for both versions, not the versions
    assert "a day's delay costs each side the same small share (small, but more than nothing)" in (
        PROSE
    )


def test_the_citations_the_fixed_cost_warning_the_timing_and_the_acceptance_figures():
    """Findings 7, 11, 12, 13, 17 and 19, as the notebook now says them."""
    assert "resource-dependence view that Emerson made precise" not in PROSE  # 11
    assert "foundation of resource-dependence theory (Pfeffer & Salancik" in PROSE  # review 78
    # 12; a fresh review, C1: the fixed-cost corner is now a general warning
    assert "Where the side that loses more each round loses a fixed bill" in PROSE
    assert "outside = bargaining_split(0.99, 0.99, b)[1]" in NOTEBOOK  # 13: short rounds
    assert "It takes about three hours" not in PROSE  # 17
    assert "It takes 8 to 10 hours for most learners" in PROSE  # review 58, U1
    assert "it accepts 47.4% (0.9/1.9) or more" not in PROSE  # 19
    assert "the lowest offer it accepts is 0.48 (48%)" in PROSE  # seventh review, U6
    # review 4, E2: Borealis's offer is put forward as a standard Atlas can check, not as news
    # (review 65, X1: with Atlas's own yardstick where Atlas's round figure falls short of it)
    assert "Put the highest figure you can stand on forward as the standard" in PROSE  # 7
    # review 76, E2: the rival's offer is an alternative, not a standard (review 81, C1)
    assert "it is Kestrel's alternative" in " ".join(PROSE.split())


def test_keeping_quiet_about_a_weak_harrow_is_explained_truthfully():
    """With Granite knowing both discount factors, a weak Harrow shows nothing new."""
    assert "would only show Granite a walk-away point" not in PROSE
    assert "Revealing it shows a walk-away point below what they expected to pay" not in PROSE
    # finding 21: "it" named it; review 106, C3 (round 107): "any other" than a binding one
    assert "Mentioning any other gains nothing" in PROSE
    # review 59, E2: the reason is anchoring, not module 01's take-it-or-leave-it result,
    # which needs a commitment the month-apart alternating offers lack
    # review 73, U6: module 04 comes later, so the text says it returns to anchors
    assert (
        "can anchor their estimate of your share low (module 01, section 5; module 04 returns to"
        in " ".join(PROSE.split())
    )
    assert "though section 5's model says it should not" in PROSE


def test_question_7s_walk_away_rests_on_a_granite_that_knows_harrows_offer():
    """Question 7's key walks away to Harrow for about half the learners, which section 5's
    models ground on Granite knowing Harrow's offer, and section 7 says to tell the other
    side of an alternative it has not seen before anything else. The story now has Harrow
    tell Granite of its offer before Granite proposes, so the premise is true of question
    7's moment; question 9a's statements are said before that, when Granite had not seen
    it and would rely on Kestrel's figure."""
    assert "In the story Granite has not seen Harrow's offer" not in PROSE
    assert "they assume Granite knows Harrow's offer" not in PROSE
    seven = _section(PROSE, "### Question 7", "def granite_reply")
    assert "Harrow told Granite of its offer before Granite proposed" in seven
    nine_a = _section(PROSE, "### Question 9", "def rate_tactics")
    # review 77, U3: the story's table says what Granite knows then; no second telling
    # review 90, U3: the clause now says what the table says of that moment
    assert "before question 8's moves; Granite knows only what Kestrel tells it" in nine_a
    assert "At that moment Granite had not seen Harrow's offer" not in nine_a
    assert "| today, before Harrow tells Granite | only what Kestrel tells it | 9a |" in (
        course.variant("03_power", "u3").story()
    )
    # review 61, C2; review 75, U6; review 87, C1: naming Harrow is question 9's part b
    # (tests/test_power_review87.py)
    assert "Kestrel meets Granite again next week" not in PROSE
    assert "A year later Kestrel negotiates with Granite" in PROSE  # seventh review, C1


def test_rubinsteins_fixed_cost_case_is_stated_as_a_corner_not_a_rough_fit():
    assert "fits it only roughly" not in PROSE
    assert "solved it too: there the answer is a corner" in PROSE
    assert "the discount-factor model is too kind to it" in PROSE  # a fresh review, C1


def test_the_breakdown_result_names_its_limit_condition():
    assert "offers follow each other quickly" in PROSE


def test_duration_attribution_and_interests():
    assert "8 to 10 hours for most learners" in PROSE  # session 56, U4; review 58, U1
    assert "one more base usually decides most" not in PROSE
    # review 102, U4: "That grouping is the course's" cut as an engineering note; the
    # sentence before it still says the grouping is this course's
    assert "This course groups those two with scarcity under one base" in PROSE
    assert "Fisher and Ury, *Getting to Yes*, 1981: focus on interests, not positions" in PROSE


def test_question_2_grades_the_reply_to_atlas():
    """Review, finding 6: the counter-offer was ungraded, and its text said a proposal above
    the floor may be worth countering 'since section 5 predicts where the price should land',
    though whenever the Shapley value beats Borealis it is above section 5's prediction
    (v1/2 + v2/6 > max(v1/2, v2) when it is at least v2): the reply is now graded."""
    assert "may still be worth countering, since section 5 predicts" not in PROSE
    assert "### Question 4 (1 mark): your reply to Atlas" in PROSE
    for s in _drawn_scenarios():
        v1, v2 = s.atlas_value, s.borealis_value
        shapley = (3 * v1 + v2) / 6
        if shapley >= v2:
            assert shapley > max(v1 / 2, v2)


def test_question_2_asks_for_the_reservation_price_not_the_lowest_acceptable_proposal():
    """Question 7 teaches that an equilibrium responder turns down proposals below its
    share, so 'the lowest price Kestrel should accept' would be max(v1/2, v2), marked wrong
    by a check that wants v2 (professor's review 2, finding 3). The question asks for the
    reservation price, the bottom of the core, and says why that is not the same thing."""
    assert "the lowest price Kestrel should accept" not in PROSE
    # review 61, X1: the part is now a verdict against that price, not the price itself;
    # review 70, X3: the question states the goal (what Kestrel could do without Atlas,
    # not where bargaining ends), and the hint names the reservation price
    assert "as well for Kestrel as it could do without Atlas" in " ".join(PROSE.split())
    from course.checks.power import OWN_CASE_HINTS

    assert "against its reservation price" in OWN_CASE_HINTS["licence_floor"]
    # review 3, E2: the old sentence was false whenever Borealis binds (61% of draws)
    assert "It is not the lowest proposal Kestrel should accept at the table" not in PROSE
    # review 4, E6: the reservation price is the least Kestrel could accept, a limit, not a
    # target; Kestrel holds out above it (module 02 makes 'walk-away point' a synonym, so
    # the word stays and the text says what it is not)
    assert "It need not be the lowest proposal Kestrel should accept at the table" not in PROSE
    # a fresh review (A-), W1: the definition no longer names Borealis, which made the
    # part a transcription; it stays module 02's 'least Kestrel could accept'
    # review 58, C1: section 2 defines it once ("the least the seller could accept"), and
    # question 2 uses the name only
    assert "the least the seller could accept" in PROSE
    assert "It is a limit, not a target" in PROSE
    assert "turns down anything below that half" not in PROSE
    # sixth review, U1: the share at the table is section 5's, not the floor's
    # review 61, X1: the part is a verdict; no forecast of the bargain enters it
    assert "how much more Kestrel may hold out for" not in PROSE


def test_each_story_fact_fits_what_the_model_assumes_of_it():
    """Professor's review 2: Corvid counts as a binding rival only with a commitment as
    Borealis's (9); no fact gives Granite a seasonal deadline while the model calls it the
    patient side (10); no fact makes a role held for others Kestrel's own power, and
    section 7 says so (11); the rig talks count delay in days, as their offers come within
    a day (23); the inventor's process is not yet applied by Atlas (26); question 8 says it
    is a what-if before Granite's first proposal (24); question 4 leaves the reason's rule
    to section 7 (7)."""
    from course.scenarios.power import _RIG_TEXTS

    for s in _drawn_scenarios()[:20]:
        story = s.story()
        assert "approached, would make a firm written offer of" in story
        assert "who would pay up to" not in story
    texts = " ".join(text for _, _, text in _POWER_FACTS.values())
    assert "season" not in texts and "countersign" not in texts
    assert "ask her how" not in texts
    for text in (t for kind in _RIG_TEXTS.values() for t in kind):
        assert "week" not in text
    assert "as is raising any say you hold on others' behalf" in PROSE
    assert "This question is a what-if set before Atlas proposes and before Granite's" in PROSE
    assert "A rival is worth naming only when it beats" not in PROSE


def test_the_loan_lever_cuts_the_cost_of_waiting_without_claiming_to_pay_wages():
    """Second review, finding 8: the loan was said to 'pay the idle team' for 'a few hundred a
    month' of interest, yet raised Kestrel's discount factor by 0.02-0.06, a cut in the
    monthly cost of delay of thousands (learner-1: 20,800 to 14,400 on a 160,000 margin). A
    loan only finances wages; what it can remove is the overdraft's penalty costs and the risk
    of losing the team, which is what the story and section 6 now say."""
    for s in _drawn_scenarios()[:20]:
        story = s.story()
        assert "pays the idle team" not in story and "a few hundred a month" not in story
        # review 92, E1: the cost of delay is a share of each side's own part: the loan lowers the rate on the margin Kestrel waits for
        assert "but the rest now waits at the loan's lower rate" in story
    assert "small enough to leave out" not in PROSE
    assert "so waiting for its margin costs Kestrel less" in PROSE


def test_section_2_labels_what_it_borrows_from_section_5():
    """Section 2 states section 5's price rule before section 5 teaches it; it says so
    (professor's review 2, finding 19), and a phrase that echoed the reference is gone (27;
    section 6's opening words stay, as the course map quotes them)."""
    # review 3, unclear 1: the preview is one sentence, its terms left to section 5; review
    # 99, U1 (round 100): the preview gave section 5's result and reason before its terms,
    # so section 2 now only points to section 5, which derives the rule and the number
    two = " ".join(_section(PROSE, "**A licence and two buyers.**", "### Exercise: the").split())
    assert "section 5 shows where." in two and "max(v_1/2" not in two
    assert "take that on trust" not in PROSE
    assert "walk out on the keen buyer, and an alternative reached that way" not in PROSE
    assert "leave the door open" not in PROSE


def test_the_time_is_stated_beside_the_courses_other_modules():
    """Module 03 has the most text of the course and ten coded answers; it said four and a
    half to five hours in two sittings, against five to seven for modules 02 and 04, and
    ran the time and the instructions together in one line."""
    assert "four and a half to five hours" not in PROSE
    flat = " ".join(PROSE.split())  # review 72, U2: the sittings add up to 8 to 10 hours
    assert "best in three sittings: sections 1 to 3 (three to four hours)" in flat
    assert "sections 4 and 5 (three to four hours), then sections 6 to 8 (about two" in flat
    assert "# Run the cells from top to bottom." in NOTEBOOK


def test_question_4s_reply_is_no_committed_last_word_so_section_5s_model_applies():
    """A committed take-it-or-leave-it offer under full information takes nearly all the
    gain (section 7, module 01), so question 4 may not make Kestrel's counter a last word
    while it grades section 5's price: it says why Kestrel cannot commit (a refusal does not
    end the talks; Atlas can answer) and that section 5's model, without commitment,
    applies. The reason follows section 5's timing: an outside option is taken only when
    turning down the other side's proposal."""
    text = " ".join(PROSE.split())
    assert "Kestrel's last word, not the start of a haggle" not in text
    assert "Kestrel leaves and takes its best alternative at once" not in text
    four = " ".join(_section(PROSE, "### Question 4", "def licence_reply").split())
    # review 58, U1: shortened, the same reasons; review 76, U3: plainer; review 78, U1
    # (round 79): one sentence, and section 5 says Kestrel must turn Atlas down to sell
    assert "by it, Atlas can refuse any ask above that price" in four  # review 79, C2
    licence = " ".join(_section(PROSE, "The licence of section 2", "In the library").split())
    assert "to sell to Borealis, Kestrel must turn down a proposal from Atlas" in licence
    assert "only at the moment you turn down the other side's proposal" in text


def test_the_reason_says_what_kestrel_stresses_when_it_takes_the_proposal():
    """Where Kestrel simply accepts, 'what Kestrel puts forward' sent learners looking for
    an argument none is needed for; the text says what the reason is then."""
    four = " ".join(_section(PROSE, "### Question 4", "def licence_reply").split())
    # session 56, C3: accepting needs no argument, so the text no longer asks for "what
    # Kestrel puts forward as it accepts"; on accepting, the reason graded is one that does
    # not point Atlas to a lower figure (any but "rival": ``reply_reasons``)
    assert "what Kestrel puts forward as it accepts" not in four
    # review 57, U1: the bullet is two sentences; review 65, X1: it says what the reason is
    # in every case, accepting a figure or refusing, since "yardstick" now carries a figure too
    assert "the ground for more if Kestrel turns Atlas down" not in four
    # review 69, U2: that sentence needed three readings; the rule is now the bullet's last
    # clause, after the three reasons
    assert "which must carry it without pointing Atlas" not in four
    # review 78, X1 (round 79): the rule is no longer given in the question
    assert "the reply must not point Atlas to a figure below the price." not in four


def test_split_the_difference_is_ruled_out_in_this_story_only():
    """Section 2 ruled out splitting the difference before the conditions that make it
    true, and section 5 then names cases where it would fit: the exclusion is for this
    story."""
    text = " ".join(PROSE.split())
    # review 99, U1 (round 100): said in section 5, beside the rule it follows from
    assert "splitting the difference (87,500) is never the price in this story" in text
    # review 78, U1 (round 79): section 5's "This story" bullet is cut; section 5 still
    # derives the breakdown case, the Nash split, where the midpoint would fit
    assert "alternating offers end at the Nash split on the breakdown payoffs" in text


def test_question_4s_counter_at_borealis_is_the_walk_out_question_7_grades():
    """Question 7 grades walking out as the only right reply to a proposal below a binding
    alternative; question 4 asks for a price at Borealis's figure there. The text may not
    call the two 'almost as much' or defend the counter by a reason outside the models
    (keeping Atlas at the table): it says the counter is the real-talks version of question
    7's walk-out, the same money with the door left open, and points to question 7's
    paragraph on real talks, which says the same of a counter at Harrow's figure."""
    assert "a counter at Borealis's figure is worth almost exactly as much" not in PROSE
    assert "it keeps Atlas, the keener buyer, at the table" not in PROSE
    assert "(question 7 grades it so for Granite)" not in PROSE
    text = " ".join(PROSE.split())
    assert (  # session 55, C1: one standard, the model's move; review 58, U1: shorter;
        # review 78, X1 (round 79): said in section 5, of any buyer and rival
        # review 93, U1: the case it covers is named (a proposal below the rival's offer)
        "Where the buyer proposes less than the rival's offer, the model says to sell to the "
        # review 114, E1: not "the same money": naming the figure is outside the model
        "rival; real talks name the rival's figure to the buyer instead, with the door left "
        "open, a move outside the model."
    ) in text
    # review 64, C1: question 4 no longer points ahead to question 7's move
    assert 'question 7\'s `"take Harrow"`' not in text
    # review 61, C2; review 75, U6; review 87, C1: question 7's walk-out is the game's move
    # only (tests/test_power_review87.py)
    for s in _drawn_scenarios():
        v1, v2 = s.atlas_value, s.borealis_value
        if (3 * v1 + v2) / 6 < v2:
            # where question 4 asks for Borealis's figure, Borealis binds (v2 > v1/2) and
            # Atlas, the keener buyer, gains by paying it: the walk-out offered is one Atlas
            # can take
            assert v1 / 2 < v2 < v1


def test_a_threat_is_a_bluff_only_if_you_would_not_carry_it_out():
    """Module 00's reading: a threat you would not carry out is a bluff; one you would carry
    out is a threat, credible or not, and commitment is what makes it credible. Section 7
    called every threat not bound by commitment a bluff, and question 9 every threat."""
    text = " ".join(PROSE.split())
    assert "says (unless you have bound yourself to it) that you will do something" not in text
    assert "is a bluff if you would not carry it out" in text
    # review 76, C2: a true threat gets a verdict, though none of module 00's four labels
    # review 83, U3 (round 84): the commitment comes first, in one sentence
    assert (
        "A threat you have bound yourself to carry out is true, so not a bluff; the course "
        "still advises against it." in text
    )
    assert "A threat (a move Kestrel would rather not make) sits where" not in text
    # review 78, U1 (round 79): question 9a says it in one line, pointing to section 7
    assert "A threat is a bluff if you would not carry it out" in text


def test_delay_costs_a_small_share_not_possibly_nothing_and_influence_is_the_courses_word():
    """'A very small share at most' allowed no cost of delay, where the walk-out version has
    no single split; 'what people usually call influence' passed a convention off as usage."""
    assert "a very small share at most" not in PROSE
    assert "what people usually call" not in PROSE
    # review 70, U2: "personal influence", as LSB and Cialdini use "influence" more widely;
    # review 102, U2: the coined term went (used again only in the summary); what it taught,
    # that the pair works through belief, not a thing that changes hands, stays
    assert "personal influence" not in PROSE
    assert "Expert and referent power work through what others believe about you" in PROSE


def _public(obj):
    return {name for name in dir(obj) if not name.startswith("_")}


def _section(prose, start, end):
    return prose[prose.index(start) : prose.index(end, prose.index(start))]


def test_luxembourgs_null_vote_is_qualified():
    """E3: Luxembourg was a null player only in qualified-majority votes on a Commission
    proposal; elsewhere four members were needed, and unanimity gave it a veto."""
    assert "Luxembourg had a vote and no power at all" not in PROSE
    assert "on a proposal from the Commission, Luxembourg's vote could never change" in PROSE
    assert "at least four members" in PROSE and "veto" in PROSE
    assert "null player or not?" in PROSE


def test_modules_02_and_01_are_described_as_they_are():
    """E4: module 02 states Shaked's timing condition, so this module no longer says it left
    it implicit; contradiction 2: the winner of Shaked's result is named as in his model.
    E5: module 01's claim keeps its condition, a take-it-or-leave-it offer."""
    assert "left this condition implicit" not in PROSE
    # review 83, U2 (round 84): "(module 02's outside option)" defined the term by itself;
    # the paragraph opens with where it comes from (review 90, U4: a sentence, not a fragment)
    assert "We recap and extend module 02's section 7." in PROSE
    # review 76, U2: Shaked's own model is cut (no question uses it); module 02 keeps it
    assert "Opting Out" not in PROSE
    assert "a side that knows your reservation price can take nearly all" not in PROSE
    # review 59, E2: that result needs commitment, which Kestrel's talks lack; not cited here
    assert "can make you a take-it-or-leave-it offer" not in PROSE


def test_the_threat_sentence_knows_atlas_has_borealiss_offer():
    """E9, contradiction 5: Atlas holds a copy of Borealis's offer, so a threat at its value
    reveals nothing, and a weak Borealis is not a secret to keep."""
    assert "it tells Atlas exactly where Kestrel's floor lies" not in PROSE
    # review 4, editor: in module 02's words, selling to Borealis at its value is a warning
    # review 93, U3: the Borealis example of a warning said as a demand was cut, a repeat
    # of section 7's first paragraph (a true warning said as a demand corners the other side)
    assert "said as a demand it still corners the other side" in " ".join(PROSE.split())
    assert "better left unsaid" not in PROSE
    assert "It tells Atlas nothing it does not know" in PROSE


def test_question_9b_sets_the_model_in_which_keeping_quiet_wins():
    """E10: Granite knew both discount factors, so mentioning a weak Harrow tied with
    keeping quiet; the setup now makes Granite unsure and say how it reads a named option."""
    assert "This time Granite knows both discount factors" not in PROSE
    assert "is unsure how patient Kestrel is" in PROSE
    # review 4, W3: the rule itself left the premise; how Granite reads a named option stays
    # review 75, C3: and one it cannot check weighs little (the key's "confirm first")
    assert (
        "heuristic: Granite reads an alternative Kestrel names as a sign of that share, but "
        "gives little weight to one it cannot check." in " ".join(PROSE.split())
    )
    # review 59, E2: and the question says that reading is its assumption, not a model's
    # review 61, U3: said as the reader's assumption, whose it is and what it is not
    # review 78, U1 (round 79): section 7's heuristic, named in three words
    # review 85, X2 (round 86): and the answer is judged by it
    assert "Answers are judged by section 7's heuristic: Granite reads" in " ".join(PROSE.split())
    assert "as in question 9 below, mentioning a weak alternative gains nothing" not in PROSE


def test_a_chair_who_sets_the_agenda_is_where_the_indices_mislead():
    assert "that member has power the indices do not count" in PROSE
    assert "every proposal reaches a vote" in PROSE


def test_the_reference_reply_names_section_5s_price(learner):
    """The reference reply to a proposal below Borealis named (v1 + v2)/2, the figure
    section 5 calls the wrong prediction here; it now names max(v1/2, v2)."""
    reply = solution_namespace("03_power", "power")["licence_reply"]
    seen = 0
    for n in range(40):
        s = course.variant("03_power", f"reply3-{n}")
        price, reason = reply(s)
        if kestrel_shapley(s) < s.borealis_value:
            seen += 1
            assert (
                price
                == max(s.atlas_value / 2, s.borealis_value)
                != (s.atlas_value + s.borealis_value) / 2
            )
            assert reason == "rival"
    assert seen > 3


def test_the_prompt_asks_for_what_the_rubric_rewards():
    assert "how you would end the talks so that the door stays open" in PROSE
    assert "an ending without a deal that leaves the door open" in PROSE


def test_a_round_the_yardstick_and_the_market_cell():
    """Unclear 4: a round is one proposal and its answer; 6: why the predicted price
    measures the licence in question 8; 7: why the keen buyer and the seller block."""
    assert "A round is however long one exchange of proposals takes" not in PROSE
    assert "one side proposes and the other answers" in PROSE
    assert "the predicted price is used because it measures both deals alike" not in PROSE
    assert "are both predictions of what Kestrel will get" not in PROSE
    assert "short by exactly the 11,667 it pays a rival who never buys" in PROSE


def test_every_question_has_its_own_text_cell_named_for_it():
    """grade_ids were off by one (q1-text was question 2); each question's text cell is
    now named after its function, and question 8 has its own."""
    ids = re.findall(r'"grade_id": "([^"]+)"', NOTEBOOK)
    assert not [i for i in ids if re.fullmatch(r"q\d-text", i)]
    for name in ("licence-floor", "votes-needed", "rig-prices", "granite-reply", "best-lever"):
        assert f"{name}-text" in ids
    assert "rate-tactics-text" in ids


def test_question_5_says_hidden_cases_try_both_sides_of_half():
    # review 99, X1 (round 100): grading tells other amounts in the learner's own words
    assert "(some above half of Dunmore's value, some below)" in " ".join(PROSE.split())


def test_the_licence_price_names_where_it_is_not_the_only_prediction():
    """Review 3, section 2b: with two buyers who can both bargain, max(v1/2, v2) is the
    Markov prediction and other equilibria give the seller anything in [v1/2, v1] (Abreu &
    Manea 2025, abstract checked); the story's firm Borealis offer is why it applies."""
    # review 87, E1: the prediction stays; only its uniqueness is lost
    # (tests/test_power_review87.py)
    assert "Bargaining Foundations for the Outside Option Principle" in PROSE


def test_the_short_rounds_exercise_answers_are_right():
    """Weak exercises 5: the ratio of delay costs with short rounds is now practised (an
    exercise with its answer); the answer's numbers are recomputed here."""
    import math

    from course.models.power import rubinstein_share

    first, second = 0.95 ** (1 / 30), 0.97 ** (1 / 30)
    assert round(rubinstein_share(first, second), 3) == 0.373
    assert round(1 - rubinstein_share(second, first), 3) == 0.372
    r1, r2 = -math.log(0.95), -math.log(0.97)
    assert (round(r1, 3), round(r2, 3)) == (0.051, 0.030)
    assert round(r2 / (r1 + r2), 3) == 0.373
    assert "About 0.373 when it proposes first and about 0.372 when it answers" in PROSE
    assert r"$r_2/(r_1+r_2) \approx 0.373$" in PROSE


def test_every_breakdown_story_ends_only_the_talks():
    """E5: a safety ruling and a cancelled project would hurt Dunmore after the sale too;
    every breakdown text now names an event that can end only the negotiation."""
    texts = " ".join(_RIG_TEXTS["breakdown payoff"])
    assert "safety ruling" not in texts and "cancel the project" not in texts
    for text in _RIG_TEXTS["breakdown payoff"][1:]:
        assert "signed" in text  # says what a signed sale is spared
    assert "before a contract is signed" in _RIG_TEXTS["breakdown payoff"][2]


def test_the_breakdown_rule_keeps_its_condition():
    """E4: 'it always counts, by half' dropped the condition the result depends on."""
    assert "it always counts, by half" not in PROSE
    assert "always counts, by half" not in PROSE
    # review 70, U1 (round 71): section 5 states the condition once, in the sentence that
    # gives the result, and draws the half a unit from it
    flat = " ".join(PROSE.split())
    assert (
        "when the risk of breakdown, rather than the cost of delay, is what pushes the two "
        "sides to agree"
    ) in flat
    assert "so each unit of it adds half a unit to your share" in flat
    assert "each unit adds less than half a unit" in PROSE
    assert (  # review 72, U1: the summary is shorter, the same condition
        "where the risk of breakdown, not the cost of delay, pushes both sides to agree"
        in " ".join(PROSE.split("## What to take away")[1].split())
    )


def test_carrs_bluffing_the_first_movers_edge_and_influence_read_as_sources_say():
    """E7 Carr's own definition of bluffing; E8 0.06 of a point, not a tenth; E9 reward and
    coercion rest on control of what the other side values; U1 'influence' is used
    again after its definition; U5 the licence's end date and section 4's game without a deadline."""
    # review 62, U4: said plainly, with no double negative
    assert "Carr also counted concealing or misstating relevant facts as bluffing" in " ".join(
        PROSE.split()
    )
    assert "moving first is worth a tenth of a percentage point" not in PROSE
    assert (
        "less than a tenth of a percentage point (about 0.06 of a percentage point of the" in PROSE
    )
    assert "Their list does not name, as a base of its own" not in PROSE
    assert "reward and coercive power both rest on control of what the other side values" in (PROSE)
    # influence (CONTENT.md's source of power): review 102, U2, the summary names its two
    # bases rather than a coined term
    assert "expertise, admiration or control of a resource" in " ".join(PROSE.split())
    assert "far enough off that the difference does not matter" not in PROSE
    assert "is the larger of its share at the table and $b$" in PROSE  # a fresh review, U2


def test_warning_and_threat_in_module_02s_sense():
    """Module 02 (after Schelling) calls a demand backed by what you would do anyway a
    warning, and keeps 'threat' for a move you would rather not make; module 03 used
    'threat' for both, as in question 9a's 'a threat Kestrel would carry out counts'."""
    assert "a threat Kestrel would carry out counts" not in PROSE
    assert "A threat Kestrel would not carry out" not in PROSE
    # review 77 C3: module 02 says the words are module 00's, which defines them
    assert "This section uses module 00's two words, after Schelling" in PROSE
    # review 78, U1 (round 79): question 9a points to section 7, which says it
    assert "A true warning, made with power that is yours, is legitimate." in PROSE
    assert "no threat in it is one the side would not carry out" not in PROSE
    assert "would not carry out a threat to leave" not in PROSE


def test_question_6_is_in_the_notebook_and_the_map():
    """The question is graded (2 points, hidden cases too) and listed in the course map."""
    from course.course_map import MODULES
    from tests.test_models_power import NOTEBOOK

    assert '"grade_id": "signing-terms-test"' in NOTEBOOK
    assert "check.signing_terms(signing_terms, hidden=True)" in NOTEBOOK
    power = next(m for m in MODULES if m.folder == "03_power")
    assert power.questions.index("signing_terms") == power.questions.index("rig_prices") + 1


def test_the_luxembourg_paper_is_cited_by_title_and_journal():
    """The paper's author could not be checked in the search corpus (its abstract page gives
    only an affiliation), so it is cited by title, journal and address, and the text does
    not present a department as its author. Review 73, E1 asked for the author's surname:
    searched again in the pages and docs corpora (the MDPI page, a mirror of it and an
    abstract page give the title, the affiliation and the dates, no author), so the
    citation stays as it is rather than guess a name."""
    text = " ".join(PROSE.split())
    assert (  # review 91, U3: the DOI in place of the address (no author found again)
        '("Luxembourg in the early days of the EEC: null player or not?", *Games* 9(2), '
        "article 29, 2018, doi:10.3390/g9020029)"
    ) in text
    assert "University of Bayreuth" not in PROSE
    assert "economics department" not in PROSE


def test_question_9b_no_longer_gives_its_rule_in_the_premise():
    """W3: 'one above its guess makes it offer more, one below makes it offer less' wrote
    the answer's rule into the question; the guess is now the learner's to compare."""
    assert "one above its guess makes it offer more" not in PROSE
    assert "Its best guess is that Kestrel will settle for its share at the table" not in PROSE
    assert "Granite's estimate of it (`s.granite_guess`)" in PROSE  # review 77, U2


def test_question_4_does_not_promise_a_grade_it_no_longer_gives():
    """After W2 a price above the proposal fails where the proposal beats Borealis, so the
    text no longer says such a reply is graded on its price alone."""
    assert "so there only its price is graded" not in PROSE
    # a fresh review (A-), W4: the reason's rule is the learner's judgement and the hints'
    assert "proposes cannot carry a higher price" not in PROSE
    # review 69, U2: the price is the figure Kestrel takes or names (the "yardstick" reply
    # names the yardstick worked out, neither Atlas's figure nor section 5's prediction)
    assert "the figure Kestrel takes or stands on" in (" ".join(PROSE.split()))  # review 80, C1


def test_no_key_is_an_attribute_of_what_the_learner_is_handed():
    """Sixth review, E1: ``repr=False`` hid the keys from the printout but not from ``dir()``:
    ``v.walk_out`` answered question 5, ``t.kind`` and ``f.kind`` named question 9's and
    question 1's templates, ``s.atlas_proposal`` handed question 4 its price. The objects now
    carry only what the story shows, and the checks read the kinds back from the text."""
    from course.scenarios.power import (
        _TACTICS,
        atlas_proposal,
        fact_kind,
        kestrel_shapley,
        tactic_kind,
        walks_out,
    )

    for n in range(200):
        s = course.variant("03_power", learner=f"keys-{n}")
        assert "atlas_proposal" not in _public(s)
        for version in s.rig_versions:
            assert _public(version) == {"letter", "amount", "text"}
            assert rig_kind(version) == (
                "outside option" if walks_out(version) else "breakdown payoff"
            )
        assert {walks_out(v) for v in s.rig_versions} == {False, True}
        for t in s.tactics:
            assert _public(t) == {"letter", "amount", "party", "text"}
            assert tactic_kind(t) in _TACTICS
        for f in s.power_facts:
            assert _public(f) == {"letter", "text"}
            assert fact_kind(f) in _POWER_FACTS
        assert atlas_proposal(s) == round(kestrel_shapley(s), -2)


def test_the_core_comes_with_the_laboratory_evidence():
    """Sixth review, E4: 'expect the core' stood with no evidence, while the classic 3-person
    experiments on this game (Murnighan and Roth 1977, 1978) found payoffs well short of the
    core and close to the Shapley value; the text now says so, and what the Shapley value
    predicts (Roth 1977)."""
    assert "expect the core" not in PROSE
    market = _section(PROSE, "Neither number is *the* answer", "**A licence and two buyers.**")
    # review 69, U1: the larger-group study (1978) and Roth's valuation (1977) were cut for
    # length; the three-person evidence (1977), which carries the claim, stays
    for words in ("Murnighan and Roth", "1977", "Shapley value"):
        assert words in market, words
    assert "1978" not in market and "Roth (1977)" not in market
    summary = PROSE[PROSE.index("## What to take away") :]
    # review 72, U1: the summary no longer restates the study; section 2 reports it
    assert "Murnighan and Roth" not in summary
    # a later fresh review: the 1978 abstract excepts only groups of seven and eight that
    # could talk; larger talking groups approached the core too
    assert "even then not where players could talk" not in market
    assert "could talk" not in market  # review 69, U1: the 1978 groups are cut
    # a fresh review, E3: the 1977 abstract finds the Shapley value over all six conditions
    # together, and messages lowered the strong player's payoff: no claim about talkers
    assert "can talk" not in summary and "can talk freely" not in market
    # review 103, E2 (round 104): said as the abstract reports it, pooled over six conditions
    assert "over all six conditions together it came close to the Shapley value" in " ".join(
        market.split()
    )


def test_section_1_places_trust_and_a_fact_with_two_bases():
    """Sixth review, C3 and U5: module 00 counts the other side's trust in your word as a
    source of leverage, and question 1 accepts 'resource' for a signature section 1 gave as
    authority; section 1 now says how trust relates to the four bases, and that one fact can
    show two bases."""
    sources = _section(PROSE, "This course names four bases", "### Question 1")
    assert "**Trust and credibility.**" in sources and "Module 00" in sources
    assert "One fact can show two bases" in sources


def test_the_rubric_keeps_the_condition_on_half_a_unit_per_unit():
    """Sixth review, C4: the rubric said without condition that an alternative left when
    talks fail counts by half; sections 5 and 8 say so only where the risk of breakdown,
    not the cost of delay, drives agreement."""
    rubric = _section(PROSE, "Rubric, half a mark each", "A full-marks answer")
    # review 89, U4: the rubric points to section 5's two rules, which carry the condition,
    # instead of restating them; it states no unit rule of its own, conditioned or not
    assert "how it counts by section 5's two rules" in " ".join(rubric.split())
    assert "half a unit" not in rubric
    five = " ".join(_section(PROSE, "## 5. Outside options", "### Question 4").split())
    assert "when the risk of breakdown, rather than the cost of delay, is what pushes" in five


def test_question_6_the_ultimatum_and_the_time_are_placed_in_the_text():
    """Sixth review, U2, U4, U6: question 6 goes back to the licence like question 4; an
    ultimatum over a true alternative is placed in section 7's scheme. The time: sections 4
    and 5 hold the densest theory and four of the nine questions, and the second sitting
    is given three hours; the course map agrees (480 minutes since session 56)."""
    from course.course_map import MODULES

    assert "Like question 4, this goes back to the licence, with the what-if" in PROSE
    using = _section(PROSE, "## 7. Using power", "### Question 9")
    using = " ".join(using.split())
    assert "is a warning, and legitimate, but still the weaker move" in using
    assert "corners the other side" in using
    assert "sections 4 and 5 (three to four hours)" in " ".join(PROSE.split())
    assert next(m.minutes for m in MODULES if m.folder == "03_power") == 480  # session 56, U4
    assert "on a few public ones of other learners" in PROSE


def test_question_2_floor_keeps_to_the_floor():
    """Sixth review, U1: question 2's floor bullet digressed into the share at the table, a
    prediction of the price three sections ahead that invited the v1/2 answer the check then
    had to catch; the bullet now keeps to the floor, and section 5 defines the term where it
    first uses it."""
    today = PROSE[PROSE.index("- `clears_today`:") :]  # review 61, X1: now a verdict
    today = today[: today.index("- `clears_with_corvid`")]
    assert "share at the table" not in today and "half of Atlas's value" not in today


def test_citations_and_figures_read_exactly():
    """Seventh review: U3, the Luxembourg paper can be found (its address; the author is not
    named, as no abstract available to us names one); U5, Roth (1977) is a utility a player
    neutral to ordinary and strategic risk gives the game, not a forecast; U6, the shrinking
    pie answer gives offers as the slider shows them, 0.48 (48%)."""
    assert "doi:10.3390/g9020029" in PROSE  # review 91, U3: the DOI, not the address
    assert "can expect from playing the game" not in PROSE
    # review 69, U1: Roth's valuation was cut for length, so the text makes no claim on it
    assert "values playing the game at" not in PROSE and "strategic risk" not in PROSE
    assert "lowest offer it accepts is 0.48 (48%); at 0.47" in PROSE


def test_the_reply_to_atlas_comes_after_section_5_and_is_numbered_in_order():
    """Question 2b asked for section 5's price three sections before section 5, giving the
    formula max(v1/2, v2) and the rule for when to take the proposal, so the learner copied
    an if with two branches; and 'question 4b' was a numbering patch. The reply is now
    question 4, after section 5, without the formula or the rule, and the questions are
    numbered 1 to 9 in the notebook's order."""
    headings = re.findall(r"^# ### Question (\d+) \((\d) marks?\)", NOTEBOOK, re.M)
    assert [int(n) for n, _ in headings] == list(range(1, 10))
    reply = NOTEBOOK.index("### Question 4 (1 mark): your reply to Atlas")
    assert NOTEBOOK.index("## 5. Outside options") < reply < NOTEBOOK.index("### Question 5 ")
    assert "licence-reply-text" in NOTEBOOK[NOTEBOOK.rindex("# %%", 0, reply) : reply]
    text = NOTEBOOK[reply : NOTEBOOK.index("def licence_reply")]
    assert "max(v_1/2" not in text
    assert "no model of this module supports asking for more" not in _prose(text)
    assert "4b" not in PROSE and "Part b (2 marks)" not in PROSE


def test_section_5_names_whose_rate_and_defines_each_share_once():
    """A fresh review, C2 and U2: section 5 gave Kestrel's share as the responder, paid on
    signing, as r_2/(r_1+r_2), which by section 4's indices (1 the first proposer, Atlas
    here) is Atlas's share; and it defined the share at the table again inside the
    definition of the equilibrium share."""
    outside = _section(PROSE, "## 5. Outside options", "### Question 4")
    assert "r_2/(r_1+r_2)$, below a half" not in outside
    assert r"$r_{\text{Atlas}}/(r_{\text{Kestrel}}+r_{\text{Atlas}})$" not in outside
    assert outside.count("**share at the table**") == 1
    assert "as if it had no alternative, leaves the option out" not in outside
    assert "is the larger of its share at the table and $b$" in outside
    # U1: the timing caveat said twice in one paragraph now says it once
    assert "not at any moment at all" not in outside
    assert outside.count("(module 02's outside option)") == 0  # review 83, U2: circular
    using = _section(PROSE, "## 7. Using power", "### Legitimate and illegitimate power")
    assert "Keep a weak one to yourself." not in using  # said again two sentences later
    assert "keep any other private" in using  # review 106, C3 (round 107)


def test_kestrels_cost_of_delay_is_a_share_in_the_story_as_the_model_grading_it_needs():
    """A fresh review, C1: section 4 called Kestrel's idle team a fixed cost each month, under
    which Rubinstein's fixed-cost model leaves Kestrel nothing beyond Harrow's offer, and then
    graded questions 7 and 8 (the loan being the best move for about a third of learners)
    with the discount-factor model. The story now keeps the team's wages out of the cost of
    delay (they are paid either way) and puts at risk engineers whose loss takes a share of
    the margin; the fixed-cost result stays as a general warning."""
    patience = _section(PROSE, "## 4. Patience as power", "### Exercise: patience when rounds")
    assert "Kestrel's idle team is really a cost of that kind" not in patience
    assert "would leave Kestrel nothing beyond Harrow's offer" not in PROSE
    assert "kinder to Kestrel" not in PROSE and "so the loan would add nothing" not in PROSE
    assert "Where the side that loses more each round loses a fixed bill" in patience
    # review 92, E1: the cost of delay is a share of each side's own part
    # review 110, C1 (round 111): a fixed term from signing, so interest only
    assert "costs Kestrel a month's interest on its whole margin" in " ".join(patience.split())
    for s in _drawn_scenarios()[:20]:
        story = s.story()
        assert "pays a team that has nothing to do" not in story
        assert "wages do not depend on when the contract is signed" in story
        # review 92, E1: the cost of delay is a share of each side's own part
        # review 110, C1 (round 111): delay postpones the margin, it no longer cuts it
        assert "puts all of Kestrel's margin a month later" in " ".join(story.split())


# --- question 8's yardsticks, and prompts that leave the reasoning to the learner ---------

MODULE = "03_power"

#: Learners whose draw, before the fix, had question 8's best lever change when the licence
#: was measured by the better of the predicted price and Atlas's standing proposal (7 in
#: 2,000 of the ``r-`` learners); they are redrawn now.
REDRAWN = ("r-905", "r-984", "r-1054", "r-1209", "r-1435", "r-1722", "r-1841")


def _kestrel_shapley(buyers):
    """Kestrel's Shapley value in a licence market with ``buyers`` (name to value), from the
    library on a game built here."""
    players = ["Kestrel", *buyers]
    game = {}
    for size in range(1, len(players) + 1):
        for group in combinations(players, size):
            bids = [buyers[b] for b in group if b != "Kestrel"]
            game[frozenset(group)] = max(bids) if "Kestrel" in group and bids else 0
    return float(shapley_values(players, game)["Kestrel"])


def _lever_gains(s, standing_proposal):
    """Question 8's gains, the licence measured by section 5's price max(v1/2, best rival),
    or, with ``standing_proposal``, by the better of that price and Atlas's proposal
    (Kestrel's Shapley value) in each market, Corvid included in the market of four."""
    v1, v2, v3 = s.atlas_value, s.borealis_value, s.corvid_value
    today_licence = max(v1 / 2, v2)
    corvid_licence = max(v1 / 2, v2, v3)
    if standing_proposal:
        today_licence = max(today_licence, _kestrel_shapley({"Atlas": v1, "Borealis": v2}))
        corvid_licence = max(
            corvid_licence, _kestrel_shapley({"Atlas": v1, "Borealis": v2, "Corvid": v3})
        )

    def granite(delta_you, harrow):
        share = s.contract_value * bargaining_split(s.delta_them, delta_you)[1]
        return max(share, harrow)

    today = granite(s.delta_you, s.outside_offer)
    return {
        "bidder": corvid_licence - today_licence,
        "loan": granite(s.delta_with_loan, s.outside_offer) - today,
        "harrow": granite(s.delta_you, s.harrow_raised) - today,
    }


def _best(gains):
    return max(gains, key=gains.get)


@pytest.mark.parametrize("learner", REDRAWN)
def test_question_8s_lever_is_the_same_if_atlass_standing_proposal_is_counted(learner):
    """C3: question 4 has Kestrel take Atlas's proposal where it beats Borealis, yet question
    8 measured the licence by a predicted price below it; counting the proposal changed the
    right lever for 0.35% of learners. Those draws are now redrawn, and the text says so."""
    s = course.variant(MODULE, learner)
    assert _best(_lever_gains(s, True)) == _best(_lever_gains(s, False)), learner


def test_question_8_names_one_yardstick_and_does_not_say_the_others_agree():
    """Question 8 measures the licence by its predicted price, max(v1/2, v2); its aside
    that the floor or the midpoint would pick the same move is gone, since for some
    learners they no longer do (tests/test_variants_sweep_power.py)."""
    eight = _section(PROSE, "### Question 8", "### BEGIN SOLUTION")
    assert r"$\max(v_1/2,\ v_2)$" in eight
    assert "would pick the same move" not in eight
    assert "split-the-difference price" not in eight


def test_question_5_says_the_daily_chance_of_failure_is_small_too():
    """C1: the Nash limit needs the chance of breakdown per round to be small in itself
    (module 02 says so), not only far larger than the daily cost of delay."""
    assert "far larger than that small daily share" not in PROSE
    assert "is small in itself, but far larger than that daily share" in PROSE


def test_section_7_does_not_offer_the_shapley_value_as_a_reason():
    """C2: section 7's interests point ended on 'the Shapley value pays a player for what
    they add', offering the fairness yardstick as a ground for more; it now says the appeal
    is to Atlas's interest. Review 65, X1: the yardstick, Atlas's own, carries a higher
    price only where Atlas's round figure falls short of it, and section 7's first point
    says so, not that it never does."""
    assert "The Shapley value pays a player for what they add" not in PROSE
    seven = _section(PROSE, "**Show what you solve for them.**", "**Remember that dependence")
    assert "That appeal is to Atlas's interest" in seven
    assert "the yardstick Atlas used to work out its own proposal" not in seven
    plainly = " ".join(_section(PROSE, "**Say true things, plainly.**", "**Mention").split())
    # review 83, U1 (round 84): section 7 no longer restates section 5's figures; it points
    # review 102, X1: the rule now follows question 4
    assert (
        "as question 4's best reply does (the rule after it says which figures those are)"
        in plainly
    )
    assert "falls short of it" not in plainly


def test_question_9b_points_at_the_number_the_story_gives_too():
    """U1: 'which of the numbers you have computed before matters' pointed learners at the
    share at the table (the wrong move for about half of them); the deciding number,
    Granite's guess, is given by the story."""
    assert "which of the numbers you have computed before matters" not in PROSE
    # review 103, X6 (round 105): the question now says the share at the table plays no
    # part (Granite cannot see it), so that the text and the check agree where Harrow's
    # offer beats that share but not Granite's estimate; it still points at no wrong number
    assert "Kestrel's share at the table plays no part: Granite cannot see it." in PROSE


def test_question_2_says_at_least_where_the_key_counts_a_tie():
    """U4: the prompt said the proposal must 'beat' the best rival, the key uses >=."""
    assert "that proposal would beat selling to the best rival" not in PROSE
    # review 61; review 70, X3: the goal, not the rule, still with "at least"
    assert "does at least as well for Kestrel as it could do without" in " ".join(PROSE.split())
    assert "the same verdict had Kestrel brought Corvid in" in PROSE


def test_question_6_leaves_the_rule_to_sections_4_and_5():
    """W3: the prompt restated the rule for short rounds and today's price, leaving a max
    and a subtraction; the learner now finds both in sections 4 and 5."""
    six = _section(PROSE, "### Question 6", "### BEGIN SOLUTION")
    assert "With rounds this short" not in six
    assert "today's is" not in six


def test_question_2_no_longer_spells_out_the_floor():
    """W1: the floor's definition in the prompt ('the least Kestrel could accept without
    doing worse than selling to Borealis, the bottom of the core') turned the part into
    transcription; the learner now links what Kestrel could do without Atlas (review 70,
    X3: it was the reservation price, named in the question) to the rival's offer."""
    two = " ".join(_section(PROSE, "### Question 2", "### BEGIN SOLUTION").split())
    assert "without doing worse than selling to Borealis" not in two
    assert "bottom of the core" not in two
    # review 83, U4 (round 84): the title names the reservation price, the body does not link it
    assert "reservation price" not in two.split("reservation price?", 1)[1]
    # review 99, U2 (round 100): the values named without "(the values: Atlas's ...)"
    assert "least as well for Kestrel as it could do without Atlas (`s.atlas_value`," in two


def test_question_4_leaves_the_choice_of_ground_to_the_learner():
    """W4: the prompt spelt out that a ground giving Atlas no reason to pay more cannot
    carry a higher price, reducing the reason to one comparison; the hints say it now."""
    four = _section(PROSE, "### Question 4", "### BEGIN SOLUTION")
    assert "Remember what Atlas already knows" not in four
    assert "cannot carry a higher price" not in four


def test_one_rig_text_of_each_kind_leaves_who_can_end_the_talks_to_inference():
    """W6: every outside-option text said the talks cannot fail or that nothing else ends
    them, and every breakdown text that an event 'would end' them; one text of each kind now
    gives only the facts (a choice Kestrel makes when it rejects; a loan that can be
    withdrawn, with no other money), and the learner infers who can end the talks."""
    from course.scenarios.power import _RIG_TEXTS

    spelt_out = ("cannot fail", "nothing else can end", "No outside event", "would end")
    for kind, texts in _RIG_TEXTS.items():
        assert any(not any(cue in text for cue in spelt_out) for text in texts), kind
    assert any("bank could withdraw its loan" in t for t in _RIG_TEXTS["breakdown payoff"])


def _paragraph_starting(opening):
    """The source paragraph (between blank '#' lines) that holds ``opening``, in one line."""
    for paragraph in re.split(r"\n#\s*\n", NOTEBOOK):
        if opening in " ".join(line.lstrip("# ") for line in paragraph.splitlines()):
            return " ".join(line.lstrip("# ") for line in paragraph.splitlines())
    raise AssertionError(opening)


@pytest.mark.parametrize(
    ("opening", "not_with"),
    [
        ("Every base is a dependence", "costs you that credibility"),
        # review 69, U1: the second reading (Roth 1977) was cut for length
        ("**Short rounds.**", "(full information)"),
        ("**People do not play the equilibrium.**", "Binmore"),
    ],
)
def test_each_idea_has_a_paragraph_of_its_own(opening, not_with):
    """Paragraphs that ran together in the rendered notebook (no blank line between them),
    or carried several ideas (the model's limits; question 5's stem), are split: the idea
    that opens each does not share its paragraph with the one before."""
    paragraph = _paragraph_starting(opening)
    assert paragraph.startswith(opening), paragraph[:80]
    assert not_with not in paragraph


def test_the_lawyers_rules_bind_only_as_states_adopt_them():
    """The ABA's Model Rules bind no one by themselves; states adopt them (module 00 says
    so too)."""
    assert "rules that bind lawyers in the United States" not in PROSE
    # review 86, U1: section 7 points to module 00's account instead of restating it
    assert "as does the comment to Model Rule 4.1 that module 00, section 6, quotes." in (
        " ".join(PROSE.replace("#", " ").split())
    )


def test_trust_is_part_of_power_as_module_00_counts_it():
    """Module 00 counts trust under power, not as a source of leverage of its own."""
    sources = _section(PROSE, "This course names four bases", "### Question 1")
    assert "trust in your word as part of power" in sources
    assert "trust in your word as a source of leverage" not in sources


def test_interests_and_positions_are_defined_where_section_7_uses_them():
    """Question 4's "accept" used to talk about Atlas's interests and defined the words
    there (review 66, X2; review 68, U1). Review 70, X1: "accept" takes the figure as it
    stands, so the words are defined in section 7, where they are first used."""
    four = " ".join(_section(PROSE, "### Question 4", "def licence_reply").split())
    assert "interest" not in four and "*position*" not in four
    seven = " ".join(_section(PROSE, "**Show what you solve for them.**", "**Remember").split())
    assert (
        "Its *position* is a price; its *interest*, what it wants behind the position, is "
        "durability" in seven
    )
    assert PROSE.index("*interest*") > PROSE.index("**Show what you solve for them.**")


def test_the_explorer_answer_says_the_widget_judges_only_the_shapley_division():
    """The explorer cannot show that no division is in the core; the answer says so and
    gives the reason (tests/test_models_power.py checks the empty core itself)."""
    answers = _section(PROSE, "4. 1/3 each, and not in the core", "</details>")
    assert "The explorer judges only the Shapley division" in answers
    # review 66, U3: the sum over the three pairs is spelt out (each player counted twice)
    assert "counts each player twice, so twice the total would have to be at least 3" in (
        " ".join(answers.split())
    )
    assert "the total at least 3/2, not 1" in " ".join(answers.split())


def test_question_8_is_set_before_atlas_proposes_so_its_measure_has_no_proposal_to_count():
    """Question 4 has Kestrel take Atlas's proposal where it beats Borealis (about two in
    three learners), above the predicted price question 8 measures by, while question 8 was
    set with that proposal on the table. Question 8 is now set before Atlas proposes, so the
    models' price is the only yardstick, and the order of events says so (the move is the
    same on either yardstick, swept in tests/test_variants_sweep_power.py)."""
    eight = _section(PROSE, "### Question 8", "def best_lever")
    assert "a what-if set before Atlas proposes and before Granite's first proposal" in eight
    # review 83, U1 (round 84): "Atlas has not proposed yet" repeated the line above; cut
    assert "leaves out Atlas's proposal" not in eight and "still unsold" not in eight
    assert "drawn so that" not in eight and "either yardstick" not in eight


def test_question_8_has_harrow_tell_granite_of_its_raise_as_of_its_first_offer():
    """Question 8 is set where question 9a is, before Harrow tells Granite of its offer, yet
    it said Harrow would tell Granite of a raise 'as it did of its first'; the notebook and
    the story now put both tellings before Granite's first proposal."""
    eight = _section(PROSE, "### Question 8", "def best_lever")
    assert "as it did of its first" not in eight
    assert "before Granite's first proposal, as with its first" in " ".join(eight.split())
    # question 9a's moment (review 90, U3: said by what Granite knows then)
    assert "Granite knows only what Kestrel tells it of Harrow" in PROSE


def test_the_shares_of_section_5_have_one_name_each():
    """Section 5 named the share without the option three ways (share at the table,
    Rubinstein share, and section 4's x_2) beside the equilibrium share; it now calls it
    the share at the table only, and states the equilibrium share as one line at first use."""
    from course.models.power import bargaining_split

    assert "Rubinstein share" not in PROSE and "Rubinstein share" not in bargaining_split.__doc__
    five = _section(PROSE, "## 5.", "### Question 4")
    # review 80, U4: "equilibrium share" went; the larger of the two is "your share"
    assert "equilibrium share" not in five
    assert r"$$\text{share} = \max(\text{share at the table},\ b),$$" in five


def test_atlass_proposal_is_called_a_tactic_not_the_models_price():
    """The story says Atlas knows both values, and section 5 predicts a price of
    max(v1/2, v2) under full information, yet Atlas proposes Kestrel's Shapley value: above
    that price for some learners, below Borealis's offer for others. Question 4 now says the
    proposal is a tactic (a figure it can call fair, an anchor), not the models' price, and
    both ways it can misfire occur among learners."""
    four = _section(PROSE, "### Question 4", "def licence_reply")
    four = " ".join(four.split())
    # review 59, C: above Borealis's offer the proposal is no anchor pulling the price the
    # buyer's way; the text now says so
    assert "but a tactic" not in four
    # review 73, U2: "the proposal" could be read as Atlas's round figure, for which the
    # old clause "where it is above Borealis's offer, it is also above the price the models
    # predict" was false (learner-096); both figures are now set against that price
    assert "first offers anchor: they pull the final price towards them" in four
    above = below = 0
    for n in range(200):
        s = course.variant("03_power", f"tactic-{n}")
        shapley = (3 * s.atlas_value + s.borealis_value) / 6
        predicted = max(s.atlas_value / 2, s.borealis_value)
        above += shapley > predicted
        below += shapley < s.borealis_value
    assert above > 20 and below > 20


def test_section_4_files_a_deadline_once_as_module_00_does():
    """Section 4 calls patience power. It said module 00 files a deadline under its
    holder's alternatives and module 05 under power, two filings left for the learner to
    choose between. Module 00 now says module 05's power row holds the same pressure under
    another label, counted once; section 4 says the same, in one sentence after its own
    claim, and this test reads module 00 to see that it still says so."""
    four = _section(PROSE, "## 4.", "**Where the model misleads.**")
    # review 89 (module 00's C3): outlasting them "is leverage", no longer "is power"
    told = four[four.index("is leverage. ") + len("is leverage. ") :]
    # review 58, C2: one line pointing to module 00's convention; module 05 now files a
    # deadline as module 00 does, so this module no longer reconciles the two
    # review 72, U4: reworded; review 106, U4 (round 107): module 00's filing rule went
    # from the teaching of delta, which says plainly that a deadline is not a cost of delay
    assert " ".join(told.split()).startswith(
        "A deadline is not a cost of delay; the model has none."
    )
    assert "module 05" not in told and "a new label" not in told
    assert "puts it under power" not in four and "one fact read two ways" not in four


def test_the_practice_cases_of_questions_1_and_9a_are_shown_as_the_checks_judge_them():
    """The practice facts and statements the visible checks judge are the ones the notebook
    shows, word for word; none is one of a learner's own facts; and each question says that
    its own case is marked only when graded."""
    from course.scenarios.power import (
        _POWER_FACTS,
        PRACTICE_FACTS,
        PRACTICE_SETTING,
        PRACTICE_TACTICS,
    )

    one = _section(PROSE, "### Question 1", "def power_sources")
    nine_a = _section(PROSE, "### Question 9", "def rate_tactics")
    for number, (_, _, text) in PRACTICE_FACTS.items():
        assert f"{number}. {text}" in " ".join(one.split())
        assert text not in {t for _, _, t in _POWER_FACTS.values()}
    assert PRACTICE_SETTING in " ".join(nine_a.split())
    for number, (_, _, text) in PRACTICE_TACTICS.items():
        assert f"{number}. {text}" in " ".join(nine_a.split())
    # review 65, U3: said in one line where each question opens
    for prompt in (one, nine_a):
        prompt = " ".join(prompt.split())
        assert "marked only at grading: the self-check judges the practice" in prompt
        assert "of your own" in prompt and "only their form" in prompt
        assert "earn no marks" in prompt


def test_the_cores_floor_is_said_to_need_no_assumption_about_the_rivals_haggling():
    """The core's floor at v2 follows from blocking alone: the seller and the rival could
    divide v2 between them at any price below it. The text says so, and puts a rival who
    must be bargained with into the reservation price, not into what the core assumes."""
    assert "The core assumes the rival really would pay" not in PROSE
    # review 58, U1: a collapsed note on a rival whose offer is not firm; review 80, U1
    # (round 81): one sentence
    # review 97, U1 (round 98): the sentence moves to section 5's closing note
    # review 103, C2 (round 104): one bullet, headed for the case it is about
    text = " ".join(
        _section(
            PROSE, "*If Borealis's offer were itself bargained.*", "*Full information.*"
        ).split()
    )
    assert "Below $v_2$, the seller and the rival would both gain" in " ".join(PROSE.split())
    assert "A sale to Borealis alone would then bring Kestrel less than $v_2$" in text
    # review 86, U2: "its" could be the rival's; the sentence names the seller
    assert "the seller's reservation price sits below the core's lowest price" in text
    # the blocking claim itself: a price below v2 leaves the seller and rival a better split
    from course.models.power import blocking_coalition

    v1, v2 = 105_000, 70_000
    value = {
        frozenset(): 0,
        frozenset("S"): 0,
        frozenset("K"): 0,
        frozenset("R"): 0,
        frozenset("SK"): v1,
        frozenset("SR"): v2,
        frozenset("KR"): 0,
        frozenset("SKR"): v1,
    }
    for price in (60_000, 69_000):
        division = {"S": price, "K": v1 - price, "R": 0}
        coalition, shortfall = blocking_coalition(["S", "K", "R"], value.__getitem__, division)
        assert set(coalition) == {"S", "R"} and shortfall == v2 - price


def test_the_licence_terms_table_matches_the_prices_the_checks_use():
    """Section 5's two sentences on the licence's terms (a table until review 67, U2): paid
    on a fixed date, Kestrel's share at the table is a half (the price of questions 4 and
    8); paid on signing, Kestrel loses faster and its share is below a half (question 6)."""
    from course.scenarios.power import licence_price, signing_price

    # review 91, U2: the fixed date's even split is said once, in the paragraph before;
    # question 6's what-if is one sentence
    flat = " ".join(PROSE.split())
    assert "so they split evenly at the table" in flat
    assert (
        "In question 6's what-if, paid on signing, a day's delay also costs Kestrel overdraft "
        "interest, so its share at the table falls below a half." in flat
    )
    assert "| the licence money |" not in PROSE
    for s in _drawn_scenarios()[:200]:
        assert s.signing_ratio > 1
        assert licence_price(s) == max(s.atlas_value / 2, s.borealis_value)
        share = 1 / (1 + s.signing_ratio)
        assert share < 0.5
        # review 103, X1 (round 105): Borealis's offer as it would be paid on signing
        assert signing_price(s) == pytest.approx(max(share * s.atlas_value, s.signing_borealis))


def test_question_4_asks_for_the_reason_without_stating_the_rule_that_picks_it():
    """Question 4's reason is a judgement: the prompt names the three grounds and points to
    sections 2 and 5, and no longer defines "rival" by the comparison that decides it, nor
    says which ground to use when Kestrel takes the proposal."""
    four = _section(PROSE, "### Question 4", "def licence_reply")
    assert "Borealis would pay more than Atlas offers" not in four
    assert "its reply should still build the deal on something true that Atlas cares" not in four
    assert '`"rival"` (name Borealis\'s firm written offer and its figure)' in four
    # review 98 X1; review 102, X1: the rule no longer stands above the question
    assert "the rule above picks the reply" not in four
    assert "Which figure does Kestrel stand on (not an opening ask), and with which reply?" in four


def _price_with_breakdown_and_delay(value, breakdown, hazard, rate, step):
    """The seller's price when rounds last ``step`` (a unit of time each): after a refusal
    the talks break down with chance hazard * step, leaving the seller ``breakdown`` and
    the buyer nothing, and otherwise go on a round later, discounted by exp(-rate * step).
    The two proposals of the stationary equilibrium make the answering side indifferent:
    value - x = q d (value - y) and y = p breakdown + q d x, with p the chance of
    breakdown, q = 1 - p and d the discount; the seller proposes x, the buyer y."""
    p = hazard * step
    q, d = 1 - p, math.exp(-rate * step)
    # substitute y into the first equation and solve for x
    x = (value - q * d * value + q * d * p * breakdown) / (1 - (q * d) ** 2)
    return x


def test_breakdown_and_delay_together_land_between_the_table_share_and_the_nash_split():
    """Section 5 says that where the risk of breakdown and the cost of delay both push, the
    split lies between the split that ignores the breakdown payoffs and the Nash split on
    them, not between deal-me-out and the Nash split, and works the example: rig 50,000,
    breakdown payoff 35,000, both forces equally fast, price 33,750, below both 42,500 and
    35,000. Short rounds of the alternating-offers game with both forces give it."""
    assert "lands between the two predictions" not in PROSE
    text = " ".join(PROSE.split())  # review 58, U1: the note is shorter, the same claims
    assert (
        "the split lands between the share at the table and the Nash split on the breakdown payoffs"
    ) in text
    # review 86, U1: the note's worked example (33,750) is cut; the numbers below check the
    # claim it illustrated
    value, breakdown = 50_000, 35_000
    price = _price_with_breakdown_and_delay(value, breakdown, 0.05, 0.05, 1e-4)
    assert price == pytest.approx(33_750, abs=5)
    table, nash = value / 2, breakdown + (value - breakdown) / 2
    assert (table, nash) == (25_000, 42_500)
    assert table < price < min(nash, max(table, breakdown))  # below deal-me-out's 35,000
    # the breakdown payoff counts at hazard / (hazard + rate) of its worth, then by half:
    # faster breakdown moves the price towards the Nash split, slower towards the table
    for hazard, rate in [(0.2, 0.05), (0.05, 0.2), (0.1, 0.1)]:
        weight = hazard / (hazard + rate)
        expected = weight * breakdown + (value - weight * breakdown) / 2
        got = _price_with_breakdown_and_delay(value, breakdown, hazard, rate, 1e-4)
        assert got == pytest.approx(expected, abs=5)
        assert table < got < nash


def test_question_4_states_its_rule_in_two_sentences_and_leans_on_no_later_module():
    """Question 4 patched a modelling wrinkle (a counter opens a new round in the models) in
    a paragraph harder than the question; the move is now said in two plain sentences. Its
    price rule leaned on a claim about anchors from module 04 ("an opening bid ... Atlas
    would see through it"); it now rests on this section's models, full information, and
    says in one sentence what module 04 will show about anchors."""
    # the order of events that heads question 4 belongs to several questions: not counted
    four = _section(PROSE, "Back to question 2's licence", "def licence_reply")
    assert "In the models a counter-offer opens a new round" not in four
    assert "not such a round" not in four
    assert "an opening bid, module 04's subject" not in four
    assert "Atlas would see through it" not in four
    assert "module 04's subject" not in four
    assert "nothing gives Atlas a reason to pay more" not in four  # the hint says it now
    assert len(four.split()) < 339  # review 72, U1: 335 words, +1%
    from course.checks import power as check
    from course.checks.hints import NotYet

    s = course.variant("03_power", "r-1")
    with pytest.raises(NotYet) as raised:
        check.judge_reply_price(s, (s.atlas_value - 1, check.REASONS[0]))
    assert "module 04" not in str(raised.value)


def test_the_sittings_add_up_to_the_stated_time_and_the_course_map():
    """Sections 1 to 3 hold about 5,000 words, questions 1 to 3 and seven explorer tasks: two
    hours was tight for a learner new to the models, so they are given two and a half, and
    the sittings (2.5 + 3 + 2 hours) lie inside the stated range, as does the course map."""
    from course.course_map import MODULES

    assert "sections 1 to 3 (about two hours)" not in PROSE
    assert "about six to seven and a half hours" not in PROSE
    # session 56, U4: sections 1 to 3 hold a four-player Shapley value, two explorer tasks
    # and questions 1 to 3: three hours, and eight in all, up to ten for a non-programmer
    assert "about six and a half to eight hours" not in PROSE
    assert "(about two and a half hours)" not in PROSE
    minutes = next(m.minutes for m in MODULES if m.folder == "03_power")
    assert minutes == 8 * 60 == (3 + 3 + 2) * 60


def test_question_1_says_for_which_role_holders_resource_is_accepted_too():
    """Section 1 said question 1 accepts either base for a fact showing two, without saying
    which; the check accepts resource for a role-holder who gives a thing that changes
    hands (a signature on a contract, a share of work, a berth) and not for a chair's
    agenda. The text now says so, and the checks agree with it."""
    import course.checks.power as C

    one = " ".join(_section(PROSE, "### Question 1", "def power_sources").split())
    assert (  # review 63, U1: the rule is in question 1's text, not in the teaching
        "Where a role-holder can give or withhold a thing that changes hands (a contract, the "
        "use of a berth), either base is accepted." in one  # review 83, U5 (round 84)
    )
    assert "Question 1 accepts" not in PROSE
    assert "A chair's say over what reaches a vote hands over no such thing" in PROSE
    also = {kind for kind in _P._POWER_FACTS if _keyed(kind)[2]}
    assert also == {"granite_signature", "harrow_approval"}
    assert all(_keyed(k)[0] == "authority" and _keyed(k)[2] == ["resource"] for k in also)
    assert _keyed("fellgate_chair")[0] == "authority"
    assert list(C.PRACTICE_ALSO_BASE) == ["1"]
    assert C.PRACTICE_ALSO_BASE["1"] == {"resource"}


def test_question_2_asks_what_it_marks():
    """Question 2 asked whether a third bidder makes the 'fair' price a better deal, always
    true as Kestrel's value rises; its mark is whether that price beats the best rival."""
    assert 'Does a third bidder make the "fair" price a better deal' not in PROSE
    # review 74, U2: not "Atlas's 'fair' figure", which invites `s.atlas_figure`
    # review 83, X2 (round 84): "reach or beat", as the check does on a tie
    # review 88, U1: the two verdicts asked in two sentences
    assert "Atlas's yardstick, worked out, reach or beat selling to the best rival today?" in PROSE


def test_the_overdraft_is_no_fixed_sum_cost_of_delay():
    """Section 4 rules out wages as a fixed sum lost each round, but the story pays them out
    of an overdraft: the text and story now say it runs either way until a payment on a
    fixed date."""
    # review 92, E1: the cost of delay is a share of each side's own part: the overdraft's interest on the margin Kestrel waits for is a share of it
    # review 110, C1 (round 111): a fixed term from signing; the interest stays a share
    assert "a month's interest on its whole margin (part 4)" in " ".join(PROSE.split())


def _kestrels_price_with_an_end_date(v1, v2, rounds, kestrel_first):
    """Backward induction in the licence's talks as the story sets them: rounds of a day,
    the licence and Borealis's offer both falling to nothing at the end date by the same
    share of today's figure each day, no discounting (the money comes on a fixed date), and
    Kestrel able to take Borealis's offer only when it answers Atlas."""
    kestrel = 0.0
    for t in range(rounds - 1, -1, -1):
        left = (rounds - t) / rounds
        if (t % 2 == 0) == kestrel_first:  # Kestrel proposes: Atlas gets what waiting gets it
            kestrel = v1 * left - (v1 * (rounds - t - 1) / rounds - kestrel)
        else:
            kestrel = max(kestrel, v2 * left)
    return kestrel


def test_borealis_offer_falls_with_the_licence_so_the_price_is_deal_me_out():
    """With a licence that shrinks, money paid on a fixed date and Borealis's figure held
    fixed, the option does not shrink with the pie and the talks tend to (v1 + v2)/2, not
    max(v1/2, v2). The story prices Borealis's offer per remaining month, so it falls by the
    licence's share each day, and section 5 says why that matters; working back from the
    end date then gives max(v1/2, v2) to within a fraction of a per cent, as it says."""
    assert "does not matter to talks that take days" not in PROSE
    text = " ".join(PROSE.split())
    assert "Why the rates are equal" not in text  # review 62, U1: the story says it
    # review 78, U1 (round 79): the closing note's "This story" bullet is cut; the story
    # says Borealis's offer falls by the licence's share each day (below)
    specialist = _section(PROSE, "<details><summary>Closing note", "</details>")
    assert "Abreu & Manea" in specialist
    assert "Borealis's figure is unchanged" not in PROSE
    # review 91, U2: question 6 points to the story, which says it (below)
    for s in _drawn_scenarios()[:20]:
        story = " ".join(s.story().split())
        assert (
            "is a total in proportion to the months left of it" in story
        )  # review 99, U2: in the note
        assert "Borealis's offer falls by that same share each day" in story  # review 92, E1
        assert f"Borealis's offer stays at {s.borealis_value:,.0f}" not in story
        # review 103, X1 (round 105): question 6's note gives Borealis's offer paid on
        # signing (less than today's where that is at least half of Atlas's value)
        assert f"in proportion to the months left, {s.signing_borealis:,.0f} signed today" in story
        assert f"{s.borealis_value:,.0f} signed today, and Borealis will go no higher" in story
        v1, v2 = s.atlas_value, s.borealis_value
        for first in (True, False):
            got = _kestrels_price_with_an_end_date(v1, v2, 1000, first)
            assert abs(got - max(v1 / 2, v2)) <= 0.005 * max(v1 / 2, v2)


def test_the_signing_gain_is_an_order_cash_lets_kestrel_take_and_interest_saved():
    """The gain from money on signing reached the whole price for some learners and a tenth of
    it for nearly half, too much for overdraft interest on money a quarter sooner; the story
    and question 6 called it an order that cash in hand lets Kestrel take. Review 75, U4:
    with an overdraft at 10 to 30% a year, money sooner also saves interest, which the story
    left out; the gain is now both together, the order and the interest saved."""
    for s in _drawn_scenarios()[:20]:
        story = " ".join(s.story().split())
        # review 68, U2: "large" went, as the order is worth as little as 2% of Atlas's value
        assert "materials for an order it would otherwise have to turn down" in story
        assert (
            "and would spare it overdraft interest until the fixed date: together worth about "
            f"{s.signing_gain:,.0f} to Kestrel" in story
        )
    q6 = _section(PROSE, "### Question 6 (2 marks)", "def signing_terms")
    assert "would save Kestrel" not in q6 and "than it saves" not in q6
    assert "`s.signing_gain`" in q6  # review 91, U2: the story says what it is worth


def test_a_breakdown_payoff_is_measured_one_way_by_what_each_unit_adds():
    """'Counts by half' (each unit adds half a unit) and 'at half of its worth' (a weight of
    one half on the disagreement point, a quarter of a unit per unit) were two meanings of
    'half' a few paragraphs apart. The text and question 5's hints now say what each unit of
    a breakdown payoff adds to a share, and call the mixed case's one half a weight."""
    import inspect

    from course.checks import power as check

    for gone in ("counts by half", "by half", "half of its worth", "full worth"):
        assert gone not in PROSE, gone
        assert gone not in inspect.getsource(check), gone
    assert "each unit of it adds half a unit to your share" in PROSE
    assert "each unit adds less than half a unit" in PROSE
    # review 86, U1: the worked example ("with a weight of one half") is cut from the note
    summary = PROSE.split("## What to take away")[1]
    assert "adds half a unit to your share for each unit of it" in summary


def test_no_power_fact_uses_a_say_held_for_others():
    """Section 7 says a say held on others' behalf is not yours to bring to your own deals,
    yet one of question 1's facts had Kestrel's project manager decide for a consortium which
    partner makes which part, a say presented as Kestrel's own leverage over Harrow. The fact
    now gives Kestrel, as lead bidder, the choice of its own subcontractors."""
    texts = {kind: text for kind, (_, _, text) in _P._POWER_FACTS.items()}
    for text in texts.values():
        assert "consortium" not in text and "on behalf" not in text
        assert "project manager" not in text
    assert "the lead bidder alone chooses its own subcontractors" in texts["harrow_approval"]
    assert _keyed("harrow_approval")[:2] == ["authority", "them on Kestrel"]
    rule = _section(PROSE, "**Power that comes with a public office", "**Information bought")
    assert "as is raising any say you hold on others' behalf" in rule


def test_the_condition_for_mentioning_an_alternative_reads_the_same_in_question_7():
    """Question 7 told the learner to tell the other side of an unseen alternative without
    condition, while section 7 and question 9b mention one only when it beats what the other
    side believes is the least you would accept; question 7 states that condition in the
    same words. Review 72, U1: in question 7 Granite has seen Harrow's offer, so its pointer
    to section 7's condition was an aside and is cut; question 7 gives no such instruction
    at all, and section 7 states the condition once."""
    seven = _section(PROSE, "### Question 7", "def granite_reply")
    assert "first tell them of it, as section 7 says" not in seven
    assert "tell them of it" not in seven
    using = _section(PROSE, "## 7. Using power", "### Legitimate and illegitimate power")
    assert "mention an alternative when it beats the other side's estimate of" in " ".join(
        using.split()
    )


def test_question_2_says_its_shapley_value_prepares_question_4():
    """Question 2 asked for Kestrel's Shapley value though neither returned value uses it;
    the text now says it prepares question 4."""
    two = _section(PROSE, "### Question 2", "def licence_floor")
    # session 56, U5: the question comes first, the pointer to question 4 last
    assert "neither part below needs that figure" not in two
    # review 99, U2 (round 100): the pointer is cut; both verdicts now use the figure
    assert "question 4 asks how Kestrel" not in two
    assert "call `shapley_values`" not in two  # review 64, X1: pricing it is the learner's


def test_the_order_in_time_of_questions_4_and_6_to_9_comes_before_question_4():
    """The learner was moved back and forth in time within one case (question 6 before the
    licence talks, 8 before Atlas proposes, 9a before Harrow told Granite, 4 at Atlas's
    proposal, 7 at Granite's, 9b a year later); one sentence gives that order, at the head of
    question 4, the first of them the learner meets (it came at question 6, after question 4
    was answered), and each question still says its own moment."""
    # session 56, C2: a paragraph giving that order asked the learner to hold several clocks
    # at once; it is gone, and each question says its own moment in its opening lines, the
    # what-ifs with Corvid (questions 2 and 8) both set before Atlas proposes
    assert "move about in time" not in PROSE and "In the order things happen" not in PROSE
    heads = {
        "### Question 2": "before Atlas proposed",
        "### Question 4 (1 mark)": "is on the table",
        "### Question 6 (2 marks)": 'the what-if "Paid on signing?"',  # review 91, U2
        "### Question 7 (2 marks)": "Granite's first proposal",
        "### Question 8 (2 marks)": "before Atlas proposes",
        "**Part a (2 marks).**": "Granite knows only what Kestrel tells it of Harrow",  # rev. 90
        "**Part b (1 mark).**": "A year later",
    }
    for head, moment in heads.items():
        start = PROSE.index(head)
        assert moment in PROSE[start : start + 700], head
    assert "Granite knows only what Kestrel tells it of Harrow" in _section(
        PROSE, "### Question 9", "def rate_tactics"
    )  # review 90, U3: the moment said by what Granite knows then
    assert "a what-if set before Atlas proposes and before Granite's first proposal" in (
        _section(PROSE, "### Question 8", "def best_lever")
    )
    assert "A year later" in _section(PROSE, "**Part b (1 mark).**", "def harrow_move")


def test_the_intro_describes_module_00s_power_row_as_wide_as_module_00_does():
    """Section 1 says influence works through what others believe about you, not through a
    thing that changes hands, so the intro's summary of module 00 cannot be 'what it
    controls' alone."""
    assert "and what it controls that the other side needs" not in PROSE
    # session 56, C1: a skill was listed among what a side holds or controls, which section
    # 1 then says influence is not; the intro now lists it among what others need from it
    assert "holds, controls or decides that the other side needs (a resource" not in PROSE
    assert "and what the other side needs from it: a resource it holds" in PROSE
    assert "a skill others rely on" in PROSE
    assert "not through a thing that changes hands" in " ".join(PROSE.split())  # review 93 C1


def test_weak_and_strong_alternatives_are_defined_once_by_what_the_other_side_expects():
    """Section 7's bar is defined once: an alternative that beats what the other side
    believes is the least you would accept (under full information, your share at the
    table). Review 106, C3 (round 107): it is called **binding**, as section 5 says of an
    option, and "strong" is left to its everyday and Fisher and Ury's sense."""
    # review 102, U3: a bold definition line opens section 7
    # review 108, U3 (round 109): **worth mentioning**, as "binding" keeps section 5's sense
    definition = (
        "an alternative is **worth mentioning** when it beats the other side's estimate of "
        "your share at the table; with full information, exactly when it binds (section 5)"
    )
    flat = " ".join(PROSE.split())
    assert flat.count(definition) == 1
    first_use = min(flat.find(w) for w in ("one worth mentioning.", "one worth mentioning known"))
    assert flat.index(definition) < first_use
    assert "**strong**" not in PROSE and "a strong one" not in PROSE
    assert "keep any other to yourself" in flat


def test_the_end_date_price_is_within_half_a_days_worth_and_one_per_cent_from_two_months():
    """The licence runs to a fixed end date, yet section 5 prices it as if talks could go
    on for ever: the last-round effect stays within half a day's worth to Atlas, under 1%
    of its value from 60 days on. (Review 78, U1, round 79, cut the closing note's sentence
    saying so; the claim the price rests on stays checked here.)"""
    assert "fraction of a per cent" not in PROSE
    for s in _drawn_scenarios()[:20]:
        v1, v2 = s.atlas_value, s.borealis_value
        for days in (60, 61, 75, 90, 91, 180, 365, 730):
            for first in (True, False):
                gap = abs(_kestrels_price_with_an_end_date(v1, v2, days, first) - max(v1 / 2, v2))
                assert gap <= v1 / days / 2 + 1e-6 and gap < 0.01 * v1, (s.learner, days)


def test_module_05s_dates_are_described_as_modules_00_and_05_describe_them():
    """Module 05 gives each side a date of its own (stock runs out, capacity booked), as
    module 00 says; section 4 must not say both sides face one date."""
    assert "where both sides face one date" not in PROSE
    # review 58, C2: module 05 now files a deadline as module 00 does, so this module no
    # longer describes module 05's filing at all
    assert "module 05, where each side faces a date" not in PROSE
    assert "writes that same pressure under power" not in PROSE


def test_legitimate_is_kept_for_section_7s_line_only_from_section_1_on():
    """Section 1 keeps 'legitimate' for section 7's line from here on; it said module 00's
    power row used the word in French and Raven's sense, which module 00 no longer does."""
    assert 'the course keeps the word "legitimate" for' not in PROSE
    one = _section(PROSE, "- **authority**", "- **expert**")
    # module 00's power row no longer uses the word (it says 'rightfully yours'), so
    # section 1 no longer says it did
    assert "module 00's power row used the word" not in one
    # review 82, U5 (round 83): shorter
    # review 102, U4: the note on the course's choice became what the reader needs
    assert 'section 7 uses "legitimate" in another sense' in " ".join(one.split())


def test_question_4_leaves_take_or_counter_to_the_learner_and_hints_bound_the_price():
    """Question 4 listed three bounds on the price (never below Borealis, never below the
    offer but for rounding, never above the larger of the offer and the models' price) that
    left one price for every learner, so whether to take Atlas's figure or counter was
    written out. The text now names the candidates only; the check keeps the range and, for
    a price outside it, a hint says which bound it breaks, without the price."""
    from course.checks import power as check
    from course.checks.hints import NotYet

    four = _section(PROSE, "### Question 4", "def licence_reply")
    assert "Never less than Kestrel" not in four and "never more than the larger" not in four
    four = " ".join(four.split())  # review 58, U2: the choice is the learner's, unstated
    assert "Atlas's own figure if Kestrel takes it" not in four
    # review 98 X1; review 102, X1: the rule no longer stands above the question
    assert "the rule above picks the reply" not in four
    assert "Which figure does Kestrel stand on (not an opening ask), and with which reply?" in four
    assert "the figure Kestrel takes or stands on" in four  # review 80, C1; review 69

    def general(s, price):
        with pytest.raises(NotYet) as raised:
            check.judge_reply_price(s, (price, check.REASONS[0]))
        return raised.value.general

    # review 65, X1: three candidates, Atlas's round figure, the proposal worked out and
    # Borealis's offer; the range is the highest of them, and a hint names the bound broken
    taken = {"accept": 0, "yardstick": 0, "rival": 0}
    for s in _drawn_scenarios()[:150]:
        low, high = _P.reply_range(s)
        proposal, v2, figure = _P.kestrel_shapley(s), s.borealis_value, s.atlas_figure
        reason = _P.reply_reason(s)
        taken[reason] += 1
        assert low >= max(v2, figure), s.learner
        # review 80, X2: the yardstick to the hundred, rounded down, is the lowest price
        assert low in (v2, figure, math.floor(proposal / 100) * 100)
        assert "below what the rival would pay" in general(s, v2 - 100)
        if high + 200 < s.atlas_value:
            assert "more than any figure the seller can stand on" in general(s, high + 200)
        if reason == "accept" and low - 200 >= max(v2, proposal):
            assert "below the buyer's own figure" in general(s, low - 200)
        if reason == "yardstick" and low - 200 >= max(v2, figure):
            assert "below the yardstick the buyer itself proposed" in general(s, low - 200)
        if reason == "rival":
            assert "below what the rival would pay" in general(s, max(proposal, figure))
    assert min(taken.values()) > 20, taken


def test_a_bidder_no_higher_than_the_best_rival_or_the_table_share_adds_nothing():
    """Sections 6 and the summary named only a bidder below the best rival; one above it but
    no higher than half the keen buyer's value adds nothing either (about one learner in
    ten), and the text now says both; the lever's gain is zero exactly then."""
    six = _section(PROSE, "## 6. Building power", "### Question 8")
    assert (
        "a bidder offering no more than the higher of your best rival's offer and your share "
        "at the table;"  # review 90, C1: a line of its own (review 100, U1: a list)
    ) in " ".join(six.split())
    assert "a bidder below your best rival, or an" not in PROSE
    assert "a bidder no higher than your best rival or your share at the table" in PROSE
    middle = 0
    for s in _drawn_scenarios():
        v1, v2, c = s.atlas_value, s.borealis_value, s.corvid_value
        assert (_P.lever_gains(s)["bidder"] == 0) == (c <= max(v2, v1 / 2)), s.learner
        middle += v2 < c <= v1 / 2
    assert middle > 0


#: Terms this module defines, each with the words of its definition: no term may appear
#: before them (a fresh review, finding 2: "commitment" was used in sections 5 and question 4,
#: for Borealis's offer and for a last word, before section 7 defined it).
DEFINED_TERMS = {
    # review 83, U3 (round 84): "commitment" is gone; test_power_review84 keeps it out
    # review 94, U1: the term is module 01's (section 5); question 4 recalls it, unitalicised
    "anchor": "first offers anchor: they pull the final price towards them",
    "share at the table": "Your **share at the table**",  # review 79, U1: opens the recap  # review 79, U1: opens the recap
    "breakdown payoff": "**A breakdown payoff** is what each side",
    "rate of loss": "**rate of loss**",
    "subgame-perfect": "**subgame-perfect equilibrium**",
    "discount factor": "*discount factor* between 0 and 1",
}


def test_no_term_of_this_module_is_used_before_its_definition():
    """A fresh review, finding 2. Fails on the old text: "commitment" came first in section 5
    (Borealis's "written commitment") and in question 4 ("section 5's model, without
    commitment"), two sections before section 7 defined it."""
    # headings name a section's subject and are left out; so is code (its comments included)
    text = "\n".join(
        line
        for line in NOTEBOOK.splitlines()
        if line.startswith("#") and not re.match(r"# #+ ", line) and "nbgrader=" not in line
    )
    prose = " ".join(_prose(text).split())
    for term, definition in DEFINED_TERMS.items():
        at = prose.index(" ".join(definition.split()))
        first = re.search(rf"\b{re.escape(term)}", prose, re.I).start()
        # the term may open the sentence that defines it
        assert first > at - 120, (term, prose[first - 80 :][:200])


def test_question_4s_reasons_are_judged_by_what_comes_before_it():
    """A fresh review, finding 1: question 4 refused "interests" for a counter above Atlas's
    proposal by a rule only section 7 taught (what the licence does for Atlas cannot carry the
    price alone). Section 2 now says it, before question 4; section 7 points back. Fails on the
    old text."""
    # review 59, E1: the value raises no price only because the buyer knows it, and the
    # price still moves with v1 when the rival is weak; review 64, C2 and U1: said in one
    # sentence that keeps the two apart, the advice on interests left to section 7
    # review 89, U1: the clause on telling the buyer a value it knows is cut
    # review 102, U3: "weak" is kept for section 7's alternatives; review 106, U5 (round
    # 107): the half-unit result is said in section 5, which derives it, still before
    # question 4
    ground = "exactly that whenever Borealis binds; otherwise each unit of $v_1$ adds half a unit."
    prose = " ".join(PROSE.split())
    assert prose.index(ground) < prose.index("### Question 4") < prose.index("## 7. Using power")
    assert "cannot carry the price alone" not in prose
    # review 65, X1: section 7 points back to question 4 for the grounds and the figures
    # review 83, U1 (round 84): said once, in section 5, before question 4
    lower = "Naming a figure below the highest one on the table points the other side down to it"
    # review 102, X1: the rule now follows question 4's check, before question 5
    assert prose.index("check.licence_reply(licence_reply)") < prose.index(lower)
    assert prose.index(lower) < prose.index("### Question 5")
    assert "A standard below the figure on the table" not in prose
    assert "as question 4's best reply does" in prose
    assert "no ground for a higher price" not in prose


#: For each question whose comparison is the learner's to choose, words its check cell's
#: docstring must not use: they would name the comparison, or the rule, it grades.
CHECK_DOCSTRING_GIVEAWAYS = {
    "harrow-move-test": ("beats", "expects", "writing", "guess", "only when"),
    "licence-floor-test": ("core", "rival", "Borealis"),
    "rig-prices-test": ("reach", "walk", "breakdown", "outside option"),
}


@pytest.mark.parametrize("grade_id", sorted(CHECK_DOCSTRING_GIVEAWAYS))
def test_a_check_cells_docstring_names_no_rule_its_question_leaves_to_the_learner(grade_id):
    """The one-line docstring of a check cell says what is checked, not how to decide it:
    the question says which number decides is the learner's to judge."""
    cell = NOTEBOOK[NOTEBOOK.index(f'"grade_id": "{grade_id}"') :]
    docstring = cell.split('"""')[1]
    assert docstring.startswith("Check that ")
    for word in CHECK_DOCSTRING_GIVEAWAYS[grade_id]:
        assert word.lower() not in docstring.lower(), (grade_id, word)


def test_question_3_sets_the_chairs_agenda_power_aside():
    """Question 1 tells some learners that Ironvale's director chairs Fellgate and decides
    what reaches a vote, and Ironvale may be one of question 3's sellers: question 3 says
    the chair puts Kestrel's proposal to the vote, and that her power lies outside the
    indices."""
    from course.scenarios.power import _POWER_FACTS

    question = _section(PROSE, "Question 3 (2 marks)", "def buy_votes_from")
    assert "Take it that the chair puts Kestrel's proposal to the vote" in question
    # review 80, U1 (round 81): the rest of the caveat (the chair's power outside the
    # indices) was cut for length; the assumption itself stays
    assert (
        "chairs Fellgate" not in question and "chair Fellgate" in _POWER_FACTS["fellgate_chair"][2]
    )


def test_the_text_on_a_large_firms_cost_of_delay_fits_granites_draw():
    """Section 4 says a large retailer such as Granite loses a few percent a month, through
    its selling season, not a tenth: its drawn discount factors lose 2% to 5% a month."""
    from course.scenarios.power import DELTA_THEM

    section = _section(PROSE, "Time is rarely free", "Rubinstein (")
    # review 77, U5: said once, in the story (part 4), which gives Granite's figure
    assert "selling season" not in section
    # review 110, C1 (round 111): its goods a month later, no season's end (a deadline)
    assert "(the goods would reach its shops a month later)" in " ".join(
        course.variant("03_power", "u5").story().split()
    )
    assert "very high cost for a large firm" not in section
    assert round(1 - DELTA_THEM[1], 9) >= 0.02 and round(1 - DELTA_THEM[0], 9) <= 0.05
    assert "impatient side in the Granite talks" in PROSE


def test_section_5_gives_the_nash_split_on_b_one_name_and_says_where_it_holds():
    """Section 5 called b + (1 - b)/2 "split the difference" where it is the wrong rule
    (an outside option) and "the Nash split" where it is the right one (a breakdown
    payoff), and question 5 grades it: one formula, two names, read as a contradiction.
    It now has one name, the Nash split on b, said wrong for the first kind and right for
    the second."""
    # review 79, U1 (round 80): the wrong guess is module 02's to teach; section 5 recaps it
    five = _section(PROSE, "We recap and extend module 02's section 7.", "The licence of section 2")
    assert "*split the difference*" not in five and "splitting the difference" not in five
    assert "Nash split on $b$" not in five
    assert "alternating offers end at the Nash split on the breakdown payoffs" in five


def _licence_by_days(v1, v2, days, option_shrinks):
    """Kestrel's payoff, day by day, in the licence talks worked back from the end date: a
    licence worth v1 (T - t) / T on day t, Atlas proposing on even days, Kestrel able to
    take Borealis's v2 (or, when ``option_shrinks``, v2 (T - t) / T) at any time."""
    kestrel, atlas = [0.0] * (days + 2), [0.0] * (days + 2)
    kestrel[days] = kestrel[days + 1] = 0.0 if option_shrinks else v2
    for t in range(days - 1, -1, -1):
        pie = v1 * (days - t) / days
        option = v2 * (days - t) / days if option_shrinks else v2
        if pie <= option:
            kestrel[t], atlas[t] = option, 0.0
        elif t % 2 == 0:
            kestrel[t] = max(option, kestrel[t + 1])
            atlas[t] = pie - kestrel[t]
        else:
            kestrel[t] = max(pie - atlas[t + 1], option)
            atlas[t] = pie - kestrel[t]
    return kestrel


@pytest.mark.parametrize("v2", [20, 40, 55, 70])
def test_a_fixed_borealis_figure_gives_the_midpoint_and_a_days_delay_still_costs_kestrel(v2):
    """Section 5 said that with Borealis's figure fixed Kestrel "would lose nothing by
    holding out", which the module's own model contradicts (a fresh review, E2): the two
    share the licence's worth above the fixed figure, which shrinks for both, so they split
    it evenly, and a deal struck later gives Kestrel less. Review 67 (C1) cut the text's
    claim on this case (no source); the model's result stays checked here. Worked back over a year of days:
    the midpoint (v1 + v2) / 2 with a fixed figure, max(v1/2, v2) with one that shrinks in
    step, and Kestrel's payoff two days on (same proposer) below today's."""
    fixed = _licence_by_days(100, v2, 365, option_shrinks=False)
    assert fixed[0] == pytest.approx((100 + v2) / 2, abs=0.2)
    assert fixed[2] < fixed[0]
    shrinking = _licence_by_days(100, v2, 365, option_shrinks=True)
    assert shrinking[0] == pytest.approx(max(50, v2), abs=0.1)
    # review 67, C1: the closing note's claim built on this game (a fixed figure, a shrinking
    # licence) had no source and was hard to follow; review 78, U1 (round 79) cut the
    # note's bullet on this story, and the claim stays out
    assert "lose nothing" not in PROSE and "shift the price towards Kestrel" not in PROSE
    assert "Borealis's figure held" not in PROSE and "would still cost Kestrel" not in PROSE


def test_the_granite_contract_is_a_joint_gain_and_kestrels_part_its_margin():
    """The story had Granite "share a contract with a margin", Kestrel's part 10-35% of it:
    a supplier's margin is its price less its own cost, so the pie read oddly (a fresh
    review, E3). The pie is now the gain the contract makes for the two together, its worth
    to Granite above Kestrel's cost, and Kestrel's part of it is its margin."""
    for learner in STORY_LEARNERS[:20]:
        story = course.variant("03_power", learner).story()
        assert "contract with a margin" not in story and "of the margin" not in story
        assert "worth to Granite above what doing it costs Kestrel" in story
        assert "Kestrel's part is its margin" in story
    assert "of the contract's margin" not in PROSE and "that share of the margin" not in PROSE
    assert "We cannot take less than" not in _P._TACTICS["limit_claim"][2]


def test_reservation_price_means_one_thing_and_the_patience_threshold_has_its_own_name():
    """A fresh review (C2): question 2 defines the reservation price as the least Kestrel
    could accept given what else it could do (module 00's sense), while section 7, question
    9b and the story used the same words ("the least you would accept", "their estimate of
    your reservation price") for the least a side accepts at the table given its patience.
    That one is now the acceptance threshold, defined in section 7 against the reservation
    price; "the least ... would accept" no longer names it in the text, the story or the
    hints, and "reservation price" is never said of the patience threshold."""
    from course.checks import power as check
    from course.checks.hints import NotYet
    from course.scenarios.power import HARROW_MOVES

    using = _section(PROSE, "## 7. Using power", "### Legitimate and illegitimate power")
    using = " ".join(using.split())
    # review 64, U3: defined where it is first used, in the bullet on mentioning alternatives
    # review 77, U2: the coined name went, and with it the warning it needed
    assert "the other side's estimate of your share at the table" in using
    assert "acceptance threshold" not in PROSE
    # review 74, C2: said once, of module 02's yardstick, never of the patience threshold
    # review 76, C1: module 02 has no "threshold"; its rule is named as a rule
    bridge = "Module 02's rule compared the alternative with their estimate of your reservation"
    # review 79, C1 (round 80): the summary names module 02's bar too, as module 02's
    summary_bar = "module 02's bar, their estimate of your reservation price"
    assert PROSE.count("estimate of your reservation price") == 2 and bridge in using
    assert summary_bar in PROSE
    assert "estimate of your acceptance threshold" not in PROSE  # review 76, U1
    for words in ("least you would accept", "least Kestrel would accept", "least it would"):
        assert words not in PROSE, words
    s = course.variant("03_power", "threshold-0")
    assert (
        "would estimate Kestrel's share at the table (section 5; Granite's estimate of it, section 7)"
        in " ".join(s.story().split())
    )
    hints = []
    for said in HARROW_MOVES:
        try:
            check.judge_harrow_move(s, said)
        except NotYet as failure:
            hints.append(f"{failure} {failure.general}")
    assert hints and all("would accept" not in hint for hint in hints)
    assert any("estimate of your share" in hint for hint in hints)


def test_questions_4_and_7_grade_one_standard_the_models_move():
    """A fresh review (C1): question 7 graded the model's move ("walk away") and called a
    same-day counter at Harrow's figure the real-talks version, while question 4 graded that
    counter (the price Kestrel "names in its reply") in the same position. Both now grade
    the model's move: question 4's price is what Kestrel ends up with (the figure it
    accepts or, if it refuses, section 5's prediction), its rival case is question 7's
    walk-out, and the counter is the real-talks version in both."""
    four = _section(PROSE, "### Question 4", "def licence_reply")
    seven = _section(PROSE, "### Question 7", "def granite_reply")
    four, seven = " ".join(four.split()), " ".join(seven.split())
    assert "the price Kestrel names in its reply" not in four
    # review 69, U2: the price is the money Kestrel expects, whether it takes Atlas's figure
    # or names one, so a counter at Borealis's figure and the walk-out bring the same
    assert "the figure Kestrel takes or stands on" in four  # review 80, C1
    # review 78, X1 (round 79): section 5 says it, of any buyer and rival; review 97, U1
    # (round 98): in the rule that ends section 5, just before question 4
    # review 102, X1: in the rule after question 4's check
    five = " ".join(_section(PROSE, "The predicted price is a forecast", "### Question 5").split())
    assert "real talks name the rival's figure to the buyer instead" in five
    # review 61, C2; review 75, U6; review 87, C1: no "say so calmly" in question 7
    # review 106, C1 (round 107): the walk-out is the game's move, named in the fold; the
    # move marked is naming Harrow's figure, as question 4's rival
    # review 108, C1 + U5 (round 109): the rule is in the stem now, not in a fold
    assert "Where the model's best move is to walk out to Harrow, answer" in seven
    assert '`"name Harrow"`' in seven


def test_no_phrase_tells_the_rigs_two_kinds_apart_and_a_walk_out_text_names_an_event():
    """A fresh review (W5): every breakdown text and practice version 2 said "would then, and
    only then,", no walk-out text did, so a one-line classifier on that phrase matched the
    key for 250/250 learners and the practice case taught it. No phrase of one to six words
    is now in every text of one kind and in none of the other (own texts alone, and with
    the practice version of each kind), and one walk-out text names an event (a bank's
    review) that cannot end the talks, so an event alone does not make a breakdown."""
    from course.scenarios.power import _RIG_TEXTS, PRACTICE_RIG

    def grams(text, n):
        words = re.findall(r"[a-z']+", text.lower())
        return {" ".join(words[i : i + n]) for i in range(len(words) - n + 1)}

    practice = {True: [], False: []}
    for walk_out, _, text in PRACTICE_RIG.values():
        practice[walk_out].append(text)
    walk = list(_RIG_TEXTS["outside option"])
    left = list(_RIG_TEXTS["breakdown payoff"])
    pools = [(walk, left), (walk + practice[True], left + practice[False])]
    for these, those in [pair for pool in pools for pair in (pool, pool[::-1])]:
        for n in range(1, 7):
            common = set.intersection(*(grams(text, n) for text in these))
            telling = common - set.union(*(grams(text, n) for text in those))
            assert not telling, (n, telling)
    assert any("bank" in text and "no review could stop" in text for text in walk)


def test_section_5_keeps_the_two_rules_and_leaves_the_mixed_case_to_the_specialist():
    """Session 56, U1 and W2: section 5 ran to about 1,800 words, the breakdown-plus-delay
    mix and the licence's payment machinery among them, none of it examined. They now sit,
    shorter, in the specialist's note; the main text keeps the rules and one sentence on
    the story. Question 7 no longer says the pie game's rule applies as it stands."""
    outside = _section(PROSE, "## 5. Outside options", "### Question 4")
    note = _section(outside, "<details><summary>Closing note", "</details>")
    main = outside.replace(note, "")
    # review 62, U1: why the two rates are equal is now told once, in part 1 of the story
    # (test_borealis_offer_falls_with_the_licence_so_the_price_is_deal_me_out)
    for moved in ("each unit adds less than half a unit",):  # review 86, U1: no 33,750
        assert moved in note and moved not in main, moved
    assert "priced per remaining month" not in main and "overdraft plays no part" not in main
    # review 92, E1: the cost of delay is a share of each side's own part
    assert "costs Kestrel and Atlas the same share of what each gets" in " ".join(main.split())
    assert len(main.split()) < 1_250, len(main.split())
    seven = _section(PROSE, "### Question 7", "def granite_reply")
    assert "the same reasoning applies" not in seven
    assert "computer's seat" not in seven
