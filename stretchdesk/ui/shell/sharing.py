"""The history shared with the person's other computers (ui/history/shared_history.py),
wired to the window once it is up: what came from elsewhere shows in the history, today's
line and the reminders; Settings shows how sharing went."""

from __future__ import annotations

from typing import TYPE_CHECKING

from stretchdesk.ui.history.shared_history import SharedHistory
from stretchdesk.ui.shell.screen_names import Screen

if TYPE_CHECKING:
    from stretchdesk.ui.shell.main_window import MainWindow


def share_history(window: MainWindow) -> SharedHistory:
    """Start keeping the history in step with the shared folder (once the window is up)."""
    found = window.findChild(SharedHistory)
    if found is not None:
        return found
    shared = SharedHistory(window, window.services, window.banner)

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
    return shared
