"""Module 03, review 85 (an independent negotiation professor's review), fixed in round 86.
Each test failed on the code or text before this round."""

import pytest

from course.checks import power as check
from course.checks.hints import NotYet
from tests.notebooks import solution_namespace
from tests.test_models_power import PROSE, _section


def _flat(text):
    return " ".join(text.split())


def test_e3_using_a_public_office_in_a_deal_can_be_a_crime_not_often_is():
    """E3: section 7 said that bringing a public office's power to a private deal is "often
    a crime", more than holds in general. It now says it can be one and names the two
    offences (bribery, misconduct in office)."""
    legit = _flat(_section(PROSE, "### Legitimate and illegitimate power", "A bluff is not"))
    assert (
        "is a conflict of interest, and can be a crime (bribery, misconduct in office), as is "
        "raising any say you hold on others' behalf." in legit
    )
    assert "often a crime" not in PROSE


def test_x2_question_9b_says_it_is_judged_by_section_7s_heuristic(learner, capsys):
    """X2: question 9b's right answer rests on section 7's rule on naming an alternative,
    which the text calls an untested heuristic, yet only the question's premise said so: a
    learner who reasoned from Kestrel's true share at the table was told only that the
    answer was wrong. The question, every hint (other learners' cases, the own case, the
    general words) and the passing message now say it is judged by that heuristic."""
    import course
    from course.scenarios.power import HARROW_MOVES, harrow_move

    nine_b = _flat(_section(PROSE, "**Part b (1 mark).**", "def harrow_move"))
    assert "Answers are judged by section 7's heuristic: Granite reads" in nine_b
    seen = 0
    drawn = [course.variant("03_power", f"rev85-{n}") for n in range(30)]
    for s in [*drawn, course.variant("03_power", learner)]:
        for said in set(HARROW_MOVES) - {harrow_move(s)}:
            with pytest.raises(NotYet) as failure:
                check.judge_harrow_move(s, said)
            assert "section 7's heuristic" in str(failure.value), (s.learner, said)
            assert "section 7's heuristic" in failure.value.general, (s.learner, said)
            seen += 1
    assert seen > 60
    check.harrow_move(solution_namespace("03_power", "power")["harrow_move"])
    assert "right by section 7's heuristic" in capsys.readouterr().out
