"""Module 02, review 80 (fixes of round 81): each test below failed on the code or text
before its fix."""

import pytest

from course.checks import batna as check
from tests.notebooks import solution_namespace
from tests.sweeps import cell_text


def _cell(grade_id):
    """The cell's text, its lines joined and its comment marks dropped."""
    lines = cell_text("02_batna", "batna", grade_id).splitlines()
    return " ".join(" ".join(line.lstrip("# ").strip() for line in lines).split())


def test_question_6b_says_you_have_opened_so_a_counter_above_the_target_is_a_retreat():
    """C2: question 6b's rubric fails any counter above the learner's target, but sections 3
    and 4 put a first offer beyond the target, at the agency's cost, and 6b never said you
    had opened: a learner countering there as a first number followed section 4 and lost
    point 2. The question now says you opened at the agency's cost and Northwind has moved."""
    text = _cell("take-or-counter-text")
    assert "You opened earlier at the agency's cost; Northwind has moved since." in text
    # review 85 C1: up to the opening, since section 4 concedes from it towards the target
    assert "if you counter, a salary above the offer, at most your opening, the remote" in text


def test_section_6_names_the_bar_the_summary_gives_where_both_sides_can_counter():
    """C1: the summary's mention rule added a bar section 6 never taught ("where both sides
    can counter and both lose by waiting, the bar is their estimate of your share at the
    table (module 03, section 7)"). Section 6 now says where its own rule fits and points
    to module 03, section 7, for the other bar, as the summary does."""
    honest = _cell("honest-teaching")
    # review 83 (module 03's C1): the other bar sits in the rule itself; review 85 U5: as a
    # pointer a learner can read here, the same in section 6 and the summary
    # review 97 U1: section 6 gathers its pointers in one closing "Links:" line; review 100
    # C1: it says where module 03's bar holds, and the summary gives that bar
    assert (
        "Links: where both sides can keep countering and both lose by waiting, module 03 sets "
        "another bar."
    ) in " ".join(honest.split())
    assert "module 03's bar: their estimate of your share at the table" in _cell("summary")


def test_brw_make_the_disagreement_point_breakdown_payoffs_only_when_breakdown_risk_drives():
    """E1: section 7 said Binmore, Rubinstein and Wolinsky (1986) showed that d_A and d_B
    "are breakdown payoffs", but they show it only for the risk-of-breakdown model; when
    the cost of delay drives agreement, the disagreement point is what each earns while
    talking and the alternatives are outside options. The sentence now says both."""
    nash = _cell("nash-teaching")
    assert "showed that the $d_A$ and $d_B$ of the formula are *breakdown payoffs*" not in nash
    assert (
        "showed that when the risk of breakdown pushes both to agree, $d_A$ "
        "and $d_B$ are *breakdown payoffs*"
    ) in nash
    assert (
        "When the cost of delay pushes both to agree, $d_A$ and $d_B$ are what each side earns "
        "while talking (here 0), and BATNAs act only as outside options (below)."
    ) in nash
    assert nash.index("outside options (below)") < nash.index("*outside option*")


def test_the_answer_date_result_names_its_source():
    """E2: the common answer date's result (the last proposer takes the zone) carried no
    source, and Roth, Murnighan and Schoumaker (1988) are cited only for deals bunched at a
    deadline. It now names the finite-horizon alternating-offers game, Ståhl 1972."""
    nash = _cell("nash-teaching")
    said = nash[nash.index("*A common answer date*") : nash.index("*Head office may cancel")]
    assert (
        "The last offer before it decides (a finite-horizon alternating-offers game: Ståhl 1972)."
    ) in said
    assert len(nash.split()) <= 1_227  # review 69's cap on section 7 still holds


def test_the_gloss_of_material_is_the_courses_not_the_rule_comments():
    """E3: the side note's "(a fact a reasonable person would weigh in deciding)" read as the
    words of the comment to Model Rule 4.1, which has no such gloss. It now says the gloss
    is the course's."""
    honest = _cell("honest-teaching")
    assert "statements of material fact (a fact a reasonable person" not in honest
    assert "material fact" not in honest  # review 94 U1: the note is a pointer to module 00


def _solution():
    """The notebook's own label_statements (its reference solution)."""
    return solution_namespace("02_batna", "batna")["label_statements"]


