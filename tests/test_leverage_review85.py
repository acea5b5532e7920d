"""Review 85 of module 00 (a negotiation professor's, on 157e7387): fixes, each with a test
that fails on the text it replaced."""

import json

from tests.conftest import ROOT
from tests.sweeps import cell_text


def _markdown(grade_id):
    return " ".join(cell_text("00_leverage", "leverage", grade_id).split())


def _course_markdown():
    """Every module's release markdown, by notebook path."""
    texts = {}
    for path in sorted((ROOT / "release").glob("*/*.ipynb")):
        cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
        text = " ".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
        texts[path.name] = " ".join(text.split())
    return texts


def test_e2_no_module_says_most_deals_come_at_the_deadline():
    """Review 85 E2: Roth, Murnighan and Schoumaker (1988) report a striking concentration of
    deals in the last seconds and many pairs reaching none, not that most deals came then;
    section 5 applied "most deals come just before it" to all talks. Module 00 now says deals
    bunch (review 82's test pins its words), and no module's text says "most deals" (modules
    02 and 05 already said "bunched" and "many"). Fails on the old text."""
    for name, text in _course_markdown().items():
        assert "most deals" not in text.lower(), name


def test_c1_the_take_away_owns_question_4a_s_simplification():
    """Review 85 C1: the take-away said only your knowing a weakness of theirs counts as your
    information, while graded question 4a books all of a revealed weakness as yours (section
    5 admits the simplification). The take-away now says so too. Fails on the old text."""
    take_away = _markdown("summary").split("- Re-audit after each piece of news")[0]
    # review 86 C1: said once, in section 5; the take-away no longer states the rule 4a bends
    assert "Question 4a simplifies" not in take_away
    assert "only your knowing it counts" not in take_away
    # review 87 C1: the caveat moved from section 5 into question 4a's own text; review 89
    # C1: question 4a accepts either reading
    # review 90 C1: in the words every place uses; review 91 U1: question 4a's own words
    assert (
        # review 99 C1: with its reason, in question 4a's own words
        "may show you rated the row it weakens too high: lower that row or raise your information"
        in _markdown("q4-text")
    )
