"""The window's screens by typed name (``Screen.HISTORY``), and the ones built so far.

Each screen is built the first time it is needed (ui/shell/screens.py); ``Screens`` keeps
them by name, tells which one shows, and hands one over only if it is already built, so that
following a change never builds a screen nobody has opened. A misspelt name is a type error,
not a look-up that quietly finds nothing."""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING, Literal, overload

from PySide6.QtWidgets import QStackedWidget, QWidget

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance

    from stretchdesk.ui.after.after_screens import CompletionScreen, RecoveryScreen
    from stretchdesk.ui.before.advice_screen import AdviceScreen
    from stretchdesk.ui.before.avoid_screen import AvoidScreen
    from stretchdesk.ui.before.health_screen import HealthScreen
    from stretchdesk.ui.before.pain_before_screen import PainBeforeScreen
    from stretchdesk.ui.before.safety_screen import SafetyScreen
    from stretchdesk.ui.builder.builder_screen import BuilderScreen
    from stretchdesk.ui.history.history_screen import HistoryScreen
    from stretchdesk.ui.routines.start_screen import StartScreen
    from stretchdesk.ui.session.session_screen import SessionScreen
    from stretchdesk.ui.settings.settings_screen import SettingsScreen
    from stretchdesk.ui.shell.about_screen import AboutScreen


class Screen(StrEnum):
    """A screen's name: also the main window's attribute that holds it (``window.history``)."""

    SAFETY = "safety"
    START = "start"
    PAIN_BEFORE = "pain_before"
    AVOID = "avoid"
    ADVICE = "advice"
    HEALTH = "health"
    SESSION = "session"
    RECOVERY = "recovery"
    COMPLETION = "completion"
    HISTORY = "history"
    SETTINGS = "settings"
    ABOUT = "about"
    BUILDER = "builder"


RESTING = (Screen.START, Screen.HISTORY, Screen.SETTINGS, Screen.ABOUT)


class Screens(dict[Screen, QWidget]):
    """The screens built so far, by name, on the window's stack of pages."""

    def __init__(self, stack: QStackedWidget) -> None:
        super().__init__()
        self._stack = stack

    def add(self, name: Screen, screen: QWidget) -> None:
        self[name] = screen
        self._stack.addWidget(screen)

    @property
    def shown(self) -> Screen | None:
        """The name of the screen showing now (None before the first one)."""
        current = self._stack.currentWidget()
        return next((name for name, screen in self.items() if screen is current), None)

    @property
    def resting(self) -> bool:
        """Nothing is under way: no screen shows yet, or the routines, the history, Settings
        or About."""
        return self.shown is None or self.shown in RESTING

    @property
    def changed(self) -> SignalInstance:
        """Another screen shows (its index on the stack)."""
        return self._stack.currentChanged

    # fmt: off
    @overload
    def if_built(self, name: Literal[Screen.SAFETY]) -> SafetyScreen | None: ...
    @overload
    def if_built(self, name: Literal[Screen.START]) -> StartScreen | None: ...
    @overload
    def if_built(self, name: Literal[Screen.PAIN_BEFORE]) -> PainBeforeScreen | None: ...
    @overload
    def if_built(self, name: Literal[Screen.AVOID]) -> AvoidScreen | None: ...
    @overload
    def if_built(self, name: Literal[Screen.ADVICE]) -> AdviceScreen | None: ...
    @overload
    def if_built(self, name: Literal[Screen.HEALTH]) -> HealthScreen | None: ...
    @overload
    def if_built(self, name: Literal[Screen.SESSION]) -> SessionScreen | None: ...
    @overload
    def if_built(self, name: Literal[Screen.RECOVERY]) -> RecoveryScreen | None: ...
    @overload
    def if_built(self, name: Literal[Screen.COMPLETION]) -> CompletionScreen | None: ...
    @overload
    def if_built(self, name: Literal[Screen.HISTORY]) -> HistoryScreen | None: ...
    @overload
    def if_built(self, name: Literal[Screen.SETTINGS]) -> SettingsScreen | None: ...
    @overload
    def if_built(self, name: Literal[Screen.ABOUT]) -> AboutScreen | None: ...
    @overload
    def if_built(self, name: Literal[Screen.BUILDER]) -> BuilderScreen | None: ...
    @overload
    def if_built(self, name: Screen) -> QWidget | None: ...
    # fmt: on

    def if_built(self, name: Screen) -> QWidget | None:
        """The screen if it has been built, else None (it is not built by asking)."""
        return self.get(name)
