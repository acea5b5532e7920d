"""course.models.concessions: Faratin et al. (1998) tactics, the Pareto frontier, trade ratios."""

import itertools
import math

import pytest

from course.models.concessions import (
    better_for_both,
    concession_fraction,
    pareto_frontier,
    time_dependent_offer,
    trade_ratio,
)


@pytest.mark.parametrize(
    ("beta", "halfway"),
    [(1.0, 0.5), (0.5, 0.25), (2.0, math.sqrt(0.5)), (0.1, 0.5**10)],
)
def test_polynomial_tactics_halfway_to_the_deadline(beta, halfway):
    """α(T/2) = (1/2)^(1/β): Boulware (β<1) has conceded less than half, Conceder more."""
    assert concession_fraction(5, 10, beta) == pytest.approx(halfway)


def test_kappa_is_the_opening_concession_and_the_deadline_concedes_all():
    for family in ("polynomial", "exponential"):
        assert concession_fraction(0, 10, 0.5, kappa=0.2, family=family) == pytest.approx(0.2)
        assert concession_fraction(10, 10, 0.5, kappa=0.2, family=family) == pytest.approx(1.0)
        assert concession_fraction(25, 10, 0.5, kappa=0.2, family=family) == pytest.approx(1.0)


def test_exponential_family_halfway():
    assert concession_fraction(5, 10, 2.0, kappa=0.1, family="exponential") == pytest.approx(
        math.exp(0.25 * math.log(0.1))
    )


def test_offers_move_from_initial_to_reservation_for_both_sides():
    assert time_dependent_offer(0, 10, 100, 40, 1.0) == 100
    assert time_dependent_offer(5, 10, 100, 40, 1.0) == 70
    assert time_dependent_offer(5, 10, 0, 70, 1.0) == 35
    assert time_dependent_offer(10, 10, 0, 70, 4.0) == 70


def test_pareto_frontier_drops_dominated_outcomes():
    outcomes = [(1, 1), (3, 1), (2, 2), (1, 3), (2, 2), (0, 0), (3, 0)]
    assert pareto_frontier(outcomes) == [(1.0, 3.0), (2.0, 2.0), (3.0, 1.0)]


def test_trade_ratio():
    assert trade_ratio(30, 20) == 1.5
    assert trade_ratio(10, 20) == 0.5


@pytest.mark.parametrize(
    ("call", "error", "words"),
    [
        (lambda: concession_fraction(-1, 10, 1), ValueError, "t must not be negative"),
        (lambda: concession_fraction(1, 0, 1), ValueError, "deadline must be positive"),
        (lambda: concession_fraction(1, 10, 0), ValueError, "beta must be positive"),
        (
            lambda: concession_fraction(1, 10, 1, kappa=1.5),
            ValueError,
            "kappa must be between 0 and 1",
        ),
        (
            lambda: concession_fraction(1, 10, 1, family="cubic"),
            ValueError,
            "family must be one of",
        ),
        (
            lambda: concession_fraction(1, 10, 1, family="exponential"),
            ValueError,
            "kappa must be above 0",
        ),
        (lambda: concession_fraction("1", 10, 1), TypeError, "t must be a number"),
        (lambda: pareto_frontier([(1, 2, 3)]), TypeError, "must be a (utility_a, utility_b) pair"),
        (lambda: trade_ratio(10, 0), ValueError, "cost_of_concession must be positive"),
    ],
)
def test_bad_input_is_explained(call, error, words):
    with pytest.raises(error, match=__import__("re").escape(words)):
        call()


def test_the_notebooks_worked_example_of_the_three_tactics():
    """Section 2's printout: how much each tactic has conceded by round 5 of 10, from 100 to
    40, and what its steps look like (Boulware's grow, linear's hold, Conceder's shrink)."""
    shown = {0.2: (0.03, 98.1), 1.0: (0.50, 70.0), 5.0: (0.87, 47.8)}
    for beta, (conceded, offer) in shown.items():
        assert round(concession_fraction(5, 10, beta), 2) == conceded
        assert round(time_dependent_offer(5, 10, 100, 40, beta), 1) == offer
    for beta, grow in ((0.2, True), (5.0, False)):
        offers = [time_dependent_offer(t, 10, 100, 40, beta) for t in range(11)]
        steps = [a - b for a, b in itertools.pairwise(offers)]
        assert all((later > earlier) == grow for earlier, later in itertools.pairwise(steps))
    linear = [time_dependent_offer(t, 10, 100, 40, 1.0) for t in range(11)]
    assert {round(a - b, 9) for a, b in itertools.pairwise(linear)} == {6.0}


def test_the_notebooks_small_frontier_and_its_rates():
    small_case = [(4, 0), (3, 1), (1, 1), (2, 3), (0, 4), (2, 2)]
    assert pareto_frontier(small_case) == [(0, 4), (2, 3), (3, 1), (4, 0)]
    assert better_for_both((1, 1), small_case) == [(3, 1), (2, 3), (2, 2)]
    assert better_for_both((3, 1), small_case) == []  # so any move from it costs someone
