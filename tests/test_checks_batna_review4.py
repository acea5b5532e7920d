"""Module 02, fourth review (professor's review of 843c96b): the story's timing, an
alternative the deal leaves open, the citations of section 6 and 7, the hints of
questions 3 and 9."""

import re

import pytest

import course
from course.checks import batna as check
from course.checks.hints import NotYet
from course.models.batna import expected_value
from course.scenarios.batna import _mention, alternatives_of, batna_of, batna_value_when
from tests.sweeps import cell_text


def text(grade_id):
    return " ".join(cell_text("02_batna", "batna", grade_id).split())


def drawn(learner):
    return course.variant("02_batna", learner)


def left_open_by_bisection(s):
    """The sure salary y with E[max(y, Lumen)] equal to walking away with Lumen open beside
    the better fallback (Harbor Bank or freelancing), from the story's numbers alone."""
    p = s.funding_probability
    lumen = [(p, s.startup_base + s.startup_bonus), (1 - p, s.startup_base)]
    r, b = s.renewal_probability, s.busy_probability
    freelance = [
        (r * b, s.freelance_busy),
        (r * (1 - b), s.freelance_normal),
        (1 - r, s.freelance_no_renewal),
    ]

    def beside(leaves):
        return sum(q * t * max(x, y) for q, x in leaves for t, y in lumen)

    walking = max(beside([(1.0, s.bank_salary)]), beside(freelance))
    low, high = 0.0, 500_000.0
    while high - low > 0.001:
        mid = (low + high) / 2
        low, high = (mid, high) if beside([(1.0, mid)]) < walking else (low, mid)
    return (low + high) / 2


def test_the_story_says_the_alternatives_exclude_each_other_and_are_chosen_before_they_settle():
    """E1, C4: the course values no deal at the best single expected value, which holds only
    if you must pick one alternative now; the story said so of Northwind alone."""
    story = " ".join(drawn("ada").story().split())
    assert "Harbor Bank and Lumen all want your answer by the same date" in story
    assert "You can take only one of the four" in story
    assert "freelancing means turning both offers down" in story
    assert "without knowing how the gambles turn out" in story
    choose = text("choose-teaching")
    assert "the alternatives exclude each other" in choose
    assert "before their uncertainty is settled" in choose


@pytest.mark.parametrize(
    "learner, value", [("rev02-98", 98_992), ("example-5", 90_357), ("alice", 89_833)]
)
def test_an_open_lumen_beside_a_gamble_is_valued_by_the_tree_of_both_sides(learner, value):
    """E2, C3: an open Lumen cancels only beside a sure fallback. For rev02-98 (freelancing
    with Lumen beside it is the better way to walk away) the old rule left Lumen out and
    asked for 81,975; the tree of both sides gives 98,992 (the review's numbers)."""
    s = drawn(learner)
    got = batna_value_when(s, "left open")
    assert round(got) == value
    assert got == pytest.approx(left_open_by_bisection(s), abs=0.01)
    worth = {n: expected_value(t) for n, t in alternatives_of(s).items()}
    assert got > max(v for n, v in worth.items() if n != "Lumen") + 500


def test_an_open_lumen_beside_a_sure_fallback_cancels():
    """Section 3's rule where it holds: when Harbor Bank, a sure salary, is the better way to
    walk away with Lumen beside it, the left-open answer is Harbor Bank's salary itself;
    and that happens for some learners, not others."""
    cancels = 0
    for n in range(300):
        s = drawn(f"open-{n}")
        exact = left_open_by_bisection(s)
        assert batna_value_when(s, "left open") == pytest.approx(exact, abs=0.01)
        cancels += abs(exact - s.bank_salary) < 0.01
    assert 0 < cancels < 300


