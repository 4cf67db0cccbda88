"""The room's web server: the page phones open, and the small API behind it.

aiohttp, running in whatever asyncio loop starts it (the workshop app's own, or
``kxplan room``'s), so the facilitator's screen never waits on a phone. Every
path starts with the room's secret; a request without it is refused. Bodies are
small and bounded, a client that floods is answered 429 without slowing the
others, and every response forbids the page to load anything from elsewhere.
Phones follow the room over server-sent events: each change sends each phone its
own view (see :mod:`kxplan.room.views`).
"""

from __future__ import annotations

import asyncio
import hmac
import json
import time
from collections.abc import Awaitable, Callable
from importlib import resources
from typing import TYPE_CHECKING, Any, Final

from aiohttp import web

from kxplan.i18n import _, language
from kxplan.room.address import LOCAL, join_base
from kxplan.room.phone import page_html, phone_language, phone_strings
from kxplan.room.state import Refused, Room
from kxplan.room.views import participant_view

MAX_BODY: Final = 4096
"""The largest request body taken, in bytes: an idea's title and text fit many times."""
RATE: Final = 10.0
BURST: Final = 30.0
"""Requests a second one device may make on average, and in a burst."""
SHARED: Final = 10
"""Requests from devices not joined yet are counted per address, and many phones can
share one (behind a tunnel, a proxy or a NAT): that address gets this many times more."""
HEARTBEAT: Final = 5.0
"""Seconds between keep-alive comments on an idle event stream."""
GATHER: Final = 0.03
"""Seconds a phone's stream waits after a change for the ones that follow it, so a burst
of answers sends each phone one view, not one per answer."""
DEVICE_HEADER: Final = "X-Kxplan-Device"

CSP: Final = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS: Final = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
    "X-Frame-Options": "DENY",
}
PAGE_FILES: Final = {
    "": ("index.html", "text/html"),
    "room.js": ("room.js", "text/javascript"),
    "room.css": ("room.css", "text/css"),
}

if TYPE_CHECKING:
    from kxplan.i18n import Language

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class _Bucket:
    __slots__ = ("size", "stamp", "tokens")

    def __init__(self, size: float) -> None:
        self.size = size
        self.tokens = BURST * size
        self.stamp = time.monotonic()

    def take(self) -> bool:
        now = time.monotonic()
        self.tokens = min(BURST * self.size, self.tokens + (now - self.stamp) * RATE * self.size)
        self.stamp = now
        if self.tokens < 1:
            return False
        self.tokens -= 1
        return True


def _page(name: str) -> bytes:
    return resources.files("kxplan.room").joinpath("page", name).read_bytes()


def _error(status: int, message: str) -> web.Response:
    return web.json_response({"error": message}, status=status, headers=SECURITY_HEADERS)


