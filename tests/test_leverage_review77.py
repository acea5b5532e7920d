"""Review 77 (module 00): the fixes each failed on the old code or text."""

import re

from course.scenarios.leverage import _FACTS, CASES
from tests.notebooks import source_notebook


def _markdown(grade_id):
    cell = next(
        c
        for c in source_notebook("00_leverage", "leverage").cells
        if c.metadata.get("nbgrader", {}).get("grade_id") == grade_id
    )
    return " ".join(cell.source.split())


def _words(text):
    """A fact's words, with know, knows and knowing read as one."""
    return {re.sub(r"^know(s|ing)?$", "know", w) for w in re.findall(r"[a-z'-]+", text.lower())}


def test_x1_no_word_sorts_question_1_s_information_facts():
    """Review 77 X1: every graded information fact held "know" and no other fact did, so a
    keyword sorted two of a learner's five facts. No word now is in every information fact
    and in no other, in the pool or in any one case's facts, and a fact of know-how (power)
    says "know". Fails on the old text (all nine said "know" or "knows")."""
    for case in [None, *CASES]:
        facts = [f for f in _FACTS if case in (None, f.case)]
        info = [_words(f.text) for f in facts if f._source == "information"]
        other = [_words(f.text) for f in facts if f._source != "information"]
        assert not set.intersection(*info) - set.union(*other), case
    assert any("know" in _words(f.text) for f in _FACTS if f._source == "power")
