"""course.checks.batna: the course's own solutions pass, each typical mistake gets a hint
that names it (never a bare AssertionError), and each question is checked on its own."""

import functools
import math
import re
from dataclasses import replace
from pathlib import Path

import pytest

import course
from course.checks import batna as check
from course.checks.hints import NotYet
from course.models.batna import best_alternative, expected_value, flatten
from course.scenarios.batna import (
    REMOTE_DAYS,
    RESPONSES,
    SITUATIONS,
    NorthwindOffer,
    _mention,
    batna_of,
    batna_value_when,
    judge_situation,
    no_deal_case,
    statements_of,
    target_of,
    zone_edge_case,
)
from tests.notebooks import solution_namespace
from tests.sweeps import cell_text, source_notebook

#: The scored questions and their points: question 8 is two cells of a mark each (review 66,
#: X1: half of it is on the learner's own talks).
SCORED = {
    "reservation_salary": 2,
    "northwind_zopa": 2,
    "batna_needed": 1,
    "respond_to_offer": 2,
}


# --- right values written out from the story, as a learner would: the course's own answer
# keys refuse to answer inside a function a check runs, so wrong answers built on a right
# value use these ---------------------------------------------------------------------------


def alternatives_of(o, risk_averse=False):
    """The three alternatives as trees (with ``risk_averse``, the gambles' sure amounts)."""
    p, q = o.renewal_probability, o.busy_probability
    renewed = [(q, o.freelance_busy), (1 - q, o.freelance_normal)]
    freelance = [(p, renewed), (1 - p, o.freelance_no_renewal)]
    funded, base = o.startup_base + o.startup_bonus, o.startup_base
    lumen = [(o.funding_probability, funded), (1 - o.funding_probability, base)]
    if risk_averse:
        lumen, freelance = o.lumen_sure, o.freelance_sure
    return {"Harbor Bank": o.bank_salary, "Lumen": lumen, "Freelance": freelance}


def reservation_of(o, remote_days=0, risk_averse=False):
    """The BATNA's value plus the commute, halved by remote days."""
    value = max(expected_value(tree) for tree in alternatives_of(o, risk_averse).values())
    return value + o.commute_cost * (0.5 if remote_days else 1.0)


def northwind_reservation(o):
    return o.agency_rate + o.agency_fee


def batna_value(o):
    return reservation_of(o) - o.commute_cost


def right_response(o, offer):
    """Question 6's rule, as the notebook's section 5 words it."""
    value, top = reservation_of(o) - o.commute_cost, max(northwind_reservation(o), offer.salary)
    split = (reservation_of(o, REMOTE_DAYS) + top) / 2
    if reservation_of(o, REMOTE_DAYS) > top:
        return "walk away", "no zone even with remote days"
    if offer.salary >= split:
        return (
            ("acceptable", "even split reached")
            if offer.remote_days
            else ("ask for remote days", "no remote days")
        )
    if offer.salary < value:
        return "counter", "below your BATNA"
    if offer.salary < reservation_of(o, offer.remote_days):
        return "counter", "commute trap"
    return "counter", "below the even split"


@pytest.fixture
def answers(learner):
    """The source notebook's solutions, defined for learner 'ada'."""
    return solution_namespace("02_batna", "batna")


@pytest.mark.parametrize("question", ["startup_tree", "choose_batna", "target_salary"])
@pytest.mark.parametrize("hidden", [False, True])
def test_the_course_solutions_pass(answers, question, hidden, capsys):
    getattr(check, question)(answers[question], hidden=hidden)
    assert "\N{CHECK MARK}" in capsys.readouterr().out


@pytest.mark.parametrize("question", SCORED)
@pytest.mark.parametrize("hidden", [False, True])
def test_the_course_solutions_earn_every_point(answers, question, hidden):
    credit = getattr(check, question)(answers[question], hidden=hidden)
    points = SCORED[question]
    assert (credit.earned, credit.possible, repr(credit)) == (points, points, f"{points}")


def test_the_statements_solution_earns_every_point(answers, capsys):
    credit = check.label_statements(answers["label_statements"], hidden=True)
    assert (credit.earned, credit.possible) == (2, 2)
    assert check.label_statements(answers["label_statements"]) is None
    said = capsys.readouterr().out
    assert "right form" in said and "marked when the notebook is graded" in said
    assert "\N{CHECK MARK}" not in said


def test_the_visible_check_of_question_7_judges_labels_only_on_the_practice_case(
    answers, capsys, learner
):
    """A dict of labels on the learner's own case, judged item by item, could be re-run to
    full marks without judgement: the visible check now confirms only the form of the own
    labels (any allowed labels pass it, with no tick) and says they are marked at grading;
    the practice case, shown in the notebook, is judged item by item. Grading is unchanged."""
    use = answers["label_statements"]
    key = use(course.variant("02_batna", "ada"))
    all_honest = {x: "legitimate" for x in "ABCDEF"}  # review 80 C3: module 00's words
    for labels in (all_honest, key):
        assert check.label_statements(lambda o, w=labels: {**w, "use": use(o)["use"]}) is None
        said = capsys.readouterr().out
        assert check.MARKED_WHEN_GRADED in said and "\N{CHECK MARK}" not in said
    graded = check.label_statements(lambda o: {**all_honest, "use": use(o)["use"]}, hidden=True)
    assert graded.earned < 2
    ada = {s.letter: s for s in statements_of(course.variant("02_batna", "ada"))}
    for name, (earned, message) in messages(graded).items():  # grading names the test
        if name == "the statement to make":
            continue
        if ada[name.split()[-1]]._label == "legitimate":  # review 65 X1: a right label earns
            assert earned == check.label_points(ada[name.split()[-1]])
            continue
        assert not earned
        assert "is not 'legitimate'" in message and "to label a statement" in message
    practice = check.practice_case()
    assert practice.learner != "ada" and practice == check.practice_case()
    right = {s.letter: s._label for s in check._practice_said()}  # review 75 X3: G and H too
    assert answers["practice_labels"]() == right
    check.practice_labels(answers["practice_labels"])
    assert "all 8 labels of the practice case are right" in capsys.readouterr().out
    with pytest.raises(NotYet) as hint:
        check.practice_labels(lambda: dict.fromkeys(right, "legitimate"))
    said = str(hint.value)
    wrong = sum(label != "legitimate" for label in right.values())
    assert f"{wrong} of the practice case's 8 labels are not right yet" in said
    assert said.count("To label a statement") == 1
    shown = repr(check.practice_statements())
    assert all(s.text in shown for s in check._practice_said())
    assert f"{reservation_of(practice):,.0f} for the job as offered" in shown
    text = _cell("q7-text")
    # review 70 X1: said plainly, in bold, that the check does not judge them (review 78 X7:
    # in one plain line, with where to find out)
    assert "**Your own labels get no feedback before grading**; the practice case is" in text
    assert "Practise first on a case that is not yours" in text


def test_the_practice_check_of_question_7_never_judges_a_graded_statement(answers, capsys):
    """The practice case was the scenario of the first of the public, mutable
    check.PRACTICE_LEARNERS that was not the kernel's id: a reader set it to their own id,
    claimed another with learner_as, and the practice check judged their own six graded
    statements one by one, reasons included (rev02-7: all six found). The practice case is
    now drawn for an id that is no course id (it has a colon), whatever id the kernel
    claims and whatever a learner rebinds; the class that showed any offers' BATNA and
    reservation prices (questions 2 and 3) shows the practice case only."""
    assert not hasattr(check, "PRACTICE_LEARNERS") and not hasattr(check, "PracticeStatements")
    practice = check.practice_case()
    with pytest.raises(ValueError):  # no learner can be drawn with the practice case's id
        course.variant("02_batna", practice.learner)
    with pytest.raises(ValueError), course.variants.learner_as(practice.learner):
        pass
    practice_key = {s.letter: s._label for s in check._practice_said()}
    for who in ("rev02-7", "practice-21", "practice-7", "practice-2", "ada"):
        own = course.variant("02_batna", who)
        own_key = {s.letter: s._label for s in statements_of(own)}
        check.PRACTICE_LEARNERS = (who,)  # the reader's rebinding, now of a name nothing reads
        try:
            with course.variants.learner_as(f"someone-else-than-{who}"):
                assert check.practice_case() == practice
                if own_key != practice_key:
                    with pytest.raises(NotYet):
                        check.practice_labels(lambda k=own_key: k)
        finally:
            del check.PRACTICE_LEARNERS
        assert statements_of(own) != statements_of(practice)
    check.practice_labels(answers["practice_labels"])
    assert "all 8 labels of the practice case are right" in capsys.readouterr().out


@pytest.mark.parametrize("who", ["ada", "rev02-1", "rev02-5", "rev02-14"])
def test_no_constant_answer_earns_a_mark_in_questions_4_and_6(who, monkeypatch, capsys):
    """A reader found that ``return None`` earned question 4's 'no zone' mark for every
    learner (10 of 10, visible and hidden), as did a zone without the agency's fee, and that
    always walking away earned question 6's last half mark (10 of 10). Those parts now earn
    only beside the part a constant cannot pass."""
    monkeypatch.setenv("LEVERAGE_LEARNER", who)

    def no_fee(offers, reservation):
        return (reservation, offers.agency_rate) if offers.agency_rate >= reservation else None

    for answer in (lambda offers, reservation: None, no_fee):
        for hidden in (False, True):
            credit = check.northwind_zopa(answer, hidden=hidden)
            assert credit.earned == 0, (who, hidden)
            said = messages(credit)["None when there is no zone"][1]
            assert "only beside the right zone" in said or "return None" in said
    for constant in (("walk away", "no zone even with remote days"), ("accept", "even split")):
        for hidden in (False, True):
            credit = check.respond_to_offer(lambda *a, c=constant: c, hidden=hidden)
            assert credit.earned == 0, (who, constant, hidden)
    capsys.readouterr()


def test_question_5s_hints_name_whose_survey_and_the_missing_remote_days(learner):
    """On an example, a hint said 'the fact in your scenario supports: the salary survey's
    median, 88,000' of the example's survey, not the learner's (rev02-2's is 107,000), and a
    target worked out without the remote days was never named as such."""
    example = check._survey_example("inside")
    split, _ = check.target_band(example)
    with pytest.raises(NotYet) as hint:
        check.judge_target(example, split)
    said = str(hint.value)
    assert "that learner's salary survey's median" in said and "in your scenario" not in said

    def without_remote_days(offers, reservation):
        low, high = reservation, northwind_reservation(offers)
        return min(max(offers.pay_survey, (low + high) / 2), low + 0.75 * (high - low))

    tried = 0
    for who in ("ada", "rev02-2", "rev02-5", "rev02-9", "rev02-1", "rev02-3", "rev02-4"):
        offers = course.variant("02_batna", who)
        if northwind_reservation(offers) <= reservation_of(offers):
            continue
        value = without_remote_days(offers, reservation_of(offers))
        if abs(value - target_of(offers)) <= check.TARGET_TOLERANCE:
            continue
        if check.survey_supports_more(offers, value):  # review 106 X1: a right target there
            continue
        tried += 1
        with pytest.raises(NotYet) as hint:
            check.judge_target(offers, value)
        said = str(hint.value)
        assert "the zone for the job as offered" in said, who
    assert tried >= 2


@pytest.mark.parametrize("hidden", [False, True])
def test_question_2s_choice_cannot_be_read_off_question_7s_wording(learner, hidden):
    """Question 7's statements name every learner's BATNA (its terms told plainly, and the
    demands' 'I will take Harbor Bank's offer' / 'join Lumen' / 'stay freelance'), so a
    choose_batna that read the name off them, with the value from the story's numbers,
    passed question 2 visibly and at grading without comparing anything. The check now also
    tries each case with no statements."""
    verbs = {"take Harbor Bank's offer": "Harbor Bank", "join Lumen": "Lumen"}
    verbs["stay freelance"] = "Freelance"

    def worth(o):
        renewed = o.busy_probability * o.freelance_busy + (1 - o.busy_probability) * (
            o.freelance_normal
        )
        return {
            "Harbor Bank": o.bank_salary,
            "Lumen": o.startup_base + o.funding_probability * o.startup_bonus,
            "Freelance": o.renewal_probability * renewed
            + (1 - o.renewal_probability) * o.freelance_no_renewal,
        }

    def by_wording(offers):
        said = " ".join(text for _, text in offers.statements)
        name = next(name for verb, name in verbs.items() if verb in said)
        return name, worth(offers)[name]

    def by_values(offers):
        values = worth(offers)
        name = max(values, key=values.get)
        return name, values[name]

    assert check.choose_batna(by_values, hidden=hidden) is None
    with pytest.raises(NotYet) as hint:
        check.choose_batna(by_wording, hidden=hidden)
    assert "not from what question 7's statements say" in str(hint.value)


def miss(check_function, answer, hidden=False):
    """The hint a check gives for ``answer``."""
    with pytest.raises(NotYet) as failure:
        check_function(answer, hidden=hidden)
    return str(failure.value)


def messages(credit):
    """{check: (points earned, message)} of a credit."""
    return {o.check: (o.earned, o.message) for o in credit.outcomes}


def test_an_unwritten_answer_says_to_replace_the_stub(learner):
    def startup_tree(offers):
        raise NotImplementedError()

    assert "Replace the line  raise NotImplementedError()" in miss(check.startup_tree, startup_tree)


def test_a_crash_shows_the_learners_error(learner):
    assert "raised ZeroDivisionError" in miss(check.startup_tree, lambda offers: 1 / 0)


def test_a_non_function_is_named(learner):
    assert "should be a function" in miss(check.startup_tree, 42)


@pytest.mark.parametrize(
    ("tree", "hint"),
    [
        (lambda o: [(1.0, o.startup_base)], "leaves out the bonus"),
        (lambda o: [(1.0, o.startup_base + o.startup_bonus)], "counts the bonus as certain"),
        (
            lambda o: [
                (1 - o.funding_probability, o.startup_base + o.startup_bonus),
                (o.funding_probability, o.startup_base),
            ],
            "not with 1 -",
        ),
        (lambda o: [(0.5, 1), (0.6, 2)], "must sum to 1"),
        # the right expected value as a single sure salary is not Lumen's offer
        (
            lambda o: [(1.0, o.startup_base + o.funding_probability * o.startup_bonus)],
            "a single outcome",
        ),
    ],
)
def test_startup_tree_mistakes(learner, tree, hint):
    assert hint in miss(check.startup_tree, tree)


def test_a_tree_of_other_outcomes_is_told_what_its_outcomes_are(learner):
    """The hint describes the learner's own tree, whatever its expected value."""
    hint = miss(
        check.startup_tree, lambda o: [(0.5, o.startup_base - 1_000), (0.5, o.startup_base + 1_000)]
    )
    assert (
        "its outcomes are 59,000 with chance 0.5, 61,000 with chance 0.5" in hint
    )  # ada: base 60,000
    assert (
        "leaves out the bonus" not in hint
    )  # its expected value is the base, but not by that mistake


def test_a_wrong_value_of_lumen_points_to_question_1(learner):
    hint = miss(check.choose_batna, lambda o: ("Lumen", 95_000.0))
    assert "Lumen's value comes from your startup_tree, so make sure question 1 passes" in hint


def test_an_equivalent_tree_passes(learner, capsys):
    """Outcomes in the other order, or one outcome split in two, are the same offer."""

    def reordered(o):
        p = o.funding_probability
        funded = (p / 2, o.startup_base + o.startup_bonus)
        return [(1 - p, o.startup_base), funded, funded]

    check.startup_tree(reordered, hidden=True)
    assert "\N{CHECK MARK}" in capsys.readouterr().out


def test_hard_coded_numbers_pass_the_visible_check_but_not_the_hidden_one(answers, learner):
    own = answers["startup_tree"](answers["offers"])
    hard_coded = lambda offers: own  # noqa: E731
    check.startup_tree(hard_coded)
    hint = miss(check.startup_tree, hard_coded, hidden=True)
    assert "every case grading tries" in hint
    assert "hidden-" not in hint  # a hidden case is never named


def test_choosing_by_best_case_is_called_out(monkeypatch):
    def best_case(offers):
        alternatives = alternatives_of(offers)
        return max(alternatives, key=lambda n: max(a for _, a in flatten(alternatives[n])))

    def by_best_case(offers):
        name = best_case(offers)
        return (name, expected_value(alternatives_of(offers)[name]))

    learner = next(
        f"learner-{n}"
        for n in range(100)
        if best_case(course.variant("02_batna", f"learner-{n}"))
        != best_alternative(alternatives_of(course.variant("02_batna", f"learner-{n}")))[0]
    )
    monkeypatch.setenv("LEVERAGE_LEARNER", learner)
    assert "compare expected values, not best cases" in miss(check.choose_batna, by_best_case)


def test_the_wrong_choice_is_told_in_words_not_the_batnas_value(answers, learner):
    # For ada, Harbor Bank's sure 92,000 beats Lumen's 69,000 on average: the hint says
    # another alternative is worth more, not which one or its value (session 56, W5).
    assert answers["choose_batna"](answers["offers"]) == ("Harbor Bank", 92_000)
    hint = miss(check.choose_batna, lambda offers: ("Lumen", 69_000))
    assert "Lumen is worth 69,000 on average, but another alternative is worth more" in hint
    assert "92,000" not in hint and "Harbor Bank" not in hint


def own_case(monkeypatch, offers):
    """Make ``offers`` the own scenario of the learner ('ada') for the checks; other
    learners' stay."""
    import course.checks.batna as module

    real = module._drawn
    monkeypatch.setattr(
        module, "_drawn", lambda learner: offers if learner == "ada" else real(learner)
    )


def test_either_of_two_tied_alternatives_is_right(learner, monkeypatch, capsys):
    """The generator never draws a tie, but the rule says either name is right."""
    import course.checks.batna as module

    tied = replace(module.variant("02_batna"), bank_salary=86_300.0)  # as Freelance, for ada
    own_case(monkeypatch, tied)
    monkeypatch.setattr(module, "_choice_example", lambda: tied)  # the tie is the only case
    monkeypatch.setattr(module, "_freelance_example", lambda: tied)
    monkeypatch.setattr(module, "_bank_example", lambda: tied)
    monkeypatch.setattr(module, "_unround_example", lambda: tied)
    check.choose_batna(lambda offers: ("Freelance", 86_300.0))
    check.choose_batna(lambda offers: ["Harbor Bank", 86_300])  # a list of two counts too
    assert capsys.readouterr().out.count("\N{CHECK MARK}") == 2


def slipped_choice(slip):
    """choose_batna with one slip of ``check.tree_slips`` in a gamble's tree, comparing
    expected values otherwise."""

    def choose(offers, risk_averse=False):
        worth = {n: expected_value(t) for n, t in alternatives_of(offers, risk_averse).items()}
        if not risk_averse:
            name, value = check.tree_slips(offers)[slip]
            worth[name] = value
        best = max(worth, key=worth.get)
        return best, worth[best]

    return choose


SLIPS = list(check.tree_slips(course.variant("02_batna", "slip-0")))


def test_the_examples_of_question_2_have_each_alternative_as_their_batna():
    assert [batna_of(e)[0] for e in check._choice_examples()[:3]] == [
        "Lumen",
        "Freelance",
        "Harbor Bank",
    ]
    text = " ".join(cell_text("02_batna", "batna", "q2-text").split())
    # review 112: shortened to pay for its items; it still says what the examples are
    assert "four examples (each alternative the BATNA in at least one)" in text


def test_a_misspelled_alternative_fails_the_visible_check_of_question_2():
    """choose_batna returns only the best alternative's name, so a misspelled key for Harbor
    Bank passed the visible check for every learner whose BATNA is not Harbor Bank (about
    two in three) and lost both marks at grading; the Harbor Bank example now shows it, for
    every learner (600 learners, each spelling)."""
    from course.variants import learner_as

    def spelled(key):
        def choose(offers, risk_averse=False):
            worth = {n: expected_value(t) for n, t in alternatives_of(offers).items()}
            worth[key] = worth.pop("Harbor Bank")
            best = max(worth, key=worth.get)
            return best, worth[best]

        return choose

    for n in range(600):
        with learner_as(f"spell-{n}"):
            for key in ("Harbour Bank", "Harbor", "Bank"):
                assert "is not one of your alternatives" in miss(check.choose_batna, spelled(key))


def test_a_slip_in_either_gamble_tree_fails_the_visible_check_of_question_2():
    """A function that builds Freelance with its renewal chance swapped passed the visible
    check for about 8 learners in 10 (those whose BATNA is not Freelance) and lost question
    2 at grading; a Freelance example now shows every slip, for every learner."""
    from course.variants import learner_as

    for n in range(200):
        with learner_as(f"slip-{n}"):
            for slip in SLIPS:
                with pytest.raises(NotYet):
                    check.choose_batna(slipped_choice(slip))


def test_a_value_rounded_to_the_hundred_fails_the_visible_checks_and_is_told_so():
    """A choose_batna or reservation_salary that rounds to the hundred passed the visible
    checks for about four learners in five (their own and the examples' amounts were whole
    hundreds), then lost questions 2 and 3 at grading with hints that blamed the tree or
    asked for any numbers. An example whose amounts are not whole hundreds now refuses it
    visibly, for every learner, and the hints say it is the right value rounded."""
    from course.variants import learner_as

    def choose(offers, risk_averse=False):
        name, value = best_alternative(alternatives_of(offers, risk_averse))
        return name, round(value, -2)

    def reservation(offers, risk_averse=False):
        _, value = best_alternative(alternatives_of(offers, risk_averse))
        return round(value + offers.commute_cost, -2)

    for n in range(200):
        with learner_as(f"round-{n}"):
            assert "rounded: return it unrounded" in miss(check.choose_batna, choose)
            seen = messages(check.reservation_salary(reservation))
            assert seen["expected values"][0] == 0
            assert "the right amount rounded; return it unrounded" in seen["expected values"][1]


def test_the_text_says_to_choose_the_fallback_with_the_open_alternative_beside_each():
    """With Lumen left open, the fallback must be chosen after Lumen is put beside each
    candidate: beside Freelance's gamble it can add more than beside Harbor Bank's salary,
    so Freelance can become the fallback (a quarter of learners in a sample of 1,000).
    Section 3, the summary and the rubric say so; the summary no longer says it cancels
    beside Harbor Bank's salary without that condition."""
    source = (Path(__file__).parents[1] / "source" / "02_batna" / "batna.py").read_text()
    flat = " ".join(line.lstrip("# ").strip() for line in source.splitlines())
    assert "Choose it with Lumen beside each candidate" in flat  # review 69 U2; 78 U4
    # review 70 U1: question 9's bullet points to the box, which says it once
    assert "Choose your fallback with Lumen beside each candidate" not in flat
    # review 72 U5: the rubric no longer asks graders for the test (question 9's box keeps it)
    assert "fallback, chosen with it beside each candidate" not in flat
    # question 9 asked only to draw both trees, and the rubric let a sure fallback cancel the
    # open offer without the section's second condition
    # review 70 U1: the box says it, before it draws both trees
    # review 99 U3: and it says which two trees
    assert "Choose it with Lumen beside each candidate, then draw two trees" in flat
    assert "Beside a sure BATNA without Lumen, the open alternative cancels" in flat


def test_question_3_built_on_a_slipped_tree_names_the_question_to_fix():
    """An answer to question 3 built on a slipped Freelance tree was told only 'expected X,
    got Y' (or at grading nothing): its hint now sends the learner to question 2 (question
    1 for Lumen's tree), in the visible check and at grading."""
    from course.variants import learner_as

    told = 0
    for n in range(100):
        with learner_as(f"slip-{n}"):
            for slip in SLIPS:
                choose = slipped_choice(slip)

                def reservation(offers, risk_averse=False, choose=choose):
                    return choose(offers, risk_averse)[1] + offers.commute_cost

                for hidden in (False, True):
                    for outcome in check.reservation_salary(reservation, hidden=hidden).outcomes:
                        if not outcome.passed:
                            told += 1
                            fix = "(question 1)" if "Lumen" in slip or "funding" in slip else ""
                            assert "(question 2)" in outcome.message or (
                                fix and fix in outcome.message
                            ), (slip, outcome.message)
    assert told > 500


def test_question_3_shows_a_question_2_slip_visibly_as_grading_does():
    """Question 3's expected-value point tried only the learner's own case visibly, so a
    choose_batna with a slip in a tree that is not the learner's BATNA (a swapped renewal
    chance: about 88% of learners) saw 2/2 and lost a mark at grading. It now also tries
    question 2's two examples: the visible score is the graded one, and the hint names the
    question to fix."""
    from course.variants import learner_as

    def by(pick):
        def choose(offers, risk_averse=False):
            alternatives = alternatives_of(offers, risk_averse)
            name = max(alternatives, key=lambda n: pick(a for _, a in flatten(alternatives[n])))
            return name, expected_value(alternatives[name])

        return choose

    choices = [slipped_choice(slip) for slip in SLIPS] + [by(max), by(min)]
    for n in range(150):
        with learner_as(f"slip-{n}"):
            for choose in choices:

                def reservation(offers, risk_averse=False, choose=choose):
                    return choose(offers, risk_averse)[1] + offers.commute_cost

                seen, graded = (
                    messages(check.reservation_salary(reservation, hidden=hidden))
                    for hidden in (False, True)
                )
                assert seen["expected values"][0] == graded["expected values"][0] == 0
                assert "question 1" in seen["expected values"][1] or (
                    "question 2" in seen["expected values"][1]
                )
    text = _cell("q3-text")
    assert "question 2's four examples" in text


def test_the_practice_case_of_question_7_is_not_the_own_key_by_analogy():
    """Every learner's two demands were a bluff with remote days and a warning without, so
    the practice case's labels were the learner's own by kind. The practice case keeps that
    pair, where only the package decides each label; own cases draw each demand's label on
    its own, so about three learners in four have a pair that differs from the practice
    case's."""
    practice = {
        demand_package(x.text): x._label
        for x in statements_of(check.practice_case())
        if x._kind == "warning"
    }
    assert practice == {True: "bluff", False: "legitimate"}
    differ = 0
    for n in range(600):
        own = statements_of(course.variant("02_batna", f"analogy-{n}"))
        pair = {demand_package(x.text): x._label for x in own if x._kind == "warning"}
        differ += pair != practice
    assert 0.65 < differ / 600 < 0.85
    text = " ".join(_cell("q7-text").split())
    # review 66 U4: the sentence spoke to a strategy of copying labels, not to the task
    assert "Its labels are not yours by analogy" not in text
    # review 108: the sentence is cut (paying for C2); the practice check says they differ
    assert "Judge your own statements afresh" not in text
    # review 70 U1: the four statements that turn on a figure are named once, in the marks
    assert "your two demands, your claim and your statement about an offer" in text


def test_the_even_split_is_defined_where_it_is_first_used_and_keeps_one_name():
    """Section 4 used 'even split' as section 5's word before section 5 defined it, and
    section 7 renamed it the 'Nash price'. Section 4 now defines it, section 5 refers back
    to it, and section 7 says what the Nash split predicts without a second name."""
    zopa, decide, nash = _cell("zopa-teaching"), _cell("decide-teaching"), _cell("nash-teaching")
    assert "**even split**" in zopa and "section 5 calls that middle" not in zopa
    assert "halfway between the two ends, where each side gains the same" in zopa
    # review 79 U5 named the even split with remote days in section 4; review 92 X1 moved
    # the name to section 5, after question 5 has the learner choose the package
    # review 102 U5: back at the end of section 4, defined before question 5 uses it
    assert "even split with remote days" not in _cell("explorer-text")
    assert zopa.count("**even split with remote days**") == 1
    assert "the even split with remote days (section 4)" in decide
    # review 67 U1: the condition is stated once, in the cancellation case
    assert "Nash price" not in nash and "equal to it only when $W = A$" in nash


def demand_package(text):
    """Whether a demand names the job with two remote days."""
    return text.startswith("With two remote days")


def test_a_hint_shared_by_two_mistakes_names_both(learner):
    """With Lumen the BATNA and Harbor Bank's salary plus the commute equal to Lumen's
    value, an answer built on Harbor Bank was told only that it left out the commute."""
    offers = course.variant("02_batna", "ada")
    lumen = expected_value(alternatives_of(offers)["Lumen"])
    offers = replace(
        offers,
        bank_salary=lumen - offers.commute_cost,
        freelance_no_renewal=0.0,
        freelance_normal=0.0,
        freelance_busy=0.0,
    )
    assert batna_of(offers)[0] == "Lumen"
    with pytest.raises(NotYet) as hint:
        check.judge_reservation_salary(offers, lumen)
    assert "also costs you the commute" in str(hint.value)
    assert "built on Harbor Bank" in str(hint.value)
    assert "question 2" in hint.value.general


def test_a_misspelt_alternative_lists_the_names(learner):
    assert "not one of your alternatives: Harbor Bank, Lumen, Freelance" in miss(
        check.choose_batna, lambda offers: ("harbor", 1.0)
    )


def test_forgetting_the_commute_is_named(answers, learner):
    def batna_only(offers, risk_averse=False):
        return answers["choose_batna"](offers, risk_averse)[1]

    got = messages(check.reservation_salary(batna_only))
    assert "Northwind also costs you the commute" in got["expected values"][1]


def test_a_reservation_price_on_the_wrong_batna_points_to_question_2(learner):
    def on_lumen(offers, risk_averse=False):
        return (
            offers.startup_base
            + offers.funding_probability * offers.startup_bonus
            + (offers.commute_cost)
        )

    got = messages(check.reservation_salary(on_lumen))
    assert "check choose_batna (question 2) first" in got["expected values"][1]


