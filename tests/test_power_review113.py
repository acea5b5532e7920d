"""Module 03, review 112 (a negotiation professor's review), fixed in round 113: E1, C1, C2,
C3, X1, U3 with U5, and part of U2. Each test fails on the text or code before the fix."""

import re
from pathlib import Path

import pytest

import course
import course.scenarios.power as _P
from course.checks import power as check
from course.checks.power import NotYet
from course.models.power import blocking_coalition, shapley_values
from tests.test_models_power import NOTEBOOK, PROSE
from tests.test_power_review58_text import _markdown_words
from tests.test_power_review90 import _cell, _flat
from tests.test_power_review91 import _best  # question 4's reference solution
from tests.test_power_review107 import _passes
from tests.test_power_review111 import _gloves

#: The module's markdown words at the start of round 113; the cap is review 102's, 8,854.
WORDS_BEFORE = 8_824

SWEEP = [f"id-{n}" for n in range(1_000)]
ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def swept():
    return [course.variant("03_power", learner) for learner in SWEEP]


def test_e1_the_shapley_value_need_not_leave_every_group_its_worth(swept):
    """E1: "does not give each group at least what that group could earn alone" read as
    "never", yet the explorer's task 2 has a Shapley division in the core. The text now says
    "need not" and points to task 2; the model shows both halves: the glove game's Shapley
    division is blocked, task 2's is not. No hint or widget verdict made the claim: the
    widget judges only the division in front of it."""
    two = _cell("shapley-teaching")
    assert "but does not give each group" not in two
    assert (
        "It uses every coalition's worth, but need not give each group at least what that "
        "group could earn alone (in task 2 below it does); the core does."
    ) in two
    players, game = _gloves()
    assert blocking_coalition(players, game, shapley_values(players, game)) is not None
    players, task_2 = _gloves(pair_worth=0)  # {Left, Right 1} is worth 0
    fair = shapley_values(players, task_2)
    assert [fair[p] for p in players] == [pytest.approx(0.5), 0, pytest.approx(0.5)]
    assert blocking_coalition(players, task_2, fair) is None
    answers = _flat(NOTEBOOK[NOTEBOOK.index("2. Left 1/2") :])
    assert answers.startswith("2. Left 1/2, Right 1 0, Right 2 1/2, and it is in the core")
    said = re.compile(r"(does not|never|cannot) (give|be in|lie in)[^.]*core", re.I)
    for name in ("checks", "widgets", "scenarios"):
        text = (ROOT / "course" / name / "power.py").read_text()
        assert not said.search(text), name


def test_c1_section_4_puts_kestrels_cost_of_delay_where_the_story_does(swept):
    """C1: section 4 called Kestrel's thin order book its cost of delay; story part 4 puts
    it in the overdraft interest on a margin that comes a month later (the wages do not
    depend on the signing date), which is why question 8's loan raises Kestrel's delta. The
    text now says so and points to the loan; every learner's loan raises delta."""
    four = _flat(" ".join(_cell("patience-teaching").split()))
    assert "order book" not in four and "order book" not in PROSE
    assert (
        "Kestrel, paying overdraft interest while it waits for its margin (part 4), is the "
        "impatient side in the Granite talks; Granite can wait. That interest is a cost of "
        "delay, which the model reads as a lower $\\delta$ (a cheaper loan, question 8, raises "
        "it)"
    ) in four
    for s in swept[:300]:
        story = _flat(s.story())
        assert "wages do not depend on when the contract is signed" in story
        assert "Kestrel pays a month's more overdraft interest on that sum" in story
        assert "replace the overdraft with a bridging loan" in story
        assert s.delta_you < s.delta_with_loan < s.delta_them


def test_c2_question_4_says_its_answer_rests_on_normative_leverage_not_the_model(swept):
    """C2: question 4 marks standing on Atlas's yardstick above section 5's price right on
    the strength of Shell's normative leverage, which it did not say; a learner could read
    "the model says X, the grader wants Y". The question now says what the answer rests on
    and what the model predicts on a refusal. Grading is unchanged: the reference reply
    passes for all 1,000 learners, 274 of them with the yardstick above section 5's price."""
    four = _cell("licence-reply-text")
    assert (
        # review 114, C2: the text says plainly that the mark tests a judgement
        "So the mark tests a judgement that rests on how people treat a standard they set "
        "(Shell's normative leverage, "
        "section 7), not on section 5's model: by it, Atlas can refuse any ask above that "
        "price, and Kestrel then expects that price."
    ) in four
    assert "normative leverage" in _cell("using-teaching")  # where the term is taught
    above = 0
    for s in swept:
        price, reason = _best(s)
        check.judge_reply(s, (price, reason))
        above += reason == "yardstick" and price > _P.licence_price(s)
    assert above == 274


