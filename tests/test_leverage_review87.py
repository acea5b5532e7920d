"""Review 87 of module 00 (a negotiation professor's, on 34dbc168): fixes, each with a test
that fails on the text it replaced."""

from tests.sweeps import cell_text


def _markdown(grade_id):
    return " ".join(cell_text("00_leverage", "leverage", grade_id).split())


def test_c1_question_4a_says_where_a_revealed_weakness_of_theirs_goes():
    """Review 87 C1: question 4a's key files news that reveals a weakness of theirs wholly as
    your information, against section 2's rule of rating a fact once in its own row; the
    only warning was one sentence at the end of a long section-5 paragraph. The caveat is
    now in question 4a's text, where the learner answers, and section 5's repeat is cut.
    Fails on the old text."""
    question = _markdown("q4-text")
    assert (
        "Here, file news that you learn of a weakness of theirs as your information only; a "
        "full re-audit would also lower their row." in question
    )
    assert "news simplifies" not in _markdown("shift-teaching")