def test_sure_amounts_are_their_own_point(answers, learner):
    """Question 3's second part (issue 17, item 13): a function that ignores the sure
    amounts keeps the expected-value point and loses the other, with a hint that names the
    example it failed on by its numbers; one that takes Lumen's sure amount as the BATNA
    whatever the other alternatives are worth is told to compare all three."""

    def ignores_them(offers, risk_averse=False):
        return answers["reservation_salary"](offers)

    def takes_lumens(offers, risk_averse=False):
        if not risk_averse:
            return answers["reservation_salary"](offers)
        return offers.lumen_sure + offers.commute_cost

    got = messages(check.reservation_salary(ignores_them))
    assert got["expected values"][0] == 1 and got["sure amounts"][0] == 0
    assert "values the gambles at their expected values" in got["sure amounts"][1]
    assert "in the example case (a learner whose alternatives are worth" in got["sure amounts"][1]
    assert "learner example-" not in got["sure amounts"][1]
    got = messages(check.reservation_salary(takes_lumens))
    assert got["sure amounts"][0] == 0
    assert "check the risk_averse=True branch of choose_batna" in got["sure amounts"][1]


def mean(offers, name):
    return check.expected_value(alternatives_of(offers)[name])


def test_a_sure_amount_for_lumen_alone_is_told_one_attitude_prices_both_gambles(learner):
    """Valuing Lumen at its sure amount but Freelance at its expected value mixes two attitudes
    to risk; where that changes the answer, the hint says so."""
    example = next(
        s
        for s in (course.variant("02_batna", f"example-{n}") for n in range(1, 400))
        if len(
            {
                max(s.bank_salary, s.lumen_sure, s.freelance_sure),
                max(s.bank_salary, s.lumen_sure, mean(s, "Freelance")),
                max(s.bank_salary, mean(s, "Lumen"), mean(s, "Freelance")),
            }
        )
        == 3
    )
    mixed = (
        max(
            example.bank_salary,
            example.lumen_sure,
            mean(example, "Freelance"),
        )
        + example.commute_cost
    )
    with pytest.raises(NotYet, match="one attitude to risk prices both gambles"):
        check.judge_reservation_salary(example, mixed, True)


def test_a_one_argument_reservation_salary_keeps_its_first_point(answers, learner):
    credit = check.reservation_salary(lambda offers: answers["reservation_salary"](offers))
    assert credit.earned == 1
    assert "takes 1 positional argument" in messages(credit)["sure amounts"][1]


def test_northwind_zopa_is_given_the_right_reservation_price(learner):
    """A mistake in question 3 cannot cost question 4: the check passes the value."""
    seen = []

    def spy(offers, reservation):
        seen.append((reservation, reservation_of(offers)))
        return None

    check.northwind_zopa(spy)
    assert seen and all(got == right for got, right in seen)


@pytest.mark.parametrize("hidden", [False, True])
def test_each_kind_of_zone_is_tested_visibly_and_costs_its_own_point(learner, hidden):
    """ada has a zone; the visible check also tries an example without one."""

    def always_a_zone(offers, reservation):
        return [reservation, northwind_reservation(offers)]  # a list of two counts too

    always_none = messages(check.northwind_zopa(lambda offers, reservation: None, hidden=hidden))
    got = messages(check.northwind_zopa(always_a_zone, hidden=hidden))
    assert always_none["a zone when there is one"][0] == 0
    assert always_none["None when there is no zone"][0] == 0  # only beside a right zone
    assert "only beside the right zone" in always_none["None when there is no zone"][1]
    assert got["a zone when there is one"][0] == 1.25  # review 114 X1: 1.5 (r103 X2), 1 before
    assert got["None when there is no zone"][0] == 0
    if not hidden:
        assert "there is a zone" in always_none["a zone when there is one"][1]
        assert "costs it less than" in got["None when there is no zone"][1]


@pytest.mark.parametrize("hidden", [False, True])
def test_a_zone_of_one_salary_is_a_zone(learner, hidden):
    """Section 4: a zone exists when b >= s, so where Northwind's reservation price equals
    yours the zone is the single salary (s, s). A strict comparison must fail that case,
    visibly and at grading, with a hint that says the two prices are equal. Review 61 X3:
    it cost the whole point for zones (half the question on a boundary convention); the
    single salary is now its own half point, and the zones that have a width keep theirs."""

    def strict(offers, reservation):
        northwind = offers.agency_rate + offers.agency_fee
        return None if northwind <= reservation else (reservation, northwind)

    credit = check.northwind_zopa(strict, hidden=hidden)
    got = messages(credit)
    # review 103 X2 made the single salary a feedback line, its half point to the zones;
    # review 114 X1: a strict `>` then earned 2 of 2, so the single salary earns a quarter
    assert got["a zone when there is one"][0] == 1.25
    assert got["a zone of one salary"][0] == 0 and got["a zone of one salary"][1]
    assert "a zone of one salary" in {o.check for o in credit.outcomes if not o.passed}
    assert got["None when there is no zone"][0] == 0.5
    assert credit.earned == 1.75 and credit.possible == 2
    if not hidden:
        assert "exactly that learner's reservation price" in got["a zone of one salary"][1]
        assert "more than" not in got["a zone of one salary"][1]
    for n in range(600):  # equal in floating point too, so a strict `<` really differs
        edge = zone_edge_case(course.variant("02_batna", f"edge-{n}"))
        assert northwind_reservation(edge) == reservation_of(edge)


@pytest.mark.parametrize(
    ("zone", "hint"),
    [
        (lambda o, r: (northwind_reservation(o), r), "swapped"),
        (lambda o, r: (r, o.agency_rate), "whether the one you used is all of that cost"),
        (lambda o, r: (r, 100_000.0), "all that its own alternative costs it; check which"),
    ],
)
def test_zone_mistakes_are_named(learner, zone, hint):
    """Review 59 W4: the hints named the figures that make Northwind's reservation price
    (the contractor's rate plus the agency's fee), the decision question 4 asks; they now
    say what to check (seen failing on the old hints)."""

    def answer(offers, reservation):
        return None if northwind_reservation(offers) < reservation else zone(offers, reservation)

    told = messages(check.northwind_zopa(answer))["a zone when there is one"][1]
    assert hint in told
    assert "fee" not in told and "contractor" not in told


def outside(target, pie):
    return 0 if target <= pie / 2 else target


def test_half_the_batna_step_costs_only_the_reachable_check(learner):
    def half(target, pie, theirs, walk_any_time=False):
        if target > pie - theirs:
            return None
        return outside(target, pie) if walk_any_time else target - (pie - theirs) / 2

    got = messages(check.batna_needed(half))
    assert got["targets within reach"][0] == 0
    assert "only half a unit" in got["targets within reach"][1]
    assert got["targets out of reach"][0] == 0.25
    assert got["walking away on their proposal"][0] == 0.25


@pytest.mark.parametrize("hidden", [False, True])
def test_an_unreachable_target_must_be_none(learner, hidden):
    def never_none(target, pie, theirs, walk_any_time=False):
        return outside(target, pie) if walk_any_time else max(0, 2 * target - pie + theirs)

    got = messages(check.batna_needed(never_none, hidden=hidden))
    assert got["targets within reach"] == (0.5, "batna_needed inverts the Nash split.")
    assert got["targets out of reach"][0] == 0
    assert "out of reach; return None" in got["targets out of reach"][1]
    assert got["walking away on their proposal"][0] == 0.25  # one mistake, one deduction


def test_a_target_at_the_edge_of_reach_is_within_reach(learner):
    """A target that leaves the other side exactly its BATNA is within reach (the text counts
    that deal as acceptable), yet `target >= pie - theirs` for "out of reach" earned full marks
    for every learner: no case sat on the edge. One case of whole numbers sits there, and the
    learner sees it (a hidden-only edge case gave this slip a visible tick and 0.5 of 2 marks at
    grading)."""

    def edge_is_out(target, pie, theirs, walk_any_time=False):
        if target >= pie - theirs:
            return None
        return outside(target, pie) if walk_any_time else max(0, 2 * target - pie + theirs)

    for hidden in (False, True):
        got = messages(check.batna_needed(edge_is_out, hidden=hidden))
        assert got["targets out of reach"][0] == 0
        assert "within reach" in got["targets out of reach"][1]
        assert "exactly" in got["targets out of reach"][1]


@pytest.mark.parametrize("hidden", [False, True])
def test_one_slip_at_the_edge_of_reach_costs_one_half_mark(learner, hidden):
    """Whether a target that leaves the other side exactly its BATNA is within reach is one
    point, judged in one part: `>=` for "out of reach" cost the Nash part and the
    outside-option part too (0.5 of 2 marks for every learner); it now costs the half mark
    for telling which targets are out of reach, in either model or both."""

    def edge_is_out(target, pie, theirs, walk_any_time=False, models=(False, True)):
        if target > pie - theirs or (target == pie - theirs and walk_any_time in models):
            return None
        return outside(target, pie) if walk_any_time else max(0, 2 * target - pie + theirs)

    for models in [(False, True), (False,), (True,)]:
        slip = functools.partial(edge_is_out, models=models)
        # the notebook's visible check runs before grading's hidden one, whose message for
        # a part that failed there repeats that hint; without it first, the hidden run read
        # whatever visible run of this question came before it in the process
        check.batna_needed(slip)
        got = messages(check.batna_needed(slip, hidden=hidden))
        assert got["targets within reach"][0] == 0.5
        assert got["walking away on their proposal"][0] == 0.25
        assert got["targets out of reach"][0] == 0
        assert "exactly the BATNA, the other side still agrees" in got["targets out of reach"][1]
    text = _cell("q8-text")
    assert "targets out of reach 1/4" in text  # review 78 U2: the condition is the hint's


def test_the_nash_answer_for_an_outside_option_is_named(learner):
    def nash_only(target, pie, theirs, walk_any_time=False):
        return None if target > pie - theirs else max(0, 2 * target - pie + theirs)

    got = messages(check.batna_needed(nash_only))
    assert got["walking away on their proposal"][0] == 0
    assert "that is the Nash answer" in got["walking away on their proposal"][1]
    assert got["targets within reach"][0] == 0.5 and got["targets out of reach"][0] == 0


@pytest.mark.parametrize("hidden", [False, True])
def test_the_nash_inversion_in_both_models_earns_at_most_half_of_question_8(learner, hidden):
    """Session 56, W1: applying the Nash inversion in both models, ignoring the
    outside-option model section 7 is about, earned 1.5 of 2 (20/20 learners, visible and
    hidden). The out-of-reach half mark now needs a function that answers the two models
    differently where they differ; the hint says so, and the text."""

    def nash_both(target, pie, theirs, walk_any_time=False):
        return None if target > pie - theirs else max(0, 2 * target - pie + theirs)

    got = messages(check.batna_needed(nash_both, hidden=hidden))
    assert sum(earned for earned, _ in got.values()) == 0.5
    assert "answers the two models differently" in got["targets out of reach"][1]
    # review 78 U2: the text gives the marks in one line; the condition is the hint's alone
    assert "Marks: Nash cases 1/2, outside-option cases 1/4, targets out of reach 1/4." in (
        _cell("q8-text")
    )


def test_a_three_argument_answer_keeps_the_nash_points(learner):
    """Answers written before the fourth argument existed keep the Nash point."""

    def three(target, pie, theirs):
        return None if target > pie - theirs else max(0, 2 * target - pie + theirs)

    credit = check.batna_needed(three)
    assert credit.earned == 0.5  # the two parts that also call with the fourth argument fail
    assert "takes 3 positional arguments" in messages(credit)["targets out of reach"][1]
    assert "takes 3 positional arguments" in messages(credit)["walking away on their proposal"][1]


def test_a_wrong_batna_hint_states_the_share_it_would_really_give(learner):
    got = messages(check.batna_needed(lambda target, pie, theirs, walk_any_time=False: 10))
    # (55, 100, 40) with a BATNA of 10: Nash share (100 + 10 - 40) / 2 = 35
    assert "with a BATNA of 10 you would get 35, less than 55" in got["targets within reach"][1]


def test_below_half_the_pie_your_batna_does_not_matter_with_an_outside_option(learner):
    """Issue 17, item 12: the old answer 'return target' for an outside option is wrong for
    a target at or below half the pie, and the hint says why; under Nash a negative BATNA
    is no answer when 0 already gets the target; more BATNA than needed is called so."""

    def old(target, pie, theirs, walk_any_time=False):
        if target > pie - theirs:
            return None
        return target if walk_any_time else 2 * target - pie + theirs

    got = messages(check.batna_needed(old))
    assert got["walking away on their proposal"][0] == 0
    assert "does not matter until it beats half" in got["walking away on their proposal"][1]
    for hidden in (False, True):  # the visible check passed it
        got = messages(check.batna_needed(old, hidden=hidden))
        assert got["targets within reach"][0] == 0
        assert "a BATNA of 0 already gets you the target" in got["targets within reach"][1]
    generous = messages(check.batna_needed(lambda t, p, th, w=False: None if t > p - th else t))
    assert "a smaller BATNA would too" in generous["targets within reach"][1]


def test_a_nash_answer_without_the_floor_fails_the_visible_check_as_it_fails_grading(learner):
    """No visible case had a negative Nash answer, so an answer without max(0, ...) passed the
    self-check and lost the mark for targets within reach in grading."""

    def no_floor(target, pie, theirs, walk_any_time=False):
        if target > pie - theirs:
            return None
        return outside(target, pie) if walk_any_time else 2 * target - pie + theirs

    assert any(2 * t - p + th < 0 for t, p, th in check.batna_needed_cases(hidden=False))
    for hidden in (False, True):
        got = messages(check.batna_needed(no_floor, hidden=hidden))
        assert got["targets within reach"][0] == 0
        assert got["targets out of reach"][0] == got["walking away on their proposal"][0] == 0.25


def test_hidden_batna_cases_stay_in_the_taught_domain(learner):
    cases = check.batna_needed_cases(hidden=True)
    for target, pie, theirs in cases:
        assert theirs < pie / 2 and 0 < target <= pie
        # off the reach boundary by 1 or more, but for one case of whole numbers exactly on
        # it (no float noise there), which a `>=` slip must fail
        edge = target == pie - theirs and all(float(x).is_integer() for x in (target, pie, theirs))
        assert edge or abs(target - (pie - theirs)) >= 1
        # off half the pie by 1 or more, but for one case of whole numbers exactly at half,
        # which `<` for "at or below half" must fail
        half = target == pie / 2 and all(float(x).is_integer() for x in (target, pie, theirs))
        assert half or abs(target - pie / 2) >= 1
    assert sum(target == pie - theirs for target, pie, theirs in cases) == 1
    assert sum(target == pie / 2 for target, pie, _ in cases) == 1
    assert any(target <= pie / 2 for target, pie, _ in cases)


def test_a_target_at_exactly_half_the_pie_takes_0_or_the_target_when_you_can_walk_out(learner):
    """The text returns 0 when a BATNA of 0 already gets the target; with an outside option
    that holds at exactly half the pie in the limit. `<` for "at or below half" passed every
    case the check tried (none at half), so a case at half was added and `<` refused there.
    Review 108 X4 reversed that refusal: for any real delay the share at the table is just
    under half, so the target is as right as 0 at exactly half; both now pass there (the
    assertion that `<` fails is dropped for that reason), and the case stays among those
    tried."""

    def strict_half(target, pie, their_batna, walk_any_time=False):
        if target > pie - their_batna:
            return None
        if walk_any_time:
            return 0 if target < pie / 2 else target
        return max(0, 2 * target - pie + their_batna)

    assert (50, 100, 20) in check.batna_needed_cases(hidden=False)
    assert check.needed((50, 100, 20), True) == 0 and check.needed((50, 100, 20), False) == 20
    for hidden in (False, True):
        got = messages(check.batna_needed(strict_half, hidden=hidden))
        assert got["walking away on their proposal"][0] == 0.25
        assert got["targets within reach"][0] == 0.5 and got["targets out of reach"][0] == 0.25
    text = " ".join(cell_text("02_batna", "batna", "q8-text").split())
    assert "for a target of exactly half, 0 and the target both pass" in text


def test_an_unwritten_batna_needed_earns_nothing_and_says_why(learner):
    def batna_needed(target, pie, their_batna, walk_any_time=False):
        raise NotImplementedError()

    credit = check.batna_needed(batna_needed)
    assert credit.earned == 0 and repr(credit) == "0"
    assert all("raise NotImplementedError()" in o.message for o in credit.outcomes)


def test_respond_to_offer_is_given_the_right_earlier_values(learner):
    seen = []

    def spy(offers, offer, value, limit):
        seen.append((value, limit, batna_value(offers), northwind_reservation(offers)))
        return "counter", "commute trap"

    check.respond_to_offer(spy)
    assert seen and all(v == right_v and lim == right_lim for v, lim, right_v, right_lim in seen)


def rule_of(response, reason=None):
    """A learner's rule that gives the course's reason (unless ``reason`` is given) with the
    response ``response(offers, offer, value, limit)``."""

    def answer(offers, offer, value, limit):
        right_reason = right_response(offers, offer)[1]
        return response(offers, offer, value, limit), reason or right_reason

    return answer


@pytest.mark.parametrize(
    ("rule", "check_name", "hint"),
    [
        # accepting anything above the BATNA's value: the commute trap
        (
            rule_of(
                lambda o, offer, v, lim: (
                    "accept"
                    if v < offer.salary < reservation_of(o)
                    else right_response(o, offer)[0]
                )
            ),
            "responses",
            "once the commute is counted you would be worse off than with your BATNA",
        ),
        # walking out on an extreme first offer
        (
            rule_of(
                lambda o, offer, v, lim: (
                    "walk away" if offer.salary < v else right_response(o, offer)[0]
                )
            ),
            "responses",
            "tells you where Northwind opens, not where it must stop",
        ),
        # never making the final offer
        (
            rule_of(lambda o, offer, v, lim: "counter"),
            "final offer",
            "even with two remote days your reservation price is",
        ),
        # accepting a high salary without remote days (issue 17, item 6)
        (
            rule_of(
                lambda o, offer, v, lim: right_response(o, offer)[0].replace(
                    "ask for remote days", "accept"
                )
            ),
            "responses",
            "they cost Northwind nothing and halve your commute",
        ),
        # the right responses, a reason that does not fit
        (
            rule_of(lambda o, offer, v, lim: right_response(o, offer)[0], "below the even split"),
            "reasons",
            "the reason is not 'below the even split'",
        ),
        (
            rule_of(lambda o, offer, v, lim: "yes"),
            "responses",
            "should be one of 'good enough to close'",
        ),
    ],
)
def test_respond_to_offer_mistakes_are_named(learner, rule, check_name, hint):
    got = messages(check.respond_to_offer(rule))
    assert got[check_name][0] == 0 and hint in got[check_name][1], got[check_name][1]


def test_a_hint_on_an_example_describes_the_example_not_a_learner_id(learner):
    """Issue 17, item 21: the example's numbers are in the hint, so it stands on its own."""
    got = messages(check.respond_to_offer(rule_of(lambda o, offer, v, lim: "counter")))
    example = [m for m in got["responses"][1].splitlines() if "example" in m] or [
        got["responses"][1]
    ]
    assert "learner example-" not in got["responses"][1]
    assert "in your case" in got["responses"][1] or "in the example case (a learner" in example[0]


def test_a_no_deal_example_is_named_for_what_it_is(learner):
    """The no-deal version of the example learner (Q4's and Q5's cheaper agency) is not called a
    case whose zone opens with remote days, and an example's reservation price is theirs, not
    the learner's."""
    own = check._drawn("ada")
    example = check._example(not check._has_zone(own))
    no_deal = no_deal_case(example)
    told = check._case(no_deal)
    assert "no zone even with remote days" in told and "opens only" not in told
    # review 98 U1: "that learner's", since "their" beside Northwind's figures read as its
    assert "that learner's reservation price" in told and "your" not in told
    assert "that learner's reservation price" in check._case(example)
    with pytest.raises(NotYet) as raised:
        check.judge_zopa(no_deal, (1.0, 2.0))
    assert "your reservation price" not in str(raised.value)
    assert "in the example case (a learner with no zone even with remote days" in str(raised.value)


def test_any_two_item_sequence_and_any_spelling_is_an_answer(learner):
    def as_list(offers, offer, value, limit):
        response, reason = right_response(offers, offer)
        return [response.upper(), reason.replace(" ", "_")]

    assert check.respond_to_offer(as_list).earned == 2


def test_ignoring_remote_days_is_caught_where_they_matter(learner, monkeypatch):
    """An offer with remote days whose salary is acceptable only once they halve the commute."""

    def no_remote_days(offers, offer, value, limit):
        if limit < value + offers.commute_cost / 2:
            return "walk away", "no zone even with remote days"
        split = (value + offers.commute_cost + limit) / 2
        return (
            ("accept", "even split reached")
            if offer.salary >= split
            else (
                "counter",
                "below the even split",
            )
        )

    import course.checks.batna as module

    ada = module.variant("02_batna")
    value, limit = batna_value(ada), northwind_reservation(ada)
    split = (value + ada.commute_cost / 2 + limit) / 2
    offer = NorthwindOffer(float(int(split) + 1), REMOTE_DAYS)
    assert offer.salary < (value + ada.commute_cost + limit) / 2  # only remote days make it
    own_case(monkeypatch, replace(ada, northwind_offers=(offer, *ada.northwind_offers[1:])))
    got = messages(check.respond_to_offer(no_remote_days))
    assert got["responses"][0] == 0
    # review 70 X2: the own case's hint names the threshold, not the reservation price
    assert (
        # review 85 U3: the defined term, not "your zone with them"
        "the offer has remote days and is at or above the even split of your zone with remote days"
        in (got["responses"][1])
    )


def test_statements_read_off_a_figure_are_scored_three_eighths_of_a_point_each(answers, learner):
    """ada's A (the mention) and C (private) are honest for everyone and earn an eighth each
    (review 75 X2: they once earned nothing); B, D, E and F earn 0.375 each, and one of them
    wrong costs its own share only."""
    key = answers["label_statements"](course.variant("02_batna", "ada"))
    use = answers["label_statements"]
    one_wrong = {**key, "B": "bluff" if key["B"] != "bluff" else "legitimate"}
    credit = check.label_statements(
        lambda offers: {**one_wrong, "use": use(offers)["use"]}, hidden=True
    )
    assert credit.earned == 2 - 0.375
    assert "statement B is not" in messages(credit)["statement B"][1]
    assert messages(credit)["statement A"][0] == 0.125
    mention_wrong = {**key, "A": "bluff"}
    credit = check.label_statements(
        lambda offers: {**mention_wrong, "use": use(offers)["use"]}, hidden=True
    )
    assert credit.earned == 2 - 0.125


def test_a_statement_hint_explains_the_test_without_naming_the_label(answers, learner):
    """Issue 17, item 9: an answer of all "legitimate" learns which test each statement
    fails, never its label; its right labels earn their share (review 65 X1: they earned
    nothing beside no right label of another kind)."""
    key = answers["label_statements"](course.variant("02_batna", "ada"))
    all_honest = {letter: "legitimate" for letter in "ABCDEF"} | {"use": key["use"]}
    got = messages(check.label_statements(lambda offers: all_honest, hidden=True))
    for statement in check.read_off_figures(statements_of(course.variant("02_batna", "ada"))):
        earned, message = got[f"statement {statement.letter}"]
        if statement._label == "legitimate":
            assert earned == 0.375
            continue
        assert earned == 0 and "apply section 6's three rules to it in turn" in message  # r96
        for label in ("legitimate", "bluff", "misrepresentation", "ultimatum"):
            assert label not in message.split(":", 1)[1], message


def test_the_statement_to_use_is_graded_with_a_reason(answers, learner):
    """ada's BATNA is worth 92,000, below Northwind's pay band midpoint (95,000): it is
    weak, so the statement to make keeps it private, not the one that names it; a warning
    or a bluff is not one to make at all. Grading tries the band on the other side, where
    the mention is the one, so a letter written in loses the part there."""
    letter = {s._kind: s.letter for s in statements_of(course.variant("02_batna", "ada"))}
    key = answers["label_statements"](course.variant("02_batna", "ada"))
    assert key["use"] == letter["private"]
    got = messages(
        check.label_statements(lambda offers: {**key, "use": letter["mention"]}, hidden=True)
    )
    assert got["the statement to make"][0] == 0
    # review 59 W3: no hint on the learner's own case gives the choice or the BATNA's value
    # away (seen failing: the general hint named the comparison, the visible one said "your
    # BATNA is weak ... keep it private" and printed ada's BATNA's value)
    ask = "ask what naming your BATNA's terms would tell Northwind, compared with its present"
    assert ask in got["the statement to make"][1]
    told = miss(check.label_statements, lambda offers: {**key, "use": letter["mention"]})
    assert ask in told and "is not the one to make" in told
    value = f"{check.batna_value(course.variant('02_batna', 'ada')):,.0f}"
    for leak in ("weak", "strong", "private", "pay band", value):
        assert leak not in told and leak not in got["the statement to make"][1], leak
    # on the own case a warning gets the reply any wrong letter gets: a reply of its own
    # would tell the honest statements from the others (review 59, lead; the sweep read two
    # of the four labels marked at grading off the visible check this way)
    warned = miss(check.label_statements, lambda offers: {**key, "use": letter["warning"]})
    assert ask in warned and "true and demand nothing" not in warned
    worked_out = answers["label_statements"]
    padded = messages(
        check.label_statements(
            lambda offers: {**key, "use": f" {worked_out(offers)['use'].lower()} "}, hidden=True
        )
    )
    assert padded["the statement to make"][0] == check.USE_POINTS
    got = messages(
        check.label_statements(lambda offers: {**key, "use": letter["private"]}, hidden=True)
    )
    assert got["the statement to make"][0] == 0
    # the visible check moves the band too, so it says how
    hint = miss(check.label_statements, lambda offers: {**key, "use": letter["private"]})
    assert "work it out from offers.band_midpoint" in hint
    credit = check.label_statements(answers["label_statements"], hidden=True)
    assert credit.earned == credit.possible == 2


def test_an_unknown_label_and_a_missing_letter_are_named(answers, learner):
    # ada's B and D are read off a figure, so graded (A, the mention, earns no mark)
    got = messages(check.label_statements(lambda offers: {"B": "lie"}, hidden=True))
    assert "should return one of 'legitimate', 'bluff'" in got["statement B"][1]
    assert got["statement D"][0] == 0 and got["the statement to make"][0] == 0
    assert "should be one of 'legitimate', 'bluff', 'misrepresentation', got 'lie'" in miss(
        check.label_statements, lambda offers: {"A": "lie"}
    )
    assert "no label for statement B yet" in miss(
        check.label_statements, lambda offers: {"A": "legitimate"}
    )
    all_labels = {x: "legitimate" for x in "ABCDEF"}
    assert "no 'use' yet" in miss(check.label_statements, lambda offers: all_labels)
    unwritten = messages(check.label_statements(lambda offers: [1 / 0], hidden=True))
    assert "should return a dict" in miss(check.label_statements, lambda offers: "legitimate")
    assert all("raised ZeroDivisionError" in message for _, message in unwritten.values())


def test_a_hint_renders_without_a_traceback():
    lines = NotYet("first line\nsecond line")._render_traceback_()
    assert lines == ["\x1b[0;31mNot yet:\x1b[0m first line", "  second line"]


def test_a_cancelled_role_leaves_northwind_no_hire_not_the_agency():
    """If head office cancels the role, Northwind's breakdown payoff is no hire; the agency is
    an outside option that caps the salary. The model quiz's reason and section 7 say so, and
    neither claims each side then gets its alternative or that the zone's even split is then the
    Nash price."""
    situation, model, why = SITUATIONS[0]
    assert "cancel the role" in situation and model == "Nash split"
    assert "no hire" in why and "outside option" in why
    assert "each side gets its alternative" not in why
    section = " ".join(cell_text("02_batna", "batna", "nash-teaching").split())
    assert "and Northwind no hire" in section and "(r + W)/2" in section
    assert "the Nash split of the zone would fit" not in section


def test_an_offer_to_answer_with_remote_days_may_be_below_the_reservation_price(learner):
    """An offer without remote days that reaches the even split with them can be below the
    reservation price for the job as offered; section 5 no longer calls its salary fine without
    them, and the hint says where it falls short."""
    text = " ".join(cell_text("02_batna", "batna", "decide-teaching").split())
    assert "the salary is fine, and" not in text
    # review 78 U3: section 5 is its table; the hint says where the salary falls short
    case = next(
        s
        for s in (course.variant("02_batna", f"sweep-{n}") for n in range(400))
        if any(
            right_response(s, o)[0] == "ask for remote days" and o.salary < reservation_of(s)
            for o in s.northwind_offers
        )
    )
    number, offer = next(
        (n, o)
        for n, o in enumerate(case.northwind_offers, start=1)
        if right_response(case, o)[0] == "ask for remote days"
    )
    with pytest.raises(
        NotYet, match="even below that learner's reservation price for the job as offered"
    ):
        check.judge_response(case, number, offer, ("counter", "commute trap"))


def test_section_7_states_its_assumptions_and_its_quiz_asks_what_pushes_to_agree():
    """Each quiz reason says first what pushes both sides to agree (the head-office case is a
    Nash split capped by the agency, not a contradiction); the clean breakdown case can happen
    during price talks (a lapsing loan, not a regulator who reviews after the parties agree);
    the outside-option result states that neither side earns while talking; BRW are credited
    with the disagreement point, not with the money and risk-neutrality assumptions; the
    certainty equivalent is decision analysis's and the risk premium Pratt's."""
    for *_, why in SITUATIONS:
        assert why.startswith("what pushes both sides to agree is")
    assert "capped by what the agency costs" in SITUATIONS[0][2]
    assert not any("regulator" in text or "merger" in text for text, _, _ in SITUATIONS)
    section = " ".join(cell_text("02_batna", "batna", "nash-teaching").split())
    assert "neither side earns anything while you talk" in section
    assert "showed what the formula assumes" not in section and "regulator" not in section
    assert "to agree, $d_A$ and $d_B$ are *breakdown payoffs*" in section  # review 80 E1
    risk = " ".join(cell_text("02_batna", "batna", "ev-risk").split())
    assert "Raiffa's answer" not in risk and "(Pratt 1964)" in risk
    assert judge_situation(0, "Nash split")[1].startswith(
        "Right: what pushes both sides to agree is the risk that head office"
    )
    assert judge_situation(0, "outside option")[1].startswith(
        "Not this one: it fits the Nash split; what pushes both sides to agree"
    )  # the quiz closes the situation at its first choice, so the fit may be told


