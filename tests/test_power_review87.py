"""Module 03, review 87 (an independent negotiation professor's review), fixed in round 87.
Each test failed on the text before this round."""

from tests.test_models_power import PROSE, _section


def _flat(text):
    return " ".join(text.replace("#", "").split())


def test_e1_a_bargained_rival_offer_keeps_the_prediction_but_not_its_uniqueness():
    """E1: the closing note said the price rests on Borealis's offer being firm, and that
    were it bargained Kestrel might get anything from v1/2 to v1. Abreu & Manea (RES 2025)
    keep max(v1/2, v2) as the Markov-perfect prediction when that offer is bargained too;
    only the set of all subgame-perfect equilibria spans v1/2 to v1. The note now says the
    prediction stays and only its uniqueness is lost."""
    note = _flat(_section(PROSE, "<details><summary>Closing note", "</details>"))
    assert "rests on Borealis's offer being firm" not in note
    assert "Kestrel might get anything from" not in note
    assert (
        # review 103, C2 (round 104): headed "If Borealis's offer were itself bargained"
        "the predicted price would stand, but no longer as the only equilibrium: any price "
        "from $v_1/2$ to $v_1$ can be one (Abreu & Manea," in note
    )
    assert (
        "*If Borealis's offer were itself bargained.* A sale to Borealis alone would then "
        "bring Kestrel less than $v_2$" in note
    )


def test_c1_question_7s_walk_out_is_not_question_9s_mention():
    """C1: question 7's "take Harrow" is walking out to Harrow, yet the text then told the
    learner to say so calmly first, which is question 9's part b "mention" move. Question 7
    now says the game has no such move and names where it is; the graded label stays."""
    seven = _flat(_section(PROSE, "### Question 7", "def granite_reply"))
    assert "say so calmly" not in seven
    assert "Saying so calmly" not in seven
    # review 106, C1 (round 107): the move is now naming Harrow's figure, the walk-out's
    # money in real talks, as question 4's "rival"; the fold says how the two fit
    assert 'answer `"name Harrow"`: ask Granite to meet Harrow\'s figure' in seven  # review 108, C1
    # review 90, U3: the line on the move the game lacks is cut on purpose; the game's
    # moves are the three labels, and section 5's real-talks sentence stays (review 89, C1)
    assert "This game has no move that names Harrow's offer" not in seven
    # review 108, C1 (round 109): the stem says it now
    # review 114, E1: without "the same money", which the model does not give
    assert "leave only if it will not. That is how real talks walk out" in seven
    code = _section(PROSE, "def granite_reply", "END SOLUTION")
    assert 'return "name Harrow"' in code
