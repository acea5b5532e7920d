"""The pairs workshop over its kernels' websockets, on `leverage workshop --activity pairs
--processes 2`: two participants in separate Voila processes negotiate through the store;
a hostile one reads nothing of the partner's brief in any widget state or any message,
cannot act for the partner or reach another pair, and cannot take someone else's seat by
forging the seat header; a reload gets the seat and the history back."""

import asyncio
import json
import random
import re
import urllib.request

import pytest

from course.store import ResultsStore
from course.workshop.cases import case_data
from course.workshop.pairs import Room, browser_key, seat_brief
from course.workshop.server import SEAT_COOKIE, SEAT_HEADER
from tests.test_workshop_websocket import Visitor, in_a_loop_of_its_own
from tests.workshop_server import get, workshop

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("workshop")]


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    data = tmp_path_factory.mktemp("pairs")
    with workshop(data, participants=2, extra=["--processes", "2"], activity="pairs") as running:
        base, process, lines = running
        yield base, process, lines, data


def open_page(base, cookies, app="pairs.ipynb", headers=None):
    """Open an app as the browser holding ``cookies`` (updated from the answer): its
    kernel id and root widget id."""
    jar = "; ".join(f"{k}={v}" for k, v in cookies.items())
    request = urllib.request.Request(
        f"{base}voila/render/{app}", headers={"Cookie": jar, **(headers or {})}
    )
    with urllib.request.urlopen(request, timeout=120) as answer:
        page = answer.read().decode()
        for header in answer.headers.get_all("Set-Cookie") or []:
            name, value = header.split(";")[0].split("=", 1)
            cookies[name] = value
    assert "Traceback" not in page
    kernel = re.search(r'"kernelId": "([0-9a-f-]{36})"', page).group(1)
    root = re.search(r'"model_id": "([0-9a-f]{32})"', page).group(1)
    return kernel, root


class Participant(Visitor):
    """A websocket client of one pairs page that keeps every message it receives."""

    def __init__(self, connection, root):
        super().__init__(connection)
        self.root, self.raw, self.models = root, [], {}
        read = connection.read_message

        async def recording():
            message = await read()
            if message is not None:
                self.raw.append(
                    message if isinstance(message, str) else message.decode("utf-8", "replace")
                )
            return message

        connection.read_message = recording

    async def look(self):
        self.models = await self.dump(self.root)
        return self.models

    def text(self):
        return json.dumps(self.models, ensure_ascii=False)

    def model(self, **match):
        return self.find(self.models, **match)

    async def set(self, model, **state):
        await self.send(model, {"method": "update", "state": state, "buffer_paths": []})

    async def click(self, model):
        await self.send(model, {"method": "custom", "content": {"event": "click"}})

    async def beat(self):
        play = self.model(_model_name="PlayModel")
        self.beats = getattr(self, "beats", 0) + 1
        await self.set(play, value=self.beats)

    async def until(self, predicate, what, seconds=60):
        """Keep the page alive (heartbeats) and look again until ``predicate(text)``."""
        loop = asyncio.get_running_loop()
        end = loop.time() + seconds
        while loop.time() < end:
            await self.beat()
            await self.drain(0.5)
            await self.look()
            if predicate(self.text()):
                return
        raise AssertionError(f"{what} did not show within {seconds} s")


async def connect(base, kernel, root, cookies):
    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect

    jar = "; ".join(f"{k}={v}" for k, v in cookies.items())
    url = f"{base.replace('http', 'ws')}api/kernels/{kernel}/channels?session_id={kernel}"
    connection = await websocket_connect(HTTPRequest(url, headers={"Cookie": jar}))
    participant = Participant(connection, root)
    await participant.look()
    return participant


async def join(participant, name):
    field = participant.model(_model_name="TextModel", description="Your name")
    await participant.set(field, value=name)  # Enter: the value is synced, and joins
    await participant.until(lambda text: f"lobby as <b>{name}</b>" in text, f"{name} in the lobby")


def by_description(participant, description, kind="ButtonModel"):
    return participant.model(_model_name=kind, description=description)


async def negotiate(base, pages, data):
    eve = await connect(base, *pages["eve"])
    bob = await connect(base, *pages["bob"])
    await join(eve, "Eve")
    await join(bob, "Bob")
    room = Room(ResultsStore(folder=data))
    carl = room.join(browser_key("Carl's browser"), "Carl")
    people = {p["name"]: p["id"] for p in room.lobby()}
    pair = [(people["Eve"], people["Bob"])]
    room.start_round(case_data("clinic-software"), 10, arranged=pair, rng=random.Random(4))
    for who in (eve, bob):
        await who.until(lambda text: "Your points (your BATNA:" in text, "the brief")
    await bob.click(by_description(bob, "send offer"))
    await eve.until(lambda text: "Bob offers" in text, "Bob's offer on Eve's screen")

    # Eve, hostile: a level that is no option, a name change, clicks on buttons that are
    # not hers (Bob's model ids, sent to her kernel), an accept of no offer of Bob's made
    # possible by enabling the button, a bogus trait
    fee = by_description(eve, "Annual fee", "DropdownModel")
    await eve.set(fee, index=99)
    await eve.set(fee, index=-1)
    name = eve.model(_model_name="TextModel", description="Your name")
    await eve.set(name, value="Bob", disabled=False)
    await eve.click(by_description(eve, "join"))
    for model in (by_description(bob, "send offer"), by_description(bob, "walk away")):
        await eve.click(model)
    await eve.set(by_description(eve, "send offer"), _seat=1, description="send offer")
    await eve.click(by_description(eve, "send offer"))
    await eve.until(lambda text: "You offer" in text, "Eve's own offer")
    accept = by_description(eve, "accept their offer")
    await eve.set(accept, disabled=False)
    await eve.click(accept)  # Bob's offer is no longer the latest: refused
    await eve.until(lambda text: "no offer from your partner" in text.lower(), "the refusal")
    final = await eve.look()
    for connection in (eve, bob):
        connection.connection.close()
    return eve.raw, final, carl