def test_a_target_is_where_the_salary_survey_puts_it_within_the_band(learner):
    """Question 5: the target is the highest figure in the band (the even split to three
    quarters of the way up the zone with remote days since session 75) that the salary survey's median
    supports, to the hundred; another figure in the band is told where the survey puts it;
    the reservation price itself, a figure below the even split, and a figure above what
    the agency costs Northwind are each told why not."""
    ada = course.variant("02_batna", "ada")
    low, high = reservation_of(ada, REMOTE_DAYS), northwind_reservation(ada)
    split, most = (low + high) / 2, low + 0.75 * (high - low)
    right = min(max(ada.pay_survey, split), most)
    for target in (right, right - 100 if right > split else right + 100):
        check.judge_target(ada, target)
    for target in (split + 1_000, most - 1_000):
        if abs(target - right) > 100:
            with pytest.raises(NotYet, match="salary survey's median, supports") as hint:
                check.judge_target(ada, target)
            assert f"{right:,.0f}" not in str(hint.value)  # never the own case's target
    for target, words in (
        (reservation_of(ada), "not what you aim for"),
        (low, "not what you aim for"),
        (split - 1_000, "less than half the surplus"),
        (high + 1_000, "would rather call the agency"),
        (high, "your opening lies beyond your target"),
    ):
        with pytest.raises(NotYet, match=words):
            check.judge_target(ada, target)


def test_a_target_rounded_to_the_hundred_passes_on_every_case(capsys):
    """Question 5 says a target may be rounded to the hundred, and the check said so only
    inside the band: where the right target is the even split (the survey below it) it was
    compared to the cent, so a split such as 91,112.50 rounded to 91,100 was refused on the
    fixed examples, for every learner. Rounded to the nearest hundred, down or up, the target
    now passes the visible and the hidden check for 40 learners, and the text says how far
    from the right figure a target may lie."""
    from course.variants import learner_as

    def rounded(how):
        def target(offers, reservation):
            low = reservation - offers.commute_cost / 2
            top = offers.agency_rate + offers.agency_fee
            right = min(max(offers.pay_survey, (low + top) / 2), low + 0.75 * (top - low))
            return how(right / 100) * 100

        return target

    for n in range(40):
        with learner_as(f"round-target-{n}"):
            for how in (round, math.floor, math.ceil):
                check.target_salary(rounded(how))
                check.target_salary(rounded(how), hidden=True)
    assert "within 100 of the right target" in _cell("q5-text")  # review 114 U4
    assert "to the hundred, on your" not in _cell("q5-text")


def test_a_target_at_the_even_split_passes_when_no_fact_takes_it_higher(capsys):
    """The course has one lower bound for a target: at or above the even split of the zone
    (module 04 lets a plan stop exactly on it). A target exactly at the even split passes
    where the salary survey's median lies below it, and only there (600 learners); the
    texts say 'at or above' and 'at least half'."""
    from course.variants import learner_as

    for n in range(600):
        offers = course.variant("02_batna", f"target-{n}")
        low, high = reservation_of(offers, REMOTE_DAYS), northwind_reservation(offers)
        try:
            with learner_as(offers.learner):
                check.judge_target(offers, (low + high) / 2)
        except NotYet:
            assert offers.pay_survey > (low + high) / 2
        else:
            assert offers.pay_survey < (low + high) / 2
    assert "past the top only if you accept less room to concede" in _cell("zopa-teaching")
    assert "section 4's band" in _cell("q5-text")  # review 58 U4: stated once, in section 4
    # review 90 U1: section 4 says "at least half" once (its "at or above" bullet is cut)
    assert "Aim at the even split of the zone, or at the higher figure" in _cell("summary")
    assert "more than half" not in _cell("zopa-teaching") + _cell("q5-text")


def test_the_revise_or_hold_quiz_says_which_facts_move_your_reservation_price():
    """The quiz's introduction said only facts shift leverage, yet its right answer for a
    fact (the agency's new rate card) is to hold: it now says the quiz is about your
    reservation price, which facts about your alternatives or costs may move, while facts
    about the other side's alternatives move the most Northwind would pay. The quiz comes
    before section 4 defines the zone and Northwind's reservation price, so neither it nor
    its feedback uses those terms."""
    from course.scenarios.batna import NEWS

    news = " ".join(_cell("news-text").split())
    assert "This quiz is about your reservation price" in news
    assert "a fact can be true, and still change neither" in news
    rate_card = next(item for item in NEWS if "rate card" in item[0])
    assert rate_card[1] == "hold it" and "raises the most Northwind would pay" in rate_card[2]
    for said in (news, *(" ".join(item) for item in NEWS)):
        assert "zone" not in said and "Northwind's reservation price" not in said


def test_the_precision_of_money_answers_is_stated_before_question_3(learner):
    """Question 9 alone said how precise an amount must be, so a learner who rounded
    question 3 to the hundred lost a mark unwarned (about one learner in five). The intro
    says it once: unrounded, to the cent; and a reservation price rounded to the hundred
    is indeed refused where it is not a multiple of a hundred."""
    assert "Amounts are checked to the cent: do not round." in _cell("q2-text")  # review 82 U4
    ada = course.variant("02_batna", "ada")
    value = reservation_of(ada) + 50  # a rounding to the hundred, 50 off
    with pytest.raises(NotYet):
        check.judge_reservation_salary(ada, value)


def test_the_intro_states_each_questions_tolerance_as_its_check_applies_it(learner):
    """The intro promised the cent for every amount but question 9's, while question 5's
    check takes a target within 100 and question 10's takes the whole unit. It now names
    each exception, and each check applies what it says: 100 (not 101) off the target
    passes, and half a unit (not 0.6) off question 10's rise passes."""
    from course.scenarios.batna import batna_rise_of, target_of

    # review 82 U4: each question states its own tolerance, where the learner meets it
    assert "the check takes any figure within 100 of the right target" in " ".join(
        _cell("q5-text").split()
    )  # review 114 U4: "of it" read as the survey
    for grade_id in ("q9-text", "q10-text", "own-batna-needed-text"):
        assert "whole units suffice" in " ".join(_cell(grade_id).split()).lower(), grade_id
    ada = course.variant("02_batna", "ada")
    check.judge_target(ada, target_of(ada) + 100)
    with pytest.raises(NotYet):
        check.judge_target(ada, target_of(ada) + 101)
    for talks in check.talks_cases(ada):
        right = batna_rise_of(ada, talks)
        check.judge_batna_rise(ada, talks, right + 0.5)
        with pytest.raises(NotYet):
            check.judge_batna_rise(ada, talks, right + 0.6)


def test_target_salary_is_given_the_right_reservation_price(learner, capsys):
    """Issue 15, kind 5: question 8 does not call the learner's question-3 function (a
    hard-coded startup_tree lost question 8 too on some grading keys); it is given the
    right reservation price, as question 4 is."""
    seen = []

    def target(offers, reservation):
        seen.append((offers.learner, reservation))
        low, top = reservation - offers.commute_cost / 2, offers.agency_rate + offers.agency_fee
        return min(max(offers.pay_survey, (low + top) / 2), low + 0.75 * (top - low))

    check.target_salary(target, hidden=True)
    # and the eight examples (each kind of zone, a salary survey below, inside or above the
    # band; review 76 X1 added the survey below, visible and hidden)
    assert len(seen) == 1 + len(check.HIDDEN_LEARNERS) + 8
    for learner_id, reservation in seen:
        assert reservation == reservation_of(course.variant("02_batna", learner_id))


def test_the_story_and_section_6_say_what_the_second_review_found_missing():
    """The story never said that signing with Northwind ends every alternative and that their
    uncertainty is settled only after you answer (what makes expected values right here); 'you
    would swap Lumen for X' shows only that the certainty equivalent is at most X; section 6's
    threat example gave no commute, so its figure could not be checked against the reservation
    price; and a true threat's figure, a floor the other side can meet exactly, gives away
    nearly the reservation price section 6 says to keep private."""
    story = course.variant("02_batna", "ada").story()
    assert "signing with Northwind ends all three alternatives" in story
    assert "swap" not in story and "is as good to you as Lumen's whole offer" in story
    honest = " ".join(cell_text("02_batna", "batna", "honest-teaching").split())
    assert "so your reservation price for the job as offered is 97,000" in honest


def test_section_6_calls_a_demand_you_would_carry_out_a_warning_and_says_what_its_figure_costs():
    """Schelling's threat is a promise of an act you would rather not perform; a statement of
    what you would do anyway is a warning, and the label says so. A warning's figure reads as
    one you would accept, so one below your reservation price invites an offer you would refuse
    (the old text called it 'a floor the other side can meet exactly' and the summary advised a
    figure below it). The band midpoint is the scenario's assumption, the commute unpriced is
    why it is compared with the BATNA's value, and the surveys are reported as module 00 reports
    them."""
    honest = " ".join(cell_text("02_batna", "batna", "honest-teaching").split())
    summary = " ".join(cell_text("02_batna", "batna", "summary").split())
    example = re.search(r"offer less than ([\d,]+), I will take Harbor Bank", honest)
    price = re.search(r"reservation price for the job as offered is ([\d,]+)", honest)
    assert example[1] == price[1]  # the only figure both carried out and accepted
    # review 90 U1: the warning bullet is folded into the paragraph under the table
    assert "A legitimate demand is a **warning**" in honest and "**Threat.**" not in honest
    assert (
        "Sources of the labels and of warning and threat: module 00's, section 6." in honest
    )  # review 94 U1: the note is a pointer
    assert "a floor the other side can meet exactly" not in honest
    assert "at a figure no higher than your reservation price" not in summary
    assert "Warn only of what you would do anyway" in summary  # review 69: summary cut
    assert (
        "a fair stand-in" not in honest
        and "As your scenario says, Northwind reads your reservation price as the midpoint of its pay band."
        in honest
    )  # r94 U1
    assert "counts an unpriced commute at nothing" in honest  # review 94 U1: story's words
    assert "accept such moves as bargaining" not in honest
    assert (
        "Sources of the labels and of warning and threat: module 00's, section 6." in honest
    )  # review 94 U1: a pointer
    assert check.LABELS == ("legitimate", "bluff", "misrepresentation")  # review 80 C3
    assert (
        "about what it expects someone like you to settle for"
        not in course.variant("02_batna", "ada").story()
    )


def test_mentioning_an_alternative_is_judged_against_the_least_they_believe_you_would_accept():
    """An expected settlement and an estimated walk-away point are different numbers: the
    text, story, hints and quiz said 'what the other side expects you to settle for' and
    'its estimate of your reservation price' as if one. They now say what the other side
    believes is the least you would accept, that the band's midpoint stands in for it by
    the case's assumption, and that Northwind counts a commute left unpriced at nothing
    (which the key of 'use' rests on), in the story and in section 6."""
    from course.scenarios.batna import NEWS

    story = " ".join(course.variant("02_batna", "ada").story().split())
    cells = {
        grade_id: " ".join(cell_text("02_batna", "batna", grade_id).split())
        for grade_id in ("honest-teaching", "q7-text", "summary")
    }
    ada = course.variant("02_batna", "ada")
    reasons = [check._use_reason(case) for case in check._use_cases(ada)]
    for text in [story, *cells.values(), *reasons, *(why for _, _, why in NEWS)]:
        assert "settle for" not in text
    # review 61 C2: module 03 gives "the least the other side believes you would accept (at
    # the table)" to its acceptance threshold, which is not your reservation price; module 02
    # names its own figure for what it is, Northwind's estimate of your reservation price
    for text in [*cells.values(), *reasons]:
        assert "estimate of your reservation price" in text, text[:80]
        assert "believes is the least you would accept" not in text, text[:80]
    assert "assumes that Northwind reads your reservation price as that midpoint, because" in story
    assert "As your scenario says, Northwind reads" in cells["honest-teaching"]  # r94 U1
    assert "counts a commute you leave unpriced at nothing" in story
    assert "counts an unpriced commute at nothing" in cells["honest-teaching"]  # r94 U1


def _rule(
    offers,
    offer,
    value,
    limit,
    *,
    trap=None,
    gap=None,
    accept_in_zone=False,
    walk=True,
    job_split=False,
):
    """Question 5's rule written out, with switches for wrong rules that scored full marks:
    ``trap`` the commute counted in the trap test (the offer's own share when None), ``gap`` the
    response to an offer without remote days that clears the reservation price for the job as
    offered, ``accept_in_zone`` accepting any offer with remote days inside its zone, ``walk``
    False for a rule that never walks away, ``job_split`` judging every offer against the even
    split of the zone for the job as offered whenever that zone exists (review 62 X1)."""
    with_remote = value + offers.commute_cost / 2
    limit = max(limit, offer.salary)  # review 77 C2: an offer above it shows it too low
    if limit < with_remote and walk:
        return "walk away", "no zone even with remote days"
    split = (with_remote + limit) / 2
    if job_split and limit >= value + offers.commute_cost:
        split = (value + offers.commute_cost + limit) / 2
    if offer.salary >= split or (
        accept_in_zone and offer.remote_days and offer.salary >= with_remote
    ):
        return (
            ("accept", "even split reached")
            if offer.remote_days
            else ("ask for remote days", "no remote days")
        )
    if gap and not offer.remote_days and offer.salary >= value + offers.commute_cost:
        return gap
    if offer.salary < value:
        return "counter", "below your BATNA"
    commute = trap if trap is not None else offers.commute_cost / (2 if offer.remote_days else 1)
    if offer.salary < value + commute:
        return "counter", "commute trap"
    return "counter", "below the even split"


@pytest.mark.parametrize(
    ("switches", "part"),
    [
        ({"gap": ("ask for remote days", "no remote days")}, "responses"),
        ({"accept_in_zone": True}, "responses"),
        ({"trap": "full"}, "reasons"),
        ({"job_split": True}, "responses"),
    ],
)
@pytest.mark.parametrize("who", [f"review3-{n}" for n in range(12)])
@pytest.mark.parametrize("hidden", [False, True])
def test_every_path_of_question_6s_rule_is_tried_for_every_learner(switches, part, who, hidden):
    """The four drawn offers never had an offer without remote days between the reservation
    price and the even split, nor one with remote days in the commute trap or below the BATNA,
    so a rule wrong there scored full marks; the check now adds offers on every path to each
    case, and each of these wrong rules loses its part."""
    from course.variants import learner_as

    def answer(offers, offer, value, limit):
        options = dict(switches)
        if options.get("trap") == "full":
            options["trap"] = offers.commute_cost
        return _rule(offers, offer, value, limit, **options)

    with learner_as(who):
        credit = check.respond_to_offer(answer, hidden=hidden)
    got = messages(credit)
    assert got[part][0] == 0, (who, got)


@pytest.mark.parametrize("who", ["alice", "carol", "bob"])
def test_the_job_as_offered_split_fails_visibly_and_the_hint_names_rule_step_2(who):
    """Review 62 X1: a rule that judged offers against the even split of the zone for the job
    as offered whenever that zone exists scored 2/2 on the visible check for alice, carol and
    bob and 0/2 at grading, since no visible offer lay between the two even splits. The test
    offers now hold one with and one without remote days there, and the hint sends the
    learner to the zone with two remote days (section 5's rule)."""
    from course.variants import learner_as

    job_split = functools.partial(_rule, job_split=True)
    with learner_as(who):
        seen = messages(check.respond_to_offer(job_split))
        graded = check.respond_to_offer(job_split, hidden=True)
    assert seen["responses"][0] == 0 and graded.earned < 2, seen
    assert (
        "judge every offer against the zone with two remote days (section 5's rule)"
        in (seen["responses"][1])
    ), seen["responses"][1]


def test_the_rule_written_out_passes_and_never_walking_costs_half_a_point(learner):
    """The text says walking away is worth half a mark; a rule that never walks away lost the
    reasons' half point too, since they were also tried on the cheaper-agency cases. The reasons
    part now tries the cases with a zone only."""
    assert check.respond_to_offer(_rule).earned == 2
    assert check.respond_to_offer(_rule, hidden=True).earned == 2
    never = functools.partial(_rule, walk=False)
    assert check.respond_to_offer(never).earned == 1.5
    assert check.respond_to_offer(never, hidden=True).earned == 1.5
    text = " ".join(cell_text("02_batna", "batna", "q6-text").split())
    # review 102 X2: the question now settles the tie where it is asked
    # review 103 X2: that half mark goes with the responses; C1: the response's new name
    assert "An offer exactly at the even split with remote days reaches it" in text  # r110 U3
    assert "responses 1½, final offer ½" in text
    assert "test offers on every path of the rule" in text


def test_the_test_offers_cover_every_path_with_and_without_remote_days(learner):
    """On a case with a zone on salary alone wide enough, the test offers give every (response,
    reason) the rule has but walking away, both with and without remote days where the path
    allows it, each at least 450 from every threshold."""
    from course.scenarios.batna import between_splits_offers, even_split, rule_offers

    example = check._example(True)
    seen = {(offer.remote_days, right_response(example, offer)) for offer in rule_offers(example)}
    assert seen == {
        (0, ("counter", "below your BATNA")),
        (0, ("counter", "commute trap")),
        (0, ("counter", "below the even split")),
        (0, ("ask for remote days", "no remote days")),
        (2, ("counter", "below your BATNA")),
        (2, ("counter", "commute trap")),
        (2, ("counter", "below the even split")),
        (2, ("acceptable", "even split reached")),
    }
    for who in [f"review3-{n}" for n in range(40)]:
        case = check._drawn(who)
        split = even_split(case, REMOTE_DAYS)
        for offer in rule_offers(case):
            for threshold in (
                split,
                # review 62 X1: an offer between the two splits keeps clear of the higher one
                even_split(case) if offer in between_splits_offers(case) else math.inf,
                batna_value(case),
                reservation_of(case, offer.remote_days),
            ):
                assert abs(offer.salary - threshold) >= 450, (who, offer)
            assert offer.salary <= northwind_reservation(case)


def test_a_wrong_tree_is_told_to_check_its_tree_not_to_compare_expected_values(learner):
    """A function that compares expected values but builds Freelance without its busy or normal
    level was told "compare expected values, not best cases" and to check question 1, whenever
    Freelance had the highest best case. The hint now reads the answer's value: not Freelance's
    expected value, so check that tree."""

    def freelance_one_level(offers):
        r = offers.renewal_probability
        tree = [(r, offers.freelance_busy), (1 - r, offers.freelance_no_renewal)]
        return best_alternative({**alternatives_of(offers), "Freelance": tree})

    wrong = []
    for n in range(400):
        offers = course.variant("02_batna", f"review3-{n}")
        try:
            check.judge_choose_batna(offers, freelance_one_level(offers))
        except NotYet as hint:
            wrong.append((offers, str(hint)))
    assert len(wrong) > 40
    for offers, hint in wrong:
        name = freelance_one_level(offers)[0]
        assert "not best cases" not in hint and "startup_tree" not in hint, hint
        if name == "Freelance" and "not the best alternative" in hint:
            assert "your function values Freelance at" in hint and "check how it values" in hint


def test_a_best_case_given_as_the_value_is_named(learner):
    offers = course.variant("02_batna", "ada")
    alternatives = alternatives_of(offers)
    gambles = ("Lumen", "Freelance")
    worst = min(gambles, key=lambda n: expected_value(alternatives[n]))
    assert worst != best_alternative(alternatives)[0]
    top = max(a for _, a in flatten(alternatives[worst]))
    hint = miss(check.choose_batna, lambda o: (worst, top))
    assert "is its best case, not its expected value" in hint


def test_the_right_batna_valued_at_its_best_case_is_told_so_not_sent_to_question_1():
    """Where Lumen is both the BATNA and the alternative with the highest best case, valuing
    every alternative at its best case names Lumen rightly with its best case as the value;
    the hint sent that learner to question 1, which was not where the slip was."""
    from course.variants import learner_as

    def best_cases(offers):
        alternatives = alternatives_of(offers)
        top = {n: max(a for _, a in flatten(tree)) for n, tree in alternatives.items()}
        name = max(top, key=top.get)
        return (name, top[name])

    seen = 0
    for n in range(120):
        offers = course.variant("02_batna", f"learner-{n}")
        name, _ = best_cases(offers)
        if name != best_alternative(alternatives_of(offers))[0]:
            continue
        seen += 1
        with learner_as(f"learner-{n}"):
            hint = miss(check.choose_batna, best_cases)
        assert "is its best case, not its expected value" in hint, n
        assert "question 1" not in hint, n
    assert seen >= 5


def _lumen_only(offers, risk_averse=False):
    """Lumen at its sure amount, Freelance still at its expected value."""
    worth = {n: expected_value(tree) for n, tree in alternatives_of(offers).items()}
    if risk_averse:
        worth["Lumen"] = offers.lumen_sure
    return max(worth.values()) + offers.commute_cost


@pytest.mark.parametrize("who", [f"review3-{n}" for n in range(30)])
def test_a_sure_amount_for_lumen_alone_fails_the_visible_check_for_every_learner(who):
    """The visible examples were a Lumen BATNA that changes and one that stays, so Lumen's sure
    amount with Freelance's expected value passed for 128 of 200 learners; the example whose
    Freelance BATNA changes catches it, with its own hint."""
    from course.variants import learner_as

    with learner_as(who):
        got = messages(check.reservation_salary(_lumen_only))
    assert got["sure amounts"][0] == 0 and got["expected values"][0] == 1
    # where Lumen's sure amount leaves the BATNA by expected values as it was, the hint covers
    # that reading and ignoring the sure amounts alike
    assert "one attitude to risk prices both gambles" in got["sure amounts"][1]


def test_a_wrong_risk_averse_branch_is_sent_to_that_branch(learner):
    """A BATNA chosen by expected values, then valued at its sure amount, was told to check
    choose_batna (question 2), whose check never calls risk_averse=True."""

    def sure_of_the_average_batna(offers, risk_averse=False):
        name = best_alternative(alternatives_of(offers))[0]
        if not risk_averse:
            return best_alternative(alternatives_of(offers))[1] + offers.commute_cost
        sure = {"Harbor Bank": offers.bank_salary, "Lumen": offers.lumen_sure}
        return sure.get(name, offers.freelance_sure) + offers.commute_cost

    got = messages(check.reservation_salary(sure_of_the_average_batna))
    assert got["sure amounts"][0] == 0
    assert "risk_averse=True branch of choose_batna" in got["sure amounts"][1]
    # review 103 X4: question 2's check now tries that branch, on a line of no marks
    assert "question 2's check tests it on a line of no marks" in got["sure amounts"][1]


@pytest.mark.parametrize("who", [f"review3-{n}" for n in range(60)])
def test_a_reservation_price_never_passes_as_a_target(who):
    """Returning the reservation price for the job as offered passed the visible check for 13%
    of learners (where it lies above the even split with remote days), though the check's own
    hint calls it a reservation price. The check now also tries an example where it lies below
    that even split."""
    from course.variants import learner_as

    with learner_as(who):
        for days in (0, REMOTE_DAYS):
            hint = miss(
                check.target_salary,
                lambda offers, reservation, d=days: reservation_of(offers, d),
            )
            assert (
                "that is a reservation price, the least you would accept" in hint
                or "it would rather call the agency" in hint  # no zone on that package
            ), hint


def test_a_demands_label_needs_the_reservation_price_of_its_package():
    """Every demand with a consequence was a true warning for the job as offered, so its label
    could be read off its wording. Now a labelling by wording alone, or one that compares every
    figure with the reservation price for the job as offered, is wrong for many learners."""
    by_wording = by_one_price = 0
    learners = [f"review3-{n}" for n in range(300)]
    for who in learners:
        offers = course.variant("02_batna", who)
        for statement in statements_of(offers):
            if statement._kind != "warning":
                continue
            by_wording += statement._label != "warning"
            one_price = "warning" if statement._stated <= reservation_of(offers) else "bluff"
            by_one_price += one_price != statement._label
    assert by_wording > len(learners) / 4 and by_one_price > len(learners) / 10


def _cell(grade_id):
    return " ".join(cell_text("02_batna", "batna", grade_id).split())


def test_the_risk_summary_explorer_and_section_7_texts_say_where_each_idea_holds():
    """The risk paragraph says its risk premiums treat one year's pay as all you have, and
    splits the idea from what the questions assume; the summary values a gamble by a
    probability-weighted figure only in the one situation; the explorer moves a norm, and
    section 7 says where the half-unit move predicts; the deal-me-out name; the derivation of (r
    + W)/2; Lax and Sebenius without a 'half'."""
    risk, summary = _cell("ev-risk"), _cell("summary")
    # review 79 U2: no CRRA detail; review 112: the line is cut (the story says it)
    assert "constant relative risk aversion" not in risk
    assert "Use an expected value only when" not in summary
    # review 102 C3: section 1's rule, expected value or certainty equivalent
    assert "by its expected value (or your certainty equivalent) only when you must commit" in (
        " ".join(summary.split())
    )
    explorer, nash = _cell("explorer-text"), _cell("nash-teaching")
    assert "1,000; then raise it and check." in explorer  # review 110 X4: no unanswered ask
    assert "How much of it would the remote days" not in explorer
    assert "as you saw in the ZOPA explorer" not in nash
    # the term is not used before the paragraph that defines it
    assert "the half-unit move of the ZOPA explorer" in nash  # review 69 U1: shorter
    assert nash.index("breakdown payoff") == nash.index("*breakdown payoffs*") + 1
    assert (
        "*deal-me-out*" in nash and "You gain $x - r$ over breakdown and Northwind $W - x$" in nash
    )
    assert "for a smaller gain" not in _cell("decide-teaching")
    zopa_text = _cell("zopa-teaching")
    assert "half of the analysis" not in zopa_text and "as carefully as your own" in zopa_text


def test_the_three_places_that_set_a_target_set_the_same_one():
    """Section 3 said 'near what the other side could pay at most', question 8 'above the even
    split, up to Northwind's reservation price', the reflection 'above your reservation price'.
    All three now ask for a target above the middle of the zone and no higher than the estimate
    of the most the other side could pay, and the model answer's targets meet that on its own
    numbers."""
    # the conditions moved from section 3 to the end of section 4
    section, reflection = _cell("zopa-teaching"), _cell("reflection-text")
    assert "near what you believe" not in _cell("reservation-teaching") + section
    # review 90 U1: the two bullets are cut; the band's sentence and section 3 say both
    assert "Wherever you open, aim at or above the even split" in section
    assert "your first offer lies beyond the target" in _cell("reservation-teaching")
    # review 96 U1: the reflection's prompt points to section 4's band instead of restating it
    assert (
        "4. a target placed by section 4's table, naming the fact behind it if there is one"
        in " ".join(reflection.split())
    )
    answer = " ".join(_cell("reflection").split())
    low, high, middle = (
        float(x.replace(",", ""))
        for x in re.search(
            r"zone then runs from ([\d,]+) to ([\d,]+); its even split is ([\d,]+)", answer
        ).groups()
    )
    target = float(re.search(r"I will aim for ([\d,]+)\.", answer)[1].replace(",", ""))
    assert middle == (low + high) / 2 and middle <= target <= low + 0.75 * (high - low)
    # review 70 E1: the zone starts at the offer in hand, the only case where the learner
    # would leave and the agency's price bounds what the employer would pay
    offer = float(re.search(r"rises from [\d,]+ to ([\d,]+)", answer)[1].replace(",", ""))
    assert low == offer and target == middle  # the survey lies below the middle


def test_one_account_of_what_places_a_target_and_of_a_demand_above_the_limit():
    """A reader found four accounts of what justifies a target: the summary said the other
    side's alternative, the reflection a pay survey (the alternative grounding the opening),
    question 5 that the even split needs no fact, and section 3 and question 5 that a target
    is always grounded in a fact. Now: a fact you can show (a pay survey) places the target,
    else the even split; the other side's alternative grounds the opening. The reader also
    found that the text's reason for accepting 'misrepresentation' for a demand above your
    limit contradicted the Model Rule comment it cites; it now says module 00's line is the
    stricter one."""
    summary = " ".join(_cell("summary").split())
    assert "(the other side's alternative) justifies" not in summary
    assert (
        "Aim at the even split of the zone, or at the higher figure a fact you can show "
        "supports" in summary
    )  # review 90 C1: a sentence now; review 110 C1: one rule
    assert "The other side's alternative grounds your opening" in summary
    for cell in ("reservation-teaching", "q5-text"):
        assert "grounded in a fact" not in " ".join(_cell(cell).split()), cell
    # review 77 U3; review 91 X1: no zone named, the learner decides which package
    # review 110 C1: section 4 now says it, so question 5 no longer repeats it
    assert "With no fact you can show, or one below the even split, your target is the even" in (
        " ".join(_cell("zopa-teaching").split())
    )
    honest = " ".join(_cell("honest-teaching").split())
    # review 65 U3: said once, in the warning's paragraph
    assert "module 00 puts such a false intention on the line between a bluff and" in honest


def test_question_10_says_in_its_own_sentence_when_proposer_means_the_last_word():
    """talks.proposer means the first proposer in two versions and the last one in the
    answer-date version; the question said so in a parenthesis a reader missed."""
    text = _cell("q10-text")
    assert "(by an answer date, the last one)" not in text
    # review 80 U5: "who speaks when it matters: first, or last before the date" still gave
    # one field two meanings in one clause; the two are now said apart, each plainly
    assert "`talks.proposer` makes the first offer; under an answer date, the last one." in (
        " ".join(text.split())
    )


def test_question_5_leaves_the_bounds_to_the_learner():
    """Question 8 wrote out both bounds of the range it accepts, with their formulas, so no
    judgement was left; it now points to section 3's conditions and names the fields, and the
    learner works out which zone and which top apply."""
    text = _cell("q5-text")
    assert "with half the commute" not in text and "`offers.agency_rate` plus" not in text
    assert "section 4's band" in text  # they moved there (review 58 U4: stated there only)
    assert all(f"`offers.{f}`" in text for f in ("commute_cost", "agency_rate", "agency_fee"))


