"""Module 03, review 65: question 4 has a decision of its own, which figure to name and on
which ground, no longer question 2's first verdict again (X1); section 5's side notes share
one closing note after the rule (U2); questions 1, 5 and 9a say where they open that their
own-case part is marked only at grading (U3); the module is shorter (U4). Each test failed
on the text before this round."""

import re

import course
from course.scenarios.power import clears_today, reply_reason
from tests.test_models_power import NOTEBOOK, PROSE, _section


def _flat(text):
    return " ".join(text.split())


def _markdown_words(notebook):
    words, markdown = 0, False
    for line in notebook.splitlines():
        if line.startswith("# %%"):
            markdown = "[markdown]" in line
        elif markdown and line.startswith("#"):
            words += len(line.lstrip("#").split())
    return words


def test_question_4_is_not_question_2s_first_verdict_again():
    """X1: the reply followed from whether the Shapley value beats Borealis's offer. Atlas
    now names a round figure, and the reply depends on it: for some learners whose Shapley
    value beats Borealis Kestrel takes the figure, for others it holds Atlas to the
    yardstick; the story gives the figure and question 4 asks about it."""
    pairs = set()
    for n in range(300):
        s = course.variant("03_power", f"x1-{n}")
        pairs.add((clears_today(s), reply_reason(s)))
        assert f"{s.atlas_figure:,.0f}" in s.story(), s.learner
        assert "`s.atlas_figure`" in s.story()
    assert {(True, "accept"), (True, "yardstick"), (False, "rival")} <= pairs
    four = _flat(_section(PROSE, "### Question 4", "def licence_reply"))
    assert "`s.atlas_figure`" in four
    # review 77, C1: the two questions went; the three replies leave the choice open
    # review 98 X1; review 102, X1: the rule no longer stands above the question
    assert "the rule above picks the reply" not in four
    assert "Which figure does Kestrel stand on (not an opening ask), and with which reply?" in four


def test_section_5_has_one_closing_note_after_its_rule():
    """U2: section 5 had three details boxes and side remarks between its rules; they now
    share one closing note at the end of the teaching, and the rule still comes first."""
    cell = NOTEBOOK[NOTEBOOK.index('"grade_id": "outside-teaching"') :]
    cell = cell[: cell.index("# %%")]
    # review 76, U2: no fold inside the closing note any more
    assert cell.count("<details>") == 1
    note = cell[cell.index("<details>") :]
    assert note.rstrip().endswith("</details>")
    assert cell.index("We recap and extend module 02's section 7.") < cell.index(
        "<details>"
    )  # review 79
    flat = _flat(note.replace("#", ""))
    for moved in (
        "An Outside Option Experiment",
        "each unit adds less than half a unit",  # review 86, U1: the example is cut
        "Abreu & Manea",
        "Every model here assumes each side knows the other's patience",
    ):
        assert moved in flat, moved
    main = _flat(cell[: cell.index("<details>")].replace("#", ""))
    assert "An Outside Option Experiment" not in main and "Opting Out" not in main


def test_own_case_questions_say_at_once_that_their_own_part_is_marked_at_grading():
    """U3: questions 1, 5 and 9a said it at their end, or not plainly; each says it now in
    one line where it opens (the first 60 words), and the check's words agree."""
    for head in (
        "### Question 1 (2 marks)",
        "### Question 5 (1 mark)",
        "### Question 9 (3 marks)",
    ):
        opening = _flat(PROSE[PROSE.index(head) :])
        opening = " ".join(opening.split()[:60])
        assert re.search(r"marked only at grading: the self-check judges the practice", opening), (
            head
        )


def test_the_module_is_shorter_than_at_round_65():
    """U4: 11,591 markdown words before this round."""
    assert _markdown_words(NOTEBOOK) < 11_591, _markdown_words(NOTEBOOK)
