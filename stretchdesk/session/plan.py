"""How a step unfolds in time: the segments of lead-in, activity, rests and side switches."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from stretchdesk.routine.model import Phase, Position, Routine, Side, Sides, Step, Timing
from stretchdesk.session.settings import SessionSettings


class SegmentKind(StrEnum):
    LEAD_IN = "lead_in"  # getting into position; never part of a hold
    ACTIVE = "active"  # a hold or a timed movement
    REST = "rest"  # between reps
    SWITCH_SIDES = "switch_sides"
    BETWEEN = "between"  # rest between exercises


@dataclass(frozen=True)
class Segment:
    kind: SegmentKind
    seconds: float
    side: Side | None = None
    rep: int = 0  # 1-based within the side; 0 outside reps
    reps: int = 0


@dataclass(frozen=True)
class AgendaItem:
    """A step as this session will do it: ``routine_index`` is None for re-warm steps."""

    step: Step
    routine_index: int | None
    timing: Timing

    @property
    def phase(self) -> Phase:
        return self.step.phase

    @property
    def is_rewarm(self) -> bool:
        return self.routine_index is None


def _active_reps(timing: Timing) -> list[Segment]:
    """The ACTIVE and REST segments of one step, sides included."""
    if timing.duration is not None:
        if timing.sides is Sides.NONE:
            return [Segment(SegmentKind.ACTIVE, timing.duration, None, 1, 1)]
        return [
            Segment(SegmentKind.ACTIVE, timing.duration, Side.LEFT, 1, 1),
            Segment(SegmentKind.ACTIVE, timing.duration, Side.RIGHT, 1, 1),
        ]
    per_rep = timing.hold if timing.hold is not None else timing.rep_seconds
    assert per_rep is not None
    order: list[tuple[Side | None, int]]
    if timing.sides is Sides.NONE:
        order = [(None, r) for r in range(1, timing.reps + 1)]
    elif timing.sides is Sides.BOTH:
        order = [(side, r) for side in (Side.LEFT, Side.RIGHT) for r in range(1, timing.reps + 1)]
    else:
        order = [(side, r) for r in range(1, timing.reps + 1) for side in (Side.LEFT, Side.RIGHT)]
    return [Segment(SegmentKind.ACTIVE, per_rep, side, rep, timing.reps) for side, rep in order]


def step_segments(
    item: AgendaItem,
    settings: SessionSettings,
    previous_position: Position | None,
    *,
    last: bool,
) -> list[Segment]:
    """Every segment of one step, from its lead-in to the rest after it."""
    changed = previous_position is None or previous_position is not item.step.position
    lead = settings.position_change_lead_in if changed else settings.lead_in
    segments = [Segment(SegmentKind.LEAD_IN, lead)]
    reps = _active_reps(item.timing)
    for i, seg in enumerate(reps):
        segments.append(seg)
        if i + 1 == len(reps):
            break
        nxt = reps[i + 1]
        if item.timing.sides is Sides.BOTH and nxt.side is not seg.side:
            segments.append(Segment(SegmentKind.SWITCH_SIDES, settings.switch_sides, nxt.side))
        elif item.timing.rest > 0:
            segments.append(
                Segment(SegmentKind.REST, item.timing.rest, nxt.side, nxt.rep, nxt.reps)
            )
    if not last and settings.rest_between > 0:
        segments.append(Segment(SegmentKind.BETWEEN, settings.rest_between))
    # zero-length segments (a setting of 0 s) are dropped: they would only flash by
    return [s for s in segments if s.seconds > 0]


def planned_seconds(items: list[AgendaItem], settings: SessionSettings) -> tuple[float, float]:
    """(total seconds, active seconds) of doing ``items`` start to finish without pauses."""
    total = active = 0.0
    previous: Position | None = None
    for i, item in enumerate(items):
        for seg in step_segments(item, settings, previous, last=i == len(items) - 1):
            total += seg.seconds
            if seg.kind is SegmentKind.ACTIVE:
                active += seg.seconds
        previous = item.step.position
    return total, active


class TotalMemo:
    """The total of :func:`planned_seconds`, worked out again only when the steps or the
    settings change (the time left is shown every second; it changes once a minute)."""

    def __init__(self) -> None:
        self._key: tuple[tuple[AgendaItem, ...], SessionSettings] | None = None
        self._total = 0.0

    def total(self, items: list[AgendaItem], settings: SessionSettings) -> float:
        key = (tuple(items), settings)
        if key != self._key:
            self._key, self._total = key, planned_seconds(items, settings)[0]
        return self._total


def routine_items(routine: Routine, hold_scale: float = 1.0) -> list[AgendaItem]:
    """The routine's steps as a session would do them, holds scaled by ``hold_scale``."""
    return [
        AgendaItem(step, i, step.timing.scaled(hold_scale)) for i, step in enumerate(routine.steps)
    ]


def routine_seconds(routine: Routine, settings: SessionSettings) -> float:
    """How long the routine takes with these settings, start to finish without pauses."""
    return planned_seconds(routine_items(routine, settings.hold_scale), settings)[0]
