"""course.checks.information: the course's own solutions pass, each typical mistake gets a
hint that names it (never a bare AssertionError), every hint's claim about the learner's
answer is true, and a question that builds on an earlier one is checked on its own."""

import dataclasses
import functools
import importlib
import inspect
import itertools
import math
import subprocess
import sys
import types
from collections import Counter
from fractions import Fraction

import numpy as np
import pytest

from course.checks import calls
from course.checks import information as check
from course.checks.hints import NotYet
from course.course_map import questions
from course.grader_keys import own_case_labels
from course.models.information import (
    expected_reservation,
    offer_likelihoods,
    posterior_after_offers,
    update_beliefs,
    value_of_information,
)
from course.scenarios import information as guarded
from course.variants import hidden_cases_as, learner_as, variant
from tests.notebooks import solution_namespace, source_notebook


class _Unguarded:
    """The course's reference (``course.scenarios.information``) with its answer keys usable
    inside an answer the tests write: most tests build a wrong answer as a slip on top of the
    right one, so they call the key as the grader does, never as a learner's answer may. A
    test that passes a right answer uses the notebook's solution instead (``solution``)."""

    def __getattr__(self, name):
        value = getattr(guarded, name)
        return unguarded(value) if inspect.isfunction(value) else value


def unguarded(function):
    """``function``, callable inside a test's answer though it calls an answer key (the
    tests' own way round the guard: ``calls.course_at_work`` refuses answer keys)."""

    @functools.wraps(function)
    def working(*args, **kwargs):
        running = calls._learner_running.set(False)
        try:
            return function(*args, **kwargs)
        finally:
            calls._learner_running.reset(running)

    return working


reference = _Unguarded()

QUESTIONS = questions("01_information")

#: The moves on the line between two kinds, with the other labels accepted for them (from the
#: grader's keys, where they live since review 70 X2).
ALSO_RIGHT = {
    key: frozenset(also)
    for key, (_, also) in own_case_labels("01_information", "moves").items()
    if also
}


@functools.cache
def _solutions():
    return solution_namespace("01_information", "information")


def solution(question):
    """The notebook's own solution to ``question``: an independent right answer."""
    return _solutions()[question]


#: Questions judged on the learner's own case only: no hidden cases to try.
JUDGEMENTS = set()
#: Questions scored part by part (``credit.score``), with their points.
SCORED = {
    "belief_after_opening": 2,  # review 75 X1: two marks, one per part
    "news_likelihood": 1,
    "reservation_from_concessions": 2,
    "wren_price": 1,  # review 88 X2
    "my_price": 4,
    "model_limits": 2,
    "report_decision": 3,
    "fair_play": 2,
}


@pytest.fixture
def answers(learner):
    """The source notebook's solutions, defined for learner 'ada'."""
    return solution_namespace("01_information", "information")


def run(question, answer, hidden=False):
    """Run a question's check as the notebook does; its Credit, or None."""
    options = {} if question in JUDGEMENTS else {"hidden": hidden}
    return getattr(check, question)(answer, **options)


@pytest.mark.parametrize("question", QUESTIONS)
@pytest.mark.parametrize("hidden", [False, True])
def test_the_course_solutions_pass(answers, question, hidden, capsys):
    credit = run(question, answers[question], hidden)
    if question in SCORED:
        assert (credit.earned, credit.possible) == (SCORED[question], SCORED[question])
    else:
        assert "\N{CHECK MARK}" in capsys.readouterr().out


def own_limits(answer):
    """Question 6 marked on the learner's own situations, as grading marks it (the visible
    check judges the practice situations and only the form of the learner's own)."""
    return check.model_limits(answer, hidden=True)


def own_labels(answer):
    """Question 9 marked on the learner's own lists, as grading marks it."""
    return check.fair_play(answer, hidden=True)


def miss(check_function, answer, hidden=False, **options):
    """The hint a check gives for ``answer``: the hint it raises, or, for a question scored
    in parts (Question 2 since review 75 X1), the messages of the parts it failed."""
    if hidden:
        options["hidden"] = True
    try:
        credit = check_function(answer, **options)
    except NotYet as failure:
        return str(failure)
    failed = [o.message for o in getattr(credit, "outcomes", ()) if not o.passed]
    assert failed, f"the check passed {answer!r}"
    return " ".join(failed)


def parts(credit):
    """{part: (points earned, message)} of a scored question."""
    return {o.check: (o.earned, o.message) for o in credit.outcomes}


def as_learner(monkeypatch, learner):
    monkeypatch.setenv("LEVERAGE_LEARNER", learner)
    return variant("01_information")


def learner_where(condition, start=0):
    """The first generated learner whose scenario meets ``condition``."""
    for n in range(start, start + 2000):
        sale = variant("01_information", f"learner-{n}")
        if condition(sale):
            return sale.learner
    raise AssertionError("no such learner in 2,000")


def test_the_checks_import_light():
    code = "import sys, course.checks.information; print('ipywidgets' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr


# Question 1: the opening's likelihood


def test_an_unwritten_answer_says_to_replace_the_stub(learner):
    def opening_likelihood(sale):
        raise NotImplementedError()

    assert "Replace the line  raise NotImplementedError()" in miss(
        check.opening_likelihood, opening_likelihood
    )


def test_a_likelihood_that_is_not_a_dict_is_named(learner):
    assert "should be a dict of reservation price" in miss(
        check.opening_likelihood, lambda sale: [0.1, 0.2]
    )


def test_a_likelihood_must_give_every_price_an_entry(learner):
    """A likelihood without the ruled-out prices passed Question 1, and the call Question 2
    suggests, update_beliefs with it, then raised. Question 1 now asks for every price, a
    ruled-out one at 0, and says so."""

    def without_zeros(sale):
        return {r: x for r, x in reference.opening_likelihood(sale).items() if x > 0}

    sale = variant("01_information")
    with pytest.raises(ValueError, match="no probability"):
        update_beliefs(sale.prior_beliefs(), without_zeros(sale))
    message = miss(check.opening_likelihood, without_zeros)
    assert "0, not no entry" in message
    assert "so its likelihood is not 0" not in miss(check.opening_likelihood, lambda s: {})


def test_ruled_out_prices_may_be_left_out_of_the_beliefs(learner, capsys):
    """Beliefs without the prices the opening ruled out (every learner's opening rules out one
    or two) are right, and pass."""

    def without_zeros(sale, likelihood):
        beliefs, mean, sure = reference.belief_after_opening(sale, likelihood)
        return {r: p for r, p in beliefs.items() if p > 0}, mean, sure

    assert check.belief_after_opening(without_zeros, hidden=True).earned == 2


def test_ignoring_the_band_is_named(learner):
    def everywhere(sale):
        width = sale.opening_high - sale.opening_low
        return {r: 1 / (width * r) for r in sale.reservations}

    # every scenario's opening rules out at least one price, so the learner's own shows it
    assert "its likelihood is 0" in miss(check.opening_likelihood, everywhere)


def test_forgetting_the_width_of_the_band_is_named(learner):
    def flat(sale):
        low, high, x = sale.opening_low, sale.opening_high, sale.opening_offer
        return {r: 1.0 if low * r <= x <= high * r else 0.0 for r in sale.reservations}

    assert "divide by the band's width" in miss(check.opening_likelihood, flat)


def test_any_positive_multiple_of_the_density_passes(learner, capsys):
    """Only ratios matter (the notebook says so), so 1/r, or the density in thousands of
    euros, passes, visibly and hidden."""

    def scaled(sale):
        low, high, x = sale.opening_low, sale.opening_high, sale.opening_offer
        return {r: 1000 / r if low * r <= x <= high * r else 0.0 for r in sale.reservations}

    def in_thousands(sale):
        return {r: 1000 * v for r, v in reference.opening_likelihood(sale).items()}

    check.opening_likelihood(scaled, hidden=True)
    check.opening_likelihood(in_thousands, hidden=True)
    assert capsys.readouterr().out.count("\N{CHECK MARK}") == 2


def test_wrong_proportions_and_negative_likelihoods_are_named(learner):
    def squared(sale):
        return {r: v * v for r, v in reference.opening_likelihood(sale).items()}

    assert "or the same multiple of it for every price" in miss(check.opening_likelihood, squared)

    def negative(sale):
        return {r: -v for r, v in reference.opening_likelihood(sale).items()}

    assert "cannot be negative" in miss(check.opening_likelihood, negative)


def test_fractions_and_numpy_numbers_are_numbers(learner, capsys):
    """The notebook's own worked example uses Fractions; numpy's floats are numbers too."""

    def exact(sale):
        low, high = Fraction(str(sale.opening_low)), Fraction(str(sale.opening_high))
        x = Fraction(sale.opening_offer)
        return {
            r: 1 / ((high - low) * Fraction(r)) if low * r <= x <= high * r else Fraction(0)
            for r in sale.reservations
        }

    check.opening_likelihood(exact, hidden=True)
    check.opening_likelihood(
        lambda sale: {r: np.float64(v) for r, v in reference.opening_likelihood(sale).items()}
    )
    assert capsys.readouterr().out.count("\N{CHECK MARK}") == 2


def test_a_band_tested_on_one_edge_fails_visibly_for_every_learner(monkeypatch):
    """Question 1's visible check tried the learner's own case alone, and a density that tests
    only x <= b r passed it for 103 of 200 learners (only a r <= x: 97), to fail at grading.
    It now tries ``BAND_CASES`` too, whose openings rule out a low and a high price."""

    def one_edge(upper):
        def opening_likelihood(sale):
            low, high, x = sale.opening_low, sale.opening_high, sale.opening_offer
            return {
                r: 1 / ((high - low) * r) if (x <= high * r if upper else low * r <= x) else 0.0
                for r in sale.reservations
            }

        return opening_likelihood

    for n in range(40):
        as_learner(monkeypatch, f"learner-{n}")
        for upper in (True, False):
            assert "its likelihood is 0" in miss(check.opening_likelihood, one_edge(upper))


def test_hard_coded_likelihoods_fail_on_the_worked_cases_and_other_learners(answers, learner):
    own = answers["opening_likelihood"](answers["sale"])
    assert "worked-case-22" in miss(check.opening_likelihood, lambda sale: own)
    hint = miss(check.opening_likelihood, lambda sale: own, hidden=True)
    assert "every case grading tries" in hint
    assert "hidden-" not in hint  # a hidden case is never named


# Question 2: Bayes' rule


def with_beliefs(beliefs_of=None, mean_of=None, sure_of=None):
    """A belief_after_opening whose parts are right unless replaced by ``*_of(sale, right)``."""

    def belief_after_opening(sale, likelihood):
        right = reference.belief_after_opening(sale, likelihood)
        beliefs = beliefs_of(sale, right) if beliefs_of else right[0]
        mean = mean_of(sale, right) if mean_of else right[1]
        sure = sure_of(sale, right) if sure_of else right[2]
        return beliefs, mean, sure

    return belief_after_opening


def test_returning_the_prior_is_named(learner):
    prior_only = with_beliefs(beliefs_of=lambda sale, right: sale.prior_beliefs())
    assert "still your prior beliefs" in miss(check.belief_after_opening, prior_only)


def test_forgetting_to_rescale_is_named(learner):
    def unscaled(sale, right):
        prior, likelihood = sale.prior_beliefs(), reference.opening_likelihood(sale)
        return {r: prior[r] * likelihood[r] for r in prior}

    assert "divide each by their total" in miss(
        check.belief_after_opening, with_beliefs(beliefs_of=unscaled)
    )


def test_rounded_beliefs_and_amounts_are_told_not_to_round(learner):
    rounded = with_beliefs(
        beliefs_of=lambda s, right: {r: round(p, 2) for r, p in right[0].items()}
    )
    assert "rounded; return them unrounded" in miss(check.belief_after_opening, rounded)
    sale = variant("01_information")
    right = reference.belief_after_opening(sale, reference.opening_likelihood(sale))[1]
    if not hints_same_money(round(right), right):
        to_euro = with_beliefs(mean_of=lambda s, right: round(right[1]))
        assert "the right amount rounded" in miss(check.belief_after_opening, to_euro)


def hints_same_money(a, b):
    from course.checks.hints import same_money

    return same_money(a, b)


def test_the_expected_reservation_price_of_the_prior_is_named(learner):
    stale_mean = with_beliefs(
        mean_of=lambda sale, right: expected_reservation(sale.prior_beliefs())
    )
    assert "before the opening; use your new beliefs" in miss(
        check.belief_after_opening, stale_mean
    )


@pytest.mark.parametrize(
    ("sure_of", "words"),
    [
        (lambda sale, right: sale.opening_offer, "so is a higher price"),
        (lambda sale, right: min(sale.reservations), "the opening ruled out"),
        (lambda sale, right: right[1], "that is the expected reservation price"),
    ],
)
def test_tempting_sure_prices_are_named(learner, sure_of, words):
    assert words in miss(check.belief_after_opening, with_beliefs(sure_of=sure_of))


def test_a_single_value_is_not_a_triple(learner):
    assert "(beliefs, expected reservation price, highest sure price)" in miss(
        check.belief_after_opening, lambda sale, likelihood: sale.prior_beliefs()
    )


def test_bayes_is_given_the_right_likelihood(learner):
    """Question 1's mistake cannot cost Question 2: the check passes the right likelihood."""
    seen = []

    def spy(sale, likelihood):
        seen.append((sale.learner, likelihood))
        return reference.belief_after_opening(sale, likelihood)

    check.belief_after_opening(spy, hidden=True)
    assert len(seen) == 8  # the learner, five hidden learners and the two worked cases
    assert [who for who, _ in seen[-2:]] == [check.SURE_CASE, check.BELOW_COST_CASE]
    for who, likelihood in seen:
        assert likelihood == reference.opening_likelihood(variant("01_information", who))


# Question 3: the news


def reading(shapes):
    """A news_likelihood that reads news pointing each way with ``shapes[direction]``, a
    function from the prices (lowest first) to likelihoods."""

    def news_likelihood(sale, key):
        every = (*reference._NEWS, *reference._PRACTICE_NEWS)
        direction = next(item._direction for item in every if item.key == key)
        prices = sorted(sale.reservations)
        return dict(zip(prices, shapes[direction](prices), strict=True))

    return news_likelihood


def rising(prices):
    return [1 + i for i in range(len(prices))]


def falling(prices):
    return [len(prices) - i for i in range(len(prices))]


def flat(prices):
    return [0.5] * len(prices)


RIGHT = {"higher": rising, "lower": falling, "neither": flat}


def news_with(own=None, practice=None):
    """The right reading, with the learner's own news or the practice news pointing
    ``direction`` read with ``shape`` instead: ``own`` and ``practice`` are pairs."""
    right = reading(RIGHT)

    def news_likelihood(sale, key):
        item = next(i for i in (*reference._NEWS, *reference._PRACTICE_NEWS) if i.key == key)
        change = practice if key.startswith("practice-") else own
        if change and item._direction == change[0]:
            prices = sorted(sale.reservations)
            return dict(zip(prices, change[1](prices), strict=True))
        return right(sale, key)

    return news_likelihood


@pytest.mark.parametrize(
    ("direction", "wrong", "words"),
    [
        ("higher", falling, "fall as the price rises"),
        ("higher", flat, "are all the same"),
        ("lower", rising, "rise as the price rises"),
        ("neither", rising, "rise as the price rises"),
    ],
)
def test_the_news_must_point_the_right_way(monkeypatch, direction, wrong, words):
    """A wrong reading of the learner's own news is marked at grading, told what its
    likelihoods say and what to think about, never which way the news points; the visible
    check judges only the practice news, so it gives the own-case slip no verdict."""
    who = learner_where(  # one piece each way (review 72 X4: some learners have two that point)
        lambda sale: (
            direction in (ways := {item._direction for item in reference.news_of(sale)})
            and len(ways) == 2
        )
    )
    sale = as_learner(monkeypatch, who)
    assert check.news_likelihood(reading(RIGHT), hidden=True).earned == 1
    slip = news_with(own=(direction, wrong))
    earned, hint = parts(check.news_likelihood(slip, hidden=True))["which way your news points"]
    (item,) = [item for item in reference.news_of(sale) if item._direction == direction]
    assert earned == 0
    assert words in hint and item._question in hint and f"`{item.key}`" in hint
    assert item._why not in hint and "reservation price is more likely" not in hint
    # review 90 X2: the form of the learner's own news is a line of its own, for no marks
    visible, own_form = check.news_likelihood(slip).outcomes
    assert visible.practice and visible.earned == 1 and own_form.passed
    assert "marked when the notebook is graded" in own_form.message
    assert f"`{item.key}`" not in visible.message + own_form.message


@pytest.mark.parametrize(
    ("direction", "wrong", "words"),
    [
        ("higher", falling, "fall as the price rises"),
        ("lower", flat, "are all the same"),
        ("neither", falling, "fall as the price rises"),
    ],
)
def test_the_practice_news_is_judged_one_by_one(learner, direction, wrong, words):
    """Which way the learner's own news points could be found by re-running (three
    directions, a hint per direction); the visible check judges the text's practice news
    instead, item by item, as practice that earns no marks."""
    (item,) = [i for i in reference._PRACTICE_NEWS if i._direction == direction]
    outcome, _ = check.news_likelihood(news_with(practice=(direction, wrong))).outcomes
    assert outcome.practice and outcome.earned == 0
    assert words in outcome.message and f"`{item.key}`" in outcome.message
    assert item._why not in outcome.message
    outcome, _ = check.news_likelihood(reading(RIGHT)).outcomes
    assert outcome.earned == 1 and all(i._why in outcome.message for i in reference._PRACTICE_NEWS)


def test_a_reading_that_all_but_rules_a_price_out_is_refused(learner):
    """The text says news of this kind rarely comes close to ruling a price out and caps the
    ratio between neighbouring likelihoods at ten; a reading of 1000 to the power of the
    rank went the right way and passed. It is refused now, visibly and at grading; a
    ratio of ten is accepted."""
    assert reference.MOST_NEWS_RATIO == 10
    assert "more than ten times as likely as its neighbour" in cell_words("q3-text")
    steep, edge = ({**RIGHT} for _ in range(2))
    steep["higher"] = lambda prices: [1000.0**i for i in range(len(prices))]
    steep["lower"] = lambda prices: [1000.0**-i for i in range(len(prices))]
    edge["higher"] = lambda prices: [10.0**i for i in range(len(prices))]
    edge["lower"] = lambda prices: [10.0**-i for i in range(len(prices))]
    for hidden in (False, True):
        # visible, the last line is the form of the learner's own news (review 90 X2)
        outcome = check.news_likelihood(reading(steep), hidden=hidden).outcomes[-1]
        assert not outcome.passed and "more than 10 times as likely" in outcome.message
        assert check.news_likelihood(reading(edge), hidden=hidden).earned == 1


def test_every_learner_has_one_news_that_points_and_one_that_points_nowhere_or_the_same_way():
    """Review 72 X4: every learner's second piece of news pointed nowhere, so that could be
    read off the class; for about half it now points the same way as the first."""
    pairs = Counter()
    for n in range(50):
        sale = variant("01_information", f"learner-{n}")
        directions = sorted(item._direction for item in reference.news_of(sale))
        assert directions[0] in ("higher", "lower")
        assert directions[1] in ("neither", directions[0])
        pairs[directions[1] == "neither"] += 1
    assert pairs[True] and pairs[False], pairs


def test_news_never_rules_a_price_out(learner):
    for hidden in (False, True):
        outcome = check.news_likelihood(
            lambda sale, key: {r: 0.0 for r in sale.reservations}, hidden=hidden
        ).outcomes[-1]
        assert not outcome.passed and "above 0" in outcome.message


def test_the_news_check_shows_what_the_likelihoods_do(monkeypatch, capsys):
    """Its pass message gives the beliefs after the opening and both pieces of news, and
    whether the best price moves; it names neither the price
    (Question 5's answer) nor the factor that moves it (Question 5's check says it). (A learner whose
    opening did not raise the price, review 70 X5: for learner-0, whose did, this reading is
    too weak to move it, and the message says the price stays.)"""
    sale = as_learner(
        monkeypatch, learner_where(lambda s: not reference.meets_good_news(s.learner))
    )
    answer = reading(RIGHT)
    (outcome,) = check.news_likelihood(answer, hidden=True).outcomes
    shown = outcome.message
    after = reference.posterior_after_opening(sale)
    for key in sale.news:
        likelihood = answer(sale, key)
        top = max(likelihood.values())
        after = update_beliefs(after, {r: v / top for r, v in likelihood.items()})
    for r in sale.reservations:
        assert f"€{r:,.0f}: {after[r]:.0%}" in shown
    assert "moves from" not in shown and "stays €" not in shown  # no price named
    moving = next(item for item in reference.news_of(sale) if item._direction != "neither")
    factor = reference.news_threshold(
        reference.posterior_after_opening(sale), sale.cost, moving._direction
    )
    assert factor <= reference.NEWS_STEP and "times as likely" not in shown
    # review 90 U1: Question 3 comes before section 3 names the model's price
    assert f"{check.BEST_PRICE} moves" in shown and "its check says how much a fact" in shown
    assert moving._why in shown


def test_the_factor_named_moves_the_price_and_the_one_below_it_does_not():
    """The factor the pass message names, rounded up to 0.05, moves the best price, and 0.05
    less does not (the bisection stopped within 0.005 and then rounded up, naming 1.65 where 1.6
    already moved it, for 17 learners in 300)."""
    for n in range(60):
        sale = variant("01_information", f"learner-{n}")
        after = reference.posterior_after_opening(sale)
        moving = next(item for item in reference.news_of(sale) if item._direction != "neither")
        factor = reference.news_threshold(after, sale.cost, moving._direction)
        assert reference.news_moves_price(after, sale.cost, moving._direction, factor)
        assert not reference.news_moves_price(after, sale.cost, moving._direction, factor - 0.05)


# Question 4: the pace of concessions: the share of the gap and the reservation price


def share_of(offers):
    first, second, third = offers
    return 1 - (third - second) / (second - first)


def wren(reader, share=share_of):
    """A reservation_from_concessions that reads the share with ``share(offers)`` and the
    reservation price with ``reader(offers)``."""

    def reservation_from_concessions(offers):
        return share(offers), reader(offers)

    return reservation_from_concessions


def wren_parts(answer, hidden=False):
    return parts(check.reservation_from_concessions(answer, hidden=hidden))


SHARE = "the share of the gap"


@pytest.mark.parametrize(
    ("mistake", "words"),
    [
        (lambda o: o[2] + (o[2] - o[1]), "one more step of the same size"),
        (lambda o: o[0] + (o[1] - o[0]) ** 2 / (o[2] - o[1]), "1 − (second step / first step)"),
        (lambda o: o[2], "its reservation price lies above its last offer"),
    ],
)
def test_concession_mistakes_are_named_and_cost_only_their_point(learner, mistake, words):
    scored = wren_parts(wren(mistake), hidden=True)
    assert scored["the reservation price"][0] == 0 and words in scored["the reservation price"][1]
    assert scored[SHARE][0] == 1


def test_wrens_reservation_price_is_not_called_yours(learner):
    """Review 85 X3: Question 4's hint said "your reservation price of €25,440" of Wren's,
    though the module calls your cost your reservation price. It now says "the reservation
    price you found", and no hint of the module calls a buyer's reservation price yours."""
    scored = wren_parts(wren(lambda o: o[2] + 12_345))
    hint = scored["the reservation price"][1]
    assert scored["the reservation price"][0] == 0
    assert "the reservation price you found, €" in hint
    assert "your reservation price" not in hint
    assert "your reservation price of" not in inspect.getsource(check)


def test_the_one_more_step_hint_gives_the_series(learner):
    scored = wren_parts(wren(lambda o: o[2] + (o[2] - o[1])))
    assert "second step × q / (1 − q)" in scored["the reservation price"][1]


