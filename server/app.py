"""The HTTP API of protocol.md, under /api/v1, with its OpenAPI document.

``create_app(db_url)`` builds the FastAPI application over a database that
``server.db.init`` prepared. Handlers are plain functions (run in the
threadpool), each in one short transaction; pushes hold the one writer slot.
The evidence files' routes are ``server.blob_routes``; what every answer
carries, ``server.answers``.
No ``from __future__ import annotations`` here: FastAPI reads the handlers'
annotations at runtime, and they name dependencies local to ``_routes``.
"""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Annotated, Any

import anyio.to_thread
from fastapi import APIRouter, Depends, FastAPI, Query, Request
from sqlalchemy import Connection, Engine
from starlette.responses import Response

from domain.permissions import Actor
from domain.vocab import Collection
from server import accounts, answers, db, feed, marks, on_demand, recordstore, reports, throttle
from server.blob_routes import blob_routes
from server.config import server_home
from server.context import Caller, Server, bearer_token
from server.epoch import HighWaterMark, mark_path, settle_epoch
from server.errors import ApiError, JsonResponse, install
from server.health import health_routes
from server.limits import BodyLimit
from server.messages import _
from server.models import (
    MAX_LIMIT,
    MAX_SEQ,
    ChangesAnswer,
    ErrorBody,
    Hello,
    PushAnswer,
    PushRequest,
    RecordsAnswer,
    ReportAnswer,
    ReportName,
    SessionAnswer,
    SessionRequest,
)
from server.push import Batch, screen
from server.requestlog import RequestLog

PROTOCOL = 2
# SQLite has one writer at a time; PostgreSQL also serves reads beside the push
# that holds the sequence. Pushes that wait for the sequence cost nothing, but
# each thread doing Python work keeps the GIL from the push that holds it: on
# 2 cores, 8 threads gave p95 585 ms against 816-834 ms with 16, at the same
# throughput (bench/server_bench.py --db postgresql, runs alternated).
HANDLER_THREADS = {"sqlite": 8, "postgresql": 8}
API = "/api/v1"
_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": ErrorBody} for status in (400, 401, 413)
}


