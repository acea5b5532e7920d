"""Information as leverage: beliefs about the other side, and what knowing more is worth.

Beliefs are mappings from a possible value (say, the other side's reservation price) to
its probability. Fractions in give fractions out, so worked examples come out exact.
"""

import math
from collections.abc import Mapping

from course.checks import calls
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

    ``likelihood[v]`` says how likely the signal is if the value is ``v``: a chance, a
    probability density (which can exceed 1), or any positive multiple of them, since
    only their ratios matter. Each must be finite and at least 0, and not all 0. The
    posterior is prior × likelihood, rescaled to sum to 1 (Bayes 1763; any statistics
    text).

    >>> update_beliefs({60: 0.5, 70: 0.3, 80: 0.2}, {60: 0.1, 70: 0.3, 80: 0.6})[80]  # 6/13
    0.4615384615384615
    >>> update_beliefs({60: 0.5, 70: 0.3, 80: 0.2}, {60: 0.2, 70: 0.6, 80: 1.2})[80]  # the same
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
        if number(likelihood[value], f"the likelihood of {value!r}") < 0:
            raise ValueError(
                f"the likelihood of {value!r} must not be negative, got {likelihood[value]!r}"
            )
    return bayes_update(prior, likelihood)


def bayes_update(prior, likelihood):
    """``update_beliefs`` without the input checks, for callers whose beliefs are known to
    be valid and whose loop would be slowed by checking them again (the engine's learner)."""
    weights = {value: chance * likelihood[value] for value, chance in prior.items()}
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
    kept inside [low, high] (the monopoly price under uniform demand). When no price
    makes a profit (``high`` is at or below ``cost``) the answer is ``(None, 0.0)``: do
    not sell.
    """
    cost, low, high = _uniform_range(cost, low, high)
    if high <= cost:
        return (None, 0.0)
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


def informed_profit(cost, low, high):
    """The seller's expected profit when they learn each buyer's value (reservation price)
    before pricing:
    they charge every buyer exactly their value and skip buyers worth less than the cost.
    The buyer's value is uniform on [low, high]."""
    return take_it_or_leave_it(cost, low, high)[1] + value_of_information(cost, low, high)


def expected_profit(price, cost, low, high):
    """The expected profit of one take-it-or-leave-it ``price`` to a buyer whose value is
    uniform on [low, high]: (price − cost) times the chance the buyer accepts (a buyer
    accepts when the price is at most their value)."""
    cost, low, high = _uniform_range(cost, low, high)
    price = number(price, "price")
    if high == low:
        accepts = 1.0 if price <= high else 0.0
    else:
        accepts = min(max((high - price) / (high - low), 0.0), 1.0)
    return (price - cost) * accepts


def compare_worth(first, second):
    """Two settings of the value-of-information explorer, each ``(cost, low, high)``, side by
    side: a dict with each one's ``worth`` (``value_of_information``), the ``winner`` (0 or 1,
    the one under which knowing the buyer's value is worth more; ``None`` on a tie), and
    ``differ``, what tells them apart: ``"range"`` (same cost and middle, one range wider),
    ``"end"`` (same cost, one end of the range moved: review 102 X4), ``"cost"`` (same
    range, one cost lower) or ``"both"``."""
    settings = [_uniform_range(*setting) for setting in (first, second)]
    worths = [value_of_information(*setting) for setting in settings]
    (cost_a, low_a, high_a), (cost_b, low_b, high_b) = settings
    if cost_a == cost_b and low_a + high_a == low_b + high_b and low_a != low_b:
        differ = "range"
    elif cost_a == cost_b and (low_a == low_b) != (high_a == high_b):
        differ = "end"
    elif (low_a, high_a) == (low_b, high_b) and cost_a != cost_b:
        differ = "cost"
    else:
        differ = "both"
    winner = None if math.isclose(*worths) else worths.index(max(worths))
    return {"worth": tuple(worths), "winner": winner, "differ": differ}


def information_summary(cost, low, high):
    """Everything the value-of-information explorer shows, as a dict: the best blind
    ``price`` (``None`` when no price makes a profit) and its ``blind_profit``, the
    ``informed_profit`` of knowing the buyer's value, and ``value`` (the difference: what
    the information is worth)."""
    price, blind = take_it_or_leave_it(cost, low, high)
    value = value_of_information(cost, low, high)
    return {"price": price, "blind_profit": blind, "informed_profit": blind + value, "value": value}


