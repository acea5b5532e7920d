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

    # review 86 U1: the side note is cut; review 88 U1: section 6's "In law" box says it
    nine = cell_words("guard-teaching")
    intention = nine.index("A stated intention, or an opinion")
    assert intention < nine.index("(*Edgington v Fitzmaurice*, 1885;")
    assert nine.index("*Edgington") < nine.index("*Smith v Land and House Property Corp*, 1884)")
    assert "a stated intention or opinion you do not hold" not in nine
    moves = {m.key: m for m in scenario._TACTICS}
    fair = " ".join(moves["fair-price"]._why.split())
    assert "Smith v Land and House Property Corp, 1884" in fair and "Edgington" not in fair
    assert "Edgington v Fitzmaurice, 1885" in moves["rival-ultimatum"]._why


def test_question_5b_says_plainly_a_hold_alone_is_no_reason_to_lower(monkeypatch, capsys):
    """C1: Question 5b grades how many holds move the model's price, while a hold costs Osprey
    nothing to fake (CONTENT idea 7: never rush a concession). The hedge ("treat the count as
    an upper bound on how far holds should move you") left a count to obey; the text and the
    pass message now say plainly that a hold alone is no reason to lower your price. What is
    graded is unchanged (the reference still passes)."""
    from course.variants import variant
    from tests.test_checks_information import as_learner, check, reference

    words = cell_words("q5b-text")
    # review 82 E1: the count is a floor (a faked hold is weaker evidence), never a trigger
    # review 114 U5: "a floor, never a trigger" is said in plain words
    assert (
        "the count is the fewest holds that could justify a lower price: honest holds would "
        "justify lowering after that many, but do not lower on holds alone" in words
    )
    sale = next(
        s
        for s in (variant("01_information", f"learner-{n:03d}") for n in range(40))
        if reference.holds_before_moving(s, reference.posterior_after_opening(s))
    )
    as_learner(monkeypatch, sale.learner)
    check.holds_before_moving(lambda s, a: reference.holds_before_moving(s, a))
    said = " ".join(capsys.readouterr().out.split())
    assert "so a hold alone is no reason to lower your price" in said


def test_the_weak_alternative_s_reason_agrees_with_section_3():
    """C2: the `weak-alternative` reason said naming Wren "tells it you could be had for
    less", yet section 3 says you build to order and your reservation price is your cost
    whatever Wren does. The reason now gives what naming Wren does reveal: that you are short
    of other work, so the deal matters more to you than to Osprey."""
    from course.scenarios import information as scenario

    words = cell_words("price-teaching")
    assert "**your own reservation price in this sale is your cost**" in words
    weak = next(m for m in scenario._DISCLOSURES if m.key == "weak-alternative")
    why = " ".join(weak._why.split())
    assert "had for less" not in why and "least you would accept" not in why
    assert "you are short of other work, so the deal matters more to you than to it" in why


def test_the_ultimatum_figures_stand_in_the_list_without_a_side_note():
    """U1 (partly): a side note held the ultimatum game's usual offers apart from the figure
    they qualify. It is cut; the meta-analysis's average offer and refusal rate now stand
    with the refusal figure in section 3's list, their sources named there."""
    words = cell_words("price-teaching")
    assert "The ultimatum-game figures" not in words
    assert "the note below the list gives more figures" not in words
    # review 82 U1: the ultimatum paragraph is two sentences now; review 83 U1: the
    # meta-analysis's figures are cut with it, Camerer's refusal figure stays with its source
    assert (
        "offers under about a fifth are refused about half the time (Camerer, *Behavioral Game "
        "Theory*, 2003, chapter 2)" in words
    )
