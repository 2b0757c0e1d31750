"""The client side of the sync contract (../shared/docs/protocol.md)."""
