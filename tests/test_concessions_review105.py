"""Review 103 of module 04 (concessions), fixed in round 105: U4 (one way to number
rounds), U3 (the trade ratio only where it is used), X5 (question 4b's coded part says
what it checks), X4 (question 7's choice). Each test fails on the text or code before this
round."""

import re

import pytest

import course
from course.checks import concessions as check
from course.checks.hints import NotYet
from course.pictures_concessions import tactic_curves
from tests.notebooks import solution_namespace
from tests.test_concessions_review104 import SOURCE, _cell, _flat

MODULE = "04_concessions"


def _hint(plan, learner="id-3"):
    s = course.variant(MODULE, learner)
    start = check.grounded_opening(s)[0]
    with pytest.raises(NotYet) as told:
        check._check_plan(
            plan(s, start), start, s.alternative_price + s.extra_cost, "here", s.their_estimate
        )
    return str(told.value)


# --- U4: rounds are numbered one way, from 1 (the opening), as the widgets do ------------


def test_u4_rounds_count_from_1_in_the_text_the_checks_and_the_widgets():
    """Review 103 U4: sections 2 and 3 and question 2 counted rounds from 0 (the opening),
    the arena and the low-ball widget from 1, and the text flagged the clash twice. The
    widgets are shared with every module, so the module now counts from 1 everywhere: the
    text, the story, question 2, its check's messages and section 2's chart."""
    text = _flat()
    assert text.count("Rounds count from 1, the opening, as everywhere in the course") == 1
    for old in (
        "Rounds are numbered from 0",
        "count from 0",
        "number rounds from 1",
        "numbers rounds from 1",
        "from round 0",
        "in round 0",
    ):
        assert old not in text, old
    question = _cell("q2-text")
    assert "from round 1 to round `s.rounds`" in question
    assert "1. start at `opening` in round 1;" in question
    assert "3. hold (a step of 0) in round 2: Orchard has only opened" in question
    assert "Concede in round 3; later holds are yours to place" in question
    # the story
    story = course.variant(MODULE, "id-1").story()
    assert "you open in round 1, and in each round" in story and "round 0" not in story
    # the check's messages number the plan's offers from 1
    # review 112 X1 (round 113): the plan ends below the estimate, so the hint is the round's
    split = lambda s: (s.alternative_price + s.extra_cost + s.their_estimate) / 2  # noqa: E731
    said = _hint(lambda s, o: [o, o - 2] + [split(s) + 1] * (s.rounds - 2))
    assert "concedes in round 2, when Orchard has only made its opening" in said
    assert "hold in round 2 and make your first step in round 3" in said
    said = _hint(lambda s, o: [o, o, o - 4, o - 1] + [split(s) + 1] * (s.rounds - 4))
    assert "in round 4 the plan" in said and "goes back up, to " in said
    s = course.variant(MODULE, "id-3")
    start = check.grounded_opening(s)[0]
    assert f"goes back up, to {start - 1:.2f}" in said
    said = _hint(lambda s, o: [o, o, o, o, o - 3, o - 4] + [split(s) + 1] * (s.rounds - 6))
    assert "holds until round 4 and first concedes in round 5" in said
    assert "make your first concession by round 3" in said
    assert check.LATEST_FIRST == 3
    # section 2's chart: the opening is round 1, the deadline ten rounds later
    chart = tactic_curves(opening=100, reservation=40, deadline=10, betas=(0.2, 1.0, 2.0))
    label = re.search(r'aria-label="([^"]+)"', chart).group(1)
    assert "at round 1 to" in label and "at round 11" in label and "round 0" not in label
    assert "in round 6 it has conceded" in _cell("tactics-example")
    # the widgets, shared with other modules, already count from 1 (review 100's
    # test_u2_a_polite_walk_away_is_still_one pins the arena's "walked away in round 1")


# --- U3: one ratio in the main text; the trade ratio only in the aside that uses it -------


def test_u3_the_trade_ratio_is_introduced_only_in_the_aside_that_uses_it():
    """Review 103 U3: section 4 defined two ratios, then said the planner shows only one;
    the trade ratio was used only in the aside on the common rule of equal value back (and
    once in rule 2, where 'costs you' already says it). The main text now defines only the
    exchange rate, which rule 2.2 and the planner use; the aside defines the trade ratio
    where it uses it."""
    source = SOURCE.read_text()
    flat = _flat()
    assert "Two ratios measure a move" not in flat
    assert "the planner shows only this one" not in flat
    assert (
        # review 108 U2 (round 109): named the gain per point, distinct from the trade ratio
        "A move's **gain per point**, $\\frac{\\text{their net gain}}{\\text{your net loss}}$, "
        "is what Orchard gains for each point you give up; only rule 2.2 below uses it." in flat
    )
    # outside the folded notes, no trade ratio is named
    main = re.sub(r"<details>.*?</details>", " ", source, flags=re.S)
    assert "trade ratio" not in main.lower()
    aside = flat[flat.index("Aside: the common rule of equal value back") :]
    aside = aside[: aside.index("</details>")]
    assert aside.index("**trade ratio** (your points back over your points given") < aside.index(
        "a free move's trade ratio is at least 1"
    )
    assert "every move that helps them costs you points. So concede" in _cell("trades-teaching")
    assert "its trade ratio is below 1" not in flat


# --- X5: question 4b's coded part says what it checks ------------------------------------


def test_x5_question_4b_says_its_code_checks_the_rule_and_the_written_part_the_cushion(
    learner, capsys
):
    """Review 103 X5: question 4b's code checks the landing rule for cushions the check
    chooses and only that the learner's own landing is on the frontier and meets Orchard's
    minimum, yet the intro listed 4b among the decisions on your own case. The intro, the
    question and the check's message now say that the coded mark is for the rule and the
    written part marks the cushion; no answer's marks change."""
    flat = _flat()
    # review 112 U3 (round 113): the intro's map is for learners; question 4b's own text
    # says the coded mark is for the rule and the written part marks the cushion
    assert "4b's decision is marked in its written part" not in flat
    assert "the coded mark is for the rule, and the written part below marks your cushion." in flat
    question = _cell("landing-text")
    assert "the cushion is your decision; the check verifies only the frontier" not in question
    assert (
        "The check does not mark that choice, only that it is on the frontier and meets "
        "Orchard's minimum: the coded mark is for the rule, and the written part below marks "
        "your cushion." in question
    )
    check.landing(solution_namespace(MODULE, "concessions")["landing"])
    said = " ".join(capsys.readouterr().out.split())
    assert "\N{CHECK MARK}" in said
    assert (
        "This mark is for the rule: the cushion you chose is marked in the written part "
        "that follows." in said
    )
