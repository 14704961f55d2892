"""The suggestions on whole, believable histories, read back from the real store: a person
whose back is getting better, or who keeps doing the exercises once it is well, never sees
a suggestion that their pain has not eased or that sessions make it worse; moderate pain
that stays where it is, or goes up, is named as such."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from stretchdesk.history import HistoryStore
from stretchdesk.history.reader import HistoryReader
from stretchdesk.routine import Catalog, Routine
from stretchdesk.session.advice import AdviceSettings, Concern
from tests.history.advice_histories import (
    JUMPY,
    NOW,
    STEADY,
    WOBBLE,
    Rated,
    concerns_each_day,
    daily,
    line,
    record,
)
from tests.history.helpers import open_store
from tests.session.helpers import short_routine
from tools.demo_history import make_demo_history

ALARMS = {Concern.WORSE_AFTER, Concern.NO_IMPROVEMENT, Concern.PAIN_RISING}


@pytest.fixture
def routine() -> Routine:
    return short_routine()


@pytest.fixture
def store(data_dir: Path) -> Iterator[HistoryStore]:
    opened = open_store(data_dir / "history.sqlite")
    yield opened
    opened.close()


def _reader(store: HistoryStore) -> HistoryReader:
    return HistoryReader(lambda: store.conn)


def _alarms_any_day(store: HistoryStore, days: int) -> list[tuple[str, list[Concern]]]:
    """Each day (before its session) that brought an alarm, and what."""
    return [
        (when.date().isoformat(), found)
        for when, found in concerns_each_day(_reader(store), days)
        if ALARMS & set(found)
    ]


def _now(store: HistoryStore) -> list[Concern]:
    """What the history suggests an hour after today's session."""
    return [s.concern for s in _reader(store).advice(NOW + timedelta(hours=1), AdviceSettings())]


@pytest.mark.parametrize("wobble", [STEADY, WOBBLE, JUMPY], ids=["steady", "wobble", "jumpy"])
def test_improving_from_seven_to_two_in_four_weeks_never_alarms(
    store: HistoryStore, routine: Routine, wobble: tuple[int, ...]
) -> None:
    """The usual course: easing within 2 weeks, gone in 4 to 6 [NHS]."""
    record(store, routine, line(7, 2, days=28, wobble=wobble))
    assert _alarms_any_day(store, 28) == []


def test_slower_improvement_from_eight_to_three_in_six_weeks_never_alarms(
    store: HistoryStore, routine: Routine
) -> None:
    record(store, routine, line(8, 3, days=42))
    assert _alarms_any_day(store, 42) == []


def test_recovered_and_keeping_it_up_never_alarms(store: HistoryStore, routine: Routine) -> None:
    """Three weeks of getting better, then six weeks at 0 to 2 as CSP advises, a session
    missed now and then, a point of soreness after some, and one pain-stop rated 3."""
    getting_better = [Rated(r.days_ago + 42, r.before, r.after) for r in line(6, 2, days=21)]
    keeping_up = [r for r in line(1, 1, days=42) if r.days_ago % 9]
    record(store, routine, [*getting_better, *keeping_up, Rated(20, 1, 3, stopped=True)])
    assert _alarms_any_day(store, 63) == []


def test_flat_low_pain_never_alarms(store: HistoryStore, routine: Routine) -> None:
    record(store, routine, line(2.5, 2.5, days=28, wobble=JUMPY))
    assert _alarms_any_day(store, 28) == []


def test_pain_zero_every_day_never_alarms(store: HistoryStore, routine: Routine) -> None:
    record(store, routine, daily([0] * 20, [0] * 20))
    assert _alarms_any_day(store, 20) == []


def test_flat_moderate_pain_is_named_after_two_weeks(store: HistoryStore, routine: Routine) -> None:
    record(store, routine, line(6, 6, days=21))
    seen = dict(concerns_each_day(_reader(store), 21))
    first = min(seen)
    assert all(found == [] for when, found in seen.items() if when < first + timedelta(days=14))
    assert all(
        found == [Concern.NO_IMPROVEMENT]
        for when, found in seen.items()
        if when >= first + timedelta(days=15)
    )
    found = _reader(store).advice(NOW + timedelta(hours=1), AdviceSettings())
    assert found[0].value("days") == 20  # as far back as the ratings go, up to 28 days


