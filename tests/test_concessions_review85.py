"""Review 85 of module 04 (a negotiation professor's, on 157e7387): fixes, each with a test
that fails on the text or code it replaced."""

from pathlib import Path

from course.checks import concessions as check
from course.models.concessions import TradeTable, preferred_trade, trade_tier
from course.variants import learner_as
from tests.notebooks import solution_namespace, solutions
from tests.sweeps import passes
from tests.sweeps import run as run_check
from tests.test_concessions_review83 import _flat

MODULE = "04_concessions"
SOURCE = Path(__file__).parents[1] / "source" / MODULE / "concessions.py"
# learners whose visible check has a start where Orchard has its minimum and every free
# move gains Kite nothing (3 of the first 40)
KEEPERS = ("learner-1", "learner-6", "learner-24")


def _summary_bullet():
    text = _flat()
    summary = text[text.index("What to take away") :]
    return summary[summary.index("Choose where to land first") : summary.index("- Accept")]


def test_e1_the_summary_says_below_the_frontier_make_only_free_moves():
    """Review 85 E1: "Below the frontier, every give brings back at least as much" is false
    as a fact (costly gives exist there, and a single free give brings back nothing). It
    now says what rule 1 does; fails on the old text."""
    bullet = _summary_bullet()
    assert "every give brings back at least as much" not in bullet
    # review 86 C1: "only" contradicted rule 2 when stuck below the frontier
    assert "Make free moves while one exists;" in bullet


def _move(s, current, keep):
    """The rule's next move from ``current``, made with the course's own model; with
    ``keep``, a free move that gains Kite nothing is kept once Orchard has its minimum."""
    table = TradeTable(s.yours, s.theirs)
    options = table.options(current, gives=True)
    needed = table.shortfall(current, s.their_minimum)
    if keep and needed <= 0:
        options = [o for o in options if trade_tier(o) != "free" or o["you"] > 0]
    best = preferred_trade(options, needed)
    return None if best is None else best["package"]


def test_c1_rule_1_keeps_a_move_that_gains_you_nothing_and_the_check_takes_both(monkeypatch):
    """Review 85 C1: rule 1 made a free move that gains you nothing even once Orchard had its
    minimum, against rule 3's "every point more is a gift". Rule 1 now says such a move is
    better kept, to trade for a level back, and rule 3 stops when no move gains you points.
    Question 4's check takes keeping it (None) as well as making it (a superset: earlier
    answers keep their marks), visible and hidden; the old check failed the keeper for these
    learners. The model answer keeps it. The start where a rule that stops at Orchard's
    minimum fails still has a free move that gains Kite points."""
    monkeypatch.setenv("LEVERAGE_LEARNER", "ada")
    text = _flat()
    assert "the planner's path takes the one that adds the most points" not in text  # U3
    assert (
        "the one that adds the most points for both. Once they have their minimum, "
        "hold back a trade that gains you nothing: keep it for the close (rule 3)."  # r108 E2
        in text  # r102 C2
    )
    # review 102 C2: rule 3 stops, then closes with the held move
    assert (
        "**Stop, then close.** Stop when they have what they need and no move gains you points:"
        in text
    )
    keeps = solution_namespace(MODULE, "concessions")["next_trade"]
    cell = solutions(MODULE, "concessions")["next-trade-answer"]
    kept = "        free = [found for found in free if found[1] > 0]\n"
    assert kept in cell
    namespace = dict(keeps.__globals__)
    exec(cell.replace(kept, "        pass\n"), namespace)  # the model answer before review 85
    makes = namespace["next_trade"]
    table_starts = 0
    for learner in KEEPERS:
        monkeypatch.setenv("LEVERAGE_LEARNER", learner)
        with learner_as(learner):
            s = check._variant(learner)
            table = TradeTable(s.yours, s.theirs)
            kept = [
                c
                for c in check._starts(s, False)
                if _move(s, c, True) is None and _move(s, c, False) is not None
            ]
            table_starts += len(kept)
            for answer in (keeps, makes):
                for hidden in (False, True):
                    assert passes(run_check(check, "next_trade", answer, hidden=hidden)), learner
            assert all(table.points(c)[1] >= s.their_minimum for c in kept)
    assert table_starts >= len(KEEPERS)
    with learner_as(KEEPERS[0]):
        s = check._variant(KEEPERS[0])
        start = next(c for c in check._starts(s, False) if _move(s, c, True) is None)
        assert keeps(s, dict(start)) is None and makes(s, dict(start)) is not None


def test_c2_question_7_says_questions_1_to_6_leave_the_relationship_out():
    """Review 85 C2: section 5 puts the relationship inside the reservation price, while
    question 6 walks away below the reservation price without it. Question 7 now says so;
    fails on the old text."""
    text = _flat()
    question = text[text.index("Question 7 (1 mark)") : text.index("## 6. Reflection")]
    # review 99 (module 02's C2, round 100): the course says reservation price, not
    # walk-away point; the question's first sentence already names the figure so
    assert "Questions 1 to 6 leave the relationship out." in question
    assert "walk-away point" not in question


def test_c3_question_2_says_what_to_do_when_orchard_opened_first():
    """Review 85 C3: question 2's hold in round 2 ("Orchard has only opened") assumed you
    opened first, while Orchard may open first. Rule 3 now says how to answer then; fails
    on the old text."""
    question = _flat()[_flat().index("Question 2 (2 marks)") : _flat().index("Question 3 (1 mark)")]
    assert "(if Orchard opened first, use section 3)" in question


def test_x1_question_7_is_listed_with_the_rule_questions():
    """Review 85 X1: the intro billed question 7 as a decision on your own case, while its
    check takes any move up to the whole difference and grades no reason. It is now listed
    with the questions that apply the course's rules; fails on the old text."""
    # review 87 C3: 7 is no longer a rule question either: it checks the way, 6b how far
    # review 112 U3 (round 113): the same map, in words for learners
    assert "Questions 1, 2, 4b and 5 ask you to decide on your own case" in _flat()
    assert "7 asks which way the relationship moves your price, 7b how far." in _flat()


def test_x2_question_5_says_which_valid_set_to_prefer():
    """Review 85 X2: the model answer prefers a set with no throw-away offer, which the text
    never taught. Question 5 now says to prefer a set whose least attractive offer still
    tempts Orchard, citing the study the module already cites; fails on the old text."""
    text = _flat()
    question = text[text.index("Question 5 (2 marks)") : text.index("Question 5b")]
    # review 86 E1: the preference is labelled the course's own (test_concessions_review86)
    # review 102 X3: now said as advice, not graded
    assert (
        "Advice, not graded: prefer a set whose least attractive offer still tempts Orchard"
        in question
    )
    assert text.index("In experiments by Leonardelli") < text.index("Question 5 (2 marks)")


def test_u5_the_axelrod_aside_has_no_dangling_too():
    """Review 85 U5: "It won his first tournament, whose games had a known length of 200
    moves, too." left "too" dangling. It now says it won both; fails on the old text."""
    text = _flat()
    assert "200 moves, too." not in text
    assert "It won both tournaments. The first one's games had a known length of 200 moves;" in (
        text
    )
