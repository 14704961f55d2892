"""The history file: opening it (with recovery of damage, migration, and sessions left
running by a process that is gone) and closing it. The writes are in writes.py."""

from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path

from stretchdesk.history.errors import (
    HistoryError,
    HistoryNotice,
    HistoryTooNew,
    HistoryUnwritable,
    HistoryWriteFailed,
    NoticeKind,
    classify,
    classify_os,
    error_code,
)
from stretchdesk.history.files import companions, keep_aside, looks_foreign
from stretchdesk.history.journal import pending_path
from stretchdesk.history.liveness import OwnerLock, watch
from stretchdesk.history.migrate import migrate, recover_interrupted, user_version
from stretchdesk.history.schema import LATEST
from stretchdesk.history.upkeep import Upkeep, leftovers
from stretchdesk.history.writes import SessionWriter
from stretchdesk.i18n import _, ngettext
from stretchdesk.session.clock import monotonic


class _Corrupt(Exception):
    """The file is not a usable SQLite database."""


class HistoryStore(SessionWriter):
    """One open history file. Use :meth:`open`; close it when done."""

    def __init__(self, conn: sqlite3.Connection, path: Path, lock: OwnerLock | None) -> None:
        super().__init__(conn, path, lock.token if lock else "read-only")
        self._lock = lock
        self._locks = lock.folder if lock else path.parent / "locks"
        # what it still owes: heartbeats, writes to try again (upkeep.py)
        self.upkeep = Upkeep(self, pending_path(path, self.owner))

    # ------------------------------------------------------------------ opening
    @classmethod
    def open(
        cls, path: Path, locks: Path | None = None
    ) -> tuple[HistoryStore, list[HistoryNotice]]:
        """Open or create the history at ``path``; ``locks`` is the folder of the running
        sessions' owner locks (by default ``locks`` beside the file).

        A corrupt or foreign file is kept aside and a fresh one started (with a notice);
        a newer file raises HistoryTooNew untouched; an unwritable folder raises
        HistoryUnwritable. Sessions left running by dead processes become interrupted.
        """
        notices: list[HistoryNotice] = []
        try:
            path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        except OSError as exc:
            raise HistoryUnwritable(
                _("The history folder {folder} cannot be created ({reason}).").format(
                    folder=path.parent, reason=exc.strerror
                )
            ) from None
        try:
            conn = cls._connect_checked(path)
        except _Corrupt as exc:
            kept = cls._keep_aside_or_fail(path)
            notices.append(
                HistoryNotice(
                    NoticeKind.CORRUPT_KEPT_ASIDE,
                    _(
                        "The history file was damaged ({reason}); it was kept as {name} and "
                        "a new history started."
                    ).format(reason=exc, name=kept.name),
                    kept,
                )
            )
            conn = cls._connect_checked(path)
        try:
            lock = OwnerLock(locks or path.parent / "locks")
        except OSError:
            conn.close()
            raise HistoryUnwritable(
                _("The folder {folder} cannot be written (read-only or no permission).").format(
                    folder=locks or path.parent
                )
            ) from None
        store = cls(conn, path, lock)
        try:
            notices.extend(store._prepare())
        except HistoryError:
            store.close()
            raise
        return store, notices

    @classmethod
    def open_readonly(cls, path: Path, locks: Path | None = None) -> HistoryStore:
        """Open for reading only (exports from a read-only folder); never writes. A session
        whose app is gone reads as interrupted (``locks``: the owners' lock folder, by
        default ``locks`` beside the file)."""
        if not path.exists():
            raise HistoryError(_("There is no history yet at {path}.").format(path=path))
        if looks_foreign(path):
            raise HistoryError(_("{path} is not a stretchdesk history file.").format(path=path))
        uri = path.resolve().as_uri() + "?mode=ro"
        try:
            conn = sqlite3.connect(uri, uri=True, isolation_level=None)
            version = user_version(conn)
        except sqlite3.Error:
            # a WAL file in a read-only folder: read it as an immutable snapshot
            conn = sqlite3.connect(uri + "&immutable=1", uri=True, isolation_level=None)
            try:
                version = user_version(conn)
            except sqlite3.DatabaseError as exc:
                conn.close()
                raise HistoryError(
                    _("The history file cannot be read ({reason}).").format(reason=exc)
                ) from None
        if version > LATEST:
            conn.close()
            raise cls._too_new(path, version)
        store = cls(conn, path, None)
        watch(conn, locks=locks or path.parent / "locks", own=None)
        return store

    @staticmethod
    def _too_new(path: Path, version: int) -> HistoryTooNew:
        return HistoryTooNew(
            _(
                "The history file {path} was written by a newer version of stretchdesk "
                "(schema {version}, this version knows {latest}). It was left untouched; "
                "update stretchdesk to use it."
            ).format(path=path, version=version, latest=LATEST)
        )

    @classmethod
    def _keep_aside_or_fail(cls, path: Path) -> Path:
        try:
            return keep_aside(path, "corrupt")
        except OSError:
            raise HistoryUnwritable(
                _(
                    "The history file {path} is damaged and its folder cannot be written, so "
                    "it cannot be replaced."
                ).format(path=path)
            ) from None

    @classmethod
    def _connect_checked(cls, path: Path) -> sqlite3.Connection:
        if looks_foreign(path):
            raise _Corrupt("it is not a database file")
        existed = path.exists()
        try:
            conn = sqlite3.connect(path, isolation_level=None, timeout=10.0)
        except sqlite3.Error as exc:
            raise classify(exc, path) from None
        try:
            version = user_version(conn)
            if version > LATEST:
                conn.close()
                raise cls._too_new(path, version)
            if existed:
                # the file's structure, page by page; not its CHECK constraints (every
                # write is checked against them; reading them back for 100,000 steps is
                # three quarters of the time, and a value they would refuse is a read
                # error the reader reports)
                conn.execute("PRAGMA ignore_check_constraints=ON")
                result = conn.execute("PRAGMA quick_check").fetchone()
                conn.execute("PRAGMA ignore_check_constraints=OFF")
                if result is None or result[0] != "ok":
                    conn.close()
                    raise _Corrupt(str(result[0]) if result else "no answer")
        except sqlite3.DatabaseError as exc:
            conn.close()
            # only a damaged file is kept aside; a full disk, an I/O error or a lock leaves
            # the file exactly as it is and is reported as what it is
            code = error_code(exc)
            if code in (sqlite3.SQLITE_CORRUPT, sqlite3.SQLITE_NOTADB) or code == 0:
                raise _Corrupt(str(exc)) from None
            raise classify(exc, path) from None
        with contextlib.suppress(OSError):
            path.chmod(0o600)
        return conn

    def _prepare(self) -> list[HistoryNotice]:
        notices: list[HistoryNotice] = []
        try:
            mode = self.conn.execute("PRAGMA journal_mode=WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise HistoryUnwritable(
                    _("The history file {path} cannot be written.").format(path=self.path)
                )
            self.conn.execute("PRAGMA synchronous=FULL")
            version = user_version(self.conn)
            if version < LATEST:
                notices.extend(migrate(self.conn, self.path, version))
            self.conn.execute("PRAGMA foreign_keys=ON")
            # writes a gone process could not make (a full disk), before its session is
            # found running and interrupted
            for left in leftovers(self, self._locks, self.owner, monotonic):
                self.upkeep.add(left)
            interrupted = self._recover()
            watch(self.conn, locks=self._locks, own=self.owner)
        except sqlite3.Error as exc:
            raise classify(exc, self.path) from None
        except OSError as exc:  # the backup copy before a migration
            raise classify_os(exc, self.path) from None
        if interrupted:
            said = ngettext(
                "{n} session ended without closing properly and is saved as interrupted.",
                "{n} sessions ended without closing properly and are saved as interrupted.",
                interrupted,
            )
            notices.append(HistoryNotice(NoticeKind.INTERRUPTED_FOUND, said.format(n=interrupted)))
        with contextlib.suppress(OSError):
            for companion in companions(self.path):
                if companion.exists():
                    companion.chmod(0o600)
        return notices

    def _recover(self) -> int:
        """Sessions left running by processes that are gone become interrupted. On a full
        disk that waits for the next start (meanwhile they read as interrupted): the
        history still opens, so today's sessions are recorded once space returns."""
        try:
            return recover_interrupted(self.conn, self._locks, self.owner)
        except sqlite3.Error as exc:
            problem = classify(exc, self.path)
            if isinstance(problem, HistoryWriteFailed):
                return 0
            raise

    # ------------------------------------------------------------------ closing
    def close(self) -> None:
        """Closed once: every pending write is tried once more first (what cannot be
        written stays in the pending file for the next start)."""
        if self._lock is not None:
            self.upkeep.close()
        with contextlib.suppress(sqlite3.Error):
            self.conn.close()
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> HistoryStore:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
