"""Suggestions from the person's own pain data, shown before the next start. No Qt.

Four concerns, each with a threshold that is a setting (the app's own choice; the defaults
are documented in docs/routines.md):

- the pain rating given before this session is ``high_pain`` (8) or more;
- pain after a session was higher than before in ``worse_count`` (3) of the last
  ``worse_of`` (5) sessions rated both times;
- over the last ``trend_days`` (14) days of sessions, the pain before them has not come
  down by a meaningful change (2 points on the 0-10 scale, NRS-11);
- the same exercise was stopped for pain ``repeated_stops`` (2) times in ``stops_days`` (30).

A suggestion never blocks: the person reads it and decides to go on or not. What it says
(and its sources) is in assets/content/safety.toml, [advice].
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

MEANINGFUL_CHANGE = 2  # points on the 0-10 scale (Canadian Physiotherapy Association, NRS-11)


@dataclass(frozen=True)
class AdviceSettings:
    high_pain: int = 8
    worse_count: int = 3
    worse_of: int = 5
    trend_days: int = 14
    repeated_stops: int = 2
    stops_days: int = 30


class Concern(enum.Enum):
    HIGH_PAIN = "high_pain"
    WORSE_AFTER = "worse_after"
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


def _worse_after(sessions: Sequence[RatedSession], settings: AdviceSettings) -> Suggestion | None:
    both = [s for s in sessions if s.before is not None and s.after is not None]
    recent = sorted(both, key=lambda s: s.started_at)[-settings.worse_of :]
    worse = sum(
        1 for s in recent if s.after is not None and s.before is not None and s.after > s.before
    )
    if worse >= settings.worse_count:
        return Suggestion(Concern.WORSE_AFTER, (("worse", worse), ("of", len(recent))))
    return None


def _no_improvement(
    sessions: Sequence[RatedSession],
    now: datetime,
    settings: AdviceSettings,
    first_rated: datetime | None,
) -> Suggestion | None:
    """Only once the person has rated sessions for the whole period: the ratings of its
    first half against those of its second half."""
    rated = sorted((s for s in sessions if s.before is not None), key=lambda s: s.started_at)
    start = now - timedelta(days=settings.trend_days)
    first = first_rated or (rated[0].started_at if rated else None)
    if first is None or first > start + timedelta(days=1):
        return None  # not yet the whole period of sessions
    window = [s for s in rated if s.started_at >= start]
    middle = start + timedelta(days=settings.trend_days / 2)
    early = [s.before for s in window if s.started_at < middle and s.before is not None]
    late = [s.before for s in window if s.started_at >= middle and s.before is not None]
    if len(early) < 2 or len(late) < 2:
        return None
    drop = sum(early) / len(early) - sum(late) / len(late)
    if drop < MEANINGFUL_CHANGE:
        return Suggestion(Concern.NO_IMPROVEMENT, (("days", settings.trend_days),))
    return None


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
