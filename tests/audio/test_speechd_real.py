"""The voice through the real speech-dispatcher, heard from a private PulseAudio null sink:
started on demand as its own clients start it, the words are heard, and a stop silences
them at once. The sound card's output is read as it comes, each block timed on arrival."""

from __future__ import annotations

import array
import contextlib
import os
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from stretchdesk import paths
from stretchdesk.audio.output import AudioOutput
from stretchdesk.audio.speechd_server import default_socket
from stretchdesk.settings import Preferences
from tests.sound_server import null_sink

pytestmark = [
    pytest.mark.slow,
    pytest.mark.needs(
        "speech-dispatcher",
        "pulseaudio",
        "parec",
        package="speech-dispatcher speech-dispatcher-espeak-ng pulseaudio pulseaudio-utils",
    ),
]

RATE = 16000
BLOCK = RATE // 50  # 20 ms
LOUD = 300
LONG = (
    "This sentence goes on for a good many seconds, so that it is still being spoken "
    "when the person on the mat presses the red button and everything has to stop."
)
CUT = 0.25  # seconds from the stop to the last sound heard, output latency included


class Listener:
    """parec on the null sink's monitor: the times (monotonic) at which loud blocks came."""

    def __init__(self) -> None:
        self.loud: list[float] = []
        self._proc = subprocess.Popen(
            ["parec", "-d", "null.monitor", "--channels=1", f"--rate={RATE}",
             "--format=s16le", "--raw", "--latency-msec=10"],
            stdout=subprocess.PIPE,
        )  # fmt: skip
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        assert self._proc.stdout is not None
        while block := self._proc.stdout.read(BLOCK * 2):
            samples = array.array("h", block[: len(block) // 2 * 2])
            if samples and max(abs(s) for s in samples) > LOUD:
                self.loud.append(time.monotonic())

    def close(self) -> None:
        self._proc.terminate()
        self._proc.wait(timeout=10)
        self._thread.join(timeout=10)
        if self._proc.stdout is not None:
            self._proc.stdout.close()


@pytest.fixture
def sink(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Listener]:
    monkeypatch.delenv("SPEECHD_ADDRESS")  # the default place: started on demand
    with null_sink() as what:
        assert what == "PulseAudio null sink", what
        listener = Listener()
        try:
            yield listener
        finally:
            listener.close()
            _stop_speech_dispatcher()


def _stop_speech_dispatcher() -> None:
    pid_file = default_socket().parent / "pid" / "speech-dispatcher.pid"
    with contextlib.suppress(OSError, ValueError):
        os.kill(int(pid_file.read_text().strip()), signal.SIGTERM)


def _wait(condition: object, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while not condition():  # type: ignore[operator]
        if time.monotonic() > deadline:
            return False
        time.sleep(0.01)
    return True


def test_the_voice_is_heard_and_a_stop_silences_it_at_once(qtbot: object, sink: Listener) -> None:
    audio = AudioOutput(paths.sounds_dir(), Preferences(), speech_engine="speechd")
    try:
        assert audio.voice_status == "Voice is on (speechd).", audio.voice_status
        assert default_socket().exists()  # it was started, where its own clients look
        audio.speak(LONG)
        assert _wait(lambda: sink.loud, 15), "the voice was never heard"
        time.sleep(1.0)  # a second into the sentence
        stopped = time.monotonic()
        audio.stop_all()
        time.sleep(1.5)
        assert audio.speaking is False
    finally:
        audio.close()
    heard_after = max(sink.loud) - stopped
    print(f"speech heard for {stopped - sink.loud[0]:.2f} s; last sound {heard_after:+.3f} s")
    assert heard_after < CUT


def test_espeak_ng_has_a_voice_for_every_shipped_language(sink: Listener) -> None:
    """The voice the .deb recommends speaks German, Spanish and French: the window's voice
    asks for the language and finds one."""
    from stretchdesk.audio.speechd_server import address_from  # noqa: PLC0415
    from stretchdesk.audio.ssip import SpeechDispatcher  # noqa: PLC0415

    client = SpeechDispatcher(address_from())
    client.open()
    try:
        assert client.languages is not None
        assert {"en", "de", "es", "fr"} <= client.languages
    finally:
        client.close()
