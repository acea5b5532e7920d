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
