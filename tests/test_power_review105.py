"""Module 03, review 103 (a negotiation professor's review), fixed in round 105: U6, X1, X6
and X4. Each test fails on the text or code before the fix."""

import dataclasses
import re

import pytest

import course
import course.scenarios.power as _P
from course.checks import power as check
from course.checks.hints import NotYet
from course.variants import learner_as
from tests.test_models_power import NOTEBOOK
from tests.test_power_review58_text import _markdown_words
from tests.test_power_review90 import _cell

#: The module's markdown words at the start of round 105 (the cap review 102 pinned).
WORDS_BEFORE = 8_854  # 8,853 at the start of this round

SWEEP = [f"id-{n}" for n in range(1_000)]


def _flat(text):
    return " ".join(text.split())


@pytest.fixture(scope="module")
def swept():
    return [course.variant("03_power", learner) for learner in SWEEP]


def test_u6_the_paid_on_signing_note_gives_the_ratio_only(swept):
    """U6: the note gave the ratio (Kestrel loses k times the share Atlas loses) and also
    the yearly rates of loss behind it (0.1 a year for both, and the overdraft's rate on
    top), the same fact twice, inviting the reading of 0.1 a year as delta = 0.9. It now
    gives the ratio, and its reason in words, with no rate."""
    for s in swept[:50]:
        story = _flat(s.story())
        note = story[story.index("<i>Paid on signing?</i>") : story.index("**2. A board vote**")]
        assert "a year" not in note and "ten years" not in note, s.learner
        # review 110, U4 (round 111): the note now names section 4's rate of loss, as a
        # multiple of Atlas's, in words; still no rate as a figure (what this protects)
        assert not re.search(r"rate of loss (\(section 4\) )?of \d", note), s.learner
        times = _P.SIGNING_TIMES[s.signing_ratio]
        assert f"Kestrel would then lose at {times} Atlas's rate" in note
        assert "as Atlas does, plus the interest on Kestrel's overdraft" in note


def test_x1_paying_on_signing_costs_kestrel_something_in_every_learners_own_case(swept):
    """X1: wherever Borealis's offer was at least half of Atlas's value it set the price on
    both terms, so the change cost nothing and "agree" followed from any gain: 455 of these
    1,000 learners. There Borealis, paying on signing too, now offers less (85 to 95% of its
    offer), the note says so, and the change costs something for every learner: 0 of 1,000.
    Only those learners' question 6 numbers moved (the gain, and Borealis's offer paid on
    signing); each answer comes up, "agree" for 447 of 1,000 (631 before)."""
    free = agree = cut = 0
    for s in swept:
        loss = _P.signing_loss(s)
        free += loss <= 0
        agree += _P.signing_switch(s)
        assert not 0.8 * loss <= s.signing_gain <= 1.2 * loss, s.learner
        if s.borealis_value >= s.atlas_value / 2:
            cut += 1
            assert s.signing_borealis < s.borealis_value, s.learner
            assert f"but for {s.signing_borealis:,.0f}, as it would have to borrow" in _flat(
                s.story()
            )
        else:
            assert s.signing_borealis == s.borealis_value, s.learner
    assert free == 0
    assert cut == 455 and agree == 447, (cut, agree)
    # the guard: a draw where the change costs nothing is thrown away and drawn again
    s = swept[0]
    no_cost = _P.flaws(
        dataclasses.replace(s, signing_borealis=s.atlas_value * 0.9, signing_gain=500.0)
    )
    assert "signing: paying on signing costs Kestrel nothing" in no_cost


def test_x1_the_check_keeps_a_case_where_the_change_costs_nothing():
    """X1: the check's other scenarios keep a case where paying on signing costs nothing (built
    by hand, as no drawn learner has one): there "agree" is right, and a price that keeps
    today's Borealis offer where Borealis would cut it fails with a true hint."""
    with learner_as("rv105-x1"):
        case = check._signing_no_cost_case()
        assert _P.signing_loss(case) == 0 and _P.signing_switch(case)
        check.judge_signing_switch(case, (60_000.0, True))
        with pytest.raises(NotYet, match="costs Kestrel nothing at the table"):
            check.judge_signing_switch(case, (60_000.0, False))
    s = next(
        t
        for t in (course.variant("03_power", f"rv105-{n}") for n in range(50))
        if t.signing_borealis < t.borealis_value
    )
    with pytest.raises(NotYet, match="paid on signing, Borealis would offer less"):
        check.judge_signing_price(s, (s.borealis_value, True))


def test_x6_question_9b_says_the_share_at_the_table_plays_no_part(swept):
    """X6: where Harrow's offer beats Kestrel's true share at the table but not Granite's
    estimate of it (305 of these 1,000 learners; the opposite, 184), only "keep quiet" is
    right, yet the question left "which number decides" to the learner's judgement. The
    question now says the share at the table plays no part, as Granite cannot see it, so
    text and check agree: there the solution passes and a move judged by the true share
    fails."""
    from tests.test_models_power import PROSE

    assert "which number decides, one you computed before or one the story gives" not in PROSE
    assert "Kestrel's share at the table plays no part: Granite cannot see it." in PROSE
    contested = opposite = 0
    for s in swept:
        share, harrow, guess = _P.table_share(s), s.outside_offer, s.granite_guess
        if share < harrow <= guess:
            contested += 1
            assert _P.harrow_move(s) == "keep quiet"
            check.judge_harrow_move(s, "keep quiet")
            with pytest.raises(NotYet, match="does not beat Granite's estimate"):
                check.judge_harrow_move(s, "mention" if s.harrow_in_writing else "confirm first")
        opposite += guess < harrow <= share
    assert (contested, opposite) == (305, 184)


def test_x4_taking_atlass_figure_earns_the_mark_only_where_it_is_the_highest(swept):
    """X4: after round 104's C1 both replies still earned question 4's one mark where Atlas's
    figure was below its yardstick but at least section 5's price, so a learner who always
    took Atlas's figure passed in 640 of these 1,000 draws: 403 where the figure is the
    highest, and 237 where the yardstick is higher. Rule 1 (stand on the highest figure)
    decides now: taking the figure passes in the 403 only, and in the 237 the hint says it
    is safe but gives up the difference; the yardstick passes everywhere it is highest."""
    # review 108, C2 (round 109): taking the figure where it is safe passes again (the
    # module calls it safe); it still fails wherever it is below section 5's price
    passes = safe = 0
    for s in swept:
        try:
            check.judge_reply(s, (s.atlas_figure, "accept"))
        except NotYet:
            assert not _P.reply_takes_figure(s)
        else:
            passes += 1
            safe += _P.reply_takes_figure(s)
            assert _P.reply_reason(s) == "accept" or _P.reply_takes_figure(s)
        if _P.reply_reason(s) == "yardstick":
            check.judge_reply(s, (round(_P.kestrel_shapley(s), -2), "yardstick"))
    assert (passes, safe) == (640, 237)
    rule = _flat(_cell("licence-reply-rule"))
    assert "Taking Atlas's figure also earns the mark" not in rule
    # review 108, C2 (round 109): it earns the mark there again, and rule 3 said so;
    # review 110, C2 (round 111): question 4 says so itself, and rule 3 points there
    assert "question 4 says when it is safe" in rule
    assert (
        "Taking Atlas's figure earns the mark wherever it is at least section 5's price."
    ) in _cell("licence-reply-text")


def test_the_module_is_no_longer_than_before_this_round():
    """The items' words are paid for by cuts in the same module."""
    assert _markdown_words(NOTEBOOK) < WORDS_BEFORE
    assert re.search(r"Leverage is not fixed", NOTEBOOK)