def test_question_9s_solution_earns_its_point_and_each_timing_mistake_is_named(answers, learner):
    """The new question on section 3's three situations; averaging an outcome known first, or
    still counting an alternative the deal leaves open, loses its half point with a hint that
    says which."""
    for hidden in (False, True):
        credit = check.batna_when(answers["batna_when"], hidden=hidden)
        assert (credit.earned, credit.possible) == (1, 1)

    def always_average(offers, timing, funded=None):
        return answers["batna_when"](offers, "commit first")

    got = messages(check.batna_when(always_average))
    assert got["settled before you answer"][0] == 0
    assert "averages Lumen's two outcomes" in got["settled before you answer"][1]
    # review 68 X1 / 69 X3: "left open" earns no mark; its hint has a line of its own
    assert got["committed first"][0] == 0  # review 86 X2: feedback only, though right
    assert {o.check: o for o in check.batna_when(always_average).outcomes}["committed first"].right
    assert got[check.LEFT_OPEN_UNMARKED][0] == 0
    assert "sits on both sides of your comparison" in got[check.LEFT_OPEN_UNMARKED][1]
    assert "left open" not in got["committed first"][1]

    def never_lumen(offers, timing, funded=None):
        freelance = (
            offers.renewal_probability
            * (
                offers.busy_probability * offers.freelance_busy
                + (1 - offers.busy_probability) * offers.freelance_normal
            )
            + (1 - offers.renewal_probability) * offers.freelance_no_renewal
        )
        return max(offers.bank_salary, freelance)

    got = messages(check.batna_when(never_lumen))
    assert got["committed first"][0] == 0
    assert "signing with Northwind ends it" in got["committed first"][1]


def test_question_9_accepts_an_answer_rounded_to_the_whole_unit_and_no_further(learner):
    """The left-open value is often not a whole number (90,357.14 in the visible example):
    rounded to the unit it is right, as the question now says; rounded to the hundred it
    is not, and the hint never shows two amounts that look the same."""
    assert "Whole units suffice." in " ".join(_cell("q9-text").split())  # review 82 U4
    example = check._sure_example(True)
    expected = check.batna_value_when(example, "left open")
    assert expected % 1 > 0.01
    for rounded in (round(expected), math.floor(expected * 100) / 100):
        check.judge_batna_when(example, "left open", None, rounded)
    for wrong in (round(expected, -2), expected - 0.9):
        with pytest.raises(NotYet) as hint:
            check.judge_batna_when(example, "left open", None, wrong)
        said = str(hint.value)
        assert f"{expected:,.0f}" not in said and ("too high" in said or "too low" in said), said


def test_a_money_hint_says_which_way_it_is_off_never_the_amount():
    """Session 56, W5: the hint once read "expected 95,000, got 95,300"."""
    assert check._off(95_000, 95_300, "reread").startswith("it is too high")
    assert "a little too low (by less than one unit" in check._off(95_000, 94_999.6, "reread")
    assert "95,000" not in check._off(95_000, 95_300, "reread")


def test_question_9_names_a_fallback_chosen_before_lumen_is_put_beside_it(learner):
    """In the visible example Harbor Bank (86,000 sure) beats Freelance by expected value,
    but with Lumen open beside each Freelance is worth more: returning 86,000 (Lumen beside
    Harbor Bank) was told it left Lumen out; the hint now says to choose the fallback after
    putting Lumen beside each one, on the example with a high base too."""
    example = check._sure_example(True)
    trees = alternatives_of(example)
    for case in (example, check._high_base(example)):
        slip = check.sure_beside_lumen(case, check.with_lumen_open(case, trees["Harbor Bank"]))
        with pytest.raises(NotYet) as hint:
            check.judge_batna_when(case, "left open", None, slip)
        assert "choose your BATNA without Lumen after putting Lumen beside each one" in str(
            hint.value
        )


def test_the_outside_option_half_is_the_limit_of_module_03s_share():
    """Module 03 gives the side that answers delta/(1 + delta); section 7 said 'about
    evenly' and question 7 used exactly half the pie without saying why: both now name the
    limit of very short delays. Review 70 E2: section 7 now gives the share itself,
    delta/(1 + delta), with half as its limit."""
    nash = " ".join(_cell("nash-teaching").split())
    assert "of the pie still worth having after one round of delay: about half when delays " in (
        nash
    )
    assert "very short delays ($\\delta \\to 1$)" in " ".join(_cell("q8-text").split())


def test_a_demand_above_your_reservation_price_may_be_called_a_misrepresentation(answers):
    """Module 03 accepts "bluff" or "misrepresentation" for a demand whose figure is above your
    reservation price (a stated intention you do not hold); question 6 took only "bluff", so a
    learner who applied module 03's reading lost a quarter point. Both now earn it, for the
    demand with remote days; the other labels still earn nothing, and a warning is still not a
    misrepresentation."""
    from course.variants import learner_as

    use = answers["label_statements"]

    def mixed(who):  # one demand a bluff, the other a warning
        said = statements_of(course.variant("02_batna", who))
        return sorted(x._label for x in said if x._kind == "warning") == ["bluff", "warning"]

    for who in [w for w in (f"review6-{n}" for n in range(40)) if mixed(w)][:3]:
        offers = course.variant("02_batna", who)
        key = use(offers)
        said = statements_of(offers)
        above = [x for x in said if x._kind == "warning" and x._label == "bluff"]
        below = [x for x in said if x._kind == "warning" and x._label == "warning"]
        assert len(above) == 1 and len(below) == 1
        with learner_as(who):
            credit = check.label_statements(
                lambda o, key=key, x=above[0].letter: {
                    **key,
                    x: "misrepresentation",
                    "use": use(o)["use"],
                },
                hidden=True,
            )
            assert credit.earned == 2, who
            credit = check.label_statements(
                lambda o, key=key, x=below[0].letter: {
                    **key,
                    x: "misrepresentation",
                    "use": use(o)["use"],
                },
                hidden=True,
            )
            assert credit.earned == 2 - 0.375, who


def test_the_texts_on_the_limit_result_the_target_and_accepting_below_it():
    """Binmore, Rubinstein and Wolinsky's result is a limit; the target is the course's one
    (aimed at, grounded in a fact, better than the reservation price, the opening beyond it);
    why section 5 accepts below the target; module 03 says a threat invites one back; 5 to 6
    hours; the surplus and the Model Rule before they are used; what the outside-option model
    says with section 7's numbers; the chances Northwind is assumed to take at face value."""
    intro, risk = _cell("intro"), _cell("ev-risk")
    # review 70 U1: the module is about 15% shorter, and so is its stated time
    assert "about 3½ hours" not in intro
    # review 89 U3: the 6½ to 7 hours are now a core and an optional extension
    assert "The core takes about 5 to 5½ hours" in intro
    assert "An optional extension (about 1½ hours, no marks)" in intro
    assert "surplus (what it gains over both sides' alternatives together)" in intro
    assert "constant relative risk aversion" not in " ".join(risk.split())  # review 79 U2
    reservation = _cell("reservation-teaching")
    assert "the outcome you aim to land at, better than your reservation price" in reservation
    assert "your first offer lies beyond the target" in reservation
    assert "the **surplus** the deal creates" in _cell("zopa-teaching")
    assert "pleased to reach" not in reservation + _cell("q5-text")
    decide = _cell("decide-teaching")
    assert "An offer at or above it is *good enough to close*: take it" in decide
    honest = _cell("honest-teaching")
    assert "module 03 shows how such a demand invites one back" not in honest
    assert (
        "Sources of the labels and of warning and threat: module 00's, section 6." in honest
    )  # review 94 U1: the note is a pointer
    # the Model Rule is introduced once, in the side note (review 90 U1: no bluff bullet)
    assert "introduced under *Bluff* below" not in honest
    assert honest.count("Model Rule 4.1") == 0  # review 94 U1: module 00, section 6 cites it
    # a side note (review 65 U3: one block with the sources of the words)
    # review 77 U5: the side note keeps the words' sources; "why even a true warning costs
    # you" is cut (the warning row's test and the judged-by-what-it-says line carry it)
    assert (
        "Sources of the labels and of warning and threat: module 00's, section 6." in honest
    )  # review 94 U1: no side note
    assert "Why even a true warning costs you" not in honest
    assert "takes the chances you state at face value" in honest
    nash = _cell("nash-teaching")
    # review 58 C1: "limit" is no longer a second word for anything but delta -> 1
    assert "Their result is a limit" not in nash and "the risk of breakdown pushes" in nash
    assert "in the same limit" not in nash


def test_section_7s_outside_option_prediction_for_northwind_is_the_reservation_price():
    """Deal-me-out (module 03: the responder gets the larger of its share at the table and
    its option) on section 7's numbers: the pie is W - c, your share at the table
    delta/(1+delta) of it, your option V, Northwind's W - A. Your BATNA binds for both values of W the text
    uses, so the salary is exactly r, whatever the patience, and moves one for one with
    the BATNA; it leaves r only above W = 2V + c. The text says so, and no longer that the
    salary lands somewhere in the zone at a point set by W and patience."""
    from course.models.batna import outside_option_split

    nash, decide = _cell("nash-teaching"), _cell("decide-teaching")
    bank, commute, agency = 89_000, 8_000, 110_000

    def salary(worth, batna=bank):
        you, _ = outside_option_split(worth - commute, batna, worth - agency)
        return you + commute

    assert f"$V$ = {bank:,} and $c$ = {commute:,}" in nash
    assert f"$A$ = {agency:,}" in nash
    for worth in (115_000, 130_000):
        assert f"$W$ = {worth:,}" in nash
        table = 0.9 / 1.9 * (worth - commute)  # review 70 E2: the responder's share
        assert table < bank and f"{round(table, -2):,.0f} if $W$ = {worth:,}" in nash
        assert salary(worth) == bank + commute
        assert salary(worth, bank + 1_000) == salary(worth) + 1_000
    assert f"the salary is {bank + commute:,} when Northwind proposes" in nash
    # review 66 U1: the side calculation of the threshold W = 2V + c was cut; the model still
    # leaves r only above it
    assert "$2V + c$" not in nash
    assert salary(2 * bank + commute) == bank + commute
    assert salary(2 * bank + commute + 2_000) == bank + commute + 1_000
    assert "more than the Nash split's half unit" in nash  # review 69 U1
    # review 68: the box's closing repeat of the norm was cut to make room for C1's sentence;
    # the box still gives the even split, and the text calls it a norm, not a prediction
    assert f"the even split of the zone is {(bank + commute + agency) // 2:,}" in nash
    assert "So section 5's even split is your threshold to close, not a prediction." in nash
    assert "at a point set by" not in nash and "numbers you do not know" not in nash
    assert "numbers you do not know" not in decide
    assert "your reservation price if Northwind has it" not in decide  # section 7 says it (U3)


def alternating_offers(pie, yours, theirs, delta):
    """Your payoff when you propose and when the other side proposes, in alternating offers
    where a side may take its option whenever it turns a proposal down (Shaked and Sutton
    1984): the fixed point of ``m = pie - max(delta * n, theirs)`` and
    ``n = pie - max(delta * m, yours)``, found by iterating from the start."""
    mine, others = pie, pie
    for _ in range(50_000):
        mine, others = pie - max(delta * others, theirs), pie - max(delta * mine, yours)
    return mine, pie - others


def test_section_7s_outside_option_salary_depends_on_who_proposes():
    """Section 7 said the outside-option salary is exactly the reservation price 'however
    patient the two of you are': true when Northwind proposes, but when you propose
    Northwind takes any salary that leaves it delta times its gain at r, so you get
    r + (1 - delta)(W - r), which falls to r only as delays shrink. The text now gives both,
    with these numbers, found here by solving the bargaining game itself."""
    nash, decide = _cell("nash-teaching"), _cell("decide-teaching")
    bank, commute, agency, delta = 89_000, 8_000, 110_000, 0.9
    r = bank + commute
    assert "$r + (1 - \\delta)(W - r)$" in nash and "$\\delta$ = 0.9" in nash
    for worth in (115_000, 130_000):
        you_propose, they_propose = alternating_offers(worth - commute, bank, worth - agency, delta)
        assert round(they_propose + commute) == r
        asked = r + (1 - delta) * (worth - r)
        assert round(you_propose + commute) == round(asked)
        assert f"{r:,} + 0.1 × {worth - r:,} = {asked:,.0f}" in nash
        for patience in (0.5, 0.8, 0.95, 0.99):  # exactly r when Northwind proposes
            assert (
                round(alternating_offers(worth - commute, bank, worth - agency, patience)[1])
                == bank
            )
        near = alternating_offers(worth - commute, bank, worth - agency, 0.999)[0] + commute
        assert abs(near - r) < 40  # falls to r as delays shrink
        # a BATNA 1,000 better raises the salary by delta x 1,000 when you propose
        better = alternating_offers(worth - commute, bank + 1_000, worth - agency, delta)[0]
        assert round(better - you_propose) == round(delta * 1_000)
    assert "and by $\\delta$ × 1,000 when you do" in nash
    assert "however patient you both are" in nash.split("If Northwind does")[1]
    assert "or a little more when you make the offer" not in decide  # section 7 says it (U3)


def test_section_3s_worked_example_of_an_offer_left_open_adds_up():
    """Section 3's paragraph on an offer left open had no worked example; its numbers now come
    from the rule question 9 grades (the better of the two outcomes, leaf by leaf, then the sure
    salary worth as much with the offer still open)."""
    low, high = 60_000, 110_000

    def beside_open(fallback):  # (chance, amount) pairs; the open offer 50/50
        return sum(q * (max(x, low) + max(x, high)) / 2 for q, x in fallback)

    def salary_matching(worth):  # y with (max(y, low) + max(y, high)) / 2 == worth
        return 2 * worth - high

    sure, gamble = [(1, 90_000)], [(0.5, 50_000), (0.5, 130_000)]
    assert beside_open(sure) == 100_000 and salary_matching(100_000) == 90_000
    assert (max(50_000, low) + max(50_000, high)) / 2 == 85_000
    assert beside_open(gamble) == 107_500 and salary_matching(107_500) == 105_000
    assert expected_value(gamble) == 90_000
    # review 58 U1: the sure-fallback example moved from section 3 to question 9
    text = " ".join(_cell("q9-text").split())
    for said in (
        "let Lumen pay 60,000 or 110,000 with even chances",
        "walking away is worth 0.5 × 90,000 + 0.5 × 110,000 = 100,000",
        "and so is a salary of 90,000 with Lumen open beside it: Lumen cancels",
    ):
        assert said in text, said
    # review 57, U1: the gamble beside the open offer is worked in question 9, which grades it
    for said in (
        "a gamble of 50,000 or 130,000 with even chances (90,000 on average)",
        # review 112 U4: a 2x2 table of max() cells replaces the row-by-row sentence
        "| 50,000 | max(50,000, 60,000) = 60,000 | max(50,000, 110,000) = 110,000 |",
        "so it is worth 107,500 in all",
        "105,000, not 90,000",
    ):
        assert said in _cell("q9-text"), said


def test_the_model_quiz_asks_about_cases_the_text_does_not_work():
    """Three of the model quiz's four situations were section 7's own cases (the lapsing loan,
    head office, Harbor Bank's signable offer), so the quiz tested recognition. Now only the
    head office's case, which adds the agency's cap, is from the text, and both models still fit
    some situation."""
    section = " ".join(cell_text("02_batna", "batna", "nash-teaching").split())
    texts = [text for text, _, _ in SITUATIONS]
    assert not any("loan" in text or "Harbor Bank" in text for text in texts)
    assert sum("head office" in text for text in texts) == 1
    # review 66 U1: section 7's lapsing-loan example was cut; the quiz's cases stay new
    assert "patent" not in section and "tenant" not in section
    assert {model for _, model, _ in SITUATIONS} == {"Nash split", "outside option"}


def test_a_demand_below_your_reservation_price_is_judged_by_what_it_says():
    """The demand for the job as offered names a figure below your reservation price, and
    section 6 said its figure 'reads as a promise', so a learner could label it a bluff on the
    text's own reading, for every learner. The course keeps Schelling's reading, as modules 00
    and 03 do: a demand says what you will do below its figure, and that is true, so it is a
    warning; what Northwind may hear above the figure is a cost of making it. The text, the
    three tests, the hint and the pass message now say so; the hint no longer reads '?.'."""
    from course.variants import learner_as

    honest = _cell("honest-teaching")
    # review 86 U1: one sentence; a warning's cost is said under the table
    assert "a demand included, by what it says" in " ".join(honest.split())
    assert "as a demand it corners Northwind" in " ".join(honest.split())
    assert "Its figure also reads as a promise" not in honest
    assert "a demand says only what you will do below its figure" in check._TESTS
    use = solution_namespace("02_batna", "batna")["label_statements"]

    def one_warning(who):
        said = statements_of(course.variant("02_batna", who))
        return sum(x._kind == "warning" and x._label == "warning" for x in said) == 1

    for who in [w for w in (f"review7-{n}" for n in range(40)) if one_warning(w)][:4]:
        offers = course.variant("02_batna", who)
        key = use(offers)
        below = [x for x in statements_of(offers) if x._kind == "warning" and x._label == "warning"]
        assert len(below) == 1 and below[0]._stated < reservation_of(offers)
        assert "not something false in it" in below[0]._why
        with learner_as(who):
            credit = check.label_statements(
                lambda o, k=key, x=below[0].letter: {**k, x: "bluff", "use": use(o)["use"]},
                hidden=True,
            )
            assert credit.earned == 2 - 0.375, who
            said = messages(credit)[f"statement {below[0].letter}"][1]
            assert "Judge the demand by what it says" in said and "?." not in said
            for letter in "ABCDEF":
                for label in check.LABELS:
                    credit = check.label_statements(
                        lambda o, k=key, x=letter, y=label: {**k, x: y}, hidden=True
                    )
                    assert "?." not in messages(credit).get(f"statement {letter}", ("", ""))[1]


def test_section_5_says_how_its_target_meets_module_04s():
    """Module 04 plans your own offers down to the target and stops there; section 5 takes
    Northwind's offer at the even split, below the target. Section 5 now says how the two fit;
    section 3, the reflection and its rubric put the target below the most the other side could
    pay, so the opening can lie beyond it."""
    decide = _cell("decide-teaching")
    # review 78 U3: section 5 is its table and the sentences around it; how far a counter
    # goes is module 04's
    # review 112 C3: the top row decides one thing: take it
    assert "*good enough to close*: take it." in " ".join(decide.split())
    assert "your first offer lies beyond the target" in _cell("reservation-teaching")
    # review 90 U1: the band is stated once; section 3 places the opening beyond the target
    assert "Wherever you open, aim at or above the even split" in _cell("zopa-teaching")
    assert "three quarters of the way" in _cell("reflection")
    assert (
        "4. a target placed by section 4's table, naming the fact behind it if there is one"
        in " ".join(_cell("reflection-text").split())
    )  # review 96 U1: points to it


def test_the_opening_may_go_somewhat_beyond_the_estimate_as_in_module_04():
    """The course has one opening rule, module 04's: at your estimate of the other side's
    reservation price or somewhat beyond it, as far as a fact takes you. Section 3 and the
    graded rubric capped the opening at the estimate, marking down what module 04 teaches;
    the target stays below the estimate, the opening is no longer capped."""
    section = _cell("zopa-teaching")  # it moved from section 3
    assert "The course has one rule for the opening (module 04 develops it)" in section
    assert (  # review 83 U4: the hedged form leads, so the estimate alone is not the advice
        "open at or somewhat beyond your estimate of the other side's reservation price, as far "
        "as a fact you can name takes you." in section
    )
    for grade_id in ("reservation-teaching", "reflection-text", "reflection"):
        text = " ".join(_cell(grade_id).split())
        assert "no higher than the estimate" not in text, grade_id
    # session 75: the target's cap no longer depends on where the opening sits
    assert "halfway from the reservation price to the opening" not in _cell("reflection")
    assert "wherever the learner opens" in _cell("reflection")


def test_question_3_states_its_two_parts_plainly():
    """Question 3 put '(a point)' once after the first part and once in the middle of the
    second; each part now says its mark first."""
    text = _cell("q3-text")
    assert "- First part (1 mark, a warm-up): with `risk_averse=False`" in text  # review 79 X3
    assert "- Second part (1 mark): with `risk_averse=True`" in text
    assert "(a point)" not in text


def test_question_9_works_the_left_open_case_through_with_section_3s_numbers():
    """Question 9's left-open case needs a case split the text only hinted at; it now reads
    section 3's example in the scenario's field names, and its numbers are the example's: 0.5 x
    110,000 + 0.5 x 105,000 = 107,500, what walking away is worth (0.5 x max(50,000, 60,000,
    110,000 funded) ...)."""
    q9, section = _cell("q9-text"), _cell("reservation-teaching")
    assert "let Lumen pay 60,000 or 110,000 with even chances" in " ".join(q9.split())
    # review 69 U2; review 78 U4: the box's name is "your BATNA without Lumen"
    assert "**BATNA without Lumen**" in q9 and "**BATNA without Lumen**" not in section
    base, funded, p, low, high = 60_000, 110_000, 0.5, 50_000, 130_000
    walking = 0.5 * (p * max(low, funded) + (1 - p) * max(low, base)) + 0.5 * high
    assert walking == 107_500 and "so it is worth 107,500 in all" in q9  # review 112 U4
    y = (walking - p * funded) / (1 - p)
    assert base <= y < funded and y == 105_000
    assert f"0.5 × {funded:,} + 0.5 × $y$, which is {walking:,.0f} at $y$ = {y:,.0f}" in q9


def _hours(text):
    """'2½' as 2.5."""
    return float(text.replace("½", ".5"))


def test_the_intro_times_each_sitting_and_they_add_up():
    """Each of the three sittings has its own estimate, and they add up exactly to the
    stated total. The middle sitting (sections 5 and 6, about 2,700 words of rules and
    ethics, a practice labelling and two questions) took 2 hours and the total 6½ to 7,
    short for a non-specialist next to modules of like length; the target question now
    sits in the first sitting, each of the first two takes 2½ hours, the total 7½ to 8."""
    intro = _cell("intro")
    # review 89 U3: the three sittings are the core; the extension is timed apart
    # (review 114 U2: a bracketed figure for Python beginners comes before the colon)
    total = re.search(
        r"The core takes about ([\d½]+) to ([\d½]+) hours, best in three sittings", intro
    )
    parts = re.search(
        r"you\)?: ([\d½]+) hours for sections 1 to 4 with questions 1 to 5, ([\d½]+) hours for "
        r"sections 5 and 6 with questions 6, 6b and 7, and ([\d½]+) to ([\d½]+) hours for section 7 "
        r"with questions 8, 8b and 9\s+and the reflection",
        intro,
    )
    first, middle, low, high = (_hours(x) for x in parts.groups())
    assert (first + middle + low, first + middle + high) == tuple(map(_hours, total.groups()))
    # review 70 U1: sections 5 to 7 were cut by about a fifth, so each of the first two
    # sittings is back to 2 hours; review 89 U3: core and extension together 6½ to 7
    extension = _hours(re.search(r"extension \(about ([\d½]+) hours", intro).group(1))
    assert first == middle == 2 and _hours(total.group(1)) + extension == 6.5


def test_the_target_question_sits_where_section_4_teaches_the_band():
    """The target question applies section 4's band but sat in section 7, after the models,
    and in section 7's time; it now follows the ZOPA explorer, before section 5, as question
    5, and the course map lists the questions in the notebook's order."""
    from course.course_map import questions

    cells = source_notebook("02_batna", "batna").cells
    ids = [cell.metadata.get("nbgrader", {}).get("grade_id") for cell in cells]
    assert ids.index("zopa-explorer") < ids.index("q5-text") < ids.index("decide-teaching")
    assert ids.index("q5-text") + 1 == ids.index("target-salary-answer")
    assert "### Question 5 (1 mark): your target at Northwind" in _cell("q5-text")
    assert "Back to Northwind" not in _cell("q5-text")
    titles = re.findall(r"### Question (\d+b?)", "".join(cell.source for cell in cells))
    # review 72 X3: question 6b, a decision graded by the instructor, follows question 6
    assert titles == ["1", "2", "3", "4", "5", "6", "6b", "7", "8", "8b", "9", "10"]
    graded = [i for i in ids if i and i.endswith("-answer") and not i.startswith("practice")]
    # review 72 X1: question 8's own talks and question 10 are practice, without marks
    graded = [i for i in graded if i not in ("own-batna-needed-answer", "batna-rise-answer")]
    # review 112 C1: question 8b's function was renamed, its grade ids kept (a submitted
    # notebook keeps its answer cell under them)
    kept = {"delay-drives-agreement-for-answer": "walk-any-time-for-answer"}
    named = [q.replace("_", "-") + "-answer" for q in questions("02_batna")]
    assert [kept.get(i, i) for i in named] == graded


def test_walking_away_is_tested_on_the_only_terms_northwind_can_move():
    """Section 4 teaches that a signing bonus or a start date can open a zone, and step 1 of
    section 5's rule walked away on 'no terms' after trying only remote days. The story now
    says salary and remote days are the only terms Northwind can move, and step 1 says so."""
    story = course.variant("02_batna", "ada").story()
    assert "Salary and remote days are the only terms Northwind can move" in story
    assert "it pays no signing bonus and the start date is fixed" in story
    decide = _cell("decide-teaching")
    # review 79 U4: the walk-away row says "with two remote days" (review 81 U4: of your
    # reservation price); the paragraph above the table says they are the most Northwind's
    # policy allows, and all it can move
    # review 93 U1: the table's no-zone rows name the package; the walk-away row says why
    assert "| below your reservation price with two remote days: no zone |" in decide
    assert "**final offer**: no package works for both" in decide  # review 103 C1
    # review 102 U5: the paragraph on packages moved to the end of section 4
    zopa = _cell("zopa-teaching")
    assert "Northwind can move only salary and remote days (0 or 2 a week)" in zopa


def test_a_demand_above_the_limit_is_a_false_intention_on_module_00s_line_for_conduct():
    """Both labels pass for a demand whose figure is above the reservation price. The text
    told learners to treat it as a bluff for their own conduct, while module 00 puts a false
    stated intention ('my brother is taking the van') on the line between a bluff and a
    misrepresentation; it now says the same of 'I will take Harbor Bank's offer'."""
    text = " ".join(_cell("honest-teaching").split())
    assert "For your own conduct, read it as a bluff" not in text
    assert "do not treat it as a mere bluff" not in text  # review 69 U3: cut
    assert "puts such a false intention on the line between a bluff and a misrepresentation" in text
    leverage = " ".join(cell_text("00_leverage", "leverage", "ethics-teaching").split())
    assert "sits on the line between a bluff and a misrepresentation" in leverage


def test_section_5_claims_no_more_than_it_can_support():
    """'Often smaller than what that risk costs you' was an empirical claim with no source."""
    text = _cell("decide-teaching")
    assert "often smaller than what that risk costs you" not in text
    # a breakdown risk section 7 says Northwind's talks do not have
    assert "puts the deal at some risk" not in text
    # session 56, C1: the goodwill sentence had no model behind it and told the learner
    # that the graded target might cost more than it gains
    assert "past the even split that cost may be more than the extra salary gains" not in text


def test_section_5_prices_pressing_on_by_the_cost_of_delay_section_7_gives_the_story():
    """Section 5 said pressing past the even split costs both sides time, while section 7
    says the fixed start date makes a week of talks cost neither side anything; section 5
    now names goodwill only, and says why time costs nothing here."""
    decide = _cell("decide-teaching")
    assert "costs both sides time" not in decide
    assert "Pressing further costs goodwill" not in decide  # session 56, C1
    assert "Your start is fixed, so waiting costs no one anything" in (_cell("nash-teaching"))


def test_the_share_at_the_table_is_defined_where_section_7_first_uses_it():
    """Section 7 and the model quiz used 'share at the table', which only module 03 (later)
    defined; section 7 now says what it is at its first use, before the quiz uses it."""
    nash = _cell("nash-teaching")
    first = nash.index("share at the table")
    # review 70 E2: the share is the responder's, delta/(1+delta) of the pie
    assert (
        "what you would get with no alternative on either side, when the other side "
        in (nash[first:][:140])
    )
    cells = source_notebook("02_batna", "batna").cells
    ids = [cell.metadata.get("nbgrader", {}).get("grade_id") for cell in cells]
    for cell in cells[: ids.index("nash-teaching")]:
        assert "share at the table" not in " ".join(cell.source.split())
    assert "**share at the table**" in _cell("nash-teaching")


def test_package_is_defined_in_section_4_before_any_use():
    """The revise/hold quiz spoke of 'the package' two sections before packages appear; it
    now says 'an offer with two remote days'. Review 70 U4: section 4 and question 5 already
    treated the job with two remote days as a zone of its own, while section 5 defined a
    package; section 4 now defines it (salary and other terms together, each with its own
    reservation prices and zone) before its first use of the word, and section 5 says what
    a package is at Northwind."""
    from course.scenarios.batna import NEWS

    cells = source_notebook("02_batna", "batna").cells
    ids = [cell.metadata.get("nbgrader", {}).get("grade_id") for cell in cells]
    for cell in cells[: ids.index("zopa-teaching")]:
        assert "package" not in cell.source
    zopa = _cell("zopa-teaching")
    first = zopa.index("package")
    assert zopa[:first].endswith("Call an offer's salary and its other terms together its **")
    assert "Call an offer's salary" not in _cell("decide-teaching")
    assert "Northwind can move only salary and remote days (0 or 2 a week)" in _cell(
        "zopa-teaching"  # review 102 U5: the packages moved to the end of section 4
    )
    # review 97 X1 (round 98): the news quiz, in section 3, no longer has a remote-days item
    assert not any("package" in why for _, _, why in NEWS)


