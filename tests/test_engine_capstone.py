"""The capstone's table on the engine (course.engine.capstone): it takes the engine's
negotiation the scenario builds, keeps Marlow's walk-away and style out of sight until
the end, and debriefs what its measures found."""

import ast
import dataclasses
import functools
import itertools
import random
import re
from pathlib import Path

import pytest

import course
from course.engine.bots import NEW_GROUND, REMARKS, Memory, make_bot
from course.engine.bots import STYLES as COUNTERPARTS
from course.engine.capstone import (
    ROUNDS,
    STYLE_WORDS,
    STYLES,
    Table,
    debrief,
    is_move,
)
from course.engine.debrief import read_style, style_evidence_present
from course.engine.domain import BUYER, SELLER
from course.models.capstone import read_plan
from course.models.concessions import all_packages, package_points
from course.scenarios.capstone import (
    ALTERNATIVES_MARGIN,
    alternative_of,
    alternatives_holder,
    alternatives_readings,
    batna_of,
    best_points,
    best_profit,
    beyond_of,
    contract_negotiation,
    marlow_at_the_table,
    meso_partners,
    plan_of,
    power_holder,
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
        "your_best": best_profit(case),
        "their_best": best_points(case),
        "your_alternative": alternative_of(case),
        "margin": ALTERNATIVES_MARGIN,
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
    first = case
    # the course's prepared plan (the opening, then each step down the frontier, the last
    # one held), and Marlow's last offer taken only at or above the floor; the first of a
    # few seeds that ends in a deal is scored (a seed draws Marlow's state and deadline).
    # 'ada''s plan has one step since the price's steps are equal (fourth review, E4), and
    # a tit-for-tat Marlow never meets it: the next learners are tried then
    others = (course.variant("05_capstone", f"learner-{n}") for n in range(10))
    for case in (first, *others):
        floor = reservation_of(case)
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
    assert any(line.startswith("Value created: the deal is") for line in lines)  # review 88
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
            walked_from_a_zone = outcome["agreement"] is None and outcome["zone_existed"]
            assert ("no deal was right" in line) == (
                best["utility"] < outcome["reservation"] and not walked_from_a_zone
            )


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
    outcome = {"their_walkaway": case.reservation_if_not, "reservation": reservation_of(case)}
    line = debrief.__globals__["_alternatives"](outcome, facts(case, False))
    assert f"{case.reservation_if_quell:g} (chance {after:.2f})" in line
    assert f"{case.reservation_if_not:g} (chance {1 - after:.2f})" in line
    verb = "raised" if after > case.quell_prior else "lowered"
    assert f"had {verb} the chance of Quell from {case.quell_prior:.2f} to {after:.2f}" in line
    assert "expected" not in line


def test_the_alternatives_line_names_the_stronger_side_as_question_4_measures_it():
    """The debrief calls Marlow's alternative the stronger (its leverage over you) only
    when its reservation price is a larger share of its best than your alternative (the
    better of your BATNA and Brenn's letter, without Marlow's audit) is of your best,
    as question 4's rule measures alternatives, whichever way Quell turned out; both shares
    are printed. In some cases Quell's capacity still leaves yours the stronger, and the
    line must say so."""
    seen = set()
    for n in range(1, 40):
        case = course.variant("05_capstone", f"learner-{n}")
        yours = alternative_of(case) / best_profit(case)
        for quell in (True, False):
            walkaway = case.reservation_if_quell if quell else case.reservation_if_not
            outcome = {"their_walkaway": walkaway, "reservation": reservation_of(case)}
            line = debrief.__globals__["_alternatives"](outcome, facts(case, quell))
            theirs = walkaway / best_points(case)
            assert f"{theirs:.0%} of Marlow's best against your alternative's " in line
            assert f"{yours:.0%} of yours" in line
            even = abs(theirs - yours) < ALTERNATIVES_MARGIN
            marlow_stronger = not even and theirs > yours
            assert ("Marlow's alternative was the stronger" in line) == marlow_stronger, line
            assert ("about even" in line) == even, line
            assert ("your alternatives were still the stronger" in line) == (
                quell and not even and not marlow_stronger
            ), line
            seen.add((quell, marlow_stronger))
    assert {(True, True), (True, False), (False, False)} <= seen


def test_alternatives_within_question_4s_margin_are_about_even():
    """Second review, finding 19: a gap of 0.01 between the two shares was called
    'Marlow's alternative was the stronger'; question 4 leaves a gap under 0.05 open."""
    case = course.variant("05_capstone", "learner-5")
    mine = reservation_of(case)
    your_share = alternative_of(case) / best_profit(case)
    walkaway = round((your_share + 0.01) * best_points(case), 6)
    outcome = {"their_walkaway": walkaway, "reservation": mine}
    line = debrief.__globals__["_alternatives"](outcome, facts(case, True))
    assert "about even" in line and "was the stronger" not in line


def test_marlows_floor_remark_speaks_of_its_own_offer_not_of_what_it_accepts():
    """Second review, finding 2: at the capstone's table Marlow said 'We are close to our
    limit; there is little more we can give' while it would still accept a package worth
    more to the learner (a trade across issues). Its remark now speaks of its own offer
    and says another package may still work; the one-issue arena keeps its own."""
    assert "limit" not in REMARKS["floor_package"]
    assert "different package" in REMARKS["floor_package"]
    # review 94 U3: said once, in section 5
    assert "**can't give more** only when another level would take it below" in section(
        "plan-teaching"
    )


def test_no_deal_falls_back_on_the_letter_when_signed():
    """Second review, finding 23: after no deal the debrief said 'You fall back on your
    BATNA' even when the learner had signed Brenn's letter."""
    outcome = {
        "agreement": None,
        "ended_by": "walk away",
        "by_you": True,
        "round": 3,
        "polite": True,
        "zone_existed": True,
        "your_profit": None,
    }
    line = debrief.__globals__["_agreement"](outcome, {"reservation": 75})
    assert "Brenn's letter, if you signed it" in line
    # signing makes the letter your BATNA (section 1), so the line names both readings
    assert "fall back on your BATNA (Brenn's letter, if you signed it; otherwise your best" in (
        line
    )


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
    to another style (named), were too few to tell, or disagreed, as read_style reads them:
    it said 'too little evidence' also when the evidence was there but disagreed (about a
    fifth of sittings), and told the learner to do what they had done."""
    seen = set()
    for style in STYLES:
        for seed in range(6):
            table, quell = random_play(case, style, seed)
            outcome = table.outcome()
            lines = debrief(outcome, read_plan(case, None, None), facts(case, quell))
            line = next(x for x in lines if x.startswith("Marlow's style was"))
            read = read_style(outcome["bot_moves"])
            assert line.startswith(f"Marlow's style was {STYLE_WORDS[style]}.")
            present = style_evidence_present(outcome["bot_moves"])
            seen.add((read is None, present))
            assert ("too little evidence" in line) == (read is None and not present)
            assert ("pointed to different styles" in line) == (read is None and present)
            assert ("pointed to the same style" in line) == (read == style)
            if read not in (None, style):
                assert f"pointed to {read} instead" in line
    # review 92 X1 (module 04): a step back is no longer a hold, so random play, full of
    # them, rarely shows two holds; evidence that is there but disagrees (a pace that grew
    # while the halves shrank) is set on a real outcome
    outcome = random_play(case, STYLES[0], 0)[0].outcome()
    outcome["bot_moves"] = dict(
        outcome["bot_moves"], given_back=0.2, after_holds=[0.1, 0.3], early=0.5, late=0.1
    )
    assert read_style(outcome["bot_moves"]) is None
    assert style_evidence_present(outcome["bot_moves"])
    seen.add((True, True))
    lines = debrief(
        outcome, read_plan(case, None, None), facts(case, random_play(case, STYLES[0], 0)[1])
    )
    line = next(x for x in lines if x.startswith("Marlow's style was"))
    assert "pointed to different styles" in line
    assert (True, True) in seen and (True, False) in seen, seen


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
                claims = REMARKS["floor_package"] in said.get(round_, "")
                assert claims == (stuck and number > 0), (style, seed, round_)


# --- what section 6 and the table's status say of Marlow, against the bot ---------------

NOTEBOOK = Path(course.__file__).parent.parent / "source/05_capstone/capstone.py"


def section(grade_id):
    """The text of the notebook's markdown cell ``grade_id``, on one line."""
    cell = NOTEBOOK.read_text().split(f'grade_id": "{grade_id}"')[1].split("# %%")[0]
    return " ".join(line.removeprefix("#").strip() for line in cell.splitlines())


SECTION_6 = section("table-teaching")


def test_marlows_final_offer_comes_in_the_rounds_the_text_names():
    """Section 6 and the table's status say Marlow makes its final offer in round 5, 6 or
    7, never later; playing the table shows each of those rounds and no other."""
    from course.engine.capstone import FINAL_ROUNDS

    assert FINAL_ROUNDS == (5, 6, 7)
    assert "its final offer in round 5, 6 or 7, never later" in SECTION_6
    # learner-1: held at the opening, learner-3's Marlow made its final offer in round 5
    # only, once the price's steps were equal (fourth review, E4), and learner-0's too once
    # Marlow accepted a package better for it than its next offer (a fresh review, E1):
    # held at its opening, it now takes it before a later final round; the rounds are checked
    case = course.variant("05_capstone", "learner-1")
    opening = plan_of(case)[0][0]
    seen = set()
    for seed in range(60):
        table, _ = table_for(case, "boulware", seed)
        session = table.session
        while not session.finished:
            session.offer(opening)
            if not session.finished and "final offer" in (session.said or ""):
                seen.add(session.history[-1][0])
                break
    assert seen == set(FINAL_ROUNDS)


def _bot(case, walkaway):
    from course.engine.bots import make_bot
    from course.engine.domain import BUYER

    negotiation = contract_negotiation(case, walkaway, ROUNDS)
    bot = make_bot("linear", negotiation, BUYER, deadline=ROUNDS - 1)
    return bot, bot.preferences.utilities


def test_a_retraction_strains_patience_only_while_the_offer_is_below_marlows_walkaway():
    """Section 6: retractions and standing still cost Marlow's patience only while your
    offer is worse for it than walking away; a retraction it could still accept costs
    none (it is still counted, and costs trust: see the next test)."""
    # review 82 U4: the one definition, with the threshold (next test)
    assert "every retraction (an offer worse for it than your previous one by more" in (
        " ".join(SECTION_6.split())
    )
    assert "only while your offer is still worse for it than walking away" in SECTION_6
    case = course.variant("05_capstone", "learner-1")
    bot, worth = _bot(case, case.reservation_if_not)
    line, walkaway = bot.insult_line, bot.preferences.reservation
    above = sorted(i for i in range(len(worth)) if worth[i] > walkaway)
    below = sorted(
        (i for i in range(len(worth)) if line < worth[i] < walkaway), key=lambda i: worth[i]
    )
    high = max(above, key=lambda i: worth[i])
    low = min(above, key=lambda i: worth[i])
    bot.observe(0, high)
    bot.observe(1, low)
    assert bot.retractions == 1 and bot.strain == 0
    bot, _ = _bot(case, case.reservation_if_not)
    bot.observe(0, below[-1])
    bot.observe(1, below[0])
    assert bot.retractions == 1 and bot.strain == 1


def test_a_retraction_is_an_offer_worse_by_more_than_a_hundredth_of_marlows_room():
    """Section 6 gives the retraction's threshold as the engine applies it: an offer worse
    for Marlow than the previous one by a hundredth of its room (reservation price to
    best) or less is no retraction; one worse by more is (review 82 U4: the one
    definition, moved from section 4's cut fold)."""
    assert NEW_GROUND == 0.01
    text = " ".join(SECTION_6.split())
    assert "by more than a hundredth of the way from its reservation price to its best" in text
    case = course.variant("05_capstone", "learner-1")
    bot, worth = _bot(case, case.reservation_if_not)
    first = max(range(len(worth)), key=lambda i: worth[i])
    near = [i for i in range(len(worth)) if 0 < worth[first] - worth[i] <= bot.room / 100]
    far = [
        i
        for i in range(len(worth))
        if worth[first] - worth[i] > bot.room / 100 and worth[i] > bot.insult_line
    ]
    for offer, counted in ((near[0], 0), (far[0], 1)) if near else ((far[0], 1),):
        bot, _ = _bot(case, case.reservation_if_not)
        bot.observe(0, first)
        bot.observe(1, offer)
        assert bot.retractions == counted


def test_section_6_states_the_trust_rule_the_memory_applies():
    """Section 6 gives every number of Marlow's trust rule as the memory holds it, and a
    deal reached through three retractions lowers trust, as the text says."""
    from course.engine.bots import (
        TRUST_CHANGE,
        TRUST_PER_INSULT,
        TRUST_PER_RETRACTION,
        TRUST_START,
        Encounter,
        Memory,
    )

    assert f"starts at {TRUST_START:g}" in SECTION_6
    # each ending's change is a row of the table (test_section_6_trust_table_matches_the_bot)
    for change in TRUST_CHANGE.values():
        number = f"{change:+g}".replace("-", "−") if change else "0"
        assert f"| {number} |" in SECTION_6
    assert TRUST_PER_INSULT == TRUST_PER_RETRACTION
    assert f"by {TRUST_PER_RETRACTION:g}".replace("-", "−") in SECTION_6
    assert "whatever the ending" in " ".join(SECTION_6.split())  # review 79 U1
    memory = Memory()
    memory.remember(Encounter("deal", retractions=3))
    assert memory.trust < TRUST_START


def test_marlow_says_it_is_near_its_limit_only_after_its_first_offer():
    """Section 6 says Marlow names its limit only after its first offer; the bot's first
    offer never says it, and later offers do."""
    from course.engine.bots import REMARKS

    # review 94 U3: section 5 says it once
    assert "its reservation price, never in its first offer" in section("plan-teaching")
    case = course.variant("05_capstone", "learner-2")
    opening = plan_of(case)[0][0]
    later = 0
    for seed in range(20):
        table, _ = table_for(case, STYLES[seed % len(STYLES)], seed)
        session = table.session
        session.offer(opening)
        assert REMARKS["floor_package"] not in (session.said or "")
        while not session.finished:
            session.offer(opening)
            later += REMARKS["floor_package"] in (session.said or "")
    assert later


def test_an_offer_worth_the_same_as_a_step_is_that_step_whatever_its_levels():
    """Question 7's check accepts any package worth the same to both sides as the
    course's step, so the debrief matches your offers to the plan by (your profit,
    Marlow's points), not by levels: a package with other levels and the same worth is
    the step; one with another worth is off the plan. The worths of the offers are the
    table's own (Marlow's points as its bot scores them)."""
    against = debrief.__globals__["_against_plan"]
    worths = [(150.0, 30.0), (140.0, 36.0)]
    other_levels = {
        "price": "€45",
        "volume": "8k units",
        "delivery": "8 weeks",
        "payment": "90 days",
    }
    offers = [(1, other_levels, 150.0, 30.0), (2, other_levels, 140.0, 36.0)]
    offers.append((3, other_levels, 140.0, 35.0))
    line = against(offers, worths)
    assert "round 1, profit 150: your opening" in line
    assert "round 2, profit 140: your plan's step 1" in line
    assert "round 3, profit 140: off your plan" in line
    case = course.variant("05_capstone", "learner-1")
    table, _ = table_for(case, "linear", 0)
    opening = plan_of(case)[0][0]
    table.session.offer(opening)
    table.session.walk_away(polite=True)
    (_, sent, profit, points), *_ = table.outcome()["your_offers"]
    assert sent == opening and profit == package_points(opening, case.yours)
    assert points == package_points(opening, case.theirs)


SECTION_4 = section("opening-teaching")


def test_a_meso_partner_sent_after_the_opening_is_a_step_back_for_marlow():
    """Third review, E2: a MESO's partners are worth exactly the opening's profit, so the
    debrief counts no concession when one is sent after the opening; but by the research
    it gives Marlow no more points than the opening, and where it gives fewer Marlow
    reads it as a retraction, as section 4 now warns."""
    # review 80 U4: the word is defined where it is used; review 82 U1: the warning is cut
    # with its fold, and section 4 says to send the opening alone
    assert "so you prepare the set and send the opening alone" in " ".join(SECTION_4.split())
    assert "counts sending it after your opening as a concession" not in SECTION_4
    for n in range(1, 13):
        case = course.variant("05_capstone", f"learner-{n}")
        opening = plan_of(case)[0]
        partner = next((row for row in meso_partners(case) if row[2] < opening[2]), None)
        if partner is None:
            continue
        assert partner[1] == opening[1]
        table, _ = table_for(case, "linear", n)
        table.session.offer(opening[0])
        assert not table.session.finished
        table.session.offer(partner[0])
        round_ = max(r for r, who, _ in table.session.history if who == "you")
        assert REMARKS["retraction"] in dict(table.session.remarks).get(round_, "")
        if not table.session.finished:
            table.session.walk_away(polite=True)
        assert table.outcome()["concessions"] == []
        return
    pytest.fail("no learner of 1 to 12 has a MESO partner worth fewer points to Marlow")


def _runs(learners, seeds=3):
    """Tables played with the course's plan (opening, then each step, the last held) for
    ``learners`` (numbers), every style, each Quell state, ``seeds`` seeds: (case,
    outcome, table) per run."""
    for n in learners:
        case = course.variant("05_capstone", f"learner-{n}")
        plan = [row[0] for row in plan_of(case)]
        path = plan + [plan[-1]] * (ROUNDS - len(plan))
        for quell in (True, False):
            walkaway = case.reservation_if_quell if quell else case.reservation_if_not
            for style in STYLES:
                for seed in range(seeds):
                    negotiation = contract_negotiation(case, walkaway, ROUNDS)
                    table = Table(negotiation, style, rng=random.Random(seed))
                    play(table, path)
                    if not table.session.finished:
                        table.session.walk_away(polite=True)
                    yield case, table.outcome(), table


def test_an_issue_marlow_held_would_have_cost_it_at_least_each_step_it_took():
    """The debrief no longer says a held issue 'matters most' to Marlow (review finding 1:
    it was Marlow's top-weighted issue in 81 runs of 202); it says what the bot's rule
    makes true, that a first level there would have cost Marlow at least as many points
    as each one-level step it did take. Checked against every run's offers; section 6 and
    section 7 say the same."""
    assert "values most" not in SECTION_6 and "values most" not in section("debrief-teaching")
    assert "not to which issue weighs most" in section("about-the-bot")  # review 79 U1
    held_runs = 0
    for case, outcome, table in _runs(range(1, 7), seeds=2):
        if not outcome["issues"] or not outcome["issues"]["held"]:
            continue
        held_runs += 1
        offers = [o for _, who, o in table.session.history if who == "bot"]
        best = {issue: max(levels, key=levels.get) for issue, levels in case.theirs.items()}
        order = {issue: sorted(lv, key=lv.get, reverse=True) for issue, lv in case.theirs.items()}
        taken = []
        for before, after in zip([best, *offers], offers, strict=False):
            for issue, levels in order.items():
                start, end = levels.index(before[issue]), levels.index(after[issue])
                taken += [
                    case.theirs[issue][levels[k]] - case.theirs[issue][levels[k + 1]]
                    for k in range(start, end)
                ]
        for issue in outcome["issues"]["held"]:
            first = case.theirs[issue][order[issue][0]] - case.theirs[issue][order[issue][1]]
            assert all(step <= first + 1e-9 for step in taken), (case.learner, issue)
        line = debrief.__globals__["_revealed"](outcome["issues"])
        assert "matters most to it" not in line and "would have cost it at least as much" in line
    assert held_runs >= 10


def test_marlow_leaving_at_its_deadline_is_remembered_as_time_running_out():
    """Review finding 2: Marlow's deadline (5 to 7 rounds) always comes before the
    table's 8, so it leaves with 'my time is up'; that is remembered as talks that ran
    out of time (−0.05), as section 6 says, not as its own leaving for want of patience
    (−0.1)."""
    from course.engine.bots import PARTING, TRUST_CHANGE, TRUST_START, Memory

    assert "the talks ran out of time (Marlow reached its own deadline and left)" in SECTION_6
    seen = 0
    for n in range(1, 13):
        case = course.variant("05_capstone", f"learner-{n}")
        plan = [row[0] for row in plan_of(case)]
        path = plan + [plan[-1]] * (ROUNDS - len(plan))
        for style, seed in itertools.product(STYLES, range(3)):
            memory = Memory()
            negotiation = contract_negotiation(case, case.reservation_if_quell, ROUNDS)
            table = Table(negotiation, style, rng=random.Random(seed), memory=memory)
            play(table, path)
            outcome = table.outcome()
            if outcome["said"] != PARTING["time"]:
                continue
            seen += 1
            assert memory.encounters[-1].ending == "deadline"
            assert memory.trust == pytest.approx(TRUST_START + TRUST_CHANGE["deadline"])
            line = debrief.__globals__["_remembers"](outcome["memory"])
            assert "ran out of time" in line and "patience ran out" not in line
    assert seen


def test_the_reciprocity_line_claims_no_cost_the_replay_did_not_show():
    """Review finding 3: the replay tests only Marlow's next reply, so the line says a
    concession did not improve that reply, and gives what the concessions gave up, not
    that they 'cost' the learner profit."""
    line = debrief.__globals__["_reciprocity"](
        [
            {"answered": False, "cost": 10.0, "into_silence": False},
            {"answered": True, "cost": 5.0, "into_silence": False},
            {"answered": False, "cost": 15.0, "into_silence": True},
        ]
    )
    assert "costing you" not in line
    assert "2 did not improve Marlow's next reply" in line and "gave up 25 of your profit" in line
    # review 79 U1: the caveat's detail was cut; review 96 U1: the reply ratio's definition
    # moved into this bullet
    assert "beyond a replay in which you repeated your previous offer" in " ".join(
        section("debrief-teaching").split()
    )


def replayed(before, after, opening=140):
    """A memory's ``first_answers``: Marlow's replayed answers (your profits)."""
    return {
        "opening": opening,
        "before": {"kind": "offer", "index": int(before), "profit": before},
        "after": {"kind": "offer", "index": int(after), "profit": after},
    }


def test_what_marlow_remembers_compares_with_the_trust_before_this_meeting():
    """Review finding 12: a deal with three retractions after an earlier deal takes trust
    from 0.75 to 0.70; the line compares with the trust before this meeting. Fourth
    review, E1: the direction is the replay's, not asserted from the change in trust."""
    remembers = debrief.__globals__["_remembers"]
    down = remembers(
        {
            "met": 1,
            "ending": "deal",
            "trust_before": 0.75,
            "trust_after": 0.70,
            "first_answers": replayed(80, 70),
        }
    )
    assert "further from you than this time" in down
    assert "would at trust 0.70 answer at a profit of 70 for you, and at 0.75" in down
    up = remembers(
        {
            "met": 1,
            "ending": "deal",
            "trust_before": 0.25,
            "trust_after": 0.45,
            "first_answers": replayed(60, 70),
        }
    )
    assert "closer to you than this time" in up
    level = remembers(
        {
            "met": 1,
            "ending": "deal",
            "trust_before": 0.5,
            "trust_after": 0.75,
            "first_answers": replayed(60, 60),
        }
    )
    assert "the same package, because it moves in whole levels" in level
    assert "closer" not in level.split("Quell is drawn")[0]
    # second review, finding 3: a mystery style is drawn afresh, and styles open
    # differently, so the comparison holds only for the same style and the same opening
    for line in (down, up, level):
        assert "a Marlow of the same style, answering the same opening of yours" in line
        assert "next time it opens" not in line
        # third review, E1: Quell is drawn afresh, and its state moves the opening too
        assert "with Quell in the same state" in line
        assert "Quell is drawn afresh at every sitting" in line
    same = same_line(remembers)
    assert "Its trust in you stays at 0.50" in same and "no opening to replay" in same


def same_line(remembers):
    return remembers(
        {"met": 1, "ending": "polite walk-away", "trust_before": 0.5, "trust_after": 0.5}
    )


def test_packages_off_the_frontier_are_called_at_least_as_good_for_both():
    """Review finding 17: value_created counts packages at least as good for both sides
    and better for one, and the line says so."""
    line = debrief.__globals__["_created"](
        {
            "shares": {"seller": 0.5, "buyer": 0.4},
            "joint": 0.9,
            "best_joint": 1.2,
            "on_frontier": False,
            "better_for_both": 3,
        }
    )
    assert "the table had 3 packages at least as good for both of you and better for one" in line


def test_marlows_stock_weeks_are_a_belief_and_the_deadline_result_says_why_it_fits():
    """Review finding 7: the stock weeks were filed under Known while section 3 said
    neither side knows the other's date; they are a belief (what Marlow's buyers say), and
    the private-deadline result is said to fit because Marlow does not know yours."""
    information = section("information-teaching")
    known = information.split("**Known**")[1].split("**Believed**")[0]
    believed = information.split("**Believed**")[1].split("**Unknown**")[0]
    assert "stock" not in known and "how long its stock lasts" in believed
    audit = section("audit-teaching")
    assert "Marlow does not know your booking date" in audit
    assert "neither side knows the other's date" not in audit


def test_the_opening_is_grounded_in_facts_the_brief_gives_and_the_summary_states_the_rule():
    """Review findings 6, 14, 16: the grounding is a fact Tallis can cite (its list terms,
    the rush's cost), both in the brief, not the beliefs section 4 says to keep quiet; the
    summary says the opening is for the state better for you, which is right even where
    Quell is the likelier state (such learners exist); the brief's heading says 'know and
    believe'."""
    opening = section("opening-teaching")
    # review 72 U1: the sentence was cut to its facts
    assert "An opening is *grounded* by true facts you can cite: your list terms and the " in (
        " ".join(opening.split())
    )
    assert "which made that lower number the likelier one" not in opening
    case = course.variant("05_capstone", "learner-1")
    brief = case.story()
    assert "your list terms (€48 a module, 10k units, 8-week delivery, 30-day payment)" in brief
    assert "**What you know and believe about Marlow**" in brief
    summary = section("summary")
    # review 102 U4: "the state better for you" is no name for it; "its low one" is
    assert "(here its low one)" in summary and "think likely" not in summary
    likelier = [
        c
        for c in (course.variant("05_capstone", f"learner-{n}") for n in range(1, 80))
        if quell_posterior(c) > 0.5
    ]
    assert likelier
    for c in likelier:
        worth = package_points(plan_of(c)[0][0], c.theirs)
        assert c.reservation_if_not <= worth < c.reservation_if_quell


def test_the_words_for_profit_and_for_additive_scoring_are_exact():
    """Review findings 13, 20: Tallis's profit is in k€, never 'points'; the price-volume
    example is called what it shows (the sum misstates profit), not preferential
    independence."""
    plan = section("plan-teaching")
    assert "per point you lose" not in plan
    assert "per k€ the step cost you" in section("debrief-teaching")  # review 96 U1: moved
    opening = section("opening-teaching")
    assert "preferential independence" not in opening
    assert "Price and volume interact" in opening  # review 80 U1: said shorter


def test_the_rubric_example_is_learner_1354s_case_with_its_own_numbers():
    """Review finding 15: the example used impossible numbers; it is learner-5's case,
    each figure recomputed here, and the negotiation it tells is the one a linear Marlow
    without Quell plays (third review: redrawn with the new MESO rule; it reads the floor
    signal, names its concession into silence, and compares sittings with the same style
    and Quell state; fourth review, E8: learner-5's case sat on question 8's five-step line
    and is redrawn, so the example is now learner-1354's (E4's redrawn price
    row changed learner-2344's too), whose negotiation tells the same
    story; review 98 C1, round 100: the plan is the notebook's reference, module 04's
    shape, and the story follows it)."""
    from course.scenarios.capstone import state_target
    from tests.test_capstone_review100 import reference_plan

    rubric = section("reflection")
    case = course.variant("05_capstone", "learner-1354")
    name, worth = batna_of(case)
    plan = reference_plan(case)
    # review 69 U2: the answer is four short paragraphs; it names the two alternatives'
    # worth in one clause, and the letter's arithmetic is the instructor note's
    assert f"I kept {name} ({worth:g} on average) over the letter's sure" in rubric
    # review 66 E1: the letter is set against Brenn as a sure sum, and the gap weighed by
    # the chance of no deal with and without the letter (review 67 E1;
    # test_the_model_answer_weighs_the_letter_by_the_chances_...)
    assert f"over the letter's sure {case.brenn_letter:g}. Signed," in rubric
    assert case.brenn_letter < worth
    floor, best = reservation_of(case), best_profit(case)
    # review 86 U1: the instructor note that gave it is cut; the answer measures from it
    assert f"{plan[1][1] - floor:g} above my reservation price" in rubric
    alone = alternative_of(case)
    assert alone == worth  # learner-1354 did not sign, so Brenn is the alternative
    assert f"{name} was {alone / best:.0%} of my best profit ({best:g})" in rubric
    assert (
        f"Marlow's {case.reservation_if_quell:g}% with Quell and {case.reservation_if_not:g}% without"
        in rubric
    )
    assert f"a chance of {quell_posterior(case):.2f}" in rubric
    assert f"profit {plan[0][1]:g}, {plan[0][2]:g} of Marlow's" in rubric
    # review 110 C1 (round 111): the reference plan's steps shrink (155, 125, 105): its first
    # step reaches the target, and Marlow accepts it
    assert f"I made my first step, to my target ({plan[1][1]:g})" in rubric
    target = state_target(case, [row[0] for row in plan], floor, False)
    assert f"Marlow's answers pointed to ({target:g})" in rubric
    assert target == plan[1][1]
    assert f"hold one round longer at {plan[0][1]:g}" in rubric
    assert "count my plan's" not in rubric
    assert power_holder(case) == "Marlow" and "Power, which the" in rubric
    assert f"the {case.their_supply_share:.0%} of its" in rubric
    assert f"{case.your_sales_share:.0%} of my sales" in rubric
    # review 59: the weeks are a fact of the alternatives row, not of power
    # review 61, C1: the weeks clash with the rush request, so the model answer discounts
    # them and rates the row open, a reading question 4 accepts
    # review 90 X1: the only reading question 4 accepts
    assert alternatives_holder(case) is None and alternatives_readings(case) == {None}
    assert "clashed with its rush, so I rated the row open" in " ".join(rubric.split())
    assert f"claimed {case.their_weeks} weeks of stock against my {case.your_weeks}" in rubric
    negotiation = contract_negotiation(case, case.reservation_if_not, ROUNDS)
    table = Table(negotiation, "linear", rng=random.Random(0))
    session = table.session
    # review 114 C1: the step at 80 answered a gain of 20, under the 30 it cost, which
    # section 5 counts as no move; the answer now holds until Marlow's move to 110
    for package in (plan[0][0], plan[0][0], plan[0][0], plan[0][0], plan[1][0]):
        session.offer(package)
    profits = [package_points(o, case.yours) for _, who, o in session.history if who == "bot"]
    first, small, still, moved = profits
    step = plan[0][1] - plan[1][1]
    assert first < small == still < moved and small - first < step <= moved - still
    assert f"answered at a profit of {first:g}" in rubric
    assert f"Its move to {small:g} was under my step's {step:g}" in rubric
    assert f"At its move to {moved:g}" in rubric
    assert f"would still answer at {first:g}" in rubric
    assert session.agreement is not None and session.result().round == 5
    gain = package_points(session.agreement, case.yours) - floor
    assert package_points(session.agreement, case.yours) == plan[1][1]
    assert f"accepted {plan[1][1]:g} in round 5" in rubric
    assert f"{gain:g} above my reservation price" in rubric
    found = table.outcome()["concessions"]
    assert [c["answered"] for c in found] == [True]
    assert [c["into_silence"] for c in found] == [False]
    assert found[0]["answer"] == "accept"  # the step bought the deal
    assert "my step answered a move, and the step bought the deal" in rubric
    assert "a concession into silence" not in rubric  # round 100: the plan kept its rule
    deal = session.agreement
    points = package_points(deal, case.theirs)
    assert f"Marlow took {points:g} points" in rubric
    # review 102: the 42 points include the payment term, which the sentence now names
    assert f"{deal['volume']} in {deal['delivery']}, paid at {deal['payment']}:" in rubric
    assert deal["price"] == "€48"
    assert f"{points:g} points, {points - case.reservation_if_not:g} above their" in rubric
    said = dict(session.remarks)
    assert not any(REMARKS["floor_package"] in words for words in said.values())
    # review 73 C3: Marlow moved (60 to 80), so section 5's rule called for the next
    # step; the reflection once called its hold keeping to the rule ("it never said it
    # could not give more"), which only applies when Marlow has not moved
    assert moved > first and "could not give more" not in rubric
    assert "again a linear Marlow and again with Quell without capacity" in rubric


def test_the_stated_duration_matches_the_course_map():
    """The preparation is most of the module's 11,000 words (counted here, as a learner
    reads them: the instructor's model answer left out) and eight answers,
    two of them real programs (the frontier map and the MESO): six to eight hours for
    someone new to programming, not four to five; two sittings, their debriefs and a
    reflection take one and a half to two and a half; the map's minutes lie in the total."""
    from course.course_map import MODULES

    intro = section("intro")
    # review 80 U1: the preparation's and the table's hours apart were cut (the headline
    # gives the totals, and three sittings split them)
    assert "five to six hours, or six to eight if you are new to" not in " ".join(intro.split())
    assert "four to five hours" not in intro and "about four hours" not in intro
    # the headline gives the figure for someone at ease with a loop as well as the
    # novice's, each the preparation plus the table: 5-6 + 1.5-2.5 and 6-8 + 1.5-2.5
    # review 108 (round 109): the same hours in figures, to pay for words
    assert "**6½ to 8½ hours** if you have written a loop" in " ".join(intro.split())
    assert "**7½ to 10½** if you are new to" in " ".join(intro.split())
    # review 66 U1: asides, the bot's mechanics and the research notes are folded into
    # <details> blocks; the intro gives the reading and the folded notes apart
    assert "about 10,500 words" not in intro
    # review 68 U4: those are the whole module's figures; the intro gave them as the
    # preparation's, which holds some 7,000 and about 700 folded (failed on the old text)
    # review 69 U4: the table's rules came out of their fold (about 460 words); U1: the
    # diagnostic set's discussion went into one, and sections 2 to 4 were cut; round 70:
    # section 5's rule became a table and its GRIT and reply-ratio passages a fold
    # review 70 U4/U1: the preparation's figure counts the introduction too, and section 5
    # and the rest were cut (8,036 and 2,647 before)
    # review 75 U1: the appendix was cut (2,574 folded words -> about 2,480)
    # review 76 U1: the intro's word counts were cut (a learner needs the hours)
    assert "words of reading" not in intro and "of the folded ones" not in intro
    # three sittings, each named: two for the preparation, one for the table
    assert "three sittings: two for the preparation" in intro and "then a third for" in intro

    def words(text):  # the words a learner reads: markdown cells, not the model answer
        return sum(
            len(line.removeprefix("#").split())
            for cell in text.split("# %% [markdown]")[1:]
            if '"solution": true' not in cell.splitlines()[0]
            for line in cell.split("# %%")[0].splitlines()[1:]
        )

    def folded(text):  # the words inside <details> blocks of the cells a learner reads
        cells = [
            cell.split("# %%")[0]
            for cell in text.split("# %% [markdown]")[1:]
            if '"solution": true' not in cell.splitlines()[0]
        ]
        return sum(
            words("# %% [markdown]\n" + block)
            for cell in cells
            for block in re.findall(r"<details>.*?</details>", cell, re.S)
        )

    text = NOTEBOOK.read_text()
    # fifth review, finding 5: 12,368 words cut to about 10,850
    # review 58, U1: cut to about 10,400
    # review 66, U1: about 2,750 of them folded, some 8,000 left on the reading path
    reading, notes = words(text) - folded(text), folded(text)
    # review 70 U1: 7,538 and 2,593 after the cut; the caps are those counts + 1%
    # review 72 U1: 7,526 after a partial cut of section 4 (7,537 before, with review 72's
    # additions); the cap is that count + 1%
    # review 76 U1: 7,321 and 2,287 after the cut (7,535 and 2,457 before); the intro no
    # longer states the counts, so the caps are those counts + 1%, the preparation's too
    # (5,708 and 938)
    # review 80 U1: 6,692 and 1,367 after the cut (7,011 and 1,448 before), the
    # preparation's 5,260 and 729; the caps are those counts + 1%
    assert reading <= 6_759, reading
    assert notes <= 1_381, notes
    preparation = text[: text.index("# ## 6.")]
    assert words(preparation) - folded(preparation) <= 5_313
    assert folded(preparation) <= 737
    # review 82 U1: the MESO's fold ("Why the table cannot run the test") is cut
    # review 86 U1: section 5's fold that repeated its rule is cut
    # review 90 U3: section 5's last fold ("Why a step stands here") is cut too
    assert text.count("# <details><summary>") == text.count("# </details>") >= 5
    assert words(text[: text.index("# ## 6.")]) > words(text) / 2
    minutes = next(m.minutes for m in MODULES if m.folder == "05_capstone")
    assert 450 <= minutes <= 630


def test_section_5_says_which_styles_give_back_less_than_you_concede():
    """Second review, finding 5: 'Marlow gives back only part of what you concede' was
    false of tit-for-tat (reciprocity 1); the text names three styles of four, as the
    bots' settings have it."""
    plan = section("plan-teaching")
    partial = [name for name in STYLES if COUNTERPARTS[name][1]["reciprocity"] < 1]
    full = [name for name in STYLES if COUNTERPARTS[name][1]["reciprocity"] == 1]
    assert (len(partial), full) == (3, ["tit-for-tat"])
    # review 90 (C1, U1, U3): removed on purpose
    assert "three of Marlow's four styles give back only part" not in plan
    # review 90 (C1, U1, U3): removed on purpose
    assert "tit-for-tat about as much" not in plan


def test_section_5_claims_no_replay_figures_and_reaching_is_not_a_deal():
    """Second review, finding 1: the replay figures ('twelve learners closed no deal',
    'closed every talk', 'two in three') could not be reproduced by the module's own
    rules; they are gone, and reaching Marlow's package is no longer said to close."""
    plan = section("plan-teaching")
    for claim in ("twelve learners", "closed every talk", "two in three", "can reach it in time"):
        assert claim not in plan
    assert "Reaching your target is not the same as a deal" in plan  # review 90 U3


def test_the_text_agrees_with_modules_01_and_04_and_its_citations():
    """Second review, findings 10, 11, 20, 21, 24 (and its finding 6 refused: the paper's
    abstract says low- and high-power receivers were equally offended by extreme offers,
    and 'it is the low-power negotiators who walk away'); module 04's rules (cheapest move that closes, free
    trades by joint gain) are stated and the capstone's difference explained; an
    average is a summary, as module 01 says; a signed letter is your own fact; the
    frontier's definition includes equal profit and more points; Pruitt's work is named."""
    opening = section("opening-teaching")
    assert "receivers with little power were the ones who then walked" in opening
    assert "high power" not in opening
    plan = section("plan-teaching")
    # review 90 (C1, U1, U3): removed on purpose
    assert "the cheapest move that gives the other side all it still needs" not in plan
    # review 75 X2, C2: the appendix's defence of the sum of k€ and points is gone
    assert "which cannot be added" not in plan and "counted in euros" not in " ".join(
        section("about-the-bot").split()
    )
    assert "Marlow gains most points per k€" not in plan
    # review 70 U1: the definition itself now carries it (no less for the other side)
    # review 90 (C1, U1, U3): removed on purpose
    assert "(more for one side and no less for the other)" not in plan
    assert "*Negotiation Behavior*, 1981" in plan
    beliefs = section("information-teaching")
    assert "no help in planning" not in beliefs and "a summary" in beliefs
    assert "your own contract" in section("say-teaching")


def test_the_audit_says_what_its_rules_rest_on():
    """Second review, findings 7 and 9: Marlow's weeks are a belief, yet question 4's
    power rule used them as if settled; and the audit counted Quell whether or not it
    binds (deal-me-out). The text says that weeks that point against the dependence
    shares leave power open (since the fifth review, weeks that nothing contradicts settle
    it: finding 2), and that the alternatives rule does not apply the deal-me-out test."""
    # review 73 U2: rule (c) reworded, same claim
    # review 80 X2: rule (b) says why Marlow's weeks are discounted
    q4 = " ".join(section("q4-text").split())
    assert "If they point different ways, the row is open." in q4
    # review 81 E1: the never-Marlow rule is the course's convention (test_review82);
    # review 82 C2: Marlow's weeks count at its buyers' word, left out passes too;
    # review 83 C3: the other way round (tests/test_review84_capstone.py)
    # review 90 X1: only the discounted reading passes (tests/test_capstone_review90b.py)
    assert "Taking them at its buyers' word there passes too." not in q4
    # review 61, E2: deal-me-out is the alternating-offers model's result, not a law
    assert "in module 03's alternating-offers model, an option taken only on refusing" in (
        " ".join(section("audit-teaching").split())
    )


def test_at_the_same_trust_marlow_opens_no_closer_with_quell():
    """Third review, E1: the memory line says that, at the same trust, Marlow opens no
    closer to you (and usually further) when Quell has capacity, so sittings compare only
    with Quell in the same state; replays of the course's opening bear both halves out."""
    from course.engine.bots import Encounter, Memory
    from course.scenarios.capstone import opening_of

    further = total = 0
    for i in range(12):
        case = course.variant("05_capstone", f"quell-{i}")
        opening = opening_of(case)
        for style in STYLES:
            for memory in (None, Memory([Encounter("deal")])):
                got = []
                for walkaway in (case.reservation_if_not, case.reservation_if_quell):
                    table = Table(
                        contract_negotiation(case, walkaway, ROUNDS),
                        style,
                        rng=random.Random(0),
                        memory=memory,
                    )
                    answer = table.session.offer(dict(opening))["bot_offer"]
                    got.append(table.session.utility(answer))
                assert got[1] <= got[0] + 1e-9, (case.learner, style, got)
                further += got[1] < got[0]
                total += 1
    assert further > total / 2  # "usually further"
    remembers = debrief.__globals__["_remembers"]
    line = same_line(remembers)
    assert "opens no closer to you, and usually further, when Quell has capacity" in line


def test_the_text_on_dependence_held_issues_acceptances_and_the_deadline_fits_the_engine():
    """Third review, E4, E7, E8, E9, contradiction 6, unclear 1, 3, 6: Emerson's
    dependence has both halves and the split into two rows is the course's; a held issue
    costs Marlow at least as much as each step, as the widget says; an acceptance answers
    a step only if holding would not have got it, as section 7 and the debrief count; the
    deadline result is a theorem of a model; the Believed pile holds a chance; the
    negotiation table is named; the share of the gain is defined as the code computes it."""
    audit = section("audit-teaching")
    assert "the fewer other ways it has to get it" in audit
    # review 69 U1: the hedge "this course's bookkeeping, not Emerson's" is cut; the text
    # says plainly which half of Emerson's idea each row holds
    assert "The second half is the alternatives row, so the power row keeps the first" in audit
    assert "put it in one line" not in audit
    assert "In Sandholm and Vulkan's model with private deadlines" in audit  # review 80 U1
    assert "found that the rational course" not in audit
    assert "Read its alternatives rating as the most Quell could add" not in audit
    # review 77 U1: section 7's list of what the debrief names was cut (the debrief shows it)
    for text in (SECTION_6, section("debrief-teaching")):
        assert "more than the steps" not in text
    assert "an issue it never moves is a" in section("about-the-bot")  # review 79 U1
    plan = section("plan-teaching")
    # review 96 U1: the reply ratio, with this case, is defined in section 7 now
    assert "as does a deal it would not have made had you held" in " ".join(
        section("debrief-teaching").split()
    )
    assert "(or when it accepted)" not in plan
    information = section("information-teaching")
    believed = information.split("**Believed**")[1].split("**Unknown**")[0]
    assert "the chance that Quell has capacity" in believed
    assert "whether Quell has capacity" not in believed
    assert "the table below" not in section("leverage-teaching")
    # review 56, C4: "walk-away" is the action only, so the note naming the table's
    # "walk-away point" is gone (test_tit_for_tat_is_described_one_way_and_walk_away_...)
    assert "walk-away point" not in section("leverage-teaching")
    # unclear 9 and E10: the rush can only lower the chance of Quell (every draw has
    # rush_if_not > rush_if_quell, tests/test_variants_sweep_capstone.py), and for some
    # learners Quell stays the likelier state (test_the_opening_is_grounded_in_facts...)
    assert "can only lower the chance that Quell has capacity" in information
    # review 77 U4's note that the low state may stay the less likely one: cut in review 86
    # U1 (tests/test_review86_capstone.py)
    debriefing = section("debrief-teaching")
    assert "zone between the two reservation prices" not in debriefing
    assert "the most any package Marlow would have taken could give you over it" in " ".join(
        debriefing.split()
    )  # review 79 U1: shorter


def test_section_6_trust_table_matches_the_bot():
    """Third review, unclear 5: the trust changes are a table whose figures are the bot's
    own (TRUST_CHANGE, and the insult and retraction costs)."""
    from course.engine.bots import TRUST_CHANGE, TRUST_PER_INSULT, TRUST_PER_RETRACTION

    cell = NOTEBOOK.read_text().split('grade_id": "table-teaching"')[1].split("# %%")[0]
    rows = {}
    for line in cell.splitlines():
        parts = [p.strip() for p in line.removeprefix("#").strip().strip("|").split("|")]
        if len(parts) == 2 and parts[1] and parts[1][0] in "+0−":
            rows[parts[0]] = float(parts[1].replace("−", "-"))
    assert rows == {
        "a deal": TRUST_CHANGE["deal"],
        "you walked away politely": TRUST_CHANGE["polite walk-away"],
        "the talks ran out of time (Marlow reached its own deadline and left)": TRUST_CHANGE[
            "deadline"
        ],
        "Marlow left because its patience ran out": TRUST_CHANGE["it left"],
        "you walked out, slamming the door": TRUST_CHANGE["walk-out"],
        "each offer refused out of hand, or retraction, on top": TRUST_PER_INSULT,
    }
    assert TRUST_PER_INSULT == TRUST_PER_RETRACTION
    assert "Quell is drawn afresh at every sitting" in SECTION_6


def test_the_debriefs_share_and_value_created_lines_say_what_the_code_computes():
    """Third review, unclear 6 and contradiction 8: the share of the gain is over the best
    package Marlow would have accepted, not a 'zone between two reservation prices'; the
    value created was set against the best package both of you prefer to walking away;
    since review 88 E1 its verdict is the frontier test and the sum is shown as the split
    (tests/test_capstone_review88.py)."""
    from course.engine.capstone import BUYER, SELLER

    created = debrief.__globals__["_created"](
        {"shares": {SELLER: 0.5, BUYER: 0.3}, "joint": 0.8, "best_joint": 1.1, "on_frontier": True}
    )
    assert "the deal is on the Pareto frontier" in created and "could give" not in created
    line = debrief.__globals__["_agreement"](
        {
            "agreement": {"price": "€45"},
            "your_profit": 115.0,
            "zone_share": 0.5,
            "claimed": 40.0,
            "round": 6,
        },
        {"reservation": 75.0},
    )
    assert "50% of the most you could have gained" in line and "of the zone" not in line


def test_the_frontier_and_styles_are_glossed_where_first_used():
    """Third review, unclear 7 and contradiction 7: the Pareto frontier and the four
    styles are glossed where section 5 first uses them, each style as the bots' settings
    have it; section 5 says why the plan goes below module 04's target; Galinsky,
    Mussweiler and Medvec's target-minded negotiators were less satisfied."""
    plan = section("plan-teaching")
    # glossed in section 4, where the opening one step beyond first needs it
    opening = section("opening-teaching")
    # review 90 U2: module 04's wording; the step beyond is no longer an opening
    assert "**Pareto frontier** (module 04) when no other package is better" in opening
    # review 90 U2: section 5 now points to section 4's definition, before it uses it
    assert plan.index("Pareto frontier (section 4)") < plan.index("frontier,")
    assert "a **Boulware** Marlow barely moves until late" in plan
    assert COUNTERPARTS["boulware"][1]["beta"] < 1 < COUNTERPARTS["conceder"][1]["beta"]
    assert COUNTERPARTS["linear"][1]["beta"] == 1
    assert COUNTERPARTS["tit-for-tat"][1]["reciprocity"] == 1
    # review 90 U3: "three of Marlow's four styles ..." and "(sections 2 and 3)" were cut
    assert "Module 04 planned steps that shrink towards a target" in plan  # round 100
    # review 108 C2 (round 109): the study's ideal, not this course's target
    # review 110 U3 (round 111): the ideal-focused group is the one that felt less satisfied
    assert (
        "reached better deals than those who dwelt on their reservation price, yet felt less"
        in (" ".join(section("opening-teaching").split()))
    )


# --- sixth review --------------------------------------------------------------------------


def test_section_5_says_plans_take_back_terms_issue_by_issue():
    """Sixth review, E4: 96% of plans move some issue back towards Tallis after giving it,
    and the text never said so. It now says so, names volume and delivery, and says how to
    make such a step at a real table (the sweep checks the claim over 2,000 learners)."""
    plan = " ".join(section("about-the-bot").split())  # review 58, U1: in the appendix
    assert "a step may land on an issue you had already given ground on" in plan  # round 100
    assert "(volume back up, delivery back out)" in plan
    # review 59, C3: how to offer such a step now stands in question 7, next to the plan
    # review 81 U1: the appendix no longer repeats it (tests/test_review82_capstone.py);
    # review 83 C2: section 5 says it once, before the rule's table (test_review84)
    # review 90 (C1, U1, U3): removed on purpose
    assert "offer each step as a conditional trade" not in " ".join(
        section("plan-teaching").split()
    )


def test_section_4_states_module_04s_meso_rules_and_why_this_case_departs():
    """Sixth review, C1: the text said module 04 asks for packages of exactly the same value
    (it allows 5 points) and was silent on module 04's frontier rule, which most partners
    here break. It now states both rules and why this case departs from each (the sweep
    checks the claim about the partners' points over 2,000 learners)."""
    text = section("opening-teaching")
    # review 57, C1: module 04's rules are named, but not its acronym
    assert "module 04's multiple equivalent simultaneous offers" in text  # review 77 C3
    # review 76 U1: the fold is cut to two sentences; the main text says "exactly"
    assert "packages worth exactly as much to you" in text
    # review 91 C2: module 04's two rules and why these partners depart from them
    # review 97 U1: the comparison moved to the appendix
    joined = " ".join(section("about-the-bot").split())
    # review 102 (cuts): module 04's sets are compared once, in question 5
    assert "Module 04's sets were looser: within 5 points" in " ".join(section("q5-text").split())
    assert "usually lie just below the frontier: by your research Marlow should prefer" in joined
    assert "of *exactly* the same value to you" not in text


def test_the_threat_statement_is_called_a_threat_and_a_bluff():
    """Course convention (Schelling, modules 02 and 03): an ultimatum on your terms is a
    threat when it ties them to something you would rather not do, and a bluff when you
    would not carry it out; the text says why this one is both (the sweep checks that the
    plan concedes below the opening's terms for 2,000 learners)."""
    text = section("say-teaching")
    assert "is a threat: it ties terms you would" in text and "a bluff as well" in text
    assert "since your plan concedes below them" in text  # review 79 U1: shorter


def test_the_opening_is_never_the_target_and_the_conventions_are_labelled():
    """Sixth review, C2, U2, U4, U5, U6 and module 04's review C3: the opening is never
    called the target; de-anchoring points at what Marlow's alternatives lack; an insult
    always strains Marlow's patience, a stall or a retraction only below its walk-away;
    question 1 says it wants the cent; the alternatives rule says what it measures;
    module 04 already taught concessions only in answer to theirs."""
    plan = section("plan-teaching")
    opening = section("opening-teaching")
    assert "the target is your opening" not in plan
    # review 78 U5; review 97 C1: said with what it costs at this bot; review 98 C1: both
    # the stop at the target and the steps on to the reservation price pass
    assert "or step on to your reservation price, which at this bot gains deals" in " ".join(
        plan.split()
    )
    # review 82 U3: 'the result you aim for' is said once, where the target is first used
    # review 102 U4: the target is defined where first used, in new words
    # review 110 C2 (round 111): "privately aim"
    assert "aim to land" not in plan and "the profit you privately aim to end with" in opening
    assert "your own target (your opening" not in opening
    # review 114 U7: what the alternatives are worth, not what they lack
    assert "what Marlow's alternatives are worth" in opening
    assert "This table adds a third" not in plan and "never into silence" in plan
    table = section("table-teaching")
    table = " ".join(table.split())
    assert "loses patience with every offer it must refuse out of hand" in table
    assert "strain it only while your offer is still worse for it than walking away" in table
    assert "right to 0.01 k€" in section("q1-text")
    # review 69 C1: the rule is stated as a measure (the stronger fallback against what
    # the deal could give), which needs no label; it is no longer a claim about who
    # loses less by walking away
    assert "stronger fallback, measured against what the deal could give it" in (
        section("audit-teaching")
    )


# Seventh review (fix2): debrief sentences that were false or misleading about the run.


def test_no_deal_is_never_called_right_when_a_zone_existed():
    """Review E2/C1: a no-deal sitting with a zone printed both "A zone existed, so value
    was left on the table" and "no deal was right". The Achievable line now says that on
    this path walking away beat what Marlow would accept, never that no deal was right."""
    achievable = debrief.__globals__["_achievable"]
    outcome = {
        "achievable": {"its_offer": False, "utility": 80, "round": 2},
        "reservation": 90,
        "agreement": None,
        "your_profit": None,
        "zone_existed": True,
    }
    line = achievable(outcome)
    assert "no deal was right" not in line
    assert "on the path these talks took" in line and "good for both" in line
    outcome["zone_existed"] = False
    assert "no deal was right" in achievable(outcome)
    both = 0
    for learner in ("ada", "learner-1", "learner-8", "learner-3"):
        case = course.variant("05_capstone", learner)
        for style in STYLES:
            for seed in range(12):
                table, quell = random_play(case, style, seed)
                outcome = table.outcome()
                lines = debrief(outcome, read_plan(case, None, None), facts(case, quell))
                text = " ".join(lines)
                both += "A zone existed" in text
                assert not ("A zone existed" in text and "no deal was right" in text), text


def test_the_two_gains_are_printed_side_by_side_without_a_sum():
    """Review C4 and review 68 C3 rounded the printed sum of the two gains; review 90 U1
    dropped the sum (it moves along the frontier with the split), so each gain is its own
    share rounded to hundredths, on the value-claimed line, and the value-created line
    holds only the frontier verdict."""
    gains = debrief.__globals__["_gains"]
    created = debrief.__globals__["_created"]
    rng = random.Random(68)
    for _ in range(2000):
        yours, theirs = rng.random(), rng.random()
        found = {
            "shares": {SELLER: yours, BUYER: theirs},
            "joint": yours + theirs,
            "best_joint": 1.2,
            "on_frontier": True,
            "better_for_both": 0,
        }
        line = gains(found)
        assert "together" not in line and "sum" not in line, line
        assert f"you {yours:.2f}, Marlow {theirs:.2f}." in line, line
        assert "gain" not in created(found), created(found)


def test_the_alternatives_verdict_is_labelled_question_4s_convention():
    """Review U2: the debrief stated the share-of-best comparison as a fact; the notebook
    calls it the course's convention. Every verdict that names a stronger side now says
    it is question 4's measure."""
    for n in range(1, 40):
        case = course.variant("05_capstone", f"learner-{n}")
        for quell in (True, False):
            walkaway = case.reservation_if_quell if quell else case.reservation_if_not
            outcome = {"their_walkaway": walkaway, "reservation": reservation_of(case)}
            line = debrief.__globals__["_alternatives"](outcome, facts(case, quell))
            if "stronger" in line or "weaker" in line:
                assert "question 4's shares (a course convention" in line, line


def test_no_step_is_claimed_when_no_offer_was_on_the_plan():
    """Review U3: "You went as far as step 0" was printed when every offer was off the
    plan."""
    against = debrief.__globals__["_against_plan"]
    line = against([(1, {}, 100, 40), (2, {}, 95, 45)], [(140, 30), (130, 35)])
    assert "went as far as step" not in line
    assert "None of your offers was your opening or a step of your plan" in line
    assert "went as far as step 1" in against([(1, {}, 130, 35)], [(140, 30), (130, 35)])
    assert "went as far as step 0" in against([(1, {}, 140, 30)], [(140, 30), (130, 35)])


def test_section_4_says_how_the_rush_request_moved_quell_not_that_quell_is_unlikely():
    """Review E3/C2: "by your belief from question 3, Quell probably has no capacity" was
    false for about 8% of learners (posterior at least 0.5). The text now says only what
    holds for all: the rush request lowered the chance of Quell (2,000 learners)."""
    text = section("opening-teaching")
    assert "Quell probably has no capacity" not in text
    # review 80 U1: section 4 no longer repeats it; section 2 says it for every case
    assert "hearing one can only lower the chance that Quell has capacity" in section(
        "information-teaching"
    )
    likely = 0
    for n in range(2000):
        case = course.variant("05_capstone", f"r-{n}")
        assert quell_posterior(case) < case.quell_prior, case.learner
        likely += quell_posterior(case) >= 0.5
    assert likely > 0  # the old sentence was false for these learners


def test_section_4_prices_a_partner_sent_alone_as_a_retraction():
    """Review U6: "it costs you nothing" sat next to a trust cost; the text now says it
    costs no profit and that Marlow counts it as a retraction, at the bot's own rate."""
    from course.engine.bots import TRUST_PER_RETRACTION

    text = section("opening-teaching")
    assert "it costs you nothing" not in text
    # review 76 U1: the fold is two sentences; a partner is worth the opening's profit
    assert "packages worth exactly as much to you" in text
    # review 82 U1: the fold is cut; the price of a retraction is section 6's
    assert "a retraction if worse for Marlow than your last offer" not in " ".join(text.split())
    assert (
        f"| each offer refused out of hand, or retraction, on top | {TRUST_PER_RETRACTION:g} |"
        in (section("table-teaching").replace("−", "-"))
    )


def test_terms_are_explained_where_first_used_and_the_meso_is_a_diagnostic():
    """Review U1, U4, C3: the frontier, Marlow's room and the zone are explained where
    first used; de-anchoring on a counter-offer is called an extension of a study of
    first offers; the capstone's MESO is a diagnostic, and the summary no longer says
    equivalent packages tell you what the other side values."""
    source = NOTEBOOK.read_text()
    first = source.index("frontier", source.index("## 1."))
    # review 90 (C1, U1, U3): removed on purpose
    assert "frontier**, the packages that" not in source[first : first + 80]
    table = section("table-teaching")
    room = table.index("its room")
    assert table[room:].startswith("its room (its best package less its reservation price)")
    assert "zone" not in section("debrief-teaching")  # review 79 U1: the term is not used there
    opening = section("opening-teaching")
    assert "here it is extended to a counter-offer" in opening
    assert "**A MESO.** Next to your opening, put packages" in section("opening-teaching")
    # review 57, C1: one acronym for one thing across the course: module 04's MESO lies on
    # the frontier, so the capstone's set is only ever called a diagnostic set
    opening_words = " ".join(opening.split())
    assert '(Medvec and Galinsky, "Putting more on the table", 2005)' in opening_words
    # review 77 C3: it is module 04's MESO, one name for one idea
    assert "module 04's multiple equivalent simultaneous offers" in opening_words
    source = NOTEBOOK.read_text()
    assert "diagnostic set" not in source.lower()
    assert "(a MESO, module 04)" in section("summary")
    assert "tell you what the other side values" not in section("summary")
    assert "what you aim to land at (your opening" not in opening


def test_the_debrief_text_never_calls_no_deal_right_when_a_zone_existed():
    """Review C1: the notebook said no deal is right when no package suits both sides,
    and also that it was right whenever even the achievable package was below your
    reservation price."""
    text = section("debrief-teaching")
    assert "If even that is below your reservation price, no deal was the right result" not in text
    assert "No deal is right only when no package suited both sides" in " ".join(text.split())


def test_question_5_promises_a_partner_only_for_the_course_opening():
    """Review E1: "Every case has at least one such partner" was false for a tied opening
    (0.5% of learners); the check now names the tied package to open with."""
    text = section("q5-text")
    assert "Every case has at least one such partner" not in text
    # review 102: the promise for the course's opening was cut (C2); a list of two or three
    # still asks it for a partner (the draw ensures one) and only the step beyond may stand alone
    flat = " ".join(text.split())
    assert "Write `opening_offer(s)`: a list of two or three packages" in flat
    assert (  # review 105a U3 (on purpose): the step beyond's line now comes with its reason
        "With the step beyond, partners need a quarter of `s.reservation_if_quell` (Marlow "
        "refuses under a quarter of its reservation price out of hand, perhaps the high one); "
        "with none, it stands alone."
    ) in flat
    # review 90 (C1, U1, U3): removed on purpose
    assert "an opening one step beyond may have none" not in text


def test_the_reciprocity_line_judges_concessions_into_silence_against_the_plan():
    """Review W5: concessions into silence came as a bare count; the line now says whether
    the learner kept the plan's rule (each step only in answer to a move of Marlow's)."""
    reciprocity = debrief.__globals__["_reciprocity"]
    answered = {"into_silence": False, "answered": True, "cost": 5}
    silent = {"into_silence": True, "answered": False, "cost": 5}
    assert "you kept your plan's rule" in reciprocity([answered])
    line = reciprocity([answered, silent, silent])
    assert "2 came after Marlow had not moved" in line
    assert "against your plan's rule" in line and "you kept" not in line
    # review 106 C3: the rule names its exceptions (a true "can't give more", a GRIT step)
    assert 'Concede only in answer to a move, a true "can\'t give more" or one announced' in (
        " ".join(section("plan-teaching").split())
    )
    # review 75 X3: after Marlow's first answer a small step is allowed, and said so;
    # review 77 C2: so is one after two replies without a move
    debriefed = " ".join(section("debrief-teaching").split())
    assert 'are counted apart, except a step after its "can\'t give more" and the GRIT step' in (
        debriefed
    )  # review 78 C1: a step answering the opening answers a move


def test_an_opening_at_the_list_terms_is_refused_out_of_hand():
    """Section 4 said an offer beyond anything Marlow could accept 'still pulls', section 6
    that one it refuses out of hand does not, and neither said where that line lies; the
    list terms Section 4 names as a fact to cite give Marlow 0 points, below the line. The
    text now gives the line (a quarter of the way from Marlow's worst package, 0 points,
    to its reservation price) and says the list terms are not an opening (the sweep shows
    the engine draws the line there in both Quell states for 600 learners)."""
    from course.engine.bots import INSULT_LINE

    opening = section("opening-teaching")
    assert "still pulls if it is taken as an offer" in " ".join(opening.split())
    # review 83 U3: one wording for the line, as in 'One step beyond' (test_review84)
    # review 102: the sentence is shorter (on purpose); the line is still a quarter of it
    assert (
        "a package giving Marlow less than a quarter of its reservation price is refused out"
        " of hand and does not pull."
    ) in " ".join(opening.split())
    assert "they are a fact to cite, not an opening" in opening
    assert "Module 04's rule is to open at your estimate of the other side's reservation" in (
        opening
    )
    assert "no point beyond the estimate can be justified here" not in opening
    # review 72 U1: one sentence now says it
    # review 75 U5: "carry you there" read as the estimate; it is the step it cannot justify
    # review 90 (C1, U1, U3): removed on purpose
    assert "The rush cost is already in your profits, so it cannot justify the step." not in (
        " ".join(opening.split())
    )
    assert "pulls its *first answer* no further than one it just could" in section("about-the-bot")
    assert INSULT_LINE == 0.25


def test_money_to_two_decimals_passes_questions_1_and_2():
    """Question 1 asked for the expected profit 'right to the cent, in k€' and said 'do not
    round it', though a cent of a k€ is 0.01 €, the checks allow 0.01 k€, and two decimals
    pass for every learner; it now asks for 0.01 k€ and says two decimals are enough
    (the sweep shows it for 600 learners, for the BATNA and the reservation price)."""
    text = section("q1-text")
    # review 57, U3: 60.75 was one learner's graded answer; 12.34 is no case's
    assert "right to 0.01 k€ (12.34, not 12): two decimals are enough" in text
    assert "do not round" not in text and "to the cent" not in text


# --- Marlow at the table: handing back its offer, trust, first answers, and the texts ---


class Fixed:
    """An rng whose ``randrange`` always gives ``value``: Marlow's early stop."""

    def __init__(self, value):
        self.value = value

    def randrange(self, n):
        return self.value


def _walkaways(case):
    return (case.reservation_if_quell, case.reservation_if_not)


def test_marlow_accepts_its_own_final_offer_handed_back():
    """The ladder's whole levels can put Marlow's final offer below its next round's
    target; handed back, that offer was refused and Marlow left ('my time is up'). Any
    package at least as good for Marlow as its own standing offer is now accepted."""
    handed = 0
    for n in range(40):
        case = course.variant("05_capstone", f"rev05-{n}")
        plan = [row[0] for row in plan_of(case)]
        for style, walkaway, stop in itertools.product(STYLES, _walkaways(case), range(3)):
            table = Table(contract_negotiation(case, walkaway, ROUNDS), style, rng=Fixed(stop))
            session = table.session
            j = 0
            while not session.finished and "final offer" not in (session.said or ""):
                session.offer(plan[min(j, 1)])
                j += 1
            if session.finished or session.last_turn:
                continue
            handed += 1
            own_final = dict(session.bot_offer)
            session.offer(own_final)
            assert session.finished and session.ended_by == "agreement", (n, style, stop)
            assert session.agreement == own_final
    assert handed > 100
    assert "handing its final offer back is a deal" in section("table-teaching")


def test_marlow_accepts_any_earlier_standing_offer_handed_back():
    """In any round, handing Marlow its own offer on the table is a deal."""
    for n, style in itertools.product(range(15), STYLES):
        case = course.variant("05_capstone", f"rev05-{n}")
        plan = [row[0] for row in plan_of(case)]
        rng = random.Random(n)
        for answers in range(1, 4):
            table = Table(
                contract_negotiation(case, case.reservation_if_quell, ROUNDS), style, rng=rng
            )
            session = table.session
            for _ in range(answers):
                if session.finished:
                    break
                session.offer(plan[0])
            if session.finished or session.last_turn:
                continue
            session.offer(dict(session.bot_offer))
            assert session.ended_by == "agreement", (n, style, answers)


PREDICTION = re.compile(
    r"would at trust (?P<after>[\d.]+) (?:accept your opening|answer at a profit of "
    r"(?P<profit>[-\d.]+) for you), and at (?P<before>[\d.]+) (?:accept your opening|"
    r"answer at a profit of (?P<was>[-\d.]+) for you): (?P<verdict>[^.,]+)"
)


def _sitting(case, style, walkaway, seed, memory, ending):
    table = Table(
        contract_negotiation(case, walkaway, ROUNDS), style, rng=random.Random(seed), memory=memory
    )
    session = table.session
    opening = plan_of(case)[0][0]
    answer = session.offer(dict(opening))
    if not session.finished:
        if ending == "deal":
            session.accept()
        elif ending == "walk-out":
            session.walk_away(polite=False)
        else:
            session.walk_away(polite=True)
    return table, opening, answer


def test_the_trust_prediction_is_what_the_next_marlow_does():
    """The debrief said a more trusting Marlow 'would open closer to you', false in
    most sittings (whole levels hide a small change in its target). The line now gives
    the replayed answer; a real next sitting with the same style, Quell state and opening
    answers exactly so, and 'the same package' occurs after trust changed."""
    same_after_change = checked = 0
    for n in range(25):
        case = course.variant("05_capstone", f"rev05-{n}")
        for style, walkaway, ending in itertools.product(
            STYLES, _walkaways(case), ("deal", "walk-out")
        ):
            memory = Memory()
            table, opening, _ = _sitting(case, style, walkaway, n, memory, ending)
            outcome = table.outcome()
            line = debrief.__globals__["_remembers"](outcome["memory"])
            found = PREDICTION.search(line)
            assert found, line
            nxt = Table(
                contract_negotiation(case, walkaway, ROUNDS),
                style,
                rng=random.Random(n + 1),
                memory=memory,
            )
            reply = nxt.session.offer(dict(opening))
            if nxt.session.agreement is not None:
                assert "accept your opening" in found.group(0).split(", and at")[0]
            else:
                assert found.group("profit") is not None
                assert nxt.session.utility(reply["bot_offer"]) == pytest.approx(
                    float(found.group("profit"))
                )
            changed = outcome["memory"]["trust_after"] != outcome["memory"]["trust_before"]
            same_after_change += changed and found.group("verdict").startswith("the same")
            checked += 1
    assert checked and same_after_change  # the old 'closer'/'further' claim was false here
    assert "A small change in trust often leaves its first answer the same package" in (
        " ".join(section("about-the-bot").split())
    )
    assert "would open closer to me a third time" not in section("reflection")


def test_the_plan_and_audit_texts_count_answers_deadlines_and_the_claimed_share_truly():
    """At k = 4 the fourth step is the answer to a final
    offer made in round 5, not a step before it; Sandholm and Vulkan's result holds 'in
    most cases' and the first side to its deadline concedes everything; the value-claimed
    share is over the packages worth Marlow's reservation price, not what it accepted;
    module 04's two rules are stated as module 04 states them."""
    from course.engine.capstone import FINAL_ROUNDS
    from course.scenarios.capstone import ANSWERS

    plan = section("plan-teaching")
    # you open in round 1 and answer in rounds 2, 3, ...: before a final offer made in
    # round 5 you have answered 5 - 1 times, so the fifth answer replies to that offer;
    # the first answer replies to Marlow's opening, a hold, so four of the five are steps
    # (review 75 X3: a small step there is allowed too, so four is what to count on)
    assert min(FINAL_ROUNDS) - 1 == ANSWERS
    # review 76 U1: the paragraph is cut to its rule
    assert "Marlow may make its final offer in round 5: count on four steps." in plan
    assert "at most five steps down" not in plan
    assert "can reach that package before Marlow's last offer" not in plan
    assert "every give bring something of equal value back" not in plan
    # review 90 (C1, U1, U3): removed on purpose
    assert "on it, that a concession be conditional on the deal" not in plan
    audit = section("audit-teaching")
    assert "how much each side minds a delay then does not matter" not in audit
    assert "in equilibrium both wait until the first deadline" in " ".join(audit.split())
    assert "concedes everything" in audit
    debriefing = section("debrief-teaching")
    assert "any package Marlow would have accepted at that sitting" not in debriefing
    line = debrief.__globals__["_agreement"](
        {"agreement": {}, "your_profit": 115.0, "zone_share": 0.5, "claimed": 40.0, "round": 6},
        {"reservation": 75.0},
    )
    assert "worth at least Marlow's reservation price at this sitting" in line
    assert "would have accepted" not in line


def test_marlows_first_answer_is_usually_below_your_reservation_price():
    """Section 6 said Marlow 'opens with an offer you can
    work with', yet its first answer to the course opening is below the learner's
    reservation price in most sittings; the text now says so and points to section 4's
    advice on anchors; the audit and plan texts keep their corrections."""
    from course.scenarios.capstone import opening_of, reservation_of

    below = total = 0
    for n in range(30):
        case = course.variant("05_capstone", f"rev05-{n}")
        for style, walkaway in itertools.product(STYLES, _walkaways(case)):
            table = Table(contract_negotiation(case, walkaway, ROUNDS), style, rng=random.Random(n))
            answer = table.session.offer(dict(opening_of(case)))
            if answer["bot_offer"] is None or table.session.finished:
                continue
            total += 1
            below += table.session.utility(answer["bot_offer"]) < reservation_of(case)
    assert below > total / 2
    table_text = section("table-teaching")
    assert "it opens with an offer you can work with" not in table_text
    assert "usually below your reservation price" in section("about-the-bot")
    assert "The side whose share is larger" not in section("audit-teaching")
    assert "holding at that package can end with Marlow leaving" in section("plan-teaching")


def test_the_audit_says_in_its_own_bullet_where_a_deadline_counts():
    """Module 00 counts a deadline under its holder's alternatives, this audit under power;
    the note saying so sat inside the long power bullet, where a learner carrying module
    00's audit over could miss it and count the weeks twice. It is now a bullet of its own."""
    raw = NOTEBOOK.read_text()
    # review 58 (the lead's extra): the weeks moved to the alternatives row, as in
    # modules 00 and 03, so the course files a deadline one way
    assert "**Time, under power" not in raw and "as patience" not in raw
    audit = " ".join(section("audit-teaching").split())
    assert "Time counts here too" not in audit
    assert "as in modules 00 and 03, a deadline sits in its holder's alternatives" in audit
    assert "counts each fact in one place only" in audit  # review 98 U1: said once


def test_section_6_holds_while_marlow_has_room_and_the_summary_names_no_meso():
    """A fresh review (C1-C3, U1-U5). Section 6 advised a 'test' step when Marlow stopped
    moving, which section 5 and the debrief count as a concession into silence: it now
    says to hold while Marlow has room, and names the step after its floor words as the
    one step the plan allows without a move. Module 00's 'walking away costs trust' is set
    against this table's polite walk-away (0). The summary no longer calls the capstone's
    pair a MESO in module 04's sense. A MESO pick shows which bundle Marlow values more,
    not which issue; the dependence shares are research, not known; Marlow 'may' leave
    after its warning; and the model reflection says the first walk-away was a loss."""
    assert "a planned step of yours is the way to test it" not in SECTION_6
    table = section("table-teaching")
    # review 77 C2: without the words, hold or make the stall row's one small step;
    # review 82 C1: section 6 no longer restates section 5's rows
    # review 94 C1, U3: section 6's restatement of the floor words is cut; section 5 states
    # them once (tests/test_capstone_review94.py)
    assert "section 5's rule allows your next planned step" not in table
    assert "provided you keep moving while" not in section("plan-teaching")
    # review 79 C1: the skip-early sentence that carried this condition is gone; the
    # packages are sent in order, each step still waiting for Marlow's move (the table)
    assert "| you walked away politely | 0 |" in table  # review 79 U1: the table says it
    assert "and it warns you before it leaves" in " ".join(table.split())
    assert "and then it leaves;" not in table
    # review 77 C3: the set is a MESO (module 04's name), one name for one idea
    assert "several equivalent packages keep you ambitious" not in section("summary")
    opening = section("opening-teaching")
    assert "which of those issues Marlow cares about more" not in opening
    # review 76 U1: the fold was cut to two sentences; question 5's hint still says which
    # bundle a tied partner's pick shows (tests/test_checks_capstone.py)
    assert "dependence shares, which you know" not in section("q4-text")
    reflection = section("reflection")
    assert "with steps of my plan unoffered, against my rule (it had not said" in (
        " ".join(reflection.split())
    )


def test_the_brief_says_the_letter_may_be_mentioned(learner):
    """A fresh review (U2): section 4 lets you mention the signed letter only if it binds
    you to no confidentiality, and question 6's key treats it as sayable, but the brief
    never said whether it did. It now says the letter has no confidentiality clause."""
    case = course.variant("05_capstone", learner)
    assert "The letter has no confidentiality clause." in case.story()


def test_the_brief_says_brenns_letter_binds(learner):
    """The letter of intent is counted as a sure profit (question 2) and as your own
    contract (question 6), while many letters of intent bind no one; the brief and the
    text say this one is drafted to bind."""
    case = course.variant("05_capstone", learner)
    assert "binding letter of intent now (many such letters bind no one" in case.story()
    text = (Path(course.__file__).parents[1] / "source" / "05_capstone" / "capstone.py").read_text()
    assert "drafted to bind" in text and "A signed, binding letter of" in text


def test_marlow_never_refuses_an_offer_and_then_proposes_one_worse_for_itself():
    # a fresh review (E1): Marlow compared an offer with its round's target and its
    # standing offer, then its whole-level ladder stepped below both, so it refused a
    # package and proposed one worth less to it (12 of 240 sittings played by the plan)
    worse = 0
    for n in range(40):
        case = course.variant("05_capstone", f"r-{n}")
        for style in STYLES:
            rng = random.Random(n * 11 + len(style))
            _, walkaway = marlow_at_the_table(case, rng)
            negotiation = contract_negotiation(case, walkaway, ROUNDS)
            theirs = negotiation.preferences[BUYER]
            ours = negotiation.preferences[SELLER].utilities
            # the seller's packages best for it first: an offer walks down them
            walk = sorted(range(len(ours)), key=lambda i: (-ours[i], -theirs.utilities[i]))
            bot = make_bot(style, negotiation, BUYER, deadline=ROUNDS - 1 - rng.randrange(3))
            at = 0
            for k in range(ROUNDS - 1):
                at = min(len(walk) - 1, at + rng.randrange(4))
                offer = walk[at]
                if bot.respond(k, offer) or bot.leaves(k):
                    break
                proposal = bot.propose(k)
                if theirs.utilities[offer] >= theirs.reservation:
                    worse += theirs.utilities[proposal] < theirs.utilities[offer] - 1e-9
    assert worse == 0


def test_section_5_says_why_steps_may_grow_and_names_a_target_for_each_state():
    """A fresh review, C1, C2, U1, U5: the plan's steps grow in more than half of the
    plans, against module 04's shrinking steps, and the text now says so and why Marlow
    ignores it; the plan has a target for each state of Quell, the one section 4's target
    focus means; question 5's crossing condition runs both ways; Marlow's styles are
    module 04's three patterns and tit-for-tat; Marlow never refuses a package to offer
    one worth less to it (E1)."""
    plan = section("plan-teaching")
    about = " ".join(section("about-the-bot").split())  # review 58, U1: the departures
    # review 98 C1 (round 100): the smallest-step plan, kept in the appendix as an experiment
    # review 102 (cuts): the same fact, the plans named in place
    assert (
        "In more than half of the plans of smallest steps (question 7 refuses these), some "
        "step costs you more than the one before" in about  # review 110 C1 (round 111)
    )
    # review 74 C1: the appendix no longer restates the rule; it points to question 7's
    # shrinking subsequence, which states it with its reason
    # review 83 C2: one line in section 5 now (tests/test_review84_capstone.py)
    # review 90 C1: the one boxed note names module 04's shrinking steps
    # review 93 C1: said in question 7, where the learner decides
    # review 98 C1 (round 100): section 5 teaches module 04's shape, the reference
    assert "steps that shrink towards a target" in " ".join(plan.split())
    grows = 0
    for n in range(200):
        rows = plan_of(course.variant("05_capstone", f"learner-{n}"))
        steps = [a[1] - b[1] for a, b in itertools.pairwise(rows)]
        grows += any(later > earlier for earlier, later in itertools.pairwise(steps))
    assert grows > 100  # 57% of 600 learners
    assert "no single target" not in plan and "one for each state of Quell" in plan
    assert "The table shows both targets" in plan
    assert "three concession patterns" in plan and "module 04's four **styles**" not in plan
    q5 = section("q5-text")
    assert "Any two packages differ both ways" in q5 and "every two of them giving" not in q5
    table = section("table-teaching")
    assert "never turns a package down to offer you one worth less to it" in table


def test_question_4_says_where_its_weights_are_judged():
    """A fresh review, W2: the check cannot judge the audit's weights. Review 78 X1: the
    weights (and the ratings) left question 4 for the reflection, which asks for them and
    whose rubric grades the reason for the largest."""
    assert "weights" not in section("q4-text")
    assert "the reflection asks for it" in " ".join(section("audit-teaching").split())
    assert "weigh the three sources for this deal (module 00): which weighs most, and why?" in (
        " ".join(section("reflection-text").split())
    )
    assert "the weights with a reason for the largest" in " ".join(
        NOTEBOOK.read_text().replace("\n# ", " ").split()
    )


def test_section_7_works_an_example_of_the_value_created_index():
    """A fresh review, U4: the value-created index had no worked example; the example's
    shares are the debrief's own (course.engine.debrief._share)."""
    from types import SimpleNamespace

    from course.engine.debrief import _share

    text = section("debrief-teaching")
    assert "with your best 170, your gain is 0.5" in text  # review 79 U1; review 93 U5
    sides = {
        "you": SimpleNamespace(best=170, reservation=90),
        "marlow": SimpleNamespace(best=100, reservation=50),
    }
    negotiation = SimpleNamespace(preferences=sides)
    yours, theirs = _share(negotiation, "you", 130), _share(negotiation, "marlow", 70)
    assert (yours, theirs) == (0.5, 0.4)
    assert round(1.1 - (yours + theirs), 9) == 0.2


def test_section_4_leads_its_two_long_paragraphs_with_their_rule():
    """A fresh review, U3: the opening and the diagnostic set piled up caveats before an
    executive reader met the rule; each paragraph now opens with its rule in one line."""
    opening = section("opening-teaching")
    # fifth review, finding 5: each paragraph now starts with its rule, without the label
    assert "**Ambitious, and grounded.** Module 04's rule is to open at your estimate" in opening
    assert "**A MESO.** Next to your opening, put packages worth exactly as much" in opening
    assert "**Several offers at once.**" not in opening
    # session 55, E1: the set is a MESO in Medvec and Galinsky's sense
    assert "pick tells you what the other side prefers (Medvec and Galinsky" in " ".join(
        opening.split()
    )


def test_the_summary_states_the_course_opening_rule_and_this_case_as_its_application():
    """Module 04 opens at the estimate of the other side's reservation price or somewhat
    beyond it, when the point beyond can be justified; the summary gave this case's
    application (no point beyond can be justified here) as the general rule."""
    summary = section("summary")
    assert "- Open with the best package the other side could accept" not in summary
    assert (
        "at your estimate of the other side's reservation price (here its low one) or somewhat beyond"
        in " ".join(summary.split())
    )
    assert "here nothing beyond could be justified" not in summary
    assert "here no fact carried you beyond" not in summary
    # review 73 E1: a firm alternative carries no opening beyond what Marlow needs
    assert "such as a firm alternative (module 04" not in summary
    # review 83 C1: the step beyond is room, not a fact, as section 4 says (test_review84)
    assert (
        "as far as a fact you can name carries you (module 04), never below your reservation "
        "price. Here, with no such fact, at most one frontier step of room for the "
        "counter-offer (section 4)." not in " ".join(summary.split())  # review 90 C1
    )


def test_the_text_says_what_a_step_beyond_does_here_and_at_a_human_table():
    """Section 4 and the summary called opening at the estimate this table's artefact,
    since 'a point beyond buys nothing here'; at the table a step beyond pays (the next
    test). Both now say what it does here, and what to do at a human table (somewhat
    beyond, as far as a fact carries you)."""
    opening, summary = section("opening-teaching"), section("summary")
    assert "artefact" not in opening and "buys nothing" not in opening
    # review 73 E1: the letter does not carry the step, at a human table or here
    assert "does, at a human table" not in opening
    # review 90 (C1, U1, U3): removed on purpose
    assert "A **signed letter of intent** (question 2) does not carry you further" not in " ".join(
        opening.split()
    )
    assert "simplification" not in summary and "gains nothing" not in summary
    # review 101 C2: at, for some learners; review 102 C2: the bullet opens at the estimate
    assert "Open at your estimate" in summary and "Open beyond your target" not in summary
    # review 57, U2: the bot's behaviour is in the appendix, not the summary
    assert "Marlow counted your step back as a concession" not in summary
    assert "stepping back from an" in section("about-the-bot")


def test_the_step_beyond_is_accepted_under_module_04s_rule_and_its_gain_is_an_observation():
    """Section 4 said the step beyond was accepted 'for what it did at this table, not
    because a fact carries you there', against module 04's rule and the summary. It now
    accepts the step under that rule (a fact you can cite carries it), says the check
    cannot see the fact so part 1 of the reflection names it, and reports the gain at this
    table as an observation about this bot; the summary agrees."""
    opening, summary = section("opening-teaching"), section("summary")
    reflection = section("reflection-text")
    assert "for what it did at this table" not in opening
    assert "not because a fact carries you there" not in opening
    # review 58, E2: the step cannot be made acceptable; review 73 E1: nor does the
    # letter ground it, so question 5 accepts it from everyone as room for the counter-offer
    assert "the step beyond only if you signed Brenn's letter" not in opening
    # review 90 (C1, U1, U3): removed on purpose
    assert (  # review 77 U2
        "Question 5 accepts either, the step beyond only if it gives Marlow at least a quarter "
        "of its reservation price with Quell" not in " ".join(opening.split())
    )
    appendix = section("about-the-bot")
    # review 90 (C1, U1, U3): removed on purpose
    assert "an observation about this bot, not a rule for a human table" not in appendix
    # review 90 (C1, U1, U3): removed on purpose
    assert "How this bot answers such an opening is in the appendix" not in opening
    assert "observation about this bot" not in summary
    # review 102 C2: the step beyond passes again; the summary names it with its risk
    assert "one frontier step beyond pays at this table" in " ".join(summary.split())
    assert "say how Marlow answered it (the table hears your offers, not your words)" in " ".join(
        reflection.split()
    )


def sit_by_the_plan(
    case, style, rng, exception=True, first_counts=False, opening=None, walkaway=None
):
    """A learner who keeps the plan at a table where Quell has no capacity (or where
    Marlow's walk-away is ``walkaway``); the finished table. It opens with ``opening`` (the course's by default; the plan from there is
    question 7's) and takes the plan's next step only after Marlow moves (by at least
    ``MOVE_SHARE`` of that step: ``is_move``) or says it can't
    give more (and, with ``exception``, after two of Marlow's replies in a row that did not
    move: section 5's one small step, none more until Marlow moves). Without ``first_counts`` it holds
    after Marlow's first answer, as section 5's rule says (it is Marlow's opening, not a
    move); with it, it steps right after. It accepts by section 5's rule: an offer of
    Marlow's worth at least the package it would send next; at Marlow's final offer, or on
    its last answer, any offer at or above its reservation price; else, on its last
    answer, it walks away politely."""
    reservation = reservation_of(case)
    walkaway = case.reservation_if_not if walkaway is None else walkaway
    table = Table(contract_negotiation(case, walkaway, ROUNDS), style, rng=rng)
    session = table.session
    plan = [row[0] for row in plan_of(case, opening)]
    step, previous, stalled, granted = 0, None, 0, False
    session.offer(plan[0])
    while not session.finished:
        worth = session.utility(session.bot_offer)
        # review 103 C1: a move smaller than MOVE_SHARE of the plan's next step is none,
        # as question 8 and the debrief count it
        step_cost = (
            session.utility(plan[step]) - session.utility(plan[step + 1])
            if step + 1 < len(plan)
            else 0.0
        )
        moved = first_counts if previous is None else is_move(worth - previous, step_cost)
        if previous is not None:
            stalled = 0 if moved else stalled + 1
        granted = granted and not moved  # review 77 C2: one such step until Marlow moves
        floor = "can't give more" in (session.said or "")
        following = step
        if (moved or floor) and step + 1 < len(plan):
            following = step + 1
        elif exception and stalled >= 2 and not granted and step + 1 < len(plan):
            following, granted = step + 1, True
        closing = session.last_turn or "final offer" in (session.said or "")
        if worth >= session.utility(plan[following]) or (closing and worth >= reservation):
            session.accept()
            break
        if session.last_turn:
            session.walk_away(polite=True)
            break
        step, previous = following, worth
        session.offer(plan[step])
    return table


def test_a_learner_who_keeps_the_plan_is_never_told_it_broke_the_plan():
    """Section 5 allows a step right after Marlow says it can't give more on its own
    offer; the debrief counts it apart from concessions into silence (review 76 C1: a step
    after two replies in a row that did not move is the appendix's, and is one). Over 150 learners, each style, Quell drawn as at
    the table, a learner who keeps the plan (``sit_by_the_plan``) is never told that a
    step went against the plan's rule or that the deal broke the plan, and the steps made
    right after the floor words (many sittings have one) are said to be allowed."""
    after_floor = 0
    for i in range(150):
        case = course.variant("05_capstone", learner=f"r-{i}")
        rows = plan_of(case)
        plan = read_plan(
            case,
            reservation_of,
            lambda c: plan_of(c)[0][0],
            lambda c, o, r: [row[0] for row in plan_of(c, o)],
        )
        plan["opening_profit"] = rows[0][1]
        plan["step_worths"] = [(you, them) for _, you, them in rows]
        for style in STYLES:
            rng = random.Random(i * 7 + len(style))
            quell, walkaway = marlow_at_the_table(case, rng)
            # review 77 C2: the one step after two stalls is section 5's stall row
            table = sit_by_the_plan(case, style, rng, True, walkaway=walkaway)
            lines = debrief(table.outcome(), plan, facts(case, quell))
            said = " ".join(lines)
            assert "against your plan's rule" not in said, (case.learner, style, said)
            assert "it broke your plan" not in said, (case.learner, style)
            # review 94 C1: the rule calls for the step there
            after_floor += "could give no more on its own offer: your plan's rule calls" in said
    assert after_floor >= 100, after_floor
    reciprocity = debrief.__globals__["_reciprocity"]
    step = {"round": 7, "into_silence": True, "answered": False, "cost": 10}
    line = reciprocity([step], {"allowed": set(), "held": None, "floor": {7}})
    assert "1 came right after Marlow said it could give no more" in line
    assert "No other came into silence: you kept your plan's rule." in line
    table = section("table-teaching")
    assert "the debrief still counts it as a step into silence" not in table
    assert (
        'are counted apart, except a step after its "can\'t give more" and the GRIT step'
        in " ".join(section("debrief-teaching").split())
    )


def test_the_debrief_gives_each_concession_its_reply_ratio():
    """Review 57, C2: idea 7's 'every give brings something of equal value back' was
    replaced at this table by 'concede only in answer to a move', and no learner was told
    how their gives fared against it. The debrief's concessions line now gives, for each
    concession, what Marlow's next reply gave back per k€ it cost (module 04's trade
    ratio, against the replay in which you held), and how many reached 1 or the deal. Over
    20 learners and every style, the ratios it prints are the concessions' own. Failed
    on the old debrief (no such sentence). Review 59, E1: module 04's trade ratio
    measures one move, so the debrief's number has its own name, the reply ratio, and
    is no longer called module 04's test (failed on the old wording)."""
    reciprocity = debrief.__globals__["_reciprocity"]
    seen = 0
    for i in range(20):
        case = course.variant("05_capstone", learner=f"r-{i}")
        for style in STYLES:
            table = sit_by_the_plan(case, style, random.Random(i * 11 + len(style)))
            found = table.outcome()["concessions"]
            if not found:
                continue
            line = reciprocity(found)
            # review 62, U1: the ratio is measured against the replay, and says so
            assert (
                "Reply ratio, what Marlow's next reply gave back beyond the replay in which you "
                "held, per k€ each step"
            ) in line
            assert "module 04" not in line
            equal = 0
            for c in found:
                if c["answer"] == "accept" and c["instead"] != "accept":
                    assert f"round {c['round']}, the deal itself" in line
                    equal += 1
                elif c["back"] is not None and c["cost"] > 0:
                    ratio = max(c["back"], 0) / c["cost"]
                    assert f"round {c['round']}, {ratio:.2f}" in line, line
                    equal += c["back"] >= c["cost"] - 1e-9
            assert f"Marlow matched {equal} of {len(found)}" in line
            seen += 1
    assert seen >= 40, seen


def deal_profit(table):
    """Your profit from the deal at a finished table, or ``None`` without one."""
    session = table.session
    return None if session.agreement is None else session.utility(session.agreement)


@functools.cache
def step_beyond_cases(first):
    """The cases of the 200 learners ``r-<first>`` on whose plan an opening one frontier
    step beyond exists, as (scenario, that opening): a sample of the step beyond."""
    cases = [course.variant("05_capstone", learner=f"r-{i}") for i in range(first, first + 200)]
    cases = [(case, beyond_of(case)) for case in cases]
    return tuple((case, beyond[0]) for case, beyond in cases if beyond is not None)


@functools.cache
def step_beyond_pairs(first, style):
    """For each case of ``step_beyond_cases(first)`` against ``style``: (your profit by the
    plan, your profit opening one step beyond), ``None`` where no deal was reached. One
    sitting each, the same seed for both openings, Quell without capacity; drawn once per
    process, as three tests read the same samples."""
    return tuple(
        (
            deal_profit(sit_by_the_plan(case, style, random.Random(i))),
            deal_profit(sit_by_the_plan(case, style, random.Random(i), opening=beyond)),
        )
        for i, (case, beyond) in enumerate(step_beyond_cases(first))
    )


# The four samples of the step beyond: first learner, cases with a step, and tit-for-tat
# deals (opening at Marlow's low reservation price, one step beyond), recomputed below.
STEP_BEYOND_SAMPLES = [
    # review 106 E2 (round 107): a move must give the whole step; before: (175, 191),
    # (179, 185), (180, 188), (179, 190)
    (0, 199, (172, 191)),
    (200, 195, (173, 181)),  # review 103 C1 (round 105): small moves held, (179, 186) before
    (400, 199, (177, 185)),  # (180, 190) before
    (600, 196, (177, 189)),  # (180, 190) before
]


def test_the_appendix_states_the_step_beyonds_tit_for_tat_deals_as_computed():
    """Review 87 M1: the appendix said 186 to 193 sittings against 175 to 181; the four
    samples (recomputed by the test below) give 186 to 191 against 175 to 180, out of the
    195 to 199 cases with a step. The text now gives the samples' own range (failed on the
    old text)."""
    low = [deals[0] for _, _, deals in STEP_BEYOND_SAMPLES]
    beyond = [deals[1] for _, _, deals in STEP_BEYOND_SAMPLES]
    cases = [count for _, count, _ in STEP_BEYOND_SAMPLES]
    text = " ".join(section("about-the-bot").split())
    # review 93 M1: sixteen samples now (tests/test_capstone_review93.py)
    assert f"({min(cases)} to {max(cases)} of them have such a step)" not in text
    # review 91 M1: the ranges were sample-bound; the text now gives the gap in eight
    # samples (tests/test_capstone_review91.py)
    assert all(b > a for a, b in zip(low, beyond, strict=True))
    assert "186 to 193" not in text and "186 to 191" not in text


@pytest.mark.parametrize("first, cases_with_a_step, tit_for_tat_deals", STEP_BEYOND_SAMPLES)
def test_an_opening_one_frontier_step_beyond_ends_with_more_as_section_4_says(
    first, cases_with_a_step, tit_for_tat_deals
):
    """Marlow measures reciprocity from the first offer it does not refuse out of hand, so
    the step back from an opening beyond counts as a concession it answers. In each of four
    samples of 200 learners (Quell without capacity, one sitting each, the same seed for
    both openings), an opening one frontier step beyond (``beyond_of``) then the same plan
    ends with more profit on average where both close, against every style, by about 4 to
    8 k€ (the text said 4 to 7 from the first two samples; against tit-for-tat the fourth
    gains 8.15), with less in at most one sitting in fifteen against each style; against
    tit-for-tat it closes more often. The scripted learner keeps section 5's rules: it
    holds after Marlow's first answer and accepts by the rule for accepting."""
    cases = step_beyond_cases(first)
    assert len(cases) == cases_with_a_step
    for case, beyond in cases[:20]:  # the plan from one step beyond is the course's, a step later
        assert [row[1:] for row in plan_of(case, beyond)[1:]] == [row[1:] for row in plan_of(case)]
    for style in ("boulware", "linear", "conceder", "tit-for-tat"):
        pairs = step_beyond_pairs(first, style)
        both = [(a, b) for a, b in pairs if a is not None and b is not None]
        gain = sum(b - a for a, b in both) / len(both)
        assert 4 <= gain <= 8.5, (style, gain)
        worse = sum(b < a for a, b in both) / len(both)
        deals = (sum(a is not None for a, _ in pairs), sum(b is not None for _, b in pairs))
        # review 106 E2 (round 107): sample 200 against tit-for-tat ended with less in 0.072
        # of its sittings once a move must give the whole step; the text no longer gives a rate
        # (review 93 cut "at most one sitting in fifteen"), and review 93's sixteen samples
        # keep the bound it checks, one in ten
        assert worse <= 1 / 10, (style, worse)
        if style == "tit-for-tat":
            assert deals == tit_for_tat_deals, deals
        else:
            assert deals[0] >= len(cases) - 1 and deals[1] >= deals[0], (style, deals)
    text = section("about-the-bot")  # review 57, U1: the bot's trials in the appendix
    # review 93 M1: the text gives sixteen samples (tests/test_capstone_review93.py)
    assert "four samples of 200 learners' cases" not in text
    assert "against every style, by about 4 to 8 k€ where both reached a deal" in (
        " ".join(text.split())
    )
    assert "against each style, at most one sitting in fifteen ended with less" not in text
    # review 104 C1: the trials stepped at every move, which section 5 no longer does;
    # review 103 C1 (round 105): they keep section 5's rule now, and the caveat is gone
    assert "(stepping at every move of Marlow's)" not in " ".join(text.split())
    assert "`sit_by_the_plan` keeps section 5's rule" in " ".join(text.split())


def test_the_text_says_what_question_8_decides_and_where_the_walk_away_differs():
    """Section 6 points to section 5's rule for the step after Marlow's floor words, which
    question 8 (since review 69, a move after each of Marlow's replies) practises; its
    prompt asks for the move at each reply by section 5's rule. A polite walk-away costs trust in
    module 00 but not at this table: section 6 says why, once, and question 2, where the
    polite walk-away is first advised, points there."""
    table = section("table-teaching")
    assert "whether to step on then is the decision you made in question 8" not in table
    # review 94 C1, U3: cut; section 5's table is the rule (tests/test_capstone_review94.py)
    assert "section 5's rule allows your next planned step" not in table
    # review 69 X1: question 8 is no longer the four-step threshold but a move after
    # each of Marlow's replies; section 6 says it practised the step after the floor words
    assert "question 8 decided only how large your steps are" not in table
    # review 90 (C1, U1, U3): removed on purpose
    assert "(question 8 practised it)" not in table
    q8 = section("q8-text")
    assert "with `k` at most 5" not in q8 and "with `k` above 5" not in q8
    assert "This question asks you to apply section 5's rule, not to judge" not in q8
    # review 102 (C1): the sentence was reworded on purpose; it still asks for a move by the rule
    assert "give your move after each by section 5's rule" in " ".join(q8.split())
    assert "| you walked out, slamming the door | −0.35 |" in table  # review 79 U1
    q2 = section("q2-text")  # said once, in section 6, and pointed to from question 2
    assert "counts trust more narrowly" not in q2 and "set out once, in section 6" in q2
    plan = section("plan-teaching")
    # review 98 C1 (round 100): the smallest-step bullets are gone; the free trade's bullet stays
    rule = plan[plan.index("- from a colleague's draft") : plan.index("- then packages on")]
    # review 61, X1 and review 69 C3 named module 04's ranking in the bullet; review 75
    # X2, C2: that ranking added k€ to points, and any free trade on the frontier passes
    assert "any free trade that lands on the frontier will do there" in rule
    assert "the check also accepts" not in rule
    assert "which leaves it needing the fewest further points" not in rule
    assert "defensible" not in rule
    # review 90 (C1, U1, U3): removed on purpose
    assert "How this plan departs from module 04 is in the appendix." not in (
        " ".join(plan.split())
    )  # review 78 U1: said once
    # review 90 (C1, U1, U3): removed on purpose
    assert "**Where question 7's plan departs from module 04 (section 5).**" not in section(
        "about-the-bot"
    )


def test_the_course_map_calls_the_opening_set_a_diagnostic_set():
    """The text says question 5's set is a diagnostic set, not module 04's MESO (usually
    off the frontier); the course map's description of the module said 'an opening with a
    MESO'. It now uses the text's name."""
    from course.course_map import MODULES

    described = next(m.teaches for m in MODULES if m.folder == "05_capstone")
    # review 77 C3: the text now calls it a MESO, module 04's name
    assert "diagnostic set" not in described and "an opening with a MESO" in described


# Deals of 200 closed against tit-for-tat by the scripted learner who keeps section 5's rule
# without the exception, per sample: (learner prefix, first learner, a seed per learner).
# Each is recomputed by a test below; the appendix states their range.
# Review 103 C1 (round 105): recomputed with the scripted learner holding at a move smaller
# than MOVE_SHARE of its next step (before: 136, 155, 142, 136, 130 and 132 where changed).
TIT_FOR_TAT_HOLD_DEALS = {  # review 106 E2 (round 107): MOVE_SHARE 1; before, in order:
    ("r", 0, False): 135,  # 139, 134, 139, 136, 154, 141, 139, 134, 139, 127, 129
    ("r", 200, False): 130,
    ("r", 400, False): 134,
    ("r", 600, False): 130,
    ("r", 800, False): 148,
    ("r", 1000, False): 139,
    ("r", 0, True): 135,
    ("r", 200, True): 130,
    ("r", 400, True): 134,
    ("f76a", 0, True): 121,
    ("f76b", 0, True): 126,
}

#: Review 88 M1: the same eleven samples' deals with section 5's step after two stalls (the
#: exception), each recomputed exactly by the test that draws its sample; the appendix
#: states their range (tests/test_capstone_review88.py).
TIT_FOR_TAT_STEP_DEALS = {  # review 103 C1 (round 105): 183, 175, 182 before where changed
    # review 106 E2 (round 107): MOVE_SHARE 1; before, in order: 173, 183, 181, 182, 184,
    # 174, 175, 184, 181, 170, 181
    ("r", 0, False): 170,
    ("r", 200, False): 177,
    ("r", 400, False): 178,
    ("r", 600, False): 180,
    ("r", 800, False): 182,
    ("r", 1000, False): 173,
    ("r", 0, True): 172,
    ("r", 200, True): 178,
    ("r", 400, True): 178,
    ("f76a", 0, True): 167,
    ("f76b", 0, True): 180,
}


def test_the_appendix_states_the_hold_deal_rate_as_computed():
    """Review 87 M2: the appendix said "six to eight sittings in ten", wider than its
    samples; the eleven samples (each recomputed below and in test_review76_capstone.py)
    closed 130 to 155 of 200. The text now gives that range and the number of samples
    (failed on the old text)."""
    text = " ".join(section("about-the-bot").split())
    deals = TIT_FOR_TAT_HOLD_DEALS.values()
    assert len(TIT_FOR_TAT_HOLD_DEALS) == 11 and "In eleven samples of 200 learners" in text
    assert f"a tit-for-tat Marlow in {min(deals)} to {max(deals)} sittings of 200." in text
    assert "six to eight sittings in ten" not in text


@pytest.mark.parametrize("first", [0, 200])
def test_the_deal_rates_against_tit_for_tat_are_stated_for_each_behaviour_the_text_allows(first):
    """Section 5's rule (a step only after a move of Marlow's; its first answer is its
    opening, not a move), its exception and its rule for accepting, in each of two samples
    of 200 learners without Quell, where a zone always exists: against tit-for-tat the text
    gives the deal rate of a learner who keeps the rule, without and with the exception
    (68 to 70 and 86 to 93 in 100 here; four more samples are measured below), and of one who steps right after the first answer,
    against the rule (91 to 94 with the exception); the other styles close in at least
    199 sittings in 200 either way."""
    deals = {}
    runs = [("tit-for-tat", False, False), ("tit-for-tat", False, True)]
    runs += [("tit-for-tat", True, True)]
    runs += [
        (style, False, exception)
        for style in ("boulware", "linear", "conceder")
        for exception in (False, True)
    ]
    for style, steps_first, exception in runs:
        rng = random.Random(7)
        tables = [
            sit_by_the_plan(
                course.variant("05_capstone", learner=f"r-{i}"), style, rng, exception, steps_first
            )
            for i in range(first, first + 200)
        ]
        if style == "tit-for-tat":
            assert all(table.outcome()["zone_existed"] for table in tables)
        deals[style, steps_first, exception] = sum(
            table.session.agreement is not None for table in tables
        )
    assert deals["tit-for-tat", False, False] == TIT_FOR_TAT_HOLD_DEALS["r", first, False]
    assert deals["tit-for-tat", False, True] == TIT_FOR_TAT_STEP_DEALS["r", first, False]
    assert 178 <= deals["tit-for-tat", True, True] <= 188  # review 77 C2: 181 in [0]
    assert deals["tit-for-tat", True, True] > deals["tit-for-tat", False, True]
    for style in ("boulware", "linear", "conceder"):
        # review 106 E2 (round 107): one style closed 198 of 200 in sample 200 once a move must
        # give the whole step; the text states no rate for these styles (review 97 U1 cut it)
        assert deals[style, False, False] >= 198 and deals[style, False, True] >= 198
    text = section("about-the-bot")  # review 57, U1: the bot's trials in the appendix
    # review 104 C1: the trials stepped at every move, which section 5 no longer does;
    # review 103 C1 (round 105): the scripted learner keeps section 5's rule, small moves
    # included, so the sentence no longer needs the caveat
    assert "a learner who always held at a stall reached a deal" in " ".join(text.split())
    # review 76 E1: the ranges were narrower than fresh samples (62.5 and 94 in 100);
    # review 87 M2: the rate without the exception is the samples' range (tested above)
    # review 88 M1: the samples' range, each sample's count recomputed exactly
    steps = TIT_FOR_TAT_STEP_DEALS.values()
    assert f"raised that to {min(steps)} to {max(steps)} sittings of 200" in " ".join(text.split())
    # review 97 U1: cut from the text to pay for a worked case (still asserted above)
    assert "nearly every sitting ended in a deal either way" not in text
    assert "about 87 in 100" not in text
    print(deals)


def test_the_rule_for_accepting_weighs_marlows_offer_against_your_next_package():
    """Section 5's rule for accepting was any offer at or above your reservation price,
    which gives away what section 4's advice (keep your target in mind, answer with your
    own plan) keeps. It now accepts an offer worth at least the package you would send
    next, and anything at or above your reservation price only at Marlow's final offer
    (review 80 U2: 'or on your last answer', never defined, was the same moment); the
    scripted learner of the trials keeps that rule."""
    plan = " ".join(section("plan-teaching").split())
    assert "any offer of Marlow's at or above your reservation price beats walking away" not in plan
    assert (
        "accept an offer of Marlow's when it is worth at least the next package of your "
        "plan (with no step left, the last one sent); at Marlow's final offer, accept "
        "anything at or above your reservation price." in plan.replace("**", "")
    )
    # review 68 U6: the rule said it kept the target in mind but never used it; it says
    # what it does, measure Marlow's offer against your plan (failed on the old text)
    assert "keeps your target in mind" not in plan
    assert "measures Marlow's offer against your own plan, as section 4 advised" in plan
    # review 93: "then answer with your own plan" cut (words paid for review 93's fixes)
    # the learner turns down an offer above its reservation price that falls short of
    # its next package, and takes it at Marlow's final offer
    turned_down = 0
    for i in range(10):
        case = course.variant("05_capstone", learner=f"r-{i}")
        table = sit_by_the_plan(case, "conceder", random.Random(i))
        result = table.session.result()
        own = result.negotiation.preferences[SELLER].utilities
        offers = [own[index] for _, who, index in result.history if who == BUYER]
        turned_down += any(worth >= reservation_of(case) for worth in offers[:-1])
    assert turned_down >= 3, turned_down


def test_nearly_every_plan_takes_a_term_back_as_the_text_says():
    """Section 5 says how often the plan's steps take back a term already given ground on
    (one issue's level moves back towards your best): in 189 to 195 of 200 learners' plans
    in five samples, and about two steps in three; it said 'in most plans', then '191
    plans of 200 (95.5%)', one sample stated as exact (review 56, U3: the reviewer's five
    samples gave 187 to 197). It also says what to do about it."""
    counts, shares = [], []
    for sample in range(5):
        plans = steps = takes = 0
        for i in range(200 * sample, 200 * sample + 200):
            case = course.variant("05_capstone", learner=f"r-{i}")
            rows = [row[0] for row in plan_of(case)]
            taken = [
                any(
                    case.yours[issue][b[issue]] > case.yours[issue][a[issue]]
                    for issue in case.yours
                )
                for a, b in itertools.pairwise(rows)
            ]
            plans += any(taken)
            steps += len(taken)
            takes += sum(taken)
        counts.append(plans)
        shares.append(round(100 * takes / steps))
    assert (min(counts), max(counts)) == (189, 195), counts
    # review 75: 'about two steps in three' was high (64% over the five samples, 62% over
    # learner-1..200): the text gives the measured range per sample
    assert (min(shares), max(shares)) == (63, 66), shares
    text = section("about-the-bot")  # review 58, U1: the departures moved to the appendix
    # review 76 E1: fresh samples gave 186 plans and 62 steps in 100 (test_review76)
    assert "over nine plans in ten had such a step" in text
    assert "(95.5%)" not in text
    assert "about two steps in three were one" not in text
    assert "and over half the steps were one" in text  # review 78 U6: a reviewer's sample gave 53
    assert "in most plans" not in text
    assert "At a human table, see question 7." not in text  # review 83 C2 (test_review84)


def test_marlows_stall_remark_is_not_the_exceptions_cue():
    """Marlow says 'You have not moved since your last offer' whenever you hold, also in
    replies where its own offer improved; section 5 gave the remark as the sign that
    Marlow had not moved. The text now counts Marlow's offers, not its words."""
    said, moved_while_saying = 0, 0
    for i in range(30):
        case = course.variant("05_capstone", learner=f"r-{i}")
        for style in STYLES:
            table = Table(
                contract_negotiation(case, case.reservation_if_not, ROUNDS),
                style,
                rng=random.Random(i),
            )
            session = table.session
            opening = plan_of(case)[0][0]
            session.offer(opening)
            previous, holds = None, 0
            while not session.finished and not session.last_turn:
                worth = session.utility(session.bot_offer)
                if previous is not None:
                    # review 110 C4 (module 04, round 111): a hold answering Marlow's
                    # opening is the course's rule, not a stall; every later hold is one
                    expected = REMARKS["waiting"] if holds == 1 else REMARKS["stall"]
                    assert expected in (session.said or "")
                    said += holds > 1
                    moved_while_saying += holds > 1 and worth > previous + 1e-9
                previous = worth
                session.offer(opening)
                holds += 1
    assert said > 0 and moved_while_saying > 0
    plan = section("plan-teaching")
    assert "it read your offer as no step" not in plan
    assert "Count Marlow's offers, not its words" in plan
    # review 83 U5: said plainly (tests/test_review84_capstone.py)
    assert "it means yours; its own offer may still have moved." in " ".join(plan.split())
    # review 70 U6: the separate count sentence is gone; the first row says what a move is
    assert "it moved: its offer is worth more to you than its offer before" in plan


def test_stalled_replies_are_counted_since_marlow_last_moved_or_you_last_stepped():
    """Section 5's exception counts Marlow's replies in a row that did not move, from its
    second offer on, afresh after it moves or after a step of yours."""
    from course.engine.capstone import stalled_before

    offers = [("you", 140), ("Marlow", 50), ("you", 140), ("Marlow", 50), ("you", 140)]
    offers += [("Marlow", 50), ("you", 130), ("Marlow", 50), ("you", 130), ("Marlow", 60)]
    offers += [("you", 130)]
    assert stalled_before(offers) == [0, 0, 1, 2, 1, 0]


def stall_outcome(offers, agreement=None, zone=True):
    """A made-up outcome with the parts the reciprocity line reads."""
    yours = [
        (round_, None, worth, 0) for round_, (who, worth) in enumerate(offers, 1) if who == "you"
    ]
    return {
        "your_offers": yours,
        "offers": offers,
        "agreement": agreement,
        "zone_existed": zone,
    }


def test_the_reciprocity_line_tells_a_held_stall_from_a_kept_rule():
    """A learner who held through two of Marlow's replies that did not move, with a plan
    step left, and ended without a deal where a zone existed, was told 'None came into
    silence: you kept your plan's rule', true of the rule but silent on the exception
    that was open; a step made under the exception was counted as a step into silence.
    Review 76 C1: the hold is the rule kept, with no tip; review 77 C2: section 5's own
    stall row allows that one announced step, and the debrief says so."""
    reciprocity = debrief.__globals__["_reciprocity"]
    stalls = debrief.__globals__["_stalls"]
    plan = {"step_worths": [(140, 50), (130, 55), (120, 60)]}
    held = [("you", 140), ("Marlow", 50), ("you", 140), ("Marlow", 50), ("you", 140)]
    held += [("Marlow", 50), ("you", 140)]
    line = reciprocity([], stalls(stall_outcome(held), plan))
    assert "In round 7 Marlow had not moved for 2 replies in a row" in line
    assert "you kept" not in line
    assert "you held, which your plan's rule allows" in line and "tip" not in line
    assert "In round" not in reciprocity([], stalls(stall_outcome(held, zone=False), plan))
    assert "In round" not in reciprocity([], stalls(stall_outcome(held, agreement=(1,)), plan))
    at_end = [("you", 120), ("Marlow", 50), ("you", 120), ("Marlow", 50), ("you", 120)]
    assert "In round" not in reciprocity([], stalls(stall_outcome(at_end), plan))
    stepped = [*held[:6], ("you", 130)]
    step = {"round": 7, "into_silence": True, "answered": True, "cost": 10}
    line = reciprocity([step], stalls(stall_outcome(stepped), plan))
    assert "1 came after 2 replies in a row in which Marlow had not moved" in line
    # review 76 C1 named it a step into silence, against the rule; review 77 C2: section
    # 5's stall row allows it (GRIT)
    assert "the one small step your plan's rule allows there" in line
    assert "None came into silence" not in line and "section 5's tip" not in line
    assert "tip" not in line


def test_the_free_trade_rule_is_justified_by_what_it_does():
    """Section 5 said the plan does not take the free trade that favours you because a
    package asking Marlow for more 'reads as a new demand', though the plan's own rule 1
    can also leave you more than your last package; the note now gives what rule 1 does:
    it puts what the trade creates on Marlow's side, to close sooner."""
    text = " ".join(section("about-the-bot").split())  # review 58, U1: in the appendix
    assert "reads as a new demand" not in text
    # review 75 X2, C2: any free trade that lands on the frontier passes; the appendix's
    # ranking by the sum of k€ and points is gone
    assert "hands Marlow what the trade creates" not in text
    # review 69 C3: section 5 teaches module 04's rule alone; the reason for the
    # Marlow-most trade the check also accepts is the appendix's, above
    assert "which leaves it needing the fewest further points" not in " ".join(
        section("plan-teaching").split()
    )


def test_the_plan_rule_and_tit_for_tat_are_reconciled_in_the_text():
    """Section 5 described tit-for-tat as answering each concession of yours and made
    'only in answer to a move of Marlow's' the rule, with no word on who moves first; the
    text now says tit-for-tat waits to be answered, gives the exception for a stall and
    what Marlow's 'You have not moved' remark means, and whether its first answer counts
    as a move (the debrief's reading)."""
    plan = section("plan-teaching")
    # review 75 C4: the exception is now a tip for this bot; review 76 C1: in the appendix;
    # review 77 C2: a row of section 5's table (GRIT), the appendix keeps the trials
    assert "This bot waits to be answered: the one step of section 5's last row" in (
        " ".join(section("about-the-bot").split())
    )
    assert "as module 04 said, opens with a fair step" not in plan
    assert REMARKS["stall"].rstrip(".") in plan
    assert "Osgood's GRIT (1962" in plan
    # GRIT is a series of announced one-sided steps, carried out whether or not the
    # other side answers; at this table a step stands, and taking it back is a retraction
    plan = " ".join(plan.split())
    # review 85 E1: GRIT proposes a series of such steps; this table allows one
    assert "a series of small one-sided steps, each announced and carried out" in plan
    # review 90 (C1, U1, U3): removed on purpose
    assert "a step, once made, stands, as GRIT's steps do whether or not the other" not in plan
    # review 61, C3: conditional at a human table (module 04)
    # review 79 U3: "retraction" is the one name for an offer worse for Marlow
    # review 82 U4: section 6 gives the one definition, with its line; section 5 points there
    # review 92: one sentence, where section 5 defines it first (review 89 U1)
    assert (
        "a **retraction** is an offer worse for Marlow than your last (defined and priced" in plan
    )
    assert "every retraction (an offer worse for it than your previous one by more" in " ".join(
        section("table-teaching").split()
    )
    assert "conditional: it stands if Marlow answers" not in plan
    notebook = " ".join(NOTEBOOK.read_text().replace("# ", " ").split())
    assert "offered as conditional" not in notebook and "conditional step" not in notebook
    engine = (ENGINE / "capstone.py").read_text()
    assert "conditional" not in engine
    # review 91 C1: the reason is now the bot's own opening (tests/test_capstone_review91.py)
    # review 110 C4 (round 111): one reading, a person's: the opening is a position (hold)
    flat = " ".join(plan.replace("> ", "").split())
    assert "Marlow's opening always gives up ground" not in flat
    assert "Marlow's opening is a position, not yet a concession: hold." in flat
    table = section("table-teaching")
    assert "or until section 5's tip applies" not in table  # review 76 C1
    # review 77 C2: the stall row's one small step is allowed there too; review 94 U3:
    # section 6's paragraph is cut, section 5 states the rule once
    assert "hold until it says" not in table


def test_the_information_row_is_the_learners_judgement_as_section_3_says():
    """Section 3 says that where the facts do not point one way the learner's judgement
    decides, and the information row is such a row (the fact that decides the deal is
    Marlow's, the rest is yours): the text says so, and question 4 leaves the row out of
    its graded verdicts (review 78 X1; the reflection asks for the ratings)."""
    text = " ".join(line.removeprefix("#").strip() for line in NOTEBOOK.read_text().splitlines())
    assert "settled by the course's convention, not left to your judgement" not in text
    assert "its facts point both ways" in text  # review 93: said once, in question 4
    assert "Marlow knows nothing about yours" not in text
    # review 74: the row's restated reason was cut; the bullet still says it
    assert "but nothing of Brenn, Kessel, your costs or your reservation price" in text
    assert "The information row is left out: its facts point both ways" in text


def test_the_alternatives_row_leaves_out_the_cost_of_this_deal():
    """Section 3 measured the alternatives row by the reservation price, which includes
    Marlow's audit, a cost of this deal and not a strength of Brenn or Kessel; the row and
    question 4 now measure the alternative itself and say why, and question 3 says what
    a three-decimal chance must be (within 0.001, rounded or cut off)."""
    audit = " ".join(section("audit-teaching").split())
    assert "because it is the line you walk away at" not in audit
    # review 58, U2: the cost is named Marlow's supplier audit, apart from the leverage audit
    # review 94 U3: said once, in question 4
    assert "Leave out your cost of Marlow's supplier audit and tooling, `s.audit_cost`" in " ".join(
        section("q4-text").split()
    )
    assert "within 0.001 of Bayes' rule passes, rounded or cut off" in " ".join(
        section("q3-text").split()
    )


def test_section_5_names_where_its_figures_are_recomputed_and_what_moved_means():
    """Section 5 quoted trial figures (86 and 91 in 100, 191 plans of 200) that a learner
    could not trace, and used 'moved' in three senses; it now names the scripted learner
    and this file, which recompute them, and sets the three senses out in a table whose
    rows match the rule (the log's profit column), the debrief's replay and Marlow's
    remark about the learner's own offer."""
    plan = section("plan-teaching")
    about = section("about-the-bot")  # review 57, U1: the trials moved to the appendix
    # review 102 U3: the file path gave way to "the course's tests" (on purpose); the
    # scripted learner is still named and the figures still said to be checked
    assert "`sit_by_the_plan`" in about
    assert "the course's tests check each figure" in " ".join(about.split())
    assert callable(sit_by_the_plan)
    # review 58, U1: the table of three meanings of "moved" is cut; the rule's sense is
    # given where the rule is, and Marlow's remark is said to be about your offer
    assert "Three things in this module are called a move" not in plan
    stall = REMARKS["stall"].rstrip(".")
    assert f'when it says "{stall}", it means yours' in " ".join(plan.split())  # review 83 U5
    # review 93: the column's name cut; question 8 says how a move is read


def test_a_walk_away_after_the_plans_last_step_is_not_called_value_left_on_the_table():
    """Section 5 says a walk-away after the plan's last step, when the most Marlow would
    accept stayed below your reservation price, was right by your plan though a zone
    existed; the debrief's first line said 'A zone existed, so value was left on the
    table' all the same, and section 7 called it a loss. It now says the zone was not on
    the path these talks took; with a step of the plan not offered it still says value
    was left on the table."""
    agreement = debrief.__globals__["_agreement"]
    plan = {"step_worths": [(140, 50), (130, 55), (120, 60)], "reservation": 100.0}

    def outcome(offered, best=95.0):
        return {
            "your_profit": None,
            "agreement": None,
            "ended_by": "walk away",
            "by_you": True,
            "round": 9,
            "polite": True,
            "zone_existed": True,
            "reservation": 100.0,
            "your_offers": [(r, {}, p, t) for r, (p, t) in enumerate(offered, 1)],
            "achievable": {"utility": best, "round": 8, "its_offer": True},
        }

    line = agreement(outcome([(140, 50), (130, 55), (120, 60)]), plan)
    assert "value was left on the table" not in line
    assert "A zone existed, but not on the path these talks took" in line
    assert "walking away was right by your plan" in line
    line = agreement(outcome([(140, 50), (130, 55)]), plan)
    assert "A zone existed, so value was left on the table." in line
    line = agreement(outcome([(140, 50), (130, 55), (120, 60)], best=105.0), plan)
    assert "A zone existed, so value was left on the table." in line
    assert "You fall back on your BATNA (Brenn's letter, if you signed it; otherwise your " in (
        line
    )
    text = section("debrief-teaching")
    assert "it is a loss when a zone existed" not in text
    assert "on the path these talks took" in text  # review 79 U1: shorter
    reflection = NOTEBOOK.read_text().split('grade_id": "reflection"')[1]
    assert "the debrief called my exit a loss" not in reflection
    assert "with steps of my plan unoffered, against my rule" in " ".join(
        line.removeprefix("#").strip() for line in reflection.splitlines()
    )


def test_the_batna_means_one_thing_around_brenns_letter():
    """Question 1's answer was 'your BATNA' and question 2, question 4 and the debrief set
    'your BATNA' against the letter, though the letter is the BATNA of a seller who signs
    it. The text now says once that signing makes the letter your BATNA and calls question
    1's answer your best alternative before the letter wherever the letter is in play."""
    letter = section("letter-teaching")
    # review 76 C2: question 1's answer has that name from the start
    assert "Your BATNA is the alternative you keep: the letter if you sign" in letter
    assert "**best alternative before the letter**" in section("leverage-teaching")
    assert "keep your BATNA from question 1" not in section("q2-text")
    assert "keep your best alternative before the letter" in section("q2-text")
    assert "your BATNA (the better of `my_batna(s)` and `s.brenn_letter`" in " ".join(
        section("q4-text").split()
    )  # review 78 U3: one name, your BATNA
    assert "of your BATNA and Brenn's letter" not in section("audit-teaching")
    assert "your best alternative before the letter, `my_batna(s)`" in section("q6-text")
    engine = (ENGINE / "capstone.py").read_text()
    assert "otherwise your BATNA)" not in engine


def test_question_2_leaves_the_letter_decision_to_the_learner():
    """Section 1 gave the signing rule ("Sign it when the sure profit beats what your best
    alternative before the letter is worth on average, and not otherwise"), said the BATNA
    is "the better of the two" and that the reservation price "follows from the better
    choice", so question 2 asked to transcribe it (a fresh review's finding 1). The text
    now gives the case's facts (a sure amount against a gamble, Kessel lost by signing, the
    deal's own costs) and leaves the decision to the learner. Fails on the old text."""
    text = section("letter-teaching") + " " + section("q2-text")
    for rule in (
        "Sign it when",
        "and not otherwise",
        "the better of the two",
        "follows from the better choice",
        "risk-neutral rule",
        "might sign even for a little less",
    ):
        assert rule not in text, rule
    assert "it costs you Kessel" in text and "swaps a gamble for a sure amount" in text
    assert "Decide, on your own case and as the risk-neutral seller of section 1" in text


def test_question_2_says_what_it_counts_and_the_reflection_weighs_the_rest():
    """Review 56, C1: section 1 said "Whether to sign is yours to decide", while question
    2's check accepts only the choice worth more on average and section 4 reports that a
    signed letter earned 4 to 8 k€ more at this table (51 of 220 learners' letters fall
    short by 8 k€ or less). The text now says question 2 decides by what each choice pays
    without a deal and leaves the letter's use at the table out; part 1 of the reflection,
    its rubric and its model answer weigh that use. Fails on the old text."""
    text = section("letter-teaching") + " " + section("q2-text")
    assert "yours to decide" not in text
    assert "by what each choice pays if there is no deal with Marlow" in text
    # review 102: reworded on purpose (the letter's second use); the same fact is kept
    assert "question 2 leaves that use out, and the reflection weighs it" in text
    # review 73 E1: the step beyond no longer turns on the letter, so the appendix's gain
    # is no part of the letter's worth; review 82 C3: it says the step paid at this bot
    # and a person may walk away (tests/test_review83_capstone.py)
    # review 102 C2: the appendix now says question 5 accepts it; the risk stays
    about = " ".join(section("about-the-bot").split())
    assert "so question 5 accepts it; a person with little power may take offence" in about
    assert "would a signed letter have got you a deal with Quell" in section("reflection-text")
    rubric = NOTEBOOK.read_text().split('grade_id": "reflection"')[1]
    # review 90 M1: a package must exist and the plan reach it (test_capstone_review90b)
    # review 108 (round 109): the same two conditions in fewer words
    assert "reaches a package Marlow needs with Quell in the steps that fit" in " ".join(
        line.removeprefix("#").strip() for line in rubric.splitlines()
    )
    # review 66 E1: the model answer set the letter's whole shortfall (paid only on no
    # deal) against the appendix's population gain (earned only on a deal); it now weighs
    # each by its chance on its own case (test_the_model_answer_weighs_the_letter_...)
    assert (
        "more than the 4 to 8 k€ that opening one step beyond gained against this bot"
        not in " ".join(line.removeprefix("#").strip() for line in rubric.splitlines())
    )


def test_the_model_answer_weighs_the_letter_by_the_chances_on_its_own_case():
    """Review 66 E1: the full-marks answer compared a 16.25 k€ shortfall, paid only when
    the talks fail, with the appendix's 4 to 8 k€, a population average earned only on a
    deal. It now weighs each by its chance on learner-1354's case, and every figure is
    recomputed here. Review 67 E1: the answer then took the chance of no deal as fixed,
    but a signed letter lowers the reservation price (90.25 to 74), and the plan run to
    that floor reaches 90/63, which Marlow accepts even with Quell (62): with the letter
    the Quell state (0.38) can end in a deal worth 90 - 9 = 81, 0.25 below Brenn's
    gamble. So the letter costs between 0.38 x 0.25 = 0.1 and 0.38 x 16.25 = 6.2 on
    average, depending on whether the learner could jump to the plan's eighth step. The
    step beyond, replayed without Quell (200 seeds a style, the scripted learner of
    section 5), gains 1.85, 0, 0 and -9.25, about -1.1 weighed by the chance of that
    state. The rubric asks for the weighing with and without the letter. Failed on the
    old text (review 67's finding). Review 98 C1, round 100: the reference plan (module
    04's shape) reaches 90/63 at step 3 of the signed plan, within the four steps that fit,
    so signed talks with Quell could end there, 0.25 short of Brenn plus the audit."""
    from course.scenarios.capstone import ANSWERS
    from tests.test_capstone_review100 import reference_plan

    rubric = " ".join(
        line.removeprefix("#").strip()
        for line in NOTEBOOK.read_text().split('grade_id": "reflection"')[1].splitlines()
    )
    assert "16.25 short, more than the 4 to 8" not in rubric
    assert "would have cost me 16.25 only if the talks failed" not in rubric
    case = course.variant("05_capstone", "learner-1354")
    posterior = quell_posterior(case)
    worth = batna_of(case)[1]
    shortfall = worth - case.brenn_letter
    assert shortfall == 16.25 and f"{posterior:.2f}" == "0.38"
    unsigned = reference_plan(case)
    most = max(them for _, _, them in unsigned)
    assert most == 57 < case.reservation_if_quell == 62
    # signed: the floor falls to the letter plus the audit, and the plan reaches Quell's
    signed_floor = case.brenn_letter + case.audit_cost
    assert signed_floor == 74 and signed_floor < reservation_of(case) == 90.25
    assert f"my reservation price would have been {signed_floor:g}" in rubric
    signed = reference_plan(case, signed_floor)
    assert signed[0][1] > reservation_of(case)  # either floor leaves the same opening
    k, (_, profit, points) = next(
        (k, row) for k, row in enumerate(signed) if row[2] >= case.reservation_if_quell
    )
    assert (k, profit, points) == (3, 90, 63) and k <= ANSWERS
    assert f"step {k} of my signed plan, within the four that fit" in rubric
    # review 68 X1: the learner reads that package off the table, not off a plan rerun
    # to another floor: the plan's last step (105/57) with delivery cut to 3 weeks
    last = unsigned[-1][0]
    assert (unsigned[-1][1], unsigned[-1][2]) == (105, 57)
    assert {**last, "delivery": "3 weeks"} == signed[k][0]
    # review 69 U2 moved the letter's arithmetic to an instructor note after the model
    # answer; review 86 U1 cut that note (it repeated the answer). Review 90 M1: the package
    # is step 8, past the four steps that fit, so signed talks with Quell still fail and the
    # letter costs 0.38 x 16.25, not 0.38 x 0.25 (tests/test_capstone_review90b.py)
    short = reservation_of(case) - profit
    assert f"{short:g} short of Brenn plus the audit ({reservation_of(case):g})" in rubric
    # review 96 U2: "81 net" was a quantity the module never names; the profit is stated
    assert f"({points:g} points, profit {profit:g})" in rubric
    assert f"{posterior:.2f} × {shortfall:g}" not in rubric  # the signed talks reach a deal
    assert (
        "the shortfall weighed by the chance that talks with the letter still end without a "
        "deal;" in rubric  # review 90 M1: here that chance is Quell's (signed talks fail then)
    )
    flat = " ".join(line.removeprefix("#").strip() for line in rubric.splitlines())
    assert (  # review 90 M1; review 108 (round 109): one clause, the package and the reach
        "whether the plan, run to the letter's lower reservation price, reaches a package "
        "Marlow needs with Quell in the steps that fit" in flat
    )


def test_the_model_answer_and_rubric_ask_only_for_what_the_learners_tools_give():
    """Review 68 X1: the model answer quoted 200-seed replays of the step beyond with Quell
    fixed (1.85, 0, 0 and -9.25, about 1.1 lost on average), which neither the table nor
    the debrief can give, and the rubric asked for that weighing as a condition of part
    1's mark. The replay figures are gone, the rubric says it expects only numbers from
    the learner's answers, the table and the debrief, and the one package the answer
    quotes beyond its plan is one the table's worth line shows (test_widgets_capstone).
    Failed on the old text."""
    rubric = " ".join(
        line.removeprefix("#").strip()
        for line in NOTEBOOK.read_text().split('grade_id": "reflection"')[1].splitlines()
    )
    for gone in ("1.85", "9.25", "replaying my case", "made up none of the letter's cost"):
        assert gone not in rubric, gone
    assert (
        "Expect only numbers the learner's answers, the table and the debrief give: a "
        "weighing in words with them earns the mark" in rubric
    )


def test_a_tit_for_tat_marlow_facing_a_learner_who_holds_barely_moves():
    """Section 5 said a learner who only waits meets a Marlow that only waits; the
    tit-for-tat Marlow keeps its own slow pace, so its offers improve a little even when
    you never move. The text now says it barely moves."""
    moved = 0
    for i in range(20):
        case = course.variant("05_capstone", f"r-{i}")
        table = Table(
            contract_negotiation(case, case.reservation_if_not, ROUNDS),
            "tit-for-tat",
            rng=random.Random(i),
        )
        session, opening, worths = table.session, plan_of(case)[0][0], []
        session.offer(opening)
        while not session.finished and not session.last_turn:
            worths.append(session.utility(session.bot_offer))
            session.offer(opening)
        moved += max(worths) > worths[0] + 1e-9
    assert moved >= 10, moved
    text = section("plan-teaching")
    assert "meets a Marlow that only waits" not in text
    # review 76 C1: the claim went with the tip to the appendix
    assert "This bot waits to be answered" in " ".join(section("about-the-bot").split())


def test_questions_7_and_8_say_they_apply_a_stated_rule_and_where_judgement_is_practised():
    """Questions 7 and 8 grade a rule section 5 spells out; the judgement around them
    (take-backs traded in the open, steps that do not grow, reading Quell) was prose only
    and the questions did not say so. Each question and the opening of section 1 now say
    plainly that it applies a stated rule, and where the judgement is practised."""
    # review 69 X1: question 8 is now a decision on the learner's own log of replies, so
    # it no longer says it applies a rule without judgement
    q8 = " ".join(section("q8-text").split())
    assert "applies the rule section 5 states" not in q8
    assert "after each you decide: **hold**" in q8
    q7 = section("q7-text")
    # review 83 U1 pinned 'the packages the rule above moves through'; review 102 X4
    # replaced it on purpose with what the check grades
    assert "Graded: every later package is on the frontier" in " ".join(q7.split())
    assert "no check could pick one" not in q7  # review 79 C1: question 8 grades the sending
    assert "you practise at the table of section 6" not in q7  # review 79 C1: cut
    # review 83 C2: one line before the rule's table (tests/test_review84_capstone.py)
    # review 90 (C1, U1, U3): removed on purpose
    assert "offer each step as a conditional trade" not in " ".join(
        section("plan-teaching").split()
    )
    # review 59, C3: question 7 grades plans that take a term back (189 to 195 of 200),
    # and the appendix alone called a take-back bad faith to a person; question 7 now says
    # such a step is a trade, offered in the open, and the appendix no longer calls it bad
    # faith (failed on the old text: the sentence stood only in the appendix)
    q7_flat = " ".join(q7.split())
    # review 90 (C1, U1, U3): removed on purpose
    assert "Most plans have a **trade-back step**, one that takes a term back" not in q7_flat
    assert "a term taken back without a word reads as bad faith" not in q7_flat  # review 83 C2
    assert "a term taken back as bad faith" not in " ".join(section("about-the-bot").split())
    # review 86 U5: section 1's cross-references to questions 2, 3 and 7 are cut
    # review 68 C1: the Quell-state package is no longer the target; section 5 counts the
    # steps to it (question 8 no longer does, review 69 X1)
    assert "count on four steps." in section("plan-teaching")
    assert "where did you leave them? Why?" in section("reflection-text")


def test_a_step_right_after_marlows_first_answer_is_flagged_and_called_reciprocity():
    """The engine flags a step made right after Marlow's first answer (``after_opening``;
    module 04's practice counts it as into silence). Module 05 counts that answer as
    Marlow's first move, so the debrief calls one small step there reciprocity (review 75
    X3, review 78 C1), not a breach of the plan's rule. A step made after Marlow's second
    offer moved is not into silence."""
    reciprocity = debrief.__globals__["_reciprocity"]
    checked = 0
    for i in range(10):
        case = course.variant("05_capstone", learner=f"r-{i}")
        plan = [row[0] for row in plan_of(case)]
        negotiation = contract_negotiation(case, case.reservation_if_not, ROUNDS)
        table = Table(negotiation, "linear", rng=random.Random(i))
        session = table.session
        session.offer(plan[0])
        if session.finished:
            continue
        session.offer(plan[1])
        if not session.finished:
            session.walk_away(polite=True)
        found = table.outcome()["concessions"]
        assert found[0]["into_silence"] and found[0]["after_opening"], i
        line = reciprocity(found)
        assert "1 answered Marlow's opening, which section 5 reads as a position" in line
        assert "against your plan's rule" not in line
        # holding after the first answer, then stepping once Marlow has moved
        table = Table(negotiation, "linear", rng=random.Random(i))
        session = table.session
        session.offer(plan[0])
        first = session.utility(session.bot_offer)
        session.offer(plan[0])
        if session.finished or session.utility(session.bot_offer) <= first + 1e-9:
            continue
        session.offer(plan[1])
        if not session.finished:
            session.walk_away(polite=True)
        assert not table.outcome()["concessions"][0]["into_silence"], i
        checked += 1
    assert checked >= 5
    plan_text = section("plan-teaching")
    # review 78 C1: the opening was Marlow's first move, and a step answering it reciprocity;
    # review 110 C4 (round 111): one reading, a person's: a position, so hold (the debrief
    # line above names such a step apart and says section 5's rule there is to hold)
    flat = " ".join(plan_text.split())
    assert "your next step in answer to it is reciprocity" not in flat
    assert "Marlow's opening is a position, not yet a concession: hold." in flat


def test_section_5_states_module_04s_trade_rule_below_and_on_the_frontier():
    """Module 04's rule 1 asks a trade to bring back at least what it costs only below the
    frontier; on it, rule 2 makes each concession conditional on the deal. Section 5 said
    module 04 asked that any trade of one issue for another bring back what it costs."""
    module_04 = " ".join(
        line.removeprefix("#").strip()
        for line in (NOTEBOOK.parents[1] / "04_concessions" / "concessions.py")
        .read_text()
        .splitlines()
    )
    assert "Rule 1 keeps it" in module_04  # module 04's own wording may move
    # review 94 U3 (module 04) merged its rules 2.1-2.3 into rule 2's own text
    assert "make every concession **conditional** on the whole deal" in module_04
    plan = section("plan-teaching")
    assert "a trade of one issue for another bring back" not in plan
    # review 90 (C1, U1, U3): removed on purpose
    assert (
        "below the frontier, that a trade bring back at least what it costs you; on it, "
        "that a concession be conditional on the deal;" not in plan
    )


def test_the_alternatives_row_says_why_marlows_side_is_its_reservation_price():
    """The alternatives row measures your side by your alternative (this deal's cost left
    out) and Marlow's by its reservation price; the text now says why (no separate figure
    for Marlow's alternative) and which way that leans, and no longer says the audit
    compares reservation prices."""
    audit = section("audit-teaching")
    # review 94 U3: said once, in question 4
    assert "as your research gives no other figure for its alternative" in " ".join(
        section("q4-text").split()
    )
    # review 78 U4: which way that leans is said once, in question 4's (a)
    assert "the row leans that much towards Marlow" not in audit
    # review 83 U4: said plainly (tests/test_review84_capstone.py)
    assert "yours here does not, so the rule slightly favours Marlow." in " ".join(
        section("q4-text").split()
    )
    assert "the audit stops at comparing reservation prices" not in audit
    assert "so the audit compares the two shares only" in audit  # review 93: shorter


def test_question_7_grades_the_map_that_the_offers_are_drawn_from():
    """Section 5 says not to offer the plan's packages as they stand at a human table
    (take-backs traded in the open, no step larger than the one before); question 7's text
    now says it grades the map the offers are drawn from, and section 5 calls the plan
    that map."""
    assert "the packages you offer are drawn from your plan" not in section("plan-teaching")
    assert "At this table you send the plan's packages in order, one per step" in " ".join(
        section("q7-text").split()
    )  # review 78 U5: said once, in question 7
    q7 = " ".join(section("q7-text").split())
    # review 69 X2: the question calls it a frontier map and says how offers are drawn
    assert "Graded: every later package is on the frontier" in q7  # review 102 X4
    assert "one per step (question 8)" in q7  # review 79 C1; review 85 U4: shorter


def test_the_diagnostic_set_reads_marlows_pick_only_if_it_chooses_sincerely():
    """A partner picked over the opening shows your estimate of Marlow's weights is wrong
    only if Marlow chooses sincerely; the text said so without the condition."""
    opening = section("opening-teaching")
    # review 82 U1: said in one sentence, the condition kept
    # review 110 C3 (round 111): the sentence now follows 'so the pick tests that research:'
    assert "if Marlow sincerely picks a partner your research scores lower than the opening" in (
        " ".join(opening.split())
    )


def test_the_zone_and_marlows_styles_are_glossed_where_first_used():
    """Section 3 spoke of 'the zone' and section 4 of Marlow's styles before section 7 and
    section 5 defined them; each is now glossed at its first use."""
    # review 94 U3: question 4 now carries the audit cost, and with it the gloss
    audit = " ".join(section("q4-text").split())
    assert "narrows the zone of possible agreement (the packages that suit both sides" in audit
    # review 57, U1: the styles' first use was in the bot's trials, now in the appendix;
    # section 4 no longer speaks of styles, and section 5 defines them
    assert "style" not in section("opening-teaching")
    assert "Marlow bargains in one of four **styles**" in section("plan-teaching")
    before = NOTEBOOK.read_text().split('grade_id": "audit-teaching"')[0]
    assert " zone" not in before


def test_the_plan_note_names_its_departure_from_module_04s_free_move_rule():
    """Module 04's rule 1 warns against choosing a free move by what it gives the other
    side alone, which is how this plan chooses; the note now says so plainly."""
    plan = section("about-the-bot").replace(" > ", " ")  # review 58, U1: the appendix
    plan = " ".join(plan.replace(">", " ").split())
    # review 61, X1: module 04's ranking was accepted beside it; review 75 X2, C2: that
    # ranking added k€ to points, so any free trade that lands on the frontier now passes
    assert "hands Marlow what the trade creates, which module 04 warned against" not in plan
    assert "k€ and points) keeps part of it for you" not in plan
    rule = " ".join(section("plan-teaching").split())
    assert "any free trade that lands on the frontier will do there" in rule


def test_the_diagnostic_set_says_a_pick_means_something_only_for_a_partner_with_fewer_points():
    """Section 4 infers a wrong estimate from Marlow picking a partner only when the partner
    gives Marlow fewer points than the opening by the research; a partner with the same
    points is one Marlow should not mind taking. Both happen: over 300 learners some valid
    partner ties the opening on Marlow's points, and most partners give it fewer."""
    opening = section("opening-teaching")
    # review 76 U1: the fold is cut to two sentences
    assert "a partner your research scores lower than the opening, your research" in " ".join(
        opening.split()
    )
    # review 61, E1: a tied partner cannot show the estimate wrong, but its pick still
    # tells which bundle of concessions Marlow values more (review 76 U1: the fold is cut;
    # question 5's hint says so where it applies)
    assert "tells you nothing" not in opening
    from course.scenarios.capstone import opening_of

    fewer = ties = 0
    for n in range(300):
        case = course.variant("05_capstone", f"r-{n}")
        first = opening_of(case)
        points = package_points(first, case.theirs)
        for row in meso_partners(case):
            assert row[2] <= points + 1e-9, case.learner
            fewer += row[2] < points - 1e-9
            ties += abs(row[2] - points) < 1e-9
    assert ties > 0 and fewer > ties, (fewer, ties)


@pytest.mark.parametrize("signs", [True, False])
def test_the_alternatives_line_names_the_alternative_after_the_letter_decision(signs):
    """The debrief's alternatives line compares with your alternative after the letter
    decision, which is the signed letter itself when you signed: it never says 'Brenn or
    Kessel', which is false of a learner who signed."""
    from course.scenarios.capstone import signs_letter

    case = next(
        c
        for c in (course.variant("05_capstone", f"r-{n}") for n in range(200))
        if signs_letter(c) == signs
    )
    outcome = {"their_walkaway": case.reservation_if_not, "reservation": reservation_of(case)}
    line = debrief.__globals__["_alternatives"](outcome, facts(case, False))
    assert "your alternative after the letter decision" in line
    assert "Brenn or Kessel" not in line


def test_marlows_deadline_is_drawn_at_random_not_from_its_weeks_of_stock():
    """Section 6 said that of the three sources only alternatives and information act at
    the table, though the table runs on Marlow's deadline; what it leaves out is the link
    from the case's weeks of stock to that deadline. Two cases whose Marlow has different
    weeks of stock draw the same deadline from the same seed."""
    cases = [course.variant("05_capstone", learner=f"r-{i}") for i in range(40)]
    short = next(case for case in cases if case.their_weeks == min(c.their_weeks for c in cases))
    long = next(case for case in cases if case.their_weeks == max(c.their_weeks for c in cases))
    assert short.their_weeks < long.their_weeks
    deadlines = set()
    for seed in range(12):
        drawn = []
        for case in (short, long):
            table = Table(
                contract_negotiation(case, case.reservation_if_not, ROUNDS),
                "linear",
                rng=random.Random(seed),
            )
            table.session.offer(plan_of(case)[0][0])
            if not table.session.finished:
                table.session.walk_away(polite=True)
            drawn.append(table.session.result().counterparts[BUYER].deadline)
        assert drawn[0] == drawn[1], seed
        deadlines.add(drawn[0])
    assert len(deadlines) > 1
    table = " ".join(section("table-teaching").split())
    assert "only alternatives and information act at the table" not in table
    about = " ".join(section("about-the-bot").split())  # review 79 U1: the table manual
    assert "so the case's weeks and dependence do not act at the table" in about


def test_marlows_stall_remark_answers_an_offer_with_no_more_points_for_it():
    """The move table said Marlow's 'You have not moved since your last offer' meant your
    offer was the same as your previous one; Marlow says it whenever your offer gives it no
    more points than your previous one, also for a different package worth the same to it."""
    heard = 0
    for i in range(40):
        case = course.variant("05_capstone", learner=f"r-{i}")
        opening = plan_of(case)[0][0]
        points = package_points(opening, case.theirs)
        twins = [
            package
            for package, _, them in all_packages(case.yours, case.theirs)
            if them == points and package != opening
        ]
        if not twins:
            continue
        table = Table(
            contract_negotiation(case, case.reservation_if_not, ROUNDS),
            "linear",
            rng=random.Random(i),
        )
        table.session.offer(opening)
        if table.session.finished:
            continue
        # review 110 C4 (module 04, round 111): the hold answering Marlow's opening is no
        # stall, so the twin package comes after it
        table.session.offer(opening)
        assert REMARKS["waiting"] in table.session.said, i
        if table.session.finished:
            continue
        table.session.offer(twins[0])
        assert REMARKS["stall"] in table.session.said, i
        heard += 1
    assert heard >= 3, heard
    plan = section("plan-teaching")
    assert "| your offer is the same as your previous one |" not in plan
    # review 58, U1: the table of meanings is cut; the text says whose offer it is about
    # review 83 U5: said plainly (tests/test_review84_capstone.py)
    assert "it means yours; its own offer may still have moved." in " ".join(plan.split())


def test_the_plan_says_why_it_runs_past_module_04s_stop_at_the_target():
    """Module 04's paced tit-for-tat stops at the target; question 7's plan runs down to
    the reservation price. Section 5 now says why in one sentence: going below the target
    is the rule for accepting's explicit decision at the end."""
    plan = " ".join(section("about-the-bot").split())
    # review 57, C3: said in the box of this table's departures, with module 04's rule
    # for a human table beside it (review 58, U1: the box is now in the appendix)
    # review 90 (C1, U1, U3): removed on purpose
    assert "*The plan runs past both targets*, down to your reservation price" not in plan
    # review 90 (C1, U1, U3): removed on purpose
    assert "keeps the last stretch a decision for the end" not in plan
    # review 90 (C1, U1, U3): removed on purpose
    assert "At a human table, plan to your target, as module 04 did" not in plan


def test_question_7_calls_its_output_a_frontier_map_and_says_how_offers_are_drawn():
    """Review 69 X2: question 7 graded a "concession plan" that mostly takes terms back,
    which the module tells learners not to offer as it stands. Its title, text and the
    summary now call it a frontier map, and say that the offers sent are packages of it
    presented as conditional trades, and that a term taken back without a word reads as
    bad faith (failed on the old text)."""
    q7 = " ".join(section("q7-text").split())
    # review 76 U3: one name, "your plan", for what section 5 and question 7 build
    assert "### Question 7 (2 marks): your plan" in q7
    assert "frontier map" not in q7 and "your **plan**" in q7
    # review 72 X3: the offers are a shrinking subsequence of the map, traded in the open
    assert "At this table you send the plan's packages in order, one per step" in q7
    # review 83 C2: one line before the rule's table (tests/test_review84_capstone.py)
    # review 90 (C1, U1, U3): removed on purpose
    assert "offer each step as a conditional trade" not in " ".join(
        section("plan-teaching").split()
    )
    summary = " ".join(section("summary").split())
    # review 86 C1, C3: a plan for this bot's table; with a person, shrinking traded steps
    # review 90 (C1, U1, U3): removed on purpose
    assert "That plan is for this bot; with a person, make shrinking steps" not in summary
    assert "frontier map" not in summary
    assert "at the end of your plan" not in summary


def test_section_5_gives_its_rule_as_a_three_row_table_and_folds_grit_and_the_reply_ratio():
    """Review 69 U1: section 5's rule and its exception ran to some 450 words of prose.
    They are now a three-row table (Marlow moved / no move twice / can't give more, each
    your next step; otherwise hold), and the GRIT and reply-ratio passages sit in one
    fold. Section 5 reads 1,515 words open and 392 folded, not 1,632 and 285 (failed on
    the old text)."""
    text = NOTEBOOK.read_text()
    cell = text[text.index("# ## 5.") : text.index('grade_id": "q7-text"')]
    assert "# | Marlow's reply | your move |" in cell
    rows = [line for line in cell.splitlines() if line.startswith("# | ") and "| next step" in line]
    # review 75 C4: the row for two replies without a move became a tip for this bot, and
    # the opening's row allows a hold or a small step
    assert len(rows) == 2, rows
    assert "it moved" in rows[0] and "can't give more" in rows[1]
    assert (  # review 106 C2; review 110 C4 (round 111): one reading, a person's
        "# | its opening | hold (an opening is a position, not yet a concession) |"
    ) in cell
    # review 102 (cuts): "Otherwise hold: a step, once made, stands" repeated the table's
    # rows and section 6's retraction; the GRIT row stays
    assert "Osgood's GRIT" in cell and "this table allows one per stall" in cell
    # review 96 U1: the reply ratio is defined in section 7, which uses it
    assert "**reply ratio**" in section("debrief-teaching")
    assert "The last row borrows from Osgood's GRIT (1962" in cell  # review 85 E1
    assert "The rule has one exception." not in cell


def test_section_6_sends_the_step_after_marlows_floor_words_to_section_5():
    """The step after Marlow's words that it can give no more is allowed by section 5's
    rule, so section 6 names section 5 as the rule that allows it (question 8 practises
    it)."""
    table = " ".join(section("table-teaching").split())
    # review 94 C1, U3: section 6 no longer restates it; section 5's table has the row
    assert "it said it can't give more on its own offer | next step" in " ".join(
        section("plan-teaching").split()
    )
    assert "as question 8 decided, once it says" not in table


def test_section_5_names_the_rule_that_replaces_module_04s_equal_value_test():
    """Module 04 asks each give to bring back something of equal value; section 5 expects
    less back from most steps, so it names the rule that replaces that test at this
    table, and why, in one sentence."""
    plan = " ".join(section("plan-teaching").split())
    # review 57, C2: the test is kept, as module 04 frames it, and the debrief measures it
    assert "replaces module 04's test" not in plan
    # review 66 C3: on the frontier the test's answer is a condition, which this table
    # cannot hear; the text now says so instead of promising a conditional step here
    # review 90 (C1, U1, U3): removed on purpose
    assert (
        "Module 04's test, that every give bring back something of equal value, applies to "
        "rule 1's trades below the frontier as it did there"
    ) not in plan
    assert "what comes back is the deal the step is made conditional on" not in plan
    # review 82 C1: said once, at the fold's start (a step stands; conditional with a person)
    assert "This table cannot hear conditions" not in plan
    # review 83 C2: the one line before the rule's table says it (test_review84)
    assert "at a human table make it conditional on the deal (module 04)" not in plan
    # review 90 C1: the one boxed note says it
    # review 98 C1 (round 100): question 7 no longer carries it; the summary does
    assert "each traded for something" in " ".join(section("summary").split())
    # review 59, E1: the debrief's number is the reply ratio, not module 04's trade ratio
    assert "The debrief sets each of your steps against the test" not in plan
    # review 75 U4: 'the replay' came before section 7 defines it; review 96 U1: the reply
    # ratio is defined in section 7 itself, where the debrief uses it
    debrief_text = " ".join(section("debrief-teaching").split())
    assert (
        "A step's **reply ratio** is what Marlow's next reply gave back, beyond a replay "
        "in which you repeated your previous offer, per k€"
    ) in debrief_text
    assert "module 04's trade test" not in debrief_text
    assert "**reply ratio**" not in plan
    # review 90 (C1, U1, U3): removed on purpose
    assert "three of Marlow's four styles give back only part of what you concede" not in plan
    # most steps of a learner who keeps the plan get back less than they cost (a step
    # whose answer is a deal Marlow would not have made otherwise gets the deal back)
    steps = short = 0
    for i in range(50):
        case = course.variant("05_capstone", learner=f"r-{i}")
        for style in STYLES:
            rng = random.Random(i * 7 + len(style))
            _, walkaway = marlow_at_the_table(case, rng)
            table = sit_by_the_plan(case, style, rng, walkaway=walkaway)
            for step in table.outcome()["concessions"]:
                steps += 1
                closed = step["answer"] == "accept" and step["instead"] != "accept"
                short += not closed and (step["back"] is None or step["back"] < step["cost"])
    assert short > steps / 2, (short, steps)


def test_question_8_says_how_a_move_of_marlows_is_read():
    """Question 8 (review 69 X1) reads Marlow's moves as section 5 does: by what its offer
    is worth to the learner, not by whether the package changed; and its first offer is
    ``plan[0]``. (It used to say that k counts the steps after the opening.)"""
    text = " ".join(section("q8-text").split())
    assert "so k counts the steps after your opening" not in text
    assert "Your first offer was `plan[0]`" in text
    assert "not from whether the package changed" in text


def test_marlow_accepts_by_its_target_or_its_next_offer_as_sections_6_and_7_say():
    """Sections 6 and 7 say Marlow accepts a package worth at least its reservation price
    that meets its target for the round or is at least as good for it as the offer it
    would make next, which can be worth less to it than its offer on the table. A seller
    who answers each offer of Marlow's with the package best for Marlow among those worth
    a little less to it than Marlow's standing offer (and more to the seller) finds such
    an acceptance; no acceptance is ever below Marlow's reservation price."""
    text = " ".join(
        line.lstrip("# ").strip()
        for line in (Path(course.__file__).parents[1] / "source" / "05_capstone" / "capstone.py")
        .read_text()
        .splitlines()
    )
    assert "(never worse for it than its own offer on the table)" not in text
    assert "are at least as good for it as its own offer on the table" not in text
    assert (
        text.count(  # review 77 U5: one disjunct per clause
            "if the package meets its aim for the round (the points it wants then, falling from "
            "its opening offer's points towards its reservation price at its style's pace), or if "
            "it is at least as "
            "good for it as its own next offer"
        )
        == 1
    )
    assert "The best package for you that Marlow would have agreed to" in text  # review 79 U1
    below_standing = 0
    for i in range(60):
        case = course.variant("05_capstone", learner=f"r-{i}")
        packages = all_packages(case.yours, case.theirs)
        plan = [row[0] for row in plan_of(case)]
        for style in STYLES:
            rng = random.Random(i * 11 + len(style))
            _, walkaway = marlow_at_the_table(case, rng)
            table = Table(contract_negotiation(case, walkaway, ROUNDS), style, rng=rng)
            session = table.session
            session.offer(plan[0])
            while not session.finished and not session.last_turn:
                standing = package_points(session.bot_offer, case.theirs)
                mine = session.utility(session.bot_offer)
                below = [
                    (theirs, package)
                    for package, yours, theirs in packages
                    if walkaway <= theirs < standing and yours > mine
                ]
                if not below:
                    break
                offered = max(below, key=lambda row: row[0])[1]
                session.offer(offered)
                if session.agreement is not None:
                    worth = package_points(session.agreement, case.theirs)
                    assert worth >= walkaway
                    below_standing += worth < standing
    assert below_standing > 0


def test_the_timeline_of_the_letter_and_kessel_is_stated_once():
    """Fifth review, finding 3: the brief said Brenn would sign 'now' and that you could
    'wait for Kessel', without saying when Kessel answers, so a learner could not tell
    whether to decide on the letter before or after Kessel's answer. The brief now states
    the timeline once (the letter before the talks, Brenn's and Kessel's answers only at
    the booking deadline, after them), section 1 points to it, and no other sentence of the
    notebook times the decision. On the old brief the first assert fails."""
    case = course.variant("05_capstone", "timeline")
    story = case.story()
    assert story.count("**When things happen.**") == 1
    assert "before the talks with Marlow begin, you decide on Brenn's letter" in story
    assert f"booking deadline, {case.your_weeks} weeks from now" in story
    assert "without knowing either answer" in story
    text = section("letter-teaching")
    assert 'Your brief ("When things happen") gives the timeline' in text
    notebook = " ".join(NOTEBOOK.read_text().split())
    assert "wait for Kessel" not in notebook and "sign a letter of intent now" not in notebook


def test_what_to_weigh_after_marlow_opens_agrees_with_the_model_answer():
    """Section 4 listed what Marlow's alternatives lack (whether Quell has capacity) as
    something to think about, then told the learner not to think about the chance that
    Quell can supply it, while the model reflection did think about it. Galinsky and
    Mussweiler found that attending to the other side's alternatives or one's own target
    removed the anchor's pull: the section and the model answer now both name Quell's
    chance and the target, and neither the plan (which runs to the reservation price)."""
    opening = section("opening-teaching")
    attend = opening[opening.index("**When Marlow opens.**") : opening.index("In Galinsky")]
    assert "chance that Quell can supply it" not in attend
    # review 102 U4: "your target", defined at first use just before (section 5 sets it)
    assert "question 3's chance" in attend and "your target" in attend
    # review 110 C2 (round 111): a private aim, the course's convention
    assert (
        "your **target**, the profit you privately aim to end with in each state of Quell, "
        "follows the course's convention (module 02's table)"
    ).lower() in " ".join(opening.split()).lower()
    assert "your own plan" not in attend and "not Marlow's number" in attend
    model = section("reflection")
    assert "my beliefs about Quell (a chance of 0.38 that it had capacity)" in model
    assert "of my target for the state Marlow's answers pointed to" in model
    assert "at my own plan" not in model


def test_the_story_says_why_marlow_can_be_most_of_next_years_sales():
    """Marlow's one-year volume is drawn at 12% to 77% of Tallis's sales (at least half for
    about 45% of learners), though the story called the capacity spare. The story now
    measures the share against next year's sales with this contract and says the spare
    capacity is a line a lost customer used to fill, which Brenn's or Kessel's order
    would fill instead; the audit's power row uses the same words."""
    shares = [course.variant("05_capstone", learner=f"r-{i}").your_sales_share for i in range(200)]
    assert sum(share >= 0.5 for share in shares) >= 40
    case = course.variant("05_capstone", learner="r-0")
    story = " ".join(case.story().split())
    assert f"{case.your_sales_share:.0%} of your sales next year with this contract" in story
    # review of session 55, E4: up to 77% of next year's sales is no "spare" line; the
    # capacity is free because the largest customer left
    assert "the capacity is free because your largest customer, which filled it, has left" in (
        story
    )
    assert "spare capacity is a line" not in story
    assert "its share of next year's sales" in section("audit-teaching")


def _tit_for_tat_deals(first, seed_per_learner):
    """Deals closed by the course's scripted learner keeping tit-for-tat at the tables of
    learners r-<first> to r-<first + 199>, without and with the exception: [without, with].
    Each learner's sitting is seeded with its number, or all of one pass share a generator
    seeded 7."""
    deals = []
    for exception in (False, True):
        shared = random.Random(7)
        tables = [
            sit_by_the_plan(
                course.variant("05_capstone", learner=f"r-{i}"),
                "tit-for-tat",
                random.Random(i) if seed_per_learner else shared,
                exception,
            )
            for i in range(first, first + 200)
        ]
        deals.append(sum(table.session.agreement is not None for table in tables))
    return deals


@pytest.mark.parametrize("first", [400, 600, 800, 1000])
def test_the_tit_for_tat_deal_rates_hold_over_four_more_samples(first):
    """Section 5 gave the tit-for-tat deal rate of a learner who keeps the rule as 68 to 70
    in 100, from the two samples of the test above; other samples of 200 learners close
    136 to 155 times (68% to 78%), and a reviewer's own scripted learner closed 64% and
    65.5%. The text now says "about seven sittings in ten" with the range over all six
    samples, each measured here, and "about nine in ten" with the exception."""
    deals = _tit_for_tat_deals(first, seed_per_learner=False)
    assert deals[0] == TIT_FOR_TAT_HOLD_DEALS["r", first, False], deals  # review 87 M2
    assert deals[1] == TIT_FOR_TAT_STEP_DEALS["r", first, False], deals  # review 88 M1


@pytest.mark.parametrize("first", [0, 200, 400])
def test_the_tit_for_tat_deal_rates_hold_with_a_seed_per_learner(first):
    """Review of session 55, E2: the six samples above share one generator across
    learners; a reviewer who seeded each learner's sitting on its own, with their own
    scripted learner, closed 133 to 135 of 200 (66.5 to 67.5 in 100), below the range
    the text gave. With the course's scripted learner and a seed per learner, three more
    samples close 136 to 139 without the exception and 176 to 185 with it: inside the
    stated 68 to 78 and 86 to 93. The text now counts nine samples and says that other
    scripted learners closed as few as 64 in 100 (an earlier reviewer's, 64 to 65.5)."""
    deals = _tit_for_tat_deals(first, seed_per_learner=True)
    assert deals[0] == TIT_FOR_TAT_HOLD_DEALS["r", first, True], deals  # review 87 M2
    assert deals[1] == TIT_FOR_TAT_STEP_DEALS["r", first, True], deals  # review 88 M1


def test_the_step_beyond_is_room_for_the_counter_offer_and_the_letter_grounds_no_opening():
    """Review 73 E1: section 4 said a signed letter carries an opening one step beyond,
    and question 5 accepted the step only from signers. A firm alternative moves what
    Marlow believes of Tallis's floor, not Marlow's own reservation price, which the step
    undercuts in both states. Section 4 now calls the step room for the counter-offer (as
    module 01 does for one step above the top), with Schweinsberg's risk, accepted from
    everyone, and keeps the letter's true role: it raises the least Marlow believes you
    would accept and makes a walk-away credible. Failed on the old text."""
    text = " ".join(section("opening-teaching").split())
    # review 70 C2 / 61 C2 / 62 C1 tied the step to a firm fact; the tie is gone
    assert "not a firm fact you can cite for an opening beyond" not in text
    assert "only mirrors that reasoning" not in text
    # review 88 C1: module 01 has no 'one step above the top' to compare with
    # review 90 (C1, U1, U3): removed on purpose
    assert "; it is room for the counter-offer, not a fact" not in text
    # review 90 (C1, U1, U3): removed on purpose
    assert "Schweinsberg and colleagues' finding above is its risk" not in text
    # review 90 (C1, U1, U3): removed on purpose
    assert (
        "Told, a firm alternative raises the least Marlow believes *you* would accept and "
        "makes your walk-away credible (module 04), but it can never lower what Marlow "
        "needs" not in text
    )
    # review 90 (C1, U1, U3): removed on purpose
    assert "It is a fact to state (below), not a ground for an opening" not in text


def test_the_four_step_line_and_the_target_for_the_round_are_defined_where_first_used():
    """Question 8's "four-step line" and Marlow's "target for the round" were used without
    being defined: the first use of each now defines it."""
    text = " ".join(
        line.lstrip("# ").strip()
        for line in (Path(course.__file__).parents[1] / "source" / "05_capstone" / "capstone.py")
        .read_text()
        .splitlines()
    )
    # review 76 U3: the four-step line was one coined term too many; it is gone
    assert "four-step line" not in text
    # review 76 U2: "target" is the learner's aim only; Marlow's is its aim for the round
    first = text.index("aim for the round")
    assert text[first:].startswith("aim for the round (the points it wants then")
    assert "target for the round" not in text


def test_tit_for_tat_is_described_one_way_and_walk_away_is_the_action_only():
    """Review 56, C3: tit-for-tat 'answers each concession of yours with as much of its
    own' (section 5's list), 'opens with a fair step and then mostly waits' (its
    exception), 'matches your steps' (section 4), and a small step 'may be too small to
    move it'; section 5 now gives one description where the styles are named, and the
    other places use it. C4: 'walk-away' named your reservation price ('the walk-away
    point'), Marlow's ('its walk-away (0)', 'Marlow's walk-away depends on Quell', 'a
    walk-away of 50 points', 'your walk-away') and the action; the numbers are now called
    reservation prices (or your BATNA), and 'walk-away' is only the action. Fails on the
    old text."""
    text = " ".join(section(cell).replace("*", "") for cell in SECTIONS_WITH_PROSE)
    assert (
        "tit-for-tat opens with a fair step, then mostly waits and answers each concession "
        "of yours with as large a share of its own room as your step gave it (in your k€ "
        "that can be more or less than your step), in whole levels, so a small step may get "
        "nothing" in text
    )
    for old in (
        "answers each concession of yours with as much of its own",
        "opens with a fair step and then mostly waits",
        "matches your steps",
        "too small to move it at all",
    ):
        assert old not in text, old
    for number in (
        "walk-away point",
        "its walk-away (0)",
        "Marlow's walk-away depends",
        "a walk-away of 50",
        "your walk-away)",
    ):
        assert number not in text, number
    assert "from its reservation price (0) to its best package (1)" in text
    assert "Marlow's reservation price depends on whether Quell" in text


SECTIONS_WITH_PROSE = (
    "leverage-teaching",
    "letter-teaching",
    "opening-teaching",
    "plan-teaching",
    "table-teaching",
    "debrief-teaching",
    "reflection-text",
)


def test_section_2_names_the_row_it_governs_and_the_layout_slips_are_gone():
    """Review 68 U5: section 2 said question 4 'never lets them outvote the other fact of
    their row' before section 3 had introduced the alternatives row; it now names the row
    and where it is set out. U8: a stray line break split 'Marlow has a reservation price
    as well', and the note on what the checks move sat indented inside the power bullet.
    Failed on the old text."""
    text = NOTEBOOK.read_text()
    assert "outvote the other fact of their row" not in text
    # review 69 U3: the row and its reading rule were still unknown in section 2, so the
    # paragraph now ends at the advice, and section 3 gives the rule
    information = section("information-teaching")
    assert "question 4 (section 3)" not in information
    # review 91 U1: "discount" became "set aside" (tests/test_capstone_review91.py)
    assert "set the claimed weeks aside" in " ".join(information.replace("# ", "").split())
    # review 73 U2: rule (b) reworded, same claim; review 80 X2: one reading taught,
    # the weeks discounted (tests/test_review81_capstone.py); review 82 C2: the weeks
    # counted as claimed, leaving them out passes too (tests/test_review83_capstone.py)
    assert "(its rush request makes them doubtful, section 2)" in " ".join(  # review 91 U1
        section("q4-text").split()
    )
    assert "Marlow has a reservation price as well, in points of its own scoring" in " ".join(
        text.replace("\n# ", " ").split()
    )
    # review 70 U1: the paragraph on what the check moves was cut to start here
    # review 83 U1: the check's mechanics left the text for its messages (test_review84)
    assert "\n# The check builds on question 2's right decision, so pass questions 1 and" in text
    assert "Where a verdict does not fit" not in text
