"""`leverage workshop --processes 2`: two Voila processes behind one address. Visitors are
spread over them and stay with theirs (a cookie), websockets go through the proxy to the
kernel's own process, everyone's results land in the one store, join codes hold in every
process, and Ctrl-C stops every process and kernel."""

import json
import re
import subprocess
import sys
import urllib.request
from pathlib import Path

import psutil
import pytest

from course.store import ResultsStore
from course.workshop.server import pool_sizes
from tests.test_workshop_websocket import Visitor, in_a_loop_of_its_own
from tests.workshop_server import get, kernels, workshop

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("workshop")]

COOKIE = "leverage-voila"


def voila_processes(server):
    return [
        child
        for child in psutil.Process(server.pid).children()
        if "course.workshop.server" in " ".join(child.cmdline())
    ]


def process_of(server, kernel):
    """The Voila process (its pid) whose kernel ``kernel`` is."""
    (found,) = [k for k in kernels(server) if f"kernel-{kernel}" in " ".join(k.cmdline())]
    return found.parent().pid


def open_arena(base, cookie=None):
    """(kernel id, root widget id, the cookie the proxy set) of a freshly opened arena."""
    headers = {"Cookie": f"{COOKIE}={cookie}"} if cookie is not None else {}
    request = urllib.request.Request(f"{base}voila/render/arena.ipynb", headers=headers)
    with urllib.request.urlopen(request, timeout=120) as answer:
        page = answer.read().decode()
        for single in ("Content-Type", "Date", "Server"):  # the proxy adds none of its own
            assert len(answer.headers.get_all(single)) == 1, answer.headers
        given = re.search(rf"{COOKIE}=(\d+)", " ".join(answer.headers.get_all("Set-Cookie") or []))
    kernel = re.search(r'"kernelId": "([0-9a-f-]{36})"', page).group(1)
    root = re.search(r'"model_id": "([0-9a-f]{32})"', page).group(1)
    return kernel, root, given.group(1) if given else None


async def play_and_walk_away(base, kernel, root, name, cookie):
    """Join the arena as ``name`` over the kernel's websocket (through the proxy, with the
    visitor's cookie, as a browser sends it) and walk away at once."""
    from tornado.httpclient import HTTPRequest
    from tornado.websocket import websocket_connect

    url = f"{base.replace('http', 'ws')}api/kernels/{kernel}/channels?session_id={name}"
    connection = await websocket_connect(HTTPRequest(url, headers={"Cookie": f"{COOKIE}={cookie}"}))
    visitor = Visitor(connection)
    models = await visitor.dump(root)
    field = visitor.find(models, _model_name="AnyModel", description="your name")
    join = visitor.find(models, _model_name="ButtonModel", description="join")
    walk = visitor.find(models, _model_name="ButtonModel", description="walk away")
    await visitor.send(field, {"method": "update", "state": {"value": name}, "buffer_paths": []})
    await visitor.send(join, {"method": "custom", "content": {"event": "click"}})
    await visitor.drain()
    await visitor.send(walk, {"method": "custom", "content": {"event": "click"}})
    await visitor.drain()
    connection.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    data = tmp_path_factory.mktemp("two-processes")
    with workshop(data, participants=2, extra=["--processes", "2"]) as (base, process, lines):
        yield base, process, lines, data


def test_the_launcher_says_how_many_processes_serve_the_room(server):
    _, process, lines, _ = server
    assert "Workshop for 2 participants in 2 Voila processes" in "\n".join(lines)
    assert len(voila_processes(process)) == 2


def test_kernels_use_unix_sockets_so_processes_never_collide_on_ports(server):
    _, process, _, _ = server
    for kernel in kernels(process):
        connection = json.loads(
            Path(kernel.cmdline()[kernel.cmdline().index("-f") + 1]).read_text()
        )
        assert connection["transport"] == "ipc" and connection["ip"].endswith("-ipc")


