"""Review 92 of module 04 (concessions): the arena's debrief counts a step back neither
as a hold nor, when undone, as a concession (X1); question 1 says what binds under a low
quote (X2); section 1 points to module 01's anchoring (U1); the summary states rule 2's
allowance in full (U2). Each test fails on the code or text before this round."""

import html
import random
import re

import pytest

import course
from course.checks import concessions as check
from course.checks.concessions import reservation_of
from course.engine import debrief
from course.models.batna import TARGET_SHARE
from course.widgets.practice import NegotiationArena
from tests.test_concessions_review89 import SOURCE, _cell, _flat

MODULE = "04_concessions"
ROOT = SOURCE.parents[2]


def _text(value):
    return html.unescape(re.sub(r"<[^>]+>", " ", value)).replace("  ", " ")


def _play(style, seed, asks):
    """The reviewer's arena run: ``asks`` in order, then walk away; the arena and the
    finished result."""
    arena = NegotiationArena(style=style, rng=random.Random(seed))
    for ask in asks:
        if arena._session.finished:
            break
        arena.price.value = ask
        arena.send_offer.click()
    if not arena._session.finished:
        arena.walk.click()
    return arena, arena._session.result()


# 84, 80, 80 (a hold), 76, 79 (a step back), 79 (standing on it), 72, ...
STEPS_BACK = ["84", "80", "80", "76", "79", "79", "72", "68", "64", "60"]


def _asks(result):
    """The seller's offers, as its utilities, in order."""
    own = result.negotiation.preferences["seller"].utilities
    return [own[i] for _, who, i in result.history if who == "seller"]


# --- X1: a step back is not a hold, and undoing it is not a concession ------------------


@pytest.mark.parametrize(("style", "seed"), [("linear", 5), ("linear", 6), ("boulware", 5)])
def test_x1_a_step_back_and_standing_on_it_are_not_holds(style, seed):
    """The reviewer's run: a linear buyer read as 'its own pace, growing' from a 0.0% step
    that answered a step back ('I will not move while you go back'). Only the one real
    hold (80 after 80, the least ask so far) is a hold now; the debrief says so."""
    arena, result = _play(style, seed, STEPS_BACK)
    moves = debrief.bot_moves(result, "seller")
    asks = _asks(result)
    holds = [n for n in range(1, len(asks)) if asks[n] == asks[n - 1] == min(asks[:n])]
    assert len(moves["after_holds"]) == len(holds) == 1 and moves["steps_back"] == 2
    shown = _text(arena.result.value)
    assert "its own pace, growing" not in shown
    assert "you held fewer than twice" in shown
    assert "a step back of yours, or undoing one, is not counted as a hold" in shown


def test_x1_tit_for_tat_pace_leaves_out_the_answer_to_a_step_back():
    """Tit-for-tat, seed 5: 'it moved 5.4%, 2.7%, 0.0% ... (its own pace, shrinking)',
    the 0.0% after a retraction from 78 to 80. Now two holds, neither 0.0%."""
    arena, result = _play("tit-for-tat", 5, ["83", "83", "78", "78", "80", "74", "70"])
    moves = debrief.bot_moves(result, "seller")
    assert len(moves["after_holds"]) == 2 and min(moves["after_holds"]) > 0
    assert moves["steps_back"] == 1
    line = re.search(
        r"each time you held, it moved (.*?) of that ground", _text(arena.result.value)
    )
    assert line and "0.0%" not in line.group(1)


def test_x1_undoing_a_step_back_is_no_concession():
    """'Round 6: you came down 6, from 80 to 74' after a retraction from 78 to 80: by
    section 3's rule 3 only the 4 below 78 is a concession."""
    arena, result = _play("tit-for-tat", 5, ["83", "83", "78", "78", "80", "74", "70"])
    found = debrief.concessions(result, "seller")
    six = next(c for c in found if c["round"] == 6)
    assert (six["from"], six["to"]) == (78, 74) and six["cost"] == pytest.approx(4)
    shown = _text(arena.result.value)
    assert "Round 6: you came down 4, from 78 to 74" in shown
    assert "from 80 to 74" not in shown


def test_x1_going_back_down_to_your_least_ask_is_no_concession():
    """84, 80, 83 (a step back), 80 (undoing it): the return to 80 gives nothing new."""
    _, result = _play("linear", 5, ["84", "80", "83", "80", "80", "76"])
    found = debrief.concessions(result, "seller")
    assert [(c["from"], c["to"]) for c in found] == [(84, 80), (80, 76)]
    moves = debrief.bot_moves(result, "seller")
    assert moves["steps_back"] == 2 and len(moves["after_concessions"]) == 2


def test_x1_without_a_step_back_nothing_changes():
    """No step back: every offer is a hold or a concession, and no note is added."""
    arena, result = _play("linear", 5, ["84", "80", "80", "76", "76", "72", "68"])
    moves = debrief.bot_moves(result, "seller")
    assert moves["steps_back"] == 0
    assert "not counted as a hold" not in _text(arena.result.value)


# --- X2: question 1's sentence on a low quote says what binds --------------------------


def test_x2_question_1_no_longer_says_the_opening_need_only_reach_halfway():
    q1 = " ".join(_cell("q1-text").split())
    assert "need only reach halfway" not in q1
    # review 94 U1: the sentence that replaced it is cut too (tests/test_concessions_review94.py)
    assert "3 under the quote never falls below the lowest target" not in q1


