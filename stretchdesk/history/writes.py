"""Writing a session to the history as it happens: each write its own small transaction,
committed with ``synchronous=FULL`` in WAL mode (a heartbeat excepted), so a kill at any
moment loses at most the step in progress. Every failure is a typed HistoryError."""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from stretchdesk.history.errors import classify
from stretchdesk.history.migrate import transaction
from stretchdesk.history.outcome import SessionOutcome, StepOutcome
from stretchdesk.history.shown import Shown
from stretchdesk.history.timefmt import iso_utc
from stretchdesk.session.events import StopLocation


@dataclass(frozen=True)
class StepDose:
    """A step's dose as planned for its session; all None for a history written before."""

    planned_seconds: float | None = None  # of holding or moving, every side
    hold: float | None = None  # seconds of one hold (None: a movement)
    reps: int | None = None  # on each side
    sides: str | None = None  # "none", "both", "alternate"
    swapped_from: str | None = None  # the warm-up's exercise in the routine, if swapped


@dataclass(frozen=True)
class StopPlace:
    """Where a session was stopped, as the history keeps it."""

    routine_index: int | None
    exercise_id: str
    title: str
    side: str | None
    rep: int
    seconds_into_step: float

    @classmethod
    def of(cls, location: StopLocation) -> StopPlace:
        return cls(
            location.routine_index,
            location.exercise_id,
            location.title,
            location.side.value if location.side else None,
            location.rep,
            location.seconds_into_step,
        )


