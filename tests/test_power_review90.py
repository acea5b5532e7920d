"""Module 03, review 90 (an independent negotiation professor's review), fixed in round 90.
Each test failed on the text before this round."""

import course
import course.scenarios.power as _P
from course.checks import power as check
from tests.test_models_power import NOTEBOOK, PROSE, _kestrel_shapley, _section
from tests.test_power_review58_text import _markdown_words

#: The module's markdown words at the start of round 90 (mdwords.py on fix90_03's base).
WORDS_BEFORE = 9_533


def _flat(text):
    return " ".join(text.split())


def _cell(grade_id):
    """The markdown cell ``grade_id`` as one line of words."""
    start = NOTEBOOK.index(f'"grade_id": "{grade_id}"')
    end = NOTEBOOK.find("# %%", start + 1)
    body = NOTEBOOK[NOTEBOOK.index("\n", start) : end if end > 0 else len(NOTEBOOK)]
    return _flat(" ".join(line.lstrip("#") for line in body.splitlines()))


def _draws(count=300):
    return [course.variant("03_power", f"rv90-{n}") for n in range(count)]


def test_c1_a_low_bidder_adds_nothing_to_the_predicted_price_yet_raises_the_yardstick():
    """C1: section 6 and the summary said a bidder no higher than the best rival or the
    share at the table "adds nothing", yet questions 2 and 4 let Kestrel stand on Atlas's
    Shapley yardstick, which such a bidder raises. Both now say it adds nothing to section
    5's predicted price, and that it can still raise a Shapley yardstick; the draws show
    both halves (Corvid's price gain is zero exactly then, its Shapley gain positive)."""
    six, summary = _cell("levers-teaching"), _cell("summary")
    assert "does not move the deal" not in six
    for text in (six, summary):
        assert "adds nothing to section 5's predicted price" in text
        assert text.count("adds nothing") == text.count("adds nothing to section 5's")
    # review 102, U2: one name, "Atlas's yardstick"
    assert (
        "can still raise a Shapley value the other side proposed, such as Atlas's yardstick" in six
    )
    assert "(a bidder can still raise Atlas's yardstick)" in summary
    low = 0
    for s in _draws():
        v1, v2, c = s.atlas_value, s.borealis_value, s.corvid_value
        if c > max(v2, v1 / 2):
            continue
        low += 1
        assert _P.lever_gains(s)["bidder"] == 0, s.learner
        today = _kestrel_shapley({"Atlas": v1, "Borealis": v2})
        with_corvid = _kestrel_shapley({"Atlas": v1, "Borealis": v2, "Corvid": c})
        assert with_corvid > today, s.learner
    assert low > 20, low


def test_u1_the_sentence_on_figures_a_side_can_stand_on_has_its_subject():
    """U1: "…or can check, such as a rival's written offer" had no subject, and read as if
    the side standing on the figure were the one checking it. The sentence now names the
    other side as the one that can check, and says in its own sentence what standing on a
    figure means."""
    # review 97, U1 (round 98): the rule before question 4; review 102, X1: after its check,
    # the meaning of "stand on" kept in the question
    five = _cell("licence-reply-rule")
    assert "or can check," not in five
    assert (  # review 97, U1 (round 98): the rule's first line names who can check
        "the other side proposed or can check**, such as a rival's written offer"
    ) in five
    # review 98 C1: "and settle for no less" went (the module forecasts less if Atlas refuses)
    assert "To stand on a figure is to hold the other side to it." in _cell("licence-reply-text")
    assert "settle for no less" not in five


def test_u2_question_6_states_neutrally_that_switching_pays_about_half_the_time():
    """U2: question 6 said that "in most cases" the share patience keeps outweighs money a
    little sooner, yet over the draws the answer to `switch` is about even (the review: 144
    True of 300). It now says only that the check tries cases either way; the count shows
    neither side is a clear majority, and both the visible and the hidden checks try both."""
    six = _cell("signing-terms-text")
    assert "In most cases" not in six
    # review 110, U3 (round 111): grading mechanics leave the question; both cases stay
    assert "The check tries cases where agreeing pays" not in six
    draws = _draws()
    switch = sum(_P.signing_switch(s) for s in draws)
    assert 0.35 * len(draws) < switch < 0.65 * len(draws), switch
    from course.variants import hidden_cases_as

    with hidden_cases_as(None):
        public = list(check.HIDDEN_LEARNERS)
    for learners in (public, list(check.HIDDEN_LEARNERS)):
        answers = {_P.signing_switch(check._drawn(learner)) for learner in learners}
        assert answers == {True, False}, learners


