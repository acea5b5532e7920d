"""``leverage workshop``: Voila on the course's apps, hardened for a room of participants.

What hardening means here (DESIGN.md, issue 9), and where each piece is set:

- sources stripped, tracebacks hidden from visitors (Voila logs them, and the apps log
  theirs to ``errors.log`` in the data folder), template and theme overrides from the
  URL off, an empty file allowlist, no user or folder config files read: ``hardened_config``;
- a preheated kernel pool sized for the room, not per app: the arena's pool holds a kernel
  for every participant, and once kernels are taken it refills only up to the room's
  budget (``RoomPools``), so the server never runs much more than one kernel a person;
- idle kernels culled (``MappingKernelManager.cull_*``), and a closed tab releases its
  kernel: Voila 0.5.13's ``beforeunload`` beacon posts ``_xsrf`` from a cookie that
  Voila's pages never set, so the shutdown is refused; ``BeaconShutdownHandler`` accepts
  a same-origin beacon instead (a cross-site post is still refused);
- beyond loopback, participants need the join code (Voila's token) and the debrief asks
  for a separate facilitator code, printed here and never put in a URL;
- Ctrl-C (or SIGTERM) shuts every kernel down before the process exits.

The pairs workshop (``--activity pairs``) needs two more things. A participant's seat is
found from a cookie: ``SeatedRender`` gives each browser a random seat cookie and hands
it to the page's kernel in a request header that Voila passes on (``SEAT_HEADER``; any
such header a visitor sends is replaced); the kernel keeps only its hash. And a referee
thread (``Referee``) keeps every round's clock and plays bot seats, whichever pages are
open.

Past what one process serves, ``--processes N`` runs N Voila processes on loopback ports,
each with kernel pools for its share of the room, behind one address: a sticky reverse
proxy (``proxy``) in this process. They all write to the same store.
"""

import ipaddress
import math
import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import threading
import time
from contextlib import suppress
from functools import partial
from html import escape
from importlib.resources import files
from pathlib import Path
from urllib.parse import urlparse

from course.workshop import settings

#: The apps, in the order the landing page and the launcher list them.
APPS = {
    "arena.ipynb": "Negotiation arena (participants)",
    "batna.ipynb": "BATNA builder (participants)",
    "audit.ipynb": "Leverage audit (participants)",
    "debrief.ipynb": "Debrief (facilitator)",
    "pairs.ipynb": "Negotiate with a partner (participants)",
    "pairs_room.ipynb": "Pairs: the room and its debrief (facilitator)",
}
ARENA, DEBRIEF = "arena.ipynb", "debrief.ipynb"

#: What each app asks of the person who opens it, in a line for people who write no code:
#: the landing page shows it under the app's link, and the app's page under its title
#: (``course.widgets.page``). An app without a line here is listed without one.
TASKS = {
    "arena.ipynb": "Type your name and join: you get a role and a private brief, then "
    "negotiate a price with a computer counterpart, one offer at a time.",
    "batna.ipynb": "List what you could do if this deal fails and how likely each outcome "
    "is: see your best alternative and the price below which you should walk away.",
    "audit.ipynb": "Rate who holds the information, the alternatives and the power, then "
    "read each piece of news and say which rating it moves.",
    "debrief.ipynb": "For the facilitator: the room's results as they come in, to discuss "
    "together once people have negotiated.",
    "pairs.ipynb": "Type your name: you are paired with another participant, get your own "
    "private brief, and negotiate with them before the clock runs out.",
    "pairs_room.ipynb": "For the facilitator: pair the room, run the clock, then debrief "
    "every pair's result together.",
}
PAIRS, PAIRS_ROOM = "pairs.ipynb", "pairs_room.ipynb"

#: What the room does: the app every participant opens first gets a kernel each.
ACTIVITIES = {"arena": ARENA, "pairs": PAIRS}
#: The app the facilitator opens for each activity, and how the launcher names it.
FACILITATOR_APPS = {"arena": DEBRIEF, "pairs": PAIRS_ROOM}
FACILITATOR_LABELS = {"arena": "Debrief (you):     ", "pairs": "The room (you):    "}

#: The pairs page's seat cookie, and the request header that carries it to the kernel.
SEAT_COOKIE = "leverage-seat"
SEAT_HEADER = "X-Leverage-Seat"
_SEAT = re.compile(r"^[A-Za-z0-9_-]{32}$")
#: Seconds between two looks of the referee at the running rounds.
REFEREE_EVERY = 0.3

