"""Event delivery for the engine, in named stages, each listener isolated from the others.

Events queue up while an engine call runs and go out at its end, so a listener never sees
the engine half-way through a change. Every event goes first to the SILENCE listeners
(sound and voice), then to RECORD (the history), then to SHOW (the window), whatever order
they were added in: a pain-stop is silenced, then saved, then shown. A listener that raises
is reported to ``on_listener_error`` and delivery goes on to the next listener and the next
stage, so a failing speech engine can never keep a pain-stop from being saved or shown.
With nobody to report to (a bare engine in a test or a tool), every listener still hears
every event and the first failure is raised once delivery is over.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import IntEnum

from stretchdesk.i18n import N_, _
from stretchdesk.session.events import Event

Listener = Callable[[Event], None]


class Stage(IntEnum):
    """Who hears an event, in this order."""

    SILENCE = 0  # sound and voice: stop or play before anything slower happens
    RECORD = 1  # the history: written before anything is shown
    SHOW = 2  # the window

    @property
    def doing(self) -> str:
        """What this stage was doing, for a message: "saving the session"."""
        return _(_DOING[self])


_DOING = {
    Stage.SILENCE: N_("playing or silencing the sound and voice"),
    Stage.RECORD: N_("saving the session to the history"),
    Stage.SHOW: N_("showing the session"),
}


@dataclass(frozen=True)
class ListenerFailure:
    """A listener raised while hearing ``event``; the others still heard it."""

    stage: Stage
    event: Event
    error: Exception


FailureSink = Callable[[ListenerFailure], None]


class Emitter:
    def __init__(self) -> None:
        self._listeners: dict[Stage, list[Listener]] = {stage: [] for stage in Stage}
        self._outbox: list[Event] = []
        self.on_listener_error: FailureSink | None = None

    def add_listener(self, listener: Listener, stage: Stage = Stage.SHOW) -> None:
        self._listeners[stage].append(listener)

    def _emit(self, event: Event) -> None:
        self._outbox.append(event)

    def _flush(self) -> None:
        unreported: list[ListenerFailure] = []
        while self._outbox:
            batch, self._outbox = self._outbox, []
            for event in batch:
                for stage in Stage:
                    for listener in list(self._listeners[stage]):
                        try:
                            listener(event)
                        except Exception as exc:  # isolated: the next listener still hears
                            if not self._report(ListenerFailure(stage, event, exc)):
                                unreported.append(ListenerFailure(stage, event, exc))
        if unreported:
            raise unreported[0].error

    def _report(self, failure: ListenerFailure) -> bool:
        sink = self.on_listener_error
        if sink is None:
            return False
        try:
            sink(failure)
        except Exception:  # the reporter itself failed; the failure is still contained
            return True
        return True
