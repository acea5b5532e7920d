"""Review 95 of module 00 (fix round 96): what the fresh reader found, and what the text does
now. Each test fails on the text or code before the fix."""

from pathlib import Path

from course.checks import leverage as check
from course.models.audit import ADVICE_STEP, STRONG_FROM
from course.scenarios.leverage import CASES
from course.widgets.audit import advice
from tests.sweeps import cell_text

MODULE = "00_leverage"
ROOT = Path(__file__).resolve().parent.parent


def _cell(grade_id):
    return " ".join(cell_text(MODULE, "leverage", grade_id).replace("#", " ").split())


def _readme_section(title):
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return " ".join(text.split(f"#### {title}\n")[1].split("\n#")[0].split())


def test_u2_question_2_gives_the_learner_the_bounds_and_the_instructor_the_note_rules():
    """Review 95 U2: question 2's box ended with the rules for audits that "pass with a note"
    (a shown or near-starting audit, a lead under 2.5 points read otherwise, a balance of 5
    points or more), which are for the instructor. The learner's text keeps the bounds, the
    reasons in comments and what a refused audit is told; the README's section for module 00
    now holds those rules, with the code's figures, and the note a flagged learner sees no
    longer sends them to question 2 for the rule. No marks change."""
    q2 = _cell("q2-text")
    for gone in (
        "An audit that matches one the course shows you",
        "A lead under 2.5 points that reads the story otherwise",
        "noted for your instructor",
        "keeps both marks only if",
    ):
        assert gone not in q2, gone
    for kept in (
        "Give the reason for each rating in a comment.",
        "your instructor reads the reasons.",
        "- every weight from 0.1 to 0.7, and no rating 0;",
        "no strong lead (2.5 points or more) the story rules out;",
        "A refused audit is told each statement or bound it contradicts;",
        "Later questions use a starting audit drawn for you.",
    ):
        assert kept in q2, kept
    guide = _readme_section("Module 00: what its labels protect")
    assert (
        f"section 4's starting audit with its ratings moved by {check._NEAR_RATINGS} at most in "
        "all) keeps its 2 marks if the comments in `my_audit` give a reason for each rating"
    ) in guide
    assert f"a lead under {STRONG_FROM:g} points that reads the story otherwise passes" in guide
    assert f"a balance of {check.EXTREME_BALANCE} points or more one way passes" in guide
    assert "As question 2 says" not in check.COPY_RULE
    assert check.COPY_RULE.startswith("By the course's rule, the audit keeps both marks")


def test_u4_the_reason_for_the_sole_source_advice_sits_under_the_widget_prompt():
    """Review 95 U4: the widget's prompt sent the learner to the closing notes, about 1,000
    lines on, for why its advice and Fisher and Ury's differ in the sole-source case. The
    reason (the advice's step, and the eighteen months another maker takes) is now an aside
    under the prompt, from the code's step and the story; the closing notes keep the
    citation and no longer repeat the reason."""
    prompt = _cell("audit-widget-text")
    assert "closing notes" not in prompt
    aside = prompt.split("*Aside:*")[1]
    assert f"the advice's arithmetic assumes a step of {ADVICE_STEP:g} on any source" in aside
    assert "about eighteen months to qualify another maker" in aside
    assert "eighteen months" in CASES["sole-source"].story
    sole = CASES["sole-source"]
    said = advice(dict(sole._yours), dict(sole._theirs), dict(sole._weights))
    assert f"by {ADVICE_STEP:g} " in said
    notes = _cell("summary")
    assert "Fisher and Ury's advice against a stronger side" in notes
    assert "a step of 2" not in notes and "eighteen months" not in notes
