"""Review 93 of module 04 (concessions): section 2's Conceder example agrees with question
2's cap on the first concession (U1); question 7's written part follows question 7 (U3);
"zone" means the ZOPA only (U4). Each test fails on the text or code before this round."""

import re
from itertools import pairwise
from pathlib import Path

import course
from course.checks import concessions as check
from course.checks.concessions import FIRST_SHARE, course_target, reservation_of
from course.checks.hints import NotYet
from course.models.concessions import time_dependent_offer
from tests.sweeps import cell_text
from tests.test_concessions_review89 import MODULE, SOURCE, _cell, _flat


def _example_betas():
    """The βs section 2's printout and curves use, read from the cell."""
    code = cell_text(MODULE, "concessions", "tactics-example")
    printed = re.search(r"for beta in \(([^)]*)\)", code).group(1)
    drawn = re.search(r"betas=\(([^)]*)\)", code).group(1)
    assert printed == drawn
    return [float(beta) for beta in printed.split(",")]


def _held_curve(s, start, target, beta):
    """A learner's question 2 plan from Faratin's curve: a hold in round 2, then the curve
    with ``beta`` from ``start`` to ``target`` over the remaining rounds."""
    last = s.rounds - 2
    return [start] + [time_dependent_offer(t, last, start, target, beta) for t in range(last + 1)]


def _passes(beta, learners=range(150)):
    """Whether a held Faratin plan with ``beta`` passes question 2's rules for every learner
    and opening the check tries; the first failure's message otherwise."""
    for n in learners:
        s = course.variant(MODULE, f"learner-{n}")
        for start in check._openings(s, hidden=True):
            plan = _held_curve(s, start, course_target(s), beta)
            try:
                check._check_plan(plan, start, reservation_of(s), "here", s.their_estimate)
            except NotYet as failure:
                return str(failure)
    return True


def test_u1_the_examples_conceder_gives_at_most_three_fifths_in_its_first_step():
    """Review 93 U1: the only Conceder section 2 showed (β = 5) gave 63% of its concession
    in its first step, against question 2's rule 5 (at most three fifths), so "take the
    Conceder's shape" passed or failed by the learner's round count. The example's Conceder
    is now one the rule allows, on the printout's own curve and as a held plan on every
    learner's case; the text says so, and says a steeper one may not pass."""
    conceders = [beta for beta in _example_betas() if beta > 1]
    assert conceders
    for beta in conceders:
        offers = [time_dependent_offer(t, 10, 100, 40, beta) for t in range(11)]
        steps = [before - after for before, after in pairwise(offers)]
        assert steps[0] <= FIRST_SHARE * sum(steps), (beta, steps[0] / sum(steps))
        assert _passes(beta) is True, beta
    text = _flat()
    claim = (
        "With $\\beta = 2$, a plan's first concession stays within question 2's three fifths; "
        "a steeper Conceder may not."
    )
    assert claim in text
    assert 2.0 in conceders  # the β the sentence names is the one the example shows
    # "may not": a steeper Conceder fails rule 5 on some learner's case, with rule 5's hint
    failure = _passes(3.0)
    assert failure is not True and "more than three fifths" in failure


def _points():
    return {
        grade_id: int(points)
        for points, grade_id in re.findall(
            r'"points": (\d+), "grade_id": "([a-z-]+)"', SOURCE.read_text()
        )
    }


def test_u3_question_7s_written_part_follows_question_7():
    """Review 93 U3: question 6b's written cell asked how far question 7 moved your
    reservation price before question 7 existed, and graded question 7's decision under
    6b's heading. That prompt and its rubric paragraph now sit in a one-mark question 7b
    after question 7's check; 6b keeps its first mark; the module's marks are unchanged."""
    points = _points()
    assert points["low-ball-judgement"] == 1 and points["relationship-judgement"] == 1
    assert sum(points.values()) == 19  # review 112 X2: +1 in Q1
    order = list(_points())
    assert order.index("relationship-test") < order.index("relationship-judgement")
    assert order.index("relationship-judgement") < order.index("reflection")
    low_ball = _cell("low-ball-text")
    assert "Question 6b (1 mark, graded by your instructor)" in low_ball
    assert "question 7" not in low_ball.lower()
    asked = _cell("relationship-judgement-text")
    assert "Question 7b (1 mark, graded by your instructor)" in asked
    assert "moved your reservation price, and why you trust the simulated table that far" in asked
    rubric = _cell("relationship-judgement")
    assert "the size of the learner's move, read from their own table" in rubric
    assert "I moved from 85 to 84.5, half of the 1 the table gives" in rubric
    assert "second mark" not in _cell("low-ball-judgement")
    assert "7 asks which way the relationship moves your price, 7b how far." in _flat()
    assert "Any such move passes; question 7b asks how far you moved, and why." in _flat()


def _markdown():
    """The notebook's markdown, flattened."""
    parts, inside = [], False
    for line in SOURCE.read_text().splitlines():
        if line.startswith("# %%"):
            inside = "[markdown]" in line
        elif inside:
            parts.append(line.lstrip("# ").strip())
    return " ".join(parts)


def test_u4_zone_means_the_zopa_only():
    """Review 93 U4: section 2 called the stretch from your reservation price to your
    estimate of Orchard's "the zone you expect", while section 5 and question 6 mean module
    02's ZOPA by "no zone". The stretch is no longer called a zone, in the text or in the
    checks' messages; the first "zone" is module 02's zone of possible agreement."""
    text = _markdown()
    assert "zone you expect" not in text
    assert "zone you expect" not in Path(check.__file__).read_text()
    first = text.index("zone")
    assert text[first - 5 :].startswith("no **zone of possible agreement** (module 02's ZOPA)")
