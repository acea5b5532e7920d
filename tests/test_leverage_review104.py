"""Review 103 of module 00 (fixed in round 104): C1, C2, C5, X1, C6 and U6. Each test fails on
the text or code before its fix."""

import math

import pytest

import course
from course.checks import leverage as check
from course.checks.hints import NotYet
from course.models.audit import expected_gain, weighted_leverage
from course.scenarios.leverage import LEAST_RATING
from course.widgets.audit import LeverageAudit
from tests.sweeps import cell_text

MODULE = "00_leverage"
SOURCES = ("information", "alternatives", "power")


def _cell(grade_id, module=MODULE, name="leverage"):
    return " ".join(cell_text(module, name, grade_id).replace("#", " ").split())


def _markdown_cells():
    from tests.notebooks import source_notebook

    return {
        c.metadata["nbgrader"]["grade_id"]: " ".join(c.source.split())
        for c in source_notebook(MODULE, "leverage").cells
        if c.cell_type == "markdown"
    }


def test_c1_the_reflection_s_step_follows_from_the_outside_option_limit_it_names():
    """C1: the model answer named the deal-me-out limit (the flats move the rent only if they
    beat the renewal share) and then chose viewing the flats as its step. It now says the
    viewings score best on paper but may not move the rent, and picks a step that moves the
    landlord: rents for flats like the tenant's, on information. Every figure is computed."""
    answer = _cell("reflection")
    limit = answer.index("the flats I found move the rent only if they beat what I would get")
    mine = {"information": 4, "alternatives": 6, "power": 4}
    landlord = {"information": 7, "alternatives": 5, "power": 6}
    weights = {"information": 0.25, "alternatives": 0.5, "power": 0.25}
    balance = weighted_leverage(mine, weights) - weighted_leverage(landlord, weights)
    assert math.isclose(balance, -0.75)
    viewings = expected_gain(mine, weights, "alternatives", 2, 0.8)
    rents = expected_gain(mine, weights, "information", 2, 0.9)
    assert math.isclose(viewings, 0.8) and math.isclose(rents, 0.45)
    assert "Step: view the two flats" not in answer
    after = answer[limit:]
    assert (
        "Viewing the flats scores best on paper (alternatives +2, chance 0.8: +0.8 points on "
        "average), but by that limit it may not move the rent at all." in after
    )
    step = after[after.index("So my step is one that moves him") :]
    assert "raises my information by about 2, with a chance of 0.9" in step
    assert "about +0.45 points on average" in step
    assert "viewings" not in step


def test_c2_a_reason_to_wait_is_one_that_does_not_press_you_too():
    """C2: the take-away said to wait for "their deadline still to come", and question 4c's
    model answer that "each week without a deal hurts Brannock more", against Moore (2004),
    which the closing notes cite: a final deadline presses both sides. The take-away now
    asks for a reason that does not press you too; section 5, question 4c, its rubric and
    its model answer say that Brannock's deadline also ends the owner's chance of this
    tenant. No markdown cell of the module still calls the other side's deadline a one-way
    reason to wait."""
    summary = _cell("summary")
    assert "such as their deadline still to come" not in summary
    assert (
        # review 110 C1 (round 111): one rule on waiting, section 5's, with the deadline case
        "unless you can already see a cost of delay that falls on them far more than on you; "
        "a deadline that ends your deal too supports only a short wait" in summary
    )
    assert "Moore" in summary and "it pressed both sides" in summary
    shift = _cell("shift-teaching")
    assert "due before any of the owner's own" not in shift
    assert "such as a cost of delay that falls on Brannock far more than on the owner" in shift
    # review 112 U1 (round 113): the same point, the last of section 5's three sentences (the
    # case's "six weeks" stays out of section 5: it is question 4c's answer)
    assert "A deadline that ends your deal too supports only a short wait." in shift
    assert "six weeks" not in shift
    q4c = _cell("q4c-text")
    assert "(a cost of delay falling on them far more than on you," in q4c  # review 110 C1
    assert "a deadline of theirs" not in q4c
    rubric = _cell("spend-judgement")
    # review 110 C1 (round 111): section 5's rule, not "no one-way reason"
    assert "a deadline that would also end the learner's deal supports only a short wait" in rubric
    assert "hurts Brannock more" not in rubric
    assert "each week without a deal costs Brannock more than me" in rubric
    assert "But those six weeks also end my chance of this tenant" in rubric
    # the sweep: no cell calls their deadline a reason to wait on its own
    for grade_id, text in _markdown_cells().items():
        for one_way in (
            "their deadline still to come",
            "hurts Brannock more",
            "a deadline of theirs,",
            "due before any of the owner's own",
        ):
            assert one_way not in text, (grade_id, one_way)


