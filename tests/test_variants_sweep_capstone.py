"""Module 05's variants swept by the thousand (issue 15): every drawn learner gets a fair,
coherent case with a real decision in each question, and every right answer passes.

The invariants are written here again from the models and from first principles (trees'
expected values, Bayes' rule, every package of the contract listed by brute force), not
read from ``course.scenarios.capstone.problems``: a sweep that only re-ran the generator's
own rules could not catch a mistake in them. Each graded question is then answered for
every swept learner by the course's reference solution and by two formulations written
independently of it, and each must pass the question's judge (what its check decides on
one case); a sample goes through the checks as a notebook runs them, and the hidden checks
run once per formulation.
"""

import dataclasses
import functools
import itertools
import math
from types import SimpleNamespace

import pytest

import course
from course.checks import capstone as check
from course.models.batna import best_alternative, expected_value
from course.models.concessions import all_packages, package_points, pareto_frontier
from course.models.information import update_beliefs
from course.scenarios import capstone as scenario
from course.variants import learner_as
from tests.notebooks import solution_namespace
from tests.sweeps import Recording, cell_text, drawn_once, passes, run
from tests.test_checks_capstone import HIDDEN

MODULE = "05_capstone"
LEARNERS = tuple(f"sweep-{n}" for n in range(2000))


@pytest.fixture(scope="module")
def drawn(workers_folder):
    return drawn_once(MODULE, LEARNERS, workers_folder)


# --- first principles, written independently of the scenario module ---------------------------


def trees(s):
    return {
        "Brenn": [(s.brenn_chance, s.brenn_profit), (1 - s.brenn_chance, s.spot_profit)],
        "Kessel": [
            (s.pilot_chance, [(0.5, s.kessel_full), (0.5, s.kessel_half)]),
            (1 - s.pilot_chance, s.spot_profit),
        ],
    }


def values(s):
    return dict(
        _values(
            s.brenn_chance,
            s.brenn_profit,
            s.spot_profit,
            s.pilot_chance,
            s.kessel_full,
            s.kessel_half,
        )
    )


@functools.lru_cache(maxsize=4096)
def _values(brenn_chance, brenn_profit, spot_profit, pilot_chance, kessel_full, kessel_half):
    fields = SimpleNamespace(**locals())
    return tuple((name, expected_value(tree)) for name, tree in trees(fields).items())


def reservation(s):
    return max(*values(s).values(), s.brenn_letter) + s.audit_cost


def posterior(s):
    beliefs = update_beliefs(  # 1: Quell has capacity, 0: it has none
        {1: s.quell_prior, 0: 1 - s.quell_prior}, {1: s.rush_if_quell, 0: s.rush_if_not}
    )
    return beliefs[1]


def every_package(s):
    """Every package by brute force: (package, profit, Marlow's points)."""
    return _every_package(
        tuple((issue, tuple(levels.items())) for issue, levels in s.yours.items()),
        tuple((issue, tuple(levels.items())) for issue, levels in s.theirs.items()),
    )


@functools.lru_cache(maxsize=4096)
def _every_package(yours, theirs):
    issues = [issue for issue, _ in yours]
    mine, other = ({issue: dict(levels) for issue, levels in side} for side in (yours, theirs))
    found = []
    for levels in itertools.product(*(mine[issue] for issue in issues)):
        package = dict(zip(issues, levels, strict=True))
        you = sum(mine[issue][level] for issue, level in package.items())
        found.append((package, you, sum(other[issue][level] for issue, level in package.items())))
    return found


def dominated(point, points):
    return any(a >= point[0] and b >= point[1] and (a, b) != point for a, b in points)


def best_profit(s):
    return sum(max(levels.values()) for levels in s.yours.values())


def opening_point(s):
    """(profit, points) of the best package Marlow could accept without Quell."""
    floor = reservation(s)
    return max(
        (you, them)
        for _, you, them in every_package(s)
        if them >= s.reservation_if_not and you >= floor
    )


def plan_points(s):
    """The plan as points: from the opening, each time the package that costs least among
    those giving Marlow more (and keeping the reservation price), then gives Marlow most."""
    points = {(you, them) for _, you, them in every_package(s)}
    floor, current = reservation(s), opening_point(s)
    plan = [current]
    while True:
        steps = [p for p in points if p[1] > current[1] and floor <= p[0] < current[0]]
        if not steps:
            return plan
        current = max(steps)
        plan.append(current)


# --- the invariants, question by question -------------------------------------------------------


def test_q1_the_two_alternatives_never_tie_and_each_is_sometimes_best(drawn):
    """Q1: the alternatives' expected profits are at least 1 k€ apart (a tie, or a gap
    within a learner's rounding, would make the name a coin toss); each is best for a
    good share of learners; the numbers are plausible (Kessel's half order is half-ish).
    Review 56, E2: in 10 of 220 learners (learner-1000..1219) the half order pays no more
    than the spot market, which only makes sense if the half order takes the whole line;
    redrawing them would change every trial figure the text states, so the brief now says
    so. Fails on the old story."""
    best = []
    for s in drawn:
        worth = values(s)
        assert abs(worth["Brenn"] - worth["Kessel"]) >= 1, s.learner
        assert s.kessel_half < s.kessel_full and s.spot_profit < s.brenn_profit, s.learner
        best.append(max(worth, key=worth.get))
        if s.kessel_half <= s.spot_profit:
            assert "Kessel reserves your whole line either way" in " ".join(s.story().split())
    assert 0.3 < best.count("Brenn") / len(best) < 0.7


def test_q2_the_letter_is_a_real_decision_and_plausible(drawn):
    """Q2: Brenn's letter is at least 1 k€ from the best alternative either way, sits
    between the spot market and Brenn's own price (a discount for committing), and is worth
    signing for some learners and not for others."""
    signs = []
    for s in drawn:
        best = max(values(s).values())
        assert abs(s.brenn_letter - best) >= 1, s.learner
        assert s.spot_profit < s.brenn_letter < s.brenn_profit, s.learner
        signs.append(s.brenn_letter > best)
    assert 0.2 < sum(signs) / len(signs) < 0.8


def test_q3_the_rush_request_moves_the_belief_without_settling_it(drawn):
    """Q3: a rush is likelier when Quell has no capacity (the story's logic), the update
    leaves real doubt (chance 0.1 to 0.9), the two reservation prices are at least 10
    points apart."""
    for s in drawn:
        assert s.rush_if_not > s.rush_if_quell, s.learner
        assert 0.1 <= posterior(s) <= 0.9, s.learner
        assert posterior(s) < s.quell_prior, s.learner
        assert s.reservation_if_quell - s.reservation_if_not >= 10, s.learner


def test_q4_no_audit_measure_sits_near_a_rule_line(drawn):
    """Q4: the dependence gap is at least 0.01 from the 0.10 line; weeks are whole, so the
    3-week line is exact. The alternatives are measured by your alternative without
    Marlow's audit, a measure that came after the cases were drawn: the draw still keeps
    the reservation price's shares clear of the 0.05 line (so that no learner's case was
    drawn anew), and where a gap within 0.01 of the line decides the row, the check
    accepts both readings, the side ahead (or nearly ahead) by 2 and the two within 1,
    whichever side of the line the gap falls. Both settled and open sources occur."""
    settled = {"alternatives": set(), "power": set()}
    near = 0
    for s in drawn:
        reserved = reservation(s) / best_profit(s)
        mine = (reservation(s) - s.audit_cost) / best_profit(s)
        close = False
        for theirs in (s.reservation_if_quell, s.reservation_if_not):
            assert abs(abs(reserved - theirs / 100) - 0.05) >= 0.01 - 1e-12, s.learner
            close |= abs(abs(mine - theirs / 100) - 0.05) < 0.01
        assert abs(abs(s.their_supply_share - s.your_sales_share) - 0.10) >= 0.01 - 1e-12
        assert isinstance(s.your_weeks, int) and isinstance(s.their_weeks, int)
        held = scenario.alternatives_holder(s)
        readings = scenario.alternatives_readings(s)
        if len(readings) > 1:
            waits = abs(s.your_weeks - s.their_weeks)
            # or Marlow's claimed weeks, discounted against its rush (review 61, C1)
            assert close or waits == 3 or s.their_weeks - s.your_weeks >= 3, s.learner
            near += 1
            power = {"you": (7, 4), "Marlow": (3, 6), None: (5, 5)}[_holders(s)["power"]]

            def audit(alternatives, power=power):
                return {
                    "yours": {"information": 6, "alternatives": alternatives[0], "power": power[0]},
                    "theirs": {
                        "information": 5,
                        "alternatives": alternatives[1],
                        "power": power[1],
                    },
                    "weights": {"information": 0.3, "alternatives": 0.4, "power": 0.3},
                }

            # every reading passes, on either side of the line (question 4's text)
            assert held in readings, s.learner
            for side in readings:
                pair = {"you": (7, 4), "Marlow": (3, 6), None: (5, 5)}[side]
                assert passes_audit(s, audit(pair)), s.learner
        settled["alternatives"].add(held)
        settled["power"].add(scenario.power_holder(s))
    assert near > 0
    assert {None, "you", "Marlow"} <= settled["alternatives"]
    assert {None, "you", "Marlow"} <= settled["power"]


