"""What was shown before the sessions of a report's days (schema 5, history/shown.py): the
health check's answers with the steps they left out or marked, as periods of the same
answers and steps in each routine, and every suggestion from the history with what the
person did next (went on, or not today). A history older than schema 5 (opened read-only)
has none of it, and the report says for how many sessions. No Qt.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from stretchdesk.history.outcome import SessionOutcome, ShownKind
from stretchdesk.history.timefmt import parse_utc

if TYPE_CHECKING:
    from stretchdesk.history.report_data import ReportData


@dataclass
class HealthPeriod:
    """Sessions of one routine with the same answers, and the same steps left out or marked."""

    routine: str
    answers: str  # the answers as worded in the health check; "" for none
    left_out: tuple[str, ...]  # step titles
    marked: tuple[str, ...]  # step titles, or a sentence for the whole routine
    first: date
    last: date
    sessions: int = 0
    swapped: tuple[str, ...] = ()  # warm-ups done in their other position


@dataclass(frozen=True)
class ShownSuggestion:
    when: datetime  # local
    routine: str | None  # None: the person chose "not today", so no session started
    text: str


@dataclass
class _Before:
    answers: str = ""
    left_out: list[str] = field(default_factory=list)
    marked: list[str] = field(default_factory=list)
    swapped: list[str] = field(default_factory=list)


SHOWN_SQL = (
    "SELECT session_id, shown_at, kind, name, detail, step FROM shown "
    "WHERE shown_at >= ? AND shown_at < ? ORDER BY shown_at, id"
)


def read_shown(
    conn: sqlite3.Connection,
    data: ReportData,
    sessions: dict[int, tuple[datetime, str, SessionOutcome]],
    bounds: tuple[str, str],
) -> set[tuple[int, int]]:
    """Fill ``data.health``, ``data.suggestions`` and ``data.not_recorded``; returns the
    (session, routine step) pairs the health check left out."""
    if not _has_table(conn):
        data.not_recorded = len(sessions)
        return set()
    before: dict[int, _Before] = {}
    left_out: set[tuple[int, int]] = set()
    zone = next(iter(sessions.values()))[0].tzinfo if sessions else None
    for sid, shown_at, kind, name, detail, step in conn.execute(SHOWN_SQL, bounds):
        if sid is not None and sid not in sessions:
            continue  # still running, or a session outside the days
        if kind == ShownKind.SUGGESTION:
            when = parse_utc(shown_at).astimezone(zone)
            routine = sessions[sid][1] if sid is not None else None
            data.suggestions.append(ShownSuggestion(when, routine, detail or name))
        elif sid is not None:
            seen = before.setdefault(sid, _Before())
            if kind == ShownKind.HEALTH:
                seen.answers = detail or ""
            elif kind == ShownKind.LEFT_OUT:
                seen.left_out.append(detail or name)
                if step is not None:
                    left_out.add((sid, step))
            elif kind == ShownKind.MARKED:
                seen.marked.append(detail or name)
            elif kind == ShownKind.SWAPPED:
                seen.swapped.append(detail or name)
    data.not_recorded = sum(1 for sid in sessions if sid not in before)
    data.health = _periods(sessions, before)
    return left_out


def _has_table(conn: sqlite3.Connection) -> bool:
    found = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'shown'")
    return found.fetchone() is not None


def _periods(
    sessions: dict[int, tuple[datetime, str, SessionOutcome]], before: dict[int, _Before]
) -> list[HealthPeriod]:
    """Per routine, a new period whenever the answers or the steps they change differ."""
    runs: dict[str, list[HealthPeriod]] = {}
    for sid, (when, routine, _) in sorted(sessions.items(), key=lambda kv: (kv[1][0], kv[0])):
        seen = before.get(sid)
        if seen is None:
            continue
        day = when.date()
        left = tuple(dict.fromkeys(seen.left_out))
        marked = tuple(dict.fromkeys(seen.marked))
        swapped = tuple(dict.fromkeys(seen.swapped))
        periods = runs.setdefault(routine, [])
        last = periods[-1] if periods else None
        same = (seen.answers, left, marked, swapped)
        if last is None or (last.answers, last.left_out, last.marked, last.swapped) != same:
            last = HealthPeriod(routine, seen.answers, left, marked, day, day, swapped=swapped)
            periods.append(last)
        last.last = day
        last.sessions += 1
    return [p for routine in sorted(runs) for p in runs[routine]]
