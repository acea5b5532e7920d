"""Review 75 (module 00): the fixes each failed on the old code or text."""

from course.scenarios.leverage import _TACTICS
from tests.notebooks import source_notebook

CASE_KEYS = ("salary", "supplier", "sole-source", "deadline")


def _markdown(grade_id):
    cell = next(
        c
        for c in source_notebook("00_leverage", "leverage").cells
        if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id
    )
    return " ".join(cell.source.split())


def test_x1_a_tactics_group_number_names_no_kind_across_cases():
    """Review 75 X1: question 5's ``group`` numbers, in the package, named the same kind in
    every case (1 illegitimate, 2 legitimate, 3 bluff, 4 misrepresentation), so one obvious
    tactic decoded every case. Each number now names more than one kind across the cases.
    Fails on the old code."""
    for number in {t.group for t in _TACTICS}:
        kinds = {t._kind for t in _TACTICS if t.group == number}
        assert len(kinds) > 1, (number, kinds)


def test_x1_a_tactics_place_in_its_case_names_no_kind_across_cases():
    """Review 75 X1, the same fault elsewhere: each case's tactics were listed in the package
    in one order of kinds (two legitimate, two bluffs, two misrepresentations, the
    illegitimate ones, then the threat), the same in every case, so a tactic's place named
    its kind as its group number did. No place now holds one kind in every case. Fails on
    the old code."""
    by_case = {key: [t._kind for t in _TACTICS if t.case == key] for key in CASE_KEYS}
    for place in range(min(len(kinds) for kinds in by_case.values())):
        kinds = {by_case[key][place] for key in CASE_KEYS}
        assert len(kinds) > 1, (place, kinds)


def test_x1_the_instructor_note_says_what_group_gives_away():
    """Review 75 X1: the note to instructors said the package keeps which tactics share a
    kind 'not which kind that is'; one obvious tactic names its group. Fails on the old
    text."""
    note = _markdown("fact-reason")
    assert "not which kind that is" not in note
    assert (
        "it shows which of a learner's tactics share a kind, so one obvious tactic then names "
        "its group; a number means nothing across cases" in note
    )
