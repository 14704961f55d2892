"""The libpulse sound player against a stand-in for the library: sounds are mixed into one
stream in 10 ms chunks by one thread; a stop cuts them and drops what the server still
holds; a replay starts from the beginning; a broken stream is reported and opened afresh;
no server means PulseError."""

from __future__ import annotations

import threading
import wave
from array import array
from collections.abc import Iterator
from pathlib import Path

import pytest

from stretchdesk import paths
from stretchdesk.audio import pulse
from stretchdesk.audio.pulse import PulseError, PulseSounds

WAIT = 5.0  # seconds a test waits for a thread before it fails (it never waits on time)


class FakeLibrary:
    """Records what the player asks of libpulse; ``gate`` can hold writes back, as a full
    server buffer does."""

    def __init__(self, *, refuse: bool = False) -> None:
        self.refuse = refuse
        self.events: list[tuple[str, int]] = []
        self.written: dict[int, bytearray] = {}
        self.gate: threading.Semaphore | None = None
        self.fail_next_write = False
        self.changed = threading.Condition()
        self._next = 0

    def open_stream(self, app_name: str, stream_name: str, rate: int) -> int:
        with self.changed:
            if self.refuse:
                self.events.append(("refused", 0))
                self.changed.notify_all()
                raise PulseError("Connection refused")
            self._next += 1
            self.written[self._next] = bytearray()
            self.events.append(("open", self._next))
            self.changed.notify_all()
            return self._next

    def write(self, handle: int, data: bytes, size: int, error: object) -> int:
        if self.gate is not None:
            assert self.gate.acquire(timeout=WAIT)
        with self.changed:
            if self.fail_next_write:
                self.fail_next_write = False
                self.changed.notify_all()
                return -1
            self.written[handle] += data[:size]
            self.events.append(("write", handle))
            self.changed.notify_all()
        return 0

    def flush(self, handle: int, error: object) -> int:
        with self.changed:
            self.events.append(("flush", handle))
            self.changed.notify_all()
        return 0

    def free(self, handle: int) -> None:
        with self.changed:
            self.events.append(("free", handle))
            self.changed.notify_all()

    def reason(self, code: int) -> str:
        return "Connection terminated"

    def wait_for(self, check: object) -> None:
        with self.changed:
            assert self.changed.wait_for(check, timeout=WAIT)  # type: ignore[arg-type]

    def count(self, kind: str) -> int:
        return sum(1 for event, _ in self.events if event == kind)


def sound_files() -> dict[str, Path]:
    return {path.stem: path for path in sorted(paths.sounds_dir().glob("*.wav"))}


def samples_of(name: str) -> bytes:
    with wave.open(str(paths.sounds_dir() / f"{name}.wav"), "rb") as wav:
        return wav.readframes(wav.getnframes())


@pytest.fixture
def lib() -> FakeLibrary:
    return FakeLibrary()


@pytest.fixture
def sounds(lib: FakeLibrary) -> Iterator[PulseSounds]:
    player = PulseSounds(sound_files(), lib=lib)
    yield player
    player.close()


