"""Module 05, review 72: the model reflection's subjective value (E1), question 5's hints
for a learner without the letter (X1), question 7's plan that keeps steps from growing
(X3) and the small text items (C1 to C3, U2 to U5)."""

import re
from pathlib import Path

import pytest

import course
from course.scenarios import capstone as scenario

SOURCE = Path(course.__file__).parents[1] / "source" / "05_capstone" / "capstone.py"


def _section(grade_id):
    cell = SOURCE.read_text().split(f'grade_id": "{grade_id}"')[1].split("# %%")[0]
    return " ".join(line.removeprefix("#").strip() for line in cell.splitlines())


def _points(case, package):
    return sum(case.theirs[issue][level] for issue, level in package.items())


def test_the_model_reflections_subjective_value_fits_its_own_deal():
    """E1: the model answer said Marlow's buyers would find the price fair and feel heard
    on the rush, while its deal at 140 is list price, the full volume and no 3-week rush,
    12 points above Marlow's reservation price. The paragraph now gives those numbers,
    recomputed here, and says how the buyers feel about themselves. Failed on the old
    text. Review 98 C1 (round 100): the model answer follows the reference plan (module
    04's shape), whose deal is its second step, 125: list price, 6k units in 8 weeks.
    Review 110 C1 (round 111): the plan's steps shrink (155, 125, 105), so 125 is its first
    step, which the model answer now takes to the deal."""
    from tests.test_capstone_review100 import reference_plan

    reflection = _section("reflection")
    assert "feel heard on the rush" not in reflection
    case = course.variant("05_capstone", "learner-1354")
    deal, profit, _ = reference_plan(case)[1]
    assert deal["price"] == "€48" and deal["volume"] == "6k units"
    assert deal["delivery"] == "8 weeks"
    # review 102: the 42 points include the payment term (90 days, 19 points), now named
    assert deal["payment"] == "90 days" and case.theirs["payment"]["90 days"] == 19
    points = _points(case, deal)
    assert points == 42 and case.reservation_if_not == 22
    assert profit - scenario.reservation_of(case) == 34.75
    assert (
        "Its buyers paid list price for 6k units in 8 weeks, paid at 90 days: 42 points, 20 "
        "above their reservation price (22)." in reflection
    )
    assert "about themselves" in reflection


def test_every_question_5_hint_is_true_with_and_without_the_letter():
    """X1: the hint for an opening more than one step beyond the estimate said question 5
    accepts one step beyond, which for a learner without a signed letter was false. Review
    73 E1 then made the step room for the counter-offer from every learner (the letter
    grounds no opening). Every branch of the opening's hint is tried on learners with and
    without the letter: no hint is shown for an opening that passes, which is the estimate
    or the step beyond for both, and no hint makes the step turn on the letter."""
    from course.checks.capstone import NotYet, _opening_hint, judge_opening

    seen = {}
    for n in range(40):
        case = course.variant("05_capstone", f"learner-{n}")
        signs = scenario.signs_letter(case)
        beyond = scenario.beyond_of(case)
        opening = scenario.opening_of(case)
        for package, you, them in scenario.package_rows(case):
            found = _opening_hint(case, package)
            if found is None:
                judge_opening(case, [package])  # no hint: it passes
                # review 102 C2 (changed on purpose): the opening or the step beyond
                assert (you, them) == _points_pair(case, opening) or (
                    beyond is not None and (you, them) == tuple(beyond[1:])
                )
                seen.setdefault("passes", set()).add(signs)
                continue
            hint, general = found
            assert "letter" not in hint and "letter" not in general
            with pytest.raises(NotYet):
                judge_opening(case, [package])
            branch = next(marker for marker in _BRANCHES if marker in hint)
            seen.setdefault(branch, set()).add(signs)
            # review 102 C2: the step beyond passes (``found`` is None), never hinted
            assert beyond is None or (you, them) != tuple(beyond[1:])
    assert all(signers == {True, False} for signers in seen.values()), seen
    assert len(seen) >= 8, seen


#: A phrase of each branch of the opening's hint, in the order the hint tries them.
_BRANCHES = (
    # review 102 U4: "its low reservation price" names Marlow's reservation price
    "less than a quarter of its low reservation",
    # review 102 C2 (changed on purpose): the step beyond passes again; openings further
    # out get their own hint
    "only one step further along the Pareto frontier",
    "below your reservation price",
    "average of Marlow's two reservation prices",
    "enough even if Quell has capacity",
    "it is the best package that gives Marlow at least",
    "search every package",
    "prefer it",
)


def _points_pair(case, package):
    return (
        sum(case.yours[issue][level] for issue, level in package.items()),
        _points(case, package),
    )


