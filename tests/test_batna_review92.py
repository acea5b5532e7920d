"""Review 92 of module 02, each fix with a test that fails on the text or code before it:
section 6's table tests a claim or demand as worded and a fact by the impression it leaves,
and the hint for a true claim says the same (U1); the ZOPA explorer takes typed numbers
(U2); question 7 states its mark split (U3); section 4 no longer names the zone with two
remote days before question 5 asks which package to use (X1)."""

from fractions import Fraction
from html import unescape

import pytest

import course
from course.checks import batna as check
from course.scenarios.batna import (
    REMOTE_DAYS,
    northwind_reservation,
    reservation_of,
    statements_of,
)
from tests.notebooks import source_notebook
from tests.sweeps import cell_text
from tests.test_checks_batna import _cell

#: The clause the hint for a true claim or demand gives (section 6's table said it too
#: until review 93 U2 folded it into the test: no false impression in your favour).
BELOW = "a figure below your reservation price can mislead only against you: a cost, not a lie"


def _flat(grade_id):
    return " ".join(_cell(grade_id).split())


def _legitimate_row():
    return next(
        line
        for line in cell_text("02_batna", "batna", "honest-teaching").splitlines()
        if line.startswith("| legitimate")
    )


def test_u1_the_tables_legitimate_test_judges_claims_as_worded_and_facts_by_impression():
    row = _legitimate_row()
    # review 96 U1: the test column became section 6's rules: claims and demands by what
    # they say (the "Judge" sentence), facts by the impression (rule 1)
    honest = " ".join(_cell("honest-teaching").split())
    assert (
        "Judge a claim about the least you would accept, a demand included, by what it says"
        in honest
    )
    # review 93 U2: the clause was an exception beside the test; the test now holds it
    assert BELOW[0].upper() + BELOW[1:] not in honest
    assert "no false impression in your favour that Northwind would rely on" in honest
    assert "it leaves no false impression; if it demands something" not in row


def test_u1_the_practice_claim_and_demand_below_the_reservation_price_get_the_tables_words():
    """The practice's G (a claim) and B (a warning) state figures below the reservation price
    for the job as offered; each, labelled false, is told the table's clause, and a true fact
    keeps the test of a fact."""
    practice = check.practice_case()
    limit = reservation_of(practice)
    below = [
        s
        for s in check._practice_said()
        if s._label == check.LEGITIMATE and s._kind in ("bluff", "warning")
    ]
    assert {s.letter for s in below} >= {"G"}
    for statement in below:
        assert statement._stated < limit
        labels = ["misrepresentation"] + (["bluff"] if statement._kind == "bluff" else [])
        for label in labels:
            with pytest.raises(check.NotYet) as hint:
                check.judge_statement(statement, {statement.letter: label})
            said = " ".join(str(hint.value).split())
            assert BELOW in said, said
            assert "leaves no false impression" not in said, said
    fact = check._practice_said()[-1]
    with pytest.raises(check.NotYet) as hint:
        check.judge_statement(fact, {fact.letter: "misrepresentation"})
    assert "leaves no false impression Northwind would rely on" in str(hint.value)
    assert BELOW not in str(hint.value)


def _explorer():
    """The explorer as the notebook's cell builds it."""
    from course.widgets.batna import ZopaExplorer

    call = cell_text("02_batna", "batna", "zopa-explorer").splitlines()[-1]
    return eval(call, {"ZopaExplorer": ZopaExplorer})


def test_u2_the_explorer_takes_a_learners_exact_numbers_typed_in_its_boxes():
    """The exercise's settings, typed: your reservation price, Northwind's, yours raised by
    1,000 and lowered by half the commute; each verdict names the even split they give."""
    for n in range(5):
        offers = course.variant("02_batna", f"rv92-u2-{n}")
        r, a = reservation_of(offers), northwind_reservation(offers)
        explorer = _explorer()
        seller, buyer = explorer.boxes[explorer.seller], explorer.boxes[explorer.buyer]
        buyer.value = f"{a:,.0f}"
        for mine in (r, r + 1_000, reservation_of(offers, REMOTE_DAYS)):
            seller.value = f"{mine:,.0f}"
            assert (explorer.seller.value, explorer.buyer.value) == (mine, a)
            if mine <= a:
                middle = (mine + a) / 2
                explorer.boxes[explorer.price].value = str(middle)
                assert explorer.price.value == middle
                said = unescape(explorer.verdict.value)
                assert f"The even split is {middle:,.0f}." in said or (
                    middle % 1 and "The even split is" in said
                ), said
                assert "This deal is the even split" in said, said
            else:
                assert "No ZOPA" in explorer.verdict.value
        assert explorer.status.value == ""


def test_u2_a_box_that_holds_no_usable_number_leaves_its_slider_and_says_why():
    explorer = _explorer()
    deal, box = explorer.price, explorer.boxes[explorer.price]
    before = deal.value
    for text, words in (("abc", "must be a number"), ("9", "must be between"), ("", "type")):
        box.value = text
        assert deal.value == before
        assert words in unescape(explorer.status.value), (text, explorer.status.value)
    deal.value = before + 500  # a slider moved by hand shows its number in the box
    assert box.value == f"{before + 500:.0f}"


def test_u2_the_exercise_says_to_type_the_numbers():
    assert "type each in its box." in _flat("explorer-text")


def test_u3_question_7_states_the_split_the_check_gives():
    def share(points):
        return str(Fraction(points).limit_denominator(16))

    offers = course.variant("02_batna", "rv92-u3")
    said = statements_of(offers)
    read = check.read_off_figures(said)
    assert len(read) == 4 and len(said) - len(read) == 2
    total = sum(check.label_points(s) for s in said) + check.USE_POINTS
    assert total == 2 and "### Question 7 (2 marks)" in _cell("q7-text")
    text = _flat("q7-text")
    assert (
        f"*Marks* (2): {share(check.LABEL_POINTS)} per label for your two demands, your "
        f"claim and your statement about an offer, {share(check.HONEST_POINTS)} per other "
        f'label, and {share(check.USE_POINTS)} for the choice under `"use"`,' in text
    )


def test_x1_question_5_decides_the_package_before_the_text_names_its_zone():
    """Section 4 and the explorer exercise named the zone with two remote days and its even
    split before question 5 asked which package to use; both were moved to section 5.
    Review 102 U5 moved them back to the end of section 4: question 5 used the reservation
    price with two remote days before the text defined it. What stays: question 5 still asks
    the learner to decide which package the band applies to, and the explorer still has
    every learner find a zone with the commute halved."""
    ids = [
        c.metadata.get("nbgrader", {}).get("grade_id")
        for c in source_notebook("02_batna", "batna").cells
    ]
    before = " ".join(_flat(g) for g in ids[: ids.index("q5-text")] if g)
    assert "lower it by half your commute cost. Every learner then has a zone" in before
    assert "First decide which package to apply section 4's band to" in _flat("q5-text")
    zopa = _flat("zopa-teaching")
    assert zopa.index("remote days cost it nothing") < zopa.index(
        "Call the middle of that zone the **even split with remote days**."
    )
