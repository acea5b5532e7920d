"""Module 04, fifth review (/tmp/s25/review_04_concessions.md): each test fails on the
text or code the review found wrong."""

import itertools
from pathlib import Path

import pytest

import course
from course.checks import concessions as check
from course.checks.hints import NotYet
from course.models.concessions import TradeTable
from course.scenarios.concessions import (
    _meso_rows,
    closing_start,
    meso_triples,
    middle_package,
    statement_kinds,
)
from tests.test_checks_concessions import by_rate

MODULE = "04_concessions"
LEARNERS = [f"learner-{n}" for n in range(40)]


def _flat():
    text = (Path(__file__).parents[1] / "source" / MODULE / "concessions.py").read_text()
    return " ".join(line.lstrip("# ").strip() for line in text.splitlines())


def miss(check_function, answer, hidden=False):
    with pytest.raises(NotYet) as failure:
        check_function(answer, hidden=hidden)
    return str(failure.value)


def _low_fact(s):
    return min(("survey", "linden"), key=lambda k: s.statements[k].figure)


@pytest.mark.parametrize("learner", LEARNERS[:8])
def test_citing_a_true_fact_below_the_opening_fails(learner):
    """E1: an opening that also cites the true fact naming less than its price passed."""

    def with_low(s, anchor, quote=None):
        price, said = check.grounded_opening(s, anchor, quote)
        return price, [*said, _low_fact(s)]

    with course.variants.learner_as(learner):
        s = course.variant(MODULE)
        hint = miss(check.opening, with_low)
        low = _low_fact(s)
        assert f"'{low}' is true, but it names {s.statements[low].figure:g}" in hint
        assert "argues against it" in hint
        hidden = miss(check.opening, with_low, hidden=True)
        assert "names less" in hidden
    assert "A true price fact about the work that names less than your opening" in _flat()


def test_citing_birch_below_the_opening_is_still_right_when_it_is_strong():
    """E1's rule is about price facts for the work, not Birch: a strong, true Birch offer
    names less than the opening and must still be told."""
    for learner in LEARNERS:
        s = course.variant(MODULE, learner)
        if statement_kinds(s)["birch"] == "fact" and s.alternative_price > s.their_guess:
            with course.variants.learner_as(learner):
                check.opening(lambda s, a, q=None: check.grounded_opening(s, a, q))
            return
    pytest.fail("no learner with a strong Birch")


def test_no_statement_of_a_studio_like_kite_names_less_than_orchards_limit():
    """E2: in 'tighter' variants the survey said a studio like Kite's costs less than the
    estimate of Orchard's reservation price, which the rival-quote logic contradicts. A
    low survey figure is now for lighter work from smaller studios, and the story says
    Linden no longer takes the work."""
    tight = 0
    for learner in LEARNERS:
        s = course.variant(MODULE, learner)
        survey = s.statements["survey"]
        if "a studio like ours" in survey.text:
            assert survey.figure > s.their_estimate, learner
        else:
            assert "lighter work" in survey.text and survey.figure < s.their_estimate
            tight += 1
        assert "stopped taking retail work" in s.story()
    assert tight > 0


def test_the_story_says_birch_has_offered_what_the_statement_says():
    """E10: the story said Birch 'would pay'; the true statement says 'has offered'."""
    for learner in LEARNERS[:10]:
        s = course.variant(MODULE, learner)
        assert f"has offered you {s.alternative_price:g}" in s.story()
        assert "would pay" not in s.story().split("**What you know")[0]


def test_the_quote_and_the_invented_offer_have_different_names():
    """C6: the parameter `rival` (a real quote to Orchard) and the statement `"rival"` (an
    invented offer to Kite) shared a word."""
    flat = _flat()
    assert "def opening(s, anchor, quote=None)" in flat and "rival=None" not in flat
    s = course.variant(MODULE, "learner-1")
    assert "other_retailer" in s.statements and "rival" not in s.statements


