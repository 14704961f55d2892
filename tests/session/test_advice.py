"""Suggestions from the person's own pain data: each concern at and around its threshold,
thresholds from the settings, and nothing before there is enough history."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from stretchdesk.session.advice import (
    AdviceSettings,
    Concern,
    PainStops,
    RatedSession,
    for_rating,
    from_history,
)

NOW = datetime(2026, 12, 2, 9, 0, tzinfo=UTC)
DEFAULTS = AdviceSettings()


def _daily(befores: list[int], afters: list[int | None] | None = None) -> list[RatedSession]:
    """One rated session a day, the last one yesterday."""
    afters = afters or [None] * len(befores)
    days = len(befores)
    return [
        RatedSession(NOW - timedelta(days=days - i), before, after)
        for i, (before, after) in enumerate(zip(befores, afters, strict=True))
    ]


def _concerns(sessions: list[RatedSession], stops: list[PainStops] | None = None, **kw: int):
    settings = AdviceSettings(**kw) if kw else DEFAULTS
    return [s.concern for s in from_history(sessions, stops or [], NOW, settings)]


def test_a_severe_rating_before_a_session_brings_a_suggestion() -> None:
    assert for_rating(7, DEFAULTS) is None
    assert for_rating(None, DEFAULTS) is None
    found = for_rating(8, DEFAULTS)
    assert found is not None and found.concern is Concern.HIGH_PAIN
    assert found.value("rating") == 8
    assert for_rating(7, AdviceSettings(high_pain=7)) is not None


def test_worse_after_in_three_of_the_last_five() -> None:
    better = _daily([5, 5, 5, 5, 5], [3, 3, 3, 3, 3])
    assert Concern.WORSE_AFTER not in _concerns(better)
    two = _daily([5, 5, 5, 5, 5], [6, 6, 3, 3, 3])
    assert Concern.WORSE_AFTER not in _concerns(two)
    three = _daily([5, 5, 5, 5, 5], [3, 3, 6, 6, 6])
    found = from_history(three, [], NOW, DEFAULTS)
    assert found[0].concern is Concern.WORSE_AFTER
    assert (found[0].value("worse"), found[0].value("of")) == (3, 5)
    assert Concern.WORSE_AFTER in _concerns(two, worse_count=2)
    # only the last five count: three worse sessions long ago are not a concern now
    old = _daily([5] * 8, [6, 6, 6, 3, 3, 3, 3, 3])
    assert Concern.WORSE_AFTER not in _concerns(old)


def test_no_improvement_over_two_weeks_of_sessions() -> None:
    flat = _daily([6] * 15)
    assert Concern.NO_IMPROVEMENT in _concerns(flat)
    easing = _daily([7] * 7 + [4] * 8)  # 3 points down: a meaningful change
    assert Concern.NO_IMPROVEMENT not in _concerns(easing)
    small = _daily([6] * 7 + [5] * 8)  # 1 point: not yet meaningful (NRS-11: 2 points)
    assert Concern.NO_IMPROVEMENT in _concerns(small)


def test_no_improvement_waits_for_the_whole_period() -> None:
    ten_days = _daily([6] * 10)
    assert Concern.NO_IMPROVEMENT not in _concerns(ten_days)
    assert Concern.NO_IMPROVEMENT in _concerns(ten_days, trend_days=9)
    # a first rating long ago counts, even when only the recent ones are given
    recent = _daily([6] * 5)
    found = from_history(recent, [], NOW, DEFAULTS, first_rated=NOW - timedelta(days=60))
    assert [s.concern for s in found] == []  # nothing rated in the first half of the period
    every_day = _daily([6] * 14)
    found = from_history(every_day, [], NOW, DEFAULTS, first_rated=NOW - timedelta(days=60))
    assert [s.concern for s in found] == [Concern.NO_IMPROVEMENT]


def test_repeated_pain_stops_on_one_exercise() -> None:
    once = PainStops("figure-four", "Figure-4", (NOW - timedelta(days=2),))
    twice = PainStops("knee-to-chest", "Knee to chest", (NOW - timedelta(days=9), NOW))
    long_ago = PainStops("cat-cow", "Cat-cow", (NOW - timedelta(days=40), NOW))
    found = from_history([], [once, twice, long_ago], NOW, DEFAULTS)
    assert [(s.concern, s.value("id"), s.value("count")) for s in found] == [
        (Concern.REPEATED_STOPS, "knee-to-chest", 2)
    ]
    every = from_history([], [once, twice, long_ago], NOW, AdviceSettings(repeated_stops=1))
    assert len(every) == 3


def test_an_empty_history_suggests_nothing() -> None:
    assert from_history([], [], NOW, DEFAULTS) == []
