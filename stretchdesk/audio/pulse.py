"""The cue sounds played straight to the sound server (PulseAudio, or PipeWire's PulseAudio
service) through libpulse-simple, reached with ctypes. No Qt here.

Qt's sound module loads FFmpeg and Qt Quick (about 20 MB resident) to play five short
tones; this plays them with the few hundred kilobytes of libpulse, on one stream.
"""

from __future__ import annotations

import ctypes
import sys
import threading
import wave
from array import array
from collections.abc import Mapping
from pathlib import Path
from typing import Any

PA_STREAM_PLAYBACK = 1
PA_STREAM_RECORD = 2
PA_SAMPLE_S16LE = 3
PA_SAMPLE_S16BE = 4
CHUNK_SECONDS = 0.01  # written at a time: how soon a stop is heard
BUFFER_SECONDS = 0.05  # what the server holds ahead: the delay before a sound is heard
IDLE_CLOSE_SECONDS = 60.0


class PulseError(Exception):
    """The sound server cannot be used; the message says why in a few words."""


class _SampleSpec(ctypes.Structure):
    _fields_ = [("format", ctypes.c_int), ("rate", ctypes.c_uint32), ("channels", ctypes.c_uint8)]


class _BufferAttr(ctypes.Structure):
    _fields_ = [
        ("maxlength", ctypes.c_uint32),
        ("tlength", ctypes.c_uint32),
        ("prebuf", ctypes.c_uint32),
        ("minreq", ctypes.c_uint32),
        ("fragsize", ctypes.c_uint32),
    ]


class Library:
    """The few libpulse-simple functions used, with their C signatures declared."""

    def __init__(self) -> None:
        simple = _open("pulse-simple", "libpulse-simple.so.0")
        core = _open("pulse", "libpulse.so.0")
        self.new = simple.pa_simple_new
        self.new.restype = ctypes.c_void_p
        self.new.argtypes = [
            ctypes.c_char_p,
            ctypes.c_char_p,
            ctypes.c_int,
            ctypes.c_char_p,
            ctypes.c_char_p,
            ctypes.POINTER(_SampleSpec),
            ctypes.c_void_p,
            ctypes.POINTER(_BufferAttr),
            ctypes.POINTER(ctypes.c_int),
        ]
        self.write = simple.pa_simple_write
        self.write.restype = ctypes.c_int
        self.write.argtypes = [
            ctypes.c_void_p,
            ctypes.c_char_p,
            ctypes.c_size_t,
            ctypes.POINTER(ctypes.c_int),
        ]
        self.read = simple.pa_simple_read
        self.read.restype = ctypes.c_int
        self.read.argtypes = [
            ctypes.c_void_p,
            ctypes.c_void_p,
            ctypes.c_size_t,
            ctypes.POINTER(ctypes.c_int),
        ]
        self.flush = simple.pa_simple_flush
        self.flush.restype = ctypes.c_int
        self.flush.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_int)]
        self.free = simple.pa_simple_free
        self.free.restype = None
        self.free.argtypes = [ctypes.c_void_p]
        self.strerror = core.pa_strerror
        self.strerror.restype = ctypes.c_char_p
        self.strerror.argtypes = [ctypes.c_int]

    def open_stream(
        self, app_name: str, stream_name: str, rate: int, record_seconds: float = 0.0
    ) -> int:
        """A stream of mono 16-bit samples, for playback, or with ``record_seconds`` from the
        default source, delivered that many seconds at a time; its handle, or PulseError."""
        native = PA_SAMPLE_S16LE if sys.byteorder == "little" else PA_SAMPLE_S16BE
        spec = _SampleSpec(native, rate, 1)
        unset = 0xFFFFFFFF  # "let the server choose"
        if record_seconds:
            attr = _BufferAttr(unset, unset, unset, unset, round(record_seconds * rate) * 2)
        else:
            attr = _BufferAttr(unset, round(BUFFER_SECONDS * rate) * 2, unset, unset, unset)
        error = ctypes.c_int(0)
        handle = self.new(
            None,
            app_name.encode(),
            PA_STREAM_RECORD if record_seconds else PA_STREAM_PLAYBACK,
            None,
            stream_name.encode(),
            ctypes.byref(spec),
            None,
            ctypes.byref(attr),
            ctypes.byref(error),
        )
        if not handle:
            raise PulseError(self.reason(error.value))
        return int(handle)

    def reason(self, code: int) -> str:
        text = self.strerror(code)
        return text.decode(errors="replace") if text else f"error {code}"


