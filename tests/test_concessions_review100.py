"""Review 99 of module 04 (concessions), fixed in round 100: the planner holds back a free
move that gains you nothing once Orchard has its minimum, as rule 1 and question 4's model
answer do (C2); question 1 no longer asks for a walk-away its function cannot return (U1);
the arena's debrief says what happened (U2); question 7 says reservation price, not
walk-away point (module 02's review, C2). Each test fails on the text or code before this
round. Review 99's C1 (naming Birch "earns nothing" at a halfway split) was taken back:
that split is module 02's, with the BATNA as disagreement point, which a named Birch
moves; module 03's deal-me-out keeps an outside option out of the share at the table, and
the case cannot give that share (review 97 E1), so either choice passes, as before."""

import random
import re
from html import unescape
from pathlib import Path

import course
from course.checks import concessions as check
from course.models.concessions import TradeTable
from course.scenarios.concessions import reservation_of
from course.widgets.concessions import ConcessionPlanner
from course.widgets.practice import NegotiationArena
from tests.sweeps import cell_text

MODULE = "04_concessions"
SOURCES = Path(__file__).parents[1] / "source"


def _cell(grade_id, module=MODULE, name="concessions"):
    return " ".join(cell_text(module, name, grade_id).split())


def _plain(html):
    return " ".join(unescape(re.sub(r"<[^>]+>", " ", html)).split())


# --- C2: the planner holds back a move that gains you nothing ---------------------------


def _play(planner, moves):
    for row in planner.rows:
        row.give.value, row.get.value = "-", "-"
    for row, (give, get) in zip(planner.rows, moves, strict=False):
        row.give.value, row.get.value = give, get
    return _plain(planner.table.value), _plain(planner.verdict.value)


RV04A = [("revisions", "discount"), ("payment", "discount"), ("delivery", "-")]


def test_c2_the_planner_stops_where_rules_1_and_3_stop_for_learner_rv04a():
    """Review 99 C2 (learner rv04a, minimum 42): after three moves Orchard has its minimum
    and the only free move gains Kite nothing (+0 / +5). The planner called that move "the
    rule's move" and told a learner who stopped only that the plan lay below the frontier.
    Now the rule's path (with rule 1's hold, as question 4's model answer) stops after
    three moves; the verdict after them says the rule stops there; a fourth +0 move is
    "allowed, not the rule's move". The generator's rule (no hold) is unchanged."""
    s = course.variant(MODULE, "rv04a")
    table = TradeTable(s.yours, s.theirs)
    held = table.rule_path(s.draft, s.their_minimum, hold=True)
    assert len(held) - 1 == 3
    assert len(table.rule_path(s.draft, s.their_minimum)) - 1 == 4  # the generator's
    you, them = table.points(held[-1])
    assert them >= s.their_minimum
    planner = ConcessionPlanner(s)
    shown, verdict = _play(planner, RV04A)
    assert shown.count("the rule's move:") == 3 and "not the rule's move" not in shown
    assert (
        "Every move on the way is the rule's move, and the rule stops here: Orchard has its "
        "minimum and no move left gains you points (rules 1 and 3)" in verdict
    )
    assert f"Your plan ends at {you:g} points for you and {them:g} for Orchard" in verdict
    shown, verdict = _play(planner, [*RV04A, ("delivery", "payment")])
    last = shown[shown.index(" 4 ") :]
    assert "+0 / +5" in last
    # review 102 C2: the held move, made last, is rule 3's closing move
    assert "allowed, not the rule's move:" in last and "here it is that closing move" in last
    assert "creates 5 points: the most any move here creates" not in shown
    assert "1 of its 4 moves is not the rule's move." in verdict
    assert "the rule stopped short of your landing" not in verdict


# --- U1: question 1 asks for nothing its function cannot return --------------------------


def test_u1_question_1_no_longer_asks_for_a_walk_away():
    q1 = _cell("q1-text")
    assert "walk away (section 5)" not in q1
    assert "The check sends no quote below your reservation price" not in q1  # review 90 U2
    # the check indeed sends none, visible or hidden (the reference's floor is never graded)
    for learner in ("alice", "bob", "rv04a"):
        s = check._variant(learner)
        for hidden in (False, True):
            assert all(q > reservation_of(s) for _, q in check._rivals(s, hidden))


# --- U2: the arena's debrief says what happened ------------------------------------------


def test_u2_an_immediate_walk_out_is_debriefed_as_one():
    """The reviewer's case: seed 12, the buyer opens, you walk out at once. The debrief
    said "you walked away", "You made no concession after your first offer" (there was
    none) and halves of a single offer ("0% in the first half of its offers and 0% in the
    second")."""
    arena = NegotiationArena(rng=random.Random(12))
    arena.opens.value = True
    arena.new_buyer()
    arena.walk_out.click()
    result = _plain(arena.result.value)
    assert "No deal: you walked out in round 1." in result
    assert "walked away" not in result
    assert "You made no offer in answer." in result
    assert "no concession after your first offer" not in result
    arena.guess.value = "conceder"
    arena.name_it.click()
    reading = _plain(arena.reading.value)
    assert "first half of its offers" not in reading
    assert "it made one offer, too few to show how it gives ground" in reading


def test_u2_a_polite_walk_away_is_still_one():
    arena = NegotiationArena(rng=random.Random(12))
    arena.opens.value = True
    arena.new_buyer()
    arena.walk.click()
    assert "No deal: you walked away in round 1." in _plain(arena.result.value)


# --- module 02's review, C2: one name for the reservation price ---------------------------


def test_only_module_02_s_retiring_sentence_says_walk_away_point():
    found = []
    for path in sorted(SOURCES.glob("*/*.py")):
        # the text with comment marks dropped and lines joined, so a rewrap cannot hide it
        text = " ".join(line.lstrip("# ") for line in path.read_text().splitlines())
        for sentence in re.split(r"(?<=[.;:])\s+", " ".join(text.split())):
            if "walk-away point" in sentence:
                found.append((path.parent.name, sentence))
    assert [module for module, _ in found] == ["02_batna"], found
    assert "Many texts call it your walk-away point" in found[0][1]
    question = _cell("relationship-text")
    assert "Questions 1 to 6 leave the relationship out." in question
