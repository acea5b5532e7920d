"""course.checks.power: the course's own solutions pass, and each typical mistake gets a
hint that names it (never a bare AssertionError)."""

import pytest

import course
from course.checks import power as check
from course.checks.hints import NotYet
from course.course_map import questions
from course.models.power import banzhaf_index, rubinstein_share
from tests.notebooks import solution_namespace

QUESTIONS = questions("03_power")


@pytest.fixture
def answers(learner):
    """The source notebook's solutions, defined for learner 'ada'."""
    return solution_namespace("03_power", "power")


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


@pytest.mark.parametrize("question", QUESTIONS)
def test_hard_coding_the_learners_own_answer_fails_the_hidden_check(answers, question):
    own = answers[question](answers["scenario"])
    hard_coded = lambda s: own  # noqa: E731
    getattr(check, question)(hard_coded)
    assert "for learner hidden-" in miss(getattr(check, question), hard_coded, hidden=True)


def test_an_unwritten_answer_says_to_replace_the_stub(learner):
    def market_game(s):
        raise NotImplementedError()

    assert "Replace the line  raise NotImplementedError()" in miss(check.market_game, market_game)


def test_the_market_game_mistakes(answers, learner):
    def summed(s):
        game = answers["market_game"](s)
        game[frozenset({"Kestrel", "Atlas", "Borealis"})] = s.atlas_value + s.borealis_value
        return game

    def buyers_earn_alone(s):
        return {**answers["market_game"](s), frozenset({"Atlas"}): s.atlas_value}

    def missing_one(s):
        game = answers["market_game"](s)
        del game[frozenset({"Atlas", "Borealis"})]
        return game

    assert "one licence" in miss(check.market_game, summed)
    assert "no licence to use without Kestrel" in miss(check.market_game, buyers_earn_alone)
    assert "no value for {Atlas, Borealis}" in miss(check.market_game, missing_one)
    assert "is not a coalition" in miss(check.market_game, lambda s: {"Kestrel": 0})
    assert "'Zephyr' is not a player" in miss(check.market_game, lambda s: {("Zephyr",): 0})
    assert "should return a dict" in miss(check.market_game, lambda s: [])


def test_the_empty_coalition_may_be_left_out_and_tuples_work(answers, learner, capsys):
    def tuples(s):
        return {tuple(sorted(c)): v for c, v in answers["market_game"](s).items() if c}

    check.market_game(tuples, hidden=True)
    assert "\N{CHECK MARK}" in capsys.readouterr().out


def test_the_rival_worth_mistakes(answers, learner):
    assert "Borealis' whole valuation" in miss(check.rival_worth, lambda s: s.borealis_value)

    def whole_value(s):
        game = answers["market_game"](s)
        return answers["shapley_values"](["Kestrel", "Atlas", "Borealis"], game)["Kestrel"]

    assert "Kestrel's whole Shapley value" in miss(check.rival_worth, whole_value)


def test_power_read_as_the_smallest_vote_is_called_out(learner):
    def smallest(s):
        least = min(s.weights)
        return {n for n, w in s.members if w == least}

    # Some learner's Kestrel (the smallest member) can swing a vote, so this shows up.
    assert "power is not proportional to votes" in miss(check.powerless_members, smallest, True)


def test_a_member_with_power_named_powerless_is_explained(learner):
    def everyone(s):
        return set(s.names)

    assert "can swing a decision" in miss(check.powerless_members, everyone, hidden=True)


def test_a_powerless_member_left_out_is_explained(learner):
    assert "never swings a decision" in miss(check.powerless_members, lambda s: set(), True)


def test_votes_needed_explains_both_directions(learner):
    assert "still never decides anything" in miss(check.votes_needed, lambda s: 0, hidden=True)
    assert "can already swing" in miss(check.votes_needed, lambda s: s.quota, hidden=True)
    assert "whole number of votes" in miss(check.votes_needed, lambda s: 1.5)


def test_the_variants_differ_where_it_matters(learner):
    """The hidden learners must disagree on each answer, or hidden tests prove nothing."""
    scenarios = [course.variant("03_power", f"hidden-{n}") for n in range(1, 6)]
    powerless = {
        frozenset(
            n for n, b in zip(s.names, banzhaf_index(s.quota, s.weights), strict=True) if b == 0
        )
        for s in scenarios
    }
    assert len(powerless) > 1
    binding = {
        s.outside_offer > s.contract_value * (1 - rubinstein_share(s.delta_them, s.delta_you))
        for s in [course.variant("03_power", "ada"), *scenarios]
    }
    assert binding == {True, False}  # Harrow's offer sometimes matters, sometimes not


@pytest.mark.parametrize(
    ("wrong", "hint"),
    [
        (
            lambda s: s.contract_value * rubinstein_share(s.delta_them, s.delta_you),
            "that is Granite's share",
        ),
        (
            lambda s: max(
                s.outside_offer, s.contract_value * rubinstein_share(s.delta_you, s.delta_them)
            ),
            "if Kestrel proposed first",
        ),
        (
            lambda s: s.outside_offer + (s.contract_value - s.outside_offer) / 2,
            "splitting the difference",
        ),
        (lambda s: 1 - rubinstein_share(s.delta_them, s.delta_you), "as a fraction"),
    ],
)
def test_the_granite_deal_mistakes(learner, wrong, hint):
    assert hint in miss(check.granite_deal, wrong, hidden=True)


def test_forgetting_harrow_is_named_when_harrow_matters(learner):
    def no_harrow(s):
        return s.contract_value * (1 - rubinstein_share(s.delta_them, s.delta_you))

    assert "Granite must match it" in miss(check.granite_deal, no_harrow, hidden=True)


def test_a_fraction_is_an_acceptable_amount(answers, learner, capsys):
    from fractions import Fraction

    check.rival_worth(lambda s: Fraction(s.borealis_value) / 6, hidden=True)
    assert "\N{CHECK MARK}" in capsys.readouterr().out
