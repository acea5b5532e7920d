"""Review 103 of module 00 (fixed in round 105): C3, U2 and C4. Each test fails on the
text or code before its fix."""

from course.scenarios.leverage import CASES
from tests.sweeps import cell_text

MODULE = "00_leverage"
SOURCES = ("information", "alternatives", "power")


def _cell(grade_id, module=MODULE, name="leverage"):
    return " ".join(cell_text(module, name, grade_id).replace("#", " ").split())


def test_c3_the_supplier_story_credits_information_about_vell_not_about_yourself():
    """C3: the supplier story said "You, in turn, know more of your own side than Vell does",
    information by a definition section 2 does not teach (knowing the other side, the market
    or the situation). It now names something you know about Vell, its costs, and the case's
    own audit still rates your information above Vell's."""
    case = CASES["supplier"]
    assert "know more of your own side" not in case.story
    assert "your volumes" not in case.story
    assert "You, in turn, know roughly what Vell's lid costs it to make" in case.story
    assert case._yours["information"] > case._theirs["information"]
    teaching = " ".join(cell_text(MODULE, "leverage", "sources-teaching").replace("#", " ").split())
    assert "about the other side, the market or the situation" in teaching


def test_u2_question_1_no_longer_points_ahead_to_question_4a():
    """U2: question 1 explained question 4a's second reading of news before the learner had
    met news or ratings. The sentence is gone; question 4a still says it."""
    q1 = _cell("q1-text")
    assert "Question 4a" not in q1
    assert "news revises ratings" not in q1
    assert "By the first question, knowing a weakness of theirs is your information." in q1
    q4a = _cell("q4-text")
    # review 110 C2 (round 111): the news the rule covers, named so a learner can tell it
    assert (
        "News in which you learn of a weakness or deadline of theirs may show you rated the "
        "row it weakens" in q4a
    )


def test_c4_question_4b_says_its_exact_bar_is_a_drill_not_a_claim():
    """C4: question 4b graded `ask_at` on bars a quarter of a point apart while section 3
    says the balance predicts no price and section 5 that ratings can hardly show half a
    point. Question 4b now says, in one sentence, that the exact bar drills the rule."""
    q4b = _cell("q4b-text")
    # review 110 (round 111, words paid for C1/X1): the sentence repeated section 5's ladder
    # caveat; 4b now says it in its rule line, and section 5 keeps why (ratings cannot show
    # a quarter of a point)
    assert "You apply the rule here, as a drill;" in q4b
    assert "the exercises count finer to stay exact" in _cell("shift-teaching")
    steps = {
        round(b - a, 9)
        for c in CASES.values()
        for (a, _), (b, _) in zip(c.asks, c.asks[1:], strict=False)
    }
    assert steps == {0.25}


def test_review_106_c1_the_take_away_asks_the_same_cost_of_delay_as_section_5_and_4c():
    """Review 106 C1: the take-away said to wait for a cost of delay that falls on them
    'alone', while section 5, question 4c's prompt and its rubric ask only that it fall on
    them more than on you (Moore 2004: a deadline usually presses both sides). One
    condition now, in the take-away too."""
    summary = _cell("summary")
    assert "falls on them alone" not in summary
    # review 110 C1 (round 111): the same condition, now with the deadline case's limit
    assert "a cost of delay that falls on them far more than on you; a deadline" in summary
    assert "far more than on the owner" in _cell("shift-teaching")
    assert "more than on you" in _cell("q4c-text")
