"""Read-only pictures of a session for whoever draws or announces it."""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from stretchdesk.i18n import _
from stretchdesk.routine.model import Phase, Side, Step
from stretchdesk.session.plan import AgendaItem, SegmentKind

NEXT_SECONDS = 5.0  # "Next: ..." in the last seconds of a step (the app's own choice)


class EngineState(StrEnum):
    READY = "ready"
    RUNNING = "running"
    PAUSED = "paused"
    COMPLETED = "completed"
    STOPPED = "stopped"


class ItemState(StrEnum):
    DONE = "done"
    SKIPPED = "skipped"
    CURRENT = "current"
    UPCOMING = "upcoming"
    LOCKED = "locked"  # a stretch waiting for the warm-ups


class RefusalReason(StrEnum):
    WARMUP_NOT_SKIPPABLE = "warmup_not_skippable"
    WARMUPS_FIRST = "warmups_first"
    NOT_ACTIVE = "not_active"
    NO_SUCH_STEP = "no_such_step"
    NO_OTHER_POSITION = "no_other_position"


@dataclass(frozen=True)
class Refusal:
    """Why a navigation request was not carried out, in words the window can show."""

    reason: RefusalReason
    wording: str  # the English sentence (marked with N_), translated when it is read
    number: int = 0  # fills {number} in the sentence

    @property
    def message(self) -> str:
        return _(self.wording).format(number=self.number)


@dataclass(frozen=True)
class AgendaEntry:
    item: AgendaItem
    state: ItemState


@dataclass(frozen=True)
class SessionView:
    state: EngineState
    segment: SegmentKind | None  # None before the start and after the end
    position: int
    total: int
    step: Step
    phase: Phase
    phase_number: int  # "Warm-up 2 of 5"
    phase_total: int
    is_rewarm: bool
    rep: int
    reps: int
    side: Side | None
    remaining: float
    segment_seconds: float
    next_step: Step | None
    warmups_done: bool
    can_leave: bool  # Next would be accepted here (a warm-up is never left unfinished)
    step_into: float  # seconds into the current step, its lead-in and rests included
    step_seconds: float  # the current step's planned length, on the same terms
    # only the rest between exercises (or nothing) is left of the step after this segment
    step_ending: bool = False

    @property
    def shown_seconds(self) -> int:
        """The whole seconds a countdown shows: 3.2 s left shows 4, 3.0 s shows 3."""
        return max(0, math.ceil(self.remaining - 1e-9))

    @property
    def moment(self) -> tuple[object, ...]:
        """What the session screen's words, buttons and countdown follow (the time left in
        the routine and what comes next change with the number): while it is the same,
        only the drawing can change."""
        return (
            self.state,
            self.position,
            self.segment,
            self.rep,
            self.side,
            self.shown_seconds,
            self.is_rewarm,
            self.can_leave,
            self.warmups_done,
        )

    @property
    def next_is_near(self) -> bool:
        """Whether "Next: ..." is shown: in the rest between exercises, and in the last
        seconds of a step's last hold or movement; never in the rests between its reps,
        at a change of side, or while getting into position (what follows is this exercise,
        not the next)."""
        if self.segment is SegmentKind.BETWEEN:
            return True
        return (
            self.step_ending
            and self.segment is SegmentKind.ACTIVE
            and self.remaining <= NEXT_SECONDS
        )

    @property
    def progress(self) -> float:
        """How much of the current segment has passed, 0.0 to 1.0."""
        if self.segment_seconds <= 0:
            return 0.0
        return min(1.0, max(0.0, 1.0 - self.remaining / self.segment_seconds))
