"""The microphone, read through the sound server (libpulse-simple, as the cue sounds are
played): 16 kHz mono 16-bit, a tenth of a second at a time. No Qt. Nothing is kept: each
block is handed on and dropped."""

from __future__ import annotations

import ctypes
from typing import Any

from stretchdesk.audio.pulse import Library, PulseError
from stretchdesk.listen.recogniser import RATE, ListenError

BLOCK_SECONDS = 0.1


class Microphone:
    def __init__(self, lib: Any = None) -> None:
        try:
            self._lib = lib if lib is not None else Library()
            self._handle = self._lib.open_stream(
                "stretchdesk", "voice commands", RATE, record_seconds=BLOCK_SECONDS
            )
        except PulseError as exc:
            raise ListenError(f"the microphone cannot be opened ({exc})") from exc
        self._size = round(BLOCK_SECONDS * RATE) * 2
        self._buffer = ctypes.create_string_buffer(self._size)

    def read(self) -> bytes:
        """The next tenth of a second of sound (waits for it); ListenError if it stopped."""
        if not self._handle:
            raise ListenError("the microphone is closed")
        error = ctypes.c_int(0)
        if self._lib.read(self._handle, self._buffer, self._size, ctypes.byref(error)) < 0:
            raise ListenError(f"the microphone stopped ({self._lib.reason(error.value)})")
        return self._buffer.raw

    def close(self) -> None:
        if self._handle:
            handle, self._handle = self._handle, 0
            self._lib.free(handle)
