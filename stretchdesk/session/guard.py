"""Telling a deliberate press from an echo of the last one. No Qt.

A double-click on Start lands its second click on whatever replaced Start (the big red
Pain — stop, a pain rating, "It was not pain"), and a double-click or a quickly repeated
Space on Start (Space) would start and at once pause. A RepeatGuard is armed when a press
has just done something; until ``interval`` seconds have passed on the injected clock, a
press of the same kind is an echo and does nothing. Esc is never guarded.
"""

from __future__ import annotations

from stretchdesk.session.clock import Clock, monotonic

DOUBLE_CLICK_SECONDS = 0.4  # the usual desktop double-click interval; the window uses its own


class RepeatGuard:
    def __init__(self, interval: float = DOUBLE_CLICK_SECONDS, clock: Clock = monotonic) -> None:
        self.interval = interval
        self._clock = clock
        self._until: float | None = None

    def arm(self) -> None:
        """A press just did something: echoes of it are ignored for ``interval``."""
        self._until = self._clock() + self.interval

    def disarm(self) -> None:
        """Something deliberate happened (a session started): nothing is an echo now."""
        self._until = None

    @property
    def blocking(self) -> bool:
        if self._until is None:
            return False
        if self._clock() < self._until:
            return True
        self._until = None
        return False

    def admit(self) -> bool:
        """True (and armed again) for a deliberate press; False for an echo."""
        if self.blocking:
            return False
        self.arm()
        return True
