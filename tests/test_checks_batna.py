"""course.checks.batna: the course's own solutions pass, and each typical mistake gets
a hint that names it (never a bare AssertionError)."""

import pytest

from course.checks import batna as check
from course.checks.hints import NotYet
from tests.notebooks import solution_namespace


@pytest.fixture
def answers(learner):
    """The source notebook's solutions, defined for learner 'ada'."""
    return solution_namespace("02_batna", "batna")


@pytest.mark.parametrize(
    "question",
    ["startup_tree", "choose_batna", "reservation_salary", "northwind_zopa"],
)
@pytest.mark.parametrize("hidden", [False, True])
def test_the_course_solutions_pass(answers, question, hidden, capsys):
    getattr(check, question)(answers[question], hidden=hidden)
    assert "\N{CHECK MARK}" in capsys.readouterr().out


def miss(check_function, answer, hidden=False):
    """The hint a check gives for ``answer``."""
    with pytest.raises(NotYet) as failure:
        check_function(answer, hidden=hidden)
    return str(failure.value)


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
    ],
)
def test_startup_tree_mistakes(learner, tree, hint):
    assert hint in miss(check.startup_tree, tree)


def test_hard_coded_numbers_pass_the_visible_check_but_not_the_hidden_one(answers, learner):
    own = answers["startup_tree"](answers["scenario"])
    hard_coded = lambda offers: own  # noqa: E731
    check.startup_tree(hard_coded)
    assert "for learner hidden-" in miss(check.startup_tree, hard_coded, hidden=True)


def test_choosing_by_best_case_is_called_out(answers, learner):
    def by_best_case(offers):
        return ("Lumen", offers.startup_base + offers.startup_bonus)

    # For ada, Lumen's funded salary (121k) is the best case of all, but Harbor Bank's
    # sure 89k beats Lumen's 82.5k on average.
    assert answers["choose_batna"](answers["scenario"]) == ("Harbor Bank", 89_000)
    assert "compare expected values, not best cases" in miss(check.choose_batna, by_best_case)


def test_a_misspelt_alternative_lists_the_names(learner):
    assert "not one of your alternatives: Harbor Bank, Lumen, Freelance" in miss(
        check.choose_batna, lambda offers: ("harbor", 1.0)
    )


def test_forgetting_the_moving_cost_is_named(answers, learner):
    def batna_only(offers):
        return answers["choose_batna"](offers)[1]

    assert "also costs you the extra commute" in miss(check.reservation_salary, batna_only)


def test_a_swapped_zone_is_named(answers, learner):
    def swapped(offers):
        zone = answers["northwind_zopa"](offers)
        return zone and (zone[1], zone[0])

    # Some hidden learner has a zone, so the swap shows up there at the latest.
    assert "swapped" in miss(check.northwind_zopa, swapped, hidden=True)


def test_a_zone_where_there_is_none_is_named(answers, learner):
    def always_a_zone(offers):
        return (answers["reservation_salary"](offers), offers.northwind_budget)

    assert "there is no zone, return None" in miss(check.northwind_zopa, always_a_zone, hidden=True)


@pytest.mark.parametrize("hidden", [False, True])
def test_batna_needed_gives_full_credit_to_the_solution(answers, hidden):
    credit = check.batna_needed(answers["batna_needed"], hidden=hidden)
    assert (credit.earned, credit.possible, repr(credit)) == (2, 2, "2")
    assert all(outcome.passed for outcome in credit.outcomes)


def messages(credit):
    """{check: (points earned, message)} of a credit."""
    return {o.check: (o.earned, o.message) for o in credit.outcomes}


def test_half_the_batna_step_costs_only_the_reachable_check(learner):
    def half(target, pie, theirs):
        return None if target > pie - theirs else target - (pie - theirs) / 2

    got = messages(check.batna_needed(half))
    assert got["targets within reach"][0] == 0
    assert "only half a unit" in got["targets within reach"][1]
    assert got["targets out of reach"][0] == 1


@pytest.mark.parametrize("hidden", [False, True])
def test_an_unreachable_target_must_be_none_and_costs_one_point(learner, hidden):
    def never_none(target, pie, theirs):
        return 2 * target - pie + theirs

    credit = check.batna_needed(never_none, hidden=hidden)
    got = messages(credit)
    assert credit.earned == 1 and repr(credit) == "1"
    assert got["targets within reach"] == (1, "batna_needed inverts the Nash split.")
    assert got["targets out of reach"][0] == 0
    assert "out of reach; return None" in got["targets out of reach"][1]


def test_an_unwritten_batna_needed_earns_nothing_and_says_why(learner):
    def batna_needed(target, pie, their_batna):
        raise NotImplementedError()

    credit = check.batna_needed(batna_needed)
    assert credit.earned == 0 and repr(credit) == "0"
    assert all("raise NotImplementedError()" in o.message for o in credit.outcomes)


def test_a_hint_renders_without_a_traceback():
    lines = NotYet("first line\nsecond line")._render_traceback_()
    assert lines == ["\x1b[0;31mNot yet:\x1b[0m first line", "  second line"]


def test_a_zone_of_a_single_price_is_not_called_swapped(monkeypatch, capsys):
    """Found by grading a real class: when the budget equals the reservation exactly."""
    import course
    from course.models.batna import best_alternative
    from course.scenarios.batna import alternatives_of

    def point_zone(learner):
        offers = course.variant("02_batna", learner)
        return (
            best_alternative(alternatives_of(offers))[1] + offers.moving_cost
            == offers.northwind_budget
        )

    learner = next(f"learner-{n}" for n in range(2000) if point_zone(f"learner-{n}"))
    monkeypatch.setenv("LEVERAGE_LEARNER", learner)
    answers = solution_namespace("02_batna", "batna")
    check.northwind_zopa(answers["northwind_zopa"])
    assert "finds the zone" in capsys.readouterr().out
