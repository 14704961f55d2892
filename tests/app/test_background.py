"""``stretchdesk --background`` (what the autostart entry runs): no window, reminders and the
tray only; a second background start does nothing, a plain start opens the window."""

from __future__ import annotations

import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from stretchdesk import app, paths
from stretchdesk.cli.commands import build_parser
from stretchdesk.schedule.zone import local_zone
from stretchdesk.services import Services
from stretchdesk.settings import Preferences, save_prefs


def test_the_option_is_on_the_command_line() -> None:
    assert build_parser().parse_args(["--background"]).background
    assert not build_parser().parse_args([]).background


def test_in_the_background_there_is_no_window_until_asked(
    qtbot: QtBot, data_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # build_window sets its own
    later = (datetime.now(local_zone()) + timedelta(hours=6)).strftime("%H:%M")  # none due now
    prefs = Preferences(  # no quiet hours: "later" may fall in them at some times of day
        safety_seen=True, reminders=True, reminder_times=later, quiet_hours=""
    )
    save_prefs(data_dir / "settings.toml", prefs)
    services = Services.load(paths.DataPaths(data_dir))
    window = app.build_window(services, None, background=True)
    assert window is not None
    try:
        qtbot.waitUntil(lambda: window.between is not None)
        assert not window.isVisible()
        assert window.current is None and "start" not in window.built_screens
        assert window.between is not None and window.between.clock.next_check is not None
        # a second start in the background (login, again): nothing, no window
        second = subprocess.run(
            [sys.executable, "-m", "stretchdesk", "--background"],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
        )
        assert (second.returncode, second.stdout, second.stderr) == (0, "", "")
        assert not window.isVisible()
        # a plain start: the window comes
        third = subprocess.Popen(
            [sys.executable, "-m", "stretchdesk"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        qtbot.waitUntil(lambda: third.poll() is not None, timeout=60_000)
        out, _ = third.communicate()
        assert "already open" in out
        qtbot.waitUntil(window.isVisible)
        assert window.current is window.start  # built now that there is something to see
    finally:
        window.quit_for_good()
        services.close()