def test_a_hostile_participant_reads_nothing_of_the_partner_and_acts_only_for_herself(server):
    base, _, _, data = server
    cookies = {"eve": {}, "bob": {}}
    pages = {who: (*open_page(base, cookies[who]), cookies[who]) for who in cookies}
    assert cookies["eve"]["leverage-voila"] != cookies["bob"]["leverage-voila"]  # two processes
    raw, final, carl = in_a_loop_of_its_own(negotiate(base, pages, data))

    room = Room(ResultsStore(folder=data))
    people = {p["name"]: p["id"] for p in room.lobby()}
    assert set(people) == {"Eve", "Bob", "Carl"}  # Eve's rename was refused
    eve, bob = room.seat(people["Eve"]), room.seat(people["Bob"])
    assert eve["pair_id"] == bob["pair_id"]
    moves = room.moves(eve["pair_id"])
    assert [(m["seat_id"], m["kind"]) for m in moves] == [
        (bob["id"], "offer"),
        (eve["id"], "offer"),
    ]
    assert room.table(eve["pair_id"])["ended_by"] is None  # nobody walked away for Bob
    assert room.moves(room.seat(carl)["pair_id"]) == []  # the other pair untouched
    assert (
        moves[1]["offer"]["fee"]
        in seat_brief(case_data("clinic-software"), "buyer")["issues"][0]["levels"]
    )

    # nothing of Bob's side in any widget state or any message Eve's page received
    case = case_data("clinic-software")
    secret = case["sides"][bob["side"]]
    everything = "\n".join(raw) + json.dumps(final, ensure_ascii=False)
    everything = everything.encode().decode("unicode_escape", "ignore") + everything
    for paragraph in secret["brief"]:
        assert paragraph not in everything
    assert not re.search(rf"(?<![\w.-]){secret['batna']}(?![\w.-])", everything)
    own = case["sides"][eve["side"]]["points"]
    for issue, levels in secret["points"].items():
        for level, points in levels.items():
            if own[issue][level] != points:
                assert f"{level} ({points} points)" not in everything
    assert "Traceback" not in everything


def test_a_reload_gets_the_seat_back_and_a_forged_seat_header_is_replaced(server):
    base, _, _, data = server
    room = Room(ResultsStore(folder=data))
    mine, theirs = {}, {}
    pages = [open_page(base, mine), open_page(base, theirs)]

    async def go():
        me = await connect(base, *pages[0], mine)
        await join(me, "Ada")
        other = await connect(base, *pages[1], theirs)
        await join(other, "Grace")
        current = room.current_round()
        if current and current["running"]:
            room.end_round(current["id"])
        ada, grace = (room.person(browser_key(jar[SEAT_COOKIE]))["id"] for jar in (mine, theirs))
        room.start_round(case_data("food-truck"), 10, arranged=[(ada, grace)], rng=random.Random(1))
        await me.until(lambda text: "Your price (0–100)" in text, "Ada's seat")
        await me.set(
            me.model(_model_name="TextModel", description="Your price (0–100)"), value="61"
        )
        await me.click(by_description(me, "send offer"))
        await me.until(lambda text: "You offer 61" in text, "Ada's offer")
        me.connection.close()
        # the same browser comes back, with Grace's seat cookie in a forged header
        again = await connect(
            base, *open_page(base, mine, headers={SEAT_HEADER: theirs[SEAT_COOKIE]}), mine
        )
        await again.until(lambda text: "You offer 61" in text, "Ada's history after the reload")
        text = again.text()
        again.connection.close()
        other.connection.close()
        return text

    text = in_a_loop_of_its_own(go())
    assert "You negotiate with <b>Grace</b>" in text and "lobby as <b>Grace" not in text


def test_both_pairs_apps_are_listed_and_render_without_source(server):
    base, _, lines, _ = server
    assert "Participants open: http://127.0.0.1:" in "\n".join(lines)
    assert "voila/render/pairs.ipynb" in "\n".join(lines) and "The room (you):" in "\n".join(lines)
    landing = get(base)[1]
    for app, view in (
        ("pairs.ipynb", "PairsTable(children="),
        ("pairs_room.ipynb", "PairsRoom(children="),
    ):
        assert f'href="voila/render/{app}"' in landing
        status, page = get(f"{base}voila/render/{app}")
        assert status == 200 and view in page
        assert (
            "from course" not in page and "workshop_pairs" not in page and "Traceback" not in page
        )
