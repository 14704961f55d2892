"""The real app (app.build_window) waiting for routine files sent by a second start, with
every question answered from its standard input, so a test can answer each way:

    python open_child.py DATA_DIR

Prints ``ready PID`` once the window is up, ``dialog TITLE | BUTTON, ...`` when a question
shows, ``answered WORD`` once it has been answered (a line ``add``, ``replace``, ``cancel``
or ``ok`` on standard input presses that button), ``pong`` for a line ``ping`` (the app's
own event loop is alive), and ``routines ID ...`` for a line ``routines``.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QSocketNotifier, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from stretchdesk import app, paths
from stretchdesk.services import Services

BUTTONS = {
    "add": ("Add to my routines",),
    "replace": ("Replace my routine",),
    "cancel": ("Cancel", "&Cancel"),
    "ok": ("OK", "&OK"),
}


def main() -> int:
    services = Services.load(paths.DataPaths(Path(sys.argv[1])))
    window = app.build_window(services, None)
    assert window is not None, "another instance"
    buffer = bytearray()

    def watch() -> None:  # a question shown: say so once
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and not box.property("told"):
            box.setProperty("told", True)
            words = ", ".join(b.text() for b in box.buttons())
            print(f"dialog {box.windowTitle()} | {words}", flush=True)

    def command(line: str) -> None:
        if line == "ping":
            print("pong", flush=True)
        elif line == "routines":
            ids = sorted(r.id for r in window.services.catalog.routines if not r.builtin)
            print("routines " + " ".join(ids), flush=True)
        elif line in BUTTONS:
            box = QApplication.activeModalWidget()
            assert isinstance(box, QMessageBox), f"no question to answer with {line}"
            button = next(b for b in box.buttons() if b.text() in BUTTONS[line])
            button.click()
            print(f"answered {line}", flush=True)

    def readable() -> None:
        chunk = os.read(0, 4096)
        if not chunk:
            notifier.setEnabled(False)
            window.close()
            return
        buffer.extend(chunk)
        while b"\n" in buffer:
            line, _nl, rest = bytes(buffer).partition(b"\n")
            buffer[:] = rest
            command(line.decode())

    notifier = QSocketNotifier(0, QSocketNotifier.Type.Read)
    notifier.activated.connect(readable)
    poll = QTimer()
    poll.timeout.connect(watch)
    poll.start(20)
    window.after_first_paint(lambda: print(f"ready {os.getpid()}", flush=True))
    QTimer.singleShot(600_000, window.close)  # never outlives a stuck test
    code = window.app_exec()
    services.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
