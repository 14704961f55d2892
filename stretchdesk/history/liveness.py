"""Which process owns a running session: each store holds a lock file while it lives.

A session row names its owner's token. At the next start, a running session whose owner's
lock can be taken belongs to a process that is gone (killed, crashed) and is interrupted;
one whose lock is held belongs to a live second instance and is left alone.

Whatever reads the history before that next start (``stretchdesk export`` and ``report``,
which never write, or the history screen of another instance) sees such a session the same
way: a running session whose app is gone reads as interrupted, ended at its last heartbeat
(or its last finished step). Gone means: not this process's own, no heartbeat for longer
than ``STALE_SECONDS``, and its owner's lock not held (when the lock folder can be seen).
``watch`` gives a connection the view ``session_now`` with these columns beside the stored
ones: ``outcome_now`` and ``ended_now``.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
import uuid
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import IO

from stretchdesk.history.outcome import SessionOutcome
from stretchdesk.history.timefmt import parse_utc, utc_now

HEARTBEAT_SECONDS = 5.0  # a running session writes its last_seen_at this often
STALE_SECONDS = HEARTBEAT_SECONDS * 6  # no heartbeat for this long: its app may be gone

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


def lock_held(folder: Path, token: str) -> bool:
    """True while the process that holds ``token``'s lock is alive; never removes anything
    (for readers that must not write). A lock that cannot be looked at counts as held."""
    if not token.isalnum():
        return False
    try:  # O_NONBLOCK: something other than a lock file there (a pipe) is never a wait
        descriptor = os.open(folder / f"{token}.lock", os.O_RDONLY | os.O_NONBLOCK)
    except FileNotFoundError:
        return False
    except OSError:
        return True
    with os.fdopen(descriptor, "rb") as handle:
        return not _try_lock(handle)  # (closing the file lets go of a lock it took)


_GONE = "stretchdesk_gone"


_NO_PACKS = ", NULL AS packed_done, NULL AS packed_skipped, NULL AS packed_active"


def watch(
    conn: sqlite3.Connection,
    *,
    locks: Path | None,
    own: str | None,
    now: Callable[[], datetime] = utc_now,
) -> None:
    """Give ``conn`` the view ``session_now``: the sessions with ``outcome_now`` and
    ``ended_now``, a running session whose app is gone read as interrupted. ``locks``: the
    owners' lock folder (None: unknown, the heartbeat alone decides); ``own``: this
    process's token (its own sessions are alive)."""

    def gone(owner: object, seen: object) -> int:
        if not isinstance(owner, str) or owner == own:
            return 0
        try:
            last = parse_utc(str(seen))
        except ValueError:
            last = None
        if last is not None and (now() - last).total_seconds() < STALE_SECONDS:
            return 0
        if locks is not None and lock_held(locks, owner):
            return 0
        return 1

    conn.create_function(_GONE, 2, gone)
    have = {row[1] for row in conn.execute("PRAGMA main.table_info(session)")}
    seen = "COALESCE(s.last_seen_at, s.started_at)" if "last_seen_at" in have else "s.started_at"
    running, interrupted = SessionOutcome.RUNNING.value, SessionOutcome.INTERRUPTED.value
    dead = f"s.outcome = '{running}' AND {_GONE}(s.owner, {seen})"
    # a history older than packed steps (read as it is) has none: its counts are the rows'
    packs = "" if "packed_done" in have else _NO_PACKS
    conn.execute("DROP VIEW IF EXISTS temp.session_now")
    conn.execute(
        f"""CREATE TEMP VIEW session_now AS
        SELECT s.*{packs},
            CASE WHEN {dead} THEN '{interrupted}' ELSE s.outcome END AS outcome_now,
            CASE WHEN {dead} THEN max({seen}, COALESCE((SELECT MAX(t.ended_at)
                FROM main.step t WHERE t.session_id = s.id), s.started_at))
                ELSE s.ended_at END AS ended_now
        FROM main.session s"""
    )


def ensure_watched(conn: sqlite3.Connection) -> None:
    """A connection opened without ``watch`` (a test's, an empty history) gets it with the
    heartbeat alone deciding."""
    found = conn.execute(
        "SELECT 1 FROM sqlite_temp_master WHERE type = 'view' AND name = 'session_now'"
    ).fetchone()
    if found is None:
        watch(conn, locks=None, own=None)