def test_the_reference_plan_aims_by_the_course_s_one_target_rule():
    """Review 66 C1: the reference haggle plan aimed three quarters of the way from the cost
    to the estimate, naming no fact, where modules 02 and 04 aim at the even split. Review 73
    C2: it then aimed at the even split of the cost and the estimate even when it opened
    beyond the estimate, where the course's rule then aimed halfway from the reservation
    price to the opening. Session 75: one monotone rule, a fact's figure kept between the
    even split and three quarters of the way; the answer key and the notebook's model answer
    aim at `sure` so kept wherever they open (review 75 C1: the even split, naming no fact,
    fell below `sure`), and the check accepts it. The old aim, halfway to an opening beyond
    the estimate, differs from it there."""
    with learner_as("sweep-0"):
        solutions = solution_namespace("01_information", "information")
    beyond = 0
    for n in range(20):
        sale = variant("01_information", f"even-split-{n}")
        after = reference.posterior_after_opening(sale)
        estimate = reference.expected_reservation(after)
        split, top = (sale.cost + estimate) / 2, sale.cost + 0.75 * (estimate - sale.cost)
        sure = reference.surest_price(after)
        aim = max(min(max(sure, split), top), sure)  # review 76 C1: never below `sure`
        for answer in (reference.model_limits, solutions["model_limits"]):
            plans = [
                price
                for key, (broken, price) in answer(sale, dict(after)).items()
                if broken == "final-offer"
            ]
            for opening, target in plans:
                assert abs(target - aim) < 0.01, (n, opening, target)
                if abs(opening - estimate) >= 0.005:
                    beyond += 1
                    assert abs(min((sale.cost + opening) / 2, estimate) - target) > 0.01, n
                assert reference.plans_by_the_course_rule((opening, target), sale, after), n
    assert beyond


def test_a_hard_coded_reservation_price_fails_the_hidden_check(learner):
    sale = variant("01_information")
    own = reference.reservation_from_concessions(sale.wren_offers)
    # the visible check tries the text's scripted buyer too, so it fails there already
    assert check.reservation_from_concessions(lambda offers: own).earned == 0
    scored = wren_parts(lambda offers: own, hidden=True)
    assert scored["the reservation price"][0] == 0
    assert "for the offers €42, €53.20, €59.92" in scored["the reservation price"][1]


def test_the_pass_message_says_what_to_do_with_wren(learner):
    """Review 66 X1 made Question 4's second part the price to name Wren; review 78 X1
    found the text spelled it out (Wren takes any price up to its reservation price), so the
    mark moved into the reading. The visible pass message still says what to do with the
    learner's own Wren, and the text asks no cost per round the scenario does not give."""
    words = cell_words("q4-text")
    assert "round of talks costs" not in words and "time costs" not in words, words
    said = " ".join(
        wren_parts(wren(reference.reservation_from_offers))["the reservation price"][1].split()
    )
    # review 88 X2: the decision is Question 4b's, no longer announced here
    assert "walk away from Wren" not in said and "Question 4b" in said
    assert "reservation price" in said


def test_the_price_with_the_largest_expected_profit_has_one_name():
    """The final price with the largest expected profit against your beliefs is called the
    model's price wherever the text names it (it had three names: best final price, best
    blind price and the model's price)."""
    words = " ".join(
        " ".join(cell.source.split())
        for cell in source_notebook("01_information", "information").cells
        if cell.cell_type == "markdown"
    ).lower()
    for other in ("best final price", "best blind price", "best price", "blind price"):
        assert other not in words, other
    assert words.count("is **the model's price**") == 1
    # review 83 U2: "blind" was a third name for the model's price without the information,
    # in the text, the worked cell's names, Question 7's hint and the explorer's verdicts
    from course.widgets.information import InformationExplorer

    explorer = InformationExplorer({"A": (40, 50, 100), "B": (40, 60, 90), **LOWER_COST})
    explorer.picks[("A", "B")].value = "A"
    explorer.picks[("C", "D")].value = "D"
    explorer.judge()
    shown = explorer.feedback.value.replace("&#x27;", "'")
    assert "wider spread" in shown and "cost is lower" in shown
    (worked,) = [
        cell.source
        for cell in source_notebook("01_information", "information").cells
        if cell.metadata["nbgrader"]["grade_id"] == "voi-example"
    ]
    for said in (words, worked, check.FIRM_HOW, shown):
        assert "blind" not in said.lower(), said


def test_your_estimate_is_said_once_to_be_the_mean_of_your_beliefs():
    """Module 02 reads the estimate as what the other side could pay at most; this module
    says once, where the expected reservation price is defined, that your estimate is that
    mean, and Question 6's opening rule uses it so."""
    words = " ".join(
        " ".join(cell.source.split())
        for cell in source_notebook("01_information", "information").cells
        if cell.cell_type == "markdown"
    )
    assert words.count("**estimate**") == 1
    assert (
        "It is what this course calls your **estimate** of the buyer's reservation price: "
        "the mean of your current beliefs, not the highest price they allow." in words
    )
    # review 69 X1: the opening rule takes the higher of the estimate and the model's price
    assert (
        # review 88 C1: module 04's rule plus a floor; review 91 U1: then the mark's rule
        # review 95 C2 (round 96): module 04's whole rule; review 96 U2 (round 97): previews of modules 04 and 02
        "1. **Your opening**: a preview of the rule module 04 teaches (open at your estimate of "
        "the buyer's reservation price, or beyond it as far as a fact you can name takes you) plus "
        "a floor, the model's price" in words
    )


def test_the_holds_question_says_plainly_what_happens_between_holds():
    """Question 5b's premise mixed a take-it-or-leave-it price with rounds of haggling; it
    now says the talks go in rounds in which you ask Osprey to improve and it repeats its
    opening, and that a buyer can hold on purpose (since review 70's follow-up, said once: a
    long run is a reason to doubt the model, a buyer holding on purpose)."""
    words = cell_words("q5b-text")
    assert "each round you ask Osprey to improve its offer" in words
    # review 88 U1: "a buyer holding on purpose" shortened
    assert "repeats its opening instead" in words and "costs Osprey nothing to fake" in words
    assert "instead of waiting for your final price" not in words


def test_the_holds_question_keeps_section_3s_final_price():
    """Section 3 has you answer the opening with one final price that Osprey takes or
    leaves; question 5b's rounds of holds come before it. The text says you have not yet
    named that price, that it is still take-it-or-leave-it when you do, and that Osprey's
    holds are not a final offer."""
    assert "you answer with one final price $p$ that Osprey takes or leaves" in cell_words(
        "price-teaching"
    )
    words = cell_words("q5b-text")
    # review 58 U1: said once, shorter (review 72 U1: shorter again)
    assert "Suppose that, before you name your price, the talks go in rounds" in words
    assert "Your price, when you name it, is still take-it-or-leave-it." in words


def test_the_text_states_the_updaters_starting_prior():
    """The updater exercise asks you to put the sliders back where the updater opens them,
    so the text states those weights, and they are the widget's."""
    from course.widgets.information import BeliefUpdater

    assert (
        "set the weights 1, 2, 3, 2 and 1 on 40, 50, 60, 70 and 80"  # review 88 U1
        in cell_words("pace-teaching")
    )
    opened = {value: slider.value for value, slider in BeliefUpdater().weights.items()}
    assert opened == {40.0: 1, 50.0: 2, 60.0: 3, 70.0: 2, 80.0: 1}


def test_question_2_says_what_a_final_price_is_where_it_first_asks_for_one():
    """Question 2 asks for a final price before section 3 defines one; it says what it is."""
    # review 58 U4: said where it is asked, with no forward reference to section 3
    assert (
        "if you named it as your last word and Osprey could only take it or leave it"
        in cell_words("q2-text")
    )
    assert "section 3)" not in cell_words("q2-text")


def test_the_fair_price_rule_says_it_assumes_osprey_knows_your_cost():
    """The fair-price rule measures the buyer's share of a gain that needs your cost; as in
    the ultimatum games it rests on, where the sum is known, the text says so."""
    # review 83 U1: said in the shortened ultimatum sentence
    assert "where both players know the sum (as if Osprey knew your cost)" in cell_words(
        "price-teaching"
    )


# Question 5: the price before and after the opening


def price_parts(answer, hidden=False):
    return parts(check.my_price(answer, hidden=hidden))


def with_before(price_of):
    """A my_price whose price before the opening is ``price_of(prior, sale)``."""

    def my_price(sale, after, reading):
        _, now, with_news, capped = reference.my_price(sale, after, reading)
        return price_of(sale.prior_beliefs(), sale), now, with_news, capped

    return my_price


@pytest.mark.parametrize(
    ("price_of", "words"),
    [
        (lambda b, s: expected_reservation(b), "that is the expected reservation price"),
        (lambda b, s: max(b, key=b.get), "that is the most likely reservation price"),
    ],
)
def test_tempting_prices_before_the_opening_are_named(learner, price_of, words):
    scored = price_parts(with_before(price_of), hidden=True)
    assert scored["the price before the opening"][0] == 0
    assert words in scored["the price before the opening"][1]
    assert scored["the price after the opening"][0] == 1  # one mistake costs one point


def test_pricing_before_the_opening_on_the_beliefs_after_it_is_named():
    """A price before the opening worked from the beliefs after it (the names before/now
    invite it) is told so; that price often equals the P(r > p) slip's on the prior, and
    then the hint names both slips, never P(r > p) alone."""

    def now_twice(sale, after, reading):
        _, now, with_news, capped = reference.my_price(sale, after, reading)
        return now, now, with_news, capped

    for n in range(120):
        with learner_as(f"priced-after-{n}"):
            earned, message = price_parts(now_twice)["the price before the opening"]
        assert not earned, n
        assert "that is your price after the opening" in message, (n, message)


def strictly_above(beliefs, cost):
    """A learner's best price, written with the slip: a buyer at exactly its reservation
    price counted as refusing, P(r > p)."""
    profit = {p: (p - cost) * sum(c for r, c in beliefs.items() if r > p) for p in beliefs}
    return max(profit, key=profit.get)


def strict_price(sale, after, reading):
    before, now = strictly_above(sale.prior_beliefs(), sale.cost), strictly_above(after, sale.cost)
    news = strictly_above(reference.beliefs_after_news(after, reading), sale.cost)
    return before, now, news, reference.my_price(sale, after, reading)[3]


@pytest.mark.parametrize("n", range(0, 120, 6))
def test_counting_a_buyer_at_its_reservation_price_as_refusing_is_named(monkeypatch, n):
    """P(r > p) for P(r ≥ p): never passes a learner's own check (the generator redraws
    such cases), and each price it gets wrong is told so, not given another mistake's
    hint."""
    as_learner(monkeypatch, f"learner-{n}")
    scored = price_parts(strict_price)
    assert scored["the price under the cap"][0] == 1
    assert sum(earned for earned, _ in scored.values()) < 4
    for earned, message in scored.values():
        if not earned:
            assert "count P(r ≥ p), not P(r > p)" in message, message


def test_a_price_two_slips_give_is_not_blamed_on_one(monkeypatch):
    """Where asking the most likely reservation price after the opening lands where the P(r > p)
    slip does, the hint names both slips, not P(r > p) alone."""

    def likeliest_is_strict(sale):
        after = reference.posterior_after_opening(sale)
        likeliest = max(after, key=after.get)
        return likeliest == reference.best_move(after, sale.cost, strict=True)[0] and (
            likeliest not in price_of_course(sale)[:2]
        )

    as_learner(monkeypatch, learner_where(likeliest_is_strict))

    def likeliest(sale, after, reading):
        before, _, with_news, capped = reference.my_price(sale, after, reading)
        return before, max(after, key=after.get), with_news, capped

    message = price_parts(likeliest)["the price after the opening"][1]
    assert "that is the most likely reservation price" in message
    assert "count P(r ≥ p), not P(r > p)" in message and "more than one slip" in message


def test_the_uniform_helper_is_named_where_it_differs(monkeypatch):
    """take_it_or_leave_it on (cost, lowest, highest) is the obvious slip."""

    def uniform(beliefs, sale):
        from course.models.information import take_it_or_leave_it

        return take_it_or_leave_it(sale.cost, min(beliefs), max(beliefs))[0]

    as_learner(
        monkeypatch,
        learner_where(
            lambda s: (
                uniform(s.prior_beliefs(), s)
                not in (reference.best_move(s.prior_beliefs(), s.cost)[0],)
                and uniform(s.prior_beliefs(), s) != expected_reservation(s.prior_beliefs())
            )
        ),
    )
    message = price_parts(with_before(uniform))["the price before the opening"][1]
    assert "spread evenly between the lowest and the highest" in message
    assert "take_it_or_leave_it" not in message  # not met before Question 5
    assert "section 4" not in message  # nor is section 4


def test_any_other_wrong_price_says_which_way_without_naming_the_best(learner):
    """The fall-back hint printed the best price and its profit for the learner's own case, so
    the number could be copied; it now says what the learner's price earns and on which side a
    better one lies, never which one."""
    sale = variant("01_information")
    best = reference.best_move(sale.prior_beliefs(), sale.cost)
    message = price_parts(with_before(lambda b, s: 1.0))["the price before the opening"][1]
    assert f"asking €1 earns −€{sale.cost - 1.0:,.0f} on average" in message
    assert "a higher possible price earns more" in message
    assert f"€{best[0]:,.0f}" not in message
    top = max(sale.reservations) + 1_000
    message = price_parts(with_before(lambda b, s: top))["the price before the opening"][1]
    assert "a lower possible price earns more" in message and f"€{best[0]:,.0f}" not in message


def test_the_fall_back_hints_never_print_the_right_number(learner):
    """For Questions 2, 4 and 8, each fall-back hint says whether the
    learner's number is too high or too low, and which step to redo, not the right value."""
    sale = variant("01_information")
    after = reference.posterior_after_opening(sale)
    mean = expected_reservation(after)

    def off_mean(sale, likelihood):
        beliefs, expected, sure = reference.belief_after_opening(sale, likelihood)
        return beliefs, expected * 1.013, sure

    hint = miss(check.belief_after_opening, off_mean)
    assert "is too high" in hint and f"{mean:,.2f}" not in hint and f"{mean:,.0f}" not in hint

    def off_sure(sale, likelihood):
        beliefs, expected, sure = reference.belief_after_opening(sale, likelihood)
        return beliefs, expected, sure - 777

    hint = miss(check.belief_after_opening, off_sure)
    right = reference.surest_price(after)
    assert "is too low" in hint and f"€{right:,.0f}" not in hint

    def off_wren(offers):
        share, reservation = reference.reservation_from_concessions(offers)
        return share, reservation * 1.07

    earned, hint = wren_parts(off_wren)["the reservation price"]
    assert (
        earned == 0
        and "is too high" in hint
        and "€70" not in hint
        and "reservation price of 70" not in hint
    )

    def off_report(sale, after):
        before, now, worth, buy = reference.report_decision(sale, after)
        return before, now, worth * 0.77, buy

    hint = " ".join(message for _, message in report_parts(off_report).values())
    worth = reference.report_decision(sale, after)[2]
    assert "is too low" in hint and f"€{worth:,.0f}" not in hint and f"{worth:,.2f}" not in hint


def accept(sale, after, reading):
    before, _, with_news, capped = reference.my_price(sale, after, reading)
    return before, sale.opening_offer, with_news, capped


def test_accepting_the_opening_is_explained(learner):
    sale = variant("01_information")
    message = price_parts(accept)["the price after the opening"][1]
    lowest = min(r for r, p in reference.posterior_after_opening(sale).items() if p > 0)
    assert "Every reservation price still possible is above it" in message
    assert f"asking €{lowest:,.0f} is also accepted for sure" in message


def test_accepting_an_opening_below_cost_is_said_to_lose_money(monkeypatch):
    """Not '€-9,000 for sure' but a loss, written −€9,000."""
    sale = as_learner(monkeypatch, learner_where(lambda s: s.opening_offer < s.cost))
    message = price_parts(accept)["the price after the opening"][1]
    loss = sale.cost - sale.opening_offer
    assert f"the opening is below your cost: accepting it loses €{loss:,.0f}" in message
    assert "€-" not in message


def test_a_sure_price_below_cost_is_said_to_lose_money(monkeypatch):
    """Where even the lowest price still possible is below the cost, asking it 'loses' money; it
    does not 'earn −€2,000'."""

    def sure_loses(sale):
        after = reference.posterior_after_opening(sale)
        return reference.surest_price(after) < sale.cost

    sale = as_learner(monkeypatch, learner_where(sure_loses))
    lowest = reference.surest_price(reference.posterior_after_opening(sale))
    message = price_parts(accept)["the price after the opening"][1]
    assert f"is also accepted for sure and loses €{sale.cost - lowest:,.0f}" in message
    assert "earns −" not in message


def test_amounts_are_written_with_a_leading_minus():
    assert check._euros(-9000) == "−€9,000" and check._euros(1234.5) == "€1,234.50"


def price_of_course(sale):
    """The course's answer to Question 5 for ``sale``, with the reading the check passes."""
    after = reference.posterior_after_opening(sale)
    return reference.my_price(sale, after, reference.given_reading(sale))


def test_keeping_the_price_from_before_is_named_when_the_opening_changed_it(monkeypatch):
    as_learner(monkeypatch, learner_where(lambda s: len(set(price_of_course(s)[:2])) == 2))

    def stale(sale, after, reading):
        before, _, with_news, capped = reference.my_price(sale, after, reading)
        return before, before, with_news, capped

    assert (
        "that is your price before the opening"
        in price_parts(stale)["the price after the opening"][1]
    )


def test_pricing_from_the_prior_fails_visibly_where_the_opening_changes_nothing(monkeypatch):
    """On most learners' own cases the opening leaves the best price where it was, so 'now' from
    the prior passed the visible check and failed at grading; the worked cases, tried visibly
    too, tell the two apart."""
    as_learner(monkeypatch, learner_where(lambda s: len(set(price_of_course(s)[:2])) == 1))

    def from_the_prior(sale, after, reading):
        before, _, with_news, capped = reference.my_price(sale, after, reading)
        return before, before, with_news, capped

    earned, message = price_parts(from_the_prior)["the price after the opening"]
    assert earned == 0 and "worked-case" in message
    assert "that is your price before the opening" in message


def test_the_worked_cases_tell_the_slips_apart():
    """Each worked case is a fair draw in which the opening moves the best price; in one,
    asking the cap is right and dropping the prices above it is not, in the other asking
    the cap is wrong; the reading the check passes moves the price in at least two, so
    ignoring the news fails visibly."""
    kinds, moved = set(), 0
    for learner in check.WORKED_CASES:
        sale = variant("01_information", learner)
        assert not reference.problems(sale)
        after = reference.posterior_after_opening(sale)
        before, now, with_news, capped = price_of_course(sale)
        assert before != now
        moved += with_news != now  # the news the check reads moves the price here
        dropped = reference.best_move(reference.dropped_beliefs(after, sale.rival_cap), sale.cost)
        kinds.add((capped == sale.rival_cap, dropped[0] != capped))
    assert kinds == {(True, True), (False, False)} and moved >= 2


def test_asking_the_expected_reservation_price_fails_before_the_opening_visibly(monkeypatch):
    """Priors such as (0.1, 0.2, 0.3, 0.4) put the expected reservation price on a possible
    price, often the best one, and both worked cases had such a prior, so the rule 'ask E[r]'
    earned the visible point before the opening for two learners in five and lost it only at
    grading. A third worked case catches it."""
    from course.models.information import expected_reservation

    def on_it(sale):
        prior = sale.prior_beliefs()
        return expected_reservation(prior) == reference.best_move(prior, sale.cost)[0]

    assert not any(on_it(variant("01_information", w)) for w in check.WORKED_CASES)

    def expected_everywhere(sale, after, reading):
        _, now, with_news, capped = reference.my_price(sale, after, reading)
        return expected_reservation(sale.prior_beliefs()), now, with_news, capped

    for n in range(5):
        as_learner(monkeypatch, f"learner-{n}")
        earned, message = price_parts(expected_everywhere)["the price before the opening"]
        assert earned == 0 and "expected reservation price" in message


def test_the_expected_reservation_price_is_never_a_learners_best_price_before_the_opening():
    """Priors (0.4, 0.3, 0.2, 0.1) and (0.1, 0.2, 0.3, 0.4) put the expected reservation price
    exactly on a possible price, and for 46% of learners on the best price before the opening,
    so the slip the text warns of agreed with the model on the learner's own case. The generator
    now rejects such a draw, as it rejects one whose most likely price is the best price."""
    from course.models.information import expected_reservation

    for n in range(300):
        sale = variant("01_information", f"learner-{n}")
        prior = sale.prior_beliefs()
        best = reference.best_move(prior, sale.cost)[0]
        assert abs(expected_reservation(prior) - best) >= 500, sale.learner
    words = " ".join(
        " ".join(cell.source.split())
        for cell in source_notebook("01_information", "information").cells
    )
    # the draw rejects the cases where a shortcut works, so the text says so, not that
    # the learner's numbers show the shortcuts failing as if by themselves
    assert "Your own numbers show" not in words
    # review 68 C2: the claim is made of the expected reservation price itself; the price
    # just at or above it is named apart, with how often it lands on the model's price
    # review 72 U2: "the expected reservation price fails before the opening" held of
    # every case (a price between two possible ones always loses to the next one up), so
    # it said nothing of the draw; the text says why it fails, and what was drawn
    assert "drawn so that the expected reservation price fails" not in words
    # review 78 U3: the estimate's fault is said without reading as "too high"
    assert (
        # review 102 E1: limited to a mean between two possible prices
        "wastes money when it lies between two possible prices: the next possible price up "
        "sells as often and earns more."
        in words
        and "Asking the *most likely* one ignores what the other prices pay." in words
    )
    # review 79 U1: "Your case was drawn so that ..." was audit trail; the draw still holds it
    assert "Your case was drawn so that" not in words
    assert "a shortcut can land on the model's price, but only by luck" not in words
    assert (
        "The next possible price up often lands on the model's price, by luck of the numbers; "
        "Question 5 tries a case where it does not" in words
    )


def rounded_up(beliefs):
    """The review 68 X1 slip: the lowest possible price at or above the expected reservation
    price, with no profit weighed."""
    mean = expected_reservation(beliefs)
    return min(r for r, chance in beliefs.items() if chance > 0 and r >= mean - 1e-6)


def rounding_up(sale, after, reading):
    with_news = reference.beliefs_after_news(after, reading)
    capped = reference.capped_beliefs(after, sale.rival_cap)
    return tuple(rounded_up(b) for b in (sale.prior_beliefs(), after, with_news, capped))


def test_the_rounding_case_tells_rounding_up_from_weighing_profit():
    """Review 68 X1: on the rounding case the price at or above the expected reservation
    price is not the model's price, before the opening or after it, and the expected
    reservation price is no possible price there (so the hint for asking it cannot answer
    instead); the numbers are the ones its comment gives."""
    sale = check.rounding_case()
    after = reference.posterior_after_opening(sale)
    assert not [p for p in reference.problems(sale) if "tie" in p or "cap" in p]
    prior = sale.prior_beliefs()
    for beliefs, mean, right, wrong in (
        (prior, 63_000, (61_000, 18_900), (65_000, 12_500)),
        (after, 62_217, (61_000, 18_453), (65_000, 10_635)),
    ):
        assert round(expected_reservation(beliefs)) == mean
        profits = reference.move_profits(beliefs, sale.cost)
        assert reference.best_move(beliefs, sale.cost)[0] == right[0] == 61_000
        assert rounded_up(beliefs) == wrong[0]
        assert (round(profits[right[0]]), round(profits[wrong[0]])) == (right[1], wrong[1])
        assert max(beliefs, key=beliefs.get) != wrong[0]


@pytest.mark.parametrize("hidden", [False, True])
@pytest.mark.parametrize("n", [1, 2, 3, 5])
def test_rounding_the_expected_reservation_price_up_fails_with_its_own_hint(n, hidden):
    """Review 68 X1: that rule earned the visible mark before the opening, with praise for
    weighing each price by its chance of acceptance, for 7 of 8 learners, and kept it at
    grading about two times in three. The rounding case now fails it before the opening with
    a hint that names it, and after the opening too."""
    with learner_as(f"rev-learner-{n}"):
        scored = price_parts(rounding_up, hidden=hidden)
    earned, message = scored["the price before the opening"]
    assert earned == 0
    assert check.ROUNDED_UP in message
    assert (check.ROUNDING_CASE in message) is not hidden  # grading names no case
    earned, message = scored["the price after the opening"]
    assert earned == 0 and "at or above the expected reservation price" in message


def right_by_sorting(sale, after, reading):
    """A right answer written another way: prices sorted from the top, the chance of
    acceptance summed as it goes, ties to the lower price never arising on a fair case."""

    def best(beliefs):
        accepted, profits = 0.0, {}
        for price in sorted(beliefs, reverse=True):
            accepted += beliefs[price]
            profits[price] = (price - sale.cost) * accepted
        return max(profits, key=profits.get)

    with_news = dict(after)
    for likelihood in reading.values():
        with_news = {r: c * likelihood[r] for r, c in with_news.items()}
    capped = {}
    for r, c in after.items():
        capped[min(r, sale.rival_cap)] = capped.get(min(r, sale.rival_cap), 0.0) + c
    return best(sale.prior_beliefs()), best(after), best(with_news), best(capped)


