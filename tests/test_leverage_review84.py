"""Review 83 of module 00 (a fresh reader's, on 4df03cb): fixes, each with a test that
fails on the text it replaced."""

import re

from tests.sweeps import cell_text


def _markdown(grade_id):
    return " ".join(cell_text("00_leverage", "leverage", grade_id).split())


def test_x1_the_4c_rubric_charges_a_4a_slip_once():
    """Review 83 X1: question 4c's part 2 asks for a judgement at the first moment the bar
    was reached, which the learner finds from balances built on their own 4a readings; the
    rubric did not say whose balances to judge on, so a slip in 4a could cost marks twice.
    It now says: on the learner's own, and not again."""
    rubric = " ".join(cell_text("00_leverage", "leverage", "spend-judgement").split())
    assert (
        "Judge part 2 on the balances the learner's own 4a readings give (the own-balances "
        "cell): a slip in 4a costs marks there, not again here."
    ) in rubric


def test_u4_the_opening_advice_comes_one_idea_to_a_sentence():
    """Review 83 U4: section 5 gave module 04's opening advice in one 54-word sentence with
    four ideas (module 04, open ambitiously, ground the figure, open first only if you know
    the range). It is now split after the citation, and keeps module 04's condition on
    opening first. Fails on the old text."""
    rule = _markdown("shift-teaching").split("**The rule.**")[1].split("Set the ask's bar")[0]
    # review 86 U5: the advice itself is module 04's; section 5 keeps one line
    assert "Opening offers, grounded in your leverage, are module 04's." in rule
    for sentence in re.split(r"(?<=\.)\s+(?=[A-Z])", rule):
        assert len(sentence.split()) <= 30, sentence


def test_u3_the_side_note_says_plainly_what_earns_more_and_time_is_one_paragraph():
    """Review 83 U3: the side note on rating information said "what you work out further
    than it expects you to go earns more", hard to parse, and then gave two notes on
    deadlines in a row, one in the information paragraph and one under **Time.** It now says
    what they do not expect you to know, and both deadline notes sit in the Time paragraph.
    Fails on the old text."""
    note = cell_text("00_leverage", "leverage", "sources-teaching")
    opened = note.split("<details>")[0]
    note = note.split("needs only the three questions)</summary>")[1].split("</details>")[0]
    time = " ".join(note.split("**Time.**")[1].split())
    # review 112 U4 (round 113): the information rule moved out of the side note into
    # section 2's open text, as its own paragraph
    assert "knowing makes" not in note
    information = " ".join(
        opened.split("Information is rated by")[1].split("**Each fact")[0].split()
    )
    assert "further than it expects" not in information
    assert "what you work out that they do not expect you to know earns more." in information
    assert "deadline" not in information
    # review 110 C1 (round 111): the deadline note points to section 5's rule on waiting
    assert "Whether it is a reason to wait is section 5's rule." in time


def test_u2_the_simplification_of_4a_s_news_is_stated_once_in_section_5():
    """Review 83 U2: section 2's side note and section 5 both said that question 4a's news
    puts all of a revealed weakness of theirs in your information. Section 5's statement,
    beside the re-audit it qualifies, is kept; section 2's parenthesis is cut. Fails on the
    old text."""
    from tests.notebooks import source_notebook

    text = " ".join(
        " ".join(c.source.split())
        for c in source_notebook("00_leverage", "leverage").cells
        if c.cell_type == "markdown"
    )
    # review 87 C1: stated once, now in question 4a's own text; review 89 C1: either reading;
    # review 90 C1: the rule is stated in four places, its detail for news in 4a only
    # review 99 C1: with its reason, in question 4a's own words
    detail = (
        "may show you rated the row it weakens too high: lower that row or raise your information"
    )
    assert text.count(detail) == 1
    assert detail in _markdown("q4-text")


def test_u5_section_3_gives_points_without_the_fussy_parenthesis():
    """Review 83 U5: section 3's "(only leverage comes in points: a rating rises by 2, not by
    2 points)" was fussy and read like a trap; the unit is clear from use, and review 80's
    test (tests/test_leverage_review81.py) still keeps ratings out of points everywhere.
    Fails on the old text."""
    audit = _markdown("audit-teaching")
    assert "only leverage comes in points" not in audit
    assert "weighted and added up, in **points** from 0 to 10: $$L =" in audit
