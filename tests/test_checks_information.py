"""course.checks.information: the course's own solutions pass, each typical mistake gets a
hint that names it (never a bare AssertionError), every hint's claim about the learner's
answer is true, and a question that builds on an earlier one is checked on its own."""

import subprocess
import sys
from fractions import Fraction

import numpy as np
import pytest

from course.checks import information as check
from course.checks.hints import NotYet
from course.course_map import questions
from course.models.information import expected_reservation, update_beliefs, value_of_information
from course.scenarios import information as reference
from course.variants import variant
from tests.notebooks import solution_namespace

QUESTIONS = questions("01_information")
#: Questions judged on the learner's own case only: no hidden cases to try.
JUDGEMENTS = {"news_likelihood", "information_pays", "fair_play"}
#: Questions scored part by part (``credit.score``), with their points.
SCORED = {"my_price": 2, "report_decision": 3, "fair_play": 2}


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


def miss(check_function, answer, hidden=False, **options):
    """The hint a check gives for ``answer``."""
    if hidden:
        options["hidden"] = True
    with pytest.raises(NotYet) as failure:
        check_function(answer, **options)
    return str(failure.value)


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


def test_a_missing_price_is_named(learner):
    assert "missing" in miss(check.opening_likelihood, lambda sale: {})


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


def test_likelihoods_in_the_right_proportions_are_told_the_scale(learner):
    def scaled(sale):
        low, high, x = sale.opening_low, sale.opening_high, sale.opening_offer
        return {r: 1000 / r if low * r <= x <= high * r else 0.0 for r in sale.reservations}

    assert "the proportions are right" in miss(check.opening_likelihood, scaled)


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


def test_hard_coded_likelihoods_pass_the_visible_check_but_not_the_hidden_one(answers, learner):
    own = answers["opening_likelihood"](answers["sale"])
    check.opening_likelihood(lambda sale: own)
    hint = miss(check.opening_likelihood, lambda sale: own, hidden=True)
    assert "not on every scenario grading tries" in hint
    assert "hidden-" not in hint  # a hidden case is never named


# Question 2: Bayes' rule


def test_returning_the_prior_is_named(learner):
    def prior_only(sale, likelihood):
        beliefs = sale.prior_beliefs()
        return beliefs, expected_reservation(beliefs)

    assert "still your prior beliefs" in miss(check.belief_after_opening, prior_only)


def test_forgetting_to_rescale_is_named(learner):
    def unscaled(sale, likelihood):
        prior = sale.prior_beliefs()
        return {r: prior[r] * likelihood[r] for r in prior}, 0.0

    assert "divide each by their total" in miss(check.belief_after_opening, unscaled)


def test_the_expected_reservation_price_of_the_prior_is_named(learner):
    def stale_mean(sale, likelihood):
        beliefs = update_beliefs(sale.prior_beliefs(), likelihood)
        return beliefs, expected_reservation(sale.prior_beliefs())

    assert "before the opening; use your new beliefs" in miss(
        check.belief_after_opening, stale_mean
    )


def test_a_single_value_is_not_a_pair(learner):
    assert "(beliefs, expected reservation price) pair" in miss(
        check.belief_after_opening, lambda sale, likelihood: sale.prior_beliefs()
    )


def test_bayes_is_given_the_right_likelihood(learner):
    """Question 1's mistake cannot cost Question 2: the check passes the right likelihood."""
    seen = []

    def spy(sale, likelihood):
        seen.append((sale.learner, likelihood))
        beliefs = update_beliefs(sale.prior_beliefs(), likelihood)
        return beliefs, expected_reservation(beliefs)

    check.belief_after_opening(spy, hidden=True)
    assert len(seen) == 6
    for who, likelihood in seen:
        assert likelihood == reference.opening_likelihood(variant("01_information", who))


# Question 3: the news


def rising(sale):
    return {r: 1 + i for i, r in enumerate(sorted(sale.reservations))}


def falling(sale):
    return {r: 4 - i for i, r in enumerate(sorted(sale.reservations))}


def flat(sale):
    return dict.fromkeys(sale.reservations, 0.5)


