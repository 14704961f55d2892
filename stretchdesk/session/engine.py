"""The session engine: a state machine over a routine, timed by deadlines on a monotonic clock.

Remaining time is always ``deadline - now``; a segment's successor starts at the old
deadline, not at the tick that noticed it, so late, missed or bunched ticks change nothing.
Pausing freezes the remaining time exactly. The engine reports what happens as events
(stretchdesk.session.events) to its listeners and knows nothing of windows or sound.
"""

from __future__ import annotations

from stretchdesk.i18n import N_
from stretchdesk.routine.model import Phase, Position, Routine
from stretchdesk.session import events as ev
from stretchdesk.session.agenda import routine_agenda
from stretchdesk.session.clock import Clock, monotonic
from stretchdesk.session.emitter import Emitter
from stretchdesk.session.events import StepStatus, StopLocation, StopReason
from stretchdesk.session.freshness import plan_rewarm
from stretchdesk.session.plan import (
    AgendaItem,
    Segment,
    SegmentKind,
    TotalMemo,
    planned_seconds,
    step_segments,
)
from stretchdesk.session.settings import SessionOptions, SessionSettings
from stretchdesk.session.swap import refuse_swap, rewarm_in_position, swapped_item
from stretchdesk.session.timer import SegmentTimer
from stretchdesk.session.view import (
    AgendaEntry,
    EngineState,
    Refusal,
    RefusalReason,
    SessionView,
)

NOT_ACTIVE = Refusal(RefusalReason.NOT_ACTIVE, N_("The session is not running."))


