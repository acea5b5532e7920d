"""course.checks.concessions: the course's own solutions pass, each typical mistake gets a
hint that names it (never a bare AssertionError), and every hint is true of the answer."""

import functools
import io
import itertools
import math
import random
import re
from contextlib import redirect_stdout
from fractions import Fraction
from pathlib import Path
from types import SimpleNamespace

import pytest

import course
from course.checks import concessions as check
from course.checks.hints import NotYet
from course.course_map import MODULES, questions
from course.models.batna import TARGET_SHARE
from course.models.concessions import (
    TradeTable,
    package_points,
    preferred_trade,
    time_dependent_offer,
    trade_rank,
    trade_tier,
)
from course.scenarios.concessions import (
    _meso_rows,
    cheapest_start,
    closing_start,
    conceded_issues,
    landing_point,
    meso_triples,
    middle_package,
    pick_reading,
    reservation_of,
    statement_kinds,
    tied_closing_start,
)
from course.variants import hidden_cases_as
from tests.notebooks import solution_namespace
from tests.sweeps import Recording, cell_text

MODULE = "04_concessions"
QUESTIONS = questions(MODULE)


# An answer a check runs may not call an answer key, so the tests' answers write their
# steps out, as the notebook's solutions do.


def _true(s, key):
    """Whether the story gives statement ``key``'s figure for what it reports."""
    return s.facts.get(s.statements[key].about) == s.statements[key].figure


def _about(s, about):
    """The key of the statement that reports ``about``."""
    return next(k for k, st in s.statements.items() if st.about == about)


def _own_opening(s, anchor=None, quote=None):
    """Question 1's opening, worked out from the statements as the notebook's solution does."""
    market = [k for k in s.statements if _true(s, k) and s.statements[k].about != "birch"]
    key = max(market, key=lambda k: s.statements[k].figure)
    price = s.statements[key].figure if quote is None else min(s.statements[key].figure, quote)
    birch = _about(s, "birch")
    told = _true(s, birch) and s.alternative_price > s.their_guess
    return price, ((key, birch) if told else (key,))


def _own_tit_for_tat(mine, theirs, target):
    """Paced tit-for-tat giving back all it may: Orchard's step, capped by your own last one
    (before your first, by three fifths of the room to target); a hold otherwise."""
    own = [a - b for a, b in itertools.pairwise(mine) if a > b]
    cap = own[-1] if own else check.FIRST_SHARE * (mine[-1] - target)
    return max(mine[-1] - min(max(theirs[-1] - max(theirs[:-1]), 0), cap), target)


def _own_rank(option, needed):
    """A move's place by question 4's rule: free moves by joint points, then closing moves by
    your cost, then other concessions by exchange rate."""
    you, them = option["you"], option["them"]
    if trade_tier(option) == "free":
        return (2, you + them, you)
    if not isinstance(needed, bool) and them >= needed:
        return (1, you, them)
    return (0, them / -you, you)


def _own_preferred(options, needed=True):
    """The move question 4's rule picks among ``options``, or ``None`` when it stops."""
    free = [o for o in options if trade_tier(o) == "free"]
    if free:
        return max(free, key=lambda o: _own_rank(o, needed))
    if needed is False or (not isinstance(needed, bool) and needed <= 0):
        return None
    costly = [o for o in options if trade_tier(o) == "concession"]
    return max(costly, key=lambda o: _own_rank(o, needed), default=None)


@pytest.fixture
def answers(learner):
    """The source notebook's solutions, defined for learner 'ada'."""
    return solution_namespace(MODULE, "concessions")


def miss(check_function, answer, hidden=False):
    """The hint a check gives for ``answer``."""
    with pytest.raises(NotYet) as failure:
        check_function(answer, hidden=hidden)
    return str(failure.value)


@pytest.mark.parametrize("question", QUESTIONS)
@pytest.mark.parametrize("hidden", [False, True])
def test_the_course_solutions_pass(answers, question, hidden, capsys):
    getattr(check, question)(answers[question], hidden=hidden)
    assert "\N{CHECK MARK}" in capsys.readouterr().out


def test_hard_coding_the_learners_own_answers_fails_the_hidden_checks(answers):
    own = answers["scenario"]
    opening = answers["opening"](own, None)
    rivals = {
        rival: answers["opening"](own, anchor, rival) for anchor, rival in check._rivals(own, True)
    }

    def hard_coded(s, anchor, rival=None):
        return opening if rival is None else rivals.get(rival, opening)

    try:  # the visible check may add a public learner's case (review 57 W1), never refuse own
        check.opening(hard_coded)
    except NotYet as failure:
        assert "for learner self-check-" in str(failure)
    assert "every case grading tries" in miss(check.opening, hard_coded, True)
    offers = answers["meso"](own)
    check.meso(lambda s: offers)
    assert "every case grading tries" in miss(check.meso, lambda s: offers, True)


def test_a_hidden_failure_says_of_the_visible_cases_only_what_they_found(learner):
    """Hidden cases also run on the learner's own scenario, so a hidden failure may not say the
    function is right there; it says the visible cases pass only when the visible check passed."""

    own = course.variant(MODULE).learner

    def walks_just_below_the_limit(s, offer, next_ask, ceiling=None, in_writing=False):
        # review 79 X1: the visible check tries every case the hidden test tries on your
        # own scenario, so this mistake shows only on the hidden test's other learners
        reservation = reservation_of(s)
        if s.learner == own:
            return _respond_strictly(s, offer, next_ask, ceiling, in_writing)
        if next_ask is None:
            return "accept" if offer >= reservation else "walk away"
        if offer >= next_ask:
            return "accept"
        if reservation - 1 < offer < reservation:  # a round left, just below: walks
            return "walk away"
        return _shown_cap(s, offer, next_ask, ceiling, in_writing) or "counter"

    check.respond(walks_just_below_the_limit)  # the visible cases pass
    hint = miss(check.respond, walks_just_below_the_limit, True)
    assert hint.startswith("your function passes the visible cases but not every case")
    assert "right on your own scenario" not in hint

    def always_accepts(s, offer, next_ask, ceiling=None, in_writing=False):
        return "accept"

    assert "not 'accept'" in miss(check.respond, always_accepts)
    hint = miss(check.respond, always_accepts, True)
    assert "does not pass the visible cases yet" in hint and "passes the visible" not in hint


@pytest.mark.parametrize("key", [None, "key-1", "key-2", "key-3"])
def test_the_hidden_learners_differ_where_it_matters(learner, key):
    """If the hidden scenarios agreed with the learner's, hidden tests would prove nothing:
    so whatever the grading key (none: the self-check learners)."""
    with hidden_cases_as(key):
        hidden = list(check.HIDDEN_LEARNERS)
    scenarios = [course.variant(MODULE, learner) for learner in hidden]
    assert len({reservation_of(s) for s in scenarios}) >= 3
    assert len({_true(s, _about(s, "birch")) for s in scenarios}) == 2
    assert any("retailer" in s.facts for s in scenarios)
    assert any(
        not _true(s, _about(s, "survey")) or not _true(s, _about(s, "linden")) for s in scenarios
    )
    assert len({s.tighter for s in scenarios}) == 2
    # the true fact that grounds the opening is each of the three it can be
    assert {s.statements[_own_opening(s)[1][0]].about for s in scenarios} == {
        "survey",
        "linden",
        "retailer",
    }
    assert len({_own_opening(s) for s in scenarios}) == len(scenarios)
    assert len({str(check.equivalent_offers(s)) for s in scenarios}) == len(scenarios)
    # one of them has a package where the best exchange rate gives more than closes the deal
    assert any(closing_start(TradeTable(s.yours, s.theirs), s.their_minimum) for s in scenarios)


def test_an_unwritten_answer_says_to_replace_the_stub(learner):
    def opening(s, anchor):
        raise NotImplementedError()

    assert "Replace the line  raise NotImplementedError()" in miss(check.opening, opening)


# --- 1. opening ---------------------------------------------------------------------


def _key(s, kind, high=True):
    """A statement key of ``kind``; for facts, the one with the highest (or lowest) figure."""
    kinds = statement_kinds(s)
    keys = [k for k in s.statements if kinds[k] == kind]
    return (max if high else min)(keys, key=lambda k: s.statements[k].figure)


def test_the_opening_mistakes(learner):
    s = course.variant(MODULE)
    top = _key(s, "fact")
    figure = s.statements[top].figure
    invented = next((k for k, kind in statement_kinds(s).items() if kind == "invented"), None)
    assert "is not true" in miss(check.opening, lambda s, a: (s.their_estimate, invented))
    threat = miss(check.opening, lambda s, a: (s.their_estimate, _about(s, "demand")))
    assert "is a threat" in threat
    # the threat's intent is false, and the hint places it on module 00's line
    assert "not even true" in threat and "(module 00)" in threat
    # module 00 puts a stated plan you do not hold on its line, not flatly past it; review 108
    # C4 (round 109): the hint uses the table's words, "on the line between ..."
    assert "sits on the line between a bluff and a misrepresentation" in threat
    assert "not a tolerated bluff" not in threat
    hint = miss(check.opening, lambda s, a: (figure + 5, top))
    assert f"more than '{top}' can justify" in hint and f"names {figure:g}" in hint
    hint = miss(check.opening, lambda s, a: (s.their_estimate - 2, top))
    assert "is timid" in hint and f"{s.their_estimate:g}" in hint
    assert "is not a list of statements of your scenario" in miss(
        check.opening, lambda s, a: (100, "market")
    )
    assert "return a pair" in miss(check.opening, lambda s, a: 110)
    assert "should be a number" in miss(check.opening, lambda s, a: ("110", top))


def _learner_where(fits):
    for n in range(60):
        s = course.variant(MODULE, f"learner-{n}")
        if fits(s):
            return s
    pytest.fail("no learner of this kind among the first 60")


@pytest.mark.parametrize("kind", ["strong", "weak", "invented"])
def test_birch_is_told_when_it_beats_what_orchard_believes_and_never_when_inflated(kind):
    """An inflated Birch figure is a misrepresentation. Disclosure works through the other
    side's belief, and Birch was weak in every draw, so mentioning a strong alternative was
    never practised. A true Birch offer below Orchard's guess of Kite's other work must be kept
    private. One above it was required too, which failed 40% of learners for a defensible choice
    (it names a number below the opening); now either passes."""
    s = _learner_where(
        lambda s: {
            "strong": _true(s, _about(s, "birch")) and s.alternative_price > s.their_guess,
            "weak": _true(s, _about(s, "birch")) and s.alternative_price < s.their_guess,
            "invented": not _true(s, _about(s, "birch")),
        }[kind]
    )
    # on the public learners the visible check adds (review 57 W1), both follow the rule

    def telling(t, anchor, rival=None):
        price, said = _own_opening(t, anchor, rival)
        return price, ([said[0], _about(t, "birch")] if t.learner == s.learner else said)

    def keeping(t, anchor, rival=None):
        price, said = _own_opening(t, anchor, rival)
        return price, said[0]

    with course.variants.learner_as(s.learner):
        if kind == "strong":
            check.opening(telling)
            check.opening(keeping)
        else:
            hint = miss(check.opening, telling)
            check.opening(keeping)
    if kind == "weak":
        assert f"'{_about(s, 'birch')}' is true, but" in hint and "keep this one private" in hint
        assert f"less than the {s.their_guess:g} Orchard already believes" in hint
        # Orchard's reservation price is not what it "expects to pay"
        assert "expects to pay" not in hint
    if kind == "invented":
        assert f"'{_about(s, 'birch')}' is not true: Birch has offered" in hint


def test_both_kinds_of_birch_statement_are_drawn():
    drawn = [course.variant(MODULE, f"learner-{n}") for n in range(20)]
    kinds = {statement_kinds(s)[_about(s, "birch")] for s in drawn}
    assert kinds == {"fact", "invented"}


def test_an_answer_pulled_by_the_anchor_is_named(learner):
    def pulled(s, anchor):
        top, cited = _own_opening(s)
        return (top if anchor is None else (top + s.their_estimate) / 2), cited

    hint = miss(check.opening, pulled)
    assert "moved your answer from" in hint and "no pull beyond what it tells you" in hint
    assert "as if it had not spoken" not in hint  # the text says an anchor may tell you something
    check.opening(lambda s, anchor, rival=None: _own_opening(s, anchor, rival))


def test_an_answer_that_splits_the_difference_with_the_anchor_is_told_of_the_pull(learner):
    """Review 64 X2: an opening that split the difference with Orchard's anchor was told it
    was timid (true, but not the lesson), as the pulled price was judged before it was
    compared with the answer given with no anchor. The pull is now named first, and rests on
    the facts the learner can name, not on Orchard's alternatives. Seen failing on the old
    check."""

    def split(s, anchor):
        top, cited = _own_opening(s)
        return (top if anchor is None else (top + anchor) / 2), cited

    hint = miss(check.opening, split)
    assert "moved your answer from" in hint and "timid" not in hint
    assert "which rests on the facts you can name" in hint

    def split_exactly(s, anchor):  # any real number is a price: a Fraction is named too
        top, cited = _own_opening(s)
        return (top if anchor is None else (Fraction(top) + Fraction(anchor)) / 2), cited

    assert "moved your answer from" in miss(check.opening, split_exactly)


def test_a_rivals_quote_is_news_and_moves_the_opening(learner):
    """Any answer that ignored its anchor passed. A rival's written quote to Orchard changes its
    alternatives: an answer that ignores it (as it rightly ignores the anchor) opens above what
    Orchard can pay elsewhere and is told so; one that follows it passes."""

    def ignores_news(s, anchor, rival=None):
        return _own_opening(s)

    hint = miss(check.opening, ignores_news)
    # review 108 item 10 (round 109): the quote is the signed one Orchard showed you
    assert "signed quote that Orchard showed you" in hint and "news about its alternatives" in hint
    s = course.variant(MODULE)
    [(anchor, rival), (_, between), (_, above), *_] = check._rivals(s, hidden=False)
    top, said = _own_opening(s)
    assert reservation_of(s) < rival < s.their_estimate < between < top < above
    assert _own_opening(s, None, between) == (between, said)
    assert _own_opening(s, anchor, rival) == (rival, said)
    assert _own_opening(s, None, above) == (top, said)


def test_opening_at_the_rivals_quote_whatever_it_is_fails():
    """The text said 'open at `rival`', and every quote tried was below the estimate, so the
    rule was transcribed. A quote above the most a true fact justifies is tried too; opening at
    it is not grounded, and a quote between the estimate and that fact caps the price without
    moving the estimate."""

    def at_the_quote(s, anchor, rival=None):
        price, said = _own_opening(s)
        return (price if rival is None else rival), said

    for learner in ("ada", "learner-1", "learner-2"):
        with course.variants.learner_as(learner):
            hint = miss(check.opening, at_the_quote)
        assert "can justify" in hint, hint
    for learner in ("ada", "learner-1"):
        s = course.variant(MODULE, learner)
        top = _own_opening(s)[0]
        between = [q for _, q in check._rivals(s, True) if s.their_estimate < q < top]
        assert between and _own_opening(s, None, between[0])[0] == between[0]


def test_visible_opening_check_tries_a_quote_between_estimate_and_best_fact():
    """The text says question 1's check tries a rival's quote between your estimate and
    your best fact; only the hidden tests tried it, so an answer that caps the price only
    at a quote below the estimate got a tick saying the quote caps it, then failed
    grading. The visible check now tries that quote on the learner's own scenario, and
    its pass message says where a quote caps the price."""

    def caps_only_below_estimate(s, anchor, rival=None):
        price, said = _own_opening(s)
        if rival is not None and rival < s.their_estimate:
            price = rival
        return price, said

    for learner in ("ada", "learner-1", "learner-2"):
        with course.variants.learner_as(learner):
            hint = miss(check.opening, caps_only_below_estimate)
        assert "signed quote that Orchard showed you" in hint, hint  # review 108 item 10
        assert f"for learner {learner} gave" in hint  # the learner's own case, no hidden one
    flat = _flat()
    # review 76 X2: one rule for every quote below the most a true fact justifies
    # review 90 U2: one sentence, for a quote below your fact (a higher one changes nothing)
    assert "A quote below your best fact caps Orchard's reservation price" in flat  # r106 U6


def test_opening_pass_message_says_where_a_quote_caps_the_price(learner, capsys):
    check.opening(lambda s, anchor, rival=None: _own_opening(s, anchor, rival))
    out = capsys.readouterr().out
    assert "caps it whenever the quote is lower than your price" in out
    assert "between it and your best fact" in out


@pytest.mark.parametrize("kind", [int, float, Fraction])
def test_any_kind_of_number_is_an_opening_price(learner, capsys, kind):

    def answer(s, anchor, rival=None):
        price, key = _own_opening(s)
        return kind(int(min(rival or price, price))), key

    check.opening(answer)
    assert "\N{CHECK MARK}" in capsys.readouterr().out


# --- 2. concession plan -------------------------------------------------------------


def faratin(beta, target=None):
    """A plan on Faratin's curve with ``beta`` to ``target`` (default: the reservation price)."""

    def plan(s, opening):  # round 2 holds: Orchard has only opened
        end = reservation_of(s) if target is None else target(s, opening)
        last = s.rounds - 2
        return [opening] + [
            time_dependent_offer(t, last, opening, end, beta) for t in range(last + 1)
        ]

    return plan


def held_curve(s, start, target, beta):
    """Faratin's curve with ``beta`` from ``start`` to ``target``, after a hold in round 2
    (Orchard has only opened: question 2 holds there)."""
    last = s.rounds - 2
    return [start] + [time_dependent_offer(t, last, start, target, beta) for t in range(last + 1)]


def to_the_top(s, opening):
    """Section 2's target (session 75): the band's top, three quarters of the way from the
    reservation price up to the estimate, whatever the opening."""
    return reservation_of(s) + 0.75 * (s.their_estimate - reservation_of(s))


@pytest.mark.parametrize(
    ("plan", "hint"),
    [
        (faratin(0.5, to_the_top), "is bigger than an earlier one"),  # Boulware: steps grow
        (faratin(1.0, to_the_top), "is the same size as your first"),  # linear: steps hold
        # steps 1.5, 2, 2.5, 3, each within 1 of the one before
        (
            lambda s, o: [o, o, o - 1.5, o - 3.5, o - 6] + [o - 9] * (s.rounds - 5),
            "is bigger than an earlier one (1.50)",
        ),
        # steps 2, 2.5, 2.8 grow; the offers have one decimal, so the allowance is 0.1, and the
        # first growing step is caught
        (
            lambda s, o: [o, o, o - 2, o - 4.5, o - 7.3] + [o - 7.3] * (s.rounds - 5),
            "(2.50) is bigger than an earlier one (2.00) by more than rounding to one decimal",
        ),
        # rounded to whole numbers, steps 2, 3, 3 grow within rounding, and the hint says
        # the last concession is bigger than the first
        (
            lambda s, o: [o, o, o - 2, o - 5, o - 8] + [o - 8] * (s.rounds - 5),
            "your smallest concession after the first (3.00) is bigger than your first (2.00)",
        ),
        (faratin(1.5), "the even split between your"),  # all the way to the limit
        (faratin(1.5, lambda s, o: reservation_of(s) + 0.02), "the even split between your"),
        (faratin(6.0, to_the_top), "more than three fifths of all you plan to concede"),
        (lambda s, o: [o, o, o - 4, o - 1] + [o - 5] * (s.rounds - 4), "goes back up"),
        # review 112 X1 (round 113): a plan that never moves stops at its opening, at or
        # above the estimate: the hint names the target
        (lambda s, o: [o] * s.rounds, "the fault is your target"),
        (lambda s, o: [o + 1, *faratin(1.5, to_the_top)(s, o)[1:]], "should start at the opening"),
        (lambda s, o: faratin(1.5, to_the_top)(s, o)[:-1], "return a list of"),
        (
            lambda s, o: [o, o, o - 5, o - 7, o - 7, o - 11] + [o - 11] * (s.rounds - 6),
            "round 6",
        ),  # r105 U4: rounds from 1
        # a step right after Orchard's opening is a concession into silence
        (
            lambda s, o: [o - (o - _split(s)) * (1 - 0.5**t) for t in range(s.rounds)],
            "concedes in round 2",
        ),
    ],
)
def test_the_plan_mistakes(learner, plan, hint):
    assert hint in miss(check.concession_plan, plan)


def _split(s):
    """The even split between your reservation price and your estimate of Orchard's."""
    return (reservation_of(s) + s.their_estimate) / 2


def _middle(s):
    """The middle of module 02's band: five eighths of the way up to your estimate."""
    return reservation_of(s) + 0.625 * (s.their_estimate - reservation_of(s))


@pytest.mark.parametrize(
    "plan",
    [
        # a hold, then steps of 4, 3 and 2 parts that stop halfway between the even split and the
        # estimate, then holds (a plan of 4, 3, 2 thousand stopped above the estimate)
        lambda s, o: [
            o
            - (o - (_split(s) + s.their_estimate) / 2)
            * sum(([0, 4, 3, 2] + [0] * s.rounds)[:t])
            / 9
            for t in range(s.rounds)
        ],
        # a hold in round 2, waiting for Orchard's move, then shrinking steps (5, 3, 3 parts)
        # down to the even split that question 2 asks for
        lambda s, o: (
            [o, o] + [o - x * (o - _split(s)) / 11 for x in (5, 8)] + [_split(s)] * (s.rounds - 4)
        ),
        # a hold in round 2, then halving each step towards the even split
        lambda s, o: [o] + [o - (o - _split(s)) * (1 - 0.5**t) for t in range(s.rounds - 1)],
        # a plan to the band's middle rounded to whole thousands after the opening: equal
        # steps (session 75: to the top, from an opening at the estimate, the room can be
        # under 5 thousand, too little for whole steps that shrink; the text says keep decimals)
        lambda s, o: [o, o] + [round(x) for x in held_curve(s, o, _middle(s), 1.5)[2:]],
        # the highest β the question names, on the shortest talks
        faratin(2.0, to_the_top),
    ],
)
def test_reasonable_plans_pass(learner, capsys, plan):
    """Reasonable plans once rejected: a rounded plan, a leading hold, halving."""
    check.concession_plan(plan, hidden=True)
    assert "\N{CHECK MARK}" in capsys.readouterr().out


# --- 3. tit-for-tat -----------------------------------------------------------------


def test_the_tit_for_tat_examples_of_the_question(learner):
    s = course.variant(MODULE)
    assert check.tit_for_tat_offer(s, [118, 118, 114], [80, 85, 88], 100) == 111
    assert check.tit_for_tat_offer(s, [118, 118, 114], [80, 85, 91], 100) == 110  # capped at your 4
    assert check.tit_for_tat_offer(s, [118, 118, 114], [80, 85, 81], 100) == 114


def test_the_tit_for_tat_band_is_the_share_the_text_leaves_to_you(learner):
    """Section 3 once said concede about as much as Orchard gave (at least four fifths), and
    question 3 computed the offer for the learner (a recipe). How much of the most to give back
    is now the learner's call: the band runs from the whole matched concession to half of it,
    and the question's example gives its ends without computing the learner's other cases."""
    s = course.variant(MODULE)
    assert check.tit_for_tat_band(s, [118, 118, 114], [80, 85, 88], 100) == pytest.approx(
        (111, 112.5)
    )
    assert check.tit_for_tat_band(s, [118, 118, 114], [80, 85, 91], 100) == pytest.approx(
        (110, 112)
    )
    assert check.tit_for_tat_band(s, [118, 118, 114], [80, 85, 81], 100) == (114, 114)
    assert check.tit_for_tat_band(s, [118, 118], [80, 95], 100) == pytest.approx((107.2, 112.6))
    text = _flat()
    for words in (
        "you give from 2 up to 4",
        "an offer from 110 up to 112",
        "Rounding to whole thousands or to one decimal passes.",
    ):
        assert words in text
    # review 112 U3 (round 113): the intro's map says which questions apply a rule; the
    # question keeps what the check accepts
    assert "The check accepts any share from half of your allowance to all." in text
    assert "how much is your call" in text and "four fifths" not in text
    assert "from 111 up to 111.6" not in text  # the old worked recipe is gone


def _matched(s, m, t, g, share):
    """Your last offer lowered by ``share`` of the concession the rule matches."""
    return m[-1] - share * (m[-1] - _own_tit_for_tat(m, t, g))


@pytest.mark.parametrize("share", [0.55, 0.75, 0.9, 1.0])
@pytest.mark.parametrize("hidden", [False, True])
def test_a_step_of_half_or_more_of_the_matched_concession_passes(learner, share, hidden, capsys):
    """A learner who conceded a little less than the matched amount (r-0: 98 for 97.2) failed,
    though section 3 asks for about as much. Any share from half up is the learner's call (0.55
    and 0.75 failed the old check)."""
    check.tit_for_tat(lambda s, m, t, g: _matched(s, m, t, g, share), hidden=hidden)
    assert "✓" in capsys.readouterr().out


def test_half_of_orchards_concession_without_your_own_cap_fails(learner):
    """Giving back half of whatever Orchard concedes, uncapped by your own last step,
    lands inside the wider band in most cases; the visible check has a case where Orchard
    concedes more than twice your last step, and it fails there."""

    def halves(s, m, t, g):
        step = t[-1] - t[-2]
        return m[-1] if step <= 0 else max(m[-1] - step / 2, g)

    said = miss(check.tit_for_tat, halves)
    assert "more than the rule lets you give" in said and "expected" not in said


def _capped_by(pick):
    """Paced tit-for-tat whose most is Orchard's last concession and your own last one (or,
    before your first, three fifths of the room) combined by ``pick`` (``min``: the text's
    rule; ``max``: the reversed direction)."""

    def answer(s, m, t, g):
        step = t[-1] - max(t[:-1])  # new ground (review 73 X2)
        if step <= 0:
            return max(m[-1], g)
        own = [a - b for a, b in itertools.pairwise(m) if a > b]
        cap = own[-1] if own else check.FIRST_SHARE * (m[-1] - g)
        return max(m[-1] - pick(step, cap), g)

    return answer


def test_rule_2_matches_the_smaller_of_the_two_steps_as_the_text_says(learner, capsys):
    """Review 65 X3: rule 2's direction, paired. The text says the most you give back is
    Orchard's concession capped by your own last one ("never more than your own last
    step"), so of the two steps the smaller is matched. On the question's own example
    (Orchard concedes 6 after your 4) the answer that matches the smaller step passes and
    the one that matches the bigger fails, and over the check's histories the same pair
    passes and fails; a check with the direction reversed would fail both halves."""
    s = course.variant(MODULE)
    mine, theirs = [118, 118, 114], [80, 85, 91]
    band = check.tit_for_tat_band(s, mine, theirs, 100)
    assert check._in_band(_capped_by(min)(s, mine, theirs, 100), band, mine[-1])  # gives 4
    assert not check._in_band(_capped_by(max)(s, mine, theirs, 100), band, mine[-1])  # 6
    text = _flat()
    assert (  # r86 U1; review 89 U2: the caps as a list
        "your own last concession (holds do not count; before your first, three fifths of the "
        "room to your target)"  # review 112 U5 (round 113) in text  # review 91 U1
    )
    assert (
        "Orchard has now conceded 6 (91 against its best earlier 85), more than your last 4, "
        "so you give from 2 up to 4" in text
    )
    check.tit_for_tat(_capped_by(min))
    assert "\N{CHECK MARK}" in capsys.readouterr().out
    assert "rule lets you give" not in miss(check.tit_for_tat, _capped_by(max))


@pytest.mark.parametrize(
    ("share", "hint"),
    [
        (0.4, "less than half of what the rule lets you give"),
        (0.0, "and you held: that is less than half"),
        (1.1, "more than"),
    ],
)
def test_a_step_outside_the_band_gets_a_hint_true_of_it(learner, share, hint):
    """A step under half of the matched concession is named as too small, one over it as
    too big; neither hint names the offer to make."""
    said = miss(check.tit_for_tat, lambda s, m, t, g: _matched(s, m, t, g, share))
    assert hint in said and "expected" not in said


def _reservation(s):
    return reservation_of(s)


def _mirrored(mine, theirs):
    """Orchard's last move, copied both ways (Faratin's agents), a concession capped by
    your own last one."""
    step = theirs[-1] - theirs[-2]
    own = [a - b for a, b in itertools.pairwise(mine) if a > b]
    return min(step, own[-1]) if step > 0 and own else step


@pytest.mark.parametrize(
    ("wrong", "hint"),
    [
        (lambda s, m, t, g: m[-1] + (t[-1] - t[-2]), "moves the wrong way"),
        (lambda s, m, t, g: max(m[-1] + (t[-1] - t[-2]), g), "moves the wrong way"),
        (lambda s, m, t, g: m[-1] - _mirrored(m, t), "raised your ask by as much"),  # Faratin's
        (
            lambda s, m, t, g: min(max(m[-1] - _mirrored(m, t), g), m[0]),
            "raised your ask by as much",
        ),
        # conceding as much as Orchard stepped back
        (lambda s, m, t, g: max(m[-1] - abs(_mirrored(m, t)), g), "conceded 4 anyway"),
        # copying a step bigger than your own last one
        (lambda s, m, t, g: max(m[-1] - max(t[-1] - t[-2], 0), g), "more than your own last"),
        (
            lambda s, m, t, g: max(
                m[-1] - min(max(t[-1] - t[-2], 0), m[-2] - m[-1] or 99), _reservation(s)
            ),
            "below your target",
        ),
        (
            lambda s, m, t, g: max(
                m[-1] - (max(_mirrored(m, t), 0) if len(m) == 2 else max(t[-1] - t[0], 0)), g
            ),
            "copies everything Orchard has conceded",
        ),
        (
            lambda s, m, t, g: max(m[-1] - (m[-2] - m[-1]), g),
            "repeats your own last step",
        ),
        # relative tit-for-tat
        (lambda s, m, t, g: m[-1] * t[-2] / t[-1], "more than the rule lets you give"),
    ],
)
def test_the_tit_for_tat_mistakes(learner, wrong, hint):
    """Each mistake is caught by the visible cases, with its own hint."""
    assert hint in miss(check.tit_for_tat, wrong)


def _first_mistake(s, answer):
    """The general words of the hint for ``answer``'s first wrong visible case in ``s``."""
    target = check._plan_target(s)
    for mine, theirs in check._histories(s, False):
        value = answer(s, mine, theirs, target)
        band = check.tit_for_tat_band(s, mine, theirs, target)
        if not check._in_band(value, band):
            return check._tit_for_tat_mistake(s, mine, theirs, target, value, band)
    return None


def _own_step_as_last_difference(s, m, t, g):
    """Tit-for-tat with 'my last step' read as m[-2] - m[-1]: 0 before a first concession."""
    return max(m[-1] - min(max(t[-1] - t[-2], 0), m[-2] - m[-1]), g)


def _no_floor(s, m, t, g):
    """The rule's capped step with no floor at the target."""
    own = [a - b for a, b in itertools.pairwise(m) if a > b]
    cap = own[-1] if own else check.FIRST_SHARE * (m[-1] - g)
    return m[-1] - min(max(t[-1] - t[-2], 0), cap)


SAMPLE = [f"r-{i}" for i in range(200)]


def test_a_hold_before_the_first_concession_is_told_it_held_not_that_it_moved():
    """A function that holds where Orchard concedes before any concession of yours was
    told it 'moves the wrong way' (every learner): that hint fires only for an offer above
    your last one, and the hold gets a hint of its own."""
    for learner in SAMPLE:
        s = course.variant(MODULE, learner)
        hint, general = _first_mistake(s, _own_step_as_last_difference)
        assert "you held, but you have not conceded yet" in hint, learner
        assert "wrong way" not in hint and "holds" in general


def test_every_tit_for_tat_hint_of_an_offer_at_or_below_the_last_says_no_wrong_way():
    for learner in SAMPLE[:50]:
        s = course.variant(MODULE, learner)
        target = check._plan_target(s)
        for mine, theirs in check._histories(s, True):
            band = check.tit_for_tat_band(s, mine, theirs, target)
            for value in (mine[-1], mine[-1] - 1, target - 1):
                if not check._in_band(value, band):
                    hint, _ = check._tit_for_tat_mistake(s, mine, theirs, target, value, band)
                    assert "wrong way" not in hint and "raised your ask" not in hint, learner


def test_a_step_that_only_forgets_the_target_is_told_it_passes_the_target():
    """The rule's capped step with no floor was told it 'repeats your own last step' for
    37 of 200 learners, where the cap equals that step; the real fault is passing the
    target, and that hint now comes first."""
    for learner in SAMPLE:
        s = course.variant(MODULE, learner)
        hint, _ = _first_mistake(s, _no_floor)
        assert "below your target" in hint and "repeats" not in hint, learner


def test_a_rewarded_retraction_is_named_as_such():
    """After Orchard stepped back by 4, an answer that conceded 4 was told 'when Orchard raises
    its offer by some amount...', though Orchard raised nothing."""
    s = course.variant(MODULE, "learner-1")
    target = check._plan_target(s)
    mine, theirs = [106, 100, 97], [67, 75, 71]
    hint, _ = check._tit_for_tat_mistake(s, mine, theirs, target, 93, (97, 97))
    assert "stepped back by 4 and you conceded 4 anyway" in hint
    assert "raises its offer" not in hint and "raised its offer" not in hint


def test_no_history_concedes_into_silence():
    """Review 61 C1: question 3's example and every history in the check conceded in
    round 1, in answer to Orchard's opening alone, which section 3's rule 1 and question
    2's rule 3 forbid. Each concession of yours in a history now answers a concession of
    Orchard's in the round before, at least as big, after a hold in round 2; and so does
    the question's example."""
    for learner in SAMPLE[:40]:
        s = course.variant(MODULE, learner)
        for mine, theirs in check._histories(s, True):
            for k in range(1, len(mine)):
                if mine[k] < mine[k - 1]:
                    gave = theirs[k - 1] - theirs[k - 2] if k >= 2 else 0
                    assert gave >= mine[k - 1] - mine[k] > 0, (learner, mine, theirs)
    text = _flat()
    assert "`mine = [118, 118, 114]`" in text and "`theirs = [80, 85, 91]`" in text


def test_a_retraction_is_answered_with_a_hold_in_the_visible_cases(learner):
    s = course.variant(MODULE)
    target = check._plan_target(s)
    retracted = [(m, t) for m, t in check._histories(s, False) if t[-1] < t[-2]]
    assert retracted
    assert all(check.tit_for_tat_offer(s, m, t, target) == m[-1] for m, t in retracted)


# --- 4. next trade ------------------------------------------------------------------


def _frontier_rows(s):
    table = TradeTable(s.yours, s.theirs)
    return table, [(p, y, t) for p, y, t in table.packages if table.efficient(p)]


