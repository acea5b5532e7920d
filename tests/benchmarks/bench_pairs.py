"""Benchmark: a room of people negotiating with each other (`leverage workshop --activity
pairs`) against the bot arena (`leverage workshop`), in the same run.

For each server (started on 127.0.0.1 on a free port, stopped at the end), N participants
(30 by default; websocket clients speaking the widget protocol, as a browser's page does,
each with its own cookies) open the page, join by name and negotiate:

- pairs, with one and with two Voila processes: a round of the price case pairs the room
  (N/2 pairs); in each pair the two sides take turns sending offers, a pause of 1 to 3 s
  between turns (a busier room than a real one); the time from one partner's click on
  "send offer" to the other's page receiving the update that shows the offer ("<name>
  offers <price>") is what is measured: p50 and p90 (target p90 under 1 s);
- the arena: each participant sends offers to its bot at the same pace; the time from the
  click to the page receiving the bot's answer ("round <n> of at most 10", or the end);
- memory: PSS of the whole server (launcher, Voila processes and every kernel) once every
  page is open, and per participant (PSS shares common pages fairly between processes,
  so the sum is what the machine really spends).

The browser's own drawing is left out of both (it is the same for both apps). Printed:
each server's figures and the ratios pairs / arena.

Run: .venv/bin/python tests/benchmarks/bench_pairs.py [--participants 30] [--offers 10]
[--iopub-timeout 120]. On a busy machine the 30 kernels warming at once can lose the app's
output (nbclient waits 4 s for it): the pages come back blank and the run stops saying so;
``--iopub-timeout`` runs the servers with that wait raised, and the output says so.
"""

import argparse
import asyncio
import json
import os
import random
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from course.store import ResultsStore  # noqa: E402
from course.workshop.cases import case_data  # noqa: E402
from course.workshop.pairs import Room  # noqa: E402
from tests.browser.conftest import free_port  # noqa: E402
from tests.workshop_server import answers, kernels, wait_until  # noqa: E402

PAUSE = (1.0, 3.0)
#: Seconds after which an answer that has not arrived counts as lost (and printed).
LOST_AFTER = 120
#: Seconds between two requests for a whole page's state while waiting for it to change.
REDUMP = 15
BEGAN = time.monotonic()


def stage(what):
    """A line on stderr saying how far the run has got (a full run takes long on a busy
    machine); the figures go to stdout."""
    print(f"[{time.monotonic() - BEGAN:6.0f} s] {what}", file=sys.stderr, flush=True)


#: How often a participant reloads a page that came back without the app.
RELOADS = 3


def open_page(base, app):
    """A page opened by a new browser: ``(kernel, root widget, cookies, blank pages)``.

    A page can come back without the app: a preheated kernel whose notebook ran while the
    machine was busy (30 kernels warming at once) may have lost the cell's output (nbclient
    waits only ``iopub_timeout``, 4 s by default, for it). A person would reload, which
    gets another kernel; so does this, up to ``RELOADS`` times, counting the blank pages
    (they are printed: they are the server's fault, and their kernels still count in the
    server's memory until they are culled)."""
    blank = 0
    for _ in range(1 + RELOADS):
        cookies = {}
        with urllib.request.urlopen(f"{base}voila/render/{app}", timeout=600) as answer:
            page = answer.read().decode()
            for header in answer.headers.get_all("Set-Cookie") or []:
                name, value = header.split(";")[0].split("=", 1)
                cookies[name] = value
        kernel = re.search(r'"kernelId": "([0-9a-f-]{36})"', page)
        root = re.search(r'"model_id": "([0-9a-f]{32})"', page)
        if kernel and root:
            return kernel.group(1), root.group(1), cookies, blank
        blank += 1
    raise RuntimeError(
        f"{app} came back without the app {blank} times in a row: the preheated kernels' "
        "notebooks lost their output while warming (nbclient's iopub_timeout); the server "
        "should allow more (run with --iopub-timeout 120 to see the figures with that fix)"
    )


