"""Review 96 of module 05 (capstone), fixed in round 97: the misrepresentation pointer names
the section that teaches it (U1); the intro says question 6's check looks at form only
(U2); the reply ratio's definition is split, with a worked example the debrief's own code
reproduces (U3); section 5 says why its target may pass module 02's band and what that
costs (C3, one sentence). Each test fails on the text before this round."""

import contextlib
import io
import re
from pathlib import Path

import pytest

import course
from course.checks import capstone as check
from course.checks.hints import NotYet
from course.engine import capstone as engine
from course.models.concessions import package_points
from course.scenarios import capstone as scenario
from course.scenarios.capstone import statement_key
from course.widgets.capstone import TARGET_SHARE, target_in_state
from tests.test_capstone_review90b import _cell

ROOT = Path(__file__).resolve().parents[1]


def _section(module, number):
    """Section ``number`` of module ``module``'s source, every cell, as plain text."""
    (path,) = (ROOT / "source").glob(f"{module}_*/*.py")
    text = path.read_text()
    start = text.index(f"# ## {number}. ")
    end = text.index("\n# ## ", start + 1)
    return " ".join(
        " ".join(line.removeprefix("#") for line in text[start:end].splitlines()).split()
    )


def test_u1_the_undo_a_contract_pointer_names_the_section_that_says_so():
    """U1: "can undo a contract (module 00, section 6)" pointed to a section that defines
    misrepresentation but says nothing of undoing a contract; module 03, section 7 says
    it. The pointer is followed to the section it names, which must say it."""
    say = _cell("say-teaching")
    found = re.search(r"can undo a contract \(module (\d\d), section (\d+)\)", say)
    assert found, say
    assert "can undo the contract" in _section(found[1], int(found[2]))


def test_u2_the_intro_says_question_6s_check_judges_the_form_and_the_practice_explains(
    monkeypatch, learner
):
    """U2: the intro promised that every check says what to fix, while question 6's visible
    check judges only the form. The intro now says so, and both halves hold: every verdict
    flipped passes the visible check, and one wrong practice verdict gets its reason."""
    intro = _cell("intro")
    # review 106 C4 (round 107): words paid for saying when each answer is marked; the
    # practice says itself that it gives feedback
    assert "question 6's checks only its form" in intro  # review 108 U6 (round 109)
    case = course.variant("05_capstone", "review97-u2")
    monkeypatch.setattr(check, "_drawn", lambda learner: case)
    key = statement_key(case)
    flipped = {k: "say" if v == "keep quiet" else "keep quiet" for k, v in key.items()}
    with contextlib.redirect_stdout(io.StringIO()):
        assert check.what_to_say(lambda s: flipped) is None
    practice = dict(check.practice_key())
    practice["F"] = "say"  # the ultimatum
    with pytest.raises(NotYet) as failure:
        check.practice_to_say(lambda: practice)
    assert "- F:" in str(failure.value)


def test_u3_the_reply_ratio_is_three_sentences_and_its_example_is_the_debriefs():
    """U3: the reciprocity bullet packed the definition, what counts as matched and the
    exceptions into one sentence. It is now three: the definition with an example, what
    counts as matched, the exceptions. The example's ratio is the one the debrief prints
    for such a step (``_returns``)."""
    debrief = _cell("debrief-teaching")
    # review 102 U2: the example moved into a small table after the bullets (the bullet
    # now ends the list); its figures are read from the table
    bullet = debrief.split("**Reciprocity.**")[1].split("| a reply ratio, worked |")[0]
    sentences = [s for s in re.split(r"(?<=\.) (?=[A-Z])", bullet.strip()) if s]
    assert len(sentences) == 3, sentences
    definition, matched, exceptions = sentences
    assert definition.startswith("A step's **reply ratio** is what Marlow's next reply gave")
    assert definition.endswith("per k€ the step cost you (table below).")
    example = re.search(
        r"\| reply ratio \| \((\d+) − (\d+)\) / \((\d+) − (\d+)\) = ([\d.]+) \|", debrief
    )
    assert example, debrief
    back = float(example[1]) - float(example[2])
    cost, ratio = float(example[3]) - float(example[4]), float(example[5])
    step = {"round": 3, "cost": cost, "back": back, "answer": "offer", "instead": "offer"}
    printed = engine._returns([step])
    assert f"round 3, {ratio:.2f}" in printed, printed
    assert "Marlow matched 0 of 1" in printed  # below 1: not matched, as the next sentence says
    assert matched.startswith("A ratio of 1 or more means Marlow matched the step")
    assert "a deal it would not have made had you held" in matched
    assert exceptions.startswith("Concessions made while Marlow had not moved are counted apart")
    assert "a step answering Marlow's opening is named apart" in exceptions  # review 110 C4


