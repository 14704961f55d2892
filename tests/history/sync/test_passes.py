"""A pass that brings many sessions in: in batches, each its own transaction, with the
history's connection left as it was found."""

from __future__ import annotations

from pathlib import Path

import pytest

from stretchdesk.history.sync import syncer
from tests.history.sync.computers import computers


def test_many_sessions_come_in_batches_and_the_connection_is_as_it_was(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    home, work = computers(tmp_path, tmp_path / "Sync")
    try:
        for minute in range(0, 7 * 60, 60):
            home.session(minute, note=f"note {minute}", pain=minute == 120)
        home.run()
        monkeypatch.setattr(syncer, "IMPORT_BATCH", 3)
        conn = work.store.conn
        before = [
            conn.execute(f"PRAGMA {p}").fetchone() for p in ("cache_size", "wal_autocheckpoint")
        ]
        assert work.run().sessions == 7
        after = [
            conn.execute(f"PRAGMA {p}").fetchone() for p in ("cache_size", "wal_autocheckpoint")
        ]
        assert after == before
        assert work.state() == home.state()
        ids = [r[0] for r in conn.execute("SELECT id FROM session ORDER BY id")]
        assert ids == list(range(1, 8))
        steps = conn.execute(
            "SELECT COUNT(*) FROM step WHERE session_id NOT IN (1, 2, 3, 4, 5, 6, 7)"
        )
        assert steps.fetchone()[0] == 0
        assert work.run().sessions == 0
    finally:
        home.store.close()
        work.store.close()
