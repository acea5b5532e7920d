"""Module 05, review 69 (part B): the audit's alternatives row (C1, C2), question 6's
feedback (X5), the model reflection (U2), the forward reference (U3), the table's rules
(U4), the diagnostic set (U5) and the length of sections 1 to 4 (U1)."""

from pathlib import Path

import course

SOURCE = Path(course.__file__).parents[1] / "source" / "05_capstone" / "capstone.py"


def _section(grade_id):
    cell = SOURCE.read_text().split(f'grade_id": "{grade_id}"')[1].split("# %%")[0]
    return " ".join(line.removeprefix("#").strip() for line in cell.splitlines())


def test_the_alternatives_row_states_a_rationale_that_fits_its_measure():
    """C1: 'the side whose alternative is the larger fraction of its own best package
    loses less by walking away' did not fit the measure (what you lose by walking away
    counts the supplier audit, which your share leaves out), and 'k€ and points cannot be
    set against each other in any other way' was contradicted by the debrief's 0-to-1
    scales. The row now says the larger share is the stronger fallback measured against
    what the deal could give. Failed on the old text."""
    audit = _section("audit-teaching")
    assert "loses less by walking away" not in audit
    assert "in any other way" not in audit
    assert (
        "The side with the larger share has the stronger fallback, measured against what "
        "the deal could give it" in audit
    )


def test_the_alternatives_row_says_the_booking_date_does_not_thin_brenn_or_kessel():
    """C2: the row said a deadline's alternatives 'get fewer and dearer as the date nears',
    but Brenn and Kessel answer at Tallis's booking date whenever the talks end; one
    sentence now says what the date does limit. Failed on the old text."""
    audit = _section("audit-teaching")
    assert "The side that can wait longer keeps its alternatives longer" not in audit
    assert (
        "Your booking date does not change Brenn or Kessel, which answer at that date "
        "whenever the talks end; it limits how long you can hold out" in audit
    )
