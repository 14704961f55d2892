"""What a report for a physiotherapist holds, read from the history for a range of days.

Weeks run Monday to Sunday in the person's time zone. The rating given at a stop for pain is
kept apart from the pain after a completed session (the history keeps both as the session's
pain after). Each exercise's dose in each routine is told as periods of the same planned
dose (a new period when the hold, reps or sides change), so ten years at one dose is one
line, and a change of dose shows when it happened. What was shown before the sessions (the
health check's answers and the steps they left out or marked, the suggestions; schema 5) is
told as periods too (report_shown.py). Everything is read in one pass over the range's
sessions, steps and what was shown.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, tzinfo
from operator import itemgetter
from typing import Any

from stretchdesk.history import packed
from stretchdesk.history.liveness import ensure_watched
from stretchdesk.history.outcome import SessionOutcome
from stretchdesk.history.report_shown import HealthPeriod, ShownSuggestion, read_shown
from stretchdesk.history.sync.device import sessions_per_computer
from stretchdesk.history.timefmt import iso_utc, parse_utc
from stretchdesk.i18n import _
from stretchdesk.routine.model import Sides, Timing

SHORTENED = 0.9  # a step ended with less than 90 % of its planned time (the app's own choice)


@dataclass
class Week:
    start: date  # the Monday
    sessions: int = 0
    completed: int = 0
    pain_stops: int = 0
    seconds: float = 0.0
    before: list[int] = field(default_factory=list)
    after: list[int] = field(default_factory=list)  # after a session that was not stopped
    at_stop: list[int] = field(default_factory=list)  # given at a stop for pain

    @property
    def minutes(self) -> float:
        return self.seconds / 60.0

    @staticmethod
    def mean(values: list[int]) -> float | None:
        return sum(values) / len(values) if values else None


@dataclass(frozen=True)
class PainStop:
    when: datetime  # local
    routine: str
    exercise: str
    side: str | None
    rep: int | None
    rating: int | None
    note: str


@dataclass
class Changes:
    """What was not done as planned in one exercise."""

    exercise: str
    skipped: int = 0
    shortened: int = 0
    stopped: int = 0
    swapped_in: int = 0  # done instead of the routine's warm-up (its other position)


@dataclass
class DosePeriod:
    exercise: str
    routine: str
    dose: Timing | None  # as planned; None: not recorded (a history older than schema 4)
    first: date
    last: date
    sessions: int = 0
    in_full: int = 0
    seconds_done: float = 0.0
    seconds_planned: float = 0.0


@dataclass(frozen=True)
class SessionNote:
    when: datetime
    routine: str
    outcome: SessionOutcome
    note: str


@dataclass
class ReportData:
    start: date
    end: date  # inclusive
    weeks: list[Week]
    sessions: int = 0
    days: int = 0
    stops: list[PainStop] = field(default_factory=list)
    changes: list[Changes] = field(default_factory=list)
    doses: list[DosePeriod] = field(default_factory=list)
    notes: list[SessionNote] = field(default_factory=list)
    health: list[HealthPeriod] = field(default_factory=list)
    suggestions: list[ShownSuggestion] = field(default_factory=list)
    not_recorded: int = 0  # sessions with nothing of what was shown kept (before schema 5)
    computers: list[tuple[str, int]] = field(default_factory=list)  # name ("": this), sessions


def planned_timing(
    hold: float | None, reps: int | None, sides: str | None, planned: float
) -> Timing | None:
    """A step's planned dose as the history keeps it (from schema 4 on), as a timing the
    sheet's words can tell (documents/sheet.py ``dose_text``); None when not recorded."""
    side = Sides(sides) if sides in {s.value for s in Sides} else Sides.NONE
    count = 1 if side is Sides.NONE else 2
    if hold is not None and reps:
        return Timing(hold=hold, reps=reps, sides=side)
    if reps and planned:
        return Timing(rep_seconds=round(planned / (reps * count), 3), reps=reps, sides=side)
    if planned:
        return Timing(duration=round(planned / count, 3), sides=side)
    return None


def _bounds(start: date, end: date, tz: tzinfo) -> tuple[str, str]:
    low = datetime.combine(start, datetime.min.time(), tz)
    high = datetime.combine(end + timedelta(days=1), datetime.min.time(), tz)
    return iso_utc(low), iso_utc(high)


def _monday(day: date) -> date:
    return day - timedelta(days=day.weekday())


@packed.at_one_moment
def read_report(conn: sqlite3.Connection, start: date, end: date, tz: tzinfo) -> ReportData:
    """Everything a report shows for the days ``start`` to ``end`` (both included)."""
    low, high = _bounds(start, end, tz)
    weeks = {}
    monday = _monday(start)
    while monday <= end:
        weeks[monday] = Week(monday)
        monday += timedelta(weeks=1)
    data = ReportData(start, end, list(weeks.values()))
    sessions: dict[int, tuple[datetime, str, SessionOutcome]] = {}
    days: set[date] = set()
    ensure_watched(conn)  # a session its app left running reads as interrupted
    for sid, started, title, outcome, before, after, note in conn.execute(
        "SELECT id, started_at, routine_title, outcome_now, pain_before, pain_after, note "
        "FROM session_now WHERE started_at >= ? AND started_at < ? AND outcome_now != ? "
        "ORDER BY started_at, id",
        (low, high, SessionOutcome.RUNNING.value),
    ):
        when = parse_utc(started).astimezone(tz)
        kind = SessionOutcome(outcome)
        sessions[sid] = (when, title, kind)
        days.add(when.date())
        week = weeks[_monday(when.date())]
        week.sessions += 1
        week.completed += kind in (SessionOutcome.COMPLETED, SessionOutcome.COMPLETED_WITH_SKIPS)
        week.pain_stops += kind is SessionOutcome.STOPPED_FOR_PAIN
        if before is not None:
            week.before.append(before)
        if after is not None:  # a stop's rating is kept apart from the pain after
            stopped = kind is SessionOutcome.STOPPED_FOR_PAIN
            (week.at_stop if stopped else week.after).append(after)
        if note:
            data.notes.append(SessionNote(when, title, kind, note))
    data.sessions, data.days = len(sessions), len(days)
    data.computers = sessions_per_computer(conn, low, high)
    left_out = read_shown(conn, data, sessions, (low, high))
    _steps(conn, data, sessions, weeks, (low, high), left_out=left_out)
    _stops(conn, data, sessions, (low, high))
    return data


