"""Module 03, review 78 (an independent negotiation professor's review), fixed in round 79:
question 4 no longer hands over its deciding rule (X1, X2), ... Each test failed on the
code or text before this round."""

from pathlib import Path

from course.checks.power import OWN_CASE_HINTS
from tests.test_models_power import PROSE, _section

ROOT = Path(__file__).resolve().parents[1]


def _four():
    return _section(PROSE, "### Question 4", "def licence_reply")


def _licence_paragraphs():
    # review 97, U1 (round 98): the rule on what a side can stand on now ends section 5,
    # set apart just before question 4's heading; review 102, X1: it follows question 4's
    # check, so that it no longer picks the reply before the learner does
    return _section(PROSE, "The predicted price is a forecast", "### Question 5")


def test_x1_question_4_asks_the_reply_and_section_5_teaches_what_a_side_can_stand_on():
    """X1: question 4 gave the rule ("name the highest figure you can stand on"), so the
    graded answer was the largest of three listed numbers. Section 5 now teaches which
    figures a side can stand on and that the predicted price is no cap on an ask; the
    question only asks what Kestrel replies, and for what figure."""
    four = _four()
    assert "One rule decides" not in four
    assert "highest figure you can stand on" not in four
    assert "Which figure does Kestrel stand on (not an opening ask), and with which reply?" in four
    licence = _licence_paragraphs()
    # review 93, U1: the heading now says what the price is (a forecast, not a limit)
    assert "The predicted price is a forecast, not a limit on an ask." in licence
    # review 98 C1; review 106, U6 (round 107): said in question 4, before the answer cell
    # review 112, C2 (round 113): the refusal's outcome, said with what the reply rests on
    assert "Kestrel then expects that price" in " ".join(four.split())
    # review 90, U1: the figure the other side can check gets its subject; review 97, U1
    # (round 98): both kinds of figure in the rule's first line
    assert (
        "**Stand on the highest figure the other side proposed or can check**, such as a "
        "rival's written offer"
    ) in licence


def test_x2_a_reply_that_points_lower_is_measured_against_the_highest_figure_on_the_table():
    """X2: "the reply must not point Atlas to a figure below the price" left "the price"
    undefined. Section 5 now says below what: the highest figure on the table; the hint on
    a wrong reason points there, not to question 4's text."""
    assert "a figure below the price" not in PROSE
    licence = _licence_paragraphs()
    assert (
        "Naming a figure below the highest one on the table points the other side down to it"
    ) in licence
    assert OWN_CASE_HINTS["licence_reply_reason"].endswith(
        "never one that points Atlas to a lower figure (the rule after question 4)"
    )


def test_u1_section_5s_closing_note_has_no_bullet_on_this_story():
    """U1 (part, paid for X1's new paragraph): the closing note's "This story" bullet
    repeated the story and section 2; it is cut."""
    note = _section(PROSE, "<summary>Closing note: the evidence", "</details>")
    assert "*This story.*" not in note
    assert "*Full information.*" in note


def _flat(text):
    return " ".join(text.split())


def test_c1_section_7_says_when_module_02s_bar_applies_and_when_its_own_does():
    """C1: "Module 02's rule compared the alternative with their estimate of your
    reservation price: this rule without patience" gave opposite advice for an alternative
    between that estimate and their estimate of your share at the table, and did not say
    when each applies. It now does."""
    seven = _flat(_section(PROSE, "## 7. Using power", "### Legitimate and illegitimate"))
    assert "this rule without patience" not in seven
    assert (
        "their estimate of your reservation price: that fits talks where the other side can "
        "make a final offer and hold to it. Where both sides can counter and both lose by "
        "waiting, as here, mention an alternative when it beats the other side's estimate of "
        "your share at the table"  # review 81, C2 (round 82)
    ) in seven


def test_c2_question_9as_bluff_is_module_00s_which_covers_valuations():
    """C2: question 9a said its bluff was "module 02's bluff, widened to estimates of value
    as the comment to Model Rule 4.1 ... does", while it asks for module 00's words, and
    module 00's bluff already covers a false valuation."""
    nine = _flat(_section(PROSE, "### Question 9", "def rate_tactics"))
    assert "module 02's bluff" not in nine
    # review 98 U1: the gloss now also counts a demand it would not carry out, as module 02 does
    assert (
        "(a false claim about its reservation price or valuation, or a demand it would not carry out)"
        in (nine)
    )
    zero = _flat((ROOT / "source" / "00_leverage" / "leverage.py").read_text().replace("#", " "))
    assert "An untrue claim about your own reservation price" in zero
    assert "or about your *valuation*" in zero


