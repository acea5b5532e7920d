"""Module 03, review 81 (an independent negotiation professor's review), fixed in round 82.
Each test failed on the code or text before this round."""

from tests.test_models_power import PROSE, _section


def _flat(text):
    return " ".join(text.split())


def _four():
    return _flat(_section(PROSE, "### Question 4", "def licence_reply"))


def _seven():
    return _flat(_section(PROSE, "## 7. Using power", "### Legitimate and illegitimate"))


def test_c1_the_yardstick_holds_atlas_because_atlas_proposed_it():
    """C1: section 7 called Atlas's yardstick "a standard independent of either side's will
    (Fisher and Ury's objective criterion)", while section 2 says a Shapley value is never a
    price you are owed and question 4 holds Atlas to it only because Atlas proposed it.
    Section 7 now says what question 4 says, with Shell's name for it."""
    assert "independent of either side's will" not in _flat(PROSE)
    assert "objective criterion" not in _seven()
    assert (
        "Kestrel may hold Atlas to its yardstick only because Atlas proposed it: people "
        "resist going back on a standard they set"
    ) in _seven()
    assert "you may hold Atlas to this one because Atlas proposed it" in _four()