def test_the_landing_decision_is_graded(answers, learner):
    """Review 61 X1: section 4 says to choose where to land first, and no check graded
    it (the module had no ``check.landing``). The model answer passes, on the learner's
    own case and on others'; a landing best for Orchard, one that forgets Orchard's
    minimum, and one below the frontier each fail with a hint of their own."""
    check.landing(answers["landing"])
    check.landing(answers["landing"], hidden=True)

    def best_for_orchard(s, margin=0):
        _, rows = _frontier_rows(s)
        return max(rows, key=lambda r: (r[2], r[1]))[0]

    def no_minimum(s, margin=0):
        _, rows = _frontier_rows(s)
        return max(rows, key=lambda r: (r[1], r[2]))[0]

    def the_draft(s, margin=0):
        return dict(s.draft)

    hint = miss(check.landing, best_for_orchard)
    assert "land on the one best for you" in hint or "fewer than" in hint
    assert "fewer than" in miss(check.landing, no_minimum)
    hint = miss(check.landing, the_draft)
    assert "below the frontier" in hint or "fewer than" in hint


def test_stopping_once_orchard_has_its_minimum_fails_where_a_free_move_remains(answers):
    """Rule 1 makes a free move while one exists, even once Orchard has its minimum; a
    function that stopped there passed the visible check for some learners. A visible
    start now has Orchard's minimum met and a free move open, whenever the table has one."""
    from course.scenarios.concessions import met_start

    right = answers["next_trade"]

    def stops_at_minimum(s, current):
        if TradeTable(s.yours, s.theirs).points(current)[1] >= s.their_minimum:
            return None
        return right(s, current)

    for learner in LEARNERS:
        s = course.variant(MODULE, learner)
        if met_start(TradeTable(s.yours, s.theirs), s.their_minimum) is None:
            continue
        with course.variants.learner_as(learner):
            assert "the rule still moves from here" in miss(check.next_trade, stops_at_minimum)


def test_the_next_trade_mistakes(answers, learner):
    right = answers["next_trade"]

    def table_of(s):
        return TradeTable(s.yours, s.theirs)

    def any_concession(s, current):
        """The concession with the best rate, even where a free trade is open."""
        costly = [o for o in table_of(s).options(current, gives=True) if o["you"] < 0 < o["them"]]
        if not costly:
            return right(s, current)
        return max(costly, key=lambda o: o["them"] / -o["you"])["package"]

    def worst_rate(s, current):
        """Among concessions, the one with the fewest Orchard points per point you give."""
        options = table_of(s).options(current, gives=True)
        costly = [o for o in options if o["you"] < 0 < o["them"]]
        if right(s, current) is None or any(trade_tier(o) == "free" for o in options):
            return right(s, current)
        return min(costly, key=lambda o: o["them"] / -o["you"])["package"]

    def never_stops(s, current):
        """Concedes whether or not Orchard already has its minimum."""
        table = table_of(s)
        options = table.options(current, gives=True)
        best = _own_preferred(options, needed=True)
        return None if best is None else best["package"]

    def orchards_ideal(s, current):
        return {issue: levels[-1] for issue, levels in s.issues.items()}

    assert "create value before you concede" in miss(check.next_trade, any_concession)
    assert "of its points for each point you give up" in miss(check.next_trade, worst_rate)
    assert "does not need" in miss(check.next_trade, never_stops)
    assert "is not one move away" in miss(check.next_trade, orchards_ideal)
    assert "gave None" in miss(check.next_trade, lambda s, current: None)
    assert "return a package" in miss(check.next_trade, lambda s, current: "discount")


def by_rate(s, current):
    """The old closing rule, as a learner might write it: a free move if there is one, else
    the give with the best exchange rate, even where a cheaper move closes the deal."""
    table = TradeTable(s.yours, s.theirs)
    options = table.options(current, gives=True)
    if any(trade_tier(o) == "free" for o in options):
        return _own_preferred(options)["package"]
    if not table.needed(current, s.their_minimum):
        return None
    costly = [o for o in options if o["you"] < 0 < o["them"]]
    return max(costly, key=lambda o: (o["them"] / -o["you"], o["you"]))["package"]


def test_conceding_by_rate_alone_is_caught_where_a_cheaper_move_closes_the_deal():
    """The check marked the cheapest move that closes the deal wrong and wanted the best
    exchange rate, which gave away more. A learner with a package where the two rules disagree:
    the old rule fails with a hint that names the cheaper closing move, and the new rule passes."""

    for n in range(60):
        s = course.variant(MODULE, f"learner-{n}")
        table = TradeTable(s.yours, s.theirs)
        start = closing_start(table, s.their_minimum)
        if start is None:
            continue
        wanted = preferred_trade(
            table.options(start, gives=True), table.shortfall(start, s.their_minimum)
        )
        assert table.points(wanted["package"])[1] >= s.their_minimum
        assert by_rate(s, start) != wanted["package"]
        assert -wanted["you"] < table.points(start)[0] - table.points(by_rate(s, start))[0]
        with course.variants.learner_as(s.learner):
            hint = miss(check.next_trade, by_rate, True)
        assert "costs you only" in hint or "closes the deal" in hint, hint
        return
    pytest.fail("no learner has a package where the rate gives more than closes the deal")


def ranks_free_trades_by_orchards_gain(s, current):
    """The first version's rule for question 4: of the free trades, the one that gives Orchard
    most; otherwise the course's preferred trade."""
    table = TradeTable(s.yours, s.theirs)
    options = table.options(current, gives=True)
    free = [o for o in options if trade_tier(o) == "free"]
    if free:
        return max(free, key=lambda o: (o["them"], o["you"]))["package"]
    best = _own_preferred(options, table.shortfall(current, s.their_minimum))
    return None if best is None else best["package"]


def concedes_below_the_frontier(s, current):
    """A rule that skips rule 1 while Orchard needs points: it pays for the best exchange
    rate (a trade ratio below 1) though a free move, ratio 1 or more, is open."""
    table = TradeTable(s.yours, s.theirs)
    options = table.options(current, gives=True)
    needed = table.shortfall(current, s.their_minimum)
    costly = [o for o in options if trade_tier(o) == "concession"]
    if needed and costly:
        return max(costly, key=lambda o: _own_rank(o, needed))["package"]
    best = _own_preferred(options, needed)
    return None if best is None else best["package"]


def test_a_give_below_1_while_a_free_move_is_open_fails_visibly_for_every_learner():
    """Review 56 (C1): CONTENT.md's model for this module is a trade ratio of at least 1
    for every give (idea 7), and question 4's text said the ratio ranks none of its moves,
    so no graded item seemed to use it. Rule 1 is where it is graded: paying for a move
    (ratio below 1) while a free one is open fails every learner's visible check, and the
    question now says so."""
    for n in range(40):
        hint = _public_hint(check.next_trade, concedes_below_the_frontier, f"learner-{n}")
        assert hint is not None, n
    flat = _flat()
    # review 76 U1: question 4's tie notes are one sentence; rule 1 already says it
    assert "While a free move is open, no move with a ratio below 1 is right (rule 1)" not in flat


def test_where_the_rule_stops_none_is_the_answer(answers, learner):
    s = course.variant(MODULE)
    table = TradeTable(s.yours, s.theirs)
    landed = table.rule_path(s.draft, s.their_minimum)[-1]
    assert table.landed(landed, s.their_minimum)
    assert answers["next_trade"](s, landed) is None
    assert any(o["you"] < 0 < o["them"] for o in table.options(landed, gives=True))
    orchards = {issue: levels[-1] for issue, levels in s.issues.items()}
    assert answers["next_trade"](s, orchards) is None  # nothing left to give at all


# --- 5. equivalent offers -----------------------------------------------------------


def test_the_meso_mistakes(answers, learner):
    right = answers["meso"]
    s = course.variant(MODULE)
    table = TradeTable(s.yours, s.theirs)
    middle = middle_package(s)
    ideal = {issue: levels[0] for issue, levels in s.issues.items()}
    assert "worth about the same to you" in miss(check.meso, lambda s: [*right(s)[:2], ideal])
    assert "two of the packages are the same" in miss(check.meso, lambda s: [right(s)[0]] * 3)
    assert "three packages" in miss(check.meso, lambda s: right(s)[:2])
    floor = table.points(middle)[0]
    below = next(p for p, you, them in table.packages if you > floor and not table.efficient(p))
    assert "leaves value on the table" in miss(check.meso, lambda s: [below, *right(s)[:2]])
    assert "no more than splitting every issue" in miss(
        check.meso, lambda s: [middle_package(s), *right(s)[:2]]
    )


def test_three_offers_that_give_ground_on_the_same_issues_are_caught():
    for n in range(60):
        s = course.variant(MODULE, f"learner-{n}")
        table = TradeTable(s.yours, s.theirs)
        floor = table.points(middle_package(s))[0]
        rows = [r for r in table.packages if r[1] > floor and table.efficient(r[0])]
        for trio in itertools.combinations(rows, 3):
            values = [r[1] for r in trio]
            grounds = {conceded_issues(s, r[0]) for r in trio}
            if max(values) - min(values) <= 5 and len(grounds) < 3:
                with course.variants.learner_as(s.learner):
                    failure = miss(check.meso.__wrapped__, lambda s, t=trio: [r[0] for r in t])
                assert "give Orchard ground on the same issues" in failure
                return
    pytest.fail("no learner had such a set to try")


def test_an_offer_orchard_could_not_like_is_no_equivalent_offer():
    """The check accepted, and the reference used, a package worth 0 to Orchard ((100, 0) for
    learner-5 and learner-8), though the notebook says each offer should be one Orchard could
    like. Each must clear a quarter of the points Orchard needs to sign, and every learner has a
    set that does."""
    caught = 0
    for n in range(60):
        s = course.variant(MODULE, f"learner-{n}")
        assert meso_triples(s), s.learner
        table = TradeTable(s.yours, s.theirs)
        floor = table.points(middle_package(s))[0]
        rows = [r for r in table.packages if r[1] > floor and table.efficient(r[0])]
        for trio in itertools.combinations(rows, 3):
            values = [r[1] for r in trio]
            grounds = {conceded_issues(s, r[0]) for r in trio}
            low = min(r[2] for r in trio)
            if max(values) - min(values) <= 5 and len(grounds) == 3 and low < s.their_minimum / 4:
                with course.variants.learner_as(s.learner):
                    failure = miss(check.meso.__wrapped__, lambda s, t=trio: [r[0] for r in t])
                assert "points it needs to sign" in failure and "insult" in failure
                caught += 1
                break
    assert caught >= 3, caught


# --- 6. accept, counter or walk away ------------------------------------------------


def test_the_respond_mistakes(answers, learner):
    right = answers["respond"]

    def never_walk(s, offer, next_ask, ceiling=None, in_writing=False):
        answer = right(s, offer, next_ask, ceiling, in_writing)
        return "counter" if answer == "walk away" else answer

    def walk_when_low(s, offer, next_ask, ceiling=None, in_writing=False):
        low = offer < reservation_of(s)
        return "walk away" if low else right(s, offer, next_ask, ceiling, in_writing)

    def accept_above_limit(s, offer, next_ask, ceiling=None, in_writing=False):
        high = offer >= reservation_of(s)
        return "accept" if high else right(s, offer, next_ask, ceiling, in_writing)

    def walk_at_the_end(s, offer, next_ask, ceiling=None, in_writing=False):
        return "walk away" if next_ask is None else right(s, offer, next_ask, ceiling, in_writing)

    # review 70 X2: never walking away mid-talks is now the reading of every budget claim as
    # a test; what fails is countering in the last round, below the reservation price
    assert "so take your BATNA" in miss(check.respond, never_walk)
    cap = _respond_by_reading("cap")

    def accept_at_any_cap(s, offer, next_ask, ceiling=None, in_writing=False):
        if ceiling is not None and next_ask is not None and offer >= ceiling:
            return "accept"
        return cap(s, offer, next_ask, ceiling, in_writing)

    # review 73 X1: the claim is a test in every variant, so a cap reading is refused
    said = miss(check.respond, accept_at_any_cap)
    assert "section 5 reads the claim as a test, not a cap" in said
    assert "a low offer is a reason to answer, not to leave" in miss(check.respond, walk_when_low)
    assert "below the" in miss(check.respond, accept_above_limit)
    assert "above your reservation price" in miss(check.respond, walk_at_the_end)
    assert "return one of" in miss(check.respond, lambda s, o, n, c=None: "yes")


def test_an_offer_at_the_claimed_budget_is_no_reason_to_accept_or_walk(answers):
    """Review 73 X1: Orchard's "all the budget allows" is a test in every variant (no story
    gives a budget in writing), so an answer that takes any offer at the claimed ceiling
    (once the rule for a believable cap) fails for every learner of 200, visible, with the
    hint that names the cap reading; one that takes it in the last round below the
    reservation price fails grading with a true hint; the model answer passes."""

    def accepts_at_any_cap(s, offer, next_ask, ceiling=None, in_writing=False):
        if next_ask is not None and ceiling is not None and offer >= ceiling:
            return "accept"
        return answers["respond"](s, offer, next_ask, ceiling, in_writing)

    def takes_the_cap_at_the_end(s, offer, next_ask, ceiling=None, in_writing=False):
        if next_ask is None and ceiling is not None and offer >= ceiling:
            return "accept"
        return answers["respond"](s, offer, next_ask, ceiling, in_writing)

    for n in range(200):
        with course.variants.learner_as(f"learner-{n}"):
            s = course.variant(MODULE, f"learner-{n}")
            hint = miss(check.respond.__wrapped__, accepts_at_any_cap)
            assert "not 'accept'" in hint and "reads the claim as a test, not a cap" in hint
            # review 79 X1: the visible check tries the last-round cap too, so it fails there
            hint = miss(check.respond.__wrapped__, takes_the_cap_at_the_end)
            assert "not 'accept'" in hint and "walk away" not in hint
            assert f"below your reservation price {reservation_of(s):g}" in hint
            check.respond.__wrapped__(answers["respond"])
    for n in range(3):
        with course.variants.learner_as(f"learner-{n}"):
            check.respond.__wrapped__(answers["respond"], hidden=True)


ANSWERS = ("accept", "counter", "walk away")
NUMBER = r"(-?[\d.]+)"


@pytest.mark.parametrize("learner_id", ["ada", "learner-3", "hidden-2", "sweep-17"])
def test_every_respond_hint_is_true_of_the_offer(learner_id):
    """Each claim a hint makes about the offer, the next ask or the reservation price holds
    for the case it is given on (hints once said an offer above the reservation price was
    below it). Orchard's budget claim is a test in every variant (review 73 X1), so the
    hints are those of the answer as if it were not said."""
    s = course.variant(MODULE, learner_id)
    reservation = reservation_of(s)
    for offer, next_ask, _claim in check._offers(s, hidden=True):
        expected = check.best_response(s, offer, next_ask)
        for given in set(ANSWERS) - {expected}:
            hint, general = check._response_hint(s, offer, next_ask, expected, given)
            assert general and not re.search(r"\d", general)
            if re.search(rf"{NUMBER} is above your reservation price", hint):
                assert offer >= reservation
            if re.search(rf"{NUMBER} is below your reservation price", hint):
                assert offer < reservation
            if "is at least the" in hint:
                assert offer >= next_ask
            if "is below the" in hint:
                assert offer < next_ask
            if "at or above the even split" in hint:
                assert offer >= (reservation + s.their_estimate) / 2
            if "below the even split" in hint:
                assert reservation <= offer < (reservation + s.their_estimate) / 2
            if "this is the last round" in hint or "this was the last round" in hint:
                assert next_ask is None
            if "rounds remain" in hint:
                assert next_ask is not None
            assert "ceiling" not in hint


# --- every question names what its answer reads -------------------------------------


QUESTION_TEXT = {
    "opening": ("q1-text", lambda f, s: f(s, 60.0)),
    "concession_plan": ("q2-text", lambda f, s: f(s, _own_opening(s._scenario)[0])),
    "tit_for_tat": ("q3-text", lambda f, s: f(s, [118, 118, 114], [80, 85, 91], 100.0)),
    "next_trade": ("q4-text", lambda f, s: f(s, middle_package(s._scenario))),
    "meso": ("q5-text", lambda f, s: f(s)),
    "read_pick": (
        "q5b-text",
        lambda f, s: f(s, check.equivalent_offers(s._scenario), 0),
    ),
    "respond": ("q6-text", lambda f, s: f(s, 100, 110, None)),
    "relationship_reservation": (
        "relationship-text",
        lambda f, s: f(s, {"deal": 9.0, "polite walk-away": 6.0, "walk-out": 2.0}),
    ),
}


@pytest.mark.parametrize("question", list(QUESTION_TEXT))
def test_every_question_names_the_fields_its_answer_reads(answers, question):
    cell_id, call = QUESTION_TEXT[question]
    text = cell_text(MODULE, "concessions", cell_id)
    s = Recording(answers["scenario"])
    call(answers[question], s)
    # question 3 is given your target and reads nothing from the scenario
    assert s.read or question == "tit_for_tat"
    for field in s.read:
        assert f"s.{field}" in text, f"{cell_id} does not name s.{field}"


def test_the_story_does_not_tie_orchards_limit_to_a_market_rate_it_contradicts():
    """The story said Orchard would otherwise hire another studio at about the market rate,
    while the survey's rate sat 5 to 15 away from the estimate of Orchard's reservation price
    (below it in 'tighter' variants, above it otherwise). The estimate is said to weigh
    Orchard's budget and its cost of switching."""
    for n in range(40):
        s = course.variant(MODULE, f"learner-{n}")
        text = s.story()
        assert "market rate" not in text
        assert "what a year of design work is worth to its launches" in text
        # a cost of changing studio would raise Orchard's limit only for the studio it already
        # had (Linden), not for Kite
        assert "change of studio" not in text


def test_the_notebook_states_its_bargaining_sources_as_they_hold():
    """Rubinstein's model has no deadline, and tit-for-tat also won Axelrod's first tournament,
    whose games had a known length."""
    text = (Path(__file__).parents[1] / "source" / MODULE / "concessions.py").read_text()
    flat = " ".join(line.lstrip("# ").strip() for line in text.splitlines())
    assert "module 03's lesson from Rubinstein" not in flat
    # review 79 U2: the models of waiting (Sandholm and Vulkan, Rubinstein) are cut from
    # the Boulware aside; review 82 U6 cut the aside on the name's origin too
    assert "Sandholm and Vulkan's" not in flat and "discounts delay less" not in flat
    assert "Boulwarism" not in flat
    assert "slides to the last round or fails" not in flat
    assert "Its success depends on repeated play" not in flat
    assert "known length of 200 moves" in flat


def _accept_bullet():
    flat = _flat()
    start = flat.index("- **Accept** in three cases")  # review 83 C3: three, and accept or counter
    return flat[start : flat.index("- **Walk away**", start)]


def test_section_5s_cap_rule_for_a_credible_ceiling_is_the_answer_keys():
    """Review 66 X1: section 5's Accept bullet states the cap rule for a ceiling with
    evidence (ask no more than the cap, take an offer at it), as the Walk away bullet states
    its own side. Review 73 X1: no story gives such evidence, so question 6 reads every
    claim as a test and its hints never name a ceiling; the rule the text teaches for a
    credible cap is still the answer key's, which the check uses to recognise a cap
    reading: below the cap, counter; at it, accept."""
    bullet = _accept_bullet()
    assert "ask no more than the cap, and take an offer at it" in bullet
    assert "the cap is at or above your reservation price" in bullet
    for n in range(20):
        s = course.variant(MODULE, f"learner-{n}")
        cases = [
            (o, a, c)
            for o, a, c in check._offers(s, hidden=True)
            if c is not None and a is not None and reservation_of(s) <= c < a and o < c
        ]
        assert cases
        for offer, ask, ceiling in cases:
            assert check.best_response(s, offer, ask, ceiling) == "counter"
            assert check.best_response(s, ceiling, ask, ceiling) == "accept"


def test_section_5s_three_bullets_as_written_pass_question_6(learner, capsys):
    """Review 66 X1: the three bullets of section 5, applied as written, are a right answer to
    question 6, in the bullets' order or with the last round first. Review 73 X1: as written,
    a budget claim alone is not evidence, so the bullets' cap clauses never apply (no story
    gives a budget in writing); applied as if every claim were good evidence, they fail."""

    def by_the_bullets(s, offer, next_ask, ceiling=None, in_writing=False):
        reservation = s.alternative_price + s.extra_cost
        evidence = in_writing  # a claim alone is not evidence; a budget in writing is
        capped = evidence and ceiling is not None and ceiling >= reservation
        if next_ask is not None and (offer >= next_ask or (capped and offer >= ceiling)):
            return "accept"
        if next_ask is None and offer > reservation:
            return "accept"
        if next_ask is None or (evidence and ceiling is not None and not capped):
            return "walk away"
        return "counter"

    def last_round_first(s, offer, next_ask, ceiling=None, in_writing=False):
        reservation = s.alternative_price + s.extra_cost
        if next_ask is None:
            return "accept" if offer >= reservation else "walk away"
        shown = _shown_cap(s, offer, next_ask, ceiling, in_writing)
        return "accept" if offer >= next_ask else shown or "counter"

    for answer in (by_the_bullets, last_round_first):
        for hidden in (False, True):
            check.respond(answer, hidden=hidden)
    assert capsys.readouterr().out.count("\N{CHECK MARK}") == 4
    assert "reads the claim as a test, not a cap" in miss(check.respond, _respond_reading_a_cap)


def test_an_offer_at_a_claimed_ceiling_below_the_split_is_countered(learner):
    """Review 64 had a case where the rule took an offer at a believable ceiling above the
    reservation price. Review 73 X1: no story makes the claim believable, so the claim is a
    test: a visible case offers the claimed ceiling between the reservation price and the
    even split, where only "counter" is right; the rule that ignores the ceiling passes, and
    one that accepts at the ceiling fails with the cap-reading hint."""
    s = course.variant(MODULE)

    def ignores_the_ceiling(s, offer, next_ask, ceiling=None, in_writing=False):
        reservation = reservation_of(s)
        if next_ask is None:
            return "accept" if offer >= reservation else "walk away"
        shown = _shown_cap(s, offer, next_ask, ceiling, in_writing)  # only an unshown one
        return "accept" if offer >= next_ask else shown or "counter"

    cases = check._offers(s, hidden=False)
    split = (reservation_of(s) + s.their_estimate) / 2
    assert any(c is not None and reservation_of(s) <= c == o < split for o, a, c in cases)
    check.respond(ignores_the_ceiling)
    hint = miss(check.respond, _respond_reading_a_cap)
    assert "section 5 reads the claim as a test, not a cap" in hint


def test_the_notebook_says_what_orchard_would_pay_and_how_long_it_takes():
    """'what Orchard expects to pay' stood for its reservation price; three hours for a module
    of about 6,600 words and seven coded questions (21); a Rubinstein sentence that did not
    parse (23); Faratin's agents each know their own deadline (24); question 7's simulation runs
    10 rounds and prices to 200, not s.rounds (26); rounds counted from 0 and from 1 unannounced
    (22); the draft 'good for you' (2); a rule by rate alone (1)."""
    text = (Path(__file__).parents[1] / "source" / MODULE / "concessions.py").read_text()
    flat = " ".join(line.lstrip("# ").strip() for line in text.splitlines())
    # review 108 C3 (round 109): "the least it thinks you would take"
    assert "expects to pay" not in flat and "the least it thinks you would take" in flat
    assert "about three hours" not in flat and "four to four and a half hours" not in flat
    # 5 to 6 hours for a non-programmer, as the course map counts it
    # about seven hours (ten if Python is new), as the course map counts it
    assert "about seven hours" in flat and "about five to six hours" not in flat
    assert next(m for m in MODULES if m.folder == MODULE).minutes == 420
    assert "Likewise, in Rubinstein's model" not in flat  # review 79 U2
    # review 69 U1: shorter; each agent's own deadline, known to it and kept private
    assert "Each agent plans to reach its reservation price at its own deadline" in flat
    # review 72 E2: of Faratin's tactics, the time-dependent ones follow a schedule
    assert "Faratin's time-dependent tactics know their deadline" in flat
    assert "arena's 10 rounds and its bots" in flat
    # review 103 U4 (round 105): one numbering, stated once, not flagged twice
    assert flat.count("Rounds count from 1, the opening, as everywhere in the course") == 1
    assert flat.count("number rounds from 1") + flat.count("numbers rounds from 1") == 0
    assert "good for you, but below the frontier" not in flat
    assert "the one of those that costs you least" in flat
    assert "(the other way round from a trade ratio)" not in flat


def test_a_plan_rounded_to_whole_thousands_still_passes():
    """Question 2 allows up to 1 more than the smallest earlier concession, for rounding
    offers to whole thousands (the allowance applies to the smallest earlier step, not the one
    before). Rounding each offer of a shrinking curve
    (round or ceil) moves each step by less than 1 either way, so a rounded step exceeds
    any earlier rounded step by at most 1: the growth rule never fails such a plan (other
    rules may: rounding can leave the last step as big as the first, which the hint says)."""
    import math

    for n in range(150):
        s = course.variant(MODULE, f"learner-{n}")
        for start in check._openings(s, hidden=True):
            for beta in (1.2, 1.5, 2.0):
                # session 75: the middle of the band, clear of both lines by more than a
                # whole thousand (rounding up to the top's 3/4 could cross it)
                target = reservation_of(s) + 0.625 * (s.their_estimate - reservation_of(s))
                curve = held_curve(s, start, target, beta)
                for whole in (round, math.ceil):
                    plan = [float(whole(offer)) for offer in curve]
                    try:
                        check._check_plan(
                            plan, start, reservation_of(s), f"learner-{n}", s.their_estimate
                        )
                    except NotYet as failure:
                        assert "bigger than an earlier one" not in str(failure), str(failure)
                        assert "shrink at least once" in str(failure), str(failure)


def test_the_notebook_says_what_holds_of_trades_quotes_and_hints(learner):
    """The worked trade costs 18 more than the cheapest closing move (13); with any quote the
    check tries the opening range is the single price `rival` (12); trust also falls when the
    buyer leaves or time runs out, and patience is used up by retractions and, only while the
    ask is above the buyer's reservation price, by stalls (11); a believable cap counts at or
    above the reservation price (14); an anchor's pull is resisted while what it reveals may be
    used, as module 01 teaches."""
    from course.engine.bots import STRAIN, TRUST_CHANGE

    text = (Path(__file__).parents[1] / "source" / MODULE / "concessions.py").read_text()
    flat = " ".join(line.lstrip("# ").strip() for line in text.splitlines())
    assert "18 of your points more than the deal needs" not in flat
    assert 38 - 20 == 18 and "costs you 18 more than the cheapest move that closes" in flat
    # not only one price: quotes above the estimate are tried, and the text no longer gives
    # the answer
    for s in (course.variant(MODULE), *map(check._variant, check.HIDDEN_LEARNERS)):
        assert any(rival > s.their_estimate for _, rival in check._rivals(s, True))
    assert "open at `rival`" not in flat
    # review 82 U6: the aside listing each trust change is cut; what is left holds
    assert TRUST_CHANGE["deal"] > TRUST_CHANGE["polite walk-away"] > TRUST_CHANGE["it left"]
    assert min(TRUST_CHANGE.values()) == TRUST_CHANGE["walk-out"]
    assert "a deal raises it, a walk-out lowers it most" in flat
    assert "talks the buyer leaves cost a tenth" not in flat
    assert STRAIN["retraction"] and STRAIN["stall"]
    assert "while your ask is still above its reservation price, by offers you take back" in flat
    assert "a believable cap above your reservation price" not in flat
    assert "at a believable cap that is at or above your reservation price" in flat
    assert "as if their anchor had not been spoken" not in flat
    assert "as if their number had not been spoken" not in flat
    assert "Resist their number's pull; what it tells you about them you may still use" in flat


# --- opening, plans, trades and the text, case by case ---------------------------------


def _closing_against_short(n_learners=80):
    """(scenario, package, the closing move the rule takes, a concession that leaves
    Orchard short) for packages where nothing is free and some move closes the deal."""
    for n in range(n_learners):
        s = course.variant(MODULE, f"learner-{n}")
        table = TradeTable(s.yours, s.theirs)
        for package, _, _ in table.packages:
            needed = table.shortfall(package, s.their_minimum)
            if not needed or needed is True:
                continue
            options = table.options(package, gives=True)
            if any(trade_tier(o) == "free" for o in options):
                continue
            costly = [o for o in options if trade_tier(o) == "concession"]
            closing = [o for o in costly if o["them"] >= needed]
            if not closing:
                continue
            best = max(closing, key=lambda o: trade_rank(o, needed))
            for short in (o for o in costly if o["them"] < needed):
                yield s, package, needed, best, short


def _hint(s, package, needed, best, chosen):
    try:
        check._judge_choice(s, "here", chosen["package"], chosen, best, needed)
    except NotYet as failure:
        return str(failure)
    pytest.fail("a concession that leaves Orchard short passed")


def test_the_closing_hint_names_the_rate_only_when_the_learners_rate_is_better():
    """'a move that closes the deal beats a better exchange rate' was said of moves whose rate
    was lower than the closing move's (677 of 699 in one count). The hint now says the
    move leaves Orchard short, and names a better rate only when the learner's move has one."""
    seen = {True: 0, False: 0}
    for s, package, needed, best, short in _closing_against_short():
        higher = short["them"] / -short["you"] > best["them"] / -best["you"]
        hint = _hint(s, package, needed, best, short)
        assert "leaves it short" in hint, hint
        assert ("better gain per point" in hint) == higher, hint  # review 108 U2
        seen[higher] += 1
        if all(count >= 5 for count in seen.values()):
            return
    pytest.fail(f"too few cases of each kind: {seen}")


def test_unrounded_curves_pass_rule_3_and_rounding_is_named_when_it_breaks_it():
    """Question 2 invites time_dependent_offer with 1 < beta <= 2 and rounding to whole
    thousands, but a rounded beta = 1.2 plan failed for 18% of learners with a hint that did not
    say why. Unrounded, such curves never break rule 3 (steps never grow, the last smaller than
    the first); rounded, when the last step comes out as big as the first, the hint says that
    rounding did it and what to do."""
    named = 0
    for n in range(120):
        s = course.variant(MODULE, f"learner-{n}")
        reservation = reservation_of(s)
        for start in check._openings(s, hidden=True):
            for beta in (1.05, 1.2, 1.5, 2.0):
                target = (start + reservation) / 2
                curve = held_curve(s, start, target, beta)
                try:
                    check._check_plan(curve, start, reservation, "here", s.their_estimate)
                except NotYet as failure:
                    assert "bigger than" not in str(failure)
                    assert "shrink at least once" not in str(failure)
                plan = [float(round(offer)) for offer in curve]
                try:
                    check._check_plan(plan, start, reservation, "here", s.their_estimate)
                except NotYet as failure:
                    if "shrink at least once" in str(failure):
                        assert "keep more decimals" in str(failure)
                        named += 1
    assert named > 0


def test_an_exact_linear_plan_is_not_told_its_offers_are_rounded():
    """An exact linear plan (time_dependent_offer with beta 1, unrounded) whose offers happen to
    need at most three decimals, such as learner r-0's [108, 103.875, 99.75, 95.625, 91.5], was
    told 'your offers are rounded to three decimals' (57% of learners); its steps, unrounded,
    are equal, so the hint names no rounding. Where rounding could have hidden a shrink (steps
    of 1.9 at one decimal), the hint speaks of rounding only as a condition on what the learner
    did. The example is searched for (the first r-n whose plan has an offer that is not whole
    and none needing more than three decimals), so that a redraw of the scenarios keeps it."""

    def example(n):
        s = course.variant(MODULE, f"r-{n}")
        reservation = reservation_of(s)
        start = check._openings(s, hidden=False)[0]
        plan = held_curve(s, start, (start + reservation) / 2, 1.0)
        exact = all(round(offer, 3) == offer for offer in plan)
        return s, reservation, start, plan, exact and any(offer % 1 for offer in plan)

    s, reservation, start, plan, _ = next(e for e in map(example, range(50)) if e[-1])
    with pytest.raises(NotYet) as refusal:
        check._check_plan(plan, start, reservation, "here", s.their_estimate)
    assert "is the same size as your first" in str(refusal.value)
    assert "rounded" not in str(refusal.value)
    for n in range(200):
        s = course.variant(MODULE, f"learner-{n}")
        reservation = reservation_of(s)
        for start in check._openings(s, hidden=True):
            plan = held_curve(s, start, (start + reservation) / 2, 1.0)
            with pytest.raises(NotYet) as refusal:
                check._check_plan(plan, start, reservation, "here", s.their_estimate)
            assert "your offers are rounded" not in str(refusal.value), (n, plan)


def test_the_cap_after_a_hold_is_your_last_concession():
    """'your own last step' is the last time an offer of yours went down, but no case had a hold
    of yours followed by a big concession of Orchard's, so a rule that reads the cap from your
    last two offers only (no cap after a hold) passed every check."""

    def last_two_only(s, mine, theirs, target):
        step = theirs[-1] - theirs[-2]
        if step <= 0:
            return max(mine[-1], target)
        if mine[-2] > mine[-1]:
            step = min(step, mine[-2] - mine[-1])
        elif len(set(mine)) == 1:  # never conceded: the first-concession cap
            step = min(step, 0.6 * (mine[-1] - target))
        return max(mine[-1] - step, target)

    for learner in ("ada", "learner-1", "learner-2"):
        with course.variants.learner_as(learner):
            for hidden in (False, True):  # the visible cases tell them apart now too
                with pytest.raises(
                    NotYet, match=r"more than your own last concession|bigger than its own last one"
                ):
                    check.tit_for_tat(last_two_only, hidden=hidden)


def test_comparing_a_deal_with_a_walk_out_fails_for_every_learner():
    """For a learner whose polite and walk-out gains coincided, comparing a deal with a walk-out
    equalled the right answer in every table tried. A hidden table with larger stakes, where a
    walk-out costs clearly more, tells them apart for everyone."""

    def against_walk_out(s, next_year):
        return s.alternative_price + s.extra_cost - (next_year["deal"] - next_year["walk-out"])

    for n in range(3):
        s = course.variant(MODULE, f"learner-{n}")
        (larger,) = (
            t for t in check._tables(s, True) if t["polite walk-away"] - t["walk-out"] == 4
        )
        assert larger in check._tables(s, False)
        assert larger["walk-out"] < larger["polite walk-away"] < larger["deal"]
        assert larger["deal"] - larger["polite walk-away"] >= 8
        with course.variants.learner_as(s.learner):
            try:
                check.relationship_reservation(against_walk_out, hidden=True)
            except NotYet as failure:
                assert "not with the polite walk-away" in str(failure)
            else:
                pytest.fail("comparing a deal with a walk-out passed the hidden tables")


