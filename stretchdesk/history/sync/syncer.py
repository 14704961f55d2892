"""One pass over the sync folder: this computer's new sessions and changes written first,
then the other computers' new files read and brought in. A file that cannot be used now
(half synced, from a newer version, hostile) is named with its reason and tried again at
the next pass; it never stops the others."""

from __future__ import annotations

import contextlib
import errno
import gc
import json
import os
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from stretchdesk.history import packed
from stretchdesk.history.sync import inbox, outbox, same_folder
from stretchdesk.history.sync.device import computer_name, device_id
from stretchdesk.history.sync.folder import FolderScan, write_all
from stretchdesk.history.sync.gather import Gatherer, matches
from stretchdesk.history.sync.months import MAX_MONTH_BYTES, MonthRecord, decode_month, held
from stretchdesk.history.sync.names import (
    ROOT,
    change_file,
    month_of,
    parse_name,
    session_file,
)
from stretchdesk.history.sync.records import (
    ChangeRecord,
    Record,
    Refused,
    SessionRecord,
    encode_change,
    encode_session,
)
from stretchdesk.history.timefmt import utc_now
from stretchdesk.i18n import _

IMPORT_BATCH = 2000  # files brought in per transaction (the window's writes wait no longer)
IMPORT_CACHE_KIB = -65536  # the page cache while importing: 64 MiB (negative: in KiB)
UNPACK_MONTHS = 12  # months of packed steps written as rows by a pass (about 0.1 s)


@dataclass
class SyncReport:
    written: int = 0  # files this computer wrote
    sessions: int = 0  # sessions from other computers new in the history
    changes: int = 0  # fields another computer changed
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    more: bool = False  # sessions of this computer are still to be written
    packed_left: int = 0  # months of another computer's steps still to be written as rows

    @property
    def changed_history(self) -> bool:
        return bool(self.sessions or self.changes)


def _matching(name: str, record: Record | Refused) -> Record | Refused:
    """The record, if it is what its name says: whose, of which session, which kind."""
    said = parse_name(name.rsplit("/", 1)[-1])
    if isinstance(record, Refused) or said is None:
        return record
    if not matches(said, record):
        return Refused(_("it does not hold what its name says"))
    return record


def _month(name: str, path: str) -> MonthRecord | Refused:
    """The month file's records, if it is the one its name says."""
    data = inbox.read_bytes(path, MAX_MONTH_BYTES)
    found = data if isinstance(data, Refused) else decode_month(data)
    said = parse_name(name.rsplit("/", 1)[-1])
    if isinstance(found, MonthRecord) and (
        said is None or (said.device, said.uid) != (found.device, found.month)
    ):
        return Refused(_("it does not hold what its name says"))
    return found


