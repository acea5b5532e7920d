"""Module 02, review 69: the points of the specialist's review that code can check."""

import functools

from course.checks import batna as check
from course.checks.credit import CHECKS_MIME, Check, score
from course.checks.hints import NotYet
from tests.notebooks import solution_namespace


def _cell(grade_id):
    from tests.sweeps import cell_text

    return " ".join(cell_text("02_batna", "batna", grade_id).split())


@functools.lru_cache(maxsize=1)
def _solutions():
    return solution_namespace("02_batna", "batna")


def _outcomes(credit):
    return {o.check: o for o in credit.outcomes}


def test_question_9s_left_open_verdict_is_its_own_feedback_line_not_part_of_a_passed_mark(
    monkeypatch,
):
    """Review 69 X3: a wrong "left open" answer was told "not yet" inside the passed
    "committed first" line (0.5 of 0.5 ... not yet: ...). It now has a line of its own,
    marked as feedback with no mark, shown as not passed; the marked lines say only what
    they judge, and the question's marks are unchanged."""
    monkeypatch.setenv("LEVERAGE_LEARNER", "ada")
    right = _solutions()["batna_when"]

    def left_as_commit(offers, timing, funded=None):
        return right(offers, "commit first" if timing == "left open" else timing, funded)

    for hidden in (False, True):
        credit = check.batna_when(left_as_commit, hidden=hidden)
        got = _outcomes(credit)
        assert (credit.earned, credit.possible) == (1, 1)
        committed, left = got["committed first"], got[check.LEFT_OPEN_UNMARKED]
        assert committed.passed and "left open" not in committed.message.lower()
        assert not left.passed and left.points == 0 and left.feedback_only
        html = credit._repr_mimebundle_()["text/html"]
        assert "<b>left open</b> (feedback only, no mark): Not yet: " in html
        assert "(0.5 of 0.5): " in html and "(0 of 0)" not in html
    got = _outcomes(check.batna_when(right))
    assert got[check.LEFT_OPEN_UNMARKED].passed


def test_a_check_of_no_points_that_fails_is_reported_as_failed_and_does_not_block_a_pass():
    """A feedback line (no points) that fails shows a cross and counts as failed in the class
    report's data; it neither adds nor costs points."""

    def wrong():
        raise NotYet("not this way")

    credit = score(Check("marked", 1, lambda: "fine"), Check("feedback", 0, wrong))
    assert credit.earned == 1 and credit.possible == 1
    data = {d["check"]: d for d in credit._repr_mimebundle_()[CHECKS_MIME]}
    assert data["marked"]["passed"] and not data["feedback"]["passed"]
