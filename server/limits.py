"""Refuse bodies over ``MAX_BODY`` before anything reads them (protocol.md: 413)."""

from __future__ import annotations

from typing import Any

import orjson
from starlette.exceptions import HTTPException

from server.messages import text

MAX_BODY = 5 * 1024 * 1024
TOO_LARGE = "The request is too large."


class BodyLimit:
    """Pure ASGI: a declared length is refused at once, a chunked body as it grows."""

    def __init__(self, app: Any, limit: int = MAX_BODY) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        for name, value in scope.get("headers", ()):
            if name == b"content-length" and value.isdigit() and int(value) > self.limit:
                await self._refuse(send)
                return
        received = 0

        async def counted() -> Any:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > self.limit:
                    raise _TooLarge()
            return message

        await self.app(scope, counted, send)

    @staticmethod
    async def _refuse(send: Any) -> None:
        body = orjson.dumps({"error": {"code": "too_large", "message": text(TOO_LARGE)}})
        headers = [
            (b"content-type", b"application/json"),
            (b"content-length", str(len(body)).encode()),
        ]
        await send({"type": "http.response.start", "status": 413, "headers": headers})
        await send({"type": "http.response.body", "body": body})


class _TooLarge(HTTPException):
    """Raised while FastAPI reads the body; it passes HTTPException through as is."""

    def __init__(self) -> None:
        super().__init__(413)
