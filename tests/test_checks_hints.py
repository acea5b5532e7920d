"""The shared reading of a learner's number (``course.checks.hints.money``) and word (``one_of``): every real
number counts, so an exact answer is never refused for its type (module 01 teaches the
belief update with ``Fraction``; the capstone's question 3 refused 22/49 as "not a number")."""

import ast
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import numpy as np
import pytest

import course
from course.checks import capstone as check
from course.checks.hints import NotYet, money
from course.scenarios.capstone import quell_posterior
from tests.sweeps import run as run_check


@pytest.mark.parametrize(
    "value", [3, 3.0, Fraction(3), Decimal("3"), np.int64(3), np.float32(3)], ids=repr
)
def test_every_real_number_is_a_number(value):
    assert money(value, "x") == 3.0


@pytest.mark.parametrize("value", [True, "3", None, [3], float("nan"), float("inf")], ids=repr)
def test_anything_else_gets_a_hint(value):
    with pytest.raises(NotYet, match="x should be a"):
        money(value, "x")


def test_a_hidden_check_says_a_value_was_no_number_without_naming_it(monkeypatch):
    """Review 86 (05 X3): a function returning ``("Kessel", "60.62")`` was told at grading
    "Make sure it works for any numbers, not only for yours", though the visible hint said
    the profit should be a number: ``money`` gave no words for a hidden check. It now says
    what came back where a number belongs, and no value. Fails on the old ``money``."""
    monkeypatch.setenv("LEVERAGE_LEARNER", "ada")

    def text_profit(s):
        return ("Kessel", "60.62")

    with pytest.raises(NotYet) as hidden:
        run_check(check, "my_batna", text_profit, hidden=True)
    said = str(hidden.value)
    assert "it gave a str where a number belongs" in said
    assert "any numbers, not only for yours" not in said and "60.62" not in said


def test_every_hint_on_an_answers_form_has_words_for_a_hidden_check():
    """Review 86 (05 X3), the kind: a hint that says what form an answer should take ("...
    should be a pair", "should return a dict") had no ``general`` words in 17 places, so a
    hidden check that met the wrong form said only "Make sure it works for any numbers".
    Every ``NotYet`` of course/checks whose message says what something should be now
    gives them. Fails on the checks before review 86."""
    missing = []
    for path in sorted((Path(course.__file__).parent / "checks").glob("*.py")):
        source = path.read_text()
        for node in ast.walk(ast.parse(source)):
            if not (isinstance(node, ast.Call) and getattr(node.func, "id", None) == "NotYet"):
                continue
            message = ast.get_source_segment(source, node.args[0]) if node.args else ""
            has_general = len(node.args) > 1 or any(k.arg == "general" for k in node.keywords)
            if "should" in message and not has_general:
                missing.append(f"{path.name}:{node.lineno}")
    assert not missing, missing


def test_the_capstones_beliefs_may_be_exact_fractions():
    for n in range(20):
        case = course.variant("05_capstone", learner=f"fraction-{n}")
        prior = Fraction(case.quell_prior).limit_denominator(1000)
        with_quell = prior * Fraction(case.rush_if_quell).limit_denominator(1000)
        without = (1 - prior) * Fraction(case.rush_if_not).limit_denominator(1000)
        chance = with_quell / (with_quell + without)
        assert abs(float(chance) - quell_posterior(case)) < 1e-9
        beliefs = {case.reservation_if_quell: chance, case.reservation_if_not: 1 - chance}
        check.judge_beliefs(case, beliefs)


def test_every_module_reads_a_chosen_word_alike_whatever_its_case_spaces_or_joiners():
    """Modules 00, 02, 03 and 05 each had their own reader of a word a learner picks; module
    02's took 'walk_away' but refused 'walk-away', module 00's refused both. One reader now
    serves all four (``one_of``), returning the choice as the question spells it."""
    from course.checks import batna, capstone, leverage, power
    from course.checks.hints import evened, one_of

    for module in (batna, leverage, power):
        assert module.one_of is one_of
    assert capstone.evened is evened
    for said in ("walk away", "Walk-away", " WALK_away ", "walk -  away"):
        assert one_of(said, ("hold", "Walk away"), "the move") == "Walk away"
    assert one_of("go", ("hold", "walk away"), "the move", aliases={"Go": "walk away"}) == (
        "walk away"
    )
    for wrong in ("walkaway", 1, None, ["hold"]):
        with pytest.raises(NotYet, match="the move should be one of 'hold', 'walk away'"):
            one_of(wrong, ("hold", "walk away"), "the move")
    assert evened(3) == 3