def test_a_sound_is_written_whole_in_small_chunks_and_left_to_drain(
    lib: FakeLibrary, sounds: PulseSounds
) -> None:
    assert lib.events == [("open", 1), ("free", 1)]  # the check that a server answers
    sounds.play("rep")
    whole = samples_of("rep")
    lib.wait_for(lambda: any(len(data) == len(whole) for data in lib.written.values()))
    handle = next(h for h, data in lib.written.items() if data)
    assert bytes(lib.written[handle]) == whole
    chunk = round(pulse.CHUNK_SECONDS * 44_100) * 2
    assert lib.count("write") == -(-len(whole) // chunk)
    assert lib.count("flush") == 0


def test_stop_cuts_the_sound_and_drops_what_the_server_holds(
    lib: FakeLibrary, sounds: PulseSounds
) -> None:
    lib.gate = threading.Semaphore(3)
    sounds.play("complete")
    lib.wait_for(lambda: lib.count("write") == 3)
    sounds.stop()
    lib.gate.release(100)
    lib.wait_for(lambda: lib.count("flush") == 1)
    assert lib.count("write") <= 4  # at most the chunk already on its way
    assert sounds.problem is None


def test_playing_again_starts_from_the_beginning(lib: FakeLibrary, sounds: PulseSounds) -> None:
    lib.gate = threading.Semaphore(2)
    sounds.play("switch")
    lib.wait_for(lambda: lib.count("write") == 2)
    sounds.play("switch")
    lib.gate.release(1000)
    whole = samples_of("switch")
    handle = next(h for h, data in lib.written.items() if data)
    lib.wait_for(lambda: bytes(lib.written[handle]).endswith(whole))
    assert len(lib.written[handle]) - len(whole) in (2 * 882, 3 * 882)  # the cut first play


def test_sounds_overlapping_are_added_together(lib: FakeLibrary, sounds: PulseSounds) -> None:
    with sounds._wake:  # both asked for before the mixer looks
        sounds.play("tick")
        sounds.play("rep")
    tick, rep = array("h", samples_of("tick")), array("h", samples_of("rep"))
    lib.wait_for(lambda: any(len(d) == 2 * len(rep) for d in lib.written.values()))
    handle = next(h for h, data in lib.written.items() if data)
    heard = array("h", bytes(lib.written[handle]))
    mixed = [a + b for a, b in zip(tick, rep, strict=False)] + list(rep[len(tick) :])
    assert list(heard) == [max(-32768, min(32767, v)) for v in mixed]


def test_the_volume_scales_the_samples(lib: FakeLibrary, sounds: PulseSounds) -> None:
    sounds.volume = 0.25
    sounds.play("tick")
    original = array("h", samples_of("tick"))
    lib.wait_for(lambda: any(len(d) == 2 * len(original) for d in lib.written.values()))
    handle = next(h for h, data in lib.written.items() if data)
    heard = array("h", bytes(lib.written[handle]))
    assert list(heard) == [round(s * 0.25) for s in original]


def test_a_broken_stream_is_reported_and_opened_again(
    lib: FakeLibrary, sounds: PulseSounds
) -> None:
    lib.fail_next_write = True
    sounds.play("tick")
    lib.wait_for(lambda: lib.count("free") == 2)
    lib.wait_for(lambda: sounds.problem is not None)
    assert sounds.problem == "Connection terminated"
    sounds.play("tick")
    lib.wait_for(lambda: lib.count("open") == 3 and lib.count("write") > 0)
    lib.wait_for(lambda: sounds.problem is None)


def test_an_idle_stream_is_closed(lib: FakeLibrary, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pulse, "IDLE_CLOSE_SECONDS", 0.0)
    player = PulseSounds(sound_files(), lib=lib)
    try:
        player.play("tick")
        lib.wait_for(lambda: lib.count("free") == 2)  # the check's stream and the idle one
    finally:
        player.close()


def test_held_open_the_stream_opens_before_any_sound_and_stays(
    lib: FakeLibrary, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pulse, "IDLE_CLOSE_SECONDS", 0.0)
    player = PulseSounds(sound_files(), lib=lib)
    try:
        player.hold_open(True)
        lib.wait_for(lambda: lib.count("open") == 2)  # the check's stream, then this one
        player.play("tick")
        lib.wait_for(lambda: lib.count("write") > 0)
        player.play("tick")  # still the same stream: held, not closed when idle
        lib.wait_for(lambda: lib.count("write") >= 2 * len(samples_of("tick")) // 882)
        assert lib.count("open") == 2 and lib.count("free") == 1
        player.hold_open(False)
        lib.wait_for(lambda: lib.count("free") == 2)  # now the idle stream closes
    finally:
        player.close()


def test_a_stream_that_cannot_open_is_tried_once_per_request(lib: FakeLibrary) -> None:
    player = PulseSounds(sound_files(), lib=lib)
    try:
        lib.refuse = True
        player.hold_open(True)
        lib.wait_for(lambda: lib.count("refused") == 1)
        player.play("tick")  # a second request: one more try
        lib.wait_for(lambda: lib.count("refused") == 2)
        player.stop()
    finally:
        player.close()
    assert player.problem == "Connection refused"


def test_no_server_is_a_pulse_error() -> None:
    with pytest.raises(PulseError, match="Connection refused"):
        PulseSounds(sound_files(), lib=FakeLibrary(refuse=True))


def test_an_unreadable_sound_file_is_a_pulse_error(tmp_path: Path) -> None:
    bad = tmp_path / "tick.wav"
    bad.write_bytes(b"RIFF....not a wave")
    with pytest.raises(PulseError, match=r"tick\.wav cannot be read"):
        PulseSounds({"tick": bad}, lib=FakeLibrary())


def test_close_ends_every_thread(lib: FakeLibrary) -> None:
    player = PulseSounds(sound_files(), lib=lib)
    player.play("tick")
    player.close()
    assert not [t for t in threading.enumerate() if t.name == "sound-mixer"]


def test_each_sound_is_kept_once_and_scaled_again_from_its_file(
    lib: FakeLibrary, sounds: PulseSounds
) -> None:
    """Scaled to the volume, a sound's samples as read are let go; a new volume scales
    them afresh from the file (never from the scaled copy)."""
    original = array("h", samples_of("tick"))
    size = 2 * len(original)
    for played, volume in enumerate((0.25, 0.5), start=1):
        sounds.volume = volume
        sounds.play("tick")
        lib.wait_for(lambda: any(len(d) == played * size for d in lib.written.values()))  # noqa: B023
        handle = next(h for h, data in lib.written.items() if data)
        heard = array("h", bytes(lib.written[handle][-size:]))
        assert list(heard) == [round(s * volume) for s in original]
        assert "tick" not in sounds._sounds  # only the scaled copy is kept