def test_q4_each_source_settles_for_either_side_and_no_constant_audit_passes_most(drawn):
    """Third review, E3: Marlow held power in 0.5% of draws and alternatives in 0.07%,
    and a constant audit ('me 7, Marlow 4' everywhere) passed every learner. Each side
    now holds power in a real share of cases, and no audit that ignores the case passes
    more than 60%. Alternatives are measured without Marlow's audit cost (a cost of this
    deal, not a strength of your alternative): Marlow then holds them in about 12% of
    cases (24% before review 90 X1 discounted its claimed weeks everywhere: it now holds
    them by the shares alone) and you in about 5% (at least 10% and 3% here), and they hang
    on Quell in the rest."""
    alternatives = [_holders(s)["alternatives"] for s in drawn]
    assert alternatives.count("Marlow") / len(drawn) >= 0.10  # 0.18 before review 90 X1
    assert alternatives.count("you") / len(drawn) >= 0.03
    holders = [_holders(s)["power"] for s in drawn]
    assert 0.3 <= holders.count("Marlow") / len(drawn) <= 0.5
    assert 0.3 <= holders.count("you") / len(drawn) <= 0.6
    # fifth review, finding 2: a fact that points settles power unless the other points
    # the other way, so power is open in about 5% of cases (it was 16%)
    assert holders.count(None) / len(drawn) >= 0.03
    pairs = [(7, 4), (6, 4), (5, 5), (4, 6), (4, 7), (6, 5), (5, 6)]
    weights = {"information": 0.3, "alternatives": 0.4, "power": 0.3}
    for alternatives, power in itertools.product(pairs, pairs):
        audit = {
            "yours": {"information": 7, "alternatives": alternatives[0], "power": power[0]},
            "theirs": {"information": 4, "alternatives": alternatives[1], "power": power[1]},
            "weights": weights,
        }
        fits = sum(passes_audit(s, audit) for s in drawn)
        assert fits / len(drawn) <= 0.6, (alternatives, power, fits)


def test_q4_no_constant_audit_passes_the_hidden_edges_of_any_learner(drawn):
    """Question 4 had no hidden check, so ratings typed in from the learner's own case
    earned the marks ('me 6, 7, 7; Marlow 5, 5, 5' fitted 44% of a reviewer's learners).
    Every constant audit that fits a swept learner's own case breaks a rule on one of the
    hidden edges built from that case, while both independent formulations pass them."""
    pairs = [(8, 2), (6, 5), (5, 5), (5, 6), (2, 8)]
    weights = {"information": 0.3, "alternatives": 0.4, "power": 0.3}
    audits = [
        {
            "yours": {"information": 6, "alternatives": a[0], "power": p[0]},
            "theirs": {"information": 5, "alternatives": a[1], "power": p[1]},
            "weights": weights,
        }
        for a, p in itertools.product(pairs, pairs)
    ]
    fitted = 0
    for s in drawn[::4]:
        edges = [dataclasses.replace(s, **edge) for edge in check._audit_edges(s)]
        for audit in audits:
            if passes_audit(s, audit):
                fitted += 1
                assert not all(passes_audit(e, audit) for e in edges), s.learner
        for answer in ALTERNATIVES["my_audit"]:
            assert all(passes_audit(e, answer(e)) for e in edges), (s.learner, answer)
    assert fitted > len(drawn) // 4


def passes_audit(s, audit):
    try:
        check.judge_audit(s, audit)
    except check.NotYet:
        return False
    return True


def test_q5_the_opening_is_acceptable_ambitious_and_leaves_room(drawn):
    """Q5: a package suits both sides without Quell; the prescribed opening leaves you at
    least 10 k€ above your reservation price (never worse than walking away); it gives
    Marlow fewer points than it needs with Quell (so the two states lead to different
    openings); it is on the Pareto frontier (the notebook says so); a MESO partner exists
    worth exactly the opening's profit, acceptable to Marlow without Quell, each giving
    ground on an issue the other keeps (third review, E2: partners within 5 k€ were the
    plan's first concession, and nested sets of issues told little); every partner gives
    Marlow no more points than the opening, so picking one is news (section 4)."""
    for s in drawn:
        packages = every_package(s)
        points = [(you, them) for _, you, them in packages]
        you, them = opening_point(s)
        assert you >= reservation(s) + 10, s.learner
        assert them < s.reservation_if_quell, s.learner
        assert not dominated((you, them), points), s.learner
        best = [p for p, y, t in packages if (y, t) == (you, them)]
        partners = [
            p
            for p, y, t in packages
            if y == you and t >= s.reservation_if_not and crossing(s, p, best[0])
        ]
        assert partners, s.learner
        for p in partners:
            assert package_points(p, s.theirs) <= them, s.learner


def test_q5_refuses_the_frontier_step_beyond_and_everything_further(drawn):
    """Review 90 C1 (changed on purpose): from review 73 to review 89 Q5 accepted one step
    beyond the opening along the frontier, from every learner, alone where it had no
    partner. No fact grounds it, so Q5 now refuses it with its own hint (it pays against
    this bot, module 04's rule refuses it), refuses the frontier package after it, and an
    opening one step beyond no longer earns the set's mark alone. The scenario's
    ``beyond_of`` still agrees with the brute force (the appendix's trials use it)."""
    found = 0
    for s in drawn:
        beyond = one_step_beyond_point(s)
        row = scenario.beyond_of(s)
        assert (row[1:] if row else None) == beyond, s.learner
        if beyond is None:
            continue
        found += 1
        assert beyond[1] < s.reservation_if_not, s.learner
        packages = every_package(s)
        ties = [p for p, y, t in packages if (y, t) == beyond]
        check.judge_opening(s, [ties[0]])  # review 102 C2 (changed on purpose): passes again
        points = {(y, t) for _, y, t in packages}
        frontier = sorted(p for p in points if not dominated(p, points) and p[0] > beyond[0])
        if frontier:
            further = next(p for p, y, t in packages if (y, t) == frontier[0])
            # review 102 C2: a package further out gets the one-step-only hint (on purpose);
            # still refused, never passed
            refused = (
                "only one step further along the Pareto frontier|refuses such an offer out of hand"
            )
            with pytest.raises(check.NotYet, match=refused):
                check.judge_opening(s, [further])
    assert found >= 0.97 * len(drawn)


def test_q6_the_statements_tell_one_story(drawn):
    """Q6: six statements, A to F, one of each kind, drawn from families of wordings (so
    answers cannot be shared by text: review finding 10); the brief shows them before
    questions 1 and 2, so no sentence names Brenn or depends on the case's numbers. Each
    is true or false whatever the learner decides, except the signed-letter claim, true
    exactly for a seller who signs: every learner has it (review 66 X1), those who should
    sign and those who should not, and it stands in each of the six places. The mentions
    speak of another customer or other takers, the inventions claim orders nobody placed;
    every alternative you would take beats the spot market; each sentence is in the
    story."""
    texts = {frozenset(s.statements.values()) for s in drawn[:300]}
    assert len(texts) >= 10
    signed = {True: 0, False: 0}
    places = set()
    for s in drawn[:300]:
        assert list(s.statements) == list("ABCDEFG")  # G since review 90 X2
        kinds = scenario.statement_kinds(s)
        assert set(kinds.values()) == set(scenario.STATEMENT_KINDS)
        places.add(next(i for i, kind in enumerate(kinds.values()) if kind == "signed"))
        worth = values(s)
        said = {kind: s.statements[letter] for letter, kind in kinds.items()}
        assert not any("Brenn" in text for text in said.values()), s.learner
        for mention in (said["mention"], said["signed"]):
            assert "another customer" in mention.lower() or "other takers" in mention
        assert "already" in said["invented"], s.learner
        signed[s.brenn_letter > max(worth.values())] += 1
        assert 0 < s.pilot_chance < 1
        assert max(*worth.values(), s.brenn_letter) > s.spot_profit
        assert all(text in s.story() for text in s.statements.values())
    assert signed[True] >= 10 and signed[False] >= 10
    assert places == set(range(6))


