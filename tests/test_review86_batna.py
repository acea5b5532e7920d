"""Module 02, review 86 (fixes of round 87): each test below failed on the code or text
before its fix."""

from tests.notebooks import source_notebook
from tests.sweeps import cell_text


def _cell(grade_id):
    """The cell's text, its lines joined and its comment marks dropped."""
    lines = cell_text("02_batna", "batna", grade_id).splitlines()
    return " ".join(" ".join(line.lstrip("# ").strip() for line in lines).split())


def _markdown():
    """The module's Markdown, as one line of words."""
    cells = source_notebook("02_batna", "batna").cells
    return " ".join(" ".join(c.source for c in cells if c.cell_type == "markdown").split())


def test_the_bluff_bullet_gives_the_conventions_reason_for_claims_and_demands_alike():
    """C1: the bluff bullet said a false claim about your limit "states no plan for Northwind
    to rely on, so custom tolerates it", while the table counts a demand you would not carry
    out, which does state a plan, as a bluff; and the Model Rule 4.1 comment's reason is
    convention, not the absence of a plan. The bullet now gives that reason for both, as
    modules 00 and 03 do (statements about acceptable terms are not taken as facts)."""
    honest = _cell("honest-teaching")
    bluff = honest[honest.index("- **Bluff.**") : honest.index("- **Misrepresentation.**")]
    assert "states no plan" not in honest
    assert (
        "Bargaining custom does not ordinarily take a claim about the least you would accept, "
        "or a demand, as a statement of fact, so it tolerates a bluff;"
    ) in bluff
    assert "or a demand you would not carry out" in honest  # the table's row it agrees with


def test_section_6_states_the_labelling_test_once_below_its_bullets():
    """U1: section 6 gave the labelling test in its table, its bullets and again in a long
    paragraph (judged "by what it says, not by what Northwind may hear in it (that is a cost
    of making it)", with the custom repeated). The paragraph is now two short sentences,
    one test for claims and one for facts, and the module is shorter."""
    from tests.test_review69_batna import _release_markdown_words

    honest = _cell("honest-teaching")
    assert "what Northwind may hear" not in honest and "not made honest" not in honest
    assert (
        'by what it says: at 97,000, "90,000 would not be enough for me" is true. Judge a '
        "statement of fact by what it makes Northwind believe."
    ) in honest
    assert honest.count("statement of fact") == 3  # the bullet, this test, misrepresentation
    assert _release_markdown_words() < 7_464
