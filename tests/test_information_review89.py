"""Module 01, review 89 (fixed in round 89): Question 6's `"none"` item no longer gives away
`first-number` (X1), its fair price's floor is a fifth of the gain (X2), its list of
conventions is headed so and anchoring is defined where Question 6 uses it (U1), Question
8's decision mark is said plainly (U2), Question 5's combined price says how the check reads
the news (U3), and Question 9's opinion of value is the better-informed side's (module 00's
review, C2). Each test failed on the code or text before this round."""

import re

import pytest

from course.checks import information as check
from course.variants import variant
from tests.test_checks_information import (
    cell_words,
    learner_where,
    limits_with,
    parts,
    practice_prices,
    reference,
    report_parts,
    solution,
)

MODULE = "01_information"


def test_the_none_item_gives_no_situation_away():
    """X1: the `"none"` item said a pull towards a number already read into your beliefs
    breaks no assumption, which is `first-number`'s story and answer (drawn for about half
    the learners). The item now says only that every assumption holds; the reference answer
    to `first-number` is still `"none"` at the model's price."""
    six = cell_words("q6-text")
    assert '- `"none"`: every assumption holds;' in six
    assert "breaks none of them" not in six and "a pull towards a number" not in six
    assert "section 5" not in six  # nothing in Question 6 points ahead to it now
    sale = variant(MODULE, learner_where(lambda s: "first-number" in s.situations))
    after = reference.posterior_after_opening(sale)
    model = reference.best_move(after, sale.cost)[0]
    assert reference.model_limits(sale, after)["first-number"] == ("none", model)


def _fair_item():
    return next(i for i in reference._SITUATIONS if i.key == "fair-share")


@pytest.mark.parametrize("start", range(0, 600, 100))
def test_a_fair_price_must_leave_a_fifth_and_every_learner_can_leave_a_quarter(start):
    """X2: a fair price passed when it left the buyer at the lowest reservation price still
    possible at or above it a tenth of the gain, which the text's own ultimatum evidence
    calls refused about half the time below a fifth. The floor is now a fifth: a price
    leaving 15% fails (it passed before), one leaving exactly a fifth passes, and every price
    in bounds leaving a quarter or more (the floor before review 88) still passes. Every
    learner with `fair-share` (about two in three) has such a quarter price, and the
    reference answer passes."""
    item, now_fail, asked = _fair_item(), 0, 0
    for n in range(start, start + 100):
        sale = variant(MODULE, f"learner-{n}")
        after = reference.posterior_after_opening(sale)
        model = reference.best_move(after, sale.cost)[0]
        floor = max(sale.cost, sale.opening_offer)
        alive = sorted(r for r, c in after.items() if c > 0)
        for r in (r for r in alive if sale.cost < r <= model):
            gain, below = r - sale.cost, [q for q in alive if q < r]
            for share, passes in ((0.15, False), (0.2, True), (0.25, True), (0.4, True)):
                price = r - share * gain
                if max([floor, *below]) + 1 < price < model - 1:
                    # review 108 X1 (round 109): the share is measured at the model's price,
                    # so below it a price passes when it leaves a buyer at the model's price
                    # a fifth (every price that passed before still does)
                    cap = model - reference.FAIR_FLOOR * (model - sale.cost) + 0.005
                    expected = passes if r == model else price <= cap
                    assert passes <= expected
                    assert reference.situation_fits(item, price, sale, after) == expected
                    now_fail += not expected
        if "fair-share" in sale.situations:
            asked += 1
            quarter = reference.fair_price(after, sale.cost, sale.opening_offer, 0.25)
            assert quarter is not None, sale.learner
            assert reference.situation_fits(item, quarter, sale, after), sale.learner
            fair = reference.model_limits(sale, after)["fair-share"][1]
            assert reference.situation_fits(item, fair, sale, after), sale.learner
    assert now_fail > 0 and asked > 40, (now_fail, asked)
    assert reference.FAIR_FLOOR == 0.2


def test_the_table_and_the_hint_say_a_fifth(learner):
    """X2: on `fair-case` (cost 51,000, the model's price 65,000), 63,320 leaves the buyer at
    65,000 1,680 of 14,000 (12%): it earned the practice mark, and the table said "a
    tenth". It now fails with a hint that says a fifth and why; the table says a fifth."""
    six = cell_words("q6-text")
    # review 108 X1 (round 109): the share measured at the model's price
    assert "at least a fifth of the gain (the model's price minus your cost)" in six
    assert "a tenth" not in six
    sale = check.fair_case()
    after = reference.posterior_after_opening(sale)
    assert reference.best_move(after, sale.cost)[0] == 65_000
    assert 0.1 < (65_000 - 63_320) / (65_000 - sale.cost) < 0.2

    def thin_on_fair_case(case, beliefs):  # the reference's price on the practice case
        right = reference.model_limits(case, beliefs)["practice-whole-gain"]
        return ("accepts-any", 63_320) if case.cost == check.FAIR_NUMBERS["cost"] else right

    earned, message = practice_prices(limits_with(**{"practice-whole-gain": thin_on_fair_case}))
    assert earned == 0
    assert "less than a fifth of the gain" in message
    assert "such offers are refused about half the time" in message
    assert practice_prices(solution("model_limits"))[0] == 1


