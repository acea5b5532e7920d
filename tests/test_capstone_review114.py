"""Review 114 of module 05 (capstone): a professor's review. Each test names its item and
failed on the text or code before the fix."""

import itertools
import random
from pathlib import Path

import course
from course.checks import capstone as check
from course.scenarios import capstone as scenario

SOURCE = Path(course.__file__).resolve().parents[1] / "source" / "05_capstone" / "capstone.py"


def _cell(grade_id):
    """The cell ``grade_id`` of the source, its lines joined without the comment marks."""
    cell = SOURCE.read_text().split(f'grade_id": "{grade_id}"')[1].split("# %%")[0]
    return " ".join(" ".join(line.removeprefix("#").strip() for line in cell.splitlines()).split())


def test_x1_question_8_takes_only_a_hold_at_marlows_opening():
    """Review 114 X1: question 8's key took "next step" in answer to Marlow's opening,
    though section 5 and the summary say to hold there (an opening is a position, not yet
    a concession). The key now holds alone, and a step there gets the hint that says why."""
    for n in range(20):
        case = course.variant("05_capstone", f"rv114-{n}")
        plan = [row[0] for row in scenario.plan_of(case)]
        floor = scenario.reservation_of(case)
        log = scenario.table_log(case)
        key = scenario.right_moves(case, plan, floor, log)
        assert key[0][1] == "opening" and key[0][0] == ("hold",), case.learner
    said = ["next step"] + ["hold"] * (len(log) - 1)
    try:
        check.judge_table_moves(case, said, plan, floor, log, None)
    except check.NotYet as hint:
        assert "reply 1 is Marlow's opening, a position, not yet a concession" in str(hint)
    else:
        raise AssertionError("a step at Marlow's opening passed")
    assert "| its opening | hold (an opening is a position, not yet a concession) |" in (
        _cell("plan-teaching")
    )


def test_c1_the_model_answers_moves_are_ones_question_8_allows():
    """Review 114 C1: the full-marks answer stepped at Marlow's move from 60 to 80, a gain
    of 20 under the 30 its step cost, which section 5 (and question 8's key: "small
    stalled once") counts as no move. The answer now holds until Marlow's move to 110, and
    every move it tells is one the key allows on the table's own replies."""
    from course.engine.capstone import ROUNDS, Table
    from course.models.concessions import package_points
    from tests.test_capstone_review100 import reference_plan

    case = course.variant("05_capstone", "learner-1354")
    plan = reference_plan(case)
    packages = [row[0] for row in plan]
    floor = scenario.reservation_of(case)
    table = Table(
        scenario.contract_negotiation(case, case.reservation_if_not, ROUNDS),
        "linear",
        rng=random.Random(0),
    )
    told = ["hold", "hold", "hold", "next step"]
    for k in (0, 0, 0, 0, 1):
        table.session.offer(packages[k])
    replies = [o for _, who, o in table.session.history if who == "bot"]
    log = [{"offer": o, "final": False, "cant_give_more": False} for o in replies]
    key = scenario.right_moves(case, packages, floor, log, told)
    assert [move in allowed for move, (allowed, *_) in zip(told, key, strict=True)] == [True] * 4
    assert [package_points(o, case.yours) for o in replies] == [60, 80, 80, 110]
    answer = _cell("reflection")
    assert "At its move to 80 I made my first step" not in answer
    assert "was under my step's 30: I held twice. At its move to 110 I made my" in answer


def test_e1_question_2_calls_its_rule_a_first_cut_the_reflection_tests():
    """Review 114 E1: question 2 decides on the letter by what each choice pays without a
    deal, which leaves out that signing lowers the reservation price and may make a deal
    possible if Quell has capacity. The text now calls the rule a first cut and points to
    the reflection (its item 1.3), which weighs the letter over that state."""
    q2 = _cell("q2-text")
    assert "by what each choice pays if there is no deal with Marlow" in q2  # review 56 C1
    assert (
        "A first cut: signing also lowers your reservation price, perhaps enough for a deal "
        "with Quell; the reflection weighs that." in q2
    )
    assert "would a signed letter have got you a deal with Quell" in _cell("reflection-text")


