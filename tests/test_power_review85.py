"""Module 03, review 85 (an independent negotiation professor's review), fixed in round 86.
Each test failed on the code or text before this round."""

from tests.test_models_power import PROSE, _section


def _flat(text):
    return " ".join(text.split())


def test_e3_using_a_public_office_in_a_deal_can_be_a_crime_not_often_is():
    """E3: section 7 said that bringing a public office's power to a private deal is "often
    a crime", more than holds in general. It now says it can be one and names the two
    offences (bribery, misconduct in office)."""
    legit = _flat(_section(PROSE, "### Legitimate and illegitimate power", "A bluff is not"))
    assert (
        "is a conflict of interest, and can be a crime (bribery, misconduct in office), as is "
        "raising any say you hold on others' behalf." in legit
    )
    assert "often a crime" not in PROSE
