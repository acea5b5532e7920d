"""Module 02, review 75: each test below failed on the code or text before its fix."""

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
    assert "and of the other two statements an eighth" in text
    assert 'the choice under `"use"` earns a quarter' in text