def _iso(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat()


def create_app(
    db_url: str,
    *,
    token_days: float = accounts.DEFAULT_TOKEN_DAYS,
    home: Path | None = None,
    engine: Engine | None = None,
    handler_threads: int | None = None,
    settle: bool = True,
) -> FastAPI:
    """The application; rotates the epoch first if the database was restored (server.epoch),
    unless ``settle`` is false (a worker of ``serve --workers``: settled before it started)."""
    owns_engine = engine is None
    engine = engine or db.make_engine(db_url)
    db.check_schema(engine)
    mark = HighWaterMark(mark_path(db_url, home or server_home()))
    if settle:
        settle_epoch(engine, mark)
    server = Server(engine, timedelta(days=token_days), mark)
    with db.reading(engine) as conn:
        server.orgs.get(conn)  # before the first request: none waits for the organisation

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        # Handlers run in anyio's threads. More of them than the database can
        # serve at once only fight over the GIL (the lock holder gets it last)
        # and stretch the slowest answers; a short thread pool queues the rest
        # in order. Measured with bench/server_bench.py on 2 cores.
        limiter = anyio.to_thread.current_default_thread_limiter()
        limiter.total_tokens = handler_threads or HANDLER_THREADS[engine.dialect.name]
        yield
        if owns_engine:
            # Close the database files: a stopped server may have its database replaced.
            engine.dispose()

    app = FastAPI(
        lifespan=lifespan,
        title="Kinerja",
        version=str(PROTOCOL),
        description="The sync contract of Kinerja (protocol.md).",
        openapi_url=f"{API}/openapi.json",
        docs_url=f"{API}/docs",
        redoc_url=None,
    )
    install(app)
    app.add_middleware(BodyLimit)
    answers.install(app)
    _document_400_not_422(app)
    app.include_router(_routes(server))
    app.include_router(blob_routes(server), prefix=API)
    app.include_router(health_routes(engine), prefix=API)
    app.add_middleware(RequestLog)  # added last: outermost, it sees every answer
    app.state.server = server
    return app


def _document_400_not_422(app: FastAPI) -> None:
    """The OpenAPI document says what the API answers: 400 (server.errors), never 422."""
    original = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = original()
            for operations in schema["paths"].values():
                for operation in operations.values():
                    operation.get("responses", {}).pop("422", None)
            for name in ("HTTPValidationError", "ValidationError"):
                schema.get("components", {}).get("schemas", {}).pop(name, None)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _routes(server: Server) -> APIRouter:
    router = APIRouter(prefix=API, default_response_class=JsonResponse)

    @router.get("/hello", response_model=Hello)
    async def hello() -> JsonResponse:
        # Half of an idle round's requests: answered on the event loop from the
        # epoch read at most a second ago, without a thread or the database.
        epoch = server.recent_epoch()
        if epoch is None:
            epoch = await anyio.to_thread.run_sync(server.read_epoch)
        return JsonResponse({"protocol": PROTOCOL, "epoch": epoch, "server_time": _iso(db.now())})

    @router.post(
        "/session",
        response_model=SessionAnswer,
        responses={**_ERRORS, 429: {"model": ErrorBody}},
    )
    def login(body: SessionRequest, request: Request) -> JsonResponse:
        nip = body.nip.replace(" ", "")
        address = request.client.host if request.client else ""
        moment = db.now()
        with db.writing(server.engine) as conn:
            throttle.serialise(conn)
            try:
                throttle.check(conn, address, nip, moment)
            except throttle.Throttled as throttled:
                raise ApiError(
                    429,
                    "throttled",
                    _("Too many failed sign-ins. Wait a while and try again."),
                    {"Retry-After": str(throttled.retry_after)},
                ) from None
            # Counted before it is judged: parallel guesses cannot slip past the brake.
            throttle.record_failure(conn, address, nip, moment)
            stored = accounts.password_hash_of(conn, nip)
            org = server.orgs.get(conn)
        if not (accounts.password_matches(stored, body.password) and org.is_active(nip)):
            raise ApiError(401, "bad_credentials", _("The NIP or the password is wrong."))
        with db.writing(server.engine) as conn:
            throttle.record_success(conn, address, nip)
            session = accounts.open_session(conn, nip, server.token_lifetime, moment)
        user = {"nip": nip, "name": org.name_of(nip), "roles": sorted(org.roles_of(nip))}
        return JsonResponse(
            {"token": session.token, "expires_at": _iso(session.expires_at), "user": user}
        )

    @router.delete("/session", status_code=204, responses=_ERRORS)
    def logout(token: Annotated[str, Depends(bearer_token)]) -> Response:
        with db.writing(server.engine) as conn:
            server.nip_of(conn, token)
            accounts.revoke(conn, token, db.now())
        return Response(status_code=204)

    @router.post(
        "/push", response_model=PushAnswer, responses={**_ERRORS, 409: {"model": ErrorBody}}
    )
    def push(body: PushRequest, token: Annotated[str, Depends(bearer_token)]) -> JsonResponse:
        mutations = [mutation.model_dump() for mutation in body.mutations]
        verdicts = screen(mutations)  # before the writer's lock: it needs no data
        with db.writing(server.engine) as conn:
            caller = server.caller(conn, token)
            nip, epoch = caller.nip, caller.epoch
            if body.epoch != epoch:
                raise _epoch_mismatch()
            batch = Batch(conn, nip, body.client_id, server.orgs)
            results = batch.decide_all(mutations, verdicts)
            # Before commit: the mark may run ahead of the database, never behind it.
            server.mark.note(epoch, batch.last_seq)
            batch.write(commit=True)
        return JsonResponse({"epoch": epoch, "results": results})

    @router.get(
        "/changes",
        response_model=ChangesAnswer,
        responses={**_ERRORS, 409: {"model": ErrorBody}},
    )
    def changes(
        token: Annotated[str, Depends(bearer_token)],
        since: Annotated[int, Query(ge=0, le=MAX_SEQ)] = 0,
        mark: Annotated[str, Query(max_length=40)] = "",
        limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 500,
    ) -> JsonResponse:
        # An idle round: one statement, no transaction. A round with something to
        # pull asks the same facts again inside its snapshot: one query more for
        # it, three round trips fewer for the many that have nothing.
        with db.one_statement(server.engine) as conn:
            idle = server.up_to_date(conn, token, since, mark)
        if idle is not None:
            page = {"changes": [], "next": since, "more": False, "mark": mark}
            return JsonResponse({"epoch": idle.epoch, **page})
        with db.reading(server.engine) as conn:
            caller = server.caller(conn, token)
            if not server.acting_starts.due(caller.org):
                return _page(conn, caller, since, mark, limit)
        # An acting assignment starts today: hand it to the feed, then read anew.
        server.acting_starts.start_due(server.engine, server.orgs, server.mark)
        with db.reading(server.engine) as conn:
            return _page(conn, server.caller(conn, token), since, mark, limit)

    @router.get("/records", response_model=RecordsAnswer, responses=_ERRORS)
    def records(
        token: Annotated[str, Depends(bearer_token)],
        owner: Annotated[str, Query(pattern=r"^[0-9]{18}$")],
        collection: Annotated[Collection | None, Query()] = None,
    ) -> JsonResponse:
        with db.reading(server.engine) as conn:
            caller = server.caller(conn, token)
            nip, org = caller.nip, caller.org
            actor = Actor(nip=nip, roles=org.roles_of(nip))
            found = on_demand.records_of(conn, actor, owner, collection, org.on(db.now()))
        return JsonResponse({"records": found})

    @router.get(
        "/reports/{name}",
        response_model=ReportAnswer,
        responses={**_ERRORS, 403: {"model": ErrorBody}, 404: {"model": ErrorBody}},
    )
    def report(
        token: Annotated[str, Depends(bearer_token)],
        name: ReportName,
        period_id: Annotated[str, Query(min_length=1, max_length=64)],
        unit_id: Annotated[str | None, Query(min_length=1, max_length=64)] = None,
    ) -> JsonResponse:
        with db.reading(server.engine) as conn:
            nip = server.nip_of(conn, token)
            org = server.orgs.get(conn)
            actor = Actor(nip=nip, roles=org.roles_of(nip))
            moment = db.now()
            day = org.on(moment)
            period = recordstore.get(conn, "period", period_id)
            if period is None or period["deleted"]:
                raise ApiError(404, "not_found", _("There is no such period. Sync and choose one."))
            try:
                scope = reports.reach(actor, day, reports.units_of(conn), unit_id)
            except reports.UnknownUnit:
                raise ApiError(
                    404, "not_found", _("There is no such unit. Sync and choose one.")
                ) from None
            except reports.Forbidden:
                raise ApiError(
                    403,
                    "forbidden",
                    _("This report is for the admin, the unit's head and a PPK's own team."),
                ) from None
            rows = reports.rows(conn, name, period, scope, day.day)
        answer = {"name": name, "made_at": _iso(moment), "period_id": period_id}
        return JsonResponse(answer | {"unit_id": unit_id, "rows": rows})

    return router


def _page(conn: Connection, caller: Caller, since: int, mark: str, limit: int) -> JsonResponse:
    # A client up to date sends back the newest mark: it needs no query of its own.
    newest = since == caller.top and mark == caller.top_mark
    if since > 0 and mark and not newest and not _holds(conn, since, mark):
        raise _history_lost()
    page = feed.pull(conn, caller.nip, since, limit, caller.org, caller.top)
    ends = page["next"]
    page["mark"] = caller.top_mark if ends == caller.top else marks.mark_of(conn, ends)
    return JsonResponse({"epoch": caller.epoch, **page})


def _holds(conn: Connection, since: int, mark: str) -> bool:
    try:
        return marks.holds(conn, since, mark)
    except marks.MalformedMark:
        raise ApiError(
            400, "bad_request", _("The mark is not one this server handed out.")
        ) from None


def _history_lost() -> ApiError:
    return ApiError(
        409,
        "history",
        _(
            "The server no longer holds the change your copy was synced to: its data was restored from a backup. Pull everything again from the start, then push."
        ),
    )


def _epoch_mismatch() -> ApiError:
    return ApiError(
        409,
        "epoch",
        _(
            "The server's data was restored or reset. Pull everything again from the start, then push."
        ),
    )
