"""Module 02, review 73: the own-talks practice comes after the question that defines its
terms (U2), "commute trap" is defined where it is first used (U3), and section 4's band
says it applies to the zone with remote days (U4). Each test failed on the text before."""

import course
from tests.sweeps import cell_text, source_notebook


def _cell(grade_id):
    return " ".join(cell_text("02_batna", "batna", grade_id).split())


def _order():
    return [
        c.metadata.get("nbgrader", {}).get("grade_id")
        for c in source_notebook("02_batna", "batna").cells
    ]


def test_the_own_talks_practice_follows_question_10_which_defines_talks():
    """U2: the practice `own_batna_needed` used `offers.talks`, "the model that fits
    `talks` (question 10)", `talks.work_value` and `talks.delta` two questions before
    question 10 defines them, and the intro called it "question 8's own talks". It now
    follows question 10's check, its heading says so, and the intro and the story name it
    as the practice after question 10."""
    order = _order()
    practice = [order.index(g) for g in ("own-batna-needed-text", "own-batna-needed-answer")]
    practice.append(order.index("own-batna-needed-test"))
    assert practice == sorted(practice) and practice[1:] == [practice[0] + 1, practice[0] + 2]
    assert order.index("q10-text") < order.index("batna-rise-test") < practice[0]
    assert practice[-1] < order.index("reflection-text")
    text = _cell("own-batna-needed-text")
    assert text.startswith("#### Practice after question 10: your own talks (no marks)")
    for term in ("`talks.work_value`", "`talks.delta`", "`talks.proposer`", "`offers.talks`"):
        assert term in _cell("q10-text")
    intro = _cell("intro")
    assert "question 8's own talks" not in intro
    # review 89 U3: the intro's optional extension (no marks) holds question 10 and its practice
    assert "An optional extension (about 1½ hours, no marks) adds" in intro
    assert "question 10 with its practice" in intro
    for n in range(40):
        story = course.variant("02_batna", f"u2-{n}").story()
        assert "questions 8 (your own talks)" not in story


def test_the_commute_trap_is_defined_before_the_rule_table_uses_it():
    """U3: section 5's rule table gave "commute trap" as a reason eight lines before the
    text said what it is; the definition now comes before the table, and the sentence
    after it is gone rather than said twice."""
    decide = _cell("decide-teaching")
    # review 82 U2: the coined name is gone; its row names the reservation price it means
    assert "commute trap" not in decide
    assert "below your reservation price for its package" in decide  # review 86 X1


def test_section_4_says_its_band_applies_to_the_zone_with_two_remote_days():
    """U4: section 4's band was stated for "the zone", with no word of remote days, though
    question 5 applies it to the zone with two remote days (only the explorer exercise
    bridged the two). Section 4 now says so, and where that zone starts, which is what the
    reference answer and question 5's check use (the reservation price less half the
    commute)."""
    from course.scenarios.batna import northwind_reservation, reservation_of
    from tests.notebooks import solution_namespace

    # review 102 U5: the zone with two remote days is now given at the end of section 4
    assert ("and the zone starts half the commute lower") in " ".join(
        _cell("zopa-teaching").split()
    )  # review 91 X1, 92 X1: question 5 decides the package first
    target_salary = solution_namespace("02_batna", "batna")["target_salary"]
    for n in range(20):
        offers = course.variant("02_batna", f"u4-{n}")
        r = reservation_of(offers)
        low, high = reservation_of(offers, remote_days=2), northwind_reservation(offers)
        assert low == r - offers.commute_cost / 2
        target = target_salary(offers, r)
        assert low + (high - low) / 2 - 1e-6 <= target <= low + 0.75 * (high - low) + 1e-6
