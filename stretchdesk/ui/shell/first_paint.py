"""Run something once, just after a window has first been painted (sound and voice, the
reminders: they take a while to load, and the window should not wait for them)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class FirstPaint(QObject):
    def __init__(self, action: Callable[[], None], window: QWidget) -> None:
        super().__init__(window)
        self._action = action
        self._window = window

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint:
            self._window.removeEventFilter(self)
            QTimer.singleShot(0, self._action)
        return False
