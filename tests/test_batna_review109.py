"""Module 02, fixes of round 109 after review 108 (a negotiation professor's reading): one
test per item fixed, each failing on the text or code before it."""

import course
from course.checks import batna as check
from course.scenarios.batna import RESPONSE_ALIASES, RESPONSES, right_response
from tests.sweeps import cell_text

LEARNERS = [f"id-{n}" for n in range(300)]


def _cell(grade_id):
    return " ".join(cell_text("02_batna", "batna", grade_id).split())


def _all_markdown():
    ids = (
        "intro",
        "zopa-teaching",
        "decide-teaching",
        "q6-text",
        "take-or-counter-text",
        "nash-teaching",
        "summary",
    )
    return " ".join(_cell(grade_id) for grade_id in ids)


def test_c2_section_5_calls_the_even_split_where_you_aim_not_where_you_walk(learner):
    """C2: section 4 says any price in the zone beats your BATNA, yet section 5 called only an
    offer at or above the even split "acceptable", which could teach a learner to refuse
    offers that beat walking away. Section 5 now opens by saying any offer above your
    reservation price for its package beats walking away, and that the even split is where
    you aim, not the line below which you walk; the response is "good enough to close" in
    the text, the rule, the check's hints and the model answer. Answers written with
    "acceptable" (or review 67's "accept") keep their marks."""
    decide = _cell("decide-teaching")
    assert decide.startswith(
        "## 5. Deciding on an offer Any offer above your reservation price for its package "
        "beats walking away. The rule below decides whether to push for more"
    )
    # review 110 C2: "where you aim" is the target's; the even split is the threshold to close
    assert "is your threshold to close; your target may lie above it" in decide
    # review 112 C3: the row decides one thing
    assert "An offer at or above it is *good enough to close*: take it." in decide
    assert "acceptable" not in decide
    assert "acceptable" not in _cell("q6-text") and "acceptable" not in _cell("intro")
    assert '`"good enough to close"`' in _cell("q6-text")
    assert RESPONSES[0] == "good enough to close"
    assert RESPONSE_ALIASES["acceptable"] == RESPONSE_ALIASES["accept"] == RESPONSES[0]
    # over 300 learners, every own offer the rule closes is still judged right when the
    # answer says the old word; no hint a learner can meet calls an offer "acceptable"
    closing = 0
    for learner in LEARNERS:
        offers = course.variant("02_batna", learner)
        for number, offer in enumerate(offers.northwind_offers, 1):
            right, reason = right_response(offers, offer)
            if right != RESPONSES[0]:
                continue
            closing += 1
            for word in ("acceptable", "accept", "good enough to close"):
                assert check.judge_response(offers, number, offer, (word, reason)) is None
    assert closing == 163, closing  # of 1,200 own offers


def test_c2_no_hint_calls_an_offer_acceptable(learner):
    """C2: the check's hints and its passing line use the new word too."""

    def always(word):
        return lambda offers, offer, value, limit: (word, "even split reached")

    for word in ("counter", "final offer"):
        for hidden in (False, True):
            for outcome in check.respond_to_offer(always(word), hidden=hidden).outcomes:
                assert "acceptable" not in outcome.message, outcome.message


def test_c1_section_4_states_the_band_conditionally_once_as_question_5_grades_it(learner):
    """C1: section 4 said the target lies "at most three quarters" of the way up "wherever
    you open", then let a fact take it past that, and the details box and the summary added
    "module 01's exception". The rule is now stated conditionally from the start: at or above
    the even split; without a fact you can show, at most three quarters; a fact may take it
    higher. Question 5's check grades exactly that: where the survey lies past the band's top,
    both the top and the survey's figure pass, and a figure past the survey fails."""
    zopa, summary = _cell("zopa-teaching"), _cell("summary")
    assert "the target lies at least half and at most three quarters" not in zopa
    assert (
        "Wherever you open, aim at or above the even split. The **band** runs from there to "
        "three quarters of the way up, keeping a quarter of the zone as room to concede."
    ) in zopa  # review 110 C1: one rule, the table's
    assert (
        "Aim at the even split of the zone, or at the higher figure a fact you can show "
        "supports, up to three quarters of the way up (this course's convention); past that "
        "only at the cost of room to concede, or as module 01's knowledge of this buyer allows."
    ) in summary
    assert "exception" not in summary and "past its top, only to such a fact" not in summary
    above = 0
    for learner in LEARNERS:
        offers = course.variant("02_batna", learner)
        _, most = check.target_band(offers)
        if offers.pay_survey <= most + 200:
            continue
        above += 1
        assert check.judge_target(offers, most) is None
        assert check.judge_target(offers, offers.pay_survey) is None
        try:
            check.judge_target(offers, offers.pay_survey + 500)
        except check.NotYet:
            pass
        else:
            raise AssertionError(learner)
    assert above == 45, above


