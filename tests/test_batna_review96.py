"""Review 95 of module 02, fixed in round 96: what the fresh reader found, and what the notebook
says now. Each test fails on the text before the fix."""

from dataclasses import replace
from pathlib import Path

import pytest

import course
from course.checks import batna as check
from course.checks.hints import NotYet
from course.scenarios.batna import (
    NorthwindOffer,
    _reservation_of,
    _right_response,
    batna_of,
    no_deal_case,
    statements_of,
)
from tests.notebooks import solution_namespace
from tests.sweeps import cell_text

LEARNERS = ["rv-alice", "rv-bob", "rv-carol", "rv-dan", "ada", *(f"sweep-{n}" for n in range(12))]


def _cell(grade_id):
    """The cell's text as one line of words."""
    return " ".join(cell_text("02_batna", "batna", grade_id).split())


def _markdown_words():
    """The module's markdown words, counted as the course's word budget counts them."""
    text = (Path(__file__).parents[1] / "source/02_batna/batna.py").read_text()
    words, markdown = 0, False
    for line in text.splitlines():
        if line.startswith("# %%"):
            markdown = "[markdown]" in line
        elif markdown and line.startswith("#"):
            words += len(line[1:].split())
    return words


# --- U3: section 6 states the comparison that question 7's "use" check marks --------------

#: The sentence section 6 now ends its advice with (review 102 C1/U3: reworded, and followed
#: by a worked example).
SAID = "So mention your BATNA when its value by expected values beats the midpoint:"


def _letter(offers, kind):
    return next(s.letter for s in statements_of(offers) if s._kind == kind)


def _cases(offers):
    """The learner's case, the band moved to the other side of the BATNA's value, the band
    between that value and the reservation price, and the band exactly at the value."""
    value = batna_of(offers)[1]
    return [
        offers,
        check._other_band(offers),
        check._between_band(offers),
        replace(offers, band_midpoint=value),
    ]


@pytest.mark.parametrize("who", LEARNERS)
def test_u3_the_sentence_states_the_comparison_the_use_check_marks(learner, who):
    """Review 95 U3: section 6 said to mention an alternative "when what it shows beats the
    other side's estimate of your reservation price", and left the learner to combine three
    sentences to find that what it shows is the BATNA's value (the commute left unpriced),
    compared with the band's midpoint; a learner comparing the reservation price failed the
    "use" check. The sentence now says it. Here the rule as worded (mention when the
    BATNA's value is strictly above the midpoint, else keep it private) passes the check on
    every case it tries, and the reservation-price reading fails wherever the two readings
    fall on opposite sides of the midpoint (the band between them)."""
    assert SAID in _cell("honest-teaching")
    offers = course.variant("02_batna", who)
    value = batna_of(offers)[1]
    differ = 0
    for case in _cases(offers):
        stated = "mention" if value > case.band_midpoint else "private"
        assert check.judge_use(case, {"use": _letter(case, stated)})
        by_reservation = "mention" if _reservation_of(case) > case.band_midpoint else "private"
        if by_reservation != stated:
            differ += 1
            with pytest.raises(NotYet):
                check.judge_use(case, {"use": _letter(case, by_reservation)})
    assert differ >= 1, who  # the band between value and reservation price splits them


# --- U4: one attitude to risk, said without a parenthesis that undercuts it --------------


def test_u4_the_attitude_to_risk_has_no_parenthesis_that_suggests_other_ways():
    """Review 95 U4: "Price every gamble with the same attitude to risk (one way of pricing
    risk)" read as if several ways were fine. The parenthesis is gone."""
    risk = _cell("ev-risk")
    assert "one way of pricing risk" not in risk
    assert "Price every gamble with the same attitude to risk. That attitude may still" in risk


# --- U5: no other notebook's variable, and no "as the first row" -------------------------


