"""How long a notice (a refusal, a re-warm) stays on the session screen: ten seconds on the
session's clock. A timer hides it, and so does a redraw once that time has passed (on a fake
clock the timer never fires)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from stretchdesk.session.clock import Clock

NOTICE_MS = 10_000


class NoticeTimer(QObject):
    """Shows a notice through ``show_message`` and takes it away (the empty text) in time."""

    def __init__(self, show_message: Callable[[str], None], clock: Clock, parent: QObject) -> None:
        super().__init__(parent)
        self._show_message = show_message
        self._clock = clock
        self._until: float | None = None  # on the session's clock
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)

    @property
    def showing(self) -> bool:
        return self._until is not None

    def show(self, text: str) -> None:
        self._show_message(text)
        self._until = self._clock() + NOTICE_MS / 1000
        self._timer.start(NOTICE_MS)

    def hide(self) -> None:
        self._until = None
        self._show_message("")

    def hide_if_over(self) -> None:
        """A notice lasts its time on the session's clock too."""
        if self._until is not None and self._clock() >= self._until:
            self.hide()
