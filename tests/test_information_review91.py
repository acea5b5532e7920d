"""Module 01, review 91 (fixed in round 91): section 6 no longer cites Carr for the line
between a bluff and a misrepresentation, as module 00 says (C1); Question 5 says the news
readings its check passes in are made up and no answers to Question 3 (X1); Question 6's
marking rules sit in a collapsed box, and convention 1 states the bound the mark applies
(U1); Question 5b's shortcut to `None` is said with its reason (U2); Question 9 lists the
moves that take two labels (U3); a form error on the learner's own Question 6 or 9 answers
is no practice failure (X2). Each test failed on the code or text before this round."""

import re

from course.checks import information as check
from course.record import passed_checks
from course.variants import variant
from tests.notebooks import source_notebook
from tests.test_checks_information import (
    as_learner,
    cell_words,
    learner_where,
    limits_with,
    parts,
    plan,
    reference,
    solution,
)

MODULE = "01_information"
LEARNERS = [f"learner-{n}" for n in range(300)]


def test_carr_is_no_authority_for_the_line_as_module_00_says():
    """C1: the bullet on bluffs said "Carr defended such bluffs", as if his defence covered
    only claims about your own reservation price; he excused misstated facts too, and module
    00 says so. The bullet now says the same, and the line rests on the ABA comment."""
    guard = cell_words("guard-teaching")
    assert "Carr defended such bluffs" not in guard
    assert (
        "defended bluffing in business broadly, misstated facts included, so he is no authority "
        "for where the line falls (module 00); comment [2] to Rule 4.1" in guard
    )
    zero = " ".join(
        " ".join(c.source.replace("#", " ").split())
        for c in source_notebook("00_leverage", "leverage").cells
        if c.cell_type == "markdown"
    )
    assert "excused misstated facts too and so is no authority for this line" in zero


def test_question_5_says_its_news_readings_are_made_up_and_not_question_3_s_answers(
    monkeypatch,
):
    """X1: the text said the check passes in "the right beliefs and readings of its own, so a
    slip in Question 2 or 3 costs nothing here", which read as right readings. The text and
    the pass message now say the readings are made up, about half point the wrong way, none
    is flat, and none may be copied into Question 3; over 300 learners that is true."""
    five = cell_words("q5-text")
    assert "slip in Question 2 or 3 costs nothing" not in five
    # review 99 U1 (round 100): cut to one line; the facts are checked below
    assert (
        "The check passes in the right `after` and made-up readings (no answers to Question 3)"
        in five
    )
    as_learner(monkeypatch, "rv91a")
    message = parts(check.my_price(solution("my_price")))["the price under the cap"][1]
    # review 94 U2: the message quotes no price from the made-up reading, so needs no caveat
    assert "update `after` with your Question 3 reading and pass the result" in message
    pointing = wrong = 0
    for learner in LEARNERS:
        sale = variant(MODULE, learner)
        for key, given in reference.given_reading(sale).items():
            assert len(set(given.values())) > 1, (learner, key)  # none is flat
            truth = reference.news_likelihood(sale, key)
            prices = sorted(given)
            way = given[prices[-1]] > given[prices[0]]
            if len(set(truth.values())) > 1:
                pointing += 1
                wrong += way != (truth[prices[-1]] > truth[prices[0]])
    assert 0.35 < wrong / pointing < 0.65, (wrong, pointing)


def _box(six):
    """Question 6's text before its collapsed box, and the box."""
    start = six.index("<details>")
    return six[:start], six[start : six.index("</details>")]


def test_question_6_keeps_its_marking_rules_in_a_collapsed_box():
    """U1: Question 6 ran to 888 words, its table and three conventions on the learner's
    path. The keys, the situations and one line per assumption on what to name stay in the
    open; the table and the conventions are in a box "How your prices are checked"."""
    six = cell_words("q6-text")
    shown, box = _box(six)
    assert "<summary><b>How your prices are checked</b></summary>" in box
    assert "| assumption that fails | price the check accepts |" in box
    for convention in ("1. **Your opening**", "2. **Target**", "3. **Fair price**"):
        assert convention in box and convention not in shown
    for key, name in (
        ("final-offer", "name a plan `(opening, target)`"),
        ("accepts-any", "a *fair price* below the model's price"),
        ("risk-neutral", "a *safer price* below it"),
        ("honest-opening", "re-priced from what a shaded opening still proves"),
        ("none", "name the model's price"),
    ):
        line = re.search(rf'- `"{key}"`: (.*?);? - ', shown + " - ")[1]
        assert name in line, key
    for item in reference._PRACTICE_SITUATIONS:
        assert f"`{item.key}`" in shown
    assert len(shown.split()) < 600, len(shown.split())