def test_the_stated_time_matches_the_course_map_and_names_the_hardest_question():
    """Section 7 with questions 7 to 9 took 2 hours in the intro, short for question 9;
    the intro says 2½ to 3 hours and that question 9 is the hardest, and the course map's
    minutes sit inside the stated total."""
    from course.course_map import MODULES

    intro = _cell("intro")
    # review 89 U3: section 7's core is 1 to 1½ hours; the extension (about 1½) is apart
    assert "1 to 1½ hours for section 7" in intro and "hardest" not in intro
    low, high = (_hours(x) for x in re.search(r"about ([\d½]+) to ([\d½]+) hours", intro).groups())
    extension = _hours(re.search(r"extension \(about ([\d½]+) hours", intro).group(1))
    minutes = next(m.minutes for m in MODULES if m.folder == "02_batna")
    assert (low + extension) * 60 <= minutes <= (high + extension) * 60


def test_no_markdown_line_of_the_source_runs_past_the_wrapping_width():
    """Two lines ran far past the width and one broke 'Run / the cells'."""
    source = (Path(__file__).parents[1] / "source" / "02_batna" / "batna.py").read_text()
    long = [  # display formulas ($$ ... $$) and table rows may not break
        line
        for line in source.splitlines()
        if line.startswith("# ") and not line.startswith(("# %%", "# $$", "# |")) and len(line) > 92
    ]
    assert long == []
    assert "reflection. Run\n# the cells" not in source


def test_the_statement_that_keeps_your_position_private_does_not_invite_northwind_to_open():
    """You know Northwind's reservation price from the agency's published rate, and modules
    01 and 04 teach opening first when you know the range that well; the private statement
    (the one to make for about half the learners) asked Northwind for its range. It now
    keeps the reservation price private and leads on to your own figure, and section 6
    says why; keys are unchanged (same draws, no figure, no alternative named)."""
    texts = set()
    for n in range(60):
        offers = course.variant("02_batna", f"p-{n}")
        kinds = {statement._kind: statement.text for statement in statements_of(offers)}
        texts.add(kinds["private"])
    assert len(texts) == 2
    for text in texts:
        assert "range" not in text and "?" not in text
        assert "for the role" in text and ("asking" in text or "my own figure" in text)
    assert "Keeping it private is not the same as letting the other side open" in _cell(
        "honest-teaching"
    )


def test_lumens_settled_outcome_taken_as_the_batna_is_told_why(learner):
    """Q9, known first: returning what Lumen pays once its round is settled, without
    comparing it with Harbor Bank and Freelance, got only 'expected 90,000, got 69,000.00';
    the hint now says the BATNA is the best of that and the other alternatives."""
    told = 0
    for n in range(40):
        offers = course.variant("02_batna", f"w5-{n}")
        for funded in (True, False):
            outright = offers.startup_base + (offers.startup_bonus if funded else 0)
            expected = check.batna_value_when(offers, "known first", funded)
            if abs(outright - expected) < 1:
                continue
            with pytest.raises(NotYet) as caught:
                check.judge_batna_when(offers, "known first", funded, outright)
            assert "taken as your BATNA outright" in str(caught.value)
            assert "the best of that and your other alternatives" in str(caught.value)
            told += 1
    assert told >= 40


def test_an_alternative_named_in_any_case_counts(answers, learner, capsys):
    """Q2 rejected 'lumen' while question 5 takes its words in any case; both now do."""

    def shouted(offers, risk_averse=False):
        name, value = answers["choose_batna"](offers, risk_averse)
        return f" {name.upper()} ", value

    check.choose_batna(shouted)
    check.choose_batna(shouted, hidden=True)
    # the two passes, and (review 103 X4) the visible check's line of no marks on risk_averse
    assert capsys.readouterr().out.count("\N{CHECK MARK}") == 3
    assert "(capitals, spaces and underscores do not count:" in _cell("q2-text")


def test_section_6_defines_the_labels_in_a_table_before_the_warning_uses_them():
    """The warning paragraph used 'bluff' and 'misrepresentation' before their bullets
    defined them, and section 6 put three layers of nuance before the four labels. A table
    now gives each label's test with an example before any bullet. Review 70 U2: the table
    sorts the labels by truth first, the true kind before the two false ones (bluff,
    misrepresentation), and the bullets follow its order. Review 80 C3: module 00's words,
    the warning a kind of legitimate move."""
    honest = _cell("honest-teaching")
    rows = re.findall(r"\| (legitimate|bluff|misrepresentation|warning) \| (\w+) \|", honest)
    assert rows == [
        ("legitimate", "true"),
        ("bluff", "false"),
        ("misrepresentation", "false"),
    ]
    # review 90 U1: each label is explained once, in the table; the bullets that repeated it
    # are gone, and the one paragraph under it adds the warning and a demand's limit
    for label in ("- **Warning**", "- **Bluff.**", "- **Misrepresentation.**"):
        assert label not in honest, label
    assert "(below)" not in honest
    assert honest.index("| misrepresentation |") < honest.index("A legitimate demand is a")
    assert "Declining to name your reservation price is legitimate too." in honest  # r75 U6


def test_section_6s_model_warning_names_the_package_its_figure_is_for():
    """A demand is a warning when its figure is at most the reservation price for the package it
    names, but the table's model warning named none: with two remote days its 97,000 is above
    that price (93,000), a bluff by the module's own test. Every demand in section 6 now names
    its package."""
    honest = _cell("honest-teaching")
    rows = cell_text("02_batna", "batna", "honest-teaching").splitlines()
    row = next(line for line in rows if line.startswith("| legitimate |"))
    assert "for the job as offered, with no remote days" in row.lower()
    demands = re.findall(r'"[^"]*(?:[Uu]nless|[Ii]f [^"]* less than)[^"]*"', honest)  # review 74 X2
    assert demands and all("job as offered" in d for d in demands), demands


def test_the_rule_calls_any_offer_below_the_batna_by_that_reason_as_the_check_does():
    """The rule introduced 'below your BATNA' as 'an extreme low offer', while the check gives
    that reason to any offer below the BATNA's value, however close; the rule now says so, and
    the check's verdict on an offer 100 below is that."""
    text = _cell("decide-teaching")
    assert "An extreme low offer, below what your BATNA is worth" not in text
    # review 70 U1: the rule is a table; its row says it
    # review 106 C3: the reason is kept private, the row still names it
    assert "keep the reason private: below your BATNA" in text  # review 86 X1
    s = _drawn_for("ada")
    close = NorthwindOffer(batna_value(s) - 100, 0)
    assert right_response(s, close) == ("counter", "below your BATNA")


def test_question_6s_grading_note_says_where_the_walk_away_half_mark_is_tried(learner):
    """The note said walking away earns its half mark 'when no package works', without saying on
    which case: it is tried on the same cases with a cheaper agency, which the check builds with
    no_deal_case. Review 78 U2: the marks are one line in the text, and the check's message
    says on which case it tried walking away."""
    never = functools.partial(_rule, walk=False)
    said = messages(check.respond_to_offer(never))["final offer"][1]  # review 103 C1
    assert said.startswith("in your case with a cheaper agency"), said
    s = _drawn_for("ada")
    cheaper = no_deal_case(s)
    assert northwind_reservation(cheaper) < northwind_reservation(s)
    # this module's right_response is the test's own rule, which still says "walk away"
    assert all(right_response(cheaper, o)[0] == "walk away" for o in cheaper.northwind_offers)


def test_an_open_alternative_cancels_only_beside_a_fallback_at_least_its_worst_outcome():
    """Section 3 said an open alternative cancels beside any sure fallback, but below the
    alternative's worst outcome every salary up to that outcome does as well. The text states
    the condition, and it holds for every learner: Harbor Bank's salary is above Lumen's base
    (600 learners)."""
    section = " ".join(_cell("q9-text").split())  # review 69 U2: the note moved to question 9
    # review 76 C1: it cancels beside any sure fallback; the condition makes the answer unique
    assert (
        "Beside a sure BATNA without Lumen, the open alternative cancels (when that BATNA pays"
        in section
    )  # review 78 U4, review 80 U4
    assert "as Harbor Bank always does, its value is the answer)" in section
    for n in range(600):
        s = _drawn_for(f"sweep-{n}")
        assert s.bank_salary > s.startup_base, s.learner


def test_choosing_by_worst_or_best_cases_fails_the_visible_check_for_every_learner():
    """Question 2's visible check tried only the learner's own scenario, so a choice by worst
    cases (always Harbor Bank) passed it for about a third of learners and failed only when
    graded; it now also tries an example whose BATNA has neither the best best case nor the best
    worst case (600 learners)."""

    def by(pick):
        def choose(offers):
            trees = alternatives_of(offers)
            name = max(trees, key=lambda n: pick(a for _, a in flatten(trees[n])))
            return name, expected_value(trees[name])

        return choose

    from course.variants import learner_as

    by_worst, by_best = by(min), by(max)
    assert "four examples (each alternative the BATNA" in _cell("q2-text")  # review 112
    for n in range(600):
        with learner_as(f"sweep-{n}"):
            assert "not the best alternative" in miss(check.choose_batna, by_worst)
            assert "not the best alternative" in miss(check.choose_batna, by_best)


def test_the_explorer_asks_for_the_move_of_the_even_split_before_it_shows_it():
    """The explorer prints the even split, so 'raise your reservation by 1,000 and find the new
    even split' was reading, not working: the learner now works out the move before touching the
    slider and compares."""
    text = _cell("explorer-text")
    assert "find the new even split" not in text
    # review 70 U1: shorter, the learner still works out the move before raising it
    assert "Work out where the even split will be if you raise your reservation price by" in text
    assert "then raise it and check" in text


def test_the_intro_sends_question_9_back_to_section_3_and_a_side_note_folds_away():
    """Question 9 sits four sections after the three timings it asks about: the time budget says
    so. Section 6's long 'Why even a true warning costs you' paragraph, which no label depends
    on, is a side note the learner can fold away."""
    intro = _cell("intro")
    assert "hardest" not in intro  # review 69 X3: its hard part is unmarked
    honest = cell_text("02_batna", "batna", "honest-teaching")
    assert (
        "Sources of the labels and of warning and threat: module 00's, section 6." in honest
    )  # review 94 U1: no side note
    assert "Why even a true warning" not in honest
    # review 96 U1: the pointer closes section 6, after the rules that replaced the questions
    assert honest.rstrip().endswith(
        "Sources of the labels and of warning and threat: module 00's, section 6."
    )


# --- the story's timing, an alternative left open, citations, hints of questions 3 and 9


def _drawn_for(learner):
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
    """The course values no deal at the best single expected value, which holds only if you must
    pick one alternative now; the story said so of Northwind alone."""
    story = " ".join(_drawn_for("ada").story().split())
    assert "Harbor Bank and Lumen all want your answer by the same date" in story
    assert "You can take only one of the four" in story
    assert "freelancing means turning both offers down" in story
    assert "without knowing how the gambles turn out" in story
    choose = _cell("choose-teaching")
    assert "the alternatives exclude each other" in choose
    assert "before their uncertainty is settled" in choose


@pytest.mark.parametrize(
    "learner, value", [("rev02-98", 98_992), ("example-5", 90_357), ("alice", 89_833)]
)
def test_an_open_lumen_beside_a_gamble_is_valued_by_the_tree_of_both_sides(learner, value):
    """An open Lumen beside a gamble is valued by the tree of both sides. For rev02-98
    (freelancing with Lumen beside it is the better way to walk away) the old rule left Lumen
    out and asked for 81,975; the tree of both sides gives 98,992."""
    s = _drawn_for(learner)
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
        s = _drawn_for(f"open-{n}")
        exact = left_open_by_bisection(s)
        assert batna_value_when(s, "left open") == pytest.approx(exact, abs=0.01)
        cancels += abs(exact - s.bank_salary) < 0.01
    assert 0 < cancels < 300


def test_section_3_the_summary_and_the_rubric_state_when_an_open_alternative_cancels():
    section = _cell("reservation-teaching")
    assert "does not raise your reservation price at all" not in section
    assert "the open alternative cancels" in _cell("q9-text")  # review 69 U2: moved
    assert "not at all if the deal leaves it open" not in _cell("summary")
    # review 69 U2; review 75 U4: "it usually does raise it" named neither "it"
    assert (
        "Beside a gamble as your BATNA without Lumen, it usually raises the sure amount you need above"
        in " ".join(_cell("q9-text").split())
    )
    reflection = _cell("reflection")
    assert "an alternative the deal leaves open does not count);" not in reflection
    # review 72 U5: rubric item 1 no longer asks graders for the cancellation test; an
    # alternative the deal leaves open is handled either way if argued
    assert "an alternative the deal leaves open is handled either way if argued" in (
        " ".join(reflection.split())
    )
    q9 = _cell("q9-text")
    assert "whatever you choose first" in q9 and "Lumen still open beside it" in q9
    solution = cell_text("02_batna", "batna", "batna-when-answer")
    assert "it adds nothing" not in solution


def test_leaving_an_open_lumen_out_beside_freelancing_loses_the_half_point(learner):
    """The answer the old check demanded is now a mistake with a hint that says why, without the
    answer."""
    s = _drawn_for("rev02-98")
    worth = {n: expected_value(t) for n, t in alternatives_of(s).items()}
    old = max(v for n, v in worth.items() if n != "Lumen")
    with pytest.raises(NotYet) as failure:
        check.judge_batna_when(s, "left open", None, old)
    said = str(failure.value)
    assert "cancels only when none of its outcomes lies strictly between" in said
    assert f"{batna_value_when(s, 'left open'):,.0f}" not in said


def test_question_9_tries_a_case_where_a_failed_round_still_leaves_lumen_the_best(learner):
    """With the drawn bases (all below Harbor Bank's salary) "known first, not funded" always
    equalled leaving Lumen out, so that hint could never fire; the check now also tries an
    example whose base beats every other alternative."""
    cases = check._when_cases(False)
    differs = [
        c for c in cases if batna_value_when(c, "known first", False) > check.without_lumen(c) + 500
    ]
    assert differs
    with pytest.raises(NotYet) as failure:
        check.judge_batna_when(differs[0], "known first", False, check.without_lumen(differs[0]))
    assert "that leaves Lumen out, but the deal still ends it" in str(failure.value)


def test_question_3s_hint_about_an_example_says_whose_sure_amount_it_is(learner):
    """The hint said "Freelance is worth a sure ... to you" about an example learner's numbers."""
    found = 0
    for s in check._sure_examples(False):
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
    """The text said such a demand 'can be a misrepresentation', which question 6 marks wrong;
    and module 03 now uses the same two words."""
    honest = _cell("honest-teaching")
    assert "can be a misrepresentation (module 00)" not in honest
    # the course accepts both labels for it, as module 03 does (review 100 U2: said in Q7)
    assert "this course accepts either label for a demand above that price" in _cell("q7-text")
    assert "in its everyday sense, for both" not in honest
    assert (
        "Sources of the labels and of warning and threat: module 00's, section 6." in honest
    )  # review 94 U1: the note is a pointer


def test_the_citations_say_what_the_sources_say():
    """Shaked (1994): the first proposer who can also leave after its own proposal is refused
    can gain more. The SINS survey asked MBA students whether tactics were appropriate, not
    negotiators whether they were fair."""
    section7 = _cell("nash-teaching")
    # review 66 U1: Shaked (1994) is module 03's (section 5), where module 02 now points
    assert "is refused gains more" not in section7
    assert "Module 03, section 5, treats the variants." in section7
    power = " ".join(cell_text("03_power", "power", "outside-teaching").split())
    assert "Shaked" in power
    honest = _cell("honest-teaching")
    assert (
        "Sources of the labels and of warning and threat: module 00's, section 6." in honest
    )  # review 94 U1: the note is a pointer
    assert "as fair" not in honest


def test_the_zopa_explorers_sliders_hold_every_learners_numbers():
    """The sliders stopped at 140,000 while Northwind's reservation price reaches 142,000; the
    exercise asks for both reservation prices and the learner's raised by 1,000."""
    cell = cell_text("02_batna", "batna", "zopa-explorer")
    low, high = (float(x) for x in re.search(r"low=([\d_]+), high=([\d_]+)", cell).groups())
    from course.scenarios.batna import northwind_reservation, reservation_of

    for n in range(1_000):
        s = _drawn_for(f"slider-{n}")
        assert low <= reservation_of(s, 2) and reservation_of(s) + 1_000 <= high
        assert northwind_reservation(s) <= high


def test_section_7s_head_office_case_has_a_worked_number_and_its_own_letters():
    """The symbol r meant two things in sections 5 and 7 and s both a seller's reservation price
    and a salary; the head-office paragraph had no number. Its worked numbers follow min((r +
    W)/2, A), and W >= A puts the prediction at or above the zone's even split."""
    assert "$r = V + c/2$" not in _cell("decide-teaching")
    nash = _cell("nash-teaching")
    assert "$W \\ge A$" in nash and "so the salary $x$" in nash
    numbers = re.search(
        r"\$V\$ = ([\d,]+) and \$c\$ = ([\d,]+), so \$r\$ = ([\d,]+), and let \$A\$ = ([\d,]+): "
        r"the even split of the zone is ([\d,]+)\. If the role may be cancelled and \$W\$ = "
        r"([\d,]+), the prediction is \(([\d,]+) \+ ([\d,]+)\)/2 = ([\d,]+); if \$W\$ = "
        r"([\d,]+), the Nash split, ([\d,]+), is above \$A\$, so the prediction is ([\d,]+)\.",
        nash,
    )
    v, c, r, a, split, w, r2, w2, x, w3, half, x3 = (
        float(g.replace(",", "")) for g in numbers.groups()
    )
    assert r == v + c and split == (r + a) / 2 and (r2, w2) == (r, w)
    assert x == min((r + w) / 2, a) and x >= split and w >= a
    assert half == (r + w3) / 2 > a and x3 == min(half, a)


def test_the_chances_in_an_honest_mention_are_said_to_be_the_speakers_own():
    """The text asked for terms the other side could 'check', chances included."""
    honest = _cell("honest-teaching")
    assert "so the other side can value it and check it" not in honest
    assert "the chances are your own estimates, which nobody can check" in honest
    s = _drawn_for("ada")
    for name in ("Lumen", "Freelance"):
        assert "I put the chance at" in _mention(s, name)[0]


def test_question_6s_text_says_what_to_write_and_grading_in_one_short_note():
    """The last six lines of q6-text explained how the check samples cases."""
    q5 = cell_text("02_batna", "batna", "q6-text")
    note = q5[q5.index("Marks:") :]  # review 78 U2: one line
    assert len(note.splitlines()) <= 3
    assert "other kind of case" not in q5 and "Then it tries the same cases" not in q5


def test_question_7_leaves_the_choice_of_statement_to_the_learner():
    """Section 6 ended 'That is why question 6 compares the band's midpoint with your BATNA's
    value' and q7-text spelled out the comparison; the learner now decides what to compare from
    section 6's advice."""
    assert "question 6 compares" not in _cell("honest-teaching")
    q6 = _cell("q7-text")
    assert "Compare what your BATNA is worth" not in q6
    assert "other side of your BATNA's value" not in q6
    assert "section 6's advice on when to mention an alternative" in q6


def test_question_9_says_what_is_known_when_lumen_is_chosen():
    """'left open' takes the larger of Lumen and the fallback leaf by leaf, so it assumes the
    whole freelance year is known when Lumen's round closes; the text did not say so, and the
    other reading (only the renewal known) differs for half the learners."""
    said = _cell("q9-text")
    assert "whether the client renewed and whether the year is busy" in said


def test_the_news_quiz_says_where_its_judgements_are_graded_on_your_numbers():
    """The revise/hold quiz asks for a label only; its feedback sends the learner to the
    graded questions that work out two of its news items on their own numbers: Lumen
    settled first (question 9, 'known first') and two remote days (questions 5 and 6).
    The introduction names none of them (see the next test); review 89 cut its sentence
    that two items come back, which the feedback says anyway."""
    from course.scenarios.batna import NEWS

    news = _cell("news-text")
    assert "A click can find a label, not a figure" not in news
    assert "Two items come back" not in news  # review 89: cut, the feedback says which
    why = {text: reason for text, _, reason in NEWS}
    lumen = next(reason for text, reason in why.items() if "Lumen" in text)
    # review 97 X1 (round 98): the remote-days item is gone (it changed which package is on
    # the table, priced in advance by sections 4 and 5, so "hold it" was defensible)
    assert not any("remote days" in text for text in why)
    assert 'question 9\'s "known first" case' in lumen
    # review 91 X1: question 5 leaves the package with two remote days to the learner
    assert '"known first"' in _cell(
        "q9-text"
    ) and "which package to apply section 4's band to" in _cell("q5-text")


def test_the_news_quiz_introduction_answers_none_of_its_items():
    """The introduction gave away three of the five answers, saying that facts about the other
    side's alternatives move the most Northwind would pay and not your reservation price (the
    rate card: hold), that Lumen's round settled first is question 9's case and that two remote
    days give a new reservation price (both: revise). It now teaches the distinction (what your
    reservation price is built from) and names nothing an item is about; the same words kept
    out, item by item."""
    from course.scenarios.batna import NEWS

    news = " ".join(_cell("news-text").split())
    assert "what your alternatives are worth to you" in news
    assert "what this deal costs or gives you that they do not" in news
    about = (
        "Lumen",
        "remote",
        "Northwind would pay",
        "other side",
        "rate card",
        "agency",
        "contractor",
        "train",
        "commute",
        "pay band",
        "HR",
        "midpoint",
        "bonus",
    )
    for word in about:
        assert word not in news, word
    assert len(NEWS) == 5 and all(any(w in text for w in about) for text, _, _ in NEWS)


def test_the_intro_target_and_question_9_texts_say_what_they_assume():
    """The intro's objective 5 left out the rule's fourth response; section 3's target paragraph
    used the zone, the surplus, the even split and module 04's opening rule before any was
    taught (the two conditions now close section 4); question 9 left implicit that at Northwind
    what you have is the salary less the commute; section 5 justified its threshold by a
    breakdown risk that section 7 says Northwind's talks lack, and graded 'accept' at the first
    offer that reached it (it is now a floor for accepting, with when to say yes); the
    explorer's remote-days step reached 6 of 300 learners (every learner does it)."""
    intro = _cell("intro")
    assert "ask for a term that costs the other side nothing (here, remote days)" in intro
    section3 = _cell("reservation-teaching")
    for term in ("even split", "surplus", "ZOPA", "zone", "module 04"):
        # review 70 U1: the target paragraph now opens "Set a **target** too"
        assert term not in section3.split("Set a **target** too")[1], term
    zopa_text = _cell("zopa-teaching")
    assert "**Where your target belongs.**" in zopa_text
    assert zopa_text.index("**surplus**") < zopa_text.index("**Where your target belongs.**")
    assert "section 4's band" in _cell("q5-text")
    q9 = _cell("q9-text")
    assert "At Northwind, what you have is the salary less the commute." in q9
    decide = _cell("decide-teaching")
    assert "floor" not in decide  # review 57, C3: the even split judges offers, it is no floor
    assert "say yes to it as Northwind's last word" not in decide
    assert "it is *good enough to close*: take it" in decide
    explorer = _cell("explorer-text")
    assert "If you have no zone" not in explorer and "Then, zone or not" in explorer
    assert (
        "read its surplus and even split." in explorer
    )  # review 92 X1: the name comes in section 5


def test_question_2_takes_underscores_in_a_name_as_question_6_does(learner, capsys):
    """Question 2 refused "harbor_bank" while questions 5 and 6 take underscores for spaces."""
    offers = next(
        s
        for s in (course.variant("02_batna", f"sweep-{n}") for n in range(100))
        if best_alternative(alternatives_of(s))[0] == "Harbor Bank"
    )
    check.judge_choose_batna(offers, ("HARBOR_BANK", offers.bank_salary))
    assert "underscores do not count" in _cell("q2-text")


def test_question_2_takes_a_name_without_its_spaces_and_says_grading_tries_others(learner):
    """Question 2's text says capitals, spaces and underscores do not count in the name,
    but "HarborBank" was refused (the spaces were collapsed, not removed): a function
    returning it passed the visible check only where the own BATNA was not Harbor Bank and
    failed at grading for every learner. Any spelling without spaces or underscores now
    counts, seen and at grading, and the text says grading also tries other learners'."""
    from course.variants import learner_as

    offers = next(
        s
        for s in (course.variant("02_batna", f"sweep-{n}") for n in range(100))
        if best_alternative(alternatives_of(s))[0] == "Harbor Bank"
    )
    for spelled in ("HarborBank", "harborbank", "Harbor_ Bank", " HARBOR  BANK "):
        assert check.judge_choose_batna(offers, (spelled, offers.bank_salary)) is None

    def squeezed(offers):
        name, value = best_alternative(alternatives_of(offers))
        return name.replace(" ", ""), value

    with learner_as(offers.learner):
        check.choose_batna(squeezed)
        check.choose_batna(squeezed, hidden=True)  # raises on a failed case
    with pytest.raises(NotYet, match="is not one of your alternatives"):
        check.judge_choose_batna(offers, ("Harbor", offers.bank_salary))
    text = _cell("q2-text")
    assert '`"HarborBank"` and `"harbor_bank"` both name Harbor Bank' in text
    # the short note of session 56 (U5); review 112: shorter still
    assert "and other learners'." in text and "*Grading:* your scenario" in text


def test_the_pure_breakdown_situation_ends_the_talks_whatever_the_event_decides():
    """The model quiz's patent case said the ruling 'may find it invalid', but a ruling
    that upholds the patent does not end the talks, so the case fitted neither model
    cleanly; both firms were then made to expect an invalid ruling. Review 67 E1 replaced
    the patent (its licence lost a week's use each week) by a bridge the city gives the two
    builders only if their bid arrives before it decides, on a day nobody knows: whatever
    it decides, the talks end then, a breakdown neither controls, the Nash split's case."""
    text, model, why = next(s for s in SITUATIONS if "bridge" in s[0])
    assert "if their joint bid arrives before it decides, on a day nobody knows" in text
    assert model == "Nash split" and "the risk that the city decides before they bid" in why


def test_friedman_and_savage_explain_insurance_against_a_small_chance_of_a_large_loss():
    """Friedman and Savage (1948) explain buying insurance against a small chance of a
    large loss beside buying a lottery ticket; the text called it 'a risk of moderate
    stakes' and 'a long shot'."""
    risk = _cell("ev-risk")
    assert "moderate stakes" not in risk
    assert "buy insurance and a lottery ticket" in risk  # review 69: the aside cut short


def test_section_5_names_what_the_last_word_model_leaves_out():
    """Section 5 counters offers below the even split because Northwind can still move,
    while section 7's model predicts your reservation price; the text now says what that
    model leaves out: Northwind does not know your commute or reservation price, fairness
    norms (ultimatum-game evidence), and the working relationship."""
    decide = _cell("decide-teaching")
    # review 78 U3: section 5 is its table and one sentence on the last word; it states no
    # model's prediction to qualify (section 7 gives the models, and what they leave out)
    flat = " ".join(decide.split())
    assert "section 7" not in flat and "final offer you believe, take any offer above" in flat


def test_the_even_split_rule_names_module_04s_last_round_where_less_is_worth_taking():
    """Module 02 takes an offer of Northwind's that reaches the even split once it stops
    moving; module 04 takes any offer at or above the reservation price in a last round
    both sides know (turning it down leaves no deal). The text says where the two differ,
    so a learner of both does not read a contradiction."""
    source = (Path(__file__).parents[1] / "source" / "02_batna" / "batna.py").read_text()
    flat = " ".join(line.lstrip("# ").strip() for line in source.splitlines())
    assert (
        "At a final offer you believe, take any offer above your reservation price for its package."
        in flat
    )  # review 78 U3


def test_an_offer_at_the_even_split_may_be_taken_and_module_04s_plan_may_counter_it():
    """Module 04's question 6, once you plan your concessions, counters an offer below your
    next planned ask while rounds remain, even one that reaches the even split. Module 02
    therefore says such an offer may be taken, not that it is to be taken, and names
    module 04's plan as the case where it is countered. Review 112 C3: "take it, or counter
    towards your target" left question 6's top row deciding nothing; the row now says take
    it (module 04's question 6 still takes either answer above the even split, review 68)."""
    source = (Path(__file__).parents[1] / "source" / "02_batna" / "batna.py").read_text()
    flat = " ".join(line.lstrip("# ").strip() for line in source.splitlines())
    assert "take an offer of theirs that reaches the even split" not in flat
    assert "An offer at or above it is *good enough to close*: take it" in flat
    assert "counter towards your target" not in flat  # review 112 C3: one decision


def test_section_5_says_the_even_split_rule_is_for_offers_while_northwind_still_moves():
    """Section 7 predicts Northwind's last word near your reservation price, while the rule
    of question 5 counters every offer below the even split: applied to a last word, it
    would turn down a deal that beats the BATNA. Section 5 now says the rule is for offers
    while Northwind is still moving, and that at a last word module 04's rule takes any
    offer above the reservation price for its package; question 5 says what it grades."""
    decide, q5 = _cell("decide-teaching"), _cell("q6-text")
    # review 78 U3: the table is for a moving Northwind; one sentence gives the last word
    assert "For an offer made while Northwind is still moving" in " ".join(decide.split())
    assert (
        "At a final offer you believe, take any offer above your reservation price for its package."
        in " ".join(decide.split())
    )
    assert "for offers made while Northwind is still moving" in q5
    assert "take an offer at or above the floor once it has stopped" not in decide


def test_a_demand_above_the_reservation_price_is_also_called_a_threat():
    """Section 6 defines a threat in Schelling's sense, and module 05 calls an ultimatum on
    terms you would improve on a threat and a bluff; module 02 called the same kind of
    demand only a bluff."""
    honest = _cell("honest-teaching")
    # review 69 U3: the third account of a demand above your limit is cut; the threat is
    # still defined, and the warning bullet gives the labels the course accepts
    assert "In Schelling's terms it is also a threat" not in honest
    assert (
        "Sources of the labels and of warning and threat: module 00's, section 6." in honest
    )  # review 94 U1: the note is a pointer
    assert "on the line between a bluff and a misrepresentation" in honest


