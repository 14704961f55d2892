"""A session's writes that have not reached the history yet, as data: each can be tried
again later, in this process or (read back from the pending file, journal.py) in the next.

A write names its session by a ``SessionRef``: the owner's token and the start time find the
session's row again in any process, once its start is written; the row id is kept once
known. Times are stored as the history writes them (ISO-8601 UTC text). Read back from a
pending file, a write may already be in the history (the app ended between writing it and
emptying the file): each then checks first and is not made twice.
"""

from __future__ import annotations

import dataclasses
import sqlite3
from dataclasses import dataclass
from typing import Any, ClassVar

from stretchdesk.history.errors import classify
from stretchdesk.history.outcome import SessionOutcome, StepOutcome
from stretchdesk.history.shown import shown_from_rows
from stretchdesk.history.timefmt import parse_utc
from stretchdesk.history.writes import SessionWriter, StepDose, StopPlace


@dataclass
class SessionRef:
    owner: str
    started_at: str
    session_id: int | None = None
    pain_report_id: int | None = None
    # the recorder's own, in this process: nothing of it is in the history but what it
    # wrote (no look-ups, no checks for a write made twice)
    live: bool = False

    def find(self, store: SessionWriter) -> int | None:
        """The session's row id (looked up once its start is written), None before."""
        if self.session_id is None and not self.live:
            row = store.conn.execute(
                "SELECT id FROM session WHERE owner = ? AND started_at = ? ORDER BY id DESC",
                (self.owner, self.started_at),
            ).fetchone()
            self.session_id = int(row[0]) if row else None
        return self.session_id

    def report(self, store: SessionWriter) -> int | None:
        """The session's pain report, if it has one."""
        if self.pain_report_id is None and not self.live:
            sid = self.find(store)
            row = store.conn.execute(
                "SELECT id FROM pain_report WHERE session_id = ? ORDER BY id DESC", (sid,)
            ).fetchone()
            self.pain_report_id = int(row[0]) if row else None
        return self.pain_report_id


class Write:
    """One write of a session: ``apply`` does it (raising HistoryError when it cannot)."""

    kind: ClassVar[str]

    def apply(self, store: SessionWriter, ref: SessionRef) -> None:  # pragma: no cover
        raise NotImplementedError

    def make(self, store: SessionWriter, ref: SessionRef) -> None:
        """``apply``, with SQLite's own errors (from a look-up) as HistoryError too."""
        try:
            self.apply(store, ref)
        except sqlite3.Error as exc:
            raise classify(exc, store.path) from None

    @property
    def droppable(self) -> bool:
        """A heartbeat: not worth keeping in the pending file."""
        return False

    def to_json(self) -> dict[str, Any]:
        return {"kind": self.kind, **dataclasses.asdict(self)}  # type: ignore[call-overload]


def _session(store: SessionWriter, ref: SessionRef) -> int | None:
    return ref.find(store)


@dataclass(frozen=True)
class Begin(Write):
    kind: ClassVar[str] = "begin"
    routine_id: str
    routine_title: str
    total_steps: int
    planned_seconds: float
    pain_before: int | None
    # what was shown before the session (history/shown.py), as rows of plain values
    shown: tuple[tuple[Any, ...], ...] = ()

    def apply(self, store: SessionWriter, ref: SessionRef) -> None:
        if ref.find(store) is not None:
            return  # written already (a pending file read back twice)
        ref.session_id = store.begin_session(
            routine_id=self.routine_id,
            routine_title=self.routine_title,
            total_steps=self.total_steps,
            planned_seconds=self.planned_seconds,
            started_at=parse_utc(ref.started_at),
            pain_before=self.pain_before,
            owner=ref.owner,
            shown=shown_from_rows(self.shown),
        )


