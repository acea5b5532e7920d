"""Review 99 (module 05, a fresh reader): items fixed in the capstone."""

import pytest

import course
from course.checks import capstone as check
from course.checks.hints import NotYet
from tests.sweeps import cell_text, passes
from tests.sweeps import run as run_check
from tests.test_review81_capstone import _audit


def test_x1_the_visible_check_refuses_marlows_claimed_wait_where_your_own_case_cannot(
    monkeypatch,
):
    """X1: question 4's visible edges never had Marlow claim the longer wait, so an audit
    that takes its claimed weeks at its buyers' word passed the visible check for every
    learner whose own case cannot show the slip (the reviewer's rv-bob and rv-carol; 117
    of 200), and then failed at grading. A visible edge now has Marlow claim 8 weeks
    against your 3 with the shares open: the slip gets section 2's hint before grading,
    and the discounted reading still passes, visible and hidden."""
    learners = ["rv-bob", "rv-carol"] + [f"learner-{n}" for n in range(40)]
    hidden_alike = 0
    for learner in learners:
        case = course.variant("05_capstone", learner)
        if _audit(case, True) != _audit(case, False):
            continue  # the learner's own case already shows the slip
        hidden_alike += 1
        monkeypatch.setenv("LEVERAGE_LEARNER", learner)
        with pytest.raises(NotYet) as hint:
            run_check(check, "my_audit", lambda s: _audit(s, True))
        said = " ".join(str(hint.value).split())
        assert "your audit fits your case, but not your case with" in said, said
        assert "takes Marlow's 8 weeks of stock at its buyers' word" in said, said
        for hidden in (False, True):
            right = run_check(check, "my_audit", lambda s: _audit(s, False), hidden=hidden)
            assert passes(right), (learner, hidden)
    assert hidden_alike >= 20


def _flat(module, name, grade_id):
    """The text of one markdown cell, its lines joined (``tests.sweeps.cell_text``)."""
    return " ".join(cell_text(module, name, grade_id).split())


def test_c1_the_capstone_names_module_04s_floor_for_sets_and_calls_its_stop_a_convention():
    """C1: module 04's question 5 lets an opening set give the other side less than its
    minimum, down to a quarter of it ("Section 1's grounding rule is for prices"), while
    the capstone said module 04's rule forbade any package below Marlow's need. The
    capstone now names module 04's floor as module 04 states it and calls its own stop a
    stricter convention; its question 5 hint no longer says module 04's rule refuses the
    step beyond."""
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    q5_04 = _flat("04_concessions", "concessions", "q5-text")
    assert "at least a quarter of the points it needs to sign (`s.their_minimum / 4`)" in q5_04
    assert "Section 1's grounding rule is for prices" in q5_04
    opening = _flat("05_capstone", "capstone", "opening-teaching")
    # review 102 C2 (changed on purpose): question 5 accepts one frontier step beyond again,
    # so the capstone no longer stops stricter than module 04; it must still not say that
    # module 04's rule forbids going below Marlow's reservation price
    assert "your opening stops at Marlow's need, a stricter convention" not in opening
    assert "Question 5 accepts that package as your opening too" in opening
    assert "module 04's section 1 rule applies as to a price" not in opening
    hints = (root / "course" / "checks" / "capstone.py").read_text()
    assert "module 04's rule refuses it" not in hints


def test_u2_section_5_shows_how_to_tell_a_cant_give_more_true_only_with_quell():
    """U2: section 5 said to switch targets when a "can't give more" is true only with
    Quell, and nothing showed how to tell. It now gives the reading: the offer's points to
    Marlow, less the smallest loss of one issue moved one level worse for Marlow; if that
    still reaches the low reservation price, the words are true only with Quell. The
    reading, done as the text says, agrees with question 8's key (``shows_quell``) on every
    package where Marlow may say it (``says_true``), over 60 learners."""

    from course.scenarios.capstone import package_rows, says_true, shows_quell

    plan = _flat("05_capstone", "capstone", "plan-teaching")
    # review 101 U3: the reading is worked on rv-alice's numbers (test_capstone_review101)
    # review 102 U2: worked in a small table (test_capstone_review102b)
    # review 106 U1 (round 107): the reading is now the second line of a two-line rule
    assert (
        "switch to the one with Quell if Marlow says it can't give more while its offer, less "
        "its cheapest one-level move worse for it, still reaches its low reservation price. "
        "For rv-alice:" in plan
    )

    def by_the_text(case, package):
        points = sum(case.theirs[i][level] for i, level in package.items())
        losses = [
            case.theirs[i][level] - max(below)
            for i, level in package.items()
            if (below := [p for p in case.theirs[i].values() if p < case.theirs[i][level]])
        ]
        return bool(losses) and points - min(losses) >= case.reservation_if_not

    said, only_with_quell = 0, 0
    for n in range(60):
        case = course.variant("05_capstone", f"learner-{n}")
        for package, _, _ in package_rows(case):
            if not says_true(case, package):
                continue
            said += 1
            key = shows_quell(case, {"cant_give_more": True, "offer": package})
            only_with_quell += key
            assert by_the_text(case, package) == key, (n, package)
    assert said > 100 and only_with_quell > 20, (said, only_with_quell)


def test_review98_c3_question_5_says_module_04s_sets_were_looser_as_module_04_states_them():
    """Review 98 C3: the capstone's MESO (exactly the opening's profit, any two differing
    both ways) is stricter than module 04's (within 5 points, no two giving ground on
    exactly the same issues), and a learner carrying module 04's definition failed without
    warning. Question 5 now says module 04's sets were looser, in module 04's own terms."""
    q5_04 = _flat("04_concessions", "concessions", "q5-text")
    assert "within 5 of your points of each other" in q5_04
    assert "no two give Orchard ground on exactly the same issues" in q5_04
    q5 = _flat("05_capstone", "capstone", "q5-text")
    assert (
        "Module 04's sets were looser: within 5 points, not giving ground on exactly the same "
        "issues." in q5
    )
    assert "Each is a different package worth exactly the opening's profit" in q5
    assert "Any two packages differ both ways" in q5