@pytest.mark.parametrize(
    ("direction", "right", "wrong", "words"),
    [
        ("higher", rising, falling, "fall somewhere as the price rises"),
        ("higher", rising, flat, "are all the same"),
        ("lower", falling, rising, "rise somewhere as the price rises"),
        ("neither", flat, rising, "give every reservation price the same likelihood"),
    ],
)
def test_the_news_must_point_the_right_way(monkeypatch, capsys, direction, right, wrong, words):
    who = learner_where(lambda sale: sale.news_item.direction == direction)
    sale = as_learner(monkeypatch, who)
    check.news_likelihood(right)
    assert "reads the news the right way round" in capsys.readouterr().out
    hint = miss(check.news_likelihood, wrong)
    assert words in hint and sale.news_item.why.lower() in hint.lower()


def test_news_never_rules_a_price_out(learner):
    assert "above 0" in miss(
        check.news_likelihood, lambda sale: {r: 0.0 for r in sale.reservations}
    )


def test_the_news_check_shows_what_the_likelihoods_do(monkeypatch, capsys):
    """Its pass message gives the beliefs after the opening and the news, and the price."""
    sale = as_learner(monkeypatch, learner_where(lambda s: s.news_item.direction == "higher"))
    check.news_likelihood(rising)
    shown = capsys.readouterr().out
    scaled = {r: chance / 4 for r, chance in rising(sale).items()}  # likelihoods up to 1
    after = update_beliefs(reference.posterior_after_opening(sale), scaled)
    for r in sale.reservations:
        assert f"€{r:,.0f}: {after[r]:.0%}" in shown
    assert f"€{reference.best_move(after, sale.cost)[0]:,.0f}" in shown


# Question 4: the pace of concessions


@pytest.mark.parametrize(
    ("mistake", "words"),
    [
        (lambda o: o[2] + (o[2] - o[1]), "one more step of the same size"),
        (lambda o: o[0] + (o[1] - o[0]) ** 2 / (o[2] - o[1]), "1 − (second step / first step)"),
        (lambda o: o[2], "its reservation price lies above its last offer"),
    ],
)
def test_concession_mistakes_are_named(learner, mistake, words):
    assert words in miss(check.reservation_from_concessions, mistake)


def test_a_hard_coded_reservation_price_fails_the_hidden_check(learner):
    own = reference.reservation_from_concessions(variant("01_information").wren_offers)
    check.reservation_from_concessions(lambda offers: own)
    assert "not on every scenario" in miss(
        check.reservation_from_concessions, lambda offers: own, hidden=True
    )


# Question 5: the price before and after the opening


def price_parts(answer, hidden=False):
    return parts(check.my_price(answer, hidden=hidden))


def with_before(price_of):
    """A my_price whose price before the opening is ``price_of(prior, sale)``."""

    def my_price(sale, after):
        _, now, _ = reference.my_price(sale, after)
        before = price_of(sale.prior_beliefs(), sale)
        return before, now, before != now  # 'changed' right for these two prices

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
    assert scored["the move after the opening"][0] == 1  # one mistake costs one point


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
    assert "take_it_or_leave_it's answer" in message


def test_any_other_wrong_price_is_compared_with_the_best(learner):
    sale = variant("01_information")
    best = reference.best_move(sale.prior_beliefs(), sale.cost)
    message = price_parts(with_before(lambda b, s: 1.0))["the price before the opening"][1]
    assert f"asking €1 earns €{1.0 - sale.cost:,.0f} on average" in message
    assert f"asking €{best[0]:,.0f} earns €{best[1]:,.2f}".replace(".00", "") in message


def test_accepting_the_opening_is_explained(learner):
    def accept(sale, after):
        before, _, _ = reference.my_price(sale, after)
        return before, sale.opening_offer, True

    sale = variant("01_information")
    message = price_parts(accept)["the move after the opening"][1]
    lowest = min(r for r, p in reference.posterior_after_opening(sale).items() if p > 0)
    assert "every reservation price still possible is above it" in message
    assert f"asking €{lowest:,.0f} is also accepted for sure" in message


