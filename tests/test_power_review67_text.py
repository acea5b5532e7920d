"""Module 03, review 67: the closing note of section 5 and question 6's ratio. Each test
failed on the text before this round."""

import pytest

from tests.test_models_power import PROSE, _drawn_scenarios, _section


def _flat(text):
    return " ".join(text.split())


def test_split_the_difference_keeps_only_the_sourced_case():
    """C1: the "Split the difference?" bullet claimed the midpoint would fit if Borealis's
    figure held while the licence shrank, with no source and a hard-to-follow aside; it now
    keeps the breakdown case section 5 derives, and says in one plain sentence why the
    story prices Borealis's offer per remaining month."""
    note = _flat(_section(PROSE, "*Split the difference?*", "*End date.*"))
    assert "Borealis's figure held" not in note
    assert "a day's delay would still cost Kestrel" not in note
    assert "would fit if a sale to Borealis were what Kestrel is left with" in note
    assert (
        "The story prices Borealis's offer per remaining month so that it shrinks in step "
        "with the licence, as the outside option does in the models above." in note
    )


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
        assert "The licence has about ten years to run" in story
        assert f"Kestrel would also pay {rate:.0%} a year on its overdraft" in story
        assert f"{s.signing_ratio} times the share of the licence's worth" in story
        seen.add(rate)
    assert len(seen) >= 2  # the ratio, and so the rate, varies between learners
    six = _flat(_section(PROSE, "### Question 6", "def signing_terms"))
    assert "with the day of use lost that both sides lose, that rate is" in six
