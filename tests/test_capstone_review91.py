"""Review 91 of module 05: C1 (Marlow's opening earns a step only at this table, and the
box says why), X1 (question 8's logs open only where the table's bot could), C2 (how the
MESO departs from module 04's), U1 (the claimed weeks are set aside), U2 (Marlow's aim
starts at its opening) and M1 (the step beyond's tit-for-tat deals). Each test failed on
the text or code before review 91."""

import random
import statistics
from pathlib import Path

import pytest

import course
from course.checks import capstone as check
from course.checks.hints import NotYet
from course.engine.bots import STYLES as SETTINGS
from course.engine.bots import TRUST_START, make_bot
from course.engine.capstone import ROUNDS, STYLES, Table
from course.engine.domain import BUYER
from course.models.concessions import package_points, pareto_frontier
from course.scenarios import capstone as scenario
from tests.sweeps import run as run_check
from tests.test_capstone_review90b import _cell
from tests.test_engine_capstone import STEP_BEYOND_SAMPLES, step_beyond_pairs
from tests.test_review81_capstone import _audit

MODULE_04 = Path(__file__).resolve().parents[1] / "source" / "04_concessions" / "concessions.py"


def _cases(n, prefix="rv91"):
    return [course.variant("05_capstone", f"{prefix}-{i}") for i in range(n)]


def _first_answers(cases):
    """Marlow's first answer to the course's opening, at a first meeting, for every style
    and both states of Quell: (case, reservation, Marlow's points on its answer)."""
    found = []
    for n, case in enumerate(cases):
        opening = scenario.plan_of(case)[0][0]
        for walkaway in (case.reservation_if_quell, case.reservation_if_not):
            for style in STYLES:
                negotiation = scenario.contract_negotiation(case, walkaway, ROUNDS)
                table = Table(negotiation, style, rng=random.Random(n))
                table.session.offer(opening)
                if table.session.bot_offer is not None:
                    points = package_points(table.session.bot_offer, case.theirs)
                    found.append((case, walkaway, points))
    return found


# --- C1: Marlow's opening is a move at this table, and the box says why ------------------------


def test_c1_the_allowance_for_marlows_opening_sits_in_the_box_with_its_reason():
    """The rule said 'As in module 04, concede only in answer to a move of theirs' and then
    counted Marlow's opening as a move, though module 04 holds at an opening. The box of
    departures now says why this table differs: Marlow's opening always gives up ground,
    about two fifths of the way from its best package to its reservation price at a first
    meeting (checked on the engine below), while a person's opening at their ideal terms
    gives up nothing."""
    plan = _cell("plan-teaching")
    assert "As in module 04" not in plan
    assert "Marlow's opening is a serious counter-offer" not in plan
    # review 96 U1: the reason stays in the rule; the box, now in the appendix, adds how
    # far the opening moves and what a person's opening means
    # review 110 C4 (round 111): one reading, a person's
    assert "Marlow's opening is a position, not yet a concession: hold." in " ".join(plan.split())
    about = " ".join(_cell("about-the-bot").split())
    box = about.split("**Where this table departs from module 04.**")[1]
    # review 102 E2: "about two fifths" was the top style's share; the engine gives 0.30 to
    # 0.40 by style (tests/test_capstone_review102b.py)
    # review 106 C2 (round 107): what a person's opening means moved into section 5's row
    # review 108 E1 (round 109): the measured first answers (tests/test_capstone_review109.py)
    assert box.startswith(
        " At a first meeting, Marlow's opening (answering question 5's) gives up 0.19 to 0.55 "
        "of the way to its reservation price; section 5 still reads it as a person's: a "
        "position."
    )
    module_04 = MODULE_04.read_text()
    assert "its opening is not a concession" in module_04  # the rule the box departs from
    # review 106 C2: a person's opening gets a hold; review 110 C4 (round 111): one reading,
    # a position, so the row is a hold alone, with no "next step (at this table only)"
    assert "| its opening | hold (an opening is a position, not yet a concession) |" in (
        " ".join(plan.split())
    )
    assert "or your next step (at this table only)" not in " ".join(plan.split())


