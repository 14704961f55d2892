"""Version 8 adds the packed steps of month files (history/packed.py), the changes waiting
for their session listed on their own, and the month files read with the files they hold:
a version-7 history keeps every row, its sessions' steps stay rows with no counts of their
own, and a change that came before its session is still waiting for it."""

from __future__ import annotations

import sqlite3
from datetime import UTC
from pathlib import Path

from stretchdesk.history import HistoryStore, packed, queries
from stretchdesk.history.schema import LATEST, MIGRATIONS
from tests.history.test_migration_v7 import AT, _make_v6, _rows

WAITING = "e" * 32  # a session of another computer a change came for, not here yet


def _make_v7(path: Path) -> None:
    _make_v6(path)
    conn = sqlite3.connect(path)
    conn.executescript(MIGRATIONS[6])
    conn.execute(
        "INSERT INTO sync_field (uid, field, value, at, device) VALUES (?, 'note', '\"x\"', ?, ?)",
        (WAITING, AT, "b" * 32),
    )
    conn.execute("PRAGMA user_version = 7")
    conn.commit()
    conn.close()


def test_a_version_7_history_keeps_every_row_and_what_waits(data_dir: Path) -> None:
    path = data_dir / "history.sqlite"
    _make_v7(path)
    old = sqlite3.connect(path)
    before = _rows(old)
    old.close()
    store, notices = HistoryStore.open(path)
    conn = store.conn
    try:
        assert notices and conn.execute("PRAGMA user_version").fetchone()[0] == LATEST == 8
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert _rows(conn) == before
        assert not packed.present(conn)
        assert set(conn.execute("SELECT packed_done FROM session")) == {(None,)}
        assert conn.execute("SELECT uid FROM sync_waiting").fetchall() == [(WAITING,)]
        assert conn.execute("SELECT COUNT(*) FROM sync_held").fetchone() == (0,)
        assert [s.completed_steps for s in queries.list_sessions(conn)] == [1, 1]
    finally:
        store.close()


def test_a_version_7_history_read_as_it_is_reads_the_same(data_dir: Path) -> None:
    path = data_dir / "history.sqlite"
    _make_v7(path)
    store = HistoryStore.open_readonly(path)
    try:
        assert [s.completed_steps for s in queries.list_sessions(store.conn)] == [1, 1]
        assert len(queries.active_days(store.conn, UTC)) == 1
    finally:
        store.close()
