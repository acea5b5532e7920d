"""course.widgets.practice in plain Python: the arena and the low-ball moment; set .value,
.click(), read what the view shows."""

import json
import random
from html import unescape

import ipywidgets as w
import pytest

from course.engine.bots import STYLES
from course.engine.practice import Buyer
from course.engine.protocol import Result
from course.widgets import practice as views
from course.widgets.practice import DifficultMoment, NegotiationArena

HIDDEN = 67  # a limit for the tests that look for it in what the widgets show


def every_widget(root):
    """``root`` and every widget inside it."""
    found, stack = [], [root]
    while stack:
        widget = stack.pop()
        found.append(widget)
        stack += [c for c in getattr(widget, "children", ()) if isinstance(c, w.Widget)]
    return found


def shown(root):
    """Every text a browser receives: the values, labels and options of every widget."""
    found = []
    for widget in every_widget(root):
        state = widget.get_state()
        for key in ("value", "description", "placeholder", "_options_labels"):
            found.append(json.dumps(state.get(key), default=str))
    return " ".join(found)


def secret_buyer(arena, style="linear", limit=HIDDEN):
    """Give the arena's next negotiation a buyer of ``style`` and ``limit``."""
    arena._buyer = Buyer(style, limit, rng=random.Random(1))
    arena._begin()


def offer(arena, price):
    arena.price.value = str(price)
    arena.send_offer.click()


def test_the_arena_opens_with_a_mystery_buyer_and_an_empty_offer_box():
    arena = NegotiationArena(rng=random.Random(3))
    assert arena.counterpart.value == "mystery" and arena.price.value == ""
    assert "drawn apart from yours" in arena.brief.value and "35 to 85" in arena.brief.value
    assert "your reservation price is 40" in arena.brief.value
    style = arena._buyer.reveal()["style"]
    texts = [arena.brief.value, arena.status.value, arena.history.value, arena.result.value]
    assert not any(style in text for text in texts)
    assert arena.accept.disabled and not arena.send_offer.disabled


@pytest.mark.parametrize("typed", ["", "  ", "eighty", "150", "-3", "40.5"])
def test_a_refused_offer_sends_nothing_and_says_why(typed):
    arena = NegotiationArena(rng=random.Random(3))
    offer(arena, 80)
    before = list(arena._session.history)
    arena.price.value = typed
    arena.send_offer.click()
    assert arena._session.history == before  # no round used, no old value sent
    assert "whole number from 0 to 100" in arena.status.value
    arena.make_offer()  # Enter in the box goes the same way
    assert arena._session.history == before


def test_a_whole_negotiation_is_played_and_debriefed():
    arena = NegotiationArena(style="conceder", rng=random.Random(7))
    for ask in (85, 78, 72, 66, 60, 55, 50, 46):
        if arena._session.finished:
            break
        offer(arena, ask)
        if not arena._session.finished:
            assert "Round" in arena.status.value and "“" in unescape(arena.status.value)
    if not arena._session.finished:
        arena.accept.click()
    text = unescape(arena.result.value)
    assert (
        "Round 1: you ask 85" in arena.history.value
        and "Round 1: the buyer offers" in arena.history.value
    )
    assert ("Deal at" in text or "No deal" in text) and "The buyer will remember" in text
    assert "concession" in text
    assert arena.chart.value.count("<polyline") == 2
    assert arena.send_offer.disabled and arena.accept.disabled and arena.walk.disabled
    assert "conceder buyer" in text  # a style you picked is named in the debrief
    arena.send_offer.click()  # a click after the end changes nothing
    assert "over: meet this buyer again" in arena.status.value


def test_a_deal_at_exactly_your_reservation_price_is_called_that():
    result = Result(None, 0, 3, "agreement", "buyer", [])

    class Finished:
        agreement, side = 40, "seller"

        def result(self):
            return result

    text = views._outcome(Finished(), 40, 40)
    assert "exactly your reservation price, no gain over your BATNA" in text
    assert "below" not in text and "worse" not in text
    assert "23 over your reservation price" in views._outcome(
        type("S", (Finished,), {"agreement": 63})(), 40, 70
    )


def test_no_deal_when_the_limits_are_equal_is_explained():
    arena = NegotiationArena(rng=random.Random(2))
    secret_buyer(arena, "linear", 40)
    arena.walk.click()
    assert "exactly yours" in unescape(arena.result.value)


def test_the_buyer_walks_away_in_words_after_stalling():
    arena = NegotiationArena(rng=random.Random(2))
    secret_buyer(arena, "linear", 60)
    for _ in range(10):
        if arena._session.finished:
            break
        offer(arena, 85)
    text = unescape(arena.result.value)
    assert "the buyer walked away in round" in text and "going round in circles" in text


def test_naming_the_mystery_style_gets_feedback_with_the_evidence():
    arena = NegotiationArena(rng=random.Random(5))
    assert arena.naming.layout.display == "none"  # nothing to name before the end
    arena.walk.click()
    assert arena.naming.layout.display is None
    style = arena._buyer.reveal()["style"]
    arena.guess.value = style
    arena.name_it.click()
    assert unescape(arena.reading.value).count("Right.") == 1 and style in arena.reading.value
    wrong = next(s for s in STYLES if s != style)
    arena.guess.value = wrong
    arena.name_it.click()
    assert f"Not quite: you said {wrong}" in unescape(arena.reading.value)
    arena.guess.set_trait("index", None)  # a visitor clears the dropdown
    arena.name_it.click()
    assert "Pick the style" in arena.reading.value