def test_the_next_year_gain_is_over_the_reservation_price():
    """The table's gain is the price next year less the reservation price (Birch's price plus
    the extra cost), which the text called a gain over the BATNA. Review 66 U4: "your
    reservation price" there read as this year's; the text names next year's and says it is
    the same figure."""
    from pathlib import Path

    text = (Path(__file__).parents[1] / "source" / MODULE / "concessions.py").read_text()
    flat = " ".join(line.lstrip("# ").strip() for line in text.splitlines())
    assert "gain over your BATNA" not in flat
    assert "gain over your reservation price" not in flat
    assert (
        # review 110 U7 (round 111): the gains, not the reservation price, are averaged
        "next year's gain over next year's reservation price (which is this year's; gains are "
        "averaged" in flat
    )
    assert "over next year's reservation price, as in the table above" in flat
    assert "gain over your BATNA" not in check.next_year.__doc__


def test_the_text_no_longer_credits_the_rule_with_the_landing_or_concessions_with_return():
    """The one-move rule was said to decide where on the frontier to land; a concession that
    does not close was said to bring equal value back; section 5 said 'move only in a trade'
    while section 4 allowed single gives."""
    from pathlib import Path

    text = (Path(__file__).parents[1] / "source" / MODULE / "concessions.py").read_text()
    flat = " ".join(line.lstrip("# ").strip() for line in text.splitlines())
    assert "then decide where on it to land" not in flat
    assert "decide where on it to land, and" not in flat
    assert "Where to land is one decision; how to get there is another." in flat
    assert "That is the sense in which the give still brings something" not in flat
    assert "**conditional** on the whole deal" in flat  # review 94 U3
    # review 74 C2: the step is capped by the new ground they gave, and still conditional;
    # review 97 U2 (round 98): step 3 points to rule 2, which states the cap, not restating it
    assert "Answer their next real move by rule 2, on a condition" in flat
    assert "Move only in a trade" not in flat


LEARNERS = [f"learner-{n}" for n in range(40)]


def _flat():
    text = (Path(__file__).parents[1] / "source" / MODULE / "concessions.py").read_text()
    return " ".join(line.lstrip("# ").strip() for line in text.splitlines())


def _low_fact(s):
    market = [k for k in s.statements if _true(s, k) and s.statements[k].about != "birch"]
    return min(market, key=lambda k: s.statements[k].figure)


def _has_true_low_fact(learner):
    s = course.variant(MODULE, learner)
    return _low_fact(s) not in _own_opening(s)[1]


@pytest.mark.parametrize("learner", [n for n in LEARNERS if _has_true_low_fact(n)][:8])
def test_citing_a_true_fact_below_the_opening_fails(learner):
    """An opening that also cites the true fact naming less than its price passed."""

    def with_low(s, anchor, quote=None):
        price, said = _own_opening(s, anchor, quote)
        return price, [*said, _low_fact(s)]

    with course.variants.learner_as(learner):
        s = course.variant(MODULE)
        hint = miss(check.opening, with_low)
        low = _low_fact(s)
        assert f"'{low}' is true, but it names {s.statements[low].figure:g}" in hint
        assert "argues against it" in hint
        hidden = miss(check.opening, with_low, hidden=True)
        assert "names less" in hidden
    assert (
        "a true market price below your opening (the survey's, Linden's, a retailer's) argues against it"
        in _flat()
    )


def test_citing_birch_below_the_opening_is_still_right_when_it_is_strong():
    """The rule against citing a price fact that names less than the opening is about price
    facts for the work, not Birch: a strong, true Birch offer names less than the opening and
    must still be told."""
    for learner in LEARNERS:
        s = course.variant(MODULE, learner)
        if _true(s, _about(s, "birch")) and s.alternative_price > s.their_guess:
            with course.variants.learner_as(learner):
                check.opening(_own_opening)
            return
    pytest.fail("no learner with a strong Birch")


def test_no_statement_of_a_studio_like_kite_names_less_than_orchards_limit():
    """In 'tighter' variants the survey said a studio like Kite's costs less than the estimate
    of Orchard's reservation price, which the rival-quote logic contradicts. A low survey figure
    is now for lighter work from smaller studios, and the story says Linden no longer takes the
    work."""
    tight = 0
    for learner in LEARNERS:
        s = course.variant(MODULE, learner)
        survey = s.statements[_about(s, "survey")]
        if "a studio like ours" in survey.text:
            assert s.facts["survey"] > s.their_estimate or "retailer" in s.facts, learner
        else:
            assert "lighter work" in survey.text and s.facts["survey"] < s.their_estimate
            tight += 1
        assert "stopped taking retail work" in s.story()
    assert tight > 0


def test_the_story_says_birch_has_offered_what_the_statement_says():
    """The story said Birch 'would pay'; the true statement says 'has offered'."""
    for learner in LEARNERS[:10]:
        s = course.variant(MODULE, learner)
        assert f"has offered you {s.alternative_price:g}" in s.story()
        assert "would pay" not in s.story().split("**What you know")[0]


def test_the_quote_and_the_invented_offer_have_different_names():
    """The parameter `rival` (a real quote to Orchard) and the statement `"rival"` (an invented
    offer to Kite) shared a word."""
    flat = _flat()
    assert "def opening(s, anchor, quote=None)" in flat and "rival=None" not in flat
    s = course.variant(MODULE, "learner-1")
    assert "rival" not in s.statements and "rival" not in {st.about for st in s.statements.values()}


def test_a_first_concession_is_capped_at_three_fifths_of_the_room():
    """After a hold, Orchard's first concession was copied in full, the whole planned concession
    in one step, against question 2's rule 4."""
    s = course.variant(MODULE, "learner-1")
    assert check.tit_for_tat_offer(s, [118, 118], [80, 95], 100) == pytest.approx(107.2)
    assert check.tit_for_tat_offer(s, [118, 118], [80, 85], 100) == 113  # small: in full
    assert check.tit_for_tat_offer(s, [98, 98], [60, 85], 83) == pytest.approx(89)

    def uncapped_first(s, mine, theirs, target):
        step = theirs[-1] - theirs[-2]
        if step <= 0:
            return max(mine[-1], target)
        own = [a - b for a, b in itertools.pairwise(mine) if a > b]
        if own:
            step = min(step, own[-1])
        return max(mine[-1] - step, target)

    for learner in LEARNERS[:5]:
        with course.variants.learner_as(learner):
            hint = miss(check.tit_for_tat, uncapped_first)
        assert "you have not conceded yet" in hint and "three fifths" in hint


def test_the_visible_check_catches_conceding_by_rate_alone_for_every_learner():
    """The cheapest closing move was tried only by the hidden check, so a rule by rate alone
    passed the visible one for every learner."""
    kinds = set()
    for learner in LEARNERS[:12]:
        s = course.variant(MODULE, learner)
        kinds.add(closing_start(TradeTable(s.yours, s.theirs), s.their_minimum) is None)
        with course.variants.learner_as(learner):
            hint = miss(check.next_trade, by_rate)
        assert "closes the deal" in hint, (learner, hint)
    assert kinds == {True, False}  # learners with and without such a package of their own


def test_the_visible_check_catches_conceding_the_cheapest_move_when_none_closes():
    """Where no single move gives Orchard all it still needs, the rule concedes by the best
    exchange rate; conceding the cheapest move instead passed the visible check for 27 of
    200 learners. The visible check now tries a package where the two differ, from the
    learner's own scenario or a public one, and the hint says why the move is wrong. Both
    kinds of learner are searched for, with and without such a package of their own (since
    the MESO redraw, 5 of learner-0..199 have none, learner-23 and learner-80 first)."""

    def cheapest_first(s, current):
        options = TradeTable(s.yours, s.theirs).options(current, gives=True)
        free = [o for o in options if o["you"] >= 0 and o["them"] >= 0 and o["you"] + o["them"] > 0]
        if free:
            return max(free, key=lambda o: (o["you"] + o["them"], o["you"]))["package"]
        them = sum(s.theirs[i][current[i]] for i in s.issues)
        needed = s.their_minimum - them
        costly = [o for o in options if o["you"] < 0 < o["them"]]
        if needed <= 0 or not costly:
            return None
        closing = [o for o in costly if o["them"] >= needed]
        return max(closing or costly, key=lambda o: (o["you"], o["them"]))["package"]

    kinds = {True: [], False: []}  # learners without and with such a package of their own
    for n in range(200):
        s = course.variant(MODULE, f"learner-{n}")
        none = cheapest_start(TradeTable(s.yours, s.theirs), s.their_minimum) is None
        if len(kinds[none]) < (2 if none else 10):
            kinds[none].append(s.learner)
        if len(kinds[True]) + len(kinds[False]) == 12:
            break
    assert len(kinds[True]) == 2 and len(kinds[False]) == 10, kinds
    for learner in kinds[True] + kinds[False]:
        with course.variants.learner_as(learner):
            hint = miss(check.next_trade, cheapest_first)
        assert "no single move gives Orchard" in hint, (learner, hint)
        assert "for each point you give up, your move only" in hint, (learner, hint)
        assert "has the highest gain per point" in hint, (learner, hint)  # r83 U2; r108 U2


def test_the_q4_hints_read_as_they_mean():
    """'yours only 21' read as 'your points'; '1 points per point' was ungrammatical."""
    text = Path(check.__file__).read_text()
    assert "yours only" not in text and "points per point you give up" not in text


def test_the_grounding_fact_is_never_more_than_a_sixth_above_the_estimate():
    """'at, or just beyond' did not fit an opening 12 above the estimate; the text now says how
    far beyond this module's facts go, and this holds it to that."""
    assert "never more than about a sixth above the estimate" in _flat()
    for n in range(300):
        s = course.variant(MODULE, f"learner-{n}")
        top = _own_opening(s)[0]
        assert s.their_estimate < top <= s.their_estimate * 7 / 6, s.learner


def test_section_4_says_what_its_ratios_and_sums_assume_and_where_it_departs():
    """The trade ratio alone was said to tell whether a move is free. Joint points and rates
    compare two sides' scales unannounced. The course departs from 'every give brings equal
    value back' on the frontier without saying so."""
    flat = _flat()
    assert "The first tells you whether a move is free" not in flat
    assert "whether a move pays for itself for you" in flat
    assert "A move is **free** when neither side loses points and at least one gains." in flat
    assert "the ratio alone cannot tell you whether a move is free" in flat
    assert "assumes that a point means as much to each side" in flat
    assert "that is where this course departs from the rule" not in flat
    assert "what comes back for a conditional concession is the deal itself" in flat
    # a ratio of 0.00 is not praised in itself: a single give is right only when rule 2
    # picks it, made conditional on the deal (the text once called it 'right for a
    # conditional concession on the frontier')
    assert "which is right for a conditional concession on the frontier" not in flat
    assert (  # review 102 U3: the planner shows one ratio, the exchange rate
        "a single give can still be the rule's move, made conditional: rule 2" in flat
    )


def test_the_plans_on_the_clock_are_named_as_such():
    """Section 2 warns against a schedule that moves on its own, while question 2's plan, the
    next-year engine and the low-ball widget all step every round. Section 2 states its rule
    and these exceptions together, once: the plan sets each step's size, the other side's
    move its time, and the two simulations say where they fall short of that."""
    flat = _flat()
    # review 69 U1: question 2's paragraph on the table is shorter
    # review 112 (round 113): Q2's sentence on this was cut (section 3's rule 1 says it)
    assert "you make the plan's next offer only in answer to a move of Orchard's" not in flat
    # review 88 C1: the plan caps each step; their move sets its time and how much of it.
    # Review 97 U2 (round 98): section 2's sentence saying so is cut; rule 2 keeps the cap
    assert "The plan sets each step's size; their move sets its time." not in flat
    rule_2 = flat[flat.index("2. Give back part of what they gave") : flat.index("3. If they")]
    assert "your plan's next step" in rule_2
    # review 66 U1/U2: the simulations' exception; review 102 U2: said where each is used
    # (review 88 U2: section 2's aside plays the same every-round plan)
    assert "These plans step every round, a little faster than section 3's rule" in flat
    assert "one every round: rougher than section 3's rule." in flat
    assert "(stepping every round is rougher than section 3's rule)" in flat
    # review 66 C1: the next-year plan now holds after the buyer's opening, as question 2's
    # rule 3 asks, and the aside says so instead of calling it "section 2's plan"
    assert (  # review 89 U3: the introduction's note is pointed to once, in section 5
        "a hold after the buyer's opening, then whole steps that never grow, one every round, "
        "down to section 2's target" in flat
    )
    assert "the engine plays section 2's plan (" not in flat
    assert "which section 2 advises against" not in flat
    assert "as section 2 advises: simpler" not in flat
    assert (
        "your reservation price is 50, you estimate the buyer's at 72 (it lies from 60 to 85), "
        "you opened at 84, a sixth above that estimate" in flat
    )
    from course.engine.practice import TARGET_SHARE, LowBallMoment

    moment = LowBallMoment(rng=__import__("random").Random(1))
    assert (moment.your_reservation, moment.opening, moment.rounds) == (50, 84, 12)
    # section 2's one target rule (review 62 C4; session 75: three quarters of the way up
    # to the estimate, no longer halfway to the opening)
    assert TARGET_SHARE == 0.75 and moment.estimate == 72 and moment.target == 67
    assert "your target is section 2's: three quarters of the way from your" in flat


def test_every_equivalent_offer_asks_at_least_the_landing_point():
    """For some learners every accepted set of equivalent offers was worth less to Kite than the
    frontier package it plans to land on, and most learners had one set only."""
    caught = 0
    for n in range(40):
        s = course.variant(MODULE, f"learner-{n}")
        table = TradeTable(s.yours, s.theirs)
        land = max(you for you, them in table.frontier if them >= s.their_minimum)
        trios = meso_triples(s, table)
        assert len(trios) >= 2, s.learner
        assert all(row[1] >= land for trio in trios for row in trio), s.learner
        # a set that meets every other rule but asks less than the landing point fails
        looser = _meso_rows(table, middle_package(s), s.their_minimum / 4)
        timid = [trio for trio in looser if min(row[1] for row in trio) < land]
        if timid:
            with course.variants.learner_as(s.learner):
                hint = miss(check.meso.__wrapped__, lambda s, t=timid[0]: [r[0] for r in t])
            assert "less than your landing with no cushion" in hint, hint
            caught += 1
    assert caught >= 3
    assert "worth at least as much to you as `landing(s, 0)`, your landing with no cushion" in (
        _flat()
    )  # review 86 U1: the call no longer nested in a parenthesis


def test_the_q4_hints_name_the_criterion_not_the_package():
    """Weak exercises: Q4's hints printed the exact package the rule wants, so a learner
    could reach green by copying hints. Each hint now shows only the package tried."""
    for learner in LEARNERS[:6]:
        with course.variants.learner_as(learner):
            for wrong in (by_rate, lambda s, current: None):
                hint = miss(check.next_trade, wrong)
                assert hint.count("{discount: ") == 1, hint  # the package tried, in `where`


def test_question_7_leaves_the_comparison_to_the_learner():
    """Weak exercises: the text named the two entries to subtract; the learner now decides
    which way the difference moves, and the check tries tables where a deal helps next
    year, makes no difference and makes it worse (review 77 C1: the alternative to a deal
    is the polite walk-away, the course's way of leaving)."""
    flat = _flat()
    assert "than after a polite walk-away;" not in flat
    # review 82 C1/C4: the table gives the way, question 7 how far
    assert "The table below gives the way the difference moves the least you would" in flat
    s = course.variant(MODULE, "learner-1")
    tables = check._tables(s, hidden=True)
    assert all(t["polite walk-away"] > t["walk-out"] for t in tables)
    assert {
        (t["deal"] > t["polite walk-away"]) - (t["deal"] < t["polite walk-away"]) for t in tables
    } == {1, 0, -1}


def test_the_text_gives_the_share_the_sweep_measures():
    """Redrawing the scenarios changed how often the one-move rule stops short from the
    middle: about half (tests/test_variants_sweep_concessions.py measures it), no longer most."""
    flat = _flat()
    assert "stops short in about half of the learners' cases" in flat
    assert "stops short in most learners' cases" not in flat


def _levels_more(s, package, than):
    return {i for i, levels in s.issues.items() if levels.index(package[i]) > levels.index(than[i])}


def _orchard(s, package):
    return sum(s.theirs[i][package[i]] for i in s.issues)


@pytest.mark.parametrize(
    ("wrong", "hint"),
    [
        (lambda s, offers, k: set(), "the pick tells you something your research missed"),
        (  # a surprise read into every pick
            lambda s, offers, k: _levels_more(s, offers[k], offers[(k + 1) % 3]) or {"discount"},
            "",
        ),
        (  # the issues where the pick gives less ground
            lambda s, offers, k: (
                set()
                if offers[k] == max(offers, key=lambda p: _orchard(s, p))
                else _levels_more(s, max(offers, key=lambda p: _orchard(s, p)), offers[k])
            ),
            "",
        ),
        (lambda s, offers, k: "delivery", "return a set of issue names"),
        (lambda s, offers, k: {"price"}, "is not an issue of the contract"),
    ],
)
def test_the_read_pick_mistakes(wrong, hint):
    """Weak exercises (Q5): nothing asked what Orchard's pick among the equivalent offers
    tells Kite. Question 5b does; each mistake fails the visible check with a hint."""
    for learner in LEARNERS[:4]:
        with course.variants.learner_as(learner):
            failure = miss(check.read_pick, wrong)
        assert hint in failure, failure
    assert "**Reading the pick.**" in _flat()


def _any_ground(s, offers, k):
    """Every issue on which the pick gives Orchard any ground, unless it is the best-rated."""
    best = max(offers, key=lambda p: _orchard(s, p))
    return set() if offers[k] == best else {i for i in s.issues if offers[k][i] != s.issues[i][0]}


def test_reading_any_ground_for_more_ground_fails_the_visible_pick_check_for_every_learner():
    """Naming every issue the pick gives ground on, not only those where it gives more
    than the best-rated offer, passed the visible check for about half the learners and
    then lost the mark at grading; a visible set now tells the two apart."""
    for learner in SAMPLE:
        with course.variants.learner_as(learner):
            hint = miss(check.read_pick, _any_ground)
            assert "ground than the offer your research rated best for it" in hint, learner
            assert "says nothing new" not in hint, learner


def _every_difference(s, offers, k):
    """Every issue on which the pick and the best-rated offer differ, either way."""
    best = max(offers, key=lambda p: _orchard(s, p))
    return set() if offers[k] == best else {i for i in s.issues if offers[k][i] != best[i]}


def test_an_issue_where_the_pick_gives_less_is_not_told_the_pick_says_nothing_new():
    """Review 69 X3: naming an issue on which the picked offer gives Orchard less ground
    than the best-rated one was told "the pick says nothing new about that issue", though
    by section 4's reading it hints that Orchard values that issue less. The hint now says
    the pick does not suggest Orchard values it more (if anything, less)."""
    told = 0
    for learner in SAMPLE[:60]:
        with course.variants.learner_as(learner):
            hint = miss(check.read_pick, _every_difference)
        assert "says nothing new" not in hint, learner
        if "gives it less ground than" in hint:
            told += 1
            assert "does not suggest Orchard values that issue more (if anything, less)" in hint
    assert told >= 10, told


def _likeliest_only(s, offers, k):
    """Only the issue on which the pick gives Orchard most more (by the research) than the
    best-rated offer: the one a reader of 'one pick ranks issues' would name."""
    best = max(offers, key=lambda p: _orchard(s, p))
    more = _levels_more(s, offers[k], best)
    if offers[k] == best or not more:
        return set()
    return {max(sorted(more), key=lambda i: s.theirs[i][offers[k][i]] - s.theirs[i][best[i]])}


def test_one_pick_is_read_as_candidates_and_the_hint_asks_for_all_of_them():
    """Review 74 E1/X3: "one pick ranks issues against each other" and "probably matter
    relatively more" claimed more than one choice shows (one inequality in Orchard's
    weights), while question 5b's key wants every issue the pick gives more ground on, so
    naming only the likeliest was refused with a hint that did not say why. The text now
    says one pick gives one inequality and makes candidates it cannot tell apart, question
    5b asks for all of them, and the hint says one pick cannot say which."""
    text = _flat()
    assert "One pick ranks issues against each other" not in text
    assert "probably matter relatively more" not in text
    # review 75 E1: a pick beats both offers it turned down, not one
    assert "The pick beats both offers it turned down" in text
    assert "One pick cannot say which, nor rank or price them" in text
    assert "their choice shows what matters to them" not in text
    question = " ".join(cell_text(MODULE, "concessions", "q5b-text").split())
    assert "makes candidates for ones Orchard values relatively more" in question
    assert "all of them, not only the likeliest" in question
    told = 0
    for learner in SAMPLE[:40]:
        with course.variants.learner_as(learner):
            try:
                hint = miss(check.read_pick, _likeliest_only)
            except pytest.fail.Exception:
                continue  # every pick case of this learner has a single candidate
        assert "one pick cannot say which, so name them all" in hint, learner
        told += 1
    assert told >= 5, told


def test_the_visible_pick_cases_are_among_the_hidden_ones():
    for learner in LEARNERS[:10]:
        s = course.variant(MODULE, learner)
        hidden = check._pick_cases(s, True)
        assert all(case in hidden for case in check._pick_cases(s, False))


def test_the_planner_and_section_3_say_move_where_a_give_is_meant_too():
    """Unclear passages: the planner said 'any trade' and 'one-level trade' where single
    gives count too; section 3's rule ran as one long sentence, now four numbered parts,
    the second with question 3's first-step cap."""
    from course.widgets import concessions as planner

    text = Path(planner.__file__).read_text()
    assert "the most any move here creates" in text and "any trade here" not in text
    assert "one-level trade here" not in text
    flat = _flat()
    assert "has four parts:" in flat
    assert "1. Concede only in answer to a concession of theirs, never into silence." in flat
    assert (  # review 86 U1; review 89 U2: the caps as a list
        "Your **allowance** is the smallest of four numbers: their concession; your plan's next "
        "step; your own last concession (holds do not count; before your first, three fifths "
        "of the room to your target); and the room left to your target. Give between half of "
        "your allowance and all of it." in flat  # review 112 U5 (round 113)  # review 91 U1
    )


def test_section_5_answers_the_low_ball_with_a_hold_as_rule_3_does():
    """Section 5's step 3 ("move only on a condition, and only your planned step") endorsed a
    step forward after a sudden drop, which section 3's rule 3 forbids after a retraction. Now
    it says to hold, and to step only when they move back."""
    text = _flat()
    assert "Move only on a condition, and only your planned step" not in text
    # review 97 U2 (round 98): step 3 points to rule 3 (a hold; an undo is no concession)
    # and to rule 2 for the next real move, without restating them
    assert "is a retraction: answer it by section 3, rule 3" in text
    assert "Answer their next real move by rule 2" in text
    assert "An offer that only takes back its own retraction is not a concession" in text


def test_section_5_caps_the_step_after_a_low_ball_by_the_new_ground_as_rule_2_does(answers):
    """Review 74 C2: section 5's step 3 said to answer a real move after a low-ball "with
    your planned step", though section 3's rule 2 (and question 3's check) caps what you
    give back at the other side's new ground. In the 6b rubric's case (plan 120, 120, 116.3,
    113.4 since session 75's target of 109; Orchard 68, 76, 51) a move to 78 is 2 of new
    ground against a planned 2.9. Step 3 now caps the step, and the rubric's answer gives 2,
    as question 3's model answer. Review 78 C1: step 3 still capped the step by the plan's
    next one, where rule 2 and question 3 cap it by your last step: after your step of
    3.67, with 2.93 planned next, Orchard's 3.5 of new ground may be given back in full.
    Step 3 and the rubric now name rule 2's cap."""
    text = _flat()
    assert "answer it with your planned step" not in text and "planned step, never" not in text
    # review 97 U2 (round 98): step 3 points to rule 2, which states the cap
    assert "Answer their next real move by rule 2, on a condition" in text
    assert "the smallest of four numbers: their concession; your plan's next step; your own" in (
        text
    )
    kite = SimpleNamespace(alternative_price=80, extra_cost=5, rounds=7, their_estimate=117)
    plan = answers["concession_plan"](kite, 120)
    mine, theirs = [*plan[:3], plan[2]], [68, 76, 51, 78]
    assert round(plan[2] - plan[3], 1) == 2.9 and round(plan[-1], 1) == 109  # planned step
    after = answers["tit_for_tat"](answers["scenario"], mine, theirs, plan[-1])
    assert round(plan[2] - after, 1) == 2 and round(after, 1) == 114.3  # all of the 2
    # review 88 C1: the plan caps each step (rule 2), so the answer names the planned step
    assert (
        "If Orchard then offers 78, 2 beyond its 76, I give those 2, to 114.3, not my plan's "
        # review 114 X4: the give is phrased, conditional on the deal
        "full 2.9 (rule 2), and say: 'I can come to 114.3 if we sign the framework on these "
        "terms.'" in text
    )
    # review 75 U5: at 114.3 against 78 a 2-point step cannot settle anything
    assert "and only if that settles it" not in text
    # review 78 C1's numbers: a move to 79.5 is 3.5 of new ground, more than the planned
    # 2.93 and less than the last step of 3.67: question 3's check, which passes no plan,
    # accepts all of it (review 88 C1: rule 2 caps it at the plan's next step, so the check
    # accepts more than the rule, never less)
    assert round(plan[1] - plan[2], 2) == 3.67 and round(plan[2] - plan[3], 2) == 2.93
    mine, theirs = plan[:3], [68, 76, 79.5]
    lowest, _ = check.tit_for_tat_band(answers["scenario"], mine, theirs, plan[-1])
    assert lowest == pytest.approx(plan[2] - 3.5)
    assert check._in_band(plan[2] - 3.5, (lowest, _), plan[2])


def test_the_intro_says_which_graded_questions_are_decisions_and_which_apply_rules():
    """Review 74 C1: the intro said "The graded questions are decisions on your own case",
    while question 4 says it checks a convention, not a decision on your case, and
    questions 3 (the check's own target and histories), 5b (the check's sets and picks)
    and 6 (section 5's rule; the ceiling is read as a test in every case) apply rules
    too. The intro now names them."""
    text = _flat()
    assert "The graded questions are decisions on your own case" not in text
    # review 75 C1: 'most' was false: questions 1, 2 and 5 hold 6 of the 14 coded marks
    assert "Most graded questions are decisions on your own case" not in text
    assert (  # review 83 U4 and review 85 X1: the intro names the rule questions
        # review 112 U3 (round 113): in words for learners; 4b's written part is question
        # 4b's own text ("the written part below marks your cushion")
        "Questions 1, 2, 4b and 5 ask you to decide on your own case: your opening, your plan "
        "of concessions, where you land, three offers at once. Questions 3, 4, 5b and 6 ask "
        "you to follow the module's rules; 7 asks which way the relationship moves your price, "
        "7b how far." in text  # review 87 C3
    )
    assert "the written part below marks your cushion." in text  # review 103 X5
    source = (Path(__file__).parents[1] / "source" / MODULE / "concessions.py").read_text()
    coded = {
        grade_id: int(points)
        for points, grade_id in re.findall(
            r'"solution": false, "locked": true, "points": (\d+), "grade_id": "([a-z-]+)"',
            source,
        )
    }
    # review 76 U6: question 4b's landing is the learner's own cushion, a decision too;
    # review 103 X5 (round 105): but its coded mark checks only the rule (the cushion is
    # marked in the written part), so it is no longer counted with the coded decisions
    decisions = ("opening-test", "concession-plan-test", "meso-test")
    # review 86 X1: one of question 7's marks moved to the written 6b (14 -> 13 coded)
    assert (sum(coded[g] for g in decisions), sum(coded.values())) == (6, 13)
    assert coded["landing-test"] == 1
    # review 79 C2: question 7 asks you to decide how far to move (the size is yours);
    # review 86 X1: that decision is now written and graded in 6b, the formula keeps 1
    assert coded["relationship-test"] == 1
    assert "Move the least you would accept the table's way" in text  # review 82 C4
    # review 85 X1: question 7 is listed with the rule questions (its size is graded as any)
    # review 87 C3: 7 checks only the way; 6b asks how far
    assert "Questions 1, 2, 4b and 5 ask you to decide on your own case" in text
    assert "Questions 1, 2 and 5 are decisions" not in text
    # review 112 U3 (round 113): the intro says it; question 4 keeps the rule's order
    assert "The check follows section 4's rule: free moves first (it accepts any free move)" in text
    # review 110 C1 (round 111): the target runs from the even split up to your best fact
    assert "`target` is your section 2 target (the check passes its own)" in text
    assert "by section 5's rule:" in text


def test_margin_means_one_thing_and_orchards_points_over_its_minimum_are_its_cushion():
    """Review 74 U1: "margin" named the room between your target and your reservation price
    (sections 2 and 3) and, in question 4b, its written part, question 5 and their hints,
    the points you leave Orchard above its minimum. The second is now Orchard's cushion
    wherever a learner reads it. Review 82 U3: the two were still near-synonyms, so the
    first is now plain "room for a last trade", and no learner reads "margin" at all (the
    grade_id margin-judgement stays: grading reads it)."""
    source = (Path(__file__).parents[1] / "source" / MODULE / "concessions.py").read_text()
    learner_lines = [
        line for line in source.splitlines() if "margin" in line.lower() and "grade_id" not in line
    ]
    assert learner_lines == [], learner_lines
    assert "keeping room for a last trade" in _flat()  # review 110 U4 (round 111)
    hints = Path(check.__file__).read_text()
    assert "keep a margin" not in hints and "keep the margin" not in hints
    assert "with a margin above" not in hints and 'f"margin above' not in hints
    for cell in ("landing-text", "margin-text"):
        said = " ".join(cell_text(MODULE, "concessions", cell).split())
        assert "margin" not in said.lower() and "cushion" in said, cell
    with course.variants.learner_as("learner-1"):
        said = miss(check.landing, _landing_without_margin)
    assert "margin" not in said.lower() and "cushion" in said


def _keeping_birch(s, anchor, quote=None):
    price, said = _own_opening(s, anchor, quote)
    return price, [key for key in said if s.statements[key].about != "birch"]


def test_keeping_a_strong_birch_private_passes_with_a_message_that_says_so(capsys):
    """When Birch's true offer beat Orchard's guess, an answer that kept it private failed (79
    of 200 learners), though its figure is a number below the opening, the kind of fact the rule
    before it says not to tell; the hint claimed telling it "makes your opening more
    believable". Over 200 learners, keeping it private now passes the visible check, telling it
    too, and each pass says what the choice does; mentioning a weak Birch still fails."""
    strong = []
    for n in range(200):
        s = course.variant(MODULE, f"r-{n}")
        if _true(s, _about(s, "birch")) and s.alternative_price > s.their_guess:
            strong.append(s.learner)
            with course.variants.learner_as(s.learner):
                capsys.readouterr()
                check.opening(_keeping_birch)
                assert "you keep Birch's offer private" in capsys.readouterr().out
                check.opening(_own_opening)
                assert "you tell Orchard of Birch's offer" in capsys.readouterr().out
    assert 0.25 * 200 <= len(strong) <= 0.6 * 200
    with course.variants.learner_as(strong[0]):
        check.opening(_keeping_birch, hidden=True)
    assert "more believable" not in Path(check.__file__).read_text()
    text = _flat()
    assert (
        "a true market price below your opening (the survey's, Linden's, a retailer's) argues against it"
        in text
    )
    assert "above it, the check accepts either choice" in text  # review 97 U1 (round 98)


@pytest.mark.parametrize("container", [set, frozenset, tuple, list])
def test_the_statement_keys_may_come_in_any_plain_collection(container):
    """Keys returned as a set got the hint that they were not statements of the scenario (for
    every learner), though only the container was unusual. A set, a frozenset, a tuple and a
    list of the right keys now pass; a dict is told to be a list of keys, and no keys at all is
    told to name one."""

    def answer(s, anchor, quote=None):
        price, said = _own_opening(s, anchor, quote)
        return price, container(said)

    for learner in LEARNERS[:10]:
        with course.variants.learner_as(learner):
            check.opening(answer)
    with course.variants.learner_as(LEARNERS[0]):
        hint = miss(check.opening, lambda s, a, q=None: (s.their_estimate, {"A": 1}))
        assert "in a list" in hint and "is not a list of statements" not in hint
        hint = miss(check.opening, lambda s, a, q=None: (s.their_estimate, []))
        assert "you make no statement" in hint


def test_the_text_says_what_holds_of_rounds_curves_and_statements():
    """The sentence "below the frontier free moves exist" read as one-level moves, against the
    caution that one-level moves can get stuck; "module 03's outside-option principle" named no
    term module 03 uses; an expected pick "confirms" the estimate, and a surprise shows issues
    valued "more" (not relatively more); the quote case gave its answer in a parenthesis;
    "choose the one you would rather put on the table" was never assessed; a low anchor "leaves
    that estimate where it was", against module 01's band model. Also the course's Schelling
    terms: tying a demand to an alternative you would not take is a threat and a bluff, a
    warning only if you would."""
    text = _flat()
    assert "Below the frontier free moves exist" not in text
    assert "some free change of package always exists, though not always a one-level one" in text
    assert "outside-option principle" not in text  # review 89 U3: the deal-me-out aside is cut
    assert "confirms your estimate" not in text and "is consistent with your estimate" in text
    assert "matter relatively more to Orchard" in text and "values relatively more" in text
    assert "is the quote itself" not in text
    assert "choose the one you would rather put on the table" not in text
    assert "the check accepts any of them" in text
    # review 89 U3: section 1's paragraph on quotes and low anchors is cut (question 1's
    # table says what a quote does; section 1 keeps "an opening rules out prices")
    assert "what it tells you about them you may still use (module 01" in text
    # review 58 (U2): the kinds of move are a table now
    assert "| a *threat*, not a *warning* (modules 02 and 03): any price above your" in text


def test_questions_are_worth_marks_and_points_are_the_scenarios():
    """The course's convention (module 00 does so): marks are for questions, points are the
    units of a scenario. Module 04's headings said "(2 points)" beside Orchard's points on
    every package; now each heading counts marks, matching nbgrader's points for its cell."""
    import re

    text = (Path(__file__).parents[1] / "source" / MODULE / "concessions.py").read_text()
    headings = re.findall(r"^# #+ (?:Question \w+|6\. Reflection) \((\d+) (\w+)", text, re.M)
    # review 66 X2: question 6b, a written answer to a low-ball on the learner's case, is the 11th
    assert len(headings) == 12 and not [h for h in headings if h[1] not in ("mark", "marks")]
    cells = dict(
        (g, int(n)) for n, g in re.findall(r'"points": (\d+), "grade_id": "([^"]+)"', text)
    )
    # review 65 X2: question 4b's 2 marks are its code (1) and its written margin (1)
    assert cells["landing-test"] + cells["margin-judgement"] == 2
    assert sum(int(n) for n, _ in headings) == sum(cells.values())


