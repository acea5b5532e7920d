"""Module 04's question on meeting the same buyer again
(course.checks.concessions.relationship_reservation): the table it rests on comes from the
engine playing module 04's plan, every learner's relationship is worth something, and the
check names what a wrong answer overlooked."""

import pytest

import course
from course.checks import concessions as check
from course.checks.hints import NotYet
from course.scenarios.concessions import reservation_of

LEARNERS = ["ada", "bo", "learner-7", "hidden-3"]


def relationship_reservation(s, next_year):
    """The notebook's solution, written out independently of the check."""
    return s.alternative_price + s.extra_cost - next_year["deal"] + next_year["polite walk-away"]


def relationship_reservation_by_ending(s, next_year):
    """A second formulation: name the ending that leaves next year best, then subtract."""
    endings = sorted(next_year.items(), key=lambda item: item[1], reverse=True)
    alternative = next(value for ending, value in endings if ending != "deal")
    return s.alternative_price + s.extra_cost - (next_year["deal"] - alternative)


@pytest.mark.parametrize("learner_id", LEARNERS)
def test_next_years_table_comes_from_the_engine_and_keeps_its_order(learner_id):
    """A deal leaves more trust than a polite walk-away, and a polite walk-away more than a
    walk-out (the bots' assumptions); next year's gain follows that order, and a deal is
    worth at least half a thousand next year, so the question has a real answer."""
    s = course.variant("04_concessions", learner_id)
    with course.variants.learner_as(learner_id):
        table = check.next_year(s)
        assert table == check.next_year(s)  # the grader replays it: the same every time
    assert table["deal"] >= table["polite walk-away"] >= table["walk-out"] >= 0
    assert table["deal"] - table["polite walk-away"] >= 0.5
    assert check.adjusted_reservation(s, table) < reservation_of(s)


@pytest.mark.parametrize("learner_id", LEARNERS[:3])
def test_the_right_answer_passes_visible_and_hidden(learner_id):
    s = course.variant("04_concessions", learner_id)
    with course.variants.learner_as(learner_id):
        for answer in (relationship_reservation, relationship_reservation_by_ending):
            check.relationship_reservation.__wrapped__(answer)
            check.relationship_reservation.__wrapped__(answer, hidden=True)
    (flat,) = (t for t in check._tables(s, True) if t["deal"] == t["polite walk-away"])
    assert check.adjusted_reservation(s, flat) == reservation_of(s)  # a deal makes no difference


@pytest.mark.parametrize(
    ("wrong", "words"),
    [
        (lambda s, t: s.alternative_price + s.extra_cost, "without the relationship"),
        (lambda s, t: s.alternative_price + s.extra_cost - t["deal"], "what taking off all of"),
        (
            lambda s, t: s.alternative_price + s.extra_cost - t["deal"] + t["walk-out"],
            "what comparing a deal with a walk-out gives",
        ),
        (
            lambda s, t: s.alternative_price + s.extra_cost + t["deal"] - t["polite walk-away"],
            "moves the wrong way",
        ),
        (lambda s, t: 0, "is further from your reservation price without the relationship"),
    ],
)
def test_each_mistake_is_named(learner, wrong, words):
    with pytest.raises(NotYet, match=words):
        check.relationship_reservation.__wrapped__(wrong)


def test_a_deal_that_makes_next_year_worse_raises_the_reservation_price(learner):
    """A hidden table where a deal costs next year (a low price can become the next talks'
    starting point): the answer is above the reservation price, and a learner who only
    ever lowers it is caught."""
    s = course.variant("04_concessions")
    (worse,) = (t for t in check._tables(s, True) if t["deal"] < t["polite walk-away"])
    assert check.adjusted_reservation(s, worse) > reservation_of(s)

    def only_lowers(s, t):
        alternative = max(t["polite walk-away"], t["walk-out"])
        return s.alternative_price + s.extra_cost - max(t["deal"] - alternative, 0)

    with pytest.raises(NotYet):
        check.relationship_reservation.__wrapped__(only_lowers, hidden=True)


def test_a_wrong_kind_of_answer_is_explained(learner):
    with pytest.raises(NotYet, match="should be a number"):
        check.relationship_reservation.__wrapped__(lambda s, t: "deal")


def test_the_wrong_way_hint_follows_the_sign_of_what_a_deal_does(learner):
    """In the hidden table where a deal makes next year worse, the hint still said 'when a deal
    makes next year better'."""
    s = course.variant("04_concessions")
    (worse,) = (t for t in check._tables(s, True) if t["deal"] < t["polite walk-away"])
    wrong = reservation_of(s) + worse["deal"] - worse["polite walk-away"]
    # the right answers worked out before the check runs: the key refuses inside a learner's call
    right = [(t, check.adjusted_reservation(s, t)) for t in check._tables(s, True)]

    def answer(s, t):
        return wrong if t == worse else next(value for table, value in right if table == t)

    with pytest.raises(NotYet) as failure:
        check.relationship_reservation.__wrapped__(answer, hidden=True)
    hint = str(failure.value)
    assert "moves the wrong way" in hint and "worse than a polite walk-away" in hint
    assert "better" not in hint
