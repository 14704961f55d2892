"""The walk through a session's steps in time, under the engine's commands: a step is entered
(steps chosen to be skipped passed over, the warm-up gate kept), its segments follow one
another at their deadlines, each step's end is reported once, and the seconds spent holding or
moving are counted. SessionEngine (session/engine.py) builds on it.
"""

from __future__ import annotations

from stretchdesk.routine.model import Phase, Position, Routine
from stretchdesk.session import events as ev
from stretchdesk.session.agenda import routine_agenda
from stretchdesk.session.clock import Clock, monotonic
from stretchdesk.session.emitter import Emitter
from stretchdesk.session.events import StepStatus
from stretchdesk.session.plan import Segment, SegmentKind, TotalMemo, step_segments
from stretchdesk.session.settings import SessionOptions, SessionSettings
from stretchdesk.session.timer import SegmentTimer
from stretchdesk.session.view import EngineState


class Stepping(Emitter):
    """The state of a session in progress and the moves from segment to segment, step to step."""

    def __init__(
        self,
        routine: Routine,
        settings: SessionSettings | None = None,
        options: SessionOptions | None = None,
        clock: Clock = monotonic,
    ) -> None:
        super().__init__()
        self.routine = routine
        self.settings = settings or SessionSettings()
        options = options or SessionOptions()
        self._clock = clock
        self._avoid = options.avoid  # the health check's: a re-warm takes the other position
        self._agenda = routine_agenda(routine, options, self.settings.hold_scale)
        self._state = EngineState.READY
        self._pos = self._agenda.first_planned(0)
        self._timer = SegmentTimer()
        self._paused_since = 0.0
        self._phase: Phase | None = None
        self._body: Position | None = None  # the position of the step last started
        self._lead_changed = True
        self._step_started_at = 0.0
        self._step_elapsed = 0.0  # seconds of the current step's finished segments
        self._step_active = 0.0
        self._active_total = 0.0
        self._later = TotalMemo()  # the planned seconds of the steps after this one

    def _current_segment(self) -> Segment | None:
        if self._state in (EngineState.RUNNING, EngineState.PAUSED):
            return self._timer.current
        return None

    def _enter(self, pos: int, at: float) -> None:
        """Begin the step at ``pos`` (passing over steps chosen to be skipped) at time ``at``."""
        while pos < len(self._agenda) and pos in self._agenda.preskip:
            self._agenda.preskip.discard(pos)
            self._finish_step(pos, StepStatus.SKIPPED, at)
            pos += 1
        if pos >= len(self._agenda):
            self._pos = len(self._agenda) - 1
            self._state = EngineState.COMPLETED
            self._timer.clear()
            done, skipped = self._agenda.counts()
            self._emit(ev.SessionCompleted(at, self._active_total, done, skipped))
            return
        if self._agenda[pos].phase is not Phase.WARMUP and not self._agenda.warmups_done(pos):
            pos = self._agenda.first_pending_warmup()  # the gate: warm-ups before stretches
        item = self._agenda[pos]
        last = self._agenda.first_planned(pos + 1) >= len(self._agenda)
        self._pos = pos
        self._lead_changed = self._body is not item.step.position
        self._timer.load(step_segments(item, self.settings, self._body, last=last))
        self._body = item.step.position
        self._step_started_at = at
        self._step_elapsed = 0.0
        self._step_active = 0.0
        self._emit(
            ev.StepStarted(at, pos, item.routine_index, item.step, pos + 1, len(self._agenda))
        )
        if item.phase is not self._phase:
            self._emit(ev.PhaseChanged(at, item.phase, self._phase))
            self._phase = item.phase
        self._start_segment(0, at)

    def _start_segment(self, index: int, at: float) -> None:
        seg = self._timer.begin(index, at)
        step = self._agenda[self._pos].step
        if seg.kind is SegmentKind.LEAD_IN:
            first = next((s for s in self._timer.segments if s.kind is SegmentKind.ACTIVE), None)
            side = first.side if first else None
            self._emit(ev.LeadInStarted(at, step, seg.seconds, self._lead_changed, side))
        elif seg.kind is SegmentKind.ACTIVE:
            hold = self._agenda[self._pos].timing.is_hold
            self._emit(ev.RepStarted(at, step, seg.seconds, seg.rep, seg.reps, seg.side, hold))
        elif seg.kind is SegmentKind.SWITCH_SIDES:
            assert seg.side is not None
            self._emit(ev.SideSwitched(at, step, seg.seconds, seg.side))
        else:
            between = seg.kind is SegmentKind.BETWEEN
            nxt = self._agenda.first_planned(self._pos + 1)
            following = self._agenda[nxt].step if between and nxt < len(self._agenda) else None
            self._emit(ev.RestStarted(at, seg.seconds, between, following))

    def _finish_segment(self, at: float) -> None:
        seg = self._timer.segments[self._timer.index]
        self._step_elapsed += seg.seconds
        if seg.kind is SegmentKind.ACTIVE:
            self._step_active += seg.seconds
            self._active_total += seg.seconds
        following = self._timer.following
        if following is None or following.kind is SegmentKind.BETWEEN:
            self._finish_step(self._pos, StepStatus.COMPLETED, at)
        if following is not None:
            self._start_segment(self._timer.index + 1, at)
        else:
            self._enter(self._pos + 1, at)

    def _finish_step(self, pos: int, status: StepStatus, at: float) -> None:
        """Record the step at ``pos`` as completed, skipped or stopped, and report it once."""
        now_status = self._agenda.status[pos]
        if now_status is StepStatus.COMPLETED or (
            status is not StepStatus.COMPLETED and now_status is not None
        ):
            return
        self._agenda.status[pos] = status
        here = pos == self._pos and self._current_segment() is not None
        item = self._agenda[pos]
        started = self._step_started_at if here else at
        active = self._step_active if here else 0.0
        self._emit(ev.StepFinished(at, pos, item.routine_index, item.step, status, started, active))

    def _in_between(self) -> bool:
        seg = self._current_segment()
        return seg is not None and seg.kind is SegmentKind.BETWEEN

    def _leave_segment(self, now: float) -> None:
        """Count the part of an unfinished hold or movement that was done."""
        seg = self._current_segment()
        if seg is not None and seg.kind is SegmentKind.ACTIVE:
            done = self._timer.elapsed(now)
            self._step_active += done
            self._active_total += done

    def _move(self, pos: int) -> None:
        """Leave the current step for ``pos`` now; a paused session stays paused."""
        self._enter(pos, self._clock())
        self._flush()
