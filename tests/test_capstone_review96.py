"""Review 96 of module 05 (capstone): section 5 keeps the rule and leaves this bot's
departures to the appendix (U1); the sample reflection states the signed deal in the
module's terms (U2); section 6 comes before questions 7 and 8, which lean on it (U3).
Each test fails on the text before this round."""

import re

import course
from course.checks.capstone import _facts
from tests.test_capstone_review90b import SOURCE, _cell

BOX = "**Where this table departs from module 04.**"


def _order():
    """The grade ids of the module's cells, in notebook order."""
    return re.findall(r'^# %%.*"grade_id": "([^"]+)"', SOURCE.read_text(), re.M)


def test_u1_section_5_keeps_the_rule_and_the_appendix_holds_the_departures():
    """Section 5 ran to over 1,100 words, much of it this bot's machinery. It keeps the
    "When to step" table, the accept rule and one sentence that Marlow counts only its
    total points, with a pointer; the departures box moved beside the table manual, and the
    reply ratio is defined in section 7, where the debrief uses it."""
    plan = _cell("plan-teaching")
    assert "| Marlow's reply | your move |" in plan
    assert "accept an offer of Marlow's when it is worth at least the next package" in plan
    assert (
        "Marlow counts only its total points, so some of these rules are looser than module "
        "04's: the appendix says which." in plan
    )
    for moved in (BOX, "**reply ratio**", "trade-back", "often a bluff"):
        assert moved not in plan, moved
    about = _cell("about-the-bot")
    assert about.count(BOX) == 1
    assert about.index("**Table manual.**") < about.index(BOX) < about.index("**Trials.**")
    debrief = _cell("debrief-teaching")
    assert "(the step's reply ratio, section 5)" not in debrief
    assert "A step's **reply ratio** is what Marlow's next reply gave back" in debrief
    # each term is defined at its first use in the notebook
    text = " ".join(_cell(g) for g in _order())
    assert text.index("reply ratio") == text.index("**reply ratio**") + 2
    assert text.index("trade-back") == text.index("**trade-back step**") + 2
    # question 8's hint for Marlow's opening points to section 5, which says it
    # review 110 C4 (round 111): one reading of Marlow's opening, a person's
    assert "a position, not yet a concession (section 5)" in _facts(1, "opening", 0, None, 1, 0)
    assert "Marlow's opening is a position, not yet a concession: hold." in plan


def test_u2_the_signed_deal_is_stated_as_points_and_profit():
    """The sample reflection said "(63 points, 81 net)": 81 is the profit less the audit
    cost, a figure the module never names (the table shows 90). It now gives the package's
    profit, computed here as review 90's M1 test does, which is at least the signed
    reservation price."""
    from dataclasses import replace as moved

    from course.scenarios.capstone import plan_of, reservation_of, signs_letter

    case = course.variant("05_capstone", "learner-1354")
    signer = moved(case, brenn_chance=0.0, pilot_chance=0.0)
    assert signs_letter(signer)
    floor = reservation_of(signer)
    plan = plan_of(signer)
    step = next(k for k, row in enumerate(plan) if row[2] >= case.reservation_if_quell)
    profit, points = plan[step][1], plan[step][2]
    assert profit >= floor
    answer = _cell("reflection")
    assert "81 net" not in answer
    assert f"my reservation price would have been {floor:g}, enough for a package" in answer
    assert f"Marlow accepts even with Quell ({points:g} points, profit {profit:g})" in answer


def test_u3_section_6_comes_before_the_questions_that_lean_on_it():
    """Questions 7 and 8 came before section 6, which gives Marlow's acceptance rule, its
    final-offer rounds and what a retraction is, so the sections ran 5, 7, 8, 6. Section
    6's text (it has no code) now follows section 5; the table's cell stays after question
    8, since it runs the learner's answers. Every section a cell from section 5 on names
    is one the learner has already met, or section 6 named from section 5 just before it."""
    order = _order()
    assert (
        order.index("plan-teaching")
        < order.index("table-teaching")
        < order.index("q7-text")
        < order.index("q8-text")
        < order.index("table-moves-test")
        < order.index("table")
    )
    headings = [int(n) for n in re.findall(r"^# ## (\d+)\.", SOURCE.read_text(), re.M)]
    assert headings == sorted(headings) == list(range(1, len(headings) + 1))
    seen = set()
    for grade_id in order:
        text = _cell(grade_id)
        seen.update(int(n) for n in re.findall(r"## (\d+)\.", text))
        if grade_id in ("q7-text", "q8-text", "table-teaching"):
            for n in re.findall(r"section (\d+)", text):
                assert int(n) in seen, (grade_id, n)
