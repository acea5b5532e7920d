"""Module 01's variants swept by the thousand (issue 15): every generated learner gets a
coherent case with a real decision in every question, no answer on a rule's boundary,
and every right formulation passes.

The invariants are written here from the question texts, independently of the
generator's own ``problems`` (which rejects and redraws the draws that break them), so a
generator that stops rejecting fails here. Three formulations of every graded question
(the notebook's solution and two written differently) must pass the visible check for
every swept learner, and the hidden check too. A hidden check tries the learner's own
scenario, the same five hidden learners and the same fixed cases for everyone; it is run
for every formulation on the first learners, and the visible check, which tries the
learner's own scenario, for all of them."""

import functools
import itertools
import re
from fractions import Fraction

import numpy as np
import pytest

import course.checks.information as check
from course.checks import hints, plaindata
from course.scenarios import information as scenario
from course.variants import learner_as, learner_id, variant
from tests.notebooks import solution_namespace, source_notebook

MODULE = "01_information"
LEARNERS = tuple(f"sweep-{n}" for n in range(2000))
#: Learners whose hidden checks are run for every formulation (see the module's doc).
HIDDEN_SWEEP = LEARNERS[:10]

#: An opening this close (euros) to a band's edge would make ≤ and < disagree.
EDGE = 100.0
#: The learner picks the best price: the runner-up must earn at least this much less.
TIE = 100.0
#: Information must be worth at least this much for "should you pay for it?" to matter.
PERFECT_AT_LEAST, REPORT_AT_LEAST = 1_000.0, 300.0
#: Perfect information's worth must move by at least this much across the opening.
MOVE_AT_LEAST = 50.0


@functools.cache
def drawn(learner):
    return variant(MODULE, learner)


@pytest.fixture(scope="module")
def sales():
    return [drawn(learner) for learner in LEARNERS]


def profits(beliefs, cost):
    """Expected profit of every final price worth naming, computed from scratch."""
    return {p: (p - cost) * sum(chance for r, chance in beliefs.items() if r >= p) for p in beliefs}


def posterior(sale):
    inside = {
        r: (sale.opening_low * r <= sale.opening_offer <= sale.opening_high * r)
        / ((sale.opening_high - sale.opening_low) * r)
        for r in sale.reservations
    }
    weights = {r: sale.prior_beliefs()[r] * inside[r] for r in sale.reservations}
    return {r: w / sum(weights.values()) for r, w in weights.items()}


def evpi(beliefs, cost):
    return sum(p * max(r - cost, 0) for r, p in beliefs.items()) - max(
        profits(beliefs, cost).values()
    )


def report_worth(beliefs, cost, accuracy):
    values = list(beliefs)
    wrong = (1 - accuracy) / (len(values) - 1)
    joint = [
        {r: beliefs[r] * (accuracy if r == s else wrong) for r in values} for s in values
    ]  # P(r and report s), not rescaled: the best of each, summed
    return sum(max(profits(j, cost).values()) for j in joint) - max(profits(beliefs, cost).values())


# --- invariants, question by question --------------------------------------------------


def test_the_opening_rules_out_one_or_two_prices_and_sits_off_every_edge(sales):
    """Questions 1-2: reading the opening is a real question and leaves doubt behind."""
    for sale in sales:
        x = sale.opening_offer
        fits = [r for r in sale.reservations if sale.opening_low * r <= x <= sale.opening_high * r]
        assert 2 <= len(fits) <= 3, sale.learner
        edges = [
            band * r for r in sale.reservations for band in (sale.opening_low, sale.opening_high)
        ]
        assert min(abs(x - edge) for edge in edges) >= EDGE, sale.learner
        assert all(r > x for r in fits)  # the opening is below every price it fits


def test_the_news_is_one_of_the_cases_facts(sales):
    """Question 3: the news belongs to this case (Osprey, a food firm buying a machine)."""
    for sale in sales:
        news = sale.news_item
        assert news.direction in ("higher", "lower", "neither")
        assert "Osprey" in news.text and "Kestrel" not in news.text
    kinds = {sale.news_item.direction for sale in sales}
    assert kinds == {"higher", "lower", "neither"}


