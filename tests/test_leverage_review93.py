"""Review 93 of module 00: what the fresh reader found, and what the text and checks do now.
Each test fails on the text or code before the fix."""

from course.checks import leverage as check
from course.checks.hints import INSTRUCTOR_NOTE
from course.models.audit import leverage_balance
from tests.sweeps import cell_text

MODULE = "00_leverage"

#: The reviewer's one-sided audit of learner rv93-1's deadline case (review 93 X1).
ONE_SIDED = {
    "yours": {"information": 9, "alternatives": 6, "power": 9},
    "theirs": {"information": 1, "alternatives": 1, "power": 2},
    "weights": {"information": 0.3, "alternatives": 0.35, "power": 0.35},
}


def _cell(grade_id):
    return " ".join(cell_text(MODULE, "leverage", grade_id).split())


def test_x1_a_one_sided_audit_passes_with_a_note_for_the_instructor(monkeypatch, capsys):
    """Review 93 X1: facts only lift story rules, so rv93-1's audit, 6.60 points one way,
    passed with both marks and nothing for the instructor to read. It still passes (no
    marks change), now with a note the class report collects."""
    monkeypatch.setenv("LEVERAGE_LEARNER", "rv93-1")
    s = check._own()
    assert s.case == "deadline"
    balance = leverage_balance(ONE_SIDED["yours"], ONE_SIDED["theirs"], ONE_SIDED["weights"])
    assert balance >= check.EXTREME_BALANCE
    assert check.my_audit(lambda: ONE_SIDED) is None
    said = capsys.readouterr().out
    assert "your audit fits the story" in said
    notes = [line for line in said.splitlines() if INSTRUCTOR_NOTE in line]
    assert len(notes) == 1 and f"{balance:+.2f} points" in notes[0]
    assert "marks do not change" in notes[0]


def test_x1_a_balance_below_the_line_gets_no_such_note():
    """The note is for balances of 5 points or more one way only, either way."""
    assert check._extreme_note(check.EXTREME_BALANCE - 0.05) == ""
    assert check._extreme_note(0.6) == ""
    assert INSTRUCTOR_NOTE in check._extreme_note(-check.EXTREME_BALANCE)


def test_x1_question_2_says_what_is_checked_and_who_reads_the_reasons():
    """Review 93 X1: question 2 said the check accepts any audit that contradicts nothing the
    story "and facts" state; it tests the story's lines and the bounds only. It now says so,
    that the facts are for the reasons the instructor reads, and that a balance of 5 points
    or more one way is put before the instructor."""
    text = _cell("q2-text")
    assert "contradicts nothing your story and facts state" not in text
    assert "contradicts none of your story's lines" in text
    assert "your instructor reads" in text
    # review 95 U2: the rule for that note is the instructor's, in the README
    from pathlib import Path

    readme = " ".join((Path(__file__).parent.parent / "README.md").read_text().split())
    assert f"a balance of {check.EXTREME_BALANCE} points or more one way passes" in readme


def test_u2_the_pair_s_weights_are_summed_first_then_split():
    """Review 93 U2 (a): one clause held the double counting, the shared weights and a
    procedure ("... together say how much ...: decide that sum, then split it"). The sum is
    now decided first, in its own sentence, and then split."""
    text = _cell("audit-teaching")
    assert "decide that sum, then split it" not in text
    # review 95 U1: reworded, same order
    assert "decide first how much that dependence counts in all" in text
    assert text.index("counts in all") < text.index("Then share that total")


def test_u2_a_ladder_step_is_named_in_percentage_points_and_months():
    """Review 93 U2 (b): "two of rent" left the unit out, and "a few months more of a price
    hold" was three or six months. Each step the sentence names is one that some case's
    ladder of asks takes, read from the asks themselves."""
    import re
    from itertools import pairwise

    from course.scenarios.leverage import CASES

    text = _cell("shift-teaching")
    assert "two of rent," not in text and "a few months more" not in text
    assert (
        "Each step of the ladder is one percentage point of pay or price, two percentage points "
        "of rent, three to six months of a price hold, or one more month of rent paid ahead"
    ) in text
    gaps = {}
    for case in CASES.values():
        for (_, a), (_, b) in pairwise(case.asks):
            words = [
                w
                for w in ("raise", "price cut", "hold", "% of your full rent", "paid ahead")
                if w in a and w in b
            ]
            if words:
                x, y = (int(re.findall(r"\d+", s)[-1]) for s in (a, b))
                for w in words:
                    gaps.setdefault(w, set()).add(y - x)
    assert gaps["raise"] == {1} and gaps["price cut"] == {1}
    assert gaps["% of your full rent"] == {2} and gaps["paid ahead"] == {1}
    assert gaps["hold"] == {3, 6}


def test_x1_no_reference_audit_is_put_before_the_instructor():
    """The note must mean something: the notebook's own audit of each case stays under 5
    points either way (the sole-source one was -5.10; Ostra's power is now 8, not 9)."""
    from types import SimpleNamespace

    from course.scenarios.leverage import CASES

    source = cell_text(MODULE, "leverage", "my-audit-answer")
    for case in CASES:
        space = {"scenario": SimpleNamespace(case=case)}
        exec(source, space)  # the reference solution, as the notebook defines it
        audit = space["my_audit"]()
        balance = leverage_balance(audit["yours"], audit["theirs"], audit["weights"])
        assert check._extreme_note(balance) == "", (case, balance)
