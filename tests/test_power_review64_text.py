"""Module 03, review 64: question 2 leaves pricing the market of four to the learner (X1),
question 4 says that calling Atlas's figure fair hands Atlas its own yardstick (X2), section
2's licence paragraph keeps the price apart from telling and leaves the advice on interests
to section 7 (U1, C2), section 5 leads with its two questions (U2), the acceptance threshold
is defined where it is first used (U3), and question 8 opens with what to measure (U4).
Each test failed on the text before this round."""

from tests.test_models_power import PROSE, _section


def _flat(text):
    return " ".join(text.split())


def test_question_2_leaves_pricing_the_market_to_the_learner():
    two = _flat(_section(PROSE, "### Question 2", "def licence_floor"))
    assert "shapley_values" not in two
    assert "Build section 2's market" not in two and "build the game" not in two
    assert "Atlas 100,000, Borealis 52,000, Corvid 61,000" in two  # the worked case, the guard


def test_question_4_no_longer_says_only_interests_passes_on_accepting():
    # review 65, X1: "yardstick" is now right where Atlas's round figure falls short of its
    # yardstick, so the text no longer says only "interests" passes on accepting; it says
    # a ground must carry the figure named without pointing Atlas lower
    four = _flat(_section(PROSE, "### Question 4", "def licence_reply"))
    assert '"yardstick" would close the deal too, but it hands Atlas its own yardstick' not in four
    assert 'on accepting, only "interests" passes' not in four
    # review 69, U2: the rule is now one clause after the three reasons; review 78, X1
    # (round 79): the rule is gone from question 4, and section 5 teaches what it rests on
    assert "the reply must not point Atlas to a figure below the price" not in four
    assert "either is accepted" not in four


def test_section_2_keeps_the_price_apart_from_telling_and_leaves_interests_to_section_7():
    two = _flat(_section(PROSE, "**A licence and two buyers.**", "### Exercise: the power"))
    # review 89, U1: the clause is cut; review 106, U5 (round 107): the half-unit result
    # moved to section 5, after deal-me-out
    assert "A higher $v_1$ can raise the price" not in two
    assert "otherwise each unit of $v_1$ adds half a unit" in _flat(PROSE)
    assert "Pointing out value" not in two and "is a ground for more" not in two
    seven = _flat(_section(PROSE, "**Show what you solve for them.**", "**Remember that"))
    assert "it moves a price only where the buyer has not yet counted that value" in seven


def test_section_5_leads_with_its_two_questions():
    five = _flat(_section(PROSE, "## 5. Outside options", "### Question 4"))
    # review 79, U1 (round 80): a recap of module 02 leads; the licence follows it
    rule = five.index("We recap and extend module 02's section 7.")
    assert rule < five.index("**A breakdown payoff** is what each side") < five.index("The licence")
    assert "Had the licence money come the day the deal was signed" not in five


def test_the_acceptance_threshold_is_defined_where_it_is_first_used():
    seven = _flat(_section(PROSE, "## 7. Using power", "### Legitimate and illegitimate"))
    assert "**Acceptance threshold**:" not in seven
    bullet = seven.index("**Mention an alternative when it raises what they must offer.**")
    # review 77, U2: the coined term went; the bullet says the estimate plainly
    assert "acceptance threshold" not in seven
    # review 102, U3: the bold definition line opening section 7 says it first; the bullet
    # still says it plainly
    assert "beats the other side's estimate of your share at the table" in seven[bullet:]


def test_question_8_opens_with_what_to_measure():
    eight = _flat(_section(PROSE, "### Question 8", "def best_lever"))
    assert eight.index("Measure every move the same way") < eight.index("Your scenario offers")
    assert eight.index("Kestrel's share of") < eight.index("Your scenario offers")
