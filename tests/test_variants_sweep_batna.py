"""Module 02's variants swept by the thousand (issue 15): every drawn learner gets a fair
question, and every right answer passes.

The invariants are written here again, from the story and from first principles, not read
from ``course.scenarios.batna.INVARIANTS``: a sweep that only re-ran the generator's own
tests could not catch a mistake in them. Each question is then answered for every swept
learner by the course's reference solution and by two formulations written independently
of it, and the check's judge must find each right on the learner's own cases (a visible
check's cases: the own scenario, an example of the other kind, and for question 5 the
same cases with a cheaper agency; for question 7, the learner's own hidden cases). The
checks themselves, as a notebook calls them, run on a sample of the learners, and the
hidden checks' fixed learners once per formulation.
"""

import io
import re
from contextlib import redirect_stdout

import pytest

import course
from course.checks import batna as check
from course.models.batna import (
    expected_value,
    nash_split,
    outside_option_split,
    surplus_share,
    zopa,
)
from course.scenarios.batna import LABELS, no_deal_case, statement_key, statements_of
from course.variants import learner_as
from tests import sweeps
from tests.notebooks import solution_namespace
from tests.sweeps import Recording, cell_text, passes

MODULE = "02_batna"
LEARNERS = tuple(f"sweep-{n}" for n in range(2000))


@pytest.fixture(scope="module")
def drawn():
    return [course.variant(MODULE, learner) for learner in LEARNERS]


# --- first principles, written independently of the scenario module ---------------------------


def worth(s):
    """Each alternative's expected value, from the story's words."""
    renewed = s.busy_probability * s.freelance_busy + (1 - s.busy_probability) * s.freelance_normal
    return {
        "Harbor Bank": s.bank_salary,
        "Lumen": s.startup_base + s.funding_probability * s.startup_bonus,
        "Freelance": s.renewal_probability * renewed
        + (1 - s.renewal_probability) * s.freelance_no_renewal,
    }


def value(s):
    return max(worth(s).values())


def reservation(s, remote=False):
    return value(s) + s.commute_cost * (0.5 if remote else 1.0)


def limit(s):
    return s.agency_rate + s.agency_fee


def middle(s, remote=False):
    return (reservation(s, remote) + limit(s)) / 2


def response(s, offer):
    """The notebook's three steps, as written in its section 5."""
    if reservation(s, remote=True) > limit(s):
        return "walk away"
    return "accept" if offer.salary >= middle(s, offer.remote_days > 0) else "counter"


# --- the invariants, question by question -----------------------------------------------------


def test_the_story_is_plausible_and_its_numbers_are_the_fields(drawn):
    """Yearly pay in a range one job market could show; chances strictly between 0 and 1; a
    busy year pays more than a normal one, which pays more than no renewal; an agency whose
    fee is 8 to 25% of its rate; every number shown in the story is the field's."""
    for s in drawn:
        assert 78_000 <= s.bank_salary <= 92_000 and 56_000 <= s.startup_base <= 70_000
        for p in (s.funding_probability, s.renewal_probability, s.busy_probability):
            assert 0 < p < 1
        assert s.freelance_busy > s.freelance_normal > s.freelance_no_renewal
        assert 4_000 <= s.commute_cost <= 12_000
        assert s.agency_rate >= 55_000 and 0.08 <= s.agency_fee / s.agency_rate <= 0.25
        assert 60_000 <= limit(s) <= 140_000
    for s in drawn[:50]:
        story = s.story()
        for amount in (s.bank_salary, s.startup_base, s.commute_cost, s.agency_rate, s.agency_fee):
            assert f"{amount:,.0f}" in story
        assert all(str(offer) in story for offer in s.northwind_offers)
        assert all(text in story for _, text in s.statements)
        assert "Northwind" in story and "budget" not in story and "You learn later" not in story


def test_lumens_tree_tells_a_swap_from_the_right_answer(drawn):
    """Q1: with a funding chance of 1/2 a swapped tree would be the right tree."""
    for s in drawn:
        assert abs(s.funding_probability - 0.5) >= 0.05 - 1e-9, s.learner
        swapped = s.startup_base + (1 - s.funding_probability) * s.startup_bonus
        assert abs(swapped - worth(s)["Lumen"]) >= 1_000, s.learner


