"""The plan over weeks in the window: the reminders offer after the first completed session,
today's line on the routines screen, and the history's month of days done with the plan."""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from stretchdesk.routine import Catalog
from stretchdesk.session import FakeClock
from stretchdesk.settings import Preferences, save_prefs
from tests.ui.flows import WindowFactory, run_until, start_session
from tools.demo_history import make_demo_history

ROUTINE = "quick-relief"


def test_the_first_completed_session_offers_reminders_once(
    qtbot: QtBot,
    data_dir: Path,
    make_window: WindowFactory,
    clock: FakeClock,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TZ", "UTC")  # the window's own zone: "this morning" is 08:00 UTC
    save_prefs(
        data_dir / "settings.toml",
        Preferences(safety_seen=True, health_asked=True, pain_ratings=False),
    )
    window = make_window()
    assert not window.start.today.isVisible()  # no reminders, no plan: nothing to say
    start_session(qtbot, window, ROUTINE)
    run_until(window, clock, lambda: window.current is window.completion, limit=4 * 3600)
    completion = window.completion
    assert completion.offer.isVisible()
    assert "every morning and evening" in completion.offer.accessibleName() + " ".join(
        w.text() for w in completion.offer.findChildren(QLabel)
    )
    completion.offer_yes.click()
    prefs = window.services.prefs
    assert (prefs.reminders, prefs.reminder_routine, prefs.reminder_offered) == (
        True,
        ROUTINE,
        True,
    )
    assert prefs.reminder_times == "08:00 18:00" and prefs.plan_start == "2026-11-02"
    assert not completion.offer.isVisible()
    completion.done_button.click()
    assert window.current is window.start
    assert window.start.today.text() == (
        "Today: done this morning; this evening still to do (18:00). "
        "Plan: week 1 of 6, day 1 of 42; done on 1 day so far."
    )
    start_session(qtbot, window, ROUTINE)  # the next completion asks nothing
    run_until(window, clock, lambda: window.current is window.completion, limit=4 * 3600)
    assert not completion.offer.isVisible()


def test_history_shows_the_month_of_days_done_and_the_plan(
    qtbot: QtBot,
    data_dir: Path,
    make_window: WindowFactory,
    catalog: Catalog,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("TZ", "UTC")
    end = datetime(2026, 11, 3, 9, 0, tzinfo=UTC)  # days up to the window's today, 2 Nov
    make_demo_history(data_dir / "history.sqlite", catalog, days=10, end=end)
    save_prefs(
        data_dir / "settings.toml",
        Preferences(safety_seen=True, health_asked=True, plan_start="2026-10-26", plan_weeks=4),
    )
    window = make_window()
    window.nav_to("history")
    calendar = window.history.calendar
    done = sorted(calendar.days)
    assert done and done[-1] <= date(2026, 11, 2)
    in_november = [d for d in done if d.month == 11]
    description = calendar.accessibleDescription()
    days = "day" if len(in_november) == 1 else "days"
    assert description.startswith(f"November 2026: {len(in_november)} {days} done")
    assert description.endswith("plan from 26 October to 22 November 2026")
    october = [d for d in done if d.month == 10]
    assert in_november and october, done
    last = in_november[-1]
    marked = calendar.dateTextFormat(QDate(last.year, last.month, last.day))
    assert marked.fontWeight() == 700 and marked.toolTip() == "A session was done"
    calendar.showPreviousMonth()  # October: its own days marked, November's not
    assert calendar.accessibleDescription().startswith(f"October 2026: {len(october)} days")
    assert calendar.dateTextFormat(QDate(last.year, last.month, last.day)).fontWeight() != 700
    first = october[0]
    assert calendar.dateTextFormat(QDate(first.year, first.month, first.day)).fontWeight() == 700
    missed = next(d for d in range(26, 32) if date(2026, 10, d) not in october)
    plan_day = calendar.dateTextFormat(QDate(2026, 10, missed))  # in the plan, not done
    assert plan_day.fontUnderline() and plan_day.toolTip() == "A day of the plan"
    assert not calendar.dateTextFormat(QDate(2026, 10, 20)).fontUnderline()  # before it
    plan = window.history.plan.text()
    assert plan.startswith("Plan: week 2 of 4, day 8 of 28; done on ")
    assert "average by week of the plan: week 1:" in plan