def test_q6_one_slip_costs_every_learner_the_same(drawn):
    """Q6 (review 66 X1): a right verdict counts only beside a right verdict of the other
    kind, so every case needs at least two statements of each verdict, or a learner with a
    single "say" who missed it scored 0 while others lost one share. Swept over every
    drawn learner: the verdicts (from first principles: say the calm mention, the answer
    to Marlow's need and the signed letter when signing pays; keep the rest) hold two or
    more of each, and each single slip costs exactly one statement's share (2/6 of a
    mark with six), whichever statement it is and whoever the learner."""
    for s in drawn:
        signs = s.brenn_letter > max(values(s).values())
        kinds = scenario.statement_kinds(s)
        key = {
            letter: "say"
            if kind in ("mention", "interest") or (kind == "signed" and signs)
            else "keep quiet"
            for letter, kind in kinds.items()
        }
        assert key == scenario.statement_key(s), s.learner
        counts = [list(key.values()).count(v) for v in scenario.VERDICTS]
        assert min(counts) >= 2, (s.learner, key)
        for slipped in key:
            flipped = "say" if key[slipped] == "keep quiet" else "keep quiet"
            answer = {**key, slipped: flipped}
            earned = 0.0
            for letter in key:
                try:
                    check.judge_statement(s, letter, answer)
                except check.NotYet:
                    continue
                earned += check.STATEMENT_POINTS
            assert earned == pytest.approx(2 - 2 / len(key)), (s.learner, slipped)
        assert check.STATEMENT_POINTS * len(key) == pytest.approx(2)


def test_the_brief_says_marlow_can_bridge_a_delivery_later_than_its_stock(drawn):
    """Some cases' openings deliver later than Marlow's stock lasts (8 weeks against 2):
    the brief says, next to the weeks, that Marlow can bridge such a gap at a cost."""
    late = 0
    for s in drawn[:300]:
        opening = scenario.opening_of(s)
        late += int(opening["delivery"].split()[0]) > s.their_weeks
        assert "bridge a gap in its stock by air freight" in s.story(), s.learner
    assert late


def test_q7_the_plan_has_steps_and_is_the_cheapest_path(drawn):
    """Q7: at least two steps; every package of the plan is on the frontier, gives Marlow
    more and you less than the one before, and is the cheapest way to give Marlow that
    many points above your reservation price (the notebook's claim); its last package
    gives Marlow fewer points than its higher reservation price exactly when no package
    suits both sides if Quell has capacity (the notebook's claim)."""
    for s in drawn[:500]:
        packages = every_package(s)
        points = [(you, them) for _, you, them in packages]
        plan = plan_points(s)
        floor = reservation(s)
        assert len(plan) >= 3, s.learner
        for before, after in itertools.pairwise(plan):
            assert after[0] < before[0] and after[1] > before[1]
        for you, them in plan:
            assert not dominated((you, them), points)
            assert you == max(y for y, t in points if t >= them and y >= floor)
        no_zone_with_quell = not any(y >= floor and t >= s.reservation_if_quell for y, t in points)
        assert (plan[-1][1] < s.reservation_if_quell) == no_zone_with_quell


def test_q7_the_draft_is_below_the_frontier_and_its_first_step_is_free(drawn):
    """Q7 also starts from a colleague's draft (review finding 9: 'create value first' was
    taught but never practised): the draft leaves you at least your reservation price, is
    beaten for both sides by some package, and the plan's first step from it costs you
    nothing and gives Marlow more; every later step is a real concession."""
    for s in drawn[:500]:
        draft = scenario.draft_of(s)
        points = [(you, them) for _, you, them in every_package(s)]
        start = (package_points(draft, s.yours), package_points(draft, s.theirs))
        assert start[0] >= reservation(s) and dominated(start, points), s.learner
        plan = [row[1:] for row in scenario.plan_of(s, draft)]
        assert plan[1][0] >= start[0] and plan[1][1] > start[1], s.learner
        for before, after in itertools.pairwise(plan[1:]):
            assert after[0] < before[0] and after[1] > before[1], s.learner


def test_q7_the_wide_draft_has_two_free_trades_that_give_marlow_different_points(drawn):
    """Q7's rule 1 takes, of the trades that cost you nothing, the one that gives Marlow
    most. From the first draft there is usually one such trade, so 'the step that leaves
    you most, free ones included' passed for most learners; the second draft has at least
    two, giving Marlow different points, and both readings part there
    (the rule's first step gives Marlow more than the other's). Swept over 2,000 learners
    when it was made, one (sweep-1842) had no such draft, so the check then tries the first
    draft only; 600 keep the suite fast."""
    for s in drawn[:600]:
        draft = scenario.wide_draft_of(s)
        assert draft is not None, s.learner
        start = (package_points(draft, s.yours), package_points(draft, s.theirs))
        frontier = [row[1:] for row in scenario.frontier_rows(s)]
        free = {them for you, them in frontier if you >= start[0] and them > start[1]}
        assert start[0] >= reservation(s) and len(free) >= 2, s.learner
        rule = scenario.plan_of(s, draft)[1][1:]
        cheapest = max((row for row in frontier if row[1] > start[1]), key=lambda row: row)
        assert rule[1] > cheapest[1] and rule[0] >= start[0], s.learner


def test_q7_misreading_rule_1_fails_from_the_wide_draft(drawn):
    """Question 7: the plan that always takes the step leaving you most, free trades
    included, passes from both drafts (review 75 X2, C2: it used to be refused from the
    second, by a ranking that added k€ to points); a plan that makes a step that costs
    you something while a free trade is open is refused with rule 1's hint; and every step
    of the course's plan from either draft lands on the frontier (section 5 says so)."""
    from tests.test_checks_capstone import _most_left_for_you

    refused = 0
    for s in drawn[:600]:
        floor = scenario.reservation_of(s)
        frontier = {row[1:] for row in scenario.frontier_rows(s)}
        for draft in (scenario.draft_of(s), scenario.wide_draft_of(s)):
            assert all(row[1:] in frontier for row in scenario.plan_of(s, draft)[1:])
            if draft is None:
                continue
            check.judge_plan(s, _most_left_for_you(s, draft, floor), draft, floor)
            plan = scenario.plan_of(s, draft)
            mine = package_points(draft, s.yours)
            costly = [r for r in plan[2:] if r[1] < mine]
            if costly:  # the draft's first step skipped: a step that costs, a free one open
                with pytest.raises(check.NotYet, match=r"costs you nothing and lands on the"):
                    check.judge_plan(s, [draft, costly[0][0]], draft, floor)
                refused += 1
    assert refused >= 100, refused


def test_list_terms_are_below_marlows_insult_line_in_both_states(drawn):
    """Section 4: the list terms give Marlow 0 points, its worst package, and the engine's
    insult line is a quarter of the way from there to Marlow's reservation price, above 0,
    in both Quell states."""
    from tests.test_engine_capstone import _bot

    listed = {issue: levels[0] for issue, levels in scenario.ISSUES.items()}
    for s in drawn[:600]:
        assert package_points(listed, s.theirs) == 0
        for walkaway in (s.reservation_if_not, s.reservation_if_quell):
            bot, worth = _bot(s, walkaway)
            assert min(worth) == 0 and bot.preferences.reservation == walkaway
            assert bot.insult_line == pytest.approx(0.25 * walkaway) and bot.insult_line > 0


def test_q1_and_q2_money_to_two_decimals_passes(drawn):
    """Question 1 says two decimals of k€ are enough, for it and question 2."""
    for s in drawn[:600]:
        name, value = scenario.batna_of(s)[:2]
        check.judge_batna(s, (name, round(value, 2)))
        check.judge_reservation(s, round(scenario.reservation_of(s), 2))


