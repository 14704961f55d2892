"""Today's reminders and the plan over weeks, from the history. No Qt.

A session *counts* for a reminder when at least one step was completed, or it was stopped
for pain (nobody should be reminded again an hour after stopping for pain). A *day done*
on the calendar and in the plan is a day with at least one completed step, as the streak
counts it. Words for the start screen are made here, so the window only shows them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from enum import Enum
from typing import TYPE_CHECKING

from stretchdesk.formats import clock, decimal, weekday_name
from stretchdesk.i18n import _, ngettext
from stretchdesk.schedule.reminders import (
    ReminderRules,
    Slot,
    countable,
    done_in,
    next_slot,
    slots,
)

if TYPE_CHECKING:  # (what the history holds: read with it)
    from stretchdesk.history.queries import PainPoint, SessionSummary

MAX_PLAN_WEEKS = 12
# a plan's first day is a date in this range (the settings file is checked against it), so
# every day of the plan, and a week either side, is a date Python can count
FIRST_PLAN_DAY = date(2000, 1, 1)
LAST_PLAN_DAY = date(2199, 12, 31)


def counts(session: SessionSummary) -> bool:
    from stretchdesk.history.outcome import SessionOutcome  # noqa: PLC0415 - read with it

    return session.completed_steps > 0 or session.outcome is SessionOutcome.STOPPED_FOR_PAIN


def done_times(sessions: Iterable[SessionSummary], routine_id: str) -> list[datetime]:
    """When the sessions of ``routine_id`` that count for its reminders started."""
    return [s.started_at for s in sessions if s.routine_id == routine_id and counts(s)]


class SlotState(Enum):
    DONE = "done"
    NOW = "still to do"  # its time has come and it is not done yet
    LATER = "later"
    MISSED = "missed"


def part_of_day(at: time) -> str:
    if at < time(12):
        return "morning"
    if at < time(17):
        return "afternoon"
    return "evening"


def today_slots(
    rules: ReminderRules, tz: tzinfo, now: datetime, done: Sequence[datetime]
) -> list[tuple[Slot, SlotState]]:
    now = now.astimezone(UTC)
    if not countable(now.date()):
        return []
    today = now.astimezone(tz).date()
    states = []
    for slot in slots(rules, tz, today, today):
        if done_in(slot, done, now):
            state = SlotState.DONE
        elif now >= slot.closes:
            state = SlotState.MISSED
        elif now >= slot.at:
            state = SlotState.NOW
        else:
            state = SlotState.LATER
        states.append((slot, state))
    return states


THIS_PART = {
    "morning": lambda: _("this morning"),
    "afternoon": lambda: _("this afternoon"),
    "evening": lambda: _("this evening"),
}


def today_text(states: Sequence[tuple[Slot, SlotState]], done_today: bool) -> str:
    """ "Today: done this morning; this evening still to do." (with times where two
    reminders share a part of the day)."""
    if not states:
        return _("Today: done.") if done_today else _("Today: not done yet.")
    parts = [part_of_day(slot.time) for slot, _ in states]
    unique = len(set(parts)) == len(parts)
    phrases = []
    for (slot, state), part in zip(states, parts, strict=True):
        name = THIS_PART[part]() if unique else _("at {time}").format(time=clock(slot.time))
        if state is SlotState.DONE:
            phrases.append(_("done {when}").format(when=name))
        elif state is SlotState.MISSED:
            phrases.append(_("{when} not done").format(when=name))
        elif state is SlotState.NOW:
            phrases.append(_("{when} still to do").format(when=name))
        else:
            phrases.append(
                _("{when} still to do ({time})").format(when=name, time=clock(slot.time))
            )
    return _("Today: {what}.").format(what="; ".join(phrases))


def plan_start_problem(start: date) -> str | None:
    """Why ``start`` cannot begin a plan, in words; None when it can."""
    if FIRST_PLAN_DAY <= start <= LAST_PLAN_DAY:
        return None
    return _("should be a date from {first} to {last}").format(
        first=FIRST_PLAN_DAY.isoformat(), last=LAST_PLAN_DAY.isoformat()
    )


@dataclass(frozen=True)
class Plan:
    """Every day for ``weeks`` weeks from ``start``; ValueError when either is out of range."""

    start: date
    weeks: int

    def __post_init__(self) -> None:
        problem = plan_start_problem(self.start)
        if problem is not None:
            raise ValueError(problem)
        if not 1 <= self.weeks <= MAX_PLAN_WEEKS:
            raise ValueError(
                _("should be between {low:g} and {high:g}").format(low=1, high=MAX_PLAN_WEEKS)
            )

    @property
    def end(self) -> date:
        """The last day of the plan."""
        return self.start + timedelta(days=7 * self.weeks - 1)

    def days(self) -> list[date]:
        return [self.start + timedelta(days=i) for i in range(7 * self.weeks)]


@dataclass(frozen=True)
class PlanProgress:
    week: int  # 1-based; weeks + 1 once it is over
    weeks: int
    days_so_far: int  # plan days up to and including today
    days_done: int  # of those, days with a session
    total_days: int

    @property
    def finished(self) -> bool:
        return self.week > self.weeks

    def text(self) -> str:
        if self.days_so_far == 0:
            return ngettext(
                "Plan: every day for {weeks} week, starting soon.",
                "Plan: every day for {weeks} weeks, starting soon.",
                self.weeks,
            ).format(weeks=self.weeks)
        if self.finished:
            return ngettext(
                "Plan finished: every day for {weeks} weeks, {done} of {days} day done.",
                "Plan finished: every day for {weeks} weeks, {done} of {days} days done.",
                self.total_days,
            ).format(weeks=self.weeks, done=self.days_done, days=self.total_days)
        return ngettext(
            "Plan: week {week} of {weeks}, day {day} of {days}; done on {done} day so far.",
            "Plan: week {week} of {weeks}, day {day} of {days}; done on {done} days so far.",
            self.days_done,
        ).format(
            week=self.week,
            weeks=self.weeks,
            day=self.days_so_far,
            days=self.total_days,
            done=self.days_done,
        )


def progress(plan: Plan, done_days: Iterable[date], today: date) -> PlanProgress:
    so_far = [d for d in plan.days() if d <= today]
    done = set(done_days)
    week = (today - plan.start).days // 7 + 1 if today >= plan.start else 0
    return PlanProgress(
        week=min(max(week, 0), plan.weeks + 1),
        weeks=plan.weeks,
        days_so_far=len(so_far),
        days_done=sum(1 for d in so_far if d in done),
        total_days=7 * plan.weeks,
    )


@dataclass(frozen=True)
class WeekPain:
    week: int  # 1-based week of the plan
    before: float | None  # mean pain before sessions that week
    after: float | None
    sessions: int


def pain_by_week(plan: Plan, points: Iterable[PainPoint], tz: tzinfo) -> list[WeekPain]:
    """The mean pain before and after sessions in each week of the plan so far."""
    from statistics import mean  # noqa: PLC0415 - for the history screen

    weeks: dict[int, list[PainPoint]] = {}
    for point in points:
        try:
            day = point.started_at.astimezone(tz).date()
        except OverflowError:  # a time at the very end of the calendar: no week of a plan
            continue
        if plan.start <= day <= plan.end:
            weeks.setdefault((day - plan.start).days // 7 + 1, []).append(point)
    made = []
    for week in sorted(weeks):
        found = weeks[week]
        before = [p.before for p in found if p.before is not None]
        after = [p.after for p in found if p.after is not None]
        made.append(
            WeekPain(
                week,
                round(mean(before), 1) if before else None,
                round(mean(after), 1) if after else None,
                len(found),
            )
        )
    return made


def pain_text(weeks: Sequence[WeekPain]) -> str:
    """ "Pain before sessions, week by week: 6.0 → 5.5 → 4.0." ("" with no ratings)."""
    rated = [(w.week, w.before) for w in weeks if w.before is not None]
    if not rated:
        return ""
    values = " → ".join(
        _("week {week}: {pain}").format(week=week, pain=decimal(before)) for week, before in rated
    )
    return _("Pain before sessions, average by week of the plan: {values}.").format(values=values)


def summary(
    rules: ReminderRules | None,
    plan: Plan | None,
    tz: tzinfo,
    now: datetime,
    *,
    done: Sequence[datetime],
    days_done: set[date],
) -> str:
    """The start screen's line about today and the plan ("" with neither)."""
    if not countable(now.astimezone(UTC).date()):
        return ""
    today = now.astimezone(tz).date()
    words = []
    if rules is not None:
        words.append(today_text(today_slots(rules, tz, now, done), today in days_done))
    elif plan is not None:
        words.append(_("Today: done.") if today in days_done else _("Today: not done yet."))
    if plan is not None:
        words.append(progress(plan, days_done, today).text())
    return " ".join(words)


def next_words(rules: ReminderRules, tz: tzinfo, now: datetime) -> str:
    """ "Next reminder: today at 18:00." (or tomorrow, or the weekday)."""
    slot = next_slot(rules, tz, now)
    if slot is None:
        return _("No reminder is set: choose at least one day and one time.")
    today = now.astimezone(tz).date()
    at = clock(slot.time)
    if slot.day == today:
        return _("Next reminder: today at {time}.").format(time=at)
    if slot.day == today + timedelta(days=1):  # a slot exists: today is not the last date
        return _("Next reminder: tomorrow at {time}.").format(time=at)
    return _("Next reminder: {weekday} at {time}.").format(weekday=weekday_name(slot.day), time=at)