def _steps(
    conn: sqlite3.Connection,
    data: ReportData,
    sessions: dict[int, tuple[datetime, str, SessionOutcome]],
    weeks: dict[date, Week],
    bounds: tuple[str, str],
    *,
    left_out: set[tuple[int, int]],
) -> None:
    """``left_out``: (session, routine step) the health check left out, not counted as
    skipped (the report lists them with the health check)."""
    changes: dict[str, Changes] = {}
    periods: dict[tuple[str, str], list[DosePeriod]] = defaultdict(list)
    rows = conn.execute(
        "SELECT t.session_id, t.routine_step, t.exercise_id, t.title, t.status, "
        f"t.active_seconds, {_dose_columns(conn)} FROM step t "
        "JOIN session s ON s.id = t.session_id "
        "WHERE s.started_at >= ? AND s.started_at < ? ORDER BY s.started_at, t.id",
        bounds,
    ).fetchall()
    rows += _packed_steps(conn, sessions, bounds[0])
    rows.sort(key=lambda row: sessions[row[0]][0] if row[0] in sessions else _NEVER)
    for row in rows:
        sid, index, exercise_id, title, status, seconds = row[:6]
        planned, hold, reps, sides, swapped = row[6:]
        if sid not in sessions or (status == "skipped" and (sid, index) in left_out):
            continue
        when, routine, _ = sessions[sid]
        day = when.date()
        weeks[_monday(day)].seconds += seconds
        change = changes.setdefault(exercise_id, Changes(title))
        change.skipped += status == "skipped"
        change.stopped += status == "stopped"
        short = status == "completed" and planned and seconds < planned * SHORTENED
        change.shortened += bool(short)
        change.swapped_in += swapped is not None
        if status == "skipped":
            continue
        dose = planned_timing(hold, reps, sides, planned or 0.0)
        runs = periods[exercise_id, routine]  # one routine's dose of it, period by period
        if not runs or runs[-1].dose != dose:
            runs.append(DosePeriod(title, routine, dose, day, day))
        period = runs[-1]
        period.last = day
        period.sessions += 1
        period.in_full += status == "completed" and not short
        period.seconds_done += seconds
        period.seconds_planned += planned or seconds
    data.changes = sorted(
        (c for c in changes.values() if c.skipped or c.shortened or c.stopped or c.swapped_in),
        key=lambda c: c.exercise,
    )
    data.doses = [
        p for _, runs in sorted(periods.items(), key=lambda kv: kv[1][0].exercise) for p in runs
    ]


DOSE_COLUMNS = ("planned_seconds", "hold", "reps", "sides", "swapped_from")
_NEVER = datetime.min.replace(tzinfo=UTC)
_PACKED = itemgetter(
    0,
    *(1 + packed.STEP_COLUMNS.index(c) for c in ("routine_step", "exercise_id", "title")),
    *(1 + packed.STEP_COLUMNS.index(c) for c in ("status", "active_seconds", *DOSE_COLUMNS)),
)


def _packed_steps(
    conn: sqlite3.Connection, sessions: dict[int, Any], since: str
) -> list[tuple[Any, ...]]:
    """The steps of the sessions not yet rows (packed.py), as the query above reads rows
    (a step ends after its session starts)."""
    return [_PACKED(row) for row in packed.rows(conn, ended_since=since) if row[0] in sessions]


def _dose_columns(conn: sqlite3.Connection) -> str:
    """The dose columns, or NULLs in a history older than them (opened read-only, so not
    brought up to date)."""
    have = {row[1] for row in conn.execute("PRAGMA table_info(step)")}
    return ", ".join(f"t.{c}" if c in have else "NULL" for c in DOSE_COLUMNS)


def _stops(
    conn: sqlite3.Connection,
    data: ReportData,
    sessions: dict[int, tuple[datetime, str, SessionOutcome]],
    bounds: tuple[str, str],
) -> None:
    rows = conn.execute(
        "SELECT p.session_id, p.reported_at, p.rating, p.title, p.exercise_id, p.side, p.rep, "
        "s.note FROM pain_report p JOIN session s ON s.id = p.session_id "
        "WHERE s.started_at >= ? AND s.started_at < ? ORDER BY p.reported_at, p.id",
        bounds,
    )
    for sid, reported, rating, title, exercise_id, side, rep, note in rows:
        if sid not in sessions:
            continue
        when = parse_utc(reported).astimezone(sessions[sid][0].tzinfo)
        exercise = title or exercise_id or _("before the first exercise")
        data.stops.append(PainStop(when, sessions[sid][1], exercise, side, rep, rating, note or ""))
