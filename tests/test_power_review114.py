"""Module 03, review 114 (a negotiation professor's review), fixed in round 114. One test
per item; each fails on the text or code before the fix."""

from pathlib import Path

import pytest

import course
import course.scenarios.power as _P
from course.checks import power as check
from course.checks.power import NotYet
from tests.test_models_power import NOTEBOOK
from tests.test_power_review58_text import _markdown_words
from tests.test_power_review90 import _cell

#: The module's markdown words at the start of round 114; review 102's cap is 8,854.
WORDS_BEFORE = 8_820

SWEEP = [f"id-{n}" for n in range(300)]


@pytest.fixture(scope="module")
def swept():
    return [course.variant("03_power", learner) for learner in SWEEP]


def test_e1_naming_harrow_is_not_sold_as_the_same_money_as_walking_out(swept):
    """Review 114 E1: question 7 and the rule after question 4 called naming the rival's
    figure "the same money" as walking out, and a hint said Granite "would rather meet that
    figure", a move the game does not have. In the model, asking Granite to meet Harrow is
    a counter a month later, worth less than Harrow now wherever "name Harrow" is right; the
    text now says so, and no hint gives Granite the extra move."""
    seven, rule = _cell("granite-reply-text"), _cell("licence-reply-rule")
    assert "the same money, with the door left open" not in seven + rule
    assert "not a move of the model" in seven
    assert "worth less than leaving now, unless Granite answers at once" in seven
    assert "with the door left open, a move outside the model." in rule
    named = 0
    for s in swept:
        if _P.granite_reply(s) != "name Harrow":
            continue
        named += 1
        # Kestrel counters a month later: it then proposes, and Granite, the responder,
        # keeps its own share at the table (Harrow is Kestrel's option, not Granite's)
        pie, d_you, d_them = s.contract_value, s.delta_you, s.delta_them
        counter = d_you * (pie - d_them * (pie - _P.granite_share(s)))
        assert counter < s.outside_offer
        with pytest.raises(NotYet) as hint:
            check.judge_granite_reply(s, "accept")
        assert "rather meet" not in str(hint.value)
    assert named > 50


def test_e2_the_weak_alternative_study_backs_the_opening_not_the_disclosure_rule():
    """Review 114 E2: "So make one worth mentioning known, keep any other private" followed
    from Schaerer, Swaab and Galinsky (2015), which shows that holding a weak alternative
    anchors your own opening; keeping it private does nothing about that. The study now
    backs setting the opening from your target (Galinsky, Mussweiler and Medvec, 2002), and
    the disclosure rule stands apart as Fisher and Ury's."""
    seven = _cell("using-teaching")
    assert "So make one worth mentioning known" not in seven
    assert (
        "(Schaerer, Swaab and Galinsky, 2015). So open from your target, not your reservation "
        "price (Galinsky, Mussweiler and Medvec, 2002). Telling is another matter:"
    ) in seven
    assert "That rule is Fisher and Ury's" in seven


def test_c1_question_4s_anchor_acts_on_kestrels_judgement_not_on_the_model():
    """Review 114 C1: question 4 gave anchoring as a reason in a full-information case, and
    the rule after it says anchoring works only without full information. Question 4 now
    says where the pull acts: on Kestrel's judgement, not on section 5's price."""
    four = _cell("licence-reply-text")
    assert "As Atlas knows both values, that pull acts on Kestrel's judgement only." in four
    assert "The rule needs full information" in _cell("licence-reply-rule")


def test_x4_the_feedback_says_which_label_the_course_prefers_for_a_threat():
    """Review 114 X4 (with U5): for a demand Kestrel would not carry out, either "bluff" or
    "misrepresentation" passes, and nothing said which the module prefers. The practice
    statement's note and the own-case feedback now give module 00's preference (review 115
    C1: a misrepresentation first; round 114 had said "bluff", against module 00); the
    text points to module 00, section 6, for when a stated intention is a misrepresentation."""
    from course.scenarios.power import PRACTICE_TACTICS, tactic_labels

    assert "Model Rule 4.1" in check.PREFERRED_FOR_A_THREAT
    # review 115 C1: the preference follows module 00's section 6, which says the opposite
    # of round 114's "prefers 'bluff'"
    assert "misrepresentation first" in check.PREFERRED_FOR_A_THREAT
    assert "prefers 'bluff'" not in check.PREFERRED_FOR_A_THREAT
    ethics_00 = (Path(__file__).parents[1] / "source/00_leverage/leverage.py").read_text()
    assert "is a misrepresentation first" in ethics_00
    for number, (accepted, _, _) in PRACTICE_TACTICS.items():
        for label in accepted:
            note = check.judge_practice_tactic(number, label)
            assert (note is not None) == (len(accepted) > 1), number
            if note:
                assert check.PREFERRED_FOR_A_THREAT in note
    contested = 0
    for s in (course.variant("03_power", f"id-{n}") for n in range(100)):
        for tactic in s.tactics:
            accepted = tactic_labels(s, tactic)
            if len(accepted) > 1:
                contested += 1
                for label in accepted:
                    said = check.judge_tactic(s, tactic, {tactic.letter: label})
                    assert check.PREFERRED_FOR_A_THREAT in said
    assert contested > 0
    assert "can be a misrepresentation (module 00, section 6, says when)" in _cell("using-teaching")


def test_u3_the_fixed_bill_note_says_part_4s_interest_is_a_share():
    """Review 114 U3: "interest on its whole margin" next to "a fixed bill" read as if part
    4's cost were a fixed bill, the opposite of question 6. The note now says it is a share,
    so a discount factor fits."""
    fold = " ".join(
        NOTEBOOK[NOTEBOOK.index("**A cost that is a fixed sum each round**") :][:900]
        .replace("#", " ")
        .split()
    )
    assert (
        "a month's interest on its whole margin (part 4). That is a share, so a discount factor "
        "fits. Where the side that loses more each round loses a fixed bill"
    ) in fold


def test_c4_the_intro_promises_limits_to_read_not_a_graded_skill():
    """Review 114 C4: the intro promised learners would "say where it misleads", a skill no
    graded item asks for; it now promises to read the model's limits, which sections 4 and
    5 set out."""
    intro = _cell("intro")
    assert "say where it misleads" not in intro
    assert "to price patience with **Rubinstein's** model and read its limits" in intro


def test_c2_question_4_says_its_yardstick_mark_tests_a_judgement_not_the_model(swept):
    """Review 114 C2: where Kestrel's Shapley value beats section 5's price, the only
    full-mark reply is the yardstick, which section 5's model says Atlas can refuse.
    Rounds 111 and 113 (reviews 110 C3, 112 C2) made the text say the yardstick rests on
    Shell's normative leverage; the grading stays (reviews 81 on: hold the other side to a
    standard it proposed), and question 4 now says plainly that the mark tests that
    judgement. Such learners exist, so the sentence is needed."""
    four = _cell("licence-reply-text")
    assert (
        "So the mark tests a judgement that rests on how people treat a standard they set "
        "(Shell's normative leverage, section 7), not on section 5's model"
    ) in four
    above = [s for s in swept if _P.kestrel_shapley(s) > _P.licence_price(s)]
    assert len(above) > 30


def test_the_module_stays_under_its_word_cap():
    """Review 114 (brief): every word the fixes added was paid for in the same module:
    8,820 markdown words before round 114; review 102's cap is 8,854."""
    assert _markdown_words(NOTEBOOK) <= WORDS_BEFORE
    assert _markdown_words(NOTEBOOK) < 8_854
