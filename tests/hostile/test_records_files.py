"""Every file that holds the person's history, or speaks of it, is readable by its owner
only, whatever the umask: the pending writes, a damaged history kept aside, the crash log
(the migration backups: test_records_backups.py)."""

from __future__ import annotations

import json
import os
import stat
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from stretchdesk.crashlog import write_crash_log
from stretchdesk.history import HistoryStore
from stretchdesk.history.journal import pending_files
from tests.history.helpers import Flaky, Recorded, open_store
from tests.session.helpers import short_routine


@pytest.fixture(autouse=True)
def open_umask() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_the_pending_file_is_private(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = open_store(data_dir / "history.sqlite")
    flaky = Flaky(store, monkeypatch)
    rec = Recorded(store, short_routine())
    rec.engine.start()
    ((_owner, pending),) = pending_files(data_dir / "history.sqlite")  # room kept at the start
    assert _mode(pending) == 0o600
    flaky.full = True
    rec.engine.pain_stop()
    assert _mode(pending) == 0o600 and pending.stat().st_size > 0
    flaky.full = False
    store.close()
    assert pending_files(data_dir / "history.sqlite") == []  # written: removed


def test_a_damaged_history_kept_aside_is_private(data_dir: Path) -> None:
    data_dir.mkdir(parents=True)
    path = data_dir / "history.sqlite"
    path.write_bytes(b"SQLite format 3\x00" + b"\xff" * 5000)  # damaged
    path.chmod(0o644)
    store, notices = HistoryStore.open(path)
    store.close()
    kept = notices[0].path
    assert kept is not None and kept.exists() and _mode(kept) == 0o600


def test_the_crash_log_is_private(data_dir: Path) -> None:
    log = data_dir / "crash.log"
    assert write_crash_log(log, RuntimeError("a note about a sore back")) == log
    assert _mode(log) == 0o600


def test_damaged_or_strange_pending_files_never_stop_the_start(data_dir: Path) -> None:
    """Pending files are read at every start: a pipe, a folder, junk, a huge file and
    writes no version made are left out, in moments; the good writes are made."""
    path = data_dir / "history.sqlite"
    store = open_store(path)
    rec = Recorded(store, short_routine())
    rec.engine.start()
    rec.run(30)
    started = store.conn.execute("SELECT started_at, owner FROM session").fetchone()
    store.close()
    session = {"owner": started[1], "started_at": started[0]}
    good = {"session": session, "write": {"kind": "note", "note": "kept"}}
    bad = [
        {"session": session, "write": {"kind": "rate_stop", "rating": 99}},
        {"session": session, "write": {"kind": "pain", "before": "x"}},
        {"session": session, "write": {"kind": "finish", "outcome": "??", "ended_at": "x"}},
        {"session": session, "write": {"kind": "step", "position": 1}},
        {  # refused by the file's own rules (a phase it does not know)
            "session": session,
            "write": {
                "kind": "step",
                "position": 7,
                "routine_step": 7,
                "exercise_id": "x",
                "title": "X",
                "phase": "nope",
                "status": "completed",
                "started_at": started[0],
                "ended_at": started[0],
                "active_seconds": 1.0,
            },
        },
        {"session": session, "write": {"kind": "nonsense"}},
        {"session": "no", "write": []},
    ]
    lines = [json.dumps(r) for r in [*bad, good]] + ["{not json", "[1, 2]"]
    (data_dir / "history.sqlite.pending-aaa").write_text("\n".join(lines) + "\n")
    os.mkfifo(data_dir / "history.sqlite.pending-bbb")
    (data_dir / "history.sqlite.pending-ccc").mkdir()
    (data_dir / "history.sqlite.pending-ddd").write_bytes(b"x" * 5_000_000)
    began = time.monotonic()
    again, _ = HistoryStore.open(path)
    try:
        assert time.monotonic() - began < 5
        assert again.conn.execute("SELECT note FROM session").fetchone() == ("kept",)
    finally:
        again.close()
    assert not (data_dir / "history.sqlite.pending-aaa").exists()