#: What one of several Voila processes prints once its doors are open.
READY = "voila process ready"
#: Voila processes one workshop may run: each costs a server's memory and a warm-up.
MAX_PROCESSES = 16

#: How often, at most, the culler looks for idle kernels (``--cull-idle`` says how idle).
#: A kernel with its page open is never culled (``cull_connected`` off); one whose tab
#: closed without the beacon (Chromium skips ``beforeunload`` on a page never clicked)
#: goes after ``--cull-idle`` seconds.
CULL_INTERVAL = 30


def apps_folder():
    """The folder of the apps' notebooks (package data of ``course``)."""
    return Path(str(files("course") / "apps"))


def is_loopback(ip):
    """Whether ``ip`` only listens on this machine."""
    if ip == "localhost":
        return True
    try:
        return ipaddress.ip_address(ip).is_loopback
    except ValueError:
        return False


def pool_sizes(participants, activity="arena"):
    """Preheated kernels per app at the start: the activity's app (the arena, or the pairs
    page) one per participant, the BATNA builder and the leverage audit a couple each
    (and the arena too while the room does pairs), the facilitator's pages and the pairs
    page while the room plays the arena none (they can wait a few seconds)."""
    if isinstance(participants, bool) or not isinstance(participants, int) or participants < 1:
        raise ValueError(
            f"--participants must be a whole number of at least 1, got {participants!r}"
        )
    if activity not in ACTIVITIES:
        raise ValueError(f"--activity must be one of {', '.join(ACTIVITIES)}, got {activity!r}")
    few = min(2, participants)
    sizes = {ARENA: few, "batna.ipynb": few, "audit.ipynb": few, DEBRIEF: 0, PAIRS: 0}
    return {**sizes, PAIRS_ROOM: 0, ACTIVITIES[activity]: participants}


