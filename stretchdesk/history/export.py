"""Exports for a clinician: CSV (a row per session, or per step) and JSON (everything)."""

from __future__ import annotations

import csv
import json
import sqlite3
from collections.abc import Iterable
from typing import Any, TextIO

from stretchdesk.history.queries import iter_pain_reports, iter_sessions, iter_steps
from stretchdesk.history.timefmt import iso_utc

SESSION_COLUMNS = (
    "id",
    "routine",
    "started_at",
    "ended_at",
    "outcome",
    "completed_steps",
    "total_steps",
    "pain_before",
    "pain_after",
    "stopped_at_exercise",
)
STEP_COLUMNS = (
    "session_id",
    "position",
    "exercise",
    "title",
    "phase",
    "status",
    "started_at",
    "ended_at",
    "active_seconds",
)

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(value: object) -> object:
    """Text that a spreadsheet would run as a formula is prefixed with a quote."""
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def _write_rows(out: TextIO, header: Iterable[str], rows: Iterable[Iterable[object]]) -> int:
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    count = 0
    for row in rows:
        writer.writerow([_cell(v) for v in row])
        count += 1
    return count


def export_sessions_csv(conn: sqlite3.Connection, out: TextIO) -> int:
    """One row per session, oldest first. Returns the number of rows."""
    rows = (
        (
            s.id,
            s.routine_id,
            iso_utc(s.started_at),
            iso_utc(s.ended_at) if s.ended_at else None,
            s.outcome,
            s.completed_steps,
            s.total_steps,
            s.pain_before,
            s.pain_after,
            s.stopped_at_exercise,
        )
        for s in iter_sessions(conn, newest_first=False)
    )
    return _write_rows(out, SESSION_COLUMNS, rows)


def export_steps_csv(conn: sqlite3.Connection, out: TextIO) -> int:
    """One row per finished step, in session order. Returns the number of rows."""
    rows = (
        (
            t.session_id,
            t.position + 1,
            t.exercise_id,
            t.title,
            t.phase,
            t.status,
            iso_utc(t.started_at),
            iso_utc(t.ended_at),
            round(t.active_seconds, 1),
        )
        for t in iter_steps(conn)
    )
    return _write_rows(out, STEP_COLUMNS, rows)


def export_json(conn: sqlite3.Connection, out: TextIO) -> int:
    """Every session with its steps and pain reports. Returns the number of sessions."""
    steps: dict[int, list[dict[str, Any]]] = {}
    for t in iter_steps(conn):
        steps.setdefault(t.session_id, []).append(
            {
                "position": t.position + 1,
                "routine_step": None if t.routine_step is None else t.routine_step + 1,
                "exercise": t.exercise_id,
                "title": t.title,
                "phase": t.phase,
                "status": t.status,
                "started_at": iso_utc(t.started_at),
                "ended_at": iso_utc(t.ended_at),
                "active_seconds": round(t.active_seconds, 1),
            }
        )
    reports: dict[int, list[dict[str, Any]]] = {}
    for p in iter_pain_reports(conn):
        reports.setdefault(p.session_id, []).append(
            {
                "reported_at": iso_utc(p.reported_at),
                "rating": p.rating,
                "exercise": p.exercise_id,
                "title": p.title,
                "side": p.side,
                "rep": p.rep,
                "seconds_into_step": p.seconds_into_step,
            }
        )
    sessions = [
        {
            "id": s.id,
            "routine": s.routine_id,
            "routine_title": s.routine_title,
            "started_at": iso_utc(s.started_at),
            "ended_at": iso_utc(s.ended_at) if s.ended_at else None,
            "outcome": s.outcome,
            "completed_steps": s.completed_steps,
            "total_steps": s.total_steps,
            "active_minutes": round(s.minutes, 1),
            "pain_before": s.pain_before,
            "pain_after": s.pain_after,
            "stopped_at_exercise": s.stopped_at_exercise,
            "note": s.note,
            "steps": steps.get(s.id, []),
            "pain_reports": reports.get(s.id, []),
        }
        for s in iter_sessions(conn, newest_first=False)
    ]
    json.dump(
        {"format": "stretchdesk-history", "version": 1, "sessions": sessions},
        out,
        indent=2,
        ensure_ascii=False,
    )
    out.write("\n")
    return len(sessions)