def test_a_first_concession_is_capped_at_three_fifths_of_the_room():
    """E4: after a hold, Orchard's first concession was copied in full, the whole planned
    concession in one step, against question 2's rule 4."""
    s = course.variant(MODULE, "learner-1")
    assert check.tit_for_tat_offer(s, [118, 118], [80, 95], 100) == pytest.approx(107.2)
    assert check.tit_for_tat_offer(s, [118, 118], [80, 85], 100) == 113  # small: in full
    assert check.tit_for_tat_offer(s, [98, 98], [60, 85], 83) == pytest.approx(89)
    assert "you offer 118 − 10.8 = 107.2" in _flat()

    def uncapped_first(s, mine, theirs, target):
        step = theirs[-1] - theirs[-2]
        if step <= 0:
            return max(mine[-1], target)
        own = [a - b for a, b in itertools.pairwise(mine) if a > b]
        if own:
            step = min(step, own[-1])
        return max(mine[-1] - step, target)

    for learner in LEARNERS[:5]:
        with course.variants.learner_as(learner):
            hint = miss(check.tit_for_tat, uncapped_first)
        assert "you have not conceded yet" in hint and "three fifths" in hint


def test_the_visible_check_catches_conceding_by_rate_alone_for_every_learner():
    """E5: the cheapest closing move was tried only by the hidden check, so a rule by rate
    alone passed the visible one for every learner."""
    kinds = set()
    for learner in LEARNERS[:12]:
        s = course.variant(MODULE, learner)
        kinds.add(closing_start(TradeTable(s.yours, s.theirs), s.their_minimum) is None)
        with course.variants.learner_as(learner):
            hint = miss(check.next_trade, by_rate)
        assert "closes the deal" in hint, (learner, hint)
    assert kinds == {True, False}  # learners with and without such a package of their own


def test_the_q4_hints_read_as_they_mean():
    """E8: 'yours only 21' read as 'your points'; '1 points per point' was ungrammatical."""
    text = Path(check.__file__).read_text()
    assert "yours only" not in text and "points per point you give up" not in text


def test_the_grounding_fact_is_never_more_than_a_sixth_above_the_estimate():
    """C4: 'at, or just beyond' did not fit an opening 12 above the estimate; the text now
    says how far beyond this module's facts go, and this holds it to that."""
    assert "never more than about a sixth above the estimate" in _flat()
    for n in range(300):
        s = course.variant(MODULE, f"learner-{n}")
        top = check.grounded_opening(s)[0]
        assert s.their_estimate < top <= s.their_estimate * 7 / 6, s.learner


def test_section_4_says_what_its_ratios_and_sums_assume_and_where_it_departs():
    """E6: the trade ratio alone was said to tell whether a move is free. E7: joint points
    and rates compare two sides' scales unannounced. C1: the course departs from 'every
    give brings equal value back' on the frontier without saying so."""
    flat = _flat()
    assert "The first tells you whether a move is free" not in flat
    assert "whether a move pays for itself for you" in flat
    assert "its trade ratio is at least 1 *and* it costs them nothing" in flat
    assert "assumes that a point means as much to each side" in flat
    assert "that is where this course departs from the rule" in flat
    assert "A single give shows a trade ratio of 0.00" in flat


def test_the_plans_on_the_clock_are_named_as_such():
    """C2: section 2 warns against a schedule that moves on its own, while question 2's
    plan, the next-year engine and the low-ball widget all step on the clock."""
    flat = _flat()
    assert "it does not say when you make them" in flat
    assert flat.count("on the clock") >= 2
    assert "your reservation price is 50, you opened at 95, the talks last 12 rounds" in flat
    from course.engine.practice import TARGET_SHARE, LowBallMoment

    moment = LowBallMoment(rng=__import__("random").Random(1))
    assert (moment.your_reservation, moment.opening, moment.rounds) == (50, 95, 12)
    assert TARGET_SHARE == 0.3 and "your target is 30% of the" in flat


