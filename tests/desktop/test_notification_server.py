"""The reminders' notifications against a real notification server: dunst, which (like the
desktops' own servers) refuses a call whose arguments are not exactly ``susssasa{sv}i``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtDBus import QDBusConnection, QDBusMessage
from pytestqt.qtbot import QtBot

from stretchdesk.settings import Preferences, save_prefs
from stretchdesk.ui.desktop.notifier import DesktopNotifier, Note

pytestmark = pytest.mark.needs("dunst", "dunstctl", "Xvfb", "dbus-daemon", package="dunst xvfb")


@pytest.fixture
def dunst(qtbot: QtBot, x_display: str, private_bus: str) -> Iterator[dict[str, str]]:
    """dunst on a private X display and bus, once it owns the notifications' name."""
    env = {**os.environ, "DISPLAY": x_display, "DBUS_SESSION_BUS_ADDRESS": private_bus}
    server = subprocess.Popen(
        ["dunst"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    ask = [
        "dbus-send",
        "--print-reply",
        "--dest=org.freedesktop.DBus",
        "/org/freedesktop/DBus",
        "org.freedesktop.DBus.NameHasOwner",
        "string:org.freedesktop.Notifications",
    ]

    def owned() -> bool:
        answer = subprocess.run(ask, env=env, capture_output=True, text=True, check=False)
        return "boolean true" in answer.stdout

    qtbot.waitUntil(owned, timeout=20_000)
    yield env
    server.terminate()
    server.wait(timeout=10)


def test_dunst_shows_the_reminder_and_reports_it_closed(
    qtbot: QtBot, dunst: dict[str, str], private_bus: str
) -> None:
    notifier = DesktopNotifier(private_bus)
    failures: list[str] = []
    notifier.failed.connect(failures.append)
    notifier.show(
        Note("Time for your back exercises", "Quick relief, 8 min.", (("start", "Start now"),))
    )
    qtbot.waitUntil(lambda: notifier.showing or bool(failures), timeout=10_000)
    assert failures == []
    with qtbot.waitSignal(notifier.closed, timeout=10_000):
        subprocess.run(["dunstctl", "close"], env=dunst, check=True, timeout=30)
    assert not notifier.showing


def test_qt_d_bus_module_alone_would_be_refused(
    qtbot: QtBot, dunst: dict[str, str], private_bus: str
) -> None:
    """Why the notifier speaks through jeepney: through PySide, QtDBus sends the id as a
    signed int."""
    bus = QDBusConnection.connectToBus(private_bus, "plain-qt")
    call = QDBusMessage.createMethodCall(
        "org.freedesktop.Notifications",
        "/org/freedesktop/Notifications",
        "org.freedesktop.Notifications",
        "Notify",
    )
    call.setArguments(["stretchdesk", 0, "", "summary", "body", ["a", "b"], {}, 0])
    pending = bus.asyncCall(call)
    qtbot.waitUntil(pending.isFinished, timeout=10_000)
    assert pending.reply().errorName() == "org.freedesktop.DBus.Error.InvalidArgs"
    QDBusConnection.disconnectFromBus("plain-qt")


@pytest.mark.needs("xdotool", package="xdotool")
def test_the_app_in_the_background_reminds_and_the_notification_opens_it(
    qtbot: QtBot, dunst: dict[str, str], tmp_path: Path
) -> None:
    """The real program, as the login entry starts it: no window, one notification at the
    due time, and clicking the notification (dunst's default action) brings the window."""
    data = tmp_path / "data"
    data.mkdir()
    due = (datetime.now(UTC) - timedelta(minutes=1)).strftime("%H:%M")
    save_prefs(
        data / "settings.toml",
        Preferences(
            safety_seen=True, health_asked=True, reminders=True, reminder_times=due, quiet_hours=""
        ),
    )
    env = {**dunst, "TZ": "UTC", "QT_QPA_PLATFORM": "xcb"}
    app = subprocess.Popen(
        [sys.executable, "-m", "stretchdesk", "--data-dir", str(data), "--background"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )

    def dunst_says(*args: str) -> str:
        done = subprocess.run(
            ["dunstctl", *args], env=env, capture_output=True, text=True, check=False
        )
        return done.stdout.strip()

    def windows() -> str:
        found = subprocess.run(
            ["xdotool", "search", "--onlyvisible", "--name", "^stretchdesk$"],
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        return found.stdout.strip()

    try:
        qtbot.waitUntil(lambda: dunst_says("count", "displayed") == "1", timeout=30_000)
        assert windows() == ""  # in the background: no window
        dunst_says("action", "0")  # the notification clicked
        qtbot.waitUntil(lambda: windows() != "", timeout=20_000)
        assert app.poll() is None
    finally:
        app.terminate()
        app.wait(timeout=20)


def test_dunst_shows_a_routine_title_holding_markup_as_its_words(
    qtbot: QtBot, dunst: dict[str, str], private_bus: str
) -> None:
    """dunst reads markup in a body (it says "body-markup"): a title that holds a link or a
    picture is sent escaped, so dunst draws the same characters and makes no link."""
    title = '<a href="file:///etc/passwd">Prescribed</a> <b>&</b>'
    notifier = DesktopNotifier(private_bus)
    notifier.show(Note("Time for your back exercises", f"{title}, 8 min.", ()))
    qtbot.waitUntil(lambda: notifier.showing, timeout=10_000)
    subprocess.run(["dunstctl", "close"], env=dunst, check=True, timeout=30)
    history = subprocess.run(
        ["dunstctl", "history"], env=dunst, check=True, timeout=30, capture_output=True, text=True
    ).stdout
    (shown,) = json.loads(history)["data"][0]
    body = shown["message"]["data"].split("\n", 1)[1]  # under the summary, in Pango markup
    assert body == (
        '&lt;a href="file:///etc/passwd"&gt;Prescribed&lt;/a&gt; &lt;b&gt;&amp;&lt;/b&gt;, 8 min.'
    )
