"""Module 02, review 106 (fixes of round 107): one test per item fixed, each failing on the
text or code before this round."""

import pytest

import course
from course.checks import batna as check
from course.checks.hints import NotYet
from course.scenarios.batna import NEWS
from tests.sweeps import cell_text

MODULE = ("02_batna", "batna")


def _cell(grade_id):
    return " ".join(cell_text(*MODULE, grade_id).split())


def _story(learner):
    return " ".join(course.variant("02_batna", learner).story().split())


# --- C1: the commute's cost is one Northwind cannot check ---------------------------------------


def test_c1_the_commute_cost_is_private_as_section_6_says():
    """C1: section 6 says to mention the commute without a figure because the cost is
    personal and Northwind cannot check it, but the story made it a season ticket, a
    published fare. The story now makes the cost a childminder's for the extra hours, at a
    rate only the learner and the childminder know; the figures, the halving with two remote
    days and every graded answer stay as they were (400 of 400 learners' keys unchanged in
    round 107's sweep). The news quiz's train item no longer speaks of a season ticket."""
    honest = _cell("honest-teaching")
    assert "the cost is personal, Northwind cannot check it" in honest
    for n in range(20):
        offers = course.variant("02_batna", f"c1-{n}")
        story = _story(f"c1-{n}")
        assert "season ticket" not in story and "a part-week ticket" not in story
        assert (
            f"you pay a childminder for the extra hours: {offers.commute_cost:,.0f} a year, at "
            "a rate only the two of you know, so Northwind cannot check it" in story
        )
        assert "Two remote days a week would halve it: the childminder charges half" in story
    news = " ".join(text for text, _, _ in NEWS)
    assert "season ticket" not in news and "childminder for fewer hours" in news


# --- C2: who makes the last offer ---------------------------------------------------------------


def test_c2_the_story_says_northwind_makes_the_last_offer():
    """C2: section 6's mention rule "fits talks where Northwind makes the last offer before
    your answer date", but the story never said who makes it, and the variant of 46 in 300
    learners gives it to them. The story now says Northwind makes it, and that variant says
    it replaces that fact, for questions 8b and 10 only, as the other variants say what they
    replace. Question 7's key does not read the variant."""
    assert "fits talks where Northwind makes the last offer before your answer date" in _cell(
        "honest-teaching"
    )
    kinds = set()
    for n in range(60):
        offers = course.variant("02_batna", f"c2-{n}")
        story, talks = _story(f"c2-{n}"), offers.talks
        assert "In your talks, Northwind makes the last offer before that date." in story
        replaces = "only, it replaces who makes the last offer above; everything else stands"
        mine = talks.answer_date and talks.proposer == "you"
        kinds.add(mine)
        assert (replaces in story) == mine, talks
    assert kinds == {True, False}


# --- C3: the counter's reason is for you -------------------------------------------------------


def test_c3_section_5_counter_says_a_figure_and_a_fact_and_keeps_the_reason():
    """C3: section 5's table said "counter, and say why: it is below your BATNA, below your
    reservation price...", which, told to Northwind, reveals a bound on the reservation
    price that section 6 says you may keep private. The row now says what to tell
    (your figure and a fact you can show) and keeps the reason private."""
    decide = _cell("decide-teaching")
    assert "and say why" not in decide
    assert (
        "| **counter** with your figure and a fact you can show; keep the reason private: "
        "below your BATNA, below your reservation price for its package, or short of the "
        "even split with remote days |" in decide
    )


# --- X1: a target up to a survey past the band's top -------------------------------------------


def _passes(offers, value):
    try:
        check.judge_target(offers, value)
    except NotYet:
        return False
    return True


def test_x1_a_target_up_to_a_survey_past_the_top_passes(learner, monkeypatch, capsys):
    """X1: the three-quarter cap, a course convention, was graded as the only judgement:
    where the learner's own survey lies past the band's top (45 of 300 learners), aiming at
    it was marked wrong. A target from the band's top up to the survey now passes, with a
    line on the room to concede it gives up; past the survey it still fails, and its hint
    says no fact supports it. Section 4's table and the summary say so. The sweep: the model
    answer passes for 300 of 300; for the 45, the top, the survey and the point between all
    pass, the survey plus 300 fails for all 45."""
    above = []
    for n in range(300):
        offers = course.variant("02_batna", f"id-{n}")
        _, top = check.target_band(offers)
        assert _passes(offers, check.target_of(offers))
        if offers.pay_survey > top:
            above.append(offers)
            for value in (top, (top + offers.pay_survey) / 2, offers.pay_survey):
                assert _passes(offers, value), (offers.learner, value)
            with pytest.raises(NotYet, match="above the salary survey's median"):
                check.judge_target(offers, offers.pay_survey + 300)
        else:
            assert not _passes(offers, top + 300) or top + 300 <= offers.pay_survey
    assert len(above) == 45
    zopa, summary = _cell("zopa-teaching"), _cell("summary")
    assert (
        "| one past the band's top | the band's top; or, if you accept less room to concede, "
        "up to the fact's figure |" in zopa
    )
    # review 108 C1: the summary states the rule conditionally
    assert (
        "past that only at the cost of room to concede, or as module 01's knowledge of this buyer allows"
        in summary
    )
    own = next(
        f"x1-{n}"
        for n in range(200)
        if course.variant("02_batna", f"x1-{n}").pay_survey
        > check.target_band(course.variant("02_batna", f"x1-{n}"))[1]
    )
    monkeypatch.setenv("LEVERAGE_LEARNER", own)

    # the survey kept above the even split, with no cap: the survey's own figure past the top
    def uncapped(offers, reservation):
        low = reservation - offers.commute_cost / 2
        return max(offers.pay_survey, (low + offers.agency_rate + offers.agency_fee) / 2)

    check.target_salary(uncapped)  # raises NotYet if it fails
    assert check.ABOVE_TOP_NOTE in capsys.readouterr().out

    def capped(offers, reservation):
        low = reservation - offers.commute_cost / 2
        high = offers.agency_rate + offers.agency_fee
        return min(uncapped(offers, reservation), low + 0.75 * (high - low))

    check.target_salary(capped)
    assert check.ABOVE_TOP_NOTE not in capsys.readouterr().out
