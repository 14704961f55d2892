"""Clocks. The engine only ever reads a monotonic clock handed to it."""

from __future__ import annotations

import time
from collections.abc import Callable

Clock = Callable[[], float]

monotonic: Clock = time.monotonic


class FakeClock:
    """A clock that moves only when told to: for tests and benchmarks."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> float:
        if seconds < 0:
            raise ValueError("a monotonic clock never goes back")
        self.now += seconds
        return self.now
