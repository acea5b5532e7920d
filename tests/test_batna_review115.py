"""Module 02, review 115 (fixes made in round 115): each test below failed on the code
before its fix."""

import course
from course.checks import batna as check
from course.checks.hints import NotYet
from course.scenarios.batna import target_of


def test_x1_the_even_split_without_remote_days_is_not_called_a_rounding_slip(monkeypatch):
    """Review 115 X1: a learner who applies section 4's band to the job as offered and leaves
    out the survey returns the even split of that zone; where it fell within 1,000 of the
    right target, question 5's hint asked "did you round?" (43 of 300 learners), which says
    something false about how the answer was reached. That figure is now one a learner can
    reason to, and it gets the reasoning hint."""
    told_rounding = reached = 0
    for n in range(300):
        who = f"rv115-{n}"
        monkeypatch.setenv("LEVERAGE_LEARNER", who)
        offers = course.variant("02_batna", who)
        value = check._even_split_without_remote_days(offers)
        if abs(value - target_of(offers)) <= check.TARGET_TOLERANCE:
            continue
        try:
            check.judge_target(offers, value)
        except NotYet as hint:
            reached += 1
            told_rounding += "did you round?" in str(hint)
    assert reached > 250 and told_rounding == 0, (reached, told_rounding)
