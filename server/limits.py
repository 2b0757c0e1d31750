"""Refuse bodies over their limit before anything reads them (protocol.md: 413).

JSON bodies may have ``MAX_BODY``; a file of evidence (``PUT .../blobs/``) the
10 MB of ``domain.schema.BLOB_MAX_BYTES``.
"""

from __future__ import annotations

from typing import Any

import orjson
from starlette.exceptions import HTTPException

from domain.schema import BLOB_MAX_BYTES
from server.messages import text

MAX_BODY = 5 * 1024 * 1024
BLOB_PATH = "/blobs/"
TOO_LARGE = "The request is too large."


class BodyLimit:
    """Pure ASGI: a declared length is refused at once, a chunked body as it grows."""

    def __init__(self, app: Any, limit: int = MAX_BODY, blob_limit: int = BLOB_MAX_BYTES) -> None:
        self.app = app
        self.limit = limit
        self.blob_limit = blob_limit

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.blob_limit if BLOB_PATH in scope.get("path", "") else self.limit
        for name, value in scope.get("headers", ()):
            if name == b"content-length" and value.isdigit() and int(value) > limit:
                await self._refuse(send)
                return
        received = 0

        async def counted() -> Any:
            nonlocal received
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
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
