"""A session left running by an app that is gone (killed, logged out) reads as interrupted,
ended at its last heartbeat, wherever the history is read before the app opens it again:
``export``, ``report`` and the history screen; the file itself is not written. A session
whose app is still there (its lock held, or a recent heartbeat) still reads as running."""

from __future__ import annotations

import io
import json
import os
import sqlite3
import threading
from datetime import UTC, date, datetime
from pathlib import Path

from stretchdesk.history import HistoryStore
from stretchdesk.history import queries as q
from stretchdesk.history.export import export_json, export_sessions_csv
from stretchdesk.history.liveness import lock_held, owner_alive
from stretchdesk.history.report_data import read_report
from stretchdesk.routine import Routine
from tests.history.helpers import Recorded, open_store
from tests.session.helpers import short_routine


def _left_running(path: Path, routine: Routine, *, now: bool = False) -> Recorded:
    """A session that ran 200 s (two steps done) in a process that then vanished."""
    store = open_store(path)
    rec = Recorded(store, routine)
    if now:
        rec.wall.base = datetime.now(UTC) - (rec.wall() - rec.wall.base)
    rec.engine.start()
    rec.run(200)
    store.upkeep.writers.clear()  # killed: nothing more is written, not even at the close
    store._lock.release()  # type: ignore[union-attr]
    store.conn.close()
    return rec


def _stored(path: Path) -> tuple[str, str | None]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("SELECT outcome, ended_at FROM session").fetchone()  # type: ignore[no-any-return]
    finally:
        conn.close()


def test_export_report_and_reader_see_a_gone_apps_session_as_interrupted(
    data_dir: Path,
) -> None:
    path = data_dir / "history.sqlite"
    _left_running(path, short_routine())
    last_step = sqlite3.connect(path).execute("SELECT MAX(ended_at) FROM step").fetchone()[0]
    store = HistoryStore.open_readonly(path)
    try:
        out = io.StringIO()
        export_json(store.conn, out)
        (session,) = json.loads(out.getvalue())["sessions"]
        assert session["outcome"] == "interrupted"
        assert session["ended_at"] is not None and session["ended_at"] >= last_step
        csv = io.StringIO()
        export_sessions_csv(store.conn, csv)
        assert ",interrupted," in csv.getvalue()
        (summary,) = q.list_sessions(store.conn)
        assert summary.outcome == "interrupted" and summary.ended_at is not None
        report = read_report(store.conn, date(2026, 11, 1), date(2026, 11, 3), UTC)
        assert report.sessions == 1 and sum(w.sessions for w in report.weeks) == 1
    finally:
        store.close()
    assert _stored(path) == ("running", None)  # read, never written


def test_a_live_apps_session_still_reads_as_running(data_dir: Path) -> None:
    path = data_dir / "history.sqlite"
    store = open_store(path)
    rec = Recorded(store, short_routine())
    rec.engine.start()
    rec.run(200)  # its heartbeat is old (a fake clock), but its app holds the lock
    reader = HistoryStore.open_readonly(path)
    try:
        assert [s.outcome for s in q.list_sessions(reader.conn)] == ["running"]
        report = read_report(reader.conn, date(2026, 11, 1), date(2026, 11, 3), UTC)
        assert report.sessions == 0  # (a report leaves out what is still running)
    finally:
        reader.close()
    assert [s.outcome for s in q.list_sessions(store.conn)] == ["running"]  # its own
    store.close()


def test_a_recent_heartbeat_is_alive_even_without_a_lock_to_see(data_dir: Path) -> None:
    path = data_dir / "history.sqlite"
    _left_running(path, short_routine(), now=True)  # gone a moment ago
    reader = HistoryStore.open_readonly(path, locks=data_dir / "elsewhere")
    try:
        assert [s.outcome for s in q.list_sessions(reader.conn)] == ["running"]
    finally:
        reader.close()


def test_the_next_start_writes_it_as_interrupted_at_the_same_time(data_dir: Path) -> None:
    path = data_dir / "history.sqlite"
    _left_running(path, short_routine())
    reader = HistoryStore.open_readonly(path)
    (seen,) = q.list_sessions(reader.conn)
    reader.close()
    store, _ = HistoryStore.open(path)
    (written,) = q.list_sessions(store.conn)
    store.close()
    assert (written.outcome, written.ended_at) == (seen.outcome, seen.ended_at)


def test_a_paused_session_keeps_its_heartbeat(data_dir: Path) -> None:
    """Paused, no event comes: the store's upkeep (the window's timer) beats for it."""
    store = open_store(data_dir / "history.sqlite")
    rec = Recorded(store, short_routine())
    rec.engine.start()
    rec.run(10)
    rec.engine.pause()
    seen = store.conn.execute("SELECT last_seen_at FROM session").fetchone()[0]
    rec.clock.advance(60)
    delay = store.upkeep.run()
    later = store.conn.execute("SELECT last_seen_at FROM session").fetchone()[0]
    assert later > seen and delay is not None and delay <= 5.0
    rec.engine.resume()
    rec.run(3000)
    assert store.upkeep.run() is None  # over and written: nothing more to keep up
    store.close()


def test_a_pipe_in_place_of_a_lock_is_never_a_wait(tmp_path: Path) -> None:
    os.mkfifo(tmp_path / "abc.lock")
    answers: list[bool] = []
    asking = threading.Thread(
        target=lambda: answers.extend([lock_held(tmp_path, "abc"), owner_alive(tmp_path, "abc")]),
        daemon=True,  # (a wait on the pipe would outlive the test otherwise)
    )
    asking.start()
    asking.join(timeout=5)
    assert len(answers) == 2
