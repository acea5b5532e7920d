"""Review 82 (module 00), fixed in round 83: each test below failed on the old code or text."""

from tests.sweeps import cell_text


def _markdown(grade_id):
    return " ".join(cell_text("00_leverage", "leverage", grade_id).split())


def test_c1_sections_2_and_5_agree_that_4a_puts_a_revealed_weakness_in_your_information():
    """Review 82 C1: section 2 said a weakness of theirs is rated once, in their row, and adds
    to your information only what knowing it lets you do; section 5 and question 4a's key
    put all of a revealed weakness in your information. Both places now say question 4a's
    news does that, as a simplification, and what it leaves out (their row). Fails on the
    old text."""
    sources = _markdown("sources-teaching")
    shift = _markdown("shift-teaching")
    assert (
        "(question 4a's news simplifies: it all goes to your information, none to their row)"
        in sources
    )
    assert (
        "Question 4a's news simplifies: it puts all of a revealed weakness of theirs in your "
        "information; a full re-audit would lower their row and add to your information only "
        "what knowing it lets you do." in shift
    )
