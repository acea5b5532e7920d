"""course.widgets.concessions in plain Python: set .value, .click(), read what the view shows."""

from html import unescape

import pytest

import course
from course.widgets import concessions as views
from course.widgets.concessions import ConcessionPlanner


def test_the_planner_flags_a_give_without_return_and_draws_the_plan(learner):
    scenario = course.variant("04_concessions")
    planner = ConcessionPlanner(scenario)
    assert "No trades yet" in planner.table.value
    assert "<polyline" in planner.chart.value  # the frontier, before any plan
    cheapest = min(scenario.issues, key=lambda i: scenario.yours[i][scenario.issues[i][0]])
    give = (cheapest, scenario.issues[cheapest][-1])
    planner.rows[0].give.value = give
    assert "nothing back" in planner.rows[0].get.label
    assert "ask for more" in planner.table.value and "1 trade(s) give more" in unescape(
        planner.verdict.value
    )
    dearest = max(
        (i for i in scenario.issues if i != cheapest),
        key=lambda i: scenario.yours[i][scenario.issues[i][0]],
    )
    assert "points for you" in planner.verdict.value  # where the plan ends, vs the frontier
    planner.rows[0].get.value = (dearest, scenario.issues[dearest][0])
    assert "ask for more" in planner.table.value  # getting what you already had is worth 0


def test_a_fair_logroll_is_not_flagged(learner):
    scenario = course.variant("04_concessions")
    planner = ConcessionPlanner(scenario)
    issues = list(scenario.issues)
    # start by conceding one issue, then win it back on another issue in a second trade
    first, second = issues[0], issues[1]
    planner.rows[0].give.value = (first, scenario.issues[first][-1])
    planner.rows[0].get.value = (second, scenario.issues[second][0])
    planner.rows[1].give.value = (second, scenario.issues[second][-1])
    planner.rows[1].get.value = (first, scenario.issues[first][0])
    table = planner.table.value
    assert table.count("<tr>") == 3  # a header and two trades
    steps = views.plan_trades(planner.start, planner.plan(), scenario.yours, scenario.theirs)
    assert steps[1]["received"] == scenario.yours[first][scenario.issues[first][0]]
    assert steps[1]["ratio"] == pytest.approx(steps[1]["received"] / steps[1]["cost"])


def test_giving_and_getting_on_the_same_issue_is_explained(learner):
    scenario = course.variant("04_concessions")
    planner = ConcessionPlanner(scenario)
    issue = next(iter(scenario.issues))
    planner.rows[0].give.value = (issue, scenario.issues[issue][-1])
    planner.rows[0].get.value = (issue, scenario.issues[issue][1])
    assert f"trade 1 gives and gets on the same issue, {issue}" in planner.status.value


def test_a_tampered_trade_is_rejected_with_a_message(learner):
    planner = ConcessionPlanner(course.variant("04_concessions"))
    planner.rows[2].get.set_trait("index", None)  # a visitor clears a dropdown
    assert "None is not a trade on the table" in planner.status.value
