"""Review 106 of module 04 (concessions), fixed in round 107: C3 (question 1's text states
the band its check applies), C1 (a rival's signed quote is checkable, Orchard's own budget
figure a test), C2 (which model sets the target), U6 (the maximum is "your best fact").
Each test fails on the text before this round."""

import pytest

import course
from course.checks import concessions as check
from course.checks.hints import NotYet
from tests.test_concessions_review104 import _cell, _flat

MODULE = "04_concessions"


def _reservation(s):
    return s.alternative_price + s.extra_cost


# --- C3: question 1's quote band is the check's band ------------------------------------


def test_c3_question_1_states_the_quote_band_the_check_applies():
    """Review 106 C3: question 1 said "open no higher than the quote and at most 3 thousand
    under it", but when the quote lies more than 3 above your estimate the check accepts an
    opening at the estimate (rv106-bob: estimate 96, quote 100, opening 96). The estimate
    stands under such a quote, and section 1 lets you open at it, so the check is right and
    the text now gives its floor: the lower of 3 under the quote and your estimate. Over
    400 learners (id-0 .. id-399), 193 are tried with such a quote (386 cases): every
    opening at the estimate passed before and passes now; no answer changes status."""
    q1 = _cell("q1-text")
    assert "open no higher than the quote and at most 3 thousand under it" not in q1
    assert (
        "open no higher than the quote, and no lower than 3 thousand under it or your "
        "estimate, whichever is lower." in q1
    )
    assert "a small edge that gives Orchard a reason to choose you over an equal rival" in q1
    assert check.QUOTE_BAND == 3.0
    bob = course.variant(MODULE, "rv106-bob")
    key = list(check.grounded_opening(bob)[1])
    assert (bob.their_estimate, check.grounded_opening(bob)[0]) == (96, 104)
    assert (None, 100.0) in check._rivals(bob, hidden=False)
    assert check._check_opening(bob, None, (96, key), 100.0) == 96  # 4 under the quote
    with pytest.raises(NotYet):
        check._check_opening(bob, None, (95.5, key), 100.0)  # under the stated floor
    # the stated floor, over learners and every quote the check tries at or below the
    # best fact: the floor passes, half a thousand under it fails
    for n in range(60):
        s = course.variant(MODULE, f"id-{n}")
        top, said = check.grounded_opening(s)
        for anchor, quote in check._rivals(s, hidden=True):
            if quote > top:
                continue
            floor = min(quote - 3, s.their_estimate)
            assert check._check_opening(s, anchor, (floor, list(said)), quote) == floor
            with pytest.raises(NotYet):
                check._check_opening(s, anchor, (floor - 0.5, list(said)), quote)


# --- C1: a third party's document you have seen is evidence; Orchard's word is a test ---


def test_c1_the_rival_quote_is_a_signed_document_and_section_5_says_why_it_counts():
    """Review 106 C1: question 1 treated a rival's quote "in writing" as news, while
    section 5 and question 6 treat a budget figure "merely stated or written down" as a
    test; both come from Orchard's side. Question 1 now says Orchard has shown you the
    rival's signed quote, which you can check, and section 5 says a third party's document
    you have seen can be checked, while Orchard's own word on its budget is a test."""
    q1 = _cell("q1-text")
    assert "quoted Orchard, in writing, for the same year" not in q1
    assert "on a signed quote Orchard has shown you, which you can check" in q1
    section = _cell("difficult-teaching")
    assert "treat a figure merely stated or written down as a test: counter" in section
    assert (
        "A third party's document you have seen (question 1's signed quote) can be checked; "
        "Orchard's own word on its budget, even written, is a test." in section
    )
    summary = _cell("summary")
    assert "a real rival quote is news" not in summary
    assert "a rival's signed quote is news" in summary


# --- C2: which model sets the target --------------------------------------------------


def test_c2_section_2_says_the_deal_me_out_gives_a_direction_and_module_02_the_target():
    """Review 106 C2: section 1 reads module 03's deal-me-out (the price Orchard expects is
    at least Birch's), section 2 aims three quarters of the way up to the estimate, far
    above it, and nothing said which model sets the price. Section 2 now says the
    deal-me-out is used only for the direction of naming Birch, that neither it nor
    module 02's Nash split sets the target, and that the target is module 02's rule under
    an estimate; the sentence sits after the target's paragraph, before the aside."""
    text = _cell("tactics-teaching")
    # review 108 (round 109): one sentence, paying for C1's words; the same three points
    # review 110 C3 (round 111): the reason now holds for the even split too: the band is a
    # convention on an estimated zone, the game-theory splits give only a direction
    said = (
        "Module 02's Nash split and module 03's deal-me-out model where a price ends; the "
        "course uses them only for which way a change moves it, never to set a target."
    )
    assert said in text
    assert text.index("close fewer deals.") < text.index(said) < text.index("Aside: why not")


# --- U6: the maximum is "your best fact" ------------------------------------------------


def test_u6_question_1_calls_the_highest_figure_your_best_fact_throughout():
    """Review 106 U6: question 1 called the highest figure among your statements "your
    *fact*", while "fact" also means any true statement. It is now "your best fact" in every
    bullet, and question 2 uses the same words (the check's pass message already did)."""
    q1 = _cell("q1-text")
    assert "your price is at most your *fact*" not in q1
    assert "your price is at most your *best fact*, the highest figure among them" in q1
    assert "up to your fact." not in q1 and "up to your best fact." in q1
    assert "A quote below your fact" not in q1
    assert "A quote below your best fact caps Orchard's reservation price" in q1
    q2 = _cell("q2-text")
    assert "the most a true fact of yours justifies" not in q2
    assert "up to your best fact, not only yours" in q2
    flat = _flat()
    assert "your *fact*" not in flat and "your fact" not in flat.replace("your facts", "")
