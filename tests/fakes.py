"""Hand-written stand-ins shared by the tests (the fake monotonic clock is
stretchdesk.session.FakeClock, used by the tools too)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from stretchdesk.session import FakeClock


class FakeWall:
    """Wall-clock UTC that moves with a FakeClock."""

    def __init__(self, clock: FakeClock) -> None:
        self.clock = clock
        self.base = datetime(2026, 11, 2, 8, 0, tzinfo=UTC) - timedelta(seconds=clock.now)

    def __call__(self) -> datetime:
        return self.base + timedelta(seconds=self.clock.now)
