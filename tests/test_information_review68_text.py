"""Module 01, review 68: the text of the information module. Each test failed on the text
before this round."""

from tests.test_checks_information import cell_words


def test_the_verified_bound_row_states_its_assumption():
    """U1: the bound's row drops the prices above the bound and rescales the rest, which
    treats the quote as equally likely under every reservation price below it; a firm
    holding such a quote is likelier to sit at the bound, as Question 3's `rival-quote`
    reasons. The row now says so. Review 83 U4: that parenthesis was dense; it now states
    the assumption alone."""
    words = cell_words("news-teaching")
    # review 86 U1: the table is one sentence; review 88 U2: that sentence moved to
    # Question 5, beside `capped`, the one place a question uses the difference
    assert "bound" not in words
    assert "would instead drop the prices above it" in cell_words("q5-text")
    assert "simplification" not in words


def test_the_summary_points_back_to_section_6_for_the_unwise_warning():
    """C1: the summary sent the reader forward ("as module 02 will show") for what section 6
    has already shown."""
    words = cell_words("summary")
    assert "as module 02 will show" not in words
    assert "legitimate, but it invites a test (Question 9)" in words  # review 86 U5, 92 U2


def test_the_evpi_definition_is_one_idea_a_sentence():
    """U3: EVPI's definition nested two parentheticals in one sentence; the blind price is
    now said in a sentence of its own."""
    words = cell_words("voi-teaching")
    # review 88 U1: one sentence, the model's price named in a short parenthesis
    assert (
        "minus what the model's price earns without it (`before` against your prior, `now` "
        "after the opening), is the **expected value of perfect information**, EVPI" in words
    )