@dataclass(frozen=True)
class AddStep(Write):
    kind: ClassVar[str] = "step"
    position: int
    routine_step: int | None
    exercise_id: str
    title: str
    phase: str
    status: str
    started_at: str
    ended_at: str
    active_seconds: float
    planned_seconds: float | None = None
    hold: float | None = None
    reps: int | None = None
    sides: str | None = None
    swapped_from: str | None = None

    def apply(self, store: SessionWriter, ref: SessionRef) -> None:
        sid = _session(store, ref)
        if sid is None:
            return
        if (
            not ref.live
            and store.conn.execute(
                "SELECT 1 FROM step WHERE session_id = ? AND position = ? AND started_at = ?",
                (sid, self.position, self.started_at),
            ).fetchone()
        ):
            return
        store.add_step(
            sid,
            position=self.position,
            routine_step=self.routine_step,
            exercise_id=self.exercise_id,
            title=self.title,
            phase=self.phase,
            status=StepOutcome(self.status),
            started_at=parse_utc(self.started_at),
            ended_at=parse_utc(self.ended_at),
            active_seconds=self.active_seconds,
            dose=StepDose(
                self.planned_seconds, self.hold, self.reps, self.sides, self.swapped_from
            ),
        )


@dataclass(frozen=True)
class Touch(Write):
    kind: ClassVar[str] = "touch"
    seen_at: str

    @property
    def droppable(self) -> bool:
        return True

    def apply(self, store: SessionWriter, ref: SessionRef) -> None:
        sid = _session(store, ref)
        if sid is not None:
            store.touch(sid, parse_utc(self.seen_at))


@dataclass(frozen=True)
class Finish(Write):
    kind: ClassVar[str] = "finish"
    outcome: str
    ended_at: str
    active_seconds: float
    place: dict[str, Any] | None = None  # a StopPlace's fields

    def apply(self, store: SessionWriter, ref: SessionRef) -> None:
        sid = _session(store, ref)
        if sid is None:
            return
        if not ref.live:  # (found interrupted meanwhile: its end is still to be written)
            done = store.conn.execute("SELECT outcome, ended_at FROM session WHERE id = ?", (sid,))
            if done.fetchone() == (self.outcome, self.ended_at):
                return  # written already
        place = StopPlace(**self.place) if self.place is not None else None
        ref.pain_report_id = store.finish_session(
            sid,
            outcome=SessionOutcome(self.outcome),
            ended_at=parse_utc(self.ended_at),
            active_seconds=self.active_seconds,
            location=place,
        )


@dataclass(frozen=True)
class RateStop(Write):
    kind: ClassVar[str] = "rate_stop"
    rating: int

    def apply(self, store: SessionWriter, ref: SessionRef) -> None:
        if _session(store, ref) is None:
            return
        report = ref.report(store)
        if report is not None:
            store.rate_pain_report(report, self.rating)


@dataclass(frozen=True)
class SetPain(Write):
    kind: ClassVar[str] = "pain"
    before: int | None = None
    after: int | None = None

    def apply(self, store: SessionWriter, ref: SessionRef) -> None:
        sid = _session(store, ref)
        if sid is not None:
            store.set_pain(sid, before=self.before, after=self.after)


@dataclass(frozen=True)
class SetOutcome(Write):
    kind: ClassVar[str] = "outcome"
    outcome: str

    def apply(self, store: SessionWriter, ref: SessionRef) -> None:
        sid = _session(store, ref)
        if sid is not None:
            store.set_outcome(sid, SessionOutcome(self.outcome))
            ref.pain_report_id = None


@dataclass(frozen=True)
class SetNote(Write):
    kind: ClassVar[str] = "note"
    note: str

    def apply(self, store: SessionWriter, ref: SessionRef) -> None:
        sid = _session(store, ref)
        if sid is not None:
            store.set_note(sid, self.note)


KINDS: dict[str, type[Write]] = {
    kind.kind: kind
    for kind in (Begin, AddStep, Touch, Finish, RateStop, SetPain, SetOutcome, SetNote)
}


def write_from_json(data: dict[str, Any]) -> Write:
    """A write read back from the pending file; ValueError for anything else."""
    if not isinstance(data, dict):
        raise ValueError("a pending write is a table")
    kind = KINDS.get(str(data.get("kind")))
    if kind is None:
        raise ValueError(f"unknown pending write {data.get('kind')!r}")
    fields = {f.name for f in dataclasses.fields(kind)}  # type: ignore[arg-type]
    try:
        return kind(**{k: v for k, v in data.items() if k in fields})
    except TypeError as exc:
        raise ValueError(str(exc)) from None