def right_with_numpy(sale, after, reading):
    """Another right answer: numpy arrays, news unnormalised then rescaled, every euro in
    whole cents."""

    def best(beliefs):
        prices = np.array(sorted(beliefs))
        chances = np.array([beliefs[p] for p in prices])
        chances = chances / chances.sum()
        accepted = np.cumsum(chances[::-1])[::-1]
        return round(float(prices[np.argmax((prices - sale.cost) * accepted)]), 2)

    with_news = after
    for likelihood in reading.values():
        with_news = update_beliefs(with_news, likelihood)
    capped = {}
    for r, c in after.items():
        capped[min(r, sale.rival_cap)] = capped.get(min(r, sale.rival_cap), 0.0) + c
    return best(sale.prior_beliefs()), best(after), best(with_news), best(capped)


@pytest.mark.parametrize("hidden", [False, True])
@pytest.mark.parametrize("answer", [right_by_sorting, right_with_numpy])
def test_right_prices_written_other_ways_pass_with_the_rounding_case(learner, answer, hidden):
    """Review 68 X1: the case added against rounding up refuses no right answer."""
    credit = check.my_price(answer, hidden=hidden)
    assert (credit.earned, credit.possible) == (4, 4), parts(credit)


def test_the_most_likely_price_claim_holds_for_every_learner():
    """The text said the most likely price "is not the model's price both before and after"
    the opening, but the draw rejected only the cases where it was both, so the claim was
    false for 168 of 250 learners (the model's price before the opening was a most likely
    one; 136 of them had a uniform prior, which has no single most likely price; review s56
    E1, U2). The text now claims it after the opening only, ties counted, and the draw
    rejects any case where it fails: learner-0 at a cost of 20,000 (not a most likely price
    before, one after) passed the old rule."""
    words = " ".join(
        " ".join(cell.source.split())
        for cell in source_notebook("01_information", "information").cells
    )
    assert "not the model's price both before and after" not in words
    # review 59: shortened to "both shortcuts fail, the first before the opening, the second
    # after it" (the second is the most likely price; where several tie, none is the model's);
    # review 68 C2 names each shortcut in the claim
    # review 79 U1: the text no longer says how the case was drawn; the draw still holds it
    assert "Your case was drawn so that the most likely price fails" not in words
    for n in range(150):
        sale = variant("01_information", f"learner-{n}")
        after = reference.posterior_after_opening(sale)
        top = max(after.values())
        modes = [value for value, chance in after.items() if chance >= top - 1e-12]
        assert reference.best_move(after, sale.cost)[0] not in modes, sale.learner
    # learner-1 since review 70 X5 redrew learner-0 (its opening now raises the price)
    edge = dataclasses.replace(variant("01_information", "learner-1"), cost=20_000.0)
    assert "most likely price is the best price" in reference.problems(edge)


def test_ignoring_the_news_is_named(learner):
    """The news of Question 3 feeds a checked price."""

    def no_news(sale, after, reading):
        before, now, _, capped = reference.my_price(sale, after, reading)
        return before, now, now, capped

    earned, message = price_parts(no_news)["the price after the news"]
    assert earned == 0 and "that is your price after the opening alone" in message
    assert price_parts(no_news)["the price before the opening"][0] == 1


def test_numpy_answers_pass(learner):
    def with_numpy(sale, after, reading):
        return tuple(np.float64(price) for price in reference.my_price(sale, after, reading))

    assert check.my_price(with_numpy, hidden=True).earned == 4


def test_my_price_is_given_the_right_beliefs_and_the_check_s_own_reading(learner):
    """Question 2's and Question 3's mistakes cannot cost Question 5: the check passes the
    right posterior and a reading of its own (``given_reading``), which once pointed the way
    the news points and so handed out Question 3's answer."""
    seen = []

    def spy(sale, after, reading):
        seen.append((sale.learner, after, reading))
        return reference.my_price(sale, after, reading)

    check.my_price(spy, hidden=True)
    for who, after, reading in seen:
        sale = (
            check.rounding_case() if who == check.ROUNDING_CASE else variant("01_information", who)
        )
        assert after == reference.posterior_after_opening(sale)
        assert reading == reference.given_reading(sale)


# Question 7: which research firm, if either, to hire


def hire_by_worth(sale, after):
    """The reference: the firm whose answer is worth most above its fee, or neither."""
    return reference.information_pays(sale, after)


def hire_ignoring_fees(sale, after):
    """A slip: the firm whose answer is worth more, fees aside."""
    worths = reference.firm_worths(sale, after)
    return max(worths, key=worths.get)


def hire_first_that_pays(sale, after):
    """A slip: the first firm whose answer beats its fee, without comparing the two."""
    worths = reference.firm_worths(sale, after)
    paying = [name for name, _, fee in sale.firms if worths[name] > fee]
    return paying[0] if paying else "neither"


def hire_by_rescaled_answers(sale, after):
    """A slip: each answer's best profit against its beliefs rescaled to sum to 1, the two
    profits added without their chances."""

    def best(beliefs):
        total = sum(beliefs.values())
        return max(
            [0.0]
            + [
                (p - sale.cost) * sum(c for r, c in beliefs.items() if r >= p) / total
                for p in beliefs
            ]
        )

    nets = {}
    for name, amount, fee in sale.firms:
        sides = ({r: c for r, c in after.items() if (r >= amount) == yes} for yes in (True, False))
        nets[name] = sum(best(side) for side in sides if sum(side.values())) - best(after) - fee
    name = max(nets, key=nets.get)
    return name if nets[name] > 0 else "neither"


def test_question_7s_second_worked_case_catches_rescaled_answers(learner):
    """On the second worked case neither firm is worth its fee, but rescaling the beliefs
    inside each answer hires Heron: the hint says what is true of Heron and names the
    rescaling; a constant "neither" still fails on the first worked case."""
    case = check.scaled_case()
    after = reference.posterior_after_opening(case)
    worths = reference.firm_worths(case, after)
    fees = {name: fee for name, _, fee in case.firms}
    assert reference.information_pays(case, after) == "neither"
    assert all(fees[k] - worths[k] >= max(200, 0.2 * worths[k]) for k in worths), worths
    assert hire_by_rescaled_answers(case, after) == "Heron"
    own = variant("01_information")
    own_after = reference.posterior_after_opening(own)
    # ada's own case does not catch it
    assert hire_by_rescaled_answers(own, own_after) == reference.information_pays(own, own_after)
    hint = miss(check.information_pays, hire_by_rescaled_answers)
    assert hint.startswith("on the second worked case, Heron's answer is worth less than its fee")
    assert "rescaling the beliefs inside each answer" in hint

    def right_on_own_else_neither(sale, after):
        return reference.information_pays(sale, after) if sale.learner == "ada" else "neither"

    assert "on the first worked case" in miss(check.information_pays, right_on_own_else_neither)


def test_question_7_is_no_longer_one_library_call(learner):
    """Question 7 (which explorer setting makes knowing worth more) passed by looking each
    setting up with the course's value_of_information, and the text said so. It now asks which
    of two research firms, if either, to hire on the learner's own case: the old answer (a pair
    of letters) fails, and no function of the course library values a yes-or-no answer; the text
    no longer invites a lookup."""
    from course.models import information as models

    old = lambda sale, after: ("A", "C")  # noqa: E731
    assert 'answer with "Finch", "Heron" or "neither"' in miss(check.information_pays, old)
    assert not [name for name in dir(models) if "answer" in name or "firm" in name]
    text = cell_words("q7-text")
    assert "value_of_information" not in text and "`sale.firms`" in text


def test_question_7_passes_the_reference_and_names_each_slip(learner, capsys):
    check.information_pays(hire_by_worth)
    check.information_pays(hire_by_worth, hidden=True)
    assert "\N{CHECK MARK}" in capsys.readouterr().out
    # both slips fail on the worked case, where both firms pay and the one worth less
    # leaves more after its fee
    for slip in (hire_ignoring_fees, hire_first_that_pays):
        hint = miss(check.information_pays, slip)
        assert "the other firm's leaves you more once its fee is paid" in hint, hint
    assert "rescaling the beliefs inside each answer" in miss(
        check.information_pays, hire_by_rescaled_answers
    )
    assert "worth more than its fee" in miss(check.information_pays, lambda s, a: "neither")


def test_question_7_hints_are_true_of_the_pick(learner):
    """A hint says of the firm picked only what is true on the case it failed on: worth
    nothing, worth less than its fee, or beaten by the other after the fees."""
    seen = set()
    for n in range(40):
        sale = variant("01_information", f"firms-{n}")
        after = reference.posterior_after_opening(sale)
        worths = reference.firm_worths(sale, after)
        fees = {name: fee for name, _, fee in sale.firms}
        right = reference.information_pays(sale, after)
        for pick in (*reference.FIRMS, reference.NEITHER):
            if pick == right:
                continue
            with learner_as(sale.learner):
                hint = miss(check.information_pays, lambda s, a, pick=pick: pick)
            if f"for learner {sale.learner}" not in hint:
                continue  # it passed this learner's case and failed the worked case
            if pick == reference.NEITHER:
                assert max(worths[k] - fees[k] for k in worths) > 0
                seen.add("some pays")
            elif "worth nothing" in hint:
                assert worths[pick] < 0.005
                seen.add("nothing")
            elif "worth less than its fee" in hint:
                assert 0.005 <= worths[pick] <= fees[pick]
                seen.add("less")
            else:
                assert worths[pick] > fees[pick] and right != reference.NEITHER
                seen.add("beaten")
    assert seen == {"some pays", "nothing", "less", "beaten"}, seen


def copied_firms():
    """A Question 7 answer copied from the visible check: the right firm for learner ada's
    sale and for the worked case, looked up by learner."""
    sales = (
        variant("01_information"),
        check.firms_case(),
        check.scaled_case(),
        check.ratio_case(),
    )
    right = {
        sale.learner: reference.information_pays(sale, reference.posterior_after_opening(sale))
        for sale in sales
    }
    return lambda sale, after: right[sale.learner]


def test_a_copied_firm_fails_the_hidden_check(learner):
    copied = copied_firms()
    check.information_pays(copied)
    hint = miss(check.information_pays, lambda sale, after: copied(sale, after), hidden=True)
    assert "every case grading tries" in hint and "hidden-" not in hint


def test_the_firm_may_be_named_in_any_case(learner, capsys):
    copied = copied_firms()
    check.information_pays(lambda sale, after: f" {copied(sale, after).upper()} ")
    assert "\N{CHECK MARK}" in capsys.readouterr().out
    assert "answer with" in miss(check.information_pays, lambda sale, after: ("Finch",))


def test_the_explorer_text_says_a_low_cost_stops_mattering():
    """Over a range L to H, every cost at or below 2L − H
    leaves the best blind price at L and knowing worth (H − L)/2; the explorer's text
    (which now carries the rule Question 7 once graded) says so."""
    assert {value_of_information(c, 60, 100) for c in (0, 10, 20)} == {20.0}
    assert value_of_information(30, 60, 100) < 20.0
    # the rule is now the explorer's answer to the learner's pick, not told before it (s57 W2)
    from course.widgets.information import InformationExplorer

    explorer = InformationExplorer({"A": (40, 50, 100), "B": (40, 60, 90), **LOWER_COST})
    explorer.picks[("C", "D")].value = "D"
    explorer.judge()
    shown = explorer.feedback.value.replace("&#x27;", "'")
    assert "both sell to every buyer and the worth stops changing" in shown
    assert "the worth stops changing" not in cell_words("voi-explorer-text")


def test_the_explorer_s_cost_verdict_is_true_with_the_cost_inside_the_range():
    """Review 62 U1: the verdict said that knowing, 'you keep every euro of a lower cost from
    every buyer', false when the cost lies inside the range (knowing, you sell only to buyers
    above it). What it says now holds for every pair of costs it can be shown for: a lower
    cost adds more to what knowing earns than to what the blind price earns, and at the
    higher cost, where the blind price is above the bottom, knowing sells to more buyers."""
    from course.models.information import take_it_or_leave_it
    from course.widgets.information import InformationExplorer

    def earned(cost, low, high):
        blind = take_it_or_leave_it(cost, low, high)
        return blind[1] + value_of_information(cost, low, high), blind[1], blind[0]

    shown_for = 0
    for low, high in ((50, 100), (60, 140), (20, 90)):
        for higher in range(0, high, 5):
            for lower in range(0, higher, 5):
                explorer = InformationExplorer(
                    {
                        "A": (40, 50, 100),
                        "B": (40, 60, 90),
                        "C": (higher, low, high),
                        "D": (lower, low, high),
                    }
                )
                explorer.picks[("C", "D")].value = "D"
                explorer.judge()
                if "cost is lower" not in explorer.feedback.value:
                    continue
                shown_for += 1
                knowing_low, blind_low, _ = earned(lower, low, high)
                knowing_high, blind_high, price_high = earned(higher, low, high)
                assert knowing_low - knowing_high > blind_low - blind_high, (low, high, lower)
                # at the higher cost the blind price is above the bottom (else no worth moves)
                sold_knowing = (high - max(higher, low)) / (high - low)
                sold_blind = (high - max(price_high, low)) / (high - low)
                assert sold_knowing > sold_blind, (low, high, lower)
                assert "every euro of a lower cost from every buyer" not in explorer.feedback.value
    assert shown_for > 50


LOWER_COST = {"C": (70, 50, 100), "D": (30, 50, 100)}


def test_the_explorer_hints_quote_the_explorer(learner):
    """The hint's worths are what the explorer shows for those settings."""
    from course.widgets.information import InformationExplorer

    sale = variant("01_information")
    for cost, low, high in sale.explorer_cases.values():
        explorer = InformationExplorer()
        explorer.high.value = high  # raise the top first, so low never passes high
        explorer.low.value, explorer.cost.value = low, cost
        worth = value_of_information(cost, low, high)
        assert f"information is worth</b> {worth:,.2f}".replace(".00", "") in (
            explorer.numbers.value
        )


# Question 8: perfect and fallible information


def report_parts(answer, hidden=False):
    return parts(check.report_decision(answer, hidden=hidden))


def with_report(worth_of):
    def report_decision(sale, after):
        before, now, worth, _ = reference.report_decision(sale, after)
        given = worth_of(sale, after, now, worth)
        return before, now, given, given > sale.report_fee

    return report_decision


@pytest.mark.parametrize(
    ("worth_of", "words"),
    [
        (lambda s, a, now, w: now, "a report that is always right"),
        (lambda s, a, now, w: s.report_accuracy * now, "scaling perfect information"),
        (
            lambda s, a, now, w: reference.report_value(
                s.prior_beliefs(), s.cost, s.report_accuracy
            ),
            "beliefs before the opening",
        ),
        (
            lambda s, a, now, w: w + reference.best_move(a, s.cost)[1],
            "what you expect to earn with the report",
        ),
    ],
)
def test_tempting_report_values_are_named(learner, worth_of, words):
    scored = report_parts(with_report(worth_of))
    assert scored["the report's worth"][0] == 0 and words in scored["the report's worth"][1]
    assert scored["perfect information before and after"][0] == 1


def test_spreading_the_errors_over_the_surviving_prices_is_named(monkeypatch):
    """A learner may drop the prices the opening ruled out and spread the report's
    errors over the rest; the hint says the report can still name a ruled-out price."""

    def survivors(sale):
        after = reference.posterior_after_opening(sale)
        wrong = check._report_on_survivors(after, sale.cost, sale.report_accuracy)
        right = reference.report_value(after, sale.cost, sale.report_accuracy)
        return abs(wrong - right) > 0.01

    as_learner(monkeypatch, learner_where(survivors))
    scored = report_parts(
        with_report(
            lambda s, a, now, w: unguarded(check._report_on_survivors)(a, s.cost, s.report_accuracy)
        )
    )
    assert scored["the report's worth"][0] == 0
    assert "including one the opening ruled out" in scored["the report's worth"][1]


def test_a_report_whose_n_counts_only_the_prices_still_possible_is_named(monkeypatch):
    """A report priced with (1 − accuracy)/(n − 1), n only the prices the opening left
    possible (the text warns that n counts them all), is told that n counts them all; it
    had only the generic 'too high' hint."""

    def slip(sale, after, now, worth):
        alive = sum(1 for chance in after.values() if chance > 0)
        q = sale.report_accuracy
        best = lambda beliefs: reference.best_move(beliefs, sale.cost)[1]  # noqa: E731
        weighted = sum(
            best({r: c * (q if r == named else (1 - q) / (alive - 1)) for r, c in after.items()})
            for named in after
        )
        return weighted - best(after)

    def differs(sale):
        after = reference.posterior_after_opening(sale)
        worth = reference.report_value(after, sale.cost, sale.report_accuracy)
        return abs(slip(sale, after, None, worth) - worth) > 0.01

    sale = as_learner(monkeypatch, learner_where(differs))
    assert sum(1 for c in reference.posterior_after_opening(sale).values() if c > 0) < 4
    scored = report_parts(with_report(slip))
    assert scored["the report's worth"][0] == 0
    assert "n is the number of all the prices" in scored["the report's worth"][1]


def test_spreading_a_wrong_report_over_all_the_prices_is_named():
    """(1 − accuracy)/n for each price when the report is wrong, the right one included,
    is told so for every learner, joined with another slip where their amounts meet."""

    def over_all(sale, after, now, worth):
        q, n = sale.report_accuracy, len(after)
        best = lambda beliefs: reference.best_move(beliefs, sale.cost)[1]  # noqa: E731
        weighted = sum(
            best({r: c * (q if r == named else (1 - q) / n) for r, c in after.items()})
            for named in after
        )
        return weighted - best(after)

    for n in range(200):
        with learner_as(f"spread-{n}"):
            earned, message = report_parts(with_report(over_all))["the report's worth"]
        assert not earned, n
        assert "(1 − accuracy)/n when the report is wrong" in message, (n, message)


def strict_best_profit(beliefs, cost):
    return max([0.0] + [(p - cost) * sum(c for r, c in beliefs.items() if r > p) for p in beliefs])


def strict_report(sale, after):
    """report_decision written with the slip P(r > p) throughout."""

    def perfect(beliefs):
        informed = sum(c * max(r - sale.cost, 0) for r, c in beliefs.items())
        return informed - strict_best_profit(beliefs, sale.cost)

    q, n = sale.report_accuracy, len(sale.reservations)
    weighted = sum(
        strict_best_profit(
            {r: c * (q if r == s else (1 - q) / (n - 1)) for r, c in after.items()}, sale.cost
        )
        for s in sale.reservations
    )
    worth = weighted - strict_best_profit(after, sale.cost)
    return perfect(sale.prior_beliefs()), perfect(after), worth, worth > sale.report_fee


def test_the_strict_inequality_is_named_for_both_worths(monkeypatch):
    def differs(sale):
        after = reference.posterior_after_opening(sale)
        right = reference.report_decision(sale, after)
        wrong = strict_report(sale, after)
        return abs(right[0] - wrong[0]) > 1 and abs(right[2] - wrong[2]) > 1

    as_learner(monkeypatch, learner_where(differs))
    scored = report_parts(strict_report)
    for part in ("perfect information before and after", "the report's worth"):
        assert scored[part][0] == 0
        assert "count P(r ≥ p), not P(r > p)" in scored[part][1], scored[part][1]


def test_the_uniform_helper_is_named_for_perfect_information(learner):
    def uniform(sale, after):
        _, _, worth, buy = reference.report_decision(sale, after)
        low, high = min(sale.reservations), max(sale.reservations)
        return value_of_information(sale.cost, low, high), 0.0, worth, buy

    message = report_parts(uniform)["perfect information before and after"][1]
    assert "value_of_information's answer" in message


def test_forgetting_the_blind_profit_is_named(learner):
    def informed_only(sale, after):
        _, now, worth, buy = reference.report_decision(sale, after)
        informed = sum(p * max(r - sale.cost, 0) for r, p in sale.prior_beliefs().items())
        return informed, now, worth, buy

    assert "subtract that" in report_parts(informed_only)["perfect information before and after"][1]


@pytest.mark.parametrize("digits", [0, -2])
def test_question_8_amounts_rounded_are_told_to_stay_unrounded(monkeypatch, digits):
    """The right EVPIs and report worth rounded to the euro (or the hundred) were told their
    method was wrong ("is too high: take the expected profit of knowing ... minus your best
    blind profit"), 40 of 40 learners; the text said nothing about rounding. The hint now says
    the amount is right but rounded."""

    def differs(sale):
        after = reference.posterior_after_opening(sale)
        _, now, worth, _ = reference.report_decision(sale, after)
        return all(abs(round(x, digits) - x) > 0.01 for x in (now, worth))

    as_learner(monkeypatch, learner_where(differs))

    def rounded(sale, after):
        before, now, worth, buy = reference.report_decision(sale, after)
        return round(before, digits), round(now, digits), round(worth, digits), buy

    scored = report_parts(rounded)
    for part in ("perfect information before and after", "the report's worth"):
        assert scored[part][0] == 0
        assert "the right amount rounded" in scored[part][1], scored[part][1]
    from tests.notebooks import source_notebook

    (text,) = [
        cell.source
        for cell in source_notebook("01_information", "information").cells
        if cell.metadata["nbgrader"]["grade_id"] == "q8-text"
    ]
    assert "Do not round." in text  # review 88 U1: shortened


def test_the_wrong_decision_is_named_and_costs_only_its_point(learner):
    def contrary(sale, after):
        before, now, worth, buy = reference.report_decision(sale, after)
        return before, now, worth, not buy

    scored = report_parts(contrary)
    assert scored["the decision"][0] == 0 and "and it costs" in scored["the decision"][1]
    assert check.report_decision(contrary).earned == 2


def test_the_decision_follows_the_learners_own_worth_of_the_report(monkeypatch):
    """A learner who scales perfect information by the accuracy, gets a worth on the other side
    of the fee, and decides by that worth, loses the worth's point only, as Question 4's
    decision is judged on the learner's own reading."""

    def crosses_the_fee(sale):
        after = reference.posterior_after_opening(sale)
        _, now, _, buy = reference.report_decision(sale, after)
        return (sale.report_accuracy * now > sale.report_fee) != buy

    as_learner(monkeypatch, learner_where(crosses_the_fee))

    def scaled(sale, after):
        before, now, _, _ = reference.report_decision(sale, after)
        worth = sale.report_accuracy * now
        return before, now, worth, worth > sale.report_fee

    scored = report_parts(scaled)
    assert scored["the report's worth"][0] == 0 and scored["the decision"][0] == 1
    # review 83 X3: Question 8 now says so, and that a worth it cannot follow is replaced;
    # review 89 U2: in plainer words
    assert "one for the decision, judged against your worth when the check names its slip" in (
        cell_words("q8-text")
    )


def test_the_decision_must_be_true_or_false(learner):
    def wordy(sale, after):
        return (*reference.report_decision(sale, after)[:3], "yes")

    assert "True or False" in report_parts(wordy)["the decision"][1]


def test_the_evpi_explanation_adds_up(monkeypatch):
    """The pass message's two parts (deals lost, money left) add up to EVPI, each time."""
    for who in ("ada", "learner-3", "learner-4"):
        sale = as_learner(monkeypatch, who)
        for beliefs in (sale.prior_beliefs(), reference.posterior_after_opening(sale)):
            _, lost, left = check._regrets(sale, beliefs)
            assert lost + left == pytest.approx(reference.perfect_information(beliefs, sale.cost))
        message = report_parts(reference.report_decision)["perfect information before and after"]
        assert check._why_perfect_information_moved(sale) in message[1]


# Question 9: fair play


def test_wrong_labels_are_counted_not_named_and_the_distinction_is_said(learner, capsys):
    """The hint paraphrased each right label, so re-running handed over the key. It now says how
    many labels are wrong and, for each pair of labels confused, what tells them apart; the whys
    come once all are right."""
    sale = variant("01_information")
    wrong = {
        move.key: "keep" if move._label == "share" else "share" for move in reference.moves_of(sale)
    }
    wrong.update({key: "legitimate" for key in sale.tactics})
    scored = parts(own_labels(lambda s: wrong))
    said, done = scored["what to tell Osprey"], scored["fair and foul means"]
    # review 68 X5: "keep" is right for `deposit` too, so flipping it is no mistake
    flipped_wrong = [key for key in sale.disclosures if key not in ALSO_RIGHT]
    assert said[0] == 0 and f"{len(flipped_wrong)} of your labels are" in said[1]
    assert not any(f"`{key}`" in said[1] for key in sale.disclosures)
    wrong_tactics = [
        m for m in reference.moves_of(sale) if m.key in sale.tactics and m._label != "legitimate"
    ]
    assert done[0] == 0 and f"{len(wrong_tactics)} of your labels" in done[1]
    assert not any(m._why in done[1] or f"`{m.key}`" in done[1] for m in wrong_tactics)
    assert "anything untrue" in done[1] or "yours to have" in done[1]
    for move in wrong_tactics:  # the explanation never names the label it is after
        assert move._label not in move._why.lower()
        assert "misrepresent" not in move._why.lower()
    right = reference.fair_play(sale)
    shown = parts(own_labels(lambda s: right))
    assert all(m._why in shown["fair and foul means"][1] for m in wrong_tactics)


