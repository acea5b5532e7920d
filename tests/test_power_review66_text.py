"""Module 03, review 66 (the second review of the module): the text says what the checks
decide. Each test failed on the text before this round."""

from tests.test_models_power import PROSE, _section


def _flat(text):
    return " ".join(text.split())


def test_question_3_says_a_count_of_swings_decides_as_the_indices_do():
    """X1: the own-case hint says to count Kestrel's swings after each sale; the draw now
    keeps those counts apart, and the question says that they agree with the indices."""
    three = _flat(_section(PROSE, "### Question 3", "def buy_votes_from"))
    assert (
        "Section 3's two indices agree in every scenario, and so does a count of Kestrel's "
        "swings after each sale." in three
    )


def test_question_9a_says_each_right_label_earns_its_share():
    """The cliff of question 9a (three right earned one mark, all four two) is gone: the
    text says what the hidden check pays, half a mark a right label."""
    nine = _flat(_section(PROSE, "### Question 9", "def rate_tactics"))
    assert "Each right label earns half a mark, whatever the other labels." in nine
    assert "Three right earn one mark" not in nine


def test_question_4_calls_taking_atlass_figure_accept_not_interests(learner):
    """X2: question 4 marked "interests" as the ground for a price where Kestrel simply
    takes Atlas's own figure; interests carry no price in Fisher and Ury, a standard does.
    The option is now "accept", and the prompt, the key and the check agree."""
    import pytest

    import course
    from course.checks import power as check
    from course.checks.hints import NotYet
    from course.scenarios.power import REASONS, reply_reason

    assert REASONS == ("rival", "accept", "fairness")
    four = _flat(_section(PROSE, "### Question 4", "def licence_reply"))
    assert "`\"accept\"` (take Atlas's figure as it stands; a buyer's own figure needs no " in four
    assert '`"interests"`' not in four
    taken = 0
    for n in range(60):
        s = course.variant("03_power", f"x2-{n}")
        if reply_reason(s) != "accept":
            continue
        taken += 1
        check.judge_reply(s, (s.atlas_figure, "accept"))
        check.judge_reply(s, (int(s.atlas_figure), "Accept"))
        with pytest.raises(NotYet, match="should be one of"):
            check.judge_reply(s, (s.atlas_figure, "interests"))
    assert taken > 5


def test_question_4_says_atlas_proposed_the_shapley_value_itself():
    """C1: section 2 says the Shapley value is a benchmark, never a price you are owed, and
    question 4 holds Atlas to it where its round figure falls short; the question now says
    why that is no new demand."""
    four = _flat(_section(PROSE, "### Question 4", "def licence_reply"))
    assert (
        "Atlas proposed the Shapley value itself; its round figure is only its estimate of "
        "it, so holding Atlas to the exact value is accepting its own proposal, not a new "
        "demand." in four
    )


def test_section_2_leaves_the_threshold_of_question_2s_first_part_to_the_learner():
    """X3: section 2 said the Shapley value is below the reservation price "whenever
    v2 > 0.6 v1", so question 2's first part was a lookup of a stated rule; the text now
    says only that a rival close enough to the keen buyer does it, and the learner works
    out where on their own case."""
    two = _flat(_section(PROSE, "**A licence and two buyers.**", "### Exercise: the power"))
    assert "0.6" not in two
    assert (
        "when the rival's value is close enough to the keen buyer's it gives the seller less "
        "than its reservation price" in two
    )
