"""Checks for module 01 (information): each names the mistake it recognises.

A question that builds on an earlier one gets the right earlier result as an argument
(the beliefs after the opening), so one mistake never costs two questions.
"""

import contextlib
import itertools
import math
from collections.abc import Mapping
from dataclasses import replace
from numbers import Real

from course.checks.calls import course_at_work, question
from course.checks.credit import Carried, Check, score
from course.checks.hints import (
    NotYet,
    call_learner,
    diagnose,
    general_hint,
    money,
    passed,
    same_money,
)
from course.models.information import (
    expected_reservation,
    take_it_or_leave_it,
    update_beliefs,
    value_of_information,
)
from course.scenarios import information as reference
from course.variants import hidden_learners, hidden_rng, variant

MODULE = "01_information"

#: Other learners' scenarios the hidden tests also try, so hard-coded numbers fail: drawn
#: with the grader's secret key when graded, the public self-check learners otherwise
#: (``course.variants.hidden_learners``).
HIDDEN_LEARNERS = hidden_learners(MODULE, range(1, 6))

#: Probabilities may differ from ours by float rounding only.
CHANCE_TOLERANCE = 1e-6

#: Buyers who move a fixed share of the gap each round, as (offers, your cost, their
#: reservation price). The first is the belief updater's scripted buyer (40%, a deal
#: pays); the second moves a quarter, the third 60% (no deal pays, then one does).
CONCESSION_CASES = (
    ((42.0, 53.2, 59.92), 65.0, 70.0),
    ((20_000.0, 24_000.0, 27_000.0), 37_000.0, 36_000.0),
    ((20_000.0, 26_000.0, 28_400.0), 29_000.0, 30_000.0),
)


def _scenarios(hidden):
    """The learner's own scenario, plus other learners' when grading hidden cases."""
    own = variant(MODULE)
    return [own] + ([variant(MODULE, learner) for learner in HIDDEN_LEARNERS] if hidden else [])


def _close(a, b):
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def _number(value, what):
    """The learner's number as a float: any real number counts (int, float, Fraction;
    numpy's arrive as float), a truth value does not."""
    if isinstance(value, Real) and not isinstance(value, bool):
        value = float(value)
    return money(value, what)


def _truth(value, what):
    """The learner's True or False (numpy's arrives as bool), or a hint that it is neither."""
    if not isinstance(value, bool):
        raise NotYet(
            f"{what} should be True or False, got {type(value).__name__} {value!r}",
            general=f"{what} should be True or False",
        )
    return value


def _euros(value):
    """An amount as the notebook writes it: "€1,234.50", "−€9,000"."""
    text = f"€{abs(value):,.2f}".replace(".00", "")
    return "−" + text if value < 0 else text


def _per_value(result, sale, what, complete=False):
    """The learner's mapping as {possible reservation price: number}, or a hint about its
    shape. With ``complete``, every possible price needs an entry (a ruled-out one gets 0):
    Question 1's likelihood goes on into ``update_beliefs``, which wants one for each."""
    if not isinstance(result, Mapping):
        raise NotYet(
            f"{what} should be a dict of reservation price to number, got "
            f"{type(result).__name__} {result!r}",
            general=f"{what} should be a dict of reservation price to number",
        )
    extra = [value for value in result if value not in sale.reservations]
    if extra:
        raise NotYet(
            f"for learner {sale.learner}, {what} should have one entry per possible "
            f"reservation price {list(sale.reservations)}; it has extra keys {extra}",
            general=f"{what} should have one entry per possible reservation price of the "
            "scenario, and no other",
        )
    missing = [value for value in sale.reservations if value not in result]
    if complete and missing:
        raise NotYet(
            f"for learner {sale.learner}, {what} has no entry for {missing}: give every "
            "possible reservation price an entry, and a ruled-out price 0, not no entry "
            "(update_beliefs needs a likelihood for each price of the prior)",
            general=f"{what} leaves out a possible reservation price; give a ruled-out price "
            "0, not no entry",
        )
    # a price left out has nothing on it: 0 (a ruled-out price may be left out)
    return {
        value: _number(result[value], f"the entry for {value:,.0f}") if value in result else 0.0
        for value in sale.reservations
    }


def _joined(mistakes):
    """``mistakes`` (as ``diagnose`` takes them) with those that give the same amount joined
    into one: an answer that more than one slip produces may come from any of them, so its
    hint names each, and never blames one slip alone for what another slip gave."""
    groups = []  # [amount, [hint, ...], [general words, ...]]
    for wrong, hint, *general in mistakes:
        group = next((g for g in groups if same_money(wrong, g[0])), None)
        if group is None:
            groups.append([wrong, [hint], [general[0] if general else hint]])
        else:
            group[1].append(hint)
            group[2].append(general[0] if general else hint)
    return [
        (wrong, hints[0], general[0])
        if len(hints) == 1
        else (wrong, _either(hints), _either(general))
        for wrong, hints, general in groups
    ]


def _either(hints):
    """Several slips' hints for one answer, each named."""
    return "more than one slip gives that answer: " + "; or ".join(
        f"({n}) {hint}" for n, hint in enumerate(hints, 1)
    )


def _pair(result, what, size=2):
    if not isinstance(result, tuple | list) or len(result) != size:
        raise NotYet(f"{what}, got {result!r}", general=what)
    return result


#: Worked cases Question 1's check always tries, visible and hidden: the first's opening rules
#: out the lowest reservation price (it lies above b r), the second's the two highest (below
#: a r), so a band tested on one edge only fails visibly for every learner (on their own case
#: alone, each one-edged band passed for about half of them).
BAND_CASES = ("worked-case-22", "worked-case-19")


@question
def opening_likelihood(answer, hidden=False):
    """Check a function that gives the density of the opening under each reservation price,
    on the learner's scenario and ``BAND_CASES`` (and other learners' when hidden)."""
    for sale in [*_scenarios(hidden), *(variant(MODULE, name) for name in BAND_CASES)]:
        given = _per_value(
            call_learner(answer, sale), sale, "opening_likelihood's result", complete=True
        )
        expected = reference.opening_likelihood(sale)
        if all(_close(given[v], expected[v]) for v in expected):
            continue
        offer, low, high = sale.opening_offer, sale.opening_low, sale.opening_high
        who = f"for learner {sale.learner} (opening {_euros(offer)})"
        if any(given[v] < 0 for v in given):
            raise NotYet(
                f"{who}: a likelihood cannot be negative.",
                general="it gives a negative likelihood",
            )
        wrongly_open = [v for v in expected if expected[v] == 0 and given[v] != 0]
        if wrongly_open:
            v = wrongly_open[0]
            raise NotYet(
                f"{who}: a buyer whose reservation price is {_euros(v)} opens between "
                f"{_euros(low * v)} and {_euros(high * v)}, so under the question's "
                "hard-edged band model its likelihood is 0.",
                general="it gives a likelihood above 0 to a reservation price whose band does "
                "not hold the opening",
            )
        wrongly_shut = [v for v in expected if expected[v] != 0 and given[v] == 0]
        if wrongly_shut:
            v = wrongly_shut[0]
            raise NotYet(
                f"{who}: the opening lies inside the band of reservation price {_euros(v)} "
                f"({_euros(low * v)} to {_euros(high * v)}), so its likelihood is not 0.",
                general="it gives 0 to a reservation price whose band holds the opening",
            )
        inside = [given[v] for v in expected if expected[v] != 0]
        if len(inside) > 1 and all(_close(x, inside[0]) for x in inside):
            raise NotYet(
                f"{who}: you gave every reservation price that fits the same likelihood. A "
                "higher one has a wider band, so the same chance is spread thinner: divide by "
                "the band's width, (b − a) r.",
                general="it gives every reservation price that fits the same likelihood; "
                "divide by the band's width, (b − a) r",
            )
        ratios = [given[v] / expected[v] for v in expected if expected[v] != 0]
        if ratios[0] > 0 and all(_close(x, ratios[0]) for x in ratios):
            continue  # a positive multiple of the density: only the ratios matter
        v = next(v for v in expected if not _close(given[v] / ratios[0], expected[v]))
        raise NotYet(
            f"{who}: inside the band, the likelihood should be 1 / ((b − a) r) or the same "
            f"multiple of it for every price; for {_euros(v)} that is {expected[v]:.4g}, and "
            f"you gave {given[v]:.4g}.",
            general="its likelihood inside the band is not proportional to 1 / ((b − a) r)",
        )
    passed(
        "opening_likelihood gives 0 outside each band and 1/((b − a) r) inside (or the same "
        "multiple of it for every price: only the ratios matter)."
    )


#: A case Question 2's check always tries, visible and hidden: its opening rules out the lowest
#: reservation price, so naming the lowest price of all as the sure price fails visibly even for
#: the half of learners whose own opening rules out only high prices. Its most likely
#: reservation price after the opening is above the lowest one still possible, so naming the
#: most likely price as the sure price fails visibly too (with "worked-case-1" it passed for 53%
#: of learners). (It was "worked-case-8" until the rule that keeps the expected reservation
#: price off the best price before the opening redrew that case.)
SURE_CASE = "worked-case-22"
#: Question 2's check also tries ``BELOW_COST_CASE``, whose lowest reservation price still
#: possible after the opening lies below the cost: there a `sure` clamped to the cost fails
#: (it is above the right `sure` for only about 8% of learners' own cases).


@question
def belief_after_opening(answer, hidden=False):
    """Check a function that returns (posterior, expected reservation price, highest price
    accepted for sure) after the opening, given the right likelihood, so Question 1 cannot
    cost it; ``SURE_CASE`` and ``BELOW_COST_CASE`` are tried too. Two marks since review 75
    X1 (Question 1, which copied a printed formula, is practice now): one for the beliefs and
    their average, one for `sure`, so one slip costs one mark."""
    cases = [*_scenarios(hidden), variant(MODULE, SURE_CASE), variant(MODULE, BELOW_COST_CASE)]
    results = {}

    def answers():
        for n, sale in enumerate(cases):
            if n not in results:
                likelihood = reference.opening_likelihood(sale)
                results[n] = _pair(
                    call_learner(answer, sale, likelihood, name="belief_after_opening"),
                    "belief_after_opening should return (beliefs, expected reservation price, "
                    "highest sure price)",
                    3,
                )
        return [(sale, results[n]) for n, sale in enumerate(cases)]

    def beliefs_and_mean():
        for sale, result in answers():
            given = _per_value(result[0], sale, "the beliefs")
            mean = _number(result[1], "the expected reservation price")
            expected = reference.posterior_after_opening(sale)
            who = f"for learner {sale.learner}"
            if not all(abs(given[v] - expected[v]) <= CHANCE_TOLERANCE for v in expected):
                if all(abs(given[v] - expected[v]) <= 0.005 for v in expected):
                    raise NotYet(
                        f"{who}: your beliefs are right but rounded; return them unrounded (the "
                        "check compares chances to a millionth).",
                        general="your beliefs are rounded; return them unrounded",
                    )
                prior = sale.prior_beliefs()
                if all(abs(given[v] - prior[v]) <= CHANCE_TOLERANCE for v in prior):
                    raise NotYet(
                        f"{who}: those are still your prior beliefs; multiply each by the "
                        "opening's likelihood under that reservation price.",
                        general="it returns the prior beliefs, not updated by the opening",
                    )
                total = sum(given.values())
                if total > 0 and all(
                    abs(given[v] / total - expected[v]) <= CHANCE_TOLERANCE for v in expected
                ):
                    raise NotYet(
                        f"{who}: the proportions are right, but beliefs must add up to 1 (yours add "
                        f"up to {total:.4g}); divide each by their total.",
                        general="your beliefs do not add up to 1; divide each by their total",
                    )
                v = next(v for v in expected if abs(given[v] - expected[v]) > CHANCE_TOLERANCE)
                raise NotYet(
                    f"{who}: after the opening, your chance of reservation price {_euros(v)}, "
                    f"{given[v]:.4f}, is {_way(given[v], expected[v])}; multiply each prior chance "
                    "by the opening's likelihood under that price, then divide each product by "
                    "the total of all of them.",
                    general="your beliefs are not prior × likelihood, rescaled to add up to 1",
                )
            right = expected_reservation(expected)
            mistakes = [
                (
                    expected_reservation(sale.prior_beliefs()),
                    "that is the expected reservation price before the opening; use your new beliefs",
                ),
                *(
                    (
                        rounded,
                        "that is the right amount rounded; return it unrounded (the check compares "
                        "amounts to the cent)",
                    )
                    for rounded in (round(right), round(right, -2))
                ),
            ]
            mistakes = _joined(mistakes)
            hint = diagnose(
                mean,
                right,
                mistakes,
                f"with these beliefs your expected reservation price, {_euros(mean)}, is "
                f"{_way(mean, right)}: weigh each possible price by its new chance and add them up",
            )
            if hint:
                raise NotYet(
                    f"{who}: {hint}.",
                    general=general_hint(hint, mistakes)
                    or "your expected reservation price is not the beliefs' average",
                )
        return "belief_after_opening updates your beliefs with Bayes' rule and averages them."

    def sure():
        for sale, result in answers():
            expected = reference.posterior_after_opening(sale)
            _check_sure(result[2], sale, expected, expected_reservation(expected))
        return (
            "a final price above the opening is still accepted for sure (under the band "
            "model), so accepting the opening would give that difference away."
        )

    return score(
        Check("your beliefs and their average", 1, beliefs_and_mean),
        Check("the sure price", 1, sure),
    )


def _check_sure(value, sale, after, mean):
    """The third part of Question 2: the highest final price accepted for sure."""
    given = _number(value, "the highest sure price")
    right = reference.surest_price(after)
    lowest = min(sale.reservations)
    mistakes = [
        (
            sale.opening_offer,
            "the opening is accepted for sure, but so is a higher price: every reservation "
            "price still possible lies above the opening",
        ),
        (
            lowest,
            f"the opening ruled out a reservation price of {_euros(lowest)}: ask which buyers "
            "you still believe in, and what every one of them would accept",
            "that price was ruled out by the opening: ask which buyers you still believe in, "
            "and what every one of them would accept",
        ),
        (
            mean,
            "that is the expected reservation price: a buyer whose reservation price is below "
            "it would refuse it, so it is not accepted for sure",
        ),
    ]
    if sale.cost > right:
        mistakes.append(
            (
                sale.cost,
                "that is your cost, but a buyer whose reservation price is still possible and "
                "below it would refuse it: the highest sure price can lie below your cost, a "
                "sale at a loss",
            )
        )
    mistakes = _joined(mistakes)
    hint = diagnose(
        given,
        right,
        mistakes,
        f"{_euros(given)} is {_way(given, right)} for the highest price accepted for sure: "
        + (
            "a buyer whose reservation price is still possible and below it would refuse it"
            if given > right
            else "a higher price is still accepted by every buyer you still think possible"
        ),
    )
    if hint:
        raise NotYet(
            f"for learner {sale.learner}, the highest sure price: {hint}.",
            general=general_hint(hint, mistakes)
            or "your highest sure price is not the most that every buyer you still think "
            "possible would accept",
        )


