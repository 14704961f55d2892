"""The person's routines folder, watched while the app runs: a routine file put there (copied
by hand, synced from another computer) shows on the routines screen without a restart, and
one taken away goes.

A change is waited out (a copy comes in several writes) and the folder is read again on a
thread of its own: a large or broken file there never costs the window any time. The new
list replaces the old one on the window's thread, keeping the routine chosen and the focus.
"""

from __future__ import annotations

import contextlib
import threading
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from stretchdesk.crashlog import write_crash_log
from stretchdesk.routine import Catalog

if TYPE_CHECKING:
    from stretchdesk.ui.shell.shell import Shell

SETTLE_MS = 500  # no change for this long: the files are written


class RoutineFolder(QObject):
    read = Signal(object)  # the Catalog read on the thread

    def __init__(self, shell: Shell) -> None:
        super().__init__(shell.widget)
        self.shell = shell
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(self._changed)
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self._read)
        self._reading = False
        self._again = False
        self.read.connect(self._use)  # a bound method: delivered on the window's thread
        self._watch()

    def _watch(self) -> None:
        """The folder, and the one above it until the folder has been made."""
        folder = self.shell.services.data.routines
        wanted = [p for p in (folder, folder.parent) if p.is_dir()]
        watched = set(self._watcher.directories())
        missing = [str(p) for p in wanted if str(p) not in watched]
        if missing:
            self._watcher.addPaths(missing)

    def _changed(self, _path: str) -> None:
        self._settle.start()  # (again): read once the writing has stopped

    def _read(self) -> None:
        self._watch()
        if self._reading:
            self._again = True  # read again when this reading is done
            return
        self._reading = True
        threading.Thread(target=self._run, name="stretchdesk-routines", daemon=True).start()

    def _run(self) -> None:
        services = self.shell.services
        try:
            catalog: Catalog | None = services.read_catalog()
        except Exception as exc:  # a bug: in the crash log; the list stays as it was
            write_crash_log(services.data.crash_log, exc, "reading the routines folder")
            catalog = None
        with contextlib.suppress(RuntimeError):  # the window has gone
            self.read.emit(catalog)

    def _use(self, catalog: Catalog | None) -> None:
        self._reading = False
        services = self.shell.services
        if catalog is not None:
            # announced only if it changed (the app's own saves come here too, already
            # shown: the cards are not made again under the person's pointer for nothing)
            services.use_routines(catalog)
        if self._again:
            self._again = False
            self._settle.start()
