"""Module 01, review 74: text. Each test failed on the text before this round."""

from tests.test_checks_information import cell_words, reference


def test_the_ultimatum_refusals_carry_their_stakes_where_they_meet_the_sale():
    """U1: refusal rates from small-stakes ultimatum games were applied to a sale worth tens
    of thousands of euros without a word on stakes; refusals fall towards zero as stakes rise
    (Andersen, Ertaç, Gneezy, Hoffman and List, AER 2011). Section 3 says so with its source,
    Question 6's convention 3 says what that makes of the band (the course's caution, not a
    measured risk), and the `fair-share` situation's feedback calls its figures
    small-stakes."""
    section_3 = cell_words("price-teaching")
    assert (
        "Those games split small sums; refusals fall towards zero when an offer is worth weeks "
        'of wages (Andersen, Ertaç, Gneezy, Hoffman and List, "Stakes Matter in Ultimatum '
        'Games", *American Economic Review*, 2011).' in section_3
    )
    assert (
        "At a sale's stakes refusals are rarer still (section 3): the band from a quarter to "
        "half is the course's caution, not a measured risk." in cell_words("q6-text")
    )
    (fair,) = [item for item in reference._SITUATIONS if item.key == "fair-share"]
    assert "in small-stakes ultimatum games offers under about a fifth" in " ".join(
        fair._why_action.split()
    )
