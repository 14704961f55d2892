"""Suggestions from the person's own pain data, shown before the next start. No Qt.

Each concern has a threshold with a source (assets/content/sources.toml); how many sessions
and days it looks at are settings (docs/routines.md):

- the pain rating given before this session is ``high_pain`` (7) or more: 7-10 is the
  severe band of the 0-10 scale [NRS-11];
- pain after a session was at least ``MEANINGFUL_CHANGE`` (2) points higher than before it
  in ``worse_count`` (3) of the last ``worse_of`` (5) sessions rated both times. A 2-point
  change is the smallest that matters [NRS-11] [Farrar 2001]; a smaller rise is within the
  scale's noise, and some soreness on starting to exercise again is common ("hurt does not
  equal harm" [GSTT-BACK]);
- the pain before sessions has not eased: once it has been rated for ``trend_days`` (14)
  days, with two ratings or more in each half of that period, the second half's mean is
  still moderate or worse (``MODERATE``, 4 or more [NRS-11]), and a straight line through
  the ratings of up to twice that period (as far back as they go) does not fall by 2 points
  or 30 % [Farrar 2001], even at the low end of its uncertainty (one standard error, so
  that ratings jumping from day to day do not read as a plateau). Then the pain has stayed
  about the same, or, where the line rises by 2 points or more, it has gone up. A line, not
  the two halves' means: halves a week apart show only half of a steady fall, and the usual
  recovery, 7 to 2 in four weeks, would read as "not eased". Mild pain, and pain that has
  come down, are never a concern here, so a recovering person, or one doing the exercises
  to keep well, sees none. How far back the line looks, and the margin of one standard
  error, are the app's own choice;
- the same exercise was stopped for pain ``repeated_stops`` (2) times in ``stops_days`` (30).

A suggestion never blocks: the person reads it and decides to go on or not. What it says
(and its sources) is in assets/content/safety.toml, [advice].
"""

from __future__ import annotations

import enum
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

MEANINGFUL_CHANGE = 2  # points on the 0-10 scale [NRS-11] [Farrar 2001]
MEANINGFUL_SHARE = 0.3  # or 30 % of the pain before [Farrar 2001]
MODERATE = 4  # 4-6 moderate, 7-10 severe [NRS-11]
SEVERE = 7
LOOK_BACK = 2  # the trend looks back up to twice the period, as far as the ratings go
DAY = timedelta(days=1)


@dataclass(frozen=True)
class AdviceSettings:
    high_pain: int = SEVERE
    worse_count: int = 3
    worse_of: int = 5
    trend_days: int = 14
    repeated_stops: int = 2
    stops_days: int = 30


class Concern(enum.Enum):
    HIGH_PAIN = "high_pain"
    WORSE_AFTER = "worse_after"
    PAIN_RISING = "pain_rising"
    NO_IMPROVEMENT = "no_improvement"
    REPEATED_STOPS = "repeated_stops"


@dataclass(frozen=True)
class Suggestion:
    concern: Concern
    values: tuple[tuple[str, object], ...] = ()  # for the sentence's {placeholders}

    def value(self, name: str) -> object:
        return dict(self.values)[name]


@dataclass(frozen=True)
class RatedSession:
    started_at: datetime
    before: int | None
    after: int | None


@dataclass(frozen=True)
class PainStops:
    exercise_id: str
    title: str
    when: tuple[datetime, ...]  # each pain-stop of this exercise


def for_rating(rating: int | None, settings: AdviceSettings) -> Suggestion | None:
    """The suggestion for a pain rating given just now, before the session."""
    if rating is None or rating < settings.high_pain:
        return None
    return Suggestion(Concern.HIGH_PAIN, (("rating", rating),))


def worse_after_session(before: int, after: int) -> bool:
    """Pain after a session meaningfully higher than before it (a pain-stop's rating counts
    as the pain after)."""
    return after >= before + MEANINGFUL_CHANGE


def _worse_after(sessions: Sequence[RatedSession], settings: AdviceSettings) -> Suggestion | None:
    both = [(s.started_at, s.before, s.after) for s in sessions]
    rated = sorted((w, b, a) for w, b, a in both if b is not None and a is not None)
    recent = rated[-settings.worse_of :]
    worse = sum(1 for _, before, after in recent if worse_after_session(before, after))
    if worse >= settings.worse_count:
        values = (("worse", worse), ("of", len(recent)), ("points", MEANINGFUL_CHANGE))
        return Suggestion(Concern.WORSE_AFTER, values)
    return None


