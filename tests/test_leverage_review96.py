"""Review 95 of module 00 (fix round 96): what the fresh reader found, and what the text does
now. Each test fails on the text or code before the fix."""

from pathlib import Path

from course.checks import leverage as check
from course.models.audit import ADVICE_STEP, STRONG_FROM
from course.scenarios.leverage import CASES, PAIR_MOST
from course.widgets.audit import advice
from tests.sweeps import cell_text

MODULE = "00_leverage"
ROOT = Path(__file__).resolve().parent.parent


def _cell(grade_id):
    return " ".join(cell_text(MODULE, "leverage", grade_id).replace("#", " ").split())


def _readme_section(title):
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    return " ".join(text.split(f"#### {title}\n")[1].split("\n#")[0].split())


def test_u1_the_weights_paragraph_is_one_procedure_total_then_rest_then_share():
    """Review 95 U1: "the sum of the weights of alternatives and of power, which count for both
    sides alike. Then split that sum between the two" read as if the rows counted for both
    sides, and "the two" had no clear antecedent. The paragraph now gives one procedure:
    the total for alternatives plus power first, what is left to information, then the
    share of the total; that each weight holds for both sides is said where weights are
    defined. The check agrees: only the total counts against information's bound, and any
    share of it between alternatives and power is judged alike."""
    text = _cell("audit-teaching")
    assert "which count for both sides alike" not in text
    assert "Then split that sum between the two" not in text
    assert "A **weight** for each source, the same for both sides:" in text
    steps = (
        "decide first how much that dependence counts in all: the weight of alternatives "
        "plus the weight of power.",
        "What is left goes to information.",
        "Then share that total between alternatives and power.",
    )
    where = [text.index(step) for step in steps]
    assert where == sorted(where)
    # the check: information's bound depends on the total alone, never on how it is shared
    pair_rules = [r for c in CASES.values() for r in c._rules if r.kind == "pair_cap"]
    assert pair_rules and all(r.value == PAIR_MOST for r in pair_rules)
    for rule in pair_rules:
        for total in (0.6, 0.7, 0.8, PAIR_MOST, 0.9):
            verdicts = set()
            for share in (0.25, 0.5, 0.75):
                alternatives = round(total * share, 6)
                weights = {
                    "information": round(1 - total, 6),
                    "alternatives": alternatives,
                    "power": round(total - alternatives, 6),
                }
                verdicts.add(rule.holds({}, {}, weights))
            assert verdicts == {total <= PAIR_MOST + 1e-9}, total


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
        "- every weight from 0.1 to 0.7, and no rating below 1;",
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


def test_u3_a_threat_you_mean_is_placed_plainly_legitimate_but_often_unwise():
    """Review 95 U3: "A *warning* is legitimate too" placed threats among legitimate leverage
    without saying so. The text now states the course's position, with Fisher (1983), named
    in full earlier in the notebook, before the warning; module 03 says the same."""
    ethics = _cell("ethics-teaching")
    # review 98 U1 (round 99): threats moved to section 6's edge cases
    legit = ethics.split("**Edge cases.**")[1].split("**Going back on your word**")[0]
    # review 97 E1 (round 98): only a threat of something you are free to do
    position = legit.index(
        # review 102 C1 (round 103): examples that cost the threatener
        "A threat you mean to carry out, of something you are free to do at a cost to "
        "yourself (pull your whole account, keep the warehouse empty for a year), is no lie, "
        "though often unwise"
    )
    assert "Fisher (1983)" in legit[position:]
    assert position < legit.index("A *warning* is legitimate too")
    assert 'Fisher, "Negotiating Power", 1983' in _cell("what-teaching")
    power = " ".join(cell_text("03_power", "power", "using-teaching").split())
    assert "A threat you have bound yourself to carry out is true, so not a bluff" in power


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
    # review 102 U3 (round 103): Fisher and Ury's advice moved from the notes to the aside
    assert "Fisher and Ury's advice against a stronger side" in aside
    assert "a step of 2" not in notes and "eighteen months" not in notes
