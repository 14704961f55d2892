"""Voice commands in the real window: words said into a virtual microphone (a private
PulseAudio server whose source is a null sink's monitor) pause and resume the session and
"stop" is Pain — stop (recorded, recovery screen), the microphone sign shows exactly while it
listens, and without PocketSphinx Settings says how to get it."""

from __future__ import annotations

import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from pytestqt.exceptions import TimeoutError as WaitTimeout
from pytestqt.qtbot import QtBot

from stretchdesk.listen import recogniser
from stretchdesk.listen.recogniser import Heard
from stretchdesk.session import EngineState, FakeClock
from stretchdesk.session.remote import Command
from stretchdesk.settings import Preferences, save_prefs
from stretchdesk.ui.session import voice_control
from stretchdesk.ui.shell.main_window import MainWindow
from tests.fake_speechd import FakeSpeechd
from tests.ui.flows import WindowFactory, engine_of, read_history, start_session


@pytest.fixture
def listening(data_dir: Path) -> None:
    save_prefs(data_dir / "settings.toml", Preferences(safety_seen=True, voice_commands=True))


def say_into_the_room(
    qtbot: QtBot, words: str, tmp_path: Path, voice: str = "en-us", speed: int = 160
) -> None:
    wav = tmp_path / "said.wav"
    subprocess.run(["espeak-ng", "-v", voice, "-s", str(speed), "-w", wav, words], check=True)
    player = subprocess.Popen(["paplay", str(wav)])
    qtbot.waitUntil(lambda: player.poll() is not None, timeout=10_000)


def quiet_for_a_moment(qtbot: QtBot, window: MainWindow) -> None:
    """The app has said everything it had to say and the room is quiet again (the ears are
    shut while it speaks and half a second after)."""
    audio = window.audio
    assert audio is not None
    for _ in range(2):
        qtbot.waitUntil(lambda: not audio.speaking, timeout=10_000)
        qtbot.wait(1000)


@pytest.mark.slow
@pytest.mark.needs(
    "pulseaudio", "pactl", "paplay", "espeak-ng", package="pulseaudio pulseaudio-utils espeak-ng"
)
def test_pause_continue_next_and_stop_said_from_the_mat(
    qtbot: QtBot,
    listening: None,
    virtual_microphone: None,
    make_window: WindowFactory,
    clock: FakeClock,
    tmp_path: Path,
    speechd: FakeSpeechd,
    data_dir: Path,
) -> None:
    pytest.importorskip("pocketsphinx")
    speechd.seconds = 0.5  # each sentence "spoken" for half a second: the ears are shut then
    window = make_window()
    start_session(qtbot, window, "quick-relief", rating=3)
    control = window.voice_control
    assert control is not None
    qtbot.waitUntil(lambda: control.listening, timeout=5000)
    assert window.session.listening.isVisible()
    engine = engine_of(window)
    assert engine.state is EngineState.RUNNING
    assert window.audio is not None
    qtbot.waitUntil(lambda: not window.audio.speaking, timeout=10_000)  # type: ignore[union-attr]

    clock.advance(1)  # Space started it a moment ago: this is not a double press
    say_into_the_room(qtbot, "pause", tmp_path)
    qtbot.waitUntil(lambda: engine.state is EngineState.PAUSED, timeout=10_000)
    clock.advance(1)  # a second command, not a double press
    say_into_the_room(qtbot, "continue", tmp_path)
    qtbot.waitUntil(lambda: engine.state is EngineState.RUNNING, timeout=10_000)

    qtbot.waitUntil(lambda: not window.audio.speaking, timeout=10_000)  # type: ignore[union-attr]
    qtbot.wait(600)
    position = engine.view().position
    said_before = len(speechd.said)
    # a warm-up: refused, aloud. "next" is heard about half the time over the voices of
    # make bench, this voice most times: said again, as a person would, if it was not
    for _ in range(3):
        say_into_the_room(qtbot, "next", tmp_path, voice="en-gb", speed=130)
        qtbot.wait(2000)  # heard half a second after the word, then answered aloud
        if any("warm" in t.lower() for t in speechd.said[said_before:]):
            break
    assert any("warm" in t.lower() for t in speechd.said[said_before:])
    assert engine.view().position == position

    quiet_for_a_moment(qtbot, window)  # the refusal has been said, and its echo is gone
    for _ in range(3):  # said again, as a person would, if it was not heard over the machine
        say_into_the_room(qtbot, "stop", tmp_path)
        try:
            qtbot.waitUntil(lambda: window.current is window.recovery, timeout=5_000)
            break
        except WaitTimeout:
            quiet_for_a_moment(qtbot, window)
    qtbot.waitUntil(lambda: window.current is window.recovery, timeout=5_000)
    assert engine.state is EngineState.STOPPED
    rows = read_history(
        data_dir,
        "SELECT s.outcome, p.exercise_id FROM session s JOIN pain_report p ON p.session_id = s.id",
    )
    assert rows == [("stopped_for_pain", engine.view().step.exercise_id)]
    qtbot.waitUntil(lambda: not control.listening, timeout=5000)
    assert not window.session.listening.isVisible()


