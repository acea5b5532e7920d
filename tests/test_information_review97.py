"""Review 96 of module 01 (information), fixed in round 97: the belief updater blamed the
prior where no prior could help (X1). Each test fails on the code or text before this round."""

import html
import random

import pytest

from course.models.information import OfferNotExplained, posterior_after_offers
from course.widgets.information import EXAMPLE_PRIOR, BeliefUpdater

CROMWELL = "your prior gives no weight to the reservation prices that would explain it"
NO_PRICE = "No reservation price in this model explains it, whatever its weight"


def _said(updater):
    return " ".join(html.unescape(updater.status.value).split())


def _explains(value, offers):
    """Whether a buyer whose reservation price is ``value`` explains every one of ``offers``
    under the updater's model: the updater run with all the weight on ``value``."""
    try:
        posterior_after_offers({value: 1.0}, list(offers))
    except OfferNotExplained:
        return False
    return True


def _refused(typed):
    """The updater's words when ``typed`` follows the scripted buyer's opening (42)."""
    updater = BeliefUpdater()
    updater.next_button.click()
    updater.offer_box.value = typed
    updater.offer_button.click()
    assert updater.history.value.endswith("Offers so far:</b> 42")  # refused, not kept
    return _said(updater)


@pytest.mark.parametrize(
    ("typed", "reason"),
    [
        ("90", "it is above every reservation price you still believe possible (80)"),
        ("40", "it is below the buyer's last offer (42), and the model has no step back"),
    ],
)
def test_x1_a_step_back_or_an_offer_above_the_grid_does_not_blame_the_prior(typed, reason):
    """X1: after the opening 42, the text's 90 and a step back to 40 were refused with
    "or your prior gives no weight to the reservation prices that would explain it
    (Cromwell's rule)", false for both: no price on the sliders explains either, whatever
    its weight. The refusal now says so, and names no prior."""
    said = _refused(typed)
    assert reason in said
    assert not any(_explains(value, [42, float(typed)]) for value in EXAMPLE_PRIOR)
    assert f"{NO_PRICE}: this buyer is not behaving as the model assumes." in said
    assert CROMWELL not in said and "Cromwell" not in said


def test_x1_the_prior_is_named_with_the_prices_that_would_explain_the_offers():
    """X1: with all the weight on 40, the scripted opening (42) is refused, and there the
    Cromwell clause is true: 50, 60, 70 and 80 would each explain it, had the prior given
    them weight. The refusal names them, and only them."""
    updater = BeliefUpdater()
    for value, slider in updater.weights.items():
        slider.value = 5 if value == 40 else 0
    updater.next_button.click()
    said = _said(updater)
    explaining = [value for value in EXAMPLE_PRIOR if _explains(value, [42])]
    assert explaining == [50.0, 60.0, 70.0, 80.0]
    assert f"{CROMWELL} (Cromwell's rule): here 50, 60, 70 and 80." in said
    assert NO_PRICE not in said


def test_x1_a_price_ruled_out_by_an_earlier_offer_is_not_offered_as_a_cure():
    """X1: a price the prior leaves out, which would explain this offer alone but not the
    opening before it, is no cure: with weight 0 on 100 (the others 1), 90 after an opening
    of 42 fits a buyer at 100 taken on its own, yet 42 is below the band of such a buyer.
    The refusal names no prior (before, it blamed the prior here too)."""
    prior = {40.0: 0.25, 50.0: 0.25, 60.0: 0.25, 80.0: 0.25, 100.0: 0.0}
    assert _explains(100.0, [50, 90]) and not _explains(100.0, [42, 90])
    with pytest.raises(OfferNotExplained) as refused:
        posterior_after_offers(prior, [42, 90])
    assert refused.value.unweighted == ()
    assert NO_PRICE in str(refused.value) and CROMWELL not in str(refused.value)


