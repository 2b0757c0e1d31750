"""The local store: one durable, locked TinyDB database per profile folder."""