def test_section_3_the_summary_and_the_rubric_state_when_an_open_alternative_cancels():
    section = text("reservation-teaching")
    assert "does not raise your reservation price at all" not in section
    assert "When what you would take without the deal is a sure amount" in section
    assert "Beside another gamble it does not cancel" in section
    assert "not at all if the deal leaves it open" not in text("summary")
    assert "it cancels beside a sure fallback, but not beside another gamble" in text("summary")
    reflection = text("reflection")
    assert "an alternative the deal leaves open does not count);" not in reflection
    assert "when the learner's fallback is a sure amount" in reflection
    q9 = text("q9-text")
    assert "whatever you choose first" in q9 and "Lumen still open beside it" in q9
    solution = cell_text("02_batna", "batna", "batna-when-answer")
    assert "it adds nothing" not in solution


def test_leaving_an_open_lumen_out_beside_freelancing_loses_the_half_point(learner):
    """E2: the answer the old check demanded is now a mistake with a hint that says why,
    without the answer."""
    s = drawn("rev02-98")
    worth = {n: expected_value(t) for n, t in alternatives_of(s).items()}
    old = max(v for n, v in worth.items() if n != "Lumen")
    with pytest.raises(NotYet) as failure:
        check.judge_batna_when(s, "left open", None, old)
    said = str(failure.value)
    assert "cancels only beside a sure fallback" in said
    assert f"{batna_value_when(s, 'left open'):,.0f}" not in said


def test_question_9_tries_a_case_where_a_failed_round_still_leaves_lumen_the_best(learner):
    """E6: with the drawn bases (all below Harbor Bank's salary) "known first, not funded"
    always equalled leaving Lumen out, so that hint could never fire; the check now also
    tries an example whose base beats every other alternative."""
    cases = check._when_cases(False)
    differs = [
        c for c in cases if batna_value_when(c, "known first", False) > check.without_lumen(c) + 500
    ]
    assert differs
    with pytest.raises(NotYet) as failure:
        check.judge_batna_when(differs[0], "known first", False, check.without_lumen(differs[0]))
    assert "that leaves Lumen out, but the deal still ends it" in str(failure.value)


def test_question_3s_hint_about_an_example_says_whose_sure_amount_it_is(learner):
    """E5: the hint said "Freelance is worth a sure ... to you" about an example learner's
    numbers."""
    found = 0
    for s in check.sure_examples(False):
        lumen_only = max(
            s.bank_salary, s.lumen_sure, expected_value(alternatives_of(s)["Freelance"])
        )
        if abs(lumen_only - batna_of(s, True)[1]) < 1:
            continue
        with pytest.raises(NotYet) as failure:
            check.judge_reservation_salary(s, lumen_only + s.commute_cost, True)
        said = str(failure.value)
        assert "in the example case" in said
        assert f"{s.freelance_sure:,.0f} to that learner" in said and "to you" not in said
        found += 1
    assert found


def test_section_6_labels_a_demand_above_your_reservation_price_as_the_check_does():
    """C1, U4 and the editor's note: the text said such a demand 'can be a
    misrepresentation', which question 6 marks wrong; and module 03 now uses the same two
    words."""
    honest = text("honest-teaching")
    assert "can be a misrepresentation (module 00)" not in honest
    # sixth review, E2: the course accepts both labels for it, as module 03 does
    assert "accepts either label for such a demand" in honest
    assert "in its everyday sense, for both" not in honest
    assert "module 03 uses the same two words, *warning* and *threat*" in honest


def test_the_citations_say_what_the_sources_say():
    """E3: Shaked (1994): the first proposer who can also leave after its own proposal is
    refused can gain more. E4: the SINS survey asked MBA students whether tactics were
    appropriate, not negotiators whether they were fair."""
    section7 = text("nash-teaching")
    assert "A side that proposes first and can also leave just after its own proposal" in section7
    assert "is refused can gain more" in section7 and "is refused gains more" not in section7
    honest = text("honest-teaching")
    assert "MBA students rated tactics as appropriate or inappropriate" in honest
    assert "as fair" not in honest