def test_the_conventions_are_headed_as_question_6_names_them():
    """U1 (c): the table and the situations say "convention 1" and "convention 2", but the
    list they mean was headed "The course's advice". It is now headed "Conventions (the
    course's advice)", and every convention named in the module's text, its situations and
    the check's hints is an item of that list."""
    six = cell_words("q6-text")
    heading = six.index("Conventions (the course's advice):")
    items = re.findall(r"(\d)\. \*\*", six[heading:])
    assert items == ["1", "2", "3"]
    shown = " ".join(
        [
            six,
            cell_words("anchor-teaching"),
            check.ACTION_HINT,
            *(
                text
                for i in (*reference._SITUATIONS, *reference._PRACTICE_SITUATIONS)
                for text in (i._why_assumption, i._why_action)
            ),
        ]
    )
    named = re.findall(r"conventions? (\d)(?: and (\d))?", shown)
    assert named
    assert {n for pair in named for n in pair if n} <= set(items)


def test_anchoring_is_defined_where_question_6_uses_it():
    """U1 (a): after X1, Question 6 names anchoring only in the check's hint and in
    `first-number`'s feedback, both pointing ahead to section 5. Each now says what it is:
    adjusting too little away from a number you have met, as section 5 describes it."""
    assert (
        "Anchoring is the habit of adjusting too little away from a number you have met, even "
        "one that tells you nothing new." in " ".join(check.ACTION_HINT.split())
    )
    (first,) = [i for i in reference._SITUATIONS if i.key == "first-number"]
    assert "anchoring, the habit of adjusting too little away from a number you have met" in (
        first._why_action
    )
    assert "people adjust away from a starting number too little" in cell_words("anchor-teaching")


def test_question_8_says_plainly_when_the_decision_follows_your_worth(monkeypatch):
    """U2: "judged on your own worth where the check follows it" was opaque. The text now
    says the decision is judged against the learner's worth when the check names its slip,
    so one slip costs one mark; a worth the check cannot follow (0) is replaced by the
    right one, so a decision that follows it loses the mark (a worth on the other side of
    the fee from the right one)."""
    eight = cell_words("q8-text")
    assert "where the check follows it" not in eight
    assert (
        "one for the decision, judged against your worth when the check names its slip, so "
        "one slip costs one mark." in eight
    )

    def crosses_the_fee(sale):
        after = reference.posterior_after_opening(sale)
        _, now, _, buy = reference.report_decision(sale, after)
        return (sale.report_accuracy * now > sale.report_fee) != buy

    monkeypatch.setenv("LEVERAGE_LEARNER", learner_where(crosses_the_fee))
    sale = variant(MODULE)
    right = reference.report_decision(sale, reference.posterior_after_opening(sale))[3]

    def worth_as(worth_of):
        def report_decision(sale, after):
            before, now, _, _ = reference.report_decision(sale, after)
            worth = worth_of(sale, now)
            return before, now, worth, worth > sale.report_fee

        return report_decision

    slip = report_parts(worth_as(lambda sale, now: sale.report_accuracy * now))
    assert slip["the report's worth"][0] == 0 and slip["the decision"][0] == 1
    nothing = report_parts(worth_as(lambda sale, now: 0.0 if right else 2 * sale.report_fee))
    assert nothing["the report's worth"][0] == 0 and nothing["the decision"][0] == 0


def test_question_5_says_the_check_reads_every_piece_of_news(learner):
    """U3: the combined price under the cap used the check's reading of the news, which
    weights every piece up or down, even news that points nowhere (rv-alice's `marathon`),
    and the message did not say so. It does now, and it is true: over 100 learners every
    piece of the check's reading favours some prices, including every piece that points
    nowhere."""
    message = parts(check.my_price(solution("my_price")))["the price under the cap"][1]
    # review 90 U3: said in fewer words
    # review 91 X1: made up, not Question 3's answer, half the wrong way, none flat
    # review 94 U2: no price from that reading is quoted any more, so no caveat on it
    assert "update `after` with your Question 3 reading and pass the result" in message
    nowhere = 0
    for sale in (
        variant(MODULE, "rv-alice"),
        *(variant(MODULE, f"learner-{n}") for n in range(100)),
    ):
        reading = reference.given_reading(sale)
        assert set(reading) == set(sale.news)
        for key, likelihood in reading.items():
            assert len(set(likelihood.values())) > 1, (sale.learner, key)
            nowhere += len(set(reference.news_likelihood(sale, key).values())) == 1
    assert nowhere > 0


def test_an_opinion_of_value_on_the_line_is_the_better_informed_side_s():
    """Module 00's review C2: Question 9 put any "opinion of value you do not hold" between
    a bluff and a misrepresentation, while module 00 calls an untrue claim about what
    something is worth to you a bluff only. The line's reason (an opinion from the side
    that knows more can imply facts, section 6's "In law" box) covers an opinion of the
    machine's value from the side that knows more, and the text now says so."""
    nine = cell_words("q9-text")
    assert "an opinion of value you do not hold" not in nine
    # review 91 U3: a list of the two-label cases
    assert (
        "an opinion of the machine's value you do not hold, voiced by you as the side that "
        'knows the machine better: `"bluff"` or `"misrepresentation"`' in nine
    )
    assert "an opinion from the side that knows more" in cell_words("guard-teaching")