def test_q8_every_decision_comes_up_and_none_sits_on_the_line(drawn):
    """Q8 (review finding 8): the first package of the plan worth Marlow's higher
    reservation price lies within four steps for some learners, further for others, and
    beyond the plan for others again (each a real share: at least 3%, now that steps 5 and
    6 are redrawn, fourth review E8, and the price's €3 steps are equal, E4, which shortens
    plans); that package is worth at least
    that much by brute force, and the one before it less."""
    found = {"steps": 0, "jump": 0, "walk away": 0}
    for s in drawn[:1000]:  # brute-force plans: half the sweep keeps the file fast
        plan = plan_points(s)
        rich = [k for k, (_, them) in enumerate(plan) if them >= s.reservation_if_quell]
        decision = "walk away" if not rich else "steps" if rich[0] <= 4 else "jump"
        assert scenario.if_quell_of(s) == (decision, rich[0] if rich else None), s.learner
        found[decision] += 1
    assert all(count >= 30 for count in found.values()), found


def test_q8_never_sits_one_or_two_steps_past_the_four_step_line(drawn):
    """Q8's line is four steps (five answers, the first a hold). No drawn case puts the
    first package worth Marlow's higher reservation price at step 5 or 6, where counting
    the first answer as a step would decide the answer: it comes at step 4 or sooner, or 7
    or later."""
    for s in drawn[:1000]:  # brute-force plans, as above
        plan = plan_points(s)
        rich = [k for k, (_, them) in enumerate(plan) if them >= s.reservation_if_quell]
        assert not rich or rich[0] not in (5, 6), (s.learner, rich[0])


def _floor_in_a_state(s, package):
    """Whether Marlow's "can't give more" on ``package`` is true with Quell or without: the
    package gives it at least that state's reservation price, and its ladder (the bot's
    own) finds no one-level move that keeps it there (review 88 X1)."""
    from course.engine.bots import _Ladder
    from course.engine.domain import BUYER

    for walkaway in (s.reservation_if_quell, s.reservation_if_not):
        negotiation = scenario.contract_negotiation(s, walkaway, 8)
        marlow, index = negotiation.preferences[BUYER], negotiation.index_of(package)
        ladder = _Ladder(marlow)
        if marlow.utilities[index] >= walkaway - 1e-9 and ladder.at_floor(ladder.ranks(index)):
            return True
    return False


def test_q8_logs_hold_a_real_decision_at_every_reply(drawn):
    """Review 69, X1: question 8 is a move after each of Marlow's replies in a log drawn
    for the learner. Every log holds a hold and a next step and ends in an accept or a
    walk-away, each of which ends a real share of logs; no offer sits on a line of the
    rule (worth exactly the reservation price, or before the final offer the plan's next
    package, where a final offer above the reservation price is accepted either way); at
    each reply
    one move alone is right, except a final offer below the reservation price, where the
    check takes a walk-away or the plan's next step, and a second reply without a move,
    where it takes a hold or the next step (review 75 X3; Marlow's opening takes a hold
    alone since review 114 X1); and the
    log reads as Marlow would play it: its offers never move back, after "can't give
    more" only its final offer, the same package, follows, and the words are true in one
    state of Quell at least (review 88 X1)."""
    ends = {"accept": 0, "final below": 0, "accept before the final": 0}
    for s in drawn:
        plan = [row[0] for row in scenario.plan_of(s)]
        floor = scenario.reservation_of(s)
        log = scenario.table_log(s)
        key = scenario.right_moves(s, plan, floor, log)
        assert len(key) == len(log), s.learner
        moves = [moves[0] for moves, *_ in key]
        assert "hold" in moves and "next step" in moves, s.learner
        worth = [package_points(r["offer"], s.yours) for r in log]
        assert all(w >= v for v, w in itertools.pairwise(worth)), s.learner
        for (right, why, offer, _, following), said in zip(key, log, strict=True):
            lines = (floor,) if said["final"] else (floor, following)  # a final: either way
            assert offer not in lines, (s.learner, why)
            # review 75 X3: a hold or a small step at the opening and after two stalls
            # review 98 C1: or a hold once the package last sent reaches the target
            held = tuple(right) == ("next step", "hold")
            assert len(right) == 1 or held or why in ("final below", "opening", "stalled twice"), (
                s.learner,
                why,
            )
        limit = next(n for n, r in enumerate(log) if r["cant_give_more"])
        assert all(r["offer"] == log[limit]["offer"] for r in log[limit:]), s.learner
        # review 88 X1: the words are true in a state of Quell, by the bot's own test
        assert _floor_in_a_state(s, log[limit]["offer"]), s.learner
        assert len(log) - limit <= 2 and all(not r["final"] for r in log[:-1]), s.learner
        end = "accept before the final" if not log[-1]["final"] else moves[-1]
        end = "final below" if end in ("walk away", "next step") else end  # review 92 C1
        ends[end] += 1
    # review 102 C1: no drawn log ends before the final offer any more. Such an end needs an
    # offer worth at least the plan's next package to Tallis and, by section 6's bot, more
    # points to Marlow than Tallis's package on the table; on the smallest-step plan the next
    # package is the most profit among those giving Marlow more, so no package is both (bar
    # one worth exactly the next package, on the rule's line). The check's built logs
    # (``_fixed_logs``) still try that row of the rule.
    assert ends["accept before the final"] == 0, ends
    assert ends["accept"] >= len(drawn) // 20 and ends["final below"] >= len(drawn) // 20, ends


def _on_the_table(s, plan, log, follow=()):
    """Marlow's points for the package Tallis has on the table at each reply of ``log``,
    moving along ``plan`` by the course's moves (or ``follow``'s, where the rule allows)."""
    key = scenario.right_moves(s, plan, scenario.reservation_of(s), log, list(follow))
    at, found = 0, []
    for n, (moves, *_) in enumerate(key):
        found.append(package_points(plan[at], s.theirs))
        taken = follow[n] if n < len(follow) and follow[n] in moves else moves[0]
        at += taken == "next step"
    return found


def test_q8_every_reply_is_worth_more_to_marlow_than_the_package_on_the_table(drawn):
    """Review 102 C1: section 6 says the bot never turns a package down to offer one worth
    less to it, and in 914 of these 2,000 logs a reply gave Marlow no more points than the
    package Tallis had on the table (rv102-alice: 95 k€/53 points against Tallis's 105/66).
    Every reply now gives Marlow strictly more points than the package on the table, on
    the course's path, so no reply is dominated by it; and for all but a few learners
    (74 of 2,000) on the path that also steps at Marlow's opening."""
    ahead = 0
    for s in drawn:
        plan = [row[0] for row in scenario.plan_of(s)]
        log = scenario.table_log(s)
        given = [package_points(r["offer"], s.theirs) for r in log]
        tables = _on_the_table(s, plan, log)
        assert all(g > t for g, t in zip(given, tables, strict=True)), s.learner
        early = _on_the_table(s, plan, log, ("next step",))
        ahead += not all(g > t for g, t in zip(given, early, strict=False))
    assert ahead <= len(drawn) // 20, ahead


def test_the_price_row_keeps_the_briefs_arithmetic(drawn):
    """Fourth review, E4: the brief says Marlow would take 6,000 to 10,000 modules, so a
    €3 step on the price moves the profit by a few tens of k€: 18 to 30 k€, and 90 k€ at
    most from €48 to €39. For 56% of learners some step was worth more than 30 k€ (up to
    50), for others less than 18, and €48 was worth up to 100. Every step now keeps it."""
    story = drawn[0].story()
    assert "6,000 to 10,000 modules" in story and "a €3 step on the price" in story
    for s in drawn:
        row = [s.yours["price"][level] for level in ("€48", "€45", "€42", "€39")]
        steps = [high - low for high, low in itertools.pairwise(row)]
        assert all(6 * 3 <= step <= 10 * 3 for step in steps), (s.learner, row)
        assert row[0] - row[-1] <= 90 and row[-1] == 0, (s.learner, row)


