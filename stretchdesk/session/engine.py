"""The session engine: a state machine over a routine, timed by deadlines on a monotonic clock.

Remaining time is always ``deadline - now``; a segment's successor starts at the old
deadline, not at the tick that noticed it, so late, missed or bunched ticks change nothing.
Pausing freezes the remaining time exactly. The engine reports what happens as events
(stretchdesk.session.events) to its listeners and knows nothing of windows or sound.
"""

from __future__ import annotations

import math
from collections.abc import Callable

from stretchdesk.routine.model import Phase, Position, Routine
from stretchdesk.session.clock import Clock, monotonic
from stretchdesk.session.events import (
    CountdownSecond,
    Event,
    LeadInStarted,
    Outcome,
    Paused,
    PhaseChanged,
    RepStarted,
    RestStarted,
    Resumed,
    SessionCompleted,
    SessionStarted,
    SessionStopped,
    SideSwitched,
    StepFinished,
    StepStarted,
    StepStatus,
    StopLocation,
)
from stretchdesk.session.freshness import plan_rewarm
from stretchdesk.session.plan import (
    AgendaItem,
    Segment,
    SegmentKind,
    planned_seconds,
    step_segments,
)
from stretchdesk.session.settings import SessionOptions, SessionSettings
from stretchdesk.session.view import (
    AgendaEntry,
    EngineState,
    ItemState,
    Refusal,
    RefusalReason,
    SessionView,
)

Listener = Callable[[Event], None]

NOT_SKIPPABLE = "Warm-ups can't be skipped: warm the sore muscles before any stretch."
WARMUPS_FIRST = "Stretches unlock once every warm-up is done."
WARMUPS_IN_ORDER = "Warm-ups are done in order; finish this one first."
NOT_ACTIVE = "The session is not running."


