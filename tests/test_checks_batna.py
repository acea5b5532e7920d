"""course.checks.batna: the course's own solutions pass, each typical mistake gets a hint
that names it (never a bare AssertionError), and each question is checked on its own."""

from dataclasses import replace

import pytest

import course
from course.checks import batna as check
from course.checks.hints import NotYet
from course.models.batna import best_alternative, flatten
from course.scenarios.batna import (
    REMOTE_DAYS,
    NorthwindOffer,
    alternatives_of,
    batna_value,
    northwind_limit,
    reservation_of,
)
from tests.notebooks import solution_namespace

SCORED = ["northwind_zopa", "batna_needed", "respond_to_offer"]


@pytest.fixture
def answers(learner):
    """The source notebook's solutions, defined for learner 'ada'."""
    return solution_namespace("02_batna", "batna")


@pytest.mark.parametrize("question", ["startup_tree", "choose_batna", "reservation_salary"])
@pytest.mark.parametrize("hidden", [False, True])
def test_the_course_solutions_pass(answers, question, hidden, capsys):
    getattr(check, question)(answers[question], hidden=hidden)
    assert "\N{CHECK MARK}" in capsys.readouterr().out


@pytest.mark.parametrize("question", SCORED)
@pytest.mark.parametrize("hidden", [False, True])
def test_the_course_solutions_earn_every_point(answers, question, hidden):
    credit = getattr(check, question)(answers[question], hidden=hidden)
    assert (credit.earned, credit.possible, repr(credit)) == (2, 2, "2")


def test_the_statements_solution_earns_every_point(answers):
    credit = check.label_statements(answers["label_statements"])
    assert (credit.earned, credit.possible) == (2, 2)


def miss(check_function, answer, hidden=False):
    """The hint a check gives for ``answer``."""
    with pytest.raises(NotYet) as failure:
        check_function(answer, hidden=hidden)
    return str(failure.value)


def messages(credit):
    """{check: (points earned, message)} of a credit."""
    return {o.check: (o.earned, o.message) for o in credit.outcomes}


def test_an_unwritten_answer_says_to_replace_the_stub(learner):
    def startup_tree(offers):
        raise NotImplementedError()

    assert "Replace the line  raise NotImplementedError()" in miss(check.startup_tree, startup_tree)


def test_a_crash_shows_the_learners_error(learner):
    assert "raised ZeroDivisionError" in miss(check.startup_tree, lambda offers: 1 / 0)


def test_a_non_function_is_named(learner):
    assert "should be a function" in miss(check.startup_tree, 42)


@pytest.mark.parametrize(
    ("tree", "hint"),
    [
        (lambda o: [(1.0, o.startup_base)], "leaves out the bonus"),
        (lambda o: [(1.0, o.startup_base + o.startup_bonus)], "counts the bonus as certain"),
        (
            lambda o: [
                (1 - o.funding_probability, o.startup_base + o.startup_bonus),
                (o.funding_probability, o.startup_base),
            ],
            "not with 1 -",
        ),
        (lambda o: [(0.5, 1), (0.6, 2)], "must sum to 1"),
        # the right expected value as a single sure salary is not Lumen's offer
        (
            lambda o: [(1.0, o.startup_base + o.funding_probability * o.startup_bonus)],
            "a single outcome",
        ),
    ],
)
def test_startup_tree_mistakes(learner, tree, hint):
    assert hint in miss(check.startup_tree, tree)


def test_a_tree_of_other_outcomes_is_told_what_its_outcomes_are(learner):
    """The hint describes the learner's own tree, whatever its expected value."""
    hint = miss(
        check.startup_tree, lambda o: [(0.5, o.startup_base - 1_000), (0.5, o.startup_base + 1_000)]
    )
    assert (
        "its outcomes are 67,000 with chance 0.5, 69,000 with chance 0.5" in hint
    )  # ada: base 68,000
    assert (
        "leaves out the bonus" not in hint
    )  # its expected value is the base, but not by that mistake


