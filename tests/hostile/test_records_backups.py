"""Migration backups on a full disk: none piles up, none is ever readable by others, and
the one kept after a migration is the only one."""

from __future__ import annotations

import os
import sqlite3
import stat
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from stretchdesk.history import HistoryError, HistoryStore, HistoryWriteFailed
from stretchdesk.history import files as files_module
from stretchdesk.history import migrate as migrate_module
from stretchdesk.history.schema import LATEST, V1
from tests.hostile.disk import MOUNTS, small_disk


def _make_v1(path: Path, sessions: int) -> None:
    conn = sqlite3.connect(path)
    conn.executescript(V1)
    conn.executemany(
        "INSERT INTO session (routine_id, routine_title, started_at, ended_at, outcome, "
        "total_steps, planned_seconds, owner) VALUES (?, ?, '2026-01-01T08:00:00.000Z', "
        "'2026-01-01T08:08:00.000Z', 'completed', 5, 465, 'x')",
        [("r" * 100, "t" * 100)] * sessions,
    )
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()


def _later_each_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every call a minute later: each try would name its copy differently."""
    moments = iter(datetime(2026, 3, 1, tzinfo=UTC) + timedelta(minutes=n) for n in range(10**6))
    for module in (migrate_module, files_module):
        monkeypatch.setattr(module, "utc_now", lambda: next(moments), raising=False)


@pytest.mark.needs_root(MOUNTS)
def test_failed_migrations_on_a_full_disk_leave_no_copy(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _later_each_time(monkeypatch)
    old = os.umask(0o022)
    try:
        with small_disk(tmp_path / "disk", "2m") as disk:
            path = disk.folder / "history.sqlite"
            _make_v1(path, 3000)  # about 1 MB: its copy does not fit
            before = path.read_bytes()
            began = time.monotonic()
            for attempt in range(25):
                with pytest.raises(HistoryWriteFailed) as failed:
                    HistoryStore.open(path)
                assert failed.value.disk_full, attempt
                left = [p.name for p in disk.folder.iterdir() if ".backup-" in p.name]
                assert left == [], (attempt, left)
            assert time.monotonic() - began < 30
            conn = sqlite3.connect(path)
            assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
            assert conn.execute("SELECT COUNT(*) FROM session").fetchone()[0] == 3000
            conn.close()
            assert len(path.read_bytes()) == len(before)
    finally:
        os.umask(old)


def test_a_backup_is_never_readable_by_others(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The copy is 0600 from its first byte (not made with the umask's 0644, then changed),
    and a copy that fails part-way is removed."""
    data_dir.mkdir(parents=True)
    path = data_dir / "history.sqlite"
    _make_v1(path, 10)
    modes: list[int] = []
    real_copy = files_module._copy_into

    def watched(conn: sqlite3.Connection, target: Path) -> None:
        modes.append(stat.S_IMODE(target.stat().st_mode))
        real_copy(conn, target)
        modes.append(stat.S_IMODE(target.stat().st_mode))
        error = sqlite3.OperationalError("database or disk is full")
        error.sqlite_errorcode = sqlite3.SQLITE_FULL  # type: ignore[attr-defined]
        raise error

    old = os.umask(0o022)
    try:
        monkeypatch.setattr(files_module, "_copy_into", watched)
        with pytest.raises(HistoryError):
            HistoryStore.open(path)
    finally:
        os.umask(old)
    assert modes == [0o600, 0o600]
    assert [p.name for p in data_dir.iterdir() if ".backup-" in p.name] == []


def test_one_backup_is_kept(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Copies left by attempts that did not finish (a kill during the copy) and copies of
    earlier migrations are removed once a migration succeeds: one copy is kept."""
    _later_each_time(monkeypatch)
    data_dir.mkdir(parents=True)
    path = data_dir / "history.sqlite"
    _make_v1(path, 10)
    for name in ("backup-v1-20250101T000000Z", "backup-v1-20250102T000000Z", "backup-v0-x"):
        (data_dir / f"history.sqlite.{name}").write_bytes(b"partial")
    (data_dir / "history.sqlite.backup-v1-20250102T000000Z-journal").write_bytes(b"j")
    (data_dir / "other.sqlite.backup-v1-20250101T000000Z").write_bytes(b"not ours")
    store, notices = HistoryStore.open(path)
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == LATEST
    store.close()
    backups = sorted(p.name for p in data_dir.iterdir() if ".backup-" in p.name)
    assert notices[0].path is not None
    assert backups == sorted([notices[0].path.name, "other.sqlite.backup-v1-20250101T000000Z"])
