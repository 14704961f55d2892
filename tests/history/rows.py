"""What the history holds, row by row, for tests to look at: the steps and pain reports of
a session as they were written, and one session by id."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime

from stretchdesk.history.queries import SessionSummary, iter_sessions
from stretchdesk.history.timefmt import parse_utc


def get_session(conn: sqlite3.Connection, session_id: int) -> SessionSummary | None:
    return next((s for s in iter_sessions(conn) if s.id == session_id), None)


@dataclass(frozen=True)
class StepRow:
    session_id: int
    position: int
    routine_step: int | None
    exercise_id: str
    title: str
    phase: str
    status: str
    started_at: datetime
    ended_at: datetime
    active_seconds: float


def iter_steps(conn: sqlite3.Connection, session_id: int | None = None) -> Iterator[StepRow]:
    sql = (
        "SELECT session_id, position, routine_step, exercise_id, title, phase, status, "
        "started_at, ended_at, active_seconds FROM step"
    )
    params: tuple[object, ...] = ()
    if session_id is not None:
        sql += " WHERE session_id = ?"
        params = (session_id,)
    sql += " ORDER BY session_id, id"
    for r in conn.execute(sql, params):
        yield StepRow(
            r[0], r[1], r[2], r[3], r[4], r[5], r[6], parse_utc(r[7]), parse_utc(r[8]), r[9]
        )


@dataclass(frozen=True)
class PainReport:
    id: int
    session_id: int
    reported_at: datetime
    rating: int | None
    exercise_id: str | None
    title: str | None
    side: str | None
    rep: int | None
    seconds_into_step: float | None


def iter_pain_reports(
    conn: sqlite3.Connection, session_id: int | None = None
) -> Iterator[PainReport]:
    sql = (
        "SELECT id, session_id, reported_at, rating, exercise_id, title, side, rep, "
        "seconds_into_step FROM pain_report"
    )
    params: tuple[object, ...] = ()
    if session_id is not None:
        sql += " WHERE session_id = ?"
        params = (session_id,)
    sql += " ORDER BY id"
    for r in conn.execute(sql, params):
        yield PainReport(r[0], r[1], parse_utc(r[2]), r[3], r[4], r[5], r[6], r[7], r[8])
