"""Review 98 of module 04 (concessions), fixed in round 99: question 1's quote rule and
its reference answer stop at your reservation price (C2); section 1 says plainly when to
name Birch, one name per quantity (U1); the arena's fold says that section 3's hold after
the buyer's first offer counts as a round without a move (U2); question 5 says why
section 1's grounding rule does not bound a package opening (C1). Each test fails on the
text or code before this round."""

import random

import pytest

from course.checks import concessions as check
from course.checks.concessions import NotYet
from course.engine.bots import PARTING, REMARKS, STRAIN
from course.engine.practice import ARENA_STYLES, Buyer
from course.scenarios.concessions import MESO_LEAST_SHARE, reservation_of
from tests.notebooks import solutions
from tests.sweeps import cell_text

MODULE = "04_concessions"
LEARNERS = ("alice", "bob", "carol", *(f"rv98-{i}" for i in range(12)))


def _cell(grade_id):
    return " ".join(cell_text(MODULE, "concessions", grade_id).split())


def _reference_opening():
    """Question 1's reference answer, run from the source's solution cell alone."""
    namespace = {}
    exec(solutions(MODULE, "concessions")["opening-answer"], namespace)
    return namespace["opening"]


# --- C2: a quote below your reservation price leaves no zone -----------------------------


def test_c2_the_quote_rule_says_a_quote_below_your_reservation_price_leaves_no_zone():
    q1 = _cell("q1-text")
    # review 99 U1 (round 100): the function cannot say "walk away", so question 1 now says
    # the check sends no such quote; the reference still never opens below the limit
    assert "leaves no deal to reach: walk away (section 5)" not in q1
    assert "The check sends no quote below your reservation price" not in q1  # review 90 U2
    # section 5 teaches that walk-away, for a cap below your reservation price
    assert "as with such a cap below your reservation price" in _cell("difficult-teaching")


@pytest.mark.parametrize("learner", LEARNERS)
def test_c2_the_reference_answer_never_opens_below_your_reservation_price(learner):
    """Review 98 C2: given a quote below the reservation price, the reference returned the
    quote (rev-a: 60 against 66). Both the notebook's answer and the check's answer key
    now stop at the reservation price; quotes the check sends are unchanged."""
    s = check._variant(learner)
    reservation = reservation_of(s)
    opening = _reference_opening()
    for quote in (reservation - 6, reservation - 1, 0.5 * reservation):
        price, _ = opening(s, None, quote)
        assert price == reservation, (learner, quote, price)
        assert check.grounded_opening(s, None, quote)[0] == reservation
    # quotes at or above the reservation price are answered as before
    for _, quote in check._rivals(s, True):
        assert quote > reservation
        top = check.grounded_opening(s)[0]
        assert opening(s, None, quote)[0] == min(top, quote)
        assert check.grounded_opening(s, None, quote)[0] == min(top, quote)


# --- U1: one name per quantity in section 1's paragraph on Birch -------------------------


def test_u1_section_1_says_when_to_name_birch_in_question_1s_terms():
    text = _cell("opening-teaching")
    assert "below that, keep Birch private" not in text
    assert "keeping it private is safe" not in text
    assert (  # review 103 E1: reworded, with module 03's share at the table stated
        "Naming a true offer below what Orchard believes your other work pays "
        "(`s.their_guess`) lowers the price it expects: keep it private. Naming one "
        "above raises it; keeping that private is defensible too"
    ) in text
    # module 03's bar is stated once, in section 1
    assert text.count("module 03's deal-me-out") == 1
    # question 1 and the table name the same quantity and the same choice
    q1 = _cell("q1-text")
    assert "what Orchard believes your other work pays (`s.their_guess`" in q1
    assert "above it, the check accepts either choice" in q1
    # and the check does what the paragraph says
    for learner in LEARNERS:
        _birch_is_judged_as_section_1_says(check._variant(learner))


def _birch_is_judged_as_section_1_says(s):
    """Naming a true Birch figure below ``s.their_guess`` fails; above it, both pass."""
    price, said = check.grounded_opening(s)
    birch = next(k for k, st in s.statements.items() if st.about == "birch")
    if s.facts.get("birch") != s.statements[birch].figure:
        return  # the story's Birch statement is not true for this learner
    kept = check._check_opening(s, None, (price, list(said)), None)
    assert kept == price
    if s.alternative_price > s.their_guess:
        assert check._check_opening(s, None, (price, [*said, birch]), None) == price
    else:
        with pytest.raises(NotYet):
            check._check_opening(s, None, (price, [*said, birch]), None)


# --- U2: the arena counts section 3's hold as a round without a move ----------------------


def test_u2_the_fold_says_the_course_s_own_hold_is_a_round_without_a_move():
    # review 110 C4 (round 111): the bots no longer count the course's own hold after their
    # opening as a stall, and the fold says so where it lists the rounds that strain
    # patience (it said "the buyer may complain" before); what this test protects, the fold
    # saying truly how the arena treats that hold, is kept
    text = _cell("arena-teaching")
    assert "the buyer may complain" not in text
    assert (
        "rounds in which you do not move, except a hold answering its opening (section 3's "
        "rule)" in text
    )
    # opening at 80 and holding after the buyer's first offer, as section 3 rule 1 says,
    # draws no stall remark for any style; a second hold, after the buyer moved, still does
    assert STRAIN["stall"] > 0 and "stall" in PARTING
    for style in ARENA_STYLES:
        session = Buyer(style=style, limit=70, rng=random.Random(98)).session(40)
        assert session.offer(80)["said"] != REMARKS["stall"]
        held = session.offer(80)
        assert held["said"] == REMARKS["waiting"], (style, held)
        again = session.offer(80)
        assert again["said"].startswith(REMARKS["stall"]), (style, again)


# --- C1: section 1's grounding rule and package openings ----------------------------------


def test_c1_question_5_says_section_1_s_grounding_rule_does_not_bound_a_package():
    q5 = _cell("q5-text")
    assert "normal for an opening set" not in q5
    assert (
        "Section 1's grounding rule is for prices: no market fact prices a package, so an "
        "opening set has its own floor, the quarter above." in q5
    )
    # the floor the sentence points at is question 5's quarter, which the check uses
    assert MESO_LEAST_SHARE == 0.25
    assert "at least a quarter of the points it needs to sign" in q5
    # and it is needed: every fact the story offers prices the year's work, not a package
    for learner in LEARNERS[:4]:
        s = check._variant(learner)
        assert all(isinstance(st.figure, int | float) for st in s.statements.values())
        assert not {st.about for st in s.statements.values()} & set(s.issues)
