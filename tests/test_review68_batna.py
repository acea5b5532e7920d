"""Module 02, review 68: the points of the specialist's review that code can check."""

import functools

import pytest

import course
from course.checks import batna as check
from course.checks.hints import NotYet
from course.scenarios.batna import statements_of
from tests.notebooks import solution_namespace


def _cell(grade_id):
    from tests.sweeps import cell_text

    return " ".join(cell_text("02_batna", "batna", grade_id).split())


@functools.lru_cache(maxsize=1)
def _solutions():
    return solution_namespace("02_batna", "batna")


def _true_claim_learners(count):
    """The first ``count`` learners whose claim about the least they would accept is true
    (a figure below their reservation price for the job as offered)."""
    found = []
    for n in range(200):
        who = f"floor-{n}"
        said = statements_of(course.variant("02_batna", who))
        claim = [s for s in said if s._kind == "bluff" and s._label == "honest"]
        if claim:
            found.append((who, claim[0]))
        if len(found) == count:
            return found
    raise AssertionError("too few learners with a true claim about their limit")


def test_a_true_claim_below_the_limit_passes_as_honest_or_as_bluff():
    """Review 68 X3: "I could not accept anything under X", with X below your reservation
    price, was marked honest only, though section 6 defines a bluff as false about the least
    you would accept and Northwind hears X as your limit. Both labels now pass, at the
    visible judge and at grading (three eighths each); a warning or a misrepresentation
    still does not, and section 6 says so in one line."""
    from course.variants import learner_as

    choose = _solutions()["label_statements"]
    for who, claim in _true_claim_learners(6):
        for label in ("honest", "bluff"):
            said = check.judge_statement(claim, {claim.letter: label})
            assert f"statement {claim.letter}, {label!r}" in said
        for label in ("warning", "misrepresentation"):
            with pytest.raises(NotYet):
                check.judge_statement(claim, {claim.letter: label})
        offers = course.variant("02_batna", who)
        with learner_as(who):
            full = check.label_statements(choose, hidden=True)
            called_bluff = check.label_statements(
                lambda o, c=claim: {**choose(o), c.letter: "bluff"}, hidden=True
            )
        assert full.earned == full.possible, who
        assert called_bluff.earned == full.earned, who
        assert choose(offers)[claim.letter] == "honest"  # the model answer is still right
    text = " ".join(_cell("honest-teaching").split())
    assert 'Northwind hears 90,000 as your limit, which is false, so "bluff" counts too.' in text
