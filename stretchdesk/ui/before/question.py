"""What the questions before a session share (the pain rating, an exercise that hurt last
time, a suggestion from the history).

A key meant for something else never answers one: the focus starts on the answer that
changes nothing (Skip, "as usual", Go on), never on a number of the scale, and Esc goes back
to the routines with nothing started (``back``)."""

from __future__ import annotations

from PySide6.QtCore import Qt, SignalInstance
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QVBoxLayout, QWidget

from stretchdesk.ui.kit.widgets import reading


def scrolling_column(screen: QWidget) -> QVBoxLayout:
    """The screen's column, inside a scroll area: nothing is cut on a small screen."""
    inner = QWidget()
    outer = QVBoxLayout(screen)
    outer.setContentsMargins(0, 0, 0, 0)
    outer.addWidget(reading(inner, screen.accessibleName()))
    return QVBoxLayout(inner)


def esc_goes_back(screen: QWidget, back: SignalInstance) -> QShortcut:
    """Esc on a question before a session: back to the routines, nothing started."""
    shortcut = QShortcut(QKeySequence(Qt.Key.Key_Escape), screen)
    shortcut.setContext(Qt.ShortcutContext.WindowShortcut)  # (only while the screen shows)
    shortcut.activated.connect(back.emit)
    return shortcut
