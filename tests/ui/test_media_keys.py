"""The session as a media player (MPRIS) on a private D-Bus session bus, driven with playerctl,
the client that desktops' media-key handlers and panel widgets are built like: play/pause
pauses and resumes, Next keeps the Next button's rules (and says why when it refuses), Stop
is Pain — stop, and the player is gone once no session runs."""

from __future__ import annotations

import os
import shutil
import subprocess
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from stretchdesk.routine.model import Phase
from stretchdesk.session import EngineState, FakeClock
from stretchdesk.settings import Preferences, save_prefs
from stretchdesk.ui.shell.main_window import MainWindow
from tests.toolcheck import missing_tool
from tests.ui.flows import (
    WindowFactory,
    engine_of,
    open_session,
    read_history,
    run_for,
    run_until,
)

pytestmark = pytest.mark.needs(
    "dbus-daemon", "playerctl", "gdbus", package="dbus-daemon playerctl libglib2.0-bin"
)
PLAYER_NEXT = (
    "--dest=org.mpris.MediaPlayer2.stretchdesk",
    "--object-path=/org/mpris/MediaPlayer2",
    "--method=org.mpris.MediaPlayer2.Player.Next",
)
CAN_GO_NEXT = (
    "--dest=org.mpris.MediaPlayer2.stretchdesk",
    "--object-path=/org/mpris/MediaPlayer2",
    "--method=org.freedesktop.DBus.Properties.Get",
    "org.mpris.MediaPlayer2.Player",
    "CanGoNext",
)


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
        return self.tool("playerctl", *args)

    def tool(self, program: str, *args: str) -> str:
        """Any client of the bus (gdbus, a script), run the same way."""
        proc = subprocess.Popen(
            [program, *args],
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
    window.media_bus = bus
    return window


def test_play_pause_next_and_stop_from_the_media_controls(
    qtbot: QtBot, on_bus: MainWindow, remote: Playerctl, clock: FakeClock, data_dir: Path
) -> None:
    window = on_bus
    assert "stretchdesk" not in remote("--list-all")
    open_session(qtbot, window, "quick-relief", rating=5)
    # the player's name is asked for without blocking the window: it appears a moment later
    qtbot.waitUntil(lambda: remote("--list-all") == "stretchdesk", timeout=10_000)
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
    assert remote("-p", "stretchdesk", "metadata", "--format", "{{mpris:length}}") != ""
    remote("-p", "stretchdesk", "next")  # a warm-up: CanGoNext is false, playerctl holds back
    assert engine.view().position == position
    remote.tool("gdbus", "call", "--session", *PLAYER_NEXT)  # a client that asks all the same
    qtbot.waitUntil(lambda: bool(spoken), timeout=10_000)  # refused, and the reason is said
    assert engine.view().position == position
    assert "warm" in spoken[-1].lower()
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
    window.media_bus = bus
    open_session(qtbot, window, "quick-relief", rating=5)
    assert "stretchdesk" not in remote("--list-all")
    assert window.settings.media_keys.isChecked() is False
    window.settings.media_keys.setChecked(True)  # on again: the running session appears
    assert remote("--list-all") == "stretchdesk"
    assert window.settings.media_status.text().startswith("Media keys are on")


# The two interfaces as the MPRIS 2.2 specification declares them (its "Interface MediaPlayer2"
# and "Interface MediaPlayer2.Player" pages), properties only: what a typed client expects.
SPECIFIED = {
    "org.mpris.MediaPlayer2": {
        "CanQuit": "b",
        "Fullscreen": "b",  # optional
        "CanSetFullscreen": "b",  # optional
        "CanRaise": "b",
        "HasTrackList": "b",
        "Identity": "s",
        "DesktopEntry": "s",  # optional
        "SupportedUriSchemes": "as",
        "SupportedMimeTypes": "as",
    },
    "org.mpris.MediaPlayer2.Player": {
        "PlaybackStatus": "s",
        "LoopStatus": "s",  # optional
        "Rate": "d",
        "Shuffle": "b",  # optional
        "Metadata": "a{sv}",
        "Volume": "d",
        "Position": "x",
        "MinimumRate": "d",
        "MaximumRate": "d",
        "CanGoNext": "b",
        "CanGoPrevious": "b",
        "CanPlay": "b",
        "CanPause": "b",
        "CanSeek": "b",
        "CanControl": "b",
    },
}
OPTIONAL = {"Fullscreen", "CanSetFullscreen", "LoopStatus", "Shuffle"}


def _specified_xml() -> str:
    parts = ["<node>"]
    for interface, properties in SPECIFIED.items():
        parts.append(f'<interface name="{interface}">')
        parts += [f'<property name="{n}" type="{t}" access="read"/>' for n, t in properties.items()]
        parts.append("</interface>")
    return "\n".join([*parts, "</node>"])


def _python_with_gi() -> str:
    """Debian's python3 has PyGObject from python3-gi; the tests' own environment has not."""
    for python in ("/usr/bin/python3", "python3"):
        found = shutil.which(python)
        if found is None:
            continue
        asked = subprocess.run(
            [found, "-c", "import gi; gi.require_version('Gio', '2.0')"],
            capture_output=True,
            timeout=30,
            check=False,
        )
        if asked.returncode == 0:
            return found
    missing_tool("needs PyGObject (apt install python3-gi)")
    raise AssertionError  # not reached


def test_a_typed_client_reads_every_property_with_its_declared_type(
    qtbot: QtBot, on_bus: MainWindow, remote: Playerctl, clock: FakeClock, tmp_path: Path
) -> None:
    """A GDBusProxy over the specification's XML: no type warning, every property that is not
    optional there with the type declared, and CanGoNext false in a warm-up (Next is refused
    there)."""
    python = _python_with_gi()
    window = on_bus
    open_session(qtbot, window, "quick-relief", rating=5)
    qtbot.waitUntil(lambda: remote("--list-all") == "stretchdesk", timeout=10_000)
    remote("-p", "stretchdesk", "play")
    qtbot.waitUntil(lambda: engine_of(window).state is EngineState.RUNNING)
    run_for(window, clock, 2)
    assert engine_of(window).view().phase is Phase.WARMUP
    xml = tmp_path / "mpris.xml"
    xml.write_text(_specified_xml(), encoding="utf-8")
    client = Path(__file__).with_name("typed_mpris_client.py")
    out = remote.tool(python, str(client), str(xml), "org.mpris.MediaPlayer2.stretchdesk")
    assert "WARNING" not in out and "CRITICAL" not in out, out
    rows = {line.split("\t")[1]: line.split("\t")[2:] for line in out.splitlines()}
    for properties in SPECIFIED.values():
        for name, declared in properties.items():
            got = rows[name][1]
            assert got == declared or (name in OPTIONAL and got == "-"), (name, rows[name])
    assert rows["CanGoNext"][2] == "false"
    assert rows["Position"][2] == "int64 2000000"
    assert rows["SupportedUriSchemes"][2] == "@as []"
    assert "'mpris:length': <int64 " in rows["Metadata"][2]


def test_playerctl_reads_the_position_and_each_step_length(
    qtbot: QtBot, on_bus: MainWindow, remote: Playerctl, clock: FakeClock
) -> None:
    window = on_bus
    open_session(qtbot, window, "quick-relief", rating=5)
    qtbot.waitUntil(lambda: remote("--list-all") == "stretchdesk", timeout=10_000)
    remote("-p", "stretchdesk", "play")
    qtbot.waitUntil(lambda: engine_of(window).state is EngineState.RUNNING)
    run_for(window, clock, 3)
    view = engine_of(window).view()
    # playing: playerctl counts on from the Position it read, at the rate it read
    assert float(remote("-p", "stretchdesk", "position")) == pytest.approx(3.0, abs=1.0)
    length = remote("-p", "stretchdesk", "metadata", "mpris:length")
    assert int(length) == round(view.step_seconds * 1_000_000)
    remote("-p", "stretchdesk", "pause")
    qtbot.waitUntil(lambda: engine_of(window).state is EngineState.PAUSED)
    assert float(remote("-p", "stretchdesk", "position")) == 3.0
    remote("-p", "stretchdesk", "position", "10")  # no seeking in a session: nothing moves
    assert float(remote("-p", "stretchdesk", "position")) == 3.0
    assert engine_of(window).view().step_into == 3.0
    clock.advance(1)
    remote("-p", "stretchdesk", "play")
    qtbot.waitUntil(lambda: engine_of(window).state is EngineState.RUNNING)
    run_until(window, clock, lambda: engine_of(window).view().can_leave)
    assert engine_of(window).view().phase is Phase.WARMUP  # done, resting: Next is accepted
    position = engine_of(window).view().position
    qtbot.waitUntil(lambda: "true" in remote.tool("gdbus", "call", "--session", *CAN_GO_NEXT))
    remote("-p", "stretchdesk", "next")
    qtbot.waitUntil(lambda: engine_of(window).view().position == position + 1, timeout=10_000)
    later = remote("-p", "stretchdesk", "metadata", "mpris:length")
    assert int(later) == round(engine_of(window).view().step_seconds * 1_000_000)
