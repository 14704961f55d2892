"""What the engine reports. Every event carries ``at``: the monotonic time it happened
(not the time a late tick noticed it), so listeners can tell a fresh event from a stale one."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from stretchdesk.routine.model import Phase, Routine, Side, Step
from stretchdesk.session.plan import SegmentKind


class StopReason(StrEnum):
    """Why a session was stopped before its end (the history keeps its own outcomes)."""

    PAIN = "pain"  # Pain — stop
    ENDED_EARLY = "ended_early"  # the window was closed, the person quit


class StepStatus(StrEnum):
    COMPLETED = "completed"
    SKIPPED = "skipped"
    STOPPED = "stopped"  # in progress when the session was stopped; the reason says why


class RewarmLevel(StrEnum):
    SHORT = "short"  # a short re-warm before stretches continue
    FULL = "full"  # the whole warm-up phase again


@dataclass(frozen=True)
class StopLocation:
    """Where a session was stopped: which exercise, side, rep, and how far into the step."""

    position: int  # place in this session's agenda, 0-based
    routine_index: int | None  # step index in the routine; None for a re-warm step
    exercise_id: str
    title: str
    phase: Phase
    segment: SegmentKind | None  # None when stopped before the session started
    side: Side | None
    rep: int
    reps: int
    seconds_into_step: float


@dataclass(frozen=True)
class SessionStarted:
    at: float
    routine: Routine
    total_steps: int
    planned_seconds: float
    planned_active_seconds: float


@dataclass(frozen=True)
class StepStarted:
    at: float
    position: int
    routine_index: int | None
    step: Step
    number: int  # 1-based place among this session's steps
    total: int


@dataclass(frozen=True)
class PhaseChanged:
    at: float
    phase: Phase
    previous: Phase | None


@dataclass(frozen=True)
class LeadInStarted:
    at: float
    step: Step
    seconds: float
    position_changed: bool
    side: Side | None  # the side the step starts on


@dataclass(frozen=True)
class RepStarted:
    """A hold or a timed movement begins (a ``duration`` step is rep 1 of 1)."""

    at: float
    step: Step
    seconds: float
    rep: int
    reps: int
    side: Side | None
    hold: bool


@dataclass(frozen=True)
class SideSwitched:
    at: float
    step: Step
    seconds: float
    side: Side  # the side that comes next


@dataclass(frozen=True)
class RestStarted:
    at: float
    seconds: float
    between_exercises: bool
    next_step: Step | None  # between exercises: the step that comes next


@dataclass(frozen=True)
class CountdownSecond:
    """``seconds_left`` whole seconds remain in the current segment."""

    at: float
    seconds_left: int
    segment: SegmentKind


@dataclass(frozen=True)
class StepFinished:
    at: float
    position: int
    routine_index: int | None
    step: Step
    status: StepStatus
    started_at: float
    active_seconds: float


@dataclass(frozen=True)
class Paused:
    at: float


@dataclass(frozen=True)
class Resumed:
    at: float
    idle_seconds: float


@dataclass(frozen=True)
class WarmupExpired:
    at: float
    level: RewarmLevel
    idle_seconds: float
    steps: tuple[Step, ...]  # what must be done before stretches continue


@dataclass(frozen=True)
class SessionCompleted:
    """The end of the routine was reached; ``steps_skipped`` says whether all was done."""

    at: float
    active_seconds: float
    steps_done: int
    steps_skipped: int


@dataclass(frozen=True)
class SessionStopped:
    at: float
    reason: StopReason
    location: StopLocation
    active_seconds: float


Event = (
    SessionStarted
    | StepStarted
    | PhaseChanged
    | LeadInStarted
    | RepStarted
    | SideSwitched
    | RestStarted
    | CountdownSecond
    | StepFinished
    | Paused
    | Resumed
    | WarmupExpired
    | SessionCompleted
    | SessionStopped
)