def test_wrens_offers_are_a_fixed_share_buyer(sales):
    """Question 4: three whole-euro offers, rising by shrinking steps, read back exactly."""
    for sale in sales:
        first, second, third = sale.wren_offers
        assert all(float(offer).is_integer() for offer in sale.wren_offers)
        step1, step2 = second - first, third - second
        assert step1 > step2 > 0
        share = Fraction(int(step1 - step2), int(step1))
        reservation = Fraction(int(first)) + Fraction(int(step1)) / share
        assert reservation.denominator == 1 and 20_000 <= reservation <= 40_000
        assert first >= reservation / 2  # a plausible opening for a buyer


def test_the_best_price_is_never_a_coin_toss(sales):
    """Question 5: the best price before and after the opening beats the runner-up by at
    least ``TIE`` and makes a profit; the opening changes the price for some learners and
    not for others, so 'changed' cannot be guessed."""
    changed = 0
    for sale in sales:
        for beliefs in (sale.prior_beliefs(), posterior(sale)):
            ranked = sorted(profits(beliefs, sale.cost).values(), reverse=True)
            assert ranked[0] > 0 and ranked[0] - ranked[1] >= TIE, sale.learner
        before, after = (
            max(profits(b, sale.cost).items(), key=lambda item: item[1])[0]
            for b in (sale.prior_beliefs(), posterior(sale))
        )
        changed += before != after
    assert 0.1 < changed / len(sales) < 0.9


def test_information_is_worth_a_decision(sales):
    """Question 7: perfect information is worth something after the opening and moves
    across it; the report is worth something, less than perfect information; the fee is
    plausible (no floor, within half the worth either way) and not within a tenth of the
    worth; every answer occurs across learners."""
    rose = bought = 0
    for sale in sales:
        after = posterior(sale)
        before_value, after_value = evpi(sale.prior_beliefs(), sale.cost), evpi(after, sale.cost)
        worth = report_worth(after, sale.cost, sale.report_accuracy)
        assert after_value >= PERFECT_AT_LEAST, sale.learner
        assert abs(after_value - before_value) >= MOVE_AT_LEAST, sale.learner
        assert REPORT_AT_LEAST <= worth <= after_value, sale.learner
        assert sale.report_fee >= 300 and sale.report_fee % 100 == 0
        assert 0.4 * worth <= sale.report_fee <= 1.6 * worth, sale.learner
        assert abs(sale.report_fee - worth) >= max(100, 0.1 * worth), sale.learner
        rose += after_value > before_value
        bought += worth > sale.report_fee
    assert 0.05 < rose / len(sales) < 0.95 and 0.2 < bought / len(sales) < 0.8


def test_the_moves_to_judge_cover_every_label(sales):
    """Question 8: three disclosures (some to share, some to keep) and five tactics with
    every label, all from this case's lists."""
    keys = {move.key: move.label for move in (*scenario.DISCLOSURES, *scenario.TACTICS)}
    for sale in sales:
        assert len(sale.disclosures) == 3 and len(sale.tactics) == 5
        assert {keys[k] for k in sale.disclosures} == {"share", "keep"}
        assert {keys[k] for k in sale.tactics} == {
            "acceptable",
            "misrepresentation",
            "illegitimate source",
        }


def test_every_story_hangs_together(sales):
    """Amounts in euros; one buyer (Osprey), no name from another module's case; plausible
    numbers: the cost is below the highest reservation price, the accuracy beats chance."""
    for sale in sales[:300]:
        story = sale.story()
        assert "Kestrel" not in story and "Osprey" in story
        amounts = re.findall(r"(?<![\w%.,])\d{1,3}(?:,\d{3})+(?![\d%])", story)
        assert all(f"€{amount}" in story for amount in amounts), sale.learner
        assert 0 < sale.cost < max(sale.reservations)
        assert 0.25 < sale.report_accuracy < 1
    texts = [m.text for m in (*scenario.DISCLOSURES, *scenario.TACTICS)] + [
        n.text for n in scenario.NEWS
    ]
    assert not any("Kestrel" in text for text in texts)


