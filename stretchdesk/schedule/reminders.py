"""When to remind: a pure function of the reminder settings, the sessions done and "now". No Qt.

Reminder times are times of day on the wall clock of a time zone; every instant here is a
UTC ``datetime`` (aware datetimes in one zone compare by their wall times, which is wrong
across a DST change). Each reminder owns a *window* of time: from half-way since the
reminder before it to half-way to the one after (so with 08:00 and 18:00, the morning runs
from 01:00 to 13:00). A session of the routine anywhere in a reminder's window means that
reminder is done: no notification, even if the session came before the time.

Only the reminder whose window holds "now" can ever be shown, and once: after a long
suspend, or a start hours late, at most one notification comes (no catch-up storm). A
reminder whose time falls in the quiet hours is never shown; one overdue when quiet hours
begin waits for them to end (while its window lasts). "Later" asks again at the time given.

``decide`` returns ``Remind`` (show it now) or ``Wait`` (the next instant worth looking
again; the caller arms one single-shot timer for it and calls ``decide`` again then, and on
waking from suspend or a clock change, since nothing else is cached).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from stretchdesk.i18n import _

DAY_NAMES = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
EVERY_DAY = frozenset(range(7))
SNOOZE = timedelta(minutes=30)
ON_TIME = timedelta(minutes=2)  # shown later than this after its time: it was missed
LOOK_BACK_DAYS = 2
LOOK_AHEAD_DAYS = 9
# "shown" or "Later" further ahead of now than this is not believed (a clock set back, or a
# damaged reminders.json): it would silence the reminders until then
AHEAD = timedelta(days=1)
# within this of the first or last date Python can count, there are no reminders (the
# days around today could not be counted)
CALENDAR_MARGIN = timedelta(days=LOOK_AHEAD_DAYS + 7)


def parse_times(text: str) -> tuple[time, ...]:
    """ "08:00 18:30" -> the times, sorted, each once; ValueError names a bad one."""
    found: set[time] = set()
    for word in text.replace(",", " ").split():
        hours, sep, minutes = word.partition(":")
        digits = (hours + minutes).isascii() and hours.isdigit() and minutes.isdigit()
        if not (sep and digits and 1 <= len(hours) <= 2 and len(minutes) == 2):
            raise ValueError(_("“{word}” is not a time like 08:00").format(word=word))
        if not (0 <= int(hours) <= 23 and 0 <= int(minutes) <= 59):
            raise ValueError(_("“{word}” is not a time of day").format(word=word))
        found.add(time(int(hours), int(minutes)))
    if len(found) > 8:
        raise ValueError(_("at most 8 reminders a day"))
    return tuple(sorted(found))


def format_times(times: Iterable[time]) -> str:
    return " ".join(t.strftime("%H:%M") for t in sorted(times))


def parse_days(text: str) -> frozenset[int]:
    """ "mon tue" -> {0, 1} (Monday is 0); ValueError names a bad day."""
    days: set[int] = set()
    for word in text.replace(",", " ").lower().split():
        if word not in DAY_NAMES:
            raise ValueError(
                _("“{word}” is not one of {days}").format(word=word, days=" ".join(DAY_NAMES))
            )
        days.add(DAY_NAMES.index(word))
    return frozenset(days)


def format_days(days: Iterable[int]) -> str:
    return " ".join(DAY_NAMES[d] for d in sorted(set(days)))


def parse_quiet(text: str) -> tuple[time, time] | None:
    """ "22:00-07:00" -> (22:00, 07:00); "" -> None (no quiet hours)."""
    if not text.strip():
        return None
    start, sep, end = text.partition("-")
    if not sep:
        raise ValueError(_("“{text}” is not like 22:00-07:00").format(text=text))
    begins, ends = parse_times(start), parse_times(end)
    if len(begins) != 1 or len(ends) != 1:
        raise ValueError(_("“{text}” is not like 22:00-07:00").format(text=text))
    if begins == ends:
        raise ValueError(_("quiet hours must end at another time than they start"))
    return begins[0], ends[0]


def format_quiet(quiet: tuple[time, time] | None) -> str:
    return "" if quiet is None else f"{quiet[0]:%H:%M}-{quiet[1]:%H:%M}"


def in_quiet(quiet: tuple[time, time] | None, moment: time) -> bool:
    """``moment`` (a wall time) is in the quiet hours [start, end), which may pass midnight."""
    if quiet is None:
        return False
    start, end = quiet
    if start <= end:
        return start <= moment < end
    return moment >= start or moment < end


@dataclass(frozen=True)
class ReminderRules:
    times: tuple[time, ...]
    days: frozenset[int] = EVERY_DAY
    quiet: tuple[time, time] | None = None

    def heard(self, at: time) -> bool:
        """A reminder at this time of day can be shown (it is not in the quiet hours)."""
        return not in_quiet(self.quiet, at)


@dataclass(frozen=True)
class Slot:
    """One reminder on one day: its instant and its window [opens, closes), all UTC."""

    at: datetime
    opens: datetime
    closes: datetime
    day: date  # the day it belongs to, on the zone's calendar
    time: time  # its time of day as set


@dataclass(frozen=True)
class Remind:
    slot: Slot
    late: bool  # shown well after its time (the machine slept, or the app was not running)
    snoozed: bool  # asked for again with "Later"


@dataclass(frozen=True)
class Wait:
    until: datetime | None  # None: nothing will ever be due (reminders off, no days)


def _utc(moment: datetime) -> datetime:
    if moment.tzinfo is None:
        raise ValueError("reminder times must be timezone-aware")
    return moment.astimezone(UTC)


def slots(rules: ReminderRules, tz: tzinfo, first: date, last: date) -> list[Slot]:
    """The reminders that can be shown from day ``first`` to ``last``, oldest first, with
    their windows. A time that does not exist on a day (the clock springs forward past it)
    comes as many minutes after the change; one that happens twice comes once, the first
    time."""
    instants: dict[datetime, tuple[date, time]] = {}
    day = first - timedelta(days=1)
    while day <= last + timedelta(days=1):
        if day.weekday() in rules.days:
            for at in rules.times:
                if rules.heard(at):
                    instant = datetime.combine(day, at, tzinfo=tz).astimezone(UTC)
                    instants.setdefault(instant, (day, at))
        day += timedelta(days=1)
    ordered = sorted(instants)
    made = []
    for i, instant in enumerate(ordered):
        before = ordered[i - 1] if i else instant - timedelta(hours=24)
        after = ordered[i + 1] if i + 1 < len(ordered) else instant + timedelta(hours=24)
        day, at = instants[instant]
        made.append(
            Slot(instant, before + (instant - before) / 2, instant + (after - instant) / 2, day, at)
        )
    return [s for s in made if first <= s.day <= last]


def countable(day: date) -> bool:
    """The days around ``day`` can be counted (it is not at the very end of the calendar)."""
    return date.min + CALENDAR_MARGIN <= day <= date.max - CALENDAR_MARGIN


def around(rules: ReminderRules, tz: tzinfo, now: datetime) -> list[Slot]:
    now = _utc(now)
    if not countable(now.date()):
        return []
    today = now.astimezone(tz).date()
    return slots(
        rules,
        tz,
        today - timedelta(days=LOOK_BACK_DAYS),
        today + timedelta(days=LOOK_AHEAD_DAYS),
    )


def current(found: list[Slot], now: datetime) -> Slot | None:
    """The reminder whose window holds ``now``."""
    return next((s for s in found if s.opens <= now < s.closes), None)


def done_in(slot: Slot, done: Iterable[datetime], now: datetime) -> bool:
    """A session counted as done started in the slot's window, before now."""
    return any(slot.opens <= _utc(d) < slot.closes and _utc(d) <= now for d in done)


