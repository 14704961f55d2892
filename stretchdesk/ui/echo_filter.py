"""Drops the echoes of a press that has just changed the screen: the second half of a
double-click and a quickly repeated Enter or Space, and Enter or Space held down.

Installed on the main window's native window, so it sees the window's mouse and key events
before any widget does (and only those: the session's CPU stays where it was). The rule of
what is an echo is the Qt-free RepeatGuard; keyboard shortcuts (Esc, Space in a session)
never pass through here.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent

from stretchdesk.session.guard import RepeatGuard

ACTIVATING_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)
_PRESSES = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick)


class EchoFilter(QObject):
    def __init__(self, guard: RepeatGuard, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.guard = guard
        self._dropped_press = False
        self.dropped = 0  # how many echoes were dropped (for tests)

    def screen_changed(self) -> None:
        self.guard.arm()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _PRESSES:
            self._dropped_press = self.guard.blocking
        elif kind == QEvent.Type.MouseButtonRelease:
            if not self._dropped_press:
                return False
            self._dropped_press = False
            return True
        elif kind == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            if event.key() not in ACTIVATING_KEYS:
                return False
            if not (event.isAutoRepeat() or self.guard.blocking):
                return False
            self.dropped += 1
            return True
        else:
            return False
        if self._dropped_press:
            self.dropped += 1
        return self._dropped_press