def eased(early: float, late: float) -> bool:
    """A meaningful fall from ``early`` to ``late``: 2 points, or 30 % [Farrar 2001]."""
    drop = early - late
    return drop >= MEANINGFUL_CHANGE or (drop > 0 and drop >= MEANINGFUL_SHARE * early)


@dataclass(frozen=True)
class Trend:
    """A straight line through ratings (least squares): its value where it begins and now,
    and the uncertainty of the change between them (one standard error)."""

    begins: float
    now: float
    spread: float
    days: float


def trend(rated: Sequence[tuple[datetime, int]], begin: datetime, now: datetime) -> Trend:
    """The line through at least three ratings on two or more days."""
    import statistics  # noqa: PLC0415 - with the history's ratings, after the first paint

    xs = [(when - begin) / DAY for when, _ in rated]
    ys = [float(rating) for _, rating in rated]
    slope, intercept = statistics.linear_regression(xs, ys)
    days = (now - begin) / DAY
    mean_x = statistics.fmean(xs)
    sxx = sum((x - mean_x) ** 2 for x in xs)
    residual = sum((y - intercept - slope * x) ** 2 for x, y in zip(xs, ys, strict=True))
    spread = math.sqrt(residual / (len(xs) - 2) / sxx) * days
    return Trend(intercept, intercept + slope * days, spread, days)


def _no_improvement(
    sessions: Sequence[RatedSession],
    now: datetime,
    settings: AdviceSettings,
    first_rated: datetime | None,
) -> Suggestion | None:
    """Only once the person has rated sessions for the whole period, with two ratings or
    more in each half of it; then only if the second half's are moderate or worse on
    average, and a line through the ratings of the period (or of up to twice as long, as far
    back as they go) shows no meaningful fall, even allowing for the day-to-day spread."""
    rated = sorted(
        (s.started_at, s.before) for s in sessions if s.before is not None and s.started_at <= now
    )
    start = now - timedelta(days=settings.trend_days)
    first = first_rated or (rated[0][0] if rated else None)
    if first is None or first > start + timedelta(days=1):
        return None  # not yet the whole period of sessions
    middle = start + timedelta(days=settings.trend_days / 2)
    early = [rating for when, rating in rated if start <= when < middle]
    late = [rating for when, rating in rated if when >= middle]
    if len(early) < 2 or len(late) < 2:
        return None
    if sum(late) / len(late) < MODERATE:  # (their mean)
        return None  # mild pain: nothing to suggest
    since = now - timedelta(days=settings.trend_days * LOOK_BACK)
    points = [(when, rating) for when, rating in rated if when >= since]
    line = trend(points, points[0][0], now)  # from the first of them: never extrapolated
    if eased(line.begins, line.now - line.spread):
        return None  # it has come down, or may well have: the ratings are too spread to say
    values = (("days", round(line.days)),)
    if line.now - line.begins >= MEANINGFUL_CHANGE:
        return Suggestion(Concern.PAIN_RISING, values)
    return Suggestion(Concern.NO_IMPROVEMENT, values)


def _repeated_stops(
    stops: Sequence[PainStops], now: datetime, settings: AdviceSettings
) -> list[Suggestion]:
    since = now - timedelta(days=settings.stops_days)
    found = []
    for exercise in stops:
        count = sum(1 for when in exercise.when if when >= since)
        if count >= settings.repeated_stops:
            values = (("title", exercise.title), ("count", count), ("id", exercise.exercise_id))
            found.append(Suggestion(Concern.REPEATED_STOPS, values))
    return found


def from_history(
    sessions: Sequence[RatedSession],
    stops: Sequence[PainStops],
    now: datetime,
    settings: AdviceSettings,
    *,
    first_rated: datetime | None = None,
) -> list[Suggestion]:
    """What the history suggests before the next start, most serious first.
    ``first_rated``: when the first rating ever was given (the oldest session otherwise)."""
    found = [
        _worse_after(sessions, settings),
        _no_improvement(sessions, now, settings, first_rated),
        *_repeated_stops(stops, now, settings),
    ]
    return [s for s in found if s is not None]