def test_e2_the_power_row_says_marlows_supply_share_partly_measures_its_alternatives():
    """Review 114 E2: Marlow's share of supply stands for its dependence on you (Emerson's
    first factor), yet a small share mostly says Marlow has other sources, the factor the
    alternatives row counts. The row now says so plainly."""
    audit = _cell("audit-teaching")
    assert "keeps the first, measured here, roughly, by shares" in audit  # review 81 E1
    assert (
        "Marlow's share is cruder: a small one partly measures its other suppliers "
        "(alternatives)." in audit
    )


def test_e3_model_rule_4_1_is_named_as_the_abas_rule_for_lawyers_used_as_a_benchmark():
    """Review 114 E3: Model Rule 4.1 was cited as if it bound any negotiator; it is the
    American Bar Association's rule for lawyers, used here as a benchmark."""
    say = _cell("say-teaching")
    assert (
        "(module 00); that American Bar Association rule is for lawyers: a benchmark here." in say
    )


def test_c2_never_into_silence_names_the_grit_step_as_its_exception():
    """Review 114 C2: "never into silence" stood beside a table row (and an appendix
    heading) allowing one announced step into silence per stall. The rule now says the
    announced step is the exception."""
    plan = _cell("plan-teaching")
    assert "or one announced step at a stall: otherwise never into silence." in plan


def test_c3_the_summary_promises_only_what_question_7_grades():
    """Review 114 C3: the summary said question 7's plan must shrink and take no term
    back; question 7 grades only steps that never grow (equal steps pass, rv-alice's plan
    steps 5, 5, 5) and leaves take-backs as advice."""
    summary = _cell("summary")
    assert "steps that shrink (question 7's plan must)" not in summary
    assert "steps that never grow (question 7's plan must)" in summary
    assert "take back as few terms as the frontier allows (advice)" in summary
    profits = [row[1] for row in scenario.plan_of(course.variant("05_capstone", "rv-alice"))]
    steps = [a - b for a, b in itertools.pairwise(profits)]
    assert len(set(steps)) == 1 and len(steps) > 1  # equal steps: they do not shrink


def test_c4_the_audit_says_where_knowing_a_deadline_goes():
    """Review 114 C4: CONTENT files deadlines under information (idea 2), the audit files
    them under alternatives. Both hold: having a deadline limits your alternatives (the
    course's choice, modules 00 and 03), knowing the other side's is information, as module
    00 files it."""
    audit = _cell("audit-teaching")
    assert "as in modules 00 and 03, a deadline sits in its holder's alternatives" in audit
    assert "hold out (knowing the other's deadline is information)." in audit


def test_u3_question_5s_opening_rule_says_at_least_the_low_reservation_price():
    """Review 114 U3: "at Marlow's low reservation price" reads as "exactly at"; the
    opening is the most profit among packages giving Marlow at least that."""
    q5 = _cell("q5-text")
    assert (
        "at Marlow's low reservation price (section 4): the most profit among packages "
        "giving Marlow at least that;" in q5
    )


def test_u6_u7_the_model_answer_weighs_marlows_delivery_need_and_section_4_its_alternatives():
    """Review 114 U6 (part 3): the model answer judged Marlow's subjective value without
    noticing that the deal's 8 weeks missed the 3-week need Marlow asked for. U7: section 4
    asked what Marlow's alternatives "lack"; it now asks what they are worth."""
    answer = _cell("reflection")
    assert "The 8 weeks missed their 3-week need: they may feel they lost" in answer
    assert "what Marlow's alternatives are worth" in _cell("opening-teaching")
    assert "what Marlow's alternatives lack" not in _cell("opening-teaching")
