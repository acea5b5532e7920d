"""Review 91 of module 02: four one-line fixes, each with a test that fails on the text or
code before it: the summary's answer-date result names the optional box that teaches it
(U1); the ZOPA's definition says each side's own reservation price (U2); the timing table's
third row fits its column (U3); question 10's hint parses (U4)."""

from html import unescape

from course.checks import batna as check
from course.scenarios.batna import Talks
from tests.test_checks_batna import _cell


def _flat(grade_id):
    return " ".join(_cell(grade_id).split())


def test_u1_the_summarys_answer_date_result_points_to_the_optional_box():
    assert "By a common answer date (section 7's optional box) it counts in full" in _flat(
        "summary"
    )


def test_u2_the_zopa_definition_names_each_sides_own_reservation_price():
    text = _flat("zopa-teaching")
    assert "will not go below its own, $s$, nor a buyer (Northwind) above its own, $b$" in text
    assert "below theirs" not in text and "above theirs" not in text


def test_u3_the_open_alternative_row_says_it_is_not_in_v_alone():
    assert (
        "| the deal leaves it open: you could still take it later | not in $V$ alone: both "
        "sides of the comparison" in _cell("reservation-teaching")
    )


def test_u4_question_10s_hint_names_the_turns_and_the_work_in_words_that_parse():
    said = check._talks_words(Talks(False, False, True, "you", 123_600.0, 0.9))
    assert "then turns and work" not in said
    assert said.endswith(
        "with you making the first offer (you then take turns), and with work worth 123,600"
    )


def test_u5_the_zopa_explorer_says_reservation_price_in_full():
    """U5: the explorer's sliders, verdicts and range messages said "seller's reservation"
    and "buyer's reservation", and the exercise set "the seller's reservation to your
    reservation price", as if they were two things; every one now says "reservation price"."""
    from course.widgets.batna import ZopaExplorer

    explorer = ZopaExplorer(seller=40, buyer=70, price=60)
    assert explorer.seller.description == "seller's reservation price"
    assert explorer.buyer.description == "buyer's reservation price"
    for price, side in ((30, "seller's"), (80, "buyer's")):
        explorer.price.value = price
        assert f"the {side} reservation price " in unescape(explorer.verdict.value)
    explorer.seller.value, explorer.buyer.value = 70, 40
    assert "lower the seller's reservation price or raise" in unescape(explorer.verdict.value)
    explorer.seller.value = 1e9  # a value sent over the websocket, past the slider's range
    assert "the seller's reservation price must be between" in unescape(explorer.status.value)
    text = _flat("explorer-text")
    assert "Set the seller's reservation price to yours" in text
    assert "reservation by" not in text and "reservation back" not in text
