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
    assert "for question 6, only its form: its practice gives feedback" in intro
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
    bullet = debrief.split("**Reciprocity.**")[1].split("- **What was achievable.**")[0]
    sentences = [s for s in re.split(r"(?<=\.) (?=[A-Z])", bullet.strip()) if s]
    assert len(sentences) == 3, sentences
    definition, matched, exceptions = sentences
    assert definition.startswith("A step's **reply ratio** is what Marlow's next reply gave")
    example = re.search(r"(\d+) k€ back for a (\d+) k€ step gives ([\d.]+)\.$", definition)
    assert example, definition
    back, cost, ratio = float(example[1]), float(example[2]), float(example[3])
    step = {"round": 3, "cost": cost, "back": back, "answer": "offer", "instead": "offer"}
    printed = engine._returns([step])
    assert f"round 3, {ratio:.2f}" in printed, printed
    assert "Marlow matched 0 of 1" in printed  # below 1: not matched, as the next sentence says
    assert matched.startswith("A ratio of 1 or more means Marlow matched the step")
    assert "a deal it would not have made had you held" in matched
    assert exceptions.startswith("Concessions made while Marlow had not moved are counted apart")
    assert "a step answering Marlow's opening answers its first move" in exceptions


def test_c3_section_5_says_why_the_target_may_pass_the_band_and_what_it_costs():
    """C3 (its one sentence): section 5 said the target may lie above module 02's band or
    be the opening, without saying why or what it costs. It now says that with whole
    packages none of the plan's may fall in the band, so one bound gives, the top, at a
    cost in room to concede. Over 200 learners' course plans: the target never goes below
    the middle; whenever it passes the top, no planned package Marlow could accept lies in
    the band; it then leaves less than a quarter of the zone above it, and none when it is
    the opening; both cases happen."""
    plan = _cell("plan-teaching")
    assert (
        "With whole packages, none of your plan's may fall inside module 02's band; then one "
        "bound must give, here the top (three quarters of the way up): the target may lie "
        "above it, or be the opening itself, leaving less room, or none, to concede before "
        "it." in plan
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
