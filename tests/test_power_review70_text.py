"""Module 03, review 70: section 7 and question 4's two accepted replies (C1), question 4's
"accept" (X1), the course's words for authority and influence (U2), a claim about the
evidence (U3) and an author for the Luxembourg paper (U4). Each test failed on the text
before this round."""

from tests.test_models_power import PROSE, _section


def _flat(text):
    return " ".join(text.split())


def test_section_7_states_both_replies_question_4_accepts():
    """C1: section 7 said to put Atlas's yardstick forward wherever Atlas's figure falls
    short of it; question 4 also accepts taking the figure when it is at least section 5's
    price. Section 7 now says so."""
    seven = _flat(_section(PROSE, "**Say true things, plainly.**", "**Mention an alternative"))
    # review 83, U1 (round 84): section 7 states no rule of its own now, so none that
    # could leave out a reply question 4 accepts; it points to section 5
    # review 102, X1: the rule now follows question 4
    assert (
        "as question 4's best reply does (the rule after it says which figures those are)." in seven
    )
    assert "falls short of it" not in seven


def test_accept_takes_the_figure_as_it_stands_and_the_interest_talk_is_section_7s():
    """X1: "accept" was take Atlas's figure and talk about what the licence does for Atlas,
    talk the check's own hint says changes no price. It now means take the figure as it
    stands; section 7 keeps the interests, and the check's message drops the talk. The
    marks are unchanged: both the round figure and a Fraction of it, with "accept", pass."""
    from fractions import Fraction
    from pathlib import Path

    import course
    from course.checks import power as check
    from course.scenarios.power import reply_reason

    four = _flat(_section(PROSE, "### Question 4", "def licence_reply"))
    assert '`"accept"` (take Atlas\'s figure as it stands),' in four
    assert "talk about what the licence does for Atlas" not in four
    seven = _flat(_section(PROSE, "**Say true things, plainly.**", "**Mention an alternative"))
    # review 83, U1 (round 84): said once, in section 5
    assert "Naming a figure below the highest one on the table points the other side down" in (
        _flat(PROSE)
    )
    assert "talk about" not in seven
    source = Path(check.__file__).read_text()
    assert "taken while Kestrel talks about" not in source
    taken = 0
    for n in range(40):
        s = course.variant("03_power", f"r70-{n}")
        if reply_reason(s) != "accept":
            continue
        taken += 1
        check.judge_reply(s, (s.atlas_figure, "accept"))
        check.judge_reply(s, (Fraction(s.atlas_figure), "Accept"))
    assert taken >= 5


def test_authority_is_different_from_legitimate_power_and_influence_is_personal():
    """U2: authority was "broader than" French and Raven's legitimate power, though without
    a right to direct it is narrower in one respect: it is now "different from". The
    expert + referent pair was called "influence", a word LSB and Cialdini use for any
    persuasion: it is now "personal influence", wherever the module names the pair."""
    flat = _flat(PROSE)
    assert "broader than French and Raven" not in flat
    # review 75, U2: it is legitimate power, renamed (the examples are textbook cases)
    # review 102, U4: "renamed" and the course's note went; it is still named as theirs
    assert "(French and Raven's *legitimate* power; section 7 uses" in flat
    # review 102, U2: the coined "personal influence" went; the summary names the bases
    assert "personal influence" not in flat
    assert "rests on authority, expertise, admiration or control" in flat
    assert "as this course uses the word" not in flat


def test_no_universal_negative_about_the_evidence():
    """U3: "no study tests the disclosure of a weak alternative directly" claimed more than
    a search can show; it now says what the course knows."""
    flat = _flat(PROSE)
    assert "adopts: no study tests" not in flat
    # review 85 (round 86): reworded to pay for E2's words, the same claim
    assert "no study we know of tests disclosing a weak alternative directly" in flat
