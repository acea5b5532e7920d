"""The capstone's table on the engine (course.engine.capstone): it takes the engine's
negotiation the scenario builds, keeps Marlow's walk-away and style out of sight until
the end, and debriefs what its measures found."""

import ast
import dataclasses
import random
from pathlib import Path

import pytest

import course
from course.engine.capstone import ROUNDS, STYLES, Table, debrief
from course.models.capstone import read_plan
from course.models.concessions import package_points
from course.scenarios.capstone import (
    contract_negotiation,
    expected_walkaway,
    marlow_at_the_table,
    plan_of,
    quell_posterior,
    reservation_of,
)

ENGINE = Path(course.__file__).parent / "engine"


@pytest.fixture
def case():
    return course.variant("05_capstone", "ada")


def table_for(case, style, seed):
    rng = random.Random(seed)
    quell, walkaway = marlow_at_the_table(case, rng)
    return Table(contract_negotiation(case, walkaway, ROUNDS), style, rng=rng), quell


def facts(case, quell):
    return {"quell": quell, "expected_walkaway": expected_walkaway(case)}


def test_the_engine_knows_no_modules_scenario():
    """Bots and tables see preferences and offers: no engine module imports a scenario."""
    for source in ENGINE.glob("*.py"):
        for node in ast.walk(ast.parse(source.read_text())):
            if isinstance(node, ast.ImportFrom):
                assert not (node.module or "").startswith("course.scenarios"), source.name
            if isinstance(node, ast.Import):
                assert not any(a.name.startswith("course.scenarios") for a in node.names)


def test_the_table_hides_marlows_walkaway_until_the_end(case):
    """The case lists both walk-aways (research); which one is real is drawn and kept off
    the public attributes of the table and its session."""
    secret = dataclasses.replace(case, reservation_if_quell=61.5, reservation_if_not=33.25)
    table, _ = table_for(secret, "linear", 1)
    visible = repr(
        [
            value
            for holder in (table, table.session)
            for name, value in vars(holder).items()
            if not name.startswith("_")
        ]
    )
    assert "61.5" not in visible and "33.25" not in visible
    with pytest.raises(RuntimeError, match="still going"):
        table.outcome()


def test_quell_is_drawn_from_the_updated_belief(case):
    """Over many tables, Quell has capacity about as often as the rush request implies."""
    quell = sum(marlow_at_the_table(case, random.Random(seed))[0] for seed in range(400))
    assert quell / 400 == pytest.approx(quell_posterior(case), abs=0.07)


def test_a_style_that_does_not_exist_is_refused(case):
    with pytest.raises(ValueError, match="pick the buyer's style"):
        Table(contract_negotiation(case, 40, ROUNDS), "bully")


def play(table, offers):
    """Send each offer in turn until the negotiation ends."""
    for offer in offers:
        if table.session.finished:
            break
        table.session.offer(offer)


def test_a_walk_away_is_scored_and_debriefed(case):
    table, quell = table_for(case, "boulware", 4)
    ideal = {issue: levels[0] for issue, levels in case.issues.items()}
    play(table, [ideal])
    table.session.walk_away()
    outcome = table.outcome()
    assert outcome["agreement"] is None and outcome["ended_by"] == "walk away"
    assert outcome["claimed"] == 0 and outcome["created"] is None
    lines = debrief(outcome, read_plan(case, None, None), facts(case, quell))
    assert lines[0].startswith("No deal. You walked away in round 2.")
    assert any(line.startswith("Alternatives: Quell") for line in lines)
    assert any(line.startswith("Marlow's style was boulware") for line in lines)
    assert lines[-1].startswith("Your plan is not complete")


@pytest.mark.parametrize("style", STYLES)
def test_a_deal_is_scored_against_the_frontier_and_the_plan(case, style):
    floor = reservation_of(case)
    # the course's prepared plan (the opening, then each step down the frontier, the last
    # one held), and Marlow's last offer taken only at or above the floor; the first of a
    # few seeds that ends in a deal is scored (a seed draws Marlow's state and deadline)
    plan = [row[0] for row in plan_of(case)]
    path = plan + [plan[-1]] * (ROUNDS - len(plan))
    for seed in range(2, 12):
        table, quell = table_for(case, style, seed)
        play(table, path)
        offer = table.session.bot_offer
        if (
            offer is not None
            and not table.session.finished
            and package_points(offer, case.yours) >= floor
        ):
            table.session.accept()
        if table.session.agreement is not None:
            break
    outcome = table.outcome()
    assert outcome["agreement"] is not None, outcome["ended_by"]
    assert outcome["your_profit"] == package_points(outcome["agreement"], case.yours)
    assert outcome["claimed"] == pytest.approx(outcome["your_profit"] - floor)
    created = outcome["created"]
    assert 0 <= created["joint"] <= created["best_joint"] + 1e-9
    plan = read_plan(case, lambda c: floor, lambda c: path[0])
    plan["opening_profit"] = package_points(path[0], case.yours)
    lines = debrief(outcome, plan, facts(case, quell))
    assert any(line.startswith("Deal in round") for line in lines)
    assert any("Your plan said walk away below" in line for line in lines)
    assert any(line.startswith("Anchoring: you planned to open at") for line in lines)
    assert any(line.startswith("Concessions: you made") for line in lines)
    assert any(line.startswith("Value created, each side counted") for line in lines)
    assert any(line.startswith("Achievable: Marlow would have accepted") for line in lines)
