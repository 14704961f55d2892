"""Believable pain histories for the suggestions, written by the real engine and recorder
into the real store, one session a day (or with gaps), on a fake clock."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from stretchdesk.history import HistoryStore, SessionRecorder
from stretchdesk.history.reader import HistoryReader
from stretchdesk.routine import Routine
from stretchdesk.session import FakeClock, SessionEngine
from stretchdesk.session.advice import AdviceSettings, Concern
from stretchdesk.session.emitter import Stage

NOW = datetime(2026, 12, 6, 18, 0, tzinfo=UTC)


@dataclass(frozen=True)
class Rated:
    """One session: the rating before it, and after it (or at its pain-stop)."""

    days_ago: int
    before: int | None
    after: int | None
    stopped: bool = False


def record(store: HistoryStore, routine: Routine, sessions: Sequence[Rated]) -> None:
    """Run each session through the engine and the recorder, at 08:xx on its day."""
    clock = FakeClock()
    for number, rated in enumerate(sorted(sessions, key=lambda r: -r.days_ago)):
        start = (NOW - timedelta(days=rated.days_ago)).replace(hour=8, minute=number % 50)
        base = clock.now

        def wall(start: datetime = start, base: float = base) -> datetime:
            return start + timedelta(seconds=clock.now - base)

        engine = SessionEngine(routine, clock=clock)
        recorder = SessionRecorder(store, clock=clock, wall=wall, pain_before=rated.before)
        engine.add_listener(recorder, Stage.RECORD)
        engine.start()
        stop_at = engine.planned()[0] / 2 if rated.stopped else None
        while not engine.finished:
            clock.advance(5.0)
            engine.poll()
            if stop_at is not None and clock.now - base >= stop_at and not engine.finished:
                engine.pain_stop()
        if rated.after is not None:
            if rated.stopped:
                recorder.rate_pain_stop(rated.after)
            else:
                recorder.set_pain_after(rated.after)
        clock.advance(3600.0)


def daily(befores: Sequence[int], afters: Sequence[int | None] | None = None) -> list[Rated]:
    """One session a day, the last one today."""
    afters = afters if afters is not None else [None] * len(befores)
    last = len(befores) - 1
    return [Rated(last - i, b, a) for i, (b, a) in enumerate(zip(befores, afters, strict=True))]


STEADY = (0,)
WOBBLE = (0, 1, -1, 1, 0, -1, -1, 1)  # a point up or down from day to day
JUMPY = (0, 2, -1, -2, 1, 2, -2, 0, -1, 1)  # up to 2 points: a 5-point range
AFTERS = (-1, -2, 0, -1, 1, -1, 0)  # after a session: mostly a little better, now and then
# a point worse (soreness)


def line(
    start: float, end: float, days: int, wobble: Sequence[int] = WOBBLE, every: int = 1
) -> list[Rated]:
    """Pain moving in a straight line from ``start`` to ``end`` over ``days`` days with the
    day-to-day ``wobble`` added: a session every ``every`` days, the first ``days - 1`` days
    ago."""
    made = []
    for number, day in enumerate(range(0, days, every)):
        level = start + (end - start) * day / max(1, days - 1)
        before = max(0, min(10, round(level) + wobble[number % len(wobble)]))
        after = max(0, min(10, before + AFTERS[number % len(AFTERS)]))
        made.append(Rated(days - 1 - day, before, after))
    return made


def concerns_each_day(
    reader: HistoryReader, days: int, settings: AdviceSettings | None = None
) -> Iterator[tuple[datetime, list[Concern]]]:
    """What the history suggests before a session at 07:00 on each of the last ``days`` days
    (and tomorrow), as the history stood then."""
    for back in range(days, -2, -1):
        when = (NOW - timedelta(days=back)).replace(hour=7, minute=0)
        found = reader.advice(when, settings or AdviceSettings())
        yield when, [s.concern for s in found]
