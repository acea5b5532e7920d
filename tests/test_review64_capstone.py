"""Review 64 of module 05: what a fresh reader found, pinned once fixed."""

from tests.sweeps import cell_text


def test_carr_defends_bluffing_and_surveys_find_it_tolerated():
    """Review 64 E1: the text said many negotiators tolerate a bluff about one's reservation
    price and cited Carr (1968), who argues that bluffing is part of business's game; that
    negotiators tolerate it is what surveys of them find. Seen failing on the old text."""
    text = " ".join(cell_text("05_capstone", "capstone", "say-teaching").split())
    assert "which many negotiators tolerate (Carr" not in text
    assert "which Carr defends as part of business's game" in text
    assert "surveys find most negotiators tolerate" in text
