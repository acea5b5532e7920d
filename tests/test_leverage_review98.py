"""Reviews 97 (fixed in round 98) and 98 (fixed in round 99) of module 00. Each test fails on
the text before its fix."""

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
    # review 102 C1 (round 103): the examples now cost the threatener (walking away or
    # selling elsewhere is what you would do anyway, the module's warning)
    assert (
        "of something you are free to do at a cost to yourself (pull your whole account, keep "
        "the warehouse empty for a year), is no lie" in ethics
    )
    # review 98 E1 (round 99) and review 100 E1: the sentence follows §176 (improper
    # threats) and §175 (duress); tests/test_leverage_review100.py reads each ground
    assert "The law calls some threats improper, and they are illegitimate pressure" in ethics


def test_u2_the_deadline_ladder_behind_the_worked_example_is_shown():
    """Review 97 U2: the first-reach example ("86% ... at +0.25", "98% ... +1.75") and
    question 4c's model answer rest on the deadline case's ladder of asks, which the learner
    never saw; "first reach" was used before it was defined. The ladder is now a table, read
    here from the case's code, and "first reach" is defined where the rule is given."""
    import re

    from course.scenarios.leverage import CASES

    shift = _cell("shift-teaching")
    # review 100 C1 (round 101): the worked example's use reads "first reached" now
    # review 112 U2 (round 113): now marked as the course's convention
    assert shift.index("(its *first reach*:") < shift.index("first reached an item before")
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


def test_review98_e1_the_duress_sentence_claims_only_what_restatement_176_lists():
    """Review 98 E1: the threat sentence cited Restatement (Second) of Contracts §176 for "a
    breach of contract", which §176(1) does not list; its (d) is a threat that breaches the
    duty of good faith and fair dealing under a contract with the recipient. The sentence
    now says that."""
    ethics = _cell("ethics-teaching")
    duress = ethics.split("The law calls some threats improper")[1].split("(§175)")[0]
    assert "breach of contract" not in duress
    # review 100 E1: the threat's making is the breach, not a threat of one
    assert "one whose making breaches the duty of good faith and fair dealing under a" in duress


def test_review98_u1_the_four_kinds_come_first_and_the_edge_cases_after_them():
    """Review 98 U1: paltering (labelled a misrepresentation) and "Warning and threat" (some
    threats called illegitimate) sat inside the bullet headed "Legitimate leverage", and
    "misrepresentation" was used before the bullet that defines it. The legitimate bullet is
    now its definition and the van example; paltering, warnings and threats, and the false
    intention that uses them, follow the four kinds as edge cases, in their old words, and
    question 5's pointer to section 6's lines still finds them there."""
    ethics = _cell("ethics-teaching")
    lower = ethics.lower()
    legit = ethics.split("**Legitimate leverage.**")[1].split("**A bluff.**")[0]
    assert legit.strip(" -").endswith("the date you know the buyer must have a van by.")
    for word in ("palter", "misrepresentation", "threat", "warning", "illegitimate"):
        assert word not in legit.lower(), word
    # each of the four kinds is named first where it is defined, in order
    bullets = [
        "**legitimate leverage.**",
        "**a bluff.**",
        "**misrepresentation.**",
        "**an illegitimate source.**",
    ]
    starts = [lower.index(bullet) for bullet in bullets]
    assert starts == sorted(starts)
    assert lower.index("bluff") == starts[1] + len("**a ")
    assert lower.index("misrepresentation") == starts[2] + len("**")
    edge = ethics.split("**Edge cases.**")[1].split("**Going back on your word**")[0]
    assert ethics.index("**Edge cases.**") > ethics.index("**An illegitimate source.**")
    assert lower.index("threat") > ethics.index("**Edge cases.**")
    # the moved passages keep their wording
    for said in (
        "True words chosen to mislead",
        "are *paltering*: those it misleads judge it about as harshly as a lie",
        "Label it a misrepresentation: its false impression concerns a fact the other side "
        "relies on.",
        "*Warning and threat.* After Schelling",
        "a *threat* ties a demand to something you would rather not do",
        "A *warning* is legitimate too",
        "A false *intention*, such as a threat or warning you would not carry out, sits on "
        "the line between a bluff and a misrepresentation",
    ):
        assert said in edge, said
    # question 5 points to section 6's lines: both are still drawn in section 6
    q5 = _cell("q5-text")
    assert "For a tactic on one of section 6's lines (a threat or warning you would not" in q5
    assert "sits on the line between a bluff and a misrepresentation" in edge
    assert "A lie told to get information is filed here" in ethics
