"""Driving an engine with a fake clock, and recording what it reports."""

from __future__ import annotations

import functools
from collections.abc import Iterable
from pathlib import Path

from stretchdesk import paths
from stretchdesk.routine import ExerciseLibrary, Routine, load_library, load_routine
from stretchdesk.session import FakeClock, SessionEngine, SessionOptions, SessionSettings
from stretchdesk.session.events import CountdownSecond, Event

SHORT = Path(__file__).with_name("short_routine.toml")


def short_routine(library: ExerciseLibrary | None = None) -> Routine:
    """Five steps that stay the same whatever happens to the built-in routines (the quick
    relief routine as it first was, under its id, so recorded rows look the same)."""
    return load_routine(SHORT, library if library is not None else _library())


@functools.cache
def _library() -> ExerciseLibrary:
    return load_library(paths.exercises_dir())


class Driven:
    """An engine, its clock and every event it reported."""

    def __init__(
        self,
        routine: Routine,
        settings: SessionSettings | None = None,
        options: SessionOptions | None = None,
    ) -> None:
        self.clock = FakeClock()
        self.engine = SessionEngine(routine, settings, options, clock=self.clock)
        self.events: list[Event] = []
        self.engine.add_listener(self.events.append)

    def run(self, seconds: float, tick: float = 0.25) -> None:
        end = self.clock.now + seconds
        while self.clock.now < end and not self.engine.finished:
            self.clock.advance(min(tick, end - self.clock.now))
            self.engine.poll()

    def run_ticks(self, ticks: Iterable[float]) -> None:
        for gap in ticks:
            if self.engine.finished:
                return
            self.clock.advance(gap)
            self.engine.poll()

    def until(self, predicate, limit: float = 3600.0, tick: float = 0.25) -> None:  # type: ignore[no-untyped-def]
        """Advance until ``predicate(view)`` holds."""
        end = self.clock.now + limit
        while not predicate(self.engine.view()):
            assert self.clock.now < end, "condition never reached"
            self.clock.advance(tick)
            self.engine.poll()

    def of(self, kind: type) -> list:  # type: ignore[type-arg]
        return [e for e in self.events if isinstance(e, kind)]

    def timeline(self) -> list[tuple[str, float]]:
        return [
            (type(e).__name__, round(e.at, 9))
            for e in self.events
            if not isinstance(e, CountdownSecond)
        ]
