"""Spin boxes and choices in a scrolling page take the mouse wheel only once focused.

Qt gives a spin box or a combo box the wheel as soon as the pointer is over it, so scrolling
the Settings page (or the builder's step) changed whatever value passed under the pointer.
With ``wheel_when_focused`` a wheel over an unfocused one scrolls the page, as if it were
not there; a click or Tab focuses it, and then the wheel changes it as before.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QWidget

W = TypeVar("W", bound=QWidget)


class _WheelWhenFocused(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.Wheel
            and isinstance(watched, QWidget)
            and not watched.hasFocus()
        ):
            event.ignore()  # not handled: Qt hands it to the parent, the page scrolls
            return True
        return False


def wheel_when_focused(widget: W) -> W:
    """``widget``, taking the focus from a click or Tab but not from the wheel, and the
    wheel only while it has the focus."""
    widget.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    widget.installEventFilter(_WheelWhenFocused(widget))
    return widget