#: 600 learners (each claim was first swept over 2,000 when it was made; 600 keeps these
#: four tests near 9 s each on two cores instead of 30 s)
SWEEP = [f"learner-{n}" for n in range(600)]


def test_unrounded_steps_that_grow_fail_for_every_learner():
    """Question 2 granted the 1-thousand rounding allowance to every plan, so unrounded steps
    3.5, 4.5, 4.5, 3.0 (growing by 29%, then holding) passed for every learner. Only a plan of
    whole numbers gets the allowance now; the same steps rounded away (3, 5, 4, 3 from whole
    offers) still may grow by 1."""
    from course.scenarios.concessions import reservation_of

    for learner in SWEEP:
        s = course.variant(MODULE, learner)
        for start in check._openings(s, hidden=False):
            # steps that shrink then grow, scaled to concede half the room (108 to 75 gives 3.5 ...)
            room = start - reservation_of(s)
            steps = [0.5 * room * step / 15.5 for step in (3.5, 4.5, 4.5, 3.0)]
            plan = [start] + [start - sum(steps[:t]) for t in range(len(steps) + 1)]
            plan = (plan + [plan[-1]] * s.rounds)[: s.rounds]
            with pytest.raises(NotYet, match=r"so this is not rounding|by more than rounding to"):
                check._check_plan(plan, start, reservation_of(s), learner, s.their_estimate)


def test_an_opening_a_little_under_a_lower_quote_passes_and_well_under_is_timid():
    """With a rival's quote below the estimate, question 1 accepted only the quote itself, to
    the cent, and called an opening 1 under it "timid" (every learner). The quote caps Orchard's
    limit, which may lie a little under it: an opening at the quote or up to 3 under it (never
    below the reservation price) passes; further under is timid, and the hint says why."""
    from course.scenarios.concessions import reservation_of

    for learner in SWEEP:
        s = course.variant(MODULE, learner)
        key = _own_opening(s)[1][:1]
        for anchor, quote in check._rivals(s, hidden=True):
            if quote >= s.their_estimate:
                continue
            # review 77 C3: the quote lowers the target too, and no opening goes below it
            lowered = reservation_of(s) + TARGET_SHARE * (quote - reservation_of(s))
            for under in (0, 1, 3):
                price = max(quote - under, lowered)
                assert check._check_opening(s, anchor, (price, list(key)), quote) == price
            if quote - 3.5 >= reservation_of(s):
                with pytest.raises(NotYet, match=r"up to 3 \(thousand\) under it"):
                    check._check_opening(s, anchor, (quote - 3.5, list(key)), quote)


def _under_every_lower_quote(s, anchor, quote=None):
    """Question 1's quote rule read literally: 3 under any quote below the best fact,
    never below the target the quote leaves (review 77 C3)."""
    price, said = _own_opening(s)
    if quote is not None and quote <= price:
        estimate = min(s.their_estimate, quote)
        target = reservation_of(s) + TARGET_SHARE * (estimate - reservation_of(s))
        price = max(quote - check.QUOTE_BAND, target)
    return price, said


def _quote_just_above_the_estimate(s):
    """A quote of the check's above the estimate by less than the band, or None."""
    estimate = s.their_estimate
    quotes = [q for _, q in check._rivals(s, hidden=False) if estimate < q < estimate + 3]
    return quotes[0] if quotes else None


def test_s76_x2_the_quote_rule_does_not_jump_at_the_estimate():
    """Review 76 X2: the quote rule changed at the estimate: with a quote of est - 1 you
    could open at est - 4, with est + 1 only at est or more, and "up to 3 thousand under the
    quote" read literally failed (learner-46 before the MESO redraw: estimate 108, quote
    109). Every quote below the most a true fact justifies now allows the quote down to 3
    under it: the literal reading passes visible and hidden checks (it failed the old
    check), an opening 3.5 under such a quote and under the estimate is timid, and the
    wrong readings (ignoring the quote, opening at any quote) still fail."""
    with_one = [
        learner
        for learner in SWEEP[:200]
        if _quote_just_above_the_estimate(check._variant(learner))
    ]
    assert with_one
    for learner in [*with_one[:3], "learner-0", "learner-1"]:
        with course.variants.learner_as(learner), redirect_stdout(io.StringIO()) as out:
            for hidden in (False, True):
                check.opening.__wrapped__(_under_every_lower_quote, hidden=hidden)
        assert out.getvalue().count("\N{CHECK MARK}") == 2, (learner, out.getvalue())
    s = check._variant(with_one[0])
    quote, key = _quote_just_above_the_estimate(s), list(_own_opening(s)[1][:1])
    for price in (quote - 3, s.their_estimate, quote):
        assert check._check_opening(s, None, (price, key), quote) == price
    with pytest.raises(NotYet, match=r"up to 3 \(thousand\) under it"):
        check._check_opening(s, None, (quote - 3.5, key), quote)
    text = " ".join(cell_text(MODULE, "concessions", "q1-text").split())
    assert "| the quote lies |" not in text and "only caps your opening" not in text


def test_target_is_module_02s_and_the_plan_stops_there():
    """The word "target" was used before it was defined and then meant only where the plan
    stops; the test cases' targets (two fifths of the way up from the reservation price) lie
    below module 02's even split for some learners, without comment. The text now defines the
    target at its first use as module 02 does, says the plan stops there and that module 02's
    advice holds; question 3's targets now follow it (above the even split, no higher than the
    estimate), the larger of two fifths and the split."""
    from course.scenarios.concessions import reservation_of

    text = _flat()
    first = text.index("target")
    assert text[first : first + 120].startswith("target** (module 02: the outcome you aim")
    assert "The target (section 1) is module 02's, and your concession plan stops there." in text
    assert "your concession plan stops there" in text  # review 112 C1 (round 113)
    assert "and a plan may stop exactly on the split" in text  # review 80 U2
    assert "the band's top, **three quarters of the way**" in text
    raised = 0
    for learner in SWEEP:
        s = course.variant(MODULE, learner)
        r = reservation_of(s)
        top = _own_opening(s)[0]
        two_fifths = r + 0.4 * (top - r)
        assert check._plan_target(s) >= two_fifths - 0.5
        raised += check._plan_target(s) > two_fifths + 0.5
    assert 0 < raised < len(SWEEP)  # "or just above the even split where that is higher"


def test_the_target_rule_is_stated_once_and_one_rule_picks_every_exercises_target():
    """Section 2 named five targets in one paragraph of cross-references (about 320 words),
    then a table of three targets, one per exercise (review 62 C4: several formulas for one
    word). It now states module 02's band once and one rule for the targets the module picks
    (halfway from your reservation price to your opening), which question 2's model answer
    and both simulations follow; the low-ball target is measured in its own test. Session
    75: the rule is now three quarters of the way from the reservation price up to the
    estimate, the band's top; "halfway from your reservation price to your opening" is
    gone."""
    text = _flat()
    start = text.index(
        "The target (section 1) is module 02's, and your concession plan stops there."
    )
    end = text.index("The curves below start at 100", start)
    # review 70 C1 added a folded note on what a target at the top costs; the reading
    # outside it stays under 300 words
    reading = re.sub(r"<details>.*?</details>", "", text[start:end])
    assert len(reading.split()) < 300
    # review 80 U2: the band is stated once, after the target, as what the checks accept
    # review 110 C1 (round 111): module 02's rule, the even split defined where it is named
    # review 112 C1 (round 113): module 02's band, from the even split, defined once
    assert text.count("runs from the **even split** (halfway") == 1
    assert "nine tenths" not in text.replace("nine tenths and three quarters of the way", "")
    assert "| exercise | its target |" not in text and "two fifths of the way" not in text
    assert "halfway from your reservation price to your opening" not in text
    from course.engine.practice import TARGET_SHARE, Plan

    assert TARGET_SHARE == 0.75 and Plan(50, 84, 10, estimate=72).target == 66.5
    assert Plan(50, 84, 10, estimate=72).planned_ask(9) == 67
    assert "The targets of this module all follow it" not in text


def test_a_plan_to_the_even_split_passes_and_one_below_it_fails_for_every_learner():
    """A target rounded to the nearest whole number could fall below the margin. Question 2
    checked only a margin of a tenth of the room, so a plan ending there (78.3 against an even
    split of 89) passed for every learner although section 2 puts a target no lower than the
    even split. Now a plan that stops 1 below the split fails with a hint that names it, for
    every learner; one that stops at the split, rounded to the nearest whole number or not,
    passes; and the course's plan (to section 2's target) passes from every opening the check
    tries."""
    from course.scenarios.concessions import reservation_of

    halves = 0
    for learner in SWEEP:
        s = course.variant(MODULE, learner)
        r = reservation_of(s)
        split = (r + s.their_estimate) / 2
        halves += not split.is_integer()
        for start in check._openings(s, hidden=True):
            check._check_plan(check.course_plan(s, start), start, r, learner, s.their_estimate)

            def plan_to(target, start=start, s=s):
                return held_curve(s, start, target, 1.5)

            check._check_plan(plan_to(split), start, r, learner, s.their_estimate)
            rounded = [float(round(offer)) for offer in plan_to(split)]
            try:
                check._check_plan(rounded, start, r, learner, s.their_estimate)
            except NotYet as failure:
                assert "even split" not in str(failure), str(failure)
            for low in (split - 1, r + 0.1 * (start - r)):
                with pytest.raises(NotYet, match="the even split between your"):
                    check._check_plan(plan_to(low), start, r, learner, s.their_estimate)
    assert halves > 0  # some splits end in a half, which rounding may take down
    text = _flat()
    assert "Round the target up" not in text and "a tenth of the room" not in text
    # review 80 U1; review 108 U5; review 110 C1 (round 111): the range runs to the best fact
    assert "6. end at a target from the even split between your reservation price" in text
    assert "Question 2 checks only the margin" not in text


def test_an_insulting_offer_is_defined_as_the_bots_draw_the_line():
    """The phrase "insulting offer" was used in the trust rules but never defined. The arena's
    text now defines it where patience is introduced: an ask more than three quarters of the way
    from the buyer's limit up to 100. The bots' line agrees for every limit."""
    from course.engine.bots import STYLES, make_bot
    from course.engine.domain import BUYER, price_negotiation
    from course.engine.practice import HIGH, LIMITS, LOW

    assert (LOW, HIGH) == (0, 100)
    assert (
        "an ask more than three quarters of the way from its reservation price up to 100" in _flat()
    )
    for limit in range(LIMITS[0], LIMITS[1] + 1):
        line = limit + 0.75 * (HIGH - limit)
        for style in STYLES:
            bot = make_bot(style, price_negotiation(40, limit, LOW, HIGH, rounds=10), BUYER)
            assert -(line - 0.01) >= bot.insult_line > -(line + 0.01)


def test_the_duration_and_the_shape_of_read_picks_answer_are_said():
    """The phrase "longer if Python is new" gave no figure; question 5b asked for a set and
    accepted a list without saying so."""
    text = _flat()
    assert "and about ten if Python is new to you" in text
    assert "Return the set of issues (a list or tuple of them passes too)" in text


# --- visible checks that catch what grading catches; hints that name the slip ------------


def _public_hint(check_function, answer, learner_id):
    """The visible check's hint for ``answer`` as learner ``learner_id``, or ``None`` when
    it passes."""
    with course.variants.learner_as(learner_id):
        try:
            check_function.__wrapped__(answer)
        except NotYet as failure:
            return str(failure)
    return None


def test_the_question_says_how_far_under_a_lower_quote_an_opening_may_go():
    """Question 1 rejected an opening more than 3 under a rival's lower quote as timid,
    and only the failure message said so: opening at 95% of the quote failed for every
    learner. The question now states the band the check uses, and that an opening there
    follows the course's rule: at or above your new estimate, which lies in the same band,
    and never above the quote."""
    assert check.QUOTE_BAND == 3.0
    text = _flat()
    # review 58 (E2): the quote caps Orchard's reservation price; the band is an edge
    # review 76 X2: the table's rows are one rule, whatever the quote's place
    # review 78 U1: the rule is a table, one row for each place of the quote
    # review 90 U2: the table is one sentence again; the band arithmetic is the check's
    assert (
        "A quote below your best fact caps Orchard's reservation price: open no higher than "
        "the quote, and no lower than 3 thousand under it or your estimate, whichever is "
        "lower." in text  # review 106 C3, U6
    )
    assert "| a quote below your estimate |" not in text
    # review 78 U6: the course's lines are named once; review 102 U2: where each is used
    assert "over an equal rival, and the course's line." in text  # review 106 C3
    assert "puts Orchard's reservation price between" not in text


def test_the_course_states_one_opening_rule_at_or_beyond_the_estimate():
    """Module 02 drew the line at the estimate for the opening, module 04 beyond it; the
    course's rule is stated once, here, and the target lies below the estimate."""
    text = _flat()
    assert (
        "open at your estimate of the other side's reservation price or somewhat beyond it, "
        "grounded in a fact you can name, and never beyond a point you can justify"
    ) in text
    # review 72 C2: one target rule; session 75: three quarters of the way up, below the
    # opening (the estimate is no longer the band's top)
    assert (
        "That lies above the even split and below the estimate, the most a target may be"
        not in (text)
    )
    # review 80 U2, 93 U4; review 110 C1 (round 111): the range runs to your best fact
    assert "The checks accept any target from the even split up to just below your estimate" in text


def _hold_is_a_step(s, mine, theirs, target):
    """Paced tit-for-tat with a hold counted as your own last step."""
    step = theirs[-1] - theirs[-2]
    if step <= 0:
        return max(mine[-1], target)
    conceded = any(a > b for a, b in itertools.pairwise(mine))
    cap = mine[-2] - mine[-1] if conceded else 0.6 * (mine[-1] - target)
    return max(mine[-1] - min(step, cap), target)


def test_a_hold_read_as_your_last_concession_fails_visibly_with_its_own_hint():
    """Counting a hold as your last step passed the visible check for every learner, and
    at grading the hint said it repeated your own step whatever Orchard did, when it had
    answered Orchard's step with the wrong cap."""
    for n in range(20):
        hint = _public_hint(check.tit_for_tat, _hold_is_a_step, f"learner-{n}")
        assert hint is not None and "not a hold" in hint, n
        assert "whatever Orchard did" not in hint


def test_every_tit_for_tat_history_has_your_steps_never_growing():
    """A hidden history had your own steps grow (2, then 3), which question 2's plan
    forbids; with steps that never grow, your last concession is also your smallest."""
    for n in range(600):
        s = course.variant(MODULE, f"learner-{n}")
        for mine, _ in check._histories(s, hidden=True):
            steps = [a - b for a, b in itertools.pairwise(mine) if a > b]
            assert all(later <= earlier for earlier, later in itertools.pairwise(steps)), (
                n,
                mine,
            )


def test_the_tit_for_tat_targets_lie_where_module_02_advises():
    """The targets question 3 hands learners sat two fifths of the way up from the
    reservation price, below the even split for about a third of learners. They now lie
    above the even split and no higher than the estimate of Orchard's limit; since session
    75, no higher than the band's top, three quarters of the way up to it."""
    for n in range(600):
        s = course.variant(MODULE, f"learner-{n}")
        target, reservation = check._plan_target(s), reservation_of(s)
        top = reservation + 0.75 * (s.their_estimate - reservation)
        assert (reservation + s.their_estimate) / 2 < target <= top, n
    assert "for some learners they lie below the even split" not in _flat()


def test_never_raising_the_reservation_price_fails_visibly_with_a_hint_that_says_why():
    """Clamping the adjustment at 0 (never raise the reservation price) passed the visible
    check for every learner, whose own table always has a deal help next year; its hint at
    grading said it left the relationship out. The visible check now tries a table where a
    deal makes next year worse, and the hint says the relationship counts both ways."""

    def clamped(s, following):
        gain = following["deal"] - following["polite walk-away"]
        return s.alternative_price + s.extra_cost - max(0, gain)

    for n in range(20):
        hint = _public_hint(check.relationship_reservation, clamped, f"learner-{n}")
        assert hint is not None and "counts both ways" in hint, n
        assert "without the relationship" not in hint


def test_a_free_move_is_defined_by_points_and_the_trade_ratio_is_a_side_note():
    """A free move was defined through the trade ratio and the other side's points at
    once; it is now defined by points alone (neither side loses, at least one gains), and
    the trade ratio is a side note that allows a give that costs you nothing (review 69 U1:
    the side note now sits in the folded aside on the common rule, where it was said twice)."""
    flat = _flat()
    assert "A move is **free** when neither side loses points and at least one gains." in flat
    assert "(A side note: a free move's trade ratio is at least 1" not in flat
    aside = flat[flat.index("Aside: the common rule of equal value back") :]
    aside = aside[: aside.index("</details>")]
    assert "a free move's trade ratio is at least 1, or its give costs you nothing (the" in aside
    assert "ratio alone cannot tell you whether a move is free" in aside
    assert "*and* it costs them nothing" not in flat


def test_section_1_puts_what_to_say_under_its_own_heading():
    """Section 1 ran anchoring, de-anchoring, news, ethics, disclosure and threats in one
    block; what to say (and not) now has its own heading, after the opening itself."""
    text = (Path(__file__).parents[1] / "source" / MODULE / "concessions.py").read_text()
    heading = text.index("# ### What to say, and what not to say")
    assert text.index("A good opening is **ambitious**") < heading
    assert heading < text.index("**The reason must be true.**") < text.index("### Question 1")


def test_time_dependent_offer_with_the_betas_question_2_names_passes_unrounded():
    """Question 2 invited 1 < beta <= 2, but beta = 1.001 made the last step as big as the first
    and failed for every learner. Such curves with 1.1 <= beta <= 2 to the course's target pass
    every rule unrounded (swept over 2,000 learners when written; 600 here). The question now
    names no formula, but a learner who uses section 2's curve still passes (session 75: to
    section 2's target, three quarters of the way up to the estimate)."""
    from course.scenarios.concessions import reservation_of

    for learner in SWEEP:
        s = course.variant(MODULE, learner)
        r = reservation_of(s)
        for start in check._openings(s, hidden=True):
            target = check.course_target(s)
            for beta in (1.1, 1.5, 2.0):
                plan = held_curve(s, start, target, beta)
                check._check_plan(plan, start, r, learner, s.their_estimate)


def test_the_notebook_names_honest_sittings_a_quote_as_a_ceiling_and_the_next_move():
    """Two sittings of 'three and a half hours each' split the module after section 3, leaving
    most of the work for the second; 'as far towards the other side's reservation price' read as
    stopping short of it; a quote below the estimate 'became your best estimate' two bullets
    after the opening had to be at least that estimate, yet the check accepts 3 below it;
    question 6's next_ask was 'what your plan asks in the next round', a clock-based step after
    section 2 said to move only in answer to Orchard."""
    flat = _flat()
    assert "three and a half hours each" not in flat
    assert "If you split it into two sittings, stop after question 4" in flat
    assert "as far towards the other side's reservation price" not in flat
    assert (
        "open at your estimate of the other side's reservation price or somewhat beyond it" in flat
    )
    assert "becomes your best estimate" not in flat
    # review 90 U2: the quote rule is one sentence
    assert "A quote below your best fact caps Orchard's reservation price" in flat  # r106 U6
    # review 106 C3: the floor the check applies
    assert "no lower than 3 thousand under it or your estimate, whichever is lower" in flat
    assert "what your plan asks in the next round" not in flat
    # review 88 C1: next_ask is the plan's next entry, the lowest you would ask next
    assert "`next_ask` is the lowest you would ask next, your plan's next entry" in flat
    assert check.QUOTE_BAND == 3.0  # the '3 below' the text names


def test_the_two_sittings_split_after_question_4_four_hours_then_three():
    """The intro splits the module after question 4. The first sitting holds sections 1 to
    3 and section 4 up to question 4: over half of the reading (counted here over
    the markdown cells), four questions, the arena and the planner, so it takes the longer
    part: four hours, then three, the course map's seven in all (the text once gave the
    first sitting three hours and the second four)."""
    source = (Path(__file__).parents[1] / "source" / MODULE / "concessions.py").read_text()
    words, questions, second = [0, 0], [0, 0], False
    for cell in re.split(r"^# %%", source, flags=re.MULTILINE)[1:]:
        head, _, body = cell.partition("\n")
        second = second or '"grade_id": "landing-text"' in head  # question 4b on
        if "[markdown]" in head:
            words[second] += len(re.findall(r"[A-Za-z0-9']+", body.replace("#", " ")))
        questions[second] += len(re.findall(r"^# ### Question ", body, flags=re.MULTILINE))
    # review 67: section 2's target paragraphs are shorter, so the first sitting's share
    # fell from about 0.61 to 0.60: three fifths, no longer two thirds
    # review 102: the intro's shorter note left the first sitting 0.544 of the reading, so
    # the text says "over half", no longer "three fifths"
    assert 0.5 < words[0] / sum(words) < 0.6  # "over half of the reading"
    assert questions == [4, 7]  # review 66 X2: 6b joins the second sitting; review 93 U3: 7b too
    flat = _flat()
    assert "take three hours or so" not in flat
    assert (  # review 88: shortened to pay for additions
        "stop after question 4 (over half of the reading): about four hours, then three." in flat
    )
    assert "It takes about seven hours" in flat
    minutes = next(module.minutes for module in MODULES if module.folder == MODULE)
    assert minutes == (4 + 3) * 60


def test_what_module_04_says_an_opening_proves_in_module_01s_band_model():
    """Module 04 said that in module 01's band model a low opening 'rules out the top prices',
    while module 01's question 6 is built on the bottom cut too (an opening above b times a
    price rules that price out). Module 01's own likelihoods rule out prices at both ends, and
    the text now says both."""
    from course.models.information import offer_likelihoods

    reservations = list(range(50, 201, 10))
    likely = offer_likelihoods(reservations, 90, band=(0.5, 0.9))
    possible = [r for r in reservations if likely[r] > 0]
    assert min(possible) > min(reservations) and max(possible) < max(reservations)
    text = (Path(__file__).parents[1] / "source" / MODULE / "concessions.py").read_text()
    flat = " ".join(line.lstrip("# ").strip() for line in text.splitlines())
    assert "a low opening rules out the top prices" not in flat
    # review 57 U3: the band model's detail is left to module 01, with a pointer (review
    # 89 U3: section 1's first paragraph carries it)
    assert "(module 01: an opening rules out prices)" in flat


def test_the_ratio_of_their_gain_to_your_loss_has_one_name():
    """Section 4 names Orchard's net gain per point of your net loss the *exchange rate* and
    says it is not what agent writers call a concession rate, yet the planner's instructions
    (and the model's docstring) still called its column the concession rate, across a line
    break. Only the sentence that contrasts the terms may say it."""
    import course.models.concessions as model

    text = (Path(__file__).parents[1] / "source" / MODULE / "concessions.py").read_text()
    flat = " ".join(line.lstrip("# ").strip() for line in text.splitlines())
    doc = " ".join(model.__doc__.split())
    # review 56 (U3): three names in one paragraph; the contrast with the agent writers'
    # "concession rate" is cut, so the word no longer appears at all
    assert "concession rate" not in flat
    # review 108 U2 (round 109): the exchange rate is now the gain per point
    assert "its gain per point" in flat and "concession rate" not in doc


def test_an_opening_set_of_offers_is_below_what_orchard_signs_and_says_so():
    """The text asked for offers 'Orchard could like' while every offer worth more to you than
    the landing package gives Orchard less than its minimum (the model answer's three did for
    199 of 200 learners). That follows from the landing package's definition, as the text now
    says; the set is called an opening set and each offer no insult, not one it would sign."""
    from course.scenarios.concessions import landing_point

    for n in range(30):
        s = course.variant(MODULE, f"learner-{n}")
        table = TradeTable(s.yours, s.theirs)
        land = landing_point(table, s.their_minimum)[0]
        for trio in meso_triples(s, table)[:5]:
            for _, yours, theirs in trio:
                assert yours <= land or theirs < s.their_minimum, s.learner
    text = (Path(__file__).parents[1] / "source" / MODULE / "concessions.py").read_text()
    flat = " ".join(line.lstrip("# ").strip() for line in text.splitlines())
    assert "Orchard could like" not in flat
    # review 91 U1: the reason is cut; the note says what a learner will see
    assert "So your offers will nearly always give Orchard less than its minimum" in flat


def test_a_plan_that_stops_above_the_band_fails_for_every_learner():
    """Section 2 puts a target no higher than the top of module 02's band, but question 2
    once checked only the lower end, so a plan from 108 that conceded 2 in all passed for
    every learner. Now a plan that stops above the band's top fails with a hint naming it,
    from every opening (100 learners), and one that stops at the top passes. Session 75:
    the top is three quarters of the way from the reservation price up to the estimate,
    from every opening (it was the estimate from an opening beyond it); a plan that stops
    at the estimate now fails too. Failed on the old check."""
    from course.scenarios.concessions import reservation_of

    tried = 0
    for learner in SWEEP[:100]:
        s = course.variant(MODULE, learner)
        r, estimate = reservation_of(s), s.their_estimate
        top = r + 0.75 * (estimate - r)
        for start in check._openings(s, hidden=True):

            def plan_to(target, start=start, s=s):
                return held_curve(s, start, target, 1.5)

            check._check_plan(plan_to(top), start, r, learner, estimate)
            tried += 1
            # review 110 C1 (round 111): module 02 lets a fact past the band's top lift the
            # target up to the fact's figure, and every opening here rests on one, so a plan
            # stopping above the top, short of the opening, passes too
            # review 112 X1 (round 113): but never to the estimate, where the hint names the
            # target
            for high in (
                h for h in (start - 1, estimate - 0.5, top + 0.5) if h < min(start, estimate)
            ):
                check._check_plan(plan_to(high), start, r, learner, estimate)
            if estimate < start:
                with pytest.raises(NotYet, match="the fault is your target"):
                    check._check_plan(plan_to(estimate), start, r, learner, estimate)
    assert tried >= 200
    text = _flat()
    assert "where it would wait for a deal you do not expect Orchard to sign" not in text
    assert "and no higher than that estimate (module 02's convention" not in text
    # review 76 C3: one target stated, the band's top; the in-band clauses are cut
    # review 78 U3: the sentence is parsed in order: why the top, then the top
    # r80 U2; review 110 U4 (round 111): the examples' choice, not "yours"
    assert "examples take the band's top, **three quarters of the way**" in text  # r112 C1
    assert "A fact at or past the band's top gives the top." not in text
    assert "Inside the band, aim at the figure of the best fact you can" not in text


def test_question_2_says_what_a_plans_entries_and_deadline_are():
    """Question 2 asked for one offer per round and then said the plan does not say when you
    make them, so a learner could not tell whether entry k is round k; and its advice on
    time_dependent_offer (β up to 2 passes) held only with the deadline s.rounds - 1, which it
    did not name. A plan to the target with deadline s.rounds stops above the target for every
    learner (100 learners)."""
    from course.models.concessions import time_dependent_offer
    from course.scenarios.concessions import reservation_of

    text = _flat()
    assert "it does not say when you make them" not in text
    # review 88 C1: where you stand only if each of Orchard's moves earns the full step.
    # Review 112 (round 113): that sentence was cut to pay for the round's fixes; section 3's
    # rule 1 (concede only in answer to a concession) says it, and the sweep below stays
    assert "1. Concede only in answer to a concession of theirs, never into silence." in text
    for learner in SWEEP[:100]:
        s = course.variant(MODULE, learner)
        start = _own_opening(s)[0]
        target = (start + reservation_of(s)) / 2
        late = time_dependent_offer(s.rounds - 1, s.rounds, start, target, 2.0)
        assert late > target + 0.1, learner  # "a later deadline stops the plan above"


def test_question_1_states_its_rules_in_under_450_words():
    """Review 56 (U1): question 1's statement ran to 694 words of nested rules (three quote
    positions, the band, 'worth telling', Birch); it now states each rule once, in under
    450 words, and still names every rule the check grades."""
    text = (Path(__file__).parents[1] / "source" / MODULE / "concessions.py").read_text()
    start = text.index("# ### Question 1 (3 marks, 1 by your instructor)")  # review 112 X2
    end = text.index('grade_id": "opening-answer"', start)
    words = " ".join(line.lstrip("# ") for line in text[start:end].splitlines()).split()
    assert len(words) < 450, len(words)
    flat = " ".join(words)
    for rule in (  # review 97 U1 (round 98): four sibling rules
        "- **Grounded:**",
        "- **Your alternative:**",
        "- **Ambitious:**",
        "- **Moved by news, not by an anchor:**",  # review 78 U1: a table of openings
    ):
        assert rule in flat


def test_the_quote_bullet_says_in_its_first_line_that_the_3_is_the_checks_band():
    """A learner who opens 4 below a quote under the estimate is told 'timid'; the reason
    the band is 3 came only deep inside the bullet. Its first line now says the 3 is the
    check's band, a course convention, and the check's band is 3."""
    text = (Path(__file__).parents[1] / "source" / MODULE / "concessions.py").read_text()
    flat = " ".join(line.lstrip("# ").strip() for line in text.splitlines())
    bullet = flat[flat.index("**Moved by news, not by an anchor:**") :]
    bullet = bullet[: bullet.index("the course's line.")]  # review 106 C3: the line ends it
    # review 56 (U1): the bullet is shorter; the 3 is named as the course's convention in it
    # review 67 U2: "the 3 is the course's convention" read awkwardly; the bullet now says
    # what the table's 3 means, in thousands, under the quote (review 90 U2: one sentence)
    assert "no lower than 3 thousand under it or your estimate" in bullet  # review 106 C3
    assert "The 3 is a small edge" in bullet
    assert "the 3 is the course's convention" not in bullet
    assert check.QUOTE_BAND == 3


def test_the_introduction_says_how_rounds_are_counted_and_why_the_quote_band_is_3():
    """Rounds are counted from 0 in sections 2 and 3, from 1 in the widgets, and next year's
    simulation plays the arena's 10 rounds; this was said in three places, none of them the
    introduction. Question 1's band of 3 under a rival's quote was a bare number; the text now
    says what it stands for, a few per cent of the quotes the check tries (100 learners)."""
    text = _flat()
    # review 78 U6: the course's lines are named once; review 102 U2: where each is used
    assert "over an equal rival, and the course's line." in text  # review 106 C3
    assert check.QUOTE_BAND == 3
    for learner in SWEEP[:100]:
        s = course.variant(MODULE, learner)
        for _, quote in check._rivals(s, hidden=True):
            if quote < s.their_estimate:
                assert 0.02 <= check.QUOTE_BAND / quote <= 0.05, (learner, quote)


def breaks_ties_the_other_way(s, current, closing_too=False):
    """Question 4's rule with its conventional tie-breaks reversed: of the free moves that
    add the most for both sides, the one that leaves you less; of the best exchange rates,
    the costlier. With ``closing_too``, also of the cheapest moves that close the deal, the
    one that gives Orchard less."""
    table = TradeTable(s.yours, s.theirs)
    options = table.options(current, gives=True)
    needed = table.shortfall(current, s.their_minimum)
    best = _own_preferred(options, needed)
    if best is None:
        return None
    top = _own_rank(best, needed)
    if top[0] == 1 and not closing_too:
        return best["package"]
    tied = [
        o
        for o in options
        if trade_tier(o) is not None
        and _own_rank(o, needed)[0] == top[0]
        and abs(_own_rank(o, needed)[1] - top[1]) < 1e-9
    ]
    return min(tied, key=lambda o: _own_rank(o, needed)[2])["package"]


@pytest.mark.parametrize("learner", ["learner-0", "learner-1", "learner-2"])
def test_any_move_tied_with_the_rules_choice_on_its_first_measure_passes(learner):
    """The rule's tie-breaks among free moves and among exchange rates are the course's own
    convention: a rule that breaks those ties the other way passes the visible and the
    hidden check."""
    with course.variants.learner_as(learner):
        check.next_trade.__wrapped__(breaks_ties_the_other_way)
        check.next_trade.__wrapped__(breaks_ties_the_other_way, hidden=True)
    text = _flat()
    assert "Of moves still equal, it accepts either." in text


def ranks_free_moves_by_your_own_gain(s, current):
    """Question 4's rule with free moves ranked by your own gain first (then by what both
    sides gain together): a reading of "leaves you more" as the first measure."""
    table = TradeTable(s.yours, s.theirs)
    options = table.options(current, gives=True)
    free = [o for o in options if trade_tier(o) == "free"]
    if free:
        return max(free, key=lambda o: (o["you"], o["you"] + o["them"]))["package"]
    best = _own_preferred(options, table.shortfall(current, s.their_minimum))
    return None if best is None else best["package"]


def test_question_4_accepts_any_free_move_and_grades_the_phases(answers):
    """Review 78 X3: question 4 failed a free move that gives you or Orchard the most
    ("another free move creates more ... for the two of you together"), grading the
    course's own tie-break, not the rule. Any free move now passes while one exists, on
    both checks, and the phases are still graded: a concession while a move is free, a
    stop while a move is free, and a concession after Orchard has its minimum fail."""
    right = answers["next_trade"]
    for n in range(40):
        for choice in (ranks_free_moves_by_your_own_gain, ranks_free_trades_by_orchards_gain):
            assert _public_hint(check.next_trade, choice, f"learner-{n}") is None, n
    with course.variants.learner_as("learner-7"):
        check.next_trade(ranks_free_moves_by_your_own_gain, hidden=True)
        check.next_trade(ranks_free_trades_by_orchards_gain, hidden=True)

        def concedes_first(s, current):
            table = TradeTable(s.yours, s.theirs)
            gives = [o for o in table.options(current, gives=True) if o["you"] < 0 < o["them"]]
            return max(gives, key=lambda o: o["you"])["package"] if gives else None

        def never_stops(s, current):
            return right(s, current) or concedes_first(s, current)

        def stops_while_free(s, current):
            table = TradeTable(s.yours, s.theirs)
            free = any(o["you"] >= 0 and o["them"] > 0 for o in table.options(current))
            return None if free else right(s, current)

        assert "create value before you concede" in miss(check.next_trade, concedes_first)
        assert "return None" in miss(check.next_trade, never_stops)
        assert "the rule still moves from here" in miss(check.next_trade, stops_while_free)
    text = _flat()
    assert "(it accepts any free move)" in text
    assert "for the two of you together, your move only" not in Path(check.__file__).read_text()


def _straight_plan(opening, end, rounds):
    """Offers from ``opening`` to ``end`` in steps that shrink by one weight a round, after
    a hold in round 2."""
    weights = [0, *range(rounds - 2, 0, -1)]
    return [opening - (opening - end) * sum(weights[:k]) / sum(weights) for k in range(rounds)]