def test_a_wrong_value_of_lumen_points_to_question_1(learner):
    hint = miss(check.choose_batna, lambda o: ("Lumen", 95_000.0))
    assert "Lumen's value comes from your startup_tree, so make sure question 1 passes" in hint


def test_an_equivalent_tree_passes(learner, capsys):
    """Outcomes in the other order, or one outcome split in two, are the same offer."""

    def reordered(o):
        p = o.funding_probability
        funded = (p / 2, o.startup_base + o.startup_bonus)
        return [(1 - p, o.startup_base), funded, funded]

    check.startup_tree(reordered, hidden=True)
    assert "\N{CHECK MARK}" in capsys.readouterr().out


def test_hard_coded_numbers_pass_the_visible_check_but_not_the_hidden_one(answers, learner):
    own = answers["startup_tree"](answers["scenario"])
    hard_coded = lambda offers: own  # noqa: E731
    check.startup_tree(hard_coded)
    hint = miss(check.startup_tree, hard_coded, hidden=True)
    assert "right on your own scenario, but not on every scenario grading tries" in hint
    assert "hidden-" not in hint  # a hidden case is never named


def test_choosing_by_best_case_is_called_out(monkeypatch):
    def best_case(offers):
        alternatives = alternatives_of(offers)
        return max(alternatives, key=lambda n: max(a for _, a in flatten(alternatives[n])))

    def by_best_case(offers):
        return (best_case(offers), 0.0)

    learner = next(
        f"learner-{n}"
        for n in range(100)
        if best_case(course.variant("02_batna", f"learner-{n}"))
        != best_alternative(alternatives_of(course.variant("02_batna", f"learner-{n}")))[0]
    )
    monkeypatch.setenv("LEVERAGE_LEARNER", learner)
    assert "compare expected values, not best cases" in miss(check.choose_batna, by_best_case)


def test_the_wrong_choice_is_told_both_values(answers, learner):
    # For ada, Freelance's 93,625 beats Lumen's 89,000 on average.
    assert answers["choose_batna"](answers["scenario"]) == ("Freelance", 93_625)
    hint = miss(check.choose_batna, lambda offers: ("Lumen", 89_000))
    assert "Lumen is worth 89,000.00 on average but Freelance is worth 93,625.00" in hint


def own_case(monkeypatch, offers):
    """Make ``offers`` the own scenario of the learner ('ada') for the checks; other
    learners' stay."""
    import course.checks.batna as module

    real = module._drawn
    monkeypatch.setattr(
        module, "_drawn", lambda learner: offers if learner == "ada" else real(learner)
    )


def test_either_of_two_tied_alternatives_is_right(learner, monkeypatch, capsys):
    """The generator never draws a tie, but the rule says either name is right."""
    import course.checks.batna as module

    tied = replace(module.variant("02_batna"), bank_salary=93_625.0)  # as Freelance, for ada
    own_case(monkeypatch, tied)
    check.choose_batna(lambda offers: ("Freelance", 93_625.0))
    check.choose_batna(lambda offers: ("Harbor Bank", 93_625))
    assert capsys.readouterr().out.count("\N{CHECK MARK}") == 2


def test_a_misspelt_alternative_lists_the_names(learner):
    assert "not one of your alternatives: Harbor Bank, Lumen, Freelance" in miss(
        check.choose_batna, lambda offers: ("harbor", 1.0)
    )


def test_forgetting_the_commute_is_named(answers, learner):
    def batna_only(offers):
        return answers["choose_batna"](offers)[1]

    assert "Northwind also costs you the commute" in miss(check.reservation_salary, batna_only)


def test_a_reservation_price_on_the_wrong_batna_points_to_question_2(learner):
    def on_lumen(offers):
        return (
            offers.startup_base
            + offers.funding_probability * offers.startup_bonus
            + (offers.commute_cost)
        )

    assert "check choose_batna (question 2) first" in miss(check.reservation_salary, on_lumen)


def test_northwind_zopa_is_given_the_right_reservation_price(learner):
    """A mistake in question 3 cannot cost question 4: the check passes the value."""
    seen = []

    def spy(offers, reservation):
        seen.append((reservation, reservation_of(offers)))
        return None

    check.northwind_zopa(spy)
    assert seen and all(got == right for got, right in seen)


