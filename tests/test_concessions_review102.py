"""Review 102 of module 04 (concessions), fixed in round 102. C1 + X1: section 1 and
question 1 measure Birch's offer against Orchard's estimate of your share at the table
(module 03's deal-me-out), not against Orchard's guess alone, and question 1 grades the
decision that follows (keep it private: no drawn case beats that bar). C2: rule 3 closes
with the move rule 1 held back, so the rule's path ends on the frontier. U6: question 6's
cap rule reads plainly. U5: why a true past price above the estimate is no bluff. U2: the
introduction's note on the course's own lines is one sentence; each line is labelled
where it is used. Each test fails on the text or code before this round."""

from pathlib import Path

import pytest

import course
from course.checks import concessions as check
from course.checks.hints import NotYet
from course.models.concessions import TradeTable
from course.scenarios.concessions import (
    BIRCH_CLEAR,
    birch_is_strong,
    middle_package,
    share_at_table,
)
from tests.sweeps import cell_text

MODULE = "04_concessions"


def _cell(grade_id):
    return " ".join(cell_text(MODULE, "concessions", grade_id).split())


# --- C1 + X1: the bar for naming Birch --------------------------------------------------


def test_c1_x1_section_1_and_question_1_state_the_share_at_the_table_bar():
    text = _cell("opening-teaching")
    assert "(question 1 accepts both)" not in text
    assert "Name Birch's offer only if it beats that halfway point." in text
    assert "halfway from the least they think you would take to their reservation price" in text
    # module 03 says it: with equal patience the two sides split evenly at the table
    power = " ".join(cell_text("03_power", "power", "outside-teaching").split())
    assert "they split evenly at the table" in power
    q1 = _cell("q1-text")
    assert "the check accepts either choice" not in q1
    assert "only if it beats the halfway point" in q1
    intro = _cell("intro")
    assert "either choice passes" not in intro
    summary = _cell("summary")
    assert "beats their estimate of your share at the table" in summary
    assert "never when it is below what they believe of it" not in summary


def test_c1_x1_birch_never_beats_the_bar_so_naming_it_fails_and_keeping_it_passes():
    """Swept over 300 learners (2,000 in the round's notes: 1,374 with a true Birch
    statement, 685 of them above Orchard's guess, none above the bar; Birch 5 to 26 below
    it). Naming a true Birch fails with a hint that names the bar; keeping it private
    passes; the old rule (Birch above Orchard's guess: either passes) no longer does."""
    true = above_guess = 0
    for n in range(300):
        s = check._variant(f"id-{n}")
        assert not birch_is_strong(s)
        assert share_at_table(s) - s.alternative_price >= BIRCH_CLEAR, s.learner
        birch = next(k for k, st in s.statements.items() if st.about == "birch")
        if s.facts.get("birch") != s.statements[birch].figure:
            continue
        true += 1
        above_guess += s.alternative_price > s.their_guess
        price, said = check.grounded_opening(s)
        assert check._check_opening(s, None, (price, list(said)), None) == price
        if s.alternative_price > s.their_guess or n % 5 == 0:
            with pytest.raises(NotYet) as raised:
                check._check_opening(s, None, (price, [*said, birch]), None)
            assert "share at the table" in str(raised.value)
            assert f"{share_at_table(s):g}" in str(raised.value)
    assert true > 150 and above_guess > 50, (true, above_guess)


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
    assert "the free move left is for the close" in source


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
        "over an equal rival. The 3 is the course's line.",
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
