"""Review 90 of module 05, part B (M1, X1, X2): fixes, each with a test that fails on the
text or code it replaced."""

from dataclasses import replace
from pathlib import Path

import pytest

import course
from course.checks import capstone as check
from course.checks.hints import NotYet
from course.scenarios.capstone import alternatives_readings, buyers_word_readings
from tests.sweeps import passes
from tests.sweeps import run as run_check
from tests.test_review81_capstone import _audit

SOURCE = Path(__file__).resolve().parents[1] / "source" / "05_capstone" / "capstone.py"


def _cell(grade_id):
    """The text of one cell, its comment marks dropped and its lines joined by spaces."""
    cell = SOURCE.read_text().split(f'grade_id": "{grade_id}"')[1].split("# %%")[0]
    return " ".join(" ".join(line.removeprefix("#").strip() for line in cell.splitlines()).split())


def test_x1_question_4_accepts_only_the_discounted_reading_of_marlows_weeks(monkeypatch):
    """X1: rule (b) taught section 2's reading (Marlow's claimed weeks of stock, against its
    rush request, are a claim to discount) and then said 'Taking them at its buyers' word
    there passes too', so where the time fact mattered most the row was no decision. The
    sentence and the solution's comment are gone; on learners where the two readings
    differ (learner-1354, the reviewer's, among them), the buyers'-word audit now fails,
    visible and hidden, with a hint that says why, and the discounted one passes."""
    q4 = _cell("q4-text")
    assert "Taking them at its buyers' word there passes too." not in q4
    # review 91 U1: "discount them" became "set the claimed weeks aside"
    assert "set the claimed weeks aside" in q4 and "time favours neither side" in q4
    assert "passes too" not in _cell("my-audit-answer")
    learners = ["learner-1354"] + [f"learner-{n}" for n in range(120)]
    differ = 0
    for learner in learners:
        case = course.variant("05_capstone", learner)
        if _audit(case, True) == _audit(case, False):
            continue
        differ += 1
        monkeypatch.setenv("LEVERAGE_LEARNER", learner)
        with pytest.raises(NotYet) as hint:
            run_check(check, "my_audit", lambda s: _audit(s, True))
        said = " ".join(str(hint.value).split())
        assert f"takes Marlow's {case.their_weeks} weeks of stock at its buyers' word" in said
        assert "an unverified claim of the other side" in said
        assert "section 2's rule is to set the claimed weeks aside" in said  # review 91 U1
        with pytest.raises(NotYet):  # grading refuses it too
            run_check(check, "my_audit", lambda s: _audit(s, True), hidden=True)
        for shown in (False, True):
            right = run_check(check, "my_audit", lambda s: _audit(s, False), hidden=shown)
            assert passes(right), learner
        if differ == 4:
            break
    assert differ == 4
    assert _audit(course.variant("05_capstone", "learner-1354"), True)["alternatives"] == "Marlow"


def test_x1_the_buyers_word_reading_is_never_accepted_where_it_differs():
    """X1 over 1,000 learners: wherever Marlow's claimed weeks put it 3 or more ahead and
    taking them at their word changes the row (and no share gap on its line reads it so
    anyway), that reading is not among the accepted ones (``alternatives_readings``), and the hint's set (``buyers_word_readings``) holds
    it; the discounted reading is always accepted."""
    found = 0
    for n in range(1000):
        case = course.variant("05_capstone", f"learner-{n}")
        side = {"you": "you", "Marlow": "Marlow", "open": None}
        readings = alternatives_readings(case)
        assert side[_audit(case, False)["alternatives"]] in readings, n
        claimed = side[_audit(case, True)["alternatives"]]
        if claimed != side[_audit(case, False)["alternatives"]]:
            even = replace(case, their_weeks=case.your_weeks)
            if claimed in alternatives_readings(even):
                continue  # a share gap on its line reads that way without the weeks
            found += 1
            assert claimed not in readings and claimed in buyers_word_readings(case), n
    assert found > 50


