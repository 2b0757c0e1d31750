"""The aiohttp application: textual-serve's routes, every one behind the session check.

textual-serve's ``Server`` gives the app page, the websocket that drives one
app process per browser, downloads and the static assets, and has no notion
of who asks. Here a middleware lets only ``/login`` through without a valid
session; the app page and its process are then the signed-in person's.
"""

from __future__ import annotations

import logging
import shlex
import ssl
import sys
from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

import aiohttp_jinja2
import jinja2
from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server, to_int

from web.sessions import COOKIE, BrowserSession, Sessions
from web.signin import SignIn, from_another_site, over_https
from web.texts import _, lang

log = logging.getLogger("kinerja.web")

# the same app `kinerja` opens, with the same interpreter as this service
APP_COMMAND = shlex.join([sys.executable, "-m", "tui.cli"])
TEMPLATES = Path(__file__).parent / "templates"
# an app is a process of about 60 MB: a few tabs each, not a tab left to multiply
APPS_PER_PERSON = 3
PERSON = "kinerja.person"  # where the middleware leaves the signed-in person
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class PersonAppService(AppService):
    """textual-serve's app process, run on one person's profile folder."""

    def __init__(self, home: Path, **kwargs: Any) -> None:
        super().__init__(APP_COMMAND, **kwargs)
        self.home = home

    def _build_environment(self, width: int = 80, height: int = 24) -> dict[str, str]:
        environment = super()._build_environment(width=width, height=height)
        environment["KINERJA_HOME"] = str(self.home)
        return environment


class KinerjaWeb(Server):
    def __init__(
        self,
        *,
        api_url: str,
        root: Path,
        host: str,
        port: int,
        ssl_context: ssl.SSLContext | None = None,
        proxies: frozenset[str] = frozenset(),
        max_apps: int,
    ) -> None:
        super().__init__(APP_COMMAND, host=host, port=port, title="Kinerja")
        self.templates_path = TEMPLATES
        self.ssl_context = ssl_context
        self.sessions = Sessions()
        self.sign_in = SignIn(self.sessions, root, api_url, proxies)
        self.api_url = api_url
        self.running: dict[str, int] = {}  # apps open a NIP
        self.max_apps = max_apps  # apps open at once, everyone's together

    async def _make_app(self) -> web.Application:
        sessions = self.sessions

        @web.middleware
        async def require_session(request: web.Request, handler: Handler) -> web.StreamResponse:
            if request.path == "/login":
                return await handler(request)
            person = sessions.find(request.cookies.get(COOKIE))
            if person is None:
                if request.method == "GET" and request.path == "/":
                    return web.Response(status=303, headers={"Location": "/login"})
                # nothing at all: no page, no asset, no websocket upgrade
                return web.Response(status=401)
            request[PERSON] = person
            return await handler(request)

        app = web.Application(middlewares=[require_session])
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path))
        app.add_routes(
            [
                web.get("/login", self.sign_in.page),
                web.post("/login", self.sign_in.submit),
                web.get("/logout", self.sign_in.sign_out),
                web.get("/", self.handle_index, name="index"),
                web.get("/ws", self.handle_websocket, name="websocket"),
                web.get("/download/{key}", self.handle_download, name="download"),
                web.static("/static", self.statics_path, name="static"),
            ]
        )
        app.on_startup.append(self.on_startup)
        return app

    async def on_startup(self, app: web.Application) -> None:
        scheme = "https" if self.ssl_context else "http"
        print(
            _("Kinerja in a browser at {url} (central server {api}); Ctrl+C stops it.").format(
                url=f"{scheme}://{self.host}:{self.port}/", api=self.api_url
            ),
            flush=True,
        )

    async def handle_index(self, request: web.Request) -> web.Response:  # type: ignore[override]
        person: BrowserSession = request[PERSON]
        scheme = "wss" if over_https(request) else "ws"
        context = {
            "font_size": to_int(request.query.get("fontsize", "16"), 16),
            "app_websocket_url": f"{scheme}://{request.host}/ws",
            "config": {"static": {"url": "/static/"}},
            "application": {"name": f"Kinerja: {person.name or person.nip} ({person.nip})"},
            "logout_url": "/logout",
            "ping_url": "",
            "texts": {
                "lang": lang(),
                "start": _("Start"),
                "ended": _("The app has ended."),
                "restart": _("Start again"),
                "sign_out": _("Sign out"),
            },
        }
        return aiohttp_jinja2.render_template("app_index.html", request, context)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        if from_another_site(request):
            raise web.HTTPForbidden()
        person: BrowserSession = request[PERSON]
        if self.running.get(person.nip, 0) >= APPS_PER_PERSON:
            raise web.HTTPTooManyRequests()
        if sum(self.running.values()) >= self.max_apps:
            # The machine's memory, not this person, is the limit: try again later.
            log.warning("refused an app for %s: %d apps run already", person.nip, self.max_apps)
            raise web.HTTPServiceUnavailable(headers={"Retry-After": "60"})
        self.running[person.nip] = self.running.get(person.nip, 0) + 1
        try:
            return await self._run_app(request, person)
        finally:
            self.running[person.nip] -= 1
            if not self.running[person.nip]:
                del self.running[person.nip]

    async def _run_app(self, request: web.Request, person: BrowserSession) -> web.WebSocketResponse:
        websocket = web.WebSocketResponse(heartbeat=15)
        width = to_int(request.query.get("width", "80"), 80)
        height = to_int(request.query.get("height", "24"), 24)
        app_service: PersonAppService | None = None
        try:
            await websocket.prepare(request)
            app_service = PersonAppService(
                person.home,
                write_bytes=websocket.send_bytes,
                write_str=websocket.send_str,
                close=websocket.close,
                download_manager=self.download_manager,
                debug=self.debug,
            )
            log.info("app started for %s", person.nip)
            await app_service.start(width, height)
            await self._process_messages(websocket, app_service)
        except Exception as error:  # one browser's failure must not end the service
            log.exception(error)
        finally:
            if app_service is not None:
                await app_service.stop()
        return websocket

    async def handle_download(self, request: web.Request) -> web.StreamResponse:
        """A file the app offers, to the person whose app offered it and nobody else."""
        person: BrowserSession = request[PERSON]
        try:
            download = await self.download_manager.get_download_metadata(request.match_info["key"])
        except KeyError:
            raise web.HTTPNotFound() from None
        service = download.app_service
        if not isinstance(service, PersonAppService) or service.home != person.home:
            raise web.HTTPNotFound()
        return await super().handle_download(request)

    def serve_until_stopped(self) -> None:
        web.run_app(
            self._make_app(),
            host=self.host,
            port=self.port,
            ssl_context=self.ssl_context,
            print=None,
        )
