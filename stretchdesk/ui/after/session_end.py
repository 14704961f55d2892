"""After a session: the recovery screen after a stop, the completion screen (with the
reminders offer, once) after the end was reached."""

from __future__ import annotations

from typing import TYPE_CHECKING

from stretchdesk.services import LiveSession
from stretchdesk.session import StopReason
from stretchdesk.session import events as ev

if TYPE_CHECKING:
    from stretchdesk.ui.shell.main_window import MainWindow


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


def answer_offer(window: MainWindow, yes: bool) -> None:
    """The reminders offer after the first completed session."""
    from stretchdesk.ui.desktop.between_sessions import offer_answer  # noqa: PLC0415

    live = window.session.live if "session" in window.built_screens else None
    routine = live.routine.id if live is not None else ""
    window.apply_prefs(offer_answer(window.services.prefs, yes, routine, window.today()))
