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

from PySide6.QtGui import QAccessible, QAccessibleAnnouncementEvent
from PySide6.QtWidgets import QApplication, QWidget

AGAIN = "\u200b"  # zero width: the same words twice in a row are still a change


def through_focus() -> bool:
    """Whether a screen reader is told through the focused control (AT-SPI desktops)."""
    return not sys.platform.startswith(("win", "darwin"))


class Teller:
    """Tells a screen reader about ``screen``; ``told`` keeps every text, for tests."""

    def __init__(self, screen: QWidget) -> None:
        self.screen = screen
        self.told: list[str] = []
        self._lent: tuple[QWidget, str] | None = None  # a control and its own description
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

    def restore(self) -> None:
        """The control that carried the last words has its own description back."""
        lent, self._lent = self._lent, None
        if lent is not None:
            control, own = lent
            control.setAccessibleDescription(own)

    def _focus_changed(self, old: QWidget | None, _new: QWidget | None) -> None:
        if self._lent is not None and old is self._lent[0]:
            self.restore()