class SyncFolder:
    """The person's sync folder as seen from this data folder."""

    def __init__(
        self,
        folder: Path,
        data_folder: Path,
        *,
        now: Callable[[], datetime] = utc_now,
        computer: str | None = None,
    ) -> None:
        self.folder = folder
        self.root = folder / ROOT
        self.data_folder = data_folder
        self.device = device_id(data_folder)
        self.computer = computer or computer_name()
        self.now = now
        self._scan = FolderScan(self.root, self.device)
        self._gather = Gatherer(self.root, self.device, self.computer)

    def run(self, conn: sqlite3.Connection, *, write: bool = True) -> SyncReport:
        """One pass; ``write=False`` only reads (the setting turned off keeps nothing new
        from being written). OSError if the folder is not there: a share not mounted is
        said, never written under its mount point."""
        if not self.folder.is_dir():
            raise FileNotFoundError(errno.ENOENT, os.strerror(errno.ENOENT), str(self.folder))
        report = SyncReport()
        if write:
            self.write_out(conn, report)
            if not report.more:  # every finished session of this computer is there
                report.written += self._gather.run(self.now())
        self.bring_in(conn, report)
        # the steps of months read in one go, written as rows by the next passes: the
        # pass that brought them stays short (their sessions are all there already)
        months = 0 if report.sessions >= IMPORT_BATCH else UNPACK_MONTHS
        report.packed_left = packed.unpack(conn, months=months)
        return report

    # ------------------------------------------------------------------ writing
    def write_out(self, conn: sqlite3.Connection, report: SyncReport) -> None:
        same_folder.check(conn, self.root / self.device, self.data_folder)
        sessions = outbox.unshared_sessions(conn, self.device, self.computer)
        report.more = len(sessions) >= outbox.BATCH
        items = [*sessions, *outbox.changed_sessions(conn, self.device, self.computer, self.now)]
        if not items:
            return
        planned = [self._plan(item.record) for item in items]
        written = write_all([(path, data, replace) for _r, path, data, replace in planned])
        report.written += sum(written)
        sent = [
            outbox.Written(item.session_id, record)
            for item, (record, _p, _d, _r) in zip(items, planned, strict=True)
        ]
        outbox.note_written(conn, sent)

    def _write(self, record: SessionRecord | ChangeRecord) -> tuple[Record, bool]:
        """Write one record's file: what the folder holds, whether it was written now."""
        held, path, data, replace = self._plan(record)
        return held, write_all([(path, data, replace)])[0]

    def _plan(
        self, record: SessionRecord | ChangeRecord
    ) -> tuple[Record, Path | None, bytes, bool]:
        """What the folder will hold for the record (a session's file written before a kill
        stays as it is: another computer may have read it; a change made since goes out as
        a change), and the file to write for it, if any: its path, bytes, and whether a
        file there with as many bytes is replaced."""
        if isinstance(record, ChangeRecord):
            month = month_of(record.stamp.at)
            moment = datetime.fromisoformat(record.stamp.at.replace("Z", "+00:00"))
            name, data = change_file(self.device, record.uid, moment), encode_change(record)
            return record, self.root / self.device / month / name, data, False
        month = month_of(str(record.session["started_at"]))
        path = self.root / self.device / month / session_file(self.device, record.uid)
        there = inbox.read_record(path) if path.exists() else None
        if isinstance(there, SessionRecord) and there.uid == record.uid:
            return there, None, b"", False
        return record, path, encode_session(record), True

    # ------------------------------------------------------------------ reading
    def bring_in(self, conn: sqlite3.Connection, report: SyncReport) -> None:
        bulk = _Bulk(conn)
        # what is read lives until its batch is written, without cycles: Python's cycle
        # collector would walk those objects again and again (a tenth of a first import)
        collecting = gc.isenabled()
        gc.disable()
        try:
            self._bring_in(conn, report, bulk)
        finally:
            if collecting:
                gc.enable()
            bulk.end()

    def _bring_in(self, conn: sqlite3.Connection, report: SyncReport, bulk: _Bulk) -> None:
        whole: list[tuple[str, int]] = []  # folders whose every file was read
        root = os.fspath(self.root)
        batch = _Batch(conn, report, bulk)
        for folder, device, mtime in self._scan.changed(conn):
            read = _read_before(conn, folder)
            left = len(report.skipped)
            new = [n for n in self._scan.files(folder, device) if n not in read]
            months = [n for n in new if n[len(folder) + 1] == "m"]
            if months:  # the files a month file holds are read with it
                covered = self._months(folder, months, batch)
                new = [n for n in new if n not in covered]
            # sessions before changes: a change then finds its session in the same pass
            new.sort(key=lambda n: n.rsplit("/", 1)[-1][0] != "s")
            records = inbox.read_records([f"{root}/{name}" for name in new])
            for name, found in zip(new, records, strict=True):
                record = _matching(name, found)
                if isinstance(record, Refused):
                    report.skipped.append((name, record.reason))
                    continue
                batch.add([(name, record)])
            if len(report.skipped) == left:
                whole.append((folder, mtime))
        batch.flush()
        if whole:
            self._scan.read_whole(conn, whole)

    def _months(self, folder: str, months: list[str], batch: _Batch) -> set[str]:
        """The folder's new month files read, each whole into the batch: the names of
        the files read (the month files, and the files each holds)."""
        covered = set(months)
        for name in months:
            month = _month(name, f"{self.root}/{name}")
            if isinstance(month, Refused):
                batch.report.skipped.append((name, month.reason))
                continue
            names = held(month)
            covered.update(f"{folder}/{n}" for n in names)
            batch.add([(name, record) for record in month.records], (name, names), month)
        return covered

    def forget(self, conn: sqlite3.Connection) -> None:
        """List every folder again at the next pass (a file changed in place)."""
        conn.execute("DELETE FROM sync_dir")
        self._scan = FolderScan(self.root, self.device)


