"""course.widgets.concessions in plain Python: set .value, .click(), read what the view shows."""

import re
from html import unescape

import pytest

import course
from course.models.concessions import TradeTable, plan_trades, right_trades
from course.pictures_concessions import tactic_curves
from course.scenarios.concessions import middle_package
from course.widgets.concessions import NOTHING, ConcessionPlanner


def right_path(scenario):
    """The trades ``(give, get)`` of a shortest plan of right trades from the middle package
    to the Pareto frontier, found by searching every plan."""
    table = TradeTable(scenario.yours, scenario.theirs)
    paths = [(middle_package(scenario), [])]
    while paths:
        following = []
        for package, trades in paths:
            if table.efficient(package):
                return trades
            for option in right_trades(table.options(package)):
                following.append((option["package"], [*trades, (option["give"], option["get"])]))
        paths = following
    return None


def plan(planner, trades):
    for row, (give, get) in zip(planner.rows, trades, strict=False):
        row.give.value = give
        row.get.value = NOTHING if get is None else get


def test_the_planner_starts_in_the_middle_and_draws_the_frontier(learner):
    scenario = course.variant("04_concessions")
    planner = ConcessionPlanner(scenario)
    assert planner.start == middle_package(scenario)
    assert "No trades yet" in planner.table.value
    assert "<polyline" in planner.chart.value  # the frontier, before any plan
    you, them = TradeTable(scenario.yours, scenario.theirs).points(planner.start)
    assert f"ends at {you:g} points for you and {them:g} for Orchard, below the frontier" in (
        planner.verdict.value
    )


@pytest.mark.parametrize("learner_id", [f"learner-{n}" for n in range(1, 13)])
def test_a_plan_of_right_trades_reaches_the_frontier(learner_id):
    """The first review found the planner's goal out of reach: from Kite's ideal package
    every trade was flagged. From the middle, some plan of right trades gets there."""
    scenario = course.variant("04_concessions", learner_id)
    trades = right_path(scenario)
    assert trades is not None and len(trades) <= len(ConcessionPlanner(scenario).rows)
    planner = ConcessionPlanner(scenario)
    plan(planner, trades)
    assert planner.table.value.count("<b>right:</b>") == len(trades)
    assert "not right" not in planner.table.value
    verdict = unescape(planner.verdict.value)
    assert "Your plan ends on the frontier" in verdict
    assert "Every trade on the way is right by the rule." in verdict


def cells(planner):
    """The planner's table as rows of cell texts."""
    rows = re.findall(r"<tr>(.*?)</tr>", planner.table.value)[1:]
    return [
        [unescape(re.sub(r"<[^>]+>", "", c)) for c in re.findall(r"<td[^>]*>(.*?)</td>", r)]
        for r in rows
    ]


@pytest.mark.parametrize("learner_id", ["ada", "learner-1", "learner-3", "learner-8"])
def test_every_number_and_sentence_in_the_table_is_true(learner_id):
    scenario = course.variant("04_concessions", learner_id)
    table = TradeTable(scenario.yours, scenario.theirs)
    issues = list(scenario.issues)
    planner = ConcessionPlanner(scenario)
    trades = [(issues[0], issues[1]), (issues[2], issues[3]), (issues[1], None)]
    plan(planner, trades)
    package = dict(planner.start)
    for (give, get), row in zip(trades, cells(planner), strict=True):
        options = table.options(package)
        levels = scenario.issues
        after = {**package, give: levels[give][levels[give].index(package[give]) + 1]}
        if get is not None:
            after[get] = levels[get][levels[get].index(package[get]) - 1]
        you = table.points(after)[0] - table.points(package)[0]
        them = table.points(after)[1] - table.points(package)[1]
        assert row[1] == f"{give}: {package[give]} → {after[give]}"
        assert row[2] == ("(nothing)" if get is None else f"{get}: {package[get]} → {after[get]}")
        assert row[5] == f"{you:+g} / {them:+g}"
        verdict = row[6]
        if get is None:
            assert verdict.startswith("not right: a give with nothing back")
        elif them <= 0:
            assert (
                verdict
                == f"not right: Orchard's points change by {them:+g}: it has no reason to take this"
            )
        elif you >= 0:
            assert verdict.startswith("right: costs you nothing")
        else:
            free = [o for o in options if o["you"] >= 0 and o["them"] > 0]
            best = max(o["them"] / -o["you"] for o in options if o["them"] > 0)
            if free:
                assert verdict.startswith(
                    f"not right: costs you {-you:g} while a trade that costs you nothing"
                )
            elif them / -you >= best - 1e-9:
                assert verdict.startswith("right: a real concession at the best rate left")
            else:
                assert f"Orchard gains {them / -you:.2f} per point you give up" in verdict
        package = after
    assert (
        "(nothing)" not in planner.table.value.split("<td>")[1]
    )  # a give is never shown as nothing


def test_the_verdict_counts_only_the_trades_that_break_the_rule(learner):
    scenario = course.variant("04_concessions")
    planner = ConcessionPlanner(scenario)
    first = right_path(scenario)[0]
    plan(planner, [first])
    after = plan_trades(planner.start, [first], scenario.yours, scenario.theirs)[-1]["package"]
    movable = next(i for i, levels in scenario.issues.items() if after[i] != levels[-1])
    plan(planner, [first, (movable, None)])
    verdict = unescape(planner.verdict.value)
    assert "1 of its 2 trade(s) are not right by the rule." in verdict


def test_a_move_the_table_does_not_allow_is_explained(learner):
    scenario = course.variant("04_concessions")
    planner = ConcessionPlanner(scenario)
    issue, other = list(scenario.issues)[:2]
    planner.rows[0].give.value = issue
    planner.rows[0].get.value = issue
    assert f"trade 1 gives and gets on the same issue, {issue}" in planner.status.value
    plan(planner, [(issue, other), (issue, None)])  # the give's issue is then at Orchard's best
    assert f"trade 2: {issue} is already at the other side's best level" in unescape(
        planner.status.value
    )


def test_a_tampered_trade_is_rejected_with_a_message(learner):
    planner = ConcessionPlanner(course.variant("04_concessions"))
    planner.rows[0].give.value = next(iter(planner.issues))
    planner.rows[0].get.set_trait("index", None)  # a visitor clears a dropdown
    assert "None is not an issue on the table" in planner.status.value


def test_the_tactic_curves_differ_by_more_than_colour():
    """Under protanopia, orange, green and red look alike: each curve also has its own dash
    pattern and marker shape, in the chart and in its key."""
    chart = tactic_curves(opening=100, reservation=40, deadline=10, betas=(0.2, 1.0, 5.0))
    lines = re.findall(
        r'<polyline points="[^"]*" fill="none" stroke="[^"]*" stroke-width="2"([^/]*)/>', chart
    )
    assert len(lines) == 3 and len(set(lines)) == 3  # three different dash patterns
    shapes = [re.findall(r"<(circle|rect|polygon)", part) for part in chart.split("<polyline")[1:]]
    assert len({tuple(sorted(set(found))) for found in shapes}) == 3
    for beta in ("0.2", "1", "5"):
        assert f"β = {beta}" in chart
