"""How the benchmarks drive and watch the real window: through the questions before a
session, the countdown's lateness as the dial shows it, and stalls of the GUI thread."""

from __future__ import annotations

import time
from typing import Any


def open_session(window: Any, routine_id: str) -> None:
    """Through the questions before a session, as a person going on would answer them (a
    suggestion: go on; an exercise that hurt: as usual)."""
    window.request_start(routine_id)
    for _ in range(10):
        if window.current is window.advice:
            window.advice.go_on.click()
        elif window.current is window.avoid:
            window.avoid.buttons[window.avoid.offer.choices[-1]].click()
        else:
            break
    assert window.current is window.session


def watch_countdown(window: Any) -> list[float]:
    """Record, for each new number the dial shows, how long after the true remaining time
    reached that number it appeared (seconds)."""
    engine = window.session.live.engine
    dial = window.session.dial
    lateness: list[float] = []
    original = dial.set_state
    last_shown = [-1]

    def watched(seconds_shown: int, progress: float, caption: str, *, paused: bool) -> bool:
        changed = original(seconds_shown, progress, caption, paused=paused)
        number_changed = seconds_shown != last_shown[0]
        last_shown[0] = seconds_shown
        if changed and number_changed and engine.state.value == "running":
            view = engine.view()
            if 0 < seconds_shown < view.segment_seconds:
                lateness.append(seconds_shown - view.remaining)
        return bool(changed)

    dial.set_state = watched
    return lateness


def stall_every(window: Any, ms: int) -> None:
    """A timer that blocks the GUI thread 1.5 s every ``ms``: no timers, no paints then."""
    from PySide6.QtCore import QTimer  # noqa: PLC0415 - loaded by the app by now

    stalls = QTimer(window)  # kept by the window
    stalls.timeout.connect(lambda: time.sleep(1.5))
    stalls.start(ms)