def _shape(chances):
    """How a list of likelihoods (lowest price first) moves, in words, and whether it
    rises, falls or is flat."""
    rises = all(b >= a * (1 - 1e-9) for a, b in itertools.pairwise(chances))
    falls = all(b <= a * (1 + 1e-9) for a, b in itertools.pairwise(chances))
    if rises and falls:
        return "are all the same", "neither"
    if rises:
        return "rise as the price rises", "higher"
    if falls:
        return "fall as the price rises", "lower"
    return "go up and down", None


def _after_news(sale, likelihoods):
    """The learner's beliefs after the opening and every piece of news."""
    beliefs = reference.posterior_after_opening(sale)
    for likelihood in likelihoods:
        top = max(likelihood.values())
        beliefs = update_beliefs(beliefs, {v: chance / top for v, chance in likelihood.items()})
    return beliefs


def _news_reading(answer, sale, item):
    """The learner's likelihoods for the news ``item`` on ``sale``, lowest price first, or
    a hint about their form: a dict per price, every number above 0, and no price more
    than ``MOST_NEWS_RATIO`` times as likely as its neighbour (the text's cap)."""
    given = _per_value(
        call_learner(answer, sale, item.key, name="news_likelihood"),
        sale,
        f"news_likelihood(sale, {item.key!r})",
    )
    values = sorted(given)
    chances = [given[v] for v in values]
    if any(chance <= 0 for chance in chances):
        raise NotYet(
            f"`{item.key}`: give every reservation price a likelihood above 0: news like "
            "this makes some prices more or less likely; it rules none out."
        )
    most = reference.MOST_NEWS_RATIO
    if any(max(a, b) > most * min(a, b) * (1 + 1e-9) for a, b in itertools.pairwise(chances)):
        raise NotYet(
            f"`{item.key}`: under your likelihoods one price is more than {most:g} times as "
            "likely as its neighbour in the list. News of this kind makes prices more or "
            f"less likely but rarely comes close to ruling one out: keep each ratio within "
            f"{most:g}."
        )
    return given, chances


#: What Question 3's messages call the price that earns most against the learner's beliefs:
#: section 3 names it "the model's price" two questions later (review 90 U1), so this
#: describes it and points ahead; review 102 U2: under its one name, "the model's price"
#: (the messages had a second name for it).
BEST_PRICE = "the model's price (the final price that earns most against your beliefs, section 3)"


def _own_news_effect(own, readings):
    """What the learner's own news readings do, shown at once with no word on whether they
    are right (review s62 X2): the beliefs after the opening and both pieces of news, and
    whether the model's price moves, never the price (Question 5's answer) or a key."""
    after = reference.posterior_after_opening(own)
    now = _after_news(own, readings)
    shown = ", ".join(f"{_euros(v)}: {now[v]:.0%}" for v in sorted(now))
    moved = reference.best_move(now, own.cost)[0] != reference.best_move(after, own.cost)[0]
    return (
        "What your own readings do, right or not: after the opening and both pieces of your "
        f"news, your beliefs are {shown}, and {BEST_PRICE} "
        + ("moves." if moved else "stays where it was.")
    )


def _news_hint(item, chances):
    """What a reading that does not go the way ``item`` points does, and what to think
    about, never which way the news points; None if it goes that way."""
    words, direction = _shape(chances)
    if direction == item._direction:
        return None
    return (
        f"`{item.key}`: your likelihoods {words}. Ask whether this news would be more "
        "likely to reach you if Osprey's reservation price were high, if it were "
        f"low, or equally either way: {item._question}."
    )


@question
def news_likelihood(answer, hidden=False):
    """Check a function that turns each piece of news into a likelihood for each price.
    Any likelihoods pass that are above 0, within the text's cap, and follow the news's
    direction (rising with the price, falling, or all equal).

    Which way the learner's own news points is a judgement on their own case, and three
    directions can be found by re-running, so the visible check judges it, item by item,
    only on the text's practice news (``reference._PRACTICE_NEWS``, on ``practice_case``);
    on the learner's own news it checks the form alone. The hidden check marks the
    learner's own readings. A wrong reading is told what its likelihoods say and what to
    think about, not which way the news points."""
    own = variant(MODULE)
    if not hidden:
        practice = practice_case()
        note = OWN_CASE_NOTE.format(
            what="readings of your news", where="`sale.news`", marked="directions"
        )

        def practice_news():
            hints = [
                hint
                for item in reference.news_of(practice)
                if (hint := _news_hint(item, _news_reading(answer, practice, item)[1]))
            ]
            if hints:
                raise NotYet("on the practice news, " + " ".join(hints))
            return "the practice news, read the way each piece points:\n" + "\n".join(
                f"`{item.key}`: {item._why}." for item in reference.news_of(practice)
            )

        def own_form():
            # the form only, then what the readings do, with no verdict (review s62 X2); on
            # its own line, for no marks, so that a form error on the learner's own news is
            # neither counted nor told as a practice answer (review 90 X2); required, since
            # the hidden check gives nothing for news in the wrong form
            readings = [_news_reading(answer, own, item)[0] for item in reference.news_of(own)]
            return note + " " + _own_news_effect(own, readings)

        return score(
            Check("practice: which way each piece of news points", 1, practice_news, practice=True),
            Check("your own news: the form", 0, own_form, required=True),
        )

    def own_news():
        readings, hints = [], []
        for item in reference.news_of(own):
            given, chances = _news_reading(answer, own, item)
            hint = _news_hint(item, chances)
            if hint:
                hints.append(hint)
            readings.append(given)
        if hints:
            said = " ".join(hints)
            raise NotYet(said, general=said.rstrip("."))
        after = reference.posterior_after_opening(own)
        now = _after_news(own, readings)
        before_price = reference.best_move(after, own.cost)[0]
        now_price = reference.best_move(now, own.cost)[0]
        shown = ", ".join(f"{_euros(v)}: {now[v]:.0%}" for v in sorted(now))
        move = f"{BEST_PRICE} " + ("stays where it was" if now_price == before_price else "moves")
        why = " ".join(f"`{item.key}`: {item._why}." for item in reference.news_of(own))
        return (
            f"news_likelihood reads both pieces of news the right way round. {why} With your "
            f"likelihoods, your beliefs after the opening and the news are {shown}, and {move} "
            "(Question 5 asks where to, and its check says how much a fact must weigh to move it)."
        )

    return score(Check("which way your news points", 1, own_news, own_case=True))


def _slip_share(offers):
    """The share a buyer's three ``offers`` give when the ratio of the steps is taken for
    the share of the gap, the named slip of Question 4's first part."""
    first, second, third = offers
    return (third - second) / (second - first)


def _share_and_reservation(answer, offers, cost):
    """What the learner's question 4 function gives for ``offers``: ``(share, reservation
    price)``. Until review 78 (X1) the function took ``(offers, cost)`` and returned
    ``(reservation, price)``; a notebook answered then is graded with today's test cells,
    so when the one-argument call fails, the old call is tried, and its reservation price
    is read with the share it implies (the first step over the whole gap): the learner
    keeps the marks their reading earns. Both calls are recorded, so the grader replays
    the same path. Raises the first call's ``NotYet`` when neither form answers."""
    name, shape = "reservation_from_concessions", "(share, reservation price)"
    try:
        return _pair(call_learner(answer, offers, name=name), f"{name} should return {shape}")
    except NotYet as failed:
        with contextlib.suppress(NotYet):
            old = call_learner(answer, offers, cost, name=name)
            first, second, _ = offers
            if (
                isinstance(old, tuple | list)
                and len(old) == 2
                and isinstance(old[0], Real)
                and not isinstance(old[0], bool)
                and math.isfinite(old[0])
                and old[0] > second
            ):
                return (second - first) / (old[0] - first), old[0]
        raise failed from None


def _wren_share(answers):
    """Question 4's first part: the share of the remaining gap the buyer moves each round
    (review 78 X1: the second mark was a final price that the text spelled out, Wren's
    reservation price or None; it moved into the reading, in two steps)."""
    for offers, _, result in answers():
        first, second, third = offers
        expected = 1 - (third - second) / (second - first)
        given = result[0]
        if isinstance(given, Real) and not isinstance(given, bool):
            given = float(given)
        if not isinstance(given, float) or not math.isfinite(given):
            raise NotYet(
                f"the share should be a number between 0 and 1, got {given!r}",
                general="the share should be a number between 0 and 1",
            )
        if abs(given - expected) <= CHANCE_TOLERANCE:
            continue
        shown = ", ".join(_euros(offer) for offer in offers)
        if abs(given - _slip_share(offers)) <= CHANCE_TOLERANCE:
            hint = (
                "that is the ratio of the second step to the first, the part of the gap "
                "left after each round; the share the buyer moves is 1 − that ratio"
            )
            general = "it takes the ratio of the steps for the share of the gap"
        elif 1 < given <= 100 and abs(given / 100 - expected) <= CHANCE_TOLERANCE:
            hint = "give the share as a number between 0 and 1, not a percentage"
            general = hint
        else:
            hint = (
                f"a share of {given:.4g} is {_way(given, expected)}: each step is the gap "
                "left times the share, so compare the second step with the first"
            )
            general = "it does not read the share of the gap from the two steps"
        raise NotYet(f"for the offers {shown}: {hint}.", general=general)
    return "the share of the gap the buyer moves each round, read from its two steps."


def _wren_reservation(answers):
    """Question 4's second part: the reservation price. Judged against the learner's own
    share where that is the named slip (the ratio taken for the share), so that slip costs
    one mark, not two. Review 90 X1: the pass message then says the price rests on a wrong
    share and changes once the share is fixed, naming neither the right price nor share."""
    followed = False
    for offers, _, result in answers():
        expected = reference.reservation_from_offers(offers)
        given = _number(result[1], "the reservation price")
        first, second, third = offers
        step1, step2 = second - first, third - second
        share = result[0]
        if (
            isinstance(share, Real)
            and not isinstance(share, bool)
            and abs(float(share) - _slip_share(offers)) <= CHANCE_TOLERANCE
            and same_money(given, first + step1 / float(share))
        ):
            followed = True
            continue  # right from the share the first part already marked wrong
        series = (
            "each step is the one before times the same factor q = second step / first "
            "step, so the steps still to come form a shrinking series whose sum is "
            "second step × q / (1 − q)"
        )
        mistakes = [
            (third + step2, f"that assumes one more step of the same size, but {series}"),
            (
                first + step1 / (step2 / step1),
                "the share of the gap is 1 − (second step / first step), not the ratio itself",
            ),
            (
                third,
                "the buyer is still moving, so its reservation price lies above its last offer",
            ),
        ]
        shown = ", ".join(_euros(offer) for offer in offers)
        mistakes = _joined(mistakes)
        hint = diagnose(
            given,
            expected,
            mistakes,
            f"for a buyer who offers {shown}, moving the same share of the gap each time, "
            f"the reservation price you found, {_euros(given)}, is {_way(given, expected)}: "
            "find the share from the two steps, then add up every step still to come",
        )
        if hint:
            raise NotYet(
                f"for the offers {shown}: {hint}.",
                general=general_hint(hint, mistakes)
                or "it does not read the reservation price of a buyer who moves the same "
                "share of the gap each round",
            )
    if followed:
        # review 103 X6: shown with a neutral mark, not a tick (``Carried``)
        return Carried(
            # review 114 X6: it said "this price is wrong too" while keeping the mark; it now
            # says why the mark is kept (consistent with the share) and that the share is wrong
            "the reservation price follows from your share, so it keeps its mark: it is "
            "consistent with that share, which is wrong, and will change once you fix the share."
        )
    return "the reservation price read from the pace of the steps."


@question
def reservation_from_concessions(answer, hidden=False):
    """Check a function that reads, from three offers of a buyer who moves the same share
    of the remaining gap each round, that share and the buyer's reservation price (2 points:
    one for each; a reservation price right from the share's named slip keeps its point).
    Review 78 X1: the second point was the final price to name, which the text spelled out."""
    own = variant(MODULE)
    # visible too: the scripted buyer the text works by hand and a buyer who moves a quarter
    cases = [(own.wren_offers, own.wren_cost), *(case[:2] for case in CONCESSION_CASES[:2])]
    if hidden:
        others = [variant(MODULE, learner) for learner in HIDDEN_LEARNERS]
        cases += [(sale.wren_offers, sale.wren_cost) for sale in others]
        cases += [(offers, cost) for offers, cost, _ in CONCESSION_CASES[2:]]
    results = {}

    def answers():
        for offers, cost in cases:
            if (offers, cost) not in results:
                results[offers, cost] = _share_and_reservation(answer, tuple(offers), cost)
        return [(offers, cost, results[offers, cost]) for offers, cost in cases]

    def reservation():
        said = _wren_reservation(answers)
        # review 88 X2: this message announced the decision (the price to name to Wren, or
        # walk away); Question 4b now asks the learner to take it
        if hidden:
            return said
        return type(said)(f"{said} Question 4b asks what you do with Wren.")  # keeps Carried

    return score(
        Check("the share of the gap", 1, lambda: _wren_share(answers)),
        Check("the reservation price", 1, reservation),
    )


#: How far below Wren's reservation price a price to name may be rounded and still pass
#: (Question 4b): a negotiator names a round figure.
WREN_ROUNDING = 100
#: Session 111 C2 (review 110): the most of the gain (Wren's reservation price minus your
#: cost) that a price named to Wren may leave it. Wren is a repeat customer, and section 3
#: and Question 6's convention 3 warn that a price leaving a buyer next to nothing risks a
#: refusal, so leaving Wren a share up to convention 3's quarter (``FAIR_SHARE``) is right
#: too; only Wren's reservation price, to ``WREN_ROUNDING``, passed until then. Review 114
#: C2, C3, X2: a price leaving Wren more than that quarter was failed as "giving money away",
#: while Question 6's convention 3 tells the learner to leave a buyer *at least* a quarter, so
#: a generous price to a repeat customer was marked wrong; the bound is now half the gain
#: (beyond it Wren keeps more of the gain than you do), and the reference answer leaves the
#: quarter.
WREN_SHARE = 0.5


