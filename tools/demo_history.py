"""A believable few weeks of history, made by running the real engine and recorder on a
fake clock: for screenshots and tests of the history screen."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

from stretchdesk.history import HistoryStore, SessionRecorder
from stretchdesk.routine import Catalog
from stretchdesk.session import FakeClock, SessionEngine
from stretchdesk.session.emitter import Stage


def make_demo_history(
    path: Path,
    catalog: Catalog,
    *,
    days: int = 24,
    end: datetime | None = None,
    last_stopped: str | None = None,
) -> int:
    """Write ``days`` days of sessions ending at ``end``; returns how many sessions.

    With ``last_stopped`` (an exercise id) the last session is pain-stopped during it."""
    rng = random.Random(5)
    end = end or datetime.now(UTC)
    store, _ = HistoryStore.open(path)
    clock = FakeClock()
    count = 0
    pain = 6
    try:
        for day in range(days, 0, -1):
            if rng.random() < 0.2:
                continue
            start = (end - timedelta(days=day)).replace(hour=8, minute=rng.randrange(0, 50))
            base = clock.now

            def wall(start: datetime = start, base: float = base) -> datetime:
                return start + timedelta(seconds=clock.now - base)

            routine = catalog.routines[rng.randrange(len(catalog.routines))]
            engine = SessionEngine(routine, clock=clock)
            recorder = SessionRecorder(store, clock=clock, wall=wall, pain_before=pain)
            engine.add_listener(recorder, Stage.RECORD)
            engine.start()
            stop_at = None
            if rng.random() < 0.12:
                stop_at = engine.planned()[0] * rng.uniform(0.45, 0.8)
            elapsed = 0.0
            while not engine.finished:
                clock.advance(7.0)
                elapsed += 7.0
                engine.poll()
                if stop_at is not None and elapsed >= stop_at and not engine.finished:
                    engine.pain_stop()
                    recorder.rate_pain_stop(min(10, pain + 2))
            if stop_at is None:
                after = max(0, pain - rng.choice((1, 2, 2, 3)))
                recorder.set_pain_after(after)
                pain = max(1, min(8, after + rng.choice((0, 1, 1, 2))))
            count += 1
            clock.advance(3600.0)
        if last_stopped is not None:
            _stopped_session(store, catalog, clock, end - timedelta(hours=6), last_stopped)
            count += 1
    finally:
        store.close()
    return count


def _stopped_session(
    store: HistoryStore, catalog: Catalog, clock: FakeClock, start: datetime, exercise: str
) -> None:
    routine = next(r for r in catalog.routines if any(s.exercise_id == exercise for s in r.steps))
    base = clock.now
    engine = SessionEngine(routine, clock=clock)
    recorder = SessionRecorder(
        store, clock=clock, wall=lambda: start + timedelta(seconds=clock.now - base), pain_before=5
    )
    engine.add_listener(recorder, Stage.RECORD)
    engine.start()
    while not engine.finished:
        clock.advance(1.0)
        view = engine.view()
        if view.step.exercise_id == exercise and view.remaining < view.segment_seconds / 2:
            engine.pain_stop()
    recorder.rate_pain_stop(7)