def test_the_batna_is_never_a_coin_toss(drawn):
    """Q2: the best alternative beats the next by at least 500; each alternative is the
    BATNA for some learners, and the best case misleads some of them."""
    winners, misled = set(), 0
    for s in drawn:
        ranked = sorted(worth(s).values(), reverse=True)
        assert ranked[0] - ranked[1] >= 500, s.learner
        winners.add(max(worth(s), key=worth(s).get))
        best_cases = {
            "Harbor Bank": s.bank_salary,
            "Lumen": s.startup_base + s.startup_bonus,
            "Freelance": s.freelance_busy,
        }
        misled += max(best_cases, key=best_cases.get) != max(worth(s), key=worth(s).get)
    assert winners == {"Harbor Bank", "Lumen", "Freelance"}
    assert misled > len(drawn) / 10


def test_every_zone_is_a_real_zone_or_a_real_gap(drawn):
    """Q4: Northwind's reservation price is at least 1,000 from yours; both kinds of case
    are drawn; and with two remote days every learner has a zone of at least 1,000 (so
    nobody's own offers all end in walking away)."""
    kinds = set()
    for s in drawn:
        assert abs(limit(s) - reservation(s)) >= 1_000, s.learner
        assert limit(s) - reservation(s, remote=True) >= 1_000, s.learner
        kinds.add(limit(s) >= reservation(s))
    assert kinds == {True, False}


def test_every_learner_has_offers_that_need_deciding(drawn):
    """Q5: three different offers, each a multiple of 500 within Northwind's limit and at
    least 500 from the even split it is judged against; an extreme low offer (10,000 or more
    below the BATNA's value); a commute trap (above the BATNA's value, below your
    reservation price, by 500 or more); at least two different right responses."""
    for s in drawn:
        offers = s.northwind_offers
        assert len(set(offers)) == 3 and all(o.remote_days in (0, 2) for o in offers)
        for o in offers:
            assert o.salary % 500 == 0 and o.salary <= limit(s), s.learner
            assert abs(o.salary - middle(s, o.remote_days > 0)) >= 500 - 1e-6, s.learner
        assert min(o.salary for o in offers) <= value(s) - 10_000, s.learner
        assert any(
            value(s) + 500 <= o.salary <= reservation(s) - 500 and not o.remote_days for o in offers
        ), s.learner
        assert len({response(s, o) for o in offers}) >= 2, s.learner


def label_from_text(s, text):
    """Question 6's label read from a statement's words and the scenario's facts."""
    figures = [float(x.replace(",", "")) for x in re.findall(r"\d[\d,]*\d", text)]
    if "by Friday" in text or "we are done" in text:
        return "threat"
    if "could not accept" in text:
        return "bluff" if figures[0] > reservation(s) else "honest"
    if text.startswith("Harbor Bank has offered me"):
        return "honest" if figures[0] == s.bank_salary else "misrepresentation"
    if text.startswith("Lumen is offering me"):
        return "honest" if figures[0] == s.startup_base else "misrepresentation"
    return "honest"


def test_the_statements_tell_one_story_and_need_the_learners_own_facts(drawn):
    """Q6: four statements lettered A to D; Harbor Bank mentioned three ways (a true figure
    plainly, the true figure as an ultimatum, an inflated figure at least 4,000 above the
    true one); a claimed limit at least 3,000 above the reservation price; at least three
    labels; no statement about an alternative the story does not have."""
    for s in drawn:
        said = statements_of(s)
        assert [x.letter for x in said] == list("ABCD")
        assert len({x.text for x in said}) == 4
        harbor = [x for x in said if "Harbor Bank" in x.text]
        assert len(harbor) == 3, s.learner
        key = statement_key(s)
        assert {label_from_text(s, x.text) for x in said} >= {"honest", "threat"}
        assert len(set(key.values())) >= 3, s.learner
        for x in said:
            assert key[x.letter] == label_from_text(s, x.text), (s.learner, x.text)
            assert not re.search(r"fourth|another company|Acme", x.text)
            if x.label == "misrepresentation":
                assert abs(x.stated - x.actual) >= 4_000, s.learner
            if x.label == "bluff":
                assert x.stated >= reservation(s) + 3_000, s.learner
            if x.label in ("honest", "threat") and x.stated is not None:
                assert x.stated == x.actual


