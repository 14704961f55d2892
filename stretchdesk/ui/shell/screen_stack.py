"""The window's screens, one shown at a time, the window sized for the one shown.

Qt's stacked widget asks for room for its largest screen, so one long sentence on one screen
(a long translation at the largest text size) would make every screen wider than a small
screen; here only the screen shown counts.
"""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QStackedWidget


class ScreenStack(QStackedWidget):
    """A stacked widget whose size hints are its current screen's."""

    def __init__(self) -> None:
        super().__init__()
        self.currentChanged.connect(lambda _index: self.updateGeometry())

    def sizeHint(self) -> QSize:
        shown = self.currentWidget()
        return shown.sizeHint() if shown is not None else super().sizeHint()

    def minimumSizeHint(self) -> QSize:
        shown = self.currentWidget()
        if shown is None:
            return super().minimumSizeHint()
        return shown.minimumSizeHint().expandedTo(shown.minimumSize())
