"""A full disk during a session never loses the pain-stop: it is tried again every few
seconds (and with every answer after the session), kept in the pending file beside the
history, tried once more when the app closes, and written once space returns, in this run
or the next. Both a fault-injecting store and a real full disk (a small tmpfs)."""

from __future__ import annotations

import sqlite3
import stat
import time
from pathlib import Path

import pytest

from stretchdesk import paths
from stretchdesk.history import HistoryStore
from stretchdesk.history import queries as q
from stretchdesk.history.errors import classify
from stretchdesk.history.journal import pending_files, read_pending
from stretchdesk.history.upkeep import RETRY_SECONDS
from stretchdesk.services import Services
from tests.history import rows
from tests.history.helpers import Flaky, Recorded, open_store, sqlite_error
from tests.hostile.disk import MOUNTS, small_disk
from tests.session.helpers import short_routine


def _outcome(store: HistoryStore) -> tuple[str, list[str | None]]:
    (session,) = q.list_sessions(store.conn)
    reports = [r.exercise_id for r in rows.iter_pain_reports(store.conn, session.id)]
    return session.outcome, reports


def test_a_pain_stop_on_a_full_disk_is_written_when_space_returns(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    store = open_store(data_dir / "history.sqlite")
    flaky = Flaky(store, monkeypatch)
    rec = Recorded(store, short_routine())
    rec.engine.start()
    rec.run(200)
    flaky.full = True
    rec.engine.pain_stop()
    rec.recorder.rate_pain_stop(6)  # the recovery screen's answers wait too
    assert rec.recorder.pending == 4 and len(rec.problems) == 1  # stopped step, end, 2 answers
    assert store.upkeep.run() == pytest.approx(RETRY_SECONDS)  # no event will come now
    rec.clock.advance(RETRY_SECONDS)
    assert store.upkeep.run() == pytest.approx(RETRY_SECONDS)  # tried: still full
    flaky.full = False  # space returns
    rec.clock.advance(RETRY_SECONDS)
    assert store.upkeep.run() is None  # written: nothing more to do
    assert rec.recorder.pending == 0
    assert _outcome(store) == ("stopped_for_pain", ["knee-rolls"])
    assert [r.rating for r in rows.iter_pain_reports(store.conn)] == [6]
    assert q.list_sessions(store.conn)[0].pain_after == 6
    store.close()
    assert pending_files(data_dir / "history.sqlite") == []


def test_closing_on_a_full_disk_keeps_the_pain_stop_for_the_next_start(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = data_dir / "history.sqlite"
    store = open_store(path)
    flaky = Flaky(store, monkeypatch)
    rec = Recorded(store, short_routine())
    rec.engine.start()
    rec.run(200)
    flaky.full = True
    rec.engine.pain_stop()
    rec.recorder.add_note("twinge")
    store.close()  # the app is closed with the disk still full
    ((_owner, kept),) = pending_files(path)
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert [r["write"]["kind"] for r in read_pending(kept)] == ["step", "finish", "note"]
    again, notices = HistoryStore.open(path)  # space has returned
    try:
        assert _outcome(again) == ("stopped_for_pain", ["knee-rolls"])
        assert q.list_sessions(again.conn)[0].note == "twinge"
        assert [n.kind.value for n in notices] == []  # not "interrupted": it ended as it did
    finally:
        again.close()
    assert pending_files(path) == []


def test_a_full_disk_at_the_next_start_keeps_trying(
    data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = data_dir / "history.sqlite"
    store = open_store(path)
    flaky = Flaky(store, monkeypatch)
    rec = Recorded(store, short_routine())
    _stopped_full(rec, flaky)
    store.close()
    left = pending_files(path)
    monkeypatch.undo()
    real = HistoryStore.finish_session

    def full(self: HistoryStore, *args: object, **kwargs: object) -> int | None:
        raise classify(sqlite_error(sqlite3.SQLITE_FULL, "database or disk is full"), path)

    monkeypatch.setattr(HistoryStore, "finish_session", full)
    again, _ = HistoryStore.open(path)  # still full: interrupted for now, the file kept
    assert _outcome(again)[0] == "interrupted" and left[0] in pending_files(path)
    monkeypatch.setattr(HistoryStore, "finish_session", real)
    again.upkeep.try_now()  # the person clicks something: space is back
    assert _outcome(again) == ("stopped_for_pain", ["knee-rolls"])
    again.close()
    assert pending_files(path) == []


def _stopped_full(rec: Recorded, flaky: Flaky) -> None:
    rec.engine.start()
    rec.run(200)
    flaky.full = True
    rec.engine.pain_stop()
    assert rec.recorder.pending == 2  # the step stopped in progress, and the end


@pytest.mark.needs_root(MOUNTS)
def test_a_real_full_disk(tmp_path: Path) -> None:
    """A tmpfs filled to the last byte during a session: the pain-stop waits in memory and
    in its reserved pending file, survives the app's end, and is written at the next start
    once space is freed."""
    began = time.monotonic()
    with small_disk(tmp_path / "disk", "4m") as disk:
        path = disk.folder / "history.sqlite"
        store = open_store(path)
        rec = Recorded(store, short_routine())
        rec.engine.start()
        rec.run(200)
        # enough history that a new page is needed for the stop (the WAL cannot just reuse)
        disk.fill()
        rec.engine.pain_stop()
        assert rec.recorder.pending >= 1, "the disk was not full enough to fail a write"
        assert rec.problems and getattr(rec.problems[0], "disk_full", False)
        ((_, kept),) = pending_files(path)
        assert "finish" in [r["write"]["kind"] for r in read_pending(kept)]
        rec.clock.advance(RETRY_SECONDS)
        store.upkeep.run()  # still full
        assert rec.recorder.pending >= 1
        store.close()  # tried once more: still full; the pending file stays
        assert read_pending(kept)
        disk.free()
        again, _ = HistoryStore.open(path)
        try:
            assert _outcome(again) == ("stopped_for_pain", ["knee-rolls"])
        finally:
            again.close()
        assert pending_files(path) == []
    assert time.monotonic() - began < 30


@pytest.mark.needs_root(MOUNTS)
def test_a_real_full_disk_while_the_app_stays_open(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk", "4m") as disk:
        path = disk.folder / "history.sqlite"
        store = open_store(path)
        rec = Recorded(store, short_routine())
        rec.engine.start()
        rec.run(200)
        disk.fill()
        rec.engine.pain_stop()
        assert rec.recorder.pending >= 1
        disk.free()
        rec.clock.advance(RETRY_SECONDS)
        assert store.upkeep.run() is None
        assert _outcome(store) == ("stopped_for_pain", ["knee-rolls"])
        store.close()


@pytest.mark.needs_root(MOUNTS)
def test_the_history_opens_on_a_full_disk_with_a_session_left_running(
    tmp_path: Path,
) -> None:
    """A session left running by a killed app is marked interrupted at the next start; on a
    full disk that waits, but the history still opens, and the day's sessions are written
    once space returns (not a whole run left unrecorded)."""
    with small_disk(tmp_path / "disk", "4m") as disk:
        path = disk.folder / "history.sqlite"
        store = open_store(path)
        rec = Recorded(store, short_routine())
        rec.engine.start()
        rec.run(200)
        store.upkeep.writers.clear()  # killed: its lock is free, its WAL file left as it was
        store._lock.release()  # type: ignore[union-attr]
        disk.fill()
        again, notices = HistoryStore.open(path)
        try:
            assert notices == []
            (seen,) = q.list_sessions(again.conn)
            assert seen.outcome == "interrupted"  # read so, written later
            disk.free()
            today = Recorded(again, short_routine())
            today.engine.start()
            today.run(3000)
            assert today.recorder.pending == 0 and len(q.list_sessions(again.conn)) == 2
        finally:
            again.close()
            store.conn.close()


@pytest.mark.needs_root(MOUNTS)
def test_a_history_that_could_not_open_is_opened_for_the_next_session(
    tmp_path: Path,
) -> None:
    """The app started on a full disk (the history could not be opened at all); once space
    is freed, the next session opens it and is recorded, rather than the whole run being
    lost."""
    with small_disk(tmp_path / "disk", "4m") as disk:
        data = paths.DataPaths(disk.folder / "data")
        first = Services.load(data)  # a history with one session, closed
        live = first.new_session(short_routine())
        live.engine.start()
        live.engine.end_early()
        first.close()
        disk.fill()
        services = Services.load(data)
        try:
            assert services.store is None  # told in the banner; the app goes on
            assert any("disk is full" in n.message for n in services.notices)
            disk.free()
            opened: list[object] = []
            services.store_opened = opened.append
            live = services.new_session(short_routine())
            assert services.store is not None and opened == [services.store]
            live.engine.start()
            live.engine.end_early()
            assert live.recorder.pending == 0
            assert len(q.list_sessions(services.store.conn)) == 2
        finally:
            services.close()
