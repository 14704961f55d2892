"""What the history screen and the export read from the history file.

Sessions are read through the view ``session_now`` (liveness.py): a session left running by
an app that is gone reads as interrupted, ended at its last heartbeat."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Any

from stretchdesk.history import packed
from stretchdesk.history.liveness import ensure_watched
from stretchdesk.history.outcome import SessionOutcome, StepOutcome, with_words
from stretchdesk.history.timefmt import iso_utc, parse_utc

_SUMMARY = with_words("""
SELECT s.id, s.routine_id, s.routine_title, s.started_at, s.ended_now, s.outcome_now,
       COALESCE(s.packed_done,
           (SELECT COUNT(*) FROM step t WHERE t.session_id = s.id AND t.status = '{DONE}')),
       s.total_steps, s.pain_before, s.pain_after, s.stopped_exercise, s.active_seconds,
       s.note, s.planned_seconds,
       COALESCE(s.packed_active,
           (SELECT COALESCE(SUM(t.active_seconds), 0) FROM step t WHERE t.session_id = s.id)),
       COALESCE(s.packed_skipped,
           (SELECT COUNT(*) FROM step t WHERE t.session_id = s.id AND t.status = '{SKIPPED}'))
FROM session_now s
""")


@dataclass(frozen=True)
class SessionSummary:
    id: int
    routine_id: str
    routine_title: str
    started_at: datetime
    ended_at: datetime | None
    outcome: SessionOutcome
    completed_steps: int
    skipped_steps: int
    total_steps: int
    pain_before: int | None
    pain_after: int | None
    stopped_at_exercise: str | None
    active_seconds: float
    note: str | None
    planned_seconds: float

    @property
    def minutes(self) -> float:
        return self.active_seconds / 60.0


def _summary(row: Any) -> SessionSummary:
    outcome = SessionOutcome(row[5])
    active = float(row[11] or 0.0)
    if outcome.counts_finished_steps_only:
        active = float(row[14] or 0.0)
    return SessionSummary(
        id=int(row[0]),
        routine_id=str(row[1]),
        routine_title=str(row[2]),
        started_at=parse_utc(str(row[3])),
        ended_at=parse_utc(str(row[4])) if row[4] else None,
        outcome=outcome,
        completed_steps=int(row[6]),
        skipped_steps=int(row[15]),
        total_steps=int(row[7]),
        pain_before=row[8],
        pain_after=row[9],
        stopped_at_exercise=row[10],
        active_seconds=active,
        note=row[12],
        planned_seconds=float(row[13]),
    )


def iter_sessions(
    conn: sqlite3.Connection,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    newest_first: bool = True,
    limit: int | None = None,
) -> Iterator[SessionSummary]:
    """Sessions by start time, optionally within [since, until)."""
    ensure_watched(conn)
    sql = _SUMMARY + " WHERE s.started_at >= ? AND s.started_at < ?"
    params: list[object] = [
        iso_utc(since) if since else "",
        iso_utc(until) if until else "9999",
    ]
    sql += " ORDER BY s.started_at " + ("DESC" if newest_first else "ASC")
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    for row in conn.execute(sql, params):
        yield _summary(row)


def list_sessions(
    conn: sqlite3.Connection,
    *,
    since: datetime | None = None,
    until: datetime | None = None,
    newest_first: bool = True,
    limit: int | None = None,
) -> list[SessionSummary]:
    return list(
        iter_sessions(conn, since=since, until=until, newest_first=newest_first, limit=limit)
    )


def active_days(conn: sqlite3.Connection, tz: tzinfo) -> set[date]:
    ensure_watched(conn)
    rows = conn.execute(
        with_words(
            "SELECT DISTINCT started_at FROM session_now s WHERE s.packed_done > 0 OR EXISTS "
            "(SELECT 1 FROM step t WHERE t.session_id = s.id AND t.status = '{DONE}')"
        )
    )
    return {parse_utc(r[0]).astimezone(tz).date() for r in rows}


def streak(conn: sqlite3.Connection, today: date, tz: tzinfo) -> int:
    """Days in a row, ending today (or yesterday), with at least one step completed."""
    days = active_days(conn, tz)
    day = today if today in days else today - timedelta(days=1)
    count = 0
    while day in days:
        count += 1
        day -= timedelta(days=1)
    return count


@packed.at_one_moment
def minutes_per_week(
    conn: sqlite3.Connection, today: date, tz: tzinfo, weeks: int = 8
) -> list[tuple[date, float]]:
    """Active minutes in each of the last ``weeks`` weeks (Monday first), oldest first."""
    monday = today - timedelta(days=today.weekday())
    starts = [monday - timedelta(weeks=w) for w in range(weeks - 1, -1, -1)]
    totals = dict.fromkeys(starts, 0.0)
    first = datetime.combine(starts[0], datetime.min.time(), tz)
    since = iso_utc(first)
    rows = conn.execute(
        "SELECT t.ended_at, t.active_seconds FROM step t WHERE t.ended_at >= ?", (since,)
    ).fetchall()
    rows += [(r[packed.ENDED], r[packed.ENDED + 1]) for r in packed.rows(conn, ended_since=since)]
    for ended, seconds in rows:
        day = parse_utc(ended).astimezone(tz).date()
        week = day - timedelta(days=day.weekday())
        if week in totals:
            totals[week] += seconds / 60.0
    return [(week, round(totals[week], 1)) for week in starts]


@dataclass(frozen=True)
class PainPoint:
    session_id: int
    started_at: datetime
    before: int | None
    after: int | None


def rating(value: object) -> int | None:
    """A stored pain rating: a whole number from 0 to 10, else not rated (a row another
    program wrote, past the table's check, is not a rating)."""
    if isinstance(value, int) and not isinstance(value, bool) and 0 <= value <= 10:
        return value
    return None


def _point(row: Any) -> PainPoint:
    return PainPoint(row[0], parse_utc(row[1]), rating(row[2]), rating(row[3]))


def pain_trend(conn: sqlite3.Connection, limit: int = 60) -> list[PainPoint]:
    """Pain before and after, for the most recent sessions with a rating, oldest first. A
    rating given when a session was stopped for pain is not a session's "after" here (the
    stops are listed on their own, as the report keeps them apart)."""
    rows = conn.execute(
        "SELECT id, started_at, pain_before, "
        f"CASE WHEN outcome = '{SessionOutcome.STOPPED_FOR_PAIN}' THEN NULL ELSE pain_after END "
        "AS after FROM session WHERE pain_before IS NOT NULL OR after IS NOT NULL "
        "ORDER BY started_at DESC LIMIT ?",
        (limit,),
    ).fetchall()
    return [_point(r) for r in reversed(rows)]


def pain_stops_per_exercise(conn: sqlite3.Connection) -> list[tuple[str, str, int]]:
    """(exercise id, title, number of pain-stops), most first."""
    rows = conn.execute(
        "SELECT exercise_id, MAX(title), COUNT(*) FROM pain_report "
        "WHERE exercise_id IS NOT NULL GROUP BY exercise_id ORDER BY COUNT(*) DESC, exercise_id"
    )
    return [(r[0], r[1] or r[0], r[2]) for r in rows]


def rated_sessions_since(
    conn: sqlite3.Connection, since: datetime
) -> tuple[list[PainPoint], datetime | None]:
    """Sessions with a rating since ``since``, oldest first, and when the first rating ever
    was given (None if never)."""
    rows = conn.execute(
        "SELECT id, started_at, pain_before, pain_after FROM session "
        "WHERE (pain_before IS NOT NULL OR pain_after IS NOT NULL) AND started_at >= ? "
        "ORDER BY started_at",
        (iso_utc(since),),
    ).fetchall()
    first = conn.execute(
        "SELECT MIN(started_at) FROM session WHERE pain_before IS NOT NULL"
    ).fetchone()[0]
    points = [_point(r) for r in rows]
    return points, parse_utc(first) if first else None


def pain_stops_since(conn: sqlite3.Connection, since: datetime) -> list[tuple[str, str, datetime]]:
    """Every pain-stop of a known exercise since ``since``: (id, title, when), oldest first."""
    rows = conn.execute(
        "SELECT exercise_id, title, reported_at FROM pain_report "
        "WHERE exercise_id IS NOT NULL AND reported_at >= ? ORDER BY reported_at",
        (iso_utc(since),),
    )
    return [(r[0], r[1] or r[0], parse_utc(r[2])) for r in rows]


@packed.at_one_moment
def unresolved_pain_stops(conn: sqlite3.Connection) -> dict[str, tuple[str, datetime]]:
    """Exercises whose last pain-stop came after the last time they were completed:
    id -> (title, when). The next routine containing one offers to skip or shorten it."""
    rows = conn.execute(
        "SELECT p.exercise_id, p.title, MAX(p.reported_at) FROM pain_report p "
        "WHERE p.exercise_id IS NOT NULL GROUP BY p.exercise_id"
    ).fetchall()
    found: dict[str, tuple[str, datetime]] = {}
    done_since = _packed_done_since(conn, min((r[2] for r in rows), default=None))
    for exercise_id, title, reported in rows:
        later = conn.execute(
            with_words(
                "SELECT 1 FROM step WHERE exercise_id = ? AND status = '{DONE}' "
                "AND ended_at > ? LIMIT 1"
            ),
            (exercise_id, reported),
        ).fetchone()
        if later is None and done_since.get(exercise_id, "") <= reported:
            found[exercise_id] = (title or exercise_id, parse_utc(reported))
    return found


def _packed_done_since(conn: sqlite3.Connection, since: str | None) -> dict[str, str]:
    """Exercise id -> the last end of a completed step of it not yet a row (packed.py),
    among those that ended from ``since`` on."""
    last: dict[str, str] = {}
    if since is None:
        return last
    exercise = 1 + packed.STEP_COLUMNS.index("exercise_id")
    status = 1 + packed.STEP_COLUMNS.index("status")
    for row in packed.rows(conn, ended_since=since):
        if row[status] == StepOutcome.COMPLETED.value and row[packed.ENDED] > last.get(
            row[exercise], ""
        ):
            last[row[exercise]] = row[packed.ENDED]
    return last
