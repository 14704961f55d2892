"""What the flows that move between screens may ask of the main window, and no more.

The routines' menu, the questions before a session, its end, the reminders and the files
someone sent each take a ``Shell``; what only shows a dialog and a line in the banner (saving
or printing a PDF) takes a parent widget, the services and a ``Tell``. MainWindow
(ui/shell/main_window.py) is the one Shell; nothing outside ui/shell/ imports it, so each
module says here what it depends on, and a test can hand it something smaller."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from datetime import date

    from PySide6.QtWidgets import QWidget

    from stretchdesk.routine import Routine
    from stretchdesk.services import Services
    from stretchdesk.session.setup import Ready
    from stretchdesk.settings import Preferences
    from stretchdesk.ui.after.after_screens import CompletionScreen, RecoveryScreen
    from stretchdesk.ui.before.advice_screen import AdviceScreen
    from stretchdesk.ui.before.avoid_screen import AvoidScreen
    from stretchdesk.ui.before.pain_before_screen import PainBeforeScreen
    from stretchdesk.ui.builder.builder_screen import BuilderScreen
    from stretchdesk.ui.desktop.sent_files import SentFiles
    from stretchdesk.ui.shell.screen_names import Screen, Screens


class Tell(Protocol):
    """A sentence for the person in the window's banner; ``error`` for a failure."""

    def __call__(self, text: str, *, error: bool = False) -> None: ...


class Shell(Protocol):
    """The main window as the flows see it."""

    services: Services
    screens: Screens  # built so far, and which one shows
    sent: SentFiles  # routine files to check and offer, one at a time

    @property
    def widget(self) -> QWidget:
        """The window: parent of dialogs, and of what lives as long as it."""

    def tell(self, text: str, *, error: bool = False, details: list[str] | None = None) -> None:
        """A sentence in the banner (``details`` in smaller words under it)."""

    def today(self) -> date: ...

    def show_screen(self, screen: QWidget | Screen) -> None:
        """Show a screen, or the one of that name (built first if need be)."""

    def go_start(self, select: str | None = None) -> None:
        """To the routines, nothing under way; ``select`` a routine and give its card the
        keyboard focus (Enter starts it)."""

    def request_start(self, routine_id: str) -> None:
        """The questions before a session of that routine, then the session."""

    def begin_session(self, ready: Ready) -> None: ...

    def open_routine(self, routine: Routine) -> None:
        """Straight to that routine's questions, after the first-run screens if they show."""

    def session_running(self) -> bool: ...

    def bring_to_front(self) -> None: ...

    def quit_for_good(self) -> None: ...

    def apply_prefs(self, prefs: Preferences) -> None:
        """Save the settings; every part of the window follows them."""

    # the screens a flow fills in before it shows them (built on first use)
    @property
    def advice(self) -> AdviceScreen: ...
    @property
    def avoid(self) -> AvoidScreen: ...
    @property
    def pain_before(self) -> PainBeforeScreen: ...
    @property
    def recovery(self) -> RecoveryScreen: ...
    @property
    def completion(self) -> CompletionScreen: ...
    @property
    def builder(self) -> BuilderScreen: ...
