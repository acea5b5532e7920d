"""Module 05, review 80 (fixed in round 81). Each test failed on the text or code before
this round."""

from pathlib import Path

import course

SOURCE = Path(course.__file__).parents[1] / "source" / "05_capstone" / "capstone.py"


def _section(grade_id):
    """The markdown cell ``grade_id`` of the source notebook, on one line, ``#`` dropped."""
    cell = SOURCE.read_text().split(f'grade_id": "{grade_id}"')[1].split("# %%")[0]
    return " ".join(" ".join(line.removeprefix("#").strip() for line in cell.splitlines()).split())


# --- C1: one statement on how Marlow's move is measured -------------------------------------


def test_the_appendix_measures_marlows_move_as_section_5_does():
    """C1: the appendix said k€ and points have no common unit, so Marlow's move 'cannot
    be measured here', while section 5 and question 8 measure it by what its offer is
    worth to you. The appendix now measures it the same way and names the real departure:
    any move earns a whole package."""
    about = _section("about-the-bot")
    assert "cannot be measured" not in about
    assert "a whole package however small the move (measured by its worth to you)" in about
    assert "Whether Marlow moved is read from what its offer is worth to you" in _section("q8-text")