def test_u3_questions_4_and_7_fold_their_marking_notes_and_9a_says_what_granite_knows():
    """U3: question 4's caveats and question 7's last paragraph sat in the task, where they
    half-answered it; each now sits in a fold, "How this is marked", after the task and the
    return format. Question 7's line on the move the game lacks is cut. Question 9a's timing
    clause now says what Granite knows then, as the story's table does."""
    fold = "<details><summary>How this is marked</summary>"
    # review 102, X1: question 4's fold went; its caveats stay out of the task: the one on
    # taking Atlas's figure follows the check, with the rule; the one on the Shapley value
    # is the prompt's reconciliation (review 102, C2); a refusal is the rule's second line
    task = _cell("licence-reply-text")
    note = _cell("licence-reply-rule")
    assert fold not in task
    # the Shapley caveat is now in the task: review 102, C2 asked for it in the prompt
    # review 103, X4 (round 105): the caveat on taking Atlas's figure was rule 3's last
    # sentence, after the check; review 110, C2 (round 111): a learner must be able to tell
    # from the question which answers earn the mark, so it is in the task, one sentence,
    # and rule 3 points there
    assert "Taking Atlas's figure earns the mark wherever it is at least section 5's price." in task
    assert "so it earns the mark too" not in _flat(note)
    assert "question 4 says when it is safe" in _flat(note)
    # review 106, U6 (round 107): said in question 4 itself, before the answer cell
    assert "Kestrel then expects that price" in task
    assert "The mark needs both right" in task and "rounded up or down" in task
    seven = _cell("granite-reply-text")
    # review 108, C1 + U5 (round 109): question 7's fold went; its rule is in the stem
    assert fold not in seven
    assert "section 5's full information holds." in seven
    assert "Where the model's best move is to walk out to Harrow" in seven
    assert "This game has no move that names Harrow's offer" not in seven
    nine_a = _cell("rate-tactics-text")
    assert "(part 4's table)" not in nine_a
    assert "today, before question 8's moves; Granite knows only what Kestrel tells it of " in (
        nine_a
    )
    story = course.variant("03_power", "rv90-a").story()
    assert "| today, before Harrow tells Granite | only what Kestrel tells it | 9a |" in story


def test_u4_section_5_opens_with_a_sentence_not_a_fragment():
    """U4: "Module 02, section 7, in brief." stood alone before the first definition; it
    now says that the section recaps module 02's section 7 and extends it."""
    five = _cell("outside-teaching")
    assert "Module 02, section 7, in brief." not in five
    # review 102, U3: the definition now opens the section in a line of its own, and the
    # recap sentence opens the next paragraph
    assert five.index("Your **share at the table**") < five.index(
        "We recap and extend module 02's section 7."
    )


def test_thompson_is_cited_by_subject_not_by_an_unchecked_chapter_number():
    """The reviewer could not confirm chapter 7 for Thompson's 2nd edition (in the 4th it
    is "Power, Persuasion, and Ethics"), nor could this round; the citation now names the
    subject instead of the number."""
    seven = _cell("using-teaching")
    assert "chapter 7" not in seven
    assert "2nd ed., 2001): no study we know of" in seven  # review 91, C1: Fisher and Ury first


def test_the_module_is_shorter_than_at_the_start_of_the_round():
    """The round adds qualifiers (C1, U1, U4) and pays for them with cuts (U2, U3, a repeat
    in question 8, section 4 and section 6): the markdown words fall."""
    assert _markdown_words(NOTEBOOK) < WORDS_BEFORE
    assert "it asks what each move would add to Kestrel's prospects" not in PROSE
    assert "is a different model, in section 5" not in PROSE
    eight = _flat(_section(PROSE, "### Question 8", "def best_lever"))
    assert "a what-if set before Atlas proposes and before Granite's first proposal." in eight