def wren_lowest(reservation, cost):
    """The lowest price Question 4b accepts where a deal pays: Wren's reservation price less
    the larger of half the gain (``WREN_SHARE``) and ``WREN_ROUNDING``, never at or below the
    cost (a price must be above it)."""
    return reservation - max(WREN_SHARE * (reservation - cost), WREN_ROUNDING)


def _wren_cases(hidden):
    """The sales Question 4b's check tries: the learner's own, the text's scripted buyer at
    a cost of 65 (a deal pays) and a buyer who moves a quarter at a cost of 37,000 (none
    does); grading adds other learners' and the third of ``CONCESSION_CASES``."""
    own = variant(MODULE)
    fixed = CONCESSION_CASES if hidden else CONCESSION_CASES[:2]
    cases = [own] + [replace(own, wren_offers=offers, wren_cost=cost) for offers, cost, _ in fixed]
    if hidden:
        cases += [variant(MODULE, learner) for learner in HIDDEN_LEARNERS]
    return cases


def _wren_decision(sale, given):
    """A hint if ``given`` is not what to name to Wren on ``sale``, else None."""
    reservation = reference.reservation_from_offers(sale.wren_offers)
    cost = sale.wren_cost
    offers = ", ".join(_euros(offer) for offer in sale.wren_offers)
    case = f"for a Wren who offers {offers}, at a cost of {_euros(cost)}"
    pays = reservation > cost
    if given is None:
        if not pays:
            return None
        return (
            f"{case}: you walk away, but Wren accepts some price that covers your cost: "
            "compare its reservation price with your cost",
            "it walks away where a price Wren accepts covers the cost",
        )
    if not pays:
        return (
            f"{case}: you name {_euros(given)}. Wren accepts no price above its reservation "
            "price; ask whether any price it accepts covers your cost",
            "it names a price where no price Wren accepts covers the cost",
        )
    cent = 0.005
    if given <= cost + cent:
        return (
            f"{case}: {_euros(given)} is at or below your cost, so the sale earns nothing",
            "it names a price at or below the cost",
        )
    if given > reservation + cent:
        return (
            f"{case}: Wren refuses {_euros(given)}, which is above its reservation price; "
            "it takes or leaves one final price",
            "it names a price above Wren's reservation price",
        )
    if given < wren_lowest(reservation, cost) - cent:
        return (
            f"{case}: Wren would accept {_euros(given)}, but that leaves Wren more than half "
            "the gain (its reservation price minus your cost), more than you keep; the "
            "question lets you leave a repeat customer up to half, or €100",
            "it leaves Wren more than half the gain",
        )
    return None


@question
def wren_price(answer, hidden=False):
    """Check Question 4b (review 88 X2): the price the learner names to Wren, which takes or
    leaves one final price, or None to walk away, given Wren's right reservation price
    (so a slip in Question 4 costs nothing here): a price above the cost, at most the
    reservation price and at least ``wren_lowest`` (leaving Wren at most half the gain, or
    ``WREN_ROUNDING``; session 111 C2, review 114 C3) when some price Wren accepts covers the
    cost; None when none does (1 point)."""

    def decide():
        for sale in _wren_cases(hidden):
            reservation = reference.reservation_from_offers(sale.wren_offers)
            given = call_learner(answer, sale, reservation, name="wren_price")
            if given is not None:
                given = _number(given, "the price to name to Wren")
            wrong = _wren_decision(sale, given)
            if wrong:
                hint, general = wrong
                raise NotYet(f"{hint}.", general=general)
        return (
            "you name Wren a price it accepts that covers your cost and leaves Wren at most "
            "half the gain, and walk away where no price Wren accepts covers your cost."
        )

    return score(Check("the price to name to Wren", 1, decide))


def _holds(value):
    """The learner's count of holds: a whole number from 1 to ``MOST_HOLDS``, or None."""
    if value is None:
        return None
    if isinstance(value, Real) and not isinstance(value, bool) and float(value).is_integer():
        count = int(value)
        if 1 <= count <= reference.MOST_HOLDS:
            return count
    raise NotYet(
        f"holds_before_moving should return a whole number from 1 to {reference.MOST_HOLDS}, "
        f"or None, got {value!r}",
        general=f"it should return a whole number from 1 to {reference.MOST_HOLDS}, or None",
    )


#: A case question 5b's check tries after the learner's own, visible and hidden: there four
#: holds in a row move the best price (read the wrong way round, none of five do). For many
#: learners five holds move nothing, so ``return None``, or an update that starts from the
#: opening's beliefs at every hold (it gives 1 or None), passed the visible check on their own
#: case alone.
HOLDS_CASE = "worked-case-7"
#: A second case question 5b's check tries, visible and hidden: there five holds move
#: nothing, so the answer is None. A function that names a count where it should answer
#: None passed the visible check on a learner's own case that has a count, and grading
#: caught it only when a hidden learner happened to be a None case.
NO_MOVE_CASE = "worked-case-0"
#: Two more, visible and hidden: in the first exactly five holds move the price, in the
#: second the price first moves at the sixth hold, past the five asked about, so the
#: answer is None. A loop that stops at four holds, or one that counts a sixth, passed the
#: other cases for most learners. (Until review 75 C3 the count went to ten, and these were
#: worked-case-14 and worked-case-5.)
LAST_HOLD_CASE = "worked-case-20"
PAST_LAST_HOLD_CASE = "worked-case-6"


@question
def holds_before_moving(answer, hidden=False):
    """Check Question 5b: how many holds in a row at Osprey's opening it takes to move the
    learner's best final price, read with the belief updater's model of a hold, given the
    right beliefs after the opening (so Question 2 cannot cost it). A count, judged on the
    learner's own case; hidden learners too."""
    # review 103 X3: a learner whose opening raised the model's price is asked about another
    # learner's sale (``holds_case``), where a count is a real question
    cases = [reference.holds_case(sale) for sale in _scenarios(hidden)]
    worked = (HOLDS_CASE, NO_MOVE_CASE, LAST_HOLD_CASE, PAST_LAST_HOLD_CASE)
    cases[1:1] = [variant(MODULE, case) for case in worked]
    for sale in cases:
        after = reference.posterior_after_opening(sale)
        given = _holds(call_learner(answer, sale, dict(after), name="holds_before_moving"))
        right = reference.holds_before_moving(sale, after)
        if given == right:
            continue
        who = (
            f"on the worked case {sale.learner}"
            if sale.learner in worked
            else _holds_place(sale, "on your case (`check.holds_case()`)")
            if sale is cases[0]
            else f"for learner {sale.learner}"
        )
        slips = (
            reference.holds_before_moving(sale, after, direction=-1),
            reference.holds_before_moving(sale, after, direction=0),
        )
        if (given and given == slips[0]) or (right is not None and given and given == slips[1]):
            hint = (
                "that reads a hold the wrong way round: the chance of a hold, 0.2 × last "
                "offer / r, is larger for a lower r, so each hold moves weight towards the "
                "lower reservation prices"
            )
            general = "it reads a hold as likelier from a buyer far from its reservation price"
        elif right is None:
            hint = (
                f"{reference.MOST_HOLDS} holds in a row leave the model's price where it is: "
                "recount, updating the beliefs from the last hold each time"
            )
            general = f"it names a count where {reference.MOST_HOLDS} holds move nothing"
        elif given is None and right > 1:
            stops = (
                f"a count that stops before the {reference.MOST_HOLDS}th hold; "
                if right == reference.MOST_HOLDS
                else ""
            )
            hint = (
                f"some number of holds up to {reference.MOST_HOLDS} does move your price "
                "here, though one alone does not, and your function finds no count. Each of "
                f"these slips gives that answer: {stops}reading each hold from `after` again (then "
                "every hold looks like the first, so a price one hold does not move never "
                "moves); a chance of a hold that is the same for every r (then no hold moves "
                "any belief); or one that grows with r, such as the chance of moving, "
                "1 − 0.2 × last offer / r (that reads a hold as likelier from a buyer far "
                "from its reservation price). A hold's chance must depend on r, "
                "0.2 × last offer / r, larger for a lower r, and each hold updates the beliefs "
                "after the last hold"
            )
            general = (
                "it answers None where some number of holds moves the price (a hold's chance "
                "must be larger for a lower r, and each hold must update the beliefs left by "
                "the last)"
            )
        elif given is None:
            hint = (
                f"some number of holds up to {reference.MOST_HOLDS} does move your price. "
                "A hold is likelier from a buyer close to its reservation price: its chance, "
                "0.2 × last offer / r, must depend on r, larger for a lower r. After each "
                "hold, update your beliefs with it and compare the expected profit of every "
                "possible price"
            )
            general = "it answers None where some number of holds moves the price"
        else:
            hint = (
                f"{given} is too {'many' if given > right else 'few'}: start from `after`, the "
                "beliefs after the opening (not the prior); after each hold, update the "
                "beliefs the last hold left with 0.2 × opening / r; and stop at the first "
                "hold after which another price earns more"
            )
            general = "it does not count the holds after which the model's price first moves"
        raise NotYet(f"{who}: {hint}.", general=general)
    own = reference.holds_case(variant(MODULE))
    count = reference.holds_before_moving(own, reference.posterior_after_opening(own))
    # review 106 C2: a learner whose opening raised the model's price is judged on a stand-in
    # sale, and the message says so, as the failure hint does
    place = _holds_place(own, "on your case")
    # review 90 U3: the pass message is the verdict on the learner's case and one reason
    if count is None:
        ending = (
            f"{place} even {reference.MOST_HOLDS} holds leave your price where it is: "
            "the lower prices gain weight, but not enough to earn more than the price you "
            "name now"
        )
    else:
        # review 69 X2: how likely the model finds that run, at most (under the price most
        # likely to hold), so the count is read as a rule at the table. Review 75 C3: the
        # count stops at five, and the message no longer tells some learners never to
        # re-price on the count they were graded on
        after = reference.posterior_after_opening(own)
        hold = reference.hold_likelihood(after, own.opening_offer)
        run = max(hold[r] for r, chance in after.items() if chance > 0) ** count
        first = (
            f"{place} a single hold moves your price down"
            if count == 1
            else f"{place} it takes {count} holds in a row to move your price down"
        )
        ending = (
            # review 80 X3: rounded, 1 / 31.99 read "at most 1 in 32", a smaller chance
            # review 80 C3: the count is what honest holds are worth, not a rule to obey
            f"{first}. Were every hold honest, you would keep to your price until Osprey had "
            f"held {count} time{'s' if count > 1 else ''}, then re-price; the model gives that "
            f"run a chance of at most 1 in {math.floor(1 / run):,}. "
            # review 81 C1, 82 E1: a hold alone is no reason to lower your price; the count is
            # a floor. Review 90 U3: the text says the rest (the model's chance of a hold,
            # and that holds never move a price once named). Review 114 U5, C4: "a floor,
            # never a trigger" needed decoding; it is said in plain words
            "A hold costs Osprey nothing to fake, so a hold alone is no reason to lower your "
            "price: the count is the fewest holds that could justify a lower price, were "
            "every hold honest; any buyer can hold for free, so do not lower on holds alone"
        )
    passed(f"holds_before_moving: {ending}.")


def _holds_place(case, own):
    """Where Question 5b's own count is judged: ``own`` for the learner's own sale, or the
    stand-in sale ``holds_case`` gives where the opening raised the model's price (review 106
    C2: the pass message said "on your case" there too)."""
    if case.learner == variant(MODULE).learner:
        return own
    return "on the stand-in case (`check.holds_case()`)"


def holds_case():
    """Question 5b's case for this learner: the learner's own sale, or, where the opening
    raised the model's price, another learner's (``reference.holds_case``; review 103 X3).
    Only the sale: its beliefs after the opening are Question 2's answer on it. Until then
    the answer for those learners was None with no counting (``FLOOR_HOLDS``, gone with it)."""
    return reference.holds_case(variant(MODULE))


#: The hint for a buyer at exactly its reservation price counted as refusing.
STRICT = "at exactly its reservation price the buyer accepts: count P(r ≥ p), not P(r > p)"


#: The hint for the possible reservation price at or above the expected one (review 68 X1).
ROUNDED_UP = (
    "that is the lowest possible reservation price at or above the expected reservation "
    "price, a rule that never weighs what a price earns: compare (price − cost) × chance "
    "of acceptance for every possible price"
)


def _rounded_up(beliefs):
    """The lowest reservation price still possible at or above the expected one: "ask the
    expected reservation price", rounded up to a price the buyer may hold (review 68 X1)."""
    mean = expected_reservation(beliefs)
    return min(
        (r for r, chance in beliefs.items() if chance > 0 and (r >= mean or same_money(r, mean))),
        default=math.nan,
    )


def _price_mistakes(beliefs, sale):
    """Tempting wrong prices for these beliefs, each with what it overlooks."""
    low, high = min(sale.reservations), max(sale.reservations)
    uniform = take_it_or_leave_it(sale.cost, low, high)[0]
    if uniform is not None and any(same_money(uniform, r) for r in sale.reservations):
        # a possible reservation price: a learner who names it has more likely priced the
        # values one by one with a slip than used section 4's even-spread formula
        uniform = None
    strict = reference.best_move(beliefs, sale.cost, strict=True)[0]
    return [
        (strict if strict is not None else math.nan, STRICT),
        (
            expected_reservation(beliefs),
            "that is the expected reservation price. A buyer whose reservation price is below "
            "it says no: compare the expected profit of each possible final price",
        ),
        (
            max(beliefs, key=beliefs.get),
            "that is the most likely reservation price, but a price must also weigh how often "
            "it is accepted: compare (price − cost) × chance of acceptance",
        ),
        (
            _rounded_up(beliefs),
            ROUNDED_UP,
        ),
        (
            uniform if uniform is not None else math.nan,
            "that is the model's price for a reservation price spread evenly between the "
            "lowest and the highest, every amount between them as likely as any other; yours "
            "takes only the values your beliefs allow, with their own chances: compare the "
            "final prices one by one",
        ),
    ]


def _describe(price, profit):
    return f"asking {_euros(price)} earns {_euros(profit)} on average"


def _way(given, right):
    """'too high' or 'too low': what kind of error an amount is, never the right value."""
    return "too high" if given > right else "too low"


