"""Review 90 of module 00 (a negotiation professor's): fixes, each with a test that fails on
the code or text it replaced."""

import pytest

import course
from course.checks import leverage as check
from course.checks.hints import NotYet
from course.scenarios.leverage import _FACTS, CASES, _widget_news, fact_key, news_readings
from tests.sweeps import cell_text
from tests.test_leverage_review88 import _reading

MODULE = "00_leverage"

#: The one rule for a weakness of theirs that you know of. Review 91 U1: it is stated once,
#: with its reason, in section 2's side note, and questions 1 and 4a point there. Review 96
#: U2: it now says that a weakness you learn is two facts, one per row (the earlier pin,
#: "Knowing it is your information; the weakness itself lowers their row", is superseded).
#: Review 97 U1: question 1 needs only the sorting's first question, so the rule for news
#: is stated in question 4a, where it is applied, and section 2's side note drops it.
#: Review 99 C1: question 4a now gives the reason (the news may show you rated their row
#: too high) and says "not both". Review 108 C2 (round 109): one rule with one reason, your
#: power up accepted too, as the other row of the same dependence. Review 112 C1 (round
#: 113): not your power, since the news is about them (section 2).
RULE = (
    "News in which you learn of a weakness or deadline of theirs may show you rated the row it weakens too high: "
    "lower that row or raise your information, one move only. Each earns the item. Not "
    "your power: the news is about them, and it changes what you know, not what you hold "
    "(section 2)."
)


def _markdown(grade_id):
    return " ".join(cell_text(MODULE, "leverage", grade_id).split())


def _weakness_facts():
    """Question 1's facts in which you know a weakness of theirs: your information, easily
    taken for their alternatives (the key's look-alike)."""
    return {
        f.text
        for f in _FACTS
        if (f._source, f._side, f._lookalike) == ("information", "you", "alternatives")
    }


def test_c1_section_2_questions_1_and_4a_and_the_take_away_state_one_rule():
    """Review 90 C1: section 2 filed "you know that the printer lost its biggest client" as
    your information, question 1 accepted only that, question 4a accepted their row too,
    and the take-away said a weakness of theirs is "rated in its own row". The four places
    now state one rule in the same words, and the grading does what it says: question 1
    refuses their row for a fact that reveals a weakness of theirs (question 1b asks why it
    does not belong there), question 4a accepts it for news. Fails on the old text."""
    assert RULE in _markdown("q4-text")
    assert "By the first question, knowing a weakness of theirs is your information." in (
        _markdown("q1-text")
    )
    assert "rated in its own row" not in _markdown("summary")
    assert "Their weakness is rated once" not in _markdown("sources-teaching")

    weak = _weakness_facts()
    assert len(weak) == len(CASES)  # one per case, each a question 1b fact
    seen = 0
    for i in range(200):
        s = course.variant(MODULE, f"sweep-{i}")
        key = fact_key(s)
        for letter, text in s.facts.items():
            if text not in weak:
                continue
            seen += 1
            assert key[letter] == ("information", "you")
            assert check.judge_fact(s, letter, dict(key)) == f"fact {letter} is right."
            with pytest.raises(NotYet, match=f"fact {letter} is not alternatives"):
                check.judge_fact(s, letter, dict(key) | {letter: ("alternatives", "them")})
        for readings in news_readings(s).values():
            if len(readings) == 2:  # news revealing a weakness of theirs: either reading
                (side, source, change), (their_side, row, their_change) = readings
                assert (side, source, their_side, row) == ("you", "information", "them", row)
                assert row in ("information", "alternatives", "power") and row != "information"
                assert change > 0 and their_change == -change
    assert seen


def test_x1_the_widget_accepts_their_row_down_for_news_revealing_a_weakness():
    """Review 90 X1: the widget's first deadline item (a demolition notice: Brannock's move
    cannot slip past six weeks) read "their alternatives, down" got "Not quite: it moves your
    information, up", though question 4a grades that reading right. For every widget item
    that reveals a weakness of theirs, that reading now gets "Right too" and the widget still
    applies the course's reading; their row read up is still wrong, and items that reveal no
    weakness keep one right reading. Played in the widget. Fails on the old code."""
    from course.widgets.audit import LeverageAudit

    flagged = 0
    for key in CASES:
        items = _widget_news(key)
        for n, item in enumerate(items):
            size = abs(item._change)
            for direction, right_too in (("down", True), ("up", False)):
                if not item._weakens and direction == "up":
                    continue
                audit = LeverageAudit(key)
                for before in items[:n]:  # read the earlier items as the course does
                    _reading(
                        audit,
                        before._side,
                        before._source,
                        "up" if before._change > 0 else "down",
                    )
                row = item._weakens or next(
                    s for s in ("information", "alternatives", "power") if s != item._source
                )
                report = _reading(audit, "them", row, direction)
                if item._weakens and right_too:
                    flagged += 1
                    assert report.startswith("Right too:"), (key, item.text, report)
                    assert f"lowers their {row}" in report and "question 4a" in report
                else:
                    assert not report.startswith("Right"), (key, item.text, report)
                # the move applied is the course's reading, whatever the learner said
                owner = "Your" if item._side == "you" else "Their"
                assert f"{owner} {item._source} rating" in report, report
                assert size > 0
    # the reviewer counted six practice items that carry the row; the widget plays four of
    # them (the other two are question 4a's practice news, which it never plays)
    assert flagged == sum(1 for key in CASES for item in _widget_news(key) if item._weakens)
    assert flagged > 0


def test_x1_the_verdict_checks_the_row_it_is_given():
    """The verdict stays in the model and refuses a row that is not a source."""
    from course.models.audit import reading_verdict

    right = ("you", "information", 2)
    assert reading_verdict(("them", "alternatives", False), right, "alternatives").startswith(
        "Right too:"
    )
    assert reading_verdict(("them", "alternatives", False), right).startswith("Not quite")
    assert reading_verdict(("you", "information", True), right, "alternatives") == "Right."
    with pytest.raises(ValueError, match="luck"):
        reading_verdict(("them", "alternatives", False), right, "luck")


def test_u1_the_ratings_caveat_sits_beside_the_ladder_it_qualifies():
    """Review 90 U1: the warning that the exercises count finer than ratings can show was
    in the closing notes, far from section 5's ladder of quarter-point steps. It is now in
    the ladder paragraph, once. Fails on the old text."""
    ladder = _markdown("shift-teaching").split("**ladder**")[1].split("A step is mostly")[0]
    assert "half a point" in ladder and "the exercises count finer" in ladder
    notes = _markdown("summary")
    assert "count finer" not in notes and "*Section 3, the cut-offs.*" not in notes
