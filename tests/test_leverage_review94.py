"""Review 94 of module 00: what the fresh reader found, and what the text does now.
Each test fails on the text before the fix."""

import re

from course.scenarios.leverage import CASES
from tests.sweeps import cell_text

MODULE = "00_leverage"


def _cell(grade_id):
    return " ".join(cell_text(MODULE, "leverage", grade_id).split())


def _legitimate():
    ethics = _cell("ethics-teaching")
    # review 98 U1 (round 99): paltering and threats moved from the legitimate bullet to
    # section 6's edge cases
    return ethics.split("**Edge cases.**")[1].split("**Going back on your word**")[0]


def test_e1_paltering_is_judged_harshly_by_those_it_misleads_not_by_palterers():
    """Review 94 E1: the text said paltering is "judged about as harshly as a lie"; Rogers
    et al. (2017) found that those misled judge it so, while palterers think it more honest
    than lying. The course's line stays: a false impression is not legitimate."""
    legit = _legitimate()
    assert "those it misleads judge it about as harshly as a lie" in legit
    assert "palterers see it as more ethical than lying" in legit
    assert "judged about as harshly as a lie" not in legit
    # review 96 U3: the line stays, with the label the other kinds give it
    assert "Label it a misrepresentation: its false impression concerns a fact" in legit


def test_u2_the_warning_advice_is_the_courses_and_follows_schellings_definitions():
    """Review 94 U2: "usually weaker than calmly naming the same offer" came just before
    "After Schelling", so it read as his. It now comes after his definitions, marked as the
    course's advice with its reason."""
    legit = _legitimate()
    schelling = legit.index("After Schelling")
    advice = legit.index("This course's advice (not Schelling's): a warning is usually weaker")
    assert schelling < advice
    assert "since as a demand it corners the other side" in legit[advice:]


def test_u3_the_98_percent_example_gives_its_ladder_and_the_ladder_gives_the_bar():
    """Review 94 U3: "98% of the full rent at +1.75 points" rested on a base the text never
    gave. The text now gives the deadline case's first rung; the bar follows from it."""
    asks = CASES["deadline"].asks
    lowest, first = asks[0]
    said = _cell("shift-teaching")
    # review 97 U2 (round 98): the whole ladder is a table now (test_leverage_review98)
    m = re.search(
        r"\| share of the full rent \| (\d+)% \|.*?\| bar \(points\) \| \+([\d.]+) \|", said
    )
    assert m, said
    assert f"at {m.group(1)}% of your full rent" in first
    assert float(m.group(2)) == lowest
    need = next(need for need, ask in asks if "at 98% of your full rent" in ask)
    assert f"at 98% sets the bar at $+{need:.2f}$ points" in said


def test_u4_the_balance_definition_holds_no_checker_rule():
    """Review 94 U4: the definition of the balance ended with what question 2 refuses and
    lets through with a note. That rule is now in question 2's folded box only."""
    teaching = _cell("audit-teaching")
    assert "Question 2 refuses" not in teaching and "passes with a note" not in teaching
    assert "conventions, not findings" in teaching
    q2 = _cell("q2-text")
    # review 95 U2: the rule for that note moved from the box to the README, for the instructor
    assert "A lead under 2.5 points that reads the story otherwise passes with a note." not in q2
    assert "no strong lead (2.5 points or more) the story rules out" in q2.split("<details>")[0]


def test_review95_x1_the_weakness_rule_says_it_runs_one_way_and_why():
    """Review 95 X1: the side note accepted two readings of a weakness of theirs revealed to
    you, and a learner who applied it to the mirror (they learn a weakness of yours: your
    row down) was marked wrong with no word in the text. The course keeps the one-way rule,
    since you rate your own rows knowing your own weaknesses, and now says so."""
    from tests.sweeps import cell_text

    # review 97 U1: said in question 4a, where it is applied, no longer in section 2
    text = " ".join(cell_text("00_leverage", "leverage", "q4-text").split())
    text = text.replace("# ", "")
    assert (
        # review 103 U6: the reason said plainly
        "News that they learn a weakness of yours moves only their information, since you "
        "knew your own weakness when you rated yourself." in text
    )
