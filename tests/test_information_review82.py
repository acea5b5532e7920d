"""Module 01, review 81 (fixed in round 82): text and checks. Each test failed on the code or
text before its round."""

from tests.test_checks_information import cell_words


def test_each_misrepresentation_claim_cites_its_own_case():
    """E1: the side note and the `fair-price` reason cited *Edgington v Fitzmaurice* (1885)
    for an opinion you do not hold; Edgington is the case on a stated intention. The usual
    case for an opinion is *Smith v Land and House Property Corp* (1884): an opinion from the
    side that knows the facts better implies it knows facts that back it. Each claim now
    cites its own case; the threat (`rival-ultimatum`) keeps Edgington."""
    from course.scenarios import information as scenario

    guard = cell_words("guard-teaching")
    intention = guard.index("such as an intention, is a fact (*Edgington v Fitzmaurice*, 1885)")
    opinion = guard.index("(*Smith v Land and House Property Corp*, 1884)")
    assert intention < opinion
    assert "a stated intention or opinion you do not hold" not in guard
    moves = {m.key: m for m in scenario._TACTICS}
    fair = " ".join(moves["fair-price"]._why.split())
    assert "Smith v Land and House Property Corp, 1884" in fair and "Edgington" not in fair
    assert "Edgington v Fitzmaurice, 1885" in moves["rival-ultimatum"]._why
