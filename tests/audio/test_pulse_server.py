"""The cue sounds through a real, private PulseAudio server with a null sink: recorded from
its monitor, the tone is there, and a stop cuts a long sound off. Skipped where the server
is not installed (.ci/run installs it)."""

from __future__ import annotations

import math
import os
import subprocess
import threading
import time
from array import array
from collections.abc import Iterator

import pytest

from stretchdesk import paths
from stretchdesk.audio.pulse import PulseSounds
from tests.sound_server import null_sink

pytestmark = pytest.mark.needs("pulseaudio", "parec", package="pulseaudio pulseaudio-utils")
RATE = 44_100


@pytest.fixture
def server() -> Iterator[str]:
    """A private sound server; its address is set for this process and its children."""
    with null_sink() as what:
        assert what == "PulseAudio null sink", what
        yield os.environ["PULSE_SERVER"]


class Recorder:
    """``parec`` on the null sink's monitor, read as it arrives."""

    def __init__(self) -> None:
        self.data = bytearray()
        self._proc = subprocess.Popen(
            [
                "parec",
                "-d",
                "null.monitor",
                "--raw",
                "--channels=1",
                f"--rate={RATE}",
                "--format=s16le",
                "--latency-msec=20",
            ],
            stdout=subprocess.PIPE,
        )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self._proc.stdout is not None
        while chunk := self._proc.stdout.read1(4096):
            self.data += chunk

    @property
    def seconds(self) -> float:
        return len(self.data) / 2 / RATE

    def wait_until(self, seconds: float) -> None:
        deadline = time.monotonic() + 15
        while self.seconds < seconds:
            assert time.monotonic() < deadline, "the recorder stopped"
            time.sleep(0.01)

    def stop(self) -> array[int]:
        self._proc.terminate()
        self._proc.wait(timeout=10)
        self._reader.join(timeout=10)
        assert self._proc.stdout is not None
        self._proc.stdout.close()
        return array("h", bytes(self.data[: len(self.data) // 2 * 2]))


def loud_windows(samples: array[int], window: float = 0.02) -> list[float]:
    """Start times (s) of the 20 ms windows that carry sound."""
    size = round(window * RATE)
    loud = []
    for start in range(0, len(samples) - size, size):
        chunk = samples[start : start + size]
        if math.sqrt(sum(x * x for x in chunk) / size) > 200:
            loud.append(start / RATE)
    return loud


def test_the_tone_reaches_the_server_and_a_stop_cuts_it(server: str) -> None:
    sounds = PulseSounds({p.stem: p for p in paths.sounds_dir().glob("*.wav")})
    recorder = Recorder()
    try:
        recorder.wait_until(0.2)
        begun = recorder.seconds
        sounds.play("complete")  # 2.2 s long when played out
        recorder.wait_until(begun + 0.4)
        sounds.stop()
        recorder.wait_until(begun + 1.0)
        sounds.play("tick")
        recorder.wait_until(begun + 1.6)
    finally:
        sounds.close()
        samples = recorder.stop()
    loud = [t - begun for t in loud_windows(samples) if t >= begun]
    assert loud, "nothing was heard"
    assert loud[0] < 0.2  # heard promptly
    chime = [t for t in loud if t < 0.9]
    assert chime[-1] < 0.6  # cut after about 0.4 s, not 2.2 s
    assert [t for t in loud if 0.9 < t < 1.4]  # the tick after the stop
    assert sounds.problem is None