def test_x1_over_drawn_priors_the_clause_appears_exactly_when_it_is_true():
    """X1, swept: over 400 drawn priors (some weights 0) and offer lists, each refusal names
    the prior exactly when some price it gives no weight to explains every offer so far,
    and names exactly those prices; otherwise it says no price in the model explains it.
    Before this round the prior was named in every refusal."""
    rng = random.Random(97)
    grid = (40.0, 50.0, 60.0, 70.0, 80.0)
    seen = {"named": 0, "not named": 0}
    for _ in range(400):
        weights = [rng.choice((0, 0, 1, 2, 3)) for _ in grid]
        if not any(weights):
            continue
        prior = {value: weight / sum(weights) for value, weight in zip(grid, weights, strict=True)}
        offers = [rng.choice((20.0, 30.0, 42.0, 55.0))]
        for _ in range(rng.randint(0, 3)):
            offers.append(offers[-1] + rng.choice((-3.0, 0.0, 4.0, 12.0, 30.0)))
        try:
            posterior_after_offers(prior, offers)
        except OfferNotExplained as error:
            read = offers[: error.round]
            cures = [v for v in grid if prior[v] == 0 and _explains(v, read)]
            assert list(error.unweighted) == cures
            said = str(error)
            if cures:
                seen["named"] += 1
                assert CROMWELL in said and NO_PRICE not in said
            else:
                seen["not named"] += 1
                assert NO_PRICE in said and CROMWELL not in said
                assert not any(_explains(v, read) for v in grid)  # the claim, checked
    assert seen["named"] > 20 and seen["not named"] > 20, seen


def test_x1_a_prior_changed_after_the_offers_names_the_prices_to_weigh():
    """X1: weights moved off 70 and 80 after the scripted buyer's four offers; the updater
    said "Give weight to other reservation prices"; it now names the ones that would
    explain the offers (70 and 80, each checked with all the weight on it)."""
    updater = BeliefUpdater()
    for _ in range(4):
        updater.next_button.click()  # 42, 53.20, 59.92, 63.95
    updater.weights[70.0].value = 0
    updater.weights[80.0].value = 0
    said = _said(updater)
    offers = list(updater.offers)
    assert [v for v in EXAMPLE_PRIOR if _explains(v, offers)] == [70.0, 80.0]
    assert "Give weight to 70 or 80, which would explain the offers, or start over." in said


def _six():
    from tests.sweeps import cell_text

    return " ".join(cell_text("01_information", "information", "q6-text").split())


def test_u1_question_6_names_every_case_its_practice_check_tries(monkeypatch):
    """U1: q6-text said the check judges the practice situations on `worked-case-0`, but
    the visible check also runs `model_limits` on `check.fair_case()` (for
    `practice-whole-gain`) and, for `staged-opening`, on the cases of
    `check.staged_cases()`; a learner first met them in a failure. One sentence now names
    them: each case the visible check passes to the function is one the text names."""
    from course.checks import information as check
    from tests.test_checks_information import as_learner, solution

    own = as_learner(monkeypatch, "rv97-u1")
    right, seen = solution("model_limits"), []

    def recording(sale, after):
        seen.append(sale)
        return right(sale, after)

    check.model_limits(recording)
    named = {
        "only the form of your own (graded later)": own,
        "practice situations on `worked-case-0`": check.practice_case(),
        "`check.fair_case()`": check.fair_case(),
        **{f"`{name}`": sale for name, sale in check.staged_cases().items()},
    }
    assert all(any(sale == case for case in named.values()) for sale in seen)
    assert all(any(sale == case for sale in seen) for case in named.values())
    assert check.fair_case().situations == ("practice-whole-gain",)
    assert all("staged-opening" in sale.situations for sale in check.staged_cases().values())
    six = _six()
    assert all(name in six for name in named)
    assert (
        "The check also tries your `practice-whole-gain` price on `check.fair_case()`, and "
        "your `staged-opening` price on `worked-case-0`, `worked-case-1`, `cut-case` and "
        "`tilt-case` (`check.staged_cases()`)." in six
    )


def test_u2_conventions_1_and_2_are_previews_of_modules_04_and_02():
    """U2: convention 1 called its rule "the rule module 04 teaches" and convention 2 "the
    band module 02 teaches", as if recalled; both modules come after this one, so each is
    now called a preview. The hard bounds (the table) are unchanged."""
    from course.course_map import MODULES

    six = _six()
    assert (
        "1. **Your opening**: a preview of the rule module 04 teaches (open at your estimate" in six
    )
    assert (
        "2. **Target**: a preview of the band module 02 teaches, halfway to three quarters" in six
    )
    assert "this is the rule module 04 teaches" not in six
    assert "**Target**: the band module 02 teaches" not in six
    order = [str(getattr(module, "folder", module)) for module in MODULES]
    here = next(i for i, name in enumerate(order) if "01_information" in name)
    for later in ("02_batna", "04_concessions"):
        assert next(i for i, name in enumerate(order) if later in name) > here
