"""Module 01, review 86 (fixed in round 86): text and the claims it makes about the checks.
Each test failed on the text before this round."""

import re

from tests.test_checks_information import cell_words, reference


def test_a_fallible_report_is_worth_no_more_than_perfect_information_not_less():
    """E1: the text said a fallible report is worth *less* than perfect information, but
    both are 0 when no report can move the price: EVPI is a ceiling it can reach."""
    for grade_id in ("report-teaching", "summary"):
        assert "is worth less" not in cell_words(grade_id), grade_id
    # review 88 U1: the summary now says only that perfect information sets the most
    assert "worth no more" in cell_words("report-teaching")
    assert "perfect information at most" in cell_words("summary")


def test_the_build_slot_is_not_said_to_be_the_deadline_moore_studied():
    """E2: Moore (2004) found that revealing a final deadline that ends the talks for both
    sides makes the other side concede sooner. The build slot's date binds Osprey (it loses
    its machine on time), not both, yet `final-deadline`'s reason called it such a deadline
    and section 6 credited its effect to Moore outright. Both now borrow only Moore's logic."""
    deadline = next(m for m in reference._DISCLOSURES if m.key == "final-deadline")
    why = " ".join(deadline._why.split())
    assert "a final deadline that ends the talks for both sides binds Osprey" not in why
    assert "makes Osprey move sooner (Moore" not in why
    assert "the logic of Moore's finding on deadlines that bind both sides" in why
    guard = cell_words("guard-teaching")
    assert "a true deadline helps you (Moore)." not in guard
    assert "(Moore's logic: the date costs Osprey its machine on time" in guard


def test_section_3_says_the_sale_displaces_no_order_in_one_sentence():
    """C1 and U3: section 3 spoke of "the other food firm" before any story had named it
    (only Question 9's items do), inside a 60-word sentence whose one point is that your
    cost is your reservation price. One sentence now says so, of every other order."""
    words = cell_words("price-teaching")
    assert "other food firm" not in words
    sentence = (  # review 88 U1: shortened
        # review 100 U4: says why the waiting order costs nothing
        "You build to order; if Osprey takes your free build slot, the order "
        "waiting for it moves to a later slot at no cost to you (your book is otherwise "
        "empty), so **your own reservation price in this sale is your cost** $c$ (`sale.cost`)."
    )
    assert sentence in words and len(sentence.split()) < 50


def test_the_updater_steps_are_a_numbered_list_with_the_prior_stated_once():
    """U4: the steps before each offer were one long sentence ("set the sliders back ...,
    press start over, then ... once ..., then type it in the box"). They are now three
    numbered steps, and the starting prior is stated once."""
    pace = cell_words("pace-teaching")
    # review 88 U1: the three steps are one sentence again, shorter than the old one
    assert "Then, for each offer below, set the weights 1, 2, 3, 2 and 1" in pace
    assert "press **start over** and **next scripted offer** once" in pace
    assert "type the offer in the box and press **add this offer**" in pace
    assert pace.count("1, 2, 3, 2 and 1") == 1


def test_section_6_mentions_alternatives_without_repeating_question_9_s_labels():
    """U5: section 6's bullet on alternatives mixed mentioning them, deadlines, warnings and
    threats, and repeated what Question 9 and the summary say of the last two. The bullet
    keeps alternatives and the deadline said as information; the warning is defined once,
    where Question 9 lists the labels, and the summary points there."""
    guard = cell_words("guard-teaching")
    start = guard.index("**Mention alternatives lightly, and only true ones.**")
    # session 111: the concession-pattern bullet (a repeat of the pace section) is gone
    bullet = guard[start : guard.index("- **Use what you know about them")]
    assert "*warning*" not in bullet and "made-up Friday" not in bullet
    assert "informs without threatening" in bullet and "a true deadline helps you" in bullet
    nine = cell_words("q9-text")
    assert "a true deadline is a *warning*: a consequence you would bring about anyway" in nine
    assert "it invites a test (Question 9)" in cell_words("summary")


def _markdown_words():
    """The module's markdown words, counted as the review counted them."""
    from tests.notebooks import source_notebook

    cells = source_notebook("01_information", "information").cells
    return sum(len(c.source.split()) for c in cells if c.cell_type == "markdown")


def test_the_module_is_shorter_by_its_repeats_and_says_how_long_it_is():
    """U1 and X3: 9,545 words for one idea. Cut: the "Two notes on the words" box (question 9
    says both labels pass, and now why in law), the bound-versus-cap table no question used
    (one sentence keeps the difference), and the "Why these prices" box (its worked fair
    price is one sentence of convention 3). The intro's count follows."""
    words = _markdown_words()
    # review 88 U1: 900 words shorter; the intro's figure is read, not written here
    assert words <= 8350, words
    found = re.search(r"about (\d),(\d{3}) words of text", cell_words("intro"))
    said = int(found[1]) * 1000 + int(found[2])
    assert abs(words - said) < 150, (words, said)
    assert "Two notes on the words" not in cell_words("guard-teaching")
    assert "| verified bound (old news) |" not in cell_words("news-teaching")
    six = cell_words("q6-text")
    assert "Why these prices" not in six
    # review 88 X1, U1: the quarter is advice, worked on the example; the cases are in
    # section 6's "In law" box
    assert "62.50 leaves a buyer at 70 a quarter: 7.50 of 70 − 40" in six
    assert "(*Edgington v Fitzmaurice*, 1885; *Smith v Land" in cell_words("guard-teaching")
