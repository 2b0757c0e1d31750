"""``GET /api/v1/health``: is the database reachable, and at which schema version.

For load balancers and monitoring, so it needs no token and says nothing
about the data: 200 when the database answers at this server's schema
version, 503 otherwise, with the reason in the body.
"""

from fastapi import APIRouter
from sqlalchemy import Engine
from sqlalchemy.exc import SQLAlchemyError

from server import db
from server.errors import JsonResponse


def health_routes(engine: Engine) -> APIRouter:
    router = APIRouter(default_response_class=JsonResponse)

    @router.get("/health")
    def health() -> JsonResponse:
        expected = db.SCHEMA_VERSION
        try:
            with db.reading(engine) as conn:
                version = db.installed_version(conn)
        except SQLAlchemyError:
            body = {"status": "unavailable", "database": "unreachable", "schema_expected": expected}
            return JsonResponse(body, status_code=503)
        ready = version >= expected
        body = {
            "status": "ok" if ready else "schema_behind",
            "database": "reachable",
            "schema_version": version,
            "schema_expected": expected,
        }
        return JsonResponse(body, status_code=200 if ready else 503)

    return router
