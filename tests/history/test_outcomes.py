"""Each outcome is written as it happens: session row, step rows, pain report, outcome."""

from __future__ import annotations

import sqlite3
import stat
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from stretchdesk.history import HistoryStore
from stretchdesk.history import queries as q
from stretchdesk.history.outcome import SessionOutcome, StepOutcome
from stretchdesk.history.schema import LATEST
from stretchdesk.routine import Catalog, Routine
from tests.history import rows
from tests.history.helpers import Recorded, open_store
from tests.session.helpers import short_routine


@pytest.fixture
def quick(catalog: Catalog) -> Routine:
    routine = short_routine()
    assert routine is not None
    return routine


@pytest.fixture
def store(data_dir: Path):  # type: ignore[no-untyped-def]
    store = open_store(data_dir / "history.sqlite")
    yield store
    store.close()


def test_the_file_is_private_and_in_wal_mode(store: HistoryStore) -> None:
    assert stat.S_IMODE(store.path.stat().st_mode) == 0o600
    assert store.conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert store.conn.execute("PRAGMA user_version").fetchone()[0] == LATEST


def test_completed_session(store: HistoryStore, quick: Routine) -> None:
    rec = Recorded(store, quick, pain_before=6)
    rec.engine.start()
    row = rows.get_session(store.conn, rec.recorder.session_id)  # type: ignore[arg-type]
    assert row is not None and row.outcome == "running" and row.pain_before == 6
    rec.run(3000)
    rec.recorder.set_pain_after(3)
    (s,) = q.list_sessions(store.conn)
    assert (s.outcome, s.completed_steps, s.total_steps, s.pain_before, s.pain_after) == (
        "completed",
        5,
        5,
        6,
        3,
    )
    assert s.active_seconds == pytest.approx(quick.active_seconds)
    assert s.ended_at is not None
    assert (s.ended_at - s.started_at).total_seconds() == pytest.approx(465, abs=0.01)
    steps = list(rows.iter_steps(store.conn, s.id))
    assert [t.exercise_id for t in steps] == [st.exercise_id for st in quick.steps]
    assert all(t.status == "completed" for t in steps)
    assert steps[0].started_at == s.started_at  # the lead-in is part of the step


def test_each_finished_step_is_written_at_once(store: HistoryStore, quick: Routine) -> None:
    rec = Recorded(store, quick)
    rec.engine.start()
    rec.run(15 + 120 + 1)  # belly breathing done
    other = sqlite3.connect(store.path)  # another reader sees it committed
    assert other.execute("SELECT exercise_id FROM step").fetchall() == [("belly-breathing",)]
    other.close()


def test_stopped_for_pain_then_rated(store: HistoryStore, quick: Routine) -> None:
    rec = Recorded(store, quick, pain_before=4)
    rec.engine.start()
    rec.run(15 + 120 + 10 + 5 + 30 + 10 + 5 + 12)  # into knee rolls
    where = rec.engine.pain_stop()
    assert where is not None
    # written before anything else happens: the recovery screen can rely on it
    (s,) = q.list_sessions(store.conn)
    assert (s.outcome, s.stopped_at_exercise, s.completed_steps) == (
        "stopped_for_pain",
        "knee-rolls",
        2,
    )
    (report,) = rows.iter_pain_reports(store.conn, s.id)
    assert (report.exercise_id, report.side, report.rep, report.rating) == (
        "knee-rolls",
        "left",
        2,
        None,
    )
    rec.recorder.rate_pain_stop(7)
    (report,) = rows.iter_pain_reports(store.conn, s.id)
    assert report.rating == 7
    assert rows.get_session(store.conn, s.id).pain_after == 7  # type: ignore[union-attr]
    assert q.pain_stops_per_exercise(store.conn) == [("knee-rolls", "Knee rolls", 1)]


def test_it_was_not_pain(store: HistoryStore, quick: Routine) -> None:
    rec = Recorded(store, quick)
    rec.engine.start()
    rec.run(40)
    rec.engine.pain_stop()
    rec.recorder.not_pain()
    rec.recorder.add_note("  the phone rang  ")
    (s,) = q.list_sessions(store.conn)
    assert (s.outcome, s.note) == ("ended_early", "the phone rang")


def test_ended_early(store: HistoryStore, quick: Routine) -> None:
    rec = Recorded(store, quick)
    rec.engine.start()
    rec.run(40)
    rec.engine.end_early()
    assert q.list_sessions(store.conn)[0].outcome == "ended_early"


