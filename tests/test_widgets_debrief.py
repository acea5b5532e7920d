"""The debrief in plain Python: the room's results, the facilitator's code, the CSV."""

import base64
import csv
import io
import re

import pytest

from course.store import ResultsStore
from course.widgets.debrief import ATTEMPTS, Debrief


@pytest.fixture
def store(tmp_path):
    store = ResultsStore(folder=tmp_path)
    for n, (first, price) in enumerate([(90, 70), (80, 62), (99, 75), (70, None)]):
        store.add(
            {
                "participant": f"P{n}",
                "app": "arena",
                "bot_style": "linear" if n % 2 else "boulware",
                "role": "seller",
                "reservation": 40,
                "bot_reservation": 80,
                "first_offer": first,
                "price": price,
                "ended_by": "agreement" if price else "deadline",
                "rounds": 10,
                "zopa_share": None if price is None else (price - 40) / 40,
            }
        )
    return store


def csv_rows(debrief):
    data = re.search(r"base64,([A-Za-z0-9+/=]+)", debrief.download.value).group(1)
    return list(csv.DictReader(io.StringIO(base64.b64decode(data).decode())))


def test_the_room_is_shown_on_this_machine_without_a_code(store, monkeypatch):
    monkeypatch.delenv("LEVERAGE_FACILITATOR_CODE", raising=False)
    debrief = Debrief(store=store, refresh_every=0)
    assert debrief.board.layout.display is None and debrief.gate.layout.display == "none"
    assert "<b>4</b> negotiations by <b>4</b> participants" in debrief.counts.value
    assert "<b>3</b> deals, <b>1</b> impasses" in debrief.counts.value
    assert "sellers: price ≈" in debrief.anchoring.value
    assert "correlation r = 0.99" in debrief.anchoring.value
    assert "buyers: too few deals for a line yet" in debrief.anchoring.value
    assert "boulware" in debrief.styles.value and "<svg" in debrief.prices.value
    assert [row["participant"] for row in csv_rows(debrief)] == ["P0", "P1", "P2", "P3"]


def test_new_results_appear_on_refresh(store, monkeypatch):
    monkeypatch.delenv("LEVERAGE_FACILITATOR_CODE", raising=False)
    debrief = Debrief(store=store, refresh_every=0)
    record = csv_rows(debrief)[0]
    store.add(
        {
            **{k: record[k] for k in ("participant", "app", "bot_style", "role", "ended_by")},
            "reservation": 30,
            "first_offer": 60,
            "price": 50,
            "rounds": 3,
        }
    )
    debrief.refresh()
    assert "<b>5</b> negotiations" in debrief.counts.value and len(csv_rows(debrief)) == 5


def test_on_a_network_the_code_comes_first(store, monkeypatch):
    monkeypatch.setenv("LEVERAGE_FACILITATOR_CODE", "s3cret-code")
    debrief = Debrief(store=store, refresh_every=0)
    assert debrief.board.layout.display == "none"
    assert debrief.counts.value == "" and debrief.download.value == ""  # nothing sent yet
    debrief.code.value = "guess"
    debrief.unlock.click()
    assert "not the facilitator code" in debrief.status.value and debrief.counts.value == ""
    debrief.code.value = " s3cret-code "
    debrief.unlock.click()
    assert debrief.board.layout.display is None and "<b>4</b> negotiations" in debrief.counts.value
    assert debrief.code.value == ""


def test_a_page_locks_after_too_many_wrong_codes(store, monkeypatch):
    monkeypatch.setenv("LEVERAGE_FACILITATOR_CODE", "s3cret-code")
    debrief = Debrief(store=store, refresh_every=0)
    for _ in range(ATTEMPTS):
        debrief.code.value = "guess"
        debrief.unlock.click()
    debrief.code.value = "s3cret-code"
    debrief.unlock.click()
    assert "Too many wrong codes" in debrief.status.value and debrief.counts.value == ""


@pytest.mark.parametrize("make", ["arena", "debrief"])
def test_the_views_shadow_no_widget_method(store, make):
    """A view attribute named like a Widget method (``open``, ``send``) breaks the widget:
    ``open`` is what creates its comm, so the browser would find no model."""
    import ipywidgets as w

    from course.widgets.arena import WorkshopArena

    view = WorkshopArena(store=store) if make == "arena" else Debrief(store=store, refresh_every=0)
    ours = {name for name in vars(view) if not name.startswith("_")}
    ours |= {name for name in vars(type(view)) if not name.startswith("_")}
    assert not ours & set(dir(w.VBox))
