"""Two small checks of a module that exists only in the tests, for testing how checks are
recorded and replayed without depending on any module's content."""

from course.checks.calls import answer_key, question
from course.checks.credit import Check, score
from course.checks.hints import NotYet, call_learner, money, passed, same_money
from course.variants import variant

#: The module these checks belong to (read by ``@question``).
MODULE = "99_toy"


@answer_key
def double_of(x):
    """The answer key of ``doubled``: ``x`` doubled."""
    return 2 * x


@question
def doubled(answer, hidden=False):
    """A check of a function that doubles a number: 1 and 2, and 3 and 4 when hidden."""
    for x in [1, 2] + ([3, 4] if hidden else []):
        got = money(call_learner(answer, x), "the result")
        if not same_money(got, double_of(x)):
            raise NotYet(
                f"doubled({x}) gave {got:g}, not {double_of(x)}", general="it does not double"
            )
    passed("doubled doubles.")


@question
def halves(answer, hidden=False):
    """A question scored part by part: even numbers, and odd ones."""

    def tries(cases):
        for x in cases:
            if not same_money(money(call_learner(answer, x), "the result"), x / 2):
                raise NotYet(f"halves({x}) is not {x / 2}", general="it does not halve")
        return "right"

    return score(
        Check("even", 1, lambda: tries([2, 4] + ([6] if hidden else []))),
        Check("odd", 1, lambda: tries([1] + ([7] if hidden else []))),
    )


#: The course module whose scenario ``on_my_scenario`` hands the learner's function.
SCENARIO_MODULE = "03_power"


@question
def on_my_scenario(answer):
    """A check that calls the learner's function on the learner's own scenario."""
    if call_learner(answer, variant(SCENARIO_MODULE)) is not None:
        raise NotYet("on_my_scenario should return None")
    passed("on_my_scenario returns None.")


@question
def sorts(answer):
    """A check whose own code fails when the learner's list mixes numbers and text."""
    if sorted(call_learner(answer)) != [1, 2, 3]:
        raise NotYet("sorts should return 1, 2 and 3")
    passed("sorts returns 1, 2 and 3.")