def test_the_payment_row_is_a_factors_fee_the_brief_states(drawn):
    """The payment row costs 10 to 30 k€ from 30-day to 90-day payment, too much to be
    60 days' interest on these invoices (above 20% a year for most learners). The brief
    says what it is: a factor's fee that also insures a new customer short of stock, and
    states each learner's cost and what it is a month on the largest order's
    invoices (480 k€), which stays within 1% to 3.2%, what factors charge a small firm."""
    for s in drawn:
        cost = s.yours["payment"]["30 days"] - s.yours["payment"]["90 days"]
        rate = cost / (2 * 480)
        assert 0.01 <= rate <= 0.032, (s.learner, cost)
    for s in drawn[:300]:
        cost = s.yours["payment"]["30 days"] - s.yours["payment"]["90 days"]
        story = " ".join(s.story().split())
        assert "sell your invoices to a factor" in story, s.learner
        assert f"90-day payment costs you {cost:g} more than 30-day payment" in story
        assert f"{cost / 960:.1%} of the largest order's invoices a month" in story
        # review 68 U7: "mostly fixed" then a rate a month read as a contradiction; the
        # brief now says the fee includes credit insurance and spreads it over the months
        assert "mostly fixed" not in story
        assert "the factor also insures Marlow's credit, so its fee is well above" in story
        assert "Spread over the two extra months, that is" in story


def test_q4_a_weeks_gap_of_exactly_three_never_decides_power(drawn):
    """Fourth review, E8: weeks are whole, and for 12% of learners power was settled with
    the two sides' weeks exactly 3 apart while dependence pointed the same way. Such a
    draw is still redrawn, so that no learner's case changes (since the fifth review
    dependence alone settles it there); the other gaps of exactly 3 are kept. Since review
    59 the weeks sit in the alternatives row, which reads a deciding gap of exactly 3
    both ways (``alternatives_readings``)."""
    for s in drawn:
        depends = s.their_supply_share - s.your_sales_share
        waits = s.your_weeks - s.their_weeks
        if abs(depends) >= 0.10:
            assert not (waits == 3 and depends > 0), s.learner
            assert not (waits == -3 and depends < 0), s.learner


def test_the_numbers_are_plausible(drawn):
    """Profits rounded to 5 k€; the worst package earns nothing over costs; Marlow's best
    package is worth 100 points; the reservation price is below the best profit; every
    issue runs from best for Tallis to best for Marlow."""
    for s in drawn[:300]:
        assert all(v % 5 == 0 for levels in s.yours.values() for v in levels.values())
        worst = {issue: levels[-1] for issue, levels in s.issues.items()}
        assert package_points(worst, s.yours) == 0
        assert sum(max(levels.values()) for levels in s.theirs.values()) == 100
        assert reservation(s) < best_profit(s)
        for issue, levels in s.issues.items():
            mine = [s.yours[issue][level] for level in levels]
            theirs = [s.theirs[issue][level] for level in levels]
            assert mine == sorted(mine, reverse=True) and theirs == sorted(theirs)


def test_the_scenarios_shortcuts_agree_with_the_models(drawn):
    """The scenario lists packages, the frontier and the alternatives' values its own fast
    way: they are the models' numbers."""
    for s in drawn[:200]:
        rows = all_packages(s.yours, s.theirs)
        assert [tuple(r) for r in scenario.package_rows(s)] == [tuple(r) for r in rows]
        frontier = set(pareto_frontier([(you, them) for _, you, them in rows]))
        assert {(r[1], r[2]) for r in scenario.frontier_rows(s)} == frontier
        for name, value in scenario.alternative_values(s).items():
            assert value == pytest.approx(values(s)[name], abs=1e-9)
        assert scenario.reservation_of(s) == pytest.approx(reservation(s), abs=1e-9)
        assert [r[1:] for r in scenario.plan_of(s)] == plan_points(s)


# --- right answers pass: the reference and two independent formulations -------------------------


def batna_by_hand(s):
    brenn = s.brenn_chance * s.brenn_profit + (1 - s.brenn_chance) * s.spot_profit
    kessel = s.pilot_chance * (0.5 * s.kessel_full + 0.5 * s.kessel_half)
    kessel += (1 - s.pilot_chance) * s.spot_profit
    return ("Kessel", kessel) if kessel >= brenn else ("Brenn", brenn)


def batna_from_the_models(s):
    worth = values(s)
    name = sorted(worth, key=worth.get)[-1]
    return [name, round(worth[name], 6)]  # a list, and rounded: still right


def reservation_by_hand(s):
    return max(batna_by_hand(s)[1], s.brenn_letter) + s.audit_cost


def reservation_with_a_third_tree(s):
    options = {**trees(s), "letter": [(1.0, s.brenn_letter)]}
    return best_alternative(options)[1] + s.audit_cost


def beliefs_by_hand(s):
    quell = s.quell_prior * s.rush_if_quell
    none = (1 - s.quell_prior) * s.rush_if_not
    return {
        s.reservation_if_quell: quell / (quell + none),
        s.reservation_if_not: none / (quell + none),
    }


def beliefs_by_odds(s):
    odds = s.quell_prior / (1 - s.quell_prior) * s.rush_if_quell / s.rush_if_not
    # each chance rounded on its own to three decimals, as the question allows
    return {
        int(s.reservation_if_not): round(1 / (1 + odds), 3),
        int(s.reservation_if_quell): round(odds / (1 + odds), 3),
    }


def _holders(s):
    mine = (reservation(s) - s.audit_cost) / best_profit(s)  # the alternative, no audit
    gaps = [mine - r / 100 for r in (s.reservation_if_quell, s.reservation_if_not)]
    shares = (min(gaps) >= 0.05) - (max(gaps) <= -0.05)
    needs, waits = s.their_supply_share - s.your_sales_share, s.your_weeks - s.their_weeks
    # the shares and the weeks each vote +1 (you), -1 (Marlow) or 0 on the alternatives
    # row; votes against each other leave it open; power is dependence alone
    votes = {shares, int(waits >= 3)} - {0}  # Marlow's claimed weeks discounted (review 90 X1)
    alternatives = None if len(votes) != 1 else "you" if votes == {1} else "Marlow"
    power = "you" if needs >= 0.1 else "Marlow" if needs <= -0.1 else None
    return {"alternatives": alternatives, "power": power}


def audit_strong_views(s):
    yours, theirs = {"information": 5}, {"information": 8}  # Quell decides: Marlow ahead
    for source, side in _holders(s).items():
        yours[source], theirs[source] = {"you": (8, 2), "Marlow": (2, 8), None: (5, 6)}[side]
    return {
        "yours": yours,
        "theirs": theirs,
        "weights": {"information": 0.2, "alternatives": 0.5, "power": 0.3},
    }


def audit_mild_views(s):
    sides = _holders(s)
    rate = {"you": (6, 4), "Marlow": (4, 6), None: (5, 4)}
    return {
        "yours": {
            "information": 6,
            "alternatives": rate[sides["alternatives"]][0],
            "power": rate[sides["power"]][0],
        },
        "theirs": {
            "information": 5,
            "alternatives": rate[sides["alternatives"]][1],
            "power": rate[sides["power"]][1],
        },
        "weights": {"information": 1 / 3, "alternatives": 1 / 3, "power": 1 / 3},
    }


def conceded(s, package):
    """The issues on which ``package`` leaves Tallis's most profitable level."""
    return frozenset(
        i for i, level in package.items() if s.yours[i][level] < max(s.yours[i].values())
    )


def crossing(s, first, second):
    """Whether each package gives ground on an issue the other keeps at Tallis's best."""
    one, other = conceded(s, first), conceded(s, second)
    return bool(one - other) and bool(other - one)


def opening_by_brute_force(s):
    you, them = opening_point(s)
    packages = every_package(s)
    opening = next(p for p, y, t in packages if (y, t) == (you, them))
    partners = sorted(
        ((-t, p) for p, y, t in packages if y == you and t >= s.reservation_if_not),
        key=lambda found: found[0],
    )
    meso = [opening]
    for _, p in partners:
        if len(meso) < 3 and p != opening and all(crossing(s, p, q) for q in meso):
            meso.append(p)
    return meso


def opening_from_the_frontier(s):
    packages = all_packages(s.yours, s.theirs)
    frontier = pareto_frontier([(you, them) for _, you, them in packages])
    floor = reservation(s)
    you, them = max(p for p in frontier if p[1] >= s.reservation_if_not and p[0] >= floor)
    opening = next(p for p, y, t in packages if (y, t) == (you, them))
    partner = next(
        p
        for p, y, t in packages
        if y == you and t >= s.reservation_if_not and crossing(s, p, opening)
    )
    return (opening, partner)


def one_step_beyond_point(s):
    """(profit, points) of the next package along the Pareto frontier past the opening at
    the estimate (more profit, fewer points than Marlow's lower reservation price), when
    it is at least a quarter of Marlow's higher reservation price (section 4's insult line
    in either state); else ``None``."""
    points = {(you, them) for _, you, them in every_package(s)}
    frontier = [p for p in points if not dominated(p, points)]
    you, _ = opening_point(s)
    further = sorted(p for p in frontier if p[0] > you)
    if not further or further[0][1] < 0.25 * s.reservation_if_quell:
        return None
    return further[0]


