"""The profile lock: exclusive between processes, and a stuck holder is reported."""

from __future__ import annotations

import fcntl
import os
from pathlib import Path

import pytest

from store import StoreBusy
from store.lock import ProfileLock


def test_a_lock_held_elsewhere_too_long_raises_store_busy(tmp_path: Path) -> None:
    path = tmp_path / "store.lock"
    holder = os.open(path, os.O_RDWR | os.O_CREAT)
    fcntl.flock(holder, fcntl.LOCK_EX)  # another open file: another process, for flock
    try:
        with pytest.raises(StoreBusy) as caught:
            ProfileLock(path, timeout=0.05).acquire()
    finally:
        os.close(holder)
    assert str(path) in caught.value.message("en")
    assert "Tutup sesi Kinerja lain" in caught.value.message("id")
    lock = ProfileLock(path, timeout=0.05)
    lock.acquire()  # free again once the holder is gone
    lock.release()