@pytest.mark.parametrize("hidden", [False, True])
def test_each_kind_of_zone_is_tested_visibly_and_costs_its_own_point(learner, hidden):
    """ada has a zone; the visible check also tries an example without one."""

    def always_a_zone(offers, reservation):
        return (reservation, northwind_limit(offers))

    always_none = messages(check.northwind_zopa(lambda offers, reservation: None, hidden=hidden))
    got = messages(check.northwind_zopa(always_a_zone, hidden=hidden))
    assert always_none["a zone when there is one"][0] == 0
    assert always_none["None when there is no zone"][0] == 1
    assert got["a zone when there is one"][0] == 1
    assert got["None when there is no zone"][0] == 0
    if not hidden:
        assert "there is a zone" in always_none["a zone when there is one"][1]
        assert "so return None" in got["None when there is no zone"][1]


@pytest.mark.parametrize(
    ("zone", "hint"),
    [
        (lambda o, r: (northwind_limit(o), r), "swapped"),
        (lambda o, r: (r, o.agency_rate), "the contractor's rate plus the agency's fee"),
        (lambda o, r: (r, 100_000.0), "what its alternative, the agency's contractor, costs it"),
    ],
)
def test_zone_mistakes_are_named(learner, zone, hint):
    def answer(offers, reservation):
        return None if northwind_limit(offers) < reservation else zone(offers, reservation)

    assert hint in messages(check.northwind_zopa(answer))["a zone when there is one"][1]


def test_half_the_batna_step_costs_only_the_reachable_check(learner):
    def half(target, pie, theirs, walk_any_time=False):
        if target > pie - theirs:
            return None
        return target if walk_any_time else target - (pie - theirs) / 2

    got = messages(check.batna_needed(half))
    assert got["targets within reach"][0] == 0
    assert "only half a unit" in got["targets within reach"][1]
    assert got["targets out of reach"][0] == 0.5
    assert got["walking away at any time"][0] == 0.5


@pytest.mark.parametrize("hidden", [False, True])
def test_an_unreachable_target_must_be_none(learner, hidden):
    def never_none(target, pie, theirs, walk_any_time=False):
        return target if walk_any_time else 2 * target - pie + theirs

    got = messages(check.batna_needed(never_none, hidden=hidden))
    assert got["targets within reach"] == (1, "batna_needed inverts the Nash split.")
    assert got["targets out of reach"][0] == 0
    assert "out of reach; return None" in got["targets out of reach"][1]
    assert got["walking away at any time"][0] == 0


def test_the_nash_answer_for_an_outside_option_is_named(learner):
    def nash_only(target, pie, theirs, walk_any_time=False):
        return None if target > pie - theirs else 2 * target - pie + theirs

    got = messages(check.batna_needed(nash_only))
    assert got["walking away at any time"][0] == 0
    assert "that is the Nash answer" in got["walking away at any time"][1]
    assert got["targets within reach"][0] == 1 and got["targets out of reach"][0] == 0.5


def test_a_three_argument_answer_keeps_the_nash_points(learner):
    """Answers written before the fourth argument existed lose only the new check."""

    def three(target, pie, theirs):
        return None if target > pie - theirs else 2 * target - pie + theirs

    credit = check.batna_needed(three)
    assert credit.earned == 1.5
    assert "takes 3 positional arguments" in messages(credit)["walking away at any time"][1]


def test_a_wrong_batna_hint_states_the_share_it_would_really_give(learner):
    got = messages(check.batna_needed(lambda target, pie, theirs, walk_any_time=False: 10))
    # (55, 100, 40) with a BATNA of 10: Nash share (100 + 10 - 40) / 2 = 35
    assert "with a BATNA of 10 you would get 35, not 55" in got["targets within reach"][1]


def test_hidden_batna_cases_stay_in_the_taught_domain(learner):
    for target, pie, theirs in check.batna_needed_cases(hidden=True):
        assert theirs < pie / 2 and target > pie / 2
        assert abs(target - (pie - theirs)) >= 1
        if target <= pie - theirs:
            assert 2 * target - pie + theirs > 0