def opening_one_step_beyond(s):
    """Opens one frontier step beyond the estimate wherever that step exists, signed letter
    or not (room for the counter-offer: review 73 E1), with a partner (same profit, not
    refused out of hand, crossing) where a package of that worth has one, else alone; at
    the estimate otherwise."""
    beyond = one_step_beyond_point(s)
    packages = every_package(s)
    if beyond is not None:
        ties = [p for p, y, t in packages if (y, t) == beyond]
        for p in ties:
            partners = [
                q
                for q, qy, qt in packages
                if qy == beyond[0] and qt >= 0.25 * s.reservation_if_quell and crossing(s, q, p)
            ]
            if partners:
                return [p, partners[0]]
        return [ties[0]]
    return opening_from_the_frontier(s)


def say_by_words(s):
    signs = s.brenn_letter > max(values(s).values())
    quiet = ("by Friday", "this week, or", "has already", "We know", "n confidence")  # G: review 90
    return {
        letter: "keep quiet"
        if any(w in text for w in quiet) or ("signed" in text and not signs)
        else "say"
        for letter, text in s.statements.items()
    }


def say_by_facts(s):
    """A sentence is said when it is true and no threat: it answers the rush request, or it
    mentions another customer's interest (or a signature you hold) without a deadline."""
    signs = reservation(s) - s.audit_cost == s.brenn_letter  # question 2 signs the letter
    verdicts = {}
    for letter, text in s.statements.items():
        answers_rush = text.startswith("You asked for")
        ultimatum = "Friday" in text or "Sign this week" in text
        mention = ("customer" in text or "takers" in text) and "order" not in text
        true = signs or "signed" not in text
        calm_mention = mention and not ultimatum and true
        verdicts[letter] = "SAY" if answers_rush or calm_mention else "Keep_Quiet"
    return verdicts


def plan_step_by_step(s, opening, floor):
    packages = every_package(s)
    current = (package_points(opening, s.yours), package_points(opening, s.theirs))
    plan = [opening]
    while True:
        free = [(t, y, p) for p, y, t in packages if t > current[1] and y >= current[0]]
        if free:  # a trade that costs nothing: the most for Marlow, then for you
            t, y, package = max(free, key=lambda step: step[:2])
        else:
            steps = [
                (y, t, p) for p, y, t in packages if t > current[1] and floor <= y < current[0]
            ]
            if not steps:
                return plan
            y, t, package = max(steps, key=lambda step: step[:2])
        plan.append(package)
        current = (y, t)


def plan_from_the_sorted_frontier(s, opening, floor):
    """The frontier sorted by your profit, from the start down to the floor: its points
    already give Marlow more at every step. From a draft below the frontier, the start is
    the frontier point that leaves you at least the draft's profit and gives Marlow most
    (the frontier's cheapest point at or above that profit)."""
    packages = every_package(s)
    frontier = pareto_frontier([(you, them) for _, you, them in packages])
    start = (package_points(opening, s.yours), package_points(opening, s.theirs))
    plan = [opening]
    above = [p for p in frontier if p[0] >= start[0] and p[1] > start[1]]
    if above:
        start = min(above)
        plan.append(next(p for p, y, t in packages if (y, t) == start))
    for you, them in sorted(frontier, reverse=True):
        if floor <= you < start[0]:
            plan.append(next(p for p, y, t in packages if (y, t) == (you, them)))
    return plan


def _shrinking_targets(s, frontier, start, first, floor):
    """Section 5's targets for a plan from ``start`` whose first frontier point is ``first``:
    in each state with a zone the plan has not passed, the frontier profit Marlow accepts
    then that is nearest the half-way point of the zone, at or above it (review 110 C1)."""
    targets = set()
    for need in (s.reservation_if_not, s.reservation_if_quell):
        top = max((you for you, them in frontier if them >= need), default=None)
        if top is None or top <= floor:
            continue
        middle = (floor + top) / 2
        if start[0] < middle:
            continue  # the plan starts past this state's target
        found = [you for you, them in frontier if them >= need and middle <= you <= first[0]]
        if start[1] >= need:
            found.append(start[0])
        if found:
            targets.add(min(found))
    return targets


def plan_in_shrinking_steps(s, opening, floor, rank=None):
    """Question 7 by a forward search (review 110 C1): every walk down the frontier whose
    steps never cost more than the one before, kept per (point, last cost) with the most
    targets passed so far; the plan is the best walk that reaches the end. From a draft,
    ``rank`` (a row ``(package, yours, theirs)`` to a sort key) picks the free trade made
    first; without it, any free trade may be."""
    packages = every_package(s)
    frontier = sorted(pareto_frontier([(you, them) for _, you, them in packages]), reverse=True)
    start = (package_points(opening, s.yours), package_points(opening, s.theirs))
    firsts = [start]
    if start not in frontier:  # a draft: the first step is a free trade (rule 1)
        firsts = [p for p in frontier if p[0] >= max(start[0], floor) and p[1] > start[1]]
        if firsts and rank is not None:
            rows = [(p, y, t) for p, y, t in packages if (y, t) in firsts]
            firsts = [max(rows, key=rank)[1:]]
    if not firsts:
        return [opening]
    best = None
    for first in firsts:
        targets = _shrinking_targets(s, frontier, start, first, floor)
        down = [p for p in frontier if floor <= p[0] < first[0] and p[1] > first[1]]
        states = {(first, math.inf): (int(first[0] in targets), [first])}
        finished = []
        while states:
            following = {}
            for (at, cap), (hits, path) in states.items():
                steps = [p for p in down if p[1] > at[1] and at[0] - p[0] <= cap]
                if not steps:
                    finished.append((hits, path))
                for p in steps:
                    key = (p, at[0] - p[0])
                    value = (hits + (p[0] in targets), [*path, p])
                    if key not in following or value[0] > following[key][0]:
                        following[key] = value
            states = following
        end = max((p for p in frontier if p[0] >= floor), key=lambda p: p[1], default=first)
        ends = [way for way in finished if way[1][-1] == end]
        if ends:
            way = max(ends, key=lambda way: way[0])
            if best is None or way[0] > best[0]:
                best = way
    points = best[1][1:] if start in frontier else best[1]
    by_worth = {(y, t): p for p, y, t in packages}
    return [opening] + [by_worth[p] for p in points]


def plan_by_every_walk(s, opening, floor):
    """Question 7 by brute force (review 110 C1): every walk down the frontier to its end in
    steps that never cost more than the one before, enumerated depth first; the plan is one
    that passes the most targets."""
    packages = every_package(s)
    frontier = sorted(pareto_frontier([(you, them) for _, you, them in packages]), reverse=True)
    start = (package_points(opening, s.yours), package_points(opening, s.theirs))
    firsts = [start]
    if start not in frontier:  # a draft: first a free trade, any that lands on the frontier
        firsts = [p for p in frontier if p[0] >= max(start[0], floor) and p[1] > start[1]]
    walks = []

    def walk(path, cap):
        steps = [p for p in frontier if floor <= p[0] < path[-1][0] and p[1] > path[-1][1]]
        steps = [p for p in steps if path[-1][0] - p[0] <= cap]
        if not steps:
            walks.append(path)
        for p in steps:
            walk([*path, p], path[-1][0] - p[0])

    for first in firsts:
        walk([first], math.inf)
    if not walks:
        return [opening]
    reach = max(w[-1][1] for w in walks)
    chosen = max(
        (w for w in walks if w[-1][1] == reach),
        key=lambda w: len(_shrinking_targets(s, frontier, start, w[0], floor) & {p[0] for p in w}),
    )
    by_worth = {(y, t): p for p, y, t in packages}
    points = chosen[1:] if start in frontier else chosen
    return [opening] + [by_worth[p] for p in points]