def test_question_7s_cases_stay_in_the_taught_domain():
    """Q7: the other side's BATNA below half the pie, targets above half, at least 1 from
    the reach boundary, every answer positive or None; both models' answers differ."""
    for learner in LEARNERS[:500]:
        with learner_as(learner):
            cases = check.batna_needed_cases(hidden=True)
        for target, pie, theirs in cases:
            assert theirs < pie / 2 < target, learner
            assert abs(target - (pie - theirs)) >= 1, learner
            if target <= pie - theirs:
                assert 2 * target - pie + theirs > 0 and 2 * target - pie + theirs != target
        assert any(t > p - th for t, p, th in cases) and any(t <= p - th for t, p, th in cases)


# --- right answers pass: the reference and two independent formulations -----------------------


def tree_reversed(s):
    p = s.funding_probability
    return [(1 - p, s.startup_base), (p, s.startup_base + s.startup_bonus)]


def tree_nested(s):
    funded = [(1.0, s.startup_base + s.startup_bonus)]
    return [(s.funding_probability, funded), (1 - s.funding_probability, [(1.0, s.startup_base)])]


def batna_by_hand(s):
    found = worth(s)
    name = max(found, key=found.get)
    return name, found[name]


def batna_flattened(s):
    r, b = s.renewal_probability, s.busy_probability
    leaves = {
        "Harbor Bank": [(1.0, s.bank_salary)],
        "Lumen": tree_reversed(s),
        "Freelance": [
            (r * b, s.freelance_busy),
            (r * (1 - b), s.freelance_normal),
            (1 - r, s.freelance_no_renewal),
        ],
    }
    ranked = sorted(((expected_value(tree), name) for name, tree in leaves.items()), reverse=True)
    return ranked[0][1], ranked[0][0]


def reservation_by_hand(s):
    return batna_by_hand(s)[1] + s.commute_cost


def reservation_flattened(s):
    _, batna = batna_flattened(s)
    return sum([batna, s.commute_cost])


def zopa_by_comparison(s, reservation_price):
    northwind = s.agency_fee + s.agency_rate
    return (reservation_price, northwind) if northwind - reservation_price >= 0 else None


def zopa_from_library(s, reservation_price):
    return zopa(reservation_price, s.agency_rate + s.agency_fee)


def respond_by_gains(s, offer, batna, northwind):
    if batna + s.commute_cost / 2 > northwind:
        return "walk away"
    floor = batna + (s.commute_cost / 2 if offer.remote_days == 2 else s.commute_cost)
    mine, theirs = offer.salary - floor, northwind - offer.salary
    return "accept" if mine >= theirs else "counter"


def respond_by_share(s, offer, batna, northwind):
    if zopa(batna + 0.5 * s.commute_cost, northwind) is None:
        return "Walk_Away"
    floor = batna + s.commute_cost * (0.5 if offer.remote_days else 1.0)
    if zopa(floor, northwind) is None or offer.salary < floor:
        return "Counter"
    return "Accept" if surplus_share(offer.salary, floor, northwind) >= 0.5 else "Counter"


def labels_from_text(s):
    return lambda: {letter: label_from_text(s, text) for letter, text in s.statements}


def labels_from_facts(s):
    """Another reading: a statement is false when a figure in it is no fact of the story;
    a false figure about yourself is a bluff, about an offer a misrepresentation."""

    def label():
        facts = {s.bank_salary, s.startup_base, s.startup_bonus}
        labels = {}
        for letter, text in s.statements:
            figures = {float(x.replace(",", "")) for x in re.findall(r"\d[\d,]*\d", text)}
            if "I could not" in text:
                labels[letter] = "BLUFF"
            elif not figures <= facts or "a year" in text:
                labels[letter] = "Misrepresentation"
            elif "or I sign" in text or "take another offer today" in text:
                labels[letter] = "Threat"
            else:
                labels[letter] = "Honest"
        return labels

    return label


