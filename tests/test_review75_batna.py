"""Module 02, review 75: each test below failed on the code or text before its fix."""

import pytest

import course
from course.checks import batna as check
from course.checks.credit import Credit
from course.scenarios.batna import LABELS, statements_of
from course.variants import learner_as
from tests.sweeps import cell_text

LEARNERS = tuple(f"learner-{n}" for n in range(120))


def _cell(grade_id):
    return " ".join(cell_text("02_batna", "batna", grade_id).split())


def _graded(who, labels):
    """Question 7's graded credit for ``labels`` (letter -> label) on ``who``'s case, with
    "use" worked out from each case the check tries (the BATNA's terms when its value beats
    the band's midpoint), not by the course's answer key."""
    offers = course.variant("02_batna", who)
    value = check.batna_value(offers)
    kinds = {s._kind: s.letter for s in statements_of(offers)}

    def answer(o):
        return {**labels, "use": kinds["mention" if value > o.band_midpoint else "private"]}

    with learner_as(who):
        return check.label_statements(answer, hidden=True)


def test_question_7_counts_every_label_the_learner_gives():
    """X2: only the four labels read off a figure were marked, so calling your own true BATNA
    statement a 'misrepresentation' (or the private one a 'bluff') cost nothing: 2.0 of 2.0.
    Each of the two always-plain statements now earns an eighth, taken from "use" (a
    quarter now): a wrong label on either costs its eighth, and every statement is a check."""
    for who in LEARNERS[:40]:
        offers = course.variant("02_batna", who)
        said = statements_of(offers)
        key = {s.letter: s._label for s in said}
        full = _graded(who, key)
        assert isinstance(full, Credit) and full.earned == 2, who
        assert len(full.outcomes) == 7 and full.possible == 2
        for kind in ("mention", "private"):
            s = next(s for s in said if s._kind == kind)
            for wrong in LABELS:
                if wrong == s._label:
                    continue
                credit = _graded(who, {**key, s.letter: wrong})
                assert credit.earned == 2 - 0.125, (who, kind, wrong)
        both = {
            **key,
            **{s.letter: "misrepresentation" for s in said if s._kind in ("mention", "private")},
        }
        assert _graded(who, both).earned == 2 - 0.25, who
    text = _cell("q7-text")
    # review 80 U7 cut the fractions; review 92 U3: one sentence gives them again
    assert "1/8 per other label, and 1/4 for the choice under" in " ".join(text.split())


def test_a_true_claim_states_no_action_so_it_carries_one_label():
    """X4: "For the job as offered, I would turn down X", with X below the reservation price,
    told what you would really do if offered X, so it could fairly be read as a warning,
    yet only "plain statement" counted, though question 7 says a statement that could carry
    two labels earns either. The claim now has one wording that states no action ("X would
    not be enough for me"), true below the limit and a bluff above it; section 6's example
    uses it. On 120 learners, with true claims and bluffs both drawn."""
    seen = set()
    for who in LEARNERS:
        for s in statements_of(course.variant("02_batna", who)):
            assert "turn down" not in s.text and "I would turn" not in s.text, s.text
            if s._kind != "bluff":
                continue
            assert s.text == (
                f"For the job as offered, {s._stated:,.0f} would not be enough for me."
            )
            assert s._also is None  # one label: plain statement below the limit, bluff above
            seen.add(s._label)
    assert seen == {"bluff", "legitimate"}  # review 80 C3: module 00's word
    honest = _cell("honest-teaching")
    assert '"I would turn down' not in honest
    assert '"90,000 would not be enough for me" is true.' in honest  # review 86 U1