def _better(given, right, mine, where=""):
    """The fall-back hint for a wrong price: what the learner's price earns, and on which
    side of it a possible price earns more, never which one."""
    side = "lower" if right < given else "higher"
    return (
        f"{_describe(given, mine)}{where}, and a {side} possible price earns more on average: "
        "work out the expected profit of every possible price and take the largest"
    )


def _answers(answer, cases, name, what, size, readings=None):
    """The learner's answer for each (sale, beliefs after the opening) of ``cases``, asked
    once per case however many parts of the question read it, as a function that returns
    [(sale, after, result)]; a result of the wrong shape raises the hint ``what``. With
    ``readings`` (learner → a reading of the news), that reading is the third argument."""
    results = {}

    def answers():
        for sale, after in cases:
            if sale.learner not in results:
                extra = () if readings is None else (readings[sale.learner],)
                results[sale.learner] = _pair(
                    call_learner(answer, sale, dict(after), *extra, name=name), what, size
                )
        return [(sale, after, results[sale.learner]) for sale, after in cases]

    return answers


def _named_price(result, index, sale, when):
    """The learner's price ``when`` (item ``index`` of their answer), as a float."""
    if result[index] is None:
        raise NotYet(
            f"for learner {sale.learner}: {when} a price pays, so name it.",
            general=f"it names no price {when}, where one pays",
        )
    return _number(result[index], f"the price {when}")


def _price_before(answers, readings):
    for sale, after, result in answers():
        given = _named_price(result, 0, sale, "before the opening")
        expected = reference.my_price(sale, after, readings[sale.learner])[0]
        if same_money(given, expected):
            continue
        prior = sale.prior_beliefs()
        mine = (given - sale.cost) * sum(p for v, p in prior.items() if v >= given)
        # the names before/now invite pricing ``before`` on the beliefs after the opening;
        # that price often equals the P(r > p) slip's on the prior, so it comes first and
        # is joined with it, never left to the strict hint alone
        now = reference.best_move(after, sale.cost)[0]
        mistakes = [
            (
                now if now is not None else math.nan,
                "that is your price after the opening; the price before it weighs the "
                "prior beliefs, sale.prior_beliefs(), not the beliefs after the opening",
            ),
            *_price_mistakes(prior, sale),
        ]
        mistakes = _joined(mistakes)
        hint = diagnose(
            given,
            expected,
            mistakes,
            _better(given, expected, mine),
        )
        raise NotYet(
            f"for learner {sale.learner}, before the opening: {hint}.",
            general=general_hint(hint, mistakes)
            or "before the opening, it does not pick the price with the highest expected profit",
        )
    return "the price before the opening weighs each price by its chance of acceptance."


def _price_after(answers, readings):
    for sale, after, result in answers():
        given = _named_price(result, 1, sale, "after the opening")
        before, expected, _, _ = reference.my_price(sale, after, readings[sale.learner])
        profits = reference.move_profits(after, sale.cost)
        if not same_money(given, expected):
            x = sale.opening_offer
            lowest = min(r for r, chance in after.items() if chance > 0)
            mistakes = [
                (
                    before,
                    "that is your price before the opening; the opening changed your beliefs, "
                    "so compare the prices again with the beliefs after it",
                ),
                (
                    x,
                    (
                        f"accepting the opening earns {_euros(x - sale.cost)} for sure"
                        if x > sale.cost
                        else f"the opening is below your cost: accepting it loses "
                        f"{_euros(sale.cost - x)}"
                    )
                    + f". Every reservation price still possible is above it: under the band "
                    f"model, asking {_euros(lowest)} is also accepted for sure and "
                    + _earns(lowest - sale.cost)
                    + f", and the model's price earns {_euros(profits[expected])} on average",
                    "accepting the opening is never best here: every reservation price still "
                    "possible lies above it, so, under the band model, asking the lowest of "
                    "them is accepted for sure and earns more (or loses less)",
                ),
                *_price_mistakes(after, sale),
            ]
            mine = (given - sale.cost) * sum(p for v, p in after.items() if v >= given)
            mistakes = _joined(mistakes)
            hint = diagnose(
                given,
                expected,
                mistakes,
                _better(given, expected, mine),
            )
            raise NotYet(
                f"for learner {sale.learner}, after the opening: {hint}.",
                general=general_hint(hint, mistakes)
                or "after the opening, it does not pick the price with the highest expected profit",
            )
    return "the price after the opening uses what the opening told you."


def _price_news(answers, readings):
    """Question 5's third mark (review 72 X3: it was Question 5c's threshold, which decided
    nothing): the price after the news, a decision on the learner's reading; the threshold
    is printed beside it, for the learner's own case, as feedback."""
    for sale, after, result in answers():
        _price_with_news(sale, after, result, readings[sale.learner])
    return "the price after the news uses what the news told you.\n" + _news_weights_note(
        variant(MODULE)
    )


def _news_weights_note(sale):
    """How much news must weigh to move the learner's price after the opening, both ways
    (the one their news points is Question 3's answer, so both are named): the smallest
    factor per step up to 10, rounded up to two decimals (review 98 M1: in twentieths it
    named 2.45 where 2.42 already moved the price, so a reading of 2.43 read as too weak)."""
    after = reference.posterior_after_opening(sale)

    def moves(direction, what, other):
        # review 75 U2: "moves your price ... from no factor up to 10" was garbled; review
        # 100 U3: "moves your price from a factor of 1.45" read as if the factor moved
        factor = reference.news_threshold(after, sale.cost, direction, step=0.01)
        if factor is None:
            return f"leaves {what} where it is even at 10 times as likely as the next {other} one"
        return (
            f"moves {what} once each reservation price is at least {factor:g} times as likely "
            f"as the next {other} one"
        )

    return (
        "How much must news weigh to move your price? Read evenly, news pointing 'higher' "
        f"{moves('higher', 'your price after the opening', 'lower')}; news pointing 'lower' "
        f"{moves('lower', 'it', 'higher')}. Compare "
        "that number for the way your news points with how strongly you read it in Question "
        "3: a reading close to it means a small change in your judgement could change your "
        "price."
    )


def _earns(amount):
    """ "earns €X" for a gain, "loses €X" for a loss."""
    return f"earns {_euros(amount)}" if amount >= 0 else f"loses {_euros(-amount)}"


def _price_with_news(sale, after, result, reading):
    """The third part of the answer: the price after the opening and the news."""
    given = _named_price(result, 2, sale, "after the news")
    expected = reference.my_price(sale, after, reading)[2]
    if same_money(given, expected):
        return
    beliefs = reference.beliefs_after_news(after, reading)
    mistakes = _joined(
        [
            (
                reference.best_move(after, sale.cost)[0],
                "that is your price after the opening alone; multiply your beliefs by each "
                "piece of news's likelihood, rescale, and compare the prices again",
            ),
            (
                reference.best_move(
                    reference.beliefs_after_news(sale.prior_beliefs(), reading), sale.cost
                )[0],
                "that reads the news on your prior; start from your beliefs after the opening",
            ),
            *_price_mistakes(beliefs, sale),
        ]
    )
    mine = (given - sale.cost) * sum(p for v, p in beliefs.items() if v >= given)
    hint = diagnose(
        given,
        expected,
        mistakes,
        _better(given, expected, mine),
    )
    raise NotYet(
        f"for learner {sale.learner}, after the opening and the news (read as the `reading` "
        f"the check passed in): {hint}.",
        general=general_hint(hint, mistakes)
        or "after the news, it does not pick the price with the highest expected profit",
    )


#: The hint for a price under the cap that never tried the cap itself as a price.
UNTRIED_CAP = (
    "the cap is now a possible reservation price (the buyers above it moved down to it, "
    "with their chances): try the cap itself as a price too, not only the reservation "
    "prices in `sale.reservations`"
)


def _listed_only(capped, sale):
    """The best price under the ``capped`` beliefs when only the scenario's own reservation
    prices (``sale.reservations``) are tried as prices, never the cap: a learner who read
    section 3's "only the possible reservation prices are worth trying" as the listed ones.
    ``nan`` when none of them earns."""
    profits = {
        price: (price - sale.cost) * sum(c for v, c in capped.items() if v >= price)
        for price in sale.reservations
    }
    best = max(profits, key=profits.get)
    return best if profits[best] > 0 else math.nan


def _price_capped(answers, readings):
    for sale, after, result in answers():
        given = _named_price(result, 3, sale, "under the rival's cap")
        _, now, _, expected = reference.my_price(sale, after, readings[sale.learner])
        if same_money(given, expected):
            continue
        cap = sale.rival_cap
        capped = reference.capped_beliefs(after, cap)
        slipped = reference.move_profits(reference.dropped_beliefs(after, cap), sale.cost)
        with_news = reference.capped_beliefs(
            reference.beliefs_after_news(after, readings[sale.learner]), cap
        )
        mistakes = [
            (
                _listed_only(capped, sale),
                UNTRIED_CAP,
                "it tries only the reservation prices the scenario lists as final prices; once "
                "the cap moves buyers down to it, the cap is a possible reservation price too",
            ),
            (
                reference.best_move(with_news, sale.cost)[0],
                "that caps your beliefs after the news too; the question asks you to cap "
                "`after`, without the news (a simplification that shows what the cap does on "
                "its own; the check shows the combination once your capped price passes)",
            ),
            (
                now,
                "that is your price before the rival's discount; Osprey will no longer pay "
                "above the cap, so move the reservation prices above it down to it",
            ),
            (
                cap,
                "asking the cap sells only to the buyers whose reservation price was at or "
                "above it; compare it with the lower prices, which more buyers accept",
            ),
            (
                reference.best_move(reference.capped_beliefs(sale.prior_beliefs(), cap), sale.cost)[
                    0
                ],
                "that caps your prior; the opening has already told you something, so cap "
                "`after`, the beliefs after the opening",
                "it caps the prior, not the beliefs after the opening",
            ),
            (
                max(slipped, key=slipped.get) if slipped else math.nan,
                "that drops the reservation prices above the cap, as if those buyers had "
                "never been there (right for a rival quote Osprey held all along); the "
                "discount is new, so they are still there, willing to pay the cap: move "
                "them to it with their chances",
            ),
            *_price_mistakes(capped, sale)[:4],
        ]
        mine = (given - sale.cost) * sum(p for v, p in capped.items() if v >= given)
        mistakes = _joined(mistakes)
        hint = diagnose(
            given,
            expected,
            mistakes,
            _better(given, expected, mine, " under the cap"),
        )
        raise NotYet(
            f"for learner {sale.learner}, under the rival's cap of {_euros(cap)}: {hint}.",
            general=general_hint(hint, mistakes)
            or "under the cap, it does not pick the price with the highest expected profit",
        )
    return "the price under the rival's cap follows the shift in leverage. " + _combined()


def _combined():
    """What to do to see the news and the cap combined, as a real seller would, on the
    learner's own case."""
    # review 66 U6: the check's reading of the news can point against the learner's own, so
    # the message says whose reading it is and how to see the learner's; review 89 U3: and
    # that it tilts every piece (``reference.given_reading``), even news that points
    # nowhere; review 90 U3: the verdict and that one caveat, nothing more; review 91 X1:
    # the caveat says the reading is made up, half of it the wrong way, and no answer to
    # Question 3, which a learner debugging `my_price` might otherwise copy; review 94 U2:
    # a price worked from that made-up reading is no number to believe, so none is quoted
    # review 100 X1: `capped` ignores `reading`, so a rerun with the learner's reading showed
    # no combination; passing the beliefs after the news as `after` does
    return (
        "To combine both, update `after` with your Question 3 reading and pass the result "
        "to `my_price` as `after`: its last price then caps your beliefs after the news."
    )


#: Learner ids whose cases Question 5's check always tries, visible and hidden. In all three
#: the opening moves the best price; under the first one's cap, asking the cap is right and
#: dropping the prices above it is not; under the second's, asking the cap is wrong. So a
#: method that skips a step fails visibly even where the learner's own case cannot tell
#: (tests/test_checks_information.py checks this). No drawn case's prior puts the expected
#: reservation price on the best price before the opening (``reference.problems``), so
#: asking the expected reservation price fails in every one. Under the second's cap,
#: capping the beliefs after the news as well gives another price, so that slip fails
#: visibly too. In the fourth, the opening rules out the top price, so reading the news on
#: the prior instead of on the beliefs after the opening gives another price (in the first
#: three it gives the same); capping the prior instead of the beliefs after the opening
#: gives another price under the cap there and in the fifth (the two agree for about 93% of
#: learners' own cases). A draw depends on the id alone, not on the grader's key. (The
#: fourth and fifth were "worked-case-21" and "worked-case-4" until that rule redrew them.)
WORKED_CASES = (
    "worked-case-6",
    "worked-case-13",
    "worked-case-0",
    "worked-case-19",
    "worked-case-36",
)
#: A case whose buyer may hold a reservation price below your cost, before the opening and
#: after it: question 8's check tries it for every learner, so an EVPI that sells to every
#: buyer (no max(r - cost, 0)) fails even where the learner's own buyer never is below cost.
BELOW_COST_CASE = "worked-case-110"
#: A case where the market report is worth its fee (about €1,550 against €900), tried by
#: question 8's check with ``BELOW_COST_CASE`` (where it is not): a constant decision fails
#: one of the two for every learner.
BUY_CASE = "worked-case-6"
#: Two cases question 6 tries its `staged-opening` entry on, for every learner. In the first,
#: re-pricing from what shading cannot fake gives a price above the model's (65,000 against
#: 61,000): for about 57% of learners the re-priced price equals the model's own, so copying the
#: model's price passed without any re-pricing. In the second, it gives the model's own price
#: (56,000; the next reservation price up is 63,000): where the re-priced price is above the
#: model's it is always the next reservation price up, so "one step up" passed for about 43% of
#: learners and on the first case. No short cut passes both.
STAGED_CASES = ("worked-case-0", "worked-case-1")
#: A third case for `staged-opening`, on which ignoring the opening fails: until review 70 X5,
#: on every drawn case the cut a shaded opening still proves left the prior's best price in
#: place, so the re-priced price always equalled Question 5's `before` and "the opening tells
#: me nothing" passed for every learner (it still does for the two in three whose opening
#: does not raise the price). Here, worked-case-1's buyer with the prior (0.4, 0.3, 0.2, 0.1), a
#: cost of 34,000 and an opening of 45,000: the opening proves r >= 45,000 / 0.85, about 52,940,
#: which rules out the prior's best price (49,000); the re-priced price is 56,000. The function
#: is asked only `staged-opening` here (with the prior's best price ruled out, no reservation
#: price still possible lies between the cost and the model's price, so the case has no surer
#: price to ask for).
CUT_CASE = "cut-case"
CUT_BASE = "worked-case-1"
CUT_NUMBERS = {"prior": (0.4, 0.3, 0.2, 0.1), "cost": 34_000.0, "opening_offer": 45_000.0}
#: A fourth case for `staged-opening`, on which "the higher of Question 5's `before` and
#: `now`" fails: that short cut gives the re-priced price on every drawn case. Here,
#: worked-case-1's buyer with the prior (0.36, 0.30, 0.09, 0.25), a cost of 38,000 and an
#: opening of 44,500: the cut (44,500 / 0.85, about 52,350) leaves 56,000 and 63,000, and
#: the re-priced price is 63,000, while `before` is 49,000 and `now` 56,000. Asked only
#: `staged-opening`, as on ``CUT_CASE``.
TILT_CASE = "tilt-case"
TILT_NUMBERS = {"prior": (0.36, 0.30, 0.09, 0.25), "cost": 38_000.0, "opening_offer": 44_500.0}
#: A case Question 5's check tries after ``WORKED_CASES``, visible and hidden (review 68 X1):
#: asking the lowest possible reservation price at or above the expected one, a rule that
#: never weighs profit, gives the model's price before the opening for about 93% of
#: learners and after it for about 90%, and on every drawn worked case where it fails the
#: expected reservation price is itself a possible price, so the hint for asking it already
#: answered. Here it fails before and after the opening with the expected reservation price
#: between two possible prices: worked-case-0's buyer (57,000, 61,000, 65,000 or 69,000)
#: with the prior (0.1, 0.4, 0.4, 0.1), a cost of 40,000, an opening of 26,500 (it rules out
#: 69,000) and a cap of 58,000. Before the opening the expected reservation price is 63,000;
#: asking 65,000 earns 12,500 on average and the model's price, 61,000, earns 18,900. After
#: it, 62,217: 65,000 earns about 10,640 and 61,000 about 18,450.
ROUNDING_CASE = "rounding-case"
ROUNDING_BASE = "worked-case-0"
ROUNDING_NUMBERS = {
    "prior": (0.1, 0.4, 0.4, 0.1),
    "cost": 40_000.0,
    "opening_offer": 26_500.0,
    "rival_cap": 58_000.0,
}
#: The worked case whose numbers Questions 6 and 9 practise on (``practice_case``).
PRACTICE_CASE = "worked-case-0"