def test_convention_1_states_the_bound_the_mark_applies():
    """U1: convention 1 gave a stricter rule (beyond your estimate only as far as a fact takes
    you) and then a looser mark, up to the highest price still possible, while the check
    accepts one step more (the reviewer's rv91c: 59,000 passes, 60,000 fails). It now states
    the mark's rule, with that step, and the hint for an opening past it names the bound. On
    300 learners the gap between neighbouring prices is one step, an opening at the bound
    passes and one a cent past it fails. Review 93 X1: the bound is now the highest price
    still possible itself (rv91c: 55,000 passes, 55,000.01 fails), and convention 1 says so
    in a sentence of its own."""
    _, box = _box(cell_words("q6-text"))
    assert "only as far as a fact you can name" not in box
    assert (
        # review 95 U1 (round 96): the €100 allowance is the check's, no longer the text's
        # review 97 U1 (round 98): the rule is stated once, where the situations are listed
        # review 99 C1, U1 (round 100): the clause "or any possible price at or above the
        # model's price" is gone, and the line moved into the box's row
        "opening: from the higher of your estimate and the model's price up to the highest "
        "reservation price still possible;" in box
    )
    assert "The mark accepts openings" not in box
    assert "one step above" not in box
    for learner in ("rv91c", *LEARNERS):
        sale = variant(MODULE, learner)
        after = reference.posterior_after_opening(sale)
        gaps = {b - a for a, b in zip(sale.reservations, sale.reservations[1:], strict=False)}
        (step,) = gaps
        bound = reference.ceiling(sale, after)
        assert step > 0 and reference.opening_passes(bound, sale, after), learner
        assert not reference.opening_passes(bound + 0.01, sale, after), learner
        if learner == "rv91c":
            assert bound == 55_000
    sale = variant(MODULE, "rv91c")
    after = reference.posterior_after_opening(sale)
    note = check._opening_notes([59_000], sale, after)
    assert "(€55,000) rests on no buyer" in note
    assert "Question 6's mark accepts openings up to that price." in note


def test_an_opening_past_the_bound_is_told_the_bound(monkeypatch):
    """U1 through the graded check: a plan opening one step past the bound loses the price
    mark with a hint that names the bound, and one at the bound keeps it (review 93 X1: the
    bound is the highest price still possible)."""
    sale = as_learner(
        monkeypatch,
        learner_where(lambda s: {"counter-offer", "board-rounds"} & set(s.situations)),
    )
    after = reference.posterior_after_opening(sale)
    key = next(k for k in ("counter-offer", "board-rounds") if k in sale.situations)
    bound = reference.opening_ceiling(sale, after)
    step = sale.reservations[1] - sale.reservations[0]
    assert check.model_limits(limits_with(**{key: plan(bound)}), hidden=True).earned == 2
    earned, said = parts(check.model_limits(limits_with(**{key: plan(bound + step)}), hidden=True))[
        "what to do"
    ]
    assert earned == 0 and f"({check._euros(bound)}) rests on no buyer" in said
    assert "accepts openings up to that price" in said


def test_question_5b_says_why_none_follows_where_no_price_lies_below(monkeypatch, capsys):
    """U2: "a lower price that earns sells no more surely" was hard to parse. The text and the
    check now say holds only push beliefs down, so only a lower price could follow, and none
    still earns. On 300 learners: where a count exists the price moves down; where no
    possible price lies between the cost and the model's price, the answer is None."""
    words = cell_words("q5b-text")
    assert "sells no more surely" not in words
    assert (
        # review 103 X3: such a learner's case is another learner's sale (pin re-pinned);
        # review 108 U3 (round 109): said plainly, a stand-in case
        "Holds only push beliefs down, so they can only move your price down. Where your "
        "opening raised the model's price, nothing lower is still possible and holds cannot "
        "move it: then the check tries a stand-in case" in words
    )
    floor = counted = 0
    for learner in LEARNERS:
        sale = variant(MODULE, learner)
        after = reference.posterior_after_opening(sale)
        count = reference.holds_before_moving(sale, after)
        if not reference.surer_prices(after, sale.cost):
            floor += 1
            assert count is None, learner
        if count is not None:
            counted += 1
            beliefs = dict(after)
            for _ in range(count):
                beliefs = reference.bayes_update(
                    beliefs, reference.hold_likelihood(beliefs, sale.opening_offer)
                )
            now = reference.best_move(after, sale.cost)[0]
            assert reference.best_move(beliefs, sale.cost)[0] < now, learner
    assert floor and counted