def test_a_bluff_taken_for_a_misrepresentation_is_told_the_distinction(monkeypatch):
    def bluffs(sale):
        return [
            m.key
            for m in reference.moves_of(sale)
            if m.key in sale.tactics and m._label == "bluff" and m.key not in ALSO_RIGHT
        ]

    sale = as_learner(monkeypatch, learner_where(bluffs))
    right = reference.fair_play(sale)
    hint = parts(own_labels(lambda s: {**right, bluffs(sale)[0]: "misrepresentation"}))
    message = hint["fair and foul means"][1]
    assert "1 of your labels is not right yet" in message
    assert "your own estimate of what the machine is worth, or about a fact Osprey" in message


def test_the_bluff_hints_name_an_estimate_of_value_as_a_bluff(monkeypatch):
    """`fair-price` is a bluff because it is your own estimate of value; the hints for a bluff
    confused with another label named only your reservation price, and pushed a learner who
    labelled it otherwise further wrong. (Since review 80 C1 "misrepresentation" is right
    for it too, and "legitimate" is not: tests/test_information_review80.py.)"""
    sale = as_learner(monkeypatch, learner_where(lambda s: "fair-price" in s.tactics))
    right = reference.fair_play(sale)
    for wrong in ("legitimate", "illegitimate"):
        message = parts(own_labels(lambda s, w=wrong: {**right, "fair-price": w}))
        assert "estimate of what the machine is worth" in message["fair and foul means"][1]


def test_every_pair_of_labels_has_a_distinction():
    import itertools

    for labels in ((reference.SHARE, reference.KEEP), check.TACTIC_LABELS):
        for pair in itertools.combinations(labels, 2):
            assert frozenset(pair) in check.DISTINCTIONS, pair


def test_the_labels_are_module_00s_and_the_bluff_is_a_bluff(learner):
    from course.scenarios.leverage import TACTIC_KINDS

    assert {move._label for move in reference._TACTICS} == set(TACTIC_KINDS)
    labels = {move.key: move._label for move in reference._TACTICS}
    assert labels["hard-for-us"] == labels["fair-price"] == "bluff"
    assert labels["annual-report"] == "legitimate"


def test_every_learner_judges_a_true_alternative_and_some_its_ultimatum():
    """The true rival mentioned calmly is a tactic for everyone (the story's one mention of
    the other food firm); said as an ultimatum with a made-up Friday it was too, so its
    labels were the class's, and since review 72 X4 it comes to some learners only; the
    disclosures vary, a strength among them for most."""
    strength = ultimatum = 0
    for n in range(50):
        sale = variant("01_information", f"learner-{n}")
        assert "true-rival" in sale.tactics
        ultimatum += "rival-ultimatum" in sale.tactics
        strength += "fast-delivery" in sale.disclosures
    assert 0 < strength < 50 and 0 < ultimatum < 50


def test_the_final_deadline_and_the_weak_alternative_are_judged(monkeypatch):
    """Section 6 teaches that a final deadline binding both is worth revealing and that a weak
    alternative is best kept private, but nothing practised either. Each is now a disclosure
    some learners judge, and a wrong label costs the point."""
    for key, label in (("final-deadline", "share"), ("weak-alternative", "keep")):
        sale = as_learner(monkeypatch, learner_where(lambda s, k=key: k in s.disclosures))
        right = reference.fair_play(sale)
        assert right[key] == label
        flipped = {**right, key: "keep" if label == "share" else "share"}
        assert parts(own_labels(lambda s, f=flipped: f))["what to tell Osprey"][0] == 0
        assert own_labels(lambda s, r=right: r).earned == 2
    assert (
        "makes waiting cost Osprey as much as you"
        in check.DISTINCTIONS[frozenset({reference.SHARE, reference.KEEP})]
    )


def test_labels_are_read_without_case_or_spaces(learner):
    right = reference.fair_play(variant("01_information"))
    assert own_labels(lambda s: {k: f" {v.upper()} " for k, v in right.items()}).earned == 2


def test_a_missing_or_unknown_label_is_named(learner):
    sale = variant("01_information")
    right = reference.fair_play(sale)
    missing = {k: v for k, v in right.items() if k != sale.tactics[0]}
    # review 91 X2: on a line of its own, not a practice line
    shown = parts(check.fair_play(lambda s: missing))
    assert f"give a label for `{sale.tactics[0]}`" in shown[check.OWN_LISTS_FORM][1]
    odd = {**right, sale.disclosures[0]: "maybe"}
    assert "label `" in parts(check.fair_play(lambda s: odd))[check.OWN_LISTS_FORM][1]


def test_illegitimate_source_is_read_as_illegitimate(learner):
    right = reference.fair_play(variant("01_information"))
    spelled = {k: "illegitimate source" if v == "illegitimate" else v for k, v in right.items()}
    assert own_labels(lambda s: spelled).earned == 2


# Question 6: where the model holds


def limits_with(**changes):
    """The course's answer to Question 6 with some situations answered otherwise: a change
    is a pair, or a function of (sale, after) giving one."""

    def model_limits(sale, after):
        answer = reference.model_limits(sale, after)
        for key, change in changes.items():
            if key in sale.situations:  # `cut-case` asks only `staged-opening`
                answer[key] = change(sale, after) if callable(change) else change
        return answer

    return model_limits


def model_price(sale, after):
    return reference.best_move(after, sale.cost)[0]


def plan(opening):
    """A Question 6 entry for a haggle: ``opening`` (a number, or a function of (sale,
    after)) with a target in the middle of module 02's band for it."""

    def entry(sale, after):
        at = opening(sale, after) if callable(opening) else opening
        low, high = reference.target_band(at, sale, after)
        return "final-offer", (at, (low + high) / 2)

    return entry


def at(action, assumption):
    """A Question 6 entry: ``assumption`` and the course's price for ``action``."""

    def entry(sale, after):
        # only the asked action's price: a learner whose opening raised the price has no
        # surer price (review 70 X5), and must not fail on the prices of other actions
        model = model_price(sale, after)
        if action in (reference.BELOW, reference.SURER):
            return assumption, max(reference.surer_prices(after, sale.cost))
        if action == reference.MODEL_PRICE:
            return assumption, model
        return assumption, min(r for r in sale.reservations if r > model)

    return entry


def test_each_situation_breaks_one_assumption_and_each_action_has_a_use():
    assumptions = [item._assumption for item in reference._SITUATIONS]
    assert set(assumptions) == set(reference.ASSUMPTIONS)
    firsts = {item._actions[0] for item in reference._SITUATIONS}
    assert firsts == {
        reference.MODEL_PRICE,
        reference.ABOVE,
        reference.OPEN,
        reference.FAIR,
        reference.SURER,
    }
    # under the band model accepting the opening is never best: no situation gives a reason to
    # doubt the band
    assert not [i.key for i in reference._SITUATIONS if reference.ACCEPT in i._actions]


@pytest.mark.parametrize(
    ("key", "entry", "part"),
    [
        (
            "staged-opening",
            lambda sale, after: ("final-offer", reference.staged_price(sale)),
            "which assumption fails",
        ),
        (
            "board-rounds",
            lambda sale, after: ("final-offer", expected_reservation(after) - 1_000),
            "what to do",
        ),
        ("fair-share", at(reference.ABOVE, "accepts-any"), "what to do"),
        ("one-price", at(reference.MODEL_PRICE, "risk-neutral"), "which assumption fails"),
        ("friday-cash", at(reference.ABOVE, "risk-neutral"), "what to do"),
    ],
)
def test_a_wrong_judgement_is_explained_without_the_answer_and_costs_its_point(
    monkeypatch, key, entry, part
):
    """A wrong entry is counted, not named, and the hint says what tells the choices apart; the
    whys come once all are right."""
    as_learner(monkeypatch, learner_where(lambda sale: key in sale.situations))
    scored = parts(own_limits(limits_with(**{key: entry})))
    item = next(i for i in reference._SITUATIONS if i.key == key)
    earned, message = scored[part]
    assert earned == 0 and "1 of your" in message and "not right yet" in message
    assert f"`{key}`" not in message
    assert item._why_assumption not in message and item._why_action not in message
    other = next(p for p in scored if p != part)
    assert scored[other][0] == 1
    shown = parts(own_limits(limits_with()))[part][1]
    assert (item._why_assumption if part == "which assumption fails" else item._why_action) in shown


def test_every_price_in_a_range_passes_and_words_are_read_loosely(learner, capsys):
    """Any price that does what the situation calls for passes: the model's price to the
    cent, anything above it up to the top reservation price, any price below it above the
    cost and the opening where a lower price is called for, any surer price where a surer
    one is."""

    def top(sale, after):
        return "Final-Offer ", reference.ceiling(sale, after)

    def half_the_gain(sale, after):
        # the buyer at the lowest reservation price still possible keeps half the gain, the
        # most a fair price may leave it (a price just above the cost leaves it nearly all)
        lowest = min(r for r, chance in after.items() if chance > 0)
        price = (lowest + sale.cost) / 2
        assert price > max(sale.cost, sale.opening_offer)
        return ["accepts-any", np.float64(price)]

    def lowest_surer(sale, after):
        return ("Risk-Neutral", Fraction(min(reference.surer_prices(after, sale.cost))))

    def near_model(sale, after):
        return "NONE", int(model_price(sale, after))

    answer = limits_with(
        **{
            "counter-offer": top,
            "fair-share": half_the_gain,
            "friday-cash": lowest_surer,
            "one-price": near_model,
        }
    )
    assert own_limits(answer).earned == 2


def test_counter_offer_beyond_a_step_above_every_price_still_possible_fails(monkeypatch):
    """Question 6 accepted for `counter-offer` any price up to the top reservation price of the
    prior, though the opening had ruled that price out for about half the learners; review
    s62 C1 bounded it by the highest price still possible, review 73 X1 by one step of the
    reservations above that price (room for the counter-offer), for every learner. Review 93
    X1: the step rests on no fact, so an opening one step above that price now fails, as two
    steps did, and the note says it is above that price; the price itself passes."""

    def top_ruled_out(sale):
        after = reference.posterior_after_opening(sale)
        return after[max(sale.reservations)] == 0 and reference.ceiling(sale, after) < max(
            sale.reservations
        )

    sale = as_learner(
        monkeypatch,
        learner_where(lambda s: top_ruled_out(s) and "counter-offer" in s.situations),
    )
    after = reference.posterior_after_opening(sale)
    ceiling = reference.ceiling(sale, after)
    step = sale.reservations[1] - sale.reservations[0]
    for beyond in (ceiling + step, ceiling + 2 * step):
        scored = parts(own_limits(limits_with(**{"counter-offer": plan(beyond)})))
        assert scored["what to do"][0] == 0
        assert "rests on no buyer you still believe in" in scored["what to do"][1]
    assert own_limits(limits_with(**{"counter-offer": plan(ceiling)})).earned == 2


def practice_prices(answer):
    """(marks, message) of the visible check's practice prices for ``answer``."""
    return parts(check.model_limits(answer))["practice: what to do"]


def test_an_opening_is_judged_by_module_04_s_rule(monkeypatch):
    """Where a refusal brings a counter-offer, a price is an opening. The check wanted half a
    step above the higher of the model's price and the estimate (review s58 E2), then took
    any price from the estimate to the ceiling, wherever the model's price fell, so it
    passed, and the reference answer named, a haggling opening below the price the learner
    would name as a last word (review 69 X1). It now takes any price from the higher of the
    estimate and the model's price up to the ceiling (review 93 X1; a step above it from
    review 73 X1 until then): on the
    practice case, whose estimate
    lies below the model's price, an opening at the estimate (or rounded to the €100) now
    fails, and the hint says the one true thing about it, that it lies below the model's
    price; the hint says what is true of a price above the model's but short of the
    estimate where the estimate lies higher."""
    as_learner(monkeypatch, "ada")
    practice = check.practice_case()
    after = reference.posterior_after_opening(practice)
    model = model_price(practice, after)
    estimate = expected_reservation(after)
    # review s62 C1: the ceiling is the highest price still possible (69,000 is ruled out)
    assert (model, reference.ceiling(practice, after)) == (61_000, 65_000)
    assert after[69_000] == 0
    assert 60_800 < estimate < model
    assert reference.opening_floor(practice, after) == model
    # review 93 X1: up to that price (review 73 X1 had allowed one step, 4,000, above it)
    for price in (model, 63_000, 65_000):
        opening = limits_with(**{"practice-come-back": plan(price)})
        assert practice_prices(opening)[0] == 1, price
    below = "An opening below the model's price (Question 5's `now`) is lower than the price"
    for price in (math.ceil(estimate), round(estimate, -2), model - 1, 60_000):
        earned, message = practice_prices(limits_with(**{"practice-come-back": plan(price)}))
        assert earned == 0 and "`practice-come-back`" in message, price
        assert below in message and "is no opening by Question 6's rule" not in message, price
    for price in (65_001, 69_000, 73_000):
        earned, message = practice_prices(limits_with(**{"practice-come-back": plan(price)}))
        assert earned == 0 and "`practice-come-back`" in message, price
        # review 80 C2: the hint names the top the text teaches, and no step
        assert below not in message and "rests on no buyer you still believe" in message, price

    def estimate_above_model(sale):
        after = reference.posterior_after_opening(sale)
        return "counter-offer" in sale.situations and (
            expected_reservation(after) > model_price(sale, after) + 202
        )

    sale = as_learner(monkeypatch, learner_where(estimate_above_model))
    after = reference.posterior_after_opening(sale)
    estimate = expected_reservation(after)
    short = model_price(sale, after) + 1
    scored = parts(own_limits(limits_with(**{"counter-offer": plan(short)})))
    assert scored["what to do"][0] == 0, sale.learner
    # review 99 C1: the hint no longer offers a possible price short of the estimate
    assert "breaks convention 1, even where it is a reservation price" in scored["what to do"][1]
    fine = limits_with(**{"counter-offer": plan(math.ceil(estimate))})
    assert own_limits(fine).earned == 2, sale.learner


def test_a_haggle_asks_for_a_plan_so_the_model_s_price_unchanged_fails(monkeypatch):
    """Where a refusal brings a counter-offer, the check took one opening from the estimate up
    to the ceiling, so naming the model's price unchanged
    passed for about nine learners in ten (review s61 X1: 344 of 376). It now asks for a plan,
    (opening, target), with the target in module 02's band and below the opening: the model's
    price alone, or as both opening and target, fails for every learner tried; the same
    opening with a target in the band passes. Session 75: a target above three quarters of
    the way to the estimate fails wherever the opening sits (it passed up to nine tenths at
    the estimate, and up to the estimate itself beyond it); three quarters passes."""
    tried = 0
    for n in range(30):
        sale = as_learner(monkeypatch, f"learner-{n}")
        keys = [k for k in ("counter-offer", "board-rounds") if k in sale.situations]
        if not keys:
            continue
        after = reference.posterior_after_opening(sale)
        model = model_price(sale, after)
        estimate = expected_reservation(after)
        key = keys[0]
        for entry in (("final-offer", model), ("final-offer", (model, model))):
            scored = parts(own_limits(limits_with(**{key: entry})))
            assert scored["what to do"][0] == 0, (sale.learner, entry)
            assert scored["which assumption fails"][0] == 1, sale.learner
        if reference.opens_by_the_course_rule(model, sale, after):
            tried += 1
            assert own_limits(limits_with(**{key: plan(model)})).earned == 2, sale.learner
        # review 76 C1: `sure` past three quarters is the band's top
        sure = reference.surest_price(after)
        # review 100 X2 (round 101): past three quarters, `sure` no longer caps the band
        high = max(
            sale.cost + 0.8 * (estimate - sale.cost), reference.target_ceiling(sale, after) + 1
        )
        top = max(sale.cost + 0.75 * (estimate - sale.cost), sure)
        for opening in (estimate, reference.ceiling(sale, after)):
            for target in (high, estimate) if opening > estimate else (high,):
                entry = ("final-offer", (opening, target))
                said = parts(own_limits(limits_with(**{key: entry})))["what to do"]
                # review 88 X1: the band was advice; review 97 X1 (round 98): its top is
                # marked again (plus €100 for rounding), so these targets past it fail
                passes = (
                    target < opening - 0.005
                    and reference.opening_passes(opening, sale, after)
                    and target <= reference.target_ceiling(sale, after) + 0.005
                )
                assert not passes, (sale.learner, entry)
                assert said[0] == (1 if passes else 0), (sale.learner, entry)
        beyond = ("final-offer", (reference.ceiling(sale, after), top))
        assert own_limits(limits_with(**{key: beyond})).earned == 2, sale.learner
    assert tried >= 5


def test_a_staged_price_hard_coded_on_the_fixed_cases_fails_at_grading(monkeypatch):
    """On every drawn learner's case the re-priced `staged-opening` price is Question 5's
    `before`, and the four fixed cases the check tries have fixed numbers, so a function
    that answered `before` and special-cased the fixed cases passed Question 6's price mark
    at grading for every learner (a reader's 40 of 40). Grading now also tries
    ``_drawn_staged_cases``, drawn with the grading key; such a function loses the mark for
    every learner, while the course's answer keeps it."""
    fixed = {name: reference.staged_price(case) for name, case in check.staged_cases().items()}
    fixed_by_numbers = {
        (case.prior, case.cost, case.opening_offer): fixed[name]
        for name, case in check.staged_cases().items()
    }

    def hard_coded(sale, after):
        before = reference.best_move(sale.prior_beliefs(), sale.cost)[0]
        key = (sale.prior, sale.cost, sale.opening_offer)
        return ("honest-opening", fixed_by_numbers.get(key, before))

    for n in range(8):
        as_learner(monkeypatch, f"learner-{n}")
        drawn = check._drawn_staged_cases()
        assert len(drawn) == 2
        for case in drawn.values():
            before = reference.best_move(case.prior_beliefs(), case.cost)[0]
            assert reference.staged_price(case) != before
        assert own_limits(limits_with(**{"staged-opening": hard_coded})).outcomes[1].earned == 0
        assert own_limits(reference.model_limits).earned == 2


def test_a_fair_price_is_marked_on_its_hard_bounds_only(monkeypatch):
    """Review 82 X1: a fair price that left the buyer more than half the gain failed (the
    cap of round s62), though it met every hard bound the text states. Such prices pass now,
    in the practice case and on a learner's own case at grading; a price leaving the buyer
    less than a quarter, or at the cost, still fails."""
    as_learner(monkeypatch, "ada")
    practice = check.practice_case()
    after = reference.posterior_after_opening(practice)
    floor = max(practice.cost, practice.opening_offer)
    lowest = min(r for r, c in after.items() if c > 0)
    half = (lowest + practice.cost) / 2
    del floor, half  # review 88 X3: the practice check also tries `fair-case`, so each

    def generous(at):  # price is worked out on the case it is asked on
        def entry(sale, after):
            floor = max(sale.cost, sale.opening_offer)
            lowest = min(r for r, c in after.items() if c > 0)
            half = (lowest + sale.cost) / 2
            return "accepts-any", {"floor": floor + 1, "below": half - 1, "half": half}[at]

        return entry

    for at in ("floor", "below", "half"):
        earned, message = practice_prices(limits_with(**{"practice-whole-gain": generous(at)}))
        assert earned == 1 and "more than half the gain" not in message, at
    # review 89 X2: the floor is a fifth; review 108 X1 (round 109): measured at the model's
    # price (a twentieth off a lower possible price may leave the buyer at the model's more)
    model = reference.best_move(after, practice.cost)[0]
    thin = model - (model - practice.cost) / 20
    for outside in (thin, practice.cost):
        earned, _ = practice_prices(
            limits_with(**{"practice-whole-gain": ("accepts-any", outside)})
        )
        assert earned == 0, outside
    sale = as_learner(
        monkeypatch,
        learner_where(lambda s: "fair-share" in s.situations and s.cost > s.opening_offer),
    )
    scored = parts(own_limits(limits_with(**{"fair-share": ("accepts-any", sale.cost + 1)})))
    assert scored["what to do"][0] == 1
    scored = parts(own_limits(limits_with(**{"fair-share": ("accepts-any", sale.cost)})))
    assert scored["what to do"][0] == 0
    assert own_limits(limits_with()).earned == 2


def test_the_staged_opening_wants_the_re_priced_price(monkeypatch):
    """Where the honest part of the opening gives a price above the model's (44% of learners),
    any price from the model's + 0.01 up to the top reservation price passed, so the re-pricing
    the text asks for was optional. Only the staged price passes now, for every such learner
    tried."""
    found = 0
    for n in range(200):
        sale = variant("01_information", f"learner-{n}")
        after = reference.posterior_after_opening(sale)
        model, staged = model_price(sale, after), reference.staged_price(sale)
        if staged <= model:
            continue
        as_learner(monkeypatch, sale.learner)
        for guess in (model + 1, (model + staged) / 2, max(sale.reservations)):
            if abs(guess - staged) < 0.005:
                continue
            answer = limits_with(**{"staged-opening": ("honest-opening", guess)})
            assert parts(own_limits(answer))["what to do"][0] == 0, (sale.learner, guess)
        assert own_limits(limits_with()).earned == 2
        found += 1
        if found == 8:
            break
    assert found == 8


def test_question_6_is_judged_on_the_learners_own_prices(monkeypatch):
    """The answers were six words, the same for everyone, so they could be passed around; they
    are now prices on the learner's own case, and another learner's prices fail."""
    sale = as_learner(monkeypatch, "learner-0")
    other = variant("01_information", "learner-1")
    theirs = reference.model_limits(other, reference.posterior_after_opening(other))
    mine = reference.model_limits(sale, reference.posterior_after_opening(sale))
    assert theirs != mine
    scored = parts(own_limits(lambda s, a: theirs))
    assert scored["what to do"][0] == 0 and scored["which assumption fails"][0] == 1


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (lambda sale, after: {}, "`staged-opening`"),
        (lambda sale, after: [], "should return a dict"),
        (limits_with(**{"fair-share": "accepts-any"}), "should be a pair"),
        (limits_with(**{"fair-share": ("greed", 50_000)}), "'honest-opening'"),
        (limits_with(**{"fair-share": ("accepts-any", "ask below it")}), "the price for"),
    ],
)
def test_a_malformed_judgement_is_named(monkeypatch, answer, words):
    """The visible check names what is malformed in the learner's own entries."""
    as_learner(monkeypatch, learner_where(lambda sale: "fair-share" in sale.situations))
    # review 91 X2: on the own situations' line of its own, which fails
    (own,) = [
        o for o in check.model_limits(answer).outcomes if o.check == check.OWN_SITUATIONS_FORM
    ]
    assert not own.passed and words in own.message, own.message


def test_a_price_pulled_towards_the_opening_is_named_anchoring(learner):
    """Anchoring is practised here too. Once the opening is read into the beliefs, a price
    pulled towards its number is a bias, not a broken assumption: halfway between the opening
    and the model's price loses the point and is told why."""

    def halfway(sale, after):
        return "none", (sale.opening_offer + model_price(sale, after)) / 2

    scored = parts(own_limits(limits_with(**{"first-number": halfway})))
    message = scored["what to do"][1]
    assert scored["what to do"][0] == 0 and "already read into your beliefs is anchoring" in message
    assert scored["which assumption fails"][0] == 1
    staged = limits_with(**{"first-number": at(reference.MODEL_PRICE, "honest-opening")})
    assert parts(own_limits(staged))["which assumption fails"][0] == 0


@pytest.mark.parametrize("above_cost", [True, False])
def test_accepting_the_opening_is_no_answer_to_a_cash_need(monkeypatch, above_cost):
    """Under the band model the lowest possible price is accepted as surely as the opening and
    earns more, so accepting the opening is never the answer, above the cost or below it; the
    hint says why (and, below the cost, that such a price earns nothing)."""
    as_learner(
        monkeypatch,
        learner_where(
            lambda s: "friday-cash" in s.situations and (s.opening_offer > s.cost) == above_cost
        ),
    )

    def opening(sale, after):
        return "risk-neutral", sale.opening_offer

    scored = parts(own_limits(limits_with(**{"friday-cash": opening})))
    assert scored["what to do"][0] == 0 and "never best" in scored["what to do"][1]
    assert ("at or below your cost" in scored["what to do"][1]) == (not above_cost)
    assert scored["which assumption fails"][0] == 1