#: Review 88 X3: a second case for `practice-whole-gain`, the practice case with a cost of
#: 51,000 and a prior that makes 65,000 the model's price after the opening, with 57,000 and
#: 61,000 still possible. Taking a share of the gain off each possible reservation price
#: and keeping the highest result below the model's price, without checking the buyer at the
#: next possible price, passed on the practice case (one candidate fits there) and failed
#: graded cases: a third off 65,000 gives 60,333.33, which leaves the buyer at 61,000
#: 666.67 of its 10,000 gain. On this case that slip failed in practice. Review 108 X1: it
#: was no slip (60,333.33 leaves every buyer at least as much as 61,500, which passed); the
#: share is now measured at the model's price (``reference.leaves_share_at_model``), so it
#: passes, and the case stays as one where the model's price is not the lowest price still
#: possible: a price above 62,200 fails here with the hint that says why.
def _only_staged(sale):
    """What ``sale``, a case that asks only `staged-opening` (``CUT_CASE``, ``TILT_CASE``,
    ``_drawn_staged_cases``), lacks. Review 108 X5: a learner function that worked out the
    safer price before reading `sale.situations` raised ValueError there and lost "what to
    do" at grading with every own-case price right. The question's text now says so, and a
    crash on such a case says it too."""
    after = reference.posterior_after_opening(sale)
    lacks = "" if reference.surer_prices(after, sale.cost) else " and has no safer price"
    return (
        "That case asks only `staged-opening` (`sale.situations` holds that one key)"
        f"{lacks}: work out a price only for a situation the case asks."
    )


FAIR_CASE = "fair-case"
FAIR_NUMBERS = {"prior": (0.17, 0.17, 0.5, 0.16), "cost": 51_000.0}


@question
def my_price(answer, hidden=False):
    """Check a function that names the price before and after the opening, after the news,
    and under the rival's cap (4 points, one for each), given the right beliefs after the opening and a reading of the news
    drawn for the check (``reference.given_reading``: it says nothing of which way the news
    points, Question 3's answer, and Question 3 cannot cost it). The worked cases
    (``WORKED_CASES``) are tried too, visible and hidden."""
    sales = [
        *_scenarios(hidden),
        *(variant(MODULE, learner) for learner in WORKED_CASES),
        rounding_case(),
    ]
    cases = [(sale, reference.posterior_after_opening(sale)) for sale in sales]
    readings = {sale.learner: reference.given_reading(sale) for sale in sales}
    answers = _answers(
        answer,
        cases,
        "my_price",
        "my_price should return (price before the opening, price after it, price after "
        "the news, price under the cap)",
        4,
        readings,
    )
    return score(
        Check("the price before the opening", 1, lambda: _price_before(answers, readings)),
        Check("the price after the opening", 1, lambda: _price_after(answers, readings)),
        Check("the price after the news", 1, lambda: _price_news(answers, readings)),
        Check("the price under the cap", 1, lambda: _price_capped(answers, readings)),
    )


#: Question 7's worked case, tried by the visible and hidden checks: a learner's sale with
#: two firms both worth more than their fees (their answers worth about €3,430 and €3,110),
#: where the one worth less leaves more after its fee, so neither "the firm worth more"
#: nor "the first firm worth its fee" passes it.
FIRMS_CASE = "worked-case-8"
FIRMS_CASE_FIRMS = (("Finch", 59_000.0, 2_600.0), ("Heron", 67_000.0, 1_600.0))
#: Question 7's second worked case: neither firm is worth its fee (answers worth about €360
#: and €1,250), but beliefs rescaled inside each answer, the two answers' profits added,
#: make both look worth it and hire Heron.
SCALED_CASE = "worked-case-0"
SCALED_CASE_FIRMS = (("Finch", 61_000.0, 1_000.0), ("Heron", 65_000.0, 2_500.0))
#: Question 7's third worked case (review 76 X4): Finch's answer is worth about €3,220 for a
#: fee of €1,600, Heron's about €1,820 for €600, so Finch leaves more after its fee while
#: Heron's worth is the larger multiple of its fee: picking by worth over fee fails here.
RATIO_CASE = "worked-case-2"
RATIO_CASE_FIRMS = (("Finch", 73_000.0, 1_600.0), ("Heron", 81_000.0, 600.0))

#: How to value a firm's answer, for Question 7's hints.
FIRM_HOW = (
    "Value each firm's answer as section 4 valued perfect information: the model's price "
    "and its expected profit against the beliefs a yes leaves, the same after a no (chances "
    "left unscaled, so each answer counts with its chance), added up, minus what the "
    "model's price earns with no answer. Then weigh each worth against its fee."
)


@course_at_work
def rounding_case():
    """Question 5's ``ROUNDING_CASE``: ``ROUNDING_BASE``'s sale with ``ROUNDING_NUMBERS``.
    Building it works out the sale's beliefs after the opening (an answer key), as drawing
    a learner's sale does, so it is the course at work: a learner's function may call it to
    try itself on the case, and gets a sale, not an answer."""
    return replace(variant(MODULE, ROUNDING_BASE), learner=ROUNDING_CASE, **ROUNDING_NUMBERS)


def firms_case():
    """Question 7's worked case: ``FIRMS_CASE``'s sale with the firms ``FIRMS_CASE_FIRMS``."""
    return replace(variant(MODULE, FIRMS_CASE), firms=FIRMS_CASE_FIRMS)


def scaled_case():
    """Question 7's second worked case: ``SCALED_CASE``'s sale with ``SCALED_CASE_FIRMS``."""
    return replace(variant(MODULE, SCALED_CASE), firms=SCALED_CASE_FIRMS)


def ratio_case():
    """Question 7's third worked case: ``RATIO_CASE``'s sale with ``RATIO_CASE_FIRMS``."""
    return replace(variant(MODULE, RATIO_CASE), firms=RATIO_CASE_FIRMS)


def _ratio_pick(sale, after):
    """The firm (or "neither") that picking by worth over fee, a ratio, hires."""
    worths = reference.firm_worths(sale, after)
    ratios = {name: worths[name] / fee for name, _, fee in sale.firms}
    name = max(ratios, key=ratios.get)
    return name if ratios[name] > 1 else reference.NEITHER


def _boundary_pick(sale, after):
    """The firm (or "neither") hired by the slip of splitting each answer at ``r > amount``
    rather than ``r >= amount`` (review 98 X1: the hint could not name it)."""
    nets = {}
    for name, amount, fee in sale.firms:
        yes = {r: c for r, c in after.items() if r > amount}
        no = {r: c for r, c in after.items() if r <= amount}
        nets[name] = (
            reference.best_profit(yes, sale.cost)
            + reference.best_profit(no, sale.cost)
            - reference.best_profit(after, sale.cost)
            - fee
        )
    name = max(nets, key=nets.get)
    return name if nets[name] > 0 else reference.NEITHER


def _scaled_pick(sale, after):
    """The firm (or "neither") that the slip of rescaling the beliefs inside each answer
    hires: each answer's best profit against beliefs that sum to 1, the two added."""

    def best(beliefs):
        total = sum(beliefs.values())
        if total <= 0:
            return 0.0
        return max(
            [0.0]
            + [
                (price - sale.cost) * sum(c for r, c in beliefs.items() if r >= price) / total
                for price in beliefs
            ]
        )

    nets = {}
    for name, amount, fee in sale.firms:
        yes = {r: c for r, c in after.items() if r >= amount}
        no = {r: c for r, c in after.items() if r < amount}
        nets[name] = best(yes) + best(no) - best(after) - fee
    name = max(nets, key=nets.get)
    return name if nets[name] > 0 else reference.NEITHER


def _firm(result):
    """The learner's pick, as "Finch", "Heron" or "neither" (any case, spaces, None)."""
    names = {name.lower(): name for name in (*reference.FIRMS, reference.NEITHER)}
    picked = "neither" if result is None else str(result).strip().lower()
    if not isinstance(result, str | type(None)) or picked not in names:
        said = 'answer with "Finch", "Heron" or "neither"'
        raise NotYet(f"{said}; got {result!r}", general=said)
    return names[picked]


@question
def information_pays(answer, hidden=False):
    """Check which research firm, if either, the learner hires (Question 7), given the
    right beliefs after the opening, on their own sale, the worked cases ``firms_case()``,
    ``scaled_case()`` and ``ratio_case()`` and, hidden, other learners' sales. The hint says what is true of the firm picked
    (worth nothing, worth less than its fee, or beaten by the other once the fees are
    paid) or that some firm pays, never which firm is right."""
    cases = (firms_case(), scaled_case(), ratio_case())
    for sale in [*_scenarios(hidden), *cases]:
        after = reference.posterior_after_opening(sale)
        picked = _firm(call_learner(answer, sale, after, name="information_pays"))
        right = reference.information_pays(sale, after)
        if picked == right:
            continue
        worths = reference.firm_worths(sale, after)
        fees = {name: fee for name, _, fee in sale.firms}
        if picked == reference.NEITHER:
            said = "at least one firm's answer is worth more than its fee"
        elif worths[picked] < 0.005:
            said = (
                f"neither of {picked}'s answers would change the price you name, so its "
                "answer is worth nothing to you"
            )
        elif worths[picked] <= fees[picked]:
            said = f"{picked}'s answer is worth less than its fee"
        else:
            said = (
                f"{picked}'s answer is worth more than its fee, but the other firm's leaves "
                "you more once its fee is paid"
            )
        top = max(worths, key=worths.get)
        unpaid = top if worths[top] >= 0.005 else reference.NEITHER
        slips = [
            "leaving the fees out" if picked == unpaid else "",
            "rescaling the beliefs inside each answer, which counts each answer's profit as "
            "if that answer were sure to come"
            if picked == _scaled_pick(sale, after)
            else "",
            "comparing worth to fee as a ratio; what you keep is the worth minus the fee"
            if picked == _ratio_pick(sale, after)
            else "",
            "counting a reservation price equal to a firm's amount as a 'no'; the firm "
            "answers whether it is *at least* the amount"
            if picked == _boundary_pick(sale, after)
            else "",
        ]
        if any(slips):  # a pick says what could give it, not what the learner did
            said += ". A slip that gives this pick: " + "; or ".join(s for s in slips if s)
        who = f"for learner {sale.learner}"
        for place, case in zip(("first", "second", "third"), cases, strict=True):
            who = f"on the {place} worked case" if sale is case else who
        raise NotYet(f"{who}, {said}. {FIRM_HOW}", general=f"{said}. {FIRM_HOW}".rstrip("."))
    if not hidden:
        sale = variant(MODULE)
        after = reference.posterior_after_opening(sale)
        worths = reference.firm_worths(sale, after)
        passed(
            "information_pays: right on your case and the three worked cases. On your case, "
            + "; ".join(
                f"{name}'s answer is worth {_euros(worths[name])} against a fee of {_euros(fee)}"
                for name, _, fee in sale.firms
            )
            + ". An answer is worth something only if it can change the price you name."
        )
        return
    passed(
        "information_pays: right on every case grading tries. A sharp question is worth "
        "paying for only when one of its answers would change the price you name, and by "
        "more than it costs."
    )


def _regrets(sale, beliefs):
    """Where perfect information's worth comes from: (best blind price, the deals it
    loses, the money it leaves on the table), each averaged over ``beliefs``. The two add
    up to perfect information's worth."""
    price, _ = reference.best_move(beliefs, sale.cost)
    lost = left = 0.0
    for value, chance in beliefs.items():
        if value >= price:
            left += chance * (value - price)
        else:
            lost += chance * max(value - sale.cost, 0.0)
    return price, lost, left


def _why_perfect_information_moved(sale):
    """Why perfect information is worth what it is before and after the opening, in words:
    what the best blind price loses in refused deals and leaves on the table each time."""
    parts = []
    for when, beliefs in (
        ("Before the opening", sale.prior_beliefs()),
        ("After it", reference.posterior_after_opening(sale)),
    ):
        price, lost, left = _regrets(sale, beliefs)
        parts.append(
            f"{when}, the model's price is {_euros(price)}: knowing the reservation price "
            f"would win back {_euros(lost)} of deals that price loses and {_euros(left)} it "
            "leaves on the table"
        )
    return ". ".join(parts) + "."


