"""Drops the echoes of a press that has just changed the screen: the second half of a
double-click, and a quickly repeated Enter or Space.

After a screen change the filter sits on the main window's native window, so it sees the
window's mouse and key events before any widget does, for one double-click interval; then
it takes itself off (a filter written in Python costs a call for every event the window
gets, which a session would pay every second). The rule of what is an echo is the Qt-free
RepeatGuard; keyboard shortcuts (Esc, Space in a session) never pass through here. Enter
held down is ignored by the buttons themselves (widgets.Button).
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QWindow
from PySide6.QtWidgets import QWidget

from stretchdesk.session.guard import RepeatGuard

ACTIVATING_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)
_PRESSES = (QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick)


class EchoFilter(QObject):
    def __init__(self, guard: RepeatGuard, window: QWidget) -> None:
        super().__init__(window)
        self.guard = guard
        self._window = window
        # No reference to the native window is kept: Qt owns it and may delete it, and a
        # Python reference to a deleted QWindow would crash when used. It is asked for anew.
        self.active = False
        self._dropped_press = False
        self.dropped = 0  # how many echoes were dropped (for tests)
        self._off_timer = QTimer(self)  # a child: it goes with the filter
        self._off_timer.setSingleShot(True)
        self._off_timer.timeout.connect(self._take_off)

    def _handle(self) -> QWindow | None:
        try:
            return self._window.windowHandle()
        except RuntimeError:  # the main window is already gone
            return None

    def screen_changed(self) -> None:
        self.guard.arm()
        handle = self._handle()
        if handle is None:  # not shown yet: nothing can be clicked
            return
        handle.removeEventFilter(self)  # (a native window made anew: not twice)
        handle.installEventFilter(self)
        self.active = True
        self._off_timer.start(round(self.guard.interval * 1000) + 50)

    def _take_off(self) -> None:
        if self._dropped_press:
            return  # its release must go too; taken off after it
        handle = self._handle()
        if handle is not None:
            handle.removeEventFilter(self)
        self.active = False

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        kind = event.type()
        if kind in _PRESSES:
            self._dropped_press = self.guard.blocking
            if self._dropped_press:
                self.dropped += 1
            return self._dropped_press
        if kind == QEvent.Type.MouseButtonRelease and self._dropped_press:
            self._dropped_press = False  # the release of a dropped press goes too
            if not self._off_timer.isActive():
                self._off_timer.start(0)
            return True
        if (
            isinstance(event, QKeyEvent)
            and kind == QEvent.Type.KeyPress
            and event.key() in ACTIVATING_KEYS
            and self.guard.blocking
        ):
            self.dropped += 1
            return True
        return False
