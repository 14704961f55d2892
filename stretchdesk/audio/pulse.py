"""The cue sounds played straight to the sound server (PulseAudio, or PipeWire's PulseAudio
service) through libpulse-simple, reached with ctypes. No Qt here.

Qt's sound module loads FFmpeg and Qt Quick (about 20 MB resident) to play five short
tones; this plays them with the few hundred kilobytes of libpulse. Each sound has its own
stream and thread, so sounds overlap as they would on a mixing desk, and a sound played
again starts again from its beginning. Every call into libpulse for a stream happens on
that stream's thread; the window only sets flags, so ``stop`` returns at once and the
sound ends within one 10 ms chunk. A stream that has been idle for a minute is closed, so
the sound device may sleep between sessions.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import sys
import threading
import wave
from array import array
from collections.abc import Mapping
from pathlib import Path
from typing import Any

PA_STREAM_PLAYBACK = 1
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
        self.flush = simple.pa_simple_flush
        self.flush.restype = ctypes.c_int
        self.flush.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_int)]
        self.free = simple.pa_simple_free
        self.free.restype = None
        self.free.argtypes = [ctypes.c_void_p]
        self.strerror = core.pa_strerror
        self.strerror.restype = ctypes.c_char_p
        self.strerror.argtypes = [ctypes.c_int]

    def open_stream(self, app_name: str, stream_name: str, rate: int) -> int:
        """A playback stream of mono 16-bit samples; its handle, or PulseError."""
        native = PA_SAMPLE_S16LE if sys.byteorder == "little" else PA_SAMPLE_S16BE
        spec = _SampleSpec(native, rate, 1)
        keep = round(BUFFER_SECONDS * rate) * 2
        unset = 0xFFFFFFFF  # "let the server choose"
        attr = _BufferAttr(unset, keep, unset, unset, unset)
        error = ctypes.c_int(0)
        handle = self.new(
            None,
            app_name.encode(),
            PA_STREAM_PLAYBACK,
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
    try:
        return ctypes.CDLL(ctypes.util.find_library(short) or soname)
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


class Channel:
    """One sound on its own stream and thread."""

    def __init__(self, lib: Any, app_name: str, name: str, samples: array[int], rate: int):
        self._lib, self._app, self.name = lib, app_name, name
        self._samples, self._rate = samples, rate
        self._scaled: tuple[float, bytes] = (1.0, samples.tobytes())
        self._volume = 1.0
        self._wake = threading.Condition()
        self._requests = 0  # plays asked for
        self._started = 0  # plays the thread has begun (only the thread writes it)
        self._stop = False
        self._closing = False
        self.problem: str | None = None  # the last thing that went wrong, for the status line
        self._thread = threading.Thread(target=self._run, name=f"sound-{name}", daemon=True)
        self._thread.start()

    # -- asked by the window's thread: flags only, never a call into libpulse ------------
    def play(self, volume: float) -> None:
        with self._wake:
            self._volume = volume
            self._requests += 1
            self._stop = False
            self._wake.notify()

    def stop(self) -> None:
        with self._wake:
            self._stop = True
            self._wake.notify()

    def close(self, timeout: float = 1.0) -> None:
        with self._wake:
            self._closing = True
            self._stop = True
            self._wake.notify()
        self._thread.join(timeout)

    # -- on the channel's thread ----------------------------------------------------------
    def _pcm(self, volume: float) -> bytes:
        if self._scaled[0] != volume:
            scaled = array("h", (round(s * volume) for s in self._samples))
            self._scaled = (volume, scaled.tobytes())
        return self._scaled[1]

    def _due(self) -> bool:
        return self._closing or self._requests != self._started

    def _run(self) -> None:
        handle: int | None = None
        try:
            while True:
                with self._wake:
                    idle = self._wake.wait_for(
                        self._due,
                        timeout=IDLE_CLOSE_SECONDS if handle else None,
                    )
                    if self._closing:
                        return
                    if not idle:  # nothing to play for a while: let the device sleep
                        self._lib.free(handle)
                        handle = None
                        continue
                    self._started, volume = self._requests, self._volume
                if handle is None:
                    handle = self._open()
                    if handle is None:
                        continue
                if not self._write(handle, self._pcm(volume)):
                    self._lib.free(handle)  # the server went away: open afresh next time
                    handle = None
        finally:
            if handle is not None:
                self._lib.free(handle)

    def _open(self) -> int | None:
        try:
            handle = self._lib.open_stream(self._app, self.name, self._rate)
        except PulseError as exc:
            self.problem = str(exc)
            return None
        self.problem = None
        return int(handle)

    def _write(self, handle: int, pcm: bytes) -> bool:
        """Write one play of the sound, cut short by a stop or a new play (which the loop
        then starts from the beginning). False if the stream broke."""
        step = round(CHUNK_SECONDS * self._rate) * 2
        error = ctypes.c_int(0)
        for offset in range(0, len(pcm), step):
            with self._wake:
                if self._stop or self._requests != self._started:
                    break
            chunk = pcm[offset : offset + step]
            if self._lib.write(handle, chunk, len(chunk), ctypes.byref(error)) < 0:
                self.problem = self._lib.reason(error.value)
                return False
        else:
            return True  # played out: the tail drains by itself
        self._lib.flush(handle, ctypes.byref(error))  # silence what the server still holds
        return True


class PulseSounds:
    """The cue sounds by name, each on its own channel."""

    def __init__(self, files: Mapping[str, Path], app_name: str = "stretchdesk", lib: Any = None):
        self._lib = lib if lib is not None else Library()
        loaded = {name: read_wave(path) for name, path in files.items()}
        rate = next(iter(loaded.values()))[1] if loaded else 44_100
        self._lib.free(self._lib.open_stream(app_name, "check", rate))  # is a server there?
        self._channels = {
            name: Channel(self._lib, app_name, name, samples, rate)
            for name, (samples, rate) in loaded.items()
        }
        self.volume = 1.0

    def play(self, name: str) -> None:
        channel = self._channels.get(name)
        if channel is not None:
            channel.play(self.volume)

    def stop(self) -> None:
        for channel in self._channels.values():
            channel.stop()

    def close(self) -> None:
        for channel in self._channels.values():
            channel.close()

    @property
    def problem(self) -> str | None:
        return next((c.problem for c in self._channels.values() if c.problem), None)