def test_question_9_lists_exactly_the_moves_that_take_two_labels():
    """U3: one long sentence named the moves on a line between two kinds ("from the side
    that knows more" seemed to qualify the threat too). They are now a list, and it is the
    check's: the three tactics with a second label are these, with these two labels."""
    nine = cell_words("q9-text")
    assert "sits on another line" not in nine
    listed = {
        "pretext-call": (
            "- a lie told to obtain information (the means is not yours, and the person asked "
            'relies on the lie): `"illegitimate"` or `"misrepresentation"`;'
        ),
        "rival-ultimatum": (
            '- a threat or warning you would not carry out: `"bluff"` or `"misrepresentation"`;'
        ),
        "fair-price": (
            "- an opinion of the machine's value you do not hold, voiced by you as the side that "
            'knows the machine better: `"bluff"` or `"misrepresentation"`'
        ),
    }
    for line in listed.values():
        assert line in nine, line
    assert nine.count("` or `") == 3
    two = {}
    for move in (*reference._TACTICS, *reference._PRACTICE_TACTICS):
        accepted = {label for label in check.TACTIC_LABELS if check._right_label(move, label)}
        if len(accepted) > 1:
            two[move.key] = accepted
    assert set(two) == set(listed)
    for key, labels in two.items():
        assert all(f'`"{label}"`' in listed[key] for label in labels), key


def _own_key_missing(right, own_key):
    """A right answer with one of the learner's own keys left out."""

    def answer(*args):
        given = right(*args)
        given.pop(own_key, None)
        return given

    return answer


def test_a_form_error_on_own_situations_is_no_practice_failure(monkeypatch):
    """X2: with the practice situations answered right and one own situation left out,
    Question 6's visible check said "Practice case: 0 of 2 right" and put the missing own key
    under both practice lines. The practice now passes; the form error is a line of its own,
    for no marks, naming the own key, and the question is not recorded as passed."""
    sale = as_learner(monkeypatch, "rv91c")
    credit = check.model_limits(_own_key_missing(limits_with(), sale.situations[1]))
    assert credit._header().startswith("Practice case: 2 of 2 right.")
    shown = {o.check: o for o in credit.outcomes}
    for name in ("practice: which assumption fails", "practice: what to do"):
        assert shown[name].passed and sale.situations[1] not in shown[name].message
    own = shown[check.OWN_SITUATIONS_FORM]
    assert not own.passed and own.points == 0 and not own.practice
    assert f"`{sale.situations[1]}`" in own.message
    assert "model_limits" not in passed_checks().get(MODULE, {})
    fine = check.model_limits(limits_with())
    assert all(o.passed for o in fine.outcomes)
    assert (
        "What your own prices do"
        in {o.check: o for o in fine.outcomes}[check.OWN_SITUATIONS_FORM].message
    )
    assert "model_limits" in passed_checks()[MODULE]


def test_a_form_error_on_own_lists_is_no_practice_failure(monkeypatch):
    """X2 for Question 9: an own label outside the choices failed a practice line. It is a
    line of its own now; the practice lines pass, and the question waits for the own form."""
    sale = as_learner(monkeypatch, "rv91c")
    right = {**reference.fair_play(sale), **reference.fair_play(check.practice_case())}
    odd = {**right, sale.tactics[0]: "clever"}
    credit = check.fair_play(lambda s: odd)
    assert credit._header().startswith("Practice case: 2 of 2 right.")
    own = {o.check: o for o in credit.outcomes}[check.OWN_LISTS_FORM]
    assert not own.passed and own.points == 0
    assert f"`{sale.tactics[0]}`" in own.message and "'clever'" in own.message
    assert "fair_play" not in passed_checks().get(MODULE, {})
    assert all(o.passed for o in check.fair_play(lambda s: right).outcomes)
    assert "fair_play" in passed_checks()[MODULE]
