"""Review 102 of module 00 (fixed in round 103): C1, C2, C3, C4, X1, X3, X4, U2, U3, U4 and
U5. Each test fails on the text or code before its fix."""

import re

import pytest

import course
from course.checks import leverage as check
from course.checks.hints import NotYet
from course.scenarios.leverage import (
    REACH_CLEAR,
    _news_problems,
    best_reach_plan,
    news_key,
    plan_outcomes,
)
from tests.sweeps import cell_text

MODULE = "00_leverage"
SOURCES = ("information", "alternatives", "power")


def _cell(grade_id, module=MODULE, name="leverage"):
    return " ".join(cell_text(module, name, grade_id).replace("#", " ").split())


def _audit(yours, theirs, weights):
    return {
        part: dict(zip(SOURCES, values, strict=True))
        for part, values in (("yours", yours), ("theirs", theirs), ("weights", weights))
    }


def test_c1_threat_examples_cost_the_threatener_and_selling_elsewhere_is_the_warning():
    """C1: section 6 defined a threat (after Schelling) as tied to something you would rather
    not do, then gave as examples walking away and selling elsewhere, which the same
    paragraph calls a warning (selling to the second bidder). The threat examples now cost
    the one who carries them out; the second bidder stays the warning's example."""
    ethics = _cell("ethics-teaching")
    assert "(walk away, sell elsewhere)" not in ethics
    threat = ethics.index(
        "A threat you mean to carry out, of something you are free to do at a cost to yourself "
        "(pull your whole account, keep the warehouse empty for a year), is no lie"
    )
    warning = ethics.index("A *warning* is legitimate too")
    assert threat < warning
    assert "such as selling to the second bidder" in ethics[warning:]
    # modules 02 and 03 draw the line the same way (not edited here)
    batna = " ".join(cell_text("02_batna", "batna", "honest-teaching").split())
    assert "A *threat* ties a demand to a cost you would rather not impose" in batna


def test_c2_no_news_takes_a_rating_to_0_which_question_2_rules_out():
    """C2: question 2 rates no source 0 ("none at all"), yet correct readings of the news
    took some rating to 0 for 94 of sweep-0..1999 (rv102-eve: your alternatives 3 -> 0,
    though a drawn fact still gives some). The draw now refuses such news; 0 of 2,000."""
    yours = {"information": 5, "alternatives": 2, "power": 5}
    theirs = {"information": 5, "alternatives": 5, "power": 5}
    weights = {"information": 0.3, "alternatives": 0.4, "power": 0.3}
    to_zero = {"N1": ("you", "alternatives", -2)}
    assert "news: a move would take a rating to 0 or past 10" in _news_problems(
        yours, theirs, weights, to_zero
    )
    for n in range(200):
        s = course.variant(MODULE, f"sweep-{n}")
        ratings = {"you": dict(s.yours), "them": dict(s.theirs)}
        for side, source, change in news_key(s).values():
            ratings[side][source] += change
            assert 1 <= ratings[side][source] <= 10, s.learner


def test_c3_the_owner_has_no_hard_deadline_but_an_empty_month_costs_rent():
    """C3: section 5 said the owner "has none" (no deadline), while the reflection's model
    answer counts an empty month's rent as a cost. It now says the owner faces no hard
    deadline, only the smaller running cost of an empty warehouse."""
    shift = _cell("shift-teaching")
    assert "and the owner has none." not in shift
    assert (
        "the owner faces no hard deadline, only the smaller running cost of an empty "
        "warehouse." in shift
    )


def test_c4_question_1_says_why_a_weakness_fact_has_one_reading_and_news_two():
    """C4: question 1 files a fact of their weakness as your information only, question 4a
    accepts a second reading of such news; the reason was given only for 4a. Question 1
    now says it: news revises ratings already set, a fact comes before any rating.
    Review 103 U2 (round 105): question 1 said so before the learner had met news or ratings;
    the reason now stands only in question 4a, where it is applied, and question 1 keeps
    its one reading."""
    q1 = _cell("q1-text")
    assert "By the first question, knowing a weakness of theirs is your information." in q1
    assert "news revises ratings" not in q1
    q4a = _cell("q4-text")
    assert "Question 1 sorts facts; here you record what news changes in your audit." in q4a
    assert "may show you rated the row it weakens too high" in q4a


