"""Review 87 of module 04 (a negotiation professor's, on 34dbc168;
/work/notes/s76/review87_04.md): fixes, each with a test that fails on the text or code it
replaced."""

from pathlib import Path

from tests.test_concessions_review83 import _flat

MODULE = "04_concessions"
SOURCE = Path(__file__).parents[1] / "source" / MODULE / "concessions.py"


def test_c1_a_stated_budget_is_treated_as_a_test_not_labelled_one():
    """Review 87 C1: section 5 said 'a figure merely stated or written down is a test',
    while the same section says you cannot tell a test from a real cut and the exercise
    says the budget is sometimes really cut. The rule now says to treat such a figure as a
    test, and the model answer's comment reads a claim the same way; fails on the old text."""
    text = _flat()
    assert "written down is a test" not in text
    assert "treat a figure merely stated or written down as a test: counter" in text
    assert "you cannot tell which you face, nor a test from a real cut" in text
    source = SOURCE.read_text()
    assert "a claim is a test" not in source
    assert "a claim I treat as a\n    # test" in source


def test_c3_the_intro_says_question_7_checks_the_way_and_6b_how_far():
    """Review 87 C3: the intro listed question 7 among the questions that check you apply
    the course's rules, while question 7 passes any move the table's way and 6b asks how
    far. The intro now says 7 checks the way and 6b the size; fails on the old text."""
    text = _flat()
    assert "3, 4, 5b, 6 and 7 check" not in text
    assert (  # review 112 U3 (round 113): in words for learners
        "Questions 3, 4, 5b and 6 ask you to follow the module's rules; 7 asks which way the "
        "relationship moves your price, 7b how far." in text  # review 93 U3
    )
    assert "Any such move passes; question 7b asks how far you moved" in text
