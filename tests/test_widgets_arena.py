"""The workshop arena in plain Python: join, play, score, save; tampered values refused."""

import json
import random
from html import unescape

import ipywidgets as w
import pytest
import traitlets

from course.store import ResultsStore
from course.widgets import arena as views
from course.widgets.arena import WorkshopArena
from course.widgets.controls import LiveHTML
from course.workshop import play

HIDDEN = 61.37  # the bot's secret: off the whole-number grid, so easy to spot


@pytest.fixture
def store(tmp_path):
    return ResultsStore(folder=tmp_path)


@pytest.fixture
def hidden_limit(monkeypatch):
    """Every arena bot gets the limit HIDDEN (the participant sells, so a zone exists)."""

    original = play.price_negotiation

    def negotiation(seller, buyer, **options):
        return original(seller, HIDDEN, **options)

    monkeypatch.setattr(play, "price_negotiation", negotiation)


def synced_state(root):
    """Everything a browser can read: the synced state of the view and every widget in it."""
    found, stack = [], [root]
    while stack:
        widget = stack.pop()
        found.append(widget.get_state())
        stack += [
            value
            for key in widget.keys
            for value in (
                getattr(widget, key)
                if isinstance(getattr(widget, key), tuple | list)
                else [getattr(widget, key)]
            )
            if isinstance(value, w.Widget)
        ]
    return json.dumps(found, default=str)


def seller_arena(store, style="linear"):
    arena = WorkshopArena(store=store, style=style, rng=random.Random(3))
    arena._rng = None
    return arena


def join(arena, name="Ada", role="seller"):
    arena.name.value = name
    arena._rng = FixedRole(role)
    arena.join.click()


class FixedRole(random.Random):
    """A seeded generator that always draws ``role``."""

    def __init__(self, role):
        super().__init__(5)
        self.role = role

    def choice(self, options):
        return self.role if self.role in options else super().choice(options)


def test_nothing_happens_before_joining(store):
    arena = WorkshopArena(store=store, style="linear")
    assert arena.send_offer.disabled and arena.accept.disabled and not arena.join.disabled
    arena.send_offer.click()  # a click forged over the websocket on a disabled button
    assert "join first" in arena.status.value
    arena.join.click()
    assert "enter a display name" in arena.status.value and arena.brief.value == ""


def test_a_whole_negotiation_is_played_scored_and_saved(store, hidden_limit):
    arena = WorkshopArena(store=store, style="conceder")
    join(arena, "  Ada   Lovelace ")
    assert arena.name.value == "Ada Lovelace" and arena.name.disabled
    assert "you are the seller" in arena.brief.value and "BATNA" in arena.brief.value
    assert arena.price.value == ""  # no anchor planted in the box
    for ask in (90, 80, 70):
        arena.price.value = str(ask)
        arena.send_offer.click()
        if arena._case.finished:
            break
    if not arena._case.finished:
        arena.accept.click()
    assert arena._case.finished and arena.send_offer.disabled
    assert "Deal at" in unescape(arena.result.value) or "No deal" in arena.result.value
    assert "<svg" in arena.chart.value and "61.37" in arena.chart.value  # revealed at the end
    assert "the bot's reservation price 61.37" in unescape(arena.chart.value)
    assert "limit" not in arena.chart.value  # the course's one word: reservation price
    assert "Saved for the debrief" in arena.status.value
    (saved,) = store.records()
    assert saved["participant"] == "Ada Lovelace" and saved["first_offer"] == 90
    assert saved["bot_style"] == "conceder" and saved["role"] == "seller"
    assert saved["bot_reservation"] == HIDDEN


def test_walking_away_is_an_impasse_in_the_store(store):
    arena = WorkshopArena(store=store, style="boulware")
    join(arena, "Bo", role="buyer")
    arena.walk.click()
    assert "No deal (walk away)" in arena.result.value
    (saved,) = store.records()
    assert saved["price"] is None and saved["first_offer"] is None and saved["role"] == "buyer"
    arena.walk.click()
    assert "over: play again" in arena.status.value and len(store.records()) == 1


def test_playing_again_draws_a_new_case(store):
    arena = WorkshopArena(store=store, style="linear")
    join(arena)
    arena.walk.click()
    assert arena.again.layout.display is None
    arena.again.click()
    assert not arena._case.finished and arena.history.value == "" and arena.result.value == ""


@pytest.mark.parametrize("typed", ["", "  ", "eighty", "101", "-1", "80.5", "1e9"])
def test_a_refused_offer_is_never_sent_in_place_of_another(store, typed):
    """Type something that is not an offer and click send: nothing is sent (no earlier
    offer either, no round used) and the message saying why stays on screen."""
    arena = WorkshopArena(store=store, style="linear")
    join(arena)
    arena.price.value = "80"
    arena.send_offer.click()
    before = list(arena._case.session.history)
    arena.price.value = typed
    arena.send_offer.click()
    assert arena._case.session.history == before
    assert "whole number from 0 to 100" in arena.status.value


