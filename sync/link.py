"""The link to the central server: httpx with patience for poor links.

Remote offices lose their connection for seconds or minutes, so every call
retries (tenacity: exponential backoff with jitter, honouring Retry-After)
after connection errors, timeouts, 429 and 5xx, within a bounded number of
attempts and time so that a sync round always ends. Answers that can't be
used become one of the ``LinkError`` subclasses below, never a crash.

A push is sent as bytes built once by the caller and re-sent unchanged on
every retry: together with the mutation ids, that makes a retry after a lost
answer safe (the server answers ``duplicate``). The same holds for each part
of an evidence file: a part the server already took is answered 409
``offset``, and the uploader asks where to resume (sync/blobs.py).

Answers may come gzip-compressed: httpx asks for it (``Accept-Encoding``)
and decodes it before anything here reads the body.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

import httpx
import orjson
from tenacity import (
    RetryCallState,
    Retrying,
    retry_if_exception_type,
    stop_after_attempt,
    stop_after_delay,
    wait_exponential_jitter,
)

API_PREFIX = "/api/v1"
PROTOCOL = 2  # the protocol this client speaks (protocol.md)
JSON = dict[str, Any]


class LinkError(Exception):
    """The server could not be reached or used; ``code`` names why."""

    code = "unreachable"


class Unreachable(LinkError):
    """No answer after every retry (connection refused, timeouts, 5xx, 429)."""


class AuthExpired(LinkError):
    """401: the token expired or was revoked; the user must log in again."""

    code = "auth"


class BadCredentials(LinkError):
    """401 on ``POST /session``: wrong NIP or password."""

    code = "credentials"


class TooManyAttempts(LinkError):
    """429 on ``POST /session``: too many failed sign-ins; wait ``retry_after`` seconds."""

    code = "busy"

    def __init__(self, retry_after: float | None) -> None:
        super().__init__("too many failed sign-in attempts")
        self.retry_after = retry_after


class EpochChanged(LinkError):
    """409 ``epoch``: the server's data was restored or reset since our last round."""

    code = "epoch"


class HistoryChanged(EpochChanged):
    """409 ``history``: the server no longer holds the change our cursor's mark names.

    Its database was put back from a backup under the same epoch; the
    recovery is the one of a new epoch.
    """

    code = "history"


class ProtocolMismatch(LinkError):
    """``/hello`` named another protocol than this client's; ``upgrade`` says which side."""

    code = "protocol"

    def __init__(self, server_protocol: object) -> None:
        self.server_protocol = server_protocol
        newer = isinstance(server_protocol, int) and server_protocol > PROTOCOL
        self.upgrade = "client" if newer else "server"
        side = "Kinerja on this computer" if newer else "the server"
        super().__init__(
            f"the server speaks protocol {server_protocol!r} and this Kinerja protocol "
            f"{PROTOCOL}: upgrade {side}"
        )


class OffsetMoved(LinkError):
    """409 ``offset``: a part of a file did not start where the server's copy ends."""

    code = "offset"


class BlobRefused(LinkError):
    """400 or 413 on a file: it does not hash to its name, or it is too big."""

    code = "blob"


class BlobNotFound(LinkError):
    """404 on ``GET /blobs/<sha256>``: no such file, or not one this user may read."""

    code = "not_found"


class MalformedAnswer(LinkError):
    """The server answered, but not with the JSON the protocol promises."""

    code = "malformed"


class RequestRefused(LinkError):
    """A 4xx other than 401/409/429: the server refused what we sent."""

    code = "refused"


class _Retryable(Exception):
    """A 429 or 5xx answer worth another try; carries Retry-After if given."""

    def __init__(self, status: int, retry_after: float | None) -> None:
        super().__init__(f"HTTP {status}")
        self.status = status
        self.retry_after = retry_after


@dataclass(frozen=True)
class Patience:
    """How long the link waits and how often it tries again."""

    connect: float = 15.0
    read: float = 60.0
    attempts: int = 6
    total: float = 300.0  # a round gives up after this, whatever the attempts left
    backoff_initial: float = 1.0
    backoff_max: float = 30.0
    retry_after_max: float = 120.0

    @classmethod
    def from_env(cls) -> Patience:
        """The defaults, with KINERJA_SYNC_ATTEMPTS for cron jobs that must end fast (and tests)."""
        try:
            attempts = int(os.environ.get("KINERJA_SYNC_ATTEMPTS", cls.attempts))
        except ValueError:
            attempts = cls.attempts
        return cls(attempts=max(1, attempts))


_RETRY_ON = (httpx.TransportError, _Retryable)


