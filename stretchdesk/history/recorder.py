"""Writes a session to the history as it happens, from the engine's events.

Writes are queued in order and tried at once; if the disk is full or read-only the queue
is kept, the problem is reported once to ``on_problem``, and the session itself goes on.
The queue is tried again with the next event, with each answer given after the session,
every few seconds while it waits (``upkeep``, which the store's Upkeep calls on the
window's timer, upkeep.py), and once more when the store closes; meanwhile it is kept in the
pending file beside the history, so a pain-stop reaches the history once space returns,
even after the app was closed.

Times: the wall clock is read once, when the session starts; every later time is that
reading plus the monotonic time since, so a wall-clock change during a session moves
none of its times and a session can never end before it began. While the session runs, a
heartbeat every few seconds records that it is alive, so a session whose process is
killed ends, once found, where it was last known to be running.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from typing import Any

from stretchdesk.history.errors import HistoryError
from stretchdesk.history.liveness import HEARTBEAT_SECONDS
from stretchdesk.history.outcome import SessionOutcome, session_outcome, step_outcome
from stretchdesk.history.pending import (
    AddStep,
    Begin,
    Finish,
    RateStop,
    SessionRef,
    SetNote,
    SetOutcome,
    SetPain,
    Touch,
    Write,
)
from stretchdesk.history.shown import Shown, shown_rows
from stretchdesk.history.store import HistoryStore
from stretchdesk.history.timefmt import iso_utc, utc_now
from stretchdesk.history.upkeep import RETRY_SECONDS
from stretchdesk.history.writes import StepDose, StopPlace
from stretchdesk.routine import Routine
from stretchdesk.session.clock import Clock, monotonic
from stretchdesk.session.events import (
    CountdownSecond,
    Event,
    Paused,
    Resumed,
    SessionCompleted,
    SessionStarted,
    SessionStopped,
    StepFinished,
)

__all__ = ["HEARTBEAT_SECONDS", "SessionRecorder"]


class SessionRecorder:
    def __init__(
        self,
        store: HistoryStore | None,
        *,
        clock: Clock = monotonic,
        wall: Callable[[], datetime] = utc_now,
        on_problem: Callable[[HistoryError], None] | None = None,
        pain_before: int | None = None,
        shown: Sequence[Shown] = (),
    ) -> None:
        """``shown``: what the person was shown before the session (history/shown.py),
        written with the session's first row."""
        self._store = store
        self._shown = tuple(shown)
        self._clock = clock
        self._wall = wall
        self._on_problem = on_problem
        self._pain_before = pain_before
        self._queue: list[Write] = []
        self._ref: SessionRef | None = None
        self._started = False
        self._running = False  # started and not yet ended: a heartbeat is due every few seconds
        self._anchor: tuple[datetime, float] | None = None  # (wall, monotonic) read together
        self._last_beat = 0.0
        self._last_try = 0.0
        self.problem: HistoryError | None = None
        self._routine: Routine | None = None  # as it started: a step's swap is seen against it

    @property
    def session_id(self) -> int | None:
        return self._ref.session_id if self._ref is not None else None

    @property
    def pain_report_id(self) -> int | None:
        return self._ref.pain_report_id if self._ref is not None else None

    # ----------------------------------------------------------------- events
    def _when(self, at: float) -> datetime:
        """The wall-clock time of monotonic moment ``at``, from the one reading at the start."""
        if self._anchor is None:
            self._anchor = (self._wall(), self._clock())
        wall, mono = self._anchor
        return wall + timedelta(seconds=at - mono)

    def __call__(self, event: Event) -> None:
        if isinstance(event, SessionStarted):
            self._started = self._running = True
            self._routine = event.routine
            self._anchor = None
            self._on_started(event)
        elif not self._started:
            return  # stopped before it began: there is no session to write
        elif isinstance(event, StepFinished):
            self._on_step(event)
        elif isinstance(event, SessionCompleted | SessionStopped):
            self._running = False
            self._on_end(event)
        elif isinstance(event, CountdownSecond | Paused | Resumed):
            forced = not isinstance(event, CountdownSecond)
            if not self._beat(event.at, force=forced) and not self._retry_due(event.at):
                return
        else:
            return
        self.flush()

    def _retry_due(self, at: float) -> bool:
        return bool(self._queue) and at - self._last_try >= RETRY_SECONDS

    def _beat(self, at: float, *, force: bool) -> bool:
        """Queue a heartbeat if one is due (or ``force``) and no write is waiting (a disk
        that is full keeps what matters queued, not a heap of heartbeats)."""
        if self._queue or (not force and at - self._last_beat < HEARTBEAT_SECONDS):
            return False
        self._last_beat = at
        self._queue.append(Touch(iso_utc(self._when(at))))
        return True

    def _on_started(self, event: SessionStarted) -> None:
        started = self._when(event.at)
        self._last_beat = event.at
        owner = self._store.owner if self._store is not None else ""
        self._ref = SessionRef(owner, iso_utc(started), live=True)
        self._queue.append(
            Begin(
                routine_id=event.routine.id,
                routine_title=event.routine.title,
                total_steps=event.total_steps,
                planned_seconds=event.planned_seconds,
                pain_before=self._pain_before,
                shown=shown_rows(self._shown),
            )
        )
        if self._store is not None:
            self._store.upkeep.add(self)  # heartbeats while paused, retries, the close

    def _on_step(self, event: StepFinished) -> None:
        self._last_beat = event.at  # the step's own write says the session is alive
        dose = self._dose(event)
        self._queue.append(
            AddStep(
                position=event.position,
                routine_step=event.routine_index,
                exercise_id=event.step.exercise_id,
                title=event.step.title,
                phase=event.step.phase.value,
                status=step_outcome(event.status).value,
                started_at=iso_utc(self._when(event.started_at)),
                ended_at=iso_utc(self._when(event.at)),
                active_seconds=round(event.active_seconds, 3),
                planned_seconds=dose.planned_seconds,
                hold=dose.hold,
                reps=dose.reps,
                sides=dose.sides,
                swapped_from=dose.swapped_from,
            )
        )

    def _dose(self, event: StepFinished) -> StepDose:
        timing = event.step.timing
        planned = self._routine.steps if self._routine is not None else ()
        index = event.routine_index
        original = (
            planned[index].exercise_id if index is not None and index < len(planned) else None
        )
        return StepDose(
            planned_seconds=round(timing.active_seconds, 3),
            hold=timing.hold,
            reps=None if timing.duration is not None else timing.reps,
            sides=timing.sides.value,
            swapped_from=original if original not in (None, event.step.exercise_id) else None,
        )

    def _on_end(self, event: SessionCompleted | SessionStopped) -> None:
        location = event.location if isinstance(event, SessionStopped) else None
        place = StopPlace.of(location) if location is not None else None
        self._queue.append(
            Finish(
                outcome=session_outcome(event).value,
                ended_at=iso_utc(self._when(event.at)),
                active_seconds=round(event.active_seconds, 3),
                place=dataclasses.asdict(place) if place is not None else None,
            )
        )

    # ----------------------------------------------------------------- after the session
    def _after(self, write: Write) -> None:
        if not self._started:
            return
        self._queue.append(write)
        self.flush()

    def rate_pain_stop(self, rating: int) -> None:
        """The optional rating given on the recovery screen."""
        if not self._started:
            return
        self._queue.append(RateStop(_rating(rating)))
        self._after(SetPain(after=_rating(rating)))

    def set_pain_after(self, rating: int) -> None:
        self._after(SetPain(after=_rating(rating)))

    def not_pain(self) -> None:
        """ "It was not pain, I just stopped": the outcome becomes ended_early."""
        self._after(SetOutcome(SessionOutcome.ENDED_EARLY.value))

    def add_note(self, note: str) -> None:
        self._after(SetNote(note.strip()[:2000]))

    # ----------------------------------------------------------------- writing
    @property
    def pending(self) -> int:
        return len(self._queue)

    def pending_records(self) -> list[dict[str, Any]]:
        """The writes still waiting, as the pending file keeps them (heartbeats left out)."""
        if self._ref is None:
            return []
        session = {"owner": self._ref.owner, "started_at": self._ref.started_at}
        return [
            {"session": session, "write": write.to_json()}
            for write in self._queue
            if not write.droppable
        ]

    def upkeep(self) -> float | None:
        """Called every few seconds by the store's upkeep: a heartbeat while the session
        runs (also while paused: the app is there), and another try of what is waiting.
        Seconds until it is due again; None once the session is over and all written."""
        now = self._clock()
        if self._queue:
            if now - self._last_try >= RETRY_SECONDS:
                self.flush()
        elif self._running and self._beat(now, force=False):
            self.flush()
        if self._queue:
            return max(0.0, RETRY_SECONDS - (now - self._last_try))
        if self._running:
            return max(0.0, HEARTBEAT_SECONDS - (now - self._last_beat))
        return None

    def flush(self) -> bool:
        """Try every queued write in order; True when nothing is left waiting."""
        if self._store is None or self._ref is None:
            self._queue.clear()
            return False
        self._last_try = self._clock()
        failing = self.problem is not None
        while self._queue:
            try:
                self._queue[0].make(self._store, self._ref)
            except HistoryError as exc:
                if self.problem is None or type(exc) is not type(self.problem):
                    self.problem = exc
                    if self._on_problem is not None:
                        self._on_problem(exc)
                if not getattr(exc, "refused", False):
                    self._store.upkeep.changed()  # on disk, and tried again soon
                    return False
                # refused by the file's own rules: trying again cannot help, and it must
                # not hold back the writes after it (it was told to on_problem)
            self._queue.pop(0)
        self.problem = None
        if failing:
            self._store.upkeep.changed()  # (the pending file is emptied)
        return True


def _rating(value: int) -> int:
    if isinstance(value, bool) or not 0 <= int(value) <= 10:
        raise ValueError("a pain rating is a whole number from 0 to 10")
    return int(value)