def test_the_zopa_explorers_sliders_hold_every_learners_numbers():
    """E7: the sliders stopped at 140,000 while Northwind's reservation price reaches
    142,000; the exercise asks for both reservation prices and the learner's raised by
    1,000."""
    cell = cell_text("02_batna", "batna", "zopa-explorer")
    low, high = (float(x) for x in re.search(r"low=([\d_]+), high=([\d_]+)", cell).groups())
    from course.scenarios.batna import northwind_reservation, reservation_of

    for n in range(1_000):
        s = drawn(f"slider-{n}")
        assert low <= reservation_of(s, 2) and reservation_of(s) + 1_000 <= high
        assert northwind_reservation(s) <= high


def test_section_7s_head_office_case_has_a_worked_number_and_its_own_letters():
    """U1, U5: r meant two things in sections 5 and 7 and s both a seller's reservation
    price and a salary; the head-office paragraph had no number. Its worked numbers follow
    min((r + W)/2, A), and W >= A puts the prediction at or above the zone's even split."""
    assert "$r = V + c/2$" not in text("decide-teaching")
    nash = text("nash-teaching")
    assert "$W \\ge A$" in nash and "write $x$ for the salary" in nash
    numbers = re.search(
        r"\$V\$ = ([\d,]+) and a commute of \$c\$ = ([\d,]+) give \$r\$ = ([\d,]+); with the "
        r"agency at \$A\$ = ([\d,]+) the even split of the zone is ([\d,]+)\. If your work is "
        r"worth \$W\$ = ([\d,]+) to Northwind, the prediction is \(([\d,]+) \+ ([\d,]+)\)/2 = "
        r"([\d,]+); if it is worth ([\d,]+), the halfway point, ([\d,]+), is above the "
        r"agency's cost, so the prediction is ([\d,]+)\.",
        nash,
    )
    v, c, r, a, split, w, r2, w2, x, w3, half, x3 = (
        float(g.replace(",", "")) for g in numbers.groups()
    )
    assert r == v + c and split == (r + a) / 2 and (r2, w2) == (r, w)
    assert x == min((r + w) / 2, a) and x >= split and w >= a
    assert half == (r + w3) / 2 > a and x3 == min(half, a)


def test_the_chances_in_an_honest_mention_are_said_to_be_the_speakers_own():
    """U6: the text asked for terms the other side could 'check', chances included."""
    honest = text("honest-teaching")
    assert "so the other side can value it and check it" not in honest
    assert "the chances are your own estimates, which nobody can check" in honest
    s = drawn("ada")
    for name in ("Lumen", "Freelance"):
        assert "I put the chance at" in _mention(s, name)[0]


def test_question_5s_text_says_what_to_write_and_grading_in_one_short_note():
    """U3: the last six lines of q5-text explained how the check samples cases."""
    q5 = cell_text("02_batna", "batna", "q5-text")
    note = q5[q5.index("*Grading, in short:*") :]
    assert len(note.splitlines()) <= 3
    assert "other kind of case" not in q5 and "Then it tries the same cases" not in q5


def test_question_6_leaves_the_choice_of_statement_to_the_learner():
    """W3: section 6 ended 'That is why question 6 compares the band's midpoint with your
    BATNA's value' and q6-text spelled out the comparison; the learner now decides what
    to compare from section 6's advice."""
    assert "question 6 compares" not in text("honest-teaching")
    q6 = text("q6-text")
    assert "Compare what your BATNA is worth" not in q6
    assert "other side of your BATNA's value" not in q6
    assert "section 6's advice on when to mention an alternative" in q6


def test_question_9_says_what_is_known_when_lumen_is_chosen():
    """Fifth review, E2: 'left open' takes the larger of Lumen and the fallback leaf by leaf,
    so it assumes the whole freelance year is known when Lumen's round closes; the text did
    not say so, and the other reading (only the renewal known) differs for half the learners."""
    said = text("q9-text")
    assert "whether the client renewed and whether the year is busy" in said