def test_c3_granite_knows_kestrels_patience_as_full_information_needs():
    """C3: question 7 said section 5's full information holds because Harrow told Granite
    of its offer, but full information also needs Granite to know Kestrel's patience, which
    part 4 never said (and question 9b says a year later it does not). Part 4 and question 7
    now say it."""
    import course

    seven = _flat(_section(PROSE, "### Question 7", "def granite_reply"))
    assert (
        "Harrow told Granite of its offer before Granite proposed, and Granite knows how "
        "patient Kestrel is (part 4), so section 5's full information holds."
    ) in seven
    for n in range(5):
        story = _flat(course.variant("03_power", f"review79-c3-{n}").story())
        four = story[story.index("**4. A contract") : story.index("**5. Three ways")]
        assert "Each knows how patient the other is." in four


def test_e1_emerson_was_one_foundation_of_resource_dependence_theory():
    """E1: "later became the basis of resource-dependence theory" overstated it: Pfeffer
    and Salancik build on Emerson among others."""
    one = _flat(_section(PROSE, "## 1. Where power comes from", "### Question 1"))
    assert "became the basis of resource-dependence theory" not in one
    assert "This power-dependence view was one foundation of resource-dependence theory" in one


def test_e2_an_ultimatum_adds_a_deadline_which_corners_more_than_it_informs():
    """E2: "[an ultimatum] says no more than a calm mention" holds only under full
    information; in real talks a deadline adds commitment and time pressure. Section 7 and
    question 9b's hints now say it adds only a deadline, which corners the other side more
    than it informs it."""
    import pytest

    import course
    from course.checks import power as check
    from course.checks.hints import NotYet
    from course.scenarios import power as P
    from course.variants import learner_as

    seven = _flat(_section(PROSE, "## 7. Using power", "### Legitimate and illegitimate"))
    assert "says no more than a calm mention" not in seven
    assert "it adds only a deadline, which corners the other side more than it informs it" in (
        seven
    )
    strong = next(
        s
        for s in (course.variant("03_power", f"review79-e2-{n}") for n in range(200))
        if P.harrow_move(s) != "keep quiet"
    )
    with pytest.raises(NotYet) as raised:  # another learner's case: the specific hint
        check.judge_harrow_move(strong, "ultimatum")
    assert "adds only a deadline, which corners Granite more than it informs it" in str(
        raised.value
    )
    assert "adds nothing to that but a fight" not in str(raised.value)
    with learner_as(strong.learner), pytest.raises(NotYet) as raised:  # the learner's own
        check.judge_harrow_move(strong, "ultimatum")
    assert "no more than a calm mention" not in str(raised.value)
    assert "adds only a deadline, which corners Granite more than it informs it" in str(
        raised.value
    )


def test_u4_question_8_points_to_both_questions_where_atlas_proposes():
    """U4: question 8 pointed to question 4 alone for what Atlas will propose, though its
    proposal enters in the story and question 2."""
    eight = _flat(_section(PROSE, "### Question 8", "def best_lever"))
    assert "what it will propose (question 4)" not in eight
    # review 83, U1 (round 84): the sentence repeated the question's first line; cut
    assert "set before Atlas proposes" in eight


def test_u2_the_reply_hint_names_section_5s_predicted_price_not_a_floor():
    """U2: question 4's own-case hint called section 5's predicted price "the model's
    floor", a second word for an idea the module names once. (Question 2's function keeps
    its name, ``licence_floor``: a notebook answered under it would meet a renamed test
    cell's NameError at grading and lose both marks.)"""
    hint = OWN_CASE_HINTS["licence_reply"]
    assert "floor" not in hint and "section 5's predicted price" in hint


def test_u1_question_9_points_to_section_7_and_names_its_heuristic_briefly():
    """U1 (part): question 9a restated the four labels section 7 defines, and 9b's
    parenthesis ran to "an anchoring effect, not a result of section 5's models, and the
    course's untested heuristic"; 9a now points to section 7 and 9b names section 7's
    heuristic. Section 4 pointed to the closing note for the end date, which the note no
    longer covers; it now says why the licence's end date does not matter."""
    nine = _flat(_section(PROSE, "### Question 9", "def rate_tactics"))
    assert "as section 7 uses them" in nine
    assert '- `"legitimate"`: true, and using power' not in nine
    nine_b = _flat(_section(PROSE, "**Part b (1 mark).**", "def harrow_move"))
    assert "untested heuristic" not in nine_b
    assert "Answers are judged by section 7's heuristic: Granite reads" in nine_b
    four = _flat(_section(PROSE, "## 4. Patience as power", "**Where the model misleads.**"))
    assert "see section 5's closing note" not in four
