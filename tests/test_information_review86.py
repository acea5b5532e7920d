"""Module 01, review 86 (fixed in round 86): text and the claims it makes about the checks.
Each test failed on the text before this round."""

from tests.test_checks_information import cell_words


def test_a_fallible_report_is_worth_no_more_than_perfect_information_not_less():
    """E1: the text said a fallible report is worth *less* than perfect information, but
    both are 0 when no report can move the price: EVPI is a ceiling it can reach."""
    for grade_id in ("report-teaching", "summary"):
        words = cell_words(grade_id)
        assert "is worth less" not in words, grade_id
        assert "worth no more" in words, grade_id
