"""With the Voice setting off, nothing connects to speech-dispatcher or starts it; turning
it on opens the voice, turning it off closes it again."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from stretchdesk import paths
from stretchdesk.audio import ssip
from stretchdesk.audio.output import AudioOutput
from stretchdesk.settings import Preferences
from tests.fake_speechd import FakeSpeechd, fake_speechd

OFF = Preferences(voice=False)
ON = Preferences(voice=True)


@pytest.fixture
def speechd(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[FakeSpeechd]:
    with fake_speechd(tmp_path) as server:
        monkeypatch.setenv("SPEECHD_ADDRESS", server.address)
        yield server


@pytest.fixture
def attempts(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every connection to speech-dispatcher and every start of it, at its usual place (the
    one it is started at when nobody has): recorded, and refused."""
    monkeypatch.delenv("SPEECHD_ADDRESS")
    tried: list[str] = []

    def connect(address: object, timeout: float = 0) -> object:
        tried.append(f"connect {address}")
        raise ConnectionRefusedError(111, "Connection refused")

    def spawn(address: object, seconds: float = 0) -> None:
        tried.append(f"start {address}")
        raise OSError("not in a test")

    monkeypatch.setattr(ssip, "connect", connect)
    monkeypatch.setattr(ssip, "spawn_server", spawn)
    return tried


def audio(prefs: Preferences) -> AudioOutput:
    return AudioOutput(paths.sounds_dir(), prefs, speech_engine="speechd", sound_backend="pulse")


def test_voice_off_connects_to_nothing(qtbot: QtBot, speechd: FakeSpeechd) -> None:
    out = audio(OFF)
    spoken: list[str] = []
    out.spoke.connect(spoken.append)
    out.test_sound()
    out.stop_all()
    assert speechd.commands == []
    assert not out.voice_ready
    assert out.voice_status == "Voice is off. It is checked when you turn it on."
    out.apply(ON)  # asked: now it is opened
    assert out.voice_ready
    assert out.voice_status == "Voice is on (speechd)."
    assert any(c.startswith("SET self CLIENT_NAME") for c in speechd.commands)
    out.test_sound()
    assert spoken == ["This is how stretchdesk sounds."]
    out.apply(OFF)  # and closed again
    assert not out.voice_ready
    out.close()


def test_voice_off_never_starts_speech_dispatcher(qtbot: QtBot, attempts: list[str]) -> None:
    out = audio(OFF)
    out.apply(OFF)
    out.test_sound()
    out.stop_all()
    out.close()
    assert attempts == []
    audio(ON).close()  # the check sees what the voice on would do
    assert [a.split()[0] for a in attempts] == ["connect", "start"]