class Page:
    """One participant's page over its kernel's websocket: every model's latest state, and
    the moments texts first arrive."""

    reconnects = 0

    def __init__(self, base, kernel, root, cookies):
        self.base, self.kernel, self.root, self.cookies = base, kernel, root, cookies
        self.states, self.waiting, self.beats = {}, [], 0

    async def open(self):
        await self._connect()
        await self.dump()

    async def _connect(self):
        from tornado.httpclient import HTTPRequest
        from tornado.websocket import websocket_connect

        jar = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        url = f"{self.base.replace('http', 'ws')}api/kernels/{self.kernel}/channels"
        self.connection = await websocket_connect(HTTPRequest(url, headers={"Cookie": jar}))
        self.reader = asyncio.get_running_loop().create_task(self._read())

    async def _read(self):
        """Every update (and new model) the kernel sends, as the browser receives them."""
        while (raw := await self.connection.read_message()) is not None:
            if not isinstance(raw, str) or ('"comm_msg"' not in raw and '"comm_open"' not in raw):
                continue
            message = json.loads(raw)
            data = message["content"].get("data", {})
            if message["header"]["msg_type"] == "comm_msg" and data.get("method") != "update":
                continue
            if "state" not in data:
                continue
            self.states.setdefault(message["content"]["comm_id"], {}).update(data["state"])
            text = json.dumps(data["state"], ensure_ascii=False)
            now = time.perf_counter()
            for pattern, future in list(self.waiting):
                if pattern.search(text) and not future.done():
                    future.set_result(now)
                    self.waiting.remove((pattern, future))

    def lost(self, what):
        """Say on stderr that the answer to ``what`` never reached this page, with the
        texts the page shows now; returns ``what``."""
        texts = [
            re.sub(r"<[^>]+>", "", s["value"])[:160]
            for s in self.states.values()
            if isinstance(s.get("value"), str) and s.get("value") and "<style>" not in s["value"]
        ]
        stage(f"LOST after {LOST_AFTER} s: {what}; the page shows {texts}")
        return what

    def expect(self, pattern):
        """A future set to the moment an update matching ``pattern`` arrives."""
        future = asyncio.get_running_loop().create_future()
        self.waiting.append((re.compile(pattern), future))
        return future

    async def send(self, model, data):
        header = {
            "msg_id": uuid.uuid4().hex,
            "msg_type": "comm_msg",
            "username": "bench",
            "session": self.kernel,
            "version": "5.3",
            "date": "",
        }
        message = {
            "header": header,
            "parent_header": {},
            "metadata": {},
            "channel": "shell",
            "content": {"comm_id": model, "data": data},
            "buffers": [],
        }
        from tornado.websocket import WebSocketClosedError

        try:
            await self.connection.write_message(json.dumps(message))
        except WebSocketClosedError:  # the server closed it: a browser's page reconnects
            Page.reconnects += 1
            stage(f"a websocket was closed by the server; reconnecting ({Page.reconnects})")
            await self._connect()
            await self.connection.write_message(json.dumps(message))

    async def set(self, model, **state):
        await self.send(model, {"method": "update", "state": state, "buffer_paths": []})

    async def click(self, model):
        await self.send(model, {"method": "custom", "content": {"event": "click"}})

    async def dump(self):
        """Ask every model reachable from the root for its state, level by level."""
        seen, frontier = set(), {self.root}
        while frontier:
            for model in frontier:
                await self.send(model, {"method": "request_state"})
            seen |= frontier
            for _ in range(600):
                if all(self.states.get(m, {}).get("_model_name") for m in frontier):
                    break
                await asyncio.sleep(0.05)
            found = re.findall(
                r"IPY_MODEL_([0-9a-f]{32})", json.dumps([self.states.get(m) for m in frontier])
            )
            frontier = set(found) - seen

    def find(self, **match):
        """The one model whose state has every ``match``; an error if none or several (a
        message sent to no model would only show as a timeout much later)."""
        found = [m for m, s in self.states.items() if all(s.get(k) == v for k, v in match.items())]
        if len(found) != 1:
            raise LookupError(f"{len(found)} models match {match} on the page")
        return found[0]

    async def beat(self):
        """The browser's heartbeat, as the page's Play widget sends it (the arena's page
        has none)."""
        play = [m for m, s in self.states.items() if s.get("_model_name") == "PlayModel"]
        if play:
            self.beats += 1
            await self.set(play[0], value=self.beats)

    async def until(self, what, seconds=600):
        """Wait for the page to show ``what`` (a test of its states as JSON), beating as
        the browser does; the updates arrive by themselves, and the whole page is asked
        for again only every ``REDUMP`` seconds (asking 30 pages for every model twice a
        second flooded the server)."""
        end = time.monotonic() + seconds
        dumped = time.monotonic()
        while time.monotonic() < end:
            if what(json.dumps(self.states, ensure_ascii=False)):
                return
            await self.beat()
            await asyncio.sleep(0.5)
            if time.monotonic() - dumped >= REDUMP:
                await self.dump()
                dumped = time.monotonic()
        raise TimeoutError(f"{what} did not happen in {seconds} s")


async def heartbeats(pages, stop):
    while not stop.is_set():
        for page in pages:
            await page.beat()
        await asyncio.sleep(4)


async def open_pages(base, app, count):
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(8) as pool:
        opened = await asyncio.gather(
            *(loop.run_in_executor(pool, open_page, base, app) for _ in range(count))
        )
    pages = [Page(base, *o[:3]) for o in opened]
    blank = sum(o[3] for o in opened)
    await asyncio.gather(*(page.open() for page in pages))
    stage(f"{count} pages of {app} open ({blank} blank pages reloaded)")
    return pages, blank


