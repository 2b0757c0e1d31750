"""The profile's inter-process lock, held around every read-modify-write.

On POSIX this is ``fcntl.flock`` on ``store.lock``: the kernel drops the lock
when its holder dies (even by SIGKILL or power loss), so a crash never leaves
a stale lock behind, and taking it costs a few microseconds with no import
cost. Where ``fcntl`` is missing (Windows) the ``filelock`` package, which
wraps the native lock of each platform, does the same job.
"""

from __future__ import annotations

import os
import time
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None  # type: ignore[assignment]

from store.errors import StoreBusy

# Other holders keep the lock for one commit (milliseconds) or one compaction
# (a fraction of a second), so waiting this long means something is stuck.
DEFAULT_TIMEOUT_S = 30.0


def timeout_from_env() -> float:
    """KINERJA_LOCK_TIMEOUT (seconds) for scripts that would rather fail fast than wait."""
    try:
        seconds = float(os.environ.get("KINERJA_LOCK_TIMEOUT", DEFAULT_TIMEOUT_S))
    except ValueError:
        return DEFAULT_TIMEOUT_S
    return seconds if seconds > 0 else DEFAULT_TIMEOUT_S


class ProfileLock:
    """An exclusive lock on one file; not re-entrant (the Store counts nesting)."""

    def __init__(self, path: Path, timeout: float | None = None) -> None:
        self._path = path
        self._timeout = timeout_from_env() if timeout is None else timeout
        self._fd: int | None = None
        self._portable: object | None = None

    def acquire(self) -> None:
        if fcntl is None:  # pragma: no cover - Windows
            self._acquire_portable()
            return
        fd = os.open(self._path, os.O_RDWR | os.O_CREAT, 0o600)
        deadline = time.monotonic() + self._timeout
        pause = 0.0005
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    os.close(fd)
                    raise StoreBusy(self._path, self._timeout) from None
                time.sleep(pause)
                pause = min(pause * 2, 0.01)
                continue
            except BaseException:
                os.close(fd)
                raise
            self._fd = fd
            return

    def release(self) -> None:
        if self._fd is not None:
            # Closing the descriptor releases the flock.
            os.close(self._fd)
            self._fd = None
        elif self._portable is not None:  # pragma: no cover - Windows
            self._portable.release()  # type: ignore[attr-defined]

    def _acquire_portable(self) -> None:  # pragma: no cover - Windows
        import filelock

        lock = filelock.FileLock(str(self._path), timeout=self._timeout)
        try:
            lock.acquire()
        except filelock.Timeout:
            raise StoreBusy(self._path, self._timeout) from None
        self._portable = lock
