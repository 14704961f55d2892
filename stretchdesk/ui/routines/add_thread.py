"""Adding a routine someone sent, with its pictures, on a thread of its own: the window
goes on meanwhile and hears the result (the file added, or why not in a sentence)."""

from __future__ import annotations

import contextlib
import threading
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from stretchdesk.crashlog import write_crash_log
from stretchdesk.i18n import _
from stretchdesk.routine.mine import Added, AddProblem, Examined, add_to_mine
from stretchdesk.ui.shell.screen_names import Screen


def add_words(found: Examined, folder: Path, adding: Adding | None) -> Added | str:
    """Add the file; the result, or what went wrong in words."""
    from stretchdesk.illustration.sent_pictures import copy_pictures  # noqa: PLC0415 - Pillow

    stopped = adding.stopped if adding is not None else (lambda: False)
    try:
        return add_to_mine(found, folder, lambda b, f, i: copy_pictures(b, f, i, stopped))
    except AddProblem as exc:
        return str(exc)
    except OSError as exc:
        return _("a file could not be copied or written ({reason}).").format(
            reason=exc.strerror or exc
        )


class Adding(QObject):
    """Adding a routine and copying its pictures, on a thread of its own."""

    finished = Signal(object)  # Added, or a sentence saying why it was not added

    def __init__(
        self, found: Examined, folder: Path, screen: Screen | None, crash_log: Path
    ) -> None:
        """``screen``: the one showing when the person chose to add it."""
        super().__init__()
        self.found, self.screen, self._folder = found, screen, folder
        self._crash_log = crash_log
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="stretchdesk-add", daemon=True)

    def start(self) -> None:
        self._thread.start()

    def stopped(self) -> bool:
        return self._stop.is_set()

    def stop(self, wait: float) -> None:
        self._stop.set()
        self._thread.join(wait)

    def _run(self) -> None:
        result: Added | str
        try:
            result = add_words(self.found, self._folder, self)
        except Exception as exc:  # a bug: in the crash log, and said in the window
            write_crash_log(self._crash_log, exc, "adding a routine's pictures")
            result = str(exc)
        with contextlib.suppress(RuntimeError):  # the window has gone: nobody to tell
            self.finished.emit(result)  # to the window's thread, queued
