"""Module 02, fixes of round 114 after review 114 (a negotiation professor's reading): one
test per item fixed, each failing on the text or code before it."""

from course.checks import batna as check
from tests.test_batna_review102 import _cell


def _strict_zone(offers, reservation):
    """Question 4 with a strict `>`: no zone where the two reservation prices are equal."""
    northwind = offers.agency_rate + offers.agency_fee
    return None if northwind <= reservation else (reservation, northwind)


def test_x1_a_strict_comparison_in_question_4_loses_a_quarter(monkeypatch):
    """Review 114 X1: a `northwind_zopa` returning None where b = s (a strict `>`, against
    the b >= s the question states) earned 2 of 2. The zone of one salary now earns a
    quarter point, taken from the zones; the text's marks line says so."""
    for n in range(40):
        monkeypatch.setenv("LEVERAGE_LEARNER", f"rv114-x1-{n}")
        for hidden in (False, True):
            credit = check.northwind_zopa(_strict_zone, hidden=hidden)
            assert credit.possible == 2
            assert credit.earned == 1.75, (n, hidden)
    assert "Marks: zones 1¼, no zone ½, equal prices ¼." in _cell("q4-text")