def _perfect(answers, truths):
    for sale, after, result in answers():
        before, now, _, _ = truths[sale.learner]
        low, high = min(sale.reservations), max(sale.reservations)
        for what, given, expected, beliefs in (
            ("before the opening", result[0], before, sale.prior_beliefs()),
            ("after the opening", result[1], now, after),
        ):
            given = _number(given, f"perfect information's worth {what}")
            if same_money(given, expected):
                continue
            informed = sum(p * max(v - sale.cost, 0.0) for v, p in beliefs.items())
            always_sold = sum(p * (v - sale.cost) for v, p in beliefs.items())
            mistakes = [
                (
                    always_sold - reference.best_move(beliefs, sale.cost)[1],
                    "that counts a sale to every buyer, even one whose reservation price is "
                    "below your cost; knowing it, you would not sell there, so each "
                    "reservation price earns max(r - cost, 0)",
                ),
                (reference.perfect_information(beliefs, sale.cost, strict=True), STRICT),
                (
                    informed,
                    "that is what you earn knowing the reservation price; information is worth "
                    "only what it adds to what the model's price earns, so subtract that",
                ),
                (
                    value_of_information(sale.cost, low, high),
                    "that is value_of_information's answer, which treats the reservation price "
                    "as spread evenly between the lowest and the highest; yours takes only four "
                    "values, with their own chances",
                ),
            ]
            if beliefs is after:
                mistakes.append(
                    (before, "that is its worth before the opening; use the beliefs after it")
                )
            mistakes += _rounded(expected)
            mistakes = _joined(mistakes)
            hint = diagnose(
                given,
                expected,
                mistakes,
                f"your worth of perfect information {what}, {_euros(given)}, is "
                f"{_way(given, expected)}: take the expected profit of knowing the reservation "
                "price (ask it when it covers your cost) minus what the model's price earns",
            )
            if hint:
                raise NotYet(
                    f"for learner {sale.learner}, {what}: {hint}.",
                    general=general_hint(hint, mistakes)
                    or f"{what}, it is not the informed profit minus what the model's price earns",
                )
    own = answers()[0][0]
    return "perfect information before and after the opening. " + _why_perfect_information_moved(
        own
    )


def _rounded(right):
    """Question 8's amounts rounded to the euro or the hundred: the right method, told so (a
    rounded answer was told its method was wrong)."""
    return [
        (
            rounded,
            "that is the right amount rounded; return it unrounded (the check compares amounts "
            "to the cent)",
        )
        for rounded in (round(right), round(right, -2))
    ]


def _worth_mistakes(sale, after, now, worth):
    """Question 8's named slips in the report's worth, each (value, hint[, general])."""
    low, high = min(sale.reservations), max(sale.reservations)
    return [
        (
            reference.report_value(after, sale.cost, sale.report_accuracy, strict=True),
            STRICT,
        ),
        (
            now,
            "that is what a report that is always right would be worth (perfect "
            f"information); this one is right only {sale.report_accuracy:.0%} of the time, "
            "so it is worth less",
            "that is what a report that is always right would be worth; a fallible one "
            "is worth less",
        ),
        (
            sale.report_accuracy * now,
            "scaling perfect information by the accuracy overlooks what a wrong report "
            "costs: work out the model's price after each report the firm could send",
        ),
        (
            value_of_information(sale.cost, low, high),
            "that is value_of_information's answer, for a reservation price spread evenly "
            "between the lowest and the highest; yours takes only four values",
        ),
        (
            reference.report_value(sale.prior_beliefs(), sale.cost, sale.report_accuracy),
            "that values the report on your beliefs before the opening; use the beliefs after it",
        ),
        (
            worth + reference.best_move(after, sale.cost)[1],
            "that is what you expect to earn with the report; it is worth only what it "
            "adds to what the model's price earns, so subtract that",
        ),
        (
            _report_on_survivors(after, sale.cost, sale.report_accuracy),
            "that spreads the report's errors over the prices the opening left possible "
            "only. The market firm does not know about the opening: when it is wrong it "
            "names any of the other prices equally often, including one the opening ruled "
            "out, so its likelihood is (1 − accuracy)/(n − 1) with n all four prices",
        ),
        (
            _report_errors_over_survivors(after, sale.cost, sale.report_accuracy),
            "that divides a wrong report's chance among the prices the opening left "
            "possible. The market firm knows nothing of the opening, so n is the number of "
            "all the prices in `sale.reservations`, ruled out or not",
            "its n counts only the prices the opening left possible; n counts them all",
        ),
        (
            _report_spread_over_all(after, sale.cost, sale.report_accuracy),
            "that gives each price (1 − accuracy)/n when the report is wrong. A wrong "
            "report names one of the other n − 1 prices, never the right one, so each "
            "gets (1 − accuracy)/(n − 1)",
            "it spreads a wrong report over all n prices, (1 − accuracy)/n; a wrong report "
            "names one of the other n − 1",
        ),
        *_rounded(worth),
    ]


def _report_worth(answers, truths):
    for sale, after, result in answers():
        _, now, worth, _ = truths[sale.learner]
        given = _number(result[2], "the report's worth")
        if same_money(given, worth):
            continue
        mistakes = _joined(_worth_mistakes(sale, after, now, worth))
        hint = diagnose(
            given,
            worth,
            mistakes,
            f"your worth of the report, {_euros(given)}, is {_way(given, worth)}: for each "
            "report it could send, take the best expected profit under the beliefs it leads "
            "to, weigh it by how likely that report is, add these up and subtract what the "
            "model's price earns",
        )
        if hint:
            raise NotYet(
                f"for learner {sale.learner}: {hint}.",
                general=general_hint(hint, mistakes)
                or "it is not the expected profit of the model's price after each report, minus "
                "what the model's price earns",
            )
    return "the report's worth: the model's price after each report, weighed by how often it comes."


def _worth_with_errors(beliefs, named, cost, accuracy, wrong):
    """A report's worth when it names each price of ``named`` (the true one with chance
    ``accuracy``, each other with chance ``wrong``), against the best blind profit."""
    with_report = sum(
        reference.best_move(
            {r: chance * (accuracy if r == name else wrong) for r, chance in named.items()},
            cost,
        )[1]
        for name in named
    )
    return with_report - reference.best_move(beliefs, cost)[1]


def _report_spread_over_all(beliefs, cost, accuracy):
    """A tempting wrong worth of the report: a wrong report's chance spread over all n
    possible prices, (1 − accuracy)/n each, the right one included."""
    return _worth_with_errors(beliefs, beliefs, cost, accuracy, (1 - accuracy) / len(beliefs))


def _report_errors_over_survivors(beliefs, cost, accuracy):
    """A tempting wrong worth of the report: it names every price, but a wrong report's
    chance is (1 − accuracy)/(n − 1) with n only the prices the beliefs still allow."""
    alive = sum(1 for chance in beliefs.values() if chance > 0)
    if alive < 2 or alive == len(beliefs):
        return math.nan
    return _worth_with_errors(beliefs, beliefs, cost, accuracy, (1 - accuracy) / (alive - 1))


def _report_on_survivors(beliefs, cost, accuracy):
    """A tempting wrong worth of the report: it names only reservation prices the beliefs
    still allow, and its errors are spread over those alone."""
    alive = {value: chance for value, chance in beliefs.items() if chance > 0}
    if len(alive) < 2:
        return math.nan
    return _worth_with_errors(beliefs, alive, cost, accuracy, (1 - accuracy) / (len(alive) - 1))


def _report_buy(answers, truths):
    for sale, after, result in answers():
        # judged against the learner's own worth when it is the right one or a slip the
        # worth's hint names, so that slip costs one point only; any other worth (0, say)
        # is replaced by the right one, so a constant earns nothing: the check tries a case
        # where buying pays (``BUY_CASE``) and one where it does not (``BELOW_COST_CASE``)
        _, now, right, _ = truths[sale.learner]
        try:
            given = _number(result[2], "the report's worth")
        except NotYet:
            given = None
        slips = [right, *(m[0] for m in _worth_mistakes(sale, after, now, right))]
        own = given is not None and any(
            isinstance(s, float) and same_money(given, s) for s in slips
        )
        worth = given if own else right
        buy = worth > sale.report_fee
        if _truth(result[3], "whether to buy the report") != buy:
            read = (
                f"you value the report at {_euros(worth)}"
                if own
                else "your worth of the report is not one the check can follow (see the "
                "second part), so the decision is judged by the right worth"
            )
            raise NotYet(
                f"for learner {sale.learner}: {read}, and it costs {_euros(sale.report_fee)}; "
                "buy it exactly when it is worth more than its fee.",
                general="it does not buy the report exactly when the report is worth more than "
                "its fee",
            )
    return "buy the report only when it is worth more than its fee."


@question
def report_decision(answer, hidden=False):
    """Check a function that values perfect information and the market report, and decides
    whether to buy the report (3 points: one per part), given the right beliefs after the
    opening, so Question 2 cannot cost it. The worked cases ``BELOW_COST_CASE`` and
    ``BUY_CASE`` are tried too, visible and hidden."""
    sales = [*_scenarios(hidden), *(variant(MODULE, c) for c in (BELOW_COST_CASE, BUY_CASE))]
    cases = [(sale, reference.posterior_after_opening(sale)) for sale in sales]
    answers = _answers(
        answer,
        cases,
        "report_decision",
        "report_decision should return (perfect information before the opening, after it, "
        "the report's worth, buy it?)",
        4,
    )
    truths = {sale.learner: reference.report_decision(sale, after) for sale, after in cases}
    return score(
        Check("perfect information before and after", 1, lambda: _perfect(answers, truths)),
        Check("the report's worth", 1, lambda: _report_worth(answers, truths)),
        Check("the decision", 1, lambda: _report_buy(answers, truths)),
    )


#: Question 6's hint when some assumptions are wrong: the distinction to draw, not the answer.
ASSUMPTION_HINT = (
    "For each situation, ask which promise the story contradicts: one final price that ends "
    "the talks if refused, a buyer who takes any price it can afford, a seller who weighs "
    "only averages, an opening that is the buyer's habit and not shaded to steer you. If the "
    "story keeps every promise, none fails, even when you feel a pull."
)
#: Question 6's hint when some actions are wrong: what to ask of a broken assumption, and
#: (``ANCHOR_HINT``) of a story where none breaks. Review 100 U2: it came first, about 110
#: words, before the sentence on the learner's slip; the slip now comes first, and on the
#: practice case the anchoring part only when a wrong situation breaks no assumption.
ACTION_CORE = (
    "Ask what the broken assumption does to the number you should name: does a refusal bring "
    "another round, so that you need a plan (an opening at or above the model's price and a "
    "target below it, by Question 6's conventions 1 and 2), or does a price's chance of "
    "acceptance matter more than the model lets it?"
)
ANCHOR_HINT = (
    "Where nothing breaks, ask whether anything but a feeling moves you off the model's "
    "price: a pull towards a number already read into your beliefs is anchoring (section 5). "
    "Anchoring is the habit of adjusting too little away from a number you have met, even "
    "one that tells you nothing new."
)
ACTION_HINT = ACTION_CORE + " " + ANCHOR_HINT


def _how_many(wrong, what):
    """'n of your answers are not right yet.' for a Question 6 or 9 hint: the count, never
    which ones, so the hint teaches the distinction without handing over the key."""
    return (
        f"{len(wrong)} of your {what} {'is' if len(wrong) == 1 else 'are'} not right yet "
        "(not named: the question is yours to judge). "
    )


def _limits(result, items):
    """The learner's (assumption, price) for every situation of ``items`` (Question 6), the
    assumption read without case or extra spaces; a missing situation, an unknown word or
    a price that is no number is named."""
    if not isinstance(result, Mapping):
        raise NotYet(
            f"model_limits should return a dict of situation to (assumption, price), got {result!r}",
            general="it should return a dict of situation to (assumption, price)",
        )
    read = {}
    for item in items:
        if item.key not in result:
            said = f"give an (assumption, price) pair for `{item.key}` ({item.text})"
            raise NotYet(said, general=said)
        pair = _pair(
            result[item.key],
            f"`{item.key}` should be a pair (assumption, price), such as "
            f'("{next(iter(reference.ASSUMPTIONS))}", 50000)',
        )
        assumption = " ".join(str(pair[0]).split()).lower()
        if assumption not in reference.ASSUMPTIONS:
            said = (
                f"`{item.key}`: name the assumption with one of "
                f"{', '.join(repr(key) for key in reference.ASSUMPTIONS)}, not {pair[0]!r}"
            )
            raise NotYet(said, general=said)
        if isinstance(pair[1], tuple | list):
            # a plan (opening, target), the form a counter-offer asks for; judged, not refused,
            # whatever the label, so one wrong label costs one mark
            plan = _pair(
                pair[1],
                f"`{item.key}`: a plan should be a pair (opening, target), such as (60000, 55000)",
            )
            read[item.key] = (
                assumption,
                (
                    _number(plan[0], f"the opening for `{item.key}`"),
                    _number(plan[1], f"the target for `{item.key}`"),
                ),
            )
            continue
        read[item.key] = assumption, _number(pair[1], f"the price for `{item.key}`")
    return read


def _plan_notes(plans, sale, after):
    """What is true of some of the learner's wrong Question 6 plans (opening, target): a
    target not below its opening, below convention 2's floor (review 94 X1: halfway
    from your cost to your estimate less €100, or `sure` where that is higher:
    ``reference.target_floor``), or below its opening but above convention 2's top (review
    97 X1: three quarters of the way plus €100, or `sure` where that is higher:
    ``reference.target_ceiling``). Never which situation."""
    cent = 0.005
    ceiling = reference.target_ceiling(sale, after)
    notes = {
        "not-below": any(t >= o - cent for o, t in plans),
        "low": any(t < reference.target_floor(o, sale, after) - cent for o, t in plans),
        "high": any(ceiling + cent < t < o - cent for o, t in plans),
    }
    words = {
        "not-below": "A target at or above its opening leaves you nothing to concede.",
        "low": "A target below halfway from your cost to your estimate (less €100 for "
        "rounding), or below `sure`, concedes more than convention 2 allows: every buyer you "
        "still believe in would pay `sure`.",
        # review 100 X2: where `sure` is above the band, the top is three quarters of the
        # way from `sure` (``reference.band_top``)
        "high": "A target above three quarters of the way from your cost to your estimate "
        "(plus €100 for rounding), or from `sure` where `sure` is above that point, leaves "
        "less room to concede than convention 2 keeps: aim at most that far.",
    }
    return " ".join(words[key] for key, found in notes.items() if found)