def needed_closed_form(target, pie, their_batna, walk_any_time=False):
    if pie - their_batna < target:
        return None
    return target if walk_any_time else target - (pie - their_batna - target)


def needed_from_the_models(target, pie, their_batna, walk_any_time=False):
    """Read the answer off the library's models: the share with no BATNA, and how far one
    more unit of BATNA moves it (half a unit in Nash's model; in the outside-option model
    nothing until the BATNA beats the table, then one for one)."""
    if pie - their_batna < target:
        return None
    if walk_any_time:
        table = outside_option_split(pie, 0, their_batna)[0]
        return 0.0 if target <= table else float(target)
    base = nash_split(pie, 0, their_batna)[0]
    slope = nash_split(pie, 1, their_batna)[0] - base
    return (target - base) / slope


ALTERNATIVES = {
    "startup_tree": (tree_reversed, tree_nested),
    "choose_batna": (batna_by_hand, batna_flattened),
    "reservation_salary": (reservation_by_hand, reservation_flattened),
    "northwind_zopa": (zopa_by_comparison, zopa_from_library),
    "respond_to_offer": (respond_by_gains, respond_by_share),
    "batna_needed": (needed_closed_form, needed_from_the_models),
}
LABELLERS = (labels_from_text, labels_from_facts)


@pytest.fixture(scope="module")
def reference():
    """The source notebook's solutions (run as the first swept learner)."""
    with learner_as(LEARNERS[0]), redirect_stdout(io.StringIO()):
        return solution_namespace(MODULE, "batna")


def visible_cases(s):
    """What a visible check tries for learner ``s``: the own case, an example of the other
    kind, the same two with a cheaper agency, and question 7's cases (the hidden ones too)."""
    other = check._example(not check._has_zone(s))
    with learner_as(s.learner):
        needed = check.batna_needed_cases(hidden=True)
    return {"cases": (s, other, no_deal_case(s), no_deal_case(other)), "needed": needed}


def judge_all(s, seen, question, answer):
    """The check's judges on every case the check tries for learner ``s`` (``seen``)."""
    if question == "startup_tree":
        check.judge_startup_tree(s, answer(s))
    elif question == "choose_batna":
        check.judge_choose_batna(s, answer(s))
    elif question == "reservation_salary":
        check.judge_reservation_salary(s, answer(s))
    elif question == "northwind_zopa":
        for case in seen["cases"]:
            check.judge_zopa(case, answer(case, reservation(case)))
    elif question == "respond_to_offer":
        for case in seen["cases"]:
            for n, offer in enumerate(case.northwind_offers, start=1):
                check.judge_response(case, n, offer, answer(case, offer, value(case), limit(case)))
    else:
        for case in seen["needed"]:
            for walk in (False, True):
                check.judge_batna_needed(case, walk, answer(*case, walk))


def test_the_rule_of_the_notebook_is_the_checks_rule(drawn):
    """Question 5's rule as section 5 words it (``response``) is the one the check applies."""
    for s in drawn:
        for case in (s, no_deal_case(s)):
            for offer in case.northwind_offers:
                assert response(case, offer) == check.right_response(case, offer), s.learner


def test_every_right_formulation_is_judged_right_for_every_learner(drawn, reference):
    """The check's verdict on every swept learner's cases, for the reference and both
    alternatives: each is right (the judges raise NotYet otherwise)."""
    for s in drawn:
        seen = visible_cases(s)
        for question, alternatives in ALTERNATIVES.items():
            for answer in (reference[question], *alternatives):
                judge_all(s, seen, question, answer)
        for labeller in LABELLERS:
            labels = labeller(s)()
            for statement in statements_of(s):
                check.judge_statement(statement, labels)


def run(question, answer, **options):
    return sweeps.run(check, question, answer, **options)


