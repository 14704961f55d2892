"""Today's state on the start screen, the plan's progress and the pain over the plan."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from pathlib import Path
from zoneinfo import ZoneInfo

from stretchdesk.history.outcome import SessionOutcome
from stretchdesk.history.queries import PainPoint, SessionSummary
from stretchdesk.schedule.days import (
    Plan,
    SlotState,
    done_times,
    pain_by_week,
    pain_text,
    progress,
    today_slots,
    today_text,
)
from stretchdesk.schedule.reminders import ReminderRules
from stretchdesk.schedule.state import LoadedState, ReminderState, load_state, save_state
from stretchdesk.schedule.zone import local_zone

LONDON = ZoneInfo("Europe/London")
BOTH = ReminderRules((time(8), time(18)))


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2027, 1, day, hour, minute, tzinfo=LONDON).astimezone(UTC)


def session(routine: str, started: datetime, done: int, outcome: SessionOutcome) -> SessionSummary:
    return SessionSummary(
        1, routine, routine, started, None, outcome, done, 0, 5, None, None, None, 60.0, None, 60.0
    )


def test_sessions_count_when_a_step_was_done_or_pain_stopped_them() -> None:
    sessions = [
        session("gentle", at(4, 8), 2, SessionOutcome.COMPLETED),
        session("gentle", at(4, 9), 0, SessionOutcome.STOPPED_FOR_PAIN),
        session("gentle", at(4, 10), 0, SessionOutcome.ENDED_EARLY),
        session("other", at(4, 11), 3, SessionOutcome.COMPLETED),
    ]
    assert done_times(sessions, "gentle") == [at(4, 8), at(4, 9)]


def test_today_in_words() -> None:
    morning_done = today_slots(BOTH, LONDON, at(4, 10), [at(4, 9)])
    assert [state for _, state in morning_done] == [SlotState.DONE, SlotState.LATER]
    assert (
        today_text(morning_done, True)
        == "Today: done this morning; this evening still to do (18:00)."
    )
    evening = today_slots(BOTH, LONDON, at(4, 19), [])
    assert today_text(evening, False) == "Today: this morning not done; this evening still to do."
    two_mornings = ReminderRules((time(7), time(10)))
    both = today_slots(two_mornings, LONDON, at(4, 6), [])
    assert today_text(both, False) == (
        "Today: at 07:00 still to do (07:00); at 10:00 still to do (10:00)."
    )
    assert today_text([], True) == "Today: done."


def test_plan_progress() -> None:
    plan = Plan(date(2027, 1, 4), 6)
    assert plan.end == date(2027, 2, 14)
    done = {date(2027, 1, 4), date(2027, 1, 5), date(2027, 1, 11), date(2026, 12, 31)}
    now = progress(plan, done, date(2027, 1, 12))
    assert (now.week, now.days_so_far, now.days_done) == (2, 9, 3)
    assert now.text() == "Plan: week 2 of 6, day 9 of 42; done on 3 days so far."
    assert progress(plan, done, date(2027, 1, 1)).text() == (
        "Plan: every day for 6 weeks, starting soon."
    )
    over = progress(plan, done, date(2027, 3, 1))
    assert (
        over.finished and over.text() == "Plan finished: every day for 6 weeks, 3 of 42 days done."
    )


def test_pain_by_week_of_the_plan() -> None:
    plan = Plan(date(2027, 1, 4), 6)
    points = [
        PainPoint(1, at(3, 9), 9, 9),  # before the plan
        PainPoint(2, at(4, 9), 6, 5),
        PainPoint(3, at(5, 9), 7, None),
        PainPoint(4, at(12, 9), 4, 3),
        PainPoint(5, at(13, 9), None, 2),
    ]
    weeks = pain_by_week(plan, points, LONDON)
    assert [(w.week, w.before, w.after, w.sessions) for w in weeks] == [
        (1, 6.5, 5.0, 2),
        (2, 4.0, 2.5, 2),
    ]
    assert pain_text(weeks) == (
        "Pain before sessions, average by week of the plan: week 1: 6.5 → week 2: 4.0."
    )
    assert pain_text([]) == ""


def test_the_local_zone_has_its_rules(tmp_path: Path) -> None:
    assert str(local_zone({"TZ": "Europe/Berlin"})) == "Europe/Berlin"
    assert str(local_zone({"TZ": ":Europe/Paris"})) == "Europe/Paris"
    link = tmp_path / "localtime"
    link.symlink_to("/usr/share/zoneinfo/America/New_York")
    assert str(local_zone({}, link)) == "America/New_York"
    missing = local_zone({"TZ": "Nowhere/Else"}, tmp_path / "none")
    assert missing.utcoffset(datetime.now()) is not None


def test_reminder_state_survives_a_restart_and_a_damaged_file(tmp_path: Path) -> None:
    path = tmp_path / "state" / "reminders.json"
    now = at(4, 9)
    assert load_state(path, now) == LoadedState()
    state = ReminderState(at(4, 8), at(4, 8, 30))
    save_state(path, state)
    assert load_state(path, now) == LoadedState(state)
    path.write_bytes(b"\xff{not json")
    damaged = load_state(path, now)
    assert damaged.state == ReminderState()
    assert damaged.problems == ["reminders.json is damaged; it is read as empty."]
    path.write_text('{"shown": "2027-01-04T08:00:00", "snoozed_until": 5}', encoding="utf-8")
    untrusted = load_state(path, now)
    assert untrusted.state == ReminderState()  # no time zone: not trusted
    assert len(untrusted.problems) == 2
