"""Telling whoever listens that something changed, without Qt: a list of listeners called
in the order they came. One that fails is turned into a sentence and the others are still
called; one that has something to say returns it."""

from __future__ import annotations

from collections.abc import Callable
from typing import Generic, ParamSpec

P = ParamSpec("P")
Listener = Callable[P, str | None]


class Announcer(Generic[P]):
    def __init__(self, on_failure: Callable[[Exception], str]) -> None:
        """``on_failure``: what a listener's exception becomes (a sentence; written down)."""
        self._listeners: list[Callable[P, str | None]] = []
        self._on_failure = on_failure

    def connect(self, listener: Callable[P, str | None]) -> Callable[[], None]:
        """Listen from now on; returns what stops it."""
        self._listeners.append(listener)
        return lambda: self.disconnect(listener)

    def disconnect(self, listener: Callable[P, str | None]) -> None:
        if listener in self._listeners:
            self._listeners.remove(listener)

    def __len__(self) -> int:
        return len(self._listeners)

    def emit(self, *args: P.args, **kwargs: P.kwargs) -> list[str]:
        """Call every listener; what they said and how any of them failed, in words."""
        said = []
        for listener in list(self._listeners):
            try:
                sentence = listener(*args, **kwargs)
            except Exception as exc:
                sentence = self._on_failure(exc)
            if sentence:
                said.append(sentence)
        return said
