"""Listening during a session: the microphone read on a thread of its own, the sound handed to
the recogniser, and each command heard passed on. No Qt.

While the app is speaking, and for a moment after (the room's echo), the sound is dropped
unheard, so the app's own voice can never give a command. ``stop`` returns at once; the
thread finishes its tenth of a second and closes the microphone itself (libpulse must not be
closed from another thread while it reads).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from typing import Protocol

from stretchdesk.listen.recogniser import Heard, ListenError, Recogniser

AFTER_SPEECH_SECONDS = 0.5  # the app's voice still in the room


class Source(Protocol):
    """What the listener reads: a microphone (microphone.py) or, in tests, recorded sound."""

    def read(self) -> bytes: ...

    def close(self) -> None: ...


class Listener:
    def __init__(
        self,
        on_heard: Callable[[Heard], None],
        muted: Callable[[], bool],
        open_source: Callable[[], Source],
        recogniser: Recogniser,
        *,
        on_failed: Callable[[str], None] = lambda _why: None,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        self._on_heard = on_heard
        self._muted = muted
        self._open_source = open_source
        self._recogniser = recogniser
        self._on_failed = on_failed
        self._monotonic = monotonic
        self._stopping = threading.Event()
        self._thread: threading.Thread | None = None

    @property
    def listening(self) -> bool:
        return self._thread is not None and self._thread.is_alive()

    def start(self) -> None:
        """Open the microphone and listen; ListenError (with why) if it cannot be opened."""
        if self.listening:
            return
        source = self._open_source()
        self._stopping = threading.Event()
        self._recogniser.reset()
        self._thread = threading.Thread(
            target=self._run, args=(source, self._stopping), name="listener", daemon=True
        )
        self._thread.start()

    def stop(self) -> None:
        self._stopping.set()

    def join(self, timeout: float = 2.0) -> None:
        if self._thread is not None:
            self._thread.join(timeout)

    def _run(self, source: Source, stopping: threading.Event) -> None:
        quiet_until = 0.0
        try:
            while not stopping.is_set():
                block = source.read()
                now = self._monotonic()
                if self._muted():
                    quiet_until = now + AFTER_SPEECH_SECONDS
                    self._recogniser.reset()
                    continue
                if now < quiet_until or stopping.is_set():
                    continue
                for heard in self._recogniser.feed(block):
                    if not stopping.is_set():
                        self._on_heard(heard)
        except ListenError as exc:
            self._on_failed(str(exc))
        finally:
            source.close()
