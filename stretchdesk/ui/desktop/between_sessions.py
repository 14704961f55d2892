"""Between sessions: the reminders, the tray icon, staying in the tray when the window is
closed, and the reminders offer after the first completed session (the entry for starting at
login follows its setting in autostart.py).

The main window keeps a ``between`` (made by app.py after the first paint, or by a test)
and tells it when a session starts or ends; it follows the settings itself. The rules are in
schedule/ (no Qt); this only wires them to the desktop.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, tzinfo
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject

from stretchdesk.i18n import N_, _
from stretchdesk.schedule.days import next_words
from stretchdesk.schedule.zone import local_zone
from stretchdesk.services import Services
from stretchdesk.settings import Preferences
from stretchdesk.ui.desktop.notifier import DesktopNotifier, Note
from stretchdesk.ui.desktop.reminder_clock import ReminderClock
from stretchdesk.ui.desktop.tray import Tray
from stretchdesk.ui.kit.follow import follow
from stretchdesk.ui.routines.routine_actions import may_leave
from stretchdesk.ui.shell.screen_names import Screen

if TYPE_CHECKING:
    from stretchdesk.ui.shell.shell import Shell

TRAY_NOTE = N_(
    "stretchdesk is still running in the tray, to remind you. Quit from the tray icon's menu."
)


class BetweenSessions(QObject):
    def __init__(
        self,
        shell: Shell,
        *,
        bus: str | None = None,
        system_bus: str | None = None,
        zone: tzinfo | None = None,
        tray: bool | None = None,
    ) -> None:
        super().__init__(shell.widget)
        self.shell = shell
        self.zone = zone or local_zone()
        self.notifier = DesktopNotifier(bus, self)
        self.clock = ReminderClock(
            shell.services,
            self.notifier,
            shell.session_running,
            zone=self.zone,
            system_bus=system_bus,
            parent=self,
        )
        self.clock.start_requested.connect(self.start_routine)
        self.clock.open_requested.connect(self.open_reminder)
        self.clock.fallback.connect(self._fallback)
        if self.clock.problems:
            shell.tell(
                _("What the reminders last did could not all be read; at worst one comes again."),
                details=self.clock.problems,
            )
        use_tray = Tray.available() if tray is None else tray
        self.tray = Tray(shell.widget.windowIcon(), self) if use_tray else None
        if self.tray is not None:
            self.tray.start_requested.connect(self._start_from_tray)
            self.tray.open_requested.connect(shell.bring_to_front)
            self.tray.reminders_toggled.connect(self._toggle_reminders)
            self.tray.quit_requested.connect(shell.quit_for_good)
            self.tray.show()
        self.refresh()
        self.clock.check()
        follow(shell.services.settings.changed, self, self.prefs_changed)

    # ------------------------------------------------------------------ what the window asks
    def today_words(self) -> str:
        return self.shell.services.today_words(self.zone)

    def keep_running(self) -> bool:
        """Closing the window leaves the app in the tray: reminders on, and a tray to be in."""
        return self.tray is not None and self.shell.services.prefs.reminders

    def window_hidden(self) -> None:
        """Said once: the app is still there, in the tray."""
        prefs = self.shell.services.prefs
        if self.tray is not None and not prefs.tray_note_shown:
            self.tray.message("stretchdesk", _(TRAY_NOTE))
            self.shell.apply_prefs(replace(prefs, tray_note_shown=True))

    def session_changed(self) -> None:
        """A session started or ended: a notification still up is out of date."""
        self.clock.session_changed()
        self.refresh()

    def recheck(self) -> None:
        self.clock.check()
        self.refresh()

    def prefs_changed(self, _old: Preferences, _new: Preferences) -> None:
        """Re-plan the reminders, and show them in the tray."""
        self.clock.check()
        self.refresh()

    def refresh(self) -> None:
        if self.tray is not None:
            routine = self.shell.services.reminder_routine()
            self.tray.update(
                routine.title if routine else None,
                self.shell.services.prefs.reminders,
                self.today_words(),
            )

    def close(self) -> None:
        self.clock.close()
        if self.tray is not None:
            self.tray.hide()

    # ------------------------------------------------------------------ answers
    def start_routine(self, routine_id: str) -> None:
        """ "Start now": the window forward, and the routine's first question or its session."""
        shell = self.shell
        shell.bring_to_front()
        if shell.session_running():
            return
        if not shell.services.prefs.safety_seen:
            shell.show_screen(Screen.SAFETY)
            return
        if may_leave(shell):  # a routine being made, unsaved: asked first
            shell.request_start(routine_id)

    def open_reminder(self, routine_id: str) -> None:
        """The notification clicked: the window forward, with the reminder's routine chosen
        (unless the person is in the middle of something)."""
        shell = self.shell
        shell.bring_to_front()
        if shell.session_running() or not shell.screens.resting:
            return
        shell.go_start(routine_id)

    def _start_from_tray(self) -> None:
        routine = self.shell.services.reminder_routine()
        if routine is not None:
            self.start_routine(routine.id)

    def _toggle_reminders(self, on: bool) -> None:
        shell = self.shell
        shell.apply_prefs(replace(shell.services.prefs, reminders=on))  # Settings follows

    def _fallback(self, note: Note) -> None:
        """No notification service: the tray's message, else the window itself."""
        if self.tray is not None:
            self.tray.message(note.summary, note.body)
            return
        shell = self.shell
        idle = shell.screens.resting or not shell.widget.isVisible()
        routine = shell.services.reminder_routine()
        if idle and not shell.session_running():  # never pulled away from a question
            shell.go_start(routine.id if routine is not None else None)
        hint = (
            _("Press Enter to start.")
            if shell.screens.shown is Screen.START
            else _("Start it from Routines when you are ready.")
        )
        shell.tell(f"{note.summary}: {note.body} {hint}")
        shell.bring_to_front()


def reminders_status(services: Services, between: BetweenSessions | None) -> str:
    """The Settings line under the reminders: the next one, and how it will come."""
    prefs = services.prefs
    if not prefs.reminders:
        return _("Reminders are off.")
    zone = between.zone if between is not None else local_zone()
    words = next_words(prefs.reminder_rules(), zone, services.wall())
    routine = services.reminder_routine()
    if routine is not None and words.endswith("."):
        words = _("{when}, for {title}.").format(when=words[:-1], title=routine.title)
    if between is None:
        return words + " " + _("Reminders come while stretchdesk is running.")
    if between.tray is None:
        no_tray = _(
            "This desktop shows no tray icons: reminders come while stretchdesk's window is open."
        )
        return f"{words} {no_tray}"
    return words + " " + _("Closing the window keeps stretchdesk in the tray to remind you.")


def offer_answer(prefs: Preferences, yes: bool, routine_id: str, today: date) -> Preferences:
    """The reminders offer answered: asked once; yes turns reminders on for this routine,
    morning and evening, and starts a plan of every day for the default weeks."""
    if not yes:
        return replace(prefs, reminder_offered=True)
    return replace(
        prefs,
        reminder_offered=True,
        reminders=True,
        reminder_routine=routine_id,
        reminder_times=Preferences().reminder_times,
        plan_start=prefs.plan_start or today.isoformat(),
    )
