"""The shared reading of a learner's number (``course.checks.hints.money``): every real
number counts, so an exact answer is never refused for its type (module 01 teaches the
belief update with ``Fraction``; the capstone's question 3 refused 22/49 as "not a number")."""

from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest

import course
from course.checks import capstone as check
from course.checks.hints import NotYet, money
from course.scenarios.capstone import quell_posterior


@pytest.mark.parametrize(
    "value", [3, 3.0, Fraction(3), Decimal("3"), np.int64(3), np.float32(3)], ids=repr
)
def test_every_real_number_is_a_number(value):
    assert money(value, "x") == 3.0


@pytest.mark.parametrize("value", [True, "3", None, [3], float("nan"), float("inf")], ids=repr)
def test_anything_else_gets_a_hint(value):
    with pytest.raises(NotYet, match="x should be a"):
        money(value, "x")


def test_the_capstones_beliefs_may_be_exact_fractions():
    for n in range(20):
        case = course.variant("05_capstone", learner=f"fraction-{n}")
        prior = Fraction(case.quell_prior).limit_denominator(1000)
        with_quell = prior * Fraction(case.rush_if_quell).limit_denominator(1000)
        without = (1 - prior) * Fraction(case.rush_if_not).limit_denominator(1000)
        chance = with_quell / (with_quell + without)
        assert abs(float(chance) - quell_posterior(case)) < 1e-9
        beliefs = {case.reservation_if_quell: chance, case.reservation_if_not: 1 - chance}
        check.judge_beliefs(case, beliefs)
