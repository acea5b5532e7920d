"""Review 102 of module 04 (concessions), fixed in round 102. (Its C1 + X1 tests, which
required keeping Birch's offer private by a bar that review 103 E1 showed wrong, are gone;
tests/test_concessions_review103.py replaces them.) C2: rule 3 closes with the move rule 1
held back, so the rule's path ends on the frontier. U6: question 6's cap rule reads
plainly. U5: why a true past price above the estimate is no bluff. U2: the introduction's
note on the course's own lines is one sentence; each line is labelled where it is used.
Each test fails on the text or code before this round."""

from pathlib import Path

import course
from course.models.concessions import TradeTable
from course.scenarios.concessions import middle_package
from tests.sweeps import cell_text

MODULE = "04_concessions"


def _cell(grade_id):
    return " ".join(cell_text(MODULE, "concessions", grade_id).split())


# --- C2: rule 3 closes with the move rule 1 held back ------------------------------------


def test_c2_the_rule_s_path_ends_on_the_frontier_with_the_close():
    """Counted over learners id-0 .. id-149: with rule 1's hold and no close, the rule's
    path stops below the frontier in 0 cases from the draft and in 8 from the middle
    package (the review counted 10 of 150 on its own learners); with rule 3's close it
    ends on the frontier, Orchard's minimum met, in all of them."""
    below = {"draft": 0, "middle": 0}
    for n in range(150):
        s = course.variant(MODULE, f"id-{n}")
        table = TradeTable(s.yours, s.theirs)
        for name, start in (("draft", s.draft), ("middle", middle_package(s))):
            held = table.rule_path(start, s.their_minimum, hold=True)
            below[name] += not table.efficient(held[-1])
            closed = table.rule_path(start, s.their_minimum, hold=True, close=True)
            assert table.efficient(closed[-1]), (s.learner, name)
            if table.landed(held[-1], s.their_minimum) or not table.efficient(held[-1]):
                assert table.landed(closed[-1], s.their_minimum), (s.learner, name)
    assert below == {"draft": 0, "middle": 8}, below
    text = _cell("trades-teaching")
    assert "save it to trade later" not in text
    assert "keep it for the close (rule 3)" in text
    assert "offer it now, last, for the signature" in text


def _all():
    from pathlib import Path

    source = Path(__file__).parents[1] / "source" / MODULE / "concessions.py"
    return " ".join(
        line[1:].strip() for line in source.read_text().splitlines() if line.startswith("#")
    )


def test_c2_the_planner_says_the_held_move_is_for_the_close():
    from course.widgets import concessions as widgets

    source = " ".join(Path(widgets.__file__).read_text().split())
    assert "kept to trade later" not in source
    assert "keeps such a move to trade later" not in source
    assert "where rule 3 offers it last, for the signature" in source
    # review 108 U4 (round 109): the verdict's words moved to the model
    from course.scenarios import concessions as scenarios

    assert "the free move left is for the close" in " ".join(
        Path(scenarios.__file__).read_text().split()
    )


# --- U6, U5, U2 -------------------------------------------------------------------------


def test_u6_question_6_s_cap_rule_reads_plainly():
    text = _cell("q6-text")
    assert "accept an offer at one at or above it" not in text
    assert (
        "if the cap is below your reservation price, walk away; if it is at or above it, "
        "ask no more than the cap, and accept an offer at the cap." in text
    )


def test_u5_a_true_past_price_above_the_estimate_is_no_bluff():
    text = _cell("opening-teaching")
    assert "it is a true price Orchard knows, not a claim about your reservation price." in text


def test_u2_the_introduction_s_note_is_one_sentence_and_lines_are_labelled_where_used():
    intro = _cell("intro")
    assert "which numbers are this course's own lines" not in intro
    assert "each is labelled where it is used." in intro
    flat = _all()
    for label in (
        "over an equal rival, and the course's line.",  # review 106 C3
        "three fifths is this course's line, not a figure from Faratin or another study",
        "the quarter is this course's line, not a finding.",
        "(the course's assumption; no study has measured it)",
        "These plans step every round, a little faster than section 3's rule",
    ):
        assert label in flat, label


# --- X3: question 5's preference is advice ----------------------------------------------


def test_x3_question_5_s_preference_is_advice_not_graded():
    """Grading it would need a line for "still tempts" that the module does not teach (the
    review's median of the qualifying sets' weakest offers is a new, arbitrary line), so
    the text says plainly that it is advice and the check does not grade it."""
    q5 = _cell("q5-text")
    assert "Advice, not graded: prefer a set whose least attractive offer still tempts" in q5
    assert "the check accepts any of them." in q5