def test_the_practice_case_has_every_kind_of_statement_a_learner_meets():
    """X3: question 7's practice case had no true claim ("X would not be enough for me" with
    X below the reservation price) and no true fact, though most learners' own six hold one
    or both, and those are judged only at grading. It now shows them as G and H beside its
    six: every (kind, label) a learner's statements carry, over 300 learners, is practised,
    and the reference answer and the check agree on all eight."""
    practised = {(s._kind, s._label) for s in check._practice_said()}
    met = set()
    for n in range(300):
        met |= {(s._kind, s._label) for s in statements_of(course.variant("02_batna", f"p-{n}"))}
    assert ("bluff", "legitimate") in met and ("fact", "legitimate") in met
    assert met <= practised, met - practised
    letters = [s.letter for s in check._practice_said()]
    assert letters == list("ABCDEFGH")
    shown = repr(check.practice_statements())
    assert all(f"{s.letter}. “{s.text}”" in shown for s in check._practice_said())
    assert "returns its eight labels" in _cell("q7-text")


def test_no_offer_made_while_northwind_is_still_moving_sits_at_its_walk_away():
    """X7: question 6's offers are made "while Northwind is still moving", yet for 39 of 300
    learners one equalled Northwind's reservation price (learner-7: 112,000, what the agency
    costs it), its walk-away and so its last word. Every such offer now stays at least 500
    below it, over 300 learners, and the invariant says so; only those 39 learners' offers
    were drawn again."""
    from course.scenarios.batna import INVARIANTS, STILL_MOVING, northwind_reservation

    assert STILL_MOVING == 500
    assert "offer at or above Northwind's reservation price" in INVARIANTS
    seven = course.variant("02_batna", "learner-7")
    assert 112_000 not in {o.salary for o in seven.northwind_offers}
    for n in range(300):
        offers = course.variant("02_batna", f"learner-{n}")
        limit = northwind_reservation(offers)
        for offer in offers.northwind_offers:
            assert offer.salary <= limit - 500, (offers.learner, offer, limit)


def test_the_story_never_says_the_start_is_both_fixed_and_slipping():
    """C1: the story says "the start date is fixed", and for the start-slips variant of the
    talks (about a third of learners) it went on "it replaces the answer date above;
    everything else stands: each week of talks moves your start a week later", so the start
    was both fixed and slipping. That variant now replaces the fixed start date too; the
    others replace the answer date alone (where the role may be cancelled, the start stays
    fixed)."""
    kinds = set()
    for who in LEARNERS:
        offers = course.variant("02_batna", who)
        story = offers.story()
        talks = offers.talks
        both = "it replaces the answer date and the fixed start date above; everything else"
        if talks.start_slips:
            assert both in story, who
        else:
            assert both not in story, who
            if not talks.answer_date:
                assert "it replaces the answer date above; everything else" in story, who
        kinds.add(talks.pressure)
    assert kinds == {"start slips", "may be cancelled", "answer date"}


def test_section_5_limits_not_accepting_without_remote_days_to_a_moving_northwind():
    """C2: section 5 said "never accept such an offer without the remote days", while its
    table and the sentence after it say that at Northwind's last word an offer above your
    reservation price for the package it names beats walking away, one without remote days
    included. The advice now holds while Northwind is still moving; "never" is gone."""
    text = _cell("decide-teaching")
    assert "never accept such an offer" not in text
    # review 78 U3: section 5 is its table and one sentence on the last word
    assert (
        "At a final offer you believe, take any offer above your reservation price for its package."
        in " ".join(text.split())
    )


def test_the_surveys_are_not_said_to_back_only_hiding_a_reservation_price():
    """E1: the side note said "Surveys back only keeping your reservation price to
    yourself", but in Robinson, Lewicki and Donahue (2000) MBA students rated the whole
    "traditional competitive bargaining" factor appropriate, an opening far above what you
    hope to settle for included. It now names both, and still not a bluff."""
    honest = _cell("honest-teaching")
    assert "Surveys back only" not in honest
    assert (
        "Sources of the labels and of warning and threat: module 00's, section 6." in honest
    )  # review 94 U1: a pointer