def moves_by_counting_quiet_replies(s, plan, reservation, log):
    """Question 8 from the list of Marlow's profits, with whether each reply moved kept in
    a list since the last step, and its moves in capitals."""
    worth = [sum(s.yours[i][level] for i, level in r["offer"].items()) for r in log]
    steps = [sum(s.yours[i][level] for i, level in p.items()) for p in plan]
    moves, at, moved, granted = [], 0, [], False
    for n, reply in enumerate(log):
        nxt = steps[at + 1] if at + 1 < len(steps) else None
        if reply["final"]:
            moves.append("ACCEPT" if worth[n] >= reservation else "Walk Away")
            break
        if worth[n] >= (steps[at] if nxt is None else nxt):  # review 73 X2: none left
            moves.append("Accept")
            break
        if n:  # review 104 C1: a move gives you at least what your next step costs (review
            half = (steps[at] - nxt) if nxt is not None else 0  # 106 E2: no longer half
            moved.append(worth[n] > worth[n - 1] and worth[n] - worth[n - 1] >= half)
            granted = granted and not moved[-1]  # review 77 C2: one step until a move
        quiet = len(moved) >= 2 and not any(moved[-2:]) and not granted
        if n and nxt is not None and (moved[-1] or quiet or reply["cant_give_more"]):
            moves.append("NEXT-STEP")
            granted = granted or not (moved[-1] or reply["cant_give_more"])
            at, moved = at + 1, []
        else:
            moves.append("HOLD")
    return moves


def moves_from_the_rows_in_turn(s, plan, reservation, log):
    """Question 8 as a table of rows tried in turn, and a step offered at a final offer
    below the reservation price when the plan has one left (section 5 allows it)."""
    moves, at, quiet, before, granted = [], 0, 0, None, False
    for reply in log:
        worth = package_points(reply["offer"], s.yours)
        nxt = package_points(plan[at + 1], s.yours) if at + 1 < len(plan) else None
        # review 104 C1: a move smaller than your next step counts as none (review 106 E2)
        half = (package_points(plan[at], s.yours) - nxt) if nxt is not None else 0
        moved = before is not None and worth > before and worth - before >= half
        quiet += before is not None and not moved
        granted = granted and not moved  # review 77 C2
        rows = [
            (reply["final"] and worth >= reservation, "accept"),
            (reply["final"] and nxt is not None, "next_step"),
            (reply["final"], "walk_away"),
            (nxt is not None and worth >= nxt, "accept"),
            (nxt is None and worth >= package_points(plan[at], s.yours), "accept"),
            (before is None or nxt is None, "hold"),
            (moved, "next_step"),
            (reply["cant_give_more"], "next_step"),
            (quiet >= 2 and not granted, "next_step"),
            (True, "hold"),
        ]
        move = next(move for applies, move in rows if applies)
        moves.append(move)
        if move in ("accept", "walk_away") or reply["final"]:
            break
        if move == "next_step":
            granted = granted or (quiet >= 2 and not reply["cant_give_more"] and not moved)
            at, quiet = at + 1, 0
        before = worth
    return moves


ALTERNATIVES = {
    "my_batna": (batna_by_hand, batna_from_the_models),
    "my_reservation": (reservation_by_hand, reservation_with_a_third_tree),
    "marlow_beliefs": (beliefs_by_hand, beliefs_by_odds),
    "my_audit": (audit_strong_views, audit_mild_views),
    # review 90 C1: opening_one_step_beyond is no longer a right formulation
    "opening_offer": (opening_by_brute_force, opening_from_the_frontier),
    "what_to_say": (say_by_words, say_by_facts),
    # review 110 C1: the smallest steps (plan_step_by_step, plan_from_the_sorted_frontier) are
    # no longer a right formulation; these two concede in steps that shrink, to the end
    "concession_plan": (plan_in_shrinking_steps, plan_by_every_walk),
    "table_moves": (moves_by_counting_quiet_replies, moves_from_the_rows_in_turn),
}

#: What each question's check decides about one case's result.
JUDGES = {
    "my_batna": (check.judge_batna,),
    "my_reservation": (check.judge_reservation,),
    "marlow_beliefs": (check.judge_beliefs,),
    "my_audit": (check.judge_audit,),
    "opening_offer": (check.judge_opening, check.judge_meso),
}


@pytest.fixture(scope="module")
def reference():
    """The source notebook's solutions (run as the first swept learner)."""
    with learner_as(LEARNERS[0]):
        return solution_namespace(MODULE, "capstone")


def test_every_right_formulation_is_judged_right_for_every_learner(drawn, reference):
    """The checks' verdict on every swept learner's case, for the reference and both
    alternatives: each is right (the judges raise NotYet otherwise)."""
    for s in drawn:
        for question, judges in JUDGES.items():
            for answer in (reference[question], *ALTERNATIVES[question]):
                result = answer(s)
                for judge in judges:
                    judge(s, result)
        for answer in (reference["what_to_say"], *ALTERNATIVES["what_to_say"]):
            verdicts = {k.upper(): v for k, v in answer(s).items()}
            for letter in s.statements:
                check.judge_statement(s, letter, verdicts)
        plan = [row[0] for row in scenario.plan_of(s)]
        floor = scenario.reservation_of(s)
        logs = [(plan, floor, scenario.table_log(s))] + [row[1:] for row in check._fixed_logs(s)]
        for answer in (reference["table_moves"], *ALTERNATIVES["table_moves"]):
            for given, reservation, log in logs:
                check.judge_table_moves(
                    s, answer(s, given, reservation, log), given, reservation, log
                )
        floor = scenario.reservation_of(s)
        for start in (scenario.opening_of(s), scenario.draft_of(s)):
            for answer in (reference["concession_plan"], *ALTERNATIVES["concession_plan"]):
                check.judge_plan(s, answer(s, dict(start), floor), start, floor)


def test_the_visible_checks_pass_them_as_the_learner_runs_them(drawn, reference, monkeypatch):
    """The same through the checks as a notebook calls them, on a sample of learners."""
    for s in drawn[::100]:
        monkeypatch.setenv("LEVERAGE_LEARNER", s.learner)
        for question, alternatives in ALTERNATIVES.items():
            for answer in (reference[question], *alternatives):
                assert passes(run(check, question, answer)), (s.learner, question, answer.__name__)


@pytest.mark.parametrize("question", HIDDEN)
def test_every_right_formulation_passes_the_hidden_check(reference, question, learner):
    for answer in (reference[question], *ALTERNATIVES[question]):
        assert passes(run(check, question, answer, hidden=True)), answer.__name__


#: Question 2's blind answers: a fixed decision on the letter, or a comparison that leaves
#: out Kessel (which signing also gives up) or compares with the worse alternative.
BLIND_RESERVATIONS = {
    "always sign": lambda s: s.brenn_letter + s.audit_cost,
    "never sign": lambda s: scenario.batna_of(s)[1] + s.audit_cost,
    "forgets Kessel": lambda s: (
        (
            s.brenn_letter
            if s.brenn_letter > scenario.alternative_values(s)["Brenn"]
            else scenario.batna_of(s)[1]
        )
        + s.audit_cost
    ),
    "beats the worse alternative": lambda s: (
        (
            s.brenn_letter
            if s.brenn_letter > min(scenario.alternative_values(s).values())
            else scenario.batna_of(s)[1]
        )
        + s.audit_cost
    ),
}


def _judged_right(case, answer):
    try:
        check.judge_reservation(case, answer(case))
    except check.NotYet:
        return False
    return True


@pytest.mark.parametrize("blind", list(BLIND_RESERVATIONS))
def test_a_blind_letter_decision_earns_no_mark(drawn, blind):
    """Question 2 no longer states the signing rule, so the learner decides. An answer that
    does not decide on its own case (always sign, never sign) or decides on the wrong
    comparison passes the visible check only where it happens to agree with the case, and
    grading (the hidden learners) fails it for every learner. Over 1,000 learners the own
    case signs for 300: always sign passes visibly for 300, never sign for 700."""
    answer = BLIND_RESERVATIONS[blind]
    hidden = [course.variant(MODULE, learner) for learner in check.HIDDEN_LEARNERS]
    assert not all(_judged_right(h, answer) for h in hidden), blind
    visible = sum(_judged_right(s, answer) for s in drawn) / len(drawn)
    assert visible < 0.9, (blind, visible)
    signs = sum(scenario.signs_letter(s) for s in drawn) / len(drawn)
    assert 0.2 < signs < 0.45, signs  # both decisions are common: neither is a safe guess


def test_the_hidden_learners_give_every_answer_a_check_can_expect():
    """Hidden tests prove nothing if every hidden learner has the same answer."""
    hidden = [course.variant(MODULE, learner) for learner in check.HIDDEN_LEARNERS]
    assert {batna_by_hand(s)[0] for s in hidden} == {"Brenn", "Kessel"}
    assert {s.brenn_letter > max(values(s).values()) for s in hidden} == {True, False}
    assert len({opening_point(s) for s in hidden}) == len(hidden)