def test_s75_a_plan_ends_at_most_three_quarters_up_the_zone_from_every_opening():
    """Session 75 (one monotone target rule): question 2 accepted a target up to the
    estimate from an opening beyond it and up to nine tenths of the way from an opening at
    it, so a stronger fact could allow a higher target than the rule's own. The band is now
    the same from every opening: from the even split up to three quarters of the way from
    the reservation price to the estimate. A plan to the top passes from every opening, one
    just above it fails with a hint that names three quarters, and so does the old model
    answer's halfway to the opening, but only where that lies above the band (the plan's
    target is checked against the band, not a point). Failed on the old check and text."""
    flat = _flat()
    assert "nine tenths of the way up from your reservation price" not in flat
    assert "below the estimate, the most a target may be" not in flat
    # review 80 U1; review 108 U5; review 110 C1 (round 111): the range runs to the best fact
    assert "6. end at a target from the even split between your reservation price" in flat

    def share_up(share):
        def plan(s, opening):
            reservation = check.reservation_of(s)
            end = reservation + share * (s.their_estimate - reservation)
            return _straight_plan(opening, min(end, opening - 0.2), s.rounds)

        return plan

    def halfway_to_the_opening(s, opening):
        return _straight_plan(opening, (check.reservation_of(s) + opening) / 2, s.rounds)

    def stop_at_estimate_when_beyond(s, opening):
        estimate = s.their_estimate
        # review 112 X1 (round 113): just below the estimate; at it, the target's hint
        return _straight_plan(
            opening, estimate - 0.5 if opening > estimate else opening - 1, s.rounds
        )

    # review 110 C1 (round 111): the band's top is no longer a bound (module 02 lets the
    # fact every opening here rests on lift the target up to its figure): the plans that
    # stopped above three quarters now pass, from every opening, for every learner
    above = 0
    for learner in LEARNERS:
        with course.variants.learner_as(learner):
            for plan in (share_up(0.75), share_up(0.77), stop_at_estimate_when_beyond):
                check.concession_plan(plan)
            check.concession_plan(halfway_to_the_opening)
            s = course.variant(MODULE, learner)
            r = check.reservation_of(s)
            top = r + 0.75 * (s.their_estimate - r)
            above += any((r + o) / 2 > top + 0.01 for o in check._openings(s, hidden=False))
    assert 0 < above < len(LEARNERS)


def test_the_text_names_the_section_that_holds_the_next_year_simulation():
    """Cross-references to the next-year simulation name the section it sits in."""
    text = (Path(__file__).parents[1] / "source" / MODULE / "concessions.py").read_text()
    where = text.index("### Meeting the same buyer again")
    section = re.findall(r"^# ## (\d+)\.", text[:where], flags=re.M)[-1]
    flat = _flat()
    named = re.findall(
        r"section (\d+)'s next-year simulation|next year's simulation in section (\d+)", flat
    )
    # review 58 (U1): the intro's table, which named it too, is gone; review 110 U4 (round
    # 111) cut section 2's "next year's simulation in section 5", so none may be left: every
    # reference that remains names the right section
    assert {a or b for a, b in named} <= {section}


def test_below_the_even_split_the_model_accepts_only_when_no_round_is_left(answers):
    """Module 02's rule takes an offer at the even split and counters below it while the
    other side still moves, and at its last word takes any offer above the reservation
    price, as module 04's rule does in the last round; module 04 accepts
    at your next ask, which never falls below the even split, and in the last round at your
    reservation price. The text says what each rule does when, not that the rules
    disagree; the model answer does what it says for 40 learners, and module 02's floor in
    the last round fails the check."""
    flat = _flat()
    # review 103 C3 (round 104): the line is your target, whose lowest is the even split
    assert "Below your target, counter." in flat
    assert (  # s76 C1; review 83 C3: a case of its own; review 89 U2: split in two
        "**Accept or counter:** while rounds remain, an offer below your next ask but at or "
        "above your target: accept it or counter;" in flat
    )
    assert "parts from module 02" not in flat
    batna = (Path(__file__).parents[1] / "source" / "02_batna" / "batna.py").read_text()
    batna_flat = " ".join(line.lstrip("# ").strip() for line in batna.splitlines())
    assert (  # module 02's review 93 U1: its rule is a table again
        "For an offer made while Northwind is still moving:  | your estimate of Northwind's "
        "reservation price | the offer's salary | your response |" in batna_flat
    )
    assert (  # review 102 C4: module 02 says "final offer" for its "last word"
        "At a final offer you believe, take any offer above your reservation price for its "
        "package" in batna_flat
    )
    assert "At the end of the talks there is no next ask: an offer above your" in flat
    respond = answers["respond"]
    for learner in LEARNERS:
        s = course.variant(MODULE, learner)
        reservation = check.reservation_of(s)
        split = (reservation + s.their_estimate) / 2
        plan = check.course_plan(s, _own_opening(s)[0])
        assert min(plan) >= split - 1e-9
        offer = (reservation + split) / 2
        assert reservation < offer < split
        assert {respond(s, offer, ask) for ask in plan[1:]} == {"counter"}
        assert respond(s, offer, None) == "accept"

    def even_split_floor(s, offer, next_ask, ceiling=None, in_writing=False):
        reservation = check.reservation_of(s)
        if next_ask is None and offer < (reservation + s.their_estimate) / 2:
            return "walk away" if offer < reservation else "counter"
        return respond(s, offer, next_ask, ceiling, in_writing)

    with course.variants.learner_as(LEARNERS[0]):
        assert "a deal there beats your BATNA" in miss(check.respond, even_split_floor)


def test_module_02s_even_split_rule_is_for_an_offer_weighed_without_a_plan(answers):
    """Module 02 takes an offer that reaches the even split; question 6 counters an offer
    below your next planned ask while rounds remain, even when it reaches the split. The
    text says, where it states the rule, that module 02's rule is for an offer weighed
    without a plan, and how the two agree with one (a plan never asks less than the split),
    rather than that one rule replaces the other; the model answer counters such an offer,
    and (review 68 C1) module 02's floor passes the visible check too, for 40 learners."""
    flat = _flat()
    assert (  # review 59 C1, s76 C1: where the two differ, said in section 5's bullet
        "**Accept or counter:** while rounds remain, an offer below your next ask but at or "
        "above your target: accept it or counter" in flat  # review 103 C3: your target
    )
    assert "this rule replaces that one" not in flat
    assert "at the last round it hands over to this rule" not in flat
    respond = answers["respond"]

    def even_split_floor(s, offer, next_ask, ceiling=None, in_writing=False):
        split = (check.reservation_of(s) + s.their_estimate) / 2
        if next_ask is not None and split <= offer < next_ask:
            return "accept"
        return respond(s, offer, next_ask, ceiling, in_writing)

    for learner in LEARNERS:
        s = course.variant(MODULE, learner)
        split = (check.reservation_of(s) + s.their_estimate) / 2
        ask = check.course_plan(s, _own_opening(s)[0])[1]
        assert ask > split
        assert respond(s, (split + ask) / 2, ask) == "counter"
        with course.variants.learner_as(learner), redirect_stdout(io.StringIO()) as out:
            check.respond.__wrapped__(even_split_floor)
        assert "\N{CHECK MARK}" in out.getvalue(), learner


def test_the_even_split_is_defined_where_the_module_first_names_it():
    """The even split is module 02's term; like target and reservation price, this module
    defines it where it first uses it (section 2; it was defined only at question 2's rule
    5, after two earlier uses)."""
    text = _flat()
    first = text.index("even split")
    assert text[first - 2 :].startswith(
        "**even split** (halfway from your reservation price to your estimate of the other side's)"
    )


def test_a_target_at_the_even_split_is_allowed_and_the_text_says_so():
    """The check accepts a target at the even split, as module 02 does: its target lies at
    least half of the way up the zone. The text quotes module 02 so and names no difference
    at the bottom (it once said 'more than half', 'with one difference at its bottom').
    Session 75: the band's top is three quarters of the way up; module 02's own words are
    pinned by its tests."""
    text = _flat()
    assert (  # review 80 U2: the target first, then the band the checks accept
        # review 110 C1 (round 111): up to the best fact, module 02's row past the band
        "The checks accept any target from the even split up to just below your estimate, and a plan "
        "may stop exactly on the split." in text
    )
    assert "one difference at its bottom" not in text and "more than half" not in text


def test_question_2s_model_answer_and_the_course_plan_are_one_plan_that_stops_at_the_top(
    answers,
):
    """Review 67 C1/C2: question 2's model answer and the check's ``course_plan`` (also
    called the course's answer) must stop at the target section 2's rule names. Session 75:
    that is no longer halfway from the reservation price to the opening but the band's top,
    three quarters of the way up to the estimate, for every opening the check tries (this
    test failed on the old model answer); the model answer keeps its hand-written shrinking
    steps (a formula call is no plan, see the test on question 2's formula). The 6b
    rubric's numbers come from the model plan."""
    for n in range(40):
        s = course.variant(MODULE, f"learner-{n}")
        r, e = reservation_of(s), s.their_estimate
        for start in check._openings(s, hidden=True):
            plan = answers["concession_plan"](s, start)
            assert abs(plan[-1] - check.course_plan(s, start)[-1]) < 1e-9, s.learner
            assert abs(plan[-1] - (r + 0.75 * (e - r))) < 1e-9 and plan[-1] < e, s.learner
            check._check_plan(plan, start, r, s.learner, e)
    text = _flat()
    # review 65 C5, review 72 C2: module 04 states the one rule, not module 02's old words
    assert "module 02 aims there" not in text
    assert "may stop at it, as module 02 allows" not in text
    # review 70 C1: the text states the trade-off the engine measures (see
    # test_s75_the_aside_on_three_quarters_quotes_the_engine)
    assert "The top is a gamble" not in text and "a plan ending there ends with" not in text
    assert (  # review 78 U3; review 79 C1: the rule reads the fact; review 80 U2: target first
        # review 110 U4 (round 111): the examples' choice, with its reason
        "This module's examples take the band's top, **three quarters of the way**: your "
        "estimate may be too high" in text  # review 112 C1 (round 113)
    )
    assert (  # review 108 C1; review 110 C1 (round 111): module 02's option, now followed
        # review 112 X1 + C1 (round 113): the option, but never to the estimate
        "a fact past the band's top moves it to the top, or above with less room to concede. "
        "Every opening here rests on a fact above your estimate: it grounds the opening, but "
        "a target at or above your estimate aims at or past the most you expect Orchard" in text
    )
    assert "your opening always reaches the estimate" not in text
    # review 110 U4 (round 111): the ambiguous "this rule" sentence is gone
    assert "follow this rule." not in text
    assert "stop at the estimate" not in text and "Aside: why section 5's" not in text
    # the 6b rubric's example: the model answer's plan from 120 over 7 rounds, RP 85, and
    # an estimate of 117 (the rubric names it now: the target depends on it)
    kite = SimpleNamespace(alternative_price=80, extra_cost=5, rounds=7, their_estimate=117)
    plan = [round(ask, 1) for ask in answers["concession_plan"](kite, 120)]
    assert plan[:4] == [120, 120, 116.3, 113.4] and plan[-1] == 109
    assert 85 + 0.75 * (117 - 85) == 109
    assert (
        "for the model answer's plan from an opening of 120 over 7 rounds with a reservation "
        "price of 85 and an estimate of 117 (asks of 120, 120 and 116.3, a next ask of 113.4, "
        "a target of 109, three quarters of the way up) and Orchard's 68, 76 and 51: \"I hold "
        "at 116.3 and say:" in text
    )
    assert [round(0.8 * 85), round(0.9 * 85), round(0.6 * 85)] == [68, 76, 51]
    from course.engine.domain import BUYER
    from course.widgets.practice import DifficultMoment

    below = above = 0
    for seed in range(400):
        moment = DifficultMoment(rng=random.Random(seed))._moment
        limit = -moment._negotiation.preferences[BUYER].reservation
        below += limit < 72
        above += limit > 72
    assert 0.8 < below / above < 1.25, (below, above)
    assert check.NEXT_YEAR_SPREAD > 0  # next year's limit: the estimate plus or minus this


def test_section_1_places_the_target_below_the_opening_and_leaves_its_band_to_section_2():
    """Review 69 U2: section 1 said the target lies at or below the estimate, at it only
    when the opening goes beyond it, which leans on section 2's band before section 2
    defines it. It now says only what section 1 needs: the target lies below the opening
    (true of every plan question 2's check accepts), and section 2 gives the band."""
    text = _flat()
    # review 72 C2: section 2 gives one rule for the target
    # review 90 U2: the pointers to module 02 and section 2 are cut (target defined above)
    assert "Your target lies below your opening." in text
    assert "at it only when your opening goes beyond it" not in text
    assert "Your target (module 02) lies below that estimate, so" not in text


@pytest.mark.parametrize("share", [0.5, 0.75, 1.0])
def test_every_rounding_of_a_right_tit_for_tat_offer_passes(learner, share):
    """Question 3 said "if you round, round up", yet gave no rounding slack, so rounding up
    half of the most went below half and was refused for 200 of 200 learners (review 56,
    E1). Rounding any allowed offer up, down or to the nearest, to whole thousands or one
    decimal, now passes, visible and hidden."""
    text = _flat()
    assert "Rounding to whole thousands or to one decimal passes." in text  # review 78 U4
    assert "round up" not in text

    def rounded(how, grain):
        def answer(s, mine, theirs, target):
            most = mine[-1] - _own_tit_for_tat(mine, theirs, target)
            return how(round((mine[-1] - share * most) / grain, 6)) * grain

        return answer

    for how in (math.floor, math.ceil, round):
        for grain in (1, 0.1):
            for n in range(12):
                with course.variants.learner_as(f"learner-{n}"):
                    check.tit_for_tat(rounded(how, grain))
            check.tit_for_tat(rounded(how, grain), hidden=True)


def test_a_rounded_overshoot_still_fails():
    """The rounding slack reaches only answers less than a unit from an allowed offer: a
    whole-number concession one more than Orchard's (the old "repeat your own step" case)
    still fails, and so does a rounded ask above your last."""
    s = course.variant(MODULE)
    band = check.tit_for_tat_band(s, [118, 118, 114], [80, 85, 88], 100)
    assert not check._in_band(110, band, 114)  # concedes 4 to Orchard's 3
    assert check._in_band(111, band, 114) and check._in_band(113, band, 114)
    assert not check._in_band(117.5, (117, 117), 117)  # asks more than last


def test_an_anchor_is_answered_with_the_grounded_opening_in_the_text_and_the_hint():
    """The arena said to answer an anchor from your target; question 1 says with the
    opening you would make anyway. The arena then said the grounded opening too, though it
    has no facts to cite and its buyers' openings follow a known rule (a reviewer, session
    55): it now says that there the anchor is news, and to move only by what it tells."""
    text = _flat()
    assert "with the grounded opening you would have made anyway" not in text
    assert "Unlike Orchard's anchor, its number is news here" in text
    assert "from where its reservation price may lie and from your own target" not in text
    s = course.variant(MODULE, "ada")

    def pulled(s, anchor, rival=None):
        price, said = _own_opening(s, None, rival)
        return (price if anchor is None else price - 1), said

    with course.variants.learner_as("ada"):
        hint = miss(check.opening, pulled)
    assert "answer with the grounded opening you would make anyway" in hint
    assert "your own target" not in hint
    assert s.learner == "ada"


def test_every_tit_for_tat_history_gives_at_most_three_fifths_in_its_first_step():
    """Paced tit-for-tat's rule 2 and question 2's rule 4: a first concession gives at
    most three fifths of the room between your opening and your target. A visible history
    ("would cross your target") opened with a bigger one for every learner; every history
    the check hands a learner now keeps the rule."""
    for n in range(600):
        s = course.variant(MODULE, f"learner-{n}")
        target = check._plan_target(s)
        for mine, _ in check._histories(s, hidden=True):
            steps = [a - b for a, b in itertools.pairwise(mine) if a > b]
            assert not steps or steps[0] <= 0.6 * (mine[0] - target), (n, mine, target)


def _shown_cap(s, offer, next_ask, ceiling, in_writing):
    """Section 5's answer to a budget Orchard has shown in writing while rounds remain and
    the offer is below the next ask (review 75 X1), or None where it does not decide."""
    if not in_writing or ceiling is None or next_ask is None or offer >= next_ask:
        return None
    if ceiling < reservation_of(s):
        return "walk away"
    return "accept" if offer >= ceiling else "counter"


def _respond_strictly(s, offer, next_ask, ceiling=None, in_writing=False):
    """Question 6's rule with a strict line in the last round: accept only above your
    reservation price. Orchard's budget claim is a test (review 73 X1) unless it is shown
    in writing, and then a cap (review 75 X1)."""
    reservation = reservation_of(s)
    if next_ask is None:
        return "accept" if offer > reservation else "walk away"
    if offer >= next_ask:
        return "accept"
    return _shown_cap(s, offer, next_ask, ceiling, in_writing) or "counter"


def _respond_reading_a_cap(s, offer, next_ask, ceiling=None, in_writing=False):
    """Section 5's rule with every budget claim believed as a cap: walk away while rounds
    remain when it is below your reservation price, take an offer at it otherwise."""
    reservation = reservation_of(s)
    if next_ask is not None and offer < next_ask and ceiling is not None:
        if ceiling < reservation:
            return "walk away"
        if offer >= ceiling:
            return "accept"
    return _respond_strictly(s, offer, next_ask)


def test_at_the_reservation_price_in_the_last_round_either_answer_is_right():
    """At your reservation price a deal is worth what your BATNA is, so question 6 says
    either answer is right there, and grading keeps that true: no case offers within half
    a thousand of your reservation price, and the strict and the inclusive line both pass
    the visible and the hidden check."""
    text = _flat()
    assert "one exactly at it is worth the same, so either answer is right" in text
    # review 75 U1: the tolerance moved from question 6's text to the check's message
    assert "`offer > reservation` passes as well as `offer >= reservation`" not in text
    assert "an offer at or above it beats your BATNA" not in text
    for n in range(3):
        with course.variants.learner_as(f"learner-{n}"):
            check.respond.__wrapped__(_respond_strictly)
            check.respond.__wrapped__(_respond_strictly, hidden=True)
    for key in (None, "key-1"):
        with hidden_cases_as(key):
            learners = list(check.HIDDEN_LEARNERS)
        for learner in [f"learner-{n}" for n in range(200)] + learners:
            s = course.variant(MODULE, learner)
            for offer, next_ask, _ in check._offers(s, hidden=True):
                assert abs(offer - reservation_of(s)) >= 0.5, (learner, offer)
                assert next_ask is None or abs(offer - next_ask) >= 0.5, (learner, offer)


def test_each_place_says_how_it_counts_rounds_and_the_intro_holds_no_table():
    """Review 58 (U1): the introduction confronted a newcomer, before any content, with a
    table of three ways of counting rounds. Each place that counts rounds says so where it
    is used, so the table is gone; the lengths match the widgets' own (the arena's 10
    rounds, the low-ball moment's 12)."""
    import inspect

    from course.engine import practice
    from course.widgets.practice import ARENA_ROUNDS

    text = _flat()
    intro = text[: text.index("Your scenario")]
    assert "| where | round numbers | how many rounds |" not in intro
    # review 103 U4 (round 105): the module counts rounds from 1 everywhere, as the widgets do
    assert "Rounds count from 1, the opening, as everywhere in the course" in text
    assert "Rounds are numbered from 0, the opening" not in text
    assert "The arena numbers rounds from 1" not in text
    assert "The widgets number rounds from 1, as the arena does" not in text
    assert "use the arena's 10 rounds" in text and "before the tenth round" in text
    assert ARENA_ROUNDS == 10
    assert inspect.signature(practice.LowBallMoment).parameters["rounds"].default == 12
    assert "the talks last 12 rounds" in text


def test_question_1_tells_the_two_estimates_apart_and_states_every_quote_case():
    """`s.their_estimate` (yours, of Orchard) and `s.their_guess` (Orchard's, of you) are
    glossed where question 1 uses them; the quote bullet names the case between your
    estimate and your best fact, and the check accepts any opening in that band (from the
    estimate up to the quote), as the text says (20 learners, visible and hidden cases)."""
    text = _flat()
    assert "`s.their_estimate` (what *you* think of *Orchard*)" in text
    assert "(`s.their_guess`: what *Orchard* thinks of *you*" in text
    assert "A quote below your best fact caps Orchard's reservation price" in text  # r90 U2
    for n in range(20):
        s = course.variant(MODULE, f"learner-{n}")
        top = _own_opening(s)
        for hidden in (False, True):
            for _, quote in check._rivals(s, hidden):
                if not s.their_estimate <= quote < top[0]:
                    continue
                for price in (s.their_estimate, (s.their_estimate + quote) / 2, quote):
                    result = check._check_opening(s, None, (price, list(top[1])), quote)
                    assert result == price, (n, quote, price)


def test_the_course_own_lines_are_said_to_be_the_course_own():
    """Three fifths (the first concession's share) and a quarter (the least an offer gives
    Orchard of its minimum) read like findings; the text says each is this course's line,
    and the checks use those numbers."""
    text = _flat()
    assert "three fifths is this course's line, not a figure from Faratin or another study" in text
    assert "the quarter is this course's line, not a finding" in text
    assert check.FIRST_SHARE == 0.6
    from course.scenarios.concessions import MESO_LEAST_SHARE

    assert MESO_LEAST_SHARE == 0.25


def test_the_closing_move_is_tested_not_held_back():
    """Section 4 told the learner to "keep a point or two in hand" while rule 2.4 and its
    check want the cheapest move that gives Orchard all it still needs; the text now says
    to test the estimate before that move and to make the move conditional."""
    text = _flat()
    assert "keep a point or two in hand" not in text
    assert "Test that guess before the closing move, not after it" in text


def test_the_duration_states_the_reading_load_and_matches_the_course_map():
    text = _flat()
    # review 65 (U4): asides folded, 10,500 -> 9,400; review 66 U1: the count follows the text
    assert f"some {READING_WORDS:,} words of reading" in text
    assert "about seven hours, and about ten if Python is new to you" in text
    assert next(m for m in MODULES if m.folder == MODULE).minutes == 420


def _against_a_walk_out(s, next_year):
    """Question 7 with the walk-out taken as the alternative to a deal."""
    return reservation_of(s) - (next_year["deal"] - next_year["walk-out"])


def test_which_ending_is_the_alternative_to_a_deal_is_the_learners_judgement():
    """Question 7's text named the alternative to a deal (the way of ending that leaves
    next year best), so the question was one subtraction; it now leaves that judgement to
    the learner, and the visible check tells a walk-out taken as the alternative from the
    right one for every learner (a table where the walk-out costs clearly more), with a
    hint that says why; the answer that takes the better way of ending without a deal
    passes."""
    text = _flat()
    assert "you would choose the one that leaves next year best" not in text
    # review 58 (W2): no longer spelled out; review 82 C4: the table gives the way
    assert "question 7 asks how far" in text
    # review 77 C1; review 112 (round 113): the same, in fewer words
    assert "deal does to next year inside it, against the polite walk-away." in text
    for n in range(60):
        hint = _public_hint(check.relationship_reservation, _against_a_walk_out, f"learner-{n}")
        assert hint is not None and "what comparing a deal with a walk-out gives" in hint, (n, hint)

    def best_ending(s, next_year):
        return reservation_of(s) - next_year["deal"] + next_year["polite walk-away"]

    for n in range(3):
        with course.variants.learner_as(f"learner-{n}"):
            check.relationship_reservation.__wrapped__(best_ending)
            check.relationship_reservation.__wrapped__(best_ending, hidden=True)


@pytest.mark.parametrize("decimals", [0, 1, 2])
def test_a_curve_rounded_to_any_grain_passes_as_its_rounding_allows(decimals):
    """Question 2: the course's time_dependent_offer curve (target at the split, beta 1.1 to 2)
    rounded to one decimal failed the growth rule for 8.5% of learners at beta 1.1, with
    the hint 'this is not rounding', though only rounding made the step grow. Rounding to a
    grain of 10**-d moves each offer by at most half a grain, so a step may exceed an
    earlier one by up to a grain: no growth-rule failure for any rounding, and whenever a
    rounded curve fails another rule, the hint names the rounding."""
    from course.scenarios.concessions import reservation_of

    grown = 0
    for learner in SWEEP:
        s = course.variant(MODULE, learner)
        for start in check._openings(s, hidden=False):
            target = (reservation_of(s) + s.their_estimate) / 2
            for beta in (1.1, 1.2, 1.5, 2.0):
                exact = held_curve(s, start, target, beta)
                plan = [round(offer, decimals) for offer in exact]
                steps = [a - b for a, b in itertools.pairwise(plan)]
                grown += any(b > min(steps[: i + 1]) + 1e-9 for i, b in enumerate(steps[1:]))
                try:
                    check._check_plan(plan, start, reservation_of(s), learner, s.their_estimate)
                except NotYet as refusal:
                    assert "is bigger than an earlier one" not in str(refusal)
                    assert "not rounding" not in str(refusal)
                    assert "if you rounded your offers to" in str(refusal)
    assert grown > 0 or decimals == 2  # rounding to 0 or 1 decimals makes steps grow
    text = _flat()
    assert "not all whole numbers" not in text
    # review 64 U1: the slack is the check's to explain (the refusal above), not the text's
    assert "by up to one unit of that rounding" not in text


def test_module_02s_even_split_is_described_as_module_02_states_it():
    """Section 5 said module 02's even-split rule worked because both reservation prices
    were known there, but module 02 calls the other side's limit an estimate; the text
    describes the split as the zone you expect, between yours and your estimate (session
    75: section 2 says so once, and question 2's rule 5 names the fields)."""
    text = _flat()
    assert "both were known there" not in text
    assert (  # review 80 U2, review 93 U4; review 110 C1 (round 111): module 02's rule
        "(halfway from your reservation price to your estimate of the other side's)" in text
    )
    # review 80 U1: question 2 names the fields and points to section 2's band
    # review 108 U5 (round 109): rule 6 names the band's two ends and the estimate
    # review 110 C1 (round 111): up to the best fact
    # review 112 X1 (round 113): up to just below the estimate
    assert (
        "(`s.their_estimate`) up to just below that estimate (section 2); the model answer" in text
    )


def test_the_alternative_to_a_deal_is_the_polite_walk_away():
    """Review 77 C1/X1: question 7 graded a bridge-burning walk-out as the alternative to a
    deal when the made-up `firm` table put its row highest, against section 5 and idea 7;
    a learner who decided to leave politely failed with a hint calling that the worse
    choice. The alternative is now the polite walk-away in every table, visible and hidden,
    and no table puts the walk-out row above it. Failed on the old check."""

    def always_polite(s, t):
        return s.alternative_price + s.extra_cost - (t["deal"] - t["polite walk-away"])

    for n in range(3):
        s = course.variant(MODULE, f"learner-{n}")
        hidden = check._tables(s, True)
        assert all(t["walk-out"] < t["polite walk-away"] for t in hidden)
        with course.variants.learner_as(s.learner):
            check.relationship_reservation(always_polite)
            check.relationship_reservation(always_polite, hidden=True)
            with pytest.raises(NotYet, match="your alternative to a deal is the polite walk-away"):
                check.relationship_reservation(_against_a_walk_out)
    text = _flat()
    assert "convinced Orchard you really have other work" not in text
    assert "a walk-out can be the better ending" not in Path(check.__file__).read_text()


def test_the_text_says_what_makes_one_ending_better_than_the_other():
    """The teaching says what a deal is worth against the alternative, read from the table
    (review 57 E1: no claim that lost trust can raise the gain); review 77 C1: the
    alternative is the polite walk-away, and the made-up walk-out table is gone."""
    teaching = " ".join(cell_text(MODULE, "concessions", "meet-again-teaching").split())
    # review 58 (W2): the teaching gives the principle; choosing the row is question 7's
    assert "compared with what your alternative does to them" in teaching
    assert "the polite walk-away, the way this course leaves (section 5)" in teaching
    assert "The table below gives the way the difference moves" in teaching  # review 82 C4
    question = " ".join(cell_text(MODULE, "concessions", "relationship-text").split())
    assert "in which a walk-out convinced Orchard you really have other work:" not in question
    assert "tables where a deal changes nothing or makes next year worse" in question


def test_the_target_recalls_module_02s_even_split_when_no_fact_grounds_it():
    """Module 02's reviewer (round 61, C3 there): section 1 said module 02's target is
    grounded in a fact you can name, but module 02 puts it at the even split when you have
    none. Review 66 U2: section 1's definition then gave a third formula for the target;
    it now says only what a target is and points to section 2, whose band starts at the even
    split, so no sentence says the target must rest on a fact."""
    flat = _flat()
    assert (
        "**target** (module 02: the outcome you aim to land at, better than your reservation "
        "price; section 2 says where it lies)" in flat
    )
    assert "when you have none, halfway from your reservation price" not in flat
    band = flat[flat.index("The target (section 1) is module 02's") :]
    assert "With no fact to show, aim at the even split" in band[:800]  # review 80 U2


def test_the_landing_may_sit_above_their_minimum_when_you_meet_again():
    """Review 61 C3: section 4 landed exactly on Orchard's minimum while section 5 says
    how Orchard feels about the outcome matters for next year; the landing step now says
    you may land a little above the minimum when you will meet again."""
    text = _flat()
    # review 108 C2 (round 109): the estimate's doubt first, then meeting again
    # review 110 C2 (round 111): the cushion does the work of the price target's quarter
    assert "their minimum is only your estimate, and you will meet again (section 5)" in text


def test_section_4_says_what_the_rule_does_and_that_question_4_grades_its_move():
    """Section 4 tells the learner to choose a landing first, but the planner and question 4
    judge only the one-step rule's move: the text says the rule does not aim at the landing,
    what to do when it stops short, and that question 4 grades the rule's next move; the
    planner's text says how a path to a chosen landing is shown."""
    text = _flat()
    assert "It looks only one move ahead, so it does not always reach your landing" in text
    assert "Where it stops short, propose the landing package itself" in text
    # review 106: section 4's "Question 4b grades your landing, question 4 the rule's next
    # move." repeated question 4's words below and was cut to pay for that round's fixes
    assert "Question 4b grades your landing, question 4 the rule's next move." not in text
    # review 86 U1: the planner's verdict paragraph is cut (tests/test_concessions_review86.py)
    # review 112 (round 113): its last sentence too, to pay for the round's fixes: the
    # verdict itself, under the widget's table, says whether you reached your landing
    assert "The verdict under the table says whether you reached your landing" not in text
    # review 65 X1: the planner's colours follow question 4's rule, and the text says so
    # review 110 U6 (round 111): and amber, the widget's third colour
    assert (
        "green when it is the rule's move, amber when rule 1 keeps it for the close, red when "
        "the rule makes another" in text
    )
    assert "The colours judge how each move is chosen, not where your plan ends" in text
    question = " ".join(cell_text(MODULE, "concessions", "q4-text").split())
    # review 72 X2: it says the rule is a convention, and that 4b grades the decision;
    # review 112 U3 (round 113): the intro's map says which questions apply a rule, 4b's own
    # text that its written part marks the decision
    assert "The check follows section 4's rule: free moves first" in question
    assert "Questions 3, 4, 5b and 6 ask you to follow the module's rules" in text


def test_question_4_names_the_measure_each_rule_ranks_moves_by():
    """Question 4's text names what it grades. Review 78 X3: the phases, not rule 1's
    ranking of free moves: any free move, then the cheapest closing move, then stop."""
    question = " ".join(cell_text(MODULE, "concessions", "q4-text").split())
    assert "rule 1 by the points a free move creates" not in question
    assert "free moves first (it accepts any free move)" in question
    assert "then the cheapest closing move" in question and "then stop" in question


def test_the_pareto_frontier_is_defined_where_the_text_first_uses_it():
    text = _flat()
    first = text.index("Pareto frontier")
    assert text[first:].startswith(
        "Pareto frontier** (the packages that no other package beats for one side without "
        "costing the other)"
    )


def test_rounding_slack_is_told_by_the_check_not_by_rule_3(learner):
    """Review 64 U1: rule 3's clause on rounding slack was detail few learners need; it is
    gone from question 2, and the check's refusal of a step that grows by more than its
    rounding says how much rounding explains."""
    question = " ".join(cell_text(MODULE, "concessions", "q2-text").split())
    assert "slack" not in question and "rounding" not in question.lower()
    s = course.variant(MODULE, learner)
    r, e = reservation_of(s), s.their_estimate
    top = round(e)
    grown = [top + 10, top + 10, top + 7, top + 5, top + 1, top]  # the step of 4 grows
    try:
        check._check_plan(grown, top + 10, r, learner, e)
    except NotYet as refusal:
        assert "by more than rounding to whole thousands explains (up to 1 more)" in str(refusal)
    else:
        raise AssertionError("a plan whose step grows by 2 passed")


def test_last_years_price_is_called_a_fair_ground_when_the_budget_shrank():
    """In half the draws last year's price is the fact that grounds an ambitious opening,
    and in exactly those the story says Orchard's budget is tighter: the text says why it
    still grounds an opening."""
    text = _flat()
    # review 92 U1: said plainly, the same reason
    assert "Citing what they paid last year is fair even if their budget is tighter now" in text


def test_the_two_round_study_is_reported_as_it_found():
    """Section 5 said that in Curhan, Elfenbein and Eisenkraft (2010) what carries over is how
    the other side felt, 'not what the first deal paid'; the study found feelings predicted the
    second round over and above the first deal's outcome, and measured each negotiator's own
    feelings."""
    text = _flat()
    assert "not what the first deal paid" not in text
    assert "predicted how well the second went, over and above what the first deal paid" in text
    assert "The study measured each negotiator's own feelings" in text


def test_the_walk_out_table_is_called_made_up_and_no_case_for_burning_a_bridge_is_made():
    """Review 57 E1: section 5 said that outside the simulation a walk-out can leave next year
    better (the client must price another studio's work), but a polite walk-away does that
    too, so the example argued for burning the bridge with no reason, against idea 7. The
    check's walk-out-higher table is now called a made-up table that tests reading the rows;
    in the simulation the polite row is the higher for almost every learner."""
    text = _flat()
    assert "Outside the simulation a walk-out can leave next year better" not in text
    assert "can reset where next year's talks start" not in text
    assert "less trust does not always mean less gain" not in text
    assert "the polite walk-away's row is almost always the higher" not in text  # review 58 W2
    assert "decide both for a made-up table too" not in text  # review 77 C1
    assert "tables where a deal changes nothing or makes next year worse" in text  # review 82
    higher = 0
    for n in range(12):
        following = check.next_year(course.variant(MODULE, f"r-{n}"))
        higher += following["polite walk-away"] >= following["walk-out"]
    assert higher == 12


