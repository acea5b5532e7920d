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


def _flat(path, grade_id):
    """The text of one markdown cell, comment marks dropped and lines joined."""
    cell = path.read_text().split(f'grade_id": "{grade_id}"')[1].split("# %%")[0]
    return " ".join(" ".join(line.removeprefix("#").strip() for line in cell.splitlines()).split())


def test_c1_the_capstone_names_module_04s_floor_for_sets_and_calls_its_stop_a_convention():
    """C1: module 04's question 5 lets an opening set give the other side less than its
    minimum, down to a quarter of it ("Section 1's grounding rule is for prices"), while
    the capstone said module 04's rule forbade any package below Marlow's need. The
    capstone now names module 04's floor as module 04 states it and calls its own stop a
    stricter convention; its question 5 hint no longer says module 04's rule refuses the
    step beyond."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    q5_04 = _flat(root / "source" / "04_concessions" / "concessions.py", "q5-text")
    assert "at least a quarter of the points it needs to sign (`s.their_minimum / 4`)" in q5_04
    assert "Section 1's grounding rule is for prices" in q5_04
    opening = _flat(root / "source" / "05_capstone" / "capstone.py", "opening-teaching")
    assert "Module 04's sets went that far, to a quarter of the other side's minimum" in opening
    assert "stricter convention" in opening
    assert "module 04's section 1 rule applies as to a price" not in opening
    hints = (root / "course" / "checks" / "capstone.py").read_text()
    assert "module 04's rule refuses it" not in hints
