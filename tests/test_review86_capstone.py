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
    # review 90 (C1, U1, U3): removed on purpose
    assert "The plan is for this bot's table, not a pattern for people" not in q7
    # review 90 (C1, U1, U3): removed on purpose
    assert "With a person, make shrinking steps, each traded for something (module 04)." not in q7
    summary = _cell("summary")
    assert "in the smallest steps" not in summary
    # review 90 (C1, U1, U3): removed on purpose
    assert (
        "Plan your concessions step by step down the frontier, each time to the package that "
        "leaves you most. That plan is for this bot; with a person, make shrinking "
        "steps, each traded for something (module 04)."
    ) not in summary


def test_u1_the_module_is_shorter_and_its_repeats_are_cut():
    """U1: 7,730 learner-facing words (tests/test_review81_capstone.py counts them), many
    in hedges and asides. Cut: the opening's parenthetical on learners for whom the low
    state stays the less likely one, question 5's tie note, section 5's folded note that
    repeated the rule after it, and the rubric's instructor note that repeated the model
    answer. Fails on the old text."""
    from tests.test_review81_capstone import SOURCE, _markdown_words

    assert _markdown_words(SOURCE.read_text()) <= 7_587
    assert "for some learners it is still the less likely one" not in _cell("opening-teaching")
    assert "ties with another package" not in _cell("q5-text")
    assert "three steps in this case's terms" not in _cell("plan-teaching")
    assert "Instructor note" not in _cell("reflection")


def test_u2_the_free_trade_is_said_plainly():
    """U2: 'what you give is worth more to Marlow ... k€ and points have no common unit:
    any such trade on the frontier will do' was hard to parse. The free trade is now
    said in one plain clause where the rule uses it. Fails on the old text."""
    plan = _cell("plan-teaching")
    assert "k€ and points have no common unit: any such trade" not in plan
    assert (
        "trade an issue Marlow values more for one you value more, so both sides gain "
        "(Pruitt's *logrolling*, *Negotiation Behavior*, 1981). Module 04 added both sides' "
        # review 103 C4 (round 105): why the sum held there and not here
        "points, which its case put on one scale; k€ and points have no common unit: any free "
        "trade that lands on the frontier will do there;"
    ) in " ".join(plan.split())


def test_u3_the_rule_table_names_only_question_8s_moves():
    """U3: the rule table's 'a small step' and 'one small step' are not among question
    8's moves (hold, next step, accept, walk away). The rows now say 'your next step'.
    Fails on the old text."""
    plan = _cell("plan-teaching")
    assert "small step |" not in plan and "one small step announced" not in plan
    # review 106 C2: a person's opening gets a hold; review 110 C4 (round 111): one reading,
    # a position, so the row is a hold alone, with no "next step (at this table only)"
    assert "| its opening | hold (an opening is a position, not yet a concession) |" in (
        " ".join(plan.split())
    )
    assert "or your next step (at this table only)" not in " ".join(plan.split())
    # review 106 U6 (round 107): the row says words are not read at this table
    assert "| hold, or your next step announced as an invitation (words are not read here);" in plan


def test_u4_the_worst_package_covers_production_costs_not_the_audit():
    """U4: 'only covers your costs, a profit of 0', though the reservation price adds
    Marlow's audit and tooling on top. Fails on the old text."""
    opening = _cell("opening-teaching")
    assert "only covers your costs" not in opening
    assert "covers only your production costs (not Marlow's audit and tooling)" in opening


def test_u5_section_1_opens_without_cross_references():
    """U5: section 1's first paragraph pointed to four questions and two sections before
    any term was taught. It keeps its first sentence; the intro's list gives the plan.
    Fails on the old text."""
    teaching = _cell("leverage-teaching")
    assert "question 7 maps the packages" not in teaching
    assert "## 1. Leverage is built before anyone sits down Your **BATNA**" in teaching  # review 93