async def pairs_room(base, count, offers, data, measure):
    pages, blank = await open_pages(base, "pairs.ipynb", count)
    names = [f"P{n:02d}" for n in range(count)]
    for page, name in zip(pages, names, strict=True):
        await page.set(page.find(description="Your name"), value=name)
    await asyncio.gather(
        *(
            p.until(lambda t, n=n: f"lobby as <b>{n}</b>" in t)
            for p, n in zip(pages, names, strict=True)
        )
    )
    room = Room(ResultsStore(folder=data))
    stage("everyone in the lobby; the round starts")
    room.start_round(case_data("food-truck"), 60, rng=random.Random(7))
    stop = asyncio.Event()
    beating = asyncio.get_running_loop().create_task(heartbeats(pages, stop))
    await asyncio.gather(*(p.until(lambda t: "Your price (0–100)" in t) for p in pages))
    for page in pages:
        await page.dump()
    by_name = dict(zip(names, pages, strict=True))
    people = {p["name"]: p["id"] for p in room.lobby()}
    seats = {name: room.seat(people[name]) for name in names}
    tables = {}
    for name, seat in seats.items():
        tables.setdefault(seat["pair_id"], {})[seat["side"]] = name
    stage("every page shows its seat; the pairs negotiate")
    times = []

    async def exchange(seller, buyer):
        for turn in range(offers):
            who, other = (seller, buyer) if turn % 2 == 0 else (buyer, seller)
            price = 90 - turn if who is seller else 10 + turn
            sender, receiver = by_name[who], by_name[other]
            box = sender.find(description="Your price (0–100)")
            await sender.set(box, value=str(price))
            seen = receiver.expect(rf"{who} offers {price}(?!\d)")
            began = time.perf_counter()
            await sender.click(sender.find(description="send offer"))
            try:
                times.append(await asyncio.wait_for(seen, LOST_AFTER) - began)
            except TimeoutError:
                lost.append(receiver.lost(f"{who}'s offer {price} to {other}"))
                return
            await asyncio.sleep(random.uniform(*PAUSE))

    lost = []
    await asyncio.gather(*(exchange(t["seller"], t["buyer"]) for t in tables.values()))
    stop.set()
    await beating
    return times, lost, blank, closed(pages, measure)


def closed(pages, measure):
    """``measure()`` while every page is still open; then the pages are closed."""
    found = measure()
    for page in pages:
        page.connection.close()
    return found


async def arena_room(base, count, offers, measure):
    pages, blank = await open_pages(base, "arena.ipynb", count)
    for n, page in enumerate(pages):
        await page.set(page.find(description="your name"), value=f"A{n:02d}")
        await page.click(page.find(description="join"))
    await asyncio.gather(*(p.until(lambda t: "Make your opening offer" in t) for p in pages))
    stage("everyone joined; each plays its bot")
    times = []

    async def play(page):
        seller = "you are the seller" in json.dumps(page.states)
        box = page.find(description="your offer")
        send = page.find(description="send offer")
        for turn in range(offers):
            price = 95 - 2 * turn if seller else 5 + 2 * turn
            await page.set(box, value=str(price))
            seen = page.expect(
                rf"round {turn + 2} of at most 10|Saved for the debrief|could not be saved"
            )
            began = time.perf_counter()
            await page.click(send)
            try:
                times.append(await asyncio.wait_for(seen, LOST_AFTER) - began)
            except TimeoutError:
                lost.append(page.lost(f"offer {price} (turn {turn + 1}) to the bot"))
                return
            shown = json.dumps(page.states, ensure_ascii=False)
            if "Saved" in shown or "This is the last turn" in shown or turn + 2 >= 10:
                return  # the talks are over, or only accept or walk away are left
            await asyncio.sleep(random.uniform(*PAUSE))

    lost = []
    await asyncio.gather(*(play(page) for page in pages))
    return times, lost, blank, closed(pages, measure)


def pss(process):
    try:
        return process.memory_full_info().pss
    except psutil.NoSuchProcess:
        return 0


def server_memory(server):
    """PSS of the server and everything it started, in bytes."""
    root = psutil.Process(server.pid)
    return pss(root) + sum(pss(child) for child in root.children(recursive=True))


#: Loaded first by the server's Python processes when ``--iopub-timeout`` is given: every
#: notebook client (Voila's preheated renders) waits that long for a cell's output.
PATCH = """import nbclient
_init = nbclient.NotebookClient.__init__
def __init__(self, *args, **kwargs):
    _init(self, *args, **kwargs)
    self.iopub_timeout = {seconds}
nbclient.NotebookClient.__init__ = __init__
"""


