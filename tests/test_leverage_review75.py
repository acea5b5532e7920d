"""Review 75 (module 00): the fixes each failed on the old code or text."""

from pathlib import Path

from course.scenarios.leverage import _TACTICS
from tests.notebooks import source_notebook

CASE_KEYS = ("salary", "supplier", "sole-source", "deadline")


def _markdown(grade_id):
    cell = next(
        c
        for c in source_notebook("00_leverage", "leverage").cells
        if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id
    )
    return " ".join(cell.source.split())


def test_x1_a_tactics_group_number_names_no_kind_across_cases():
    """Review 75 X1: question 5's ``group`` numbers, in the package, named the same kind in
    every case (1 illegitimate, 2 legitimate, 3 bluff, 4 misrepresentation), so one obvious
    tactic decoded every case. Each number now names more than one kind across the cases.
    Fails on the old code."""
    for number in {t.group for t in _TACTICS}:
        kinds = {t._kind for t in _TACTICS if t.group == number}
        assert len(kinds) > 1, (number, kinds)


def test_x1_a_tactics_place_in_its_case_names_no_kind_across_cases():
    """Review 75 X1, the same fault elsewhere: each case's tactics were listed in the package
    in one order of kinds (two legitimate, two bluffs, two misrepresentations, the
    illegitimate ones, then the threat), the same in every case, so a tactic's place named
    its kind as its group number did. No place now holds one kind in every case. Fails on
    the old code."""
    by_case = {key: [t._kind for t in _TACTICS if t.case == key] for key in CASE_KEYS}
    for place in range(min(len(kinds) for kinds in by_case.values())):
        kinds = {by_case[key][place] for key in CASE_KEYS}
        assert len(kinds) > 1, (place, kinds)


def test_x1_the_instructor_note_says_what_group_gives_away():
    """Review 75 X1: the note to instructors said the package keeps which tactics share a
    kind 'not which kind that is'; one obvious tactic names its group. Fails on the old
    text."""
    # review 77 U7: the note moved from question 1b's rubric to the README
    readme = (Path(__file__).parent.parent / "README.md").read_text()
    note = " ".join(readme.split("#### Module 00: what its labels protect")[1].split())
    assert "not which kind that is" not in note
    assert (
        "it shows which of a learner's tactics share a kind, so one obvious tactic then names "
        "its group; a number means nothing across cases" in note
    )


SOURCES = ("information", "alternatives", "power")


def _audit(yours, theirs, weights):
    return {
        key: dict(zip(SOURCES, part, strict=True))
        for key, part in (("yours", yours), ("theirs", theirs), ("weights", weights))
    }


def _supplier_learners(count=400):
    import course

    drawn = (course.variant("00_leverage", f"r75-{i}") for i in range(count))
    return [s for s in drawn if s.case == "supplier"]


def test_x2_vells_alternatives_may_be_rated_the_middle_of_the_scale():
    """Review 75 X2: question 2 capped Vell's alternatives at 4, though the story says
    nobody knows yet how much Vell needs your order, and the reviewer's audit (5, 5, 3) /
    (7, 5, 7) / (0.4, 0.3, 0.3) was refused for every supplier learner. The cap is now 5,
    the middle; 6 is still refused (review 102 X3: since round 103 6 passes, with a note).
    Fails on the old code."""
    from course.checks import leverage as check

    learners = _supplier_learners()
    assert len(learners) > 50
    for s in learners:
        assert check.judge_audit(s, _audit((5, 5, 3), (7, 5, 7), (0.4, 0.3, 0.3)))
        assert (
            check._past_a_bound(
                s, *check.judge_audit(s, _audit((5, 5, 3), (7, 5, 7), (0.4, 0.3, 0.3)))
            )
            == ""
        )
        # review 102 X3 (round 103): 6 passes too, with a note naming the bound of 5
        over = check.judge_audit(s, _audit((5, 5, 3), (7, 6, 7), (0.4, 0.3, 0.3)))
        assert "the course would rate Vell's alternatives at most 5" in check._past_a_bound(
            s, *over
        ), s.learner


