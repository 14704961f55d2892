"""The real window, moved from screen to screen on command, saying what it shows:

    python a11y_app.py DATA_DIR

Reads one command a line on stdin (``safety``, ``start``, ``session``, ``recovery``,
``history``, ``builder``, ``quit``); after each prints one JSON line: the screen and every text its
labels show (as plain text), for a screen reader's tree to be compared with.
"""

from __future__ import annotations

import json
import os
import sys
import threading
from pathlib import Path
from queue import Empty, Queue

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextDocument
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from stretchdesk import app, i18n, paths
from stretchdesk.services import Services
from stretchdesk.ui.shell.main_window import MainWindow


def shown_texts(screen: QWidget) -> list[str]:
    texts = []
    # labels: their words are what a screen reader must find; a button is found by its name
    # (which says what it does, without the key hint of its caption)
    for widget in screen.findChildren(QLabel):
        if not widget.isVisible() or not widget.visibleRegion().boundingRect().height():
            continue
        text = widget.text()
        if isinstance(widget, QLabel) and widget.textFormat() == Qt.TextFormat.RichText:
            doc = QTextDocument()
            doc.setHtml(text)
            text = doc.toPlainText()
        texts.extend(line.strip() for line in text.replace("&", "").splitlines() if line.strip())
    return texts


def act(window: MainWindow, command: str) -> str:
    if command == "safety":
        window.show_screen(window.safety)
        return "safety"
    if command == "start":
        window.health.skip.click() if window.current is window.health else None
        window.go_start()
        return "start"
    if command == "session":
        window.start.select("quick-relief")
        window.start.start.click()
        if window.current is window.pain_before:
            window.pain_before.scale.skip.click()
        QTest.keyClick(window.session.pause_button, Qt.Key.Key_Space)
        return "session"
    if command == "recovery":
        window.session.pain_stop()
        return "recovery"
    if command == "history":
        window.recovery.done_button.click()
        window.nav_to("history")
        return "history"
    if command == "builder":  # a copy of a routine, a step added, a move refused
        window.go_start()
        window.start.routine_action.emit("copy", "quick-relief")
        window.builder.add_exercise("cat-cow")
        window.builder.move_step(len(window.builder.editor.draft.steps) - 1, 0)
        return "builder"
    return ""


def main() -> int:
    i18n.use(os.environ.get(app.ENV_LANGUAGE, ""))  # as app.main: before the content is read
    services = Services.load(paths.DataPaths(Path(sys.argv[1])))
    window = app.build_window(services, None)
    assert window is not None
    commands: Queue[str] = Queue()
    threading.Thread(
        target=lambda: [commands.put(line.strip()) for line in sys.stdin], daemon=True
    ).start()

    def poll() -> None:
        try:
            command = commands.get_nowait()
        except Empty:
            return
        if command == "quit":
            if "builder" in window.built_screens:
                window.builder.editor.mark_saved()  # let the copy go without a question
            window.close()
            return
        name = act(window, command)
        for _ in range(5):
            QApplication.processEvents()
        current = window.current or window
        print(json.dumps({"screen": name, "texts": shown_texts(current)}), flush=True)

    timer = QTimer(window)
    timer.timeout.connect(poll)
    timer.start(50)
    window.after_first_paint(lambda: print(json.dumps({"ready": True}), flush=True))
    QTimer.singleShot(90_000, window.close)  # never outlives a stuck test
    code = window.app_exec()
    services.close()
    return code


if __name__ == "__main__":
    sys.exit(main())
