"""Review 85 of module 05 (a negotiation professor's, on 157e7387): fixes, each with a test
that fails on the text or code it replaced."""

from tests.test_review84_capstone import _cell


def test_e1_grit_is_a_series_of_steps_and_the_table_borrows_one():
    """E1: 'The last row follows Osgood's GRIT' overstated the citation: GRIT proposes a
    series of announced one-sided steps, kept up for a while, and the table allows one.
    The row now borrows from GRIT and says so. Fails on the old text."""
    plan = _cell("plan-teaching")
    assert "The last row follows Osgood's GRIT" not in plan
    assert (
        "The last row borrows from Osgood's GRIT (1962), which proposes a series of small "
        "one-sided steps, each announced and carried out, to invite an answer; this table "
        "allows one."
    ) in plan