def test_every_equivalent_offer_asks_at_least_the_landing_point():
    """E3: for some learners every accepted set of equivalent offers was worth less to Kite
    than the frontier package it plans to land on, and most learners had one set only."""
    caught = 0
    for n in range(40):
        s = course.variant(MODULE, f"learner-{n}")
        table = TradeTable(s.yours, s.theirs)
        land = max(you for you, them in table.frontier if them >= s.their_minimum)
        trios = meso_triples(s, table)
        assert len(trios) >= 2, s.learner
        assert all(row[1] >= land for trio in trios for row in trio), s.learner
        # a set that meets every other rule but asks less than the landing point fails
        looser = _meso_rows(table, middle_package(s), s.their_minimum / 4)
        timid = [trio for trio in looser if min(row[1] for row in trio) < land]
        if timid:
            with course.variants.learner_as(s.learner):
                hint = miss(check.meso.__wrapped__, lambda s, t=timid[0]: [r[0] for r in t])
            assert "less than the package you plan to land on" in hint, hint
            caught += 1
    assert caught >= 3
    assert "worth at least as much to you as the package you plan to land on" in _flat()


def test_the_q4_hints_name_the_criterion_not_the_package():
    """Weak exercises: Q4's hints printed the exact package the rule wants, so a learner
    could reach green by copying hints. Each hint now shows only the package tried."""
    for learner in LEARNERS[:6]:
        with course.variants.learner_as(learner):
            for wrong in (by_rate, lambda s, current: None):
                hint = miss(check.next_trade, wrong)
                assert hint.count("{discount: ") == 1, hint  # the package tried, in `where`


def test_question_7_leaves_the_comparison_to_the_learner():
    """Weak exercises: the text named the two entries to subtract; the learner now decides
    which way of ending without a deal is the alternative, and the check still holds them
    to it (a walk-out is never the best way in the tables it tries)."""
    flat = _flat()
    assert "than after a polite walk-away;" not in flat
    assert "than after that best way of ending without one" in flat
    s = course.variant(MODULE, "learner-1")
    for table in check._tables(s, hidden=True):
        assert table["polite walk-away"] >= table["walk-out"]


def test_the_text_gives_the_share_the_sweep_measures():
    """E3's redraws changed how often the one-move rule stops short from the middle: about
    half (tests/test_variants_sweep_concessions.py measures it), no longer most."""
    flat = _flat()
    assert "stops short in about half of the learners' cases" in flat
    assert "stops short in most learners' cases" not in flat


def _levels_more(s, package, than):
    return {i for i, levels in s.issues.items() if levels.index(package[i]) > levels.index(than[i])}


def _orchard(s, package):
    return sum(s.theirs[i][package[i]] for i in s.issues)


@pytest.mark.parametrize(
    ("wrong", "hint"),
    [
        (lambda s, offers, k: set(), "the pick tells you something your research missed"),
        (  # a surprise read into every pick
            lambda s, offers, k: _levels_more(s, offers[k], offers[(k + 1) % 3]) or {"discount"},
            "",
        ),
        (  # the issues where the pick gives less ground
            lambda s, offers, k: (
                set()
                if offers[k] == max(offers, key=lambda p: _orchard(s, p))
                else _levels_more(s, max(offers, key=lambda p: _orchard(s, p)), offers[k])
            ),
            "",
        ),
        (lambda s, offers, k: "delivery", "return a set of issue names"),
        (lambda s, offers, k: {"price"}, "is not an issue of the contract"),
    ],
)
def test_the_read_pick_mistakes(wrong, hint):
    """Weak exercises (Q5): nothing asked what Orchard's pick among the equivalent offers
    tells Kite. Question 5b does; each mistake fails the visible check with a hint."""
    for learner in LEARNERS[:4]:
        with course.variants.learner_as(learner):
            failure = miss(check.read_pick, wrong)
        assert hint in failure, failure
    assert "**Reading the pick.**" in _flat()


def test_the_visible_pick_cases_are_among_the_hidden_ones():
    for learner in LEARNERS[:10]:
        s = course.variant(MODULE, learner)
        hidden = check._pick_cases(s, True)
        assert all(case in hidden for case in check._pick_cases(s, False))


