"""When reminders are due: a fake "now" across days, DST changes, clock jumps and suspend."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from stretchdesk.schedule.reminders import (
    Remind,
    ReminderRules,
    Wait,
    decide,
    format_days,
    format_quiet,
    parse_days,
    parse_quiet,
    parse_times,
    slots,
)

LONDON = ZoneInfo("Europe/London")
BOTH = ReminderRules((time(8), time(18)))


def at(day: int, hour: int, minute: int = 0, month: int = 1, year: int = 2027) -> datetime:
    """A London wall time, as UTC (January: the same)."""
    return datetime(year, month, day, hour, minute, tzinfo=LONDON).astimezone(UTC)


def test_settings_words_are_checked_and_normalised() -> None:
    assert parse_times("18:30, 08:00 08:00") == (time(8), time(18, 30))
    assert parse_days("Mon fri") == frozenset({0, 4})
    assert format_days({4, 0}) == "mon fri"
    assert parse_quiet("22:00-07:00") == (time(22), time(7))
    assert parse_quiet("") is None
    assert format_quiet((time(22), time(7))) == "22:00-07:00"
    for bad in ("8", "25:00", "08:7", "noon"):
        with pytest.raises(ValueError, match="time"):
            parse_times(bad)
    with pytest.raises(ValueError, match="one of"):
        parse_days("monday")
    for bad in ("22:00", "22:00-22:00", "22-7"):
        with pytest.raises(ValueError):
            parse_quiet(bad)


def test_waits_until_the_time_then_reminds_once() -> None:
    assert decide(BOTH, LONDON, at(4, 7), []) == Wait(at(4, 8))
    due = decide(BOTH, LONDON, at(4, 8), [])
    assert isinstance(due, Remind) and due.slot.at == at(4, 8)
    assert not due.late and not due.snoozed
    assert decide(BOTH, LONDON, at(4, 8, 1), [], shown=at(4, 8)) == Wait(at(4, 18))


def test_a_session_anywhere_in_the_window_means_no_reminder() -> None:
    """The morning's window runs from 01:00 to 13:00 (half-way to the neighbours)."""
    early = [at(4, 7, 30)]  # done before the reminder's time
    assert decide(BOTH, LONDON, at(4, 8), early) == Wait(at(4, 18))
    yesterday_evening = [at(3, 23)]  # the evening's window, not this morning's
    assert isinstance(decide(BOTH, LONDON, at(4, 8), yesterday_evening), Remind)
    midday = [at(4, 14)]  # after 13:00: counts for the evening
    assert decide(BOTH, LONDON, at(4, 18), midday) == Wait(at(5, 8))


def test_later_asks_again_after_thirty_minutes_unless_done_meanwhile() -> None:
    shown, later = at(4, 8), at(4, 8, 30)
    assert decide(BOTH, LONDON, at(4, 8, 1), [], shown=shown, snoozed_until=later) == Wait(later)
    again = decide(BOTH, LONDON, later, [], shown=shown, snoozed_until=later)
    assert isinstance(again, Remind) and again.snoozed
    after = decide(BOTH, LONDON, at(4, 8, 31), [], shown=later, snoozed_until=later)
    assert after == Wait(at(4, 18))
    done = [at(4, 8, 10)]
    assert decide(BOTH, LONDON, later, done, shown=shown, snoozed_until=later) == Wait(at(4, 18))


def test_a_late_start_or_long_suspend_brings_at_most_one_reminder() -> None:
    # woke at 11:00 having slept through 08:00: one reminder, marked late
    woke = decide(BOTH, LONDON, at(4, 11), [])
    assert isinstance(woke, Remind) and woke.late and woke.slot.at == at(4, 8)
    # woke at 16:00: the morning's window has closed; wait for the evening, no catch-up
    assert decide(BOTH, LONDON, at(4, 16), []) == Wait(at(4, 18))
    # three days asleep: still one reminder (this evening's), then nothing until tomorrow
    first = decide(BOTH, LONDON, at(7, 19), [], shown=at(4, 8))
    assert isinstance(first, Remind) and first.slot.at == at(7, 18)
    assert decide(BOTH, LONDON, at(7, 19), [], shown=at(7, 19)) == Wait(at(8, 8))