def _staged_note(sale, whose):
    """What Question 6's text once said to everyone (review 72 X5: it gave two learners in
    three the `staged-opening` price to copy), said now only after a wrong staged price and
    only where it holds: on ``sale`` the opening did not raise the model's price, so what a
    shaded opening proves leaves Question 5's `before` possible, and that is the price."""
    before = reference.best_move(sale.prior_beliefs(), sale.cost)[0]
    if reference.staged_price(sale) != before:
        return ""
    return (
        f"On {whose} the opening did not raise the model's price, so what a shaded opening "
        "proves leaves Question 5's `before` possible: re-price from it."
    )


def _notes(entries, sale, after):
    """``_price_notes`` on the lone prices and the plans' openings that break module 04's
    rule, ``_plan_notes`` on the plans; ``entries`` are (assumption, price or plan) pairs."""
    plans = [e for _, e in entries if isinstance(e, tuple)]
    prices = [e for _, e in entries if not isinstance(e, tuple)]
    # a price re-priced from what a shaded opening proves may rightly lie above every price
    # still possible after the opening read as honest (review s64), so "top" skips it
    staged = [e for label, e in entries if label == "honest-opening" and not isinstance(e, tuple)]
    prices = [e for label, e in entries if label != "honest-opening" and not isinstance(e, tuple)]
    form = [
        "Where you judge that a refusal brings a counter-offer, name a plan, a pair (opening, "
        "target), not one price."
        for label, e in entries
        if label == "final-offer" and not isinstance(e, tuple)
    ][:1] + [
        "A plan (opening, target) is for a haggle; where one price ends the talks, name that price."
        for label, e in entries
        if label != "final-offer" and isinstance(e, tuple)
    ][:1]
    openings = [o for o, _ in plans if not reference.opening_passes(o, sale, after)]
    found = [
        *form,
        _price_notes(prices, sale, after, staged),
        _opening_notes(openings, sale, after),
        _plan_notes(plans, sale, after),
    ]
    return " ".join(note for note in found if note)


def _opening_notes(openings, sale, after):
    """What is true of some of the learner's plan openings that break Question 6's rule (from
    ``opening_floor``, the higher of your estimate and the model's price, less €100 for
    rounding, up to ``opening_ceiling``: ``reference.opening_passes``; review 99 C1 dropped
    review 88 C1's "or a reservation price still possible at or above the model's price"):
    below the model's price, above it but more than €100 short of your estimate, or above
    every price still possible (review 73 C1 and 80 C2 had a step of room beyond it; review
    93 X1 took the step out of the mark, so the hint names that price as the mark's top). Review 69 X1: openings were read with the lone prices' notes,
    which speak of fairness and safer prices, not of openings. Never which situation."""
    model = reference.best_move(after, sale.cost)[0]
    estimate = reference.expected_reservation(after)
    top = reference.opening_ceiling(sale, after)
    cent = 0.005
    notes = {
        "below-model": any(o < model - cent for o in openings),
        "short-of-estimate": any(
            model - cent <= o < estimate - reference.OPENING_ROUNDING - cent for o in openings
        ),
        "top": any(o > top + cent for o in openings),
    }
    words = {
        "below-model": "An opening below the model's price (Question 5's `now`) is lower than "
        "the price you would name as your last word, and no haggle ends above its opening: "
        "it gives away what your last word would have kept.",
        # review 99 C1: a reservation price still possible short of the estimate no longer
        # passes (review 88 C1 had let it), so the note no longer offers it
        "short-of-estimate": "An opening more than €100 below your estimate of the buyer's "
        "reservation price (the expected reservation price under `after`) breaks convention 1, "
        "even where it is a reservation price still possible: no haggle ends above its "
        "opening, so it gives up part of what you expect the buyer to pay before the talks "
        "start. Open at your estimate (rounded to the €100 if you like) or beyond it.",
        # review 80 C2: it named the step beyond the highest price still possible as room to
        # concede; the step rests on no fact, and Question 6 no longer offers it
        # review 91 U1: the mark's bound is stated; review 93 X1: it is that price itself
        "top": "An opening above the highest reservation price still possible after the "
        f"opening ({_euros(top)}) rests on no buyer you still believe in, and risks looking "
        "unserious: Question 6's mark accepts openings up to that price.",
    }
    return " ".join(words[key] for key, found in notes.items() if found)


def _own_prices_effect(entries, sale):
    """What the learner's own Question 6 prices do against the beliefs after the opening,
    shown at once with no word on whether they are right (review s62 X2): each price's
    chance of acceptance and expected profit; a plan's opening and target as named."""
    after = reference.posterior_after_opening(sale)
    lines = []
    for key, (_, price) in entries.items():
        if isinstance(price, tuple):
            opening, target = price
            lines.append(f"`{key}`: you open at {_euros(opening)} and aim at {_euros(target)}.")
            continue
        chance = sum(c for r, c in after.items() if r >= price - 0.005)
        lines.append(
            f"`{key}`: {_euros(price)}, accepted with chance {chance:.0%} against your beliefs "
            f"after the opening, earns {_euros((price - sale.cost) * chance)} on average."
        )
    return "What your own prices do, right or not:\n" + "\n".join(lines)


def _price_notes(prices, sale, after, staged=()):
    """What is true of some of the learner's wrong Question 6 prices whatever the
    situation: at or below the cost, at or below the opening, above every price still
    possible, above the opening and the cost but below the lowest reservation price
    still possible, between two reservation prices still possible (review 82 X1: a price
    leaving the buyer more than half the gain is no longer wrong). (A plan's opening has its
    own notes, ``_opening_notes``; review 69
    X1 moved the one on openings short of the estimate there.) "Above every price still
    possible" skips the prices in ``staged`` (those the learner re-priced for a shaded
    opening). Never which situation."""
    model = reference.best_move(after, sale.cost)[0]
    alive = sorted(r for r, chance in after.items() if chance > 0)
    cent = 0.005
    bounded, everything = prices, [*prices, *staged]
    notes = {
        "cost": any(p <= sale.cost + cent for p in everything),
        "opening": any(p <= sale.opening_offer + cent for p in everything),
        "top": any(p > reference.ceiling(sale, after) + cent for p in bounded),
        "under": any(
            max(sale.cost, sale.opening_offer) + cent < p < alive[0] - cent for p in everything
        ),
        "between": any(
            alive[0] + cent < p < model - cent and all(abs(p - r) >= cent for r in alive)
            for p in everything
        ),
        "thin": any(
            max(sale.cost, sale.opening_offer) + cent < p < model - cent
            and not reference.leaves_share_at_model(p, model, sale.cost, reference.FAIR_FLOOR)
            for p in everything
        ),
    }
    words = {
        "cost": f"A price at or below your cost ({_euros(sale.cost)}) earns nothing: no "
        "situation here calls for one.",
        "opening": "A price at or below the opening gives away what Osprey already offered: "
        "every reservation price still possible lies above the opening, so a higher price is "
        "accepted as surely and earns more; accepting the opening is never best under the "
        "band model.",
        "top": "A price above the highest reservation price still possible after the "
        f"opening ({_euros(alive[-1])}) is grounded in no buyer you still believe in: as "
        "one price it sells to no one.",
        # review 94 X2: without the reason, it argued against every fair price where the
        # opening raised the model's price (all of them lie in this stretch)
        "under": "A price above the opening but below the lowest reservation price still "
        "possible is accepted no more surely than that price, and earns less: fairness is "
        "the one reason to name such a price.",
        "between": "A price between two reservation prices still possible sells to no more "
        "buyers than the next one up, for less: it makes no sale surer. What it does is leave "
        "the buyer more, so fairness, a buyer who may walk out of a deal it finds unfair, is "
        "the one reason to name such a price.",
        # review 108 X1: the share is measured at the model's price, as the rule says
        "thin": "A price this close under the model's price leaves a buyer whose reservation "
        "price is the model's price less than a fifth of the gain (the model's price minus your cost): in "
        "the small-stakes ultimatum games section 3 cites, such offers are refused about half "
        "the time.",
    }
    return " ".join(words[key] for key, found in notes.items() if found)


@question
def model_limits(answer, hidden=False):
    """Check the learner's judgement of where the take-it-or-leave-it model holds (2 points:
    one for the assumptions each situation breaks, one for the price to name in each),
    given the right beliefs after the opening, so Question 2 cannot cost it. The prices
    are the learner's own: the model's price, a price above it, or a surer or fair price
    below it (``reference.situation_fits``).

    The visible check judges, item by item, the practice situations of the text on the
    practice case (``practice_case``), and on the learner's own situations only the form:
    labels judged on the learner's own case, even by a count, can be completed by
    re-running. The hidden check marks the learner's own situations, counting wrong entries
    without naming them. Both try the `staged-opening` price on ``STAGED_CASES`` too (a
    computation, tried on fixed cases as any function is)."""
    own = variant(MODULE)
    answered = {}

    def read(sale, items):
        key = sale.learner, sale.situations, sale.prior, sale.cost, sale.opening_offer
        if key not in answered:
            after = reference.posterior_after_opening(sale)
            answered[key] = call_learner(answer, sale, dict(after), name="model_limits")
        return _limits(answered[key], items)

    def staged_on_worked_cases():
        """The worked case on which the learner's `staged-opening` price is wrong, or None
        (when grading, the cases of ``_drawn_staged_cases`` too)."""
        staged = next(i for i in reference._SITUATIONS if i.key == "staged-opening")
        cases = {**staged_cases(), **(_drawn_staged_cases() if hidden else {})}
        for case, worked in cases.items():
            try:
                entry = read(worked, [staged])
            except NotYet as failure:
                if failure.raised is None or worked.situations != (staged.key,):
                    raise
                # review 108 X5: say what such a case lacks, as the question's text does
                said = _only_staged(worked)
                raise NotYet(
                    f"{str(failure).rstrip('.')}. {said}",
                    general=f"{str(failure.general or failure).rstrip('.')}. {said}",
                    raised=failure.raised,
                ) from None
            after = reference.posterior_after_opening(worked)
            if not reference.situation_fits(staged, entry[staged.key][1], worked, after):
                return case
        return None

    def worked_note(case):
        return (
            f" Your function is tried on the worked cases {', '.join(STAGED_CASES)}, "
            f"{CUT_CASE} and {TILT_CASE} too: "
            f"on {case}, one of your prices does not do what its situation calls for. "
            "Re-price from what a shaded opening still proves, not by a rule of thumb."
        )

    if not hidden:
        own_items = reference.situations_of(own)
        practice = practice_case()
        after = reference.posterior_after_opening(practice)
        items = reference.situations_of(practice)
        note = OWN_CASE_NOTE.format(
            what="situations", where="`sale.situations`", marked="assumptions and prices"
        )

        def assumptions():
            wrong = [i for i in items if read(practice, items)[i.key][0] != i._assumption]
            if wrong:
                raise NotYet(
                    "on the practice situations, "
                    + ", ".join(
                        f"`{i.key}` is not {read(practice, items)[i.key][0]!r}" for i in wrong
                    )
                    + ". "
                    + ASSUMPTION_HINT
                )
            return "the practice situations: which promise of the model each breaks, or none:\n" + (
                "\n".join(f"`{i.key}`: {i._why_assumption}." for i in items)
            )

        def fair_on_worked_case():
            """A note when the `practice-whole-gain` price fails on ``FAIR_CASE``, else ""."""
            sale = fair_case()
            whole_gain = reference.situations_of(sale)
            fair_after = reference.posterior_after_opening(sale)
            entry = read(sale, whole_gain)[whole_gain[0].key]
            if reference.situation_fits(whole_gain[0], entry[1], sale, fair_after):
                return ""
            notes = _notes([entry], sale, fair_after)
            shown = _euros(entry[1]) if isinstance(entry[1], Real) else repr(entry[1])
            return (
                f" On {FAIR_CASE} (`check.fair_case()`: the practice case with a cost of "
                f"{_euros(sale.cost)} and the prior {sale.prior}), your price for "
                f"`practice-whole-gain`, {shown}, "
                "does not do what its situation calls for." + (" " + notes if notes else "")
            )

        def prices():
            entries = read(practice, items)
            wrong = [
                i
                for i in items
                if not reference.situation_fits(i, entries[i.key][1], practice, after)
            ]
            case = staged_on_worked_cases()
            fair_note = "" if wrong else fair_on_worked_case()
            if wrong or case or fair_note:
                notes = _notes([entries[i.key] for i in wrong], practice, after)
                if any(i.key == "staged-opening" for i in wrong):
                    notes = " ".join(filter(None, (notes, _staged_note(practice, "this case"))))
                said = (
                    (
                        "on the practice case ("
                        + PRACTICE_CASE
                        + "), the price for "
                        + ", ".join(f"`{i.key}`" for i in wrong)
                        + " does not do what its situation calls for. "
                        + (notes + " " if notes else "")
                        + ACTION_CORE
                        + (" " + ANCHOR_HINT if any(i._assumption == "none" for i in wrong) else "")
                        if wrong
                        else ""
                    )
                    + (worked_note(case) if case else "")
                    + fair_note
                ).strip()
                raise NotYet(said)
            return (
                "the practice situations: move off the model's price the way the broken "
                "assumption points:\n"
                + "\n".join(
                    f"`{i.key}`: {reference.why_action_for(i, practice, after)}." for i in items
                )
            )

        def own_form():
            # review 91 X2 (as review 90 X2 for Question 3): a form error on the learner's
            # own situations (a missing key, an unknown word, a price that is no number) was
            # raised inside both practice lines, so it read as a practice failure ("Practice
            # case: 0 of 2 right") with the practice answered right. It is a line of its own
            # now, for no marks, required (grading gives nothing for entries in the wrong
            # form), naming the own situation; then what the own prices do, with no verdict
            entries = read(own, own_items)
            return note + "\n" + _own_prices_effect(entries, own)

        return score(
            Check("practice: which assumption fails", 1, assumptions, practice=True),
            Check("practice: what to do", 1, prices, practice=True),
            Check(OWN_SITUATIONS_FORM, 0, own_form, required=True),
        )

    after = reference.posterior_after_opening(own)
    items = reference.situations_of(own)
    # every call of the learner's function first, before any own-case label is read: a
    # grading kernel without the grader's keys cannot read them, and the grader's replay
    # must find each call it makes in the kernel's transcript (review 70 X2)
    with contextlib.suppress(NotYet):  # the checks below call again, and say what went wrong
        read(own, items)
    try:
        worked, worked_failure = staged_on_worked_cases(), None
    except NotYet as failure:
        worked, worked_failure = None, failure

    def own_assumptions():
        wrong = [i for i in items if read(own, items)[i.key][0] != i._assumption]
        if wrong:
            said = _how_many(wrong, "assumptions") + ASSUMPTION_HINT
            raise NotYet(said, general=said.rstrip("."))
        return (
            "you found which promise of the model each situation breaks, or that none does:\n"
            + ("\n".join(f"`{item.key}`: {item._why_assumption}." for item in items))
        )

    def own_prices():
        entries = read(own, items)
        wrong = [i for i in items if not reference.situation_fits(i, entries[i.key][1], own, after)]
        own_wrong = list(wrong)
        case = None
        if not any(i.key == "staged-opening" for i in wrong):
            if worked_failure is not None:
                raise worked_failure
            case = worked
            if case:
                wrong.append(next(i for i in items if i.key == "staged-opening"))
        if wrong:
            notes = _notes([entries[i.key] for i in own_wrong], own, after)
            if any(i.key == "staged-opening" for i in own_wrong):
                notes = " ".join(filter(None, (notes, _staged_note(own, "your case"))))
            said = (
                _how_many(wrong, "prices")
                + (notes + " " if notes else "")  # review 100 U2: the slip first
                + ACTION_HINT
                + (worked_note(case) if case else "")
            )
            raise NotYet(said, general=said.rstrip("."))
        return (
            "the model's price is where you start: ask it when the model holds, and move off "
            "it the way the broken assumption points when it does not:\n"
            + "\n".join(
                f"`{item.key}`: {reference.why_action_for(item, own, after)}." for item in items
            )
        )

    return score(
        Check("which assumption fails", 1, own_assumptions, own_case=True),
        Check("what to do", 1, own_prices, own_case=True),
    )