def run(name, activity, processes, count, offers, iopub_timeout=None):
    data = Path(tempfile.mkdtemp(prefix="bench-pairs-"))
    port = free_port()
    output = data / "server.out"
    command = [
        sys.executable,
        "-m",
        "autograder.cli",
        "workshop",
        f"--port={port}",
        f"--participants={count}",
        f"--data={data}",
        f"--activity={activity}",
        f"--processes={processes}",
    ]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    if iopub_timeout:
        site = data / "site"
        site.mkdir()
        (site / "sitecustomize.py").write_text(PATCH.format(seconds=iopub_timeout))
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(site), env.get("PYTHONPATH")]))
    server = subprocess.Popen(
        command, stdout=output.open("w"), stderr=subprocess.DEVNULL, env=env, start_new_session=True
    )
    base = f"http://127.0.0.1:{port}/"
    try:
        wait_until(lambda: "Stop with Ctrl-C" in output.read_text(), 1200, f"{name}'s doors")
        wait_until(lambda: answers(base), 60, f"{name} to answer")
        stage(f"{name}: the server is up")
        time.sleep(3)
        started = time.perf_counter()
        reconnects = Page.reconnects
        measure = lambda: (server_memory(server), len(kernels(server)))  # noqa: E731
        if activity == "pairs":
            times, lost, blank, (memory, held) = asyncio.run(
                pairs_room(base, count, offers, data, measure)
            )
        else:
            times, lost, blank, (memory, held) = asyncio.run(
                arena_room(base, count, offers, measure)
            )
        took = time.perf_counter() - started
        print(f"{name}: measured", flush=True)
        times.sort()
        return {
            "name": name,
            "samples": len(times),
            "p50": statistics.median(times),
            "p90": times[int(0.9 * (len(times) - 1))],
            "max": times[-1],
            "seconds": took,
            "kernels": held,
            "blank": blank,
            "lost": len(lost),
            "reconnects": Page.reconnects - reconnects,
            "memory GB": memory / 2**30,
            "per participant MB": memory / count / 2**20,
        }
    finally:
        children = psutil.Process(server.pid).children(recursive=True)
        server.send_signal(signal.SIGINT)
        try:
            server.wait(timeout=120)
        except subprocess.TimeoutExpired:
            server.kill()
        for child in psutil.wait_procs(children, timeout=30)[1]:
            child.kill()


def report(result):
    print(
        f"{result['name']:>24}: p50 {result['p50'] * 1000:.0f} ms, p90 {result['p90'] * 1000:.0f} ms, "
        f"max {result['max'] * 1000:.0f} ms over {result['samples']} offers; "
        f"{result['kernels']} kernels, server {result['memory GB']:.2f} GB "
        f"({result['per participant MB']:.0f} MB a participant); "
        f"p90 {'under' if result['p90'] < 1 else 'OVER'} the 1 s target"
        + (f"; {result['lost']} answers LOST (never shown)" if result["lost"] else "")
        + (
            f"; the server closed {result['reconnects']} websockets (reconnected)"
            if result["reconnects"]
            else ""
        )
        + (
            f"; {result['blank']} pages came back without the app and were reloaded"
            if result["blank"]
            else ""
        ),
        flush=True,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=30)
    parser.add_argument("--offers", type=int, default=10, help="offers each pair (or person) sends")
    parser.add_argument(
        "--iopub-timeout",
        type=int,
        help="run the servers with nbclient's iopub_timeout raised to this many seconds (a "
        "fix the server lacks: with the default 4 s, kernels warming at once on a busy "
        "machine lose the app's output and their pages come back blank)",
    )
    args = parser.parse_args()
    n = args.participants
    if n % 2:
        raise SystemExit("--participants must be even: the room pairs up with no bot")
    results = []
    for name, activity, processes in (
        ("arena (bots), 1 process", "arena", 1),
        ("pairs, 1 process", "pairs", 1),
        ("pairs, 2 processes", "pairs", 2),
    ):
        results.append(run(name, activity, processes, n, args.offers, args.iopub_timeout))
        report(results[-1])
    arena = results[0]
    print(f"\n{n} participants; time from a send to the screen that shows it (over websockets)")
    if args.iopub_timeout:
        print(f"servers patched: nbclient's iopub_timeout {args.iopub_timeout} s (default 4 s)")
    for result in results:
        report(result)
    for result in results[1:]:
        print(
            f"{result['name']} / arena: p50 {result['p50'] / arena['p50']:.1f}x, "
            f"p90 {result['p90'] / arena['p90']:.1f}x, memory {result['memory GB'] / arena['memory GB']:.2f}x"
        )


if __name__ == "__main__":
    main()
