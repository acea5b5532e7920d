"""Review 114, fixes of round 114 (module 01): one test per item fixed. Each failed on the
code or text before this round."""

from course.checks import information as check
from course.variants import variant
from tests.test_checks_information import (
    as_learner,
    cell_words,
    parts,
    reference,
    solution,
)

MODULE = "01_information"


def _wren_deals(count=200):
    """The first ``count`` drawn sales whose Wren deal pays: (sale, reservation, cost)."""
    found = []
    for n in range(count):
        sale = variant(MODULE, f"id-{n}")
        r = reference.reservation_from_offers(sale.wren_offers)
        if r > sale.wren_cost:
            found.append((sale, r, sale.wren_cost))
    return found


def test_c3_a_generous_price_to_wren_passes_and_the_reference_leaves_a_quarter(learner):
    """Review 114 C2, C3, X2: Question 4b's check failed a price leaving Wren, a repeat
    customer, more than a quarter of the gain ("more gives money away") while Question 6's
    convention 3 tells the learner to leave a buyer *at least* a quarter, and the reference
    answer named Wren's reservation price, leaving it nothing. Now a price leaving Wren up to
    half the gain passes (beyond it Wren keeps more than you), more still fails, and the
    notebook's answer leaves the quarter."""
    deals = _wren_deals()
    assert len(deals) > 50
    for sale, r, c in deals:
        for share in (0.3, 0.4, 0.5):  # each failed before
            assert check._wren_decision(sale, r - share * (r - c)) is None, (sale.learner, share)
        said = check._wren_decision(sale, r - 0.55 * (r - c))
        assert said and "more than half the gain" in said[0]
        assert "gives money away" not in said[0]
        assert check._wren_decision(sale, r) is None  # taking it all still passes
        given = solution("wren_price")(sale, r)
        assert abs(given - (r - (r - c) / 4)) < 1e-6, sale.learner
    text = cell_words("q4b-text")
    assert "you may leave it up to a quarter of the gain" not in text
    assert "within that." not in text
    assert "at most half the gain" in text and "convention 3 leaves a quarter" in text


def test_x6_a_carried_reservation_price_is_not_called_wrong_while_it_keeps_its_mark(monkeypatch):
    """Review 114 X6: with the share's named slip (the ratio), the reservation price that
    follows from it kept its mark under the words "this price is wrong too". The mark stays;
    the message now says it is consistent with the learner's share (which is wrong)."""

    def ratio_slip(offers):
        first, second, third = offers
        ratio = (third - second) / (second - first)
        return ratio, first + (second - first) / ratio

    for n in range(3):
        as_learner(monkeypatch, f"learner-{n}")
        got = parts(check.reservation_from_concessions(ratio_slip))
        earned, said = got["the reservation price"]
        assert earned == 1
        assert "this price is wrong too" not in said
        assert "consistent with that share, which is wrong" in said
        assert "keeps its mark" in said


def test_e1_c1_an_ambitious_opening_is_not_called_a_bluff():
    """Review 114 E1, C1: section 6 said the course's "bluff" covers "an inflated opening",
    the reverse of Lewicki, Saunders and Barry (who count an ambitious opening as ordinary
    competitive bargaining), and against the module's own advice to open ambitiously (section
    5, Question 6's convention 1). It now says an opening is no bluff; only untrue words are."""
    guard = cell_words("guard-teaching")
    assert "an inflated opening alike" not in guard
    assert "an ambitious opening is ordinary competitive bargaining to them and to this course" in (
        guard
    )
    assert "only untrue words about your reservation price or intentions are a bluff" in guard


def test_e3_the_split_depends_only_partly_on_information():
    """Review 114 E3: section 1 said any price between the reservation prices leaves both
    sides better off (at an endpoint one side is indifferent) and that where the price lands
    depends on what each side knows (alternatives and patience matter too, modules 02-03)."""
    why = cell_words("why-teaching")
    assert "leaves both better off" not in why
    assert "leaves neither worse off than no deal" in why
    assert "depends partly on what each side knows" in why


def test_e4_fisher_and_ury_are_quoted_as_focusing_on_interests():
    """Review 114 E4: section 6 quoted Fisher and Ury as "Share interests, not positions", a
    disclosure rule they do not state; their principle is to focus on interests."""
    guard = cell_words("guard-teaching")
    assert "Share interests, not positions" not in guard
    assert "Fisher and Ury (*Getting to Yes*, 1981) advise focusing on interests, not" in guard


def test_u5_c4_the_holds_count_is_said_in_plain_words(monkeypatch, capsys):
    """Review 114 U5, C4: Question 5b's text and pass message called the count "a floor,
    never a trigger", jargon that left the learner unsure what the number is for. Both now
    say what honest holds would justify and why not to act on holds alone."""
    from tests.test_information_review80 import _q5b_pass_message

    words = cell_words("q5b-text")
    said = _q5b_pass_message(monkeypatch, capsys)
    for text in (words, said):
        assert "a floor, never a trigger" not in text
        assert "do not lower on holds alone" in text
    assert "honest holds would justify lowering after that many" in words
    assert "any buyer can hold for free" in said


def test_u6_the_switch_from_buyer_to_seller_is_said():
    """Review 114 U6: section 1's example (a supplier short of clients) takes the buyer's
    side, and every exercise from section 2 on takes the seller's, without a word; section 2
    now says the roles turn."""
    assert "In your scenario the roles turn: you sell a machine to Osprey Foods." in cell_words(
        "bayes-teaching"
    )


def test_c4_question_5b_asks_what_honest_holds_would_be_worth():
    """Review 114 C4, E2: Question 5b's title asked how long Osprey can stand firm, a count
    to act on, while its text says a hold costs nothing to fake. The title now names what the
    number is (the worth of honest holds), as the text and the pass message do."""
    from tests.notebooks import source_notebook

    (text,) = [
        c.source
        for c in source_notebook(MODULE, "information").cells
        if c.metadata["nbgrader"]["grade_id"] == "q5b-text"
    ]
    assert text.splitlines()[0] == "### Question 5b (1 mark): what would honest holds be worth?"
    assert "stand firm" not in text


def test_u4_the_law_box_names_each_rule_s_country():
    """Review 114 U4: the "In law" box mixed US, English and EU law without saying which is
    which; the English cases are now labelled, and the box says rules differ by country."""
    guard = cell_words("guard-teaching")
    box = guard[guard.index("<summary><b>In law</b></summary>") :]
    assert "can count as a statement of fact in English law (*Edgington" in box
    assert "Massachusetts" in box and "the US Uniform Trade Secrets" in box and "the EU" in box
    assert "Rules differ between countries." in box
