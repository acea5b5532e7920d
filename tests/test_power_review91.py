"""Module 03, review 91 (an independent negotiation professor's review), fixed in round 91.
Each test failed on the text or code before this round."""

from pathlib import Path

import course
import course.scenarios.power as _P
from course.checks import power as check
from course.variants import learner_as
from tests.test_models_power import NOTEBOOK
from tests.test_power_review58_text import _markdown_words
from tests.test_power_review90 import _cell

ROOT = Path(__file__).resolve().parent.parent

#: The module's markdown words at the start of round 91 (mdwords.py on fix91_03's base).
WORDS_BEFORE = 9_526


def _best(t):
    """The notebook's reference reply: the highest of the three grounds."""
    grounds = {
        "accept": t.atlas_figure,
        "yardstick": (3 * t.atlas_value + t.borealis_value) / 6,
        "rival": t.borealis_value,
    }
    reason = max(grounds, key=grounds.get)
    return grounds[reason], reason


def _message(outcome):
    (only,) = outcome.outcomes
    assert only.passed, only.message
    return only.message


def test_x1_taking_a_figure_below_the_yardstick_is_not_called_the_highest():
    """X1: for learner rv91-a, (40,000, "accept") earned the mark with the message "the
    reply names the highest figure Kestrel can stand on", though Atlas's yardstick was
    41,833. The mark stands; the message now says the figure is at least section 5's price
    and that the yardstick was higher, with both numbers. Holding Atlas to the yardstick
    keeps the old message. Review 103, X4 (round 105): taking that figure no longer earns the
    mark (rule 1: stand on the highest figure), so nothing calls it the highest or says it
    earns the mark; on the own case the hint is the own-case words, with no numbers."""
    s = course.variant("03_power", "rv91-a")
    shapley, price = _P.kestrel_shapley(s), _P.licence_price(s)
    assert price <= s.atlas_figure < shapley  # the case the review found
    with learner_as("rv91-a"):

        def take(t):
            if t.learner == "rv91-a":
                return t.atlas_figure, "accept"
            return _best(t)

        for hidden in (False, True):
            (only,) = check.licence_reply(take, hidden).outcomes
            # review 108, C2 (round 109): taking the figure where it is safe passes again
            assert only.passed
        held = _message(check.licence_reply(_best))
        assert held.startswith("the reply names the highest figure Kestrel can stand on")


def test_u1_the_breakdown_example_says_the_other_side_gets_nothing_on_breakdown():
    """U1: "A breakdown payoff of 0.1 gives 0.550" left out that the other side's breakdown
    payoff is 0 (the Nash split is (1 + d_you - d_them) / 2). The text and the example's
    comment now say so, and the numbers are that split with d_them = 0."""
    five = _cell("outside-teaching")
    assert "A breakdown payoff of 0.1 gives 0.550" not in five
    assert "If the other side's breakdown payoff is 0, one of 0.1 gives 0.550" in five
    start = NOTEBOOK.index('"grade_id": "outside-example"')
    assert "the other side's breakdown payoff 0" in NOTEBOOK[start : start + 400]
    for mine, said in ((0.1, "0.550"), (0.6, "0.800")):
        assert f"{(1 + mine - 0) / 2:.3f}" == said


def test_u2_question_6_points_to_the_story_and_section_5_says_its_what_if_once():
    """U2: question 6 restated story part 1's "Paid on signing?" paragraph in three bullets,
    and section 5 restated the licence's terms. Question 6 now points to the story, whose
    paragraph keeps every fact the question needs, and section 5 says the what-if in one
    sentence; the module's markdown words fell."""
    six = _cell("signing-terms-text")
    assert "Three things would then hold" not in six and "- The buyer pays" not in six
    assert 'the what-if "Paid on signing?". It ends story part 1' in six
    for s in [course.variant("03_power", f"rv91-{n}") for n in range(20)]:
        story = " ".join(s.story().split())
        part = story[story.index("<i>Paid on signing?</i>") :]  # review 94, U2: a note
        for fact in (
            "`s.signing_ratio`",
            "`s.signing_gain`",
            "pay the day the deal is signed",
            "Borealis has said its offer would then come on the same terms",
            # review 110, U4 (round 111): the ratio in plain words
            f"would then lose at {_P.SIGNING_TIMES[s.signing_ratio]} Atlas's rate",
            "in proportion to the months left",
        ):
            assert fact in part, (s.learner, fact)
    five = _cell("outside-teaching")
    assert "In your story the licence money is paid on one fixed date" not in five
    assert "An opening may ask more" not in five
    assert five.count("share at the table falls below a half") == 1
    assert _markdown_words(NOTEBOOK) < WORDS_BEFORE


def test_c1_the_disclosure_rule_is_credited_to_fisher_and_ury_as_in_module_05():
    """C1: section 7 credited "reveal a strong alternative, keep a weak one quiet" to
    Thompson (2001), module 05 to Fisher and Ury. Section 7 now cites Getting to Yes and its
    chapter first, Thompson second, as module 05 does."""
    seven = _cell("using-teaching")
    assert "That rule is a textbook heuristic (Thompson" not in seven
    rule = seven[seven.index("keep any other private") :]  # review 106, C3 (round 107)
    assert rule.index("Fisher and Ury") < rule.index("Thompson")
    assert '"What If They Are More Powerful? Develop Your BATNA"' in rule
    capstone = (ROOT / "source/05_capstone/capstone.py").read_text(encoding="utf-8")
    assert "Fisher and Ury's advice is to reveal an alternative" in capstone


def test_u3_the_luxembourg_article_is_cited_by_doi_not_by_a_guessed_author():
    """U3: the Games 2018 article on Luxembourg was the only source without an author; the
    search tool did not confirm one, so the citation now gives the article's DOI."""
    three = _cell("voting-teaching")
    assert "doi:10.3390/g9020029" in three
    assert "at https://www.mdpi.com" not in three
