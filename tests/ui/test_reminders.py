"""Reminders end to end: the real window, a private session bus and a small stand-in for the
desktop's notification service (org.freedesktop.Notifications), on a fake clock."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from PySide6.QtDBus import QDBusConnection, QDBusMessage
from pytestqt.qtbot import QtBot

from stretchdesk.autostart import autostart_file
from stretchdesk.session import FakeClock
from stretchdesk.settings import Preferences, save_prefs
from stretchdesk.ui.desktop.between_sessions import BetweenSessions
from stretchdesk.ui.shell.main_window import MainWindow
from tests.buses import bus_daemon
from tests.fakes import FakeWall
from tests.ui.fake_notifications import FakeNotifications
from tests.ui.flows import WindowFactory

pytestmark = pytest.mark.needs("dbus-daemon", package="dbus-daemon")

ROUTINE = "quick-relief"
UTC_ZONE = ZoneInfo("UTC")


@pytest.fixture
def reminding(data_dir: Path) -> None:
    save_prefs(
        data_dir / "settings.toml",
        Preferences(
            safety_seen=True,
            health_asked=True,
            pain_ratings=False,
            reminders=True,
            reminder_times="08:30 18:00",
            reminder_routine=ROUTINE,
            reminder_offered=True,
        ),
    )


def between(window: MainWindow, bus: str, *, tray: bool = False) -> BetweenSessions:
    made = BetweenSessions(window, bus=bus, system_bus="", zone=UTC_ZONE, tray=tray)
    window.between = made
    return made


def test_one_notification_at_the_due_time_then_later_then_start_now(
    qtbot: QtBot,
    reminding: None,
    make_window: WindowFactory,
    notifications: FakeNotifications,
    private_bus: str,
    clock: FakeClock,
    wall: FakeWall,
) -> None:
    window = make_window()  # 08:00 on the fake wall clock
    reminders = between(window, private_bus)
    assert reminders.clock.next_check == wall() + timedelta(minutes=15)  # at most 15 min ahead
    clock.advance(15 * 60)
    reminders.clock.check()
    assert reminders.clock.next_check == wall() + timedelta(minutes=15)  # 08:30
    assert notifications.notifies() == []
    clock.advance(15 * 60)
    reminders.clock.check()
    qtbot.waitUntil(lambda: len(notifications.notifies()) == 1)
    _, signature, args = next(c for c in notifications.calls if c[0] == "Notify")
    assert signature == "susssasa{sv}i"  # the notification id is unsigned, as servers demand
    app, replaces, icon, summary, body, actions, hints, timeout = args
    assert (app, replaces, icon) == ("stretchdesk", 0, "io.github.stretchdesk.StretchDesk")
    assert summary == "Time for your back exercises"
    assert body.startswith(window.services.catalog.get(ROUTINE).title)  # type: ignore[union-attr]
    assert actions == [
        "start",
        "Start now",
        "later",
        "Later (30 min)",
        "default",
        "Open stretchdesk",
    ]
    assert hints.currentSignature() == "a{sv}"  # its words: tests/desktop/test_wire.py
    assert timeout == 0
    reminders.clock.check()  # asked again: shown once only
    assert reminders.clock.next_check == wall() + timedelta(minutes=15)
    qtbot.wait(50)
    assert len(notifications.notifies()) == 1

    notifications.press("later")
    qtbot.waitUntil(lambda: reminders.clock.state.snoozed_until is not None)
    assert reminders.clock.state.snoozed_until == wall() + timedelta(minutes=30)
    qtbot.waitUntil(lambda: any(c[0] == "CloseNotification" for c in notifications.calls))
    close = next(c for c in notifications.calls if c[0] == "CloseNotification")
    assert close[1] == "u" and close[2] == [1]
    assert window.current is window.start  # nothing started

    clock.advance(15 * 60)
    reminders.clock.check()
    clock.advance(15 * 60)
    reminders.clock.check()
    qtbot.waitUntil(lambda: len(notifications.notifies()) == 2)
    assert notifications.notifies()[1][1] == 0  # a new one: the first was closed
    notifications.press("start")
    qtbot.waitUntil(lambda: window.current is window.session)
    assert window.session.live is not None
    assert window.session.live.routine.id == ROUTINE
    clock.advance(60 * 60)
    reminders.clock.check()  # a session runs: nothing is shown over it
    qtbot.wait(50)
    assert len(notifications.notifies()) == 2


def test_a_restart_does_not_repeat_a_reminder(
    qtbot: QtBot,
    reminding: None,
    make_window: WindowFactory,
    notifications: FakeNotifications,
    private_bus: str,
    clock: FakeClock,
) -> None:
    clock.advance(40 * 60)  # 08:40: the 08:30 reminder is due
    first = make_window()
    between(first, private_bus)
    qtbot.waitUntil(lambda: len(notifications.notifies()) == 1)
    first.between.close()  # type: ignore[union-attr]
    second = make_window()
    again = between(second, private_bus)
    assert again.clock.state.shown is not None
    qtbot.wait(100)
    assert len(notifications.notifies()) == 1


def test_without_a_notification_service_the_window_comes_forward(
    qtbot: QtBot,
    reminding: None,
    make_window: WindowFactory,
    private_bus: str,
    clock: FakeClock,
) -> None:
    clock.advance(30 * 60)
    window = make_window()
    window.nav_to("history")
    between(window, private_bus)  # nothing owns org.freedesktop.Notifications
    qtbot.waitUntil(lambda: window.current is window.start)
    assert window.start.selected == ROUTINE
    assert "Time for your back exercises" in window.banner.text


# the offscreen platform has no tray; Qt says so when the icon is made
@pytest.mark.qt_log_ignore("systemTrayWindowChanged")
def test_closing_with_reminders_on_stays_in_the_tray_until_quit(
    qtbot: QtBot,
    reminding: None,
    make_window: WindowFactory,
    private_bus: str,
) -> None:
    window = make_window()
    reminders = between(window, private_bus, tray=True)
    assert reminders.tray is not None
    assert reminders.tray.start.text() == "Start Quick relief"
    assert reminders.tray.reminders.isChecked()
    closed: list[bool] = []
    window.closed.connect(lambda: closed.append(True))
    window.close()
    assert not window.isVisible() and closed == []
    assert window.services.prefs.tray_note_shown  # said once
    reminders.tray.reminders.setChecked(False)  # the tray menu's switch
    assert not window.services.prefs.reminders
    assert not reminders.keep_running()
    reminders.tray.reminders.setChecked(True)
    reminders.tray.open.trigger()
    assert window.isVisible()
    reminders.tray.quit.trigger()
    qtbot.waitUntil(lambda: closed == [True])  # once the menu's slot has returned


def test_settings_edit_the_reminders_and_the_login_entry(
    qtbot: QtBot, reminding: None, make_window: WindowFactory
) -> None:
    window = make_window()
    group = window.settings.reminders
    assert group.times.text() == "08:30 18:00" and group.on.isChecked()
    group.times.setText("7:15, 13:00 19:30")
    group.times.editingFinished.emit()
    assert window.services.prefs.reminder_times == "07:15 13:00 19:30"
    assert group.times.text() == "07:15 13:00 19:30"
    group.times.setText("noon")
    group.times.editingFinished.emit()
    assert window.services.prefs.reminder_times == "07:15 13:00 19:30"  # nothing saved
    assert group.status.text().startswith("Not saved: “noon” is not a time")
    group.times.setText("07:15")
    group.days[5].setChecked(False)  # no Saturday
    assert window.services.prefs.reminder_days == "mon tue wed thu fri sun"
    assert window.services.prefs.reminder_times == "07:15"
    entry = autostart_file()
    group.login.setChecked(True)
    assert entry.exists() and "--background" in entry.read_text(encoding="utf-8")
    group.login.setChecked(False)
    assert not entry.exists()
    group.plan.setChecked(True)
    assert window.services.prefs.plan_start == "2026-11-02"  # the window's today
    assert group.plan_note.text() == "from 2 November 2026"
    group.on.setChecked(False)
    assert window.settings.reminders.status.text() == "Reminders are off."


def test_waking_from_suspend_checks_at_once_and_clicking_opens_the_window(
    qtbot: QtBot,
    reminding: None,
    make_window: WindowFactory,
    notifications: FakeNotifications,
    private_bus: str,
    clock: FakeClock,
    tmp_path: Path,
) -> None:
    """logind says PrepareForSleep(false) on the system bus when the machine wakes: the
    timer (stopped while asleep) is not waited for."""
    with bus_daemon(tmp_path / "system-bus") as address:
        logind = QDBusConnection.connectToBus(address, "fake-logind")
        assert logind.registerService("org.freedesktop.login1")
        window = make_window()
        reminders = BetweenSessions(
            window, bus=private_bus, system_bus=address, zone=UTC_ZONE, tray=False
        )
        window.between = reminders
        qtbot.wait(200)  # the match rule is in place
        clock.advance(3 * 3600)  # asleep from 08:00 to 11:00: the 08:30 reminder was missed
        assert notifications.notifies() == []
        signal = QDBusMessage.createSignal(
            "/org/freedesktop/login1", "org.freedesktop.login1.Manager", "PrepareForSleep"
        )
        signal.setArguments([False])
        logind.send(signal)
        qtbot.waitUntil(lambda: len(notifications.notifies()) == 1)
        assert "It was due at 08:30" in notifications.notifies()[0][4]
        window.hide()
        notifications.press("default")  # the notification itself clicked
        qtbot.waitUntil(window.isVisible)
        assert window.current is window.start
        QDBusConnection.disconnectFromBus("fake-logind")


def test_a_reminder_never_pulls_the_person_away_from_a_question(
    qtbot: QtBot, data_dir: Path, make_window: WindowFactory, private_bus: str, clock: FakeClock
) -> None:
    save_prefs(
        data_dir / "settings.toml",
        Preferences(
            safety_seen=True,
            health_asked=True,
            reminders=True,
            reminder_times="08:30",
            reminder_routine=ROUTINE,
        ),
    )
    window = make_window()
    window.request_start("lower-back-spasm")
    assert window.current is window.pain_before
    clock.advance(30 * 60)
    between(window, private_bus)  # due now, and no notification service
    qtbot.waitUntil(lambda: "Time for your back exercises" in window.banner.text)
    assert window.current is window.pain_before
    assert "Start it from Routines when you are ready." in window.banner.text
