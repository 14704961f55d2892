"""Exports for a clinician: CSV (a row per session with its note, or per step) and JSON
(everything, with what was shown before each session and the suggestions read before "not
today").

Sessions are read through the view ``session_now`` (liveness.py): a session left running by
an app that is gone is exported as interrupted, ended at its last heartbeat."""

from __future__ import annotations

import csv
import heapq
import json
import sqlite3
from collections.abc import Iterable, Iterator
from operator import itemgetter
from pathlib import Path
from typing import Any, TextIO

from stretchdesk.atomic import atomic_text
from stretchdesk.history import packed
from stretchdesk.history.liveness import ensure_watched
from stretchdesk.history.outcome import with_words
from stretchdesk.history.sync.device import computer_names, shared_with_others

SESSION_COLUMNS = (
    "id",
    "routine",
    "started_at",
    "ended_at",
    "outcome",
    "completed_steps",
    "skipped_steps",
    "total_steps",
    "pain_before",
    "pain_after",
    "stopped_at_exercise",
    "note",
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


# A step stopped in progress is exported with its session's outcome (stopped_for_pain, or
# ended_early once "it was not pain" is chosen); a session with no end of its own counts
# the minutes of its finished steps.
_SESSIONS_SQL = with_words("""
SELECT s.id, s.routine_id, s.started_at, s.ended_now, s.outcome_now,
       COALESCE(s.packed_done,
           (SELECT COUNT(*) FROM step t WHERE t.session_id = s.id AND t.status = '{DONE}')),
       COALESCE(s.packed_skipped,
           (SELECT COUNT(*) FROM step t WHERE t.session_id = s.id AND t.status = '{SKIPPED}')),
       s.total_steps, s.pain_before, s.pain_after, s.stopped_exercise,
       s.routine_title, s.note,
       CASE WHEN s.outcome_now IN ('{RUNNING}', '{INTERRUPTED}')
            THEN COALESCE(s.packed_active, (SELECT COALESCE(SUM(t.active_seconds), 0)
                  FROM step t WHERE t.session_id = s.id))
            ELSE s.active_seconds END
FROM session_now s ORDER BY s.started_at, s.id
""")
_STEPS_SQL = with_words("""
SELECT t.session_id, t.position + 1, t.exercise_id, t.title, t.phase,
       CASE WHEN t.status = '{STOPPED}' THEN s.outcome_now ELSE t.status END,
       t.started_at, t.ended_at, round(t.active_seconds, 1), t.routine_step
FROM step t JOIN session_now s ON s.id = t.session_id ORDER BY t.session_id, t.id
""")
_STOPPED = with_words("{STOPPED}")


def _step_rows(conn: sqlite3.Connection) -> Iterator[tuple[Any, ...]]:
    """The rows of ``_STEPS_SQL``, with the steps not yet rows (packed.py) in their place."""
    rows = conn.execute(_STEPS_SQL)
    steps = packed.rows(conn)
    if not steps:
        return iter(rows)
    outcome = dict(conn.execute("SELECT id, outcome_now FROM session_now"))
    (tenths,) = conn.execute(  # rounded as SQLite rounds the rows' seconds
        "SELECT json_group_object(value, round(value, 1)) FROM json_each(?)",
        (json.dumps(sorted({row[9] for row in steps})),),
    ).fetchone()
    rounded = {float(k): v for k, v in json.loads(tenths).items()}
    made = (
        (
            sid,
            pos + 1,
            ex,
            title,
            phase,
            outcome[sid] if status == _STOPPED else status,
            began,
            ended,
            rounded[float(active)],
            rstep,
        )
        for sid, pos, rstep, ex, title, phase, status, began, ended, active, *_dose in steps
        if sid in outcome
    )
    return heapq.merge(rows, made, key=itemgetter(0))


_SHOWN_SQL = """
SELECT session_id, shown_at, kind, name, detail, step FROM shown ORDER BY id
"""
_REPORTS_SQL = """
SELECT session_id, reported_at, rating, exercise_id, title, side, rep, seconds_into_step
FROM pain_report ORDER BY id
"""


@packed.at_one_moment
def export_sessions_csv(conn: sqlite3.Connection, out: TextIO) -> int:
    """One row per session, oldest first, with the person's note last (then the computer it
    was done on, in a history shared with other computers, from the first session sent to
    the shared folder on). Returns the number of rows.

    Times are written as stored: UTC ISO-8601 with a Z.
    """
    ensure_watched(conn)
    rows = ((*row[:11], row[12]) for row in conn.execute(_SESSIONS_SQL))
    if not shared_with_others(conn, or_sent=True):
        return _write_rows(out, SESSION_COLUMNS, rows)
    names = computer_names(conn)
    named = ((*row, names.get(int(row[0]), "")) for row in rows)
    return _write_rows(out, (*SESSION_COLUMNS, "computer"), named)


@packed.at_one_moment
def export_steps_csv(conn: sqlite3.Connection, out: TextIO) -> int:
    """One row per finished step, in session order. Returns the number of rows."""
    ensure_watched(conn)
    rows = (row[:9] for row in _step_rows(conn))
    return _write_rows(out, STEP_COLUMNS, rows)


@packed.at_one_moment
def export_json(conn: sqlite3.Connection, out: TextIO) -> int:
    """Every session with its steps and pain reports. Returns the number of sessions."""
    ensure_watched(conn)
    steps, reports = _json_steps(conn), _json_reports(conn)
    shown, declined = _shown(conn)
    names = computer_names(conn)
    sessions = []
    for row in conn.execute(_SESSIONS_SQL):
        sid = row[0]
        sessions.append(
            {
                "id": sid,
                "routine": row[1],
                "routine_title": row[11],
                "started_at": row[2],
                "ended_at": row[3],
                "outcome": row[4],
                "completed_steps": row[5],
                "skipped_steps": row[6],
                "total_steps": row[7],
                "active_minutes": round(float(row[13] or 0) / 60.0, 1),
                "pain_before": row[8],
                "pain_after": row[9],
                "stopped_at_exercise": row[10],
                "note": row[12],
                "computer": names.get(sid, ""),
                "steps": steps.get(sid, []),
                "pain_reports": reports.get(sid, []),
                "shown_before": shown.get(sid, []),
            }
        )
    document = {
        "format": "stretchdesk-history",
        "version": 2,
        "sessions": sessions,
        "not_today": declined,
    }
    json.dump(document, out, indent=2, ensure_ascii=False)
    out.write("\n")
    return len(sessions)


def _json_steps(conn: sqlite3.Connection) -> dict[int, list[dict[str, Any]]]:
    """Each session's steps (by session id) as the JSON export writes them."""
    steps: dict[int, list[dict[str, Any]]] = {}
    for sid, pos, ex, title, phase, status, began, ended, active, rstep in _step_rows(conn):
        steps.setdefault(sid, []).append(
            {
                "position": pos,
                "routine_step": None if rstep is None else rstep + 1,
                "exercise": ex,
                "title": title,
                "phase": phase,
                "status": status,
                "started_at": began,
                "ended_at": ended,
                "active_seconds": active,
            }
        )
    return steps


def _json_reports(conn: sqlite3.Connection) -> dict[int, list[dict[str, Any]]]:
    """Each session's pain reports (by session id) as the JSON export writes them."""
    reports: dict[int, list[dict[str, Any]]] = {}
    for sid, at, rating, ex, title, side, rep, into in conn.execute(_REPORTS_SQL):
        reports.setdefault(sid, []).append(
            {
                "reported_at": at,
                "rating": rating,
                "exercise": ex,
                "title": title,
                "side": side,
                "rep": rep,
                "seconds_into_step": into,
            }
        )
    return reports


def _shown(
    conn: sqlite3.Connection,
) -> tuple[dict[int, list[dict[str, Any]]], list[dict[str, Any]]]:
    """What was shown before each session, and the suggestions read before "not today"
    (none in a history older than schema 5)."""
    by_session: dict[int, list[dict[str, Any]]] = {}
    declined: list[dict[str, Any]] = []
    has = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'shown'")
    if has.fetchone() is None:
        return by_session, declined
    for sid, at, kind, name, detail, step in conn.execute(_SHOWN_SQL):
        item = {
            "shown_at": at,
            "kind": kind,
            "name": name,
            "detail": detail,
            "routine_step": None if step is None else step + 1,
        }
        (declined if sid is None else by_session.setdefault(sid, [])).append(item)
    return by_session, declined


def write_export(
    conn: sqlite3.Connection, out: TextIO, fmt: str = "csv", steps: bool = False
) -> int:
    """Write the chosen export to ``out``; returns the number of rows (or sessions for JSON)."""
    if fmt == "json":
        return export_json(conn, out)
    if steps:
        return export_steps_csv(conn, out)
    return export_sessions_csv(conn, out)


def export_to_file(
    conn: sqlite3.Connection, target: Path, fmt: str = "csv", steps: bool = False
) -> int:
    """Write the export whole or not at all; raises OSError when it cannot."""
    with atomic_text(target.expanduser()) as out:
        return write_export(conn, out, fmt, steps)