def test_question_7_says_the_offers_are_a_shrinking_subsequence_of_the_map():
    """X3: question 7 grades a map whose steps grow and take terms back, and only the
    appendix said to pass over a package so that no step grows. The question now says the
    offers to send are a shrinking subsequence of the map, and why the check grades the
    map (a shrinking subsequence is not unique: from the opening straight to the map's
    last package is one). Failed on the old text."""
    q7 = _section("q7-text")
    assert "At this table you send the plan's packages in order, one per step" in q7  # review 76 U3
    # review 83 C2: the human-table advice is one line in section 5 (test_review84)
    assert "pass over a package whose step would cost you more than the one before" not in q7
    assert "no check could pick one" not in q7  # review 79 C1: question 8 grades the sending
    summary = _section("summary")
    # review 86 C1: each step traded for something, as module 04 teaches
    # review 90 C1: the summary gives module 04's rule without a bot's caveat
    assert "with a person, make shrinking steps, each traded for something" not in " ".join(
        summary.split()
    )


def test_the_small_text_items_of_review_72():
    """C1: section 5 counted two departures from module 04 where there are four (the
    smallest step, not the best rate; the second free trade the check accepts; past both
    targets; growing steps and take-backs). C2: the open alternatives row's reason fitted
    only weeks that favour Marlow. C3: 'count a deadline here and nowhere else' clashed
    with module 00, which files knowing the other side's deadline as information. U2, U3:
    unclear referents. U4: the rubric's 'last two' unnamed. U5: 'the likelier state' is not
    defined for every learner. Each failed on the old text."""
    plan = _section("plan-teaching")
    # review 75 X2: the second free trade is no longer a departure (any passes); review 78
    # U1: the departures are said once, in the appendix
    # review 90 C1, U3: the departures are one boxed note in section 5
    assert "How this plan departs from module 04 is in the appendix." not in plan
    # review 80 X2: why Marlow's weeks do not count is said once, in rule (b)
    assert "If they point different ways, the row is open." in " ".join(_section("q4-text").split())
    audit = _section("audit-teaching")
    assert "nowhere else" not in audit
    # review 98 U1: the repeat is cut; section 3 opens with the rule it restated
    assert "counts each fact in one place only" in " ".join(audit.split())
    # review 77 U4's note on learners for whom the low state stays less likely: cut in
    # review 86 U1 (tests/test_review86_capstone.py)
    reflection = _section("reflection")
    # review 75 U6: the rubric is a list, the half-mark rule on its own line
    assert "4. what the learner attended to after Marlow's opening, and the steps set" in (
        reflection
    )
    assert "Part (1), four points, a quarter mark each" in reflection  # review 80 X3
    assert "likelier state" not in reflection
    assert "my target for the state Marlow's answers pointed to (125)" in reflection


def test_the_reflection_questions_keep_their_list_indentation():
    """U4: two lines of the reflection's numbered list lost their indentation."""
    cell = SOURCE.read_text().split('grade_id": "reflection-text"')[1].split("# %%")[0]
    lines = cell.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("# 1. "))
    for line in lines[start:]:
        if line.strip() in ("#", ""):
            continue
        assert re.match(r"# (\d\. |   \S)", line), line


def test_review73_the_audit_rule_states_its_bias_and_the_set_is_not_a_meso():
    """Review 73 C4: the alternatives row leaves Tallis's deal cost (the audit) out of its
    share while Marlow's reservation prices keep any cost of its deal, a lean towards
    Marlow the teaching text admitted but question 4's rule did not state; it now does.
    X4: the diagnostic set only tests the research (a Marlow scoring as the research says
    never prefers a partner), so the text says it looks like module 04's multiple offers
    (a MESO) but is not one; the acronym stays module 04's (review 57 C1). U2: rule (c)
    and the tolerance sentence read plainly. Failed on the old text."""
    q4 = " ".join(_section("q4-text").split())
    assert (
        "Marlow's reservation prices include its own deal costs, yours here does not, so the "
        "rule slightly favours Marlow." in q4  # review 80 U1: shorter; review 83 U4: plain
    )
    assert (
        "If one of (a) and (b) favours a side and the other is neutral or agrees, the "
        "alternatives row favours that side." in q4
    )  # review 78 X1: a verdict, not ratings
    # review 83 U1: the tolerance is said by the check's message (test_review84)
    assert "where the row turns on a share gap within 0.01 of its line" not in q4
    opening = " ".join(_section("opening-teaching").split())
    # review 77 C3: it is module 04's MESO, used here only as a test of the research;
    # review 82 U1: said in one sentence
    # review 110 C3 (round 111): the sentence now follows 'so the pick tests that research:'
    assert "if Marlow sincerely picks a partner your research scores lower" in opening
