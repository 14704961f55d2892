"""Damaged, foreign, newer and unwritable history files: told clearly, nothing saved lost."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
import textwrap
from datetime import UTC, datetime
from pathlib import Path

import pytest

from stretchdesk.history import (
    HistoryStore,
    HistoryTooNew,
    HistoryUnwritable,
    HistoryWriteFailed,
    NoticeKind,
)
from stretchdesk.history import migrate as migrate_module
from stretchdesk.history import queries as q
from stretchdesk.history.outcome import SessionOutcome
from stretchdesk.history.schema import LATEST, V1
from tests.root import is_root, may_act_as_root, require_root


def _fill(path: Path, sessions: int = 40) -> None:
    store, _ = HistoryStore.open(path)
    for i in range(sessions):
        sid = store.begin_session(
            routine_id="quick-relief",
            routine_title="Quick relief",
            total_steps=5,
            planned_seconds=465,
            started_at=datetime(2026, 1, 1 + i % 28, tzinfo=UTC),
        )
        store.finish_session(
            sid,
            outcome=SessionOutcome.COMPLETED,
            ended_at=datetime(2026, 1, 1 + i % 28, 1, tzinfo=UTC),
            active_seconds=300,
        )
    store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _assert_kept_aside(path: Path, original: bytes) -> None:
    store, notices = HistoryStore.open(path)
    try:
        assert [n.kind for n in notices] == [NoticeKind.CORRUPT_KEPT_ASIDE]
        kept = notices[0].path
        assert kept is not None and kept.name.startswith("history.sqlite.corrupt-")
        assert kept.read_bytes() == original  # nothing thrown away
        assert notices[0].message.startswith("The history file was damaged")
        assert q.list_sessions(store.conn) == []  # a fresh, working history
        store.begin_session(
            routine_id="r",
            routine_title="R",
            total_steps=1,
            planned_seconds=1,
            started_at=datetime.now(UTC),
        )
    finally:
        store.close()


def test_corrupt_file(data_dir: Path) -> None:
    path = data_dir / "history.sqlite"
    _fill(path)
    data = bytearray(path.read_bytes())
    for offset in range(4096, len(data), 4096):  # scribble over every page but the first
        data[offset + 10 : offset + 200] = os.urandom(190)
    path.write_bytes(bytes(data))
    _assert_kept_aside(path, bytes(data))


def test_truncated_file(data_dir: Path) -> None:
    path = data_dir / "history.sqlite"
    _fill(path, sessions=400)
    data = path.read_bytes()[: path.stat().st_size // 2 + 100]
    path.write_bytes(data)
    _assert_kept_aside(path, data)


@pytest.mark.parametrize(
    "content",
    [b"id,routine\n1,quick\n", b"\x89PNG\r\n\x1a\n" + bytes(500), b"SQLite format 2\x00xxxx"],
)
def test_foreign_file(data_dir: Path, content: bytes) -> None:
    path = data_dir / "history.sqlite"
    data_dir.mkdir(parents=True)
    path.write_bytes(content)
    _assert_kept_aside(path, content)


def test_empty_file_becomes_a_new_history(data_dir: Path) -> None:
    path = data_dir / "history.sqlite"
    data_dir.mkdir(parents=True)
    path.write_bytes(b"")
    store, notices = HistoryStore.open(path)
    assert notices == []
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == LATEST
    store.close()


def test_newer_schema_is_refused_and_never_altered(data_dir: Path) -> None:
    path = data_dir / "history.sqlite"
    _fill(path)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA user_version = 99")
    conn.commit()
    conn.close()
    before = _digest(path)
    names_before = sorted(p.name for p in data_dir.iterdir())
    with pytest.raises(HistoryTooNew) as info:
        HistoryStore.open(path)
    assert "newer version of stretchdesk" in str(info.value)
    assert "left untouched" in str(info.value)
    assert _digest(path) == before
    assert sorted(p.name for p in data_dir.iterdir() if p.name != "locks") == [
        n for n in names_before if n != "locks"
    ]
    with pytest.raises(HistoryTooNew):
        HistoryStore.open_readonly(path)


def _make_v1(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path)
    conn.executescript(V1)
    conn.execute(
        "INSERT INTO session (routine_id, routine_title, started_at, ended_at, outcome, "
        "total_steps, planned_seconds, owner) VALUES ('quick-relief', 'Quick relief', "
        "'2026-01-01T08:00:00.000Z', '2026-01-01T08:08:00.000Z', 'completed', 5, 465, 'x')"
    )
    conn.execute("PRAGMA user_version = 1")
    conn.commit()
    conn.close()


def test_migration_keeps_a_backup_and_the_data(data_dir: Path) -> None:
    path = data_dir / "history.sqlite"
    _make_v1(path)
    store, notices = HistoryStore.open(path)
    assert [n.kind for n in notices] == [NoticeKind.MIGRATED]
    backup = notices[0].path
    assert backup is not None and backup.name.startswith("history.sqlite.backup-v1-")
    old = sqlite3.connect(backup)
    assert old.execute("PRAGMA user_version").fetchone()[0] == 1
    assert old.execute("SELECT COUNT(*) FROM session").fetchone()[0] == 1
    old.close()
    (s,) = q.list_sessions(store.conn)
    assert (s.routine_id, s.outcome, s.note) == ("quick-relief", "completed", None)
    store.set_note(s.id, "fine")
    store.close()


def test_failed_migration_changes_nothing(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = data_dir / "history.sqlite"
    _make_v1(path)
    before = _digest(path)
    broken = (V1, "ALTER TABLE session ADD COLUMN x TEXT; ALTER TABLE nowhere ADD COLUMN y")
    monkeypatch.setattr(migrate_module, "MIGRATIONS", broken)
    with pytest.raises(HistoryWriteFailed):
        HistoryStore.open(path)
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == 1
    columns = [r[1] for r in conn.execute("PRAGMA table_info(session)")]
    assert "x" not in columns
    conn.close()
    # the file is as it was, so its copy is not needed: none is left behind
    assert not any(".backup-" in p.name for p in data_dir.iterdir())
    del before  # the file itself changes mode (WAL) but keeps its content and version


# ------------------------------------------------------------------ unwritable folders
class ReadOnlyFolder:
    """A folder that can be made read-only for real: permission bits, or as root (which
    ignores them) a tmpfs remounted read-only, where the machine may be changed
    (tests/root.py; skipped as root elsewhere)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)
        self.mounted = False
        if is_root():
            if not may_act_as_root():  # root ignores permission bits: only a mount will do
                require_root("a read-only folder for root (a tmpfs mounted read-only)")
            done = subprocess.run(
                ["mount", "-t", "tmpfs", "-o", "size=4m,mode=0755", "tmpfs", str(folder)],
                capture_output=True,
                check=False,
            )
            if done.returncode != 0:
                pytest.skip("running as root without the right to mount a read-only folder")
            self.mounted = True

    def protect(self) -> None:
        if self.mounted:
            subprocess.run(["mount", "-o", "remount,ro", str(self.folder)], check=True)
        else:
            self.folder.chmod(0o555)

    def release(self) -> None:
        if self.mounted:
            subprocess.run(["umount", "-l", str(self.folder)], check=False)
        else:
            self.folder.chmod(0o755)