def test_the_quiz_texts_say_a_choice_is_final_and_what_the_count_records():
    """Both quizzes take one choice a situation (two options each, so a changeable choice
    could be clicked to full marks); their texts say so, and what the line under each counts."""
    news = " ".join(cell_text("02_batna", "batna", "news-text").split())
    models = " ".join(cell_text("02_batna", "batna", "quiz-text").split())
    for text in (news, models):
        assert "is final" in text
        assert "first choice" not in text and "think before you switch" not in text
    assert "the line under the quiz counts your right choices" in news


def test_section_4_states_its_target_rule_without_module_04s_plan():
    """Section 4 justified its target's ends by module 04's concession plan ('opens at
    your estimate and stops halfway'), terms a learner has not met here; module 04 says
    where its own ends differ. Section 4 now rests its rule on Northwind's facts alone."""
    zopa = _cell("zopa-teaching")
    assert "Module 04 loosens both ends" not in zopa
    assert "concession plan" not in zopa and "stops halfway" not in zopa
    # session 75; review 91 X1: question 5 decides the package itself; review 92 X1: the
    # zone with two remote days is named in section 5, after question 5
    assert "and the zone starts half the commute lower" in " ".join(
        _cell("zopa-teaching").split()  # review 102 U5: moved to section 4
    )
    assert "no fact carries an opening past what the agency's contractor costs" in zopa
    decide = " ".join(_cell("decide-teaching").split())
    assert (
        "At a final offer you believe, take any offer above your reservation price for its package."
        in decide
    )  # review 78 U3


def test_question_5_takes_targets_above_the_even_split_up_to_three_quarters_of_the_zone(learner):
    """Question 8 took any target below what the agency costs Northwind, so 'agency cost
    minus 1' passed for every learner without the reservation price. The check now takes a
    target at or above the even split of the zone with two remote days and at most three
    quarters of the way up it (session 75; it was nine tenths), the text states that band,
    and a target above it is told so, with the share's end."""
    text = _cell("q5-text")
    assert "Any target strictly between the two ends passes" not in text
    # review 58 U4: the band is stated in section 4 only; question 5 points to it
    assert "at least half and at most three quarters of the way" not in text
    assert "section 4's band" in text
    assert "on your case and other learners'" in text  # the short note of session 56 (U5)
    for offers in (course.variant("02_batna", "ada"), check._example(True), check._example(False)):
        low, top = reservation_of(offers, REMOTE_DAYS), northwind_reservation(offers)
        split, most = check.target_band(offers)
        assert split == (low + top) / 2 and math.isclose(most, low + 0.75 * (top - low))
        assert check.judge_target(offers, min(max(offers.pay_survey, split), most)) is None
        for outside in (most + 101, low + 0.9 * (top - low), top - 1):
            with pytest.raises(NotYet, match="more than three quarters of the way up the zone"):
                check.judge_target(offers, outside)
        for outside in (top, top + 1, split - 101):
            with pytest.raises(NotYet):
                check.judge_target(offers, outside)


def test_a_target_built_on_the_job_as_offered_is_told_only_remote_days_leave_a_zone(learner):
    """Where your reservation price for the job as offered is above what the agency costs
    Northwind, a target built on that package lies above the cost; its hint says that only
    the package with two remote days leaves a zone, and says nothing of the kind where the
    job as offered has a zone of its own."""
    offers = check._example(False)
    plain, top = reservation_of(offers), northwind_reservation(offers)
    assert plain > top
    with pytest.raises(NotYet, match="only the job with two remote days leaves a zone"):
        check.judge_target(offers, (plain + top) / 2 + 100)
    zoned = check._example(True)
    with pytest.raises(NotYet) as told:
        check.judge_target(zoned, northwind_reservation(zoned) + 100)
    assert "only the job with two remote days" not in str(told.value)


def test_question_9_calls_its_result_a_sure_value_that_may_be_higher_or_lower(learner):
    """In the left-open timing the result is not the value of any one alternative, and it
    can be higher or lower than the BATNA's expected value when committing first (it was
    called only "lower", though it is higher for about half of all learners); the text
    says both, and both happen."""
    text = _cell("q9-text")
    assert "the value of the BATNA your reservation price" not in text
    assert "returning the sure value your reservation price at Northwind rests on" in text
    assert "can be lower than" not in text
    # review 69 length: the sentence saying so is cut; the fact it stated still holds
    signs = set()
    for n in range(200):
        s = course.variant("02_batna", f"r-{n}")
        gap = batna_value_when(s, "left open") - batna_value_when(s, "commit first")
        signs.add((gap > 0) - (gap < 0))
    assert {-1, 1} <= signs


def test_question_9s_left_open_value_need_not_be_any_one_alternatives():
    """Question 9 said the left-open value 'is not the value of any one alternative', but
    beside a sure Harbor Bank no lower than Lumen's base, Lumen cancels and the value is
    Harbor Bank's salary (about 28% of learners). The text now says it need not be, and
    both happen."""
    text = _cell("q9-text")
    assert "which is not the value of any one alternative" not in text
    # review 69 length: the sentence saying so is cut; the fact it stated still holds
    kinds = set()
    for n in range(300):
        s = course.variant("02_batna", f"r-{n}")
        value = batna_value_when(s, "left open")
        worth = [expected_value(tree) for tree in alternatives_of(s).values()]
        kinds.add(any(math.isclose(value, w, abs_tol=0.5) for w in worth))
    assert kinds == {True, False}


def test_a_fact_that_carries_the_opening_beyond_the_estimate_keeps_the_band_s_top():
    """Section 4 stated the nine-tenths band as a rule for every target, and the reflection's
    rubric applied it to any negotiation, while module 04 let a target reach the estimate
    when a fact carried the opening beyond it; review 72 C2 then put that target halfway to
    the opening, which a stronger fact could lower below the band's top. Session 75: one
    band wherever you open (the even split to three quarters of the way), and a fact at or
    past its top, even one that carries the opening beyond the estimate, gives the top:
    section 4's table, the reflection and its rubric say so."""
    section, reflection, rubric = (
        _cell(g) for g in ("zopa-teaching", "reflection-text", "reflection")
    )
    assert "This course puts that room at a tenth of the zone at least" not in section
    assert "With no fact you can show, or one below the even split, your target is the even" in (
        section
    )
    assert (
        "| one past the band's top | the band's top; or, if you accept less room to concede, "
        "up to the fact's figure |" in section
    )  # review 106 X1: a fact past the top may carry the target up to it
    # review 103: "So a stronger fact never lowers your target." was cut to pay for words; the
    # table's rows, in order of a stronger fact, still say it
    rows = ("| none, or one below the even split |", "| one inside the band |", "| one past")
    assert all(row in section for row in rows)
    assert [section.index(row) for row in rows] == sorted(section.index(row) for row in rows)
    assert "When a fact you can name carries your opening beyond the estimate" not in section
    assert "if a fact you name carries your opening beyond" not in reflection
    assert "wherever the learner opens" in rubric  # review 96 U1: the prompt points to section 4
    assert (
        "4. a target placed by section 4's table, naming the fact behind it if there is one"
        in " ".join(reflection.split())
    )
    assert "when the learner names a fact that carries their opening beyond" not in rubric
    for text in (reflection, rubric):
        assert "short of" not in text


def test_sections_5_and_7_state_when_the_models_predict_the_even_split():
    """Section 7 said the Nash split would predict the even split only if breakdown left
    Northwind with the contractor, a few lines after saying it does when W = A; section 5
    said no model of Northwind's case predicts it, and gave the costly-delay prediction
    without section 7's condition that the BATNA binds."""
    decide, nash = _cell("decide-teaching"), _cell("nash-teaching")
    assert "no model of Northwind's case predicts" not in decide
    assert (
        "your own yardstick of an even-handed deal" in decide
    )  # r108 C2 reworded; review 78 U3: section 7 says which model predicts what
    # section 5 no longer states section 7's predictions before section 7 teaches them (a
    # reader's U3, session 55): no prediction there needs section 7's condition
    assert "who has the last word before that date" not in decide
    assert "your BATNA beats half of the pie" not in decide
    assert (
        "equal to it only when $W = A$ or if breakdown left Northwind with the agency's contractor."
    ) in nash


def test_material_fact_is_defined_where_section_6_first_uses_it():
    honest = _cell("honest-teaching")
    # review 94 U1: the side note that used it is now a pointer to module 00, section 6
    assert "material fact" not in honest


def test_the_summary_values_an_alternative_known_first_by_its_outcome_and_not_one_left_open():
    """The summary said "otherwise by its outcome", false of an alternative the deal leaves
    open (its value there is neither the outcome nor the expected value); it now gives the
    outcome only when you will know it before you answer."""
    summary = _cell("summary")
    assert "otherwise by its outcome" not in summary
    assert "if you will know the outcome before you answer, value it by that outcome" in summary
    assert "An alternative the deal leaves open sits on both sides" in summary


def test_question_9s_left_open_conditions_are_a_list():
    """The left-open timing packed four conditions into one paragraph; they are a list.
    Review 70 U1: the list moved into question 9's box with the worked cases, the bullet
    pointing to it."""
    raw = cell_text("02_batna", "batna", "q9-text")
    assert "Take these conditions as given:" in raw
    box = raw[raw.index("<details>") : raw.index("</details>")]
    assert "Take these conditions as given:" in box
    conditions = [line for line in box.splitlines() if line.startswith("- ")]
    assert len(conditions) == 4


def test_question_6_says_never_to_accept_an_ask_for_remote_days_offer_without_them():
    """An offer answered by asking for remote days can sit below the reservation price for
    the job as offered; section 5 says not to accept it without them while Northwind is
    still moving (review 75 C2: at its last word, an offer above the reservation price for
    the package it names is accepted, remote days or not)."""
    # review 78 U3: the table's row says it (ask for remote days), and the last-word sentence
    decide = " ".join(_cell("decide-teaching").split())
    # review 86 X1: a principle, no table; review 89 U1: "if not" is now "without them"
    assert "without them, **ask for remote days**" in decide
    assert "take any offer above your reservation price for its package" in decide


def test_questions_1_and_4_ask_for_the_decision_not_the_procedure():
    """Question 1 spelled out both branches of the tree, and question 4 named the agency's
    contractor as Northwind's alternative; each now names its inputs and points to the
    section, so the learner decides what the tree is and which fact sets the top."""
    q1, q4 = _cell("q1-text"), _cell("q4-text")
    assert "the salary you get if the funding round closes, with its chance" not in q1
    assert "as section 1 describes one" in q1
    assert "from its alternative, the agency's contractor" not in q4
    assert "make Northwind's reservation price (section 4)" in " ".join(q4.split())


def test_a_zone_hint_names_an_examples_reservation_price_once(learner):
    """The zone hint for an example case gave the example's reservation price twice."""
    example = check._example(True)
    with pytest.raises(NotYet) as hint:
        check.judge_zopa(example, None)
    said = str(hint.value)
    assert said.count(f"reservation price {reservation_of(example):,.0f}") == 1
    own = course.variant("02_batna", "ada")
    with pytest.raises(NotYet) as hint:
        check.judge_zopa(own, (1.0, 2.0) if check._has_zone(own) else None)
    # the own case's reservation price is question 3's answer: not shown (session 56, W5)
    assert f"{reservation_of(own):,.0f}" not in str(hint.value)


def test_a_reservation_hint_on_an_example_speaks_of_that_learners_sure_amounts(learner):
    """Question 3's hint on an example case said "with the gambles at your sure amounts"
    and "your BATNA is worth", though both are the example learner's: it now says
    "that learner's" there, and "your" only on the learner's own case."""
    own, tried = course.variant("02_batna", "ada"), 0
    for example in check._sure_examples(False):
        ignoring = reservation_of(example)  # the sure amounts left out
        if math.isclose(ignoring, reservation_of(example, risk_averse=True)):
            continue
        tried += 1
        with pytest.raises(NotYet) as caught:
            check.judge_reservation_salary(example, ignoring, True)
        said = str(caught.value)
        assert "that learner's sure amounts" in said and "your sure amounts" not in said
        assert "your BATNA is worth" not in said
    assert tried >= 2
    with pytest.raises(NotYet) as caught:
        check.judge_reservation_salary(own, reservation_of(own, risk_averse=True) + 5_000, True)
    assert "your sure amounts" in str(caught.value)


def test_delta_is_defined_where_section_7_first_uses_it():
    """Section 7 and question 7 used delta, defined only in module 03, which comes later;
    section 7 now says what it is at its first use."""
    nash = _cell("nash-teaching")
    first = nash.index("\\delta")
    definition = "where $\\delta$ is the share of the pie still worth having after one round"
    assert nash.index(definition) - first < 60  # review 69 U1: one sentence on


def test_section_7_says_a_common_deadline_without_delay_cost_turns_on_the_last_word():
    """Sections 5 and 7 said the outside-option model 'fits Northwind's case', but the story
    fixes the start date and sets one answer date for all offers, so delay costs neither side
    and the talks have a deadline: the prediction then turns on who has the last word. The
    text now says so, and gives the deal-me-out numbers for a story changed so that each
    round of talks costs both sides."""
    story = (Path(__file__).parents[1] / "course" / "scenarios" / "batna.py").read_text()
    story = " ".join(story.replace('"', "").split())
    assert "the start date is fixed" in story and "all want your answer by the same date" in story
    decide, nash = _cell("decide-teaching"), _cell("nash-teaching")
    for text in (decide, nash):
        assert "model that fits" not in text and "fits Northwind" not in text
        assert "predicts better here" not in text
    assert (
        "waiting costs no one anything" in nash
        and "The last offer before it decides (a finite" in nash
    )
    assert "it need pay no more than your reservation price" in nash
    assert "you can ask for up to $A$" in nash
    assert "*Each week of talks moves your start a week later*" in nash
    assert nash.index("*Each week of talks moves your start") < nash.index("98,800")
    # section 5 leaves this prediction to section 7, which teaches it (a reader's U3)
    assert "With a common answer date and no cost of delay" not in decide
    # review 66 C1: not every model says so; review 69 C2: two of section 7's three cases
    # do (Northwind's last word by the common date, Northwind proposing first while the
    # start slips), and only for a Northwind that knows your reservation price
    assert "one of section 7's models says it need not" not in decide  # review 78 U3: cut


def test_question_6s_accept_marks_an_offer_good_enough_to_take_and_pressing_on_is_yours():
    """Section 5 said you may press on towards your target while Northwind moves, yet
    question 5 grades 'accept' there; both now say 'accept' marks an offer good enough to
    take, and pressing on first is the learner's call, which no question grades (the
    reflection, promised for it, is about a negotiation of the learner's own)."""
    q5, decide = _cell("q6-text"), _cell("decide-teaching")
    # review 67 X2: the response is now "acceptable", and the old word is still taken
    assert '`"good enough to close"`' in q5  # r86; review 108 C2: renamed
    assert "earlier name" not in q5  # review 69 U5: the alias is kept silently
    for text in (q5, decide):
        assert "made in the reflection" not in text and "you make it in the reflection" not in text
    # review 62 (module 04's C1): module 04's question 6 graded its plan's stricter rule;
    # review 68 (module 04's C1) made it take either answer above the even split
    assert "counter towards your target" not in decide  # review 112 C3: one decision
    assert "grades its stricter plan" not in decide
    assert "no question grades it" not in decide
    assert 'read its "accept" as "good enough to take"' not in decide
    assert "it is *good enough to close*: take it" in decide
    assert (
        "*good enough to close*: take it. A **final offer**"  # review 108 C2; 112 C3
        in " ".join(decide.split())
    )


def test_the_head_office_case_says_when_the_nash_split_holds():
    """The head-office case applied the pure Nash prediction without saying that the risk
    of cancellation must outweigh the cost of delay (module 03 treats the mix)."""
    nash = _cell("nash-teaching")
    assert (
        "This holds when the risk of cancellation pushes much harder than the cost of "
        "delay; module 03 treats the mix of the two." in nash
    )
    assert nash.index("pushes much harder") < nash.index("$W \\ge A$")


def test_the_reservation_price_and_the_reflection_rubric_are_worded_for_either_side():
    """The prompt invites a lease or a purchase, but the definition ('the least you will
    accept') and rubric point 4 ('the most the other side could pay') fit a seller only."""
    intro, reflection, rubric = _cell("intro"), _cell("reflection-text"), _cell("reflection")
    assert "the least you will accept" not in intro
    assert "the worst terms you would accept" in intro
    assert "the least you would take if you are paid, the most you would pay if you pay" in (
        reflection
    )
    # review 96 U1: the prompt's point 4 points to section 4's band; the rubric keeps the gloss
    assert "the most the other side could pay" not in reflection
    for text in (reflection, rubric):
        assert "above the middle of the zone" not in text
    assert (  # review 77 U2: "reservation price", one name for the limit
        "the other side's reservation price (the most it would pay, or the least it would "
        "take)" in rubric
    )
    assert "the even split with no fact (or one below it)" in rubric  # review 110 C1


def test_the_target_band_is_stated_in_section_4_and_the_reflection_agrees():
    """Section 4 bounded the target by the estimate, question 8's check by nine tenths of
    the way up, the reflection by the estimate only: a target 95 per cent of the way up got
    the reflection's half mark and failed question 8. Session 75: the band's top is three
    quarters of the way, in section 4, the reflection, its rubric and the check alike."""
    section = _cell("zopa-teaching")
    assert (
        "Wherever you open, aim at or above the even split. The **band** runs from there to "
        "three quarters of the way up" in section  # review 110 C1
    )
    assert "and the zone starts half the commute lower" in " ".join(
        _cell("zopa-teaching").split()  # review 102 U5: moved to section 4
    )  # review 91 X1, 92 X1: question 5 decides the package itself; section 5 names the zone
    for grade_id in ("reflection-text", "reflection"):
        assert "nine tenths" not in _cell(grade_id)
    assert "up to three quarters of the way up" in _cell("reflection")
    assert (
        "4. a target placed by section 4's table, naming the fact behind it if there is one"
        in " ".join(_cell("reflection-text").split())
    )  # review 96 U1: section 4's band
    assert "three quarters of the way" not in _cell("q5-text")  # review 58 U4: section 4 only
    assert "tenth" not in section


def test_question_9s_check_shows_a_fallback_above_lumens_funded_pay_visibly_and_at_grading(
    answers, monkeypatch
):
    """Section 3 says a salary at or above Lumen's funded pay must be worth walking away on
    its own. Solving E[max(y, Lumen)] = walking as if Lumen could still beat y, whatever
    walking is, is wrong only where walking is at least that pay; the fixed examples never
    had it, so the slip passed visibly for most learners and was graded by chance. A Harbor
    Bank salary above Lumen's funded pay is now tried on the example, and on the hidden
    example at grading, with a hint that names the slip."""

    def no_cap(offers, timing, funded=None):
        value = answers["batna_when"](offers, timing, funded)
        if timing != "left open":
            return value
        base, top = offers.startup_base, offers.startup_base + offers.startup_bonus
        p = offers.funding_probability

        def beside(tree, lumen):  # each outcome of the fallback, or Lumen if it pays more
            if isinstance(tree, list):
                return [(q, beside(branch, lumen)) for q, branch in tree]
            return max(tree, lumen)

        walking = max(
            expected_value([(p, beside(tree, top)), (1 - p, beside(tree, base))])
            for name, tree in alternatives_of(offers).items()
            if name != "Lumen"
        )
        return (walking - p * top) / (1 - p)

    monkeypatch.setenv("LEVERAGE_LEARNER", "bo")  # own case: walking below Lumen's top
    for hidden in (False, True):
        own = check._scenarios(hidden)
        examples = [c for c in check._when_cases(hidden) if c not in own]
        highs = [c for c in examples if c.bank_salary >= c.startup_base + c.startup_bonus]
        assert len(highs) == (2 if hidden else 1)
        got = messages(check.batna_when(no_cap, hidden=hidden))
        # review 68 X1 / 69 X3: "left open" earns no mark; the slip is named on its own line
        assert got["committed first"][0] == 0  # review 86 X2: feedback only
        assert "left open" not in got["committed first"][1]
        assert got[check.LEFT_OPEN_UNMARKED][0] == 0
    assert (
        "a salary at or above that would never be left for Lumen"
        in (messages(check.batna_when(no_cap))[check.LEFT_OPEN_UNMARKED][1])
    )
    # the text no longer lists the check's cases (session 56, U5); the check still tries it


def test_an_empty_pair_for_no_zone_is_told_to_return_none_not_that_it_gives_a_zone(learner):
    """An empty tuple or list is not a zone: where there is none, the hint says to return
    None rather than an empty pair, and does not say the answer gives a zone."""
    no_deal = no_deal_case(check._example(True))
    assert not check._has_zone(no_deal)
    for empty in ((), []):
        with pytest.raises(NotYet) as raised:
            check.judge_zopa(no_deal, empty)
        told = str(raised.value) + raised.value.general
        assert "return None, not an empty pair" in told
        assert "gives a zone" not in told


def test_a_use_chosen_by_the_reservation_price_is_told_to_compare_the_batnas_value(learner):
    """With the band between the BATNA's value and the reservation price, a learner who
    decides "use" by the reservation price worked it out from offers, so the hint names
    that comparison and never says the letter was written in; a letter written in is told
    to work it out from the band and the BATNA's value."""
    own = check._drawn("ada")
    between = check._between_band(own)
    mention = next(s.letter for s in statements_of(between) if s._kind == "mention")
    assert check.statement_to_use(between) != mention
    with pytest.raises(NotYet) as raised:
        check.judge_use(between, {"use": mention})
    told = str(raised.value)
    assert "compare the band with your BATNA's value, not with your reservation price" in told
    assert "letter in" not in told
    moved = check._other_band(own)
    wrong = check.statement_to_use(own)
    assert wrong != check.statement_to_use(moved)
    with pytest.raises(NotYet) as raised:
        check.judge_use(moved, {"use": wrong})
    assert "letter in" not in str(raised.value)
    assert "work it out from offers.band_midpoint and your BATNA's value" in str(raised.value)


def test_the_head_office_case_has_no_answer_date_and_the_mixed_case_follows_module_03():
    """Binmore, Rubinstein and Wolinsky's limit holds with no deadline: the head-office
    paragraph and its quiz situation drop the common answer date. Where the risk of
    breakdown and the cost of delay both push, module 03 puts the split between the share
    at the table and the Nash split, and the quiz's introduction says so."""
    from course.scenarios.batna import SITUATIONS

    head_office = _cell("nash-teaching")
    assert ("*Head office may cancel the role any week*, and there is no answer date") in (
        " ".join(head_office.split())
    )
    assert "no one else needs your answer by a date" in SITUATIONS[0][0]
    quiz = _cell("quiz-text")
    assert "A case can have both: then the Nash split holds" not in quiz
    assert "module 03 treats the mix of the two" in _cell("nash-teaching")  # review 69 U1


def test_question_9s_known_first_hint_names_leaving_lumen_out_when_it_shares_an_amount(learner):
    """Q9, known first with Lumen funded: leaving Lumen out gives the same amount as
    averaging Lumen's outcomes (when Lumen is not the BATNA by expected values) or as
    Lumen's other outcome (when it is), and the hint named only that other slip; every
    hint on such an answer now names leaving Lumen out too."""
    told = 0
    for n in range(40):
        offers = course.variant("02_batna", f"w5-{n}")
        without = check.without_lumen(offers)
        if abs(without - check.batna_value_when(offers, "known first", True)) < 1:
            continue
        with pytest.raises(NotYet) as caught:
            check.judge_batna_when(offers, "known first", True, without)
        assert re.search(
            r"that leaves Lumen out|or leave Lumen out|not leave Lumen out", str(caught.value)
        )
        told += 1
    assert told >= 30


def test_the_summary_caps_the_target_as_question_5_does():
    """Question 5 fails a target above the band's top (three quarters of the way up the zone
    since session 75, nine tenths before); the summary gave only the floor (the even
    split)."""
    summary = " ".join(cell_text("02_batna", "batna", "summary").split())
    assert (
        "Aim at the even split of the zone, or at the higher figure a fact you can show "
        "supports, up to three quarters of the way up (this course's convention)" in summary
    )


def test_question_7_grading_fails_a_commute_not_halved_for_remote_days_between_the_prices(
    answers,
):
    """Labelling the remote-days demand against the reservation price for the job as
    offered (the commute not halved) loses a quarter mark for every learner whose demand with
    remote days lies between the two reservation prices (a bluff), and costs nothing when it
    lies below both (a warning either way): each is drawn for about half the learners."""
    from course.variants import learner_as

    use = answers["label_statements"]
    caught = 0
    for who in (f"halving-{n}" for n in range(300)):
        offers = course.variant("02_batna", who)
        remote = [
            x
            for x in statements_of(offers)
            if x._kind == "warning" and x.text.startswith("With two remote days")
        ]
        slip = {
            x.letter: "warning" if x._stated <= reservation_of(offers) else "bluff" for x in remote
        }
        with learner_as(who):
            credit = check.label_statements(lambda o, k=slip: {**use(o), **k}, hidden=True)
        between = remote[0]._label == "bluff"
        assert credit.earned == (2 - 0.375 if between else 2), who
        caught += between
    assert 0.4 < caught / 300 < 0.6, caught


def test_the_summary_states_the_target_rule_without_an_exception():
    """Section 4, the reflection rubric and the summary stated an exception for an opening a
    fact carries beyond the estimate: review 72 C2 made it halfway from the reservation
    price to the opening, never above the estimate, which a stronger fact could put below
    the band's top. Session 75: one rule wherever you open, and every "halfway ... to your
    opening" wording is gone. Seen failing on the old text."""
    section = " ".join(_cell("zopa-teaching").split())
    summary = " ".join(_cell("summary").split())
    assert "the target may go up to the estimate itself" not in section
    assert "or up to the estimate when a fact carries your opening beyond it" not in summary
    for cell in ("zopa-teaching", "summary", "reflection-text", "reflection"):
        text = " ".join(_cell(cell).split())
        assert "up to that estimate" not in text, cell
        assert "reservation price to your opening" not in text, cell
        assert "reservation price to the opening" not in text, cell
        assert "never above the estimate" not in text, cell


def test_review_72_the_model_quiz_states_the_breakdown_result_not_a_rule_for_both_forces():
    """Review 72 C1: "With both, the Nash split holds unless ..." read as a rule for breakdown
    risk and cost of delay together, which section 7 and module 03 contradict (with both the
    split lies between the share at the table and the Nash split). The sentence now states
    the Binmore-Rubinstein-Wolinsky result for breakdown risk with outside options, and
    sends the mix to module 03. Seen failing on the old text."""
    quiz = " ".join(_cell("quiz-text").split())
    assert "With both, the Nash split holds" not in quiz
    assert (
        "Under breakdown risk, a side's outside option counts only if it beats "
        "the side's Nash share; then the side gets its option."
    ) in quiz  # review 108: the pointer to module 03 is cut (U1; paying for C2)


def test_review_72_the_words_of_section_6_cite_module_00_alone():
    """Review 72 C3: module 02 said its words were "module 00's and module 03's", while
    module 03 says it uses module 02's: a circle. Module 02 now cites module 00, which gives
    the sources. Seen failing on the old text."""
    honest = " ".join(_cell("honest-teaching").split())
    assert "module 00's and module 03's" not in honest
    assert (
        "Sources of the labels and of warning and threat: module 00's, section 6." in honest
    )  # review 94 U1: the note is a pointer


def test_a_statement_with_no_figure_labelled_false_is_told_it_claims_nothing():
    """The statement that keeps your position private has no figure; labelled a bluff or a
    misrepresentation, its hint said 'every figure in it is true of your scenario', true
    only vacuously. It now says it states nothing false and claims no limit."""
    for who in ("practice-21", "practice-7", "ada"):
        private = next(
            x for x in statements_of(course.variant("02_batna", who)) if x._kind == "private"
        )
        assert private._stated is None and not re.search(r"\d", private.text)
        for label in ("bluff", "misrepresentation"):
            with pytest.raises(NotYet) as failure:
                check.judge_statement(private, {private.letter: label})
            said = str(failure.value)
            assert "it states nothing false and claims no reservation price" in said  # review 75 U3
            assert "every figure in it is true of your scenario." not in said


def test_each_quiz_situation_told_delay_pushes_agreement_states_a_cost_of_delay():
    """The model quiz's feedback for the lease and the supplier says 'what pushes both sides
    to agree is the cost of delay', but neither situation said delay cost anything (and
    section 7 shows that with costless delay and a deadline the last word decides)."""
    from course.scenarios.batna import SITUATIONS

    for situation, _, why in SITUATIONS:
        if "the cost of delay" in why:
            assert "without" in situation and "costs both of them something" in situation


def test_question_10_grades_which_model_fits_on_the_learners_own_numbers(answers):
    """Section 7 taught which model fits (the Nash split with breakdown payoffs, or an outside
    option that binds only once it beats what you would get anyway) but no question graded that
    decision, as question 8 takes the model as an argument. Question 10 asks what a BATNA worth
    1,000 more is worth in salary in the learner's own version of the talks (and one of each
    kind, on their numbers); the solution earns the mark, visible and hidden, and the text names
    the three facts."""
    for hidden in (False, True):
        credit = check.batna_rise(answers["batna_rise"], hidden=hidden)
        # review 72 X1: practice with feedback, no mark; the solution passes every case
        assert (credit.earned, credit.possible) == (0, 0)
        assert all(outcome.passed for outcome in credit.outcomes)
    text = _cell("q10-text")
    for fact in ("talks.may_be_cancelled", "talks.answer_date", "talks.start_slips"):
        assert fact in text
    # review 89 U3: the intro times question 10 as part of the optional extension
    assert "question 10 with its practice" in _cell("intro")


