"""Review 86 of module 05 (a negotiation professor's, on 8bc22e1b): fixes, each with a test
that fails on the text or code it replaced."""

import re

import course
from course.scenarios.capstone import power_holder
from tests.test_review84_capstone import _cell


def test_c2_the_full_marks_example_rates_both_sides_on_each_source():
    """C2: the prompt asks to rate both sides from 0 to 10 on each source and the rubric
    wants ratings that fit question 4's verdicts, but the full-marks example gave weights
    only. It now rates each source for each side, and the ratings fit learner-1354's
    verdicts (alternatives open: level; power Marlow's: Marlow higher). Fails on the old
    text."""
    answer = _cell("reflection").split("(2) ")[1].split("(3) ")[0]
    ratings = {
        source: tuple(int(n) for n in found.groups())
        for source in ("information", "alternatives", "power")
        if (found := re.search(rf"{source} (\d+) to (\d+)", answer))
    }
    assert set(ratings) == {"information", "alternatives", "power"}, ratings
    assert all(0 <= n <= 10 for pair in ratings.values() for n in pair)
    case = course.variant("05_capstone", "learner-1354")
    assert power_holder(case) == "Marlow" and ratings["power"][0] < ratings["power"][1]
    assert ratings["alternatives"][0] == ratings["alternatives"][1]  # the open row
    assert "so I rated the row open" in answer


def test_c1_c3_the_graded_plan_is_a_plan_for_this_bot_not_a_pattern_for_people():
    """C1: questions 7 and 8 grade a plan tuned to this bot (steps whose costs zig-zag,
    steps taking a term back), which a reader takes for a model concession pattern. C3:
    the summary's 'in the smallest steps' meant the package that leaves you most, not a
    small concession. Question 7 and the summary now say the plan is for this bot's table,
    not a pattern for people, and name module 04's shrinking steps, each traded; the
    summary says what each step is. Fails on the old text."""
    q7 = _cell("q7-text")
    assert "The plan is for this bot's table, not a pattern for people" in q7
    assert "With a person, make shrinking steps, each traded for something (module 04)." in q7
    summary = _cell("summary")
    assert "in the smallest steps" not in summary
    assert (
        "Plan your concessions step by step down the frontier, each time to the package that "
        "leaves you most. That plan is for this bot; with a person, make shrinking "
        "steps, each traded for something (module 04)."
    ) in summary


def test_u1_the_module_is_shorter_and_its_repeats_are_cut():
    """U1: 7,730 learner-facing words (tests/test_review81_capstone.py counts them), many
    in hedges and asides. The opening's parenthetical on learners for whom the low state
    stays the less likely one is cut. Fails on the old text."""
    from tests.test_review81_capstone import SOURCE, _markdown_words

    assert _markdown_words(SOURCE.read_text()) <= 7_730
    assert "for some learners it is still the less likely one" not in _cell("opening-teaching")