def _old_form():
    """ada's answer to question 7 in the labels it had before review 80 C3 (a plain
    statement and a warning for the two true kinds), as a notebook answered then returns
    it; "use" worked out by the notebook's solution."""
    import course
    from course.scenarios.batna import old_label, statements_of

    old = {s.letter: old_label(s) for s in statements_of(course.variant("02_batna", "ada"))}
    solve = _solution()
    return old, lambda offers: {**solve(offers), **old}


def test_module_02_labels_statements_in_module_00s_words(learner):
    """C3 of review 80, module 00: module 02 labelled statements plain statement / warning /
    bluff / misrepresentation, modules 00, 01 and 03 legitimate / bluff / misrepresentation
    (/ illegitimate). Module 02 now uses the course's words: a true statement is legitimate,
    with a demand (a warning, still told apart from a threat) or without; the line between a
    warning and a bluff (a demand above your reservation price) still decides the label."""
    import course
    from course.scenarios.batna import statements_of

    assert check.LABELS == ("legitimate", "bluff", "misrepresentation")
    honest = _cell("honest-teaching")
    assert "in module 00's terms" in honest  # review 96 U1: section 6's rule 1
    assert (
        "A true statement that leaves no false impression in your favour that Northwind "
        "would rely on: **legitimate**" in honest
    )
    # review 108: the aside on module 00's fourth kind is cut (paying for C2, C3, U7)
    assert "three rules, in module 00's terms:" in honest
    assert "A legitimate demand is a **warning**" in honest  # review 90 U1: no bullets
    assert "A *threat* ties a demand to a cost you would rather not impose" in honest
    assert "| plain statement |" not in honest and "| warning |" not in honest
    notes = cell_text("00_leverage", "leverage", "summary")  # module 00's note on the gap
    assert "other modules' words" not in notes and "plain statement" not in notes
    q7 = _cell("q7-text")
    assert "Question 7 (2 marks): legitimate, bluff or misrepresentation?" in q7
    assert "plain statement" not in q7 and "plain statement" not in honest
    for n in range(40):  # every true statement is legitimate; a demand's figure decides
        for s in statements_of(course.variant("02_batna", f"c3-{n}")):
            assert s._label in check.LABELS
            if s._kind == "warning":
                assert (s._label == "legitimate") == (s._stated <= s._actual), s
    solve = _solution()
    assert "legitimate" in solve(course.variant("02_batna", "ada")).values()
    assert check.label_statements(solve, hidden=True).earned == 2


def test_an_answer_in_question_7s_old_labels_keeps_its_marks(learner):
    """C3: a notebook answered before the change returns 'plain statement' and 'warning'
    where 'legitimate' is now right; grading takes each old label where it was right (2 of
    2), and only there: an old label on the wrong true kind, or on a false statement, loses
    that statement's share as it did before. The practice check takes the old labels too."""
    import course
    from course.scenarios.batna import statements_of

    old, answer = _old_form()
    assert set(old.values()) >= {"plain statement", "warning"}
    assert check.label_statements(answer, hidden=True).earned == 2
    ada = statements_of(course.variant("02_batna", "ada"))
    demand = next(s for s in ada if s._kind == "warning" and s._label == "legitimate")

    def swapped(offers):  # the old "plain statement" on a true demand: wrong then, and now
        return {**answer(offers), demand.letter: "plain statement"}

    credit = check.label_statements(swapped, hidden=True)
    assert credit.earned == 2 - check.label_points(demand)
    said = {o.check: o.message for o in credit.outcomes}[f"statement {demand.letter}"]
    assert "one of this question's old labels" in said and "'legitimate'" in said
    false = next(s for s in ada if s._label in ("bluff", "misrepresentation"))
    for old in ("plain statement", "warning"):
        with pytest.raises(check.NotYet):
            check.judge_statement(false, {false.letter: old})
    practice = {s.letter: check.old_label(s) for s in check._practice_said()}
    assert {"plain statement", "warning"} <= set(practice.values())
    check.practice_labels(lambda: practice)


def test_question_6_says_the_walk_away_path_is_tried_on_test_offers_only():
    """X3: question 6's half mark for walking away is never earned on a learner's own offers
    (every learner has a zone with two remote days), only on the check's test offers; the
    text said nothing of it. It now says so, and no learner's own offer needs walking away."""
    import course
    from course.scenarios.batna import right_response

    q6 = _cell("q6-text")
    assert "(your own offers never need a final offer; the test offers do)" in q6  # r103 C1
    for n in range(60):
        offers = course.variant("02_batna", f"sweep-{n}")
        for offer in offers.northwind_offers:
            assert right_response(offers, offer)[0] != "final offer", offers.learner