def test_c1_marlows_first_answer_always_gives_up_about_two_fifths_of_its_room():
    """The box's claim, on the engine: over 60 cases, every style and both states, Marlow's
    first answer to the course's opening gives up some of its room (best points less its
    reservation price), about two fifths on average (0.35 to 0.45), at the start trust."""
    shares = []
    for case, walkaway, points in _first_answers(_cases(60)):
        best = scenario.best_points(case)
        shares.append((best - points) / (best - walkaway))
    assert len(shares) >= 400
    assert min(shares) > 0
    assert 0.35 <= statistics.mean(shares) <= 0.45, statistics.mean(shares)
    for name, (_, settings) in SETTINGS.items():  # κ at the start trust: about a third
        assert 0.3 <= settings["kappa"] * (0.5 + TRUST_START) <= 0.4, name


# --- X1: question 8's logs open only where the bot could -------------------------------------


def _gives_up_at_least_kappa(case, package):
    kappa = min(s["kappa"] for _, s in SETTINGS.values()) * (0.5 + TRUST_START)
    best = scenario.best_points(case)
    points = package_points(package, case.theirs)
    return best - points >= kappa * (best - case.reservation_if_quell) - 1e-9


def test_x1_no_log_opens_with_marlows_best_package_and_every_offer_could_be_the_bots():
    """72 of 300 logs opened with Marlow's best package (worth 0 k€ to you), which the
    table's bot never offers. Now every offer in a log gives up at least κ of Marlow's room
    (κ at the start trust, for the style that gives up least, Quell with capacity), except
    in the few cases where no frontier package below your reservation price does: there the
    log's offers are the one that gives Marlow fewest points. The bot's own first answers
    never give Marlow its best package either."""
    zero = fallback = 0
    for case in _cases(300, "learner"):
        log = scenario.table_log(case)
        first = log[0]["offer"]
        zero += package_points(first, case.yours) == 0
        if all(_gives_up_at_least_kappa(case, r["offer"]) for r in log):
            continue
        fallback += 1
        below = scenario.offers_below(case)
        assert not any(_gives_up_at_least_kappa(case, row[0]) for row in below), case.learner
        assert first == below[-1][0], case.learner
    assert zero == 0
    assert fallback <= 3, fallback
    for case, _, points in _first_answers(_cases(30)):
        assert points < scenario.best_points(case)


def test_x1_the_course_answers_still_pass_on_the_new_logs():
    """Marks unchanged for right answers: the course's moves pass question 8's check on
    the new logs, and a hold at Marlow's opening is still right (review 114 X1: the step
    there no longer is; section 5 reads the opening as a position)."""
    for case in _cases(40, "learner"):
        plan = [row[0] for row in scenario.plan_of(case)]
        floor = scenario.reservation_of(case)
        log = scenario.table_log(case)
        key = scenario.right_moves(case, plan, floor, log)
        assert key[0][1] == "opening" and key[0][0] == ("hold",)  # review 114 X1
        check.judge_table_moves(case, scenario.table_moves_of(case), plan, floor, log, None)


# --- C2: the MESO's partners against module 04's sets ----------------------------------------


def test_c2_section_4_says_how_these_partners_depart_from_module_04s_sets():
    """Module 04's sets are frontier packages within 5 points of each other; here the
    partners are worth exactly the opening and mostly lie below the frontier, so by the
    research Marlow should prefer the opening. The text said nothing of it."""
    # review 97 U1: the comparison with module 04 moved to the appendix
    text = " ".join(_cell("about-the-bot").split())
    # review 102 (cuts for U2's tables): the comparison with module 04's sets is said once,
    # in question 5 ("Module 04's sets were looser: within 5 points")
    assert (
        "Question 5's MESO partners are worth exactly the opening and usually lie just below "
        "the frontier: by your research Marlow should prefer the opening."
    ) in text
    assert "Module 04's sets were looser: within 5 points" in " ".join(_cell("q5-text").split())
    assert (
        "so the pick tests that research: if Marlow sincerely picks a partner your research "
        "scores lower than the opening, your research misweighs the issues."
        in " ".join(_cell("opening-teaching").split())  # review 110 C3; review 61 E1
    )
    module_04 = " ".join(line.lstrip("# ") for line in MODULE_04.read_text().splitlines())
    assert "each is on the Pareto frontier" in module_04
    assert "within 5 of your points of each other" in module_04
    below = total = 0
    for case in _cases(150):
        frontier = set(pareto_frontier([row[1:] for row in scenario.package_rows(case)]))
        opening = scenario.opening_of(case)
        theirs = package_points(opening, case.theirs)
        for _, you, them in scenario.meso_partners(case):  # rows: (package, profit, points)
            assert them <= theirs, case.learner  # Marlow should prefer the opening
            total += 1
            below += (you, them) not in frontier
    assert below > total / 2, (below, total)  # usually below the frontier