def _read_before(conn: sqlite3.Connection, folder: str) -> set[str]:
    """The folder's files read whole at an earlier pass: on their own, or held by a month
    file read (the names relative to the root)."""
    within = (f"{folder}/", f"{folder}0")  # ("0" sorts just after "/")
    query = "SELECT name FROM sync_file WHERE name > ? AND name < ?"
    read = {r[0] for r in conn.execute(query, within)}
    query = "SELECT month, names FROM sync_held WHERE month > ? AND month < ?"
    for month, names in conn.execute(query, within):
        read.add(month)
        read.update(f"{folder}/{name}" for name in json.loads(names))
    return read


class _Batch:
    """Records read, brought in a few thousand at a time: a month file's all in one
    transaction with the names of the files it holds (a kill between two transactions
    leaves it unread, to be read whole at the next pass)."""

    def __init__(self, conn: sqlite3.Connection, report: SyncReport, bulk: _Bulk) -> None:
        self.conn, self.report, self.bulk = conn, report, bulk
        self.records: list[tuple[str, Record]] = []
        self.held: dict[str, set[str]] = {}  # month file -> the names of the files it holds
        self.months: list[MonthRecord] = []  # those whose sessions are columns
        self.size = 0

    def add(
        self,
        records: list[tuple[str, Record]],
        held: tuple[str, set[str]] | None = None,
        month: MonthRecord | None = None,
    ) -> None:
        self.records.extend(records)
        self.size += len(records)
        if held is not None:
            self.held[held[0]] = held[1]
        if month is not None and month.sessions is not None:
            self.months.append(month)
            self.size += len(month.sessions.uids)
        if self.size >= IMPORT_BATCH:
            self.bulk.begin()  # more than one batch: a first import
            self.flush()

    def flush(self) -> None:
        if not self.records and not self.held:
            return
        applied = inbox.apply(self.conn, self.records, self.held, self.months)
        self.report.sessions += applied.sessions
        self.report.changes += applied.changes
        self.records, self.held, self.months, self.size = [], {}, [], 0


class _Bulk:
    """The connection's settings while a pass brings in more than one batch (a first
    import), taken at its first full batch and given back at the end of the pass: a page
    cache with room for a batch (else its pages spill to the WAL and are written again),
    and the WAL copied into the database once at the end rather than after each batch;
    the batches' commits are not flushed one by one (the checkpoint at the end flushes
    them): a power cut before it may lose the last batches, never the history's own rows,
    and what they brought is read again from the folder at the next pass."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.saved: tuple[int, int, int] | None = None

    def begin(self) -> None:
        if self.saved is not None:
            return
        (cache,) = self.conn.execute("PRAGMA cache_size").fetchone()
        (pages,) = self.conn.execute("PRAGMA wal_autocheckpoint").fetchone()
        (synchronous,) = self.conn.execute("PRAGMA synchronous").fetchone()
        self.saved = (int(cache), int(pages), int(synchronous))
        self.conn.execute(f"PRAGMA cache_size = {IMPORT_CACHE_KIB}")
        self.conn.execute("PRAGMA wal_autocheckpoint = 0")
        # what a batch writes can be read again from the folder: a commit lost to a power
        # cut is read again at the next pass (the history itself stays whole either way)
        self.conn.execute("PRAGMA synchronous = NORMAL")

    def end(self) -> None:
        if self.saved is None:
            return
        cache, pages, synchronous = self.saved
        self.saved = None
        self.conn.execute(f"PRAGMA cache_size = {cache}")
        self.conn.execute(f"PRAGMA wal_autocheckpoint = {pages}")
        self.conn.execute(f"PRAGMA synchronous = {synchronous}")
        with contextlib.suppress(sqlite3.Error):  # done now, not by the window's next write
            self.conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
