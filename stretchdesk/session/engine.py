"""The session engine: a state machine over a routine, timed by deadlines on a monotonic clock.

Remaining time is always ``deadline - now``; a segment's successor starts at the old
deadline, not at the tick that noticed it, so late, missed or bunched ticks change nothing.
Pausing freezes the remaining time exactly. The engine reports what happens as events
(stretchdesk.session.events) to its listeners and knows nothing of windows or sound.
"""

from __future__ import annotations

from stretchdesk.i18n import N_
from stretchdesk.session import events as ev
from stretchdesk.session.events import StepStatus, StopLocation, StopReason
from stretchdesk.session.freshness import plan_rewarm
from stretchdesk.session.plan import (
    AgendaItem,
    SegmentKind,
    planned_seconds,
    step_segments,
)
from stretchdesk.session.stepping import Stepping
from stretchdesk.session.swap import refuse_swap, rewarm_in_position, swapped_item
from stretchdesk.session.view import (
    AgendaEntry,
    EngineState,
    Refusal,
    RefusalReason,
    SessionView,
)

NOT_ACTIVE = Refusal(RefusalReason.NOT_ACTIVE, N_("The session is not running."))


class SessionEngine(Stepping):
    """A session of ``routine``: the person's and the clock's commands, the view of where it
    stands (the walk through the steps itself: session/stepping.py)."""

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
