"""Every file that holds the person's history, or speaks of it, is readable by its owner
only, whatever the umask: the pending writes, a damaged history kept aside, the crash log
(the migration backups: test_records_backups.py)."""

from __future__ import annotations

import os
import stat
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