def test_x1_question_3c_s_best_plan_clears_the_bar_by_a_quarter_point():
    """X1: for 225 of the 485 learners of sweep-0..599 with a prepared ask, an outcome of
    the best reach plan cleared the bar by under 0.25 points (rv102-alice: by 0.05, at
    98% of the rent), a difference the notebook says ratings cannot show. A prepared ask
    now needs every such outcome to clear it by REACH_CLEAR (0.25): 0 of 321 fall short."""
    assert REACH_CLEAR == 0.25
    alice = course.variant(MODULE, "rv102-alice")
    assert alice.prepared_ask[1] != "ask Brannock for a five-year lease at 98% of your full rent"
    seen = 0
    for learner in ["rv102-alice", *(f"bold-{n}" for n in range(60))]:
        s = course.variant(MODULE, learner)
        if s.prepared_ask is None:
            continue
        seen += 1
        bar = s.prepared_ask[0]
        for _, balance in plan_outcomes(s, best_reach_plan(s, bar)):
            assert balance < bar or balance >= bar + REACH_CLEAR - 1e-9, (learner, balance)
    assert seen >= 25, seen


def test_x3_a_rating_one_point_past_a_numeric_bound_passes_with_a_note():
    """X3: question 2 refused the reviewer's salary audit (4, 7, 7) / (8, 5, 3) /
    (0.2, 0.4, 0.4) because Larkfield's power 3 is under the course's bound of 4, a fair
    reading of a candidate with a written offer and a rare skill. Numeric bounds now note,
    as the band and pair cap do; comparisons the story states and "no 0" still refuse."""
    bob = course.variant(MODULE, "bob")
    assert bob.case == "salary"
    audit = _audit((4, 7, 7), (8, 5, 3), (0.2, 0.4, 0.4))
    judged = check.judge_audit(bob, audit)
    note = check._past_a_bound(bob, *judged)
    assert "A note, not a fault: the course would rate Larkfield's power at least 4" in note
    assert "the story states no number" in note
    # the sole-source audit past the bound of 3 on your alternatives (moved here from
    # test_an_overall_balance_the_story_rules_out_is_refused) passes, with a note
    r6 = course.variant(MODULE, "r-6")
    assert r6.case == "sole-source"
    judged = check.judge_audit(r6, _audit((5, 5, 7), (5, 7, 8), (0.2, 0.3, 0.5)))
    assert "the course would rate your alternatives at most 3" in check._past_a_bound(r6, *judged)
    # "no 0" and the story's comparisons still refuse
    with pytest.raises(NotYet, match="no rating should be below 1"):
        check.judge_audit(bob, _audit((4, 7, 7), (8, 5, 0), (0.2, 0.4, 0.4)))
    with pytest.raises(NotYet, match="do not compare as your story"):
        check.judge_audit(r6, _audit((5, 5, 9), (5, 7, 8), (0.2, 0.3, 0.5)))
    assert "A rating past a bound the course sets on your story's plainest facts" in _cell(
        "q2-text"
    )


