"""Review 93 of module 02: what the fresh reader found, and what the checks say now. Each
test fails on the code before the fix."""

import pytest

import course
from course.checks import batna as check
from course.checks.hints import NotYet
from course.models.batna import flatten
from course.scenarios.batna import alternatives_of, batna_of
from course.variants import learner_as


@pytest.mark.parametrize("learner", ["rv93b", "ada", "sweep-7", "sweep-12"])
def test_x1_a_right_reservation_salary_on_a_best_case_choose_batna_is_sent_to_question_2(
    learner,
):
    """Review 93 X1: a learner whose choose_batna compares best cases (the slip question 2's
    check names) and whose reservation_salary is right (its BATNA's value plus the commute)
    was told "it matches no slip the check knows ... reread section 3"; section 3 is not
    where the fault lies. The hint now names the best case and sends the learner to
    question 2."""
    offers = course.variant("02_batna", learner)
    best_case = max(max(a for _, a in flatten(t)) for t in alternatives_of(offers).values())
    if best_case == pytest.approx(batna_of(offers)[1]):
        pytest.skip("this learner's best case is their BATNA's expected value")
    with learner_as(learner), pytest.raises(NotYet) as hint:
        check.judge_reservation_salary(offers, best_case + offers.commute_cost)
    said = str(hint.value)
    assert "best case" in said and "question 2" in said and "reread section 3" not in said
    assert "question 2" in hint.value.general
