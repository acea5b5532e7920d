"""Module 03, review 66 (the second review of the module): the text says what the checks
decide. Each test failed on the text before this round."""

from tests.test_models_power import NOTEBOOK, PROSE, _section


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
    # review 75, X1: and none if all four labels are the same
    assert (
        "Each right label earns half a mark; if all four labels are the same, none earns "
        "anything." in nine
    )
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

    assert REASONS == ("rival", "accept", "yardstick")
    four = _flat(_section(PROSE, "### Question 4", "def licence_reply"))
    # review 70, X1: "accept" takes the figure as it stands; the interest talk is section 7's
    assert '`"accept"` (take Atlas\'s figure as it stands)' in four
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
    assert "Atlas now names its own figure for it." in four  # review 86, X3
    # review 72, U1: the reason now sits in the question's closing note
    # review 77, C1: what binds Atlas to it is that it proposed it; review 78, U1 (round
    # 79): said in one sentence
    # review 79, C2 (round 80): and says it is not owed, yet may be held to here
    assert "you may hold Atlas to this one because Atlas proposed it" in four


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


def test_emerson_is_introduced_before_the_power_dependence_view_is_named():
    """U2: section 1 named "the power-dependence view Emerson set out" a paragraph before
    it introduced Emerson; the view is now named after his paragraph."""
    one = _flat(_section(PROSE, "## 1. Where power comes from", "### Question 1"))
    assert one.index('Emerson ("Power-Dependence Relations"') < one.index(
        "This power-dependence view was one foundation of resource-dependence theory"
    )
    assert "the power-dependence view Emerson set out" not in one


def test_question_6_lists_its_three_stipulations_together():
    """U6: the three terms of question 6's what-if (paid on signing, Kestrel's rate of loss,
    Borealis still priced per remaining month) were spread between the prompt and the story;
    the prompt now lists them in one place."""
    # review 91, U2: the prompt now points to the story's one paragraph, which holds them all
    six = _section(PROSE, "### Question 6", "def signing_terms")
    assert 'the what-if "Paid on signing?". It ends story part 1' in " ".join(six.split())


def test_sections_5_and_7_are_shorter_and_fold_the_law_into_a_note():
    """U1: sections 5 and 7 said things twice; section 5's opening rules are said once, in
    the paragraphs that derive them, and section 7's legal asides on dominance and duress
    sit in a collapsed note. Markdown words of the two cells: 1,344 and 1,329 before."""
    from tests.test_power_review58_text import _markdown_words

    def cell(grade_id):
        text = NOTEBOOK[NOTEBOOK.index(f'"grade_id": "{grade_id}"') :]
        return text[text.index("\n") : text.index("# %%")]

    five, seven = cell("outside-teaching"), cell("using-teaching")
    count = lambda text: sum(len(line.lstrip("#").split()) for line in text.splitlines())  # noqa: E731
    # review 70, U1 (round 71): 1,205 and 1,295 words now; the caps follow (+1%)
    assert count(five) <= 1_217 and count(seven) <= 1_308, (count(five), count(seven))
    assert "The law on dominance" not in seven  # review 80, U1 (round 81): the note cut
    assert "then each unit adds a whole unit when they propose" not in _flat(five)
    assert _markdown_words(NOTEBOOK) < 11_500, _markdown_words(NOTEBOOK)


def test_question_1_says_each_right_fact_earns_its_share():
    """The cliff of question 1 (three right facts earned one mark, all four two) is gone:
    the text says what the hidden check pays, half a mark a fact with both parts right."""
    one = _flat(_section(PROSE, "### Question 1 (2 marks)", "def power_sources"))
    # review 75, X2: and none if all four pairs are the same
    assert (
        "Each fact with both parts right earns half a mark; if all four pairs are the same, "
        "none earns anything." in one
    )
    assert "Three facts with both parts right earn one mark" not in one
