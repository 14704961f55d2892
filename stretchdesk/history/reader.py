"""Reading the history for the window: typed answers, and every SQLite failure turned into
a HistoryReadError whose message is one sentence for the person.

The window never runs SQL itself; it asks this reader, which asks queries.py. The
connection comes from a callable, so the reader follows the store being reopened or
replaced by an empty history.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from stretchdesk.history import queries
from stretchdesk.history.errors import HistoryError
from stretchdesk.history.queries import PainPoint, SessionSummary
from stretchdesk.history.timefmt import parse_utc
from stretchdesk.i18n import _
from stretchdesk.session.advice import (
    AdviceSettings,
    PainStops,
    RatedSession,
    Suggestion,
    from_history,
)

if TYPE_CHECKING:  # the report's queries and the shared history load when first asked
    from stretchdesk.history.report_data import ReportData

T = TypeVar("T")


class HistoryReadError(HistoryError):
    """The history could not be read; ``str(error)`` says so in one sentence."""


@dataclass(frozen=True)
class Overview:
    """The top of the history screen."""

    week_minutes: float  # this week (Monday first), active minutes
    streak_days: int
    pain: list[PainPoint]  # before and after, oldest first
    pain_stops: list[tuple[str, str, int]]  # exercise id, title, how many, most first


class HistoryReader:
    def __init__(self, connect: Callable[[], sqlite3.Connection]) -> None:
        self._connect = connect

    def _read(self, what: Callable[[sqlite3.Connection], T]) -> T:
        try:
            return what(self._connect())
        except (sqlite3.Error, ValueError, OverflowError) as exc:  # a row no version wrote
            raise HistoryReadError(
                _("The history cannot be read ({reason}).").format(reason=exc)
            ) from None

    def last_session(self) -> SessionSummary | None:
        found = self._read(lambda conn: queries.list_sessions(conn, limit=1))
        return found[0] if found else None

    def streak(self, today: date, tz: tzinfo) -> int:
        return self._read(lambda conn: queries.streak(conn, today, tz))

    def overview(self, today: date, tz: tzinfo) -> Overview:
        def read(conn: sqlite3.Connection) -> Overview:
            weeks = queries.minutes_per_week(conn, today, tz, weeks=1)
            return Overview(
                week_minutes=weeks[-1][1],
                streak_days=queries.streak(conn, today, tz),
                pain=queries.pain_trend(conn),
                pain_stops=queries.pain_stops_per_exercise(conn),
            )

        return self._read(read)

    def sessions(self, *, until: datetime | None = None, limit: int = 200) -> list[SessionSummary]:
        """Sessions newest first, started before ``until`` (all when None)."""
        return self._read(lambda conn: queries.list_sessions(conn, until=until, limit=limit))

    def other_computers(self) -> dict[int, str]:
        """The sessions done on another computer: session id -> that computer's name."""
        from stretchdesk.history.sync.device import other_computers  # noqa: PLC0415 - when shown

        return self._read(other_computers)

    def sessions_since(self, since: datetime) -> list[SessionSummary]:
        """Sessions started since ``since``, oldest first."""
        return self._read(
            lambda conn: list(queries.iter_sessions(conn, since=since, newest_first=False))
        )

    def days_done(self, tz: tzinfo) -> set[date]:
        """Days (in ``tz``) with at least one completed step."""
        return self._read(lambda conn: queries.active_days(conn, tz))

    def pain_since(self, since: datetime) -> list[PainPoint]:
        """Sessions with a pain rating since ``since``, oldest first."""
        return self._read(lambda conn: queries.rated_sessions_since(conn, since)[0])

    def unresolved_pain_stops(self) -> dict[str, str]:
        """Exercises whose last pain-stop came after they were last done: id -> title."""
        stopped = self._read(queries.unresolved_pain_stops)
        return {key: title for key, (title, _) in stopped.items()}

    def advice(self, now: datetime, settings: AdviceSettings) -> list[Suggestion]:
        """What the person's own history suggests before the next start (session/advice.py)."""
        days = max(settings.stops_days, settings.trend_days, 90) + 1

        def read(conn: sqlite3.Connection) -> list[Suggestion]:
            points, first = queries.rated_sessions_since(conn, now - timedelta(days))
            rated = [RatedSession(p.started_at, p.before, p.after) for p in points]
            stops: dict[str, PainStops] = {}
            for exercise_id, title, when in queries.pain_stops_since(conn, now - timedelta(days)):
                known = stops.get(exercise_id)
                before = known.when if known else ()
                stops[exercise_id] = PainStops(exercise_id, title, (*before, when))
            return from_history(rated, list(stops.values()), now, settings, first_rated=first)

        return self._read(read)

    def first_day(self, tz: tzinfo) -> date | None:
        """The day of the first session, in the person's zone; None with no sessions."""

        def read(conn: sqlite3.Connection) -> date | None:
            first = conn.execute("SELECT MIN(started_at) FROM session").fetchone()[0]
            return parse_utc(first).astimezone(tz).date() if first else None

        return self._read(read)

    def report(self, start: date, end: date, tz: tzinfo) -> ReportData:
        """What a report for a physiotherapist shows for these days (both included)."""
        from stretchdesk.history.report_data import read_report  # noqa: PLC0415 - when asked

        return self._read(lambda conn: read_report(conn, start, end, tz))

    def export(self, target: Path, fmt: str = "csv", *, steps: bool = False) -> int:
        """Write an export whole or not at all; OSError when the file cannot be written."""
        from stretchdesk.history.export import export_to_file  # noqa: PLC0415 - rarely used

        return self._read(lambda conn: export_to_file(conn, target, fmt, steps))
