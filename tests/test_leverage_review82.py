"""Review 81 (module 00), fixed in round 82: each test below failed on the old code or text."""

from tests.sweeps import cell_text


def _markdown(grade_id):
    return " ".join(cell_text("00_leverage", "leverage", grade_id).split())


def test_e1_a_deadline_of_theirs_may_put_time_on_your_side_not_waiting_pays():
    """Review 81 E1: the side note on deadlines said a deadline pressing only the other side
    "tells you waiting is likely to pay", the one-sided reading Moore (2004, the closing
    notes) found mistaken and section 5 warns against; waiting also risks no deal. It now
    says time may be on your side and points to section 5's caution, which is there.
    Fails on the old text."""
    sources = _markdown("sources-teaching")
    assert "waiting is likely to pay" not in sources
    assert (
        "Time may be on your side when a deadline presses only the other side; section 5 says"
        " why not to count on it." in sources
    )
    assert "Do not count on it alone." in _markdown("shift-teaching")
