"""Transactions, schema migrations (after a backup copy), and recovery of dead sessions."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from stretchdesk.history.errors import HistoryNotice, NoticeKind
from stretchdesk.history.files import backup_copy, drop_backup, keep_only
from stretchdesk.history.liveness import owner_alive
from stretchdesk.history.outcome import SessionOutcome
from stretchdesk.history.schema import LATEST, MIGRATIONS
from stretchdesk.i18n import _


@contextlib.contextmanager
def transaction(conn: sqlite3.Connection) -> Iterator[sqlite3.Connection]:
    """BEGIN IMMEDIATE ... COMMIT, rolled back on any error."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        yield conn
    except BaseException:
        with contextlib.suppress(sqlite3.Error):
            conn.execute("ROLLBACK")
        raise
    conn.execute("COMMIT")


@contextlib.contextmanager
def checks_left_out(conn: sqlite3.Connection) -> Iterator[None]:
    """The history's CHECK constraints left out while rows whose every value was checked
    before go in (sync/records.py lets through only values those constraints accept;
    tests/history/sync/test_constraints.py holds the two to each other): a CHECK with a
    list of words costs SQLite a table built for each row. NOT NULL, keys and foreign keys
    still hold."""
    (was,) = conn.execute("PRAGMA ignore_check_constraints").fetchone()
    conn.execute("PRAGMA ignore_check_constraints = ON")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA ignore_check_constraints = {1 if was else 0}")


def user_version(conn: sqlite3.Connection) -> int:
    return int(conn.execute("PRAGMA user_version").fetchone()[0])


def _statements(script: str) -> list[str]:
    """Split a migration script into statements (our DDL has no semicolons in strings; a
    trigger's body is kept whole)."""
    statements: list[str] = []
    part = ""
    for piece in script.split(";"):
        part += piece + ";"
        if sqlite3.complete_statement(part):
            if part.strip(" \n;"):
                statements.append(part.strip()[:-1])
            part = ""
    if part.strip(" \n;"):
        statements.append(part.strip().rstrip(";"))
    return statements


def migrate(conn: sqlite3.Connection, path: Path, version: int) -> list[HistoryNotice]:
    """Bring the file from ``version`` to the latest schema in one transaction.

    An existing history (version > 0) is first copied to ``<name>.backup-v<N>-<time>``
    (0600). If the migration fails the copy is removed (the file is as it was); if it
    succeeds, it is the one backup kept.
    """
    notices = []
    backup = backup_copy(conn, path, version) if version > 0 else None
    try:
        _migrate(conn, version)
    except BaseException:
        if backup is not None:
            drop_backup(backup)
        raise
    if backup is not None:
        keep_only(path, backup)
        notices.append(
            HistoryNotice(
                NoticeKind.MIGRATED,
                _(
                    "The history was updated to a new format; a copy of the old file is "
                    "kept as {name}."
                ).format(name=backup.name),
                backup,
            )
        )
    return notices


def _migrate(conn: sqlite3.Connection, version: int) -> None:
    """Every migration from ``version`` on, in one transaction."""
    # tables are rebuilt by copy, drop and rename: with foreign keys on, dropping the old
    # session table would delete every step with it (the pragma is ignored in a transaction)
    conn.execute("PRAGMA foreign_keys=OFF")
    try:
        with transaction(conn):
            for number in range(version, LATEST):
                for statement in _statements(MIGRATIONS[number]):
                    conn.execute(statement)
            broken = conn.execute("PRAGMA foreign_key_check").fetchall()
            if broken:
                raise sqlite3.IntegrityError(f"{len(broken)} rows lost their session")
            conn.execute(f"PRAGMA user_version = {LATEST}")
    finally:
        conn.execute("PRAGMA foreign_keys=ON")


# An interrupted session ends at the last moment it was known to be running: its last
# heartbeat or its last finished step, whichever is later (the times are ISO-8601 UTC text
# of one length, so the larger string is the later time).
_INTERRUPT = """
UPDATE session SET outcome = :interrupted, ended_at = max(
    COALESCE(last_seen_at, started_at),
    COALESCE((SELECT MAX(t.ended_at) FROM step t WHERE t.session_id = session.id), started_at),
    started_at)
WHERE id = :id AND outcome = :running
"""


def recover_interrupted(conn: sqlite3.Connection, locks: Path, owner: str) -> int:
    """Mark sessions left running by processes that are gone as interrupted."""
    rows = conn.execute(
        "SELECT id, owner FROM session WHERE outcome = ?", (SessionOutcome.RUNNING,)
    ).fetchall()
    dead = [sid for sid, who in rows if who != owner and not owner_alive(locks, who)]
    if dead:
        with transaction(conn):
            for sid in dead:
                conn.execute(
                    _INTERRUPT,
                    {
                        "id": sid,
                        "interrupted": SessionOutcome.INTERRUPTED,
                        "running": SessionOutcome.RUNNING,
                    },
                )
    return len(dead)
