"""The phone server: aiohttp in a thread of its own with its own event loop. Qt-free.

The GUI calls :meth:`PhoneServer.show` from its thread (the call is handed to the
server's loop) and drains :attr:`PhoneServer.events` with a timer; nothing here
touches Qt. Routes are fixed and live under the join code only; no file is ever
served. See ``docs/room.md`` for the protocol, the limits and the security rules.
"""

from __future__ import annotations

import asyncio
import contextlib
import errno
import ipaddress
import json
import logging
import os
import queue
import secrets
import threading
from collections import Counter
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from teachin.phones.address import LOOPBACK, machine_addresses, private_addresses
from teachin.phones.page import page_html
from teachin.phones.protocol import DevicesChanged, PhoneEvent, State
from teachin.phones.room import Answer, Limits, PhoneRoom

CODE_LETTERS = "ACDEFHJKLMNPRTUVWXY"
"""Join-code letters: none that looks like a digit or another letter (B 8, G 6, I 1,
O 0, Q, S 5, Z 2)."""
CODE_LENGTH = 4
START_SECONDS = 10.0
STOP_SECONDS = 5.0

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

_REQUESTS = logging.getLogger("teachin.phones.requests")
"""Where aiohttp reports malformed requests: anyone on the room's network can send
them, so they are not the program's errors and are not printed."""
_REQUESTS.addHandler(logging.NullHandler())
_REQUESTS.propagate = False


def new_code() -> str:
    return "".join(secrets.choice(CODE_LETTERS) for _ in range(CODE_LENGTH))


def host_port(host: str, port: int) -> str:
    """``host:port`` as a browser writes it in the Host header (IPv6 in brackets)."""
    try:
        literal = f"[{host}]" if ipaddress.ip_address(host).version == 6 else host
    except ValueError:
        literal = host
    return f"{literal}:{port}"


@dataclass(eq=False)
class _Stream:
    token: str
    address: str
    wake: asyncio.Event = field(default_factory=asyncio.Event)
    ended: bool = False


