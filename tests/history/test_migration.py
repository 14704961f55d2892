"""Version 3 rebuilds the session and step tables: every row survives, foreign keys hold,
and the stored words are exactly the history's typed outcomes."""

from __future__ import annotations

import re
import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from stretchdesk.history import HistoryStore
from stretchdesk.history import queries as q
from stretchdesk.history.outcome import SessionOutcome, StepOutcome
from stretchdesk.history.schema import LATEST, V1, V2, empty_history
from tests.history import rows


def _make_v2(path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    conn = sqlite3.connect(path)
    conn.executescript(V1 + V2)
    conn.execute(
        "INSERT INTO session (id, routine_id, routine_title, started_at, ended_at, outcome, "
        "total_steps, planned_seconds, active_seconds, pain_before, stopped_exercise, owner, "
        "note) VALUES (7, 'quick-relief', 'Quick relief', '2026-01-01T08:00:00.000Z', "
        "'2026-01-01T08:03:00.000Z', 'stopped_for_pain', 5, 465, 150, 6, 'knee-rolls', 'x', "
        "'sore')"
    )
    for position, exercise in enumerate(("belly-breathing", "pelvic-tilt")):
        conn.execute(
            "INSERT INTO step (session_id, position, routine_step, exercise_id, title, phase, "
            "status, started_at, ended_at, active_seconds) VALUES (7, ?, ?, ?, ?, 'warmup', "
            "'completed', '2026-01-01T08:00:00.000Z', '2026-01-01T08:01:00.000Z', 60)",
            (position, position, exercise, exercise),
        )
    conn.execute(
        "INSERT INTO pain_report (session_id, reported_at, rating, exercise_id) "
        "VALUES (7, '2026-01-01T08:03:00.000Z', 7, 'knee-rolls')"
    )
    conn.execute("PRAGMA user_version = 2")
    conn.commit()
    conn.close()


def test_a_version_2_history_keeps_every_row(data_dir: Path) -> None:
    path = data_dir / "history.sqlite"
    _make_v2(path)
    store, notices = HistoryStore.open(path)
    assert notices and notices[0].path is not None and notices[0].path.exists()
    conn = store.conn
    assert conn.execute("PRAGMA user_version").fetchone()[0] == LATEST
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    (s,) = q.list_sessions(conn)
    assert (s.id, s.outcome, s.completed_steps, s.pain_before, s.note) == (
        7,
        SessionOutcome.STOPPED_FOR_PAIN,
        2,
        6,
        "sore",
    )
    assert [t.exercise_id for t in rows.iter_steps(conn)] == ["belly-breathing", "pelvic-tilt"]
    assert [r.rating for r in rows.iter_pain_reports(conn)] == [7]
    # the new words are accepted, and foreign keys are enforced again
    store.set_outcome(7, SessionOutcome.COMPLETED_WITH_SKIPS)
    with pytest.raises(sqlite3.IntegrityError):
        conn.execute(
            "INSERT INTO step (session_id, position, exercise_id, title, phase, status, "
            "started_at, ended_at, active_seconds) VALUES (99, 0, 'x', 'x', 'warmup', "
            "'stopped', 'a', 'b', 0)"
        )
    sid = store.begin_session(
        routine_id="r",
        routine_title="R",
        total_steps=1,
        planned_seconds=1,
        started_at=datetime.now(UTC),
    )
    store.touch(sid, datetime.now(UTC))
    store.close()


def _checked_words(table: str, column: str) -> set[str]:
    conn = empty_history()
    sql = conn.execute("SELECT sql FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    conn.close()
    match = re.search(rf"{column} IN\s*\(([^)]*)\)", sql)
    assert match is not None
    return set(re.findall(r"'([a-z_]+)'", match.group(1)))


def test_the_schema_stores_exactly_the_typed_outcomes() -> None:
    assert _checked_words("session", "outcome") == {o.value for o in SessionOutcome}
    assert _checked_words("step", "status") == {o.value for o in StepOutcome}
