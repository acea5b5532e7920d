"""Module 01, review 67: the text of the information module. Each test failed on the text
before this round."""

from course.scenarios import information as reference
from course.scenarios.information import FAIR_SHARE
from course.variants import variant
from tests.notebooks import source_notebook
from tests.test_checks_information import cell_words


def test_question_4_says_naming_the_reservation_price_rests_on_an_assumption(learner):
    """C1: question 4 marked naming exactly Wren's reservation price as the decision, with no
    word of the caution section 3 gives; it then said that Wren takes any price up to it.
    Review 78 X1: that made the price a transcription, and its mark moved into the reading;
    the pass message, which names the price, still says why Wren takes it."""
    from tests.test_checks_information import wren, wren_parts

    four = cell_words("q4-text")
    assert "section 3 says when to doubt it" not in four and "`price`" not in four
    sale = variant("01_information")
    said = wren_parts(wren(reference.reservation_from_offers))["the reservation price"][1]
    if reference.price_to_name(sale.wren_offers, sale.wren_cost) is not None:
        assert "it takes any price up to its reservation price" in " ".join(said.split())
    assert FAIR_SHARE == 0.25


def test_question_6_states_its_marking_conventions_as_a_numbered_list():
    """U2: the opening range, the target band and the fair share sat in one dense paragraph
    and a table cell, read as established rules; they are now a numbered list, introduced
    once as the course's marking conventions with where each comes from."""
    six = cell_words("q6-text")
    starts = [six.index(f"{n}. **{name}**") for n, name in enumerate(CONVENTIONS, 1)]
    assert starts == sorted(starts)
    # review 88 X1: the conventions are advice; the table states the hard bounds the mark
    # keeps, and no number inside them is refused for missing a convention
    assert "These are hard bounds; inside them the number is your judgement." in six
    # review 96 U2 (round 97): previews of modules 04 and 02
    assert (
        "a preview of the rule module 04 teaches" in six
        # review 97 U1 (round 98): the band is stated once, in the plan rule's target line
        and "a preview of the band module 02 teaches" in six
    )
    assert "A number outside them earns no mark, however well argued." not in six
    # review 88 X1; review 89 U1: headed "Conventions", the word the table uses
    assert six.index("Conventions (the course's advice):") < starts[0]


CONVENTIONS = ("Your opening", "Target", "Fair price")  # review 80 U2: "Your opening"

#: Later modules' rules named as if the learner had taken them (review 67 U3).
AS_IF_KNOWN = (
    "module 02's band",
    "module 04's rule",
    "in the words of modules 02 and 03",
    "as module 04 plans",
    "module 02 shows",
    "module 04 develops it",
    "module 02 develops it",
)


def test_later_modules_terms_read_as_previews():
    """U3: module 01 comes before modules 02 to 04, yet spoke of "module 02's band" and
    "module 04's rule", and borrowed *warning* "in the words of modules 02 and 03". The
    notebook, the situations' explanations and the hints now name each as a preview, and
    *warning* is defined where it is used."""
    import inspect

    from course.checks import information as check
    from course.scenarios import information as scenario

    text = " ".join(
        cell_words(cell.metadata["nbgrader"]["grade_id"])
        for cell in source_notebook("01_information", "information").cells
        if cell.cell_type == "markdown"
    )
    shown = [
        text,
        check.ACTION_HINT,
        # the hints' words, without the docstring (written for the course's authors)
        inspect.getsource(check._plan_notes).replace(check._plan_notes.__doc__, ""),
        *(s._why_action for s in (*scenario._SITUATIONS, *scenario._PRACTICE_SITUATIONS)),
    ]
    for words in shown:
        for phrase in AS_IF_KNOWN:
            assert phrase not in words, phrase
    assert (
        "is a *warning*: a consequence you would bring about anyway, stated as a condition" in text
    )
