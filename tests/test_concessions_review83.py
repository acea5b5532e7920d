"""Module 04 after review 82 (/work/notes/s76/review82_04.md, read at 9c53819): each test
failed on the code or text the review read and passes now."""

from pathlib import Path

import course
from course.checks import concessions as check

MODULE = "04_concessions"
SOURCE = Path(__file__).parents[1] / "source" / MODULE / "concessions.py"


def _flat():
    """The module's Markdown as one line of words, '# ' taken off."""
    lines = SOURCE.read_text().splitlines()
    return " ".join(line[2:].strip() for line in lines if line.startswith("# "))


# --- C1, C4: the next-year table's way and question 7's size -----------------------------


def test_c1_c4_the_text_says_what_the_next_year_table_can_show():
    """Review 82 C1: the text warned that a deal can make next year worse and sent the
    learner to 'read the rows', but the arena's buyers remember only how talks ended, so a
    deal always helps in the learner's table. Review 82 C4: 'which way ... question 7 leaves
    to you' against question 7's 'move it the table's way'. The text now says both."""
    text = _flat()
    assert "a deal can also make next year worse" not in text
    assert "question 7 leaves to you" not in text
    assert "The table below gives the way the difference moves" in text
    assert "question 7 asks how far" in text
    assert "In this table a deal always helps; in real talks a low price" in text
    for n in range(3):
        own = check.next_year(course.variant(MODULE, f"rv83-{n}"))
        assert own["deal"] > own["polite walk-away"], (n, own)
