"""Review 91 of module 00: question 2 refused a defensible audit in the warehouse case (X1);
and the items C1, U1 to U4 and X2 on its text. Each test fails on the code or text before
its fix."""

import pytest

import course
from course.checks import leverage as check
from course.checks.hints import NotYet
from course.scenarios.leverage import REFINANCE, practice_for, tactic_key
from tests.sweeps import cell_text

MODULE = "00_leverage"

#: The reviewer's audit for rv91-bob: Brannock's power (6) above the owner's (5).
AUDIT = {
    "yours": {"information": 6, "alternatives": 5, "power": 5},
    "theirs": {"information": 6, "alternatives": 4, "power": 6},
    "weights": {"information": 0.25, "alternatives": 0.4, "power": 0.35},
}


def test_x1_brannocks_pull_on_your_bank_lets_its_power_be_rated_above_yours():
    """X1: "you own the rail siding that Brannock's freight needs" held the owner's power at
    least at Brannock's for every learner, and quoted a need that only another fact states.
    A learner who drew REFINANCE (Brannock's name raises what banks lend, and the owner
    plans to refinance) may now rate Brannock's power higher; a learner who did not is
    still held to the rule."""
    bob = course.variant(MODULE, "rv91-bob")
    assert bob.case == "deadline" and REFINANCE in bob.facts.values()
    check.judge_audit(bob, AUDIT)  # raises NotYet for an audit it refuses
    without = [
        s
        for s in (course.variant(MODULE, f"rv91-{n}") for n in range(400))
        if s.case == "deadline" and REFINANCE not in s.facts.values()
    ]
    assert without
    for s in without[:5]:
        with pytest.raises(NotYet, match="rail siding that Brannock's freight needs"):
            check.judge_audit(s, AUDIT)


def _markdown(grade_id):
    return " ".join(cell_text(MODULE, "leverage", grade_id).split())


def test_u1_the_weakness_rule_is_stated_once_with_its_reason_and_the_take_away_is_an_idea():
    """U1: "Question 1 accepts only your information, question 4a either" stood in section 2
    (before question 4a exists), questions 1 and 4a and the first take-away, with no reason.
    It is now said once, in section 2's side note, with its reason; questions 1 and 4a point
    there, and the take-away states a negotiation idea instead."""
    rule = "Question 1 accepts only your information, question 4a either"
    places = ("sources-teaching", "q1-text", "q4-text", "summary")
    assert not any(rule in _markdown(g) for g in places)
    # review 97 U1: said once, in question 4a, where it is applied (tests/test_leverage_review97)
    # review 99 C1: with its reason, in question 4a's own words
    assert "Each earns the item. Not your power: the news is about them" in (  # review 112 C1
        _markdown("q4-text")
    )
    assert "**Their weakness.**" not in _markdown("sources-teaching")
    first = _markdown("summary").split("- ")[1]
    assert first.startswith("What you know about their weakness is worth only what it lets")
    assert "Question" not in first


def test_u2_trust_as_a_repeated_game_is_taught_in_section_4_where_question_3b_uses_it():
    """U2: Axelrod's repeated game and Curhan and colleagues' subjective value sat only in the
    closing notes, after question 3b asked what trust does to the next negotiation. Section
    4's power bullet now teaches both; the closing notes keep only the references, and the
    rubric points to section 4."""
    power = _markdown("build-teaching").split("- **Power, relationships included.**")[1]
    for said in (
        "Axelrod's contests of a repeated game",
        "*shadow of the future*",
        "*subjective value*",
        "deal with you again (Curhan and colleagues)",
    ):
        assert said in power, said
    notes = _markdown("summary").split("*Section 4.*")[1].split("*Section 6")[0]
    assert "Axelrod, *The Evolution of Cooperation* (1984)" in notes
    assert "Curhan, Elfenbein and Xu (2006)" in notes and "shadow" not in notes
    rubric = _markdown("plan-judgement")
    assert "the closing notes cite Curhan" not in rubric
    assert "section 4's subjective value" in rubric


