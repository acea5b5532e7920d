"""Review 95 of module 01 (information): section 1 defines the reservation price as module
00 does (C1); question 4b states the acceptance rule its check applies (X1). Each test
fails on the text before this round."""

from tests.sweeps import cell_text


def _words(module, name, grade_id):
    return " ".join(cell_text(module, name, grade_id).replace("#", " ").split())


def test_c1_the_reservation_price_is_the_worst_terms_still_accepted_as_in_module_00():
    """Section 1 said "the point at which it would rather walk away than deal", which read
    literally walks away at the price itself; module 00 and this module's section 3 say the
    side accepts at exactly that price, and question 2's `sure` and question 4b rest on it."""
    why = _words("01_information", "information", "why-teaching")
    assert "rather walk away than deal" not in why
    assert "A side's **reservation price** is the worst terms it would still accept" in why
    zero = " ".join(cell_text("00_leverage", "leverage", "sources-teaching").split())
    assert "worst terms it would still accept" in zero


def test_x1_question_4b_states_that_wren_accepts_up_to_its_reservation_price():
    """Question 4b's check gives no mark to a price below Wren's reservation price, and its
    hint says Wren accepts any price up to it; the question never said so (section 3 lists
    the assumption later)."""
    q4b = _words("01_information", "information", "q4b-text")
    assert (
        "like every buyer in this module's model, it accepts any price up to its reservation "
        "price, that price included (section 3 lists this assumption and questions it)"
    ) in q4b