class _WaitForServer:
    """Retry-After when the server named a wait, else backoff with jitter."""

    def __init__(self, patience: Patience) -> None:
        self._backoff = wait_exponential_jitter(
            multiplier=patience.backoff_initial, max=patience.backoff_max
        )
        self._cap = patience.retry_after_max

    def __call__(self, state: RetryCallState) -> float:
        failure = state.outcome.exception() if state.outcome else None
        if isinstance(failure, _Retryable) and failure.retry_after is not None:
            return min(failure.retry_after, self._cap)
        return float(self._backoff(state))


def _retry_after(value: str | None) -> float | None:
    """Seconds from a Retry-After header (the delta form; dates are rare)."""
    if value is None:
        return None
    try:
        return max(0.0, float(value))
    except ValueError:
        return None


def _json_of(response: httpx.Response) -> JSON:
    try:
        body = orjson.loads(response.content)
    except orjson.JSONDecodeError as error:
        raise MalformedAnswer(f"{response.request.url.path}: not JSON ({error})") from None
    if not isinstance(body, dict):
        raise MalformedAnswer(f"{response.request.url.path}: not a JSON object")
    return body


class Link:
    """One server, one token; blocking calls, each retried with backoff.

    ``headers`` go with every request (the web service's X-Forwarded-For).
    """

    def __init__(
        self,
        base_url: str,
        token: str | None = None,
        *,
        patience: Patience | None = None,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
        headers: Mapping[str, str] | None = None,
    ) -> None:
        # people paste either the server's address or its API root
        self.base_url = base_url.rstrip("/").removesuffix(API_PREFIX)
        self.patience = patience or Patience()
        self.requests_made = 0
        self._sleep = sleep
        sent = dict(headers or {})
        if token:
            sent["Authorization"] = f"Bearer {token}"
        timeout = httpx.Timeout(
            self.patience.read, connect=self.patience.connect, pool=self.patience.connect
        )
        self._http = httpx.Client(
            base_url=self.base_url + API_PREFIX,
            headers=sent | {"Accept-Encoding": "gzip"},
            timeout=timeout,
            transport=transport,
        )

    def __enter__(self) -> Link:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()

    # -- the protocol's calls ------------------------------------------------

    def hello(self) -> JSON:
        """GET /hello; raises ProtocolMismatch unless the server speaks this client's protocol."""
        body = _json_of(self._call("GET", "/hello"))
        if body.get("protocol") != PROTOCOL:
            raise ProtocolMismatch(body.get("protocol"))
        if not isinstance(body.get("epoch"), str):
            raise MalformedAnswer("/hello: no epoch")
        return body

    def open_session(self, nip: str, password: str) -> JSON:
        """POST /session; a 401 here means wrong credentials, not an old token."""
        try:
            response = self._call(
                "POST",
                "/session",
                content=orjson.dumps({"nip": nip, "password": password}),
                # a refusal after failed passwords is an answer to show, not a wait to sit out
                busy_is_final=True,
            )
        except AuthExpired:
            raise BadCredentials("wrong NIP or password") from None
        body = _json_of(response)
        if not isinstance(body.get("token"), str):
            raise MalformedAnswer("/session: no token")
        return body

    def close_session(self) -> None:
        self._call("DELETE", "/session")

    def push(self, batch: bytes) -> JSON:
        """POST /push with a batch already encoded, so every retry is byte-identical."""
        body = _json_of(self._call("POST", "/push", content=batch))
        if not isinstance(body.get("results"), list):
            raise MalformedAnswer("/push: no results")
        return body

    def changes(self, since: int, limit: int, mark: str | None = None) -> JSON:
        """GET /changes above ``since``; ``mark`` is the one the page ending at ``since`` gave."""
        params: dict[str, Any] = {"since": since, "limit": limit}
        if mark:
            params["mark"] = mark
        body = _json_of(self._call("GET", "/changes", params=params))
        if (
            not isinstance(body.get("changes"), list)
            or not isinstance(body.get("next"), int)
            or not isinstance(body.get("more"), bool)
            or not isinstance(body.get("mark", ""), str)
        ):
            raise MalformedAnswer("/changes: missing changes, next, more or mark")
        return body

    def report(self, name: str, period_id: str, unit_id: str | None = None) -> JSON:
        """GET /reports/<name>: figures the server computed (gzip on the wire when over 1 KB)."""
        params = {"period_id": period_id} | ({"unit_id": unit_id} if unit_id else {})
        body = _json_of(self._call("GET", f"/reports/{name}", params=params))
        if not isinstance(body.get("rows"), list) or not isinstance(body.get("made_at"), str):
            raise MalformedAnswer(f"/reports/{name}: no rows or made_at")
        return body

    def records(self, owner: str, collection: str | None = None) -> list[JSON]:
        """GET /records: ``owner``'s records (of ``collection``, else all) that this user
        may read, though the sync doesn't carry them (protocol.md, records on demand)."""
        params = {"owner": owner} | ({"collection": collection} if collection else {})
        body = _json_of(self._call("GET", "/records", params=params))
        found = body.get("records")
        if not isinstance(found, list) or not all(isinstance(r, dict) for r in found):
            raise MalformedAnswer("/records: no records")
        return found

    # -- evidence files --------------------------------------------------------

    def blob_offset(self, sha256: str) -> int | None:
        """HEAD /blobs/<sha256>: None when the server holds it whole, else the bytes it holds."""
        response = self._call("HEAD", f"/blobs/{sha256}", passing=(404,))
        if response.status_code != 404:
            return None
        return _upload_offset(response)

    def put_blob_part(self, sha256: str, part: bytes, first: int, total: int) -> int | None:
        """PUT one part; None once the file is whole on the server, else the bytes it holds."""
        headers = {"Content-Type": "application/octet-stream"}
        if first or len(part) < total:
            headers["Content-Range"] = f"bytes {first}-{first + len(part) - 1}/{total}"
        try:
            response = self._call("PUT", f"/blobs/{sha256}", content=part, headers=headers)
        except RequestRefused as refused:
            raise BlobRefused(str(refused)) from None
        if response.status_code == 202:
            return _upload_offset(response)
        return None

    def get_blob(self, sha256: str) -> bytes:
        """GET /blobs/<sha256>: the file's bytes; BlobNotFound when not there for this user."""
        response = self._call("GET", f"/blobs/{sha256}", passing=(404,))
        if response.status_code == 404:
            raise BlobNotFound(f"/blobs/{sha256}: not found")
        return response.content

    # -- the retrying core ---------------------------------------------------

    def _call(
        self,
        method: str,
        path: str,
        *,
        busy_is_final: bool = False,
        passing: tuple[int, ...] = (),
        **kwargs: Any,
    ) -> httpx.Response:
        """One call with retries; ``passing`` names 4xx statuses the caller reads itself."""
        retrying = Retrying(
            retry=retry_if_exception_type(_RETRY_ON),
            stop=stop_after_attempt(self.patience.attempts) | stop_after_delay(self.patience.total),
            wait=_WaitForServer(self.patience),
            sleep=self._sleep,
            reraise=True,
        )
        if "content" in kwargs:
            kwargs.setdefault("headers", {"Content-Type": "application/json"})
        try:
            for attempt in retrying:
                with attempt:
                    return self._once(method, path, busy_is_final, passing, **kwargs)
        except httpx.TransportError as error:
            raise Unreachable(f"{self.base_url}: {type(error).__name__}: {error}") from None
        except _Retryable as error:
            raise Unreachable(f"{self.base_url}: {error} after retries") from None
        raise AssertionError("tenacity ended without a result")  # pragma: no cover

    def _once(
        self, method: str, path: str, busy_is_final: bool, passing: tuple[int, ...], **kwargs: Any
    ) -> httpx.Response:
        self.requests_made += 1
        response = self._http.request(method, path, **kwargs)
        status = response.status_code
        if status in passing:
            return response
        if status == 429 and busy_is_final:
            raise TooManyAttempts(_retry_after(response.headers.get("Retry-After")))
        if status == 429 or status >= 500:
            raise _Retryable(status, _retry_after(response.headers.get("Retry-After")))
        if status == 401:
            raise AuthExpired("the token expired or was revoked")
        if status == 409:
            raise _conflict_error(path, response)
        if status >= 400:
            raise RequestRefused(f"{path}: HTTP {status}: {_error_text(response)}")
        return response


