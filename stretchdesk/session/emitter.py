"""Event delivery for the engine: events queue up while a call runs and go out at its end,
so a listener never sees the engine half-way through a change."""

from __future__ import annotations

from collections.abc import Callable

from stretchdesk.session.events import Event

Listener = Callable[[Event], None]


class Emitter:
    def __init__(self) -> None:
        self._listeners: list[Listener] = []
        self._outbox: list[Event] = []

    def add_listener(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def remove_listener(self, listener: Listener) -> None:
        self._listeners.remove(listener)

    def _emit(self, event: Event) -> None:
        self._outbox.append(event)

    def _flush(self) -> None:
        while self._outbox:
            batch, self._outbox = self._outbox, []
            for event in batch:
                for listener in list(self._listeners):
                    listener(event)
