"""The local store: one durable, locked TinyDB database per profile folder."""

from store.blobs import BlobInfo
from store.core import Store, open_store
from store.errors import (
    BlobsFull,
    BlobTooBig,
    BlobUnreadable,
    StoreBusy,
    StoreDamaged,
    StoreError,
    StoreTooNew,
    StoreUnavailable,
    StoreWriteFailed,
)
from store.keys import new_id, record_key

__all__ = [
    "BlobInfo",
    "BlobsFull",
    "BlobTooBig",
    "BlobUnreadable",
    "Store",
    "StoreBusy",
    "StoreDamaged",
    "StoreError",
    "StoreTooNew",
    "StoreUnavailable",
    "StoreWriteFailed",
    "new_id",
    "open_store",
    "record_key",
]
