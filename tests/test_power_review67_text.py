"""Module 03, review 67: the closing note of section 5 and question 6's ratio. Each test
failed on the text before this round."""

import pytest

import course.scenarios.power as _P
from tests.test_models_power import PROSE, _drawn_scenarios, _section


def _flat(text):
    return " ".join(text.split())


def test_question_6s_ratio_is_anchored_in_the_licences_term_and_the_overdraft():
    """E1: Kestrel's cost of delay was set at 2 to 4 times Atlas's with nothing in the story
    to say why. The story now gives the licence's remaining term (about ten years: a year's
    delay costs both about a tenth of its worth) and the overdraft's rate, and the two give
    the drawn ratio: (1/10 + rate) / (1/10)."""
    seen = set()
    for s in _drawn_scenarios()[:40]:
        story = _flat(s.story())
        rate = s.signing_overdraft_rate
        assert (0.1 + rate) / 0.1 == pytest.approx(s.signing_ratio)
        # review 103, U6 (round 105): the story gives the ratio and its reason in words, no
        # longer the yearly rates too (ten years' term, 0.1 a year, the overdraft's rate)
        assert "a rate of loss (section 4) of 0.1 a year" not in story
        # review 110, U4 (round 111): the ratio in plain words, with the same reason
        assert (
            f"would then lose at {_P.SIGNING_TIMES[s.signing_ratio]} Atlas's rate (section 4's "
            "rate of loss): a day of the licence's worth each day, as Atlas does, plus the "
            "interest on Kestrel's overdraft while it waits" in story
        )
        seen.add(rate)
    assert len(seen) >= 2  # the ratio, and so the rate, varies between learners
    six = _flat(_section(PROSE, "### Question 6", "def signing_terms"))
    # review 85, U3 (round 86): said plainly
    # review 88, U1: one fact a sentence
    # review 91, U2: the story says it; the question points there
    # review 103, X1 (round 105): and Borealis's offer paid on signing
    assert "(`s.signing_ratio`, `s.signing_gain`, `s.signing_borealis`)" in six


def test_trust_and_credibility_keeps_one_framing():
    """U3: "Trust and credibility" re-described expert and referent power as trust and
    admiration, six lines after section 1 defined them by dependence; it now keeps only
    credibility, a record of saying true things that a called bluff spends."""
    para = _flat(_section(PROSE, "**Trust and credibility.**", "Every base is a dependence"))
    assert "is expert power" not in para and "is referent power" not in para
    assert (
        "Trust in how you deal is credibility: a record of saying true things and doing "
        "what you said, which a called bluff spends (section 7)." in para
    )


def test_section_7_grounds_the_anchoring_rule_in_galinsky_and_mussweiler():
    """U5: question 9b's rule rests on naming a weak figure anchoring the other side's
    estimate; section 7 said only "Textbooks agree". It now cites the evidence."""
    seven = _flat(_section(PROSE, "**When they are unsure of your patience**", "calmly.**"))
    assert "Textbooks agree" not in seven
    assert "Galinsky and Mussweiler's experiments" in seven
    assert "final prices ended nearer the first figure named" in seven


def test_section_5_says_the_licence_terms_in_two_sentences_not_a_table():
    """U2: the section 5 table ("the same share to both, as the licence nears its end date"
    in a cell, and a column mixing questions) is now two sentences."""
    five = _flat(_section(PROSE, "The licence of section 2 is the first kind", "In the library"))
    assert "| the licence money |" not in five and "as the licence nears its end date" not in five
    assert (  # review 91, U2: one sentence, for question 6's what-if
        "In question 6's what-if, paid on signing, a day's delay also costs Kestrel overdraft "
        "interest, so its share at the table falls below a half." in five
    )
