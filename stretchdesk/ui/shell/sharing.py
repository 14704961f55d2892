"""The history shared with the person's other computers (ui/history/shared_history.py),
wired to the window once it is up: what came from elsewhere shows in the history, today's
line and the reminders; Settings shows how sharing went. What this computer adds (a
session ended, a note, a pain rating) goes to the folder at once: the history's own
connection counts its changes, looked at when the screen changes and after each key press
or click on the screens after a session. The banner's sharing lines wait while a session
runs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

from stretchdesk.ui.history.shared_history import SharedHistory
from stretchdesk.ui.shell.screen_names import Screen

if TYPE_CHECKING:
    from stretchdesk.ui.shell.main_window import MainWindow

_AFTER = (Screen.RECOVERY, Screen.COMPLETION)  # where a rating or a note is given
_ACTIONS = (QEvent.Type.KeyPress, QEvent.Type.MouseButtonRelease)


class HistoryWrites(QObject):
    """Tells ``shared`` when this computer's history has changed, outside a session."""

    def __init__(self, window: MainWindow, shared: SharedHistory) -> None:
        super().__init__(shared)
        self.window = window
        self.shared = shared
        self._seen = self._changes()
        self._filtering = False
        self._queued = False
        window.stack.currentChanged.connect(self._screen_changed)

    def _changes(self) -> int:
        store = self.window.services.store
        return store.conn.total_changes if store is not None else 0

    def _screen_changed(self, _index: int) -> None:
        self.check()
        self._filter(self.window.screens.shown in _AFTER)

    def check(self) -> None:
        if self.window.session_running():
            return
        self.shared.settle()
        changes = self._changes()
        if changes != self._seen:
            self._seen = changes
            self.shared.history_written()

    def _filter(self, on: bool) -> None:
        app = QApplication.instance()
        if app is None or on == self._filtering:
            return
        if on:
            app.installEventFilter(self)
        else:
            app.removeEventFilter(self)
        self._filtering = on

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in _ACTIONS and not self._queued:
            self._queued = True  # (once for the event and all its propagations)
            QTimer.singleShot(0, self._after_action)
        return False

    def _after_action(self) -> None:
        self._queued = False
        self.check()


def share_history(window: MainWindow) -> SharedHistory:
    """Start keeping the history in step with the shared folder (once the window is up)."""
    found = window.findChild(SharedHistory)
    if found is not None:
        return found
    shared = SharedHistory(window, window.services, window.banner, window.session_running)

    def refresh() -> None:
        history = window.screens.if_built(Screen.HISTORY)
        if history is not None:
            history.reload()
        if window.screens.shown is Screen.START:
            window.start.show_today(window.today_words())
        if window.between is not None:
            window.between.session_changed()  # a reminder for what was done elsewhere goes

    def status(text: str) -> None:
        settings = window.screens.if_built(Screen.SETTINGS)
        if settings is not None:
            settings.sharing.show_status(text)

    shared.history_changed.connect(refresh)
    shared.status_changed.connect(status)
    status(shared.last_status)
    HistoryWrites(window, shared)
    return shared