def test_the_generator_rejects_what_the_invariants_forbid():
    """The rules the generator enforces are the rules above, and it needs few redraws."""
    counts = scenario.rejection_counts(LEARNERS[:300])
    assert counts["draws"] < 12 * 300
    assert all(problem in scenario.problems.__doc__ for problem in counts if problem != "draws")


# --- three formulations of every graded question ---------------------------------------


def likelihood_strict_numpy(sale):
    r = np.array(sale.reservations)
    fits = (sale.opening_low * r < sale.opening_offer) & (
        sale.opening_offer < sale.opening_high * r
    )
    density = np.where(fits, 1 / ((sale.opening_high - sale.opening_low) * r), 0.0)
    return dict(zip(sale.reservations, density, strict=True))


def likelihood_fractions(sale):
    low, high = Fraction(str(sale.opening_low)), Fraction(str(sale.opening_high))
    x = Fraction(sale.opening_offer)
    return {
        r: (1 / ((high - low) * Fraction(r)) if low * r <= x <= high * r else Fraction(0))
        for r in sale.reservations
    }


def bayes_by_hand(sale, likelihood):
    weights = {r: p * likelihood[r] for r, p in sale.prior_beliefs().items()}
    total = sum(weights.values())
    beliefs = {r: w / total for r, w in weights.items()}
    return beliefs, sum(r * p for r, p in beliefs.items())


def bayes_numpy(sale, likelihood):
    r = np.array(sale.reservations)
    w = np.array(sale.prior) * np.array([likelihood[v] for v in sale.reservations])
    w = w / w.sum()
    return dict(zip(sale.reservations, w, strict=True)), float(w @ r)


NEWS_SIGN = {"launch": 1, "inspection": 1, "rival-discount": -1, "lost-customer": -1}


def news_as_power(sale):
    sign = NEWS_SIGN.get(sale.news, 0)
    return {r: (r / max(sale.reservations)) ** (3 * sign) for r in sale.reservations}


def news_as_steps(sale):
    sign = NEWS_SIGN.get(sale.news, 0)
    middle = sorted(sale.reservations)[1]
    return {r: 0.5 + 0.25 * sign * ((r > middle) - (r < middle)) for r in sale.reservations}


def reservation_by_series(offers):
    first, second, third = offers
    step1, step2 = second - first, third - second
    return third + step2 * step2 / (step1 - step2)  # the steps still to come, summed


def reservation_by_solving(offers):
    # f (r − x1) = x2 − x1 and f (r − x2) = x3 − x2: solve for r
    first, second, third = (Fraction(int(o)) for o in offers)
    return float((second * second - first * third) / (2 * second - first - third))


def price_cumulative(sale, after):
    def best(beliefs):
        prices = sorted(beliefs, reverse=True)
        accepted = np.cumsum([beliefs[p] for p in prices])
        return prices[int(np.argmax((np.array(prices) - sale.cost) * accepted))]

    before, now = best(sale.prior_beliefs()), best(after)
    return before, now, bool(before != now)


def price_grid(sale, after):
    """Every price from the cost to the top in steps of 1,000 (every reservation price and
    every cost is a whole thousand), not just the reservation prices."""

    def best(beliefs):
        top = max(beliefs)
        grid = np.arange(sale.cost, top + 1_000, 1_000.0)
        return max(
            grid, key=lambda p: (p - sale.cost) * sum(c for r, c in beliefs.items() if r >= p)
        )

    return best(sale.prior_beliefs()), best(after), best(sale.prior_beliefs()) != best(after)