def hardened_config(participants, port=8866, ip="127.0.0.1", token="", activity="arena"):
    """The traitlets config of the workshop's Voila server."""
    from traitlets.config import Config

    config = Config()
    voila = config.VoilaConfiguration
    voila.strip_sources = True
    voila.show_tracebacks = False
    voila.allow_template_override = "NO"
    voila.allow_theme_override = "NO"
    voila.file_allowlist = []
    voila.preheat_kernel = True
    voila.default_pool_size = 0
    voila.http_header_envs = [SEAT_HEADER]  # set by SeatedRender only, never the visitor
    config.VoilaKernelManager.kernel_pools_config = {
        "default": {"pool_size": 0},
        **{name: {"pool_size": size} for name, size in pool_sizes(participants, activity).items()},
    }
    config.VoilaKernelManager.fill_delay = 0.2
    # A page waits for its app's output this long. nbclient's default, 4 s, is too short
    # when a room of 30 warms its kernels at once on a busy machine: the page came back
    # without its app for 29 of 30 participants (tests/benchmarks/bench_pairs.py).
    config.VoilaExecutor.iopub_timeout = 120
    kernels = config.MappingKernelManager
    idle = settings.cull_idle()
    kernels.cull_idle_timeout = idle
    kernels.cull_interval = max(1, min(CULL_INTERVAL, idle // 4))
    kernels.cull_connected = False
    kernels.cull_busy = False
    # Kernels talk to Voila over Unix sockets named after their connection file, not TCP
    # ports: Voila processes picking free ports at the same moment collide (a kernel then
    # cannot bind, or binds a port another process's kernel was given), and no other
    # user of the machine can reach a kernel's sockets.
    config.KernelManager.transport = "ipc"
    config.Voila.ip = ip
    config.Voila.port = port
    config.Voila.port_retries = 0
    config.Voila.open_browser = False
    config.Voila.token = token
    config.Voila.root_dir = str(apps_folder())
    config.Voila.config_file_paths = []  # nothing from ~/.jupyter or the current folder
    return config


def split_title(title):
    """An ``APPS`` title as ``(name, who opens it)``: "Debrief (facilitator)" gives
    ``("Debrief", "facilitator")``; a title without brackets is for participants."""
    name, bracket, who = title.rpartition(" (")
    if not bracket or not who.endswith(")"):
        return title, "participants"
    return name, who[:-1]


#: The landing page's look: big links a finger can hit, readable on a phone and a projector.
LANDING_STYLE = """
body { font-family: system-ui, sans-serif; font-size: 18px; line-height: 1.5; color: #1a1a1a;
  background: #fff; margin: 0; }
main { max-width: 42em; margin: 0 auto; padding: 1.5em 1em 3em; }
h1 { font-size: 2em; margin: 0 0 .3em; }
h2 { font-size: 1.25em; margin: 1.6em 0 .5em; }
ul { list-style: none; padding: 0; margin: 0; }
li { margin: 0 0 .75em; }
a { display: block; min-height: 44px; padding: .75em 1em; border: 2px solid #1f5f99;
  border-radius: 8px; color: #1a1a1a; text-decoration: none; }
a:hover, a:focus { background: #e8f1fa; outline: 3px solid #1f5f99; outline-offset: 2px; }
a strong { display: block; font-size: 1.2em; color: #1f5f99; }
.task { display: block; margin-top: .2em; }
"""


def landing_page(apps=APPS, tasks=TASKS):
    """The page at ``/``: a workshop's front door. What the session is, then a big link per
    app with the line that says what to do there, participants' apps first, the
    facilitator's after; ``apps`` as ``APPS``, ``tasks`` as ``TASKS``."""
    groups = {}
    for name, title in apps.items():
        shown, who = split_title(title)
        task = tasks.get(name, "")
        groups.setdefault(who, []).append(
            f'<li><a href="voila/render/{escape(name)}"><strong>{escape(shown)}</strong>'
            + (f'<span class="task">{escape(task)}</span>' if task else "")
            + "</a></li>"
        )
    order = sorted(groups, key=lambda who: (who != "participants", who))
    sections = "".join(
        f"<h2>{'Participants: open one of these' if who == 'participants' else 'For the ' + escape(who)}"
        f"</h2><ul>{''.join(groups[who])}</ul>"
        for who in order
    )
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>Leverage workshop</title><style>{LANDING_STYLE}</style></head><body><main>"
        "<h1>Leverage workshop</h1>"
        "<p>A live session on negotiation leverage: you negotiate against a computer "
        "counterpart, work out your alternatives and who holds the power, and then the room "
        "looks at everyone's results together. Nothing to install and no code to write: "
        "open the app the facilitator names, on a laptop or a phone.</p>"
        f"{sections}</main></body></html>"
    )


def _room_pools(base, participants, activity="arena"):
    """A kernel manager class whose pools refill only up to the room's budget."""

    class RoomPools(base):
        def fill_if_needed(self, delay=None, notebook_name=None, **kwargs):
            configured = self.kernel_pools_config.get(notebook_name)
            if configured and configured.get("pool_size", 0) > 0 and hasattr(self, "_pools"):
                pooled = sum(len(pool) for pool in self._pools.values())
                in_use = max(0, len(self.list_kernel_ids()) - pooled)
                wanted = max(1, min(self._room_sizes[notebook_name], participants - in_use))
                self.kernel_pools_config = {
                    **self.kernel_pools_config,
                    notebook_name: {**configured, "pool_size": wanted},
                }
            return super().fill_if_needed(delay=delay, notebook_name=notebook_name, **kwargs)

        async def shutdown_kernel(self, kernel_id, *args, **kwargs):
            """Release a kernel (closed tab, culled, or server stopping), then top the
            pools up again so the room's next arrivals still find a warm kernel."""
            await super().shutdown_kernel(kernel_id, *args, **kwargs)
            if not getattr(self, "_stopping", False):
                for name in list(self._pools):
                    self.fill_if_needed(notebook_name=name)

        async def shutdown_all(self, *args, **kwargs):
            self._stopping = True
            return await super().shutdown_all(*args, **kwargs)

    RoomPools._room_sizes = pool_sizes(participants, activity)
    return RoomPools


class Referee:
    """A thread that looks at the pairs' running rounds every ``REFEREE_EVERY`` seconds:
    ends rounds whose time is up and lets bots answer in bot seats. Stops with ``stop``."""

    def __init__(self, url):
        self.url, self._stopping = url, threading.Event()
        self._thread = threading.Thread(target=self._run, name="pairs referee", daemon=True)

    def start(self):
        self._thread.start()
        return self

    def _run(self):
        import logging

        from course.store import ResultsStore
        from course.workshop.pairs import Room

        store = ResultsStore(self.url)
        room = Room(store)
        while not self._stopping.wait(REFEREE_EVERY):
            try:
                room.referee()
            except Exception:
                logging.getLogger(__name__).exception("the pairs referee failed; trying again")
        store.close()

    def stop(self):
        self._stopping.set()
        self._thread.join(timeout=10)


def workshop_app(config, participants, activity="arena"):
    """The Voila application (not started) with the workshop's handlers and kernel pools."""
    from jupyter_core.utils import ensure_async
    from tornado import web
    from voila import app as voila_app
    from voila.shutdown_kernel_handler import VoilaShutdownKernelHandler
    from voila.tornado.handler import TornadoVoilaHandler
    from voila.tornado.treehandler import TornadoVoilaTreeHandler

    class LandingHandler(TornadoVoilaTreeHandler):
        """The landing page instead of Voila's file browser: the apps, nothing else."""

        @web.authenticated
        def get(self, path=""):
            if path.strip("/"):
                raise web.HTTPError(404)
            self.set_header("Content-Type", "text/html; charset=utf-8")
            self.finish(landing_page())

    class BeaconShutdownHandler(VoilaShutdownKernelHandler):
        """Voila's tab-closed beacon, accepted from the same origin without ``_xsrf``."""

        def check_xsrf_cookie(self):
            origin = self.request.headers.get("Origin") or self.request.headers.get("Referer")
            if origin and urlparse(origin).netloc == self.request.host:
                return None
            return super().check_xsrf_cookie()

    class SeatedRender(TornadoVoilaHandler):
        """An app's page, with the browser's seat cookie (a new one for a new browser) in
        ``SEAT_HEADER``, which Voila hands to the page's kernel; whatever the visitor put
        in that header is replaced."""

        async def get(self, path=None):
            seat = self.get_cookie(SEAT_COOKIE) or ""
            if not _SEAT.match(seat):
                seat = secrets.token_urlsafe(24)
                self.set_cookie(SEAT_COOKIE, seat, httponly=True, samesite="Lax", expires_days=2)
            self.request.headers[SEAT_HEADER] = seat
            return await super().get(path)

    class WorkshopVoila(voila_app.Voila):
        def init_settings(self):
            factory = voila_app.voila_kernel_manager_factory

            def room_factory(*args, **kwargs):
                return _room_pools(factory(*args, **kwargs), participants, activity)

            voila_app.voila_kernel_manager_factory = room_factory
            try:
                return super().init_settings()
            finally:
                voila_app.voila_kernel_manager_factory = factory

        def init_handlers(self):
            replace = {
                VoilaShutdownKernelHandler: BeaconShutdownHandler,
                TornadoVoilaTreeHandler: LandingHandler,
                TornadoVoilaHandler: SeatedRender,
            }
            return [
                (rule[0], replace.get(rule[1], rule[1]), *rule[2:])
                for rule in super().init_handlers()
            ]

        async def warm_up(self, announce):
            """Doors open only when ready: wait for the pools, then render one page (Voila's
            first render compiles templates and loads exporters, ~3 s that 30 visitors
            arriving at once would otherwise all wait for), release its kernel so the
            pool refills, and print the URLs."""
            import asyncio
            import re

            from tornado.httpclient import AsyncHTTPClient

            manager = self.kernel_manager
            for _ in range(2400):  # up to 20 minutes on a slow machine
                pools = manager._pools
                if (
                    pools
                    and all(all(task.done() for task in pool) for pool in pools.values())
                    and sum(len(p) for p in pools.values())
                    >= sum(pool_sizes(participants, activity).values())
                ):
                    break
                await asyncio.sleep(0.5)
            host = "127.0.0.1" if self.ip in ("", "0.0.0.0", "::") else self.ip
            host = f"[{host}]" if ":" in host else host
            token = f"?token={self.token}" if self.token else ""
            try:
                page = await AsyncHTTPClient().fetch(
                    f"http://{host}:{self.port}/voila/render/{ARENA}{token}", request_timeout=120
                )
                kernel = re.search(rb'"kernelId": "([0-9a-f-]{36})"', page.body)
                if kernel:
                    await manager.shutdown_kernel(kernel.group(1).decode())
            except Exception:
                self.log.exception("the warm-up page failed; the first visitors may wait")
            announce()

        def stop(self):
            """Shut every kernel down (pooled or in use), then end any kernel process still
            running (one a pool was starting as the shutdown began, or one too starved to
            answer in time), then clean up."""
            try:
                self.ioloop.run_sync(
                    lambda: ensure_async(self.kernel_manager.shutdown_all()), timeout=60
                )
            except Exception:
                self.log.exception("could not shut every kernel down")
            _end_kernel_processes()
            super().stop()

    app = WorkshopVoila(config=config)
    app.initialize([])
    return app


def _host_for_urls(ip):
    if ip in ("0.0.0.0", "::", ""):
        try:
            with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
                probe.connect(("192.0.2.1", 9))  # no packet is sent: picks the LAN address
                return probe.getsockname()[0]
        except OSError:
            return socket.gethostname()
    return f"[{ip}]" if ":" in ip else ip


def run(
    port=8866,
    participants=30,
    store=None,
    bot="mixed",
    ip="127.0.0.1",
    data="workshop-data",
    codes=None,
    processes=1,
    cull_idle=settings.DEFAULT_CULL_IDLE,
    activity="arena",
):
    """Start the workshop server and serve until Ctrl-C; returns when everything stopped.
    ``codes`` requires the join and facilitator codes (default: only beyond loopback);
    ``processes`` Voila processes share the room behind one address; ``activity`` is what
    the participants open (``arena`` or ``pairs``), which gets a warm kernel each."""
    from course.store import ResultsStore

    settings.bot_style(bot)
    settings.cull_idle(cull_idle)
    pool_sizes(participants, activity)
    if not isinstance(port, int) or not 0 < port < 65536:
        raise ValueError(f"--port must be a port number from 1 to 65535, got {port!r}")
    if isinstance(processes, bool) or not isinstance(processes, int):
        raise ValueError(f"--processes must be a whole number, got {processes!r}")
    if not 1 <= processes <= min(MAX_PROCESSES, participants):
        raise ValueError(
            f"--processes must be from 1 to {MAX_PROCESSES} and at most --participants "
            f"({participants}), got {processes}"
        )
    data = Path(data).expanduser().resolve()
    results = ResultsStore(store, folder=data)  # creates the table; a bad URL fails here
    url = results.url
    results.close()
    on_network = not is_loopback(ip) if codes is None else codes
    join_code = secrets.token_urlsafe(6) if on_network else ""
    facilitator_code = secrets.token_urlsafe(9) if on_network else ""
    os.environ.update(
        {
            settings.STORE: url,
            settings.BOT: bot,
            settings.FACILITATOR_CODE: facilitator_code,
            settings.ERROR_LOG: str(data / "errors.log"),
            settings.CULL_IDLE: str(cull_idle),
        }
    )
    base = f"http://{_host_for_urls(ip)}:{port}/"
    query = f"?token={join_code}" if join_code else ""
    spread = f" in {processes} Voila processes" if processes > 1 else ""
    app, facilitator = ACTIVITIES[activity], FACILITATOR_APPS[activity]
    lines = [
        f"Workshop for {participants} participants{spread}; bots: {bot}; results: {_safe_url(url)}",
        f"Warming {participants} {activity} kernels: the addresses follow when the doors open.",
        f"Participants open: {base}voila/render/{app}{query}",
        f"All apps:          {base}{query}",
        f"{FACILITATOR_LABELS[activity]}{base}voila/render/{facilitator}{query}",
    ]
    if on_network:
        lines += [
            f"Join code (participants): {join_code}",
            f"Facilitator code (debrief only, keep it off the screen): {facilitator_code}",
        ]
    lines += [f"Errors are logged in {data / 'errors.log'}", "Stop with Ctrl-C."]
    print(lines.pop(1), flush=True)
    lines[0] = f"Doors open. {lines[0]}"

    def announce():
        print("\n".join(lines), flush=True)

    referee = Referee(url).start()
    try:
        if processes == 1:
            _serve(port, participants, ip, join_code, announce, activity)
        else:
            _serve_behind_proxy(port, participants, ip, join_code, processes, announce, activity)
    finally:
        referee.stop()
    print("Workshop stopped; every kernel is shut down.", flush=True)


def _serve(port, participants, ip, join_code, announce, activity="arena"):
    """One Voila process: warm it up, call ``announce`` when its doors open, serve until
    Ctrl-C or SIGTERM, then shut every kernel down."""
    from tornado.ioloop import IOLoop

    # a preheated kernel asks this address for its visitor's request (voila.utils)
    os.environ["VOILA_APP_IP"] = (
        "127.0.0.1" if ip in ("", "0.0.0.0", "::") else f"[{ip}]" if ":" in ip else ip
    )
    config = hardened_config(participants, port, ip, join_code, activity)
    app = workshop_app(config, participants, activity)
    loop = IOLoop.current()
    # Ctrl-C stops the loop between callbacks. Left to Python, it raises KeyboardInterrupt
    # wherever the loop happens to be, inside a kernel's start-up say, and the shutdown
    # that follows trips over the interrupted task and leaves with status 130.
    signal.signal(signal.SIGINT, lambda *_: loop.add_callback_from_signal(loop.stop))
    loop.add_callback(app.warm_up, announce)
    app.start()


def _serve_behind_proxy(port, participants, ip, join_code, processes, announce, activity):
    """``processes`` Voila processes on loopback ports, each warmed for its share of the
    room, behind the sticky proxy on ``ip:port``; Ctrl-C or SIGTERM stops them all."""
    from tornado.httpserver import HTTPServer
    from tornado.ioloop import IOLoop

    from course.workshop.proxy import proxy_app

    ports = [_free_loopback_port() for _ in range(processes)]
    proxy = HTTPServer(proxy_app([f"127.0.0.1:{p}" for p in ports]))
    proxy.listen(port, ip)  # the room's address is taken first: a busy port fails at once
    share = math.ceil(participants / processes)
    children = []
    loop = IOLoop.current()
    signal.signal(signal.SIGTERM, lambda *_: loop.add_callback_from_signal(loop.stop))
    try:
        for child_port in ports:
            child = subprocess.Popen(
                [
                    sys.executable,
                    "-m",
                    "course.workshop.server",
                    str(child_port),
                    str(share),
                    activity,
                ],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                text=True,
                start_new_session=True,  # Ctrl-C reaches this process, which stops them
            )
            child.stdin.write(join_code + "\n")  # not on the command line, where ps shows it
            child.stdin.close()
            children.append(child)
        for child in children:
            while (line := child.stdout.readline()) and line.strip() != READY:
                pass
            if not line:
                raise RuntimeError(f"a Voila process exited ({child.wait()}) before it was ready")
        announce()
        loop.start()
    except KeyboardInterrupt:
        pass
    finally:
        proxy.stop()
        _stop_all(children)


def _stop_all(children):
    """Stop every Voila process with SIGTERM (Voila then shuts its kernels down; SIGINT
    may be ignored by a process started in the background); kill what outlives a minute,
    kernels included. The minute is one deadline for all of them: waited in turn, a
    starved machine's Ctrl-C took a minute per process."""
    import psutil

    for child in children:
        if child.poll() is None:
            child.terminate()
    deadline = time.monotonic() + 60
    for child in children:
        try:
            child.wait(timeout=max(deadline - time.monotonic(), 0.1))
        except subprocess.TimeoutExpired:
            stragglers = psutil.Process(child.pid).children(recursive=True)
            for process in [psutil.Process(child.pid), *stragglers]:
                process.kill()
            child.wait(timeout=10)


def _end_kernel_processes():
    """Terminate this process's remaining children (a Voila process's only children are its
    kernels), and kill those still running five seconds later."""
    import psutil

    left = psutil.Process().children(recursive=True)
    for process in left:
        with suppress(psutil.NoSuchProcess):
            process.terminate()
    for process in psutil.wait_procs(left, timeout=5)[1]:
        with suppress(psutil.NoSuchProcess):
            process.kill()


def _free_loopback_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _voila_process():
    """One of several Voila processes behind the proxy: its port, share of the room and
    activity on the command line, the join code on stdin; prints ``READY`` when its doors
    open."""
    port, participants, activity = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    join_code = sys.stdin.readline().strip()
    _serve(port, participants, "127.0.0.1", join_code, partial(print, READY, flush=True), activity)


def _safe_url(url):
    """A store URL without its password, for printing."""
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


if __name__ == "__main__":
    _voila_process()
