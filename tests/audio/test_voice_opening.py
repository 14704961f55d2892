"""In the window, speech-dispatcher is opened on a thread of its own: starting it and its
first answers can take seconds, and the window's thread draws the countdown meanwhile.
Sentences given while it opens are spoken once it answers; the status line follows."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from stretchdesk import paths
from stretchdesk.audio import ssip
from stretchdesk.audio.output import AudioOutput
from stretchdesk.settings import Preferences
from tests.fake_speechd import FakeSpeechd, fake_speechd

ON = Preferences(voice=True)


@pytest.fixture
def gate(monkeypatch: pytest.MonkeyPatch) -> threading.Event:
    """speech-dispatcher answers only once the test opens this gate (at most 5 s later: a
    window's thread that waited for it finds the gate still shut)."""
    opened = threading.Event()
    real = ssip.connect

    def held(address: ssip.Address, timeout: float = 2.0) -> object:
        opened.wait(5)
        return real(address, timeout)

    monkeypatch.setattr(ssip, "connect", held)
    return opened


@pytest.fixture
def speechd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeSpeechd]:
    with fake_speechd(tmp_path) as server:
        monkeypatch.setenv("SPEECHD_ADDRESS", server.address)
        yield server


def opening(prefs: Preferences = ON) -> AudioOutput:
    return AudioOutput(
        paths.sounds_dir(),
        prefs,
        speech_engine="speechd",
        sound_backend="pulse",
        voice_in_background=True,
    )


def test_the_voice_answers_later_and_what_was_said_meanwhile_is_spoken(
    qtbot: QtBot, gate: threading.Event, speechd: FakeSpeechd
) -> None:
    out = opening()
    assert not gate.is_set()  # back before speech-dispatcher answered
    assert out.voice_status == "Voice is starting..."
    assert not out.voice_ready  # a screen reader still tells what the voice would say
    out.speak("Get into position")
    with qtbot.waitSignal(out.statuses_changed, timeout=5000):
        gate.set()
    assert out.voice_status == "Voice is on (speechd)."
    assert out.voice_ready
    qtbot.waitUntil(lambda: speechd.said == ["Get into position"], timeout=5000)
    out.close()


def test_nothing_answering_is_said_once_known(
    qtbot: QtBot, gate: threading.Event, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{tmp_path / 'none.sock'}")
    out = opening()
    assert out.voice_status == "Voice is starting..."
    out.speak("Get into position")  # waits, and goes with the connection that failed
    with qtbot.waitSignal(out.statuses_changed, timeout=5000):
        gate.set()
    assert out.voice_status.startswith("Voice is off: nothing answers at ")
    assert not out.voice_ready
    assert not out.speaking
    out.close()


def test_turned_off_while_opening_closes_the_connection(
    qtbot: QtBot, gate: threading.Event, speechd: FakeSpeechd
) -> None:
    out = opening()
    out.speak("Get into position")
    out.apply(Preferences(voice=False))
    assert out.voice_status == "Voice is off. It is checked when you turn it on."
    changed: list[bool] = []
    out.statuses_changed.connect(lambda: changed.append(True))
    with qtbot.waitSignal(out._voice_opened, timeout=5000):  # answered, and handled first
        gate.set()
    assert changed == []
    assert not out.voice_ready
    assert speechd.said == []
    out.close()