def test_x2_your_alternatives_may_be_7_once_both_makers_have_quoted():
    """Review 75 X2: your alternatives were capped at 6 even for a learner who drew "Bellpak
    and Corrin have both quoted for your order", where a 7 is defensible. For those learners
    the cap is 7; for the others it stays 6. The step ceiling (8) and every drawn starting
    audit are as before. Fails on the old code."""
    from course.checks import leverage as check
    from course.scenarios.leverage import QUOTES, ceilings

    assert ceilings("supplier") == {"alternatives": 8}
    seen = {True: 0, False: 0}
    for s in _supplier_learners():
        quoted = QUOTES in s.facts.values()
        seen[quoted] += 1
        seven = _audit((5, 7, 3), (7, 4, 7), (0.4, 0.3, 0.3))
        too_high = _audit((5, 8, 3), (7, 4, 7), (0.4, 0.3, 0.3))
        if quoted:
            assert check.judge_audit(s, seven)
        if quoted:
            assert check._past_a_bound(s, *check.judge_audit(s, seven)) == ""
        # review 102 X3 (round 103): a rating past the bound passes, with a note naming it
        for audit, bound in ((too_high, 7 if quoted else 6),) + (() if quoted else ((seven, 6),)):
            note = check._past_a_bound(s, *check.judge_audit(s, audit))
            assert f"the course would rate your alternatives at most {bound}" in note, s.learner
    assert min(seen.values()) > 10, seen


def test_x3_weights_split_in_thirds_are_told_how_to_write_them():
    """Review 75 X3: weights of 0.33, 0.33, 0.33 were refused with "weights must sum to 1,
    got 0.99" alone, and a learner splitting evenly may not see the fix. The shared message
    (course/models/validation.py, which module 00 reaches through the audit's weights; module
    05's audit has graded no weights since review 78 X1) now says how to write thirds; a
    miss that is neither an even split nor rounding gets no such advice. Fails on the old
    code."""
    import pytest

    from course.checks import leverage as check
    from course.checks.hints import NotYet
    from course.models.validation import sums_to_one

    thirds = "(to split 1 evenly in 3, write 1/3 for each, or 0.33, 0.33 and 0.34)"
    s = _supplier_learners(40)[0]
    with pytest.raises(NotYet) as refusal:
        check.judge_audit(s, _audit((5, 5, 3), (7, 5, 7), (0.33, 0.33, 0.33)))
    assert f"weights must sum to 1, got 0.99 {thirds}" in str(refusal.value)
    with pytest.raises(ValueError) as refusal:
        sums_to_one([0.17, 0.33, 0.49], "weights")
    assert "write a third as 1/3, not 0.33" in str(refusal.value)
    with pytest.raises(ValueError) as refusal:
        sums_to_one([0.5, 0.4], "probabilities")
    assert str(refusal.value) == "probabilities must sum to 1, got 0.9"


def test_u3_a_balance_of_zero_never_shows_as_minus_zero(monkeypatch, capsys):
    """Review 75 U3: "-0.00" was shown to learners: the own balances after question 4b
    printed "after N4 -0.00" for learner-6 (a balance 1e-16 below 0), and the widget, its
    chart and the checks used the same format. Every such display now goes through
    ``signed``. Fails on the old code."""
    import course
    from course.checks import leverage as check
    from course.models.audit import signed
    from course.pictures import audit_bars
    from course.scenarios.leverage import news_key
    from course.widgets.audit import LeverageAudit

    assert (signed(-1e-16), signed(0.6), signed(-2.5), signed(-0.006)) == (
        "+0.00",
        "+0.60",
        "-2.50",
        "-0.01",
    )
    monkeypatch.setenv("LEVERAGE_LEARNER", "learner-6")
    s = course.variant("00_leverage", "learner-6")
    right = news_key(s)
    check.own_balances(lambda: right)
    shown = capsys.readouterr().out
    assert "after N4 +0.00" in shown and "-0.00" not in shown
    weights = dict(zip(SOURCES, (0.55, 0.35, 0.1), strict=True))
    yours, theirs = (dict(zip(SOURCES, r, strict=True)) for r in ((3, 6, 6), (4, 5, 4)))
    assert "-0.00" not in audit_bars(yours, theirs, weights, -8.9e-16)
    audit = LeverageAudit()
    audit._set(yours, theirs, weights)
    assert "<b>Balance +0.00 points</b>" in audit.summary.value


