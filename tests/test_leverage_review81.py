"""Review 80 (module 00), fixed in round 81: each test below failed on the old code or text."""

import course
from course.models.audit import expected_gain, leverage_balance
from course.scenarios.leverage import plan_outcomes
from tests.sweeps import cell_text


def _markdown(grade_id):
    return " ".join(cell_text("00_leverage", "leverage", grade_id).split())


def test_e1_expected_gains_add_without_independence_and_only_3c_assumes_it():
    """Review 80 E1: section 4 said the expected-gain rule "treats the steps as
    independent", but expected gains add whether or not steps come through together
    (linearity of expectation); only question 3c's chance of reaching a bar needs
    independence. The claim is cut from section 4 and kept in question 3c. Fails on the
    old text. The arithmetic: model-1992's best plan gains the same on average whether
    its two steps come through independently or always together."""
    build = _markdown("build-teaching")
    assert "independent" not in build
    assert "The steps come through or not independently" in _markdown("q3c-task")
    s = course.variant("00_leverage", "model-1992")
    plan = tuple(n for n in s.steps if n.startswith(("Ask firms", "Share next year's")))
    rise = {n: expected_gain(s.yours, s.weights, *s.steps[n][:2]) for n in plan}
    chance = {n: s.steps[n][3] for n in plan}
    average = sum(chance[n] * rise[n] for n in plan)
    start = leverage_balance(s.yours, s.theirs, s.weights)
    independent = sum(c * (b - start) for c, b in plan_outcomes(s, plan))
    # the same two steps, coupled: both come through with the smaller chance, the likelier
    # one alone with the difference of the chances, neither otherwise
    unlikelier, likelier = sorted(plan, key=chance.get)
    coupled = (
        chance[unlikelier] * sum(rise.values())
        + (chance[likelier] - chance[unlikelier]) * rise[likelier]
    )
    assert len(plan) == 2 and abs(average - 1.10) < 1e-9
    assert abs(independent - average) < 1e-9 and abs(coupled - average) < 1e-9
