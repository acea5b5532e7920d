"""Review 95 of module 04 (concessions), fixed in round 96: the summary states the
allowance as a principle and question 1 puts its Birch rule and quote rule as two numbered
sub-rules (U1). Each test fails on the text before this round."""

import itertools

import pytest

from course.checks import concessions as check
from tests.test_concessions_review89 import _cell

MODULE = "04_concessions"
LEARNERS = ("rv96a", "rv96b", "learner-7")


# --- U1: the summary's principle; question 1's sub-rules ---------------------------------


def test_u1_the_summary_states_the_allowance_as_a_principle():
    """Review 95 U1: the summary's bullet listed the allowance's four numbers and the
    three-fifths cap; it now states the principle, and the four numbers stay in section 3's
    rule 2, which question 3 applies."""
    summary = _cell("summary")
    assert "the least of their concession" not in summary
    assert "three fifths" not in summary and "plan's next step" not in summary
    assert (
        "Concede only in answer to a concession, from half to all of your allowance: give "
        "back at most what they gave, never more than your own last step or the room left to "
        "your target; hold when they hold or step back." in summary
    )
    assert "Your **allowance** is the smallest of four numbers" in _cell("reciprocity-teaching")


@pytest.mark.parametrize("hidden", [False, True])
def test_u1_the_summary_s_principle_is_true_of_question_3_s_check(hidden, monkeypatch):
    """Every offer question 3's check accepts gives back at most what Orchard gave, never
    more than your own last step, never passes your target, and gives from half to all of
    the allowance; a hold, step back or undo of Orchard's gets a hold."""
    assert "give back at most what they gave, never more than your own last step" in _cell(
        "summary"
    )
    monkeypatch.setenv("LEVERAGE_LEARNER", LEARNERS[0])
    for s in check._scenarios(hidden):
        target = check._plan_target(s)
        for mine, theirs in check._histories(s, hidden):
            lowest, highest = check.tit_for_tat_band(s, mine, theirs, target)
            theirs_gave = check.their_concession(theirs)
            steps = [a - b for a, b in itertools.pairwise(mine) if a > b]
            own = steps[-1] if steps else check.FIRST_SHARE * (mine[-1] - target)
            allowance = min(theirs_gave, own, mine[-1] - target)
            most, least = mine[-1] - lowest, mine[-1] - highest
            assert lowest >= target - 1e-9, (mine, theirs)
            assert most <= theirs_gave + 1e-9 and (not steps or most <= steps[-1] + 1e-9)
            assert most == pytest.approx(allowance) and least == pytest.approx(allowance / 2)
            if theirs_gave == 0:
                assert lowest == highest == mine[-1]


def test_u1_question_1_puts_the_birch_and_quote_rules_as_numbered_sub_rules():
    """Review 95 U1: question 1's "Grounded" bullet was one dense paragraph that sent Birch
    to "the next rule", and the quote rule sat in a paragraph after the list. Both are now
    numbered sub-rules of "Grounded", which defines your fact first."""
    q1 = _cell("q1-text")
    grounded = q1.index("- **Grounded:**")
    birch = q1.index("1. **Your alternative, only when it helps:**")
    quote = q1.index("2. **Ambitious, and moved by news:**")
    anchor = q1.index("- **Not pulled by an anchor:**")
    assert grounded < q1.index("your *fact*, the highest figure among them") < birch
    assert birch < quote < q1.index("A quote below your fact caps") < anchor
    assert "Birch's offer follows the next rule." in q1[grounded:birch]
