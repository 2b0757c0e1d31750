"""The tables of schema version 1, as release 4214f32 made them; never change them.

``server.migrations`` creates these in step 1 and brings them forward in the
steps after it, so that a fresh database and an upgraded one go through the
same steps. The current tables are ``server.db``'s.
"""

from __future__ import annotations

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    Column,
    DateTime,
    Index,
    Integer,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
)

metadata = MetaData()

meta = Table(
    "meta",
    metadata,
    Column("key", String(64), primary_key=True),
    Column("value", Text, nullable=False),
)
schema_version = Table(
    "schema_version",
    metadata,
    Column("version", Integer, primary_key=True),
    Column("applied_at", DateTime(timezone=True), nullable=False),
)
sequence = Table(
    "sequence",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("value", BigInteger, nullable=False),
)
records = Table(
    "records",
    metadata,
    Column("collection", String(32), nullable=False),
    Column("id", String(64), nullable=False),
    Column("rev", Integer, nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("deleted", Boolean, nullable=False),
    Column("owner", String(32), nullable=True),
    Column("updated_by", String(32), nullable=True),
    Column("updated_at", String(40), nullable=False),
    Column("conflicts", JSON, nullable=False),
    Column("data", JSON, nullable=False),
    PrimaryKeyConstraint("collection", "id"),
)
Index("records_seq", records.c.seq, unique=True)
Index("records_owner", records.c.owner)
Index("records_collection_seq", records.c.collection, records.c.seq)
history = Table(
    "history",
    metadata,
    Column(
        "id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    ),
    Column("seq", BigInteger, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    Column("by_nip", String(32), nullable=False),
    Column("client_id", String(128), nullable=True),
    Column("mutation_id", String(64), nullable=True),
    Column("status", String(16), nullable=False),
    Column("collection", String(32), nullable=False),
    Column("record_id", String(64), nullable=False),
    Column("op", String(16), nullable=False),
    Column("rev", Integer, nullable=False),
    Column("before", JSON, nullable=True),
    Column("after", JSON, nullable=True),
)
Index("history_record", history.c.collection, history.c.record_id)
applied_mutations = Table(
    "applied_mutations",
    metadata,
    Column("mutation_id", String(64), primary_key=True),
    Column("collection", String(32), nullable=False),
    Column("record_id", String(64), nullable=False),
    Column("result", JSON, nullable=False),
)
accounts = Table(
    "accounts",
    metadata,
    Column("nip", String(32), primary_key=True),
    Column("password_hash", Text, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)
tokens = Table(
    "tokens",
    metadata,
    Column("token_hash", String(64), primary_key=True),
    Column("nip", String(32), nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
    Column("expires_at", DateTime(timezone=True), nullable=False),
    Column("revoked_at", DateTime(timezone=True), nullable=True),
)
Index("tokens_nip", tokens.c.nip)
login_failures = Table(
    "login_failures",
    metadata,
    Column(
        "id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    ),
    Column("nip", String(64), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)
Index("login_failures_nip_at", login_failures.c.nip, login_failures.c.at)
backfill = Table(
    "backfill",
    metadata,
    Column("viewer", String(32), nullable=False),
    Column("collection", String(32), nullable=False),
    Column("record_id", String(64), nullable=False),
    Column("due_seq", BigInteger, nullable=False),
    PrimaryKeyConstraint("viewer", "collection", "record_id"),
)
Index("backfill_viewer_due", backfill.c.viewer, backfill.c.due_seq)