def test_the_next_year_simulation_runs_the_arenas_rounds_and_bots_on_prices_to_200():
    """Section 5 said the next-year simulation had 'the arena's settings ... prices from 0
    to 200', but the arena's prices run from 0 to 100; the simulation keeps the arena's 10
    rounds and bots and widens the scale to 200 so that Orchard's prices fit. The text and
    the header table say so, and the check's simulation calls the engine that way."""
    import inspect

    import course.engine.practice as practice

    flat = _flat()
    assert "the arena's settings" not in flat
    assert (
        "use the arena's 10 rounds and its bots, whatever `s.rounds` says, on a price scale "
        "from 0 to 200 (thousands) so that Orchard's prices fit" in flat
    )
    assert "the arena's run to 100" not in flat  # review 58 (U1): the intro table is gone
    assert (practice.LOW, practice.HIGH) == (0, 100)
    calls = []
    real = practice.next_time

    def spy(*args, **kwargs):
        calls.append(kwargs)
        return real(*args, **kwargs)

    practice.next_time = spy
    try:
        check._next_year.__wrapped__(LEARNERS[0])
    finally:
        practice.next_time = real
    assert calls and all(c["high"] == 200 and c.get("rounds", 10) == 10 for c in calls)
    assert inspect.signature(real).parameters["rounds"].default == 10


def test_the_text_credits_lax_and_sebenius_with_an_argument_and_the_low_ball_target_exactly():
    """Lax and Sebenius argued that creating and claiming value pull against each other
    (the text said they 'showed' it, which module 05 does not); the low-ball's target is
    two fifths of the way from 50 to 95, which is question 3's check's target only where
    the even split lies lower (the text said 'as in question 3')."""
    flat = _flat()
    assert "showed how the two pull against each other" not in flat
    assert "argued that claiming value gets in the way of creating it" in flat  # r108
    assert "(68), as in question 3." not in flat
    assert 50 + 2 / 5 * (95 - 50) == 68


def test_the_low_ball_target_lies_in_module_02s_band_for_an_estimate_the_text_gives():
    """Review 56 (C2, U4): section 2 says one rule bounds every target (from the even split
    to nine tenths of the way up to the estimate), but the low-ball gave no estimate of the
    buyer's limit, so its 68 was justified by question 3's check and no reader could place
    it. The text now gives the estimate (72, the middle of the limits the moment draws,
    60 to 85), and the target lies inside that band: since session 75 it is the band's top
    (three quarters of the way up, 66.5, asked as 67), which the moment computes from that
    estimate."""
    import random

    from course.engine.practice import LowBallMoment

    flat = _flat()
    assert "as question 3's check aims when the even split lies lower" not in flat
    assert "you estimate the buyer's at 72 (it lies from 60 to 85)" in flat
    limits = set()
    for seed in range(300):
        moment = LowBallMoment(rng=random.Random(seed))
        limits.add(-moment._negotiation.preferences["buyer"].reservation)
    assert min(limits) == 60 and max(limits) == 85
    reservation, estimate, target = 50, 72, moment.target
    assert (moment.your_reservation, moment.estimate) == (reservation, estimate)
    assert (min(limits) + max(limits)) / 2 == pytest.approx(estimate, abs=0.5)
    top = reservation + 0.75 * (estimate - reservation)
    assert (reservation + estimate) / 2 <= top <= target < top + 1 and target == 67


def test_question_2_leaves_the_plan_to_the_learner_and_hands_no_formula():
    """Question 2 told the learner to call time_dependent_offer with the deadline s.rounds - 1
    and 1.1 <= beta <= 2, and its model answer was that one call: a schedule formula, not a
    plan. It now says the target's place in the band, the steps' shape and the holds are the
    learner's call, names no formula, and its model answer writes shrinking steps by hand (the
    sweep runs it for every learner)."""
    text = (Path(__file__).parents[1] / "source" / MODULE / "concessions.py").read_text()
    question = text[text.index("### Question 2 (") : text.index("### Question 3 (")]
    asked = question[: question.index("def concession_plan")]
    assert "time_dependent_offer" not in asked and "\\beta" not in asked
    # review 86 U1 cut "How fast your steps shrink and where you hold is yours to decide":
    # the question's first sentence and rule 3 say it
    assert "The plan is yours to choose; it must" in " ".join(
        line.lstrip("# ").strip() for line in asked.splitlines()
    )
    model = question[question.index("### BEGIN SOLUTION") : question.index("### END SOLUTION")]
    assert "time_dependent_offer" not in model and "concession_fraction" not in model


def test_question_3_s_words_give_the_band_the_check_accepts():
    """Question 3's words: the most you may give back is Orchard's concession capped by
    your own last one (before your first, by three fifths of the room to the target), and
    always by the room left to the target; the check accepts half of that most up to all
    of it. Read that way, the words give the check's band in every history it tries, for
    40 learners, visible and hidden, including those where the room to the target is what
    binds (the words once left that cap out, and read literally allowed only the target)."""
    flat = _flat()
    # review 80 U1: question 3 points to section 3's rules, which state the caps
    assert "your next offer by section 3's rules 2 and 3" in flat
    assert "your offer never goes below it" in flat
    assert (  # review 89 U2: the caps as a list
        "Your **allowance** is the smallest of four numbers: their concession; your plan's next "
        "step; your own last concession (holds do not count; before your first, three fifths "
        "of the room to your target); and the room left to your target. Give between half of "
        "your allowance and all of it." in flat  # review 112 U5 (round 113)  # review 91 U1
    )
    bound = 0
    for learner in LEARNERS:
        with course.variants.learner_as(learner):
            for hidden in (False, True):
                for s in check._scenarios(hidden):
                    target = check._plan_target(s)
                    for mine, theirs in check._histories(s, hidden):
                        own = [a - b for a, b in itertools.pairwise(mine) if a > b]
                        cap = own[-1] if own else 3 / 5 * (mine[-1] - target)
                        step = max(theirs[-1] - max(theirs[:-1]), 0)  # new ground
                        most = min(step, cap, mine[-1] - target)
                        bound += 0 < mine[-1] - target < min(step, cap)
                        words = (mine[-1] - most, mine[-1] - most / 2)
                        band = check.tit_for_tat_band(s, list(mine), list(theirs), target)
                        assert words == pytest.approx(band), (learner, mine, theirs, target)
    assert bound > 0  # the room to the target binds in some histories


def _next_by_rule_path(s, current):
    path = TradeTable(s.yours, s.theirs).rule_path(current, s.their_minimum, most=1)
    return path[1] if len(path) > 1 else None


def _next_by_preferred_trade(s, current):
    table = TradeTable(s.yours, s.theirs)
    best = preferred_trade(
        table.options(current, gives=True), table.shortfall(current, s.their_minimum)
    )
    return None if best is None else best["package"]


def _plan_of_the_engine(s, opening):
    """The asks of the engine's own plan (the one its simulations play), with its deadline
    moved so that its target falls in the last round: a plan of shrinking steps to section
    2's target (three quarters of the way up to the estimate, rounded up to a whole price),
    which question 2 accepts for almost every learner."""
    from course.engine.practice import EARLY_STOP, Plan

    reservation = s.alternative_price + s.extra_cost
    plan = Plan(reservation, opening, s.rounds + EARLY_STOP, estimate=s.their_estimate)
    ask = getattr(plan, "planned_ask", None) or plan.ask
    return [ask(t) for t in range(s.rounds)]


def _landing_by_the_key(s, margin=0):
    table = TradeTable(s.yours, s.theirs)
    point = landing_point(table, s.their_minimum + margin)
    return next(package for package, you, them in table.packages if (you, them) == point)


#: For each graded question, answers that only call what the check uses to know the answer.
KEY_CALLS = {
    "opening": [lambda s, anchor, quote=None: check.grounded_opening(s, anchor, quote)],
    "concession_plan": [
        lambda s, opening: check.course_plan(s, opening),
        lambda s, opening: _plan_of_the_engine(s, opening),
    ],
    "tit_for_tat": [
        lambda s, m, t, g: check.tit_for_tat_offer(s, m, t, g),
        lambda s, m, t, g: check.tit_for_tat_band(s, m, t, g)[0],
    ],
    "next_trade": [_next_by_rule_path, _next_by_preferred_trade],
    "landing": [_landing_by_the_key],
    "meso": [
        lambda s: check.equivalent_offers(s),
        lambda s: [dict(row[0]) for row in meso_triples(s)[0]],
    ],
    "read_pick": [
        lambda s, offers, picked: check.pick_reading(s, offers, picked),
        lambda s, offers, picked: pick_reading(s, TradeTable(s.yours, s.theirs), offers, picked),
    ],
    "respond": [lambda s, offer, ask, ceiling=None: check.best_response(s, offer, ask, ceiling)],
    "relationship_reservation": [lambda s, following: check.adjusted_reservation(s, following)],
}


@pytest.mark.parametrize("question", QUESTIONS)
@pytest.mark.parametrize("hidden", [False, True])
def test_an_answer_that_calls_the_answer_key_fails(learner, question, hidden):
    """An answer that is one call into what the check uses to know the right answer would be
    right on every case grading tries: every such answer fails, visible and hidden, and
    the hint asks for the learner's own working."""
    for answer in KEY_CALLS[question]:
        assert "course's own answer" in miss(getattr(check, question), answer, hidden), question


def _consulting(answers):
    """For each question, answers that are the notebook's own solution but first consult
    something the check uses to judge an answer (a judge, or a hint that knows the right
    answer): each such call would tell the learner's code what is right, so each is an
    answer key too."""
    sol = answers

    def table(s):
        return TradeTable(s.yours, s.theirs)

    def opening_judged(s, anchor, quote=None):
        result = sol["opening"](s, anchor, quote)
        check._check_opening(s, anchor, result, quote)
        return result

    def statements_judged(s, anchor, quote=None):
        result = sol["opening"](s, anchor, quote)
        said = [result[1]] if isinstance(result[1], str) else result[1]
        for key in said:
            check._check_statement(s, "", key)
        return result

    def plan_judged(s, opening):
        plan = sol["concession_plan"](s, opening)
        check._check_plan(plan, opening, s.alternative_price + s.extra_cost, "", s.their_estimate)
        return plan

    def mistake_named(s, mine, theirs, target):
        value = sol["tit_for_tat"](s, mine, theirs, target)
        check._tit_for_tat_mistake(s, mine, theirs, target, value + 5, (value, value))
        return value

    def move_judged(s, current):
        result = sol["next_trade"](s, current)
        options = table(s).options(current, gives=True)
        needed = table(s).shortfall(current, s.their_minimum)
        if result is None:
            check._no_move_hint(s, table(s), current, options, current)
            return None
        chosen = next(o for o in options if o["package"] == result)
        check._judge_choice(s, "", result, chosen, chosen, needed)
        return result

    def response_hinted(s, offer, ask, ceiling=None):
        result = sol["respond"](s, offer, ask, ceiling)
        other = "counter" if result == "accept" else "accept"
        check._response_hint(s, offer, ask, result, other)
        return result

    return {
        "opening": [opening_judged, statements_judged],
        "concession_plan": [plan_judged],
        "tit_for_tat": [mistake_named],
        "next_trade": [move_judged],
        "respond": [response_hinted],
    }


@pytest.mark.parametrize(
    "question", ["opening", "concession_plan", "tit_for_tat", "next_trade", "respond"]
)
@pytest.mark.parametrize("hidden", [False, True])
def test_an_answer_that_consults_a_judge_of_answers_fails(answers, question, hidden):
    """The private judges and hints of the checks know what is right: an answer that calls
    one fails, visible and hidden, and the hint asks for the learner's own working."""
    for answer in _consulting(answers)[question]:
        assert "course's own answer" in miss(getattr(check, question), answer, hidden), (
            question,
            answer.__name__,
        )


def _reads_no_story(s, anchor, quote=None):
    """Question 1 answered by a fixed policy on what each statement reports, without
    comparing any figure with the story: cite whichever of the survey and Linden names
    more, never Birch, another retailer or the demand, and cap the price at a quote."""
    market = [k for k, st in s.statements.items() if st.about in ("survey", "linden")]
    key = max(market, key=lambda k: s.statements[k].figure)
    price = s.statements[key].figure
    return (price if quote is None else min(price, quote)), [key]


def test_an_opening_that_reads_no_story_fails(capsys):
    """The statements' keys were their kinds ('threat', 'other_retailer' always untrue) and
    the two market facts were always true, so a fixed policy that never read the story
    passed the visible and hidden checks for every learner. The keys are now neutral, a
    low market fact is misquoted in some stories and another retailer's offer is real in
    others: the policy fails the hidden check for every learner, and the visible one
    wherever the learner's own story has either (and the misquote names the most)."""
    fooled = 0
    for learner in LEARNERS:
        with course.variants.learner_as(learner):
            s = course.variant(MODULE)
            assert "course's own" not in miss(check.opening, _reads_no_story, hidden=True)
            # fooled where the market fact naming more is true (a misquote may name less
            # than the high fact since session 55)
            market = [_about(s, about) for about in ("survey", "linden")]
            plain = "retailer" not in s.facts and _true(
                s, max(market, key=lambda k: s.statements[k].figure)
            )
            if plain:
                fooled += 1
            else:
                miss(check.opening, _reads_no_story)
    assert fooled < 0.75 * len(LEARNERS)


def test_the_text_says_which_choices_of_questions_2_and_3_are_not_graded():
    """Question 3 called the share of Orchard's concession given back the learner's call,
    case by case, but a constant share of a half, or of all of it, passes; question 2's
    target may lie anywhere in the band. The text now says neither is graded."""
    flat = _flat()
    assert "is yours to decide, case by case, as rule 2 says" not in flat
    # review 80 U1; review 112 (round 113): what it accepts, in fewer words
    assert "The check accepts any share from half of your allowance to all." in flat
    # review 108 U5; review 110 C1 (round 111): the range runs to the best fact
    assert "6. end at a target from the even split between your reservation price" in flat

    def half(s, mine, theirs, target):
        return mine[-1] - 0.5 * (mine[-1] - _own_tit_for_tat(mine, theirs, target))

    for learner in LEARNERS[:3]:
        with course.variants.learner_as(learner):
            check.tit_for_tat(half, hidden=True)


def test_the_story_says_the_discount_leaves_this_years_price_and_reservation_alone():
    """The framework's discount (up to 10%) was scored only in points while the price
    questions fixed the reservation price at Birch's price plus the extra cost, as if no
    discount could follow: the story now says the discount comes off the later years'
    prices, not this year's, and that the points count what it costs."""
    story = course.variant(MODULE, "ada").story()
    assert "on top of the price" not in story
    assert "The discount comes off the prices of years two and three, never this year's" in story
    assert "your reservation price for this year stands" in story


# --- session 55: wrong methods the text warns against, and hints that give answers away ---


def _birch_against_own_reservation(s, anchor, quote=None):
    """Question 1 with the comparison the text warns against: Birch's true offer is cited
    when your own reservation price, not Birch's offer, is above what Orchard believes
    your other work pays."""
    price, said = _own_opening(s, anchor, quote)
    birch = _about(s, "birch")
    if _true(s, birch) and reservation_of(s) > s.their_guess:
        return price, (said[0], birch)
    return price, said[:1]


def _lowest_figure_at_or_above_the_estimate(s, anchor, quote=None):
    """Question 1 by figures alone: open at the lowest figure at or above your estimate of
    Orchard's limit, never reading the story."""
    key = min(
        (k for k, st in s.statements.items() if st.figure >= s.their_estimate),
        key=lambda k: s.statements[k].figure,
    )
    figure = s.statements[key].figure
    return (figure if quote is None else min(figure, quote)), [key]


@pytest.mark.parametrize(
    "wrong", [_birch_against_own_reservation, _lowest_figure_at_or_above_the_estimate]
)
def test_question_1_refuses_each_method_the_text_warns_against(wrong):
    """Comparing Birch with your own reservation price (not with what Orchard believes)
    passed question 1 in the kernel for 173 of 200 learners and at grading for 55 of 144
    (learner, key) pairs; citing the lowest figure at or above the estimate passed for all
    200 and 144, as every untrue statement named more than every true one. Both now fail the
    hidden check for every learner and key tried (in the kernel, the public hidden learners
    include a weak Birch below your reservation price and an untrue figure below the high
    fact)."""
    for n in range(12):
        with course.variants.learner_as(f"learner-{n}"):
            miss(check.opening.__wrapped__, wrong, True)
    for key in ("k1", "secret-xyz", "grading-3"):
        with hidden_cases_as(key):
            with course.variants.learner_as("learner-0"):
                miss(check.opening.__wrapped__, wrong, True)
            labels = [label for label, _ in check._HiddenLearners._KINDS]
            kinds = dict(zip(labels, check.HIDDEN_LEARNERS, strict=True))
            weak = check._variant(kinds["birch-weak"])
            assert weak.alternative_price < weak.their_guess < reservation_of(weak)
            assert check._decoy_below_top(check._variant(kinds["tight"]))


def test_the_hints_of_questions_6_and_7_name_no_verdict_and_no_value():
    """Question 6 printed "it should be 'accept', not 'counter'" and question 7 "expected
    74.5, got 0" with the rule's formula, so rerunning the check gave the answers away. A
    hint now says what is wrong with the learner's answer in words: the deciding facts for
    question 6, the side of the reservation price for question 7."""
    for n in range(12):
        learner = f"learner-{n}"
        s = course.variant(MODULE, learner)
        for given in check.ANSWERS:
            hint = _public_hint(check.respond, lambda s, o, a, c=None, g=given: g, learner)
            verdicts = [v for v in check.ANSWERS if v != given and f"'{v}'" in hint]
            assert hint is not None and "should be" not in hint and not verdicts, hint
        for value in (0.0, 1000.0, reservation_of(s) + 0.3, reservation_of(s) - 0.3):
            hint = _public_hint(check.relationship_reservation, lambda s, f, v=value: v, learner)
            said = {float(x) for x in re.findall(r"\d+(?:\.\d+)?", hint)}
            for table in check._tables(s, False):
                right = check.adjusted_reservation(s, table)
                given = {reservation_of(s), value, *table.values()}
                assert right in given or right not in said, hint
            assert "expected" not in hint, hint


def test_question_2_refuses_the_boulware_shape_section_2_warns_against(learner):
    """A plan that holds in every round but the last two, then gives 60% and 40% of its
    concession, passed question 2 for 25 of 25 learners (holds did not count as steps),
    though section 2 says such late steps tell Orchard to keep pushing. The first
    concession must now come by round 2; one leading hold still passes. Session 75: the
    plans stop at section 2's target, three quarters of the way up to the estimate."""

    def boulware(s, o):
        target = to_the_top(s, o)
        return [o] * (s.rounds - 2) + [o - 0.6 * (o - target), target]

    def one_hold(s, o):
        target = to_the_top(s, o)
        rest = [o - (o - target) * (1 - 0.5**t) for t in range(s.rounds - 1)]
        return [o, *rest[:-1], target]

    def hold_then_shrink(s, o):  # review 56, C3: steps shrink, so not Boulware
        target, n = to_the_top(s, o), s.rounds - 3
        given = itertools.accumulate(range(n, 0, -1))  # steps n, n - 1, ..., 1
        return [o, o, o] + [o - (o - target) * g / (n * (n + 1) / 2) for g in given]

    for n in range(25):
        hint = _public_hint(check.concession_plan, boulware, f"learner-{n}")
        assert hint is not None and "holds until round" in hint, hint
        assert _public_hint(check.concession_plan, one_hold, f"learner-{n}") is None, n
        # a late start with shrinking steps is refused for holding, never called Boulware
        # (section 2 defines Boulware by steps that grow)
        hint = _public_hint(check.concession_plan, hold_then_shrink, f"learner-{n}")
        assert hint is not None and "run out of rounds" in hint, hint
        assert "Boulware" not in hint, hint
    flat = _flat()
    assert "Concede in round 3; later holds are yours to place" in flat  # review 80 U1; r105 U4
    assert "Holding firm says you can wait; two Boulware sides may run out of time." in flat
    assert "is the Boulware shape" not in flat
    assert "are fine anywhere" not in flat


def test_the_text_says_what_comes_back_and_where_the_last_round_leaves_room():
    """Section 5 gave one exception to 'nothing below the split' (a believable cap) and a
    second three lines later (the last round); question 3 said its target is where your
    plan stops, though the check passes its own."""
    flat = _flat()
    # review 59 C1; review 68 C1: question 6 now accepts module 02's answer too
    # review 103 C3 (round 104): the line is your target; the check accepts from the split
    assert (
        "at or above your target you may also accept; the check, which cannot see your "
        "target, accepts from the even split)" in flat
    )  # review 76 C1
    assert "`target` is where your plan stops (question 2)" not in flat
    assert "(the check passes its own)" in flat


def test_a_free_move_has_one_name_wherever_the_learner_reads_it():
    """The text defines a **free move**; the check's hint said "free trade" and "trades that
    cost nobody anything", the planner's table and an example "costs nobody anything"."""
    root = Path(__file__).parents[1]
    for path in ("course/checks/concessions.py", "course/widgets/concessions.py"):
        code = (root / path).read_text()
        assert "costs nobody anything" not in code and "cost nobody anything" not in code
        assert '"another free trade' not in code
    assert "costs nobody anything" not in _flat()


def test_the_threat_is_set_apart_from_the_bluff_by_what_it_claims():
    """Review 57 C1: section 1 called 'I can't go below 110' a tolerated bluff and 'Pay 111, or
    we take Birch's job' a bluff that 'can also count as a misrepresentation of your intention',
    without saying what separates them. The text now rests its objection on the threat and
    says why the course (with modules 00 and 02) puts a false statement of what you will do
    on the line (review 68 U3: it said "a false promise of an act", but a threat is no
    promise)."""
    text = _flat()
    assert "which can also count as a misrepresentation of your intention" not in text
    assert "do not: it invites a threat back" in text  # review 83 U3: two clauses
    assert (
        # review 108 C4 (round 109): module 00's words, as question 1's hint
        "a false statement of your intent sits on the line between a bluff and a "
        "misrepresentation" in text
    )


def test_the_summary_states_paced_tit_for_tat_as_rule_2_does(learner, capsys):
    """Review 57 C2: the summary said 'by a share of theirs you choose (at least half), never
    more than your own last step', which forbids every answer when Orchard concedes 10 after
    your step of 4; rule 2 and the check take at least half of the capped most. The pass
    message said the same."""
    text = _flat()
    assert "by a share of theirs you choose (at least half)" not in text
    # review 91 U1: rule 2's bound is named the allowance, in the summary and the message too
    # review 95 U1 (round 96): the summary states it as a principle; rule 2 lists its numbers
    assert "from half to all of your allowance: give back at most what they gave" in text
    answers = solution_namespace(MODULE, "concessions")
    check.tit_for_tat(answers["tit_for_tat"])
    out = capsys.readouterr().out
    assert "at least half of it" not in out and "of your allowance" in out and "half of it" in out


def test_one_word_for_the_reservation_price_and_the_target_band_is_a_convention():
    """Review 57 C3, C4, E3: module 02 calls the target band its convention, module 04 called
    it 'module 02's advice' (text and three check hints); 'limit' and 'the most it would pay'
    stood for the reservation price in section 1, question 1, the arena and two check or
    widget sentences; the quote band's 3 had no unit."""
    text = _flat()
    assert "module 02's advice" not in text
    # session 75: the aside calls the band the convention it is (rule 5's "module 02's
    # convention" went with the old estimate cap)
    # review 78 U6; 102 U2; review 110 C1 (round 111): up to the best fact
    assert "checks accept any target from the even split up to just below your estimate" in text
    assert "Orchard's limit" not in text and "their limit" not in text
    assert "the most it would pay" not in text
    # review 78 U6: the course's lines are named once; review 102 U2: where each is used
    assert "over an equal rival, and the course's line." in text  # review 106 C3
    root = Path(__file__).parents[1]
    checks = (root / "course" / "checks" / "concessions.py").read_text()
    assert "module 02 puts a target" not in checks
    assert "Orchard's limit against you" not in checks
    assert "(thousand) under it" in checks
    practice = (root / "course" / "widgets" / "practice.py").read_text()
    assert "a bluff about its limit" not in practice


def test_the_low_ball_buyers_are_called_an_assumption_and_the_zone_is_defined():
    """Review 57 E2, U3, U4: step 3 of 'what to say' gave the two kinds of buyer as facts
    about buyers, though the course chose them and no study is cited; section 1 leaned on
    module 01's band model in one dense sentence; 'the zone you expect' came before it was
    said what the zone is."""
    text = _flat()
    assert "(the course's assumption; no study has measured it)" in text  # review 102 U2
    assert "module 01's band model" not in text
    # review 93 U4: "zone" means module 02's ZOPA only, defined at its first use (section 5)
    defined = "no **zone of possible agreement** (module 02's ZOPA)"
    assert defined in text
    first = text.index("zone")
    assert text.index(defined) < first + 40
    assert first >= text.index("The target (section 1) is module 02's")


def _opening_by_own_reservation(s, anchor, quote=None):
    """Question 1 with Birch told whenever Orchard's belief is below your own reservation
    price: the comparison the text warns against."""
    price, said = _own_opening(s, anchor, quote)
    said = [k for k in said if s.statements[k].about != "birch"]
    birch = _about(s, "birch")
    if _true(s, birch) and s.their_guess < reservation_of(s):
        said.append(birch)
    return price, said


def _opening_by_figures(s, anchor, quote=None):
    """Question 1 by figures alone: the lowest figure at or above the estimate, true or not."""
    keys = [k for k, st in s.statements.items() if st.figure >= s.their_estimate]
    keys = [k for k in keys if s.statements[k].about != "demand"]
    key = min(keys, key=lambda k: s.statements[k].figure)
    price = s.statements[key].figure
    return (price if quote is None else min(price, quote)), [key]


@pytest.mark.parametrize("learner_id", [f"r-{n}" for n in range(8)] + ["r-100", "r-101"])
def test_question_1s_two_distinctions_are_refused_by_the_visible_check(learner_id):
    """Review 57 W1: comparing Birch with your own reservation price (not with Orchard's belief)
    passed the visible check for about 95% of learners, and citing a figure without checking
    it is true for about half: only the hidden test refused them. The visible check now adds a
    public learner of each kind when the learner's own scenario is not one."""
    from course.variants import learner_as

    with learner_as(learner_id):
        hint = miss(check.opening, _opening_by_own_reservation)
        assert "weak alternative" in hint or "less than the" in hint, hint
        assert "not true" in miss(check.opening, _opening_by_figures)
        answers = solution_namespace(MODULE, "concessions")
        check.opening(answers["opening"])


def test_the_departure_from_the_equal_value_rule_is_named_and_grading_detail_is_cut():
    """Review 57 W3, U1: on the frontier the module redefines 'every give brings something
    back' (the deal comes back); the text now names that as the course's departure from the
    common rule and says a give that would not help close is still refused. The rounding
    grace of question 2 and the planner's fewer-levels case (2.7% of learners) are left to
    the check's and the verdict's messages."""
    text = _flat()
    assert "Its intent, nothing for free, holds there" in text
    assert "this course departs from it" not in text
    assert "a give that would not help close the deal is still refused" in text
    assert "look at your steps after rounding" not in text
    assert "takes levels back on balance" not in text


def test_rule_2_3_says_the_deal_must_still_beat_your_batna_and_that_this_case_does_not_score_it():
    """Review 58 E1: rule 2.3 and the 'equal value back' paragraph asserted that the deal a
    concession buys is worth more to you than your BATNA, though the framework case gives
    Kite no floor of its own and the rule never reads Kite's total. The text now makes it a
    condition and says the case does not score it; the scenario is held to that."""
    from dataclasses import fields

    from course.scenarios.concessions import KiteContract

    text = _flat()
    assert "which is worth more to you than your BATNA" not in text
    assert "is the deal itself, worth more to you than your BATNA" not in text
    # review 76 U1: the caveat is cut to its condition
    # review 94 U3: rules 2.1-2.3 merged into rule 2's text, the condition kept
    # review 103 C2 (round 104): the condition is checkable, on this year's price
    assert (
        "while its price still beats your reservation price (section 5 counts the "
        "relationship). If no deal is signed" in text
    )
    assert "This case does not score that" not in text
    # review 94 U3: rules 2.1-2.3 are rule 2's own text now
    # round 105: the aside and the summary say rule 2's condition in rule 2's words
    assert "is the deal itself, while its price still beats your reservation price (rule 2)" in text
    assert (  # review 80 C1: the summary puts the condition on the deal a give is part of
        "make every give conditional on it, and only while its price beats your reservation "
        "price" in text
    )
    # 'does not score that' stays true only while Kite has no floor of its own in the case
    assert not any("your_minimum" in f.name for f in fields(KiteContract))


def test_the_bluffing_convention_rests_on_the_model_rule_not_on_carr():
    """Review 58 C3: section 1 cited Carr as the authority for the convention that tolerates
    a bluff, while module 00 says the convention rests on the comment to Model Rule 4.1 and
    that Carr, who excused misstated facts too, is no authority for it. Section 1 also
    named 'the lawyers' convention' without having introduced it."""
    text = _flat()
    assert "which Carr defended" not in text
    assert "The lawyers' convention" not in text
    assert (
        "tolerated by the conventions of negotiation (the comment to the American Bar "
        "Association's Model Rule 4.1)" in text  # review 90 U2: pointer cut
    )
    assert (
        "went further and excused some misstatements of fact too, which this course does not"
        in (text)
    )


def test_question_2_holds_in_round_1_because_an_opening_is_not_a_concession(answers, capsys):
    """Review 58 (C2): question 2 let a plan step in round 1, right after Orchard's opening,
    and its model answer did so for every learner, though section 3's rule 1 says never to
    concede into silence and module 05 reads module 04 as 'an opening is not one, so hold
    after it'. The check now refuses a step in round 1 (it passed for every learner before),
    and the model answer and the course's plan hold there."""
    plan = answers["concession_plan"]

    def step_at_once(s, o):  # the old model answer: steps n, n - 1, ..., 1 from round 1
        target, n = (o + reservation_of(s)) / 2, s.rounds - 1
        given = itertools.accumulate(range(n, 0, -1))
        return [o] + [o - (o - target) * g / (n * (n + 1) / 2) for g in given]

    for n in range(25):
        learner = f"learner-{n}"
        hint = _public_hint(check.concession_plan, step_at_once, learner)
        assert hint is not None and "concession into silence" in hint, hint
        s = course.variant(MODULE, learner)
        for start in (s.their_estimate, check.grounded_opening(s)[0]):
            assert plan(s, start)[1] == start
            assert check.course_plan(s, start)[1] == start
    check.concession_plan(plan, hidden=True)
    assert "\N{CHECK MARK}" in capsys.readouterr().out
    flat = _flat()
    # review 79 U4: the hold is question 2's rule 3 of its own
    assert "3. hold (a step of 0) in round 2: Orchard has only opened" in flat  # r105 U4


def test_question_5b_asks_for_the_reading_and_does_not_spell_out_the_algorithm():
    """Review 58 (W1): question 5b spelled out its algorithm (the empty set for the offer the
    research rated best, else the issues whose level index is higher than in that offer),
    so the answer was the text transcribed. It now asks the learner to work the reading out
    from section 4's 'Reading the pick', which states the idea, not the code."""
    question = " ".join(cell_text(MODULE, "concessions", "q5b-text").split())
    assert "an empty set when it picked" not in question
    assert "a level further towards Orchard's end" not in question
    assert 'Work it out from "Reading the pick" above' in question
    reading = " ".join(cell_text(MODULE, "concessions", "meso-teaching").split())
    assert "tells you nothing new to act on" in reading
    # review 75 E1: read against the offer the research rated best for Orchard
    assert (
        "each issue where the pick gives it more ground than that offer is a candidate" in reading
    )


def test_a_quote_below_your_reservation_price_is_taught_and_never_sent():
    """Review 59 E2: question 1's quote rule ('open at the quote or up to 3 below it') read as
    if it held for a quote below the learner's own reservation price, where there is no zone
    and section 5's polite walk-away is the answer. The text now says so and that the check
    sends no such quote; here every quote it sends, visible or hidden, leaves the whole band
    of openings under the quote above the reservation price."""
    from course.scenarios.concessions import reservation_of

    text = (Path(__file__).parents[1] / "source" / MODULE / "concessions.py").read_text()
    flat = " ".join(line.lstrip("# ").strip() for line in text.splitlines())
    # review 76 X2: the table is one rule; review 90 U2 cut the sentence on this case, which
    # the check still keeps (no quote 3 or less above the reservation price)
    assert "The check sends no quote below your reservation price" not in flat
    for learner in SWEEP:
        s = check._variant(learner)
        for _, rival in check._rivals(s, hidden=True):
            assert rival - check.QUOTE_BAND > reservation_of(s), (learner, rival)


def test_accepting_at_the_even_split_passes_and_below_it_is_told_why_not(answers, capsys):
    """Review 59 C1 made the text and hint say where modules 02 and 04 differ, but question 6
    still marked module 02's "acceptable" answer wrong (review 68 C1: alice, 91.56 against a
    next ask of 92.06 and an even split of 80). Module 02 leaves taking such an offer to
    the learner, so question 6 now accepts "accept" or "counter" for an offer at or above
    the even split while rounds remain, visible and hidden, and the text says so. Accepting
    below the split while rounds remain still fails, and its hint names the split."""
    from course.scenarios.concessions import reservation_of

    text = (Path(__file__).parents[1] / "source" / MODULE / "concessions.py").read_text()
    flat = " ".join(line.lstrip("# ").strip() for line in text.splitlines())
    assert "and the two agree" not in flat
    assert (
        "at or above your target you may also accept; the check, which cannot see your "
        "target, accepts from the even split)" in flat
    )  # s76 C1; review 103 C3
    assert "but question 6 grades this stricter rule" not in flat
    assert "What the check tolerates" not in flat  # review 75 U1: in the check's message
    right = answers["respond"]

    def at_the_split(s, offer, next_ask, ceiling=None, in_writing=False):
        split = (reservation_of(s) + s.their_estimate) / 2
        if next_ask is not None and offer >= split:
            return "accept"
        return right(s, offer, next_ask, ceiling, in_writing)

    def above_the_split(
        s, offer, next_ask, ceiling=None, in_writing=False
    ):  # strictly above: also right
        split = (reservation_of(s) + s.their_estimate) / 2
        if next_ask is not None and offer > split:
            return "accept"
        return right(s, offer, next_ask, ceiling, in_writing)

    for hidden in (False, True):
        check.respond(at_the_split, hidden=hidden)
        check.respond(above_the_split, hidden=hidden)
        check.respond(right, hidden=hidden)
    assert capsys.readouterr().out.count("\N{CHECK MARK}") == 6
    # the band is tried: some case lies in it for every learner, visible and hidden
    for learner in LEARNERS:
        s = course.variant(MODULE, learner)
        split = (reservation_of(s) + s.their_estimate) / 2
        for hidden in (False, True):
            assert any(
                a is not None and split <= o < a and check.best_response(s, o, a, c) == "counter"
                for o, a, c in check._offers(s, hidden)
            ), (learner, hidden)

    def at_the_reservation(
        s, offer, next_ask, ceiling=None, in_writing=False
    ):  # below the split: wrong
        if next_ask is not None and offer >= reservation_of(s):
            return "accept"
        return right(s, offer, next_ask, ceiling, in_writing)

    hint = miss(check.respond, at_the_reservation)  # a visible case lies there
    assert "and below the even split, " in hint, hint
    assert "so below any target of section 2's band: counter" in hint  # review 103 C3
    assert "rounds remain" in hint


