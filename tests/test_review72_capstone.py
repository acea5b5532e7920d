"""Module 05, review 72: the model reflection's subjective value (E1), question 5's hints
for a learner without the letter (X1), question 7's plan that keeps steps from growing
(X3) and the small text items (C1 to C3, U2 to U5)."""

from pathlib import Path

import course
from course.scenarios import capstone as scenario

SOURCE = Path(course.__file__).parents[1] / "source" / "05_capstone" / "capstone.py"


def _section(grade_id):
    cell = SOURCE.read_text().split(f'grade_id": "{grade_id}"')[1].split("# %%")[0]
    return " ".join(line.removeprefix("#").strip() for line in cell.splitlines())


def _points(case, package):
    return sum(case.theirs[issue][level] for issue, level in package.items())


def test_the_model_reflections_subjective_value_fits_its_own_deal():
    """E1: the model answer said Marlow's buyers would find the price fair and feel heard
    on the rush, while its deal at 140 is list price, the full volume and no 3-week rush,
    12 points above Marlow's reservation price. The paragraph now gives those numbers,
    recomputed here, and says how the buyers feel about themselves. Failed on the old
    text."""
    reflection = _section("reflection")
    assert "feel heard on the rush" not in reflection
    case = course.variant("05_capstone", "learner-1354")
    deal = next(row for row in scenario.plan_of(case) if row[1] == 140)[0]
    assert deal["price"] == "€48" and deal["volume"] == "10k units"
    assert deal["delivery"] == "5 weeks"
    points = _points(case, deal)
    assert points == 34 and case.reservation_if_not == 22
    assert 140 - scenario.reservation_of(case) == 49.75
    assert (
        "Its buyers paid list price for the full 10k units and got 5 weeks, not the 3-week "
        "rush they asked for: 34 points, 12 above their reservation price of 22, while my "
        "140 was 49.75 above mine." in reflection
    )
    assert "about themselves" in reflection