def test_question_10_refuses_one_model_for_every_version(learner):
    """One answer for every version of the talks (the Nash half unit, the full 1,000 of a
    matched BATNA, or nothing), and the Nash split left uncapped by the agency, all fail,
    for every learner tried; the hints say what to ask, never the figure."""
    from course.variants import learner_as

    right = solution_namespace("02_batna", "batna")["batna_rise"]

    def constant(amount):
        return lambda offers, talks: amount

    def uncapped(offers, talks):
        return 500 if talks.may_be_cancelled else right(offers, talks)

    for n in range(40):
        with learner_as(f"rise-{n}"):
            for wrong in (constant(500), constant(1_000), constant(0), uncapped):
                credit = check.batna_rise(wrong)
                assert credit.earned == 0, n
                said = messages(credit)["which model fits"][1]
                assert "gave" in said, said
            said = messages(check.batna_rise(uncapped))["which model fits"][1]
            assert "compare the salary the split predicts with the agency's cost" in said


def _key_answers():
    """For each graded question, an answer that only calls what the check uses to know the
    right answer: the scenario's functions, a check's helper, or a judge as an oracle."""
    from course.scenarios import batna as keys

    def by_oracle(offers, offer, value, limit):  # try every pair until the judge says yes
        for pair in [(r, why) for why, r in keys.REASONS.items()]:
            try:
                check.judge_response(offers, 1, offer, pair)
                check.judge_response(offers, 1, offer, pair, part="reason")
                return pair
            except NotYet:
                pass
        return None

    return {
        "startup_tree": [lambda o: keys.alternatives_of(o)["Lumen"]],
        "choose_batna": [lambda o, risk_averse=False: keys.batna_of(o, risk_averse)],
        "reservation_salary": [lambda o, risk_averse=False: keys.reservation_of(o, 0, risk_averse)],
        "northwind_zopa": [lambda o, r: (r, keys.northwind_reservation(o))],
        "target_salary": [lambda o, r: check.target_band(o)[0], lambda o, r: keys.even_split(o, 2)],
        "respond_to_offer": [lambda o, offer, v, lim: keys.right_response(o, offer), by_oracle],
        "label_statements": [keys.statement_key],
        "batna_needed": [lambda t, p, th, w=False: check.needed((t, p, th), w)],
        "batna_when": [keys.batna_value_when],
        "batna_rise": [keys.batna_rise_of, lambda o, t: keys.predicted_salary(o, t, 1_000) - 500],
    }


@pytest.mark.parametrize("hidden", [False, True])
def test_an_answer_that_calls_the_answer_key_fails_every_graded_question(learner, hidden):
    """A graded answer that only calls the function the check uses to know the right answer
    would be right on every case grading tries: the check refuses it, visibly and hidden."""
    from course.scenarios import batna as keys

    offers = course.variant("02_batna", "ada")
    assert keys.reservation_of(offers) == reservation_of(offers)  # outside a check it answers
    said = "calls the course's own answer to"  # to this question (visible), to the question
    for question, wrongs in _key_answers().items():
        for wrong in wrongs:
            try:
                credit = getattr(check, question)(wrong, hidden=hidden)
            except NotYet as hint:
                assert said in str(hint), (question, str(hint))
                continue
            assert credit is not None, question
            # review 72 X1: a practice check (no points) fails without losing points
            assert credit.earned < credit.possible or not all(
                outcome.passed for outcome in credit.outcomes
            ), question
            assert any(said in m for _, m in messages(credit).values()), messages(credit)


def test_the_text_says_how_offers_alternate_and_why_remote_days_halve_the_commute():
    """Question 10's proposer makes the first offer and the offers alternate (read as making
    every offer, a slipping start would predict no rise at all); two days of five cut a daily
    commute by 40%, so the story says why they halve it; section 7 names when the even split
    is the Nash prediction; the target is set in question 5; a true floor claim is told what
    it costs, as a warning is."""
    from course.scenarios.batna import Talks

    q10 = " ".join(_cell("q10-text").split())
    assert "You take turns weekly. `talks.proposer` makes the first offer;" in q10
    slips = Talks(False, False, True, "you", 120_000.0, 0.9)
    assert "you making the first offer (you then take turns)" in check._talks_words(slips)
    assert "making the offers" not in check._talks_words(slips)
    # review 62 U7: the hint read "with head office may cancel the role any week"
    cancelled = Talks(True, False, False, "Northwind", 120_000.0, 0.9)
    with pytest.raises(NotYet) as raised:
        check.judge_batna_rise(course.variant("02_batna", "ada"), cancelled, -1)
    assert "talks where head office may cancel the role any week" in str(raised.value)
    offers = course.variant("02_batna", "ada")
    # review 81 U5: "three days a week costs half" read as 60 per cent
    # review 106 C1: the cost is a childminder's, at half for a part-week place
    assert "the childminder charges half for a part-week place" in " ".join(offers.story().split())
    nash = " ".join(_cell("nash-teaching").split())
    assert "even split is the price the Nash split predicts when the conditions" not in nash
    assert "equal to it only when $W = A$" in nash  # review 67 U1
    decide = " ".join(_cell("decide-teaching").split())
    assert "set in section 3" not in decide  # review 78 U3 cut the sentence on the target
    for n in range(40):
        claims = [
            s
            for s in statements_of(course.variant("02_batna", f"floor-{n}"))
            if s._kind == "bluff" and s._label == "legitimate"
        ]
        if claims:
            assert (
                "it still points Northwind at a figure below your reservation price"
                in claims[0]._why
            )
            break
    else:
        raise AssertionError("no honest floor claim among 40 learners")


# --- no graded answer is public data ----------------------------------------------------------


def _members(value):
    """The values ``value`` holds one level down: a container's items (a mapping's keys and
    values), or an object's public attributes that are not methods."""
    import inspect
    import types

    if isinstance(value, dict):
        return [*value.keys(), *value.values()]
    if isinstance(value, (tuple, list, set, frozenset)):
        return list(value)
    if isinstance(value, (str, bytes, int, float, bool, type(None), type, types.ModuleType)):
        return []
    found = []
    for name in dir(value):
        if name.startswith("_"):
            continue
        try:
            item = getattr(value, name)
        except Exception:  # a property that needs more than the record holds
            continue
        if not (inspect.isroutine(item) or inspect.ismethod(item)):
            found.append(item)
    return found


def _public_roots(offers):
    """What a learner's function can read without calling an answer key: every public name of
    module 02's course modules that is not a function, the drawn scenario, and what each public
    function that is not an answer key returns for it (called as a check would run the
    learner's function, so the keys refuse)."""
    import inspect

    from course.checks.calls import AnswerKeyCalled, _learner_running
    from course.models import batna as models
    from course.scenarios import batna as scenarios
    from course.widgets import batna as widgets

    modules = (scenarios, check, models, widgets)
    roots = [(f"{m.__name__}.{n}", getattr(m, n)) for m in modules for n in dir(m)]
    roots = [(path, v) for path, v in roots if "._" not in path and not callable(v)]
    roots.append(("offers", offers))
    running = _learner_running.set(True)
    try:
        for module in (scenarios, check):
            for name, function in vars(module).items():
                if name.startswith("_") or not inspect.isfunction(function):
                    continue
                if function.__module__ != module.__name__ or hasattr(function, "__wrapped__"):
                    continue  # imported, or a question's check
                for arguments in ((), (offers,)):
                    try:
                        roots.append((f"{name}(offers)", function(*arguments)))
                        break
                    except AnswerKeyCalled:
                        break
                    except Exception:  # not a function of the scenario
                        continue
    finally:
        _learner_running.reset(running)
    return roots


def _graded_answers(offers):
    """Each graded answer of ``offers``'s questions that is a choice, as (question, what
    names the case, the answer): the BATNA's name, each offer's response, each statement's
    label and the statement to make."""
    from course.scenarios import batna as keys

    name, value = keys.batna_of(offers)
    found = [("question 2", {value}, name)]
    for offer in offers.northwind_offers:
        found.append(("question 6", {offer}, keys.right_response(offers, offer)[0]))
    for statement in keys.statements_of(offers):
        found.append(("question 7", {statement.letter, statement.text}, statement._label))
    found.append(("question 7", {"use"}, keys.statement_to_use(offers)))
    return found


@pytest.mark.parametrize("who", ["ada", "learner-3", "learner-17", "floor-2"])
def test_no_public_name_or_record_holds_a_graded_answer(learner, who):
    """A graded answer (a label, a response, the BATNA's name) is never public data of the
    course package: walking every public name of module 02's course modules, the drawn
    scenario and what public non-key functions return, two levels into each record, no
    container holds a case beside its answer, and no statement has a public field that is
    its label or its kind (those are private, read only through the answer keys)."""
    from course.scenarios.batna import _statements_of

    offers = course.variant("02_batna", who)
    answers = _graded_answers(offers)
    seen, stack, leaks = set(), [(path, v, 0) for path, v in _public_roots(offers)], []
    while stack:
        path, value, depth = stack.pop()
        if id(value) in seen:
            continue
        seen.add(id(value))
        members = _members(value)
        held = {m for m in members if isinstance(m, (str, float, int, NorthwindOffer))}
        for question, case, answer in answers:
            if case & held and answer in held:
                leaks.append((question, path))
        if depth < 2:
            stack += [(f"{path}[{i}]", m, depth + 1) for i, m in enumerate(members)]
    assert not leaks, leaks
    for statement in _statements_of(offers):
        public = {n: getattr(statement, n) for n in dir(statement) if not n.startswith("_")}
        assert set(public) <= {"letter", "text"}, sorted(public)


def test_the_summary_names_the_answer_date_case_of_a_better_batna():
    """The summary said a better BATNA pays under the Nash split or once it beats your share
    at the table, leaving out the learner's own story, a common answer date, where section 7
    predicts a rise one for one when Northwind has the last word and none when you do.
    Review 97 U1: that result lives only in section 7's optional box, so the summary no
    longer teaches it; the box says it."""
    summary = " ".join(_cell("summary").split())
    assert "By a common answer date" not in summary
    nash = " ".join(_cell("nash-teaching").split())
    box = nash[nash.index("<details>") : nash.index("</details>")]
    assert (
        "If Northwind makes the last offer, you can only take it or your BATNA, so it need pay "
        "no more than your reservation price." in box
    )
    assert "you can ask for up to $A$" in box


def test_section_6_states_the_demand_rule_once_and_stays_short():
    """Section 6 gave one demand three labels (bluff, threat, misrepresentation) over 22 lines
    before accepting either of two, and ran to 1,599 words; the demand's rule is now told in
    one paragraph (a warning at or below the package's reservation price, above it a bluff,
    which the course also accepts as a misrepresentation) and the section stays under 1,500."""
    honest = _cell("honest-teaching")
    assert len(honest.split()) < 1_500, len(honest.split())
    # review 96 U1: module 00's line in a parenthesis
    assert "A figure above that price is a bluff (module 00 puts such a false" in honest
    assert "module 05 says the same of an ultimatum" not in honest


def test_the_reflections_model_answer_and_rubric_follow_question_5s_rule():
    """Question 5 aims at the salary survey's median when it lies in the band (the even split
    to three quarters of the zone since session 75) and at the even split when it lies below; the reflection's
    model answer aimed 500 above its survey (72,000 for 71,500) and, in its second case, at
    76,000 with the survey below the middle and no fact named. Its prompt also listed what the
    other side's alternative costs it as a fact for a target, which question 5 uses for the
    opening only. The answer's figures now follow the rule, computed here."""
    answer = " ".join(_cell("reflection").split())
    prompt = " ".join(_cell("reflection-text").split())
    survey, low, high = 71_500, 68_000, 80_000
    split, most = (low + high) / 2, low + 0.75 * (high - low)
    assert min(max(survey, split), most) == split == 74_000
    assert "its even split is 74,000, above the survey," in answer
    assert "so I will aim for 74,000." in answer
    assert "72,000" not in answer and "76,000" not in answer
    assert f"three quarters of the way up is {most:,.0f}" in answer  # session 75: 77,000
    # review 81 C2: the prompt points to section 4's table, whose facts are these two
    assert (
        "4. a target placed by section 4's table, naming the fact behind it if there is one"
        in prompt
    )  # review 96 U1: inside section 4's band
    assert "| the fact you can show (a pay survey, a rival's price) | your target |" in (
        cell_text("02_batna", "batna", "zopa-teaching")
    )


def test_the_reflections_employer_limit_comes_from_its_alternative_to_this_deal():
    """Review 70 E1: the model answer said the learner would stay at 61,000 if the talks
    failed, then took the agency's 80,000 as the employer's limit and built a 61,000-80,000
    zone: the employer's no-deal outcome is keeping the learner, so the replacement cost
    bounds it only once the learner would really leave (the offer in hand)."""
    answer = " ".join(_cell("reflection").split())
    assert "61,000 to 80,000" not in answer and "70,500" not in answer
    assert "78,100" not in answer and "I will aim for 71,500" not in answer
    assert "Today my only alternative is to stay at 61,000, so I want the offer in hand" in (
        answer
    )  # review 86 U4
    assert "With it I would really leave, and my employer would have to replace" in answer
    assert "zone then runs from 68,000 to 80,000" in answer
    assert "That estimate must come from its alternative to *this* deal" in answer


def test_one_label_for_all_six_statements_earns_only_the_labels_it_gets_right():
    """Two of question 7's six statements are honest for every learner, so 'plain statement' for all
    six earned about half the label marks (0.73 of 1.5 over 300 learners); those two now earn
    no mark. Session 56 then let a right label earn only beside a right label of another
    kind, a cliff review 65 (X1) removed: one label for all six now earns three eighths for
    each of the four marked statements it gets right, never all four, and under 0.6 of the
    1.5 label marks on average over 100 learners; the key earns all four. Review 80 C3 made
    every true statement 'legitimate' (module 00's words): a learner whose four marked
    statements are all true (each is drawn true or false with even chances, so about one in
    sixteen) is right with that one label, and 'legitimate' for all six earns about half
    the label marks on average, what a guess between two labels earns (under 0.8 of 1.5)."""
    from course.scenarios.batna import LABELS, LEGITIMATE

    earned = dict.fromkeys(LABELS, 0.0)
    all_true = 0
    for n in range(100):
        offers = course.variant("02_batna", f"label-{n}")
        said = check.statements_of(offers)
        key = {s.letter: s._label for s in said}
        read = check.read_off_figures(said)
        assert len(read) == 4
        assert all(check.judge_statement(s, key) for s in read)
        for label in LABELS:
            alike = {s.letter: label for s in said}
            right = 0
            for s in read:
                try:
                    check.judge_statement(s, alike)
                    right += 1
                except NotYet:
                    pass
            assert right == sum(label in check._accepted(s, alike) for s in read)
            assert right < 4 or label == LEGITIMATE
            all_true += right == 4
            earned[label] += 0.375 * right
    assert all_true < 15, all_true
    assert max(v for k, v in earned.items() if k != LEGITIMATE) / 100 < 0.6, earned
    assert earned[LEGITIMATE] / 100 < 0.8, earned


def _by_wording(offers, demand, claim, fact):
    """Question 7's labels from the wording alone (the reviewer's rule, session 56): the
    mention and the private statement honest, each demand ``demand``, the claim ``claim``,
    the statement about an offer ``fact``."""
    labels = {}
    for letter, text in offers.statements:
        if "less than" in text or "if the salary is below" in text:
            labels[letter] = demand
        elif "under" in text:
            labels[letter] = claim
        elif "spares me" in text or "rather not" in text or "keep my other" in text:
            labels[letter] = "plain statement"
        else:
            labels[letter] = fact
    return labels


def test_labels_guessed_from_the_wording_earn_about_half_the_label_marks():
    """Session 56, W3: a rule on the wording alone ("plain statement" for the mention and the private
    statement, "bluff" for the demands and the claim, "misrepresentation" for the fact)
    earned 0.96 of question 7's 1.5 label marks over 300 learners: two statements are honest
    for everyone, and each of the other four carries one of two labels. Only those four earn
    marks. Session 56 also paid them only when at least three were right, which held the
    best such rule to a quarter but took all the marks from a learner with two right labels;
    review 65 (X1) pays each right label on its own, so the best of the eight rules earns
    about half (under 0.8 of 1.5 on average over 300 learners), what a guess between two
    labels gets, and the key all 1.5."""
    rules = [
        (demand, claim, fact)
        for demand in ("warning", "bluff")
        for claim in ("plain statement", "bluff")
        for fact in ("plain statement", "misrepresentation")
    ]
    earned = dict.fromkeys(rules, 0.0)
    for n in range(300):
        offers = course.variant("02_batna", f"learner-{n}")
        said = check.statements_of(offers)
        key = {s.letter: s._label for s in said}
        for s in check.read_off_figures(said):
            assert check.judge_statement(s, key)
        for rule in rules:
            labels = _by_wording(offers, *rule)
            for s in check.read_off_figures(said):
                try:
                    check.judge_statement(s, labels)
                    earned[rule] += 0.375
                except NotYet:
                    pass
    best = max(earned.values()) / 300
    assert 0.6 < best < 0.8, {rule: round(v / 300, 3) for rule, v in earned.items()}


def _said(check_function, answer):
    """Everything a visible check tells the learner about ``answer``: its hint, or the
    messages of each part of its credit."""
    try:
        credit = check_function(answer)
    except NotYet as hint:
        return str(hint)
    return " | ".join(message for _, message in messages(credit).values()) if credit else ""


@pytest.mark.parametrize("n", range(6))
def test_no_visible_hint_shows_the_learners_own_graded_answer(monkeypatch, n):
    """W5 (session 56): question 3's and question 9's checks ended an unexplained wrong
    answer with "expected 89,500, got 0", the learner's own graded value (5/5 learners on
    question 9's left-open case); question 2 said what the BATNA is worth, question 4 the
    top of the zone, question 5 the median that was the target. Now no visible hint on the
    learner's own case shows any graded value of that case: wrong constants, near misses
    and wrong choices get words only."""
    learner = f"w5-leak-{n}"
    monkeypatch.setenv("LEVERAGE_LEARNER", learner)
    o = course.variant("02_batna", learner)
    worth = {name: expected_value(tree) for name, tree in alternatives_of(o).items()}
    keys = {
        "BATNA": max(worth.values()),
        "reservation": reservation_of(o),
        "sure reservation": reservation_of(o, risk_averse=True),
        "Northwind's": northwind_reservation(o),
        "target": target_of(o),
        **{
            f"Q9 {timing} {funded}": batna_value_when(o, timing, funded)
            for timing, funded in (
                ("commit first", None),
                ("known first", True),
                ("known first", False),
                ("left open", None),
            )
        },
    }
    shown = [  # (the amounts the answer itself gives, what the check says of it)
        *(((0,), _said(check.choose_batna, lambda offers, r=False, a=a: (a, 0))) for a in worth),
        *(
            ((v,), _said(check.choose_batna, lambda offers, r=False, a=a, v=v: (a, v)))
            for a, v in worth.items()
        ),
        *(
            ((x,), _said(check.reservation_salary, lambda offers, r=False, x=x: x))
            for x in (0, keys["reservation"] + 250, keys["sure reservation"] - 250)
        ),
        *(
            (z or (), _said(check.northwind_zopa, lambda offers, reservation, z=z: z))
            for z in ((0, 0), None, (reservation_of(o), o.agency_rate))
        ),
        *(
            ((x,), _said(check.target_salary, lambda offers, reservation, x=x: x))
            for x in (0, keys["target"] + 700, keys["target"] - 700, 10**7)
        ),
        *(
            ((x,), _said(check.batna_when, lambda offers, timing, funded=None, x=x: x))
            for x in (0, 100_000)
        ),
    ]
    own = [  # what is said of the own case (an example's numbers may match by chance)
        (given, part)
        for given, said in shown
        for part in said.split(" | ")
        if "in your case" in part or f"learner {learner}" in part
    ]
    assert len(own) >= 10, shown
    for what, value in keys.items():
        for given, said in own:
            if not any(abs(value - g) < 1 for g in given):
                assert f"{value:,.0f}" not in said, (learner, what, value, said)


def test_the_targets_band_is_called_the_courses_convention():
    """Session 56, C3: section 4 and the summary gave the 0.5 and 0.9 bounds as a
    principle, and question 5 as "where a fact puts you"; the bounds are this course's
    convention, and the text now says so where it gives them."""
    section = _cell("zopa-teaching")
    assert "The band is this course's convention, not a research finding" in section
    assert "where in that band a fact puts you" not in section
    assert "up to three quarters of the way up (this course's convention)" in _cell("summary")


def test_question_10_calls_the_talks_a_variant_of_the_story():
    """Session 56, C2: question 10 called offers.talks "your version" of the talks, though
    for 196 of 300 learners it drops the story's answer date or fixed start; it is now a
    variant of the story, and the text says which facts it replaces."""
    text = _cell("q10-text")
    assert "your version of them" not in text and "tries your version" not in text
    assert "is a variant of your story" in text
    # review 67 C1: one of the three facts is the story's own, so not all replace it
    assert (
        "the story's own answer date and fixed start, or one of two facts that replace them" in text
    )
    # review 61 X2: the expected half unit needs costless delay and a small weekly chance
    cancelled = text[text.index("talks.may_be_cancelled") : text.index("talks.answer_date")]
    assert "small chance" in cancelled and "waiting costs no one anything" in cancelled


def test_question_texts_leave_the_checks_mechanics_to_a_short_note():
    """Session 56, U4 and U5: section 3 said twice that section 4 places the target, and
    questions 2, 5 and 9 spent a third of their text on what the check tries. Each now
    says it in a line at most."""
    assert "once it has taught the words for it" not in _cell("reservation-teaching")
    assert "cannot show in your own case" not in _cell("q2-text")
    assert "rather than writing in a number" not in _cell("q5-text")
    assert "an example whose BATNA is Lumen" not in _cell("q9-text")


def test_a_gated_half_mark_never_says_the_answer_always_walks_away(learner):
    """Session 56, U6: a function that used the even split of the zone without remote days
    for offers without them was told "a function that always walks away decides nothing",
    though it does not always walk away. The gated part's hint now speaks of such a
    function only as the reason for the gate, and says what to fix."""

    def wrong_split(offers, offer, batna_value, northwind_reservation):
        low = batna_value + offers.commute_cost * (0.5 if offer.remote_days else 1)
        if northwind_reservation < offer.salary:  # review 77 C2: the estimate beaten, and
            low = batna_value + offers.commute_cost / 2  # the slip kept to zones it foresaw
        northwind_reservation = max(northwind_reservation, offer.salary)
        if batna_value + offers.commute_cost / 2 > northwind_reservation:
            return "walk away", "no zone even with remote days"
        if offer.salary >= (low + northwind_reservation) / 2:
            if offer.remote_days:
                return "accept", "even split reached"
            return "ask for remote days", "no remote days"
        if offer.salary < batna_value:
            return "counter", "below your BATNA"
        if offer.salary < low:
            return "counter", "commute trap"
        return "counter", "below the even split"

    got = messages(check.respond_to_offer(wrong_split))
    assert got["responses"][0] == 0 and got["final offer"][0] == 0  # review 103 C1
    said = got["final offer"][1]
    assert "a function that always walks away decides nothing" not in said
    assert "get those responses right first" in said


def test_question_10_names_the_full_commute_and_its_visible_check_catches_it(learner):
    """Review 57, W1: a batna_rise that starts from the reservation price for the job as
    offered (full commute), not the one for the package with two remote days, passed the
    visible check for 19 of 30 learners and lost the mark at grading for all 30, and its
    hint blamed the model the learner had chosen rightly. The visible check now tries a
    version whose cap turns on the half commute, and the hint names the package."""
    from course.variants import learner_as

    right = solution_namespace("02_batna", "batna")["batna_rise"]

    def full_commute(offers, talks):
        low = reservation_of(offers)  # the job as offered, with the full commute
        high = northwind_reservation(offers)

        def salary(rise):
            x = low + rise
            if talks.may_be_cancelled:
                return min((x + talks.work_value) / 2, high)
            if talks.answer_date:
                return x if talks.proposer == "Northwind" else high
            if talks.proposer == "Northwind":
                return x
            return min(x + (1 - talks.delta) * (talks.work_value - x), high)

        return salary(1_000) - salary(0)

    for n in range(30):
        with learner_as(f"r-{n}"):
            assert all(o.passed for o in check.batna_rise(right).outcomes), n
            credit = check.batna_rise(full_commute)
            assert credit.earned == 0, n
            said = messages(credit)["which model fits"][1]
            assert "job as offered" in said and "two remote days" in said, said
            assert "section 7's models" not in said and "share at the table" not in said, said


def _markdown_words(folder="02_batna", name="batna"):
    """Words in the markdown cells of module ``folder``'s source ``name``.py."""
    text = (Path(__file__).parents[1] / "source" / folder / f"{name}.py").read_text()
    cells = re.split(r"^# %%", text, flags=re.M)[1:]
    return sum(
        len(line[1:].split())
        for cell in cells
        if cell.partition("\n")[0].strip().startswith("[markdown]")
        for line in cell.partition("\n")[2].splitlines()
        if line.startswith("#")
    )


def test_section_5_gives_target_even_split_and_reservation_price_one_job_each():
    """Review 57, C1 and C3: section 5 listed five lines for taking an offer (reservation price,
    even split called a "floor for accepting", target, module 04's plan, the last-word rule),
    and section 3 called the reservation price a "walk-away point" too, while module 05 keeps
    "walk-away" for the action. Now three figures each do one job: the target is what every
    counter asks for, the even split tells an acceptable offer while Northwind moves, the
    reservation price decides at a last word; "floor" is never the even split's name."""
    decide = _cell("decide-teaching")
    # review 61 U4 made the three jobs a table; review 78 U3 cut section 5 to the rule's table
    # and one sentence: the even split judges a moving Northwind's offer, the reservation
    # price its last word, and the target is sections 3 and 4's
    flat = " ".join(decide.split())
    assert "For an offer made while Northwind is still moving" in flat
    assert "At a final offer you believe, take any offer above your reservation price" in flat
    assert "floor" not in decide and "floor" not in _cell("q6-text")
    assert "good enough to close" in _cell("q6-text")  # review 108 C2
    for grade_id in ("intro", "zopa-teaching", "summary"):
        assert "walk-away point" not in _cell(grade_id), grade_id
    # review 58 C1: CONTENT.md's term is named once, as another name the course does not use
    assert _cell("reservation-teaching").count("walk-away") == 1
    assert "this course says reservation price" in _cell("reservation-teaching")


def test_section_7_states_the_binding_batnas_rise_for_question_10s_deltas():
    """Review 57, E1: section 7 said a binding BATNA's rise, delta x 1,000 when you propose,
    is "about twice" the Nash half unit; for question 10's deltas it is 1.6 to 1.9 times."""
    from course.scenarios.batna import DELTAS

    nash = _cell("nash-teaching")
    assert "about twice" not in nash
    # review 69 U1: the ratios are no longer spelled out; what the text says still holds
    assert ("more than the Nash split's half unit for question 10's values of $\\delta$") in nash
    ratios = [delta * 1_000 / 500 for delta in DELTAS] + [1_000 / 500]
    assert min(ratios) > 1 and max(ratios) == 2


def test_fallback_delta_and_share_at_the_table_are_defined_at_first_use():
    """Review 57, U2: "fallback" was first used inside a long sentence, the share at the
    table was leaned on before its definition, and delta came with a pointer to module 03."""
    cells = [_cell(g) for g in ("intro", "ev-teaching", "choose-teaching")]
    assert not any("fallback" in cell for cell in cells)
    # review 69 U2: "fallback" is now defined in question 9's box; its one use before the
    # box points to it
    assert "fallback" not in _cell("reservation-teaching")
    q9 = " ".join(_cell("q9-text").split())
    # review 78 U4: "fallback" is gone; the box names "your BATNA without Lumen" first
    assert "fallback" not in q9
    first = q9.index("BATNA without Lumen")
    assert q9.index("The box below gives the conditions") < first
    assert first == q9.index("your **BATNA without Lumen**") + len("your **")
    nash = _cell("nash-teaching")
    assert nash.index("share at the table") == nash.index("**share at the table**") + 2
    assert nash.index("where $\\delta$ is the share of the pie") < nash.index("week later")


def test_the_honest_claim_of_a_lower_limit_says_why_it_is_honest():
    """Review 57, U3: question 7's honest claim of a limit below the learner's reservation price
    is true but misleading; section 6 now says why that one is honest, and that a true statement
    meant to mislead about a fact is not made honest by being true. Review 58, E2: it said the
    claim was honest *because* it misleads only against you; misleading only against yourself
    does not make a statement honest. It is labelled honest because it is literally true (the
    first test), and it still misleads, against you alone. Review 66, C2: the rule against a
    true statement meant to mislead read as if it covered the claim too (the claim is heard as
    your limit); the text now says that a statement about your own limit is judged by its words
    (bargaining custom takes it as no statement of fact) and the rule covers facts about the
    world. Review 68 X3: "anything under X" still read as a limit; the claim now names one
    salary, true below the limit and a bluff above it, and its explanation says what
    naming a figure below your limit costs."""
    honest = " ".join(_cell("honest-teaching").split())
    assert "honest because it misleads" not in honest
    # review 86 U1: the paragraph is one sentence per test, words for limits, belief for facts
    assert (
        "Judge a claim about the least you would accept, a demand included, by what it says: "
        'with a reservation price of 97,000, "90,000 would not be enough for me" is true. '
        "Judge a statement of fact by what it makes Northwind believe." in honest  # r88 U2
    )
    assert "as a statement of fact, so it tolerates that bluff" in honest  # review 87 C1
    for n in range(40):
        claims = [
            s
            for s in statements_of(course.variant("02_batna", f"floor-{n}"))
            if s._kind == "bluff" and s._label == "legitimate"
        ]
        if claims:
            assert "so the claim is true and demands nothing" in claims[0]._why
            break
    else:
        raise AssertionError("no honest floor claim among 40 learners")


