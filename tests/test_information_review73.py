"""Module 01, review 73: grading and text. Each test failed on the code or text before this
round."""

from course.variants import variant
from tests.test_checks_information import (
    as_learner,
    cell_words,
    check,
    limits_with,
    model_price,
    own_labels,
    own_limits,
    parts,
    plan,
    practice_prices,
    reference,
)

HAGGLES = ("counter-offer", "board-rounds")


def _steps(sale, after):
    """(highest price still possible, one step of the reservations)."""
    return reference.ceiling(sale, after), sale.reservations[1] - sale.reservations[0]


def _haggle_key(sale):
    return next(key for key in HAGGLES if key in sale.situations)


def test_learner_003_may_open_a_little_above_the_highest_price_still_possible(monkeypatch):
    """X1 (the review's example): learner-003's highest price still possible is €72,000 and
    the model's price €66,000; an opening of €75,600, 5% above that price, with a target at
    the estimate, lost the prices mark. The ceiling was then one step of the reservations above
    the highest price still possible for every learner (room for the counter-offer).
    Session 75: a target at the estimate is now above the band, so the plans aim at its
    top, three quarters of the way. Review 93 X1 took the step back: an opening above every
    price still possible rests on no fact, so 75,600 fails again, with a hint that names
    €72,000 as the mark's top, and €72,000 passes."""
    sale = as_learner(monkeypatch, "learner-003")
    after = reference.posterior_after_opening(sale)
    top, step = _steps(sale, after)
    assert (top, model_price(sale, after), step) == (72_000, 66_000, 6_000)
    estimate = reference.expected_reservation(after)
    key = _haggle_key(sale)
    aim = sale.cost + 0.75 * (estimate - sale.cost)
    answer = limits_with(**{key: ("final-offer", (top, aim))})
    assert own_limits(answer).earned == 2
    for opening in (75_600, top + step, top + 2 * step):
        answer = limits_with(**{key: ("final-offer", (opening, aim))})
        earned, message = parts(own_limits(answer))["what to do"]
        assert earned == 0, opening
        # review 80 C2: the hint no longer offers the step; it names the top the text teaches
        assert "above the highest reservation price still possible after the opening" in message
        assert "(€72,000) rests on no buyer you still believe in" in message
        # review 91 U1: the mark's exact bound is stated; review 93 X1: that price itself
        assert "accepts openings up to that price" in message and "one step" not in message


def test_the_top_passes_for_everyone_and_a_step_above_fails_with_a_true_hint(
    monkeypatch,
):
    """C1: the step above the highest price still possible was granted only where that
    price was the model's own, and refused elsewhere with a hint ("grounded in no buyer you
    still believe in") that the exception contradicted. On learners of both kinds an
    opening one step above the top now passes; two steps above fails, and the hint says
    what is true of it (review 80 C2: above the highest price still possible, a price that
    rests on no buyer you still believe in; the text no longer offers the step). Review 93
    X1: the mark no longer grants the step either; the top itself passes for both kinds,
    and one euro above it fails."""
    kinds = {True: 0, False: 0}
    for n in range(150):  # review 76 X1: fewer situations, so fewer haggles
        sale = variant("01_information", f"learner-{n:03d}")
        if not set(HAGGLES) & set(sale.situations):
            continue
        after = reference.posterior_after_opening(sale)
        top, step = _steps(sale, after)
        at_top = model_price(sale, after) == top
        if kinds[at_top] >= 4:
            continue
        kinds[at_top] += 1
        as_learner(monkeypatch, sale.learner)
        key = _haggle_key(sale)
        assert reference.opening_ceiling(sale, after) == top
        assert own_limits(limits_with(**{key: plan(top)})).earned == 2, sale.learner
        for too_high in (top + 1, top + step, top + 2 * step):
            earned, message = parts(own_limits(limits_with(**{key: plan(too_high)})))["what to do"]
            assert earned == 0, (sale.learner, too_high)
            assert "rests on no buyer you still believe in" in message, sale.learner
            # review 91 U1: the mark's exact bound is stated; review 93 X1: the top itself
            assert "accepts openings up to that price" in message, sale.learner
    assert kinds == {True: 4, False: 4}


def test_the_practice_haggle_takes_the_same_top(learner):
    """C1 on the practice case (`practice-come-back`, highest price still possible €65,000,
    the model's price €61,000): an opening at €65,000 passes, one euro more (and one step
    more, which passed until review 93 X1) fails with the top's hint (review 80 C2: it names
    no step)."""
    practice = check.practice_case()
    after = reference.posterior_after_opening(practice)
    top, step = _steps(practice, after)
    assert (top, model_price(practice, after)) == (65_000, 61_000)
    assert practice_prices(limits_with(**{"practice-come-back": plan(top)}))[0] == 1
    for beyond in (top + 1, top + step):
        earned, message = practice_prices(limits_with(**{"practice-come-back": plan(beyond)}))
        assert earned == 0 and "rests on no buyer you still believe in" in message


def test_a_lone_price_above_every_buyer_is_not_told_a_first_offer_cannot_go_there(
    monkeypatch,
):
    """C1: the note on a lone price above the highest price still possible said it was
    grounded in no buyer "even as a first offer", which the opening rule now contradicts for
    every learner; it says what is true of one price and where an opening may go."""
    sale = as_learner(monkeypatch, "learner-003")
    after = reference.posterior_after_opening(sale)
    top, _ = _steps(sale, after)
    note = check._notes([("none", top + 1_000)], sale, after)
    assert "even as a first offer" not in note
    assert "as one price it sells to no one" in note
    assert "one step" not in note  # review 80 C2: the text no longer offers the step


