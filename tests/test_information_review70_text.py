"""Module 01, review 70: the text of the information module. Each test failed on the text
before this round."""

from tests.test_checks_information import cell_words


def test_lewicki_saunders_and_barry_report_a_survey_and_draw_no_line_of_their_own():
    """E1: the text said Shell and Lewicki, Saunders and Barry "draw the line in the same
    place", but Lewicki et al. mostly describe: their ethics chapter reports how acceptable
    negotiators rate each tactic. Shell draws the line; the textbook reports the ratings."""
    words = cell_words("guard-teaching")
    assert "draw the line in the same place" not in words
    assert "Shell (*Bargaining for Advantage*, 1999) puts lies about facts beyond that line." in (
        words
    )
    assert (
        "In the surveys Lewicki, Saunders and Barry report (*Negotiation*, ethics chapter), "
        "negotiators rate misstating facts far less acceptable than hiding their reservation "
        "price." in words
    )
