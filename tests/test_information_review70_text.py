"""Module 01, review 70: the text of the information module. Each test failed on the text
before this round."""

from tests.test_checks_information import cell_words


def test_lewicki_saunders_and_barry_report_a_survey_and_draw_no_line_of_their_own():
    """E1: the text said Shell and Lewicki, Saunders and Barry "draw the line in the same
    place", but Lewicki et al. mostly describe: their ethics chapter reports how acceptable
    negotiators rate each tactic. Shell draws the line; the textbook reports the ratings."""
    words = cell_words("guard-teaching")
    assert "draw the line in the same place" not in words
    # review 88 U1: shortened
    assert "Shell (*Bargaining for Advantage*, 1999) puts them beyond the line." in words
    assert (
        "In the surveys Lewicki, Saunders and Barry report (*Negotiation*, ethics chapter), "
        "negotiators rate misstating facts far less acceptable than hiding their reservation "
        "price." in words
    )


def test_the_price_notions_have_one_glossary_line_where_all_are_needed():
    """U3: a learner met four price notions before Question 5 and three more in Question 6
    with no one place that set them side by side; section 3 then ended with a one-line
    glossary. Review 78 U6: it came after five of them were in use and left out the safer
    and fair prices; it now opens Question 6, where all are needed, and names all seven."""
    three = cell_words("price-teaching")
    assert "The prices so far" not in three
    six = cell_words("q6-text")
    # session 111: the label "**The prices, side by side**:" cut to pay for convention 2
    assert six.index("This question adds five prices") < six.index("`staged-opening`")
    # review 102: U2 set a folded glossary of all the module's prices in section 3, each
    # with the question that uses it; Question 6 names the four it adds and points to it
    assert "(section 3's glossary lists them all)" in six[: six.index("`staged-opening`")]
    # review 108 C1 (round 109): the fifth, the re-priced price, named too
    assert (
        "your **opening**, a *target*, a *safer price*, a *fair price* and the *re-priced price*."
        in six
    )
    glossary = three[three.index("<b>The module's prices</b>") : three.index("</details>")]
    for name in ("| estimate |", "| `sure` |", "| the model's price |", "| opening, target |"):
        assert name in glossary, name
    assert "| safer price |" in glossary and "| fair price |" in glossary


def test_the_ultimatum_fifth_is_sourced_where_it_is_stated():
    """U4: section 3 said the note below its list gives the figures for "offers under about a
    fifth ... refused about half the time" and their sources; the note began "Beyond that"
    and never sourced that figure. The source now stands with the figure."""
    words = cell_words("price-teaching")
    assert "(the note below the list gives the figures and their sources)" not in words
    # review 81 U1: the side note is cut; review 83 U1: so are the meta-analysis figures
    assert (
        "offers under about a fifth are refused about half the time (Camerer, "
        "*Behavioral Game Theory*, 2003, chapter 2)" in words
    )