def report_by_posteriors(sale, after):
    def best(beliefs):
        return max(
            [0.0]
            + [(p - sale.cost) * sum(c for r, c in beliefs.items() if r >= p) for p in beliefs]
        )

    def perfect(beliefs):
        return sum(c * max(r - sale.cost, 0) for r, c in beliefs.items()) - best(beliefs)

    q, n = sale.report_accuracy, len(sale.reservations)
    value = 0.0
    for named in sale.reservations:
        likelihood = {r: q if r == named else (1 - q) / (n - 1) for r in after}
        chance = sum(likelihood[r] * after[r] for r in after)
        posterior_ = {r: likelihood[r] * after[r] / chance for r in after}
        value += chance * best(posterior_)
    worth = value - best(after)
    return perfect(sale.prior_beliefs()), perfect(after), worth, worth > sale.report_fee


def report_by_matrix(sale, after):
    r = np.array(sale.reservations)
    q, n = sale.report_accuracy, len(r)
    accepts = (r[None, :] >= r[:, None]).astype(float)  # accepts[i, j]: price r_i, value r_j
    margin = (r - sale.cost)[:, None]

    def best(weights):
        return max(0.0, float(np.max(margin[:, 0] * (accepts @ weights))))

    prior, post = np.array(sale.prior), np.array([after[v] for v in sale.reservations])
    likelihood = np.where(np.eye(n, dtype=bool), q, (1 - q) / (n - 1))  # [report, value]
    worth = sum(best(likelihood[s] * post) for s in range(n)) - best(post)
    informed = lambda w: float(w @ np.maximum(r - sale.cost, 0))  # noqa: E731
    return (
        informed(prior) - best(prior),
        informed(post) - best(post),
        worth,
        np.bool_(worth > sale.report_fee),
    )


LABELS = {
    "share": {"deposit", "fast-delivery", "reference"},
    "keep": {"lowest-price", "empty-order-book", "friday-deadline"},
    "acceptable": {"annual-report", "ask-timing", "price-survey", "hard-for-us", "true-rival"},
    "misrepresentation": {"invented-rival", "steel-costs", "hidden-fault"},
    "illegitimate source": {"ex-manager", "pretext-call", "gift-engineer"},
}


def fair_play_by_sets(sale):
    return {
        key: label
        for label, keys in LABELS.items()
        for key in keys
        if key in sale.disclosures or key in sale.tactics
    }


def fair_play_shouting(sale):
    return {key: label.upper() + " " for key, label in fair_play_by_sets(sale).items()}


ALTERNATIVES = {
    "opening_likelihood": (likelihood_strict_numpy, likelihood_fractions),
    "belief_after_opening": (bayes_by_hand, bayes_numpy),
    "news_likelihood": (news_as_power, news_as_steps),
    "reservation_from_concessions": (reservation_by_series, reservation_by_solving),
    "my_price": (price_cumulative, price_grid),
    "information_pays": (lambda: ["Wide", "Bottom"], lambda: (" wide", "bottom ")),
    "report_decision": (report_by_posteriors, report_by_matrix),
    "fair_play": (fair_play_by_sets, fair_play_shouting),
}


@pytest.fixture(scope="module")
def formulations():
    """Each graded question's three formulations: the notebook's solution, then two more."""
    with learner_as("sweep-0"):
        solutions = solution_namespace(MODULE, "information")
    return {q: (solutions[q], *alternatives) for q, alternatives in ALTERNATIVES.items()}


@pytest.fixture
def quick_checks(monkeypatch):
    """The checks as they decide, without what costs time and decides nothing: each
    scenario is drawn once per learner (drawing is deterministic); the learner's function
    is called directly, and its value arrives as plain Python, as ``call_learner`` gives
    it (numpy's numbers as float and bool, arrays as lists), without the encoding,
    argument copies and transcripts that tests/test_plaindata.py and tests/test_judge.py
    cover; passes are not written to a progress record."""

    def cached(module, learner=None):
        return drawn(learner or learner_id())

    def call_learner(function, *arguments, name=None):
        return plain(function(*arguments))

    monkeypatch.setattr(check, "variant", cached)
    monkeypatch.setattr(check, "call_learner", call_learner)
    monkeypatch.setattr(hints, "record_pass", lambda module, question: None)