def test_an_unwritten_batna_needed_earns_nothing_and_says_why(learner):
    def batna_needed(target, pie, their_batna, walk_any_time=False):
        raise NotImplementedError()

    credit = check.batna_needed(batna_needed)
    assert credit.earned == 0 and repr(credit) == "0"
    assert all("raise NotImplementedError()" in o.message for o in credit.outcomes)


def test_respond_to_offer_is_given_the_right_earlier_values(learner):
    seen = []

    def spy(offers, offer, value, limit):
        seen.append((value, limit, batna_value(offers), northwind_limit(offers)))
        return "counter"

    check.respond_to_offer(spy)
    assert seen and all(v == right_v and lim == right_lim for v, lim, right_v, right_lim in seen)


@pytest.mark.parametrize(
    ("rule", "check_name", "hint"),
    [
        # accepting anything above the BATNA's value: the commute trap
        (
            lambda o, offer, v, lim: "accept" if offer.salary > v else "counter",
            "accept or counter",
            "once the commute is counted you would be worse off than with your BATNA",
        ),
        # walking out on an extreme first offer
        (
            lambda o, offer, v, lim: "walk away" if offer.salary < v else "counter",
            "accept or counter",
            "tells you where Northwind opens, not where it must stop",
        ),
        # never walking away
        (
            lambda o, offer, v, lim: "counter",
            "walk away",
            "even with two remote days your reservation price is",
        ),
        (lambda o, offer, v, lim: "yes", "accept or counter", "should be one of 'accept'"),
    ],
)
def test_respond_to_offer_mistakes_are_named(learner, rule, check_name, hint):
    got = messages(check.respond_to_offer(rule))
    assert got[check_name][0] == 0 and hint in got[check_name][1], got[check_name][1]


def test_ignoring_remote_days_is_caught_where_they_matter(learner, monkeypatch):
    """An offer with remote days whose salary is acceptable only once they halve the commute."""

    def no_remote_days(offers, offer, value, limit):
        if limit < value + offers.commute_cost / 2:
            return "walk away"
        return "accept" if offer.salary >= (value + offers.commute_cost + limit) / 2 else "counter"

    import course.checks.batna as module

    ada = module.variant("02_batna")
    value, limit = batna_value(ada), northwind_limit(ada)
    split = (value + ada.commute_cost / 2 + limit) / 2
    offer = NorthwindOffer(float(int(split) + 1), REMOTE_DAYS)
    assert offer.salary < (value + ada.commute_cost + limit) / 2  # only remote days make it
    own_case(monkeypatch, replace(ada, northwind_offers=(offer, *ada.northwind_offers[1:])))
    got = messages(check.respond_to_offer(no_remote_days))
    assert got["accept or counter"][0] == 0
    assert "the remote days halve your commute" in got["accept or counter"][1]


def test_statements_are_scored_half_a_point_each(answers, learner):
    key = answers["label_statements"]()
    one_wrong = {**key, "A": "bluff" if key["A"] != "bluff" else "honest"}
    credit = check.label_statements(lambda: one_wrong)
    assert credit.earned == 1.5
    assert "statement A is not" in messages(credit)["statement A"][1]


def test_an_unknown_label_and_a_missing_letter_are_named(answers, learner):
    got = messages(check.label_statements(lambda: {"A": "lie"}))
    assert (
        "should be one of 'honest', 'threat', 'bluff', 'misrepresentation', got 'lie'"
        in (got["statement A"][1])
    )
    assert "no label for statement B yet" in got["statement B"][1]
    unwritten = messages(check.label_statements(lambda: [1 / 0]))
    assert all("raised ZeroDivisionError" in message for _, message in unwritten.values())


def test_a_hint_renders_without_a_traceback():
    lines = NotYet("first line\nsecond line")._render_traceback_()
    assert lines == ["\x1b[0;31mNot yet:\x1b[0m first line", "  second line"]
