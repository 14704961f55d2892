"""The pending file: a session's writes that the history could not take yet (a full disk),
kept on disk beside it, ``<history>.pending-<owner>``, so that a pain-stop reaches the
history at the next start even if this app is closed, logged out or killed before space
returns.

A full disk is exactly when a new file cannot grow, so the file is made, 0600, and given
its room (``RESERVE`` bytes) when a session starts, while there is space; later writes
overwrite that room from the start and need no new space. The writes are JSON lines ended
by a NUL byte (what follows it is old). Writing it may still fail (no room was ever given,
or more is pending than fits): the writes stay in memory and are tried again, and nothing
is lost that memory still holds. The file is removed once nothing is pending.
"""

from __future__ import annotations

import contextlib
import json
import os
import stat
from pathlib import Path
from typing import Any

RESERVE = 64 * 1024
SUFFIX = ".pending-"


def pending_path(history: Path, owner: str) -> Path:
    return history.with_name(f"{history.name}{SUFFIX}{owner}")


def pending_files(history: Path) -> list[tuple[str, Path]]:
    """Every pending file beside the history: (owner token, path)."""
    prefix = history.name + SUFFIX
    try:
        found = [p for p in history.parent.iterdir() if p.name.startswith(prefix)]
    except OSError:
        return []
    return sorted((p.name[len(prefix) :], p) for p in found if p.name[len(prefix) :].isalnum())


class PendingFile:
    def __init__(self, path: Path) -> None:
        self.path = path
        self._fd: int | None = None
        self._written = False  # something other than "nothing" is in it

    def reserve(self) -> bool:
        """Make the file with its room; False when it cannot be made."""
        if self._fd is not None:
            return True
        try:
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | os.O_CLOEXEC, 0o600)
        except OSError:
            return False
        self._fd = fd
        with contextlib.suppress(OSError):  # (zeros: read as nothing pending)
            os.posix_fallocate(fd, 0, RESERVE)
        return True

    def save(self, records: list[dict[str, Any]]) -> bool:
        """Write these records over what was there, durably; False if it could not."""
        if not records and not self._written:
            return True
        if not self.reserve():
            return False
        assert self._fd is not None
        text = "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)
        try:
            os.pwrite(self._fd, text.encode("utf-8") + b"\0", 0)
            os.fsync(self._fd)
        except OSError:
            return False
        self._written = bool(records)
        return True

    def close(self) -> None:
        """Let the file go; it is removed unless writes are still in it."""
        if self._fd is not None:
            with contextlib.suppress(OSError):
                os.close(self._fd)
            self._fd = None
        if not self._written:
            with contextlib.suppress(OSError):
                self.path.unlink()


def read_pending(path: Path) -> list[dict[str, Any]]:
    """The records of a pending file, in order; a line that cannot be read is left out, and
    anything but a regular file (a pipe would never answer) is nothing."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except OSError:
        return []
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return []
        data = os.read(fd, RESERVE * 16)
    except OSError:
        return []
    finally:
        os.close(fd)
    records = []
    for line in data.split(b"\0", 1)[0].splitlines():
        try:
            record = json.loads(line)
        except ValueError:
            continue
        if isinstance(record, dict):
            records.append(record)
    return records
