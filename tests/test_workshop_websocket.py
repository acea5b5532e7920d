"""The arena over its kernel's websocket, as a hostile visitor would use it: values set
out of range or of the wrong type are refused, and no widget state holds the bot's limit
before the negotiation ends."""

import asyncio
import json
import re
import uuid
from concurrent.futures import ThreadPoolExecutor

import pytest

from course.store import ResultsStore
from tests.workshop_server import get, workshop

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("workshop")]


class Visitor:
    """A websocket client of one kernel speaking the widget protocol."""

    def __init__(self, connection):
        self.connection, self.states = connection, {}

    async def send(self, comm_id, data):
        message = {
            "header": {
                "msg_id": uuid.uuid4().hex,
                "msg_type": "comm_msg",
                "username": "visitor",
                "session": "visitor",
                "version": "5.3",
                "date": "",
            },
            "parent_header": {},
            "metadata": {},
            "content": {"comm_id": comm_id, "data": data},
            "channel": "shell",
            "buffers": [],
        }
        await self.connection.write_message(json.dumps(message))

    async def drain(self, seconds=1.5):
        """Read what the kernel sends for a while, keeping every model's latest state."""
        loop = asyncio.get_running_loop()
        end = loop.time() + seconds
        while (left := end - loop.time()) > 0:
            try:
                raw = await asyncio.wait_for(self.connection.read_message(), left)
            except TimeoutError:
                break
            if not isinstance(raw, str):
                continue
            message = json.loads(raw)
            content = message.get("content", {})
            data = content.get("data", {})
            if message.get("msg_type") == "comm_msg" and data.get("method") == "update":
                self.states.setdefault(content["comm_id"], {}).update(data["state"])

    async def dump(self, root):
        """Every model reachable from ``root``, with its full state (asked level by level)."""
        seen, frontier = set(), {root}
        while frontier:
            for model in frontier:
                await self.send(model, {"method": "request_state"})
            seen |= frontier
            for _ in range(40):  # until every model asked has answered, at most ~12 s
                await self.drain(0.3)
                if all(self.states.get(m, {}).get("_model_name") for m in frontier):
                    break
            found = re.findall(
                r"IPY_MODEL_([0-9a-f]{32})", json.dumps([self.states.get(m) for m in frontier])
            )
            frontier = set(found) - seen
        return {model: self.states[model] for model in seen if model in self.states}

    def find(self, models, **match):
        (found,) = [m for m, s in models.items() if all(s.get(k) == v for k, v in match.items())]
        return found


async def hostile_session(base, kernel, root):
    from tornado.websocket import websocket_connect

    url = f"{base.replace('http', 'ws')}api/kernels/{kernel}/channels?session_id=visitor"
    connection = await websocket_connect(url)
    visitor = Visitor(connection)
    models = await visitor.dump(root)
    name = visitor.find(models, _model_name="AnyModel", description="your name")
    offer = visitor.find(models, _model_name="AnyModel", description="your offer")
    join = visitor.find(models, _model_name="ButtonModel", description="join")
    send = visitor.find(models, _model_name="ButtonModel", description="send offer")
    walk = visitor.find(models, _model_name="ButtonModel", description="walk away")
    await visitor.send(name, {"method": "update", "state": {"value": "Eve"}, "buffer_paths": []})
    await visitor.send(join, {"method": "custom", "content": {"event": "click"}})
    await visitor.drain()
    status = status_of(models)
    refused = {}
    for bad in ("500", "-3", "eighty", "", 500, None, [1, 2]):
        # a typed value, or one the trait refuses: then clicking send must send nothing
        await visitor.send(offer, {"method": "update", "state": {"value": bad}, "buffer_paths": []})
        await visitor.send(send, {"method": "custom", "content": {"event": "click"}})
        await visitor.drain(1.0)
        for model in (offer, status):
            visitor.states.pop(model, None)
            await visitor.send(model, {"method": "request_state"})
        for _ in range(40):
            await visitor.drain(0.3)
            if all(model in visitor.states for model in (offer, status)):
                break
        refused[repr(bad)] = (visitor.states[offer]["value"], visitor.states[status]["value"])
    # a seller opens high and a buyer low: the other side must not take the first offer
    for _ in range(40):
        if "you are the " in json.dumps(visitor.states):
            break
        await visitor.drain(0.3)
    seller = "you are the seller" in json.dumps(visitor.states)
    offers = ("97", "93") if seller else ("3", "7")
    for price in offers:
        await visitor.send(
            offer, {"method": "update", "state": {"value": price}, "buffer_paths": []}
        )
        await visitor.send(send, {"method": "custom", "content": {"event": "click"}})
        await visitor.drain(1.0)
    during = json.dumps(await visitor.dump(root))
    await visitor.send(walk, {"method": "custom", "content": {"event": "click"}})
    await visitor.drain()
    after = json.dumps(await visitor.dump(root))
    connection.close()
    return refused, during, after, [int(price) for price in offers]


def status_of(models):
    """The arena's status line: the one HTML model showing a status message (a span)."""
    (found,) = [m for m, s in models.items() if str(s.get("value")).startswith("<span style=")]
    return found


def numbers_shown(state_dump):
    """The numbers a visitor can read in the widgets' text (model ids, colours, and the
    style sheets and scripts of the page and its controls left out)."""
    text = re.sub(r'"_(?:esm|css)": "(?:[^"\\]|\\.)*"|<style>.*?</style>', "", state_dump)
    text = re.sub(r"IPY_MODEL_[0-9a-f]{32}|#[0-9a-f]{6}|[0-9a-f]{32}", "", text)
    return {float(n) for n in re.findall(r"(?<![\w.])\d+(?:\.\d+)?(?![\w.])", text)}


def in_a_loop_of_its_own(coroutine):
    """Run ``coroutine`` on a fresh event loop in another thread: the session's Playwright
    browser keeps a loop running in this one, where asyncio.run() refuses to start."""
    with ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(asyncio.run, coroutine).result()


def test_a_hostile_visitor_is_refused_and_never_sees_the_bots_limit(tmp_path):
    with workshop(tmp_path, participants=1, extra=["--bot", "boulware"]) as (base, _, _):
        status, page = get(f"{base}voila/render/arena.ipynb")
        assert status == 200
        kernel = re.search(r'"kernelId": "([0-9a-f-]{36})"', page).group(1)
        root = re.search(r'"model_id": "([0-9a-f]{32})"', page).group(1)
        refused, during, after, offers = in_a_loop_of_its_own(hostile_session(base, kernel, root))
        (saved,) = ResultsStore(folder=tmp_path).records()
    for bad, (value, status) in refused.items():
        assert isinstance(value, str), f"{bad} was kept as {value!r}"
        assert "whole number from 0 to 100" in status, f"{bad}: {status}"
    assert (
        "500 is not" in refused["'500'"][1]
        and "&#x27;eighty&#x27; is not one" in refused["'eighty'"][1]
    )
    # nothing was sent for a refused value: the first offer is the first good one, and
    # the walk-away came in round 3, after two offers
    assert saved["participant"] == "Eve" and saved["first_offer"] == offers[0]
    assert saved["rounds"] == 3
    limit = saved["bot_reservation"]
    public = {saved["reservation"], *offers, 0, 100, 1, 2, 3, 10}
    shown_before = numbers_shown(during) - public
    assert limit in public or limit not in shown_before, "the bot's limit was in widget state"
    assert "limit" not in during and "limit" in after  # revealed at the end only
    assert "Traceback" not in during + after + "".join(text for _, text in refused.values())