def test_keeping_the_price_from_before_is_named_when_the_opening_changed_it(monkeypatch):
    as_learner(
        monkeypatch,
        learner_where(lambda s: reference.my_price(s, reference.posterior_after_opening(s))[2]),
    )

    def stale(sale, after):
        before, _, _ = reference.my_price(sale, after)
        return before, before, False

    assert (
        "that is your price before the opening"
        in price_parts(stale)["the move after the opening"][1]
    )


def test_a_wrong_changed_flag_is_named(learner):
    def contrary(sale, after):
        before, now, changed = reference.my_price(sale, after)
        return before, now, not changed

    assert "so 'changed' is" in price_parts(contrary)["the move after the opening"][1]


def test_numpy_answers_pass(learner):
    def with_numpy(sale, after):
        before, now, changed = reference.my_price(sale, after)
        return np.float64(before), np.float64(now), np.bool_(changed)

    assert check.my_price(with_numpy, hidden=True).earned == 2


def test_my_price_is_given_the_right_beliefs(learner):
    """Question 2's mistake cannot cost Question 5: the check passes the right posterior."""
    seen = []

    def spy(sale, after):
        seen.append((sale.learner, after))
        return reference.my_price(sale, after)

    check.my_price(spy, hidden=True)
    for who, after in seen:
        assert after == reference.posterior_after_opening(variant("01_information", who))


# Question 6: the explorer


@pytest.mark.parametrize(
    ("answer", "words"),
    [
        (("narrow", "bottom"), "rises from 17 to 29.75"),
        (("wide", "top"), "falls from 17 to 0.5"),
        (("big", "low"), 'answer with "wide" or "narrow"'),
    ],
)
def test_the_explorer_answers_are_explained(answer, words):
    assert words in miss(check.information_pays, lambda: answer)


def test_the_explorer_hints_quote_the_explorer():
    """The hints' numbers are what the explorer shows for those settings."""
    assert value_of_information(40, 50, 100) == pytest.approx(17)
    assert value_of_information(40, 50, 150) == pytest.approx(29.75)
    assert value_of_information(90, 50, 100) == pytest.approx(0.5)


def test_the_explorer_answer_may_be_a_list_in_any_case(capsys):
    check.information_pays(lambda: [" Wide", "BOTTOM"])
    assert "\N{CHECK MARK}" in capsys.readouterr().out


# Question 7: perfect and fallible information


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


def test_the_wrong_decision_is_named_and_costs_only_its_point(learner):
    def contrary(sale, after):
        before, now, worth, buy = reference.report_decision(sale, after)
        return before, now, worth, not buy

    scored = report_parts(contrary)
    assert scored["the decision"][0] == 0 and "and costs" in scored["the decision"][1]
    assert check.report_decision(contrary).earned == 2


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
        assert check.why_perfect_information_moved(sale) in message[1]


# Question 8: fair play


def test_each_wrong_label_is_explained(learner):
    sale = variant("01_information")
    wrong = {move.key: "keep" if move.label == "share" else "share" for move in sale.moves}
    wrong.update({key: "acceptable" for key in sale.tactics})
    scored = parts(check.fair_play(lambda s: wrong))
    said, done = scored["what to tell Osprey"], scored["fair and foul means"]
    assert said[0] == 0 and all(f"`{key}`" in said[1] for key in sale.disclosures)
    wrong_tactics = [m for m in sale.moves if m.key in sale.tactics and m.label != "acceptable"]
    assert done[0] == 0 and all(m.why in done[1] for m in wrong_tactics)


def test_labels_are_read_without_case_or_spaces(learner):
    right = reference.fair_play(variant("01_information"))
    assert check.fair_play(lambda s: {k: f" {v.upper()} " for k, v in right.items()}).earned == 2


def test_a_missing_or_unknown_label_is_named(learner):
    sale = variant("01_information")
    right = reference.fair_play(sale)
    missing = {k: v for k, v in right.items() if k != sale.tactics[0]}
    assert "give a label for" in parts(check.fair_play(lambda s: missing))["fair and foul means"][1]
    odd = {**right, sale.disclosures[0]: "maybe"}
    assert "label `" in parts(check.fair_play(lambda s: odd))["what to tell Osprey"][1]