@pytest.mark.parametrize("learner", [f"sweep-{n}" for n in range(60)] + ["rv91a", "rv92a"])
def test_x2_three_under_every_quote_is_at_or_above_the_lowered_even_split(learner):
    """The claim, over every quote the check sends: 3 under it is at or above the even
    split of the zone the quote leaves (the foot of section 2's band), so the check's
    target floor never binds on an opening the 3-under rule allows; it is not always at
    the rule's three quarters (the quote FLOOR_QUOTE over the reservation price), which
    is why the text names the band's foot."""
    q1 = " ".join(_cell("q1-text").split())
    # review 94 U1: the text no longer says it (the check's floor never binds, as below)
    assert "lowest target" not in q1
    s = course.variant(MODULE, learner)
    r, estimate = reservation_of(s), s.their_estimate
    below_rule = 0
    for _, quote in check._rivals(s, hidden=True):
        low = min(estimate, quote)
        assert quote - check.QUOTE_BAND >= (r + low) / 2 - 1e-9, (learner, quote)
        below_rule += quote - check.QUOTE_BAND < r + TARGET_SHARE * (low - r) - 1e-9
    assert below_rule >= 1


# --- U1, U2: section 1 points to module 01; the summary states rule 2's allowance ------


def test_u1_section_1_recaps_module_01s_anchoring_and_points_to_it():
    text = " ".join(_cell("opening-teaching").split())
    assert "Module 01 (section 5) showed that a first offer **anchors**" in text
    for repeated in ("Tversky", "Galinsky and Mussweiler", "Disconnecting outcomes"):
        assert repeated not in text
    assert "So answer an anchor from their alternatives and your target." in text
    module_01 = (ROOT / "source" / "01_information" / "information.py").read_text()
    section = module_01[module_01.index("## 5. First offers") : module_01.index("## 6.")]
    for taught in ("Tversky and Kahneman", "Galinsky and Mussweiler", "Disconnecting"):
        assert taught in section  # what the pointer leads to
    assert "module 05 opens at a reservation price they can really have" not in text
    assert "your estimate counts that" not in text
    assert (
        "Citing what they paid last year is fair even if their budget is tighter now; your "
        "estimate already allows for the cut." in text
    )


def test_u2_the_summary_states_rule_2s_allowance_in_full():
    """The summary listed three of rule 2's four numbers and no first-step cap."""
    flat = _flat()
    rule_2 = flat[flat.index("2. Give back part of what they gave") : flat.index("3. If they")]
    summary = " ".join(_cell("summary").split())
    for part in (
        "their concession",
        "your plan's next step",
        "your own last concession (holds do not count",  # review 112 U5 (round 113)
        "three fifths of the room to your target",
        "the room left to your target",
    ):
        assert part in rule_2, part
    # review 95 U1 (round 96): the summary now states the principle, not the four numbers
    for part in ("what they gave", "your own last concession", "the room left to your target"):
        assert part in summary, part


# --- X3: the planner says when the rule's path ends at the learner's package -----------


def test_x3_a_shorter_plan_to_the_same_landing_is_told_the_rule_ends_there_too():
    """rv92b: the rule's path from the draft takes an issue back in a free move and later
    gives it again, ending at the landing; a plan making the single net give lands there
    in fewer moves. The verdict said 'its own path from the draft ends at 86 for you and
    62 for Orchard', the learner's own package, as if it were a difference."""
    from course.models.concessions import TradeTable
    from course.scenarios.concessions import landing_point
    from course.widgets.concessions import ConcessionPlanner
    from tests.test_widgets_concessions import path_to_landing, plan

    tried = 0
    for learner in ["rv92b"] + [f"learner-{n}" for n in range(40)]:
        s = course.variant(MODULE, learner)
        table = TradeTable(s.yours, s.theirs)
        landing = landing_point(table, s.their_minimum)
        rule_path = table.rule_path(s.draft, s.their_minimum)
        if table.points(rule_path[-1]) != landing:
            continue
        planner = ConcessionPlanner(s)
        trades = path_to_landing(s, len(planner.rows))
        if trades is None or len(trades) >= len(rule_path) - 1:
            continue
        plan(planner, trades)
        verdict = html.unescape(planner.verdict.value)
        assert "you reached it" in verdict
        assert "its own path from the draft ends at" not in verdict
        assert (
            f"The rule's own path from the draft ends at the same package, in "
            f"{len(rule_path) - 1} moves; yours took {len(trades)}." in verdict
        )
        tried += 1
    assert tried >= 3


# --- C1: rule 1 says what the model answer and the planner do ---------------------------


def test_c1_rule_1_names_the_model_answers_pick_and_takes_any_free_move():
    """Rule 1 advised a free move towards the landing while the model answer and the
    planner take the one adding the most points for both; the check takes any (no marks
    change)."""
    text = _flat()
    rule = text[text.index("1. **Create value first.**") : text.index("2. **Then concede")]
    assert "prefer one towards your landing" not in rule
    assert "Any free move will do; the model answer takes the one that adds the most" in rule


def test_review93_u2_only_a_quote_below_your_estimate_lowers_it():
    """Review 93 U2: "Such a quote also lowers your estimate" followed "a quote below your
    fact", but a quote between your estimate and your fact only caps the opening (bob:
    estimate 91, fact 95, quote 93). The sentence now names the quote below your estimate."""
    q1 = " ".join(_cell("q1-text").split())
    assert "Such a quote also lowers your estimate" not in q1
    # review 94 U1: the sentence is cut; the quote's effect on the target is the check's
    # message
    assert "lowers your estimate" not in q1