def test_skipped_stretch_is_written_as_skipped(store: HistoryStore, quick: Routine) -> None:
    rec = Recorded(store, quick)
    rec.engine.start()
    rec.run(15 + 120 + 10 + 5 + 30 + 10 + 5 + 50 + 10 + 2)
    assert rec.engine.view().step.exercise_id == "knee-to-chest"
    assert rec.engine.next_step() is None
    steps = list(rows.iter_steps(store.conn))
    assert (steps[-1].exercise_id, steps[-1].status) == ("knee-to-chest", "skipped")


def test_interrupted_when_the_owner_is_gone(data_dir: Path, quick: Routine) -> None:
    path = data_dir / "history.sqlite"
    first = open_store(path)
    rec = Recorded(first, quick)
    rec.engine.start()
    rec.run(200)
    # the process "dies": its lock is released without finishing the session
    first._lock.release()  # type: ignore[union-attr]
    first.conn.close()
    second, notices = HistoryStore.open(path)
    assert [n.kind.value for n in notices] == ["interrupted_found"]
    (s,) = q.list_sessions(second.conn)
    assert s.outcome == "interrupted" and s.completed_steps == 2
    assert s.ended_at is not None and s.ended_at > s.started_at
    second.close()


def test_a_live_second_instances_session_is_not_interrupted(data_dir: Path, quick: Routine) -> None:
    path = data_dir / "history.sqlite"
    first = open_store(path)
    rec = Recorded(first, quick)
    rec.engine.start()
    rec.run(30)
    second, notices = HistoryStore.open(path)  # first is still alive
    assert notices == []
    assert q.list_sessions(second.conn)[0].outcome == "running"
    rec.run(3000)
    assert q.list_sessions(second.conn)[0].outcome == "completed"
    second.close()
    first.close()


def test_queries_for_the_history_screen(store: HistoryStore) -> None:
    tz = UTC
    base = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
    for days_ago, pain in [(0, (6, 4)), (1, (5, 5)), (2, (7, 3)), (4, (6, None))]:
        start = base - timedelta(days=days_ago)
        sid = store.begin_session(
            routine_id="quick-relief",
            routine_title="Quick relief",
            total_steps=5,
            planned_seconds=465,
            started_at=start,
            pain_before=pain[0],
        )
        store.add_step(
            sid,
            position=0,
            routine_step=0,
            exercise_id="belly-breathing",
            title="Belly breathing",
            phase="warmup",
            status=StepOutcome.COMPLETED,
            started_at=start,
            ended_at=start + timedelta(minutes=2),
            active_seconds=120,
        )
        store.finish_session(
            sid,
            outcome=SessionOutcome.COMPLETED,
            ended_at=start + timedelta(minutes=8),
            active_seconds=340,
        )
        if pain[1] is not None:
            store.set_pain(sid, after=pain[1])
    assert q.streak(store.conn, date(2026, 11, 24), tz) == 3
    assert q.streak(store.conn, date(2026, 11, 25), tz) == 3  # today not yet done
    assert q.streak(store.conn, date(2026, 11, 26), tz) == 0
    weeks = q.minutes_per_week(store.conn, date(2026, 11, 24), tz, weeks=2)
    assert weeks == [(date(2026, 11, 16), 4.0), (date(2026, 11, 23), 4.0)]  # Fri+Sun, Mon+Tue
    trend = q.pain_trend(store.conn)
    assert [(p.before, p.after) for p in trend] == [(6, None), (7, 3), (5, 5), (6, 4)]
    newest = q.list_sessions(store.conn, limit=2)
    assert [s.started_at.day for s in newest] == [24, 23]
    window = q.list_sessions(store.conn, since=base - timedelta(days=2), until=base)
    assert len(window) == 2


def test_pain_ratings_must_be_0_to_10(store: HistoryStore) -> None:
    sid = store.begin_session(
        routine_id="r",
        routine_title="R",
        total_steps=1,
        planned_seconds=1,
        started_at=datetime.now(UTC),
    )
    with pytest.raises(ValueError):
        store.set_pain(sid, before=11)


def test_a_rating_given_at_a_pain_stop_is_not_a_sessions_after_in_the_trend(
    store: HistoryStore, quick: Routine
) -> None:
    rec = Recorded(store, quick)
    rec.engine.start()
    rec.run(200)
    rec.engine.pain_stop()
    rec.recorder.rate_pain_stop(7)
    assert q.pain_trend(store.conn) == []  # listed with the stops, as the report keeps them
    assert q.rated_sessions_since(store.conn, rec.wall() - timedelta(days=1))[0][0].after == 7