def test_the_zopa_explorer_can_be_set_to_every_learners_numbers():
    """X6: the ZOPA explorer's step was 250, but 67 of 300 learners' reservation prices (e.g.
    86,850) are no multiple of 250, so they could not set the slider to the value the
    exercise asks for. Its step is now 5: every learner's reservation price, with and
    without remote days, and Northwind's, is a multiple of it (to a float's rounding)."""
    import re

    from course.scenarios.batna import REMOTE_DAYS, northwind_reservation, reservation_of

    call = cell_text("02_batna", "batna", "zopa-explorer")
    step = float(re.search(r"step=([\d_.]+)\)", call)[1].replace("_", ""))
    for n in range(300):
        offers = course.variant("02_batna", f"learner-{n}")
        for value in (
            reservation_of(offers),
            reservation_of(offers, REMOTE_DAYS),
            northwind_reservation(offers),
        ):
            assert abs(value / step - round(value / step)) < 1e-6, (offers.learner, value, step)


def test_reservation_price_has_one_name_where_section_6_and_its_hints_speak():
    """U3: section 3 says "this course says reservation price", yet section 6's table ("a
    limit you do not hold"), its labelling questions ("about your limit"), a true claim's
    explanation ("below your limit") and a hint ("claims no limit") said "limit". They now
    say reservation price. (The reflection's "limit" of the other side sits in its target
    sentences, which review 75's target rule rewrites.)"""
    honest = _cell("honest-teaching")
    assert "a limit you do not hold" not in honest and "about your limit" not in honest
    assert "a false reservation price, or a demand you would not carry out" in honest
    # review 96 U1: the labelling questions became three rules; the bluff's names the price
    # review 97: and a demand you would not carry out, as the table says
    assert "A false claim about your reservation price, or a demand you would not" in honest
    for n in range(60):
        for s in statements_of(course.variant("02_batna", f"u3-{n}")):
            assert "your limit" not in s._why, s._why
    assert "claims no reservation price" in check._nudge("bluff", "legitimate", "private")


def test_question_9s_box_names_what_an_open_alternative_raises():
    """U4: "Beside a fallback gamble it usually does raise it, above the one the fallback's
    expected value alone gives" left both "it"s unclear. The box now says the open
    alternative raises the sure amount you need above the gamble's expected value."""
    box = _cell("q9-text")
    assert "it usually does raise it" not in box
    assert (
        "Beside a gamble as your BATNA without Lumen, it usually raises the sure amount you "
        "need above the gamble's expected value" in box
    )


def test_declining_to_name_a_reservation_price_is_the_plain_statement():
    """U6: "Keeping your reservation price to yourself is a plain statement too": keeping
    something to yourself is not a statement. Section 6 and the private statement's
    explanation now speak of declining to name it."""
    honest = _cell("honest-teaching")
    assert "Keeping your reservation price to yourself is a plain statement" not in honest
    assert "Declining to name your reservation price is legitimate too." in honest
    private = next(
        s for s in statements_of(course.variant("02_batna", "u6")) if s._kind == "private"
    )
    assert private._why.startswith("declining to name your reservation price states nothing")


def test_the_practice_case_shows_in_a_notebook_kernel(monkeypatch):
    """Question 7's practice cell stopped with MarkedAtGrading in every learner's notebook
    (CI's run-all of module 02): its two added statements, G and H, came with the six that
    ``statements_of`` labels, and that answer key answers a notebook cell only for the
    course's own working. The practice case is never a learner's own, so showing it is such
    working; a cell asking for a learner's own labels still stops."""
    from course.checks import calls

    monkeypatch.setattr(calls, "_in_a_notebook_kernel", lambda: True)
    shown = repr(check.practice_statements())
    assert all(f"{s.letter}. “{s.text}”" in shown for s in check._practice_said())
    with pytest.raises(calls.MarkedAtGrading):
        statements_of(check.practice_case())
