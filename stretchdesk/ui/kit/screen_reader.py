"""Telling a screen reader what changed away from the focus (a new phase of the session, the
last ten seconds, paused), once, in a way every version of Orca speaks.

On Linux the words become the description of the control that has the focus: Orca speaks a
change of the focused object's description (its ``onDescriptionChanged``, in every version
from 3.x to the latest: https://gitlab.gnome.org/GNOME/orca, src/orca/scripts/default.py),
while the newer ``object:announcement`` event is spoken only from Orca 45 (Debian 12 ships
43.1, Ubuntu 22.04 42). Sending both would make Orca 45 say everything twice, so there it is
one or the other: the description on AT-SPI desktops, Qt's announcement event elsewhere
(Windows and macOS screen readers hear it through UI Automation and NSAccessibility), and
when nothing of the screen has the focus. The control's own description comes back when the
focus leaves it or the screen says so (``restore``)."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QApplication, QWidget

AGAIN = "\u200b"  # zero width: the same words twice in a row are still a change
FOCUS_BACK_MS = 1500  # the longest wait for the focus before telling anyway


def through_focus() -> bool:
    """Whether a screen reader is told through the focused control (AT-SPI desktops)."""
    return not sys.platform.startswith(("win", "darwin"))


class Teller:
    """Tells a screen reader about ``screen``; ``told`` keeps every text, for tests."""

    def __init__(self, screen: QWidget) -> None:
        self.screen = screen
        self.told: list[str] = []
        self._lent: tuple[QWidget, str] | None = None  # a control and its own description
        self._waiting: tuple[QWidget, str] | None = None  # to tell once it has the focus
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def tell(self, text: str) -> None:
        self.told.append(text)
        focused = QApplication.focusWidget()
        if through_focus() and focused is not None and self.screen.isAncestorOf(focused):
            if self._lent is None or self._lent[0] is not focused:
                self.restore()
                self._lent = (focused, focused.accessibleDescription())
            if focused.accessibleDescription() == text:
                text += AGAIN
            focused.setAccessibleDescription(text)
            return
        QAccessible.updateAccessibility(QAccessibleAnnouncementEvent(self.screen, text))

    def tell_on(self, control: QWidget, text: str) -> None:
        """Give ``control`` the focus and tell ``text`` there once it has it (after a dialog
        closes, the window has the focus back only when its window manager gives it; told
        anyway after ``FOCUS_BACK_MS``)."""
        control.setFocus(Qt.FocusReason.OtherFocusReason)
        if QApplication.focusWidget() is control:
            self.tell(text)
            return
        self._waiting = (control, text)
        QTimer.singleShot(FOCUS_BACK_MS, self.screen, self._tell_waiting)  # (not if it has gone)

    def _tell_waiting(self) -> None:
        waiting, self._waiting = self._waiting, None
        if waiting is not None:
            self.tell(waiting[1])

    def restore(self) -> None:
        """The control that carried the last words has its own description back."""
        lent, self._lent = self._lent, None
        if lent is not None:
            control, own = lent
            control.setAccessibleDescription(own)

    def _focus_changed(self, old: QWidget | None, new: QWidget | None) -> None:
        if self._lent is not None and old is self._lent[0]:
            self.restore()
        if self._waiting is not None and new is self._waiting[0]:
            self._tell_waiting()
