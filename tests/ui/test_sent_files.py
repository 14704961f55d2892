"""Routines that reach a running stretchdesk from outside: ``--routine`` from a second start,
a reminder's notification clicked, and a file put in the person's routines folder."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from stretchdesk import app, paths
from stretchdesk.routine import Catalog
from stretchdesk.services import Services
from stretchdesk.settings import Preferences, save_prefs
from stretchdesk.ui.shell.main_window import MainWindow
from tests.routine.test_mine import PRESCRIBED
from tests.ui.fake_notifications import FakeNotifications
from tests.ui.flows import WindowFactory, start_session
from tests.ui.test_reminders import between

NOT_FIRST = "quick-relief"  # the routines screen chooses lower-back-spasm first


def second_start(data_dir: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "stretchdesk", "--data-dir", str(data_dir), *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )


def test_routine_from_a_second_start_goes_to_the_running_window(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # build_window sets its own
    save_prefs(data_dir / "settings.toml", Preferences(safety_seen=True, health_asked=True))
    services = Services.load(paths.DataPaths(data_dir))
    window = app.build_window(services, None)
    assert window is not None
    try:
        bad = second_start(data_dir, "--routine", "no-such-routine")
        assert bad.returncode != 0 and "no routine with this id" in bad.stderr
        login = second_start(data_dir, "--background", "--routine", NOT_FIRST)
        assert (login.returncode, login.stderr) == (0, "")  # asked for a routine: not dropped
        assert "it was asked to start Quick relief." in login.stdout
        qtbot.waitUntil(lambda: window.current is window.pain_before)
        window.go_start()
        sent = second_start(data_dir, "--routine", NOT_FIRST)
        assert (sent.returncode, sent.stderr) == (0, "")
        assert "already open; it was asked to start Quick relief." in sent.stdout
        qtbot.waitUntil(lambda: window.current is window.pain_before)
        assert window.flow.setup is not None and window.flow.setup.routine.id == NOT_FIRST
    finally:
        window.close()
        services.close()


def test_routine_from_a_second_start_waits_for_the_running_session(
    qtbot: QtBot, window: MainWindow
) -> None:
    start_session(qtbot, window, "lower-back-spasm")
    window.sent.start(NOT_FIRST)
    qtbot.waitUntil(lambda: "when this session has ended" in window.banner.text)
    assert window.current is window.session


@pytest.mark.needs("dbus-daemon", package="dbus-daemon")
def test_clicking_a_reminder_chooses_its_routine(
    qtbot: QtBot,
    data_dir: Path,
    make_window: WindowFactory,
    notifications: FakeNotifications,
    private_bus: str,
) -> None:
    save_prefs(
        data_dir / "settings.toml",
        Preferences(
            safety_seen=True,
            health_asked=True,
            reminders=True,
            reminder_times="08:00",
            reminder_routine=NOT_FIRST,
            reminder_offered=True,
        ),
    )
    window = make_window()  # 08:00: due now
    assert window.start.selected != NOT_FIRST
    between(window, private_bus)
    qtbot.waitUntil(lambda: len(notifications.notifies()) == 1)
    window.hide()
    notifications.press("default")  # the notification itself clicked
    qtbot.waitUntil(window.isVisible)
    assert window.current is window.start
    assert window.start.selected == NOT_FIRST
    assert window.focusWidget() is window.start.cards[NOT_FIRST]


def test_a_routine_file_put_in_the_folder_shows_without_a_restart(
    qtbot: QtBot, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    readers: list[threading.Thread] = []
    read = window.services.read_catalog

    def reading() -> Catalog:
        readers.append(threading.current_thread())
        return read()

    monkeypatch.setattr(window.services, "read_catalog", reading)
    window.start.cards[NOT_FIRST].setFocus(Qt.FocusReason.OtherFocusReason)
    window.sent.watch_folder()
    folder = window.services.data.routines
    assert not folder.exists()  # made by hand while the app runs
    folder.mkdir(parents=True)
    (folder / "from-the-clinic.toml").write_text(PRESCRIBED, encoding="utf-8")
    (folder / "broken.toml").write_text("[[[" * 1000, encoding="utf-8")
    qtbot.waitUntil(lambda: "from-the-clinic" in window.start.cards, timeout=10_000)
    assert readers and all(t is not threading.main_thread() for t in readers)
    assert [c.path.name for c in window.start.broken_cards] == ["broken.toml"]
    assert window.start.selected == NOT_FIRST  # as it was, and with the focus
    qtbot.waitUntil(lambda: window.focusWidget() is window.start.cards[NOT_FIRST])
    (folder / "from-the-clinic.toml").unlink()
    qtbot.waitUntil(lambda: "from-the-clinic" not in window.start.cards, timeout=10_000)
