"""Input checks shared by the models, so every learner sees the same clear messages."""

import math
from numbers import Real

#: How far a sum of probabilities may drift from 1 before we call it wrong (float rounding).
PROBABILITY_TOLERANCE = 1e-9


def number(value, name):
    """Return ``value`` as a float, or explain why it is not a usable number."""
    # float and int first: the ABC check behind isinstance(..., Real) is slow in hot loops
    if type(value) not in (float, int) and (isinstance(value, bool) or not isinstance(value, Real)):
        raise TypeError(f"{name} must be a number, got {type(value).__name__} {value!r}")
    value = float(value)
    if not math.isfinite(value):
        raise ValueError(f"{name} must be a finite number, got {value}")
    return value


def probability(value, name="probability"):
    """Return ``value`` as a float in [0, 1], or explain what is wrong with it."""
    value = number(value, name)
    if not 0.0 <= value <= 1.0:
        raise ValueError(f"{name} must be between 0 and 1, got {value:g}")
    return value


def sums_to_one(probabilities, what="probabilities"):
    """Check that ``probabilities`` (already validated floats) add up to 1."""
    total = math.fsum(probabilities)
    if abs(total - 1.0) > PROBABILITY_TOLERANCE:
        raise ValueError(f"{what} must sum to 1, got {total:.6g}")