def test_prices_that_suit_no_situation_are_told_what_is_wrong_with_them(monkeypatch):
    """A price above every reservation price still possible, or between the
    highest surer price and the model's price, suits no situation: the hint says what is
    true of such a price, without naming the situation."""
    as_learner(
        monkeypatch,
        learner_where(lambda s: {"counter-offer", "friday-cash"} <= set(s.situations)),
    )

    def too_high(sale, after):
        return "final-offer", reference.ceiling(sale, after) + 1_000

    def in_the_gap(sale, after):
        return "risk-neutral", model_price(sale, after) - 1

    for entry, words in (
        (too_high, "grounded in no buyer you still believe in"),
        (in_the_gap, "no more buyers"),
    ):
        key = "counter-offer" if entry is too_high else "friday-cash"
        scored = parts(own_limits(limits_with(**{key: entry})))
        assert scored["what to do"][0] == 0 and words in scored["what to do"][1]
        assert f"`{key}`" not in scored["what to do"][1]


def test_a_staged_price_is_not_told_it_is_above_every_buyer_you_believe_in():
    """Review s64: since review s62 C1 put the ceiling at the highest reservation price still
    possible after the opening, the right `staged-opening` price lies above it for 76 of
    2,000 learners (sweep-8: €61,000 over €53,000), since a shaded opening proves only a
    floor. A wrong price there then drew "grounded in no buyer you still believe in",
    steering the learner from re-pricing; the note now skips prices for a shaded opening
    and keeps warning an opening above the ceiling. (Since review 70 X5 sweep-8's opening
    raises its price; sweep-57, €70,000 over €62,000, is such a learner now.)"""
    sale = variant("01_information", "sweep-57")
    after = reference.posterior_after_opening(sale)
    top = max(sale.reservations)
    assert reference.ceiling(sale, after) < reference.staged_price(sale) < top
    words = "grounded in no buyer you still believe in"
    assert words not in check._notes([("honest-opening", top)], sale, after)
    assert words in check._notes([("none", top)], sale, after)
    assert "at or below your cost" in check._notes([("honest-opening", sale.cost)], sale, after)


def test_a_price_under_the_lowest_possible_reservation_price_is_told_what_it_gives_away(
    monkeypatch,
):
    """A price above the opening and the cost but below the lowest reservation price still
    possible is accepted as surely as that price and earns less; for `friday-cash` the learner
    got only the generic hint. The hint now says so, without naming the situation or the number."""

    def room(sale):
        after = reference.posterior_after_opening(sale)
        lowest = reference.surest_price(after)
        return (
            "friday-cash" in sale.situations and max(sale.cost, sale.opening_offer) + 200 < lowest
        )

    sale = as_learner(monkeypatch, learner_where(room))
    lowest = reference.surest_price(reference.posterior_after_opening(sale))
    price = max(sale.cost, sale.opening_offer) + 100
    scored = parts(own_limits(limits_with(**{"friday-cash": ("risk-neutral", price)})))
    earned, message = scored["what to do"]
    assert earned == 0 and "below the lowest reservation price still possible" in message
    assert "`friday-cash`" not in message and f"{lowest:,.0f}" not in message


def test_the_cash_need_is_not_told_to_ask_below_the_model_when_nothing_earns_there(monkeypatch):
    """learner-3 (cost 61,000, model's price 66,000, possible prices 60,000 and 66,000) had no
    surer price above the cost, yet only 'ask below it' passed. Such draws are now redrawn:
    every learner who meets a cash situation has one. Since review 70 X5 a learner whose
    opening raises the price has none (the rise rules out every price between the cost and
    it), and meets neither cash situation instead."""
    cash = {"friday-cash", "payroll"}
    kinds = set()
    for n in range(60):
        sale = variant("01_information", f"learner-{n}")
        after = reference.posterior_after_opening(sale)
        surer = bool(reference.surer_prices(after, sale.cost))
        rising = reference.meets_good_news(sale.learner)
        assert surer != rising, sale.learner
        assert rising or surer, sale.learner
        if not surer:
            assert not cash & set(sale.situations), sale.learner
        kinds.add((rising, bool(cash & set(sale.situations))))
    assert {(True, False), (False, True)} <= kinds
    assert not reference.surer_prices({60_000.0: 0.5, 66_000.0: 0.5}, 61_000.0)


# Question 5's news that changes: the price under the rival's cap


def with_capped(price_of):
    """A my_price whose price under the cap is ``price_of(sale, after)``."""

    def my_price(sale, after, reading):
        before, now, with_news, _ = reference.my_price(sale, after, reading)
        return before, now, with_news, price_of(sale, after)

    return my_price


def dropping(sale, after):
    """The values above the cap dropped (not rescaled: only the ranking matters)."""
    kept = {r: c for r, c in after.items() if r <= sale.rival_cap and c > 0}
    return max(kept, key=lambda p: (p - sale.cost) * sum(c for r, c in kept.items() if r >= p))


@pytest.mark.parametrize(
    ("price_of", "words", "right_is_cap"),
    [
        (lambda s, a: reference.best_move(a, s.cost)[0], "your price before the rival's", None),
        (lambda s, a: s.rival_cap, "asking the cap sells only", False),
        (dropping, "drops the reservation prices above the cap", True),
    ],
)
def test_the_slips_under_the_cap_are_named_and_cost_only_their_point(
    monkeypatch, price_of, words, right_is_cap
):
    def fits(sale):
        right = price_of_course(sale)[3]
        return right_is_cap is None or (right == sale.rival_cap) == right_is_cap

    as_learner(monkeypatch, learner_where(fits))
    scored = price_parts(with_capped(price_of))
    earned, message = scored["the price under the cap"]
    assert earned == 0 and words in message, message
    assert scored["the price before the opening"][0] == 1
    assert scored["the price after the opening"][0] == 1


def capping_after_the_news(sale, after):
    """The natural slip: the cap applied to the beliefs after the news as well."""
    beliefs = reference.beliefs_after_news(after, reference.given_reading(sale))
    return reference.best_move(reference.capped_beliefs(beliefs, sale.rival_cap), sale.cost)[0]


def test_capping_the_beliefs_after_the_news_is_named(monkeypatch):
    """A learner who capped the beliefs after the news (the text says a real seller would
    combine both) was told of slips it had not made (dropping the prices above the cap, P(r >
    p), asking the cap). Every such case is now told that it capped the beliefs after the news,
    in the learner's own case and the worked ones."""
    caught = 0
    for n in range(40):
        sale = as_learner(monkeypatch, f"learner-{n}")
        own = [sale, *(variant("01_information", w) for w in check.WORKED_CASES)]
        if all(
            capping_after_the_news(s, reference.posterior_after_opening(s)) == price_of_course(s)[3]
            for s in own
        ):
            continue
        earned, message = price_parts(with_capped(capping_after_the_news))[
            "the price under the cap"
        ]
        assert earned == 0 and "caps your beliefs after the news too" in message, message
        caught += 1
    assert caught == 40


def listed_prices_only(sale, after):
    """Beliefs capped right, but only ``sale.reservations`` tried as prices (section 3 once said
    only the possible reservation prices are worth trying), never the cap itself."""
    capped = reference.capped_beliefs(after, sale.rival_cap)

    def profit(p):
        return (p - sale.cost) * sum(c for r, c in capped.items() if r >= p)

    return max(sale.reservations, key=profit)


def test_never_trying_the_cap_as_a_price_is_named(monkeypatch):
    """This answer failed every learner's visible check (worked case 6 always runs, and its
    right price is the cap), and 198 of 200 were told of slips they had not made (dropping the
    prices above the cap, P(r > p)). Every learner is now told, first, that the cap is a
    possible reservation price to try as a price."""
    for n in range(0, 200, 5):
        as_learner(monkeypatch, f"learner-{n}")
        earned, message = price_parts(with_capped(listed_prices_only))["the price under the cap"]
        assert earned == 0, n
        assert "try the cap itself as a price too" in message, message
        first = message.split("(2)")[0]
        assert "drops the reservation prices" not in first and "P(r > p)" not in first, message


def test_a_hard_coded_capped_price_fails_the_hidden_check(learner):
    own = variant("01_information")
    mine = price_of_course(own)[3]
    scored = price_parts(with_capped(lambda s, a: mine), hidden=True)
    assert scored["the price under the cap"][0] == 0


# sentences the learner is shown are true


def test_the_uniform_hint_counts_no_values_the_beliefs_do_not_allow(monkeypatch):
    """After the opening only two or three prices remain possible, so the uniform slip's hint
    must not say the learner's price 'takes only four values'."""

    def my_price(sale, after, reading):
        from course.models.information import take_it_or_leave_it

        before, _, with_news, capped = reference.my_price(sale, after, reading)
        possible = [r for r, c in after.items() if c > 0]
        now = take_it_or_leave_it(sale.cost, min(possible), max(possible))[0]
        return before, now, with_news, capped

    def differs(s):
        from course.models.information import take_it_or_leave_it

        after = reference.posterior_after_opening(s)
        possible = [r for r, c in after.items() if c > 0]
        slip = take_it_or_leave_it(s.cost, min(possible), max(possible))[0]
        return slip != reference.best_move(after, s.cost)[0] and slip != expected_reservation(after)

    as_learner(monkeypatch, learner_where(differs))
    message = price_parts(my_price)["the price after the opening"][1]
    assert "spread evenly" in message and "four values" not in message
    assert "only the values your beliefs allow" in message


def even_spread_price(sale):
    from course.models.information import take_it_or_leave_it

    return take_it_or_leave_it(sale.cost, min(sale.reservations), max(sale.reservations))[0]


def test_a_possible_reservation_price_is_not_blamed_on_the_even_spread(monkeypatch):
    """For 3.5% of learners the even-spread formula's price is one of the possible reservation
    prices, and a learner who named it for any other reason (a slip in the one-by-one
    comparison) was told it was 'the best price for a reservation price spread evenly', a
    formula nothing in Question 5 invites. Such a price now gets no such hint, before, after the
    opening or after the news."""
    found = 0
    for n in range(2000):
        sale = variant("01_information", f"learner-{n}")
        price = even_spread_price(sale)
        if price not in sale.reservations or price == price_of_course(sale)[0]:
            continue
        as_learner(monkeypatch, sale.learner)
        message = price_parts(with_before(lambda b, s, p=price: p))["the price before the opening"][
            1
        ]
        assert "spread evenly" not in message, message
        found += 1
        if found == 5:
            break
    assert found == 5


def test_the_quick_delivery_disclosure_claims_no_need_the_learner_may_not_know():
    """'a line running soon' asserted a need even to learners whose news shows no urgency; any
    buyer replacing a line values a quick delivery."""
    move = next(m for m in reference._DISCLOSURES if m.key == "fast-delivery")
    assert "running soon" not in move._why and "any buyer replacing a line" in move._why


def test_an_ultimatum_you_would_not_carry_out_is_a_bluff(monkeypatch):
    """Section 6's 'mention alternatives without threats' is practised on the true rival,
    mentioned calmly (legitimate) and as an ultimatum whose Friday is made up. That ultimatum
    states an intention you do not hold (you would hold the slot until the end of the month), so
    modules 00, 02 and 03 put it between a bluff and a misrepresentation, and accept either; it was a
    disclosure to 'keep', merely unwise. 'legitimate' costs the point, and the hint names
    intention as what tells them apart."""
    for n in range(50):
        sale = variant("01_information", f"learner-{n}")
        assert "true-rival" in sale.tactics  # the ultimatum for some (review 72 X4)
        assert "rival-ultimatum" not in sale.disclosures
    sale = as_learner(monkeypatch, learner_where(lambda s: "rival-ultimatum" in s.tactics))
    right = reference.fair_play(sale)
    assert right["rival-ultimatum"] == "bluff" and right["true-rival"] == "legitimate"
    also = own_labels(lambda s: {**right, "rival-ultimatum": "misrepresentation"})
    assert also.earned == 2
    said = parts(own_labels(lambda s: {**right, "rival-ultimatum": "legitimate"}))
    assert said["fair and foul means"][0] == 0
    assert "what you intend to do" in said["fair and foul means"][1]


def test_the_text_says_what_the_other_modules_do_with_an_unmeant_threat():
    """Module 01 said modules 02 and 03 read a threat you would not carry out as a bluff; both
    put it between a bluff and a misrepresentation and accept either label, as module 00 does
    (review 59 C2)."""
    text = cell_words("guard-teaching")
    assert "read it as a bluff" not in text
    # review 86 U1: the side note is cut; question 9 says both labels pass, and why in law
    nine = cell_words("q9-text")
    # review 91 U3: the two-label cases are a list
    assert "Two labels are right for a move that sits on the line between two kinds" in nine
    assert (
        '- a threat or warning you would not carry out: `"bluff"` or `"misrepresentation"`' in nine
    )
    for module, name, words in (
        ("02_batna", "batna", "between a bluff and a misrepresentation"),
        ("03_power", "power", "can be a misrepresentation"),
        ("00_leverage", "leverage", "sits on the line between a"),
    ):
        cells = source_notebook(module, name).cells
        assert any(words in " ".join(c.source.split()) for c in cells), module


def test_a_target_lies_below_the_opening_as_modules_02_and_04_say():
    """Module 01 put the opening 'at or above' the target, allowing the two to be equal; module
    02 puts the target at or above the even split and below the opening, and module 04 says the
    opening always lies beyond the target (review 59 C3)."""
    # review 77 U3: the band is stated once, in question 6's convention 2 (in this sale your
    # reservation price is your cost, section 3); section 5 points to it
    text = cell_words("q6-text")
    # review 88 X1: the band is advice; review 96 U2 (round 97): previews of modules 04 and 02
    # review 97 U1 (round 98): the band is stated once, in the target line of the plan rule
    assert "**Target**: a preview of the band module 02 teaches" in text
    # review 100 X2 (round 101): the line names `sure` first, then the band and its shift
    assert (
        "target: below your opening, never below `sure`; from halfway to three quarters of the way"
        in text
    )
    assert "(Question 6 defines it; its convention 2 gives this course's band)" in cell_words(
        "anchor-teaching"
    )  # review 79 U3
    for grade_id in ("q6-text", "anchor-teaching"):
        text = cell_words(grade_id)
        assert "nine tenths" not in text, grade_id
        assert "at most at it" not in text, grade_id
    assert "opening is at or above it" not in cell_words("q6-text")
    assert "lies at or beyond it" not in cell_words("anchor-teaching")


def test_the_ultimatum_states_no_offer_that_was_not_made():
    """'match the other firm's quote or we sell to them' claimed a competing offer from a firm
    that had only asked for a quote, a misrepresentation, yet was explained as 'the alternative
    is true'. The ultimatum now claims no untrue fact about the other firm: what is untrue in it
    is your own intention."""
    move = next(m for m in reference._TACTICS if m.key == "rival-ultimatum")
    assert "asked us for a quote" in move.text and "really did" in move.text
    assert "match the other firm's quote" not in move.text and "sell to them" not in move.text
    assert move._label == reference.BLUFF and "request is true" in move._why


def test_the_rival_quote_is_news_osprey_did_not_choose_to_show():
    """Section 2 says a quote Osprey shows you acts like a cap, yet the `rival-quote` news
    ('tells you, and shows you') was read by Bayes' rule and had no price to cap with. It now
    comes from the trade press, its price unknown, which the section names as news that reveals."""
    item = next(n for n in reference._NEWS if n.key == "rival-quote")
    assert "shows you" not in item.text and "trade press" in item.text
    assert "price was not published" in item.text and item._direction == "lower"


def test_asking_above_after_a_counter_offer_is_an_opening_not_a_second_chance():
    """Losing the power to commit weakens a seller (Riley and Zeckhauser 1983); the why and the
    hint called a counter-offer 'a second chance'. Review 69 X1: the why now also says that
    it is no reason to open below the model's price."""
    item = next(i for i in reference._SITUATIONS if i.key == "counter-offer")
    assert item._actions == (reference.OPEN,)
    assert "second chance" not in item._why_action
    assert "but it is no reason to open lower: no haggle ends above your" in item._why_action
    assert "set a target below it in the course's band (convention 2" in item._why_action
    assert "Riley" in item._why_action
    assert "second chance" not in check.ACTION_HINT


def test_the_action_hint_names_no_situation_and_no_answer():
    """The hint listed each situation's cue with its action (a second chance or a low reading:
    higher; a lost sale or an unfair price: lower)."""
    for cue in ("second chance", "too low)", "lost sale", "unfair", "(a "):
        assert cue not in check.ACTION_HINT
    assert "anchoring" in check.ACTION_HINT  # defined in the question's own text


def test_the_deposit_offer_shows_no_need_for_cash():
    """'a deposit is worth something to you' hinted at a cash need that section 6 says to keep;
    the deposit is now a standing term for every customer."""
    move = next(m for m in reference._DISCLOSURES if m.key == "deposit")
    assert "every customer" in move.text and move._label == reference.SHARE
    assert "hints that cash matters to you" not in move._why


def test_the_cap_pass_message_shows_news_and_cap_combined(learner):
    """The text says a real seller combines the news and the cap, and no question did; once the
    capped price passes, the check now works the combination on the learner's own case and says
    whether it changes the price."""
    message = price_parts(reference.my_price)["the price under the cap"][1]
    # review 94 U2: a price worked from the check's made-up reading of the news is no number
    # to believe, so the message names none: it says how to see the combination
    # review 100 X1: a rerun with the learner's reading changed no capped price
    assert "To combine both, " in message
    assert "update `after` with your Question 3 reading and pass the result" in message
    assert "the news you read" not in message


def test_a_cash_need_asks_a_surer_price_not_just_a_lower_one(monkeypatch):
    """On the learner's own numbers: a price between two
    reservation prices still possible is lower without being surer, so it is right for a
    buyer who refuses unfair prices and wrong for a seller who fears a lost sale; the hint
    says what is true of it."""

    def fair_just_above_surer(s):
        """Both situations drawn, and a price just above the surer one is fair (it leaves
        the next buyer a quarter to half of the gain; review 76 X1 changed the draw)."""
        after = reference.posterior_after_opening(s)
        surer = reference.surer_prices(after, s.cost)
        if not ({"fair-share", "friday-cash"} <= set(s.situations) and surer):
            return False
        price = max(surer) + 1
        nearest = min(r for r, c in after.items() if c > 0 and r >= price)
        return 0.25 <= (nearest - price) / (nearest - s.cost) <= 0.5

    sale = as_learner(monkeypatch, learner_where(fair_just_above_surer))
    after = reference.posterior_after_opening(sale)
    surer = max(reference.surer_prices(after, sale.cost))
    lower = [max(sale.cost, sale.opening_offer), surer]
    between = surer - 1 if surer - 1 > max(lower[0], min(after)) else (lower[0] + surer) / 2
    alive = [r for r, c in after.items() if c > 0]
    assert between not in alive
    fair = parts(own_limits(limits_with(**{"fair-share": ("accepts-any", surer + 1)})))
    assert fair["what to do"][0] == 1
    scored = parts(own_limits(limits_with(**{"friday-cash": ("risk-neutral", surer + 1)})))
    assert scored["what to do"][0] == 0 and "makes no sale surer" in scored["what to do"][1]


def test_the_situations_do_not_name_the_promise_they_break():
    """Each situation named its broken assumption in the question's own words ('opened low on
    purpose to make you think…', 'a lost sale would be far worse than a smaller margin', 'never
    walks away after a refusal'); now the learner infers it from what happened."""
    giveaways = {
        "staged-opening": ("on purpose", "to make you think", "steer"),
        "counter-offer": ("refusal", "counter-offer", "walks away"),
        "friday-cash": ("average", "margin", "far worse"),
        "fair-share": ("below its reservation price", "any price", "refused a price"),
    }
    for item in reference._SITUATIONS:
        for words in giveaways.get(item.key, ()):
            assert words not in item.text, (item.key, words)


def test_the_lowest_price_of_all_as_the_sure_price_fails_visibly(monkeypatch):
    """For about half the learners the opening rules out only high prices, so 'the lowest
    reservation price of all' passed their own check and failed only at grading. The visible
    check now also tries a case whose opening rules out the lowest price."""

    def only_high_ruled_out(sale):
        after = reference.posterior_after_opening(sale)
        return reference.surest_price(after) == min(sale.reservations)

    as_learner(monkeypatch, learner_where(only_high_ruled_out))
    case = variant("01_information", check.SURE_CASE)
    after = reference.posterior_after_opening(case)
    assert reference.surest_price(after) != min(case.reservations)
    assert not reference.problems(case)

    def lowest_of_all(sale, likelihood):
        beliefs, expected, _ = reference.belief_after_opening(sale, likelihood)
        return beliefs, expected, min(sale.reservations)

    hint = miss(check.belief_after_opening, lowest_of_all)
    assert check.SURE_CASE in hint and "ruled out" in hint


def test_a_sure_price_clamped_to_the_cost_fails_visibly_and_at_grading(monkeypatch):
    """`sure` lies below the cost for about 8% of learners, so `max(cost, sure)` passed for
    the rest. The check also tries ``BELOW_COST_CASE`` (there `sure` is below the cost), for
    every learner, visibly and at grading, with a true hint; the right answer passes."""
    case = variant("01_information", check.BELOW_COST_CASE)
    assert reference.surest_price(reference.posterior_after_opening(case)) < case.cost

    def sure_at_or_above_cost(sale):
        return reference.surest_price(reference.posterior_after_opening(sale)) >= sale.cost

    as_learner(monkeypatch, learner_where(sure_at_or_above_cost))

    def clamped(sale, likelihood):
        beliefs, expected, sure = reference.belief_after_opening(sale, likelihood)
        return beliefs, expected, max(sale.cost, sure)

    for hidden in (False, True):
        hint = miss(check.belief_after_opening, clamped, hidden=hidden)
        assert "that is your cost" in hint and "can lie below your cost" in hint
        assert hidden or check.BELOW_COST_CASE in hint
    assert check.belief_after_opening(solution("belief_after_opening"), hidden=True).earned == 2


def test_question_2s_general_hints_speak_of_the_learners_answer(monkeypatch):
    """A general hint (shown at grading for another learner's case) must be true of the
    answer it judges: "the expected reservation price is not the beliefs' average" denied
    the module's own definition. They now say "your ..."."""
    words = inspect.getsource(check)
    assert 'or "the expected reservation price is not' not in words
    assert 'or "the highest sure price is not' not in words
    assert "your expected reservation price is not the beliefs' average" in words
    assert "your highest sure price is not the most that every buyer you still think" in words


def test_question_2s_hints_do_not_hand_over_the_method(monkeypatch):
    """Review s57 W3: with `sure` at the lowest price of the prior, the hint said "the bottom is
    the lowest price still possible", and the general hint "is not the lowest reservation
    price still possible": the whole method of the part. They now ask the question that
    leads to it (which buyers are still possible, what does each accept)."""
    as_learner(
        monkeypatch,
        learner_where(lambda s: reference.posterior_after_opening(s)[min(s.reservations)] == 0),
    )

    def lowest_of_the_prior(sale, likelihood):
        beliefs, expected, _ = reference.belief_after_opening(sale, likelihood)
        return beliefs, expected, min(sale.reservations)

    for hidden in (False, True):
        hint = miss(check.belief_after_opening, lowest_of_the_prior, hidden=hidden)
        assert "ruled out" in hint and "which buyers you still believe in" in hint, hint
        assert "lowest price still possible" not in hint, hint
        assert "lowest reservation price still possible" not in hint, hint


# Question 5b: holds at the opening


def test_a_hold_read_the_wrong_way_round_is_named(monkeypatch):
    def moves_both_ways(sale):
        after = reference.posterior_after_opening(sale)
        right = reference.holds_before_moving(sale, after)
        wrong = reference.holds_before_moving(sale, after, direction=-1)
        return right is not None and wrong is not None and wrong != right

    as_learner(monkeypatch, learner_where(moves_both_ways))

    def wrong_way(sale, after):
        return reference.holds_before_moving(sale, after, direction=-1)

    hint = miss(check.holds_before_moving, wrong_way)
    assert "the wrong way round" in hint and "lower reservation prices" in hint