# --- U1: the claimed weeks are set aside -----------------------------------------------------


def test_u1_the_claimed_weeks_are_set_aside_in_section_2_question_4_and_its_hint(monkeypatch):
    """'Discount' a claim reads as 'reduce it', but the check ignores it; the three places
    now say to set the claimed weeks aside, as the check does."""
    words = "set the claimed weeks aside (its rush request makes them doubtful"
    for grade_id in ("information-teaching", "q4-text"):
        assert words in _cell(grade_id)
        assert "discount" not in _cell(grade_id)
    for n in range(200):
        case = course.variant("05_capstone", f"learner-{n}")
        if _audit(case, True) != _audit(case, False):
            break
    monkeypatch.setenv("LEVERAGE_LEARNER", f"learner-{n}")
    with pytest.raises(NotYet) as hint:
        run_check(check, "my_audit", lambda s: _audit(s, True))
    said = " ".join(str(hint.value).split())
    assert "section 2's rule is to " + words + ")" in said
    assert "discount" not in said


# --- U2: Marlow's aim starts at its opening ---------------------------------------------------


def test_u2_marlows_aim_falls_from_its_opening_not_from_its_best():
    """Section 6 said the aim falls 'from 100'; in the engine it starts at the opening's
    aim, κ of the room below Marlow's best, for every style."""
    text = _cell("table-teaching")
    assert "falling from 100" not in text
    assert "falling from its opening offer's points towards its reservation price" in text
    case = course.variant("05_capstone", "rv91-0")
    negotiation = scenario.contract_negotiation(case, case.reservation_if_not, ROUNDS)
    for style in STYLES:
        bot = make_bot(style, negotiation, BUYER)
        best = negotiation.preferences[BUYER].best
        assert bot.target(0) == pytest.approx(best - bot.kappa * bot.room)
        assert bot.target(0) < best - 1


# --- M1: the step beyond's tit-for-tat deals in eight samples ---------------------------------

#: Four more samples (first learner, tit-for-tat deals at the opening and one step beyond),
#: recomputed below; the review's own two samples gave 188 against 176 and 185 against 181.
#: Review 106 E2 (round 107): recomputed once a move must give the whole step; before:
#: (181, 188), (172, 191), (179, 192), (174, 183).
MORE_SAMPLES = [(800, (180, 188)), (1000, (171, 187)), (1200, (175, 192)), (1400, (172, 181))]


@pytest.mark.parametrize("first, deals", MORE_SAMPLES)
def test_m1_more_samples_of_the_step_beyonds_tit_for_tat_deals(first, deals):
    """As in test_an_opening_one_frontier_step_beyond_ends_with_more_as_section_4_says."""
    pairs = step_beyond_pairs(first, "tit-for-tat")
    assert (sum(a is not None for a, _ in pairs), sum(b is not None for _, b in pairs)) == deals


def test_m1_the_appendix_states_the_range_of_all_eight_samples():
    """The text gave the first four samples' ranges (186 to 191 against 175 to 180), which
    other samples leave (the review's gave 188 against 176 and 185 against 181); it now
    says how many more deals the step beyond reached in each of the course's eight samples."""
    more = [b - a for _, _, (a, b) in STEP_BEYOND_SAMPLES] + [b - a for _, (a, b) in MORE_SAMPLES]
    text = _cell("about-the-bot")
    assert "186 to 191" not in text
    # review 93 M1: other samples gave 5 and 6; the text gives sixteen samples' own range
    assert f"by {min(more)} to {max(more)} sittings." not in text