def test_review_63_the_threat_row_states_the_common_ground_and_question_7_warns_of_threats():
    """Review 63 C2: the threat row's last cell refereed between modules ("module 02 accepts
    either label"), as if the course had no settled view; it now states the common ground
    of modules 00, 02 and 03. C4: question 7 rewards a higher walk-out row without a word on
    section 1's threats. U2: rule 2.3's last sentence is plain. Seen failing on the old
    text."""
    text = _flat()
    assert "module 02 accepts either label" not in text
    assert "The Model Rule's comment would treat it like the bluff above" not in text
    assert (
        "a false statement of your intent sits on the line "  # r83 U3; r108 C4
        "between a bluff and a misrepresentation" in text
    )
    # review 64 X1: the first wording invited counting the polite walk-away only, which
    # the check refuses when the walk-out row is higher; review 70 X1: the sentence that
    # then named the row gave the decision away two lines after asking for it, so it is
    # gone; the hint teaches the rule when the learner counts the wrong row (see
    # test_the_alternative_to_a_deal_is_the_polite_walk_away)
    assert "Your alternative is the better of the two ways of ending without a deal" not in text
    assert "Decide first which row is your alternative to a deal" not in text  # review 77 C1
    # review 67 C3: the caveat "count it only as one you would really make" asked for a
    # judgement the function cannot express, while the check always takes the higher row;
    # the text now says what the function decides
    assert "count it only as one you would really make" not in text
    # review 77 C1: no walk-out is the alternative now, so the caveat about threats goes
    assert "Assume every ending in the table is one you would really make" not in text
    firm = {"deal": 14.0, "polite walk-away": 6.0, "walk-out": 9.0}  # a walk-out you mean
    s = course.variant(MODULE, "learner-0")
    assert check.adjusted_reservation(s, firm) == pytest.approx(reservation_of(s) - 8)
    assert "usually carries the same news" not in text
    assert "is void too if the deal falls through" not in text
    assert "If no deal is signed, every concession falls away" in text


# --- review 65 X2: question 4b turns on a decision, the margin left to Orchard ----------


def _landing_without_margin(s, margin=0):
    """Question 4b's old answer: the landing with no margin, whatever margin is asked."""
    return _landing_strictly_above(s, 0)


def _landing_strictly_above(s, margin=0):
    """A right formulation that reads 'above the minimum plus the margin' strictly for a
    margin, and at least the minimum for none."""
    table = TradeTable(s.yours, s.theirs)
    floor = s.their_minimum + margin
    signed = [
        (you, them, package)
        for package, you, them in table.packages
        if table.efficient(package) and (them > floor if margin else them >= floor)
    ]
    return max(signed, key=lambda row: (row[0], row[1]))[2]


def test_question_4b_asks_for_the_margin_and_its_check_tries_several(learner, capsys):
    """Question 4b asked for one call's worth of work and no decision. Its code part now
    takes the margin the learner leaves Orchard over its minimum, the check tries a margin
    of 0 and two others from the learner's own frontier (none on a package's points, so a
    strict and an inclusive reading both pass), and a written part (1 mark, by hand) asks
    which margin the learner leaves Orchard and why. An answer that ignores the margin
    fails with a hint that names it (it passed the old check)."""
    for n in range(300):
        s = course.variant(MODULE, f"learner-{n}")
        margins = check._landing_margins(s)
        assert margins[0] == 0 and len(margins) == 3, n
        table = TradeTable(s.yours, s.theirs)
        them = {p[1] for p in table.frontier}
        assert all(s.their_minimum + m not in them for m in margins[1:]), n
        # each margin moves the landing: the decision changes the package
        points = [landing_point(table, s.their_minimum + m) for m in margins]
        assert len(set(points)) == 3, n
    check.landing(_landing_strictly_above)
    check.landing(_landing_strictly_above, hidden=True)
    assert capsys.readouterr().out.count("\N{CHECK MARK}") == 2
    said = miss(check.landing, _landing_without_margin)
    assert "not the minimum plus the cushion of" in said
    text = _flat()
    # review 103 U5 (round 104): the cushion is defined once, in section 4; 4b uses it
    # review 108 C2 (round 109): the estimate's doubt first, then meeting again
    assert "how far above its minimum, which you only estimate, to leave Orchard (its " in text
    assert "cushion); you will meet Orchard again next year." in text
    assert "Write `landing(s, cushion=None)`" in text
    # review 69 X1: the text promised that no threshold falls on a package's points, false
    # at a margin of 0 (rev-016: a frontier package gives Orchard exactly its minimum), so
    # a learner who wrote '>' on its word was refused; it now says that package counts
    assert "none puts Orchard's threshold exactly on a package's points" not in text
    assert (
        "with a cushion of 0 (a package giving Orchard exactly its minimum counts) and a few "
        "others that fall on no package's points." in text
    )
    s = course.variant(MODULE, "rev-016")
    table = TradeTable(s.yours, s.theirs)
    assert s.their_minimum in {them for _, them in table.frontier}
    source = (Path(__file__).parents[1] / "source" / MODULE / "concessions.py").read_text()
    assert '"points": 1, "grade_id": "landing-test"' in source
    assert '"points": 1, "grade_id": "margin-judgement"' in source
    written = " ".join(cell_text(MODULE, "concessions", "margin-text").split())
    assert "Choose the cushion you would leave Orchard" in written
    assert "why that is worth it (or why you leave none), from your case" in written


# --- review 65 U4 and note 6: asides folded, the table of what to say, the ratio rule ------


#: The intro's word counts of the reading outside and inside folded notes (review 66 U1
#: asked for them to be reported; the test measures them)
# review 80 U1: questions 2 and 3 point, not restate; review 89 U3: an aside cut
# review 90 U2: cuts; review 92 U1: 6,600; r100: 6,500; r113: 6,600
READING_WORDS, FOLDED_WORDS = 6600, 1350
# review 102 U2: the introduction's folded note on the course's own lines became one sentence
# review 82: 1,800 overstated the folds; its U6 cut three asides (1,755 -> 1,605)


def _reading_and_asides():
    """Words of the learner's markdown (not the instructor's solution cells), outside and
    inside ``<details>`` blocks."""
    source = (Path(__file__).parents[1] / "source" / MODULE / "concessions.py").read_text()
    main = aside = 0
    for cell in re.split(r"^# %%", source, flags=re.MULTILINE)[1:]:
        head, _, body = cell.partition("\n")
        if "[markdown]" not in head or '"solution": true' in head:
            continue
        inside = False
        for line in body.splitlines():
            inside = inside or "<details>" in line
            words = len(re.findall(r"[A-Za-z0-9']+", line.replace("#", " ")))
            main, aside = (main, aside + words) if inside else (main + words, aside)
            inside = inside and "</details>" not in line
    return main, aside


def test_the_asides_are_folded_and_the_intro_counts_what_is_left():
    """Review 65 U4: the module ran to about 10,500 words of reading. Side remarks, extra
    literature and the arena's tips now sit in folded <details> notes, each closed and
    named; the intro gives both counts, and they are the ones measured here."""
    main, aside = _reading_and_asides()
    assert abs(main - READING_WORDS) < 100, main
    assert abs(aside - FOLDED_WORDS) < 50, aside
    text = _flat()
    assert f"some {READING_WORDS:,} words of reading" in text
    assert f"about {FOLDED_WORDS:,} words more" in text
    assert "some 10,500 words of reading" not in text
    source = (Path(__file__).parents[1] / "source" / MODULE / "concessions.py").read_text()
    opened = source.count("# <details><summary>")
    assert opened >= 10 and opened == source.count("# </details>")
    # the facts the questions and checks use stay, folded or not
    for fact in (  # review 75 U3: Faratin's mirroring aside is cut, and no hint uses it
        "known length of 200 moves",
        "assumes that a point means as much to each side",
        "look then for a bigger move (two levels of one issue, or three issues at once)",
    ):
        assert fact in text, fact


def test_the_table_of_what_to_say_has_the_three_rows_question_1_grades():
    """Review 65 U4: the table of what to say holds the three kinds of statement question 1
    grades (a true fact, a threat, an invented or inflated offer); the bluff about your
    reservation price, which no statement of the question is, stays in the prose above."""
    source = (Path(__file__).parents[1] / "source" / MODULE / "concessions.py").read_text()
    start = source.index("# | what you say | what kind of move | in this course |")
    rows = []
    for line in source[start:].splitlines()[2:]:
        if not line.startswith("# |"):
            break
        rows.append(line)
    assert len(rows) == 3, rows
    assert "a fact about your alternative" in rows[0] and "misrepresentation" in rows[2]
    assert "a *threat*" in rows[1]
    text = _flat()
    assert 'A **bluff** about your own reservation price ("I can\'t go below 110")' in text


def test_the_text_says_how_the_ratio_rule_and_the_frontier_rule_relate():
    """Note 6 of review 65: the course's content list says 'trade ratio at least 1 for every
    give'; the module uses the frontier. The text says where the two agree (below the
    frontier a free move's ratio is at least 1) and where they part (on it every move
    that helps Orchard has a ratio below 1, so the ratio rule would refuse every closing
    concession)."""
    text = _flat()
    assert "Rule 1 keeps it below the frontier: a free move's trade ratio is at least 1" in text
    assert "so that rule would refuse every closing concession and leave the deal unsigned" in text


def test_question_6b_asks_for_a_decision_on_the_learners_own_low_ball(answers, capsys):
    """Review 66 X2: question 6 applies a fixed rule to offers the check invents. Question 6b
    plays a low-ball on the learner's own opening and plan and asks, for a mark graded by
    hand, what they answer and say, and whether the budget claim is a cap or a test: a
    judgement the rule cannot make. The cell runs on the learner's answers, and on an
    untouched notebook it says what to answer first."""
    source = (Path(__file__).parents[1] / "source" / MODULE / "concessions.py").read_text()
    assert '"points": 1, "grade_id": "low-ball-judgement"' in source  # review 86 X1, 93 U3
    written = " ".join(cell_text(MODULE, "concessions", "low-ball-text").split())
    assert "Question 6b (1 mark, graded by your instructor)" in written  # review 93 U3
    # review 73 X1: question 6 reads the claim as a test; 6b's reason comes from the case
    assert (
        "why your case makes the claim a test (as your `respond` reads it) or what evidence "
        "would make it a cap" in written
    )
    code = cell_text(MODULE, "concessions", "low-ball-own")
    exec(code, dict(answers))
    shown = capsys.readouterr().out
    assert "your asks: " in shown and "respond says 'counter'" in shown
    # review 70 C3: the cell printed "your plan's next ask" beside "counter", which invites
    # the step section 5's step 3 withholds; it now prints the last ask, where step 3 holds
    assert "your plan's next ask" not in shown
    third = shown.split("your asks: ")[1].split(";")[0].split(", ")[2]
    assert f"your last ask: {third} (section 5 step 3 holds here)" in shown
    # review 75 U6: "your plan's next step would have been 109.5" named an ask a step
    assert "your plan's next step" not in shown
    assert "your plan would have\nasked " in shown

    def unanswered(*args, **kwargs):
        raise NotImplementedError()

    exec(code, dict(answers, opening=unanswered, concession_plan=unanswered, respond=unanswered))
    assert capsys.readouterr().out.strip() == "Answer questions 1, 2 and 6 first."


def test_two_other_plans_that_stop_at_the_top_pass_and_so_does_one_that_stops_at_the_split(
    learner, capsys
):
    """Review 67 C1: two formulations of section 2's rule written apart from the model
    answer (Faratin's curve with beta = 1.3; geometric steps rounded to a tenth) pass,
    visible and hidden; question 2 still leaves the place in the band to the learner, so a
    plan that stops at the even split passes too. Session 75: the rule's target is the
    band's top, three quarters of the way from the reservation price up to the estimate
    (it was halfway to the opening, and the band's top the estimate beyond it)."""

    def conceder_curve(s, opening):
        target, last = to_the_top(s, opening), s.rounds - 2
        return [opening] + [
            time_dependent_offer(t, last, opening, target, 1.3) for t in range(last + 1)
        ]

    def geometric_tenths(s, opening):
        target = to_the_top(s, opening)
        steps = [0.7**k for k in range(s.rounds - 2)]
        plan, given = [opening, opening], 0.0
        for step in steps:
            given += step
            plan.append(round(opening - (opening - target) * given / sum(steps), 1))
        return plan

    def to_the_split(s, opening):
        target = _split(s)
        sizes = range(s.rounds - 2, 0, -1)
        given = itertools.accumulate(sizes)
        return [opening, opening] + [opening - (opening - target) * g / sum(sizes) for g in given]

    for answer in (conceder_curve, geometric_tenths, to_the_split):
        check.concession_plan(answer)
        check.concession_plan(answer, hidden=True)
    assert capsys.readouterr().out.count("\N{CHECK MARK}") == 6


def test_the_margin_rubrics_range_is_the_one_the_landing_gives():
    """Review 67 U4: the margin rubric said a margin of "15 or more" costs 6 points for 15
    of Orchard's; on its frontier every margin from 12 to 23 lands at (83, 70), and above
    23 no package qualifies. Seen failing on the old text."""
    from types import SimpleNamespace as Frontier

    from course.scenarios.concessions import landing_point

    table = Frontier(frontier=[(89, 55), (86, 58), (83, 70)])
    assert landing_point(table, 47 + 10) == (86, 58)
    assert [m for m in range(30) if landing_point_or_none(table, 47 + m) == (83, 70)] == list(
        range(12, 24)
    )
    text = _flat()
    assert "A cushion of 12 or more (up to 23) would cost me 6 points for 15 of Orchard's" in text
    assert "of 15 or more" not in text


def landing_point_or_none(table, their_minimum):
    from course.scenarios.concessions import landing_point

    try:
        return landing_point(table, their_minimum)
    except ValueError:
        return None


def test_review_68_orchards_low_ball_answers_rise_once_and_the_margin_asks_no_birch_rate():
    """Review 68 E1: question 6b said Orchard's answers "rose twice and then fell far", but
    the cell's answers (0.8, 0.9 and 0.6 of the reservation price: 68, 76, 51 for 85) rise
    once. X1: the margin prompt and rubric asked whether the package "still beats Birch's
    job", which points cannot tell (rule 2.3 says so). U2-U5: "those feelings" had nothing
    to refer to, a threat was called a "false promise", the arena tip did not say which end
    of the range to open at, and "closing move" was used undefined. Seen failing on the old
    text."""
    text = _flat()
    assert "which rose once and then fell far" in text and "rose twice" not in text
    cell = cell_text(MODULE, "concessions", "low-ball-own")
    assert "round(0.8 * reservation), round(0.9 * reservation), round(0.6 * reservation)" in cell
    for learner in LEARNERS:
        r = reservation_of(course.variant(MODULE, learner))
        theirs = [round(0.8 * r), round(0.9 * r), round(0.6 * r)]
        rises = sum(b > a for a, b in itertools.pairwise(theirs))
        assert rises == 1 and theirs[2] < theirs[0], (learner, theirs)
    assert "still beats Birch's job" not in text and "the last that beats Birch's job" not in text
    # review 76 U1: rule 2.3's caveat is cut to its condition
    assert "your points compare packages, not a package with Birch's job" not in text
    assert "can keep those feelings" not in text
    assert "can keep the other side's good feelings about the process and the relationship" in text
    assert "false promise" not in text
    # review 91 M1: the top is 83 (openings are rounded down); test_concessions_review91
    # computes the range, the top and the insult line from the engine (review 96 U1: the
    # range is given as three bands; test_concessions_review97 checks each)
    assert "Open at the top, 83: still below the insult line of every buyer in the bands" in text
    from course.engine.bots import INSULT_LINE

    assert 100 + INSULT_LINE * (60 - 100) == 90 > 83
    first = text.index("closing move")
    assert text[first - 4 : first + len("closing move") + 2] == "a **closing move**"


# --- review 69 ----------------------------------------------------------------------------


def test_the_model_answer_keeps_a_strong_birch_private_and_the_message_weighs_the_choice(
    capsys, answers
):
    """Review 69 X2: Birch plus the extra cost is at most 0.8 of the estimate, so Birch's
    offer lies more than a fifth below any opening at or above the estimate, and by section
    1's test ("it helps most when it comes close to your opening") telling it is the weaker
    choice; yet the model answer told it. The model answer and the course's answer key now
    keep it private; both choices still pass, and each message weighs the choice on the
    learner's own numbers (Birch's offer, and how far below the opening it lies)."""
    strong = 0
    for n in range(120):
        s = course.variant(MODULE, f"r-{n}")
        birch = _about(s, "birch")
        opened = check.grounded_opening(s)[0]
        assert s.alternative_price < 0.8 * s.their_estimate <= 0.8 * opened, s.learner
        assert birch not in check.grounded_opening(s)[1]
        if not (_true(s, birch) and s.alternative_price > s.their_guess):
            continue
        strong += 1
        assert birch not in answers["opening"](s, None)[1], s.learner
        if strong > 6:
            continue
        below = f"{s.alternative_price:g} is {1 - s.alternative_price / opened:.0%} below"
        with course.variants.learner_as(s.learner):
            capsys.readouterr()
            check.opening(_own_opening)  # tells Birch
            told = capsys.readouterr().out
            check.opening(answers["opening"])
            kept = capsys.readouterr().out
        # review 103 E1: each message gives the reason its choice stands on
        assert f"its {below} your opening" in told, told
        assert "(keeping it private, the model answer's choice, would have passed too" in told
        assert "as Birch binds, it raises the price Orchard expects" in told
        assert f"its {below} your opening" in kept and "(telling it would have passed too" in kept
        assert "as Birch binds, it would raise the price Orchard expects" in kept
    assert strong >= 30, strong
    # review 97 C1 (round 98): the reason for accepting either choice is given once, in
    # section 1 (review 98 U1, round 99: reworded)
    # (review 103 E1: reworded)
    assert "Naming one above raises it; keeping that private is defensible too: a number" in (
        _flat()
    )


def test_the_quote_bullet_says_why_an_opening_may_sit_under_the_quote():
    """Review 69 C1: with a quote below the estimate the text allowed an opening up to 3
    under it, below the estimate the quote sets, against the rule 'open at your estimate or
    beyond'; the reason (an edge over an equal rival) sat only in the check's comments."""
    text = _flat()
    bullet = text[text.index("**Moved by news, not by an anchor:**") :]
    bullet = bullet[: bullet.index("the course's line.")]  # review 106 C3: the line ends it
    assert (
        "The 3 is a small edge that gives Orchard a reason to choose you over an equal "
        "rival" in bullet  # review 106 C3: the floor comes first, then the edge
    )
    # review 79 U1; review 90 U2: the quote's effect on the target is the check's message
    assert "the quote lowers your estimate, and your target with it" not in bullet


def test_question_7_asks_whether_the_learner_trusts_the_table():
    """Review 69 X4 (optional): question 7 is one formula once the alternative is chosen; it
    now also asks for one sentence, in a comment, on whether the learner trusts the simulated
    table enough to move their reservation price that far, and the model answer gives one."""
    written = " ".join(cell_text(MODULE, "concessions", "relationship-text").split())
    # review 72 X1: the sentence asked for was graded by no one; the request is dropped and
    # the text says the formula is all question 7 grades
    assert "say in one sentence whether you trust the simulated table" not in written
    # review 78 X2: on the learner's own table a deal always beats a polite walk-away, so
    # the full adjustment was one subtraction, and half of it (trusting the direction, not
    # the size) failed. Any move the table's way up to the whole difference now passes
    assert "Return the full adjustment the table gives" not in written
    assert (
        "Move the least you would accept the table's way, more than nothing, at most the "
        "whole difference (none where a deal changes nothing);" in written
    )
    assert "Any such move passes; question 7b asks how far you moved, and why." in written
    # review 80 X1: "up to the whole difference" let a move of nothing pass by the text's
    # words, while the check refuses it (test_checks_meet_again: "without the relationship")
    answer = cell_text(MODULE, "concessions", "relationship-answer")
    assert "# I trust the table's direction more than its size" in answer

    def moved_by(share):
        def answer(s, following):
            mine = s.alternative_price + s.extra_cost
            return mine - share * (following["deal"] - following["polite walk-away"])

        return answer

    for learner in ("learner-7", "learner-12"):
        with course.variants.learner_as(learner):
            for share in (0.5, 0.1, 1):
                check.relationship_reservation(moved_by(share))
                check.relationship_reservation(moved_by(share), hidden=True)
            assert "whole difference" in miss(check.relationship_reservation, moved_by(1.5))
            assert "wrong" in miss(check.relationship_reservation, moved_by(-0.5))
            said = miss(check.relationship_reservation, moved_by(0))
            assert "is your reservation price without the relationship" in said


def test_the_reading_is_a_tenth_shorter_and_the_course_s_own_lines_sit_in_one_note():
    """Review 69 U1: 9,183 words of reading outside the folds (measured here before the
    cut), dense with hedges on which numbers are the course's own. The reading is now at
    least a tenth shorter, and the hedges (question 1's 3 under a quote, question 2's three
    fifths, question 5's quarter, the two kinds of low-ball buyer, the simulations' every-
    round steps) sit in one folded note under the introduction, not in the questions."""
    main, _ = _reading_and_asides()
    assert main <= 0.9 * 9183, main
    flat = _flat()
    # review 102 U2: the note is one sentence; each hedge is said once, where it is used
    assert "<summary>Note: which numbers are this course's own lines" not in flat
    for hedge in (
        "and the course's line.",  # review 76 X2: any quote it caps (review 106 C3)
        "three fifths is this course's line, not a figure from Faratin or another study",
        "the quarter is this course's line, not a finding.",
        "(the course's assumption; no study has measured it)",
        "These plans step every round, a little faster than section 3's rule",
    ):
        assert flat.count(hedge) == 1, hedge


# --- review 70 ----------------------------------------------------------------------------

#: The target aside's setting: your reservation price, estimate, opening and rounds.
ASIDE_SETTING = (75, 100, 110, 10)


@functools.cache
def _aside_run(target):
    from course.engine.analysis import analyse
    from course.engine.domain import price_negotiation
    from course.engine.practice import ARENA_STYLES, Memory, Plan, _planned_session, _play_plan

    mine, _, opening, rounds = ASIDE_SETTING
    deals, gains = 0, 0
    for limit in range(88, 113, 2):
        for style in ARENA_STYLES:
            negotiation = price_negotiation(mine, limit, 0, 150, rounds=rounds)
            session = _planned_session(negotiation, style, Memory())
            _play_plan(session, Plan(mine, opening, rounds, target))
            if session.result().agreement is not None:
                deals += 1
                gains += analyse(session.result())["seller_gain"]
    return deals, round(gains / 52, 1)


def aside_runs(targets):
    """The target aside's evidence: for each target, (deals, average gain) over its 52
    talks (Orchard's reservation price 88, 90, ..., 112 against each arena style; a talk
    without a deal counts 0), played with module 04's own ``Plan``."""
    return {target: _aside_run(target) for target in targets}


def test_s75_the_aside_on_three_quarters_quotes_the_engine():
    """Session 75 (one monotone target rule; review 70 C1 before it): the aside said why
    the target stopped halfway from the reservation price to the opening rather than at
    the estimate. The target is now three quarters of the way up to the estimate, and the
    aside says why not the estimate or nine tenths (review 83 U5: and not why three
    quarters, which 90 matches), with figures
    recomputed here with module 04's own ``Plan`` on the aside's setting: deals and
    average gain (a talk without a deal counting 0) for targets at the estimate, nine
    tenths and three quarters of the way up, and the range for targets from 90 to 95.
    Failed on the old text."""
    from course.engine.practice import ARENA_STYLES

    mine, estimate = ASIDE_SETTING[:2]
    found = aside_runs((estimate, 97.5, 95, 93.75, 92.5, 91.25, 90, 88.75, 87.5))
    assert len(ARENA_STYLES) * len(range(88, 113, 2)) == 52
    assert mine + 0.9 * (estimate - mine) == 97.5
    assert mine + check.TARGET_SHARE * (estimate - mine) == 93.75
    shown = [found[100], found[97.5], found[93.75]]
    assert shown == [(44, 11.7), (45, 11.9), (49, 12.5)], found
    # "the higher your target, the more often ...": deals never rise with the target
    deals = [found[t][0] for t in sorted(found)]
    assert deals == sorted(deals, reverse=True), found
    # review 103 E2 (round 104): the range covers module 02's whole band, 87.5 to 93.75
    low = [found[t] for t in (93.75, 92.5, 91.25, 90, 88.75, 87.5)]
    assert min(d for d, _ in low) == 49 and max(d for d, _ in low) == 52, found
    assert min(g for _, g in low) == 12.2 and max(g for _, g in low) == 12.6, found
    text = _flat()
    assert (
        "In the course's engine (reservation price 75, estimate 100, opening 110, Orchard's "
        "reservation price 88, 90, ..., 112, four arena styles: 52 talks), plans stopping at "
        "the estimate, nine tenths and three quarters of the way up closed 44, 45 and 49 "
        "deals (each with one at your reservation price, a gain of 0), with average gains of 11.7, 11.9 and 12.5 (a talk without a deal counting "
        "0). Any target in module 02's band, from the even split (87.5) up to 93.75, does "
        "about as well (49 to 52 deals, gains 12.2 to 12.6); the course takes three "
        "quarters." in text
    )
    # review 78 U6; 102 U2; review 110 C1 (round 111): up to the best fact
    assert "checks accept any target from the even split up to just below your estimate" in text
    # review 83 U5: the data show why not the estimate, not why three quarters: 90 closes
    # at least as many deals for as much gain, so the aside is named for what it shows
    assert found[90][0] >= found[93.75][0] and found[90][1] >= found[93.75][1], found
    assert "Aside: why not the estimate" in text
    assert "Aside: why three quarters, not the estimate" not in text
    assert "Aside: why halfway, not the estimate" not in text
    # review 72 C2: one target rule for the course; the aside is its reason, not a contrast
    assert "lower than module 02's table" not in text


def test_review_70_the_meso_model_answer_offers_the_set_nearest_orchards_minimum(answers):
    """Review 70 C2: the model answer picked the most ambitious accepted set, whose least
    attractive offer gave Orchard a quarter to a half of its minimum, while the module says
    MESOs work through sincerity. It now picks, among the sets the check accepts, the one
    whose least attractive offer gives Orchard the most, and the text says why and that the
    quarter is only the insult line (the arena's too). Seen failing on the old answer."""
    from course.engine.bots import INSULT_LINE
    from course.scenarios.concessions import MESO_LEAST_SHARE

    for n in range(1, 21):
        s = course.variant(MODULE, f"learner-{n}")
        offers = answers["meso"](s)
        least = min(package_points(p, s.theirs) for p in offers)
        assert least == max(min(r[2] for r in trio) for trio in meso_triples(s)), s.learner
        with course.variants.learner_as(s.learner):
            check.meso(lambda s, offers=offers: offers)
    assert INSULT_LINE == MESO_LEAST_SHARE
    text = _flat()
    # review 72 E3: the preference is the course's own, not Leonardelli et al.'s mechanism
    assert "MESOs work through sincerity" not in text
    # review 79 U2: the aside on which accepted set to prefer is cut (the check ignores
    # the preference; the model answer keeps it in a comment)
    assert "Aside: which accepted set to prefer" not in text
    assert "none of whose offers looks like a throw-away" not in text
    # review 78 E1: the question still called an offer at the quarter one Orchard could
    # take seriously, though the study ties the offerer's gains to a set read as sincere
    assert "take seriously" not in text
    with course.variants.learner_as("learner-7"):
        out = io.StringIO()
        with redirect_stdout(out):
            check.meso(answers["meso"])
    assert "take seriously" not in out.getvalue() and "no insult" in out.getvalue()
    assert "a floor, not a mark of sincerity" in text
    # review 79 U2: the aside that tied the preference to sincerity is cut; the question
    # still calls the quarter a floor, and the MESO aside keeps the study's sincerity
    assert "Question 5's quarter of Orchard's minimum only keeps an offer" not in text
    assert "a set as a sincere attempt to agree" in text


def _respond_by_reading(reading):
    """Question 6 answered by section 5's rule, reading every budget claim Orchard has not
    shown in writing as ``reading``: ``"cap"`` (believed), ``"test"`` (ignored), or
    ``"story"`` (believed only when the story says Orchard's budget is tighter this year).
    A budget shown in writing is a cap in every reading (review 75 X1)."""

    def respond(s, offer, next_ask, ceiling=None, in_writing=False):
        if reading == "test" or (reading == "story" and not s.tighter):
            return _respond_strictly(s, offer, next_ask, ceiling, in_writing)
        return _respond_reading_a_cap(s, offer, next_ask, ceiling, in_writing)

    return respond


def test_respond_reads_every_budget_claim_as_a_test(answers):
    """Review 70 X2 left the reading of Orchard's "all the budget allows" to the learner, and
    review 73 X1 found the check passed reading every claim as a cap (walking away on it) for
    learners whose story gives no evidence, against section 5 and question 6b's rubric. No
    story gives a budget in writing, so the claim is a test in every variant: reading every
    claim as a cap, or as a cap when the story has a tighter budget, now fails, visible and
    hidden, with a hint that points to section 5 (both passed the old check); the test
    reading and the model answer pass."""
    text = _flat()
    assert "Which your case supports is your call" not in text
    assert "either reading" not in text
    # review 75 X1: the learner now decides between a test and a believable cap
    # review 82 E1: a cap counts when the learner can check it, not because it is written
    assert "`True` when Orchard has shown that its board approved it" in text
    tighter = set()
    for n in range(8):
        with course.variants.learner_as(f"learner-{n}"):
            s = check._variant(f"learner-{n}")
            tighter.add(s.tighter)
            for hidden in (False, True):
                check.respond.__wrapped__(_respond_by_reading("test"), hidden=hidden)
                check.respond.__wrapped__(answers["respond"], hidden=hidden)
                said = miss(check.respond.__wrapped__, _respond_by_reading("cap"), hidden)
                assert "section 5 reads the claim as a test, not a cap" in said, said
            if s.tighter:
                said = miss(check.respond.__wrapped__, _respond_by_reading("story"))
                assert "section 5 reads the claim as a test, not a cap" in said
            else:
                check.respond.__wrapped__(_respond_by_reading("story"))
    assert tighter == {True, False}


def test_the_coded_landing_includes_the_learners_own_margin(answers, learner):
    """Review 70 X2: question 4b's coded mark transcribed section 4's landing rule for
    margins the check chose. Called without a margin, ``landing(s)`` now returns the landing
    the learner chooses for their case, and the check verifies it against the stated goal
    (on the frontier, Orchard's minimum met): no margin, the model answer's cheap step up,
    and the frontier package most generous to Orchard all pass, visible and hidden; a
    landing below Orchard's minimum or below the frontier fails with its own hint. The old
    check never called ``landing(s)``."""
    text = " ".join(cell_text(MODULE, "concessions", "landing-text").split())
    assert "Called without a cushion (`landing(s)`), it returns the landing *you* choose" in text
    calls = []
    rule = answers["landing"]

    def spy(s, margin=None):
        calls.append(margin)
        return rule(s, margin)

    check.landing(spy)
    assert None in calls

    def chooses(pick):
        def landing(s, margin=None):
            if margin is not None:
                return rule(s, margin)
            _, rows = _frontier_rows(s)
            return pick([r for r in rows if r[2] >= s.their_minimum], s)

        return landing

    most_for_orchard = chooses(lambda rows, s: max(rows, key=lambda r: (r[2], r[1]))[0])
    no_margin = chooses(lambda rows, s: max(rows, key=lambda r: (r[1], r[2]))[0])
    for answer in (most_for_orchard, no_margin, rule):
        check.landing(answer)
        check.landing(answer, hidden=True)

    def below_minimum(s, margin=None):
        if margin is not None:
            return rule(s, margin)
        _, rows = _frontier_rows(s)
        return max(rows, key=lambda r: (r[1], r[2]))[0]

    assert "the landing you choose, gives Orchard" in miss(check.landing, below_minimum)

    def below_frontier(s, margin=None):
        if margin is not None:
            return rule(s, margin)
        table = TradeTable(s.yours, s.theirs)
        rows = [r for r in table.packages if not table.efficient(r[0])]
        return max((r for r in rows if r[2] >= s.their_minimum), key=lambda r: r[1])[0]

    assert "the landing you choose, is below the frontier" in miss(check.landing, below_frontier)


def test_the_next_ask_after_a_retraction_is_the_last_ask():
    """Review 70 U2: section 5's step 3 holds after a retraction, but question 6 called
    ``next_ask`` "the next offer your plan would make", an ask the learner will not make
    after a drop; the question now says that after a retraction it is the last ask."""
    text = " ".join(cell_text(MODULE, "concessions", "q6-text").split())
    assert "(after a retraction, your last ask: section 3, rule 3)" in text
    cell = cell_text(MODULE, "concessions", "low-ball-own")
    # the last ask, not the plan's next (review 72 C1: and Orchard's claim as the ceiling)
    assert "respond(scenario, theirs[-1], mine[2], ceiling=theirs[-1])" in cell


# --- review 72 ----------------------------------------------------------------------------


