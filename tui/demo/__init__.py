"""Sample data of one Sofifi office for ``kinerja demo`` (all people fictional)."""
