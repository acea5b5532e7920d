"""Review 97 of module 00, fixed in round 98. The test fails on the text before the fix."""

from tests.sweeps import cell_text


def _cell(grade_id):
    return " ".join(cell_text("00_leverage", "leverage", grade_id).replace("#", " ").split())


def test_e1_a_threat_of_an_unlawful_or_purely_punitive_act_is_not_legitimate():
    """Review 97 E1: "A threat you mean to carry out is legitimate by this course's lines"
    was too broad: by the law of duress a threat of a crime, a tort, a prosecution or a
    breach of contract is improper, and so is a threat of harm that would not benefit its
    maker where the exchange is unfair (Restatement (Second) of Contracts §176), which is
    Schelling's threat as the module defines it. The line now covers only a threat of
    something you are free to do and names the rest illegitimate pressure."""
    ethics = _cell("ethics-teaching")
    assert "legitimate by this course's lines" not in ethics
    assert "of something you are free to do (walk away, sell elsewhere), is no lie" in ethics
    assert (
        "A threat of a crime, a tort, a prosecution or a breach of contract is illegitimate "
        "pressure, and so is one of harm that would not benefit you, used to force unfair "
        "terms (duress: *Restatement (Second) of Contracts*, §176)." in ethics
    )


def test_u2_the_deadline_ladder_behind_the_worked_example_is_shown():
    """Review 97 U2: the first-reach example ("86% ... at +0.25", "98% ... +1.75") and
    question 4c's model answer rest on the deadline case's ladder of asks, which the learner
    never saw; "first reach" was used before it was defined. The ladder is now a table, read
    here from the case's code, and "first reach" is defined where the rule is given."""
    import re

    from course.scenarios.leverage import CASES

    shift = _cell("shift-teaching")
    assert shift.index("(its *first reach*)") < shift.index("at the first reach")
    asks = CASES["deadline"].asks
    shares, bars = [], []
    for bar, ask in asks:
        found = re.search(r"at (\d+)% of your full rent$", ask)
        if found or ask.endswith("at your full rent"):
            shares.append(f"{found.group(1) if found else 100}%")
            bars.append(f"+{bar:.2f}")
    assert f"| share of the full rent | {' | '.join(shares)} |" in shift
    assert f"| bar (points) | {' | '.join(bars)} |" in shift
    assert f"up to $+{asks[-1][0]:.2f}$" in shift and asks[-1][1].endswith("6 months paid ahead")
    assert (
        dict((ask, bar) for bar, ask in asks)[
            "ask Brannock for a five-year lease at 98% of your full rent"
        ]
        == 1.75
    )
