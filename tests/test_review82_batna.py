"""Module 02, review 81 (fixes of round 82): each test below failed on the code or text
before its fix."""

import pytest

import course
from course.checks import batna as check
from course.checks.hints import NotYet
from course.scenarios.batna import statements_of
from tests.sweeps import cell_text


def _cell(grade_id):
    """The cell's text, its lines joined and its comment marks dropped."""
    lines = cell_text("02_batna", "batna", grade_id).splitlines()
    return " ".join(" ".join(line.lstrip("# ").strip() for line in lines).split())


def test_a_true_statement_is_legitimate_only_when_it_plants_no_false_fact(learner):
    """C1: section 6 opened with "a true statement is legitimate, with or without a demand",
    while its table and its paltering paragraph say a true statement that plants a false
    fact is not made honest by being true. The opening, and the two check hints that
    repeated it (an old label, the word 'honest'), now carry section 6's test."""
    honest = _cell("honest-teaching")
    assert "a true statement is **legitimate**" not in honest
    assert "in module 00's terms" in honest  # review 96 U1: the test is section 6's rule 1
    assert (
        "A true statement that leaves no false impression in your favour that Northwind "
        "would rely on: **legitimate**, with or without a demand."
    ) in honest
    ada = statements_of(course.variant("02_batna", "ada"))
    demand = next(s for s in ada if s._kind == "warning" and s._label == check.LEGITIMATE)
    for old in ("honest", "plain statement"):
        with pytest.raises(NotYet) as hint:
            check.judge_statement(demand, {demand.letter: old})
        said = " ".join(str(hint.value).split())
        assert "a true statement, with a demand or without" not in said
        assert "true statement that leaves no false impression, with a demand or without" in said


def test_the_reflections_target_needs_a_fact_only_where_section_4s_table_asks_for_one():
    """C2: the reflection's prompt and rubric point 4 asked for "a target, with the fact that
    justifies it", while section 4's table and question 5 put the target at the even split
    when no fact lies above it, which needs no fact; the model answer does just that (its
    survey, 71,500, lies below its even split, 74,000). Prompt and rubric now follow the
    table."""
    prompt, rubric = _cell("reflection-text"), _cell("reflection")
    for text in (prompt, rubric):
        assert "the fact that justifies it" not in text
    # review 96 U1: the prompt points to section 4's band and table instead of restating them
    assert (
        "4. a target placed by section 4's table, naming the fact behind it if there is one"
        in prompt
    )
    assert (
        "A target placed by section 4's table on the zone from the reservation price to their "
        "estimate"
    ) in rubric
    assert "its even split is 74,000, above the survey," in rubric  # the model answer's case
    table = _cell("zopa-teaching")
    assert "| none, or one below the even split | the even split |" in table


def test_question_6s_hint_calls_an_offer_at_the_even_split_acceptable_not_one_to_take(learner):
    """X2: the general hint for 'even split reached' said such an offer "is one to take",
    while question 6 says "acceptable" marks an offer good enough to take, not one you must
    take at once. The hint now uses the question's word."""
    from course.scenarios.batna import REMOTE_DAYS, NorthwindOffer, even_split

    # review 108 C2; review 112 C3: section 5 says what to do with it: take it
    assert "*good enough to close*: take it." in _cell("decide-teaching")
    offers = course.variant("02_batna", "ada")
    offer = NorthwindOffer(even_split(offers, REMOTE_DAYS) + 500, REMOTE_DAYS)
    _, general = check._why_alone(offers, offer, "even split reached")
    assert "one to take" not in general
    assert general.endswith("at or above the even split of its zone is good enough to close")


def test_section_1s_attitude_sentence_has_no_dangling_it():
    """U3: "... from one attitude to risk (one way of pricing risk) for every gamble. It need
    not be averse to every gamble" left "It" without a clear referent. The advice is now one
    sentence whose "it" is the attitude, a word shorter."""
    risk = _cell("ev-risk")
    assert "It need not be averse" not in risk
    assert (
        "Price every gamble with the same attitude to risk. That "  # review 96 U4
        "attitude may still make you avoid some risks and seek others: one person may buy "
        "insurance and a "
        "lottery ticket (Friedman and Savage 1948)."  # review 82 U5, 83 U2, 86 U3 reworded it
    ) in risk


def test_the_story_does_not_price_three_days_of_five_at_half():
    """U5: the story said "a ticket for three days a week costs half", which reads as three
    fifths of the commute, against the half every question uses. It now says a part-week
    ticket costs half as much, in fewer words."""
    story = " ".join(course.variant("02_batna", "ada").story().split())
    assert "three days a week costs half" not in story
    # review 106 C1: a childminder's cost, not a ticket's, still halved for a part-week place
    assert (
        "Two remote days a week would halve it: the childminder charges half for a part-week place."
        in story
    )


def test_where_it_misleads_says_which_push_it_is_about():
    """U2: "**Where it misleads.** Then, if you can take your alternative ..." hung its
    "Then" on the previous paragraph's last clause. The paragraph now names the push itself
    (the cost of delay), paid for by cutting section 5's repeat of the story's fixed terms."""
    nash = _cell("nash-teaching")
    assert "**Where it misleads.** Then," not in nash
    assert (
        "**Where it misleads.** When delay pushes both to agree and you can take your "
        "alternative whenever you turn down the other side's proposal, your BATNA is an "
        "*outside option*."
    ) in nash
    assert len(nash.split()) <= 1_227  # review 69's cap on section 7 still holds
    assert "(no signing bonus, a fixed start date)" not in _cell("decide-teaching")


def test_the_walk_away_row_names_the_package_whose_reservation_price_it_means():
    """U4: section 5's walk-away row said "even with two remote days, neither Northwind's
    reservation price nor this offer reaches your reservation price", without saying which
    package's reservation price. It now names it, a word shorter."""
    decide = _cell("decide-teaching")
    assert "| walk away | even with two remote days," not in decide
    # review 86 X1: a principle, not a table row; review 93 U1: an exclusive row again
    assert "| below your reservation price with two remote days: no zone |" in decide