# --- every question can be started from its own text --------------------------------------------

#: The markdown cell that asks each question.
QUESTION_TEXT = {
    "my_batna": "q1-text",
    "my_reservation": "q2-text",
    "marlow_beliefs": "q3-text",
    "my_audit": "q4-text",
    "opening_offer": "q5-text",
    "what_to_say": "q6-text",
    "concession_plan": "q7-text",
    "table_moves": "q8-text",
}

#: Earlier answers a reference calls, each named in the question's text by its call, and
#: the course's value for it (so that the fields it reads are not counted here).
EARLIER = {
    "my_batna": ("my_batna(s)", scenario.batna_of),
    "my_reservation": ("my_reservation(s)", scenario.reservation_of),
}


@pytest.mark.parametrize("question", list(QUESTION_TEXT))
def test_every_field_the_reference_reads_is_named_in_the_question(drawn, reference, question):
    """Fields read through an earlier answer the reference calls belong to that earlier
    question; this question's text must name the call instead."""
    text = cell_text(MODULE, "capstone", QUESTION_TEXT[question])
    for s in drawn[:20]:
        recording, called = Recording(s), set()
        saved = {name: reference[name] for name in EARLIER if name != question}
        for name in saved:
            reference[name] = lambda _, n=name, c=called, s=s: c.add(n) or EARLIER[n][1](s)
        try:
            if question == "concession_plan":
                reference[question](recording, scenario.opening_of(s), scenario.reservation_of(s))
            elif question == "table_moves":
                plan = [row[0] for row in scenario.plan_of(s)]
                floor = scenario.reservation_of(s)
                reference[question](recording, plan, floor, scenario.table_log(s))
            else:
                reference[question](recording)
        finally:
            reference.update(saved)
        assert recording.read, question
        for field in recording.read:
            assert f"`s.{field}`" in text, (question, field)
        for name in called:
            assert f"`{EARLIER[name][0]}`" in text, (question, name)


def test_the_story_names_every_field_a_question_reads(drawn):
    story = drawn[0].story()
    for field in (
        "brenn_chance",
        "brenn_profit",
        "spot_profit",
        "pilot_chance",
        "kessel_full",
        "kessel_half",
        "brenn_letter",
        "audit_cost",
        "quell_prior",
        "rush_if_quell",
        "rush_if_not",
        "reservation_if_quell",
        "reservation_if_not",
        "their_supply_share",
        "your_sales_share",
        "their_weeks",
        "your_weeks",
        "statements",
        "issues",
        "yours",
        "theirs",
    ):
        assert f"`s.{field}`" in story, field


def test_numbers_shown_in_the_story_are_the_cases(drawn):
    for s in drawn[:50]:
        story = s.story()
        for amount in (s.brenn_profit, s.spot_profit, s.brenn_letter, s.audit_cost):
            assert f"{amount:g}" in story
        assert f"{s.their_supply_share:.0%}" in story and f"{s.your_weeks} weeks" in story
        assert math.isfinite(scenario.quell_posterior(s))


# --- sixth review: claims of the text, over every drawn learner ------------------------------


def test_most_plans_take_a_term_back_and_volume_and_delivery_both_come_back(drawn):
    """Sixth review, E4: section 5 says that in most plans some step takes back ground
    given on an issue earlier (in the opening or a step), volume or delivery among them."""
    back, issues = 0, set()
    for s in drawn:
        plan = [row[0] for row in scenario.plan_of(s)]
        for issue, levels in s.issues.items():
            at = [levels.index(package[issue]) for package in plan]
            if any(later < earlier for earlier, later in itertools.pairwise(at)):
                issues.add(issue)
                back += 1
                break
    assert back > len(drawn) / 2
    assert {"volume", "delivery"} <= issues


def test_meso_partners_give_marlow_no_more_and_mostly_fewer_points(drawn):
    """Sixth review, C1: section 4 says the opening has the most points for Marlow among
    the packages with its profit, so in most cases every partner gives Marlow fewer."""
    fewer = 0
    for s in drawn:
        top = package_points(scenario.opening_of(s), s.theirs)
        points = [row[2] for row in scenario.meso_partners(s)]
        assert points and max(points) <= top
        fewer += max(points) < top
    assert fewer > len(drawn) / 2


def test_every_plan_concedes_below_the_opening_so_the_ultimatum_is_a_bluff(drawn):
    """Course convention: the ultimatum of 'What to say' is a bluff because the plan
    concedes below them; its first step leaves less profit than the opening, for every
    learner."""
    for s in drawn:
        rows = scenario.plan_of(s)
        assert len(rows) >= 2 and rows[1][1] < rows[0][1], s.learner


def test_question_6_formulations_pass_the_graded_check_on_their_own_case(
    drawn, reference, monkeypatch
):
    """Question 6 is marked on the learner's own case by its hidden check (the visible one
    looks only at the form): the reference and both formulations earn full marks there."""
    for s in drawn[::100]:
        monkeypatch.setenv("LEVERAGE_LEARNER", s.learner)
        for answer in (reference["what_to_say"], *ALTERNATIVES["what_to_say"]):
            assert passes(run(check, "what_to_say", answer, hidden=True)), s.learner


def test_your_list_terms_give_marlow_no_points(drawn):
    """Section 4 says your list terms (each issue's first level: €48, 10k units, 8 weeks,
    30 days) give Marlow 0 points: true for each of 600 learners, by the points table."""
    for s in drawn[:600]:
        list_terms = {issue: levels[0] for issue, levels in s.issues.items()}
        assert list(list_terms.values()) == ["€48", "10k units", "8 weeks", "30 days"]
        assert package_points(list_terms, s.theirs) == 0, s.learner


def target_by_hand(s, plan, quell):
    """Module 02's target for one state of Quell, from first principles: the zone runs from
    the reservation price up to the best profit among all packages that give Marlow its
    reservation price for that state; the target is the planned package, of those Marlow
    accepts then, with the least profit at or above the zone's middle."""
    need = s.reservation_if_quell if quell else s.reservation_if_not
    floor = reservation(s)
    top = max((y for _, y, t in every_package(s) if t >= need), default=None)
    if top is None or top <= floor:
        return None
    worths = [(package_points(p, s.yours), package_points(p, s.theirs)) for p in plan]
    above = [y for y, t in worths if t >= need and y >= (floor + top) / 2]
    return min(above, default=None)


def test_the_tables_targets_follow_module_02_in_both_states_whatever_the_opening(drawn):
    """Review 68 C1, C2: the table's target with Quell was the first package that gives
    Marlow its higher reservation price (the whole zone for you), and its even split was
    measured to the opening, so a step beyond raised the target. Both states now take
    module 02's even split of the zone up to the estimate; for every swept learner the
    table's targets match the brute force, lie between the even split and the estimate,
    and a signer's step-beyond opening leaves them where the estimate's opening puts them.
    Failed on the old widget (0 of 2,000 changed without Quell on the course's plan; 420
    of the 1,150 with a Quell package did, and 314 of 620 step-beyond signers')."""
    from course.widgets.capstone import target_in_state

    changed = beyond_plans = 0
    for s in drawn:
        floor = reservation(s)
        plan = plan_step_by_step(s, opening_from_the_frontier(s)[0], floor)
        plans = [plan]
        beyond = one_step_beyond_point(s)
        if beyond is not None and s.brenn_letter > max(values(s).values()):
            first = next(p for p, y, t in every_package(s) if (y, t) == beyond)
            plans.append(plan_step_by_step(s, first, floor))
            beyond_plans += 1
        for quell in (False, True):
            found = [target_in_state(s, steps, floor, quell) for steps in plans]
            expected = target_by_hand(s, plan, quell)
            assert [f["target"] for f in found] == [expected] * len(plans), s.learner
            if expected is not None:
                assert found[0]["even"] <= expected <= found[0]["estimate"], s.learner
            first_enough = next(
                (
                    package_points(p, s.yours)
                    for p in plan
                    if package_points(p, s.theirs) >= s.reservation_if_quell
                ),
                None,
            )
            old = first_enough if first_enough is not None and first_enough > floor else None
            changed += quell and expected != old
    assert beyond_plans >= 500, beyond_plans
    assert changed >= 300, changed  # 420 of 2,000 when written
