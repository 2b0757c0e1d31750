"""The records and the rules of Kinerja: pure code, no storage and no network."""
