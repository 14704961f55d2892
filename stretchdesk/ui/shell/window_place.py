"""The window's size, place and full screen: applied here, decided in stretchdesk/screen_fit.py.

The place is kept between runs with QWidget.saveGeometry in a small file in the state folder
(it is state, not a setting), with the state from before a session or full screen: the
window opens as a window, maximised or not, never full screen. A file that cannot be read or
written only means the window opens at its first size, never a failure.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
from pathlib import Path

from PySide6.QtCore import QByteArray, QRect, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QWidget

from stretchdesk.atomic import atomic_text
from stretchdesk.schedule.small_file import NotReadable, read_small
from stretchdesk.screen_fit import (
    Mode,
    Rect,
    SessionScreenRule,
    clamp,
    first_size,
    kept,
    toggled,
)

MAX_BYTES = 4096
FRAME_GUESS = (0, 32)  # a title bar, before the window has been shown with its frame


def rect(qrect: QRect) -> Rect:
    return Rect(qrect.x(), qrect.y(), qrect.width(), qrect.height())


class WindowPlace:
    """One window's size, place and state; ``path`` keeps them between runs."""

    def __init__(self, window: QWidget, path: Path) -> None:
        self.window = window
        self.path = path
        self.rule = SessionScreenRule()
        self._before_full = Mode.NORMAL
        full = QShortcut(QKeySequence(Qt.Key.Key_F11), window)  # the whole screen, and back
        full.setContext(Qt.ShortcutContext.WindowShortcut)
        full.activated.connect(self.toggle)

    def available(self) -> Rect:
        return rect(self.window.screen().availableGeometry())

    def _frame(self) -> tuple[int, int]:
        """What the window's frame adds to its size (guessed before it is first shown)."""
        window = self.window
        if not window.isVisible():
            return FRAME_GUESS
        frame, inner = window.frameGeometry(), window.geometry()
        return frame.width() - inner.width(), frame.height() - inner.height()

    # ------------------------------------------------------------------ between runs
    def restore(self) -> None:
        """The saved place, brought onto this screen; else the first size."""
        saved = self._read()
        if saved is None or not self.window.restoreGeometry(saved[1]):
            self.place(first_size(self.available()))
            return
        maximised = saved[0] is Mode.MAXIMISED
        self.window.setWindowState(
            Qt.WindowState.WindowMaximized if maximised else Qt.WindowState.WindowNoState
        )
        self.fit()

    def fit(self) -> None:
        """The window's normal place, frame included, made to fit the available area."""
        if self.mode() is not Mode.NORMAL:
            return
        extra = self._frame()
        size = self.window.size()
        now = Rect(
            self.window.x(), self.window.y(), size.width() + extra[0], size.height() + extra[1]
        )
        fitted = clamp(now, self.available())
        if fitted != now:
            self.place(fitted)

    def place(self, frame: Rect) -> None:
        """The window's frame at ``frame``: its inside is smaller by the frame's size."""
        extra = self._frame()
        self.window.move(frame.x, frame.y)
        self.window.resize(frame.width - extra[0], frame.height - extra[1])

    def _read(self) -> tuple[Mode, QByteArray] | None:
        """The state word and the saved geometry; None when missing or damaged."""
        try:
            word, data = read_small(self.path, MAX_BYTES).data.decode("ascii").split()
            return Mode(word), QByteArray(base64.b64decode(data, validate=True))
        except (OSError, NotReadable, binascii.Error, ValueError):
            return None

    def save(self) -> None:
        """Keep the size, place and maximised state (taken while a session or full screen
        still shows: their normal place is inside); a write that fails is only skipped."""
        mode = kept(self.mode(), self.rule.before, self._before_full)
        data = base64.b64encode(self.window.saveGeometry().data()).decode("ascii")
        with contextlib.suppress(OSError):
            self.path.parent.mkdir(parents=True, exist_ok=True)
            with atomic_text(self.path) as out:
                out.write(f"{mode.value}\n{data}\n")

    # ------------------------------------------------------------------ full screen
    def mode(self) -> Mode:
        state = self.window.windowState()
        if state & Qt.WindowState.WindowFullScreen:
            return Mode.FULL_SCREEN
        if state & Qt.WindowState.WindowMaximized:
            return Mode.MAXIMISED
        return Mode.NORMAL

    def apply(self, mode: Mode) -> None:
        now = self.mode()
        if mode is Mode.FULL_SCREEN and now is not Mode.FULL_SCREEN:
            self._before_full = now
        window = self.window
        if not window.isVisible():  # kept for when it shows; a hidden window stays hidden
            flags = {
                Mode.NORMAL: Qt.WindowState.WindowNoState,
                Mode.MAXIMISED: Qt.WindowState.WindowMaximized,
                Mode.FULL_SCREEN: Qt.WindowState.WindowFullScreen,
            }
            window.setWindowState(flags[mode])
        elif mode is Mode.FULL_SCREEN:
            window.showFullScreen()
        elif mode is Mode.MAXIMISED:
            window.showMaximized()
        else:
            window.showNormal()

    def toggle(self) -> None:
        self.apply(toggled(self.mode(), self._before_full))

    def session_started(self, setting: str) -> None:
        wanted = self.rule.started(setting, self.mode())
        if wanted is not None:
            self.apply(wanted)

    def session_over(self) -> None:
        """Back to the state from before the session (a no-op when none was running)."""
        before = self.rule.ended(self.mode())
        if before is not None:
            self.apply(before)