def test_question_10_says_what_talks_proposer_is_in_plain_words():
    """U5: "`talks.proposer` is who speaks when it matters: first, or last before the date"
    gave one field two meanings in one phrase. It now says it makes the first offer, and
    under an answer date the last one, as batna_rise's solution reads it."""
    q10 = _cell("q10-text")
    assert "who speaks when it matters" not in q10
    assert "`talks.proposer` makes the first offer; under an answer date, the last one." in q10
    solution = cell_text("02_batna", "batna", "batna-rise-answer")
    assert "if talks.answer_date:  # delay costs nothing: the last offer's maker" in solution


def test_question_9s_box_says_its_two_conditions_in_plain_order():
    """U4: two sentences of question 9's box were hard to parse: "(above Lumen's base, as
    Harbor Bank's salary always is, that salary is the only answer)" and "A salary at or
    above Lumen's funded pay must be worth walking away alone." Each now says its condition
    first, then what follows."""
    q9 = _cell("q9-text")
    assert "as Harbor Bank's salary always is, that salary is the only answer" not in q9
    assert (
        "(when that BATNA pays more than Lumen's base, as Harbor Bank always does, its value "
        "is the answer)"
    ) in q9
    assert "must be worth walking away alone" not in q9
    assert (
        "A salary at or above Lumen's funded pay needs no help from Lumen: it must match "
        "walking away by itself."
    ) in q9


def test_section_1_uses_attitude_to_risk_in_one_sense():
    """U3: "from one attitude to risk for every gamble. One attitude need not be averse to
    every gamble" used "attitude" in two senses in two sentences. The phrase is now defined
    once (one way of pricing risk), as the builder's and question 3's hints use it, and the
    next sentence does not repeat the word."""
    risk = _cell("ev-risk")
    assert "One attitude need not be averse" not in risk
    assert (
        "Price every gamble with the same attitude to risk. That attitude" in risk
    )  # r86, r94 U2; review 96 U4 dropped "(one way of pricing risk)"
    assert (
        "That attitude may still make you avoid some risks and seek others: one person may" in risk
    )
    assert risk.count("attitude") == 2  # review 94 U2: "That attitude" names it again


def test_question_7s_marking_paragraph_is_short():
    """U7: question 7's marking paragraph listed 3/8, 1/8 and 1/4 besides the feedback rule;
    it now says where most marks are, that each label counts on its own, and the feedback
    rule, in under 50 words (62 before)."""
    q7 = cell_text("02_batna", "batna", "q7-text")
    marks = " ".join(q7[q7.index("*Marks*") :].split())
    # review 92 U3: the split is back, in one sentence, and the paragraph stays short
    assert marks.startswith("*Marks* (2): 3/8 per label for your two demands, your claim")
    assert len(marks.split()) < 50, len(marks.split())


def test_the_module_is_shorter_than_before_this_round():
    """U1 (length): 7,528 markdown words in the release notebook before this round (review
    80); the round's fixes added about 80, and cuts of repeats (section 1's gamble, section
    3's risk-neutral aside, section 4's terms and sources, a redundant delta in section 7,
    section 6's paltering moved to its side note) bring it to 7,518. The cap follows."""
    from tests.test_review69_batna import _release_markdown_words

    assert _release_markdown_words() <= 7_520
    # review 81 (round 82): C1's five words paid for; U3, U2 and U4 cut 4 (7,516)
    assert _release_markdown_words() <= 7_516
    # review 82 (round 83): C1, E1, C2, E2/X3 paid for by U4, U3 and U2's cuts (7,499)
    assert _release_markdown_words() <= 7_499
    # review 83 (round 84): U1 cut section 7's repeat of module 03's evidence (7,484)
    assert _release_markdown_words() <= 7_484
    # review 85 (round 86): C2 and U5 cut module 01's and 03's clauses; C1, U2, U3 (7,464)
    assert _release_markdown_words() <= 7_464
    # review 86 (round 87): U1's cut and X1's principles for the table pay for C1 and C2
    assert _release_markdown_words() <= 7_363
    # review 87 (round 88): C1, C2 and C3 paid for by two cuts in sections 1 and 6 (7,356)
    assert _release_markdown_words() <= 7_356