def _open(short: str, soname: str) -> ctypes.CDLL:
    """The library by its usual file name; ``find_library`` (which runs ldconfig, slowly)
    only if that name is not found."""
    try:
        return ctypes.CDLL(soname)
    except OSError:
        pass
    from ctypes.util import find_library  # noqa: PLC0415

    found = find_library(short)
    try:
        if found is None:
            raise OSError(soname)
        return ctypes.CDLL(found)
    except OSError as exc:
        raise PulseError(f"lib{short} is not installed") from exc


def read_wave(path: Path) -> tuple[array[int], int]:
    """Mono 16-bit samples in native byte order, and their rate."""
    try:
        with wave.open(str(path), "rb") as wav:
            if wav.getsampwidth() != 2 or wav.getnchannels() != 1:
                raise PulseError(f"{path.name} is not mono 16-bit")
            rate = wav.getframerate()
            samples = array("h", wav.readframes(wav.getnframes()))
    except (OSError, EOFError, wave.Error) as exc:
        raise PulseError(f"{path.name} cannot be read ({exc})") from exc
    if sys.byteorder == "big":
        samples.byteswap()
    return samples, rate


class PulseSounds:
    """The cue sounds by name, mixed on one stream by one thread.

    Sounds overlap (a tick during a chime is added to it, clipped at full scale), a sound
    played again starts again from its beginning, and ``stop`` silences everything. Every
    call into libpulse happens on the mixing thread; the window's thread only changes what
    is to be played, so ``play`` and ``stop`` return at once. ``hold_open(True)`` opens the
    stream at once and keeps it open (a session is on screen: its first sound must not wait
    for the stream, or for a sleeping device to wake); otherwise the stream is opened when a
    sound is played and closed after a minute of silence, so the device may sleep.
    """

    def __init__(self, files: Mapping[str, Path], app_name: str = "stretchdesk", lib: Any = None):
        self._lib = lib if lib is not None else Library()
        self._app = app_name
        loaded = {name: read_wave(path) for name, path in files.items()}
        rates = {rate for _, rate in loaded.values()}
        if len(rates) > 1:
            raise PulseError("the sound files have different sample rates")
        self._rate = rates.pop() if rates else 44_100
        self._files = dict(files)
        # the samples as read, until scaled to a volume: then only the scaled copy is kept
        # (read again if the volume changes), so each sound is in memory once
        self._sounds = {name: samples for name, (samples, _) in loaded.items()}
        self._scaled: dict[str, tuple[float, array[int]]] = {}
        self._lib.free(self._lib.open_stream(app_name, "check", self._rate))  # a server?
        self._wake = threading.Condition()
        self._playing: dict[str, int] = {}  # sound -> next sample to play
        self._flush = False  # drop what the server still holds
        self._closing = False
        self._hold = False  # keep the stream open (a session is on screen)
        self._open_wanted = False  # open it now, before any sound
        self._rethink = False
        self.volume = 1.0
        self.problem: str | None = None  # the last thing that went wrong, for the status line
        self._thread = threading.Thread(target=self._run, name="sound-mixer", daemon=True)
        self._thread.start()

    # -- asked by the window's thread: bookkeeping only, never a call into libpulse ----------
    def play(self, name: str) -> None:
        if name in self._files:
            with self._wake:
                self._playing[name] = 0
                self._wake.notify()

    def stop(self) -> None:
        with self._wake:
            self._playing.clear()
            self._flush = True
            self._wake.notify()

    def hold_open(self, hold: bool) -> None:
        """Open the stream now and keep it open (True), or let it close when idle (False).
        The sounds are scaled to the volume then, on the mixing thread, not at the first cue
        (about 30 ms of Python: never on the window's thread)."""
        with self._wake:
            self._hold = hold
            self._open_wanted = hold
            self._rethink = True  # the mixer's wait changes: wake it to start again
            self._wake.notify()

    def close(self, timeout: float = 1.0) -> None:
        with self._wake:
            self._closing = True
            self._playing.clear()
            self._wake.notify()
        self._thread.join(timeout)

    # -- on the mixing thread -------------------------------------------------------------
    def _due(self) -> bool:
        return (
            self._closing
            or self._flush
            or self._open_wanted
            or self._rethink
            or bool(self._playing)
        )

    def _run(self) -> None:
        handle: int | None = None
        error = ctypes.c_int(0)
        try:
            while True:
                with self._wake:
                    idle = IDLE_CLOSE_SECONDS if handle and not self._hold else None
                    woke = self._wake.wait_for(self._due, timeout=idle)
                    if self._closing:
                        return
                    flush, self._flush = self._flush, False
                    wanted, self._open_wanted = self._open_wanted, False
                    self._rethink = False  # woken to compute its wait again
                    chunk = self._mix() if woke else None
                if flush and handle is not None:
                    self._lib.flush(handle, ctypes.byref(error))
                if not woke:  # silent for a while: let the device sleep
                    self._lib.free(handle)
                    handle = None
                if wanted and handle is None:
                    handle = self._open()  # tried once per request: no retry loop
                if wanted:
                    for name in self._files:
                        self._samples(name)
                if chunk is None:
                    continue
                if handle is None:
                    handle = self._open()
                    if handle is None:
                        with self._wake:
                            self._playing.clear()
                        continue
                if self._lib.write(handle, chunk, len(chunk), ctypes.byref(error)) < 0:
                    self.problem = self._lib.reason(error.value)
                    self._lib.free(handle)  # the server went away: open afresh next time
                    handle = None
                    with self._wake:
                        self._playing.clear()
        finally:
            if handle is not None:
                self._lib.free(handle)

    def _open(self) -> int | None:
        try:
            handle = self._lib.open_stream(self._app, "cues", self._rate)
        except PulseError as exc:
            self.problem = str(exc)
            return None
        self.problem = None
        return int(handle)

    def _samples(self, name: str) -> array[int]:
        volume = self.volume
        cached = self._scaled.get(name)
        if cached is None or cached[0] != volume:
            scaled = self._sounds.pop(name, None) or self._read_again(name)
            if scaled is None:  # unreadable now: as it was
                assert cached is not None
                return cached[1]
            if volume != 1.0:
                scaled = array("h", (round(s * volume) for s in scaled))
            cached = self._scaled[name] = (volume, scaled)
        return cached[1]

    def _read_again(self, name: str) -> array[int] | None:
        try:
            return read_wave(self._files[name])[0]
        except PulseError as exc:
            self.problem = str(exc)
            return None

    def _mix(self) -> bytes | None:
        """The next 10 ms of everything playing (called holding the lock), or None."""
        if not self._playing:
            return None
        size = round(CHUNK_SECONDS * self._rate)
        parts = []
        for name, start in list(self._playing.items()):
            samples = self._samples(name)
            parts.append(samples[start : start + size])
            if start + size >= len(samples):
                del self._playing[name]
            else:
                self._playing[name] = start + size
        if len(parts) == 1:
            return parts[0].tobytes()
        length = max(len(part) for part in parts)
        total = [0] * length
        for part in parts:
            for i, value in enumerate(part):
                total[i] += value
        return array("h", (max(-32768, min(32767, v)) for v in total)).tobytes()
