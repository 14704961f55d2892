"""What can go wrong with the history file, as typed errors and notices the window can show."""

from __future__ import annotations

import errno
import shutil
import sqlite3
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from stretchdesk.i18n import _


class HistoryError(Exception):
    """The history cannot be used as asked; ``str(error)`` is one sentence for the user."""


class HistoryTooNew(HistoryError):
    """The file was written by a newer stretchdesk; it is left exactly as it is."""


class HistoryUnwritable(HistoryError):
    """The folder or file cannot be written (read-only, no permission)."""


class HistoryWriteFailed(HistoryError):
    """A write did not reach the disk (disk full, I/O error). ``disk_full`` tells which;
    ``refused``: the file's own rules refused it (trying again would not help)."""

    def __init__(self, message: str, *, disk_full: bool = False, refused: bool = False) -> None:
        super().__init__(message)
        self.disk_full = disk_full
        self.refused = refused


class NoticeKind(StrEnum):
    CORRUPT_KEPT_ASIDE = "corrupt_kept_aside"
    MIGRATED = "migrated"
    INTERRUPTED_FOUND = "interrupted_found"


@dataclass(frozen=True)
class HistoryNotice:
    """Something the user should hear about, though the history works."""

    kind: NoticeKind
    message: str
    path: Path | None = None


_UNWRITABLE = (sqlite3.SQLITE_READONLY, sqlite3.SQLITE_CANTOPEN, sqlite3.SQLITE_PERM)
_BUSY = (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED)


def error_code(exc: sqlite3.Error) -> int:
    """SQLite's primary result code of an error (0 if it carries none)."""
    return int(getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF


def classify(exc: sqlite3.Error, path: Path) -> HistoryError:
    """Turn an sqlite3 error from a write into the project's typed error, by SQLite's
    result code (never by the words of its message)."""
    code = error_code(exc)
    if code == sqlite3.SQLITE_FULL or (code == sqlite3.SQLITE_IOERR and _nearly_full(path.parent)):
        return _disk_full(path)
    if code in _UNWRITABLE:
        return _unwritable(path)
    if code in _BUSY:
        return HistoryWriteFailed(
            _(
                "The history file is busy in another program; what waits is kept and saved "
                "when it is free."
            )
        )
    failed = _failed(exc)
    failed.refused = code == sqlite3.SQLITE_CONSTRAINT
    return failed


def classify_os(exc: OSError, path: Path) -> HistoryError:
    """The same for a file the history writes itself (a backup copy, the pending writes)."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return _disk_full(path)
    if exc.errno in (errno.EACCES, errno.EPERM, errno.EROFS):
        return _unwritable(path)
    return _failed(exc.strerror or exc)


def _disk_full(path: Path) -> HistoryWriteFailed:
    return HistoryWriteFailed(
        _(
            "The disk is full: the history in {folder} cannot be saved until space is "
            "freed. What waits is kept and saved then."
        ).format(folder=path.parent),
        disk_full=True,
    )


def _unwritable(path: Path) -> HistoryUnwritable:
    return HistoryUnwritable(
        _(
            "The history folder {folder} cannot be written (read-only or no "
            "permission): what you do now is not being saved."
        ).format(folder=path.parent)
    )


def _failed(reason: object) -> HistoryWriteFailed:
    return HistoryWriteFailed(
        _("The history could not be saved ({reason}); it is tried again.").format(reason=reason)
    )


def _nearly_full(folder: Path) -> bool:
    """SQLite reports a full disk met while growing its shared-memory file as an I/O error."""
    try:
        return shutil.disk_usage(folder).free < 1024 * 1024
    except OSError:
        return False
