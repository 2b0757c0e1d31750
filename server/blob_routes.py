"""PUT, HEAD and GET /blobs/<sha256>: the HTTP side of server.blobs (docs/protocol2.md).

No ``from __future__ import annotations``: FastAPI reads these annotations.
The body is read whole (at most 10 MB, ``server.limits``), then the
database work runs in a worker thread like any other handler's.
"""

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Header, Request
from sqlalchemy import Connection
from starlette.concurrency import run_in_threadpool
from starlette.responses import Response

from domain.permissions import Actor
from server import blobs, db
from server.context import Server, bearer_token
from server.errors import ApiError
from server.messages import _
from server.models import ErrorBody

_MESSAGES = {
    "hash": _("The bytes do not hash to the SHA-256 in the address; send the file again."),
    "range": _("The Content-Range does not fit the part sent; send it again."),
    "offset": _("The part does not start where the upload stands; resume from Upload-Offset."),
    "too_large": _("A file of evidence may be at most 10 MB."),
    "quota": _("You sent too many files today; try again tomorrow or ask the admin."),
    "parts": _("An upload may come in at most 1000 parts; send the rest in bigger parts."),
    "not_found": _("There is no such file for you."),
}
_ANSWERS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody} for status in (400, 401, 404, 409, 413)
}


def _refusal(refused: blobs.BlobRefused) -> ApiError:
    headers = None if refused.offset is None else {"Upload-Offset": str(refused.offset)}
    return ApiError(refused.status, refused.code, _MESSAGES[refused.code], headers)


def _not_found(offset: int = 0) -> ApiError:
    return ApiError(404, "not_found", _MESSAGES["not_found"], {"Upload-Offset": str(offset)})


def _sha(sha256: str) -> str:
    if not blobs.SHA256.fullmatch(sha256):
        raise ApiError(
            400, "hash", _("The address must end in the file's SHA-256, in lowercase hex.")
        )
    return sha256


def blob_routes(server: Server) -> APIRouter:
    router = APIRouter()

    def _reader(conn: Connection, nip: str, sha: str) -> bool:
        """Whether the caller may have this blob back (sent it, or reads a record naming it)."""
        org = server.orgs.get(conn)
        actor = Actor(nip=nip, roles=org.roles_of(nip))
        return blobs.may_read(conn, actor, sha, org, db.now())

    def _put(token: str, sha: str, body: bytes, kind: str, content_range: str | None) -> Response:
        moment = db.now()
        part = None if content_range is None else blobs.Part.parse(content_range)
        with db.writing(server.engine) as conn:
            nip = server.nip_of(conn, token)
            known = _reader(conn, nip, sha)
            if part is None:
                status, held = (
                    blobs.store_whole(conn, nip, sha, body, kind, moment, known),
                    len(body),
                )
            else:
                status, held = blobs.store_part(conn, nip, sha, part, body, kind, moment, known)
        if server.sweeper.due():
            with db.writing(server.engine) as conn:
                server.sweeper.sweep(conn, moment)
        return Response(status_code=status, headers={"Upload-Offset": str(held)})

    @router.put(
        "/blobs/{sha256}",
        status_code=201,
        response_class=Response,
        responses={
            200: {"description": "the caller already had this file"},
            201: {"description": "stored"},
            202: {"description": "a part stored; the upload is not complete"},
            **_ANSWERS,
        },
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {
                    "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}
                },
            }
        },
    )
    async def put_blob(
        sha256: str,
        request: Request,
        token: Annotated[str, Depends(bearer_token)],
        content_range: Annotated[str | None, Header()] = None,
        content_type: Annotated[str | None, Header()] = None,
    ) -> Response:
        sha = _sha(sha256)
        body = await request.body()
        try:
            return await run_in_threadpool(
                _put, token, sha, body, blobs.media_type(content_type), content_range
            )
        except blobs.BlobRefused as refused:
            raise _refusal(refused) from None

    def _head(token: str, sha: str) -> Response:
        with db.reading(server.engine) as conn:
            nip = server.nip_of(conn, token)
            if blobs.exists_whole(conn, sha) and _reader(conn, nip, sha):
                size = blobs.size_of(conn, sha) or 0
                return Response(status_code=200, headers={"Upload-Offset": str(size)})
            raise _not_found(blobs.held_offset(conn, nip, sha))

    @router.head(
        "/blobs/{sha256}",
        response_class=Response,
        responses={200: {"description": "complete, and yours to read"}, **_ANSWERS},
    )
    async def head_blob(sha256: str, token: Annotated[str, Depends(bearer_token)]) -> Response:
        return await run_in_threadpool(_head, token, _sha(sha256))

    def _get(token: str, sha: str) -> Response:
        with db.reading(server.engine) as conn:
            nip = server.nip_of(conn, token)
            body = blobs.read(conn, sha) if _reader(conn, nip, sha) else None
        if body is None:
            raise _not_found()
        return Response(
            body,
            media_type="application/octet-stream",
            headers={"Content-Disposition": f'attachment; filename="{sha}"'},
        )

    @router.get(
        "/blobs/{sha256}",
        response_class=Response,
        responses={
            200: {
                "content": {
                    "application/octet-stream": {"schema": {"type": "string", "format": "binary"}}
                }
            },
            **_ANSWERS,
        },
    )
    async def get_blob(sha256: str, token: Annotated[str, Depends(bearer_token)]) -> Response:
        return await run_in_threadpool(_get, token, _sha(sha256))

    return router
