"""Module 03, review 86 (an independent negotiation professor's review), fixed in round 86.
Each test failed on the code or text before this round."""

from pathlib import Path

import pytest

import course
import course.scenarios.power as _P
from course.checks import power as check
from course.checks.hints import NotYet
from tests.test_models_power import PROSE, _section
from tests.test_power_review90 import _cell


def _flat(text):
    return " ".join(text.split())


def _four():
    return _flat(_section(PROSE, "### Question 4", "def licence_reply"))


def _draws(count=500):
    return [course.variant("03_power", f"r86-{n}") for n in range(count)]


def test_c1_question_4_says_taking_atlass_figure_at_section_5s_price_earns_the_mark():
    """C1: the check also gives the mark for taking Atlas's figure below its yardstick when
    the figure is at least section 5's price, and the learner was never told. Question 4
    now says so, with its reason, and the own-case hint says it too; the check is as it
    was (both replies pass there, and taking a figure below that price fails). Review 103,
    X4 (round 105): the taught rule decides, so only the yardstick passes there now; the
    text says so where it said both did (rule 3 after question 4), and this test with it."""
    rule = _flat(_section(PROSE, "The predicted price is a forecast", "### Question 5"))
    assert "Taking Atlas's figure also earns the mark" not in rule
    # review 108, C2 (round 109): it earns it; review 110, C2 (round 111): question 4
    # itself now says so, with why, and rule 3 points there
    assert "Taking their own lower figure names none (question 4 says when it is safe)." in rule
    assert (
        "Taking Atlas's figure earns the mark wherever it is at least section 5's price."
    ) in _cell("licence-reply-text")
    # review 102, X1: with the rule, after question 4's check
    # review 93, X1: the own-case hint no longer states the rule; question 4's marking
    # note (above) still says when taking Atlas's figure earns the mark
    both = below = 0
    for s in _draws(200):
        if _P.reply_reason(s) != "yardstick":
            continue
        taken = (s.atlas_figure, "accept")
        if s.atlas_figure >= _P.licence_price(s):
            # review 103, X4 refused it; review 108, C2 (round 109): it passes again
            check.judge_reply(s, taken)
            check.judge_reply(s, (_P.kestrel_shapley(s), "yardstick"))
            both += 1
        else:
            with pytest.raises(NotYet):
                check.judge_reply(s, taken)
            below += 1
    assert both > 20 and below > 5, (both, below)


def test_x3_atlass_figure_is_called_a_figure_of_its_own_and_the_story_holds_for_every_draw():
    """X3: "Atlas now names a round figure for it" read as the yardstick rounded, yet on
    half the draws the figure is above the yardstick and on some about 25% below it. The
    words now say only what holds for every draw (no redraw): a figure of Atlas's own, a
    multiple of 5,000 within 10,000 of the yardstick, above or below; no learner-facing
    text calls it round."""
    four = _four()
    assert "Atlas now names its own figure for it." in four
    assert "round figure" not in _flat(PROSE)
    texts = [
        check.OWN_CASE_HINTS["licence_reply"],
        *(words for words, _ in check.TAKE_REASON_HINTS.values()),
        *(words for words, _ in check.REPLY_REASON_HINTS.values()),
    ]
    assert not [t for t in texts if "round figure" in t]
    claim = (
        "Atlas names a figure of its own, {figure}, and calls it Kestrel's Shapley value; it "
        "is a multiple of 5,000 within 10,000 of that value, above or below."
    )
    sides = set()
    for s in _draws():
        story = _flat(s.story())
        assert "round figure" not in story, s.learner
        assert claim.format(figure=f"{s.atlas_figure:,.0f}") in story, s.learner
        gap = s.atlas_figure - float(_P.kestrel_shapley(s))
        assert s.atlas_figure % 5_000 == 0 and 0 < abs(gap) <= 10_000, s.learner
        sides.add(gap > 0)
    assert sides == {True, False}


def test_x1_question_6_says_the_share_kept_mostly_outweighs_money_sooner():
    """X1: the learner's own signing_gain almost never beats what paying on signing takes
    off the price, so the weighing looked decorative. The question now says, true to the
    draws, that in most cases the share patience keeps outweighs the money a little sooner,
    and that the check also tries cases where it does not (no redraw). Review 90, U2: that
    held only where paying on signing costs something; over all draws the answer is about
    even, so the question now says only that the check tries both."""
    from course.scenarios.power import signing_loss, signing_switch

    six = _flat(_section(PROSE, "### Question 6", "def signing_terms"))
    # review 90, U2: "in most cases" read as a prior on the answer, which is about even
    # over all draws (tests/test_power_review90.py); the count among costly cases stays
    # review 110, U3 (round 111): the sentence on grading went; the balance below stays
    assert "The check tries cases where agreeing pays" not in six
    costly = [s for s in _draws() if signing_loss(s) > 0]
    kept = sum(s.signing_gain < signing_loss(s) for s in costly)
    # review 102, X2: the gain now beats the loss for about a third of costly cases (78 of
    # 274 here), so the weighing decides; the share kept still wins in most
    assert 0.55 * len(costly) < kept < 0.8 * len(costly), (kept, len(costly))
    from course.variants import hidden_cases_as

    with hidden_cases_as(None):
        public = list(check.HIDDEN_LEARNERS)
    for learners in (public, list(check.HIDDEN_LEARNERS)):
        cases = [check._drawn(learner) for learner in learners]
        assert any(signing_loss(s) > 0 and signing_switch(s) for s in cases), learners
        assert any(not signing_switch(s) for s in cases), learners


