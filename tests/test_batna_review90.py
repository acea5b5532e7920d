"""Module 02, review 90 (fixes of round 90): each test below failed on the code or text
before its fix."""

import pytest

import course
from course.checks import batna as check
from course.checks.hints import NotYet
from course.scenarios.batna import reservation_of, target_of

LEARNERS = [f"rv90-{n}" for n in range(30)]


def _hint(offers, value):
    """Question 5's hint for ``value`` on ``offers`` (None when it passes)."""
    try:
        check.judge_target(offers, value)
    except NotYet as hint:
        return hint
    return None


def _near_miss(offers):
    """A value inside the band, 150 to 300 from question 5's target and nearer to it than
    to the band's ends, the reservation price for the job as offered and the target without
    remote days: a target rounded too coarsely."""
    target = target_of(offers)
    split, most = check.target_band(offers)
    others = [
        other
        for other in (
            split,
            most,
            reservation_of(offers),
            check._target_without_remote_days(offers),
        )
        if abs(other - target) > check.TARGET_TOLERANCE
    ]
    for gap in (300, 200, 150):
        for value in (target - gap, target + gap):
            if split <= value <= most and all(gap < abs(value - o) for o in others):
                return value
    raise AssertionError(f"no near miss for {offers.learner}")


def test_x1_the_reviewers_rounded_target_is_told_about_the_tolerance(monkeypatch):
    """X1: learner z7's target is the band's top, 104,437.5; 104,000 and 104,187.5, both
    inside the band, were told to "compare it with both ends of the band", which they had
    done. The hint now names the check's tolerance of 100 and asks whether they rounded,
    without giving the target itself."""
    monkeypatch.setenv("LEVERAGE_LEARNER", "z7")
    offers = course.variant("02_batna", "z7")
    target = target_of(offers)
    for value in (104_000, 104_187.5):
        assert abs(value - target) > check.TARGET_TOLERANCE
        said = str(_hint(offers, value))
        assert "within 100 of it" in said and "did you round?" in said, said
        assert "both ends of the band" not in said
        assert f"{target:,.2f}" not in said and f"{target:,.0f}" not in said


@pytest.mark.parametrize("who", LEARNERS)
def test_x1_a_near_miss_inside_the_band_gets_the_tolerance_not_a_reasoning_hint(monkeypatch, who):
    """X1 over many learners: a target 300 from the right one, inside the band, is told
    about the tolerance (its own branch, with the general words a hidden check uses); the
    even split, when the survey puts the target elsewhere, is still a slip of reasoning and
    keeps the old hint; a figure within 100 still passes."""
    monkeypatch.setenv("LEVERAGE_LEARNER", who)
    offers = course.variant("02_batna", who)
    target = target_of(offers)
    split, most = check.target_band(offers)
    near = _near_miss(offers)
    assert split <= near <= most
    hint = _hint(offers, near)
    assert hint is not None and "did you round?" in str(hint), (who, str(hint))
    assert "within 100 of it" in str(hint)
    assert hint.general and "rounding slip" in hint.general
    for value in (target - 100, target, target + 100):
        if split <= value <= most:
            assert _hint(offers, value) is None, (who, value)
    if abs(target - split) > check.ROUNDING_SLIP:
        said = str(_hint(offers, split))
        assert "compare it with both ends of the band" in said and "round" not in said
