"""Review 89 of module 05: the debrief's trust line names what moved trust (C3), and two
debrief sentences say what happened (U3)."""

import random
from html import unescape
from pathlib import Path

import course
from course.checks import capstone as check
from course.engine.bots import TRUST_CHANGE, TRUST_PER_INSULT, TRUST_PER_RETRACTION, TRUST_START
from course.engine.capstone import debrief
from course.scenarios.capstone import beliefs_of, plan_of, quell_posterior, reservation_of
from course.widgets.capstone import NegotiationTable


def planned(case, opening, reservation):
    return [row[0] for row in plan_of(case, opening, reservation)]


def table(case, style, seed=2):
    return NegotiationTable(
        case,
        reservation=reservation_of,
        opening=check.opening_of,
        plan=planned,
        beliefs=beliefs_of,
        rng=random.Random(seed),
        style=style,
    )


def send(t, packages):
    for package in packages:
        if t.send_offer.disabled:
            return
        for issue, level in package.items():
            t.levels[issue].value = level
        t.send_offer.click()


def test_the_trust_line_names_the_refusal_and_the_retraction():
    """C3, the reviewer's run: the list terms (refused out of hand), the opening, a step,
    the opening again (a retraction), then a polite walk-away: trust 0.50 -> 0.30, and
    the line says why, not only which ending it was."""
    case = course.variant("05_capstone", "learner-1354")
    plan = planned(case, check.opening_of(case), reservation_of(case))
    list_terms = {issue: levels[0] for issue, levels in case.issues.items()}
    after = TRUST_START + TRUST_CHANGE["polite walk-away"] + TRUST_PER_INSULT
    after += TRUST_PER_RETRACTION
    for style in ("linear", "tit-for-tat"):
        t = table(case, style)
        send(t, [list_terms, plan[0], plan[1], plan[0]])
        t.walk.click()
        found = unescape(t.result.value)
        assert "That is not a serious offer" in unescape(t.history.value)
        assert (
            f"a polite walk-away with the door left open. Its trust in you went from "
            f"{TRUST_START:.2f} to {after:.2f}: 1 offer refused out of hand and 1 "
            "retraction, \u22120.1 each"
        ) in found, found


def test_the_ending_is_named_with_its_change_when_other_moves_count_too():
    """C3: a deal (+0.25) with two retractions names all three; trust stops at 0 when the
    moves add up below it; without a refusal or retraction the line is as before."""
    remembers = debrief.__globals__["_remembers"]
    deal = remembers(
        {"ending": "deal", "insults": 0, "retractions": 2, "trust_before": 0.5, "trust_after": 0.55}
    )
    assert "from 0.50 to 0.55: the ending +0.25, and 2 retractions, \u22120.1 each" in deal
    low = remembers(
        {
            "ending": "walk-out",
            "insults": 1,
            "retractions": 0,
            "trust_before": 0.3,
            "trust_after": 0.0,
        }
    )
    assert (
        "from 0.30 to 0.00: the ending \u22120.35, and 1 offer refused out of hand, \u22120.1 "
        "each (trust stops at 0)"
    ) in low
    plain = remembers(
        {"ending": "deal", "insults": 0, "retractions": 0, "trust_before": 0.5, "trust_after": 0.75}
    )
    assert "from 0.50 to 0.75." in plain and "each" not in plain.split("Quell")[0]


def test_a_step_that_kept_marlow_at_the_table_is_said_so():
    """U3 (a): 'Marlow stayed where it would have left' read as a place; a step whose held
    replay ends with Marlow leaving is now 'had you held, Marlow would have left: your
    step kept it at the table' (learner-0, linear: four holds, then the plan; three until
    review 110 C4, when a hold answering Marlow's opening stopped counting as a stall)."""
    case = course.variant("05_capstone", "learner-0")
    plan = planned(case, check.opening_of(case), reservation_of(case))
    t = table(case, "linear", seed=1)
    send(t, [plan[0]] * 5 + plan[1:])
    if not t.walk.disabled:
        t.walk.click()
    found = unescape(t.result.value)
    assert "had you held, Marlow would have left: your step kept it at the table" in found
    assert "stayed where it would have left" not in found


def test_unchanged_trust_leaves_out_the_replay():
    """U3 (b): after a polite walk-away with no refusal or retraction, trust stays at
    0.50 and the debrief no longer compares a trust level with itself."""
    case = course.variant("05_capstone", "learner-1354")
    plan = planned(case, check.opening_of(case), reservation_of(case))
    for style in ("linear", "conceder"):
        t = table(case, style)
        send(t, plan[:1])
        t.walk.click()
        found = unescape(t.result.value)
        assert f"Its trust in you stays at {TRUST_START:.2f}." in found, found
        assert "would at trust" not in found and "Replayed on this sitting" not in found


SOURCE = Path(course.__file__).parents[1] / "source" / "05_capstone" / "capstone.py"


def section(grade_id):
    """The text of the notebook's markdown cell ``grade_id``, on one line."""
    cell = SOURCE.read_text().split(f'grade_id": "{grade_id}"')[1].split("# %%")[0]
    return " ".join(line.removeprefix("#").strip() for line in cell.splitlines())


def test_the_opening_holds_even_where_quell_stays_likelier():
    """U2: 'which the rush request made likelier' read as 'likely'; in some cases Quell
    stays likelier after the rush request. Section 4 now says to open at the low
    reservation price even then, because a package below it suits Marlow in neither state
    (its reservation price with Quell is the higher one in every case)."""
    posteriors = []
    for n in range(300):
        case = course.variant("05_capstone", f"rv-{n}")
        assert case.reservation_if_quell > case.reservation_if_not, n
        posteriors.append(quell_posterior(case))
    assert max(posteriors) > 0.5  # the sentence has cases to cover
    opening = section("opening-teaching")
    assert "which the rush request made likelier" not in opening
    assert (
        "open at Marlow's **low reservation price**, even when Quell stays likelier: Marlow "
        "can accept no package below it in either state."
    ) in opening


def test_questions_7_and_8_meet_their_rules_before_they_use_them():
    """U1: section 5's table and question 8's log rely on 'can't give more', the final
    offer and a retraction, defined only in section 6 after question 8; a one-line
    definition of each now stands in section 5, before question 7."""
    plan = section("plan-teaching")
    rules = plan.index("Marlow says it **can't give more**")
    assert rules < plan.index("| Marlow's reply | your move |")
    line = plan[rules : plan.index("| Marlow's reply")]
    assert "**can't give more** only when another level would take it below its" in line
    assert "**final offer** in round 5, 6 or 7; you answer it once" in line
    assert "a **retraction** is an offer worse for Marlow than your last" in line
    # the same rules as section 6 gives them in full
    table = section("table-teaching")
    assert "it makes its final offer in round 5, 6 or 7, never later" in table
    # review 94 U3: section 6 no longer restates the floor words; section 5 says them once
    assert "when it cannot give another level on any issue without going below" not in table
