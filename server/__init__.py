"""The central HTTP endpoint: accounts, permissions, audit trail and change feed."""