def test_c3_the_story_reads_the_shapley_value_as_section_2_does():
    """C3: story part 1 called the Shapley value "a fair split"; section 2 calls it a
    benchmark of a fair split, not a price. The story now says the same."""
    assert "a benchmark of a fair split, not a price" in _flat(PROSE)
    for n in range(50):
        story = _flat(course.variant("03_power", f"rv113-{n}").story())
        assert "**Kestrel's Shapley value** (a benchmark of a fair split, section 2)" in story
        assert "(a fair split, section 2)" not in story


def test_x1_question_4_leaves_the_choice_of_figure_to_the_learner(swept):
    """X1: question 4 said "Kestrel does best to stand on the highest figure Atlas proposed
    or can check" one sentence before asking, so the answer was the largest of three given
    numbers. The prompt now asks which figure Kestrel stands on, and with which reply; the
    worked rule still follows the check cell. What it still says before the answer cell is
    only when taking Atlas's figure earns the mark, and that is exactly the grader's
    condition: over 1,000 learners taking the figure passes for the 640 whose figure is at
    least section 5's price (403 where it is the best reply, 237 where it is only safe) and
    fails for the other 360; the reference reply passes for all."""
    four = _cell("licence-reply-text")
    assert "highest figure" not in four and "does best to stand" not in four
    assert "Which figure does Kestrel stand on (not an opening ask), and with which reply?" in four
    assert "Taking Atlas's figure earns the mark wherever it is at least section 5's price." in four
    rule = NOTEBOOK.index('"grade_id": "licence-reply-rule"')
    assert rule > NOTEBOOK.index('"grade_id": "licence-reply-test"')
    assert "1. **Stand on the highest figure the other side proposed or can check**" in (
        _cell("licence-reply-rule")
    )
    counts = {True: 0, False: 0}
    best = 0
    for s in swept:
        check.judge_reply(s, _best(s))
        safe = s.atlas_figure >= _P.licence_price(s)
        assert _passes(check.judge_reply, s, (s.atlas_figure, "accept")) == safe
        counts[safe] += 1
        best += _P.reply_reason(s) == "accept"
    assert (counts[True], counts[False], best) == (640, 360, 403)


def test_u3_u5_offers_are_pro_rated_totals_and_schelling_is_cited_with_a_work(swept):
    """U3: "priced per remaining month" read as a monthly fee; every offer is a total in
    proportion to the months left, in the story's note, question 6's note and section 5.
    U5: Schelling is cited with his book. (The Games 2018 article keeps its DOI and no
    author: the search tool again could not confirm one.)"""
    assert "per remaining month" not in NOTEBOOK
    assert "(every price is in proportion to the months left of the licence)" in _flat(PROSE)
    for s in swept[:200]:
        story = _flat(s.story())
        assert "per remaining month" not in story
        assert "is a total in proportion to the months left of it" in story
        assert f"in proportion to the months left, {s.signing_borealis:,.0f} signed today" in (
            story
        )
    assert "per remaining month" not in (ROOT / "course/scenarios/power.py").read_text()
    seven = _cell("using-teaching")
    assert "after Schelling (*The Strategy of Conflict*, 1960): a **warning**" in seven
    assert "doi:10.3390/g9020029" in _cell("voting-teaching")


def test_u2_learners_read_reservation_price_not_floor_for_the_best_rivals_value(swept):
    """U2 (part): v2 went by "reservation price", "the core's lowest price" and "floor". In
    what a learner reads (the notebook's prose, the story, every question 2 hint on a wrong
    verdict) it is the reservation price; "floor" is left only in names a learner types
    (``licence_floor``) and in code. The core's lowest price is named once, where section 2
    shows it is the reservation price, and once in the closing note, where they differ.
    The comments and docstrings that called it a floor now say reservation price."""
    prose = _flat(PROSE).replace("licence_floor", "").replace("licence-floor-", "")  # names
    assert not re.search(r"\bfloor\b", prose)
    assert _flat(PROSE).count("core's lowest price") == 2
    for s in swept[:200]:
        assert not re.search(r"\bfloor\b", s.story())
        for wrong in ((not _P.clears_today(s), _P.clears_with_corvid(s)),):
            for judge in (check.judge_clears_today, check.judge_clears_with_corvid):
                try:
                    judge(s, wrong)
                except NotYet as hint:
                    assert not re.search(r"\bfloor\b", str(hint).replace("licence_floor", ""))
    for words in check.OWN_CASE_HINTS.values():
        assert not re.search(r"\bfloor\b", words)
    assert "Kestrel's floor" not in (ROOT / "course/scenarios/power.py").read_text()
    assert "the licence's floor" not in (ROOT / "course/checks/power.py").read_text()


def test_the_module_stays_under_its_word_cap():
    """Every word the fixes added was paid for in the same module: 8,824 markdown words
    before round 113, 8,820 after it; review 102's cap is 8,854."""
    assert _markdown_words(NOTEBOOK) <= WORDS_BEFORE
    assert _markdown_words(NOTEBOOK) < 8_854
