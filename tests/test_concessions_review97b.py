"""Review 96 of module 01, item C1, fixed in module 04's text in round 97. The test fails on the
text before the fix."""

from tests.sweeps import cell_text


def _flat(grade_id):
    return " ".join(cell_text("04_concessions", "concessions", grade_id).replace("#", " ").split())


def test_steps_that_keep_their_size_are_not_called_holds():
    """Review 96 (module 01) C1: module 01 teaches that a hold, a repeated offer, hints the
    buyer is near its reservation price; module 04 said "steps that hold or grow say there is
    more to come", while its own question 2 calls a step of 0 a hold, so the two modules read
    the same move opposite ways. Module 04 now says steps that keep their size."""
    text = _flat("tactics-teaching")
    assert "steps that hold or grow" not in text
    assert "steps that keep their size or grow say there is more to come" in text