@pytest.fixture
def readonly(tmp_path: Path):  # type: ignore[no-untyped-def]
    folder = ReadOnlyFolder(tmp_path / "ro")
    yield folder
    folder.release()


def test_read_only_folder_without_a_history(readonly: ReadOnlyFolder) -> None:
    readonly.protect()
    with pytest.raises(HistoryUnwritable) as info:
        HistoryStore.open(readonly.folder / "history.sqlite")
    assert "read-only or no permission" in str(info.value)


def test_read_only_folder_with_a_history_can_still_be_read(readonly: ReadOnlyFolder) -> None:
    path = readonly.folder / "history.sqlite"
    _fill(path, sessions=3)
    before = _digest(path)
    readonly.protect()
    with pytest.raises(HistoryUnwritable):
        HistoryStore.open(path)
    store = HistoryStore.open_readonly(path)
    assert len(q.list_sessions(store.conn)) == 3
    store.close()
    assert _digest(path) == before


def test_a_folder_that_cannot_be_created(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    with pytest.raises(HistoryUnwritable, match="cannot be created"):
        HistoryStore.open(blocker / "data" / "history.sqlite")


# ------------------------------------------------------------------ a full disk
FULL_DISK_PROBE = textwrap.dedent(
    """
    import resource, signal, sys
    from datetime import UTC, datetime
    from pathlib import Path
    from stretchdesk.history import HistoryStore, HistoryWriteFailed
    from stretchdesk.history import queries as q
    from stretchdesk.history.outcome import StepOutcome
    path = Path(sys.argv[1])
    store, _ = HistoryStore.open(path)
    sid = store.begin_session(routine_id="r", routine_title="R", total_steps=1,
                              planned_seconds=1, started_at=datetime.now(UTC))
    if sys.argv[2] == "rlimit":
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        size = sum(p.stat().st_size for p in path.parent.glob("history.sqlite*"))
        resource.setrlimit(resource.RLIMIT_FSIZE, (size + 8192, resource.RLIM_INFINITY))
    try:
        for i in range(100000):
            store.add_step(sid, position=i, routine_step=0, exercise_id="x" * 500,
                           title="t" * 500, phase="warmup", status=StepOutcome.COMPLETED,
                           started_at=datetime.now(UTC), ended_at=datetime.now(UTC),
                           active_seconds=1)
    except HistoryWriteFailed as exc:
        print("failed:", exc.disk_full, exc)
    store.close()
    """
)


def test_full_disk_is_a_typed_error_and_keeps_what_was_saved(tmp_path: Path) -> None:
    mount = tmp_path / "tiny"
    mount.mkdir()
    mounted = (
        may_act_as_root()  # else a file size limit stands in for the full disk
        and subprocess.run(
            ["mount", "-t", "tmpfs", "-o", "size=256k", "tmpfs", str(mount)],
            capture_output=True,
            check=False,
        ).returncode
        == 0
    )
    try:
        path = mount / "history.sqlite"
        result = subprocess.run(
            [sys.executable, "-c", FULL_DISK_PROBE, str(path), "tmpfs" if mounted else "rlimit"],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert result.returncode == 0, result.stderr
        assert result.stdout.startswith("failed: "), result.stdout
        if mounted:
            assert result.stdout.startswith("failed: True The disk is full")
        conn = sqlite3.connect(path)
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert conn.execute("SELECT COUNT(*) FROM session").fetchone()[0] == 1
        assert conn.execute("SELECT COUNT(*) FROM step").fetchone()[0] > 0
        conn.close()
    finally:
        if mounted:
            subprocess.run(["umount", str(mount)], check=False)
