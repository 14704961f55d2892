"""Which frame to show at a moment of a step, and when that will change.

A movement (``cycle``) plays one round per repetition, or per ``seconds`` for movements timed
by duration. A hold shows the move into the pose during the get-ready lead-in, then the held
pose for the whole hold. Rests show the starting pose. Nothing here asks for more than a few
frames a second.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from stretchdesk.routine.model import Motion
from stretchdesk.session.plan import SegmentKind

DEFAULT_CYCLE = 4.0
HOLD_AT_END = 1.5  # in the lead-in, the held pose stays this long before the move replays


@dataclass(frozen=True)
class FramePick:
    index: int
    next_change: float | None  # seconds until another frame is due; None: this one stays


def _cycle(count: int, period: float, elapsed: float) -> FramePick:
    step = period / count
    position = max(elapsed, 0.0) / step
    index = math.floor(position) % count
    return FramePick(index, (math.floor(position) + 1 - position) * step)


def pick_frame(
    motion: Motion,
    count: int,
    kind: SegmentKind,
    elapsed: float,
    *,
    seconds: float | None,
    rep_seconds: float | None = None,
) -> FramePick:
    """The frame for ``elapsed`` seconds into a segment of kind ``kind``."""
    if count <= 1:
        return FramePick(0, None)
    if motion is Motion.CYCLE:
        if kind is not SegmentKind.ACTIVE:
            return FramePick(0, None)
        period = seconds or rep_seconds or DEFAULT_CYCLE
        return _cycle(count, period, elapsed)
    if kind is SegmentKind.ACTIVE:
        return FramePick(count - 1, None)
    if kind is not SegmentKind.LEAD_IN:
        return FramePick(0, None)
    move = seconds or 3.0
    round_trip = move + HOLD_AT_END
    into = max(elapsed, 0.0) % round_trip
    if into >= move:
        return FramePick(count - 1, round_trip - into)
    step = move / (count - 1)
    index = min(math.floor(into / step), count - 1)
    return FramePick(index, (index + 1) * step - into)
