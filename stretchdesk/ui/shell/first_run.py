"""The order of the first run: the safety screen, then (once) the health questions, then the
routine asked for with ``--routine`` or the routines. Settings opens the questions again."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from stretchdesk.ui.shell.screen_names import Screen

if TYPE_CHECKING:
    from stretchdesk.routine import Routine
    from stretchdesk.session.health import Answer
    from stretchdesk.ui.shell.main_window import MainWindow


class FirstRun:
    """Where the window goes once the safety screen or the health questions are done."""

    def __init__(self, window: MainWindow) -> None:
        self.window = window
        self.pending_routine: str | None = None  # --routine, once the safety screen is read

    def open_routine(self, routine: Routine) -> None:
        """``--routine`` (an id or a file): straight to that routine's session, through the
        usual questions; after the safety screen if it has not been read yet."""
        window = self.window
        window.services.add_routine(routine)  # the routines screen follows
        window.start.select(routine.id)
        if window.screens.shown in (Screen.SAFETY, Screen.HEALTH):
            self.pending_routine = routine.id
        else:
            window.request_start(routine.id)

    def safety_understood(self) -> None:
        window = self.window
        if not window.services.prefs.safety_seen:
            window.apply_prefs(replace(window.services.prefs, safety_seen=True))
        if not window.services.prefs.health_asked:
            self.ask_health()  # once, on the first run; Settings opens it again
            return
        self._after_first_run()

    def ask_health(self) -> None:
        self.window.health.show_answers(self.window.services.prefs.health_answers())
        self.window.show_screen(self.window.health)

    def health_answered(self, answers: frozenset[Answer] | None) -> None:
        """Saved (or skipped: nothing changes but it is not asked again)."""
        window = self.window
        prefs = window.services.prefs
        window.apply_prefs(
            prefs.with_health(answers) if answers is not None else replace(prefs, health_asked=True)
        )
        settings = window.screens.if_built(Screen.SETTINGS)
        if settings is not None:
            window.show_screen(settings)
            return
        self._after_first_run()

    def _after_first_run(self) -> None:
        pending, self.pending_routine = self.pending_routine, None
        if pending is not None:
            self.window.request_start(pending)
        else:
            self.window.go_start()
