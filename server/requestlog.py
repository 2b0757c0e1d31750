"""One log line per request: method, path, status, duration and the caller's NIP.

Never the token, the password or the query: the path alone names the route,
and the NIP is the person the token stood for, noted by ``Server.nip_of``
(``note_nip``) in the handler's thread. The middleware puts a fresh dict in a
context variable; the handler's thread gets a copy of the context with the
same dict, so what it notes is there when the answer has gone out.

``log_config(json=...)`` is the logging set-up ``kinerja-server serve``
hands to uvicorn (each worker process applies it): request lines on standard
output, plain (``2026-01-28T08:00:01Z GET /api/v1/changes 200 12.4ms
nip=198001012005011001``) or one JSON object a line (``--log-json``).
"""

from __future__ import annotations

import json
import logging
import time
from contextvars import ContextVar
from datetime import UTC, datetime
from typing import Any

LOGGER = "kinerja.requests"
_log = logging.getLogger(LOGGER)
_who: ContextVar[dict[str, str] | None] = ContextVar("kinerja_request_who", default=None)


def note_nip(nip: str) -> None:
    """The signed-in caller of the request being served (a no-op outside one)."""
    who = _who.get()
    if who is not None:
        who["nip"] = nip


class RequestLog:
    """Pure ASGI, outermost: it sees every answer, the refused and the failed too."""

    def __init__(self, app: Any) -> None:
        self.app = app

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        who: dict[str, str] = {}
        status = 500  # what the client sees if the app fails before answering

        async def noting_status(message: Any) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        token = _who.set(who)
        try:
            await self.app(scope, receive, noting_status)
        finally:
            _who.reset(token)
            fields = {
                "method": scope["method"],
                "path": scope["path"],
                "status": status,
                "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                "nip": who.get("nip"),
            }
            _log.info(
                "%s %s %d %.1fms nip=%s",
                fields["method"],
                fields["path"],
                status,
                fields["duration_ms"],
                fields["nip"] or "-",
                extra={"request": fields},
            )


def _utc(record: logging.LogRecord) -> str:
    moment = datetime.fromtimestamp(record.created, UTC)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


class PlainFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return f"{_utc(record)} {record.getMessage()}"


class JsonFormatter(logging.Formatter):
    """One JSON object a line; a request line carries its fields, others their message."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {"time": _utc(record), "level": record.levelname.lower()}
        fields = getattr(record, "request", None)
        if isinstance(fields, dict):
            line.update(fields)
        else:
            line["message"] = record.getMessage()
        return json.dumps(line, ensure_ascii=False)


def log_config(*, json_lines: bool) -> dict[str, Any]:
    """uvicorn's ``log_config``: its own messages on stderr, request lines on stdout."""
    formatter = {"()": f"{__name__}.{'JsonFormatter' if json_lines else 'PlainFormatter'}"}
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"kinerja": formatter},
        "handlers": {
            "messages": {
                "class": "logging.StreamHandler",
                "formatter": "kinerja",
                "stream": "ext://sys.stderr",
            },
            "requests": {
                "class": "logging.StreamHandler",
                "formatter": "kinerja",
                "stream": "ext://sys.stdout",
            },
        },
        "loggers": {
            "uvicorn": {"handlers": ["messages"], "level": "INFO", "propagate": False},
            "uvicorn.access": {"handlers": [], "level": "WARNING", "propagate": False},
            LOGGER: {"handlers": ["requests"], "level": "INFO", "propagate": False},
        },
    }
