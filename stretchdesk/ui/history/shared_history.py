"""The history shared with the person's other computers, kept in step while the app runs:
a pass over the sync folder (history/sync/) after the window's first paint, when the folder
changes, and every minute. Each pass runs on a thread of its own with its own connection
to the history, so a first import of years never costs the window any time. Files that
cannot be read yet are named in one line of the banner (they are tried again at the next
pass); sessions from another computer refresh what the window shows of the history.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from stretchdesk.crashlog import write_crash_log
from stretchdesk.i18n import _, ngettext
from stretchdesk.ui.kit.follow import follow

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from stretchdesk.history.sync import SyncFolder, SyncReport
    from stretchdesk.history.sync.routines import RoutineSharing
    from stretchdesk.services import Services
    from stretchdesk.settings import Preferences
    from stretchdesk.ui.shell.banner import Banner

EVERY_MS = 60_000  # a pass at least this often
SETTLE_MS = 1_000  # the folder has not changed for this long: the engine has written


class SharedHistory(QObject):
    done = Signal(object)  # the SyncReport of a pass, or why it failed
    history_changed = Signal()  # sessions or changes came from another computer
    status_changed = Signal(str)  # one line for Settings: shared, up to date, or why not

    def __init__(self, parent: QWidget, services: Services, banner: Banner) -> None:
        super().__init__(parent)
        self.services = services
        self.banner = banner
        self.sync: SyncFolder | None = None
        self._skipped_line: str | None = None
        self.last_status = ""
        self._problem: str | None = None  # the last pass's failure, in the banner
        self._running = False
        self._again = False
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.setInterval(SETTLE_MS)
        self._settle.timeout.connect(self.run)
        self._watcher = QFileSystemWatcher(self)
        self._watcher.directoryChanged.connect(lambda _path: self._settle.start())
        self._every = QTimer(self)
        self._every.setInterval(EVERY_MS)
        self._every.timeout.connect(self.run)
        self.done.connect(self._finished)  # a bound method: delivered on the window's thread
        self.follow(services.prefs.sync_folder)
        follow(services.settings.changed, self, self._prefs_changed)

    def _prefs_changed(self, old: Preferences, new: Preferences) -> None:
        if old.sync_folder != new.sync_folder:
            self.follow(new.sync_folder)

    def follow(self, folder: str) -> None:
        """Share through ``folder`` from now on ("": stop; what came is kept)."""
        wanted = Path(folder).expanduser() if folder else None
        if self.sync is not None and wanted == self.sync.folder:
            return
        self.sync = None
        self._every.stop()
        with contextlib.suppress(RuntimeError):
            if self._watcher.directories():
                self._watcher.removePaths(self._watcher.directories())
        self._say_skipped([])
        if self._problem is not None:
            self.banner.remove(self._problem)
            self._problem = None
        if wanted is None:
            self._status("")
            return
        from stretchdesk.history.sync import SyncFolder  # noqa: PLC0415 - only when shared

        try:
            self.sync = SyncFolder(wanted, self.services.data.history.parent)
        except OSError as exc:
            self._status(_("The history cannot be shared: {reason}.").format(reason=exc.strerror))
            return
        self._every.start()
        self.run()

    def run(self) -> None:
        if self.sync is None or self.services.store is None:
            return
        if self._running:
            self._again = True
            return
        self._running = True
        self._watch()
        data = self.services.data
        routines = None
        if self.services.prefs.sync_routines:
            from stretchdesk.history.sync.routines import RoutineSharing  # noqa: PLC0415

            routines = RoutineSharing(
                self.sync.folder, data.history.parent, data.routines, self.sync.device
            )
        threading.Thread(
            target=self._pass,
            args=(self.sync, data.history, routines),
            name="stretchdesk-sync",
            daemon=True,
        ).start()

    def _watch(self) -> None:
        """The folder's own folders: a file an engine puts there is seen at once."""
        assert self.sync is not None
        root = self.sync.root
        wanted = [root, *(p for p in root.glob("*") if p.is_dir())]
        wanted += [p for device in wanted[1:] for p in sorted(device.glob("*-*"))[-2:]]
        have = set(self._watcher.directories())
        missing = [str(p) for p in wanted if p.is_dir() and str(p) not in have]
        if missing:
            self._watcher.addPaths(missing)

    def _pass(self, sync: SyncFolder, history: Path, routines: RoutineSharing | None) -> None:
        report: SyncReport | str
        try:
            conn = sqlite3.connect(history, isolation_level=None, timeout=10.0)
            try:
                conn.execute("PRAGMA foreign_keys=ON")
                report = sync.run(conn)
            finally:
                conn.close()
            if routines is not None:  # (the routines folder's watcher shows what came)
                report.skipped.extend(routines.run().skipped)
        except OSError as exc:  # the folder gone, read-only, full: said, tried again later
            report = _("The shared folder {folder} cannot be used now ({reason}).").format(
                folder=sync.folder, reason=exc.strerror or exc
            )
        except Exception as exc:  # a bug (or the history locked): in the crash log
            write_crash_log(self.services.data.crash_log, exc, "sharing the history")
            report = _("The history could not be shared this time; it is tried again soon.")
        with contextlib.suppress(RuntimeError):  # the window has gone
            self.done.emit(report)

    def _finished(self, report: SyncReport | str) -> None:
        self._running = False
        banner = self.banner
        if self._problem is not None:
            banner.remove(self._problem)
            self._problem = None
        if isinstance(report, str):
            self._problem = report
            banner.add(report)
            self._status(report)
        else:
            self._say_skipped(report.skipped)
            if report.changed_history:
                self._refresh()
            self._status(_shared_words(report))
        if self._again or (not isinstance(report, str) and report.more):
            self._again = False
            QTimer.singleShot(0, self.run)

    def _say_skipped(self, skipped: list[tuple[str, str]]) -> None:
        banner = self.banner
        if self._skipped_line is not None:
            banner.remove(self._skipped_line)
            self._skipped_line = None
        if skipped:
            name, reason = skipped[0]
            self._skipped_line = ngettext(
                "{count} file in the shared folder was left for now ({name}: {reason}); it "
                "is tried again later.",
                "{count} files in the shared folder were left for now ({name}: {reason}); "
                "they are tried again later.",
                len(skipped),
            ).format(count=len(skipped), name=Path(name).name, reason=reason)
            banner.add(self._skipped_line)

    def _refresh(self) -> None:
        self.history_changed.emit()

    def _status(self, text: str) -> None:
        self.last_status = text
        self.status_changed.emit(text)


def _shared_words(report: SyncReport) -> str:
    if report.sessions:
        return ngettext(
            "Shared: {count} session came from another computer.",
            "Shared: {count} sessions came from other computers.",
            report.sessions,
        ).format(count=report.sessions)
    return _("Shared: up to date.")