def plain(value):
    """``value`` with numpy's numbers and arrays as Python's, as plain data decodes them."""
    if isinstance(value, np.ndarray | np.generic):
        return value.tolist()
    if isinstance(value, dict):
        return {plain(key): plain(item) for key, item in value.items()}
    if isinstance(value, tuple | list):
        return type(value)(plain(item) for item in value)
    return value


def test_plain_is_what_plain_data_gives():
    value = {np.float64(1.5): (np.bool_(True), np.arange(2), [Fraction(1, 3)], "x")}
    assert plain(value) == plaindata.decode(plaindata.encode(value))


def passes(question, answer, hidden):
    """Whether ``answer`` passes the question's check: every point of a scored question."""
    options = (
        {}
        if question in ("news_likelihood", "information_pays", "fair_play")
        else {"hidden": hidden}
    )
    credit = getattr(check, question)(answer, **options)
    return credit is None or credit.earned == credit.possible


def test_every_formulation_passes_every_learners_checks(formulations, quick_checks, capsys):
    failures = []
    for learner in LEARNERS:
        with learner_as(learner):
            for question, answers in formulations.items():
                for number, answer in enumerate(answers):
                    for hidden in (False, True) if learner in HIDDEN_SWEEP else (False,):
                        try:
                            ok = passes(question, answer, hidden)
                        except AssertionError as error:
                            ok, why = False, str(error)
                        else:
                            why = "partial credit"
                        if not ok:
                            failures.append((learner, question, number, hidden, why[:200]))
        capsys.readouterr()  # the pass messages
    assert not failures, failures[:5]


def test_the_hidden_cases_come_from_what_the_notebook_taught():
    """Hidden learners are generated like any learner; the fixed concession cases are
    buyers who move a fixed share of the gap (rising offers, shrinking steps)."""
    for learner in check.HIDDEN_LEARNERS:
        assert not scenario.problems(drawn(learner))
    for offers, reservation in check.CONCESSION_CASES:
        steps = [b - a for a, b in itertools.pairwise(offers)]
        assert steps[0] > steps[1] > 0
        assert scenario.reservation_from_concessions(offers) == pytest.approx(reservation)


# --- every question names the fields its reference solution reads ----------------------


class Reading:
    """A scenario that notes the name of every attribute its reader asks for."""

    def __init__(self, sale):
        self._sale, self.read = sale, set()

    def __getattr__(self, name):
        self.read.add(name)
        return getattr(self._sale, name)


def question_text(grade_id):
    cells = source_notebook(MODULE, "information").cells
    return next(c.source for c in cells if c.metadata["nbgrader"]["grade_id"] == grade_id)


@pytest.mark.parametrize(
    ("question", "text", "call"),
    [
        ("opening_likelihood", "q1-text", lambda f, s: f(s)),
        (
            "belief_after_opening",
            "q2-text",
            lambda f, s: f(s, scenario.opening_likelihood(s._sale)),
        ),
        ("news_likelihood", "q3-text", lambda f, s: f(s)),
        ("reservation_from_concessions", "q4-text", lambda f, s: f(s.wren_offers)),
        ("my_price", "q5-text", lambda f, s: f(s, scenario.posterior_after_opening(s._sale))),
        (
            "report_decision",
            "q7-text",
            lambda f, s: f(s, scenario.posterior_after_opening(s._sale)),
        ),
        ("fair_play", "q8-text", lambda f, s: f(s)),
    ],
)
def test_every_question_names_the_fields_its_solution_reads(formulations, question, text, call):
    reading = Reading(drawn("sweep-0"))
    call(formulations[question][0], reading)
    assert reading.read, question
    for name in reading.read:
        assert f"sale.{name}" in question_text(text), (question, name)
