"""Module 00, review 78: each test below failed on the text before its fix."""

from tests.conftest import ROOT


def test_fisher_and_urys_point_is_paraphrased_as_relative_strength():
    """E1: Fisher and Ury's point is that the two sides' relative power depends on how
    attractive each finds not agreeing; the notebook paraphrased it as one side's strength
    depending on its own option only."""
    source = (ROOT / "source" / "00_leverage" / "leverage.py").read_text()
    text = " ".join(line.removeprefix("#").strip() for line in source.splitlines())
    assert "the two sides' relative strength depends above all on how attractive each" in text
    assert "a side's strength at the table depends above all" not in text