def test_convention_1_states_one_ceiling_with_one_reason():
    """X1/C1: convention 1 capped the opening at the highest price still possible, "no buyer
    you still believe in pays more", then allowed some learners a step above it as "room for
    the counter-offer". It now states one ceiling for all with that one reason (review 80
    C2: the highest price still possible itself, a fact you can name; no step)."""
    words = cell_words("q6-text")
    assert "When it is the model's price itself, you may open up to one step" not in words
    # review 85 C1: beyond the floor only as far as a fact takes you; the mark's bound stays
    # review 88 C1: the mark's bound stays, and a possible price at or above the model's passes
    # review 91 U1: the mark's exact bound is stated; review 93 X1: that price, no step
    assert "up to the highest reservation price still possible" in words
    assert "one step above" not in words
    for key in HAGGLES:
        item = next(i for i in reference._SITUATIONS if i.key == key)
        why = " ".join(item._why_action.split())
        assert "beyond it only as far as a fact you can name takes you (Question 6's" in why
        assert "one step" not in why


def test_calling_your_inflated_opening_fair_is_drawn_as_a_move_on_a_line(monkeypatch):
    """X2: `fair-price` (calling your inflated opening "a fair price") accepted only "bluff".
    It now accepts a second label (review 73: "legitimate"; review 80 C1: "misrepresentation"
    in its place, tests/test_information_review80.py); the other labels still fail with the
    hint on an estimate of value, and it is drawn as no label's only example (group 0, as
    every move on a line)."""
    sale = as_learner(
        monkeypatch, next(f"learner-{n:03d}" for n in range(200) if "fair-price" in _tactics(n))
    )
    right = reference.fair_play(sale)
    assert right["fair-price"] == "bluff"
    for label in ("bluff", "misrepresentation", "Misrepresentation "):
        assert own_labels(lambda s, w=label: {**right, "fair-price": w}).earned == 2, label
    for wrong in ("legitimate", "illegitimate"):
        earned, message = parts(own_labels(lambda s, w=wrong: {**right, "fair-price": w}))[
            "fair and foul means"
        ]
        assert earned == 0 and "estimate of what the machine is worth" in message, wrong
    move = next(m for m in reference._TACTICS if m.key == "fair-price")
    assert move.group == 0 and len(move._also) == 1
    assert "either reading is accepted" in move._why


def _tactics(n):
    return variant("01_information", f"learner-{n:03d}").tactics


def test_the_target_beyond_the_estimate_follows_the_course_s_one_rule(monkeypatch):
    """C2: Question 6's convention 2 and section 5 let the target go "up to the estimate
    itself" when the opening goes beyond it, and the model answer aimed at the even split of
    cost and estimate there (learner-001: €43,322 against an opening of €47,000), where
    modules 02 and 04 aim halfway from the reservation price to the opening, never above the
    estimate (€43,500). Session 75: that rule was not monotone (a stronger fact could lower
    the target); the course's one rule now keeps every target between the even split and
    three quarters of the way to the estimate, wherever you open, and with no fact to name
    the model answer and key aim at the even split (€43,322); such a plan passes."""
    q6, anchor = cell_words("q6-text"), cell_words("anchor-teaching")
    assert "and up to the estimate itself only when you open beyond it" not in q6
    assert "up to the estimate itself when you open beyond it" not in anchor
    for words in (q6, anchor):
        assert "halfway from your reservation price to your opening" not in words
    # review 77 C1, U2: the band is stated once, in convention 2
    assert "halfway to three quarters of the way from your cost to your estimate" in q6
    sale = as_learner(monkeypatch, "learner-001")
    after = reference.posterior_after_opening(sale)
    estimate = reference.expected_reservation(after)
    opening = max(estimate, model_price(sale, after))
    assert (round(opening), round(sale.cost + (estimate - sale.cost) / 2)) == (47_000, 43_322)
    from tests.test_checks_information import solution

    answer = solution("model_limits")(sale, dict(after))
    plans = [price for broken, price in answer.values() if broken == "final-offer"]
    assert plans and all(abs(target - 43_322.5) < 1 for _, target in plans), plans
    assert all(reference.plans_by_the_course_rule(plan, sale, after) for plan in plans)
    assert own_limits(solution("model_limits")).earned == 2


def test_the_lost_customer_news_reads_one_way():
    """X4: "lost its largest customer and has packed a third fewer bags since" points lower
    on Osprey's need, but a buyer whose new line must replace the lost revenue could argue
    higher; the news now says Osprey has shelved its plans to expand, so "lower" is the
    one reading, as the check holds."""
    item = next(i for i in reference._NEWS if i.key == "lost-customer")
    assert "has shelved its plans to expand." in item.text
    assert item._direction == "lower"


def test_small_claims_are_said_as_the_numbers_and_sources_allow():
    """U4: the opening lies below the cost for 53 to 65 per cent of learners, not "most";
    U3: Question 5 sent the learner to Question 6's `tilt-case` before Question 6 or a staged
    opening was introduced; the nit: states adopted the ABA's Model Rules, not necessarily
    the comment."""
    price = cell_words("price-teaching")
    # review 79 E3 read 203 of 400 learners as "about half"; review 85 E1: 1,137 of 2,000
    assert "a loss for more than half of learners" in price  # review 88 U1
    assert "as it is for most learners" not in price
    q5 = cell_words("q5-text")
    assert "`tilt-case`" not in q5 and "staged_cases" not in q5
    guard = cell_words("guard-teaching")
    assert "which most US states have adopted for lawyers" not in guard
    # review 77 E1: the comment named by its number, [2]
    assert (
        "comment [2] to Rule 4.1 of the American Bar Association's Model Rules, the rules most "
        "US states follow for lawyers, notes" in guard
    )
