"""Module 01, review 69: the text of the information module. Each test failed on the text
before this round."""

from tests.notebooks import source_notebook
from tests.test_checks_information import cell_words


def cell_source(grade_id):
    cells = source_notebook("01_information", "information").cells
    return next(c.source for c in cells if c.metadata["nbgrader"]["grade_id"] == grade_id)


def test_the_capped_bullet_says_what_to_do_in_plain_words():
    """U2: the `capped` bullet's parenthetical "(from `after`, without the other news, and
    `sale.cost`: a simplification ...)" was hard to parse and carried an instruction; the
    instruction is now a sentence of its own."""
    words = cell_words("q5-text")
    assert "from `after`, without the other news, and `sale.cost`" not in words
    # review 90 U3: the bullet's parentheticals became plain sentences after the list
    assert "Move each possible reservation price in `after` above the cap down" in words
    assert "price against `sale.cost`." in words
    assert "For `capped`, leave the news out: that shows what the cap does on its own" in words


def test_question_2_gives_sure_s_edge_case_a_paragraph_of_its_own():
    """U4: the warning that `sure` may lie below the cost, and is then still `sure`, was
    buried among the worked cases and the advice to compare; it now follows the definition
    of `sure` as a paragraph of its own."""
    paragraphs = [" ".join(p.split()) for p in cell_source("q2-text").split("\n\n")]
    warning = next(i for i, p in enumerate(paragraphs) if p.startswith("`sure` is what Osprey"))
    assert "- `sure`: the highest price Osprey would accept *for sure*" in paragraphs[warning - 1]
    assert paragraphs[warning] == (
        "`sure` is what Osprey would accept, not what pays you: for some learners it is below "
        "`sale.cost`, a sale at a loss, and then it is still `sure`, not the cost."
    )
    assert "not what pays you" not in " ".join(paragraphs[warning + 1 :])
