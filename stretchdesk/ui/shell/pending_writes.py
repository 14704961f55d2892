"""The window's clock for the history store's upkeep (history/upkeep.py): heartbeats while
a session is paused, and writes that failed (a full disk) tried again every few seconds and,
while they wait, after every key press or click. The rule of what to try and when is the
store's; this only arms one single-shot timer for the delay it answers. What the banner
says of the writes that wait is taken back once they are saved (``WriteProblems``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication

from stretchdesk.i18n import _

if TYPE_CHECKING:
    from stretchdesk.history.store import HistoryStore
    from stretchdesk.history.upkeep import Upkeep
    from stretchdesk.ui.shell.banner import Banner
    from stretchdesk.ui.shell.main_window import MainWindow

_ACTIONS = (QEvent.Type.KeyPress, QEvent.Type.MouseButtonRelease)


class PendingWrites(QObject):
    caught_up = Signal()  # every write that waited has reached the history

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.upkeep: Upkeep | None = None
        self._waited = False  # some writes waited since the history last caught up
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.run)
        self._watching = False
        self._queued = False

    def watch(self, store: HistoryStore) -> None:
        """Keep up ``store``'s upkeep from now on."""
        upkeep = self.upkeep = store.upkeep
        upkeep.wanted = self.soon
        self.destroyed.connect(lambda: setattr(upkeep, "wanted", None))
        self.soon()

    def soon(self) -> None:
        """Run as soon as the event loop is free (never inside the caller's own call)."""
        self._timer.start(0)

    def run(self) -> None:
        if self.upkeep is None:
            return
        delay = self.upkeep.run()
        if delay is not None:
            self._timer.start(max(0, round(delay * 1000)))
        self._after_try()

    def _watch_actions(self, on: bool) -> None:
        """While writes wait, every key press and click tries them (a filter on the whole
        application costs a call per event: it is there only then)."""
        app = QApplication.instance()
        if app is None or on == self._watching:
            return
        if on:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)
        self._watching = on

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIONS and not self._queued:
            self._queued = True  # (one try for the key press and all its propagations)
            QTimer.singleShot(0, self._after_action)
        return False

    def _after_action(self) -> None:
        self._queued = False
        if self.upkeep is None:
            return
        if self.upkeep.pending:
            self.upkeep.try_now()
        self._after_try()

    def _after_try(self) -> None:
        assert self.upkeep is not None
        waiting = self.upkeep.pending > 0
        self._watch_actions(waiting)
        if waiting:
            self._waited = True
        elif self._waited:
            self._waited = False
            self.caught_up.emit()


class WriteProblems:
    """A session's writes that failed (a full disk) are said in the banner; once they have
    all reached the history, those sentences are taken back and the person is told."""

    def __init__(self, banner: Banner) -> None:
        self._banner = banner
        self._said: list[str] = []

    def add(self, problem: str) -> None:
        self._said.append(problem)
        self._banner.add(problem, error=True)

    def caught_up(self) -> None:
        if not self._said:
            return
        for problem in self._said:
            self._banner.remove(problem)
        self._said.clear()
        self._banner.add(_("Space was found: everything that waited is now saved in the history."))


def keep(window: MainWindow) -> PendingWrites:
    """The upkeep of the window's history store (or of the one opened later, when it could
    not be opened at the start), for as long as the window lives."""
    keeper = PendingWrites(window)
    keeper.caught_up.connect(window.write_problems.caught_up)
    services = window.services
    services.store_opened = keeper.watch
    if services.store is not None:
        keeper.watch(services.store)
    return keeper
