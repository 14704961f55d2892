"""The person's routine files that were not read before the window first showed (large
ones, or those past the first few KiB: ``catalog.QUICK_BYTES``), read on a worker thread
once it has; their cards, or the reasons a file cannot be used, appear when they are read.

A file someone made to be slow to read (deeply nested, a million values) costs at most a
fraction of a second each (routine/tomlfile.py bounds it), and that time is spent here,
never before the first window. Reading is Qt-free (``Services.read_routines``); the window's
thread only takes the result in (``Services.take_routines``, which announces it: the cards
follow).
"""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from stretchdesk.routine.catalog import Loaded

if TYPE_CHECKING:
    from stretchdesk.services import Services
    from stretchdesk.ui.shell.shell import Shell


class LateRoutines(QObject):
    read = Signal(object)  # list[tuple[Path, Loaded]], from the worker thread

    def __init__(self, shell: Shell, then: Callable[[], None]) -> None:
        super().__init__(shell.widget)
        self.shell = shell
        self.then = then
        self.read.connect(self._take)
        services, files = shell.services, list(shell.services.catalog.pending)
        self.worker = threading.Thread(
            target=self._read, args=(services, files), name="stretchdesk routines", daemon=True
        )
        self.worker.start()

    def _read(self, services: Services, files: list[Path]) -> None:
        try:
            found: list[tuple[Path, Loaded]] = services.read_routines(files)
        except Exception:  # read again on the window's thread, where a failure is reported
            found = []
        with contextlib.suppress(RuntimeError):  # the window was closed meanwhile
            self.read.emit(found)

    def _take(self, found: list[tuple[Path, Loaded]]) -> None:
        services = self.shell.services
        try:
            services.take_routines(found)  # the routines screen follows
            services.finish_routines()  # any the worker could not read
        finally:
            self.then()


def read_later(shell: Shell, then: Callable[[], None]) -> None:
    """Read the person's routine files still waiting, if any (once the window shows), and
    then call ``then`` (at once if none were waiting)."""
    if shell.services.catalog.pending:
        LateRoutines(shell, then)  # the window keeps it
    else:
        then()
