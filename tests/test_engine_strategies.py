"""A small strategy tournament (tests/strategies.py): the course's prepared plan against
the exploits a learner might try, against every style of the course's bots. The fuller
one, with its printed table, is tests/benchmarks/bench_strategies.py."""

import pytest

from tests import strategies

#: Learners and seeds: small enough to run in seconds, enough to average out luck.
LEARNERS = {"price": [f"tour-{n}" for n in range(12)], "capstone": [f"tour-{n}" for n in range(30)]}
SEEDS = range(2)


@pytest.fixture(scope="module", params=["price", "capstone"])
def summary(request):
    games = strategies.tournament(request.param, LEARNERS[request.param], SEEDS)
    return strategies.table(games)


def test_the_prepared_plan_earns_more_than_every_exploit_against_every_style(summary):
    for style, (gap, exploit) in strategies.plan_margins(summary).items():
        assert gap > 0, f"{exploit} beats the plan against {style}:\n{strategies.report(summary)}"


def test_no_exploit_guarantees_a_deal_above_what_the_plan_earns(summary):
    assert strategies.guaranteed_exploits(summary) == [], strategies.report(summary)


def test_stalling_then_a_safe_last_offer_is_not_a_sure_deal(summary):
    stall = summary[summary.strategy == "stall"]
    assert (stall.deals < 1).all(), strategies.report(summary)


def test_the_plan_usually_reaches_a_deal_when_a_zone_exists(summary):
    plan = summary[summary.strategy == "plan"]
    assert (plan.deals >= 0.6).all(), strategies.report(summary)
