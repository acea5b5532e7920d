"""Review 93 of module 03: what the fresh reader found, and what the checks say now. Each
test fails on the code before the fix."""

import pytest

from course.checks import power as check
from course.checks.hints import NotYet
from course.scenarios.power import LABELS, PRACTICE_TACTICS


@pytest.mark.parametrize("number", sorted(PRACTICE_TACTICS))
def test_u4_no_practice_hint_runs_a_question_into_a_semicolon(number):
    """Review 93 U4: practice statement 2's hint read "...would Kestrel do what it says?;
    something in it is untrue": the question that decides now ends its own sentence."""
    accepted = PRACTICE_TACTICS[number][0]
    for label in LABELS:
        if label in accepted:
            continue
        with pytest.raises(NotYet) as hint:
            check.judge_practice_tactic(number, label)
        assert "?;" not in str(hint.value)


def _flat(text):
    return " ".join(text.split())


def _outside_cell():
    from tests.test_models_power import PROSE, _section

    # review 102, X1: the rule on what a side can stand on follows question 4
    return _flat(_section(PROSE, "## 5. Outside options", "### Question 5"))


def test_u1_the_predicted_price_is_said_to_be_a_forecast_before_what_asking_more_costs():
    """Review 93 U1: "The predicted price is no cap on an ask." was followed at once by
    "asking for more ... comes back to it, so taking less gives money away", which read as
    a cap and drew a conclusion about taking less from a clause about asking more. The
    paragraph now says first what the price is, then why asking more costs here; the rival
    sentence names the case it covers (a proposal below the rival's offer)."""
    five = _outside_cell()
    assert "no cap on an ask" not in five
    assert "so taking less gives money away" not in five
    what = five.index("The predicted price is a forecast, not a limit on an ask.")
    limit = five.index("not the most a side may ask for.")
    # review 98 C1; review 110, C3 (round 111): any ask, the yardstick too
    cost = five.index("any ask above section 5's price costs a round")
    assert what < limit < cost
    assert "Where the model says to sell to the rival, real talks" not in five
    assert "Where the buyer proposes less than the rival's offer, the model says" in five
    # the claim: a responder who refuses the predicted offer and proposes a round later
    # gets, discounted, what it was offered (no gain, a round lost)
    from course.models.power import bargaining_split

    for dp, dr in [(0.99, 0.99), (0.9, 0.97), (0.95, 0.9)]:
        offered = bargaining_split(dp, dr)[1]
        later = bargaining_split(dr, dp)[0]
        assert float(offered) == pytest.approx(dr * float(later))
        assert float(later) > float(offered)  # it asks more, and a round's delay eats it


def test_u2_question_5s_parenthesis_on_the_practice_versions_reads_plainly():
    """Review 93 U2: "(one of each kind yours use: your signal)" could not be parsed."""
    from tests.test_models_power import PROSE, _section

    five = _flat(_section(PROSE, "### Question 5", "def rig_prices"))
    assert "yours use: your signal" not in five
    assert "(one of each kind: use them to test how you tell the kinds apart)" in five


def test_c1_personal_influence_is_not_said_to_lie_beyond_your_control():
    """Review 93 C1: section 1 said expert and referent power work "not through anything you
    control", while module 00 lists know-how among what a side holds and builds."""
    from tests.test_models_power import PROSE

    prose = _flat(PROSE)
    assert "not through anything you control" not in prose
    assert (
        # review 102, U2: the sentence now names the pair, not "personal influence"
        "Expert and referent power work through what others believe about you, which you can "
        "build but not order, not through a thing that changes hands."
    ) in prose


def test_x1_question_4s_own_case_hint_points_to_what_to_weigh_not_to_the_rule():
    """Review 93 X1: any wrong own-case price was told that Kestrel "stands on the largest
    of the three figures ... (or takes Atlas's figure where it is at least that price)",
    the whole rule the question leaves to the learner. The hint now names what to weigh
    (sections 2 and 5) and no rule; the marks are unchanged."""
    import course
    from course.scenarios.power import reply_range
    from course.variants import learner_as

    learner = "rv93-alice"
    with learner_as(learner):
        s = course.variant("03_power", learner)
        for said in (1.0, reply_range(s)[0] - 2_000):
            with pytest.raises(NotYet) as hint:
                check.judge_reply_price(s, (said, "yardstick"))
            words = str(hint.value)
            assert "not right for your own scenario" in words
            for rule in ("largest", "highest", "where it is at least that price", "stands on"):
                assert rule not in words, rule
            assert "(sections 2 and 5)" in words


#: The module's markdown words at the start of round 93 (``mdwords.py`` on fix93_03's base).
WORDS_BEFORE = 9_362


def test_u3_question_5s_setting_and_section_7s_warning_say_each_thing_once():
    """Review 93 U3 (in part): question 5's three italic paragraphs restated section 5's
    conditions at length, and section 7's legitimacy part gave a second example of a true
    warning said as a demand, after its first paragraph had said it. Question 5's setting
    is now one paragraph, the example is gone, and the module is shorter than at the start
    of the round, with this round's other fixes paid for."""
    from tests.test_models_power import NOTEBOOK, PROSE, _section
    from tests.test_power_review58_text import _markdown_words

    five = _flat(_section(PROSE, "### Question 5", "def rig_prices"))
    for gone in ("*The same in every version.*", "*What differs.*", "*Where the talks can"):
        assert gone not in five, gone
    assert (  # the facts the question needs are all still said
        "a day's delay costs each side the same small share (small, but more than nothing)"
    ) in five
    assert "is small in itself, but far larger than that daily share" in five
    assert "Both kinds are among the four;" in five  # review 110, X5: no count
    legit = _flat(_section(PROSE, "### Legitimate and illegitimate power", "Three lines"))
    assert "Atlas already holds a copy of Borealis's offer" not in legit
    assert _markdown_words(NOTEBOOK) < WORDS_BEFORE