def test_c3_section_5_says_why_the_target_may_pass_the_band_and_what_it_costs():
    """C3 (its one sentence): section 5 said the target may lie above module 02's band or
    be the opening, without saying why or what it costs. It now says that with whole
    packages none of the plan's may fall in the band, so one bound gives, the top, at a
    cost in room to concede. Over 200 learners' course plans: the target never goes below
    the middle; whenever it passes the top, no planned package Marlow could accept lies in
    the band; it then leaves less than a quarter of the zone above it, and none when it is
    the opening; both cases happen."""
    plan = _cell("plan-teaching")
    # review 97 U1: the sentence was hard to read; a worked case comes first (tested below)
    # review 102 E1: no longer attributed to module 02's band; same fact
    assert (
        "Whole packages may put a target far above the half-way point, even at the opening"
        in " ".join(plan.split())
    )
    above = opening = 0
    for n in range(200):
        case = course.variant("05_capstone", f"review97-c3-{n}")
        steps = [row[0] for row in scenario.plan_of(case)]
        floor = scenario.reservation_of(case)
        for quell in (False, True):
            found = target_in_state(case, steps, floor, quell)
            if found["target"] is None:
                continue
            target, even, band, estimate = (
                found[k] for k in ("target", "even", "band", "estimate")
            )
            assert target >= even - 1e-9
            if target <= band + 1e-9:
                continue
            above += 1
            need = case.reservation_if_quell if quell else case.reservation_if_not
            inside = [
                p
                for p in steps
                if package_points(p, case.theirs) >= need
                and even - 1e-9 <= package_points(p, case.yours) <= band + 1e-9
            ]
            assert not inside, case.learner
            assert estimate - target < (1 - TARGET_SHARE) * (estimate - floor), case.learner
            if found["step"] == 0:
                opening += 1
                assert target == pytest.approx(estimate), case.learner
    assert above > 0 and opening > 0, (above, opening)


# --- Review 97 of module 05, fixed in round 98 ---------------------------------------------


def test_review97_c2_no_built_log_opens_where_marlow_never_would():
    """Review 97 C2: question 8's built logs (``_fixed_logs``, printed in its hints) opened
    at Marlow's own best package, which section 5 rules out ("Marlow's opening always gives
    up ground") and which the learner's own log (``table_log``) shows only when no offer
    below the reservation price is one the bot could open with. Over 300 swept learners,
    every built log now opens with a package the table's bot could open with
    (``_bot_can_open``); the fallback for cases with fewer than two such frontier offers is
    among them (sweep-249 has none)."""
    for n in range(300):
        case = course.variant("05_capstone", f"sweep-{n}")
        for what, _plan, _floor, log in check._fixed_logs(case):
            opening = log[0]["offer"]
            row = (opening, None, package_points(opening, case.theirs))
            assert scenario._bot_can_open(case, row), (case.learner, what)


def test_review97_x2_bayes_rule_cut_to_two_decimals_is_told_it_was_cut():
    """Review 97 X2: Bayes' rule cut to two decimals ({51: 0.34, 34: 0.65} for rv-alice)
    was told its chances do not add up to 1 and to divide by the total, which it had done;
    the rounding hint came only when the sum was 1. Over 200 learners, both chances cut
    (or rounded) to one or two decimals, when they miss a sum of 1, now get the rounding
    hint and not the one to divide; three decimals, rounded or cut, still pass."""
    import math

    def cut(x, places):
        return math.floor(x * 10**places + 1e-9) / 10**places

    told = 0
    for n in range(200):
        case = course.variant("05_capstone", f"review97-x2-{n}")
        chance = scenario.quell_posterior(case)
        high, low = case.reservation_if_quell, case.reservation_if_not
        for places in (1, 2):
            for coarse in (cut, round):
                answer = {high: coarse(chance, places), low: coarse(1 - chance, places)}
                if math.isclose(sum(answer.values()), 1, abs_tol=check.SUM_TOLERANCE):
                    continue
                with pytest.raises(NotYet) as failure:
                    check.judge_beliefs(case, answer)
                said = str(failure.value)
                assert "rounded to fewer than three decimals" in said, said
                assert "add up to" in said and "divide" not in said.split("(or cut there)")[0]
                told += 1
        for coarse in (cut, round):
            check.judge_beliefs(case, {high: coarse(chance, 3), low: coarse(1 - chance, 3)})
    assert told > 100, told
    alice = course.variant("05_capstone", "rv-alice")
    with pytest.raises(NotYet, match="rounded to fewer than three decimals"):
        check.judge_beliefs(
            alice, {alice.reservation_if_quell: 0.34, alice.reservation_if_not: 0.65}
        )


def _sittings(n):
    """For ``n`` learners ``rv98-c1-<i>``, each style, Quell without capacity, the course's
    scripted rule-follower (``sit_by_the_plan``): (deals, deals below the no-Quell target
    the table shows, deals when the plan stops at that target)."""
    import random

    import tests.test_engine_capstone as played
    from course.engine.bots import STYLES

    deals = below = stopped = 0
    for i in range(n):
        case = course.variant("05_capstone", learner=f"rv98-c1-{i}")
        rows = scenario.plan_of(case)
        steps = [row[0] for row in rows]
        target = target_in_state(case, steps, scenario.reservation_of(case), False)["target"]
        to_target = [row for row in rows if row[1] >= target - 1e-9]
        for style in STYLES:
            profit = played.deal_profit(played.sit_by_the_plan(case, style, random.Random(i)))
            deals += profit is not None
            below += profit is not None and profit < target - 1e-9
            kept = played.plan_of
            played.plan_of = lambda case, opening=None, rows=to_target: rows
            try:
                table = played.sit_by_the_plan(case, style, random.Random(i))
            finally:
                played.plan_of = kept
            stopped += played.deal_profit(table) is not None
    return deals, below, stopped


