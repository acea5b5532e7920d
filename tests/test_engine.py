"""course.engine: the reference agreements, the tactics' formulas, the protocol's edge
cases, tournaments and bad configurations."""

import pytest

from course.engine.bots import (
    PERSONALITIES,
    Bot,
    Counterpart,
    LearningBot,
    describe,
    make_bot,
)
from course.engine.domain import BUYER, SELLER, multi_issue_negotiation, price_negotiation
from course.engine.protocol import negotiate
from course.engine.tournament import random_price_negotiations, tournament
from course.models.concessions import time_dependent_offer

REFERENCE = price_negotiation(
    seller_reservation=40, buyer_reservation=70, low=0, high=100, rounds=100
)


@pytest.mark.parametrize(
    ("seller", "buyer", "price", "round_"),
    [
        ("boulware", "conceder", 67, 87),  # CONTENT.md's reference result
        ("conceder", "boulware", 42, 89),
        ("boulware", "boulware", 54, 95),
        ("conceder", "conceder", 54, 36),
        ("linear", "linear", 54, 78),
    ],
)
def test_negmas_compatible_bots_reach_the_reference_agreements(seller, buyer, price, round_):
    """NegMAS 0.16 gives these (tests/benchmarks/bench_engine.py reruns it to compare)."""
    result = negotiate(REFERENCE, {SELLER: f"negmas-{seller}", BUYER: f"negmas-{buyer}"})
    assert (REFERENCE.public(result.agreement), result.round) == (price, round_)