def test_the_planner_and_section_3_say_move_where_a_give_is_meant_too():
    """Unclear passages: the planner said 'any trade' and 'one-level trade' where single
    gives count too; section 3's rule ran as one long sentence, now four numbered parts,
    the second with question 3's first-step cap."""
    from course.widgets import concessions as planner

    text = Path(planner.__file__).read_text()
    assert "the most any move here creates" in text and "any trade here" not in text
    assert "one-level trade here" not in text
    flat = _flat()
    assert "has four parts:" in flat
    assert "1. Concede only in answer to a concession of theirs, never into silence." in flat
    assert "Your first step, as in section 2's plan, gives no more than three fifths" in flat


# --- Sixth review (/tmp/s27/review_04_concessions.md) -----------------------------------


def test_section_5_answers_the_low_ball_with_a_hold_as_rule_3_does():
    """Sixth review, C1: section 5's step 3 ("move only on a condition, and only your
    planned step") endorsed a step forward after a sudden drop, which section 3's rule 3
    forbids after a retraction. Now it says to hold, and to step only when they move back."""
    text = _flat()
    assert "Move only on a condition, and only your planned step" not in text
    assert "section 3's rule 3 answers a retraction with a hold" in text
    assert "When they come back with a real move, answer it with your planned step" in text


def _keeping_birch(s, anchor, quote=None):
    price, said = check.grounded_opening(s, anchor, quote)
    return price, [key for key in said if key != "birch"]


def test_keeping_a_strong_birch_private_passes_with_a_message_that_says_so(capsys):
    """Sixth review, E1 and C2: when Birch's true offer beat Orchard's guess, an answer
    that kept it private failed (79 of 200 learners), though its figure is a number below
    the opening, the kind of fact the rule before it says not to tell; the hint claimed
    telling it "makes your opening more believable". Over 200 learners, keeping it private
    now passes the visible check, telling it too, and each pass says what the choice does;
    mentioning a weak Birch still fails."""
    strong = []
    for n in range(200):
        s = course.variant(MODULE, f"r-{n}")
        if statement_kinds(s)["birch"] == "fact" and s.alternative_price > s.their_guess:
            strong.append(s.learner)
            with course.variants.learner_as(s.learner):
                capsys.readouterr()
                check.opening(_keeping_birch)
                assert "you keep Birch's offer private" in capsys.readouterr().out
                check.opening(lambda s, a, q=None: check.grounded_opening(s, a, q))
                assert "you tell Orchard of Birch's offer" in capsys.readouterr().out
    assert 0.25 * 200 <= len(strong) <= 0.6 * 200
    with course.variants.learner_as(strong[0]):
        check.opening(_keeping_birch, hidden=True)
    assert "more believable" not in Path(check.__file__).read_text()
    text = _flat()
    assert "A true price fact about the work that names less than your opening" in text
    assert "The check accepts either choice then" in text


@pytest.mark.parametrize("container", [set, frozenset, tuple, list])
def test_the_statement_keys_may_come_in_any_plain_collection(container):
    """Sixth review, E3: keys returned as a set got the hint that they were not statements
    of the scenario (for every learner), though only the container was unusual. A set, a
    frozenset, a tuple and a list of the right keys now pass; a dict is told to be a list of
    keys, and no keys at all is told to name one."""

    def answer(s, anchor, quote=None):
        price, said = check.grounded_opening(s, anchor, quote)
        return price, container(said)

    for learner in LEARNERS[:10]:
        with course.variants.learner_as(learner):
            check.opening(answer)
    with course.variants.learner_as(LEARNERS[0]):
        hint = miss(check.opening, lambda s, a, q=None: (s.their_estimate, {"survey": 1}))
        assert "in a list" in hint and "is not a list of statements" not in hint
        hint = miss(check.opening, lambda s, a, q=None: (s.their_estimate, []))
        assert "you make no statement" in hint


