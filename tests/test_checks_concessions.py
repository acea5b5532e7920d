"""course.checks.concessions: the course's own solutions pass, and each typical mistake
gets a hint that names it (never a bare AssertionError)."""

import pytest

import course
from course.checks import concessions as check
from course.checks.hints import NotYet
from course.course_map import questions
from course.models.concessions import all_packages, time_dependent_offer
from course.scenarios.concessions import reservation_of
from tests.notebooks import solution_namespace

QUESTIONS = questions("04_concessions")


@pytest.fixture
def answers(learner):
    """The source notebook's solutions, defined for learner 'ada'."""
    return solution_namespace("04_concessions", "concessions")


def miss(check_function, answer, hidden=False):
    """The hint a check gives for ``answer``."""
    with pytest.raises(NotYet) as failure:
        check_function(answer, hidden=hidden)
    return str(failure.value)


@pytest.mark.parametrize("question", QUESTIONS)
@pytest.mark.parametrize("hidden", [False, True])
def test_the_course_solutions_pass(answers, question, hidden, capsys):
    getattr(check, question)(answers[question], hidden=hidden)
    assert "\N{CHECK MARK}" in capsys.readouterr().out


def test_hard_coding_the_learners_own_answers_fails_the_hidden_checks(answers):
    own = answers["scenario"]
    offers = {t: answers["my_offer"](own, t) for t in range(own.deadline + 3)}
    check.my_offer(lambda s, t: offers[t])
    assert "for learner hidden-" in miss(check.my_offer, lambda s, t: offers[t], hidden=True)
    frontier = answers["pareto_packages"](own)
    check.pareto_packages(lambda s: frontier)
    assert "for learner hidden-" in miss(check.pareto_packages, lambda s: frontier, hidden=True)


def test_the_hidden_learners_differ_where_it_matters(learner):
    """If the hidden scenarios agreed with the learner's, hidden tests would prove nothing."""
    scenarios = [course.variant("04_concessions", f"hidden-{n}") for n in range(1, 6)]
    assert len({reservation_of(s) for s in scenarios}) > 1
    assert len({s.beta for s in scenarios}) > 1
    assert len({tuple(map(str, check.efficient_packages(s))) for s in scenarios}) == 5


def test_an_unwritten_answer_says_to_replace_the_stub(learner):
    def my_offer(s, t):
        raise NotImplementedError()

    assert "Replace the line  raise NotImplementedError()" in miss(check.my_offer, my_offer)


@pytest.mark.parametrize(
    ("wrong", "hint"),
    [
        (
            lambda s, t: time_dependent_offer(
                t, s.deadline, s.opening, s.alternative_price, s.beta
            ),
            "down to Birch's price",
        ),
        (
            lambda s, t: time_dependent_offer(
                t, s.deadline, s.opening, s.alternative_price - s.extra_cost, s.beta
            ),
            "higher than Birch's price, not lower",
        ),
        (
            lambda s, t: time_dependent_offer(
                t, s.deadline, s.opening, reservation_of(s), 1 / s.beta
            ),
            "the exponent is 1/β",
        ),
        (
            lambda s, t: time_dependent_offer(t, s.deadline, s.opening, reservation_of(s), 1.0),
            "linear plan",
        ),
        (
            lambda s, t: (
                s.opening + (t / s.deadline) ** (1 / s.beta) * (reservation_of(s) - s.opening)
            ),
            "min(t, deadline)",
        ),
        (lambda s, t: "soon", "should be a number"),
    ],
)
def test_the_my_offer_mistakes(learner, wrong, hint):
    assert hint in miss(check.my_offer, wrong)


def test_the_pareto_mistakes(answers, learner):
    def with_a_dominated_one(s):
        frontier = answers["pareto_packages"](s)
        dominated = next(p for p, _, _ in all_packages(s.yours, s.theirs) if p not in frontier)
        return [*frontier, dominated]

    def one_short(s):
        return answers["pareto_packages"](s)[1:]

    def yours_only(s):
        return [{i: levels[0] for i, levels in s.issues.items()}]

    hint = miss(check.pareto_packages, with_a_dominated_one)
    assert "is not on the frontier" in hint and "better for both" in hint
    assert "missing" in miss(check.pareto_packages, one_short)
    assert "missing" in miss(check.pareto_packages, yours_only)
    assert "list of packages" in miss(check.pareto_packages, lambda s: None)
    assert "not a package of this contract" in miss(check.pareto_packages, lambda s: [{"x": 1}])
    assert "appears twice" in miss(check.pareto_packages, lambda s: yours_only(s) * 2)


def test_the_trade_ratio_mistakes(answers, learner):
    right = answers["trade_ratio_of"]

    def upside_down(s, current, proposed):
        ratio = right(s, current, proposed)
        return None if ratio in (None, 0) else 1 / ratio

    def net(s, current, proposed):
        return sum(s.yours[i][proposed[i]] - s.yours[i][current[i]] for i in s.issues)

    assert "upside down" in miss(check.trade_ratio_of, upside_down, hidden=True)
    assert "net change" in miss(check.trade_ratio_of, net, hidden=True)

    def never_none(s, current, proposed):
        ratio = right(s, current, proposed)
        return 1.0 if ratio is None else ratio

    assert "you give nothing; return None" in miss(check.trade_ratio_of, never_none)


def test_the_trade_ratio_in_orchards_points_is_named(answers, learner):
    def theirs(s, current, proposed):
        flipped = type(s).__new__(type(s))
        object.__setattr__(flipped, "__dict__", {**s.__dict__, "yours": s.theirs})
        return answers["trade_ratio_of"](flipped, current, proposed)

    hint = miss(check.trade_ratio_of, theirs, hidden=True)
    assert "Orchard's points" in hint or "gave None" in hint


def test_the_respond_mistakes(answers, learner):
    my_offer = answers["my_offer"]

    def walk_when_low(s, t, offer):
        return "walk away" if offer < reservation_of(s) else answers["respond"](s, t, offer)

    def accept_above_batna(s, t, offer):
        return "accept" if offer >= reservation_of(s) else answers["respond"](s, t, offer)

    def never_accept(s, t, offer):
        return "walk away" if t >= s.deadline else "counter"

    def this_round(s, t, offer):
        if offer >= my_offer(s, t):
            return "accept"
        return "walk away" if t >= s.deadline else "counter"

    assert "a reason to reassess and counter" in miss(check.respond, walk_when_low)
    assert "accept only what is at least your next offer" in miss(check.respond, accept_above_batna)
    assert "countering only delays" in miss(check.respond, never_accept)
    assert "countering only delays" in miss(check.respond, this_round)
    assert "should return one of" in miss(check.respond, lambda s, t, offer: "yes")

    def never_walk(s, t, offer):
        answer = answers["respond"](s, t, offer)
        return "counter" if answer == "walk away" else answer

    assert "take your BATNA and walk away" in miss(check.respond, never_walk)
