"""The real app (app.build_window) on a real display, saying what happens so a test driving
it with the mouse and keyboard can follow:

    python app_on_screen.py DATA_DIR

Prints ``start X Y`` (the centre of Start, in screen pixels) once the window is painted,
``screen NAME`` at every change of screen, ``pause X Y`` and ``pain X Y`` when a session
screen shows, and ``started`` / ``paused`` / ``resumed`` / ``stopped`` as the session does.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QPoint, QTimer
from PySide6.QtWidgets import QWidget

from stretchdesk import app, paths
from stretchdesk.services import Services
from stretchdesk.session import events as ev
from stretchdesk.ui.shell.main_window import MainWindow

SESSION_WORDS = {
    ev.SessionStarted: "started",
    ev.Paused: "paused",
    ev.Resumed: "resumed",
    ev.SessionStopped: "stopped",
}


def centre(widget: QWidget) -> str:
    point = widget.mapToGlobal(QPoint(widget.width() // 2, widget.height() // 2))
    return f"{point.x()} {point.y()}"


def follow(window: MainWindow) -> None:
    names = {id(w): name for name, w in window.built_screens.items()}

    def changed(index: int) -> None:
        screen = window.stack.widget(index)
        names.update({id(w): name for name, w in window.built_screens.items()})
        print(f"screen {names.get(id(screen), '?')}", flush=True)
        if screen is window.built_screens.get("session") and window.session.live is not None:
            print(f"pause {centre(window.session.pause_button)}", flush=True)
            print(f"pain {centre(window.session.pain_button)}", flush=True)

            def told(event: ev.Event) -> None:
                word = SESSION_WORDS.get(type(event))
                if word:
                    print(word, flush=True)

            window.session.live.engine.add_listener(told)

    window.stack.currentChanged.connect(changed)


def main() -> int:
    services = Services.load(paths.DataPaths(Path(sys.argv[1])))
    window = app.build_window(services, None)
    assert window is not None
    follow(window)
    window.after_first_paint(lambda: print(f"start {centre(window.start.start)}", flush=True))
    QTimer.singleShot(60_000, window.close)  # never outlives a stuck test
    code = window.app_exec()
    services.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