def test_review_72_question_6b_passes_the_budget_claim_and_reads_it_as_the_rubric_does(
    capsys, answers
):
    """Review 72 C1: question 6b's cell called ``respond`` without Orchard's budget claim, so
    its verdict never showed how the learner reads it; and the model ``respond`` read the
    claim as a cap whenever the story had a tighter budget, while the 6b rubric read the
    same unverified claim as a test ("so I counter, as respond does") and section 5 asked
    for good evidence first. The cell now passes the claim as ``ceiling``, and the model
    answer, the rubric and section 5 take one reading: a claim with no evidence is a test.
    Seen failing on the old cell and model answer (tighter learners walked away)."""
    cell = cell_text(MODULE, "concessions", "low-ball-own")
    assert "respond(scenario, theirs[-1], mine[2], ceiling=theirs[-1])" in cell
    respond, tighter = answers["respond"], []
    for learner in LEARNERS:
        s = course.variant(MODULE, learner)
        mine = answers["concession_plan"](s, answers["opening"](s, None)[0])
        low = round(0.6 * reservation_of(s))
        assert respond(s, low, mine[2], ceiling=low) == "counter", learner
        if s.tighter:
            tighter.append(s)
    assert tighter
    for s in tighter[:3]:
        exec(cell, dict(answers, scenario=s))
        assert "respond says 'counter'" in capsys.readouterr().out, s.learner
    text = _flat()
    assert (
        "treat a figure merely stated or written down as a test: counter, and ask what it "
        "rests on." in text
    )
    # review 73 X1 made every claim a test; review 75 X1: one shown in writing is a cap
    # review 76 U5: the function reads only in_writing, and the question says so
    assert "whether Orchard has shown it to you in writing. Decide, as section 5 does" not in text
    # review 82 U4: rule 3 says what to do with a cap, not "answer it"
    # review 88 U3: only a cap its board approved counts; a bare claim is answered as if
    # no cap were stated
    assert "Such a cap below your reservation price means walk away; otherwise" not in text
    assert (  # review 102 U6: reworded
        "When `board_approved` is `True`: if the cap is below your reservation price, walk "
        "away; if it is at or above it, ask no more than the cap, and accept an offer at the "
        "cap. When `False`, answer as if no cap were stated (section 5: a test)." in text
    )
    assert respond(s, low, mine[2], low, True) == "walk away"
    assert "reads as a test, so I counter, as respond does." in text


def test_s75_one_monotone_target_rule_a_stronger_fact_never_lowers_the_target(answers):
    """Session 75 (review 72 C2 before it): the rule gave a target of nine tenths of the way
    up for an opening at the estimate but halfway from the reservation price to the opening
    for one a fact carried beyond it, so a stronger fact could lower the target. The one
    rule now: the best fact's figure, kept between the even split and three quarters of the
    way up to the estimate. For 200 learners and the hidden ones, the model answer's target
    never falls as the opening rises from the estimate to the grounded top, and it lies
    between the split and the estimate, below every opening: the band's top, whatever the
    opening, as a fact at or past the top gives the top. Failed on the old model answer
    (halfway to the opening: from an opening at the estimate, the even split)."""
    text = _flat()
    assert "lower than module 02's table" not in text
    assert "halfway from your reservation price to your opening" not in text
    # review 76 C3: one target stated, the band's top; the in-band clauses are cut
    # review 78 U3: the sentence is parsed in order: why the top, then the top
    # r80 U2; review 110 U4 (round 111): the examples' choice, not "yours"
    assert "examples take the band's top, **three quarters of the way**" in text  # r112 C1
    assert "A fact at or past the band's top gives the top." not in text
    assert "Inside the band, aim at the figure of the best fact you can" not in text
    drawn = [course.variant(MODULE, f"learner-{n}") for n in range(200)]
    for s in drawn + [check._variant(learner) for learner in check.HIDDEN_LEARNERS]:
        r, e = reservation_of(s), s.their_estimate
        top = check.grounded_opening(s)[0]
        openings = sorted({e, (e + top) // 2, top})
        targets = [answers["concession_plan"](s, o)[-1] for o in openings]
        assert targets == sorted(targets), s.learner  # a stronger fact never lowers it
        assert targets[0] >= r + 0.75 * (e - r) - 1e-9, s.learner  # nine tenths was allowed
        for target, opening in zip(targets, openings, strict=True):
            assert (r + e) / 2 < target < min(e, opening), s.learner


def test_review_72_sources_say_only_what_they_found():
    """Review 72 E1-E3: Cialdini was made to say that an unanswered concession teaches the
    other side that pressing works (a reinforcement reading, not his finding); Faratin's
    agents were said to follow their schedule whatever the other side does, which holds of
    their time-dependent tactics only; the MESO preference was put on Leonardelli et al.'s
    sincerity mechanism, which comes from offering a choice, not from the worst offer. Seen
    failing on the old text."""
    text = _flat()
    assert "and one *not* answered teaches the other side that pressing works" not in text
    assert (
        "a concession tends to be answered with one. A concession you make without one in "
        "return teaches the other side that pressing works (this course's reading)." in text
    )
    # review 73 E1: the reciprocal-concessions finding is Cialdini et al.'s 1975 paper,
    # which *Influence* (1984) retells
    assert "Cialdini (*Influence*, 1984) showed" not in text
    assert "Reciprocal concessions procedure for inducing compliance" in text
    assert "Faratin's agents know their deadline" not in text
    assert "Faratin's time-dependent tactics know their deadline and follow the schedule" in text
    assert "MESOs work through sincerity" not in text
    answer = cell_text(MODULE, "concessions", "meso-answer")
    assert "sincerity" not in answer and "the course's own preference" in answer


def test_review_72_the_script_rubric_and_questions_say_what_they_do(learner):
    """Review 72 U1, U2, X2, X3, U4, U5. U1: the low-ball script re-anchored at 118 after
    the seller had conceded below it, a retraction. U2: the margin rubric's "margin of 10"
    gives a package 11 over Orchard's minimum, and the margin-0 package is 8 over it, not
    "just at" it. X2: question 4 grades the course's convention, and now says so. X3:
    question 2 now says to keep decimals. U4: rule 2.3 asked the learner to check what the
    case gives no means to check. U5: the hint for a walk-out row above the polite walk-away
    says why a walk-out can be the better ending. Seen failing on the old text and check."""
    text = _flat()
    assert "and that is where we are" not in text
    assert "is 118; my ask of 112 is already below it." in text
    frontier, minimum = [(89, 55), (86, 58), (83, 70)], 47

    def land(margin):
        return max((p for p in frontier if p[1] >= minimum + margin), key=lambda p: p[0])

    assert land(11) == (86, 58) and land(11)[1] - minimum == 11
    assert land(0) == (89, 55) and land(0)[1] - minimum == 8
    assert {land(m) for m in range(12, 24)} == {(83, 70)}
    assert (89 - 83, 70 - 55) == (6, 15)  # a margin of 12 to 23 costs 6 for 15
    assert "I leave a cushion of 11. `landing(scenario, 11)` gives" in text
    # review 75 E2: no claim that a small cushion costs trust, which the bots do not model
    assert "8 points over a minimum I only estimated may not be" in text
    assert "I leave a margin of 10" not in text
    q4 = " ".join(cell_text(MODULE, "concessions", "q4-text").split())
    assert "The check follows section 4's rule" in q4  # review 112 U3 (round 113)
    q2 = " ".join(cell_text(MODULE, "concessions", "q2-text").split())
    # review 78 X4: real asks are round numbers; rule 3 asks only that the steps shrink once
    assert "Keep decimals" not in q2
    assert "Whole thousands pass when the room to your target is wide" in q2  # review 86 U3
    assert "concede in steps that never grow and shrink at least once" in q2
    # steps 3, 2, 3, 3 in whole thousands shrink once (the 3 after the 2 is rounding);
    # the last equals the first, which failed before
    check._check_plan([120, 120, 117, 115, 112, 109, 109], 120, 85, "here", 117)
    with pytest.raises(NotYet, match=r"smallest concession after the first \(1.00\) is the same"):
        check._check_plan([85, 85, 84, 83, 82, 81, 80, 80], 85, 70, "here", 88)
    assert "check it yourself" not in text
    assert "in a real case, check it before each concession." not in text  # review 76 U1

    def polite(s, following):
        return reservation_of(s) - (following["deal"] - following["polite walk-away"])

    # review 77 C1: the polite walk-away is the alternative to a deal, so this passes
    with redirect_stdout(io.StringIO()):
        check.relationship_reservation(polite)


# --- review 73 X2: an undo of Orchard's own retraction is not a concession ---------------


def _step_from_last_offer(s, mine, theirs, target):
    """The old answer key (before review 73): Orchard's concession read from ``theirs[-2]``
    to ``theirs[-1]``, so an offer that only takes back a retraction counted."""
    own = [a - b for a, b in itertools.pairwise(mine) if a > b]
    cap = own[-1] if own else 0.6 * (mine[-1] - target)
    return max(mine[-1] - min(max(theirs[-1] - theirs[-2], 0), cap), target)


def _new_ground_by_loop(s, mine, theirs, target):
    """A right answer written another way: Orchard's best earlier offer found by a loop,
    three quarters of the most given back."""
    best = theirs[0]
    for offer in theirs[1:-1]:
        best = offer if offer > best else best
    if theirs[-1] <= best:
        return mine[-1]
    own = None
    for k in range(1, len(mine)):
        if mine[k - 1] > mine[k]:
            own = mine[k - 1] - mine[k]
    most = min(theirs[-1] - best, own if own is not None else 0.6 * (mine[-1] - target))
    return max(mine[-1] - 0.75 * most, target)


def test_an_undo_of_a_retraction_gets_a_hold_and_the_old_key_fails():
    """Review 73 X2: the key counted Orchard's 85 after its 80 as a concession even when it
    had offered 85 before, so 85, 80, 85, 80 ... drained you to your target. The checks had
    no undo; now a visible and a hidden history have one, and the old key fails both, with
    a hint that names the undo (it passed before: no history told the two apart)."""
    s = course.variant(MODULE, "learner-1")
    assert check.their_concession([80, 85, 81, 85]) == 0
    assert check.their_concession([80, 85, 81, 88]) == 3
    assert check.their_concession([80, 85, 91]) == 6
    assert check.tit_for_tat_band(s, [118, 118, 114, 114], [80, 85, 81, 85], 100) == (114, 114)
    mine, theirs = [118, 118], [85, 80]
    for _ in range(8):
        theirs.append(85 if theirs[-1] == 80 else 80)
        mine.append(check.tit_for_tat_offer(s, mine, theirs, 100))
    assert mine == [118] * 10  # the old key went 118, 118, 113, 113, 108 ... 100
    for learner in LEARNERS[:10]:
        hint = _public_hint(check.tit_for_tat, _step_from_last_offer, learner)
        assert hint is not None and "only takes back its own retraction" in hint, learner
        with course.variants.learner_as(learner):
            said = miss(check.tit_for_tat, _step_from_last_offer, hidden=True)
            assert "only takes back Orchard's retraction as a concession" in said, learner
            s = check._scenarios(False)[0]
        undos = [t for _, t in check._histories(s, True) if t[-1] > t[-2] and t[-2] < max(t[:-1])]
        assert len(undos) == 3 and any(t[-1] <= max(t[:-1]) for t in undos[:1]), learner


def test_new_ground_answers_written_two_ways_pass():
    for learner in LEARNERS[:10]:
        with course.variants.learner_as(learner):
            for answer in (_new_ground_by_loop, lambda s, m, t, g: _own_tit_for_tat(m, t, g)):
                for hidden in (False, True):
                    check.tit_for_tat(answer, hidden=hidden)


def test_question_3_and_rule_3_say_an_undo_is_not_a_concession():
    flat = _flat()
    assert "An offer that only takes back its own retraction is not a concession:" in flat
    assert "your next offer by section 3's rules 2 and 3" in flat  # review 80 U1
    assert "their concession is how far their offer goes beyond their best earlier" in flat
    assert "would only take back its retraction: you hold at 114." in flat
    assert "A hold or a step back of Orchard's (from `theirs[-2]`" not in flat


def test_review_73_question_2_says_module_02_picks_the_point_and_the_check_the_band():
    """Review 73 C3: a learner fresh from module 02 met two ceilings and a band here and
    could not tell which binds; question 2 now says module 02's rule picks the target and
    why the check accepts the whole band."""
    flat = _flat()
    assert (  # review 80 U1: a pointer to section 2's rule, not its restatement
        # review 108 U5 (round 109): one statement, the band, with the model answer's choice
        # review 110 C1 (round 111): up to the best fact, module 02's row past the band
        "6. end at a target from the even split between your reservation price "
        "(`s.alternative_price` plus `s.extra_cost`) and your estimate of Orchard's "
        "(`s.their_estimate`) up to just below that estimate (section 2); the model answer "
        "takes three quarters." in flat  # review 112 X1 (round 113)
    )


def test_review_73_question_6_states_its_rule_before_its_tolerances():
    """Review 73 U4: question 6 was one paragraph of five permissions; it now gives the
    three-line rule first, then every tolerance the check applies."""
    text = " ".join(cell_text(MODULE, "concessions", "q6-text").split())
    rule = text.index("1. while rounds remain, accept an offer at least `next_ask`")
    # review 75 U6: the offer comes in the last round, not after it
    assert "after the last round" not in text
    assert rule < text.index("2. in the last round, when no ask of yours is left (`next_ask`")
    # review 75 U1: the tolerances moved out of the question into the check's messages
    assert "What the check tolerates:" not in text
    # review 112 (round 113): "The check's messages say what else it accepts." was cut to
    # pay for the round's fixes; the messages still do (below)
    assert "What the check tolerates:" not in text
    with course.variants.learner_as("learner-0"), redirect_stdout(io.StringIO()) as out:
        check.respond(solution_namespace(MODULE, "concessions")["respond"])
    said = " ".join(out.getvalue().split())
    assert "may be countered or accepted (your plan would stop there)" in said  # r103 C3
    assert "No case offers within half a thousand of your reservation price" in said
    assert "(after a retraction, your last ask: section 3, rule 3)" in text


@pytest.mark.parametrize("learner", ["learner-0", "learner-7"])
def test_the_visible_check_tries_rule_2_4s_tie_break(learner):
    """Review 75 X2: only the hidden check tried two closing moves of the same cost, so a
    next_trade that gives Orchard the less of the two passed the visible check and lost its
    mark in grading. The visible check now adds the public tied-closing learner. Review 96
    C2: either of those two moves passes now, in the visible check as in grading."""
    with course.variants.learner_as(learner):
        check.next_trade.__wrapped__(lambda s, c: breaks_ties_the_other_way(s, c, True))
        found = check._trade_scenarios(hidden=False)
    assert any(
        tied_closing_start(check._table(s.learner), s.their_minimum) is not None for s in found
    )


def _landing_above_even_at_zero(s, margin=None):
    """Question 4b's rule with 'at least the minimum plus the cushion' read as 'more than',
    even for a cushion of 0, which the text says is wrong."""
    table = TradeTable(s.yours, s.theirs)
    floor = s.their_minimum + (margin or 0)
    signed = [
        (you, them, package)
        for package, you, them in table.packages
        if table.efficient(package) and them > floor
    ]
    return max(signed, key=lambda row: (row[0], row[1]))[2]


@pytest.mark.parametrize("learner", ["learner-0", "learner-7"])
def test_landing_check_tries_a_package_exactly_at_orchards_minimum(learner):
    """Review 75 X3: question 4b says a package giving Orchard exactly its minimum counts,
    but only about 1 learner in 33 has one on the frontier, so a landing that used '>' for
    a cushion of 0 passed both checks. Both now add a public learner who has one."""
    own = course.variant(MODULE, learner)
    assert not check._exactly_at_minimum(own.learner)  # the learner alone would not catch it
    with course.variants.learner_as(learner):
        said = miss(check.landing, _landing_above_even_at_zero)
        assert "another frontier package that gives Orchard its minimum" in said, said
        said = miss(check.landing, _landing_above_even_at_zero, hidden=True)
        assert "another package that leaves Orchard as much gives you more" in said, said
    assert "(a package giving Orchard exactly its minimum counts)" in _flat()


def _landing_below_the_frontier_on_a_tie(s, margin=None):
    """Question 4b's landing by Kite's points alone: of the packages that give Kite the
    most and leave Orchard enough, the one that gives Orchard least, which may lie below
    the frontier."""
    table = TradeTable(s.yours, s.theirs)
    floor = s.their_minimum + (margin or 0)
    rows = [(you, them, package) for package, you, them in table.packages if them >= floor]
    return min(rows, key=lambda row: (-row[0], row[1]))[2]


@pytest.mark.parametrize("learner", ["learner-7", "learner-30"])
def test_the_visible_landing_check_tries_a_tie_below_the_frontier(learner):
    """Review 78 X1: a landing that broke a tie on Kite's points towards the package below
    the frontier passed the visible check for most learners (whose own case has no such
    tie), then failed grading. The visible check now adds a public learner with one, and
    the text says only frontier packages may tie."""
    assert not check._dominated_tie(learner)  # the learner alone would not catch it
    with course.variants.learner_as(learner):
        said = miss(check.landing, _landing_below_the_frontier_on_a_tie)
    assert "is below the frontier" in said, said
    assert "(of two frontier packages that give you the same, either passes)" in _flat()


def _reads_against_both(s, offers, picked):
    """Question 5b read against every offer the pick beat that the research rated above it
    (review 75 E1/X4), written out as a learner would."""
    worth = [_orchard(s, o) for o in offers]
    if worth[picked] == max(worth):
        return set()
    return {
        i
        for k, other in enumerate(offers)
        if k != picked and worth[k] > worth[picked]
        for i in _levels_more(s, offers[picked], other)
    }


def test_a_pick_beats_both_offers_it_turned_down_and_both_readings_pass(answers):
    """Review 75 E1/X4: 'one pick gives one inequality' is wrong when the research rated the
    pick below both offers Orchard turned down (learner-13: 56, 53 and 36, picked 36): the
    pick beats both, and both comparisons contradict the research, so delivery, on which it
    beats only the 53 offer, is a candidate too. The text now says the pick beats both and
    that the second reading may add candidates; the check accepts the reading against the
    research's best and the reading against both (the old check refused the second)."""
    text = _flat()
    assert "one pick gives one inequality" not in text
    # review 79 U2: the second reading is no longer taught (the check still accepts it)
    assert "If your research rated the other offer above the pick too" not in text
    s = course.variant(MODULE, "learner-13")
    cases = [c for c in check._pick_cases(s, hidden=True) if c[2]]
    differs = [
        (offers, k)
        for offers, k, expected in cases
        if frozenset(_reads_against_both(s, offers, k)) != expected
    ]
    assert differs  # learner-13's own sets have a pick rated below both
    offers, k = differs[0]
    assert _reads_against_both(s, offers, k) == {"delivery", "revisions"}
    with course.variants.learner_as("learner-13"):
        for hidden in (False, True):
            check.read_pick(_reads_against_both, hidden=hidden)
            check.read_pick(answers["read_pick"], hidden=hidden)

    # learner-150: the pick beats the second offer on two issues the first reading leaves
    # out; naming one of them is neither reading, and the hint names both readings
    s = course.variant(MODULE, "learner-150")

    def partly(s, offers, picked):
        worth = [_orchard(s, o) for o in offers]
        best = offers[worth.index(max(worth))]
        narrow = set() if worth[picked] == max(worth) else _levels_more(s, offers[picked], best)
        extra = sorted(_reads_against_both(s, offers, picked) - narrow)
        return narrow | set(extra[:1])

    assert any(
        len(_reads_against_both(s, o, k) - e) >= 2 for o, k, e in check._pick_cases(s, False) if e
    )
    with course.variants.learner_as("learner-150"):
        said = miss(check.read_pick, partly)
        check.read_pick(_reads_against_both)
    assert "or against both offers it beat" in said, said


def _ignores_the_writing(s, offer, next_ask, ceiling=None, in_writing=False):
    """Question 6 before review 75 X1: every budget claim is a test, even one shown in
    writing."""
    return _respond_strictly(s, offer, next_ask)


def _believes_every_claim(s, offer, next_ask, ceiling=None, in_writing=False):
    """Every budget claim read as a cap, shown or not."""
    return _respond_reading_a_cap(s, offer, next_ask, ceiling)


@pytest.mark.parametrize("who", ["learner-0", "learner-7", "learner-13"])
def test_question_6_asks_the_learner_to_tell_a_test_from_a_believable_cap(answers, who):
    """Review 75 X1: question 6 passed a ``ceiling`` only to be ignored ("answer as if it were
    not said"), so telling a test from a believable cap, which section 5 teaches, was never
    coded. ``respond`` now also gets ``in_writing``: shown in writing, a cap below the
    reservation price means walk away, one at or above it means ask no more than the cap
    and accept an offer at it; unshown, the claim is still a test. Visible cases try both
    kinds of written cap; reading every claim as a test, or every one as a cap, fails with
    a hint that says which; the model answer and section 5's rule pass."""
    text = " ".join(cell_text(MODULE, "concessions", "q6-text").split())
    assert "`respond(s, offer, next_ask, ceiling=None, board_approved=False)`" in text
    assert "answer as if it were not said" not in text
    s = course.variant(MODULE, who)
    written = check._written_offers(s, hidden=False)
    kinds = {check.best_response(s, o, a, c) for o, a, c in written}
    assert kinds == {"walk away", "accept", "counter"}  # review 79 X1: hidden's kinds too
    with course.variants.learner_as(who):
        said = miss(check.respond.__wrapped__, _ignores_the_writing)
        assert "Orchard has shown you that its board approved" in said, said
        assert ", True) for learner" in said, said
        said = miss(check.respond.__wrapped__, _believes_every_claim)
        assert "nothing you can check (board_approved is False)" in said, said
        for hidden in (False, True):
            check.respond.__wrapped__(answers["respond"], hidden=hidden)
            check.respond.__wrapped__(_respond_strictly, hidden=hidden)
    respond = answers["respond"]
    reservation = reservation_of(s)
    ask = check.course_plan(s, _own_opening(s)[0])[2]
    assert respond(s, reservation - 2, ask, reservation - 2, True) == "walk away"
    assert respond(s, reservation - 2, ask, reservation - 2) == "counter"
    assert respond(s, reservation + 1, ask, reservation + 1, True) == "accept"
    assert respond(s, reservation + 1, ask, reservation + 3, True) == "counter"


def test_the_cushion_model_answer_claims_no_trust_the_course_does_not_model():
    """Review 75 E2: question 4b's model answer said an Orchard that ends only 8 points over
    its minimum 'will open lower and trust me less'. Neither the studies cited nor the
    course's bots say so: their trust moves with how the talks end (a deal, a walk-away, a
    walk-out), not with the surplus. The reason is now the doubt in an estimated minimum."""
    text = _flat()
    assert "will open lower and trust me less" not in text
    assert "8 points over a minimum I only estimated may not be enough for Orchard to sign" in text
    assert (
        "trust** score that moves with how talks end and with your insults and retractions, not with the price"
        in text
    )


def test_a_growing_step_in_an_unrounded_plan_is_not_blamed_on_rounding():
    """Review 75 X5: Faratin's curve with beta 0.5 from 93 to 79.5 has offers that need only
    two or three decimals, and question 2's hint said its step was bigger 'by more than
    rounding to three decimals explains', rounding the learner never did. For plans of two
    or three decimals the hint now says 'if you rounded'; one decimal or whole thousands
    keep the plain wording."""
    for rounds, grain in ((5, 0.01), (6, 0.001)):
        plan = [93.0] + [time_dependent_offer(t, rounds, 93, 79.5, 0.5) for t in range(rounds + 1)]
        assert check.rounding_grain(plan) == grain
        with pytest.raises(NotYet) as refusal:
            check._check_plan(plan, 93.0, 70.0, "w", 85.0)
        said = str(refusal.value)
        assert "is bigger than an earlier one" in said
        assert "decimals explains, if you rounded (up to" in said, said
    plan = [93.0, 93.0, 92.0, 89.0, 88.0]
    with pytest.raises(NotYet) as refusal:
        check._check_plan(plan, 93.0, 70.0, "w", 85.0)
    assert "by more than rounding to whole thousands explains (up to 1 more)" in str(refusal.value)


def test_the_story_says_why_orchard_guesses_your_other_work_pays_little():
    """Review 75 U4: the story said Orchard guesses your other work pays about 52-69 'from
    what studios like yours usually earn', while its own survey puts such work from such a
    studio at 76-98, so a careful reader asked why Orchard guesses so low. Orchard now
    guesses, from the scarce retail work, that your other work is for publishers."""
    for n in range(20):
        s = course.variant(MODULE, f"learner-{n}")
        story = s.story()
        assert "From what studios like yours usually earn" not in story
        assert (
            "It knows retail work is scarce this year, so it probably guesses your other work "
            f"is for publishers, at about {s.their_guess:g} for the year." in story
        )
        assert "Publishers pay well below retail rates" in story


def test_the_asides_and_rows_no_question_needs_are_cut():
    """Review 75 U3: the module is long; the aside on Faratin's behaviour-dependent tactics
    (no question uses it), the NLRB sentence in the Boulware aside and the quote table's two
    last rows (one sentence now) are cut, and question 3's hint no longer leans on the
    aside."""
    text = _flat()
    assert "Aside: tit-for-tat in Faratin's agents" not in text
    # review 76 U2: one clause names them as the bridge to section 3, no aside
    assert text.count("behaviour-dependent") == 1
    assert "(their behaviour-dependent tactics, kinds of tit-for-tat, answer its moves" in text
    assert "NLRB" not in text
    assert "| above that | unchanged: it lowers nothing |" not in text
    assert "Faratin's agents mirror" not in (Path(check.__file__)).read_text()


def test_s76_c1_question_6_s_rule_says_an_offer_at_the_even_split_may_be_accepted():
    """Review 76 C1: question 6's rule 1 said "counter any other" offer below your next ask,
    but the check also passes "accept" at or above the even split, and section 5 said so
    only in an aside. Rule 1 and section 5's accept bullet now say it; the aside is cut
    (review 76 U1), and the check still passes both answers there."""
    q6 = " ".join(cell_text(MODULE, "concessions", "q6-text").split())
    rule = q6[q6.index("1. while rounds remain") : q6.index("2. in the last round")]
    assert "at or above your target you may also accept; the check, which cannot see" in rule
    section_5 = " ".join(cell_text(MODULE, "concessions", "difficult-teaching").split())
    accept = section_5[section_5.index("**Accept**") : section_5.index("**Walk away**")]
    # review 103 C3 (round 104): section 5's line is your target, as rule 1's
    assert "above your target: accept it or counter; taking it gives up only steps" in accept
    assert "Aside: module 02's acceptable offers" not in _flat()


def test_s76_x3_question_7_decides_the_sign_on_tables_the_check_tries():
    """Review 76 X3: on every learner's own table a deal beats a polite walk-away, which
    beats a walk-out, so question 7's decision existed only in the check's tables; review
    77 C1 dropped the made-up walk-out table, so the decision left is the sign: the visible
    tables include one where a deal makes next year worse."""
    question = " ".join(cell_text(MODULE, "concessions", "relationship-text").split())
    assert '{"deal": 3, "polite walk-away": 1, "walk-out": 5}' not in question
    for n in range(3):
        s = course.variant(MODULE, f"learner-{n}")
        own = check.next_year(s)
        assert own["deal"] > own["polite walk-away"] >= own["walk-out"], (n, own)
        tables = check._tables(s, hidden=False)
        assert any(t["deal"] < t["polite walk-away"] for t in tables), n


def test_s76_u4_orchard_picks_an_offer_of_the_set_to_build_on_not_to_sign(answers):
    """Review 76 U4: the text said "the other side picks one", but question 5's set gives
    Orchard less than its minimum in every offer worth more to you than the landing, so
    Orchard picks one to counter from, not to sign; the text now says so. The model set
    has such an offer for every learner tried."""
    assert "the other side picks one to build on." in _flat()
    assert "the other side picks one. You stay" not in _flat()
    for n in range(5):
        s = course.variant(MODULE, f"learner-{n}")
        offers = answers["meso"](s)
        below = [o for o in offers if package_points(o, s.theirs) < s.their_minimum]
        assert below, n


def test_s76_u3_question_2_names_its_shape_a_conceder_after_a_hold(answers):
    """Review 76 U3: the plan question 2 asks for (a hold, then shrinking steps) is
    Faratin's Conceder shape, beta > 1, after one hold; a learner could take it for
    Boulware because it holds. Rule 3 named it, and a held Conceder curve passes. Review 81
    E2: Faratin's Conceder reaches its reservation price fast; a plan of shrinking steps to
    a target is the textbook's decreasing concessions, the name rule 4 now uses."""
    q2 = " ".join(cell_text(MODULE, "concessions", "q2-text").split())
    assert "Conceder" not in q2
    assert "4. concede in steps that never grow and shrink at least once (decreasing" in q2
    with course.variants.learner_as("learner-0"):
        check.concession_plan(lambda s, o: held_curve(s, o, _split(s) + 1, 2.0))


def test_s76_u7_the_text_says_which_rule_uses_which_ratio():
    """Review 76 U7: the trade ratio and the exchange rate are both defined, and the text
    did not say which rule uses which; it now says only rule 2.5 ranks by a ratio, the
    exchange rate, as the check's rule does (the answer key ranks rule 2.5's moves by
    their gain over your loss)."""
    text = _flat()
    # review 78 U2: the exchange rate and rule 2.5, a rare case, are one line each
    assert "only rule 2.2 below uses it." in text  # review 80 U3; 94 U3; 108 U2
    rules = text[text.index("1. **Create value first.**") : text.index("3. **Stop")]  # r102
    assert (
        "2. If no single move closes the deal, give where the gain per point is highest, on "
        "that condition." in rules
    )
    assert "which buys the most of their agreement?" not in text


def test_s77_c3_a_lower_quote_moves_the_target_and_no_opening_goes_below_it():
    """Review 77 C3: a rival's quote below the estimate lowered the estimate and capped the
    opening at 'the quote or up to 3 under', but the target stayed on the old estimate, so
    the check accepted openings below the target (learner-7: quote 79, opening 76, target
    80.25) against 'your target lies below your opening'. The text now says the quote moves
    the target too, and the check refuses an opening below the target recomputed from the
    quote, with a hint that says so; one at that target passes. Failed on the old check.
    Review 89 C1: the floor is the foot of module 02's band, the even split of the lowered
    zone (section 2 accepts any target in the band), which binds for quotes less than 6 over
    the reservation price; the check's own quotes are all at least 6 over, so this tries
    quotes 4 and 5 over it, where 3 under the quote falls below the split."""
    # review 79 U1; review 90 U2: the text no longer gives the band; the hint below does
    found = 0
    for learner in SWEEP[:300]:
        s = course.variant(MODULE, learner)
        key = list(_own_opening(s)[1][:1])
        r = reservation_of(s)
        for quote in (r + 4, r + 5):
            lowered = (r + quote) / 2
            found += 1
            for right in (lowered, r + TARGET_SHARE * (quote - r), quote):
                assert check._check_opening(s, None, (right, key), quote) == right
            with pytest.raises(NotYet, match="below your target: the rival's quote"):
                check._check_opening(s, None, (quote - check.QUOTE_BAND, key), quote)
    assert found


def _read_against_both_blindly(s, offers, picked):
    """Question 5b's slip: the issues where the pick gives more ground than either offer it
    beat, whatever the research rated them."""
    worth = [check._table(s.learner).points(o)[1] for o in offers]
    if worth[picked] == max(worth):
        return set()  # the pick the research expected: nothing learned
    pick = offers[picked]
    return {
        issue
        for k, other in enumerate(offers)
        if k != picked
        for issue, levels in s.issues.items()
        if levels.index(pick[issue]) > levels.index(other[issue])
    }


def test_s77_x3_reading_the_pick_against_an_offer_rated_below_it_fails_visibly(answers):
    """Review 77 X3: a read_pick that reads the pick against both offers it beat, whatever
    the research rated them, passed the visible check for learner-7 and rev-1 and failed
    only when graded, though the text warns against reading against an offer rated below
    the pick. The visible sets now always include one where that slip gives a wrong answer.
    Failed on the old check."""
    for learner in ["learner-7", "rev-1", "learner-0", "learner-14", "learner-23"]:
        with course.variants.learner_as(learner):
            with pytest.raises(NotYet):
                check.read_pick.__wrapped__(_read_against_both_blindly)
            with redirect_stdout(io.StringIO()):
                check.read_pick.__wrapped__(answers["read_pick"])


def test_s77_u4_the_batna_is_birchs_job_not_its_price():
    """Review 77 U4: 'your BATNA is Birch's price' called a price a course of action; the
    BATNA is Birch's job, worth Birch's price to you. Failed on the old text."""
    text = _flat()
    assert "your BATNA is Birch's price" not in text
    assert "your BATNA is Birch's job, worth Birch's price to you" in text


def test_s77_u3_the_low_fact_rule_names_market_prices_and_leaves_birch_to_its_own():
    """Review 77 U3: 'a true price about the work below your opening argues against it'
    also covered Birch's true offer, which question 1 allows by its own rule; the rule now
    names market prices and sends Birch's offer to the next rule. Failed on the old text."""
    text = _flat()
    assert "a true price about the work below your opening" not in text
    # review 97 U1 (round 98): Birch's offer has its own rule, next to "Grounded"
    assert "(the survey's, Linden's, a retailer's) argues against it. - **Your alternative:**" in (
        text
    )


def test_review_78_u6_the_course_s_own_lines_are_named_once():
    """Review 78 U6: the introduction's note names the course's own lines, and sections 1,
    2, 4 and 5 repeated the caveat. The repeats are gone; the note names module 02's band
    too. Seen failing on the old text."""
    text = _flat()
    for repeat in (
        "The 3 thousand is the course's convention",
        "The band is this course's convention, not a research finding",
        "The rule is this course's own summary",
        "on the course's own assumptions, not measurements",
    ):
        assert repeat not in text, repeat
    # review 102 U2: the note is gone; the band and the rule are labelled where used
    assert "checks accept any target from the even split up to just below your estimate" in text
    assert "*Pace the moves* with the course's rule below." in text


def test_review_78_the_summary_rounding_arena_and_engine_sentences_say_what_is_so():
    """Review 78 C2: the summary never stated CONTENT's 'every give brings something of
    equal value back' as the module teaches it. U4: question 3's rounding sentence was
    hard to read. U5: 'the others about a third' read as if the other buyers only
    reciprocate; the bots give a third of your concession on top of their own pace. U7:
    the engine's talks use reservation prices in steps of 2. Seen failing on the old text."""
    from course.engine.bots import STYLES

    text = _flat()
    # review 80 C1 rewrote this summary sentence: tests/test_concessions_review80.py
    # review 85 E1 and review 86 C1 rewrote it again: tests/test_concessions_review86.py
    assert "Make free moves while one exists; once none does," in text
    assert "A rounded offer passes when it lies less than one unit" not in text
    assert "Rounding to whole thousands or to one decimal passes." in text
    assert "the others a third, on top of their own pace." in text
    others = [STYLES[name][1] for name in ("boulware", "linear", "conceder")]
    assert {bot["reciprocity"] for bot in others} == {0.3}
    assert all(bot["pace"] > 0 for bot in others)
    assert "88, 90, ..., 112" in text and "from 88 to 112" not in text
