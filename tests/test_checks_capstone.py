"""course.checks.capstone: the course's own solutions pass, each typical mistake gets a
hint that names it, and answers that only fit the learner's own case fail the hidden checks."""

import dataclasses

import pytest

import course
from course.checks import capstone as check
from course.checks.hints import NotYet
from course.course_map import questions
from course.models.concessions import package_points
from course.scenarios.capstone import expected_walkaway, quell_posterior, reservation_of
from tests.notebooks import solution_namespace

QUESTIONS = questions("05_capstone")


@pytest.fixture(scope="module")
def answers():
    """The source notebook's solutions, defined for learner 'ada'."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LEVERAGE_LEARNER", "ada")
        return solution_namespace("05_capstone", "capstone")


def miss(check_function, answer, hidden=False):
    """The hint a check gives for ``answer``."""
    with pytest.raises(NotYet) as failure:
        check_function(answer, hidden=hidden)
    return str(failure.value)


@pytest.mark.parametrize("question", QUESTIONS)
@pytest.mark.parametrize("hidden", [False, True])
def test_the_course_solutions_pass(learner, answers, question, hidden, capsys):
    getattr(check, question)(answers[question], hidden=hidden)
    assert "\N{CHECK MARK}" in capsys.readouterr().out


def test_the_hidden_cases_differ_where_it_matters(learner):
    """If the hidden cases agreed with the learner's, hidden tests would prove nothing."""
    cases = check._cases(hidden=True)
    assert len({check.batna_of(c)[0] for c in cases}) == 2
    assert len({round(reservation_of(c), 2) for c in cases}) == len(cases)
    assert len({tuple(check.power_of(c).values()) for c in cases}) >= 3
    assert len({tuple(check.opening_of(c).values()) for c in cases}) >= 4


def test_every_question_defeats_an_answer_typed_in_from_the_own_case(learner, answers):
    own = course.variant("05_capstone")
    for question in QUESTIONS[:-1]:
        typed = answers[question](own)
        getattr(check, question)(lambda s, typed=typed: typed)
        hint = miss(getattr(check, question), lambda s, typed=typed: typed, True)
        assert "not on every scenario grading tries" in hint and "hidden-" not in hint
    trades = {
        tuple(start.values()): answers["next_trade"](own, start)
        for start in check._starts(own, hidden=False)
    }
    typed = lambda s, current: trades[tuple(current.values())]  # noqa: E731
    check.next_trade(typed)
    hint = miss(check.next_trade, typed, hidden=True)
    assert "not on every scenario grading tries" in hint and "hidden-" not in hint


def test_an_unwritten_answer_says_to_replace_the_stub(learner):
    def my_batna(s):
        raise NotImplementedError()

    assert "Replace the line  raise NotImplementedError()" in miss(check.my_batna, my_batna)


def _brenn(s):
    return [(s.brenn_chance, s.brenn_profit), (1 - s.brenn_chance, s.spot_profit)]


def test_batna_hints(learner, answers):
    own = course.variant("05_capstone")
    best, value = answers["my_batna"](own)
    other = "Kessel" if best == "Brenn" else "Brenn"
    assert "whichever has the best single outcome" in miss(check.my_batna, lambda s: (other, value))
    no_spot = miss(
        check.my_batna,
        lambda s: (
            ("Brenn", s.brenn_chance * s.brenn_profit)
            if answers["my_batna"](s)[0] == "Brenn"
            else ("Kessel", s.pilot_chance * (s.kessel_full + s.kessel_half) / 2)
        ),
    )
    assert "spot market" in no_spot
    assert "a (name, profit) pair" in miss(check.my_batna, lambda s: value)


@pytest.mark.parametrize(
    ("wrong", "hint"),
    [
        (lambda s: check.batna_of(s)[1], "Marlow's audit and tooling cost you more"),
        (lambda s: check.batna_of(s)[1] - s.audit_cost, "you need more profit, not less"),
        (lambda s: "a lot", "should be a number"),
    ],
)
def test_reservation_hints(learner, wrong, hint):
    assert hint in miss(check.my_reservation, wrong)


def test_the_reservation_edge_case_catches_an_answer_that_ignores_the_audit_cost(learner):
    """With the audit cost set to 0 in the hidden edge case, a fixed add-on is caught."""
    own = course.variant("05_capstone")
    fixed = own.audit_cost
    check.my_reservation(lambda s: check.batna_of(s)[1] + fixed)
    hint = miss(check.my_reservation, lambda s: check.batna_of(s)[1] + fixed, True)
    assert "not on every scenario grading tries" in hint and f"{fixed:,.2f}" not in hint


