"""Writes a session to the history as it happens, from the engine's events.

Writes are queued in order and tried at once; if the disk is full or read-only the queue
is kept and tried again with the next event, the problem is reported once to
``on_problem``, and the session itself goes on.

Times: the wall clock is read once, when the session starts; every later time is that
reading plus the monotonic time since, so a wall-clock change during a session moves
none of its times and a session can never end before it began. While the session runs, a
heartbeat every few seconds records that it is alive, so a session whose process is
killed ends, once found, where it was last known to be running.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime, timedelta

from stretchdesk.history.errors import HistoryError
from stretchdesk.history.outcome import SessionOutcome, session_outcome, step_outcome
from stretchdesk.history.shown import Shown
from stretchdesk.history.store import HistoryStore
from stretchdesk.history.timefmt import utc_now
from stretchdesk.history.writes import StepDose
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

Operation = Callable[[HistoryStore], None]
HEARTBEAT_SECONDS = 5.0


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
        self._queue: list[Operation] = []
        self.session_id: int | None = None
        self._started = False
        self._anchor: tuple[datetime, float] | None = None  # (wall, monotonic) read together
        self._last_beat = 0.0
        self.pain_report_id: int | None = None
        self.problem: HistoryError | None = None
        self._routine: Routine | None = None  # as it started: a step's swap is seen against it

    # ----------------------------------------------------------------- events
    def _when(self, at: float) -> datetime:
        """The wall-clock time of monotonic moment ``at``, from the one reading at the start."""
        if self._anchor is None:
            self._anchor = (self._wall(), self._clock())
        wall, mono = self._anchor
        return wall + timedelta(seconds=at - mono)

    def __call__(self, event: Event) -> None:
        if isinstance(event, SessionStarted):
            self._started = True
            self._routine = event.routine
            self._anchor = None
            self._on_started(event)
        elif not self._started:
            return  # stopped before it began: there is no session to write
        elif isinstance(event, StepFinished):
            self._on_step(event)
        elif isinstance(event, SessionCompleted | SessionStopped):
            self._on_end(event)
        elif isinstance(event, CountdownSecond | Paused | Resumed):
            if not self._beat(event.at, force=not isinstance(event, CountdownSecond)):
                return
        else:
            return
        self.flush()

    def _beat(self, at: float, *, force: bool) -> bool:
        """Queue a heartbeat if one is due (or ``force``) and no write is waiting (a disk
        that is full keeps what matters queued, not a heap of heartbeats)."""
        if self._queue or (not force and at - self._last_beat < HEARTBEAT_SECONDS):
            return False
        self._last_beat = at
        seen = self._when(at)

        def op(store: HistoryStore) -> None:
            assert self.session_id is not None
            store.touch(self.session_id, seen)

        self._queue.append(op)
        return True

    def _on_started(self, event: SessionStarted) -> None:
        started = self._when(event.at)
        self._last_beat = event.at
        pain = self._pain_before

        def op(store: HistoryStore) -> None:
            self.session_id = store.begin_session(
                routine_id=event.routine.id,
                routine_title=event.routine.title,
                total_steps=event.total_steps,
                planned_seconds=event.planned_seconds,
                started_at=started,
                pain_before=pain,
                shown=self._shown,
            )

        self._queue.append(op)

    def _on_step(self, event: StepFinished) -> None:
        started, ended = self._when(event.started_at), self._when(event.at)
        self._last_beat = event.at  # the step's own write says the session is alive
        status = step_outcome(event.status)
        dose = self._dose(event)

        def op(store: HistoryStore) -> None:
            assert self.session_id is not None
            store.add_step(
                self.session_id,
                position=event.position,
                routine_step=event.routine_index,
                exercise_id=event.step.exercise_id,
                title=event.step.title,
                phase=event.step.phase.value,
                status=status,
                started_at=started,
                ended_at=ended,
                active_seconds=event.active_seconds,
                dose=dose,
            )

        self._queue.append(op)

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
        ended = self._when(event.at)
        outcome = session_outcome(event)
        location = event.location if isinstance(event, SessionStopped) else None

        def op(store: HistoryStore) -> None:
            assert self.session_id is not None
            self.pain_report_id = store.finish_session(
                self.session_id,
                outcome=outcome,
                ended_at=ended,
                active_seconds=event.active_seconds,
                location=location,
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
        self._after(lambda store, sid: store.set_outcome(sid, SessionOutcome.ENDED_EARLY))

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
