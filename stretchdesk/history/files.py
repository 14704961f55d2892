"""Files on disk: recognising a foreign history file, keeping a damaged one aside, the
backup copy made before a migration (writing a file whole or not at all is
stretchdesk/atomic.py).

Every file made here is the person's health record or a copy of it: it is created readable
by its owner only (0600), never first with the umask's mode and changed afterwards."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import stat
from pathlib import Path

from stretchdesk.atomic import atomic_text as atomic_text  # noqa: PLC0414 - settings, window place
from stretchdesk.history.timefmt import file_stamp, utc_now

SQLITE_HEADER = b"SQLite format 3\x00"


def looks_foreign(path: Path) -> bool:
    """True for a non-empty file that does not start like an SQLite database."""
    try:
        if not stat.S_ISREG(path.stat().st_mode):
            return True  # a folder or a pipe in its place: never opened, never waited on
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return False
    return bool(head) and head != SQLITE_HEADER


def companions(path: Path) -> list[Path]:
    """The database file and its WAL and shared-memory files."""
    return [path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")]


def keep_aside(path: Path, label: str) -> Path:
    """Rename the file (and its WAL companions) to ``<name>.<label>-<UTC time>``."""
    stamp = file_stamp(utc_now())
    target = path.with_name(f"{path.name}.{label}-{stamp}")
    counter = 1
    while target.exists():
        target = path.with_name(f"{path.name}.{label}-{stamp}-{counter}")
        counter += 1
    for source in companions(path):
        if source.exists():
            kept = source.with_name(target.name + source.name[len(path.name) :])
            source.rename(kept)
            with contextlib.suppress(OSError):
                kept.chmod(0o600)  # (a damaged file may have come with any mode)
    return target


def _created_private(path: Path) -> None:
    """Create ``path`` empty and 0600; FileExistsError if it is there already."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def _remove(path: Path) -> None:
    for each in (path, path.with_name(path.name + "-journal"), *companions(path)[1:]):
        with contextlib.suppress(OSError):
            each.unlink()


def backups(path: Path) -> list[Path]:
    """The migration backups of the history at ``path``."""
    try:
        found = list(path.parent.glob(f"{glob_escape(path.name)}.backup-v*"))
    except OSError:
        return []
    return sorted(p for p in found if not p.name.endswith(("-journal", "-wal", "-shm")))


def glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)


def backup_copy(conn: sqlite3.Connection, path: Path, version: int) -> Path:
    """Copy the open history at ``path`` (schema ``version``) to
    ``<name>.backup-v<version>-<UTC time>``, created 0600. On any failure (a full disk) the
    partial copy is removed and the error raised. A backup of the same version left by an
    attempt that did not finish (the file is still at that version) is replaced."""
    for stale in backups(path):
        if stale.name.startswith(f"{path.name}.backup-v{version}-"):
            _remove(stale)
    stamp = file_stamp(utc_now())
    target = path.with_name(f"{path.name}.backup-v{version}-{stamp}")
    counter = 1
    while True:
        try:
            _created_private(target)
            break
        except FileExistsError:
            target = path.with_name(f"{path.name}.backup-v{version}-{stamp}-{counter}")
            counter += 1
    try:
        _copy_into(conn, target)
    except BaseException:
        _remove(target)
        raise
    return target


def _copy_into(conn: sqlite3.Connection, target: Path) -> None:
    copy = sqlite3.connect(target)
    try:
        conn.backup(copy)
    finally:
        copy.close()


def drop_backup(backup: Path) -> None:
    """Remove a backup (and its companions) that is not needed: the migration failed."""
    _remove(backup)


def keep_only(path: Path, backup: Path) -> None:
    """After a migration: ``backup`` is the one copy kept; older ones are removed."""
    for other in backups(path):
        if other != backup:
            _remove(other)