def hold_as_moving(sale, after):
    """Question 5b with a hold read as the chance of moving, 1 - 0.2 × offer / r, the
    beliefs carried from hold to hold."""
    beliefs = dict(after)
    best = reference.best_move(beliefs, sale.cost)[0]
    for holds in range(1, reference.MOST_HOLDS + 1):
        chance = {r: 1 - 0.2 * sale.opening_offer / r for r in beliefs}
        beliefs = update_beliefs(beliefs, chance)
        if reference.best_move(beliefs, sale.cost)[0] != best:
            return holds
    return None


def test_a_hold_read_as_the_chance_of_moving_gets_a_hint_true_of_it():
    """A hold read as the chance of moving (which rises with r), the beliefs carried from
    hold to hold, was told "are the beliefs carried from one hold to the next?", false of
    it. Its hint, visible and at grading, now names a chance that grows with r among the
    slips that give its answer and guesses nothing false about carrying beliefs."""
    for n in range(15):
        with learner_as(f"moving-hold-{n}"), pytest.raises(NotYet) as failure:
            check.holds_before_moving(hold_as_moving)
        said, general = str(failure.value), failure.value.general
        assert "likelier from a buyer far from its reservation price" in said, (n, said)
        assert "carried from one hold to the next?" not in said + str(general), n
        assert "larger for a lower r" in str(general), (n, general)


def test_a_count_off_by_one_says_which_way_without_the_count(monkeypatch):
    def moves_after_two(sale):
        after = reference.posterior_after_opening(sale)
        found = reference.holds_before_moving(sale, after)
        return found is not None and 2 <= found <= 9

    sale = as_learner(monkeypatch, learner_where(moves_after_two))
    right = reference.holds_before_moving(sale, reference.posterior_after_opening(sale))

    for given, word in ((right - 1, "too few"), (right + 1, "too many")):
        if given == reference.holds_before_moving(
            sale, reference.posterior_after_opening(sale), direction=-1
        ):
            continue
        hint = miss(check.holds_before_moving, lambda s, a, g=given: g)
        assert word in hint and f" {right} " not in hint


def test_none_and_a_count_are_told_apart(monkeypatch):
    def never(sale):
        return reference.holds_before_moving(sale, reference.posterior_after_opening(sale)) is None

    def ten_move_nothing(sale):  # a price holds could lower (the other kind of None has
        # its own test: test_where_no_price_lies_between_cost_and_price_none_is_explained)
        after = reference.posterior_after_opening(sale)
        return never(sale) and bool(reference.surer_prices(after, sale.cost))

    sale = as_learner(monkeypatch, learner_where(ten_move_nothing))
    after = reference.posterior_after_opening(sale)
    slips = {reference.holds_before_moving(sale, after, direction=d) for d in (-1, 0)}
    guess = next(
        n for n in range(1, reference.MOST_HOLDS + 1) if n not in slips
    )  # no slip gives it
    hint = miss(check.holds_before_moving, lambda s, a: guess)
    assert "leave the model's price where it is" in hint
    monkeypatch.undo()
    as_learner(monkeypatch, learner_where(lambda s: not never(s)))
    hint = miss(check.holds_before_moving, lambda s, a: None)
    assert "does move your price" in hint
    assert "whole number" in miss(check.holds_before_moving, lambda s, a: 2.5)
    check.holds_before_moving(
        lambda s, a: reference.holds_before_moving(s, a), hidden=True
    )  # the reference passes the hidden learners too


def test_where_no_price_lies_between_cost_and_price_none_is_explained(monkeypatch, capsys):
    """Review 70 X5 left Question 5b's answer None for every learner whose opening raised the
    price (a third), and the hint and pass message gave the reason (``FLOOR_HOLDS``). Review
    103 X3: such a learner is now asked about another learner's sale (``holds_case``), where
    a possible price lies between the cost and the model's price, so a count is a real
    question; the hint to a wrong count is the usual "recount"."""

    def floor(sale):
        return not reference.surer_prices(reference.posterior_after_opening(sale), sale.cost)

    sale = as_learner(monkeypatch, learner_where(floor))
    assert reference.meets_good_news(sale.learner)
    case = check.holds_case()
    assert case.learner != sale.learner and not floor(case)
    right = reference.holds_before_moving(case, reference.posterior_after_opening(case))
    wrong = 3 if right != 3 else 2
    # review 106 C2: the hint names the stand-in case as such
    said = miss(check.holds_before_moving, lambda s, a: wrong)
    assert "on the stand-in case (`check.holds_case()`)" in said
    check.holds_before_moving(solution("holds_before_moving"))
    assert "no number of holds moves your price" not in capsys.readouterr().out
    assert not hasattr(check, "FLOOR_HOLDS")


def test_a_hold_likelihood_that_ignores_r_is_pointed_at_its_shape():
    """A hold read with the same chance for every r (0.2) moves no belief, so the count is
    None; the hint says the chance of a hold must depend on r, not only to update again."""

    def flat(sale, after):
        beliefs = dict(after)
        best = reference.best_move(beliefs, sale.cost)[0]
        for holds in range(1, reference.MOST_HOLDS + 1):
            beliefs = update_beliefs(beliefs, {r: 0.2 for r in beliefs})
            if reference.best_move(beliefs, sale.cost)[0] != best:
                return holds
        return None

    for n in range(100):
        with learner_as(f"flat-hold-{n}"):
            hint = miss(check.holds_before_moving, flat)
        assert "must depend on r" in hint and "0.2 × last offer / r" in hint, (n, hint)


def test_none_and_one_hold_at_a_time_fail_visibly_where_ten_holds_move_nothing(monkeypatch):
    """For the learners whose ten holds move nothing (33 of 200; since review 70 X5, 91 of
    200: 21 of the 130 whose opening does not raise the price and all 70 whose opening does),
    the right count is None, so `return None`, or an update that starts again from the
    opening's beliefs at every hold (it finds 1 or None), passed the visible check. The check
    now tries the worked case HOLDS_CASE after the learner's own, where four holds move the
    price: both fail there, for every such learner, and the reference still passes."""
    nothing = 0
    for n in range(200):
        # review 103 X3: the learner's Question 5b case (its own sale, or a stand-in)
        sale = reference.holds_case(variant("01_information", f"learner-{n}"))
        if reference.holds_before_moving(sale, reference.posterior_after_opening(sale)):
            continue
        nothing += 1
        as_learner(monkeypatch, f"learner-{n}")
        for wrong in (
            lambda s, a: None,
            lambda s, a: reference.holds_before_moving(s, a, most=1),
        ):
            assert check.HOLDS_CASE in miss(check.holds_before_moving, wrong), sale.learner
        check.holds_before_moving(solution("holds_before_moving"))
    assert 45 < nothing < 90, nothing  # review 103 X3: no longer every rising learner
    from tests.notebooks import source_notebook

    (text,) = [
        cell.source
        for cell in source_notebook("01_information", "information").cells
        if cell.metadata["nbgrader"]["grade_id"] == "q5b-text"
    ]
    # review 99 U1 (round 100): the text says the check tries four worked cases, unnamed
    assert "The check tries your case and four" in text
    assert f"`{check.HOLDS_CASE}`" not in text


@pytest.mark.parametrize("n", range(0, 200, 4))
def test_the_holds_pass_message_is_true_of_the_learners_own_case(monkeypatch, capsys, n):
    """The pass message said "a few holds can move your price down, one alone rarely does" to
    every learner, though ten holds move nothing for 16.5% of them and one hold moves the price
    for 3%. It now says what the learner's own case gives: where no possible price lies
    between the cost and the model's price (review 70 X5), why no hold can move it."""
    as_learner(monkeypatch, f"learner-{n}")
    sale = check.holds_case()  # review 103 X3: the learner's Question 5b case
    after = reference.posterior_after_opening(sale)
    right = reference.holds_before_moving(sale, after)
    check.holds_before_moving(solution("holds_before_moving"))
    shown = capsys.readouterr().out
    assert "one alone rarely does" not in shown
    assert reference.surer_prices(after, sale.cost)
    if right is None:
        assert "even 5 holds leave your price where it is" in shown
    elif right == 1:
        assert "a single hold moves your price down" in shown
    else:
        assert f"it takes {right} holds in a row" in shown


def test_the_code_numbers_the_holds_question_as_the_notebook_does():
    """Docstrings called Question 5b "Question 4b"."""
    import inspect

    for module in (check, guarded):
        source = inspect.getsource(module)
        # review 88 X2: Question 4b now exists, about Wren
        for at in (i for i in range(len(source)) if source.startswith("Question 4b", i)):
            assert "Wren" in source[at - 300 : at + 300] or "wren" in source[at - 300 : at + 300]


# Question 5's price after the news, and how much the news must weigh (review 72 X3)


def test_the_price_after_the_news_is_a_mark_of_its_own_and_the_threshold_is_feedback(
    monkeypatch,
):
    """Review 72 X3: Question 5c asked for the smallest factor that moves the price, a
    threshold its own text called "not a decision", for a mark. It is gone; its mark is
    Question 5's price after the news (a decision on the learner's reading), and Question
    5's check prints the threshold both ways (the way the news points is Question 3's
    answer), as feedback worth nothing."""
    sale = as_learner(monkeypatch, learner_where(lambda s: True))
    scored = price_parts(reference.my_price)
    assert set(scored) == {
        "the price before the opening",
        "the price after the opening",
        "the price after the news",
        "the price under the cap",
    }
    assert all(earned == 1 for earned, _ in scored.values())
    shown = " ".join(scored["the price after the news"][1].split())
    after = reference.posterior_after_opening(sale)
    for way in ("higher", "lower"):
        factor = reference.news_threshold(after, sale.cost, way, step=0.01)  # review 98 M1
        # review 100 U3: "at least ... times as likely", not "from a factor of"
        said = "where it is even at 10" if factor is None else f"at least {factor:g} times"
        assert f"news pointing '{way}' " in shown
        assert said in shown and "from no factor" not in shown  # review 75 U2

    def ignores_news(sale, after, reading):
        before, now, _, capped = reference.my_price(sale, after, reading)
        return before, now, now, capped

    scored = price_parts(ignores_news)
    assert scored["the price after the news"][0] == 0
    assert sum(earned for earned, _ in scored.values()) == 3
    assert not hasattr(check, "news_weight")
    cells = source_notebook("01_information", "information").cells
    words = " ".join(cell.source for cell in cells)
    assert "news_weight" not in words and "Question 5c" not in words
    assert "### Question 5 (4 marks)" in words and "eleven coded questions" in words


def test_the_learners_objects_carry_no_answers(monkeypatch):
    """`sale.news_items` carried each item's `direction` (Question 3's answer) and `sale.moves`
    each move's `label` and `why` (Question 9's): one line read them off for every learner. They
    now carry key and text only."""
    sale = as_learner(monkeypatch, learner_where(lambda s: True))
    for item in (*sale.news_items, *sale.moves):
        assert not hasattr(item, "direction") and not hasattr(item, "label")
        assert not hasattr(item, "why") and not hasattr(item, "question")
    assert [m.key for m in sale.moves] == [m.key for m in reference.moves_of(sale)]
    assert [m.text for m in sale.moves] == [m.text for m in reference.moves_of(sale)]
    with pytest.raises(AttributeError):
        {m.key: m._label for m in sale.moves}
    with pytest.raises(AttributeError):
        {i.key: i._direction for i in sale.news_items}


def test_the_staged_cases_the_text_names_load_the_way_it_says():
    """The text named `cut-case` and `tilt-case` beside worked cases loaded with
    `course.variant`, but that loads an unrelated learner (there the opening lowers the price
    from 60,000 to 54,000); the two are worked-case-1 with other numbers (review 59 C1). The
    text now loads them with `check.staged_cases()`, and what that gives is what it says.
    (Since review 73 U3 only Question 6 names them: Question 5 sent the learner to the
    `tilt-case` before Question 6 or a staged opening was introduced.)"""
    q5, q6 = cell_words("q5-text"), cell_words("q6-text")
    assert "tilt-case" not in q5
    # review 88 U1: the text names the four, `check.staged_cases()` is no longer mentioned;
    # review 93 U1: only the check's feedback names them now (the practice case stays)
    # review 96 U1 (round 97): one sentence names them again, with `check.staged_cases()`,
    # since a learner first met them in a failure
    assert "`worked-case-0`" in q6 and "`cut-case`" in q6 and "`tilt-case`" in q6
    assert "(`check.staged_cases()`)" in q6
    cases = check.staged_cases()
    assert set(cases) == {"worked-case-0", "worked-case-1", "cut-case", "tilt-case"}
    tilt = cases["tilt-case"]
    prices = [
        reference.best_move(beliefs, tilt.cost)[0]
        for beliefs in (tilt.prior_beliefs(), reference.posterior_after_opening(tilt))
    ]
    assert prices == [49_000, 56_000]  # the opening raises its price
    for name in ("cut-case", "tilt-case"):
        assert cases[name].situations == ("staged-opening",)
        assert cases[name].reservations == variant("01_information", "worked-case-1").reservations


def test_a_pretext_call_may_be_labelled_illegitimate_or_misrepresentation(monkeypatch):
    """Module 00 accepts either label for a lie told to get information, and says module 01
    agrees; module 01 marked "misrepresentation" wrong."""
    sale = as_learner(monkeypatch, learner_where(lambda s: "pretext-call" in s.tactics))
    right = reference.fair_play(sale)
    for label in ("illegitimate", "misrepresentation"):
        shown = parts(own_labels(lambda s, label=label: {**right, "pretext-call": label}))
        assert shown["fair and foul means"][0] == 1
    wrong = parts(own_labels(lambda s: {**right, "pretext-call": "bluff"}))
    assert wrong["fair and foul means"][0] == 0


def test_the_ultimatums_friday_is_said_to_be_made_up():
    """The ultimatum's Friday release of the build slot was never said to be real or invented,
    while `final-deadline` (share) gives the slot's real end. The ultimatum says its Friday is a
    date picked to press Osprey and that the slot is really held until the end of the month, as
    `final-deadline` says."""
    (move,) = [m for m in reference._TACTICS if m.key == "rival-ultimatum"]
    assert "the Friday is a date you picked to press Osprey" in move.text
    assert "until the end of the month" in move.text and move._label == reference.BLUFF


@pytest.mark.parametrize("hidden", [False, True])
def test_an_evpi_that_sells_to_every_buyer_fails_for_every_learner(learner, hidden):
    """An EVPI without max(r - cost, 0) (knowing r, sell anyway) is right wherever no possible
    buyer is below your cost, so it passed the visible check for 256 of 300 learners and grading
    for about 39%. The check now also tries a worked case whose buyer may be below cost, and the
    hint names the slip."""

    def sells_to_all(sale, after):
        def evpi(beliefs):
            sold = sum(p * (v - sale.cost) for v, p in beliefs.items())
            return sold - reference.best_move(beliefs, sale.cost)[1]

        _, _, worth, buy = reference.report_decision(sale, after)
        return evpi(sale.prior_beliefs()), evpi(after), worth, buy

    got = report_parts(sells_to_all, hidden=hidden)
    assert got["perfect information before and after"][0] == 0
    assert "max(r - cost, 0)" in got["perfect information before and after"][1]
    assert got["the report's worth"][0] == 1 and got["the decision"][0] == 1


def test_a_fair_price_leaves_the_buyer_a_quarter_of_the_gain(monkeypatch):
    """Question 6's `fair-share`: the buyer walks out when the seller keeps nearly all the
    gain, yet the model's price minus one euro passed (it leaves the buyer at the model's
    price one euro) and so did the old reference answer, a surer price, which leaves the
    buyer there nothing. A fair price leaves the buyer at the nearest possible reservation
    price at or above it a quarter of the gain (review 66 X3: a fifth, which section 3 cites as
    refused about half the time, passed); the hint says what a thin price does without
    naming the situation. Swept over 100 learners; the reference's fair price exists for
    2,000 of 2,000 (tests/test_variants_sweep_information.py)."""
    graded = 0
    for n in range(100):
        sale = as_learner(monkeypatch, f"learner-{n}")
        after = reference.posterior_after_opening(sale)
        model = model_price(sale, after)
        fair = reference.model_limits(sale, after)["fair-share"][1]
        assert reference.fits(reference.FAIR, fair, sale, after)
        assert all(abs(fair - r) >= 1 for r, c in after.items() if c > 0)
        fair_share = next(i for i in reference._SITUATIONS if i.key == "fair-share")
        assert not reference.situation_fits(fair_share, model - 1, sale, after)
        # a learner whose opening raised the price has no surer price (review 70 X5).
        # Review 108 X1 (round 109): a surer price leaves every buyer at least as much as a
        # passing fair price just above it (the buyer at it could not buy at that one
        # either), so it passes wherever it leaves a buyer at the model's price a fifth
        for surer in reference.surer_prices(after, sale.cost)[-1:]:
            fifth = model - surer >= reference.FAIR_FLOOR * (model - sale.cost) - 0.005
            above = surer > max(sale.cost, sale.opening_offer) + 0.005
            assert reference.situation_fits(fair_share, surer, sale, after) == (fifth and above)
        if graded < 5 and "fair-share" in sale.situations:
            graded += 1
            said = parts(own_limits(limits_with(**{"fair-share": ("accepts-any", model - 1)})))
            earned, message = said["what to do"]
            assert earned == 0 and "less than a fifth of the gain" in message  # review 89 X2
            # review 88 X1: a price leaving the buyer a fifth of the gain passes again
            nearest = min(r for r, c in after.items() if c > 0 and r >= fair)
            fifth = nearest - (nearest - sale.cost) / 5
            if fifth > max(sale.cost, sale.opening_offer) + 1:
                said = parts(own_limits(limits_with(**{"fair-share": ("accepts-any", fifth)})))
                assert said["what to do"][0] == 1
            assert "`fair-share`" not in message
            assert own_limits(limits_with()).earned == 2
    assert graded == 5


def test_a_staged_opening_copied_from_the_models_price_fails_on_the_worked_case(monkeypatch):
    """For about 57% of learners the re-priced staged opening equals the model's price, so
    copying the model's price passed with no re-pricing. The check now also tries the first
    worked case of ``STAGED_CASES``, where the two differ; the right answer still earns both
    marks."""
    first = check.STAGED_CASES[0]
    worked = variant("01_information", first)
    worked_after = reference.posterior_after_opening(worked)
    assert reference.staged_price(worked) > model_price(worked, worked_after) + 1

    def same(sale):
        after = reference.posterior_after_opening(sale)
        return abs(reference.staged_price(sale) - model_price(sale, after)) < 0.005

    as_learner(monkeypatch, learner_where(same))
    copied = limits_with(**{"staged-opening": lambda s, a: ("honest-opening", model_price(s, a))})
    earned, message = parts(own_limits(copied))["what to do"]
    assert earned == 0 and first in message and "`staged-opening`" not in message
    assert own_limits(limits_with()).earned == 2


def next_price_up(sale, after):
    model = model_price(sale, after)
    return min(r for r in sale.reservations if r > model + 0.005)


def test_a_staged_opening_one_step_up_fails_on_the_worked_case(monkeypatch):
    """Where the re-priced staged opening is above the model's price (about 43% of learners) it
    is always the next reservation price up, on the first worked case too, so 'the next price
    up' earned the price mark with no re-pricing. The second worked case of ``STAGED_CASES``
    re-prices to the model's own price, so that short cut fails there, and no single short cut
    passes both worked cases."""
    first, second = (variant("01_information", case) for case in check.STAGED_CASES)
    first_after, second_after = (reference.posterior_after_opening(s) for s in (first, second))
    assert abs(reference.staged_price(first) - next_price_up(first, first_after)) < 0.005
    assert abs(reference.staged_price(second) - model_price(second, second_after)) < 0.005
    assert next_price_up(second, second_after) > model_price(second, second_after) + 1

    def above(sale):
        after = reference.posterior_after_opening(sale)
        return reference.staged_price(sale) > model_price(sale, after) + 0.005

    as_learner(monkeypatch, learner_where(above))
    one_up = limits_with(**{"staged-opening": lambda s, a: ("honest-opening", next_price_up(s, a))})
    earned, message = parts(own_limits(one_up))["what to do"]
    assert earned == 0 and check.STAGED_CASES[1] in message
    assert "`staged-opening`" not in message
    assert own_limits(limits_with()).earned == 2


def prior_best(sale, after):
    return reference.best_move(sale.prior_beliefs(), sale.cost)[0]


def test_a_staged_opening_priced_on_the_prior_alone_fails_on_the_cut_case(monkeypatch):
    """On every drawn case the cut a shaded opening still proves leaves the prior's best
    price in place, so "the opening tells me nothing" (Question 5's `before`) gave the
    re-priced price for every learner. ``CUT_CASE`` rules that price out: the short cut
    fails there, visibly and at grading, naming the case, and the right answer still
    earns both marks on both."""
    cut = check.staged_cases()[check.CUT_CASE]
    cut_after = reference.posterior_after_opening(cut)
    assert reference.staged_price(cut) != prior_best(cut, cut_after)
    assert cut.situations == ("staged-opening",)
    as_learner(monkeypatch, "learner-3")
    ignored = limits_with(**{"staged-opening": lambda s, a: ("honest-opening", prior_best(s, a))})
    earned, message = parts(own_limits(ignored))["what to do"]
    assert earned == 0 and check.CUT_CASE in message and "`staged-opening`" not in message
    earned, message = parts(check.model_limits(ignored))["practice: what to do"]
    assert earned == 0 and check.CUT_CASE in message
    assert own_limits(limits_with()).earned == 2
    assert check.model_limits(limits_with()).earned == 2


def test_a_staged_opening_priced_as_the_higher_of_before_and_now_fails_on_the_tilt_case(
    monkeypatch,
):
    """ "The higher of Question 5's `before` and `now`" gives the re-priced `staged-opening`
    price on every drawn case and on the other worked cases, so it passed for every
    learner. On ``TILT_CASE`` it gives 56,000 where re-pricing gives 63,000: it now fails,
    on the visible practice mark and at grading, naming the case; the right answer earns
    both marks on both."""

    def higher(sale, after):
        return ("honest-opening", max(prior_best(sale, after), model_price(sale, after)))

    as_learner(monkeypatch, "learner-3")
    shortcut = limits_with(**{"staged-opening": higher})
    earned, message = parts(own_limits(shortcut))["what to do"]
    assert earned == 0 and check.TILT_CASE in message and "`staged-opening`" not in message
    earned, message = parts(check.model_limits(shortcut))["practice: what to do"]
    assert earned == 0 and check.TILT_CASE in message
    assert own_limits(limits_with()).earned == 2
    assert check.model_limits(limits_with()).earned == 2


def test_the_tilt_case_is_what_question_6s_text_says():
    """The text gives the fourth case's numbers, its re-priced price, `before` and `now`,
    and says it has no safer price."""
    tilt = check.staged_cases()[check.TILT_CASE]
    base = variant("01_information", check.CUT_BASE)
    assert (tilt.reservations, tilt.opening_high) == (base.reservations, base.opening_high)
    assert tilt.prior == (0.36, 0.30, 0.09, 0.25)
    assert tilt.cost == 38_000 and tilt.opening_offer == 44_500
    assert tilt.situations == ("staged-opening",)
    after = reference.posterior_after_opening(tilt)
    assert reference.staged_price(tilt) == 63_000
    assert reference.best_move(tilt.prior_beliefs(), tilt.cost)[0] == 49_000
    assert model_price(tilt, after) == 56_000
    assert not reference.surer_prices(after, tilt.cost)


def test_the_cut_case_is_what_question_6s_text_says():
    """The text gives the third case's numbers and what its opening proves."""
    cut = check.staged_cases()[check.CUT_CASE]
    base = variant("01_information", check.CUT_BASE)
    assert (cut.reservations, cut.opening_high) == (base.reservations, base.opening_high)
    assert cut.prior == (0.4, 0.3, 0.2, 0.1) and cut.cost == 34_000 and cut.opening_offer == 45_000
    assert round(cut.opening_offer / cut.opening_high, -1) == 52_940
    assert reference.best_move(cut.prior_beliefs(), cut.cost)[0] == 49_000
    assert cut.opening_offer / cut.opening_high > 49_000
    assert not reference.surer_prices(reference.posterior_after_opening(cut), cut.cost)