class SessionWriter:
    """The writes of :class:`~stretchdesk.history.store.HistoryStore`."""

    def __init__(self, conn: sqlite3.Connection, path: Path, owner: str) -> None:
        self.conn = conn
        self.path = path
        self.owner = owner

    def transaction(self) -> contextlib.AbstractContextManager[sqlite3.Connection]:
        return transaction(self.conn)

    def _write(self, sql: str, params: tuple[Any, ...] | dict[str, Any]) -> int:
        try:
            with self.transaction() as conn:
                cursor = conn.execute(sql, params)
                return int(cursor.lastrowid or 0)
        except sqlite3.Error as exc:
            raise classify(exc, self.path) from None

    def begin_session(
        self,
        *,
        routine_id: str,
        routine_title: str,
        total_steps: int,
        planned_seconds: float,
        started_at: datetime,
        pain_before: int | None = None,
        owner: str | None = None,
        shown: Sequence[Shown] = (),
    ) -> int:
        """A new running session, and what was shown before it, in one transaction;
        ``owner``: the token of the process that ran it (this store's own unless its writes
        are being brought in later, from its pending file)."""
        try:
            with self.transaction() as conn:
                cursor = conn.execute(
                    "INSERT INTO session (routine_id, routine_title, started_at, "
                    "last_seen_at, total_steps, planned_seconds, pain_before, owner) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        routine_id,
                        routine_title,
                        iso_utc(started_at),
                        iso_utc(started_at),
                        total_steps,
                        planned_seconds,
                        pain_before,
                        owner or self.owner,
                    ),
                )
                session_id = int(cursor.lastrowid or 0)
                _insert_shown(conn, session_id, started_at, shown)
                return session_id
        except sqlite3.Error as exc:
            raise classify(exc, self.path) from None

    def add_shown(self, shown_at: datetime, shown: Sequence[Shown]) -> None:
        """What was shown before a session that was not started ("not today")."""
        try:
            with self.transaction() as conn:
                _insert_shown(conn, None, shown_at, shown)
        except sqlite3.Error as exc:
            raise classify(exc, self.path) from None

    def add_step(
        self,
        session_id: int,
        *,
        position: int,
        routine_step: int | None,
        exercise_id: str,
        title: str,
        phase: str,
        status: StepOutcome,
        started_at: datetime,
        ended_at: datetime,
        active_seconds: float,
        dose: StepDose | None = None,
    ) -> int:
        """A finished step; the session is known to have been alive at its end."""
        dose = dose or StepDose()
        try:
            with self.transaction() as conn:
                cursor = conn.execute(
                    "INSERT INTO step (session_id, position, routine_step, exercise_id, title, "
                    "phase, status, started_at, ended_at, active_seconds, planned_seconds, "
                    "hold, reps, sides, swapped_from) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (
                        session_id,
                        position,
                        routine_step,
                        exercise_id,
                        title,
                        phase,
                        status.value,
                        iso_utc(started_at),
                        iso_utc(ended_at),
                        round(active_seconds, 3),
                        dose.planned_seconds,
                        dose.hold,
                        dose.reps,
                        dose.sides,
                        dose.swapped_from,
                    ),
                )
                conn.execute(
                    "UPDATE session SET last_seen_at = ? WHERE id = ?",
                    (iso_utc(ended_at), session_id),
                )
                return int(cursor.lastrowid or 0)
        except sqlite3.Error as exc:
            raise classify(exc, self.path) from None

    def touch(self, session_id: int, seen_at: datetime) -> None:
        """The session is still running at ``seen_at`` (a heartbeat).

        Committed without waiting for the disk: in WAL mode that survives the process
        being killed, and after a power cut only this heartbeat (never a step) is lost."""
        try:
            self.conn.execute("PRAGMA synchronous=NORMAL")
            try:
                with self.transaction() as conn:
                    conn.execute(
                        "UPDATE session SET last_seen_at = ? WHERE id = ?",
                        (iso_utc(seen_at), session_id),
                    )
            finally:
                self.conn.execute("PRAGMA synchronous=FULL")
        except sqlite3.Error as exc:
            raise classify(exc, self.path) from None

    def finish_session(
        self,
        session_id: int,
        *,
        outcome: SessionOutcome,
        ended_at: datetime,
        active_seconds: float,
        location: StopLocation | StopPlace | None = None,
    ) -> int | None:
        """Write the outcome; a pain-stop also writes its pain report in the same commit.

        Returns the pain report's id for a pain-stop (to add a rating later), else None.
        """
        loc = StopPlace.of(location) if isinstance(location, StopLocation) else location
        report_id: int | None = None
        try:
            with self.transaction() as conn:
                conn.execute(
                    "UPDATE session SET outcome = ?, ended_at = ?, active_seconds = ?, "
                    "stopped_step = ?, stopped_exercise = ?, stopped_side = ?, "
                    "stopped_rep = ?, stopped_seconds = ? WHERE id = ?",
                    (
                        outcome.value,
                        iso_utc(ended_at),
                        round(active_seconds, 3),
                        loc.routine_index if loc else None,
                        loc.exercise_id if loc else None,
                        loc.side if loc else None,
                        loc.rep if loc else None,
                        loc.seconds_into_step if loc else None,
                        session_id,
                    ),
                )
                if outcome is SessionOutcome.STOPPED_FOR_PAIN and loc is not None:
                    cursor = conn.execute(
                        "INSERT INTO pain_report (session_id, reported_at, exercise_id, "
                        "title, side, rep, seconds_into_step) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (
                            session_id,
                            iso_utc(ended_at),
                            loc.exercise_id,
                            loc.title,
                            loc.side,
                            loc.rep,
                            loc.seconds_into_step,
                        ),
                    )
                    report_id = cursor.lastrowid
        except sqlite3.Error as exc:
            raise classify(exc, self.path) from None
        return report_id

    def rate_pain_report(self, report_id: int, rating: int | None) -> None:
        self._write("UPDATE pain_report SET rating = ? WHERE id = ?", (_rating(rating), report_id))

    def set_pain(
        self, session_id: int, *, before: int | None = None, after: int | None = None
    ) -> None:
        if before is not None:
            self._write(
                "UPDATE session SET pain_before = ? WHERE id = ?", (_rating(before), session_id)
            )
        if after is not None:
            self._write(
                "UPDATE session SET pain_after = ? WHERE id = ?", (_rating(after), session_id)
            )

    def set_outcome(self, session_id: int, outcome: SessionOutcome) -> None:
        """Change a finished session's outcome ("it was not pain, I just stopped").

        Leaving stopped_for_pain also withdraws the session's pain report, so the exercise
        is not counted as a pain-stop or offered to be skipped next time."""
        try:
            with self.transaction() as conn:
                conn.execute(
                    "UPDATE session SET outcome = ? WHERE id = ? AND outcome != ?",
                    (outcome.value, session_id, SessionOutcome.RUNNING.value),
                )
                if outcome is not SessionOutcome.STOPPED_FOR_PAIN:
                    conn.execute("DELETE FROM pain_report WHERE session_id = ?", (session_id,))
        except sqlite3.Error as exc:
            raise classify(exc, self.path) from None

    def set_note(self, session_id: int, note: str) -> None:
        self._write("UPDATE session SET note = ? WHERE id = ?", (note[:2000] or None, session_id))


def _insert_shown(
    conn: sqlite3.Connection, session_id: int | None, at: datetime, shown: Sequence[Shown]
) -> None:
    conn.executemany(
        "INSERT INTO shown (session_id, shown_at, kind, name, detail, step) "
        "VALUES (?, ?, ?, ?, ?, ?)",
        [
            (
                session_id,
                iso_utc(at),
                row.kind.value,
                row.name[:200],
                None if row.detail is None else row.detail[:2000],
                row.step,
            )
            for row in shown
        ],
    )


def _rating(value: int | None) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not 0 <= int(value) <= 10:
        raise ValueError("a pain rating is a whole number from 0 to 10")
    return int(value)
