"""The sign-in and sign-out requests: a checked NIP and password become a session cookie."""

from __future__ import annotations

import asyncio
from pathlib import Path
from urllib.parse import urlsplit

from aiohttp import web

from sync.link import BadCredentials, LinkError, TooManyAttempts
from sync.signin import ProfileInUse
from web import signin_page
from web.profiles import clean_nip, person_home, sign_in_person
from web.sessions import COOKIE, LIFETIME_S, Sessions
from web.texts import _


def over_https(request: web.Request) -> bool:
    """Whether the browser talks HTTPS: to this process, or to a proxy in front of it.

    X-Forwarded-Proto is believed from anyone: it only makes the cookie
    stricter and the app page's websocket address wss, for the asker alone.
    """
    return request.secure or request.headers.get("X-Forwarded-Proto", "").lower() == "https"


def from_another_site(request: web.Request) -> bool:
    """Whether a browser says the request comes from another site's page.

    SameSite=Strict keeps the session cookie off such requests already; this
    also stops a page elsewhere from signing a browser in as someone else."""
    origin = request.headers.get("Origin")
    return origin is not None and urlsplit(origin).netloc != request.host


def browser_address(request: web.Request, proxies: frozenset[str]) -> str:
    """The browser's address: the last X-Forwarded-For entry when a named proxy
    sent the request (the one its proxy saw), else the peer's own."""
    peer = request.remote or ""
    forwarded = request.headers.get("X-Forwarded-For", "")
    if peer in proxies and forwarded.strip():
        return forwarded.split(",")[-1].strip()
    return peer


class SignIn:
    """Sign-in, sign-out. The API's sign-in brake sees each browser's address
    (sent as X-Forwarded-For), so run ``serve --forwarded-allow-ips`` with this
    service's address: otherwise 20 wrong passwords typed by anyone in a
    browser stop everyone's browser sign-in for 15 minutes."""

    def __init__(
        self, sessions: Sessions, root: Path, api_url: str, proxies: frozenset[str]
    ) -> None:
        self.sessions = sessions
        self.root = root
        self.api_url = api_url
        self.proxies = proxies

    async def page(self, request: web.Request) -> web.Response:
        return _html(signin_page.render())

    async def submit(self, request: web.Request) -> web.Response:
        if from_another_site(request):
            raise web.HTTPForbidden()
        form = await request.post()
        typed, password = str(form.get("nip", "")), str(form.get("password", ""))
        nip = clean_nip(typed)
        if nip is None:
            return _refused(_("A NIP is 18 digits; check the one you typed."), typed, 400)
        if not password:
            return _refused(_("Type your password."), nip, 400)
        try:
            # sign_in speaks httpx and writes the profile: off the event loop
            session = await asyncio.to_thread(
                sign_in_person,
                self.root,
                self.api_url,
                nip,
                password,
                browser_address(request, self.proxies),
            )
        except BadCredentials:
            return _refused(_("Wrong NIP or password."), nip, 401)
        except TooManyAttempts as busy:
            wait = round(busy.retry_after) if busy.retry_after is not None else 60
            text = _("Too many failed attempts; wait {seconds} seconds and try again.")
            return _refused(text.format(seconds=wait), nip, 429)
        except ProfileInUse:
            text = _(
                "Your profile on this service holds another server's data; "
                "ask the administrator to check the service's --server address."
            )
            return _refused(text, nip, 409)
        except LinkError:
            text = _("The central server cannot be reached now; try again in a moment.")
            return _refused(text, nip, 503)
        session_id = self.sessions.open(session.nip, session.name, person_home(self.root, nip))
        response = _see_other("/")
        response.set_cookie(
            COOKIE,
            session_id,
            max_age=int(LIFETIME_S),
            path="/",
            httponly=True,
            samesite="Strict",
            secure=over_https(request),
        )
        return response

    async def sign_out(self, request: web.Request) -> web.Response:
        # The profile and its token stay: work not yet sent goes at the next sign-in.
        self.sessions.close(request.cookies.get(COOKIE))
        response = _see_other("/login")
        response.del_cookie(COOKIE, path="/")
        return response


def _see_other(path: str) -> web.Response:
    return web.Response(status=303, headers={"Location": path})


def _html(body: str, status: int = 200) -> web.Response:
    return web.Response(text=body, status=status, content_type="text/html", charset="utf-8")


def _refused(problem: str, nip: str, status: int) -> web.Response:
    return _html(signin_page.render(problem, nip), status)
