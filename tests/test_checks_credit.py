"""course.checks.credit: a test cell of several checks earns the points of those passed,
shows each check's result, and gives nbgrader a bare number to read."""

import pytest
from IPython.core.formatters import DisplayFormatter

from course.checks.credit import CHECKS_MIME, JUDGED_AT_GRADING, Check, score
from course.checks.hints import NotYet
from course.variants import hidden_cases_as


def right():
    return "right"


def wrong():
    raise NotYet("try again <soon>\nsecond line")


def shown(credit):
    """What a notebook would store for the credit as a cell's result."""
    return DisplayFormatter().format(credit)[0]


def test_each_check_earns_its_own_points_even_after_one_fails():
    credit = score(Check("first", 1, wrong), Check("second", 2, right))
    assert (credit.earned, credit.possible) == (2, 3)
    assert [(o.check, o.earned, o.passed) for o in credit.outcomes] == [
        ("first", 0, False),
        ("second", 2, True),
    ]


def test_the_plain_text_is_the_number_nbgrader_reads_as_partial_credit():
    assert shown(score(Check("a", 1, right), Check("b", 0.5, wrong)))["text/plain"] == "1"
    assert shown(score(Check("a", 0.5, right)))["text/plain"] == "0.5"
    assert shown(score(Check("a", 1, wrong)))["text/plain"] == "0"


def test_the_learner_sees_every_check_with_its_hint_escaped():
    page = shown(score(Check("first", 1, wrong), Check("second", 1, right)))["text/html"]
    assert "1 of 2 marks" in page
    assert "Not yet: try again &lt;soon&gt;<br>second line" in page
    assert "<b>second</b> (1 of 1): right" in page


def test_the_report_gets_each_checks_outcome_as_json():
    record = shown(score(Check("first", 1, wrong)))[CHECKS_MIME]
    assert record == [
        {
            "check": "first",
            "points": 1,
            "earned": 0,
            "message": "try again <soon>\nsecond line",
            "practice": False,
            "passed": False,
        }
    ]


def test_a_practice_case_says_it_earns_no_marks_and_a_marked_one_says_marks():
    """A visible check that judges only a worked case of the text must not read as the
    learner's marks: "2 of 2 marks" there was read as full marks for their own answers."""
    practice = shown(score(Check("practice: a", 1, right, practice=True)))["text/html"]
    assert "Practice case: 1 of 1 right. It earns no marks" in practice
    assert "marked when the notebook is graded" in practice
    assert "of 1 marks" not in practice
    mixed = shown(score(Check("a", 1, right), Check("practice: b", 1, wrong, practice=True)))
    assert "1 of 2 marks" in mixed["text/html"]


def test_the_learners_own_items_are_judged_only_under_a_grading_key(monkeypatch):
    """Run by hand in a learner's kernel (no grading key), a hidden check must not judge the
    learner's own graded items: its verdicts, item by item, would give the answers away to
    a learner who tries each label in turn. Grading gives a key, and judges them."""
    monkeypatch.setattr("course.checks.credit._own_items_without_key", False)  # a kernel's
    ran = []

    def own():
        ran.append("own")
        return "right"

    by_hand = score(Check("yours", 1, own, own_case=True), Check("other", 1, right))
    assert ran == [] and [o.earned for o in by_hand.outcomes] == [0, 1]
    assert by_hand.outcomes[0].message == JUDGED_AT_GRADING + "."
    with hidden_cases_as("a-grading-key"):
        graded = score(Check("yours", 1, own, own_case=True), Check("other", 1, right))
    assert ran == ["own"] and [o.earned for o in graded.outcomes] == [1, 1]
    # an instructor's `nbgrader validate` of the source runs without a key, and judges them
    monkeypatch.setenv("NBGRADER_EXECUTION", "validate")
    validated = score(Check("yours", 1, own, own_case=True))
    assert ran == ["own", "own"] and validated.outcomes[0].earned == 1


def test_an_error_that_is_not_a_hint_is_not_hidden():
    """A bug in a check must fail the cell loudly, not pass as a learner's mistake."""

    def broken():
        raise KeyError("bug")

    with pytest.raises(KeyError):
        score(Check("a", 1, broken))


@pytest.mark.parametrize("checks", [(), ("not a check",)])
def test_score_needs_checks(checks):
    with pytest.raises(TypeError, match="one or more Check"):
        score(*checks)
