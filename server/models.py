"""The request and answer shapes of protocol.md, for validation and the OpenAPI document.

These check the envelope only. The ``data`` of each collection is checked by
``domain.validation`` per mutation, so one bad record is rejected alone and
never fails its whole batch.
"""

from __future__ import annotations

import math
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, StringConstraints

from domain.vocab import Collection

MAX_MUTATIONS = 500
MAX_LIMIT = 1000
MAX_SEQ = 2**62

# No NUL: PostgreSQL text refuses it. Lengths fit the database columns.
Nip = Annotated[str, StringConstraints(min_length=1, max_length=32, pattern=r"^[0-9 ]+$")]
Key = Annotated[str, StringConstraints(min_length=1, max_length=64, pattern=r"^[^\x00]+$")]
ClientId = Annotated[str, StringConstraints(min_length=1, max_length=128, pattern=r"^[^\x00]+$")]


class Strict(BaseModel):
    # Strict: JSON false is not a rev, "3" is not a number.
    model_config = ConfigDict(extra="forbid", strict=True)


class ErrorDetail(Strict):
    code: str
    message: str
    detail: list[dict[str, Any]] | None = Field(
        default=None, description="where a 400 body went wrong"
    )


class ErrorBody(Strict):
    error: ErrorDetail


class Hello(Strict):
    protocol: int
    epoch: str
    server_time: str


class SessionRequest(Strict):
    nip: Nip
    password: Annotated[str, StringConstraints(max_length=1024)]


class User(Strict):
    nip: str
    name: str
    roles: list[str]


class SessionAnswer(Strict):
    token: str
    expires_at: str
    user: User


class ConflictOut(Strict):
    mutation_id: str
    by: str
    at: str
    deleted: bool
    data: dict[str, Any]


class RecordOut(Strict):
    collection: Collection
    id: str
    rev: int
    seq: int
    deleted: bool
    owner: str | None
    created_by: str | None
    created_at: str
    updated_by: str | None
    updated_at: str
    conflicts: list[ConflictOut]
    data: dict[str, Any]


def _plain_json(value: Any) -> Any:
    """What JSON has but the databases cannot keep: NaN, Infinity, integers
    beyond 64 bits, NUL in text (PostgreSQL) and lone surrogates (not UTF-8)."""
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError("not a finite number")
    if isinstance(value, int) and not isinstance(value, bool) and not -(2**63) <= value < 2**63:
        raise ValueError("integer out of range")
    if isinstance(value, str):
        if "\x00" in value:
            raise ValueError("NUL in text")
        value.encode("utf-8")  # a lone surrogate (JSON "\\udabb") raises ValueError here
    if isinstance(value, dict):
        for key, item in value.items():
            _plain_json(key)
            _plain_json(item)
    if isinstance(value, list):
        for item in value:
            _plain_json(item)
    return value


PlainData = Annotated[dict[str, Any], AfterValidator(_plain_json)]


class MutationIn(Strict):
    mutation_id: Key
    collection: Collection
    id: Key
    owner: Nip | None
    op: Literal["upsert", "delete"]
    base_rev: Annotated[int, Field(ge=0, le=2**31)] | None
    data: PlainData
    resolves: list[Key] = Field(default_factory=list)


class PushRequest(Strict):
    client_id: ClientId
    epoch: Annotated[str, StringConstraints(max_length=64)]
    mutations: Annotated[list[MutationIn], Field(max_length=MAX_MUTATIONS)]


class RejectionOut(Strict):
    code: Literal["invalid", "forbidden", "immutable"]
    message: str = Field(description="for people, in Bahasa Indonesia")
    message_en: str = Field(description="the same in English")


class ResultOut(Strict):
    mutation_id: str
    status: Literal["applied", "duplicate", "conflict", "rejected"]
    rev: int | None
    seq: int | None
    error: RejectionOut | None
    current: RecordOut | None


class PushAnswer(Strict):
    epoch: str
    results: list[ResultOut]


class RecordsAnswer(Strict):
    records: list[RecordOut]


class ChangesAnswer(Strict):
    epoch: str
    changes: list[RecordOut]
    next: int
    mark: str = Field(description="opaque: send it back with since=next (docs/protocol2.md)")
    more: bool


ReportName = Literal["plans", "curve", "on_track", "training", "follow_up", "objection"]


class ReportAnswer(Strict):
    name: ReportName
    made_at: str = Field(description="the server's clock when the rows were computed (ISO UTC)")
    period_id: str
    unit_id: str | None
    rows: list[dict[str, Any]]