@pytest.mark.parametrize("bad", [None, [80]])
def test_a_wrong_type_offer_is_refused_by_the_trait(store, bad):
    arena = WorkshopArena(store=store, style="linear")
    join(arena)
    with pytest.raises(traitlets.TraitError):
        arena.price.value = bad
    assert arena.price.value == ""


def test_an_offer_is_checked_again_when_sent(store):
    arena = WorkshopArena(store=store, style="linear")
    join(arena)
    arena.price._trait_values["value"] = 500  # a value of the wrong type the trait never saw
    arena.send_offer.click()
    assert arena._case.session.history == [] and "whole number from 0 to 100" in arena.status.value


def test_no_widget_state_holds_the_bots_limit_before_the_end(store, hidden_limit):
    arena = WorkshopArena(store=store, style="tit-for-tat")
    assert "61.37" not in synced_state(arena)
    join(arena)
    for ask in (95, 90):
        arena.price.value = str(ask)
        arena.send_offer.click()
        assert "61.37" not in synced_state(arena)
    arena.walk.click()
    assert "61.37" in synced_state(arena)  # only the debrief of the finished negotiation


def test_an_unknown_bot_style_is_refused():
    with pytest.raises(ValueError, match="pick a bot style from boulware"):
        WorkshopArena(style="villain")


def test_a_failing_store_is_logged_not_shown(tmp_path, caplog):
    class BrokenStore:
        def add(self, record):
            raise RuntimeError("disk on fire")

    arena = WorkshopArena(store=BrokenStore(), style="linear")
    join(arena)
    arena.walk.click()
    assert "could not be saved" in arena.status.value and "disk on fire" not in arena.status.value
    assert "disk on fire" in caplog.text


def test_an_unexpected_error_is_logged_and_the_visitor_sees_no_traceback(store, caplog):
    arena = WorkshopArena(store=store, style="linear")
    join(arena)
    arena._case.session.offer = lambda price: 1 / 0  # something breaks inside
    arena.price.value = "80"
    arena.send_offer.click()
    assert "Something went wrong on our side" in arena.status.value
    assert "Traceback" not in arena.status.value and "Traceback" in caplog.text


def test_errors_go_to_the_facilitators_log_file(tmp_path, monkeypatch):
    monkeypatch.setattr(views, "log", views.logging.getLogger("test.arena.errors"))
    monkeypatch.setenv("LEVERAGE_ERROR_LOG", str(tmp_path / "errors.log"))
    page = views.workshop_arena()
    arena = page.children[-1]  # under the page's title and its line saying what to do
    assert isinstance(arena, WorkshopArena) and "<h1>Negotiation arena</h1>" in (
        page.children[0].value
    )
    arena._case = "not a case"
    arena.send_offer.click()
    assert "Traceback" in (tmp_path / "errors.log").read_text()


def sent(widget, monkeypatch):
    """The custom messages ``widget`` sends to the browser from now on (focus requests)."""
    messages = []
    monkeypatch.setattr(widget, "send", lambda content, buffers=None: messages.append(content))
    return messages


def press_enter(box, typed):
    """What the browser sends when Enter is pressed in a text box holding ``typed``."""
    box._handle_custom_msg({"event": "submit", "value": typed}, [])


def test_enter_in_the_name_box_joins_and_in_the_offer_box_sends(store):
    """Issue 19: a keyboard user types a name and presses Enter, then an offer and Enter.
    What the box holds comes with Enter: the last keys typed may not have arrived yet (the
    browser queues updates, and the Enter message overtakes them)."""
    arena = seller_arena(store)
    arena.name.value = "A"  # "Ada" typed fast: only the first key has arrived
    press_enter(arena.name, "Ada")
    assert arena._case is not None and arena.name.disabled and arena.name.value == "Ada"
    arena.price.value = "9"
    press_enter(arena.price, "95")
    assert arena._case.session.history[0][1:] == ("you", 95)
    arena.price._handle_custom_msg({"event": "submit", "value": 80}, [])  # not text: ignored
    assert len([m for m in arena._case.session.history if m[1] == "you"]) == 1


def test_the_keyboard_goes_where_the_next_step_is(store, monkeypatch):
    """After joining, the offer box (the name box and "join" are off); after each move, the
    offer box again; at the end, "play again"."""
    arena = seller_arena(store, "conceder")
    to_price, to_again = sent(arena.price, monkeypatch), sent(arena.again, monkeypatch)
    join(arena)
    assert to_price == [{"do": "focus"}]
    arena.price.value = "95"
    arena.send_offer.click()
    assert to_price == [{"do": "focus"}] * 2 and not to_again
    arena.walk.click()
    assert to_again == [{"do": "focus"}]


def test_the_other_sides_move_is_announced_and_shown_above_the_moves(store):
    """The status, where the bot's answer is written, is a live region (a screen reader
    reads it out) and sits above the offer box, so the newest move needs no scrolling
    past the history on a phone."""
    arena = seller_arena(store)
    join(arena)
    arena.price.value = "90"
    arena.send_offer.click()
    assert isinstance(arena.status, LiveHTML) and "offers" in arena.status.value
    order = list(arena.children)
    assert order.index(arena.status) < order.index(arena.moves) < order.index(arena.history)
