"""Review 74 (module 00, question 2): the fixes each failed on the old code or text."""

import pytest

import course
from course.checks import leverage as check
from course.checks.hints import NotYet

SOURCES = ("information", "alternatives", "power")


def _audit(yours, theirs, weights):
    return {
        key: dict(zip(SOURCES, part, strict=True))
        for key, part in (("yours", yours), ("theirs", theirs), ("weights", weights))
    }


#: Review 74 X3's two salary audits for a learner with Larkfield's contractor: Calder's
#: offer (terms never given) rated low, the contractor a real fallback for Larkfield.
CONTRACTOR_READINGS = [
    _audit((3, 4, 5), (8, 5, 6), (0.3, 0.4, 0.3)),
    _audit((3, 5, 5), (8, 5, 6), (0.3, 0.4, 0.3)),
]


def test_x3_a_salary_learner_with_the_contractor_may_rate_larkfields_alternatives_higher():
    """Review 74 X3: a salary learner who drew "Larkfield has a contractor who could cover
    the post..." and rated Larkfield's alternatives at or above their own was refused, while
    the deadline case lifts its parallel rule for Brannock's standing offer. The rule is now
    lifted for that fact the same way; learners without it still meet it. Fails on the old
    code (rev-1's two audits were refused)."""
    from course.scenarios.leverage import CONTRACTOR

    assert course.variant("00_leverage", "rev-1").case == "salary"
    seen = {True: 0, False: 0}
    for learner in ["rev-1", *(f"r74-{i}" for i in range(300))]:
        s = course.variant("00_leverage", learner)
        if s.case != "salary":
            continue
        contractor = CONTRACTOR in s.facts.values()
        seen[contractor] += 1
        for audit in CONTRACTOR_READINGS:
            if contractor:
                assert check.judge_audit(s, audit), s.learner
            else:
                with pytest.raises(
                    NotYet, match="your alternatives and Larkfield's do not compare as your story"
                ):
                    check.judge_audit(s, audit)
    assert CONTRACTOR in course.variant("00_leverage", "rev-1").facts.values()
    assert seen[True] >= 10 and seen[False] >= 5, seen
