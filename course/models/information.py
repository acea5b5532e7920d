"""Information as leverage: beliefs about the other side, and what knowing more is worth.

Beliefs are mappings from a possible value (say, the other side's reservation price) to
its probability. Fractions in give fractions out, so worked examples come out exact.
"""

from collections.abc import Mapping

from course.models.validation import number, probability, sums_to_one


def _distribution(beliefs, what):
    """Validate a mapping of value to probability that sums to 1."""
    if not isinstance(beliefs, Mapping):
        raise TypeError(
            f"{what} must be a mapping of value to probability, got {type(beliefs).__name__}"
        )
    if not beliefs:
        raise ValueError(f"{what} is empty: give at least one possible value")
    for value, chance in beliefs.items():
        number(value, f"the value {value!r} in {what}")
        probability(chance, f"the probability of {value!r} in {what}")
    sums_to_one([float(chance) for chance in beliefs.values()], f"the probabilities in {what}")
    return beliefs


def update_beliefs(prior, likelihood):
    """Bayes' rule: the posterior over values after a signal.

    ``likelihood[v]`` is the chance of seeing the signal if the value is ``v``; it need
    not sum to 1 over the values. The posterior is prior × likelihood, rescaled to sum
    to 1 (Bayes 1763; any statistics text).

    >>> update_beliefs({60: 0.5, 70: 0.3, 80: 0.2}, {60: 0.1, 70: 0.3, 80: 0.6})[80]  # 6/13
    0.4615384615384615
    """
    _distribution(prior, "the prior")
    if not isinstance(likelihood, Mapping):
        raise TypeError(
            f"the likelihood must be a mapping of value to probability, got {type(likelihood).__name__}"
        )
    missing = [value for value in prior if value not in likelihood]
    if missing:
        raise ValueError(
            f"the likelihood gives no probability for {missing!r}, which the prior allows"
        )
    for value in prior:
        probability(likelihood[value], f"the likelihood of {value!r}")
    weights = {value: prior[value] * likelihood[value] for value in prior}
    total = sum(weights.values())
    if total == 0:
        raise ValueError(
            "the signal is impossible under every value the prior allows: check the likelihood"
        )
    return {value: weight / total for value, weight in weights.items()}


def expected_reservation(beliefs):
    """The expected value of a belief: each possible value weighted by its probability."""
    _distribution(beliefs, "the beliefs")
    return sum(value * chance for value, chance in beliefs.items())


def _uniform_range(cost, low, high):
    cost, low, high = number(cost, "cost"), number(low, "low"), number(high, "high")
    if low > high:
        raise ValueError(f"low must not exceed high, got low={low:g} and high={high:g}")
    return cost, low, high


def take_it_or_leave_it(cost, low, high):
    """The best single price to a buyer whose value is uniform on [low, high], and its
    expected profit, as ``(price, expected_profit)``.

    At price p in [low, high] the buyer accepts with chance (high − p) / (high − low), so
    the profit is (p − cost)(high − p) / (high − low), highest at p = (high + cost) / 2,
    kept inside [low, high] (the monopoly price under uniform demand). When even ``high``
    does not cover ``cost``, no price makes money: the answer is ``(high, 0.0)``.
    """
    cost, low, high = _uniform_range(cost, low, high)
    if high <= cost:
        return (high, 0.0)
    if high == low:
        return (high, high - cost)
    price = min(max((high + cost) / 2, low), high)
    return (price, (price - cost) * (high - price) / (high - low))


def value_of_information(cost, low, high):
    """What learning the buyer's exact value is worth to the seller (expected value of
    perfect information): the expected profit of charging each buyer their value, minus
    the best blind take-it-or-leave-it profit.

    With perfect information the seller earns max(v − cost, 0) from a buyer of value v;
    for v uniform on [low, high] that averages (low + high)/2 − cost when cost ≤ low, and
    (high − cost)² / (2 (high − low)) when low < cost < high.
    """
    cost, low, high = _uniform_range(cost, low, high)
    if high <= cost:
        informed = 0.0
    elif high == low or cost <= low:
        informed = (low + high) / 2 - cost
    else:
        informed = (high - cost) ** 2 / (2 * (high - low))
    return informed - take_it_or_leave_it(cost, low, high)[1]