def test_c5_one_rule_for_a_rating_of_0_in_text_widget_and_check(monkeypatch):
    """C5: section 3 said audits rate 1 to 10, question 2 refused only a 0 (a 0.5 passed), and
    the widget's rating sliders ran from 0. One rule now holds: an audit of a story here
    rates 1 to 10 (LEAST_RATING); only news takes a rating lower, to 0. Question 2 refuses
    anything below 1, with a hint that says so; the widget's rating sliders start at 1 and
    show a 0 only when news puts it there; the texts say the same."""
    assert LEAST_RATING == 1
    audit_text = _cell("audit-teaching")
    assert "so audits of them rate 1 to 10 (question 2, the widget's sliders)" in audit_text
    assert "only news can take a rating to 0" in audit_text
    assert "no rating below 1;" in _cell("q2-text")
    # the widget
    widget = LeverageAudit("deadline")
    for sliders in (widget.yours, widget.theirs):
        assert all(s.min == LEAST_RATING for s in sliders.values())
    # review 110 U5 (round 111): a weight's least is 2 units (question 2's floor of 0.1)
    assert all(s.min == 2 for s in widget.weights.values())
    assert "Rate each source from 1 (a little) to 10" in widget.story.value
    yours, theirs = widget._ratings()
    widget._set(yours, {**theirs, "alternatives": 0})  # as news that takes it to 0 does
    assert widget.theirs["alternatives"].value == 0 and widget.theirs["alternatives"].min == 0
    assert not widget._guard.refused(widget.status)
    widget._load_case()
    assert widget.theirs["alternatives"].min == LEAST_RATING
    # question 2 (learner model-2028 draws the deadline case)
    monkeypatch.setenv("LEVERAGE_LEARNER", "model-2028")
    assert course.variant(MODULE).case == "deadline"

    def audit(theirs_information):
        return {
            "yours": {"information": 6, "alternatives": 5, "power": 5},
            "theirs": {"information": theirs_information, "alternatives": 2, "power": 4},
            "weights": {"information": 0.3, "alternatives": 0.5, "power": 0.2},
        }

    check.my_audit(lambda: audit(1))
    for low in (0, 0.5):
        with pytest.raises(NotYet, match="no rating should be below 1"):
            check.my_audit(lambda low=low: audit(low))


def test_x1_question_3c_says_how_many_have_no_prepared_ask_and_what_then(monkeypatch):
    """X1: question 3c said "some learners have none" when 473 of 1,000 drawn learners
    (id-0..999) have no prepared ask, and did not say that their mark then rests on the
    check's test cases alone. It now says "about half of you" and says so; both are true
    for every drawn learner (the check tries "your case" exactly when there is an ask)."""
    q3c = _cell("q3c-text")
    assert "some learners have none" not in q3c
    assert "About half of you have none (`None`)" in q3c
    assert "Then your mark rests on the check's test cases alone." in q3c
    drawn = [course.variant(MODULE, f"id-{n}") for n in range(1000)]
    none = [s for s in drawn if s.prepared_ask is None]
    assert len(none) == 473
    for s in none[:40] + [s for s in drawn if s.prepared_ask][:40]:
        monkeypatch.setenv("LEVERAGE_LEARNER", s.learner)
        places = {where for _, _, where in check._reach_cases(hidden=False)}
        assert ("your case" in places) == (s.prepared_ask is not None), s.learner
        if s.prepared_ask is None:
            assert "the check uses its own test cases" in s.show("prepared-ask").markdown


def test_c6_question_3c_s_ask_is_a_reply_to_their_offer_not_an_opening():
    """C6: question 3c's display said the learner makes the ask "at the first meeting, before
    any news", which for the deadline case (a five-year lease at 96% of the full rent) reads
    as the owner's opening offer, left to module 04. It now says the ask replies to their
    first offer and moves a figure already on the table."""
    seen = set()
    for n in range(200):
        s = course.variant(MODULE, f"id-{n}")
        if s.prepared_ask is None:
            continue
        shown = " ".join(s.show("prepared-ask").markdown.split())
        assert "at the first meeting, before any news" not in shown
        assert (
            "at the first meeting, in reply to their first offer and before any news: not an "
            "opening offer (module 04's), but a move on a figure already on the table." in shown
        )
        seen.add(s.case)
    assert seen == {"salary", "supplier", "sole-source", "deadline"}


def test_u6_question_4a_says_why_news_of_your_weakness_moves_only_their_information():
    """U6: question 4a said news that they learn a weakness of yours moves only their
    information "since your ratings already counted it", puzzling where the weakness is new
    to the story (the owner's loan payment). It now says you knew your own weakness when you
    rated yourself."""
    q4a = _cell("q4-text")
    assert "since your ratings already counted it" not in q4a
    assert (
        "News that they learn a weakness of yours moves only their information, since you knew "
        "your own weakness when you rated yourself." in q4a
    )
