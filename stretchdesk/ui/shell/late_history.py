"""The history, opened just after the window's first paint when Services left it waiting
(the routines screen is drawn without it): what opening it said goes to the banner, and the
routines screen gets its last session and today's words."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from stretchdesk.ui.shell.screen_names import Screen

if TYPE_CHECKING:
    from stretchdesk.ui.shell.main_window import MainWindow


def open_once_painted(window: MainWindow) -> None:
    if window.services.history_waiting:
        window.after_first_paint(partial(opened, window))


def opened(window: MainWindow) -> None:
    services = window.services
    services.open_history_late()  # (already open if something read it sooner)
    for notice in services.late_notices:
        window.tell(notice.message, error=notice.error, details=notice.details)
    services.late_notices.clear()
    if window.screens.shown is Screen.START:
        window.start.show_last(services.last_session())
        window.start.show_today(window.today_words())
