"""Review 103 (module 02, a fresh reader): E1."""

import pytest

from course.checks import batna as check
from course.checks.hints import NotYet
from tests.test_batna_review100 import _by_worst_case


def test_e1_the_worst_case_hint_also_holds_for_a_slip_in_another_tree(monkeypatch):
    """E1: a learner who leaves the busy year out of Freelance's tree values Harbor Bank
    rightly and picks it; the hint said only that they compared worst cases, which they did
    not. The answer the check sees is the same as a choice by worst case, so the hint now
    says both: compare expected values, and if the function already does, another
    alternative is valued too low."""
    monkeypatch.setenv("LEVERAGE_LEARNER", "rv99-alice")
    with pytest.raises(NotYet) as failure:
        check.choose_batna(_by_worst_case)
    hint = str(failure.value)
    assert "compare expected values, not worst cases" in hint
    assert "if your function already does, it values another alternative too low" in hint
    assert "check the tree of the alternative worth most" in failure.value.general
