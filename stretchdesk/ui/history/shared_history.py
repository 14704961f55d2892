"""The history shared with the person's other computers, kept in step while the app runs:
a pass over the sync folder (history/sync/) after the window's first paint (as soon as the
history, opened just after it, is open), when the folder changes, and every minute. Each
pass runs on a thread of its own with its own connection to the history, so a first import
of years never costs the window any time. Files that
cannot be read yet are told in one line of the banner, in what they mean for the person
(they are tried again at the next pass); a line the person dismissed stays away until
something new goes wrong, and no line comes or goes while a session runs (``busy``: held
until it ends). Sessions from another computer refresh what the window shows of the
history.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QFileSystemWatcher, QObject, QTimer, Signal

from stretchdesk.crashlog import write_crash_log
from stretchdesk.i18n import N_, _, ngettext
from stretchdesk.ui.history.skipped_files import skipped_words
from stretchdesk.ui.kit.follow import follow

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

    from stretchdesk.history.sync import SyncFolder, SyncReport
    from stretchdesk.history.sync.routines import RoutineSharing
    from stretchdesk.services import Services
    from stretchdesk.settings import Preferences
    from stretchdesk.ui.shell.banner import Banner

STOPPED = N_(
    "Sharing stopped: the sessions that came from the other computers stay in this "
    "history; nothing more is written to or read from the folder."
)
EVERY_MS = 60_000  # a pass at least this often
SETTLE_MS = 1_000  # the folder has not changed for this long: the engine has written
STORE_WAIT_MS = 200  # the first look again for the history (opened just after the paint)


class SharedHistory(QObject):
    done = Signal(object)  # the SyncReport of a pass, or why it failed
    history_changed = Signal()  # sessions or changes came from another computer
    status_changed = Signal(str)  # one line for Settings: shared, up to date, or why not

    def __init__(
        self,
        parent: QWidget,
        services: Services,
        banner: Banner,
        busy: Callable[[], bool] = lambda: False,
    ) -> None:
        """``busy``: a session runs (the banner's lines wait until ``settle``)."""
        super().__init__(parent)
        self.services = services
        self.banner = banner
        self.sync: SyncFolder | None = None
        self.last_status = ""
        self._shared = False  # a folder was set (a stop is then said in Settings)
        self._skipped = BannerLine(banner, busy)  # files that could not be read
        self._problem = BannerLine(banner, busy)  # the folder itself cannot be used
        self._running = False
        self._again = False
        self._store_wait = 0  # ms before looking again for the history, opened after paint
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
        self._skipped.want(None)
        self._problem.want(None)
        was_shared, self._shared = self._shared, wanted is not None
        if wanted is None:
            self._status(_(STOPPED) if was_shared else "")
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
        if self.sync is None:
            return
        if self.services.store is None:  # not open yet (or it could not be): soon again
            if not self._store_wait:
                self._store_wait = STORE_WAIT_MS
                QTimer.singleShot(self._store_wait, self._store_looked_for)
            return
        self._store_wait = 0
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

    def _store_looked_for(self) -> None:
        if self.sync is None or self.services.store is not None:
            self._store_wait = 0
            self.run()
            return
        self._store_wait = min(2 * self._store_wait, EVERY_MS)  # a history that cannot open
        QTimer.singleShot(self._store_wait, self._store_looked_for)

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
        if isinstance(report, str):  # (its own line replaces the files' line)
            self._skipped.want(None)
            self._problem.want(frozenset({report}), report)
            self._status(report)
        else:
            self._problem.want(None)
            names = frozenset(name for name, _reason in report.skipped)
            self._skipped.want(names, skipped_words(report.skipped) if names else "")
            if report.changed_history:
                self._refresh()
            self._status(_shared_words(report))
        # more of this computer's sessions to write, or of the steps read in one go to
        # write as rows (a few months a pass): the next pass at once
        more = not isinstance(report, str) and (report.more or report.packed_left > 0)
        if self._again or more:
            self._again = False
            QTimer.singleShot(0, self.run)

    def history_written(self) -> None:
        """This computer's history changed (a session ended, a note or a rating): a pass
        now, so the other computers have it at once (after the one running, if one is)."""
        self.run()

    def settle(self) -> None:
        """A session ended: the banner's lines held meanwhile are shown or taken back."""
        self._problem.settle()
        self._skipped.settle()

    def _refresh(self) -> None:
        self.history_changed.emit()

    def _status(self, text: str) -> None:
        self.last_status = text
        self.status_changed.emit(text)


def _shared_words(report: SyncReport) -> str:
    if report.skipped:
        return ngettext(
            "Shared, except {count} file that could not be read.",
            "Shared, except {count} files that could not be read.",
            len(report.skipped),
        ).format(count=len(report.skipped))
    if report.sessions:
        return ngettext(
            "Shared: {count} session came from another computer.",
            "Shared: {count} sessions came from other computers.",
            report.sessions,
        ).format(count=report.sessions)
    return _("Shared: up to date.")


class BannerLine:
    """One line of the banner kept by the passes. The line a person dismissed is not shown
    again while what it says stays true (the same files, or fewer); something new (another
    file, the folder's state) shows it again. While ``busy`` (a session runs) nothing is
    added or taken back: the window never moves under the pointer; ``settle`` catches up."""

    def __init__(self, banner: Banner, busy: Callable[[], bool]) -> None:
        self.banner = banner
        self.busy = busy
        self.shown: str | None = None  # the text in the banner now
        self._shown_key: frozenset[str] = frozenset()
        self._wanted: tuple[frozenset[str], str] | None = None
        self._dismissed: frozenset[str] | None = None

    def want(self, key: frozenset[str] | None, text: str = "") -> None:
        """Say ``text`` (what is wrong: ``key``, the files or the failure); None: nothing."""
        self._note_dismissed()
        if not key:
            self._wanted, self._dismissed = None, None  # fixed: a next time is new
        elif self._dismissed is not None and key <= self._dismissed:
            self._wanted = None  # seen and dismissed: nothing new
        else:
            self._wanted, self._dismissed = (key, text), None
        self.settle()

    def _note_dismissed(self) -> None:
        if self.shown is not None and self.shown not in self.banner.messages:
            self._dismissed = self._shown_key  # the person's Dismiss
            self.shown = None

    def settle(self) -> None:
        if self.busy():
            return
        self._note_dismissed()
        text = self._wanted[1] if self._wanted is not None else None
        if text == self.shown:
            return
        if text is not None:  # (added before the old one goes: the banner never closes)
            self.banner.add(text)
        if self.shown is not None:
            self.banner.remove(self.shown)
        self.shown = text
        self._shown_key = self._wanted[0] if self._wanted is not None else frozenset()
