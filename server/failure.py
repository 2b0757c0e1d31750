"""What a ``kinerja-server`` command raises for a person's mistake."""


class Failure(Exception):
    """A one-line reason for a person; the command exits with status 1."""