def decide(
    rules: ReminderRules,
    tz: tzinfo,
    now: datetime,
    done: Iterable[datetime],
    *,
    shown: datetime | None = None,
    snoozed_until: datetime | None = None,
) -> Remind | Wait:
    """Show a reminder now, or wait until a later instant and ask again.

    ``done``: when the sessions that count started (UTC). ``shown``: when a reminder was
    last shown. ``snoozed_until``: "Later" was chosen; ask again then."""
    now = _utc(now)
    if not countable(now.date()):
        return Wait(None)
    done = [_utc(d) for d in done]
    shown = believed(shown, now)
    snoozed_until = believed(snoozed_until, now)
    found = around(rules, tz, now)
    here = current(found, now)
    pending_snooze = snoozed_until is not None and (shown is None or shown < _utc(snoozed_until))
    snooze_at = _utc(snoozed_until) if snoozed_until is not None and pending_snooze else None
    quiet_now = in_quiet(rules.quiet, now.astimezone(tz).time())
    candidates: list[datetime] = []
    if snooze_at is not None:
        if snooze_at > now:
            candidates.append(snooze_at)
        elif not quiet_now and here is not None and not done_in(here, done, now):
            return Remind(here, late=now - snooze_at > ON_TIME, snoozed=True)
    if here is not None and here.at <= now and not done_in(here, done, now):
        unseen = shown is None or shown < here.at
        if unseen and snooze_at is None and not quiet_now:
            return Remind(here, late=now - here.at > ON_TIME, snoozed=False)
        if unseen and quiet_now:
            ends = _quiet_end(rules, tz, now)
            if ends is not None and ends < here.closes:
                candidates.append(ends)
    candidates.extend(s.at for s in found if s.at > now)
    if not candidates and found:
        candidates.append(found[-1].closes)
    return Wait(min(candidates) if candidates else None)


def believed(moment: datetime | None, now: datetime) -> datetime | None:
    """``moment`` in UTC, unless it is further ahead of ``now`` than ``AHEAD``."""
    if moment is None:
        return None
    moment = _utc(moment)
    return moment if moment - now <= AHEAD else None


def _quiet_end(rules: ReminderRules, tz: tzinfo, now: datetime) -> datetime | None:
    if rules.quiet is None:
        return None
    local = now.astimezone(tz)
    for offset in (0, 1):
        end = datetime.combine(local.date() + timedelta(days=offset), rules.quiet[1], tzinfo=tz)
        end_utc = end.astimezone(UTC)
        if end_utc > now:
            return end_utc
    return None


def next_slot(rules: ReminderRules, tz: tzinfo, now: datetime) -> Slot | None:
    """The next reminder time after ``now`` (whether or not it will be needed)."""
    now = _utc(now)
    return next((s for s in around(rules, tz, now) if s.at > now), None)