def test_review97_c1_section_5_says_the_rule_gives_up_the_target_at_this_bot():
    """Review 97 C1: section 5 said "you decide at the table when to stop", but question 8's
    rule steps on to the reservation price, and a learner who stopped at the target was
    marked wrong. The sentence is gone; section 5 now says that at this bot the rule gives
    up the target for more deals, how often its deals end below the target, and that with
    a person you stop there (module 04). On the engine, 200 learners, every style: about
    two deals in five end below the no-Quell target, and a plan cut at the target reaches
    fewer deals."""
    plan = _cell("plan-teaching")
    assert "you decide at the table when to stop" not in plan
    # review 98 C1: question 8 now accepts both (tests/test_capstone_review98.py)
    # review 101 U1: "below it" read as below the reservation price; the sittings below
    # count deals under the no-Quell target with Quell lacking capacity
    # review 108 (round 109): the count in brackets was cut to pay for words; the test
    # below still computes it
    assert "step on to your reservation price, which at this bot gains deals." in plan
    module_04 = (ROOT / "source/04_concessions/concessions.py").read_text()
    module_04 = " ".join(" ".join(line.lstrip("# ") for line in module_04.splitlines()).split())
    assert "Stop at your target" in module_04  # review 98: module 04's words since its round 97
    deals, below, stopped = _sittings(200)
    assert 0.35 <= below / deals <= 0.45, (below, deals)  # two in five
    assert stopped < deals, (stopped, deals)


def test_review97_u1_the_target_rule_has_a_worked_case_the_code_gives():
    """Review 97 U1: the sentence on whole packages and module 02's band had to be read
    several times. Section 5 now works one learner's case (rv-alice): without Quell the
    zone runs from 79.25 to 95 k€, middle 87.125, plan 95/90/85/80, target 90; with Quell,
    no zone. Each figure is the code's. The MESO paragraph's comparison with module 04 and
    its retraction remark moved to the appendix."""
    plan = _cell("plan-teaching")
    found = re.search(
        # review 108 X1, C2 (round 109): the half-way point, and the frontier packages
        r"without Quell the zone runs from ([\d.]+) to ([\d.]+) k€, its half-way point ([\d.]+); "
        r"the frontier packages from the opening are worth ([\d, and]+) k€, so the target is "
        r"([\d.]+)\. With Quell, no package suits both sides: no zone, no target\.",
        plan,
    )
    assert found, plan
    case = course.variant("05_capstone", "rv-alice")
    # review 98 C1 (round 100): the notebook's reference plan, module 04's shape
    from tests.test_capstone_review100 import reference_plan

    rows = reference_plan(case)
    floor = scenario.reservation_of(case)
    steps = [row[0] for row in rows]
    without = target_in_state(case, steps, floor, False)
    assert float(found[1]) == floor and float(found[2]) == without["estimate"]
    assert float(found[3]) == without["even"] == (floor + without["estimate"]) / 2
    shown = [float(x) for x in re.findall(r"[\d.]+", found[4])]
    assert shown == [row[1] for row in scenario.plan_of(case)]  # every frontier package
    assert {row[1] for row in rows} <= set(shown)  # the reference plan passes through them
    assert float(found[5]) == without["target"]
    assert target_in_state(case, steps, floor, True)["target"] is None
    reach = [r[1] for r in scenario.package_rows(case) if r[2] >= case.reservation_if_quell]
    assert max(reach) < floor  # with Quell no package suits both sides
    opening = _cell("opening-teaching")
    assert "Unlike module 04's sets" not in opening and "counts as a retraction" not in opening
    appendix = _cell("about-the-bot")
    # review 102 (cuts): the comparison with module 04's sets is said once, in question 5
    assert "a retraction (section 6)" in appendix
    assert "Module 04's sets were looser" in _cell("q5-text")


def test_review97_u2_tit_for_tat_gives_back_a_share_of_its_own_room():
    """Review 97 U2: "about as much of its own room as your step gave it (in your k€, more
    or less)" read as "roughly, in your k€". The engine gives back the same share of its
    own room (``reciprocity`` 1 times ``given``, a share of the bot's room); the text now
    says so, and that in k€ it can be more or less than the step, as the debrief says."""
    from course.engine.bots import STYLES, Counterpart

    plan = _cell("plan-teaching")
    assert "(in your k€, more or less)" not in plan
    assert (
        "answers each concession of yours with as large a share of its own room as your step "
        "gave it (in your k€ that can be more or less than your step)" in plan
    )
    assert STYLES["tit-for-tat"][1]["reciprocity"] == 1.0
    assert "share of the bot's room" in " ".join(Counterpart.given.__doc__.split())
    assert "matched the step on your scale, not its own" in _cell("debrief-teaching")
