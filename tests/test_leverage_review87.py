"""Review 87 of module 00 (a negotiation professor's, on 34dbc168): fixes, each with a test
that fails on the text it replaced."""

from tests.sweeps import cell_text


def _markdown(grade_id):
    return " ".join(cell_text("00_leverage", "leverage", grade_id).split())


def test_c1_question_4a_says_where_a_revealed_weakness_of_theirs_goes():
    """Review 87 C1: question 4a's key files news that reveals a weakness of theirs wholly as
    your information, against section 2's rule of rating a fact once in its own row; the
    only warning was one sentence at the end of a long section-5 paragraph. The caveat is
    now in question 4a's text, where the learner answers, and section 5's repeat is cut.
    Fails on the old text."""
    question = _markdown("q4-text")
    # review 89 C1: question 4a accepts either reading of such news, and says so
    # review 90 C1: in the words every place uses; review 91 U1: question 4a's own words
    assert (
        # review 97 U1: stated here, where it is applied, no longer in section 2's side note
        # review 99 C1: with its reason, in question 4a's own words
        "Each earns the item. Not your power: the news is about them"  # review 112 C1
        in question
    )
    assert "news simplifies" not in _markdown("shift-teaching")


def test_u1_information_s_least_weight_is_stated_once_in_question_2_from_the_code():
    """Review 87 U1: the least weight for information was given four ways (section 3's
    advice of 0.15 and "a sum above 0.85 with a note", question 2's "every weight from 0.1"
    and "supplier: at least 0.2"). Question 2's bounds now state it once, with the code's
    figures; section 3 points there, and the check's note cites question 2. Fails on the
    old text."""
    from dataclasses import replace

    import course
    from course.checks import leverage as check
    from course.scenarios.leverage import CASES, PAIR_MOST, WEIGHT_FLOOR

    (supplier,) = [r.value for r in CASES["supplier"]._rules if r.kind == "weight_floor"]
    rule = (  # review 89 U3: the supplier case named, and what must weigh that much
        f"information weighs at least {1 - PAIR_MOST:.2f} (down to {WEIGHT_FLOOR:g} passes, "
        f'with a note), or {supplier:g} in case `"supplier"`;'
    )
    assert rule in _markdown("q2-text")
    audit = _markdown("audit-teaching")
    assert "Question 2 bounds information's weight." in audit
    assert "0.15" not in audit and "0.85" not in audit
    own = replace(course.variant("00_leverage", "one-heavy"), case="deadline")
    note = check._heavy_twice(own, {"information": 0.1, "alternatives": 0.45, "power": 0.45})
    assert "question 2's bound" in note and "section 3, not" not in note