@pytest.mark.parametrize("beta", [0.2, 1.0, 5.0])
def test_the_counterparts_clock_is_the_faratin_formula(beta):
    """With no opening step, no reciprocity and the whole room on the clock, a
    counterpart offers what Faratin et al. (1998) say at t = k, T = N − 1, rounded up to
    a whole price (the cheapest outcome still meeting the target); its opening moves
    one price from its best, as every counterpart's does."""
    negotiation = price_negotiation(40, 100, rounds=11)  # a buyer who accepts nothing early
    bot = Counterpart(
        negotiation.preferences[SELLER], 11, beta, kappa=0, anchoring=0, pace=1, reciprocity=0
    )
    offers = [negotiation.public(bot.propose(k)) for k in range(11)]
    assert offers[0] == 99
    for k in range(1, 11):
        expected = time_dependent_offer(k, 10, 100, 40, beta)
        assert offers[k] == pytest.approx(min(99, -(-expected // 1)))


def test_no_zopa_means_an_impasse_and_no_offer_is_left_unanswerable():
    negotiation = price_negotiation(70, 40, rounds=30)
    result = negotiate(negotiation, {SELLER: "negmas-conceder", BUYER: "negmas-conceder"})
    assert (result.agreement, result.ended_by, result.round) == (None, "deadline", 30)
    assert len(result.history) == 59  # the buyer's last turn can only accept: no offer


class Pushover(Bot):
    """A test bot that offers its reservation value straight away."""

    def target(self, k):
        return self.preferences.reservation


def test_an_acceptable_opening_is_accepted_at_once():
    negotiation = price_negotiation(40, 100, rounds=10)
    result = negotiate(
        negotiation,
        {SELLER: "negmas-linear", BUYER: Pushover(negotiation.preferences[BUYER], 10)},
    )
    opening = result.history[0][2]
    assert (result.agreement, result.round, result.by_side) == (opening, 1, BUYER)


def test_an_offer_exactly_at_the_threshold_is_accepted():
    negotiation = price_negotiation(40, 70, rounds=11)
    seller = make_bot("linear", negotiation, SELLER)
    seller.propose(0)
    target = seller.target(1)
    at, below = negotiation.index_of(-(-target // 1)), negotiation.index_of(-(-target // 1) - 1)
    assert seller.clone().respond(1, at) and not seller.clone().respond(1, below)


def test_no_bot_accepts_below_its_reservation():
    negotiation = price_negotiation(40, 70, rounds=5)
    for name in PERSONALITIES:
        bot = make_bot(name, negotiation, SELLER)
        assert not any(bot.respond(k, negotiation.index_of(39)) for k in range(5)), name


def test_the_learner_reads_a_buyers_limit_from_its_offers():
    negotiation = price_negotiation(40, 70, rounds=100)
    learner = make_bot("learner", negotiation, SELLER)
    assert isinstance(learner, LearningBot)
    result = negotiate(negotiation, {SELLER: learner, BUYER: "negmas-linear"})
    assert abs(learner.estimate() - 70) < 8
    assert negotiation.public(result.agreement) >= 65  # it presses close to the buyer's limit


def test_the_same_seed_gives_the_same_tournament():
    names = ["linear", "tit-for-tat"]
    first = tournament(names, random_price_negotiations(20, seed=7))
    again = tournament(names, random_price_negotiations(20, seed=7))
    other = tournament(names, random_price_negotiations(20, seed=8))
    assert first.equals(again) and not first.equals(other)


def test_the_vectorised_tournament_equals_the_round_by_round_one():
    names = ["negmas-boulware", "negmas-linear", "negmas-conceder"]
    negotiations = random_price_negotiations(200, seed=3)
    fast = tournament(names, negotiations)
    slow = tournament(names, negotiations, vectorise=False)
    assert fast.fillna(-1).equals(slow.fillna(-1))
    assert fast.agreed.sum() > 100  # the comparison covers many agreements


def test_a_tournament_mixes_every_bot_with_every_other():
    table = tournament(["linear", "learner"], random_price_negotiations(5, seed=1))
    assert len(table) == 4 * 5
    assert set(zip(table.first_bot, table.second_bot, strict=True)) == {
        ("linear", "linear"),
        ("linear", "learner"),
        ("learner", "linear"),
        ("learner", "learner"),
    }


def test_every_personality_is_described():
    assert all(describe(name) for name in PERSONALITIES)


LOGROLL = multi_issue_negotiation(
    issues={"salary": [60, 70, 80], "remote_days": [0, 2, 4]},
    scores={
        "candidate": {"salary": {60: 0, 70: 5, 80: 10}, "remote_days": {0: 0, 2: 1, 4: 2}},
        "employer": {"salary": {60: 10, 70: 5, 80: 0}, "remote_days": {0: 10, 2: 9, 4: 8}},
    },
    weights={
        "candidate": {"salary": 1, "remote_days": 3},
        "employer": {"salary": 1, "remote_days": 1},
    },
    reservations={"candidate": 4, "employer": 10},
    rounds=20,
)


def test_multi_issue_negotiations_reach_a_deal_both_prefer_to_their_batna():
    result = negotiate(LOGROLL, {"candidate": "linear", "employer": "linear"})
    assert result.agreed
    for side in LOGROLL.sides:
        own = LOGROLL.preferences[side]
        assert own.utilities[result.agreement] >= own.reservation


@pytest.mark.parametrize(
    ("build", "error", "words"),
    [
        (
            lambda: price_negotiation(120, 70),
            ValueError,
            "seller's reservation 120 is outside the price range 0–100",
        ),
        (lambda: price_negotiation(40, 70, rounds=0), ValueError, "at least 1 round"),
        (lambda: price_negotiation(40, 70, rounds=2.5), TypeError, "whole number of rounds"),
        (lambda: price_negotiation(40, 70, low=100, high=0), ValueError, "needs low < high"),
        (lambda: price_negotiation(40, 70, step=0.3), ValueError, "not a whole number of steps"),
        (
            lambda: make_bot("shark", REFERENCE, SELLER),
            ValueError,
            "no bot called 'shark'; pick one of boulware",
        ),
        (lambda: make_bot("linear", REFERENCE, "broker"), ValueError, "no side called 'broker'"),
        (lambda: make_bot("learner", LOGROLL, "candidate"), ValueError, "single price only"),
        (lambda: REFERENCE.index_of(150), ValueError, "between 0 and 100 in steps of 1, got 150"),
        (lambda: REFERENCE.index_of(40.5), ValueError, "got 40.5"),
        (lambda: REFERENCE.index_of("cheap"), TypeError, "the price must be a number"),
        (lambda: LOGROLL.index_of({"salary": 70}), ValueError, "must name every issue once"),
        (
            lambda: LOGROLL.index_of({"salary": 75, "remote_days": 2}),
            ValueError,
            "75 is not a level of salary",
        ),
        (lambda: negotiate(REFERENCE, {SELLER: "linear"}), ValueError, "give a bot for each side"),
        (
            lambda: negotiate(REFERENCE, {SELLER: "linear", BUYER: "linear"}, first="broker"),
            ValueError,
            "no side called 'broker' to move first",
        ),
        (lambda: random_price_negotiations(0, seed=1), ValueError, "at least 1"),
    ],
)
def test_bad_configurations_are_explained(build, error, words):
    with pytest.raises(error, match=__import__("re").escape(words)):
        build()


def test_round_by_round_pairings_give_the_same_table_in_worker_processes(monkeypatch):
    from course.engine import tournament as module

    monkeypatch.setattr(module, "PARALLEL_FROM", 0)
    negotiations = random_price_negotiations(10, seed=5)
    names = ["tit-for-tat", "learner", "linear"]
    assert tournament(names, negotiations, workers=2).equals(
        tournament(names, negotiations, workers=1)
    )
