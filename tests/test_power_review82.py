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


def test_x1_question_6_no_longer_says_both_kinds_are_common():
    """X1: question 6 said that in other learners' scenarios the change "costs more, or
    less, than it brings", as if both were common; in about 1 draw in 50 the money's coming
    sooner is worth more than the change costs. Round 83 (review 82, C1) dropped the
    proportions this round wrote in their place; tests/test_power_review83.py pins them in
    the generator's docstring."""
    six = _flat(_section(PROSE, "### Question 6", "def signing_terms"))
    assert "in others it costs more, or less, than it brings" not in six


def test_e1_no_unsourced_claim_that_control_decides_most():
    """E1: section 1 said control of what the other side needs is "the one that usually
    decides most at a negotiating table", a claim with no source that nothing in the module
    needs; it is gone, and the grouping stays the course's."""
    one = _flat(_section(PROSE, "## 1. Where power comes from", "Emerson"))
    assert "usually decides most" not in one
    assert (
        "This course groups those two with scarcity under one base: **control of something "
        "the other side needs**"
    ) in one
    # review 102, U4: the engineering note went; the sentence still says whose grouping
    assert "This course groups those two with scarcity under one base" in one


def test_c2_one_rule_for_mentioning_an_alternative_with_one_bar_per_kind_of_talks():
    """C2: section 7 said "each module names that estimate" before giving the two bars, as if
    there were no single rule. The phrase is gone: one rule (beat what they expect to give
    you), then when each bar applies, Kestrel's kind last, before "strong" is defined."""
    seven = _seven()
    assert "each module names that estimate" not in seven
    rule = seven.index("It does when it beats what they expect to give you.")
    module_02 = seven.index(
        "Module 02's rule compared the alternative with their estimate of your reservation "
        "price: that fits talks where the other side can make a final offer and hold to it."
    )
    here = seven.index(
        "Where both sides can counter and both lose by waiting, as here, mention an "
        "alternative when it beats the other side's estimate of your share at the table"
    )
    # review 102, U3: the bold definition line opening section 7 says the bar too
    # review 106, C3 (round 107): "binding" for "strong"
    assert rule < module_02 < here < seven.index("one worth mentioning")  # review 108, U3
    assert seven.count("estimate of your share at the table") == 2


def test_x3_the_hints_call_a_weak_alternatives_pull_a_heuristic_as_section_7_does():
    """X3: question 9b's hints said naming a weak alternative "lowers what they expect to
    pay", while section 7 calls that an untested heuristic ("can anchor"). Both hints that
    said so now say it can, and name section 7's heuristic."""
    import course
    from course.checks import power as check

    seen = 0
    for n in range(12):
        s = course.variant("03_power", f"r82-x3-{n}")
        for said in ("mention", "ultimatum"):  # where keeping quiet is right: Harrow is weak
            text = " ".join(check._harrow_move_hint(s, said, "keep quiet"))
            assert "lowers what" not in text, text
            if "can lower" in text:
                assert "(section 7's heuristic)" in text
                seen += 1
    assert seen == 24