def _conflict_error(path: str, response: httpx.Response) -> LinkError:
    """What a 409 means, by its error code (protocol.md)."""
    code = _error_code(response)
    if code == "history":
        return HistoryChanged(f"{path}: the server no longer holds the change our cursor names")
    if code == "offset":
        return OffsetMoved(f"{path}: the part does not start where the server's copy ends")
    return EpochChanged(f"{path}: the server's epoch changed")


def _error_code(response: httpx.Response) -> str | None:
    try:
        code = orjson.loads(response.content).get("error", {}).get("code")
    except (orjson.JSONDecodeError, AttributeError):
        return None
    return code if isinstance(code, str) else None


def _upload_offset(response: httpx.Response) -> int:
    try:
        offset = int(response.headers.get("Upload-Offset", "0"))
    except ValueError:
        raise MalformedAnswer(
            f"{response.request.url.path}: Upload-Offset is not a number"
        ) from None
    if offset < 0:
        raise MalformedAnswer(f"{response.request.url.path}: a negative Upload-Offset")
    return offset


def _error_text(response: httpx.Response) -> str:
    """The server's ``{"error": {"code", "message"}}``, or the start of the body."""
    try:
        error = orjson.loads(response.content).get("error", {})
        return f"{error.get('code')}: {error.get('message')}"
    except (orjson.JSONDecodeError, AttributeError):
        return response.text[:200]
