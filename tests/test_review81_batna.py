"""Module 02, review 80 (fixes of round 81): each test below failed on the code or text
before its fix."""

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
    assert "if you counter, a salary above the offer, at most your target (question 5)" in text


def test_section_6_names_the_bar_the_summary_gives_where_both_sides_can_counter():
    """C1: the summary's mention rule added a bar section 6 never taught ("where both sides
    can counter and both lose by waiting, the bar is their estimate of your share at the
    table (module 03, section 7)"). Section 6 now says where its own rule fits and points
    to module 03, section 7, for the other bar, as the summary does."""
    honest = _cell("honest-teaching")
    assert (
        "This rule fits talks where Northwind can make a final offer and hold to it; module "
        "03, section 7, gives the bar when both sides can counter and both lose by waiting."
    ) in honest
    summary = _cell("summary")
    assert "where they can make a final offer and hold to it" in summary
    assert "the bar is their estimate of your share at the table (module 03, section 7)" in summary


def test_brw_make_the_disagreement_point_breakdown_payoffs_only_when_breakdown_risk_drives():
    """E1: section 7 said Binmore, Rubinstein and Wolinsky (1986) showed that d_A and d_B
    "are breakdown payoffs", but they show it only for the risk-of-breakdown model; when
    the cost of delay drives agreement, the disagreement point is what each earns while
    talking and the alternatives are outside options. The sentence now says both."""
    nash = _cell("nash-teaching")
    assert "showed that the $d_A$ and $d_B$ of the formula are *breakdown payoffs*" not in nash
    assert (
        "showed that, when the risk of breakdown pushes both to agree, $d_A$ and $d_B$ are "
        "*breakdown payoffs*"
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
        "turns on who has the last word before it (a finite-horizon alternating-offers game: "
        "Ståhl 1972)."
    ) in said
    assert len(nash.split()) <= 1_227  # review 69's cap on section 7 still holds


def test_the_gloss_of_material_is_the_courses_not_the_rule_comments():
    """E3: the side note's "(a fact a reasonable person would weigh in deciding)" read as the
    words of the comment to Model Rule 4.1, which has no such gloss. It now says the gloss
    is the course's."""
    honest = _cell("honest-teaching")
    assert "statements of material fact (a fact a reasonable person" not in honest
    assert (
        "not statements of material fact (our gloss, not the rule's: a fact a reasonable person "
        "would weigh in deciding)"
    ) in honest