def test_the_sixth_reviews_unclear_passages_now_say_what_holds():
    """Sixth review, C4, U1, U2, W1, W3, and module 01's review C2: "below the frontier free
    moves exist" read as one-level moves, against the caution that one-level moves can get
    stuck; "module 03's outside-option principle" named no term module 03 uses; an expected
    pick "confirms" the estimate, and a surprise shows issues valued "more" (not relatively
    more); the quote case gave its answer in a parenthesis; "choose the one you would rather
    put on the table" was never assessed; a low anchor "leaves that estimate where it was",
    against module 01's band model. Also the course's Schelling terms: tying a demand to an
    alternative you would not take is a threat and a bluff, a warning only if you would."""
    text = _flat()
    assert "Below the frontier free moves exist" not in text
    assert "some free change of package always exists, though not always a one-level one" in text
    assert "outside-option principle" not in text and "deal-me-out" in text
    assert "confirms your estimate" not in text and "is consistent with your estimate" in text
    assert "matter relatively more to Orchard" in text and "values relatively more" in text
    assert "is the quote itself" not in text
    assert "choose the one you would rather put on the table" not in text
    assert "the check accepts any of them" in text
    assert "from a side that may be shading its opening" in text and "band model" in text
    assert "is a *warning* (modules 02 and 03) only if you would really take" in text
    assert "a *threat*, and one you would not carry out, so a bluff" in text


def test_questions_are_worth_marks_and_points_are_the_scenarios():
    """The course's convention (module 00 does so): marks are for questions, points are the
    units of a scenario. Module 04's headings said "(2 points)" beside Orchard's points on
    every package; now each heading counts marks, matching nbgrader's points for its cell."""
    import re

    text = (Path(__file__).parents[1] / "source" / MODULE / "concessions.py").read_text()
    headings = re.findall(r"^# #+ (?:Question \w+|6\. Reflection) \((\d+) (\w+)", text, re.M)
    assert len(headings) == 9 and not [h for h in headings if h[1] not in ("mark", "marks")]
    cells = re.findall(r'"points": (\d+), "grade_id"', text)
    assert sorted(int(n) for n, _ in headings) == sorted(int(n) for n in cells)


# --- Seventh review (/tmp/s28/review_04_concessions.md) ----------------------------------

#: 600 learners (each claim was first swept over 2,000 when it was made; 600 keeps these
#: four tests near 9 s each on two cores instead of 30 s)
SWEEP = [f"learner-{n}" for n in range(600)]


def test_unrounded_steps_that_grow_fail_for_every_learner():
    """E1: question 2 granted the 1-thousand rounding allowance to every plan, so unrounded
    steps 3.5, 4.5, 4.5, 3.0 (growing by 29%, then holding) passed for every learner. Only
    a plan of whole numbers gets the allowance now; the same steps rounded away (3, 5, 4, 3
    from whole offers) still may grow by 1."""
    from course.scenarios.concessions import reservation_of

    for learner in SWEEP:
        s = course.variant(MODULE, learner)
        for start in check._openings(s, hidden=False):
            # the review's steps, scaled to concede half the room (108 to 75 gives 3.5 ...)
            room = start - reservation_of(s)
            steps = [0.5 * room * step / 15.5 for step in (3.5, 4.5, 4.5, 3.0)]
            plan = [start - sum(steps[:t]) for t in range(len(steps) + 1)]
            plan += [plan[-1]] * (s.rounds - len(plan))
            with pytest.raises(NotYet, match="not all whole numbers"):
                check._check_plan(plan, start, reservation_of(s), learner)
    text = _flat()
    assert "Only when every offer is a whole number (rounded to whole thousands)" in text


def test_an_opening_a_little_under_a_lower_quote_passes_and_well_under_is_timid():
    """E2: with a rival's quote below the estimate, question 1 accepted only the quote
    itself, to the cent, and called an opening 1 under it "timid" (every learner). The
    quote caps Orchard's limit, which may lie a little under it: an opening at the quote
    or up to 3 under it (never below the reservation price) passes; further under is timid,
    and the hint says why."""
    from course.scenarios.concessions import reservation_of

    for learner in SWEEP:
        s = course.variant(MODULE, learner)
        key = check.grounded_opening(s)[1][:1]
        for anchor, quote in check._rivals(s, hidden=True):
            if quote >= s.their_estimate:
                continue
            for under in (0, 1, 3):
                price = max(quote - under, reservation_of(s))
                assert check._check_opening(s, anchor, (price, list(key)), quote) == price
            if quote - 3.5 >= reservation_of(s):
                with pytest.raises(NotYet, match="up to 3 under it"):
                    check._check_opening(s, anchor, (quote - 3.5, list(key)), quote)


