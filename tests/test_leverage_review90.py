"""Review 90 of module 00 (a negotiation professor's): fixes, each with a test that fails on
the code or text it replaced."""

import re

import pytest

from course.scenarios.leverage import CASES, _widget_news


def _reading(audit, side, source, direction):
    """Show the next news item, give a reading (set ``.value``, ``.click()``) and return the
    widget's words after the question."""
    audit.next_news.click()
    audit.rating.value = f"{side}:{source}"
    audit.direction.value = direction
    audit.check_reading.click()
    shown = re.sub(r"<[^>]+>", "", audit.news.value).split("📰")[-1]
    return shown.split("Which rating does it move, and which way?")[1].strip()


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
