"""Review 86 of module 04 (a negotiation professor's, on 8bc22e1b;
/work/notes/s76/review86_04.md): fixes, each with a test that fails on the text or code it
replaced."""

from pathlib import Path

from tests.test_concessions_review83 import _flat

MODULE = "04_concessions"
SOURCE = Path(__file__).parents[1] / "source" / MODULE / "concessions.py"


def test_e1_question_5s_preference_is_the_courses_not_leonardellis():
    """Review 86 E1: question 5 credited its max-min preference (the weakest offer still
    tempts Orchard) to Leonardelli and colleagues, whose paper traces joint gains to a set
    that includes one attractive offer. The preference is now labelled the course's own,
    drawn from the sincerity finding, and the aside keeps the paper's finding as it is;
    fails on the old text."""
    text = _flat()
    question = text[text.index("Question 5 (2 marks)") : text.index("Question 5b")]
    assert "(Leonardelli and colleagues, above)" not in question
    assert (
        "Prefer a set whose least attractive offer still tempts Orchard: the course's "
        "preference, drawn from the sincerity finding above." in question
    )
    aside = text[text.index("In experiments by Leonardelli") : text.index("Reading the pick")]
    assert "more likely to hold an offer the other side found attractive" in aside
    assert "reading a set as a sincere attempt to agree" in aside