def test_u4_module_01s_exception_is_said_in_plain_words():
    """U4: the box named "module 01's exception" without saying what it is. It now says, in
    one generic clause, that what you know about this buyer can let a target go higher; no
    cell of the module names "module 01's exception" any longer."""
    zopa = _cell("zopa-teaching")
    assert (
        "Module 01 adds one more way past the band's top: what you know about this buyer can "
        "let a target go higher."
    ) in zopa
    assert "a price the other side is sure to pay" not in zopa
    assert "module 01's exception" not in _all_markdown()
    assert "module 01's exception" not in cell_text("02_batna", "batna", "reflection")


def test_u2_final_offer_is_one_idea_defined_before_its_first_use():
    """U2: "final offer" is used for your response in question 6, Northwind's move in
    question 6b and "a final offer you believe". All three are one idea, an offer its maker
    says they will not improve, as modules 01, 03, 04 and 05 also use the term; but section
    5's table used it before the sentence that defines it. The definition now comes first."""
    decide = _cell("decide-teaching")
    defined = decide.index("A **final offer** is one its maker says they will not improve.")
    assert defined < decide.index("**final offer**: no package works for both")
    assert decide.count("A **final offer** is one") == 1
    assert "Your final offer here is your reservation price with two remote days" in decide
    assert "At a final offer you believe, take any offer above your reservation price" in decide
    assert "calls it its final offer" in _cell("take-or-counter-text")


def test_x4_at_exactly_half_the_pie_both_readings_pass(learner):
    """X4: at exactly half the pie, the outside-option part took only 0, so `<` for "at or
    below half" lost its quarter mark, though for any real delay the share at the table is
    just under half and the target is then the right answer. Both now pass there, visible
    and hidden; the case stays among those tried, and any other figure still fails."""

    def strict(target, pie, their_batna, walk_any_time=False):
        if target > pie - their_batna:
            return None
        if walk_any_time:
            return 0 if target < pie / 2 else target
        return max(0, 2 * target - pie + their_batna)

    def off(target, pie, their_batna, walk_any_time=False):
        if walk_any_time and target == pie / 2:
            return target / 2
        return strict(target, pie, their_batna, walk_any_time)

    assert (50, 100, 20) in check.batna_needed_cases(hidden=False)
    for hidden in (False, True):
        credit = check.batna_needed(strict, hidden=hidden)
        assert (credit.earned, credit.possible) == (1, 1), credit
        parts = {o.check: o.earned for o in check.batna_needed(off, hidden=hidden).outcomes}
        assert parts["walking away on their proposal"] == 0
    text = _cell("q8-text")
    assert "for a target of exactly half, 0 and the target both pass" in text
    assert "so a target of exactly half needs no BATNA" not in text


def test_c3_question_6b_says_why_northwinds_final_offer_may_not_be_its_last():
    """C3: the story lets Northwind make the last offer before the answer date, so its last
    offer decides; question 6b said only "you cannot tell whether it means it". It now says
    the answer date is weeks away, so this need not be its last offer."""
    text = _cell("take-or-counter-text")
    assert (
        "Your answer date is weeks away, so this need not be its last offer; you cannot tell "
        "whether it means it."
    ) in text


def test_u7_the_box_separates_the_target_advice_from_the_benchmarks_prediction():
    """U7: the box predicts your reservation price in the story as it stands, while section 4
    tells you to aim at the even split or above. One sentence now says the benchmarks
    predict, section 4's target advises, and why the prediction does not bind you."""
    text = _cell("nash-teaching")
    assert "read them as benchmarks." in text
    # review 112 U2: the sentence that reconciles them moved into section 5's core text
    assert (
        # review 114 C3: section 5 states the last-offer argument itself, not the box's
        "If Northwind makes the last offer, it need pay just your reservation price: you can "
        "only take it or your BATNA. Not knowing it, Northwind must rely on its estimate"
    ) in _cell("decide-teaching")


def test_words_stay_under_the_cap():
    """Round 109's additions (C2, C3, U4, U7, X4) are paid for by cuts in the module: the
    quiz's and section 4's pointers to modules 03 and 04, section 2's forward pointer,
    section 6's aside on module 00's fourth kind, question 6's and question 7's repeats, and
    the shorter summary bullet. Before: 7,518 words (source), 7,071 (release). Round 113's
    integration put back question 9's list of the fields `batna_when` reads (10 words), which
    the round's cuts had dropped: a learner must be told what to read
    (test_variants_sweep_batna), and a needed fact is not paid for."""
    from tests.test_checks_batna import _markdown_words
    from tests.test_review69_batna import _release_markdown_words

    assert _markdown_words() <= 7_527
    assert _release_markdown_words() <= 7_081
