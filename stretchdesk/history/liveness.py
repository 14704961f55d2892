"""Which process owns a running session: each store holds a lock file while it lives.

A session row names its owner's token. At the next start, a running session whose owner's
lock can be taken belongs to a process that is gone (killed, crashed) and is interrupted;
one whose lock is held belongs to a live second instance and is left alone.
"""

from __future__ import annotations

import contextlib
import os
import sys
import uuid
from pathlib import Path
from typing import IO

if sys.platform == "win32":
    import msvcrt
else:
    import fcntl


def _try_lock(handle: IO[bytes]) -> bool:
    if sys.platform == "win32":
        try:
            msvcrt.locking(handle.fileno(), msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return False
    return True


class OwnerLock:
    """A lock held for the life of this process's history store."""

    def __init__(self, folder: Path) -> None:
        self.token = uuid.uuid4().hex
        self.folder = folder
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        self.path = folder / f"{self.token}.lock"
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o600)
        self._handle: IO[bytes] | None = os.fdopen(fd, "r+b")
        if not _try_lock(self._handle):  # pragma: no cover - a fresh random name
            raise OSError("could not lock a new owner file")

    def release(self) -> None:
        if self._handle is not None:
            with contextlib.suppress(OSError):
                self.path.unlink()
            self._handle.close()
            self._handle = None


def owner_alive(folder: Path, token: str) -> bool:
    """True while the process that holds ``token``'s lock is alive."""
    if not token.isalnum():
        return False
    path = folder / f"{token}.lock"
    try:
        handle = path.open("r+b")
    except FileNotFoundError:
        return False
    except OSError:
        return True  # cannot tell: assume alive, never mark a live session interrupted
    with handle:
        if not _try_lock(handle):
            return True
        with contextlib.suppress(OSError):
            path.unlink()
        return False