def test_x4_question_3_gives_a_case_where_the_greedy_plan_fails_for_those_whose_own_is_best():
    """X4: for 955 of 2,000 learners the largest-gain-first plan is already the best on their
    own case, so "find out why" led nowhere. Question 3 now gives them the check's crowding
    case: gains 0.6, 0.6 and 1.0 for 5, 5 and 8 of 11 days."""
    own = course.variant(MODULE, "model-1992")
    case = check.plan_test_cases(own)[3]
    gains = [
        round(chance * amount * case.weights[source], 9)
        for source, amount, _, chance in case.steps.values()
    ]
    days = [d for _, _, d, _ in case.steps.values()]
    assert (gains, days, case.budget) == ([0.6, 0.6, 1.0], [5, 5, 8], 11)
    assert days[2] + min(days[:2]) > case.budget and sum(days[:2]) <= case.budget
    text = _cell("q3-text")
    assert (
        f"take steps gaining {gains[0]:.1f}, {gains[1]:.1f} and {gains[2]:.1f} for {days[0]}, "
        f"{days[1]} and {days[2]} of {case.budget} days: the largest first fits alone "
        f"({gains[2]:.1f}), the other two together ({gains[0] + gains[1]:.1f})." in text
    )


def test_u2_the_outside_option_bullet_says_accident_against_walking_out_in_plain_words():
    """U2: "That fits a payoff you get if something neither side controls ends the talks"
    compressed the breakdown/outside-option distinction into one clause. The bullet now
    says it plainly, with module 02's term."""
    bullet = _cell("audit-limits").split("**It counts every alternative alike.**")[1]
    bullet = bullet.split("- **")[0]
    assert "That fits a payoff you get if" not in bullet
    assert "That fits when the talks could end by accident" in bullet
    # review 108 U3 (round 109): it now says how much the gain helps
    assert "such as a buyer going bust: then half of any gain in what you would get" in bullet
    # review 112 U6 (round 113): the outside option now has its own bullet, just after
    limits = _cell("audit-limits")
    assert "**It overrates an option reached only by walking out** (an *outside option*)" in (
        limits
    )
    assert limits.index("by accident") < limits.index("reached only by walking out")
    # module 02 draws the same line: a payoff when something neither side controls ends
    # the talks, against an option taken by walking out
    batna = " ".join(cell_text("02_batna", "batna", "nash-teaching").split())
    assert "if something neither side controls ends the talks" in batna
    assert "take your alternative whenever you turn down" in batna


def test_u3_the_sole_source_caveat_sits_beside_the_widget():
    """U3: the widget's prompt said its advice names the source the arithmetic would raise
    most, while the caveat (Fisher and Ury point to alternatives) sat in the closing notes.
    The caveat is now in the aside above the widget, and the notes no longer repeat it."""
    aside = _cell("audit-widget-text").split("*Aside:*")[1]
    assert "Fisher and Ury's advice against a stronger side" in aside
    assert "points to alternatives" in aside
    assert "Section 3's exercise" not in _cell("summary")
    assert "Fisher and Ury's advice" not in _cell("summary")


def test_u4_the_re_audit_says_why_the_owner_s_power_stays_as_rated():
    """U4: the re-audit kept the owner's power "as rated" though its fact had just become
    false. It now says why: the two rows rate one dependence (section 2)."""
    shift = _cell("shift-teaching")
    # review 110 (round 111): "so the rival siding counts once" repeated the sentence's own
    # "records that change once"; the why (one dependence, section 2) stays
    # review 112 U3 (round 113): section 2 no longer says it; section 3 does
    assert "which stays as rated (the two rows rate one dependence, section 3)." in shift


def test_u5_the_illegitimate_hints_name_information_got_by_deceit():
    """U5: section 6 names three illegitimate sources; the hints named two, so a pretext
    tactic was explained by the wrong clause. Both hints now name information got by
    deceit; the 'not illegitimate' hint stays true of every tactic of another kind."""
    from course.scenarios.leverage import _PRACTICE_TACTICS, _TACTICS

    assert "got by deceit" in check.KIND_TEST["illegitimate"]
    assert "got by deceit" in check.NOT_KIND["illegitimate"]
    assert "got by deceit" in _cell("ethics-teaching")
    for tactic in (*_TACTICS, *_PRACTICE_TACTICS):
        if "illegitimate" not in tactic._kinds:
            assert not re.search(r"which you are not|pretend|posing as", tactic.text)
