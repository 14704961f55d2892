"""Logging out, shutting down and Ctrl+C end the app as closing it does: a session under way
ends early and is saved, within the second or two a session manager allows before it kills.

A desktop session ends its programs with SIGTERM (SIGHUP when a terminal goes away, SIGINT
for Ctrl+C). Python runs a signal's handler only between its own bytecodes, and while Qt's
event loop waits in C++ none run: the handler would wait for the next event. So each signal
also writes a byte to a pipe (``signal.set_wakeup_fd``; a socket pair on Windows, where it
must be a socket) whose reading end a QSocketNotifier watches, which wakes the loop at once.
The work is then queued for the loop itself (nothing is done inside the notifier's slot
that Qt still uses afterwards)."""

from __future__ import annotations

import contextlib
import os
import signal
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSocketNotifier, QTimer

if TYPE_CHECKING:
    from collections.abc import Callable
    from types import FrameType

SIGNALS = tuple(
    getattr(signal, name) for name in ("SIGTERM", "SIGHUP", "SIGINT") if hasattr(signal, name)
)


class EndSignals(QObject):
    """``end_app()`` closes the window and ends the app, asking nothing; ``release`` gives the
    signals back to Python once the window has closed."""

    def __init__(self, parent: QObject, end_app: Callable[[], None]) -> None:
        super().__init__(parent)
        self._end_app = end_app
        self.received: list[int] = []  # (for tests)
        self._ending = False
        self._reader, self._writer, self._read, self._close = _wake_ends()
        self._notifier = QSocketNotifier(self._reader, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._woken)
        self._old_fd = signal.set_wakeup_fd(self._writer, warn_on_full_buffer=False)
        self._old = {number: signal.signal(number, self._noted) for number in SIGNALS}

    def _noted(self, number: int, frame: FrameType | None) -> None:
        """Python's own handler: the byte on the pipe has already woken the loop."""

    def _woken(self) -> None:
        try:
            data = self._read()
        except OSError:
            return
        self.received.extend(data)
        if data and not self._ending:
            self._ending = True
            QTimer.singleShot(0, self._end)

    def _end(self) -> None:
        self._end_app()

    def release(self) -> None:
        """The window is closed: Python's own handling again (the app is ending)."""
        if self._old:
            with contextlib.suppress(ValueError):  # (only from the main thread)
                signal.set_wakeup_fd(self._old_fd)
                for number, old in self._old.items():
                    signal.signal(number, old)
            self._old = {}
        self._notifier.setEnabled(False)
        self._close()


def _wake_ends() -> tuple[int, int, Callable[[], bytes], Callable[[], None]]:
    """The reading and the writing end of a non-blocking pipe, how to read what came and how
    to close both (a socket pair where Python's wake-up wants a socket: Windows)."""
    if os.name == "nt":  # (the socket module loads only there)
        import socket  # noqa: PLC0415

        pair = socket.socketpair()
        for end in pair:
            end.setblocking(False)

        def close_pair() -> None:
            for end in pair:
                end.close()

        return pair[0].fileno(), pair[1].fileno(), lambda: pair[0].recv(64), close_pair
    reader, writer = os.pipe()
    for fd in (reader, writer):
        os.set_blocking(fd, False)

    def close_pipe() -> None:
        for fd in (reader, writer):
            os.close(fd)

    return reader, writer, lambda: os.read(reader, 64), close_pipe


def handle(parent: QObject, end: Callable[[], None]) -> EndSignals:
    """Logout, shutdown and Ctrl+C call ``end`` (the window closes as Quit does), for as
    long as ``parent`` lives."""
    return EndSignals(parent, end)
