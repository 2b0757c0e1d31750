"""The server's tables: one SQLAlchemy Core schema for SQLite and PostgreSQL.

These are the tables of ``SCHEMA_VERSION``; ``server.migrations`` brings an
older database to them (and ``server.schema_v1`` keeps the first version's).
Read and written through ``server.db``, which re-exports each of them.
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
    LargeBinary,
    MetaData,
    PrimaryKeyConstraint,
    String,
    Table,
    Text,
)

SCHEMA_VERSION = 3

metadata = MetaData()

# Server-wide settings: the epoch lives here.
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

# One row: the last seq handed out. Locked by every writer until commit.
sequence = Table(
    "sequence",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("value", BigInteger, nullable=False),
)

# The current version of each record, with its conflicts (protocol envelope).
records = Table(
    "records",
    metadata,
    Column("collection", String(32), nullable=False),
    Column("id", String(64), nullable=False),
    Column("rev", Integer, nullable=False),
    Column("seq", BigInteger, nullable=False),
    Column("deleted", Boolean, nullable=False),
    Column("owner", String(32), nullable=True),
    # Null when the server's admin tools wrote it (import-employees).
    Column("updated_by", String(32), nullable=True),
    Column("updated_at", String(40), nullable=False),
    Column("conflicts", JSON, nullable=False),
    Column("data", JSON, nullable=False),
    # Set by the first applied upsert; created_by is null for the admin tools (schema 2).
    Column("created_by", String(32), nullable=True),
    Column("created_at", String(40), nullable=True),
    PrimaryKeyConstraint("collection", "id"),
)
Index("records_seq", records.c.seq, unique=True)
# (owner, seq), not owner alone (schema 3): a page of the feed takes each owner's
# records above the cursor in seq order from it, whatever the plan (server.feed).
Index("records_owner_seq", records.c.owner, records.c.seq)
Index("records_collection_seq", records.c.collection, records.c.seq)

# The audit trail: one row for every seq handed out (an applied change, a
# conflict kept, an admin tool's write). Rows of schema 2 keep what the change
# changed in ``change``; rows of schema 1 kept whole ``before`` and ``after``.
# ``stamp`` is random: a restored database hands out the same seqs with other
# stamps, which is how a client's ``mark`` notices it (server.marks).
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
    Column("change", JSON, nullable=True),
    Column("stamp", String(16), nullable=True),
)
Index("history_record", history.c.collection, history.c.record_id)
Index("history_seq", history.c.seq)

# (nip, mutation_id) -> its first result, so that a repeated push is a
# duplicate. Scoped to the sender: another user's id is never theirs.
mutation_results = Table(
    "mutation_results",
    metadata,
    Column("nip", String(32), nullable=False),
    Column("mutation_id", String(64), nullable=False),
    Column("collection", String(32), nullable=False),
    Column("record_id", String(64), nullable=False),
    Column("result", JSON, nullable=False),
    PrimaryKeyConstraint("nip", "mutation_id"),
)

accounts = Table(
    "accounts",
    metadata,
    Column("nip", String(32), primary_key=True),
    Column("password_hash", Text, nullable=False),
    Column("updated_at", DateTime(timezone=True), nullable=False),
)

# Only the SHA-256 of a token is kept: a copy of the database opens no session.
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

# Failed sign-ins, by the address they came from and the NIP tried (server.throttle).
sign_in_failures = Table(
    "sign_in_failures",
    metadata,
    Column(
        "id", BigInteger().with_variant(Integer, "sqlite"), primary_key=True, autoincrement=True
    ),
    Column("address", String(64), nullable=False),
    Column("nip", String(64), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
)
Index("sign_in_failures_address_at", sign_in_failures.c.address, sign_in_failures.c.at)
Index("sign_in_failures_nip_at", sign_in_failures.c.nip, sign_in_failures.c.at)

# Records that became readable to a viewer when the organisation changed
# (a new subordinate, a new role). due_seq is the seq of the change that
# widened the view: every pull of that viewer whose range crosses due_seq
# carries these records, so a lost answer or a second device loses nothing.
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

# Acting assignments whose start has been handed to the feed: the day an
# assignment starts, its official's view widens with no write to mark it, so
# the first request that day writes one (server.acting).
acting_started = Table(
    "acting_started",
    metadata,
    Column("acting_id", String(64), nullable=False),
    Column("nip", String(32), nullable=False),
    Column("for_nip", String(32), nullable=False),
    Column("start", String(10), nullable=False),
    Column("seq", BigInteger, nullable=False),
    PrimaryKeyConstraint("acting_id", "nip", "for_nip", "start"),
)

# Evidence files, once per hash, in the database so that a backup carries them.
blobs = Table(
    "blobs",
    metadata,
    Column("sha256", String(64), primary_key=True),
    Column("size", BigInteger, nullable=False),
    Column("type", String(255), nullable=False),
    Column("bytes", LargeBinary, nullable=False),
    Column("created_at", DateTime(timezone=True), nullable=False),
)
# Who sent each blob (they may read it back before any record names it).
blob_uploads = Table(
    "blob_uploads",
    metadata,
    Column("sha256", String(64), nullable=False),
    Column("nip", String(32), nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("sha256", "nip"),
)
Index("blob_uploads_nip_at", blob_uploads.c.nip, blob_uploads.c.at)
# The parts of uploads not yet complete, per sender.
blob_parts = Table(
    "blob_parts",
    metadata,
    Column("nip", String(32), nullable=False),
    Column("sha256", String(64), nullable=False),
    Column("offset", BigInteger, nullable=False),
    Column("total", BigInteger, nullable=False),
    Column("type", String(255), nullable=False),
    Column("bytes", LargeBinary, nullable=False),
    Column("at", DateTime(timezone=True), nullable=False),
    PrimaryKeyConstraint("nip", "sha256", "offset"),
)
# Which records (current data or a kept conflict) name which blob: the read rule.
blob_refs = Table(
    "blob_refs",
    metadata,
    Column("sha256", String(64), nullable=False),
    Column("collection", String(32), nullable=False),
    Column("record_id", String(64), nullable=False),
    PrimaryKeyConstraint("sha256", "collection", "record_id"),
)
Index("blob_refs_record", blob_refs.c.collection, blob_refs.c.record_id)
