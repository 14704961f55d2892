"""The real app (app.build_window) on a real display, telling where its window and buttons
are, for a test that checks they are on the screen:

    python window_fit_app.py DATA_DIR [SCREENSHOT.png]

Prints ``screen X Y W H`` (the available area), ``window X Y W H`` and ``start X Y W H`` once
the window is painted, then opens a session and, once the window has stopped changing,
prints ``session FULL`` (1 or 0), ``window ...``, ``pause ...`` and ``pain ...``, saves a
screenshot of the whole screen if asked, and ends.
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QPoint, QRect, QTimer
from PySide6.QtWidgets import QWidget

from stretchdesk import app, paths
from stretchdesk.services import Services
from stretchdesk.ui.shell.main_window import MainWindow


def where(widget: QWidget) -> str:
    corner = widget.mapToGlobal(QPoint(0, 0))
    return f"{corner.x()} {corner.y()} {widget.width()} {widget.height()}"


def box(rect: QRect) -> str:
    return f"{rect.x()} {rect.y()} {rect.width()} {rect.height()}"


class Watch:
    def __init__(self, window: MainWindow, shot: str | None) -> None:
        self.window = window
        self.shot = shot
        self.last: tuple[int, int, int, int] | None = None
        self.same = 0
        self.timer = QTimer(window)
        self.timer.setInterval(100)
        self.timer.timeout.connect(self.look)

    def painted(self) -> None:
        self.timer.start()

    def settled(self) -> bool:
        """Half a second without a change of the window's frame: the window manager is done."""
        frame = self.window.frameGeometry()
        now = (frame.x(), frame.y(), frame.width(), frame.height())
        self.same = self.same + 1 if now == self.last else 0
        self.last = now
        return self.same >= 5

    def look(self) -> None:
        window = self.window
        on_session = window.current is window.built_screens.get("session")
        if not self.settled():
            return
        if not on_session:
            print(f"screen {box(window.screen().availableGeometry())}", flush=True)
            print(f"window {box(window.frameGeometry())}", flush=True)
            print(f"start {where(window.start.start)}", flush=True)
            self.same = 0
            window.start.start.click()
            return
        self.timer.stop()
        print(f"session {int(window.isFullScreen())}", flush=True)
        print(f"window {box(window.frameGeometry())}", flush=True)
        print(f"pause {where(window.session.pause_button)}", flush=True)
        print(f"pain {where(window.session.pain_button)}", flush=True)
        if self.shot:
            window.screen().grabWindow(0).save(self.shot)
        window.close()


def main() -> int:
    services = Services.load(paths.DataPaths(Path(sys.argv[1])))
    window = app.build_window(services, None)
    assert window is not None
    watch = Watch(window, sys.argv[2] if len(sys.argv) > 2 else None)
    window.after_first_paint(watch.painted)
    QTimer.singleShot(60_000, window.close)  # never outlives a stuck test
    code = window.app_exec()
    services.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
