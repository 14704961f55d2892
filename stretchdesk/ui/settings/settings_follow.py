"""The Settings screen follows the settings: a change made elsewhere (the tray, the health
check, the reminders offer) shows at once, the routines to remind of stay those on offer,
and after each save it says what came of it."""

from __future__ import annotations

from collections.abc import Callable

from stretchdesk.services import Services
from stretchdesk.ui.kit.follow import follow
from stretchdesk.ui.settings.settings_screen import SettingsScreen


def follow_settings(
    screen: SettingsScreen, services: Services, statuses: Callable[[], None]
) -> None:
    """``statuses``: show the status lines again (sound, voice, listening, reminders)."""

    def saved(problem: str | None) -> None:
        screen.show_result(problem)
        statuses()

    follow(services.settings.changed, screen, lambda _old, new: screen.show_prefs(new, again=True))
    follow(services.settings.saved, screen, saved)
    follow(
        services.routines_changed,
        screen,
        lambda: screen.reminders.show_routines(services.catalog.routines),
    )
