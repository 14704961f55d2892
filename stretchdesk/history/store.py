"""The history file: opening (with recovery and migration) and writing as things happen.

Every write is its own small transaction, committed with ``synchronous=FULL`` in WAL mode,
so a kill at any moment loses at most the step in progress.
"""

from __future__ import annotations

import contextlib
import sqlite3
from datetime import datetime
from pathlib import Path
from typing import Any

from stretchdesk.history.errors import (
    HistoryError,
    HistoryNotice,
    HistoryTooNew,
    HistoryUnwritable,
    NoticeKind,
    classify,
)
from stretchdesk.history.files import companions, keep_aside, looks_foreign
from stretchdesk.history.liveness import OwnerLock
from stretchdesk.history.migrate import migrate, recover_interrupted, transaction, user_version
from stretchdesk.history.schema import LATEST
from stretchdesk.history.timefmt import iso_utc
from stretchdesk.session.events import Outcome, StopLocation


class _Corrupt(Exception):
    """The file is not a usable SQLite database."""


class HistoryStore:
    """One open history file. Use :meth:`open`; close it when done."""

    def __init__(self, conn: sqlite3.Connection, path: Path, lock: OwnerLock | None) -> None:
        self.conn = conn
        self.path = path
        self._lock = lock
        self.owner = lock.token if lock else "read-only"

    # ------------------------------------------------------------------ opening
    @classmethod
    def open(cls, path: Path) -> tuple[HistoryStore, list[HistoryNotice]]:
        """Open or create the history at ``path``.

        A corrupt or foreign file is kept aside and a fresh one started (with a notice);
        a newer file raises HistoryTooNew untouched; an unwritable folder raises
        HistoryUnwritable. Sessions left running by dead processes become interrupted.
        """
        notices: list[HistoryNotice] = []
        try:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as exc:
            raise HistoryUnwritable(
                f"The history folder {path.parent} cannot be created ({exc.strerror})."
            ) from None
        try:
            conn = cls._connect_checked(path)
        except _Corrupt as exc:
            kept = cls._keep_aside_or_fail(path)
            notices.append(
                HistoryNotice(
                    NoticeKind.CORRUPT_KEPT_ASIDE,
                    f"The history file was damaged ({exc}); it was kept as {kept.name} and "
                    "a new history started.",
                    kept,
                )
            )
            conn = cls._connect_checked(path)
        try:
            lock = OwnerLock(path.parent / "locks")
        except OSError:
            conn.close()
            raise HistoryUnwritable(
                f"The history folder {path.parent} cannot be written (read-only or no permission)."
            ) from None
        store = cls(conn, path, lock)
        try:
            notices.extend(store._prepare())
        except HistoryError:
            store.close()
            raise
        return store, notices

    @classmethod
    def open_readonly(cls, path: Path) -> HistoryStore:
        """Open for reading only (exports from a read-only folder); never writes."""
        if not path.exists():
            raise HistoryError(f"There is no history yet at {path}.")
        if looks_foreign(path):
            raise HistoryError(f"{path} is not a stretchdesk history file.")
        uri = path.resolve().as_uri() + "?mode=ro"
        try:
            conn = sqlite3.connect(uri, uri=True, isolation_level=None)
            version = user_version(conn)
        except sqlite3.Error:
            # a WAL file in a read-only folder: read it as an immutable snapshot
            conn = sqlite3.connect(uri + "&immutable=1", uri=True, isolation_level=None)
            try:
                version = user_version(conn)
            except sqlite3.DatabaseError as exc:
                conn.close()
                raise HistoryError(f"The history file cannot be read ({exc}).") from None
        if version > LATEST:
            conn.close()
            raise cls._too_new(path, version)
        return cls(conn, path, None)

    @staticmethod
    def _too_new(path: Path, version: int) -> HistoryTooNew:
        return HistoryTooNew(
            f"The history file {path} was written by a newer version of stretchdesk "
            f"(schema {version}, this version knows {LATEST}). It was left untouched; "
            "update stretchdesk to use it."
        )

    @classmethod
    def _keep_aside_or_fail(cls, path: Path) -> Path:
        try:
            return keep_aside(path, "corrupt")
        except OSError:
            raise HistoryUnwritable(
                f"The history file {path} is damaged and its folder cannot be written, so "
                "it cannot be replaced."
            ) from None

    @classmethod
    def _connect_checked(cls, path: Path) -> sqlite3.Connection:
        if looks_foreign(path):
            raise _Corrupt("it is not a database file")
        existed = path.exists()
        try:
            conn = sqlite3.connect(path, isolation_level=None, timeout=10.0)
        except sqlite3.Error as exc:
            raise classify(exc, path) from None
        try:
            version = user_version(conn)
            if version > LATEST:
                conn.close()
                raise cls._too_new(path, version)
            if existed:
                result = conn.execute("PRAGMA quick_check").fetchone()
                if result is None or result[0] != "ok":
                    conn.close()
                    raise _Corrupt(str(result[0]) if result else "no answer")
        except sqlite3.DatabaseError as exc:
            conn.close()
            # only a damaged file is kept aside; a full disk, an I/O error or a lock leaves
            # the file exactly as it is and is reported as what it is
            code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
            if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB) or code == 0:
                raise _Corrupt(str(exc)) from None
            raise classify(exc, path) from None
        with contextlib.suppress(OSError):
            path.chmod(0o600)
        return conn

    def _prepare(self) -> list[HistoryNotice]:
        notices: list[HistoryNotice] = []
        try:
            mode = self.conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise HistoryUnwritable(f"The history file {self.path} cannot be written.")
            self.conn.execute("PRAGMA synchronous=FULL")
            self.conn.execute("PRAGMA foreign_keys=ON")
            version = user_version(self.conn)
            if version < LATEST:
                notices.extend(migrate(self.conn, self.path, version))
            interrupted = recover_interrupted(self.conn, self.path.parent / "locks", self.owner)
        except sqlite3.Error as exc:
            raise classify(exc, self.path) from None
        if interrupted:
            plural = "s" if interrupted > 1 else ""
            notices.append(
                HistoryNotice(
                    NoticeKind.INTERRUPTED_FOUND,
                    f"{interrupted} session{plural} ended without closing properly and "
                    f"{'are' if plural else 'is'} saved as interrupted.",
                )
            )
        with contextlib.suppress(OSError):
            for companion in companions(self.path):
                if companion.exists():
                    companion.chmod(0o600)
        return notices

    # ------------------------------------------------------------------ writing
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
    ) -> int:
        return self._write(
            "INSERT INTO session (routine_id, routine_title, started_at, total_steps, "
            "planned_seconds, pain_before, owner) VALUES (?, ?, ?, ?, ?, ?, ?)",
            (
                routine_id,
                routine_title,
                iso_utc(started_at),
                total_steps,
                planned_seconds,
                pain_before,
                self.owner,
            ),
        )

    def add_step(
        self,
        session_id: int,
        *,
        position: int,
        routine_step: int | None,
        exercise_id: str,
        title: str,
        phase: str,
        status: str,
        started_at: datetime,
        ended_at: datetime,
        active_seconds: float,
    ) -> int:
        return self._write(
            "INSERT INTO step (session_id, position, routine_step, exercise_id, title, phase, "
            "status, started_at, ended_at, active_seconds) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                session_id,
                position,
                routine_step,
                exercise_id,
                title,
                phase,
                status,
                iso_utc(started_at),
                iso_utc(ended_at),
                round(active_seconds, 3),
            ),
        )

    def finish_session(
        self,
        session_id: int,
        *,
        outcome: Outcome,
        ended_at: datetime,
        active_seconds: float,
        location: StopLocation | None = None,
    ) -> int | None:
        """Write the outcome; a pain-stop also writes its pain report in the same commit.

        Returns the pain report's id for a pain-stop (to add a rating later), else None.
        """
        loc = location
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
                        loc.side.value if loc and loc.side else None,
                        loc.rep if loc else None,
                        loc.seconds_into_step if loc else None,
                        session_id,
                    ),
                )
                if outcome is Outcome.STOPPED_FOR_PAIN and loc is not None:
                    cursor = conn.execute(
                        "INSERT INTO pain_report (session_id, reported_at, exercise_id, "
                        "title, side, rep, seconds_into_step) VALUES (?, ?, ?, ?, ?, ?, ?)",
                        (
                            session_id,
                            iso_utc(ended_at),
                            loc.exercise_id,
                            loc.title,
                            loc.side.value if loc.side else None,
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

    def set_outcome(self, session_id: int, outcome: Outcome) -> None:
        """Change a finished session's outcome ("it was not pain, I just stopped").

        Leaving stopped_for_pain also withdraws the session's pain report, so the exercise
        is not counted as a pain-stop or offered to be skipped next time."""
        try:
            with self.transaction() as conn:
                conn.execute(
                    "UPDATE session SET outcome = ? WHERE id = ? AND outcome != 'running'",
                    (outcome.value, session_id),
                )
                if outcome is not Outcome.STOPPED_FOR_PAIN:
                    conn.execute("DELETE FROM pain_report WHERE session_id = ?", (session_id,))
        except sqlite3.Error as exc:
            raise classify(exc, self.path) from None

    def set_note(self, session_id: int, note: str) -> None:
        self._write("UPDATE session SET note = ? WHERE id = ?", (note[:2000] or None, session_id))

    # ------------------------------------------------------------------ closing
    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.conn.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> HistoryStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _rating(value: int | None) -> int | None:
    if value is None:
        return None
    if isinstance(value, bool) or not 0 <= int(value) <= 10:
        raise ValueError("a pain rating is a whole number from 0 to 10")
    return int(value)
