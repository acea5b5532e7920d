"""The feedback page's preprocessors (autograder/feedback.py): questions named after their
headings, checks' messages as sentences with each line once, mathematics as MathML. The
whole page, made by nbgrader for a graded learner, is checked in test_autograder_fixtures."""

import nbformat

from autograder.feedback import NameQuestions, PlainChecks, mathml


def graded(cell, grade_id, solution=False):
    cell.metadata["nbgrader"] = {
        "grade": True,
        "solution": solution,
        "grade_id": grade_id,
        "points": 2,
    }
    return cell


def test_each_graded_cell_is_named_after_the_heading_above_it():
    nb = nbformat.v4.new_notebook()
    nb.cells = [
        nbformat.v4.new_markdown_cell(
            "## 2. Choosing\n\n### Question 2 (2 points): which is your **BATNA**?\n\nText."
        ),
        nbformat.v4.new_code_cell("def choose(): ..."),
        graded(nbformat.v4.new_code_cell("check.choose(choose)"), "choose-test"),
        nbformat.v4.new_markdown_cell("## 6. Reflection (2 points, graded by your instructor)"),
        graded(nbformat.v4.new_markdown_cell("My answer"), "reflection", solution=True),
    ]
    NameQuestions().preprocess(nb, {})
    assert (
        nb.cells[2].metadata["leverage"]["question"]
        == "Question 2 (2 points): which is your BATNA?"
    )
    assert (
        nb.cells[4].metadata["leverage"]["question"]
        == "6. Reflection (2 points, graded by your instructor)"
    )


def test_a_hint_reads_as_a_sentence_and_a_passing_line_shows_once():
    cell = graded(nbformat.v4.new_code_cell("check.it(answer)"), "q-test")
    cell.outputs = [
        nbformat.v4.new_output("stream", name="stdout", text="✓ right for your scenario.\n"),
        nbformat.v4.new_output("stream", name="stdout", text="✓ right for your scenario.\n"),
        nbformat.v4.new_output(
            "error", ename="NotYet", evalue="the ZOPA is empty here.", traceback=[]
        ),
        nbformat.v4.new_output(
            "error", ename="NameError", evalue="name 'zopa' is not defined", traceback=[]
        ),
    ]
    nb = nbformat.v4.new_notebook()
    nb.cells = [cell]
    PlainChecks().preprocess(nb, {})
    assert [o.text for o in cell.outputs] == [
        "✓ right for your scenario.\n",
        "the ZOPA is empty here.\n",
        "NameError: name 'zopa' is not defined\n",
    ]


def test_mathematics_becomes_mathml_and_code_is_left_alone():
    text = mathml(
        "For $p_1$ and a price of 5 dollars, $$\\mathrm{EV} = \\sum_i p_i v_i$$ and `$x$`."
    )
    assert text.count("<math") == 2 and 'display="block"' in text
    assert "`$x$`" in text and "5 dollars" in text
    assert mathml("it costs $5 and $6") == "it costs $5 and $6"  # money, not mathematics
