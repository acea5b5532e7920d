"""Review 95 of module 04 (concessions), fixed in round 96: the next-year table's "a deal
always helps" now comes with its reason (U2); the summary states the allowance as a
principle and question 1 puts its Birch rule and quote rule as two numbered sub-rules
(U1). Each test fails on the text before this round."""

import itertools

import pytest

from course.checks import concessions as check
from course.checks.concessions import reservation_of
from course.engine.bots import TRUST_CHANGE, TRUST_START, Encounter, Memory
from course.engine.practice import ARENA_STYLES, next_time
from tests.test_concessions_review89 import _cell

MODULE = "04_concessions"
LEARNERS = ("rv96a", "rv96b", "learner-7")


# --- U2: why a deal always helps in the next-year table ----------------------------------


def test_u2_the_reason_comes_where_a_deal_always_helps_first_appears():
    """Review 95 U2: "In this table a deal always helps" came before the aside that says the
    bots' trust moves with how talks end, not with price. The reason now comes first, after
    the sentence that says the table rests on the arena bots."""
    cell = _cell("meet-again-teaching")
    claim = cell.index("In this table a deal always helps")
    assert cell.index("under the arena bots' assumptions") < claim
    reason = "The bots' trust rises with any deal, whatever its price."
    assert reason in cell and cell.index(reason) < claim


def test_u2_a_deal_raises_the_bots_trust_whatever_its_price():
    """The reason is true of the bots: what they remember of a talk holds no price, a deal
    adds trust, and in each learner's simulated table the buyer trusts you more after the
    deal than at the start or after a polite walk-away, for every style."""
    assert "The bots' trust rises with any deal, whatever its price." in _cell(
        "meet-again-teaching"
    )
    assert "price" not in {name.lower() for name in Encounter.__dataclass_fields__}
    assert TRUST_CHANGE["deal"] > 0
    memory = Memory()
    memory.remember(Encounter("deal"))
    assert memory.trust > TRUST_START
    for learner in LEARNERS:
        s = check._variant(learner)
        mine, estimate = round(reservation_of(s)), round(s.their_estimate)
        opening = round(check.grounded_opening(s)[0])
        for style in ARENA_STYLES:
            found = next_time(mine, estimate, style, opening=opening, high=200, estimate=estimate)
            assert found["deal"]["trust"] > TRUST_START, (learner, style)
            assert found["deal"]["trust"] > found["polite walk-away"]["trust"], (learner, style)


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
        "back at most what they gave, never more than your own last concession or the room left to "
        "your target; hold when they hold or step back." in summary
    )
    assert "Your **allowance** is the smallest of four numbers" in _cell("reciprocity-teaching")


@pytest.mark.parametrize("hidden", [False, True])
def test_u1_the_summary_s_principle_is_true_of_question_3_s_check(hidden, monkeypatch):
    """Every offer question 3's check accepts gives back at most what Orchard gave, never
    more than your own last step, never passes your target, and gives from half to all of
    the allowance; a hold, step back or undo of Orchard's gets a hold."""
    assert "give back at most what they gave, never more than your own last concession" in _cell(
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
    # review 97 U1 (round 98): they are now sibling rules of "Grounded", in the list itself
    q1 = _cell("q1-text")
    grounded = q1.index("- **Grounded:**")
    birch = q1.index("- **Your alternative:**")
    ambitious = q1.index("- **Ambitious:**")
    news = q1.index("- **Moved by news, not by an anchor:**")
    assert grounded < q1.index("your *best fact*, the highest figure among them") < birch
    assert birch < ambitious < news < q1.index("A quote below your best fact caps")