def test_question_5_s_reading_says_nothing_of_question_3(monkeypatch):
    """Question 5's check passed every case a reading that pointed the way its news points
    (Question 3's answer, judged only at grading) and printed it in a failing hint, so a
    ``my_price`` that kept its third argument learned every direction: its own, and through
    the worked cases most of the table of news. It now passes ``reference.given_reading``,
    drawn from the learner id and the keys alone, and never prints it. Over 60 learners'
    checks (and the worked cases), the piece of news that points a way is read its own way
    for 30% to 70% of them (a first version that kept only readings moving the price did so
    for 82% of 300 learners), news that points nowhere is read up or down, and no hint shows
    a reading."""
    seen = {}

    def keeping(sale, after, reading):
        seen[sale.learner] = (sale, reading)
        before, now, _, capped = reference.my_price(sale, after, reading)
        return before, now, -1.0, capped

    agree = total = flat = 0
    for n in range(60):
        as_learner(monkeypatch, f"learner-{n}")
        earned, message = price_parts(keeping)["the price after the news"]
        assert earned == 0 and "read as `" not in message and "lowest price first" not in message
    for sale, reading in seen.values():
        for item in reference.news_of(sale):
            likelihood = reading[item.key]
            ranked = [likelihood[v] for v in sorted(likelihood)]
            flat += ranked[0] == ranked[-1]
            if item._direction != "neither":
                total += 1
                agree += (ranked[-1] > ranked[0]) == (item._direction == "higher")
    assert flat == 0, flat
    assert 0.3 * total < agree < 0.7 * total, (agree, total)


def test_reading_the_news_on_the_prior_fails_visibly_for_every_learner(monkeypatch):
    """Reading the news on the prior instead of on ``after`` gave the right price after the news
    for most learners (256 of 300), and in all three worked cases, so the visible check gave it
    full marks for about 5 learners in 6 and grading for 2 in 5. A fourth worked case, whose
    opening rules out the top price and whose news points up, tells the two apart, visibly, for
    every learner."""

    def news_on_the_prior(sale, after, reading):
        before, now, _, capped = reference.my_price(sale, after, reading)
        on_prior = reference.beliefs_after_news(sale.prior_beliefs(), reading)
        return before, now, reference.best_move(on_prior, sale.cost)[0], capped

    for n in range(30):
        as_learner(monkeypatch, f"learner-{n}")
        earned, message = price_parts(news_on_the_prior)["the price after the news"]
        assert earned == 0 and "reads the news on your prior" in message, (n, message)


def test_naming_the_most_likely_price_as_sure_fails_visibly_for_every_learner(monkeypatch):
    """The visible check of Question 2 took the posterior's most likely price as `sure` for
    about half the learners (where it is the lowest price still possible), and its worked case
    could not tell; the worked case now can."""

    def mode_as_sure(sale, likelihood):
        beliefs, expected, _ = reference.belief_after_opening(sale, likelihood)
        return beliefs, expected, max(beliefs, key=beliefs.get)

    for n in range(20):
        as_learner(monkeypatch, f"learner-{n}")
        miss(check.belief_after_opening, mode_as_sure)


# Questions 6 and 9: practise with feedback, apply for marks


#: Question 6's own situations where no assumption fails.
NONE_KEYS = ("one-price", "first-number")


def test_own_situations_are_judged_only_at_grading_and_practice_ones_item_by_item(learner):
    """A dict of labels judged on the learner's own case, even by a count, can be
    completed by re-running. The visible check judges the practice situations of the text
    (naming a wrong one) and, on the learner's own, only the form, saying so; the hidden
    check marks the learner's own."""
    own = variant("01_information")
    key = own.situations[1]
    wrong_own = limits_with(
        **{key: lambda s, a: ("none" if key not in NONE_KEYS else "final-offer", 1)}
    )
    shown = parts(check.model_limits(wrong_own))
    # review 91 X2: the note on the own situations is on a line of its own, of no marks
    assert "marked when the notebook is graded" in shown[check.OWN_SITUATIONS_FORM][1]
    for name, (earned, message) in shown.items():
        assert earned == (0 if name == check.OWN_SITUATIONS_FORM else 1)
        # review s62 X2: the own prices' consequences follow, each named by its key, with no
        # verdict; nothing before them names an own situation
        verdicts = message.split("What your own prices do, right or not")[0]
        assert f"`{key}`" not in verdicts and "you found which promise" not in message
        assert "not right" not in message
    assert own_limits(wrong_own).earned == 0
    wrong_practice = limits_with(**{"practice-lease": lambda s, a: ("none", model_price(s, a))})
    shown = parts(check.model_limits(wrong_practice))
    assert shown["practice: which assumption fails"][0] == 0
    assert "`practice-lease` is not 'none'" in shown["practice: which assumption fails"][1]
    assert shown["practice: what to do"][0] == 0
    assert own_limits(wrong_practice).earned == 2


def test_own_labels_are_judged_only_at_grading_and_practice_ones_item_by_item(learner):
    """Question 9 as Question 6: the visible check names a wrong practice label with what
    tells the two apart, and on the learner's own lists checks only the form."""
    sale = variant("01_information")
    right = {
        **reference.fair_play(sale),
        **reference.fair_play(check.practice_case()),
    }
    flipped = {
        **right,
        sale.tactics[0]: "bluff" if right[sale.tactics[0]] != "bluff" else "legitimate",
    }
    shown = parts(check.fair_play(lambda s: flipped))
    # review 91 X2: the note on the own lists is on a line of its own, of no marks
    assert "marked when the notebook is graded" in shown.pop(check.OWN_LISTS_FORM)[1]
    for earned, message in shown.values():
        assert earned == 1
        assert f"`{sale.tactics[0]}`" not in message
    assert own_labels(lambda s: flipped).earned == 1
    slip = {**right, "practice-payment-terms": "misrepresentation"}
    shown = parts(check.fair_play(lambda s: slip))
    earned, message = shown["practice: fair and foul means"]
    assert earned == 0 and "`practice-payment-terms` is not 'misrepresentation'" in message
    assert "your own reservation price" in message
    assert shown["practice: what to tell Osprey"][0] == 1
    assert own_labels(lambda s: slip).earned == 2


def test_no_practice_item_is_one_a_learner_is_graded_on():
    graded = {i.key for i in reference._SITUATIONS} | {
        m.key for m in (*reference._DISCLOSURES, *reference._TACTICS)
    }
    practice = check.practice_case()
    assert not graded & {*practice.situations, *practice.disclosures, *practice.tactics}
    assert {i._assumption for i in reference.situations_of(practice)} == set(
        reference.ASSUMPTIONS
    ) - {"honest-opening"}
    assert {m._label for m in reference.moves_of(practice)} == {
        "share",
        "keep",
        "legitimate",
        "bluff",
        "misrepresentation",
        "illegitimate",
    }


def test_a_count_where_ten_holds_move_nothing_fails_visibly_for_every_learner():
    """Five learners in six have a count on their own case, so a function that names a
    count (say 10) where ten holds move nothing passed the visible check, and grading caught
    it only when a hidden learner was a None case. The check now tries NO_MOVE_CASE, where
    the answer is None, visible and hidden; the text names it. Where the learner's own case
    has no possible price between the cost and the model's price (review 70 X5), the hint
    says so instead."""
    assert (
        reference.holds_before_moving(
            variant("01_information", check.NO_MOVE_CASE),
            reference.posterior_after_opening(variant("01_information", check.NO_MOVE_CASE)),
        )
        is None
    )

    def never_none(sale, after):  # a count where the answer is None, one no slip gives
        slips = {reference.holds_before_moving(sale, after, direction=d) for d in (-1, 0)}
        return reference.holds_before_moving(sale, after) or next(
            n for n in range(reference.MOST_HOLDS, 0, -1) if n not in slips
        )

    for n in range(100):
        with learner_as(f"never-none-{n}"):
            hint = miss(check.holds_before_moving, never_none)
            words = "holds in a row leave the model's price where it is"
            assert words in hint, (n, hint)  # review 103 X3: no case without a lower price
            hint = miss(check.holds_before_moving, never_none, hidden=True)
            assert "it names a count where" in hint, (n, hint)
            check.holds_before_moving(solution("holds_before_moving"))
            check.holds_before_moving(solution("holds_before_moving"), hidden=True)
    # review 99 U1 (round 100): the text no longer lists each worked case with its answer;
    # it says the check tries four, and the count above (None) is the case's
    text = cell_words("q5b-text")
    assert "The check tries your case and four worked cases" in text  # review 103 X3
    assert f"`{check.NO_MOVE_CASE}`" not in text


def test_a_count_that_stops_at_four_holds_or_runs_to_six_fails_visibly():
    """Question 5b asks about up to five holds (ten until review 75 C3), and only a few
    learners need exactly five, so a loop over four holds (or one over six) passed the check
    for nearly every learner. Two worked cases, visible and hidden, need exactly five holds
    and a sixth; the text names both."""

    def count(sale, after, most):
        beliefs, now = dict(after), reference.best_move(after, sale.cost)[0]
        for holds in range(1, most + 1):
            beliefs = reference.bayes_update(
                beliefs, reference.hold_likelihood(beliefs, sale.opening_offer)
            )
            if reference.best_move(beliefs, sale.cost)[0] != now:
                return holds
        return None

    for case, right, most in ((check.LAST_HOLD_CASE, 5, 4), (check.PAST_LAST_HOLD_CASE, None, 6)):
        sale = variant("01_information", case)
        after = reference.posterior_after_opening(sale)
        assert reference.holds_before_moving(sale, after) == right == count(sale, after, 5)
        assert count(sale, after, most) != right
    for n in range(30):
        with learner_as(f"nine-holds-{n}"):
            for most in (4, 6):

                def short(sale, after, most=most):
                    return count(sale, after, most)

                hint = miss(check.holds_before_moving, short)
                said = "a count that stops before the 5th hold" if most == 4 else "got 6"
                assert said in hint, (n, most, hint)
                miss(check.holds_before_moving, short, hidden=True)
            check.holds_before_moving(lambda sale, after: count(sale, after, 5))
            check.holds_before_moving(lambda sale, after: count(sale, after, 5), hidden=True)
    # review 99 U1 (round 100): the text no longer lists each worked case with its answer;
    # it says the check tries four, and the counts above (5 and None) are the cases'
    text = cell_words("q5b-text")
    assert "The check tries your case and four worked cases" in text  # review 103 X3
    assert f"`{check.LAST_HOLD_CASE}`" not in text and f"`{check.PAST_LAST_HOLD_CASE}`" not in text


def test_the_visible_check_tries_a_buyer_who_never_reaches_the_cost():
    """About half the learners' own Wren deal pays; the visible check also tries a buyer
    who never reaches the cost (a quarter of the gap a round), and the text names it."""
    (no_deal,) = [c for c in check.CONCESSION_CASES[:2] if reference.price_to_name(*c) is None]
    assert no_deal[:2] == ((20_000.0, 24_000.0, 27_000.0), 37_000.0)
    assert "20,000, 24,000 and 27,000" in cell_words("q4-text")


def test_capping_the_prior_instead_of_after_fails_visibly_for_every_learner(monkeypatch):
    """Capping the prior, not the beliefs after the opening, gave the right price under the
    cap for about 93% of learners, and none of the four worked cases told the two apart. A
    fifth worked case does, visible and hidden, and the hint names the slip."""

    def capping_the_prior(sale, after):
        return reference.best_move(
            reference.capped_beliefs(sale.prior_beliefs(), sale.rival_cap), sale.cost
        )[0]

    for n in range(60):
        as_learner(monkeypatch, f"capped-prior-{n}")
        for hidden in (False, True):
            earned, message = price_parts(with_capped(capping_the_prior), hidden)[
                "the price under the cap"
            ]
            assert earned == 0 and "caps your prior" in message, (n, message)


def cell_words(grade_id):
    """The words of one text cell of the source notebook, spaces and line ends as one."""
    from tests.notebooks import source_notebook

    (text,) = [
        cell.source
        for cell in source_notebook("01_information", "information").cells
        if cell.metadata["nbgrader"]["grade_id"] == grade_id
    ]
    return " ".join(text.split())


def test_the_holds_count_the_text_gives_for_the_worked_case_is_the_reference_count():
    """Question 5b's text names how many holds move the price on the worked case the check
    tries after the learner's own; every learner reads it, so it is computed here."""
    sale = variant("01_information", check.HOLDS_CASE)
    count = reference.holds_before_moving(sale, reference.posterior_after_opening(sale))
    words = ["one", "two", "three", "four", "five"]
    from tests.notebooks import source_notebook

    (text,) = [
        cell.source
        for cell in source_notebook("01_information", "information").cells
        if cell.metadata["nbgrader"]["grade_id"] == "q5b-text"
    ]
    text = " ".join(line.removeprefix("#").strip() for line in text.splitlines())
    # review 99 U1 (round 100): the text no longer gives the count; it says the check tries
    # four worked cases, and the case's count (four) is pinned here instead
    assert "The check tries your case and four worked cases" in text  # review 103 X3
    assert words[count - 1] == "four"


def test_holds_each_read_from_the_opening_are_told_to_carry_the_beliefs(monkeypatch):
    """A function that reads every hold from the beliefs after the opening (it finds 1 or
    None) is told that each hold must be read from the beliefs after the last one, wherever
    several holds move the price; the likelihood it uses already depends on r."""
    seen = 0
    for n in range(0, 120, 3):
        as_learner(monkeypatch, f"learner-{n}")
        hint = miss(
            check.holds_before_moving, lambda s, a: reference.holds_before_moving(s, a, most=1)
        )
        assert "beliefs after the last hold" in hint and "from `after` again" in hint, hint
        seen += 1
    assert seen == 40


def test_the_between_note_names_fairness_as_the_reason_for_such_a_price():
    """The note on a price between two reservation prices still possible said only that it
    makes no sale surer, though every right fair price sits there; it now says fairness is
    the reason to name one, so it does not steer a learner away from a right fair price."""
    fired = 0
    cases = ["worked-case-13", "worked-case-0", *(f"learner-{n}" for n in range(60))]
    for learner in cases:
        sale = variant("01_information", learner)
        after = reference.posterior_after_opening(sale)
        fair = reference.model_limits(sale, after)["fair-share"][1]
        notes = check._price_notes([fair], sale, after)
        if "makes no sale surer" in notes:
            fired += 1
            assert "fairness" in notes and "the one reason to name such a price" in notes
    assert fired > 30, fired


#: For each graded question, answers that only call the function the course uses to know its
#: right answer (directly, or through a model that computes it).
KEY_ANSWERS = {
    "belief_after_opening": [
        guarded.belief_after_opening,
        lambda s, likelihood: (
            guarded.posterior_after_opening(s),
            guarded.expected_limit(s),
            guarded.surest_price(guarded.posterior_after_opening(s)),
        ),
        lambda s, likelihood: (
            beliefs := posterior_after_offers(s.prior_beliefs(), [s.opening_offer], band(s))[0],
            expected_reservation(beliefs),
            min(r for r, chance in beliefs.items() if chance > 0),
        ),
    ],
    "news_likelihood": [
        guarded.news_likelihood,
        lambda s, key: guarded.course_reading(s)[key],
    ],
    "reservation_from_concessions": [
        guarded.reservation_from_concessions,
        lambda offers: (
            1 - (offers[2] - offers[1]) / (offers[1] - offers[0]),
            guarded.reservation_from_offers(offers),
        ),
    ],
    "wren_price": [  # review 88 X2
        lambda s, reservation: guarded.price_to_name(s.wren_offers, s.wren_cost, reservation)
    ],
    "my_price": [guarded.my_price],
    "holds_before_moving": [guarded.holds_before_moving],
    "information_pays": [guarded.information_pays],
    "report_decision": [guarded.report_decision],
    "model_limits": [guarded.model_limits],
    "fair_play": [
        guarded.fair_play,
        lambda s: {move.key: move._label for move in guarded.moves_of(s)},
    ],
}


def band(sale):
    return (sale.opening_low, sale.opening_high)


def test_every_graded_question_has_answers_that_call_its_key():
    assert set(KEY_ANSWERS) == set(QUESTIONS)


@pytest.mark.parametrize("question", sorted(KEY_ANSWERS))
@pytest.mark.parametrize("hidden", [False, True])
def test_an_answer_that_calls_the_answer_key_earns_nothing(learner, question, hidden):
    """A graded answer that only calls the function the check uses to know the right answer
    would be right on every case grading tries though the learner decided nothing: it is
    refused, visibly and in the hidden check, and the key still answers outside a check."""
    for answer in KEY_ANSWERS[question]:
        if question in SCORED:
            credit = run(question, answer, hidden)
            assert credit.earned == 0, (question, parts(credit))
            said = " ".join(message for _, message in parts(credit).values())
        else:
            said = miss(getattr(check, question), answer, hidden)
        assert "the course's own answer" in said, (question, said)
    sale = variant("01_information")
    assert guarded.opening_likelihood(sale) == reference.opening_likelihood(sale)


def test_the_learners_scenario_still_shows_its_news_moves_and_situations_in_a_check(learner):
    """The scenario's own fields (the news and moves to judge, the story) read the course's
    lists without calling a key, so an answer that reads them is not refused."""

    def reads_the_scenario(sale):
        assert sale.story() and sale.news_items
        return {move.key: "share" for move in sale.moves}

    shown = parts(check.fair_play(reads_the_scenario))
    assert not any("the course's own answer" in message for _, message in shown.values())


#: The course modules of this module a learner's kernel can import.
COURSE_MODULES = (
    "course.scenarios.information",
    "course.checks.information",
    "course.models.information",
    "course.widgets.information",
    "course.pictures_information",
)


def _graded_choices(sale):
    """A drawn learner's graded choices, by the key of the item they answer: the way each
    piece of news points, each situation's broken assumption and right actions, each move's
    right labels. Everything a record of the course holds about an item beyond its key and
    text, in short words (the reasons, in sentences, are checked as attributes)."""
    after = guarded.posterior_after_opening(sale)
    records = (
        *guarded.news_of(sale),
        *guarded.situations_of(sale),
        *guarded.moves_of(sale),
    )
    choices = {}
    for record in records:
        found = set()
        for f in dataclasses.fields(record):
            value = getattr(record, f.name)
            values = value if isinstance(value, tuple) else (value,)
            if f.name not in ("key", "text"):
                found.update(v for v in values if isinstance(v, str) and len(v) < 40)
        choices[record.key] = found
    for item in guarded.situations_of(sale):
        choices[item.key].update(guarded.actions_for(item, sale, after))
    return choices


def _public(value):
    """The public attributes of ``value`` worth walking: a record's (a dataclass or an object
    with attributes of its own), not a module's, a class's or a function's."""
    if isinstance(value, (type, types.ModuleType, types.FunctionType, types.BuiltinFunctionType)):
        return {}
    if dataclasses.is_dataclass(value):
        return {f.name: getattr(value, f.name) for f in dataclasses.fields(value)}
    own = getattr(value, "__dict__", None)
    return {name: item for name, item in (own or {}).items() if not name.startswith("_")}


def _reachable(start, depth=3):
    """Every (path, value) reachable from ``start`` through public names: items of tuples,
    lists, sets and dicts, and public attributes of records, ``depth`` steps deep."""
    seen, found, frontier = set(), [], [(name, value) for name, value in start.items()]
    for _ in range(depth + 1):
        following = []
        for path, value in frontier:
            if id(value) in seen or isinstance(value, (str, int, float, bool, type(None))):
                continue
            seen.add(id(value))
            found.append((path, value))
            if isinstance(value, dict):
                following += [(f"{path}[{k!r}]", v) for k, v in value.items()]
                following += [(f"{path}.keys", tuple(value))]
            elif isinstance(value, (tuple, list, set, frozenset)):
                following += [(f"{path}[{i}]", v) for i, v in enumerate(value)]
            else:
                following += [
                    (f"{path}.{name}", item)
                    for name, item in _public(value).items()
                    if not name.startswith("_")
                ]
        frontier = following
    return found


@pytest.mark.parametrize("learner_id", ["learner-0", "learner-7", "learner-31"])
def test_no_graded_choice_is_public_data_of_the_course(learner_id):
    """An answer cell could read a graded choice off a table of the course (the news' ways,
    the moves' labels, the situations' assumptions and actions), right on every case grading
    tries: a one-liner such as `next(m for m in TACTICS if m.key == key).label` (the tables
    and their answer fields are private, reached through the answer keys). Every public
    name of this module's course modules, and the public attributes of the records they hold,
    is walked: no record about one of the learner's items shows more than its key and text,
    and no mapping keyed by an item gives its choice."""
    sale = variant("01_information", learner_id)
    choices = _graded_choices(sale)
    assert len(choices) == len(sale.news) + len(sale.situations) + len(sale.moves)
    start = {}
    for name in COURSE_MODULES:
        module = importlib.import_module(name)
        start.update({f"{name}.{k}": v for k, v in vars(module).items() if not k.startswith("_")})
    start["sale"] = sale
    words = set().union(*choices.values())  # a mapping that gives any choice of an item leaks
    leaks = []
    for path, value in _reachable(start):
        if isinstance(value, dict):
            for key, item in value.items():
                items = item if isinstance(item, (tuple, list, set, frozenset)) else (item,)
                if key in choices and words & {i for i in items if isinstance(i, str)}:
                    leaks.append(f"{path}[{key!r}]")
        key = getattr(value, "key", None) if not isinstance(value, dict) else None
        if isinstance(key, str) and key in choices:
            shown = {name for name in _public(value) if not name.startswith("_")}
            if shown - {"key", "text"}:
                leaks.append(f"{path}: {sorted(shown - {'key', 'text'})}")
    assert not leaks, leaks


def _probes(sale):
    """Every answer a prober of Questions 3, 6 and 9 would try on ``sale``: the right one, and
    each with one of the learner's own items changed to every other choice."""
    after = reference.posterior_after_opening(sale)
    right_limits = reference.model_limits(sale, after)
    right_labels = reference.fair_play(sale)
    directions = {item.key: item._direction for item in reference.news_of(sale)}
    news = [dict(directions)]
    for key, way in itertools.product(sale.news, RIGHT):
        if way != directions[key]:
            news.append({**directions, key: way})
    limits = [right_limits]
    for key, other in itertools.product(sale.situations, reference.ASSUMPTIONS):
        if other != right_limits[key][0]:
            limits.append({**right_limits, key: (other, right_limits[key][1])})
    for key in sale.situations:
        value = right_limits[key][1]  # a price, or a plan (opening, target)
        scaled = tuple(v * 1.3 for v in value) if isinstance(value, tuple) else value * 1.3
        limits.append({**right_limits, key: (right_limits[key][0], scaled)})
    labels = [right_labels]
    for key in right_labels:
        choices = check.LISTS[
            "what to tell Osprey" if key in sale.disclosures else "ways to learn or persuade"
        ]
        also = {right_labels[key], *ALSO_RIGHT.get(key, ())}  # a second right label
        labels += [{**right_labels, key: label} for label in choices if label not in also]

    def directed(chosen):
        def news_likelihood(sale_, key):
            if key not in chosen:
                return reading(RIGHT)(sale_, key)
            prices = sorted(sale_.reservations)
            return dict(zip(prices, RIGHT[chosen[key]](prices), strict=True))

        return news_likelihood

    return {
        check.news_likelihood: [directed(d) for d in news],
        check.model_limits: [
            lambda s, a, entries=entries: (
                entries if s.learner == sale.learner else reference.model_limits(s, a)
            )
            for entries in limits
        ],
        check.fair_play: [
            lambda s, entries=entries: (
                entries if s.learner == sale.learner else reference.fair_play(s)
            )
            for entries in labels
        ],
    }


@pytest.mark.parametrize("who", ["prober-0", "prober-1", "prober-2"])
def test_a_hidden_check_run_by_hand_finds_none_of_the_learner_s_own_answers(
    who, capsys, monkeypatch
):
    """Questions 3, 6 and 9 judge the learner's own news, situations and lists only when the
    notebook is graded. Run by hand with hidden=True in a learner's kernel, these checks
    used to judge them there and say how many were wrong, so a prober who changed one item
    at a time found every answer (Question 9: 50 of 50 learners in at most 19 runs). Here
    every answer such a prober tries gets the same outcome without a grading key, while
    under one the right answer earns every mark and each change loses one."""
    # a kernel's: own items only under a key
    monkeypatch.setattr("course.checks.credit._own_items_without_key", False, raising=False)
    with learner_as(who):
        sale = variant("01_information")
        for check_function, answers in _probes(sale).items():
            name = check_function.__name__
            with hidden_cases_as(None):
                seen = {
                    tuple((o.earned, o.message) for o in check_function(a, hidden=True).outcomes)
                    for a in answers
                }
            assert len(seen) == 1, (name, len(seen))
            ((outcome, *_),) = seen
            assert outcome[0] == 0 and "judged when the notebook is graded" in outcome[1], name
            with hidden_cases_as("a-grading-key-for-the-tests"):
                right, *wrong = (check_function(a, hidden=True) for a in answers)
            assert right.earned == right.possible, name
            assert all(credit.earned < right.possible for credit in wrong), name
    capsys.readouterr()