def test_u1_the_closing_note_keeps_one_line_a_bullet_and_the_module_is_shorter():
    """U1: the closing note's bullets on both forces and on firm offers ran to a paragraph
    each; each is now one sentence (the worked 33,750 example is cut), and the module's
    markdown words go down (9,719 at the start of this round)."""
    from tests.test_models_power import NOTEBOOK
    from tests.test_power_review58_text import _markdown_words

    note = _section(PROSE, "<details><summary>Closing note", "</details>")
    bullets = [b for b in _flat(note.replace("#", "")).split(" - ")[1:]]
    # review 103, C2 (round 104): "Firm offers" became "If Borealis's offer were itself
    # bargained" and took in the bullet on a rival to bargain with (27 + 44 words before), so
    # its bound is the two bullets' together; still one sentence
    bounds = {"*Both forces at once.*": 45, "*If Borealis's offer were itself bargained.*": 80}
    for heading, bound in bounds.items():
        (bullet,) = [b for b in bullets if b.startswith(heading)]
        assert bullet.count(". ") <= 1 and len(bullet.split()) < bound, bullet
    assert "33,750" not in PROSE
    assert _markdown_words(NOTEBOOK) < 9_719


def test_c2_a_threat_has_module_00s_one_definition():
    """C2: module 00 says a threat ties a demand to something you would rather not do "to
    punish a refusal"; this module said "said to deter", two definitions of one word.
    Section 7 now uses module 00's words."""
    leverage = (Path(course.__file__).parents[1] / "source/00_leverage/leverage.py").read_text()
    definition = "something you would rather not do, to punish a refusal"
    assert definition in _flat(leverage.replace("#", ""))
    assert f"a **threat** ties it to {definition}" in _flat(PROSE)
    assert "said to deter" not in PROSE


def test_u2_the_core_paragraph_names_whose_reservation_price_sits_below():
    """U2: "its reservation price sits below the core's lowest price" could be read as the
    rival's or the seller's; it now names the seller."""
    text = _flat(PROSE)
    assert (
        # review 103, C2 (round 104): the bullet now says what the seller gets alone
        "less than $v_2$, so the seller's reservation price sits below the core's lowest price"
    ) in text


def test_u1_section_7_points_to_module_00_where_it_said_the_same():
    """U1: section 7 restated module 00's account of bought confidential information, the
    Model Rule 4.1 comment and the false stated intention; it now points to module 00,
    section 6, which says each, and counts its own lines right (three, not four)."""
    legit = _flat(_section(PROSE, "### Legitimate and illegitimate power", "### Question 9"))
    leverage = (Path(course.__file__).parents[1] / "source/00_leverage/leverage.py").read_text()
    zero = _flat(_section(leverage, "## 6. The ethics of leverage", "<details>").replace("#", ""))
    for said in ("confidential information bought from someone bound to keep it", "Model Rule 4.1"):
        assert said in zero, said
    assert "*Edgington v Fitzmaurice*" in zero
    assert "is not yours either** (module 00, section 6)." in legit
    assert "trade secret" not in legit and "Edgington" not in legit
    assert "Three lines matter most." in legit
    assert legit.count(" - **") == 3


def test_u3_the_share_at_the_table_names_rubinsteins_model_and_delay_has_one_name():
    """U3: "share at the table" and "what section 4 gives your seat" read as two ideas, and
    "the cost of waiting" stood beside "the cost of delay". Section 5's one-line definition
    now names Rubinstein's model (not a second name for the share: "Rubinstein share" was
    cut in an earlier round), and delay's cost has one name."""
    five = _flat(_section(PROSE, "## 5. Outside options", "### Question 4"))
    assert (  # review 88, C1: module 02's meaning, the seat that answers
        "Your **share at the table** is what Rubinstein's model (section 4) gives you when the "
        "other side proposes, with no alternative counted."
    ) in five
    assert "Rubinstein share" not in PROSE  # one name for it (test_models_power)
    assert "cost of waiting" not in PROSE
