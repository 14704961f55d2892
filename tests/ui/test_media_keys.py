"""The session as a media player (MPRIS) on a private D-Bus session bus, driven with playerctl,
the client that desktops' media-key handlers and panel widgets are built like: play/pause
pauses and resumes, Next keeps the Next button's rules (and says why when it refuses), Stop
is Pain — stop, and the player is gone once no session runs."""

from __future__ import annotations

import os
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtDBus import QDBusConnection
from pytestqt.qtbot import QtBot

from stretchdesk.session import EngineState, FakeClock
from stretchdesk.settings import Preferences, save_prefs
from stretchdesk.ui.shell.main_window import MainWindow
from tests.ui.flows import WindowFactory, engine_of, open_session, read_history, run_for

pytestmark = pytest.mark.needs("dbus-daemon", "playerctl", package="dbus-daemon playerctl")


@pytest.fixture
def bus(private_bus: str) -> str:
    return private_bus


class Playerctl:
    """playerctl on the private bus; run beside the window's event loop, never blocking it."""

    def __init__(self, qtbot: QtBot, address: str) -> None:
        self._qtbot = qtbot
        self._env = {**os.environ, "DBUS_SESSION_BUS_ADDRESS": address}
        self.followers: list[tuple[subprocess.Popen[str], threading.Thread]] = []

    def close(self) -> None:
        """Every ``--follow`` still running ends with the test, whatever its end."""
        for proc, reader in self.followers:
            if proc.poll() is None:
                proc.terminate()
            proc.wait(timeout=10)
            reader.join(timeout=10)  # the pipe has ended with the process
            if proc.stdout is not None and not proc.stdout.closed:
                proc.stdout.close()

    def __call__(self, *args: str) -> str:
        proc = subprocess.Popen(
            ["playerctl", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.STDOUT,
            text=True,
            env=self._env,
        )
        self._qtbot.waitUntil(lambda: proc.poll() is not None, timeout=10_000)
        out, _ = proc.communicate()
        return out.strip()

    def follow(self, *args: str) -> tuple[subprocess.Popen[str], list[str], threading.Thread]:
        """``playerctl --follow``: a line for every change the player announces."""
        proc = subprocess.Popen(
            ["playerctl", "--follow", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=self._env,
        )
        lines: list[str] = []

        def read() -> None:
            assert proc.stdout is not None
            for line in proc.stdout:
                lines.append(line.strip())

        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        self.followers.append((proc, reader))
        return proc, lines, reader


@pytest.fixture
def remote(qtbot: QtBot, bus: str) -> Iterator[Playerctl]:
    playerctl = Playerctl(qtbot, bus)
    yield playerctl
    playerctl.close()


@pytest.fixture
def on_bus(window: MainWindow, bus: str) -> MainWindow:
    window.media_bus = QDBusConnection.connectToBus(bus, "stretchdesk-test")
    assert window.media_bus.isConnected()
    return window


def test_play_pause_next_and_stop_from_the_media_controls(
    qtbot: QtBot, on_bus: MainWindow, remote: Playerctl, clock: FakeClock, data_dir: Path
) -> None:
    window = on_bus
    assert "stretchdesk" not in remote("--list-all")
    open_session(qtbot, window, "quick-relief", rating=5)
    assert remote("--list-all") == "stretchdesk"
    assert remote("-p", "stretchdesk", "status") == "Paused"  # ready, not yet started
    follow, changes, reader = remote.follow("-p", "stretchdesk", "status")
    qtbot.waitUntil(lambda: changes == ["Paused"], timeout=10_000)

    remote("-p", "stretchdesk", "play")
    engine = engine_of(window)
    assert engine.state is EngineState.RUNNING
    qtbot.waitUntil(lambda: changes[-1:] == ["Playing"], timeout=10_000)
    title = remote("-p", "stretchdesk", "metadata", "--format", "{{title}} / {{artist}}")
    assert title == f"{engine.view().step.title} / {window.session.live.routine.title}"  # type: ignore[union-attr]

    clock.advance(1)  # a second press, not a double press
    remote("-p", "stretchdesk", "play-pause")
    assert engine.state is EngineState.PAUSED
    qtbot.waitUntil(lambda: changes[-1:] == ["Paused"], timeout=10_000)
    remote("-p", "stretchdesk", "pause")  # already paused: nothing changes
    assert engine.state is EngineState.PAUSED
    clock.advance(1)
    remote("-p", "stretchdesk", "play")
    assert engine.state is EngineState.RUNNING

    spoken: list[str] = []
    assert window.audio is not None
    window.audio.spoke.connect(spoken.append)
    position = engine.view().position
    remote("-p", "stretchdesk", "next")  # a warm-up: refused, and the reason is said
    assert engine.view().position == position
    assert spoken and "warm" in spoken[-1].lower()
    run_for(window, clock, 3)

    remote("-p", "stretchdesk", "stop")  # Pain — stop (carried out once the call is answered)
    qtbot.waitUntil(lambda: engine.state is EngineState.STOPPED, timeout=10_000)
    assert window.current is window.recovery
    rows = read_history(
        data_dir,
        "SELECT s.outcome, p.exercise_id FROM session s JOIN pain_report p ON p.session_id = s.id",
    )
    assert rows == [("stopped_for_pain", engine.view().step.exercise_id)]
    qtbot.waitUntil(lambda: "stretchdesk" not in remote("--list-all"), timeout=10_000)
    follow.terminate()
    follow.wait(timeout=10)
    reader.join(timeout=10)  # the pipe has ended with the process
    assert follow.stdout is not None
    follow.stdout.close()


def test_switched_off_in_settings_the_session_is_no_player(
    qtbot: QtBot, make_window: WindowFactory, data_dir: Path, bus: str, remote: Playerctl
) -> None:
    save_prefs(data_dir / "settings.toml", Preferences(safety_seen=True, media_keys=False))
    window = make_window()
    window.media_bus = QDBusConnection.connectToBus(bus, "stretchdesk-test-off")
    open_session(qtbot, window, "quick-relief", rating=5)
    assert "stretchdesk" not in remote("--list-all")
    assert window.settings.media_keys.isChecked() is False
    window.settings.media_keys.setChecked(True)  # on again: the running session appears
    assert remote("--list-all") == "stretchdesk"
    assert window.settings.media_status.text().startswith("Media keys are on")
