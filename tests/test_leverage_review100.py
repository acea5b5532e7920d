"""Review 99 of module 00 (fixed in round 100). Each test fails on the text or code before
its fix."""

import re

import pytest

import course
from course.checks import leverage as check
from course.checks.hints import NotYet
from course.models.audit import (
    ANSWERED_BY,
    SOURCES,
    their_biggest_lead,
    their_biggest_leads,
    weighted_differences,
)
from course.scenarios.leverage import tactic_key
from course.widgets.audit import LeverageAudit, advice

#: The reviewer's tie: they lead by 0.50 points on information and on alternatives alike.
YOURS = dict(zip(SOURCES, (4, 4, 4), strict=True))
THEIRS = dict(zip(SOURCES, (6, 6, 4), strict=True))
WEIGHTS = dict(zip(SOURCES, (0.25, 0.25, 0.5), strict=True))


def _text(html):
    return re.sub(r"<[^>]+>", "", html)


def test_x1_their_biggest_leads_names_every_source_tied_for_the_lead():
    """X1: the lead was the first minimum in the course's order, so a tie named one source.
    ``their_biggest_leads`` gives every source tied, each behind by the same weighted
    difference; ``their_biggest_lead`` keeps giving the first of them."""
    differences = weighted_differences(YOURS, THEIRS, WEIGHTS)
    most = -min(differences.values())
    tied = tuple(s for s in SOURCES if -differences[s] == pytest.approx(most))
    assert len(tied) == 2
    assert their_biggest_leads(YOURS, THEIRS, WEIGHTS) == (tied, pytest.approx(most))
    assert their_biggest_lead(YOURS, THEIRS, WEIGHTS) == (tied[0], pytest.approx(most))
    # a lead without a tie, thirds that tie only after float noise, and no lead at all
    assert their_biggest_leads(YOURS, {**THEIRS, "alternatives": 5}, WEIGHTS)[0] == tied[:1]
    thirds = dict.fromkeys(SOURCES, 1 / 3)
    assert their_biggest_leads(YOURS, dict.fromkeys(SOURCES, 6), thirds)[0] == SOURCES
    assert their_biggest_leads(THEIRS, YOURS, WEIGHTS) is None


def test_x1_the_advice_names_both_tied_sources_and_the_levers_for_each():
    """X1, the reviewer's case played on the widget's sliders (weights 5, 5 and 10 units):
    the advice named information alone, "furthest ahead", and only its levers, though
    alternatives was as far behind. It now names both, tied, and what answers each."""
    audit = LeverageAudit("salary")
    for source in SOURCES:
        audit.yours[source].value = YOURS[source]
        audit.theirs[source].value = THEIRS[source]
        audit.weights[source].value = round(WEIGHTS[source] * 20)
    words = _text(audit.advice.value)
    assert words == _text(advice(YOURS, THEIRS, WEIGHTS))
    (tied, points) = their_biggest_leads(YOURS, THEIRS, WEIGHTS)
    assert (
        f"They are furthest ahead on {' and '.join(tied)}, tied: a weighted difference of {points:.2f} points on each"
        in words
    )
    for source in tied:
        levers, why = ANSWERED_BY[source]
        assert f"{source} {THEIRS[source]:g} against your {YOURS[source]:g}" in words
        assert f": your {' or your '.join(levers)} ({why})." in words
        assert f"What answers {source}" in words
    assert "What answers it" not in words


def _tactic_learner():
    """A learner whose own case has a tactic that is legitimate leverage."""
    for i in range(50):
        s = course.variant("00_leverage", f"r-{i}")
        labels = [label for label, kind in tactic_key(s).items() if kind == "legitimate"]
        if labels:
            return s, labels[0]
    raise AssertionError("no learner of 50 has a legitimate tactic")


@pytest.mark.parametrize("spelled", ["legitimate leverage", check.KIND_NAME["legitimate"].title()])
def test_x2_legitimate_leverage_counts_as_legitimate(spelled):
    """X2: "a bluff", "a misrepresentation" and "an illegitimate source" were accepted, but
    "legitimate leverage", section 6's heading and the practice feedback's own words
    (``KIND_NAME``), got a form error. It now counts as "legitimate", in the visible form
    check and in the graded judgement alike."""
    s, label = _tactic_learner()
    kinds = {**tactic_key(s), label: spelled}
    assert check.judge_tactic(s, label, kinds).startswith(f"{label} is legitimate leverage")
    check._tactic_kinds(s, kinds)
    with pytest.raises(NotYet):  # still no other words
        check.judge_tactic(s, label, {**kinds, label: "legitimate move"})
