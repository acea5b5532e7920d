"""Module 03, review 76 (a negotiation professor's review): anchoring, Fisher and Ury's
objective criterion, module 02's rule, the true threat, one name for the other side's
estimate of your share at the table, question 4's paragraphs and section 5's closing note
(E1, E2, C1, C2, U1, U2, U3, U4). Each test failed on the text before this round."""

import re

import course
from course.checks import power as check
from course.checks.hints import NotYet
from course.scenarios.power import HARROW_MOVES
from tests.test_models_power import PROSE, _section


def _flat(text):
    return " ".join(text.split())


def test_e1_any_first_offer_anchors_whichever_side_of_the_model_it_falls():
    """E1: an anchor was defined as Atlas's figure or proposal "below the price section 5's
    models predict"; any first figure anchors, a generous one too."""
    four = _flat(_section(PROSE, "### Question 4", "def licence_reply"))
    assert "first offers anchor: they pull the final price towards them" in four
    assert not re.search(r"below the price[^.]*\*anchor\*", _flat(PROSE))


def test_e2_the_objective_criterion_is_atlass_yardstick_not_the_rivals_offer():
    """E2: Borealis's written offer was called what Fisher and Ury name an objective
    criterion; for them a rival's offer is an alternative, kept apart from criteria."""
    seven = _flat(_section(PROSE, "## 7. Using power", "### Legitimate and illegitimate"))
    assert "call such a test an objective criterion" not in seven
    # review 81, C1 (round 82): the yardstick is no objective criterion either; it holds
    # Atlas because Atlas proposed it (test_power_review81.py)
    assert "Borealis's offer counts for another reason: it is Kestrel's alternative" in seven


def test_c1_module_02s_rule_is_not_called_a_threshold():
    """C1: "Module 02's threshold" named a word module 02 never uses."""
    assert "Module 02's threshold" not in PROSE
    assert "Module 02's rule compared the alternative with their estimate of your" in _flat(PROSE)


def test_c2_a_threat_you_would_carry_out_gets_a_verdict():
    """C2: a true threat fitted none of the labels: true, so by the definitions legitimate,
    while the section says to make no threats."""
    # review 83, U3 (round 84): the threat is one you have bound yourself to carry out
    assert "is true, so not a bluff; the course still advises against it." in _flat(PROSE)


def test_u4_module_02s_bluff_is_said_plainly():
    """U4: "labelled there by its falsity" needed module 02 fresh in mind."""
    assert "labelled there by its falsity" not in _flat(PROSE)
    assert "Module 02 called such a demand a bluff when you would not carry it out." in _flat(PROSE)


def test_u1_one_name_for_the_other_sides_estimate_of_your_share_at_the_table():
    """U1: the acceptance threshold had a paraphrase ("the least they believe you would
    accept") and was "estimated" or "guessed" though it is itself an estimate. It is now
    defined once, as the other side's estimate of your share at the table, in the text,
    the story and the hints."""
    flat = _flat(PROSE)
    assert "the other side's estimate of your share at the table" in flat
    for words in ("believe you would accept", "believes you would accept", "least it believes"):
        assert words not in flat, words
    for words in ("estimate of your acceptance threshold", "guess of Kestrel's acceptance"):
        assert words not in flat, words
    s = course.variant("03_power", "rev76-u1")
    story = _flat(s.story())
    # review 77, U2: the coined name went; the estimate is said plainly
    assert (
        "would estimate Kestrel's share at the table (section 5; Granite's estimate of it, section 7)"
        in story
    )
    assert "threshold" not in story
    for said in HARROW_MOVES:
        try:
            check.judge_harrow_move(s, said)
        except NotYet as failure:
            for text in (str(failure), failure.general):
                assert "estimate of Kestrel's acceptance threshold" not in text
                assert "estimate of your acceptance threshold" not in text


def test_u3_question_4s_paragraphs_read_at_once():
    """U3: "as neither side can make its word the last" and "as section 5's model favours
    ... an appeal to consistency" were hard to parse on a first read."""
    four = _flat(_section(PROSE, "### Question 4", "def licence_reply"))
    assert "make its word the last" not in four
    assert "an appeal to consistency" not in four
    # review 78, U1 (round 79): the paragraph is one sentence; section 5 says how Kestrel
    # can sell to Borealis
    # review 79, C2; review 102, X1: the fold went; a refusal is the rule's second line,
    # after question 4's check
    rule = _flat(_section(PROSE, "The predicted price is a forecast", "### Question 5"))
    # review 106, U6 (round 107): a refusal's outcome is said in question 4 itself, before
    # the answer cell, and no longer repeated in rule 2
    assert "If the other side refuses" not in rule
    four = _flat(_section(PROSE, "### Question 4", "def licence_reply"))
    assert (
        "by it, Atlas can refuse any ask above that price, and Kestrel then expects that price."
        in four
    )


def test_u2_section_5s_closing_note_has_no_fold_inside_and_no_unused_model():
    """U2: the closing note held a second fold ("Two more limits") on top of its bullets,
    and a bullet on Shaked's 1994 model, which no question uses."""
    note = _section(PROSE, "<details><summary>Closing note", "</details>")
    assert note.count("<details>") == 1
    assert "Opting Out" not in PROSE and "*Leaving when refused.*" not in PROSE
    # review 78, U1 (round 79): the note's last bullet, "This story", is cut too