class SessionEngine(Emitter):
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

    # ----------------------------------------------------------------- queries
    @property
    def state(self) -> EngineState:
        return self._state

    @property
    def finished(self) -> bool:
        return self._state in (EngineState.COMPLETED, EngineState.STOPPED)

    @property
    def items(self) -> tuple[AgendaItem, ...]:
        return tuple(self._agenda.items)

    @property
    def active_seconds(self) -> float:
        return self._active_total

    def planned(self) -> tuple[float, float]:
        """(total, active) planned seconds of the steps still on the agenda."""
        return planned_seconds(self._agenda.planned_items(), self.settings)

    def seconds_left(self) -> float:
        """Seconds to the end if nothing is paused or skipped from now: what is left of
        this step and every step after it still to be done."""
        if self.finished:
            return 0.0
        here = 0.0
        timer = self._timer
        if self._current_segment() is not None:
            rest = timer.segments[timer.index + 1 :]
            here = timer.remaining(self._clock()) + sum(seg.seconds for seg in rest)
        later = self._agenda.still_to_do(self._pos + (1 if here else 0))
        return here + self._later.total(later, self.settings)

    def warmups_done(self) -> bool:
        return self._agenda.warmups_done()

    def view(self) -> SessionView:
        """The session as it stands now (time is brought up to date first)."""
        self.poll()
        now = self._clock()
        pos = min(self._pos, len(self._agenda) - 1)
        seg = self._current_segment()
        remaining = self._timer.remaining(now) if seg else 0.0
        into = self._step_elapsed + self._timer.elapsed(now) if seg else 0.0
        length = self._step_seconds(pos)
        ending = seg is not None and self._timer.ending
        return self._agenda.view_at(
            pos, self._state, seg, remaining, into=into, length=length, ending=ending
        )

    def _step_seconds(self, pos: int) -> float:
        """The planned length of the step at ``pos``: the one running, or the one to come."""
        if self._current_segment() is not None:
            return sum(seg.seconds for seg in self._timer.segments)
        last = self._agenda.first_planned(pos + 1) >= len(self._agenda)
        segments = step_segments(self._agenda[pos], self.settings, self._body, last=last)
        return sum(seg.seconds for seg in segments)

    def agenda(self) -> list[AgendaEntry]:
        """Every step of this session and where it stands (for the step list)."""
        return self._agenda.entries(None if self.finished else self._pos)

    def _current_segment(self) -> Segment | None:
        if self._state in (EngineState.RUNNING, EngineState.PAUSED):
            return self._timer.current
        return None

    # ----------------------------------------------------------------- time
    def start(self) -> None:
        if self._state is not EngineState.READY:
            return
        now = self._clock()
        total, active = self.planned()
        self._state = EngineState.RUNNING
        self._emit(ev.SessionStarted(now, self.routine, len(self._agenda), total, active))
        self._enter(0, now)
        self._flush()

    def poll(self) -> None:
        """Bring the session up to the clock's now; call as often or as rarely as you like."""
        if self._state is EngineState.RUNNING:
            now = self._clock()
            while self._state is EngineState.RUNNING:
                for tick in self._timer.countdown(now):
                    self._emit(tick)
                if not self._timer.expired(now):
                    break
                self._finish_segment(self._timer.deadline)
        self._flush()

    def pause(self) -> None:
        self.poll()
        if self._state is not EngineState.RUNNING:
            return
        now = self._clock()
        self._timer.freeze(now)
        self._paused_since = now
        self._state = EngineState.PAUSED
        self._emit(ev.Paused(now))
        self._flush()

    def resume(self) -> None:
        if self._state is not EngineState.PAUSED:
            return
        now = self._clock()
        idle = now - self._paused_since
        self._state = EngineState.RUNNING
        self._emit(ev.Resumed(now, idle))
        self._timer.thaw(now)
        self._apply_freshness(idle, now)
        self._flush()

    def toggle_pause(self) -> None:
        if self._state is EngineState.PAUSED:
            self.resume()
        elif self._state is EngineState.RUNNING:
            self.pause()
        elif self._state is EngineState.READY:
            self.start()

    # ----------------------------------------------------------------- moving through steps
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

    def next_step(self) -> Refusal | None:
        """Go on to the next step now. Refused for a warm-up not yet done."""
        self.poll()
        if self._state not in (EngineState.RUNNING, EngineState.PAUSED):
            return NOT_ACTIVE
        refusal = self._agenda.refuse_leaving(self._pos)
        if refusal is not None:
            return refusal
        now = self._clock()
        self._leave_segment(now)
        if not self._in_between():
            self._finish_step(self._pos, StepStatus.SKIPPED, now)
        self._move(self._pos + 1)
        return None

    def back(self) -> Refusal | None:
        """During a lead-in: the previous step. Otherwise: this step again from its lead-in."""
        self.poll()
        if self._state not in (EngineState.RUNNING, EngineState.PAUSED):
            return NOT_ACTIVE
        seg = self._current_segment()
        target = self._pos
        if seg is not None and seg.kind is SegmentKind.LEAD_IN and self._pos > 0:
            target = self._pos - 1
        self._leave_segment(self._clock())
        self._move(target)
        return None

    def jump(self, pos: int) -> Refusal | None:
        """Go to step ``pos`` (0-based in this session), if the warm-up gate allows it."""
        self.poll()
        if self._state not in (EngineState.RUNNING, EngineState.PAUSED):
            return NOT_ACTIVE
        refusal = self._agenda.refuse_reaching(pos)
        if refusal is not None:
            return refusal
        now = self._clock()
        self._leave_segment(now)
        self._agenda.preskip.discard(pos)
        if pos > self._pos:
            first = self._pos + 1 if self._in_between() else self._pos
            for passed in range(first, pos):
                self._agenda.preskip.discard(passed)
                self._finish_step(passed, StepStatus.SKIPPED, now)
        self._move(pos)
        return None

    def can_swap(self, pos: int | None = None) -> bool:
        at = self._pos if pos is None else pos
        return not self.finished and refuse_swap(self._agenda[at], self._agenda.status[at]) is None

    def swap(self, pos: int | None = None) -> Refusal | None:
        """Do the warm-up at ``pos`` (the current step when None) in its other position. A
        step in progress starts again in the new position; the warm-up gate is unchanged."""
        self.poll()
        if self.finished:
            return NOT_ACTIVE
        pos = self._pos if pos is None else pos
        refusal = self._agenda.refuse_swapping(pos)
        if refusal is not None:
            return refusal
        self._agenda.items[pos] = swapped_item(self._agenda[pos], self.settings.hold_scale)
        in_it = self._state in (EngineState.RUNNING, EngineState.PAUSED)
        if pos == self._pos and in_it and not self._in_between():
            self._leave_segment(self._clock())
            self._move(pos)
        return None

    # ----------------------------------------------------------------- freshness
    def _apply_freshness(self, idle: float, at: float) -> None:
        """After a long pause, put a re-warm before the stretches."""
        target = self._pos + 1 if self._in_between() else self._pos
        decision = plan_rewarm(
            idle=idle,
            settings=self.settings,
            items=self._agenda.items,
            status=self._agenda.status,
            target=target,
            rewarm_steps=rewarm_in_position(self.routine.rewarm, self._body, self._avoid),
            at=at,
        )
        if decision is None:
            return
        self._emit(decision.event)
        self._agenda.reset(decision.reset)
        self._agenda.insert(decision.goto, decision.insert)
        self._body = None  # after a long pause the body may be anywhere
        self._enter(decision.goto, at)

    # ----------------------------------------------------------------- stopping
    def _stop(self, reason: StopReason) -> StopLocation | None:
        if self.finished:
            return None
        if self._state is EngineState.RUNNING:
            self.poll()  # account for everything up to now first
            if self.finished:
                return None
        now = self._clock()
        seg = self._current_segment()
        into = self._step_elapsed + self._timer.elapsed(now) if seg is not None else 0.0
        location = self._agenda.location(min(self._pos, len(self._agenda) - 1), seg, into)
        self._leave_segment(now)
        if location.segment is not None and not self._in_between():
            self._finish_step(self._pos, StepStatus.STOPPED, now)  # the step in progress
        self._state = EngineState.STOPPED
        self._emit(ev.SessionStopped(now, reason, location, self._active_total))
        self._flush()
        return location

    def pain_stop(self) -> StopLocation | None:
        """Stop at once, from any state, because it hurts. Returns where it happened."""
        return self._stop(StopReason.PAIN)

    def end_early(self) -> StopLocation | None:
        """Stop at once for any other reason (the window was closed, the user quit)."""
        return self._stop(StopReason.ENDED_EARLY)