def test_x2_question_3b_compares_plans_by_totals_as_question_3_grades_them():
    """X2: question 3b asked for what each plan adds "per day", the heuristic question 3's
    check rejects, and the model answer argued from rates per day. The prompt now asks for
    totals and days; the model answer argues from totals, and its totals are the rule's."""
    from dataclasses import replace

    from course.scenarios.leverage import best_plan, step_gains

    prompt = _markdown("plan-judgement-text")
    assert "(what each adds in total, in how many days, with what chance)" in prompt
    assert "per day" not in prompt
    rubric = _markdown("plan-judgement")
    assert "a day," not in rubric and "0.18 a day" not in rubric
    assert "per-day rates only as a tie-break" in rubric
    assert "The totals decide, since a day left unused adds nothing." in rubric
    # the model answer's totals at 8 days, as question 3's rule finds them
    s = course.variant(MODULE, "model-1992")
    gains = step_gains(s)
    short = best_plan(replace(s, budget=s.short_budget))
    total = sum(gains[n] for n in short)
    (firms,) = [n for n in s.steps if n.startswith("Ask firms that left Vell")]
    assert firms not in short and total > gains[firms]
    assert f"add {total:.2f} in {sum(s.steps[n][2] for n in short)} days" in rubric
    assert f"The firms alone add {gains[firms]:.2f} in {s.steps[firms][2]} days" in rubric


def test_u3_the_outside_option_limit_is_said_in_plain_words_with_an_example():
    """U3: section 3's limit rested on "what you would get at the table", which only modules
    02 and 03 define, and carried three citations. It is now one plain rule with an example;
    the citations are in the closing notes, and the reflection's prompt and model answer use
    the same words."""
    limits = _markdown("audit-limits")
    assert "at the table" not in limits and "Shaked" not in limits
    # review 112 U6 (round 113): the outside option has its own bullet, read with this one
    bullet = limits.split("**It counts every alternative alike.**")[1].split("- **It rates")[0]
    assert "counts only when it beats what the deal would give you anyway" in bullet
    # review 99 U1: the flat is an outside option, taken by walking out (module 02's words)
    assert "a flat you could move to by walking out lowers the rent only if" in bullet
    assert "an option reached only by walking out" in bullet
    # review 110 U4 (round 111): the name stands where its rule is stated
    assert 'Modules 02 and 03 make "anyway" exact.' in bullet  # review 112 U6
    assert "you anyway (module 03's *deal-me-out* result)." in bullet
    notes = _markdown("summary")
    assert "*Section 3, outside options.* The deal-me-out model is Shaked and Sutton's" in notes
    prompt = _markdown("reflection-text")
    assert "an outside option worth less than what the deal would give you anyway" in prompt
    answer = _markdown("reflection")
    assert "the flats I found move the rent only if they beat what I would get anyway" in answer
    assert "at the table" not in prompt + answer


def test_u4_a_learner_without_a_prepared_ask_is_told_what_to_do():
    """U4: learners with no prepared ask (about one in six) read "No ask of your case makes a
    fair question 3c on your own numbers", the author's notion. They are now told plainly
    that their case has none and to practise on bars of their own."""
    none = [
        s
        for s in (course.variant(MODULE, f"sweep-{i}") for i in range(40))
        if s.prepared_ask is None
    ]
    assert none
    for s in none:
        said = s._bold_text()
        assert "fair question" not in said
        assert "Your case has no ask prepared before the talks." in said
        assert "Practise `reach_plan` on bars of your own (see below)" in said
        assert said.endswith("the check uses its own test cases.")


def test_c1_legitimate_leaves_no_false_impression_and_paltering_is_named():
    """C1: module 02 quotes module 00 as calling legitimate "a true statement that plants no
    false fact", and treats paltering as close to a lie, yet 00's test was only that the
    statement is true and the source really held. Section 6's legitimate bullet and question
    5's feedback for a legitimate tactic now add "leaves no false impression", and section 6
    names paltering with its source."""
    ethics = _markdown("ethics-teaching")
    legit = ethics.split("- **Legitimate leverage.**")[1].split("- **A bluff.**")[0]
    assert "which leaves no false impression" in legit
    # review 98 U1 (round 99): paltering moved to section 6's edge cases
    legit = ethics.split("**Edge cases.**")[1]
    assert "*paltering*" in legit and "about as harshly as a lie" in legit
    assert "Rogers, Zeckhauser, Gino, Norton & Schweitzer, 2017" in legit
    assert check.KIND_TEST["legitimate"].endswith("and it leaves no false impression")
    # the feedback a learner reads for a practice tactic labelled legitimate, in both cases
    seen = 0
    for name in ("rv91-alice", "rv91-bob", "rv91-carol", "rv91-dan"):
        s = practice_for(course.variant(MODULE, name))
        kinds = dict(tactic_key(s))
        for label, kind in kinds.items():
            if kind == "legitimate":
                seen += 1
                said = check.judge_tactic(s, label, kinds)
                assert said.endswith("and it leaves no false impression."), said
    assert seen
