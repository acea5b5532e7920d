"""A person against a bot (course.engine.session) and what an outcome means (analysis)."""

import matplotlib.figure
import pytest

from course.engine.analysis import analyse, concession_plot, history_frame, nash_point
from course.engine.bots import Bot
from course.engine.domain import BUYER, SELLER, Negotiation, Preferences, price_negotiation
from course.engine.protocol import negotiate
from course.engine.session import PersonSession

HIDDEN_RESERVATION = 41.5  # the bot's secret: not a price on the grid, so easy to spot


def session(**options):
    negotiation = price_negotiation(HIDDEN_RESERVATION, 70, rounds=options.pop("rounds", 10))
    return PersonSession(negotiation, person=BUYER, bot=options.pop("bot", "linear"), **options)


def test_the_bot_opens_and_answers_each_offer():
    game = session()
    opening = game.bot_offer
    assert game.round == 1 and HIDDEN_RESERVATION < opening < 100  # plausible, not its best
    answer = game.offer(30)
    assert answer["bot_offer"] == game.bot_offer and answer["round"] == 2
    assert not answer["finished"] and answer["said"] == game.said
    assert game.bot_offer < opening
    assert game.history[:3] == [(1, "bot", opening), (1, "you", 30), (2, "bot", game.bot_offer)]


def test_the_person_can_move_first_and_rounds_are_labelled_by_who_moved_when():
    game = session(first="person")
    assert game.bot_offer is None
    with pytest.raises(ValueError, match="no offer from the bot to accept yet"):
        game.accept()
    game.offer(20)
    game.offer(25)
    assert [(r, who) for r, who, _ in game.history] == [
        (1, "you"),
        (1, "bot"),
        (2, "you"),
        (2, "bot"),
    ]
    assert game.round == 3  # the person's next turn


def test_accepting_the_bots_offer_makes_the_deal():
    game = session()
    game.offer(30)
    price = game.bot_offer
    assert game.accept()["agreement"] == price
    assert game.finished and game.ended_by == "agreement"
    assert analyse(game.result())["agreement"] == price


def test_walking_away_ends_it_with_no_deal():
    game = session()
    answer = game.walk_away()
    assert answer["finished"] and answer["agreement"] is None and game.ended_by == "walk away"
    with pytest.raises(RuntimeError, match="the negotiation is over"):
        game.offer(50)


def test_a_generous_offer_is_taken():
    game = session()
    assert game.offer(99)["agreement"] == 99


def test_the_bots_last_offer_can_always_be_answered():
    """You move first: the bot's final offer comes with time for your answer, and after
    it the bot takes an offer or leaves; it never counters when you could not answer."""
    game = session(rounds=3, bot="boulware", first="person")
    game.offer(10)
    game.offer(10)
    assert "final offer" in game.said and not game.finished and not game.last_turn
    answer = game.offer(10)
    assert answer["finished"] and game.ended_by == "walk away" and answer["agreement"] is None
    assert "final offer and my time is up" in answer["said"]
    assert game.history[-1][1] == "you"  # the last offer made was answered (by leaving)


def test_when_the_bot_moves_first_your_last_turn_is_accept_or_walk_away():
    game = session(rounds=2, bot="linear")
    game.offer(30)
    assert game.last_turn and "final offer" in game.said
    with pytest.raises(ValueError, match="last turn"):
        game.offer(40)
    assert game.accept()["agreement"] == game.bot_offer


def test_the_result_waits_for_the_end():
    game = session()
    with pytest.raises(RuntimeError, match="still going"):
        game.result()


@pytest.mark.parametrize("offer", [150, -1, 40.5, "fifty", None])
def test_an_offer_off_the_range_is_refused_and_loses_nothing(offer):
    game = session()
    before = list(game.history)
    with pytest.raises((ValueError, TypeError)):
        game.offer(offer)
    assert game.history == before and not game.finished
    game.offer(30)  # and the game goes on


def reachable(root, depth=6):
    """Every object reachable from ``root`` through public attributes and containers."""
    seen, stack, found = set(), [(root, 0)], []
    while stack:
        item, level = stack.pop()
        if id(item) in seen or level > depth:
            continue
        seen.add(id(item))
        found.append(item)
        if isinstance(item, dict):
            stack += [(v, level + 1) for pair in item.items() for v in pair]
        elif isinstance(item, list | tuple | set | frozenset):
            stack += [(v, level + 1) for v in item]
        elif not isinstance(item, str | int | float | type(None)):
            for name in dir(item):
                if not name.startswith("_"):
                    try:
                        stack.append((getattr(item, name), level + 1))
                    except Exception:  # a property may refuse to answer; it hides nothing
                        continue
    return found


@pytest.mark.parametrize("bot", ["linear", "tit-for-tat", "learner"])
def test_no_hidden_value_is_reachable_from_the_session(bot):
    game = session(bot=bot)
    game.offer(30)
    for item in reachable(game):
        assert not isinstance(item, Bot | Preferences | Negotiation), type(item)
        assert not (isinstance(item, float) and abs(item) == HIDDEN_RESERVATION)


def test_the_person_sees_their_own_brief_and_values():
    game = session()
    assert game.brief["reservation_price"] == 70 and game.brief["side"] == BUYER
    assert game.utility(60) == -60


REFERENCE = price_negotiation(40, 70)


def test_the_reference_outcome_analysed():
    result = negotiate(REFERENCE, {SELLER: "negmas-boulware", BUYER: "negmas-conceder"})
    summary = analyse(result)
    assert summary["agreement"] == 67 and summary["round"] == 87
    assert summary["seller_zopa_share"] == pytest.approx(0.9)
    assert summary["buyer_zopa_share"] == pytest.approx(0.1)
    assert summary["distance_to_pareto"] == 0  # every price in the zone is Pareto-optimal
    assert summary["nash_point"] == 55  # the middle of [40, 70]
    # each side's gain on a 0-1 scale from its BATNA to its best price: seller 27/60 at 67
    # and 15/60 at 55; buyer 3/70 at 67 and 15/70 at 55
    assert summary["distance_to_nash"] == pytest.approx(((12 / 60) ** 2 + (12 / 70) ** 2) ** 0.5)


def test_an_impasse_analysed():
    result = negotiate(price_negotiation(70, 40, rounds=5), {SELLER: "linear", BUYER: "linear"})
    summary = analyse(result)
    assert not summary["zopa_exists"] and summary["agreement"] is None
    assert summary["seller_gain"] == 0 and summary["distance_to_pareto"] is None
    assert nash_point(result.negotiation) is None


def test_the_history_as_a_dataframe_and_a_plot():
    result = negotiate(REFERENCE, {SELLER: "negmas-boulware", BUYER: "negmas-conceder"})
    frame = history_frame(result)
    assert list(frame.columns) == ["round", "side", "offer", "seller_utility", "buyer_utility"]
    assert len(frame) == len(result.history) == 2 * 86  # the seller accepted in round 87
    assert frame.iloc[-1].to_dict() == {
        "round": 86,
        "side": "buyer",
        "offer": 67,
        "seller_utility": 67,
        "buyer_utility": -67,
    }
    figure = concession_plot(result)
    assert isinstance(figure, matplotlib.figure.Figure)
    assert len(figure.axes[0].get_lines()) == 4  # two offer curves, two reservation lines