@pytest.mark.parametrize(
    ("wrong", "hint"),
    [
        (lambda s: (s.quell_prior, expected_walkaway(s)), "update it with Bayes' rule"),
        (
            lambda s: (
                s.quell_prior
                * s.rush_if_not
                / (s.quell_prior * s.rush_if_not + (1 - s.quell_prior) * s.rush_if_quell),
                0,
            ),
            "the likelihoods are swapped",
        ),
        (
            lambda s: (
                quell_posterior(s),
                s.quell_prior * s.walkaway_if_quell + (1 - s.quell_prior) * s.walkaway_if_not,
            ),
            "by the updated chance, not the prior",
        ),
        (
            lambda s: (
                quell_posterior(s),
                quell_posterior(s) * s.walkaway_if_not
                + (1 - quell_posterior(s)) * s.walkaway_if_quell,
            ),
            "the walk-aways are swapped",
        ),
    ],
)
def test_walkaway_hints(learner, wrong, hint):
    assert hint in miss(check.marlow_walkaway, wrong)


@pytest.mark.parametrize("source", ["alternatives", "dependence", "time", "edge"])
def test_power_map_names_the_source_it_got_wrong(learner, answers, source):
    def wrong(s):
        held = answers["power_map"](s)
        held[source] = "even" if held[source] != "even" else "you"
        return held

    assert f"{source} is held by" in miss(check.power_map, wrong)


def test_power_map_ties_are_even(learner, answers):
    """The hidden edge case with equal weeks and equal shares: nobody holds those sources."""
    own = course.variant("05_capstone")
    tied = dataclasses.replace(
        own, your_weeks=6, their_weeks=6, their_supply_share=0.5, your_sales_share=0.5
    )
    held = check.power_of(tied)
    assert held["time"] == held["dependence"] == "even"
    assert held == answers["power_map"](tied)


def test_power_map_refuses_other_words(learner, answers):
    def sloppy(s):
        return {**answers["power_map"](s), "time": "me"}

    assert "one of 'you', 'Marlow', 'even'" in miss(check.power_map, sloppy)
    assert "keys alternatives, dependence, time, edge" in miss(check.power_map, lambda s: {})


def test_opening_hints(learner):
    def ideal(s):
        return {issue: levels[0] for issue, levels in s.issues.items()}

    assert "an opening it must refuse out of hand" in miss(check.opening_offer, ideal)

    def generous(s):
        return {issue: levels[-1] for issue, levels in s.issues.items()}

    assert "open as high as Marlow could still accept" in miss(check.opening_offer, generous)
    assert "is not a package of this contract" in miss(check.opening_offer, lambda s: {"x": 1})


def test_an_opening_on_the_prior_is_told_to_use_the_update(learner, monkeypatch):
    """An opening grounded on the walk-away before the rush request is named as such,
    when that walk-away is lower than the updated one."""
    own = course.variant("05_capstone")
    case = dataclasses.replace(own, quell_prior=0.5, rush_if_quell=0.9, rush_if_not=0.1)
    monkeypatch.setattr(check, "variant", lambda module, learner=None: case)
    prior = 0.5 * case.walkaway_if_quell + 0.5 * case.walkaway_if_not

    def on_the_prior(s):
        return max(
            (p for p, _, them in check.all_packages(s.yours, s.theirs) if them >= prior),
            key=lambda p: (package_points(p, s.yours), package_points(p, s.theirs)),
        )

    assert expected_walkaway(case) > prior
    assert "not before it" in miss(check.opening_offer, on_the_prior)


def test_next_trade_hints(learner, answers):
    def never(s, current):
        return None

    assert "is a trade you can make" in miss(check.next_trade, never)

    def two_levels(s, current):
        found = answers["next_trade"](s, current)
        if found is None:
            return None
        return {issue: s.issues[issue][0] for issue in s.issues}

    assert "exactly one issue one level" in miss(check.next_trade, two_levels)


def test_next_trade_wants_free_trades_first(learner, answers):
    """Picking by points per unit given, even when a trade costs nothing, is caught."""

    def worst_fair(s, current):
        floor = reservation_of(s)
        allowed = [
            p
            for p in check.single_trades(s, current)
            if package_points(p, s.theirs) > package_points(current, s.theirs)
            and package_points(p, s.yours) >= floor
        ]
        return min(allowed, key=lambda p: check.trade_rank(s, current, p), default=None)

    hint = miss(check.next_trade, worst_fair, hidden=True)
    assert "trade for free first" in hint and "next_trade(case," not in hint
