"""Suggestions from the person's own pain data: each concern at and around its threshold,
thresholds from the settings, and nothing before there is enough history."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from stretchdesk import paths
from stretchdesk.routine.content import load_content
from stretchdesk.session.advice import (
    MODERATE,
    AdviceSettings,
    Concern,
    PainStops,
    RatedSession,
    eased,
    for_rating,
    from_history,
    trend,
    worse_after_session,
)
from stretchdesk.settings import Preferences

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
    # 7-10 is the severe band of the scale the same screen shows [NRS-11]
    assert for_rating(6, DEFAULTS) is None
    assert for_rating(None, DEFAULTS) is None
    found = for_rating(7, DEFAULTS)
    assert found is not None and found.concern is Concern.HIGH_PAIN
    assert found.value("rating") == 7
    assert for_rating(7, AdviceSettings(high_pain=8)) is None  # a setting the person chose
    assert for_rating(6, AdviceSettings(high_pain=6)) is not None


def test_the_severe_default_is_the_scales_severe_band() -> None:
    bands = load_content(paths.content_file()).text("pain_scale", "bands")
    assert f"{DEFAULTS.high_pain}-10 severe" in bands
    assert f"{MODERATE}-6 moderate" in bands
    assert Preferences().advice_settings() == DEFAULTS


def test_worse_after_in_three_of_the_last_five() -> None:
    better = _daily([5, 5, 5, 5, 5], [3, 3, 3, 3, 3])
    assert Concern.WORSE_AFTER not in _concerns(better)
    two = _daily([5, 5, 5, 5, 5], [7, 7, 3, 3, 3])
    assert Concern.WORSE_AFTER not in _concerns(two)
    three = _daily([5, 5, 5, 5, 5], [3, 3, 7, 7, 7])
    found = from_history(three, [], NOW, DEFAULTS)
    assert found[0].concern is Concern.WORSE_AFTER
    assert (found[0].value("worse"), found[0].value("of"), found[0].value("points")) == (3, 5, 2)
    assert Concern.WORSE_AFTER in _concerns(two, worse_count=2)
    # only the last five count: three worse sessions long ago are not a concern now
    old = _daily([5] * 8, [7, 7, 7, 3, 3, 3, 3, 3])
    assert Concern.WORSE_AFTER not in _concerns(old)


def test_one_point_worse_after_a_session_is_not_a_concern() -> None:
    """A 1-point rise is within the scale's noise (2 points is the smallest change that
    matters [NRS-11]), and some soreness on exercising again is common [GSTT-BACK]."""
    sore = _daily([3, 3, 3, 3, 3], [4, 4, 4, 4, 4])
    assert Concern.WORSE_AFTER not in _concerns(sore)
    assert Concern.WORSE_AFTER in _concerns(_daily([3] * 5, [5, 4, 5, 4, 5]))
    assert not worse_after_session(9, 10) and worse_after_session(8, 10)


def test_no_improvement_over_two_weeks_of_sessions() -> None:
    assert _concerns(_daily([6] * 15)) == [Concern.NO_IMPROVEMENT]
    assert _concerns(_daily([6, 5, 7, 6, 5, 7, 6, 6, 5, 7, 6, 5, 7, 6, 6])) == [
        Concern.NO_IMPROVEMENT
    ]
    slow = [6, 6, 6, 6, 6, 6, 6, 5, 6, 5, 6, 5, 5, 5, 5]  # about a point in two weeks
    assert _concerns(_daily(slow)) == [Concern.NO_IMPROVEMENT]
    easing = [7, 7, 7, 6, 6, 6, 6, 5, 5, 5, 5, 4, 4, 4, 4]  # 3 points: a meaningful change
    assert _concerns(_daily(easing)) == []
    assert _concerns(_daily([7] * 7 + [4] * 8)) == []
    found = from_history(_daily([6] * 15), [], NOW, DEFAULTS)
    assert found[0].value("days") == 15  # as far back as the line goes


def test_pain_that_is_mild_or_has_eased_is_never_a_concern() -> None:
    # the review's cases: pain 0 or 1 every day, and 2 down to 1, used to bring "not eased"
    for befores in ([0] * 15, [1] * 15, [2] * 7 + [1] * 8, [3] * 15, [5] * 7 + [3] * 8):
        assert _concerns(_daily(befores)) == [], befores
    # the second week's mean just under the moderate band: 3.6 is mild on average
    assert _concerns(_daily([4] * 7 + [3, 4] * 4)) == []


def test_a_fall_of_30_percent_is_meaningful_below_two_points() -> None:
    """Farrar 2001: about 2 points, or about 30 %: 6 to 4.1 is under 2 points but 31 %."""
    assert eased(6.0, 4.1) and eased(7.0, 5.0) and not eased(5.5, 4.0)
    assert not eased(6.0, 6.5) and not eased(0.0, 0.0)


def test_the_day_to_day_spread_is_allowed_for() -> None:
    """Ratings that jump 3 points from day to day: the line falls 1.8 points, but could as
    well fall more, so nothing is said yet."""
    spread = _daily([6, 8, 7, 6, 7, 4, 7, 4, 6, 7, 7, 7, 6, 4, 4])
    line = trend([(s.started_at, s.before or 0) for s in spread], spread[0].started_at, NOW)
    assert not eased(line.begins, line.now) and line.spread > 1
    assert _concerns(spread) == []
    exact = trend([(NOW - timedelta(days=d), 10 - d) for d in (1, 2, 3)], NOW - timedelta(3), NOW)
    assert exact.spread == 0 and round(exact.now - exact.begins, 6) == 3  # 7 to 10


def test_the_trend_looks_back_up_to_twice_the_period() -> None:
    """Two weeks from 8 to 6, then two weeks from 6 to 5: a recovery, slower at the end.
    The last two weeks alone would look like pain that has not eased."""
    first = [8, 8, 7, 8, 7, 7, 7, 6, 7, 6, 6, 6, 6, 6]
    befores = [*first, 6, 6, 5, 6, 6, 5, 6, 5, 6, 5, 5, 6, 5, 5]
    assert _concerns(_daily(befores)) == []
    assert _concerns(_daily(befores[-15:])) == [Concern.NO_IMPROVEMENT]


def test_pain_going_up_is_named_as_going_up() -> None:
    rising = _daily([3] * 7 + [6] * 8)
    found = from_history(rising, [], NOW, DEFAULTS)
    assert [s.concern for s in found] == [Concern.PAIN_RISING]
    assert found[0].value("days") == 15
    assert _concerns(_daily([3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 6, 6, 6, 6])) == [Concern.PAIN_RISING]
    assert _concerns(_daily([5, 5, 5, 5, 5, 5, 5, 6, 5, 6, 5, 6, 6, 6, 6])) == [
        Concern.NO_IMPROVEMENT  # a point up: about the same
    ]
    assert _concerns(_daily([0] * 7 + [3] * 8)) == []  # up, but mild


def test_every_concern_has_its_words() -> None:
    texts = load_content(paths.content_file()).texts["advice"]
    values = {"rating": 7, "worse": 3, "of": 5, "points": 2, "days": 14, "title": "T", "count": 2}
    for concern in Concern:
        assert "{" not in texts[concern.value].format(**values)


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
    assert found[0].value("days") == 14


def test_the_line_begins_at_the_first_rating_it_has() -> None:
    """Back after weeks away: a point up in two weeks is about the same, not "gone up" by
    a line drawn back into the weeks without ratings."""
    back = _daily([5, 5, 5, 5, 5, 5, 5, 6, 5, 6, 6, 6, 6, 6])
    found = from_history(back, [], NOW, DEFAULTS, first_rated=NOW - timedelta(days=60))
    assert [(s.concern, s.value("days")) for s in found] == [(Concern.NO_IMPROVEMENT, 14)]


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