def test_newcomers_are_spread_over_the_processes_and_stay_with_theirs(server):
    base, process, _, _ = server
    first, _, cookie_a = open_arena(base)
    second, _, cookie_b = open_arena(base)
    assert {cookie_a, cookie_b} == {"0", "1"}
    assert process_of(process, first) != process_of(process, second)
    again, _, cookie = open_arena(base, cookie_b)  # a returning visitor: no new cookie
    assert cookie is None and process_of(process, again) == process_of(process, second)


def test_websockets_reach_each_visitors_kernel_and_everyone_lands_in_one_store(server):
    base, process, _, data = server
    played = {}
    for name, cookie in (("Ada", "0"), ("Grace", "1")):
        kernel, root, _ = open_arena(base, cookie)
        played[name] = process_of(process, kernel)
        in_a_loop_of_its_own(play_and_walk_away(base, kernel, root, name, cookie))
    assert played["Ada"] != played["Grace"]  # one visitor in each Voila process
    records = ResultsStore(folder=data).records()
    assert {r["participant"]: r["ended_by"] for r in records} == {
        "Ada": "walk away",
        "Grace": "walk away",
    }


def test_a_request_naming_a_kernel_follows_the_kernel_not_the_cookie(server):
    base, _, _, _ = server
    kernel, _, _ = open_arena(base, "0")
    beacon = {
        "Origin": base.rstrip("/"),
        "Content-Type": "multipart/form-data; boundary=x",
        "Cookie": f"{COOKIE}=1",  # the other process's cookie
    }
    body = b'--x\r\nContent-Disposition: form-data; name="_xsrf"\r\n\r\n\r\n--x--\r\n'
    assert get(f"{base}voila/api/shutdown/{kernel}", beacon, body)[0] == 204
    assert get(f"{base}api/kernels/{kernel}", {"Cookie": f"{COOKIE}=0"})[0] == 404


def test_a_cross_site_request_is_still_refused_behind_the_proxy(server):
    base, _, _, _ = server
    kernel, _, _ = open_arena(base, "1")
    evil = {"Origin": "http://evil.example", "Content-Type": "application/x-www-form-urlencoded"}
    assert get(f"{base}voila/api/shutdown/{kernel}", evil, b"_xsrf=")[0] in (403, 404)
    assert get(f"{base}api/kernels/{kernel}", {"Cookie": f"{COOKIE}=1"})[0] == 200


def test_every_process_asks_for_the_join_code(tmp_path):
    extra = ["--processes", "2", "--codes"]
    with workshop(tmp_path, participants=2, extra=extra, warm=False) as (base, process, lines):
        join = re.search(r"Join code \(participants\): (\S+)", "\n".join(lines)).group(1)
        for cookie in ("0", "1"):
            status, _ = get(f"{base}voila/render/arena.ipynb", {"Cookie": f"{COOKIE}={cookie}"})
            assert status in (302, 403)
            status, page = get(
                f"{base}voila/render/arena.ipynb?token={join}", {"Cookie": f"{COOKIE}={cookie}"}
            )
            assert status == 200 and "WorkshopArena(children=" in page
        assert all(join not in " ".join(p.cmdline()) for p in voila_processes(process))


def test_ctrl_c_stops_every_voila_process_and_kernel(tmp_path):
    with workshop(tmp_path, participants=2, extra=["--processes", "2"]) as (_, process, _):
        voila, warm = voila_processes(process), kernels(process)
        assert len(voila) == 2 and len(warm) == 2 * sum(pool_sizes(1).values())
        children = voila + warm
        process.send_signal(2)  # SIGINT, as Ctrl-C
        assert process.wait(timeout=120) == 0
        assert "every kernel is shut down" in process.stdout.read()
        assert not [c for c in children if c.is_running() and c.status() != "zombie"]


@pytest.mark.parametrize(
    ("options", "reason"),
    [
        (["--processes", "0"], "--processes must be from 1 to 16"),
        (["--processes", "3", "--participants", "2"], "at most --participants (2)"),
    ],
)
def test_a_bad_process_count_is_refused_with_its_reason(tmp_path, options, reason):
    run = subprocess.run(
        [sys.executable, "-m", "autograder.cli", "workshop", f"--data={tmp_path}", *options],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 1 and reason in run.stderr
