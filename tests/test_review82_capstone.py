"""Module 05, review 81 (fixed in round 82). Each test failed on the text or code before
this round."""

from pathlib import Path

import course

SOURCE = Path(course.__file__).parents[1] / "source" / "05_capstone" / "capstone.py"


def _section(grade_id):
    """The markdown cell ``grade_id`` of the source notebook, on one line, ``#`` dropped."""
    cell = SOURCE.read_text().split(f'grade_id": "{grade_id}"')[1].split("# %%")[0]
    return " ".join(" ".join(line.removeprefix("#").strip() for line in cell.splitlines()).split())


# --- E1 + X1: question 4's time rule is a convention, and the check's second reading is said --


def test_question_4_calls_never_marlow_a_convention_and_says_the_counted_reading_passes():
    """E1/X1: rule (b) said 'discount them, so time never favours Marlow', an inference the
    evidence does not force (a rush points to a need near 3 weeks), while the check also
    passes an audit that counts Marlow's claimed weeks. The text now names the rule the
    course's convention, gives its reason, and says the counted reading passes, as the
    check does (tests/test_review81_capstone.py tries both readings on learners where they
    differ)."""
    q4 = _section("q4-text")
    assert "discount them, so time never favours Marlow" not in q4
    assert "By the course's convention time never favours Marlow" in q4
    assert "its weeks are only its buyers' claim, which its rush request belies" in q4
    assert "Counting the claimed weeks passes too." in q4
