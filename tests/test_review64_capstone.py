"""Review 64 of module 05: what a fresh reader found, pinned once fixed."""

from tests.sweeps import cell_text


def test_carr_defends_bluffing_and_the_model_rule_comment_tolerates_it():
    """Review 64 E1: the text said many negotiators tolerate a bluff about one's reservation
    price and cited Carr (1968), who argues that bluffing is part of business's game. Review
    74 (module 00's C1): the surveys (Robinson, Lewicki & Donahue, 2000) back only keeping
    your limit to yourself; the tolerance of a bluff about it rests on the comment to Model
    Rule 4.1, as module 00 says, so the text now cites that. Seen failing on the old text."""
    text = " ".join(cell_text("05_capstone", "capstone", "say-teaching").split())
    assert "which many negotiators tolerate (Carr" not in text
    # review 80 U1: the seven-line sentence is two; same claims
    # review 94 C2: Carr is no authority for the bluff (module 00); he went further
    assert "defends it as part of business's game" not in text
    assert 'Carr ("Is Business Bluffing Ethical?", 1968) went further' in text
    assert "surveys find most negotiators tolerate" not in text
    assert "survey" not in text
    assert (
        "the comment to Model Rule 4.1 ordinarily takes it as no statement of material "
        "fact (module 00)" in text
    )