def beliefs_from_weights(weights):
    """Turn non-negative weights (value → weight, any scale) into probabilities summing to 1.

    >>> beliefs_from_weights({60: 5, 70: 3, 80: 2})
    {60: 0.5, 70: 0.3, 80: 0.2}
    """
    if not isinstance(weights, Mapping):
        raise TypeError(
            f"weights must be a mapping of value to weight, got {type(weights).__name__}"
        )
    if not weights:
        raise ValueError("the weights are empty: give at least one possible value")
    checked = {}
    for value, weight in weights.items():
        number(value, f"the value {value!r}")
        weight = number(weight, f"the weight of {value!r}")
        if weight < 0:
            raise ValueError(f"the weight of {value!r} must not be negative, got {weight:g}")
        checked[value] = weight
    total = sum(checked.values())
    if total == 0:
        raise ValueError("every weight is 0: give at least one value some weight")
    return {value: weight / total for value, weight in checked.items()}


def _band(band, what):
    if not isinstance(band, tuple | list) or len(band) != 2:
        raise TypeError(f"{what} must be a (low, high) pair of fractions, got {band!r}")
    low = probability(band[0], f"the low end of {what}")
    high = probability(band[1], f"the high end of {what}")
    if not low < high:
        raise ValueError(f"{what} must have low < high, got ({low:g}, {high:g})")
    return low, high


#: The belief updater's model of a buyer's later offers: it repeats its last offer with a
#: chance that rises as it nears its reservation price r, ``HOLD`` × (last offer / r);
#: otherwise it moves a share of the remaining gap to r, usually inside the concession
#: band, but with chance ``FLOOR`` anywhere up to it.
HOLD = 0.2
FLOOR = 0.05


class OfferNotExplained(ValueError):
    """No reservation price the beliefs still allow explains an offer under the model:
    offer number ``round`` (the opening is 1), the ``offer``, ``why`` in words, and
    ``unweighted``: the possible reservation prices the prior gives no weight to that would
    explain every offer so far (empty when none would, whatever the prior)."""

    def __init__(self, round_, offer, why, unweighted=()):
        self.round, self.offer, self.why = round_, offer, why
        self.unweighted = tuple(unweighted)
        if self.unweighted:
            # review 96 X1: the prior is named only when weight on one of its own values
            # would have explained the offers (Cromwell's rule)
            cause = (
                "Either this buyer is not behaving as the model assumes, or your prior gives "
                "no weight to the reservation prices that would explain it (Cromwell's rule): "
                f"here {listed(self.unweighted)}."
            )
        else:  # a step back, or an offer above every price in the model
            cause = (
                "No reservation price in this model explains it, whatever its weight: this "
                "buyer is not behaving as the model assumes."
            )
        super().__init__(
            f"none of your possible reservation prices explains offer {round_} ({offer:g}) "
            f"under the model's rules: {why}. {cause} Your beliefs are unchanged."
        )


def listed(values, last="and"):
    """Numbers in words: "50", "50 and 60", "50, 60 and 70" (``last`` joins the last two)."""
    names = [f"{value:g}" for value in values]
    return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} {last} {names[-1]}"


def offer_likelihoods(reservations, offer, previous=0.0, band=(0.5, 0.9), hold=0.0, floor=0.0):
    """How likely a buyer's ``offer`` is under each possible reservation price, scaled so
    the most likely value gets 1 (Bayes' rule only needs the ratios).

    Read as an opening (``previous`` 0), this is Question 1's answer, so that reading is an
    answer key: while a check runs a learner's function it refuses, as every key does. A
    later offer or a hold is read for anyone: Question 5b asks the learner to read holds
    with this very model, and a learner who calls it for a hold answers honestly.

    The model: from their ``previous`` offer (0 before the opening), a buyer whose
    reservation price is r either holds (repeats ``previous``) with chance
    h(r) = ``hold`` × previous / r, which rises as the gap closes (a buyer near the most
    it would pay is likelier to stand firm), or moves a share f of the remaining gap
    r − previous. The share is spread evenly over ``band`` with chance 1 − ``floor``, and
    evenly over the whole gap (0, 1] with chance ``floor``: a small chance for any step
    that does not pass r, so that no ordinary move is ruled out (Cromwell's rule, Lindley
    1985). As a probability density over offers this is
    (1 − h(r))((1 − floor) [f in band] / (b − a) + floor) / (r − previous).

    Two things stay impossible: an offer above r (no buyer offers more than the most it
    would pay), and a step back below ``previous``. A buyer already at its reservation
    price can only hold. With ``hold=floor=0`` (the opening offer) this is the plain band
    model: 1 / ((b − a) r) inside the band a r ≤ offer ≤ b r, and 0 outside it.
    """
    if number(previous, "the previous offer") == 0:
        return _opening_likelihoods(reservations, offer, band, hold, floor)
    return _likelihoods(reservations, offer, previous, band, hold, floor)


#: A key for an opening only (see its docstring): the routes test and ``course_at_work``
#: treat it as one; reading a later offer or a hold never reaches the guard.
offer_likelihoods.answer_key = True


