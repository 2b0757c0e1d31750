"""Every error answer in one shape: ``{"error": {"code", "message"}}`` (protocol.md).

FastAPI's 422 for a body of the wrong shape becomes 400, and a body that is
not JSON too. Messages are in Bahasa Indonesia unless the server was started
in English (``domain.i18n.language``).
"""

from __future__ import annotations

from typing import Any

import orjson
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException
from starlette.responses import JSONResponse, Response

from server.db import json_text
from server.messages import _, text


class JsonResponse(JSONResponse):
    """orjson: the change feed answers with up to a thousand records at once."""

    def render(self, content: Any) -> bytes:
        return json_text(content).encode()


class ApiError(Exception):
    def __init__(
        self, status: int, code: str, msgid: str, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(msgid)
        self.status = status
        self.code = code
        self.msgid = msgid
        self.headers = headers


def error_response(
    status: int, code: str, msgid: str, headers: dict[str, str] | None = None
) -> JsonResponse:
    return JsonResponse(
        {"error": {"code": code, "message": text(msgid)}}, status_code=status, headers=headers
    )


STATUS_TEXTS = {
    400: ("bad_request", _("The request is not of the expected shape.")),
    401: ("unauthorized", _("Sign in first: the token is missing, expired or revoked.")),
    404: ("not_found", _("There is no such address in this API.")),
    405: ("method_not_allowed", _("This address does not take that method.")),
    413: ("too_large", _("The request is too large.")),
}


def _validation_message(exc: RequestValidationError) -> str:
    errors = exc.errors()
    if any(error.get("type") == "json_invalid" for error in errors):
        return _("The body is not valid JSON.")
    if any(
        error.get("type") == "too_long" and "mutations" in error.get("loc", ()) for error in errors
    ):
        return _("A push carries at most 500 mutations; send the rest in another batch.")
    return _("The request is not of the expected shape.")


def install(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError) -> Response:
        return error_response(exc.status, exc.code, exc.msgid, exc.headers)

    @app.exception_handler(RequestValidationError)
    async def _invalid(_request: Request, exc: RequestValidationError) -> Response:
        response = error_response(400, "bad_request", _validation_message(exc))
        detail = [{"loc": list(e.get("loc", ())), "type": e.get("type")} for e in exc.errors()]
        body = orjson.loads(response.body)
        body["error"]["detail"] = detail
        return JsonResponse(body, status_code=400)

    @app.exception_handler(HTTPException)
    async def _http(request: Request, exc: HTTPException) -> Response:
        code, msgid = STATUS_TEXTS.get(exc.status_code, ("error", _("The request failed.")))
        headers = dict(getattr(exc, "headers", None) or {})
        if exc.status_code == 405:
            # Starlette names the methods of the first route on the path; there may be more.
            methods = {
                m
                for r in app.routes
                if getattr(r, "path", None) == request.url.path
                for m in getattr(r, "methods", ())
            }
            headers["Allow"] = ", ".join(sorted(methods))
        return error_response(exc.status_code, code, msgid, headers)

    @app.exception_handler(Exception)
    async def _crash(_request: Request, _exc: Exception) -> Response:
        return error_response(500, "internal", _("The server failed; try again later."))