class RoomServer:
    """Serves one room at ``http://HOST:PORT/r/SECRET/`` until stopped."""

    def __init__(
        self,
        room: Room,
        secret: str,
        *,
        host: str = LOCAL,
        port: int = 0,
        base_url: str | None = None,
    ) -> None:
        self.room = room
        self.secret = secret
        self.host = host
        self.port = port
        self.base_url = base_url.rstrip("/") if base_url else None
        self.connected: dict[str, int] = {}
        """Participant → how many of their devices follow the room now."""
        self.on_connect: list[Callable[[], None]] = []
        """Called when a device starts or stops following the room."""
        self._buckets: dict[str, _Bucket] = {}
        self._changed = asyncio.Event()
        self._runner: web.AppRunner | None = None
        self._pages = {path: (_page(name), kind) for path, (name, kind) in PAGE_FILES.items()}
        room.listeners.append(self.notify)

    # --- lifecycle ---------------------------------------------------------------------

    @property
    def url(self) -> str:
        """The join address: the base URL if one was given, else where it listens."""
        base = self.base_url or join_base(self.host, self.port)
        return f"{base}/r/{self.secret}/"

    def app(self) -> web.Application:
        app = web.Application(client_max_size=MAX_BODY, middlewares=[self._guard])
        prefix = "/r/{secret}/"
        app.router.add_get(prefix, self._serve_page)
        app.router.add_get(prefix + "{file:room\\.(?:js|css)}", self._serve_page)
        app.router.add_get(prefix + "api/strings", self._strings)
        app.router.add_get(prefix + "api/view", self._view)
        app.router.add_get(prefix + "api/events", self._events)
        app.router.add_post(prefix + "api/join", self._join)
        app.router.add_post(prefix + "api/answer", self._answer)
        app.router.add_post(prefix + "api/dot", self._dot)
        app.router.add_post(prefix + "api/idea", self._idea)
        return app

    async def start(self) -> None:
        """Listen; when the port was 0, :attr:`port` is the one the system gave."""
        self._runner = web.AppRunner(self.app(), access_log=None, shutdown_timeout=1.0)
        await self._runner.setup()
        site = web.TCPSite(self._runner, self.host, self.port, reuse_address=True)
        await site.start()
        if self.port == 0:
            self.port = int(self._runner.addresses[0][1])

    async def stop(self) -> None:
        """Stop listening; every open event stream ends."""
        self.notify()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    def notify(self) -> None:
        """Wake every event stream: the room changed."""
        self._changed.set()
        self._changed = asyncio.Event()

    # --- the guard in front of every request ----------------------------------------

    def language_of(self, request: web.Request) -> Language:
        """The language this phone reads: its browser's, else the plan's
        (:func:`kxplan.room.phone.phone_language`)."""
        accept = request.headers.get("Accept-Language")
        return phone_language(accept, self.room.plan.document_language)

    @web.middleware
    async def _guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        with language(self.language_of(request)):  # every word the phone gets, errors too
            return await self._checked(request, handler)

    async def _checked(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if request.match_info.http_exception is not None:  # no such page: 404 or 405
            return _error(request.match_info.http_exception.status, _("There is no such page."))
        secret = request.match_info.get("secret", "")
        if not hmac.compare_digest(secret.encode(), self.secret.encode()):
            return _error(403, _("This room address is not valid. Ask the facilitator for it."))
        if self.room.closed:
            return _error(410, _("The room is closed."))
        device = request.headers.get(DEVICE_HEADER) or request.query.get("device") or ""
        joined = device in self.room.tokens  # a made-up device counts as its address
        key = f"device {device}" if joined else f"address {request.remote}"
        bucket = self._buckets.get(key)
        if bucket is None:
            bucket = self._buckets[key] = _Bucket(1 if joined else SHARED)
        if not bucket.take():
            return _error(429, _("Too many requests: wait a moment and try again."))
        try:
            response = await handler(request)
        except web.HTTPRequestEntityTooLarge:
            return _error(413, _("That is too long to send."))
        response.headers.update(SECURITY_HEADERS)
        return response

    # --- the page --------------------------------------------------------------------

    async def _serve_page(self, request: web.Request) -> web.Response:
        name = request.match_info.get("file", "")
        body, kind = self._pages[name]
        if name == "":  # the page itself: in the phone's language
            body = page_html(body.decode("utf-8")).encode("utf-8")
        return web.Response(body=body, content_type=kind, charset="utf-8")

    async def _strings(self, request: web.Request) -> web.Response:
        return web.json_response(phone_strings())

    # --- the API -----------------------------------------------------------------------

    def _device(self, request: web.Request) -> str | None:
        token = request.headers.get(DEVICE_HEADER) or request.query.get("device")
        return token if token in self.room.tokens else None

    async def _body(self, request: web.Request) -> dict[str, Any]:
        try:
            data = await request.json()
        except web.HTTPRequestEntityTooLarge:
            raise
        except (ValueError, UnicodeDecodeError):
            raise Refused(_("The request was not understood.")) from None
        if not isinstance(data, dict):
            raise Refused(_("The request was not understood."))
        return data

    def _name(self, request: web.Request) -> str | None:
        token = self._device(request)
        return self.room.tokens.get(token) if token else None

    async def _act(
        self, request: web.Request, action: Callable[[dict[str, Any]], str | None]
    ) -> web.Response:
        """Run ``action`` on the request's body; answer with the device's new view (and,
        for a join, the device token the action returns)."""
        try:
            device = action(await self._body(request))
        except web.HTTPRequestEntityTooLarge:
            return _error(413, _("That is too long to send."))
        except Refused as refusal:
            return _error(400, str(refusal))
        name = self.room.tokens[device] if device else self._name(request)
        payload: dict[str, Any] = {"device": device} if device else {}
        return web.json_response({**payload, "view": participant_view(self.room, name)})

    async def _view(self, request: web.Request) -> web.Response:
        return web.json_response(participant_view(self.room, self._name(request)))

    async def _join(self, request: web.Request) -> web.Response:
        def join(data: dict[str, Any]) -> str:
            name = self.room.name_for(data.get("name"))
            if name in self.connected:
                raise Refused(
                    _(
                        "{name} is here already, on another device. If that is not you, "
                        "tell the facilitator."
                    ).format(name=name)
                )
            return self.room.join(name)

        return await self._act(request, join)

    def _token(self, request: web.Request) -> str:
        token = self._device(request)
        if token is None:
            raise Refused(_("Join the room first."))
        return token

    async def _answer(self, request: web.Request) -> web.Response:
        def answer(data: dict[str, Any]) -> None:
            self.room.answer(
                self._token(request),
                _int(data.get("round")),
                str(data.get("initiative", "")),
                str(data.get("score", "")),
                data.get("value"),
            )

        return await self._act(request, answer)

    async def _dot(self, request: web.Request) -> web.Response:
        def dot(data: dict[str, Any]) -> None:
            self.room.place(
                self._token(request),
                _int(data.get("vote")),
                str(data.get("initiative", "")),
                data.get("delta"),
            )

        return await self._act(request, dot)

    async def _idea(self, request: web.Request) -> web.Response:
        def idea(data: dict[str, Any]) -> None:
            self.room.send_idea(
                self._token(request), data.get("kind"), data.get("title"), data.get("text", "")
            )

        return await self._act(request, idea)

    async def _events(self, request: web.Request) -> web.StreamResponse:
        name = self._name(request)
        response = web.StreamResponse(
            headers={"Content-Type": "text/event-stream", **SECURITY_HEADERS}
        )
        await response.prepare(request)
        self._connect(name, +1)
        try:
            seen = -1
            while not self.room.closed:
                if self.room.version != seen:
                    seen = self.room.version
                    view = participant_view(self.room, name)
                    await response.write(f"data: {json.dumps(view)}\n\n".encode())
                changed = self._changed
                try:
                    await asyncio.wait_for(changed.wait(), HEARTBEAT)
                except TimeoutError:
                    await response.write(b": ping\n\n")
                else:
                    await asyncio.sleep(GATHER)
            await response.write(b"event: closed\ndata: {}\n\n")
        except (ConnectionResetError, asyncio.CancelledError):
            pass
        finally:
            self._connect(name, -1)
        return response

    def _connect(self, name: str | None, delta: int) -> None:
        if name is None:
            return
        count = self.connected.get(name, 0) + delta
        if count > 0:
            self.connected[name] = count
        else:
            self.connected.pop(name, None)
        for listener in self.on_connect:
            listener()


def _int(value: object) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise Refused(_("The request was not understood."))
    return value
