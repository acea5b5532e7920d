"""Module 03, review 62: question 6 says why the overdraft is a rate of loss (C2), question
5's visible check says a pass does not judge each reading (X2), question 9b's hint speaks of
Granite's estimate, not of what Granite can know (X3), question 4 says which figure "it" is
(U3), section 7's long bullet is split in three (U2), Carr's sentence is plain (U4), and the
text is shorter. Each test failed on the text before this round."""

import course
from course.checks import power as check
from tests.test_models_power import NOTEBOOK, PROSE, _section
from tests.test_power_review58_text import _markdown_words


def test_question_6_says_why_the_overdraft_is_a_rate_of_loss_not_a_fixed_bill():
    six = _section(PROSE, "### Question 6", "def signing_terms")
    # review 85, U3 (round 86): said plainly, the same meaning
    # review 88, U1: one fact a sentence (test_power_review88)
    # review 91, U2: the story gives the ratio; the question keeps what kind of loss it is
    assert "The overdraft interest is a rate of loss (section 4), not a fixed bill" in " ".join(
        six.split()
    )
    assert "the money it would receive" not in PROSE


def test_question_5s_visible_check_says_a_pass_does_not_judge_each_reading(learner, capsys):
    from tests.test_checks_power import _rig_prices

    def rig_prices(s):
        return _rig_prices(s) | {1: 20_000, 2: 26_000}

    assert check.rig_prices(rig_prices) is None
    out = " ".join(capsys.readouterr().out.split())
    assert "which does not mean your reading of each version is right" in out


def test_question_9bs_hint_speaks_of_granites_estimate():
    for n in range(40):
        s = course.variant("03_power", f"move-{n}")
        if s.outside_offer > s.granite_guess:
            continue
        hint, _ = check._harrow_move_hint(s, "mention", "keep quiet")
        assert "does not beat Granite's estimate of Kestrel's share" in hint  # review 77
        assert "what Granite can know" not in hint
        return
    raise AssertionError("no weak Harrow among the drawn cases")


def test_question_4_says_which_figure_is_above_borealis():
    four = _section(PROSE, "### Question 4", "def licence_reply")
    assert "where it is above, it is more than the models predict" not in four
    # review 73, U2: rewritten to hold for the round figure too; it still names the figure
    # review 76, E1: any first offer anchors, whichever side of the price it falls
    assert "Atlas's figure is a first offer" in " ".join(four.split())  # review 86, X3


def test_section_7s_rule_for_an_alternative_is_three_bullets():
    seven = _section(PROSE, "## 7. Using power", "### Legitimate and illegitimate power")
    for head in (
        "**Mention an alternative when it raises what they must offer",
        "**When they are unsure of your patience",
        "**Make an alternative worth mentioning believable",  # review 108, U3 (round 109)
    ):
        assert f"- {head}" in seven, head


def test_carrs_sentence_is_plain():
    assert "so he is no authority for this course's line" not in PROSE
    assert "this course does not follow him there" in PROSE


def test_the_text_is_shorter_than_before_this_round():
    assert _markdown_words(NOTEBOOK) <= 11_595, _markdown_words(NOTEBOOK)  # review 64: cut
