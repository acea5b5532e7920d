"""Module 03, review 82 (an independent negotiation professor's review), fixed in round 83.
Each test failed on the code or text before this round."""

from tests.test_models_power import PROSE, _section


def _flat(text):
    return " ".join(text.split())


def test_c1_question_6_states_no_wrong_share_of_learners():
    """C1: question 6 said paying on signing "costs Kestrel nothing for about half of all
    learners, more than it brings for most others, less for about 1 in 50"; over 300 drawn
    learners the split was 39% / 60% / 1.7%. The stem no longer reports the spread; the
    generator's docstring gives it, and 300 drawn learners bear it out."""
    import course
    import course.scenarios.power as scenarios

    six = _flat(_section(PROSE, "### Question 6", "def signing_terms"))
    assert "of all learners" not in six and "1 in 50" not in six
    doc = _flat(scenarios._signing_terms.__doc__)
    assert "about 43% of learners" in doc
    # review 102, X2: the gain beat the loss too rarely to be weighed; about a third of those
    # who lose something now gain more, so True is the answer for about 62% (under review
    # 76's 73%)
    assert "the gain was above the loss for about 1 learner in 50" in doc
    assert "about a third of the learners who lose something gain more" in doc
    assert "True is the answer for 1,249 of 2,000" in doc
    kinds = {"free": 0, "more": 0, "less": 0}
    for n in range(300):
        s = course.variant("03_power", f"rs-{n}")  # the review's 300 learners
        loss = scenarios.signing_loss(s)
        kinds["free" if loss == 0 else "less" if s.signing_gain > loss else "more"] += 1
    # review 103, X1 (round 105): no learner's change is free now (about 43% were), and the
    # gain beats the loss for about 45% of all (review 102, X2: a third of those who lost)
    assert kinds["free"] == 0, kinds
    assert 0.38 < kinds["less"] / 300 < 0.52, kinds
    assert kinds["free"] + kinds["less"] < 0.7 * 300, kinds  # True for under 70%


def test_u4_u6_no_forward_definition_and_no_absolute_claim_about_standards():
    """U4: the introduction said "without threats (section 7 defines one)", an awkward
    pointer. U6: section 5 said "nobody can call its own standard unfair"; people can, at a
    cost, and section 7 names the effect (Shell's normative leverage)."""
    text = _flat(PROSE)
    assert "section 7 defines one" not in text
    assert "to use power without threats (section 7), and only power that is yours" in text
    five = _flat(_section(PROSE, "## 5. Outside options", "### Question 5"))  # review 102, X1
    assert "nobody can call its own standard unfair" not in five
    assert (  # review 97, U1 (round 98): now the reason in the rule's first line
        "few will call their own standard unfair (Shell's normative leverage, section 7)"
    ) in five
    assert "normative leverage" in _flat(_section(PROSE, "## 7. Using power", "### Legitimate"))


def test_u3_question_5_says_its_scoring_in_one_line_and_the_check_says_the_rest(learner, capsys):
    """U3: question 5's stem spent five lines on its scoring (a quarter mark a version, what
    one misread version costs, why one rule for all four earns nothing, that the practice
    versions earn no marks). It now says it in one line; the visible check's closing words,
    unchanged, say the rest."""
    from course.checks import power as check

    five = _flat(_section(PROSE, "### Question 5", "def rig_prices"))
    # review 110, X5 (round 111): the sentence goes on with why, without a count
    assert "A quarter mark a version, none if one rule prices all four, since" in five
    assert "since such an answer treats both kinds alike" not in five
    assert "earn no marks" not in five

    from tests.notebooks import solution_namespace

    rig_prices = solution_namespace("03_power", "power")["rig_prices"]
    assert check.rig_prices(rig_prices) is None
    shown = _flat(capsys.readouterr().out)
    assert "The practice versions earn no marks." in shown
    assert "a quarter mark a version, none if all four prices follow one rule" in shown
