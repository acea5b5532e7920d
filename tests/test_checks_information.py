"""course.checks.information: the course's own solutions pass, and each typical mistake
gets a hint that names it (never a bare AssertionError)."""

import subprocess
import sys

import pytest

from course.checks import information as check
from course.checks.hints import NotYet
from course.course_map import questions
from course.models.information import expected_reservation, update_beliefs
from tests.notebooks import solution_namespace

QUESTIONS = questions("01_information")


@pytest.fixture
def answers(learner):
    """The source notebook's solutions, defined for learner 'ada'."""
    return solution_namespace("01_information", "information")


@pytest.mark.parametrize("question", QUESTIONS)
@pytest.mark.parametrize("hidden", [False, True])
def test_the_course_solutions_pass(answers, question, hidden, capsys):
    getattr(check, question)(answers[question], hidden=hidden)
    assert "\N{CHECK MARK}" in capsys.readouterr().out


def miss(check_function, answer, hidden=False):
    """The hint a check gives for ``answer``."""
    with pytest.raises(NotYet) as failure:
        check_function(answer, hidden=hidden)
    return str(failure.value)


def test_the_checks_import_light():
    code = "import sys, course.checks.information; print('ipywidgets' in sys.modules)"
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "False", result.stderr


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


def test_a_missing_limit_is_named(learner):
    assert "missing" in miss(check.opening_likelihood, lambda sale: {})


def test_ignoring_the_band_is_named(learner):
    def everywhere(sale):
        width = sale.opening_high - sale.opening_low
        return {r: 1 / (width * r) for r in sale.reservations}

    # Some opening, ada's or a hidden learner's, misses the band of at least one limit.
    assert "its likelihood is 0" in miss(check.opening_likelihood, everywhere, hidden=True)


def test_forgetting_the_width_of_the_band_is_named(learner):
    def flat(sale):
        low, high, x = sale.opening_low, sale.opening_high, sale.opening_offer
        return {r: 1.0 if low * r <= x <= high * r else 0.0 for r in sale.reservations}

    assert "divide by the band's width" in miss(check.opening_likelihood, flat)


def test_likelihoods_in_the_right_proportions_are_told_the_scale(learner):
    def scaled(sale):
        low, high, x = sale.opening_low, sale.opening_high, sale.opening_offer
        return {r: 1000 / r if low * r <= x <= high * r else 0.0 for r in sale.reservations}

    assert "the proportions are right" in miss(check.opening_likelihood, scaled)


def test_hard_coded_likelihoods_pass_the_visible_check_but_not_the_hidden_one(answers, learner):
    own = answers["opening_likelihood"](answers["sale"])
    check.opening_likelihood(lambda sale: own)
    assert "for learner hidden-" in miss(check.opening_likelihood, lambda sale: own, hidden=True)


def test_returning_the_prior_is_named(learner):
    def prior_only(sale):
        beliefs = sale.prior_beliefs()
        return beliefs, expected_reservation(beliefs)

    assert "still your prior beliefs" in miss(check.belief_after_opening, prior_only)


def test_forgetting_to_rescale_is_named(answers, learner):
    def unscaled(sale):
        likelihood = answers["opening_likelihood"](sale)
        prior = sale.prior_beliefs()
        return {r: prior[r] * likelihood[r] for r in prior}, 0.0

    assert "divide each by their total" in miss(check.belief_after_opening, unscaled)


def test_the_expected_limit_of_the_prior_is_named(answers, learner):
    def stale_mean(sale):
        beliefs = update_beliefs(sale.prior_beliefs(), answers["opening_likelihood"](sale))
        return beliefs, expected_reservation(sale.prior_beliefs())

    assert "expected limit before the opening" in miss(check.belief_after_opening, stale_mean)


def test_a_single_value_is_not_a_pair(learner):
    assert "(beliefs, expected limit) pair" in miss(
        check.belief_after_opening, lambda sale: sale.prior_beliefs()
    )


def test_asking_the_expected_limit_is_named(learner):
    def ask_the_mean(beliefs, cost):
        price = expected_reservation(beliefs)
        return price, (price - cost) * sum(p for v, p in beliefs.items() if v >= price)

    assert "that is the expected limit" in miss(check.best_ask, ask_the_mean, hidden=True)


def test_asking_the_most_likely_limit_is_named(learner):
    def ask_the_mode(beliefs, cost):
        price = max(beliefs, key=beliefs.get)
        return price, (price - cost) * sum(p for v, p in beliefs.items() if v >= price)

    assert "that is the most likely limit" in miss(check.best_ask, ask_the_mode, hidden=True)


def test_a_profit_that_ignores_refusals_is_named(answers, learner):
    def always_accepted(beliefs, cost):
        price, _ = answers["best_ask"](beliefs, cost)
        return price, price - cost

    assert "assumes the buyer always accepts" in miss(check.best_ask, always_accepted)


def test_a_buyer_at_the_limit_accepts(answers, learner):
    def strict(beliefs, cost):
        price, _ = answers["best_ask"](beliefs, cost)
        return price, (price - cost) * sum(p for v, p in beliefs.items() if v > price)

    assert "equals the price still accepts" in miss(check.best_ask, strict)


def test_selling_at_a_loss_is_refused(answers, learner):
    def never_gives_up(beliefs, cost):
        price, profit = answers["best_ask"](beliefs, cost)
        if price is None:  # sell at the top anyway, at a loss
            return max(beliefs), (max(beliefs) - cost) * beliefs[max(beliefs)]
        return price, profit

    assert "return (None, 0.0)" in miss(check.best_ask, never_gives_up, hidden=True)


def test_either_price_of_a_tie_passes(answers, learner, capsys):
    def highest_of_ties(beliefs, cost):
        _, profit = answers["best_ask"](beliefs, cost)
        for price in sorted(beliefs, reverse=True):
            if (
                abs((price - cost) * sum(p for v, p in beliefs.items() if v >= price) - profit)
                < 1e-9
            ):
                return price, profit
        return None, 0.0

    check.best_ask(highest_of_ties, hidden=True)
    assert "\N{CHECK MARK}" in capsys.readouterr().out


def test_forgetting_the_blind_profit_is_named(answers, learner):
    def informed_only(sale):
        beliefs, _ = answers["belief_after_opening"](sale)
        value = sum(p * max(r - sale.cost, 0) for r, p in beliefs.items())
        return value, value > sale.report_fee

    assert "subtract that" in miss(check.report_worth_buying, informed_only)


def test_valuing_the_tip_on_the_prior_is_named(answers, learner):
    def on_the_prior(sale):
        beliefs = sale.prior_beliefs()
        informed = sum(p * max(r - sale.cost, 0) for r, p in beliefs.items())
        value = informed - answers["best_ask"](beliefs, sale.cost)[1]
        return value, value > sale.report_fee

    assert "before Kestrel opened" in miss(check.report_worth_buying, on_the_prior, hidden=True)


def test_the_wrong_decision_is_named(answers, learner):
    def contrary(sale):
        value, buy = answers["report_worth_buying"](sale)
        return value, not buy

    assert "and costs" in miss(check.report_worth_buying, contrary)


def test_the_decision_must_be_true_or_false(answers, learner):
    assert "True or False" in miss(check.report_worth_buying, lambda sale: (1.0, "yes"))