@calls.answer_key
def _opening_likelihoods(reservations, offer, band, hold, floor):
    """``offer_likelihoods`` for an opening: Question 1's answer, guarded."""
    return _likelihoods(reservations, offer, 0.0, band, hold, floor)


def _likelihoods(reservations, offer, previous, band, hold, floor):
    """``offer_likelihoods``' working, unguarded (private: a learner's cell that names it
    is named in the class report)."""
    low, high = _band(band, "the band")
    hold = probability(hold, "the chance of holding")
    floor = probability(floor, "the floor")
    offer, previous = number(offer, "the offer"), number(previous, "the previous offer")
    if isinstance(reservations, Mapping):
        reservations = list(reservations)
    if not isinstance(reservations, list | tuple):
        raise TypeError(
            f"reservations must be a list of possible prices, got {type(reservations).__name__}"
        )
    if not reservations:
        raise ValueError("give at least one possible reservation price")
    step = offer - previous
    chances = {}
    for value in reservations:
        reservation = number(value, f"the reservation price {value!r}")
        gap = reservation - previous
        # the chance of holding rises as the gap closes; certain at the reservation price
        holds = 1.0 if gap <= 0 else hold * max(previous, 0.0) / max(reservation, previous, 1e-12)
        if step == 0:
            chances[value] = holds if gap >= 0 else 0.0
        elif 0 < step <= gap:
            share = step / gap
            inside = low - 1e-9 <= share <= high + 1e-9
            chances[value] = (1 - holds) * ((1 - floor) * inside / (high - low) + floor) / gap
        else:  # a step back, or past this reservation price
            chances[value] = 0.0
    top = max(chances.values())
    return {value: (chance / top if top else 0.0) for value, chance in chances.items()}


@calls.answer_key
def posterior_after_offers(prior, offers, opening=(0.5, 0.9), concession=(0.2, 0.6)):
    """Beliefs after each of the buyer's ``offers``, as a list of posteriors (one per
    offer). The opening offer is read with the plain ``opening`` band; each later one
    with the ``concession`` band, the chance of repeating the last offer (``HOLD`` times
    the last offer over the reservation price) and the
    ``FLOOR`` for any other step up to the reservation price (see ``offer_likelihoods``).

    An offer that no reservation price the beliefs still allow can explain raises
    ``OfferNotExplained`` (a ValueError) saying which offer and why.
    """
    _distribution(prior, "the prior")
    if not isinstance(offers, list | tuple):
        raise TypeError(f"offers must be a list of amounts, got {type(offers).__name__}")
    beliefs, previous, history = prior, 0.0, []
    explained = dict.fromkeys(prior, True)  # which values explain every offer so far
    for round_, offer in enumerate(offers, start=1):
        offer = number(offer, "the offer")
        if round_ == 1:
            likelihood = offer_likelihoods(list(prior), offer, 0.0, opening)
        else:
            likelihood = offer_likelihoods(
                list(prior), offer, previous, concession, hold=HOLD, floor=FLOOR
            )
        explained = {value: fits and likelihood[value] > 0 for value, fits in explained.items()}
        try:
            beliefs = bayes_update(beliefs, likelihood)
        except ValueError:
            why = _why(round_, offer, previous, beliefs, opening)
            unweighted = [value for value, fits in explained.items() if fits and prior[value] == 0]
            raise OfferNotExplained(round_, offer, why, sorted(unweighted)) from None
        history.append(beliefs)
        previous = offer
    return history


def _why(round_, offer, previous, beliefs, opening):
    """Why offer number ``round_`` fits none of the reservation prices still believed in."""
    if round_ == 1:
        return (
            f"a buyer opens at {opening[0]:.0%} to {opening[1]:.0%} of its reservation price, "
            "and no reservation price you give weight to has this offer in its band"
        )
    if offer < previous:
        return f"it is below the buyer's last offer ({previous:g}), and the model has no step back"
    highest = max(value for value, chance in beliefs.items() if chance > 0)
    return f"it is above every reservation price you still believe possible ({highest:g})"


def buyer_offers(reservation, opening_fraction, concession_fraction, rounds):
    """The offers of a scripted buyer: they open at ``opening_fraction`` of their
    reservation price and then move ``concession_fraction`` of the remaining way each round."""
    reservation = number(reservation, "the reservation price")
    opening_fraction = probability(opening_fraction, "the opening fraction")
    concession_fraction = probability(concession_fraction, "the concession fraction")
    if isinstance(rounds, bool) or not isinstance(rounds, int) or rounds < 1:
        raise ValueError(f"rounds must be a whole number of at least 1, got {rounds!r}")
    offers = [opening_fraction * reservation]
    while len(offers) < rounds:
        offers.append(offers[-1] + concession_fraction * (reservation - offers[-1]))
    return offers
