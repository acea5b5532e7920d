"""Module 01, review 85 (fixed in round 85): text and the claims it makes about the checks.
Each test failed on the text before this round."""

import inspect

import pytest

from course.checks import information as check
from course.scenarios import information as scenario
from course.variants import variant
from tests.test_checks_information import cell_words

HAGGLES = ("counter-offer", "board-rounds", "practice-come-back")


def _reasons(key):
    """The reason the check gives for situation ``key`` (what it calls for, and why)."""
    item = next(i for i in (*scenario._SITUATIONS, *scenario._PRACTICE_SITUATIONS) if i.key == key)
    return " ".join(item._why_action.split())


def test_an_opening_goes_past_the_floor_only_as_far_as_a_fact_while_the_mark_keeps_its_bound():
    """C1: convention 1 advised openings up to the highest reservation price still possible,
    a bound of the learner's own model, while modules 02 and 04 say go beyond your estimate
    only as far as a fact you can name. The advice now agrees with them, and one clause says
    the mark still accepts the whole range because it judges the direction, not the height:
    an opening at that bound keeps its mark."""
    six = cell_words("q6-text")
    assert "or beyond it up to the highest" not in six
    # review 88 C1: module 04's rule plus a floor; the mark's range is stated
    # review 91 U1: the mark's exact bound, one step above that price, is stated; the stricter rule before the mark's is gone
    assert "go beyond it only as far as a fact you can name" not in six
    # review 93 X1: the mark's bound is the highest price still possible itself, no step
    assert "up to the highest reservation price still possible" in six
    assert "one step above" not in six
    for key in HAGGLES:
        assert "only as far as a fact you can name takes you" in _reasons(key), key
        assert "up to the highest price still possible" not in _reasons(key), key
    assert "Question 6's mark accepts openings up to that price" in inspect.getsource(check)
    sale = variant("01_information", "learner-003")
    after = scenario.posterior_after_opening(sale)
    for opening in (scenario.opening_floor(sale, after), scenario.ceiling(sale, after)):
        assert scenario.opens_by_the_course_rule(opening, sale, after), opening


def test_likelihoods_are_said_to_need_only_be_non_negative():
    """U3: section 2 said "a likelihood may be any number of at least 0, above 1 too; the
    course's `update_beliefs` takes it so", which read as a rule about one function. It now
    states the property itself, and `update_beliefs` does take likelihoods above 1 that do
    not add up to 1."""
    bayes = cell_words("bayes-teaching")
    assert "above 1 too" not in bayes
    assert (
        "so likelihoods need only be non-negative; they need not add up to 1 or stay below it"
        in bayes
    )
    from course.models.information import update_beliefs

    assert update_beliefs({60: 0.5, 70: 0.5}, {60: 2, 70: 6}) == pytest.approx({60: 0.25, 70: 0.75})


def test_question_9_says_a_tactic_s_label_is_about_fairness_not_wisdom():
    """U4: section 6 advises naming an alternative only when it beats what the other side
    expects, while Question 9 labels a rival-quote request with no price "legitimate";
    learners read the label as advice. Question 9 now says, once, that a tactic's label says
    whether the move is fair, not whether it is wise."""
    nine = cell_words("q9-text")
    assert nine.count("the label says whether the move is fair, not whether it is wise") == 1
    assert '`return {"some-key"' not in nine  # cut to pay for the sentence