def test_target_is_module_02s_and_the_plan_stops_there():
    """C1 and U2: "target" was used before it was defined and then meant only where the
    plan stops; the test cases' targets (two fifths of the way up from the reservation
    price) lie below module 02's even split for some learners, without comment. The text
    now defines the target at its first use as module 02 does, says the plan stops there
    and that module 02's advice holds, and that question 3's targets are test values."""
    from course.scenarios.concessions import reservation_of

    text = _flat()
    first = text.index("target")
    assert text[first : first + 120].startswith("target** (module 02: the outcome you aim")
    assert "The target is module 02's: the outcome you aim to land at." in text
    assert "Your concession plan stops there" in text
    assert "above the even split of the zone between your reservation price" in text
    assert "two fifths of the way up from your reservation price to your opening" in text
    below = 0
    for learner in SWEEP:
        s = course.variant(MODULE, learner)
        r = reservation_of(s)
        top = check.grounded_opening(s)[0]
        assert abs(check.plan_target(s) - (r + 0.4 * (top - r))) <= 0.5
        below += check.plan_target(s) < (r + s.their_estimate) / 2
    assert 0 < below < len(SWEEP)  # "for some learners"


def test_a_target_rounded_up_keeps_the_margin_for_every_learner():
    """U3: aiming at exactly a tenth of the room and rounding offers to the nearest whole
    number fails the margin rule for many learners (78.3 becomes 78), and the text warned
    only about equal rounded steps. It now says to round the target up; a plan whose last
    offer is the target rounded up never fails the margin rule."""
    import math

    from course.models.concessions import time_dependent_offer
    from course.scenarios.concessions import reservation_of

    nearest_fails = 0
    for learner in SWEEP:
        s = course.variant(MODULE, learner)
        r = reservation_of(s)
        for start in check._openings(s, hidden=False):
            target = r + 0.1 * (start - r)
            curve = [
                time_dependent_offer(t, s.rounds - 1, start, target, 1.5) for t in range(s.rounds)
            ]
            for last in (math.ceil(target), round(target)):
                plan = [float(round(offer)) for offer in curve[:-1]] + [float(last)]
                try:
                    check._check_plan(plan, start, r, learner)
                except NotYet as failure:
                    if last == math.ceil(target):
                        assert "real margin" not in str(failure)
                    else:
                        nearest_fails += "real margin" in str(failure)
    assert nearest_fails > 0
    assert "Round the target up, too" in _flat()


def test_an_insulting_offer_is_defined_as_the_bots_draw_the_line():
    """U1: "insulting offer" was used in the trust rules but never defined. The arena's
    text now defines it where patience is introduced: an ask more than three quarters of
    the way from the buyer's limit up to 100. The bots' line agrees for every limit."""
    from course.engine.bots import STYLES, make_bot
    from course.engine.domain import BUYER, price_negotiation
    from course.engine.practice import HIGH, LIMITS, LOW

    assert (LOW, HIGH) == (0, 100)
    assert (
        "an ask more than three quarters of the way from the most it would pay up to 100" in _flat()
    )
    for limit in range(LIMITS[0], LIMITS[1] + 1):
        line = limit + 0.75 * (HIGH - limit)
        for style in STYLES:
            bot = make_bot(style, price_negotiation(40, limit, LOW, HIGH, rounds=10), BUYER)
            assert -(line - 0.01) >= bot.insult_line > -(line + 0.01)


def test_the_duration_and_the_shape_of_read_picks_answer_are_said():
    """U4 and U5: "longer if Python is new" gave no figure; question 5b asked for a set
    and accepted a list without saying so."""
    text = _flat()
    assert "and about eight if Python is new to you" in text
    assert "(a Python set; a list or tuple of the same issues passes too)" in text
