"""The real app (app.build_window: services, theme, sound, single instance, main window)
running a short routine on the real clock until it is killed or the routine ends.

    python app_child.py DATA_DIR [ROUTINE_FILE] [--report]

Prints ``ready PID`` once the window is up, ``step POSITION`` after each finished step was
committed (the recorder listens before this printer), and ``done`` at the end. Lead-ins
and rests are shortened so that a kill lands anywhere in a session within seconds.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QTimer

from stretchdesk import app, paths
from stretchdesk.routine import RoutineError, resolve_routine
from stretchdesk.services import Services
from stretchdesk.session import SessionSettings
from stretchdesk.session.events import Event, SessionCompleted, StepFinished
from stretchdesk.settings import Preferences
from stretchdesk.ui.desktop.single_instance import SingleInstance
from stretchdesk.ui.shell.main_window import MainWindow

FAST = SessionSettings(lead_in=0.4, position_change_lead_in=0.4, rest_between=0.3, switch_sides=0.3)


def report(window: MainWindow) -> None:
    """What the window tells the person, one line each."""
    for message in window.banner.messages:
        print(f"banner {message}", flush=True)
    for card in window.start.broken_cards:
        print(f"broken {card.accessibleName()}: {card.accessibleDescription()}", flush=True)
    print(f"sound {window.settings.sound_status.text()}", flush=True)
    print(f"voice {window.settings.voice_status.text()}", flush=True)


def main() -> int:
    args = [a for a in sys.argv[1:] if a != "--report"]
    reporting = "--report" in sys.argv
    data = paths.DataPaths(Path(args[0]))
    Preferences.session_settings = lambda self: FAST  # type: ignore[method-assign]
    services = Services.load(data)
    routine = None
    if len(args) > 1:
        try:
            routine = resolve_routine(args[1], services.catalog, services.library)
        except RoutineError as exc:
            print(exc, file=sys.stderr)
            return 1
    window = app.build_window(services, routine)
    if window is None:
        print("another instance", flush=True)
        return 0
    instance = window.findChild(SingleInstance)
    assert instance is not None

    def woken() -> None:
        print("to front", flush=True)
        window.bring_to_front()

    instance.on_wake(woken)

    def printer(event: Event) -> None:
        if isinstance(event, StepFinished):
            print(f"step {event.position}", flush=True)
        elif isinstance(event, SessionCompleted):
            print("done", flush=True)
            report(window)
            QTimer.singleShot(0, window.close)

    def begin() -> None:
        if routine is not None:  # build_window opened it, as --routine does
            if window.current is window.pain_before:
                window.flow.pain_answered(None)
            assert window.current is window.session, "the session did not open"
            assert window.session.live is not None
            window.session.live.engine.add_listener(printer)
            window.session.pause_button.click()  # Start
        print(f"ready {os.getpid()}", flush=True)
        if reporting and routine is None:
            report(window)
            window.close()

    def when_ready() -> None:  # sound and voice come just after the first paint
        if window.audio is None:
            QTimer.singleShot(20, when_ready)
        else:
            begin()

    QTimer.singleShot(0, when_ready)
    code = window.app_exec()
    services.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