def test_u5a_section_4_names_module_01s_price_in_words_not_a_variable():
    """Review 95 U5 (a): section 4 said "(module 01's `sure`: ...)", a variable of another
    notebook inside this one's teaching. It now says it in words only, keeping the
    definition review 93 asked for."""
    zopa = _cell("zopa-teaching")
    assert "`" not in zopa
    # review 102 C2: one name, "Module 01 adds one exception", and no cryptic clause
    assert (
        "Module 01 adds one more way past the band's top: what you know about this buyer can "
        "let a target go higher."  # review 108 U4
    ) in zopa


def _no_zone_row():
    lines = [
        line
        for line in cell_text("02_batna", "batna", "decide-teaching").splitlines()
        if line.startswith("| below your reservation price with two remote days: no zone")
    ]
    assert len(lines) == 1
    return lines[0].strip("| ").split(" | ")


@pytest.mark.parametrize("who", LEARNERS)
def test_u5b_the_no_zone_row_names_its_responses_as_the_reference_and_check_give(learner, who):
    """Review 95 U5 (b): section 5's third row said "as the first row", whose test (the even
    split with remote days) lies below the reservation price where there is no zone. The row
    now says its responses: acceptable with the remote days, ask for remote days without.
    On a no-zone case, every offer at or above the reservation price with two remote days
    gets those responses from the check's key and from the reference solution."""
    _estimate, salary, response = _no_zone_row()
    assert salary == "at or above it" and not response.startswith("as the first row")
    assert response.startswith(
        "*good enough to close* with the remote days; without them, **ask for remote days**"
    )
    respond = solution_namespace("02_batna", "batna")["respond_to_offer"]
    case = no_deal_case(course.variant("02_batna", who))
    low = _reservation_of(case, 2)
    northwind = check.northwind_reservation(case)
    assert northwind < low  # no zone, even with remote days
    for step in range(0, 20_001, 500):
        for days, said in ((2, "good enough to close"), (0, "ask for remote days")):
            offer = NorthwindOffer(low + step, days)
            assert _right_response(case, offer)[0] == said, (who, offer)
            got = respond(case, offer, batna_of(case)[1], northwind)
            assert got[0] == said, (who, offer, got)


# --- U1: section 6 and the reflection's prompt, shorter -----------------------------------


def test_u1_section_6_gives_three_one_line_rules_and_module_00s_line_in_a_parenthesis():
    """Review 95 U1: section 6's table packed three tests into one cell, its demand sentence
    stacked conditions, and module 00's cross-reference sat in the middle of the rule. The
    table keeps the labels and examples; three numbered rules give the tests; the demand's
    two conditions are two sentences; module 00's line is a parenthesis."""
    honest = _cell("honest-teaching")
    for rule in (
        "1. A true statement that leaves no false impression in your favour that Northwind "
        "would rely on: **legitimate**, with or without a demand.",
        # review 97: the rule also names the demand the table calls a bluff
        "2. A false claim about your reservation price, or a demand you would not carry out: "
        "a **bluff**.",
        "3. A false statement of fact the other side will rely on: a **misrepresentation**.",
    ):
        assert rule in honest, rule
    assert "| label | true? | examples |" in honest
    assert "a claim or demand: true as worded" not in honest  # the packed cell is gone
    assert "A demand is true when it names your real BATNA. Its figure must also be" in honest
    assert (
        "A figure above that price is a bluff (module 00 puts such a false intention on the "
        "line between a bluff and a misrepresentation)."  # review 100 U2: the tolerance is in Q7
    ) in honest
    assert "To label a statement, ask" not in honest


def test_u1_the_reflections_point_4_points_to_section_4s_band():
    """Review 95 U1: the reflection's point 4 restated the whole band rule in one long
    sentence; it now points to section 4's band and table."""
    prompt = _cell("reflection-text")
    assert (
        "4. a target placed by section 4's table, naming the fact behind it if there is one."
    ) in prompt
    assert "three quarters" not in prompt


def test_u1_the_module_is_shorter():
    """Review 95 U1: about 8,400 words of teaching. Round 96's cuts (section 6, the
    reflection's point 4) bring the module's markdown from 7,749 words to at most 7,656;
    round 97's corrections (review 96 C1, U1 and section 6's bluff rule) add 17."""
    assert _markdown_words() <= 7_673