def test_section_7_and_question_10_say_their_deltas_fit_only_a_costly_delay():
    """Review 58, E1: delta of 0.8 to 0.95 a week means a week late loses 5 to 20% of the
    whole gain from the hire, while a week is about a fiftieth of a year's gain (delta about
    0.98); the text gave the first proposer's premium at 0.9 and never said which is
    realistic. It now says so. Review 66 U1: the side calculation of the premium at 0.98 was
    cut; section 7 and question 10 still say the deltas fit only a delay that loses work.
    Review 69 U1: section 7 no longer says it; question 10 does."""
    nash = _cell("nash-teaching")
    # review 69 U1: section 7 no longer restates it; question 10 says why delta is low
    assert "about 0.98" not in nash
    # review 70 U3: "a late start also loses work" did not explain a 5-20% weekly loss; the
    # figure is now called stylised, with the 0.98 a week alone would give
    q10 = _cell("q10-text")
    assert "low because a late start also loses work" not in q10
    assert "0.8 to 0.95, set low so that the effect shows" in q10
    assert "losing the week alone would leave about 0.98" in q10


def test_the_left_open_case_is_shorter_and_the_module_does_not_grow():
    """Review 57, U1: section 3's left-open paragraph (about 300 words of nested conditions) and
    the summary's repeat of it are cut; question 9 carries the worked gamble case. Markdown
    words were 11,583 at review."""
    section3 = _cell("reservation-teaching")
    assert "meets the first condition" not in section3 and "(below it, the" not in section3
    assert "strictly between" not in _cell("summary")
    assert "107,500" in _cell("q9-text") and "105,000" in _cell("q9-text")
    assert _markdown_words() <= 11_400


def test_question_4s_hint_for_a_wrong_low_end_does_not_complete_the_answer(learner):
    """Review 57, W2: the hint for a wrong low end said "the bottom of the zone is your
    reservation price, the second argument", which wrote the answer's first half for the
    learner. It now asks what the bottom is, and names no argument."""

    def bank_at_the_bottom(offers, reservation):
        return (offers.bank_salary, offers.agency_rate + offers.agency_fee)

    said = messages(check.northwind_zopa(bank_at_the_bottom))["a zone when there is one"][1]
    assert "the zone is not" in said, said
    assert "the second argument" not in said and "argument" not in said, said
    assert "least you would accept" in said, said


@pytest.mark.parametrize("said", RESPONSES)
def test_a_response_hint_gives_the_reason_never_the_right_response(learner, said):
    """Review 58 W2: a wrong response got "...; ask for remote days, not accept.", the graded
    response of the learner's own offer. The hint now ends at the reason (an offer's salary
    against the even split, its remote days): it names what was said, never what is right."""
    hints = messages(check.respond_to_offer(rule_of(lambda o, offer, v, lim: said)))
    text = hints["responses"][1]
    for response in RESPONSES:
        if response != said:
            assert f"{response}, not" not in text and f": {response}" not in text, text
            assert f"'{response}'" not in text and "so ask for" not in text, text
    assert f"so not {said!r}" in text or hints["responses"][0] == 0.5


def test_a_zone_or_needed_batna_hint_ends_at_the_reason(learner):
    """Review 58 W2: question 4 told a learner whose zone was wrong "no deal works for both
    sides, so return None", and question 8 "so return 0": the answer, not the reason."""

    def always_a_zone(offers, reservation):
        return (reservation, offers.agency_rate + offers.agency_fee)

    zone = messages(check.northwind_zopa(always_a_zone))["None when there is no zone"][1]
    assert "so return None" not in zone and "return None" not in zone, zone
    assert "costs it less than" in zone

    def no_floor(target, pie, theirs, walk_any_time=False):  # Nash without max(0)
        return None if target > pie - theirs else 2 * target - pie + theirs

    needed = _said(check.batna_needed, no_floor)
    assert "least BATNA of 0 or more" in needed, needed
    assert "so return 0" not in needed, needed


@pytest.mark.parametrize("field", ["pay_survey", "band_midpoint"])
def test_question_4_names_a_pay_figure_taken_for_northwinds_reservation_price(learner, field):
    """Review 58 W1: question 4 no longer names the figures Northwind's reservation price
    rests on; the learner decides from the story. A zone topped by a pay figure (the survey's
    median, the band's midpoint) gets a hint that says why it does not bound Northwind."""

    def pay_topped(offers, reservation):
        return (reservation, getattr(offers, field))

    said = messages(check.northwind_zopa(pay_topped))["a zone when there is one"]
    named = {
        "pay_survey": "salary survey's median",
        "band_midpoint": "midpoint of Northwind's pay band",
    }
    assert said[0] == 0 and f"that top is the {named[field]}" in said[1], said
    text = " ".join(_cell("q4-text").split())
    assert "make Northwind's reservation price (section 4)" in text
    assert all(f"`offers.{f}`" in text for f in ("pay_survey", "band_midpoint", "agency_fee"))
    assert "what it rests on" not in text


def test_the_module_is_at_least_five_percent_shorter_than_at_review_58():
    """Review 58 U2: about 11,400 markdown words, and the reviewers ask for less. The module
    had 11,363 after the E1/E2 round; it must stay at least 5% below that."""
    assert _markdown_words() <= 11_363 * 0.95, _markdown_words()


def test_review_59_citations_hold_where_their_sources_do_and_q9_assumes_nothing_false():
    """Review 59 E1: Galinsky, Mussweiler and Medvec (2002) varied what negotiators kept in
    mind; they did not study how to sequence counters, so section 5 no longer cites them
    for 'never past it'. E2: Model Rule 4.1 binds lawyers, as modules 00 and 03 say. C2:
    module 00 says Carr, who excused misstated facts too, is no authority for the bluff
    line, so module 02 no longer cites him as defending it. E3: question 9 said the
    fallback gamble's worst outcome was 'again no lower than Lumen's', false for most
    learners (Freelance without renewal is below Lumen's base); section 3's premise, that
    Harbor Bank's salary always beats Lumen's base, holds for every learner."""
    decide = _cell("decide-teaching")
    assert "Medvec" not in decide
    honest = _cell("honest-teaching")
    assert (
        "Sources of the labels and of warning and threat: module 00's, section 6." in honest
    )  # review 94 U1: the note is a pointer
    assert "Carr" not in honest
    assert "again no lower than Lumen's" not in _cell("q9-text")
    assert "as Harbor Bank always does" in " ".join(_cell("q9-text").split())  # review 80 U4
    for n in range(500):
        s = _drawn_for(f"premise-{n}")
        assert s.bank_salary >= s.startup_base


def test_review_62_wordings_the_outside_option_the_open_alternative_and_the_sealed_labels():
    """Review 62: U3, an outside option is a floor for the side that holds it, not a cap on the
    Nash split; C3, an open alternative beside a fallback gamble raises the reservation price
    above the one the fallback's expected value alone gives (question 9 compares with another
    baseline, the BATNA when you commit first); X6, question 7 says why its own-case labels get
    no feedback before grading."""
    quiz = " ".join(_cell("quiz-text").split())
    assert "capped by the outside option" not in quiz
    assert "only if it beats the side's Nash share" in quiz  # review 72 C1
    assert "then the side gets its option" in quiz
    # review 69 U2: the note moved to question 9's box; the summary points there
    text = " ".join(_cell("q9-text").split())
    assert "usually raises the sure amount you need above the gamble's expected value" in text
    assert "(question 9)" in " ".join(_cell("summary").split())
    q7 = " ".join(_cell("q7-text").split())
    assert "the practice case is where you find out" in q7  # review 78 X7


def test_review_72_x2_question_7_does_not_claim_its_own_labels_are_out_of_reach():
    """Review 72 X2: question 7's own labels follow from the learner's numbers by section
    6's tests, and the installed package computes them (``statement_key``), as it does every
    check's answer; the text no longer lets "marked when the notebook is graded" read as
    "kept out of reach", and says where the labels come from."""
    q7 = " ".join(_cell("q7-text").split())
    # review 78 X7: the sentence on when they are marked went, and with it any such claim
    assert "cannot find them" not in q7 and "out of reach" not in q7


@pytest.mark.parametrize("field", ["agency_rate", "pay_survey", "band_midpoint"])
@pytest.mark.parametrize("hidden", [False, True])
def test_question_4_blames_the_figure_not_the_boundary_when_a_pay_figure_tops_the_zone(
    learner, field, hidden
):
    """Review 62 X4: a function that takes one pay figure for Northwind's reservation price
    returned None where the two reservation prices are equal, and was told "the zone is that
    one salary", a hint for a strict comparison, not for its real mistake. The single salary
    is now judged after the zones that have a width, and a None where there is a zone says
    which decision to check (seen failing on the old check)."""

    def one_figure(offers, reservation):
        top = getattr(offers, field)
        return None if top < reservation else (reservation, top)

    got = messages(check.northwind_zopa(one_figure, hidden=hidden))
    assert got["a zone of one salary"][0] == 0
    edge = got["a zone of one salary"][1]
    assert "that one salary" not in edge and "exactly" not in edge, edge
    assert "judged only beside the right zones where they differ" in edge, edge
    told = got["a zone when there is one"][1]
    assert got["a zone when there is one"][0] == 0
    assert ("that top is the" in told) or ("check which of the four pay figures" in told), told
    if field == "agency_rate" and "that top is" in told:
        assert "agency's rate" in told


def test_question_9s_known_first_hint_leads_with_averaging_then_one_short_if_not(learner):
    """Review 62 X5: where averaging Lumen, taking its other outcome and leaving it out give
    one amount, the hint gave three diagnoses in full ("...; or else ...; or else ...").
    It now leads with averaging, the likeliest, and adds one short "if not" (seen failing
    on the old hint)."""
    told = 0
    for n in range(40):
        offers = course.variant("02_batna", f"w5-{n}")
        for funded in (True, False):
            averaged = check.batna_value_when(offers, "commit first")
            if abs(averaged - check.batna_value_when(offers, "known first", funded)) < 1:
                continue
            with pytest.raises(NotYet) as caught:
                check.judge_batna_when(offers, "known first", funded, averaged)
            said = str(caught.value)
            assert "or else" not in said and said.count("if not") <= 1, said
            assert said.split(": ", 1)[1].startswith("that averages Lumen's two outcomes")
            told += "if not" in said
    assert told >= 10


def test_review_62_section_3s_timings_are_a_table_and_section_7_cites_the_deadline_evidence():
    """Review 62 U1: section 3's three timings were one 15-line paragraph, and the fallback
    was defined as the best option "leaving the open alternative aside" yet chosen with it
    beside each candidate; the timings are now a table, and the fallback is defined apart
    from the open alternative. U4: the premium scales with every amount only when wealth
    scales too. U8: the last word's take-all prediction is theory's knife edge (Roth,
    Murnighan and Schoumaker 1988). Seen failing on the old text."""
    reservation = _cell("reservation-teaching")
    assert "| timing | the alternative counts in $V$ at | example |" in reservation
    assert "leaving the open alternative aside" not in reservation
    assert "what you would do without this deal, Lumen aside" in _cell("q9-text")
    risk = _cell("ev-risk")
    assert "in proportion to the amounts at stake" not in risk
    # review 79 U2: the attitude behind the sure amounts is no longer named (question 3
    # hands the learner the amounts)
    assert "constant relative risk aversion" not in risk
    nash = _cell("nash-teaching")
    assert "Roth, Murnighan and Schoumaker" in nash and "did not test this" in nash


def test_review_63_section_4_teaches_question_5s_rule_and_the_deal_me_out_sources_agree():
    """Review 63 X1: question 5 accepts one point, the survey kept inside the band, a rule
    only the summary stated; section 4, where the band is taught, now states it, so the
    check's hint ("as section 4 does") is true. C2: module 03 sources the deal-me-out result
    to Osborne and Rubinstein 1990, section 3.12, as well; module 02 now does too. Seen
    failing on the old text."""
    zopa = _cell("zopa-teaching")
    assert "A higher fact moves it to the fact's figure" in zopa  # review 108 C1
    # review 66 U2: the three cases, once nested in one sentence, are a table's rows
    assert "| none, or one below the even split | the even split |" in zopa
    assert "| one inside the band | the fact's figure |" in zopa
    assert (
        "| one past the band's top | the band's top; or, if you accept less room to concede, "
        "up to the fact's figure |" in zopa
    )  # session 75: one monotone rule
    assert "a fact below the even split leaves you at the even split" not in zopa
    assert "Osborne and Rubinstein 1990, §3.12" in _cell("nash-teaching")


def test_review_64_two_citations_say_no_more_than_their_sources():
    """Review 64 E1: Fisher and Ury argue against a bottom line as such, not against one
    held "too rigidly"; E2: Roth, Murnighan and Schoumaker's free-form talks had no last
    proposer, so they did not test the last word's lopsided split. Seen failing on the old
    text."""
    reservation = " ".join(_cell("reservation-teaching").split())
    assert "held too rigidly" not in reservation
    assert "Fisher and Ury warn that a fixed *bottom line*" in reservation
    nash = " ".join(_cell("nash-teaching").split())
    assert "but not that lopsided" not in nash
    assert "their free-form talks had no last proposer, so they did not test this" in nash


def test_question_7_marks_each_right_label_in_proportion(answers):
    """Review 65 X1: question 7's four labels read off a figure earned their three eighths of
    a mark only once three of the four were right and not all with one label, so two right
    labels earned nothing, and three right labels of one kind nothing either (a cliff). Each
    right label now earns its three eighths on its own: over 60 learners, every answer with
    k of the four right (and the right "use") earns 0.5 + 0.375 k, whatever the other labels
    are, and one label for all six earns 0.375 for each statement it fits."""
    from course.scenarios.batna import LABELS
    from course.variants import learner_as

    choose = answers["label_statements"]  # "use" worked out from each case, not written in
    seen = set()
    for n in range(60):
        who = f"x1-{n}"
        offers = course.variant("02_batna", who)
        said = statements_of(offers)
        key = {s.letter: s._label for s in said}
        read = check.read_off_figures(said)
        with learner_as(who):
            for k in range(5):  # the first k of the four right, the rest wrong
                labels = dict(key)
                for s in read[k:]:
                    labels[s.letter] = next(x for x in LABELS if x not in (s._label, s._also))
                credit = check.label_statements(
                    lambda o, w=labels: {**w, "use": choose(o)["use"]}, hidden=True
                )
                assert credit.earned == 0.5 + 0.375 * k, (who, k)
            for label in LABELS:  # one label for all six: each fitting statement earns
                alike = dict.fromkeys(key, label)
                right = sum(label in check._accepted(s, alike) for s in read)
                credit = check.label_statements(
                    lambda o, w=alike: {**w, "use": choose(o)["use"]},
                    hidden=True,
                )
                honest = 0.25 if label == "legitimate" else 0  # review 75 X2, 80 C3
                assert credit.earned == 0.25 + honest + 0.375 * right, (who, label)
                seen.add((label, right))
    assert ("bluff", 3) in seen  # three right labels of one kind: 1.125, no longer nothing
    text = " ".join(_cell("q7-text").split())
    # review 76 X4 gave the fractions; review 80 U7 cut them; review 92 U3: one sentence
    # gives the split, the choice under "use" and the plain statements included
    assert "3/8 per label for your two demands, your claim and your statement" in text
    assert "at least three of these four" not in text


def _outside_details(text):
    return re.sub(r"<details>.*?</details>", "", text, flags=re.S)


def test_section_6_and_questions_9_and_10_say_each_thing_once_with_asides_in_side_notes():
    """Review 65 U3: section 6's warning and bluff paragraphs gave the table's example and its
    reservation price a second time and carried the Model Rule, the surveys and Schelling in
    the running text (1,194 words outside side notes); question 9 worked its cases in the
    question (638 words) and question 10 ran to 264. The sources and the worked cases now sit
    in side notes, each thing is said once, and the words for the four kinds of statement
    are module 00's and module 03's."""
    honest = _cell("honest-teaching")
    running = _outside_details(honest)
    # review 70 U1: 770 words outside the side note after the cut, plus 1%
    assert len(running.split()) < 778, len(running.split())
    for aside in ("Model Rule 4.1", "Schelling", "Robinson, Lewicki and Donahue"):
        assert aside not in running, aside  # review 94 U1: module 00 cites them
    assert running.count("97,000") == 3  # the setting, the table's demand, the claim below
    assert honest.count("<details>") == 0  # review 94 U1: the side note is a pointer line
    q9 = _cell("q9-text")
    assert len(_outside_details(q9).split()) < 192  # review 70 U1: 190, plus 1%
    assert 'Worked cases for "left open"' in q9 and "107,500" not in _outside_details(q9)
    assert "Decide for each timing how Lumen counts" not in q9
    q10 = _cell("q10-text")
    assert len(q10.split()) < 260, len(q10.split())
    # one word per idea across the course: the same four words, the same tests
    leverage = " ".join(cell_text("00_leverage", "leverage", "ethics-teaching").split())
    power = " ".join(cell_text("03_power", "power", "using-teaching").split())
    for text in (leverage, power):
        assert "something you would rather not do" in text
    assert "a cost you would rather not impose" in honest  # review 94 U1: the note's copy went
    assert "something you would do anyway" in honest and "you would do anyway" in power
    assert "something you would really do anyway" in leverage
    for text in (leverage, honest):
        assert "on the line between a bluff and a misrepresentation" in text
        assert "A false statement of" in text and "the other side will rely on" in text


@pytest.mark.parametrize("hidden", [False, True])
def test_question_8_grades_a_decision_on_the_learners_own_talks(learner, hidden):
    """Review 66, X1: question 8's two marks were an inversion on abstract pies that never
    touched ``offers``. Half of them now go to ``own_batna_needed``: the least BATNA at which
    the model that fits the learner's own talks (and one of each kind on their numbers)
    predicts their question 5 target. Two right formulations pass (the model answer's reuse
    of ``batna_needed``, and the closed forms); one formula for every version, or the full
    commute, fails with a hint true of it."""
    from course.scenarios.batna import target_of

    def closed_forms(offers, talks, target):
        half = offers.commute_cost / 2
        if talks.may_be_cancelled:
            return max(0, 2 * target - talks.work_value - half)
        if talks.answer_date:
            return target - half if talks.proposer == "Northwind" else 0
        if talks.proposer == "Northwind":
            return target - half
        d = talks.delta
        return (target - half - (1 - d) * (talks.work_value - half)) / d

    def through_batna_needed(offers, talks, target):
        half = offers.commute_cost / 2
        if talks.may_be_cancelled:
            return max(0, 2 * (target - half) - (talks.work_value - half))
        return closed_forms(offers, talks, target)

    for right in (closed_forms, through_batna_needed):
        credit = check.own_batna_needed(right, hidden=hidden)
        # review 72 X1: practice with feedback, no mark; both formulations pass every case
        assert (credit.earned, credit.possible) == (0, 0), messages(credit)
        assert all(outcome.passed for outcome in credit.outcomes), messages(credit)
    matched = messages(check.own_batna_needed(lambda o, t, target: target - o.commute_cost / 2))
    assert matched["your own talks"][0] == 0
    full = messages(
        check.own_batna_needed(
            lambda o, t, target: closed_forms(
                replace(o, commute_cost=2 * o.commute_cost), t, target
            )
        )
    )
    assert "takes off the full commute" in full["your own talks"][1]
    offers = course.variant("02_batna", "ada")
    assert check.batna_needed_of(offers, offers.talks, target_of(offers)) > 0
    text = _cell("own-batna-needed-text")
    assert "`own_batna_needed(offers, talks, target)`" in text
    assert "your question 5 target" in text
    # review 72 X1: the own talks are practice now; question 8 earns 1 mark
    assert "### Question 8 (1 mark)" in _cell("q8-text")
    # review 73 U2: the practice follows question 10, whose `talks` it uses
    assert "#### Practice after question 10: your own talks (no marks)" in _cell(
        "own-batna-needed-text"
    )


def test_question_7_gives_the_task_first_and_the_marks_after():
    """Review 66 U4: question 7's prompt gave three eighths of a mark per item before the
    learner knew what to do. The task (the labels, then "use") comes first, in a numbered list,
    and the marks in one note at the end, as questions 2 and 6 do."""
    text = " ".join(_cell("q7-text").split())
    assert text.index("1. each letter with its label") < text.index("2. under the key")
    assert text.index("2. under the key") < text.index("*Marks*")  # review 80 U7
    assert text.index("*Marks*") > text.index("Practise first on a case that is not yours")


def test_the_demands_name_no_deadline_the_case_does_not_have():
    """Review 66 U5: one wording of the demands ended "this week", a deadline the story (one
    common answer date, or none in question 10's variants) does not have."""
    for n in range(300):
        for statement in statements_of(course.variant("02_batna", f"week-{n}")):
            assert "this week" not in statement.text


def test_sections_6_and_7_and_questions_7_to_10_are_shorter_and_point_to_module_03():
    """Review 66 U1 and U6: sections 6 and 7 and questions 9 and 10 re-taught much of module
    03 and repeated module 00's sources (4,566 markdown words at review, question 8's
    abstract part included). The side note on where the words come from is cut to the
    sources in brief; section 7's outside-option passage points to module 03 for the
    variants; Northwind's three cases are one list, with their numbers in one side note; the
    asides on the threshold 2V + c and on delta near 0.98 are gone. The own-case part of
    question 8 (review 66 X1) is new and counted apart."""
    words = {g: len(_cell(g).split()) for g in ("honest-teaching", "nash-teaching")}
    assert words["honest-teaching"] <= 1_077, words  # review 70 U1: 1,066, plus 1%
    # review 67 U1: the W = A condition is stated once, the breakdown-payoff aside and the
    # explorer's half unit are cut (1,691 words after review 67 E2 stated the proposer's gain)
    assert words["nash-teaching"] <= 1_227, words  # review 70 U1: 1,214, plus 1%
    old = ("honest-teaching", "q7-text", "nash-teaching", "q8-text", "q9-text", "q10-text")
    assert sum(len(_cell(g).split()) for g in old) <= 3_629  # review 70 U1: 3,593, plus 1%
    nash = _cell("nash-teaching")
    assert nash.count("<details>") == 1 and "**In numbers.**" in nash  # review 83 U1: one box
    assert "Module 03, section 5, treats the variants." in nash
    assert _markdown_words() <= 8_759  # review 70 U1: 8,672 after the cut, plus 1%


def test_section_7_says_which_reservation_price_each_case_uses():
    """Review 70 C1: section 7 defined r = V + c and wrote the cancellation gain as
    x - c - V, while questions 8 (own talks) and 10, which it says are its three cases, are
    on the package with two remote days (r = V + c/2): a learner following the text got
    them wrong. r is now the reservation price for the package under discussion."""
    nash = _cell("nash-teaching")
    assert "Keep $V$, $c$ and $r = V + c$ as in section 3" not in nash
    assert "$x - c - V$" not in nash and "You gain $x - r$ over breakdown" in nash
    assert (
        (
            "your reservation price $r$ for the package discussed: $V + c$ as "
            "offered, $V + c/2$ with two remote days (question 10 and the practice "
            "after it)"
        )  # review 74 C3: question 8 has no package
        in nash
    )
    assert "a pie of $W$ less the commute you bear ($W - c$ for the job as offered)" in nash
    assert "Take the job as offered: $V$ = 89,000 and $c$ = 8,000, so $r$ = 97,000" in nash


def test_the_outside_option_binds_above_the_responders_share():
    """Review 70 E2: the BATNA was said to bind once it beats 'what the talks would give you
    if neither side had an alternative'; in the deal-me-out game it binds above the
    responder's Rubinstein share delta/(1+delta), whoever proposes first (0.44 of the pie at
    delta = 0.8, not a half). Text, numbers and question 10's hint now say so."""
    nash = _cell("nash-teaching")
    assert "if neither side had an alternative" not in nash
    assert "$\\delta/(1+\\delta)$ of the pie" in nash
    assert f"{0.8 / 1.8:.2f} at $\\delta$ = 0.8" in nash
    assert "your share at the table is 0.9/1.9 of $W - c$" in nash
    assert "53,500" not in nash and "61,000 if $W$" not in nash
    from course.scenarios.batna import Talks

    slips = Talks(False, False, True, "you", 120_000.0, 0.8)
    with pytest.raises(NotYet) as raised:
        check.judge_batna_rise(course.variant("02_batna", "ada"), slips, -1)
    said = str(raised.value)
    assert "your share at the table (what the talks would give you when Northwind " in said
    assert "proposes, delta/(1+delta) of the pie)" in said


@pytest.mark.parametrize("hidden", [False, True])
def test_review_72_a_word_with_a_full_stop_or_quotes_around_it_counts(learner, answers, hidden):
    """Review 72 X4: question 6 refused "No remote days." for its full stop (two half marks
    lost), while question 2 forgave capitals and spaces. Every word the module matches
    (question 2's names, question 6's responses and reasons, question 7's labels and letter)
    now counts with spaces and punctuation around it; two right formulations of each pass
    in full. Seen failing on the old check."""

    def stopped(offers, offer, value, limit):
        response, reason = right_response(offers, offer)
        return f"{response.capitalize()}.", f"{reason.capitalize()}."

    def quoted(offers, offer, value, limit):
        response, reason = right_response(offers, offer)
        return f' "{response}" ', f"'{reason}';"

    for answer in (stopped, quoted):
        assert check.respond_to_offer(answer, hidden=hidden).earned == 2, answer.__name__
    labels = answers["label_statements"]
    full = check.label_statements(labels, hidden=hidden)
    assert (full.earned == 2) if hidden else full is None  # the visible check marks nothing
    for dress in (lambda word: f"{word.title()}.", lambda word: f' "{word}"; '):
        dressed = functools.partial(
            lambda offers, dress: {key: dress(word) for key, word in labels(offers).items()},
            dress=dress,
        )
        credit = check.label_statements(dressed, hidden=hidden)
        assert (credit.earned == 2) if hidden else credit is None
    choose = answers["choose_batna"]
    for dress in (lambda name: f"{name}.", lambda name: f"'{name.upper()}'"):

        def named(offers, risk_averse=False, dress=dress):
            name, value = choose(offers, risk_averse)
            return dress(name), value

        assert check.choose_batna(named, hidden=hidden) is None  # passes: no hint raised


def test_review_72_paltering_band_midpoint_crra_and_rubric_1_are_explained():
    """Review 72 U2: section 6 gave two tests that pull apart (words alone; what a true
    statement makes them believe) without saying which applies when; U4: the band midpoint
    as Northwind's estimate of your floor was unexplained; U5: constant relative risk
    aversion was named, not taught, and rubric item 1 asked graders for the "left open"
    cancellation test. Seen failing on the old text."""
    honest = _cell("honest-teaching")
    # review 86 U1: which test applies is now one sentence each (limits; facts)
    assert "Judge a claim about the least you would accept, a demand included, by" in honest
    assert "Judge a statement of fact by what it makes Northwind believe" in honest
    assert (
        "Sources of the labels and of warning and threat: module 00's, section 6." in honest
    )  # review 94 U1: the note is a pointer
    reason = "because that is what its hires usually accept"
    assert (
        "As your scenario says, Northwind reads your reservation price as the midpoint of its pay band."
        in honest
    )  # review 94 U1: the reason is the story's
    assert reason in " ".join(course.variant("02_batna", "ada").story().split())
    assert "constant relative risk aversion" not in _cell("ev-risk")  # review 79 U2
    rubric = _cell("reflection")
    assert "1. An alternative named and valued today by section 3's timing table; an " in rubric
    assert "alternative the deal leaves open is handled either way if argued." in rubric
    assert "is a sure amount no lower than its worst outcome" not in rubric


def test_review_72_marks_move_from_model_predictions_to_a_decision_on_your_own_offer():
    """Review 72 X1 and X3: question 8's own talks and question 10 (2 of 18 marks) graded
    predictions from models the story does not meet, while the one real decision, taking an
    acceptable offer now or countering, was ungraded. Those two are now practice with
    feedback, and question 6b (2 marks, by the instructor's rubric) grades that decision on
    the learner's own numbers; the module's total stays 18. Seen failing on the old text."""
    cells = source_notebook("02_batna", "batna").cells
    points = {
        c.metadata["nbgrader"]["grade_id"]: c.metadata["nbgrader"].get("points", 0)
        for c in cells
        if c.metadata.get("nbgrader", {}).get("grade")
    }
    assert sum(points.values()) == 18.5  # review 94 X1: question 8b, half a mark
    assert points["take-or-counter"] == 2 and points["batna-needed-test"] == 1
    assert "own-batna-needed-test" not in points and "batna-rise-test" not in points
    decision = next(c for c in cells if c.metadata["nbgrader"].get("grade_id") == "take-or-counter")
    assert decision.cell_type == "markdown" and decision.metadata["nbgrader"]["solution"]
    text = " ".join(_cell("take-or-counter-text").split())
    assert "### Question 6b (2 marks, graded by your instructor): take it now, or counter?" in text
    # review 76: the offer is Northwind's last word, below the even split (was: an
    # acceptable offer, which left a third of learners no decision)
    assert "calls it its final offer" in text and "Either choice can earn full marks" in text
    for cell in ("own-batna-needed-test", "batna-rise-test"):
        assert "HIDDEN TESTS" not in cell_text("02_batna", "batna", cell)
    # review 73 U2: "question 8's own talks" was opaque; the practice follows question 10
    intro = " ".join(_cell("intro").split())  # review 89 U3: the extension earns no marks
    assert "An optional extension (about 1½ hours, no marks) adds" in intro
    assert "question 10 with its practice" in intro


def test_review_73_question_6b_tells_a_learner_whose_target_is_no_higher_to_take_the_offer():
    """Review 73 X1: question 6b said either choice could earn full marks, but when the
    survey sits below the band the target is the even split, and the offer was that split
    rounded up: a counter 'above the offer, at most your target' was impossible, and the
    text told those learners to take it. Review 76 gave them a decision instead (question
    6b's offer is a last word below the even split; tests/test_review76_batna.py), so no
    learner is told to take it."""
    text = " ".join(_cell("take-or-counter-text").split())
    assert "is not above the offer, take it" not in text
