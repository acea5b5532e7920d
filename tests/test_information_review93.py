"""Review 93 of module 01: what the fresh reader found, and what the text and checks say now.
Each test fails on the text or code before the fix."""

from course.checks import information as check
from course.checks.information import reference
from tests.sweeps import cell_text
from tests.test_checks_batna import _markdown_words
from tests.test_checks_information import as_learner, learner_where, miss


def test_x2_a_count_off_by_one_names_where_the_holds_start():
    """Review 93 X2: a learner who starts the holds from the prior (not from ``after``) was
    told only to "update the beliefs from the last hold (not from the opening)", a slip they
    had not made, and "not from the opening" pointed the wrong way. The hint now names the
    start, ``after``, as well as the update between holds."""
    import pytest

    monkeypatch = pytest.MonkeyPatch()
    try:

        def moves_after_two(sale):
            found = reference.holds_before_moving(sale, reference.posterior_after_opening(sale))
            return found is not None and 2 <= found <= 9

        sale = as_learner(monkeypatch, learner_where(moves_after_two))
        right = reference.holds_before_moving(sale, reference.posterior_after_opening(sale))
        hint = miss(check.holds_before_moving, lambda s, a: right - 1)
        assert "start from `after`, the beliefs after the opening (not the prior)" in hint
        assert "not from the opening" not in hint
    finally:
        monkeypatch.undo()


def test_m1_the_intro_states_the_markdown_words_to_the_hundred():
    """Review 93 M1: the intro said about 8,200 words; the markdown holds about 8,300."""
    intro = " ".join(cell_text("01_information", "information", "intro").split())
    stated = int(intro.split(" words of text")[0].split()[-1].replace(",", ""))
    assert abs(stated - _markdown_words("01_information", "information")) <= 50