def test_the_visible_checks_pass_them_as_the_learner_runs_them(drawn, reference, monkeypatch):
    """The same through the checks as a notebook calls them (the learner's function called
    through call_learner, the verdict scored), on a sample of the swept learners."""
    for s in drawn[::100]:
        monkeypatch.setitem(reference, "scenario", s)  # the notebook's `scenario` is theirs
        with learner_as(s.learner):
            for question, alternatives in ALTERNATIVES.items():
                for answer in (reference[question], *alternatives):
                    assert passes(run(question, answer)), (s.learner, question, answer.__name__)
            for labeller in LABELLERS:
                assert passes(run("label_statements", labeller(s))), s.learner
            assert passes(run("label_statements", reference["label_statements"]))


@pytest.mark.parametrize("question", list(ALTERNATIVES))
def test_every_right_formulation_passes_the_hidden_check(reference, question):
    with learner_as(LEARNERS[0]):
        for answer in (reference[question], *ALTERNATIVES[question]):
            assert passes(run(question, answer, hidden=True)), answer.__name__


def test_the_hidden_checks_try_every_kind_of_case():
    """Hidden tests prove little if every hidden case has the same answer: the hidden
    learners and examples have a zone or not, several BATNAs, offers to accept and to
    counter, and their cheaper-agency cases only offers to walk away from."""
    examples = [check._example(zone, f"hidden-{kind}") for zone in (True, False) for kind in "ab"]
    hidden = examples + [course.variant(MODULE, learner) for learner in check.HIDDEN_LEARNERS]
    assert {limit(s) >= reservation(s) for s in hidden} == {True, False}
    assert len({batna_by_hand(s)[0] for s in hidden}) >= 2
    assert {response(s, o) for s in examples for o in s.northwind_offers} == {"accept", "counter"}
    no_deal = [no_deal_case(s) for s in examples]
    assert {response(s, o) for s in no_deal for o in s.northwind_offers} == {"walk away"}


# --- every question can be started from its own text --------------------------------------------

#: The markdown cell that asks each question, by the question's function.
QUESTION_TEXT = {
    "startup_tree": "q1-text",
    "choose_batna": "q2-text",
    "reservation_salary": "q3-text",
    "northwind_zopa": "q4-text",
    "respond_to_offer": "q5-text",
}


def text_of(grade_id):
    return cell_text(MODULE, "batna", grade_id)


@pytest.mark.parametrize("question", list(QUESTION_TEXT))
def test_every_field_the_reference_reads_is_named_in_the_question(
    drawn, reference, question, monkeypatch
):
    """Reads made by an earlier question's function (question 2 calls startup_tree, question
    3 calls choose_batna) are that question's, and its text names them."""
    text = text_of(QUESTION_TEXT[question])
    earlier = list(QUESTION_TEXT)[: list(QUESTION_TEXT).index(question)]
    for name in earlier:  # an earlier answer reads the real scenario, unrecorded
        original = reference[name]
        monkeypatch.setitem(
            reference, name, lambda s, *rest, f=original: f(getattr(s, "_scenario", s), *rest)
        )
    for s in drawn[:20]:
        recording = Recording(s)
        arguments = {
            "northwind_zopa": (reservation(s),),
            "respond_to_offer": (s.northwind_offers[0], value(s), limit(s)),
        }.get(question, ())
        reference[question](recording, *arguments)
        assert recording.read or question == "reservation_salary", question
        for field in recording.read:
            assert f"`offers.{field}`" in text, (question, field)
    for name in earlier:
        assert f"`{name}" in text or name not in reference[question].__code__.co_names


def test_the_other_questions_name_their_fields_and_choices():
    assert "`offers.statements`" in text_of("q6-text")
    assert all(f'`"{label}"`' in text_of("q6-text") for label in LABELS)
    assert all(f'`"{word}"`' in text_of("q5-text") for word in check.RESPONSES)
    assert "`offer.salary`" in text_of("q5-text") and "`offer.remote_days`" in text_of("q5-text")
    assert "walk_any_time" in text_of("q7-text")