def test_a_clock_moved_back_does_not_repeat_a_reminder() -> None:
    shown = at(4, 8)
    assert decide(BOTH, LONDON, at(4, 7, 10), [], shown=shown) == Wait(at(4, 8))
    assert decide(BOTH, LONDON, at(4, 8), [], shown=shown) == Wait(at(4, 18))


def test_a_clock_moved_forward_is_a_late_start() -> None:
    jumped = decide(BOTH, LONDON, at(4, 12, 30), [], shown=at(3, 18))
    assert isinstance(jumped, Remind) and jumped.late


def test_quiet_hours_drop_reminders_inside_them_and_hold_overdue_ones() -> None:
    times = (time(6, 30), time(8), time(21), time(22, 30))
    rules = ReminderRules(times, quiet=(time(22), time(7)))
    today = at(4, 0).date()
    assert [s.time for s in slots(rules, LONDON, today, today)] == [time(8), time(21)]
    # overdue at 21:00, the machine woke at 22:15 (quiet): nothing, then tomorrow's 08:00
    assert decide(rules, LONDON, at(4, 22, 15), []) == Wait(at(5, 8))
    # overdue when quiet hours begin, and the window lasts beyond their end: wait for the end
    morning = ReminderRules((time(5), time(20)), quiet=(time(4), time(6)))
    assert [s.time for s in slots(morning, LONDON, at(4, 0).date(), at(4, 0).date())] == [time(20)]
    late = ReminderRules((time(3, 30), time(12)), quiet=(time(4), time(6)))
    assert decide(late, LONDON, at(4, 4, 30), []) == Wait(at(4, 6))
    assert isinstance(decide(late, LONDON, at(4, 6), []), Remind)


def test_only_the_chosen_days() -> None:
    weekdays = ReminderRules((time(8), time(18)), days=parse_days("mon tue wed thu fri"))
    friday_evening = at(8, 18)  # 8 January 2027 is a Friday
    assert friday_evening.astimezone(LONDON).weekday() == 4
    assert decide(weekdays, LONDON, friday_evening, [], shown=friday_evening) == Wait(at(11, 8))


def test_nothing_to_wait_for() -> None:
    assert decide(ReminderRules(()), LONDON, at(4, 8), []) == Wait(None)
    assert decide(ReminderRules((time(8),), days=frozenset()), LONDON, at(4, 8), []) == Wait(None)


def test_wall_times_hold_across_dst_changes() -> None:
    """28 March 2027: London's clocks go forward at 01:00; 31 October: back at 02:00."""
    morning = ReminderRules((time(8),))
    spring = slots(morning, LONDON, datetime(2027, 3, 27).date(), datetime(2027, 3, 29).date())
    assert [s.at.astimezone(LONDON).hour for s in spring] == [8, 8, 8]
    assert spring[1].at - spring[0].at == timedelta(hours=23)
    autumn = slots(morning, LONDON, datetime(2027, 10, 30).date(), datetime(2027, 10, 31).date())
    assert autumn[1].at - autumn[0].at == timedelta(hours=25)
    # a time the clocks skip comes as long after the change; one they repeat comes once
    gap = slots(ReminderRules((time(1, 30),)), LONDON, *[datetime(2027, 3, 28).date()] * 2)
    assert [s.at.astimezone(LONDON).strftime("%H:%M %Z") for s in gap] == ["02:30 BST"]
    twice = slots(ReminderRules((time(1, 30),)), LONDON, *[datetime(2027, 10, 31).date()] * 2)
    assert [s.at.astimezone(LONDON).strftime("%H:%M %Z") for s in twice] == ["01:30 BST"]
    # waiting across the change: from Saturday evening to Sunday 08:00 BST
    saturday = datetime(2027, 3, 27, 20, tzinfo=LONDON).astimezone(UTC)
    assert decide(morning, LONDON, saturday, [], shown=saturday) == Wait(spring[1].at)


def test_naive_times_are_refused() -> None:
    with pytest.raises(ValueError, match="aware"):
        decide(BOTH, LONDON, datetime(2027, 1, 4, 8), [])