class PhoneServer:
    """Serves the phone page and its event stream on ``host``, while started."""

    def __init__(
        self,
        host: str,
        port: int = 0,
        *,
        code: str | None = None,
        limits: Limits | None = None,
    ) -> None:
        self.host = host
        self.port = port
        self._code = code or new_code()
        self.limits = limits or Limits()
        self.events: queue.SimpleQueue[PhoneEvent] = queue.SimpleQueue()
        self._url = ""
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._runner: web.AppRunner | None = None
        self._stopped: asyncio.Event | None = None
        self.room = PhoneRoom(self.limits)
        self._streams: set[_Stream] = set()
        self._connected = 0
        self._hosts: tuple[str, ...] = ()
        self._origins: tuple[str, ...] = ()
        self._origin = ""

    @property
    def code(self) -> str:
        return self._code

    @property
    def url(self) -> str:
        return self._url

    # -- the thread --------------------------------------------------------------------
    def start(self) -> str:
        """Starts the server's thread and loop; returns the join URL. OSError when the
        address cannot be listened on (in use, not on this machine)."""
        if self._thread is not None:
            return self._url
        ready = threading.Event()
        failure: list[BaseException] = []
        loop = asyncio.new_event_loop()

        def run() -> None:
            asyncio.set_event_loop(loop)
            try:
                loop.run_until_complete(self._open())
            except BaseException as exc:  # handed to start(), raised there
                failure.append(exc)
                ready.set()
                loop.close()
                return
            ready.set()
            try:
                loop.run_forever()
            finally:
                loop.close()

        self._loop = loop
        thread = threading.Thread(target=run, name="teachin-phones", daemon=True)
        self._thread = thread
        thread.start()
        ready.wait(START_SECONDS)
        if failure or not ready.is_set():
            thread.join(STOP_SECONDS)
            self._thread = self._loop = None
            error = failure[0] if failure else TimeoutError("the phone server did not start")
            if isinstance(error, OSError):
                raise OSError(error.errno, self._bind_failure(error)) from error
            raise error
        return self._url

    def _bind_failure(self, error: OSError) -> str:
        reason = os.strerror(error.errno) if error.errno else str(error)
        hint = {
            errno.EADDRINUSE: " (another program uses that port)",
            errno.EADDRNOTAVAIL: " (not an address of this machine)",
        }.get(error.errno or 0, "")
        return f"cannot listen on {self.host} port {self.port}: {reason}{hint}"

    def stop(self) -> None:
        """Ends every stream, closes the port, joins the thread and forgets every
        device. Safe to call twice."""
        thread, loop = self._thread, self._loop
        if thread is None or loop is None:
            return
        # RuntimeError: the loop already ended; TimeoutError: it is stopped all the same.
        with contextlib.suppress(RuntimeError, TimeoutError):
            asyncio.run_coroutine_threadsafe(self._close(), loop).result(STOP_SECONDS)
        with contextlib.suppress(RuntimeError):
            loop.call_soon_threadsafe(loop.stop)
        thread.join(STOP_SECONDS)
        self._thread = self._loop = None
        self.room.forget()
        self._streams.clear()

    def show(self, state: State | None) -> None:
        """Shows ``state`` on every phone (thread-safe); None: the phones wait (no vote
        open, no tables). Before ``start()`` it is what the first phones will see."""
        loop = self._loop
        if loop is None:
            self.room.show(state)  # no server thread yet: nothing else touches the room
            return

        async def apply() -> None:
            if self.room.show(state):
                self._wake_all()

        with contextlib.suppress(RuntimeError):  # stopping
            asyncio.run_coroutine_threadsafe(apply(), loop)

    # -- in the server's loop ------------------------------------------------------------
    async def _open(self) -> None:
        self._stopped = asyncio.Event()
        limits = self.limits
        app = web.Application(client_max_size=limits.max_body_bytes, middlewares=[self._guard])
        app.on_response_prepare.append(_secure_headers)
        app.router.add_get("/{code}", self._redirect)
        app.router.add_get("/{code}/", self._page)
        app.router.add_get("/{code}/events", self._events)
        app.router.add_post("/{code}/vote", self._action(self.room.vote))
        app.router.add_post("/{code}/join", self._action(self.room.join))
        app.router.add_post("/{code}/move", self._action(self.room.move))
        runner = web.AppRunner(
            app,
            handle_signals=False,
            access_log=None,
            logger=_REQUESTS,
            keepalive_timeout=limits.idle_seconds,
            shutdown_timeout=1.0,
            handler_cancellation=True,
        )
        await runner.setup()
        try:
            site = web.TCPSite(runner, self.host, self.port, backlog=512)
            await site.start()
        except BaseException:
            await runner.cleanup()
            raise
        self._runner = runner
        port = runner.addresses[0][1]
        self.port = port
        names = _names_for(self.host)
        # A browser leaves the port out of Host and Origin when it is HTTP's own, 80.
        hosts = [host_port(name, port).removesuffix(":80" if port == 80 else "") for name in names]
        self._hosts = tuple(hosts) + tuple(f"{h}:80" for h in hosts if port == 80)
        self._origins = tuple(f"http://{h}" for h in hosts)
        self._origin = self._origins[0]
        self._url = f"{self._origin}/{self._code}/"

    async def _close(self) -> None:
        if self._stopped is not None:
            self._stopped.set()
        self._wake_all()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    def _wake_all(self) -> None:
        for stream in self._streams:
            stream.wake.set()

    def _emit(self, events: tuple[PhoneEvent, ...]) -> None:
        for event in events:
            self.events.put(event)

    def _count_connected(self) -> None:
        connected = self.room.connected
        if connected != self._connected:
            self._connected = connected
            self.events.put(DevicesChanged(connected))

    @web.middleware
    async def _guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """Exact Host (no other name reaches the room: DNS rebinding), exact Origin
        when a browser sends one (always on a POST), the join code, JSON bodies."""
        if request.headers.get("Host") not in self._hosts:
            return _plain(421, "wrong host")
        origin = request.headers.get("Origin")
        if origin not in self._origins and (origin is not None or request.method == "POST"):
            return _plain(403, "wrong origin")
        if request.match_info.get("code", "").upper() != self._code:
            return _plain(404, "404: Not Found")
        return await handler(request)

    async def _redirect(self, request: web.Request) -> web.StreamResponse:
        raise web.HTTPFound(f"/{self._code}/")

    async def _page(self, request: web.Request) -> web.StreamResponse:
        nonce = secrets.token_urlsafe(18)
        response = web.Response(text=page_html(nonce), content_type="text/html", charset="utf-8")
        response.headers["Content-Security-Policy"] = _policy(nonce)
        return response

    def _action(self, act: Callable[[Any], Answer]) -> Handler:
        async def handle(request: web.Request) -> web.StreamResponse:
            if request.content_type != "application/json":
                return _plain(415, "JSON only")
            length = request.content_length
            if length is not None and length > self.limits.max_body_bytes:
                return _plain(413, "too big")
            try:
                async with asyncio.timeout(self.limits.body_seconds):
                    raw = await request.read()
                body = json.loads(raw)
            except (web.HTTPRequestEntityTooLarge, TimeoutError):
                return _plain(413, "too big or too slow")
            except (ValueError, RecursionError):
                return _plain(400, "not JSON")
            answer = act(body)
            self._emit(answer.events)
            if answer.status == 200 and answer.events:
                # Only the device's own streams change (its vote, its table): every
                # other phone's state is the same until the GUI shows a new one.
                for stream in self._streams:
                    if stream.token == body.get("device"):
                        stream.wake.set()
            return web.json_response(
                {"ok": answer.status == 200, "reason": answer.reason, "mine": answer.mine},
                status=answer.status,
            )

        return handle

    async def _events(self, request: web.Request) -> web.StreamResponse:
        address = request.remote or "?"
        limits = self.limits
        by_address = Counter(stream.address for stream in self._streams)
        if len(self._streams) >= limits.max_streams:
            return _plain(503, "the room is full")
        if by_address[address] >= limits.max_streams_per_address:
            return _plain(429, "too many streams from this address")
        token = request.query.get("device", "")
        answer = self.room.connect(token, address)
        if answer.status != 200:
            return _plain(answer.status, answer.reason)
        for older in [s for s in self._streams if s.token == token]:
            older.ended = True  # the same phone again (a reload): its old stream ends
            older.wake.set()
        stream = _Stream(token, address)
        self._streams.add(stream)
        self._count_connected()
        response = web.StreamResponse(headers={"Content-Type": "text/event-stream"})
        try:
            await response.prepare(request)
            await self._feed(stream, response)
        except ConnectionError:
            pass  # the phone went away (locked, out of the Wi-Fi): it reconnects
        finally:
            self._streams.discard(stream)
            self.room.disconnect(token)
            self._count_connected()
        return response

    async def _feed(self, stream: _Stream, response: web.StreamResponse) -> None:
        """The full state first, then again at every change; a comment when idle."""
        assert self._stopped is not None
        # A phone that drops off the Wi-Fi tries again in 2 s (browsers wait 3 to 5).
        await response.write(b"retry: 2000\n\n")
        stream.wake.set()
        while not (stream.ended or self._stopped.is_set()):
            try:
                async with asyncio.timeout(self.limits.ping_seconds):
                    await stream.wake.wait()
            except TimeoutError:
                await response.write(b": ping\n\n")
                continue
            stream.wake.clear()
            if stream.ended or self._stopped.is_set():
                break
            data = self.room.snapshot(stream.token)
            await response.write(f"data: {data}\n\n".encode())


def _names_for(host: str) -> list[str]:
    """The addresses phones may name the server by: the one it listens on or, when
    told to listen on every network (0.0.0.0), each of this machine's addresses,
    the likeliest room network first (the join URL uses the first)."""
    try:
        unspecified = ipaddress.ip_address(host).is_unspecified
    except ValueError:
        unspecified = False
    if not unspecified:
        return [host]
    return [*private_addresses(machine_addresses()), LOOPBACK]


def _policy(nonce: str) -> str:
    return (
        f"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; "
        "connect-src 'self'; img-src 'none'; base-uri 'none'; form-action 'none'; "
        "frame-ancestors 'none'"
    )


def _plain(status: int, text: str) -> web.Response:
    return web.Response(status=status, text=text)


async def _secure_headers(request: web.Request, response: web.StreamResponse) -> None:
    """Every answer: never cached, never framed, never sniffed, no referrer; no CORS."""
    headers = response.headers
    headers.setdefault("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'")
    headers["Cache-Control"] = "no-store"
    headers["X-Content-Type-Options"] = "nosniff"
    headers["X-Frame-Options"] = "DENY"
    headers["Referrer-Policy"] = "no-referrer"
    headers["Cross-Origin-Resource-Policy"] = "same-origin"
