"""Reminders while the app runs (in the tray or with its window): one single-shot timer,
armed for what schedule/reminders.py says is next.

Nothing polls. When the timer fires, ``check`` asks ``decide`` again with the wall clock of
that moment, so a late timer (the machine slept: Qt's timers stop during suspend) or a
clock change only shifts when the question is asked, never the answer. The timer is armed
at most 15 minutes ahead, so even without logind a clock change is caught within that; with
logind, waking from suspend (PrepareForSleep false, on the system bus) checks at once.

A reminder is a desktop notification with "Start now" and "Later (30 min)"; without a
notification service, the tray icon's message; without a tray, the window brought forward
with the reminder in its banner. While a session runs, nothing is shown (it is checked
again when the session ends).
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta, tzinfo

from jeepney import Message
from PySide6.QtCore import QObject, QTimer, Signal

from stretchdesk.crashlog import write_crash_log
from stretchdesk.formats import clock
from stretchdesk.i18n import _
from stretchdesk.schedule.days import done_times
from stretchdesk.schedule.reminders import SNOOZE, Remind, Wait, decide
from stretchdesk.schedule.state import ReminderState, load_state, save_state
from stretchdesk.schedule.zone import local_zone
from stretchdesk.services import Services
from stretchdesk.session.plan import routine_seconds
from stretchdesk.ui.desktop.bus import BUS, BUS_PATH, BusConnection, member
from stretchdesk.ui.desktop.notifier import LATER, OPEN, START, DesktopNotifier, Note
from stretchdesk.ui.kit import wording

MAX_WAIT = timedelta(minutes=15)
LOOK_BACK = timedelta(days=3)  # sessions read to see what is done
SYSTEM_BUS = "unix:path=/run/dbus/system_bus_socket"
SYSTEM_BUS_VARIABLE = "DBUS_SYSTEM_BUS_ADDRESS"
LOGIN1 = "org.freedesktop.login1"


@dataclass(frozen=True)
class Shown:
    """What was shown last, for the tests and the window: the note and how."""

    note: Note
    routine_id: str
    how: str  # "notification", "tray" or "window"


class ReminderClock(QObject):
    start_requested = Signal(str)  # a routine id: "Start now"
    open_requested = Signal(str)  # the notification itself was clicked: its routine's id
    fallback = Signal(object)  # a Note the notification service could not show
    shown = Signal(object)  # Shown

    def __init__(
        self,
        services: Services,
        notifier: DesktopNotifier,
        busy: Callable[[], bool],
        *,
        zone: tzinfo | None = None,
        system_bus: str | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.notifier = notifier
        self.zone = zone or local_zone()
        self._busy = busy
        loaded = load_state(services.data.reminders, services.wall())
        self.state = loaded.state
        self.problems = loaded.problems  # what of reminders.json could not be used
        self.last: Shown | None = None
        self._routine_id = ""
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.check)
        self.next_check: datetime | None = None  # when the timer is meant to fire (UTC)
        notifier.action.connect(self._action)
        notifier.failed.connect(self._notify_failed)
        self._pending: Note | None = None
        self._login = self._watch_sleep(system_bus)

    def _watch_sleep(self, address: str | None) -> BusConnection | None:
        if address == "":
            return None
        bus = BusConnection(address or os.environ.get(SYSTEM_BUS_VARIABLE) or SYSTEM_BUS, self)
        rule = f"type='signal',sender='{LOGIN1}',member='PrepareForSleep'"
        bus.call(BUS, BUS_PATH, BUS, "AddMatch", signature="s", body=(rule,))
        bus.signal.connect(self._sleep_signal)
        return bus

    def _sleep_signal(self, message: Message) -> None:
        body = message.body
        if member(message) == "PrepareForSleep" and body and body[0] is False:
            self.check()  # woke up: whatever was missed, at most one reminder

    # ------------------------------------------------------------------ the rule, asked again
    def check(self) -> None:
        """Ask the schedule what to do now, do it, and arm the timer for the next question."""
        self.timer.stop()
        self.next_check = None
        prefs = self.services.prefs
        routine = self.services.reminder_routine()
        if not prefs.reminders or routine is None:
            self.notifier.close()
            return
        now = self.services.wall()
        done = done_times(self.services.sessions_since(now - LOOK_BACK), routine.id)
        decision = decide(
            prefs.reminder_rules(),
            self.zone,
            now,
            done,
            shown=self.state.shown,
            snoozed_until=self.state.snoozed_until,
        )
        if isinstance(decision, Remind):
            if self._busy():
                return  # checked again when the session ends
            self._remind(decision, routine.id, routine.title, now)
            decision = decide(
                prefs.reminder_rules(), self.zone, now, done, shown=now, snoozed_until=None
            )
        assert isinstance(decision, Wait)
        if decision.until is not None:
            self._arm(decision.until, now)

    def _arm(self, until: datetime, now: datetime) -> None:
        wait = min(max(until - now, timedelta(0)), MAX_WAIT)
        self.next_check = now + wait
        self.timer.start(int(wait.total_seconds() * 1000) + 50)  # a little after, never before

    def _remind(self, due: Remind, routine_id: str, title: str, now: datetime) -> None:
        routine = self.services.catalog.get(routine_id)
        seconds = routine_seconds(routine, self.services.prefs.session_settings()) if routine else 0
        body = _("{title}, {minutes}.").format(title=title, minutes=wording.minutes(seconds))
        if due.late:
            body += " " + _("(It was due at {time}.)").format(time=clock(due.slot.time))
        snooze_minutes = int(SNOOZE.total_seconds() // 60)
        note = Note(
            _("Time for your back exercises"),
            body,
            (
                (START, _("Start now")),
                (LATER, _("Later ({minutes} min)").format(minutes=snooze_minutes)),
                (OPEN, _("Open stretchdesk")),  # the notification itself clicked
            ),
        )
        self._routine_id = routine_id
        self._pending = note
        self._save(ReminderState(shown=now, snoozed_until=None))
        self.notifier.show(note)
        self.last = Shown(note, routine_id, "notification")
        self.shown.emit(self.last)

    def _notify_failed(self, reason: str) -> None:
        note, self._pending = self._pending, None
        if note is not None:
            self.last = Shown(note, self._routine_id, "fallback")
            self.fallback.emit(note)

    # ------------------------------------------------------------------ answers
    def _action(self, key: str) -> None:
        if key == START:
            self.start_now()
        elif key == LATER:
            self.later()
        elif key == OPEN:
            self.notifier.close()
            routine = self.services.reminder_routine()
            self.open_requested.emit(self._routine_id or (routine.id if routine else ""))

    def start_now(self) -> None:
        self.notifier.close()
        self._save(replace(self.state, snoozed_until=None))
        routine = self.services.reminder_routine()
        if routine is not None:
            self.start_requested.emit(self._routine_id or routine.id)

    def later(self) -> None:
        """Ask again in 30 minutes."""
        self.notifier.close()
        now = self.services.wall()
        self._save(replace(self.state, snoozed_until=now + SNOOZE))
        self.check()

    def session_changed(self) -> None:
        """A session started or ended: a notification still up is out of date."""
        self.notifier.close()
        self.check()

    def _save(self, state: ReminderState) -> None:
        self.state = state
        try:
            save_state(self.services.data.reminders, state)
        except OSError as exc:  # kept in memory; at worst a restart repeats one reminder
            write_crash_log(self.services.data.crash_log, exc, "saving the reminders' state")

    def close(self) -> None:
        self.timer.stop()
        self.notifier.close()
        if self._login is not None:
            self._login.close()
