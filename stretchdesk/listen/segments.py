"""Stretches of speech between silences, from a frame-by-frame speech detector. No Qt.

A command is a short word said on its own, often clipped at its start ("st-" of "stop" is
quiet): speech starts at the second speaking frame of three, with a little sound kept from
before it, and ends after a few silent frames. A stretch that goes on longer than any
command word is talk, and is let go whole (``None`` is reported when it ends).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable

FRAME_SECONDS = 0.03
BEFORE_SECONDS = 0.24  # kept from before the start: a quiet first consonant
END_SECONDS = 0.36  # silence that ends a stretch
START_FRAMES = 2  # of the last three, speaking frames that start a stretch


class Segmenter:
    def __init__(self, is_speech: Callable[[bytes], bool], max_seconds: float) -> None:
        self._is_speech = is_speech
        self._before_frames = round(BEFORE_SECONDS / FRAME_SECONDS)
        self._before: deque[bytes] = deque(maxlen=self._before_frames)
        self._recent: deque[bool] = deque(maxlen=3)
        self._speech: list[bytes] = []
        self._silent = 0
        self._max_frames = round(max_seconds / FRAME_SECONDS)
        self._end_frames = round(END_SECONDS / FRAME_SECONDS)
        self._talk = False

    def reset(self) -> None:
        self._before.clear()
        self._recent.clear()
        self._speech = []
        self._silent = 0
        self._talk = False

    @property
    def in_speech(self) -> bool:
        return bool(self._speech) or self._talk

    def frame(self, frame: bytes) -> list[bytes | None]:
        """One frame of sound; the stretches that ended with it (bytes for a short one,
        None for talk)."""
        speaking = self._is_speech(frame)
        if not self.in_speech:
            self._recent.append(speaking)
            if sum(self._recent) < START_FRAMES:
                self._before.append(frame)
                return []
            self._speech = [*self._before, frame]
            self._before.clear()
            self._silent = 0
            return []
        self._silent = 0 if speaking else self._silent + 1
        if not self._talk:
            self._speech.append(frame)
            if len(self._speech) > self._max_frames + self._end_frames + self._before_frames:
                self._talk, self._speech = True, []
        if self._silent < self._end_frames:
            return []
        ended: bytes | None = None if self._talk else b"".join(self._speech)
        self._speech, self._talk, self._silent = [], False, 0
        self._recent.clear()
        return [ended]