def test_a_buyer_who_does_not_haggle_is_said_to_open_first():
    """Every learner's buyer has made an opening offer (below your cost for most), so a
    situation that said the buyer 'never haggles' and stopped there described a haggler as
    one that never haggles. A story that says the buyer does not haggle now says it opens
    first, as always, and then asks one final price and never haggles over it."""
    every = (*reference._SITUATIONS, *reference._PRACTICE_SITUATIONS)
    told = [item for item in every if "haggl" in item.text]
    assert {"one-price", "first-number"} <= {item.key for item in told}
    for item in told:
        assert "never haggles over it" in item.text, item.key
        assert item.text.index("opens below what it would pay") < item.text.index("haggl")


def test_the_notebook_s_words_do_not_grow():
    """About 12,300 words of text is already long for one idea; the text cut in this round
    (the side note's second model of haggling, a repeated account of what the check
    judges) pays for the sentences added to say how the draw and the opening rule work.
    The Markdown stays under 12,250 words (12,252 before); session 55's fixes (Question 6's
    opening rule, the cut side note and Question 5b's aside) bring it under 12,160 (12,243
    before them)."""
    words = sum(
        len(cell.source.split())
        for cell in source_notebook("01_information", "information").cells
        if cell.cell_type == "markdown"
    )
    # review s57 U1 cut Question 6's ladder, worked numbers and side note: under 11,700 now
    # review 58 U1: at least 5% fewer words than the 11,664 it had (11,080 or fewer)
    # review 69 U1: the cuts pay for X1's and X2's sentences and some more (11,075 before)
    # review 70 U1 (partly): the intro's aims, Question 6's brief, section 2's assumptions and
    # a summary clause are cut; they pay for the X1/X5/U3 sentences, 10,967 words (11,019
    # before that round); the follow-up's Question 5b and 6 sentences are paid for by cuts
    # (10,949 words)
    # review 80 U3 (round 81): the words added to fix C1-C4 and U4 are paid for by cuts;
    # 9,863 words, 9,866 before the round
    # review 81 (round 82): the ultimatum and theorem side notes are cut and the fixes paid
    # for: 9,674 words
    # review 82 (round 83): U1 and X1 cut more than E1-E2 add: 9,639 words (9,674 before)
    # review 83 (round 84): C1, U3 and X3 are paid for by their own cuts; U4 and U1 (the
    # ultimatum paragraph) cut, and the Riley-Zeckhauser title as the stakes study's: 9,551
    # words (9,639 before the round)
    # review 85 (round 85): E1, C1 and U3 cut more than U4 adds: 9,545 words (9,551 before)
    assert words <= 9_545, words


@pytest.mark.parametrize("hidden", [False, True])
def test_no_constant_earns_question_8_s_decision(monkeypatch, hidden):
    """The decision was judged against whatever worth the function returned, so
    ``(0, 0, 0, False)`` earned it for every learner (30 of 30, review s56 W1). It is judged
    against the learner's worth only when that worth is right or a named slip, and the check
    tries a case where the report pays (``BUY_CASE``) and one where it does not."""
    assert reference.report_decision(
        *(lambda s: (s, reference.posterior_after_opening(s)))(
            variant("01_information", check.BUY_CASE)
        )
    )[3]
    for n in range(12):
        as_learner(monkeypatch, f"learner-{n}")
        for buy in (False, True):
            scored = report_parts(lambda sale, after, b=buy: (0.0, 0.0, 0.0, b), hidden=hidden)
            assert scored["the decision"][0] == 0, (n, buy)
        assert report_parts(reference.report_decision, hidden=hidden)["the decision"][0] == 1


def test_an_opening_rounded_to_a_round_figure_passes(monkeypatch):
    """Question 6 asks for an opening "from your estimate", a mean to the cent, and a
    negotiator names a round figure: rounded to the euro, the opening lost the mark for 12 of
    30 learners (r-200 to r-229), cut to whole euros for 28 (review s57 W1). An opening at
    the floor (review 69 X1: the higher of the estimate and the model's price, a whole number
    of thousands) rounded to the euro or the €100, down or up, now passes on every learner's
    own case and on the practice case; more than €100 short of the estimate still fails."""
    roundings = {
        "nearest euro": round,
        "whole euros": math.floor,
        "nearest 100": lambda e: round(e, -2),
        "hundreds down": lambda e: e // 100 * 100,
    }
    tried = 0
    for n in range(200, 230):
        sale = as_learner(monkeypatch, f"r-{n}")
        if not any(
            i._assumption == "final-offer"
            for i in reference._SITUATIONS
            if i.key in sale.situations
        ):
            continue
        tried += 1
        for name, rounding in roundings.items():
            opening = {
                key: plan(lambda s, a, r=rounding: r(reference.opening_floor(s, a)))
                for key in ("counter-offer", "board-rounds", "practice-come-back")
            }
            answer = limits_with(**opening)
            assert parts(own_limits(answer))["what to do"][0] == 1, (sale.learner, name)
            assert practice_prices(answer)[0] == 1, (sale.learner, name)
    assert tried >= 10
    short = {
        key: plan(lambda s, a: expected_reservation(a) - 101)
        for key in ("counter-offer", "board-rounds", "practice-come-back")
    }
    assert practice_prices(limits_with(**short))[0] == 0


def test_the_even_split_of_an_opening_rounded_down_passes(monkeypatch):
    """Review 66 X2: a plan that opens at the estimate rounded down to the €100 (as question 6
    allows) and aims at the even split between the cost and that opening fell short of the
    band's lower edge, read from the unrounded estimate, by up to €50, and lost the mark on
    the practice case for every learner. It now passes; a target €50 lower still fails.
    Review 69 X1: the opening is never below the model's price, so the plan opens at the
    higher of the rounded estimate and the model's price, aiming at the even split of the cost
    and the estimate when that opening is the model's price; the €50 shortfall is tried where
    the rounded estimate is the opening."""

    def rounded_plan(shift):
        def entry(sale, after):
            model = reference.best_move(after, sale.cost)[0]
            estimate = expected_reservation(after)
            opening = max(estimate // 100 * 100, model)
            # the even split of the cost and the opening where the rounded estimate is the
            # opening; of the cost and the estimate where the model's price is (convention 2);
            # review 77 X1: never below `sure`
            split = (sale.cost + min(opening, estimate)) / 2
            return "final-offer", (opening, max(split, reference.surest_price(after)) + shift)

        return entry

    keys = ("counter-offer", "board-rounds", "practice-come-back")
    tried = rounded = 0
    for n in range(200, 230):
        sale = as_learner(monkeypatch, f"r-{n}")
        answer = limits_with(**{key: rounded_plan(0) for key in keys})
        assert practice_prices(answer)[0] == 1, sale.learner
        if any(
            i._assumption == "final-offer"
            for i in reference._SITUATIONS
            if i.key in sale.situations
        ):
            tried += 1
            assert parts(own_limits(answer))["what to do"][0] == 1, sale.learner
            after = reference.posterior_after_opening(sale)
            model = reference.best_move(after, sale.cost)[0]
            if expected_reservation(after) // 100 * 100 > model:
                rounded += 1
                short = limits_with(**{key: rounded_plan(-50) for key in keys})
                # review 94 X1: €50 under the band passes (the mark's €100 of rounding), but
                # never below `sure`
                estimate = expected_reservation(after)
                split = (sale.cost + min(max(estimate // 100 * 100, model), estimate)) / 2
                kept = reference.surest_price(after) <= split
                assert parts(own_limits(short))["what to do"][0] == int(kept), sale.learner
    assert tried >= 10 and rounded >= 1


def test_question_6_s_opening_has_one_rule_in_key_solution_hint_and_check(monkeypatch):
    """The check and the text took module 04's rule for an opening (from the estimate up to
    the ceiling, on either side of the model's price), but the key's label ("ask above it"),
    the solution (the next price above the model's) and the hint ("too low a number to start
    from") pointed above the model's price, where the estimate lay below it for 228 of 250
    learners (review s56 C2). Now all say the same rule: the label is ``OPEN``, judged by
    ``opens_by_the_course_rule``, the solution opens at the higher of the estimate and the
    model's price (review 69 X1: it opened at the estimate, below the model's price for most
    learners) and the hint names the rule."""
    final = [i for i in (*reference._SITUATIONS, *reference._PRACTICE_SITUATIONS)]
    final = [i for i in final if i._assumption == "final-offer"]
    assert final and all(i._actions == (reference.OPEN,) for i in final)
    assert "too low a number to start from" not in check.ACTION_HINT
    assert "an opening at or above the model's price and a target below it" in " ".join(
        check.ACTION_HINT.split()
    )
    # the explorer's cell reads the learner's settings (review s57 W2), so a learner is set
    monkeypatch.setenv("LEVERAGE_LEARNER", "ada")
    namespace = solution_namespace("01_information", "information")
    below = 0
    for n in range(40):
        sale = variant("01_information", f"learner-{n}")
        after = reference.posterior_after_opening(sale)
        estimate = sum(r * c for r, c in after.items())
        model = reference.best_move(after, sale.cost)[0]
        below += estimate < model
        for price in (estimate, model, reference.ceiling(sale, after)):
            # review 88 C1: the mark also takes a possible price at or above the model's
            assert reference.fits(reference.OPEN, price, sale, after) == (
                reference.opening_passes(price, sale, after)
            )
            if reference.opens_by_the_course_rule(price, sale, after):
                assert reference.fits(reference.OPEN, price, sale, after)
        answer = unguarded(namespace["model_limits"])(sale, after)
        for key in sale.situations:
            item = next(i for i in reference._SITUATIONS if i.key == key)
            if item._assumption == "final-offer":
                assert abs(answer[key][1][0] - max(estimate, model)) < 0.005, sale.learner
    assert below > 20


def test_the_intro_does_not_promise_answers_no_one_shares():
    """ "Every learner gets their own numbers, so your answers are yours alone" was false for
    four graded marks: Questions 3, 6 (assumptions) and 9 judge items drawn from pools the
    class shares, and the notebook's own literal-dict solutions pass the hidden checks under
    every grading key tried (10 of 10; review s56 E3). The intro now says so."""
    words = " ".join(
        " ".join(cell.source.split())
        for cell in source_notebook("01_information", "information").cells
    )
    assert "your answers are yours alone" not in words
    assert "Questions 3, 6 and 9 come from pools the class shares" in words


def test_the_order_book_story_hangs_together():
    """Section 3 said a sale to Osprey displaces nothing, while the `final-deadline`
    disclosure says the free slot goes to the next order at the month's end; and
    `weak-alternative` called the only other prospect "a smaller firm that might order ...
    some time next year" while Wren Bakery haggles over a smaller machine now (review s56
    C1). Section 3 now bounds its claim by the month's end, and the weak alternative is Wren."""
    words = " ".join(
        " ".join(cell.source.split())
        for cell in source_notebook("01_information", "information").cells
    )
    # review 100 U4 (round 101): says why the waiting order costs nothing
    assert "if Osprey takes your free build slot, the order waiting for it moves to a" in words
    weak = next(m for m in reference._DISCLOSURES if m.key == "weak-alternative")
    assert "Wren Bakery" in weak.text and "next year" not in weak.text
    deadline = next(m for m in reference._DISCLOSURES if m.key == "final-deadline")
    assert "end of the month" in deadline.text
    for n in range(20):
        sale = variant("01_information", f"learner-{n}")
        if "weak-alternative" in sale.disclosures:
            assert "Wren Bakery is haggling over a smaller machine" in sale.story()
            # review 69 C1: question 4 puts one final price to Wren, which it takes or
            # leaves; the story called it a haggler and did not say so
            story = " ".join(sale.story().split())
            assert "Its offers are in: it will now take or leave one final price" in story
            assert all(offer < sale.wren_cost for offer in sale.wren_offers)


def test_question_9_s_practice_moves_differ_from_the_graded_ones():
    """Review s57 W4: the practice moves mirrored graded ones almost one to one ('we cannot go
    one euro lower' and 'very hard for us', a certificate and a hidden fault, a paid temporary
    worker and a paid former manager), so the graded labels followed by analogy. Each
    practice move now differs in what it is about: a bluff on a term other than the price, a
    false fact about the market rather than the machine, and access without permission
    rather than a paid insider."""
    practice = {move.key: move for move in reference._PRACTICE_TACTICS}
    assert {"practice-payment-terms", "practice-list-price", "practice-password"} <= set(practice)
    assert not {"practice-not-a-euro", "practice-certificate", "practice-temp-worker"} & set(
        practice
    )
    assert "payment" in practice["practice-payment-terms"].text
    assert "machine" not in practice["practice-list-price"].text
    assert "paying" not in practice["practice-password"].text
    graded = " ".join(move.text for move in reference._TACTICS)
    for move in practice.values():
        assert move.text not in graded


def test_a_hold_read_with_the_updaters_own_model_passes(learner, capsys):
    """Review 58 W1: Question 5b tells the learner to read each hold with the belief
    updater's model; a learner who calls that model (``offer_likelihoods`` with
    ``hold=0.2``) for the hold answers honestly, and passes, visible and hidden."""

    def holds_with_the_model(sale, after):
        def best(beliefs):
            profit = {
                p: (p - sale.cost) * sum(c for r, c in beliefs.items() if r >= p) for p in beliefs
            }
            return max(profit, key=profit.get)

        now, beliefs = best(after), dict(after)
        x = sale.opening_offer
        for holds in range(1, reference.MOST_HOLDS + 1):
            hold = offer_likelihoods(list(beliefs), x, previous=x, band=(0.2, 0.6), hold=0.2)
            beliefs = update_beliefs(beliefs, hold)
            if best(beliefs) != now:
                return holds
        return None

    check.holds_before_moving(holds_with_the_model)
    check.holds_before_moving(holds_with_the_model, hidden=True)
    assert "\N{CHECK MARK}" in capsys.readouterr().out


def test_the_opening_read_with_the_updaters_model_is_still_refused(learner):
    """Reading an opening with ``offer_likelihoods`` is Question 1's answer: still a key."""
    hint = miss(
        check.opening_likelihood,
        lambda s: offer_likelihoods(s.reservations, s.opening_offer, 0.0, band(s)),
    )
    assert "course's own answer" in hint


def test_a_pick_that_leaves_the_fees_out_is_told_that_slip(monkeypatch):
    """Review 58 W2: a learner who forgot the fees was told, for r-28, that theirs was the
    pick of beliefs rescaled inside each answer, which is untrue of what they did. A hint
    now names every slip that gives the pick, the fee slip among them."""
    told = 0
    for n in range(30):
        as_learner(monkeypatch, f"r-{n}")
        try:
            check.information_pays(hire_ignoring_fees)
        except NotYet as failure:
            told += 1
            assert "A slip that gives this pick: leaving the fees out" in str(failure), n
    assert told


def test_no_hint_ends_in_two_full_stops(monkeypatch):
    """Review 58 U5: the hint on a learner's own news ended "..keep running.." because the
    credit adds a full stop to a general text that had one; Question 7's too."""

    def flat(sale, key):
        return {r: 1.0 for r in sale.reservations}

    def nofee(sale, after):
        return hire_ignoring_fees(sale, after)

    seen = 0
    for n in range(6):
        as_learner(monkeypatch, f"r-{n}")
        credit = check.news_likelihood(flat, hidden=True)
        for outcome in credit.outcomes:
            assert ".." not in outcome.message, outcome.message
            seen += outcome.earned == 0
        try:
            check.information_pays(nofee)
        except NotYet as failure:  # the credit adds a full stop to the general text
            assert not (failure.general or "").endswith("."), failure.general
    assert seen


def test_the_payment_terms_bluff_claims_no_fact_about_your_cash():
    """Review 58 W6: "we can never wait more than 30 days" read as a claim about your cash
    position, a fact Osprey relies on, so "bluff" alone was debatable. The statement is now
    about what you will accept, which is a bluff and nothing else."""
    move = {m.key: m for m in guarded._PRACTICE_TACTICS}["practice-payment-terms"]
    assert "can never" not in move.text and "won't accept" in move.text
    assert "won't accept more than 30 days" in cell_words("q9-text")


def test_own_news_readings_show_what_they_do_before_grading(monkeypatch):
    """Review s62 X2: the visible check gave the learner's own news readings no consequence
    until grading. It now shows at once what they do (the beliefs after the opening and both
    pieces of news, and whether the model's price moves), the same for a right and a wrong
    reading, with no verdict, no key of the learner's news and no price."""
    sale = as_learner(
        monkeypatch,
        learner_where(lambda s: "higher" in {i._direction for i in reference.news_of(s)}),
    )
    shown = {}
    for name, answer in (("right", reading(RIGHT)), ("wrong", news_with(own=("higher", falling)))):
        practice, outcome = check.news_likelihood(answer).outcomes  # review 90 X2
        assert practice.practice and practice.earned == 1 and outcome.passed, name
        beliefs = reference.posterior_after_opening(sale)
        for key in sale.news:
            likelihood = answer(sale, key)
            beliefs = update_beliefs(beliefs, likelihood)
        assert "What your own readings do, right or not" in outcome.message, name
        for r in sale.reservations:
            assert f"€{r:,.0f}: {beliefs[r]:.0%}" in outcome.message, (name, r)
        assert not any(f"`{key}`" in outcome.message for key in sale.news), name
        assert "right way" not in outcome.message and "stays €" not in outcome.message
        shown[name] = outcome.message
    assert shown["right"] != shown["wrong"]


def test_own_question_6_prices_show_what_they_earn_before_grading(monkeypatch):
    """Review s62 X2: the visible check gave the learner's own Question 6 prices no
    consequence until grading. Once the practice passes, it shows each own price's chance of
    acceptance and expected profit against the beliefs after the opening (a plan's opening
    and target as named), for a wrong price as for a right one, with no verdict."""
    sale = as_learner(monkeypatch, learner_where(lambda s: "friday-cash" in s.situations))
    after = reference.posterior_after_opening(sale)
    model = model_price(sale, after)
    for price in (model, model - 1):
        answer = limits_with(**{"friday-cash": ("risk-neutral", price)})
        shown = parts(check.model_limits(answer))
        assert shown["practice: what to do"][0] == 1
        message = shown[check.OWN_SITUATIONS_FORM][1]  # review 91 X2: the own line's
        chance = sum(c for r, c in after.items() if r >= price - 0.005)
        assert "What your own prices do, right or not" in message
        assert f"`friday-cash`: {check._euros(price)}, accepted with chance {chance:.0%}" in message
        assert f"earns {check._euros((price - sale.cost) * chance)} on average" in message
        for key in sale.situations:
            assert f"`{key}`: " in message.split("What your own prices do")[1], key


@pytest.mark.parametrize("label", ["share", "keep"])
def test_either_defensible_label_for_the_deposit_keeps_the_disclosure_mark(monkeypatch, label):
    """Review 68 X5: `deposit` was right only as "share", and one label decides the whole
    list's mark, so the defensible "keep it until there is something to trade for it" cost a
    full mark at grading. Both are accepted now; a wrong label elsewhere still costs it."""
    sale = as_learner(monkeypatch, learner_where(lambda s: "deposit" in s.disclosures))
    right = reference.fair_play(sale)
    marks = parts(check.fair_play(lambda s: {**right, "deposit": label}, hidden=True))
    assert marks["what to tell Osprey"][0] == 1, marks
    other = next(k for k in sale.disclosures if k not in ALSO_RIGHT)
    flipped = {"share": "keep", "keep": "share"}[right[other]]
    marks = parts(
        check.fair_play(lambda s: {**right, "deposit": label, other: flipped}, hidden=True)
    )
    assert marks["what to tell Osprey"][0] == 0, marks


@pytest.mark.parametrize("label", ["share", "keep"])
def test_either_defensible_label_for_the_reference_customer_keeps_the_disclosure_mark(
    monkeypatch, label
):
    """Review 70 X3: `reference` was right only as "share", though saying you want a
    reference customer also tells Osprey the deal is worth more to you than its price, the
    ground on which `deposit` takes both labels. Both are accepted now, with `deposit`
    either way too; a wrong label elsewhere still costs the mark."""
    sale = as_learner(monkeypatch, learner_where(lambda s: "reference" in s.disclosures))
    right = reference.fair_play(sale)
    for deposit in ("share", "keep"):
        answer = {**right, "reference": label}
        if "deposit" in sale.disclosures:
            answer["deposit"] = deposit
        marks = parts(check.fair_play(lambda s, answer=answer: answer, hidden=True))
        assert marks["what to tell Osprey"][0] == 1, marks
    move = next(m for m in reference._DISCLOSURES if m.key == "reference")
    assert "either answer is accepted" in move._why
    other = next(k for k in sale.disclosures if k not in ALSO_RIGHT)
    flipped = {"share": "keep", "keep": "share"}[right[other]]
    marks = parts(
        check.fair_play(lambda s: {**right, "reference": label, other: flipped}, hidden=True)
    )
    assert marks["what to tell Osprey"][0] == 0, marks


def test_the_situations_give_facts_not_the_assumption_they_test():
    """Review 68 X2: `one-price` ruled out each assumption in the assumption's own words
    ("never refused a price at or below its reservation price", "no sign of knowing how
    sellers read openings") and `payroll` defined risk aversion ("a loss you would feel far
    more than its share of the average profit suggests"), so the assumption mark was reading
    comprehension. Each situation now gives facts about Osprey or the workshop; which
    assumption they break is still the learner's call, and the keys are unchanged."""
    every = (*reference._SITUATIONS, *reference._PRACTICE_SITUATIONS)
    echoes = (
        "refused a price at or below its reservation price",
        "accepts any price",
        "far more than its share",
        "average profit",
        "no sign of knowing how sellers read",
    )
    for item in every:
        assert not any(echo in item.text for echo in echoes), item.key
    kinds = {item.key: item._assumption for item in every}
    assert kinds["payroll"] == kinds["practice-lease"] == "risk-neutral"
    assert kinds["one-price"] == kinds["first-number"] == kinds["practice-colleague"] == "none"
    texts = {item.key: item.text for item in every}
    assert (
        "its past suppliers say it signed prices that left it next to nothing"
        in (texts["one-price"])
    )
    assert "signed prices that left it next to nothing" in cell_words("q6-text")


def test_a_passing_count_of_holds_says_how_to_use_it_and_how_likely_the_run_is(monkeypatch, capsys):
    """Review 69 X2: Question 5b's count was a threshold that decided nothing, and long runs of
    holds were read as ordinary evidence. Once the count passes, the check says how to use it
    at the table on the learner's own case and the model's largest chance of that run.
    Review 75 C3: below a chance of 1 in 10,000 it said never to re-price on the count just
    graded; the count now stops at five and the message always gives the one rule."""

    def count_is(low, high):
        def condition(sale):
            found = reference.holds_before_moving(sale, reference.posterior_after_opening(sale))
            return found is not None and low <= found <= high

        return condition

    for low, high in ((1, 2), (4, 5)):
        sale = as_learner(monkeypatch, learner_where(count_is(low, high)))
        after = reference.posterior_after_opening(sale)
        count = reference.holds_before_moving(sale, after)
        check.holds_before_moving(lambda s, a: reference.holds_before_moving(s, a))
        said = " ".join(capsys.readouterr().out.split())
        assert "a chance of at most 1 in " in said
        # review 80 C3: what honest holds would be worth (review 82 E1: a floor), not a rule
        assert f"keep to your price until Osprey had held {count} time" in said
        assert "never re-price on holds alone" not in said and "doubt the model" not in said


def test_a_wrong_staged_price_is_told_before_only_where_the_opening_did_not_raise_it(
    monkeypatch,
):
    """Review 72 X5: Question 6's text told every learner whose opening did not raise the
    model's price that the staged price is Question 5's `before`, so two in three could copy
    it. The text no longer says so; the check says it after a wrong staged price, and only
    on a case where it holds."""
    told = {}
    for rising in (False, True):
        learner = learner_where(
            lambda s, rising=rising: reference.meets_good_news(s.learner) == rising
        )
        sale = as_learner(monkeypatch, learner)
        after = reference.posterior_after_opening(sale)
        wrong = model_price(sale, after) + 1
        answer = limits_with(**{"staged-opening": ("honest-opening", wrong)})
        earned, message = parts(own_limits(answer))["what to do"]
        assert earned == 0
        told[rising] = "leaves Question 5's `before` possible" in message
    assert told == {False: True, True: False}