def test_m1_the_letter_is_weighed_by_whether_the_plan_reaches_the_package_in_time():
    """M1: the model answer said a signed letter (reservation price 74) reaches a package
    Marlow accepts even with Quell (90 k€, 63 points, 81 net), so signing would have cost
    only 0.38 x 0.25, about 0.1. But that package is step 8 of the plan to 74, and section 5
    counts on four steps: section 5's scripted learner (``sit_by_the_plan``, plan and rule
    for accepting), signed, against Marlow with Quell, reaches no deal with any style, so
    the letter costs the chance of Quell times its whole shortfall (0.38 x 16.25, about
    6.2), as the answer said. The prompt and rubric point 3 ask whether the plan
    reaches such a package in the steps that fit, not only whether one exists. Each figure
    is computed here; fails on the old text. Review 98 C1 (round 100): the reference plan is
    module 04's shape; signed, it reaches that package at step 3, within the four steps that
    fit, and the scripted learner playing it reaches deals with Quell, so the answer now sets
    that deal against Brenn plus the audit. The smallest-step plan still misses it."""
    import random
    from dataclasses import replace as moved

    from course.scenarios.capstone import (
        ANSWERS,
        batna_of,
        plan_of,
        quell_posterior,
        reservation_of,
        signs_letter,
    )
    from tests import test_engine_capstone
    from tests.test_capstone_review100 import reference_plan
    from tests.test_engine_capstone import deal_profit, sit_by_the_plan

    case = course.variant("05_capstone", "learner-1354")
    assert not signs_letter(case)
    chance, shortfall = quell_posterior(case), batna_of(case)[1] - case.brenn_letter
    # the same case, its seller signed: neither Brenn nor Kessel beats the letter, so its
    # reservation price is the letter plus the audit
    signer = moved(case, brenn_chance=0.0, pilot_chance=0.0)
    floor = case.brenn_letter + case.audit_cost
    assert signs_letter(signer) and reservation_of(signer) == floor == 74
    plan = plan_of(signer)
    step = next(k for k, row in enumerate(plan) if row[2] >= case.reservation_if_quell)
    assert (plan[step][1], plan[step][2], plan[step][1] - case.audit_cost) == (90, 63, 81)
    assert step == 8 > ANSWERS
    for style in ("boulware", "linear", "conceder", "tit-for-tat"):
        deals = [
            deal_profit(
                sit_by_the_plan(
                    signer, style, random.Random(seed), walkaway=case.reservation_if_quell
                )
            )
            for seed in range(40)
        ]
        assert deals == [None] * 40, style
    answer = _cell("reflection")
    assert "no failed talks" not in answer
    assert f"my reservation price would have been {floor:g}" in answer
    # review 96 U2: "81 net" (profit less the audit) was a quantity the module never names
    assert f"{chance:.2f} × {shortfall:g} ≈ {chance * shortfall:.1f}" not in answer
    # round 100: the reference plan (module 04's shape) reaches the package in time
    plan = reference_plan(signer)
    step = next(k for k, row in enumerate(plan) if row[2] >= case.reservation_if_quell)
    assert (plan[step][1], plan[step][2], step) == (90, 63, 3) and step <= ANSWERS
    assert f"(63 points, profit {plan[step][1]:g}), step {step} of my signed plan" in answer
    assert f"step {step} of my signed plan, within the four that fit" in answer
    short = reservation_of(case) - plan[step][1]
    assert f"{short:g} short of Brenn plus the audit ({reservation_of(case):g})" in answer
    with pytest.MonkeyPatch.context() as patch:  # the scripted learner plays the reference
        patch.setattr(
            test_engine_capstone,
            "plan_of",
            lambda case, opening=None: reference_plan(case),
        )
        deals = [
            deal_profit(sit_by_the_plan(signer, style, random.Random(seed), walkaway=62))
            for style in ("boulware", "linear", "conceder", "tit-for-tat")
            for seed in range(40)
        ]
    assert case.reservation_if_quell == 62
    assert any(deal is not None for deal in deals)  # signed talks with Quell 'could end there'

    prompt = _cell("reflection-text")
    assert "within the steps that fit (section 5)" in prompt
    rubric = answer.split("A full-marks answer")[0]
    assert "whether the letter's lower reservation price would reach a package" not in rubric
    # review 108 (round 109): the rubric's point 3 said in fewer words, same check
    assert "reaches a package Marlow needs with Quell in the steps that fit" in " ".join(
        rubric.split()
    )