class SessionEngine:
    def __init__(
        self,
        routine: Routine,
        settings: SessionSettings | None = None,
        options: SessionOptions | None = None,
        clock: Clock = monotonic,
    ) -> None:
        self.routine = routine
        self.settings = settings or SessionSettings()
        options = options or SessionOptions()
        self._clock = clock
        self._items: list[AgendaItem] = []
        self._status: list[StepStatus | None] = []
        self._preskip: set[int] = set()
        for i, step in enumerate(routine.steps):
            scale = self.settings.hold_scale * options.hold_scale.get(i, 1.0)
            self._items.append(AgendaItem(step, i, step.timing.scaled(scale)))
            self._status.append(None)
            if i in options.skip and step.phase is not Phase.WARMUP:
                self._preskip.add(i)
        self._state = EngineState.READY
        self._pos = self._first_planned(0)
        self._segments: list[Segment] = []
        self._seg = 0
        self._deadline = 0.0
        self._frozen = 0.0  # remaining seconds of the current segment while paused
        self._paused_since = 0.0
        self._next_count = 0  # the next CountdownSecond to report
        self._phase: Phase | None = None
        self._body: Position | None = None  # the position of the step last started
        self._lead_changed = True
        self._step_started_at = 0.0
        self._step_elapsed = 0.0  # seconds of the current step's finished segments
        self._step_active = 0.0
        self._active_total = 0.0
        self._listeners: list[Listener] = []
        self._outbox: list[Event] = []

    # ----------------------------------------------------------------- listeners
    def add_listener(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def remove_listener(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def _emit(self, event: Event) -> None:
        self._outbox.append(event)

    def _flush(self) -> None:
        while self._outbox:
            batch, self._outbox = self._outbox, []
            for event in batch:
                for listener in list(self._listeners):
                    listener(event)

    # ----------------------------------------------------------------- queries
    @property
    def state(self) -> EngineState:
        return self._state

    @property
    def finished(self) -> bool:
        return self._state in (EngineState.COMPLETED, EngineState.STOPPED)

    @property
    def items(self) -> tuple[AgendaItem, ...]:
        return tuple(self._items)

    @property
    def active_seconds(self) -> float:
        return self._active_total

    def planned(self) -> tuple[float, float]:
        """(total, active) planned seconds of the steps still on the agenda."""
        items = [it for i, it in enumerate(self._items) if i not in self._preskip]
        return planned_seconds(items, self.settings)

    def warmups_done(self, before: int | None = None) -> bool:
        """True when every warm-up (before position ``before``, if given) is completed."""
        end = len(self._items) if before is None else before
        return all(
            self._status[i] is StepStatus.COMPLETED
            for i in range(end)
            if self._items[i].phase is Phase.WARMUP
        )

    def _remaining(self, now: float) -> float:
        if self._state is EngineState.PAUSED:
            return self._frozen
        if self._state is EngineState.RUNNING:
            return max(0.0, self._deadline - now)
        return 0.0

    def view(self) -> SessionView:
        """The session as it stands now (time is brought up to date first)."""
        self.poll()
        now = self._clock()
        pos = min(self._pos, len(self._items) - 1)
        item = self._items[pos]
        seg = self._current_segment()
        same = [
            i
            for i, it in enumerate(self._items)
            if it.phase is item.phase and it.is_rewarm == item.is_rewarm
        ]
        nxt = self._first_planned(pos + 1)
        return SessionView(
            state=self._state,
            segment=seg.kind if seg else None,
            position=pos,
            total=len(self._items),
            step=item.step,
            phase=item.phase,
            phase_number=same.index(pos) + 1,
            phase_total=len(same),
            is_rewarm=item.is_rewarm,
            rep=seg.rep if seg else 0,
            reps=seg.reps if seg else 0,
            side=seg.side if seg else None,
            remaining=self._remaining(now),
            segment_seconds=seg.seconds if seg else 0.0,
            next_step=self._items[nxt].step if nxt < len(self._items) else None,
            warmups_done=self.warmups_done(),
        )

    def agenda(self) -> list[AgendaEntry]:
        """Every step of this session and where it stands (for the step list)."""
        entries = []
        for i, item in enumerate(self._items):
            status = self._status[i]
            if status is StepStatus.COMPLETED:
                state = ItemState.DONE
            elif status is StepStatus.SKIPPED or i in self._preskip:
                state = ItemState.SKIPPED
            elif i == self._pos and not self.finished:
                state = ItemState.CURRENT
            elif item.phase is not Phase.WARMUP and not self.warmups_done(before=i):
                state = ItemState.LOCKED
            else:
                state = ItemState.UPCOMING
            entries.append(AgendaEntry(item, state))
        return entries

    def _current_segment(self) -> Segment | None:
        if self._state in (EngineState.RUNNING, EngineState.PAUSED) and self._segments:
            return self._segments[self._seg]
        return None

    def _first_planned(self, pos: int) -> int:
        while pos < len(self._items) and pos in self._preskip:
            pos += 1
        return pos

    # ----------------------------------------------------------------- time
    def start(self) -> None:
        if self._state is not EngineState.READY:
            return
        now = self._clock()
        total, active = self.planned()
        self._state = EngineState.RUNNING
        self._emit(SessionStarted(now, self.routine, len(self._items), total, active))
        self._enter(0, now)
        self._flush()

    def poll(self) -> None:
        """Bring the session up to the clock's now; call as often or as rarely as you like."""
        if self._state is EngineState.RUNNING:
            now = self._clock()
            while self._state is EngineState.RUNNING:
                seg = self._segments[self._seg]
                while self._next_count >= 1 and self._deadline - self._next_count <= now:
                    at = self._deadline - self._next_count
                    self._emit(CountdownSecond(at, self._next_count, seg.kind))
                    self._next_count -= 1
                if now < self._deadline:
                    break
                self._finish_segment(self._deadline)
        self._flush()

    def pause(self) -> None:
        self.poll()
        if self._state is not EngineState.RUNNING:
            return
        now = self._clock()
        self._frozen = self._deadline - now
        self._paused_since = now
        self._state = EngineState.PAUSED
        self._emit(Paused(now))
        self._flush()

    def resume(self) -> None:
        if self._state is not EngineState.PAUSED:
            return
        now = self._clock()
        idle = now - self._paused_since
        self._state = EngineState.RUNNING
        self._emit(Resumed(now, idle))
        if not self._apply_freshness(idle, now):
            self._deadline = now + self._frozen
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
        while pos < len(self._items) and pos in self._preskip:
            self._preskip.discard(pos)
            self._mark_skipped(pos, at)
            pos += 1
        if pos >= len(self._items):
            self._pos = len(self._items) - 1
            self._state = EngineState.COMPLETED
            self._segments = []
            self._emit(SessionCompleted(at, self._active_total))
            return
        item = self._items[pos]
        if item.phase is not Phase.WARMUP and not self.warmups_done(before=pos):
            # the gate: never start a stretch before every warm-up is done
            pos = next(
                i
                for i in range(pos)
                if self._items[i].phase is Phase.WARMUP
                and self._status[i] is not StepStatus.COMPLETED
            )
            item = self._items[pos]
        last = self._first_planned(pos + 1) >= len(self._items)
        self._pos = pos
        self._lead_changed = self._body is not item.step.position
        self._segments = step_segments(item, self.settings, self._body, last=last)
        self._body = item.step.position
        self._step_started_at = at
        self._step_elapsed = 0.0
        self._step_active = 0.0
        self._emit(StepStarted(at, pos, item.routine_index, item.step, pos + 1, len(self._items)))
        if item.phase is not self._phase:
            self._emit(PhaseChanged(at, item.phase, self._phase))
            self._phase = item.phase
        self._start_segment(0, at)

    def _start_segment(self, index: int, at: float) -> None:
        self._seg = index
        seg = self._segments[index]
        self._deadline = at + seg.seconds
        self._frozen = seg.seconds
        self._next_count = math.ceil(seg.seconds) - 1
        step = self._items[self._pos].step
        if seg.kind is SegmentKind.LEAD_IN:
            first = next((s for s in self._segments if s.kind is SegmentKind.ACTIVE), None)
            side = first.side if first else None
            self._emit(LeadInStarted(at, step, seg.seconds, self._lead_changed, side))
        elif seg.kind is SegmentKind.ACTIVE:
            hold = self._items[self._pos].timing.is_hold
            self._emit(RepStarted(at, step, seg.seconds, seg.rep, seg.reps, seg.side, hold))
        elif seg.kind is SegmentKind.SWITCH_SIDES:
            assert seg.side is not None
            self._emit(SideSwitched(at, step, seg.seconds, seg.side))
        else:
            between = seg.kind is SegmentKind.BETWEEN
            nxt = self._first_planned(self._pos + 1)
            following = self._items[nxt].step if between and nxt < len(self._items) else None
            self._emit(RestStarted(at, seg.seconds, between, following))

    def _finish_segment(self, at: float) -> None:
        seg = self._segments[self._seg]
        self._step_elapsed += seg.seconds
        if seg.kind is SegmentKind.ACTIVE:
            self._step_active += seg.seconds
            self._active_total += seg.seconds
        following = self._seg + 1
        if following == len(self._segments) or (
            self._segments[following].kind is SegmentKind.BETWEEN
        ):
            self._complete_step(at)
        if following < len(self._segments):
            self._start_segment(following, at)
        else:
            self._enter(self._pos + 1, at)

    def _complete_step(self, at: float) -> None:
        item = self._items[self._pos]
        already = self._status[self._pos] is StepStatus.COMPLETED
        self._status[self._pos] = StepStatus.COMPLETED
        if not already:
            self._emit(
                StepFinished(
                    at,
                    self._pos,
                    item.routine_index,
                    item.step,
                    StepStatus.COMPLETED,
                    self._step_started_at,
                    self._step_active,
                )
            )

    def _in_between(self) -> bool:
        seg = self._current_segment()
        return seg is not None and seg.kind is SegmentKind.BETWEEN

    def _leave_segment(self, now: float) -> None:
        """Count the part of an unfinished hold or movement that was done."""
        seg = self._current_segment()
        if seg is not None and seg.kind is SegmentKind.ACTIVE:
            done = seg.seconds - self._remaining(now)
            self._step_active += done
            self._active_total += done

    def _mark_skipped(self, pos: int, at: float) -> None:
        if self._status[pos] is not None:
            return
        item = self._items[pos]
        self._status[pos] = StepStatus.SKIPPED
        current = pos == self._pos and self._current_segment() is not None
        started = self._step_started_at if current else at
        active = self._step_active if current else 0.0
        self._emit(
            StepFinished(
                at, pos, item.routine_index, item.step, StepStatus.SKIPPED, started, active
            )
        )

    def _move(self, pos: int) -> None:
        """Leave the current step for ``pos`` now; a paused session stays paused."""
        now = self._clock()
        paused = self._state is EngineState.PAUSED
        self._state = EngineState.RUNNING
        self._enter(pos, now)
        if paused and self._state is EngineState.RUNNING:
            self._state = EngineState.PAUSED
        self._flush()

    def next_step(self) -> Refusal | None:
        """Go on to the next step now. Refused for a warm-up not yet done."""
        self.poll()
        if self._state not in (EngineState.RUNNING, EngineState.PAUSED):
            return Refusal(RefusalReason.NOT_ACTIVE, NOT_ACTIVE)
        item = self._items[self._pos]
        done = self._status[self._pos] is StepStatus.COMPLETED
        if item.phase is Phase.WARMUP and not done:
            return Refusal(RefusalReason.WARMUP_NOT_SKIPPABLE, NOT_SKIPPABLE)
        now = self._clock()
        self._leave_segment(now)
        if not self._in_between():
            self._mark_skipped(self._pos, now)
        self._move(self._pos + 1)
        return None

    def back(self) -> Refusal | None:
        """During a lead-in: the previous step. Otherwise: this step again from its lead-in."""
        self.poll()
        if self._state not in (EngineState.RUNNING, EngineState.PAUSED):
            return Refusal(RefusalReason.NOT_ACTIVE, NOT_ACTIVE)
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
            return Refusal(RefusalReason.NOT_ACTIVE, NOT_ACTIVE)
        if not 0 <= pos < len(self._items):
            return Refusal(RefusalReason.NO_SUCH_STEP, f"There is no step {pos + 1}.")
        if not self.warmups_done(before=pos):
            if self._items[pos].phase is Phase.WARMUP:
                return Refusal(RefusalReason.WARMUPS_FIRST, WARMUPS_IN_ORDER)
            return Refusal(RefusalReason.WARMUPS_FIRST, WARMUPS_FIRST)
        now = self._clock()
        self._leave_segment(now)
        self._preskip.discard(pos)
        if pos > self._pos:
            first = self._pos + 1 if self._in_between() else self._pos
            for passed in range(first, pos):
                self._preskip.discard(passed)
                self._mark_skipped(passed, now)
        self._move(pos)
        return None

    # ----------------------------------------------------------------- freshness
    def _apply_freshness(self, idle: float, at: float) -> bool:
        """After a long pause, put a re-warm before the stretches. True if it moved."""
        target = self._pos + 1 if self._in_between() else self._pos
        decision = plan_rewarm(
            idle=idle,
            settings=self.settings,
            items=self._items,
            status=self._status,
            target=target,
            rewarm_steps=self.routine.rewarm,
            at=at,
        )
        if decision is None:
            return False
        self._emit(decision.event)
        for i in decision.reset:
            self._status[i] = None
        if decision.insert:
            count = len(decision.insert)
            self._items[decision.goto : decision.goto] = decision.insert
            self._status[decision.goto : decision.goto] = [None] * count
            self._preskip = {p + count if p >= decision.goto else p for p in self._preskip}
        self._body = None  # after a long pause the body may be anywhere
        self._enter(decision.goto, at)
        return True

    # ----------------------------------------------------------------- stopping
    def _location(self, now: float) -> StopLocation:
        pos = min(self._pos, len(self._items) - 1)
        item = self._items[pos]
        seg = self._current_segment()
        into = 0.0
        if seg is not None:
            into = self._step_elapsed + seg.seconds - self._remaining(now)
        return StopLocation(
            position=pos,
            routine_index=item.routine_index,
            exercise_id=item.step.exercise_id,
            title=item.step.title,
            phase=item.phase,
            segment=seg.kind if seg else None,
            side=seg.side if seg else None,
            rep=seg.rep if seg else 0,
            reps=seg.reps if seg else 0,
            seconds_into_step=round(into, 3),
        )

    def _stop(self, outcome: Outcome) -> StopLocation | None:
        if self.finished:
            return None
        if self._state is EngineState.RUNNING:
            self.poll()  # account for everything up to now first
            if self.finished:
                return None
        now = self._clock()
        location = self._location(now)
        self._leave_segment(now)
        self._state = EngineState.STOPPED
        self._emit(SessionStopped(now, outcome, location, self._active_total))
        self._flush()
        return location

    def pain_stop(self) -> StopLocation | None:
        """Stop at once, from any state, because it hurts. Returns where it happened."""
        return self._stop(Outcome.STOPPED_FOR_PAIN)

    def end_early(self) -> StopLocation | None:
        """Stop at once for any other reason (the window was closed, the user quit)."""
        return self._stop(Outcome.ENDED_EARLY)