#: Other spellings of a label that mean the same (module 00 glosses "illegitimate" so).
SAME_LABEL = {"illegitimate source": "illegitimate"}


#: Question 9's labels for ways to learn or persuade: module 00's four kinds of move.
TACTIC_LABELS = (
    reference.LEGITIMATE,
    reference.BLUFF,
    reference.MISREPRESENTATION,
    reference.ILLEGITIMATE,
)
#: What tells two labels of Question 9 apart, for each pair a learner may confuse.
DISTINCTIONS = {
    frozenset({reference.SHARE, reference.KEEP}): "ask whether saying it helps Osprey find a "
    "trade that helps you both, or makes waiting cost Osprey as much as you; or whether it "
    "shows Osprey how little you would take or that only you lose by waiting",
    frozenset({reference.LEGITIMATE, reference.BLUFF}): "ask whether anything untrue is said "
    "about your own reservation price, what you would settle for, what you intend to do, or "
    "your own estimate of what the machine is worth",
    frozenset({reference.LEGITIMATE, reference.MISREPRESENTATION}): "ask whether anything "
    "untrue is said about a fact Osprey relies on",
    frozenset({reference.LEGITIMATE, reference.ILLEGITIMATE}): "ask whether the information "
    "was yours to have: published or told freely, or taken from someone bound to keep it, "
    "by a pretence, or through pressure on someone's office",
    frozenset({reference.BLUFF, reference.MISREPRESENTATION}): "ask whether the untrue part "
    "is about your own reservation price, what you would settle for, what you intend to do, "
    "or your own estimate of what the machine is worth, or about a fact Osprey relies on (an "
    "offer, a cost, a defect)",
    frozenset({reference.BLUFF, reference.ILLEGITIMATE}): "ask whether the move is an untrue "
    "claim about your own reservation price, what you would settle for, what you intend to "
    "do, or your own estimate of what the machine is worth, or a way of getting what was not "
    "yours to have",
    frozenset({reference.MISREPRESENTATION, reference.ILLEGITIMATE}): "ask whether the move "
    "states a false fact, or gets information that was not yours to have",
}


def _sentence(text):
    """``text`` with its first letter in capitals and a full stop."""
    return text[:1].upper() + text[1:] + "."


def _read_labels(result, moves, what, choices):
    """The learner's label for each move of ``moves``, read without case or extra spaces;
    a missing move or a label outside ``choices`` is named (the form, not the judgement)."""
    if not isinstance(result, Mapping):
        raise NotYet(
            f"fair_play should return a dict of key to label, got {result!r}",
            general="it should return a dict of key to label",
        )
    read = {}
    for move in moves:
        if move.key not in result:
            said = f"{what}: give a label for `{move.key}` ({move.text})."
            raise NotYet(said, general=said.rstrip("."))
        label = " ".join(str(result[move.key]).split()).lower()
        label = SAME_LABEL.get(label, label)
        if label not in choices:
            said = (
                f"{what}: label `{move.key}` with one of {', '.join(repr(c) for c in choices)}, "
                f"not {result[move.key]!r}"
            )
            raise NotYet(said + ".", general=said)
        read[move.key] = label
    return read


def _right_label(move, label):
    """Whether ``label`` is right for ``move``: its label, or for a move on the line between
    two kinds the other one (``move._also``: a lie told to get information is a means that
    is not yours and a false statement the person asked relies on, and module 00 accepts
    either label for it; a threat or warning you would not carry out is a bluff and can be a
    misrepresentation; a disclosure both saying and keeping are defensible for: review 68
    X5, the deposit discount, and review 70 X3, the reference customer)."""
    return label == move._label or label in move._also


def _labels(result, moves, what, choices):
    """Raise the hint when some moves of ``moves`` are labelled wrongly: how many, and for
    each pair of labels confused, what tells them apart, never which move or which label
    is right. Return why each move has its label, for the pass message."""
    read = _read_labels(result, moves, what, choices)
    wrong = [frozenset({read[m.key], m._label}) for m in moves if not _right_label(m, read[m.key])]
    if wrong:
        asks = dict.fromkeys(DISTINCTIONS[pair] for pair in wrong)
        said = f"{what}: " + _how_many(wrong, "labels") + _sentence("; ".join(asks))
        raise NotYet(said, general=said[:1].lower() + said[1:].rstrip("."))
    return "\n".join(f"`{move.key}`: {move._why}." for move in moves)


def _practice_labels(result, moves, what, choices):
    """Judge the practice moves item by item: each wrong one is named with what tells the
    two labels apart (never the right label). Return why each move has its label."""
    read = _read_labels(result, moves, f"{what} (practice)", choices)
    wrong = [m for m in moves if not _right_label(m, read[m.key])]
    if wrong:
        raise NotYet(
            f"{what} (practice): "
            + " ".join(
                f"`{m.key}` is not {read[m.key]!r}: "
                + DISTINCTIONS[frozenset({read[m.key], m._label})]
                + "."
                for m in wrong
            )
        )
    return "\n".join(f"`{move.key}`: {move._why}." for move in moves)


#: What the visible check of a question judged on the learner's own case only at grading
#: says of that case (the course's convention: practise with feedback, apply for marks).
OWN_CASE_NOTE = (
    "Your own {what} ({where}) have the right form; their {marked} are not judged here: "
    "they are marked when the notebook is graded."
)


def staged_cases():
    """The cases question 6 tries its `staged-opening` price on, by name: the worked cases
    of ``STAGED_CASES``, ``CUT_CASE`` and ``TILT_CASE``."""
    cases = {name: variant(MODULE, name) for name in STAGED_CASES}
    for name, numbers in ((CUT_CASE, CUT_NUMBERS), (TILT_CASE, TILT_NUMBERS)):
        cases[name] = replace(variant(MODULE, CUT_BASE), situations=("staged-opening",), **numbers)
    return cases


def _drawn_staged_cases():
    """Two cases the hidden check of Question 6 tries `staged-opening` on, drawn with the
    grading key (``hidden_rng``): worked-case-1's buyer with a prior, a cost and an opening
    drawn so that, in the first, the re-priced price is neither Question 5's `before` nor
    `now` (as in ``TILT_CASE``) and, in the second, it is `now` and not `before` (so not the
    next reservation price up either). On every learner's own case the re-priced price is `before`
    and the fixed cases can be hard-coded; these cannot. About one draw in fifty fits the
    first, one in two the second."""
    rng = hidden_rng(MODULE, "staged-opening")
    base = variant(MODULE, CUT_BASE)
    _, second, third, _ = base.reservations
    wanted = [(False, False), (False, True)]  # (price is `before`, price is `now`)
    cases = {}
    for _ in range(20_000):  # about 50 draws are needed
        if not wanted:
            return cases
        weights = [rng.randint(20, 45), rng.randint(15, 35), rng.randint(3, 12)]
        weights.append(rng.randint(15, 35))
        prior = tuple(round(w / sum(weights), 2) for w in weights[:-1])
        offer = 500.0 * rng.randint(int(0.85 * second) // 500 + 1, int(0.85 * third) // 500)
        sale = replace(
            base,
            situations=("staged-opening",),
            prior=(*prior, round(1 - sum(prior), 2)),
            cost=500.0 * rng.randint(int(0.6 * second) // 500, int(0.8 * second) // 500),
            opening_offer=offer,
        )
        kind = _staged_kind(sale)
        if kind in wanted:
            wanted.remove(kind)
            cases[f"a case grading draws ({len(cases) + 1})"] = sale
    raise LookupError(f"no staged case of the kinds {wanted} in 20,000 draws")


def _staged_kind(sale):
    """(whether the re-priced price is `before`, whether it is `now`) on ``sale``, or None
    where the opening fits no band, two prices earn within ``reference.TIE_MARGIN`` or 1%
    of each other (no price earns, 0, counts as one), or the model's price is the top one."""
    if not any(
        sale.opening_low * r <= sale.opening_offer <= sale.opening_high * r
        for r in sale.reservations
    ):
        return None
    beliefs = [
        reference.staged_beliefs(sale),
        reference.posterior_after_opening(sale),
        sale.prior_beliefs(),
    ]
    for one in beliefs:
        ranked = sorted([*reference.move_profits(one, sale.cost).values(), 0.0], reverse=True)
        if ranked[0] - ranked[1] < max(reference.TIE_MARGIN, 0.01 * ranked[0]):
            return None
    price, now, before = (reference.best_move(one, sale.cost)[0] for one in beliefs)
    if now == max(sale.reservations):
        return None  # a price above the model's is then out of reach, as in no drawn case
    return price == before, price == now


def fair_case():
    """``FAIR_CASE``: the practice case with ``FAIR_NUMBERS``, asking only
    `practice-whole-gain` (review 88 X3)."""
    return replace(practice_case(), situations=("practice-whole-gain",), **FAIR_NUMBERS)


def practice_case():
    """The worked case the visible checks of Questions 3, 6 and 9 judge in full: the sale of
    ``PRACTICE_CASE`` with the practice news, situations and moves of the notebook's text in
    place of its own (``reference._PRACTICE_SITUATIONS``, ``_PRACTICE_DISCLOSURES``,
    ``_PRACTICE_TACTICS``), none of which any learner is graded on."""
    return replace(
        variant(MODULE, PRACTICE_CASE),
        news=tuple(item.key for item in reference._PRACTICE_NEWS),
        situations=tuple(item.key for item in reference._PRACTICE_SITUATIONS),
        disclosures=tuple(move.key for move in reference._PRACTICE_DISCLOSURES),
        tactics=tuple(move.key for move in reference._PRACTICE_TACTICS),
    )


#: The feedback-only lines of Questions 6 and 9 on the form of the learner's own answers
#: (review 91 X2): a form error there is no practice failure.
OWN_SITUATIONS_FORM = "your own situations: the form"
OWN_LISTS_FORM = "your own lists: the form"

#: Question 9's two lists: the name of each, and its labels.
LISTS = {
    "what to tell Osprey": (reference.SHARE, reference.KEEP),
    "ways to learn or persuade": TACTIC_LABELS,
}


def _said(sale):
    return [move for move in reference.moves_of(sale) if move.key in sale.disclosures]


def _done(sale):
    return [move for move in reference.moves_of(sale) if move.key in sale.tactics]


@question
def fair_play(answer, hidden=False):
    """Check the learner's labels for what to tell the other side, and for ways to learn
    about it or persuade it (2 points: one for each list). The visible check judges the
    practice moves of the text item by item and, on the learner's own lists, only the
    form (a label from the choices for every key): a dict of labels judged on the
    learner's own case, even by a count, can be completed by re-running. The hidden check
    marks the learner's own lists, counting wrong labels without naming them."""
    own = variant(MODULE)
    answered = {}

    def labels(sale):
        key = sale.learner, sale.disclosures, sale.tactics
        if key not in answered:
            answered[key] = call_learner(answer, sale, name="fair_play")
        return answered[key]

    if not hidden:
        practice = practice_case()
        note = OWN_CASE_NOTE.format(
            what="lists", where="`sale.disclosures`, `sale.tactics`", marked="labels"
        )

        def practised(what, moves):
            def run():
                why = _practice_labels(labels(practice), moves(practice), what, LISTS[what])
                return f"the practice moves, {what}:\n{why}"

            return run

        def own_form():
            # review 91 X2 (as for Question 6): a missing or unknown label on the learner's
            # own lists failed a practice line; it is a line of its own now, for no marks,
            # required, naming the own key
            for what, moves in (
                ("what to tell Osprey", _said),
                ("ways to learn or persuade", _done),
            ):
                _read_labels(labels(own), moves(own), what, LISTS[what])
            return note

        return score(
            Check(
                "practice: what to tell Osprey",
                1,
                practised("what to tell Osprey", _said),
                practice=True,
            ),
            Check(
                "practice: fair and foul means",
                1,
                practised("ways to learn or persuade", _done),
                practice=True,
            ),
            Check(OWN_LISTS_FORM, 0, own_form, required=True),
        )

    def disclosures():
        what = "what to tell Osprey"
        why = _labels(labels(own), _said(own), what, LISTS[what])
        return (
            "share interests, strengths and a deadline that binds both sides, said as "
            "information; keep your reservation price, deadlines only you pay for and weak "
            "spots, and use what you know of theirs without announcing it:\n" + why
        )

    def tactics():
        what = "ways to learn or persuade"
        why = _labels(labels(own), _done(own), what, LISTS[what])
        return (
            "you told legitimate moves from bluffs, misrepresentations and illegitimate "
            "sources, in module 00's words:\n" + why
        )

    return score(
        Check("what to tell Osprey", 1, disclosures, own_case=True),
        Check("fair and foul means", 1, tactics, own_case=True),
    )
