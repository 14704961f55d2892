"""Writes a session to the history as it happens, from the engine's events.

Writes are queued in order and tried at once; if the disk is full or read-only the queue
is kept and tried again with the next event, the problem is reported once to
``on_problem``, and the session itself goes on.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from stretchdesk.history.errors import HistoryError
from stretchdesk.history.store import HistoryStore
from stretchdesk.history.timefmt import utc_now
from stretchdesk.session.clock import Clock, monotonic
from stretchdesk.session.events import (
    Event,
    Outcome,
    SessionCompleted,
    SessionStarted,
    SessionStopped,
    StepFinished,
)

Operation = Callable[[HistoryStore], None]


class SessionRecorder:
    def __init__(
        self,
        store: HistoryStore | None,
        *,
        clock: Clock = monotonic,
        wall: Callable[[], datetime] = utc_now,
        on_problem: Callable[[HistoryError], None] | None = None,
        pain_before: int | None = None,
    ) -> None:
        self._store = store
        self._clock = clock
        self._wall = wall
        self._on_problem = on_problem
        self._pain_before = pain_before
        self._queue: list[Operation] = []
        self.session_id: int | None = None
        self._started = False
        self.pain_report_id: int | None = None
        self.problem: HistoryError | None = None

    # ----------------------------------------------------------------- events
    def _when(self, at: float) -> datetime:
        """The wall-clock time of an event that happened at monotonic ``at``."""
        return self._wall() - timedelta(seconds=max(0.0, self._clock() - at))

    def __call__(self, event: Event) -> None:
        if isinstance(event, SessionStarted):
            self._started = True
            self._on_started(event)
        elif not self._started:
            return  # stopped before it began: there is no session to write
        elif isinstance(event, StepFinished):
            self._on_step(event)
        elif isinstance(event, SessionCompleted):
            self._on_end(Outcome.COMPLETED, event.at, event.active_seconds, None)
        elif isinstance(event, SessionStopped):
            self._on_end(event.outcome, event.at, event.active_seconds, event)
        else:
            return
        self.flush()

    def _on_started(self, event: SessionStarted) -> None:
        started = self._when(event.at)
        pain = self._pain_before

        def op(store: HistoryStore) -> None:
            self.session_id = store.begin_session(
                routine_id=event.routine.id,
                routine_title=event.routine.title,
                total_steps=event.total_steps,
                planned_seconds=event.planned_seconds,
                started_at=started,
                pain_before=pain,
            )

        self._queue.append(op)

    def _on_step(self, event: StepFinished) -> None:
        started, ended = self._when(event.started_at), self._when(event.at)

        def op(store: HistoryStore) -> None:
            assert self.session_id is not None
            store.add_step(
                self.session_id,
                position=event.position,
                routine_step=event.routine_index,
                exercise_id=event.step.exercise_id,
                title=event.step.title,
                phase=event.step.phase.value,
                status=event.status.value,
                started_at=started,
                ended_at=ended,
                active_seconds=event.active_seconds,
            )

        self._queue.append(op)

    def _on_end(
        self, outcome: Outcome, at: float, active: float, stop: SessionStopped | None
    ) -> None:
        ended = self._when(at)

        def op(store: HistoryStore) -> None:
            assert self.session_id is not None
            self.pain_report_id = store.finish_session(
                self.session_id,
                outcome=outcome,
                ended_at=ended,
                active_seconds=active,
                location=stop.location if stop else None,
            )

        self._queue.append(op)

    # ----------------------------------------------------------------- after the session
    def _after(self, action: Callable[[HistoryStore, int], None]) -> None:
        if not self._started:
            return

        def op(store: HistoryStore) -> None:
            assert self.session_id is not None
            action(store, self.session_id)

        self._queue.append(op)
        self.flush()

    def rate_pain_stop(self, rating: int) -> None:
        """The optional rating given on the recovery screen."""
        if not self._started:
            return

        def op(store: HistoryStore) -> None:
            if self.pain_report_id is not None:
                store.rate_pain_report(self.pain_report_id, rating)

        self._queue.append(op)
        self._after(lambda store, sid: store.set_pain(sid, after=rating))

    def set_pain_after(self, rating: int) -> None:
        self._after(lambda store, sid: store.set_pain(sid, after=rating))

    def set_pain_before(self, rating: int) -> None:
        if not self._started:
            self._pain_before = rating
            return
        self._after(lambda store, sid: store.set_pain(sid, before=rating))

    def not_pain(self) -> None:
        """ "It was not pain, I just stopped": the outcome becomes ended_early."""
        self._after(lambda store, sid: store.set_outcome(sid, Outcome.ENDED_EARLY))

    def add_note(self, note: str) -> None:
        self._after(lambda store, sid: store.set_note(sid, note.strip()))

    # ----------------------------------------------------------------- writing
    @property
    def pending(self) -> int:
        return len(self._queue)

    def flush(self) -> bool:
        """Try every queued write in order; True when nothing is left waiting."""
        if self._store is None:
            self._queue.clear()
            return False
        while self._queue:
            try:
                self._queue[0](self._store)
            except HistoryError as exc:
                if self.problem is None or type(exc) is not type(self.problem):
                    self.problem = exc
                    if self._on_problem is not None:
                        self._on_problem(exc)
                return False
            self._queue.pop(0)
        self.problem = None
        return True
