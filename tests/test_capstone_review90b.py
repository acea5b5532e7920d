"""Review 90 of module 05, part B (M1, X1, X2): fixes, each with a test that fails on the
text or code it replaced."""

from dataclasses import replace
from pathlib import Path

import pytest

import course
from course.checks import capstone as check
from course.checks.hints import NotYet
from course.scenarios.capstone import alternatives_readings, buyers_word_readings
from tests.sweeps import passes
from tests.sweeps import run as run_check
from tests.test_review81_capstone import _audit

SOURCE = Path(__file__).resolve().parents[1] / "source" / "05_capstone" / "capstone.py"


def _cell(grade_id):
    """The text of one cell, its comment marks dropped and its lines joined by spaces."""
    cell = SOURCE.read_text().split(f'grade_id": "{grade_id}"')[1].split("# %%")[0]
    return " ".join(" ".join(line.removeprefix("#").strip() for line in cell.splitlines()).split())


def test_x1_question_4_accepts_only_the_discounted_reading_of_marlows_weeks(monkeypatch):
    """X1: rule (b) taught section 2's reading (Marlow's claimed weeks of stock, against its
    rush request, are a claim to discount) and then said 'Taking them at its buyers' word
    there passes too', so where the time fact mattered most the row was no decision. The
    sentence and the solution's comment are gone; on learners where the two readings
    differ (learner-1354, the reviewer's, among them), the buyers'-word audit now fails,
    visible and hidden, with a hint that says why, and the discounted one passes."""
    q4 = _cell("q4-text")
    assert "Taking them at its buyers' word there passes too." not in q4
    assert "discount them, so time favours neither side" in q4
    assert "passes too" not in _cell("my-audit-answer")
    learners = ["learner-1354"] + [f"learner-{n}" for n in range(120)]
    differ = 0
    for learner in learners:
        case = course.variant("05_capstone", learner)
        if _audit(case, True) == _audit(case, False):
            continue
        differ += 1
        monkeypatch.setenv("LEVERAGE_LEARNER", learner)
        with pytest.raises(NotYet) as hint:
            run_check(check, "my_audit", lambda s: _audit(s, True))
        said = " ".join(str(hint.value).split())
        assert f"takes Marlow's {case.their_weeks} weeks of stock at its buyers' word" in said
        assert "an unverified claim of the other side" in said
        assert "section 2's rule is to discount it" in said
        with pytest.raises(NotYet):  # grading refuses it too
            run_check(check, "my_audit", lambda s: _audit(s, True), hidden=True)
        for shown in (False, True):
            right = run_check(check, "my_audit", lambda s: _audit(s, False), hidden=shown)
            assert passes(right), learner
        if differ == 4:
            break
    assert differ == 4
    assert _audit(course.variant("05_capstone", "learner-1354"), True)["alternatives"] == "Marlow"


def test_x1_the_buyers_word_reading_is_never_accepted_where_it_differs():
    """X1 over 1,000 learners: wherever Marlow's claimed weeks put it 3 or more ahead and
    taking them at their word changes the row (and no share gap on its line reads it so
    anyway), that reading is not among the accepted ones (``alternatives_readings``), and the hint's set (``buyers_word_readings``) holds
    it; the discounted reading is always accepted."""
    found = 0
    for n in range(1000):
        case = course.variant("05_capstone", f"learner-{n}")
        side = {"you": "you", "Marlow": "Marlow", "open": None}
        readings = alternatives_readings(case)
        assert side[_audit(case, False)["alternatives"]] in readings, n
        claimed = side[_audit(case, True)["alternatives"]]
        if claimed != side[_audit(case, False)["alternatives"]]:
            even = replace(case, their_weeks=case.your_weeks)
            if claimed in alternatives_readings(even):
                continue  # a share gap on its line reads that way without the weeks
            found += 1
            assert claimed not in readings and claimed in buyers_word_readings(case), n
    assert found > 50