def test_jumpy_moderate_pain_that_stays_is_named(store: HistoryStore, routine: Routine) -> None:
    record(store, routine, line(5.5, 5.5, days=21, wobble=JUMPY))
    assert _now(store) == [Concern.NO_IMPROVEMENT]


def test_worsening_pain_is_named_as_going_up(store: HistoryStore, routine: Routine) -> None:
    record(store, routine, line(3, 7, days=21))
    assert _now(store) == [Concern.PAIN_RISING]


def test_sessions_that_leave_it_two_points_worse_are_named(
    store: HistoryStore, routine: Routine
) -> None:
    record(store, routine, daily([4, 4, 4, 4, 4], [6, 4, 7, 3, 6]))
    found = _reader(store).advice(NOW + timedelta(hours=1), AdviceSettings())
    assert [(s.concern, s.value("worse"), s.value("of")) for s in found] == [
        (Concern.WORSE_AFTER, 3, 5)
    ]


def test_a_pain_stop_rated_two_points_up_counts_as_worse_after(
    store: HistoryStore, routine: Routine
) -> None:
    sessions = [Rated(4, 3, 5, stopped=True), Rated(3, 3, 3), Rated(2, 3, 5, stopped=True)]
    record(store, routine, [*sessions, Rated(1, 3, 2), Rated(0, 3, 6, stopped=True)])
    assert Concern.WORSE_AFTER in _now(store)


def test_a_point_of_soreness_after_each_session_is_not_an_alarm(
    store: HistoryStore, routine: Routine
) -> None:
    """Pain can go up a little when exercise starts again (hurt does not equal harm)."""
    record(store, routine, daily([3, 3, 2, 3, 2, 2], [4, 4, 3, 4, 3, 3]))
    assert _alarms_any_day(store, 6) == []


def test_a_few_sessions_only_are_not_enough(store: HistoryStore, routine: Routine) -> None:
    record(store, routine, [Rated(13, 6, 5), Rated(6, 6, 6), Rated(1, 6, 6)])
    assert _alarms_any_day(store, 14) == []


def test_gaps_of_days_while_improving_never_alarm(store: HistoryStore, routine: Routine) -> None:
    record(store, routine, line(7, 2, days=29, every=3))
    assert _alarms_any_day(store, 29) == []


def test_gaps_of_days_with_pain_that_stays_are_named(store: HistoryStore, routine: Routine) -> None:
    """A session every three or four days: named once both halves of the period have two."""
    record(store, routine, [Rated(d, 6, 5) for d in (27, 24, 20, 17, 13, 10, 6, 3, 0)])
    assert _now(store) == [Concern.NO_IMPROVEMENT]


def test_a_week_away_then_the_same_pain_is_named(store: HistoryStore, routine: Routine) -> None:
    before_away = [Rated(d, 6, 5) for d in range(27, 20, -1)]
    record(store, routine, [*before_away, *line(6, 6, days=13)])
    assert _now(store) == [Concern.NO_IMPROVEMENT]


def test_a_week_away_and_better_after_it_never_alarms(
    store: HistoryStore, routine: Routine
) -> None:
    before_away = [Rated(d, 7, 6) for d in range(27, 20, -1)]
    record(store, routine, [*before_away, *line(4, 2, days=13)])
    assert _alarms_any_day(store, 27) == []


@pytest.mark.parametrize(
    ("days", "end"),
    [
        (56, datetime(2026, 11, 30, 18, 0, tzinfo=UTC)),  # the report's samples
        (24, datetime(2026, 11, 24, 18, 30, tzinfo=UTC)),  # the screenshots
        (10, datetime(2026, 12, 6, 9, 0, tzinfo=UTC)),
    ],
)
def test_the_demo_history_gives_no_alarm(
    data_dir: Path, catalog: Catalog, days: int, end: datetime
) -> None:
    """The demo's pain falls from 6-7 to 1-2: a recovery, on any day of the week after."""
    path = data_dir / f"demo-{days}.sqlite"
    make_demo_history(path, catalog, days=days, end=end, last_stopped="figure-four")
    demo = open_store(path)
    reader = _reader(demo)
    try:
        for hours in range(0, 8 * 24, 12):
            found = reader.advice(end + timedelta(hours=hours), AdviceSettings())
            assert not ALARMS & {s.concern for s in found}, (hours, found)
    finally:
        demo.close()
