"""Module 01, review 99 (fixed in round 100): Question 6's opening mark follows the module's
one opening rule (C1). Each test failed on the code or text before this round."""

from course.variants import variant
from tests.test_checks_information import (
    as_learner,
    cell_words,
    check,
    limits_with,
    own_limits,
    parts,
    reference,
)
from tests.test_variants_sweep_information import limits_by_assumption, limits_by_rule

MODULE = "01_information"
CENT = 0.005


def test_c1_alice_opening_below_her_estimate_fails_with_a_true_hint(monkeypatch):
    """C1: alice's beliefs after the opening are 48,000 / 52,000 / 56,000 (estimate
    52,356.16, model's price 48,000); `board-rounds` → ("final-offer", (52000, 48000)), an
    opening €356 below the estimate, earned the price mark through "or any reservation price
    still possible at or above the model's price". It now fails with a hint that says it
    breaks convention 1; the same plan opening at the estimate, or at the estimate rounded
    down to the €100, passes."""
    sale = as_learner(monkeypatch, "alice")
    after = reference.posterior_after_opening(sale)
    estimate = reference.expected_reservation(after)
    assert round(estimate, 2) == 52_356.16
    assert reference.best_move(after, sale.cost)[0] == 48_000
    assert "board-rounds" in sale.situations
    assert after[52_000] > 0  # a reservation price still possible
    earned, said = parts(
        own_limits(limits_with(**{"board-rounds": ("final-offer", (52_000, 48_000))}))
    )["what to do"]
    assert earned == 0
    assert "breaks convention 1, even where it is a reservation price still possible" in said
    assert "Open at your estimate (rounded to the €100 if you like) or beyond it." in said
    for opening in (estimate, 52_300):
        plan = ("final-offer", (opening, 48_000))
        assert own_limits(limits_with(**{"board-rounds": plan})).earned == 2, opening


def test_c1_the_text_states_one_opening_rule():
    """C1: the bullet's clause "or any reservation price still possible at or above the model's
    price" contradicted convention 1 in the same cell; it is gone."""
    six = cell_words("q6-text")
    assert "or any reservation price still possible" not in six
    assert "Your opening" in six and "open at your estimate" in six


def test_c1_reference_and_alternatives_pass_and_possible_prices_short_of_the_estimate_fail():
    """C1 over 400 swept learners: the reference answer and the sweep's two alternative
    formulations still pass every haggle (the visible practice case too); wherever a possible
    reservation price lies at or above the model's price but more than €100 short of the
    estimate, it no longer opens a haggle, and the hint names convention 1 (before, such
    openings passed)."""
    changed = 0
    for n in range(400):
        sale = variant(MODULE, f"sweep-{n}")
        after = reference.posterior_after_opening(sale)
        model = reference.best_move(after, sale.cost)[0]
        estimate = reference.expected_reservation(after)
        keys = [k for k in ("counter-offer", "board-rounds") if k in sale.situations]
        items = {i.key: i for i in reference.situations_of(sale)}
        for key in keys:
            for answer in (
                reference.model_limits(sale, after),
                limits_by_assumption(sale, after),
                limits_by_rule(sale, after),
            ):
                entry = tuple(float(x) for x in answer[key][1])
                assert reference.situation_fits(items[key], entry, sale, after), sale.learner
        short = [
            r
            for r, c in after.items()
            if c > 0 and model - CENT <= r < estimate - reference.OPENING_ROUNDING - CENT
        ]
        for r in short:
            assert not reference.opening_passes(r, sale, after), sale.learner
            assert "breaks convention 1" in check._opening_notes([r], sale, after)
        changed += bool(short)
    assert changed > 0
    practice = check.practice_case()
    after = reference.posterior_after_opening(practice)
    answer = limits_by_rule(practice, after)["practice-come-back"][1]
    item = next(i for i in reference._PRACTICE_SITUATIONS if i.key == "practice-come-back")
    assert reference.situation_fits(item, tuple(float(x) for x in answer), practice, after)
