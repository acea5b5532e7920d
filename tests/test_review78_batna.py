"""Module 02, review 78: each test below failed on the code before its fix."""

from course.checks import batna as check


def test_a_right_use_on_a_moved_band_says_the_band_was_moved(learner):
    """X1: on a right "use", question 7's visible check reported the last case it tried, the
    learner's scenario with the band's midpoint moved, without saying so: learner-7 (band
    midpoint 95,000) read "... than the 99,100 that is Northwind's estimate of your
    reservation price", false of their own case. The message now names the moved midpoint,
    as the hint for a wrong letter there already did; on the own case it names none."""
    own = check._drawn("ada")
    moved = check._other_band(own)
    told = check.judge_use(moved, {"use": check.statement_to_use(moved)})
    assert told.startswith(f"with Northwind's band midpoint at {moved.band_midpoint:,.0f}, ")
    told = check.judge_use(own, {"use": check.statement_to_use(own)})
    assert told.startswith(f"statement {check.statement_to_use(own)} is the one to make")
