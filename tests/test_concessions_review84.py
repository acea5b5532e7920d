"""Review 83 of module 04 (a fresh reader's, on 4df03cb): fixes, each with a test that
fails on the text or code it replaced."""

import inspect

from course.checks import concessions as check
from tests.notebooks import solution_namespace, solutions
from tests.sweeps import passes
from tests.sweeps import run as run_check
from tests.test_concessions_review83 import _flat

MODULE = "04_concessions"


def test_c1_the_flag_of_a_believable_cap_is_named_for_what_makes_it_one(monkeypatch):
    """Review 83 C1: section 5 says a figure merely written down is a test, yet question 6's
    flag for a believable cap was called ``in_writing``, which tells the learner the
    opposite. It is now ``board_approved``, in the question, the model answer and the
    check's hint. The check passes it by position, so a function written earlier that
    names it ``in_writing`` keeps its marks, visible and hidden."""
    text = _flat()
    assert "in_writing" not in text
    assert "respond(s, offer, next_ask, ceiling=None, board_approved=False)" in text
    assert "a figure merely stated or written down is a test" in text
    monkeypatch.setenv("LEVERAGE_LEARNER", "ada")
    solution = solution_namespace(MODULE, "concessions")["respond"]
    assert list(inspect.signature(solution).parameters)[-1] == "board_approved"
    namespace = dict(solution.__globals__)
    exec(
        solutions(MODULE, "concessions")["respond-answer"].replace("board_approved", "in_writing"),
        namespace,
    )
    earlier = namespace["respond"]
    assert list(inspect.signature(earlier).parameters)[-1] == "in_writing"
    for learner in ("learner-0", "learner-7"):
        monkeypatch.setenv("LEVERAGE_LEARNER", learner)
        for hidden in (False, True):
            assert passes(run_check(check, "respond", earlier, hidden=hidden)), learner
