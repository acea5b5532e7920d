"""Module 03, review 66 (the second review of the module): the text says what the checks
decide. Each test failed on the text before this round."""

from tests.test_models_power import PROSE, _section


def _flat(text):
    return " ".join(text.split())


def test_question_3_says_a_count_of_swings_decides_as_the_indices_do():
    """X1: the own-case hint says to count Kestrel's swings after each sale; the draw now
    keeps those counts apart, and the question says that they agree with the indices."""
    three = _flat(_section(PROSE, "### Question 3", "def buy_votes_from"))
    assert (
        "Section 3's two indices agree in every scenario, and so does a count of Kestrel's "
        "swings after each sale." in three
    )


def test_question_9a_says_each_right_label_earns_its_share():
    """The cliff of question 9a (three right earned one mark, all four two) is gone: the
    text says what the hidden check pays, half a mark a right label."""
    nine = _flat(_section(PROSE, "### Question 9", "def rate_tactics"))
    assert "Each right label earns half a mark, whatever the other labels." in nine
    assert "Three right earn one mark" not in nine
