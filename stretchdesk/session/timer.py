"""Deadlines for the segments of one step: the drift-free countdown at the engine's heart.

Each segment ends at a deadline on the monotonic clock; the next begins at that deadline,
whenever the tick that notices it comes. Freezing keeps the remaining time exactly.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

from stretchdesk.session.events import CountdownSecond
from stretchdesk.session.plan import Segment, SegmentKind


class SegmentTimer:
    def __init__(self) -> None:
        self.segments: list[Segment] = []
        self.index = 0
        self.deadline = 0.0
        self.frozen = False
        self._left = 0.0  # remaining seconds while frozen
        self._next_count = 0  # the next whole second to report

    @property
    def current(self) -> Segment | None:
        return self.segments[self.index] if self.segments else None

    @property
    def following(self) -> Segment | None:
        nxt = self.index + 1
        return self.segments[nxt] if nxt < len(self.segments) else None

    @property
    def ending(self) -> bool:
        """Only the rest between exercises (or nothing) follows the current segment."""
        after = self.segments[self.index + 1 :]
        return bool(self.segments) and all(s.kind is SegmentKind.BETWEEN for s in after)

    def load(self, segments: list[Segment]) -> None:
        self.segments = segments
        self.index = 0

    def clear(self) -> None:
        self.segments = []

    def begin(self, index: int, at: float) -> Segment:
        """Start segment ``index`` at monotonic time ``at`` (held at full length if frozen)."""
        self.index = index
        seg = self.segments[index]
        self.deadline = at + seg.seconds
        self._left = seg.seconds
        self._next_count = math.ceil(seg.seconds) - 1
        return seg

    def remaining(self, now: float) -> float:
        if not self.segments:
            return 0.0
        return self._left if self.frozen else max(0.0, self.deadline - now)

    def elapsed(self, now: float) -> float:
        seg = self.current
        return 0.0 if seg is None else seg.seconds - self.remaining(now)

    def freeze(self, now: float) -> None:
        self._left = self.deadline - now
        self.frozen = True

    def thaw(self, now: float) -> None:
        self.deadline = now + self._left
        self.frozen = False

    def countdown(self, now: float) -> Iterator[CountdownSecond]:
        """The whole seconds crossed up to ``now``, each stamped with when it was crossed."""
        seg = self.segments[self.index]
        while self._next_count >= 1 and self.deadline - self._next_count <= now:
            yield CountdownSecond(self.deadline - self._next_count, self._next_count, seg.kind)
            self._next_count -= 1

    def expired(self, now: float) -> bool:
        return bool(self.segments) and not self.frozen and now >= self.deadline
