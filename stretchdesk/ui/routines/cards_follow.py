"""The routines screen's cards follow the routines on offer, and the settings that their
minutes and health notes depend on."""

from __future__ import annotations

from PySide6.QtWidgets import QApplication

from stretchdesk.routine import InvalidRoutine, Routine
from stretchdesk.services import Services
from stretchdesk.settings import Preferences
from stretchdesk.ui.kit.follow import follow
from stretchdesk.ui.routines.start_screen import StartScreen


def follow_routines(screen: StartScreen, services: Services) -> None:
    def routines_changed() -> None:
        redraw(screen, services.routine_cards(), services.catalog.invalid)

    def prefs_changed(old: Preferences, new: Preferences) -> None:
        if (old.session_settings(), old.health_answers()) != (
            new.session_settings(),
            new.health_answers(),
        ):
            redraw(screen, services.routine_cards())

    follow(services.routines_changed, screen, routines_changed)
    follow(services.settings.changed, screen, prefs_changed)


def redraw(
    screen: StartScreen,
    routines: list[tuple[Routine, float, tuple[str, ...]]],
    broken: list[InvalidRoutine] | None = None,
) -> None:
    """The cards drawn again, the choice kept; a card taken away with the keyboard focus
    hands it to the chosen one."""
    focused = QApplication.focusWidget()
    replaced = [*screen.cards.values(), *(screen.broken_cards if broken is not None else [])]
    had_focus = focused is not None and any(
        card is focused or card.isAncestorOf(focused) for card in replaced
    )
    selected = screen.selected
    screen.show_routines(routines, broken)
    screen.select(selected)  # (a card that takes the focus meanwhile would pick itself)
    if had_focus:
        screen.focus_default()