class Room:
    """A microphone hearing silence until told that "stop" was said."""

    def __init__(self) -> None:
        self.said = threading.Event()
        self.closed = threading.Event()

    def read(self) -> bytes:
        time.sleep(0.02)  # a block of sound takes its time to arrive
        if self.said.is_set():
            self.said.clear()
            return b"stop"
        return b"...."

    def close(self) -> None:
        self.closed.set()


class Ears:
    """A recogniser that hears "stop" in the block that carries it."""

    def reset(self) -> None:
        pass

    def feed(self, pcm: bytes) -> list[Heard]:
        return [Heard("stop", Command.STOP, 0.0, 0.4)] if pcm == b"stop" else []


def test_stop_said_on_the_mat_is_pain_stop(
    qtbot: QtBot,
    listening: None,
    make_window: WindowFactory,
    data_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    speechd: FakeSpeechd,
) -> None:
    speechd.seconds = 0.2  # the app's sentences are short here: its ears open between them
    room = Room()
    monkeypatch.setattr(voice_control, "open_microphone", lambda: room)
    monkeypatch.setattr(voice_control, "Recogniser", Ears)
    window = make_window()
    start_session(qtbot, window, "quick-relief", rating=3)
    control = window.voice_control
    assert control is not None
    qtbot.waitUntil(lambda: control.listening, timeout=5000)
    assert window.audio is not None
    qtbot.waitUntil(lambda: not window.audio.speaking, timeout=5000)  # type: ignore[union-attr]
    qtbot.wait(600)  # and the echo of its voice has died away
    room.said.set()
    qtbot.waitUntil(lambda: window.current is window.recovery, timeout=5000)
    assert read_history(data_dir, "SELECT outcome FROM session") == [("stopped_for_pain",)]
    assert room.closed.wait(5)  # listening ended with the session
    assert not window.session.listening.isVisible()


def test_without_pocketsphinx_settings_says_how_to_get_it(
    qtbot: QtBot, listening: None, make_window: WindowFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    def missing(name: str) -> None:
        raise ImportError(name)

    monkeypatch.setattr(recogniser.importlib, "import_module", missing)
    window = make_window()
    start_session(qtbot, window, "quick-relief", rating=3)
    assert not window.session.listening.isVisible()
    window.nav_buttons["settings"].click()
    assert "pip install 'stretchdesk[listen]'" in window.settings.listen_status.text()
    assert engine_of(window).state is EngineState.RUNNING  # the session goes on


def test_the_listening_code_loads_only_when_voice_commands_are_used() -> None:
    """The window builds its voice control for every session; what listens (half a
    megabyte) loads when voice commands are first turned on."""
    code = (
        "import sys\n"
        "from stretchdesk.ui.session import voice_control\n"
        "assert not [m for m in sys.modules if m.startswith('stretchdesk.listen.')], 'early'\n"
        "assert voice_control.Recogniser.__module__ == 'stretchdesk.listen.recogniser'\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