def test_c1_the_audit_says_the_one_belief_it_rates_on_purpose():
    """Review 75 C1: section 3 said the audit "rates what each side has, not what the other
    side believes it has", yet section 2 files the other side's trust in your word, a
    belief, as your power. The limit now names that one belief. Fails on the old text."""
    limits = _markdown("audit-limits")
    sources = _markdown("sources-teaching")
    assert "the other side's trust in its word" in sources
    assert (
        "not what the other side believes it has** (one belief excepted, on purpose: their "
        "trust in your word, filed as your power)" in limits
    )


def test_u1_question_2_names_single_ratings_as_a_bound_not_as_what_it_accepts():
    """Review 75 U1: question 2 listed "a few single ratings (such as high alternatives for
    a side with nowhere else to go)" among what the check accepts, which read as a rating
    it requires. It now says no single rating the story plainly rules out. Fails on the old
    text."""
    q2 = _markdown("q2-text")
    assert "a few single ratings" not in q2
    # review 102 X3 (round 103): a rating past such a bound now passes with a note, said
    # after the list of what is refused
    assert (
        "A rating past a bound the course sets on your story's plainest facts (such as high "
        "alternatives for a side with nowhere else to go), or a comparison of the two sides "
        "that your story implies without stating, passes with a note" in q2  # review 112 X1
    )


def test_u2_section_4_says_once_that_need_and_bold_are_both_bars():
    """Review 75 U2: the bar went by three names (bar, ``scenario.bar``,
    ``scenario.prepared_ask[0]``). Section 4, where the bar is defined, now says once that both
    fields are bars, and says it nowhere else. Fails on the old text."""
    # review 77 U2: section 4 now defines both fields, once; review 78 U2: question 3c does,
    # where they are used, and section 4 defines only the bar
    said = "`scenario.bar` is the bar of the ask"  # review 79 U2, review 83 U1
    # review 96 U4: where it is used, question 4b (3c uses only the prepared ask's bar)
    assert said in _markdown("q4b-text")
    from tests.notebooks import source_notebook

    text = " ".join(
        " ".join(c.source.split())
        for c in source_notebook("00_leverage", "leverage").cells
        if c.cell_type == "markdown"
    )
    assert text.count(said) == 1 and "calls it `need`" not in text


def test_u4_the_breakdown_payoff_note_says_less_than_what():
    """Review 75 U4: the side note said each unit of breakdown payoff adds half a unit to
    your share "(less when the cost of delay pushes too)", less than what unsaid. It now
    says less than half. Fails on the old text. Review 76 U1 cut the note: module 02 alone
    states the half-unit rule, so module 00 cannot misstate it."""
    limits = _markdown("audit-limits")
    assert "(less when the cost of delay pushes too)" not in limits
    assert "breakdown payoff" not in limits and "half a unit" not in limits


def test_u5_the_supplier_threat_keeps_to_the_stories_three_month_switch():
    """Review 75 U5: a supplier tactic threatened to move the whole order to Bellpak "next
    month", which the story's three-month switch rules out, so the threat was not credible
    on its face and muddled the bluff it shows. It now says "in three months"; no tactic or
    news item of the supplier case promises a switch sooner than the story allows, and the
    grader's keys follow the new text. Fails on the old text."""
    import json
    import re
    from pathlib import Path

    from course.scenarios.leverage import _NEWS, _PRACTICE_TACTICS

    supplier = [t.text for t in (*_TACTICS, *_PRACTICE_TACTICS) if t.case == "supplier"]
    supplier += [n.text for n in _NEWS if n.case == "supplier"]
    assert not [t for t in supplier if re.search(r"\b(Bellpak|Corrin)\b.*\bnext month\b", t)]
    threat = next(t for t in _TACTICS if "whole order to Bellpak" in t.text)
    assert "whole order to Bellpak in three months unless it cuts its price" in threat.text
    keys = json.loads(
        (Path(__file__).resolve().parents[1] / "grader-keys" / "00_leverage.json").read_text()
    )["tactics"]
    # review 112 C2 (round 113): misrepresentation first, bluff still accepted
    assert keys[threat.text] == ["misrepresentation", "bluff", False]
