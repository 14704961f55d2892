"""After a session: the recovery screen after a stop, the completion screen (with the
reminders offer, once) after the end was reached."""

from __future__ import annotations

from typing import TYPE_CHECKING

from stretchdesk.crashlog import write_crash_log
from stretchdesk.i18n import _
from stretchdesk.services import LiveSession
from stretchdesk.session import StopReason
from stretchdesk.session import events as ev
from stretchdesk.ui.shell.screen_names import Screen

if TYPE_CHECKING:
    from stretchdesk.ui.shell.shell import Shell


def show_ending(
    shell: Shell,
    live: LiveSession,
    event: ev.SessionCompleted | ev.SessionStopped,
    pain_before: int | None,
) -> bool:
    """The recovery or completion screen (``pain_before``: the rating given before the
    session, if one was). If that fails, say so (the details in the crash log) and return
    False: the caller goes to the routines, never staying on a dead session screen."""
    try:
        _show_ending(shell, live, event, pain_before)
    except Exception as exc:
        log = write_crash_log(shell.services.data.crash_log, exc, "showing the session's end")
        where = " " + _("The details are in {path}.").format(path=log) if log else ""
        shell.tell(
            _(
                "The session ended and was saved, but the next screen could not be shown "
                "({reason})."
            ).format(reason=exc)
            + where,
            error=True,
        )
        return False
    return True


def _show_ending(
    shell: Shell,
    live: LiveSession,
    event: ev.SessionCompleted | ev.SessionStopped,
    pain_before: int | None,
) -> None:
    if isinstance(event, ev.SessionStopped):
        shell.recovery.show_stop(
            live.recorder if event.reason is StopReason.PAIN else None,
            event.location,
        )
        shell.show_screen(Screen.RECOVERY)
        return
    services = shell.services
    shell.completion.show_summary(
        live.recorder,
        title=live.routine.title,
        active_seconds=event.active_seconds,
        total_seconds=event.at - live.started_at if live.started_at is not None else 0.0,
        entries=live.engine.agenda(),
        streak_days=services.streak_days(shell.today()),
        pain_before=pain_before,
        ask_pain=services.prefs.pain_ratings,
    )
    shell.completion.show_offer(not services.prefs.reminder_offered)
    shell.show_screen(Screen.COMPLETION)


def answer_offer(shell: Shell, yes: bool) -> None:
    """The reminders offer after the first completed session."""
    from stretchdesk.ui.desktop.between_sessions import offer_answer  # noqa: PLC0415

    session = shell.screens.if_built(Screen.SESSION)
    live = session.live if session is not None else None
    routine = live.routine.id if live is not None else ""
    shell.apply_prefs(offer_answer(shell.services.prefs, yes, routine, shell.today()))
