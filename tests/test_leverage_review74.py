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
    code (rev-1's two audits were refused). Review 112 X1: the story only implies that
    comparison (Calder's terms are never given), so a learner without the contractor now
    passes with a note that names it instead of a refusal; with the contractor, no note."""
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
            note = check._past_a_bound(s, *check.judge_audit(s, audit))
            if contractor:
                assert "your alternatives above Larkfield's" not in note, s.learner
            else:
                assert "A note, not a fault: the course would rate your alternatives above " in note
                assert "the story implies this without stating it" in note, s.learner
    assert CONTRACTOR in course.variant("00_leverage", "rev-1").facts.values()
    assert seen[True] >= 10 and seen[False] >= 5, seen


def _q2_text():
    from tests.sweeps import cell_text

    return " ".join(cell_text("00_leverage", "leverage", "q2-text").replace("#", " ").split())


def test_x2_the_comparison_hint_says_the_story_decides_the_direction():
    """Review 74 X2: a refused comparison was told "it is for you to decide which side that
    line puts ahead", and question 2's box said "which side it puts ahead is yours to
    decide", yet only the story's direction passes (strictly, for "higher"). Both now say
    the story's line decides and the check does not name the side. rev-1 (salary), who
    rates both sides' alternatives 5 and then puts Larkfield ahead, is refused both times,
    as the hint now says. Fails on the old text. Review 112 X1: that alternatives comparison
    is one the story only implies, so it now passes with a note; the hint is checked on the
    comparison the salary story states (Larkfield's recruiters know the pay far better than
    you do): information rated even, then you ahead, is refused both times."""
    from course.scenarios.leverage import CONTRACTOR

    assert "decide" not in check.READ_THE_COMPARISON
    assert "that line says which side is ahead" in check.READ_THE_COMPARISON
    assert "the check does not name the side" in check.READ_THE_COMPARISON
    q2 = _q2_text()
    assert "yours to decide" not in q2
    assert "the hint quotes the story's line; it does not say which side" in q2
    learners = (course.variant("00_leverage", f"r74x2-{i}") for i in range(200))
    s = next(s for s in learners if s.case == "salary" and CONTRACTOR not in s.facts.values())
    for yours_information in (8, 9):  # even, then you ahead: both refused
        audit = _audit((yours_information, 6, 5), (8, 5, 6), (0.3, 0.4, 0.3))
        with pytest.raises(NotYet) as failure:
            check.judge_audit(s, audit)
        assert "your information and Larkfield's do not compare" in str(failure.value)
        assert check.READ_THE_COMPARISON in str(failure.value)
    assert check.judge_audit(s, _audit((4, 6, 5), (8, 5, 6), (0.3, 0.4, 0.3)))
    # the implied comparison (alternatives even, then Larkfield ahead) passes with its note
    for theirs_alternatives in (5, 6):
        audit = _audit((4, 5, 5), (8, theirs_alternatives, 6), (0.3, 0.4, 0.3))
        note = check._past_a_bound(s, *check.judge_audit(s, audit))
        assert "the story implies this without stating it" in note


def test_u2_question_2_says_once_when_the_reasons_decide_the_marks():
    """Review 74 U2: question 2 asked for a reason for each rating, then said "the reasons
    count only when ...", which learners read as "reasons do not matter". It now says once,
    plainly, that the instructor may read them and when they decide the marks. Fails on the
    old text."""
    q2 = _q2_text()
    assert "reasons count only" not in q2 and "The 2 marks go to the audit" not in q2
    # review 93 X1: the task now says that the instructor reads the reasons (not "may"),
    # beside the request, so the box no longer repeats it
    # review 95 U2: the one rule moved to the README, for the instructor, and to the note a
    # flagged learner sees
    assert q2.count("reason") == 2  # the task's request, who reads them
    assert "keeps both marks if they do" in check.COPY_RULE
