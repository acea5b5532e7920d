"""The capstone's table on the engine (course.engine.capstone): it takes the engine's
negotiation the scenario builds, keeps Marlow's walk-away and style out of sight until
the end, and debriefs what its measures found."""

import ast
import dataclasses
import itertools
import random
from pathlib import Path

import pytest

import course
from course.engine.bots import STYLES as COUNTERPARTS
from course.engine.capstone import ROUNDS, STYLE_WORDS, STYLES, Table, debrief
from course.engine.debrief import read_style
from course.models.capstone import read_plan
from course.models.concessions import package_points
from course.scenarios.capstone import (
    contract_negotiation,
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
    return {
        "quell": quell,
        "if_quell": case.reservation_if_quell,
        "if_not": case.reservation_if_not,
        "prior": case.quell_prior,
        "posterior": quell_posterior(case),
    }


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
    assert lines[0].startswith("No deal. You walked away in round 2, leaving the door open.")
    assert any(line.startswith("Alternatives: Quell") for line in lines)
    assert any(line.startswith("Marlow's style was Boulware") for line in lines)
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
    assert any(line.startswith("Opening: you planned to open at") for line in lines)
    assert any(line.startswith("Concessions: you made") for line in lines)
    assert any(line.startswith("Value created, each side counted") for line in lines)
    assert any(line.startswith("Achievable: Marlow would have accepted") for line in lines)


# --- every sentence against the history it describes, over many plays ------------------


def random_play(case, style, seed):
    """A learner who sends random packages, sometimes accepts Marlow's offer and sometimes
    walks away: a finished table and whether Quell had capacity."""
    rng = random.Random(seed)
    table, quell = table_for(case, style, seed)
    packages = [row[0] for row in plan_of(case)] + [
        {issue: rng.choice(levels) for issue, levels in case.issues.items()} for _ in range(4)
    ]
    while not table.session.finished:
        roll = rng.random()
        if table.session.bot_offer is not None and roll < 0.15:
            table.session.accept()
        elif roll > 0.97:
            table.session.walk_away(polite=rng.random() < 0.5)
        else:
            table.session.offer(rng.choice(packages))
    return table, quell


PLAYS = [
    (learner, style, seed)
    for learner in ("ada", "learner-1", "learner-8")
    for style in STYLES
    for seed in range(8)
]


def marlows_offers(table, case):
    return [offer for _, who, offer in table.session.history if who != "you"]


@pytest.mark.parametrize("learner", ["ada", "learner-1", "learner-8"])
def test_issues_are_counted_from_marlows_best_level(learner):
    """An issue is "held" only if every offer of Marlow's kept it at Marlow's own best
    level; "opened" if its first offer already gave it up; "later" otherwise: measured on
    the research's points, independently of the engine."""
    case = course.variant("05_capstone", learner)
    for style in STYLES:
        for seed in range(8):
            table, _ = random_play(case, style, seed)
            issues = table.outcome()["issues"]
            offers = marlows_offers(table, case)
            if not offers:
                assert issues is None
                continue
            for issue, points in case.theirs.items():
                top = max(points, key=points.get)
                at_top = [offer[issue] == top for offer in offers]
                kind = next(k for k, names in issues.items() if issue in names)
                expected = "held" if all(at_top) else "opened" if not at_top[0] else "later"
                assert kind == expected, (learner, style, seed, issue)


def test_the_debrief_never_calls_an_issue_given_in_the_opening_held(case):
    """Learner-1's example: Marlow opened below its best price and payment; the sentence
    names them among what its opening gave up, never among what it kept."""
    for style in STYLES:
        for seed in range(8):
            table, quell = random_play(case, style, seed)
            outcome = table.outcome()
            if outcome["issues"] is None:
                continue
            line = next(
                x
                for x in debrief(outcome, read_plan(case, None, None), facts(case, quell))
                if "best level" in x
            )
            kept = line.split("kept its best level on ")[1] if "kept its best" in line else ""
            for issue in outcome["issues"]["opened"] + outcome["issues"]["later"]:
                assert issue not in kept.split(" in every offer")[0]


@pytest.mark.parametrize("learner", ["ada", "learner-1"])
def test_achievable_is_never_below_marlows_own_best_offer(learner):
    """What was achievable is at least the best offer Marlow made itself; "which is what
    you got" only when the deal equals it; below your reservation price it says no deal
    was right."""
    case = course.variant("05_capstone", learner)
    for style in STYLES:
        for seed in range(10):
            table, quell = random_play(case, style, seed)
            outcome = table.outcome()
            offered = [package_points(o, case.yours) for o in marlows_offers(table, case)]
            best = outcome["achievable"]
            if offered:
                assert best["utility"] >= max(offered)
            lines = debrief(outcome, read_plan(case, None, None), facts(case, quell))
            line = next((x for x in lines if x.startswith("Achievable")), None)
            if best is None:
                assert line is None
                continue
            got = outcome["your_profit"] if outcome["agreement"] is not None else None
            assert line.endswith("which is what you got.") == (
                got is not None
                and best["utility"] == got
                and best["utility"] >= outcome["reservation"]
            )
            assert ("no deal was right" in line) == (best["utility"] < outcome["reservation"])


def test_learner_1_accepting_marlows_first_offer():
    """The review's example: accepting Marlow's first offer gets exactly its best offer."""
    case = course.variant("05_capstone", "learner-1")
    table, _ = table_for(case, "linear", 2)
    table.session.offer({issue: levels[0] for issue, levels in case.issues.items()})
    first = table.session.bot_offer
    table.session.accept()
    outcome = table.outcome()
    assert outcome["achievable"]["utility"] >= package_points(first, case.yours)


@pytest.mark.parametrize("learner", [f"learner-{n}" for n in range(1, 30)])
def test_the_rush_request_line_says_which_way_it_moved_the_chance(learner):
    """The debrief states both research values with their chances and says whether the
    rush request raised or lowered the chance of Quell, as it did for this case."""
    case = course.variant("05_capstone", learner)
    after = quell_posterior(case)
    outcome = {"their_walkaway": case.reservation_if_not}
    line = debrief.__globals__["_alternatives"](outcome, facts(case, False))
    assert f"{case.reservation_if_quell:g} (chance {after:.2f})" in line
    assert f"{case.reservation_if_not:g} (chance {1 - after:.2f})" in line
    verb = "raised" if after > case.quell_prior else "lowered"
    assert f"had {verb} the chance of Quell from {case.quell_prior:.2f} to {after:.2f}" in line
    assert "expected" not in line


@pytest.mark.parametrize("style", STYLES)
def test_marlows_first_answer_gives_no_more_than_kappa_and_a_modest_pull(style):
    """Marlow's first offer, after the course's opening, concedes at most κ of its room
    plus a quarter of the rest (the pull of a credible opening, never past its own
    reservation price), unless the one level it must move already gives more: it keeps
    room to answer later steps."""
    kappa = COUNTERPARTS[style][1]["kappa"]
    bound = kappa + 0.25 * (1 - kappa)
    for n in range(1, 11):
        case = course.variant("05_capstone", f"learner-{n}")
        for seed in range(2):
            table, _ = table_for(case, style, seed)
            table.session.offer(plan_of(case)[0][0])
            offer = table.session.bot_offer
            points = package_points(offer, case.theirs)
            room = 100 - table.session._fresh.preferences.reservation
            steps = sum(
                sorted(case.theirs[i].values(), reverse=True).index(case.theirs[i][level])
                for i, level in offer.items()
            )
            assert (100 - points) / room <= bound + 1e-9 or steps == 1, (n, seed, points)


def test_the_style_line_says_what_this_runs_evidence_pointed_to(case):
    """The debrief names Marlow's style and says whether this run's offers pointed to it,
    to another style (named), or were too few to tell, as read_style reads them."""
    for style in STYLES:
        for seed in range(6):
            table, quell = random_play(case, style, seed)
            outcome = table.outcome()
            lines = debrief(outcome, read_plan(case, None, None), facts(case, quell))
            line = next(x for x in lines if x.startswith("Marlow's style was"))
            read = read_style(outcome["bot_moves"])
            assert line.startswith(f"Marlow's style was {STYLE_WORDS[style]}.")
            assert ("too little evidence" in line) == (read is None)
            assert ("pointed to the same style" in line) == (read == style)
            if read not in (None, style):
                assert f"pointed to {read} instead" in line


@pytest.mark.parametrize("style", STYLES)
def test_the_anchoring_line_replays_marlow_after_a_modest_opening(style):
    """The anchoring sentence's two numbers: Marlow's real first answer, and the first
    answer a second table with the same seed gives when you open with your most modest
    package (best for Marlow among those at or above your reservation price)."""
    for learner in ("ada", "learner-1", "learner-8"):
        case = course.variant("05_capstone", learner)
        floor = reservation_of(case)
        packages = [
            dict(zip(case.issues, levels, strict=True))
            for levels in itertools.product(*case.issues.values())
        ]
        fitting = [p for p in packages if package_points(p, case.yours) >= floor]
        modest = max(
            fitting, key=lambda p: (package_points(p, case.theirs), package_points(p, case.yours))
        )
        for seed in range(3):
            table, quell = table_for(case, style, seed)
            table.session.offer(plan_of(case)[0][0])
            actual = package_points(table.session.bot_offer, case.yours)
            table.session.walk_away()
            outcome = table.outcome()
            line = next(
                (
                    x
                    for x in debrief(outcome, read_plan(case, None, None), facts(case, quell))
                    if x.startswith("Anchoring:")
                ),
                None,
            )
            again, _ = table_for(case, style, seed)
            again.session.offer(modest)
            if again.session.bot_offer is None or again.session.finished:
                assert line is None
                continue
            answer = package_points(again.session.bot_offer, case.yours)
            assert f"gave you a profit of {actual:g};" in line
            assert f"would have answered with {answer:g}:" in line
            assert ("did not pull" in line) == (actual <= answer)


def test_marlow_says_it_is_close_to_its_limit_exactly_when_it_cannot_move(case):
    """After its opening, Marlow says it is close to its limit exactly when no one-level
    move on any issue would keep its offer at or above its reservation price (the
    research's points), so silence and a floor can be told apart."""
    for style in STYLES:
        for seed in range(8):
            table, _ = random_play(case, style, seed)
            floor = table.session._fresh.preferences.reservation
            said = dict(table.session.remarks)
            offers = [(r, o) for r, who, o in table.session.history if who != "you"]
            for number, (round_, offer) in enumerate(offers):
                stuck = True
                for issue, level in offer.items():
                    ranked = sorted(case.theirs[issue], key=case.theirs[issue].get, reverse=True)
                    at = ranked.index(level)
                    if at + 1 < len(ranked):
                        moved = {**offer, issue: ranked[at + 1]}
                        stuck &= package_points(moved, case.theirs) < floor - 1e-9
                claims = "close to our limit" in said.get(round_, "")
                assert claims == (stuck and number > 0), (style, seed, round_)