BEFORE = Path(__file__).resolve().parent / "capstone_cases_before_review90.json"


def _digest(case):
    """A digest of every field of ``case``, its statement G left out: what the fixture
    ``capstone_cases_before_review90.json`` holds for each learner, computed with the code
    before review 90 X2 (which had no statement G)."""
    import dataclasses
    import hashlib
    import json

    fields = {}
    for field in dataclasses.fields(case):
        value = getattr(case, field.name)
        if field.name == "statements":
            value = {k: v for k, v in value.items() if k != "G"}
        fields[field.name] = value
    text = json.dumps(fields, sort_keys=True, default=repr)
    return hashlib.sha256(text.encode()).hexdigest()[:16]


def test_x2_statement_g_is_new_and_no_learners_case_changes():
    """X2: every case's six statements had one of each of the practice's six kinds, so five
    verdicts followed from the practice by kind. Each case now has a seventh, G, that
    passes on another customer's plans told in confidence (a kind the practice lacks,
    kept quiet by section 4's rule on another customer's business). It is chosen from the
    learner's id after the draw, so over 1,202 learners every other field (numbers,
    contract, statements A to F) is what the code before computed (the fixture was written
    by that code). Fails on the old code (no statement G)."""
    import json

    from course.scenarios.capstone import practice_kinds, statement_key, statement_kinds

    before = json.loads(BEFORE.read_text())
    assert len(before) == 1202
    wordings = set()
    for learner, digest in before.items():
        case = course.variant("05_capstone", learner)
        assert _digest(case) == digest, learner
        assert list(case.statements) == list("ABCDEFG"), learner
        assert "in confidence" in case.statements["G"].lower()
        wordings.add(case.statements["G"])
        if learner.endswith("7"):  # the labels, on a tenth of the learners
            assert statement_kinds(case)["G"] == "confidential"
            assert statement_key(case)["G"] == "keep quiet"
            assert sorted(statement_kinds(case).values()) == sorted(
                practice_kinds().values()  # review 92 X1: the practice has G's kind
            )
    assert len(wordings) == 2
    assert practice_kinds()["G"] == "confidential"  # review 92 X1
    say = _cell("say-teaching")
    assert "that customer's plans, orders or prices, told to you in confidence, are not yours" in (
        say
    )
    q6 = _cell("q6-text")
    assert "seven things you could say" in q6 and "a seventh of the marks" in q6


def test_x2_the_checks_cover_statement_g(monkeypatch):
    """X2: question 6's marks stay 2, now shared by seven verdicts. The visible check asks
    for a verdict on G; the hidden check marks it: saying G (as if it were the practice's
    calm mention) costs a seventh, with a hint that gives section 4's rule; the notebook's
    solution keeps G quiet and earns full marks."""
    from course.scenarios.capstone import statement_key
    from course.variants import learner_as
    from tests.notebooks import solution_namespace

    for learner in ("learner-1354", "learner-3", "learner-8"):
        case = course.variant("05_capstone", learner)
        key = statement_key(case)
        with learner_as(learner):
            right = run_check(check, "what_to_say", lambda s, k=key: k, hidden=True)
            assert right.possible == pytest.approx(2.0) and passes(right), learner
            said = run_check(check, "what_to_say", lambda s, k=key: {**k, "G": "say"}, hidden=True)
            assert said.earned == pytest.approx(2 - 2 / 7), learner
            hint = {o.check[-1]: o.message for o in said.outcomes}["G"]
            assert "in confidence" in hint and "another customer's business is theirs" in hint
            without = {k: v for k, v in key.items() if k != "G"}
            with pytest.raises(NotYet, match="no verdict for statement G"):
                run_check(check, "what_to_say", lambda s, w=without: w)
    monkeypatch.setenv("LEVERAGE_LEARNER", "learner-1354")
    solution = solution_namespace("05_capstone", "capstone")["what_to_say"]
    case = course.variant("05_capstone", "learner-1354")
    assert solution(case) == statement_key(case)
