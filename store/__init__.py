"""The local store: one durable, locked TinyDB database per profile folder."""

from store.core import Store, open_store
from store.errors import (
    StoreBusy,
    StoreDamaged,
    StoreError,
    StoreTooNew,
    StoreUnavailable,
    StoreWriteFailed,
)
from store.keys import new_id, record_key

__all__ = [
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
