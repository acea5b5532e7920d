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