def test_meeting_the_same_buyer_again_remembers_the_ending():
    arena = NegotiationArena(rng=random.Random(4))
    first = arena._buyer.reveal()
    offer(arena, 80)
    arena.walk_out.click()
    assert "a walk-out, which burns most of its trust" in unescape(arena.result.value)
    arena.again.click()
    again = arena._buyer.reveal()
    assert (again["style"], again["limit"], again["met"]) == (first["style"], first["limit"], 1)
    assert "You have met this buyer 1 time(s) before" in arena.brief.value
    assert "<td>walk-out</td>" in arena.meetings.value
    arena.start.click()  # a new buyer forgets
    assert arena._buyer.reveal()["met"] == 0 and arena.meetings.value == ""


def test_meeting_again_waits_for_the_end():
    arena = NegotiationArena(rng=random.Random(4))
    arena.again.click()  # forged over the websocket while the talks go on
    assert "Finish this negotiation first" in arena.status.value


def test_the_same_limit_can_meet_another_style():
    arena = NegotiationArena(style="boulware", rng=random.Random(6))
    limit = arena._buyer.reveal()["limit"]
    arena.keep.value = True
    arena.counterpart.value = "tit-for-tat"
    arena.start.click()
    assert arena._buyer.reveal() == {"style": "tit-for-tat", "limit": limit, "met": 0, "trust": 0.5}


def test_a_tampered_counterpart_is_refused():
    arena = NegotiationArena(rng=random.Random(6))
    arena.counterpart.set_trait("index", None)
    arena.start.click()
    assert "is not a buyer you can pick" in unescape(arena.status.value)


def test_no_hidden_value_reaches_any_widget_before_the_end():
    arena = NegotiationArena(rng=random.Random(8))
    secret_buyer(arena, "tit-for-tat", HIDDEN)
    for ask in (95, 90, 85):
        offer(arena, ask)
        state = shown(arena)
        assert str(HIDDEN) not in state and "tit-for-tat buyer" not in state
    arena.walk.click()
    assert str(HIDDEN) in arena.result.value  # revealed for the debrief, only after the end


def test_an_unknown_style_is_refused():
    with pytest.raises(ValueError, match="pick a bot style"):
        NegotiationArena(style="villain")


# --- the low-ball ---------------------------------------------------------------------


def test_the_moment_tells_the_story_up_to_a_real_low_ball():
    moment = DifficultMoment(rng=random.Random(2))
    m = moment._moment
    assert (
        f"the buyer suddenly offers {m.low_ball}</b>, well below its own offers"
        in moment.story.value
    )
    assert moment.outcome.value == "" and moment.ask.value == ""


@pytest.mark.parametrize("seed", range(4))
def test_each_verdict_is_true_of_its_history(seed):
    moment = DifficultMoment(rng=random.Random(seed))
    m = moment._moment
    moment.choice.value = "half"
    moment.play.click()
    half = m.play("half")
    text = unescape(moment.outcome.value)
    assert "times your usual step" in text and "pressure working" in text
    assert half["pressed"]
    moment.choice.value = "hold"
    moment.play.click()
    assert (
        "You repeated your last ask: the buyer read that the low-ball had not worked"
        in unescape(moment.outcome.value)
    )
    moment.choice.value = "accept"
    moment.play.click()
    assert f"a deal at {m.low_ball}, " in unescape(moment.outcome.value)
    moment.choice.value = "walk"
    moment.play.click()
    assert "the door open" in unescape(moment.outcome.value)
    assert moment.comparison.value.count("<tr>") == 6  # a header and five answers


def test_your_own_ask_is_played_and_a_bad_one_is_refused():
    moment = DifficultMoment(rng=random.Random(1))
    m = moment._moment
    moment.choice.value = "ask"
    for typed in ("", "lots", str(m.last_ask + 5)):
        moment.ask.value = typed
        moment.play.click()
        assert moment.outcome.value == "" and "ask" in moment.status.value
    moment.ask.value = str(m.last_ask - 3)
    moment.play.click()
    assert "You conceded 3, about your usual step" in unescape(moment.outcome.value)
    assert moment.comparison.value.count("<tr>") == 7


def test_the_moment_keeps_the_buyers_limit_out_of_every_trait():
    moment = DifficultMoment(rng=random.Random(2))
    limit = abs(moment._moment._negotiation.preferences["buyer"].reservation)
    assert f"{limit:g}" not in shown(moment)
    assert "_negotiation" not in moment.keys


def test_a_tampered_answer_is_rejected_with_a_message():
    moment = DifficultMoment(rng=random.Random(2))
    moment.choice.set_trait("index", None)  # a visitor clears the selection
    moment.play.click()
    assert "is not one of the answers" in moment.status.value
    assert moment.outcome.value == ""
    moment.again.click()
    assert moment.outcome.value == "" and moment.comparison.value == ""
