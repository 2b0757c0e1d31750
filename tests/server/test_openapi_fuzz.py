"""schemathesis against the OpenAPI document of a live server: no 500, ever.

Requests are generated from /api/v1/openapi.json for every operation, with a
valid token (so the authenticated paths are reached, not just refused).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis import checks
from schemathesis.generation import GenerationMode

from tests.support.live_server import LiveServer, make_nip


@pytest.fixture(scope="module")
def fuzzed_server(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[LiveServer, str, str]]:
    server = LiveServer.start(Path(tmp_path_factory.mktemp("fuzz")))
    token = server.account(make_nip(1), "Admin BKD", roles=["admin"])
    yield server, token, server.epoch()
    server.close()


@pytest.fixture(scope="module")
def api_schema(fuzzed_server: tuple[LiveServer, str, str]):  # type: ignore[no-untyped-def]
    server, _token, _epoch = fuzzed_server
    return schemathesis.openapi.from_url(f"{server.base_url}/openapi.json")


schema = schemathesis.pytest.from_fixture("api_schema")
ANSWER_CHECKS = [
    checks.not_a_server_error,
    checks.status_code_conformance,
    checks.content_type_conformance,
    checks.response_schema_conformance,
    checks.allow_header_conformance,
]


@schema.parametrize()
@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_request_makes_the_server_fail(case, fuzzed_server) -> None:  # type: ignore[no-untyped-def]
    server, token, epoch = fuzzed_server
    if case.path == "/api/v1/session" and case.method == "DELETE":
        # Revoking the shared token would leave the other examples unauthenticated.
        headers = {"Authorization": f"Bearer {server.token_for(make_nip(1))}"}
    else:
        headers = {"Authorization": f"Bearer {token}"}
    positive = case.meta is None or case.meta.generation.mode is GenerationMode.POSITIVE
    if positive and isinstance(case.body, dict) and "epoch" in case.body:
        # The right epoch, so that generated mutations reach the push logic (not just a 409).
        case.body["epoch"] = epoch
    response = case.call(headers=headers)
    assert response.status_code < 500, response.text
    # And every answer is one the document describes: status, content type, body, Allow.
    # (Whether the server refuses exactly what the schema refuses is not checked: the
    # domain's rules are stricter than a JSON schema can say, e.g. NIPs and uuids.)
    case.validate_response(response, checks=ANSWER_CHECKS)
