"""After a session: the recovery screen after a stop, the completion screen (with the
reminders offer, once) after the end was reached."""

from __future__ import annotations

from typing import TYPE_CHECKING

from stretchdesk.services import LiveSession
from stretchdesk.session import StopReason
from stretchdesk.session import events as ev

if TYPE_CHECKING:
    from stretchdesk.ui.main_window import MainWindow


def show_ending(
    window: MainWindow, live: LiveSession, event: ev.SessionCompleted | ev.SessionStopped
) -> None:
    if isinstance(event, ev.SessionStopped):
        window.recovery.show_stop(
            live.recorder if event.reason is StopReason.PAIN else None,
            event.location,
        )
        window.show_screen(window.recovery)
        return
    services = window.services
    window.completion.show_summary(
        live.recorder,
        title=live.routine.title,
        active_seconds=event.active_seconds,
        total_seconds=event.at - live.started_at if live.started_at is not None else 0.0,
        entries=live.engine.agenda(),
        streak_days=services.streak_days(window.today()),
        pain_before=window.flow.setup.pain_before if window.flow.setup else None,
        ask_pain=services.prefs.pain_ratings,
    )
    window.completion.show_offer(not services.prefs.reminder_offered)
    window.show_screen(window.completion)
