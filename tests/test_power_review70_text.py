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
    assert (
        "own yardstick where Atlas's figure falls short of it (where Atlas's figure is already "
        "at least what section 5 predicts after a refusal, taking it is just as sound: "
        "question 4)." in seven
    )


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
    assert "points it lower: take the figure." in seven
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
