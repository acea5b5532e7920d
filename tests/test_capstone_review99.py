"""Review 99 (module 05, a fresh reader): items fixed in the capstone."""

import pytest

import course
from course.checks import capstone as check
from course.checks.hints import NotYet
from tests.sweeps import passes
from tests.sweeps import run as run_check
from tests.test_review81_capstone import _audit


def test_x1_the_visible_check_refuses_marlows_claimed_wait_where_your_own_case_cannot(
    monkeypatch,
):
    """X1: question 4's visible edges never had Marlow claim the longer wait, so an audit
    that takes its claimed weeks at its buyers' word passed the visible check for every
    learner whose own case cannot show the slip (the reviewer's rv-bob and rv-carol; 117
    of 200), and then failed at grading. A visible edge now has Marlow claim 8 weeks
    against your 3 with the shares open: the slip gets section 2's hint before grading,
    and the discounted reading still passes, visible and hidden."""
    learners = ["rv-bob", "rv-carol"] + [f"learner-{n}" for n in range(40)]
    hidden_alike = 0
    for learner in learners:
        case = course.variant("05_capstone", learner)
        if _audit(case, True) != _audit(case, False):
            continue  # the learner's own case already shows the slip
        hidden_alike += 1
        monkeypatch.setenv("LEVERAGE_LEARNER", learner)
        with pytest.raises(NotYet) as hint:
            run_check(check, "my_audit", lambda s: _audit(s, True))
        said = " ".join(str(hint.value).split())
        assert "your audit fits your case, but not your case with" in said, said
        assert "takes Marlow's 8 weeks of stock at its buyers' word" in said, said
        for hidden in (False, True):
            right = run_check(check, "my_audit", lambda s: _audit(s, False), hidden=hidden)
            assert passes(right), (learner, hidden)
    assert hidden_alike >= 20
