"""Module 01, review 67: the text of the information module. Each test failed on the text
before this round."""

from course.scenarios.information import FAIR_SHARE
from tests.notebooks import source_notebook


def cell_words(grade_id):
    """The words of one text cell of the source notebook, spaces and line ends as one."""
    (text,) = [
        cell.source
        for cell in source_notebook("01_information", "information").cells
        if cell.metadata["nbgrader"]["grade_id"] == grade_id
    ]
    return " ".join(text.split())


def test_question_4_says_naming_the_reservation_price_rests_on_an_assumption():
    """C1: question 4 marked naming exactly Wren's reservation price as the decision, with no
    word of the caution section 3 gives; it now says whose assumption that is, where it is
    doubted, and what question 6 asks then, at the check's own fairness floor."""
    four = cell_words("q4-text")
    assert "Naming its reservation price leaves Wren none of the gain." in four
    assert "take-it-or-leave-it model's assumption that a buyer accepts any price up" in four
    assert "section 3 says when to doubt it" in four
    assert FAIR_SHARE == 0.25
    assert "leaving the buyer at least a quarter of the gain" in four
