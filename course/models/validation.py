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
    values = list(probabilities)
    total = math.fsum(values)
    if abs(total - 1.0) > PROBABILITY_TOLERANCE:
        raise ValueError(f"{what} must sum to 1, got {total:.6g}{_how_to_split(values, total)}")


def _how_to_split(values, total):
    """How to write shares that add up, for a sum that missed 1 by an even split or by
    rounding (0.33 three times makes 0.99): "" for any other miss."""
    count = len(values)
    if count > 1 and max(values) - min(values) <= PROBABILITY_TOLERANCE:
        rounded = ", or 0.33, 0.33 and 0.34" if count == 3 else ""
        return f" (to split 1 evenly in {count}, write 1/{count} for each{rounded})"
    if abs(total - 1.0) <= 0.005 * count + PROBABILITY_TOLERANCE:
        return " (rounded shares may not add up: write a third as 1/3, not 0.33, or round one the other way)"
    return ""
