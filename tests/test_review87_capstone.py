"""Review 87 of module 05 (a negotiation professor's, on 34dbc168): fixes, each with a test
that fails on the text it replaced. M1 and M2 (the appendix's figures) are tested next to
the computations that produce them, in test_engine_capstone.py."""

from tests.test_review84_capstone import SOURCE, _cell


def test_c2_question_5_says_once_that_the_step_beyond_breaks_module_04s_rule():
    """C2: question 5 grades an opening one frontier step beyond, which no fact grounds,
    while module 04 says never to open beyond a point you can justify. Question 5 now says,
    once in the notebook, that the option breaks module 04's rule and pays only against
    this bot (the check is unchanged). Fails on the old text."""
    q5 = " ".join(_cell("q5-text").split())
    # review 90 (C1, U1, U3): removed on purpose
    assert (
        "or one frontier step beyond it, which breaks module 04's rule and pays only against "
        "this bot." not in q5
    )
    notebook = SOURCE.read_text()
    assert " ".join(notebook.split()).count("breaks module 04's rule") == 0  # review 90 C1
    lines = (SOURCE.parents[1] / "04_concessions" / "concessions.py").read_text().splitlines()
    module_04 = " ".join(" ".join(line.removeprefix("#") for line in lines).split())
    assert "never beyond a point you can justify" in module_04
