"""Module 05, review 62: the letter's rationale and the text fixes a professor-reader
asked for."""

from pathlib import Path

import course

SOURCE = Path(course.__file__).parents[1] / "source" / "05_capstone" / "capstone.py"


def _text():
    return " ".join(line.lstrip("# ").strip() for line in SOURCE.read_text().splitlines())


def test_the_text_fixes_of_review_62():
    """U2, U3, U4, C3, C4: the buyer's reason to overstate its stock; a refused offer does
    not pull at this table (not as a general fact); the rush is an admission against
    Marlow's interest (review 67 U3: a costly one); the diagnostic set is for a meeting (review 66 C1); and the
    letter's terms stay unsaid for a reason module 02 gives."""
    text = _text()
    assert "sound short of time, or not" not in text
    assert "every reason to overstate its stock, to sound patient" in text
    assert "One the other side refuses out of hand does not pull at all" not in text
    # review 102 (cuts): the same rule in fewer words
    assert "is refused out of hand and does not pull" in " ".join(text.split())
    assert "it must give on other terms to get faster delivery" not in text
    # review 67 U3: 'admits a need ... so it is hard to fake' overstated a cheap signal;
    # the text now says what makes it informative (test_review67_capstone.py)
    assert "a rush request costs Marlow something at the table" in text
    assert "In a meeting you would put all of them down together" not in text
    # review 66 C1: the text forbade in a meeting the very set question 5 marks; it now
    # says the set is shown in a meeting, and why a partner below the frontier costs no
    # profit there, and that this table cannot run the test
    assert "In a meeting, put down together only partners on the frontier" not in text
    assert "stays your private test" not in text
    # review 69 U5: said as what you would do at a human table, and why not here
    # review 72 U1: shortened into one sentence
    # review 90 (C1, U1, U3): removed on purpose
    assert "At a human table you offer them together, before any concession;" not in text
    assert "so you prepare the set and send the opening alone" in text
    assert "module 02's own caution applies: a side that knows it can offer you that" in text
    # review 78 U1: the reply ratio is defined once (review 96 U1: in section 7, which
    # uses it, no longer in section 5)
    assert text.count("**reply ratio**") == 1
