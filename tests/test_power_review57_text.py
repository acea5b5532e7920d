"""Module 03, review 57: the text's terms and reminders (C2, C3, U1, U2). Each test failed
on the text before this round."""

import re

import course
from tests.test_models_power import PROSE, _section


def test_the_least_kestrel_would_accept_has_one_name_after_section_2():
    """C2: "floor" was a second name for the reservation price (question 2's field, the
    summary). After section 2 defines the core's floor, "floor" appears only as the core's
    lowest price, and question 2 asks for a `reservation`."""
    two = _section(PROSE, "### Question 2", "def licence_floor")
    assert "`(clears_today, clears_with_corvid)`" in two and "`floor`" not in two
    after = PROSE[PROSE.index("### Question 2") :]
    for found in re.finditer(r"(?<![-_])\bfloor\b(?![-_])", after):
        before = after[max(0, found.start() - 7) : found.start()]
        assert before.endswith(("core's ", "that ")), after[found.start() - 80 : found.end() + 20]
    summary = PROSE[PROSE.index("## What to take away") :]
    assert "floor" not in summary and "sets your reservation price" in summary


def test_section_5_reminds_the_nash_split_before_using_it():
    """U2: the Nash split and the disagreement point came from module 02 without a reminder."""
    # review 79, U1 (round 80): section 5 recaps module 02, section 7, where the Nash split
    # is taught, instead of teaching it again
    five = _section(PROSE, "We recap and extend module 02's section 7.", "The licence of section 2")
    assert "$x_A = d_A + (P - d_A - d_B)/2$" not in five
    assert "Nash split on the breakdown payoffs" in five


def test_question_4s_reason_bullet_is_two_sentences():
    """U1: the reason bullet was one nested conditional over four sentences."""
    four = _section(PROSE, "- `reason`:", "The mark needs both right")  # review 82: moved
    assert len(re.findall(r"\. [A-Z]", four)) + 1 <= 2, four


def test_the_story_sets_out_what_granite_knows_when():
    """C3: questions 7, 9a and 9b are set at three moments of what Granite knows of Harrow's
    offer; part 4 of the story now shows them as a timeline."""
    story = course.variant("03_power", "timeline-0").story()
    assert "| today, before Harrow tells Granite | only what Kestrel tells it | 9a |" in story
    assert "| today, once Harrow has told it, before its first proposal |" in story
    assert "| a year later | nothing of Harrow's new offer" in story
