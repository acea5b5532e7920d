"""Module 03, review 87 (an independent negotiation professor's review), fixed in round 87.
Each test failed on the text before this round."""

from tests.test_models_power import PROSE, _section


def _flat(text):
    return " ".join(text.replace("#", "").split())


def test_c1_question_7s_walk_out_is_not_question_9s_mention():
    """C1: question 7's "take Harrow" is walking out to Harrow, yet the text then told the
    learner to say so calmly first, which is question 9's part b "mention" move. Question 7
    now says the game has no such move and names where it is; the graded label stays."""
    seven = _flat(_section(PROSE, "### Question 7", "def granite_reply"))
    assert "say so calmly" not in seven
    assert "Saying so calmly" not in seven
    assert '`"take Harrow"` (walk out to Harrow\'s work)' in seven
    assert (
        "This game has no move that names Harrow's offer before walking out: naming an offer "
        'is question 9\'s part b, `"mention"`.' in seven
    )
    code = _section(PROSE, "def granite_reply", "END SOLUTION")
    assert 'return "take Harrow"' in code
