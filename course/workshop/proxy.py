"""One address in front of several Voila processes: a small reverse proxy with sticky
sessions, for ``leverage workshop --processes N``.

A visitor's first request picks a process in turn and gets a cookie naming it; every
later request with that cookie, websockets included, goes to the same process, where the
visitor's kernel lives. A request that names a kernel (its websocket, Voila's tab-closed
beacon, the kernels API) goes to the process that rendered the page with that kernel,
cookie or not, so a client that drops cookies still reaches its kernel.

Headers pass through unchanged, ``Host`` and ``Origin`` included, so each Voila process
still refuses cross-site requests and checks join codes itself: the proxy adds no trust.
"""

import itertools
import re

from tornado import httpclient, httputil, web, websocket
from tornado.ioloop import IOLoop

COOKIE = "leverage-voila"
_KERNEL_IN_PATH = re.compile(r"/(?:api/kernels|voila/api/shutdown)/([0-9a-f-]{36})")
_KERNEL_IN_PAGE = re.compile(rb'"kernelId": "([0-9a-f-]{36})"')
#: Headers that describe one connection, not the message: never forwarded either way.
_HOP_BY_HOP = {
    "connection",
    "keep-alive",
    "proxy-authenticate",
    "proxy-authorization",
    "te",
    "trailer",
    "transfer-encoding",
    "upgrade",
    "content-length",
    "accept-encoding",
    "content-encoding",
}


class Backends:
    """The Voila processes (``host:port`` each), who goes where, and where kernels live."""

    def __init__(self, addresses):
        if not addresses:
            raise ValueError("the proxy needs at least one Voila process")
        self.addresses = list(addresses)
        self._turn = itertools.cycle(range(len(self.addresses)))
        self.kernels = {}

    def pick(self, cookie, path):
        """(index, is_new) of the process for a request: the kernel's, the cookie's, or the
        next one in turn for a newcomer (or a cookie that names no process)."""
        kernel = _KERNEL_IN_PATH.search(path)
        if kernel and kernel.group(1) in self.kernels:
            return self.kernels[kernel.group(1)], False
        if cookie is not None and cookie.isdigit() and int(cookie) < len(self.addresses):
            return int(cookie), False
        return next(self._turn), True

    def remember(self, index, page):
        """Note the kernels a rendered page holds as living in process ``index``."""
        for kernel in _KERNEL_IN_PAGE.findall(page):
            self.kernels[kernel.decode()] = index


def _forwarded(headers, also_drop=()):
    """The end-to-end headers of ``headers`` (repeated ones kept), less ``also_drop``."""
    kept = httputil.HTTPHeaders()
    for name, value in headers.get_all():
        lowered = name.lower()
        if lowered not in _HOP_BY_HOP and not lowered.startswith(also_drop):
            kept.add(name, value)
    return kept


class _Sticky:
    """What both handlers share: choosing the process and setting the cookie."""

    def choose(self):
        backends = self.settings["backends"]
        self.index, new = backends.pick(self.get_cookie(COOKIE), self.request.path)
        if new:
            self.set_cookie(COOKIE, str(self.index), httponly=True, samesite="Lax")
        return backends.addresses[self.index]


class HttpProxy(_Sticky, web.RequestHandler):
    """Every plain HTTP request, forwarded whole to the visitor's Voila process."""

    SUPPORTED_METHODS = ("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS")

    def check_xsrf_cookie(self):
        """The Voila process behind checks it (the proxy only carries requests)."""

    async def _forward(self, *_):
        address = self.choose()
        method = self.request.method
        request = httpclient.HTTPRequest(
            f"http://{address}{self.request.uri}",
            method=method,
            headers=_forwarded(self.request.headers),
            body=self.request.body if method in ("POST", "PUT", "PATCH") else None,
            follow_redirects=False,
            allow_nonstandard_methods=True,
            request_timeout=600,
            decompress_response=True,
        )
        try:
            answer = await httpclient.AsyncHTTPClient().fetch(request, raise_error=False)
        except OSError as error:
            raise web.HTTPError(502, f"Voila process {address} did not answer: {error}") from None
        if answer.code == 599:  # no HTTP answer at all: refused, reset or timed out
            raise web.HTTPError(502, f"Voila process {address} did not answer: {answer.error}")
        if self.request.path.startswith("/voila/render/") and answer.body:
            self.settings["backends"].remember(self.index, answer.body)
        self.set_status(answer.code, answer.reason)
        for name in ("Content-Type", "Date", "Server"):  # the Voila process's, not ours
            self.clear_header(name)
        for name, value in _forwarded(answer.headers).get_all():
            self.add_header(name, value)
        if answer.body and self.request.method != "HEAD" and answer.code not in (204, 304):
            self.write(answer.body)
        await self.finish()

    get = head = post = put = patch = delete = options = _forward


class WebSocketProxy(_Sticky, websocket.WebSocketHandler):
    """A kernel's (or Jupyter's events) websocket, joined to the same socket on the
    visitor's Voila process, message for message, text and binary alike."""

    async def prepare(self):
        address = self.choose()
        request = httpclient.HTTPRequest(
            f"ws://{address}{self.request.uri}",
            headers=_forwarded(self.request.headers, also_drop=("sec-websocket",)),
            request_timeout=60,
        )
        wanted = self.request.headers.get("Sec-WebSocket-Protocol", "")
        try:
            self.upstream = await websocket.websocket_connect(
                request, subprotocols=[p.strip() for p in wanted.split(",") if p.strip()] or None
            )
        except httpclient.HTTPClientError as error:
            raise web.HTTPError(error.code, "the Voila process refused the websocket") from None
        except OSError as error:
            raise web.HTTPError(502, f"Voila process {address} did not answer: {error}") from None

    def check_origin(self, origin):
        """The Voila process behind checks the origin (``Origin`` and ``Host`` pass through)."""
        return True

    def select_subprotocol(self, subprotocols):
        return self.upstream.selected_subprotocol

    def open(self, *_):
        IOLoop.current().add_callback(self._from_upstream)

    async def _from_upstream(self):
        while True:
            message = await self.upstream.read_message()
            if message is None:  # the kernel's side closed
                self.close()
                return
            try:
                await self.write_message(message, binary=isinstance(message, bytes))
            except websocket.WebSocketClosedError:
                self.upstream.close()
                return

    async def on_message(self, message):
        await self.upstream.write_message(message, binary=isinstance(message, bytes))

    def on_close(self):
        upstream = getattr(self, "upstream", None)
        if upstream is not None:
            upstream.close()


#: Requests that open a websocket on a Voila (jupyter_server) process.
WEBSOCKET_PATHS = r"(/api/kernels/[0-9a-f-]{36}/channels|/api/events/subscribe)"


def proxy_app(addresses):
    """The proxy as a tornado application over the Voila processes at ``addresses``."""
    # tornado's client keeps 10 requests in flight by default: a room arriving at once
    # would queue behind it, so allow one per participant of a large room
    httpclient.AsyncHTTPClient.configure(None, max_clients=500)
    return web.Application(
        [(WEBSOCKET_PATHS, WebSocketProxy), (r"/.*", HttpProxy)],
        backends=Backends(addresses),
        websocket_max_message_size=100 * 2**20,
    )
